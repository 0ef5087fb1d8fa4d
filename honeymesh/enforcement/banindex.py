"""The active bans in memory: network -> expiry, with "which bans cover this address?" lookups.

A million IPv4 bans must not cost a million Python ints and floats in a dict (about 110 MB).
The set restored at start is kept per (family, prefix length) in two sorted arrays, addresses
and expiries (16 bytes a ban for IPv4), searched by bisection. Changes since then live in a
small dict (added or re-timed) and a set (removed); when those grow to half the arrays, they
are folded back in. IPv6 groups, far smaller, live in the dict alone (128-bit addresses do
not fit an array).

Expiry is wall-clock seconds, ``math.inf`` for permanent. One thread (the reactor's) owns it.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator

from honeymesh.enforcement.netindex import make_network, mask
from honeymesh.net import Network

_MIN_FOLD = 4096


class _Group:
    """The bans of one (family, prefix length), keyed by network address as an int."""

    def __init__(self, compact: bool) -> None:
        self.compact = compact  # IPv4: the bulk lives in sorted arrays
        self.keys = array("Q")
        self.expires = array("d")
        self.extra: dict[int, float] = {}  # added or re-timed since the arrays were built
        self.dead: set[int] = set()  # in the arrays but removed; never also in extra
        self.size = 0

    def _slot(self, address: int) -> int:
        i = bisect_left(self.keys, address)
        return i if i < len(self.keys) and self.keys[i] == address else -1

    def get(self, address: int) -> float | None:
        found = self.extra.get(address)
        if found is not None or address in self.dead:
            return found
        i = self._slot(address)
        return self.expires[i] if i >= 0 else None

    def set(self, address: int, expires: float) -> None:
        if self.get(address) is None:
            self.size += 1
        self.dead.discard(address)
        self.extra[address] = expires

    def pop(self, address: int) -> bool:
        removed = self.extra.pop(address, None) is not None
        if address not in self.dead and self._slot(address) >= 0:
            self.dead.add(address)
            removed = True
        if removed:
            self.size -= 1
            if len(self.dead) + len(self.extra) > max(_MIN_FOLD, len(self.keys) // 2):
                self.fold()
        return removed

    def bulk(self, addresses: Iterable[int], expires: Iterable[float]) -> None:
        """Append a run of addresses in ascending order, all above those already held."""
        if not self.compact:  # a dict alone (no arrays, so nothing dead): one C-level update
            before = len(self.extra)
            self.extra.update(zip(addresses, expires, strict=True))
            self.size += len(self.extra) - before
            return
        if self.extra or self.dead:
            for address, expiry in zip(addresses, expires, strict=True):
                self.set(address, expiry)
            return
        before = len(self.keys)
        self.keys.extend(addresses)
        self.expires.extend(expires)
        if len(self.keys) != len(self.expires):
            raise ValueError("addresses and expiries differ in length")
        if before and len(self.keys) > before and self.keys[before] <= self.keys[before - 1]:
            raise ValueError("bulk addresses must ascend")
        self.size += len(self.keys) - before

    def items(self) -> Iterator[tuple[int, float]]:
        extra, dead = self.extra, self.dead
        for address, expiry in zip(self.keys, self.expires, strict=True):
            if address not in dead and address not in extra:
                yield address, expiry
        yield from list(extra.items())

    def fold(self) -> None:
        """Rebuild the arrays from everything held (only for compact groups)."""
        if not self.compact:
            return
        merged = sorted(self.items())
        self.keys = array("Q", [a for a, _ in merged])
        self.expires = array("d", [e for _, e in merged])
        self.extra = {}
        self.dead = set()


class BanIndex:
    """network -> expiry (``math.inf``: permanent), with covering lookups."""

    def __init__(self) -> None:
        self._groups: dict[tuple[int, int], _Group] = {}
        self._prefixes: dict[int, list[int]] = {4: [], 6: []}  # in use, longest first

    def __len__(self) -> int:
        return sum(g.size for g in self._groups.values())

    def __contains__(self, network: Network) -> bool:
        return self.get(network) is not None

    def _group(self, family: int, prefixlen: int) -> _Group:
        group = self._groups.get((family, prefixlen))
        if group is None:
            group = self._groups[(family, prefixlen)] = _Group(compact=family == 4)
            self._prefixes[family] = sorted({*self._prefixes[family], prefixlen}, reverse=True)
        return group

    def get(self, network: Network) -> float | None:
        group = self._groups.get((network.version, network.prefixlen))
        return None if group is None else group.get(int(network.network_address))

    def set(self, network: Network, expires: float) -> None:
        self._group(network.version, network.prefixlen).set(int(network.network_address), expires)

    def bulk(
        self, family: int, prefixlen: int, addresses: Iterable[int], expires: Iterable[float]
    ) -> None:
        """Add a run of one group's addresses in ascending order (the restore at start)."""
        self._group(family, prefixlen).bulk(addresses, expires)

    def pop(self, network: Network) -> bool:
        """Remove an entry; False if there was none."""
        key = (network.version, network.prefixlen)
        group = self._groups.get(key)
        if group is None or not group.pop(int(network.network_address)):
            return False
        if group.size == 0:
            del self._groups[key]
            self._prefixes[network.version].remove(network.prefixlen)
        return True

    def covering(self, network: Network) -> list[tuple[Network, float]]:
        """Entries whose network contains ``network`` (or equals it), most specific first."""
        family = network.version
        address = int(network.network_address)
        found: list[tuple[Network, float]] = []
        for prefixlen in self._prefixes[family]:
            if prefixlen > network.prefixlen:
                continue
            base = address & mask(family, prefixlen)
            expires = self._groups[(family, prefixlen)].get(base)
            if expires is not None:
                found.append((make_network(family, base, prefixlen), expires))
        return found

    def sizes(self) -> dict[tuple[int, int], int]:
        """Entries per (family, prefix length)."""
        return {key: group.size for key, group in self._groups.items()}

    def items(self) -> Iterator[tuple[Network, float]]:
        for (family, prefixlen), group in list(self._groups.items()):
            for address, expires in group.items():
                yield make_network(family, address, prefixlen), expires


__all__ = ["BanIndex"]
