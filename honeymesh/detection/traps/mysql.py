"""The MySQL trap: a protocol v10 greeting, the client's login packet read, access denied.

``MysqlDialogue`` sends a server greeting offering ``mysql_native_password`` and not TLS (so
the login arrives in the clear), as Debian 12's MariaDB 10.11 with its shipped configuration
does (the default persona, diffed against it: tests/fidelity/test_mysql.py); a MySQL 8 version
string gets MySQL 8's capabilities and collation instead (not diffed: Debian ships no MySQL).
It reads the HandshakeResponse41 (user, auth response, database, client plugin, connection
attributes such as ``_client_name`` and ``program_name``) and answers ``1045 Access denied`` as
the server does, then hangs up: one login per connection. A client that insists on another
plugin is switched to ``mysql_native_password`` first, with the greeting's salt. What the
server says to broken clients is said too: ``Bad handshake`` (with an SQL state only for a 4.1
client), 1251 to a pre-4.1 client, ``Got packets out of order`` to a wrong packet number, and
nothing to a packet too large to read (connect_timeout ends it). The scramble cannot be
reversed, but it can be checked against candidate passwords (the configured ones and a short
list of the most common): a match records the password itself.

``parse_handshake_response`` is sans-IO and raises ``MysqlPacketError`` and nothing else.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import struct
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import NamedTuple, Protocol, cast

from honeymesh.detection.traps import findings
from honeymesh.detection.traps.base import Step
from honeymesh.events import JSONValue

MAX_PACKET = 16 * 1024
NATIVE = b"mysql_native_password"
CLIENT_CONNECT_WITH_DB = 0x8
CLIENT_PROTOCOL_41 = 0x200
CLIENT_SSL = 0x800
CLIENT_SECURE_CONNECTION = 0x8000
CLIENT_PLUGIN_AUTH = 0x80000
CLIENT_CONNECT_ATTRS = 0x100000
CLIENT_PLUGIN_AUTH_LENENC = 0x200000
#: What we offer: MySQL 8's usual set without TLS, compression or LOAD DATA LOCAL.
SERVER_CAPABILITIES = 0x01FFF75F
#: What Debian 12's mariadb-server 10.11 offers with its shipped configuration (no TLS): no
#: CLIENT_MYSQL bit, and in the greeting's last four reserved bytes MariaDB's extended set
#: (progress reports, bulk statements, extended and cached metadata).
MARIADB_CAPABILITIES = 0x81FFF7FE
MARIADB_EXTENDED = 0x1D
UTF8MB4_GENERAL_CI = 45  # Debian's character-set-server = utf8mb4 (50-server.cnf)
UTF8MB4_0900_AI_CI = 0xFF
COMMON_PASSWORDS = (
    "", "root", "123456", "password", "mysql", "admin", "toor", "12345678", "123", "1234",
    "12345", "qwerty", "test", "pass", "passw0rd", "P@ssw0rd", "root123", "admin123",
    "changeme", "secret", "default", "letmein", "111111", "000000", "abc123", "mysql123",
)  # fmt: skip


#: Random bytes mapped into the printable range 0x21..0x7e, as the server makes its salt.
_SALT_BYTES = bytes(0x21 + b % 94 for b in range(256))


class MysqlPacketError(ValueError):
    """A login packet that cannot be read."""


class HandshakeResponse(NamedTuple):
    """A client's login packet, read. A named tuple (immutable, as the frozen dataclass it was):
    every MySQL session reads one, and the dataclass's six ``object.__setattr__`` calls were
    about a third of reading it."""

    capabilities: int
    username: bytes
    auth_response: bytes
    database: bytes | None
    plugin: bytes | None
    attributes: Mapping[str, str] = MappingProxyType({})


def _cstring(data: bytes, pos: int, what: str) -> tuple[bytes, int]:
    end = data.find(b"\x00", pos)
    if end < 0:
        raise MysqlPacketError(f"{what} is not NUL-terminated")
    return data[pos:end], end + 1


_LENENC_WIDTHS = {0xFC: 2, 0xFD: 3, 0xFE: 8}  # the bytes after a length-encoded integer's first


def _lenenc(data: bytes, pos: int, what: str) -> tuple[int, int]:
    if pos >= len(data):
        raise MysqlPacketError(f"{what}: cut short")
    first = data[pos]
    if first < 0xFB:
        return first, pos + 1
    width = _LENENC_WIDTHS.get(first)
    if width is None or pos + 1 + width > len(data):
        raise MysqlPacketError(f"{what}: bad length-encoded integer")
    return int.from_bytes(data[pos + 1 : pos + 1 + width], "little"), pos + 1 + width


def _lenenc_bytes(data: bytes, pos: int, what: str) -> tuple[bytes, int]:
    size, pos = _lenenc(data, pos, what)
    if pos + size > len(data):
        raise MysqlPacketError(f"{what}: runs past the packet")
    return data[pos : pos + size], pos + size


def parse_handshake_response(payload: bytes) -> HandshakeResponse:
    """A HandshakeResponse41 payload (without the 4-byte packet header)."""
    if len(payload) < 32:
        raise MysqlPacketError(f"login packet of {len(payload)} bytes is too short")
    (caps,) = struct.unpack_from("<I", payload, 0)
    if not caps & CLIENT_PROTOCOL_41:
        raise MysqlPacketError("a pre-4.1 client login is not supported")
    if caps & CLIENT_SSL and len(payload) == 32:
        raise MysqlPacketError("the client asked for TLS, which was not offered")
    username, pos = _cstring(payload, 32, "user name")
    if caps & CLIENT_PLUGIN_AUTH_LENENC:
        auth, pos = _lenenc_bytes(payload, pos, "auth response")
    elif caps & CLIENT_SECURE_CONNECTION:
        if pos >= len(payload):
            raise MysqlPacketError("auth response: cut short")
        size = payload[pos]
        auth, pos = payload[pos + 1 : pos + 1 + size], pos + 1 + size
        if pos > len(payload):
            raise MysqlPacketError("auth response: runs past the packet")
    else:
        auth, pos = _cstring(payload, pos, "auth response")
    database = plugin = None
    if caps & CLIENT_CONNECT_WITH_DB and pos < len(payload):
        database, pos = _cstring(payload, pos, "database")
    if caps & CLIENT_PLUGIN_AUTH and pos < len(payload):
        plugin, pos = _cstring(payload, pos, "auth plugin")
    attributes: dict[str, str] = {}
    if caps & CLIENT_CONNECT_ATTRS and pos < len(payload):
        block, pos = _lenenc_bytes(payload, pos, "connection attributes")
        at = 0
        while at < len(block) and len(attributes) < 32:
            key, at = _lenenc_bytes(block, at, "attribute name")
            value, at = _lenenc_bytes(block, at, "attribute value")
            attributes[findings.text(key, 64)] = findings.text(value, 128)
    return HandshakeResponse(caps, username, auth, database, plugin, attributes)


class _Digest(Protocol):
    def digest(self) -> bytes: ...


def _plain_sha1() -> Callable[[bytes], _Digest]:
    """SHA1 without OpenSSL's EVP layer: CPython's own ``_sha1``, where it was built. A hash of
    40 bytes (one block) through ``hashlib`` (OpenSSL) costs about 4,700 instructions, most of
    them the EVP context's set-up and tear-down; through ``_sha1``, 2,600 (callgrind)."""
    try:
        return cast(Callable[[bytes], _Digest], importlib.import_module("_sha1").sha1)
    except ImportError:  # an interpreter built without it: the same digest, a little slower
        return hashlib.sha1


