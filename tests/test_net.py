"""The neutral address layer: one spelling per network, readable errors for bad input."""

from __future__ import annotations

import ipaddress

import pytest

from honeymesh.net import InvalidAddress, normalize_network, parse_network


def test_ipv4_mapped_ipv6_is_the_ipv4_network() -> None:
    assert parse_network("::ffff:192.0.2.1") == ipaddress.ip_network("192.0.2.1/32")
    assert normalize_network(ipaddress.ip_network("::ffff:192.0.2.0/120")) == (
        ipaddress.ip_network("192.0.2.0/24")
    )


def test_host_bits_are_masked_and_whitespace_ignored() -> None:
    assert parse_network(" 10.1.2.3/8 ") == ipaddress.ip_network("10.0.0.0/8")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("not-an-ip", "'not-an-ip' is not an IPv4 or IPv6 address or CIDR network"),
        ("192.0.2.1/33", "'192.0.2.1/33' is not an IPv4 or IPv6 address or CIDR network"),
        (12345, "ban network must be text such as 203.0.113.7"),
        ("1" * 101, "ban network is too long to be an address (101 characters)"),
    ],
)
def test_bad_input_is_one_typed_error_with_a_readable_message(value: object, message: str) -> None:
    with pytest.raises(InvalidAddress) as caught:
        parse_network(value, "ban network")
    assert isinstance(caught.value, ValueError)
    assert str(caught.value).startswith(message)
