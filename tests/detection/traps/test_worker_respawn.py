"""The daemon's side of the trap workers (honeymesh.workers.service) over a fake clock: what a
worker is given, what it may send, and what happens when it ends. The real processes are in
tests/e2e/test_trap_workers.py; here the pauses between restarts are driven by the clock."""

from __future__ import annotations

import socket
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import pytest
from twisted.internet.error import ProcessDone, ProcessTerminated
from twisted.internet.testing import MemoryReactorClock
from twisted.logger import LogEvent, capturedLogs, formatEvent
from twisted.python.failure import Failure

from honeymesh.events import Event, EventId, Observation
from honeymesh.workers.service import TrapWorkers, WorkerProcess, WorkerTrap
from honeymesh.workers.wire import (
    SETUP,
    FrameDecoder,
    HeldSocket,
    WorkerSetup,
    encode_event,
    encode_stats,
)


@dataclass
class FakeProcess:
    """What the service does to one spawned process."""

    pid: int
    written: bytearray = field(default_factory=bytearray)
    stdin_closed: bool = False
    signals: list[str] = field(default_factory=list)

    def writeToChild(self, fd: int, data: bytes) -> None:
        assert fd == 0
        self.written += data

    def closeStdin(self) -> None:
        self.stdin_closed = True

    def signalProcess(self, name: str) -> None:
        self.signals.append(name)


class SpawningReactor(MemoryReactorClock):
    def __init__(self) -> None:
        super().__init__()
        self.spawned: list[tuple[WorkerProcess, FakeProcess, dict[int, Any]]] = []

    def spawnProcess(self, proto: Any, executable: Any, args: Any = (), env: Any = None,
                     path: Any = None, uid: Any = None, gid: Any = None, usePTY: Any = False,
                     childFDs: Any = None) -> FakeProcess:  # fmt: skip
        process = FakeProcess(pid=1000 + len(self.spawned))
        proto.makeConnection(process)
        self.spawned.append((proto, process, dict(childFDs)))
        return process


@dataclass
class Held:
    held: socket.socket | None
    trap_name: str


@pytest.fixture
def listening() -> Iterator[socket.socket]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    yield sock
    sock.close()


def group(reactor: SpawningReactor, sock: socket.socket, published: list[Event]) -> TrapWorkers:
    def setup(index: int, sockets: tuple[HeldSocket, ...]) -> WorkerSetup:
        return WorkerSetup(index, 2, {}, "x.toml", b"s" * 32, 1.0, {"redis": 8}, sockets)

    return TrapWorkers(
        count=2,
        reactor=reactor,
        publish=published.append,
        listeners=[Held(sock, "redis"), Held(None, "redis")],  # the second one's bind failed
        traps={"redis": WorkerTrap("redis")},
        setup=setup,
    )


def lines(events: Sequence[LogEvent]) -> list[str]:
    return [formatEvent(e) for e in events]


def killed(proto: WorkerProcess) -> None:
    proto.processEnded(Failure(ProcessTerminated(signal=9)))


def test_each_worker_gets_the_held_sockets_and_its_setup_on_stdin(
    listening: socket.socket,
) -> None:
    reactor = SpawningReactor()
    workers = group(reactor, listening, [])
    workers.startService()
    assert len(reactor.spawned) == 2
    for index, (_, process, fds) in enumerate(reactor.spawned, start=1):
        assert fds == {0: "w", 1: "r", 2: "r", 3: listening.fileno()}  # not the failed one
        ((kind, payload),) = FrameDecoder().feed(bytes(process.written))
        setup = WorkerSetup.decode(payload)
        assert kind == SETUP and setup.index == index
        assert setup.sockets == (HeldSocket("redis", 3, socket.AF_INET),)
    assert workers.pids() == {1: 1000, 2: 1001}


def test_a_worker_that_ends_is_started_again_after_a_pause_that_doubles(
    listening: socket.socket,
) -> None:
    reactor = SpawningReactor()
    workers = group(reactor, listening, [])
    workers.startService()
    expected = [0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 30.0, 30.0]
    for delay in expected:
        proto = workers.live[1]
        with capturedLogs() as events:
            killed(proto)
        said = [ln for ln in lines(events) if "trap worker 1" in ln]
        assert len(said) == 1 and "killed by SIGKILL" in said[0], said
        assert f"another starts in {delay} s" in said[0]
        spawned = len(reactor.spawned)
        reactor.advance(delay - 0.01)
        assert len(reactor.spawned) == spawned  # not before the pause is over
        reactor.advance(0.01)
        assert len(reactor.spawned) == spawned + 1
    # One that ran for a minute before it ended starts again after the first pause.
    reactor.advance(61)
    with capturedLogs() as events:
        workers.live[1].processEnded(Failure(ProcessDone(0)))
    assert any("exited with status 0" in ln and "in 0.5 s" in ln for ln in lines(events))
    assert workers.respawns == len(expected) + 1


