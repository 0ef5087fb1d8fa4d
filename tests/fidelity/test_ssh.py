"""The SSH trap (the default persona, ``dropbear-2022.83``) against Debian 12's dropbear-bin
2022.83-1+deb12u3: raw probes, the real clients' and scanners' views (OpenSSH's ssh -v,
ssh-keyscan, ssh-audit, nmap -sV with its SSH scripts), diffed after named rules."""

from __future__ import annotations

import json
import os
import re
import socket
import struct
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from honeymesh.detection.traps.ssh import parse_kexinit
from tests.e2e.daemon import Daemon, free_port
from tests.fidelity import harness
from tests.fidelity.harness import RealServer, Rule, diff


@pytest.fixture(scope="module")
def real_dropbear(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RealServer]:
    """Dropbear as Debian's package runs it (its init script: ``dropbear -p 22`` with the
    three host keys its postinst makes with dropbearkey), in the foreground on loopback."""
    where = tmp_path_factory.mktemp("dropbear")
    argv = ["/usr/sbin/dropbear", "-F", "-E"]
    for kind in ("rsa", "ecdsa", "ed25519"):
        key = where / f"dropbear_{kind}_host_key"
        subprocess.run(["dropbearkey", "-t", kind, "-f", str(key)], capture_output=True,
                       check=True, timeout=60)  # fmt: skip
        argv += ["-r", str(key)]
    port = free_port()
    server = harness.start("dropbear", [*argv, "-p", f"127.0.0.1:{port}"], port, where)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def ports(real_dropbear: RealServer, traps: Daemon, trap_ports: dict[str, int]) -> list[int]:
    return [real_dropbear.port, trap_ports["ssh"]]


# Raw probes ------------------------------------------------------------------------------------


