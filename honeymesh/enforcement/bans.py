"""The ban list's values and errors, and the checks every request passes before it is stored.

A ``Ban`` is one row of the ``bans`` table; an ``AllowRule`` one allowlist entry; ``Escalation``
says how repeat offences lengthen bans; ``ExplainResult`` answers "why is (or isn't) this address
dropped?". Every bad request raises ``InvalidInput`` (a ``ValueError``) with a readable message.
"""

from __future__ import annotations

import ipaddress
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from honeymesh.config import Mode
from honeymesh.enforcement.backend import BackendError
from honeymesh.enforcement.durations import DurationError, check_seconds
from honeymesh.events import JSONValue
from honeymesh.net import Network

BanSource = Literal["local", "operator", "mesh"]
BAN_SOURCES: tuple[BanSource, ...] = ("local", "operator", "mesh")
AllowOrigin = Literal["builtin", "config", "operator", "mesh"]
STORED_ORIGINS: tuple[AllowOrigin, ...] = ("operator", "mesh")
LiftReason = Literal["unbanned", "expired", "allowed"]

MAX_REASON_CHARS = 500  # one reason
MAX_REASONS = 16  # reasons in one request
MAX_STORED_REASONS = 32  # reasons kept on one ban across merges
MAX_JSON_BYTES = 16 * 1024  # evidence, provenance
MAX_ACTOR_CHARS = 200  # "by" on unban
MIN_PREFIXLEN = {4: 8, 6: 16}  # wider bans or allows are refused as almost certainly mistakes
DEFAULT_OFFENCE_WINDOW = 30 * 86400.0
SWEEP_LIMIT = 10_000  # bans expired per sweep, so one sweep never stalls the reactor for long


# Errors ----------------------------------------------------------------------------------------


class BanListError(Exception):
    """Base of every error the ban list reports to callers."""


class InvalidInput(BanListError, ValueError):
    """A malformed request: not an address, a bad duration, an overlong reason. Nothing changed."""


class Allowlisted(BanListError):
    """The ban was refused because an allowlist entry covers the network."""

    def __init__(self, network: Network, rule: AllowRule) -> None:
        self.network = network
        self.rule = rule
        super().__init__(
            f"{network} is not banned: it is inside allowlisted {rule.network} "
            f"({rule.origin}: {rule.reason})"
        )


class NotBanned(BanListError):
    """An unban of a network that has no active ban of its own."""

    def __init__(self, network: Network, covered_by: Sequence[Network] = ()) -> None:
        self.network = network
        self.covered_by = tuple(covered_by)
        hint = ""
        if self.covered_by:
            ranges = ", ".join(str(n) for n in self.covered_by)
            hint = f"; it is covered by the banned range {ranges}: unban that instead"
        super().__init__(f"{network} has no active ban{hint}")


class NotAllowlisted(BanListError):
    """A removal of an allow entry that does not exist."""

    def __init__(self, network: Network) -> None:
        self.network = network
        super().__init__(f"{network} is not on the stored allowlist")


class BuiltinAllow(BanListError):
    """A removal of a built-in allow entry (loopback, own address, configured admin network)."""

    def __init__(self, rule: AllowRule) -> None:
        self.rule = rule
        super().__init__(
            f"{rule.network} is a built-in allow ({rule.reason}); it cannot be removed at run "
            "time (change kernel.admin_networks in the config instead)"
        )


class BanNotEnforced(BanListError):
    """The ban is committed (and active) but the backend refused it; ``ban.enforced`` is False."""

    def __init__(self, ban: Ban, cause: BackendError) -> None:
        self.ban = ban
        self.cause = cause
        super().__init__(
            f"{ban.network} is banned (id {ban.id}) but not enforced: {cause}; it will be "
            "retried when the backend has room"
        )


class AllowNotEnforced(BanListError):
    """The allow is committed but the backend refused it; the kernel may still drop it."""

    def __init__(self, rule: AllowRule, cause: BackendError) -> None:
        self.rule = rule
        self.cause = cause
        super().__init__(f"{rule.network} is allowlisted but the backend refused it: {cause}")


