"""Scan to ban: time from the packet that crosses the scan threshold to the ban decision.

Real packets between two network namespaces (root needed). In the target namespace: traps on
``TRAP_PORTS``, HoneyMesh's XDP program on the veth sampling SYNs to unserved ports into its
ring buffer, the detection pipeline, the policy engine in ENFORCE mode, the BanList writing
SQLite (``synchronous = full``) and the XDP maps. A decision fires only once the ban is
committed and in the kernel map.

Each trial is a new source address in the attacker namespace that touches ``scan_ports - 1``
ports, waits, then sends the one packet that crosses the threshold; the clock starts just before
that packet leaves and stops when the policy engine's Decision fires:

- ``kernel`` feed: SYNs to unserved ports (ring buffer -> pipeline.packet);
- ``trap`` feed: TCP connections to trap ports, closed at once (trap.session on the bus).

    sudo .venv/bin/python bench/scan_latency.py [--trials 100]

One JSON line per feed: p50, p90, p99, max in milliseconds, and p99 against the 50 ms aim.
"""

from __future__ import annotations

import argparse
import errno
import json
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from twisted.internet import reactor, threads  # noqa: E402
from twisted.internet.defer import Deferred, ensureDeferred  # noqa: E402
from twisted.internet.task import deferLater  # noqa: E402
from twisted.python.failure import Failure  # noqa: E402

from bench import _args as argtypes  # noqa: E402
from honeymesh.config import BannerTrapConfig, DetectionConfig, PolicyConfig  # noqa: E402
from honeymesh.detection.pipeline import DetectionPipeline, trap_policies  # noqa: E402
from honeymesh.detection.scoring import PayloadRules, Reputation  # noqa: E402
from honeymesh.detection.traps.registry import TrapContext, build_trap  # noqa: E402
from honeymesh.enforcement.banlist import BanList, builtin_allows  # noqa: E402
from honeymesh.enforcement.kernel import ServedPorts, XdpBackend  # noqa: E402
from honeymesh.events import Decision, EventBus, Verdict  # noqa: E402
from honeymesh.listeners import ListenerService  # noqa: E402
from honeymesh.policy.engine import PolicyEngine  # noqa: E402
from honeymesh.store.db import Store  # noqa: E402
from tests.kernel.netns import Lab, entered, make_lab  # noqa: E402

DETECTION = DetectionConfig()  # the shipped thresholds: 12 ports in 60 s
TRAP_PORTS = tuple(range(7001, 7001 + DETECTION.scan_ports))
UNSERVED = tuple(range(20001, 20001 + DETECTION.scan_ports))
AIM_MS = 50.0
r: Any = reactor


def sleep(seconds: float) -> Deferred[None]:
    return deferLater(r, seconds, lambda: None)


class Node:
    def __init__(self, lab: Lab, tmp: Path) -> None:
        self.lab = lab
        self.bus = EventBus()
        self.xdp = XdpBackend([lab.veth_t], sample_rate=5000, sample_burst=1000)
        self.store = Store(tmp / "hm.db", r)  # synchronous = full, the appliance default
        self.banlist = BanList(
            self.store, self.xdp, r, self.bus.publish, builtin=builtin_allows(())
        )
        self.engine = PolicyEngine(
            self.banlist, self.store, PolicyConfig(), r, self.bus.publish, initial_mode="enforce"
        )
        self.decided: dict[str, float] = {}
        trap = BannerTrapConfig(name="banner", ports=TRAP_PORTS, bind=(lab.target4,))
        self.pipeline = DetectionPipeline(
            config=DETECTION,
            traps=trap_policies((trap,)),
            rules=PayloadRules.shipped(),
            reputation=Reputation.shipped(),
            clock=r,
            publish=self.bus.publish,
            decide=self.decide,
        )
        self.bus.subscribe(self.pipeline)
        context = TrapContext(
            clock=r,
            publish=self.bus.publish,
            data_path=lambda p: tmp / p,
            node_cert=tmp / "none.crt",
            node_key=tmp / "none.key",
        )
        built = build_trap(trap, context)
        self.listeners = [
            ListenerService(
                name="banner", kind="trap", transport="tcp", address=lab.target4, port=port,
                reactor=r, clock=r, publish=self.bus.publish, factory=built.factory, backlog=1024,
            )
            for port in TRAP_PORTS
        ]  # fmt: skip

    def decide(self, verdict: Verdict) -> Deferred[Decision]:
        def done(decision: Decision) -> Decision:
            if decision.action == "ban":
                self.decided.setdefault(decision.source, time.monotonic())
            return decision

        return self.engine.decide(verdict).addCallback(done)

    async def start(self) -> None:
        self.xdp.load()
        with entered(self.lab.target):
            self.xdp.attach()
            for listener in self.listeners:
                listener.startService()
        self.xdp.set_served_ports(ServedPorts(tcp=frozenset(TRAP_PORTS)))
        await self.store.start()
        await self.banlist.load()
        await self.engine.load()

        def deliver(batch: Any) -> None:
            for s in batch:
                self.pipeline.packet(s.src, s.dst, s.dport, s.proto, s.time)

        self.xdp.start_sampling(r, deliver)

    async def stop(self) -> None:
        self.xdp.stop_sampling()
        for listener in self.listeners:
            await listener.stopService()
        await self.store.stop()
        self.xdp.close()


