"""A trap worker process: ``python -m honeymesh.workers.child``, started by the main process.

It serves the TCP traps on listening sockets the main process opened and passed down (the
kernel hands each connection to one worker waiting on the socket: ``wake_one_worker``), with
the same factories, protocols and dialogues as the main process would run, and sends every
observation it makes to the main process as an EVENT frame on its stdout: the store, the
logs, detection and bans stay there, one writer each. Its stdin carries one SETUP frame and
then stays open: end of file there means the main process is gone or wants it to stop. It
also dies with its parent (PR_SET_PDEATHSIG), so no worker outlives a daemon that was killed
outright.

Stopping (end of file on stdin, or SIGTERM, SIGINT): stop accepting, end every open session
as ``shutdown`` (each still leaves its record), flush the frames, exit.
"""

from __future__ import annotations

import ctypes
import dataclasses
import os
import select
import signal
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from twisted.internet import tcp
from twisted.internet.defer import Deferred
from twisted.internet.epollreactor import EPollReactor
from twisted.internet.interfaces import (
    IDelayedCall,
    IHalfCloseableProtocol,
    IListeningPort,
    IPushProducer,
    IReactorTime,
)
from twisted.internet.protocol import Protocol
from twisted.internet.threads import deferToThreadPool
from twisted.logger import ILogObserver, LogEvent, Logger, LogLevel, formatEvent, globalLogBeginner
from twisted.python.failure import Failure
from zope.interface import implementer

from honeymesh.config import parse_config
from honeymesh.detection.traps.base import TrapFactory
from honeymesh.detection.traps.facts import NodeFacts
from honeymesh.detection.traps.registry import TrapContext, build_trap
from honeymesh.events import Event, Observation
from honeymesh.limits import PROCESS_BASE, ConnectionGuard, nofile_limit, raise_nofile
from honeymesh.listeners import AcceptTrouble
from honeymesh.threadname import name_this_thread
from honeymesh.workers.wire import (
    HEADER,
    SETUP,
    FrameDecoder,
    FrameError,
    WorkerSetup,
    encode_event,
    encode_stats,
)

PR_SET_PDEATHSIG = 1
#: How long the last frames may take to reach the main process at stop (seconds).
FLUSH_TIMEOUT = 5.0
#: How long after a refusal the refused counters go to the main process (seconds).
STATS_INTERVAL = 1.0


