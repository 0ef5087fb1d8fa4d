"""The webhook output: the events it selects, POSTed as JSON batches, retried until delivered.

Each POST carries ``{"node": ..., "batch": ..., "events": [event_fields, ...]}``: at most
``batch`` events, gathered for ``interval`` seconds (a full batch goes at once). One batch is in
flight at a time, so batches arrive in order. A batch answered 2xx is delivered. On a 5xx, a
408 or 429, a timeout or a connection error it is retried, after a wait that doubles from 1 s
to ``max_backoff`` with jitter (a 429's or 503's ``Retry-After`` instead, up to
``max_backoff``), for as long as the node runs: delivery is at least once, and a retry after a
timeout may repeat a batch the receiver did take, so each batch has an ``Idempotency-Key``
header (the same on every attempt) and its ``batch`` id in the body. Any other 4xx rejects the
batch (a receiver that will not take it will not take it again): dropped and counted.

Meanwhile new events wait in a ``BoundedQueue`` (``max_queue``, the oldest dropped and
counted), never in the reactor's way: treq with its own connection pool, every wait a timer.
At stop, the batch in flight and what is queued get one attempt each (no retries) within
``timeout`` seconds; the rest is dropped and counted.
"""

from __future__ import annotations

import email.utils
import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from twisted.application.service import Service
from twisted.internet.defer import CancelledError, Deferred
from twisted.internet.interfaces import IDelayedCall, IReactorTime
from twisted.internet.protocol import Protocol
from twisted.internet.task import deferLater
from twisted.logger import Logger
from twisted.python.failure import Failure
from twisted.web.client import Agent, BrowserLikePolicyForHTTPS, HTTPConnectionPool
from twisted.web.http_headers import Headers
from twisted.web.iweb import IResponse

from honeymesh import __version__
from honeymesh.config import WebhookOutputConfig
from honeymesh.events import Event, EventId, JSONValue, event_fields
from honeymesh.outputs.health import ReportsHealth
from honeymesh.outputs.queue import BoundedQueue
from honeymesh.outputs.selection import EventSelector
from honeymesh.outputs.tlsroots import load_ca

if TYPE_CHECKING:
    from treq.client import HTTPClient

SENT, RETRY, REJECTED = "sent", "retry", "rejected"
FIRST_WAIT = 1.0


def outcome_of(code: int) -> str:
    """What an answer's status code means for the batch."""
    if 200 <= code < 300:
        return SENT
    if code in (408, 429) or code >= 500:
        return RETRY
    return REJECTED


def retry_after(value: bytes | str | None, now: float) -> float | None:
    """Seconds a ``Retry-After`` header asks for (delta-seconds or an HTTP-date), or None."""
    if value is None:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(int(text[:9]))
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - now)


def backoff(attempt: int, most: float, rand: Callable[[], float]) -> float:
    """The wait before retry ``attempt`` (0-based): 1 s doubling to ``most``, each between
    half and all of it ("equal jitter"), so nodes that lost the same receiver do not retry in
    step."""
    base = min(most, FIRST_WAIT * 2.0 ** min(attempt, 32))
    return base / 2 + base / 2 * rand()


# The most of an answer's body read (and thrown away) before the connection is dropped.
MAX_ANSWER = 64 * 1024


class _Discard(Protocol):
    """Reads an answer's body and keeps none of it, so the connection can go back to the pool;
    a body past MAX_ANSWER, or still coming at the timeout, costs the connection instead."""

    def __init__(self, done: Deferred[None]) -> None:
        self.done = done
        self.size = 0

    def dataReceived(self, data: bytes) -> None:
        self.size += len(data)
        if self.size > MAX_ANSWER:
            self.give_up()

    def give_up(self) -> None:
        if self.transport is not None:
            self.transport.stopProducing()  # type: ignore[attr-defined]
        if not self.done.called:
            self.done.callback(None)

    def connectionLost(self, reason: Failure = Failure(ConnectionError())) -> None:  # noqa: B008
        if not self.done.called:
            self.done.callback(None)


