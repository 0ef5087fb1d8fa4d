"""RFC 5424 messages: every event, whatever text it carries, is one message a strict parser
reads back field for field; PRI, escaping, truncation and stream framing."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from honeymesh.events import Decision, EventId, Notice, Observation, Verdict
from honeymesh.outputs.rfc5424 import FACILITIES, Header, message, octet_counted, param_text

from .sd_parser import parse

HEADER = Header(FACILITIES["local0"], "node1", "honeymesh", "4242")
SD_ID = "honeymesh@32473"
WHEN = 1_796_000_000.25

texts = st.text(max_size=300)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | texts,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4),
    max_leaves=12,
)


@given(detail=st.dictionaries(texts, json_values, max_size=6), source=texts)
def test_any_observation_is_one_parseable_message(detail: dict[str, Any], source: str) -> None:
    event = Observation(EventId.TRAP_SESSION, WHEN, source, detail)
    parsed = parse(message(event, HEADER, max_bytes=65000))
    assert parsed.msgid == "trap.session"
    assert parsed.hostname == "node1" and parsed.app_name == "honeymesh"
    assert parsed.procid == "4242"
    params = parsed.sd[SD_ID]
    assert params["event_id"] == "trap.session"
    assert params["kind"] == "observation"
    assert params["source"] == param_text(source)
    assert params["detail"] == param_text(detail)
    # Valid text (no lone surrogates) round-trips exactly through the JSON in the parameter.
    if all(not (0xD800 <= ord(c) <= 0xDFFF) for c in json.dumps(detail, ensure_ascii=False)):
        assert json.loads(params["detail"]) == json.loads(json.dumps(detail))
    assert "\n" not in parsed.msg and "\r" not in parsed.msg  # one line, whatever was sent


@given(detail=st.dictionaries(texts, texts, min_size=1, max_size=40), size=st.integers(1024, 4096))
def test_a_long_event_is_cut_to_fit_and_still_parses(detail: dict[str, str], size: int) -> None:
    event = Observation(EventId.TRAP_COMMAND, WHEN, "192.0.2.1", {**detail, "big": "x" * 9000})
    data = message(event, HEADER, max_bytes=size)
    assert len(data) <= size
    params = parse(data).sd[SD_ID]
    assert params["truncated"] == "true"
    assert params["event_id"] == "trap.command"


def test_escaping_of_quote_backslash_and_bracket() -> None:
    event = Notice(EventId.BAN_ADDED, WHEN, {"reasons": ['a"b\\c]d']}, source="192.0.2.1")
    data = message(event, HEADER)
    assert b'\\"' in data and b"\\]" in data
    params = parse(data).sd[SD_ID]
    assert json.loads(params["detail"]) == {"reasons": ['a"b\\c]d']}


def test_pri_is_facility_times_eight_plus_severity() -> None:
    def pri(event: object, facility: str = "local0") -> int:
        header = Header(FACILITIES[facility], "n", "a", "1")
        return parse(message(event, header)).pri  # type: ignore[arg-type]

    assert pri(Observation(EventId.TRAP_SESSION, WHEN, "192.0.2.1")) == 16 * 8 + 6
    assert pri(Verdict(EventId.SCAN_VERDICT, WHEN, "192.0.2.1", "scan", 90, ("ports",))) == 133
    decision = Decision(EventId.POLICY_DECISION, WHEN, "192.0.2.1", "ban", 60, ("x",), "enforce")
    assert pri(decision, "authpriv") == 10 * 8 + 5
    assert pri(Notice(EventId.LISTENER_FAILED, WHEN)) == 16 * 8 + 4
    assert pri(Notice(EventId.NODE_STARTED, WHEN)) == 16 * 8 + 6
    assert pri(Notice(EventId.BAN_ADDED, WHEN, source="192.0.2.1")) == 16 * 8 + 5


def test_timestamp_is_rfc3339_utc_with_microseconds() -> None:
    parsed = parse(message(Notice(EventId.NODE_STARTED, WHEN), HEADER))
    assert parsed.timestamp == "2026-11-30T00:53:20.250000Z"


def test_msg_has_a_bom_only_when_it_is_not_ascii() -> None:
    plain = message(Observation(EventId.TRAP_SESSION, WHEN, "192.0.2.1", {"u": "root"}), HEADER)
    assert b"\xef\xbb\xbf" not in plain
    accented = message(Observation(EventId.TRAP_SESSION, WHEN, "192.0.2.1", {"u": "é"}), HEADER)
    assert b"] \xef\xbb\xbftrap.session" in accented
    assert parse(accented).msg.endswith("u=é")


def test_octet_counting_frames_a_message_with_newlines() -> None:
    data = message(Observation(EventId.TRAP_SESSION, WHEN, "192.0.2.1", {"x": "a\nb"}), HEADER)
    framed = octet_counted(data)
    length, _, rest = framed.partition(b" ")
    assert int(length) == len(rest) == len(data)
    assert rest == data
