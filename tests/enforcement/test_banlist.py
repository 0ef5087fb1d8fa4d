"""The ban list over a real SQLite store: acknowledgement, restart, expiry, escalation, allows,
IPv4-mapped addresses, ranges, bad input, a full backend map, explanations."""

from __future__ import annotations

import ipaddress
import json
import math
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, cast

import pytest
import pytest_twisted
from twisted.internet.defer import Deferred, fail
from twisted.logger import ILogObserver, Logger, LogLevel, formatEvent

from honeymesh.enforcement import banstore
from honeymesh.enforcement.backend import BanEntry, MapFull
from honeymesh.enforcement.banlist import (
    Allowlisted,
    Ban,
    BanHousekeeping,
    BanNotEnforced,
    BuiltinAllow,
    Escalation,
    InvalidInput,
    NotAllowlisted,
    NotBanned,
    builtin_allows,
)
from honeymesh.events import EventId
from honeymesh.net import parse_network as addr
from honeymesh.store.db import StoreError, bundled_migrations, open_database
from tests.backend_double import BackendDouble
from tests.banlist_harness import T0, Harness, until

HOUR = 3600.0
net = ipaddress.ip_network


@pytest_twisted.async_yield_fixture
async def node(tmp_path: Path) -> AsyncIterator[Harness]:
    h = await Harness(tmp_path / "hm.db").start()
    yield h
    await h.stop()


async def ban(h: Harness, target: str, duration: float | None = HOUR, **kw: Any) -> Ban:
    kw.setdefault("source", "operator")
    kw.setdefault("reasons", ["test"])
    return await h.banlist.add(addr(target), duration=duration, **kw)


# Acknowledgement ---------------------------------------------------------------------------------


@pytest_twisted.ensureDeferred
async def test_a_ban_is_acknowledged_only_after_the_commit_and_the_backend_update(
    node: Harness,
) -> None:
    seen_at_backend: list[Any] = []
    acknowledged: list[Ban] = []

    def at_backend(entry: BanEntry) -> None:
        # When the backend is updated, the row is already committed (a fresh connection sees it)
        # and the caller has not been told yet.
        seen_at_backend.append((node.active_rows(), list(acknowledged)))

    node.backend.on_add_ban = at_backend
    d = node.banlist.add(
        addr("203.0.113.7"), duration=HOUR, source="operator", reasons=["ssh brute"]
    )

    def told(b: Ban) -> Ban:
        acknowledged.append(b)
        return b

    d.addCallback(told)
    assert acknowledged == []  # nothing is acknowledged before the commit
    result = await d
    assert seen_at_backend == [({"203.0.113.7/32": T0 + HOUR}, [])]
    assert acknowledged == [result]
    assert node.active_rows() == {"203.0.113.7/32": T0 + HOUR}
    assert node.backend.bans == {net("203.0.113.7/32"): T0 + HOUR}
    assert result.reasons == ("ssh brute",)
    assert result.source == "operator"
    assert node.ids(EventId.BAN_ADDED) == ["ban.added"]


# Restart -----------------------------------------------------------------------------------------


