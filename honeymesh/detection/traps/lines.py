"""Splitting a byte stream into CRLF (or bare LF) terminated command lines, bounded.

Line-based protocols (FTP, SMTP, Redis's inline commands) all need the same thing: complete
lines out, a partial line kept for later, and a cap so that a client who never sends a newline
cannot make us hold more than ``max_line`` bytes (the overlong line is cut and flagged).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from honeymesh.detection.traps.base import Finding, Step
from honeymesh.events import JSONValue

LineHandler = Callable[[bytes, list[Finding]], tuple[bytes, bool]]


class LineBuffer:
    def __init__(self, max_line: int = 4096) -> None:
        self._max = max_line
        self._partial = bytearray()
        self.overlong = 0  # lines cut at max_line
        self._cut = False

    def feed(self, data: bytes) -> list[bytes]:
        """The complete lines in ``data`` (with what came before), without their line ends."""
        lines: list[bytes] = []
        start = 0
        while True:
            end = data.find(b"\n", start)
            if end < 0:
                self._keep(data[start:])
                return lines
            self._keep(data[start:end])
            line = bytes(self._partial)
            self._partial.clear()
            self._cut = False
            lines.append(line[:-1] if line.endswith(b"\r") else line)
            start = end + 1

    def take(self, data: bytes | bytearray, start: int = 0) -> tuple[bytes | None, int]:
        """The first complete line in ``data`` from ``start`` (with what came before it) and
        where the next begins; ``(None, len(data))`` once the rest, a partial line, is kept.
        For a dialogue that must act between lines (a BDAT chunk's raw bytes, an FTP transfer
        the next command waits for)."""
        end = data.find(b"\n", start)
        if end < 0:
            self.feed(bytes(data[start:]))
            return None, len(data)
        (line,) = self.feed(bytes(data[start : end + 1]))
        return line, end + 1

    def pending(self) -> bytes:
        return bytes(self._partial)

    def _keep(self, piece: bytes) -> None:
        room = self._max - len(self._partial)
        if len(piece) > room:
            piece = piece[:room]
            if not self._cut:
                self.overlong += 1
                self._cut = True
        self._partial += piece


def answer_lines(
    lines: LineBuffer, data: bytes, handle: LineHandler, detail: Mapping[str, JSONValue]
) -> Step:
    """Feed ``data``, answer each complete line with ``handle(line, findings)`` (reply bytes,
    close?), and stop at the first line that closes the session."""
    reply = bytearray()
    found: list[Finding] = []
    for line in lines.feed(data):
        answer, close = handle(line, found)
        reply += answer
        if close:
            return Step(bytes(reply), True, detail, tuple(found))
    return Step(bytes(reply), False, detail, tuple(found))
