"""The SNMP trap's own behaviour, without a network: what the diff against snmpd
(tests/fidelity/test_snmp.py) cannot pin down: bounds, counters and hostile bytes."""

from __future__ import annotations

import contextlib

from hypothesis import given
from hypothesis import strategies as st

from honeymesh.detection.traps.snmp import (
    MAX_BULK_BINDINGS,
    MAX_RESPONSE,
    SnmpError,
    _encode,
    _encode_int,
    encode_oid,
    parse_v3,
)

from .dialogues import responders

DISCOVERY = bytes.fromhex(
    "303e020103301102042a4c5a4b020300ffe30401040201030410300e0400020100020100040004000400"
    "301404000400a00e02041c79d8ba0201000201003000"
)


def request(
    pdu: int, community: bytes, oids: list[tuple[int, ...]], f2: int = 0, f3: int = 0
) -> bytes:
    binds = b"".join(_encode(0x30, _encode(6, encode_oid(o)) + b"\x05\x00") for o in oids)
    body = _encode_int(2, 7) + _encode_int(2, f2) + _encode_int(2, f3) + _encode(0x30, binds)
    return _encode(0x30, _encode_int(2, 1) + _encode(4, community) + _encode(pdu, body))


def test_a_getbulk_asking_for_millions_is_bounded() -> None:
    snmp = responders()["snmp"]
    oids: list[tuple[int, ...]] = [(1, 3, 6, 1, 2, 1, 1)] * 64
    answer = snmp.respond(request(0xA5, b"public", oids, 0, 2**31 - 1), "192.0.2.1")
    assert 4096 < len(answer.reply) <= MAX_RESPONSE and answer.detail["amplification_probe"]
    assert answer.reply.count(b"\x06\x08\x2b\x06\x01\x02\x01\x01\x01\x00") <= MAX_BULK_BINDINGS


def test_a_wrong_community_is_counted_recorded_and_unanswered() -> None:
    snmp = responders()["snmp"]
    for guess in (b"private", b"admin", b"cisco"):
        answer = snmp.respond(request(0xA0, guess, [(1, 3, 6, 1, 2, 1, 1, 5, 0)]), "192.0.2.1")
        assert answer.reply == b"" and answer.findings[0][1]["username"] == guess.decode()
    assert snmp.bad_community_names == 3  # type: ignore[attr-defined]


def test_a_v3_discovery_gets_a_report_whose_counter_counts() -> None:
    snmp = responders()["snmp"]
    first = snmp.respond(DISCOVERY, "192.0.2.1").reply
    second = snmp.respond(DISCOVERY, "192.0.2.1").reply
    assert first.endswith(b"\x41\x01\x01") and second.endswith(b"\x41\x01\x02")
    assert b"\x80\x00\x1f\x88\x80" in first  # a net-snmp engine id
    assert parse_v3(DISCOVERY) is not None


@given(st.binary(max_size=400).map(lambda b: DISCOVERY[: len(b) % len(DISCOVERY)] + b))
def test_the_v3_parser_raises_only_its_own_error(data: bytes) -> None:
    with contextlib.suppress(SnmpError):
        parse_v3(data)
    assert len(responders()["snmp"].respond(data, "192.0.2.1").reply) <= MAX_RESPONSE


def test_a_v3_user_is_unknown_and_a_credential() -> None:
    snmp = responders()["snmp"]
    report = snmp.respond(DISCOVERY, "192.0.2.1").reply
    at = report.index(b"\x04\x11\x80\x00\x1f\x88\x80")
    engine = report[at + 2 : at + 19]
    usm = _encode(
        0x30,
        _encode(4, engine) + _encode_int(2, 1) + _encode_int(2, 5) + _encode(4, b"admin")
        + _encode(4, b"\x00" * 12) + _encode(4, b""),
    )  # fmt: skip
    header = _encode(
        0x30, _encode_int(2, 77) + _encode_int(2, 65507) + b"\x04\x01\x05" + _encode_int(2, 3)
    )
    binding = _encode(0x30, _encode(6, encode_oid((1, 3, 6, 1, 2, 1, 1, 5, 0))) + b"\x05\x00")
    pdu = _encode(0xA0, _encode_int(2, 9) + _encode_int(2, 0) * 2 + _encode(0x30, binding))
    scoped = _encode(0x30, _encode(4, engine) + _encode(4, b"") + pdu)
    message = _encode(0x30, _encode_int(2, 3) + header + _encode(4, usm) + scoped)
    answer = snmp.respond(message, "192.0.2.1")
    unknown_user = _encode(6, encode_oid((1, 3, 6, 1, 6, 3, 15, 1, 1, 3, 0)))
    assert unknown_user in answer.reply and b"\x04\x05admin" in answer.reply
    (finding,) = answer.findings
    assert finding[1]["username"] == "admin" and finding[1]["security"] == "authNoPriv"
