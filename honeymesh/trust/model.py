"""Peer trust (BTL), sans-IO: per-peer scores and levels, and what a remote signal may do.

State and time go in, decisions and a record of what changed come out. Nothing here reads a clock,
touches a database or a reactor: ``TrustEngine`` (``honeymesh.trust.engine``) does that.

The rules, in the order ``evaluate`` applies them to one signal (docs/TRUST.md has the table):

1. A duplicate signal id changes nothing.
2. A ban that overlaps a canary address is rejected; its signer loses ``canary_penalty`` at once,
   its held signals are withdrawn, its other claims forgotten, an L3 designation revoked, and it
   earns no rewards for ``canary_quarantine``.
3. A ban on an allowlisted address is rejected and costs ``allowlist_penalty``.
4. L3 (operator-designated): a ban or an allow is enforced at once. An L3 allow contradicts every
   remembered ban claim overlapping its target: those peers lose ``contradiction_penalty``.
5. An allow from anyone below L3 is only observed.
6. L2: a ban is enforced at once when someone already agrees or the peer has a solo-ban token;
   otherwise it needs corroboration like L1.
7. L1: a ban is enforced when at least ``min_corroborators`` other peers made the same claim
   (same action, same network) at L1+ within ``corroboration_window`` and still stand; otherwise
   it is held for that window, then drops to observe-only.
8. L0: observed only.

A peer's level follows from its score (``level_of``) except L3, which only ``designate`` grants.
Scores decay exponentially toward ``baseline``; they rise by ``corroboration_reward`` (never above
``corroboration_cap``) when a claim is corroborated, and by ``confirmation_reward`` when a claimed
address later hits our own traps (``confirm``). docs/TRUST.md gives the reasoning.
"""

from __future__ import annotations

import enum
import heapq
import itertools
import math
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Literal

from honeymesh.config import TrustConfig
from honeymesh.events import JSONValue
from honeymesh.net import Network, normalize_network

Action = Literal["ban", "allow"]
ACTIONS: tuple[Action, ...] = ("ban", "allow")
Classification = Literal["L1", "L2", "L3", "L4"]
CLASSIFICATIONS: tuple[Classification, ...] = ("L1", "L2", "L3", "L4")

MAX_SCORE = 100.0
MAX_ID_LENGTH = 128
MAX_REASONS = 16
MAX_REASON_LENGTH = 256
MAX_NOTE_LENGTH = 500

# (peer id, action, network as text): a peer has at most one live claim per action and target.
ClaimKey = tuple[str, str, str]


class TrustError(Exception):
    """A trust operation was refused; the message says why."""


class InvalidSignal(TrustError):
    """A remote signal is malformed (bad address, unknown action, oversized field)."""


class InvalidRequest(TrustError):
    """An operator request is malformed (no reason, points out of range)."""


class UnknownPeer(TrustError):
    """No peer with that id is known."""


class Level(enum.IntEnum):
    L0 = 0  # observe only
    L1 = 1  # enforce when corroborated
    L2 = 2  # enforce at once
    L3 = 3  # authoritative ban or allow; operator designation only

    def __str__(self) -> str:
        return self.name


class Outcome(enum.StrEnum):
    ENFORCE = "enforce"  # carry out the signal's action (ban or allow)
    HOLD = "hold"  # wait for corroboration
    OBSERVE = "observe"  # record and show, do nothing
    REJECT = "reject"  # refused, and the signer was penalized


class Rule(enum.StrEnum):
    L0_OBSERVE = "l0-observe"
    L1_HELD = "l1-held"
    L1_CORROBORATED = "l1-corroborated"
    L1_EXPIRED = "l1-expired"
    L1_EVICTED = "l1-evicted"
    L1_WITHDRAWN = "l1-withdrawn"
    L2_IMMEDIATE = "l2-immediate"
    L2_OVER_BUDGET = "l2-over-budget"
    L3_OVERRIDE = "l3-override"
    ALLOW_NEEDS_L3 = "allow-needs-l3"
    CANARY = "canary"
    ALLOWLISTED = "allowlisted"
    DUPLICATE = "duplicate"


class Cause(enum.StrEnum):
    """Why a score or level changed."""

    CORROBORATED = "corroborated"
    CONFIRMED = "confirmed"
    CONTRADICTED = "contradicted"
    ALLOWLISTED = "allowlisted"
    CANARY = "canary"
    UNSUPPORTED = "unsupported"
    PENALTY = "penalty"
    DESIGNATED = "designated"
    REVOKED = "revoked"
    DECAY = "decay"


class ClaimStatus(enum.StrEnum):
    HELD = "held"
    ENFORCED = "enforced"
    OBSERVED = "observed"


# Values in -------------------------------------------------------------------------------------


def _check_text(name: str, value: object, limit: int) -> str:
    if not isinstance(value, str) or not value or len(value) > limit:
        raise InvalidSignal(f"{name} must be a non-empty string of at most {limit} characters")
    return value


