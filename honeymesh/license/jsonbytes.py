"""JSON to and from exact bytes, for documents that are signed, MACed or handed in by strangers.

``canonical_json`` gives one byte string per value (sorted keys, no spaces, UTF-8), so that what is
signed can be reproduced. ``parse_json`` is the only way this package reads JSON: it enforces a
byte budget, refuses duplicate keys, ``NaN``/``Infinity`` and nesting deep enough to exhaust the
stack, and turns every failure into one ``JSONProblem`` that says whether the text looks cut short
(``truncated``) or is simply not JSON.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Literal

MAX_DEPTH = 32


class JSONProblem(Exception):
    """The bytes are not a JSON document this package accepts."""

    def __init__(self, kind: Literal["too_large", "truncated", "not_json"], detail: str) -> None:
        self.kind = kind
        self.detail = detail
        super().__init__(detail)


def canonical_json(value: Any) -> bytes:
    """The one byte encoding of ``value``: sorted keys, no whitespace, UTF-8."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def parse_json(data: bytes, *, budget: int, what: str) -> Any:
    """Decode ``data`` (at most ``budget`` bytes) or raise ``JSONProblem``; ``what`` names it."""
    if len(data) > budget:
        raise JSONProblem("too_large", f"{what} is {len(data)} bytes; the limit is {budget}")
    if not data.strip():
        raise JSONProblem("truncated", f"{what} is empty")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise JSONProblem("not_json", f"{what} is not UTF-8 text (byte {e.start})") from None
    _check_depth(text, what)
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except json.JSONDecodeError as e:
        cut_short = e.pos >= len(text.rstrip()) or e.msg.startswith("Unterminated string")
        if cut_short and text.lstrip()[:1] in ("{", "["):
            raise JSONProblem(
                "truncated", f"{what} ends early: the JSON is cut off after {len(data)} bytes"
            ) from None
        raise JSONProblem(
            "not_json", f"{what} is not JSON ({e.msg} at line {e.lineno} column {e.colno})"
        ) from None
    except _Refused as e:
        raise JSONProblem("not_json", f"{what}: {e}") from None
    except (ValueError, RecursionError) as e:  # e.g. an integer with too many digits
        raise JSONProblem("not_json", f"{what} is not JSON this reader accepts ({e})") from None


class _Refused(ValueError):
    pass


def _no_duplicates(pairs: Sequence[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Refused(f"the key {key!r} appears twice")
        out[key] = value
    return out


def _no_constant(name: str) -> Any:
    raise _Refused(f"{name} is not a JSON number")


def _check_depth(text: str, what: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH before the recursive decoder sees it."""
    depth = 0
    in_string = False
    escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise JSONProblem("not_json", f"{what} nests deeper than {MAX_DEPTH} levels")
        elif ch in "]}":
            depth -= 1
