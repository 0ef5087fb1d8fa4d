"""A hypothesis state machine drives the trust model over a fake clock and checks its promises.

Every operation's changes are also written to a real SQLite database with the bundled
migrations, and a "restart" rebuilds the model from that database: the restored model must
show exactly what the live one showed.
"""

from __future__ import annotations

import itertools
import sqlite3
from typing import Any

from hypothesis import event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
)
from twisted.internet.task import Clock

from honeymesh.config import TrustConfig
from honeymesh.net import normalize_network
from honeymesh.store.db import bundled_migrations, open_database
from honeymesh.trust.model import (
    Changes,
    Level,
    Outcome,
    RemoteSignal,
    Rule,
    TrustModel,
    UnknownPeer,
    level_of,
)
from honeymesh.trust.persistence import load_state, save_changes

CONFIG = TrustConfig(
    start_level=1,
    l1_threshold=40.0,
    l2_threshold=70.0,
    baseline=30.0,
    half_life=500.0,
    corroboration_window=100.0,
    min_corroborators=1,
    max_held=4,
    max_held_per_peer=2,
    corroboration_reward=6.0,
    corroboration_cap=65.0,
    confirmation_reward=30.0,
    contradiction_penalty=20.0,
    allowlist_penalty=10.0,
    canary_penalty=100.0,
    canary_addresses=("198.51.100.1", "198.51.100.128/25"),
    solo_ban_budget=1,
    solo_refill=300.0,
    support_deadline=200.0,
    unsupported_penalty=15.0,
    claim_memory=400.0,
    max_claims=12,
)
PEERS = ("p1", "p2", "p3", "p4")
CANARIES = ("198.51.100.1", "198.51.100.200", "198.51.100.0/24")
ALLOWLISTED = "192.0.2.99"
HOSTS = tuple(f"203.0.113.{n}" for n in range(1, 7))
TARGETS = (*HOSTS, "203.0.113.0/30", ALLOWLISTED, *CANARIES)
SIGNALLED = (*HOSTS * 5, "203.0.113.0/30", ALLOWLISTED, *CANARIES)  # mostly plain addresses


