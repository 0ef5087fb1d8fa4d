"""A map from networks to values that answers "which entries cover this address?".

Entries are kept per (family, prefix length) in dicts keyed by the network address as an int,
not as ``ipaddress`` objects. A covering lookup probes one dict per prefix length in use (exact
addresses first), like the kernel's hash map + LPM trie pair. The allowlist uses it; the ban
list, which may hold a million entries, uses the array-backed ``banindex.BanIndex``.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator
from typing import Generic, TypeVar

from honeymesh.net import Network

V = TypeVar("V")

_BITS = {4: 32, 6: 128}


def make_network(family: int, address: int, prefixlen: int) -> Network:
    if family == 4:
        return ipaddress.IPv4Network((address, prefixlen))
    return ipaddress.IPv6Network((address, prefixlen))


def mask(family: int, prefixlen: int) -> int:
    bits = _BITS[family]
    return ((1 << bits) - 1) ^ ((1 << (bits - prefixlen)) - 1)


class NetworkIndex(Generic[V]):
    """network -> value, with covering lookups. Not thread-safe: one thread owns it."""

    def __init__(self) -> None:
        self._tables: dict[tuple[int, int], dict[int, V]] = {}
        self._prefixes: dict[int, list[int]] = {4: [], 6: []}  # in use, longest first
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def __contains__(self, network: Network) -> bool:
        table = self._tables.get((network.version, network.prefixlen))
        return table is not None and int(network.network_address) in table

    def get(self, network: Network) -> V | None:
        table = self._tables.get((network.version, network.prefixlen))
        return None if table is None else table.get(int(network.network_address))

    def set(self, network: Network, value: V) -> None:
        self.set_raw(network.version, int(network.network_address), network.prefixlen, value)

    def set_raw(self, family: int, address: int, prefixlen: int, value: V) -> None:
        """Like ``set`` for a network given as numbers (used by bulk loads)."""
        key = (family, prefixlen)
        table = self._tables.get(key)
        if table is None:
            table = self._tables[key] = {}
            self._prefixes[family] = sorted({*self._prefixes[family], prefixlen}, reverse=True)
        if address not in table:
            self._size += 1
        table[address] = value

    def pop(self, network: Network) -> bool:
        """Remove an entry; False if there was none."""
        key = (network.version, network.prefixlen)
        table = self._tables.get(key)
        address = int(network.network_address)
        if table is None or address not in table:
            return False
        del table[address]
        self._size -= 1
        if not table:
            del self._tables[key]
            self._prefixes[network.version].remove(network.prefixlen)
        return True

    def covering(self, network: Network) -> list[tuple[Network, V]]:
        """Entries whose network contains ``network`` (or equals it), most specific first."""
        family = network.version
        address = int(network.network_address)
        found: list[tuple[Network, V]] = []
        for prefixlen in self._prefixes[family]:
            if prefixlen > network.prefixlen:
                continue
            base = address & mask(family, prefixlen)
            table = self._tables[(family, prefixlen)]
            if base in table:
                found.append((make_network(family, base, prefixlen), table[base]))
        return found

    def within(self, network: Network) -> list[tuple[Network, V]]:
        """Entries inside ``network`` (or equal to it). Scans: for rare, operator-driven calls."""
        return [
            (net, value)
            for net, value in self.items()
            if net.version == network.version and net.subnet_of(network)  # type: ignore[arg-type]
        ]

    def sizes(self) -> dict[tuple[int, int], int]:
        """Entries per (family, prefix length)."""
        return {key: len(table) for key, table in self._tables.items()}

    def items(self) -> Iterator[tuple[Network, V]]:
        for (family, prefixlen), table in list(self._tables.items()):
            for address, value in list(table.items()):
                yield make_network(family, address, prefixlen), value
