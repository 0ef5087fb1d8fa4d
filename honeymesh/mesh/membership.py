"""Cluster membership, sans-IO: a pure function of a set of signed records.

There is no coordinator. Every node holds the records it has seen (docs/MESH.md, "Membership")
and computes the same members from the same set, whatever order the records arrived in. A
record is a signed item (``envelope.seal``) whose payload is::

    {"v": "v2", "id": <32 hex>, "pub": <signer node id>, "ts": <unix ms>, "kind": ...,
     "cluster": <cluster id>, "body": {...}}

``admit``   ``{"node", "name", "addr": ["host:port", ...], "admin": bool, "token"}``: the signer
            admits ``node``; ``admin`` says whether ``node`` may admit and remove others; ``token``
            names the join token redeemed, or is ``"genesis"``.
``remove``  ``{"node", "reason"}``: the signer removes ``node``.
``claim``   ``{"claim": <base64 capability claim>, "addr", "name"}``, signed by the node itself:
            its current capability claim (``honeymesh.license.claim``) and addresses. The latest
            ``(ts, id)`` per node wins; older claims are dropped.

The **genesis** is the admit a node signs for itself with ``token == "genesis"``: it founds the
cluster. A ``Membership`` accepts exactly one, the first it is given; any other is refused.

The rules, applied to the whole set each time it grows:

1. *Ever-admitted*: the genesis node; then any node named by an admit whose signer is
   ever-admitted and an admin (the genesis node is an admin; another node is an admin when one of
   the admits that count for it says ``admin: true``). This is a fixpoint: a tree rooted at the
   genesis. Timestamps play no part, so an admission chain holds even across skewed clocks.
2. A remove of X is valid when its signer is an ever-admitted admin (rule 1). X's *removal
   time* is the least ts of the valid removes of X. Removal is permanent for that node id: a
   removed node comes back only with a new identity.
3. Admissions are computed again as in rule 1, leaving out every admit whose ts is at or after its
   signer's removal time: a removed admitter cannot admit after its removal.
4. Members are the nodes admitted by rule 3 that have no removal time.

A node's name and addresses are those of its earliest counting admit (the genesis record for the
genesis node), replaced by its latest claim's when it has one. There is no demotion short of
removal: an admit with ``admin: false`` does not take away what another admit granted.

Known limitation: the cut-off in rule 3 trusts the signer's clock. A removed node's key can still
sign an admit dated before its removal, and that admit counts. The remedy is to remove the node
it admitted as well. The same key can sign removes, dated whenever it likes, as any admin key can:
treat a removed admin's key as compromised, as everything it admitted before removal is trusted.

A record whose signer is not ever-admitted (rule 1) is *pending*: kept, because its signer's
admission may still arrive, but it confers nothing, is not counted by ``digest`` and is not sent by
``records``. At most ``max_pending`` are kept, so a stranger cannot grow memory without bound;
past that a new pending record is refused (it can come again by gossip once its signer is known).
Rule 1 only grows as records are added, so an accepted record never becomes pending again.

``status``, ``is_member`` and ``can_admit`` are dictionary lookups (they run in the TLS verify
callback); everything else is recomputed when a record is added, which happens at join time and
on gossip of records, never per packet.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from nacl.signing import SigningKey

from honeymesh.license.jsonbytes import JSONProblem, parse_json
from honeymesh.mesh.envelope import (
    CLUSTER,
    SCHEMA,
    EnvelopeError,
    Record,
    new_id,
    parse_record,
    seal,
    verify,
)
from honeymesh.mesh.wire import MAX_ITEM

MAX_PENDING = 1000
MAX_NAME = 64
MAX_REASON = 200
MAX_ADDRESSES = 8
MAX_ADDRESS = 80
GENESIS_TOKEN = "genesis"  # noqa: S105 - a marker, not a secret
TOKEN_ID = re.compile(r"[0-9a-f]{16}")
_HOST_PORT = re.compile(r"(\[[0-9A-Fa-f:.]{2,45}\]|[A-Za-z0-9][A-Za-z0-9.-]*):([0-9]{1,5})")
_BODY_FIELDS = {
    "admit": frozenset({"node", "name", "addr", "admin", "token"}),
    "remove": frozenset({"node", "reason"}),
    "claim": frozenset({"claim", "addr", "name"}),
}
_KIND_ORDER = {"admit": 1, "remove": 2, "claim": 3}

Status = Literal["member", "removed", "unknown"]
Outcome = Literal["accepted", "pending", "duplicate", "superseded"]


class MembershipError(Exception):
    """A record is refused; ``reason`` is a short stable code, the state is unchanged."""

    def __init__(self, reason: str, detail: str) -> None:
        self.reason = reason
        self.detail = detail
        super().__init__(f"{reason}: {detail}")


@dataclass(frozen=True)
class Added:
    """What adding one record did.

    ``admitted`` are the nodes that became members, ``removed`` those that stopped being members
    (removed, or their only admission stopped counting), ``claims`` the members whose claim
    changed (a newly admitted member that already has a claim included).
    """

    outcome: Outcome
    record_id: str
    kind: str
    admitted: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    claims: tuple[str, ...] = ()

    @property
    def new(self) -> bool:
        return self.outcome in ("accepted", "pending")


@dataclass(frozen=True)
class MemberView:
    node_id: str
    name: str
    addr: tuple[str, ...]
    admin: bool
    admitted_by: str
    admitted_at: int  # unix ms, the counting admit's ts
    has_claim: bool


@dataclass(frozen=True)
class _Claim:
    record: Record
    data: bytes
    ref: str  # sha256 hex of data
    name: str
    addr: tuple[str, ...]


def parse_addresses(value: object, *, what: str = "addr", least: int = 0) -> tuple[str, ...]:
    """A list of ``host:port`` strings (``[v6]:port`` for IPv6) checked, or ``ValueError``."""
    if not isinstance(value, list | tuple) or not least <= len(value) <= MAX_ADDRESSES:
        raise ValueError(f"{what} must be a list of {least} to {MAX_ADDRESSES} host:port strings")
    out = []
    for item in value:
        m = _HOST_PORT.fullmatch(item) if isinstance(item, str) else None
        if m is None or len(item) > MAX_ADDRESS or not 1 <= int(m.group(2)) <= 65535:
            shown = repr(item)[:MAX_ADDRESS]
            raise ValueError(f"{what} entry {shown} is not host:port of at most {MAX_ADDRESS}")
        out.append(item)
    return tuple(out)


def _text(value: object, name: str, limit: int) -> str:
    if not isinstance(value, str) or len(value) > limit or not value.isprintable():
        raise MembershipError("bad-field", f"{name} must be printable text of at most {limit}")
    return value


def _addresses(value: object, name: str) -> tuple[str, ...]:
    try:
        return parse_addresses(value, what=name)
    except ValueError as e:
        raise MembershipError("bad-field", str(e)) from None


def _check_body(kind: str, publisher: str, body: Mapping[str, Any]) -> None:
    fields = _BODY_FIELDS[kind]
    if set(body) != fields:
        raise MembershipError("bad-fields", f"a {kind} body has exactly {sorted(fields)}")
    if kind == "admit":
        _text(body["name"], "body.name", MAX_NAME)
        _addresses(body["addr"], "body.addr")
        if not isinstance(body["admin"], bool):
            raise MembershipError("bad-field", "body.admin must be true or false")
        token = body["token"]
        if token == GENESIS_TOKEN:
            if body["node"] != publisher or body["admin"] is not True:
                raise MembershipError(
                    "bad-field", "only a node admitting itself as admin signs a genesis"
                )
        elif not isinstance(token, str) or not TOKEN_ID.fullmatch(token):
            raise MembershipError("bad-field", "body.token must be a token id or 'genesis'")
    elif kind == "remove":
        _text(body["reason"], "body.reason", MAX_REASON)
    else:
        _text(body["name"], "body.name", MAX_NAME)
        _addresses(body["addr"], "body.addr")
        _claim_bytes(body["claim"], publisher)


def _claim_bytes(value: object, publisher: str) -> bytes:
    """The capability claim a claim record carries; its ``node_id`` must be the signer."""
    try:
        data = base64.b64decode(value if isinstance(value, str) else "?", validate=True)
    except (binascii.Error, ValueError):
        raise MembershipError("bad-field", "body.claim is not base64") from None
    try:
        obj = parse_json(data, budget=MAX_ITEM, what="the capability claim")
    except JSONProblem as e:
        raise MembershipError("bad-claim", e.detail) from None
    if not isinstance(obj, dict) or not isinstance(obj.get("node_id"), str):
        raise MembershipError("bad-claim", "the capability claim names no node_id")
    if obj["node_id"] != publisher:
        raise MembershipError("claim-mismatch", "the capability claim is for another node")
    return data


def _is_genesis(record: Record) -> bool:
    return (
        record.kind == "admit"
        and record.body["token"] == GENESIS_TOKEN
        and record.body["node"] == record.publisher
    )


def _order(record: Record) -> tuple[int, str]:
    return record.ts, record.id


# -- constructors ------------------------------------------------------------------------------


def _record(
    key: SigningKey, *, cluster: str, kind: str, body: dict[str, Any], now_ms: int
) -> bytes:
    if not CLUSTER.fullmatch(cluster):
        raise MembershipError("bad-field", f"cluster must be of the form {CLUSTER.pattern}")
    publisher = bytes(key.verify_key).hex()
    _check_body(kind, publisher, body)
    fields = {"v": SCHEMA, "id": new_id(), "pub": publisher, "ts": now_ms, "kind": kind,
              "cluster": cluster, "body": body}  # fmt: skip
    try:
        raw = seal(key, fields)
        parse_record(raw)
    except EnvelopeError as e:
        raise MembershipError(e.reason, e.detail) from None
    return raw


def genesis(key: SigningKey, *, cluster: str, name: str, addr: Sequence[str], now_ms: int) -> bytes:
    """The record that founds a cluster: its first node admits itself, as an admin."""
    node = bytes(key.verify_key).hex()
    body = {"node": node, "name": name, "addr": list(addr), "admin": True, "token": GENESIS_TOKEN}
    return _record(key, cluster=cluster, kind="admit", body=body, now_ms=now_ms)


def admit_record(
    key: SigningKey,
    *,
    cluster: str,
    node: str,
    name: str,
    addr: Sequence[str],
    admin: bool,
    token_id: str,
    now_ms: int,
) -> bytes:
    body = {"node": node, "name": name, "addr": list(addr), "admin": admin, "token": token_id}
    return _record(key, cluster=cluster, kind="admit", body=body, now_ms=now_ms)


def remove_record(key: SigningKey, *, cluster: str, node: str, reason: str, now_ms: int) -> bytes:
    body = {"node": node, "reason": reason}
    return _record(key, cluster=cluster, kind="remove", body=body, now_ms=now_ms)


def claim_record(
    key: SigningKey, *, cluster: str, claim: bytes, name: str, addr: Sequence[str], now_ms: int
) -> bytes:
    body = {"claim": base64.b64encode(claim).decode("ascii"), "name": name, "addr": list(addr)}
    return _record(key, cluster=cluster, kind="claim", body=body, now_ms=now_ms)


# -- the state -----------------------------------------------------------------------------------


class Membership:
    """The members of one cluster, computed from the records added (see the module docstring)."""

    def __init__(self, cluster: str, *, max_pending: int = MAX_PENDING) -> None:
        if not CLUSTER.fullmatch(cluster):
            raise ValueError(f"cluster must be of the form {CLUSTER.pattern}")
        self.cluster = cluster
        self._max_pending = max_pending
        self._genesis: Record | None = None
        self._by_id: dict[str, Record] = {}
        self._admits_by: dict[str, dict[str, Record]] = {}  # signer -> id -> admit
        self._removes: dict[str, Record] = {}
        self._claims: dict[str, _Claim] = {}  # node -> its latest claim
        # Derived, rebuilt by _recompute.
        self._ever: frozenset[str] = frozenset()
        self._pending: set[str] = set()
        self._status: dict[str, Status] = {}
        self._admins: frozenset[str] = frozenset()
        self._views: dict[str, MemberView] = {}
        self._refs: dict[str, str] = {}  # claim ref -> member node id

    # -- queries (O(1) where the TLS verify callback needs it) ----------------------------------

    @property
    def genesis_node(self) -> str | None:
        return None if self._genesis is None else self._genesis.publisher

    @property
    def pending_count(self) -> int:
        return len(self._pending)

    def status(self, node_id: str) -> Status:
        return self._status.get(node_id, "unknown")

    def is_member(self, node_id: str) -> bool:
        return self._status.get(node_id) == "member"

    def can_admit(self, node_id: str) -> bool:
        """Whether the node is a member that may admit and remove others."""
        return node_id in self._admins and self._status.get(node_id) == "member"

    def members(self) -> list[MemberView]:
        return sorted(self._views.values(), key=lambda v: (v.admitted_at, v.node_id))

    def member(self, node_id: str) -> MemberView | None:
        return self._views.get(node_id)

    def claim_of(self, node_id: str) -> bytes | None:
        """A member's latest capability claim, as signed inside its claim record."""
        claim = self._claims.get(node_id)
        return claim.data if claim is not None and self.is_member(node_id) else None

    def claim_by_ref(self, ref_hex: str) -> tuple[str, bytes] | None:
        """The member and claim whose sha256 hex is ``ref_hex`` (a signal's ``claim`` field)."""
        node = self._refs.get(ref_hex)
        return None if node is None else (node, self._claims[node].data)

    def addresses(self, node_id: str) -> tuple[str, ...]:
        view = self._views.get(node_id)
        return () if view is None else view.addr

    def digest(self) -> str:
        """sha256 hex over the sorted ids of the records held (pending ones aside)."""
        ids = sorted(i for i in self._by_id if i not in self._pending)
        return hashlib.sha256("".join(ids).encode("ascii")).hexdigest()

    def records(self) -> list[bytes]:
        """Every record held, pending ones aside: genesis, then admits, removes, claims."""
        held = [r for i, r in self._by_id.items() if i not in self._pending]
        genesis = self._genesis

        def key(r: Record) -> tuple[int, int, str]:
            return (0 if r is genesis else _KIND_ORDER[r.kind], r.ts, r.id)

        return [r.raw for r in sorted(held, key=key)]

    # -- adding ----------------------------------------------------------------------------------

    def add(self, raw: bytes) -> Added:
        """Take one record; ``Added`` says what changed. A ``MembershipError`` changes nothing."""
        try:
            record = parse_record(raw)
        except EnvelopeError as e:
            raise MembershipError(e.reason, e.detail) from None
        if record.cluster != self.cluster:
            raise MembershipError(
                "other-cluster", f"record {record.id} is for cluster {record.cluster!r}"
            )
        existing = self._by_id.get(record.id)
        if existing is not None and existing.raw == raw:
            return Added("duplicate", record.id, record.kind)
        _check_body(record.kind, record.publisher, record.body)
        try:
            verify(record)
        except EnvelopeError as e:
            raise MembershipError(e.reason, e.detail) from None
        is_genesis = _is_genesis(record)
        if is_genesis and self._genesis is not None:
            raise MembershipError(
                "other-genesis", f"this cluster was founded by {self._genesis.publisher[:16]}"
            )
        pending = not is_genesis and record.publisher not in self._ever
        if existing is not None and (existing.id not in self._pending or pending):
            raise MembershipError("id-conflict", f"another record has id {record.id}")
        claim: _Claim | None = None
        replaces = False
        if record.kind == "claim":
            claim = self._claim(record)
            current = self._claims.get(record.publisher)
            if current is not None and _order(current.record) > _order(record):
                return Added("superseded", record.id, record.kind)
            replaces = current is not None
        if pending and not replaces and len(self._pending) >= self._max_pending:
            raise MembershipError(
                "too-many-pending", f"{self._max_pending} records already await their signers"
            )
        # Nothing is refused past this point.
        if existing is not None:
            self._unstore(existing)  # a pending record gives way to an accepted one
        before = self._member_claims()
        if is_genesis:
            self._genesis = record
        self._store(record, claim)
        if pending:
            self._pending.add(record.id)
            return Added("pending", record.id, record.kind)
        self._recompute()
        after = self._member_claims()
        return Added(
            "accepted",
            record.id,
            record.kind,
            admitted=tuple(sorted(after.keys() - before.keys())),
            removed=tuple(sorted(before.keys() - after.keys())),
            claims=tuple(sorted(n for n, c in after.items() if c and before.get(n) != c)),
        )

    def _claim(self, record: Record) -> _Claim:
        data = _claim_bytes(record.body["claim"], record.publisher)
        return _Claim(
            record=record,
            data=data,
            ref=hashlib.sha256(data).hexdigest(),
            name=record.body["name"],
            addr=tuple(record.body["addr"]),
        )

    def _store(self, record: Record, claim: _Claim | None) -> None:
        if claim is not None:
            old = self._claims.get(record.publisher)
            if old is not None:
                self._unstore(old.record)
            self._claims[record.publisher] = claim
        elif record.kind == "admit":
            self._admits_by.setdefault(record.publisher, {})[record.id] = record
        else:
            self._removes[record.id] = record
        self._by_id[record.id] = record

    def _unstore(self, record: Record) -> None:
        del self._by_id[record.id]
        self._pending.discard(record.id)
        if record.kind == "claim":
            if self._claims[record.publisher].record is record:
                del self._claims[record.publisher]
        elif record.kind == "admit":
            del self._admits_by[record.publisher][record.id]
        else:
            del self._removes[record.id]

    def _member_claims(self) -> dict[str, str | None]:
        """Each member, with the id of its claim record (``None`` when it has none)."""
        out: dict[str, str | None] = {}
        for node in self._views:
            claim = self._claims.get(node)
            out[node] = None if claim is None else claim.record.id
        return out

    # -- the rules -------------------------------------------------------------------------------

    def _closure(self, cutoff: Mapping[str, int]) -> tuple[dict[str, Record], frozenset[str]]:
        """Rules 1 and 3: each admitted node's earliest counting admit, and the admins.

        An admit counts when its signer is an admitted admin and it is dated before the signer's
        ``cutoff`` (its removal time), if any. A worklist over admins: each admin's admits are
        read once, so this is linear in the number of admits.
        """
        genesis = self._genesis
        if genesis is None:
            return {}, frozenset()
        root = genesis.publisher
        admission: dict[str, Record] = {root: genesis}
        admins = {root}
        work = [root]
        while work:
            signer = work.pop()
            limit = cutoff.get(signer)
            for admit in self._admits_by.get(signer, {}).values():
                if admit is genesis or (limit is not None and admit.ts >= limit):
                    continue
                node = admit.body["node"]
                current = admission.get(node)
                if current is None or (current is not genesis and _order(admit) < _order(current)):
                    admission[node] = admit
                if admit.body["admin"] and node not in admins:
                    admins.add(node)
                    work.append(node)
        return admission, frozenset(admins)

    def _recompute(self) -> None:
        ever, ever_admins = self._closure({})
        removal: dict[str, int] = {}
        for remove in self._removes.values():
            if remove.publisher in ever_admins:
                node = remove.body["node"]
                removal[node] = min(remove.ts, removal.get(node, remove.ts))
        admission, admins = self._closure(removal)

        status: dict[str, Status] = {node: "member" for node in admission}
        status.update(dict.fromkeys(removal, "removed"))
        views: dict[str, MemberView] = {}
        refs: dict[str, str] = {}
        for node, admit in admission.items():
            if node in removal:
                continue
            claim = self._claims.get(node)
            if claim is not None:
                refs[claim.ref] = node
            views[node] = MemberView(
                node_id=node,
                name=admit.body["name"] if claim is None else claim.name,
                addr=tuple(admit.body["addr"]) if claim is None else claim.addr,
                admin=node in admins,
                admitted_by=admit.publisher,
                admitted_at=admit.ts,
                has_claim=claim is not None,
            )
        self._ever = frozenset(ever)
        self._pending = {i for i, r in self._by_id.items() if r.publisher not in self._ever}
        self._status = status
        self._admins = admins
        self._views = views
        self._refs = refs


