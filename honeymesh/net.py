"""Addresses and networks: the one typed form every layer passes around.

An address or range is parsed once, where it enters the node (the admin API, a trap, a mesh
frame, the config), into a ``Network``; from there it travels typed. ``normalize_network`` gives
every network one spelling: a host is a /32 or /128, and an IPv4-mapped IPv6 network
(``::ffff:a.b.c.d``) is the plain IPv4 network, so the same source is never two keys.

Pure: no I/O, nothing but the standard library, importable from every layer.
"""

from __future__ import annotations

import ipaddress

Network = ipaddress.IPv4Network | ipaddress.IPv6Network

MAX_ADDRESS_CHARS = 100


class InvalidAddress(ValueError):
    """Text that is not an IPv4 or IPv6 address or CIDR network; the message says so readably."""


def normalize_network(text: str | Network) -> Network:
    """Parse an address or CIDR; IPv4-mapped IPv6 (``::ffff:a.b.c.d``) becomes plain IPv4.

    Host bits are masked off (``10.0.0.5/24`` is ``10.0.0.0/24``). Raises ValueError for
    anything that is not an address or network; ``parse_network`` is the form for outside input.
    """
    net = ipaddress.ip_network(text, strict=False) if isinstance(text, str) else text
    if isinstance(net, ipaddress.IPv6Network):
        mapped = net.network_address.ipv4_mapped
        if mapped is not None and net.prefixlen >= 96:
            return ipaddress.IPv4Network((mapped, net.prefixlen - 96), strict=False)
    return net


def parse_network(text: object, what: str = "address") -> Network:
    """A normalised network from outside input (text, or a network already parsed).

    Raises InvalidAddress naming ``what`` (for example "ban network") for anything else.
    """
    if isinstance(text, ipaddress.IPv4Network | ipaddress.IPv6Network):
        return normalize_network(text)
    if not isinstance(text, str):
        raise InvalidAddress(f"{what} must be text such as 203.0.113.7 or 2001:db8::/64")
    if len(text) > MAX_ADDRESS_CHARS:
        raise InvalidAddress(f"{what} is too long to be an address ({len(text)} characters)")
    try:
        return normalize_network(text.strip())
    except ValueError:
        raise InvalidAddress(
            f"{text!r} is not an IPv4 or IPv6 address or CIDR network "
            "(for example 203.0.113.7, 198.51.100.0/24, 2001:db8::/64)"
        ) from None


__all__ = ["MAX_ADDRESS_CHARS", "InvalidAddress", "Network", "normalize_network", "parse_network"]
