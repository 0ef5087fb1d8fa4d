"""Mesh frames: what a peer's bytes become, and every way a hostile stream is refused."""

from __future__ import annotations

import contextlib
import itertools
import json
import struct

import pytest
from hypothesis import given
from hypothesis import strategies as st

from honeymesh.mesh.wire import (
    ITEM_FRAMES,
    MAX_FRAME,
    MAX_ITEM,
    MAX_JSON_DEPTH,
    Frame,
    FrameDecoder,
    FrameType,
    WireError,
    decode_json,
    encode_frame,
    encode_json,
    item_frames,
    json_frame,
    split_items,
)

BOUND = MAX_FRAME + 5


def header(length: int, kind: int) -> bytes:
    return struct.pack(">IB", length, kind)


def item(n: int, size: int = 100) -> bytes:
    return bytes([n % 256]) * size


# -- encoding ------------------------------------------------------------------------------------


def test_a_frame_is_its_length_its_type_and_its_body() -> None:
    assert encode_frame(FrameType.HEARTBEAT, b"{}") == b"\x00\x00\x00\x03\x02{}"
    assert encode_frame(FrameType.CLOSE, b"") == b"\x00\x00\x00\x01\x08"


def test_the_largest_body_fits_and_one_more_byte_does_not() -> None:
    body = b"x" * (MAX_FRAME - 1)
    assert FrameDecoder().feed(encode_frame(FrameType.RECORDS, body)) == [
        Frame(FrameType.RECORDS, body)
    ]
    with pytest.raises(WireError) as e:
        encode_frame(FrameType.RECORDS, body + b"x")
    assert e.value.reason == "too-large"


def test_json_frames_are_canonical() -> None:
    frame = json_frame(FrameType.HELLO, {"b": 1, "a": "é"})
    assert frame[5:] == '{"a":"é","b":1}'.encode()
    assert FrameDecoder().feed(frame)[0].json() == {"a": "é", "b": 1}


def test_encode_json_refuses_nan() -> None:
    with pytest.raises(ValueError, match="JSON compliant"):
        encode_json({"x": float("nan")})


def test_items_round_trip_through_as_few_frames_as_fit() -> None:
    items = [item(n, MAX_ITEM) for n in range(40)]  # 40 * 4098 bytes: three frames
    frames = item_frames(FrameType.SIGNALS, items)
    assert len(frames) == 3
    assert all(len(f) - 4 <= MAX_FRAME for f in frames)
    decoded = FrameDecoder().feed(b"".join(frames))
    assert [i for f in decoded for i in f.items()] == items
    assert item_frames(FrameType.SIGNALS, []) == []


def test_a_frame_filled_to_the_byte_is_not_split() -> None:
    items = [item(n, 3853) for n in range(17)]  # 1 (type) + 17 * (2 + 3853) == MAX_FRAME
    (frame,) = item_frames(FrameType.RECORDS, items)
    assert struct.unpack(">I", frame[:4])[0] == MAX_FRAME
    assert len(item_frames(FrameType.RECORDS, [*items, item(99)])) == 2


@pytest.mark.parametrize("size", [0, 64, MAX_ITEM + 1])
def test_an_item_that_cannot_be_a_signed_item_is_not_sent(size: int) -> None:
    with pytest.raises(WireError) as e:
        item_frames(FrameType.SIGNALS, [b"x" * size])
    assert e.value.reason == "bad-item"


@pytest.mark.parametrize(
    "body",
    [
        b"\x00",  # a length cut short
        b"\x00\x64" + b"x" * 99,  # an item cut short
        b"\x00\x40" + b"x" * 64,  # 64 bytes: a signature with no payload
        struct.pack(">H", MAX_ITEM + 1) + b"x" * (MAX_ITEM + 1),
        b"\x00\x41" + b"x" * 65 + b"\x00",  # a good item, then half a length
    ],
)
def test_a_bad_item_run_is_refused(body: bytes) -> None:
    with pytest.raises(WireError) as e:
        split_items(body)
    assert e.value.reason == "bad-item"


