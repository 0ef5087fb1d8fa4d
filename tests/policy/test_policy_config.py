"""The [policy] config section: typed, validated, every error naming its key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from honeymesh.config import ConfigError, parse_config
from honeymesh.policy.engine import PolicyRules

HERE = Path("/etc/honeymesh/honeymesh.toml")


def test_defaults_and_overrides_resolve_into_rules() -> None:
    config = parse_config(
        {
            "policy": {
                "ban_threshold": 60,
                "ban_duration": 600,
                "detectors": [
                    {"name": "ssh", "threshold": 1},
                    {"name": "ja4", "permanent": True},
                    {"name": "http", "duration": 7200, "ban": False},
                ],
            }
        },
        HERE,
    )
    rules = PolicyRules(config.policy)
    assert (rules.default.threshold, rules.default.duration) == (60.0, 600.0)
    assert (rules.rule_for("ssh").threshold, rules.rule_for("ssh").duration) == (1.0, 600.0)
    assert rules.rule_for("ja4").duration is None
    assert (rules.rule_for("http").duration, rules.rule_for("http").ban) == (7200.0, False)
    assert rules.rule_for("unknown") == rules.default
    assert rules.escalation.multiplier == 4.0
    assert rules.suspect_mesh_bans == "lift"  # the default: a liar's bans are lifted


def test_suspect_mesh_bans_can_be_set_to_flag() -> None:
    config = parse_config({"policy": {"suspect_mesh_bans": "flag"}}, HERE)
    assert PolicyRules(config.policy).suspect_mesh_bans == "flag"


@pytest.mark.parametrize(
    ("policy", "key"),
    [
        ({"ban_threshold": 101}, "policy.ban_threshold"),
        ({"ban_threshold": "high"}, "policy.ban_threshold"),
        ({"ban_duration": 0}, "policy.ban_duration"),
        ({"ban_duration": -60}, "policy.ban_duration"),
        ({"escalation_multiplier": 0.5}, "policy.escalation_multiplier"),
        ({"permanent_after": -1}, "policy.permanent_after"),
        ({"ipv6_prefix": 8}, "policy.ipv6_prefix"),
        ({"ban_duration": 7200, "max_ban_duration": 3600}, "policy.max_ban_duration"),
        ({"detectors": [{"threshold": 5}]}, "policy.detectors[0].name"),
        ({"detectors": [{"name": "a"}, {"name": "a"}]}, "policy.detectors[1].name"),
        ({"detectors": [{"name": "a", "threshold": 500}]}, "policy.detectors[0].threshold"),
        ({"detectors": [{"name": "a", "duration": -2}]}, "policy.detectors[0].duration"),
        ({"detectors": [{"name": "a", "colour": "red"}]}, "policy.detectors[0].colour"),
        ({"detectors": {"name": "a"}}, "policy.detectors"),
        ({"bogus": 1}, "policy.bogus"),
        ({"suspect_mesh_bans": "maybe"}, "policy.suspect_mesh_bans"),
    ],
)
def test_bad_policy_values_name_their_key(policy: dict[str, Any], key: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config({"policy": policy}, HERE)
    assert caught.value.key == key
