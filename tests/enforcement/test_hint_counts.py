"""The range-hint counts the XDP backend keeps per hint bit (``HintCounts``): chunks made as
ranges touch them, read and counted as the dense array they replace was."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from honeymesh.enforcement.kernel import HintCounts

SIZE = 131_072  # the hint map's indexes: 65,536 for IPv4 /16s, 65,536 for IPv6 /32 hashes

# A few indexes, chunk edges among them, so that counts go up and back down to 0.
indexes = st.sampled_from((0, 1, 4095, 4096, 4097, 65535, 65536, SIZE - 4096, SIZE - 1))
changes = st.lists(
    st.tuples(st.one_of(indexes, st.integers(0, SIZE - 1)), st.sampled_from((1, -1))),
    max_size=200,
)


@given(changes)
def test_counts_as_a_dense_array_would(steps: list[tuple[int, int]]) -> None:
    counts, dense = HintCounts(), [0] * SIZE
    for index, delta in steps:
        if dense[index] + delta < 0:
            continue  # a range is counted out only after it was counted in
        assert counts.add(index, delta) == (dense[index], dense[index] + delta)
        dense[index] += delta
    assert sorted(counts.touched()) == [i for i, n in enumerate(dense) if n]
    assert all(counts[i] == n for i, n in enumerate(dense) if n or i % 997 == 0)


def test_the_builtin_loopback_allow_holds_one_chunk_not_the_whole_map() -> None:
    counts = HintCounts()
    for index in range(127 << 8, 128 << 8):  # 127.0.0.0/8: 256 IPv4 /16s
        counts.add(index, 1)
    assert len(counts._chunks) == 1
    assert counts[127 << 8] == 1 and counts[0] == 0 and counts[SIZE - 1] == 0


def test_a_count_cannot_go_below_zero() -> None:
    counts = HintCounts()
    with pytest.raises(OverflowError):
        counts.add(5, -1)
