"""Kernel enforcement: the XDP program's maps as a projection of the ban list, and its service.

``XdpBackend`` has ``bpf/honeymesh.c`` compiled and loaded by bcc in a short-lived child process
(compiler.py: bcc's LLVM never enters the daemon), holds the program and maps by descriptor,
attaches it to each configured interface with a ``bpf_link`` (native mode first, generic/skb
mode when the driver has none) and keeps the maps in step with what the BanList asks for. The
link dies with the process, so a killed daemon leaves no program behind: traffic flows again
(fail-open). A HoneyMesh program left attached by netlink (an older version, or by hand) is
removed at start; a foreign XDP program is never touched.

``KernelService`` owns the lifecycle: it waits for the compiler process in a worker thread (the
reactor keeps running), attaches, falls back to nftables loudly when XDP cannot run, publishes
``kernel.state`` notices and answers ``status()``.

Threads: ``XdpBackend.load`` runs in a worker thread; everything else runs in the reactor
thread, except the ring-buffer poll loop, which has its own thread and hands samples to the
reactor with ``callFromThread``, and a large ``replace_all``'s batch writes, which threads of
its own share while it waits for them (``_write_batches``).
"""

from __future__ import annotations

import array
import contextlib
import ctypes
import errno
import ipaddress
import itertools
import math
import operator
import os
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

from twisted.application.service import Service
from twisted.internet import defer, threads
from twisted.internet.interfaces import IReactorFromThreads
from twisted.logger import Logger
from twisted.python.threadpool import ThreadPool

from honeymesh.config import Config, Mode
from honeymesh.enforcement.backend import (
    BackendError,
    BanColumns,
    BanEntry,
    EnforcementBackend,
    MapFull,
)
from honeymesh.enforcement.compiler import CompileError, LoadedProgram, load_in_child
from honeymesh.enforcement.layout import (
    ALLOW_VALUE,
    DEFAULT_BPF_DIR,
    Header,
    HmConfig,
    MapSizes,
    PacketSample,
    SampleError,
    Slot,
    allow_slot,
    ban_expiry,
    ban_slot,
    ban_value,
    ban_values,
    decode_sample,
    network_of,
    range_hints,
    v4_keys,
    v6_mask,
)
from honeymesh.enforcement.libbpf import (
    BPF_EXIST,
    BPF_NOEXIST,
    AttachMode,
    BatchError,
    Libbpf,
    LibbpfError,
    RingBuffer,
)
from honeymesh.enforcement.netindex import make_network
from honeymesh.enforcement.projection import SharedKeys
from honeymesh.events import Event, EventId, JSONValue, Notice
from honeymesh.net import Network, normalize_network
from honeymesh.threadname import name_this_thread

if TYPE_CHECKING:
    from honeymesh.enforcement.nft import NftBackend

_FULL_ERRNOS = (errno.E2BIG, errno.ENOSPC)
_BATCH_CHUNK = 262_144
#: At most this many threads write one map's batches at once (``_write_batches``).
_WRITERS_MAX = 4
_DEFAULT_SIZES = MapSizes()


def _longest_ns(a: int, b: int) -> int:
    """Two kernel expiries for one key: permanent (0) wins, else the later one."""
    return 0 if a == 0 or b == 0 else max(a, b)


class KernelUnavailable(BackendError):
    """XDP cannot run here (no root, no bcc, no headers, verifier refusal, ...)."""


class ForeignProgram(BackendError):
    """An interface already runs an XDP program HoneyMesh did not load; it is left alone."""


@dataclass(frozen=True)
class InterfaceState:
    """How one configured interface is enforced."""

    name: str
    mode: AttachMode  # NONE when not attached
    prog_id: int | None = None
    reason: str | None = None  # why not attached, or what was cleaned up first
    link_fd: int | None = field(default=None, repr=False, compare=False)

    def as_dict(self) -> dict[str, JSONValue]:
        return {"attach": str(self.mode), "prog_id": self.prog_id, "reason": self.reason}


@dataclass(frozen=True)
class ServedPorts:
    """Ports a trap listens on: the kernel does not sample traffic to them, and (with
    ``[kernel] traps_open_to_banned``) lets a banned source still reach them."""

    tcp: frozenset[int] = frozenset()
    udp: frozenset[int] = frozenset()


