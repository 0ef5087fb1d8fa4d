"""When each open session of a trap is next due for a look, behind one reactor timer.

A trap session ends when it is idle, over its total time or past its login grace; each
session has one moment when it may next be over (``TrapProtocol._next_check``). One
``callLater`` per session, cancelled when the session ends (nearly always long before its
moment: a brute force's session lasts milliseconds, its idle timeout tens of seconds), was
13,800 of a redis session's ~500,000 instructions: ``DelayedCall``'s Python ``__init__``, its
cancellation and the reactor heap's Python ``__lt__``. Here a session's moment is a tuple in a
heap (compared in C), and one reactor timer waits for the earliest moment of a session still
open.

An entry is never taken out of the heap when its session ends or moves its moment: it is
*stale* (the session's ``due`` no longer equals the entry's moment) and is dropped when it
reaches the top, or in a compaction once stale entries are more than half of the heap (as
Twisted's reactor does with cancelled calls). The timer never waits for a stale entry: it
is set for the earliest live one, so a stream of short sessions wakes it about once per
timeout, not once per session. With no session open the heap is emptied and the timer
cancelled (``clear``): an idle trap holds no timer.

Exact, not bucketed: a session is looked at at its own moment, as with its own timer.
"""

from __future__ import annotations

import heapq
import itertools
from typing import Protocol

from twisted.internet.interfaces import IDelayedCall, IReactorTime

#: Stale entries tolerated before a compaction is considered (then: more than half).
COMPACT_AFTER = 64


class Timed(Protocol):
    """A session as the deadlines see it."""

    #: The moment it asked to be looked at, None once it has been (or has ended).
    due: float | None

    def check_time(self) -> None:
        """Its moment has come: end it, or ask again (``Deadlines.at``)."""


class Deadlines:
    """The moments of one trap's open sessions; ``check_time`` is called at each one."""

    def __init__(self, clock: IReactorTime) -> None:
        self._clock = clock
        self._heap: list[tuple[float, int, Timed]] = []
        self._order = itertools.count()  # ties go by arrival; sessions are never compared
        self._timer: IDelayedCall | None = None
        self._timer_at = 0.0
        self._stale = 0

    def __len__(self) -> int:
        """Entries held, stale ones included (bounded: see ``COMPACT_AFTER``)."""
        return len(self._heap)

    def at(self, session: Timed, when: float) -> None:
        """Look at ``session`` at ``when`` (instead of any moment it asked for before)."""
        if session.due == when:
            return
        if session.due is not None:
            self.forget(session)
        session.due = when
        heapq.heappush(self._heap, (when, next(self._order), session))
        if self._timer is None or when < self._timer_at:
            self._wait_for(when)

    def forget(self, session: Timed) -> None:
        """``session`` needs no look (it ended): its entry goes stale."""
        if session.due is None:
            return
        session.due = None
        self._stale += 1
        if self._stale > COMPACT_AFTER and 2 * self._stale > len(self._heap):
            self._heap = [entry for entry in self._heap if entry[2].due == entry[0]]
            heapq.heapify(self._heap)
            self._stale = 0  # the timer may be set for a dropped entry: it finds none due

    def clear(self) -> None:
        """No session is open: drop every entry and the timer."""
        self._heap.clear()
        self._stale = 0
        if self._timer is not None and self._timer.active():
            self._timer.cancel()
        self._timer = None

    def _wait_for(self, when: float) -> None:
        if self._timer is not None and self._timer.active():
            self._timer.cancel()
        self._timer_at = when
        self._timer = self._clock.callLater(max(when - self._clock.seconds(), 0.0), self._fire)

    def _fire(self) -> None:
        """Look at every session due by now (each may ask again, for later), then wait for the
        earliest live entry left."""
        self._timer = None
        now = self._clock.seconds()
        heap = self._heap
        while heap and heap[0][0] <= now:
            when, _, session = heapq.heappop(heap)
            if session.due != when:
                self._stale -= 1
                continue
            session.due = None
            session.check_time()
        while heap and heap[0][2].due != heap[0][0]:
            heapq.heappop(heap)
            self._stale -= 1
        if heap and (self._timer is None or self._timer_at != heap[0][0]):
            self._wait_for(heap[0][0])  # (a check_time that asked again may have set it)
