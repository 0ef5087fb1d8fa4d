"""The MySQL trap's default persona against Debian 12's mariadb-server 10.11.19 (its shipped
/etc/mysql configuration): the greeting field by field, the answers to logins (wrong, empty,
right password, other auth plugins) and to broken clients (TLS asked for, wrong packet numbers,
short, pre-4.1 and oversized packets, silence), and nmap -sV's verdict."""

from __future__ import annotations

import hashlib
import os
import socket
import struct
import subprocess
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.e2e.daemon import Daemon
from tests.fidelity.harness import MYSQL_USER, Conversation, RealServer, Rule, diff

MYSQL_USER_BYTES = (MYSQL_USER[0].encode(), MYSQL_USER[1].encode())


@dataclass(frozen=True)
class Greeting:
    """A protocol v10 greeting; the salt and connection id are per connection."""

    text: str
    salt: bytes


def greeting(packet: bytes) -> Greeting:
    p = packet[4:]
    end = p.index(b"\x00", 1)
    pos = end + 1
    connection_id = struct.unpack_from("<I", p, pos)[0]
    salt = p[pos + 4 : pos + 12]
    pos += 13
    low, charset, status, high, salt_len = struct.unpack_from("<HBHHB", p, pos)
    pos += 8
    reserved = p[pos : pos + 10]
    pos += 10
    rest_end = p.index(b"\x00", pos)
    salt += p[pos:rest_end]
    plugin = p[rest_end + 1 :].rstrip(b"\x00")
    text = (
        f"packet length: {len(packet) - 4}\nsequence: {packet[3]}\nprotocol: {p[0]}\n"
        f"version: {p[1:end].decode()}\nconnection id: {connection_id}\n"
        f"capabilities: {low | high << 16:#010x}\ncharset: {charset}\nstatus: {status:#06x}\n"
        f"auth data length: {salt_len}\nreserved: {reserved.hex()}\nsalt length: {len(salt)}\n"
        f"plugin: {plugin.decode()}\n"
    )
    return Greeting(text, salt)


def native(password: bytes, salt: bytes) -> bytes:
    stage1 = hashlib.sha1(password).digest()
    mix = hashlib.sha1(salt + hashlib.sha1(stage1).digest()).digest()
    return bytes(a ^ b for a, b in zip(stage1, mix, strict=True))


def login(user: bytes, password: bytes, salt: bytes) -> bytes:
    """A HandshakeResponse41 as the mariadb client sends it (protocol 41, secure connection,
    plugin auth, a database)."""
    caps = 0x000AA205 | 0x8 | 0x80000
    auth = native(password, salt)
    payload = struct.pack("<IIB", caps, 1 << 24, 45) + b"\x00" * 23 + user + b"\x00"
    payload += bytes([len(auth)]) + auth + b"mysql\x00mysql_native_password\x00"
    return len(payload).to_bytes(3, "little") + b"\x01" + payload


RULES = [Rule("connection id", r"^connection id: \d+$", "connection id: <n>")]


def test_greeting(real_mariadb: RealServer, traps: Daemon, trap_ports: dict[str, int]) -> None:
    texts = []
    for port in (real_mariadb.port, trap_ports["mysql"]):
        c = Conversation(port)
        texts.append(greeting(c.read()).text.encode())
        c.close()
    diff("greeting", texts[0], texts[1], RULES)


@pytest.mark.parametrize("user", [b"root", b"nosuchuser", b"app"])
def test_login_denied(
    user: bytes, real_mariadb: RealServer, traps: Daemon, trap_ports: dict[str, int]
) -> None:
    answers = []
    for port in (real_mariadb.port, trap_ports["mysql"]):
        c = Conversation(port)
        hello = greeting(c.read())
        answers.append(c.send(login(user, b"wrong-password", hello.salt)))
        c.close()
    diff(f"login as {user.decode()}", answers[0], answers[1])


def handshake(
    user: bytes,
    auth: bytes,
    *,
    plugin: bytes = b"mysql_native_password",
    database: bytes | None = b"mysql",
    sequence: int = 1,
) -> bytes:
    """A HandshakeResponse41 with the given parts (no database: no CLIENT_CONNECT_WITH_DB)."""
    caps = 0x000AA205 | 0x80000 | (0x8 if database is not None else 0)
    payload = struct.pack("<IIB", caps, 1 << 24, 45) + b"\x00" * 23 + user + b"\x00"
    payload += bytes([len(auth)]) + auth + (database + b"\x00" if database is not None else b"")
    return packet(sequence, payload + plugin + b"\x00")


