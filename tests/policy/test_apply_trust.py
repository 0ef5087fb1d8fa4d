"""Trust decisions into enforcement: PolicyEngine.apply_trust, lift_mesh_ban, suspect mesh
bans, and an operator's unban of a mesh ban reaching peer trust. A real store and ban list, a
fake clock; ``honeymesh explain`` is read through the CLI's own formatting."""

from __future__ import annotations

import argparse
import dataclasses
import ipaddress
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, Literal

import pytest
import pytest_twisted

from honeymesh import cli
from honeymesh.config import Mode, PolicyConfig, TrustConfig
from honeymesh.enforcement.banlist import Ban, BanSource
from honeymesh.events import Decision, JSONValue
from honeymesh.net import Network, parse_network
from honeymesh.policy.engine import PolicyEngine, contradict_mesh_unban
from honeymesh.trust.engine import TrustEngine
from honeymesh.trust.model import (
    Level,
    Outcome,
    RemoteSignal,
    Rule,
    Support,
    TrustDecision,
)
from tests.banlist_harness import T0, Harness, until

HOUR = 3600.0
net = ipaddress.ip_network
ENVELOPE: dict[str, JSONValue] = {
    "envelope": "sig-1",
    "publisher": "peer-a",
    "via": "peer-c",
    "level": "L2",
    "seq": 7,
}


def trusted(
    target: str = "203.0.113.9",
    *,
    action: Literal["ban", "allow"] = "ban",
    peer: str = "peer-a",
    signal_id: str = "sig-1",
    outcome: Outcome = Outcome.ENFORCE,
    rule: Rule = Rule.L1_CORROBORATED,
    level: Level = Level.L1,
    corroborators: tuple[Support, ...] = (Support("peer-b", "sig-2", Level.L1, T0 - 5),),
) -> TrustDecision:
    signal = RemoteSignal(
        peer,
        action,
        target,
        "L2",
        ("ssh brute force",),
        T0,
        signal_id,
    )
    return TrustDecision(signal, outcome, rule, T0, level, 42.0, corroborators)


class Node:
    def __init__(self, harness: Harness, mode: Mode = "enforce", **policy: Any) -> None:
        self.h = harness
        self.engine = PolicyEngine(
            harness.banlist,
            harness.store,
            PolicyConfig(**policy),
            harness.clock,
            harness.events.append,
            initial_mode=mode,
        )

    async def start(self) -> Node:
        await self.engine.load()
        return self

    def decisions(self) -> list[Decision]:
        return [e for e in self.h.events if isinstance(e, Decision)]


@pytest_twisted.async_yield_fixture
async def harness(tmp_path: Path) -> AsyncIterator[Harness]:
    h = await Harness(tmp_path / "hm.db").start()
    yield h
    await h.stop()


