"""The receiver's gate, sans-IO: every check a remote signal must pass before trust sees it.

``Gate.check(raw, now)`` answers one signed item with ``Passed`` (the parsed signal) or
``Refused`` (a stable reason code and a sentence). The checks run in this order, cheapest and
most telling first, and each fails closed (docs/MESH-PROTOCOL.md, "The receiver's gate"):

1. ``not-consuming``   this node's operator has not switched consuming on
2. schema              ``malformed`` (not a signal), ``unversioned``, ``bad-version`` (only v2);
                       the publisher cannot even be read from an item that fails here
   ``duplicate``       a copy of a signal already accepted (same publisher and id): gossip
                       brings several, so they are dropped here, before any other work
   ``own``             this node's own signal, echoed back by a peer: dropped, never re-applied
3. ``other-cluster``   the signal names another cluster
4. publisher identity  ``unknown-publisher`` / ``removed-publisher``: a current member only
5. entitlement         ``no-entitlement``: the publisher's capability claim (named by hash) is
                       known, its license verifies under our keys, is Pro and in force now,
                       names the publisher, and allows publishing
6. freshness           ``future`` (ts beyond the skew), ``expired`` (exp passed), ``stale``
                       (older than max_age), ``too-long`` (exp - ts beyond max_age)
7. replay              ``replay`` (this sequence number already accepted under another id),
                       ``stale-seq`` (below the window)
8. ``bad-signature``   Ed25519 over the exact payload bytes, by the publisher's key
9. ``rate-limited``    per publisher, three limits, exactly the excess dropped: at most
                       ``per_minute`` signals stamped within any one minute of the
                       publisher's clock; an hour's worth (60 x ``per_minute``) in any hour
                       of ours, however they are stamped, so backdating buys no more; and,
                       for live signals (stamped within the last ``LIVE`` seconds), a bucket
                       of ``burst``. Both buckets refill at ``per_minute``/60 a second.
                       Catch-up brings old signals in bulk: they count against the minute
                       they were stamped in and the hour, not the burst, so a node that was
                       offline converges at once while a flood stays bounded.

Only after the signature verifies is the id remembered and the sequence number marked, so a
forged copy can never block the real one. The replay windows are the gate's state; the caller
persists ``dirty`` publishers. Nothing here reads a clock or does I/O.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, Protocol

from honeymesh.license.claim import VerifiedClaim, verify_claim
from honeymesh.license.keys import TrustedKeys
from honeymesh.license.verify import LicenseRefused, Refusal, check_in_force
from honeymesh.mesh.envelope import EnvelopeError, Signal, parse_signal, verify
from honeymesh.mesh.replay import ReplayWindow

REASONS = (
    "not-consuming",
    "malformed",
    "unversioned",
    "bad-version",
    "duplicate",
    "own",
    "other-cluster",
    "unknown-publisher",
    "removed-publisher",
    "no-entitlement",
    "future",
    "expired",
    "stale",
    "too-long",
    "replay",
    "stale-seq",
    "bad-signature",
    "rate-limited",
)
SEEN_IDS = 65536
LIVE = 60.0


class Directory(Protocol):
    """What the gate asks of membership."""

    def status(self, node_id: str) -> Literal["member", "removed", "unknown"]: ...

    def claim_by_ref(self, ref: str) -> tuple[str, bytes] | None: ...


@dataclass(frozen=True)
class GateConfig:
    consume: bool = True
    max_age: float = 7 * 86400.0  # a signal lives at most this long (and may be replayed
    # to a node catching up for as long as it lives)
    skew: float = 30.0  # a publisher's clock may run this far ahead of ours
    burst: int = 200
    per_minute: int = 1200


@dataclass(frozen=True)
class Passed:
    signal: Signal


@dataclass(frozen=True)
class Refused:
    reason: str
    detail: str
    publisher: str | None = None


Result = Passed | Refused


@dataclass
class _Bucket:
    tokens: float
    time: float


@dataclass
class Gate:
    cluster: str
    directory: Directory
    keys: TrustedKeys
    config: GateConfig = field(default_factory=GateConfig)
    trusted_now: Callable[[float], float] = lambda now: now
    own: str = ""  # this node's id: its own signals coming back are dropped, not re-applied
    windows: dict[str, ReplayWindow] = field(default_factory=dict)
    dirty: set[str] = field(default_factory=set)
    counts: dict[str, int] = field(default_factory=dict)
    # (publisher, id): ids are the publisher's to choose, so they are unique only per publisher
    _seen: OrderedDict[tuple[str, str], None] = field(default_factory=OrderedDict)
    _claims: dict[str, VerifiedClaim | None] = field(default_factory=dict)
    _buckets: dict[str, _Bucket] = field(default_factory=dict)  # live signals: the burst
    _hours: dict[str, _Bucket] = field(default_factory=dict)  # every signal: an hour's worth
    _minutes: dict[tuple[str, int], int] = field(default_factory=dict)
    _prune_at: int = 0  # prune the minute counts again when they reach this many (or the bound)

    def check(self, raw: bytes, now: float) -> Result:
        result = self._check(raw, now)
        key = "passed" if isinstance(result, Passed) else result.reason
        self.counts[key] = self.counts.get(key, 0) + 1
        return result

    def seen(self, signal_id: str, publisher: str) -> bool:
        return (publisher, signal_id) in self._seen

    def high_water(self) -> dict[str, int]:
        """{publisher: highest sequence number accepted}: what a peer compares to catch up."""
        return {pub: w.top for pub, w in self.windows.items()}

    def forget_claims(self) -> None:
        """Drop cached claim checks (call when trusted keys or the cluster change)."""
        self._claims.clear()

    def _check(self, raw: bytes, now: float) -> Result:  # noqa: PLR0911 - a return per check
        if not self.config.consume:
            return Refused("not-consuming", "this node does not consume shared signals")
        try:
            signal = parse_signal(raw)
        except EnvelopeError as e:
            reason = e.reason if e.reason in ("unversioned", "bad-version") else "malformed"
            return Refused(reason, e.detail)
        pub = signal.publisher
        if (pub, signal.id) in self._seen:  # gossip brings copies: dropped first, and quietly
            return Refused("duplicate", f"signal {signal.id} was already accepted", pub)
        if pub == self.own:
            return Refused("own", "this node's own signal came back", pub)
        if signal.cluster != self.cluster:
            return Refused("other-cluster", f"signal for cluster {signal.cluster!r}", pub)
        status = self.directory.status(pub)
        if status != "member":
            reason = "removed-publisher" if status == "removed" else "unknown-publisher"
            return Refused(reason, f"publisher {pub[:16]} is not a current member", pub)
        problem = self._entitlement(signal, now)
        if problem:
            return Refused("no-entitlement", problem, pub)
        problem_code, problem = self._freshness(signal, now)
        if problem_code:
            return Refused(problem_code, problem, pub)
        window = self.windows.get(pub)
        seen = window.check(signal.seq) if window is not None else "new"
        if seen != "new":
            code = "replay" if seen == "replay" else "stale-seq"
            return Refused(code, f"sequence number {signal.seq} of {pub[:16]} is {seen}", pub)
        try:
            verify(signal)
        except EnvelopeError as e:
            return Refused("bad-signature", e.detail, pub)
        # Verified: from here on, this item is the publisher's own statement.
        if window is None:
            window = self.windows[pub] = ReplayWindow()
        window.mark(signal.seq)
        self.dirty.add(pub)
        self._remember(pub, signal.id)
        if not self._within_rate(signal, now):
            return Refused("rate-limited", f"publisher {pub[:16]} is over its rate limit", pub)
        return Passed(signal)

    def _entitlement(self, signal: Signal, now: float) -> str | None:
        """Why the publisher may not publish now, or None. A claim is verified once per hash
        (an Ed25519 check of its license); being in force is checked every time."""
        ref = signal.claim
        if ref in self._claims:
            claim = self._claims[ref]
        else:
            found = self.directory.claim_by_ref(ref)
            if found is None:  # not yet known: not remembered, it may arrive with the records
                return f"capability claim {ref[:16]} is not known (yet)"
            claim, lasting = self._verify_claim(ref, *found, now)
            if lasting:  # a license not yet valid will be: that refusal is not remembered
                self._claims[ref] = claim
        problem = None
        if claim is None:
            problem = f"capability claim {ref[:16]} was refused"
        elif claim.node_id != signal.publisher:
            problem = "the capability claim belongs to another node"
        elif not claim.publish:
            problem = "the publisher's claim does not allow publishing"
        else:
            try:
                check_in_force(claim.license, now=self.trusted_now(now), cluster_id=self.cluster)
            except LicenseRefused as e:
                problem = f"the publisher's license is not in force: {e.detail}"
        return problem

    def _verify_claim(
        self, ref: str, node: str, data: bytes, now: float
    ) -> tuple[VerifiedClaim | None, bool]:
        """The claim or None, and whether that answer lasts (may be cached by its hash)."""
        if hashlib.sha256(data).hexdigest() != ref:
            return None, True
        try:
            claim = verify_claim(
                data, self.keys, now=self.trusted_now(now), cluster_id=self.cluster
            )
        except LicenseRefused as e:
            return None, e.reason is not Refusal.NOT_YET_VALID
        return (claim if claim.node_id == node else None), True

    def _freshness(self, signal: Signal, now: float) -> tuple[str, str]:
        ts = signal.ts / 1000
        exp = signal.exp / 1000
        if ts > now + self.config.skew:
            return "future", f"timestamp {ts - now:.0f} s ahead (skew {self.config.skew:g} s)"
        if exp <= now:
            return "expired", f"expired {now - exp:.0f} s ago"
        if ts < now - self.config.max_age:
            return "stale", f"published {now - ts:.0f} s ago (max age {self.config.max_age:g} s)"
        if exp - ts > self.config.max_age:
            return "too-long", f"lives {exp - ts:.0f} s (max age {self.config.max_age:g} s)"
        return "", ""

    def _remember(self, publisher: str, signal_id: str) -> None:
        self._seen[(publisher, signal_id)] = None
        if len(self._seen) > SEEN_IDS:
            self._seen.popitem(last=False)

    def _within_rate(self, signal: Signal, now: float) -> bool:
        pub = signal.publisher
        minute = (pub, int(signal.ts // 60_000))
        if self._minutes.get(minute, 0) >= self.config.per_minute:
            return False
        if not self._take_token(pub, now, self._hours, 60 * self.config.per_minute):
            return False  # an hour's worth at most, however the signals are stamped
        live = signal.ts / 1000 >= now - LIVE
        if live and not self._take_token(pub, now, self._buckets, self.config.burst):
            return False
        self._minutes[minute] = self._minutes.get(minute, 0) + 1
        if len(self._minutes) > max(4 * SEEN_IDS, self._prune_at):
            self._prune_minutes(now)
        return True

    def _prune_minutes(self, now: float) -> None:
        oldest = int((now - self.config.max_age) // 60)
        self._minutes = {k: v for k, v in self._minutes.items() if k[1] >= oldest}
        # What is left is still within max_age: prune again once that has doubled, not on every
        # signal, so that the cost per signal stays constant however many counts are live.
        self._prune_at = 2 * len(self._minutes)

    def _take_token(
        self, publisher: str, now: float, buckets: dict[str, _Bucket], capacity: int
    ) -> bool:
        """One token from ``publisher``'s bucket of ``capacity``, refilled at per_minute/60."""
        rate = self.config.per_minute / 60.0
        bucket = buckets.get(publisher)
        if bucket is None:
            bucket = buckets[publisher] = _Bucket(float(capacity), now)
        elapsed = max(0.0, now - bucket.time)
        bucket.tokens = min(float(capacity), bucket.tokens + elapsed * rate)
        bucket.time = now
        if bucket.tokens < 1.0:
            return False
        bucket.tokens -= 1.0
        return True
