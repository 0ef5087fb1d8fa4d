"""The Redis trap: RESP spoken well enough for redis-cli and the worms that hunt open Redis.

``RespParser`` reads RESP arrays of bulk strings and inline commands incrementally, with caps on
argument count and size; anything else is a ``RespError``, answered with Redis's own
``-ERR Protocol error`` before the trap hangs up, as Redis does.

The classic attacks are answered as the claimed version answers them and recorded as
``trap.command`` findings: ``CONFIG SET dir /root/.ssh`` + ``dbfilename authorized_keys`` +
``SAVE`` (Redis 7 refuses both as protected configs; older versions say OK), ``SLAVEOF`` /
``REPLICAOF host port`` (the rogue-master module attack; OK, and we never connect),
``MODULE LOAD`` (Redis 7: the command is not allowed; older: a missing file), cron payloads
stored with ``SET``. ``AUTH`` is a ``trap.credential`` finding. A small keyspace (``MAX_KEYS``
keys) makes SET/GET look alive. What is answered was diffed against redis-server 7.0.15
(tests/fidelity/test_redis.py).
"""

from __future__ import annotations

import fnmatch
import random
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from honeymesh.detection.traps import findings, redis_config_data
from honeymesh.detection.traps.base import Finding, Step
from honeymesh.detection.traps.facts import PLACEHOLDER_FACTS, Connection, NodeFacts, plain_host
from honeymesh.events import JSONValue

MAX_ARGS = 1024
MAX_BULK = 512 * 1024
MAX_INLINE = 64 * 1024
MAX_KEYS = 256
MAX_VALUE = 4096
MAX_PATTERN = 256  # glob patterns become regular expressions: keep them small


class RespError(ValueError):
    """Bytes that are not RESP; the message is what Redis would say."""


class RespParser:
    """Bytes in, complete commands (lists of arguments) out."""

    def __init__(self) -> None:
        self._buffer = bytearray()

    def feed(self, data: bytes) -> list[list[bytes]]:
        if not self._buffer:
            command = whole_command(data)
            if command is not None:
                return [command]
        self._buffer += data
        commands: list[list[bytes]] = []
        while self._buffer:
            parsed = self._one()
            if parsed is None:
                break
            command, used = parsed
            del self._buffer[:used]
            if command:
                commands.append(command)
        return commands

    def _one(self) -> tuple[list[bytes], int] | None:  # noqa: PLR0911, PLR0912
        buf = self._buffer
        if buf[0:1] != b"*":
            end = buf.find(b"\n")
            if end < 0:
                if len(buf) > MAX_INLINE:
                    raise RespError("Protocol error: too big inline request")
                return None
            return split_inline(bytes(buf[:end])), end + 1
        header_end = buf.find(b"\r\n")
        if header_end < 0:
            if len(buf) > 32:
                raise RespError("Protocol error: too big mbulk count string")
            return None
        count = _number(bytes(buf[1:header_end]), "multibulk length")
        if count > MAX_ARGS:
            raise RespError("Protocol error: invalid multibulk length")
        pos = header_end + 2
        args: list[bytes] = []
        for _ in range(max(count, 0)):
            if pos >= len(buf):
                return None
            if buf[pos : pos + 1] != b"$":
                raise RespError(f"Protocol error: expected '$', got '{chr(buf[pos])}'")
            line_end = buf.find(b"\r\n", pos)
            if line_end < 0:
                if len(buf) - pos > 32:
                    raise RespError("Protocol error: too big bulk count string")
                return None
            size = _number(bytes(buf[pos + 1 : line_end]), "bulk length")
            if not 0 <= size <= MAX_BULK:
                raise RespError("Protocol error: invalid bulk length")
            start = line_end + 2
            if len(buf) < start + size + 2:
                return None
            args.append(bytes(buf[start : start + size]))
            pos = start + size + 2
        return args, pos


def whole_command(data: bytes) -> list[bytes] | None:
    """The arguments of ``data`` when it is exactly one RESP array of bulk strings, its counts
    written plainly (what a client sends at a time: ``*2\\r\\n$4\\r\\nAUTH\\r\\n$5...``),
    else None, and the general parser (``RespParser._one``) reads it.

    A short cut for the common case: one split at the line ends, then each length compared
    with the piece it heads, instead of a search, a slice and a number check per argument
    (9,000 instructions for an AUTH's two, against 27,500). It answers only where the
    general parser would read the same arguments: each length as ``%d`` writes it (no sign,
    no leading zero) and equal to its argument's, within the caps, the last one ending
    exactly at the end of ``data``. An argument holding a line end splits into more pieces
    than the count allows, or a piece of the wrong length, so it falls through.
    """
    parts = data.split(b"\r\n")
    count = len(parts) // 2 - 1
    if not 1 <= count <= MAX_ARGS or len(parts) % 2 or parts[-1] or parts[0] != b"*%d" % count:
        return None
    args = parts[2:-1:2]
    i = 1
    for arg in args:
        if parts[i] != b"$%d" % len(arg) or len(arg) > MAX_BULK:
            return None
        i += 2
    return args