def explain_output(
    answer: dict[str, Any], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> str:
    """What ``honeymesh explain ADDR`` prints for this API answer."""
    monkeypatch.setattr(cli, "api", lambda args, method, path, body=None: answer)
    cli.cmd_explain(argparse.Namespace(address=answer["address"], json=False))
    return capsys.readouterr().out


# Bans ------------------------------------------------------------------------------------------


@pytest_twisted.ensureDeferred
async def test_an_enforced_mesh_ban_is_made_and_explain_names_its_publisher_and_rule(
    harness: Harness, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    node = await Node(harness).start()
    decision = await node.engine.apply_trust(trusted(), expires=T0 + 2 * HOUR, provenance=ENVELOPE)
    assert (decision.action, decision.duration) == ("ban", 2 * HOUR)
    assert decision.source == "203.0.113.9/32"
    assert any("trust rule l1-corroborated" in r for r in decision.reasons)
    assert harness.backend.bans == {net("203.0.113.9/32"): T0 + 2 * HOUR}
    [ban] = await harness.banlist.query(parse_network("203.0.113.9"))
    assert ban.source == "mesh"
    assert "ssh brute force" in ban.reasons
    assert ban.provenance["peer"] == "peer-a"
    assert ban.provenance["signal_id"] == "sig-1"
    assert ban.provenance["via"] == "peer-c"  # from the mesh's own provenance
    assert ban.provenance["level"] == "L1"  # trust's level wins the clash with the mesh's
    assert node.decisions()[-1] == decision  # published as policy.decision

    explained = (await node.engine.explain(parse_network("203.0.113.9"))).to_json()
    assert "published by mesh peer peer-a" in str(explained["summary"])
    out = explain_output(explained, monkeypatch, capsys)
    assert "published by peer: peer-a" in out
    assert "relayed by: peer-c" in out
    assert "signal id: sig-1" in out
    assert "classification: L2" in out
    assert "trust rule: l1-corroborated (publisher at L1, score 42.0)" in out
    assert "corroborated by: peer-b (signal sig-2, L1)" in out


def test_explain_of_a_local_ban_still_prints_its_provenance_as_json() -> None:
    ban = {"source": "operator", "provenance": {"by": "alice"}}
    assert cli.provenance_lines(ban) == ['provenance: {"by": "alice"}']
    assert cli.provenance_lines({"source": "local", "provenance": {}}) == []


@pytest_twisted.ensureDeferred
async def test_a_permanent_mesh_ban_has_no_expiry(harness: Harness) -> None:
    node = await Node(harness).start()
    decision = await node.engine.apply_trust(trusted(), expires=None, provenance={})
    assert (decision.action, decision.duration) == ("ban", None)
    assert harness.backend.bans == {net("203.0.113.9/32"): None}


@pytest_twisted.ensureDeferred
async def test_test_mode_only_logs_would_ban(harness: Harness) -> None:
    node = await Node(harness, "test").start()
    decision = await node.engine.apply_trust(trusted(), expires=T0 + HOUR, provenance=ENVELOPE)
    assert decision.action == "ban"
    assert any("TEST mode: would ban 203.0.113.9/32" in r for r in decision.reasons)
    assert harness.backend.bans == {}
    assert harness.rows("SELECT count(*) FROM bans") == [(0,)]


@pytest_twisted.ensureDeferred
async def test_the_allowlist_wins_over_a_mesh_ban(harness: Harness) -> None:
    node = await Node(harness).start()
    await harness.banlist.add_allow(parse_network("203.0.113.0/24"), reason="partner")
    decision = await node.engine.apply_trust(trusted(), expires=T0 + HOUR, provenance={})
    assert decision.action == "allow"
    assert any("allow wins" in r for r in decision.reasons)
    assert harness.backend.bans == {}


@pytest_twisted.ensureDeferred
async def test_a_longer_ban_already_in_place_makes_it_observe(harness: Harness) -> None:
    node = await Node(harness).start()
    await harness.banlist.add(
        parse_network("203.0.113.9"), duration=None, source="operator", reasons=["mine"]
    )
    decision = await node.engine.apply_trust(trusted(), expires=T0 + HOUR, provenance={})
    assert decision.action == "observe"
    assert any("already banned as 203.0.113.9/32 permanently" in r for r in decision.reasons)
    [ban] = await harness.banlist.query(parse_network("203.0.113.9"))
    assert ban.source == "operator"


@pytest.mark.parametrize(
    ("outcome", "rule"),
    [
        (Outcome.HOLD, Rule.L1_HELD),
        (Outcome.OBSERVE, Rule.L0_OBSERVE),
        (Outcome.REJECT, Rule.CANARY),
        (Outcome.OBSERVE, Rule.ALLOW_NEEDS_L3),
    ],
)
@pytest_twisted.ensureDeferred
async def test_a_decision_that_does_not_enforce_is_only_observed(
    harness: Harness, outcome: Outcome, rule: Rule
) -> None:
    node = await Node(harness).start()
    action: Literal["ban", "allow"] = "allow" if rule is Rule.ALLOW_NEEDS_L3 else "ban"
    decision = await node.engine.apply_trust(
        trusted(action=action, outcome=outcome, rule=rule), expires=T0 + HOUR, provenance={}
    )
    assert decision.action == "observe"
    assert any(f"trust rule {rule}" in r for r in decision.reasons)
    assert any(f"trust did not enforce it ({outcome})" in r for r in decision.reasons)
    assert harness.backend.bans == {}
    assert harness.rows("SELECT count(*) FROM bans") == [(0,)]


@pytest_twisted.ensureDeferred
async def test_an_already_expired_signal_is_observed(harness: Harness) -> None:
    node = await Node(harness).start()
    decision = await node.engine.apply_trust(trusted(), expires=T0 - 1, provenance={})
    assert decision.action == "observe"
    assert harness.backend.bans == {}


# An L3 allow -----------------------------------------------------------------------------------


@pytest_twisted.ensureDeferred
async def test_an_l3_allow_lifts_mesh_and_local_bans_inside_it_but_not_an_operators(
    harness: Harness,
) -> None:
    node = await Node(harness).start()
    await node.engine.apply_trust(trusted("198.51.100.7"), expires=T0 + HOUR, provenance={})
    sources: tuple[tuple[str, BanSource], ...] = (
        ("198.51.100.8", "local"),
        ("198.51.100.9", "operator"),
    )
    for target, source in sources:
        await harness.banlist.add(
            parse_network(target),
            duration=HOUR,
            source=source,
            reasons=["x"],
        )
    await harness.banlist.add(
        parse_network("198.51.101.1"), duration=HOUR, source="local", reasons=["outside"]
    )
    allow = trusted(
        "198.51.100.0/24", action="allow", peer="peer-l3", signal_id="sig-9",
        rule=Rule.L3_OVERRIDE, level=Level.L3, corroborators=(),
    )  # fmt: skip
    decision = await node.engine.apply_trust(allow, expires=None, provenance={})
    assert decision.action == "allow"
    assert set(harness.backend.bans) == {net("198.51.100.9/32"), net("198.51.101.1/32")}
    text = " ".join(decision.reasons)
    assert "lifted 198.51.100.7/32" in text and "198.51.100.8/32" in text
    assert "operator bans stay: 198.51.100.9/32" in text
    assert "never lifts an operator's ban" in text
    assert len(decision.evidence["lifted_bans"]) == 2  # type: ignore[arg-type]
    assert node.decisions()[-1] == decision
    lifted = harness.rows(
        "SELECT network, lifted_why, lifted_by FROM bans WHERE lifted IS NOT NULL"
    )
    assert {(n, why) for n, why, _ in lifted} == {
        ("198.51.100.7/32", "allowed"),
        ("198.51.100.8/32", "allowed"),
    }
    assert all("peer-l3" in by for _, _, by in lifted)


# A publisher's unban ---------------------------------------------------------------------------


@pytest_twisted.ensureDeferred
async def test_a_publisher_lifts_only_its_own_mesh_ban(harness: Harness) -> None:
    node = await Node(harness).start()
    await node.engine.apply_trust(trusted("192.0.2.10"), expires=T0 + HOUR, provenance={})
    await node.engine.apply_trust(
        trusted("192.0.2.11", peer="peer-b", signal_id="sig-b"), expires=T0 + HOUR, provenance={}
    )
    await harness.banlist.add(
        parse_network("192.0.2.12"), duration=HOUR, source="local", reasons=["ours"]
    )
    someone_else = await node.engine.lift_mesh_ban(
        parse_network("192.0.2.10"), publisher="peer-b", signal_id="sig-x"
    )
    assert someone_else is None
    not_mesh = await node.engine.lift_mesh_ban(
        parse_network("192.0.2.12"), publisher="peer-a", signal_id="sig-y"
    )
    assert not_mesh is None
    assert len(harness.backend.bans) == 3
    lifted = await node.engine.lift_mesh_ban(
        parse_network("192.0.2.10"), publisher="peer-a", signal_id="sig-u"
    )
    assert isinstance(lifted, Ban)
    assert lifted.lifted_by == "mesh unban from peer-a (signal sig-u)"
    assert set(harness.backend.bans) == {net("192.0.2.11/32"), net("192.0.2.12/32")}
    assert harness.active_rows().keys() == {"192.0.2.11/32", "192.0.2.12/32"}  # committed


# Suspect mesh bans -----------------------------------------------------------------------------


@pytest_twisted.ensureDeferred
async def test_suspect_mesh_bans_are_lifted_by_default(harness: Harness) -> None:
    node = await Node(harness).start()
    await node.engine.apply_trust(trusted("192.0.2.20"), expires=T0 + HOUR, provenance={})
    await harness.banlist.add(
        parse_network("192.0.2.21"), duration=HOUR, source="local", reasons=["ours"]
    )
    decisions = await node.engine.suspect_mesh_bans(
        [parse_network("192.0.2.20"), parse_network("192.0.2.21")]
    )
    assert set(harness.backend.bans) == {net("192.0.2.21/32")}  # the local ban stays
    assert [d.action for d in decisions] == ["observe", "observe"]
    assert "lifted mesh ban" in decisions[0].reasons[-1]
    assert "no active mesh ban" in decisions[1].reasons[-1]


@pytest_twisted.ensureDeferred
async def test_suspect_mesh_bans_can_be_flagged_instead_and_explain_shows_it(
    harness: Harness, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    node = await Node(harness, suspect_mesh_bans="flag").start()
    await node.engine.apply_trust(trusted("192.0.2.30"), expires=T0 + HOUR, provenance={})
    [decision] = await node.engine.suspect_mesh_bans([parse_network("192.0.2.30")])
    assert "flagged mesh ban" in decision.reasons[-1]
    assert set(harness.backend.bans) == {net("192.0.2.30/32")}  # still enforced
    explained = (await node.engine.explain(parse_network("192.0.2.30"))).to_json()
    assert "SUSPECT: it rested on a mesh peer later caught" in str(explained["summary"])
    out = explain_output(explained, monkeypatch, capsys)
    assert "SUSPECT: it rested on a mesh peer later caught signalling a canary" in out


# Peer trust, wired both ways -------------------------------------------------------------------


@pytest_twisted.ensureDeferred
async def test_a_peer_caught_on_a_canary_loses_the_bans_it_caused(tmp_path: Path) -> None:
    h = await Harness(tmp_path / "hm.db").start()
    try:
        node = await Node(h).start()
        trust = TrustEngine(
            TrustConfig(start_level=2, canary_addresses=("198.51.100.66",)),
            h.store,
            h.clock,
            h.events.append,
            suspect_bans=node.engine.suspect_mesh_bans,
        )
        await trust.restore()
        first = RemoteSignal("liar", "ban", "192.0.2.40", "L2", ("scan",), T0, "s-1")
        decision = await trust.evaluate(first)
        assert decision.enforce
        await node.engine.apply_trust(decision, expires=T0 + HOUR, provenance={})
        assert net("192.0.2.40/32") in h.backend.bans
        canary = RemoteSignal("liar", "ban", "198.51.100.66", "L2", ("scan",), T0, "s-2")
        assert (await trust.evaluate(canary)).outcome is Outcome.REJECT
        await until(lambda: net("192.0.2.40/32") not in h.backend.bans)
        assert h.active_rows() == {}
    finally:
        await h.stop()


def mesh_ban_decision(peer: str, target: str) -> TrustDecision:
    return trusted(target, peer=peer, outcome=Outcome.ENFORCE, rule=Rule.L2_IMMEDIATE)


@pytest_twisted.ensureDeferred
async def test_an_operator_unban_of_a_mesh_ban_penalizes_the_peers_that_claimed_it(
    tmp_path: Path,
) -> None:
    trust_box: list[TrustEngine] = []
    h = await Harness(
        tmp_path / "hm.db", on_unban=lambda ban: contradict_mesh_unban(trust_box[0], ban)
    ).start()
    try:
        node = await Node(h).start()
        trust = TrustEngine(TrustConfig(start_level=2), h.store, h.clock, h.events.append)
        trust_box.append(trust)
        await trust.restore()
        for peer, target in (("peer-m", "192.0.2.50"), ("peer-l", "192.0.2.51")):
            decision = await trust.evaluate(
                RemoteSignal(peer, "ban", target, "L2", ("scan",), T0, f"{peer}-1")
            )
            assert decision.enforce
            if peer == "peer-m":
                await node.engine.apply_trust(decision, expires=T0 + HOUR, provenance={})
        await h.banlist.add(
            parse_network("192.0.2.51"), duration=HOUR, source="local", reasons=["ours"]
        )
        before = {p.peer_id: p.score for p in trust.peers()}

        await h.banlist.remove(parse_network("192.0.2.50"), by="alice")  # a mesh ban
        await h.banlist.remove(parse_network("192.0.2.51"), by="alice")  # a local ban
        await until(lambda: trust.peer("peer-m").score < before["peer-m"])
        audit = await trust.audit("peer-m")
        assert [(a.action, a.actor) for a in audit] == [("contradicted", "alice")]
        assert "mesh ban" in audit[0].reason
        assert trust.peer("peer-l").score == before["peer-l"]  # a local ban: nobody contradicted
    finally:
        await h.stop()


def test_contradict_hook_ignores_bans_that_are_not_from_the_mesh() -> None:
    calls: list[Network] = []

    class FakeTrust:
        def contradict(self, target: Network, **kw: str) -> Any:
            calls.append(target)
            raise AssertionError("must not be called")

    ban = Ban(
        id=1, network=net("192.0.2.1/32"), source="operator", reasons=("x",), evidence={},
        provenance={}, created=T0, expires=None, offence=1, enforced=True,
        lifted=T0, lifted_why="unbanned", lifted_by="alice",
    )  # fmt: skip
    contradict_mesh_unban(FakeTrust(), ban)  # type: ignore[arg-type]
    contradict_mesh_unban(FakeTrust(), dataclasses.replace(ban, source="local"))  # type: ignore[arg-type]
    assert calls == []
