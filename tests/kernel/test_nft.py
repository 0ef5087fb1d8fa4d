"""The nftables fallback with real packets: bans, ranges, the allowlist, expiry and modes."""

from __future__ import annotations

import shutil
import socket
import time
from collections.abc import Iterator

import pytest

from honeymesh.config import Mode
from honeymesh.enforcement.backend import BackendError, BanEntry
from honeymesh.enforcement.nft import NftBackend
from tests.kernel import frames
from tests.kernel.conftest import net
from tests.kernel.netns import Lab, Receiver, Sender, raw_socket

pytestmark = pytest.mark.kernel


class NftKit:
    def __init__(self, lab: Lab) -> None:
        self.lab = lab
        command = ("ip", "netns", "exec", lab.target, "nft")
        self.nft = NftBackend([lab.veth_t], reason="XDP is off in this test", command=command)
        self.nft.start()
        self.nft.set_mode("enforce")
        self.sender = Sender(lab, lab.sources4 + lab.sources6)
        self.rx4, self.rx6 = Receiver(lab, socket.AF_INET), Receiver(lab, socket.AF_INET6)

    def delivered(self, sources: list[str], count: int = 5) -> dict[str, int]:
        for src in sources:
            v6 = ":" in src
            rx = self.rx6 if v6 else self.rx4
            self.sender.send(src, self.lab.target6 if v6 else self.lab.target4, rx.port, count)
        got = {**self.rx4.drain(), **self.rx6.drain()}
        return {src: got.get(src, 0) for src in sources}

    def close(self) -> None:
        self.sender.close()
        self.rx4.close()
        self.rx6.close()
        self.nft.stop()


@pytest.fixture
def nft(lab: Lab) -> Iterator[NftKit]:
    if shutil.which("nft") is None:
        pytest.fail("nft is missing: scripts/setup.sh installs nftables")
    kit = NftKit(lab)
    try:
        yield kit
    finally:
        kit.close()


def test_nft_fallback_drops_banned_sources_and_lets_others_pass(nft: NftKit) -> None:
    s4, s6 = nft.lab.sources4, nft.lab.sources6
    nft.nft.add_ban(BanEntry(net(s4[0]), None))
    nft.nft.add_ban(BanEntry(net(f"{s4[2]}/31"), None))  # s2, s3
    nft.nft.add_ban(BanEntry(net(s6[0]), None))
    got = nft.delivered([s4[0], s4[1], s4[2], s4[3], s6[0], s6[1]])
    assert got == {s4[0]: 0, s4[1]: 5, s4[2]: 0, s4[3]: 0, s6[0]: 0, s6[1]: 5}
    c = nft.nft.counters()
    assert (c["dropped_exact"], c["dropped_range"]) == (10, 10)
    nft.nft.remove_ban(net(s4[0]))
    nft.nft.remove_ban(net(s4[0]))  # removing twice is harmless
    assert nft.delivered([s4[0]]) == {s4[0]: 5}


def test_nft_allowlist_wins_and_expiry_is_enforced_by_the_kernel(nft: NftKit) -> None:
    s = nft.lab.sources4
    nft.nft.add_ban(BanEntry(net(f"{s[0]}/31"), None))
    nft.nft.add_allow(net(s[0]))
    # Long enough that a loaded machine's `nft` run and sends come well before the expiry. The
    # backend hands nft a timeout relative to when it computed it, so the set's element lapses
    # up to one `nft` run after ``expires``: the wait adds how long add_ban took.
    began = time.time()
    expires = began + 3.0
    nft.nft.add_ban(BanEntry(net(s[2]), expires))
    took = time.time() - began
    assert nft.delivered(s[:3]) == {s[0]: 5, s[1]: 0, s[2]: 0}
    time.sleep(max(0.0, expires + took - time.time()) + 0.3)
    assert nft.delivered(s[2:3]) == {s[2]: 5}
    assert nft.nft.counters()["allowed"] == 5


def test_nft_modes_test_and_lockdown(nft: NftKit) -> None:
    s4, s6 = nft.lab.sources4, nft.lab.sources6
    nft.nft.add_ban(BanEntry(net(s4[0]), None))
    nft.nft.set_mode("test")
    assert nft.delivered([s4[0]]) == {s4[0]: 5}
    assert nft.nft.counters()["would_drop"] == 5
    nft.nft.add_allow(net(s4[1]))
    nft.nft.add_allow(net(f"{s6[1]}/64"))
    nft.nft.set_mode("lockdown")
    nft.lab.exec(nft.lab.attacker, "ip", "neigh", "flush", "dev", nft.lab.veth_a)
    got = nft.delivered([s4[1], s6[1], s4[2], s6[2]])
    assert got == {s4[1]: 5, s6[1]: 5, s4[2]: 0, s6[2]: 0}


