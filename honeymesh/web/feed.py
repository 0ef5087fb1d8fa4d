"""The live feed: every event on the bus, as JSON, to websocket clients at ``/ws``. This module
is the hub; the websocket side (Autobahn) is ``feed_socket``, imported on the first upgrade.

* A client first asks the API (with the admin token) for a ticket: 256 random bits, valid for
  ``ttl`` seconds and for one connection only (``TicketBook``). ``/ws?ticket=...`` redeems it;
  the route also refuses a browser Origin other than the dashboard's own (``origin_allowed``).
* ``FeedHub`` subscribes to the bus while at least one client is connected. Each event is
  encoded once, events are gathered for ``flush_interval`` seconds, and each batch goes to every
  client as one text message (``fanout_slice`` clients per reactor turn, so that a busy feed
  never holds the API up for long)::

      {"type": "events", "events": [{"seq": 41, "event_id": "trap.session", ...}, ...]}

  ``seq`` numbers every event the feed carried, so a client can see that it missed none and
  that they arrived in order. The first message on a connection is
  ``{"type": "hello", "seq": NEXT_SEQ, "node": ID, "mode": MODE}``.
* Slow clients: each connection is the transport's producer, so Twisted tells it when the
  socket's send buffer is full (``pauseProducing``). While paused, batches wait in a queue
  bounded by ``max_queued_bytes``; a client that lets it overflow is disconnected (its
  connection aborted) instead of being buffered without bound. Nobody else waits for it.
* When the node stops (``FeedHub.close``, after the API stopped listening), the batch being
  gathered goes out at once and every client gets close code 1001, "going away" (RFC 6455
  7.4.1), so ``honeymesh tail`` and the TUI can say the daemon stopped instead of reporting a
  broken connection; the stop waits for the closing handshakes, at most ``CLOSE_TIMEOUT``.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections import deque
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from twisted.internet.defer import Deferred, DeferredList, succeed
from twisted.internet.interfaces import IDelayedCall, IReactorTime
from twisted.logger import Logger

from honeymesh.events import Event

Subscribe = Callable[[Callable[[Event], object]], Callable[[], None]]

TICKET_TTL = 30.0
MAX_TICKETS = 1000
FLUSH_INTERVAL = 0.1
FANOUT_SLICE = 8
MAX_QUEUED_BYTES = 4 * 1024 * 1024
CLOSE_TIMEOUT = 5.0


class TicketBook:
    """Short-lived, single-use tickets for the websocket; only their digests are kept."""

    def __init__(
        self, clock: IReactorTime, ttl: float = TICKET_TTL, max_outstanding: int = MAX_TICKETS
    ) -> None:
        self._clock = clock
        self.ttl = ttl
        self.max_outstanding = max_outstanding
        self._expiry: dict[bytes, float] = {}

    @staticmethod
    def _digest(ticket: str) -> bytes:
        return hashlib.sha256(ticket.encode("utf-8", "surrogateescape")).digest()

    def _prune(self, now: float) -> None:
        for digest in [d for d, t in self._expiry.items() if t <= now]:
            del self._expiry[digest]

    def issue(self) -> str:
        now = self._clock.seconds()
        self._prune(now)
        while len(self._expiry) >= self.max_outstanding:
            del self._expiry[next(iter(self._expiry))]  # the oldest gives way
        ticket = "wst_" + secrets.token_urlsafe(32)
        self._expiry[self._digest(ticket)] = now + self.ttl
        return ticket

    def redeem(self, ticket: str | None) -> bool:
        """True once for a ticket issued less than ``ttl`` seconds ago; False ever after."""
        if not ticket or len(ticket) > 200:
            return False
        expires = self._expiry.pop(self._digest(ticket), None)
        return expires is not None and self._clock.seconds() < expires

    @property
    def outstanding(self) -> int:
        return len(self._expiry)


def origin_allowed(origin: str | None, host: str | None, allowed: Sequence[str]) -> bool:
    """May a websocket from this Origin connect?

    No Origin header: not a browser (the CLI, the TUI); the ticket alone decides. Otherwise the
    Origin must be the dashboard's own (``https://`` + the Host it asked for) or listed.
    """
    if origin is None:
        return True
    origin = origin.strip().lower().rstrip("/")
    if host and origin == "https://" + host.strip().lower():
        return True
    return origin in {a.strip().lower().rstrip("/") for a in allowed}


class FeedClient(Protocol):
    """What the hub needs of a connected client (``feed_socket.FeedProtocol``, the websocket
    side, which the daemon imports on the first ``/ws`` upgrade: Autobahn is 5 MB of an idle
    node's memory)."""

    peer: str | None
    queued_bytes: int
    gone: Deferred[None]

    def deliver(self, message: bytes) -> None: ...

    def going_away(self) -> None: ...


class FeedHub:
    """Fans events out to the connected clients in batches; see the module docstring."""

    _log = Logger()

    def __init__(
        self,
        subscribe: Subscribe,
        clock: IReactorTime,
        *,
        hello: Callable[[], dict[str, Any]] = dict,
        flush_interval: float = FLUSH_INTERVAL,
        max_queued_bytes: int = MAX_QUEUED_BYTES,
        fanout_slice: int = FANOUT_SLICE,
    ) -> None:
        self._subscribe = subscribe
        self._clock = clock
        self._hello = hello
        self.flush_interval = flush_interval
        self.max_queued_bytes = max_queued_bytes
        self.fanout_slice = fanout_slice
        self._clients: dict[FeedClient, None] = {}
        self._unsubscribe: Callable[[], None] | None = None
        self._pending: list[bytes] = []
        self._flush_call: IDelayedCall | None = None
        # Batches being handed out, oldest first: (message, the clients still to get it).
        self._fanout: deque[tuple[bytes, deque[FeedClient]]] = deque()
        self._fanout_call: IDelayedCall | None = None
        self.seq = 0
        self.batches = 0
        self.slow_disconnects = 0
        self.closing = False

    @property
    def clients(self) -> int:
        return len(self._clients)

    def attach(self, client: FeedClient) -> None:
        if self.closing:
            client.going_away()
            return
        self._clients[client] = None
        # Its first event is the oldest of the batch being gathered (the batches already being
        # handed out were addressed before it came).
        first = self.seq - len(self._pending) + 1
        hello = {"type": "hello", "seq": first, **self._hello()}
        client.deliver(json.dumps(hello, separators=(",", ":"), default=str).encode())
        if self._unsubscribe is None:
            self._unsubscribe = self._subscribe(self._on_event)

    def detach(self, client: FeedClient) -> None:
        self._clients.pop(client, None)
        if not self._clients:
            if self._unsubscribe is not None:
                self._unsubscribe()
                self._unsubscribe = None
            self._flush_now()  # nobody left to send to; drop the batch and its timer
            self._fanout.clear()
            if self._fanout_call is not None:
                self._fanout_call.cancel()
                self._fanout_call = None

    def _on_event(self, event: Event) -> None:
        self.seq += 1
        # The event's JSON (shared with the store and the JSON log) with ``seq`` as its last key.
        self._pending.append(f'{event.json[:-1]},"seq":{self.seq}}}'.encode())
        if self._flush_call is None:
            self._flush_call = self._clock.callLater(self.flush_interval, self._flush)

    def _flush(self) -> None:
        self._flush_call = None
        self._flush_now()

    def _flush_now(self) -> None:
        if self._flush_call is not None:
            self._flush_call.cancel()
            self._flush_call = None
        if not self._pending:
            return
        message = b'{"type":"events","events":[' + b",".join(self._pending) + b"]}"
        self._pending = []
        self.batches += 1
        if self._clients:
            self._fanout.append((message, deque(self._clients)))
            self._fan_out()

    def _fan_out(self) -> None:
        """Hand batches to a few clients per reactor turn, so that writing to many sockets
        never holds up the API for long. Batches go out oldest first, so each client receives
        them in order; a client that connects meanwhile starts with the next batch."""
        self._fanout_call = None
        budget = self.fanout_slice
        while self._fanout and budget > 0:
            message, waiting = self._fanout[0]
            while waiting and budget > 0:
                client = waiting.popleft()
                if client in self._clients:
                    client.deliver(message)
                    budget -= 1
            # A delivery can drop a client, and dropping the last one empties ``_fanout``
            # (detach): take the batch off only if it is still the one at the front.
            if not waiting and self._fanout and self._fanout[0][1] is waiting:
                self._fanout.popleft()
        if self._fanout:
            self._fanout_call = self._clock.callLater(0, self._fan_out)

    def close(self, timeout: float = CLOSE_TIMEOUT) -> Deferred[None]:
        """The node is stopping: send what was gathered, then close code 1001 (going away) to
        every client; fires once each has closed, or after ``timeout`` seconds. A client too
        slow to have read its queued batches gets the close without them."""
        self.closing = True
        self._flush_now()
        while self._fanout:  # every batch, to every client, now: no later turn will come
            message, waiting = self._fanout.popleft()
            for client in waiting:
                if client in self._clients:
                    client.deliver(message)
        if self._fanout_call is not None:
            self._fanout_call.cancel()
            self._fanout_call = None
        clients = list(self._clients)
        if not clients:
            return succeed(None)
        gone = [client.gone for client in clients]
        for client in clients:
            client.going_away()
        done: Deferred[None] = Deferred()

        def finish(_: object = None) -> None:
            if not done.called:
                done.callback(None)
            if timer.active():
                timer.cancel()

        timer = self._clock.callLater(timeout, finish)
        DeferredList(gone, consumeErrors=True).addCallback(finish)
        return done

    def too_slow(self, client: FeedClient) -> None:
        self.slow_disconnects += 1
        self._log.warn(
            "feed client {peer} disconnected: it read too slowly ({queued} bytes waiting)",
            peer=client.peer,
            queued=client.queued_bytes,
        )
        self.detach(client)
