"""Per-publisher replay windows: each sequence number is accepted once, out of order or not."""

from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import given
from hypothesis import strategies as st

from honeymesh.mesh.replay import WINDOW, ReplayWindow, Seen


@dataclass
class Model:
    """What the window promises: a set of accepted numbers, and nothing below top - WINDOW + 1."""

    accepted: set[int] = field(default_factory=set)

    @property
    def top(self) -> int:
        return max(self.accepted, default=0)

    def check(self, seq: int) -> Seen:
        if seq > self.top:
            return "new"
        if self.top - seq >= WINDOW:
            return "stale"
        return "replay" if seq in self.accepted else "new"

    def missing(self) -> int:
        low = max(1, self.top - WINDOW + 1)
        return sum(1 for s in range(low, self.top + 1) if s not in self.accepted)


def test_a_number_is_accepted_once() -> None:
    w = ReplayWindow()
    assert w.check(1) == "new"
    w.mark(1)
    assert w.check(1) == "replay"
    assert w.check(2) == "new"


def test_numbers_may_arrive_out_of_order_inside_the_window() -> None:
    w = ReplayWindow()
    for seq in (5, 3, 4, 1):
        assert w.check(seq) == "new"
        w.mark(seq)
    assert [w.check(s) for s in range(1, 7)] == [
        "replay",
        "new",
        "replay",
        "replay",
        "replay",
        "new",
    ]
    assert w.missing() == 1  # 2 never came: it is still welcome


def test_the_window_is_exactly_WINDOW_numbers_deep() -> None:
    w = ReplayWindow()
    w.mark(WINDOW + 10)
    assert w.check(11) == "new"  # top - 1023: the deepest number still remembered
    assert w.check(10) == "stale"
    w.mark(11)
    assert w.check(11) == "replay"


def test_a_jump_beyond_the_window_forgets_everything_below() -> None:
    w = ReplayWindow()
    for seq in range(1, 50):
        w.mark(seq)
    w.mark(10_000)
    assert w.check(10_000) == "replay"
    assert w.check(9_999) == "new"
    assert w.check(49) == "stale"
    assert w.missing() == WINDOW - 1


def test_marking_a_number_below_the_window_changes_nothing() -> None:
    w = ReplayWindow()
    w.mark(WINDOW + 5000)
    w.mark(1)  # stale: the gate never marks one, but the window must stay a window
    assert w.check(1) == "stale"
    assert w == ReplayWindow(top=WINDOW + 5000, bits=1)
    assert len(w.to_bytes()) == WINDOW // 8


def test_the_state_is_a_kibibyte_and_survives_a_restart() -> None:
    w = ReplayWindow()
    top = WINDOW + 2000
    for seq in (1, 7, 300, top - 801, top - 800, top):
        w.mark(seq)
    data = w.to_bytes()
    assert len(data) == 1024 == len(ReplayWindow().to_bytes())
    restored = ReplayWindow.from_bytes(w.top, data)
    assert restored == w
    lowest = top - WINDOW + 1
    assert [restored.check(s) for s in (top - 801, top - 800, top - 799, lowest - 1, lowest)] == [
        "replay",
        "replay",
        "new",
        "stale",
        "new",
    ]


def test_persisted_bits_beyond_the_window_are_ignored() -> None:
    restored = ReplayWindow.from_bytes(10, b"\xff" * (WINDOW // 8 + 200))
    assert restored.bits == (1 << WINDOW) - 1
    assert len(restored.to_bytes()) == WINDOW // 8


near = st.integers(-WINDOW - 200, 40)  # how far from the current top the next number lands


@given(st.lists(st.tuples(near, st.booleans()), max_size=120), st.integers(1, 3000))
def test_the_window_agrees_with_a_set_of_accepted_numbers(
    steps: list[tuple[int, bool]], start: int
) -> None:
    w, model = ReplayWindow(), Model()
    for delta, accept in steps:
        seq = max(1, (model.top or start) + delta)
        seen = w.check(seq)
        assert seen == model.check(seq)
        if accept and seen == "new":  # as the gate does: mark only what verified
            w.mark(seq)
            model.accepted.add(seq)
        assert w.top == model.top
        assert w.missing() == model.missing()
    restored = ReplayWindow.from_bytes(w.top, w.to_bytes())
    for seq in range(max(1, w.top - WINDOW - 5), w.top + 5):
        assert restored.check(seq) == model.check(seq)


@given(st.lists(st.integers(1, 5000), max_size=200))
def test_marking_anything_keeps_the_window_persistable(seqs: list[int]) -> None:
    w = ReplayWindow()
    for seq in seqs:
        w.mark(seq)
        assert 0 <= w.bits < 1 << WINDOW
        assert w.check(seq) != "new"
    assert ReplayWindow.from_bytes(w.top, w.to_bytes()) == w
