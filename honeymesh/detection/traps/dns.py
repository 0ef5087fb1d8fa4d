"""The DNS trap (UDP): a small authoritative server that answers its records, NXDOMAIN otherwise.

``parse_query`` reads a query's header, its one question and an EDNS OPT record if present, and
raises ``DnsError`` and nothing else. ``DnsResponder`` answers A/AAAA for the configured
records, NODATA for their other types, NXDOMAIN for unknown names, REFUSED for ANY, and FORMERR
for what it cannot read. An answer is as large as the query's UDP size allows (512 bytes, or its
EDNS size up to 1232); when the records would not fit, the reply is truncated (TC) and carries
the question only, as a real server does. Reflection is bounded by the trap's per-source byte
budget (``udp.py``), not by shrinking answers.

Flagged in the record: ``amplification_probe`` (ANY, or types with large answers asked with a
large EDNS buffer), ``open_resolver_probe`` (recursion asked for a name outside our zone), and a
datagram that is itself a response (``reflected``: someone spoofed our address).
"""

from __future__ import annotations

import ipaddress
import struct
from collections.abc import Iterable
from dataclasses import dataclass

from honeymesh.detection.traps.udp import Answer
from honeymesh.events import JSONValue

TYPE_A, TYPE_NS, TYPE_TXT, TYPE_AAAA, TYPE_OPT, TYPE_RRSIG, TYPE_DNSKEY, TYPE_ANY = (
    1, 2, 16, 28, 41, 46, 48, 255,
)  # fmt: skip
_TYPE_NAMES = {1: "A", 2: "NS", 5: "CNAME", 6: "SOA", 12: "PTR", 15: "MX", 16: "TXT", 28: "AAAA",
               33: "SRV", 46: "RRSIG", 48: "DNSKEY", 252: "AXFR", 255: "ANY"}  # fmt: skip
_LARGE_ANSWER_TYPES = {TYPE_ANY, TYPE_TXT, TYPE_RRSIG, TYPE_DNSKEY}
NOERROR, FORMERR, NXDOMAIN, NOTIMP, REFUSED = 0, 1, 3, 4, 5
_HEADER = struct.Struct(">HHHHHH")
MAX_NAME = 255
MAX_UDP = 1232  # BIND 9.18's max-udp-size and edns-udp-size (the DNS flag day 2020 value)


class DnsError(ValueError):
    """Bytes that are not a DNS query we can read."""


@dataclass(frozen=True)
class Query:
    id: int
    flags: int
    qname: str  # lower case, without the final dot; "" for the root
    qtype: int
    qclass: int
    question: bytes  # the question section exactly as sent
    edns_size: int | None
    dnssec_ok: bool

    @property
    def recursion_desired(self) -> bool:
        return bool(self.flags & 0x0100)

    @property
    def opcode(self) -> int:
        return (self.flags >> 11) & 0xF


def _name(data: bytes, pos: int) -> tuple[str, int]:
    labels: list[str] = []
    total = 0
    while True:
        if pos >= len(data):
            raise DnsError("name runs past the packet")
        length = data[pos]
        if length & 0xC0:
            raise DnsError("compression or extended label in a question name")
        pos += 1
        if length == 0:
            return ".".join(labels), pos
        total += length + 1
        if total > MAX_NAME:
            raise DnsError("name longer than 255 bytes")
        if pos + length > len(data):
            raise DnsError("label runs past the packet")
        labels.append(data[pos : pos + length].decode("ascii", "backslashreplace").lower())
        pos += length


def parse_query(data: bytes) -> Query:
    if len(data) < _HEADER.size:
        raise DnsError(f"{len(data)} bytes is shorter than a DNS header")
    ident, flags, qdcount, _an, _ns, arcount = _HEADER.unpack_from(data)
    if flags & 0x8000:
        raise DnsError("the datagram is a response, not a query")
    if qdcount != 1:
        raise DnsError(f"{qdcount} questions (exactly one is supported)")
    qname, pos = _name(data, _HEADER.size)
    if pos + 4 > len(data):
        raise DnsError("question type and class cut short")
    qtype, qclass = struct.unpack_from(">HH", data, pos)
    question = data[_HEADER.size : pos + 4]
    pos += 4
    edns_size: int | None = None
    dnssec_ok = False
    if arcount >= 1 and pos + 11 <= len(data) and data[pos] == 0:
        rtype, rclass, ttl = struct.unpack_from(">HHI", data, pos + 1)
        if rtype == TYPE_OPT:
            edns_size, dnssec_ok = rclass, bool(ttl & 0x8000)
    return Query(ident, flags, qname, qtype, qclass, question, edns_size, dnssec_ok)