def exchange(port: int, data: bytes) -> bytes:
    """What the server says to ``data`` (its version line, its unencrypted packets, how it ends
    within 3 s), as text: the KEXINIT's cookie left out, every list in full."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=3)
    got, end = b"", "still open"
    try:
        if data:
            sock.sendall(data)
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            sock.settimeout(max(deadline - time.monotonic(), 0.01))
            chunk = sock.recv(65536)
            if not chunk:
                end = "closed (FIN)"
                break
            got += chunk
    except TimeoutError:
        pass
    except ConnectionResetError:
        end = "closed (RST)"
    finally:
        sock.close()
    version, _, rest = got.partition(b"\r\n")
    lines = [version.decode("latin-1")]
    while len(rest) >= 5:
        length, padding = struct.unpack(">LB", rest[:5])
        payload, rest = rest[5 : 4 + length - padding], rest[4 + length :]
        if payload[:1] == b"\x14":
            lists = parse_kexinit(payload[1:])
            lines += [f"KEXINIT {name}: {','.join(v)}" for name, v in lists.items()]
            lines.append(f"KEXINIT tail: {payload[-5:].hex()}")
        elif payload[:1] == b"\x01":
            lines.append(f"DISCONNECT {payload[1:].hex()}")
        else:
            lines.append(f"message {payload[0]} ({len(payload)} bytes)")
    if rest:
        lines.append(f"{len(rest)} more bytes")
    lines.append(end)
    return "\n".join(lines).encode() + b"\n"


VERSION = b"SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u10\r\n"


def packet(payload: bytes) -> bytes:
    padding = 8 - (5 + len(payload)) % 8
    padding += 8 if padding < 4 else 0
    return struct.pack(">LB", 1 + len(payload) + padding, padding) + payload + bytes(padding)


PROBES: list[tuple[str, bytes]] = [
    ("connect and wait", b""),
    ("client version", VERSION),
    ("version with LF only", b"SSH-2.0-x\n"),
    ("HTTP request", b"GET / HTTP/1.0\r\n\r\n"),
    ("an empty line", b"\r\n"),
    ("a line before the version", b"hello\r\n" + VERSION),
    ("SSH-1.5", b"SSH-1.5-x\r\n"),
    ("version line of 262 bytes", b"SSH-2.0-" + b"x" * 252 + b"\r\n"),
    ("version line of 263 bytes", b"SSH-2.0-" + b"x" * 253 + b"\r\n"),
    ("bad packet length", VERSION + b"\xff" * 64),
    ("NEWKEYS before key exchange", VERSION + packet(b"\x15")),
    ("message 10 before key exchange", VERSION + packet(b"\x0a")),
    ("IGNORE before key exchange", VERSION + packet(b"\x02\x00\x00\x00\x01x")),
    ("service request before key exchange", VERSION + packet(b"\x05\x00\x00\x00\x0cssh-userauth")),
    ("message 99 before key exchange", VERSION + packet(b"\x63")),
    # How each ends: a reset exactly when Dropbear leaves bytes unread (it reads the version
    # line, a packet's first block, then the rest of the packet, and acts before reading on).
    ("bad packet length, first block only", VERSION + b"\xff" * 8),
    ("message 99, then an IGNORE", VERSION + packet(b"\x63") + packet(b"\x02\x00\x00\x00\x01x")),
    ("SSH-1.5, then a line", b"SSH-1.5-x\r\nmore\r\n"),
]


@pytest.mark.parametrize(("name", "probe"), PROBES, ids=[p[0] for p in PROBES])
def test_probe(name: str, probe: bytes, ports: list[int]) -> None:
    """Diffed to the close: Dropbear hangs up with the client's unread bytes in its socket (an
    HTTP request, a line before the version, a bad packet length), so the kernel sends a reset,
    and the trap, having read them all, resets too (ssh.py's ``_unread``); otherwise a FIN."""
    real, trap = (exchange(port, probe) for port in ports)
    diff(name, real, trap)


# Real clients and scanners ---------------------------------------------------------------------

SSH = ["ssh", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
       "-o", "ConnectTimeout=5"]  # fmt: skip
PORT = Rule("port", r"(port |\]:)\d{4,5}\b", r"\1PORT")


def run(argv: list[str], env: dict[str, str] | None = None, timeout: float = 60) -> bytes:
    done = subprocess.run(
        argv, capture_output=True, timeout=timeout, check=False, stdin=subprocess.DEVNULL, env=env
    )
    return done.stdout + done.stderr


def client_view(port: int) -> bytes:
    """What OpenSSH's client learns before it logs in: the negotiation (strict kex included),
    the server's extensions and the methods it may use."""
    log = run([*SSH, "-vvv", "-o", "PreferredAuthentications=none", "-o", "BatchMode=yes",
               "-p", str(port), "root@127.0.0.1", "true"])  # fmt: skip
    keep = re.compile(
        rb"remote software version|peer server KEXINIT|KEX algorithms|host key algorithms|"
        rb"ciphers [cs]to[cs]|MACs [cs]to[cs]|compression [cs]to[cs]|languages|first_kex|"
        rb"reserved|strict|kex: |kex_input_ext_info|can continue|Permission denied|SSH2_MSG_"
    )
    return b"".join(ln + b"\n" for ln in log.splitlines() if keep.search(ln))


def test_what_the_openssh_client_negotiates_and_may_log_in_with(ports: list[int]) -> None:
    real, trap = (client_view(port) for port in ports)
    # The server's own KEXINIT lines, the choices, "will use strict KEX ordering", EXT_INFO's
    # server-sig-algs, "Authentications that can continue: publickey,password".
    assert b"will use strict KEX ordering" in real
    diff("ssh -vvv", real, trap, [PORT])


def wrong_passwords(port: int, where: Path) -> bytes:
    """Wrong passwords, one after another, until the server hangs up (OpenSSH's askpass
    answers each prompt, so nothing stops after the first as sshpass does)."""
    askpass = where / "askpass"
    askpass.write_text("#!/bin/sh\necho wrong-password\n")
    askpass.chmod(0o700)
    env = {**os.environ, "SSH_ASKPASS": str(askpass), "SSH_ASKPASS_REQUIRE": "force",
           "DISPLAY": ":0"}  # fmt: skip
    return run([*SSH, "-o", "PreferredAuthentications=password",
                "-o", "NumberOfPasswordPrompts=20", "-p", str(port), "root@127.0.0.1", "true"],
               env=env)  # fmt: skip


def test_wrong_passwords_until_the_server_hangs_up(ports: list[int], tmp_path: Path) -> None:
    real, trap = (wrong_passwords(port, tmp_path) for port in ports)
    assert real.count(b"Permission denied, please try again.") == 9  # the tenth goes unanswered
    diff("ten wrong passwords", real, trap, [PORT])


def test_host_key_types_and_sizes(ports: list[int]) -> None:
    def keys(port: int) -> bytes:
        out = run(["ssh-keyscan", "-p", str(port), "127.0.0.1"], timeout=30)
        found = sorted(ln.split()[1:] for ln in out.splitlines() if not ln.startswith(b"#"))
        return b"".join(b"%s %d\n" % (kind, len(blob)) for kind, blob in found)

    real, trap = (keys(port) for port in ports)
    assert real.count(b"\n") == 3
    diff("ssh-keyscan", real, trap)


FINGERPRINT = Rule("host key fingerprint", r"SHA256:[A-Za-z0-9+/]+", "SHA256:<fingerprint>")


def test_ssh_audit_sees_the_same_server(ports: list[int]) -> None:
    """ssh-audit 2.5.0's verdict, as text (every warning and failure) and as JSON: the trap has
    no finding the real Dropbear lacks, and none fewer."""
    texts = [run(["ssh-audit", "-n", "-p", str(p), "127.0.0.1"], timeout=60) for p in ports]
    diff("ssh-audit", texts[0], texts[1], [FINGERPRINT, PORT])
    docs = []
    for port in ports:
        doc = json.loads(run(["ssh-audit", "-j", "-p", str(port), "127.0.0.1"], timeout=60))
        doc.pop("fingerprints")
        docs.append(json.dumps(doc, indent=1, sort_keys=True).encode())
    assert b'"software": "dropbear_2022.83"' in docs[0]
    diff("ssh-audit -j", docs[0], docs[1])


def test_nmap_names_dropbear_and_its_algorithms(ports: list[int]) -> None:
    """nmap -sV with ssh-hostkey and ssh2-enum-algos, bounded: nmap 7.93's ssh-hostkey never
    finishes against the real Dropbear either, so both end at the script timeout alike."""

    def scan(port: int) -> bytes:
        out = run(["nmap", "-sV", "-Pn", "-n", "--host-timeout", "90s", "--script-timeout",
                   "5s", "--script", "ssh-hostkey,ssh2-enum-algos", "-p", str(port),
                   "127.0.0.1"], timeout=120)  # fmt: skip
        return b"".join(ln + b"\n" for ln in out.splitlines() if ln[:1] == b"|" or ln[:1].isdigit())

    real, trap = (scan(port) for port in ports)
    assert b"open  ssh     Dropbear sshd 2022.83 (protocol 2.0)" in real
    assert b"kex-strict-s-v00@openssh.com" in real
    diff("nmap -sV", real, trap, [Rule("port", r"^\d+/tcp", "PORT/tcp")])
