"""The XDP program and XdpBackend with real packets between two network namespaces.

The attacker namespace sends UDP from several source addresses over a veth pair to the target
namespace, where HoneyMesh's program is attached; a test bans some sources and checks which
datagrams arrive and what the per-CPU counters say.
"""

from __future__ import annotations

import ctypes
import errno
import ipaddress
import math
import os
import socket
import threading
import time
from collections.abc import Iterator

import pytest

from honeymesh.config import Mode
from honeymesh.enforcement import kernel
from honeymesh.enforcement.backend import BanEntry, MapFull
from honeymesh.enforcement.banstore import PackedBans
from honeymesh.enforcement.compiler import compile_program
from honeymesh.enforcement.kernel import XdpBackend
from honeymesh.enforcement.layout import DEFAULT_BPF_DIR, MIRRORS, Header, MapSizes, Slot
from honeymesh.enforcement.libbpf import AttachMode, Libbpf, LibbpfError
from tests.kernel import frames
from tests.kernel.conftest import Kit, attach, net
from tests.kernel.netns import Lab, Receiver, Sender, Sniffer, entered, raw_socket

pytestmark = pytest.mark.kernel
BPF = pytest.importorskip("bcc").BPF


def ban(text: str, expires_at: float | None = None) -> BanEntry:
    return BanEntry(net(text), expires_at)


def test_banned_ipv4_source_is_dropped_and_others_pass(kit: Kit) -> None:
    s = kit.lab.sources4
    kit.xdp.add_ban(ban(s[0]))
    assert kit.delivered(s[:3]) == {s[0]: 0, s[1]: 5, s[2]: 5}
    c = kit.counted()
    assert c["dropped_exact"] == 5
    assert c["passed"] >= 10
    kit.xdp.remove_ban(net(s[0]))
    assert kit.delivered(s[:1]) == {s[0]: 5}


def test_banned_ipv6_source_is_dropped_with_its_whole_slash_64(kit: Kit) -> None:
    s = kit.lab.sources6
    neighbour = str(ipaddress.IPv6Address(s[0]) + 1)  # same /64 as s[0]
    kit.lab.add_source(neighbour)
    sender = Sender(kit.lab, [neighbour])
    kit.xdp.add_ban(ban(s[0]))
    assert kit.delivered(s[:2]) == {s[0]: 0, s[1]: 5}
    sender.send(neighbour, kit.lab.target6, kit.rx6.port, 5)
    assert kit.rx6.drain().get(neighbour, 0) == 0, "the /64 around a banned address is banned"
    assert kit.counted()["dropped_exact"] == 10
    sender.close()


def test_ipv6_ban_prefix_128_bans_only_the_address(lab: Lab) -> None:
    xdp = attach(lab, sample_rate=0, v6_ban_prefix=128)
    xdp.set_mode("enforce")
    neighbour = str(ipaddress.IPv6Address(lab.sources6[0]) + 1)
    lab.add_source(neighbour)
    sender, rx = Sender(lab, [lab.sources6[0], neighbour]), Receiver(lab, socket.AF_INET6)
    try:
        xdp.add_ban(ban(lab.sources6[0]))
        for src in (lab.sources6[0], neighbour):
            sender.send(src, lab.target6, rx.port, 5)
        got = rx.drain()
        assert got.get(lab.sources6[0], 0) == 0
        assert got.get(neighbour) == 5
    finally:
        sender.close()
        rx.close()
        xdp.close()


def test_shared_slash_64_stays_banned_until_its_last_ban_goes(kit: Kit) -> None:
    s0 = kit.lab.sources6[0]
    sibling = str(ipaddress.IPv6Address(s0) + 7)
    kit.xdp.add_ban(ban(s0))
    kit.xdp.add_ban(ban(sibling))
    kit.xdp.remove_ban(net(sibling))
    assert kit.delivered([s0]) == {s0: 0}
    kit.xdp.remove_ban(net(s0))
    assert kit.delivered([s0]) == {s0: 5}


def test_cidr_range_bans_drop_while_present(kit: Kit) -> None:
    s4, s6 = kit.lab.sources4, kit.lab.sources6
    v4_range = net(f"{s4[0]}/31")  # s4[0] and s4[1]
    v6_range = net(f"{s6[0]}/63")  # wider than /64: an LPM range, not a hash entry
    kit.xdp.add_ban(BanEntry(v4_range, None))
    kit.xdp.add_ban(BanEntry(v6_range, None))
    got = kit.delivered([s4[0], s4[1], s4[2], s6[0], s6[1]])
    assert got == {s4[0]: 0, s4[1]: 0, s4[2]: 5, s6[0]: 0, s6[1]: 5}
    assert kit.counted()["dropped_range"] == 15
    assert kit.xdp.status()["entries"] == {
        **dict.fromkeys(
            ("ban_v4", "ban_v6", "range_v6", "allow_v4", "allow_v6", "allow_range_v4"), 0
        ),
        "range_v4": 1,
        "range_v6": 1,
        "allow_range_v6": 0,
    }
    kit.xdp.remove_ban(v4_range)
    kit.xdp.remove_ban(v6_range)
    assert kit.delivered([s4[0], s6[0]]) == {s4[0]: 5, s6[0]: 5}


