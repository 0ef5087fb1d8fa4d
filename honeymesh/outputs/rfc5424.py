"""RFC 5424 syslog messages from events, sans-IO: bytes out, nothing sent here.

    <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID [honeymesh@32473 name="value" ...] MSG

MSGID is the event id, so a SIEM can route on the catalogue (docs/EVENTS.md) without parsing.
The structured-data element carries ``event_fields(event)``, the one flat form the log, the
store and the feed share: scalars as they are, lists and objects as JSON text, ``None`` left
out. PARAM-VALUE escapes ``"``, ``\\`` and ``]`` with a backslash (RFC 5424 6.3.3); text is
UTF-8, with lone surrogates (text stored before input was checked) written as ``\\udcxx``.

MSG is one human line, its control characters escaped (``honeymesh.text.shown``: a trap's text
must not forge a line in a SIEM that stores messages as lines). RFC 5424 6.4: MSG in UTF-8
starts with a BOM; a line that is all ASCII is sent without one (it is then MSG-ANY, the same
octets either way), because many SIEMs show a BOM as three stray characters.

The SD-ID is ``honeymesh@N`` with N an enterprise number: 32473 by default, the number RFC 5612
reserves for documentation, until the operator sets one registered with IANA.

A message longer than ``max_bytes`` is cut to fit (the longest values halved first, each cut
ending in ``…``; then the MSG; then whole parameters), and says so with ``truncated="true"``:
a receiver that cuts it instead (rsyslog at its maxMessageSize) would cut the structured data
mid-element and the message would no longer parse.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import get_args

from honeymesh.config import SyslogFacility
from honeymesh.events import Decision, Event, JSONValue, Notice, Observation, Verdict, event_fields
from honeymesh.text import shown

# The facility codes of RFC 5424 6.2.1, in order: their names are the config's choices.
FACILITIES: Mapping[str, int] = {name: code for code, name in enumerate(get_args(SyslogFacility))}

WARNING, NOTICE, INFO = 4, 5, 6
BOM = "\ufeff".encode()
NIL = "-"
# What a parameter value is cut to at least before MSG and whole parameters are given up.
_SHORTEST_CUT = 64
_WARN_ENDINGS = ("failed", "degraded", "map_full", "refused")
_NOTABLE_NOTICES = ("ban.", "bans.", "allow.", "mode.", "trust.", "license.", "store.recovered")


def severity(event: Event) -> int:
    """The syslog severity of an event.

    The node's own trouble (a failed listener or ban, a degraded store, a refused peer) is a
    warning; verdicts, decisions and changes to what is enforced or trusted are notices; trap
    observations and routine notices are informational. Nothing is an error or worse: the
    node reports attacks it has handled, and its own failures are not the SIEM's alarms.
    """
    match event:
        case Notice():
            if event.event_id.endswith(_WARN_ENDINGS):
                return WARNING
            return NOTICE if event.event_id.startswith(_NOTABLE_NOTICES) else INFO
        case Verdict() | Decision():
            return NOTICE
        case Observation():
            return WARNING if event.event_id.endswith(_WARN_ENDINGS) else INFO
    return INFO  # pragma: no cover - the match is exhaustive


@dataclass(frozen=True)
class Header:
    """What every message of one output shares."""

    facility: int
    hostname: str
    app_name: str
    procid: str
    enterprise_number: int = 32473

    @property
    def sd_id(self) -> str:
        return f"honeymesh@{self.enterprise_number}"


@functools.lru_cache(maxsize=256)  # the same few names and ids, message after message
def printusascii(text: str, most: int) -> str:
    """``text`` as a header field: printable ASCII without spaces, at most ``most`` long, or
    the NILVALUE when nothing is left."""
    kept = "".join(c if "!" <= c <= "~" else "_" for c in text)[:most]
    return kept or NIL


def timestamp(when: float) -> str:
    """RFC 3339 in UTC with microseconds (RFC 5424 allows six fractional digits)."""
    if not math.isfinite(when):
        return NIL
    try:
        moment = datetime.fromtimestamp(when, UTC)
    except (OverflowError, OSError, ValueError):
        return NIL
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@functools.lru_cache(maxsize=256)
def param_name(name: str) -> str:
    """An SD-NAME: printable ASCII except ``=``, space, ``]`` and ``"``; 1 to 32 characters."""
    kept = "".join(c for c in name if "!" <= c <= "~" and c not in '=]"')[:32]
    return kept or "_"


