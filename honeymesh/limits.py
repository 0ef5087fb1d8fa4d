"""Open files: raise the soft limit, keep a reserve for what must not starve, cap the traps.

Every trap connection is a descriptor. With nothing between them, a thousand idle clients on
a trap would take the descriptors the admin API, the store and the mesh need (the soft limit is
often 1,024), and the operator would be locked out by the attack the node is there to record.
So at start the daemon raises the soft limit as far as the hard limit allows, sets aside a
reserve for everything that is not a trap connection (``descriptor_reserve``), and shares what
is left among the TCP traps (``plan_trap_caps``): a configured ``max_connections`` is a ceiling
the budget may lower, never raise. ``ConnectionGuard`` then counts the live trap connections
of all traps together and refuses one that would eat into the reserve, whatever the caps say.
"""

from __future__ import annotations

import contextlib
import os
import resource
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from honeymesh.config import (
    Config,
    DnsTrapConfig,
    SipTrapConfig,
    SnmpTrapConfig,
)
from honeymesh.events import JSONValue

if TYPE_CHECKING:
    from twisted.internet.defer import Deferred

# What the reserve holds back, and why these sizes (each generous: running short is an outage,
# a few hundred descriptors too many is nothing at a raised limit).
#: stdio, the reactor's epoll and waker pipe, twistd's log, Twisted's spare for EMFILE
#: recovery, /dev/urandom, the thread pool. An idle node with five traps (no interface
#: attached) holds about 36 descriptors in all: the XDP program, its 14 maps and the ring
#: buffer's epoll (handed over by the compiler child), 6 listening sockets, and these.
PROCESS_BASE = 64
#: Concurrent admin API connections (operators, the TUI, the dashboard, its websocket feed).
API_CONNECTIONS = 128
#: SQLite: the database, its -wal and -shm, a statement journal or temp file, a backup's
#: source and destination while an upgrade or export runs.
STORE_FILES = 8
#: The JSON log and the file a rotation opens beside it.
LOG_FILES = 4
#: bcc: the maps, the program, BTF, the ring buffer and its epoll, plus one link per
#: interface; the nftables fallback's subprocess pipes fit in the same allowance.
KERNEL_BASE = 32
KERNEL_PER_INTERFACE = 2
#: Mesh handshakes in flight beyond its steady connections.
MESH_HEADROOM = 16
#: What the guard keeps free even when the other descriptors have outgrown the reserve.
GUARD_HEADROOM = 32
#: How often (seconds) the guard recounts the process's open descriptors at most.
RECOUNT_INTERVAL = 1.0


