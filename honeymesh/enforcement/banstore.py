"""The ban list's SQL: transactions that run in the store's writer thread.

Each ``txn_*`` function takes the connection (inside a transaction that the store commits),
decides against the database itself, writes, and returns plain values for the reactor thread to
apply to the backend and the in-memory index. Nothing here touches the reactor or the backend.
"""

from __future__ import annotations

import ipaddress
import json
import math
import sqlite3
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import cast, overload

from honeymesh.enforcement.backend import BanEntry
from honeymesh.enforcement.banindex import BanIndex
from honeymesh.enforcement.bans import (
    MAX_STORED_REASONS,
    AllowOrigin,
    AllowRule,
    Ban,
    BanSource,
    Escalation,
    Lifted,
    LiftReason,
)
from honeymesh.enforcement.netindex import make_network
from honeymesh.net import Network, normalize_network


class PackedBans(Sequence[BanEntry]):
    """The active ban set in compact columns; ``BanEntry`` objects are built as it is read.

    Handed to ``backend.replace_all`` at load so that a million bans never exist as a million
    ``ipaddress`` objects at once. Iterate it once: each pass builds the entries again.

    A backend that knows this type may read the columns instead of iterating (``families``,
    ``prefixlens``, ``addresses`` as ints, ``expires`` as wall-clock seconds with NaN for
    permanent), entry ``i`` being row ``i`` of each; that skips building an ``IPv4Network`` and a
    ``BanEntry`` per ban (about 1.3 s of a million-ban restore here). ``runs`` says which rows
    form one (family, prefix length) group, so a backend can take a whole group's columns as
    slices (the exact IPv4 bans, a million rows, with no Python call per row).
    """

    def __init__(self) -> None:
        self.families = bytearray()
        self.prefixlens = bytearray()
        self.addresses: list[int] = []
        self.expires = array("d")  # NaN: permanent
        self.runs: list[tuple[int, int, int, int]] = []  # family, prefix length, start, stop

    def extend(
        self, family: int, prefixlen: int, addresses: list[int], expires: Sequence[float]
    ) -> None:
        """Add one (family, prefix length) group; ``expires`` uses NaN for permanent."""
        start, stop = len(self.addresses), len(self.addresses) + len(addresses)
        self.families.extend(bytes([family]) * len(addresses))
        self.prefixlens.extend(bytes([prefixlen]) * len(addresses))
        self.addresses.extend(addresses)
        self.expires.extend(expires)
        if len(self.expires) != stop:
            raise ValueError("addresses and expiries differ in length")
        last = self.runs[-1] if self.runs else None
        if last is not None and last[:2] == (family, prefixlen) and last[3] == start:
            self.runs[-1] = (family, prefixlen, last[2], stop)
        elif stop > start:
            self.runs.append((family, prefixlen, start, stop))

    def __len__(self) -> int:
        return len(self.addresses)

    def _entry(self, i: int) -> BanEntry:
        expires = self.expires[i]
        net = make_network(self.families[i], self.addresses[i], self.prefixlens[i])
        return BanEntry(net, None if math.isnan(expires) else expires)

    @overload
    def __getitem__(self, index: int) -> BanEntry: ...
    @overload
    def __getitem__(self, index: slice) -> list[BanEntry]: ...
    def __getitem__(self, index: int | slice) -> BanEntry | list[BanEntry]:
        if isinstance(index, slice):
            return [self._entry(i) for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._entry(index)

    def __iter__(self) -> Iterator[BanEntry]:
        v4, v6 = ipaddress.IPv4Network, ipaddress.IPv6Network
        nan = math.isnan
        for family, address, prefixlen, expires in zip(
            self.families, self.addresses, self.prefixlens, self.expires, strict=True
        ):
            net = v4((address, prefixlen)) if family == 4 else v6((address, prefixlen))
            yield BanEntry(net, None if nan(expires) else expires)


# Database side (the store's writer thread) -----------------------------------------------------

_LOAD_CHUNK = 65_536  # rows read at a time at load
_WIDTH = {4: 8, 6: 32}  # hex digits of an address, for range arithmetic in SQL

# One group of the active set, in address order: answered from bans_active_group alone (a
# covering index, schema 005), no table row read per ban.
LOAD_GROUP_SQL = (
    "SELECT first, expires FROM bans WHERE lifted IS NULL AND family = ? AND prefixlen = ? "
    "ORDER BY first"
)
_BAN_COLUMNS = (
    "id, network, source, reasons, evidence, provenance, created, expires, offence, enforced, "
    "lifted, lifted_why, lifted_by"
)
_ALLOW_COLUMNS = "id, network, reason, origin, created"


def select_bans(conn: sqlite3.Connection, where: str, args: Sequence[object]) -> list[Ban]:
    """Bans matching a WHERE clause written in this package (values bound as parameters)."""
    sql = f"SELECT {_BAN_COLUMNS} FROM bans WHERE {where}"  # noqa: S608 - fixed clauses only
    return [_ban_from_row(r) for r in conn.execute(sql, tuple(args))]


def _select_allows(conn: sqlite3.Connection, where: str, args: Sequence[object]) -> list[AllowRule]:
    sql = f"SELECT {_ALLOW_COLUMNS} FROM allowlist WHERE {where}"  # noqa: S608 - fixed clauses
    return [_allow_from_row(r) for r in conn.execute(sql, tuple(args))]


def _hex(family: int, value: int) -> str:
    return f"{value:0{_WIDTH[family]}x}"


def _bounds(network: Network) -> tuple[int, str, str]:
    family = network.version
    first = int(network.network_address)
    return family, _hex(family, first), _hex(family, first + network.num_addresses - 1)


def _ban_from_row(row: Sequence[object]) -> Ban:
    (ban_id, network, source, reasons, evidence, provenance, created, expires, offence,
     enforced, lifted, lifted_why, lifted_by) = row  # fmt: skip
    return Ban(
        id=cast(int, ban_id),
        network=normalize_network(cast(str, network)),
        source=cast(BanSource, source),
        reasons=tuple(json.loads(cast(str, reasons))),
        evidence=json.loads(cast(str, evidence)),
        provenance=json.loads(cast(str, provenance)),
        created=cast(float, created),
        expires=cast("float | None", expires),
        offence=cast(int, offence),
        enforced=bool(enforced),
        lifted=cast("float | None", lifted),
        lifted_why=cast("LiftReason | None", lifted_why),
        lifted_by=cast("str | None", lifted_by),
    )


def _allow_from_row(row: Sequence[object]) -> AllowRule:
    allow_id, network, reason, origin, created = row
    return AllowRule(
        network=normalize_network(cast(str, network)),
        reason=cast(str, reason),
        origin=cast(AllowOrigin, origin),
        created=cast(float, created),
        id=cast(int, allow_id),
    )


def _active_ban(conn: sqlite3.Connection, network: Network) -> Ban | None:
    found = select_bans(conn, "network = ? AND lifted IS NULL", (str(network),))
    return found[0] if found else None


def _ban_by_id(conn: sqlite3.Connection, ban_id: int) -> Ban:
    return select_bans(conn, "id = ?", (ban_id,))[0]


def _stored_allow_covering(conn: sqlite3.Connection, network: Network) -> AllowRule | None:
    found = _select_allows(
        conn,
        "family = ? AND first <= ? AND last >= ? ORDER BY prefixlen DESC LIMIT 1",
        _bounds(network),
    )
    return found[0] if found else None


def _lift_within(conn: sqlite3.Connection, network: Network, now: float, by: str) -> list[Ban]:
    """Lift (why 'allowed') every active ban inside ``network``."""
    family, first, last = _bounds(network)
    ids = [
        r[0]
        for r in conn.execute(
            "SELECT id FROM bans WHERE lifted IS NULL AND family = ? AND first >= ? AND last <= ?",
            (family, first, last),
        )
    ]
    conn.executemany(
        "UPDATE bans SET lifted = ?, lifted_why = 'allowed', lifted_by = ? WHERE id = ?",
        [(now, by, i) for i in ids],
    )
    return [_ban_by_id(conn, i) for i in ids]


@dataclass(frozen=True)
class AddRequest:
    network: Network
    duration: float | None
    source: BanSource
    reasons: tuple[str, ...]
    evidence: str
    provenance: str
    escalation: Escalation | None
    offence_window: float
    now: float
    builtin: tuple[AllowRule, ...]


@dataclass(frozen=True)
class Added:
    ban: Ban
    merged: bool  # an existing active ban was extended
    replaced_expired: Ban | None = None  # an expired-but-unswept ban of the network was closed


@dataclass(frozen=True)
class Unchanged:
    ban: Ban


@dataclass(frozen=True)
class Refused:
    rule: AllowRule


@dataclass(frozen=True)
class LiftRequest:
    """Which active bans to lift: at ``network`` exactly, or everything inside it (``within``);
    only of ``sources``; with ``peer``, only a ban whose provenance names that peer."""

    network: Network
    within: bool
    sources: tuple[BanSource, ...]
    peer: str | None
    why: LiftReason
    by: str
    now: float

    def selects(self, ban: Ban) -> bool:
        if ban.source not in self.sources:
            return False
        return self.peer is None or ban.provenance.get("peer") == self.peer


def _merge_reasons(old: tuple[str, ...], new: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(old + new))[:MAX_STORED_REASONS]


def txn_add(conn: sqlite3.Connection, req: AddRequest) -> Added | Unchanged | Refused:
    net = req.network
    for rule in req.builtin:
        if rule.network.version == net.version and net.subnet_of(rule.network):  # type: ignore[arg-type]
            return Refused(rule)
    stored = _stored_allow_covering(conn, net)
    if stored is not None:
        return Refused(stored)

    existing = _active_ban(conn, net)
    replaced: Ban | None = None
    if existing is not None and existing.live(req.now):
        return _merge(conn, existing, req)
    if existing is not None:  # expired, not yet swept: close it as expired, then ban afresh
        conn.execute(
            "UPDATE bans SET lifted = expires, lifted_why = 'expired', lifted_by = 'ban-list' "
            "WHERE id = ?",
            (existing.id,),
        )
        replaced = _ban_by_id(conn, existing.id)

    earlier = conn.execute(
        "SELECT count(*) FROM bans WHERE network = ? AND created >= ?",
        (str(net), req.now - req.offence_window),
    ).fetchone()[0]
    offence = earlier + 1
    duration = req.duration
    if req.escalation is not None:
        duration = req.escalation.duration(req.duration, offence)
    expires = None if duration is None else req.now + duration
    family, first, last = _bounds(net)
    cur = conn.execute(
        "INSERT INTO bans (network, family, prefixlen, first, last, source, reasons, evidence, "
        "provenance, created, expires, offence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            str(net), family, net.prefixlen, first, last, req.source, json.dumps(req.reasons),
            req.evidence, req.provenance, req.now, expires, offence,
        ),
    )  # fmt: skip
    ban = _ban_by_id(conn, cast(int, cur.lastrowid))
    return Added(ban, merged=False, replaced_expired=replaced)


