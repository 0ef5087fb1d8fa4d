"""How a trap worker waits on the listening sockets it shares with the other workers: with
EPOLLEXCLUSIVE, so that a connection wakes one idle worker, also after the worker paused
accepting for a backed-up event pipe (``AcceptPause``), which registers the socket again the
plain way. The kernel's own record of each registration (/proc/self/fdinfo of the reactor's
epoll descriptor) is what is checked; the daemon with real workers is in
tests/e2e/test_trap_workers.py."""

from __future__ import annotations

import select
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from twisted.internet import tcp
from twisted.internet.address import IPv4Address
from twisted.internet.epollreactor import EPollReactor
from twisted.internet.pollreactor import PollReactor
from twisted.internet.protocol import ServerFactory
from twisted.internet.task import Clock
from twisted.logger import Logger, LogPublisher

from honeymesh.detection.traps.banner import BannerDialogue
from honeymesh.detection.traps.base import TrapFactory, TrapLimits
from honeymesh.listeners import ACCEPT_FAILED, ACCEPT_PAUSE, AcceptTrouble
from honeymesh.workers.child import STATS_INTERVAL, AcceptPause, RefusedCounts, wake_one_worker
from honeymesh.workers.wire import FrameDecoder, decode_stats

EXCLUSIVE_READ = select.EPOLLIN | select.EPOLLEXCLUSIVE


def waits_on(reactor: EPollReactor, fd: int) -> list[int]:
    """What the reactor's epoll instance waits for on ``fd`` (none: not waiting); the kernel
    adds EPOLLERR and EPOLLHUP to every registration, left out here."""
    poller = reactor._poller.fileno()
    masks = []
    for line in Path(f"/proc/self/fdinfo/{poller}").read_text().splitlines():
        fields = line.split()
        if fields[:2] == ["tfd:", str(fd)]:
            masks.append(int(fields[3], 16) & ~(select.EPOLLERR | select.EPOLLHUP))
    return masks


@pytest.fixture
def adopted() -> Iterator[tuple[EPollReactor, tcp.Port]]:
    """A listening socket adopted by an epoll reactor (never run), as a worker adopts one."""
    reactor = EPollReactor()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = reactor.adoptStreamPort(sock.fileno(), socket.AF_INET, ServerFactory())
    assert isinstance(port, tcp.Port)
    try:
        yield reactor, port
    finally:
        port.stopListening()
        reactor._poller.close()
        reactor.waker.connectionLost(None)


def test_a_worker_waits_on_its_sockets_exclusively(
    adopted: tuple[EPollReactor, tcp.Port],
) -> None:
    reactor, port = adopted
    assert waits_on(reactor, port.fileno()) == [select.EPOLLIN]  # as Twisted registers it
    wake_one_worker(reactor, port)
    assert waits_on(reactor, port.fileno()) == [EXCLUSIVE_READ]


def test_after_a_pause_for_a_full_pipe_it_waits_exclusively_again(
    adopted: tuple[EPollReactor, tcp.Port],
) -> None:
    reactor, port = adopted
    wake_one_worker(reactor, port)
    pause = AcceptPause([port])
    pause.pauseProducing()
    assert waits_on(reactor, port.fileno()) == []  # not accepting while the pipe is full
    pause.resumeProducing()
    assert waits_on(reactor, port.fileno()) == [EXCLUSIVE_READ]
    pause.resumeProducing()  # a resume while accepting changes nothing
    assert waits_on(reactor, port.fileno()) == [EXCLUSIVE_READ]


def test_after_a_pause_for_want_of_descriptors_it_waits_exclusively_again(
    adopted: tuple[EPollReactor, tcp.Port],
) -> None:
    """``AcceptTrouble`` (honeymesh/listeners.py) stops reading on EMFILE and the like and
    starts again a moment later, with the port's own ``startReading``."""
    reactor, port = adopted
    wake_one_worker(reactor, port)
    clock = Clock()
    trouble = AcceptTrouble(where="test", clock=clock, log=Logger(observer=LogPublisher()))
    trouble.port = port
    trouble({"log_format": ACCEPT_FAILED, "acceptError": "ENFILE"})
    assert trouble.pauses == 1
    assert waits_on(reactor, port.fileno()) == []  # paused
    clock.advance(ACCEPT_PAUSE)
    assert waits_on(reactor, port.fileno()) == [EXCLUSIVE_READ]


def test_under_another_reactor_nothing_changes() -> None:
    reactor = PollReactor()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = reactor.adoptStreamPort(sock.fileno(), socket.AF_INET, ServerFactory())
    try:
        assert isinstance(port, tcp.Port)
        wake_one_worker(reactor, port)
        assert port in reactor.getReaders()
    finally:
        port.stopListening()


def test_on_a_kernel_without_the_flag_it_waits_as_twisted_would(
    adopted: tuple[EPollReactor, tcp.Port],
) -> None:
    """A kernel whose epoll_ctl refuses EPOLLEXCLUSIVE (EINVAL): the worker still serves."""
    reactor, port = adopted
    real = reactor._poller

    class OldKernel:
        def __getattr__(self, name: str) -> object:
            return getattr(real, name)

        def register(self, fd: int, mask: int) -> None:
            if mask & select.EPOLLEXCLUSIVE:
                raise OSError(22, "Invalid argument")
            real.register(fd, mask)

    reactor._poller = OldKernel()
    try:
        wake_one_worker(reactor, port)
    finally:
        reactor._poller = real
    assert waits_on(reactor, port.fileno()) == [select.EPOLLIN]


def test_refusals_reach_the_main_process_a_second_later_and_an_idle_worker_has_no_timer() -> None:
    """The refused counters go to the main process once a second while a trap refuses, in one
    frame however many it refused, and not at all while none does: an idle worker is not
    woken every second to compare them."""
    clock, sent = Clock(), list[dict[str, int]]()
    factory = TrapFactory(
        name="redis",
        new_dialogue=lambda source: BannerDialogue(b"+OK\r\n"),
        limits=TrapLimits(
            idle_timeout=10, session_timeout=60, max_bytes=100, max_connections=1,
            max_per_source=1,
        ),
        clock=clock,
        publish=lambda event: None,
    )  # fmt: skip
    refusals = RefusedCounts(clock, {"redis": factory}, lambda frame: sent.extend(stats(frame)))
    factory.on_refused = refusals.changed
    addr = IPv4Address("TCP", "192.0.2.9", 40000)
    assert factory.buildProtocol(addr) is not None
    assert clock.getDelayedCalls() == []
    for _ in range(50):
        assert factory.buildProtocol(addr) is None
    assert len(clock.getDelayedCalls()) == 1 and sent == []
    clock.advance(STATS_INTERVAL)
    assert sent == [{"redis": 50}] and clock.getDelayedCalls() == []
    clock.advance(3600)
    assert sent == [{"redis": 50}]
    assert factory.buildProtocol(addr) is None
    refusals.send()  # at stop: at once, and the timer is gone
    assert sent == [{"redis": 50}, {"redis": 51}] and clock.getDelayedCalls() == []


def stats(frame: bytes) -> list[dict[str, int]]:
    return [decode_stats(payload) for kind, payload in FrameDecoder().feed(frame)]
