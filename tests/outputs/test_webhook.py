"""The webhook output against a receiver on loopback (twisted.web in this reactor): retried
batches arrive exactly once and in order, a refused batch is dropped and counted, a receiver
that is down leaves the queue bounded with drops counted, and stop sends what is queued."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import pytest_twisted
from twisted.internet import reactor
from twisted.internet.task import deferLater
from twisted.web.resource import Resource
from twisted.web.server import NOT_DONE_YET, Request, Site
from zope.interface import directlyProvides, providedBy

from honeymesh.config import WebhookOutputConfig
from honeymesh.events import EventId, Notice, Observation
from honeymesh.outputs.webhook import (
    REJECTED,
    RETRY,
    SENT,
    WebhookOutput,
    backoff,
    outcome_of,
    retry_after,
)

REACTOR: Any = reactor


@dataclass
class Receiver(Resource):
    """Answers each POST with the next of ``answers`` (then 200), keeping accepted bodies."""

    answers: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    accepted: list[dict[str, Any]] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    isLeaf = True

    def __post_init__(self) -> None:
        Resource.__init__(self)

    def render_POST(self, request: Request) -> bytes:
        assert request.content is not None
        body = json.loads(request.content.read())
        self.keys.append(request.getHeader("idempotency-key") or "")
        code, headers = self.answers.pop(0) if self.answers else (200, {})
        request.setResponseCode(code)
        for name, value in headers.items():
            request.setHeader(name, value)
        if code == 200:
            self.accepted.append(body)
        return b"{}"


@pytest.fixture
def receiver() -> Iterator[tuple[Receiver, int]]:
    resource = Receiver()
    port = REACTOR.listenTCP(0, Site(resource), interface="127.0.0.1")
    yield resource, port.getHost().port
    pytest_twisted.blockon(port.stopListening())


def make(url: str, **kw: Any) -> WebhookOutput:
    config = WebhookOutputConfig(url=url, allow_http=True, **kw)
    return WebhookOutput(config, REACTOR, node="node1", rand=lambda: 0.5)


def event(n: int) -> Observation:
    return Observation(EventId.TRAP_SESSION, 1_796_000_000.0 + n, "192.0.2.1", {"n": n})


async def until(predicate: Callable[[], bool], timeout: float = 15.0) -> None:
    for _ in range(int(timeout / 0.02)):
        if predicate():
            return
        await deferLater(REACTOR, 0.02, lambda: None)
    raise AssertionError("timed out")


def numbers(receiver: Receiver) -> list[int]:
    return [e["detail"]["n"] for body in receiver.accepted for e in body["events"]]


@pytest_twisted.ensureDeferred
async def test_503s_are_retried_and_every_event_arrives_once_in_order(
    receiver: tuple[Receiver, int],
) -> None:
    resource, port = receiver
    resource.answers = [(503, {}), (503, {})]
    output = make(f"http://127.0.0.1:{port}/hook", batch=3, interval=0.01, max_backoff=0.05)
    output.startService()
    for n in range(1, 11):
        output.on_event(event(n))
    await until(lambda: len(numbers(resource)) >= 10)
    assert numbers(resource) == list(range(1, 11))
    # "sent" counts a batch once its answer is read, a moment after the receiver has it.
    await until(lambda: output.sent >= 10)
    status = output.status()
    assert (status["sent"], status["retried"], status["dropped"]) == (10, 2, 0)
    # The retried batch kept its key, so a receiver can tell a repeat from a new batch.
    assert resource.keys[0] == resource.keys[1] == resource.keys[2]
    assert len(set(resource.keys)) == len(resource.accepted)
    assert resource.accepted[0]["node"] == "node1"
    await output.stopService()


@pytest_twisted.ensureDeferred
async def test_a_refused_batch_is_dropped_and_counted_and_the_next_goes(
    receiver: tuple[Receiver, int],
) -> None:
    resource, port = receiver
    resource.answers = [(400, {})]
    output = make(f"http://127.0.0.1:{port}/hook", batch=2, interval=0.01)
    output.startService()
    for n in range(1, 5):
        output.on_event(event(n))
    await until(lambda: len(numbers(resource)) >= 2)
    assert numbers(resource) == [3, 4]
    assert output.status()["dropped"] == 2
    assert output.status()["retried"] == 0
    await output.stopService()


@pytest_twisted.ensureDeferred
async def test_unselected_events_are_not_sent(receiver: tuple[Receiver, int]) -> None:
    resource, port = receiver
    output = make(f"http://127.0.0.1:{port}/hook", kinds=("notice",), interval=0.01)
    output.startService()
    output.on_event(event(1))
    output.on_event(Notice(EventId.BAN_ADDED, 1.0, {"network": "192.0.2.9/32"}, "192.0.2.9"))
    await until(lambda: bool(resource.accepted))
    await output.stopService()
    assert [e["event_id"] for b in resource.accepted for e in b["events"]] == ["ban.added"]


@pytest_twisted.ensureDeferred
async def test_what_is_queued_at_stop_is_sent(receiver: tuple[Receiver, int]) -> None:
    resource, port = receiver
    output = make(f"http://127.0.0.1:{port}/hook", batch=2, interval=3600.0)
    output.startService()
    output.on_event(event(1))  # gathered for an hour: only the stop sends it
    await deferLater(REACTOR, 0.05, lambda: None)
    assert resource.accepted == []
    await output.stopService()
    assert numbers(resource) == [1]
    assert output.status()["state"] == "stopped"


@pytest_twisted.ensureDeferred
async def test_a_receiver_that_is_down_leaves_the_queue_bounded_and_drops_counted() -> None:
    closed = REACTOR.listenTCP(0, Site(Resource()), interface="127.0.0.1")
    port = closed.getHost().port
    await closed.stopListening()  # nothing listens there now: connections are refused
    output = make(
        f"http://127.0.0.1:{port}/hook", batch=2, interval=0.01, max_queue=5, max_backoff=0.05
    )
    output.startService()
    for n in range(1, 21):
        output.on_event(event(n))
    await until(lambda: output.retried >= 3)
    status = output.status()
    assert status["queued"] == 5 + 2  # the queue's bound, and the batch being retried
    assert status["dropped"] == 20 - 7
    assert status["state"] == "retrying" and status["sent"] == 0
    assert "refused" in str(status["failing"]).lower()
    await output.stopService()
    assert output.status()["dropped"] == 20  # each left one attempt at stop, then counted


def test_what_a_status_code_means() -> None:
    assert [outcome_of(c) for c in (200, 204, 400, 401, 404, 408, 429, 500, 503)] == [
        SENT, SENT, REJECTED, REJECTED, REJECTED, RETRY, RETRY, RETRY, RETRY,
    ]  # fmt: skip


def test_retry_after_in_seconds_or_as_a_date() -> None:
    now = 1_796_000_000.0
    assert retry_after(b"7", now) == 7.0
    assert retry_after("Mon, 30 Nov 2026 00:53:50 GMT", now) == 30.0
    assert retry_after(b"soon", now) is None
    assert retry_after(None, now) is None


def test_backoff_doubles_to_the_cap_with_jitter() -> None:
    assert [backoff(a, 60.0, lambda: 1.0) for a in range(8)] == [1, 2, 4, 8, 16, 32, 60, 60]
    assert backoff(3, 60.0, lambda: 0.0) == 4.0  # at least half the wait
    assert backoff(10_000, 60.0, lambda: 1.0) == 60.0


class EndlessAnswer(Resource):
    """Answers 200 and then never finishes the body."""

    isLeaf = True

    def __init__(self) -> None:
        super().__init__()
        self.requests = 0

    def render_POST(self, request: Request) -> object:
        self.requests += 1
        request.setResponseCode(200)
        request.write(b"{")
        return NOT_DONE_YET


@pytest_twisted.ensureDeferred
async def test_an_answer_whose_body_never_ends_does_not_hold_the_output() -> None:
    resource = EndlessAnswer()
    listening = REACTOR.listenTCP(0, Site(resource), interface="127.0.0.1")
    port = listening.getHost().port
    output = make(f"http://127.0.0.1:{port}/hook", batch=1, interval=0.01, timeout=0.3)
    output.startService()
    output.on_event(event(1))
    output.on_event(event(2))
    await until(lambda: output.sent == 2)
    assert resource.requests == 2
    await output.stopService()
    await listening.stopListening()


class RecordingReactor:
    """The real reactor, with the delays of every callLater written down."""

    def __init__(self, real: Any) -> None:
        self._real = real
        self.delays: list[float] = []
        directlyProvides(self, *providedBy(real))

    def callLater(self, delay: float, f: Callable[..., Any], *a: Any, **kw: Any) -> Any:
        self.delays.append(delay)
        return self._real.callLater(delay, f, *a, **kw)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


@pytest_twisted.ensureDeferred
async def test_a_429s_retry_after_is_the_wait(receiver: tuple[Receiver, int]) -> None:
    resource, port = receiver
    resource.answers = [(429, {"Retry-After": "1"})]
    clock = RecordingReactor(REACTOR)
    config = WebhookOutputConfig(
        url=f"http://127.0.0.1:{port}/hook", allow_http=True, interval=0.01, max_backoff=30.0
    )
    output = WebhookOutput(config, clock, node="n", rand=lambda: 0.5)
    output.startService()
    output.on_event(event(1))
    await until(lambda: bool(resource.accepted))
    await output.stopService()
    assert 1.0 in clock.delays  # not the backoff's 0.75 s (1 s with jitter 0.5)
    assert backoff(0, 30.0, lambda: 0.5) not in clock.delays
    assert output.status()["retried"] == 1 and numbers(resource) == [1]