_SPACE = b" \n\r\t\v\f"
_ESCAPES = {ord("n"): b"\n", ord("r"): b"\r", ord("t"): b"\t", ord("b"): b"\b", ord("a"): b"\a"}
_HEX = b"0123456789abcdefABCDEF"


def split_inline(line: bytes) -> list[bytes]:
    """An inline command's arguments as Redis's sdssplitargs() reads them: words split on white
    space, "double quotes" with C escapes (\\xHH, \\n ...), 'single quotes' with \\' only; a
    closing quote must end the word. Unbalanced quotes are Redis's protocol error."""
    args: list[bytes] = []
    i, n = 0, len(line)
    while True:
        while i < n and line[i] in _SPACE:
            i += 1
        if i >= n:
            return args
        word = bytearray()
        while i < n and line[i] not in _SPACE:
            if line[i] in b"\"'":
                i = _quoted(line, i, word)
                break
            word.append(line[i])
            i += 1
        args.append(bytes(word))


def _quoted(line: bytes, i: int, word: bytearray) -> int:
    """Read the quoted part of a word that starts at ``line[i]`` into ``word``; where the next
    word may start."""
    quote, n = line[i], len(line)
    i += 1
    while i < n:
        c = line[i]
        if c == quote:
            if i + 1 < n and line[i + 1] not in _SPACE:
                break  # "a"b: Redis refuses a word that goes on after its closing quote
            return i + 1
        if (
            c == 0x5C
            and quote == 0x22
            and line[i + 1 : i + 2] == b"x"
            and _is_hex(line[i + 2 : i + 4])
        ):
            word.append(int(line[i + 2 : i + 4], 16))
            i += 4
        elif c == 0x5C and quote == 0x22 and i + 1 < n:
            word += _ESCAPES.get(line[i + 1], line[i + 1 : i + 2])
            i += 2
        elif c == 0x5C and quote == 0x27 and line[i + 1 : i + 2] == b"'":
            word.append(0x27)
            i += 2
        else:
            word.append(c)
            i += 1
    raise RespError("Protocol error: unbalanced quotes in request")


def _is_hex(pair: bytes) -> bool:
    return len(pair) == 2 and all(h in _HEX for h in pair)


def _number(text: bytes, what: str) -> int:
    if not text or len(text) > 20 or not text.lstrip(b"-").isdigit():
        raise RespError(f"Protocol error: invalid {what}")
    return int(text)


@dataclass(frozen=True)
class RedisSettings:
    version: str
    os: str
    password: str  # empty: no AUTH needed, like a default install
    facts: NodeFacts = PLACEHOLDER_FACTS  # pid, run_id, start time: the node's own

    # The server's own facts, the same in every session: drawn once per trap, not at every
    # connection (they were 28,000 of a session's 94,000 instructions in the dialogue, for
    # answers that a brute force never asks for).

    @cached_property
    def run_id(self) -> str:
        return self.facts.redis_run_id

    @cached_property
    def replid(self) -> str:
        return self.facts.redis_replid

    @cached_property
    def started(self) -> int:
        """When redis-server started: with the box (``ps`` in the fake shell shows its pid)."""
        return int(self.facts.boot_time) + self.facts.number("redis/started", 4, 25)