class TrustMachine(RuleBasedStateMachine):
    @initialize()
    def start(self) -> None:
        self.clock = Clock()
        self.clock.advance(1_000_000)
        self.model = TrustModel(CONFIG, now=self.clock.seconds())
        self.conn: sqlite3.Connection = open_database(":memory:", bundled_migrations())[0]
        self.designated: set[str] = set()  # what operators granted (and canaries took away)
        self.ids = itertools.count()

    def teardown(self) -> None:
        self.conn.close()

    def now(self) -> float:
        return self.clock.seconds()

    def save(self, changes: Changes) -> None:
        with self.conn:
            save_changes(self.conn, changes)

    def scores(self) -> dict[str, float]:
        return {v.peer_id: v.score for v in self.model.views(self.now())}

    # Operations ------------------------------------------------------------------------------

    @rule(
        peer=st.sampled_from(PEERS),
        address=st.sampled_from(SIGNALLED),
        action=st.sampled_from(["ban"] * 9 + ["allow"]),
    )
    def evaluate(self, peer: str, address: str, action: Any) -> None:
        target = address
        signal = RemoteSignal(
            peer,
            action,
            target,
            "L2",
            ("test",),
            self.now(),
            f"sig-{next(self.ids)}",
        )
        before = self.scores().get(peer)
        ev = self.model.evaluate(signal, self.now(), allowlisted=target == ALLOWLISTED)
        self.save(ev.changes)
        d = ev.decision
        event(f"rule {d.rule}")
        event(f"held {len(self.model.held())}")
        assert d.level == level_of(d.score, peer in self.designated, CONFIG)
        if action == "ban" and target in CANARIES:
            assert (d.outcome, d.rule) == (Outcome.REJECT, Rule.CANARY)
            assert self.model.score(peer, self.now()) == 0.0
            self.designated.discard(peer)
        if action == "ban" and target == ALLOWLISTED:
            assert d.outcome is Outcome.REJECT
        if d.outcome is Outcome.REJECT and before is not None and before > 0:
            assert self.model.score(peer, self.now()) < before  # penalties always lower
        if d.outcome is Outcome.ENFORCE and action == "allow":
            assert d.level is Level.L3
        if d.outcome is Outcome.ENFORCE and d.rule is Rule.L1_CORROBORATED:
            others = {c.peer_id for c in d.corroborators}
            assert peer not in others and len(others) >= CONFIG.min_corroborators

    @rule(peer=st.sampled_from(PEERS), points=st.floats(min_value=0.5, max_value=100))
    def penalize(self, peer: str, points: float) -> None:
        if not self.model.knows(peer):
            return
        before = self.model.score(peer, self.now())
        changes = self.model.penalize(peer, points, self.now(), reason="test", actor="op")
        self.save(changes)
        after = self.model.score(peer, self.now())
        assert after == max(0.0, before - points) or abs(after - max(0.0, before - points)) < 1e-9
        if before > 0:
            assert after < before
        assert changes.audit[-1].action == "penalty"

    @rule(peer=st.sampled_from(PEERS), authoritative=st.booleans())
    def designate(self, peer: str, authoritative: bool) -> None:
        try:
            changes = self.model.designate(
                peer, authoritative, self.now(), reason="test", actor="op"
            )
        except UnknownPeer:
            assert not self.model.knows(peer)
            return
        self.save(changes)
        if authoritative:
            self.designated.add(peer)
        else:
            self.designated.discard(peer)

    @rule(address=st.sampled_from(HOSTS))
    def confirm(self, address: str) -> None:
        before = self.scores()
        changes = self.model.confirm(address, self.now())
        self.save(changes)
        after = self.scores()
        for change in changes.score_changes:
            if change.cause == "confirmed":
                assert after[change.peer_id] >= before[change.peer_id]

    @rule(address=st.sampled_from(TARGETS[:7]))
    def contradict(self, address: str) -> None:
        self.save(self.model.contradict(address, self.now(), reason="unbanned", actor="op"))
        lifted = normalize_network(address)
        assert not any(
            c.signal.action == "ban" and c.signal.network.overlaps(lifted)
            for c in self.model.claims()
        )

    @rule(seconds=st.sampled_from([1.0, 30.0, 99.0, 101.0, 250.0, 2000.0]))
    def let_time_pass(self, seconds: float) -> None:
        """Pure decay: with nothing happening, every score moves toward the baseline."""
        before = self.scores()
        self.clock.advance(seconds)
        after = self.scores()
        b = CONFIG.baseline
        for peer, s0 in before.items():
            s1 = after[peer]
            assert abs(s1 - b) <= abs(s0 - b) + 1e-9  # closer to the baseline ...
            assert (s1 - b) * (s0 - b) >= 0  # ... never overshooting it

    @rule()
    def tick(self) -> None:
        self.save(self.model.tick(self.now()))

    @rule()
    def restart(self) -> None:
        """Rebuild the model from the database: it must look exactly the same."""
        self.conn.commit()
        state = load_state(self.conn)
        assert state.unreadable == 0
        restored = TrustModel(CONFIG, now=self.now(), peers=state.peers, claims=state.claims)
        assert restored.views(self.now()) == self.model.views(self.now())
        assert restored.held() == self.model.held()
        assert sorted(restored.claims(), key=lambda c: c.key) == sorted(
            self.model.claims(), key=lambda c: c.key
        )
        self.model = restored
        self.save(self.model.tick(self.now()))  # as TrustEngine.restore does

    # Invariants ------------------------------------------------------------------------------

    @invariant()
    def levels_follow_scores_and_l3_only_by_designation(self) -> None:
        if not hasattr(self, "model"):
            return
        for view in self.model.views(self.now()):
            assert 0.0 <= view.score <= 100.0
            assert view.authoritative == (view.peer_id in self.designated)
            assert view.level == level_of(view.score, view.authoritative, CONFIG)

    @invariant()
    def held_signals_stay_within_their_bounds(self) -> None:
        if not hasattr(self, "model"):
            return
        held = self.model.held()
        assert len(held) <= CONFIG.max_held
        for peer in PEERS:
            assert sum(1 for c in held if c.signal.peer_id == peer) <= CONFIG.max_held_per_peer
        # Bounded in time too: nothing is held longer than the window (as of the last call).
        assert all(c.received >= self.model.now - CONFIG.corroboration_window for c in held)
        assert len(self.model.claims()) <= CONFIG.max_claims


TestTrustMachine = TrustMachine.TestCase
TestTrustMachine.settings = settings(max_examples=200, stateful_step_count=60, deadline=None)
