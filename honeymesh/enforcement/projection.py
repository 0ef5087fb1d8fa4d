"""Bans that share one enforcement key.

With ``v6_ban_prefix = 64`` every IPv6 ban inside the same /64 lands on one kernel key (the
program masks sources to /64 before its hash lookup). The key must stay while any of those bans
is active and must carry the longest of their expiries; removing one ban must not lift the
others. ``SharedKeys`` keeps that bookkeeping, in wall-clock time, for both backends.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Generic, TypeVar

from honeymesh.net import Network

K = TypeVar("K", bound=Hashable)


def longest(expiries: list[float | None]) -> float | None:
    """The expiry that covers all of them: None (permanent) wins, else the latest."""
    if not expiries or any(e is None for e in expiries):
        return None
    return max(e for e in expiries if e is not None)


class SharedKeys(Generic[K]):
    def __init__(self) -> None:
        self._holders: dict[K, dict[Network, float | None]] = {}

    def add(self, key: K, network: Network, expires_at: float | None) -> float | None:
        """Record that ``network`` holds ``key``; returns the expiry the key must now carry."""
        holders = self._holders.setdefault(key, {})
        holders[network] = expires_at
        return longest(list(holders.values()))

    def remove(self, key: K, network: Network) -> tuple[bool, float | None]:
        """Forget ``network``; returns (key still held, expiry it must carry if so)."""
        holders = self._holders.get(key)
        if holders is None:
            return False, None
        holders.pop(network, None)
        if not holders:
            del self._holders[key]
            return False, None
        return True, longest(list(holders.values()))

    def networks(self) -> dict[Network, float | None]:
        return {n: e for holders in self._holders.values() for n, e in holders.items()}

    def clear(self) -> None:
        self._holders.clear()

    def __len__(self) -> int:
        return len(self._holders)
