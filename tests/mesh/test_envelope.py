"""Signed v2 items: what a signal or record may say, and that no edit survives without the key."""

from __future__ import annotations

import contextlib
import ipaddress
import json
from typing import Any

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st
from nacl.signing import SigningKey

from honeymesh.mesh.envelope import (
    MAX_EXCERPT,
    MAX_PORTS,
    EnvelopeError,
    Record,
    Signal,
    allowed_fields,
    level_rank,
    new_id,
    parse_record,
    parse_signal,
    seal,
    unshareable,
    verify,
)
from honeymesh.mesh.wire import MAX_ITEM, encode_json
from honeymesh.net import normalize_network

from .items import CLUSTER, OUTSIDER, PUBLISHERS, claim_bytes, node_id, signal_fields

KEY = PUBLISHERS[0]
PUB = node_id(KEY)
CLAIM = claim_bytes(PUB)
JA4 = "t13d1516h2_8daaf6152771_02713d6af862"
JA3 = "e7d705a3286e19ea42f587b344ee6865"


def fields(**overrides: Any) -> dict[str, Any]:
    return signal_fields(KEY, CLAIM, **overrides)


def body(**extra: Any) -> dict[str, Any]:
    return {"target": "203.0.113.7/32", "reason": "ssh-bruteforce", **extra}


def record_fields(**overrides: Any) -> dict[str, Any]:
    out: dict[str, Any] = {
        "v": "v2",
        "id": new_id(),
        "pub": PUB,
        "ts": 1_800_000_000_000,
        "kind": "remove",
        "cluster": CLUSTER,
        "body": {"node": node_id(PUBLISHERS[1]), "reason": "decommissioned"},
    }
    out.update(overrides)
    return out


def refused(raw: bytes, *, record: bool = False) -> str:
    with pytest.raises(EnvelopeError) as e:
        (parse_record if record else parse_signal)(raw)
    return e.value.reason


def with_payload(raw: bytes, payload: bytes) -> bytes:
    return raw[:64] + payload


# -- a valid signal ------------------------------------------------------------------------------


def test_a_sealed_signal_reads_back_as_published() -> None:
    f = fields(seq=7, kind="ban", body=body(ja4=JA4), cls="L2")
    raw = seal(KEY, f)
    s = parse_signal(raw)
    assert (s.id, s.publisher, s.seq, s.ts, s.exp) == (f["id"], PUB, 7, f["ts"], f["exp"])
    assert (s.level, s.kind, s.cluster, s.claim) == ("L2", "ban", CLUSTER, f["claim"])
    assert str(s.target) == "203.0.113.7/32"
    assert s.reason == "ssh-bruteforce"
    assert s.ref is None
    assert s.raw == raw
    assert s.signature + s.payload == raw
    assert s.payload == encode_json(f)  # the canonical bytes, exactly as signed
    verify(s)


def test_the_signature_covers_the_bytes_as_sent_not_a_re_encoding() -> None:
    # A publisher that does not sort its keys still signs what travels; nothing re-serializes.
    payload = json.dumps(fields(), indent=1).encode()
    raw = KEY.sign(payload).signature + payload
    verify(parse_signal(raw))


def test_an_unban_names_the_ban_it_lifts() -> None:
    ban = new_id()
    s = parse_signal(seal(KEY, fields(kind="unban", body={"target": "203.0.113.7/32", "ref": ban})))
    assert s.ref == ban
    assert s.reason == ""


def test_an_ipv6_network_target() -> None:
    s = parse_signal(seal(KEY, fields(body={"target": "2001:db8::/64"})))
    assert s.target.version == 6


def test_levels_nest() -> None:
    assert allowed_fields("L1") == {"target", "reason", "ref"}
    assert allowed_fields("L2") == allowed_fields("L1") | {"ja4", "ja3"}
    assert allowed_fields("L4") > allowed_fields("L3") > allowed_fields("L2")
    assert [level_rank(x) for x in ("L1", "L2", "L3", "L4")] == [1, 2, 3, 4]


def test_an_l4_signal_may_carry_everything_below_it() -> None:
    full = body(ja4=JA4, ja3=JA3, ports=[22, 2222], count=31, window=60, excerpt="SSH-2.0-Go")
    assert parse_signal(seal(KEY, fields(cls="L4", body=full))).body == full


# -- the classification level bounds the body ----------------------------------------------------


@pytest.mark.parametrize(
    ("level", "extra"),
    [
        ("L1", {"ja4": JA4}),
        ("L1", {"ja3": JA3}),
        ("L2", {"ports": [22]}),
        ("L2", {"count": 3}),
        ("L3", {"excerpt": "GET / HTTP/1.1"}),
        ("L1", {"note": "anything not in any level"}),
    ],
)
def test_a_field_above_the_signals_level_is_refused(level: str, extra: dict[str, Any]) -> None:
    assert refused(seal(KEY, fields(cls=level, body=body(**extra)))) == "level-mismatch"


