"""argparse types for the benchmarks' numbers: one out of range is argparse's one-line error
("argument --rounds: at least 1, not 0"), not a traceback from deep in a run (a median of no
rounds, a rate over no time)."""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable


def count(text: str) -> int:
    """A whole number, at least 1: rounds, sessions, frames, clients."""
    return _whole(text, 1)


def amount(text: str) -> int:
    """A whole number, 0 or more: an optional part of a run (0: none of it)."""
    return _whole(text, 0)


def positive(text: str) -> float:
    """A finite number above 0: a rate, a time limit."""
    number = _number(text)
    if number <= 0:
        raise argparse.ArgumentTypeError(f"above 0, not {text}")
    return number


def span(text: str) -> float:
    """A finite number, 0 or more: a pause, a pace where 0 means as fast as it goes."""
    number = _number(text)
    if number < 0:
        raise argparse.ArgumentTypeError(f"0 or more, not {text}")
    return number


def share(text: str) -> float:
    """A fraction from 0 up to, not including, 1."""
    number = _number(text)
    if not 0 <= number < 1:
        raise argparse.ArgumentTypeError(f"from 0 up to 1, not {text}")
    return number


def counts(least: int) -> Callable[[str], list[int]]:
    """Whole numbers separated by commas, each at least ``least``: the sizes of a run's meshes."""

    def parse(text: str) -> list[int]:
        return [_whole(part, least) for part in text.split(",")]

    return parse


def _whole(text: str, least: int) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a whole number, not {text!r}") from None
    if number < least:
        raise argparse.ArgumentTypeError(f"at least {least}, not {text}")
    return number


def _number(text: str) -> float:
    try:
        number = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a number, not {text!r}") from None
    if not math.isfinite(number):
        raise argparse.ArgumentTypeError(f"a finite number, not {text}")
    return number