@dataclass(frozen=True)
class RemoteSignal:
    """A validated ban or allow from a mesh peer, as the mesh gate hands it over.

    Construction checks every field and raises ``InvalidSignal``; a signal that exists is sane.
    ``time`` is the publisher's timestamp (informational: windows use the local clock).
    """

    peer_id: str
    action: Action
    target: str
    classification: Classification
    reasons: tuple[str, ...]
    time: float
    signal_id: str

    def __post_init__(self) -> None:
        _check_text("peer_id", self.peer_id, MAX_ID_LENGTH)
        _check_text("signal_id", self.signal_id, MAX_ID_LENGTH)
        if self.action not in ACTIONS:
            raise InvalidSignal(f"action must be 'ban' or 'allow', not {self.action!r}")
        if self.classification not in CLASSIFICATIONS:
            raise InvalidSignal(f"classification must be L1 to L4, not {self.classification!r}")
        if not isinstance(self.reasons, tuple) or len(self.reasons) > MAX_REASONS:
            raise InvalidSignal(f"reasons must be a tuple of at most {MAX_REASONS} strings")
        for reason in self.reasons:
            if not isinstance(reason, str) or len(reason) > MAX_REASON_LENGTH:
                raise InvalidSignal(
                    f"each reason must be a string of at most {MAX_REASON_LENGTH} characters"
                )
        if (
            isinstance(self.time, bool)
            or not isinstance(self.time, int | float)
            or not math.isfinite(self.time)
        ):
            raise InvalidSignal("time must be a finite number")
        if not isinstance(self.target, str):
            raise InvalidSignal("target must be an address or CIDR network as text")
        try:
            network = normalize_network(self.target)
        except ValueError:
            raise InvalidSignal(
                f"target {self.target[:64]!r} is not an address or CIDR network"
            ) from None
        self.__dict__["network"] = network  # parsed once, here: ``network`` reads this

    @cached_property
    def network(self) -> Network:
        return normalize_network(self.target)  # only if __post_init__ was bypassed

    @cached_property
    def key(self) -> ClaimKey:
        """Who claims what about which network: a peer has one live claim per key."""
        return (self.peer_id, self.action, str(self.network))


# Values out ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Support:
    """Another peer's claim that took part in a decision."""

    peer_id: str
    signal_id: str
    level: Level
    received: float

    def as_json(self) -> dict[str, JSONValue]:
        return {
            "peer": self.peer_id,
            "signal_id": self.signal_id,
            "level": str(self.level),
            "received": self.received,
        }


@dataclass(frozen=True)
class TrustDecision:
    """What trust did with one signal, and the rule that applied.

    ``level`` and ``score`` are the signer's when the signal arrived. ``penalty`` is what this
    decision cost the signer. ``provenance()`` is meant to be stored with a ban, so that
    ``honeymesh explain ADDR`` can name the peers and the rule behind it.
    """

    signal: RemoteSignal
    outcome: Outcome
    rule: Rule
    time: float
    level: Level
    score: float
    corroborators: tuple[Support, ...] = ()
    penalty: float = 0.0
    note: str = ""

    @property
    def enforce(self) -> bool:
        return self.outcome is Outcome.ENFORCE

    def provenance(self) -> dict[str, JSONValue]:
        s = self.signal
        return {
            "peer": s.peer_id,
            "action": s.action,
            "target": str(s.network),
            "outcome": str(self.outcome),
            "rule": str(self.rule),
            "level": str(self.level),
            "score": round(self.score, 2),
            "corroborators": [c.as_json() for c in self.corroborators],
            "penalty": self.penalty,
            "signal_id": s.signal_id,
            "classification": s.classification,
            "reasons": list(s.reasons),
            "time": self.time,
            "note": self.note,
        }


@dataclass(frozen=True)
class PeerState:
    """What is stored about a peer. ``score`` was exact at ``score_time``; it decays from there."""

    peer_id: str
    score: float
    score_time: float
    authoritative: bool
    joined: float
    level: Level  # the level when last looked at (kept to notice changes caused by decay)
    last_change: float
    last_change_why: str
    solo_tokens: float  # solo-ban tokens at tokens_time; they grow back one per solo_refill
    tokens_time: float
    quarantined_until: float = 0.0  # after a canary hit: no rewards before this time


@dataclass(frozen=True)
class PeerView:
    """A peer as the API and the dashboard show it."""

    peer_id: str
    score: float
    level: Level
    authoritative: bool
    joined: float
    last_change: float
    last_change_why: str
    held: int
    claims: int
    quarantined_until: float | None  # None: not quarantined

    def as_json(self) -> dict[str, JSONValue]:
        return {
            "id": self.peer_id,
            "score": round(self.score, 2),
            "level": str(self.level),
            "authoritative": self.authoritative,
            "joined": self.joined,
            "last_change": self.last_change,
            "last_change_why": self.last_change_why,
            "held": self.held,
            "claims": self.claims,
            "quarantined_until": self.quarantined_until,
        }


@dataclass(frozen=True)
class Claim:
    """A remembered ban or allow claim by one peer (held, enforced or only observed)."""

    signal: RemoteSignal
    received: float
    status: ClaimStatus
    level: Level  # its signer's level when it arrived
    rewarded: bool = False  # has earned its corroboration reward
    confirmed: bool = False  # has earned its confirmation reward
    solo_since: float | None = None  # enforced on its signer's word alone, since; None: supported
    seq: int = 0  # order of arrival (a refreshed claim arrives again)

    @property
    def key(self) -> ClaimKey:
        return self.signal.key


@dataclass(frozen=True)
class ScoreChange:
    peer_id: str
    time: float
    score_before: float
    score_after: float
    level_before: Level
    level_after: Level
    cause: Cause
    detail: str

    @property
    def level_changed(self) -> bool:
        return self.level_before != self.level_after


AuditAction = Literal[
    "penalty", "canary", "allowlisted", "contradicted", "unsupported", "designate", "revoke"
]


