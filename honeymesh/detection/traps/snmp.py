"""The SNMP trap (UDP): an agent that knows the system group, for v1 and v2c communities.

``parse_message`` decodes the BER of an SNMPv1/v2c message (version, community, PDU with its
request id and variable bindings), bounded in depth and size, and raises ``SnmpError`` and
nothing else. ``SnmpResponder`` answers GET and GETNEXT over the MIB-II system group for the
configured communities; a wrong community gets no answer, as from a real agent, and every
community tried is a ``trap.credential`` finding. SET is refused (notWritable / readOnly).

A response is at most ``MAX_RESPONSE`` bytes, net-snmp's limit: beyond it the agent answers
``tooBig`` with an empty binding list, as RFC 3416 prescribes. Reflection is bounded by the
trap's per-source byte budget (``udp.py``), not by shrinking answers. GETBULK, the SNMP
amplification vector, is flagged.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass

from honeymesh.detection.traps import findings
from honeymesh.detection.traps.udp import Answer
from honeymesh.events import JSONValue

INTEGER, OCTET_STRING, NULL, OID, SEQUENCE = 0x02, 0x04, 0x05, 0x06, 0x30
TIMETICKS = 0x43
GET, GETNEXT, RESPONSE, SET, GETBULK = 0xA0, 0xA1, 0xA2, 0xA3, 0xA5
NO_SUCH_OBJECT, END_OF_MIB_VIEW = 0x80, 0x82
TOO_BIG, NO_SUCH_NAME, READ_ONLY, NOT_WRITABLE = 1, 2, 4, 17
MAX_MESSAGE = 4096
#: net-snmp's largest response over UDP (SNMP_MAX_MSG_SIZE): larger ones are tooBig.
MAX_RESPONSE = 1472
MAX_BINDINGS = 64
MAX_SUBIDS = 128
_PDU_NAMES = {GET: "get", GETNEXT: "getnext", SET: "set", GETBULK: "getbulk", 0xA4: "trap",
              0xA6: "inform", 0xA7: "trapv2", 0xA8: "report", RESPONSE: "response"}  # fmt: skip

Oid = tuple[int, ...]


class SnmpError(ValueError):
    """Bytes that are not an SNMP v1/v2c message we can read."""


@dataclass(frozen=True)
class Message:
    version: int  # 0: v1, 1: v2c
    community: bytes
    pdu_type: int
    request_id: int
    field2: int  # error-status, or non-repeaters for GETBULK
    field3: int  # error-index, or max-repetitions
    oids: tuple[Oid, ...]


def _tlv(data: bytes, pos: int, end: int) -> tuple[int, int, int]:
    """(tag, start of value, end of value) of the element at ``pos``; within ``end``."""
    if pos + 2 > end:
        raise SnmpError("element header cut short")
    tag, first = data[pos], data[pos + 1]
    pos += 2
    if first < 0x80:
        length = first
    else:
        width = first & 0x7F
        if not 1 <= width <= 2 or pos + width > end:
            raise SnmpError("unsupported or cut length")
        length = int.from_bytes(data[pos : pos + width], "big")
        pos += width
    if pos + length > end:
        raise SnmpError("element runs past its container")
    return tag, pos, pos + length


def _integer(data: bytes, pos: int, end: int) -> tuple[int, int]:
    tag, start, stop = _tlv(data, pos, end)
    if tag != INTEGER or not 1 <= stop - start <= 8:
        raise SnmpError("expected an INTEGER")
    return int.from_bytes(data[start:stop], "big", signed=True), stop


def decode_oid(raw: bytes) -> Oid:
    if not raw:
        raise SnmpError("empty OID")
    first = raw[0]
    subids = [min(first // 40, 2), first - 40 * min(first // 40, 2)]
    value = 0
    for byte in raw[1:]:
        value = (value << 7) | (byte & 0x7F)
        if value > 0xFFFFFFFF:
            raise SnmpError("OID sub-identifier too large")
        if not byte & 0x80:
            subids.append(value)
            value = 0
            if len(subids) > MAX_SUBIDS:
                raise SnmpError("OID too long")
    if raw[-1] & 0x80:
        raise SnmpError("OID ends inside a sub-identifier")
    return tuple(subids)


def encode_oid(oid: Oid) -> bytes:
    out = bytearray([40 * oid[0] + oid[1]])
    for sub in oid[2:]:
        chunk = [sub & 0x7F]
        rest = sub >> 7
        while rest:
            chunk.append(0x80 | (rest & 0x7F))
            rest >>= 7
        out += bytes(reversed(chunk))
    return bytes(out)


def parse_message(data: bytes) -> Message:
    if len(data) > MAX_MESSAGE:
        raise SnmpError(f"message of {len(data)} bytes is larger than {MAX_MESSAGE}")
    tag, pos, end = _tlv(data, 0, len(data))
    if tag != SEQUENCE:
        raise SnmpError("not an SNMP message (no outer SEQUENCE)")
    version, pos = _integer(data, pos, end)
    if version not in (0, 1):
        raise SnmpError(f"SNMP version field {version} (only v1 and v2c are spoken)")
    tag, start, pos = _tlv(data, pos, end)
    if tag != OCTET_STRING:
        raise SnmpError("community is not an OCTET STRING")
    community = data[start:pos]
    pdu_type, pos, pdu_end = _tlv(data, pos, end)
    if pdu_type not in _PDU_NAMES:
        raise SnmpError(f"unknown PDU type 0x{pdu_type:02x}")
    request_id, pos = _integer(data, pos, pdu_end)
    field2, pos = _integer(data, pos, pdu_end)
    field3, pos = _integer(data, pos, pdu_end)
    tag, pos, list_end = _tlv(data, pos, pdu_end)
    if tag != SEQUENCE:
        raise SnmpError("variable bindings are not a SEQUENCE")
    oids: list[Oid] = []
    while pos < list_end:
        if len(oids) >= MAX_BINDINGS:
            raise SnmpError("too many variable bindings")
        tag, start, pos = _tlv(data, pos, list_end)
        if tag != SEQUENCE:
            raise SnmpError("a variable binding is not a SEQUENCE")
        tag, oid_start, oid_end = _tlv(data, start, pos)
        if tag != OID:
            raise SnmpError("a variable binding does not start with an OID")
        oids.append(decode_oid(data[oid_start:oid_end]))
    return Message(version, community, pdu_type, request_id, field2, field3, tuple(oids))


def _encode(tag: int, value: bytes) -> bytes:
    n = len(value)
    if n < 0x80:
        return bytes([tag, n]) + value
    if n < 0x100:
        return bytes([tag, 0x81, n]) + value
    return bytes([tag, 0x82]) + n.to_bytes(2, "big") + value


def _encode_int(tag: int, value: int) -> bytes:
    size = max(1, (value.bit_length() + 8) // 8)
    return _encode(tag, value.to_bytes(size, "big", signed=True))


@dataclass(frozen=True)
class SnmpSettings:
    communities: frozenset[bytes]
    sys_descr: str
    sys_object_id: Oid
    sys_name: str
    sys_contact: str
    sys_location: str


class SnmpResponder:
    def __init__(self, settings: SnmpSettings, now: Callable[[], float]) -> None:
        self._s = settings
        self._now = now
        self._booted = now() - 86400 * 23 - 4711
        system = (1, 3, 6, 1, 2, 1, 1)
        self._mib: dict[Oid, Callable[[], bytes]] = {
            (*system, 1, 0): lambda: _encode(OCTET_STRING, settings.sys_descr.encode()),
            (*system, 2, 0): lambda: _encode(OID, encode_oid(settings.sys_object_id)),
            (*system, 3, 0): lambda: _encode_int(
                TIMETICKS, int((self._now() - self._booted) * 100) & 0xFFFFFFFF
            ),
            (*system, 4, 0): lambda: _encode(OCTET_STRING, settings.sys_contact.encode()),
            (*system, 5, 0): lambda: _encode(OCTET_STRING, settings.sys_name.encode()),
            (*system, 6, 0): lambda: _encode(OCTET_STRING, settings.sys_location.encode()),
            (*system, 7, 0): lambda: _encode_int(INTEGER, 72),
        }
        self._order = sorted(self._mib)

    def respond(self, data: bytes, source: str) -> Answer:
        try:
            message = parse_message(data)
        except SnmpError as e:
            return Answer(detail={"service": "snmp", "error": str(e)})
        accepted = message.community in self._s.communities
        detail: dict[str, JSONValue] = {
            "service": "snmp",
            "version": "v1" if message.version == 0 else "v2c",
            "community": findings.text(message.community, 64),
            "community_accepted": accepted,
            "pdu": _PDU_NAMES[message.pdu_type],
            "oids": [".".join(map(str, o)) for o in message.oids[:16]],
        }
        credential = findings.credential(
            "snmp", message.community, None, method="community", accepted=accepted
        )
        if message.pdu_type == GETBULK:
            detail["amplification_probe"] = True
        if not accepted or message.pdu_type not in (GET, GETNEXT, SET, GETBULK):
            return Answer(detail=detail, findings=(credential,))
        reply = self._response(message, MAX_RESPONSE)
        return Answer(reply, detail, (credential,))

    def _response(self, m: Message, room: int) -> bytes:
        error, index = 0, 0
        bindings: list[bytes] = []
        if m.pdu_type == GETBULK:
            error = TOO_BIG
        elif m.pdu_type == SET:
            error, index = (NOT_WRITABLE if m.version else READ_ONLY), 1
        else:
            for i, oid in enumerate(m.oids, start=1):
                found, value = self._lookup(oid, following=m.pdu_type == GETNEXT)
                if found is None:
                    if m.version == 0:
                        error, index = NO_SUCH_NAME, i
                        break
                    tag = END_OF_MIB_VIEW if m.pdu_type == GETNEXT else NO_SUCH_OBJECT
                    bindings.append(_binding(oid, bytes([tag, 0])))
                else:
                    bindings.append(_binding(found, value))
        if error in (NO_SUCH_NAME, READ_ONLY, NOT_WRITABLE):
            bindings = [_binding(o, bytes([NULL, 0])) for o in m.oids]
        reply = self._message(m, error, index, bindings)
        if len(reply) > room:
            reply = self._message(m, TOO_BIG, 0, [])
        return reply if len(reply) <= room else b""

    def _lookup(self, oid: Oid, *, following: bool) -> tuple[Oid | None, bytes]:
        if not following:
            make = self._mib.get(oid)
            return (oid, make()) if make else (None, b"")
        at = bisect.bisect_right(self._order, oid)
        if at >= len(self._order):
            return None, b""
        nxt = self._order[at]
        return nxt, self._mib[nxt]()

    def _message(self, m: Message, error: int, index: int, bindings: list[bytes]) -> bytes:
        pdu = _encode(
            RESPONSE,
            _encode_int(INTEGER, m.request_id)
            + _encode_int(INTEGER, error)
            + _encode_int(INTEGER, index)
            + _encode(SEQUENCE, b"".join(bindings)),
        )
        body = _encode_int(INTEGER, m.version) + _encode(OCTET_STRING, m.community) + pdu
        return _encode(SEQUENCE, body)


def _binding(oid: Oid, value: bytes) -> bytes:
    return _encode(SEQUENCE, _encode(OID, encode_oid(oid)) + value)
