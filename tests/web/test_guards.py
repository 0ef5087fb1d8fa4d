"""The API's guards over a fake clock: the auth throttle, websocket tickets, the Origin rule."""

from __future__ import annotations

import pytest
from twisted.internet.task import Clock

from honeymesh.web.feed import TicketBook, origin_allowed
from honeymesh.web.throttle import AuthThrottle, source_key


def test_throttle_refuses_after_the_limit_until_the_oldest_failure_ages_out() -> None:
    clock = Clock()
    throttle = AuthThrottle(clock, max_failures=3, window=60.0)
    for _ in range(2):
        throttle.failed("10.0.0.1")
        clock.advance(10)
    assert throttle.retry_after("10.0.0.1") is None  # 2 failures: may still try
    throttle.failed("10.0.0.1")  # third, at t=20; the first was at t=0
    assert throttle.retry_after("10.0.0.1") == pytest.approx(40.0)
    assert throttle.retry_after("10.0.0.2") is None  # per source
    clock.advance(39.9)
    assert throttle.retry_after("10.0.0.1") == pytest.approx(0.1)
    clock.advance(0.2)
    assert throttle.retry_after("10.0.0.1") is None
    assert throttle.refusals == 2


@pytest.mark.parametrize(
    ("host", "key"),
    [
        ("203.0.113.7", "203.0.113.7"),
        ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
        ("2001:db8:1:2:bbbb::9", "2001:db8:1:2::/64"),  # same /64: same budget
        ("::ffff:203.0.113.7", "203.0.113.7"),
        ("unix-socket", "unix-socket"),
    ],
)
def test_failures_count_per_ipv4_address_or_ipv6_64(host: str, key: str) -> None:
    assert source_key(host) == key


def test_throttle_memory_is_bounded() -> None:
    clock = Clock()
    throttle = AuthThrottle(clock, max_failures=1, window=60.0, max_sources=100)
    for i in range(1000):
        throttle.failed(f"10.0.{i // 256}.{i % 256}")
    assert throttle.tracked == 100
    assert throttle.retry_after("10.0.3.231") is not None  # the most recent are kept
    assert throttle.retry_after("10.0.0.0") is None


def test_a_ticket_opens_once() -> None:
    clock = Clock()
    book = TicketBook(clock, ttl=30.0)
    ticket = book.issue()
    assert len(ticket) > 40 and ticket.startswith("wst_")
    assert book.redeem(ticket)
    assert not book.redeem(ticket)


def test_a_ticket_expires() -> None:
    clock = Clock()
    book = TicketBook(clock, ttl=30.0)
    ticket = book.issue()
    clock.advance(30.0)
    assert not book.redeem(ticket)


@pytest.mark.parametrize("bad", [None, "", "wst_nope", "x" * 10_000])
def test_unknown_tickets_are_refused(bad: str | None) -> None:
    book = TicketBook(Clock())
    book.issue()
    assert not book.redeem(bad)


def test_outstanding_tickets_are_bounded() -> None:
    book = TicketBook(Clock(), max_outstanding=10)
    first = book.issue()
    for _ in range(50):
        book.issue()
    assert book.outstanding == 10
    assert not book.redeem(first)  # the oldest gave way


@pytest.mark.parametrize(
    ("origin", "host", "allowed", "ok"),
    [
        (None, "127.0.0.1:8443", (), True),  # not a browser: the ticket decides
        ("https://127.0.0.1:8443", "127.0.0.1:8443", (), True),
        ("https://127.0.0.1:8443/", "127.0.0.1:8443", (), True),
        ("https://evil.example", "127.0.0.1:8443", (), False),
        ("http://127.0.0.1:8443", "127.0.0.1:8443", (), False),  # not https
        ("null", "127.0.0.1:8443", (), False),
        ("https://admin.example", "127.0.0.1:8443", ("https://admin.example",), True),
        ("https://127.0.0.1:8443", None, (), False),
    ],
)
def test_origin_rule(
    origin: str | None, host: str | None, allowed: tuple[str, ...], ok: bool
) -> None:
    assert origin_allowed(origin, host, allowed) is ok
