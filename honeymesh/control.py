"""The narrow facade that operator surfaces (API, dashboard, TUI) use to see and steer the node.

Web and TUI code never reach into services; they call this. Everything here is cheap and runs in
the reactor thread.

Failures reach callers as ``ControlError`` subclasses (``InvalidRequest``, ``NotFound``,
``Conflict``, ``Unavailable``), each with a stable ``code``: the surfaces map them to HTTP
statuses or CLI lines without knowing which service raised what. A collaborator the wiring did
not provide (no policy engine, no trust engine...) makes its methods fail with ``Unavailable``:
the facade never invents data.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from twisted.internet.defer import Deferred, DeferredList, fail
from twisted.internet.interfaces import IReactorTime
from twisted.internet.threads import deferToThread
from twisted.python.failure import Failure

from honeymesh import __version__
from honeymesh.config import MODES, Config
from honeymesh.detection.traps.registry import RunningTrap
from honeymesh.enforcement.backend import BackendError
from honeymesh.enforcement.banlist import (
    Allowlisted,
    AllowNotEnforced,
    Ban,
    BanList,
    BanListError,
    BanNotEnforced,
    BuiltinAllow,
    InvalidInput,
    NotAllowlisted,
    NotBanned,
)
from honeymesh.enforcement.bans import (
    MAX_REASON_CHARS,
    ExplainResult,
    check_duration,
    check_reasons,
    check_width,
)
from honeymesh.enforcement.durations import DurationError, parse_duration
from honeymesh.events import Event, EventBus, EventId, JSONValue
from honeymesh.license.entitlement import Entitlement
from honeymesh.license.gating import sharing_decision
from honeymesh.listeners import ListenerService
from honeymesh.net import InvalidAddress, Network, parse_network
from honeymesh.policy.engine import ModeNotApplied, PolicyEngine
from honeymesh.store.db import Store, StoreError
from honeymesh.trust.api import TrustApi, TrustApiError

KernelStatus = Callable[[], Mapping[str, Any]]
KernelCounters = Callable[[], Mapping[str, int] | None]  # None: no backend to ask
T = TypeVar("T")

_ImportReady = tuple[int, Network, float | None, tuple[str, ...]]  # line, network, duration, why

MAX_EVENTS_PAGE = 1000
MAX_STATS_WINDOW = 7 * 86400.0
MAX_IMPORT = 100_000
EXPORT_PAGE = 2_000
MESH_TOKEN_TTL = (60.0, 30 * 86400.0)  # a join token lives from a minute to 30 days
MESH_TOKEN_USES = (1, 1000)
MESH_TOKEN_NOTE = 200


# Errors ----------------------------------------------------------------------------------------

if TYPE_CHECKING:
    from honeymesh.intel.stix import StixSettings
    from honeymesh.intel.taxii import Entry as TaxiiEntry
    from honeymesh.mesh.service import MeshService


class ControlError(Exception):
    """A request the node refused; ``code`` is stable, ``message`` is for people."""

    def __init__(
        self, code: str, message: str, details: Sequence[Mapping[str, JSONValue]] = ()
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.details = list(details)


class InvalidRequest(ControlError):
    """Malformed input (not an address, a bad duration, an unknown mode). Nothing changed."""


class NotFound(ControlError):
    """The thing named does not exist (no such ban, allow entry or peer)."""


class Conflict(ControlError):
    """Well-formed but refused by the node's rules (allowlisted, built-in allow)."""


class Unavailable(ControlError):
    """The part of the node that would answer is not running or not wired in."""


@dataclass(frozen=True)
class EventQuery:
    """A page of stored events, newest first; ``before`` is the id cursor from the last page."""

    types: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    since: float | None = None
    until: float | None = None
    before: int | None = None
    limit: int = 100


@dataclass(frozen=True)
class BanImport:
    """One entry of an imported ban file, as parsed (not yet checked). ``line`` is 1-based."""

    line: int
    network: str
    duration: str | float | None = None  # "1h", seconds, or None: the import's default
    permanent: bool = False  # the entry says permanent (overrides the default duration)
    expires: float | None = None  # absolute expiry (Unix seconds), as exported
    reasons: tuple[str, ...] = field(default=())


