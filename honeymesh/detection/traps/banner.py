"""The generic banner trap: greet like a real service, then listen and remember.

It answers nothing after the banner, which is what many half-open services do, and lets the
client talk until it gives up, times out or spends its byte budget.
"""

from __future__ import annotations

from honeymesh.detection.traps.base import Step


class BannerDialogue:
    def __init__(self, banner: bytes) -> None:
        self._banner = banner
        self.lines_seen = 0

    def start(self) -> Step:
        return Step(reply=self._banner)

    def receive(self, data: bytes) -> Step:
        self.lines_seen += data.count(b"\n")
        return Step(detail={"lines": self.lines_seen})

    def stop(self) -> None:
        pass
