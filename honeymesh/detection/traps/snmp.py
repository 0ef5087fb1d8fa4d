"""The SNMP trap (UDP): an agent that answers as Debian 12's snmpd (net-snmp 5.9) does.

``parse_message`` decodes the BER of an SNMPv1/v2c message (version, community, PDU with its
request id and variable bindings), bounded in depth and size, and raises ``SnmpError`` and
nothing else. ``SnmpResponder`` answers what Debian's shipped ``snmpd.conf`` exposes to its
``public`` community (``rocommunity public default -V systemonly``): the view ``systemonly``,
that is the MIB-II system group with its sysORTable of the ten modules net-snmp registers, and
the HOST-RESOURCES hrSystem group, diffed with snmpget, snmpgetnext, snmpwalk and snmpbulkwalk
in ``tests/fidelity/test_snmp.py``:

- GET: the value; within a known object but not an instance of it ``noSuchInstance``, elsewhere
  ``noSuchObject`` (v2c), or ``noSuchName`` with its index and the bindings as sent (v1);
- GETNEXT in the agent's order, ``endOfMibView`` past the end (v1: ``noSuchName``);
- GETBULK (answered even in a v1 message, as net-snmp does) with non-repeaters and
  max-repetitions, the repetitions stopping after the first row where a repeater is past the
  end; SET ``noAccess`` (v1 ``noSuchName``) with index 1 and the bindings as sent;
- a wrong community gets no answer at all, as from snmpd (which counts it in
  snmpInBadCommunityNames); every community tried is a ``trap.credential`` finding;
- SNMPv3: a discovery request (no engine id) gets net-snmp's report (usmStatsUnknownEngineIDs,
  with a net-snmp-format engine id, boots and time), which is what ``nmap -sV`` reads; a
  request to that engine gets the usmStatsUnknownUserNames report (no user is configured, as in
  Debian's file: its ``rouser authPrivUser`` has no key), so ``snmpget -v3`` says "Unknown user
  name" as from snmpd, and every user name tried is a ``trap.credential`` finding.

A response is at most ``MAX_RESPONSE`` bytes, net-snmp's largest UDP message (its v3 reports
say so in msgMaxSize): a GET beyond it is ``tooBig``, a GETBULK is cut to fit. GETBULK, the
SNMP amplification vector, is flagged; reflection is bounded by the trap's per-source byte
budget (``udp.py``), not by shrinking answers.
"""

from __future__ import annotations

import bisect
import os
import time
from collections.abc import Callable
from dataclasses import dataclass

from honeymesh.detection.traps import findings
from honeymesh.detection.traps.base import Finding
from honeymesh.detection.traps.facts import NodeFacts
from honeymesh.detection.traps.udp import Answer
from honeymesh.events import JSONValue

INTEGER, OCTET_STRING, NULL, OID, SEQUENCE = 0x02, 0x04, 0x05, 0x06, 0x30
COUNTER32, GAUGE32, TIMETICKS = 0x41, 0x42, 0x43
GET, GETNEXT, RESPONSE, SET, GETBULK, REPORT = 0xA0, 0xA1, 0xA2, 0xA3, 0xA5, 0xA8
NO_SUCH_OBJECT, NO_SUCH_INSTANCE, END_OF_MIB_VIEW = 0x80, 0x81, 0x82
TOO_BIG, NO_SUCH_NAME, NO_ACCESS = 1, 2, 6
MAX_MESSAGE = 4096
#: net-snmp's largest response over UDP (65507, what its v3 reports give as msgMaxSize).
MAX_RESPONSE = 65507
MAX_BINDINGS = 64
MAX_SUBIDS = 128
#: Most variable bindings in one GETBULK response, whatever max-repetitions asks.
MAX_BULK_BINDINGS = 2048
_PDU_NAMES = {GET: "get", GETNEXT: "getnext", SET: "set", GETBULK: "getbulk", 0xA4: "trap",
              0xA6: "inform", 0xA7: "trapv2", REPORT: "report", RESPONSE: "response"}  # fmt: skip

Oid = tuple[int, ...]

