"""The policy engine: the only code that turns detectors' verdicts into bans.

``decide(verdict)`` answers every verdict with a ``Decision`` that carries its reasons and
evidence and is published on the event bus (``policy.decision``):

1. a source that is not an IP address is observed, never banned;
2. an allowlisted source is allowed (allow always wins);
3. a score under the detector's threshold, or a detector configured not to ban, is observed;
4. a source already banned at least as long as this verdict would ban it is observed;
5. otherwise the source is banned: in TEST mode only as a logged "would ban" (nothing reaches
   the ban list or the kernel); in ENFORCE and LOCKDOWN through ``BanList.add`` with escalation,
   and the Decision fires only once the ban is committed and in the backend.

IPv6 sources are banned as their ``policy.ipv6_prefix`` network (a /64 by default): the
BanList widens them, as the kernel masks IPv6 sources the same way. Link-local sources
(fe80::/10, 169.254.0.0/16) are never widened: fe80::/64 is every host on the link, router
included, so a verdict on one on-link host bans that host's /128 only.
``decide`` never fails: a ban that could not be made is an ``observe`` decision saying why.

The mode is switched with ``set_mode``: the backend takes it first (LOCKDOWN lives in the
kernel), then it is stored in ``settings``; if storing fails the backend is put back.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from twisted.internet.defer import Deferred, DeferredLock, fail, gatherResults, succeed
from twisted.internet.interfaces import IReactorTime
from twisted.logger import Logger
from twisted.python.failure import Failure

from honeymesh.config import Mode, PolicyConfig
from honeymesh.enforcement.backend import BackendError
from honeymesh.enforcement.banlist import (
    Allowlisted,
    AllowRule,
    Ban,
    BanList,
    BanNotEnforced,
    BanSource,
    Escalation,
    ExplainResult,
    InvalidInput,
    Lifted,
)
from honeymesh.enforcement.bans import (
    MAX_ACTOR_CHARS,
    MAX_JSON_BYTES,
    MAX_REASON_CHARS,
    MAX_REASONS,
    check_text,
    check_width,
)
from honeymesh.enforcement.durations import format_duration
from honeymesh.events import Decision, Event, EventId, JSONValue, Notice, Verdict
from honeymesh.net import InvalidAddress, Network, parse_network
from honeymesh.policy.modes import ModeError, parse_mode, read_mode, write_mode
from honeymesh.store.db import Store, log_job_failure
from honeymesh.trust.engine import TrustEngine
from honeymesh.trust.model import MAX_ID_LENGTH, TrustDecision


class ModeNotApplied(Exception):
    """The backend refused the mode; nothing was changed."""

    def __init__(self, mode: Mode, cause: BackendError) -> None:
        self.mode = mode
        self.cause = cause
        super().__init__(f"the enforcement backend refused mode {mode}: {cause}")


@dataclass(frozen=True)
class DetectorRule:
    """What one detector's verdicts do: ban at ``threshold`` for ``duration`` (None: permanent)."""

    threshold: float
    duration: float | None
    ban: bool


@dataclass(frozen=True)
class ModeChange:
    mode: Mode
    previous: Mode
    by: str
    time: float

    @property
    def changed(self) -> bool:
        return self.mode != self.previous


class PolicyRules:
    """``[policy]`` resolved: a rule per detector and the escalation."""

    def __init__(self, config: PolicyConfig) -> None:
        self.default = DetectorRule(config.ban_threshold, config.ban_duration, ban=True)
        self.by_detector: dict[str, DetectorRule] = {}
        for d in config.detectors:
            duration = (
                None if d.permanent else (config.ban_duration if d.duration == -1 else d.duration)
            )
            threshold = config.ban_threshold if d.threshold == -1 else d.threshold
            self.by_detector[d.name] = DetectorRule(threshold, duration, d.ban)
        self.escalation = Escalation(
            multiplier=config.escalation_multiplier,
            max_duration=config.max_ban_duration,
            permanent_after=config.permanent_after,
        )
        self.suspect_mesh_bans = config.suspect_mesh_bans

    def rule_for(self, detector: str) -> DetectorRule:
        return self.by_detector.get(detector, self.default)


