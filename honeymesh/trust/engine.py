"""The Twisted side of peer trust: the sans-IO model, the database and the event bus, joined.

``TrustEngine`` runs every rule of ``TrustModel`` in the reactor thread (each call is a few dict
operations: it never blocks), hands what changed to the store's writer thread, and fires the
Deferred it returned once that change is committed; then it publishes the ``trust.*`` events.
``TrustService`` restores the state at start and runs the housekeeping tick.

The mesh calls ``evaluate(signal)`` for every validated remote signal; operators reach
``penalize`` and ``designate`` through ``honeymesh.trust.api``; detection calls ``confirm`` when
an address hits our own traps; the ban list calls ``contradict`` when an operator lifts a ban.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from twisted.application.service import MultiService
from twisted.internet.defer import Deferred, fail, maybeDeferred, succeed
from twisted.internet.interfaces import IReactorTime
from twisted.logger import Logger
from twisted.python.failure import Failure

from honeymesh.config import TrustConfig
from honeymesh.events import Event, EventId, JSONValue, Notice
from honeymesh.net import Network
from honeymesh.periodic import PeriodicService
from honeymesh.store.db import Store
from honeymesh.trust.model import (
    AuditEntry,
    Changes,
    PeerView,
    RemoteSignal,
    ScoreChange,
    TrustDecision,
    TrustError,
    TrustModel,
)
from honeymesh.trust.persistence import TrustState, load_state, read_audit, save_changes

Allowlisted = Callable[[Network], bool]
SuspectBans = Callable[[Sequence[Network]], object]

_PENALTY_ACTIONS = frozenset({"penalty", "canary", "allowlisted", "contradicted", "unsupported"})


class TrustUnavailable(TrustError):
    """The trust state could not be restored from the database, so no signal is evaluated."""


def nothing_allowlisted(network: Network) -> bool:
    return False


class TrustEngine:
    """Trust decisions as Deferreds, fired after the state they changed is committed.

    ``allowlisted(network)`` answers whether a ban target is on our allowlist (wire it to the
    ban list). ``suspect_bans(targets)`` is told which enforced bans rested on a peer that was
    just caught signalling a canary, so they can be reviewed or lifted.

    Until ``restore()`` has loaded the stored state, calls wait; if it fails they fail with
    ``TrustUnavailable``.
    """

    _log = Logger()

    def __init__(
        self,
        config: TrustConfig,
        store: Store,
        clock: IReactorTime,
        publish: Callable[[Event], None],
        *,
        allowlisted: Allowlisted = nothing_allowlisted,
        suspect_bans: SuspectBans | None = None,
    ) -> None:
        self.config = config
        self._store = store
        self._clock = clock
        self._publish = publish
        self._allowlisted = allowlisted
        self._suspect_bans = suspect_bans
        self._model = TrustModel(config, now=clock.seconds())
        self._ready = False
        self._failure: Failure | None = None
        self._waiting: list[Deferred[None]] = []
        self.evaluated = 0

    # Start -------------------------------------------------------------------------------------

    def restore(self) -> Deferred[TrustState]:
        """Load peers and remembered signals from the database; then expire what went stale."""
        d = self._store.run(load_state)
        d.addErrback(self._restore_failed)
        return d.addCallback(self._restored)

    def _restored(self, state: TrustState) -> Deferred[TrustState]:
        now = self._clock.seconds()
        self._model = TrustModel(self.config, now=now, peers=state.peers, claims=state.claims)
        self._publish(
            Notice(
                EventId.TRUST_RESTORED,
                now,
                {
                    "peers": len(state.peers),
                    "held": len(self._model.held()),
                    "claims": len(state.claims),
                    "unreadable": state.unreadable,
                },
            )
        )
        self._ready = True
        waiting, self._waiting = self._waiting, []
        for d in waiting:
            d.callback(None)
        return self.tick().addCallback(lambda _: state)

    def _restore_failed(self, failure: Failure) -> Failure:
        self._log.failure("peer trust state could not be restored", failure)
        self._failure = failure
        waiting, self._waiting = self._waiting, []
        for d in waiting:
            d.errback(Failure(TrustUnavailable(f"trust state unavailable: {failure.value}")))
        return failure

    def _when_ready(self) -> Deferred[None]:
        if self._ready:
            return succeed(None)
        if self._failure is not None:
            return fail(TrustUnavailable(f"trust state unavailable: {self._failure.value}"))
        d: Deferred[None] = Deferred()
        self._waiting.append(d)
        return d

    # What the mesh, detection and the ban list call --------------------------------------------

    def evaluate(self, signal: RemoteSignal) -> Deferred[TrustDecision]:
        """Decide what a validated remote signal may do (see ``TrustModel`` for the rules)."""

        def run(_: None) -> Deferred[TrustDecision]:
            result = self._model.evaluate(
                signal, self._clock.seconds(), allowlisted=self._allowlisted(signal.network)
            )
            self.evaluated += 1
            d = self._commit(result.changes, result.decision)
            return d.addCallback(lambda _: result.decision)

        return self._when_ready().addCallback(run)

    def confirm(self, address: str) -> Deferred[list[ScoreChange]]:
        """``address`` hit one of our own traps: reward the peers that reported it."""
        return self._apply(lambda now: self._model.confirm(address, now))

    def contradict(
        self, target: str | Network, *, reason: str, actor: str
    ) -> Deferred[list[ScoreChange]]:
        """A ban on ``target`` was lifted by an operator: penalize the peers that claimed it."""
        return self._apply(
            lambda now: self._model.contradict(target, now, reason=reason, actor=actor)
        )

    def join(self, peer_id: str) -> Deferred[PeerView]:
        """Register a mesh member at the configured start level (idempotent)."""
        d = self._apply(lambda now: self._model.join(peer_id, now))
        return d.addCallback(lambda _: self.peer(peer_id))

    def tick(self) -> Deferred[list[ScoreChange]]:
        """Housekeeping: held signals expire, old claims go, decay-driven level changes."""
        return self._apply(self._model.tick)

    # What operators call (through honeymesh.trust.api) -----------------------------------------

    def penalize(
        self, peer_id: str, points: float, *, reason: str, actor: str
    ) -> Deferred[tuple[PeerView, AuditEntry]]:
        def done(changes: Changes) -> tuple[PeerView, AuditEntry]:
            return self.peer(peer_id), changes.audit[-1]

        d = self._apply_changes(
            lambda now: self._model.penalize(peer_id, points, now, reason=reason, actor=actor)
        )
        return d.addCallback(done)

    def designate(
        self, peer_id: str, authoritative: bool, *, reason: str, actor: str
    ) -> Deferred[PeerView]:
        d = self._apply_changes(
            lambda now: self._model.designate(
                peer_id, authoritative, now, reason=reason, actor=actor
            )
        )
        return d.addCallback(lambda _: self.peer(peer_id))

    def peers(self) -> list[PeerView]:
        return self._model.views(self._clock.seconds())

    def peer(self, peer_id: str) -> PeerView:
        """Raises UnknownPeer."""
        return self._model.view(peer_id, self._clock.seconds())

    def audit(self, peer_id: str | None = None, limit: int = 100) -> Deferred[list[AuditEntry]]:
        return self._store.run(lambda conn: read_audit(conn, peer_id, limit))

    @property
    def model(self) -> TrustModel:
        """The model itself, for reading (tests, the simulation); change it only through here."""
        return self._model

    # Committing and announcing -----------------------------------------------------------------

    def _apply(self, operation: Callable[[float], Changes]) -> Deferred[list[ScoreChange]]:
        d = self._apply_changes(operation)
        return d.addCallback(lambda changes: list(changes.score_changes))

    def _apply_changes(self, operation: Callable[[float], Changes]) -> Deferred[Changes]:
        def run(_: None) -> Deferred[Changes]:
            changes = operation(self._clock.seconds())
            return self._commit(changes, None).addCallback(lambda _: changes)

        return self._when_ready().addCallback(lambda _: maybeDeferred(run, None))

    def _commit(self, changes: Changes, decision: TrustDecision | None) -> Deferred[None]:
        """Persist, then publish the events (also when persisting failed: it did happen).

        A trap hit on an address no peer reported, or a quiet tick, costs no transaction.
        """
        if changes.stored_nothing:
            d: Deferred[None] = succeed(None)
        else:
            d = self._store.run(lambda conn: save_changes(conn, changes))

        def announce(result: Failure | None) -> Failure | None:
            if isinstance(result, Failure):
                self._log.failure("trust state change not saved", result)
            self._announce(changes, decision)
            return result

        return d.addBoth(announce)

    def _announce(self, changes: Changes, decision: TrustDecision | None) -> None:
        now = self._clock.seconds()
        decisions = ([decision] if decision is not None else []) + list(changes.decisions)
        for made in decisions:
            detail = made.provenance()
            if made is decision and changes.suspect_bans:
                detail["suspect_bans"] = [str(n) for n in changes.suspect_bans]
            self._publish(
                Notice(EventId.TRUST_DECISION, made.time, detail, source=str(made.signal.network))
            )
        for change in changes.score_changes:
            if change.level_changed:
                self._publish(
                    Notice(
                        EventId.TRUST_LEVEL_CHANGED,
                        change.time,
                        {
                            "peer": change.peer_id,
                            "level_before": str(change.level_before),
                            "level_after": str(change.level_after),
                            "score_before": round(change.score_before, 2),
                            "score_after": round(change.score_after, 2),
                            "cause": str(change.cause),
                            "detail": change.detail,
                        },
                    )
                )
        for entry in changes.audit:
            if entry.action in _PENALTY_ACTIONS:
                fields: dict[str, JSONValue] = entry.as_json()
                del fields["time"]
                self._publish(Notice(EventId.TRUST_PENALTY, entry.time, fields))
            else:
                self._publish(
                    Notice(
                        EventId.TRUST_DESIGNATED,
                        entry.time,
                        {
                            "peer": entry.peer_id,
                            "authoritative": entry.action == "designate",
                            "actor": entry.actor,
                            "reason": entry.reason,
                        },
                    )
                )
        if changes.suspect_bans and self._suspect_bans is not None:
            try:
                self._suspect_bans(changes.suspect_bans)
            except Exception:
                self._log.failure("suspect-ban handler failed at {now}", now=now)


class TrustService(MultiService):
    """Restores trust state when started (add it after the StoreService) and runs housekeeping
    every ``trust.tick_interval`` seconds."""

    def __init__(self, engine: TrustEngine, reactor: IReactorTime) -> None:
        super().__init__()
        self.setName("trust")
        self.engine = engine
        self.ready: Deferred[TrustState] | None = None
        PeriodicService(
            "trust-housekeeping", engine.config.tick_interval, engine.tick, reactor
        ).setServiceParent(self)

    def startService(self) -> None:
        self.ready = self.engine.restore()
        self.ready.addErrback(lambda _: None)  # logged by the engine; calls fail with a reason
        super().startService()
