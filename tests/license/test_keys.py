"""Trusted keys: the shipped vendor keys, key files, inline keys and the config entries."""

from __future__ import annotations

import contextlib
import dataclasses
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from honeymesh.config import Config, ConfigError, LicenseConfig, NodeConfig
from honeymesh.license.issue import LicenseSigningKey, encode_public_key
from honeymesh.license.keys import (
    KeyFileError,
    TrustedKeys,
    format_inline_key,
    parse_inline_key,
    parse_key_set,
    parse_public_key_file,
    trusted_keys_for,
    vendor_keys,
)

from .helpers import SIGNER


def test_the_package_ships_a_vendor_key() -> None:
    keys = vendor_keys()
    assert "honeymesh-vendor-1" in keys
    assert len(keys["honeymesh-vendor-1"].key) == 32


def test_no_private_key_is_shipped() -> None:
    package = Path(__file__).resolve().parents[2] / "honeymesh" / "license"
    for path in package.rglob("*"):
        if path.is_file():
            assert b"signing-key/1" not in path.read_bytes() or path.suffix == ".py", path


def test_public_key_file_and_inline_forms_round_trip() -> None:
    pub = SIGNER.public
    assert parse_public_key_file(encode_public_key(pub), "f").key == pub.key
    inline = format_inline_key(pub)
    assert inline.startswith("ed25519:test-1:")
    parsed = parse_inline_key(inline, "inline")
    assert (parsed.key_id, parsed.key) == ("test-1", pub.key)


def test_one_id_one_key() -> None:
    impostor = LicenseSigningKey("test-1", b"\x02" * 32).public
    with pytest.raises(KeyFileError, match="already trusted"):
        TrustedKeys([SIGNER.public, impostor])
    assert len(TrustedKeys([SIGNER.public, SIGNER.public])) == 1


def config_with(tmp_path: Path, *entries: str) -> Config:
    return Config(
        node=NodeConfig(name="n", data_dir=tmp_path),
        license=LicenseConfig(trusted_keys=entries),
        source=tmp_path / "honeymesh.toml",
    )


def test_config_entries_add_to_the_vendor_keys(tmp_path: Path) -> None:
    (tmp_path / "extra.pub").write_bytes(encode_public_key(SIGNER.public))
    other = LicenseSigningKey("inline-1", b"\x05" * 32).public
    keys = trusted_keys_for(config_with(tmp_path, "extra.pub", format_inline_key(other)))
    assert set(keys) == {"honeymesh-vendor-1", "test-1", "inline-1"}


@pytest.mark.parametrize(
    ("entry", "fragment"),
    [
        ("missing.pub", "cannot read"),
        ("ed25519:id-1:AAAA", "32 bytes"),
        ("ed25519:only-id", "KEY_ID:BASE64"),
        ("garbage.pub", "not JSON"),
    ],
)
def test_a_bad_config_entry_is_a_config_error_naming_it(
    tmp_path: Path, entry: str, fragment: str
) -> None:
    (tmp_path / "garbage.pub").write_text("nope")
    with pytest.raises(ConfigError) as info:
        trusted_keys_for(config_with(tmp_path, format_inline_key(SIGNER.public), entry))
    assert info.value.key == "license.trusted_keys[1]"
    assert fragment in str(info.value)


def test_a_config_key_cannot_shadow_a_vendor_key_id(tmp_path: Path) -> None:
    fake_vendor = dataclasses.replace(SIGNER.public, key_id="honeymesh-vendor-1")
    with pytest.raises(ConfigError, match="already trusted"):
        trusted_keys_for(config_with(tmp_path, format_inline_key(fake_vendor)))


@given(st.binary(max_size=300))
def test_key_parsers_give_a_typed_error_only(data: bytes) -> None:
    for parse in (parse_public_key_file, parse_key_set):
        with contextlib.suppress(KeyFileError):
            parse(data, "x")


@given(st.text(max_size=100))
def test_inline_parser_gives_a_typed_error_only(text: str) -> None:
    with contextlib.suppress(KeyFileError):
        parse_inline_key("ed25519:" + text, "x")


def test_key_set_refuses_unknown_fields() -> None:
    doc = {"format": "honeymesh-license-keys/1", "keys": [], "extra": 1}
    with pytest.raises(KeyFileError):
        parse_key_set(json.dumps(doc).encode(), "x")
