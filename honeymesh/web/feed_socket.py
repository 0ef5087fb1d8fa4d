"""The live feed's websocket side: one Autobahn protocol per client, which the hub
(``feed.FeedHub``) fans events out to; see ``feed``'s docstring for the design.

Kept apart from the hub because Autobahn (with cbor2 and its NVX modules) is about 5 MB of the
daemon's memory: the admin API imports this module on the first ``/ws`` upgrade (about 60 ms,
once), so a node whose feed nobody opens never holds it (tests/test_idle_imports.py).
"""

from __future__ import annotations

import contextlib
from collections import deque
from typing import cast

from autobahn.twisted.resource import WebSocketResource
from autobahn.twisted.websocket import WebSocketServerFactory, WebSocketServerProtocol
from twisted.internet.defer import Deferred
from twisted.internet.error import ConnectionDone
from twisted.internet.interfaces import IConsumer, IPushProducer
from twisted.python.failure import Failure
from zope.interface import implementer

from honeymesh.web.feed import FeedHub

GOING_AWAY = 1001  # RFC 6455 7.4.1: "an endpoint is going away, such as a server going down"
_DONE = Failure(ConnectionDone())


@implementer(IPushProducer)
class FeedProtocol(WebSocketServerProtocol):
    """One websocket client of the feed; the producer of its own transport."""

    factory: FeedFactory

    def __init__(self) -> None:
        super().__init__()
        self.hub: FeedHub | None = None
        self.paused = False
        self.queue: deque[bytes] = deque()
        self.queued_bytes = 0
        self.dropped = False
        self.gone: Deferred[None] = Deferred()  # fires when the connection is lost

    def onOpen(self) -> None:
        # Twisted Web's HTTP channel was the transport's producer until Autobahn took the
        # transport over; this connection is its producer now, so the transport pauses us.
        transport = cast(IConsumer, self.transport)
        transport.unregisterProducer()
        transport.registerProducer(self, True)
        self.hub = self.factory.hub
        self.hub.attach(self)

    def deliver(self, message: bytes) -> None:
        if self.dropped:
            return
        if self.paused or self.queue:
            self.queue.append(message)
            self.queued_bytes += len(message)
            if self.queued_bytes > self.factory.hub.max_queued_bytes:
                self._drop()
            return
        self.sendMessage(message, isBinary=False)

    def going_away(self) -> None:
        """Close with 1001, going away. Autobahn's ``sendClose`` allows applications only 1000
        and 3000-4999, but 1001 is the code RFC 6455 gives a server that goes down, so the
        close frame is sent one level lower, with the same handshake and timeout."""
        if self.state == self.STATE_OPEN:
            self.sendCloseFrame(code=GOING_AWAY, reasonUtf8=b"the node is stopping")

    def _drop(self) -> None:
        self.dropped = True
        self.queue.clear()
        hub = self.hub
        self.hub = None
        if hub is not None:
            hub.too_slow(self)
        self.dropConnection(abort=True)

    # IPushProducer -------------------------------------------------------------------------

    def pauseProducing(self) -> None:
        self.paused = True

    def resumeProducing(self) -> None:
        self.paused = False
        while self.queue and not self.paused and not self.dropped:
            message = self.queue.popleft()
            self.queued_bytes -= len(message)
            self.sendMessage(message, isBinary=False)

    def stopProducing(self) -> None:
        self.paused = True

    # Incoming --------------------------------------------------------------------------------

    def onMessageFrame(self, payload: bytes) -> None:
        """The feed is one-way: what clients send is dropped frame by frame, never kept."""

    def onMessage(self, payload: bytes, isBinary: bool) -> None:
        """The feed is one-way; what clients send is ignored."""

    def onClose(self, wasClean: bool, code: int | None, reason: str | None) -> None:
        hub = self.hub
        self.hub = None
        if hub is not None:
            hub.detach(self)
        self.queue.clear()

    def connectionLost(self, reason: Failure = _DONE) -> None:
        # The transport is gone; a producer may or may not still be registered with it.
        with contextlib.suppress(Exception):
            cast(IConsumer, self.transport).unregisterProducer()
        super().connectionLost(reason)
        if not self.gone.called:
            self.gone.callback(None)


class FeedFactory(WebSocketServerFactory):
    protocol = FeedProtocol  # type: ignore[assignment]

    def __init__(self, hub: FeedHub) -> None:
        super().__init__()
        self.hub = hub
        self.setProtocolOptions(
            webStatus=False,
            maxFramePayloadSize=4096,  # incoming frames only (outgoing batches can be large)
            autoPingInterval=30,
            autoPingTimeout=15,
            openHandshakeTimeout=10,
            closeHandshakeTimeout=5,
        )


def feed_resource(hub: FeedHub) -> WebSocketResource:
    return WebSocketResource(FeedFactory(hub))
