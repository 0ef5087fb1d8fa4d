"""The policy engine over a real store and ban list: modes, thresholds, per-detector rules,
allow wins, IPv6 prefixes, escalation, and mode persistence across a restart."""

from __future__ import annotations

import ipaddress
import math
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
import pytest_twisted
from twisted.logger import ILogObserver, LogEvent, formatEvent, globalLogPublisher
from zope.interface import provider

from honeymesh.config import DetectorPolicyConfig, Mode, PolicyConfig
from honeymesh.enforcement.backend import BackendError
from honeymesh.enforcement.bans import InvalidInput
from honeymesh.events import Decision, EventId, Verdict
from honeymesh.net import parse_network as addr
from honeymesh.policy.engine import ModeNotApplied, PolicyEngine
from honeymesh.policy.modes import ModeError
from tests.banlist_harness import T0, Harness

HOUR = 3600.0
net = ipaddress.ip_network

CONFIG = PolicyConfig(
    ban_threshold=70.0,
    ban_duration=HOUR,
    escalation_multiplier=4.0,
    max_ban_duration=24 * HOUR,
    detectors=(
        DetectorPolicyConfig(name="ssh", threshold=1.0, duration=2 * HOUR),
        DetectorPolicyConfig(name="ja4", permanent=True),
        DetectorPolicyConfig(name="noisy", ban=False),
    ),
)


class Node:
    def __init__(self, harness: Harness, mode: Mode = "enforce") -> None:
        self.h = harness
        self.engine = PolicyEngine(
            harness.banlist,
            harness.store,
            CONFIG,
            harness.clock,
            harness.events.append,
            initial_mode=mode,
        )

    async def start(self) -> Node:
        await self.engine.load()
        return self

    def decisions(self) -> list[Decision]:
        return [e for e in self.h.events if isinstance(e, Decision)]


def verdict(source: str, score: float = 90.0, detector: str = "scan", **kw: Any) -> Verdict:
    kw.setdefault("reasons", ("25 ports in 10 s",))
    kw.setdefault("evidence", {"ports": [22, 23, 80]})
    return Verdict(EventId.TRAP_SESSION, T0, source, detector, score, **kw)


@pytest_twisted.async_yield_fixture
async def harness(tmp_path: Path) -> AsyncIterator[Harness]:
    h = await Harness(tmp_path / "hm.db").start()
    yield h
    await h.stop()


@pytest.fixture
def logged() -> Iterator[list[str]]:
    lines: list[str] = []

    @provider(ILogObserver)
    def observe(event: LogEvent) -> None:
        lines.append(formatEvent(event))

    globalLogPublisher.addObserver(observe)
    yield lines
    globalLogPublisher.removeObserver(observe)


# Modes -------------------------------------------------------------------------------------------


@pytest_twisted.ensureDeferred
async def test_test_mode_decides_and_logs_would_ban_but_never_touches_the_ban_set(
    harness: Harness, logged: list[str]
) -> None:
    node = await Node(harness, "test").start()
    calls_before = list(harness.backend.calls)
    decision = await node.engine.decide(verdict("203.0.113.5"))
    assert decision.action == "ban"
    assert decision.mode == "test"
    assert decision.evidence["would_ban"] is True
    assert any("TEST mode: would ban 203.0.113.5/32 for 1h" in r for r in decision.reasons)
    assert "25 ports in 10 s" in decision.reasons
    assert harness.backend.bans == {}
    assert [c for c in harness.backend.calls if c not in calls_before] == []
    assert harness.rows("SELECT count(*) FROM bans") == [(0,)]
    assert any("would ban 203.0.113.5/32" in line for line in logged)
    assert node.decisions() == [decision]  # published on the bus


@pytest_twisted.ensureDeferred
async def test_enforce_mode_bans_and_the_decision_carries_reasons_and_evidence(
    harness: Harness,
) -> None:
    node = await Node(harness, "enforce").start()
    decision = await node.engine.decide(verdict("203.0.113.6"))
    assert decision.action == "ban"
    assert decision.duration == HOUR
    assert harness.backend.bans == {net("203.0.113.6/32"): T0 + HOUR}
    assert decision.evidence["detector"] == "scan"
    assert decision.evidence["verdict_evidence"] == {"ports": [22, 23, 80]}
    assert decision.evidence["offence"] == 1
    assert decision.evidence["enforced"] is True
    stored = await harness.banlist.query(addr("203.0.113.6"))
    assert stored[0].source == "local"
    assert stored[0].id == decision.evidence["ban_id"]
    assert "25 ports in 10 s" in stored[0].reasons
    assert stored[0].evidence["score"] == 90.0
    assert [str(e.event_id) for e in harness.events][-2:] == ["ban.added", "policy.decision"]


