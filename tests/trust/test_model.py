"""The trust rules, one behaviour at a time, on the sans-IO model with explicit times."""

from __future__ import annotations

import dataclasses
import itertools
import math
from ipaddress import ip_network
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from honeymesh.config import TrustConfig
from honeymesh.trust.model import (
    Cause,
    ClaimStatus,
    InvalidRequest,
    InvalidSignal,
    Level,
    Outcome,
    RemoteSignal,
    Rule,
    TrustModel,
    UnknownPeer,
    decayed,
    start_score,
)

ATTACKER = "203.0.113.7"
CANARY = "198.51.100.66"
_ids = itertools.count()


def signal(
    peer: str, target: str = ATTACKER, action: Any = "ban", signal_id: str | None = None
) -> RemoteSignal:
    return RemoteSignal(
        peer,
        action,
        target,
        "L2",
        ("ssh brute force",),
        0.0,
        signal_id or f"s{next(_ids)}",
    )


def model(**overrides: object) -> TrustModel:
    config = TrustConfig(**{"start_level": 1, "canary_addresses": (CANARY,), **overrides})  # type: ignore[arg-type]
    return TrustModel(config, now=0.0)


def raise_to(m: TrustModel, peer: str, level: Level, now: float) -> None:
    """Confirm made-up reports by ``peer`` until it reaches ``level`` (the only honest way up)."""
    m.join(peer, now)
    n = 0
    while m.level(peer, now) < level:
        n += 1
        target = f"192.0.2.{n}"
        m.evaluate(signal(peer, target), now)
        m.confirm(target, now)
        assert n < 100


# Levels -------------------------------------------------------------------------------------


def test_a_new_peer_starts_at_the_configured_level() -> None:
    for level in (0, 1, 2):
        m = model(start_level=level)
        m.join("a", 0)
        assert m.level("a", 0) == Level(level)
        assert m.score("a", 0) == start_score(m.config)


def test_l0_is_observed_only() -> None:
    m = model(start_level=0)
    d = m.evaluate(signal("a"), 10).decision
    assert (d.outcome, d.rule, d.level) == (Outcome.OBSERVE, Rule.L0_OBSERVE, Level.L0)
    # ... and an L0 claim never corroborates an L1 one.
    m2 = model(start_level=0)
    m2.evaluate(signal("a"), 10)
    raise_to(m2, "b", Level.L1, 20)
    assert m2.evaluate(signal("b"), 20).decision.outcome is Outcome.HOLD


def test_l1_is_held_then_enforced_when_another_peer_agrees_in_the_window() -> None:
    m = model()
    first = m.evaluate(signal("a"), 100).decision
    assert (first.outcome, first.rule) == (Outcome.HOLD, Rule.L1_HELD)
    assert [c.signal.peer_id for c in m.held()] == ["a"]
    second = m.evaluate(signal("b"), 100 + 599).decision
    assert (second.outcome, second.rule) == (Outcome.ENFORCE, Rule.L1_CORROBORATED)
    assert [c.peer_id for c in second.corroborators] == ["a"]
    assert second.corroborators[0].signal_id == first.signal.signal_id
    assert m.held() == []
    prov = second.provenance()
    assert prov["rule"] == "l1-corroborated" and prov["peer"] == "b"
    assert prov["corroborators"] == [
        {"peer": "a", "signal_id": first.signal.signal_id, "level": "L1", "received": 100.0}
    ]


def test_corroboration_must_come_from_another_peer_within_the_window() -> None:
    m = model()
    m.evaluate(signal("a"), 0)
    assert m.evaluate(signal("a"), 10).decision.outcome is Outcome.HOLD  # itself: no
    late = m.evaluate(signal("b"), 10 + 601).decision  # "a" re-sent at 10, so 611 is too late
    assert late.outcome is Outcome.HOLD
    assert late.corroborators == ()


def test_a_held_signal_expires_to_observe_only() -> None:
    m = model()
    m.evaluate(signal("a"), 0)
    changes = m.tick(601)
    [expired] = changes.decisions
    assert (expired.outcome, expired.rule) == (Outcome.OBSERVE, Rule.L1_EXPIRED)
    assert m.held() == []
    assert [c.status for c in m.claims()] == [ClaimStatus.OBSERVED]


def test_min_corroborators_counts_distinct_peers() -> None:
    m = model(min_corroborators=2)
    m.evaluate(signal("a"), 0)
    assert m.evaluate(signal("b"), 1).decision.outcome is Outcome.HOLD
    d = m.evaluate(signal("c"), 2).decision
    assert d.outcome is Outcome.ENFORCE
    assert {c.peer_id for c in d.corroborators} == {"a", "b"}


