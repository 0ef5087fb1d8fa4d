"""The Redis trap against Debian 12's redis-server 7.0.15, probe by probe."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.daemon import Daemon
from tests.fidelity import harness
from tests.fidelity.harness import Conversation, RealServer, Rule, diff


# RESP commands as redis-cli sends them.
def resp(*args: bytes) -> bytes:
    return b"*%d\r\n" % len(args) + b"".join(b"$%d\r\n%s\r\n" % (len(a), a) for a in args)


PROBES: list[tuple[str, bytes]] = [
    ("PING", resp(b"PING")),
    ("inline PING", b"PING\r\n"),
    ("PING with a message", resp(b"PING", b"hello")),
    ("ECHO", resp(b"ECHO", b"x")),
    ("unknown command", resp(b"NOSUCH", b"a", b"b")),
    ("GET wrong arity", resp(b"GET")),
    ("SET wrong arity", resp(b"SET", b"k")),
    ("AUTH without a password set", resp(b"AUTH", b"secret")),
    ("AUTH user and password", resp(b"AUTH", b"admin", b"secret")),
    ("SET then GET", resp(b"SET", b"k", b"v") + resp(b"GET", b"k")),
    ("GET missing", resp(b"GET", b"missing")),
    ("CONFIG GET dir", resp(b"CONFIG", b"GET", b"dir")),
    ("CONFIG GET dbfilename", resp(b"CONFIG", b"GET", b"dbfilename")),
    ("CONFIG bad subcommand", resp(b"CONFIG", b"NOPE")),
    ("SELECT out of range", resp(b"SELECT", b"99")),
    ("EVALSHA", resp(b"EVALSHA", b"abc", b"0")),
    ("HELLO 4", resp(b"HELLO", b"4")),
    ("TYPE missing", resp(b"TYPE", b"missing")),
    ("TTL missing", resp(b"TTL", b"missing")),
    ("DBSIZE", resp(b"FLUSHALL") + resp(b"DBSIZE")),
    ("MODULE LIST", resp(b"MODULE", b"LIST")),
    ("COMMAND COUNT", resp(b"COMMAND", b"COUNT")),
    ("CLIENT GETNAME", resp(b"CLIENT", b"GETNAME")),
    ("CLIENT SETNAME", resp(b"CLIENT", b"SETNAME", b"x")),
    ("CLIENT wrong arity", resp(b"CLIENT")),
    ("CONFIG GET wrong arity", resp(b"CONFIG", b"GET")),
    ("CONFIG GET unknown", resp(b"CONFIG", b"GET", b"nosuch")),
    (
        "CONFIG SET dir (protected)",
        resp(b"CONFIG", b"SET", b"dir", b"/root/.ssh") + resp(b"CONFIG", b"GET", b"dir"),
    ),
    ("CONFIG SET dbfilename (protected)", resp(b"CONFIG", b"SET", b"dbfilename", b"x")),
    ("MODULE LOAD", resp(b"MODULE", b"LOAD", b"/tmp/exp.so")),
    ("MODULE wrong arity", resp(b"MODULE")),
    # Loopback only: the real server does try to connect to its master.
    ("SLAVEOF", resp(b"SLAVEOF", b"127.0.0.1", b"1") + resp(b"REPLICAOF", b"NO", b"ONE")),
    ("KEYS wrong arity", resp(b"KEYS")),
    ("DEL and EXISTS", resp(b"DEL", b"a", b"b") + resp(b"EXISTS", b"a")),
    ("SAVE and BGSAVE", resp(b"SAVE")),
    ("protocol error", b"*1\r\nx\r\n"),
    # Cross-protocol probes: nmap's GetRequest, an SSRF's POST with its Host line (Redis's
    # "Possible SECURITY ATTACK" hang-up), inline commands with quotes.
    ("HTTP GET request", b"GET / HTTP/1.0\r\n\r\n"),
    ("HTTP POST with Host", b"POST / HTTP/1.1\r\nHost: 127.0.0.1:6379\r\n\r\nPING\r\n"),
    ("Host line alone", b"Host: example.org\r\nPING\r\n"),
    ("inline with quotes", b'SET "a b" \'c d\'\r\nGET "a b"\r\n'),
    ("inline unbalanced quotes", b'SET "a b\r\nPING\r\n'),
    (
        "inline escapes",
        b"SET k \"\\x41\\x4g\\n\\t\\q\\\"\" \r\nGET k\r\nSET j 'it\\'s'\r\nGET j\r\n",
    ),
    ("inline quote inside a word", b'SET a"b c" d\r\nGET "ab c"\r\n'),
    ("inline word after a closing quote", b'GET "a"b\r\nPING\r\n'),
    ("GET with too many arguments", resp(b"GET", b"a", b"b")),
    ("CLIENT GETNAME with an argument", resp(b"CLIENT", b"GETNAME", b"x")),
    ("CONFIG SET with one argument", resp(b"CONFIG", b"SET", b"dir")),
    ("SAVE with an argument", resp(b"SAVE", b"x")),
    ("unknown command wins over arity", resp(b"NOSUCH")),
]

RULES: list[Rule] = []


@pytest.mark.parametrize(("name", "probe"), PROBES, ids=[p[0] for p in PROBES])
def test_probe(
    name: str, probe: bytes, real_redis: RealServer, traps: Daemon, trap_ports: dict[str, int]
) -> None:
    answers = []
    for port in (real_redis.port, trap_ports["redis"]):
        c = Conversation(port)
        answers.append(c.send(probe))
        c.close()
    diff(name, answers[0], answers[1], RULES)


INFO_FIELD = Rule("info field value", r"^([a-z_0-9]+):.*$", r"\1:<value>")


def test_info_sections_and_fields(
    tmp_path: Path, traps: Daemon, trap_ports: dict[str, int]
) -> None:
    """A fresh server, so its Errorstats hold no errors from the other probes."""
    fresh = harness.redis_server(tmp_path)
    answers = []
    for port in (fresh.port, trap_ports["redis"]):
        c = Conversation(port)
        answers.append(c.send(resp(b"INFO"), first=3))
        c.close()
    fresh.stop()
    size = Rule("bulk length", r"^\$\d+\r?$", "$<length>")
    diff("INFO", answers[0], answers[1], [INFO_FIELD, size])


def config_pairs(port: int, *patterns: bytes) -> list[tuple[bytes, bytes]]:
    """CONFIG GET's pairs, sorted (each server lists them in its own hash table's order), the
    values of the host's own configs normalised."""
    c = Conversation(port)
    answer = c.send(resp(b"CONFIG", b"GET", *patterns), first=3)
    # the header, then each item's length line and text line
    while answer.count(b"\r\n") < 1 + 2 * int(answer[1 : answer.index(b"\r\n")]):
        more = c.read(first=3)
        if not more:
            break
        answer += more
    c.close()
    lines = answer.split(b"\r\n")[1:-1]
    items = lines[1::2]  # each bulk string's text, after its length line
    pairs = list(zip(items[::2], items[1::2], strict=True))
    hosts = {n.encode() for n in harness.REDIS_HOST_CONFIGS}
    return sorted((n, b"<host's own>" if n.lower() in hosts else v) for n, v in pairs)


