"""The DNS trap: an authoritative server for one zone that answers as BIND 9.18 does.

``parse_query`` reads a query's header, its question and its EDNS OPT record (size, DO bit,
version, cookie), bounded, and raises ``DnsError`` and nothing else. ``DnsResponder`` answers
the way Debian 12's ``named`` (9.18, ``recursion no``) answers a stranger, diffed over dig in
``tests/fidelity/test_dns.py``:

- the zone's records, NODATA and NXDOMAIN with the zone's SOA in the authority section (its TTL
  the SOA's minimum), empty non-terminals as NODATA, ANY with every RRset of the name;
- ``minimal-responses no-auth-recursive``: a positive answer to a query without RD carries the
  zone's NS RRset in the authority section and the name servers' addresses as additional data;
  an NS answer always carries those addresses;
- names outside the zone REFUSED (no AA, no RA), other classes REFUSED with EDE 18, class ANY
  FORMERR, AXFR/IXFR over UDP FORMERR, NOTIFY and UPDATE FORMERR, other opcodes NOTIMP;
- the CHAOS built-in zones: ``version.bind``, ``hostname.bind``, ``authors.bind`` (in a random
  order each time, as BIND's rrset-order does) and an empty ``id.server``;
- EDNS: the OPT echoed with BIND's own UDP size (1232) and the DO bit, a server cookie after the
  client's, BADVERS for an EDNS version above 0; a message without a question and with EDNS is a
  cookie refresh (NOERROR);
- an answer larger than the UDP size (512 without EDNS, else the client's size within 512 and
  1232) is cut after the last record that fits and marked TC, so the client retries over TCP,
  where ``DnsTcpDialogue`` answers the same and also AXFR, which BIND 9.18 allows by default.

Names are compressed as BIND compresses them. Reflection is bounded by the trap's per-source
byte budget (``udp.py``), not by shrinking answers.

Flagged in the record: ``amplification_probe`` (ANY, or types with large answers asked with a
large EDNS buffer), ``open_resolver_probe`` (recursion asked for a name outside the zone),
``zone_transfer`` (AXFR/IXFR), and a datagram that is itself a response (``reflected``: someone
spoofed our address).
"""

from __future__ import annotations

import hashlib
import ipaddress
import os
import random
import struct
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from honeymesh.detection.traps import findings
from honeymesh.detection.traps.base import Step
from honeymesh.detection.traps.udp import Answer
from honeymesh.events import JSONValue

TYPE_A, TYPE_NS, TYPE_SOA, TYPE_TXT, TYPE_AAAA, TYPE_OPT = 1, 2, 6, 16, 28, 41
TYPE_RRSIG, TYPE_DNSKEY, TYPE_IXFR, TYPE_AXFR, TYPE_ANY = 46, 48, 251, 252, 255
CLASS_IN, CLASS_CH, CLASS_ANY = 1, 3, 255
_TYPE_NAMES = {1: "A", 2: "NS", 5: "CNAME", 6: "SOA", 12: "PTR", 15: "MX", 16: "TXT",
               28: "AAAA", 33: "SRV", 46: "RRSIG", 48: "DNSKEY", 251: "IXFR", 252: "AXFR",
               255: "ANY"}  # fmt: skip
_LARGE_ANSWER_TYPES = {TYPE_ANY, TYPE_TXT, TYPE_RRSIG, TYPE_DNSKEY}
NOERROR, FORMERR, NXDOMAIN, NOTIMP, REFUSED = 0, 1, 3, 4, 5
BADVERS = 16
OP_QUERY, OP_NOTIFY, OP_UPDATE = 0, 4, 5
OPT_COOKIE, OPT_EDE = 10, 15
EDE_PROHIBITED = 18
_HEADER = struct.Struct(">HHHHHH")
MAX_NAME = 255
MAX_UDP = 1232  # BIND 9.18's max-udp-size and edns-udp-size (the DNS flag day 2020 value)
MAX_TCP = 65535
MAX_RECORDS = 64  # resource records read from one query (queries have one OPT, at most)
_QR, _AA, _TC, _RD, _AD, _CD = 0x8000, 0x0400, 0x0200, 0x0100, 0x0020, 0x0010
# What BIND's built-in CHAOS zones hold (bin/named/builtin.c; authors in its order).
BIND_AUTHORS = ("Mark Andrews", "James Brister", "Ben Cottrell", "Michael Graff",
                "Andreas Gustafsson", "Bob Halley", "Evan Hunt", "JINMEI Tatuya",
                "Witold Krecicki", "David Lawrence", "Scott Mann", "Danny Mayer",
                "Damien Neil", "Matt Nelson", "Jeremy C. Reed", "Michael Sawyer",
                "Brian Wellington", "Curtis Blackburn", "John H. DuBois III",
                "Francis Dupont")  # fmt: skip