def test_l2_is_enforced_at_once() -> None:
    m = model(start_level=2)
    d = m.evaluate(signal("a"), 0).decision
    assert (d.outcome, d.rule, d.level) == (Outcome.ENFORCE, Rule.L2_IMMEDIATE, Level.L2)


def test_allows_below_l3_are_only_observed() -> None:
    m = model(start_level=2)
    d = m.evaluate(signal("a", action="allow"), 0).decision
    assert (d.outcome, d.rule) == (Outcome.OBSERVE, Rule.ALLOW_NEEDS_L3)


# L3: only by designation --------------------------------------------------------------------


def test_l3_comes_only_from_an_operator_and_overrides() -> None:
    m = model(start_level=2)
    raise_to(m, "a", Level.L2, 0)
    for n in range(50):  # as much confirmed good work as a peer can do
        m.evaluate(signal("a", f"192.0.2.{100 + n}"), 1)
        m.confirm(f"192.0.2.{100 + n}", 1)
    assert m.score("a", 1) == 100.0
    assert m.level("a", 1) is Level.L2
    changes = m.designate("a", True, 2, reason="our other site", actor="alice")
    assert m.level("a", 2) is Level.L3
    [entry] = changes.audit
    assert (entry.action, entry.actor, entry.reason) == ("designate", "alice", "our other site")
    d = m.evaluate(signal("a", "192.0.2.250"), 3).decision
    assert (d.outcome, d.rule) == (Outcome.ENFORCE, Rule.L3_OVERRIDE)
    m.designate("a", False, 4, reason="site closed", actor="alice")
    assert m.level("a", 4) is Level.L2


def test_an_l3_allow_lifts_a_ban_and_penalizes_the_peers_who_claimed_it() -> None:
    m = model(start_level=2)
    m.evaluate(signal("liar", "192.0.2.9"), 0)
    m.join("op", 0)
    m.designate("op", True, 0, reason="operator node", actor="alice")
    before = m.score("liar", 10)
    ev = m.evaluate(signal("op", "192.0.2.0/24", action="allow"), 10)
    assert (ev.decision.outcome, ev.decision.rule) == (Outcome.ENFORCE, Rule.L3_OVERRIDE)
    [entry] = ev.changes.audit
    assert (entry.peer_id, entry.action) == ("liar", "contradicted")
    assert m.score("liar", 10) == pytest.approx(before - m.config.contradiction_penalty)
    assert all(c.signal.peer_id != "liar" for c in m.claims())  # the refuted claim is gone


# Canaries and the allowlist -----------------------------------------------------------------


@pytest.mark.parametrize("target", [CANARY, "198.51.100.0/24", "0.0.0.0/0"])
def test_a_canary_is_never_banned_and_its_signer_is_penalized_at_once(target: str) -> None:
    m = model(start_level=2)
    m.evaluate(signal("x", "192.0.2.1"), 0)  # an earlier, enforced ban by the same peer
    m.evaluate(signal("x", "192.0.2.2"), 0)  # over its solo budget: held
    ev = m.evaluate(signal("x", target), 5)
    d = ev.decision
    assert (d.outcome, d.rule) == (Outcome.REJECT, Rule.CANARY)
    assert d.penalty == pytest.approx(d.score)  # all of it
    assert m.score("x", 5) == 0.0 and m.level("x", 5) is Level.L0
    assert m.held() == []  # its held signal is withdrawn
    assert [x.rule for x in ev.changes.decisions] == [Rule.L1_WITHDRAWN]
    assert ev.changes.suspect_bans == (
        ip_network("192.0.2.1/32"),
    )  # the ban that rested on its word


def test_a_peer_caught_on_a_canary_earns_nothing_during_its_quarantine() -> None:
    m = model(start_level=2, canary_quarantine=86400.0, baseline=30.0)
    m.evaluate(signal("x", CANARY), 0)
    assert m.view("x", 0).quarantined_until == 86400.0
    m.evaluate(signal("x", "192.0.2.1"), 10)
    m.evaluate(signal("y", "192.0.2.1"), 10)
    assert m.confirm("192.0.2.1", 20).score_changes[0].peer_id == "y"  # x: nothing
    assert m.score("x", 20) < 1
    m.evaluate(signal("x", "192.0.2.2"), 86400)
    m.confirm("192.0.2.2", 86400)
    assert m.score("x", 86400) > m.config.confirmation_reward  # after it: rewarded again
    assert m.view("x", 86400).quarantined_until is None