def parse_records(
    records: Iterable[str],
) -> dict[str, list[ipaddress.IPv4Address | ipaddress.IPv6Address]]:
    """``"name=address"`` strings (checked by the config) as a name -> addresses table."""
    table: dict[str, list[ipaddress.IPv4Address | ipaddress.IPv6Address]] = {}
    for record in records:
        name, _, address = record.partition("=")
        table.setdefault(name.strip().strip(".").lower(), []).append(
            ipaddress.ip_address(address.strip())
        )
    return table


def udp_room(query: Query) -> int:
    """The largest UDP answer to ``query``: 512 bytes without EDNS (RFC 1035), else the client's
    EDNS buffer size within 512 and BIND 9.18's default ``max-udp-size`` of 1232."""
    if query.edns_size is None:
        return 512
    return max(512, min(query.edns_size, MAX_UDP))


class DnsResponder:
    def __init__(
        self,
        records: dict[str, list[ipaddress.IPv4Address | ipaddress.IPv6Address]],
        ttl: int,
    ) -> None:
        self._records = records
        self._ttl = ttl
        self._zones = {name.split(".", 1)[-1] for name in records} | set(records)

    def respond(self, data: bytes, source: str) -> Answer:
        try:
            query = parse_query(data)
        except DnsError as e:
            detail: dict[str, JSONValue] = {"service": "dns", "error": str(e)}
            if len(data) < _HEADER.size:
                return Answer(detail=detail)
            if data[2] & 0x80:
                detail["reflected"] = True  # a response sent to us: someone spoofed our address
                return Answer(detail=detail)
            ident, flags = struct.unpack_from(">HH", data)
            opcode = (flags >> 11) & 0xF
            rcode = FORMERR if opcode == 0 else NOTIMP  # STATUS, NOTIFY, UPDATE: not here
            header = _HEADER.pack(ident, 0x8000 | (flags & 0x7900) | rcode, 0, 0, 0, 0)
            return Answer(header, detail)
        return self._answer(query, udp_room(query))

    def _answer(self, q: Query, room: int) -> Answer:
        """The answer to ``q``, in at most ``room`` bytes (what the query's UDP size allows)."""
        detail: dict[str, JSONValue] = {
            "service": "dns",
            "qname": q.qname[:255],
            "qtype": _TYPE_NAMES.get(q.qtype, str(q.qtype)),
            "recursion_desired": q.recursion_desired,
            "edns_size": q.edns_size,
        }
        ours = q.qname in self._records
        in_zone = ours or any(q.qname == z or q.qname.endswith("." + z) for z in self._zones)
        if q.qtype == TYPE_ANY or (q.qtype in _LARGE_ANSWER_TYPES and (q.edns_size or 0) > 1232):
            detail["amplification_probe"] = True
        if q.recursion_desired and not in_zone:
            detail["open_resolver_probe"] = True
        answers = b""
        count = 0
        if q.opcode != 0:
            rcode = NOTIMP
        elif q.qtype == TYPE_ANY:
            rcode = REFUSED
        elif ours:
            rcode = NOERROR
            for address in self._records[q.qname]:
                if (address.version, q.qtype) in ((4, TYPE_A), (6, TYPE_AAAA)):
                    rdata = address.packed
                    answers += struct.pack(">HHHIH", 0xC00C, q.qtype, 1, self._ttl, len(rdata))
                    answers += rdata
                    count += 1
        else:
            rcode = NXDOMAIN
        truncated = _HEADER.size + len(q.question) + len(answers) > room
        if truncated:
            answers, count = b"", 0
            detail["truncated"] = True
        flags = 0x8000 | (q.flags & 0x7900) | 0x0400 | (0x0200 if truncated else 0) | rcode
        reply = _HEADER.pack(q.id, flags, 1, count, 0, 0) + q.question + answers
        detail["rcode"] = rcode
        detail["answers"] = count
        return Answer(reply, detail)
