"""When each open session of a trap is next due for a look, behind one reactor timer.

A trap session ends when it is idle, over its total time or past its login grace; each
session has one moment when it may next be over (``TrapProtocol._next_check``). One
``callLater`` per session, cancelled when the session ends (nearly always long before its
moment: a brute force's session lasts milliseconds, its idle timeout tens of seconds), was
13,800 of a redis session's ~500,000 instructions: ``DelayedCall``'s Python ``__init__``, its
cancellation and the reactor heap's Python ``__lt__``. Here a session's moment is a tuple in a
heap (compared in C), and one reactor timer waits for the earliest of them.

Each session's current entry is known by its number (``_current``); an entry is never taken
out of the heap when its session ends or asks for another moment: it is *stale*, and is
dropped when it reaches the top, or in a compaction once stale entries are more than half of
the heap (as Twisted's reactor does with cancelled calls). Each time the timer fires it drops
the stale entries at the top and is set for the earliest live one, so a stream of short
sessions wakes it about once per timeout, not once per session (a timer set for an entry that
went stale meanwhile fires once for nothing). With no session open the heap is emptied and the
timer cancelled (``clear``): an idle trap holds no timer.

Exact, not bucketed: a session is looked at at its own moment, as with a timer of its own. A
session whose look fails is logged and the others are still looked at.
"""

from __future__ import annotations

import heapq
import itertools
from typing import Protocol

from twisted.internet.interfaces import IDelayedCall, IReactorTime
from twisted.logger import Logger

#: Stale entries tolerated before a compaction is considered (then: more than half).
COMPACT_AFTER = 64


class Timed(Protocol):
    """A session as the deadlines see it (hashable: by identity)."""

    #: The moment it asked to be looked at, None once it has been (or has ended).
    due: float | None

    def check_time(self) -> None:
        """Its moment has come: end it, or ask again (``Deadlines.at``)."""


class Deadlines:
    """The moments of one trap's open sessions; ``check_time`` is called at each one."""

    _log = Logger()

    def __init__(self, clock: IReactorTime) -> None:
        self._clock = clock
        self._heap: list[tuple[float, int, Timed]] = []
        self._current: dict[Timed, int] = {}  # each waiting session's live entry, by number
        self._numbers = itertools.count()  # also orders ties: sessions are never compared
        self._timer: IDelayedCall | None = None
        self._timer_at = 0.0

    def __len__(self) -> int:
        """Entries held, stale ones included (bounded: see ``COMPACT_AFTER``)."""
        return len(self._heap)

    @property
    def waiting(self) -> int:
        """Sessions with a moment to come (the heap's live entries)."""
        return len(self._current)

    def at(self, session: Timed, when: float) -> None:
        """Look at ``session`` at ``when`` (instead of any moment it asked for before)."""
        if session.due == when and session in self._current:
            return
        number = next(self._numbers)
        self._current[session] = number  # an entry it had before is stale from now
        session.due = when
        heapq.heappush(self._heap, (when, number, session))
        if self._timer is None or when < self._timer_at:
            self._wait_for(when)
        self._compact()

    def forget(self, session: Timed) -> None:
        """``session`` needs no look (it ended): its entry goes stale."""
        session.due = None
        if self._current.pop(session, None) is not None:
            self._compact()

    def clear(self) -> None:
        """No session is open: drop every entry and the timer."""
        self._heap.clear()
        self._current.clear()
        if self._timer is not None and self._timer.active():
            self._timer.cancel()
        self._timer = None

    def _live(self, entry: tuple[float, int, Timed]) -> bool:
        return self._current.get(entry[2]) == entry[1]

    def _compact(self) -> None:
        """Drop the stale entries once they are more than half of a heap past
        ``COMPACT_AFTER`` of them; in place, so that a ``_fire`` under way goes on over the
        same list."""
        heap = self._heap
        stale = len(heap) - len(self._current)
        if stale > COMPACT_AFTER and 2 * stale > len(heap):
            heap[:] = [entry for entry in heap if self._live(entry)]
            heapq.heapify(heap)

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
        try:
            while heap and heap[0][0] <= now:
                entry = heapq.heappop(heap)
                if not self._live(entry):
                    continue
                session = entry[2]
                del self._current[session]
                session.due = None
                try:
                    session.check_time()
                except Exception:
                    self._log.failure(
                        "a trap session's timeout failed: {session!r}", session=session
                    )
        finally:
            while heap and not self._live(heap[0]):
                heapq.heappop(heap)
            if heap and (self._timer is None or self._timer_at != heap[0][0]):
                self._wait_for(heap[0][0])  # (a check_time that asked again may have set it)