def die_with_parent(sig: int = signal.SIGTERM) -> None:
    """Ask the kernel for ``sig`` when the parent exits (prctl PR_SET_PDEATHSIG), so a worker
    never outlives a main process that was killed outright. Linux only; a failure leaves the
    end of file on stdin as the only signal."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, sig, 0, 0, 0)


def read_setup(fd: int) -> WorkerSetup:
    """The one SETUP frame on ``fd``, read exactly (nothing after it is consumed)."""

    def exactly(count: int) -> bytes:
        data = b""
        while len(data) < count:
            chunk = os.read(fd, count - len(data))
            if not chunk:
                raise FrameError("end of file before the setup was complete")
            data += chunk
        return data

    head = exactly(HEADER)
    decoder = FrameDecoder()
    frames = decoder.feed(head + exactly(int.from_bytes(head, "big")))
    if len(frames) != 1 or frames[0][0] != SETUP:
        raise FrameError("the first frame is not a setup")
    return WorkerSetup.decode(frames[0][1])


@implementer(IHalfCloseableProtocol)
class ParentPipe(Protocol):
    """stdin (end of file: stop) and stdout (the frames) as one transport."""

    def __init__(self, on_eof: Callable[[], None]) -> None:
        self._on_eof = on_eof
        self.closed: Deferred[None] = Deferred()
        self.lost = False

    def send(self, frame: bytes) -> None:
        if self.transport is not None and not self.lost:
            self.transport.write(frame)

    def dataReceived(self, data: bytes) -> None:
        """Nothing comes after the setup."""

    def readConnectionLost(self) -> None:
        self._on_eof()

    def writeConnectionLost(self) -> None:
        self.lost = True

    def connectionLost(self, reason: Failure | None = None) -> None:
        self.lost = True
        if not self.closed.called:
            self.closed.callback(None)


def wake_one_worker(reactor: object, port: tcp.Port) -> None:
    """Wait on ``port``'s socket so that a new connection wakes one idle worker, not all, now
    and after every ``startReading`` (an accept pause for a full pipe, ``AcceptPause``, or for
    a process out of descriptors, ``AcceptTrouble``, ends with one).

    Every worker's epoll instance waits on the same listening socket; registered as Twisted
    registers it (``EPOLLIN``), each connection wakes every idle worker, and all but one find
    nothing to accept. At a trickle that is one wasted wake-up per connection per extra worker
    (2 workers, 300 Redis sessions a second: 5.8 wake-ups and 1,087 us of CPU a session against
    4.3 and 933 with this; flat out no change; docs/BENCHMARKS.md). With ``EPOLLEXCLUSIVE``
    the kernel wakes the first worker waiting; one that is busy is not waiting, so the next
    one is woken instead and the load still spreads when there is load to spread. The price:
    a worker killed (or stopped) in the moment a connection comes may be the one woken, and
    then that connection waits for the next one to come, or for the restarted worker, whose
    registration finds it (0.5 s and its start-up).

    Twisted has no way to ask for the flag, so the socket is registered again with it; Twisted
    only ever adds or removes a listening port's read interest (never ``modify``, which
    EPOLLEXCLUSIVE forbids), so its bookkeeping stays right. Its ``startReading`` registers
    the plain way, so the port's own is wrapped to register again after it. Another reactor:
    nothing changes."""
    if not isinstance(reactor, EPollReactor):
        return
    plain = port.startReading

    def start_reading() -> None:
        plain()
        _register_exclusively(reactor, port)

    port.startReading = start_reading  # type: ignore[method-assign]
    _register_exclusively(reactor, port)


def _register_exclusively(reactor: EPollReactor, port: tcp.Port) -> None:
    fd = port.fileno()
    if fd < 0 or not port.connected:
        return
    poller = reactor._poller  # private: see wake_one_worker, no public way to set the flag
    poller.unregister(fd)
    try:
        poller.register(fd, select.EPOLLIN | select.EPOLLEXCLUSIVE)
    except OSError:  # a kernel that refuses it: wait as Twisted would
        poller.register(fd, select.EPOLLIN)


@implementer(IPushProducer)
class AcceptPause:
    """While the pipe to the main process is full, stop accepting: connections wait in the
    kernel's backlog instead of frames piling up in this worker's memory."""

    def __init__(self, ports: list[IListeningPort]) -> None:
        self.ports = ports
        self.pauses = 0

    def pauseProducing(self) -> None:
        self.pauses += 1
        for port in self.ports:
            if isinstance(port, tcp.Port) and port.connected:
                port.stopReading()

    def resumeProducing(self) -> None:
        for port in self.ports:
            if isinstance(port, tcp.Port) and port.connected:
                port.startReading()

    def stopProducing(self) -> None:
        self.pauseProducing()


@implementer(ILogObserver)
class StderrLog:
    """Warnings and worse, one text block each, on stderr, where the main process logs them
    under this worker's name."""

    def __init__(self, write: Callable[[str], object]) -> None:
        self._write = write

    def __call__(self, event: LogEvent) -> None:
        level = event.get("log_level")
        if not isinstance(level, type(LogLevel.warn)) or level < LogLevel.warn:
            return
        text = formatEvent(event)
        failure = event.get("log_failure")
        if isinstance(failure, Failure):
            text += "\n" + failure.getTraceback()
        self._write(text + "\n")


class RefusedCounts:
    """The traps' refused counters, sent to the main process ``interval`` seconds after one
    changed (and once after the worker starts, from 0): a flood of refusals costs a frame a
    second, and nothing runs while none changes (they were polled every second, an idle
    worker's one wake-up a second)."""

    def __init__(
        self,
        clock: IReactorTime,
        factories: Mapping[str, TrapFactory],
        send: Callable[[bytes], object],
        interval: float = STATS_INTERVAL,
    ) -> None:
        self._clock = clock
        self._factories = factories
        self._send = send
        self._interval = interval
        self._sent: dict[str, int] = {}
        self._call: IDelayedCall | None = None

    def changed(self) -> None:
        """A trap refused a connection (``TrapFactory.on_refused``)."""
        if self._call is None:
            self._call = self._clock.callLater(self._interval, self.send)

    def send(self) -> None:
        """Send the counters now if they changed since last sent (and at stop)."""
        if self._call is not None and self._call.active():
            self._call.cancel()
        self._call = None
        refused = {name: f.refused for name, f in self._factories.items()}
        if refused != self._sent:
            self._sent = refused
            self._send(encode_stats(refused))


