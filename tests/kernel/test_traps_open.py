"""A ban must not blind the honeypot: in ENFORCE a banned source still reaches the ports traps
serve (``hm_served``), and nothing else, in XDP. Real datagrams and TCP connections cross a veth
pair from the attacker namespace; hand-built frames cover fragments and extension headers."""

from __future__ import annotations

import socket
import struct
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from honeymesh.config import Mode
from honeymesh.enforcement.backend import BanEntry
from honeymesh.enforcement.kernel import ServedPorts
from tests.kernel import frames
from tests.kernel.conftest import Kit, net
from tests.kernel.netns import Lab, Receiver, entered, raw_socket

pytestmark = pytest.mark.kernel


@dataclass
class Ports:
    """In the target namespace: a UDP "trap" and a UDP "service" (both IPv4 and IPv6), a TCP
    "trap" and a TCP "service"; the traps' ports are the served ones."""

    trap4: Receiver
    trap6: Receiver
    other4: Receiver
    other6: Receiver
    tcp_trap: socket.socket
    tcp_other: socket.socket

    @property
    def tcp_trap_port(self) -> int:
        port: int = self.tcp_trap.getsockname()[1]
        return port

    @property
    def tcp_other_port(self) -> int:
        port: int = self.tcp_other.getsockname()[1]
        return port


def _tcp_listener(lab: Lab) -> socket.socket:
    with entered(lab.target):
        s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    s.bind(("::", 0))
    s.listen(16)
    return s


@pytest.fixture
def ports(kit: Kit) -> Iterator[Ports]:
    lab = kit.lab
    trap4, trap6 = Receiver(lab, socket.AF_INET), Receiver(lab, socket.AF_INET6)
    other4, other6 = kit.rx4, kit.rx6
    tcp_trap, tcp_other = _tcp_listener(lab), _tcp_listener(lab)
    p = Ports(trap4, trap6, other4, other6, tcp_trap, tcp_other)
    # Served: the UDP traps' ports for UDP, the TCP trap's port for TCP only (UDP to that port
    # number is not trap traffic). The "service" ports are served by no trap.
    kit.xdp.set_served_ports(
        ServedPorts(tcp=frozenset({p.tcp_trap_port}), udp=frozenset({trap4.port, trap6.port}))
    )
    try:
        yield p
    finally:
        for r in (trap4, trap6):
            r.close()
        tcp_trap.close()
        tcp_other.close()


def _send(kit: Kit, src: str, port: int, count: int = 5) -> None:
    dst = kit.lab.target6 if ":" in src else kit.lab.target4
    kit.sender.send(src, dst, port, count)


def _udp_reached(kit: Kit, ports: Ports, src: str) -> tuple[int, int]:
    """Send 5 datagrams from ``src`` to the UDP trap and 5 to the UDP service: how many
    arrived at each."""
    trap, other = (ports.trap6, ports.other6) if ":" in src else (ports.trap4, ports.other4)
    _send(kit, src, trap.port)
    _send(kit, src, other.port)
    return trap.drain(0.2).get(src, 0), other.drain(0.05).get(src, 0)


def _tcp_connects(kit: Kit, src: str, port: int, timeout: float = 3.0) -> bool:
    """Whether a TCP connection from ``src`` to ``port`` on the target completes (and carries
    a few bytes both ways, so the ACKs after the handshake pass too)."""
    v6 = ":" in src
    with entered(kit.lab.attacker):
        c = socket.socket(socket.AF_INET6 if v6 else socket.AF_INET, socket.SOCK_STREAM)
    c.settimeout(timeout)
    try:
        c.bind((src, 0))
        c.connect((kit.lab.target6 if v6 else kit.lab.target4, port))
        c.sendall(b"hello\r\n")
        return True
    except OSError:  # timed out: the SYNs were dropped
        return False
    finally:
        c.close()


def _delta(kit: Kit, before: dict[str, int]) -> dict[str, int]:
    after = kit.counted()
    return {k: after[k] - before.get(k, 0) for k in after}


BANS = {
    "exact_v4": (lambda lab: lab.sources4[0], lambda s: s, "dropped_exact"),
    "range_v4": (lambda lab: lab.sources4[1], lambda s: f"{s}/31", "dropped_range"),
    "exact_v6": (lambda lab: lab.sources6[0], lambda s: s, "dropped_exact"),
    "range_v6": (lambda lab: lab.sources6[1], lambda s: f"{s}/63", "dropped_range"),
}


