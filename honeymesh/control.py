"""The narrow facade that operator surfaces (API, dashboard, TUI) use to see and steer the node.

Web and TUI code never reach into services; they call this. Everything here is cheap and runs in
the reactor thread.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from twisted.internet.interfaces import IReactorTime

from honeymesh import __version__
from honeymesh.config import Config
from honeymesh.detection.traps.base import TrapFactory
from honeymesh.events import EventBus, JSONValue
from honeymesh.listeners import ListenerService
from honeymesh.store.db import Store

KernelStatus = Callable[[], Mapping[str, Any]]


class Control:
    def __init__(
        self,
        *,
        config: Config,
        clock: IReactorTime,
        bus: EventBus,
        store: Store,
        listeners: Sequence[ListenerService],
        traps: Mapping[str, TrapFactory],
        kernel_status: KernelStatus,
        node_id: str,
    ) -> None:
        self.config = config
        self.clock = clock
        self.bus = bus
        self.store = store
        self.listeners = listeners
        self.traps = traps
        self.kernel_status = kernel_status
        self.node_id = node_id
        self.started_at = clock.seconds()

    @property
    def mode(self) -> str:
        return self.config.node.mode

    def listener_table(self) -> list[dict[str, JSONValue]]:
        return [listener.info.as_dict() for listener in self.listeners]

    def status(self) -> dict[str, Any]:
        store = self.store
        return {
            "node": {
                "name": self.config.node.name,
                "id": self.node_id,
                "version": __version__,
                "uptime": round(self.clock.seconds() - self.started_at, 3),
                "config": str(self.config.source),
                "data_dir": str(self.config.node.data_dir),
            },
            "mode": self.mode,
            "listeners": self.listener_table(),
            "kernel": dict(self.kernel_status()),
            "counters": {
                "events_published": self.bus.published,
                "subscriber_errors": self.bus.subscriber_errors,
                "events_stored": store.written,
                "events_lost": store.lost,
                "store_backlog": store.backlog,
                "trap_sessions": {name: f.sessions for name, f in self.traps.items()},
                "trap_refused": {name: f.refused for name, f in self.traps.items()},
            },
        }