class Control:
    def __init__(
        self,
        *,
        config: Config,
        clock: IReactorTime,
        bus: EventBus,
        store: Store,
        listeners: Sequence[ListenerService],
        traps: Mapping[str, RunningTrap],
        kernel_status: KernelStatus,
        node_id: str,
        banlist: BanList | None = None,
        policy: PolicyEngine | None = None,
        trust: TrustApi | None = None,
        entitlement: Callable[[], Entitlement] | None = None,
        kernel_counters: KernelCounters | None = None,
        mesh: MeshService | None = None,
        descriptors: Callable[[], dict[str, JSONValue]] | None = None,
        outputs: Callable[[], list[dict[str, JSONValue]]] | None = None,
        workers: Callable[[], dict[str, JSONValue]] | None = None,
    ) -> None:
        self.config = config
        self.clock = clock
        self.bus = bus
        self.store = store
        self._taxii_cache: tuple[int, list[TaxiiEntry]] | None = None
        self.listeners = listeners
        self.traps = traps
        self.kernel_status = kernel_status
        self.node_id = node_id
        self.started_at = clock.seconds()
        self.banlist = banlist
        self.policy = policy
        self.trust = trust
        self.entitlement = entitlement
        self.kernel_counters = kernel_counters
        self.mesh = mesh
        self.descriptors = descriptors
        self.outputs = outputs
        self.workers = workers  # the trap workers ([node] workers), None without

    @property
    def mode(self) -> str:
        if self.policy is not None:
            return str(self.policy.mode)
        return self.config.node.mode

    def listener_table(self) -> list[dict[str, JSONValue]]:
        listeners = list(self.listeners)
        if self.mesh is not None and self.mesh.listener is not None:
            listeners.append(self.mesh.listener)
        return [listener.info.as_dict() for listener in listeners]

    def status(self) -> dict[str, Any]:
        store = self.store
        return {
            "node": {
                "name": self.config.node.name,
                "id": self.node_id,
                "version": __version__,
                "uptime": round(self.clock.seconds() - self.started_at, 3),
                "config": str(self.config.source),
                "data_dir": str(self.config.node.data_dir),
            },
            "mode": self.mode,
            "store": {
                "state": "ok" if store.degraded is None else "degraded",
                "reason": store.degraded,
                "write_failures": store.write_failures,
            },
            "listeners": self.listener_table(),
            "kernel": dict(self.kernel_status()),
            "counters": {
                "events_published": self.bus.published,
                "subscriber_errors": self.bus.subscriber_errors,
                "events_stored": store.written,
                "events_lost": store.lost,
                "store_backlog": store.backlog,
                "trap_sessions": {name: f.sessions for name, f in self.traps.items()},
                "trap_refused": {name: f.refused for name, f in self.traps.items()},
                "kernel_packets": self.packet_counters(),
            },
            "bans": self.ban_counts(),
            "license": self.license_summary(),
            "mesh": self.mesh_summary(),
            # The open-file budget: the limit, the reserve by use, each TCP trap's cap.
            "descriptors": None if self.descriptors is None else self.descriptors(),
            "workers": None if self.workers is None else self.workers(),
            # Each [[outputs]] table: where it sends, its state, sent/dropped/retried.
            "outputs": [] if self.outputs is None else self.outputs(),
        }

    # Small views the status, the metrics and the dashboard share -------------------------------

    def packet_counters(self) -> dict[str, int] | None:
        """Kernel packet counters by reason, summed over CPUs; None when no backend reports."""
        if self.kernel_counters is None:
            return None
        try:
            counters = self.kernel_counters()
        except BackendError:  # the backend is starting, stopping or broken: status says which
            return None
        return None if counters is None else {str(k): int(v) for k, v in counters.items()}

    def ban_counts(self) -> dict[str, int] | None:
        """Active bans (exact v4, exact v6, ranges) and allows; None without a ban list."""
        return None if self.banlist is None else self.banlist.counts()

    def license_summary(self) -> dict[str, JSONValue] | None:
        if self.entitlement is None:
            return None
        ent = self.entitlement()
        return {"tier": str(ent.tier), "reason": ent.reason, "features": list(ent.features)}

    def subscribe(self, subscriber: Callable[[Event], object]) -> Callable[[], None]:
        """Receive every event published from now on; returns the function that stops it."""
        return self.bus.subscribe(subscriber)

    # Events --------------------------------------------------------------------------------------

    def events(self, query: EventQuery) -> Deferred[dict[str, Any]]:
        """A page of stored events, newest first, read in the store's thread."""
        try:
            sql, args = _event_select(query)
        except InvalidRequest as e:
            return fail(e)
        limit = query.limit

        def read(conn: sqlite3.Connection) -> dict[str, Any]:
            rows = conn.execute(sql, args).fetchall()
            page = rows[:limit]
            events = [{"id": row_id, **json.loads(body)} for row_id, body in page]
            more = len(rows) > limit
            return {"events": events, "next_before": page[-1][0] if more else None}

        return self.store.run(read)

    def event_stats(
        self, *, since: float, bucket: float = 60.0, top: int = 10
    ) -> Deferred[dict[str, Any]]:
        """Events per time bucket by type, and the top sources and JA4 fingerprints since then."""
        now = self.clock.seconds()
        if not (math.isfinite(since) and now - MAX_STATS_WINDOW <= since <= now):
            return fail(
                InvalidRequest(
                    "bad_parameter", "since must be within the last 7 days (Unix seconds)"
                )
            )
        if not (math.isfinite(bucket) and 1 <= bucket <= 86400):
            return fail(InvalidRequest("bad_parameter", "bucket must be 1 to 86400 seconds"))
        if not 1 <= top <= 100:
            return fail(InvalidRequest("bad_parameter", "top must be 1 to 100"))

        def read(conn: sqlite3.Connection) -> dict[str, Any]:
            per_bucket = conn.execute(
                "SELECT CAST(time / ? AS INTEGER), event_id, count(*) FROM events "
                "WHERE time >= ? GROUP BY 1, 2 ORDER BY 1, 2",
                (bucket, since),
            ).fetchall()
            sources = conn.execute(
                "SELECT source, count(*) AS n FROM events WHERE time >= ? AND source IS NOT NULL "
                "AND kind IN ('observation', 'verdict') GROUP BY source ORDER BY n DESC, source "
                "LIMIT ?",
                (since, top),
            ).fetchall()
            ja4 = conn.execute(
                "SELECT j, count(*) AS n FROM (SELECT coalesce(json_extract(body, '$.detail.ja4'),"
                " json_extract(body, '$.evidence.ja4')) AS j FROM events WHERE time >= ?) "
                "WHERE j IS NOT NULL GROUP BY j ORDER BY n DESC, j LIMIT ?",
                (since, top),
            ).fetchall()
            return {
                "since": since,
                "until": now,
                "bucket": bucket,
                "per_bucket": [
                    {"start": b * bucket, "event_id": e, "count": n} for b, e, n in per_bucket
                ],
                "top_sources": [{"source": s, "count": n} for s, n in sources],
                "top_ja4": [{"ja4": str(j), "count": n} for j, n in ja4],
            }

        return self.store.run(read)

    # Bans and allows -----------------------------------------------------------------------------

    def _bans(self) -> BanList:
        if self.banlist is None:
            raise Unavailable("bans_unavailable", "the ban list is not running on this node")
        return self.banlist

    def bans(
        self, *, active: bool = True, source: str | None = None, after: int = 0, limit: int = 1000
    ) -> Deferred[dict[str, Any]]:
        """A page of bans by id; pass ``next_after`` back as ``after`` for the next one."""
        try:
            banlist = self._bans()
        except ControlError as e:
            return fail(e)
        if not 1 <= limit <= 10_000:
            return fail(InvalidRequest("bad_parameter", "limit must be from 1 to 10000"))
        if after < 0:
            return fail(InvalidRequest("bad_parameter", "after must be a ban id (0 or more)"))
        d = banlist.list_bans(active=active, source=source, after_id=after, limit=limit)  # type: ignore[arg-type]

        def page(bans: list[Ban]) -> dict[str, Any]:
            return {
                "bans": [b.to_json() for b in bans],
                "next_after": bans[-1].id if len(bans) == limit else None,
            }

        return d.addCallbacks(page, _translate)

    def ban(
        self, network: str, *, duration: str | float | None, reasons: Sequence[str], by: str
    ) -> Deferred[dict[str, Any]]:
        """An operator's ban: fires after the commit with the stored ban (and a warning, if any).

        ``duration``: seconds, text such as "1h", or None / "permanent" for a permanent ban.
        """
        try:
            banlist = self._bans()
            net = _network(network, "ban network")
            seconds = _duration(duration)
        except ControlError as e:
            return fail(e)
        d = _shield(
            banlist.add(
                net,
                duration=seconds,
                source="operator",
                reasons=list(reasons),
                provenance={"by": by},
            )
        )
        return d.addCallbacks(lambda ban: {"ban": ban.to_json()}, _translate)

    def unban(self, network: str, *, by: str) -> Deferred[dict[str, Any]]:
        try:
            banlist = self._bans()
            net = _network(network, "ban network")
        except ControlError as e:
            return fail(e)
        d = _shield(banlist.remove(net, by=by))
        return d.addCallbacks(lambda ban: {"ban": ban.to_json()}, _translate)

    def allows(self) -> dict[str, Any]:
        """Every allow entry, built-in ones first. Raises Unavailable."""
        return {"allowlist": [r.to_json() for r in self._bans().allows()]}

    def allow(self, network: str, *, reason: str) -> Deferred[dict[str, Any]]:
        try:
            banlist = self._bans()
            net = _network(network, "allow network")
        except ControlError as e:
            return fail(e)
        d = _shield(banlist.add_allow(net, reason=reason, origin="operator"))
        return d.addCallbacks(lambda rule: {"allow": rule.to_json()}, _translate)

    def unallow(self, network: str) -> Deferred[dict[str, Any]]:
        try:
            banlist = self._bans()
            net = _network(network, "allow network")
        except ControlError as e:
            return fail(e)
        d = _shield(banlist.remove_allow(net))
        return d.addCallbacks(lambda rule: {"allow": rule.to_json()}, _translate)

    def explain(self, address: str) -> Deferred[dict[str, Any]]:
        """Why an address is, or is not, dropped in the current mode."""
        try:
            banlist = self._bans()
            net = _network(address, "address")
        except ControlError as e:
            return fail(e)
        if self.policy is not None:
            d = self.policy.explain(net)
        else:
            d = banlist.explain(net, self.config.node.mode)
        return d.addCallbacks(self._explained, _translate)

    def _explained(self, result: ExplainResult) -> dict[str, Any]:
        out = result.to_json()
        # The kernel keeps the traps open to a banned source (kernel.traps_open_to_banned): an
        # operator who sees it still talking to a trap should read why here.
        dropped = result.status == "banned" and result.would_drop and result.mode == "enforce"
        if dropped and self.config.kernel.traps_open_to_banned:
            out["summary"] = (
                f"{out['summary']}, except to the ports traps serve, which stay open to it so "
                "its trap sessions go on recording (kernel.traps_open_to_banned)"
            )
        return out

    def import_bans(
        self,
        entries: Sequence[BanImport],
        *,
        default_duration: str | float | None,
        default_reason: str,
        by: str,
    ) -> Deferred[dict[str, Any]]:
        """Ban every entry of an imported file, after checking them all.

        One bad entry refuses the whole file (``InvalidRequest`` with every bad line in
        ``details``) and changes nothing. Entries the node's rules refuse (allowlisted) are
        reported one by one; the others are banned.
        """
        try:
            banlist = self._bans()
            checked = self._check_import(entries, default_duration, default_reason)
        except ControlError as e:
            return fail(e)
        ready, skipped = checked
        adds = [
            _shield(
                banlist.add(
                    network,
                    duration=seconds,
                    source="operator",
                    reasons=list(reasons),
                    provenance={"by": by, "import_line": line},
                )
            )
            for line, network, seconds, reasons in ready
        ]
        done = DeferredList(adds, consumeErrors=True)

        def report(results: list[tuple[bool, Any]]) -> dict[str, Any]:
            banned = 0
            refused: list[dict[str, JSONValue]] = []
            warnings: list[dict[str, JSONValue]] = []
            for (line, network, _, _), (ok, value) in zip(ready, results, strict=True):
                if ok:
                    banned += 1
                    continue
                error = value.value if isinstance(value, Failure) else value
                if isinstance(error, BanNotEnforced):
                    banned += 1
                    warnings.append({"line": line, "network": str(network), "warning": str(error)})
                else:
                    refused.append({"line": line, "network": str(network), "error": str(error)})
            return {
                "banned": banned,
                "refused": refused,
                "skipped": skipped,
                "warnings": warnings,
            }

        finished: Deferred[dict[str, Any]] = done.addCallback(report)
        return finished

    def _check_import(
        self,
        entries: Sequence[BanImport],
        default_duration: str | float | None,
        default_reason: str,
    ) -> tuple[
        list[tuple[int, Network, float | None, tuple[str, ...]]], list[dict[str, JSONValue]]
    ]:
        if len(entries) > MAX_IMPORT:
            raise InvalidRequest(
                "too_many_entries", f"{len(entries)} entries; one import takes at most {MAX_IMPORT}"
            )
        base = _duration(default_duration)
        now = self.clock.seconds()
        ready: list[_ImportReady] = []
        skipped: list[dict[str, JSONValue]] = []
        errors: list[dict[str, JSONValue]] = []
        for entry in entries:
            try:
                net = parse_network(entry.network, "network")
                check_width(net, "network")
                if entry.permanent:
                    seconds: float | None = None
                elif entry.expires is not None:
                    if entry.expires <= now:
                        skipped.append(
                            {"line": entry.line, "network": str(net), "why": "already expired"}
                        )
                        continue
                    seconds = check_duration(min(entry.expires - now, 10 * 365 * 86400.0))
                elif entry.duration is not None:
                    seconds = _duration(entry.duration)
                else:
                    seconds = base
                reasons = check_reasons(list(entry.reasons) or [default_reason])
            except (InvalidInput, InvalidAddress, InvalidRequest) as e:
                errors.append({"line": entry.line, "error": str(e)})
                continue
            ready.append((entry.line, net, seconds, reasons))
        if errors:
            first = "; ".join(f"line {e['line']}: {e['error']}" for e in errors[:3])
            more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
            raise InvalidRequest(
                "invalid_import",
                f"nothing was imported: {len(errors)} bad entries: {first}{more}",
                errors[:1000],
            )
        return ready, skipped

    def export_bans(self, page: Callable[[list[dict[str, JSONValue]]], object]) -> Deferred[int]:
        """Every active ban, oldest first, handed to ``page`` a page at a time (a million bans
        never sit in memory at once, and the reactor runs between pages); fires with the count.
        """
        return self._active_bans_paged(lambda bans: page([b.to_json() for b in bans]))

    def export_stix(self) -> Deferred[bytes]:
        """Every active ban and every allow as one STIX 2.1 bundle (``honeymesh.intel.stix``),
        built in a thread: the ``stix2`` library checks each object as it makes it."""
        from honeymesh.intel.stix import bundle as stix_bundle  # noqa: PLC0415 - on first use

        collected: list[Ban] = []
        d = self._active_bans_paged(collected.extend)
        settings = self._stix_settings()

        def build(_: int) -> Deferred[str]:
            allows = self._bans().allows()
            return deferToThread(stix_bundle, collected, allows, settings)

        return d.addCallback(build).addCallback(lambda text: text.encode("utf-8"))

    def taxii_entries(self) -> Deferred[list[TaxiiEntry]]:
        """The TAXII collection (``honeymesh.intel.taxii``): every ban, active or lifted, every
        allow, and the Sightings and what they refer to, each dated. Built in a thread (the
        ``stix2`` library checks each object as it makes it) and kept until a ban or an allow
        changes, so that a client paging through the collection pays for it once."""
        from honeymesh.intel.taxii import collection_entries  # noqa: PLC0415 - on first use

        collected: list[Ban] = []
        d = self._bans_paged(collected.extend, active=False)
        settings = self._stix_settings()

        def build(_: int) -> Deferred[list[TaxiiEntry]] | list[TaxiiEntry]:
            allows = self._bans().allows()
            key = hash((tuple((b.id, b.lifted, b.expires) for b in collected),
                        tuple((a.network, a.id, a.created) for a in allows)))  # fmt: skip
            if self._taxii_cache is not None and self._taxii_cache[0] == key:
                return self._taxii_cache[1]

            def keep(entries: list[TaxiiEntry]) -> list[TaxiiEntry]:
                self._taxii_cache = (key, entries)
                return entries

            built = deferToThread(collection_entries, collected, allows, settings)
            return built.addCallback(keep)

        return d.addCallback(build)

    def _stix_settings(self) -> StixSettings:
        from honeymesh.intel.stix import StixSettings  # noqa: PLC0415 - on first use

        return StixSettings(
            node_id=self.node_id,
            node_name=self.config.node.name,
            own_level=self.config.sharing.level,
            tlp=self.config.stix.table(),
        )

    def _active_bans_paged(self, page: Callable[[list[Ban]], object]) -> Deferred[int]:
        return self._bans_paged(page, active=True)

    def _bans_paged(self, page: Callable[[list[Ban]], object], *, active: bool) -> Deferred[int]:
        """Every ban (``active``: only those in force), oldest first, handed to ``page`` a page
        at a time; fires with the count."""
        try:
            banlist = self._bans()
        except ControlError as e:
            return fail(e)
        result: Deferred[int] = Deferred()
        count = 0

        def next_page(after: int) -> None:
            d = banlist.list_bans(active=active, after_id=after, limit=EXPORT_PAGE)
            d.addCallback(got).addErrback(lambda f: result.errback(_to_control_failure(f)))

        def got(bans: list[Ban]) -> None:
            nonlocal count
            count += len(bans)
            page(bans)
            if len(bans) == EXPORT_PAGE:
                next_page(bans[-1].id)
            else:
                result.callback(count)

        next_page(0)
        return result

    # Mode ----------------------------------------------------------------------------------------

    def set_mode(self, mode: str, *, by: str) -> Deferred[dict[str, Any]]:
        """Switch TEST / ENFORCE / LOCKDOWN at run time; fires once the change is persisted."""
        if mode not in MODES:
            return fail(InvalidRequest("invalid_mode", f"mode must be one of {', '.join(MODES)}"))
        if self.policy is None:
            return fail(
                Unavailable(
                    "mode_switch_unavailable",
                    "the policy engine is not running on this node; the mode is "
                    f"{self.mode} (from {self.config.source})",
                )
            )
        previous = self.mode
        d = _shield(self.policy.set_mode(mode, by=by))
        return d.addCallbacks(lambda _: {"mode": self.mode, "previous": previous}, _translate)

    # Peers and licensing -------------------------------------------------------------------------

    def _trust(self) -> TrustApi:
        if self.trust is None:
            raise Unavailable("trust_unavailable", "peer trust is not running on this node")
        return self.trust

    def peers(self) -> dict[str, Any]:
        """Every peer with its trust score and level, and peers per level. Raises Unavailable."""
        return dict(self._trust().peers())

    def peer(self, peer_id: str) -> Deferred[dict[str, Any]]:
        """One peer and its latest audit entries."""
        try:
            d = _shield(self._trust().peer(peer_id))
        except ControlError as e:
            return fail(e)
        return d.addCallbacks(dict, _translate)

    def penalize(
        self, peer_id: str, points: float, *, reason: str, by: str
    ) -> Deferred[dict[str, Any]]:
        """Take trust points from a peer, audited; fires once persisted."""
        try:
            trust = self._trust()
        except ControlError as e:
            return fail(e)
        d = _shield(trust.penalize(peer_id, {"points": points, "reason": reason}, by))
        return d.addCallbacks(dict, _translate)

    def designate(
        self, peer_id: str, authoritative: bool, *, reason: str, by: str
    ) -> Deferred[dict[str, Any]]:
        """Grant or revoke a peer's L3 (authoritative) designation, audited."""
        try:
            trust = self._trust()
        except ControlError as e:
            return fail(e)
        body = {"authoritative": authoritative, "reason": reason}
        return _shield(trust.designate(peer_id, body, by)).addCallbacks(dict, _translate)

    def trust_audit(self, peer_id: str | None, limit: int) -> Deferred[dict[str, Any]]:
        """The trust audit trail, newest first."""
        try:
            trust = self._trust()
        except ControlError as e:
            return fail(e)
        return _shield(trust.audit(peer_id, limit)).addCallbacks(dict, _translate)

    def license(self) -> dict[str, Any]:
        """The entitlement in force and whether sharing may run. Raises Unavailable."""
        if self.entitlement is None:
            raise Unavailable("license_unavailable", "licensing is not running on this node")
        ent = self.entitlement()
        return {
            **ent.status(),
            "sharing": sharing_decision(ent, self.config.sharing).status(),
        }

    # The mesh ------------------------------------------------------------------------------------

    def _mesh(self) -> MeshService:
        if self.mesh is None:
            raise Unavailable("mesh_unavailable", "the mesh is not part of this node")
        return self.mesh

    def _running_mesh(self) -> MeshService:
        """The mesh, if it runs; a stopped or disabled one is ``Unavailable``, with its reason."""
        mesh = self._mesh()
        if mesh.state in ("stopped", "disabled"):
            raise Unavailable("mesh_off", f"the mesh is not running: {mesh.decision.reason}")
        return mesh

    def mesh_summary(self) -> dict[str, Any] | None:
        """The mesh in a few fields (for the status): state and why, cluster, members, peers."""
        if self.mesh is None:
            return None
        status = self.mesh.status()
        keys = ("state", "reason", "cluster", "members", "publish", "consume")
        summary = {k: status[k] for k in keys}
        connected = status["peers"]["active"] + status["peers"]["demoted"]
        offline = max(0, status["members"] - 1 - connected) if status["state"] == "member" else 0
        summary["peers"] = {**status["peers"], "offline": offline}
        return summary

    def mesh_status(self) -> dict[str, Any]:
        return self._mesh().status()

    def mesh_peers(self) -> dict[str, Any]:
        """Members with their connection state, standing and BTL trust."""
        mesh = self._mesh()
        trust: dict[str, Any] = {}
        listed = self.trust.peers().get("peers") if self.trust is not None else None
        for p in listed if isinstance(listed, list) else []:
            if isinstance(p, dict):
                trust[str(p.get("id"))] = p
        peers = []
        for peer in mesh.peers():
            t = trust.get(peer["node_id"], {})
            peers.append({**peer, "level": t.get("level"), "score": t.get("score")})
        return {
            "peers": peers,
            "cluster": mesh.cluster,
            "state": mesh.state,
            "reason": mesh.decision.reason,
        }

    def mesh_tokens(self) -> Deferred[dict[str, Any]]:
        d = _mesh_call(lambda: self._running_mesh().list_tokens())
        return d.addCallback(lambda rows: {"tokens": rows})

    def mesh_create_token(
        self, *, ttl: float, uses: int, admin: bool, note: str
    ) -> Deferred[dict[str, Any]]:
        """A join token (founding the cluster on a node in none); bad limits refuse first."""
        low, high = MESH_TOKEN_TTL
        if not (math.isfinite(ttl) and low <= ttl <= high):
            return fail(InvalidRequest("bad_field", "'ttl' must be from 60 s (1m) to 30 days"))
        low_uses, high_uses = MESH_TOKEN_USES
        if not low_uses <= uses <= high_uses:
            return fail(
                InvalidRequest("bad_field", f"'uses' must be from {low_uses} to {high_uses}")
            )
        if len(note) > MESH_TOKEN_NOTE or not note.isprintable():
            return fail(
                InvalidRequest(
                    "bad_field", f"'note' must be printable text of at most {MESH_TOKEN_NOTE}"
                )
            )
        return _mesh_call(lambda: self._mesh().create_token(ttl=ttl, uses=uses, admin=admin,
                                                            note=note))  # fmt: skip

    def mesh_revoke_token(self, token_id: str) -> Deferred[dict[str, Any]]:
        return _mesh_call(lambda: self._running_mesh().revoke_token(token_id))

    def mesh_join(self, token: str) -> Deferred[dict[str, Any]]:
        return _mesh_call(lambda: self._mesh().join(token))

    def mesh_remove(self, node: str, *, reason: str) -> Deferred[dict[str, Any]]:
        return _mesh_call(lambda: self._mesh().remove(node, reason=reason))