def packet(sequence: int, payload: bytes) -> bytes:
    return len(payload).to_bytes(3, "little") + bytes([sequence]) + payload


WRONG = b"wrong-password"
SHA2 = b"caching_sha2_password"
Send = Callable[[Greeting], bytes]


def scrambled(
    user: bytes, password: bytes, *, database: bytes | None = b"mysql", sequence: int = 1
) -> Send:
    return lambda hello: handshake(
        user, native(password, hello.salt), database=database, sequence=sequence
    )


# Each probe: what the client sends, one packet after the other, each once the last was answered.
PROBES: dict[str, list[Send]] = {
    # The greeting offers no TLS (no CLIENT_SSL): a client that asks for it anyway.
    "SSLRequest": [lambda h: packet(1, struct.pack("<IIB", 0x000AAA05 | 0x80000, 1 << 24, 45)
                                    + b"\x00" * 23)],
    "empty password": [lambda h: handshake(b"app", b"")],
    "empty password as root": [lambda h: handshake(b"root", b"")],
    "no database": [scrambled(b"nosuchuser", WRONG, database=None)],
    # A MySQL 8 client (caching_sha2_password first): switched to mysql_native_password with
    # the greeting's salt, then refused.
    "caching_sha2_password, switched": [
        lambda h: handshake(b"app", hashlib.sha256(WRONG).digest(), plugin=SHA2),
        lambda h: packet(3, native(WRONG, h.salt)),
    ],
    "unknown plugin": [lambda h: handshake(b"app", b"abc", plugin=b"nosuch_plugin")],
    "switch answered with a wrong packet number": [
        lambda h: handshake(b"app", b"abc", plugin=b"nosuch_plugin"),
        lambda h: packet(2, native(WRONG, h.salt)),
    ],
    "the right password, a database without a grant": [scrambled(*MYSQL_USER_BYTES)],
    # One login per connection: hydra's second try on it finds the connection closed.
    "two logins on one connection": [scrambled(b"app", WRONG), scrambled(b"app", b"other")],
    "wrong packet number": [scrambled(b"app", WRONG, sequence=5)],
    "COM_QUIT before the login, as packet 0": [lambda h: packet(0, b"\x01")],
    "COM_QUIT before the login, as packet 1": [lambda h: packet(1, b"\x01")],
    "empty packet": [lambda h: packet(1, b"")],
    "too short for a 4.1 login": [lambda h: packet(1, struct.pack("<I", 0x000AA205) + b"\x00" * 6)],
    "a name without its auth data": [lambda h: packet(1, struct.pack("<I", 0x000AA205)
                                                      + b"\x00" * 28 + b"a\x00")],
    "pre-4.1 capabilities, too short": [lambda h: packet(1, b"\x00" * 4)],
    # A 4.0 client (2-byte capabilities, no secure connection): told to upgrade.
    "pre-4.1 client": [lambda h: packet(1, b"\x0d\x00\x00\x00\x00app\x0012345678\x00")],
    # A hang-up with the client's next packet already sent: MariaDB has not read it, so its
    # kernel resets the connection.
    "a bad handshake with a packet behind it": [lambda h: packet(1, b"\x01") + packet(2, b"x")],
    "an empty packet out of order": [lambda h: packet(5, b"")],  # all read: a FIN
    "a wrong password with a query behind it": [
        lambda h: scrambled(b"app", WRONG)(h) + packet(2, b"\x03select 1")
    ],
    # Cross-protocol probes: nmap's GetRequest (read as a packet header of 2 MB, number 32),
    # a TLS ClientHello's first bytes, a line of text.
    "an HTTP request": [lambda h: b"GET / HTTP/1.0\r\n\r\n"],
    "a TLS ClientHello": [lambda h: bytes.fromhex("16030100a5010000a10303") + b"\x00" * 40],
    "a line of text": [lambda h: b"help\r\n"],
}  # fmt: skip