def test_vlan_tagged_frames_from_a_banned_source_are_dropped(kit: Kit) -> None:
    lab = kit.lab
    banned, clean = lab.sources4[0], lab.sources4[1]
    kit.xdp.add_ban(ban(banned))
    mac_a, mac_t = lab.mac(lab.attacker, lab.veth_a), lab.mac(lab.target, lab.veth_t)
    one_tag = [(frames.ETH_P_8021Q, 10)]
    two_tags = [(frames.ETH_P_8021AD, 20), (frames.ETH_P_8021Q, 10)]
    sniffer = Sniffer(lab)
    try:
        with raw_socket(lab) as raw:
            for src in (banned, clean):
                for tags in (one_tag, two_tags):
                    for _ in range(3):
                        raw.send(frames.udp_frame(mac_a, mac_t, src, lab.target4, 4321, vlans=tags))
        seen = sniffer.udp4_sources(4321)
    finally:
        sniffer.close()
    assert seen == {clean: 6}  # both tag depths of the clean source reach the stack
    c = kit.counted()
    assert c["dropped_exact"] == 6  # single and double tagged alike
    assert c["malformed"] == 0


def test_allowlist_wins_over_range_and_ipv6_bans(kit: Kit) -> None:
    s, s6 = kit.lab.sources4, kit.lab.sources6
    kit.xdp.add_ban(BanEntry(net(f"{s[0]}/31"), None))  # s0, s1
    kit.xdp.add_ban(ban(s6[0]))  # its /64
    kit.xdp.add_ban(BanEntry(net(f"{s6[1]}/60"), None))  # an IPv6 range
    kit.xdp.add_allow(net(s[0]))  # exact allow beats a range ban
    kit.xdp.add_allow(net(s6[0]))  # an allowed /128 inside a banned /64 passes
    kit.xdp.add_allow(net(s6[1]))  # an allowed /128 inside a banned IPv6 range passes
    got = kit.delivered([s[0], s[1], s6[0], s6[1]])
    assert got == {s[0]: 5, s[1]: 0, s6[0]: 5, s6[1]: 5}
    c = kit.counted()
    assert c["allowed"] == 15
    assert c["dropped_range"] == 5
    kit.xdp.remove_allow(net(s[0]))
    assert kit.delivered([s[0]]) == {s[0]: 0}


def test_an_exact_ipv4_hit_drops_without_consulting_the_allowlist(kit: Kit) -> None:
    """The fast path: the ban list never lets an allow cover an exact IPv4 ban
    (tests/enforcement/test_exact_ban_guarantee.py), so the program does not look. Given the
    state the ban list never creates, an exact ban under an allow, the ban wins; a range ban
    under the same allow does not."""
    s = kit.lab.sources4
    kit.xdp.add_ban(ban(s[2]))
    kit.xdp.add_ban(BanEntry(net(f"{s[4]}/31"), None))  # s4, s5
    kit.xdp.add_allow(net(f"{s[2]}/30"))  # a range allow over it (s0 .. s3)
    kit.xdp.add_allow(net(s[4]))
    kit.xdp.add_allow(net(s[2]))
    got = kit.delivered([s[2], s[4], s[5]])
    assert got == {s[2]: 0, s[4]: 5, s[5]: 0}
    c = kit.counted()
    assert (c["dropped_exact"], c["allowed"], c["dropped_range"]) == (5, 5, 5)


def test_an_ipv6_exact_hit_consults_the_allowlist_only_while_a_banned_slash_64_holds_one(
    kit: Kit,
) -> None:
    """An IPv6 exact key is a whole /64, which may hold an allowed address (the ban list
    accepts a ban that merely contains one). User space tracks whether any banned /64 does;
    only then does an IPv6 exact hit pay for the allowlist lookup."""
    lab, xdp = kit.lab, kit.xdp
    s6 = lab.sources6
    neighbour = str(ipaddress.IPv6Address(s6[0]) + 1)  # in s6[0]'s /64
    lab.add_source(neighbour)
    sender = Sender(lab, [neighbour])

    def neighbour_got() -> int:
        sender.send(neighbour, lab.target6, kit.rx6.port, 5)
        return kit.rx6.drain().get(neighbour, 0)

    try:
        xdp.add_allow(net(s6[2]))  # an allowed address in no banned /64
        xdp.add_ban(ban(s6[0]))
        assert not xdp.v6_hits_check_allowlist
        # The state the ban list never creates, an exact key under a wider allow: skipped.
        xdp.add_allow(net(f"{s6[0]}/56"))
        assert kit.delivered([s6[0]]) == {s6[0]: 0}
        xdp.remove_allow(net(f"{s6[0]}/56"))

        xdp.add_allow(net(neighbour))  # now a banned /64 holds an allowed address
        assert xdp.v6_hits_check_allowlist
        assert neighbour_got() == 5 and kit.delivered([s6[0]]) == {s6[0]: 0}
        xdp.remove_allow(net(neighbour))
        assert not xdp.v6_hits_check_allowlist
        assert neighbour_got() == 0

        xdp.add_allow(net(neighbour))
        xdp.remove_ban(net(s6[0]))  # the key goes: nothing to check any more
        assert not xdp.v6_hits_check_allowlist
        xdp.add_ban(ban(s6[0]))  # and comes back with the allow inside it
        assert xdp.v6_hits_check_allowlist
        assert neighbour_got() == 5

        xdp.replace_all([ban(s6[0])], [net(neighbour)])
        assert xdp.v6_hits_check_allowlist and neighbour_got() == 5
        xdp.replace_all([ban(s6[0])], [net(s6[2])])
        assert not xdp.v6_hits_check_allowlist and neighbour_got() == 0
    finally:
        sender.close()


