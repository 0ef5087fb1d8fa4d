"""Bans that share one enforcement key.

With ``v6_ban_prefix = 64`` every IPv6 ban inside the same /64 lands on one kernel key (the
program masks sources to /64 before its hash lookup). The key must stay while any of those bans
is active and must carry the longest of their expiries; removing one ban must not lift the
others. ``SharedKeys`` keeps that bookkeeping, in wall-clock time, for both backends.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from honeymesh.net import Network

K = TypeVar("K", bound=Hashable)


def longest(expiries: list[float | None]) -> float | None:
    """The expiry that covers all of them: None (permanent) wins, else the latest."""
    if not expiries or any(e is None for e in expiries):
        return None
    return max(e for e in expiries if e is not None)


class SharedKeys(Generic[K]):
    def __init__(self, network_of: Callable[[K], Network] | None = None) -> None:
        """``network_of(key)``: the network a key itself stands for, which ``add_sole`` needs."""
        self._holders: dict[K, dict[Network, float | None]] = {}
        # Keys held only by the network the key itself names, without a Network object each:
        # a restore's 100,000 IPv6 /64 bans would otherwise build 100,000 IPv6Network objects
        # (about half a second) and keep them. A key moves to _holders once anything else
        # touches it.
        self._sole: dict[K, float | None] = {}
        self._network_of = network_of

    def add_sole(self, key: K, expires_at: float | None) -> float | None:
        """``add(key, network_of(key), expires_at)``, cheaper while no other network holds
        ``key``."""
        if self._network_of is None:
            raise TypeError("add_sole needs SharedKeys(network_of=...)")
        if key in self._holders:
            return self.add(key, self._network_of(key), expires_at)
        self._sole[key] = expires_at
        return expires_at

    def _spread(self, key: K) -> None:
        """A sole holder moves to _holders, where another network can join it."""
        if key in self._sole and self._network_of is not None:
            self._holders[key] = {self._network_of(key): self._sole.pop(key)}

    def add(self, key: K, network: Network, expires_at: float | None) -> float | None:
        """Record that ``network`` holds ``key``; returns the expiry the key must now carry."""
        self._spread(key)
        holders = self._holders.setdefault(key, {})
        holders[network] = expires_at
        return longest(list(holders.values()))

    def remove(self, key: K, network: Network) -> tuple[bool, float | None]:
        """Forget ``network``; returns (key still held, expiry it must carry if so)."""
        self._spread(key)
        holders = self._holders.get(key)
        if holders is None:
            return False, None
        holders.pop(network, None)
        if not holders:
            del self._holders[key]
            return False, None
        return True, longest(list(holders.values()))

    def networks(self) -> dict[Network, float | None]:
        found = {n: e for holders in self._holders.values() for n, e in holders.items()}
        if self._network_of is not None:
            found.update((self._network_of(k), e) for k, e in self._sole.items())
        return found

    def clear(self) -> None:
        self._holders.clear()
        self._sole.clear()

    def __len__(self) -> int:
        return len(self._holders) + len(self._sole)