def test_a_canary_hit_revokes_l3() -> None:
    m = model()
    m.join("op", 0)
    m.designate("op", True, 0, reason="trusted", actor="alice")
    d = m.evaluate(signal("op", CANARY), 1).decision
    assert d.outcome is Outcome.REJECT
    assert m.level("op", 1) is Level.L0
    assert [a.action for a in m.evaluate(signal("op", "192.0.2.1"), 2).changes.audit] == []


def test_a_ban_on_an_allowlisted_address_is_rejected_and_costs_points() -> None:
    m = model(start_level=2)
    before = m.score("a", 0) if m.knows("a") else start_score(m.config)
    d = m.evaluate(signal("a"), 0, allowlisted=True).decision
    assert (d.outcome, d.rule) == (Outcome.REJECT, Rule.ALLOWLISTED)
    assert d.penalty == m.config.allowlist_penalty
    assert m.score("a", 0) == before - m.config.allowlist_penalty


def test_allowing_a_canary_is_not_a_canary_hit() -> None:
    m = model()
    d = m.evaluate(signal("a", CANARY, action="allow"), 0).decision
    assert d.rule is Rule.ALLOW_NEEDS_L3


# Scores: rewards, decay, penalties ----------------------------------------------------------


def test_corroboration_rewards_both_peers_but_never_above_the_cap() -> None:
    m = model(corroboration_cap=64.0)
    m.evaluate(signal("a"), 0)
    m.evaluate(signal("b"), 0)
    assert m.score("a", 0) == 62.0 and m.score("b", 0) == 62.0
    for n in range(5):
        m.evaluate(signal("a", f"192.0.2.{n}"), 0)
        m.evaluate(signal("b", f"192.0.2.{n}"), 0)
    assert m.score("a", 0) == 64.0  # corroboration alone never reaches L2
    assert m.level("a", 0) is Level.L1


def test_resending_a_signal_earns_nothing_more() -> None:
    m = model()
    m.evaluate(signal("a"), 0)
    m.evaluate(signal("b"), 0)
    score = m.score("b", 0)
    for _ in range(5):
        m.evaluate(signal("b"), 0)
        m.confirm(ATTACKER, 0)
    assert m.score("b", 0) == score + m.config.confirmation_reward


def test_a_duplicate_signal_id_changes_nothing() -> None:
    m = model()
    first = signal("a", signal_id="same")
    m.evaluate(first, 0)
    again = m.evaluate(first, 1)
    assert again.decision.rule is Rule.DUPLICATE
    assert again.changes.claims == () and again.changes.score_changes == ()


def test_local_confirmation_rewards_every_peer_whose_claim_covers_the_address() -> None:
    m = model(start_level=0)
    m.evaluate(signal("a", "203.0.113.0/24"), 0)
    m.evaluate(signal("b", ATTACKER), 0)
    m.evaluate(signal("c", "192.0.2.1"), 0)
    changes = m.confirm(ATTACKER, 10)
    assert {c.peer_id for c in changes.score_changes} == {"a", "b"}
    assert all(c.cause is Cause.CONFIRMED for c in changes.score_changes)
    assert m.confirm(ATTACKER, 11).score_changes == ()  # once per claim


def test_confirm_refuses_a_network() -> None:
    with pytest.raises(InvalidRequest):
        model().confirm("10.0.0.0/8", 0)


def test_scores_decay_toward_the_baseline_with_the_half_life() -> None:
    m = model(start_level=2, half_life=100.0, baseline=30.0)
    m.join("a", 0)
    s0 = m.score("a", 0)
    assert m.score("a", 100) == pytest.approx(30 + (s0 - 30) / 2)
    assert m.score("a", 200) == pytest.approx(30 + (s0 - 30) / 4)
    assert decayed(10.0, 100.0, m.config) == pytest.approx(20.0)  # from below, too


def test_decay_across_a_threshold_is_reported_by_the_tick() -> None:
    m = model(start_level=2, half_life=3600.0)
    m.join("a", 0)
    assert m.tick(60).score_changes == ()
    [change] = m.tick(3600).score_changes
    assert (change.cause, change.level_before, change.level_after) == (
        Cause.DECAY,
        Level.L2,
        Level.L1,
    )


