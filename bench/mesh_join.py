"""Mesh membership latency on this machine: how long a join takes to be accepted by every member,
and a removal to close the removed node's last connection.

    .venv/bin/python bench/mesh_join.py [--sizes 3,10,30] [--rounds 20] [--rounds-large 10]
                                        [--partial-from 30] [--degree 4] [--seed 1]

For each size N (node processes in all: N - 1 standing members and the newcomer), real
``twistd honeymesh`` daemons on loopback (``tests.mesh.cluster``), started one after the other
(each ready before the next starts), form a cluster through the first. Below ``--partial-from``
the mesh is full (``[mesh] degree`` raised so every node dials every other); from it on, partial
(``degree = --degree``, GossipSub's D). Once every member knows every other and the connection
counts have not changed for 3 s (reported: min, median, max per member), ``--rounds`` times:

1. join: a fresh daemon is started (not timed) and joins with a one-use token from a random
   member, through ``POST /api/v1/mesh/join`` (the request ``honeymesh mesh join`` sends; the
   CLI's own Python start-up, about 0.3 s, is not counted). From the request being sent:
   ``request`` (the join answered: the newcomer holds the records), ``known`` (every member has
   the admit record: its ``mesh.membership`` event counts N members, so its TLS admission now
   takes the newcomer), and in a full mesh ``accepted``: every member has an active connection
   with the newcomer, on both sides (each side's ``mesh.peer_up``). A partial mesh has no such
   moment (most members never connect to it), so instead ``first_link`` (the newcomer's first
   active connection) and ``linked`` (its D-th), counted only in rounds where it gets D within
   15 s: a dialled member already at ``[mesh] max_peers`` closes the connection after HELLO, and
   the dialer keeps its slot redialling that member, so a newcomer can stay below D
   (``short_rounds``).
2. remove: a random other member runs ``DELETE /api/v1/mesh/members/<newcomer>`` (``honeymesh
   mesh remove``). From the request: ``known`` (every member counts N - 1 members again) and
   ``closed``: the last of the newcomer's connections given up, the later of the two sides'
   ``mesh.peer_down`` for every connection it had; ``sockets``: the last of the removed daemon's
   mesh TCP connections gone from /proc (ESTABLISHED no more; polled every 5 ms, so an upper
   bound by that much). The removed daemon is stopped before the next round.

Times come from the events' own timestamps in each node's JSON log (one clock: one machine), not
from polling (``sockets`` aside). Prints one JSON line per result: p50, p99 (nearest rank:
with 20 rounds, the largest) and max in ms.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import _args as argtypes  # noqa: E402
from tests.mesh.cluster import Cluster, MeshNode, tcp_connections  # noqa: E402

TIMEOUT = 60.0
T = TypeVar("T")


def emit(result: dict[str, Any]) -> None:
    print(json.dumps({"bench": "mesh_join", **result}), flush=True)


def percentile(values: list[float], q: float) -> float:
    """Nearest rank: the smallest value with at least q of the values at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def summary(values: list[float]) -> dict[str, float]:
    ms = [v * 1000 for v in values]
    return {
        "p50_ms": round(percentile(ms, 0.5), 1),
        "p99_ms": round(percentile(ms, 0.99), 1),
        "max_ms": round(max(ms), 1),
    }


class Events:
    """A node's JSON log, read on from where the last look stopped."""

    def __init__(self, node: MeshNode) -> None:
        self.path = node.data_dir / "log" / "honeymesh.jsonl"
        self.offset = 0
        self.seen: list[dict[str, Any]] = []

    def read(self) -> list[dict[str, Any]]:
        if not self.path.exists():
            return self.seen
        with self.path.open("rb") as f:
            f.seek(self.offset)
            chunk = f.read()
        whole = chunk[: chunk.rfind(b"\n") + 1]  # a line still being written waits
        self.offset += len(whole)
        for line in whole.splitlines():
            record = json.loads(line)
            if str(record.get("event_id", "")).startswith("mesh."):
                self.seen.append(record)
        return self.seen

    def since(self, t0: float, event_id: str) -> list[dict[str, Any]]:
        return [e for e in self.read() if e["event_id"] == event_id and e["time"] >= t0]


