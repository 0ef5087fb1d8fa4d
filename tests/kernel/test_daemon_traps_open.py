"""The issue's measurement, on a real daemon: a ban must not blind the honeypot.

`twistd honeymesh` runs in ENFORCE inside a lab's target namespace with XDP on its veth and a
telnet trap. From the attacker namespace a source logs in to the trap (one login attempt bans
by the default policy: the trap's own detection makes the ban), then, with the ban in place:
its datagrams to a UDP service and its connection to a TCP service in the daemon's namespace
(neither a trap) are dropped in XDP, while its open telnet session goes on answering commands
and what it types is still recorded. With ``[kernel] traps_open_to_banned = false`` the same
ban freezes the session (what the issue reported).
"""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from honeymesh.detection.traps.telnet import FIRST_OFFER, REFUSING_CLIENT, SECOND_OFFER_END
from tests.kernel.netns import Lab, Receiver, Sender, entered
from tests.kernel.test_daemon_enforcement import NamespacedDaemon, enforcing_daemon, wait_for

pytestmark = pytest.mark.kernel

TELNET_PORT = 2300
TELNET_TRAP = f"""
[[traps]]
name = "telnet"
type = "telnet"
ports = [{TELNET_PORT}]
"""


@pytest.fixture(params=[True, False], ids=["traps_open", "traps_closed"])
def daemon(request: pytest.FixtureRequest, lab: Lab, tmp_path: Path) -> Iterator[NamespacedDaemon]:
    def closed(text: str) -> str:
        return text.replace("traps_open_to_banned = true", "traps_open_to_banned = false")

    edit = (lambda text: text) if request.param else closed
    with enforcing_daemon(lab, tmp_path, TELNET_TRAP, edit) as d:
        yield d


class TelnetClient:
    """A TCP connection from one attacker address to the trap, read until a marker."""

    def __init__(self, lab: Lab, src: str) -> None:
        with entered(lab.attacker):
            self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.settimeout(5.0)
        self.sock.bind((src, 0))
        self.sock.connect((lab.target4, TELNET_PORT))
        self.seen = b""

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def until(self, marker: bytes, timeout: float = 5.0) -> bytes:
        """Everything received up to ``marker``; AssertionError if it does not come."""
        deadline = time.monotonic() + timeout
        while marker not in self.seen:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no {marker!r} from the trap; got {self.seen[-300:]!r}")
            self.sock.settimeout(left)
            try:
                chunk = self.sock.recv(4096)
            except TimeoutError:
                continue
            if not chunk:
                raise AssertionError(f"the trap hung up; got {self.seen[-300:]!r}")
            self.seen += chunk
        head, _, self.seen = self.seen.partition(marker)
        return head + marker

    def close(self) -> None:
        self.sock.close()


def tcp_connects(lab: Lab, src: str, port: int, timeout: float = 3.0) -> bool:
    with entered(lab.attacker):
        c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    c.settimeout(timeout)
    try:
        c.bind((src, 0))
        c.connect((lab.target4, port))
        return True
    except OSError:
        return False
    finally:
        c.close()


def logged_commands(daemon: NamespacedDaemon) -> list[str]:
    path = daemon.node.config.node.data_dir / daemon.node.config.log.json_file
    if not path.exists():
        return []
    out = []
    for line in path.read_text().splitlines():
        record = json.loads(line)
        detail = record.get("detail") or {}
        if record.get("event_id") == "trap.command":
            out.append(str(detail.get("command")))
    return out


def kernel_packets(daemon: NamespacedDaemon) -> dict[str, int]:
    counters = daemon.status()["counters"]
    assert isinstance(counters, dict)
    packets: dict[str, int] = counters["kernel_packets"]
    return packets


def test_a_banned_attacker_keeps_its_trap_session_and_loses_everything_else(
    daemon: NamespacedDaemon, lab: Lab
) -> None:
    daemon.start()
    attacker, clean = lab.sources4[0], lab.sources4[1]
    udp_service = Receiver(lab, socket.AF_INET)  # a real service in the daemon's namespace
    with entered(lab.target):
        tcp_service = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    tcp_service.bind(("0.0.0.0", 0))
    tcp_service.listen(8)
    tcp_port = tcp_service.getsockname()[1]
    sender = Sender(lab, [attacker, clean])
    telnet = TelnetClient(lab, attacker)
    try:
        # Before the ban the attacker reaches everything.
        sender.send(attacker, lab.target4, udp_service.port, 5)
        assert udp_service.drain(0.1).get(attacker) == 5
        assert tcp_connects(lab, attacker, tcp_port)

        # It logs in to the trap: the login attempt alone bans it (login_score 100 >= 70).
        telnet.until(FIRST_OFFER)  # the first option requests: refused, then the second
        telnet.send(REFUSING_CLIENT[0])
        telnet.until(SECOND_OFFER_END)
        telnet.send(REFUSING_CLIENT[1])
        telnet.until(b"login: ")
        telnet.send(b"root\r\n")
        telnet.until(b"Password: ")
        telnet.send(b"root\r\n")
        telnet.until(b"# ")

        def banned() -> bool:
            bans = daemon.status()["bans"]
            return isinstance(bans, dict) and bans.get("exact_v4") == 1

        wait_for(banned, timeout=20, step=0.2)
        explain = daemon.cli("explain", attacker, "--json")
        assert explain.returncode == 0 and '"banned"' in explain.stdout, explain.stdout
        traps_open = "traps_open_to_banned = false" not in daemon.node.config_path.read_text()
        assert ("except to the ports traps serve" in explain.stdout) is traps_open
        before = kernel_packets(daemon)

        # With the ban in place: non-trap ports are shut to the attacker, dropped in XDP ...
        sender.send(attacker, lab.target4, udp_service.port, 5)
        sender.send(clean, lab.target4, udp_service.port, 5)
        got = udp_service.drain(0.2)
        assert (got.get(attacker, 0), got.get(clean, 0)) == (0, 5)
        assert not tcp_connects(lab, attacker, tcp_port, timeout=1.0)
        assert tcp_connects(lab, clean, tcp_port)

        if not traps_open:  # switched off: the ban freezes the session, as before the fix
            telnet.send(b"echo after-ban-1\r\n")
            with pytest.raises(AssertionError, match="no b'after-ban-1"):
                telnet.until(b"after-ban-1", timeout=2.0)
            assert kernel_packets(daemon)["trap_passed"] == 0
            return
        # ... while its open trap session keeps answering, and what it types is recorded.
        for word in ("after-ban-1", "after-ban-2"):
            telnet.send(f"echo {word}\r\n".encode())
            reply = telnet.until(b"# ")
            assert f"\r\n{word}\r\n".encode() in reply, reply
        wait_for(lambda: "echo after-ban-2" in logged_commands(daemon), timeout=10, step=0.1)
        assert "echo after-ban-1" in logged_commands(daemon)

        after = kernel_packets(daemon)
        delta = {k: after[k] - before.get(k, 0) for k in after}
        assert delta["dropped_exact"] >= 6, delta  # 5 datagrams + at least one SYN
        assert delta["trap_passed"] >= 4, delta  # the session's segments, 2 commands' worth
    finally:
        telnet.close()
        sender.close()
        udp_service.close()
        tcp_service.close()
