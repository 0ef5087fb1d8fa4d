"""The ban list: SQLite is the truth; the in-memory index and the enforcement backend follow it.

Every change goes the same way:

1. the request is checked in the reactor thread (a bad one fails with ``InvalidInput`` and
   changes nothing); networks arrive already parsed (``honeymesh.net.parse_network`` where
   the address entered the node) and are not parsed again here;
2. a transaction in the store's writer thread decides against the database itself (is the
   network allowlisted? already banned? how many earlier offences?) and writes the outcome;
3. after the commit, in the reactor thread, the outcome is applied to the backend and to the
   in-memory index, an event is published, and only then does the caller's Deferred fire.

The store runs transactions in the order they were handed in and delivers their results in the
same order, so the index and the backend replay exactly the sequence of changes the database
committed.

Decisions worth knowing:

* Allow always wins. A ban whose network lies inside an allowlisted network is refused
  (``Allowlisted``); adding an allow lifts (``lifted_why = 'allowed'``) every active ban inside
  it, for good: removing the allow later does not bring them back. A ban on a range that merely
  *contains* an allowlisted address is accepted: the kernel checks the allowlist first.
* Banning a network that is already actively banned merges into the existing ban: the expiry
  becomes the later of the two (permanent wins), new reasons are appended, the source and the
  offence count stay. It is not a new offence.
* A ban the backend cannot take (``MapFull`` or another ``BackendError``) stays active in the
  database with ``enforced = 0``; a ``ban.map_full`` (or ``ban.enforce_failed``) event is
  published and the caller gets ``BanNotEnforced`` carrying the stored ban. ``sweep`` retries
  such bans once expired ones have made room. The database never claims less than was asked;
  ``enforced`` says what the kernel actually holds.
* Built-in allows (loopback, this node's addresses, ``kernel.admin_networks``) are given at
  construction and never stored; run-time allows are stored.
* The BanList is the same in every mode: it stores and projects every ban it is given. Modes
  act elsewhere: the PolicyEngine adds no automatic bans in TEST mode, and the kernel drops
  nothing in TEST mode (it counts would-drops), drops bans in ENFORCE, and drops everything not
  allowlisted in LOCKDOWN. An operator's ban made in TEST mode is stored and loaded into the
  maps, and starts dropping when the mode becomes ENFORCE. ``explain`` reports exactly this.
* IPv6 bans narrower than ``ipv6_prefix`` (64 by default) are widened to that prefix when they
  are made, because the kernel masks IPv6 sources the same way: what is stored, what is
  explained and what is dropped are then the same network.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import math
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Literal

from twisted.application.service import Service
from twisted.internet.defer import Deferred, fail, succeed
from twisted.internet.interfaces import IDelayedCall, IReactorTime
from twisted.logger import Logger
from twisted.python.failure import Failure

from honeymesh.config import Mode
from honeymesh.enforcement.backend import (
    BackendError,
    BanEntry,
    EnforcementBackend,
    MapFull,
)
from honeymesh.enforcement.banindex import BanIndex
from honeymesh.enforcement.bans import (
    BAN_SOURCES,
    DEFAULT_OFFENCE_WINDOW,
    MAX_ACTOR_CHARS,
    MAX_REASON_CHARS,
    SWEEP_LIMIT,
    Allowlisted,
    AllowNotEnforced,
    AllowOrigin,
    AllowRule,
    Ban,
    BanListError,
    BanNotEnforced,
    BanSource,
    BuiltinAllow,
    Escalation,
    ExplainResult,
    InvalidInput,
    Lifted,
    LiftReason,
    LoadReport,
    NotAllowlisted,
    NotBanned,
    SweepReport,
    check_duration,
    check_json,
    check_origin,
    check_reasons,
    check_source,
    check_text,
    check_width,
)
from honeymesh.enforcement.banstore import (
    Added,
    AddRequest,
    LiftRequest,
    Loaded,
    PackedBans,
    Refused,
    Swept,
    Unchanged,
    read_active,
    select_bans,
    txn_add,
    txn_add_allow,
    txn_flag,
    txn_lift_matching,
    txn_load,
    txn_remove,
    txn_remove_allow,
    txn_set_enforced,
    txn_sweep,
)
from honeymesh.enforcement.netindex import NetworkIndex
from honeymesh.events import Event, EventId, JSONValue, Notice
from honeymesh.net import Network, normalize_network
from honeymesh.store.db import Store, StoreError

# The ban list ----------------------------------------------------------------------------------


def builtin_allows(
    admin_networks: Sequence[str], own_addresses: Sequence[tuple[str, Network]] = ()
) -> tuple[AllowRule, ...]:
    """Loopback, this node's addresses (interface, address) and the configured admin networks,
    one rule per network naming every reason for it: ::1 is loopback, lo's address and (by
    default) an admin network, and was listed three times."""
    rules = [
        AllowRule(ipaddress.IPv4Network("127.0.0.0/8"), "loopback", "builtin"),
        AllowRule(ipaddress.IPv6Network("::1/128"), "loopback", "builtin"),
    ]
    rules += [
        AllowRule(normalize_network(net), f"this node's address on {ifname}", "builtin")
        for ifname, net in own_addresses
    ]
    rules += [
        AllowRule(normalize_network(text), "kernel.admin_networks", "config")
        for text in admin_networks
    ]
    merged: dict[Network, AllowRule] = {}
    for rule in rules:
        first = merged.get(rule.network)
        if first is None:
            merged[rule.network] = rule
        elif rule.reason not in first.reason.split("; "):
            merged[rule.network] = AllowRule(
                rule.network, f"{first.reason}; {rule.reason}", first.origin
            )
    return tuple(merged.values())


class BanList:
    """Bans and allows: SQLite first, then the backend and the in-memory index."""

    _log = Logger()

    def __init__(
        self,
        store: Store,
        backend: EnforcementBackend,
        clock: IReactorTime,
        publish: Callable[[Event], None],
        *,
        builtin: Sequence[AllowRule] = (),
        offence_window: float = DEFAULT_OFFENCE_WINDOW,
        ipv6_prefix: int = 64,
        on_unban: Callable[[Ban], object] | None = None,
    ) -> None:
        """``on_unban(ban)`` is told of every ban lifted by ``remove`` (an operator's unban),
        after the commit and the backend update; what it raises is logged."""
        if not 16 <= ipv6_prefix <= 128:
            raise ValueError(f"ipv6_prefix must be from 16 to 128, got {ipv6_prefix}")
        self._store = store
        self._backend = backend
        self._clock = clock
        self._publish = publish
        self._builtin = tuple(builtin)
        self._offence_window = offence_window
        self.ipv6_prefix = ipv6_prefix
        self._on_unban = on_unban
        self._builtin_index: NetworkIndex[AllowRule] = NetworkIndex()
        for rule in self._builtin:
            if rule.network not in self._builtin_index:
                self._builtin_index.set(rule.network, rule)
        self._allows: NetworkIndex[AllowRule] = NetworkIndex()
        self._bans = BanIndex()  # network -> expires (inf: permanent)
        # When a sweep next has work (``sweep_due``): the first one learns it from the store.
        # ``_lowered``: the earliest due time set since the sweep in flight began.
        self._sweep_due = self._lowered = 0.0
        #: Told whenever ``next_sweep`` changes (``BanHousekeeping`` sets its timer by it).
        self.on_sweep_due: Callable[[], object] | None = None
        self.loaded = False
        # Active bans stored as not enforced (``counts``): each sweep counts them in the store;
        # a refusal since adds one, a waiting ban lifted or enforced takes one away.
        # ``_refused_in_flight``: refusals queued after the sweep in flight, which its count
        # (its transaction ran before theirs) cannot include.
        self._unenforced = self._refused_in_flight = 0
        # Why the backend refuses bans, from the first refusal until a sweep finds every ban
        # enforced: the console says so once an episode, not once a ban (a kernel out of
        # memory refused 43,927 of 60,000 imported bans, each with its own error line).
        self._refusing: str | None = None

    @property
    def backend_name(self) -> str:
        return self._backend.name

    def sweep_due(self, now: float) -> bool:
        """Whether a sweep would find work by ``now``: a ban has expired, or one awaits
        enforcement. Known without the store: each sweep learns when the next stored ban
        expires, and every ban this list adds, or fails to enforce, since then moves that
        time earlier. ``BanHousekeeping`` asks before each sweep, so an idle node does not
        wake the store's writer every second for a transaction that finds nothing."""
        return now >= self._sweep_due

    @property
    def next_sweep(self) -> float:
        """When ``sweep_due`` next turns true (0: now; inf: not until a ban is added)."""
        return self._sweep_due

    def _due_by(self, when: float) -> None:
        self._lowered = min(self._lowered, when)
        if when < self._sweep_due:
            self._sweep_due = when
            self._sweep_due_changed()

    def _sweep_due_changed(self) -> None:
        if self.on_sweep_due is not None:
            self.on_sweep_due()

    def ban_network(self, address: Network) -> Network:
        """The network a ban on ``address`` covers: IPv6 narrower than ``ipv6_prefix`` is
        widened to it (as the kernel masks sources), except link-local addresses: fe80::/64 is
        every host on the link, so one trap login from one of them would ban the router and
        every neighbour with it: one on-link host must not cost the node its link. A link-local
        source (fe80::/10) is banned as itself, its /128; IPv4 (169.254.0.0/16 included) is
        never widened. Raises InvalidInput if it is too wide."""
        net = address
        link_local = net.version == 6 and net.network_address.is_link_local
        if net.version == 6 and net.prefixlen > self.ipv6_prefix and not link_local:
            net = ipaddress.IPv6Network((net.network_address, self.ipv6_prefix), strict=False)
        check_width(net, "ban network")
        return net

    # Start -------------------------------------------------------------------------------------

    def load(self) -> Deferred[LoadReport]:
        """Restore the active set from SQLite into the backend (one ``replace_all``) and memory."""
        now = self._clock.seconds()
        d = self._store.run(lambda conn: txn_load(conn, now, self._builtin))
        return d.addCallback(self._loaded)

    def _loaded(self, loaded: Loaded) -> Deferred[LoadReport]:
        allow_nets = list(dict.fromkeys(r.network for r in (*self._builtin, *loaded.allows)))
        failed: list[str] = []
        try:
            self._backend.replace_all(loaded.packed, allow_nets)
        except BackendError as e:
            failed = self._load_one_by_one(loaded.packed, allow_nets, e)
        self._bans = loaded.index
        self._unenforced = len(failed)
        self._due_by(0.0)  # the next sweep learns the restored set's expiries, and retries
        self._allows = NetworkIndex()
        for rule in loaded.allows:
            self._allows.set(rule.network, rule)
        self.loaded = True
        report = LoadReport(
            bans=len(loaded.packed),
            allows=len(allow_nets),
            expired=loaded.expired,
            lifted_by_allow=loaded.lifted_by_allow,
            not_enforced=len(failed),
        )

        def flags(conn: sqlite3.Connection) -> None:
            if loaded.unenforced:
                conn.execute("UPDATE bans SET enforced = 1 WHERE lifted IS NULL AND enforced = 0")
            conn.executemany(
                "UPDATE bans SET enforced = 0 WHERE network = ? AND lifted IS NULL",
                [(n,) for n in failed],
            )

        def restored(_: None) -> LoadReport:
            return self._restored(report)

        return self._store.run(flags).addCallback(restored)

    def _load_one_by_one(
        self, packed: PackedBans, allows: list[Network], error: BackendError
    ) -> list[str]:
        """After a failed ``replace_all``: enforce what fits, entry by entry; return the rest."""
        event = EventId.BAN_MAP_FULL if isinstance(error, MapFull) else EventId.BAN_ENFORCE_FAILED
        self._emit(event, None, {"operation": "replace_all", "bans": len(packed),
                                 "error": str(error)})  # fmt: skip
        self._log.error(
            "backend {backend} refused the full ban set ({count} bans): {error}; "
            "loading entry by entry",
            backend=self._backend.name, count=len(packed), error=str(error),
        )  # fmt: skip
        self._backend.replace_all([], allows)
        failed: list[str] = []
        for entry in packed:
            try:
                self._backend.add_ban(entry)
            except BackendError:
                failed.append(str(entry.network))
        if failed:
            self._refusing = str(error)  # said above; a sweep that enforces them all says so
        return failed

    def _restored(self, report: LoadReport) -> LoadReport:
        self._emit(EventId.BANS_RESTORED, None, {
            "backend": self._backend.name,
            "bans": report.bans,
            "allows": report.allows,
            "expired": report.expired,
            "lifted_by_allow": report.lifted_by_allow,
            "not_enforced": report.not_enforced,
        })  # fmt: skip
        return report

    # Bans --------------------------------------------------------------------------------------

    def add(
        self,
        network: Network,
        *,
        duration: float | None,
        source: BanSource,
        reasons: Sequence[str],
        evidence: Mapping[str, JSONValue] | None = None,
        provenance: Mapping[str, JSONValue] | None = None,
        escalation: Escalation | None = None,
    ) -> Deferred[Ban]:
        """Ban a network (already parsed: ``honeymesh.net.parse_network``) for ``duration``
        seconds (None: permanent).

        With ``escalation``, ``duration`` is the first-offence duration and repeat offences
        within the offence window lengthen it. Fires with the stored ``Ban`` once it is
        committed and in the backend; fails with ``InvalidInput``, ``Allowlisted`` or
        ``BanNotEnforced`` (the ban is stored, the backend refused it).
        """
        try:
            net = self.ban_network(network)
            request = AddRequest(
                network=net,
                duration=check_duration(duration),
                source=check_source(source),
                reasons=check_reasons(reasons),
                evidence=check_json(evidence or {}, "evidence"),
                provenance=check_json(provenance or {}, "provenance"),
                escalation=escalation,
                offence_window=self._offence_window,
                now=self._clock.seconds(),
                builtin=self._builtin,
            )
        except InvalidInput as e:
            return fail(e)
        d = self._store.run(lambda conn: txn_add(conn, request))
        return d.addCallback(self._added, request)

    def _added(self, outcome: Added | Unchanged | Refused, req: AddRequest) -> Deferred[Ban]:
        if isinstance(outcome, Refused):
            self._log.info(
                "ban of {network} refused: allowlisted by {allow}",
                network=str(req.network), allow=str(outcome.rule.network),
            )  # fmt: skip
            return fail(Allowlisted(req.network, outcome.rule))
        if isinstance(outcome, Unchanged):
            return succeed(outcome.ban)
        ban = outcome.ban
        if outcome.replaced_expired is not None:
            self._expired_one(outcome.replaced_expired, touch_backend=False)
        self._bans.set(ban.network, math.inf if ban.expires is None else ban.expires)
        if ban.expires is not None:
            self._due_by(ban.expires)
        self._emit(EventId.BAN_ADDED, ban.network, {**self._ban_detail(ban),
                                                    "merged": outcome.merged})  # fmt: skip
        return self._enforce(ban)

    def _enforce(self, ban: Ban) -> Deferred[Ban]:
        try:
            self._backend.add_ban(BanEntry(ban.network, ban.expires))
        except BackendError as e:
            return self._not_enforced(ban, e)
        if ban.enforced:
            return succeed(ban)
        self._waits_no_more(ban)  # a waiting ban, banned again, and this time it fits
        d = self._store.run(lambda conn: txn_set_enforced(conn, [ban.id], True))
        return d.addCallback(lambda _: _replace(ban, enforced=True))

    def _not_enforced(self, ban: Ban, error: BackendError) -> Deferred[Ban]:
        """The backend refused a stored ban: its event names it; the console hears of the
        first refusal of an episode (``_refusing``); the next sweeps retry it."""
        event = EventId.BAN_MAP_FULL if isinstance(error, MapFull) else EventId.BAN_ENFORCE_FAILED
        self._emit(event, ban.network, {"operation": "add_ban", "ban_id": ban.id,
                                        "error": str(error)})  # fmt: skip
        if self._refusing is None:
            self._refusing = str(error)
            self._log.error(
                "ban {ban_id} of {network} is stored but not enforced by {backend}: {error}; "
                "it and any refused after it are retried at every sweep (the count is the "
                "status's bans.not_enforced; each has a {event_id} event)",
                ban_id=ban.id, network=str(ban.network), backend=self._backend.name,
                error=str(error), event_id=str(event),
            )  # fmt: skip
        if ban.enforced:  # not a ban already waiting (merged into again)
            self._unenforced += 1
            self._refused_in_flight += 1
        stored = _replace(ban, enforced=False)
        self._due_by(0.0)  # the next sweep retries it
        d = self._store.run(lambda conn: txn_set_enforced(conn, [ban.id], False))

        def refuse(_: None) -> Deferred[Ban]:
            return fail(BanNotEnforced(stored, error))

        return d.addCallback(refuse)

    def remove(self, network: Network, *, by: str = "operator") -> Deferred[Ban]:
        """An operator's unban: lift the active ban on exactly this network, whatever its
        source; fires with the lifted ban. ``on_unban`` hears of it."""
        try:
            net = self.ban_network(network)
            actor = check_text(by, "who unbans", MAX_ACTOR_CHARS)
        except InvalidInput as e:
            return fail(e)
        now = self._clock.seconds()
        d = self._store.run(lambda conn: txn_remove(conn, net, now, actor))
        return d.addCallback(self._removed, net)

    def _removed(self, ban: Ban | None, net: Network) -> Deferred[Ban]:
        if ban is None:
            covered = [n for n, _ in self._bans.covering(net) if n != net]
            return fail(NotBanned(net, covered))
        self._lift(ban, EventId.BAN_REMOVED)
        if self._on_unban is not None:
            try:
                self._on_unban(ban)
            except Exception:
                self._log.failure("the unban hook failed for ban {ban_id}", ban_id=ban.id)
        return succeed(ban)

    def lift_matching(
        self,
        network: Network,
        *,
        sources: Sequence[BanSource],
        by: str,
        why: LiftReason = "unbanned",
        within: bool = False,
        peer: str | None = None,
    ) -> Deferred[Lifted]:
        """Lift, in one transaction, the active bans on exactly ``network`` (``within``: every
        one inside it, the network included) whose source is in ``sources`` and, given
        ``peer``, whose provenance names that peer. Fires once committed and applied with what
        was lifted and what was left (active bans there that were not chosen). Not an
        operator's unban: ``on_unban`` is not told."""
        try:
            net = self.ban_network(network) if not within else network
            request = LiftRequest(
                network=net,
                within=within,
                sources=tuple(check_source(s) for s in sources),
                peer=peer,
                why=why,
                by=check_text(by, "who lifts", MAX_ACTOR_CHARS),
                now=self._clock.seconds(),
            )
        except InvalidInput as e:
            return fail(e)
        d = self._store.run(lambda conn: txn_lift_matching(conn, request))
        return d.addCallback(self._lifted_matching)

    def _lifted_matching(self, outcome: Lifted) -> Lifted:
        for ban in outcome.lifted:
            self._lift(ban, EventId.BAN_REMOVED)
        return outcome

    def flag(
        self, network: Network, *, note: str, sources: Sequence[BanSource] = ("mesh",)
    ) -> Deferred[Ban | None]:
        """Mark the active ban on exactly ``network`` (if its source is one of ``sources``) as
        suspect: ``note`` is stored as its ``provenance.suspect`` and ``explain`` shows it. The
        ban stays. Fires with the updated ban, or None when no such ban is active."""
        try:
            net = self.ban_network(network)
            text = check_text(note, "the note", MAX_REASON_CHARS)
            chosen = tuple(check_source(s) for s in sources)
        except InvalidInput as e:
            return fail(e)
        return self._store.run(lambda conn: txn_flag(conn, net, chosen, text))

    def _waits_no_more(self, ban: Ban) -> None:
        """A ban stored as not enforced is lifted or enforced: one fewer waits. (The next
        sweep's count corrects any drift: a refusal counted twice, one lifted meanwhile.)"""
        if not ban.enforced and self._unenforced > 0:
            self._unenforced -= 1

    def _lift(self, ban: Ban, event: EventId) -> None:
        self._waits_no_more(ban)
        self._bans.pop(ban.network)
        try:
            self._backend.remove_ban(ban.network)
        except BackendError as e:
            self._backend_failed("remove_ban", ban, e)
        self._emit(event, ban.network, {
            "ban_id": ban.id, "network": str(ban.network), "why": ban.lifted_why,
            "by": ban.lifted_by, "source": ban.source, "reasons": list(ban.reasons),
        })  # fmt: skip

    def _expired_one(self, ban: Ban, *, touch_backend: bool = True) -> None:
        if touch_backend:
            self._lift(ban, EventId.BAN_EXPIRED)
            return
        self._waits_no_more(ban)
        self._bans.pop(ban.network)
        self._emit(EventId.BAN_EXPIRED, ban.network, {
            "ban_id": ban.id, "network": str(ban.network), "why": "expired", "by": ban.lifted_by,
            "source": ban.source, "reasons": list(ban.reasons),
        })  # fmt: skip

    def _backend_failed(self, operation: str, ban: Ban, error: BackendError) -> None:
        self._emit(EventId.BAN_ENFORCE_FAILED, ban.network, {
            "operation": operation, "ban_id": ban.id, "error": str(error)})  # fmt: skip
        self._log.error(
            "backend {backend} failed to {operation} {network}: {error}",
            backend=self._backend.name, operation=operation, network=str(ban.network),
            error=str(error),
        )  # fmt: skip

    def sweep(self, limit: int = SWEEP_LIMIT) -> Deferred[SweepReport]:
        """Housekeeping: lift expired bans, and retry bans the backend could not take."""
        now = self._clock.seconds()
        self._lowered = math.inf
        self._refused_in_flight = 0
        d = self._store.run(lambda conn: txn_sweep(conn, now, limit))
        return d.addCallback(self._swept, limit).addErrback(self._sweep_failed)

    def _sweep_failed(self, failure: Failure) -> Failure:
        """The next sweep tries again, whatever the last one had learnt."""
        self._due_by(0.0)
        return failure

    def _swept(self, found: Swept, limit: int) -> Deferred[SweepReport]:
        expired, pending = found.expired, found.pending
        for ban in expired:
            self._expired_one(ban)
        done: list[int] = []
        for ban in pending:
            try:
                self._backend.add_ban(BanEntry(ban.network, ban.expires))
            except BackendError:
                break  # still no room; try again next sweep
            done.append(ban.id)
        self._unenforced = found.unenforced - len(done) + self._refused_in_flight
        # Bans left to retry, or more than a sweep's limit to lift or retry: the next goes on.
        more = len(pending) > len(done) or limit in (len(pending), len(expired))
        next_expiry = found.next_expiry
        next_due = 0.0 if more else math.inf if next_expiry is None else next_expiry
        # What the store said, and what was added or refused while the sweep was in it (its
        # transaction may have run before theirs).
        self._sweep_due = min(next_due, self._lowered)
        self._sweep_due_changed()
        report = SweepReport(tuple(expired), len(done))
        if self._refusing is not None and self._unenforced == 0:
            self._log.info(
                "every stored ban is enforced again ({backend} had refused some: {error})",
                backend=self._backend.name, error=self._refusing,
            )  # fmt: skip
            self._refusing = None
        if not done:
            return succeed(report)
        self._log.info(
            "{count} stored bans are enforced again; {left} wait", count=len(done),
            left=self._unenforced,
        )  # fmt: skip
        d = self._store.run(lambda conn: txn_set_enforced(conn, done, True))
        return d.addCallback(lambda _: report)

    # Reading -----------------------------------------------------------------------------------

    def list_bans(
        self,
        *,
        active: bool = True,
        source: BanSource | None = None,
        after_id: int = 0,
        limit: int = 1000,
    ) -> Deferred[list[Ban]]:
        """Bans by id (ascending), a page at a time: pass the last id seen as ``after_id``."""
        try:
            if source is not None:
                check_source(source)
            if not 1 <= limit <= 100_000:
                raise InvalidInput("limit must be from 1 to 100000")  # noqa: TRY301
        except InvalidInput as e:
            return fail(e)
        where = ["id > ?"]
        args: list[object] = [after_id]
        if active:
            where.append("lifted IS NULL")
        if source is not None:
            where.append("source = ?")
            args.append(source)
        clause = " AND ".join(where) + " ORDER BY id LIMIT ?"
        return self._store.run(lambda conn: select_bans(conn, clause, (*args, limit)))

    def query(self, address: Network) -> Deferred[list[Ban]]:
        """The active bans that cover an address or network, most specific first."""
        nets = [n for n, _ in self._bans.covering(address)]
        return self._store.run(lambda conn: read_active(conn, nets))

    def covering(self, address: Network) -> list[tuple[Network, float | None]]:
        """From memory: (banned network, expiry or None) covering an address, most specific first.

        Includes bans past their expiry that the next sweep will lift; compare with the clock.
        """
        return [(n, None if e == math.inf else e) for n, e in self._bans.covering(address)]

    def is_banned(self, address: Network) -> bool:
        """From memory: is there a live (unexpired) ban covering this address?"""
        now = self._clock.seconds()
        return any(e is None or e > now for _, e in self.covering(address))

    def active(self) -> list[tuple[Network, float | None]]:
        """From memory: every active ban (network, expiry or None). For tests and status."""
        return [(n, None if e == math.inf else e) for n, e in self._bans.items()]

    def counts(self) -> dict[str, int]:
        """For status and metrics: active bans (exact v4, exact v6, ranges), allows, and the
        active bans stored as not enforced (a full map, a kernel out of memory): as the last
        sweep counted them, plus those refused since; while any wait, a sweep is due."""
        exact4 = exact6 = ranges = 0
        for (family, prefixlen), count in self._bans.sizes().items():
            if prefixlen < (32 if family == 4 else 128):
                ranges += count
            elif family == 4:
                exact4 += count
            else:
                exact6 += count
        return {
            "bans": len(self._bans), "exact_v4": exact4, "exact_v6": exact6, "ranges": ranges,
            "allows": len(self._allows) + len(self._builtin_index),
            "not_enforced": self._unenforced,
        }  # fmt: skip

    # Allows ------------------------------------------------------------------------------------

    def allowed_by(self, address: Network) -> list[AllowRule]:
        """Allow entries covering an address or network, most specific first."""
        rules = [r for _, r in self._allows.covering(address)]
        rules += [r for _, r in self._builtin_index.covering(address)]
        return sorted(rules, key=lambda r: -r.network.prefixlen)

    def allows(self) -> list[AllowRule]:
        """Every allow entry: built-in first, then stored ones by id."""
        stored = sorted((r for _, r in self._allows.items()), key=lambda r: r.id or 0)
        return [*self._builtin, *stored]

    def add_allow(
        self, network: Network, *, reason: str, origin: AllowOrigin = "operator"
    ) -> Deferred[AllowRule]:
        """Allowlist a network, lifting every active ban inside it. Idempotent per network."""
        net = network
        try:
            check_width(net, "allow network")
            why = check_text(reason, "the allow reason", MAX_REASON_CHARS)
            check_origin(origin)
        except InvalidInput as e:
            return fail(e)
        now = self._clock.seconds()
        d = self._store.run(lambda conn: txn_add_allow(conn, net, why, origin, now))
        return d.addCallback(self._allow_added)

    def _allow_added(self, outcome: tuple[AllowRule, bool, list[Ban]]) -> Deferred[AllowRule]:
        rule, new, lifted = outcome
        if not new:
            return succeed(rule)
        self._allows.set(rule.network, rule)
        error: BackendError | None = None
        try:
            self._backend.add_allow(rule.network)
        except BackendError as e:
            error = e
            self._emit(EventId.BAN_ENFORCE_FAILED, rule.network,
                       {"operation": "add_allow", "error": str(e)})  # fmt: skip
        for ban in lifted:
            self._lift(ban, EventId.BAN_REMOVED)
        self._emit(EventId.ALLOW_ADDED, rule.network, {
            **rule.to_json(), "lifted_bans": [b.id for b in lifted]})  # fmt: skip
        return fail(AllowNotEnforced(rule, error)) if error else succeed(rule)

    def remove_allow(self, network: Network) -> Deferred[AllowRule]:
        """Remove a stored allow entry; built-in ones cannot be removed (``BuiltinAllow``)."""
        net = network
        d = self._store.run(lambda conn: txn_remove_allow(conn, net))
        return d.addCallback(self._allow_removed, net)

    def _allow_removed(self, rule: AllowRule | None, net: Network) -> Deferred[AllowRule]:
        builtin = self._builtin_index.get(net)
        if rule is None:
            return fail(BuiltinAllow(builtin) if builtin else NotAllowlisted(net))
        self._allows.pop(net)
        if builtin is None:
            try:
                self._backend.remove_allow(net)
            except BackendError as e:
                self._emit(EventId.BAN_ENFORCE_FAILED, net,
                           {"operation": "remove_allow", "error": str(e)})  # fmt: skip
        self._emit(EventId.ALLOW_REMOVED, net, rule.to_json())
        return succeed(rule)

    # Mode and explanations ---------------------------------------------------------------------

    def set_backend_mode(self, mode: Mode) -> None:
        """Hand the mode to the backend (LOCKDOWN lives in the kernel). Raises BackendError."""
        self._backend.set_mode(mode)

    def explain(self, address: Network, mode: Mode) -> Deferred[ExplainResult]:
        """Why this address is, or is not, dropped in ``mode``."""
        net = address
        allowed = tuple(self.allowed_by(net))
        nets = [n for n, _ in self._bans.covering(net)]
        now = self._clock.seconds()

        def read(conn: sqlite3.Connection) -> tuple[list[Ban], int]:
            previous = conn.execute(
                "SELECT count(*) FROM bans WHERE network = ? AND lifted IS NOT NULL", (str(net),)
            ).fetchone()[0]
            return read_active(conn, nets), previous

        d = self._store.run(read)

        def answer(found: tuple[list[Ban], int]) -> ExplainResult:
            bans, previous = found
            return _explain(
                net=net, mode=mode, now=now, allowed=allowed, bans=bans, previous=previous
            )

        return d.addCallback(answer)

    # Events ------------------------------------------------------------------------------------

    def _emit(
        self, event: EventId, network: Network | None, detail: Mapping[str, JSONValue]
    ) -> None:
        source = None if network is None else str(network)
        self._publish(Notice(event, self._clock.seconds(), dict(detail), source=source))

    @staticmethod
    def _ban_detail(ban: Ban) -> dict[str, JSONValue]:
        return {
            "ban_id": ban.id, "network": str(ban.network), "source": ban.source,
            "reasons": list(ban.reasons), "expires": ban.expires, "offence": ban.offence,
            "provenance": dict(ban.provenance), "evidence": dict(ban.evidence),
        }  # fmt: skip


def _replace(ban: Ban, *, enforced: bool) -> Ban:
    return dataclasses.replace(ban, enforced=enforced)


def _iso(t: float) -> str:
    return datetime.fromtimestamp(t, UTC).isoformat(timespec="seconds")


def _when(t: float | None) -> str:
    return "permanently" if t is None else f"until {_iso(t)}"


def _banned_text(net: Network, ban: Ban, *, enforced: bool) -> str:
    what = "exactly" if ban.network.num_addresses == net.num_addresses else f"as {ban.network}"
    text = (
        f"{net} is banned {what} (ban {ban.id}, {ban.source}, offence {ban.offence}, "
        f"{_when(ban.expires)}): {'; '.join(ban.reasons)}"
    )
    peer = ban.provenance.get("peer") if ban.source == "mesh" else None
    if isinstance(peer, str):
        text += f"; published by mesh peer {peer}"
    if ban.provenance.get("suspect"):
        text += f"; SUSPECT: {ban.provenance['suspect']}"
    if not enforced:
        text += "; the ban is stored but NOT enforced (the backend refused it)"
    return text


def _explain(
    *,
    net: Network,
    mode: Mode,
    now: float,
    allowed: tuple[AllowRule, ...],
    bans: list[Ban],
    previous: int,
) -> ExplainResult:
    live = [b for b in bans if b.live(now)]
    enforced = [b for b in live if b.enforced]
    status: Literal["allowed", "banned", "not_banned"]
    if allowed:
        status, would_drop = "allowed", False
        rule = allowed[0]
        text = f"{net} is allowed by {rule.network} ({rule.origin}: {rule.reason})"
        if live:
            text += f"; the allow overrides the ban on {live[0].network}"
        text += "; packets pass in every mode"
    elif live:
        ban = live[0]
        status = "banned"
        would_drop = (bool(enforced) and mode == "enforce") or mode == "lockdown"
        text = _banned_text(net, ban, enforced=bool(enforced))
    else:
        status = "not_banned"
        would_drop = mode == "lockdown"
        text = f"{net} is not banned"
        if bans:
            expired_at = bans[0].expires or now
            text += f" (ban {bans[0].id} expired at {_iso(expired_at)}, awaiting cleanup)"
        if previous:
            text += f"; it was banned {previous} time(s) before"
    if status != "allowed":
        if mode == "lockdown":
            text += "; LOCKDOWN drops everything not allowlisted"
        elif mode == "test" and status == "banned":
            text += "; in TEST mode nothing is dropped (the kernel counts it as a would-drop)"
        else:
            text += f"; in {mode.upper()} mode its packets " + (
                "are dropped" if would_drop else "pass"
            )
    return ExplainResult(
        address=net,
        mode=mode,
        now=now,
        status=status,
        would_drop=would_drop,
        allowed_by=allowed,
        banned_by=tuple(bans),
        previous_bans=previous,
        summary=text,
    )


# Housekeeping ----------------------------------------------------------------------------------


#: The longest ``BanHousekeeping`` goes without a sweep, due or not (seconds).
QUIET_MOST = 60.0


class BanHousekeeping(Service):
    """Calls ``banlist.sweep()`` on an injected clock when a sweep would find work
    (``BanList.next_sweep``: a ban has expired, or one awaits enforcement), at most once every
    ``interval`` seconds, and at least once every ``quiet_most`` seconds whatever it says.

    One timer, set for the next of these and moved earlier when the ban list says a sweep is
    due sooner (a ban added or refused, a load, a failed sweep): an idle node is woken neither
    for a sweep that would find nothing (a transaction in the store's writer thread and a
    result back on the reactor: one a second cost an idle appliance 3 of its 6 wake-ups a
    second) nor to ask whether one would (a look a second: half of the 2 left). ``quiet_most``
    bounds what a ban the list did not hear of could wait for: nothing else writes the bans
    table, so it is a safety net, not the path. A failed sweep is logged and tried again
    ``interval`` later; a sweep never overlaps the previous one. ``stopService`` waits for a
    sweep in progress, so the store is not closed under it.
    """

    _log = Logger()

    def __init__(
        self,
        banlist: BanList,
        clock: IReactorTime,
        interval: float = 1.0,
        quiet_most: float = QUIET_MOST,
    ) -> None:
        self.setName("ban-housekeeping")
        self._banlist = banlist
        self._clock = clock
        self._interval = interval
        self._quiet_most = quiet_most
        self._last = -math.inf  # when the last sweep began (at start: the start)
        self._timer: IDelayedCall | None = None
        self._current: Deferred[None] | None = None
        self.sweeps = 0
        self.expired = 0
        self._waiting = False  # a sweep failed on the store; said once until one succeeds
        banlist.on_sweep_due = self._arm

    def _arm(self) -> None:
        """Set the timer for the next sweep, or move it earlier."""
        if not self.running or self._current is not None:
            return  # a sweep in progress sets it once it has finished
        now = self._clock.seconds()
        due = min(self._banlist.next_sweep, self._last + self._quiet_most)
        when = max(due, self._last + self._interval)
        # A clock set back waits no longer than the longer of the two.
        delay = min(max(when - now, 0.0), max(self._quiet_most, self._interval))
        if self._timer is not None and self._timer.active():
            if self._timer.getTime() <= now + delay:
                return
            self._timer.cancel()
        self._timer = self._clock.callLater(delay, self._tick)

    def _tick(self) -> None:
        if self._timer is not None and self._timer.active():
            self._timer.cancel()  # called before its time: the timer set goes, one is set anew
        self._timer = None
        if not self.running or self._current is not None:
            return
        now = self._clock.seconds()
        # abs(): a clock set back must not hold the safety sweep off for as long.
        if not self._banlist.sweep_due(now) and abs(now - self._last) < self._quiet_most:
            self._arm()
            return
        self._last = now
        finished = self._banlist.sweep().addCallback(self._counted).addErrback(self._failed)
        if finished.called:
            self._arm()
        else:
            self._current = finished
            finished.addBoth(self._done)

    def _counted(self, report: SweepReport) -> None:
        self.sweeps += 1
        self.expired += len(report.expired)
        if self._waiting:
            self._waiting = False
            self._log.info("ban housekeeping runs again: the store takes its sweeps")

    def _failed(self, failure: Failure) -> None:
        if not failure.check(StoreError):
            self._log.failure("ban housekeeping sweep failed", failure)
        elif not self._waiting:  # once an episode: it tries again each interval meanwhile
            self._waiting = True
            self._log.warn(
                "ban housekeeping waits for the store ({reason}); expired bans are lifted "
                "when it can write again",
                reason=failure.getErrorMessage(),
            )

    def _done(self, _: object) -> None:
        self._current = None
        self._arm()

    def startService(self) -> None:
        super().startService()
        self._last = self._clock.seconds()  # the first sweep an interval after the start
        self._arm()

    def stopService(self) -> Deferred[None] | None:
        super().stopService()
        if self._timer is not None and self._timer.active():
            self._timer.cancel()
        self._timer = None
        return self._current


__all__ = [
    "BAN_SOURCES",
    "AllowNotEnforced",
    "AllowOrigin",
    "AllowRule",
    "Allowlisted",
    "Ban",
    "BanHousekeeping",
    "BanList",
    "BanListError",
    "BanNotEnforced",
    "BanSource",
    "BuiltinAllow",
    "Escalation",
    "ExplainResult",
    "InvalidInput",
    "Lifted",
    "LoadReport",
    "NotAllowlisted",
    "NotBanned",
    "PackedBans",
    "SweepReport",
    "builtin_allows",
]
