"""Per-publisher replay state: a sliding window of sequence numbers (RFC 6479, as WireGuard does).

Each publisher numbers its signals 1, 2, 3, ... A receiver keeps the highest number it accepted
(``top``) and one bit for each of the ``WINDOW`` numbers below it. A number above ``top`` moves
the window; one inside it is accepted once; one below it is too old to tell and is refused. The
state is ``WINDOW / 8`` bytes plus the top: 1 KiB at 8,192, whatever the traffic, and it is
persisted so that a restart does not reopen old numbers.

Numbers may arrive out of order (gossip takes different paths), which is why this is a window
and not a high-water mark.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

WINDOW = 8192  # as WireGuard's 8,128: 1 KiB a publisher
_MASK = (1 << WINDOW) - 1

Seen = Literal["new", "replay", "stale"]


@dataclass
class ReplayWindow:
    top: int = 0
    bits: int = 0  # bit i set: sequence number top - i was accepted (bit 0 is top itself)

    def check(self, seq: int) -> Seen:
        """Would ``seq`` be new? (No change is made: ``mark`` after the signature verifies.)"""
        if seq > self.top:
            return "new"
        offset = self.top - seq
        if offset >= WINDOW:
            return "stale"
        return "replay" if (self.bits >> offset) & 1 else "new"

    def mark(self, seq: int) -> None:
        """Accept ``seq``. A number below the window cannot be remembered and changes nothing
        (a bit beyond the window would make ``to_bytes`` fail and the state unpersistable)."""
        if seq > self.top:
            shift = seq - self.top
            self.bits = ((self.bits << shift) | 1) & _MASK if shift < WINDOW else 1
            self.top = seq
        elif self.top - seq < WINDOW:
            self.bits |= 1 << (self.top - seq)

    def missing(self) -> int:
        """How many numbers inside the window (at or below top) were never seen."""
        span = min(self.top, WINDOW)
        return span - bin(self.bits & ((1 << span) - 1)).count("1")

    def to_bytes(self) -> bytes:
        return self.bits.to_bytes(WINDOW // 8, "big")

    @classmethod
    def from_bytes(cls, top: int, data: bytes) -> ReplayWindow:
        return cls(top=top, bits=int.from_bytes(data[: WINDOW // 8], "big") & _MASK)
