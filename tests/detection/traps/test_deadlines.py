"""One timer for a trap's sessions: each is looked at at its own moment, never at a moment it
has given up, and short sessions leave neither timers nor entries behind."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from unittest import mock

from hypothesis import given
from hypothesis import strategies as st
from twisted.internet.interfaces import IDelayedCall
from twisted.internet.task import Clock

from honeymesh.detection.traps import deadlines as deadlines_module
from honeymesh.detection.traps.deadlines import COMPACT_AFTER, Deadlines
from honeymesh.events import Event

from .test_base import LIMITS, connect, make


class Session:
    def __init__(self, name: int, clock: Clock, looked: list[tuple[float, int]]) -> None:
        self.name = name
        self.due: float | None = None
        self._clock = clock
        self._looked = looked

    def check_time(self) -> None:
        self._looked.append((self._clock.seconds(), self.name))


def test_a_session_is_looked_at_at_its_moment_not_before() -> None:
    clock, looked = Clock(), list[tuple[float, int]]()
    deadlines = Deadlines(clock)
    a, b = Session(1, clock, looked), Session(2, clock, looked)
    deadlines.at(a, 10.0)
    deadlines.at(b, 4.0)  # sooner than the timer was set for: it is set again
    clock.advance(3.999)
    assert looked == []
    clock.advance(0.001)
    assert looked == [(4.0, 2)] and b.due is None
    clock.advance(6)
    assert looked == [(4.0, 2), (10.0, 1)]
    assert clock.getDelayedCalls() == []


def test_a_moment_given_up_or_moved_is_never_looked_at() -> None:
    clock, looked = Clock(), list[tuple[float, int]]()
    deadlines = Deadlines(clock)
    a, b = Session(1, clock, looked), Session(2, clock, looked)
    deadlines.at(a, 5.0)
    deadlines.at(b, 6.0)
    deadlines.forget(a)  # a ended
    deadlines.at(b, 2.0)  # b moved sooner
    clock.advance(2)
    assert looked == [(2.0, 2)]
    clock.advance(10)
    assert looked == [(2.0, 2)]


def test_ended_sessions_wake_no_timer_and_are_not_kept() -> None:
    """A brute force: thousands of sessions, each over long before its idle moment, beside
    one session that stays. The reactor timer is set about once per idle timeout, not once per
    session, and the entries of the ended sessions are compacted."""
    clock, looked = Clock(), list[tuple[float, int]]()
    set_at: list[float] = []
    call_later = clock.callLater

    def counted(delay: float, f: Callable[..., object], *a: object, **kw: object) -> IDelayedCall:
        set_at.append(clock.seconds() + delay)
        return call_later(delay, f, *a, **kw)

    clock.callLater = counted  # type: ignore[method-assign, assignment]
    deadlines = Deadlines(clock)
    staying = Session(0, clock, looked)
    deadlines.at(staying, 500.0)
    for i in range(1, 5001):  # 100 s of them, each due 30 s after it came
        session = Session(i, clock, looked)
        deadlines.at(session, clock.seconds() + 30)
        clock.advance(0.02)
        deadlines.forget(session)
        assert len(deadlines) <= 2 * COMPACT_AFTER + 2
    assert looked == []
    assert len(set_at) <= 8, set_at  # 500 s, then once per 30 s: at 30, 60, 90 and so on
    clock.advance(499.9 - clock.seconds())
    assert looked == []
    clock.advance(0.2)
    assert [name for _, name in looked] == [0]
    assert clock.getDelayedCalls() == []


def test_the_timer_skips_the_moments_of_sessions_that_ended() -> None:
    """Fewer ended sessions than a compaction waits for: the timer still wakes once for the
    first of their moments, then waits for the session that stays."""
    clock, looked = Clock(), list[tuple[float, int]]()
    deadlines = Deadlines(clock)
    staying = Session(0, clock, looked)
    deadlines.at(staying, 500.0)
    for i in range(1, COMPACT_AFTER // 2):
        session = Session(i, clock, looked)
        deadlines.at(session, clock.seconds() + 30)
        clock.advance(0.1)
        deadlines.forget(session)
    clock.advance(30 - clock.seconds())  # the first ended session's moment
    assert [call.getTime() for call in clock.getDelayedCalls()] == [500.0]
    assert looked == []


def test_clear_drops_everything_and_the_timer() -> None:
    clock, looked = Clock(), list[tuple[float, int]]()
    deadlines = Deadlines(clock)
    deadlines.at(Session(1, clock, looked), 5.0)
    deadlines.clear()
    assert clock.getDelayedCalls() == [] and len(deadlines) == 0
    clock.advance(10)
    assert looked == []


class Scripted(Session):
    """Looked at, it does the next of its reactions: ask again after a delay, fail (a bug in
    a dialogue's timeout), or nothing."""

    def __init__(
        self,
        name: int,
        clock: Clock,
        looked: list[tuple[float, int]],
        ask: Callable[[Scripted, float], None],
        reactions: list[float | str | None],
    ) -> None:
        super().__init__(name, clock, looked)
        self._ask = ask
        self._reactions = list(reactions)

    def check_time(self) -> None:
        super().check_time()
        reaction = self._reactions.pop(0) if self._reactions else None
        if reaction == "fail":
            raise RuntimeError("a dialogue's timeout failed")
        if isinstance(reaction, float):
            self._ask(self, reaction)


# One step: (session, delay) to ask, (session, None) to forget it, or advance the clock.
_OPS = st.lists(
    st.one_of(
        st.tuples(st.integers(0, 7), st.one_of(st.none(), st.floats(0, 20))),
        st.floats(0, 8).map(lambda t: ("advance", t)),
    ),
    max_size=80,
)
_REACTIONS = st.lists(
    st.lists(st.one_of(st.none(), st.just("fail"), st.floats(0, 10)), max_size=3),
    min_size=8,
    max_size=8,
)


@given(_OPS, _REACTIONS)
def test_deadlines_look_at_what_one_timer_per_session_would(
    ops: list[tuple[object, object]], reactions: list[list[float | str | None]]
) -> None:
    """Against a reference with a reactor timer of its own per session, cancelled or moved as
    the session asks: the same sessions looked at, at the same moments, whatever the sessions
    do when looked at (ask again, fail). Compaction comes early here (after 2 stale entries),
    and the heap never holds more than twice its live entries beyond that."""
    clock, looked = Clock(), list[tuple[float, int]]()
    deadlines = Deadlines(clock)
    ref_clock, ref_looked = Clock(), list[tuple[float, int]]()
    ref_timers: dict[int, IDelayedCall] = {}

    def ref_ask(session: Scripted, delay: float) -> None:
        timer = ref_timers.pop(session.name, None)
        if timer is not None and timer.active():
            timer.cancel()
        ref_timers[session.name] = ref_clock.callLater(delay, ref_look, session)

    def ref_look(session: Scripted) -> None:
        with contextlib.suppress(RuntimeError):  # the reactor would log it
            session.check_time()

    sessions = {
        i: Scripted(i, clock, looked, lambda s, d: deadlines.at(s, clock.seconds() + d), r)
        for i, r in enumerate(reactions)
    }
    ref_sessions = {
        i: Scripted(i, ref_clock, ref_looked, ref_ask, r) for i, r in enumerate(reactions)
    }
    with mock.patch.object(deadlines_module, "COMPACT_AFTER", 2):
        for what, value in ops:
            if what == "advance":
                assert isinstance(value, float)
                clock.advance(value)
                ref_clock.advance(value)
            elif value is None:
                assert isinstance(what, int)
                deadlines.forget(sessions[what])
                timer = ref_timers.pop(what, None)
                if timer is not None and timer.active():
                    timer.cancel()
            else:
                assert isinstance(what, int) and isinstance(value, float)
                deadlines.at(sessions[what], clock.seconds() + value)
                ref_ask(ref_sessions[what], value)
            assert len(deadlines) <= 2 * deadlines.waiting + 2
        for _ in range(4):  # each session asks again at most 3 times
            clock.advance(1000)
            ref_clock.advance(1000)
    assert sorted(looked) == sorted(ref_looked)
    assert deadlines.waiting == 0 and clock.getDelayedCalls() == []


def test_a_trap_holds_one_timer_for_its_open_sessions_and_none_when_idle() -> None:
    clock, events = Clock(), list[Event]()
    factory = make(clock, events)
    first, _ = connect(factory, "192.0.2.1")
    clock.advance(1)
    second, _ = connect(factory, "192.0.2.2")
    assert [call.getTime() for call in clock.getDelayedCalls()] == [LIMITS.idle_timeout]
    first.connectionLost()
    second.connectionLost()
    assert clock.getDelayedCalls() == []
    _third, transport = connect(factory, "192.0.2.3")
    clock.advance(LIMITS.idle_timeout)
    assert transport.disconnecting  # idle: closed at its own moment