def touch(lab: Lab, source: str, port: int, *, complete: bool) -> None:
    """From ``source`` in the attacker namespace: a SYN (``complete``: a whole connection)."""
    with entered(lab.attacker):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with s:
        s.bind((source, 0))
        if complete:
            s.settimeout(2.0)
            s.connect((lab.target4, port))
            return
        s.setblocking(False)
        err = s.connect_ex((lab.target4, port))
        if err not in (0, errno.EINPROGRESS):
            raise OSError(err, f"connect to {port}: {errno.errorcode.get(err)}")


async def trial(node: Node, source: str, feed: str) -> float:
    ports = TRAP_PORTS if feed == "trap" else UNSERVED
    complete = feed == "trap"
    for port in ports[:-1]:
        await threads.deferToThread(touch, node.lab, source, port, complete=complete)
    await sleep(0.15)  # the first ports are in; only the last one is timed
    assert source not in node.decided, "banned before the threshold"

    def crossing() -> float:
        started = time.monotonic()
        touch(node.lab, source, ports[-1], complete=complete)
        return started

    started = await threads.deferToThread(crossing)
    for _ in range(400):
        if source in node.decided:
            return (node.decided[source] - started) * 1000
        await sleep(0.005)
    raise RuntimeError(f"no ban decision for {source} ({feed} feed)")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def run(trials: int) -> None:
    lab = make_lab(n_sources=2 * trials)
    try:
        with tempfile.TemporaryDirectory(prefix="bench-scan-") as tmp:
            node = Node(lab, Path(tmp))
            await node.start()
            try:
                for i, feed in enumerate(("kernel", "trap")):
                    sources = lab.sources4[i * trials : (i + 1) * trials]
                    latencies = [await trial(node, source, feed) for source in sources]
                    p99 = percentile(latencies, 99)
                    print(json.dumps({
                        "bench": "scan_to_ban", "feed": feed, "trials": trials,
                        "threshold_ports": DETECTION.scan_ports,
                        "p50_ms": round(statistics.median(latencies), 2),
                        "p90_ms": round(percentile(latencies, 90), 2),
                        "p99_ms": round(p99, 2), "max_ms": round(max(latencies), 2),
                        "aim_p99_ms": AIM_MS, "p99_over_aim": round(p99 / AIM_MS, 3),
                    }), flush=True)  # fmt: skip
            finally:
                await node.stop()
    finally:
        lab.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--trials", type=argtypes.count, default=100)
    args = parser.parse_args()
    failures: list[BaseException] = []

    def failed(failure: Failure) -> None:
        failures.append(failure.value or RuntimeError(failure.getErrorMessage()))

    def go() -> None:
        d = ensureDeferred(run(args.trials))
        d.addErrback(failed)
        d.addBoth(lambda _: r.stop())

    r.callWhenRunning(go)
    r.run()
    if failures:
        raise failures[0]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