def test_an_operator_penalty_lowers_the_score_and_is_audited() -> None:
    m = model()
    m.join("a", 0)
    changes = m.penalize("a", 25, 10, reason="sent our partner's range", actor="alice")
    [entry] = changes.audit
    assert (entry.action, entry.actor, entry.points) == ("penalty", "alice", 25)
    assert entry.score_after == pytest.approx(entry.score_before - 25)
    view = m.view("a", 10)
    assert view.last_change == 10 and "sent our partner's range" in view.last_change_why


@pytest.mark.parametrize("points", [0, -5, 101, math.nan, math.inf, True])
def test_an_operator_penalty_must_be_a_sensible_number(points: float) -> None:
    m = model()
    m.join("a", 0)
    with pytest.raises(InvalidRequest):
        m.penalize("a", points, 0, reason="x", actor="alice")
    assert m.score("a", 0) == start_score(m.config)  # nothing lost


@pytest.mark.parametrize("reason", ["", "   ", "x" * 501])
def test_an_operator_action_needs_a_reason(reason: str) -> None:
    m = model()
    m.join("a", 0)
    with pytest.raises(InvalidRequest):
        m.penalize("a", 5, 0, reason=reason, actor="alice")
    with pytest.raises(InvalidRequest):
        m.designate("a", True, 0, reason=reason, actor="alice")


def test_an_unknown_peer_cannot_be_penalized_or_designated() -> None:
    m = model()
    with pytest.raises(UnknownPeer):
        m.penalize("ghost", 5, 0, reason="x", actor="alice")
    with pytest.raises(UnknownPeer):
        m.designate("ghost", True, 0, reason="x", actor="alice")
    assert not m.knows("ghost")


def test_a_penalty_to_l0_withdraws_held_claims_but_decay_does_not() -> None:
    m = model()
    m.evaluate(signal("a"), 0)
    m.penalize("a", 50, 1, reason="caught lying", actor="alice")
    assert m.evaluate(signal("b"), 2).decision.outcome is Outcome.HOLD
    # A claim made at L1 still counts after the score decays just below the threshold.
    m2 = model(half_life=600.0)
    m2.join("c", 0)
    m2.penalize("c", 19.99, 0, reason="small", actor="alice")  # 40.01: L1, drifting down
    m2.evaluate(signal("c"), 0)
    assert m2.level("c", 300) is Level.L0
    assert m2.evaluate(signal("d"), 300).decision.outcome is Outcome.ENFORCE


# Solo bans: the L2 token budget --------------------------------------------------------------


def test_an_l2_peer_bans_alone_only_while_it_has_tokens() -> None:
    m = model(start_level=2, solo_ban_budget=1, solo_refill=86400.0)
    assert m.evaluate(signal("a", "192.0.2.1"), 0).decision.rule is Rule.L2_IMMEDIATE
    d = m.evaluate(signal("a", "192.0.2.2"), 1).decision
    assert (d.outcome, d.rule) == (Outcome.HOLD, Rule.L2_OVER_BUDGET)
    # Still an L2 peer: corroborated bans go through at once.
    m.evaluate(signal("b", "192.0.2.3"), 2)
    assert m.evaluate(signal("a", "192.0.2.3"), 2).decision.outcome is Outcome.ENFORCE


def test_a_supported_solo_ban_gives_its_token_back() -> None:
    m = model(start_level=2, solo_ban_budget=1)
    m.evaluate(signal("a", "192.0.2.1"), 0)
    m.evaluate(signal("b", "192.0.2.1"), 5)  # another peer agrees
    assert m.evaluate(signal("a", "192.0.2.2"), 6).decision.rule is Rule.L2_IMMEDIATE
    m.confirm("192.0.2.2", 7)  # our traps agree
    assert m.evaluate(signal("a", "192.0.2.3"), 8).decision.rule is Rule.L2_IMMEDIATE


def test_an_unsupported_solo_ban_costs_points_and_its_token_grows_back_slowly() -> None:
    m = model(
        start_level=2,
        solo_ban_budget=1,
        support_deadline=3600.0,
        solo_refill=86400.0,
        half_life=1e9,
        unsupported_penalty=5.0,
    )
    m.evaluate(signal("a", "192.0.2.1"), 0)
    before = m.score("a", 3601)
    changes = m.tick(3601)
    [entry] = changes.audit
    assert entry.action == "unsupported"
    assert m.score("a", 3601) == pytest.approx(before - m.config.unsupported_penalty)
    assert m.evaluate(signal("a", "192.0.2.2"), 3602).decision.outcome is Outcome.HOLD
    m.tick(86400.0)
    d = m.evaluate(signal("a", "192.0.2.3"), 86401).decision
    assert d.level is Level.L2
    assert d.rule is Rule.L2_IMMEDIATE