_sha1 = _plain_sha1()


def native_scramble(password: bytes, salt: bytes) -> bytes:
    """What a client sends for ``password`` under mysql_native_password."""
    if not password:
        return b""
    stage1 = hashlib.sha1(password).digest()  # noqa: S324 - the protocol's own hash
    stage2 = hashlib.sha1(stage1).digest()  # noqa: S324
    mix = hashlib.sha1(salt + stage2).digest()  # noqa: S324
    return bytes(a ^ b for a, b in zip(stage1, mix, strict=True))


class Candidate(NamedTuple):
    """A password to recognise, with the two hashes of it that do not depend on the salt. A
    tuple, so that the search unpacks each one instead of reading three attributes."""

    stage1: int  # SHA1(password), as an integer for the XOR
    stage2: bytes  # SHA1(SHA1(password))
    password: str

    @classmethod
    def of(cls, password: str) -> Candidate:
        stage1 = hashlib.sha1(password.encode()).digest()  # noqa: S324 - the protocol's hash
        stage2 = hashlib.sha1(stage1).digest()  # noqa: S324
        return cls(int.from_bytes(stage1), stage2, password)


def guess_password(response: bytes, salt: bytes, candidates: Iterable[Candidate]) -> str | None:
    """The candidate whose native scramble is ``response``, if any: one SHA1 of 40 bytes per
    candidate. The largest single cost of a MySQL session: 25 candidates were 151,000
    instructions a session through ``hashlib`` and attribute reads, 99,000 through ``_sha1``
    and unpacked tuples (callgrind; the session's core, 711,000 before)."""
    if not response:
        return ""
    if len(response) != 20:
        return None
    wanted = int.from_bytes(response)
    sha1, from_bytes = _sha1, int.from_bytes
    for stage1, stage2, password in candidates:
        if stage1 ^ from_bytes(sha1(salt + stage2).digest()) == wanted:
            return password
    return None


