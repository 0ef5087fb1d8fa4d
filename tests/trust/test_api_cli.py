"""The trust API facade over a real engine and store, and the CLI subcommands driving it.

The CLI's ``api`` call is routed in-process to the facade (the HTTP routes are the lead's one
liners over the same methods): the CLI runs in a thread and waits on the reactor, as it would
wait on the daemon.
"""

from __future__ import annotations

import argparse
import io
import json
import re
from pathlib import Path
from typing import Any, cast

import pytest
import pytest_twisted
from twisted.internet import reactor as _reactor
from twisted.internet.interfaces import IReactorFromThreads
from twisted.internet.task import Clock
from twisted.internet.threads import blockingCallFromThread, deferToThread

from honeymesh.cliargs import add_globals
from honeymesh.config import TrustConfig
from honeymesh.store.db import Store
from honeymesh.trust import cli
from honeymesh.trust.api import TrustApi, TrustApiError
from honeymesh.trust.engine import TrustEngine
from honeymesh.trust.model import RemoteSignal

reactor = cast(IReactorFromThreads, _reactor)


class CliFailed(Exception):
    pass


class Harness:
    def __init__(self, path: Path) -> None:
        self.clock = Clock()
        self.clock.advance(1_700_000_000)
        self.store = Store(path, reactor)
        self.engine = TrustEngine(
            TrustConfig(start_level=1), self.store, self.clock, lambda e: None
        )
        self.api = TrustApi(self.engine)
        self.calls: list[tuple[str, str, Any]] = []
        self.out = io.StringIO()

    def route(self, method: str, path: str, body: Any) -> Any:
        """What the lead's Klein routes do, minus HTTP."""
        self.calls.append((method, path, body))
        if (method, path) == ("GET", "/api/v1/peers"):
            return self.api.peers()
        m = re.fullmatch(r"/api/v1/peers/([^/]+)/(penalty|designation)", path)
        assert m and method == "POST"
        peer = m.group(1).replace("%2F", "/")
        if m.group(2) == "penalty":
            return self.api.penalize(peer, body, actor="cli")
        return self.api.designate(peer, body, actor="cli")

    def call_api(self, args: argparse.Namespace, method: str, path: str, body: Any) -> Any:
        try:
            return blockingCallFromThread(_reactor, self.route, method, path, body)  # type: ignore[arg-type]
        except TrustApiError as e:
            raise CliFailed(f"{e.code}: {e.message}") from None

    def run_cli(self, argv: list[str]) -> int:
        parser = argparse.ArgumentParser(prog="honeymesh")
        add_globals(parser, top=True)  # as honeymesh.cli builds it: --json may come first
        sub = parser.add_subparsers(dest="command", required=True)
        cli.register(sub, api=self.call_api, out=lambda: self.out, clock=self.clock.seconds)
        args = parser.parse_args(argv)
        return int(args.handler(args))


@pytest.fixture
def harness(tmp_path: Path) -> Harness:
    return Harness(tmp_path / "t.db")


def signal(peer: str, target: str, n: int) -> RemoteSignal:
    return RemoteSignal(peer, "ban", target, "L1", ("scan",), 0.0, f"{peer}-{n}")


@pytest_twisted.inlineCallbacks
def test_peers_shows_score_level_and_why(harness: Harness):
    yield harness.store.start()
    yield harness.engine.restore()
    yield harness.engine.evaluate(signal("node-a", "203.0.113.7", 1))
    yield harness.engine.evaluate(signal("node-b", "203.0.113.7", 2))
    yield harness.engine.join("node-c")
    harness.clock.advance(7200)
    status = yield deferToThread(harness.run_cli, ["peers"])
    assert status == 0
    text = harness.out.getvalue()
    assert re.search(r"node-a\s+L1\s+61\.\d\s+0\s+2h ago\s+corroborated: its ban of 203", text)
    assert re.search(r"node-c\s+L1\s+5\d\.\d\s+0\s+2h ago\s+joined at L1", text)
    assert "L1 from 40, L2 from 80" in text
    harness.out.truncate(0)
    harness.out.seek(0)
    yield deferToThread(harness.run_cli, ["peers", "--json"])
    answer = json.loads(harness.out.getvalue())
    assert [p["id"] for p in answer["peers"]] == ["node-a", "node-b", "node-c"]
    assert answer["levels"] == {"L0": 0, "L1": 3, "L2": 0, "L3": 0}
    assert set(answer["peers"][0]) == {
        "id", "score", "level", "authoritative", "joined", "last_change", "last_change_why",
        "held", "claims", "quarantined_until",
    }  # fmt: skip
    yield harness.store.stop()


