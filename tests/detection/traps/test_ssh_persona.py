"""The SSH trap's persona at the packet level: the KEXINIT it sends is the real server's, and
strict kex (the Terrapin fix) refuses what Dropbear and OpenSSH refuse."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from twisted.conch.ssh.common import NS
from twisted.internet.task import Clock

from honeymesh.detection.traps.ssh import (
    DROPBEAR_2022_83,
    PERSONAS,
    SshDialogue,
    SshHostKeys,
    SshSettings,
    parse_kexinit,
)
from tests.detection.traps.dialogues import PERSONA, WEAK

CLIENT = b"SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u10\r\n"


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> SshSettings:
    keys = SshHostKeys.load_or_create(Path(tmp_path_factory.mktemp("keys")))
    version, algorithms = PERSONAS["dropbear-2022.83"]
    return SshSettings(version, PERSONA, WEAK, keys, algorithms)


def packet(payload: bytes) -> bytes:
    padding = 8 - (5 + len(payload)) % 8
    padding += 8 if padding < 4 else 0
    return struct.pack(">LB", 1 + len(payload) + padding, padding) + payload + bytes(padding)


def payloads(data: bytes) -> list[bytes]:
    """The plaintext packets' payloads (everything before NEWKEYS is unencrypted)."""
    out = []
    while len(data) >= 5:
        length, padding = struct.unpack(">LB", data[:5])
        out.append(data[5 : 4 + length - padding])
        data = data[4 + length :]
    return out


def kexinit(kex: bytes) -> bytes:
    lists = [kex, b"ssh-ed25519", b"aes128-ctr", b"aes128-ctr", b"hmac-sha2-256",
             b"hmac-sha2-256", b"none", b"none", b"", b""]  # fmt: skip
    return bytes([20]) + bytes(16) + b"".join(NS(x) for x in lists) + bytes(5)


def start(settings: SshSettings) -> tuple[SshDialogue, list[bytes]]:
    d = SshDialogue(settings, Clock())
    banner, _, rest = d.start().reply.partition(b"\r\n")
    assert banner == b"SSH-2.0-dropbear_2022.83"
    return d, payloads(rest)


def test_the_kexinit_is_dropbears_exactly_with_our_three_host_key_types(
    settings: SshSettings,
) -> None:
    _, sent = start(settings)
    assert sent[0][0] == 20
    lists = parse_kexinit(sent[0][1:])
    a = DROPBEAR_2022_83
    assert lists["kex_algorithms"] == [n.decode() for n in a.kex]  # no ext-info-s, as Dropbear
    assert lists["server_host_key_algorithms"] == [n.decode() for n in a.host_keys]
    for direction in ("client_to_server", "server_to_client"):
        assert lists[f"ciphers_{direction}"] == [n.decode() for n in a.ciphers]
        assert lists[f"macs_{direction}"] == [n.decode() for n in a.macs]
        assert lists[f"compression_{direction}"] == [n.decode() for n in a.compression]
    assert sent[0].endswith(NS(b"") + NS(b"") + bytes(5))  # no languages, no guess


def hung_up(d: SshDialogue, reply: bytes) -> str:
    """Why the trap hung up, having said nothing (Dropbear sends no SSH_MSG_DISCONNECT)."""
    assert [p for p in payloads(reply) if p[:1] == b"\x01"] == []
    return str(d.detail["ssh_hangup"])


def test_strict_kex_refuses_a_kexinit_that_is_not_the_first_packet(
    settings: SshSettings,
) -> None:
    d, _ = start(settings)
    ignore = packet(b"\x02" + NS(b"x"))
    step = d.receive(
        CLIENT + ignore + packet(kexinit(b"curve25519-sha256,kex-strict-c-v00@openssh.com"))
    )
    assert step.close
    assert hung_up(d, step.reply) == "strict KEX violation: KEXINIT was not the first packet"


def test_strict_kex_refuses_anything_but_key_exchange_before_newkeys(
    settings: SshSettings,
) -> None:
    d, _ = start(settings)
    step = d.receive(CLIENT + packet(kexinit(b"curve25519-sha256,kex-strict-c-v00@openssh.com")))
    assert not step.close
    step = d.receive(packet(b"\x02" + NS(b"x")))  # SSH_MSG_IGNORE, where Terrapin hides
    assert step.close
    assert hung_up(d, step.reply) == "strict KEX violation: unexpected packet type 2"


def test_without_strict_kex_an_ignore_during_key_exchange_is_ignored(
    settings: SshSettings,
) -> None:
    d, _ = start(settings)
    step = d.receive(CLIENT + packet(b"\x02" + NS(b"x")) + packet(kexinit(b"curve25519-sha256")))
    assert not step.close
    assert not d.receive(packet(b"\x02" + NS(b"x"))).close


def test_a_failed_password_is_answered_after_dropbears_pause(settings: SshSettings) -> None:
    """Dropbear holds each failure back 250-350 ms (against timing attacks); so does the
    trap, through the session's reply delay (no clock here: the delay is what is asked)."""
    d, _ = start(settings)
    delays = []
    for _ in range(20):
        assert not d.saw_password(b"root", b"wrong")
        delays.append(d.receive(b"").delay)
    assert all(0.25 <= x <= 0.35 for x in delays)
    assert len(set(delays)) > 1  # drawn, not fixed
    assert d.receive(b"").delay == 0.0  # only the step that carries the failure waits
    assert d.saw_password(b"root", b"root")
    assert d.receive(b"").delay == 0.0  # a login is not held back


@pytest.mark.parametrize(
    ("sent", "reset"),
    [
        (b"GET / HTTP/1.0\r\n\r\n", True),  # the request's second line is never read
        (b"\r\n", False),
        (b"\r\n" + CLIENT, True),
        (b"SSH-1.5-x\r\n", False),
        (b"SSH-1.5-x\r\nmore\r\n", True),
        (CLIENT + b"\xff" * 8, False),  # the first block, whose length is refused
        (CLIENT + b"\xff" * 12, True),  # and four bytes behind it
        (CLIENT + packet(b"\x63"), False),
        (CLIENT + packet(b"\x63") + packet(b"\x02" + NS(b"x")), True),
    ],
)
def test_a_hang_up_resets_exactly_when_dropbear_leaves_bytes_unread(
    settings: SshSettings, sent: bytes, reset: bool
) -> None:
    """Dropbear reads its client's version line, then each packet's first block and its rest,
    acting on each before it reads on; hanging up with bytes still unread, its kernel sends a
    reset, else a FIN (each case measured against dropbear 2022.83, tests/fidelity/test_ssh.py).
    The trap has read everything, so its dialogue asks for the reset in exactly those cases."""
    d, _ = start(settings)
    step = d.receive(sent)
    assert step.close and step.reset is reset
    hung_up(d, step.reply)