class RedisDialogue:
    def __init__(self, settings: RedisSettings, now: Callable[[], float]) -> None:
        self._s = settings
        self._now = now
        self._parser = RespParser()
        self._authenticated = not settings.password
        self._keys: dict[bytes, bytes] = {}
        # CONFIG SET's changes over the persona's table (``redis_config_data``), by name
        self._config_changes: dict[bytes, bytes] = {b"requirepass": settings.password.encode()}
        self._commands: list[JSONValue] = []
        self._auth_attempts = 0
        self._connected_at = now()
        self._connection: Connection | None = None
        self._processed = 0  # commands this client sent (INFO's total_commands_processed)
        self.detail: dict[str, JSONValue] = {}

    def connected(self, connection: Connection) -> None:
        self._connection = connection

    @property
    def _client_id(self) -> int:
        """This client's id, from when it connected (INFO and CLIENT LIST, seldom asked)."""
        return self._s.facts.redis_client_id(self._connected_at)

    def start(self) -> Step:
        return Step(logged_in=self._authenticated)  # no password: no login phase at all

    def stop(self) -> None:
        pass

    def receive(self, data: bytes) -> Step:
        found: list[Finding] = []
        try:
            commands = self._parser.feed(data)
        except RespError as e:
            self.detail["protocol_error"] = str(e)
            return Step(f"-ERR {e}\r\n".encode(), True, self.detail)
        reply = bytearray()
        close = False
        for args in commands:
            answer, close = self._command(args, found)
            reply += answer
            if close:
                break
        return Step(bytes(reply), close, self.detail, tuple(found), logged_in=self._authenticated)

    def _command(  # noqa: PLR0911 - Redis's processCommand checks, in its order
        self, args: list[bytes], found: list[Finding]
    ) -> tuple[bytes, bool]:
        self._processed += 1
        name = args[0].upper()
        if name != b"AUTH":  # AUTH is a credential finding of its own (_auth)
            shown = " ".join(findings.text(a, 512) for a in args[:16])
            self._commands = findings.listed(self._commands, shown[:200])
            self.detail["commands"] = self._commands
            found.append(findings.command("redis", shown, name=findings.text(name, 32)))
        if name in _SECURITY_ATTACK:  # an HTTP request (SSRF) read as commands: hang up, before
            self.detail["security_attack"] = findings.text(args[0], 16)  # any other check
            return b"", True
        # Redis 7's processCommand: is there such a command, has it its arity, then the login.
        handler = _HANDLERS.get(name)
        if handler is None and name not in (b"AUTH", b"QUIT"):
            quoted = "".join(f"'{findings.text(a, 64)}' " for a in args[1:4])
            name_text = findings.text(args[0], 64)
            text = f"-ERR unknown command '{name_text}', with args beginning with: {quoted}\r\n"
            return text.encode("utf-8", "replace"), False
        wrong = _arity_error(name, args)
        if wrong:
            return wrong, False
        if name == b"AUTH":
            return self._auth(args, found), False
        if name == b"QUIT":
            return b"+OK\r\n", True
        if not self._authenticated and name not in (b"PING", b"HELLO"):
            return b"-NOAUTH Authentication required.\r\n", False
        assert handler is not None
        return handler(self, args[1:]), False

    def _auth(self, args: list[bytes], found: list[Finding]) -> bytes:
        if len(args) not in (2, 3):
            return b"-ERR wrong number of arguments for 'auth' command\r\n"
        user = args[1] if len(args) == 3 else b"default"
        password = args[-1]
        accepted = bool(self._s.password) and password == self._s.password.encode()
        found.append(findings.credential("redis", user, password, accepted=accepted))
        self._auth_attempts += 1
        self.detail["auth_attempts"] = self._auth_attempts
        if not self._s.password and len(args) == 2:
            return (
                b"-ERR AUTH <password> called without any password configured for the default "
                b"user. Are you sure your configuration is correct?\r\n"
            )
        if accepted and len(args) == 2:
            self._authenticated = True
            return b"+OK\r\n"
        return b"-WRONGPASS invalid username-password pair or user is disabled.\r\n"

    def _info(self) -> str:
        now = self._now()
        started = self._s.started
        uptime = max(int(now) - started, 0)
        port = self._connection.local.port if self._connection is not None else 6379
        pid = self._s.facts.pid("redis-server")
        server = (
            f"# Server\r\nredis_version:{self._s.version}\r\nredis_git_sha1:00000000\r\n"
            "redis_git_dirty:0\r\nredis_build_id:ae4d7c971a948f0\r\nredis_mode:standalone\r\n"
            f"os:{self._s.os}\r\narch_bits:64\r\nmonotonic_clock:POSIX clock_gettime\r\n"
            "multiplexing_api:epoll\r\natomicvar_api:c11-builtin\r\ngcc_version:12.2.0\r\n"
            f"process_id:{pid}\r\nprocess_supervised:systemd\r\n"
            f"run_id:{self._s.run_id}\r\ntcp_port:{port}\r\n"
            f"server_time_usec:{int(now * 1_000_000)}\r\nuptime_in_seconds:{uptime}\r\n"
            f"uptime_in_days:{uptime // 86400}\r\nhz:10\r\nconfigured_hz:10\r\n"
            f"lru_clock:{int(now) % (1 << 24)}\r\nexecutable:/usr/bin/redis-server\r\n"
            "config_file:/etc/redis/redis.conf\r\nio_threads_active:0\r\n\r\n"
        )
        keyspace = f"db0:keys={len(self._keys)},expires=0,avg_ttl=0\r\n" if self._keys else ""
        # The counters agree with CLIENT LIST's id: as many connections as ids handed out.
        before = self._client_id - 2
        return server + _INFO_REST.format(
            started=started,
            replid=self._s.replid,
            keyspace=keyspace,
            connections=before + 1,
            commands=before * 3 + self._processed,
            **_memory(self._s.facts, sum(len(k) + len(v) for k, v in self._keys.items())),
        )

    def _client_list(self) -> bytes:
        """This client as Redis 7.0 lists it: its own address and port, its age."""
        c = self._connection
        peer = f"{plain_host(c.peer.host)}:{c.peer.port}" if c else "127.0.0.1:50506"
        local = f"{plain_host(c.local.host)}:{c.local.port}" if c else "127.0.0.1:6379"
        age = max(int(self._now() - self._connected_at), 0)
        return (
            f"id={self._client_id} addr={peer} laddr={local} fd=8 name= age={age} idle=0 "
            "flags=N db=0 sub=0 psub=0 ssub=0 multi=-1 qbuf=26 qbuf-free=20448 argv-mem=10 "
            "multi-mem=0 rbs=1024 rbp=0 obl=0 oll=0 omem=0 tot-mem=22298 events=r "
            "cmd=client|list user=default redir=-1 resp=2\n"
        ).encode()

    def _config_command(self, args: list[bytes]) -> bytes:
        if not args:
            return _wrong("config")
        sub = args[0].upper()
        if sub == b"GET" and len(args) < 2:
            return _wrong("config|get")
        if sub == b"GET":
            return self._config_get(args[1:])
        if sub == b"SET" and len(args) >= 3 and len(args) % 2 == 1:
            return self._config_set(args[1::2], args[2::2])
        if sub in (b"RESETSTAT", b"REWRITE"):
            return b"+OK\r\n"
        return b"-ERR unknown subcommand '%s'. Try CONFIG HELP.\r\n" % (args[0][:32])

    def _config_value(self, name: bytes) -> bytes:
        if name == b"port":  # the port the client reached, as INFO's tcp_port
            return str(self._connection.local.port if self._connection else 6379).encode()
        return self._config_changes.get(name, _CONFIG[name])

    def _config_get(self, patterns: list[bytes]) -> bytes:
        """Redis 7.0's CONFIG GET: an exact name (an alias, a hidden config) is answered as it
        was asked for, a glob (matched without regard to case) gives every listed config it
        matches; one entry per config, in the order of the server's hash table (the node's
        own here)."""
        found: dict[bytes, tuple[bytes, bytes]] = {}  # by lower-case name
        for pattern in patterns[:MAX_ARGS]:
            if not any(c in pattern for c in b"*?["):
                name = pattern.lower()
                if name in _CONFIG and name not in found:
                    found[name] = (pattern, self._config_value(name))
                continue
            glob = pattern[:MAX_PATTERN].decode("latin-1").lower()
            for name in _config_order(self._s.facts.seed):
                if name not in found and fnmatch.fnmatchcase(name.decode(), glob):
                    found[name] = (name, self._config_value(name))
        return b"*%d\r\n" % (2 * len(found)) + b"".join(
            _bulk(shown) + _bulk(value) for shown, value in found.values()
        )

    def _config_set(self, keys: list[bytes], values: list[bytes]) -> bytes:
        changes: dict[str, JSONValue] = {
            findings.text(k, 64): findings.text(v, 256) for k, v in zip(keys, values, strict=True)
        }
        self.detail["config_set"] = changes
        unknown = [k for k in keys if k.lower() not in _CONFIG]
        if unknown:
            return (
                b"-ERR Unknown option or number of arguments for CONFIG SET - '%s'\r\n"
                % unknown[0][:64]
            )
        protected = [k for k in keys if k.lower() in _PROTECTED_CONFIG]
        if protected and self._seven:
            # Redis 7's enable-protected-configs no: the classic dir/dbfilename attack fails
            # (nothing is changed), and the attacker's next move is still recorded.
            return (
                b"-ERR CONFIG SET failed (possibly related to argument '%s') - "
                b"can't set protected config\r\n" % protected[0][:64]
            )
        for key, value in zip(keys, values, strict=True):
            self._config_changes[key.lower()] = value[:MAX_VALUE]
        return b"+OK\r\n"

    @property
    def _seven(self) -> bool:
        major = self._s.version.partition(".")[0]
        return major.isdigit() and int(major) >= 7

    def _replica(self, args: list[bytes]) -> bytes:
        if len(args) != 2:
            return _wrong("replicaof")
        if args[0].upper() == b"NO" and args[1].upper() == b"ONE":
            return b"+OK\r\n"
        self.detail["replicaof"] = f"{findings.text(args[0], 128)}:{findings.text(args[1], 8)}"
        return b"+OK\r\n"  # and we never connect to it

    def _module(self, args: list[bytes]) -> bytes:
        if args and args[0].upper() == b"LOAD" and len(args) >= 2:
            self.detail["module_load"] = findings.text(args[1], 256)
            if self._seven:  # enable-module-command no, Redis 7's default
                return _MODULE_NOT_ALLOWED
            return b"-ERR Error loading the extension. Please check the server logs.\r\n"
        if args and args[0].upper() == b"LIST":
            return b"*0\r\n"
        return _wrong("module")

    def _set(self, args: list[bytes]) -> bytes:
        if len(args) < 2:
            return _wrong("set")
        if args[0] in self._keys or len(self._keys) < MAX_KEYS:
            self._keys[args[0][:512]] = args[1][:MAX_VALUE]
        return b"+OK\r\n"

    def _keys_matching(self, args: list[bytes]) -> bytes:
        if len(args) != 1:
            return _wrong("keys")
        pattern = args[0][:MAX_PATTERN].decode("latin-1")
        names = [k for k in self._keys if fnmatch.fnmatchcase(k.decode("latin-1"), pattern)]
        return b"*%d\r\n" % len(names) + b"".join(_bulk(k) for k in names)

    def _flush(self) -> bytes:
        self._keys.clear()
        return b"+OK\r\n"


