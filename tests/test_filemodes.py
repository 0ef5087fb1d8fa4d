"""Secret files: written 0600 whatever was there before, and refused when others can reach them."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest

from honeymesh.certs import write_self_signed
from honeymesh.config import Config, load_config
from honeymesh.detection.traps.ssh import SshHostKeys
from honeymesh.filemodes import UnsafeModes, replace_file
from honeymesh.license.issue import LicenseSigningKey, write_key_pair
from honeymesh.mesh.identity import NodeIdentity
from honeymesh.provision import provision
from honeymesh.strictmodes import check_guarded_files, guarded_files


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_replace_file_gives_the_mode_asked_whatever_was_there(tmp_path: Path) -> None:
    path = tmp_path / "secret.key"
    path.write_bytes(b"old, and readable by everyone")
    path.chmod(0o666)
    replace_file(path, b"new")
    assert path.read_bytes() == b"new"
    assert mode(path) == 0o600
    replace_file(path, b"public", mode=0o644)
    assert mode(path) == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == ["secret.key"]  # no temporary left


def test_replace_file_leaves_the_old_file_whole_when_the_write_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "secret.key"
    path.write_bytes(b"old")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space left"):
        replace_file(path, b"new")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["secret.key"]


def test_a_new_tls_key_over_an_old_0644_one_is_0600(tmp_path: Path) -> None:
    cert, key = tmp_path / "tls/dashboard.crt", tmp_path / "tls/dashboard.key"
    write_self_signed(cert, key)
    key.chmod(0o644)
    old = key.read_bytes()
    write_self_signed(cert, key)
    assert key.read_bytes() != old
    assert mode(key) == 0o600


def test_an_identity_saved_over_a_stale_0644_temporary_is_0600(tmp_path: Path) -> None:
    """The old save reopened a fixed ``identity.key.tmp`` with O_TRUNC, keeping its mode."""
    stale = tmp_path / "identity.key.tmp"
    stale.write_bytes(b"left over from a crash")
    stale.chmod(0o644)
    NodeIdentity.generate().save(tmp_path / "identity.key")
    assert mode(tmp_path / "identity.key") == 0o600


# Which files are checked: every one the configuration names -----------------------------------


def node_with_every_secret(tmp_path: Path) -> Config:
    """A data directory as ``init`` leaves it, plus an SSH trap's host keys, a TLS trap with its
    own key and a trusted license key file."""
    data = tmp_path / "var"
    done = provision(data)
    text = done.config_path.read_text().replace(
        "trusted_keys = []", 'trusted_keys = ["keys/license-signing.pub", "ed25519:k1:AAAA"]'
    )
    text += (
        '\n[[traps]]\ntype = "ssh"\nports = [0]\n'
        '\n[[traps]]\ntype = "tls"\nports = [0]\n'
        'tls_cert = "tls/trap.crt"\ntls_key = "tls/trap.key"\n'
    )
    done.config_path.write_text(text)
    SshHostKeys.load_or_create(data / "traps/ssh")
    write_self_signed(data / "tls/trap.crt", data / "tls/trap.key")
    write_key_pair(data / "keys", LicenseSigningKey.generate())
    return load_config(done.config_path)


def test_every_secret_the_configuration_names_is_guarded(tmp_path: Path) -> None:
    config = node_with_every_secret(tmp_path)
    data = tmp_path / "var"
    guarded = {(g.path, g.rule) for g in guarded_files(config)}
    assert guarded == {
        (data, "directory"),
        (data / "identity.key", "private"),
        (data / "tls/dashboard.key", "private"),
        (data / "honeymesh.toml", "unwritable"),
        (data / "traps/ssh", "directory"),
        (data / "traps/ssh/ssh_host_ed25519_key", "private"),
        (data / "traps/ssh/ssh_host_ecdsa_key", "private"),
        (data / "traps/ssh/ssh_host_rsa_key", "private"),
        (data / "tls/trap.key", "private"),
        (data / "keys/license-signing.pub", "unwritable"),
    }
    check_guarded_files(config)  # as created: nothing to refuse


@pytest.mark.parametrize(
    ("target", "chmod", "message"),
    [
        ("traps/ssh/ssh_host_ed25519_key", 0o644, "SSH host key of trap 'ssh' has mode 0644"),
        ("traps/ssh/ssh_host_rsa_key", 0o640, "chmod 600"),
        ("traps/ssh", 0o755, "host key directory of trap 'ssh' has mode 0755"),
        ("tls/trap.key", 0o604, "TLS key of trap 'https' has mode 0604"),
        ("honeymesh.toml", 0o666, "configuration has mode 0666, so other users can change it"),
        ("honeymesh.toml", 0o620, "chmod go-w"),
        ("keys/license-signing.pub", 0o646, "trusted license key has mode 0646"),
    ],
)
def test_each_guarded_file_open_to_others_is_refused(
    tmp_path: Path, target: str, chmod: int, message: str
) -> None:
    config = node_with_every_secret(tmp_path)
    (tmp_path / "var" / target).chmod(chmod)
    with pytest.raises(UnsafeModes, match=re.escape(message)):
        check_guarded_files(config)


@pytest.mark.parametrize("target", ["honeymesh.toml", "keys/license-signing.pub"])
def test_files_without_secrets_may_be_read_by_others(tmp_path: Path, target: str) -> None:
    config = node_with_every_secret(tmp_path)
    (tmp_path / "var" / target).chmod(0o644)
    check_guarded_files(config)
