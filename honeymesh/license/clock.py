"""``license.clock``: the highest trusted time this node has seen, so a clock set back is noticed.

A Pro license expires; turning the system clock back must not bring it back to life. The node keeps
a *mark*, the highest wall-clock time it has trusted, in ``DIR/license.clock``: one line of ASCII,

    honeymesh-clock/1 <mark, whole seconds since 1970 UTC> <HMAC-SHA256, 64 hex digits>\\n

The MAC covers ``"honeymesh-clock/1 <mark>"`` under a key only this node holds, derived from its
identity seed (``clock_key_from_seed``, equal to ``NodeIdentity.derive_secret("license.clock")``),
so the file cannot be edited to an earlier mark without the change being seen. It is written
atomically (temp file, fsync, rename, fsync of the directory): a crash leaves the old mark or the
new one, never a torn file.

The rules (``judge_clock``, pure):

* The wall clock earlier than the mark by more than the tolerance: ``clock_rollback``; the mark is
  kept and not lowered. Within the tolerance the mark stands in for "now" when judging expiry.
* A mark is only ever raised, to the current time, while the clock is sane.
* Missing, edited or unreadable while a Pro license is in use (in force by the system clock): Pro
  stops, and the file is *not* repaired automatically (that would erase what was being
  protected): the operator runs ``honeymesh license reset-clock``. With no Pro license in use a
  fresh clock is simply started.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import re
from dataclasses import dataclass
from pathlib import Path

from honeymesh.filemodes import replace_file
from honeymesh.license.verify import format_time

CLOCK_FORMAT = "honeymesh-clock/1"
CLOCK_FILE = "license.clock"
CLOCK_KEY_PURPOSE = "license.clock"
MAX_CLOCK_BYTES = 256
MAX_MARK = 253402300799
_LINE = re.compile(rb"honeymesh-clock/1 (0|[1-9][0-9]{0,11}) ([0-9a-f]{64})\n?")


class ClockFault(enum.StrEnum):
    """Why the clock cannot be trusted. Values are stable: status and events carry them."""

    MISSING = "clock_missing"
    TAMPERED = "clock_tampered"  # not a clock file, or its MAC does not match its mark
    UNREADABLE = "clock_unreadable"
    UNWRITABLE = "clock_unwritable"  # the raised mark could not be recorded
    ROLLBACK = "clock_rollback"


class ClockFileError(Exception):
    def __init__(self, fault: ClockFault, detail: str) -> None:
        self.fault = fault
        self.detail = detail
        super().__init__(f"{fault}: {detail}")


RESET_HINT = "if this is expected, run `honeymesh license reset-clock` to start a new clock"


def clock_key_from_seed(seed: bytes) -> bytes:
    """The MAC key for ``license.clock``, from the node's 32-byte identity seed."""
    return hmac.new(seed, CLOCK_KEY_PURPOSE.encode("ascii"), hashlib.sha256).digest()


def _mac(key: bytes, mark: int) -> str:
    return hmac.new(key, f"{CLOCK_FORMAT} {mark}".encode("ascii"), hashlib.sha256).hexdigest()


def encode_clock(mark: int, key: bytes) -> bytes:
    if not 0 <= mark <= MAX_MARK:
        raise ValueError(f"clock mark {mark} is out of range")
    return f"{CLOCK_FORMAT} {mark} {_mac(key, mark)}\n".encode("ascii")


def parse_clock(data: bytes, key: bytes) -> int:
    """The mark in a clock file, or ``ClockFileError(TAMPERED)``."""
    if len(data) > MAX_CLOCK_BYTES:
        raise ClockFileError(ClockFault.TAMPERED, f"license.clock is {len(data)} bytes, too long")
    m = _LINE.fullmatch(data)
    if m is None:
        raise ClockFileError(ClockFault.TAMPERED, "license.clock is not a clock file")
    mark = int(m.group(1))
    if mark > MAX_MARK:
        raise ClockFileError(ClockFault.TAMPERED, "license.clock holds a time past year 9999")
    if not hmac.compare_digest(m.group(2).decode("ascii"), _mac(key, mark)):
        raise ClockFileError(
            ClockFault.TAMPERED, "license.clock was edited or written by another node (bad MAC)"
        )
    return mark


@dataclass(frozen=True)
class ClockReading:
    """What ``license.clock`` held: a mark, or the fault that kept it from being read."""

    mark: int | None
    fault: ClockFault | None = None
    detail: str = ""


class ClockFile:
    """The ``license.clock`` file: read it, and replace it atomically."""

    def __init__(self, path: Path, key: bytes) -> None:
        if len(key) < 16:
            raise ValueError("the clock MAC key must be at least 16 bytes")
        self.path = path
        self._key = key

    def read(self) -> ClockReading:
        try:
            with self.path.open("rb") as f:
                data = f.read(MAX_CLOCK_BYTES + 1)
        except FileNotFoundError:
            return ClockReading(None, ClockFault.MISSING, f"{self.path} does not exist")
        except OSError as e:
            return ClockReading(None, ClockFault.UNREADABLE, f"{self.path}: {e.strerror}")
        try:
            return ClockReading(parse_clock(data, self._key))
        except ClockFileError as e:
            return ClockReading(None, e.fault, e.detail)

    def write(self, mark: int) -> None:
        """Replace the file with ``mark``: temp file, fsync, rename, fsync the folder."""
        replace_file(self.path, encode_clock(mark, self._key))


@dataclass(frozen=True)
class ClockJudgement:
    """What the clock says about now: the time to judge licenses by, or why it is not trusted."""

    trusted_now: float  # the later of the wall clock and the mark
    mark: int | None  # the mark after this judgement (what is, or is about to be, on disk)
    fault: ClockFault | None
    detail: str
    write: int | None = None  # a mark to record now
    started: bool = False  # ``write`` starts a fresh clock (the old one was missing or damaged)


def judge_clock(
    reading: ClockReading, *, now: float, tolerance: float, pro_in_use: bool
) -> ClockJudgement:
    """Apply the clock rules to one reading of the file at wall-clock time ``now``."""
    whole_now = min(max(int(now), 0), MAX_MARK)
    if reading.mark is not None:
        mark = reading.mark
        if now < mark - tolerance:
            return ClockJudgement(
                trusted_now=mark,
                mark=mark,
                fault=ClockFault.ROLLBACK,
                detail=(
                    f"the system clock reads {format_time(now)}, {mark - now:.0f} s before "
                    f"{format_time(mark)}, a time this node has already seen (tolerance "
                    f"{tolerance:.0f} s); Pro resumes once the clock is correct again"
                ),
            )
        write = whole_now if whole_now > mark else None
        return ClockJudgement(
            trusted_now=max(now, mark),
            mark=max(mark, whole_now),
            fault=None,
            detail="",
            write=write,
        )
    fault = reading.fault or ClockFault.MISSING
    if pro_in_use or fault is ClockFault.UNREADABLE:
        return ClockJudgement(
            trusted_now=now, mark=None, fault=fault, detail=f"{reading.detail}; {RESET_HINT}"
        )
    return ClockJudgement(
        trusted_now=now,
        mark=whole_now,
        fault=None,
        detail=f"started a new clock ({reading.detail})",
        write=whole_now,
        started=True,
    )
