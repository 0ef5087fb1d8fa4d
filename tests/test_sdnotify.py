"""sd_notify: what systemd's Type=notify sees from the node, and when.

The datagram tests listen where systemd would ($NOTIFY_SOCKET, a path or an abstract name);
the appliance test checks READY=1 comes only once the ban list is back in the backend (so
``systemctl start`` returning means enforcement is in place) and STOPPING=1 on the way down.
The installed package's daemon reaching READY=1 under its unit's command line is in
tests/packaging/test_deb.py.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

import pytest
import pytest_twisted
from twisted.internet import reactor, threads
from twisted.internet.defer import Deferred

from honeymesh.sdnotify import SystemdNotifier
from honeymesh.tap import EnforcementStartup, build_appliance

from .nodes import make_node


def listen(address: str) -> socket.socket:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind("\0" + address[1:] if address.startswith("@") else address)
    sock.settimeout(5)
    return sock


@pytest.fixture
def path_socket(tmp_path: Path) -> Iterator[tuple[str, socket.socket]]:
    address = str(tmp_path / "notify")
    with listen(address) as sock:
        yield address, sock


def test_ready_and_status_reach_a_path_socket_one_key_a_line(
    path_socket: tuple[str, socket.socket],
) -> None:
    address, sock = path_socket
    SystemdNotifier.from_environ({"NOTIFY_SOCKET": address})(
        READY="1", STATUS="enforce: kernel enforcing\nFAKE=1"
    )
    assert sock.recv(4096).decode().split("\n") == [
        "READY=1",
        "STATUS=enforce: kernel enforcing FAKE=1",  # a value cannot smuggle in a key
    ]


def test_an_abstract_socket_name_starting_with_at_is_reached() -> None:
    address = f"@honeymesh-test-{os.getpid()}"
    with listen(address) as sock:
        SystemdNotifier(address)(STOPPING="1")
        assert sock.recv(4096) == b"STOPPING=1"


def test_without_notify_socket_or_with_none_listening_nothing_is_raised(tmp_path: Path) -> None:
    quiet = SystemdNotifier.from_environ({})
    assert not quiet.enabled
    quiet(READY="1")
    SystemdNotifier(str(tmp_path / "nobody")).__call__(READY="1")  # logged, not raised


@pytest_twisted.inlineCallbacks
def test_the_appliance_says_ready_only_once_bans_are_restored_and_stopping_on_stop(
    tmp_path: Path, path_socket: tuple[str, socket.socket]
) -> Generator[Deferred[Any], Any, None]:
    address, sock = path_socket
    node = make_node(tmp_path / "node")
    seen: list[tuple[str, bool]] = []
    notifier = SystemdNotifier(address)

    def notify(**state: str) -> None:
        startup = app.service.getServiceNamed("enforcement-startup")
        assert isinstance(startup, EnforcementStartup)
        seen.append((",".join(state), startup.restored))
        notifier(**state)

    app = build_appliance(node.config, node.identity, reactor, notify=notify)
    sock.settimeout(60)  # a bound, not a speed claim: the kernel service settles first
    app.service.startService()
    try:
        ready = yield threads.deferToThread(lambda: sock.recv(4096).decode())
    finally:
        yield app.service.stopService()
    assert ready.startswith("READY=1\nSTATUS=test: kernel ")
    assert ready.endswith(", 3 listening")  # the banner trap on two addresses, the API
    assert sock.recv(4096) == b"STOPPING=1\nSTATUS=stopping"
    assert seen == [("READY,STATUS", True), ("STOPPING,STATUS", True)]