def test_item_and_json_frames_do_not_mix() -> None:
    with pytest.raises(WireError) as e:
        Frame(FrameType.SIGNALS, b"{}").json()
    assert e.value.reason == "bad-type"
    with pytest.raises(WireError) as e:
        Frame(FrameType.HELLO, b"\x00\x41" + b"x" * 65).items()
    assert e.value.reason == "bad-type"


# -- JSON bodies ---------------------------------------------------------------------------------


def nested(depth: int) -> bytes:
    return b'{"a":' * (depth - 1) + b"{}" + b"}" * (depth - 1)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b'{"a":1,"a":2}', "bad-json"),  # a key twice: which one would a signer have meant?
        (b'{"a":NaN}', "bad-json"),
        (b'{"a":Infinity}', "bad-json"),
        (b"[1,2]", "bad-json"),
        (b'"text"', "bad-json"),
        (b'{"a":"\xff"}', "bad-json"),
        (b'{"a":1', "bad-json"),
        (b"", "bad-json"),
        (b'{"n":' + b"1" * 5000 + b"}", "bad-json"),  # beyond int's digit limit
        (nested(MAX_JSON_DEPTH + 1), "bad-json"),
        (b"[" * 100_000, "too-large"),
        (b'{"a":[' + b"[]," * 200 + b"[]]}", "bad-json"),  # more brackets than any message
    ],
)
def test_bad_json_bodies_are_refused(data: bytes, reason: str) -> None:
    with pytest.raises(WireError) as e:
        decode_json(data, what="a HELLO body")
    assert e.value.reason == reason
    assert "a HELLO body" in e.value.detail


def test_json_at_the_depth_limit_is_read() -> None:
    assert decode_json(nested(MAX_JSON_DEPTH), what="x") is not None


def test_the_budget_is_the_callers() -> None:
    with pytest.raises(WireError) as e:
        decode_json(b'{"a":"' + b"x" * 100 + b'"}', what="an item", budget=100)
    assert e.value.reason == "too-large"


# -- the decoder ---------------------------------------------------------------------------------


def test_frames_arrive_whole_however_the_stream_is_cut() -> None:
    stream = json_frame(FrameType.HELLO, {"node": "a"}) + encode_frame(FrameType.CLOSE, b"")
    decoder = FrameDecoder()
    got = [f for byte in stream for f in decoder.feed(bytes([byte]))]
    assert got == [Frame(FrameType.HELLO, b'{"node":"a"}'), Frame(FrameType.CLOSE, b"")]
    assert decoder.buffered == 0


def test_a_length_over_the_maximum_is_refused_at_the_header() -> None:
    decoder = FrameDecoder()
    with pytest.raises(WireError) as e:
        decoder.feed(header(MAX_FRAME + 1, FrameType.RECORDS))  # no body sent at all
    assert e.value.reason == "too-large"


def test_a_zero_length_is_refused() -> None:
    with pytest.raises(WireError) as e:
        FrameDecoder().feed(header(0, FrameType.HELLO))
    assert e.value.reason == "bad-length"


@pytest.mark.parametrize("kind", [0x00, 0x09, 0xFF])
def test_an_unknown_frame_type_is_refused(kind: int) -> None:
    with pytest.raises(WireError) as e:
        FrameDecoder().feed(header(1, kind))
    assert e.value.reason == "bad-type"


def test_frames_before_the_bad_one_are_not_returned_and_the_stream_stays_failed() -> None:
    decoder = FrameDecoder()
    with pytest.raises(WireError) as first:
        decoder.feed(encode_frame(FrameType.CLOSE, b"") + header(0, FrameType.HELLO))
    with pytest.raises(WireError) as again:
        decoder.feed(encode_frame(FrameType.CLOSE, b""))
    assert again.value is first.value
    assert decoder.failed is first.value


def test_a_smaller_maximum_is_honoured() -> None:
    decoder = FrameDecoder(max_frame=16)
    assert decoder.feed(encode_frame(FrameType.HELLO, b"x" * 15))[0].body == b"x" * 15
    with pytest.raises(WireError):
        decoder.feed(header(17, FrameType.HELLO))


