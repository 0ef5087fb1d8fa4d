"""Ban durations as people type them ("1h", "30m", "2d", "1h30m", "permanent") and as seconds.

Internally a duration is seconds as a float, and ``None`` means permanent. ``parse_duration`` is
the one way in from the CLI and the API; it returns a value or raises ``DurationError``.
"""

from __future__ import annotations

import math
import re

PERMANENT_WORDS = frozenset({"permanent", "forever", "never"})
UNITS = {"s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0, "w": 7 * 86400.0}
MAX_DURATION = 10 * 365 * 86400.0  # ten years: anything longer is a typo or "permanent"
_MAX_TEXT = 64
_PART = re.compile(r"(\d+(?:\.\d+)?)([smhdw])")


class DurationError(ValueError):
    """Text that is not a duration, or a duration that is not positive and finite."""


def parse_duration(text: str) -> float | None:
    """Seconds for "90", "90s", "30m", "1h", "1h30m", "2d", "1w"; None for "permanent"."""
    if not isinstance(text, str):
        raise DurationError(f"a duration is text such as '1h', got {type(text).__name__}")
    cleaned = text.strip().lower()
    if len(cleaned) > _MAX_TEXT:
        raise DurationError(f"duration is too long ({len(cleaned)} characters)")
    if cleaned in PERMANENT_WORDS:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", cleaned):
        return check_seconds(float(cleaned))
    parts = _PART.findall(cleaned)
    if not cleaned or "".join(n + u for n, u in parts) != cleaned:
        raise DurationError(
            f"{text!r} is not a duration: use a number with s, m, h, d or w "
            "(for example 30m, 1h30m, 2d) or 'permanent'"
        )
    units = [u for _, u in parts]
    if len(set(units)) != len(units):
        raise DurationError(f"{text!r} repeats a unit")
    return check_seconds(sum(float(n) * UNITS[u] for n, u in parts))


def check_seconds(seconds: float) -> float:
    """A duration in seconds as given, if it is finite, positive and at most ten years."""
    if isinstance(seconds, bool) or not isinstance(seconds, int | float):
        raise DurationError(f"a duration is a number of seconds, got {type(seconds).__name__}")
    if isinstance(seconds, int) and abs(seconds) > 2**53:  # JSON gives any size; float() overflows
        raise DurationError(
            "a duration must be a positive number of seconds up to ten years; "
            "use 'permanent' for longer"
        )
    if not math.isfinite(seconds) or seconds <= 0:
        raise DurationError(f"a duration must be a positive number of seconds, got {seconds!r}")
    if seconds > MAX_DURATION:
        raise DurationError(
            f"a duration of {seconds:.0f} s is more than ten years; use 'permanent' instead"
        )
    return float(seconds)


def format_duration(seconds: float | None) -> str:
    """The inverse for display: 5400.0 -> "1h30m", None -> "permanent"."""
    if seconds is None:
        return "permanent"
    remaining = round(seconds)
    if remaining <= 0:
        return "0s"
    out = []
    for unit in ("w", "d", "h", "m", "s"):
        size = int(UNITS[unit])
        count, remaining = divmod(remaining, size)
        if count:
            out.append(f"{count}{unit}")
    return "".join(out)


__all__ = [
    "MAX_DURATION",
    "DurationError",
    "check_seconds",
    "format_duration",
    "parse_duration",
]
