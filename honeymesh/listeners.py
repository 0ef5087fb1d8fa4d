"""Listening sockets as Services, each able to say where it listens and whether it could.

We create the socket ourselves and hand it to the reactor (``adoptStreamPort``) so that an IPv6
listener is IPv6 only: a trap can then bind ``0.0.0.0`` and ``::`` on the same port, as a
honeypot should, without the second bind failing. A bind that fails is reported (status and a
``listener.failed`` event) and the rest of the appliance keeps running.

On stop a listener stops listening first, and only then waits (``drain``, bounded by the
caller) for what it already accepted to finish: the admin API answers the requests in flight
before the services behind it (traps, mesh, kernel, store) stop.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, cast

from twisted.application.service import Service
from twisted.internet.defer import Deferred, maybeDeferred
from twisted.internet.interfaces import (
    IListeningPort,
    IProtocolFactory,
    IReactorSocket,
    IReactorTime,
)
from twisted.internet.protocol import DatagramProtocol, ServerFactory
from twisted.logger import Logger

from honeymesh.events import Event, EventId, JSONValue, Notice

State = Literal["starting", "listening", "failed", "stopped"]


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
    ) -> None:
        if (factory is None) == (datagram is None):
            raise ValueError("a listener needs exactly one of factory (stream) or datagram")
        self.setName(f"{kind}:{name}:{address}:{port}")
        self._reactor = reactor
        self._clock = clock
        self._publish = publish
        self._factory = factory
        self._datagram = datagram
        self._backlog = backlog
        self._drain = drain
        self._port: IListeningPort | None = None
        self.info = ListenerInfo(name, kind, transport, address, port, "starting")

    def startService(self) -> None:
        super().startService()
        info = self.info
        family = (
            socket.AF_INET6 if ipaddress.ip_address(info.address).version == 6 else socket.AF_INET
        )
        try:
            if self._factory is not None:
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
        self._port = port
        actual = port.getHost().port  # type: ignore[attr-defined]
        self.info = ListenerInfo(
            info.name, info.kind, info.transport, info.address, actual, "listening"
        )
        self._publish(Notice(EventId.LISTENER_UP, self._clock.seconds(), self.info.as_dict()))

    def stopService(self) -> Deferred[None]:
        super().stopService()
        return Deferred.fromCoroutine(self._stop())

    async def _stop(self) -> None:
        port, self._port = self._port, None
        if self.info.state == "listening":
            i = self.info
            self.info = ListenerInfo(i.name, i.kind, i.transport, i.address, i.port, "stopped")
        if port is not None:
            await maybeDeferred(port.stopListening)
        if self._drain is not None:
            await self._drain()
