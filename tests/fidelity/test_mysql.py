"""The MySQL trap, with a MariaDB persona, against Debian 12's mariadb-server 10.11.19 (its
shipped /etc/mysql configuration): the greeting field by field, and the answer to logins."""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass

import pytest

from tests.e2e.daemon import Daemon
from tests.fidelity.harness import Conversation, RealServer, Rule, diff


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
