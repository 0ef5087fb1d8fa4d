"""A test double of ``EnforcementBackend``, FOR UNIT TESTS ONLY.

It keeps the enforced state in dicts so the ban list's and policy engine's tests can check what
reached "the kernel". The real backends (XDP maps, nftables) are tested in tests/kernel with real
packets; nothing outside tests/ may use this.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from honeymesh.config import Mode
from honeymesh.enforcement.backend import BackendError, BanEntry, MapFull
from honeymesh.net import Network


class BackendDouble:
    """Records every call; ``capacity`` bans fit (None: unlimited), then ``MapFull``."""

    name = "test-double"

    def __init__(self, capacity: int | None = None) -> None:
        self.capacity = capacity
        self.bans: dict[Network, float | None] = {}
        self.allows: set[Network] = set()
        self.mode: Mode | None = None
        self.calls: list[str] = []
        self.replace_all_calls: list[tuple[dict[Network, float | None], set[Network]]] = []
        self.refuse_mode: BackendError | None = None
        self.on_add_ban: Callable[[BanEntry], None] | None = None

    def replace_all(self, bans: Sequence[BanEntry], allows: Sequence[Network]) -> None:
        self.calls.append("replace_all")
        wanted = {e.network: e.expires_at for e in bans}
        self.replace_all_calls.append((dict(wanted), set(allows)))
        if self.capacity is not None and len(wanted) > self.capacity:
            raise MapFull(f"{len(wanted)} bans do not fit in {self.capacity}")
        self.bans = wanted
        self.allows = set(allows)

    def add_ban(self, entry: BanEntry) -> None:
        self.calls.append("add_ban")
        if self.on_add_ban is not None:
            self.on_add_ban(entry)
        full = self.capacity is not None and len(self.bans) >= self.capacity
        if entry.network not in self.bans and full:
            raise MapFull(f"ban map full ({self.capacity} entries)")
        self.bans[entry.network] = entry.expires_at

    def remove_ban(self, network: Network) -> None:
        self.calls.append("remove_ban")
        self.bans.pop(network, None)

    def add_allow(self, network: Network) -> None:
        self.calls.append("add_allow")
        self.allows.add(network)

    def remove_allow(self, network: Network) -> None:
        self.calls.append("remove_allow")
        self.allows.discard(network)

    def set_mode(self, mode: Mode) -> None:
        self.calls.append("set_mode")
        if self.refuse_mode is not None:
            raise self.refuse_mode
        self.mode = mode

    def counters(self) -> Mapping[str, int]:
        return {}

    def status(self) -> Mapping[str, object]:
        return {"double": True}
