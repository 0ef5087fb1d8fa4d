"""How the SSH server the node claims shows inside its fake machine.

A client that logs in over SSH has just spoken to the persona's server (Dropbear 2022.83); the
shell it lands in must run that server and no other: its files, its processes, its listening
socket, its login banner, the tool that prints its host keys. One ``SshServerLook`` per SSH
persona (``ssh.PERSONAS``) holds all of it, so that no answer names another server. Each value
was read from Debian 12's packages and a running server (docs/TRAPS.md).
"""

from __future__ import annotations

import base64
import struct
from collections.abc import Mapping
from dataclasses import dataclass

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from honeymesh.detection.traps.facts import NodeFacts


@dataclass(frozen=True)
class SshServerLook:
    """One SSH server as the machine shows it."""

    name: str  # the process name (``ss -p``, ``netstat -p``)
    daemon: str  # the listener's command line (``ps``)
    session: str  # the process serving one client, the parent of its shell (``ps``)
    host_key: str  # a host key file's path, ``{kind}`` for rsa, ecdsa, ed25519
    # Its sockets (``ss -p``, ``netstat -p``): the listeners' descriptors, 0.0.0.0:22 and
    # [::]:22 (IPv6-only), their backlog, and the client's socket in the session process.
    listen_fds: tuple[int, int]
    backlog: int
    session_fd: int
    files: Mapping[str, str]  # its configuration files, path -> content
    programs: Mapping[str, int]  # its programs, path -> size
    # The login banner: True, Debian's OpenSSH through pam_motd (uname line, /etc/motd, last
    # login); False, Dropbear (built without PAM), which prints /etc/motd alone.
    pam_motd: bool


#: Debian 12's dropbear 2022.83-1+deb12u3: dropbear.service runs ``dropbear -EF -p
#: "$DROPBEAR_PORT" -W "$DROPBEAR_RECEIVE_WINDOW"`` (22 and 65536), each client is served by a
#: forked dropbear that re-executes itself with ``-2 <fd>`` (measured: ``-2 8``); its postinst
#: makes the three host keys with dropbearkey in /etc/dropbear.
DROPBEAR = SshServerLook(
    name="dropbear",
    daemon="/usr/sbin/dropbear -EF -p 22 -W 65536",
    session="/usr/sbin/dropbear -EF -p 22 -W 65536 -2 8",
    host_key="/etc/dropbear/dropbear_{kind}_host_key",
    listen_fds=(3, 4),
    backlog=1000,
    session_fd=0,  # re-executed with the client's socket as its standard input
    files={
        "/etc/default/dropbear": (
            "# The TCP port that Dropbear listens on\n#DROPBEAR_PORT=22\n\n"
            "# Receive window size - this is a tradeoff between memory and network performance\n"
            "#DROPBEAR_RECEIVE_WINDOW=65536\n\n"
            "# Any additional arguments for Dropbear.  For instead set\n#\n"
            '#   DROPBEAR_EXTRA_ARGS="-b /etc/issue.net"\n#\n'
            "# to specify an optional banner file containing a message to be sent to\n"
            "# clients before they connect; or\n#\n"
            '#   DROPBEAR_EXTRA_ARGS="-r /etc/dropbear/rsa_host_key -r '
            '/etc/dropbear/ed25519_host_key"\n#\n'
            "# to specify custom host keys.  See dropbear(8) for possible values.\n"
            '#DROPBEAR_EXTRA_ARGS=""\n'
        ),
        "/etc/dropbear/run": (
            "#!/bin/sh\nexec 2>&1\nexec dropbear \\\n    -r ./dropbear_rsa_host_key \\\n"
            "    -r ./dropbear_ecdsa_host_key \\\n    -r ./dropbear_ed25519_host_key \\\n"
            "    -F -E -p 22\n"
        ),
        "/etc/dropbear/log/run": "#!/bin/sh\nexec chpst -udropbearlog svlogd -tt ./main\n",
        "/usr/lib/systemd/system/dropbear.service": (
            "[Unit]\nDescription=Lightweight SSH server\nDocumentation=man:dropbear(8)\n"
            "After=network.target\n\n[Service]\n"
            "Environment=DROPBEAR_PORT=22 DROPBEAR_RECEIVE_WINDOW=65536\n"
            "EnvironmentFile=-/etc/default/dropbear\n"
            'ExecStart=/usr/sbin/dropbear -EF -p "$DROPBEAR_PORT" -W "$DROPBEAR_RECEIVE_WINDOW" '
            "$DROPBEAR_EXTRA_ARGS\nKillMode=process\nRestart=on-failure\n\n[Install]\n"
            "WantedBy=multi-user.target\n"
        ),
    },
    programs={
        "/usr/sbin/dropbear": 176160,
        "/usr/bin/dropbearkey": 80336,
        "/usr/bin/dropbearconvert": 88528,
        "/usr/bin/dbclient": 163872,
    },
    pam_motd=False,
)