SYSTEM: Oid = (1, 3, 6, 1, 2, 1, 1)
HR_SYSTEM: Oid = (1, 3, 6, 1, 2, 1, 25, 1)
USM_UNKNOWN_ENGINE_IDS: Oid = (1, 3, 6, 1, 6, 3, 15, 1, 1, 4, 0)
USM_UNKNOWN_USER_NAMES: Oid = (1, 3, 6, 1, 6, 3, 15, 1, 1, 3, 0)
# The sysORTable of net-snmp 5.9's snmpd as Debian 12 ships it: (sysORID, sysORDescr).
SYS_OR_TABLE: tuple[tuple[Oid, str], ...] = (
    ((1, 3, 6, 1, 6, 3, 10, 3, 1, 1), "The SNMP Management Architecture MIB."),
    ((1, 3, 6, 1, 6, 3, 11, 3, 1, 1), "The MIB for Message Processing and Dispatching."),
    (
        (1, 3, 6, 1, 6, 3, 15, 2, 1, 1),
        "The management information definitions for the SNMP User-based Security Model.",
    ),
    ((1, 3, 6, 1, 6, 3, 1), "The MIB module for SNMPv2 entities"),
    ((1, 3, 6, 1, 6, 3, 16, 2, 2, 1), "View-based Access Control Model for SNMP."),
    ((1, 3, 6, 1, 2, 1, 49), "The MIB module for managing TCP implementations"),
    ((1, 3, 6, 1, 2, 1, 50), "The MIB module for managing UDP implementations"),
    ((1, 3, 6, 1, 2, 1, 4), "The MIB module for managing IP and ICMP implementations"),
    ((1, 3, 6, 1, 6, 3, 13, 3, 1, 3),
     "The MIB modules for managing SNMP Notification, plus filtering."),
    ((1, 3, 6, 1, 2, 1, 92), "The MIB module for logging SNMP Notifications."),
)  # fmt: skip


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
    bindings: tuple[bytes, ...] = ()  # each variable binding exactly as sent


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
    bindings: list[bytes] = []
    while pos < list_end:
        if len(oids) >= MAX_BINDINGS:
            raise SnmpError("too many variable bindings")
        begin = pos
        tag, start, pos = _tlv(data, pos, list_end)
        if tag != SEQUENCE:
            raise SnmpError("a variable binding is not a SEQUENCE")
        tag, oid_start, oid_end = _tlv(data, start, pos)
        if tag != OID:
            raise SnmpError("a variable binding does not start with an OID")
        oids.append(decode_oid(data[oid_start:oid_end]))
        bindings.append(data[begin:pos])
    return Message(
        version, community, pdu_type, request_id, field2, field3, tuple(oids), tuple(bindings)
    )


@dataclass(frozen=True)
class V3Request:
    """An SNMPv3 request under the User-based Security Model, as far as the agent reads it
    before it finds it knows neither the engine id (a discovery) nor the user."""

    msg_id: int
    engine_id: bytes  # empty: the client asks for ours (discovery)
    user: bytes
    security: str  # noAuthNoPriv, authNoPriv, authPriv
    request_id: int  # 0 when the scoped PDU is encrypted


def parse_v3(data: bytes) -> V3Request | None:
    """What a v3 request says of its engine and user; None for a v3 message that is not a
    USM request. Raises SnmpError for what is not v3 BER at all."""
    if len(data) > MAX_MESSAGE:
        raise SnmpError(f"message of {len(data)} bytes is larger than {MAX_MESSAGE}")
    tag, pos, end = _tlv(data, 0, len(data))
    if tag != SEQUENCE:
        raise SnmpError("not an SNMP message (no outer SEQUENCE)")
    version, pos = _integer(data, pos, end)
    if version != 3:
        raise SnmpError(f"SNMP version field {version}")
    tag, start, pos = _tlv(data, pos, end)  # msgGlobalData
    _expect(tag, SEQUENCE, "v3 header")
    msg_id, inner = _integer(data, start, pos)
    _max_size, inner = _integer(data, inner, pos)
    tag, flags_at, inner = _tlv(data, inner, pos)
    if tag != OCTET_STRING or inner - flags_at != 1:
        raise SnmpError("v3 msgFlags is not one octet")
    flags = data[flags_at]
    model, inner = _integer(data, inner, pos)
    if model != 3:
        return None  # not the User-based Security Model
    tag, start, pos = _tlv(data, pos, end)  # msgSecurityParameters
    _expect(tag, OCTET_STRING, "v3 security parameters")
    tag, usm, usm_end = _tlv(data, start, pos)
    _expect(tag, SEQUENCE, "USM parameters")
    tag, engine_start, engine_end = _tlv(data, usm, usm_end)
    _expect(tag, OCTET_STRING, "USM engine id")
    _boots, after = _integer(data, engine_end, usm_end)
    _time, after = _integer(data, after, usm_end)
    tag, user_start, user_end = _tlv(data, after, usm_end)
    _expect(tag, OCTET_STRING, "USM user name")
    security = ("noAuthNoPriv", "authNoPriv", "authPriv", "authPriv")[flags & 0x03]
    request_id = 0
    tag, scoped, scoped_end = _tlv(data, pos, end)  # scopedPDU, or encrypted: an OCTET STRING
    if tag == SEQUENCE:
        _tag, _s, after = _tlv(data, scoped, scoped_end)  # contextEngineID
        _tag, _s, after = _tlv(data, after, scoped_end)  # contextName
        pdu_type, start, pdu_end = _tlv(data, after, scoped_end)
        if pdu_type not in (GET, GETNEXT, GETBULK, SET):
            return None
        request_id, _ = _integer(data, start, pdu_end)
    elif tag != OCTET_STRING or not flags & 0x02:
        raise SnmpError("v3 scoped PDU is neither a SEQUENCE nor encrypted")
    engine_id, user = data[engine_start:engine_end], data[user_start:user_end]
    return V3Request(msg_id, engine_id, user, security, request_id)