_MESH_ERRORS: dict[str, type[ControlError]] = {
    "bad-request": InvalidRequest,
    # What the join token's parser says of text that is not a whole, readable token.
    "not-a-token": InvalidRequest,
    "too-long": InvalidRequest,
    "bad-version": InvalidRequest,
    "cut-short": InvalidRequest,
    "damaged-token": InvalidRequest,
    "bad-token": InvalidRequest,
    "mesh-off": Unavailable,
    "removed": Unavailable,
    "unreachable": Unavailable,
    "not-found": NotFound,
    "unknown-token": NotFound,
}


def _mesh_call(call: Callable[[], Deferred[T]]) -> Deferred[T]:
    """A mesh request, its MeshError or TokenError turned into the facade's errors."""
    from honeymesh.mesh.joining import JoinError  # noqa: PLC0415
    from honeymesh.mesh.service import MeshError  # noqa: PLC0415
    from honeymesh.mesh.tokens import TokenError  # noqa: PLC0415

    def translate(failure: Failure) -> Failure:
        error = failure.value
        if isinstance(error, MeshError | JoinError | TokenError):
            code = error.reason if isinstance(error, TokenError) else error.code
            message = error.detail if isinstance(error, TokenError) else str(error)
            kind = _MESH_ERRORS.get(code, Conflict)
            return Failure(kind(code.replace("-", "_"), message))
        return failure

    try:
        d = call()
    except ControlError as e:
        return fail(e)
    return _shield(d).addErrback(translate)


