"""Two nodes' traps share no fact an attacker can compare; one node's stay put over restarts.

Each trap is built as the appliance builds it (``build_trap`` with the node's facts in the
``TrapContext``) and driven through ``TrapProtocol`` over a ``StringTransport``, so the
addresses shown are the connection's own.
"""

from __future__ import annotations

import re
from pathlib import Path

from twisted.internet.address import IPv4Address
from twisted.internet.task import Clock
from twisted.internet.testing import StringTransport

from honeymesh.config import HttpTrapConfig, RedisTrapConfig, TelnetTrapConfig, TrapConfig
from honeymesh.detection.traps.base import TrapFactory
from honeymesh.detection.traps.facts import NodeFacts, ctime, fingerprint
from honeymesh.detection.traps.registry import (
    FIRST_START_FILE,
    TrapContext,
    build_trap,
    load_first_start,
)
from honeymesh.detection.traps.ssh import SshHostKeys
from honeymesh.detection.traps.telnet import REFUSING_CLIENT

FIRST_START = 1_764_000_000.0
RECON = (
    b"uname -a; ip a; ifconfig; w; last; cat /etc/shadow; cat /etc/machine-id; uptime; "
    b"ps aux; hostname -I; dropbearkey -y -f /etc/dropbear/dropbear_ed25519_host_key; free; "
    b"df -h\r\n"
)
ATTACKER = IPv4Address("TCP", "192.0.2.9", 40000)
#: A Telnet client that refuses every option (as bots do), then logs in as root.
LOGIN = [*REFUSING_CLIENT, b"root\r\n", b"root\r\n"]


def converse(
    config: TrapConfig, facts: NodeFacts, tmp: Path, chunks: list[bytes], *, at: float = 0.0,
    host: str = "127.0.0.1",
) -> str:  # fmt: skip
    """What the trap said to one client that sent ``chunks``."""
    clock = Clock()
    clock.advance(at or FIRST_START + 86400)
    context = TrapContext(
        clock=clock,
        publish=lambda event: None,
        data_path=lambda p: tmp / p,
        node_cert=tmp / "unused.crt",
        node_key=tmp / "unused.key",
        facts=facts,
    )
    factory = build_trap(config, context).factory
    assert isinstance(factory, TrapFactory)
    proto = factory.buildProtocol(ATTACKER)
    assert proto is not None
    port = config.ports[0]
    transport = StringTransport(hostAddress=IPv4Address("TCP", host, port), peerAddress=ATTACKER)
    proto.makeConnection(transport)
    for chunk in chunks:
        proto.dataReceived(chunk)
    proto.finish("test")
    said: bytes = transport.value()
    return said.decode("utf-8", "replace")


def resp(*words: bytes) -> bytes:
    return b"*%d\r\n" % len(words) + b"".join(b"$%d\r\n%s\r\n" % (len(w), w) for w in words)


def everything(facts: NodeFacts, tmp: Path, at: float = 0.0) -> str:
    """A recon script over telnet, Redis INFO and CLIENT LIST, the HTTP decoys."""
    shell = converse(TelnetTrapConfig(), facts, tmp, [*LOGIN, RECON], at=at)
    redis = converse(RedisTrapConfig(), facts, tmp, [resp(b"INFO"), resp(b"CLIENT", b"LIST")],
                     at=at)  # fmt: skip
    http = converse(
        HttpTrapConfig(site="laravel"), facts, tmp,
        [b"GET /.env HTTP/1.1\r\nHost: x\r\n\r\nGET /.git/config HTTP/1.1\r\nHost: x\r\n\r\n"],
        at=at,
    )  # fmt: skip
    return "\n".join((shell, redis, http)).replace("\r\n", "\n")


def tokens(text: str) -> set[str]:
    """Every word of ``text``, and its parts around ``=`` and ``:`` (``process_id:611``)."""
    out = set()
    for word in re.split(r"[\s,()'\"]+", text):
        out.add(word)
        for part in re.split(r"[=:@]", word):
            out.add(part)
    return out


def per_node(f: NodeFacts) -> dict[str, str]:
    """The facts each node must show differently, as they are printed."""
    return {
        "mac": f.mac,
        "address": str(f.private_address),
        "root hash": f.shadow_hash("root"),
        "machine-id": f.machine_id,
        "host key": f.host_key_line("ed25519").split()[1],
        "sshd pid": str(f.pid("sshd")),
        "redis pid": str(f.pid("redis-server")),
        "cron pid": str(f.pid("cron")),
        "run_id": f.redis_run_id,
        "boot": ctime(f.boot_time),
        "previous login from": f.admin_address,
        "APP_KEY": f.app_key,
        "DB_PASSWORD": f.password("db"),
        "DB_HOST": str(f.neighbour("db")),
        "AWS key id": f.aws_key_id,
        "AWS secret": f.aws_secret,
        "git token": f.git_token,
    }