def _merge(conn: sqlite3.Connection, existing: Ban, req: AddRequest) -> Added | Unchanged:
    duration = req.duration
    if req.escalation is not None:
        duration = req.escalation.duration(req.duration, existing.offence)
    if existing.expires is None or duration is None:
        expires = None
    else:
        expires = max(existing.expires, req.now + duration)
    reasons = _merge_reasons(existing.reasons, req.reasons)
    if expires == existing.expires and reasons == existing.reasons:
        return Unchanged(existing)
    conn.execute(
        "UPDATE bans SET expires = ?, reasons = ? WHERE id = ?",
        (expires, json.dumps(reasons), existing.id),
    )
    return Added(_ban_by_id(conn, existing.id), merged=True)


def txn_set_enforced(conn: sqlite3.Connection, ids: Sequence[int], enforced: bool) -> None:
    conn.executemany(
        "UPDATE bans SET enforced = ? WHERE id = ? AND lifted IS NULL",
        [(int(enforced), i) for i in ids],
    )


def txn_remove(conn: sqlite3.Connection, network: Network, now: float, by: str) -> Ban | None:
    existing = _active_ban(conn, network)
    if existing is None:
        return None
    conn.execute(
        "UPDATE bans SET lifted = ?, lifted_why = 'unbanned', lifted_by = ? WHERE id = ?",
        (now, by, existing.id),
    )
    return _ban_by_id(conn, existing.id)