# Helpers of the facade -------------------------------------------------------------------------


def _shield(d: Deferred[T]) -> Deferred[T]:
    """A Deferred that fires with ``d``'s result; cancelling it leaves ``d`` to run its course.

    Services chain their own bookkeeping on the Deferreds they return (after the commit: the
    in-memory index, the kernel maps, the event). A caller that gives up (an HTTP client that
    disconnects, and Klein cancels the route's Deferred) must not cut that chain.
    """
    out: Deferred[T] = Deferred()

    def forward(result: object) -> None:
        if not out.called:
            out.callback(result)  # type: ignore[arg-type]

    d.addBoth(forward)
    return out


def _network(text: str, what: str) -> Network:
    """The network an operator named, parsed once here; raises InvalidRequest."""
    try:
        return parse_network(text, what)
    except InvalidAddress as e:
        raise InvalidRequest("invalid_input", str(e)) from None


def _duration(value: str | float | None) -> float | None:
    """Seconds (or None: permanent) from a number or text such as "1h"; raises InvalidRequest."""
    try:
        if value is None:
            return None
        if isinstance(value, str):
            return parse_duration(value)
        return check_duration(value)
    except (DurationError, InvalidInput) as e:
        raise InvalidRequest("invalid_duration", str(e)) from None


_ERROR_CODES: tuple[tuple[type[Exception], type[ControlError], str], ...] = (
    (InvalidInput, InvalidRequest, "invalid_input"),
    (InvalidAddress, InvalidRequest, "invalid_input"),
    (Allowlisted, Conflict, "allowlisted"),
    (BuiltinAllow, Conflict, "builtin_allow"),
    (NotBanned, NotFound, "not_banned"),
    (NotAllowlisted, NotFound, "not_allowlisted"),
)