# -- SQLite (run in the store's writer thread; table mesh_records, 004_mesh.sql) -----------------


def save_records(conn: sqlite3.Connection, records: Iterable[tuple[bytes, float]]) -> int:
    """Store ``(raw, received)`` records as ``Membership.add`` took them; returns rows written.

    A record already stored under its id is replaced (``Membership`` lets an accepted record
    displace a pending one with the same id). Only the latest claim per node is kept.
    """
    written = 0
    for raw, received in records:
        try:
            record = parse_record(raw)
        except EnvelopeError as e:
            raise MembershipError(e.reason, e.detail) from None
        node = record.publisher if record.kind == "claim" else record.body["node"]
        if record.kind == "claim":
            newer = conn.execute(
                "SELECT 1 FROM mesh_records WHERE kind = 'claim' AND node = ? "
                "AND (ts > ? OR (ts = ? AND id >= ?))",
                (node, record.ts, record.ts, record.id),
            ).fetchone()
            if newer is not None:
                continue
            conn.execute("DELETE FROM mesh_records WHERE kind = 'claim' AND node = ?", (node,))
        conn.execute(
            "INSERT INTO mesh_records (id, kind, publisher, node, ts, raw, received) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, "
            "publisher = excluded.publisher, node = excluded.node, ts = excluded.ts, "
            "raw = excluded.raw, received = excluded.received",
            (record.id, record.kind, record.publisher, node, record.ts, raw, received),
        )
        written += 1
    return written


def load_records(conn: sqlite3.Connection) -> list[bytes]:
    """Every stored record, admits first, for ``Membership.add`` in turn."""
    rows = conn.execute(
        "SELECT raw FROM mesh_records ORDER BY "
        "CASE kind WHEN 'admit' THEN 1 WHEN 'remove' THEN 2 ELSE 3 END, ts, id"
    )
    return [bytes(raw) for (raw,) in rows]
