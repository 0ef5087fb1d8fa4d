"""The main process's side of the trap workers (``[node] workers``): spawn, feed, restart, stop.

The main process still opens every trap's listening sockets itself (``ListenerService`` with
``hold``: the binds, the IPv6-only sockets, the failure messages are as without workers) but
does not serve them: it passes the descriptors to ``count`` worker processes, each of which
adopts every one, and the kernel hands each connection to one worker waiting on the socket
(``child.wake_one_worker``). What a worker observes comes back as frames on its stdout; each
is checked (``wire.decode_event``) and published on this process's bus, so the store, the
JSON log, the feed, detection, policy and bans keep one writer each. A worker that sends a
bad frame is killed and started again; one that exits is started again after a growing
pause; each is said once. On stop, each worker's stdin is closed: it ends its sessions as
``shutdown``, flushes their records and exits, and the stop waits for that (then kills what
is left).
"""

from __future__ import annotations

import signal
import socket
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from twisted.application.service import Service
from twisted.internet.defer import Deferred, DeferredList
from twisted.internet.error import ProcessDone, ProcessExitedAlready, ProcessTerminated
from twisted.internet.interfaces import IDelayedCall
from twisted.internet.protocol import ProcessProtocol
from twisted.logger import Logger
from twisted.python.failure import Failure

from honeymesh.events import Event, EventId, JSONValue
from honeymesh.workers.wire import (
    EVENT,
    STATS,
    FrameDecoder,
    FrameError,
    HeldSocket,
    WorkerSetup,
    decode_event,
    decode_stats,
)

#: The worker's command: this interpreter, the worker module.
WORKER_MODULE = "honeymesh.workers.child"
#: The first pause before a worker that ended is started again, and the longest (seconds).
RESPAWN_FIRST = 0.5
RESPAWN_MOST = 30.0
#: A worker that ran this long before it ended starts again after the first pause.
RESPAWN_RESET_AFTER = 60.0
#: How long a stop waits for the workers to flush and exit before it kills them (seconds).
STOP_TIMEOUT = 10.0
#: The most bytes of one stderr line kept from a worker.
STDERR_LINE = 4096


class HeldListener(Protocol):
    """A listening socket the main process opened and holds for the workers."""

    @property
    def held(self) -> socket.socket | None: ...

    @property
    def trap_name(self) -> str: ...


@dataclass
class WorkerTrap:
    """A TCP trap the workers serve, as status and shutdown see it: sessions counted from the
    records the workers send, refusals from their counters."""

    name: str
    sessions: int = 0
    refused_by: dict[int, int] = field(default_factory=dict)

    @property
    def refused(self) -> int:
        return sum(self.refused_by.values())

    def close_all(self, reason: str) -> None:
        """The workers end their own sessions when they stop (as ``shutdown``)."""


