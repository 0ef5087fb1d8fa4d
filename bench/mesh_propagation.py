"""How fast a ban spreads through the mesh, over how many hops, at what cost in copies.

    .venv/bin/python bench/mesh_propagation.py [--sizes 3,10,30] [--signals 20]
                                               [--leaves 0.3] [--timeout 30] [--gap 0.25]

For each size, real ``twistd honeymesh`` processes on loopback (``tests.mesh.cluster``), formed
through the first node, every node in ENFORCE mode: 3 and 10 nodes with the default degree (6:
a full mesh), 30 as a partial mesh with ``[mesh] degree = 3``. Each size runs twice: every node
relaying, then with ``--leaves`` of the nodes (not the founder) configured ``[mesh] relay =
false`` (silent leaves: they publish and consume, relay nothing, answer no catch-up).

``--signals`` operator bans are published, ``--gap`` seconds apart, each on the next node in
turn. Latency, per (signal, receiving node): from just before the POST on the publisher to the
``created`` time of the mesh ban in the receiver's ban list (the same host clock). The ban list is
what is measured, not the kernel map: attaching XDP on every one of 30 processes needs a
namespace and a veth each; the kernel's share (ban list to map) is in bench/xdp.py. Reported:
p50 and p99 over (signal, node) pairs, p50 and p99 of the time until every node holds a signal,
the percentage of pairs delivered by ``--timeout``, gossip hops (each receiver's ban names the
peer it came ``via``; a receiver's hops are one more than that peer's, the publisher's are 0),
and copies received per node per signal (``GET /api/v1/mesh`` counters: accepted + duplicates,
over the signals that node did not publish itself).

Prints one JSON line per result.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import _args as argtypes  # noqa: E402
from tests.e2e.daemon import free_port  # noqa: E402
from tests.mesh.cluster import Cluster, MeshNode  # noqa: E402
from tests.mesh.namespaced import tune  # noqa: E402

T = TypeVar("T")
PARALLEL = 2  # daemons started, joined and stopped at once (one per core)


def emit(result: dict[str, Any]) -> None:
    print(json.dumps({"bench": "mesh_propagation", **result}), flush=True)


def each(fn: Callable[[MeshNode], T], nodes: list[MeshNode]) -> list[T]:
    with ThreadPoolExecutor(PARALLEL) as pool:
        return list(pool.map(fn, nodes))


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def ms(value: float | None) -> float | None:
    return None if value is None else round(value * 1000, 1)


def wait(check: Callable[[], bool], timeout: float, step: float = 0.2) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(step)
    return check()


# One cluster ------------------------------------------------------------------------------------


def build(cluster: Cluster, root: Path, size: int, degree: int, leaves: set[int]) -> None:
    """Start, join and link ``size`` nodes into ``cluster`` (the caller stops them)."""
    for i in range(size):
        node = MeshNode(f"n{i}", root / f"n{i}", free_port())
        mesh: dict[str, Any] = {"degree": degree}
        if i in leaves:
            mesh["relay"] = False
        tune(node, mesh=mesh)
        cluster.nodes.append(node)

    def start(node: MeshNode) -> None:
        try:
            node.start()
        except AssertionError:  # not ready in the harness's 20 s: a loaded machine; once more
            node.stop()
            node.start()
        node.api("POST", "/api/v1/mode", {"mode": "enforce"})

    each(start, cluster.nodes)
    founder, others = cluster.nodes[0], cluster.nodes[1:]
    token = founder.token(uses=max(1, size - 1), ttl=3600)
    each(lambda n: n.join(token), others)
    want = min(degree, size - 1)

    def linked() -> bool:
        counts = [n.status()["peers"]["active"] for n in cluster.nodes]
        return bool(min(counts) >= want)

    if not wait(linked, 120, 1.0):
        raise RuntimeError("the mesh did not form in 120 s")
    time.sleep(2)  # a settled mesh: dialers that lost a duplicate-connection race redial


def counters(node: MeshNode) -> tuple[int, int]:
    c = node.status()["counters"]
    return int(c["signals_accepted"]), int(c["duplicates"])


def run(
    root: Path, size: int, degree: int, leaf_share: float, signals: int, gap: float, timeout: float
) -> dict[str, Any]:
    rng = random.Random(size)
    leaves = set(rng.sample(range(1, size), round(leaf_share * size))) if leaf_share else set()
    started = time.monotonic()
    cluster = Cluster(root, 0)
    nodes = cluster.nodes
    try:
        build(cluster, root, size, degree, leaves)
        formed = time.monotonic() - started
        ids = {n.name: n.node_id for n in nodes}
        by_id = {v: k for k, v in ids.items()}
        before = {n.name: counters(n) for n in nodes}
        links = [n.status()["peers"]["active"] for n in nodes]
        published: list[tuple[str, str, float]] = []  # (network, publisher name, t0)
        for i in range(signals):
            publisher = nodes[i % size]
            network = f"198.18.{(i + 1) // 256 % 256}.{(i + 1) % 256}"
            t0 = time.time()
            body = {"network": network, "duration": "1h", "reason": "propagation"}
            publisher.api("POST", "/api/v1/bans", body)
            published.append((f"{network}/32", publisher.name, t0))
            time.sleep(gap)

        held: dict[str, dict[str, dict[str, Any]]] = {}

        def poll(node: MeshNode) -> dict[str, dict[str, Any]]:
            bans = node.api("GET", "/api/v1/bans?limit=10000")["bans"]
            return {b["network"]: b for b in bans if b["source"] == "mesh"}

        def complete() -> bool:
            held.update(zip((n.name for n in nodes), each(poll, nodes), strict=True))
            return all(
                net in held[n.name]
                for net, origin, _ in published
                for n in nodes
                if n.name != origin
            )

        wait(complete, timeout, 0.5)
        after = {n.name: counters(n) for n in nodes}

        latencies: list[float] = []
        everyone: list[float] = []
        hops: list[int] = []
        pairs = delivered = 0
        for net, origin, t0 in published:
            times, via = [], {}
            for n in nodes:
                if n.name == origin:
                    continue
                pairs += 1
                ban = held[n.name].get(net)
                if ban is None:
                    continue
                delivered += 1
                times.append(ban["created"] - t0)
                via[n.name] = by_id.get(str(ban["provenance"].get("via")), "?")
            latencies += times
            if len(times) == size - 1:
                everyone.append(max(times))
            hops += [h for h in (_hops(name, origin, via) for name in via) if h is not None]

        copies = []
        for n in nodes:
            own = sum(1 for _, origin, _ in published if origin == n.name)
            received = sum(after[n.name]) - sum(before[n.name])
            copies.append(received / max(1, signals - own))
        return {
            "nodes": size,
            "degree": degree,
            "leaves": len(leaves),
            "signals": signals,
            "measured": "ban list (created), not the kernel map",
            "p50_ms": ms(percentile(latencies, 0.5)),
            "p99_ms": ms(percentile(latencies, 0.99)),
            "all_nodes_p50_ms": ms(percentile(everyone, 0.5)),
            "all_nodes_p99_ms": ms(percentile(everyone, 0.99)),
            "delivered_pct": round(100 * delivered / max(1, pairs), 2),
            "delivered_1s_pct": round(100 * sum(t <= 1 for t in latencies) / max(1, pairs), 2),
            "hops_mean": round(statistics.fmean(hops), 2) if hops else None,
            "hops_max": max(hops, default=None),
            "hops": {str(h): hops.count(h) for h in sorted(set(hops))},
            "copies_per_node_per_signal_mean": round(statistics.fmean(copies), 2),
            "copies_per_node_per_signal_max": round(max(copies), 2),
            "links_per_node_mean": round(statistics.fmean(links), 2),
            "formed_s": round(formed, 1),
        }
    finally:
        each(MeshNode.stop, nodes)


def _hops(name: str, origin: str, via: dict[str, str]) -> int | None:
    """Hops from the publisher to ``name`` along first deliveries (None: a broken chain)."""
    count, at, seen = 0, name, set()
    while at != origin:
        if at in seen or at not in via:
            return None
        seen.add(at)
        at = via[at]
        count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=argtypes.counts(2), default=[3, 10, 30])
    parser.add_argument("--signals", type=argtypes.count, default=20)
    parser.add_argument("--leaves", type=argtypes.share, default=0.3, help="share of silent leaves")
    parser.add_argument(
        "--timeout", type=argtypes.positive, default=30.0, help="seconds to wait for all"
    )
    parser.add_argument("--gap", type=argtypes.span, default=0.25, help="seconds between bans")
    args = parser.parse_args()
    for size in args.sizes:  # the leaves are drawn from the nodes besides the publisher
        if round(args.leaves * size) > size - 1:
            parser.error(f"--leaves {args.leaves} of {size} nodes: more than the publisher's peers")
    for size in args.sizes:
        degree = 3 if size >= 30 else 6
        for share in (0.0, args.leaves):
            with tempfile.TemporaryDirectory(prefix=f"mesh-prop-{size}-") as tmp:
                emit(run(Path(tmp), size, degree, share, args.signals, args.gap, args.timeout))


if __name__ == "__main__":
    main()