def _to_control_failure(failure: Failure) -> Failure:
    try:
        _translate(failure)
    except ControlError as e:
        return Failure(e)
    return failure  # pragma: no cover - _translate always raises


def _translate(failure: Failure) -> dict[str, Any]:
    """Turn a service's error into a ControlError (raised); a warning-only outcome into a result.

    A ban or allow that is committed but that the backend refused is a success with a warning:
    the node holds it and will retry; the caller must still hear about it.
    """
    error = failure.value
    if isinstance(error, BanNotEnforced):
        return {"ban": error.ban.to_json(), "warning": str(error)}
    if isinstance(error, AllowNotEnforced):
        return {"allow": error.rule.to_json(), "warning": str(error)}
    if isinstance(error, ControlError):
        raise error
    if isinstance(error, TrustApiError):
        by_status: dict[int, type[ControlError]] = {404: NotFound, 409: Conflict, 503: Unavailable}
        raise by_status.get(error.status, InvalidRequest)(error.code, error.message) from None
    if isinstance(error, ModeNotApplied):
        raise Unavailable("mode_not_applied", str(error)) from None
    if isinstance(error, StoreError):
        # StoreError and its kinds (closed, unavailable: the disk is full...): nothing was
        # saved, and the caller hears why.
        raise Unavailable(
            "store_unavailable", f"the database could not save this: {error}"
        ) from None
    for kind, control_error, code in _ERROR_CODES:
        if isinstance(error, kind):
            raise control_error(code, str(error)) from None
    if isinstance(error, BanListError | ValueError):
        raise InvalidRequest("invalid_input", str(error)) from None
    failure.raiseException()
    raise AssertionError("unreachable")  # pragma: no cover


