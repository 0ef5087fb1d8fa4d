"""The license service on a fake clock: real files, re-evaluation, events on change, clean stop."""

from __future__ import annotations

import errno
from collections.abc import Generator
from pathlib import Path

import pytest
from twisted.internet.task import Clock

from honeymesh.config import Config, LicenseConfig, NodeConfig, SharingConfig
from honeymesh.events import Event, EventId, Notice
from honeymesh.license.clock import ClockFault, ClockFile, ClockReading
from honeymesh.license.entitlement import Entitlement
from honeymesh.license.gating import sharing_decision
from honeymesh.license.keys import format_inline_key
from honeymesh.license.service import LicenseService
from honeymesh.license.verify import Refusal, Tier

from .helpers import CLOCK_KEY, DAY, KEYS, SIGNER, T0, clock_file, make_license

INTERVAL = 300.0
HOUR = 3600.0


class Node:
    def __init__(self, tmp_path: Path, clock_file_: ClockFile | None = None) -> None:
        self.dir = tmp_path
        self.reactor = Clock()
        self.reactor.advance(T0)
        self.events: list[Event] = []
        self.license_path = tmp_path / "license.json"
        self.clock = clock_file_ or clock_file(tmp_path)
        self.service: LicenseService | None = None

    def start(self) -> LicenseService:
        self.service = LicenseService(
            license_path=self.license_path,
            keys=KEYS,
            clock_file=self.clock,
            cluster_id="",
            tolerance=HOUR,
            interval=INTERVAL,
            reactor=self.reactor,
            publish=self.events.append,
        )
        self.service.startService()
        return self.service

    def states(self) -> list[Notice]:
        return [
            e for e in self.events if isinstance(e, Notice) and e.event_id is EventId.LICENSE_STATE
        ]

    def last(self) -> Notice:
        return self.states()[-1]

    def tick(self, seconds: float = INTERVAL) -> None:
        self.reactor.advance(seconds)

    def set_time(self, t: float) -> None:
        """Set the wall clock (also backwards); the next tick sees it."""
        self.reactor.rightNow = t


@pytest.fixture
def node(tmp_path: Path) -> Generator[Node, None, None]:
    n = Node(tmp_path)
    yield n
    if n.service is not None and n.service.running:
        n.service.stopService()
    assert n.reactor.getDelayedCalls() == []


def pro_node(node: Node) -> LicenseService:
    node.license_path.write_bytes(make_license())
    node.clock.write(T0 - 60)
    service = node.start()
    assert service.entitlement.tier is Tier.PRO
    return service


def test_start_publishes_the_state_and_advances_the_clock(node: Node) -> None:
    pro_node(node)
    assert len(node.states()) == 1
    first = node.last().detail
    assert first["tier"] == "pro"
    assert first["previous_tier"] is None
    assert node.clock.read() == ClockReading(T0)
    node.tick()
    assert node.clock.read() == ClockReading(int(T0 + INTERVAL))
    assert len(node.states()) == 1  # nothing changed: no new event


def test_entitlement_is_known_before_start_without_writing(node: Node) -> None:
    node.license_path.write_bytes(make_license())
    node.clock.write(T0 - 60)
    service = LicenseService(
        license_path=node.license_path,
        keys=KEYS,
        clock_file=node.clock,
        cluster_id="",
        tolerance=HOUR,
        interval=INTERVAL,
        reactor=node.reactor,
        publish=node.events.append,
    )
    assert service.entitlement.tier is Tier.PRO
    assert node.events == []
    assert node.clock.read() == ClockReading(T0 - 60)


def test_expiry_is_noticed_at_the_moment_it_happens(node: Node) -> None:
    node.license_path.write_bytes(make_license(expires_at=T0 + 100))
    node.clock.write(T0)
    service = node.start()
    assert service.entitlement.tier is Tier.PRO
    node.tick(99)
    assert service.entitlement.tier is Tier.PRO
    node.tick(1)
    assert service.entitlement.refusal is Refusal.EXPIRED
    assert node.last().detail["previous_tier"] == "pro"


