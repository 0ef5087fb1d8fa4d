"""Signed v2 items, sans-IO: the envelopes that carry intelligence and the membership records.

Everything the mesh shares beyond its own connection is a signed item (docs/MESH-PROTOCOL.md,
"Signed items")::

    item := signature(64)  payload          payload := canonical JSON object, UTF-8

The Ed25519 signature, by the key whose hex is the payload's ``pub``, covers the exact payload
bytes that travel. Relays forward items unchanged and never re-sign, so the publisher's
signature holds end to end. ``parse_signal`` and ``parse_record`` check structure only (cheap,
before any signature work, so duplicates can be dropped first); ``verify`` checks the
signature. Both raise one error type, ``EnvelopeError``, with a stable ``reason`` code.

A signal's classification level bounds what its body may carry: L1 the indicator (target,
reason code), L2 adds fingerprints (JA4, JA3), L3 aggregated behaviour (ports, counts,
window), L4 a sanitized payload excerpt. A body with a field above its level is refused.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from ipaddress import IPv4Network
from typing import Any, Literal

from nacl.exceptions import BadSignatureError
from nacl.signing import SigningKey, VerifyKey

from honeymesh.mesh.wire import MAX_ITEM, SIGNATURE_BYTES, WireError, decode_json, encode_json
from honeymesh.net import Network, normalize_network

SCHEMA = "v2"
LEVELS = ("L1", "L2", "L3", "L4")
Level = Literal["L1", "L2", "L3", "L4"]
SignalKind = Literal["ban", "unban", "allow", "observation"]
RecordKind = Literal["admit", "remove", "claim"]
SIGNAL_KINDS: tuple[SignalKind, ...] = ("ban", "unban", "allow", "observation")
RECORD_KINDS: tuple[RecordKind, ...] = ("admit", "remove", "claim")

MAX_SEQ = 2**53 - 1
MAX_TIME_MS = 2**53 - 1
HEX_ID = re.compile(r"[0-9a-f]{32}")
NODE_ID = re.compile(r"[0-9a-f]{64}")
CLAIM_REF = re.compile(r"[0-9a-f]{64}")
CLUSTER = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
REASON = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
JA4 = re.compile(r"[tqd][0-9a-z]{9}_[0-9a-f]{12}_[0-9a-f]{12}")
JA3 = re.compile(r"[0-9a-f]{32}")
MAX_PORTS = 64
MAX_EXCERPT = 512

_SIGNAL_FIELDS = frozenset({"v", "id", "pub", "seq", "ts", "exp", "cls", "kind", "claim",
                            "cluster", "body"})  # fmt: skip
_RECORD_FIELDS = frozenset({"v", "id", "pub", "ts", "kind", "cluster", "body"})
# What each level adds to a signal body; a level may carry its own and every lower level's.
_LEVEL_FIELDS: dict[str, frozenset[str]] = {
    "L1": frozenset({"target", "reason", "ref"}),
    "L2": frozenset({"ja4", "ja3"}),
    "L3": frozenset({"ports", "count", "window"}),
    "L4": frozenset({"excerpt"}),
}


class EnvelopeError(Exception):
    """A signed item is malformed or its signature does not verify."""

    def __init__(self, reason: str, detail: str) -> None:
        self.reason = reason
        self.detail = detail
        super().__init__(f"{reason}: {detail}")


def allowed_fields(level: str) -> frozenset[str]:
    """The body fields a signal of ``level`` may carry."""
    return _ALLOWED[level]


_ALLOWED = {
    level: frozenset().union(*(_LEVEL_FIELDS[name] for name in LEVELS[: i + 1]))
    for i, level in enumerate(LEVELS)
}


def level_rank(level: str) -> int:
    return LEVELS.index(level) + 1


class _Signed:
    """signature(64) || payload: what both kinds of item are, exactly as they travel."""

    raw: bytes

    @property
    def payload(self) -> bytes:
        return self.raw[SIGNATURE_BYTES:]

    @property
    def signature(self) -> bytes:
        return self.raw[:SIGNATURE_BYTES]


@dataclass(frozen=True)
class Signal(_Signed):
    """A ban, unban, allow or observation as published; ``raw`` is the item as it travels."""

    raw: bytes
    id: str
    publisher: str
    seq: int
    ts: int  # publisher's clock, unix milliseconds
    exp: int  # unix milliseconds: the signal (and a ban it carries) ends then
    level: Level
    kind: SignalKind
    claim: str  # sha256 hex of the publisher's capability claim
    cluster: str
    body: dict[str, Any]
    target: Network

    @property
    def reason(self) -> str:
        return str(self.body.get("reason", ""))

    @property
    def ref(self) -> str | None:
        """For an unban: the id of the ban it lifts."""
        ref = self.body.get("ref")
        return ref if isinstance(ref, str) else None


@dataclass(frozen=True)
class Record(_Signed):
    """A membership record (admit, remove) or a node's capability claim, as signed."""

    raw: bytes
    id: str
    publisher: str
    ts: int
    kind: RecordKind
    cluster: str
    body: dict[str, Any]