_CHAOS_ZONES = ("version.bind", "hostname.bind", "authors.bind", "id.server")


class DnsError(ValueError):
    """Bytes that are not a DNS query we can read."""


@dataclass(frozen=True)
class Query:
    id: int
    flags: int
    qname: str  # lower case, without the final dot; "" for the root or no question
    qtype: int
    qclass: int
    question: bytes  # the question section exactly as sent (empty without one)
    edns_size: int | None
    dnssec_ok: bool
    edns_version: int = 0
    cookie: bytes | None = None  # the client cookie (8 bytes) when one was sent
    has_question: bool = True

    @property
    def recursion_desired(self) -> bool:
        return bool(self.flags & _RD)

    @property
    def opcode(self) -> int:
        return (self.flags >> 11) & 0xF


def _name(data: bytes, pos: int) -> tuple[str, int]:
    """A question name (no compression in a question); (name, position after it)."""
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


def _skip_name(data: bytes, pos: int) -> int:
    """The position after a record's owner name, which may end in a compression pointer."""
    for _ in range(128):
        if pos >= len(data):
            raise DnsError("name runs past the packet")
        length = data[pos]
        if length & 0xC0 == 0xC0:
            return pos + 2
        if length & 0xC0:
            raise DnsError("extended label type")
        pos += 1 + length
        if length == 0:
            return pos
    raise DnsError("name with too many labels")


def parse_query(data: bytes) -> Query:
    if len(data) < _HEADER.size:
        raise DnsError(f"{len(data)} bytes is shorter than a DNS header")
    ident, flags, qdcount, ancount, nscount, arcount = _HEADER.unpack_from(data)
    if flags & _QR:
        raise DnsError("the datagram is a response, not a query")
    if qdcount > 1:
        raise DnsError(f"{qdcount} questions (one at most)")
    qname, qtype, qclass, pos = "", 0, 0, _HEADER.size
    if qdcount:
        qname, pos = _name(data, pos)
        if pos + 4 > len(data):
            raise DnsError("question type and class cut short")
        qtype, qclass = struct.unpack_from(">HH", data, pos)
        pos += 4
    question = data[_HEADER.size : pos]
    if ancount + nscount + arcount > MAX_RECORDS:
        raise DnsError("too many records")
    edns_size: int | None = None
    dnssec_ok, version, cookie = False, 0, None
    for index in range(ancount + nscount + arcount):
        start = pos
        pos = _skip_name(data, pos)
        if pos + 10 > len(data):
            raise DnsError("record cut short")
        rtype, rclass, ttl, rdlength = struct.unpack_from(">HHIH", data, pos)
        pos += 10
        if pos + rdlength > len(data):
            raise DnsError("record data runs past the packet")
        if rtype == TYPE_OPT:
            if index < ancount + nscount or edns_size is not None or data[start] != 0:
                raise DnsError("OPT record out of place, repeated or not at the root")
            edns_size, dnssec_ok, version = rclass, bool(ttl & 0x8000), (ttl >> 16) & 0xFF
            cookie = _cookie(data[pos : pos + rdlength])
        pos += rdlength
    return Query(
        ident, flags, qname, qtype, qclass, question, edns_size, dnssec_ok, version, cookie,
        bool(qdcount),
    )  # fmt: skip


def _cookie(options: bytes) -> bytes | None:
    """The client cookie among an OPT record's options; a malformed cookie is a FORMERR."""
    pos = 0
    while pos + 4 <= len(options):
        code, length = struct.unpack_from(">HH", options, pos)
        pos += 4
        if pos + length > len(options):
            raise DnsError("EDNS option runs past the OPT record")
        if code == OPT_COOKIE:
            if length != 8 and not 16 <= length <= 40:
                raise DnsError(f"a {length}-byte cookie")
            return options[pos : pos + 8]
        pos += length
    if pos != len(options):
        raise DnsError("EDNS option header cut short")
    return None


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