def clean_reason(text: str) -> str:
    """A detector's reason made safe to store: control characters escaped, length capped."""
    escaped = "".join(c if 0x20 <= ord(c) != 0x7F else f"\\x{ord(c):02x}" for c in str(text))
    escaped = escaped.strip() or "(empty reason)"
    if len(escaped) > MAX_REASON_CHARS:
        escaped = escaped[: MAX_REASON_CHARS - 1] + "…"
    return escaped


class PolicyEngine:
    """Verdicts in, Decisions out; the mode, persisted; explanations."""

    _log = Logger()

    def __init__(
        self,
        banlist: BanList,
        store: Store,
        config: PolicyConfig,
        clock: IReactorTime,
        publish: Callable[[Event], None],
        *,
        initial_mode: Mode,
    ) -> None:
        self._banlist = banlist
        self._store = store
        self._clock = clock
        self._publish = publish
        self.rules = PolicyRules(config)
        self._mode: Mode = initial_mode
        self.mode_origin = "config"  # or "database" once load() found a stored mode
        self._mode_lock = DeferredLock()
        self.decisions = 0

    @property
    def mode(self) -> Mode:
        return self._mode

    # The mode ----------------------------------------------------------------------------------

    def load(self) -> Deferred[Mode]:
        """At start: the stored mode (else the config's) is handed to the backend."""

        def apply(stored: Mode | None) -> Mode:
            mode = stored or self._mode
            self.mode_origin = "database" if stored else "config"
            try:
                self._banlist.set_backend_mode(mode)
            except BackendError as e:
                raise ModeNotApplied(mode, e) from e
            self._mode = mode
            self._log.info("enforcement mode {mode} (from the {origin})", mode=mode,
                           origin=self.mode_origin)  # fmt: skip
            return mode

        return self._store.run(read_mode).addCallback(apply)

    def set_mode(self, mode: str, *, by: str = "operator") -> Deferred[ModeChange]:
        """Switch the mode at run time; fires once the backend has it and it is stored.

        Fails with ModeError (not a mode), InvalidInput (bad ``by``) or ModeNotApplied.
        """
        try:
            new = parse_mode(mode)
            actor = check_text(by, "who changes the mode", MAX_ACTOR_CHARS)
        except (ModeError, InvalidInput) as e:
            return fail(e)
        return self._mode_lock.run(self._switch, new, actor)

    def _switch(self, new: Mode, by: str) -> Deferred[ModeChange]:
        previous = self._mode
        try:
            self._banlist.set_backend_mode(new)
        except BackendError as e:
            return fail(ModeNotApplied(new, e))

        def stored(_: None) -> ModeChange:
            self._mode = new
            self.mode_origin = "database"
            change = ModeChange(new, previous, by, self._clock.seconds())
            if change.changed:
                self._log.info("mode changed from {previous} to {mode} by {by}",
                               previous=previous, mode=new, by=by)  # fmt: skip
                self._publish(Notice(EventId.MODE_CHANGED, change.time,
                                     {"mode": new, "previous": previous, "by": by}))  # fmt: skip
            return change

        def not_stored(failure: Failure) -> Failure:
            try:
                self._banlist.set_backend_mode(previous)
            except BackendError:
                self._log.failure("could not put the backend back to mode {mode}", mode=previous)
            return failure

        d = self._store.run(lambda conn: write_mode(conn, new))
        return d.addCallbacks(stored, not_stored)

    def explain(self, address: Network) -> Deferred[ExplainResult]:
        """Why an address is or is not dropped, in the current mode."""
        return self._banlist.explain(address, self._mode)

    # Verdicts ----------------------------------------------------------------------------------

    def decide(
        self,
        verdict: Verdict,
        *,
        source: BanSource = "local",
        provenance: Mapping[str, JSONValue] | None = None,
    ) -> Deferred[Decision]:
        """The policy's answer to a verdict; published, and never a failure."""
        rule = self.rules.rule_for(verdict.detector)
        draft = _Draft(
            source=verdict.source,
            origin=f"{verdict.detector} score {verdict.score:g}",
            mode=self._mode,
            reasons=tuple(clean_reason(r) for r in verdict.reasons[: MAX_REASONS - 1]),
            evidence={
                "detector": verdict.detector,
                "score": verdict.score if math.isfinite(verdict.score) else str(verdict.score),
                "threshold": rule.threshold,
                "verdict_event_id": str(verdict.event_id),
                "verdict_reasons": list(verdict.reasons),
                "verdict_evidence": _json_safe(verdict.evidence),
            },
        )
        try:
            address = parse_network(verdict.source, "verdict source")
            network = self._banlist.ban_network(address)
        except (InvalidAddress, InvalidInput) as e:  # not an address; or too wide to ban
            return succeed(self._answer(draft, "observe", None, str(e)))
        draft.evidence["network"] = str(network)

        early = self._screen(draft, verdict, rule, address, network)
        if early is not None:
            return succeed(early)

        passed = f"score {verdict.score:g} >= threshold {rule.threshold:g} ({verdict.detector})"
        if draft.mode == "test":
            return succeed(self._would_ban(draft, network, rule.duration, passed))
        d = self._banlist.add(
            network,
            duration=rule.duration,
            source=source,
            reasons=(*draft.reasons, passed),
            evidence=_bounded(draft.evidence),
            provenance=provenance,
            escalation=self.rules.escalation,
        )
        return d.addCallbacks(
            lambda ban: self._banned(draft, ban, passed),
            lambda failure: self._not_banned(draft, failure),
        )

    # Trust decisions (the mesh) ----------------------------------------------------------------

    def apply_trust(
        self,
        decision: TrustDecision,
        *,
        expires: float | None,
        provenance: Mapping[str, JSONValue],
    ) -> Deferred[Decision]:
        """Carry out what peer trust decided about a remote signal; published, never a failure.

        A decision that does not enforce (hold, observe, reject) is an ``observe`` naming the
        trust rule. An enforced ban is screened like a local verdict (allow wins; TEST mode
        only logs "would ban"; a ban already lasting as long is observed) and then made with
        source ``mesh`` until ``expires`` (None: permanent; the caller caps it), its provenance
        ``decision.provenance()`` plus ``provenance`` (trust's keys win on a clash). An enforced
        allow (only an L3 override enforces one) lifts every mesh and local ban inside or equal
        to its target, in every mode; operator bans stay, and the reasons say so.
        """
        signal = decision.signal
        draft = _Draft(
            source=str(signal.network),
            origin=f"mesh peer {signal.peer_id}, {decision.rule}",
            mode=self._mode,
            reasons=tuple(clean_reason(r) for r in signal.reasons[: MAX_REASONS - 2]),
            evidence={
                "origin": "mesh",
                "peer": signal.peer_id,
                "signal_id": signal.signal_id,
                "trust_rule": str(decision.rule),
                "trust_outcome": str(decision.outcome),
                "network": str(signal.network),
            },
        )
        trusted = _trust_reason(decision)
        try:
            if not decision.enforce:
                why = f"trust did not enforce it ({decision.outcome})"
                if decision.note:
                    why += f": {clean_reason(decision.note)}"
                return succeed(self._answer(draft, "observe", None, trusted, why))
            if signal.action == "allow":
                return self._trusted_allow(draft, decision, trusted)
            stored = {**provenance, **decision.provenance()}
            return self._trusted_ban(draft, signal.network, expires, stored, trusted)
        except Exception as e:  # never a failure, like decide
            self._log.failure("trust decision on {source} not applied", source=draft.source)
            return succeed(self._answer(draft, "observe", None, trusted, f"not applied: {e}"))

    def _trusted_ban(
        self,
        draft: _Draft,
        target: Network,
        expires: float | None,
        provenance: Mapping[str, JSONValue],
        trusted: str,
    ) -> Deferred[Decision]:
        try:
            network = self._banlist.ban_network(target)
        except InvalidInput as e:
            return succeed(self._answer(draft, "observe", None, trusted, str(e)))
        draft.evidence["network"] = str(network)
        allowed = self._banlist.allowed_by(target)
        if allowed:
            return succeed(self._allow(draft, allowed[0]))
        now = self._clock.seconds()
        duration = None if expires is None else expires - now
        if duration is not None and duration <= 0:
            why = "the signal had already expired when trust let it through"
            return succeed(self._answer(draft, "observe", None, trusted, why))
        holding = self._already_banned(network, duration)
        if holding is not None:
            net, until = holding
            draft.evidence["banned_as"] = str(net)
            why = f"already banned as {net} {_until(until)}"
            return succeed(self._answer(draft, "observe", None, trusted, why))
        if draft.mode == "test":
            return succeed(self._would_ban(draft, network, duration, trusted))
        d = self._banlist.add(
            network,
            duration=duration,
            source="mesh",
            reasons=(*draft.reasons, trusted),
            evidence=_bounded(draft.evidence),
            provenance=_bounded_provenance(provenance),
        )
        return d.addCallbacks(
            lambda ban: self._banned(draft, ban, trusted),
            lambda failure: self._not_banned(draft, failure),
        )

    def _trusted_allow(
        self, draft: _Draft, decision: TrustDecision, trusted: str
    ) -> Deferred[Decision]:
        signal = decision.signal
        target = signal.network
        try:
            check_width(target, "allow network")
        except InvalidInput as e:
            return succeed(self._answer(draft, "observe", None, trusted, str(e)))
        by = f"L3 allow from mesh peer {signal.peer_id} (signal {signal.signal_id})"
        d = self._banlist.lift_matching(
            target, sources=("mesh", "local"), by=by[:MAX_ACTOR_CHARS], why="allowed", within=True
        )

        def lifted(outcome: Lifted) -> Decision:
            draft.evidence["lifted_bans"] = [b.id for b in outcome.lifted]
            kept = [b for b in outcome.kept if b.source == "operator"]
            draft.evidence["kept_operator_bans"] = [b.id for b in kept]
            shown = ", ".join(f"{b.network} (ban {b.id}, {b.source})" for b in outcome.lifted)
            why = [f"lifted {shown}" if shown else f"no mesh or local ban inside {target}"]
            if kept:
                nets = ", ".join(f"{b.network} (ban {b.id})" for b in kept)
                why.append(
                    f"operator bans stay: {nets}; a mesh allow, even L3, never lifts an "
                    "operator's ban"
                )
            return self._answer(draft, "allow", None, trusted, *why)

        def failed(failure: Failure) -> Decision:
            log_job_failure(
                self._log, failure, "L3 allow of {network} not applied", network=str(target)
            )
            return self._answer(draft, "observe", None, trusted, f"no lift: {failure.value}")

        return d.addCallbacks(lifted, failed)

    def lift_mesh_ban(
        self, network: Network, *, publisher: str, signal_id: str
    ) -> Deferred[Ban | None]:
        """A publisher withdrew its own ban: lift the active mesh ban on ``network`` whose
        provenance ``peer`` is ``publisher``, and only that one. Fires once committed with the
        lifted ban, or None when there is no such ban (never ours, merged into another, gone)."""
        by = f"mesh unban from {publisher} (signal {signal_id})"[:MAX_ACTOR_CHARS]
        d = self._banlist.lift_matching(network, sources=("mesh",), by=by, peer=publisher)
        return d.addCallback(lambda outcome: outcome.lifted[0] if outcome.lifted else None)

    def suspect_mesh_bans(self, targets: Sequence[Network]) -> Deferred[list[Decision]]:
        """Mesh bans that rested on a peer just caught lying: lift or flag them, as
        ``policy.suspect_mesh_bans`` says. One ``observe`` decision per target; never fails."""
        setting = self.rules.suspect_mesh_bans
        note = "it rested on a mesh peer later caught signalling a canary address"
        by = "policy: suspect mesh ban"
        done: list[Deferred[Decision]] = []
        for target in targets:
            draft = _Draft(
                source=str(target),
                origin="suspect mesh ban",
                mode=self._mode,
                reasons=(),
                evidence={"origin": "mesh", "suspect": True, "suspect_mesh_bans": setting},
            )
            if setting == "lift":
                d: Deferred[Decision] = self._banlist.lift_matching(
                    target, sources=("mesh",), by=by
                ).addCallback(self._suspect_lifted, draft, note)
            else:
                d = self._banlist.flag(target, note=note).addCallback(
                    self._suspect_flagged, draft, note
                )
            d.addErrback(self._suspect_failed, draft)
            done.append(d)
        return gatherResults(done)

    def _suspect_lifted(self, outcome: Lifted, draft: _Draft, note: str) -> Decision:
        draft.evidence["lifted_bans"] = [b.id for b in outcome.lifted]
        if not outcome.lifted:
            return self._answer(draft, "observe", None, f"no active mesh ban: {note}")
        ban = outcome.lifted[0]
        why = f"lifted mesh ban {ban.id} on {ban.network}: {note} (policy.suspect_mesh_bans)"
        return self._answer(draft, "observe", None, why)

    def _suspect_flagged(self, ban: Ban | None, draft: _Draft, note: str) -> Decision:
        if ban is None:
            return self._answer(draft, "observe", None, f"no active mesh ban: {note}")
        draft.evidence["flagged_bans"] = [ban.id]
        why = f"flagged mesh ban {ban.id} on {ban.network} as suspect, kept: {note}"
        return self._answer(draft, "observe", None, why)

    def _suspect_failed(self, failure: Failure, draft: _Draft) -> Decision:
        log_job_failure(
            self._log, failure, "suspect mesh ban on {source} not handled", source=draft.source
        )
        return self._answer(
            draft, "observe", None, f"suspect mesh ban not handled: {failure.value}"
        )

    def _screen(
        self,
        draft: _Draft,
        verdict: Verdict,
        rule: DetectorRule,
        address: Network,
        network: Network,
    ) -> Decision | None:
        """The decision when the verdict does not lead to a ban; None when it does."""
        allowed = self._banlist.allowed_by(address)
        if allowed:
            return self._allow(draft, allowed[0])
        if not rule.ban:
            why = f"detector {verdict.detector} is configured never to ban"
            return self._answer(draft, "observe", None, why)
        if not math.isfinite(verdict.score):
            return self._answer(draft, "observe", None, "the score is not a number")
        if verdict.score < rule.threshold:
            why = f"score {verdict.score:g} is below the ban threshold {rule.threshold:g}"
            return self._answer(draft, "observe", None, why)
        holding = self._already_banned(network, rule.duration)
        if holding is not None:
            net, expires = holding
            draft.evidence["banned_as"] = str(net)
            why = f"already banned as {net} {_until(expires)}"
            return self._answer(draft, "observe", None, why)
        return None

    def _already_banned(
        self, network: Network, duration: float | None
    ) -> tuple[Network, float | None] | None:
        """A live ban covering ``network`` that lasts at least as long as a new one would."""
        now = self._clock.seconds()
        wanted = None if duration is None else now + duration
        for net, expires in self._banlist.covering(network):
            if expires is not None and expires <= now:
                continue
            if expires is None or (wanted is not None and expires >= wanted):
                return net, expires
        return None

    def _would_ban(
        self, draft: _Draft, network: Network, duration: float | None, passed: str
    ) -> Decision:
        draft.evidence["would_ban"] = True
        shown = format_duration(duration)
        self._log.info(
            "test mode: would ban {network} for {duration} ({origin}): {reasons}",
            network=str(network), duration=shown, origin=draft.origin,
            reasons="; ".join(draft.reasons),
        )  # fmt: skip
        why = f"TEST mode: would ban {network} for {shown} (before escalation); nothing enforced"
        return self._answer(draft, "ban", duration, passed, why)

    def _banned(self, draft: _Draft, ban: Ban, passed: str) -> Decision:
        duration = None if ban.expires is None else ban.expires - self._clock.seconds()
        draft.evidence.update(
            ban_id=ban.id, offence=ban.offence, expires=ban.expires, enforced=True
        )
        why = f"banned {ban.network} {_until(ban.expires)} (offence {ban.offence})"
        return self._answer(draft, "ban", duration, passed, why)

    def _not_banned(self, draft: _Draft, failure: Failure) -> Decision:
        error = failure.value
        if isinstance(error, Allowlisted):
            return self._allow(draft, error.rule)
        if isinstance(error, BanNotEnforced):
            ban = error.ban
            draft.evidence.update(
                ban_id=ban.id, offence=ban.offence, expires=ban.expires, enforced=False
            )
            duration = None if ban.expires is None else ban.expires - self._clock.seconds()
            why = f"banned {ban.network} but NOT enforced: {error.cause}"
            return self._answer(draft, "ban", duration, why)
        if not isinstance(error, InvalidInput):
            log_job_failure(self._log, failure, "ban for {source} failed", source=draft.source)
        return self._answer(draft, "observe", None, f"no ban: {error}")

    def _allow(self, draft: _Draft, rule: AllowRule) -> Decision:
        draft.evidence["allowed_by"] = rule.to_json()
        why = f"allowlisted by {rule.network} ({rule.origin}: {rule.reason}); allow wins"
        return self._answer(draft, "allow", None, why)

    def _answer(
        self, draft: _Draft, action: Action, duration: float | None, *policy_reasons: str
    ) -> Decision:
        decision = Decision(
            event_id=EventId.POLICY_DECISION,
            time=self._clock.seconds(),
            source=draft.source,
            action=action,
            duration=duration,
            reasons=(*draft.reasons, *policy_reasons),
            mode=draft.mode,
            evidence=draft.evidence,
        )
        self.decisions += 1
        self._publish(decision)
        return decision


