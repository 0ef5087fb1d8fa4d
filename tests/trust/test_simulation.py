"""Simulated meshes of 20 to 100 peers, up to half of them lying, through the real TrustModel.

See honeymesh/trust/simulation.py for the world: honest peers report real attackers, lone liars
and colluding groups ban random victims, camouflage peers report honestly and lie now and then.
Victims include canary and allowlisted addresses the liars cannot tell apart from the rest.
"""

from __future__ import annotations

import functools

import pytest

from honeymesh.config import TrustConfig
from honeymesh.trust.simulation import Scenario, SimResult, run


@functools.cache
def simulate(peers: int, malicious: float, seed: int = 1) -> SimResult:
    return run(Scenario(peers=peers, malicious_fraction=malicious, seed=seed))


@pytest.mark.parametrize("malicious", [0.0, 0.1, 0.3, 0.5])
@pytest.mark.parametrize("peers", [20, 50, 100])
def test_canaries_are_never_banned_and_attackers_seen_by_two_honest_peers_are(
    peers: int, malicious: float
) -> None:
    r = simulate(peers, malicious)
    assert r.malicious == round(peers * malicious)
    if malicious >= 0.3:
        assert r.canaries_named > 0  # the liars did try
    assert r.canaries_banned == 0
    assert r.allowlisted_banned == 0
    # Every attacker reported by two honest L1+ peers within one corroboration window was
    # banned no later than the second of those reports.
    assert r.due > 0.8 * r.attackers_reported
    assert r.late == ()
    assert r.attackers_banned >= r.due


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("peers", [20, 50, 100])
def test_at_most_one_percent_of_benign_addresses_are_falsely_banned_with_30_percent_liars(
    peers: int, seed: int
) -> None:
    r = simulate(peers, 0.3, seed)
    assert r.benign_named > 100  # the rate is over a real number of lies
    assert r.false_ban_rate <= 0.01, r.as_json()


def test_without_the_defences_the_same_liars_succeed() -> None:
    """The control: newcomers trusted at L1 and unlimited solo bans let lies through."""
    open_mesh = TrustConfig(start_level=1, baseline=50.0, solo_ban_budget=100)
    r = run(Scenario(peers=50, malicious_fraction=0.3, seed=1, trust=open_mesh))
    assert r.false_ban_rate > 0.03
    assert r.canaries_banned == 0  # canaries still hold


def test_honest_newcomers_leave_probation_through_confirmed_reports() -> None:
    r = simulate(50, 0.3)
    honest = r.scenario.peers - r.malicious
    assert len(r.honest_to_l1) == honest
    assert max(r.honest_to_l1) < 86400  # within a day of attack traffic
    assert r.final_levels["lone"] == {"L0": r.final_levels["lone"]["L0"]}  # liars stay L0
    assert set(r.final_levels["colluding"]) == {"L0"}


def test_a_simulation_is_reproducible() -> None:
    a = run(Scenario(peers=20, malicious_fraction=0.3, seed=7, duration=6 * 3600.0))
    b = run(Scenario(peers=20, malicious_fraction=0.3, seed=7, duration=6 * 3600.0))
    assert a == b