@pytest_twisted.inlineCallbacks
def test_penalize_lowers_the_score_and_records_the_reason(harness: Harness):
    yield harness.store.start()
    yield harness.engine.restore()
    yield harness.engine.join("node-a")
    argv = ["penalize", "node-a", "--points", "25", "--reason", "banned our partner"]
    status = yield deferToThread(harness.run_cli, argv)
    assert status == 0
    assert harness.calls[-1] == (
        "POST",
        "/api/v1/peers/node-a/penalty",
        {"points": 25.0, "reason": "banned our partner"},
    )
    assert harness.out.getvalue().strip() == (
        "node-a: 60.0 -> 35.0, now L0 (recorded in the audit trail: banned our partner)"
    )
    [entry] = yield harness.engine.audit("node-a")
    assert (entry.action, entry.actor, entry.points, entry.reason) == (
        "penalty",
        "cli",
        25.0,
        "banned our partner",
    )
    yield harness.store.stop()


@pytest_twisted.inlineCallbacks
def test_designate_and_revoke(harness: Harness):
    yield harness.store.start()
    yield harness.engine.restore()
    yield harness.engine.join("hq/1")
    yield deferToThread(harness.run_cli, ["designate", "hq/1", "--reason", "headquarters"])
    assert harness.calls[-1][1] == "/api/v1/peers/hq%2F1/designation"
    assert "hq/1 is authoritative (L3); level now L3" in harness.out.getvalue()
    yield deferToThread(harness.run_cli, ["designate", "hq/1", "--revoke", "--reason", "moved"])
    assert "no longer authoritative; level now L1" in harness.out.getvalue()
    audit = yield harness.engine.audit("hq/1")
    assert [e.action for e in audit] == ["revoke", "designate"]
    yield harness.store.stop()


@pytest_twisted.inlineCallbacks
def test_an_unknown_peer_is_a_clear_error(harness: Harness):
    yield harness.store.start()
    yield harness.engine.restore()
    argv = ["penalize", "ghost", "--points", "5", "--reason", "x"]
    with pytest.raises(CliFailed, match="unknown_peer: no peer 'ghost' is known"):
        yield deferToThread(harness.run_cli, argv)
    yield harness.store.stop()


@pytest.mark.parametrize("argv", [
    ["penalize", "a", "--points", "0", "--reason", "x"],
    ["penalize", "a", "--points", "101", "--reason", "x"],
    ["penalize", "a", "--points", "nan", "--reason", "x"],
    ["penalize", "a", "--points", "lots", "--reason", "x"],
    ["penalize", "a", "--points", "5", "--reason", "  "],
    ["penalize", "a", "--points", "5"],
    ["designate", "a"],
])  # fmt: skip
def test_bad_arguments_exit_2_before_calling_the_api(
    harness: Harness, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        harness.run_cli(argv)
    assert exit_info.value.code == 2
    assert "error:" in capsys.readouterr().err
    assert harness.calls == []


@pytest_twisted.inlineCallbacks
def test_the_facade_refuses_bad_bodies_with_400(harness: Harness):
    yield harness.store.start()
    yield harness.engine.restore()
    yield harness.engine.join("a")
    bad_bodies = [
        [], "points", {"reason": "x"}, {"points": "5", "reason": "x"},
        {"points": True, "reason": "x"}, {"points": 5}, {"points": 5, "reason": ""},
        {"points": 500, "reason": "x"}, {"points": -1, "reason": "x"},
    ]  # fmt: skip
    for body in bad_bodies:
        with pytest.raises(TrustApiError) as info:
            yield harness.api.penalize("a", body, actor="api")
        assert (info.value.status, info.value.code) == (400, "bad_request"), body
    with pytest.raises(TrustApiError) as info:
        yield harness.api.designate("a", {"authoritative": "yes", "reason": "x"}, actor="api")
    assert info.value.status == 400
    with pytest.raises(TrustApiError) as info:
        yield harness.api.peer("nobody")
    assert (info.value.status, info.value.code) == (404, "unknown_peer")
    with pytest.raises(TrustApiError) as info:
        yield harness.api.audit(limit=0)
    assert info.value.status == 400
    answer = yield harness.api.audit()
    assert answer == {"audit": []}  # nothing was recorded by the refused requests
    answer = yield harness.api.peer("a")
    assert answer["peer"]["score"] == 60.0 and answer["audit"] == []
    yield harness.store.stop()