def test_expired_ban_stops_dropping_before_user_space_removes_it(kit: Kit) -> None:
    s = kit.lab.sources4
    expires = time.time() + 2.0  # the sends below come well before it, however loaded
    kit.xdp.add_ban(ban(s[0], expires_at=expires))
    kit.xdp.add_ban(BanEntry(net(f"{s[1]}/32"), time.time() + 3600))
    kit.xdp.add_ban(BanEntry(net(f"{s[2]}/31"), expires))
    assert kit.delivered(s[:3]) == {s[0]: 0, s[1]: 0, s[2]: 0}
    time.sleep(max(0.0, expires - time.time()) + 0.2)
    assert kit.delivered(s[:3]) == {s[0]: 5, s[1]: 0, s[2]: 5}
    bans, _ = kit.xdp.entries()
    assert net(s[0]) in {b.network for b in bans}, "the expired entry is still in the map"


@pytest.fixture
def one_cpu() -> Iterator[None]:
    """This thread on one CPU for the test: what it sends, and what BPF_PROG_TEST_RUN runs,
    meets the per-CPU hot cache its earlier packets filled."""
    cpus = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(cpus)})
    try:
        yield
    finally:
        os.sched_setaffinity(0, cpus)


def test_an_unban_or_a_changed_expiry_is_never_answered_from_the_hot_cache(
    kit: Kit, one_cpu: None
) -> None:
    """Repeated exact hits are answered from a per-CPU cache (honeymesh.c, ``hm_hot_*``) that
    trusts only entries filled under the current ``ban_gen``; every way user space takes an
    exact ban back (remove, a rewrite to an expiry already past, a replace_all without it)
    must reach the very CPU whose cache holds it, and a cached ban ends at its expiry. One CPU
    for the whole test: the datagrams are sent from this thread, so the program runs where
    they left and meets its own cache."""
    for src in (kit.lab.sources4[0], kit.lab.sources6[0]):
        kit.xdp.add_ban(ban(src))
        assert kit.delivered([src]) == {src: 0}  # the first hit fills the cache
        kit.xdp.remove_ban(net(src))
        assert kit.delivered([src]) == {src: 5}, "an unbanned source is still cached"
        kit.xdp.add_ban(ban(src))
        assert kit.delivered([src]) == {src: 0}
        kit.xdp.add_ban(ban(src, expires_at=time.time() - 1))
        assert kit.delivered([src]) == {src: 5}, "a rewritten expiry was not seen"
        kit.xdp.add_ban(ban(src))
        assert kit.delivered([src]) == {src: 0}
        kit.xdp.replace_all([ban(src, expires_at=time.time() - 1)], [])
        assert kit.delivered([src]) == {src: 5}, "replace_all's new expiry was not seen"
        kit.xdp.replace_all([ban(src)], [])
        assert kit.delivered([src]) == {src: 0}
        kit.xdp.replace_all([], [])
        assert kit.delivered([src]) == {src: 5}, "replace_all left a cached ban"
        expires = time.time() + 2.0  # the sends below come well before it, however loaded
        kit.xdp.add_ban(ban(src, expires_at=expires))
        assert kit.delivered([src]) == {src: 0}
        time.sleep(max(0.0, expires - time.time()) + 0.2)
        assert kit.delivered([src]) == {src: 5}, "a cached ban outlived its expiry"
    assert kit.counted()["dropped_exact"] == 50


XDP_DROP, XDP_PASS = 1, 2


def test_an_empty_hot_cache_slot_matches_no_source(kernel_ok: None) -> None:
    """A slot nothing has filled is all zeros; it must not read as a permanent ban of 0.0.0.0
    (a DHCP client's source) or of ::/64 under the first ban_gen. BPF_PROG_TEST_RUN, so the
    program runs on this CPU with no packet before."""
    xdp = XdpBackend([], sample_rate=0)
    xdp.load()
    try:
        xdp.set_mode("enforce")
        lib, mac = Libbpf(), b"\x02" * 6
        for src, dst in (("0.0.0.0", "255.255.255.255"), ("::", "ff02::1:2"), ("::5", "::1")):
            frame = frames.udp_frame(mac, mac, src, dst, 67)
            assert lib.test_run(xdp.prog_fd, frame).retval == XDP_PASS, src
        assert xdp.counters()["dropped_exact"] == 0
    finally:
        xdp.close()


def test_a_replace_all_that_fails_still_retires_what_the_cache_holds(
    kernel_ok: None, one_cpu: None
) -> None:
    """replace_all rewrites kept bans after its deletes; a packet between the two fills the
    cache from the old entry, and only the raise after the writes retires it. When a map is
    full and replace_all raises, that raise must happen all the same."""
    lib = Libbpf()
    xdp = XdpBackend([], sample_rate=0, map_sizes=MapSizes(ban_v4=4), libbpf=lib)
    xdp.load()
    try:
        xdp.set_mode("enforce")
        mac = b"\x02" * 6
        frame = frames.udp_frame(mac, mac, "10.0.0.1", "10.9.9.9", 5000)
        xdp.replace_all([ban("10.0.0.1")], [])
        assert lib.test_run(xdp.prog_fd, frame).retval == XDP_DROP
        write = lib.map_update_batch

        def packet_first(*args: object, **kwargs: object) -> int:
            lib.test_run(xdp.prog_fd, frame)  # a packet between the deletes and the writes
            return write(*args, **kwargs)  # type: ignore[arg-type]

        lib.map_update_batch = packet_first  # type: ignore[method-assign]
        expired = [ban("10.0.0.1", expires_at=time.time() - 1)]
        with pytest.raises(MapFull):
            xdp.replace_all(expired + [ban(f"10.0.1.{i}") for i in range(5)], [])
        assert lib.test_run(xdp.prog_fd, frame).retval == XDP_PASS
    finally:
        xdp.close()


