"""The event catalogue and the bus."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from honeymesh.events import (
    OBSERVATIONS,
    VERDICTS,
    Decision,
    Event,
    EventBus,
    EventId,
    Kind,
    Notice,
    Observation,
    Verdict,
    encode_json,
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


def test_a_subscriber_for_some_ids_gets_only_those_in_order_with_the_others() -> None:
    bus = EventBus()
    seen: list[tuple[str, str]] = []
    bus.subscribe(lambda e: seen.append(("all", str(e.event_id))))
    bus.subscribe(
        lambda e: seen.append(("bans", str(e.event_id))),
        ids=[EventId.BAN_ADDED, EventId.BAN_REMOVED],
    )
    bus.subscribe(lambda e: seen.append(("none", str(e.event_id))), ids=())
    bus.subscribe(lambda e: seen.append(("last", str(e.event_id))))
    bus.publish(Notice(EventId.NODE_STARTED, 1.0))
    bus.publish(Notice(EventId.BAN_ADDED, 2.0, source="192.0.2.1"))
    assert seen == [
        ("all", "node.started"),
        ("last", "node.started"),
        ("all", "ban.added"),
        ("bans", "ban.added"),
        ("last", "ban.added"),
    ]


def test_a_delivery_goes_on_over_the_subscribers_it_began_with() -> None:
    """Unsubscribing (a feed client leaving) from inside a delivery neither skips the next
    subscriber nor stops a later one from getting the event already under way."""
    bus = EventBus()
    seen: list[str] = []
    removers: list[Callable[[], None]] = []

    def leaves(event: Event) -> None:
        seen.append("leaves")
        for remove in removers:
            remove()

    removers.append(bus.subscribe(leaves, ids=[EventId.NODE_STARTED]))
    removers.append(bus.subscribe(lambda e: seen.append("second")))
    bus.subscribe(lambda e: seen.append("third"))
    bus.publish(Notice(EventId.NODE_STARTED, 1.0))
    assert seen == ["leaves", "second", "third"]
    bus.publish(Notice(EventId.NODE_STARTED, 2.0))
    assert seen[3:] == ["third"]


def test_the_observation_and_verdict_ids_are_the_ones_documented_as_such() -> None:
    doc = (ROOT / "docs" / "EVENTS.md").read_text()
    kinds = dict(re.findall(r"^\| `([a-z0-9_.]+)` \| ([a-z]+) \|", doc, re.MULTILINE))
    assert {str(i) for i in OBSERVATIONS} == {i for i, k in kinds.items() if k == "observation"}
    assert {str(i) for i in VERDICTS} == {i for i, k in kinds.items() if k == "verdict"}


def test_the_three_kinds_stay_distinct_in_their_flat_form() -> None:
    obs = Observation(EventId.TRAP_SESSION, 1.0, "192.0.2.7", {"port": 23})
    verdict = Verdict(EventId.TRAP_SESSION, 2.0, "192.0.2.7", "scan", 80.0, ("20 ports",))
    decision = Decision(EventId.TRAP_SESSION, 3.0, "192.0.2.7", "ban", 3600.0, ("scan",), "test")
    assert event_fields(obs)["kind"] == "observation"
    assert event_fields(obs)["detail"] == {"port": 23}
    assert event_fields(verdict)["score"] == 80.0
    assert event_fields(decision)["action"] == "ban"
    assert event_fields(decision)["kind"] == "decision"


# JSON values as events carry them, with what only the json module can write (lone surrogates,
# as attacker bytes decoded with surrogateescape give, and integers past 64 bits) and, often,
# the characters where the two encoders part ways (controls, DEL, non-ASCII, astral).
_characters = st.characters(codec=None) | st.sampled_from(
    "\x00\x1f\x7f\x80\xe9\u2028\ud800\U0001f600"
)
_json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(_characters)
    | st.text(st.characters(max_codepoint=0x7F)),  # ASCII alone, DEL among it
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.text(_characters, max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
_STDLIB = json.JSONEncoder(separators=(",", ":"), default=str)


@given(_json_values)
def test_events_json_is_ascii_and_reads_back_as_the_json_modules_does(value: object) -> None:
    text = encode_json(value)
    assert text.isascii()  # attacker text is escaped one way, whichever encoder wrote it
    assert json.loads(text) == json.loads(_STDLIB.encode(value))


def _exponents(value: object) -> bool:
    """Whether a float in the value is written with an exponent (``1e+16``, ``1e-07``)."""
    if isinstance(value, float):
        return "e" in repr(value)
    if isinstance(value, list):
        return any(_exponents(v) for v in value)
    if isinstance(value, dict):
        return any(_exponents(v) for v in value.values())
    return False


@given(_json_values.filter(lambda v: not _exponents(v)))
@example({"preview": "\x7f"})
def test_without_exponents_events_json_is_the_json_modules_text_byte_for_byte(
    value: object,
) -> None:
    assert encode_json(value) == _STDLIB.encode(value)


def test_what_json_has_no_form_for_is_written_as_its_text_as_before() -> None:
    when = datetime(2026, 12, 6, 9, 30, tzinfo=UTC)

    @dataclass
    class Point:
        x: int

    value = {"when": when, "point": Point(1), "raw": b"\x00\xff", "set": frozenset()}
    assert encode_json(value) == _STDLIB.encode(value)


def test_an_observation_is_the_frozen_dataclass_it_was() -> None:
    """Its ``__init__`` is written by hand (speed): the rest of the dataclass still holds."""
    o = Observation(EventId.TRAP_SESSION, 1.5, "192.0.2.1", {"port": 22})
    assert (o.event_id, o.time, o.source, o.detail, o.kind) == (
        EventId.TRAP_SESSION,
        1.5,
        "192.0.2.1",
        {"port": 22},
        Kind.OBSERVATION,
    )
    assert Observation(EventId.TRAP_SESSION, 1.0, "192.0.2.1").detail == {}
    assert o == Observation(
        event_id=EventId.TRAP_SESSION, time=1.5, source="192.0.2.1", detail={"port": 22}
    )
    moved = dataclasses.replace(o, source="192.0.2.2")
    assert moved.source == "192.0.2.2" and moved.detail == {"port": 22} and o.source == "192.0.2.1"
    with pytest.raises(dataclasses.FrozenInstanceError):
        o.source = "192.0.2.3"  # type: ignore[misc]
    assert json.loads(o.json)["detail"] == {"port": 22}