def param_text(value: JSONValue) -> str:
    """A field's value as text, before escaping."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        text = value
    elif isinstance(value, int | float):
        text = json.dumps(value)
    else:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    # A lone surrogate cannot be UTF-8: write it as its escape, as JSON would.
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def escape(text: str) -> str:
    """PARAM-VALUE escaping (RFC 5424 6.3.3): a backslash before ``"``, ``\\`` and ``]``."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("]", "\\]")


def human_line(fields: Mapping[str, JSONValue]) -> str:
    """One readable line: what happened, to whom, and the few facts a person reads first."""
    event_id, source = fields.get("event_id"), fields.get("source")
    head = f"{event_id} {source}" if source else f"{event_id}"
    if fields.get("kind") == "verdict":
        reasons = "; ".join(str(r) for r in fields.get("reasons") or [])  # type: ignore[union-attr]
        line = f"{head}: {fields.get('detector')} scored {fields.get('score')} ({reasons})"
    elif fields.get("kind") == "decision":
        reasons = "; ".join(str(r) for r in fields.get("reasons") or [])  # type: ignore[union-attr]
        duration = fields.get("duration")
        length = "permanently" if duration is None else f"for {duration}s"
        line = f"{head}: {fields.get('action')} {length} in {fields.get('mode')} mode ({reasons})"
    else:
        detail = fields.get("detail")
        facts = (
            " ".join(
                f"{k}={v}"
                for k, v in detail.items()
                if isinstance(v, str | int | float | bool) and v != ""
            )
            if isinstance(detail, dict)
            else ""
        )
        line = f"{head}: {facts}" if facts else head
    return shown(line[:1024])


def _structured(sd_id: str, params: list[tuple[str, str]]) -> str:
    inner = "".join(f' {name}="{escape(text)}"' for name, text in params)
    return f"[{sd_id}{inner}]"


def message(event: Event, header: Header, *, max_bytes: int = 8192) -> bytes:
    """The RFC 5424 message for ``event``, at most ``max_bytes`` long (at least 1024)."""
    fields = event_fields(event)
    pri = header.facility * 8 + severity(event)
    head = " ".join(
        (
            f"<{pri}>1",
            timestamp(event.time),
            printusascii(header.hostname, 255),
            printusascii(header.app_name, 48),
            printusascii(header.procid, 128),
            printusascii(str(event.event_id), 32),
        )
    ).encode("ascii")
    params = [(param_name(k), param_text(v)) for k, v in fields.items() if v is not None]
    line = human_line(fields)

    def build(params: list[tuple[str, str]], line: str) -> bytes:
        sd = _structured(header.sd_id, params).encode("utf-8")
        body = line.encode("utf-8")
        if body and not body.isascii():
            body = BOM + body
        return head + b" " + sd + (b" " + body if body else b"")

    out = build(params, line)
    if len(out) <= max_bytes:
        return out
    return _cut_to_fit(build, params, line, max_bytes)


def _cut_to_fit(
    build: Callable[[list[tuple[str, str]], str], bytes],
    params: list[tuple[str, str]],
    line: str,
    max_bytes: int,
) -> bytes:
    params = [*params, ("truncated", "true")]
    out = build(params, line)
    # Halve the longest value until it fits or every value is short: each step makes one value
    # shorter, so the loop ends.
    while len(out) > max_bytes:
        longest = max(range(len(params)), key=lambda i: len(params[i][1]))
        name, text = params[longest]
        keep = max(_SHORTEST_CUT, len(text) // 2)
        if keep + 1 >= len(text):  # the cut and its mark would not make it shorter
            break
        params[longest] = (name, text[:keep] + "…")
        out = build(params, line)
    while len(out) > max_bytes and line:
        line = line[: len(line) // 2]
        out = build(params, line)
    # Last: whole parameters, the last first, keeping event_id and the truncation mark.
    while len(out) > max_bytes and len(params) > 2:
        del params[-2]
        out = build(params, line)
    return out


def octet_counted(message: bytes) -> bytes:
    """RFC 6587 3.4.1 / RFC 5425 4.3 framing for a stream: ``MSG-LEN SP SYSLOG-MSG``."""
    return b"%d %s" % (len(message), message)