def txn_lift_matching(conn: sqlite3.Connection, req: LiftRequest) -> Lifted:
    """Lift the active bans at ``req.network`` (or inside it) that ``req`` selects; report the
    active ones there that it leaves alone, so a caller can say which it did not lift."""
    if req.within:
        family, first, last = _bounds(req.network)
        found = select_bans(
            conn,
            "lifted IS NULL AND family = ? AND first >= ? AND last <= ? ORDER BY id",
            (family, first, last),
        )
    else:
        found = select_bans(conn, "network = ? AND lifted IS NULL", (str(req.network),))
    chosen = [b for b in found if req.selects(b)]
    conn.executemany(
        "UPDATE bans SET lifted = ?, lifted_why = ?, lifted_by = ? WHERE id = ?",
        [(req.now, req.why, req.by, b.id) for b in chosen],
    )
    lifted = tuple(_ban_by_id(conn, b.id) for b in chosen)
    return Lifted(lifted=lifted, kept=tuple(b for b in found if not req.selects(b)))


def txn_flag(
    conn: sqlite3.Connection, network: Network, sources: tuple[BanSource, ...], note: str
) -> Ban | None:
    """Record ``note`` as the active ban's ``provenance.suspect`` (only a ban of ``sources``)."""
    existing = _active_ban(conn, network)
    if existing is None or existing.source not in sources:
        return None
    conn.execute(
        "UPDATE bans SET provenance = json_set(provenance, '$.suspect', ?) WHERE id = ?",
        (note, existing.id),
    )
    return _ban_by_id(conn, existing.id)


