"""What every UDP trap shares: a thin DatagramProtocol over a sans-IO responder, with limits.

A responder takes one datagram and returns an ``Answer`` (the reply, the details learned, any
findings), as large as the real server's answer would be. ``DatagramTrap`` holds one trap's
responder, limits and counters, shared by the ``DatagramTrapProtocol`` of each socket it listens
on, which does the I/O and enforces what UDP needs, since the source address of a datagram can
be forged:

- **a reply byte budget per source** (``reply_rate`` bytes per second with a burst of
  ``reply_burst``, a token bucket): a reply that does not fit in what is left is dropped and
  counted (``over_budget``), so a spoofed flood at any rate gets at most the budget back, and
  the victim of a reflection attempt receives a trickle, not an amplified stream. Answers are
  not shrunk to the query's size any more: a trap that refuses the answers a real server gives
  (tooBig for the system group, TC for every A record) is unmasked by its first probe;
- a per-source datagram rate (``max_per_source`` per second, a token bucket) and a global one,
  so that a flood cannot fill the event store: a datagram over either is neither answered nor
  recorded (``refused``). The per-source bucket is taken first, so one source flooding cannot
  use up the global rate and silence everyone else;
- the tables of sources are least-recently-seen tables of at most ``max_sources`` entries each:
  memory is bounded whatever the number of forged addresses. A source forgotten starts again
  with a full bucket; forgetting one takes ``max_sources`` other sources, which the global rate
  slows to seconds, so a forged victim still gets at most about one burst per that time;
- no reply larger than ``MAX_REPLY`` bytes, whatever a responder says, nor than the burst;
- one ``trap.session`` observation per datagram recorded (``transport`` = ``udp``).
"""

from __future__ import annotations

import functools
import ipaddress
import socket
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from twisted.internet.interfaces import IReactorTime
from twisted.internet.protocol import DatagramProtocol
from twisted.logger import Logger

from honeymesh.detection.traps.base import Finding, preview
from honeymesh.events import Event, EventId, JSONValue, Observation

#: Datagrams handled per second over all sources together, whatever the per-source rates.
GLOBAL_RATE = 500.0
#: The largest reply ever sent: the largest UDP payload, as net-snmp's agent allows itself
#: (DNS answers over UDP are at most 1232 bytes, BIND 9.18's ``max-udp-size``). In practice
#: a source's ``reply_burst`` is the bound: a reply larger than the bucket can never be paid.
MAX_REPLY = 65507


@dataclass(frozen=True)
class Answer:
    reply: bytes = b""
    detail: Mapping[str, JSONValue] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()


class Responder(Protocol):
    def respond(self, data: bytes, source: str) -> Answer: ...


@runtime_checkable
class AddressedResponder(Responder, Protocol):
    """A responder whose answer depends on both ends of the datagram (SIP: the source port in
    the Via's ``rport``, whether the Request-URI names the address and port it reached).
    ``local`` is the socket's own address (``""`` for a wildcard one) and port."""

    def respond_addressed(
        self, data: bytes, source: tuple[str, int], local: tuple[str, int]
    ) -> Answer: ...


@dataclass(frozen=True)
class DatagramLimits:
    max_per_source: int  # datagrams per second (and burst) per source
    max_sources: int  # sources remembered, per table
    reply_rate: int = 2048  # bytes of replies per second per source
    reply_burst: int = 8192  # bytes of replies a source may get at once


class _Bucket:
    __slots__ = ("stamp", "tokens")

    def __init__(self, tokens: float, stamp: float) -> None:
        self.tokens = tokens
        self.stamp = stamp

    def take(self, amount: float, rate: float, burst: float, now: float) -> bool:
        """Refill for the time since the last take, then take ``amount`` if it is there."""
        self.tokens = min(burst, self.tokens + max(0.0, now - self.stamp) * rate)
        self.stamp = now
        if self.tokens >= amount:
            self.tokens -= amount
            return True
        return False


class TokenBuckets:
    """A token bucket per key (``rate`` per second, at most ``burst``) in a least-recently-seen
    table of at most ``max_keys`` keys: the oldest is forgotten when a new one comes."""

    def __init__(self, rate: float, burst: float, max_keys: int) -> None:
        self._rate = rate
        self._burst = burst
        self._max_keys = max_keys
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()

    def take(self, key: str, amount: float, now: float) -> bool:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = _Bucket(self._burst, now)
            self._buckets[key] = bucket
            if len(self._buckets) > self._max_keys:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(key)
        return bucket.take(amount, self._rate, self._burst, now)

    def __len__(self) -> int:
        return len(self._buckets)