# -- structure -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"v": None}, "unversioned"),
        ({"v": "v1"}, "bad-version"),
        ({"v": 2}, "bad-version"),
        ({"kind": "nuke"}, "bad-kind"),
        ({"kind": ["ban"]}, "bad-kind"),
        ({"cls": "L5"}, "bad-level"),
        ({"cls": 1}, "bad-level"),
        ({"seq": 0}, "bad-field"),
        ({"seq": -1}, "bad-field"),
        ({"seq": 2**53}, "bad-field"),
        ({"seq": 1.0}, "bad-field"),
        ({"seq": True}, "bad-field"),
        ({"seq": "1"}, "bad-field"),
        ({"ts": -5}, "bad-field"),
        ({"exp": 1_800_000_000_000}, "bad-field"),  # exp == ts
        ({"exp": 1_799_999_999_999}, "bad-field"),
        ({"id": "A" * 32}, "bad-field"),
        ({"id": "a" * 31}, "bad-field"),
        ({"pub": PUB[:-1]}, "bad-field"),
        ({"pub": PUB.upper()}, "bad-field"),
        ({"claim": "0" * 63}, "bad-field"),
        ({"cluster": "-x"}, "bad-field"),
        ({"cluster": "x" * 65}, "bad-field"),
        ({"cluster": "acme prod"}, "bad-field"),
        ({"body": []}, "bad-field"),
        ({"body": body(reason="Not A Code")}, "bad-field"),
        ({"body": {"reason": "scan"}}, "bad-field"),  # no target
        ({"body": body(target="203.0.113.7")}, "bad-field"),  # not canonical: /32
        ({"body": body(target="203.0.113.7/24")}, "bad-field"),  # host bits set
        ({"body": body(target="::ffff:203.0.113.7/128")}, "bad-field"),  # mapped: say IPv4
        ({"body": body(target="evil.example")}, "bad-field"),
        ({"body": body(target=7)}, "bad-field"),
        ({"body": body(target="1" * 65)}, "bad-field"),
        ({"body": body(ref="0" * 32)}, "bad-field"),  # only an unban refers
        ({"kind": "unban", "body": body()}, "bad-field"),  # an unban without ref
        ({"kind": "unban", "body": body(ref="xyz")}, "bad-field"),
        ({"cls": "L2", "body": body(ja4="t13d1516h2_8daaf6152771")}, "bad-field"),
        ({"cls": "L2", "body": body(ja3=JA3.upper())}, "bad-field"),
        ({"cls": "L3", "body": body(ports=[70000])}, "bad-field"),
        ({"cls": "L3", "body": body(ports=[22] * (MAX_PORTS + 1))}, "bad-field"),
        ({"cls": "L3", "body": body(ports="22")}, "bad-field"),
        ({"cls": "L3", "body": body(count=-1)}, "bad-field"),
        ({"cls": "L3", "body": body(window=2**32 + 1)}, "bad-field"),
        ({"cls": "L4", "body": body(excerpt="x" * (MAX_EXCERPT + 1))}, "bad-field"),
        ({"cls": "L4", "body": body(excerpt="a\x1b[2J")}, "bad-field"),
        ({"cls": "L4", "body": body(excerpt=["GET"])}, "bad-field"),
    ],
)
def test_a_malformed_signal_is_refused_with_its_reason(change: dict[str, Any], reason: str) -> None:
    f = fields(**change)
    if change.get("v", "v2") is None:
        del f["v"]
    assert refused(seal(KEY, f)) == reason


def test_every_field_is_required_and_no_other_allowed() -> None:
    for name in ("id", "pub", "seq", "ts", "exp", "cls", "kind", "claim", "cluster", "body"):
        f = fields()
        del f[name]
        assert refused(seal(KEY, f)) == "bad-fields", name
    assert refused(seal(KEY, fields(extra=1))) == "bad-fields"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "bad-size"),
        (b"x" * 64, "bad-size"),  # a signature and nothing signed
        (b"x" * (MAX_ITEM + 1), "bad-size"),
        (b"x" * 64 + b"not json", "bad-json"),
        (b"x" * 64 + b"[]", "bad-json"),
        (b"x" * 64 + b'{"v":"v2","v":"v2"}', "bad-json"),
        (b"x" * 64 + b'{"a":NaN}', "bad-json"),
    ],
)
def test_bytes_that_are_not_an_item(raw: bytes, reason: str) -> None:
    assert refused(raw) == reason
    assert refused(raw, record=True) == reason