@pytest_twisted.ensureDeferred
async def test_restart_restores_exactly_the_active_set_in_one_batch(
    node: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(banstore, "_LOAD_CHUNK", 2)  # the chunked read, on a small set
    await ban(node, "203.0.113.1")
    await ban(node, "2001:db8::5", duration=None)
    await ban(node, "198.51.100.0/24", duration=2 * HOUR)
    await ban(node, "203.0.113.2")
    await ban(node, "203.0.113.4", duration=None)
    await ban(node, "203.0.113.3", duration=60)
    await node.banlist.remove(addr("203.0.113.2"))
    node.clock.advance(61)  # 203.0.113.3 expires while "down" (no sweep ran)

    backend = BackendDouble()
    again = await node.restart(backend)
    try:
        expected = {
            net("203.0.113.1/32"): T0 + HOUR,
            net("203.0.113.4/32"): None,
            net("2001:db8::/64"): None,
            net("198.51.100.0/24"): T0 + 2 * HOUR,
        }
        assert backend.calls == ["replace_all"]  # one batch, no per-row updates
        assert backend.replace_all_calls[0][0] == expected
        assert backend.replace_all_calls[0][1] == {n.network for n in again.builtin}
        assert dict(again.banlist.active()) == expected
        assert again.active_rows() == {str(k): v for k, v in expected.items()}
        assert again.report is not None
        assert (again.report.bans, again.report.expired) == (4, 1)
        why = again.rows("SELECT lifted_why FROM bans WHERE network = '203.0.113.3/32'")
        assert why == [("expired",)]
    finally:
        await again.stop()


# Expiry and escalation ---------------------------------------------------------------------------


@pytest_twisted.ensureDeferred
async def test_expired_bans_leave_the_backend_and_are_marked_in_the_database(
    node: Harness,
) -> None:
    await ban(node, "203.0.113.9", duration=HOUR)
    await ban(node, "203.0.113.10", duration=None)
    node.clock.advance(HOUR - 1)
    report = await node.banlist.sweep()
    assert report.expired == ()
    assert node.banlist.is_banned(addr("203.0.113.9"))

    node.clock.advance(2)
    assert not node.banlist.is_banned(addr("203.0.113.9"))  # past expiry even before the sweep
    report = await node.banlist.sweep()
    assert [str(b.network) for b in report.expired] == ["203.0.113.9/32"]
    assert node.backend.bans == {net("203.0.113.10/32"): None}
    assert node.rows("SELECT lifted_why, lifted FROM bans WHERE network = '203.0.113.9/32'") == [
        ("expired", T0 + HOUR)
    ]
    assert node.ids(EventId.BAN_EXPIRED) == ["ban.expired"]

    node.clock.advance(20 * 365 * 86400)  # a permanent ban never expires
    assert (await node.banlist.sweep()).expired == ()
    assert node.backend.bans == {net("203.0.113.10/32"): None}


@pytest_twisted.ensureDeferred
async def test_repeat_offenders_get_escalating_bans_up_to_the_maximum(node: Harness) -> None:
    esc = Escalation(multiplier=4.0, max_duration=10 * HOUR)
    got = []
    for _ in range(4):
        b = await ban(node, "192.0.2.66", escalation=esc)
        got.append((b.offence, b.expires - b.created if b.expires else None))
        node.clock.advance(11 * HOUR)
        await node.banlist.sweep()
    assert got == [(1, HOUR), (2, 4 * HOUR), (3, 10 * HOUR), (4, 10 * HOUR)]


@pytest_twisted.ensureDeferred
async def test_escalation_can_end_in_a_permanent_ban(node: Harness) -> None:
    esc = Escalation(multiplier=2.0, max_duration=100 * HOUR, permanent_after=3)
    for _ in range(2):
        await ban(node, "192.0.2.67", escalation=esc)
        node.clock.advance(5 * HOUR)
    third = await ban(node, "192.0.2.67", escalation=esc)
    assert (third.offence, third.expires, third.permanent) == (3, None, True)


@pytest_twisted.ensureDeferred
async def test_offences_older_than_the_window_are_forgiven(tmp_path: Path) -> None:
    h = await Harness(tmp_path / "hm.db", offence_window=86400).start()
    try:
        esc = Escalation(multiplier=4.0)
        await ban(h, "192.0.2.68", escalation=esc)
        h.clock.advance(2 * 86400)
        again = await ban(h, "192.0.2.68", escalation=esc)
        assert (again.offence, again.expires) == (1, h.clock.seconds() + HOUR)
    finally:
        await h.stop()


@pytest_twisted.ensureDeferred
async def test_banning_an_active_ban_again_extends_it_without_a_new_offence(
    node: Harness,
) -> None:
    first = await ban(node, "192.0.2.70", reasons=["scan"])
    node.clock.advance(600)
    second = await ban(node, "192.0.2.70", duration=2 * HOUR, reasons=["ssh login"])
    assert second.id == first.id
    assert second.offence == 1
    assert second.expires == T0 + 600 + 2 * HOUR
    assert second.reasons == ("scan", "ssh login")
    assert node.backend.bans[net("192.0.2.70/32")] == T0 + 600 + 2 * HOUR
    third = await ban(node, "192.0.2.70", duration=60, reasons=["scan"])
    assert third == second  # shorter and nothing new: unchanged
    assert node.rows("SELECT count(*) FROM bans") == [(1,)]


# Allow wins --------------------------------------------------------------------------------------


@pytest_twisted.ensureDeferred
async def test_a_ban_inside_an_allow_is_refused_and_changes_nothing(node: Harness) -> None:
    await node.banlist.add_allow(addr("10.20.0.0/16"), reason="office")
    calls = list(node.backend.calls)
    with pytest.raises(Allowlisted, match=r"10\.20\.3\.4/32 is not banned.*10\.20\.0\.0/16"):
        await ban(node, "10.20.3.4")
    with pytest.raises(Allowlisted, match="loopback"):
        await ban(node, "127.0.0.2")
    assert node.active_rows() == {}
    assert node.backend.calls == calls
    # A wider range that merely contains the allow is accepted: the kernel checks allows first.
    await ban(node, "10.0.0.0/8")
    explained = await node.banlist.explain(addr("10.20.3.4"), "enforce")
    assert (explained.status, explained.would_drop) == ("allowed", False)


@pytest_twisted.ensureDeferred
async def test_an_allow_lifts_the_bans_inside_it(node: Harness) -> None:
    await ban(node, "192.0.2.7")
    await ban(node, "192.0.2.0/28")
    await ban(node, "198.51.100.1")
    rule = await node.banlist.add_allow(addr("192.0.2.0/24"), reason="partner")
    assert rule.origin == "operator"
    assert node.active_rows() == {"198.51.100.1/32": T0 + HOUR}
    assert set(node.backend.bans) == {net("198.51.100.1/32")}
    assert net("192.0.2.0/24") in node.backend.allows
    lifted = node.rows("SELECT lifted_why, lifted_by FROM bans WHERE lifted IS NOT NULL")
    assert lifted == [("allowed", "allow 192.0.2.0/24")] * 2
    # For good: removing the allow does not bring the bans back.
    await node.banlist.remove_allow(addr("192.0.2.0/24"))
    assert node.active_rows() == {"198.51.100.1/32": T0 + HOUR}
    assert net("192.0.2.0/24") not in node.backend.allows


@pytest_twisted.ensureDeferred
async def test_builtin_allows_cannot_be_removed_and_unknown_ones_are_reported(
    node: Harness,
) -> None:
    with pytest.raises(BuiltinAllow, match="loopback"):
        await node.banlist.remove_allow(addr("127.0.0.0/8"))
    with pytest.raises(NotAllowlisted):
        await node.banlist.remove_allow(addr("192.0.2.0/24"))
    assert net("127.0.0.0/8") in node.backend.allows


def test_builtin_allows_list_each_network_once_with_every_reason() -> None:
    # The defaults: ::1 is loopback, lo's address and an admin network, and was listed 3 times.
    builtin = builtin_allows(
        ["127.0.0.0/8", "::1/128"], [("lo", net("::1/128")), ("eth0", net("198.18.0.1/32"))]
    )
    by_network = {str(r.network): r for r in builtin}
    assert len(by_network) == len(builtin) == 3
    assert by_network["::1/128"].reason == (
        "loopback; this node's address on lo; kernel.admin_networks"
    )
    assert by_network["127.0.0.0/8"].reason == "loopback; kernel.admin_networks"
    assert by_network["::1/128"].origin == "builtin"


@pytest_twisted.ensureDeferred
async def test_builtin_allows_include_own_addresses_and_admin_networks(tmp_path: Path) -> None:
    builtin = builtin_allows(["192.168.50.0/24"], [("eth0", net("198.18.0.1/32"))])
    h = await Harness(tmp_path / "hm.db", builtin=builtin).start()
    try:
        for address, origin in [("198.18.0.1", "builtin"), ("192.168.50.9", "config")]:
            with pytest.raises(Allowlisted) as caught:
                await ban(h, address)
            assert caught.value.rule.origin == origin
        assert {str(r.network) for r in h.banlist.allows()} >= {
            "127.0.0.0/8",
            "::1/128",
            "198.18.0.1/32",
            "192.168.50.0/24",
        }
    finally:
        await h.stop()


@pytest_twisted.ensureDeferred
async def test_a_changed_admin_network_lifts_stored_bans_at_the_next_start(
    node: Harness,
) -> None:
    await ban(node, "192.168.60.5")
    await node.stop()
    h = Harness(node.path, clock=node.clock, builtin=builtin_allows(["192.168.60.0/24"]))
    await h.start()
    try:
        assert h.active_rows() == {}
        assert h.backend.bans == {}
        assert h.report is not None and h.report.lifted_by_allow == 1
    finally:
        await h.stop()


# Addresses ---------------------------------------------------------------------------------------


@pytest_twisted.ensureDeferred
async def test_ipv4_mapped_ipv6_is_the_ipv4_address(node: Harness) -> None:
    b = await ban(node, "::ffff:203.0.113.9")
    assert b.network == net("203.0.113.9/32")
    assert node.backend.bans == {net("203.0.113.9/32"): T0 + HOUR}
    assert [x.id for x in await node.banlist.query(addr("203.0.113.9"))] == [b.id]
    assert [x.id for x in await node.banlist.query(addr("::ffff:203.0.113.9"))] == [b.id]
    with pytest.raises(Allowlisted):
        await ban(node, "::ffff:127.0.0.1")
    await node.banlist.remove(addr("203.0.113.9"))
    assert node.backend.bans == {}


@pytest_twisted.ensureDeferred
async def test_a_range_ban_answers_for_every_address_inside_it(node: Harness) -> None:
    r = await ban(node, "198.51.100.0/24", reasons=["botnet range"])
    e = await ban(node, "198.51.100.77", reasons=["ssh"])
    found = await node.banlist.query(addr("198.51.100.77"))
    assert [b.id for b in found] == [e.id, r.id]  # most specific first
    assert [b.id for b in await node.banlist.query(addr("198.51.100.78"))] == [r.id]
    assert await node.banlist.query(addr("198.51.101.1")) == []
    v6 = await ban(node, "2001:db8:1::/48")
    assert [b.id for b in await node.banlist.query(addr("2001:db8:1:2::3"))] == [v6.id]
    with pytest.raises(NotBanned, match=r"covered by the banned range 198\.51\.100\.0/24"):
        await node.banlist.remove(addr("198.51.100.78"))
    explained = await node.banlist.explain(addr("198.51.100.78"), "enforce")
    assert explained.status == "banned"
    assert "as 198.51.100.0/24" in explained.summary
    assert "botnet range" in explained.summary


@pytest_twisted.ensureDeferred
async def test_ipv6_bans_cover_the_configured_prefix_like_the_kernel(node: Harness) -> None:
    b = await ban(node, "2001:db8:1:2::5")
    assert b.network == net("2001:db8:1:2::/64")
    assert node.backend.bans == {net("2001:db8:1:2::/64"): T0 + HOUR}
    assert node.banlist.is_banned(addr("2001:db8:1:2:ffff::1"))  # a rotated address in the /64
    assert not node.banlist.is_banned(addr("2001:db8:1:3::5"))
    await node.banlist.remove(addr("2001:db8:1:2::9"))  # any address of the /64 names the ban
    assert node.backend.bans == {}
    wide = await ban(node, "2001:db8:2::/48")
    assert wide.network == net("2001:db8:2::/48")  # wider than the prefix: as given


@pytest_twisted.ensureDeferred
async def test_a_link_local_source_is_banned_as_itself_never_as_its_slash_64(
    node: Harness,
) -> None:
    """fe80::/64 is every host on the link: widening one on-link attacker to it would ban the
    router and every neighbour."""
    b = await ban(node, "fe80::5")
    assert b.network == net("fe80::5/128")
    assert node.banlist.is_banned(addr("fe80::5"))
    assert not node.banlist.is_banned(addr("fe80::1"))


# Bad input ---------------------------------------------------------------------------------------

# Text that is not an address never reaches the ban list: the edge parses it (tests/test_net.py,
# and the API's 400s in tests/web/test_api.py). What the ban list itself refuses:
BAD_BANS: list[tuple[str, dict[str, Any]]] = [
    ("too wide", {"network": "10.0.0.0/4"}),
    ("too wide v6", {"network": "2001::/15"}),
    ("negative duration", {"duration": -5.0}),
    ("zero duration", {"duration": 0.0}),
    ("NaN duration", {"duration": math.nan}),
    ("infinite duration", {"duration": math.inf}),
    ("overlong reason", {"reasons": ["x" * 501]}),
    ("control characters", {"reasons": ["evil\nlog line"]}),
    ("no reason", {"reasons": []}),
    ("reasons not a list", {"reasons": "scan"}),
    ("bad source", {"source": "martians"}),
    ("evidence not JSON", {"evidence": {"raw": b"\x00"}}),
    ("evidence too big", {"evidence": {"blob": "x" * 20000}}),
]


@pytest.mark.parametrize(("what", "change"), BAD_BANS, ids=[b[0] for b in BAD_BANS])
@pytest_twisted.ensureDeferred
async def test_bad_input_gives_a_typed_error_and_changes_nothing(
    node: Harness, what: str, change: dict[str, Any]
) -> None:
    await ban(node, "192.0.2.200")
    before = (node.rows("SELECT * FROM bans"), list(node.backend.calls), len(node.events))
    request: dict[str, Any] = {
        "network": "192.0.2.1",
        "duration": HOUR,
        "source": "operator",
        "reasons": ["fine"],
    }
    request.update(change)
    target = addr(request.pop("network"))
    with pytest.raises(InvalidInput) as caught:
        await node.banlist.add(target, **request)
    assert isinstance(caught.value, ValueError)
    assert str(caught.value)
    after = (node.rows("SELECT * FROM bans"), list(node.backend.calls), len(node.events))
    assert after == before
    assert [str(n) for n, _ in node.banlist.active()] == ["192.0.2.200/32"]


@pytest_twisted.ensureDeferred
async def test_bad_unban_allow_and_query_input_is_refused(node: Harness) -> None:
    for call in (
        lambda: node.banlist.remove(addr("192.0.2.1"), by="\x1b[2J"),
        lambda: node.banlist.remove(addr("10.0.0.0/4")),
        lambda: node.banlist.add_allow(addr("192.0.2.0/24"), reason=""),
        lambda: node.banlist.add_allow(addr("0.0.0.0/0"), reason="everything"),
        lambda: node.banlist.add_allow(addr("192.0.2.0/24"), reason="x", origin="builtin"),
        lambda: node.banlist.list_bans(limit=0),
    ):
        with pytest.raises(InvalidInput):
            await call()
    with pytest.raises(NotBanned):
        await node.banlist.remove(addr("192.0.2.1"))
    assert node.rows("SELECT count(*) FROM allowlist") == [(0,)]


# A full map --------------------------------------------------------------------------------------


@pytest_twisted.ensureDeferred
async def test_a_full_map_keeps_the_ban_stored_unenforced_and_retries_it(tmp_path: Path) -> None:
    h = await Harness(tmp_path / "hm.db", backend=BackendDouble(capacity=2)).start()
    try:
        await ban(h, "192.0.2.1")
        await ban(h, "192.0.2.2", duration=60)
        with pytest.raises(BanNotEnforced, match="not enforced") as caught:
            await ban(h, "192.0.2.3")
        assert isinstance(caught.value.cause, MapFull)
        assert caught.value.ban.enforced is False
        assert h.rows("SELECT network, enforced FROM bans WHERE lifted IS NULL ORDER BY id") == [
            ("192.0.2.1/32", 1),
            ("192.0.2.2/32", 1),
            ("192.0.2.3/32", 0),
        ]
        assert h.ids(EventId.BAN_MAP_FULL) == ["ban.map_full"]
        assert h.banlist.is_banned(addr("192.0.2.3"))  # memory follows the database
        explained = await h.banlist.explain(addr("192.0.2.3"), "enforce")
        assert (explained.status, explained.would_drop) == ("banned", False)
        assert "NOT enforced" in explained.summary

        h.clock.advance(61)  # 192.0.2.2 expires and makes room
        report = await h.banlist.sweep()
        assert report.re_enforced == 1
        assert set(h.backend.bans) == {net("192.0.2.1/32"), net("192.0.2.3/32")}
        assert h.rows("SELECT enforced FROM bans WHERE network = '192.0.2.3/32'") == [(1,)]
    finally:
        await h.stop()


@pytest_twisted.ensureDeferred
async def test_refused_bans_are_counted_said_once_and_said_again_when_all_fit(
    tmp_path: Path,
) -> None:
    """What an operator sees while the backend refuses bans: the status's count of them
    (right after each refusal, and as each sweep finds them), one console line for the whole
    episode, each ban's own event, and one line when every ban is enforced again."""
    h = await Harness(tmp_path / "hm.db", backend=BackendDouble(capacity=1)).start()
    lines: list[dict[str, Any]] = []
    h.banlist._log = Logger(observer=cast(ILogObserver, lines.append))
    said = lambda: [formatEvent(e) for e in lines]  # noqa: E731
    try:
        await ban(h, "192.0.2.1", duration=60)
        for i in (2, 3, 4):
            with pytest.raises(BanNotEnforced):
                await ban(h, f"192.0.2.{i}")
            assert h.banlist.counts()["not_enforced"] == i - 1
        with pytest.raises(BanNotEnforced):  # banned again while it waits: still one ban
            await ban(h, "192.0.2.4", duration=2 * HOUR)
        assert h.banlist.counts()["not_enforced"] == 3
        assert len(h.ids(EventId.BAN_MAP_FULL)) == 4  # every refusal has its event
        refused = [line for line in said() if "not enforced" in line]
        assert len(refused) == 1, said()
        assert "192.0.2.2/32" in refused[0] and "map full" in refused[0]

        await h.banlist.sweep()  # still full: nothing said, the count as the store has it
        assert h.banlist.counts()["not_enforced"] == 3
        await h.banlist.remove(addr("192.0.2.4"))  # an operator lifts a waiting ban
        assert h.banlist.counts()["not_enforced"] == 2
        await h.banlist.sweep()
        assert h.banlist.counts()["not_enforced"] == 2

        h.clock.advance(61)  # 192.0.2.1 expires: room for one
        report = await h.banlist.sweep()
        assert report.re_enforced == 1 and h.banlist.counts()["not_enforced"] == 1
        assert not [line for line in said() if "every stored ban" in line]
        h.backend.capacity = None
        report = await h.banlist.sweep()
        assert report.re_enforced == 1 and h.banlist.counts()["not_enforced"] == 0
        assert set(h.backend.bans) == {net("192.0.2.2/32"), net("192.0.2.3/32")}
        again = [line for line in said() if "every stored ban is enforced again" in line]
        assert len(again) == 1 and "map full" in again[0], said()
        assert len([line for line in said() if "not enforced" in line]) == 1
    finally:
        await h.stop()


@pytest_twisted.ensureDeferred
async def test_a_full_map_at_start_loads_what_fits_and_marks_the_rest(node: Harness) -> None:
    for i in range(1, 5):
        await ban(node, f"192.0.2.{i}")
    small = BackendDouble(capacity=3)
    h = await node.restart(small)
    try:
        assert h.report is not None and h.report.not_enforced == 1
        assert h.banlist.counts()["not_enforced"] == 1
        assert len(small.bans) == 3
        assert h.rows("SELECT network FROM bans WHERE enforced = 0") == [("192.0.2.4/32",)]
        assert len(h.active_rows()) == 4
        assert h.ids(EventId.BAN_MAP_FULL) == ["ban.map_full"]
    finally:
        await h.stop()


# Explanations, listing, counts -------------------------------------------------------------------


@pytest_twisted.ensureDeferred
async def test_explain_covers_every_case(node: Harness) -> None:
    await ban(node, "203.0.113.50", reasons=["ssh brute force"], source="local")
    banned = await node.banlist.explain(addr("203.0.113.50"), "enforce")
    assert (banned.status, banned.would_drop) == ("banned", True)
    assert banned.banned_by[0].reasons == ("ssh brute force",)
    assert "offence 1" in banned.summary
    assert "ENFORCE mode its packets are dropped" in banned.summary
    assert json.loads(json.dumps(banned.to_json()))["banned_by"][0]["source"] == "local"

    tested = await node.banlist.explain(addr("203.0.113.50"), "test")
    assert (tested.status, tested.would_drop) == ("banned", False)
    assert "TEST mode nothing is dropped" in tested.summary

    clean = await node.banlist.explain(addr("203.0.113.51"), "enforce")
    assert (clean.status, clean.would_drop) == ("not_banned", False)
    locked = await node.banlist.explain(addr("203.0.113.51"), "lockdown")
    assert (locked.status, locked.would_drop) == ("not_banned", True)
    assert "LOCKDOWN" in locked.summary
    admin = await node.banlist.explain(addr("127.0.0.1"), "lockdown")
    assert (admin.status, admin.would_drop) == ("allowed", False)

    await node.banlist.remove(addr("203.0.113.50"))
    after = await node.banlist.explain(addr("203.0.113.50"), "enforce")
    assert (after.status, after.previous_bans) == ("not_banned", 1)


@pytest_twisted.ensureDeferred
async def test_list_pages_through_bans_and_history(node: Harness) -> None:
    for i in range(5):
        await ban(node, f"192.0.2.{i + 1}", source="local" if i % 2 else "operator")
    await node.banlist.remove(addr("192.0.2.1"))
    page1 = await node.banlist.list_bans(limit=2)
    page2 = await node.banlist.list_bans(limit=2, after_id=page1[-1].id)
    assert [str(b.network) for b in page1 + page2] == [
        "192.0.2.2/32",
        "192.0.2.3/32",
        "192.0.2.4/32",
        "192.0.2.5/32",
    ]
    history = await node.banlist.list_bans(active=False)
    assert len(history) == 5 and history[0].lifted_why == "unbanned"
    local = await node.banlist.list_bans(source="local")
    assert [str(b.network) for b in local] == ["192.0.2.2/32", "192.0.2.4/32"]
    assert node.banlist.counts()["exact_v4"] == 4


# Housekeeping service ----------------------------------------------------------------------------


@pytest_twisted.ensureDeferred
async def test_housekeeping_service_sweeps_on_its_clock_and_leaves_nothing_behind(
    node: Harness,
) -> None:
    await ban(node, "192.0.2.99", duration=10)
    service = BanHousekeeping(node.banlist, node.clock, interval=5)
    service.startService()
    node.clock.advance(5)  # a sweep before expiry
    await until(lambda: service.sweeps == 1)
    assert service.expired == 0
    node.clock.advance(5)  # expired: this tick lifts it
    await until(lambda: service.sweeps == 2)
    assert service.expired == 1
    assert node.backend.bans == {}
    assert service.stopService() is None  # idle: nothing to wait for
    assert node.clock.getDelayedCalls() == []


@pytest_twisted.ensureDeferred
async def test_stopping_housekeeping_waits_for_the_sweep_in_progress(node: Harness) -> None:
    await ban(node, "192.0.2.98", duration=1)
    service = BanHousekeeping(node.banlist, node.clock, interval=2)
    service.startService()
    node.clock.advance(2)  # a sweep is now in flight in the store's thread
    stopping = service.stopService()
    assert stopping is not None
    await stopping
    assert service.expired == 1  # it finished before the store could be closed
    assert node.clock.getDelayedCalls() == []


@pytest_twisted.ensureDeferred
async def test_sweeps_the_store_cannot_take_are_said_once_and_retried(node: Harness) -> None:
    """A full disk fails every sweep: one warning for the whole episode, no traceback each
    second (a critical traceback per failed sweep is what the full-disk test found), and a
    line when sweeps work again."""
    lines: list[dict[str, Any]] = []
    service = BanHousekeeping(node.banlist, node.clock, interval=1)
    service._log = Logger(observer=cast(ILogObserver, lines.append))
    real_sweep = node.banlist.sweep

    def failing(limit: int = 0) -> Deferred[Any]:
        return fail(StoreError("database write failed: disk full"))

    node.banlist.sweep = failing  # type: ignore[method-assign]
    service.startService()
    for _ in range(5):
        node.clock.advance(1)
    node.banlist.sweep = real_sweep  # type: ignore[method-assign]
    node.clock.advance(1)
    await until(lambda: service.sweeps == 1)
    service.stopService()
    said = [(e["log_level"], formatEvent(e)) for e in lines]
    assert [level for level, _ in said] == [LogLevel.warn, LogLevel.info], said
    assert "disk full" in said[0][1] and not any("log_failure" in e for e in lines)


@pytest_twisted.ensureDeferred
async def test_an_idle_ban_list_is_not_swept_every_second_and_an_expiry_is_on_time(
    node: Harness,
) -> None:
    """Housekeeping sweeps when a ban expires or awaits enforcement, and at least every
    ``quiet_most`` seconds: an idle node's store is not woken every second for nothing."""
    asked: list[float] = []
    real_sweep = node.banlist.sweep

    def counted(limit: int = 10_000) -> Deferred[Any]:
        asked.append(node.clock.seconds())
        return real_sweep(limit)

    node.banlist.sweep = counted  # type: ignore[method-assign]
    service = BanHousekeeping(node.banlist, node.clock, interval=1, quiet_most=60)
    service.startService()
    start = node.clock.seconds()
    node.clock.advance(1)  # the first sweep learns that nothing will expire
    await until(lambda: service.sweeps == 1)
    for _ in range(30):
        node.clock.advance(1)
    assert len(asked) == 1
    b = await ban(node, "192.0.2.77", duration=10)  # expires at start + 41
    assert b.expires == start + 41
    for _ in range(9):
        node.clock.advance(1)
    assert len(asked) == 1 and node.banlist.is_banned(addr("192.0.2.77"))
    node.clock.advance(1)  # its expiry: swept on this tick
    await until(lambda: service.expired == 1)
    assert asked[1:] == [start + 41]
    while node.clock.seconds() < start + 41 + 60:  # nothing due: the safety sweep, once
        node.clock.advance(1)
    await until(lambda: service.sweeps == 3)
    assert asked[2:] == [start + 41 + 60]
    service.stopService()
    assert node.clock.getDelayedCalls() == []


@pytest_twisted.ensureDeferred
async def test_an_idle_housekeeping_holds_one_timer_for_its_next_sweep_not_one_a_second(
    node: Harness,
) -> None:
    """No look every second to ask whether a sweep is due: one timer, set for the safety
    sweep, moved earlier by a ban that will expire sooner, and never sooner than ``interval``
    after the last sweep began."""
    service = BanHousekeeping(node.banlist, node.clock, interval=5, quiet_most=60)
    service.startService()
    start = node.clock.seconds()
    node.clock.advance(5)  # the first sweep learns that nothing will expire
    await until(lambda: service.sweeps == 1)
    assert [c.getTime() for c in node.clock.getDelayedCalls()] == [start + 5 + 60]
    await ban(node, "192.0.2.77", duration=30)
    assert [c.getTime() for c in node.clock.getDelayedCalls()] == [start + 35]
    await ban(node, "192.0.2.78", duration=1)  # due before the interval is over: paced
    assert [c.getTime() for c in node.clock.getDelayedCalls()] == [start + 10]
    node.clock.advance(5)
    await until(lambda: service.expired == 1)
    assert [c.getTime() for c in node.clock.getDelayedCalls()] == [start + 35]
    service.stopService()
    assert node.clock.getDelayedCalls() == []


@pytest_twisted.ensureDeferred
async def test_a_ban_the_map_refused_is_retried_each_tick_until_it_fits(tmp_path: Path) -> None:
    h = await Harness(tmp_path / "hm.db", backend=BackendDouble(capacity=1)).start()
    try:
        await h.banlist.sweep()  # nothing due after it
        assert not h.banlist.sweep_due(h.clock.seconds() + 3600)
        await ban(h, "192.0.2.1", duration=60)
        with pytest.raises(BanNotEnforced):
            await ban(h, "192.0.2.2", duration=None)
        assert h.banlist.sweep_due(h.clock.seconds())  # refused: a retry is due at once
        report = await h.banlist.sweep()
        assert report.re_enforced == 0 and h.banlist.sweep_due(h.clock.seconds())
        h.clock.advance(60)  # 192.0.2.1 expires and makes room
        report = await h.banlist.sweep()
        assert report.re_enforced == 1 and len(report.expired) == 1
        assert not h.banlist.sweep_due(h.clock.seconds() + 3600)  # 192.0.2.2 is permanent
    finally:
        await h.stop()


@pytest_twisted.ensureDeferred
async def test_a_sweep_the_store_refused_is_due_again_at_once(node: Harness) -> None:
    await node.banlist.sweep()
    assert not node.banlist.sweep_due(node.clock.seconds() + 3600)
    real_run = node.store.run

    def refusing(fn: Any) -> Deferred[Any]:
        return fail(StoreError("database write failed: disk full"))

    node.store.run = refusing  # type: ignore[method-assign]
    with pytest.raises(StoreError):
        await node.banlist.sweep()
    node.store.run = real_run  # type: ignore[method-assign]
    assert node.banlist.sweep_due(node.clock.seconds())


@pytest_twisted.ensureDeferred
async def test_a_clock_set_back_does_not_hold_off_the_safety_sweep(node: Harness) -> None:
    service = BanHousekeeping(node.banlist, node.clock, interval=1, quiet_most=60)
    service.startService()
    node.clock.advance(1)
    await until(lambda: service.sweeps == 1)
    node.clock.rightNow -= 3600  # the wall clock set back an hour: nothing is due
    service._tick()
    await until(lambda: service.sweeps == 2)
    assert len(node.clock.getDelayedCalls()) == 1  # the timer set before went
    service.stopService()
    assert node.clock.getDelayedCalls() == []


@pytest_twisted.ensureDeferred
async def test_an_interval_longer_than_the_safety_minute_still_paces_the_sweeps(
    node: Harness,
) -> None:
    service = BanHousekeeping(node.banlist, node.clock, interval=300, quiet_most=60)
    service.startService()
    node.clock.advance(299)
    assert service.sweeps == 0
    node.clock.advance(1)
    await until(lambda: service.sweeps == 1)
    node.clock.advance(299)
    assert service.sweeps == 1
    node.clock.advance(1)
    await until(lambda: service.sweeps == 2)
    service.stopService()
    assert node.clock.getDelayedCalls() == []


@pytest_twisted.ensureDeferred
async def test_a_load_makes_the_next_sweep_due(tmp_path: Path) -> None:
    """A restore may leave bans the map had no room for (stored with enforced = 0): the next
    housekeeping tick sweeps, whatever an earlier sweep learnt."""
    h = await Harness(tmp_path / "hm.db", backend=BackendDouble(capacity=1)).start()
    try:
        await ban(h, "192.0.2.1", duration=None)
        await h.banlist.sweep()
        assert not h.banlist.sweep_due(h.clock.seconds() + 3600)
        h.backend.capacity = 0  # the load below finds no room
        await h.banlist.load()
        assert h.rows("SELECT count(*) FROM bans WHERE enforced = 0") == [(1,)]
        assert h.banlist.sweep_due(h.clock.seconds())
    finally:
        await h.stop()


@pytest_twisted.ensureDeferred
async def test_a_ban_refused_while_a_sweep_is_in_the_store_is_still_retried(
    tmp_path: Path,
) -> None:
    """The refusal's own write is queued behind the sweep, which therefore reads the ban as
    enforced: what the sweep learns must not hide the retry the refusal asked for."""
    h = await Harness(tmp_path / "hm.db", backend=BackendDouble(capacity=0)).start()
    try:
        await h.banlist.sweep()
        adding = h.banlist.add(addr("192.0.2.5"), duration=60, source="operator", reasons=["t"])
        sweeping = h.banlist.sweep()  # queued behind the ban's insert, before its refusal
        with pytest.raises(BanNotEnforced):
            await adding
        await sweeping
        assert h.banlist.sweep_due(h.clock.seconds())
    finally:
        await h.stop()


def test_the_restore_reads_each_group_from_the_index_alone(tmp_path: Path) -> None:
    """A million bans are read without a table row each (schema 005's covering index)."""
    conn, _ = open_database(tmp_path / "plan.db", bundled_migrations())
    plan = conn.execute(f"EXPLAIN QUERY PLAN {banstore.LOAD_GROUP_SQL}", (4, 32)).fetchall()
    conn.close()
    (detail,) = [row[-1] for row in plan]  # one step: no table scan, no sort
    assert "USING COVERING INDEX bans_active_group" in detail
