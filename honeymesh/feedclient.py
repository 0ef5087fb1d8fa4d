"""A client of the live feed (``/ws``), for ``honeymesh tail`` and ``honeymesh tui``.

It asks the admin API for a single-use ticket (with the same token the CLI uses), then opens
``wss://<api address>/ws?ticket=...`` trusting only the API's own certificate, as the CLI does.
Each event reaches ``on_event`` as the dict the server sent; ``gaps`` counts events the feed
numbered but this client never saw (there should be none). When the node stops, the feed
closes with code 1001 (going away): ``done`` fires and ``daemon_stopped`` is true.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from autobahn.twisted.websocket import WebSocketClientFactory, WebSocketClientProtocol
from OpenSSL import SSL
from twisted.internet.defer import Deferred
from twisted.internet.endpoints import HostnameEndpoint, wrapClientTLS
from twisted.internet.interfaces import IOpenSSLClientConnectionCreator, IReactorTCP
from twisted.internet.ssl import (
    Certificate,
    CertificateOptions,
    TLSVersion,
    trustRootFromCertificates,
)
from twisted.python.failure import Failure
from zope.interface import implementer

EventSink = Callable[[dict[str, Any]], object]
GOING_AWAY = 1001  # the close code the node's feed sends when the node stops


class FeedError(Exception):
    """The feed could not be opened or closed abnormally."""


@implementer(IOpenSSLClientConnectionCreator)
class PinnedCertificate:
    """TLS that trusts exactly one certificate (the API's), whatever name the URL uses."""

    def __init__(self, cert_pem: bytes) -> None:
        self._options = CertificateOptions(
            trustRoot=trustRootFromCertificates([Certificate.loadPEM(cert_pem)]),
            raiseMinimumTo=TLSVersion.TLSv1_2,
        )

    def clientConnectionForTLS(self, tlsProtocol: object) -> SSL.Connection:
        connection = SSL.Connection(self._options.getContext(), None)
        connection.set_app_data(tlsProtocol)
        return connection


class FeedClientProtocol(WebSocketClientProtocol):
    factory: FeedClientFactory

    def onOpen(self) -> None:
        self.factory.opened(self)

    def onMessage(self, payload: bytes, isBinary: bool) -> None:
        self.factory.received(payload)

    def onClose(self, wasClean: bool, code: int | None, reason: str | None) -> None:
        self.factory.closed(wasClean, code, reason)


class FeedClientFactory(WebSocketClientFactory):
    protocol = FeedClientProtocol  # type: ignore[assignment]

    def __init__(
        self,
        url: str,
        on_event: EventSink,
        *,
        on_hello: EventSink | None = None,
        origin: str | None = None,
    ) -> None:
        super().__init__(url, origin=origin)
        self.setProtocolOptions(autoPingInterval=30, autoPingTimeout=15)
        self._on_event = on_event
        self._on_hello = on_hello
        self.connection: FeedClientProtocol | None = None
        self.open: Deferred[FeedClientFactory] = Deferred()
        self.done: Deferred[None] = Deferred()
        self.last_seq: int | None = None
        self.received_events = 0
        self.gaps = 0
        self.close_code: int | None = None

    @property
    def daemon_stopped(self) -> bool:
        """Whether the feed ended because the node stopped (close code 1001, going away)."""
        return self.close_code == GOING_AWAY

    def opened(self, connection: FeedClientProtocol) -> None:
        self.connection = connection
        if not self.open.called:
            self.open.callback(self)

    def received(self, payload: bytes) -> None:
        message = json.loads(payload)
        if message.get("type") == "hello":
            self.last_seq = int(message["seq"]) - 1
            if self._on_hello is not None:
                self._on_hello(message)
            return
        for event in message.get("events", ()):
            seq = int(event.get("seq", 0))
            if self.last_seq is not None and seq != self.last_seq + 1:
                self.gaps += 1
            self.last_seq = seq
            self.received_events += 1
            self._on_event(event)

    def closed(self, clean: bool, code: int | None, reason: str | None) -> None:
        self.connection = None
        self.close_code = code
        if not self.open.called:
            self.open.errback(FeedError(f"the feed refused the connection: {reason or code}"))
            self.done.callback(None)  # it never opened: nothing to report a second time
        elif not self.done.called:
            if clean:
                self.done.callback(None)
            else:
                self.done.errback(FeedError(f"the feed closed: {reason or code}"))

    def close(self) -> None:
        if self.connection is not None:
            self.connection.sendClose()


def connect_feed(
    reactor: IReactorTCP,
    base_url: str,
    ticket: str,
    cert_pem: bytes,
    on_event: EventSink,
    *,
    on_hello: EventSink | None = None,
    origin: str | None = None,
) -> Deferred[FeedClientFactory]:
    """Open the feed at ``base_url`` (``https://host:port``); fires once it is open."""
    parts = urlsplit(base_url)
    host = parts.hostname or "127.0.0.1"
    port = parts.port or 443
    netloc = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    factory = FeedClientFactory(
        f"wss://{netloc}/ws?ticket={ticket}", on_event, on_hello=on_hello, origin=origin
    )
    endpoint = wrapClientTLS(PinnedCertificate(cert_pem), HostnameEndpoint(reactor, host, port))
    connecting = endpoint.connect(factory)

    def failed(failure: Failure) -> Failure:
        if not factory.open.called:
            factory.open.errback(failure)
        return failure

    connecting.addErrback(failed).addErrback(lambda _: None)
    return factory.open
