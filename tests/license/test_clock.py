"""license.clock: the MACed mark, its atomic file, and the rollback rules."""

from __future__ import annotations

import hashlib
import hmac
import os
import stat
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from honeymesh.license.clock import (
    ClockFault,
    ClockFile,
    ClockFileError,
    ClockReading,
    clock_key_from_seed,
    encode_clock,
    judge_clock,
    parse_clock,
)

from .helpers import CLOCK_KEY, NODE_SEED, T0, clock_file

HOUR = 3600


def test_round_trip() -> None:
    assert parse_clock(encode_clock(T0, CLOCK_KEY), CLOCK_KEY) == T0


def test_the_key_is_the_identity_derived_secret() -> None:
    """The documented derivation: HMAC-SHA256(seed, "license.clock"), as NodeIdentity does it."""
    assert (
        clock_key_from_seed(NODE_SEED)
        == hmac.new(NODE_SEED, b"license.clock", hashlib.sha256).digest()
    )
    assert clock_key_from_seed(NODE_SEED) != clock_key_from_seed(b"\x09" * 32)


def test_an_edited_mark_is_caught() -> None:
    good = encode_clock(T0, CLOCK_KEY)
    edited = good.replace(str(T0).encode(), str(T0 - 90 * 86400).encode())
    with pytest.raises(ClockFileError) as info:
        parse_clock(edited, CLOCK_KEY)
    assert info.value.fault is ClockFault.TAMPERED
    assert "bad MAC" in info.value.detail


def test_a_clock_from_another_node_is_caught() -> None:
    other = encode_clock(T0, clock_key_from_seed(b"\x09" * 32))
    with pytest.raises(ClockFileError) as info:
        parse_clock(other, CLOCK_KEY)
    assert info.value.fault is ClockFault.TAMPERED


@given(st.binary(max_size=400))
def test_arbitrary_bytes_give_a_typed_error_only(data: bytes) -> None:
    with pytest.raises(ClockFileError) as info:
        parse_clock(data, CLOCK_KEY)
    assert info.value.fault is ClockFault.TAMPERED


@given(
    st.integers(min_value=0, max_value=253402300799),
    st.integers(min_value=0),
    st.integers(min_value=0, max_value=255),
)
def test_any_byte_change_in_a_real_file_is_caught(mark: int, position: int, value: int) -> None:
    data = bytearray(encode_clock(mark, CLOCK_KEY))
    i = position % len(data)
    if data[i] == value or (i == len(data) - 1 and value == 10):
        return
    data[i] = value
    with pytest.raises(ClockFileError):
        parse_clock(bytes(data), CLOCK_KEY)


# The file ------------------------------------------------------------------------------------


def test_file_write_is_atomic_private_and_leaves_no_temp(tmp_path: Path) -> None:
    clock = clock_file(tmp_path)
    clock.write(T0)
    clock.write(T0 + 5)
    assert clock.read() == ClockReading(T0 + 5)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["license.clock"]
    assert stat.S_IMODE(os.stat(clock.path).st_mode) == 0o600


def test_file_read_faults(tmp_path: Path) -> None:
    clock = clock_file(tmp_path)
    assert clock.read().fault is ClockFault.MISSING
    clock.path.write_bytes(b"garbage")
    assert clock.read().fault is ClockFault.TAMPERED
    clock.path.unlink()
    clock.path.mkdir()
    assert clock.read().fault is ClockFault.UNREADABLE


def test_a_failed_write_keeps_the_old_mark(tmp_path: Path) -> None:
    clock = clock_file(tmp_path)
    clock.write(T0)
    blocked = ClockFile(tmp_path / "not-a-dir" / "license.clock", CLOCK_KEY)
    (tmp_path / "not-a-dir").write_text("a file, so nothing can be created under it")
    with pytest.raises(OSError):
        blocked.write(T0 + 1)
    assert clock.read() == ClockReading(T0)


# The rules -----------------------------------------------------------------------------------


def judge(reading: ClockReading, now: float, pro: bool = True, tolerance: float = HOUR):
    return judge_clock(reading, now=now, tolerance=tolerance, pro_in_use=pro)


def test_sane_clock_raises_the_mark() -> None:
    j = judge(ClockReading(T0), T0 + 100.7)
    assert j.fault is None
    assert j.write == T0 + 100
    assert j.trusted_now == T0 + 100.7


def test_within_tolerance_the_mark_stands_for_now_and_is_not_lowered() -> None:
    j = judge(ClockReading(T0), T0 - HOUR + 1)
    assert j.fault is None
    assert j.write is None
    assert j.trusted_now == T0


def test_beyond_tolerance_is_a_rollback() -> None:
    j = judge(ClockReading(T0), T0 - HOUR - 1)
    assert j.fault is ClockFault.ROLLBACK
    assert j.write is None
    assert j.mark == T0
    assert "Pro resumes once the clock is correct again" in j.detail


@pytest.mark.parametrize("fault", [ClockFault.MISSING, ClockFault.TAMPERED])
def test_missing_or_tampered_with_pro_in_use_is_not_repaired(fault: ClockFault) -> None:
    j = judge(ClockReading(None, fault, "x"), T0)
    assert j.fault is fault
    assert j.write is None
    assert "reset-clock" in j.detail


@pytest.mark.parametrize("fault", [ClockFault.MISSING, ClockFault.TAMPERED])
def test_missing_or_tampered_without_pro_starts_a_new_clock(fault: ClockFault) -> None:
    j = judge(ClockReading(None, fault, "x"), T0 + 0.5, pro=False)
    assert j.fault is None
    assert j.write == T0
    assert j.started
