"""Detection bans a brute-forcer through the trap workers as without them.

`twistd honeymesh` runs in ENFORCE inside a lab's target namespace with a Redis trap, once with
``[node] workers = 0`` and once with 2. From the attacker namespace one source makes one
login attempt (the default policy bans on it): the worker that served the session sends the
credential to the daemon, whose detection and policy make the ban, stored in SQLite as
without workers. Loopback is always allowed, hence the namespaces.
"""

from __future__ import annotations

import contextlib
import socket
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from honeymesh.config import load_config
from tests.kernel.netns import Lab, entered
from tests.kernel.test_daemon_enforcement import NamespacedDaemon, wait_for
from tests.nodes import make_node

pytestmark = pytest.mark.kernel

REDIS_PORT = 6379
REDIS_TRAP = f"""
[[traps]]
name = "redis"
type = "redis"
ports = [{REDIS_PORT}]
bind = ["0.0.0.0"]
"""


@pytest.fixture(params=[0, 2], ids=["no_workers", "two_workers"])
def daemon(request: pytest.FixtureRequest, lab: Lab, tmp_path: Path) -> Iterator[NamespacedDaemon]:
    node = make_node(tmp_path / "var", api_port=8443, trap_ports=(2323,), extra=REDIS_TRAP)
    text = node.config_path.read_text().replace('mode = "test"', 'mode = "enforce"')
    text = text.replace("workers = 0", f"workers = {request.param}")
    node.config_path.write_text(text)
    d = NamespacedDaemon(lab, node, tmp_path / "daemon.out")
    try:
        yield d
    finally:
        if d.proc is not None and d.proc.poll() is None:
            d.stop()


def auth(lab: Lab, src: str, password: bytes) -> bytes:
    with entered(lab.attacker):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with sock:
        sock.settimeout(10)
        sock.bind((src, 0))
        sock.connect((lab.target4, REDIS_PORT))
        sock.sendall(b"*2\r\n$4\r\nAUTH\r\n$%d\r\n%s\r\n" % (len(password), password))
        return sock.recv(200)


def bans(daemon: NamespacedDaemon) -> list[str]:
    config = daemon.node.config
    with contextlib.closing(sqlite3.connect(config.data_path(config.store.path))) as db:
        return [row[0] for row in db.execute("SELECT network FROM bans")]


def served_by(daemon: NamespacedDaemon) -> list[object]:
    config = daemon.node.config
    with contextlib.closing(sqlite3.connect(config.data_path(config.store.path))) as db:
        return [
            row[0]
            for row in db.execute(
                "SELECT json_extract(body, '$.detail.worker') FROM events"
                " WHERE event_id = 'trap.credential'"
            )
        ]


def test_a_brute_forcer_is_banned_with_workers_as_without(
    daemon: NamespacedDaemon, lab: Lab
) -> None:
    daemon.start()
    attacker = lab.sources4[0]
    assert auth(lab, attacker, b"hunter2").startswith(b"-")
    wait_for(lambda: bans(daemon) == [f"{attacker}/32"])
    workers = load_config(daemon.node.config_path).node.workers
    wait_for(lambda: bool(served_by(daemon)))  # the session's event is on disk within 250 ms
    assert served_by(daemon)[0] in ({None} if workers == 0 else {1, 2})  # the serving worker
    # The trap stays open to the banned source (traps_open_to_banned) and still records.
    assert auth(lab, attacker, b"again").startswith(b"-")
    wait_for(lambda: len(served_by(daemon)) == 2)
    daemon.stop()
    assert "Traceback" not in daemon.out.read_text()