@pytest_twisted.ensureDeferred
async def test_lockdown_reaches_the_backend_and_explain_reports_it(harness: Harness) -> None:
    node = await Node(harness, "enforce").start()
    change = await node.engine.set_mode("lockdown", by="alice")
    assert (change.previous, change.mode, change.changed) == ("enforce", "lockdown", True)
    assert harness.backend.mode == "lockdown"
    explained = await node.engine.explain(addr("198.51.100.200"))
    assert (explained.status, explained.would_drop, explained.mode) == (
        "not_banned",
        True,
        "lockdown",
    )
    assert (await node.engine.decide(verdict("198.51.100.201"))).action == "ban"


@pytest_twisted.ensureDeferred
async def test_the_mode_persists_across_a_restart(harness: Harness) -> None:
    node = await Node(harness, "test").start()
    assert node.engine.mode_origin == "config"
    await node.engine.set_mode(" ENFORCE ", by="operator")
    assert harness.rows("SELECT value FROM settings WHERE key = 'mode'") == [("enforce",)]
    assert [e.detail for e in harness.events if e.event_id == EventId.MODE_CHANGED] == [  # type: ignore[union-attr]
        {"mode": "enforce", "previous": "test", "by": "operator"}
    ]
    again = await harness.restart()
    try:
        node2 = await Node(again, "test").start()  # the config still says test
        assert node2.engine.mode == "enforce"
        assert node2.engine.mode_origin == "database"
        assert again.backend.mode == "enforce"
    finally:
        await again.stop()


