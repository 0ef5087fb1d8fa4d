"""The event catalogue and the bus."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from honeymesh.events import (
    Decision,
    Event,
    EventBus,
    EventId,
    Notice,
    Observation,
    Verdict,
    event_fields,
)

ROOT = Path(__file__).resolve().parent.parent


def test_every_catalogued_id_is_documented() -> None:
    doc = (ROOT / "docs" / "EVENTS.md").read_text()
    documented = set(re.findall(r"^\| `([a-z0-9_.]+)` \|", doc, re.MULTILINE))
    assert {str(e) for e in EventId} - documented == set()
    assert documented - {str(e) for e in EventId} == set(), "documented ids that do not exist"


def test_every_id_used_in_the_code_is_catalogued() -> None:
    used: set[str] = set()
    for path in (ROOT / "honeymesh").rglob("*.py"):
        used.update(re.findall(r"EventId\.([A-Z0-9_]+)", path.read_text()))
    assert used - set(EventId.__members__) == set()


def test_uncatalogued_ids_are_refused() -> None:
    bus = EventBus()
    with pytest.raises(TypeError, match="not in the catalogue"):
        bus.publish(Notice("made.up", 0.0))  # type: ignore[arg-type]


def test_a_failing_subscriber_neither_stops_the_others_nor_the_publisher() -> None:
    bus = EventBus()
    seen: list[str] = []

    def broken(event: Event) -> None:
        raise RuntimeError("subscriber bug")

    bus.subscribe(lambda e: seen.append("first"))
    bus.subscribe(broken)
    bus.subscribe(lambda e: seen.append("third"))
    bus.publish(Notice(EventId.NODE_STARTED, 1.0))
    bus.publish(Notice(EventId.NODE_STOPPING, 2.0))
    assert seen == ["first", "third", "first", "third"]
    assert bus.subscriber_errors == 2
    assert bus.published == 2


def test_an_event_published_from_a_subscriber_reaches_everyone_after_its_cause() -> None:
    bus = EventBus()
    first: list[str] = []
    later: list[str] = []

    def reacts(event: Event) -> None:
        first.append(str(event.event_id))
        if event.event_id == EventId.NODE_STARTED:
            bus.publish(Notice(EventId.NODE_STOPPING, 2.0))  # an effect of the first event

    def broken(event: Event) -> None:
        raise RuntimeError("subscriber bug")

    bus.subscribe(reacts)
    bus.subscribe(broken)
    bus.subscribe(lambda e: later.append(str(e.event_id)))
    bus.publish(Notice(EventId.NODE_STARTED, 1.0))
    assert later == ["node.started", "node.stopping"]  # cause before effect, for every one
    assert first == ["node.started", "node.stopping"]
    assert bus.published == 2
    assert bus.subscriber_errors == 2
    bus.publish(Notice(EventId.NODE_STOPPING, 3.0))  # the bus is not stuck "delivering"
    assert later[-1] == "node.stopping"
    assert len(later) == 3


def test_unsubscribe() -> None:
    bus = EventBus()
    seen: list[Event] = []
    unsubscribe = bus.subscribe(seen.append)
    bus.publish(Notice(EventId.NODE_STARTED, 1.0))
    unsubscribe()
    bus.publish(Notice(EventId.NODE_STARTED, 2.0))
    assert len(seen) == 1


def test_the_three_kinds_stay_distinct_in_their_flat_form() -> None:
    obs = Observation(EventId.TRAP_SESSION, 1.0, "192.0.2.7", {"port": 23})
    verdict = Verdict(EventId.TRAP_SESSION, 2.0, "192.0.2.7", "scan", 80.0, ("20 ports",))
    decision = Decision(EventId.TRAP_SESSION, 3.0, "192.0.2.7", "ban", 3600.0, ("scan",), "test")
    assert event_fields(obs)["kind"] == "observation"
    assert event_fields(obs)["detail"] == {"port": 23}
    assert event_fields(verdict)["score"] == 80.0
    assert event_fields(decision)["action"] == "ban"
    assert event_fields(decision)["kind"] == "decision"
