"""Credential guessing scores the same on every protocol: SIP digests and SNMP communities too.

The traps are built from their default configuration (``build_trap``), fed what a guessing tool
sends, and publish into the real detection pipeline: a source guessing SIP digests or SNMP
communities gets the verdicts (and, through the policy engine, the ban) that the same number of
FTP password guesses gets.
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_twisted
from twisted.internet.address import IPv4Address
from twisted.internet.defer import Deferred
from twisted.internet.task import Clock
from twisted.internet.testing import StringTransport

from honeymesh.config import (
    Config,
    DetectionConfig,
    FtpTrapConfig,
    PolicyConfig,
    SipTrapConfig,
    SnmpTrapConfig,
    TrapConfig,
)
from honeymesh.detection.pipeline import DetectionPipeline, trap_policies
from honeymesh.detection.scoring import PayloadRules, Reputation
from honeymesh.detection.traps.registry import BuiltTrap, TrapContext, build_trap
from honeymesh.detection.traps.snmp import encode_oid
from honeymesh.events import Decision, Event, EventBus, EventId, Observation, Verdict
from honeymesh.policy.engine import PolicyEngine
from tests.banlist_harness import T0, Harness

TRAPS: tuple[TrapConfig, ...] = (FtpTrapConfig(), SipTrapConfig(), SnmpTrapConfig())
GUESSES = 6
LOCAL = IPv4Address("UDP", "192.0.2.1", 5060)


def _tlv(tag: int, content: bytes) -> bytes:
    return bytes([tag, len(content)]) + content


def snmp_get(community: bytes) -> bytes:
    """An SNMPv2c GET of sysDescr.0, as snmpget sends it."""
    binding = _tlv(0x30, _tlv(0x06, encode_oid((1, 3, 6, 1, 2, 1, 1, 1, 0))) + b"\x05\x00")
    pdu = _tlv(0xA0, _tlv(0x02, b"\x07") + _tlv(0x02, b"\x00") * 2 + _tlv(0x30, binding))
    return _tlv(0x30, _tlv(0x02, b"\x01") + _tlv(0x04, community) + pdu)


def sip_register(user: str, attempt: int) -> bytes:
    """A REGISTER answering a digest challenge, as sipvicious' svcrack sends it."""
    return (
        f"REGISTER sip:192.0.2.1 SIP/2.0\r\n"
        f"Via: SIP/2.0/UDP 198.51.100.7:5061;branch=z9hG4bK-{attempt};rport\r\n"
        f"From: <sip:{user}@192.0.2.1>;tag=1\r\nTo: <sip:{user}@192.0.2.1>\r\n"
        f"Call-ID: {attempt}\r\nCSeq: 2 REGISTER\r\nUser-Agent: friendly-scanner\r\n"
        f'Authorization: Digest username="{user}", realm="asterisk", nonce="abc", '
        f'uri="sip:192.0.2.1", response="{attempt:032x}", algorithm=MD5\r\n'
        f"Content-Length: 0\r\n\r\n"
    ).encode()


class Site:
    """The three traps, built from their defaults, publishing into one detection pipeline."""

    def __init__(self, tmp: Path, clock: Clock, decide: object) -> None:
        self.clock = clock
        self.bus = EventBus()
        self.events: list[Event] = []
        self.bus.subscribe(self.events.append)
        config = dataclasses.replace(Config(), traps=TRAPS, detection=DetectionConfig())
        self.pipeline = DetectionPipeline(
            config=config.detection,
            traps=trap_policies(config.traps),
            rules=PayloadRules.shipped(),
            reputation=Reputation.shipped(),
            clock=clock,
            publish=self.bus.publish,
            decide=decide,  # type: ignore[arg-type]
        )
        self.bus.subscribe(self.pipeline)
        context = TrapContext(
            clock=clock,
            publish=self.bus.publish,
            data_path=lambda p: tmp / p,
            node_cert=tmp / "node.crt",
            node_key=tmp / "node.key",
        )
        self.traps: dict[str, BuiltTrap] = {t.name: build_trap(t, context) for t in TRAPS}

    def ftp_guesses(self, source: str) -> None:
        """Three guesses a connection: vsftpd hangs up after the third (``max_login_fails``)."""
        factory = self.traps["ftp"].factory
        assert factory is not None
        peer = IPv4Address("TCP", source, 40000)
        for connection in range(0, GUESSES, 3):
            proto = factory.buildProtocol(peer)
            assert proto is not None
            local = IPv4Address("TCP", "192.0.2.1", 21)
            proto.makeConnection(StringTransport(hostAddress=local, peerAddress=peer))
            for i in range(connection, min(connection + 3, GUESSES)):
                proto.dataReceived(f"USER admin\r\nPASS guess{i}\r\n".encode())
                self.clock.advance(3.5)  # vsftpd's pause after a failed login
            proto.connectionLost()

    def udp_guesses(self, trap: str, source: str) -> list[bytes]:
        datagram = self.traps[trap].datagram
        assert datagram is not None
        replies = []
        for i in range(GUESSES):
            guess = snmp_get(f"guess{i}".encode()) if trap == "snmp" else sip_register("100", i)
            replies.append(datagram.handle(guess, source, 40000 + i, LOCAL))
            self.clock.advance(3.5)  # as slowly as the FTP guesses
        return replies

    def credentials(self, source: str) -> list[Observation]:
        return [
            e
            for e in self.events
            if isinstance(e, Observation)
            and e.event_id == EventId.TRAP_CREDENTIAL
            and e.source == source
        ]


