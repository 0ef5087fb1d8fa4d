"""The real OpenSSH client logs into the SSH trap's fake shell through every algorithm the
persona offers: each cipher (chacha20-poly1305@openssh.com included), each MAC, each key
exchange (diffie-hellman-group14-sha256 included), each host key type, with and without
zlib@openssh.com compression, and always with strict kex (OpenSSH 9.2p1 deb12u2+ asks for it,
and its MACs fail unless the trap restarts its sequence numbers as it does)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from honeymesh.detection.traps.ssh import DROPBEAR_2022_83, KEXGUESS2, STRICT_KEX_S
from tests.e2e.daemon import Daemon, free_port
from tests.fidelity import harness

PORT = free_port()
MARKERS = (KEXGUESS2, STRICT_KEX_S)  # names in the kex list that are not key exchanges


@pytest.fixture(scope="module")
def trap(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Daemon]:
    text = f'\n[[traps]]\nname = "ssh"\ntype = "ssh"\nports = [{PORT}]\nbind = ["127.0.0.1"]\n'
    yield from harness.trap_daemon(tmp_path_factory.mktemp("ssh-algorithms"), text)


def login(*options: str, command: str = "echo logged-in; id -un") -> tuple[str, str]:
    """The shell's answer to ``command`` and the client's -vvv log, logged in as root:root."""
    argv = ["sshpass", "-p", "root", "ssh", "-vvv", "-o", "StrictHostKeyChecking=no",
            "-o", "UserKnownHostsFile=/dev/null", "-o", "ConnectTimeout=5",
            "-o", "PreferredAuthentications=password", *options, "-p", str(PORT),
            "root@127.0.0.1", command]  # fmt: skip
    done = subprocess.run(argv, capture_output=True, timeout=30, check=False)
    log = done.stderr.decode(errors="replace").replace("\r\n", "\n")
    return done.stdout.decode(errors="replace"), log


def names(values: tuple[bytes, ...]) -> list[str]:
    return [v.decode() for v in values if v not in MARKERS]


def assert_logged_in(out: str, log: str) -> None:
    assert out.split() == ["logged-in", "root"], log[-2000:]
    assert "will use strict KEX ordering" in log
    assert "resetting send seqnr" in log


@pytest.mark.parametrize("cipher", names(DROPBEAR_2022_83.ciphers))
def test_every_cipher(trap: Daemon, cipher: str) -> None:
    out, log = login("-c", cipher)
    assert_logged_in(out, log)
    assert f"server->client cipher: {cipher} " in log
    assert f"client->server cipher: {cipher} " in log


@pytest.mark.parametrize("mac", names(DROPBEAR_2022_83.macs))
def test_every_mac(trap: Daemon, mac: str) -> None:
    out, log = login("-c", "aes128-ctr", "-m", mac)
    assert_logged_in(out, log)
    assert f"cipher: aes128-ctr MAC: {mac} " in log


@pytest.mark.parametrize("kex", names(DROPBEAR_2022_83.kex))
def test_every_key_exchange(trap: Daemon, kex: str) -> None:
    out, log = login("-o", f"KexAlgorithms={kex}")
    assert_logged_in(out, log)
    assert f"debug1: kex: algorithm: {kex}" in log.splitlines()


@pytest.mark.parametrize("host_key", names(DROPBEAR_2022_83.host_keys))
def test_every_host_key_type(trap: Daemon, host_key: str) -> None:
    out, log = login("-o", f"HostKeyAlgorithms={host_key}")
    assert_logged_in(out, log)
    assert f"debug1: kex: host key algorithm: {host_key}" in log.splitlines()


def test_delayed_compression_after_login(trap: Daemon) -> None:
    out, log = login("-C", command="echo logged-in; id -un; seq 1 2000 | tail -n 1 >/dev/null")
    assert_logged_in(out, log)
    assert "compression: zlib@openssh.com" in log


def test_a_wrong_password_is_refused_with_the_real_methods(trap: Daemon) -> None:
    argv = ["sshpass", "-p", "wrong", "ssh", "-o", "StrictHostKeyChecking=no",
            "-o", "UserKnownHostsFile=/dev/null", "-o", "NumberOfPasswordPrompts=1",
            "-p", str(PORT), "root@127.0.0.1", "true"]  # fmt: skip
    done = subprocess.run(argv, capture_output=True, timeout=30, check=False)
    assert done.returncode != 0
    assert b"Permission denied (publickey,password)." in done.stderr


def test_host_keys_are_kept_with_owner_only_modes(trap: Daemon) -> None:
    keys = Path(trap.node.config.data_path(Path("traps/ssh")))
    found = sorted(keys.iterdir())
    assert [p.name for p in found] == [
        "ssh_host_ecdsa_key", "ssh_host_ed25519_key", "ssh_host_rsa_key"
    ]  # fmt: skip
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in found)
