"""The syslog output: RFC 5424 messages over UDP (RFC 5426), TCP (RFC 6587) or TLS (RFC 5425).

UDP: one message per datagram from a connected socket, sent as the event arrives; a datagram
the kernel will not take (a full socket buffer) is dropped and counted. TCP and TLS: messages
are octet-counted (``MSG-LEN SP SYSLOG-MSG``, so a message may hold any byte), queued
(``BoundedQueue``), and written while the connection's buffer has room (the protocol is the
transport's streaming producer: paused, it writes nothing more). ``ClientService`` reconnects
with exponential backoff and jitter, at most a minute apart; what arrives meanwhile waits in the
queue, and past ``max_queue`` the oldest is dropped and counted. At stop, what is queued is
written to an open connection, which then closes after its buffer is sent; with no connection
it is dropped and counted.

Delivery is at most once: a message in the kernel's socket buffer when a TCP connection breaks
is lost without anyone knowing (syslog has no acknowledgements).
"""

from __future__ import annotations

import dataclasses
import ipaddress
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from twisted.application.internet import ClientService, backoffPolicy
from twisted.application.service import Service
from twisted.internet.defer import Deferred, succeed
from twisted.internet.endpoints import HostnameEndpoint, wrapClientTLS
from twisted.internet.error import MessageLengthError
from twisted.internet.interfaces import (
    IAddress,
    IConsumer,
    IHandshakeListener,
    IPushProducer,
    IReactorTime,
    IStreamClientEndpoint,
)
from twisted.internet.protocol import DatagramProtocol, Factory, Protocol
from twisted.internet.ssl import optionsForClientTLS
from twisted.logger import Logger
from twisted.python.failure import Failure
from zope.interface import implementer

from honeymesh.config import SyslogOutputConfig
from honeymesh.events import Event, EventId, JSONValue
from honeymesh.outputs.health import ReportsHealth
from honeymesh.outputs.queue import BoundedQueue
from honeymesh.outputs.rfc5424 import FACILITIES, Header, message, octet_counted
from honeymesh.outputs.selection import EventSelector
from honeymesh.outputs.tlsroots import load_ca

# Frames written in one go before the pump yields to the reactor (a paused transport stops it
# sooner).
_WRITES_PER_TURN = 512
# Seconds a connection has at stop to send what was written before it is cut.
STOP_GRACE = 3.0


class _Datagrams(DatagramProtocol):
    def __init__(self, output: SyslogOutput) -> None:
        self.output = output

    def datagramReceived(self, datagram: bytes, addr: Any) -> None:
        """A syslog collector sends nothing back; anything that arrives is ignored."""


@implementer(IPushProducer, IHandshakeListener)
class _Stream(Protocol):
    """One TCP or TLS connection to the collector; the output writes through it.

    Over TLS the output is told of the connection only once the handshake is done (the
    collector's certificate verified): written earlier, messages would sit in the TLS buffer
    of a connection that a failed verification then closes, counted as sent and lost."""

    def __init__(self, output: SyslogOutput, *, tls: bool = False) -> None:
        self.output = output
        self.paused = False
        self.tls = tls

    def connectionMade(self) -> None:
        assert self.transport is not None
        cast(IConsumer, self.transport).registerProducer(self, True)
        if not self.tls:
            self.output.connected(self)

    def handshakeCompleted(self) -> None:
        if self.tls:
            self.output.connected(self)

    def dataReceived(self, data: bytes) -> None:
        """Nothing is expected from the collector (RFC 5425: the receiver sends no data)."""

    def connectionLost(self, reason: Failure = Failure(ConnectionError())) -> None:  # noqa: B008
        self.output.disconnected(self, reason)

    def pauseProducing(self) -> None:
        self.paused = True

    def resumeProducing(self) -> None:
        self.paused = False
        self.output.pump()

    def stopProducing(self) -> None:
        self.paused = True