def test_test_mode_never_drops_but_counts(kit: Kit) -> None:
    s = kit.lab.sources4
    kit.xdp.add_ban(ban(s[0]))
    kit.xdp.set_mode("test")
    assert kit.delivered([s[0]]) == {s[0]: 5}
    assert kit.counted()["would_drop"] == 5
    assert kit.counted()["dropped_exact"] == 0


def test_lockdown_drops_all_but_allowlist_and_keeps_arp_and_nd(kit: Kit) -> None:
    lab = kit.lab
    allowed4, allowed6 = lab.sources4[0], lab.sources6[0]
    kit.xdp.add_allow(net(allowed4))
    kit.xdp.add_allow(net(f"{allowed6}/64"))
    kit.xdp.set_mode("lockdown")
    others = [lab.sources4[1], lab.sources6[1]]
    # Forget the target's link-layer address: the allowed sources must resolve it again over
    # ARP and neighbour discovery, through the lockdown.
    lab.exec(lab.attacker, "ip", "neigh", "flush", "dev", lab.veth_a)
    got = kit.delivered([allowed4, allowed6, *others])
    assert got == {allowed4: 5, allowed6: 5, others[0]: 0, others[1]: 0}
    c = kit.counted()
    assert c["dropped_lockdown"] >= 10
    # A neighbour solicitation from a source that is not allowlisted still passes; an echo
    # request from it does not.
    mac_a, mac_t = lab.mac(lab.attacker, lab.veth_a), lab.mac(lab.target, lab.veth_t)
    before = kit.counted()
    with raw_socket(lab) as raw:
        for _ in range(20):
            raw.send(frames.icmp6_frame(mac_a, mac_t, others[1], lab.target6, 135))
            raw.send(frames.icmp6_frame(mac_a, mac_t, others[1], lab.target6, 128))
            raw.send(frames.arp_request(mac_a, others[0], lab.target4))
    time.sleep(0.05)
    after = kit.counted()
    passed = after["passed"] - before["passed"]
    assert 40 <= passed < 60  # the solicitations and ARP requests, not the echo requests
    assert after["dropped_lockdown"] - before["dropped_lockdown"] >= 20
    kit.xdp.set_mode("enforce")
    assert kit.delivered(others) == dict.fromkeys(others, 5)


@pytest.mark.parametrize("mode", ["enforce", "test", "lockdown"])
def test_arp_and_neighbour_discovery_pass_from_banned_sources_in_every_mode(
    kit: Kit, mode: Mode
) -> None:
    """One banned on-link host must not cost the node its link: ARP, ICMPv6 neighbour discovery
    (RS, RA, NS, NA, Redirect) and MLD (130-132, and an MLDv2 report behind its Hop-by-Hop
    header) pass from a source banned exactly, from one inside a banned range and from a banned
    link-local source, IPv4 and IPv6, in every mode, ahead of the ban lookups. The same sources'
    UDP is judged by the mode: dropped in ENFORCE and LOCKDOWN, counted "would drop" in TEST."""
    lab = kit.lab
    exact6, range6, link_local6 = lab.sources6[0], lab.sources6[1], "fe80::2"
    exact4, range4, link_local4 = lab.sources4[0], lab.sources4[2], "169.254.7.9"
    kit.xdp.add_ban(ban(exact6))  # the shared /64 hash entry
    kit.xdp.add_ban(ban(f"{range6}/63"))  # range trie; exact6 is outside it
    kit.xdp.add_ban(ban(f"{link_local6}/128"))  # range trie, as its own /128
    kit.xdp.add_ban(ban(exact4))
    kit.xdp.add_ban(ban(f"{range4}/31"))  # exact4 is outside it
    kit.xdp.add_ban(ban(link_local4))
    kit.xdp.set_mode(mode)
    mac_a, mac_t = lab.mac(lab.attacker, lab.veth_a), lab.mac(lab.target, lab.veth_t)
    sources6, sources4 = (exact6, range6, link_local6), (exact4, range4, link_local4)
    link_types = (130, 131, 132, 133, 134, 135, 136, 137)

    before = kit.counted()
    with raw_socket(lab) as raw:
        for _ in range(10):
            for src6 in sources6:
                for icmp_type in link_types:
                    raw.send(frames.icmp6_frame(mac_a, mac_t, src6, lab.target6, icmp_type))
                raw.send(frames.mld2_report_frame(mac_a, mac_t, src6))
            for src4 in sources4:
                raw.send(frames.arp_request(mac_a, src4, lab.target4))
    time.sleep(0.05)
    after = kit.counted()
    delta = {k: after[k] - before[k] for k in after}
    sent = 10 * (len(sources6) * (len(link_types) + 1) + len(sources4))
    assert delta["passed"] >= sent, delta
    assert sum(v for k, v in delta.items() if k.startswith("dropped")) == 0, delta
    assert delta["would_drop"] == 0, delta

    # Each banned source's UDP, sent as raw frames, is judged: 10 each, none passed as clean.
    judged = "would_drop" if mode == "test" else None
    for src, dst in [(s, lab.target6) for s in sources6] + [(s, lab.target4) for s in sources4]:
        before = kit.counted()
        with raw_socket(lab) as raw:
            for _ in range(10):
                raw.send(frames.udp_frame(mac_a, mac_t, src, dst, kit.rx4.port))
        time.sleep(0.02)
        after = kit.counted()
        delta = {k: after[k] - before[k] for k in after}
        if judged:
            assert delta[judged] == 10, (src, delta)
        else:
            dropped = sum(v for k, v in delta.items() if k.startswith("dropped"))
            assert dropped == 10, (src, delta)
    kit.rx4.drain()  # what the raw frames delivered in TEST
    kit.rx6.drain()
    # And through real sockets: the banned sources' datagrams reach the trap only in TEST.
    got = kit.delivered([exact6, range6, exact4, range4])
    assert got == dict.fromkeys((exact6, range6, exact4, range4), 5 if mode == "test" else 0)


