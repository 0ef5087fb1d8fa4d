"""A trap's replies over real loopback TCP: sent at once where they can be, and always whole
and in order (``TrapProtocol._write``).

A reply to the client's data goes straight to the socket when Twisted holds nothing of the
session; whatever the socket cannot take, and every reply while Twisted holds some, goes
through Twisted's buffer. The client here asks for a reply larger than the socket takes and
goes on sending while it is still on its way, pipelines its commands, and meets a reply the
dialogue holds back (``Step.delay``): every byte must arrive, in the order the dialogue wrote
them. A close the dialogue asks for goes the same way: at once when everything has gone to
the socket, else behind what Twisted still holds.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Callable, Generator
from typing import Any, TypeVar

import pytest_twisted
from twisted.internet import reactor as global_reactor
from twisted.internet import threads
from twisted.internet.defer import Deferred, inlineCallbacks
from twisted.internet.task import deferLater

from honeymesh.detection.traps.base import Step, TrapFactory, TrapLimits, TrapProtocol
from honeymesh.events import Event, EventId, Observation

T = TypeVar("T")
reactor: Any = global_reactor  # listenTCP and its port, as Twisted types them, are not needed here
BIG = bytes(range(256)) * 65536  # 16 MiB: more than a loopback socket takes at once
LIMITS = TrapLimits(
    idle_timeout=10, session_timeout=30, max_bytes=1 << 20, max_connections=4, max_per_source=4
)


class Echo:
    """Greets with ``hi``; answers each line with ``<n>:<line>`` (``big`` with BIG as well); a
    chunk with ``wait`` in it is answered 50 ms later (and what arrives meanwhile after it);
    ``bye`` closes."""

    def __init__(self) -> None:
        self._n = 0
        self._buffer = b""

    def start(self) -> Step:
        return Step(b"hi\n")

    def receive(self, data: bytes) -> Step:
        self._buffer += data
        replies, close, delay = [], False, 0.0
        while b"\n" in self._buffer:
            line, self._buffer = self._buffer.split(b"\n", 1)
            self._n += 1
            replies.append(b"%d:%s\n" % (self._n, line))
            if line == b"big":
                replies.append(BIG)
            if line == b"wait":
                delay = 0.05
            if line == b"bye":
                close = True
                break
        return Step(b"".join(replies), close, delay=delay)

    def stop(self) -> None:
        pass


class _EchoTrap(TrapFactory):
    """The Echo trap, keeping the sessions it builds (``built``) and, after each chunk a
    session was given, whether it was still open when its ``dataReceived`` returned
    (``open_after``)."""

    def __init__(self, publish: Callable[[Event], None] = lambda event: None) -> None:
        super().__init__(
            name="echo",
            new_dialogue=lambda source: Echo(),
            limits=LIMITS,
            clock=reactor,
            publish=publish,
        )
        self.built: list[TrapProtocol] = []
        self.open_after: list[bool] = []

    def buildProtocol(self, addr: Any) -> TrapProtocol | None:
        proto = super().buildProtocol(addr)
        assert proto is not None
        self.built.append(proto)
        received = proto.dataReceived

        def watched(data: bytes) -> None:
            received(data)
            self.open_after.append(bool(getattr(proto.transport, "connected", False)))

        proto.dataReceived = watched  # type: ignore[method-assign]
        return proto


@inlineCallbacks
def _serve(
    factory: TrapFactory, client: Callable[..., T], *args: object
) -> Generator[Deferred[Any], Any, T]:
    """Listen on a loopback port with ``factory``, run ``client(port, *args)`` in a thread
    (blocking sockets), stop listening; its result."""
    port = reactor.listenTCP(0, factory, interface="127.0.0.1")
    try:
        result: T = yield threads.deferToThread(client, port.getHost().port, *args)
    finally:
        yield port.stopListening()
    return result


def _client(port: int) -> bytes:
    """Ask for BIG and go on sending while it is on its way (the trap's later answers must
    wait behind its rest), pipeline commands (the last ones while the trap holds its answer
    to ``wait``), then read to the close."""
    with socket.create_connection(("127.0.0.1", port), timeout=20) as s:
        received = s.recv(3)
        s.sendall(b"big\n")
        time.sleep(0.05)
        s.sendall(b"one\ntwo\n")
        s.sendall(b"wait\n")
        time.sleep(0.01)
        s.sendall(b"three\nfour\nbye\n")
        while chunk := s.recv(65536):
            received += chunk
        return received


@pytest_twisted.inlineCallbacks
def test_replies_arrive_whole_and_in_order() -> Generator[Deferred[Any], Any, None]:
    events: list[Event] = []
    factory = _EchoTrap(events.append)
    received = yield _serve(factory, _client)
    yield deferLater(reactor, 0.1, lambda: None)  # the session's record
    assert received == b"hi\n1:big\n" + BIG + b"2:one\n3:two\n4:wait\n5:three\n6:four\n7:bye\n"
    assert factory.built[0].sent_at_once >= 1  # BIG's first part went at once, its rest waited
    (session,) = [e for e in events if e.event_id == EventId.TRAP_SESSION]
    assert isinstance(session, Observation) and session.detail["closed_by"] == "trap"


@pytest_twisted.inlineCallbacks
def test_a_reply_that_fits_goes_out_before_the_reactor_turns() -> Generator[
    Deferred[Any], Any, None
]:
    """What the change is for: once the greeting (sent on the reactor's turn) is out, the
    answer to a line leaves the trap when dataReceived returns, as a MySQL login's does."""
    factory = _EchoTrap()
    received = yield _serve(factory, _ask)
    assert received == b"hi\n1:ping\n"
    (proto,) = factory.built
    assert proto.sent_at_once == 1  # the answer; not the greeting
    proto.transport.loseConnection()  # type: ignore[union-attr]


def _ask(port: int) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=20) as s:
        received = s.recv(3)
        s.sendall(b"ping\n")
        return received + s.recv(100)


