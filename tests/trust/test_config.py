"""The [trust] config section: defaults, range checks and checks across keys, as one line each."""

from __future__ import annotations

from pathlib import Path

import pytest

from honeymesh.config import ConfigError, TrustConfig, parse_config

PATH = Path("/etc/honeymesh/honeymesh.toml")


def test_an_empty_trust_section_takes_the_defaults() -> None:
    assert parse_config({"trust": {}}, PATH).trust == TrustConfig()


def test_values_are_read() -> None:
    trust = parse_config(
        {
            "trust": {
                "start_level": 2,
                "canary_addresses": ["192.0.2.1", "2001:db8::/64"],
                "half_life": 3600,
            }
        },
        PATH,
    ).trust
    assert trust.start_level == 2
    assert trust.canary_addresses == ("192.0.2.1", "2001:db8::/64")
    assert trust.half_life == 3600.0


@pytest.mark.parametrize(("table", "key", "expected"), [
    ({"start_level": 3}, "trust.start_level", "level 3 is only ever given by an operator"),
    ({"l2_threshold": 120}, "trust.l2_threshold", "from 0 to 100"),
    ({"canary_addresses": ["not-an-address"]}, "trust.canary_addresses", "CIDR"),
    ({"half_life": 0}, "trust.half_life", "greater than 0"),
    ({"l1_threshold": 80, "l2_threshold": 40}, "trust.l2_threshold", "greater than"),
    ({"max_held": 10, "max_held_per_peer": 20}, "trust.max_held_per_peer", "at most"),
    ({"claim_memory": 60}, "trust.claim_memory", "support_deadline"),
    ({"penalty": 5}, "trust.penalty", "unknown key"),
])  # fmt: skip
def test_bad_values_name_the_key(table: dict[str, object], key: str, expected: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_config({"trust": table}, PATH)
    assert info.value.key == key
    assert expected in str(info.value)
    assert str(info.value).startswith(f"{PATH}: {key}: ")
