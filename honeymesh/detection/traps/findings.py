"""What traps report as they go: credentials, commands and requests, each bounded.

Every value an attacker chose is cut to a fixed length and turned into printable text
(undecodable bytes are escaped, never dropped), so one hostile client can neither bloat the
event log nor smuggle control characters into the dashboard.
"""

from __future__ import annotations

from collections.abc import Mapping

from honeymesh.detection.traps.base import Finding
from honeymesh.events import EventId, JSONValue

MAX_FIELD = 256
MAX_COMMAND = 1024
#: Most credentials or commands kept in one session record (each is also its own event).
MAX_LISTED = 20


def text(value: bytes | str, limit: int = MAX_FIELD) -> str:
    """Attacker-chosen bytes as bounded text; invalid UTF-8 is escaped (``\\xff``)."""
    if isinstance(value, bytes):
        value = value[: limit * 4].decode("utf-8", "backslashreplace")
    return value[:limit]


def credential(
    service: str,
    username: bytes | str,
    password: bytes | str | None,
    *,
    method: str = "password",
    accepted: bool = False,
    **extra: JSONValue,
) -> Finding:
    """A login attempt (``trap.credential``); ``password`` None when the method has none."""
    detail: dict[str, JSONValue] = {
        "service": service,
        "method": method,
        "username": text(username),
        "password": None if password is None else text(password),
        "accepted": accepted,
    }
    detail.update(extra)
    return EventId.TRAP_CREDENTIAL, detail


def command(service: str, line: bytes | str, **extra: JSONValue) -> Finding:
    """A command the attacker ran or tried (``trap.command``); nothing is ever executed."""
    detail: dict[str, JSONValue] = {"service": service, "command": text(line, MAX_COMMAND)}
    detail.update(extra)
    return EventId.TRAP_COMMAND, detail


def request(service: str, detail: Mapping[str, JSONValue]) -> Finding:
    """One request of a request/response protocol (``trap.request``): HTTP, SIP, DNS, SNMP."""
    return EventId.TRAP_REQUEST, {"service": service, **detail}


def listed(items: list[JSONValue], item: JSONValue) -> list[JSONValue]:
    """``items`` with ``item`` appended, kept to ``MAX_LISTED`` entries (the first ones)."""
    if len(items) < MAX_LISTED:
        items.append(item)
    return items