def test_a_payload_too_large_to_send_is_not_sealed() -> None:
    with pytest.raises(EnvelopeError) as e:
        seal(KEY, fields(body=body(excerpt="x" * MAX_ITEM)))
    assert e.value.reason == "too-large"


# -- records -------------------------------------------------------------------------------------


def test_a_record_reads_back_as_signed() -> None:
    f = record_fields()
    raw = seal(KEY, f)
    r = parse_record(raw)
    assert (r.id, r.publisher, r.ts, r.kind, r.cluster, r.body) == (
        f["id"],
        PUB,
        f["ts"],
        "remove",
        CLUSTER,
        f["body"],
    )
    assert r.signature + r.payload == raw
    verify(r)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"kind": "ban"}, "bad-kind"),
        ({"kind": "admit", "body": {"name": "x"}}, "bad-field"),  # whom?
        ({"kind": "remove", "body": {"node": "ab"}}, "bad-field"),
        ({"seq": 1}, "bad-fields"),  # a record is not numbered
        ({"v": "v3"}, "bad-version"),
        ({"ts": 2**53}, "bad-field"),
    ],
)
def test_a_malformed_record_is_refused(change: dict[str, Any], reason: str) -> None:
    assert refused(seal(KEY, record_fields(**change)), record=True) == reason


def test_a_signal_is_not_a_record_nor_a_record_a_signal() -> None:
    assert refused(seal(KEY, fields()), record=True) == "bad-fields"
    assert refused(seal(KEY, record_fields())) == "bad-fields"


# -- signatures ----------------------------------------------------------------------------------


def test_an_item_signed_by_another_key_does_not_verify() -> None:
    s = parse_signal(seal(OUTSIDER, fields()))  # says pub=KEY's node, signed by an outsider
    with pytest.raises(EnvelopeError) as e:
        verify(s)
    assert e.value.reason == "bad-signature"
    assert s.id in e.value.detail


def test_an_edit_after_signing_does_not_verify() -> None:
    raw = seal(KEY, fields())
    edited = raw.replace(b"203.0.113.7/32", b"203.0.113.8/32")
    with pytest.raises(EnvelopeError):
        verify(parse_signal(edited))


def test_a_publisher_key_that_is_not_a_curve_point_does_not_verify() -> None:
    raw = seal(KEY, fields(pub="ff" * 32))
    with pytest.raises(EnvelopeError) as e:
        verify(parse_signal(raw))
    assert e.value.reason == "bad-signature"


# -- properties ----------------------------------------------------------------------------------


def as_ipaddress_reads_it(text: str) -> ipaddress.IPv4Network | ipaddress.IPv6Network | None:
    """The target's network as the standard library parses it, if that is its canonical form."""
    try:
        network = normalize_network(text)
    except ValueError:
        return None
    return network if str(network) == text else None


def _v4(address: int, prefix: int, strict: bool) -> str:
    if strict and prefix <= 32:
        return str(ipaddress.IPv4Network((address, prefix), strict=False))
    return f"{ipaddress.IPv4Address(address)}/{prefix}"  # host bits as drawn


targets = st.one_of(
    st.builds(_v4, st.integers(0, 2**32 - 1), st.integers(0, 33), st.booleans()),
    st.from_regex(r"\A[0-9]{1,4}\.[0-9]{1,4}\.[0-9]{1,4}\.[0-9]{1,4}(/[0-9]{1,3})?\Z"),
    st.text(alphabet="0123456789./: abcdef", max_size=24),
    st.sampled_from(["2001:db8::/64", "::ffff:198.51.100.7/128", "1.2.3.4/032", "01.2.3.4/32"]),
)


@given(targets)
@example("198.51.100.7/32")
@example("198.51.100.0/24")
@example("198.51.100.7/24")
@example("255.255.255.255/32")
def test_targets_are_read_exactly_as_ipaddress_reads_them(text: str) -> None:
    expected = as_ipaddress_reads_it(text)
    raw = seal(KEY, fields(body=body(target=text)))
    if expected is None:
        assert refused(raw) == "bad-field"
    elif unshareable(expected):
        assert refused(raw) == "bad-target"
    else:
        got = parse_signal(raw).target
        assert (type(got), got) == (type(expected), expected)
        assert str(got) == text


@given(st.integers(0, 2**32 - 1), st.integers(8, 32))
@example(2**32 - 1, 32)
@example(0xFF000000, 8)
@example(0xFFFFFF00, 24)
@example(0xFFFFFE00, 24)
def test_a_network_reaching_the_broadcast_address_is_unshareable(address: int, prefix: int) -> None:
    net = ipaddress.IPv4Network((address, prefix), strict=False)
    reaches = str(net.broadcast_address) == "255.255.255.255"
    earlier = net.network_address.is_multicast or net.network_address.is_loopback
    if not earlier:
        assert (unshareable(net) == "the broadcast address is never shared") == reaches
    if reaches:
        assert refused(seal(KEY, fields(body=body(target=str(net))))) == "bad-target"