class HintCounts:
    """How many ranges touch each ``hm_range_hint`` index, for one hint bit. The counts live in
    chunks of ``CHUNK`` indexes made when a range first touches them: the hint map has 131,072
    indexes, and a dense array of them per bit (512 KiB each) held 1 MiB for a node whose only
    ranges are its built-in allows (127.0.0.0/8 touches one chunk). The widest range costs
    about what a dense array did."""

    CHUNK = 4096

    def __init__(self) -> None:
        self._chunks: dict[int, array.array[int]] = {}

    def __getitem__(self, index: int) -> int:
        chunk = self._chunks.get(index // self.CHUNK)
        return 0 if chunk is None else chunk[index % self.CHUNK]

    def add(self, index: int, delta: int) -> tuple[int, int]:
        """Count ``delta`` more ranges at ``index``: its count before and after."""
        chunk = self._chunks.get(index // self.CHUNK)
        if chunk is None:
            chunk = self._chunks[index // self.CHUNK] = array.array("I", bytes(4 * self.CHUNK))
        before = chunk[index % self.CHUNK]
        # Unsigned: below 0 raises OverflowError, as the dense array("I") did.
        chunk[index % self.CHUNK] = before + delta
        return before, before + delta

    def touched(self) -> Iterator[int]:
        """Every index some range touches."""
        for number, chunk in self._chunks.items():
            base = number * self.CHUNK
            yield from (base + i for i, n in enumerate(chunk) if n)


class _ThreadReactor(Protocol):
    def callFromThread(self, f: Callable[..., object], *args: object) -> None: ...

    def getThreadPool(self) -> ThreadPool: ...


class _ServiceReactor(_ThreadReactor, Protocol):
    def seconds(self) -> float: ...


SampleSink = Callable[[Sequence[PacketSample]], object]


class XdpBackend:
    """The XDP program's maps as an EnforcementBackend. See the module docstring."""

    name = "xdp"
    _log = Logger()

    def __init__(
        self,
        interfaces: Sequence[str],
        *,
        bpf_dir: Path = DEFAULT_BPF_DIR,
        map_sizes: MapSizes = _DEFAULT_SIZES,
        v6_ban_prefix: int = 64,
        sample_rate: float = 100.0,
        sample_burst: int = 20,
        traps_open: bool = True,
        prefer: AttachMode = AttachMode.NATIVE,
        libbpf: Libbpf | None = None,
        wall: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        """``sample_rate``: ring-buffer samples per second per CPU (0: off), ``sample_burst``:
        how many may come at once. ``traps_open``: in ENFORCE a banned source still reaches the
        ports traps serve (``set_served_ports``), so a ban does not end its trap session.
        ``wall``/``monotonic``: the clocks (CLOCK_MONOTONIC is what the program's
        bpf_ktime_get_ns reads)."""
        if prefer not in (AttachMode.NATIVE, AttachMode.GENERIC):
            raise ValueError(f"prefer must be native or generic, not {prefer}")
        if sample_rate < 0 or sample_burst < 1:
            raise ValueError("sample_rate must be >= 0 and sample_burst >= 1")
        self.interfaces = tuple(interfaces)
        self.bpf_dir = bpf_dir
        self.map_sizes = map_sizes
        self.v6_ban_prefix = v6_ban_prefix
        self.prefer = prefer
        self.header = Header.load(bpf_dir)
        self._v6_mask = v6_mask(v6_ban_prefix)
        self._lib = libbpf
        self._wall = wall
        self._monotonic = monotonic
        self._program: LoadedProgram | None = None
        self._samples_fd = -1
        self._prog_fd = -1
        self._prog_id = 0
        self._map_fds: dict[Slot, int] = {}
        self._config_fd = -1
        self._counters_fd = -1
        self._served_fd = -1
        self._hint_fd = -1
        self._hint_v6 = self.header.number("HM_RANGE_HINT_V6")
        self._hint_size = self.header.number("HM_RANGE_HINT_SIZE")
        self._hint_bits = {
            Slot.RANGE_V4: self.header.number("HM_HINT_BAN"),
            Slot.RANGE_V6: self.header.number("HM_HINT_BAN"),
            Slot.ALLOW_RANGE_V4: self.header.number("HM_HINT_ALLOW"),
            Slot.ALLOW_RANGE_V6: self.header.number("HM_HINT_ALLOW"),
        }
        # per hint bit, per index: how many ranges touch it
        self._hint_counts = {bit: HintCounts() for bit in set(self._hint_bits.values())}
        self._config = HmConfig()
        self._config.mode = self.header.mode_value("test")
        ctypes.memmove(self._config.v6_ban_mask, self._v6_mask, 16)
        self._traps_open_bit = self.header.number("HM_CFG_TRAPS_OPEN")
        self._config.flags = self._traps_open_bit if traps_open else 0
        # hm_ban_v6 keys present, IPv6 allows at least as narrow as the ban prefix by the key
        # they fall in, and how many present keys hold one: while any does, the program must
        # consult the allowlist on an IPv6 exact hit (HM_CFG_V6_ALLOW_INSIDE).
        self._v6_inside_bit = self.header.number("HM_CFG_V6_ALLOW_INSIDE")
        self._v6_ban_keys: set[bytes] = set()
        self._v6_inner_allows: dict[bytes, set[Network]] = {}
        self._v6_overlap = 0
        if sample_rate > 0:
            cost = round(1e9 / sample_rate)
            self._config.sample_cost_ns = cost
            self._config.sample_burst_ns = cost * sample_burst
        self._counts: dict[Slot, int] = dict.fromkeys(Slot, 0)
        self._v6_shared: SharedKeys[bytes] = SharedKeys(self._v6_key_network)
        self._attached: dict[str, InterfaceState] = {}
        self._served = ServedPorts()
        self._sampler: threading.Thread | None = None
        self._sampler_stop = threading.Event()
        self._sampler_wake: int | None = None  # a pipe's write end: ends the sampler's wait
        self.bad_samples = 0

    # Lifecycle --------------------------------------------------------------------------------

    def load(self) -> None:
        """Compile and load the program in a child process (compiler.py) and take its
        descriptors. Blocking: call it in a thread.

        Raises KernelUnavailable."""
        if self._program is not None:
            return
        try:
            lib = self._lib or Libbpf()
        except LibbpfError as e:
            raise KernelUnavailable(str(e)) from None
        try:
            program = load_in_child(self.bpf_dir, self.map_sizes.cflags())
        except CompileError as e:
            raise KernelUnavailable(str(e)) from None
        try:
            fds = program.map_fds
            self._prog_id = lib.prog_info(program.prog_fd).id
            self._map_fds = {slot: fds[f"HM_MAP_{slot.name}"] for slot in Slot}
            self._config_fd = fds["HM_MAP_CONFIG"]
            self._counters_fd = fds["HM_MAP_COUNTERS"]
            self._served_fd = fds["HM_MAP_SERVED_PORTS"]
            self._hint_fd = fds["HM_MAP_RANGE_HINT"]
            self._samples_fd = fds["HM_MAP_SAMPLES"]
        except (KeyError, LibbpfError) as e:
            program.close()
            self._map_fds.clear()
            raise KernelUnavailable(f"the loaded XDP program is incomplete: {e}") from None
        self._prog_fd = program.prog_fd
        self._lib = lib
        self._program = program
        self._write_config()

    def start(self, reactor: _ThreadReactor) -> defer.Deferred[Mapping[str, InterfaceState]]:
        """load() in the reactor's thread pool, then attach() in the reactor thread."""
        d: defer.Deferred[None] = threads.deferToThreadPool(
            cast(IReactorFromThreads, reactor), reactor.getThreadPool(), self.load
        )
        return d.addCallback(lambda _: self.attach())

    def attach(self) -> Mapping[str, InterfaceState]:
        """Attach to every configured interface not yet attached; failures are recorded per
        interface (see ``interface_states``), never raised."""
        lib = self._loaded()
        for ifname in self.interfaces:
            if ifname in self._attached and self._attached[ifname].link_fd is not None:
                continue
            try:
                self._attached[ifname] = self._attach_one(lib, ifname)
            except BackendError as e:
                self._attached[ifname] = InterfaceState(ifname, AttachMode.NONE, reason=str(e))
        return self.interface_states()

    def _attach_one(self, lib: Libbpf, ifname: str) -> InterfaceState:
        try:
            ifindex = socket.if_nametoindex(ifname)
        except OSError:
            raise BackendError(f"no network interface named {ifname!r}") from None
        cleaned = self._remove_stale(lib, ifname, ifindex)
        modes = [AttachMode.NATIVE, AttachMode.GENERIC]
        if self.prefer is AttachMode.GENERIC:
            modes = [AttachMode.GENERIC]
        errors = []
        for mode in modes:
            try:
                link_fd = lib.xdp_link_create(self._prog_fd, ifindex, mode)
            except LibbpfError as e:
                errors.append(f"{mode}: {e.strerror}")
                continue
            why = None if mode is self.prefer else f"native mode refused ({errors[0]})"
            reason = "; ".join(r for r in (cleaned, why) if r) or None
            self._log.info(
                "XDP attached to {ifname} in {mode} mode (program id {prog_id})",
                ifname=ifname,
                mode=str(mode),
                prog_id=self._prog_id,
            )
            return InterfaceState(ifname, mode, self._prog_id, reason, link_fd)
        raise BackendError(f"cannot attach XDP to {ifname}: {'; '.join(errors)}")

    def _remove_stale(self, lib: Libbpf, ifname: str, ifindex: int) -> str | None:
        """Remove a HoneyMesh program left attached by netlink; refuse a foreign one."""
        current = lib.xdp_query(ifindex)
        if current.prog_id == 0:
            return None
        fd = lib.prog_fd_by_id(current.prog_id)
        try:
            info = lib.prog_info(fd)
            if info.name != self.header.prog_name:
                raise ForeignProgram(
                    f"{ifname} already runs the XDP program {info.name!r} (id {info.id}), which "
                    f"HoneyMesh did not load; it will not replace it. Remove it "
                    f"(ip link set dev {ifname} xdp off) or take {ifname} out of "
                    f"kernel.interfaces"
                )
            try:
                lib.xdp_detach_netlink(ifindex, current.mode, fd)
            except LibbpfError as e:
                if e.errno == errno.EBUSY:
                    raise BackendError(
                        f"{ifname}: a HoneyMesh XDP program (id {info.id}) is held by a bpf_link "
                        f"of another running process; stop the other HoneyMesh daemon first"
                    ) from None
                raise BackendError(f"{ifname}: cannot remove stale program: {e}") from None
        finally:
            os.close(fd)
        self._log.warn(
            "removed a stale HoneyMesh XDP program (id {prog_id}) attached to {ifname} by netlink",
            prog_id=info.id,
            ifname=ifname,
        )
        return f"removed stale HoneyMesh program id {info.id} ({current.mode}, netlink)"

    def detach(self) -> None:
        """Close every link: the program leaves the interfaces at once."""
        for ifname, state in list(self._attached.items()):
            if state.link_fd is not None:
                os.close(state.link_fd)
            self._attached[ifname] = InterfaceState(ifname, AttachMode.NONE, reason="detached")

    def close(self) -> None:
        """Detach, stop sampling and release the program and its maps."""
        self.detach()
        self.stop_sampling()
        if self._program is not None:
            self._program.close()  # the kernel frees the program and maps: no link holds them
            self._program = None
            self._prog_fd = -1
            self._map_fds.clear()

    @property
    def prog_fd(self) -> int:
        self._loaded()
        return self._prog_fd

    @property
    def prog_id(self) -> int:
        return self._prog_id

    def interface_states(self) -> Mapping[str, InterfaceState]:
        return dict(self._attached)

    def _loaded(self) -> Libbpf:
        if self._program is None or self._lib is None:
            raise BackendError("the XDP program is not loaded (call load() or start() first)")
        return self._lib

    # Sampling -----------------------------------------------------------------------------

    def set_served_ports(self, served: ServedPorts) -> None:
        """Ports with a trap behind them; the program samples traffic to all others."""
        lib = self._loaded()
        tcp_bit = self.header.number("HM_SERVED_TCP")
        udp_bit = self.header.number("HM_SERVED_UDP")
        old, self._served = self._served, served
        for port in old.tcp | old.udp | served.tcp | served.udp:
            flags = (tcp_bit if port in served.tcp else 0) | (udp_bit if port in served.udp else 0)
            lib.map_update(self._served_fd, port.to_bytes(4, "little"), bytes([flags]))

    def start_sampling(self, reactor: _ThreadReactor, deliver: SampleSink) -> None:
        """Consume the ring buffer in a thread; ``deliver`` receives lists of PacketSample in
        the reactor thread."""
        lib = self._loaded()
        if self._sampler is not None:
            return
        pending: list[PacketSample] = []

        def on_record(raw: bytes) -> None:
            try:
                pending.append(decode_sample(raw, self.header, self._wall_of))
            except SampleError:
                self.bad_samples += 1

        ring: RingBuffer = lib.ring_buffer(self._samples_fd, on_record)
        self._sampler_stop.clear()
        wake_read, self._sampler_wake = os.pipe()
        ring.watch(wake_read)

        def run() -> None:
            name_this_thread("honeymesh-ring")
            # Asleep until there are samples or stop_sampling writes to the pipe: an idle
            # node's sampler costs no wake-ups (a 50 ms poll cost 20 a second, 1.5 ms CPU).
            try:
                while not self._sampler_stop.is_set():
                    ring.wait()
                    if pending:
                        batch = list(pending)
                        pending.clear()
                        reactor.callFromThread(deliver, batch)
            finally:
                ring.close()
                os.close(wake_read)

        self._sampler = threading.Thread(target=run, name="honeymesh-ringbuf", daemon=True)
        self._sampler.start()

    def stop_sampling(self) -> None:
        """Stop the ring-buffer thread: wake it through its pipe and wait for it to end."""
        if self._sampler is not None:
            self._sampler_stop.set()
            if self._sampler_wake is not None:
                os.write(self._sampler_wake, b"x")
            self._sampler.join()
            self._sampler = None
        if self._sampler_wake is not None:
            os.close(self._sampler_wake)
            self._sampler_wake = None

    def _wall_of(self, mono_ns: int) -> float:
        return self._wall() - (self._monotonic() - mono_ns / 1e9)

    # EnforcementBackend ------------------------------------------------------------------------

    def replace_all(self, bans: Sequence[BanEntry], allows: Sequence[Network]) -> None:
        """Make the maps hold exactly these bans and allows, with batch updates.

        Entries that must leave are deleted first (making room), then the new set is written.
        Raises MapFull when a map cannot hold its share; what fitted stays enforced."""
        try:
            self._replace_all(bans, allows)
        finally:
            if self._program is not None:  # also when a map was full and it raised:
                self._config.ban_gen += 1  # a kept ban may carry a new expiry (the hot cache)
                self._write_config()
            _release_freed_memory()

    def _replace_all(self, bans: Sequence[BanEntry], allows: Sequence[Network]) -> None:
        lib = self._loaded()
        now_wall, now_ns = self._wall(), int(self._monotonic() * 1e9)
        exact_v4: dict[int, int] = {}  # address -> expiry ns: the bulk, kept lean
        desired: dict[Slot, dict[bytes, int]] = {slot: {} for slot in Slot}
        shared: SharedKeys[bytes] = SharedKeys(self._v6_key_network)
        v6_expiry: dict[bytes, float | None] = {}
        ipv4net = ipaddress.IPv4Network
        entries: Iterable[BanEntry] = bans
        bulk_v4: tuple[list[int], list[int]] | None = None  # addresses, expiry ns: no dict
        if isinstance(bans, BanColumns):  # the million-ban restore: no object per exact ban
            split = _split_columns(bans, now_wall, now_ns, exact_v4, self.v6_ban_prefix)
            entries, bulk_v4 = split.rest, split.bulk_v4
            for key, expires_at in split.v6_keys:
                v6_expiry[key] = shared.add_sole(key, expires_at)
        for entry in entries:
            net, expires_at = entry.network, entry.expires_at
            if type(net) is ipv4net and net.prefixlen == 32:
                ns = 0
                if expires_at is not None:  # _to_kernel_ns, inlined for the million-entry case
                    ns = max(1, now_ns + int((expires_at - now_wall) * 1e9))
                addr = int(net.network_address)
                held = exact_v4.get(addr)
                exact_v4[addr] = ns if held is None else _longest_ns(held, ns)
                continue
            net = normalize_network(net)
            slot, key = ban_slot(net, self.v6_ban_prefix)
            if slot is Slot.BAN_V6:
                v6_expiry[key] = shared.add(key, net, expires_at)
            elif slot is Slot.BAN_V4:  # an IPv4-mapped address
                ns = self._to_kernel_ns(expires_at, now_wall, now_ns)
                addr = int(net.network_address)
                held = exact_v4.get(addr)
                exact_v4[addr] = ns if held is None else _longest_ns(held, ns)
            else:
                ns = self._to_kernel_ns(expires_at, now_wall, now_ns)
                held = desired[slot].get(key)
                desired[slot][key] = ns if held is None else _longest_ns(held, ns)
        if bulk_v4 is not None and exact_v4:  # an IPv4-mapped ban joins them: merge by address
            _merge_exact_v4(exact_v4, *bulk_v4)
            bulk_v4 = None
        for key, expires_at in v6_expiry.items():
            desired[Slot.BAN_V6][key] = self._to_kernel_ns(expires_at, now_wall, now_ns)
        for net in allows:
            slot, key = allow_slot(normalize_network(net))
            desired[slot][key] = 1
        self._v6_reset(shared, desired[Slot.BAN_V6], allows)
        for slot in Slot:
            keys, values, count, wanted = self._slot_content(slot, desired[slot], exact_v4, bulk_v4)
            self._replace_slot(lib, slot, keys=keys, values=values, count=count, wanted=wanted)
        self._rewrite_hints(lib, desired)

    def _v6_key_network(self, key: bytes) -> Network:
        """The network an hm_ban_v6 key stands for (a ban of exactly that network holds it)."""
        return ipaddress.IPv6Network((key, self.v6_ban_prefix))

    def _slot_content(
        self,
        slot: Slot,
        want: dict[bytes, int],
        exact_v4: dict[int, int],
        bulk_v4: tuple[list[int], list[int]] | None,
    ) -> tuple[bytes, bytes, int, Callable[[bytes], bool]]:
        """A slot's packed keys and values for replace_all, their count, and which keys the
        slot must keep (asked only of entries already in the map)."""
        if slot is not Slot.BAN_V4:
            values = ALLOW_VALUE * len(want) if slot.is_allow else ban_values(want.values())
            return b"".join(want), values, len(want), want.__contains__
        if bulk_v4 is None:
            return (
                v4_keys(exact_v4),
                ban_values(exact_v4.values()),
                len(exact_v4),
                lambda key: int.from_bytes(key, "big") in exact_v4,
            )
        addresses, expiries = bulk_v4
        present = set(addresses) if self._counts[slot] else set()  # a set only if keys must go
        return (
            v4_keys(addresses),
            ban_values(expiries),
            len(addresses),
            lambda key: int.from_bytes(key, "big") in present,
        )

    def _hint_byte(self, index: int) -> int:
        return sum(bit for bit, counts in self._hint_counts.items() if counts[index])

    def _rewrite_hints(self, lib: Libbpf, desired: Mapping[Slot, Iterable[bytes]]) -> None:
        """Set hm_range_hint from scratch for these LPM keys (after a replace_all)."""
        self._hint_counts = {bit: HintCounts() for bit in self._hint_counts}
        for slot, bit in self._hint_bits.items():
            counts = self._hint_counts[bit]
            for key in desired[slot]:
                for i in range_hints(network_of(slot, key, self.v6_ban_prefix), self._hint_v6):
                    counts.add(i, 1)
        indexes = array.array("I", range(self._hint_size))
        flags = bytearray(self._hint_size)
        for bit, counts in self._hint_counts.items():
            for i in counts.touched():
                flags[i] |= bit
        lib.map_update_batch(self._hint_fd, indexes.tobytes(), bytes(flags), self._hint_size)

    def _hint(self, lib: Libbpf, slot: Slot, key: bytes, delta: int) -> None:
        """Count a range in (delta 1) or out (-1) of the hint bytes it touches."""
        bit = self._hint_bits.get(slot)
        if bit is None:
            return
        counts = self._hint_counts[bit]
        for i in range_hints(network_of(slot, key, self.v6_ban_prefix), self._hint_v6):
            before, after = counts.add(i, delta)
            if (before == 0) != (after == 0):
                lib.map_update(self._hint_fd, i.to_bytes(4, "little"), bytes([self._hint_byte(i)]))

    def _replace_slot(
        self,
        lib: Libbpf,
        slot: Slot,
        *,
        keys: bytes,
        values: bytes,
        count: int,
        wanted: Callable[[bytes], bool],
    ) -> None:
        fd, ksize, vsize = self._map_fds[slot], slot.key_size, slot.value_size
        if self._counts[slot]:
            self._delete_stale(lib, slot, wanted)
            self._ban_rewritten(slot)  # and once more after the writes (replace_all, finally)
        self._counts[slot] = 0
        if slot.is_lpm:  # LPM tries have no batch operations; they hold thousands, not millions
            for i in range(count):
                try:
                    lib.map_update(
                        fd, keys[i * ksize : (i + 1) * ksize], values[i * vsize : (i + 1) * vsize]
                    )
                except LibbpfError as e:
                    self._counts[slot] = i
                    raise self._full_or_error(slot, e, f"{i} of {count} fitted") from e
            self._counts[slot] = count
            return
        written, error = _write_batches(
            lib, fd, keys, values, count=count, ksize=ksize, vsize=vsize
        )
        self._counts[slot] = written
        if error is not None:
            raise self._full_or_error(slot, error, f"{written} of {count} fitted") from error

    def _delete_stale(self, lib: Libbpf, slot: Slot, wanted: Callable[[bytes], bool]) -> None:
        fd = self._map_fds[slot]
        if slot.is_lpm:
            for key in [k for k in lib.map_keys(fd, slot.key_size) if not wanted(k)]:
                lib.map_delete(fd, key)
            return
        items = lib.map_items_batch(fd, slot.key_size, slot.value_size)
        stale = b"".join(k for k, _ in items if not wanted(k))
        count = len(stale) // slot.key_size
        for start in range(0, count, _BATCH_CHUNK):
            n = min(_BATCH_CHUNK, count - start)
            chunk = stale[start * slot.key_size : (start + n) * slot.key_size]
            lib.map_delete_batch(fd, chunk, n)

    def add_ban(self, entry: BanEntry) -> None:
        lib = self._loaded()
        net = normalize_network(entry.network)
        slot, key = ban_slot(net, self.v6_ban_prefix)
        expires_at = entry.expires_at
        new_v6_key = slot is Slot.BAN_V6 and key not in self._v6_ban_keys
        if slot is Slot.BAN_V6:
            expires_at = self._v6_shared.add(key, net, expires_at)
        if new_v6_key:  # the flag first: no moment where the key drops an allowed address
            self._v6_ban_keys.add(key)
            self._v6_overlap += bool(self._v6_inner_allows.get(key))
            self._sync_v6_flag()
        try:
            self._put(lib, slot, key, ban_value(self._to_kernel_ns(expires_at)))
        except BackendError:
            if slot is Slot.BAN_V6:
                self._v6_shared.remove(key, net)
            if new_v6_key:
                self._v6_key_gone(key)
            raise

    def remove_ban(self, network: Network) -> None:
        lib = self._loaded()
        net = normalize_network(network)
        slot, key = ban_slot(net, self.v6_ban_prefix)
        if slot is Slot.BAN_V6:
            held, expires_at = self._v6_shared.remove(key, net)
            if held:
                self._put(lib, slot, key, ban_value(self._to_kernel_ns(expires_at)))
                return
        self._drop(lib, slot, key)
        if slot is Slot.BAN_V6 and key in self._v6_ban_keys:
            self._v6_key_gone(key)

    def add_allow(self, network: Network) -> None:
        net = normalize_network(network)
        slot, key = allow_slot(net)
        if self._v6_allow_in(net):
            self._sync_v6_flag()  # before the allow is in: the check is on when it matters
        self._put(self._loaded(), slot, key, ALLOW_VALUE)

    def remove_allow(self, network: Network) -> None:
        net = normalize_network(network)
        slot, key = allow_slot(net)
        self._drop(self._loaded(), slot, key)
        if self._v6_allow_out(net):
            self._sync_v6_flag()

    # IPv6 /64 keys that hold an allowed address ---------------------------------------------

    def _v6_inner_of(self, net: Network) -> bytes | None:
        """The hm_ban_v6 key an IPv6 allow at least as narrow as the ban prefix falls in."""
        if net.version != 6 or net.prefixlen < self.v6_ban_prefix:
            return None
        slot, key = ban_slot(net, self.v6_ban_prefix)
        return key if slot is Slot.BAN_V6 else None  # link-local: never an exact key

    def _v6_allow_in(self, net: Network) -> bool:
        """Count an allow in; True when a present key now holds its first allowed address."""
        key = self._v6_inner_of(net)
        if key is None:
            return False
        held = self._v6_inner_allows.setdefault(key, set())
        first = not held
        held.add(net)
        if first and key in self._v6_ban_keys:
            self._v6_overlap += 1
            return True
        return False

    def _v6_allow_out(self, net: Network) -> bool:
        """Count an allow out; True when a present key no longer holds any allowed address."""
        key = self._v6_inner_of(net)
        held = None if key is None else self._v6_inner_allows.get(key)
        if key is None or held is None or net not in held:
            return False
        held.discard(net)
        if held:
            return False
        del self._v6_inner_allows[key]
        if key in self._v6_ban_keys:
            self._v6_overlap -= 1
            return True
        return False

    def _v6_reset(
        self, shared: SharedKeys[bytes], keys: Iterable[bytes], allows: Sequence[Network]
    ) -> None:
        """In a replace_all, before the maps change: the IPv6 bookkeeping from scratch. The
        flag is set now if the new set needs it, and cleared (if it must be) only by the
        config write that follows the maps, so no moment drops an allowed address."""
        self._v6_shared = shared
        self._v6_ban_keys = set(keys)
        self._v6_inner_allows = {}
        self._v6_overlap = 0
        for net in allows:
            self._v6_allow_in(normalize_network(net))
        if self._v6_overlap:
            self._sync_v6_flag()

    def _v6_key_gone(self, key: bytes) -> None:
        self._v6_ban_keys.discard(key)
        self._v6_overlap -= bool(self._v6_inner_allows.get(key))
        self._sync_v6_flag()

    def _v6_flag(self) -> int:
        return self._v6_inside_bit if self._v6_overlap > 0 else 0

    def _sync_v6_flag(self) -> None:
        if (
            self._config.flags & self._v6_inside_bit
        ) != self._v6_flag() and self._program is not None:
            self._write_config()

    @property
    def v6_hits_check_allowlist(self) -> bool:
        """Whether an IPv6 exact hit consults the allowlist (a banned /64 holds an allow)."""
        return bool(self._config.flags & self._v6_inside_bit)

    def set_mode(self, mode: Mode) -> None:
        self._config.mode = self.header.mode_value(mode)
        if self._program is not None:
            self._write_config()

    def set_traps_open(self, traps_open: bool) -> None:
        """Whether a banned source may still reach the ports traps serve (ENFORCE only)."""
        flags = self._config.flags & ~self._traps_open_bit
        self._config.flags = flags | (self._traps_open_bit if traps_open else 0)
        if self._program is not None:
            self._write_config()

    @property
    def traps_open(self) -> bool:
        return bool(self._config.flags & self._traps_open_bit)

    @property
    def mode(self) -> Mode:
        value = self._config.mode
        modes: tuple[Mode, ...] = ("test", "enforce", "lockdown")
        for mode in modes:
            if self.header.mode_value(mode) == value:
                return mode
        return "test"

    def counters(self) -> Mapping[str, int]:
        lib = self._loaded()
        ncpu = lib.possible_cpus
        out: dict[str, int] = {}
        for index, name in enumerate(self.header.counters):
            raw = lib.map_lookup(self._counters_fd, index.to_bytes(4, "little"), 8 * ncpu)
            out[name] = sum(array.array("Q", raw)) if raw else 0
        return out

    def status(self) -> Mapping[str, object]:
        attached = [s for s in self._attached.values() if s.link_fd is not None]
        if self._program is None:
            state = "stopped"
        elif not self.interfaces:
            state = "idle"
        elif len(attached) == len(self.interfaces):
            state = "enforcing"
        elif attached:
            state = "degraded"
        else:
            state = "unavailable"
        return {
            "backend": self.name,
            "state": state,
            "mode": self.mode,
            "prog_id": self._prog_id or None,
            "interfaces": {n: s.as_dict() for n, s in self._attached.items()},
            "entries": {slot.value: n for slot, n in self._counts.items()},
        }

    # Reading the maps back -----------------------------------------------------------------

    def entries(self) -> tuple[list[BanEntry], list[Network]]:
        """What the maps hold now, as bans (wall-clock expiry) and allows.

        IPv6 bans that share a /v6_ban_prefix key come back as the networks that were banned."""
        lib = self._loaded()
        now_wall, now_ns = self._wall(), self._monotonic() * 1e9
        bans: list[BanEntry] = []
        allows: list[Network] = []
        for slot in Slot:
            fd = self._map_fds[slot]
            if slot.is_lpm:
                items: Iterable[tuple[bytes, bytes]] = [
                    (k, lib.map_lookup(fd, k, slot.value_size) or b"")
                    for k in list(lib.map_keys(fd, slot.key_size))
                ]
            else:
                items = lib.map_items_batch(fd, slot.key_size, slot.value_size)
            for key, value in items:
                if slot.is_allow:
                    allows.append(network_of(slot, key, self.v6_ban_prefix))
                elif slot is not Slot.BAN_V6:
                    ns = ban_expiry(value)
                    expires = None if ns == 0 else now_wall + (ns - now_ns) / 1e9
                    bans.append(BanEntry(network_of(slot, key, self.v6_ban_prefix), expires))
        bans.extend(BanEntry(n, e) for n, e in self._v6_shared.networks().items())
        return bans, allows

    # Internals ------------------------------------------------------------------------------

    def _to_kernel_ns(
        self, expires_at: float | None, now_wall: float | None = None, now_ns: int | None = None
    ) -> int:
        """Wall-clock expiry to CLOCK_MONOTONIC ns; 0 = permanent, and a past expiry becomes 1
        (long gone), never 0."""
        if expires_at is None:
            return 0
        wall = self._wall() if now_wall is None else now_wall
        mono = int(self._monotonic() * 1e9) if now_ns is None else now_ns
        return max(1, mono + int((expires_at - wall) * 1e9))

    def _put(self, lib: Libbpf, slot: Slot, key: bytes, value: bytes) -> None:
        fd = self._map_fds[slot]
        try:
            lib.map_update(fd, key, value, BPF_NOEXIST)
        except LibbpfError as e:
            if e.errno != errno.EEXIST:
                raise self._full_or_error(slot, e, "") from e
            try:
                lib.map_update(fd, key, value, BPF_EXIST)
            except LibbpfError as e2:
                raise self._full_or_error(slot, e2, "") from e2
            self._ban_rewritten(slot)
            return
        self._counts[slot] += 1
        self._hint(lib, slot, key, 1)
        if slot.count_field:
            self._write_config()

    def _drop(self, lib: Libbpf, slot: Slot, key: bytes) -> None:
        if lib.map_delete(self._map_fds[slot], key):
            self._counts[slot] -= 1
            self._hint(lib, slot, key, -1)
            if slot.count_field:
                self._write_config()
            self._ban_rewritten(slot)

    def _ban_rewritten(self, slot: Slot) -> None:
        """After an exact ban's entry was deleted or rewritten: raise ``ban_gen`` so that no
        CPU's hot cache answers from what the entry said before (honeymesh.h, ``ban_gen``)."""
        if slot in (Slot.BAN_V4, Slot.BAN_V6):
            self._config.ban_gen += 1
            self._write_config()

    def _write_config(self) -> None:
        self._config.flags = (self._config.flags & ~self._v6_inside_bit) | self._v6_flag()
        for slot in Slot:
            if slot.count_field:
                setattr(self._config, slot.count_field, self._counts[slot])
        assert self._lib is not None
        self._lib.map_update(self._config_fd, b"\0\0\0\0", bytes(self._config))

    def _full_or_error(self, slot: Slot, e: LibbpfError, detail: str) -> BackendError:
        name = self.header.map_name(slot)
        more = f" ({detail})" if detail else ""
        if e.errno in _FULL_ERRNOS:
            return MapFull(f"kernel map {name} is full{more}; raise its size (map_sizes)")
        if e.errno == errno.ENOMEM:
            # The hashes allocate each entry as it is inserted (BPF_F_NO_PREALLOC), so the
            # kernel (or the daemon's memory cgroup) can refuse one below the map's size: a
            # bigger map would not help, and would take more for its bucket array.
            return BackendError(f"kernel map {name}: out of kernel memory{more}")
        return BackendError(f"kernel map {name}: {e.strerror}")


# The service --------------------------------------------------------------------------------------

Publish = Callable[[Event], object]
NftFactory = Callable[[str], "NftBackend"]


class KernelService(Service):
    """Owns the enforcement backend: XDP when it can run, the nftables fallback (loudly) when
    it cannot, nothing (more loudly still) when neither can.

    ``ready()`` fires with the active backend (or None) once start-up has settled; the BanList
    then restores its active set with ``replace_all``. Every change of state is logged and
    published as a ``kernel.state`` notice whose detail is ``status()``.
    """

    _log = Logger()

    def __init__(
        self,
        reactor: _ServiceReactor,
        publish: Publish,
        *,
        interfaces: Sequence[str],
        mode: Mode = "test",
        v6_ban_prefix: int = 64,
        map_sizes: MapSizes = _DEFAULT_SIZES,
        bpf_dir: Path = DEFAULT_BPF_DIR,
        sample_rate: float = 100.0,
        sample_burst: int = 20,
        served_ports: ServedPorts = ServedPorts(),
        traps_open: bool = True,
        on_samples: SampleSink | None = None,
        nft_fallback: NftFactory | None = None,
        prefer: AttachMode = AttachMode.NATIVE,
    ) -> None:
        """``on_samples`` receives ring-buffer samples (lists of PacketSample) in the reactor
        thread. ``nft_fallback``: called with the reason XDP failed, returns an NftBackend (not
        yet started); None turns the fallback off. ``kernel_service`` builds one from Config."""
        self.setName("kernel")
        self._reactor = reactor
        self._publish = publish
        self._mode: Mode = mode
        self._served = served_ports
        self._on_samples = on_samples
        self._nft_fallback = nft_fallback
        self.interfaces = tuple(interfaces)
        self.xdp = XdpBackend(
            self.interfaces,
            bpf_dir=bpf_dir,
            map_sizes=map_sizes,
            v6_ban_prefix=v6_ban_prefix,
            sample_rate=sample_rate,
            sample_burst=sample_burst,
            traps_open=traps_open,
            prefer=prefer,
        )
        self.backend: EnforcementBackend | None = None
        self._nft: NftBackend | None = None
        self._state = "stopped"
        self._reason: str | None = None
        self._settled = False
        self._waiters: list[defer.Deferred[EnforcementBackend | None]] = []

    # Start ------------------------------------------------------------------------------------

    def startService(self) -> None:
        super().startService()
        self._state, self._reason, self._settled = "starting", None, False
        defer.Deferred.fromCoroutine(self._start()).addCallback(self._settle)

    def ready(self) -> defer.Deferred[EnforcementBackend | None]:
        """Fires with the active backend (None: nothing enforces) once start-up has settled."""
        if self._settled:
            return defer.succeed(self.backend)
        d: defer.Deferred[EnforcementBackend | None] = defer.Deferred()
        self._waiters.append(d)
        return d

    async def _start(self) -> EnforcementBackend | None:
        try:
            states = await self.xdp.start(self._reactor)
        except BackendError as e:
            if not self.running:
                return None
            return await self._fall_back(str(e))
        except Exception as e:
            self._log.failure("kernel enforcement failed to start")
            self._state, self._reason = "unavailable", f"unexpected error: {e}"
            self._announce()
            return None
        if not self.running:  # stopped while compiling: do not attach after the fact
            self.xdp.close()
            return None
        return self._xdp_started(states)

    def _xdp_started(self, states: Mapping[str, InterfaceState]) -> EnforcementBackend:
        xdp = self.xdp
        xdp.set_mode(self._mode)
        xdp.set_served_ports(self._served)
        if self._on_samples is not None:
            xdp.start_sampling(self._reactor, self._on_samples)
        failed = {n: s.reason for n, s in states.items() if s.link_fd is None}
        if not self.interfaces:
            self._state, self._reason = "idle", "no interfaces configured (kernel.interfaces)"
        elif failed:
            self._state = "degraded" if len(failed) < len(states) else "unavailable"
            self._reason = "; ".join(f"{n}: {r}" for n, r in failed.items())
        else:
            self._state, self._reason = "enforcing", None
        self.backend = xdp
        self._announce()
        return xdp

    async def _fall_back(self, reason: str) -> EnforcementBackend | None:
        if self._nft_fallback is None:
            self._state, self._reason = "unavailable", f"XDP unavailable: {reason}"
            self._announce()
            return None
        nft = self._nft_fallback(reason)
        try:
            await threads.deferToThreadPool(
                cast(IReactorFromThreads, self._reactor), self._reactor.getThreadPool(), nft.start
            )
        except BackendError as e:
            self._state = "unavailable"
            self._reason = f"XDP unavailable ({reason}) and the nftables fallback failed ({e})"
            self._announce()
            return None
        nft.set_mode(self._mode)
        nft.set_served_ports(self._served.tcp, self._served.udp)
        self._nft = nft
        self.backend = nft
        self._state, self._reason = "degraded", f"nftables fallback because {reason}"
        self._announce()
        return self.backend

    def _settle(self, backend: EnforcementBackend | None) -> None:
        self._settled = True
        waiters, self._waiters = self._waiters, []
        for d in waiters:
            d.callback(backend)

    # Stop -------------------------------------------------------------------------------------

    def stopService(self) -> defer.Deferred[None]:
        super().stopService()
        self.backend = None
        self.xdp.detach()  # closing the links takes the program off the interfaces at once
        nft, self._nft = self._nft, None
        work: Callable[[], None] = self.xdp.stop_sampling if nft is None else nft.stop
        d: defer.Deferred[None] = threads.deferToThreadPool(
            cast(IReactorFromThreads, self._reactor), self._reactor.getThreadPool(), work
        )

        def released(result: object) -> object:
            self.xdp.close()
            self._state, self._reason = "stopped", None
            self._announce()
            return result

        return d.addBoth(released)

    # State ------------------------------------------------------------------------------------

    def status(self) -> dict[str, JSONValue]:
        """For ``honeymesh status``, the API and metrics: state (starting, enforcing, degraded,
        idle, unavailable, stopped), backend, reason, mode, per-interface attachment."""
        out: dict[str, JSONValue] = {
            "state": self._state,
            "backend": None if self.backend is None else self.backend.name,
            "reason": self._reason,
            "mode": self._mode,
        }
        if self.backend is not None:
            detail = self.backend.status()
            out["interfaces"] = cast(JSONValue, detail.get("interfaces", {}))
            out["entries"] = cast(JSONValue, detail.get("entries", {}))
        else:
            out["interfaces"] = {
                n: {"attach": "none", "prog_id": None, "reason": self._reason}
                for n in self.interfaces
            }
        return out

    def set_served_ports(self, served: ServedPorts) -> None:
        """Ports traps listen on (their traffic is not sampled, and stays open to banned
        sources when ``traps_open``); applied now or at attach."""
        self._served = served
        if self.backend is self.xdp:
            self.xdp.set_served_ports(served)
        elif self._nft is not None:
            self._nft.set_served_ports(served.tcp, served.udp)

    def set_mode(self, mode: Mode) -> None:
        """Remember the mode for restarts and apply it to the active backend."""
        self._mode = mode
        if self.backend is not None:
            self.backend.set_mode(mode)

    def _announce(self) -> None:
        status = self.status()
        fmt = "kernel enforcement {state}{backend}{reason}"
        backend, reason = status["backend"], self._reason
        fields = {
            "state": self._state,
            "backend": f" with {backend}" if backend else "",
            "reason": f": {reason}" if reason else "",
        }
        if self._state in ("enforcing", "stopped", "starting"):
            self._log.info(fmt, **fields)
        elif self._state in ("degraded", "idle"):
            self._log.warn(fmt, **fields)
        else:
            self._log.error(fmt, **fields)
        self._publish(Notice(EventId.KERNEL_STATE, time=self._reactor.seconds(), detail=status))


def _write_batches(
    lib: Libbpf, fd: int, keys: bytes, values: bytes, *, count: int, ksize: int, vsize: int
) -> tuple[int, BatchError | None]:
    """Write ``count`` packed entries into a hash map, ``_BATCH_CHUNK`` to a syscall; return
    how many got in and the error that stopped a writer (None: all did).

    A large set is cut into contiguous parts written by as many threads as there are CPUs
    (at most ``_WRITERS_MAX``): the kernel inserts each entry under its bucket's lock, and
    ctypes lets go of the GIL around each call, so the parts go in side by side. On this
    2-core machine 1 M IPv4 bans took 1.09-1.26 s in one thread and 0.53-0.64 s in two, the
    same CPU time: a 1.1 M-ban restore 2.89 s instead of 3.61 (docs/BENCHMARKS.md, "Eleventh
    pass"). With a full map every writer stops at the same limit: the count is what got in,
    whichever entries those are (the ban list then loads entry by entry, in its own order)."""
    cpus = len(os.sched_getaffinity(0))
    writers = max(1, min(_WRITERS_MAX, cpus, -(-count // _BATCH_CHUNK)))

    def write(first: int, end: int) -> tuple[int, BatchError | None]:
        written = 0
        for start in range(first, end, _BATCH_CHUNK):
            n = min(_BATCH_CHUNK, end - start)
            try:
                written += lib.map_update_batch(
                    fd,
                    keys[start * ksize : (start + n) * ksize],
                    values[start * vsize : (start + n) * vsize],
                    n,
                )
            except BatchError as e:
                return written + e.written, e
        return written, None

    if writers == 1:
        return write(0, count)
    bounds = [count * i // writers for i in range(writers + 1)]
    # This thread writes the first part; an exception leaves the block once every writer stopped.
    with ThreadPoolExecutor(writers - 1, thread_name_prefix="hm-map-writer") as pool:
        others = pool.map(write, bounds[1:-1], bounds[2:])
        results = [write(bounds[0], bounds[1]), *others]
    error = min((e for _, e in results if e is not None), key=_error_rank, default=None)
    return sum(n for n, _ in results), error


def _error_rank(error: BatchError) -> int:
    """Which writer's error to report: one the kernel should not have raised first, then no
    kernel memory, then a full map (which every writer meets at the same limit)."""
    return 2 if error.errno in _FULL_ERRNOS else 1 if error.errno == errno.ENOMEM else 0


def _release_freed_memory() -> None:
    """Hand the memory a million-ban restore used and freed back to the system (glibc keeps
    freed heap memory otherwise, and the daemon's RSS would stay at its start-up peak)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


@dataclass
class _Split:
    """A BanColumns taken apart for replace_all (see _split_columns)."""

    rest: list[BanEntry] = field(default_factory=list)
    bulk_v4: tuple[list[int], list[int]] | None = None  # exact IPv4: addresses, expiry ns
    v6_keys: list[tuple[bytes, float | None]] = field(default_factory=list)  # hm_ban_v6 key


def _split_columns(
    columns: BanColumns, now_wall: float, now_ns: int, exact_v4: dict[int, int], v6_prefix: int
) -> _Split:
    """Take the bulk of a restore out of ``columns`` without an object per ban; return every
    other ban as a BanEntry (ranges and the odd IPv6 ban: thousands, not millions).

    The exact IPv4 bans come back as ``bulk_v4`` when they are one run of strictly ascending
    addresses, what the ban list's restore reads (one row per network, in address order):
    then no Python call per ban is left but the expiry's arithmetic, and the kernel keys are
    one array conversion. Otherwise (several runs, a repeated address) they go into
    ``exact_v4`` (address -> expiry ns, the longest expiry winning) and ``bulk_v4`` is None.
    IPv6 bans of exactly ``v6_prefix`` come back as their hm_ban_v6 key (the network address)
    and wall-clock expiry, unless link-local or IPv4-mapped (ban_slot decides those)."""
    out = _Split()
    runs: list[tuple[list[int], list[int]]] = []
    nan = math.isnan
    host_bits = (1 << (128 - v6_prefix)) - 1
    for family, prefixlen, start, stop in columns.runs:
        addresses = columns.addresses[start:stop]
        expires = columns.expires[start:stop]
        if family == 4 and prefixlen == 32:
            ns = [
                0 if e != e else max(1, now_ns + int((e - now_wall) * 1e9))  # noqa: PLR0124 - NaN
                for e in expires
            ]
            runs.append((addresses, ns))
            continue
        for address, expiry in zip(addresses, expires, strict=True):
            plain_v6 = family == 6 and prefixlen == v6_prefix and not address & host_bits
            if plain_v6 and address >> 118 != _LINK_LOCAL and address >> 32 != _V4_MAPPED:
                out.v6_keys.append((address.to_bytes(16, "big"), None if nan(expiry) else expiry))
            else:
                net = make_network(family, address, prefixlen)
                out.rest.append(BanEntry(net, None if nan(expiry) else expiry))
    if len(runs) == 1 and all(map(operator.lt, runs[0][0], itertools.islice(runs[0][0], 1, None))):
        out.bulk_v4 = runs[0]
        return out
    for addresses, expiries in runs:
        _merge_exact_v4(exact_v4, addresses, expiries)
    return out


_LINK_LOCAL = 0xFE80 >> 6  # fe80::/10, the top 10 bits
_V4_MAPPED = 0xFFFF  # ::ffff:0:0/96, the top 96 bits


def _merge_exact_v4(exact_v4: dict[int, int], addresses: list[int], expiries: list[int]) -> None:
    """Add exact IPv4 bans to ``exact_v4`` (address -> expiry ns); the longest expiry wins."""
    for address, ns in zip(addresses, expiries, strict=True):
        held = exact_v4.get(address)
        exact_v4[address] = ns if held is None else _longest_ns(held, ns)


class SettledBackend:
    """The backend the BanList talks to: whichever one the KernelService settled on.

    The BanList is built before start-up has settled (and keeps working if nothing can
    enforce); until then, or when nothing enforces, changes raise BackendError, so the ban list
    keeps them stored and marked not enforced, and restores them once a backend is there. Mode
    switches go through the KernelService, which remembers them across a fallback.
    """

    def __init__(self, kernel: KernelService) -> None:
        self._kernel = kernel

    @property
    def name(self) -> str:
        backend = self._kernel.backend
        return "none" if backend is None else backend.name

    def _active(self) -> EnforcementBackend:
        backend = self._kernel.backend
        if backend is None:
            status = self._kernel.status()
            why = f" ({status['reason']})" if status["reason"] else ""
            raise BackendError(f"nothing enforces: kernel enforcement is {status['state']}{why}")
        return backend

    def replace_all(self, bans: Sequence[BanEntry], allows: Sequence[Network]) -> None:
        self._active().replace_all(bans, allows)

    def add_ban(self, entry: BanEntry) -> None:
        self._active().add_ban(entry)

    def remove_ban(self, network: Network) -> None:
        self._active().remove_ban(network)

    def add_allow(self, network: Network) -> None:
        self._active().add_allow(network)

    def remove_allow(self, network: Network) -> None:
        self._active().remove_allow(network)

    def set_mode(self, mode: Mode) -> None:
        self._kernel.set_mode(mode)

    def counters(self) -> Mapping[str, int]:
        backend = self._kernel.backend
        return {} if backend is None else backend.counters()

    def status(self) -> Mapping[str, object]:
        return self._kernel.status()


def kernel_service(
    reactor: _ServiceReactor,
    publish: Publish,
    config: Config,
    *,
    on_samples: SampleSink | None = None,
    served_ports: ServedPorts = ServedPorts(),
) -> KernelService:
    """A KernelService configured from ``[kernel]``, ``policy.ipv6_prefix`` and ``node.mode``."""
    k = config.kernel
    sizes = MapSizes(
        ban_v4=k.max_ipv4_bans,
        ban_v6=k.max_ipv6_bans,
        range_v4=k.max_ranges,
        range_v6=k.max_ranges,
        allow=k.max_allows,
        allow_range=k.max_allows,
    )
    v6_prefix = config.policy.ipv6_prefix
    fallback: NftFactory | None = None
    if k.fallback == "nftables":

        def fallback(reason: str) -> NftBackend:
            from honeymesh.enforcement.nft import NftBackend  # noqa: PLC0415 - XDP failed

            return NftBackend(
                k.interfaces,
                reason=reason,
                v6_ban_prefix=v6_prefix,
                traps_open=k.traps_open_to_banned,
            )

    return KernelService(
        reactor,
        publish,
        interfaces=k.interfaces,
        mode=config.node.mode,
        v6_ban_prefix=v6_prefix,
        map_sizes=sizes,
        sample_rate=k.sample_rate,
        sample_burst=k.sample_burst,
        served_ports=served_ports,
        traps_open=k.traps_open_to_banned,
        on_samples=on_samples,
        nft_fallback=fallback,
        prefer=AttachMode(k.attach_mode),
    )