#: The look of each SSH persona (``ssh.PERSONAS``'s names).
SSH_SERVERS: Mapping[str, SshServerLook] = {"dropbear-2022.83": DROPBEAR}

_KEY_TYPES = {"ssh-ed25519": "ed25519", "ssh-rsa": "rsa", "ecdsa-sha2-nistp256": "ecdsa"}


class KeyFileError(ValueError):
    """Not a Dropbear key file (dropbearkey: ``Exited: String too long``)."""


def _string(data: bytes) -> bytes:
    return struct.pack(">L", len(data)) + data


def _mpint(number: bytes) -> bytes:
    number = number.lstrip(b"\x00") or b"\x00"
    return _string(b"\x00" + number if number[0] & 0x80 else number)


def _strings(data: bytes, count: int) -> list[bytes]:
    out = []
    for _ in range(count):
        if len(data) < 4:
            raise KeyFileError("String too long")
        (length,) = struct.unpack(">L", data[:4])
        if length > len(data) - 4:
            raise KeyFileError("String too long")
        out.append(data[4 : 4 + length])
        data = data[4 + length :]
    return out


def dropbear_key_file(public_line: str, facts: NodeFacts, kind: str) -> bytes:
    """A host key file as dropbearkey writes it, holding the public key the client was shown
    (``dropbearkey -y`` prints it) and private numbers drawn from the node's facts, never the
    trap's real ones; real dropbearkey reads it. Its size is a real one's: 83 bytes for
    ed25519, 140 or 141 for ECDSA P-256, about 805 for RSA 2048."""
    blob = base64.b64decode(public_line.split()[1])
    if kind == "ed25519":
        name, public = _strings(blob, 2)
        return _string(name) + _string(facts.draw("dropbear/ed25519", 32) + public)
    if kind == "ecdsa":
        name, curve, point = _strings(blob, 3)
        secret = facts.draw("dropbear/ecdsa", 32)
        return _string(name) + _string(curve) + _string(point) + _mpint(secret)
    name, e, n = _strings(blob, 3)
    half = (len(n.lstrip(b"\x00")) + 1) // 2
    d = facts.draw("dropbear/rsa/d", len(n.lstrip(b"\x00")))
    p = b"\xc0" + facts.draw("dropbear/rsa/p", half - 1)
    q = b"\xc1" + facts.draw("dropbear/rsa/q", half - 1)
    return _string(name) + _mpint(e) + _mpint(n) + _mpint(d) + _mpint(p) + _mpint(q)


def fallback_host_keys(facts: NodeFacts) -> dict[str, str]:
    """The host keys a shell shows when no SSH trap hands it its real ones (a Telnet shell):
    the three a Dropbear install makes (RSA 2048, ECDSA P-256, ed25519), from the node's
    facts, as OpenSSH public key lines."""
    modulus = bytes([0x80 | facts.draw("dropbear/fallback/rsa/top", 1)[0]])
    modulus += facts.draw("dropbear/fallback/rsa/n", 254) + b"\x01"
    scalar = int.from_bytes(facts.draw("dropbear/fallback/ecdsa", 32)) % (_P256_ORDER - 1) + 1
    point = (
        ec.derive_private_key(scalar, ec.SECP256R1())
        .public_key()
        .public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    )
    blobs = {
        "ed25519": base64.b64decode(facts.host_key_line("ed25519").split()[1]),
        "rsa": _string(b"ssh-rsa") + _mpint(b"\x01\x00\x01") + _mpint(modulus),
        "ecdsa": _string(b"ecdsa-sha2-nistp256") + _string(b"nistp256") + _string(point),
    }
    return {
        kind: f"{blob_type(blob)} {base64.b64encode(blob).decode()}" for kind, blob in blobs.items()
    }


_P256_ORDER = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551


def blob_type(blob: bytes) -> str:
    """The key type a public key blob names first (``ssh-ed25519``)."""
    (name,) = _strings(blob, 1)
    return name.decode("latin-1")


def public_blob(key_file: bytes) -> tuple[str, bytes]:
    """(kind, the public key's SSH blob) of a Dropbear key file, as ``dropbearkey -y`` reads
    it; raises ``KeyFileError`` for anything else."""
    (name,) = _strings(key_file, 1)
    kind = _KEY_TYPES.get(name.decode("latin-1"))
    if kind == "ed25519":
        _, both = _strings(key_file, 2)
        if len(both) != 64:
            raise KeyFileError("Bad key")
        return kind, _string(name) + _string(both[32:])
    if kind == "ecdsa":
        _, curve, point = _strings(key_file, 3)
        return kind, _string(name) + _string(curve) + _string(point)
    if kind == "rsa":
        _, e, n = _strings(key_file, 3)
        return kind, _string(name) + _string(e) + _string(n)
    raise KeyFileError("Bad key type")


__all__ = [
    "DROPBEAR",
    "SSH_SERVERS",
    "KeyFileError",
    "SshServerLook",
    "blob_type",
    "dropbear_key_file",
    "fallback_host_keys",
    "public_blob",
]
