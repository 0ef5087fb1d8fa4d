"""TrustEngine over a real SQLite store: decisions fire after commit, state survives a restart,
events are published, and a store that cannot be read makes trust refuse rather than guess."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from ipaddress import ip_network
from pathlib import Path
from typing import Any, cast

import pytest
import pytest_twisted
from twisted.internet import reactor as _reactor
from twisted.internet.interfaces import IReactorFromThreads
from twisted.internet.task import Clock

from honeymesh.config import TrustConfig
from honeymesh.events import Event, EventId, Notice
from honeymesh.net import Network
from honeymesh.store.db import Store, StoreError
from honeymesh.trust.engine import TrustEngine, TrustService, TrustUnavailable
from honeymesh.trust.model import InvalidRequest, Level, Outcome, RemoteSignal, Rule, UnknownPeer

reactor = cast(IReactorFromThreads, _reactor)
CONFIG = TrustConfig(start_level=1, canary_addresses=("198.51.100.66",))
ATTACKER = "203.0.113.7"


def signal(peer: str, target: str = ATTACKER, n: int = 0) -> RemoteSignal:
    return RemoteSignal(peer, "ban", target, "L2", ("ssh brute force",), 1.0, f"{peer}-{n}")


class Node:
    """One appliance's trust half: a store on disk, a fake clock, the events it published."""

    def __init__(self, path: Path, clock: Clock, config: TrustConfig = CONFIG, **kw: Any) -> None:
        self.store = Store(path, reactor)
        self.clock = clock
        self.events: list[Event] = []
        self.engine = TrustEngine(config, self.store, clock, self.events.append, **kw)

    def of(self, event_id: EventId) -> list[Notice]:
        return [e for e in self.events if e.event_id is event_id and isinstance(e, Notice)]


@pytest.fixture
def clock() -> Clock:
    c = Clock()
    c.advance(1_700_000_000)
    return c


@pytest_twisted.inlineCallbacks
def test_a_decision_fires_after_its_state_is_committed(tmp_path: Path, clock: Clock):
    node = Node(tmp_path / "t.db", clock)
    yield node.store.start()
    pending = node.engine.evaluate(signal("a"))  # before restore: it waits
    assert not pending.called
    yield node.engine.restore()
    decision = yield pending
    assert (decision.outcome, decision.rule) == (Outcome.HOLD, Rule.L1_HELD)
    other = sqlite3.connect(tmp_path / "t.db")  # another connection sees it: committed
    assert other.execute("SELECT peer_id, status FROM trust_claims").fetchall() == [("a", "held")]
    other.close()
    clock.advance(10)
    decision = yield node.engine.evaluate(signal("b"))
    assert decision.outcome is Outcome.ENFORCE
    [event] = [e for e in node.of(EventId.TRUST_DECISION) if e.detail["peer"] == "b"]
    assert event.source == "203.0.113.7/32"
    assert event.detail["rule"] == "l1-corroborated"
    assert event.detail["corroborators"] == [
        {"peer": "a", "signal_id": "a-0", "level": "L1", "received": 1_700_000_000.0}
    ]
    yield node.store.stop()


@pytest_twisted.inlineCallbacks
def test_state_survives_a_restart(tmp_path: Path, clock: Clock):
    first = Node(tmp_path / "t.db", clock)
    yield first.store.start()
    yield first.engine.restore()
    yield first.engine.evaluate(signal("a"))
    yield first.engine.evaluate(signal("c", "192.0.2.1"))
    yield first.engine.join("d")
    yield first.engine.designate("d", True, reason="our other site", actor="alice")
    yield first.engine.penalize("c", 12.5, reason="noisy", actor="alice")
    before = first.engine.peers()
    yield first.store.stop()

    clock.advance(30)
    second = Node(tmp_path / "t.db", clock)
    yield second.store.start()
    yield second.engine.restore()
    after = second.engine.peers()
    assert [(v.peer_id, v.level, v.authoritative, v.last_change_why) for v in after] == [
        (v.peer_id, v.level, v.authoritative, v.last_change_why) for v in before
    ]
    assert [v.score for v in after] == pytest.approx([v.score for v in before], abs=0.01)
    assert [c.signal.peer_id for c in second.engine.model.held()] == ["a", "c"]
    [restored] = second.of(EventId.TRUST_RESTORED)
    assert restored.detail == {"peers": 3, "held": 2, "claims": 2, "unreadable": 0}
    # The held signal from before the restart still corroborates.
    decision = yield second.engine.evaluate(signal("b"))
    assert [c.peer_id for c in decision.corroborators] == ["a"]
    audit = yield second.engine.audit()
    assert [(e.action, e.peer_id, e.actor) for e in audit] == [
        ("penalty", "c", "alice"),
        ("designate", "d", "alice"),
    ]
    yield second.store.stop()