def _event_select(query: EventQuery) -> tuple[str, list[object]]:
    """The SQL for an event page; raises InvalidRequest for a bad filter."""
    if not 1 <= query.limit <= MAX_EVENTS_PAGE:
        raise InvalidRequest("bad_parameter", f"limit must be from 1 to {MAX_EVENTS_PAGE}")
    known = {str(e) for e in EventId}
    unknown = [t for t in query.types if t not in known]
    if unknown:
        raise InvalidRequest(
            "unknown_event_type",
            f"{unknown[0]!r} is not an event id (see docs/EVENTS.md)",
        )
    where: list[str] = []
    args: list[object] = []
    if query.types:
        where.append(f"event_id IN ({', '.join('?' * len(query.types))})")
        args += query.types
    if query.sources:
        forms: list[str] = []
        for text in query.sources:
            forms += _source_forms(text)
        where.append(f"source IN ({', '.join('?' * len(forms))})")
        args += forms
    for value, clause in ((query.since, "time >= ?"), (query.until, "time < ?")):
        if value is not None:
            if not math.isfinite(value):
                raise InvalidRequest("bad_parameter", "since and until are Unix seconds")
            where.append(clause)
            args.append(value)
    if query.before is not None:
        where.append("id < ?")
        args.append(query.before)
    sql = "SELECT id, body FROM events"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY id DESC LIMIT ?"
    args.append(query.limit + 1)
    return sql, args


def _source_forms(text: str) -> list[str]:
    """How a source address is written in the events table: plain, and as a /32 or /128."""
    try:
        net = parse_network(text, "source")
    except InvalidAddress as e:
        raise InvalidRequest("bad_parameter", str(e)) from None
    if net.num_addresses == 1:
        address = str(net.network_address)
        return [address, str(net)]
    return [str(net)]


__all__ = [
    "MAX_REASON_CHARS",
    "BanImport",
    "Conflict",
    "Control",
    "ControlError",
    "EventQuery",
    "InvalidRequest",
    "NotFound",
    "Unavailable",
]