def test_a_failed_stream_lets_go_of_what_it_held() -> None:
    # A peer sends one large read whose first header is bad; the connection closes, but until
    # then the decoder must not hold more than one frame's worth.
    decoder = FrameDecoder()
    with pytest.raises(WireError):
        decoder.feed(header(0, FrameType.HELLO) + b"x" * (3 * MAX_FRAME))
    assert decoder.buffered <= BOUND


# -- properties ----------------------------------------------------------------------------------

frames = st.tuples(st.sampled_from(list(FrameType)), st.binary(max_size=300))


@st.composite
def chunked(draw: st.DrawFn, data: bytes) -> list[bytes]:
    cuts = sorted(draw(st.sets(st.integers(0, len(data)), max_size=12)))
    edges = [0, *cuts, len(data)]
    return [data[a:b] for a, b in itertools.pairwise(edges)]


@given(st.lists(frames, max_size=8), st.data())
def test_valid_streams_reassemble_exactly_whatever_the_chunking(
    sent: list[tuple[FrameType, bytes]], data: st.DataObject
) -> None:
    stream = b"".join(encode_frame(kind, body) for kind, body in sent)
    decoder = FrameDecoder()
    got: list[Frame] = []
    for chunk in data.draw(chunked(stream)):
        got += decoder.feed(chunk)
        assert decoder.buffered <= BOUND
    assert [(f.type, f.body) for f in got] == sent
    assert decoder.buffered == 0


@given(st.lists(st.binary(max_size=200), max_size=10))
def test_random_bytes_give_frames_or_one_wire_error(chunks: list[bytes]) -> None:
    decoder = FrameDecoder()
    for chunk in chunks:
        try:
            got = decoder.feed(chunk)
        except WireError:
            assert decoder.buffered <= BOUND
            with pytest.raises(WireError):
                decoder.feed(b"")
            return
        assert decoder.buffered <= BOUND
        for frame in got:  # a body that is not what its type says is one WireError too
            with contextlib.suppress(WireError):
                frame.items() if frame.type in ITEM_FRAMES else frame.json()


@given(st.integers(MAX_FRAME - 2, MAX_FRAME + 3), st.data())
def test_large_frames_are_held_within_the_bound(length: int, data: st.DataObject) -> None:
    stream = header(length, FrameType.RECORDS) + b"r" * (length - 1)
    decoder = FrameDecoder()
    frames: list[Frame] = []
    try:
        for chunk in data.draw(chunked(stream)):
            frames += decoder.feed(chunk)
            assert decoder.buffered <= BOUND
    except WireError as e:
        assert length > MAX_FRAME
        assert e.reason == "too-large"
    else:
        assert length <= MAX_FRAME
        assert [len(f.body) for f in frames] == [length - 1]


@given(st.binary(max_size=600))
def test_split_items_gives_items_or_one_wire_error(body: bytes) -> None:
    try:
        items = split_items(body)
    except WireError as e:
        assert e.reason == "bad-item"
    else:
        assert b"".join(struct.pack(">H", len(i)) + i for i in items) == body


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=20,
)


def depth(value: object) -> int:
    if isinstance(value, dict):
        return 1 + max((depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((depth(v) for v in value), default=0)
    return 0


@given(st.dictionaries(st.text(max_size=6), json_values, max_size=5))
def test_json_bodies_round_trip(value: dict[str, object]) -> None:
    encoded = encode_json(value)
    within = (
        depth(value) <= MAX_JSON_DEPTH
        and json.dumps(value).count("{") + json.dumps(value).count("[") <= MAX_JSON_DEPTH * 8
    )
    if within:
        assert decode_json(encoded, what="x") == value
    else:  # pragma: no cover - rare draws
        with pytest.raises(WireError):
            decode_json(encoded, what="x")


@given(st.binary(max_size=300))
def test_decode_json_on_random_bytes_raises_only_wire_error(data: bytes) -> None:
    try:
        assert isinstance(decode_json(data, what="x"), dict)
    except WireError as e:
        assert e.reason in ("bad-json", "too-large")