@dataclass
class Swept:
    """What a sweep's transaction found."""

    expired: list[Ban]  # marked lifted now
    pending: list[Ban]  # active bans awaiting enforcement, the first ``limit`` by id
    unenforced: int  # all of them (``bans_unenforced``: a count of those, not of every ban)
    next_expiry: float | None  # when the next active ban expires (None: none does)


def txn_sweep(conn: sqlite3.Connection, now: float, limit: int) -> Swept:
    """Mark expired bans lifted; return them, the active bans still awaiting enforcement, and
    when the next active ban expires (``bans_active_expiry`` answers it)."""
    ids = [
        r[0]
        for r in conn.execute(
            "SELECT id FROM bans WHERE lifted IS NULL AND expires IS NOT NULL AND expires <= ? "
            "ORDER BY expires LIMIT ?",
            (now, limit),
        )
    ]
    conn.executemany(
        "UPDATE bans SET lifted = expires, lifted_why = 'expired', lifted_by = 'housekeeping' "
        "WHERE id = ?",
        [(i,) for i in ids],
    )
    expired = [_ban_by_id(conn, i) for i in ids]
    pending = select_bans(conn, "lifted IS NULL AND enforced = 0 ORDER BY id LIMIT ?", (limit,))
    unenforced = len(pending)
    if unenforced == limit:
        (unenforced,) = conn.execute(
            "SELECT count(*) FROM bans WHERE lifted IS NULL AND enforced = 0"
        ).fetchone()
    (next_expiry,) = conn.execute(
        "SELECT min(expires) FROM bans WHERE lifted IS NULL AND expires IS NOT NULL"
    ).fetchone()
    return Swept(expired, pending, unenforced, next_expiry)