@pytest_twisted.inlineCallbacks
def test_held_signals_that_went_stale_while_down_expire_at_restore(tmp_path: Path, clock: Clock):
    first = Node(tmp_path / "t.db", clock)
    yield first.store.start()
    yield first.engine.restore()
    yield first.engine.evaluate(signal("a"))
    yield first.store.stop()
    clock.advance(CONFIG.corroboration_window + 1)
    second = Node(tmp_path / "t.db", clock)
    yield second.store.start()
    yield second.engine.restore()
    assert second.engine.model.held() == []
    [expired] = second.of(EventId.TRUST_DECISION)
    assert expired.detail["rule"] == "l1-expired"
    decision = yield second.engine.evaluate(signal("b"))
    assert decision.outcome is Outcome.HOLD
    yield second.store.stop()


@pytest_twisted.inlineCallbacks
def test_penalties_and_level_changes_are_published(tmp_path: Path, clock: Clock):
    flagged: list[Sequence[Network]] = []
    node = Node(
        tmp_path / "t.db",
        clock,
        config=TrustConfig(start_level=2, canary_addresses=("198.51.100.66",)),
        suspect_bans=flagged.append,
    )
    yield node.store.start()
    yield node.engine.restore()
    yield node.engine.evaluate(signal("a", "192.0.2.1"))
    decision = yield node.engine.evaluate(signal("a", "198.51.100.66", 1))
    assert decision.outcome is Outcome.REJECT
    [penalty] = node.of(EventId.TRUST_PENALTY)
    assert (penalty.detail["peer"], penalty.detail["action"]) == ("a", "canary")
    [level] = node.of(EventId.TRUST_LEVEL_CHANGED)
    assert (level.detail["level_before"], level.detail["level_after"]) == ("L2", "L0")
    assert flagged == [(ip_network("192.0.2.1/32"),)]
    canary_event = node.of(EventId.TRUST_DECISION)[-1]
    assert canary_event.detail["suspect_bans"] == ["192.0.2.1/32"]
    yield node.store.stop()


@pytest_twisted.inlineCallbacks
def test_the_allowlist_is_consulted(tmp_path: Path, clock: Clock):
    node = Node(tmp_path / "t.db", clock, allowlisted=lambda net: str(net) == "192.0.2.10/32")
    yield node.store.start()
    yield node.engine.restore()
    decision = yield node.engine.evaluate(signal("a", "192.0.2.10"))
    assert (decision.outcome, decision.rule) == (Outcome.REJECT, Rule.ALLOWLISTED)
    yield node.store.stop()


@pytest_twisted.inlineCallbacks
def test_operator_errors_fail_the_deferred_and_change_nothing(tmp_path: Path, clock: Clock):
    node = Node(tmp_path / "t.db", clock)
    yield node.store.start()
    yield node.engine.restore()
    with pytest.raises(UnknownPeer):
        yield node.engine.penalize("ghost", 5, reason="x", actor="alice")
    yield node.engine.join("a")
    with pytest.raises(InvalidRequest):
        yield node.engine.penalize("a", -1, reason="x", actor="alice")
    audit = yield node.engine.audit()
    assert audit == []
    yield node.store.stop()


@pytest_twisted.inlineCallbacks
def test_an_unreadable_store_makes_trust_refuse(tmp_path: Path, clock: Clock):
    bad = tmp_path / "t.db"
    bad.write_bytes(b"this is not a database" * 100)
    node = Node(bad, clock)
    with pytest.raises(StoreError):  # the store itself refuses to open
        yield node.store.start()
    pending = node.engine.evaluate(signal("a"))
    with pytest.raises(StoreError):
        yield node.engine.restore()
    with pytest.raises(TrustUnavailable):
        yield pending
    with pytest.raises(TrustUnavailable):
        yield node.engine.evaluate(signal("a"))


@pytest_twisted.inlineCallbacks
def test_the_service_restores_then_runs_housekeeping(tmp_path: Path, clock: Clock):
    node = Node(tmp_path / "t.db", clock)
    yield node.store.start()
    service = TrustService(node.engine, clock)
    service.startService()
    assert service.ready is not None
    yield service.ready
    yield node.engine.evaluate(signal("a"))
    clock.advance(CONFIG.tick_interval)
    assert node.engine.model.held() != []
    for _ in range(int(CONFIG.corroboration_window // CONFIG.tick_interval) + 1):
        yield node.store.run(lambda conn: None)  # let the last tick's write land
        clock.advance(CONFIG.tick_interval)
    yield node.store.run(lambda conn: None)
    assert node.engine.model.held() == []
    assert node.of(EventId.TRUST_DECISION)[-1].detail["rule"] == "l1-expired"
    yield service.stopService()
    assert clock.getDelayedCalls() == []
    assert node.engine.peer("a").level is Level.L1
    yield node.store.stop()


@pytest_twisted.inlineCallbacks
def test_a_trap_hit_nobody_reported_costs_no_transaction(tmp_path: Path, clock: Clock):
    node = Node(tmp_path / "t.db", clock)
    yield node.store.start()
    yield node.engine.restore()
    batches = node.store.batches
    for _ in range(100):
        changes = yield node.engine.confirm("192.0.2.200")
        assert changes == []
    yield node.engine.tick()
    assert node.store.batches == batches
    yield node.store.stop()
