"""Attacker-controlled text made safe to show: one escaping, used by every surface.

A trap records what a client sent (a username, a command, a preview), and that text reaches the
TUI, the CLI's tables, the dashboard, the console log. Shown raw, a CR or LF starts a row the
node never wrote (row forging), ``ESC [`` drives the operator's terminal (colours, cursor moves,
a cleared screen, a changed title), and a bidi override (U+202E) shows ``exe.txt`` for
``txt.exe``. So every surface shows such text through ``shown``, which writes each of these
characters as an escape, the same way everywhere:

* ``\\r``, ``\\n``, ``\\t`` by their names;
* the other C0 controls, DEL and the C1 controls as ``\\xNN`` (ESC is ``\\x1b``, so an ANSI
  sequence shows as ``\\x1b[31m``, inert);
* the bidi controls (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069), the line and
  paragraph separators (U+2028, U+2029) and lone surrogates (U+D800-U+DFFF, text stored before
  input was checked) as ``\\uNNNN``.

Everything else, printable text in any script included, is shown as it is. The dashboard has
the same function in ``static/app.js`` (``shown``), tested against the same samples. JSON
output is left to JSON, which escapes by itself.

This module is neutral: it imports nothing of HoneyMesh, so every layer may use it.
"""

from __future__ import annotations

import re
import unicodedata

_NAMED = {"\r": "\\r", "\n": "\\n", "\t": "\\t"}

# One character class for everything escaped; static/app.js spells the same class.
UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(text: str) -> str:
    """``text`` with every control, bidi and separator character and every lone surrogate
    written as its escape: one line, inert in a terminal, and encodable as UTF-8."""
    return UNSAFE.sub(_escape, text)


def width(text: str) -> int:
    """Terminal columns ``text`` takes: East Asian wide and full-width characters two, combining
    marks none."""
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


def table(
    rows: list[list[str]], *, right: frozenset[int] = frozenset(), gap: str = "  "
) -> list[str]:
    """Rows of cells as lines whose columns line up: each column as wide as its widest cell
    (shown, so an escape counts at its shown width), numbers (the ``right`` columns) aligned
    right, the last column never padded. A long IPv6 address or one with a zone
    (``fe80::1%eth0``) widens its column instead of pushing the next ones out of line."""
    cells = [[shown(c) for c in row] for row in rows]
    count = max((len(row) for row in cells), default=0)
    widths = [max((width(r[i]) for r in cells if i < len(r)), default=0) for i in range(count)]
    lines = []
    for row in cells:
        out = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - width(cell))
            if i in right:
                out.append(pad + cell)
            elif i == len(row) - 1:
                out.append(cell)
            else:
                out.append(cell + pad)
        lines.append(gap.join(out).rstrip())
    return lines