def parse_either(raw: bytes) -> Signal | Record | None:
    """Parse as a signal and as a record: each returns a value or raises EnvelopeError."""
    out: Signal | Record | None = None
    for parse in (parse_signal, parse_record):
        with contextlib.suppress(EnvelopeError):
            out = parse(raw)
    return out


@given(st.binary(max_size=MAX_ITEM + 10))
def test_random_bytes_only_raise_envelope_error(raw: bytes) -> None:
    item = parse_either(raw)
    if item is not None:
        with pytest.raises(EnvelopeError):
            verify(item)  # nobody holds the key for random bytes


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**60), 2**60)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=70),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
field_names = st.sampled_from(
    ["v", "id", "pub", "seq", "ts", "exp", "cls", "kind", "claim", "cluster", "body", "x"]
)
body_names = st.sampled_from(
    ["target", "reason", "ref", "ja4", "ja3", "ports", "count", "window", "excerpt", "x"]
)


@given(st.dictionaries(field_names, json_values, max_size=12), st.binary(min_size=64, max_size=64))
def test_random_json_objects_only_raise_envelope_error(obj: dict[str, Any], sig: bytes) -> None:
    parse_either(sig + encode_json(obj))


@st.composite
def valid_items(draw: st.DrawFn) -> tuple[SigningKey, bytes]:
    key = draw(st.sampled_from(PUBLISHERS[:3]))
    pub = node_id(key)
    if draw(st.booleans()):
        level = draw(st.sampled_from(["L1", "L2", "L3", "L4"]))
        extras: dict[str, dict[str, Any]] = {
            "L1": {},
            "L2": {"ja4": JA4},
            "L3": {"ja4": JA4, "ports": [22, 23], "count": 4},
            "L4": {"excerpt": "USER root"},
        }
        extra = extras[level]
        f = signal_fields(key, claim_bytes(pub), seq=draw(st.integers(1, 10**6)), cls=level,
                          body=body(**extra))  # fmt: skip
    else:
        f = record_fields(pub=pub)
    return key, seal(key, f)


@st.composite
def field_edits(draw: st.DrawFn, payload: bytes) -> bytes:
    obj = json.loads(payload)
    if draw(st.booleans()):
        name = draw(field_names)
        if name in obj and draw(st.booleans()):
            del obj[name]
        else:
            obj[name] = draw(json_values)
    else:
        target = obj["body"]
        name = draw(body_names)
        target[name] = draw(json_values)
    try:
        return encode_json(obj)
    except (ValueError, UnicodeEncodeError):  # a lone surrogate cannot be UTF-8
        assume(False)
        raise


@given(valid_items(), st.data())
def test_a_bit_flip_only_raises_envelope_error_and_never_verifies(
    item: tuple[SigningKey, bytes], data: st.DataObject
) -> None:
    _, raw = item
    bit = data.draw(st.integers(0, len(raw) * 8 - 1))
    flipped = bytearray(raw)
    flipped[bit // 8] ^= 1 << (bit % 8)
    parsed = parse_either(bytes(flipped))
    if parsed is not None:
        with pytest.raises(EnvelopeError):
            verify(parsed)


@given(valid_items(), st.data())
def test_a_truncated_item_only_raises_envelope_error_and_never_verifies(
    item: tuple[SigningKey, bytes], data: st.DataObject
) -> None:
    _, raw = item
    cut = raw[: data.draw(st.integers(0, len(raw) - 1))]
    parsed = parse_either(cut)
    if parsed is not None:
        with pytest.raises(EnvelopeError):
            verify(parsed)


@given(valid_items(), st.data())
def test_a_field_edit_not_re_signed_never_verifies(
    item: tuple[SigningKey, bytes], data: st.DataObject
) -> None:
    _, raw = item
    payload = data.draw(field_edits(raw[64:]))
    assume(payload != raw[64:])
    parsed = parse_either(with_payload(raw, payload))
    if parsed is not None:
        with pytest.raises(EnvelopeError) as e:
            verify(parsed)
        assert e.value.reason == "bad-signature"


@given(valid_items(), st.data())
def test_a_field_edit_re_signed_parses_or_raises_envelope_error(
    item: tuple[SigningKey, bytes], data: st.DataObject
) -> None:
    key, raw = item
    payload = data.draw(field_edits(raw[64:]))
    assume(len(payload) + 64 <= MAX_ITEM)
    parsed = parse_either(key.sign(payload).signature + payload)
    if parsed is not None and parsed.publisher == node_id(key):
        verify(parsed)  # the key's owner may say what it likes, within the structure
