"""Network namespaces and veth pairs for kernel tests and benchmarks.

A ``Lab`` is two namespaces joined by a veth pair: ``attacker`` (the sending side, with many
source addresses) and ``target`` (where HoneyMesh's XDP program runs). Everything is created
with unique names and deleted again, so parallel runs and crashed runs do not collide.

Sockets are opened *inside* a namespace by switching the calling thread there for the duration
of ``socket()`` (``entered``): a socket stays in the namespace it was created in, so one test
process can send from the attacker and receive on the target without helper processes. Real
packets still cross the veth pair and pass through XDP.
"""

from __future__ import annotations

import contextlib
import ctypes
import ipaddress
import itertools
import os
import socket
import subprocess
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from honeymesh.enforcement.libbpf import Libbpf

CLONE_NEWNET = 0x40000000
_LIBC = ctypes.CDLL(None, use_errno=True)
_SEQ = itertools.count()


def run(*argv: str, check: bool = True, input: str | None = None) -> str:
    proc = subprocess.run(argv, capture_output=True, text=True, input=input, check=False)
    if check and proc.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed: {proc.stderr.strip()}")
    return proc.stdout


def _setns(fd: int) -> None:
    if _LIBC.setns(fd, CLONE_NEWNET) != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"setns: {os.strerror(err)}")


@contextlib.contextmanager
def entered(ns: str) -> Iterator[None]:
    """Run the block with the calling thread inside network namespace ``ns``."""
    with open("/proc/thread-self/ns/net") as home, open(f"/var/run/netns/{ns}") as target:
        _setns(target.fileno())
        try:
            yield
        finally:
            _setns(home.fileno())


def unique(prefix: str) -> str:
    """A short unique name (interface names have at most 15 characters)."""
    return f"{prefix}{os.getpid() % 100000}{next(_SEQ)}"[:15]


@dataclass
class Lab:
    attacker: str
    target: str
    veth_a: str  # in attacker
    veth_t: str  # in target
    net4: ipaddress.IPv4Network
    net6: ipaddress.IPv6Network
    sources4: list[str] = field(default_factory=list)
    sources6: list[str] = field(default_factory=list)

    @property
    def target4(self) -> str:
        return str(self.net4.network_address + 1)

    @property
    def target6(self) -> str:
        return str(self.net6.network_address + 1)

    def exec(self, ns: str, *argv: str, check: bool = True) -> str:
        return run("ip", "netns", "exec", ns, *argv, check=check)

    def ifindex(self, ns: str, ifname: str) -> int:
        with entered(ns):
            return socket.if_nametoindex(ifname)

    def mac(self, ns: str, ifname: str) -> bytes:
        out = self.exec(ns, "cat", f"/sys/class/net/{ifname}/address").strip()
        return bytes.fromhex(out.replace(":", ""))

    def xdp_prog_id(self) -> int:
        """The program id on the target veth (0: none), as `ip link` reports it."""
        out = self.exec(self.target, "ip", "-d", "link", "show", "dev", self.veth_t)
        words = out.split()
        for i, w in enumerate(words):
            if w.startswith("prog/xdp") and i + 2 < len(words) and words[i + 1] == "id":
                return int(words[i + 2])
        return 0

    def assert_xdp_leaves(self, lib: Libbpf, ifindex: int, since: float, within: float) -> None:
        """No program on the target veth within ``within`` seconds of ``since`` (when its
        holder was reaped). Asked in this process every millisecond: an `ip` run per poll
        would time the loaded machine, not the kernel."""
        with entered(self.target):
            while lib.xdp_query(ifindex).prog_id != 0:
                elapsed = time.monotonic() - since
                assert elapsed < within, f"XDP program still attached after {within * 1000:g} ms"
                time.sleep(0.001)

    def add_source(self, addr: str) -> None:
        """One more source address on the attacker side (with a static neighbour entry)."""
        v6 = ":" in addr
        extra = ["nodad"] if v6 else []
        plen = self.net6.prefixlen if v6 else self.net4.prefixlen
        self.exec(self.attacker, "ip", "addr", "add", f"{addr}/{plen}", "dev", self.veth_a, *extra)
        mac = ":".join(f"{b:02x}" for b in self.mac(self.attacker, self.veth_a))
        self.exec(self.target, "ip", "neigh", "replace", addr, "lladdr", mac, "dev", self.veth_t)

    def close(self) -> None:
        for ns in (self.attacker, self.target):
            run("ip", "netns", "del", ns, check=False)