# Values ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ban:
    """One ban, as stored. Active while ``lifted`` is None."""

    id: int
    network: Network
    source: BanSource
    reasons: tuple[str, ...]
    evidence: Mapping[str, JSONValue]
    provenance: Mapping[str, JSONValue]
    created: float
    expires: float | None  # wall-clock seconds; None: permanent
    offence: int  # 1 for a first ban of this network within the offence window, 2 for the next
    enforced: bool
    lifted: float | None = None
    lifted_why: LiftReason | None = None
    lifted_by: str | None = None

    @property
    def is_range(self) -> bool:
        return self.network.num_addresses > 1

    @property
    def permanent(self) -> bool:
        return self.expires is None

    def live(self, now: float) -> bool:
        """Active and not past its expiry (an expired ban may wait for the next sweep)."""
        return self.lifted is None and (self.expires is None or self.expires > now)

    def to_json(self) -> dict[str, JSONValue]:
        return {
            "id": self.id,
            "network": str(self.network),
            "family": self.network.version,
            "prefixlen": self.network.prefixlen,
            "range": self.is_range,
            "source": self.source,
            "reasons": list(self.reasons),
            "evidence": dict(self.evidence),
            "provenance": dict(self.provenance),
            "created": self.created,
            "expires": self.expires,
            "permanent": self.permanent,
            "offence": self.offence,
            "enforced": self.enforced,
            "lifted": self.lifted,
            "lifted_why": self.lifted_why,
            "lifted_by": self.lifted_by,
        }


@dataclass(frozen=True)
class AllowRule:
    """One allowlist entry. Built-in ones have no id and no creation time."""

    network: Network
    reason: str
    origin: AllowOrigin
    created: float | None = None
    id: int | None = None

    def to_json(self) -> dict[str, JSONValue]:
        return {
            "id": self.id,
            "network": str(self.network),
            "reason": self.reason,
            "origin": self.origin,
            "created": self.created,
            "builtin": self.id is None,
        }


@dataclass(frozen=True)
class Escalation:
    """How repeat offences lengthen bans: base x multiplier^(offence-1), capped.

    ``permanent_after``: from this offence on, bans are permanent (0: never).
    """

    multiplier: float = 2.0
    max_duration: float = 7 * 86400.0
    permanent_after: int = 0

    def __post_init__(self) -> None:
        if not (math.isfinite(self.multiplier) and self.multiplier >= 1):
            raise ValueError(f"escalation multiplier must be >= 1, got {self.multiplier!r}")
        if not (math.isfinite(self.max_duration) and self.max_duration > 0):
            raise ValueError(f"escalation maximum must be > 0, got {self.max_duration!r}")
        if self.permanent_after < 0:
            raise ValueError(f"permanent_after must be >= 0, got {self.permanent_after!r}")

    def duration(self, base: float | None, offence: int) -> float | None:
        """The duration of the ``offence``-th ban for a base (first-offence) duration."""
        if base is None or (self.permanent_after and offence >= self.permanent_after):
            return None
        cap = max(self.max_duration, base)  # escalation never shortens the configured base
        try:
            scaled = base * self.multiplier ** max(offence - 1, 0)
        except OverflowError:
            return cap
        return min(scaled, cap)


@dataclass(frozen=True)
class ExplainResult:
    """Why an address is or is not dropped, in data (``to_json``) and one sentence (``summary``)."""

    address: Network
    mode: Mode
    now: float
    status: Literal["allowed", "banned", "not_banned"]
    would_drop: bool
    allowed_by: tuple[AllowRule, ...]  # most specific first
    banned_by: tuple[Ban, ...]  # active bans covering the address, most specific first
    previous_bans: int  # lifted bans of exactly this network, ever
    summary: str

    def to_json(self) -> dict[str, JSONValue]:
        return {
            "address": str(self.address),
            "mode": self.mode,
            "now": self.now,
            "status": self.status,
            "would_drop": self.would_drop,
            "allowed_by": [r.to_json() for r in self.allowed_by],
            "banned_by": [b.to_json() for b in self.banned_by],
            "previous_bans": self.previous_bans,
            "summary": self.summary,
        }


