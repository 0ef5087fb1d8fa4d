"""Failed authentications, counted per source address in a sliding window.

Past ``max_failures`` failures within ``window`` seconds, a source's further *failed* attempts
are refused (HTTP 429 with Retry-After, and no event each) until its oldest failure leaves the
window. A correct token is never refused: ``AdminApi`` checks the presented token first, in
constant time, and consults the throttle only when it fails. Why:

* Everyone on the node is ``127.0.0.1``. When a throttled source was refused even with the
  right token, any local user (or any remote host, for the dashboard) could lock the root CLI,
  the TUI and the dashboard out with ten wrong tokens a minute. No other user or source may
  ever make the operator's own credential fail.
* Refusing correct tokens buys no safety: the admin token carries 256 random bits and the
  local operator token is a 256-bit HMAC, so at any request rate a guess succeeds with
  probability about 2^-256; guessing cannot pay. What the throttle keeps bounded is what the
  guesser costs us: past the limit a failure is answered 429 without an ``api.auth_failed``
  event, so guessing cannot flood the log and the events table either.
* A root-only Unix socket for the CLI was the other choice; it would fix the CLI alone and
  leave the TUI and the dashboard, which reach the API over TCP, open to the lockout.

A source is an IPv4 address or an IPv6 /64 (``source_key``). Memory is bounded: at most
``max_sources`` sources are tracked, the least recently failing forgotten first.
"""

from __future__ import annotations

import ipaddress
from collections import deque

from twisted.internet.interfaces import IReactorTime


def source_key(host: str) -> str:
    """Whom failures are counted against: an IPv4 address, or an IPv6 /64 (one host can hold
    a whole /64, so counting its addresses one by one would let it guess on for ever)."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


class AuthThrottle:
    def __init__(
        self,
        clock: IReactorTime,
        *,
        max_failures: int = 10,
        window: float = 60.0,
        max_sources: int = 10_000,
    ) -> None:
        if max_failures < 1 or window <= 0 or max_sources < 1:
            raise ValueError("max_failures, window and max_sources must be positive")
        self._clock = clock
        self.max_failures = max_failures
        self.window = window
        self.max_sources = max_sources
        self._failures: dict[str, deque[float]] = {}
        self.failures = 0
        self.refusals = 0

    def _recent(self, source: str, now: float) -> deque[float] | None:
        times = self._failures.get(source)
        if times is None:
            return None
        while times and times[0] <= now - self.window:
            times.popleft()
        if not times:
            del self._failures[source]
            return None
        return times

    def retry_after(self, source: str) -> float | None:
        """Seconds this source must wait, or None if it may try now."""
        now = self._clock.seconds()
        times = self._recent(source, now)
        if times is None or len(times) < self.max_failures:
            return None
        self.refusals += 1
        return max(times[-self.max_failures] + self.window - now, 0.001)

    def failed(self, source: str) -> None:
        now = self._clock.seconds()
        self.failures += 1
        times = self._recent(source, now)
        if times is None:
            times = deque(maxlen=self.max_failures)
        else:
            del self._failures[source]  # re-inserted below: most recent last
        times.append(now)
        self._failures[source] = times
        while len(self._failures) > self.max_sources:
            del self._failures[next(iter(self._failures))]

    @property
    def tracked(self) -> int:
        return len(self._failures)