def make_lab(n_sources: int = 8, mtu: int = 1500) -> Lab:
    """Two namespaces, a veth pair, IPv4 and IPv6 on both ends, ``n_sources`` extra source
    addresses of each family on the attacker side."""
    attacker, target = unique("hma"), unique("hmt")
    veth_a, veth_t = unique("hva"), unique("hvt")
    octet = 16 + (os.getpid() + next(_SEQ)) % 200
    net4 = ipaddress.IPv4Network(f"10.{octet}.0.0/16")
    net6 = ipaddress.IPv6Network(f"fd00:{octet:x}::/48")
    lab = Lab(attacker, target, veth_a, veth_t, net4, net6)
    try:
        run("ip", "netns", "add", attacker)
        run("ip", "netns", "add", target)
        for ns in (attacker, target):  # no router solicitations: quieter counters
            lab.exec(ns, "sysctl", "-qw", "net.ipv6.conf.default.router_solicitations=0")
        run(
            "ip",
            "link",
            "add",
            veth_a,
            "netns",
            attacker,
            "mtu",
            str(mtu),
            "type",
            "veth",
            "peer",
            "name",
            veth_t,
            "netns",
            target,
            "mtu",
            str(mtu),
        )
        for ns, dev, host in ((target, veth_t, 1), (attacker, veth_a, 2)):
            lab.exec(ns, "ip", "link", "set", "lo", "up")
            lab.exec(ns, "ip", "addr", "add", f"{net4.network_address + host}/16", "dev", dev)
            lab.exec(
                ns, "ip", "addr", "add", f"{net6.network_address + host}/48", "dev", dev, "nodad"
            )
            lab.exec(ns, "ip", "link", "set", dev, "up")
        for i in range(n_sources):
            s4 = str(net4.network_address + 256 + i)
            s6 = str(net6.network_address + (1 << 64) * (i + 1) + 5)  # each in its own /64
            lab.exec(attacker, "ip", "addr", "add", f"{s4}/16", "dev", veth_a)
            lab.exec(attacker, "ip", "addr", "add", f"{s6}/48", "dev", veth_a, "nodad")
            lab.sources4.append(s4)
            lab.sources6.append(s6)
        # Static neighbours: no ARP/ND round trips to wait for, and none to be dropped.
        mac_t, mac_a = lab.mac(target, veth_t), lab.mac(attacker, veth_a)
        mac_t_s = ":".join(f"{b:02x}" for b in mac_t)
        mac_a_s = ":".join(f"{b:02x}" for b in mac_a)
        lab.exec(attacker, "ip", "neigh", "replace", lab.target4, "lladdr", mac_t_s, "dev", veth_a)
        lab.exec(attacker, "ip", "neigh", "replace", lab.target6, "lladdr", mac_t_s, "dev", veth_a)
        for src in [str(net4.network_address + 2), *lab.sources4]:
            lab.exec(target, "ip", "neigh", "replace", src, "lladdr", mac_a_s, "dev", veth_t)
        for src in [str(net6.network_address + 2), *lab.sources6]:
            lab.exec(target, "ip", "neigh", "replace", src, "lladdr", mac_a_s, "dev", veth_t)
    except Exception:
        lab.close()
        raise
    return lab


class Receiver:
    """A UDP socket in the target namespace that counts datagrams per source address."""

    def __init__(self, lab: Lab, family: socket.AddressFamily, port: int = 0) -> None:
        with entered(lab.target):
            self.sock = socket.socket(family, socket.SOCK_DGRAM)
        self.sock.bind(("::" if family == socket.AF_INET6 else "0.0.0.0", port))
        self.sock.setblocking(False)
        self.port: int = self.sock.getsockname()[1]

    def drain(self, settle: float = 0.05) -> dict[str, int]:
        """Datagrams received since the last drain, by source address."""
        time.sleep(settle)
        got: dict[str, int] = {}
        while True:
            try:
                _, addr = self.sock.recvfrom(2048)
            except BlockingIOError:
                return got
            got[addr[0]] = got.get(addr[0], 0) + 1

    def close(self) -> None:
        self.sock.close()


class Sender:
    """UDP sockets in the attacker namespace, one per source address."""

    def __init__(self, lab: Lab, sources: Sequence[str]) -> None:
        self.socks: dict[str, socket.socket] = {}
        with entered(lab.attacker):
            for src in sources:
                family = socket.AF_INET6 if ":" in src else socket.AF_INET
                s = socket.socket(family, socket.SOCK_DGRAM)
                s.bind((src, 0))
                self.socks[src] = s

    def send(self, src: str, dst: str, port: int, count: int = 5) -> None:
        for _ in range(count):
            self.socks[src].sendto(b"honeymesh-test", (dst, port))

    def close(self) -> None:
        for s in self.socks.values():
            s.close()


class Sniffer:
    """An AF_PACKET socket on the target veth: it sees every frame XDP passed up the stack
    (taps run after XDP), whether or not a socket would accept it."""

    ETH_P_ALL = 0x0003
    PACKET_OUTGOING = 4

    def __init__(self, lab: Lab) -> None:
        with entered(lab.target):
            self.sock = socket.socket(
                socket.AF_PACKET, socket.SOCK_RAW, socket.htons(self.ETH_P_ALL)
            )
        self.sock.bind((lab.veth_t, self.ETH_P_ALL))
        self.sock.setblocking(False)

    def udp4_sources(self, dport: int, settle: float = 0.05) -> dict[str, int]:
        """IPv4 UDP datagrams to ``dport`` seen so far, by source (VLAN tags skipped)."""
        time.sleep(settle)
        got: dict[str, int] = {}
        while True:
            try:
                frame, addr = self.sock.recvfrom(4096)
            except BlockingIOError:
                return got
            if addr[2] == self.PACKET_OUTGOING:
                continue
            off, ethertype = 14, int.from_bytes(frame[12:14], "big")
            while ethertype in (0x8100, 0x88A8) and len(frame) >= off + 4:
                ethertype = int.from_bytes(frame[off + 2 : off + 4], "big")
                off += 4
            ip = frame[off:]
            if ethertype != 0x0800 or len(ip) < 28 or ip[9] != 17:
                continue
            ihl = (ip[0] & 0x0F) * 4
            if int.from_bytes(ip[ihl + 2 : ihl + 4], "big") == dport:
                src = str(ipaddress.IPv4Address(ip[12:16]))
                got[src] = got.get(src, 0) + 1

    def close(self) -> None:
        self.sock.close()


@contextlib.contextmanager
def raw_socket(lab: Lab) -> Iterator[socket.socket]:
    """An AF_PACKET socket on the attacker's veth, for hand-built frames."""
    with entered(lab.attacker):
        s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    try:
        s.bind((lab.veth_a, 0))
        yield s
    finally:
        s.close()