@pytest.mark.parametrize(
    "patterns",
    [
        (b"*",),  # every config the server lists, aliases included: 192 in 7.0.15
        (b"*max*",),
        (b"DIR",),  # an exact name is given back as asked for
        (b"dir", b"DIR"),  # once per config
        (b"D*", b"dir"),
        (b"*period*",),  # a hidden config is not matched by a pattern ...
        (b"watchdog-period",),  # ... but given by name
        (b"slave-read-only", b"replica-read-only"),  # an alias and its config
        (b"[dp]ir",),
        (b"nosuch",),
    ],
    ids=lambda p: b" ".join(p).decode(),
)
def test_config_get_lists_what_the_real_server_lists(
    patterns: tuple[bytes, ...], real_redis: RealServer, traps: Daemon, trap_ports: dict[str, int]
) -> None:
    real = config_pairs(real_redis.port, *patterns)
    trap = config_pairs(trap_ports["redis"], *patterns)
    assert trap == real
    if patterns == (b"*",):
        assert len(real) == 192


def test_config_set_takes_only_configs_the_server_has(
    tmp_path: Path, traps: Daemon, trap_ports: dict[str, int]
) -> None:
    fresh = harness.redis_server(tmp_path)  # its configs changed: a server of its own
    probe = (
        resp(b"CONFIG", b"SET", b"nosuch", b"1")
        + resp(b"CONFIG", b"SET", b"timeout", b"5")
        + resp(b"CONFIG", b"GET", b"timeout")
        + resp(b"CONFIG", b"SET", b"TIMEOUT", b"7", b"nosuch", b"2")
        + resp(b"CONFIG", b"GET", b"Timeout")
    )
    answers = []
    for port in (fresh.port, trap_ports["redis"]):
        c = Conversation(port)
        answers.append(c.send(probe, first=3))
        c.send(resp(b"CONFIG", b"SET", b"timeout", b"0"))  # the trap's session ends anyway
        c.close()
    fresh.stop()
    diff("CONFIG SET", answers[0], answers[1])