# Records and their wire form ------------------------------------------------------------------

Name = tuple[str, ...]  # labels, lower case


@dataclass(frozen=True)
class Record:
    name: str
    type: int
    ttl: int
    rdata: tuple[bytes | Name, ...]  # bytes, or names that may be compressed (NS, SOA)
    rclass: int = CLASS_IN


def _labels(name: str) -> Name:
    return tuple(name.split(".")) if name else ()


class _Writer:
    """A message being written, with BIND's name compression, within ``limit`` bytes.

    As named 9.18 does (measured: the SOA after the question ``a.b.www.example.net`` spells
    ``example.net`` out, after ``nothere.example.net`` it points into the question), a name
    written out makes only its whole self and the suffix after its first label available to
    later pointers, not every suffix."""

    def __init__(self, limit: int) -> None:
        self.out = bytearray()
        self.limit = limit
        self._offsets: dict[Name, int] = {}

    def name(self, labels: Name) -> None:
        for i in range(len(labels)):
            suffix = labels[i:]
            at = self._offsets.get(suffix)
            if at is not None:
                self.out += struct.pack(">H", 0xC000 | at)
                return
            if i < 2 and len(self.out) < 0x4000:  # BIND 9.18 remembers only these two
                self._offsets[suffix] = len(self.out)
            label = labels[i].encode("ascii", "replace")
            self.out += bytes([len(label)]) + label
        self.out.append(0)

    def record(self, r: Record) -> bool:
        """Append ``r``; False (and nothing written) if it does not fit."""
        mark, offsets = len(self.out), dict(self._offsets)
        self.name(_labels(r.name))
        self.out += struct.pack(">HHI", r.type, r.rclass, r.ttl)
        length_at = len(self.out)
        self.out += b"\x00\x00"
        for part in r.rdata:
            if isinstance(part, bytes):
                self.out += part
            else:
                self.name(part)
        struct.pack_into(">H", self.out, length_at, len(self.out) - length_at - 2)
        if len(self.out) > self.limit:
            del self.out[mark:]
            self._offsets = offsets
            return False
        return True


@dataclass
class Reply:
    """A response before it is written: header fields, sections and the OPT record."""

    query: Query
    rcode: int = NOERROR
    flags: int = 0  # AA, AD kept, ...
    answer: list[Record] = field(default_factory=list)
    authority: list[Record] = field(default_factory=list)
    additional: list[Record] = field(default_factory=list)
    ede: int | None = None
    question: bool = True

    def render(self, limit: int, server_cookie: Callable[[bytes], bytes]) -> tuple[bytes, bool]:
        """The message in at most ``limit`` bytes, and whether it had to be truncated."""
        q = self.query
        opt = b""
        if q.edns_size is not None:
            options = b""
            if q.cookie is not None and self.rcode != BADVERS:
                value = q.cookie + server_cookie(q.cookie)
                options += struct.pack(">HH", OPT_COOKIE, len(value)) + value
            if self.ede is not None:
                options += struct.pack(">HHH", OPT_EDE, 2, self.ede)
            ttl = ((self.rcode >> 4) << 24) | (0x8000 if q.dnssec_ok else 0)
            opt = b"\x00" + struct.pack(">HHIH", TYPE_OPT, MAX_UDP, ttl, len(options)) + options
        w = _Writer(limit - len(opt))
        w.out += b"\x00" * _HEADER.size
        if self.question and q.has_question:
            w.name(_labels(q.qname))
            w.out += struct.pack(">HH", q.qtype, q.qclass)
        counts = [0, 0, 0]
        truncated = False
        for i, section in enumerate((self.answer, self.authority, self.additional)):
            for r in section:
                if not w.record(r):
                    truncated = i < 2  # additional data that does not fit is left out
                    break
                counts[i] += 1
            if truncated:
                break
        flags = _QR | (q.flags & 0x7800) | self.flags
        if q.opcode == OP_QUERY:  # other opcodes get RD and CD cleared
            flags |= q.flags & (_RD | _CD)
        flags |= (_TC | (q.flags & _AD)) if truncated else 0
        flags |= self.rcode & 0xF
        qd = 1 if self.question and q.has_question else 0
        arcount = counts[2] + (1 if opt else 0)
        _HEADER.pack_into(w.out, 0, q.id, flags, qd, counts[0], counts[1], arcount)
        return bytes(w.out) + opt, truncated


