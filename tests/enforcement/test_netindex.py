"""The compact network index agrees with ipaddress on which entries cover an address."""

from __future__ import annotations

import ipaddress

import pytest
from hypothesis import given
from hypothesis import strategies as st

from honeymesh.enforcement import banindex
from honeymesh.enforcement.banindex import BanIndex
from honeymesh.enforcement.netindex import NetworkIndex, make_network
from honeymesh.net import Network

v4 = st.builds(
    lambda a, p: ipaddress.IPv4Network((a, p), strict=False),
    st.integers(0, 2**32 - 1),
    st.integers(0, 32),
)
v6 = st.builds(
    lambda a, p: ipaddress.IPv6Network((a, p), strict=False),
    st.integers(0, 2**128 - 1),
    st.integers(0, 128),
)
networks = st.one_of(v4, v6)


@given(st.lists(networks, max_size=30), networks, st.lists(st.integers(0, 29), max_size=10))
def test_covering_matches_a_brute_force_scan(
    entries: list[Network], probe: Network, removals: list[int]
) -> None:
    index: NetworkIndex[str] = NetworkIndex()
    model: dict[Network, str] = {}
    for n in entries:
        index.set(n, str(n))
        model[n] = str(n)
    for i in removals:
        if i < len(entries):
            assert index.pop(entries[i]) == (entries[i] in model)
            model.pop(entries[i], None)
    assert len(index) == len(model)
    expected = sorted(
        (n for n in model if n.version == probe.version and probe.subnet_of(n)),  # type: ignore[arg-type]
        key=lambda n: -n.prefixlen,
    )
    assert [n for n, _ in index.covering(probe)] == expected
    assert dict(index.items()) == model


ops = st.lists(
    st.tuples(st.sampled_from(["set", "pop"]), st.integers(0, 40), st.floats(1, 1e10)),
    max_size=120,
)


@given(
    st.lists(st.integers(0, 40), unique=True, max_size=30),
    st.sampled_from([32, 24, 128, 64]),
    ops,
    st.integers(0, 40),
)
def test_the_compact_ban_index_behaves_like_a_dict(
    loaded: list[int], prefixlen: int, changes: list[tuple[str, int, float]], probe: int
) -> None:
    family = 4 if prefixlen <= 32 else 6
    step = 1 << ((32 if family == 4 else 128) - prefixlen)

    def network(i: int) -> Network:
        return make_network(family, i * step, prefixlen)

    index = BanIndex()
    model: dict[Network, float] = {}
    addresses = sorted(loaded)
    index.bulk(family, prefixlen, [a * step for a in addresses], [float(a) for a in addresses])
    model.update({network(a): float(a) for a in addresses})
    for op, i, expiry in changes:
        if op == "set":
            index.set(network(i), expiry)
            model[network(i)] = expiry
        else:
            assert index.pop(network(i)) == (network(i) in model)
            model.pop(network(i), None)
        assert len(index) == len(model)
    assert dict(index.items()) == model
    assert index.get(network(probe)) == model.get(network(probe))
    host = make_network(family, probe * step, 32 if family == 4 else 128)
    assert index.covering(host) == ([(network(probe), model[network(probe)])]
                                    if network(probe) in model else [])  # fmt: skip


def test_folding_keeps_every_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(banindex, "_MIN_FOLD", 2)
    index = BanIndex()
    index.bulk(4, 32, range(0, 100, 2), [1.0] * 50)
    for a in range(0, 60, 2):
        assert index.pop(make_network(4, a, 32))
    index.set(make_network(4, 7, 32), 5.0)
    assert sorted(int(n.network_address) for n, _ in index.items()) == [7, *range(60, 100, 2)]
    assert len(index) == 21