def test_a_link_local_ban_drops_that_host_only_not_its_link(kit: Kit) -> None:
    """A link-local ban is kept as its /128 (never the shared /64 hash key): echo requests
    from the banned host drop, its on-link neighbours' pass."""
    lab = kit.lab
    kit.xdp.add_ban(ban("fe80::2/128"))
    mac_a, mac_t = lab.mac(lab.attacker, lab.veth_a), lab.mac(lab.target, lab.veth_t)
    before = kit.counted()
    with raw_socket(lab) as raw:
        for _ in range(10):
            for src in ("fe80::2", "fe80::3"):
                raw.send(frames.icmp6_frame(mac_a, mac_t, src, lab.target6, 128))
    time.sleep(0.05)
    after = kit.counted()
    assert after["dropped_range"] - before["dropped_range"] == 10
    assert after["dropped_exact"] - before["dropped_exact"] == 0
    assert after["passed"] - before["passed"] >= 10


def test_ipv4_mapped_bans_act_on_ipv4_and_mapped_sources(kit: Kit) -> None:
    lab = kit.lab
    s0, s1 = lab.sources4[0], lab.sources4[1]
    kit.xdp.add_ban(BanEntry(ipaddress.ip_network(f"::ffff:{s0}"), None))  # user space maps it
    assert kit.delivered([s0, s1]) == {s0: 0, s1: 5}
    kit.xdp.add_ban(ban(s1))
    before = kit.counted()
    mac_a, mac_t = lab.mac(lab.attacker, lab.veth_a), lab.mac(lab.target, lab.veth_t)
    with raw_socket(lab) as raw:  # the kernel maps ::ffff:a.b.c.d sources to a.b.c.d
        for _ in range(4):
            raw.send(frames.udp_frame(mac_a, mac_t, f"::ffff:{s1}", lab.target6, 9))
            raw.send(frames.udp_frame(mac_a, mac_t, f"::ffff:{lab.sources4[2]}", lab.target6, 9))
    time.sleep(0.05)
    after = kit.counted()
    assert after["dropped_exact"] - before["dropped_exact"] == 4
    assert after["passed"] - before["passed"] >= 4


def test_truncated_and_malformed_frames_are_counted_and_passed(kit: Kit) -> None:
    lab = kit.lab
    banned = lab.sources4[0]
    kit.xdp.add_ban(ban(banned))
    mac_a, mac_t = lab.mac(lab.attacker, lab.veth_a), lab.mac(lab.target, lab.veth_t)
    full4 = frames.udp_frame(mac_a, mac_t, banned, lab.target4, 9)
    full6 = frames.udp_frame(mac_a, mac_t, lab.sources6[0], lab.target6, 9)
    tagged = frames.udp_frame(mac_a, mac_t, banned, lab.target4, 9, vlans=[(frames.ETH_P_8021Q, 5)])
    bad = [
        full4[: 14 + 12],  # IPv4 header cut before the source address
        full6[: 14 + 30],  # IPv6 header cut short
        tagged[:16],  # VLAN tag cut in half
        full4[:14] + bytes([0x44]) + full4[15:],  # IHL 4: not an IPv4 header
        full4[:14] + bytes([0x4F]) + full4[15:],  # IHL 15: header longer than the frame
        frames.ethernet(
            mac_t,
            mac_a,
            frames.ETH_P_8021Q,
            b"\x00\x01\x81\x00\x00\x02\x81\x00\x00\x03\x08\x00" + full4[14:],
        ),
    ]
    before = kit.counted()
    with raw_socket(lab) as raw:
        for frame in bad:
            raw.send(frame)
    time.sleep(0.05)
    after = kit.counted()
    delta = {k: after[k] - before[k] for k in after}
    assert delta["malformed"] == len(bad)
    assert delta["dropped_exact"] == 0
    # and clean traffic is still judged normally afterwards
    assert kit.delivered([banned, lab.sources4[1]]) == {banned: 0, lab.sources4[1]: 5}


def test_replace_all_makes_the_maps_exactly_the_given_set(kit: Kit) -> None:
    s4, s6 = kit.lab.sources4, kit.lab.sources6
    first = [ban(s4[0]), ban(f"{s4[2]}/31"), ban(s6[0]), ban(f"{s6[1]}/60", time.time() + 3600)]
    kit.xdp.replace_all(first, [net(s4[3])])
    assert kit.delivered([s4[0], s4[1], s4[2], s4[3], s6[0], s6[1]]) == {
        s4[0]: 0,
        s4[1]: 5,
        s4[2]: 0,
        s4[3]: 5,
        s6[0]: 0,
        s6[1]: 0,
    }
    second = [ban(s4[1]), ban(s6[2])]
    kit.xdp.replace_all(second, [])
    bans, allows = kit.xdp.entries()
    assert {b.network for b in bans} == {net(s4[1]), net(s6[2])}
    assert allows == []
    assert kit.delivered([s4[0], s4[1], s4[2], s6[0], s6[1], s6[2]]) == {
        s4[0]: 5,
        s4[1]: 0,
        s4[2]: 5,
        s6[0]: 5,
        s6[1]: 5,
        s6[2]: 0,
    }


