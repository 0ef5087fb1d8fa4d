"""FeedHub's batching and fan-out over a fake clock (the websockets are tested in test_feed.py)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, cast

from twisted.internet.defer import Deferred
from twisted.internet.task import Clock

from honeymesh.events import Event, EventBus, EventId, Notice
from honeymesh.web.feed import CLOSE_TIMEOUT, FeedClient, FeedHub


class Recorder:
    """Stands in for a websocket connection: keeps what the hub delivers, decoded."""

    def __init__(self) -> None:
        self.messages: list[dict[str, Any]] = []

    def deliver(self, message: bytes) -> None:
        self.messages.append(json.loads(message))

    def seqs(self) -> list[int]:
        return [e["seq"] for m in self.messages if m["type"] == "events" for e in m["events"]]


class TurnClock(Clock):
    """A Clock that, like the reactor, runs a call scheduled during a turn in the next turn."""

    def turn(self, amount: float = 0.0) -> None:
        self.rightNow += amount
        due = [call for call in self.calls if call.getTime() <= self.rightNow]
        for call in due:
            self.calls.remove(call)
            call.called = 1
            call.func(*call.args, **call.kw)


def hub(bus: EventBus, clock: Clock, **kw: Any) -> FeedHub:
    subscribe = cast(Callable[[Callable[[Event], object]], Callable[[], None]], bus.subscribe)
    return FeedHub(subscribe, clock, flush_interval=0.1, **kw)


def attach(h: FeedHub, client: Recorder) -> None:
    h.attach(cast(FeedClient, client))


def publish(bus: EventBus, n: int) -> None:
    for i in range(n):
        bus.publish(Notice(EventId.NODE_STARTED, float(i), {"i": i}))


def test_a_client_joining_mid_batch_gets_that_batch_and_its_hello_says_so() -> None:
    bus, clock = EventBus(), Clock()
    h = hub(bus, clock)
    early, late = Recorder(), Recorder()
    attach(h, early)
    publish(bus, 3)
    attach(h, late)
    clock.advance(0.1)
    assert early.seqs() == late.seqs() == [1, 2, 3]
    assert late.messages[0] == {"type": "hello", "seq": 1}
    publish(bus, 2)
    clock.advance(0.1)
    assert late.seqs() == [1, 2, 3, 4, 5]


def test_batches_fan_out_a_slice_of_clients_per_turn_and_stay_in_order() -> None:
    bus, clock = EventBus(), TurnClock()
    h = hub(bus, clock, fanout_slice=8)
    clients = [Recorder() for _ in range(20)]
    for c in clients:
        attach(h, c)
    publish(bus, 5)
    clock.turn(0.1)
    assert sum(1 for c in clients if c.seqs()) == 8
    publish(bus, 5)  # a second batch is gathered while the first is still going out
    clock.turn()
    assert sum(1 for c in clients if c.seqs()) == 16
    clock.turn(0.1)  # the first batch reaches the last 4; the second batch starts out
    assert all(c.seqs()[:5] == [1, 2, 3, 4, 5] for c in clients)
    assert sum(1 for c in clients if c.seqs() == list(range(1, 11))) <= 8
    for _ in range(3):
        clock.turn()
    assert all(c.seqs() == list(range(1, 11)) for c in clients)
    assert clock.getDelayedCalls() == []
    assert h.batches == 2


def test_the_last_client_leaving_unsubscribes_and_leaves_no_timer() -> None:
    bus, clock = EventBus(), Clock()
    h = hub(bus, clock, fanout_slice=1)
    a, b = Recorder(), Recorder()
    attach(h, a)
    attach(h, b)
    publish(bus, 2)
    clock.advance(0.1)  # a got it, b is waiting for the next turn
    publish(bus, 1)  # and a new batch is being gathered
    h.detach(cast(FeedClient, a))
    h.detach(cast(FeedClient, b))
    assert clock.getDelayedCalls() == []
    publish(bus, 1)  # no one listens any more
    assert h.seq == 3 and clock.getDelayedCalls() == []


class Dropping(Recorder):
    """A client that reads too slowly: the first delivery drops it, as FeedProtocol does."""

    def __init__(self, hub: FeedHub) -> None:
        super().__init__()
        self.hub = hub

    def deliver(self, message: bytes) -> None:
        if self.messages:
            self.hub.too_slow(cast(FeedClient, self))
        else:
            super().deliver(message)  # the hello


def test_the_last_client_dropped_during_fan_out_leaves_the_hub_sound() -> None:
    bus, clock = EventBus(), Clock()
    h = hub(bus, clock)
    slow = Dropping(h)
    slow.peer = "tcp:192.0.2.1:5000"  # type: ignore[attr-defined]
    slow.queued_bytes = 1  # type: ignore[attr-defined]
    attach(h, slow)
    publish(bus, 3)
    clock.advance(0.1)  # raised IndexError: pop from an empty deque
    assert h.clients == 0 and h.slow_disconnects == 1
    assert clock.getDelayedCalls() == []
    fresh = Recorder()
    attach(h, fresh)
    publish(bus, 2)
    clock.advance(0.1)
    assert fresh.seqs() == [4, 5]


def test_text_that_is_not_text_reaches_feed_clients_escaped() -> None:
    bus, clock = EventBus(), Clock()
    h = hub(bus, clock)
    client = Recorder()
    attach(h, client)
    bus.publish(Notice(EventId.NODE_STARTED, 0.0, {"reason": "odd \ud800"}))
    bus.publish(Notice(EventId.NODE_STARTED, 1.0, {"reason": "fine"}))
    clock.advance(0.1)
    events = client.messages[-1]["events"]
    assert [e["detail"]["reason"] for e in events] == ["odd \ud800", "fine"]


class Leaving(Recorder):
    """A connection the hub can close: it notes the 1001 and, if willing, closes at once."""

    def __init__(self, closes: bool = True) -> None:
        super().__init__()
        self.closes = closes
        self.went_away = False
        self.gone: Deferred[None] = Deferred()

    def going_away(self) -> None:
        self.went_away = True
        if self.closes:
            self.gone.callback(None)


def test_close_sends_the_last_batch_then_1001_and_waits_for_the_clients_at_most_5_s() -> None:
    bus, clock = EventBus(), Clock()
    h = hub(bus, clock, fanout_slice=1)
    quick, stuck = Leaving(), Leaving(closes=False)
    attach(h, quick)
    attach(h, stuck)
    publish(bus, 3)  # gathered, not yet flushed
    done = h.close()
    for client in (quick, stuck):
        assert client.seqs() == [1, 2, 3] and client.went_away  # the batch, then the close
    assert not done.called  # the stuck client has not closed yet
    clock.advance(CLOSE_TIMEOUT)
    assert done.called and clock.getDelayedCalls() == []
    late = Leaving()
    attach(h, late)  # a client opening while the node stops is sent away at once
    assert late.went_away and late.messages == []
