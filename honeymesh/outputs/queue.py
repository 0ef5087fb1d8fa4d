"""A bounded FIFO that drops its oldest item when full, and counts what it dropped.

Every output holds what it has not yet delivered here. When the SIEM is slower than the node
or away, the oldest events go first: the newest ones describe what is happening now, and an
operator reading the SIEM after an outage sees the attack in progress (the drop counter says
how much history is missing).
"""

from __future__ import annotations

from collections import deque
from typing import Generic, TypeVar

T = TypeVar("T")


class BoundedQueue(Generic[T]):
    def __init__(self, limit: int) -> None:
        if limit < 1:
            raise ValueError("limit must be at least 1")
        self.limit = limit
        self._items: deque[T] = deque()
        self.dropped = 0

    def put(self, item: T) -> None:
        if len(self._items) >= self.limit:
            self._items.popleft()
            self.dropped += 1
        self._items.append(item)

    def take(self, most: int) -> list[T]:
        """Up to ``most`` items, oldest first."""
        return [self._items.popleft() for _ in range(min(most, len(self._items)))]

    def drop_all(self) -> int:
        """Drop everything held (counted); returns how many."""
        n = len(self._items)
        self._items.clear()
        self.dropped += n
        return n

    def __len__(self) -> int:
        return len(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)