@pytest.mark.parametrize("kind", sorted(BANS))
def test_banned_source_reaches_trap_ports_and_nothing_else(
    kit: Kit, ports: Ports, kind: str
) -> None:
    source_of, banned_net, dropped = BANS[kind]
    src = source_of(kit.lab)
    assert _udp_reached(kit, ports, src) == (5, 5)
    kit.xdp.add_ban(BanEntry(net(banned_net(src)), None))

    before = kit.counted()
    assert _udp_reached(kit, ports, src) == (5, 0)
    # UDP to the TCP trap's port number is not trap traffic: dropped.
    _send(kit, src, ports.tcp_trap_port)
    time.sleep(0.1)
    d = _delta(kit, before)
    assert (d["trap_passed"], d[dropped]) == (5, 10), d

    before = kit.counted()
    assert _tcp_connects(kit, src, ports.tcp_trap_port)
    assert not _tcp_connects(kit, src, ports.tcp_other_port, timeout=0.6)
    d = _delta(kit, before)
    assert d["trap_passed"] >= 3, d  # SYN, ACK, data (and FIN)
    assert d[dropped] >= 1, d  # the SYN (and its retransmissions) to the service


def test_switch_off_lockdown_and_test_mode(kit: Kit, ports: Ports) -> None:
    src = kit.lab.sources4[0]
    kit.xdp.add_ban(BanEntry(net(src), None))
    assert kit.xdp.traps_open
    assert _udp_reached(kit, ports, src) == (5, 0)

    kit.xdp.set_traps_open(False)
    before = kit.counted()
    assert _udp_reached(kit, ports, src) == (0, 0)
    d = _delta(kit, before)
    assert (d["trap_passed"], d["dropped_exact"]) == (0, 10), d

    kit.xdp.set_traps_open(True)
    modes: dict[Mode, tuple[int, int]] = {"lockdown": (0, 0), "test": (5, 5)}
    for mode, expected in modes.items():
        kit.xdp.set_mode(mode)
        before = kit.counted()
        assert _udp_reached(kit, ports, src) == expected, mode
        d = _delta(kit, before)
        assert d["trap_passed"] == 0, (mode, d)
        if mode == "lockdown":  # traps stay closed: only the allowlist passes
            assert d["dropped_lockdown"] >= 10, d
        else:  # TEST unchanged: a banned source's packets are counted, never dropped
            assert d["would_drop"] == 10, d


def test_counters_still_partition_every_packet(kit: Kit, ports: Ports) -> None:
    """Each packet counts once: a trap-passed one is neither passed nor dropped."""
    src = kit.lab.sources4[0]
    kit.xdp.add_ban(BanEntry(net(src), None))
    before = kit.counted()
    _udp_reached(kit, ports, src)
    d = _delta(kit, before)
    disposition = (
        "passed",
        "dropped_exact",
        "dropped_range",
        "dropped_lockdown",
        "allowed",
        "malformed",
        "would_drop",
        "trap_passed",
    )
    assert (d["trap_passed"], d["dropped_exact"]) == (5, 5), d
    assert sum(d[k] for k in disposition) == 10 + d["passed"], d


def _fragment4(src: str, dst: str, dport: int, offset_units: int) -> bytes:
    """An IPv4 UDP datagram as one fragment at ``offset_units`` x 8 bytes; its first 8 payload
    bytes look like a UDP header to ``dport`` (they are not one unless the offset is 0)."""
    payload = frames.udp(src, dst, 40000, dport, b"fragment")
    packet = bytearray(frames.ipv4(src, dst, 17, payload))
    packet[6:8] = struct.pack("!H", 0x2000 | offset_units)  # MF set: more fragments follow
    packet[10:12] = b"\0\0"
    packet[10:12] = struct.pack("!H", frames.checksum(bytes(packet[:20])))
    return bytes(packet)


def _behind_dest_options6(src: str, dst: str, dport: int) -> bytes:
    """IPv6 UDP to ``dport`` behind a Destination Options header (the program walks none)."""
    seg = frames.udp(src, dst, 40000, dport, b"extension")
    dest_opts = struct.pack("!BB", 17, 0) + b"\x01\x04\x00\x00\x00\x00"  # PadN
    return frames.ipv6(src, dst, 60, dest_opts + seg)


def test_fragments_and_extension_headers_are_not_trap_traffic(kit: Kit, ports: Ports) -> None:
    lab = kit.lab
    src4, src6 = lab.sources4[0], lab.sources6[0]
    kit.xdp.add_ban(BanEntry(net(src4), None))
    kit.xdp.add_ban(BanEntry(net(src6), None))
    mac_a, mac_t = lab.mac(lab.attacker, lab.veth_a), lab.mac(lab.target, lab.veth_t)
    trap = ports.trap4.port
    cases = {
        "first fragment": (frames.ETH_P_IP, _fragment4(src4, lab.target4, trap, 0), 10, 0),
        "later fragment": (frames.ETH_P_IP, _fragment4(src4, lab.target4, trap, 3), 0, 10),
        "IPv6 behind an extension header": (
            frames.ETH_P_IPV6,
            _behind_dest_options6(src6, lab.target6, trap),
            0,
            10,
        ),
    }
    for name, (ethertype, packet, trap_passed, dropped) in cases.items():
        before = kit.counted()
        with raw_socket(lab) as raw:
            for _ in range(10):
                raw.send(frames.ethernet(mac_t, mac_a, ethertype, packet))
        time.sleep(0.05)
        d = _delta(kit, before)
        assert (d["trap_passed"], d["dropped_exact"]) == (trap_passed, dropped), (name, d)