# The zone ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DnsSettings:
    """The persona: the zone served and what the server says of itself."""

    zone: str = "example.net"
    nameservers: tuple[str, ...] = ("ns1.example.net",)
    hostmaster: str = "hostmaster.example.net"
    serial: int = 2024061501
    refresh: int = 7200
    retry: int = 3600
    expire: int = 1209600
    minimum: int = 300
    version: str = "9.18.49-1~deb12u3-Debian"
    hostname: str = "ns1"


class Zone:
    """One zone's records, by name, each name's RRsets in the order first seen (as BIND keeps
    them from a zone file: SOA, NS, then the records in configuration order)."""

    def __init__(
        self,
        settings: DnsSettings,
        records: dict[str, list[ipaddress.IPv4Address | ipaddress.IPv6Address]],
        ttl: int,
    ) -> None:
        s = settings
        self.origin = s.zone.strip(".").lower()
        self.ttl = ttl
        self.nodes: dict[str, dict[int, list[Record]]] = {}
        soa = struct.pack(">IIIII", s.serial, s.refresh, s.retry, s.expire, s.minimum)
        mname = _labels(s.nameservers[0].strip(".").lower()) if s.nameservers else ()
        rname = _labels(s.hostmaster.strip(".").lower())
        self.soa = Record(self.origin, TYPE_SOA, ttl, (mname, rname, soa))
        self.negative_soa = Record(self.origin, TYPE_SOA, min(ttl, s.minimum), self.soa.rdata)
        self._add(self.soa)
        for ns in s.nameservers:
            self._add(Record(self.origin, TYPE_NS, ttl, (_labels(ns.strip(".").lower()),)))
        for name, addresses in records.items():
            if not self.holds(name):
                continue
            for address in addresses:
                rtype = TYPE_A if address.version == 4 else TYPE_AAAA
                self._add(Record(name, rtype, ttl, (address.packed,)))
        for rrsets in self.nodes.values():
            for rtype, rrset in rrsets.items():
                rrset.sort(key=lambda r: b"".join(p for p in r.rdata if isinstance(p, bytes)))
                rrsets[rtype] = rrset
        # Names that exist only because a longer name is below them (empty non-terminals).
        self.names = set(self.nodes)
        for name in list(self.nodes):
            labels = name.split(".")
            for i in range(1, len(labels)):
                parent = ".".join(labels[i:])
                if self.holds(parent):
                    self.names.add(parent)

    def _add(self, r: Record) -> None:
        self.nodes.setdefault(r.name, {}).setdefault(r.type, []).append(r)

    def holds(self, name: str) -> bool:
        return name == self.origin or name.endswith("." + self.origin)

    def glue(self, exclude: list[Record]) -> list[Record]:
        """The addresses of the zone's name servers that are in the zone, A before AAAA."""
        out: list[Record] = []
        for ns in self.nodes[self.origin].get(TYPE_NS, []):
            target = ".".join(p for part in ns.rdata if isinstance(part, tuple) for p in part)
            for rtype in (TYPE_A, TYPE_AAAA):
                out += [r for r in self.nodes.get(target, {}).get(rtype, []) if r not in exclude]
        return out

    def transfer(self) -> list[Record]:
        """The zone as AXFR sends it: SOA, the apex, every other name in DNSSEC order, SOA."""
        out = [self.soa]
        for rtype, rrset in self.nodes[self.origin].items():
            if rtype != TYPE_SOA:
                out += rrset
        others = sorted((n for n in self.nodes if n != self.origin), key=_canonical)
        for name in others:
            for rrset in self.nodes[name].values():
                out += rrset
        return [*out, self.soa]


def _canonical(name: str) -> tuple[bytes, ...]:
    return tuple(label.encode() for label in reversed(name.split(".")))


def _chaos_soa(zone: str) -> Record:
    labels = _labels(zone)
    soa = struct.pack(">IIIII", 0, 28800, 7200, 604800, 86400)
    return Record(zone, TYPE_SOA, 86400, (labels, ("hostmaster", *labels), soa), CLASS_CH)


def _txt(name: str, text: str) -> Record:
    raw = text.encode("utf-8", "replace")[:255]
    return Record(name, TYPE_TXT, 0, (bytes([len(raw)]) + raw,), CLASS_CH)


# The responder -------------------------------------------------------------------------------