def worker_caps(caps: Mapping[str, int], workers: int) -> dict[str, int]:
    """Each worker's share of each trap's connection cap (at least one)."""
    return {name: max(1, cap // workers) for name, cap in caps.items()}


class WorkerProcess(ProcessProtocol):
    """One worker, as the main process sees it: its setup goes in, its frames come out."""

    def __init__(self, group: TrapWorkers, index: int, setup: WorkerSetup) -> None:
        self.group = group
        self.index = index
        self.setup = setup
        self.pid: int | None = None
        self.started = group.reactor.seconds()
        self.decoder = FrameDecoder()
        self.refused_frame = False
        self.ended: Deferred[None] = Deferred()
        self._err = bytearray()

    def connectionMade(self) -> None:
        assert self.transport is not None
        self.pid = self.transport.pid
        self.transport.writeToChild(0, self.setup.encode())

    def childDataReceived(self, childFD: int, data: bytes) -> None:
        if childFD == 1:
            self._frames(data)
        elif childFD == 2:
            self._stderr(data)

    def _frames(self, data: bytes) -> None:
        if self.refused_frame:
            return
        try:
            for kind, payload in self.decoder.feed(data):
                self._frame(kind, payload)
        except FrameError as e:
            self.refused_frame = True
            self.group.bad_frame(self, e)

    def _frame(self, kind: bytes, payload: bytes) -> None:
        if kind == EVENT:
            self.group.event(decode_event(payload))
        elif kind == STATS:
            self.group.stats(self.index, decode_stats(payload))
        else:
            raise FrameError(f"a frame of kind {kind!r} from a worker")

    def _stderr(self, data: bytes) -> None:
        self._err += data
        while b"\n" in self._err:
            line, _, rest = bytes(self._err).partition(b"\n")
            self._err[:] = rest
            self.group.worker_said(self, line[:STDERR_LINE])
        if len(self._err) > STDERR_LINE:
            self.group.worker_said(self, bytes(self._err[:STDERR_LINE]))
            self._err.clear()

    def kill(self) -> None:
        try:
            if self.transport is not None:
                self.transport.signalProcess("KILL")
        except ProcessExitedAlready:
            pass

    def processEnded(self, reason: Failure) -> None:
        if self._err:
            self.group.worker_said(self, bytes(self._err[:STDERR_LINE]))
            self._err.clear()
        self.group.process_ended(self, reason)
        self.ended.callback(None)


def _why(reason: Failure) -> str:
    value = reason.value
    if isinstance(value, ProcessDone):
        return "exited with status 0"
    if isinstance(value, ProcessTerminated):
        if value.signal is not None:
            try:
                return f"killed by {signal.Signals(value.signal).name}"
            except ValueError:
                return f"killed by signal {value.signal}"
        return f"exited with status {value.exitCode}"
    return str(value)


class TrapWorkers(Service):
    """``count`` worker processes serving the held trap sockets; their events on ``publish``."""

    _log = Logger(namespace="honeymesh.workers")

    def __init__(
        self,
        *,
        count: int,
        reactor: Any,
        publish: Callable[[Event], None],
        listeners: Sequence[HeldListener],
        traps: Mapping[str, WorkerTrap],
        setup: Callable[[int, tuple[HeldSocket, ...]], WorkerSetup],
        command: Sequence[str] = (sys.executable, "-m", WORKER_MODULE),
        stop_timeout: float = STOP_TIMEOUT,
    ) -> None:
        self.setName("trap-workers")
        self.count = count
        self.reactor = reactor
        self._publish = publish
        self._listeners = listeners
        self.traps = traps
        self._setup = setup
        self._command = list(command)
        self._stop_timeout = stop_timeout
        self.live: dict[int, WorkerProcess] = {}
        self.respawns = 0
        self.bad_frames = 0
        self._delay = dict.fromkeys(range(1, count + 1), RESPAWN_FIRST)
        self._pending: dict[int, IDelayedCall] = {}
        self._stopping = False

    def startService(self) -> None:
        super().startService()
        self._stopping = False
        # Under systemd (KillMode=control-group) the workers get the SIGTERM too, and may exit
        # before this service's stop comes (the API drains first): from the moment the
        # reactor begins to stop, a worker that exits is not started again.
        self.reactor.addSystemEventTrigger("before", "shutdown", self._shutting_down)
        for index in range(1, self.count + 1):
            self._spawn(index)
        self._log.info(
            "trap workers: {count} processes serve {traps} (pids {pids})",
            count=self.count,
            traps=", ".join(sorted(self.traps)) or "no TCP trap",
            pids=", ".join(str(w.pid) for w in self.live.values()),
        )

    def status(self) -> dict[str, JSONValue]:
        """For ``status``: how many, which are up (index, pid), restarts and bad frames."""
        return {
            "count": self.count,
            "live": [{"index": i, "pid": pid} for i, pid in self.pids().items()],
            "restarts": self.respawns,
            "bad_frames": self.bad_frames,
        }

    def _shutting_down(self) -> None:
        self._stopping = True

    def pids(self) -> dict[int, int | None]:
        """Each live worker's pid, by index."""
        return {index: w.pid for index, w in sorted(self.live.items())}

    def _spawn(self, index: int) -> None:
        self._pending.pop(index, None)
        child_fds: dict[int, int | str] = {0: "w", 1: "r", 2: "r"}
        sockets: list[HeldSocket] = []
        for listener in self._listeners:
            sock = listener.held
            if sock is None:  # its bind failed: reported as without workers
                continue
            fd = 3 + len(sockets)
            child_fds[fd] = sock.fileno()
            sockets.append(HeldSocket(listener.trap_name, fd, int(sock.family)))
        worker = WorkerProcess(self, index, self._setup(index, tuple(sockets)))
        self.reactor.spawnProcess(
            worker, self._command[0], self._command, env=None, childFDs=child_fds
        )
        self.live[index] = worker

    def event(self, event: Event) -> None:
        if event.event_id is EventId.TRAP_SESSION:
            detail = event.flat.get("detail")
            trap = self.traps.get(str(detail.get("trap"))) if isinstance(detail, dict) else None
            if trap is not None:
                trap.sessions += 1
        self._publish(event)

    def stats(self, index: int, refused: Mapping[str, int]) -> None:
        for name, count in refused.items():
            trap = self.traps.get(name)
            if trap is not None:
                trap.refused_by[index] = count

    def bad_frame(self, worker: WorkerProcess, error: FrameError) -> None:
        self.bad_frames += 1
        self._log.error(
            "trap worker {index} (pid {pid}) sent a bad frame ({error}): it is stopped and "
            "another started",
            index=worker.index,
            pid=worker.pid,
            error=str(error),
        )
        worker.kill()

    def worker_said(self, worker: WorkerProcess, line: bytes) -> None:
        text = line.decode("utf-8", "backslashreplace").rstrip()
        if text:
            self._log.warn(
                "trap worker {index} (pid {pid}): {line}",
                index=worker.index,
                pid=worker.pid,
                line=text,
            )

    def process_ended(self, worker: WorkerProcess, reason: Failure) -> None:
        if self.live.get(worker.index) is worker:
            del self.live[worker.index]
        if self._stopping:
            self._log.info(
                "trap worker {index} (pid {pid}) {why} as the node stops",
                index=worker.index,
                pid=worker.pid,
                why=_why(reason),
            )
            return
        index = worker.index
        lived = self.reactor.seconds() - worker.started
        if lived >= RESPAWN_RESET_AFTER:
            self._delay[index] = RESPAWN_FIRST
        delay = self._delay[index]
        self._delay[index] = min(delay * 2, RESPAWN_MOST)
        self.respawns += 1
        self._log.error(
            "trap worker {index} (pid {pid}) {why} after {lived:.1f} s; another starts in "
            "{delay} s",
            index=index,
            pid=worker.pid,
            why=_why(reason),
            lived=lived,
            delay=delay,
        )
        self._pending[index] = self.reactor.callLater(delay, self._spawn, index)

    def stopService(self) -> Deferred[None]:
        super().stopService()
        self._stopping = True
        for call in self._pending.values():
            if call.active():
                call.cancel()
        self._pending.clear()
        return Deferred.fromCoroutine(self._stop())

    async def _stop(self) -> None:
        workers = list(self.live.values())
        for worker in workers:
            if worker.transport is not None:
                worker.transport.closeStdin()  # end of file: end sessions, flush, exit
        ended = DeferredList([w.ended for w in workers])
        timer = self.reactor.callLater(self._stop_timeout, self._kill_all, workers)
        await ended
        if timer.active():
            timer.cancel()

    def _kill_all(self, workers: list[WorkerProcess]) -> None:
        for worker in workers:
            if not worker.ended.called:
                self._log.warn(
                    "trap worker {index} (pid {pid}) did not stop within {timeout} s: killed",
                    index=worker.index,
                    pid=worker.pid,
                    timeout=self._stop_timeout,
                )
                worker.kill()