def txn_add_allow(
    conn: sqlite3.Connection, network: Network, reason: str, origin: AllowOrigin, now: float
) -> tuple[AllowRule, bool, list[Ban]]:
    found = _select_allows(conn, "network = ?", (str(network),))
    if found:
        return found[0], False, []
    family, first, last = _bounds(network)
    cur = conn.execute(
        "INSERT INTO allowlist (network, family, prefixlen, first, last, reason, origin, created) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (str(network), family, network.prefixlen, first, last, reason, origin, now),
    )
    rule = AllowRule(network, reason, origin, now, cast(int, cur.lastrowid))
    return rule, True, _lift_within(conn, network, now, f"allow {network}")


def txn_remove_allow(conn: sqlite3.Connection, network: Network) -> AllowRule | None:
    found = _select_allows(conn, "network = ?", (str(network),))
    if not found:
        return None
    conn.execute("DELETE FROM allowlist WHERE id = ?", (found[0].id,))
    return found[0]


@dataclass
class Loaded:
    packed: PackedBans = field(default_factory=PackedBans)
    index: BanIndex = field(default_factory=BanIndex)
    allows: list[AllowRule] = field(default_factory=list)
    expired: int = 0
    lifted_by_allow: int = 0
    unenforced: int = 0  # active bans stored as not enforced (a full map, earlier)


def txn_load(conn: sqlite3.Connection, now: float, builtin: tuple[AllowRule, ...]) -> Loaded:
    """Close what is stale, then read the active set in the compact form the backend takes.

    Read one (family, prefix length) group at a time, column-wise and in chunks: a million rows
    cost a few list comprehensions per chunk rather than a million Python calls, and never sit
    in memory as a million row tuples at once.
    """
    out = Loaded()
    out.expired = conn.execute(
        "UPDATE bans SET lifted = expires, lifted_why = 'expired', lifted_by = 'load' "
        "WHERE lifted IS NULL AND expires IS NOT NULL AND expires <= ?",
        (now,),
    ).rowcount
    out.allows = _select_allows(conn, "1 ORDER BY id", ())
    for rule in (*builtin, *out.allows):
        out.lifted_by_allow += len(_lift_within(conn, rule.network, now, f"allow {rule.network}"))
    groups = [  # an index probe per possible group, not a scan of a million rows
        (family, prefixlen)
        for family, widest, narrowest in ((4, 0, 32), (6, 0, 128))
        for prefixlen in range(narrowest, widest - 1, -1)
        if conn.execute(
            "SELECT 1 FROM bans WHERE lifted IS NULL AND family = ? AND prefixlen = ? LIMIT 1",
            (family, prefixlen),
        ).fetchone()
    ]
    inf, nan = math.inf, math.nan
    for family, prefixlen in groups:
        cursor = conn.execute(LOAD_GROUP_SQL, (family, prefixlen))
        while rows := cursor.fetchmany(_LOAD_CHUNK):
            addresses = [int(first, 16) for first, _ in rows]
            expires = [e for _, e in rows]
            out.packed.extend(
                family, prefixlen, addresses, [nan if e is None else e for e in expires]
            )
            out.index.bulk(family, prefixlen, addresses, [inf if e is None else e for e in expires])
    out.unenforced = conn.execute(
        "SELECT count(*) FROM bans WHERE lifted IS NULL AND enforced = 0"
    ).fetchone()[0]
    return out


def read_active(conn: sqlite3.Connection, nets: Sequence[Network]) -> list[Ban]:
    found = [_active_ban(conn, n) for n in nets]
    return [b for b in found if b is not None]
