"""The compact network index agrees with ipaddress on which entries cover an address."""

from __future__ import annotations

import ipaddress

from hypothesis import given
from hypothesis import strategies as st

from honeymesh.enforcement.backend import Network
from honeymesh.enforcement.netindex import NetworkIndex

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
