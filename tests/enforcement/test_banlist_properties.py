"""Random sequences of ban / unban / allow / expiry / restart: the in-memory index, the backend
and the database's active set stay equal, and no active ban is ever inside an allow.

Hypothesis drives the machine from a worker thread; every step runs in the reactor thread
(``on_reactor``), where the ban list lives, against a real store.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

import pytest_twisted
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from twisted.internet import reactor, threads
from twisted.internet.defer import Deferred, ensureDeferred
from twisted.internet.interfaces import IReactorFromThreads

from honeymesh.enforcement.banlist import (
    Allowlisted,
    BuiltinAllow,
    Escalation,
    NotAllowlisted,
    NotBanned,
)
from honeymesh.net import normalize_network
from tests.banlist_harness import Harness

NETWORKS = st.sampled_from(
    [
        "192.0.2.1",
        "192.0.2.2",
        "192.0.2.0/30",
        "192.0.2.0/24",
        "::ffff:192.0.2.1",
        "2001:db8::1",
        "2001:db8::/64",
        "198.51.100.9",
        "127.0.0.5",  # inside the built-in loopback allow
    ]
)
ALLOWS = st.sampled_from(["192.0.2.2", "192.0.2.0/30", "2001:db8::/48", "198.51.100.0/24"])


T = TypeVar("T")


def on_reactor(fn: Callable[[], Deferred[T] | T]) -> T:
    """Run ``fn`` in the reactor thread and wait for it (and its Deferred, if any)."""
    result: Any = threads.blockingCallFromThread(cast(IReactorFromThreads, reactor), fn)
    return result  # type: ignore[no-any-return]


def blockon(d_factory: Callable[[], Any]) -> Any:
    return on_reactor(d_factory)


class BanListMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = tempfile.mkdtemp(prefix="hm-banlist-")
        self.node = Harness(Path(self.folder) / "hm.db")
        blockon(lambda: ensureDeferred(self.node.start()))

    @rule(
        where=NETWORKS,
        duration=st.sampled_from([None, 30.0, 3600.0]),
        escalate=st.booleans(),
    )
    def ban(self, where: str, duration: float | None, escalate: bool) -> None:
        try:
            blockon(
                lambda: self.node.banlist.add(
                    normalize_network(where),
                    duration=duration,
                    source="local",
                    reasons=["property"],
                    escalation=Escalation() if escalate else None,
                )
            )
        except Allowlisted:
            allowed = on_reactor(lambda: self.node.banlist.allowed_by(normalize_network(where)))
            assert allowed, "refused as allowlisted without a covering allow"

    @rule(where=NETWORKS)
    def unban(self, where: str) -> None:
        try:
            blockon(lambda: self.node.banlist.remove(normalize_network(where)))
        except NotBanned:
            mine = normalize_network(where)
            assert mine not in dict(on_reactor(self.node.banlist.active))

    @rule(where=ALLOWS)
    def allow(self, where: str) -> None:
        blockon(lambda: self.node.banlist.add_allow(normalize_network(where), reason="property"))

    @rule(where=st.sampled_from(["192.0.2.2", "192.0.2.0/30", "127.0.0.0/8"]))
    def unallow(self, where: str) -> None:
        with contextlib.suppress(NotAllowlisted, BuiltinAllow):
            blockon(lambda: self.node.banlist.remove_allow(normalize_network(where)))

    @rule(seconds=st.sampled_from([1.0, 29.0, 31.0, 3601.0]))
    def time_passes(self, seconds: float) -> None:
        on_reactor(lambda: self.node.clock.advance(seconds))

    @rule()
    def sweep(self) -> None:
        blockon(lambda: self.node.banlist.sweep())

    @rule()
    def restart(self) -> None:
        self.node = blockon(lambda: ensureDeferred(self.node.restart()))

    @invariant()
    def projections_equal_the_database(self) -> None:
        def look() -> tuple[dict[str, float | None], dict[str, float | None]]:
            memory = {str(n): e for n, e in self.node.banlist.active()}
            backend = {str(n): e for n, e in self.node.backend.bans.items()}
            return memory, backend

        memory, backend = on_reactor(look)
        assert memory == self.node.active_rows()
        assert backend == memory

    @invariant()
    def allow_always_wins(self) -> None:
        def inside_allows() -> list[str]:
            banlist = self.node.banlist
            return [str(n) for n, _ in banlist.active() if banlist.allowed_by(n)]

        assert on_reactor(inside_allows) == []

    def teardown(self) -> None:
        blockon(lambda: ensureDeferred(self.node.stop()))
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest_twisted.inlineCallbacks
def test_random_operation_sequences_keep_memory_backend_and_database_equal() -> Any:
    yield threads.deferToThread(
        run_state_machine_as_test,
        BanListMachine,
        settings=settings(
            max_examples=100,
            stateful_step_count=25,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