Handler = Callable[["RedisDialogue", list[bytes]], bytes]


def _handler_table() -> dict[bytes, Handler]:
    """Each command's answer, given the dialogue and the arguments."""
    ok = b"+OK\r\n"
    return {
        b"PING": lambda d, a: _bulk(a[0]) if a else b"+PONG\r\n",
        b"ECHO": lambda d, a: _bulk(a[0]) if a else _wrong("echo"),
        b"INFO": lambda d, a: _bulk(d._info().encode()),
        b"CONFIG": RedisDialogue._config_command,
        b"SLAVEOF": RedisDialogue._replica,
        b"REPLICAOF": RedisDialogue._replica,
        b"MODULE": RedisDialogue._module,
        b"SET": RedisDialogue._set,
        b"GET": lambda d, a: _bulk(d._keys.get(a[0])) if a else _wrong("get"),
        b"DEL": lambda d, a: b":%d\r\n" % sum(d._keys.pop(k, None) is not None for k in a),
        b"EXISTS": lambda d, a: b":%d\r\n" % sum(k in d._keys for k in a),
        b"KEYS": RedisDialogue._keys_matching,
        b"DBSIZE": lambda d, a: b":%d\r\n" % len(d._keys),
        b"FLUSHALL": lambda d, a: d._flush(),
        b"FLUSHDB": lambda d, a: d._flush(),
        b"SAVE": lambda d, a: ok,
        b"BGSAVE": lambda d, a: b"+Background saving started\r\n",
        b"SELECT": lambda d, a: (
            ok if a and a[0].isdigit() and int(a[0]) < 16 else b"-ERR DB index is out of range\r\n"
        ),
        b"CLIENT": lambda d, a: (
            _wrong("client")
            if not a
            else b"$-1\r\n"
            if a[0].upper() == b"GETNAME"
            else ok
            if a[0].upper() != b"LIST"
            else _bulk(d._client_list())
        ),
        b"COMMAND": lambda d, a: (
            b":240\r\n" if a and a[0].upper() == b"COUNT" else b"*0\r\n"  # 7.0.15's count
        ),
        b"HELLO": lambda d, a: b"-NOPROTO unsupported protocol version\r\n",
        b"TYPE": lambda d, a: b"+string\r\n" if a and a[0] in d._keys else b"+none\r\n",
        b"TTL": lambda d, a: b":-1\r\n" if a and a[0] in d._keys else b":-2\r\n",
        b"EVAL": lambda d, a: b"$-1\r\n",
        b"EVALSHA": lambda d, a: b"-NOSCRIPT No matching script. Please use EVAL.\r\n",
        b"SCRIPT": lambda d, a: ok,
        b"SHUTDOWN": lambda d, a: b"-ERR Errors trying to SHUTDOWN. Check logs.\r\n",
    }