@dataclass(frozen=True)
class MysqlSettings:
    version: str
    credentials: frozenset[tuple[str, str]]
    next_connection_id: Callable[[], int]
    random_bytes: Callable[[int], bytes] = os.urandom
    #: The common passwords, hashed once for all sessions.
    common: tuple[Candidate, ...] = tuple(Candidate.of(p) for p in COMMON_PASSWORDS if p)
    #: Per configured user, the candidates to try: that user's own passwords, then the common
    #: ones; hashed once here, not at every login (``candidates_for``).
    _by_user: Mapping[str, tuple[Candidate, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        users = {user for user, _ in self.credentials}
        by_user = {
            user: tuple(Candidate.of(p) for u, p in sorted(self.credentials) if u == user)
            + self.common
            for user in users
        }
        object.__setattr__(self, "_by_user", MappingProxyType(by_user))

    def candidates_for(self, user: str) -> tuple[Candidate, ...]:
        return self._by_user.get(user, self.common)

    @cached_property
    def mariadb(self) -> bool:
        return "MariaDB" in self.version

    @cached_property
    def greeting(self) -> tuple[bytes, bytes, bytes]:
        """The handshake packet's payload around the connection id and the two parts of the
        salt, the same in every session: built once (it was 20,000 instructions a session)."""
        caps = MARIADB_CAPABILITIES if self.mariadb else SERVER_CAPABILITIES
        reserved = (
            b"\x00" * 6 + struct.pack("<I", MARIADB_EXTENDED) if self.mariadb else b"\x00" * 10
        )
        return (
            b"\x0a" + self.version.encode() + b"\x00",  # then the connection id, salt[:8]
            b"\x00"
            + struct.pack("<H", caps & 0xFFFF)
            + bytes([UTF8MB4_GENERAL_CI if self.mariadb else UTF8MB4_0900_AI_CI])
            + struct.pack("<H", 0x0002)  # SERVER_STATUS_AUTOCOMMIT
            + struct.pack("<H", caps >> 16)
            + bytes([21]) + reserved,  # then salt[8:]
            b"\x00" + NATIVE + b"\x00",
        )  # fmt: skip


class MysqlDialogue:
    def __init__(self, settings: MysqlSettings, peer: str) -> None:
        self._s = settings
        self._peer = peer
        self._buffer = bytearray()
        self._salt = settings.random_bytes(20).translate(_SALT_BYTES)
        self._login: HandshakeResponse | None = None
        self._expected = 1  # the sequence number of the client's next packet
        self._swallowing = False  # a packet too large to read: nothing more is answered
        self.detail: dict[str, JSONValue] = {}

    def start(self) -> Step:
        head, middle, tail = self._s.greeting
        connection_id = struct.pack("<I", self._s.next_connection_id() & 0xFFFFFFFF)
        salt = self._salt
        return Step(
            reply=_packet(0, b"".join((head, connection_id, salt[:8], middle, salt[8:], tail)))
        )

    def stop(self) -> None:
        pass

    def receive(self, data: bytes) -> Step:
        """MariaDB reads a packet's header, then (if its number is the one expected) its
        payload, and acts on it before reading on; when it hangs up, what the client sent
        beyond is still unread in its socket and the kernel resets the connection (measured:
        "Got packets out of order" with a payload, "Bad handshake" or "Access denied" with
        more behind them). The trap has read it all, so it asks for that reset itself."""
        if self._swallowing:
            return Step(detail=self.detail)
        self._buffer += data
        if len(self._buffer) >= 4 and self._buffer[3] != self._expected:
            # The number is checked on the header alone (my_net_read), before the length:
            # an HTTP request or a TLS ClientHello sent here is "out of order" at once.
            sequence = self._buffer[3]
            self.detail["error"] = f"packet number {sequence}, not {self._expected}"
            message = b"\xff" + struct.pack("<H", 1156) + b"#08S01Got packets out of order"
            unread = len(self._buffer) > 4  # only the header was read
            return Step(_packet(self._expected, message), True, self.detail, reset=unread)
        packet = self._next_packet()
        if packet is None:
            return Step(detail=self.detail)
        sequence, payload = packet
        if self._login is None:
            step = self._first(payload, sequence)
        else:
            step = self._denied(self._login, payload, sequence + 1, switched=True)
        return step._replace(reset=True) if step.close and self._buffer else step

    def _next_packet(self) -> tuple[int, bytes] | None:
        """The next whole packet (its number and payload), once it is all there. One too
        large to read is swallowed with all that follows: the server would read it until its
        connect_timeout ends the connection, saying nothing meanwhile."""
        if len(self._buffer) < 4:
            return None
        length = int.from_bytes(self._buffer[:3], "little")
        if length > MAX_PACKET:
            self.detail["error"] = f"packet of {length} bytes"
            self._swallowing = True
            self._buffer.clear()
            return None
        if len(self._buffer) < 4 + length:
            return None
        sequence, payload = self._buffer[3], bytes(self._buffer[4 : 4 + length])
        del self._buffer[: 4 + length]
        return sequence, payload

    def _first(self, payload: bytes, sequence: int) -> Step:
        try:
            login = parse_handshake_response(payload)
        except MysqlPacketError as e:
            self.detail["error"] = str(e)
            caps = int.from_bytes(payload[:4], "little") if len(payload) >= 4 else None
            if caps is not None and not caps & CLIENT_PROTOCOL_41:
                # A pre-4.1 client: no SQL state in the error; one that sent its name as well
                # is told it cannot do the server's authentication.
                if len(payload) > 5 and b"\x00" in payload[5:]:
                    client = "MariaDB" if self._s.mariadb else "MySQL"
                    text = (
                        "Client does not support authentication protocol requested by server;"
                        f" consider upgrading {client} client"
                    )
                    message = b"\xff" + struct.pack("<H", 1251) + text.encode()
                else:
                    message = b"\xff" + struct.pack("<H", 1043) + b"Bad handshake"
            else:
                message = b"\xff" + struct.pack("<H", 1043) + b"#08S01Bad handshake"
            return Step(_packet(sequence + 1, message), True, self.detail)
        self._login = login
        self.detail.update(
            username=findings.text(login.username),
            database=None if login.database is None else findings.text(login.database),
            client_plugin=None if login.plugin is None else findings.text(login.plugin, 64),
            client_attributes=dict(login.attributes),
            capabilities=login.capabilities,
        )
        if login.plugin not in (None, NATIVE) and login.capabilities & CLIENT_PLUGIN_AUTH:
            switch = b"\xfe" + NATIVE + b"\x00" + self._salt + b"\x00"
            self._expected = sequence + 2  # the client's answer to the switch
            return Step(_packet(sequence + 1, switch), detail=self.detail)
        return self._denied(login, login.auth_response, sequence + 1, switched=False)

    def _denied(
        self, login: HandshakeResponse, response: bytes, sequence: int, *, switched: bool
    ) -> Step:
        user = findings.text(login.username)
        password = guess_password(response, self._salt, self._s.candidates_for(user))
        shown = response[:64].hex()
        self.detail.update(
            auth_response=shown,
            password=password,
            using_password=bool(response),
            auth_switched=switched,
        )
        finding = findings.credential(
            "mysql",
            user,
            password,
            method="mysql_native_password",
            auth_response=shown,
            password_recovered=password is not None,
            client_attributes=dict(login.attributes),
        )
        using = "YES" if response else "NO"
        message = f"Access denied for user '{user[:64]}'@'{self._peer}'"
        code, state = 1045, b"#28000"
        if login.database and (user, password) in self._s.credentials:
            # A configured login (an account any host may use) into a database it has no
            # grant on: the password was right, the database is refused.
            database = findings.text(login.database, 64)
            message = f"Access denied for user '{user[:64]}'@'%' to database '{database}'"
            code, state = 1044, b"#42000"
        elif self._s.mariadb and user == "root" and self._peer in ("127.0.0.1", "::1"):
            # Debian's package gives root@localhost unix_socket authentication: over TCP from
            # this host MariaDB answers 1698 with no "using password" part. From anywhere
            # else root is a user like any other.
            code = 1698
        else:
            message += f" (using password: {using})"
        error = b"\xff" + struct.pack("<H", code) + state + message.encode("utf-8", "replace")
        return Step(_packet(sequence, error), True, self.detail, (finding,))


def _packet(sequence: int, payload: bytes) -> bytes:
    return len(payload).to_bytes(3, "little") + bytes([sequence & 0xFF]) + payload