class DnsResponder:
    def __init__(
        self,
        records: dict[str, list[ipaddress.IPv4Address | ipaddress.IPv6Address]],
        ttl: int,
        settings: DnsSettings | None = None,
        now: Callable[[], float] | None = None,
        shuffle: Callable[[list[Record]], None] | None = None,
    ) -> None:
        self.settings = settings or DnsSettings()
        self.zone = Zone(self.settings, records, ttl)
        self._now = now or (lambda: 0.0)
        self._secret = os.urandom(16)
        self._shuffle = shuffle or random.shuffle

    # UDP

    def respond(self, data: bytes, source: str) -> Answer:
        reply, detail = self.answer(data, source, tcp=False)
        return Answer(reply, detail)

    def answer(self, data: bytes, source: str, *, tcp: bool) -> tuple[bytes, dict[str, JSONValue]]:
        """The reply to one message (b"" for none) and what to record of it."""
        try:
            query = parse_query(data)
        except DnsError as e:
            return self._unreadable(data, str(e))
        detail: dict[str, JSONValue] = {
            "service": "dns",
            "qname": query.qname[:255],
            "qtype": _TYPE_NAMES.get(query.qtype, str(query.qtype)),
            "recursion_desired": query.recursion_desired,
            "edns_size": query.edns_size,
        }
        if query.qtype == TYPE_ANY or (
            query.qtype in _LARGE_ANSWER_TYPES and (query.edns_size or 0) > MAX_UDP
        ):
            detail["amplification_probe"] = True
        if query.qtype in (TYPE_AXFR, TYPE_IXFR):
            detail["zone_transfer"] = True
        if query.recursion_desired and query.has_question and not self.zone.holds(query.qname):
            detail["open_resolver_probe"] = True
        reply = self._reply(query, tcp)
        limit = MAX_TCP if tcp else _udp_room(query)
        wire, truncated = reply.render(limit, lambda client: self._server_cookie(client, source))
        if truncated:
            detail["truncated"] = True
        detail["rcode"] = reply.rcode
        detail["answers"] = struct.unpack_from(">H", wire, 6)[0]
        return wire, detail

    def _unreadable(self, data: bytes, error: str) -> tuple[bytes, dict[str, JSONValue]]:
        """What BIND does with a message it cannot parse: a bare FORMERR header echoing the id,
        opcode and RD, or nothing for a response or a header cut short."""
        detail: dict[str, JSONValue] = {"service": "dns", "error": error}
        if len(data) < _HEADER.size:
            return b"", detail
        if data[2] & 0x80:
            detail["reflected"] = True  # a response sent to us: someone spoofed our address
            return b"", detail
        ident, flags = struct.unpack_from(">HH", data)
        header = _HEADER.pack(ident, _QR | (flags & (0x7800 | _RD)) | FORMERR, 0, 0, 0, 0)
        return header, detail

    def _reply(self, q: Query, tcp: bool) -> Reply:  # noqa: PLR0911 - one case per answer kind
        if q.edns_size is not None and q.edns_version > 0:
            return Reply(q, rcode=BADVERS)
        if q.opcode in (OP_NOTIFY, OP_UPDATE):
            return Reply(q, rcode=FORMERR)
        if q.opcode != OP_QUERY:
            return Reply(q, rcode=NOTIMP, question=False)
        if not q.has_question:
            return Reply(q, rcode=NOERROR if q.edns_size is not None else FORMERR)
        if q.qclass == CLASS_ANY:
            return Reply(q, rcode=FORMERR)
        if q.qclass == CLASS_CH:
            return self._chaos(q)
        if q.qclass != CLASS_IN:
            return Reply(q, rcode=REFUSED, ede=EDE_PROHIBITED)
        if not self.zone.holds(q.qname):
            return Reply(q, rcode=REFUSED)
        if q.qtype in (TYPE_AXFR, TYPE_IXFR):
            if not tcp:
                if q.qtype == TYPE_IXFR:  # over UDP: "too large", the SOA alone, go to TCP
                    return Reply(q, flags=_AA, answer=[self.zone.soa])
                return Reply(q, rcode=FORMERR)
            return Reply(q, flags=_AA, answer=self.zone.transfer())
        return self._authoritative(q)

    def _authoritative(self, q: Query) -> Reply:
        zone = self.zone
        node = zone.nodes.get(q.qname)
        if node is None:
            rcode = NOERROR if q.qname in zone.names else NXDOMAIN
            return Reply(q, rcode=rcode, flags=_AA, authority=[zone.negative_soa])
        if q.qtype == TYPE_ANY:
            answer = [r for rrset in node.values() for r in rrset]
            return Reply(q, flags=_AA, answer=answer)
        answer = list(node.get(q.qtype, []))
        if not answer:
            return Reply(q, flags=_AA, authority=[zone.negative_soa])
        reply = Reply(q, flags=_AA, answer=answer)
        if q.qtype == TYPE_NS and q.qname == zone.origin:
            reply.additional = zone.glue(answer)
        elif not q.recursion_desired:
            reply.authority = list(zone.nodes[zone.origin].get(TYPE_NS, []))
            reply.additional = zone.glue(answer)
        return reply

    def _chaos(self, q: Query) -> Reply:
        zone = next((z for z in _CHAOS_ZONES if q.qname == z or q.qname.endswith("." + z)), None)
        if zone is None:
            return Reply(q, rcode=REFUSED)
        soa = _chaos_soa(zone)
        if q.qname != zone:
            return Reply(q, rcode=NXDOMAIN, flags=_AA, authority=[soa])
        txt: list[Record] = []
        if zone == "version.bind":
            txt = [_txt(zone, self.settings.version)]
        elif zone == "hostname.bind":
            txt = [_txt(zone, self.settings.hostname)]
        elif zone == "authors.bind":
            txt = [_txt(zone, author) for author in BIND_AUTHORS]
            self._shuffle(txt)
        ns = Record(zone, TYPE_NS, 0, (_labels(zone),), CLASS_CH)
        by_type = {TYPE_TXT: txt, TYPE_SOA: [soa], TYPE_NS: [ns]}
        if q.qtype == TYPE_ANY:
            return Reply(q, flags=_AA, answer=[*txt, soa, ns])
        answer = by_type.get(q.qtype, [])
        if not answer:
            return Reply(q, flags=_AA, authority=[soa])
        return Reply(q, flags=_AA, answer=answer)

    def _server_cookie(self, client: bytes, source: str) -> bytes:
        """A BIND-shaped server cookie (RFC 9018): version 1, three reserved bytes, the time
        and an 8-byte hash of the client cookie, the time and the client's address."""
        stamp = struct.pack(">I", int(self._now()) & 0xFFFFFFFF)
        digest = hashlib.sha256(self._secret + client + stamp + source.encode()).digest()
        return b"\x01\x00\x00\x00" + stamp + digest[:8]


