"""The open-file budget: the reserve, the traps' caps and the guard all traps share."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st
from twisted.internet.address import IPv4Address
from twisted.internet.defer import Deferred
from twisted.internet.task import Clock
from twisted.internet.testing import StringTransport

from honeymesh.config import (
    BannerTrapConfig,
    Config,
    DnsTrapConfig,
    HttpTrapConfig,
    SshTrapConfig,
)
from honeymesh.detection.traps.banner import BannerDialogue
from honeymesh.detection.traps.base import TrapFactory, TrapLimits
from honeymesh.events import Event
from honeymesh.limits import (
    ConnectionGuard,
    DescriptorBudget,
    descriptor_reserve,
    plan_trap_caps,
    trap_budget,
)


def test_trap_budget_never_exceeds_limit_less_reserve() -> None:
    assert trap_budget(1024, 256, 12) == 64
    assert trap_budget(1024, 256, 12) * 12 <= 1024 - 256
    assert trap_budget(100, 256, 3) == 0
    assert trap_budget(1024, 256, 0) == 0


@given(
    available=st.integers(-100, 5000),
    ceilings=st.dictionaries(st.text(min_size=1, max_size=4), st.integers(1, 2000), max_size=12),
)
def test_caps_fit_the_budget_and_never_exceed_what_is_configured(
    available: int, ceilings: dict[str, int]
) -> None:
    caps = plan_trap_caps(available, ceilings)
    assert caps.keys() == ceilings.keys()
    assert sum(caps.values()) <= max(0, available)
    assert all(0 <= caps[name] <= ceilings[name] for name in ceilings)
    # Nothing is wasted: either every trap has its ceiling, or the budget is (nearly) used up.
    if sum(ceilings.values()) > available > 0:
        assert sum(caps.values()) > available - len(ceilings)


def test_a_small_ceiling_leaves_its_share_to_the_others() -> None:
    assert plan_trap_caps(900, {"ssh": 512, "http": 512, "banner": 50}) == {
        "ssh": 425,
        "http": 425,
        "banner": 50,
    }
    assert plan_trap_caps(5000, {"ssh": 512, "http": 100}) == {"ssh": 512, "http": 100}


def config_with(*traps: object) -> Config:
    return dataclasses.replace(Config(), traps=traps)  # type: ignore[arg-type]


def test_at_1024_open_files_the_traps_are_lowered_and_the_reserve_stays_free() -> None:
    config = config_with(
        SshTrapConfig(),
        HttpTrapConfig(),
        BannerTrapConfig(max_connections=40),
        DnsTrapConfig(),  # UDP: no descriptor per client, no cap
    )
    budget = DescriptorBudget.plan(config, 1024)
    assert set(budget.caps) == {"ssh", "http", "banner"}
    assert sum(budget.caps.values()) + budget.reserved <= 1024
    assert budget.caps["banner"] == 40  # a ceiling below its share is kept
    assert budget.caps["ssh"] < 512 and budget.caps["http"] < 512
    assert budget.reserve["admin_api"] >= 100
    # Two listening sockets per trap (0.0.0.0 and ::) and the API's.
    assert budget.reserve["listening"] == 2 * 4 + 1
    assert "ssh" in budget.lowered() and "banner" not in budget.lowered()
    assert "ssh 3" in budget.summary() and "lowered to fit" in budget.summary()


def test_at_a_raised_limit_the_configured_caps_stand() -> None:
    budget = DescriptorBudget.plan(config_with(SshTrapConfig(), HttpTrapConfig()), 1 << 20)
    assert budget.caps == {"ssh": 512, "http": 512}
    assert not budget.lowered()
    assert "(as configured)" in budget.summary()


def test_the_mesh_is_reserved_for_only_when_sharing_runs() -> None:
    config = config_with(SshTrapConfig())
    assert "mesh" not in descriptor_reserve(config)
    sharing = dataclasses.replace(config, sharing=dataclasses.replace(config.sharing, enabled=True))
    assert descriptor_reserve(sharing)["mesh"] > config.mesh.max_peers


def test_the_guard_refuses_at_the_reserve_and_admits_again_after_a_close() -> None:
    guard = ConnectionGuard(limit=100, reserve=40, now=lambda: 0.0, count_open=lambda: 1)
    admitted = sum(guard.admit() for _ in range(80))
    assert admitted == 60 and guard.refused == 20
    guard.release()
    assert guard.admit()
    assert not guard.admit()


def test_the_guard_backs_off_when_other_descriptors_outgrow_the_reserve() -> None:
    clock = Clock()
    open_now = [10]
    counts: list[int] = []

    def count_open() -> int:
        counts.append(open_now[0])
        return open_now[0]

    guard = ConnectionGuard(
        limit=100, reserve=40, now=clock.seconds, count_open=count_open, headroom=5
    )
    for _ in range(20):
        assert guard.admit()
    assert len(counts) == 1  # counted once, not per connection
    open_now[0] = 20 + 1 + 80  # many API clients: 80 more descriptors besides the traps
    clock.advance(1.0)
    assert not guard.admit()  # 80 others + 5 headroom leave 15 for traps, 20 are open
    for _ in range(10):
        guard.release()
    open_now[0] = 10 + 1 + 80
    clock.advance(1.0)
    assert guard.admit()


def test_traps_sharing_a_guard_refuse_near_the_limit_whatever_their_own_caps() -> None:
    clock, events = Clock(), list[Event]()
    guard = ConnectionGuard(limit=50, reserve=45, now=clock.seconds, count_open=lambda: 0)
    limits = TrapLimits(
        idle_timeout=10, session_timeout=60, max_bytes=100, max_connections=100, max_per_source=100
    )
    a, b = (
        TrapFactory(
            name=name,
            new_dialogue=lambda source: BannerDialogue(b"220 hi\r\n"),
            limits=limits,
            clock=clock,
            publish=events.append,
            guard=guard,
        )
        for name in ("a", "b")
    )
    addr = IPv4Address("TCP", "192.0.2.9", 40000)
    protos = [f.buildProtocol(addr) for f in (a, b, a, b, a, b)]
    assert [p is not None for p in protos] == [True] * 5 + [False]
    assert (a.refused, b.refused) == (0, 1)  # recorded as a full trap's refusal is
    for p in protos[:5]:
        assert p is not None
        p.makeConnection(StringTransport(peerAddress=addr))
    clock.advance(10)  # all idle: closed by their timeout, descriptors given back
    for p in protos[:5]:
        assert p is not None
        p.connectionLost()
    assert guard.live == 0
    assert b.buildProtocol(addr) is not None


def test_the_recount_runs_off_the_reactor_and_admission_goes_on_meanwhile() -> None:
    clock = Clock()
    pending: list[Deferred[int]] = []

    def in_thread(count: Callable[[], int]) -> Deferred[int]:
        pending.append(Deferred())
        return pending[-1]

    guard = ConnectionGuard(
        limit=100, reserve=40, now=clock.seconds, headroom=5, in_thread=in_thread
    )
    assert guard.admit()  # not held up by the count, which has not come back
    clock.advance(5)
    assert guard.admit()
    assert len(pending) == 1  # one count at a time
    pending[0].callback(2 + 93)  # 2 trap connections, 93 other descriptors
    assert not guard.admit()  # 93 others + 5 headroom leave room for 2 trap connections
    guard.release()
    assert guard.admit()
    clock.advance(1)
    assert not guard.admit() and len(pending) == 2
    pending[1].errback(OSError(24, "Too many open files"))  # the last count stands
    clock.advance(1)
    assert not guard.admit() and len(pending) == 3