class Worker:
    """The traps of one worker, on the sockets it was given."""

    _log = Logger(namespace="honeymesh.worker")

    def __init__(self, setup: WorkerSetup, reactor: Any) -> None:
        self.setup = setup
        self.reactor = reactor
        self.pipe = ParentPipe(self._parent_gone)
        self.factories: dict[str, TrapFactory] = {}
        self.ports: list[IListeningPort] = []
        self._extra = {"worker": setup.index}
        self._refusals = RefusedCounts(reactor, self.factories, self.pipe.send)
        self._stopping = False

    def publish(self, event: Event) -> None:
        assert isinstance(event, Observation)
        self.pipe.send(encode_event(event, self._extra))

    def start(self) -> None:
        setup, reactor = self.setup, self.reactor
        config = parse_config(setup.config, Path(setup.source))
        guard = ConnectionGuard(
            limit=nofile_limit(),
            reserve=PROCESS_BASE + len(setup.sockets),
            now=reactor.seconds,
            in_thread=lambda count: deferToThreadPool(reactor, reactor.getThreadPool(), count),
        )
        context = TrapContext(
            clock=reactor,
            publish=self.publish,
            data_path=config.data_path,
            node_cert=config.data_path(config.api.tls_cert),
            node_key=config.data_path(config.api.tls_key),
            caps=setup.caps,
            guard=guard,
            facts=NodeFacts(setup.seed, setup.first_start),
            tcp=reactor,
        )
        served = {s.trap for s in setup.sockets}
        for trap in config.traps:
            if trap.name not in served:
                continue
            # Per-source caps are per worker: each one's share of the configured cap.
            mine = dataclasses.replace(
                trap, max_per_source=max(1, trap.max_per_source // setup.workers)
            )
            built = build_trap(mine, context)
            if built.factory is None:
                raise FrameError(f"trap {trap.name!r} has no TCP side to serve")
            self.factories[trap.name] = built.factory
            built.factory.on_refused = self._refusals.changed
        # twisted.internet.stdio's StandardIO is this one on POSIX (mypy sees Windows's).
        from twisted.internet._posixstdio import StandardIO  # noqa: PLC0415

        StandardIO(self.pipe, stdin=0, stdout=1, reactor=reactor)
        for held in setup.sockets:
            port = reactor.adoptStreamPort(held.fd, held.family, self.factories[held.trap])
            os.close(held.fd)  # the reactor holds its own duplicate
            if isinstance(port, tcp.Port):  # accept() failures: one line a minute, no spin
                wake_one_worker(reactor, port)
                where = f"trap {held.trap} tcp {port.getHost().host} port {port.getHost().port}"
                trouble = AcceptTrouble(where=where, clock=reactor, log=self._log)
                trouble.port = port
                port._logger = Logger(namespace=port._logger.namespace, observer=trouble)
            self.ports.append(port)
        assert self.pipe.transport is not None
        self.pipe.transport.registerProducer(AcceptPause(self.ports), True)  # type: ignore[attr-defined]
        reactor.addSystemEventTrigger("before", "shutdown", self.stop)
        # Once, a second after the start: a worker that replaces one says its counts restart.
        self._refusals.changed()

    def _parent_gone(self) -> None:
        if not self._stopping and self.reactor.running:
            self.reactor.stop()

    def stop(self) -> Deferred[None]:
        """Stop accepting, end the open sessions (each leaves its record), flush, close."""
        self._stopping = True
        for port in self.ports:
            port.stopListening()
        for factory in self.factories.values():
            factory.close_all("shutdown")
        self._refusals.send()
        if self.pipe.transport is not None:
            self.pipe.transport.loseConnection()
        done = self.pipe.closed
        done.addTimeout(FLUSH_TIMEOUT, self.reactor)
        done.addErrback(lambda _: None)
        return done


def main() -> int:
    parent = os.getppid()
    die_with_parent()
    if os.getppid() != parent:  # the parent died before we asked
        return 1
    name_this_thread("honeymesh-traps")  # ps and top tell a worker from the daemon
    globalLogBeginner.beginLoggingTo([StderrLog(sys.stderr.write)], redirectStandardIO=False)
    try:
        setup = read_setup(0)
    except (FrameError, OSError) as e:
        sys.stderr.write(f"cannot start: {e}\n")
        return 2
    raise_nofile()
    from twisted.internet import reactor  # noqa: PLC0415 - the process's one reactor

    worker = Worker(setup, reactor)
    started: list[bool] = []

    def start() -> None:
        try:
            worker.start()
            started.append(True)
        except Exception:
            Logger(namespace="honeymesh.worker").failure("trap worker cannot start")
            reactor.stop()

    reactor.callWhenRunning(start)
    reactor.run()
    return 0 if started else 1


if __name__ == "__main__":
    raise SystemExit(main())
