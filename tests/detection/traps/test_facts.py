"""Per-node facts: one seed always tells the same story, two seeds share none of it."""

from __future__ import annotations

import base64
import ipaddress
import re

from honeymesh.detection.traps.facts import (
    CRYPT64,
    DAY,
    OUIS,
    Connection,
    Endpoint,
    NodeFacts,
)

FIRST_START = 1_764_000_000.0
A = NodeFacts(b"\x01" * 32, FIRST_START)
B = NodeFacts(b"\x02" * 32, FIRST_START)


def values(f: NodeFacts, now: float) -> dict[str, str]:
    """Every fact an attacker could compare between two nodes, as text."""
    out = {
        "mac": f.mac,
        "address": str(f.private_address),
        "network": str(f.network),
        "boot": str(int(f.boot_time)),
        "install": str(int(f.install_time)),
        "uptime": str(f.uptime(now)),
        "admin": f.admin_address,
        "login": str(int(f.previous_login(now)[0])),
        "root_hash": f.shadow_hash("root"),
        "admin_hash": f.shadow_hash("admin"),
        "machine_id": f.machine_id,
        "hostkey": f.host_key_line("ed25519"),
        "rsa": f.host_key_line("rsa"),
        "app_key": f.app_key,
        "db_password": f.password("db"),
        "aws_id": f.aws_key_id,
        "aws_secret": f.aws_secret,
        "git_token": f.git_token,
        "run_id": f.redis_run_id,
        "replid": f.redis_replid,
        "db_host": str(f.neighbour("db")),
    }
    for service in ("sshd", "redis-server", "cron", "systemd-journald"):
        out[f"pid:{service}"] = str(f.pid(service))
    return out


def test_one_seed_always_gives_the_same_facts() -> None:
    again = NodeFacts(b"\x01" * 32, FIRST_START)
    assert values(A, FIRST_START + 5000) == values(again, FIRST_START + 5000)


def test_two_seeds_share_no_fact() -> None:
    now = FIRST_START + 3 * DAY
    a, b = values(A, now), values(B, now)
    shared = {k for k in a if a[k] == b[k]}
    assert not shared, shared
    assert not set(a.values()) & set(b.values())


def test_facts_have_the_shapes_real_systems_give() -> None:
    for f in (A, B, NodeFacts(b"x", 0.0), NodeFacts(b"y" * 64, FIRST_START)):
        assert f.mac[:8] in OUIS and re.fullmatch(r"([0-9a-f]{2}:){5}[0-9a-f]{2}", f.mac)
        assert f.private_address.is_private and f.private_address in f.network
        assert f.private_address not in (f.gateway, f.network.broadcast_address)
        hashed = f.shadow_hash("root").split("$")
        assert hashed[:3] == ["", "y", "j9T"] and len(hashed) == 5
        assert len(hashed[3]) == 22 and len(hashed[4]) == 43
        assert set(hashed[3] + hashed[4]) <= set(CRYPT64)
        assert re.fullmatch(r"[0-9a-f]{32}", f.machine_id)
        assert len(base64.b64decode(f.app_key.removeprefix("base64:"))) == 32
        assert re.fullmatch(r"AKIA[A-Z0-9]{16}", f.aws_key_id)
        assert re.fullmatch(r"[A-Za-z0-9+/]{40}", f.aws_secret)
        assert re.fullmatch(r"[0-9a-f]{40}", f.redis_run_id)
        assert f.install_time < f.boot_time < f.first_start - 3 * DAY + 1
        assert f.first_start - f.boot_time <= 90 * DAY
        pids = [f.pid(s) for s in ("systemd-journald", "cron", "sshd", "redis-server")]
        assert pids == sorted(pids) and len(set(pids)) == len(pids) and pids[0] > 100


def test_uptime_only_grows_across_restarts() -> None:
    """A restart of the daemon is not a reboot: the same first start gives the same boot."""
    before = A.uptime(FIRST_START + 100)
    restarted = NodeFacts(A.seed, FIRST_START)
    assert restarted.uptime(FIRST_START + 100 + 7200) == before + 7200
    assert before >= 3 * DAY


def test_the_previous_login_is_in_the_past_and_moves_forward() -> None:
    now = FIRST_START + 10 * DAY
    seen = []
    for hours in range(0, 24 * 10, 7):
        when, where = A.previous_login(now + hours * 3600)
        assert A.boot_time < when < now + hours * 3600
        assert where == A.admin_address
        seen.append(when)
    assert seen == sorted(seen) and len(set(seen)) > 3


def test_the_shown_address_is_the_one_connected_to_unless_it_says_nothing() -> None:
    real = Connection(Endpoint("198.51.100.20", 22), Endpoint("203.0.113.9", 50000))
    mapped = Connection(Endpoint("::ffff:198.51.100.20", 22), Endpoint("::1", 1))
    loop = Connection(Endpoint("127.0.0.1", 22), Endpoint("127.0.0.1", 50000))
    assert A.shown_address(real) == ipaddress.IPv4Address("198.51.100.20")
    assert A.shown_address(mapped) == ipaddress.IPv4Address("198.51.100.20")
    assert A.shown_address(loop) == A.private_address
    assert A.shown_address(None) == A.private_address


def test_the_nic_name_and_hypervisor_follow_the_nic_vendor() -> None:
    for i in range(64):
        f = NodeFacts(bytes([i]) * 32, FIRST_START)
        vendor = f.mac[:8]
        if vendor == "52:54:00":
            assert (f.hypervisor, f.interface in ("ens3", "ens18", "enp1s0")) == ("KVM", True)
        elif vendor in ("00:50:56", "00:0c:29"):
            assert (f.hypervisor, f.interface in ("ens192", "ens160", "ens33")) == ("VMware", True)
        elif vendor in ("f8:bc:12", "b8:ca:3a", "3c:d9:2b", "94:18:82", "ac:1f:6b", "3c:fd:fe"):
            assert f.hypervisor == "" and f.interface.startswith(("eno", "enp3s0"))