class WebhookOutput(ReportsHealth, Service):
    """One ``[[outputs]]`` table of type webhook: a bus subscriber (``on_event``) and a service."""

    _log = Logger(namespace="honeymesh.outputs")
    while_failing = (
        "retrying with backoff, new events queued (at most {most}, the oldest dropped and counted)"
    )
    working_again = "delivering again"
    config: WebhookOutputConfig

    def __init__(
        self,
        config: WebhookOutputConfig,
        reactor: Any,
        *,
        node: str,
        ca: Path | None = None,
        rand: Callable[[], float] = random.random,
    ) -> None:
        self.setName(f"output:{config.name}")
        self.config = config
        self._clock: IReactorTime = reactor
        self._node = node
        self._rand = rand
        self._select = EventSelector(config.events, config.kinds)
        self._queue: BoundedQueue[dict[str, JSONValue]] = BoundedQueue(config.max_queue)
        self._pool = HTTPConnectionPool(reactor, persistent=True)
        self._pool.maxPersistentPerHost = 1
        self._pool.retryAutomatically = False  # a retry is ours to decide, and to count
        trust = None if ca is None else load_ca(ca, config.name)
        policy = BrowserLikePolicyForHTTPS(trustRoot=trust)
        agent = Agent(
            reactor, contextFactory=policy, pool=self._pool, connectTimeout=config.timeout
        )
        # treq only once a webhook is configured: a node without one never loads it (about
        # 1 MB of an idle daemon's memory, bench/daemon.py).
        from treq.client import HTTPClient  # noqa: PLC0415

        self._http: HTTPClient = HTTPClient(agent)
        self._headers: dict[str, list[str]] = {
            "Content-Type": ["application/json"],
            "User-Agent": [f"HoneyMesh/{__version__}"],
        }
        for header in config.headers:
            name, _, value = header.partition(":")
            self._headers.setdefault(name.strip(), []).append(value.strip())
        self._started = int(reactor.seconds())
        self._batches = 0
        self._in_flight: list[dict[str, JSONValue]] | None = None
        self._busy: Deferred[None] | None = None
        self._timer: IDelayedCall | None = None
        self._sleep: Deferred[None] | None = None
        self._stopping = False
        self.sent = 0
        self.retried = 0
        self.rejected = 0  # events in batches the receiver refused (4xx)
        self.failed = 0  # events given up at stop
        self.failing: str | None = None

    # The bus side -------------------------------------------------------------------------------

    @property
    def ids(self) -> frozenset[EventId]:
        """The event ids this output selects (its kinds may narrow them further)."""
        return self._select.ids

    def on_event(self, event: Event) -> None:
        """A bus subscriber: queue the event's flat form if selected; never blocks."""
        if not self._select(event):
            return
        self._queue.put(event_fields(event))
        self._kick()

    # Delivery -----------------------------------------------------------------------------------

    def _kick(self) -> None:
        if not self.running or self._stopping or self._busy is not None or not self._queue:
            return
        if len(self._queue) >= self.config.batch:
            self._start()
        elif self._timer is None:
            self._timer = self._clock.callLater(self.config.interval, self._gathered)

    def _gathered(self) -> None:
        self._timer = None
        if self._busy is None and self._queue and not self._stopping:
            self._start()

    def _start(self) -> None:
        if self._timer is not None and self._timer.active():
            self._timer.cancel()
        self._timer = None
        batch = self._queue.take(self.config.batch)
        busy = Deferred.fromCoroutine(self._deliver(batch))
        self._busy = busy

        def done(result: object) -> None:
            self._busy = None
            if isinstance(result, Failure):
                self._log.failure("output {output}: delivery failed", result, output=self.name)
            self._kick()

        busy.addBoth(done)

    async def _deliver(self, batch: list[dict[str, JSONValue]]) -> None:
        """One batch, until delivered, rejected, or (at stop) given up."""
        self._in_flight = batch
        self._batches += 1
        key = f"{self._node}-{self._started}-{self._batches}"
        body = json.dumps(
            {"node": self._node, "batch": key, "events": batch},
            ensure_ascii=False,
            separators=(",", ":"),
            default=str,
        ).encode("utf-8", "backslashreplace")
        attempt = 0
        try:
            while True:
                outcome, wait = await self._post(body, key)
                if outcome == SENT:
                    self.sent += len(batch)
                    self._say_working()
                    return
                if outcome == REJECTED:
                    self.rejected += len(batch)
                    return
                if self._stopping:
                    self.failed += len(batch)
                    return
                self.retried += 1
                delay = backoff(attempt, self.config.max_backoff, self._rand)
                if wait is not None:
                    delay = min(wait, self.config.max_backoff)
                attempt += 1
                self._sleep = deferLater(self._clock, delay, lambda: None)
                try:
                    await self._sleep
                except CancelledError:  # stopping: one last attempt, no more waiting
                    pass
                finally:
                    self._sleep = None
        finally:
            self._in_flight = None

    async def _post(self, body: bytes, key: str) -> tuple[str, float | None]:
        headers = Headers()
        for name, values in self._headers.items():
            headers.setRawHeaders(name, values)
        headers.setRawHeaders("Idempotency-Key", [key])
        try:
            response: IResponse = await self._http.post(
                self.config.url, data=body, headers=headers, timeout=self.config.timeout
            )
            done: Deferred[None] = Deferred()
            body_reader = _Discard(done)
            response.deliverBody(body_reader)
            late = self._clock.callLater(self.config.timeout, body_reader.give_up)
            await done
            if late.active():
                late.cancel()
        except Exception as e:  # refused, timed out, DNS, TLS: all mean "try again later"
            self._say_failing(self._why(e))
            return RETRY, None
        outcome = outcome_of(response.code)
        if outcome == REJECTED:
            self._log.warn(
                "output {output}: the receiver refused a batch with {code}; its events are "
                "dropped (a retry would be refused too)",
                output=self.config.name,
                code=response.code,
            )
        elif outcome == RETRY:
            self._say_failing(f"the receiver answered {response.code}")
            if response.code in (429, 503):
                value = response.headers.getRawHeaders("retry-after", [None])[0]
                return RETRY, retry_after(value, self._clock.seconds())
        return outcome, None

    def _why(self, error: Exception) -> str:
        """One readable reason (the agent wraps the real one in a list of failures)."""
        reasons = getattr(error, "reasons", None)
        if reasons and isinstance(reasons[0], Failure):
            inner = reasons[0].value
            error = inner if isinstance(inner, Exception) else error
        if isinstance(error, CancelledError):
            return f"no answer in {self.config.timeout:g} s"
        return str(error) or type(error).__name__

    # The service side ---------------------------------------------------------------------------

    def target(self) -> str:
        """The URL without credentials or query (which may hold a token)."""
        parts = urlsplit(self.config.url)
        netloc = parts.hostname or ""
        if ":" in netloc:
            netloc = f"[{netloc}]"
        if parts.port:
            netloc += f":{parts.port}"
        return urlunsplit((parts.scheme, netloc, parts.path, "", ""))

    def startService(self) -> None:
        super().startService()
        self._kick()

    def stopService(self) -> Deferred[None]:
        super().stopService()
        return Deferred.fromCoroutine(self._drain())

    async def _drain(self) -> None:
        self._stopping = True
        if self._timer is not None and self._timer.active():
            self._timer.cancel()
        self._timer = None
        deadline = self._clock.seconds() + self.config.timeout
        if self._sleep is not None:
            self._sleep.cancel()
        if self._busy is not None:
            await self._busy
        while self._queue and self._clock.seconds() < deadline:
            await self._deliver(self._queue.take(self.config.batch))
        self.failed += len(self._queue)
        self._queue.take(len(self._queue))
        await self._pool.closeCachedConnections()

    def status(self) -> dict[str, JSONValue]:
        """This output's state and counters, for the status, the API and /metrics."""
        if not self.running:
            state = "stopped"
        elif self.failing is not None:
            state = "retrying"
        else:
            state = "sending" if self._busy is not None else "idle"
        return {
            "name": self.config.name,
            "type": "webhook",
            "target": self.target(),
            "state": state,
            "failing": self.failing,
            "queued": len(self._queue) + len(self._in_flight or ()),
            "sent": self.sent,
            "dropped": self._queue.dropped + self.rejected + self.failed,
            "retried": self.retried,
        }
