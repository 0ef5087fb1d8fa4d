"""Listening sockets as Services, each able to say where it listens and whether it could.

We create the socket ourselves and hand it to the reactor (``adoptStreamPort``) so that an IPv6
listener is IPv6 only: a trap can then bind ``0.0.0.0`` and ``::`` on the same port, as a
honeypot should, without the second bind failing. A bind that fails is reported (status and a
``listener.failed`` event) and the rest of the appliance keeps running.

On stop a listener stops listening first, and only then waits (``drain``, bounded by the
caller) for what it already accepted to finish: the admin API answers the requests in flight
before the services behind it (traps, mesh, kernel, store) stop.

When the process is out of descriptors, Twisted's port accepts each waiting connection with a
spare descriptor and closes it (no spin), but logs three lines per connection: a flood of
attackers would flood the log. ``AcceptTrouble`` turns them into one warning a minute per
listener, and pauses a listener whose accept fails without that recovery (ENFILE, ENOBUFS, or
no spare), which the reactor would otherwise call again at once, for ever.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, cast
from typing import Protocol as TypingProtocol

from twisted.application.service import Service
from twisted.internet import tcp
from twisted.internet.defer import Deferred, maybeDeferred
from twisted.internet.interfaces import (
    IDelayedCall,
    IListeningPort,
    IProtocolFactory,
    IReactorSocket,
    IReactorTime,
)
from twisted.internet.protocol import DatagramProtocol, ServerFactory
from twisted.logger import ILogObserver, LogEvent, Logger, globalLogPublisher
from zope.interface import implementer

from honeymesh.events import Event, EventId, JSONValue, Notice

State = Literal["starting", "listening", "failed", "stopped"]

# What twisted.internet.tcp._accept logs (at info, per connection) when accept() fails.
EMFILE_LINES = frozenset(
    {
        "EMFILE encountered; releasing reserved file descriptor.",
        "EMFILE recovery: Closed socket from {address}",
        "Re-reserving EMFILE recovery file descriptor.",
    }
)
EMFILE_CLOSED = "EMFILE recovery: Closed socket from {address}"
ACCEPT_FAILED = "Could not accept new connection ({acceptError})"
#: How long a listener whose accept() failed outright stops accepting (seconds).
ACCEPT_PAUSE = 0.5
#: At most one warning per listener per this many seconds while accepts fail.
ACCEPT_REPORT_INTERVAL = 60.0


@dataclass(frozen=True)
class ListenerInfo:
    name: str
    kind: str  # "trap", "api", "mesh"
    transport: str  # "tcp", "udp", "tls"
    address: str
    port: int
    state: State
    error: str | None = None

    def as_dict(self) -> dict[str, JSONValue]:
        return {
            "name": self.name,
            "kind": self.kind,
            "transport": self.transport,
            "address": self.address,
            "port": self.port,
            "state": self.state,
            "error": self.error,
        }


class Pausable(TypingProtocol):
    """A listening port whose reading can be stopped and resumed (``tcp.Port``)."""

    @property
    def connected(self) -> bool | int: ...

    def stopReading(self) -> None: ...

    def startReading(self) -> None: ...


@implementer(ILogObserver)
class AcceptTrouble:
    """One listener's failed accepts: counted, reported at most once a minute, and a port
    that would spin paused.

    Twisted's port logs every accept-time failure through its own logger, which we point
    here. EMFILE with Twisted's spare descriptor free is survivable: the waiting connections
    are accepted and closed at once, so we only count them. Any other failure (ENFILE,
    ENOBUFS, ENOMEM, or EMFILE with no spare) leaves the connection waiting and the socket
    readable, so the reactor would call accept() again at once: the port stops reading for
    ``pause`` seconds instead. Every other event goes on to ``publisher`` unchanged.
    """

    def __init__(
        self,
        *,
        where: str,
        clock: IReactorTime,
        log: Logger,
        publisher: ILogObserver = globalLogPublisher,
        pause: float = ACCEPT_PAUSE,
        interval: float = ACCEPT_REPORT_INTERVAL,
    ) -> None:
        self.where = where
        self.port: Pausable | None = None
        self.closed = 0  # connections closed at accept (EMFILE recovery), in all
        self.failed = 0  # accept() failures that left the connection waiting, in all
        self.pauses = 0
        self._clock = clock
        self._log = log
        self._publisher = publisher
        self._pause = pause
        self._interval = interval
        self._reported_at: float | None = None
        self._since = (0, 0)  # (closed, failed) at the last report
        self._resume: IDelayedCall | None = None

    def __call__(self, event: LogEvent) -> None:
        fmt = event.get("log_format")
        if fmt in EMFILE_LINES:
            if fmt == EMFILE_CLOSED:
                self.closed += 1
                self._report("EMFILE")
        elif fmt == ACCEPT_FAILED:
            self.failed += 1
            self._hold()
            self._report(str(event.get("acceptError")))
        else:
            self._publisher(event)

    def _hold(self) -> None:
        port = self.port
        if port is None or (self._resume is not None and self._resume.active()):
            return
        self.pauses += 1
        port.stopReading()
        self._resume = self._clock.callLater(self._pause, self._resumed)

    def _resumed(self) -> None:
        self._resume = None
        if self.port is not None and self.port.connected:
            self.port.startReading()

    def stop(self) -> None:
        if self._resume is not None and self._resume.active():
            self._resume.cancel()
        self._resume = None
        self.port = None

    def _report(self, error: str) -> None:
        now = self._clock.seconds()
        if self._reported_at is not None and now - self._reported_at < self._interval:
            return
        closed, failed = self.closed - self._since[0], self.failed - self._since[1]
        self._reported_at, self._since = now, (self.closed, self.failed)
        self._log.warn(
            "{where}: out of descriptors ({error}): {closed} connections closed at accept, "
            "{failed} accepts failed (listening paused {pause} s each); at most one such "
            "line a minute",
            where=self.where,
            error=error,
            closed=closed,
            failed=failed,
            pause=self._pause,
        )


def bound_socket(address: str, port: int, sock_type: int) -> socket.socket:
    """A non-blocking socket bound to address:port; IPv6 sockets are IPv6 only."""
    family = socket.AF_INET6 if ipaddress.ip_address(address).version == 6 else socket.AF_INET
    sock = socket.socket(family, sock_type)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if family == socket.AF_INET6:
            sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
        sock.bind((address, port))
        sock.setblocking(False)
    except OSError:
        sock.close()
        raise
    return sock


class ListenerService(Service):
    """One listening socket (TCP or UDP) on one address."""

    _log = Logger()

    def __init__(
        self,
        *,
        name: str,
        kind: str,
        transport: Literal["tcp", "udp", "tls"],
        address: str,
        port: int,
        reactor: IReactorSocket,
        clock: IReactorTime,
        publish: Callable[[Event], None],
        factory: IProtocolFactory | None = None,
        datagram: DatagramProtocol | None = None,
        backlog: int = 128,
        drain: Callable[[], Deferred[None]] | None = None,
        hold: bool = False,
    ) -> None:
        if (factory is not None) + (datagram is not None) + hold != 1:
            raise ValueError("a listener needs exactly one of factory (stream), datagram or hold")
        # A DNS trap listens on UDP and TCP on the same port: the UDP one's name says so.
        where = f"{address}:{port}" + ("/udp" if transport == "udp" else "")
        self.setName(f"{kind}:{name}:{where}")
        self._reactor = reactor
        self._clock = clock
        self._publish = publish
        self._factory = factory
        self._datagram = datagram
        self._backlog = backlog
        self._drain = drain
        self._port: IListeningPort | None = None
        # ``hold``: a TCP socket opened and listening as any other, but served by the trap
        # workers (honeymesh.workers), which are handed this descriptor; kept open until stop
        # so that a worker started again gets it too.
        self._hold = hold
        self.held: socket.socket | None = None
        self.info = ListenerInfo(name, kind, transport, address, port, "starting")
        self.accept_trouble = AcceptTrouble(
            where=f"{kind} {name} {transport} {address} port {port}", clock=clock, log=self._log
        )

    def startService(self) -> None:
        super().startService()
        info = self.info
        family = (
            socket.AF_INET6 if ipaddress.ip_address(info.address).version == 6 else socket.AF_INET
        )
        try:
            if self._hold:
                sock = bound_socket(info.address, info.port, socket.SOCK_STREAM)
                try:
                    sock.listen(self._backlog)
                except OSError:
                    sock.close()
                    raise
                self.held = sock
            elif self._factory is not None:
                sock = bound_socket(info.address, info.port, socket.SOCK_STREAM)
                sock.listen(self._backlog)
                with sock:
                    port = self._reactor.adoptStreamPort(
                        sock.fileno(), family, cast(ServerFactory, self._factory)
                    )
            else:
                assert self._datagram is not None
                sock = bound_socket(info.address, info.port, socket.SOCK_DGRAM)
                with sock:
                    port = self._reactor.adoptDatagramPort(
                        sock.fileno(), family, self._datagram, maxPacketSize=65535
                    )
        except OSError as e:
            error = e.strerror or str(e)
            self.info = ListenerInfo(
                info.name, info.kind, info.transport, info.address, info.port, "failed", error
            )
            self._publish(
                Notice(
                    EventId.LISTENER_FAILED,
                    self._clock.seconds(),
                    {
                        "name": info.name,
                        "kind": info.kind,
                        "address": info.address,
                        "port": info.port,
                        "error": error,
                    },
                )
            )
            return
        if self.held is not None:
            self._listening(self.held.getsockname()[1])
            return
        self._port = port
        if isinstance(port, tcp.Port):  # its accept() failures come to us, not the log
            self.accept_trouble.port = port
            port._logger = Logger(namespace=port._logger.namespace, observer=self.accept_trouble)
        self._listening(port.getHost().port)  # type: ignore[attr-defined]

    def _listening(self, actual: int) -> None:
        info = self.info
        self.accept_trouble.where = (
            f"{info.kind} {info.name} {info.transport} {info.address} port {actual}"
        )
        self.info = ListenerInfo(
            info.name, info.kind, info.transport, info.address, actual, "listening"
        )
        self._publish(Notice(EventId.LISTENER_UP, self._clock.seconds(), self.info.as_dict()))

    def stopService(self) -> Deferred[None]:
        super().stopService()
        return Deferred.fromCoroutine(self._stop())

    @property
    def trap_name(self) -> str:
        return self.info.name

    async def _stop(self) -> None:
        port, self._port = self._port, None
        if self.info.state == "listening":
            i = self.info
            self.info = ListenerInfo(i.name, i.kind, i.transport, i.address, i.port, "stopped")
        self.accept_trouble.stop()
        held, self.held = self.held, None
        if held is not None:
            held.close()
        if port is not None:
            await maybeDeferred(port.stopListening)
        if self._drain is not None:
            await self._drain()
