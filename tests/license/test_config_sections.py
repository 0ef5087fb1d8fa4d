"""The [license] and [sharing] config sections."""

from __future__ import annotations

from pathlib import Path

import pytest

from honeymesh.config import ConfigError, load_config


def load(tmp_path: Path, text: str):
    path = tmp_path / "honeymesh.toml"
    path.write_text(text)
    return load_config(path)


def test_defaults_keep_sharing_off(tmp_path: Path) -> None:
    config = load(tmp_path, "")
    assert config.sharing.enabled is False
    assert (config.sharing.publish, config.sharing.consume) == (True, True)
    assert config.sharing.cluster_id == ""
    assert config.data_path(config.license.path) == tmp_path / "license.json"
    assert config.license.trusted_keys == ()


def test_sections_parse(tmp_path: Path) -> None:
    config = load(
        tmp_path,
        """
[license]
path = "/etc/honeymesh/license.json"
trusted_keys = ["keys/acme.pub", "ed25519:id:AAAA"]
clock_tolerance = 600
check_interval = 60

[sharing]
enabled = true
publish = false
cluster_id = "blue-1"
""",
    )
    assert config.license.path == Path("/etc/honeymesh/license.json")
    assert config.license.trusted_keys == ("keys/acme.pub", "ed25519:id:AAAA")
    assert config.license.clock_tolerance == 600.0
    assert (config.sharing.enabled, config.sharing.publish, config.sharing.consume) == (
        True,
        False,
        True,
    )
    assert config.sharing.cluster_id == "blue-1"


@pytest.mark.parametrize(
    ("text", "key", "fragment"),
    [
        ("[sharing]\nenabled = 'yes'\n", "sharing.enabled", "true or false"),
        ("[sharing]\ncluster_id = 'a b'\n", "sharing.cluster_id", "A-Z a-z 0-9"),
        ("[license]\nclock_tolerance = -1\n", "license.clock_tolerance", "greater than 0"),
        ("[license]\ntrusted_keys = ['']\n", "license.trusted_keys", "non-empty"),
        ("[license]\nexpires = 1\n", "license.expires", "unknown key"),
    ],
)
def test_bad_values(tmp_path: Path, text: str, key: str, fragment: str) -> None:
    with pytest.raises(ConfigError) as info:
        load(tmp_path, text)
    assert info.value.key == key
    assert fragment in str(info.value)