def first(events: list[dict[str, Any]], **detail: Any) -> float | None:
    for e in events:
        if all(e["detail"].get(k) == v for k, v in detail.items()):
            return float(e["time"])
    return None


def mesh_established(node: MeshNode, ports: set[int]) -> int:
    """The daemon's established TCP connections on a mesh port, from /proc."""
    return sum(1 for pair in tcp_connections(node) if set(pair) & ports)


def settled(members: list[MeshNode], *, full: bool) -> list[int] | None:
    """Each member's active connections once every member knows every other and has at least
    one (in a full mesh: all of them); None before that."""
    actives = []
    for n in members:
        s = n.status()
        if s["members"] != len(members) or s["peers"]["active"] < 1:
            return None
        if full and s["peers"]["active"] < len(members) - 1:
            return None
        actives.append(int(s["peers"]["active"]))
    return actives


def stable(members: list[MeshNode], *, full: bool, quiet: float = 3.0) -> list[int]:
    """``settled``, and no member's connection count changed for ``quiet`` seconds."""
    last: list[int] | None = None
    since = time.monotonic()
    deadline = since + 300
    while time.monotonic() < deadline:
        now = settled(members, full=full)
        if now is None or now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return now
        time.sleep(0.5)
    raise TimeoutError("the mesh did not settle")


def until(measure: Callable[[], T | None], timeout: float = TIMEOUT) -> T:
    deadline = time.monotonic() + timeout
    while True:
        value = measure()
        if value is not None:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError("the mesh did not get there in time")
        time.sleep(0.05)


def latest(times: Sequence[float | None], since: float) -> float | None:
    """How long after ``since`` the last of ``times`` came; None while one is still missing."""
    if any(t is None for t in times):
        return None
    return max([t for t in times if t is not None] or [since]) - since


@dataclass
class Bench:
    """One size: the standing members, their logs, and the rounds' figures."""

    cluster: Cluster
    root: Path
    size: int
    full: bool
    degree: int
    mesh: dict[str, int]
    rng: random.Random
    standing: list[MeshNode] = field(default_factory=list)
    logs: dict[str, Events] = field(default_factory=dict)
    ids: dict[str, str] = field(default_factory=dict)
    figures: dict[str, list[float]] = field(default_factory=dict)
    short: int = 0  # partial mesh: rounds in which the newcomer never held D connections

    def __post_init__(self) -> None:
        self.standing = list(self.cluster.nodes)
        self.logs = {n.name: Events(n) for n in self.standing}
        for events in self.logs.values():
            events.read()
        self.ids = {n.name: n.node_id for n in self.standing}

    def record(self, key: str, value: float) -> None:
        self.figures.setdefault(key, []).append(value)

    def round(self) -> None:
        newcomer = self.cluster.add(self.root, mesh=self.mesh)
        mine = Events(newcomer)
        time.sleep(0.5)  # let its start-up settle
        self.join(newcomer, mine)
        self.remove(newcomer, mine)
        newcomer.stop()

    def join(self, newcomer: MeshNode, mine: Events) -> None:
        new_id = newcomer.node_id
        token = self.rng.choice(self.standing).token()
        t0 = time.time()
        answer = newcomer.join(token)
        self.record("join request", time.time() - t0)
        assert answer["members"] == self.size, answer

        def known() -> float | None:
            times = [
                first(self.logs[n.name].since(t0, "mesh.membership"), members=self.size)
                for n in self.standing
            ]
            return latest(times, t0)

        def linked(count: int) -> float | None:  # the newcomer's count-th active connection
            seen: dict[str, float] = {}
            for e in mine.since(t0, "mesh.peer_up"):
                seen.setdefault(e["detail"]["peer"], e["time"])
            if len(seen) < count:
                return None
            return sorted(seen.values())[count - 1] - t0

        def accepted() -> float | None:
            times = [
                first(self.logs[n.name].since(t0, "mesh.peer_up"), peer=new_id)
                for n in self.standing
            ]
            times += [
                first(mine.since(t0, "mesh.peer_up"), peer=self.ids[n.name]) for n in self.standing
            ]
            return latest(times, t0)

        self.record("join known", until(known))
        if self.full:
            self.record("join accepted", until(accepted))
            return
        self.record("join first_link", until(lambda: linked(1)))
        try:  # its D dialled connections, if D members take it (see the docstring)
            self.record("join linked", until(lambda: linked(self.degree), timeout=15))
        except TimeoutError:
            self.short += 1

    def remove(self, newcomer: MeshNode, mine: Events) -> None:
        new_id = newcomer.node_id
        peers = newcomer.api("GET", "/api/v1/mesh/peers")["peers"]
        links = {p["node_id"] for p in peers if p["state"] == "active"}
        linked = [n for n in self.standing if self.ids[n.name] in links]
        ports = {n.mesh_port for n in self.standing} | {newcomer.mesh_port}
        t0 = time.time()
        self.rng.choice(self.standing).api("DELETE", f"/api/v1/mesh/members/{new_id}")

        def sockets() -> float | None:  # /proc, every 5 ms: when the last one is gone
            if mesh_established(newcomer, ports):
                time.sleep(0.005)
                return None
            return time.time() - t0

        self.record("remove sockets", until(sockets))

        def known() -> float | None:
            times = [
                first(self.logs[n.name].since(t0, "mesh.membership"), members=self.size - 1)
                for n in self.standing
            ]
            return latest(times, t0)

        def closed() -> float | None:
            times = [
                first(self.logs[n.name].since(t0, "mesh.peer_down"), peer=new_id) for n in linked
            ]
            times += [
                first(mine.since(t0, "mesh.peer_down"), peer=self.ids[n.name]) for n in linked
            ]
            return latest(times, t0)

        self.record("remove known", until(known))
        self.record("remove closed", until(closed))

    def report(self) -> None:
        shape = {"nodes": self.size, "mesh": "full" if self.full else "partial"}
        shape["degree"] = self.mesh["degree"]
        for key, values in self.figures.items():
            phase, measure = key.split()
            emit(
                {"phase": phase, "measure": measure, **shape, "rounds": len(values)}
                | summary(values)
                | ({"short_rounds": self.short} if measure == "linked" else {})
            )