def test_clock_rolled_back_stops_pro_and_sane_time_resumes_it(node: Node) -> None:
    service = pro_node(node)
    node.tick(DAY)  # the mark reaches T0 + DAY
    node.set_time(T0)  # someone sets the clock back a day
    # Twisted schedules on wall-clock time, so the periodic timer now waits a day too; the check
    # runs anyway when anything asks (the status API, the mesh): that is what is exercised here.
    ent = service.check()
    assert ent.tier is Tier.COMMUNITY
    assert ent.refusal is ClockFault.ROLLBACK
    assert node.last().detail["refusal"] == "clock_rollback"
    assert sharing_decision(ent, SharingConfig(enabled=True)).run is False
    mark = node.clock.read().mark
    assert mark is not None
    assert mark >= T0 + DAY  # not lowered
    node.tick(DAY + INTERVAL)  # the clock is right again and the periodic timer fires
    assert service.entitlement.tier is Tier.PRO
    assert node.last().detail["previous_refusal"] == "clock_rollback"


def test_clock_file_deleted_while_in_use(node: Node) -> None:
    service = pro_node(node)
    node.clock.path.unlink()
    node.tick()
    assert service.entitlement.refusal is ClockFault.MISSING
    assert "reset-clock" in service.entitlement.reason
    assert not node.clock.path.exists()  # not silently recreated
    node.clock.write(int(node.reactor.seconds()))  # what `license reset-clock` does
    node.tick()
    assert service.entitlement.tier is Tier.PRO


def test_clock_file_edited_while_in_use(node: Node) -> None:
    service = pro_node(node)
    text = node.clock.path.read_text()
    node.clock.path.write_text(text.replace(str(T0), str(T0 - 30 * DAY)))
    node.tick()
    assert service.entitlement.refusal is ClockFault.TAMPERED
    assert node.last().detail["clock"]["fault"] == "clock_tampered"  # type: ignore[index, call-overload]


def test_license_removed_while_running(node: Node) -> None:
    service = pro_node(node)
    seen: list[Entitlement] = []
    service.on_change(seen.append)
    node.license_path.unlink()
    node.tick()
    assert service.entitlement.refusal is Refusal.NO_LICENSE
    assert [e.tier for e in seen] == [Tier.COMMUNITY]


def test_community_node_starts_its_clock(node: Node) -> None:
    service = node.start()
    assert service.entitlement.refusal is Refusal.NO_LICENSE
    assert node.clock.read() == ClockReading(T0)
    started = [e for e in node.events if e.event_id is EventId.LICENSE_CLOCK]
    assert len(started) == 1
    assert isinstance(started[0], Notice)
    assert started[0].detail["action"] == "started"
    # A license dropped in later is picked up at the next check.
    node.license_path.write_bytes(make_license())
    node.tick()
    assert service.entitlement.tier is Tier.PRO


class FullDisk(ClockFile):
    """A clock file whose disk refuses writes (fault injection; reads are real)."""

    def write(self, mark: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_mark_that_cannot_be_recorded_stops_pro(tmp_path: Path) -> None:
    clock = FullDisk(tmp_path / "license.clock", CLOCK_KEY)
    ClockFile(clock.path, CLOCK_KEY).write(T0 - 60)
    n = Node(tmp_path, clock)
    n.license_path.write_bytes(make_license())
    service = n.start()
    assert service.entitlement.refusal is ClockFault.UNWRITABLE
    assert "No space left" in service.entitlement.reason
    failures = [e for e in n.events if e.event_id is EventId.LICENSE_CLOCK]
    n.tick()
    n.tick()
    assert failures == [e for e in n.events if e.event_id is EventId.LICENSE_CLOCK]  # once
    service.stopService()
    assert n.reactor.getDelayedCalls() == []


def test_a_failing_listener_does_not_stop_the_others(node: Node) -> None:
    service = pro_node(node)
    seen: list[Tier] = []

    def broken(ent: Entitlement) -> None:
        raise RuntimeError("boom")

    service.on_change(broken)
    service.on_change(lambda ent: seen.append(ent.tier))
    node.license_path.unlink()
    node.tick()
    assert seen == [Tier.COMMUNITY]


def test_from_config(tmp_path: Path) -> None:
    config = Config(
        node=NodeConfig(name="n", data_dir=tmp_path),
        license=LicenseConfig(trusted_keys=(format_inline_key(SIGNER.public),)),
        source=tmp_path / "honeymesh.toml",
    )
    (tmp_path / "license.json").write_bytes(make_license())
    ClockFile(tmp_path / "license.clock", CLOCK_KEY).write(T0)
    reactor = Clock()
    reactor.advance(T0)
    service = LicenseService.from_config(
        config, clock_key=CLOCK_KEY, reactor=reactor, publish=lambda e: None
    )
    assert service.entitlement.tier is Tier.PRO
