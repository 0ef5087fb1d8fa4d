"""The FTP trap's passive data connections over real loopback sockets: a port of the range, the
client's own address only, one connection, the transfer's words around its bytes, and the
accept timeout."""

from __future__ import annotations

import socket
import time
from collections.abc import Generator
from typing import Any

import pytest_twisted
from twisted.internet import reactor, task, threads

from honeymesh.detection.traps.dataport import DataSession, PassivePorts, Transfer

Steps = Generator[Any, Any, None]  # an inlineCallbacks test
LISTING = Transfer(b"150 here\r\n", b"line one\r\nline two\r\n", b"226 done\r\n", b"425 none\r\n")


class Control:
    """What the session said on the control connection, and how often a transfer ended."""

    def __init__(self) -> None:
        self.said: list[bytes] = []
        self.over = 0

    def session(self, clock: Any = reactor, timeout: float = 60.0) -> DataSession:
        return DataSession(clock, "127.0.0.1", self.said.append, self._over, timeout)

    def _over(self) -> None:
        self.over += 1


def fetch(port: int, source: str = "127.0.0.1") -> bytes:
    """Connect from ``source`` and read until the server closes."""
    with socket.create_connection(("127.0.0.1", port), timeout=5, source_address=(source, 0)) as s:
        got = b""
        while chunk := s.recv(65536):
            got += chunk
        return got


def free_range(size: int) -> tuple[int, int]:
    """``size`` consecutive ports free on loopback now (the test's own range)."""
    for first in range(43000, 60000, size):
        socks = []
        try:
            for port in range(first, first + size):
                s = socket.socket()
                s.bind(("127.0.0.1", port))
                socks.append(s)
            return first, first + size - 1
        except OSError:
            continue
        finally:
            for s in socks:
                s.close()
    raise AssertionError("no free port range")


@pytest_twisted.inlineCallbacks
def test_a_transfer_goes_over_the_clients_own_connection_between_its_words() -> Steps:
    first, last = free_range(3)
    control = Control()
    session = control.session()
    port = PassivePorts(reactor, first, last).open("127.0.0.1", session)
    assert port is not None and first <= port <= last
    stranger = threads.deferToThread(fetch, port, "127.0.0.2")  # another address: shut out
    assert (yield stranger) == b""
    session.start(LISTING)  # before the client connects: it waits for it
    assert session.busy and control.said == []
    got = yield threads.deferToThread(fetch, port)
    yield task.deferLater(reactor, 0.05, lambda: None)
    assert got == b"line one\r\nline two\r\n"
    assert control.said == [b"150 here\r\n", b"226 done\r\n"] and control.over == 1
    assert not session.busy and session.transfers == 1
    # The listener took its one connection and closed, as vsftpd's does
    refused = yield threads.deferToThread(fetch_or_refused, port)
    assert refused == "refused"


def fetch_or_refused(port: int) -> str:
    """ "refused" once nothing listens on ``port`` (a listener closed a reactor turn ago may
    still reset the connection it accepted meanwhile)."""
    for _ in range(20):
        try:
            fetch(port)
        except ConnectionRefusedError:
            return "refused"
        except ConnectionResetError:
            time.sleep(0.05)
            continue
        return "connected"
    return "reset"


@pytest_twisted.inlineCallbacks
def test_no_connection_within_the_accept_timeout_fails_the_transfer() -> Steps:
    first, last = free_range(1)
    clock = task.Clock()
    control = Control()
    session = control.session(clock, timeout=60.0)
    port = PassivePorts(reactor, first, last).open("127.0.0.1", session)
    assert port == first
    session.start(LISTING)
    clock.advance(59)
    assert control.said == []
    clock.advance(1)
    assert control.said == [b"425 none\r\n"] and control.over == 1 and not session.busy
    refused = yield threads.deferToThread(fetch_or_refused, port)
    assert refused == "refused"  # the port is closed with the failed transfer


@pytest_twisted.inlineCallbacks
def test_every_port_of_the_range_taken_gives_none_and_a_closed_session_frees_its_port() -> Steps:
    first, last = free_range(1)
    control = Control()
    holder = control.session()
    ports = PassivePorts(reactor, first, last)
    assert ports.open("127.0.0.1", holder) == first
    assert ports.open("127.0.0.1", control.session()) is None  # vsftpd's OOPS
    holder.close()
    yield task.deferLater(reactor, 0, lambda: None)
    assert ports.open("127.0.0.1", control.session()) == first