def answers(port: int, sends: list[Send]) -> bytes:
    """What the server said to each packet, rendered, and how it hung up: "(closed)" for a
    FIN, "(reset)" for a reset."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    out = bytearray()
    try:
        hello = greeting(read(sock))
        for send in sends:
            data = send(hello)
            try:
                sock.sendall(data)
            except OSError:
                out += b"(send failed: closed)\n"
                break
            said = read(sock)
            # The auth switch carries the greeting's salt, which is per connection.
            out += repr(said.replace(hello.salt, b"<salt>"))[2:-1].encode() + b"\n"
            if said.endswith((b"(closed)", b"(reset)")):
                break
    finally:
        sock.close()
    return bytes(out)


def read(sock: socket.socket, quiet: float = 0.5, first: float = 3.0) -> bytes:
    got = bytearray()
    deadline = time.monotonic() + first
    while time.monotonic() < deadline:
        sock.settimeout(quiet if got else max(deadline - time.monotonic(), 0.01))
        try:
            chunk = sock.recv(65536)
        except TimeoutError:
            if got:
                break
            continue
        except ConnectionResetError:  # a close with bytes still unread (mysql.py: receive)
            got += b"(reset)"
            break
        if not chunk:
            got += b"(closed)"
            break
        got += chunk
    return bytes(got)


@pytest.mark.parametrize("name", list(PROBES))
def test_probe(
    name: str, real_mariadb: RealServer, traps: Daemon, trap_ports: dict[str, int]
) -> None:
    real = answers(real_mariadb.port, PROBES[name])
    trap = answers(trap_ports["mysql"], PROBES[name])
    diff(name, real, trap)


def silence(port: int, first: bytes) -> tuple[bytes, float]:
    """What a client that sends ``first`` (maybe nothing) and then nothing gets, and when the
    connection ends."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    started = time.monotonic()
    try:
        read(sock)  # the greeting
        if first:
            sock.sendall(first)
        said = read(sock, quiet=20.0, first=20.0)
    finally:
        sock.close()
    return said, time.monotonic() - started


SILENT = {
    "nothing": b"",
    "half a packet": b"\x50\x00\x00\x01abc",
    "a 16 MiB length": b"\xff\xff\xff\x01" + b"a" * 100,
}


def test_a_client_that_stops_talking_is_cut_at_connect_timeout(
    real_mariadb: RealServer, traps: Daemon, trap_ports: dict[str, int]
) -> None:
    """MariaDB says nothing more and ends the connection at connect_timeout (10 s, measured
    10.0 s); the trap's login_grace is that."""
    with ThreadPoolExecutor(2 * len(SILENT)) as pool:
        runs = {
            (name, side): pool.submit(silence, port, first)
            for name, first in SILENT.items()
            for side, port in (("real", real_mariadb.port), ("trap", trap_ports["mysql"]))
        }
        results = {key: run.result() for key, run in runs.items()}
    for name in SILENT:
        (real, real_took), (trap, trap_took) = results[name, "real"], results[name, "trap"]
        # Both with a reset: MariaDB aborts the connection at connect_timeout, as the trap's
        # limits do at its login grace.
        assert real == trap == b"(reset)", name
        # Neither hangs up at once, and both do in the end (the read waits up to 20 s).
        assert 5 < real_took < 19 and 5 < trap_took < 19, (name, real_took, trap_took)


def test_nmap_names_both_alike(
    real_mariadb: RealServer, traps: Daemon, trap_ports: dict[str, int], tmp_path: Path
) -> None:
    def scan(port: int) -> str:
        run = subprocess.run(
            ["nmap", "-sV", "-Pn", "-n", "-p", str(port), "127.0.0.1"],
            capture_output=True, text=True, timeout=300, check=True,
            env={**os.environ, "HOME": str(tmp_path)},
        )  # fmt: skip
        (line,) = [ln for ln in run.stdout.splitlines() if ln.startswith(f"{port}/tcp")]
        return line.split(None, 1)[1] + "\n"

    with ThreadPoolExecutor(2) as pool:
        real, trap = pool.map(scan, (real_mariadb.port, trap_ports["mysql"]))
    assert "MySQL 5.5.5-10.11.19-MariaDB-0+deb12u1" in real
    diff("nmap -sV", real.encode(), trap.encode())
