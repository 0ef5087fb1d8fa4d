"""What every UDP trap shares: a thin DatagramProtocol over a sans-IO responder, with limits.

A responder takes one datagram and returns an ``Answer`` (the reply, the details learned, any
findings). ``DatagramTrap`` holds one trap's responder, limits and counters, shared by the
``DatagramTrapProtocol`` of each socket it listens on, which does the I/O and enforces what UDP
needs:

- **no amplification**: a reply longer than the datagram that caused it is never sent (the
  responders already shape their answers to fit; this is the guarantee);
- a per-source rate (``max_per_source`` datagrams per second, as a token bucket) kept in a
  least-recently-seen table of at most ``max_sources`` sources, and a global rate, so spoofed
  floods can neither make us a reflector nor flood the event store;
- one ``trap.session`` observation per datagram answered (``transport`` = ``udp``).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from twisted.internet.interfaces import IReactorTime
from twisted.internet.protocol import DatagramProtocol
from twisted.logger import Logger

from honeymesh.detection.traps.base import Finding, preview
from honeymesh.events import Event, EventId, JSONValue, Observation

#: Datagrams handled per second over all sources together, whatever the per-source rates.
GLOBAL_RATE = 500.0


@dataclass(frozen=True)
class Answer:
    reply: bytes = b""
    detail: Mapping[str, JSONValue] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()


class Responder(Protocol):
    def respond(self, data: bytes, source: str) -> Answer: ...


@dataclass(frozen=True)
class DatagramLimits:
    max_per_source: int  # datagrams per second (and burst) per source
    max_sources: int  # sources remembered for rate limiting


class _Bucket:
    __slots__ = ("stamp", "tokens")

    def __init__(self, tokens: float, stamp: float) -> None:
        self.tokens = tokens
        self.stamp = stamp


class RateLimiter:
    """Token buckets per key in a bounded least-recently-seen table, plus a global bucket."""

    def __init__(self, rate: float, max_keys: int, global_rate: float = GLOBAL_RATE) -> None:
        self._rate = rate
        self._max_keys = max_keys
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()
        self._global = _Bucket(global_rate, 0.0)
        self._global_rate = global_rate

    def admit(self, key: str, now: float) -> bool:
        if not _take(self._global, self._global_rate, now):
            return False
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = _Bucket(self._rate, now)
            self._buckets[key] = bucket
            if len(self._buckets) > self._max_keys:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(key)
        return _take(bucket, self._rate, now)

    def __len__(self) -> int:
        return len(self._buckets)


def _take(bucket: _Bucket, rate: float, now: float) -> bool:
    bucket.tokens = min(rate, bucket.tokens + max(0.0, now - bucket.stamp) * rate)
    bucket.stamp = now
    if bucket.tokens >= 1.0:
        bucket.tokens -= 1.0
        return True
    return False


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
        self.clock = clock
        self.publish = publish
        self.limiter = RateLimiter(float(limits.max_per_source), limits.max_sources)
        self.sessions = 0
        self.refused = 0  # datagrams over the rate limits, neither answered nor recorded
        self.suppressed = 0  # replies not sent because they would have been larger

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
            answer = self.responder.respond(datagram, host)
        except Exception:
            self._log.failure("trap {trap} responder failed", trap=self.name)
            answer = Answer(detail={"error": "responder failed"})
        reply = answer.reply
        if len(reply) > len(datagram):
            self.suppressed += 1
            reply = b""
        self.sessions += 1
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
        self.publish(Observation(EventId.TRAP_SESSION, now, host, detail))
        return reply

    def close_all(self, reason: str) -> None:
        """Nothing to close: a datagram trap holds no sessions."""


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
