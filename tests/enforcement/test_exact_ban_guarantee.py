"""The control-plane guarantee the XDP fast path rests on: no exact IPv4 ban (a /32, the
``hm_ban_v4`` hash) is ever in the backend together with an allow that covers it. The program
drops an exact IPv4 hit without consulting the allowlist, so a path that broke this would drop
an allowlisted source.

Paths: a ban covered by a built-in, configured or stored allow is refused; an allow added over
existing bans lifts them; at start, stored bans under the built-in allows of this run (changed
admin networks, new own addresses) or under stored allows are lifted before the backend sees
them. A random sequence of bans, allows, unbans, allow removals and restarts with changing
admin networks keeps it after every step.

IPv6 is different by design: its exact key is the /64 (``policy.ipv6_prefix``), which may hold
an allowlisted address (a ban on a range that merely contains an allowed address is accepted),
so the XDP backend tracks whether any banned /64 holds one, and while one does an IPv6 hit
consults the allowlist (tests/kernel/test_xdp.py).
"""

from __future__ import annotations

import ipaddress
import random
import sqlite3
from pathlib import Path

import pytest_twisted

from honeymesh.enforcement import banstore
from honeymesh.enforcement.banlist import Allowlisted, BanListError, builtin_allows
from honeymesh.net import Network
from honeymesh.net import parse_network as addr
from tests.backend_double import BackendDouble
from tests.banlist_harness import Harness

HOUR = 3600.0
WIDTH4 = banstore._WIDTH[4]  # the stored form of an IPv4 bound


def covered_exact_v4(backend: BackendDouble) -> list[tuple[Network, Network]]:
    """Exact IPv4 bans in the backend that an allow in the backend covers."""
    return [
        (ban, allow)
        for ban in backend.bans
        if ban.version == 4 and ban.prefixlen == 32
        for allow in backend.allows
        if allow.version == 4 and ban.subnet_of(allow)
    ]


@pytest_twisted.ensureDeferred
async def test_no_exact_ipv4_ban_is_ever_covered_by_an_allow(tmp_path: Path) -> None:
    rng = random.Random(15)
    pool = [f"198.51.100.{i}" for i in range(1, 12)] + [f"203.0.113.{i}" for i in range(1, 6)]
    allow_pool = ["198.51.100.0/29", "198.51.100.8/30", "203.0.113.3", "198.51.100.5"]
    admin_choices: list[list[str]] = [[], ["203.0.113.0/29"], ["198.51.100.0/28"]]
    h = await Harness(tmp_path / "hm.db", builtin=builtin_allows([])).start()
    refused = restarts = 0
    try:
        for _step in range(160):
            op = rng.choice(["ban", "ban", "ban", "allow", "unallow", "unban", "restart"])
            try:
                if op == "ban":
                    await h.banlist.add(
                        addr(rng.choice(pool)), duration=HOUR, source="local", reasons=["x"]
                    )
                elif op == "allow":
                    await h.banlist.add_allow(addr(rng.choice(allow_pool)), reason="x")
                elif op == "unallow":
                    await h.banlist.remove_allow(addr(rng.choice(allow_pool)))
                elif op == "unban":
                    await h.banlist.remove(addr(rng.choice(pool)))
                else:
                    await h.stop()
                    admin = rng.choice(admin_choices)
                    h = await Harness(h.path, clock=h.clock, builtin=builtin_allows(admin)).start()
                    restarts += 1
            except Allowlisted:
                refused += 1
            except BanListError:
                pass  # not banned / not allowlisted: nothing changed
            assert covered_exact_v4(h.backend) == [], (op, h.backend.bans, h.backend.allows)
            stored = {ipaddress.ip_network(n) for n in h.active_rows()}
            assert set(h.backend.bans) == stored  # the backend is the database's projection
    finally:
        await h.stop()
    assert refused > 0 and restarts > 0  # the sequence did exercise both guards


@pytest_twisted.ensureDeferred
async def test_stored_bans_under_a_stored_allow_are_lifted_at_start(tmp_path: Path) -> None:
    """A database where an active /32 ban sits under a stored allow (written by an older
    version, or by hand) is put right at load, before the backend sees the ban."""
    h = await Harness(tmp_path / "hm.db").start()
    await h.banlist.add(addr("192.0.2.7"), duration=HOUR, source="operator", reasons=["x"])
    await h.stop()
    conn = sqlite3.connect(h.path)
    first, last = int(ipaddress.ip_address("192.0.2.0")), int(ipaddress.ip_address("192.0.2.255"))
    conn.execute(
        "INSERT INTO allowlist (network, family, prefixlen, first, last, reason, origin, "
        "created) VALUES ('192.0.2.0/24', 4, 24, ?, ?, 'by hand', 'operator', 0)",
        (f"{first:0{WIDTH4}x}", f"{last:0{WIDTH4}x}"),
    )
    conn.commit()
    conn.close()
    again = await Harness(h.path, clock=h.clock).start()
    try:
        assert again.backend.bans == {}
        assert ipaddress.ip_network("192.0.2.0/24") in again.backend.allows
        assert again.report is not None and again.report.lifted_by_allow == 1
    finally:
        await again.stop()


@pytest_twisted.ensureDeferred
async def test_an_ipv6_exact_key_may_hold_an_allowed_address(tmp_path: Path) -> None:
    """Why the program still checks the allowlist on an IPv6 hit: the ban is the /64."""
    h = await Harness(tmp_path / "hm.db").start()
    try:
        await h.banlist.add_allow(addr("2001:db8:1::1"), reason="admin host")
        ban = await h.banlist.add(
            addr("2001:db8:1::66"), duration=HOUR, source="local", reasons=["x"]
        )
        assert str(ban.network) == "2001:db8:1::/64"
        assert ipaddress.ip_network("2001:db8:1::/64") in h.backend.bans
        assert ipaddress.ip_network("2001:db8:1::1/128") in h.backend.allows
    finally:
        await h.stop()
