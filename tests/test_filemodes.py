"""Secret files: written 0600 whatever was there before, and refused when others can reach them."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from honeymesh.certs import write_self_signed
from honeymesh.filemodes import replace_file
from honeymesh.mesh.identity import NodeIdentity


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
