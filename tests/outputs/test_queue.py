"""The outputs' bounded queue: never past its limit, the oldest dropped first, every drop
counted, what is kept in order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from honeymesh.outputs.queue import BoundedQueue


@given(limit=st.integers(1, 20), ops=st.lists(st.integers(0, 5), max_size=200))
def test_bounded_fifo_dropping_the_oldest(limit: int, ops: list[int]) -> None:
    """Each op: 0 puts the next number, n > 0 takes up to n."""
    queue: BoundedQueue[int] = BoundedQueue(limit)
    model: list[int] = []
    dropped = 0
    taken: list[int] = []
    counter = 0
    for op in ops:
        if op == 0:
            counter += 1
            queue.put(counter)
            model.append(counter)
            if len(model) > limit:
                model.pop(0)
                dropped += 1
        else:
            taken += queue.take(op)
            model = model[op:]
        assert len(queue) <= limit
    assert queue.dropped == dropped
    assert taken == sorted(taken)  # in order, never twice
    assert len(taken) + len(queue) + queue.dropped == counter
    assert queue.take(limit) == model
