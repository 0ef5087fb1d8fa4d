"""Durations as operators type them: a value or one typed error, never anything else."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from honeymesh.enforcement.durations import (
    DurationError,
    check_seconds,
    format_duration,
    parse_duration,
)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("90", 90.0),
        ("90s", 90.0),
        ("30m", 1800.0),
        ("1h", 3600.0),
        (" 1H30M ", 5400.0),
        ("2d", 172800.0),
        ("1w", 604800.0),
        ("1.5h", 5400.0),
        ("permanent", None),
        ("Forever", None),
    ],
)
def test_durations_people_type(text: str, seconds: float | None) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(
    "text",
    ["", "h", "1x", "-1h", "0", "0s", "1h1h", "1 h", "1h-5m", "nan", "inf", "11000d", "9" * 80],
)
def test_bad_durations_are_refused_with_a_clear_message(text: str) -> None:
    with pytest.raises(DurationError) as caught:
        parse_duration(text)
    assert str(caught.value)


@pytest.mark.parametrize(
    "seconds", [10**400, -(10**400), 2**53 + 1], ids=["10**400", "-10**400", "2**53+1"]
)
def test_integers_too_large_for_a_float_are_refused(seconds: int) -> None:
    # Found while building fuzz/banfile.py: a ban file's JSON "duration" of 400 digits made
    # math.isfinite raise OverflowError inside the import check.
    with pytest.raises(DurationError, match="up to ten years"):
        check_seconds(seconds)


def test_a_non_text_duration_is_refused() -> None:
    with pytest.raises(DurationError):
        parse_duration(3600)  # type: ignore[arg-type]


@given(st.text(max_size=80))
def test_any_text_gives_a_duration_or_duration_error(text: str) -> None:
    try:
        value = parse_duration(text)
    except DurationError:
        return
    assert value is None or 0 < value <= 10 * 365 * 86400


@given(st.integers(min_value=1, max_value=10 * 365 * 86400))
def test_format_and_parse_round_trip(seconds: int) -> None:
    assert parse_duration(format_duration(seconds)) == seconds


def test_format_permanent() -> None:
    assert format_duration(None) == "permanent"
    assert format_duration(5400) == "1h30m"
