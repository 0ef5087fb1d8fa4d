"""This node's own addresses from `ip -j addr`: parsed strictly, run for real."""

from __future__ import annotations

import contextlib
import ipaddress
import json
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from honeymesh.enforcement.local_addresses import (
    LocalAddressError,
    local_addresses,
    parse_ip_addr_json,
)

SAMPLE = json.dumps(
    [
        {
            "ifindex": 1,
            "ifname": "lo",
            "addr_info": [
                {"family": "inet", "local": "127.0.0.1", "prefixlen": 8},
                {"family": "inet6", "local": "::1", "prefixlen": 128},
            ],
        },
        {
            "ifindex": 2,
            "ifname": "eth0",
            "addr_info": [
                {"family": "inet", "local": "192.0.2.10", "prefixlen": 24},
                {"family": "inet6", "local": "fe80::1", "prefixlen": 64},
                {"family": "inet6", "local": "::ffff:198.51.100.4", "prefixlen": 128},
                {"valid_life_time": 4294967295},
            ],
        },
        {"ifindex": 3, "ifname": "dummy0"},
    ]
)


def test_addresses_are_host_networks_normalised() -> None:
    found = [(a.interface, str(a.network)) for a in parse_ip_addr_json(SAMPLE)]
    assert found == [
        ("lo", "127.0.0.1/32"),
        ("lo", "::1/128"),
        ("eth0", "192.0.2.10/32"),
        ("eth0", "fe80::1/128"),
        ("eth0", "198.51.100.4/32"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        "{}",
        "[1]",
        '[{"ifname": 5}]',
        '[{"ifname": "x", "addr_info": [{"local": "banana"}]}]',
        '[{"ifname": "x", "addr_info": [{"local": 7}]}]',
        '[{"ifname": "x", "addr_info": [{"local": "10.0.0.0/8"}]}]',
    ],
)
def test_unreadable_output_is_one_typed_error(text: str) -> None:
    with pytest.raises(LocalAddressError):
        parse_ip_addr_json(text)


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda kids: st.lists(kids, max_size=4)
                    | st.dictionaries(st.sampled_from(["ifname", "addr_info", "local"]), kids,
                                      max_size=3),
                    max_leaves=20))  # fmt: skip
def test_any_json_gives_addresses_or_the_typed_error(doc: object) -> None:
    with contextlib.suppress(LocalAddressError):
        parse_ip_addr_json(json.dumps(doc))


def test_a_failing_command_is_the_typed_error() -> None:
    def broken(argv: Sequence[str]) -> bytes:
        raise LocalAddressError("no ip here")

    with pytest.raises(LocalAddressError):
        local_addresses(broken)


def test_this_machine_lists_its_loopback_address() -> None:
    found = {a.network for a in local_addresses()}
    assert ipaddress.ip_network("127.0.0.1/32") in found