Action = Literal["ban", "allow", "observe"]


@dataclass
class _Draft:
    """A decision in the making: about whom, from what (``origin``, for logs), the mode it is
    decided in, and what is known so far."""

    source: str
    origin: str
    mode: Mode
    reasons: tuple[str, ...]
    evidence: dict[str, JSONValue]


def _json_safe(value: Mapping[str, JSONValue]) -> JSONValue:
    """Verdict evidence as plain JSON (anything else becomes its text)."""
    try:
        loaded: JSONValue = json.loads(json.dumps(dict(value), default=str))
    except (TypeError, ValueError):
        return {"unreadable": repr(value)[:200]}
    return loaded


def _until(expires: float | None) -> str:
    if expires is None:
        return "permanently"
    return "until " + datetime.fromtimestamp(expires, UTC).isoformat(timespec="seconds")


def _bounded(evidence: dict[str, JSONValue]) -> dict[str, JSONValue]:
    """The evidence stored with a ban: the verdict's own evidence is dropped if too large."""
    size = len(json.dumps(evidence, default=str).encode())
    if size <= MAX_JSON_BYTES - 512:
        return evidence
    slim = {k: v for k, v in evidence.items() if k not in ("verdict_evidence", "verdict_reasons")}
    slim["verdict_evidence_dropped"] = f"{size} bytes; see the policy.decision event"
    return slim