_HANDLERS = _handler_table()
# The persona's configs: every one CONFIG GET * lists, and those given by name only.
_LISTED = {name.encode(): value.encode() for name, value in redis_config_data.LISTED}
_CONFIG = {**_LISTED, **{n.encode(): v.encode() for n, v in redis_config_data.HIDDEN}}


@lru_cache(maxsize=8)
def _config_order(seed: bytes) -> tuple[bytes, ...]:
    """The listed configs in the order of a node's hash table: Redis 7.0 walks a dict seeded
    at start, so each server lists them in an order of its own, never by name."""
    names = list(_LISTED)
    random.Random(seed).shuffle(names)
    return tuple(names)


# Redis answers these (the start of an HTTP request sent to it, as by an SSRF) by logging
# "Possible SECURITY ATTACK detected" and closing the connection without a word, before it
# looks the command up (7.0 has no such commands: COMMAND INFO post is empty) or asks for AUTH.
_SECURITY_ATTACK = (b"POST", b"HOST:")
# Arity as redis-server 7.0.15's COMMAND INFO gives it (n: exactly n words with the command's
# own, -n: at least n), and of the subcommands the trap answers.
_ARITY = {
    b"PING": -1, b"ECHO": 2, b"INFO": -1, b"CONFIG": -2, b"SLAVEOF": 3, b"REPLICAOF": 3,
    b"MODULE": -2, b"SET": -3, b"GET": 2, b"DEL": -2, b"EXISTS": -2, b"KEYS": 2, b"DBSIZE": 1,
    b"FLUSHALL": -1, b"FLUSHDB": -1, b"SAVE": 1, b"BGSAVE": -1, b"SELECT": 2, b"CLIENT": -2,
    b"COMMAND": -1, b"HELLO": -1, b"TYPE": 2, b"TTL": 2, b"EVAL": -3, b"EVALSHA": -3,
    b"SCRIPT": -2, b"SHUTDOWN": -1, b"AUTH": -2, b"QUIT": -1,
}  # fmt: skip
_SUBCOMMAND_ARITY = {
    (b"CONFIG", b"GET"): -3, (b"CONFIG", b"SET"): -4, (b"CLIENT", b"GETNAME"): 2,
    (b"CLIENT", b"SETNAME"): 3, (b"CLIENT", b"LIST"): -2, (b"MODULE", b"LIST"): 2,
    (b"MODULE", b"LOAD"): -3, (b"COMMAND", b"COUNT"): 2,
}  # fmt: skip
_HAS_SUBCOMMANDS = frozenset(name for name, _ in _SUBCOMMAND_ARITY)