@dataclass(frozen=True)
class LoadReport:
    bans: int
    allows: int
    expired: int  # found expired at load and marked so
    lifted_by_allow: int  # active bans found inside an allow at load and lifted
    not_enforced: int  # active bans the backend could not take


@dataclass(frozen=True)
class SweepReport:
    expired: tuple[Ban, ...]
    re_enforced: int


@dataclass(frozen=True)
class Lifted:
    """What a selective lift did: the bans it lifted, and the active ones there it left alone."""

    lifted: tuple[Ban, ...]
    kept: tuple[Ban, ...]


# Input checks (reactor thread) -----------------------------------------------------------------


# Addresses that are never a packet's source to act on: dropping them breaks the node's own
# network (0.0.0.0 is the source of every DHCP discover) or means nothing (multicast and
# broadcast are destinations only).
_NEVER_SOURCES: tuple[tuple[Network, str], ...] = (
    (ipaddress.IPv4Network("0.0.0.0/32"), "the unspecified address (DHCP clients send from it)"),
    (ipaddress.IPv6Network("::/128"), "the unspecified address (neighbour discovery uses it)"),
    (ipaddress.IPv4Network("255.255.255.255/32"), "the limited broadcast address"),
    (ipaddress.IPv4Network("224.0.0.0/4"), "multicast (never a source)"),
    (ipaddress.IPv6Network("ff00::/8"), "multicast (never a source)"),
)


def check_width(network: Network, what: str) -> None:
    """Refuse networks too wide to mean anything but a mistake, and any that contain an address
    that is never a source (an unspecified, broadcast or multicast address)."""
    least = MIN_PREFIXLEN[network.version]
    if network.prefixlen < least:
        raise InvalidInput(
            f"{what} {network} is wider than /{least}; that is refused as almost certainly a "
            "mistake"
        )
    for never, why in _NEVER_SOURCES:
        if network.version == never.version and network.overlaps(never):
            raise InvalidInput(f"{what} {network} is refused: it overlaps {never}, {why}")


def check_text(value: object, what: str, limit: int) -> str:
    if not isinstance(value, str):
        raise InvalidInput(f"{what} must be text, got {type(value).__name__}")
    text = value.strip()
    if not text:
        raise InvalidInput(f"{what} must not be empty")
    if len(text) > limit:
        raise InvalidInput(f"{what} is {len(text)} characters long; the limit is {limit}")
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in text):
        raise InvalidInput(f"{what} contains control characters")
    return text


def check_source(source: str) -> BanSource:
    if source not in BAN_SOURCES:
        raise InvalidInput(f"ban source must be one of {', '.join(BAN_SOURCES)}, got {source!r}")
    return source


def check_origin(origin: str) -> AllowOrigin:
    if origin not in STORED_ORIGINS:
        raise InvalidInput(f"allow origin must be one of {', '.join(STORED_ORIGINS)}")
    return origin


def check_reasons(reasons: Sequence[str]) -> tuple[str, ...]:
    if isinstance(reasons, str) or not isinstance(reasons, Sequence):
        raise InvalidInput("reasons must be a list of texts")
    if not reasons:
        raise InvalidInput("a ban needs at least one reason (why is this address banned?)")
    if len(reasons) > MAX_REASONS:
        raise InvalidInput(f"{len(reasons)} reasons given; the limit is {MAX_REASONS}")
    checked = [check_text(r, "a reason", MAX_REASON_CHARS) for r in reasons]
    return tuple(dict.fromkeys(checked))


def check_json(value: Mapping[str, JSONValue], what: str) -> str:
    if not isinstance(value, Mapping):
        raise InvalidInput(f"{what} must be a JSON object")
    try:
        text = json.dumps(dict(value), sort_keys=True, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError) as e:
        raise InvalidInput(f"{what} is not JSON: {e}") from None
    if len(text.encode()) > MAX_JSON_BYTES:
        raise InvalidInput(f"{what} is {len(text.encode())} bytes of JSON; the limit is 16 KiB")
    return text


def check_duration(duration: float | None) -> float | None:
    if duration is None:
        return None
    try:
        return check_seconds(duration)
    except DurationError as e:
        raise InvalidInput(str(e)) from None
