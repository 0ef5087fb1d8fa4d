"""A real Store on a temp file, a BanList over it with the backend double, and a fake clock.

Shared by tests/enforcement and tests/policy. The store runs in its real writer thread with the
real reactor; only time (ban creation, expiry) is driven by ``Clock``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, cast

from twisted.internet import reactor as _reactor
from twisted.internet import task
from twisted.internet.interfaces import IReactorFromThreads
from twisted.internet.task import Clock

from honeymesh.enforcement.banlist import AllowRule, Ban, BanList, LoadReport, builtin_allows
from honeymesh.enforcement.bans import DEFAULT_OFFENCE_WINDOW
from honeymesh.events import Event, EventId
from honeymesh.store.db import Store
from tests.backend_double import BackendDouble

reactor = cast(IReactorFromThreads, _reactor)
T0 = 1_700_000_000.0


class Harness:
    """One node's ban list. ``restart()`` builds a new one over the same database file."""

    def __init__(
        self,
        path: Path,
        *,
        clock: Clock | None = None,
        backend: BackendDouble | None = None,
        builtin: Sequence[AllowRule] | None = None,
        offence_window: float = DEFAULT_OFFENCE_WINDOW,
        on_unban: Callable[[Ban], object] | None = None,
    ) -> None:
        self.path = path
        if clock is None:
            clock = Clock()
            clock.advance(T0)
        self.clock = clock
        self.backend = backend or BackendDouble()
        self.builtin = tuple(builtin_allows(()) if builtin is None else builtin)
        self.offence_window = offence_window
        self.events: list[Event] = []
        self.store = Store(path, reactor, synchronous="normal")
        self.banlist = BanList(
            self.store,
            self.backend,
            self.clock,
            self.events.append,
            builtin=self.builtin,
            offence_window=offence_window,
            on_unban=on_unban,
        )
        self.report: LoadReport | None = None

    async def start(self) -> Harness:
        await self.store.start()
        self.report = await self.banlist.load()
        return self

    async def stop(self) -> None:
        await self.store.stop()

    async def restart(self, backend: BackendDouble | None = None) -> Harness:
        await self.stop()
        return await Harness(
            self.path,
            clock=self.clock,
            backend=backend or BackendDouble(),
            builtin=self.builtin,
            offence_window=self.offence_window,
        ).start()

    def rows(self, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Read with a fresh connection: what a crash right now would leave behind."""
        conn = sqlite3.connect(self.path)
        try:
            return list(conn.execute(sql, tuple(args)))
        finally:
            conn.close()

    def active_rows(self) -> dict[str, float | None]:
        return dict(
            (network, expires)
            for network, expires in self.rows(
                "SELECT network, expires FROM bans WHERE lifted IS NULL"
            )
        )

    def ids(self, *wanted: EventId) -> list[str]:
        return [str(e.event_id) for e in self.events if e.event_id in wanted]


async def until(condition: Callable[[], bool]) -> None:
    """Let the real reactor run (the store's commits) until the condition holds."""
    for _ in range(500):
        if condition():
            return
        await task.deferLater(_reactor, 0.01, lambda: None)
    raise AssertionError("condition never held")
