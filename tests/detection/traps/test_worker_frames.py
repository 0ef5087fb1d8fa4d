"""The frames a trap worker sends the main process (honeymesh.workers.wire): whatever bytes
arrive, in whatever pieces, the decoder returns frames or raises FrameError, and only
well-formed trap observations get through to the main process's bus."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from honeymesh.events import EventId, JSONValue, Observation
from honeymesh.workers.wire import (
    EVENT,
    MAX_FRAME,
    SETUP,
    STATS,
    WORKER_EVENTS,
    FrameDecoder,
    FrameError,
    HeldSocket,
    WorkerSetup,
    decode_event,
    decode_stats,
    encode_event,
    encode_frame,
    encode_stats,
)

json_leaf = st.none() | st.booleans() | st.integers() | st.text(max_size=20)
details = st.dictionaries(
    st.text(max_size=10),
    st.recursive(
        json_leaf,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
        max_leaves=10,
    ),
    max_size=6,
)
addresses = st.ip_addresses().map(str)


def pieces(data: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({c % (len(data) + 1) for c in cuts})
    out, last = [], 0
    for p in [*points, len(data)]:
        out.append(data[last:p])
        last = p
    return out


@given(st.lists(st.tuples(st.sampled_from([EVENT, STATS, SETUP]), st.binary(max_size=300))),
       st.lists(st.integers(min_value=0), max_size=20))  # fmt: skip
def test_frames_come_out_as_they_went_in_however_the_stream_is_cut(
    frames: list[tuple[bytes, bytes]], cuts: list[int]
) -> None:
    stream = b"".join(encode_frame(kind, payload) for kind, payload in frames)
    decoder = FrameDecoder()
    got = [frame for piece in pieces(stream, cuts) for frame in decoder.feed(piece)]
    assert got == frames
    assert decoder.pending == 0


@given(st.binary(max_size=2000), st.lists(st.integers(min_value=0), max_size=10))
def test_any_bytes_give_frames_or_frame_error_and_a_failed_stream_stays_failed(
    data: bytes, cuts: list[int]
) -> None:
    decoder = FrameDecoder(max_frame=1024)
    try:
        for piece in pieces(data, cuts):
            for _, payload in decoder.feed(piece):
                assert len(payload) < 1024
    except FrameError:
        with pytest.raises(FrameError):
            decoder.feed(encode_frame(EVENT, b"{}"))  # cannot resynchronise: restart the worker
    assert decoder.pending <= len(data)


def test_a_frame_over_the_budget_is_refused_from_its_header_alone() -> None:
    decoder = FrameDecoder()
    with pytest.raises(FrameError, match="frame length"):
        decoder.feed((MAX_FRAME + 1).to_bytes(4, "big") + b"E")
    with pytest.raises(FrameError, match="frame length"):
        FrameDecoder().feed(b"\x00\x00\x00\x00")
    with pytest.raises(FrameError, match="unknown frame kind"):
        FrameDecoder().feed(b"\x00\x00\x00\x05Xjunk")


@given(st.sampled_from(sorted(e.value for e in EventId)), addresses, details,
       st.floats(min_value=0, max_value=4e9))  # fmt: skip
def test_a_trap_observation_goes_through_as_the_same_event_with_its_worker(
    event_id: str, source: str, detail: dict[str, JSONValue], when: float
) -> None:
    event = Observation(EventId(event_id), when, source, detail)
    ((kind, payload),) = FrameDecoder().feed(encode_event(event, {"worker": 2}))
    assert kind == EVENT
    if event.event_id not in {
        EventId.TRAP_SESSION,
        EventId.TRAP_CREDENTIAL,
        EventId.TRAP_COMMAND,
        EventId.TRAP_REQUEST,
        EventId.TLS_CLIENT_HELLO,
    }:
        with pytest.raises(FrameError, match="not a trap observation"):
            decode_event(payload)
        return
    got = decode_event(payload)
    assert (got.event_id, got.time, got.source) == (event.event_id, when, source)
    assert dict(got.detail) == {**json.loads(json.dumps(detail)), "worker": 2}
    # What the store and the log write is the event's own flat form, unchanged.
    assert json.loads(got.json) == got.flat
    assert got.flat == {**event.flat, "detail": dict(got.detail)}


@given(st.binary(max_size=500))
def test_any_payload_is_an_observation_or_frame_error(payload: bytes) -> None:
    try:
        event = decode_event(payload)
    except FrameError:
        return
    assert event.event_id in WORKER_EVENTS


BASE = {
    "event_id": "trap.credential",
    "kind": "observation",
    "time": 1.5,
    "source": "192.0.2.7",
    "detail": {},
}


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ({**BASE, "event_id": "ban.added"}, "not a trap observation"),
        ({**BASE, "kind": "verdict"}, "not an observation"),
        ({**BASE, "source": "not-an-address"}, "not an address"),
        ({**BASE, "time": "soon"}, "not a finite number"),
        ({**BASE, "detail": []}, "detail that is not an object"),
        ({"event_id": "trap.credential", "detail": {}}, "must be an object with the keys"),
        (json.dumps(BASE)[:-1] + ',"detail":{}}', "key given twice"),
        (json.dumps(BASE).replace("1.5", "NaN"), "non-finite"),
        ("[1, 2", "not a JSON document"),
    ],
)
def test_what_a_worker_may_not_send_is_refused_with_a_reason(text: object, why: str) -> None:
    raw = text if isinstance(text, str) else json.dumps(text)
    with pytest.raises(FrameError, match=why):
        decode_event(raw.encode())


def test_setup_and_stats_round_trip() -> None:
    setup = WorkerSetup(
        index=2,
        workers=3,
        config={"node": {"workers": 3}},
        source="/etc/honeymesh.toml",
        seed=bytes(range(32)),
        first_start=1700000000.0,
        caps={"ssh": 170},
        sockets=(HeldSocket("ssh", 3, 2), HeldSocket("ssh", 4, 10)),
    )
    ((kind, payload),) = FrameDecoder().feed(setup.encode())
    assert kind == SETUP and WorkerSetup.decode(payload) == setup
    ((kind, payload),) = FrameDecoder().feed(encode_stats({"ssh": 4}))
    assert kind == STATS and decode_stats(payload) == {"ssh": 4}
    with pytest.raises(FrameError):
        decode_stats(b'{"refused": {"ssh": -1}}')
    with pytest.raises(FrameError, match="worker 4 of 3"):
        WorkerSetup.decode(setup.encode()[5:].replace(b'"index":2', b'"index":4'))