@dataclass(frozen=True)
class AuditEntry:
    """An operator action or an automatic penalty, kept in the audit trail."""

    time: float
    peer_id: str
    action: AuditAction
    actor: str
    points: float
    score_before: float
    score_after: float
    reason: str

    def as_json(self) -> dict[str, JSONValue]:
        return {
            "time": self.time,
            "peer": self.peer_id,
            "action": self.action,
            "actor": self.actor,
            "points": self.points,
            "score_before": round(self.score_before, 2),
            "score_after": round(self.score_after, 2),
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Changes:
    """Everything one operation changed: to persist, and to publish as events."""

    decisions: tuple[TrustDecision, ...] = ()  # held signals released (expired, evicted, ...)
    score_changes: tuple[ScoreChange, ...] = ()
    audit: tuple[AuditEntry, ...] = ()
    peers: tuple[PeerState, ...] = ()  # upsert
    claims: tuple[Claim, ...] = ()  # upsert
    dropped: tuple[ClaimKey, ...] = ()  # delete
    suspect_bans: tuple[Network, ...] = ()  # enforced targets that rested on a peer caught lying

    @property
    def stored_nothing(self) -> bool:
        """Nothing to write to the database (no peer, claim or audit row changed)."""
        return not (self.peers or self.claims or self.dropped or self.audit)


@dataclass(frozen=True)
class Evaluation:
    decision: TrustDecision
    changes: Changes


@dataclass
class _Journal:
    decisions: list[TrustDecision] = field(default_factory=list)
    score_changes: list[ScoreChange] = field(default_factory=list)
    audit: list[AuditEntry] = field(default_factory=list)
    peers: dict[str, PeerState] = field(default_factory=dict)
    claims: dict[ClaimKey, Claim] = field(default_factory=dict)
    dropped: dict[ClaimKey, None] = field(default_factory=dict)
    suspects: dict[Network, None] = field(default_factory=dict)

    def claim(self, claim: Claim) -> None:
        self.dropped.pop(claim.key, None)
        self.claims[claim.key] = claim

    def drop(self, key: ClaimKey) -> None:
        self.claims.pop(key, None)
        self.dropped[key] = None

    def changes(self) -> Changes:
        return Changes(
            decisions=tuple(self.decisions),
            score_changes=tuple(self.score_changes),
            audit=tuple(self.audit),
            peers=tuple(self.peers.values()),
            claims=tuple(self.claims.values()),
            dropped=tuple(self.dropped),
            suspect_bans=tuple(self.suspects),
        )


# The model -------------------------------------------------------------------------------------


def level_of(score: float, authoritative: bool, config: TrustConfig) -> Level:
    """The level a score earns. L3 comes only from designation, never from a score."""
    if authoritative:
        return Level.L3
    if score >= config.l2_threshold:
        return Level.L2
    if score >= config.l1_threshold:
        return Level.L1
    return Level.L0


def start_score(config: TrustConfig) -> float:
    """A new peer's score: the middle of its start level's band."""
    bands = {
        0: (0.0, config.l1_threshold),
        1: (config.l1_threshold, config.l2_threshold),
        2: (config.l2_threshold, MAX_SCORE),
    }
    low, high = bands[config.start_level]
    return (low + high) / 2


def decayed(score: float, elapsed: float, config: TrustConfig) -> float:
    """The score after ``elapsed`` seconds of exponential decay toward the baseline."""
    if elapsed <= 0:
        return score
    factor: float = 0.5 ** (elapsed / config.half_life)
    return config.baseline + (score - config.baseline) * factor


def _check_operator_text(reason: str, actor: str) -> tuple[str, str]:
    reason = reason.strip() if isinstance(reason, str) else ""
    if not reason or len(reason) > MAX_NOTE_LENGTH:
        raise InvalidRequest(f"a reason is required (1 to {MAX_NOTE_LENGTH} characters)")
    if not isinstance(actor, str) or not actor.strip() or len(actor) > MAX_ID_LENGTH:
        raise InvalidRequest(f"an actor is required (1 to {MAX_ID_LENGTH} characters)")
    return reason, actor.strip()


class TrustModel:
    """All peer trust state, and every rule that reads or changes it.

    Every method that takes ``now`` treats time as never going backwards: a ``now`` earlier than
    one already seen is taken as that latest time. Each mutating method returns ``Changes``.
    """

    def __init__(
        self,
        config: TrustConfig,
        *,
        now: float,
        peers: Iterable[PeerState] = (),
        claims: Iterable[Claim] = (),
    ) -> None:
        problem = config.problem()
        if problem is not None:
            raise ValueError(f"trust.{problem[0]}: expected {problem[1]}")
        self.config = config
        self._now = float(now)
        canaries = [normalize_network(c) for c in config.canary_addresses]
        self._canary_hosts = {c for c in canaries if c.prefixlen == c.max_prefixlen}
        self._canary_ranges = [c for c in canaries if c.prefixlen != c.max_prefixlen]
        self._peers: dict[str, PeerState] = {p.peer_id: p for p in peers}
        # Claims in order of arrival (a refreshed claim moves to the end).
        self._claims: dict[ClaimKey, Claim] = {}
        self._by_target: dict[tuple[str, Network], dict[str, None]] = {}
        self._held: dict[ClaimKey, None] = {}
        self._held_by_peer: dict[str, dict[ClaimKey, None]] = {}
        self._by_peer: dict[str, dict[ClaimKey, None]] = {}
        self._solo: dict[ClaimKey, None] = {}  # enforced L2 claims nobody has supported yet
        # (solo_since, key) for those, oldest first, so the deadline check walks only what is
        # due (entries whose claim has since been supported or replaced are skipped on the way)
        self._solo_due: list[tuple[float, ClaimKey]] = []
        self._ban_ranges: dict[Network, int] = {}  # non-host ban targets -> number of claims
        restored = sorted(claims, key=lambda c: c.seq)
        for claim in restored:
            if claim.signal.peer_id in self._peers:
                self._insert(claim)
        self._seq = itertools.count(restored[-1].seq + 1 if restored else 1)

    # Reading ---------------------------------------------------------------------------------

    @property
    def now(self) -> float:
        return self._now

    def score(self, peer_id: str, now: float) -> float:
        return self._score(self._peer(peer_id), max(now, self._now))

    def level(self, peer_id: str, now: float) -> Level:
        peer = self._peer(peer_id)
        return level_of(self._score(peer, max(now, self._now)), peer.authoritative, self.config)

    def knows(self, peer_id: str) -> bool:
        return peer_id in self._peers

    def view(self, peer_id: str, now: float) -> PeerView:
        peer = self._peer(peer_id)
        now = max(now, self._now)
        score = self._score(peer, now)
        return PeerView(
            peer_id=peer.peer_id,
            score=score,
            level=level_of(score, peer.authoritative, self.config),
            authoritative=peer.authoritative,
            joined=peer.joined,
            last_change=peer.last_change,
            last_change_why=peer.last_change_why,
            held=len(self._held_by_peer.get(peer_id, ())),
            claims=len(self._by_peer.get(peer_id, ())),
            quarantined_until=peer.quarantined_until if peer.quarantined_until > now else None,
        )

    def views(self, now: float) -> list[PeerView]:
        return [self.view(p, now) for p in sorted(self._peers)]

    def held(self) -> list[Claim]:
        """Signals waiting for corroboration, oldest first."""
        return [self._claims[k] for k in self._held]

    def claims(self) -> list[Claim]:
        return list(self._claims.values())

    def peer_states(self) -> list[PeerState]:
        return list(self._peers.values())

    # Membership and operator actions ----------------------------------------------------------

    def join(self, peer_id: str, now: float) -> Changes:
        """Register a peer (the mesh calls this when a member is admitted). Idempotent."""
        _check_text("peer_id", peer_id, MAX_ID_LENGTH)
        journal = _Journal()
        now = self._advance(now)
        self._join(peer_id, now, journal)
        return journal.changes()

    def penalize(
        self, peer_id: str, points: float, now: float, *, reason: str, actor: str
    ) -> Changes:
        """An operator takes ``points`` (0 < points <= 100) from a peer; audited."""
        reason, actor = _check_operator_text(reason, actor)
        if (
            isinstance(points, bool)
            or not isinstance(points, int | float)
            or not math.isfinite(points)
            or not 0 < points <= MAX_SCORE
        ):
            raise InvalidRequest(f"points must be a number above 0 and at most {MAX_SCORE:g}")
        peer = self._peer(peer_id)
        journal = _Journal()
        now = self._advance(now)
        self._expire(now, journal)
        self._take(
            peer,
            float(points),
            now,
            journal,
            cause=Cause.PENALTY,
            action="penalty",
            actor=actor,
            reason=reason,
        )
        return journal.changes()

    def designate(
        self, peer_id: str, authoritative: bool, now: float, *, reason: str, actor: str
    ) -> Changes:
        """Grant (or revoke) L3: the only way any peer becomes authoritative; audited."""
        reason, actor = _check_operator_text(reason, actor)
        peer = self._peer(peer_id)
        journal = _Journal()
        now = self._advance(now)
        self._expire(now, journal)
        self._set_authoritative(peer, authoritative, now, journal, actor=actor, reason=reason)
        return journal.changes()

    def contradict(self, target: str | Network, now: float, *, reason: str, actor: str) -> Changes:
        """A ban on ``target`` was lifted (operator unban, L3 allow): its claimants were wrong.

        Every peer with a remembered ban claim overlapping the target loses
        ``contradiction_penalty`` once; those claims are forgotten (held ones withdrawn).
        """
        reason, actor = _check_operator_text(reason, actor)
        try:
            network = normalize_network(target)
        except ValueError:
            raise InvalidRequest(
                f"{str(target)[:64]!r} is not an address or CIDR network"
            ) from None
        journal = _Journal()
        now = self._advance(now)
        self._expire(now, journal)
        self._contradict(network, now, journal, actor=actor, reason=reason, exclude=None)
        return journal.changes()

    def confirm(self, address: str, now: float) -> Changes:
        """``address`` just hit one of our own traps: reward peers who said it was hostile.

        Each remembered ban claim covering the address earns ``confirmation_reward`` once.
        """
        try:
            ip = normalize_network(address)
        except ValueError:
            ip = None
        if ip is None or ip.prefixlen != ip.max_prefixlen:
            raise InvalidRequest(f"{str(address)[:64]!r} is not an address")
        journal = _Journal()
        now = self._advance(now)
        self._expire(now, journal)
        for key in self._ban_claims_covering(ip):
            claim = self._claims[key]
            if claim.confirmed:
                continue
            peer = self._peers[claim.signal.peer_id]
            if claim.solo_since is not None:
                peer = self._give_back_token(peer, now, journal)
            if now >= peer.quarantined_until:
                score = self._score(peer, now)
                self._set_score(
                    peer,
                    min(MAX_SCORE, score + self.config.confirmation_reward),
                    now,
                    journal,
                    cause=Cause.CONFIRMED,
                    detail=f"{ip} hit our traps after it signalled it",
                )
            self._replace_claim(replace(claim, confirmed=True, solo_since=None), journal)
        return journal.changes()

    def tick(self, now: float) -> Changes:
        """Housekeeping: expire held signals and old claims, notice levels changed by decay."""
        journal = _Journal()
        now = self._advance(now)
        self._expire(now, journal)
        for peer in list(self._peers.values()):
            score = self._score(peer, now)
            level = level_of(score, peer.authoritative, self.config)
            if level != peer.level:
                self._set_score(
                    peer,
                    score,
                    now,
                    journal,
                    cause=Cause.DECAY,
                    detail=f"drifted toward the baseline {self.config.baseline:g}",
                )
        return journal.changes()

    # Evaluating a signal ----------------------------------------------------------------------

    def evaluate(
        self, signal: RemoteSignal, now: float, *, allowlisted: bool = False
    ) -> Evaluation:
        """Decide what ``signal`` may do. ``allowlisted``: its target is on our allowlist."""
        journal = _Journal()
        now = self._advance(now)
        self._expire(now, journal)
        peer = self._join(signal.peer_id, now, journal)
        score = self._score(peer, now)
        level = level_of(score, peer.authoritative, self.config)
        decision = self._decide(
            signal,
            peer,
            score=score,
            level=level,
            now=now,
            journal=journal,
            allowlisted=allowlisted,
        )
        return Evaluation(decision, journal.changes())

    def _decide(  # noqa: PLR0911 - one return per rule: the rule table of the module docstring
        self,
        signal: RemoteSignal,
        peer: PeerState,
        *,
        score: float,
        level: Level,
        now: float,
        journal: _Journal,
        allowlisted: bool,
    ) -> TrustDecision:
        def decision(
            outcome: Outcome,
            rule: Rule,
            note: str,
            support: tuple[Support, ...] = (),
            penalty: float = 0.0,
        ) -> TrustDecision:
            return TrustDecision(signal, outcome, rule, now, level, score, support, penalty, note)

        net = signal.network
        existing = self._claims.get(signal.key)
        if existing is not None and existing.signal.signal_id == signal.signal_id:
            return decision(Outcome.OBSERVE, Rule.DUPLICATE, "signal already seen")

        if signal.action == "ban":
            canary = self._canary_in(net)
            if canary is not None:
                why = f"signalled a ban on canary {canary}"
                taken = self._caught(peer, now, journal, why)
                return decision(Outcome.REJECT, Rule.CANARY, why, penalty=taken)
            if allowlisted:
                why = f"signalled a ban on allowlisted {net}"
                taken = self._take(
                    peer,
                    self.config.allowlist_penalty,
                    now,
                    journal,
                    cause=Cause.ALLOWLISTED,
                    action="allowlisted",
                    actor="trust",
                    reason=why,
                )
                return decision(Outcome.REJECT, Rule.ALLOWLISTED, why, penalty=taken)

        if level is Level.L3:
            if signal.action == "allow":
                self._contradict(
                    net,
                    now,
                    journal,
                    actor=f"peer {signal.peer_id}",
                    reason=f"L3 allow of {net} by {signal.peer_id}",
                    exclude=signal.peer_id,
                )
                self._record(signal, now, ClaimStatus.ENFORCED, journal, level=level)
                return decision(Outcome.ENFORCE, Rule.L3_OVERRIDE, f"authoritative allow of {net}")
            support = self._support(signal, now)
            self._corroborated(signal, support, now, journal, level=level)
            return decision(
                Outcome.ENFORCE, Rule.L3_OVERRIDE, f"authoritative ban of {net}", support
            )

        if signal.action == "allow":
            return decision(
                Outcome.OBSERVE,
                Rule.ALLOW_NEEDS_L3,
                f"only an L3 peer may lift bans; {signal.peer_id} is {level}",
            )

        support = self._support(signal, now) if level >= Level.L1 else ()
        tokens = self._tokens(peer, now)
        if level is Level.L2 and (support or tokens >= 1):
            self._corroborated(signal, support, now, journal, level=level)
            return decision(
                Outcome.ENFORCE,
                Rule.L2_IMMEDIATE,
                f"{signal.peer_id} is L2: enforced at once",
                support,
            )

        if level >= Level.L1:  # L1, or L2 out of solo-ban tokens
            if len(support) >= self.config.min_corroborators:
                self._corroborated(signal, support, now, journal, level=level)
                names = ", ".join(s.peer_id for s in support)
                window = self.config.corroboration_window
                return decision(
                    Outcome.ENFORCE,
                    Rule.L1_CORROBORATED,
                    f"corroborated by {names} within {window:g} s",
                    support,
                )
            self._record(signal, now, ClaimStatus.HELD, journal, level=level)
            need = self.config.min_corroborators - len(support)
            wait = (
                f"held for {self.config.corroboration_window:g} s until {need} more "
                "independent L1+ peer(s) agree"
            )
            if level is Level.L2:
                return decision(
                    Outcome.HOLD,
                    Rule.L2_OVER_BUDGET,
                    f"{signal.peer_id} has no solo-ban token left; {wait}",
                    support,
                )
            return decision(Outcome.HOLD, Rule.L1_HELD, wait, support)

        self._record(signal, now, ClaimStatus.OBSERVED, journal, level=level)
        return decision(Outcome.OBSERVE, Rule.L0_OBSERVE, f"{signal.peer_id} is L0: observe only")

    def _support(self, signal: RemoteSignal, now: float) -> tuple[Support, ...]:
        """Other peers that made the same claim at L1+ within the window, still standing.

        A claim keeps the standing it was made with (a score that decays just below the L1
        threshold does not void it); a penalty that drops its signer below L1 withdraws it.
        """
        since = now - self.config.corroboration_window
        found = []
        for other in self._by_target.get((signal.action, signal.network), {}):
            if other == signal.peer_id:
                continue
            claim = self._claims[(other, signal.action, signal.key[2])]
            if claim.status is ClaimStatus.OBSERVED or claim.received < since:
                continue
            found.append(Support(other, claim.signal.signal_id, claim.level, claim.received))
        found.sort(key=lambda s: (s.received, s.peer_id))
        return tuple(found)

    def _corroborated(
        self,
        signal: RemoteSignal,
        support: tuple[Support, ...],
        now: float,
        journal: _Journal,
        *,
        level: Level,
    ) -> None:
        """The signal is enforced; its supporters' claims too. Reward those not yet rewarded.

        Without support the claim is *solo*: it spends one of its signer's solo-ban tokens,
        given back when someone supports it or our traps confirm it. If neither happens within
        ``support_deadline`` the token stays spent (it grows back only after ``solo_refill``)
        and the signer loses ``unsupported_penalty``. L3 bans are never solo.
        """
        solo = not support and level is not Level.L3
        old = self._claims.get(signal.key)
        if solo and not (old is not None and old.solo_since is not None):
            self._spend_token(self._peers[signal.peer_id], now, journal)
        # Credit the supporters before recording: recording may evict old claims.
        for s in support:
            self._credit(self._claims[(s.peer_id, signal.action, signal.key[2])], now, journal)
        mine = self._record(signal, now, ClaimStatus.ENFORCED, journal, level=level, solo=solo)
        if support:
            self._credit(mine, now, journal)

    def _credit(self, claim: Claim, now: float, journal: _Journal) -> None:
        """A claim took part in a corroborated ban: enforced, its token back, rewarded once."""
        key = claim.key
        self._unhold(key)
        peer = self._peers[key[0]]
        if claim.solo_since is not None:
            peer = self._give_back_token(peer, now, journal)
        if not claim.rewarded and now >= peer.quarantined_until:
            score = self._score(peer, now)
            cap = self.config.corroboration_cap
            if score < cap:
                new = min(cap, score + self.config.corroboration_reward)
                self._set_score(
                    peer,
                    new,
                    now,
                    journal,
                    cause=Cause.CORROBORATED,
                    detail=f"its {key[1]} of {key[2]} was corroborated",
                )
        self._replace_claim(
            replace(claim, status=ClaimStatus.ENFORCED, rewarded=True, solo_since=None), journal
        )

    def _caught(self, peer: PeerState, now: float, journal: _Journal, why: str) -> float:
        """A peer signalled a canary: penalize hard, void its word, revoke any L3.

        Its remembered claims are forgotten (held ones withdrawn); the bans they enforced are
        reported as suspect, for policy to review. For ``canary_quarantine`` seconds it earns no
        rewards: a peer that proved itself a liar cannot quickly buy trust back with true reports.
        """
        mine = list(self._by_peer.get(peer.peer_id, ()))
        for key in mine:
            claim = self._claims[key]
            if claim.status is ClaimStatus.ENFORCED and claim.signal.action == "ban":
                journal.suspects[claim.signal.network] = None
        taken = self._take(
            peer,
            self.config.canary_penalty,
            now,
            journal,
            cause=Cause.CANARY,
            action="canary",
            actor="trust",
            reason=why,
        )
        peer = replace(
            self._peers[peer.peer_id], quarantined_until=now + self.config.canary_quarantine
        )
        self._peers[peer.peer_id] = journal.peers[peer.peer_id] = peer
        if peer.authoritative:
            self._set_authoritative(peer, False, now, journal, actor="trust", reason=why)
        for key in mine:
            self._forget(key, now, journal, Rule.L1_WITHDRAWN, why)
        return taken

    def _contradict(
        self,
        network: Network,
        now: float,
        journal: _Journal,
        *,
        actor: str,
        reason: str,
        exclude: str | None,
    ) -> None:
        """Forget every ban claim overlapping ``network``; penalize each claimant once.

        ``exclude`` is a peer whose own claims are forgotten without a penalty (the L3 peer that
        now allows what it once banned).
        """
        keys = [
            k
            for k in self._claims
            if k[1] == "ban" and _overlaps(self._claims[k].signal.network, network)
        ]
        penalized: set[str] = set()
        for key in keys:
            peer_id = key[0]
            if peer_id not in penalized and peer_id != exclude:
                penalized.add(peer_id)
                self._take(
                    self._peers[peer_id],
                    self.config.contradiction_penalty,
                    now,
                    journal,
                    cause=Cause.CONTRADICTED,
                    action="contradicted",
                    actor=actor,
                    reason=reason,
                )
            self._forget(key, now, journal, Rule.L1_WITHDRAWN, reason)

    # Claims ----------------------------------------------------------------------------------

    def _record(
        self,
        signal: RemoteSignal,
        now: float,
        status: ClaimStatus,
        journal: _Journal,
        *,
        level: Level,
        solo: bool = False,
    ) -> Claim:
        """Remember a claim, replacing the peer's earlier one on the same target.

        What the earlier claim earned carries over, and so does an unsupported solo ban's start
        time: repeating a signal neither farms rewards nor dodges the support deadline.
        """
        key = signal.key
        old = self._claims.get(key)
        solo_since = old.solo_since if old is not None else None
        if solo and solo_since is None:
            solo_since = now
        claim = Claim(
            signal,
            now,
            status,
            level,
            rewarded=old.rewarded if old else False,
            confirmed=old.confirmed if old else False,
            solo_since=solo_since,
            seq=next(self._seq),
        )
        if old is not None:
            self._remove(key)
        while len(self._claims) >= self.config.max_claims:
            self._forget(
                next(iter(self._claims)),
                now,
                journal,
                Rule.L1_EVICTED,
                f"more than {self.config.max_claims} remembered signals",
            )
        if status is ClaimStatus.HELD:
            mine = self._held_by_peer.get(signal.peer_id, {})
            if len(mine) >= self.config.max_held_per_peer:
                self._release(
                    next(iter(mine)),
                    now,
                    journal,
                    Rule.L1_EVICTED,
                    f"{signal.peer_id} has {self.config.max_held_per_peer} held signals",
                )
            if len(self._held) >= self.config.max_held:
                self._release(
                    next(iter(self._held)),
                    now,
                    journal,
                    Rule.L1_EVICTED,
                    f"{self.config.max_held} signals are held",
                )
        self._insert(claim)
        journal.claim(claim)
        return claim

    def _insert(self, claim: Claim) -> None:
        key = claim.key
        net = claim.signal.network
        self._claims[key] = claim
        self._by_target.setdefault((key[1], net), {})[key[0]] = None
        self._by_peer.setdefault(key[0], {})[key] = None
        if claim.solo_since is not None:
            self._solo[key] = None
            heapq.heappush(self._solo_due, (claim.solo_since, key))
        if claim.status is ClaimStatus.HELD:
            self._held[key] = None
            self._held_by_peer.setdefault(key[0], {})[key] = None
        if key[1] == "ban" and net.prefixlen != net.max_prefixlen:
            self._ban_ranges[net] = self._ban_ranges.get(net, 0) + 1

    def _remove(self, key: ClaimKey) -> Claim:
        claim = self._claims.pop(key)
        net = claim.signal.network
        peers = self._by_target[(key[1], net)]
        del peers[key[0]]
        if not peers:
            del self._by_target[(key[1], net)]
        mine = self._by_peer[key[0]]
        del mine[key]
        if not mine:
            del self._by_peer[key[0]]
        self._unhold(key)
        self._solo.pop(key, None)
        if key[1] == "ban" and net in self._ban_ranges:
            self._ban_ranges[net] -= 1
            if not self._ban_ranges[net]:
                del self._ban_ranges[net]
        return claim

    def _unhold(self, key: ClaimKey) -> None:
        if key in self._held:
            del self._held[key]
            mine = self._held_by_peer[key[0]]
            del mine[key]
            if not mine:
                del self._held_by_peer[key[0]]

    def _replace_claim(self, claim: Claim, journal: _Journal) -> None:
        """Change a claim's flags or status in place (its place in arrival order is kept)."""
        key = claim.key
        if claim.status is not ClaimStatus.HELD:
            self._unhold(key)
        if claim.solo_since is None:
            self._solo.pop(key, None)
        self._claims[key] = claim
        journal.claim(claim)

    def _release(self, key: ClaimKey, now: float, journal: _Journal, rule: Rule, note: str) -> None:
        """A held signal stops waiting: it is kept as an observed claim."""
        claim = self._claims[key]
        self._replace_claim(replace(claim, status=ClaimStatus.OBSERVED), journal)
        journal.decisions.append(self._released(claim, now, rule, note))

    def _forget(self, key: ClaimKey, now: float, journal: _Journal, rule: Rule, note: str) -> None:
        claim = self._remove(key)
        journal.drop(key)
        if claim.status is ClaimStatus.HELD:
            journal.decisions.append(self._released(claim, now, rule, note))

    def _released(self, claim: Claim, now: float, rule: Rule, note: str) -> TrustDecision:
        peer_id = claim.signal.peer_id
        return TrustDecision(
            claim.signal,
            Outcome.OBSERVE,
            rule,
            now,
            self.level(peer_id, now),
            self.score(peer_id, now),
            note=note,
        )

    def _expire(self, now: float, journal: _Journal) -> None:
        held_since = now - self.config.corroboration_window
        while self._held:
            key = next(iter(self._held))
            if self._claims[key].received >= held_since:
                break
            self._release(
                key,
                now,
                journal,
                Rule.L1_EXPIRED,
                f"no corroboration within {self.config.corroboration_window:g} s",
            )
        deadline = now - self.config.support_deadline
        while self._solo_due and self._solo_due[0][0] < deadline:
            since, key = heapq.heappop(self._solo_due)
            claim = self._claims.get(key)
            if key not in self._solo or claim is None or claim.solo_since != since:
                continue  # supported, replaced or forgotten since it was queued
            self._replace_claim(replace(claim, solo_since=None), journal)
            self._take(
                self._peers[key[0]],
                self.config.unsupported_penalty,
                now,
                journal,
                cause=Cause.UNSUPPORTED,
                action="unsupported",
                actor="trust",
                reason=f"nobody supported its ban of {key[2]} within "
                f"{self.config.support_deadline:g} s",
            )
        memory_since = now - self.config.claim_memory
        while self._claims:
            key = next(iter(self._claims))
            if self._claims[key].received >= memory_since:
                break
            self._forget(key, now, journal, Rule.L1_EXPIRED, "forgotten")

    def _ban_claims_covering(self, ip: Network) -> list[ClaimKey]:
        nets = [ip] + [n for n in self._ban_ranges if n.version == ip.version and ip.subnet_of(n)]  # type: ignore[arg-type]
        keys: list[ClaimKey] = []
        for net in nets:
            keys.extend((peer, "ban", str(net)) for peer in self._by_target.get(("ban", net), {}))
        return keys

    # Peers and scores -------------------------------------------------------------------------

    def _canary_in(self, net: Network) -> Network | None:
        """A canary address or range that ``net`` overlaps, if any."""
        if net in self._canary_hosts:
            return net
        hit = next((c for c in self._canary_ranges if _overlaps(c, net)), None)
        if hit is None and net.prefixlen != net.max_prefixlen:
            hit = next((c for c in self._canary_hosts if _overlaps(c, net)), None)
        return hit

    def _tokens(self, peer: PeerState, now: float) -> float:
        grown = (now - peer.tokens_time) / self.config.solo_refill
        return min(float(self.config.solo_ban_budget), peer.solo_tokens + max(0.0, grown))

    def _spend_token(self, peer: PeerState, now: float, journal: _Journal) -> None:
        self._set_tokens(peer, self._tokens(peer, now) - 1, now, journal)

    def _give_back_token(self, peer: PeerState, now: float, journal: _Journal) -> PeerState:
        return self._set_tokens(peer, self._tokens(peer, now) + 1, now, journal)

    def _set_tokens(
        self, peer: PeerState, tokens: float, now: float, journal: _Journal
    ) -> PeerState:
        tokens = min(float(self.config.solo_ban_budget), max(0.0, tokens))
        updated = replace(peer, solo_tokens=tokens, tokens_time=now)
        self._peers[peer.peer_id] = updated
        journal.peers[peer.peer_id] = updated
        return updated

    def _peer(self, peer_id: str) -> PeerState:
        try:
            return self._peers[peer_id]
        except KeyError:
            raise UnknownPeer(f"no peer {peer_id[:MAX_ID_LENGTH]!r} is known") from None

    def _join(self, peer_id: str, now: float, journal: _Journal) -> PeerState:
        peer = self._peers.get(peer_id)
        if peer is None:
            score = start_score(self.config)
            level = level_of(score, False, self.config)
            peer = PeerState(
                peer_id,
                score,
                now,
                False,
                now,
                level,
                now,
                f"joined at {level}",
                float(self.config.solo_ban_budget),
                now,
            )
            self._peers[peer_id] = peer
            journal.peers[peer_id] = peer
        return peer

    def _score(self, peer: PeerState, now: float) -> float:
        return decayed(peer.score, now - peer.score_time, self.config)

    def _set_score(
        self,
        peer: PeerState,
        new: float,
        now: float,
        journal: _Journal,
        *,
        cause: Cause,
        detail: str,
        authoritative: bool | None = None,
    ) -> ScoreChange:
        """Set a peer's score (clamped to 0..100) and, if given, its L3 designation."""
        before = self._score(peer, now)
        level_before = level_of(before, peer.authoritative, self.config)
        if level_before != peer.level and cause is not Cause.DECAY:
            # Decay moved the level since it was last looked at: record that first.
            self._set_score(
                peer,
                before,
                now,
                journal,
                cause=Cause.DECAY,
                detail=f"drifted toward the baseline {self.config.baseline:g}",
            )
            peer = self._peers[peer.peer_id]
        if authoritative is None:
            authoritative = peer.authoritative
        new = min(MAX_SCORE, max(0.0, new))
        level_after = level_of(new, authoritative, self.config)
        change = ScoreChange(peer.peer_id, now, before, new, peer.level, level_after, cause, detail)
        updated = replace(
            peer, score=new, score_time=now, level=level_after, authoritative=authoritative
        )
        if cause is not Cause.DECAY or change.level_changed:
            updated = replace(updated, last_change=now, last_change_why=f"{cause}: {detail}")
        self._peers[peer.peer_id] = updated
        journal.peers[peer.peer_id] = updated
        journal.score_changes.append(change)
        return change

    def _take(
        self,
        peer: PeerState,
        points: float,
        now: float,
        journal: _Journal,
        *,
        cause: Cause,
        action: AuditAction,
        actor: str,
        reason: str,
    ) -> float:
        """Lower a score by ``points`` (not below 0) and audit it; returns the points taken."""
        before = self._score(peer, now)
        change = self._set_score(peer, before - points, now, journal, cause=cause, detail=reason)
        taken = before - change.score_after
        if taken > 0 or action == "penalty":  # a peer already at 0 cannot flood the trail
            journal.audit.append(
                AuditEntry(
                    now, peer.peer_id, action, actor, points, before, change.score_after, reason
                )
            )
        if change.level_after is Level.L0:
            self._withdraw(peer.peer_id, now, journal, reason)
        return taken

    def _withdraw(self, peer_id: str, now: float, journal: _Journal, reason: str) -> None:
        """A peer fell to L0 by a penalty: its claims stop counting as corroboration."""
        for key in list(self._by_peer.get(peer_id, ())):
            claim = self._claims[key]
            if claim.status is ClaimStatus.HELD:
                self._release(key, now, journal, Rule.L1_WITHDRAWN, reason)
            elif claim.status is ClaimStatus.ENFORCED:
                self._replace_claim(replace(claim, status=ClaimStatus.OBSERVED), journal)

    def _set_authoritative(
        self,
        peer: PeerState,
        authoritative: bool,
        now: float,
        journal: _Journal,
        *,
        actor: str,
        reason: str,
    ) -> None:
        score = self._score(peer, now)
        cause = Cause.DESIGNATED if authoritative else Cause.REVOKED
        self._set_score(
            peer,
            score,
            now,
            journal,
            cause=cause,
            detail=f"by {actor}: {reason}",
            authoritative=authoritative,
        )
        journal.audit.append(
            AuditEntry(
                now,
                peer.peer_id,
                "designate" if authoritative else "revoke",
                actor,
                0.0,
                score,
                score,
                reason,
            )
        )

    def _advance(self, now: float) -> float:
        if isinstance(now, bool) or not isinstance(now, int | float) or not math.isfinite(now):
            raise ValueError(f"now must be a finite number, not {now!r}")
        self._now = max(self._now, float(now))
        return self._now


def _overlaps(a: Network, b: Network) -> bool:
    return a.version == b.version and a.overlaps(b)