def new_id() -> str:
    """A random 128-bit event id, as 32 hex digits."""
    return os.urandom(16).hex()


def seal(key: SigningKey, fields: dict[str, Any]) -> bytes:
    """Sign the canonical encoding of ``fields``; the item is signature || payload."""
    payload = encode_json(fields)
    if len(payload) + SIGNATURE_BYTES > MAX_ITEM:
        raise EnvelopeError("too-large", f"a payload of {len(payload)} bytes cannot be sent")
    return key.sign(payload).signature + payload


def verify(item: Signal | Record) -> None:
    """Check the signature against the publisher's key (its node id); EnvelopeError if not."""
    try:
        VerifyKey(bytes.fromhex(item.publisher)).verify(item.payload, item.signature)
    except (BadSignatureError, ValueError):
        raise EnvelopeError(
            "bad-signature", f"item {item.id} is not signed by its publisher"
        ) from None


def _open(raw: bytes, fields: frozenset[str], what: str) -> dict[str, Any]:
    if not SIGNATURE_BYTES < len(raw) <= MAX_ITEM:
        raise EnvelopeError("bad-size", f"{what} of {len(raw)} bytes (65 to {MAX_ITEM})")
    try:
        obj = decode_json(raw[SIGNATURE_BYTES:], what=what, budget=MAX_ITEM)
    except WireError as e:
        raise EnvelopeError("bad-json", e.detail) from None
    version = obj.get("v")
    if version != SCHEMA:
        if version is None:
            raise EnvelopeError("unversioned", f"{what} carries no schema version")
        raise EnvelopeError("bad-version", f"{what} has schema {str(version)[:16]!r}, not v2")
    if obj.keys() != fields:
        missing = sorted(fields - obj.keys())
        extra = sorted(obj.keys() - fields)
        raise EnvelopeError("bad-fields", f"{what}: missing {missing}, unexpected {extra}")
    _match(HEX_ID, obj["id"], "id")
    _match(NODE_ID, obj["pub"], "pub")
    _match(CLUSTER, obj["cluster"], "cluster")
    _integer(obj["ts"], "ts", MAX_TIME_MS)
    if not isinstance(obj["body"], dict):
        raise EnvelopeError("bad-field", "body must be an object")
    return obj


def parse_signal(raw: bytes) -> Signal:
    """A signal's structure, checked (not its signature: call ``verify``)."""
    obj = _open(raw, _SIGNAL_FIELDS, "a signal")
    kind = obj["kind"]
    if kind not in SIGNAL_KINDS:
        raise EnvelopeError("bad-kind", f"signal kind {str(kind)[:16]!r} is unknown")
    level = obj["cls"]
    if level not in LEVELS:
        raise EnvelopeError("bad-level", f"classification {str(level)[:8]!r} is not L1 to L4")
    seq = _integer(obj["seq"], "seq", MAX_SEQ)
    if seq < 1:
        raise EnvelopeError("bad-field", "seq starts at 1")
    exp = _integer(obj["exp"], "exp", MAX_TIME_MS)
    if exp <= obj["ts"]:
        raise EnvelopeError("bad-field", "exp must be after ts")
    _match(CLAIM_REF, obj["claim"], "claim")
    body = obj["body"]
    target = _check_body(body, level, kind)
    return Signal(
        raw=raw,
        id=obj["id"],
        publisher=obj["pub"],
        seq=seq,
        ts=obj["ts"],
        exp=exp,
        level=level,
        kind=kind,
        claim=obj["claim"],
        cluster=obj["cluster"],
        body=body,
        target=target,
    )


def parse_record(raw: bytes) -> Record:
    """A membership or claim record's structure, checked (not its signature)."""
    obj = _open(raw, _RECORD_FIELDS, "a record")
    kind = obj["kind"]
    if kind not in RECORD_KINDS:
        raise EnvelopeError("bad-kind", f"record kind {str(kind)[:16]!r} is unknown")
    body = obj["body"]
    if kind in ("admit", "remove"):
        _match(NODE_ID, body.get("node"), "body.node")
    return Record(
        raw=raw,
        id=obj["id"],
        publisher=obj["pub"],
        ts=obj["ts"],
        kind=kind,
        cluster=obj["cluster"],
        body=body,
    )


