"""What an enforcement backend (XDP maps, or the nftables fallback) must do for the BanList.

The BanList owns the truth (SQLite); a backend is a projection of it. Every method is called in
the reactor thread and must not block for long: single updates are microseconds, ``replace_all``
uses batch map updates.
"""

from __future__ import annotations

from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from honeymesh.config import Mode
from honeymesh.net import Network


class BackendError(Exception):
    """The backend could not apply a change (map full, interface gone, ...)."""


class MapFull(BackendError):
    """A kernel map has no room for another entry."""


@dataclass(frozen=True)
class BanEntry:
    network: Network
    expires_at: float | None  # wall-clock seconds (time.time()); None = permanent


@runtime_checkable
class BanColumns(Protocol):
    """A ban set that can also be read as columns (the ban list's ``PackedBans``): row ``i`` is
    family, prefix length, address as an int, and wall-clock expiry (NaN: permanent). A backend
    restoring a million bans reads these instead of a million BanEntry objects. ``runs`` are
    (family, prefix length, start, stop): rows ``start:stop`` all belong to that group."""

    families: bytearray
    prefixlens: bytearray
    addresses: list[int]
    expires: array[float]
    runs: list[tuple[int, int, int, int]]


class EnforcementBackend(Protocol):
    @property
    def name(self) -> str:
        """ "xdp", "nftables", or "none"."""

    def replace_all(self, bans: Sequence[BanEntry], allows: Sequence[Network]) -> None:
        """Make the enforced state exactly these bans and allows (used at start)."""

    def add_ban(self, entry: BanEntry) -> None: ...

    def remove_ban(self, network: Network) -> None: ...

    def add_allow(self, network: Network) -> None: ...

    def remove_allow(self, network: Network) -> None: ...

    def set_mode(self, mode: Mode) -> None: ...

    def counters(self) -> Mapping[str, int]:
        """Packets by reason, summed over CPUs: passed, dropped_exact, dropped_range, ..."""

    def status(self) -> Mapping[str, object]:
        """Per interface: attach mode (native/generic/none), program id, degraded reason."""