@pytest_twisted.inlineCallbacks
def test_a_close_behind_a_reply_that_went_at_once_does_not_wait() -> Generator[
    Deferred[Any], Any, None
]:
    """The dialogue answers and closes (a refused MySQL login, an HTTP ``Connection:
    close``): its answer has gone to the socket, so the connection is closed, and the session
    forgotten, by the time ``dataReceived`` returns; the client reads the whole answer, then
    the end of the stream (a FIN, not a reset). The session is recorded once, as the trap's
    close."""
    events: list[Event] = []
    factory = _EchoTrap(events.append)
    received = yield _serve(factory, _to_the_end, b"ping\nbye\n")
    assert received == b"hi\n1:ping\n2:bye\n"
    (proto,) = factory.built
    assert proto.sent_at_once == 1
    assert factory.open_after == [False]  # closed before the reactor's next turn
    (session,) = [e for e in events if e.event_id == EventId.TRAP_SESSION]
    assert isinstance(session, Observation) and session.detail["closed_by"] == "trap"
    assert not factory.live and not factory.per_source


@pytest_twisted.inlineCallbacks
def test_a_close_behind_a_reply_twisted_still_holds_waits_for_it() -> Generator[
    Deferred[Any], Any, None
]:
    """Closed at once, the connection would drop the part of BIG the socket could not take:
    the close waits for Twisted to send it, as ``loseConnection`` always did."""
    factory = _EchoTrap()
    received = yield _serve(factory, _to_the_end, b"big\nbye\n")
    assert received == b"hi\n1:big\n" + BIG + b"2:bye\n"
    (proto,) = factory.built
    assert proto.sent_at_once == 1
    assert factory.open_after == [True]  # left open for Twisted to send the rest


def _to_the_end(port: int, lines: bytes) -> bytes:
    """Read the greeting, send ``lines`` in one chunk, read to the end of the stream."""
    with socket.create_connection(("127.0.0.1", port), timeout=20) as s:
        received = s.recv(3)
        s.sendall(lines)
        while chunk := s.recv(65536):  # a reset raises ConnectionResetError
            received += chunk
        return received


@pytest_twisted.inlineCallbacks
def test_a_banner_grabber_one_connection_at_a_time_is_never_refused() -> Generator[
    Deferred[Any], Any, None
]:
    """A greeting waits for the reactor's turn: sent at once, it let a client that reads it
    and hangs up connect again inside the port's accept loop, before the trap saw its
    earlier connections close, and one source's sessions piled up past its cap."""
    factory = TrapFactory(
        name="greeter",
        new_dialogue=lambda source: Greeter(),
        limits=TrapLimits(
            idle_timeout=10,
            session_timeout=30,
            max_bytes=1000,
            max_connections=50,
            max_per_source=2,
        ),
        clock=reactor,
        publish=lambda event: None,
    )
    greetings = yield _serve(factory, _grab, 300)
    assert greetings == [b"220 hi\r\n"] * 300
    assert factory.refused == 0


class Greeter(Echo):
    def start(self) -> Step:
        return Step(b"220 hi\r\n")


# The banner grabber, in a process of its own (a thread would wait for the reactor's GIL).
GRABBER = """
import socket, sys
port, count = int(sys.argv[1]), int(sys.argv[2])
for _ in range(count):
    with socket.create_connection(("127.0.0.1", port), timeout=20) as s:
        print(s.recv(100).hex(), flush=True)
"""


def _grab(port: int, count: int) -> list[bytes]:
    done = subprocess.run(
        [sys.executable, "-c", GRABBER, str(port), str(count)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return [bytes.fromhex(line) for line in done.stdout.splitlines()]


class Ok(Echo):
    """Answers every chunk with ``ok``."""

    def start(self) -> Step:
        return Step()

    def receive(self, data: bytes) -> Step:
        return Step(b"ok\n")


@pytest_twisted.inlineCallbacks
def test_a_chunk_past_the_byte_budget_gets_the_reset_alone() -> Generator[Deferred[Any], Any, None]:
    """As before direct replies: the session ends with a reset, and the answer to the chunk
    that broke the budget is not sent ahead of it."""
    factory = TrapFactory(
        name="budget",
        new_dialogue=lambda source: Ok(),
        limits=TrapLimits(
            idle_timeout=10, session_timeout=30, max_bytes=10, max_connections=4, max_per_source=4
        ),
        clock=reactor,
        publish=lambda event: None,
    )
    got = yield _serve(factory, _overflow)
    assert got == "reset"


def _overflow(port: int) -> str:
    with socket.create_connection(("127.0.0.1", port), timeout=20) as s:
        s.sendall(b"x" * 100)
        try:
            data = s.recv(100)
        except ConnectionResetError:
            return "reset"
        return f"got {data!r}"