def test_entries_read_back_expiry_in_wall_clock(kit: Kit) -> None:
    expires = time.time() + 600
    kit.xdp.replace_all([ban(kit.lab.sources4[0], expires), ban(kit.lab.sources4[1])], [])
    bans = {b.network: b.expires_at for b in kit.xdp.entries()[0]}
    assert bans[net(kit.lab.sources4[1])] is None
    got = bans[net(kit.lab.sources4[0])]
    assert got is not None and abs(got - expires) < 0.01


def test_a_refused_allocation_is_out_of_memory_not_a_full_map() -> None:
    """The hashes allocate each entry as it is inserted, so the kernel (or the daemon's memory
    cgroup) may refuse one below the map's size: that is not "full, raise its size", which
    would only make the empty map dearer (its bucket array), and the ban list must not report
    it as ban.map_full."""
    xdp = XdpBackend([], sample_rate=0)
    refused = LibbpfError(errno.ENOMEM, "Cannot allocate memory")
    error = xdp._full_or_error(Slot.BAN_V4, refused, "3 of 10 fitted")
    assert not isinstance(error, MapFull)
    assert str(error) == "kernel map hm_ban_v4: out of kernel memory (3 of 10 fitted)"
    full = xdp._full_or_error(Slot.BAN_V4, LibbpfError(errno.E2BIG, "too big"), "")
    assert isinstance(full, MapFull)