def verdicts(decided: list[Verdict], source: str) -> list[tuple[str, str, float]]:
    return [(str(v.event_id), v.detector, v.score) for v in decided if v.source == source]


def test_sip_and_snmp_guesses_score_as_the_same_number_of_ftp_guesses(tmp_path: Path) -> None:
    clock = Clock()
    clock.advance(T0)
    decided: list[Verdict] = []
    site = Site(tmp_path, clock, decided.append)
    site.ftp_guesses("198.51.100.1")
    sip_replies = site.udp_guesses("sip", "198.51.100.2")
    snmp_replies = site.udp_guesses("snmp", "198.51.100.3")

    for source in ("198.51.100.1", "198.51.100.2", "198.51.100.3"):
        assert len(site.credentials(source)) == GUESSES  # every guess is on record
    ftp = verdicts(decided, "198.51.100.1")
    assert ftp == [("trap.verdict", "ftp", 100.0)]  # one verdict, not repeated in the window
    assert verdicts(decided, "198.51.100.2") == [("trap.verdict", "sip", 100.0)]
    assert verdicts(decided, "198.51.100.3") == [("trap.verdict", "snmp", 100.0)]

    (sip,) = [v for v in decided if v.detector == "sip"]
    assert sip.evidence["username"] == "100" and sip.evidence["method"] == "digest"
    (snmp,) = [v for v in decided if v.detector == "snmp"]
    assert snmp.evidence["username"] == "guess0" and snmp.evidence["accepted"] is False
    # svcrack says it is friendly-scanner, which Debian's kamailio.cfg (the default persona)
    # drops without a word: every guess is on record all the same.
    assert sip_replies == [b""] * GUESSES
    assert snmp_replies == [b""] * GUESSES  # a wrong community gets silence, as from snmpd


def test_a_login_score_of_zero_turns_sip_and_snmp_scoring_off(tmp_path: Path) -> None:
    quiet = (SipTrapConfig(login_score=0.0), SnmpTrapConfig(login_score=0.0))
    policies = trap_policies(quiet)
    assert policies["sip"].login_score == 0.0 and policies["snmp"].login_score == 0.0
    assert trap_policies(TRAPS)["snmp"].login_score == 100.0


# With the real policy engine --------------------------------------------------------------------


@pytest_twisted.async_yield_fixture
async def harness(tmp_path: Path) -> AsyncIterator[Harness]:
    h = await Harness(tmp_path / "hm.db").start()
    yield h
    await h.stop()


@pytest.mark.parametrize("trap", ["sip", "snmp", "ftp"])
@pytest_twisted.ensureDeferred
async def test_guessing_bans_the_source_through_the_policy_engine(
    harness: Harness, tmp_path: Path, trap: str
) -> None:
    bus = EventBus()
    engine = PolicyEngine(
        harness.banlist, harness.store, PolicyConfig(), harness.clock, bus.publish,
        initial_mode="enforce",
    )  # fmt: skip
    await engine.load()
    pending: list[Deferred[Decision]] = []
    site = Site(tmp_path, harness.clock, lambda v: pending.append(engine.decide(v)))
    if trap == "ftp":
        site.ftp_guesses("203.0.113.5")
    else:
        site.udp_guesses(trap, "203.0.113.5")
    assert len(pending) == 1
    decision = await pending[0]
    # Banned for an hour from the first guess (the decision comes after the last one).
    assert decision.action == "ban" and decision.evidence["expires"] == T0 + 3600.0
    assert decision.evidence["detector"] == trap
    assert [str(n) for n in harness.backend.bans] == ["203.0.113.5/32"]