def raise_nofile() -> int:
    """Raise RLIMIT_NOFILE's soft limit to the hard limit; return the soft limit in force."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and soft < hard:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
            soft = hard
        except (ValueError, OSError):
            pass
    return soft


def nofile_limit() -> int:
    """The soft open-file limit in force (an unlimited one counted as 2**20)."""
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    return 1 << 20 if soft == resource.RLIM_INFINITY else int(soft)


def open_descriptors() -> int:
    """How many descriptors this process has open now (lists /proc/self/fd: not per packet)."""
    return len(os.listdir("/proc/self/fd"))


def trap_budget(soft_limit: int, reserve: int, traps: int) -> int:
    """Per-trap connection cap so all ``traps`` together stay within limit - reserve."""
    if traps <= 0:
        return 0
    return max(0, soft_limit - reserve) // traps


def descriptor_reserve(config: Config) -> dict[str, int]:
    """Descriptors kept back from the traps, by what needs them."""
    listening = 1  # the admin API
    for trap in config.traps:
        listening += len(trap.bind) * len(trap.ports)
    reserve = {
        "process": PROCESS_BASE,
        "admin_api": API_CONNECTIONS,
        "store": STORE_FILES,
        "logs": LOG_FILES,
        "kernel": KERNEL_BASE + KERNEL_PER_INTERFACE * len(config.kernel.interfaces),
        "listening": listening,
    }
    if config.sharing.enabled:  # the listener, one connection per peer, handshakes in flight
        reserve["mesh"] = 1 + config.mesh.max_peers + MESH_HEADROOM
    return reserve


def plan_trap_caps(available: int, ceilings: Mapping[str, int]) -> dict[str, int]:
    """Share ``available`` connections among traps, none above its configured ceiling.

    Water-filling: a trap whose ceiling is below an equal share keeps its ceiling, and what it
    leaves goes to the others, so the budget is lowered only where it must be. The caps sum to
    at most ``available``.
    """
    caps: dict[str, int] = {}
    left = max(0, available)
    pending = dict(ceilings)
    while pending:
        share = left // len(pending)
        small = {name: c for name, c in pending.items() if c <= share}
        if not small:
            extra = left - share * len(pending)  # the remainder, one each, in name order
            for i, name in enumerate(sorted(pending)):
                caps[name] = min(pending[name], share + (1 if i < extra else 0))
            break
        for name, ceiling in small.items():
            caps[name] = ceiling
            left -= ceiling
            del pending[name]
    return {name: caps[name] for name in ceilings}


@dataclass(frozen=True)
class DescriptorBudget:
    """The limit, what is kept back and why, and what each TCP trap may hold at once."""

    limit: int
    reserve: Mapping[str, int]
    configured: Mapping[str, int]  # each TCP trap's max_connections
    caps: Mapping[str, int]  # what each may hold under this budget

    @classmethod
    def plan(cls, config: Config, limit: int) -> DescriptorBudget:
        reserve = descriptor_reserve(config)
        configured = {
            t.name: t.max_connections
            for t in config.traps
            if not isinstance(t, DnsTrapConfig | SipTrapConfig | SnmpTrapConfig)  # no fd each
        }
        caps = plan_trap_caps(limit - sum(reserve.values()), configured)
        return cls(limit, reserve, configured, caps)

    @property
    def reserved(self) -> int:
        return sum(self.reserve.values())

    def lowered(self) -> dict[str, tuple[int, int]]:
        """The traps the budget lowered: name -> (cap, configured)."""
        return {
            name: (cap, self.configured[name])
            for name, cap in self.caps.items()
            if cap < self.configured[name]
        }

    def summary(self) -> str:
        """One line for the start-up log: what each trap got, and why."""
        parts = ", ".join(f"{k} {v}" for k, v in self.reserve.items())
        traps = "; ".join(
            f"{name} {cap}"
            + (
                f" (configured {self.configured[name]}, lowered to fit)"
                if cap < self.configured[name]
                else " (as configured)"
            )
            for name, cap in self.caps.items()
        )
        return (
            f"limit {self.limit}, {self.reserved} kept for other uses ({parts}); "
            f"trap connections at once: {traps or 'no TCP traps'}"
        )

    def as_dict(self) -> dict[str, JSONValue]:
        return {
            "limit": self.limit,
            "reserved": self.reserved,
            "reserve": dict(self.reserve),
            "trap_caps": {
                name: {"cap": cap, "configured": self.configured[name]}
                for name, cap in self.caps.items()
            },
        }


class ConnectionGuard:
    """All traps' live connections together, refused before they eat into the reserve.

    The per-trap caps already sum to at most limit - reserve; this guard holds even when they
    do not (a trap built outside the budget), and when the other descriptors have outgrown
    their reserve (many API clients): it recounts the process's descriptors at most once per
    ``recount`` seconds, never per connection, and keeps ``headroom`` of them free. Listing
    /proc/self/fd costs about 2.6 us per descriptor (26 ms at 10,000), too long a pause for the
    reactor in the middle of a flood: given ``in_thread``, the count runs there, and admission
    goes on with the last one meanwhile.
    """

    def __init__(
        self,
        *,
        limit: int,
        reserve: int,
        now: Callable[[], float],
        count_open: Callable[[], int] = open_descriptors,
        recount: float = RECOUNT_INTERVAL,
        headroom: int = GUARD_HEADROOM,
        in_thread: Callable[[Callable[[], int]], Deferred[int]] | None = None,
    ) -> None:
        self.limit = limit
        self.reserve = reserve
        self.live = 0
        self.refused = 0
        self._now = now
        self._count_open = count_open
        self._recount = recount
        self._headroom = headroom
        self._others = 0
        self._counted_at: float | None = None
        self._in_thread = in_thread
        self._counting = False

    def admit(self) -> bool:
        """May one more trap connection (already accepted: its descriptor is open) stay?"""
        now = self._now()
        stale = self._counted_at is None or now - self._counted_at >= self._recount
        if stale and not self._counting:
            self._counted_at = now
            self._recount_now()
        room = self.limit - max(self.reserve, self._others + self._headroom)
        if self.live >= room:
            self.refused += 1
            return False
        self.live += 1
        return True

    def _recount_now(self) -> None:
        """Count the descriptors that are not trap connections. At EMFILE itself the listing
        fails: the last count stands, and the caps still hold."""
        if self._in_thread is None:
            with contextlib.suppress(OSError):  # the accepted one is open, not yet live
                self._counted(self._count_open(), self.live + 1)
            return
        self._counting = True

        def done(result: object) -> None:
            self._counting = False
            if isinstance(result, int):
                self._counted(result, self.live)

        self._in_thread(self._count_open).addBoth(done)

    def _counted(self, open_now: int, trap_connections: int) -> None:
        self._others = max(0, open_now - trap_connections)

    def release(self) -> None:
        """A trap connection admitted by ``admit`` has closed."""
        self.live = max(0, self.live - 1)

    def as_dict(self) -> dict[str, JSONValue]:
        return {"trap_connections": self.live, "refused_near_limit": self.refused}