def contradict_mesh_unban(trust: TrustEngine, ban: Ban) -> None:
    """An operator lifted a mesh ban: the peers that claimed it were wrong (trust penalizes
    them and forgets their claims). Wire it as the ban list's ``on_unban``."""
    if ban.source != "mesh":
        return
    actor = (ban.lifted_by or "operator")[:MAX_ID_LENGTH]
    reason = f"an operator unbanned mesh ban {ban.id} on {ban.network}"

    def failed(failure: Failure) -> None:
        Logger().failure(
            "trust contradiction of {network} failed", failure, network=str(ban.network)
        )

    trust.contradict(ban.network, reason=reason, actor=actor).addErrback(failed)


def _trust_reason(decision: TrustDecision) -> str:
    """One line: who signalled it, at what trust, under which rule, and who agreed."""
    signal = decision.signal
    text = (
        f"mesh {signal.action} from peer {signal.peer_id} ({decision.level}, score "
        f"{decision.score:.1f}, classification {signal.classification}): trust rule "
        f"{decision.rule}"
    )
    if decision.corroborators:
        text += ", corroborated by " + ", ".join(c.peer_id for c in decision.corroborators)
    return clean_reason(text)


def _bounded_provenance(provenance: Mapping[str, JSONValue]) -> dict[str, JSONValue]:
    """A mesh ban's provenance within the stored limit: the signal's reasons (kept in the ban's
    own reasons too) go first, then the corroborators beyond the first few."""
    out = dict(provenance)
    if len(json.dumps(out, default=str).encode()) <= MAX_JSON_BYTES - 512:
        return out
    out.pop("reasons", None)
    corroborators = out.get("corroborators")
    if isinstance(corroborators, list) and len(corroborators) > 8:
        out["corroborators"] = corroborators[:8]
        out["corroborators_dropped"] = len(corroborators) - 8
    return out
