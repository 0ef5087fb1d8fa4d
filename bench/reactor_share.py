"""Is the one reactor thread the appliance's ceiling? Its share of the server's CPU under load.

Starts the appliance with one trap as ``bench/traps.py`` does (``--workers N``: with that many
trap workers), drives it flat out with the same client, and reads each thread's CPU time
(``/proc/PID/task/TID/stat``) before and after: the reactor thread (TID = PID) of the daemon
and of each worker, and the daemon's other threads (the store's writer, the thread pool).

    .venv/bin/python bench/reactor_share.py [--protocol redis] [--sessions 6000] [--workers 0]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench import _args as argtypes
from bench import traps as bench


def thread_cpu(pid: int, tid: int) -> float:
    fields = Path(f"/proc/{pid}/task/{tid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def threads(pid: int) -> dict[int, float]:
    out = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            out[int(tid)] = thread_cpu(pid, int(tid))
        except OSError:
            continue  # a thread that ended meanwhile
    return out


def workers(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            ppid = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            if ppid == pid and b"workers.child" in Path(f"/proc/{entry}/cmdline").read_bytes():
                found.append(int(entry))
        except (OSError, ValueError):
            continue
    return sorted(found)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--protocol", default="redis", choices=sorted(bench.SESSIONS))
    parser.add_argument("--sessions", type=argtypes.count, default=6000)
    parser.add_argument("--workers", type=argtypes.amount, default=0)
    args = parser.parse_args()
    variant = f"workers-{args.workers}" if args.workers else "appliance"
    with tempfile.TemporaryDirectory(prefix="bench-reactor-") as tmp:
        port = bench.free_port()
        proc, records = bench.honeymesh_server(args.protocol, port, Path(tmp), variant)
        try:
            bench.wait_listening(port, proc)
            bench.wait_ready(Path(tmp), proc)
            asyncio.run(bench.drive(args.protocol, port, bench.WARMUP, 0))
            bench.wait_settled(proc.pid)
            kids = workers(proc.pid)
            before = {pid: threads(pid) for pid in [proc.pid, *kids]}
            started = time.perf_counter()
            seconds = asyncio.run(bench.drive(args.protocol, port, args.sessions, bench.WARMUP))
            wall = time.perf_counter() - started
            after = {pid: threads(pid) for pid in [proc.pid, *kids]}
            bench.require_recorded(records, bench.WARMUP + args.sessions)
        finally:
            bench.stop(proc)

    def spent(pid: int, tid: int) -> float:
        return after[pid].get(tid, 0.0) - before[pid].get(tid, 0.0)

    reactor = spent(proc.pid, proc.pid)
    others = sum(spent(proc.pid, tid) for tid in after[proc.pid] if tid != proc.pid)
    line = {
        "bench": "reactor_share",
        "protocol": args.protocol,
        "workers": args.workers,
        "sessions": args.sessions,
        "sessions_per_s": round(args.sessions / seconds, 1),
        "reactor_cpu_s": round(reactor, 2),
        "reactor_share_of_a_core": round(reactor / wall, 3),
        "other_threads_cpu_s": round(others, 2),
        "reactor_share_of_daemon_cpu": round(reactor / max(reactor + others, 1e-9), 3),
        "worker_reactor_share_of_a_core": [round(spent(k, k) / wall, 3) for k in kids],
        "load_average": round(os.getloadavg()[0], 2),
    }
    print(json.dumps(line), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