def test_events_and_counters_from_a_worker_reach_the_bus_and_the_status(
    listening: socket.socket,
) -> None:
    reactor = SpawningReactor()
    published: list[Event] = []
    workers = group(reactor, listening, published)
    workers.startService()
    session = Observation(EventId.TRAP_SESSION, 5.0, "192.0.2.9", {"trap": "redis"})
    frames = encode_event(session, {"worker": 2}) + encode_stats({"redis": 3})
    proto = workers.live[2]
    for i in range(len(frames)):  # a byte at a time: frames span reads
        proto.childDataReceived(1, frames[i : i + 1])
    ((event,),) = [published]
    assert event.source == "192.0.2.9" and event.flat["detail"] == {"trap": "redis", "worker": 2}
    assert workers.traps["redis"].sessions == 1
    assert workers.traps["redis"].refused == 3


def test_a_bad_frame_kills_the_worker_once_and_nothing_of_it_is_published(
    listening: socket.socket,
) -> None:
    reactor = SpawningReactor()
    published: list[Event] = []
    workers = group(reactor, listening, published)
    workers.startService()
    proto = workers.live[1]
    process = reactor.spawned[0][1]
    forged = encode_event(
        Observation(EventId.BAN_ADDED, 1.0, "192.0.2.1", {"trap": "redis"}), {"worker": 1}
    )
    with capturedLogs() as events:
        proto.childDataReceived(1, forged)
        proto.childDataReceived(1, forged)  # ignored: the stream is not trusted any more
    said = [ln for ln in lines(events) if "bad frame" in ln]
    assert len(said) == 1 and "pid 1000" in said[0] and "not a trap observation" in said[0]
    assert process.signals == ["KILL"] and published == [] and workers.bad_frames == 1
    killed(proto)
    reactor.advance(0.5)
    assert workers.live[1] is not proto  # another one serves


def test_stop_closes_each_workers_stdin_waits_for_them_and_starts_none_again(
    listening: socket.socket,
) -> None:
    reactor = SpawningReactor()
    workers = group(reactor, listening, [])
    workers.startService()
    killed(workers.live[1])  # a restart pending when the stop comes
    stopped = workers.stopService()
    assert [p.stdin_closed for _, p, _ in reactor.spawned] == [False, True]
    assert not stopped.called
    workers.live[2].processEnded(Failure(ProcessDone(0)))
    assert stopped.called
    reactor.advance(60)
    assert len(reactor.spawned) == 2 and reactor.getDelayedCalls() == []


def test_a_worker_that_does_not_stop_in_time_is_killed(listening: socket.socket) -> None:
    reactor = SpawningReactor()
    workers = group(reactor, listening, [])
    workers.startService()
    stopped = workers.stopService()
    with capturedLogs() as events:
        reactor.advance(10)
    assert [p.signals for _, p, _ in reactor.spawned] == [["KILL"], ["KILL"]]
    assert sum("did not stop within 10.0 s" in ln for ln in lines(events)) == 2
    for proto, _, _ in reactor.spawned:
        killed(proto)
    assert stopped.called


def test_a_worker_that_exits_once_the_reactor_stops_is_not_started_again(
    listening: socket.socket,
) -> None:
    """Under systemd the workers get the daemon's SIGTERM too, and exit before its stop."""
    reactor = SpawningReactor()
    workers = group(reactor, listening, [])
    workers.startService()
    for trigger, args, kwargs in reactor.triggers["before"]["shutdown"]:
        trigger(*args, **kwargs)  # the reactor begins to stop
    with capturedLogs() as events:
        workers.live[1].processEnded(Failure(ProcessDone(0)))
    said = [ln for ln in lines(events) if "trap worker 1" in ln]
    assert said == ["trap worker 1 (pid 1000) exited with status 0 as the node stops"]
    reactor.advance(60)
    assert len(reactor.spawned) == 2