def _check_body(body: dict[str, Any], level: str, kind: str) -> Network:
    extra = body.keys() - _ALLOWED[level]
    if extra:
        above = sorted(extra)
        raise EnvelopeError("level-mismatch", f"a {level} signal may not carry {above}")
    network = _target(body.get("target"))
    if "reason" in body:
        _match(REASON, body["reason"], "body.reason")
    if kind == "unban":
        _match(HEX_ID, body.get("ref"), "body.ref")
    elif "ref" in body:
        raise EnvelopeError("bad-field", "only an unban refers to another signal")
    if "ja4" in body:
        _match(JA4, body["ja4"], "body.ja4")
    if "ja3" in body:
        _match(JA3, body["ja3"], "body.ja3")
    _check_behaviour(body)
    return network


def _target(target: object) -> Network:
    if not isinstance(target, str) or len(target) > 64:
        raise EnvelopeError("bad-field", "body.target must be an address or CIDR network")
    v4 = _CANONICAL_V4.fullmatch(target)
    if v4:  # most targets: an IPv4 network, read from its digits (ipaddress's parser is slow)
        a, b, c, d, prefix = map(int, v4.groups())
        address = a << 24 | b << 16 | c << 8 | d
        if address & (_ALL_V4 >> prefix):
            raise EnvelopeError("bad-field", f"body.target {target!r} is not in canonical form")
        network: Network = IPv4Network((address, prefix))
    else:
        try:
            network = normalize_network(target)
        except ValueError:
            raise EnvelopeError(
                "bad-field", f"body.target {target[:64]!r} is not a network"
            ) from None
        if str(network) != target:
            raise EnvelopeError("bad-field", f"body.target {target!r} is not in canonical form")
    problem = unshareable(network)
    if problem:
        raise EnvelopeError("bad-target", f"body.target {target}: {problem}")
    return network


MIN_PREFIX = {4: 8, 6: 16}
_ALL_V4 = 0xFFFFFFFF
_OCTET = r"(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
# An IPv4 network exactly as str(IPv4Network) writes it (host bits aside): no leading zeros.
_CANONICAL_V4 = re.compile(rf"{_OCTET}\.{_OCTET}\.{_OCTET}\.{_OCTET}/(3[0-2]|[12]?[0-9])")


def unshareable(network: Network) -> str | None:
    """Why no signal may name this network, or None. A mesh ban of these would cut a node off
    its own link or everyone off everything: unspecified, loopback, multicast, link-local
    (IPv6 neighbour discovery lives there), and anything wider than a /8 (IPv4) or /16 (IPv6).
    """
    addr = network.network_address
    if network.prefixlen < MIN_PREFIX[network.version]:
        return f"wider than /{MIN_PREFIX[network.version]}"
    for flag in ("is_unspecified", "is_loopback", "is_multicast", "is_link_local"):
        if getattr(addr, flag):
            return flag.removeprefix("is_").replace("_", "-") + " addresses are never shared"
    if network.version == 4 and int(addr) | (_ALL_V4 >> network.prefixlen) == _ALL_V4:
        return "the broadcast address is never shared"  # the network ends at 255.255.255.255
    return None


def _check_behaviour(body: dict[str, Any]) -> None:
    """The L3 and L4 fields: ports, counts, window, excerpt."""
    if "ports" in body:
        ports = body["ports"]
        if not isinstance(ports, list) or len(ports) > MAX_PORTS:
            raise EnvelopeError("bad-field", f"body.ports must be a list of at most {MAX_PORTS}")
        for port in ports:
            _integer(port, "body.ports[]", 65535)
    for name in ("count", "window"):
        if name in body:
            _integer(body[name], f"body.{name}", 2**32 - 1)
    if "excerpt" in body:
        excerpt = body["excerpt"]
        if not isinstance(excerpt, str) or len(excerpt) > MAX_EXCERPT or not excerpt.isprintable():
            raise EnvelopeError("bad-field", "body.excerpt must be printable text, 512 at most")


def _match(pattern: re.Pattern[str], value: object, name: str) -> str:
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise EnvelopeError("bad-field", f"{name} is not of the form {pattern.pattern}")
    return value


def _integer(value: object, name: str, maximum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= maximum:
        raise EnvelopeError("bad-field", f"{name} must be a whole number from 0 to {maximum}")
    return value