class RateLimiter:
    """Datagrams per source (token buckets in a bounded table), then a global bucket."""

    def __init__(self, rate: float, max_keys: int, global_rate: float = GLOBAL_RATE) -> None:
        self._sources = TokenBuckets(rate, rate, max_keys)
        self._global = _Bucket(global_rate, 0.0)
        self._global_rate = global_rate

    def admit(self, key: str, now: float) -> bool:
        if not self._sources.take(key, 1.0, now):
            return False
        return self._global.take(1.0, self._global_rate, self._global_rate, now)

    def __len__(self) -> int:
        return len(self._sources)


class DatagramTrap:
    """One UDP trap: its responder, limits and counters, for all the sockets it listens on."""

    _log = Logger()

    def __init__(
        self,
        *,
        name: str,
        responder: Responder,
        limits: DatagramLimits,
        clock: IReactorTime,
        publish: Callable[[Event], None],
    ) -> None:
        self.name = name
        self.responder = responder
        # Checked once: an isinstance against a runtime protocol is slow per datagram.
        self._addressed = responder if isinstance(responder, AddressedResponder) else None
        self.clock = clock
        self.publish = publish
        self.limiter = RateLimiter(float(limits.max_per_source), limits.max_sources)
        self.budget = TokenBuckets(
            float(limits.reply_rate), float(limits.reply_burst), limits.max_sources
        )
        self.sessions = 0
        self.refused = 0  # datagrams over the rate limits, neither answered nor recorded
        self.over_budget = 0  # replies dropped: over the source's byte budget, or too large
        self.bytes_received = 0  # of the datagrams recorded
        self.bytes_sent = 0

    def protocol(self) -> DatagramTrapProtocol:
        """A protocol for one more socket of this trap."""
        return DatagramTrapProtocol(self)

    def handle(self, datagram: bytes, host: str, port: int, local: Any) -> bytes:
        """Account for one datagram from (host, port); the reply to send (may be empty)."""
        now = self.clock.seconds()
        if not self.limiter.admit(host, now):
            self.refused += 1
            return b""
        try:
            if self._addressed is not None:
                ours = _specific(str(getattr(local, "host", "") or ""))
                answer = self._addressed.respond_addressed(
                    datagram, (host, port), (ours, int(getattr(local, "port", 0) or 0))
                )
            else:
                answer = self.responder.respond(datagram, host)
        except Exception:
            self._log.failure("trap {trap} responder failed", trap=self.name)
            answer = Answer(detail={"error": "responder failed"})
        reply = answer.reply
        dropped = bool(reply) and (
            len(reply) > MAX_REPLY or not self.budget.take(host, len(reply), now)
        )
        if dropped:
            self.over_budget += 1
            reply = b""
        self.sessions += 1
        self.bytes_received += len(datagram)
        self.bytes_sent += len(reply)
        common: dict[str, JSONValue] = {
            "trap": self.name,
            "local_address": getattr(local, "host", None),
            "port": getattr(local, "port", None),
            "source_port": port,
        }
        for event_id, found in answer.findings:
            self.publish(Observation(event_id, now, host, {**common, **found}))
        detail: dict[str, JSONValue] = {
            **common,
            "transport": "udp",
            "bytes_received": len(datagram),
            "bytes_sent": len(reply),
            "preview": preview(datagram),
        }
        detail.update(answer.detail)
        if dropped:
            detail["reply_dropped"] = "byte_budget"
        self.publish(Observation(EventId.TRAP_SESSION, now, host, detail))
        return reply

    def close_all(self, reason: str) -> None:
        """Nothing to close: a datagram trap holds no sessions."""


@functools.lru_cache(maxsize=256)
def is_local_address(host: str) -> bool:
    """Whether ``host`` (an IP address) is one of this machine's: a socket can be bound to it.
    What a responder behind a wildcard socket asks to tell a Request-URI naming this host
    from one naming another (SIP's ``myself``); cached, a bounded table."""
    try:
        family = socket.AF_INET6 if ipaddress.ip_address(host).version == 6 else socket.AF_INET
    except ValueError:
        return False
    with socket.socket(family, socket.SOCK_DGRAM) as probe:
        try:
            probe.bind((host, 0))
        except OSError:
            return False
    return True


def _specific(host: str) -> str:
    """A socket's own address, or ``""`` for a wildcard one (0.0.0.0, ::)."""
    try:
        return "" if ipaddress.ip_address(host.split("%", maxsplit=1)[0]).is_unspecified else host
    except ValueError:
        return ""


class DatagramTrapProtocol(DatagramProtocol):
    """The I/O of one UDP socket of a trap."""

    noisy = False

    def __init__(self, trap: DatagramTrap) -> None:
        self.trap = trap

    def datagramReceived(self, datagram: bytes, addr: Any) -> None:
        local = self.transport.getHost() if self.transport is not None else None
        reply = self.trap.handle(datagram, str(addr[0]), int(addr[1]), local)
        if reply and self.transport is not None:
            self.transport.write(reply, addr)
