"""Ban files, in and out: plain text (one address or CIDR per line), CSV and JSON. Sans-IO.

``parse_bans(data, fmt)`` turns an uploaded file into ``BanImport`` entries (each with its line,
or item, number) or raises ``BanFileError`` naming the first line it cannot read; it never
checks addresses or durations (the facade does, for the whole file, before banning anything).
``BanWriter`` writes what ``GET /api/v1/bans/export`` returns, a page at a time; every format
it writes, ``parse_bans`` reads back to the same networks, expiries and reasons.

Text: ``#`` starts a comment; blank lines are skipped.
CSV: a header row naming the columns; ``network`` is required; ``duration`` ("1h", seconds or
"permanent"), ``expires`` (Unix seconds; empty: permanent) and ``reason`` are optional; other
columns (``source``, ``created``, ``offence``, as exported) are ignored.
JSON: a list, or ``{"bans": [...]}``; each item an address string or an object with ``network``
and optionally ``duration``, ``expires``, ``permanent``, ``reason`` or ``reasons``.
STIX 2.1 (``stix``, or a JSON file that is a STIX bundle): each Indicator whose pattern is only
``ipv4-addr``/``ipv6-addr`` value comparisons joined by OR (what ``--format stix`` exports, and
what MISP and OpenCTI write for addresses) bans each address until its ``valid_until`` (none:
the import's default duration), with its name as the reason. Revoked indicators, benign ones
(an allow is not a ban) and indicators of anything else (domains, hashes, URLs) are left out;
a bundle with no address indicator at all is refused.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any, Literal

from honeymesh.control import MAX_REASON_CHARS, BanImport
from honeymesh.events import JSONValue

Format = Literal["text", "csv", "json"]
FORMATS: tuple[Format, ...] = ("text", "csv", "json")
ImportFormat = Literal["text", "csv", "json", "stix"]
IMPORT_FORMATS: tuple[ImportFormat, ...] = ("text", "csv", "json", "stix")
MEDIA_TYPES: Mapping[Format, str] = {
    "text": "text/plain; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
}
MAX_ENTRIES = 100_000
MAX_FIELD = 4096
CSV_COLUMNS = ("network", "expires", "reason", "source", "created", "offence")


class BanFileError(ValueError):
    """A ban file that cannot be read; ``line`` is 1-based (0: the file as a whole)."""

    def __init__(self, line: int, problem: str) -> None:
        self.line = line
        self.problem = problem
        super().__init__(f"line {line}: {problem}" if line else problem)


def format_for_media_type(media_type: str) -> ImportFormat | None:
    return {
        "text/plain": "text",
        "text/csv": "csv",
        "application/csv": "csv",
        "application/json": "json",
        "application/stix+json": "stix",
    }.get(media_type)  # type: ignore[return-value]


# Reading ---------------------------------------------------------------------------------------


def parse_bans(data: bytes, fmt: ImportFormat) -> list[BanImport]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise BanFileError(0, f"the file is not UTF-8 text (byte {e.start})") from None
    if fmt == "text":
        entries = _parse_text(text)
    elif fmt == "csv":
        entries = _parse_csv(text)
    elif fmt in ("json", "stix"):
        entries = _parse_json(text, stix=fmt == "stix")
    else:
        raise BanFileError(0, f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return entries


def _parse_text(text: str) -> list[BanImport]:
    out: list[BanImport] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        if len(parts) != 1:
            raise BanFileError(number, "one address or CIDR per line (add comments after #)")
        _count(out, number)
        out.append(BanImport(line=number, network=_bounded(parts[0], number, "address")))
    return out


def _parse_csv(text: str) -> list[BanImport]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    out: list[BanImport] = []
    header: list[str] | None = None
    try:
        for row in reader:
            number = reader.line_num
            if not row or all(not cell.strip() for cell in row):
                continue
            if header is None:
                header = [cell.strip().lower() for cell in row]
                if "network" not in header:
                    raise BanFileError(number, "the header row must name a 'network' column")
                continue
            if len(row) > len(header):
                raise BanFileError(number, f"{len(row)} fields but the header names {len(header)}")
            cells = dict(zip(header, (c.strip() for c in row), strict=False))
            _count(out, number)
            out.append(_entry_from_cells(cells, number))
    except csv.Error as e:
        raise BanFileError(reader.line_num, f"not valid CSV: {e}") from None
    if header is None:
        raise BanFileError(0, "the CSV file is empty (it needs a header row naming 'network')")
    return out


def _entry_from_cells(cells: Mapping[str, str], number: int) -> BanImport:
    network = _bounded(cells.get("network", ""), number, "network")
    if not network:
        raise BanFileError(number, "the network field is empty")
    reason = _bounded(cells.get("reason", ""), number, "reason")
    reasons = (reason,) if reason else ()
    if "expires" in cells:
        text = cells["expires"]
        if not text:
            return BanImport(line=number, network=network, permanent=True, reasons=reasons)
        return BanImport(
            line=number, network=network, expires=_unix_time(text, number), reasons=reasons
        )
    duration = _bounded(cells.get("duration", ""), number, "duration")
    return BanImport(line=number, network=network, duration=duration or None, reasons=reasons)


def _parse_json(text: str, *, stix: bool = False) -> list[BanImport]:
    try:
        doc = json.loads(text, parse_constant=_reject_constant)
    except (json.JSONDecodeError, ValueError, RecursionError) as e:
        raise BanFileError(0, f"not valid JSON: {e}") from None
    try:
        json.dumps(doc, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise BanFileError(
            0, "the file holds a lone surrogate (\\uD800-\\uDFFF), which is not text"
        ) from None
    if stix or (isinstance(doc, dict) and doc.get("type") == "bundle"):
        return _parse_stix(doc)
    if isinstance(doc, dict):
        if "bans" not in doc:
            raise BanFileError(0, 'a JSON object must hold the list under "bans"')
        doc = doc["bans"]
    if not isinstance(doc, list):
        raise BanFileError(0, 'expected a JSON list of bans (or {"bans": [...]})')
    if len(doc) > MAX_ENTRIES:
        raise BanFileError(0, f"{len(doc)} entries; one import takes at most {MAX_ENTRIES}")
    return [_entry_from_json(item, number) for number, item in enumerate(doc, start=1)]


# One comparison of an address indicator's pattern: [ipv4-addr:value = '198.51.100.7'].
_COMPARISON = re.compile(r"(ipv4-addr|ipv6-addr):value\s*=\s*'([^'\\]{1,100})'")
_JOINERS = re.compile(r"[\s\[\]()]+|\bOR\b")


def _parse_stix(doc: Any) -> list[BanImport]:
    """Bans from a STIX 2.1 bundle (or a list of objects, or one indicator)."""
    objects = doc.get("objects") if isinstance(doc, dict) and doc.get("type") == "bundle" else doc
    if isinstance(objects, dict):
        objects = [objects]
    if not isinstance(objects, list):
        raise BanFileError(0, "a STIX file must be a bundle, a list of objects or an indicator")
    if len(objects) > MAX_ENTRIES:
        raise BanFileError(0, f"{len(objects)} objects; one import takes at most {MAX_ENTRIES}")
    out: list[BanImport] = []
    for number, obj in enumerate(objects, start=1):
        for network in _stix_addresses(obj):
            _count(out, number)
            out.append(_stix_entry(obj, network, number))
    if not out:
        raise BanFileError(0, "the STIX file holds no indicator of an IPv4 or IPv6 address")
    return out


def _stix_addresses(obj: Any) -> list[str]:
    """The addresses an importable indicator names: its pattern must be nothing but address
    comparisons joined by OR; anything else (AND, other objects, operators) is not ours."""
    if not isinstance(obj, dict) or obj.get("type") != "indicator" or obj.get("revoked") is True:
        return []
    kinds = obj.get("indicator_types")
    if isinstance(kinds, list) and "benign" in kinds:
        return []
    pattern = obj.get("pattern")
    if obj.get("pattern_type", "stix") != "stix" or not isinstance(pattern, str):
        return []
    if len(pattern) > MAX_FIELD:
        return []
    found = [m.group(2) for m in _COMPARISON.finditer(pattern)]
    rest = _JOINERS.sub("", _COMPARISON.sub("", pattern))
    return found if found and not rest else []


def _stix_entry(obj: dict[str, Any], network: str, number: int) -> BanImport:
    name = obj.get("name") or obj.get("description") or "a STIX indicator"
    reason = f"{str(name)[:200]} (STIX {str(obj.get('id', '?'))[:100]})"
    until = obj.get("valid_until")
    if until is None:
        return BanImport(line=number, network=network, reasons=(reason,))
    if not isinstance(until, str):
        raise BanFileError(number, "valid_until must be a STIX timestamp")
    return BanImport(line=number, network=network, expires=_stix_time(until, number),
                     reasons=(reason,))  # fmt: skip


def _stix_time(text: str, number: int) -> float:
    stamp = text.strip()
    if not stamp.endswith("Z") or len(stamp) > 40:
        raise BanFileError(number, f"valid_until is not a STIX timestamp: {text[:40]!r}")
    head, _, frac = stamp[:-1].partition(".")
    try:
        when = datetime.strptime(head, "%Y-%m-%dT%H:%M:%S").replace(tzinfo=UTC)
    except ValueError:
        raise BanFileError(number, f"valid_until is not a STIX timestamp: {text[:40]!r}") from None
    if frac and not (frac.isascii() and frac.isdigit()):
        raise BanFileError(number, f"valid_until is not a STIX timestamp: {text[:40]!r}")
    return when.timestamp()


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not JSON")


def _entry_from_json(item: Any, number: int) -> BanImport:
    if isinstance(item, str):
        return BanImport(line=number, network=_bounded(item, number, "network"))
    if not isinstance(item, dict):
        raise BanFileError(number, "each item must be an address string or an object")
    network = item.get("network", item.get("address"))
    if not isinstance(network, str):
        raise BanFileError(number, 'the item needs "network" as a string')
    reasons = _json_reasons(item, number)
    permanent = item.get("permanent", False)
    if not isinstance(permanent, bool):
        raise BanFileError(number, '"permanent" must be true or false')
    expires = item.get("expires")
    if permanent or ("expires" in item and expires is None and "duration" not in item):
        return BanImport(line=number, network=network, permanent=True, reasons=reasons)
    if expires is not None:
        if isinstance(expires, bool) or not isinstance(expires, int | float):
            raise BanFileError(number, '"expires" must be Unix seconds or null')
        return BanImport(
            line=number, network=network, expires=_json_time(expires, number), reasons=reasons
        )
    duration = item.get("duration")
    if duration is not None and (
        isinstance(duration, bool) or not isinstance(duration, str | int | float)
    ):
        raise BanFileError(number, '"duration" must be seconds or text such as "1h"')
    return BanImport(line=number, network=network, duration=duration, reasons=reasons)


def _json_reasons(item: Mapping[str, Any], number: int) -> tuple[str, ...]:
    if "reasons" in item:
        reasons = item["reasons"]
        if not isinstance(reasons, list) or not all(isinstance(r, str) for r in reasons):
            raise BanFileError(number, '"reasons" must be a list of strings')
        return tuple(_bounded(r, number, "reason") for r in reasons)
    reason = item.get("reason")
    if reason is None:
        return ()
    if not isinstance(reason, str):
        raise BanFileError(number, '"reason" must be a string')
    return (_bounded(reason, number, "reason"),) if reason.strip() else ()


def _unix_time(text: str, number: int) -> float:
    try:
        value = float(text)
    except ValueError:
        raise BanFileError(number, f"expires must be Unix seconds, got {text[:40]!r}") from None
    if not math.isfinite(value):
        raise BanFileError(number, "expires must be a finite number")
    return value


def _json_time(value: float, number: int) -> float:
    """Unix seconds from a JSON number, which may be any size: 1e400 reads as infinity, and
    an integer of 400 digits overflows ``float()``."""
    try:
        seconds = float(value)
    except OverflowError:
        raise BanFileError(number, '"expires" is too large to be Unix seconds') from None
    if not math.isfinite(seconds):
        raise BanFileError(number, "expires must be a finite number")
    return seconds


def _bounded(value: str, number: int, what: str) -> str:
    if len(value) > MAX_FIELD:
        raise BanFileError(number, f"the {what} field is longer than {MAX_FIELD} characters")
    return value


def _count(entries: list[BanImport], number: int) -> None:
    if len(entries) >= MAX_ENTRIES:
        raise BanFileError(number, f"more than {MAX_ENTRIES} entries; split the file")


# Writing ---------------------------------------------------------------------------------------


class BanWriter:
    """Writes an export piece by piece: ``head()``, ``rows(page)`` for each page, ``tail()``.

    Active bans (``Ban.to_json`` dicts) come out in a format ``parse_bans`` reads back.
    """

    def __init__(self, fmt: Format, now: float) -> None:
        self.fmt = fmt
        self.now = now
        self.count = 0

    def head(self) -> bytes:
        if self.fmt == "json":
            return f'{{"exported_at": {self.now!r}, "bans": [\n'.encode()
        if self.fmt == "text":
            return f"# HoneyMesh bans, active at Unix time {self.now:.0f}\n".encode()
        return (",".join(CSV_COLUMNS) + "\n").encode()

    def rows(self, bans: Iterable[Mapping[str, JSONValue]]) -> bytes:
        page = list(bans)
        if not page:
            return b""
        first = self.count == 0
        self.count += len(page)
        if self.fmt == "json":
            body = ",\n".join(json.dumps(ban, sort_keys=True) for ban in page)
            return (("" if first else ",\n") + body).encode()
        if self.fmt == "text":
            return _utf8("".join(f"{ban['network']}\n" for ban in page))
        out = io.StringIO(newline="")
        writer = csv.writer(out, lineterminator="\n")
        for ban in page:
            reasons = ban.get("reasons")
            reason = "; ".join(str(r) for r in reasons) if isinstance(reasons, list) else ""
            expires = ban.get("expires")
            writer.writerow(
                [
                    ban["network"],
                    "" if not isinstance(expires, int | float) else repr(float(expires)),
                    reason[:MAX_REASON_CHARS],
                    ban.get("source", ""),
                    ban.get("created", ""),
                    ban.get("offence", ""),
                ]
            )
        return _utf8(out.getvalue())

    def tail(self) -> bytes:
        if self.fmt == "json":
            return f'\n], "count": {self.count}}}\n'.encode()
        if self.fmt == "text":
            return f"# {self.count} bans\n".encode()
        return b""


def _utf8(text: str) -> bytes:
    """UTF-8, with any text that is not (a lone surrogate stored before input was checked)
    written as its escape: one odd row never cuts the export short."""
    return text.encode("utf-8", "backslashreplace")


def format_bans(bans: Iterable[Mapping[str, JSONValue]], fmt: Format, now: float) -> bytes:
    """A whole export at once (for small sets and tests)."""
    writer = BanWriter(fmt, now)
    return writer.head() + writer.rows(bans) + writer.tail()