@implementer(IStreamClientEndpoint)
class _Watched:
    """An endpoint that tells the output why a connection attempt failed (ClientService only
    retries), so the status and the log can say it: refused, no route, a name that does not
    resolve."""

    def __init__(self, endpoint: Any, failed: Callable[[Failure], None]) -> None:
        self._endpoint = endpoint
        self._failed = failed

    def connect(self, factory: Any) -> Deferred[Any]:
        def failed(reason: Failure) -> Failure:
            self._failed(reason)
            return reason

        d: Deferred[Any] = self._endpoint.connect(factory)
        return d.addErrback(failed)


class _StreamFactory(Factory):
    noisy = False  # a line per reconnection attempt would flood the log while the SIEM is down

    def __init__(self, output: SyslogOutput) -> None:
        self.output = output

    def buildProtocol(self, addr: IAddress | None) -> Protocol:
        return _Stream(self.output, tls=self.output.config.transport == "tls")


class SyslogOutput(ReportsHealth, Service):
    """One ``[[outputs]]`` table of type syslog: a bus subscriber (``on_event``) and a service."""

    _log = Logger(namespace="honeymesh.outputs")
    while_failing = (
        "messages are queued (at most {most}, the oldest dropped and counted) until it works again"
    )
    working_again = "sending again"
    config: SyslogOutputConfig

    def __init__(
        self,
        config: SyslogOutputConfig,
        reactor: Any,
        *,
        hostname: str,
        ca: Path | None = None,
        procid: str | None = None,
    ) -> None:
        self.setName(f"output:{config.name}")
        self.config = config
        self._reactor = reactor
        self._clock: IReactorTime = reactor
        self._select = EventSelector(config.events, config.kinds)
        self._header = Header(
            facility=FACILITIES[config.facility],
            hostname=config.hostname or hostname,
            app_name=config.app_name,
            procid=str(os.getpid()) if procid is None else procid,
            enterprise_number=config.enterprise_number,
        )
        self._own_pid = procid is None
        self._queue: BoundedQueue[bytes] = BoundedQueue(config.max_queue)
        self.sent = 0
        self.failed = 0  # datagrams the kernel would not take (a full buffer, no route)
        self.connections = 0
        self.failing: str | None = None
        self._udp: Any = None
        self._stream: _Stream | None = None
        self._pump_call: Any = None
        self._service: ClientService | None = None
        self._trust = None if ca is None else load_ca(ca, config.name)

    # The bus side -------------------------------------------------------------------------------

    @property
    def ids(self) -> frozenset[EventId]:
        """The event ids this output selects (its kinds may narrow them further)."""
        return self._select.ids

    def on_event(self, event: Event) -> None:
        """A bus subscriber: format the event if selected and queue it; never blocks."""
        if not self._select(event):
            return
        data = message(event, self._header, max_bytes=self.config.max_message)
        self._queue.put(data if self.config.transport == "udp" else octet_counted(data))
        self.pump()

    # Delivery -----------------------------------------------------------------------------------

    def pump(self) -> None:
        """Write what is queued while the transport takes it."""
        if self._udp is not None:
            self._send_datagrams()
            return
        stream = self._stream
        if stream is None or stream.transport is None:
            return
        for _ in range(_WRITES_PER_TURN):
            if stream.paused or not self._queue:
                return
            stream.transport.write(self._queue.take(1)[0])
            self.sent += 1
        if self._queue and self._pump_call is None:
            self._pump_call = self._clock.callLater(0, self._pump_later)

    def _pump_later(self) -> None:
        self._pump_call = None
        self.pump()

    def _send_datagrams(self) -> None:
        while self._queue:
            data = self._queue.take(1)[0]
            try:
                self._udp.write(data, (self.config.address, self.config.port))
            except (OSError, MessageLengthError) as e:  # EAGAIN: a full buffer; no route
                self.failed += 1
                self._say_failing(f"cannot send: {getattr(e, 'strerror', None) or e}")
            else:
                self.sent += 1
                self._say_working()

    def connected(self, stream: _Stream) -> None:
        self._stream = stream
        self.connections += 1
        self._say_working()
        self.pump()

    def _connect_failed(self, reason: Failure) -> None:
        if self.running:
            self._say_failing(f"cannot connect: {reason.getErrorMessage()}")

    def disconnected(self, stream: _Stream, reason: Failure) -> None:
        was_connected = self._stream is stream
        if was_connected:
            self._stream = None
        if self.running:
            # Closed before it was connected: over TLS, the handshake failed (the collector's
            # certificate did not verify, or it refused ours).
            what = "connection lost" if was_connected else "TLS handshake failed"
            self._say_failing(f"{what}: {reason.getErrorMessage()}")

    # The service side ---------------------------------------------------------------------------

    def target(self) -> str:
        host = self.config.address
        if ":" in host:
            host = f"[{host}]"
        return f"{self.config.transport}://{host}:{self.config.port}"

    def startService(self) -> None:
        super().startService()
        cfg = self.config
        if self._own_pid:  # twistd may have forked since the output was built
            self._header = dataclasses.replace(self._header, procid=str(os.getpid()))
        if cfg.transport == "udp":
            ipv6 = ipaddress.ip_address(cfg.address).version == 6
            # Not a connected socket: the ICMP port unreachable a closed collector port answers
            # makes epoll report an error on a connected one, and Twisted then closes the
            # port for good (measured); unconnected, the kernel drops those answers.
            port = self._reactor.listenUDP(0, _Datagrams(self), interface="::" if ipv6 else "")
            self._udp = port
            self.pump()
            return
        endpoint: Any = HostnameEndpoint(self._reactor, cfg.address, cfg.port, timeout=10)
        if cfg.transport == "tls":
            options = optionsForClientTLS(cfg.server_name or cfg.address, trustRoot=self._trust)
            endpoint = wrapClientTLS(options, endpoint)
        self._service = ClientService(
            _Watched(endpoint, self._connect_failed),
            _StreamFactory(self),
            retryPolicy=backoffPolicy(initialDelay=0.5, maxDelay=60.0),
            clock=self._clock,
        )
        self._service.startService()

    def stopService(self) -> Deferred[None]:
        super().stopService()
        if self._pump_call is not None and self._pump_call.active():
            self._pump_call.cancel()
        self._pump_call = None
        if self._udp is not None:
            self._send_datagrams()
            port, self._udp = self._udp, None
            return Deferred.fromCoroutine(_stopped(port.stopListening()))
        stream = self._stream
        if stream is not None and stream.transport is not None:
            # Everything left goes into the transport, which sends it before it closes.
            while self._queue:
                stream.transport.write(self._queue.take(1)[0])
                self.sent += 1
        else:
            self._queue.drop_all()  # counted in dropped
        if self._service is None:
            return succeed(None)
        service, self._service = self._service, None
        stopped = Deferred.fromCoroutine(_stopped(service.stopService()))
        if stream is not None and stream.transport is not None:
            # A TLS close waits for the collector's close_notify, which rsyslog never sends:
            # what was written has had STOP_GRACE seconds to go; then the connection is cut.
            transport = stream.transport
            cut = self._clock.callLater(STOP_GRACE, _abort, transport)

            def closed(result: object) -> object:
                if cut.active():
                    cut.cancel()
                return result

            stopped.addBoth(closed)
        return stopped

    def status(self) -> dict[str, JSONValue]:
        """This output's state and counters, for the status, the API and /metrics."""
        if self.config.transport == "udp":
            state = "sending" if self._udp is not None else "stopped"
        elif self._stream is not None:
            state = "connected"
        else:
            state = "connecting" if self.running else "stopped"
        return {
            "name": self.config.name,
            "type": "syslog",
            "target": self.target(),
            "state": state,
            "failing": self.failing,
            "queued": len(self._queue),
            "sent": self.sent,
            "dropped": self._queue.dropped + self.failed,
            "retried": self.connections - 1 if self.connections else 0,
        }


def _abort(transport: Any) -> None:
    abort = getattr(transport, "abortConnection", None)
    if abort is not None:
        abort()


async def _stopped(result: Any) -> None:
    if isinstance(result, Deferred):
        await result