def _arity_error(name: bytes, args: list[bytes]) -> bytes:
    """Redis's answer to a command (or subcommand) with the wrong number of words, or b""."""
    arity = _ARITY.get(name, -1)
    sub = args[1].upper() if name in _HAS_SUBCOMMANDS and len(args) > 1 else None
    if sub is not None and (name, sub) in _SUBCOMMAND_ARITY:
        arity = _SUBCOMMAND_ARITY[name, sub]
    else:
        sub = None
    if len(args) == arity or (arity < 0 and len(args) >= -arity):
        return b""
    label = name.lower().decode("latin-1")
    return _wrong(label if sub is None else f"{label}|{sub.lower().decode('latin-1')}")


_PROTECTED_CONFIG = frozenset((b"dir", b"dbfilename"))
_MODULE_NOT_ALLOWED = (
    b"-ERR MODULE command not allowed. If the enable-module-command option is set to "
    b'"local", you can run it from a local connection, otherwise you need to set this option '
    b"in the configuration file, and then restart the server.\r\n"
)

# INFO after its Server section, field by field as redis-server 7.0.15 (Debian 12) prints it
# on an idle default install.
_INFO_REST = (
    "# Clients\r\n"
    "connected_clients:1\r\n"
    "cluster_connections:0\r\n"
    "maxclients:10000\r\n"
    "client_recent_max_input_buffer:0\r\n"
    "client_recent_max_output_buffer:0\r\n"
    "blocked_clients:0\r\n"
    "tracking_clients:0\r\n"
    "clients_in_timeout_table:0\r\n"
    "\r\n"
    "# Memory\r\n"
    "used_memory:{used}\r\n"
    "used_memory_human:{used_human}\r\n"
    "used_memory_rss:{rss}\r\n"
    "used_memory_rss_human:{rss_human}\r\n"
    "used_memory_peak:{peak}\r\n"
    "used_memory_peak_human:{peak_human}\r\n"
    "used_memory_peak_perc:{peak_perc}%\r\n"
    "used_memory_overhead:876384\r\n"
    "used_memory_startup:876184\r\n"
    "used_memory_dataset:{dataset}\r\n"
    "used_memory_dataset_perc:{dataset_perc}%\r\n"
    "allocator_allocated:{allocated}\r\n"
    "allocator_active:{active}\r\n"
    "allocator_resident:{resident}\r\n"
    "total_system_memory:{system}\r\n"
    "total_system_memory_human:{system_human}\r\n"
    "used_memory_lua:32768\r\n"
    "used_memory_vm_eval:32768\r\n"
    "used_memory_lua_human:32.00K\r\n"
    "used_memory_scripts_eval:0\r\n"
    "number_of_cached_scripts:0\r\n"
    "number_of_functions:0\r\n"
    "number_of_libraries:0\r\n"
    "used_memory_vm_functions:33792\r\n"
    "used_memory_vm_total:66560\r\n"
    "used_memory_vm_total_human:65.00K\r\n"
    "used_memory_functions:200\r\n"
    "used_memory_scripts:200\r\n"
    "used_memory_scripts_human:200B\r\n"
    "maxmemory:0\r\n"
    "maxmemory_human:0B\r\n"
    "maxmemory_policy:noeviction\r\n"
    "allocator_frag_ratio:{allocator_frag_ratio}\r\n"
    "allocator_frag_bytes:{allocator_frag_bytes}\r\n"
    "allocator_rss_ratio:{allocator_rss_ratio}\r\n"
    "allocator_rss_bytes:{allocator_rss_bytes}\r\n"
    "rss_overhead_ratio:{rss_overhead_ratio}\r\n"
    "rss_overhead_bytes:{rss_overhead_bytes}\r\n"
    "mem_fragmentation_ratio:{mem_fragmentation_ratio}\r\n"
    "mem_fragmentation_bytes:{mem_fragmentation_bytes}\r\n"
    "mem_not_counted_for_evict:0\r\n"
    "mem_replication_backlog:0\r\n"
    "mem_total_replication_buffers:0\r\n"
    "mem_clients_slaves:0\r\n"
    "mem_clients_normal:0\r\n"
    "mem_cluster_links:0\r\n"
    "mem_aof_buffer:0\r\n"
    "mem_allocator:jemalloc-5.3.0\r\n"
    "active_defrag_running:0\r\n"
    "lazyfree_pending_objects:0\r\n"
    "lazyfreed_objects:0\r\n"
    "\r\n"
    "# Persistence\r\n"
    "loading:0\r\n"
    "async_loading:0\r\n"
    "current_cow_peak:0\r\n"
    "current_cow_size:0\r\n"
    "current_cow_size_age:0\r\n"
    "current_fork_perc:0.00\r\n"
    "current_save_keys_processed:0\r\n"
    "current_save_keys_total:0\r\n"
    "rdb_changes_since_last_save:0\r\n"
    "rdb_bgsave_in_progress:0\r\n"
    "rdb_last_save_time:{started}\r\n"
    "rdb_last_bgsave_status:ok\r\n"
    "rdb_last_bgsave_time_sec:-1\r\n"
    "rdb_current_bgsave_time_sec:-1\r\n"
    "rdb_saves:0\r\n"
    "rdb_last_cow_size:0\r\n"
    "rdb_last_load_keys_expired:0\r\n"
    "rdb_last_load_keys_loaded:0\r\n"
    "aof_enabled:0\r\n"
    "aof_rewrite_in_progress:0\r\n"
    "aof_rewrite_scheduled:0\r\n"
    "aof_last_rewrite_time_sec:-1\r\n"
    "aof_current_rewrite_time_sec:-1\r\n"
    "aof_last_bgrewrite_status:ok\r\n"
    "aof_rewrites:0\r\n"
    "aof_rewrites_consecutive_failures:0\r\n"
    "aof_last_write_status:ok\r\n"
    "aof_last_cow_size:0\r\n"
    "module_fork_in_progress:0\r\n"
    "module_fork_last_cow_size:0\r\n"
    "\r\n"
    "# Stats\r\n"
    "total_connections_received:{connections}\r\n"
    "total_commands_processed:{commands}\r\n"
    "instantaneous_ops_per_sec:0\r\n"
    "total_net_input_bytes:88\r\n"
    "total_net_output_bytes:11586\r\n"
    "total_net_repl_input_bytes:0\r\n"
    "total_net_repl_output_bytes:0\r\n"
    "instantaneous_input_kbps:0.00\r\n"
    "instantaneous_output_kbps:0.00\r\n"
    "instantaneous_input_repl_kbps:0.00\r\n"
    "instantaneous_output_repl_kbps:0.00\r\n"
    "rejected_connections:0\r\n"
    "sync_full:0\r\n"
    "sync_partial_ok:0\r\n"
    "sync_partial_err:0\r\n"
    "expired_keys:0\r\n"
    "expired_stale_perc:0.00\r\n"
    "expired_time_cap_reached_count:0\r\n"
    "expire_cycle_cpu_milliseconds:0\r\n"
    "evicted_keys:0\r\n"
    "evicted_clients:0\r\n"
    "total_eviction_exceeded_time:0\r\n"
    "current_eviction_exceeded_time:0\r\n"
    "keyspace_hits:0\r\n"
    "keyspace_misses:0\r\n"
    "pubsub_channels:0\r\n"
    "pubsub_patterns:0\r\n"
    "pubsubshard_channels:0\r\n"
    "latest_fork_usec:0\r\n"
    "total_forks:0\r\n"
    "migrate_cached_sockets:0\r\n"
    "slave_expires_tracked_keys:0\r\n"
    "active_defrag_hits:0\r\n"
    "active_defrag_misses:0\r\n"
    "active_defrag_key_hits:0\r\n"
    "active_defrag_key_misses:0\r\n"
    "total_active_defrag_time:0\r\n"
    "current_active_defrag_time:0\r\n"
    "tracking_total_keys:0\r\n"
    "tracking_total_items:0\r\n"
    "tracking_total_prefixes:0\r\n"
    "unexpected_error_replies:0\r\n"
    "total_error_replies:1\r\n"
    "dump_payload_sanitizations:0\r\n"
    "total_reads_processed:7\r\n"
    "total_writes_processed:3\r\n"
    "io_threaded_reads_processed:0\r\n"
    "io_threaded_writes_processed:0\r\n"
    "reply_buffer_shrinks:0\r\n"
    "reply_buffer_expands:0\r\n"
    "\r\n"
    "# Replication\r\n"
    "role:master\r\n"
    "connected_slaves:0\r\n"
    "master_failover_state:no-failover\r\n"
    "master_replid:{replid}\r\n"
    "master_replid2:0000000000000000000000000000000000000000\r\n"
    "master_repl_offset:0\r\n"
    "second_repl_offset:-1\r\n"
    "repl_backlog_active:0\r\n"
    "repl_backlog_size:1048576\r\n"
    "repl_backlog_first_byte_offset:0\r\n"
    "repl_backlog_histlen:0\r\n"
    "\r\n"
    "# CPU\r\n"
    "used_cpu_sys:0.011914\r\n"
    "used_cpu_user:0.012360\r\n"
    "used_cpu_sys_children:0.000000\r\n"
    "used_cpu_user_children:0.000000\r\n"
    "used_cpu_sys_main_thread:0.010321\r\n"
    "used_cpu_user_main_thread:0.013762\r\n"
    "\r\n"
    "# Modules\r\n"
    "\r\n"
    "# Errorstats\r\n"
    "\r\n"
    "# Cluster\r\n"
    "cluster_enabled:0\r\n"
    "\r\n"
    "# Keyspace\r\n"
    "{keyspace}"
)