@pytest_twisted.ensureDeferred
async def test_a_bad_mode_is_refused_and_changes_nothing(harness: Harness) -> None:
    node = await Node(harness, "test").start()
    for bad in ("panic", "", None, "enforce; drop table"):
        with pytest.raises(ModeError, match="is not a mode"):
            await node.engine.set_mode(bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        await node.engine.set_mode("enforce", by="\x00")
    assert node.engine.mode == "test"
    assert harness.rows("SELECT count(*) FROM settings WHERE key = 'mode'") == [(0,)]


@pytest_twisted.ensureDeferred
async def test_a_mode_the_backend_refuses_is_not_stored(harness: Harness) -> None:
    node = await Node(harness, "enforce").start()
    harness.backend.refuse_mode = BackendError("no config map")
    with pytest.raises(ModeNotApplied, match="no config map"):
        await node.engine.set_mode("lockdown")
    assert node.engine.mode == "enforce"
    assert harness.rows("SELECT count(*) FROM settings WHERE key = 'mode'") == [(0,)]


# Thresholds and rules ----------------------------------------------------------------------------


@pytest_twisted.ensureDeferred
async def test_scores_below_the_threshold_are_observed(harness: Harness) -> None:
    node = await Node(harness).start()
    decision = await node.engine.decide(verdict("203.0.113.7", score=69.9))
    assert decision.action == "observe"
    assert "score 69.9 is below the ban threshold 70" in decision.reasons
    assert harness.backend.bans == {}
    nan = await node.engine.decide(verdict("203.0.113.7", score=math.nan))
    assert nan.action == "observe"


@pytest_twisted.ensureDeferred
async def test_per_detector_rules_override_threshold_duration_and_banning(
    harness: Harness,
) -> None:
    node = await Node(harness).start()
    ssh = await node.engine.decide(verdict("203.0.113.8", score=5, detector="ssh"))
    assert (ssh.action, ssh.duration) == ("ban", 2 * HOUR)
    ja4 = await node.engine.decide(verdict("203.0.113.9", score=80, detector="ja4"))
    assert (ja4.action, ja4.duration) == ("ban", None)
    assert harness.backend.bans[net("203.0.113.9/32")] is None
    noisy = await node.engine.decide(verdict("203.0.113.10", score=100, detector="noisy"))
    assert noisy.action == "observe"
    assert "detector noisy is configured never to ban" in noisy.reasons


@pytest_twisted.ensureDeferred
async def test_allowlisted_sources_are_allowed_never_banned(harness: Harness) -> None:
    node = await Node(harness).start()
    await harness.banlist.add_allow(addr("192.0.2.0/24"), reason="monitoring")
    for source in ("192.0.2.9", "127.0.0.1", "::ffff:192.0.2.9"):
        decision = await node.engine.decide(verdict(source, score=100))
        assert decision.action == "allow"
        assert any("allow wins" in r for r in decision.reasons)
    assert harness.rows("SELECT count(*) FROM bans") == [(0,)]


@pytest_twisted.ensureDeferred
async def test_ipv6_sources_are_banned_as_their_prefix(harness: Harness) -> None:
    node = await Node(harness).start()
    decision = await node.engine.decide(verdict("2001:db8:1:2:a:b:c:d"))
    assert decision.evidence["network"] == "2001:db8:1:2::/64"
    assert net("2001:db8:1:2::/64") in harness.backend.bans
    rotated = await node.engine.decide(verdict("2001:db8:1:2::99"))
    assert rotated.action == "observe"
    assert any("already banned as 2001:db8:1:2::/64" in r for r in rotated.reasons)


@pytest_twisted.ensureDeferred
async def test_a_link_local_verdict_bans_the_host_never_its_link(harness: Harness) -> None:
    """fe80::/64 is every host on the link, router included: a verdict on one on-link host
    bans its /128, and a neighbour on the same link is still judged on its own."""
    node = await Node(harness).start()
    decision = await node.engine.decide(verdict("fe80::a:b:c:d"))
    assert decision.action == "ban"
    assert decision.evidence["network"] == "fe80::a:b:c:d/128"
    assert net("fe80::a:b:c:d/128") in harness.backend.bans
    assert net("fe80::/64") not in harness.backend.bans
    neighbour = await node.engine.decide(verdict("fe80::1"))
    assert neighbour.action == "ban"
    assert neighbour.evidence["network"] == "fe80::1/128"
    ipv4 = await node.engine.decide(verdict("169.254.7.9"))
    assert ipv4.evidence["network"] == "169.254.7.9/32"


@pytest_twisted.ensureDeferred
async def test_repeat_offenders_escalate_through_the_policy(harness: Harness) -> None:
    node = await Node(harness).start()
    durations = []
    for _ in range(4):
        decision = await node.engine.decide(verdict("198.51.100.20"))
        durations.append(decision.duration)
        harness.clock.advance(25 * HOUR)
        await harness.banlist.sweep()
    assert durations == [HOUR, 4 * HOUR, 16 * HOUR, 24 * HOUR]


@pytest_twisted.ensureDeferred
async def test_a_longer_rule_extends_a_shorter_ban(harness: Harness) -> None:
    node = await Node(harness).start()
    await node.engine.decide(verdict("198.51.100.30"))  # 1 h
    permanent = await node.engine.decide(verdict("198.51.100.30", detector="ja4"))
    assert (permanent.action, permanent.duration) == ("ban", None)
    assert harness.backend.bans[net("198.51.100.30/32")] is None
    assert harness.rows("SELECT count(*), max(offence) FROM bans") == [(1, 1)]


# Hostile or broken verdicts ----------------------------------------------------------------------


@pytest_twisted.ensureDeferred
async def test_unusable_verdicts_are_observed_not_raised(harness: Harness) -> None:
    node = await Node(harness).start()
    for source in ("not-an-address", "", "10.0.0.0/4", "999.0.0.1"):
        decision = await node.engine.decide(verdict(source))
        assert decision.action == "observe"
    assert harness.rows("SELECT count(*) FROM bans") == [(0,)]
    assert len(node.decisions()) == 4


@pytest_twisted.ensureDeferred
async def test_attacker_controlled_reasons_are_stored_safely(harness: Harness) -> None:
    node = await Node(harness).start()
    nasty = ("user root\r\n\x1b[2Jpassword", "x" * 5000, *[f"r{i}" for i in range(40)])
    decision = await node.engine.decide(
        verdict("203.0.113.77", reasons=nasty, evidence={"raw": b"\xff\x00", "big": "y" * 30000})
    )
    assert decision.action == "ban"
    stored = (await harness.banlist.query(addr("203.0.113.77")))[0]
    assert stored.reasons[0] == "user root\\x0d\\x0a\\x1b[2Jpassword"
    assert all(len(r) <= 500 and r.isprintable() for r in stored.reasons)
    assert "verdict_evidence_dropped" in stored.evidence