@pytest.mark.parametrize("mode", ["enforce", "lockdown"])
def test_nft_neighbour_discovery_passes_from_a_banned_source(nft: NftKit, mode: Mode) -> None:
    lab = nft.lab
    banned = lab.sources6[0]
    nft.nft.add_ban(BanEntry(net(banned), None))
    nft.nft.set_mode(mode)
    mac_a, mac_t = lab.mac(lab.attacker, lab.veth_a), lab.mac(lab.target, lab.veth_t)
    before = nft.nft.counters()
    with raw_socket(lab) as raw:
        for _ in range(10):
            for nd_type in (130, 131, 132, 133, 134, 135, 136, 137):
                raw.send(frames.icmp6_frame(mac_a, mac_t, banned, lab.target6, nd_type))
            raw.send(frames.mld2_report_frame(mac_a, mac_t, banned))  # behind Hop-by-Hop
    time.sleep(0.05)
    after = nft.nft.counters()
    dropped = sum(after[k] - before[k] for k in after if k.startswith("dropped"))
    assert dropped == 0 and after["passed"] - before["passed"] >= 90
    assert nft.delivered([banned]) == {banned: 0}


def test_nft_replace_all_and_shared_slash_64(nft: NftKit) -> None:
    s4, s6 = nft.lab.sources4, nft.lab.sources6
    nft.nft.replace_all([BanEntry(net(s4[0]), None), BanEntry(net(s6[0]), None)], [])
    assert nft.delivered([s4[0], s4[1], s6[0]]) == {s4[0]: 0, s4[1]: 5, s6[0]: 0}
    nft.nft.replace_all([BanEntry(net(s4[1]), None)], [])
    assert nft.delivered([s4[0], s4[1], s6[0]]) == {s4[0]: 5, s4[1]: 0, s6[0]: 5}


def test_nft_failure_is_a_backend_error(lab: Lab) -> None:
    broken = NftBackend([], reason="x", command=("ip", "netns", "exec", "hm-no-such-ns", "nft"))
    with pytest.raises(BackendError, match="nft failed"):
        broken.start()


@pytest.mark.parametrize("traps_open", [True, False])
def test_nft_banned_source_still_reaches_trap_ports_when_open(
    nft: NftKit, traps_open: bool
) -> None:
    """As in XDP: in ENFORCE a banned source (exact or range) reaches the ports traps serve,
    for their protocol only, and nothing else; switched off, or in LOCKDOWN, it reaches none."""
    lab = nft.lab
    nft.nft.set_traps_open(traps_open)
    trap4, trap6 = Receiver(lab, socket.AF_INET), Receiver(lab, socket.AF_INET6)
    try:
        nft.nft.set_served_ports(tcp=[nft.rx4.port], udp=[trap4.port, trap6.port])
        exact4, range4, exact6 = lab.sources4[0], lab.sources4[2], lab.sources6[0]
        nft.nft.add_ban(BanEntry(net(exact4), None))
        nft.nft.add_ban(BanEntry(net(f"{range4}/31"), None))
        nft.nft.add_ban(BanEntry(net(exact6), None))
        for src in (exact4, range4, exact6):
            trap = trap6 if ":" in src else trap4
            nft.sender.send(src, lab.target6 if ":" in src else lab.target4, trap.port, 5)
        open_ = 5 if traps_open else 0
        got = {**trap4.drain(), **trap6.drain()}
        assert {s: got.get(s, 0) for s in (exact4, range4, exact6)} == dict.fromkeys(
            (exact4, range4, exact6), open_
        )
        # The rx4 port is served for TCP only: UDP to it is dropped.
        assert nft.delivered([exact4, range4, exact6]) == dict.fromkeys((exact4, range4, exact6), 0)
        assert nft.nft.counters()["trap_passed"] == 3 * open_
        nft.nft.set_mode("lockdown")
        nft.sender.send(exact4, lab.target4, trap4.port, 5)
        assert trap4.drain().get(exact4, 0) == 0
    finally:
        trap4.close()
        trap6.close()