def test_two_nodes_traps_share_no_fact(tmp_path: Path) -> None:
    a = NodeFacts(b"node-a" * 6, FIRST_START)
    b = NodeFacts(b"node-b" * 6, FIRST_START)
    out_a, out_b = everything(a, tmp_path / "a"), everything(b, tmp_path / "b")
    words_a, words_b = tokens(out_a), tokens(out_b)
    for name, value in per_node(a).items():
        assert value in out_a, f"node A does not show its {name}"
        assert value not in words_b, f"node B shows A's {name}"
        assert len(value) < 8 or value not in out_b, f"node B shows A's {name}"
    for name, value in per_node(b).items():
        assert value in out_b and value not in words_a, name
    facts_a = set(per_node(a).values())
    shared = set(out_a.split("\n")) & set(out_b.split("\n"))
    assert not [line for line in shared if any(v in line for v in facts_a)]
    uptime = re.compile(r"up (\d+ days?, [\d:]+(?: min)?)")
    assert uptime.search(out_a).group(1) != uptime.search(out_b).group(1)  # type: ignore[union-attr]


def test_one_node_tells_the_same_story_after_a_restart(tmp_path: Path) -> None:
    seed = b"node-a" * 6
    before = everything(NodeFacts(seed, FIRST_START), tmp_path, at=FIRST_START + 86400)
    after = everything(NodeFacts(seed, FIRST_START), tmp_path, at=FIRST_START + 86400 + 7200)
    for value in per_node(NodeFacts(seed, FIRST_START)).values():
        assert before.count(value) == after.count(value) > 0

    def seconds(text: str) -> int:
        return int(re.search(r"uptime_in_seconds:(\d+)", text).group(1))  # type: ignore[union-attr]

    assert seconds(after) - seconds(before) == 7200


def test_the_attacker_sees_their_own_address_and_the_address_they_reached(tmp_path: Path) -> None:
    facts = NodeFacts(b"node-a" * 6, FIRST_START)
    shell = converse(
        TelnetTrapConfig(),
        facts,
        tmp_path,
        [*LOGIN, b"w; last; ip a; hostname -I\r\n"],
        host="198.51.100.1",
    )
    assert re.search(r"root +pts/0 +192\.0\.2\.9 ", shell)
    assert "inet 198.51.100.1/24" in shell
    redis = converse(RedisTrapConfig(), facts, tmp_path, [resp(b"CLIENT", b"LIST"), resp(b"INFO")],
                     host="198.51.100.1")  # fmt: skip
    assert "addr=192.0.2.9:40000 laddr=198.51.100.1:6379" in redis
    assert f"process_id:{facts.pid('redis-server')}\r\n" in redis
    assert "tcp_port:6379\r\n" in redis
    client_id = int(re.search(r"id=(\d+) addr=", redis).group(1))  # type: ignore[union-attr]
    assert f"total_connections_received:{client_id - 1}\r\n" in redis
    assert f"total_system_memory:{facts.memory_kib * 1024}\r\n" in redis  # what free shows
    free = converse(TelnetTrapConfig(), facts, tmp_path, [*LOGIN, b"free -b\r\n"])
    assert re.search(rf"Mem: +{facts.memory_kib * 1024} ", free)


def test_the_first_start_is_kept_across_restarts(tmp_path: Path) -> None:
    path = tmp_path / FIRST_START_FILE
    assert load_first_start(path, 1000.0) == 1000.0
    assert load_first_start(path, 5000.0) == 1000.0  # a later start: the first one is kept
    assert path.stat().st_mode & 0o077 == 0
    path.write_text("garbage")
    assert load_first_start(path, 6000.0) == 6000.0
    assert load_first_start(path, 7000.0) == 6000.0


def test_a_node_draws_the_same_facts_from_its_cache_and_never_another_nodes(
    tmp_path: Path,
) -> None:
    """Facts are kept once drawn (a trap asks for the same ones every session): a node that has
    drawn everything shows what a fresh one with its seed shows, and a second node drawing after
    it still shows only its own, even past the cache's bound."""
    a, b = NodeFacts(b"node-a" * 6, FIRST_START), NodeFacts(b"node-b" * 6, FIRST_START)
    first = everything(a, tmp_path / "a1")
    for i in range(5000):  # labels made from a name: more than a node keeps
        a.password(f"label {i}")
    assert everything(a, tmp_path / "a2") == first
    assert everything(NodeFacts(b"node-a" * 6, FIRST_START), tmp_path / "a3") == first
    assert a.password("label 4999") == NodeFacts(a.seed, FIRST_START).password("label 4999")
    out_b = everything(b, tmp_path / "b")
    for name, value in per_node(a).items():
        assert len(value) < 8 or value not in out_b, f"node B shows A's {name}"


def test_a_telnet_shell_shows_the_host_keys_the_ssh_trap_presents(tmp_path: Path) -> None:
    """One machine, one set of host keys: `dropbearkey -y` over Telnet prints the fingerprint
    port 22 presents, once the SSH trap keeps its keys (in traps/ssh); before, the facts' own,
    and the Telnet trap creates none."""
    facts = NodeFacts(b"node-a" * 6, FIRST_START)
    show = [*LOGIN, b"dropbearkey -y -f /etc/dropbear/dropbear_ed25519_host_key\r\n"]
    before = converse(TelnetTrapConfig(), facts, tmp_path, show)
    assert "Fingerprint: SHA256:" in before and not (tmp_path / "traps/ssh").exists()
    keys = SshHostKeys.load_or_create(tmp_path / "traps/ssh")  # as the SSH trap makes them
    presented = fingerprint(keys.shown()["ed25519"])
    assert presented not in before
    assert f"Fingerprint: {presented}" in converse(TelnetTrapConfig(), facts, tmp_path, show)