def _udp_room(query: Query) -> int:
    """The largest UDP answer to ``query``: 512 bytes without EDNS (RFC 1035), else the client's
    EDNS buffer size within 512 and BIND 9.18's ``max-udp-size`` of 1232."""
    if query.edns_size is None:
        return 512
    return max(512, min(query.edns_size, MAX_UDP))


udp_room = _udp_room


class DnsTcpDialogue:
    """DNS over TCP on the trap's port (RFC 7766): two-byte length-prefixed messages, each
    answered in full as named answers over TCP (no TC), AXFR included. The connection stays
    open for more queries until the client closes it or the trap's timeouts do."""

    def __init__(self, responder: DnsResponder, source: str) -> None:
        self._responder = responder
        self._source = source
        self._buffer = bytearray()
        self._queries: list[JSONValue] = []

    def start(self) -> Step:
        return Step()

    def receive(self, data: bytes) -> Step:
        self._buffer += data
        replies = bytearray()
        found = []
        while len(self._buffer) >= 2:
            length = struct.unpack_from(">H", self._buffer)[0]
            if len(self._buffer) < 2 + length:
                break
            message = bytes(self._buffer[2 : 2 + length])
            del self._buffer[: 2 + length]
            reply, detail = self._responder.answer(message, self._source, tcp=True)
            if reply:
                replies += struct.pack(">H", len(reply)) + reply
            shown = {k: v for k, v in detail.items() if k in ("qname", "qtype", "rcode", "error")}
            findings.listed(self._queries, shown)
            if detail.get("zone_transfer"):
                found.append(findings.request("dns", {"method": "AXFR", **shown}))
        detail_out: dict[str, JSONValue] = {"service": "dns", "queries": list(self._queries)}
        return Step(reply=bytes(replies), detail=detail_out, findings=tuple(found))

    def stop(self) -> None:
        self._buffer.clear()
