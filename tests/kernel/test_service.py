"""KernelService lifecycle, fail-open on kill -9, ring-buffer sampling and the nftables fallback,
with real packets between network namespaces."""

from __future__ import annotations

import math
import os
import queue
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import pytest
import pytest_twisted
from twisted.internet import reactor as _reactor
from twisted.internet import threads

from honeymesh.enforcement.backend import BanEntry
from honeymesh.enforcement.kernel import KernelService, ServedPorts
from honeymesh.enforcement.layout import DEFAULT_BPF_DIR, HEADER_NAME, PacketSample
from honeymesh.enforcement.libbpf import Libbpf
from honeymesh.enforcement.nft import NftBackend
from honeymesh.events import Event, EventId, Notice
from tests.kernel.conftest import attach, net
from tests.kernel.netns import Lab, Receiver, Sender, entered

pytestmark = pytest.mark.kernel
reactor: Any = _reactor
REPO = Path(__file__).resolve().parents[2]


def notices(events: list[Event]) -> list[dict[str, Any]]:
    return [
        dict(e.detail)
        for e in events
        if isinstance(e, Notice) and e.event_id is EventId.KERNEL_STATE
    ]


def test_kill_9_leaves_no_program_and_traffic_flows_again(lab: Lab) -> None:
    banned = lab.sources4[0]
    proc = subprocess.Popen(
        [
            "ip",
            "netns",
            "exec",
            lab.target,
            sys.executable,
            "-m",
            "tests.kernel.holder",
            lab.veth_t,
            banned,
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        assert line.startswith("attached "), line
        prog_id = int(line.split()[1])
        assert lab.xdp_prog_id() == prog_id
        sender, rx = Sender(lab, [banned]), Receiver(lab, socket.AF_INET)
        sender.send(banned, lab.target4, rx.port, 5)
        assert rx.drain().get(banned, 0) == 0, "the holder enforces the ban"

        lib = Libbpf()
        ifindex = lab.ifindex(lab.target, lab.veth_t)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        lab.assert_xdp_leaves(lib, ifindex, since=time.monotonic(), within=0.1)
        assert lab.xdp_prog_id() == 0
        sender.send(banned, lab.target4, rx.port, 5)
        assert rx.drain().get(banned) == 5, "traffic flows again (fail-open)"
        sender.close()
        rx.close()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


class ThreadHandoff:
    """Stands in for the reactor's callFromThread only: calls arrive on a thread-safe queue."""

    def __init__(self) -> None:
        self.calls: queue.Queue[tuple[Callable[..., object], tuple[object, ...]]] = queue.Queue()

    def callFromThread(self, f: Callable[..., object], *args: object) -> None:
        self.calls.put((f, args))

    def getThreadPool(self) -> Any:
        raise NotImplementedError

    def samples(self, want: int, timeout: float = 2.0) -> list[PacketSample]:
        out: list[PacketSample] = []
        deadline = time.monotonic() + timeout
        while len(out) < want and time.monotonic() < deadline:
            try:
                _, args = self.calls.get(timeout=0.05)
            except queue.Empty:
                continue
            out.extend(cast(list[PacketSample], args[0]))
        return out


def test_ring_buffer_samples_unserved_ports_with_a_rate_limit(lab: Lab) -> None:
    xdp = attach(lab, sample_rate=20, sample_burst=5)
    handoff = ThreadHandoff()
    rx = Receiver(lab, socket.AF_INET)
    xdp.set_served_ports(ServedPorts(udp=frozenset({rx.port}), tcp=frozenset({2323})))
    xdp.start_sampling(handoff, lambda batch: None)
    src, src6 = lab.sources4[0], lab.sources6[0]
    sender = Sender(lab, [src, src6])
    try:
        sender.send(src, lab.target4, rx.port, 3)  # served: never sampled
        sender.send(src, lab.target4, 9, 1)
        sender.send(src6, lab.target6, 53, 1)
        with entered(lab.attacker):
            probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        probe.setblocking(False)
        probe.bind((src, 0))
        probe.connect_ex((lab.target4, 23))  # a SYN to a port nobody serves
        got = handoff.samples(3)
        probe.close()
        assert {(s.src, s.dst, s.dport, s.proto) for s in got} == {
            (src, lab.target4, 9, "udp"),
            (src6, lab.target6, 53, "udp"),
            (src, lab.target4, 23, "tcp"),
        }
        syn = next(s for s in got if s.proto == "tcp")
        assert syn.tcp_flags & 0x02 and not syn.tcp_flags & 0x10
        assert all(abs(s.time - time.time()) < 5 for s in got)
        assert all(s.ifindex == lab.ifindex(lab.target, lab.veth_t) for s in got)
        # A burst: the bucket holds at most 5 samples; the rest are counted as skipped.
        before = xdp.counters()
        began = time.monotonic()
        sender.send(src, lab.target4, 10, 300)
        # The bucket refills at 20 a second while the 300 go out: 10 ms here, longer when the
        # sender is preempted, so the bound counts what the refill gave meanwhile.
        passed = 5 + math.ceil(20 * (time.monotonic() - began)) + 1
        burst = handoff.samples(50, timeout=0.5)
        after = xdp.counters()
        assert 1 <= len(burst) <= passed
        assert after["sample_skipped"] - before["sample_skipped"] >= 300 - passed
    finally:
        sender.close()
        rx.close()
        xdp.close()


def test_an_idle_sampler_sleeps_until_a_sample_comes_or_it_is_stopped(lab: Lab) -> None:
    """The sampling thread wakes for samples and for stop_sampling, never on a timer: polled
    every 50 ms it woke 20 times a second on a node seeing no traffic at all."""
    xdp = attach(lab, sample_rate=20, sample_burst=5)
    handoff = ThreadHandoff()
    xdp.set_served_ports(ServedPorts(udp=frozenset(), tcp=frozenset()))
    xdp.start_sampling(handoff, lambda batch: None)
    (sampler,) = [t for t in threading.enumerate() if t.name == "honeymesh-ringbuf"]
    status = Path(f"/proc/self/task/{sampler.native_id}/status")
    for _ in range(500):  # as top -H shows it, once the thread has named itself
        if status.read_text().startswith("Name:\thoneymesh-ring\n"):
            break
        time.sleep(0.01)
    assert status.read_text().startswith("Name:\thoneymesh-ring\n")

    def wakeups() -> int:
        return int(status.read_text().split("nonvoluntary_ctxt_switches")[0].split()[-1])

    def settled() -> int:
        """The count once the thread is asleep and has stayed so for 5 ms: its start-up (and
        its waits for the GIL, on a loaded machine) must not fall into the window counted."""
        last = -1
        for _ in range(2000):
            text = status.read_text()
            asleep = "\nState:\tS" in text
            now = int(text.split("nonvoluntary_ctxt_switches")[0].split()[-1])
            if asleep and now == last:
                return now
            last = now if asleep else -1
            time.sleep(0.005)
        raise AssertionError("the sampling thread never went to sleep")

    src = lab.sources4[0]
    sender = Sender(lab, [src])
    try:
        before = settled()
        time.sleep(1.0)
        assert wakeups() - before <= 2
        sender.send(src, lab.target4, 9, 1)
        assert [(s.src, s.dport) for s in handoff.samples(1)] == [(src, 9)]
    finally:
        sender.close()
        xdp.close()
    assert not sampler.is_alive()


def _warm_thread_pool() -> Any:
    # Worker threads inherit the network namespace of the thread that creates them: start the
    # pool's first worker before a test switches the reactor thread into a namespace.
    return threads.deferToThread(lambda: None)


@pytest_twisted.ensureDeferred
async def test_kernel_service_attaches_announces_and_detaches(lab: Lab) -> None:
    await _warm_thread_pool()
    events: list[Event] = []
    service = KernelService(
        reactor, events.append, interfaces=[lab.veth_t], mode="enforce", sample_rate=0
    )
    with entered(lab.target):
        service.startService()
        assert service.status()["state"] == "starting"
        backend = await service.ready()
    assert backend is service.xdp
    status = service.status()
    assert status["state"] == "enforcing"
    assert status["backend"] == "xdp"
    assert status["mode"] == "enforce"
    assert status["interfaces"] == {
        lab.veth_t: {"attach": "native", "prog_id": service.xdp.prog_id, "reason": None}
    }
    assert notices(events)[-1]["state"] == "enforcing"
    assert lab.xdp_prog_id() == service.xdp.prog_id

    backend.add_ban(BanEntry(net(lab.sources4[0]), None))
    sender, rx = Sender(lab, lab.sources4[:2]), Receiver(lab, socket.AF_INET)
    for src in lab.sources4[:2]:
        sender.send(src, lab.target4, rx.port, 5)
    assert rx.drain() == {lab.sources4[1]: 5}
    sender.close()
    rx.close()

    await service.stopService()
    assert lab.xdp_prog_id() == 0
    assert service.status()["state"] == "stopped"
    assert notices(events)[-1]["state"] == "stopped"


@pytest_twisted.ensureDeferred
async def test_kernel_service_falls_back_to_nftables_loudly(lab: Lab, tmp_path: Path) -> None:
    shutil.copy(DEFAULT_BPF_DIR / HEADER_NAME, tmp_path / HEADER_NAME)  # but no honeymesh.c
    events: list[Event] = []
    nft_cmd = ("ip", "netns", "exec", lab.target, "nft")

    def fallback(reason: str) -> NftBackend:
        return NftBackend([lab.veth_t], reason=reason, command=nft_cmd)

    service = KernelService(
        reactor,
        events.append,
        interfaces=[lab.veth_t],
        mode="enforce",
        bpf_dir=tmp_path,
        nft_fallback=fallback,
    )
    service.startService()
    backend = await service.ready()
    assert backend is not None and backend.name == "nftables"
    status = service.status()
    assert status["state"] == "degraded"
    assert str(status["reason"]).startswith("nftables fallback because the XDP source")
    iface = cast(dict[str, Any], status["interfaces"])[lab.veth_t]
    assert iface["attach"] == "nftables"
    assert iface["reason"].startswith("degraded: nftables fallback because")
    assert notices(events)[-1]["state"] == "degraded"

    backend.add_ban(BanEntry(net(lab.sources4[0]), None))
    sender, rx = Sender(lab, lab.sources4[:2]), Receiver(lab, socket.AF_INET)
    for src in lab.sources4[:2]:
        sender.send(src, lab.target4, rx.port, 5)
    assert rx.drain() == {lab.sources4[1]: 5}
    assert backend.counters()["dropped_exact"] == 5
    sender.close()
    rx.close()

    await service.stopService()
    assert "honeymesh" not in lab.exec(lab.target, "nft", "list", "tables")


@pytest_twisted.ensureDeferred
async def test_kernel_service_without_xdp_or_fallback_is_unavailable(
    kernel_ok: None, tmp_path: Path
) -> None:
    shutil.copy(DEFAULT_BPF_DIR / HEADER_NAME, tmp_path / HEADER_NAME)
    events: list[Event] = []
    service = KernelService(reactor, events.append, interfaces=["eth-none"], bpf_dir=tmp_path)
    service.startService()
    assert await service.ready() is None
    status = service.status()
    assert status["state"] == "unavailable"
    assert str(status["reason"]).startswith("XDP unavailable: the XDP source")
    assert status["interfaces"] == {
        "eth-none": {"attach": "none", "prog_id": None, "reason": status["reason"]}
    }
    assert notices(events)[-1]["state"] == "unavailable"
    await service.stopService()


@pytest_twisted.ensureDeferred
async def test_stopping_while_compiling_attaches_nothing(lab: Lab) -> None:
    await _warm_thread_pool()
    events: list[Event] = []
    service = KernelService(reactor, events.append, interfaces=[lab.veth_t], sample_rate=0)
    with entered(lab.target):
        service.startService()
        await service.stopService()  # before the compile thread has finished
        assert await service.ready() is None
    assert lab.xdp_prog_id() == 0
    assert service.status()["state"] == "stopped"