def _expect(tag: int, wanted: int, what: str) -> None:
    if tag != wanted:
        raise SnmpError(f"{what}: tag 0x{tag:02x}, not 0x{wanted:02x}")


def _encode(tag: int, value: bytes) -> bytes:
    n = len(value)
    if n < 0x80:
        return bytes([tag, n]) + value
    if n < 0x100:
        return bytes([tag, 0x81, n]) + value
    if n < 0x10000:
        return bytes([tag, 0x82]) + n.to_bytes(2, "big") + value
    return bytes([tag, 0x83]) + n.to_bytes(3, "big") + value


def _encode_int(tag: int, value: int) -> bytes:
    size = max(1, (value.bit_length() + 8) // 8)
    return _encode(tag, value.to_bytes(size, "big", signed=True))


def _text(value: str) -> bytes:
    return _encode(OCTET_STRING, value.encode("utf-8", "replace"))


@dataclass(frozen=True)
class SnmpSettings:
    communities: frozenset[bytes]
    sys_descr: str
    sys_object_id: Oid
    sys_name: str
    sys_contact: str
    sys_location: str
    sys_services: int = 72
    # hrSystem: the kernel command line as /proc/cmdline gives it (net-snmp keeps 128 bytes),
    # and the number of processes (which drifts a little, as on a live host).
    boot_parameters: str = (
        "BOOT_IMAGE=/boot/vmlinuz-6.1.0-28-amd64 "
        "root=UUID=5b1c7c3e-2f4a-4d0b-9a51-7f2e6c1d8a90 ro quiet"
    )
    processes: int = 131


class SnmpResponder:
    def __init__(
        self,
        settings: SnmpSettings,
        now: Callable[[], float],
        random_bytes: Callable[[int], bytes] = os.urandom,
        facts: NodeFacts | None = None,
    ) -> None:
        self._s = settings
        self._now = now
        # The host booted when the node's facts say (so sysUpTime and hrSystemUptime agree with
        # the shell's uptime, differ between nodes and only grow across restarts; without
        # facts, 23 days ago); snmpd started 12.3 s into the boot.
        self._booted = facts.boot_time if facts else now() - 86400 * 23 - 4711
        self._agent_started = self._booted + 12.3
        # net-snmp's own engine id format: enterprise 8072, format 128 (random), 8 random bytes,
        # which snmpd keeps across restarts (oldEngineID): the node's own, with facts.
        unique = facts.draw("snmp/engine-id", 8) if facts else random_bytes(8)
        self._engine_id = bytes.fromhex("80001f8880") + unique + bytes(4)
        self._unknown_engine_ids = 0
        self._unknown_user_names = 0
        self.bad_community_names = 0  # snmpInBadCommunityNames, as snmpd counts it
        s = settings
        mib: dict[Oid, Callable[[], bytes]] = {
            (*SYSTEM, 1, 0): lambda: _text(s.sys_descr),
            (*SYSTEM, 2, 0): lambda: _encode(OID, encode_oid(s.sys_object_id)),
            (*SYSTEM, 3, 0): lambda: self._ticks(self._agent_started),
            (*SYSTEM, 4, 0): lambda: _text(s.sys_contact),
            (*SYSTEM, 5, 0): lambda: _text(s.sys_name),
            (*SYSTEM, 6, 0): lambda: _text(s.sys_location),
            (*SYSTEM, 7, 0): lambda: _encode_int(INTEGER, s.sys_services),
            (*SYSTEM, 8, 0): lambda: _encode_int(TIMETICKS, 0),  # sysORLastChange
            (*HR_SYSTEM, 1, 0): lambda: self._ticks(self._booted),
            (*HR_SYSTEM, 2, 0): self._date,
            (*HR_SYSTEM, 3, 0): lambda: _encode_int(INTEGER, 393216),  # a disk, as Linux's
            (*HR_SYSTEM, 4, 0): lambda: _text(s.boot_parameters[:128]),
            (*HR_SYSTEM, 5, 0): lambda: _encode_int(GAUGE32, 0),  # hrSystemNumUsers
            (*HR_SYSTEM, 6, 0): self._processes,
            (*HR_SYSTEM, 7, 0): lambda: _encode_int(INTEGER, 0),  # hrSystemMaxProcesses
        }
        for index, (module, descr) in enumerate(SYS_OR_TABLE, start=1):
            mib[(*SYSTEM, 9, 1, 2, index)] = _constant(_encode(OID, encode_oid(module)))
            mib[(*SYSTEM, 9, 1, 3, index)] = _constant(_text(descr))
            mib[(*SYSTEM, 9, 1, 4, index)] = _constant(_encode_int(TIMETICKS, 0))
        self._mib = mib
        self._order = sorted(mib)
        # The objects (scalars and table columns) whose instances the agent has.
        self._objects = {oid[:-1] for oid in mib if oid[: len(SYSTEM) + 1] != (*SYSTEM, 9)}
        self._objects |= {(*SYSTEM, 9, 1, column) for column in (2, 3, 4)}

    def _ticks(self, since: float) -> bytes:
        return _encode_int(TIMETICKS, int((self._now() - since) * 100) & 0xFFFFFFFF)

    def _date(self) -> bytes:
        """hrSystemDate: DateAndTime (RFC 2579) in UTC, as a Debian server keeps its clock."""
        t = time.gmtime(self._now())
        raw = t.tm_year.to_bytes(2, "big") + bytes([t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min])
        raw += bytes([min(t.tm_sec, 59), 0]) + b"+\x00\x00"
        return _encode(OCTET_STRING, raw)

    def _processes(self) -> bytes:
        drift = int(self._now() // 7) % 5
        return _encode_int(GAUGE32, self._s.processes + drift)

    def respond(self, data: bytes, source: str) -> Answer:
        try:
            message = parse_message(data)
        except SnmpError as e:
            return self._other_version(data, str(e))
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
        if not accepted:
            self.bad_community_names += 1
            return Answer(detail=detail, findings=(credential,))
        if message.pdu_type not in (GET, GETNEXT, SET, GETBULK):
            return Answer(detail=detail, findings=(credential,))
        reply = self._response(message)
        return Answer(reply, detail, (credential,))

    def _other_version(self, data: bytes, error: str) -> Answer:
        """SNMPv3 as net-snmp answers it without any user configured: a discovery, or an
        engine id not ours, gets a usmStatsUnknownEngineIDs report, a request for our engine
        a usmStatsUnknownUserNames report (and the user is a credential attempt). Anything
        else unreadable gets nothing."""
        detail: dict[str, JSONValue] = {"service": "snmp", "error": error}
        try:
            request = parse_v3(data)
        except SnmpError:
            return Answer(detail=detail)
        detail = {"service": "snmp", "version": "v3"}
        if request is None:
            return Answer(detail=detail)
        found: tuple[Finding, ...] = ()
        if request.user:
            detail["user"] = findings.text(request.user, 64)
            found = (
                findings.credential(
                    "snmp", request.user, None, method="usm", security=request.security
                ),
            )
        if request.engine_id != self._engine_id:
            detail["pdu"] = "discovery" if not request.engine_id else "unknown engine"
            self._unknown_engine_ids += 1
            counter = (USM_UNKNOWN_ENGINE_IDS, self._unknown_engine_ids)
            return Answer(self._report(request, counter, b""), detail, found)
        detail["pdu"] = "unknown user"
        self._unknown_user_names += 1
        counter = (USM_UNKNOWN_USER_NAMES, self._unknown_user_names)
        return Answer(self._report(request, counter, request.user), detail, found)

    def _report(self, r: V3Request, counter: tuple[Oid, int], user: bytes) -> bytes:
        boots = _encode_int(INTEGER, 1)
        engine_time = _encode_int(INTEGER, int(self._now() - self._agent_started))
        engine = _encode(OCTET_STRING, self._engine_id)
        usm = engine + boots + engine_time + _encode(OCTET_STRING, user)
        usm = _encode(SEQUENCE, usm + _encode(OCTET_STRING, b"") * 2)
        header = _encode(
            SEQUENCE,
            _encode_int(INTEGER, r.msg_id)
            + _encode_int(INTEGER, MAX_RESPONSE)
            + _encode(OCTET_STRING, b"\x00")
            + _encode_int(INTEGER, 3),
        )
        oid, count = counter
        pdu = _encode(
            REPORT,
            _encode_int(INTEGER, r.request_id)
            + _encode_int(INTEGER, 0)
            + _encode_int(INTEGER, 0)
            + _encode(SEQUENCE, _binding(oid, _encode_int(COUNTER32, count))),
        )
        scoped = _encode(SEQUENCE, engine + _encode(OCTET_STRING, b"") + pdu)
        body = _encode_int(INTEGER, 3) + header + _encode(OCTET_STRING, usm) + scoped
        return _encode(SEQUENCE, body)

    def _response(self, m: Message) -> bytes:
        if m.pdu_type == SET:
            error = NO_ACCESS if m.version else NO_SUCH_NAME
            return self._message(m, error, 1, list(m.bindings))
        if m.pdu_type == GETBULK:
            return self._bulk(m)
        bindings: list[bytes] = []
        for i, oid in enumerate(m.oids, start=1):
            if m.pdu_type == GETNEXT:
                found, value = self._next(oid)
                if found is None:
                    if m.version == 0:
                        return self._message(m, NO_SUCH_NAME, i, list(m.bindings))
                    bindings.append(_binding(oid, bytes([END_OF_MIB_VIEW, 0])))
                else:
                    bindings.append(_binding(found, value))
                continue
            make = self._mib.get(oid)
            if make is not None:
                bindings.append(_binding(oid, make()))
            elif m.version == 0:
                return self._message(m, NO_SUCH_NAME, i, list(m.bindings))
            else:
                bindings.append(_binding(oid, bytes([self._missing(oid), 0])))
        reply = self._message(m, 0, 0, bindings)
        if len(reply) > MAX_RESPONSE:
            reply = self._message(m, TOO_BIG, 0, list(m.bindings))
        return reply if len(reply) <= MAX_RESPONSE else b""

    def _bulk(self, m: Message) -> bytes:
        """GETBULK as net-snmp answers it: the non-repeaters' next objects, then rows of the
        repeaters' next objects until max-repetitions, or until a row where one repeater is past
        the end (that row included, the others going on in it); cut to the largest response."""
        non_repeaters = min(max(m.field2, 0), len(m.oids))
        repetitions = max(m.field3, 0)
        bindings = [self._next_binding(oid)[1] for oid in m.oids[:non_repeaters]]
        size = sum(map(len, bindings))
        cursors = list(m.oids[non_repeaters:])
        for _ in range(repetitions if cursors else 0):
            row_done = False
            for i, oid in enumerate(cursors):
                found, binding = self._next_binding(oid)
                bindings.append(binding)
                size += len(binding)
                if found is None:
                    row_done = True
                else:
                    cursors[i] = found
            if row_done or len(bindings) >= MAX_BULK_BINDINGS or size > MAX_RESPONSE:
                break
        reply = self._message(m, 0, 0, bindings)
        while len(reply) > MAX_RESPONSE and bindings:  # RFC 3416: drop bindings from the end
            size -= len(bindings.pop())
            if size + 128 + len(m.community) <= MAX_RESPONSE:
                reply = self._message(m, 0, 0, bindings)
        return reply

    def _next_binding(self, oid: Oid) -> tuple[Oid | None, bytes]:
        found, value = self._next(oid)
        if found is None:
            return None, _binding(oid, bytes([END_OF_MIB_VIEW, 0]))
        return found, _binding(found, value)

    def _next(self, oid: Oid) -> tuple[Oid | None, bytes]:
        at = bisect.bisect_right(self._order, oid)
        if at >= len(self._order):
            return None, b""
        nxt = self._order[at]
        return nxt, self._mib[nxt]()

    def _missing(self, oid: Oid) -> int:
        """noSuchInstance within an object the agent has, noSuchObject anywhere else."""
        known = any(oid[: len(o)] == o for o in self._objects)
        return NO_SUCH_INSTANCE if known else NO_SUCH_OBJECT

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


def _constant(value: bytes) -> Callable[[], bytes]:
    return lambda: value


def _binding(oid: Oid, value: bytes) -> bytes:
    return _encode(SEQUENCE, _encode(OID, encode_oid(oid)) + value)
