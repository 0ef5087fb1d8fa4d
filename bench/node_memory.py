"""What a node costs in memory when many run on one machine: RSS, PSS and the machine's share.

    .venv/bin/python bench/node_memory.py [--sizes 1,10,30] [--degree 3] [--settle 5]

Issue 15 measured 165 MB RSS a daemon with bcc's LLVM in it, so 30 mesh nodes on one machine
held 5 GB. For each size, real ``twistd honeymesh`` processes on loopback
(``tests.mesh.cluster``, started, joined and linked by bench/mesh_propagation.py's ``build``:
Pro licence, sharing on, ENFORCE, no trap workers; no XDP interface, but each daemon still
loads the program and creates its maps), one mesh through the first node with
``[mesh] degree`` = ``--degree`` (each node keeps that many links, so beyond degree + 1
nodes the mesh is partial), then left ``--settle`` seconds.
Reported per node (median, max):

- RSS, what ``ps`` shows: every page the process maps, the libraries' and the interpreter's
  pages that all the daemons share counted again in each;
- PSS (``/proc/PID/smaps_rollup``): each shared page divided among the processes mapping it,
  so the sizes' PSS add up to what they hold together;
- anonymous memory: the process's own heap, which no other shares;

and for the machine, ``MemAvailable`` before the first daemon starts (once it has settled from
the size before) and with all of them up,
divided by the size: what one more node takes, the kernel memory of its XDP maps included,
which no process's RSS or PSS shows (one sample each side, so whatever else the
machine does meanwhile is in it: run it on a quiet machine, and trust it at 10 or 30 nodes
more than at 1). Beside it, the ratio to 165 MB (issue 15's RSS a daemon). One JSON line per
size.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import _args as argtypes  # noqa: E402
from bench.mesh_propagation import build  # noqa: E402
from tests.mesh.cluster import Cluster  # noqa: E402

ISSUE_RSS_MB = 165.0  # issue 15: a daemon's RSS with no bans, bcc's LLVM in it


def kib(path: Path, field: str) -> int:
    """``field``'s value in kB from a /proc file of ``Name: value kB`` lines."""
    for line in path.read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} in {path}")


def settled_available(timeout: float = 60.0) -> int:
    """``MemAvailable`` once it has stopped moving (within 1 MB over 2 s): a stopped daemon's
    maps are freed by the kernel for seconds after it exits, which would read as memory the
    next size's nodes did not take."""
    deadline = time.monotonic() + timeout
    last = kib(Path("/proc/meminfo"), "MemAvailable")
    while time.monotonic() < deadline:
        time.sleep(2.0)
        now = kib(Path("/proc/meminfo"), "MemAvailable")
        if abs(now - last) < 1024:
            return now
        last = now
    raise RuntimeError(f"MemAvailable still moving after {timeout} s")


def measure(size: int, degree: int, settle: float) -> dict[str, object]:
    available_before = settled_available()
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as tmp:
        cluster = Cluster(Path(tmp), 0)
        try:
            build(cluster, Path(tmp), size, degree, leaves=set())
            time.sleep(settle)
            pids = []
            for node in cluster.nodes:
                assert node.daemon is not None
                backend = node.api("GET", "/api/v1/status")["kernel"]["backend"]
                if backend != "xdp":  # not root, or no bcc: no maps, a different figure
                    raise RuntimeError(f"{node.name} runs {backend!r}, not the XDP program")
                pids.append(node.daemon.proc.pid)
            rss = [kib(Path(f"/proc/{pid}/status"), "VmRSS") / 1024 for pid in pids]
            pss = [kib(Path(f"/proc/{pid}/smaps_rollup"), "Pss") / 1024 for pid in pids]
            anon = [kib(Path(f"/proc/{pid}/status"), "RssAnon") / 1024 for pid in pids]
            available_after = kib(Path("/proc/meminfo"), "MemAvailable")
        finally:
            cluster.stop()
    taken = (available_before - available_after) / 1024
    return {
        "bench": "node_memory",
        "nodes": size,
        "degree": degree,
        "rss_mb": {"median": round(statistics.median(rss), 1), "max": round(max(rss), 1)},
        "pss_mb": {"median": round(statistics.median(pss), 1), "max": round(max(pss), 1)},
        "anon_mb": {"median": round(statistics.median(anon), 1), "max": round(max(anon), 1)},
        "pss_total_mb": round(sum(pss), 1),
        "machine_mb_per_node": round(taken / size, 1),
        "machine_mb_total": round(taken, 1),
        "ratio_issue_rss_vs_machine_per_node": (
            round(ISSUE_RSS_MB / (taken / size), 2) if taken > 0 else None
        ),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", type=argtypes.counts(1), default=[1, 10, 30])
    parser.add_argument("--degree", type=argtypes.count, default=3)
    parser.add_argument("--settle", type=argtypes.span, default=5.0)
    args = parser.parse_args()
    for size in args.sizes:
        print(json.dumps(measure(size, args.degree, args.settle)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