def test_resending_a_solo_ban_does_not_dodge_the_deadline() -> None:
    m = model(start_level=2, support_deadline=3600.0)
    m.evaluate(signal("a", "192.0.2.1"), 0)
    m.evaluate(signal("a", "192.0.2.1"), 3000)
    assert [a.action for a in m.tick(3601).audit] == ["unsupported"]


# Bounds on held signals and memory -----------------------------------------------------------


def test_held_signals_are_bounded_per_peer_and_overall() -> None:
    m = model(max_held=5, max_held_per_peer=3)
    for n in range(4):
        m.evaluate(signal("a", f"192.0.2.{n}"), n)
    held = m.held()
    assert [c.signal.target for c in held] == ["192.0.2.1", "192.0.2.2", "192.0.2.3"]
    for n in range(4):
        ev = m.evaluate(signal("b", f"192.0.3.{n}"), 10 + n)
    assert len(m.held()) == 5
    assert ev.changes.decisions[0].rule is Rule.L1_EVICTED


def test_remembered_claims_are_bounded_and_forgotten_after_claim_memory() -> None:
    m = model(start_level=0, max_claims=10, claim_memory=1000.0, support_deadline=500.0)
    for n in range(15):
        m.evaluate(signal("a", f"192.0.2.{n}"), n)
    assert len(m.claims()) == 10
    m.tick(2000)
    assert m.claims() == []


def test_time_never_runs_backwards() -> None:
    m = model()
    m.evaluate(signal("a"), 1000)
    d = m.evaluate(signal("b"), 10).decision  # a clock stepped back: taken as 1000
    assert d.time == 1000 and d.outcome is Outcome.ENFORCE
    with pytest.raises(ValueError, match="finite"):
        m.tick(math.nan)


def test_a_model_refuses_an_inconsistent_config() -> None:
    with pytest.raises(ValueError, match="l2_threshold"):
        TrustModel(TrustConfig(l1_threshold=80.0, l2_threshold=40.0), now=0)


# Signals from the wire -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "change",
    [
        {"peer_id": ""},
        {"peer_id": "p" * 129},
        {"action": "drop"},
        {"target": "10.0.0.300"},
        {"target": "example.org"},
        {"target": 42},
        {"classification": "L5"},
        {"reasons": ["x"]},
        {"reasons": ("x",) * 17},
        {"reasons": ("x" * 257,)},
        {"reasons": (1,)},
        {"time": math.nan},
        {"time": "now"},
        {"time": True},
        {"signal_id": ""},
    ],
)
def test_a_malformed_signal_raises_invalid_signal(change: dict[str, object]) -> None:
    good = signal("a")
    fields = {**dataclasses.asdict(good), **change}
    with pytest.raises(InvalidSignal):
        RemoteSignal(**fields)


@given(
    peer=st.text(max_size=140),
    action=st.sampled_from(["ban", "allow", "Ban", ""]),
    target=st.one_of(st.text(max_size=60), st.ip_addresses().map(str)),
    classification=st.text(max_size=3),
    reasons=st.lists(st.text(max_size=300), max_size=20).map(tuple),
    time=st.floats(),
    signal_id=st.text(max_size=140),
)
def test_any_input_is_a_signal_or_invalid_signal(
    peer: str,
    action: Any,
    target: str,
    classification: Any,
    reasons: tuple[str, ...],
    time: float,
    signal_id: str,
) -> None:
    try:
        s = RemoteSignal(
            peer,
            action,
            target,
            classification,
            reasons,
            time,
            signal_id,
        )
    except InvalidSignal:
        return
    m = model(start_level=2)
    d = m.evaluate(s, 0).decision
    assert d.signal is s
    assert d.provenance()["target"] == str(s.network)


def test_a_supporting_claim_that_is_the_oldest_in_memory_still_counts() -> None:
    """Recording the new claim evicts the oldest one; that must not lose the supporter."""
    m = model(max_claims=3)
    m.evaluate(signal("a", ATTACKER), 0)  # the oldest remembered claim
    m.evaluate(signal("x", "192.0.2.1"), 1)
    m.evaluate(signal("x", "192.0.2.2"), 2)
    d = m.evaluate(signal("b", ATTACKER), 3).decision
    assert d.outcome is Outcome.ENFORCE
    assert [c.peer_id for c in d.corroborators] == ["a"]
    assert len(m.claims()) == 3