def run_size(
    root: Path, size: int, rounds: int, *, full: bool, degree: int, rng: random.Random
) -> None:
    mesh = {"degree": max(6, size), "max_peers": max(16, size + 2)} if full else {"degree": degree}
    cluster = Cluster(root, size - 1, mesh=mesh)
    started = time.monotonic()
    try:
        cluster.start()
        _form(cluster)
        standing = list(cluster.nodes)
        actives = sorted(stable(standing, full=full))
        emit(
            {
                "phase": "setup",
                "nodes": size,
                "mesh": "full" if full else "partial",
                "degree": mesh["degree"],
                "start_and_form_s": round(time.monotonic() - started, 1),
                "active_connections": {
                    "min": actives[0],
                    "median": actives[len(actives) // 2],
                    "max": actives[-1],
                    "members_below_degree": sum(1 for a in actives if a < mesh["degree"])
                    if not full
                    else 0,
                },
            }
        )
        bench = Bench(cluster, root, size, full, degree, mesh, rng)
        for _ in range(rounds):
            bench.round()
        bench.report()
    finally:
        cluster.stop()


def _form(cluster: Cluster) -> None:
    """Join every node through the founder, one after the other (``settled`` then waits for the
    connections, which in a partial mesh are not every pair)."""
    founder = cluster.nodes[0]
    for n in cluster.nodes[1:]:
        n.join(founder.token())


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes",
        type=argtypes.counts(2),
        default=[3, 10, 30],
        help="node processes, comma-separated",
    )
    parser.add_argument(
        "--rounds", type=argtypes.count, default=20, help="joins and removals per size"
    )
    parser.add_argument(
        "--rounds-large", type=argtypes.count, default=10, help="rounds for partial meshes"
    )
    parser.add_argument(
        "--partial-from", type=argtypes.count, default=30, help="sizes from here: partial"
    )
    parser.add_argument(
        "--degree", type=argtypes.count, default=4, help="[mesh] degree of a partial mesh"
    )
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    for size in args.sizes:
        full = size < args.partial_from
        with tempfile.TemporaryDirectory(prefix=f"mesh-join-{size}-") as where:
            run_size(
                Path(where),
                size,
                args.rounds if full else args.rounds_large,
                full=full,
                degree=args.degree,
                rng=rng,
            )


if __name__ == "__main__":
    main()