def writer_threads(xdp: XdpBackend, monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """Record the name of every thread that writes a batch into the backend's maps."""
    lib = xdp._loaded()
    names: set[str] = set()
    update = lib.map_update_batch

    def recorded(fd: int, keys: bytes, values: bytes, count: int) -> int:
        names.add(threading.current_thread().name)
        return update(fd, keys, values, count)

    monkeypatch.setattr(lib, "map_update_batch", recorded)
    return names


def test_a_large_replace_all_is_written_in_parallel_parts_and_lands_exactly(
    kit: Kit, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A restore's exact IPv4 bans go in as contiguous parts, one thread each (as many as there
    are CPUs, at most four): the map holds exactly the set, a second set replaces the first
    exactly, and a banned source is dropped. Batches of 64 here make 1,000 bans large."""
    monkeypatch.setattr(kernel, "_BATCH_CHUNK", 64)
    threads_seen = writer_threads(kit.xdp, monkeypatch)
    s4 = kit.lab.sources4
    first = [ban(s4[0])] + [ban(str(ipaddress.IPv4Address(0x0A000000 + i))) for i in range(999)]
    kit.xdp.replace_all(first, [])
    assert {b.network for b in kit.xdp.entries()[0]} == {b.network for b in first}
    assert kit.delivered(s4[:2]) == {s4[0]: 0, s4[1]: 5}
    second = [ban(s4[1])] + [ban(str(ipaddress.IPv4Address(0x0A000200 + i))) for i in range(699)]
    kit.xdp.replace_all(second, [])
    assert {b.network for b in kit.xdp.entries()[0]} == {b.network for b in second}
    assert kit.delivered(s4[:2]) == {s4[0]: 5, s4[1]: 0}
    assert len(threads_seen) == min(4, len(os.sched_getaffinity(0))), threads_seen


def test_parallel_writers_into_a_full_map_report_what_fitted(
    lab: Lab, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kernel, "_BATCH_CHUNK", 2)  # ten bans: up to five parts
    xdp = attach(lab, sample_rate=0, map_sizes=MapSizes(ban_v4=4))
    try:
        with pytest.raises(MapFull, match="4 of 10 fitted"):
            xdp.replace_all([ban(f"203.0.113.{i}") for i in range(10)], [])
        assert xdp.status()["entries"]["ban_v4"] == 4  # type: ignore[index]
        assert len(xdp.entries()[0]) == 4
        xdp.replace_all([ban("203.0.113.200")], [])  # what fits still goes in exactly
        assert [b.network for b in xdp.entries()[0]] == [net("203.0.113.200")]
    finally:
        xdp.close()


def test_full_map_raises_map_full_and_enforcement_continues(lab: Lab) -> None:
    xdp = attach(lab, sample_rate=0, map_sizes=MapSizes(ban_v4=4, range_v4=2))
    xdp.set_mode("enforce")
    sender, rx = Sender(lab, lab.sources4[:2]), Receiver(lab, socket.AF_INET)
    try:
        xdp.add_ban(ban(lab.sources4[0]))
        for i in range(3):
            xdp.add_ban(ban(f"192.0.2.{i}"))
        with pytest.raises(MapFull, match="hm_ban_v4 is full"):
            xdp.add_ban(ban("192.0.2.200"))
        xdp.add_ban(ban("192.0.2.1", time.time() + 60))  # replacing an entry still works
        xdp.add_ban(ban("198.51.100.0/24"))
        xdp.add_ban(ban("198.51.101.0/24"))
        with pytest.raises(MapFull, match="hm_range_v4 is full"):
            xdp.add_ban(ban("198.51.102.0/24"))
        with pytest.raises(MapFull, match="4 of 10 fitted"):
            xdp.replace_all([ban(f"203.0.113.{i}") for i in range(10)], [])
        assert xdp.status()["entries"]["ban_v4"] == 4  # type: ignore[index]
        xdp.replace_all([ban(lab.sources4[0])], [])
        for src in lab.sources4[:2]:
            sender.send(src, lab.target4, rx.port, 5)
        got = rx.drain()
        assert got.get(lab.sources4[0], 0) == 0
        assert got.get(lab.sources4[1]) == 5
    finally:
        sender.close()
        rx.close()
        xdp.close()


def test_counters_partition_every_packet(kit: Kit) -> None:
    s = kit.lab.sources4
    kit.xdp.add_ban(ban(s[0]))
    kit.xdp.add_ban(ban(f"{s[1]}/31"))
    kit.xdp.add_allow(net(s[2]))
    kit.delivered(s[:4], count=10)
    c = kit.counted()
    disposition = (
        "passed",
        "dropped_exact",
        "dropped_range",
        "dropped_lockdown",
        "allowed",
        "malformed",
        "would_drop",
    )
    assert set(c) >= set(disposition)
    assert c["dropped_exact"] == 10
    assert c["dropped_range"] == 10
    assert c["allowed"] == 0  # s2 is allowlisted but banned by nothing: it simply passes
    assert c["passed"] >= 20


def test_stale_netlink_program_is_replaced_and_foreign_program_refused(lab: Lab) -> None:
    lib = Libbpf()
    stale = XdpBackend([lab.veth_t], sample_rate=0)
    stale.load()
    ifindex = lab.ifindex(lab.target, lab.veth_t)
    with entered(lab.target):
        lib.xdp_attach_netlink(stale.prog_fd, ifindex, AttachMode.NATIVE)
    stale_id = stale.prog_id
    stale.close()  # the netlink attachment outlives the loader: that is what "stale" means
    assert lab.xdp_prog_id() == stale_id

    fresh = attach(lab, sample_rate=0)
    try:
        state = fresh.interface_states()[lab.veth_t]
        assert state.mode is AttachMode.NATIVE
        assert (
            state.reason is not None
            and f"removed stale HoneyMesh program id {stale_id}" in state.reason
        )
        assert lab.xdp_prog_id() == fresh.prog_id != stale_id
    finally:
        fresh.close()
    assert lab.xdp_prog_id() == 0

    foreign = BPF(text=b"int not_ours(struct xdp_md *ctx) { return XDP_PASS; }")
    fn = foreign.load_func(b"not_ours", BPF.XDP)
    with entered(lab.target):
        lib.xdp_attach_netlink(fn.fd, ifindex, AttachMode.GENERIC)
    foreign_id = lab.xdp_prog_id()
    try:
        refused = attach(lab, sample_rate=0)
        state = refused.interface_states()[lab.veth_t]
        assert state.mode is AttachMode.NONE
        assert state.reason is not None
        assert "'not_ours'" in state.reason and "will not replace it" in state.reason
        assert refused.status()["state"] == "unavailable"
        assert lab.xdp_prog_id() == foreign_id, "the foreign program is untouched"
        refused.close()
    finally:
        lab.exec(lab.target, "ip", "link", "set", "dev", lab.veth_t, "xdpgeneric", "off")
        foreign.cleanup()


def test_generic_mode_when_the_driver_has_no_native_xdp(lab: Lab) -> None:
    xdp = XdpBackend(["lo"], sample_rate=0)  # the target namespace's own loopback
    xdp.load()
    try:
        with entered(lab.target):
            state = xdp.attach()["lo"]
        assert state.mode is AttachMode.GENERIC
        assert state.reason is not None and state.reason.startswith("native mode refused")
        assert xdp.status()["interfaces"] == {
            "lo": {"attach": "generic", "prog_id": xdp.prog_id, "reason": state.reason}
        }
    finally:
        xdp.close()


def test_missing_interface_is_reported_not_raised(lab: Lab) -> None:
    xdp = XdpBackend(["hm-no-such0"], sample_rate=0)
    xdp.load()
    try:
        state = xdp.attach()["hm-no-such0"]
        assert state.mode is AttachMode.NONE
        assert state.reason == "no network interface named 'hm-no-such0'"
    finally:
        xdp.close()


def test_compiled_map_layouts_match_the_python_mirror(kernel_ok: None) -> None:
    bpf = compile_program(DEFAULT_BPF_DIR, [])
    header = Header.load()
    try:
        expect = {
            "HM_MAP_CONFIG": (4, MIRRORS["hm_config"]),
            "HM_MAP_BAN_V4": (4, MIRRORS["hm_ban"]),
            "HM_MAP_BAN_V6": (ctypes.sizeof(MIRRORS["hm_in6"]), MIRRORS["hm_ban"]),
            "HM_MAP_RANGE_V4": (ctypes.sizeof(MIRRORS["hm_lpm_v4"]), MIRRORS["hm_ban"]),
            "HM_MAP_RANGE_V6": (ctypes.sizeof(MIRRORS["hm_lpm_v6"]), MIRRORS["hm_ban"]),
            "HM_MAP_SAMPLE_BUCKET": (4, MIRRORS["hm_bucket"]),
        }
        for define, (key_size, leaf) in expect.items():
            table = bpf.get_table(header.identifier(define).encode())
            compiled = table.Leaf
            if define == "HM_MAP_SAMPLE_BUCKET":  # per-CPU: bcc's leaf is one value per CPU
                compiled = compiled._type_
            assert ctypes.sizeof(table.Key) == key_size, define
            assert ctypes.sizeof(compiled) == ctypes.sizeof(leaf), define
            assert [f[0] for f in compiled._fields_] == [f[0] for f in leaf._fields_], define
    finally:
        bpf.cleanup()


def test_overlapping_ranges_keep_each_other_enforced(kit: Kit) -> None:
    s4, s6 = kit.lab.sources4, kit.lab.sources6
    wide4, narrow4 = net(f"{s4[0]}/16"), net(f"{s4[0]}/24")  # same /16 hint byte
    wide6, narrow6 = net(f"{s6[0]}/20"), net(f"{s6[0]}/48")
    for n in (wide4, narrow4, wide6, narrow6):
        kit.xdp.add_ban(BanEntry(n, None))
    kit.xdp.remove_ban(narrow4)
    kit.xdp.remove_ban(narrow6)
    assert kit.delivered([s4[0], s6[0]]) == {s4[0]: 0, s6[0]: 0}
    kit.xdp.remove_ban(wide4)
    kit.xdp.remove_ban(wide6)
    assert kit.delivered([s4[0], s6[0]]) == {s4[0]: 5, s6[0]: 5}
    # replace_all rebuilds the hints from scratch
    kit.xdp.replace_all([BanEntry(wide6, None)], [])
    assert kit.delivered([s4[0], s6[0]]) == {s4[0]: 5, s6[0]: 0}


def test_replace_all_from_columns_equals_replace_all_from_entries(kit: Kit) -> None:
    """The ban list restores from PackedBans' columns; the maps must come out the same."""
    s4, s6 = kit.lab.sources4, kit.lab.sources6
    soon = round(time.time() + 600.0, 3)
    entries = [ban(s4[0]), ban(s4[1], soon), ban(f"{s4[2]}/31"), ban(s6[0], soon)]
    packed = PackedBans()
    for entry in entries:
        n = entry.network
        expiry = math.nan if entry.expires_at is None else entry.expires_at
        packed.extend(n.version, n.prefixlen, [int(n.network_address)], [expiry])
    kit.xdp.replace_all(entries, [])
    from_entries = kit.xdp.entries()
    kit.xdp.replace_all([], [])
    kit.xdp.replace_all(packed, [])
    from_columns = kit.xdp.entries()

    def key(b: BanEntry) -> tuple[str, float]:
        return (str(b.network), round(b.expires_at or 0.0))

    assert sorted(map(key, from_columns[0])) == sorted(map(key, from_entries[0]))
    assert len(from_columns[0]) == 4
    assert kit.delivered([s4[0], s4[1], s4[2], s4[3], s6[0], s6[1]]) == {
        s4[0]: 0,
        s4[1]: 0,
        s4[2]: 0,
        s4[3]: 0,
        s6[0]: 0,
        s6[1]: 5,
    }


def test_an_ipv6_ban_restored_from_columns_shares_its_key_as_an_added_one(kit: Kit) -> None:
    """A /64 restored from columns (no Network object kept) still shares its hm_ban_v6 key
    with a narrower ban added later: lifting the /64 leaves the narrower one enforced."""
    s6 = kit.lab.sources6
    wide = net(f"{s6[0]}/64")
    packed = PackedBans()
    packed.extend(6, 64, [int(wide.network_address)], [math.nan])
    kit.xdp.replace_all(packed, [])
    assert [(e.network, e.expires_at) for e in kit.xdp.entries()[0]] == [(wide, None)]
    assert kit.delivered(s6[:1]) == {s6[0]: 0}
    soon = time.time() + 600.0
    kit.xdp.add_ban(ban(s6[0], soon))
    kit.xdp.remove_ban(wide)
    assert kit.delivered(s6[:1]) == {s6[0]: 0}
    assert [e.network for e in kit.xdp.entries()[0]] == [net(s6[0])]
    kit.xdp.remove_ban(net(s6[0]))
    assert kit.delivered(s6[:1]) == {s6[0]: 5}


def test_replace_all_from_columns_keeps_the_longest_expiry_of_a_repeated_address(kit: Kit) -> None:
    """Exact IPv4 columns out of order or repeated (not what the ban list reads, but a
    BanColumns may hold it) take the merging path: each address once, its longest expiry."""
    s4 = kit.lab.sources4
    soon, later = round(time.time() + 600.0, 3), round(time.time() + 900.0, 3)
    a, b = int(ipaddress.IPv4Address(s4[0])), int(ipaddress.IPv4Address(s4[1]))
    packed = PackedBans()
    packed.extend(4, 32, [b, a], [soon, later])  # one run, not ascending
    packed.extend(4, 31, [a & ~1], [soon])
    packed.extend(4, 32, [a], [soon])  # a second run, repeating an address with a shorter expiry
    kit.xdp.replace_all(packed, [])
    got = {str(e.network): e.expires_at for e in kit.xdp.entries()[0]}
    assert set(got) == {f"{s4[0]}/32", f"{s4[1]}/32", f"{ipaddress.IPv4Address(a & ~1)}/31"}
    assert round(got[f"{s4[0]}/32"] or 0.0) == round(later)
    assert round(got[f"{s4[1]}/32"] or 0.0) == round(soon)
    assert kit.xdp.status()["entries"]["ban_v4"] == 2  # type: ignore[index]
    assert kit.delivered(s4[:3])[s4[1]] == 0