def _memory(facts: NodeFacts, stored: int) -> dict[str, str | int]:
    """INFO's Memory section for this node: the machine's RAM the fake shell's ``free`` shows,
    a dataset of the node's own size (and what this client stored)."""
    overhead = 876384
    dataset = facts.number("redis/dataset", 20_000, 2_000_000) + stored * 2
    used = overhead + dataset
    peak = used + facts.number("redis/peak", 0, used // 4)
    rss = used * 3 + facts.number("redis/rss", 8_000_000, 14_000_000)
    system = facts.memory_kib * 1024
    allocated, active = used + 847_272, used + 1_006_664
    resident = rss - 7_647_232 if rss > 9_000_000 else rss
    # The ratios between them, as Redis computes them (so no two nodes share one either).
    ratios = {
        "allocator_frag": (active, allocated),
        "allocator_rss": (resident, active),
        "rss_overhead": (rss, resident),
        "mem_fragmentation": (rss, used),
    }
    return {
        **{f"{k}_ratio": f"{a / b:.2f}" for k, (a, b) in ratios.items()},
        **{f"{k}_bytes": a - b for k, (a, b) in ratios.items()},
        "used": used,
        "used_human": _human(used),
        "rss": rss,
        "rss_human": _human(rss),
        "peak": peak,
        "peak_human": _human(peak),
        "peak_perc": f"{100 * used / peak:.2f}",
        "dataset": dataset,
        "dataset_perc": f"{100 * dataset / (used - 876184):.2f}",
        "allocated": allocated,
        "active": active,
        "resident": resident,
        "system": system,
        "system_human": _human(system),
    }


def _human(size: int) -> str:
    """Redis's bytesToHuman: 968.93K, 11.75M, 7.75G."""
    for unit, scale in (("G", 1 << 30), ("M", 1 << 20), ("K", 1 << 10)):
        if size >= scale:
            return f"{size / scale:.2f}{unit}"
    return f"{size}B"


def _bulk(value: bytes | None) -> bytes:
    if value is None:
        return b"$-1\r\n"
    return b"$%d\r\n%s\r\n" % (len(value), value)


def _wrong(command: str) -> bytes:
    return f"-ERR wrong number of arguments for '{command}' command\r\n".encode()
