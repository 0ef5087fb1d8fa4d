"""Where a trap session's CPU and wake-ups go, thread by thread, in the appliance and its core.

``bench/traps.py`` counts a whole server; this splits the same sessions over the server's
threads (the reactor, the store's writer, the kernel sampler, ...) from /proc/PID/task/*/
schedstat: CPU time, and how often each thread was put on a CPU (a wake-up). At a trickle a
wake-up costs this VM more than the work it wakes for, so this is where a paced run's cost
shows (docs/BENCHMARKS.md, "Third pass").

    .venv/bin/python bench/trap_threads.py [--protocol ftp] [--sessions 300] [--pace 15]

Prints one JSON line per thread and variant (``traps.thread_stats``: "main" for the reactor,
the others by the name the kernel knows them by, ``honeymesh-store`` for the writer; a thread
HoneyMesh does not name carries the name of the thread that started it, ``python`` here), then
a total per variant. Traffic stays on
127.0.0.1. Run it on a quiet machine: CPU per session moves with the load.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench import _args as argtypes
from bench import traps  # the servers and the client of bench/traps.py

WARMUP = 50


def measure(protocol: str, variant: str, sessions: int, pace: float) -> list[dict[str, object]]:
    with tempfile.TemporaryDirectory(prefix="bench-threads-") as tmp:
        port = traps.free_port()
        proc, records = traps.honeymesh_server(protocol, port, Path(tmp), variant)
        try:
            traps.wait_listening(port, proc)
            traps.wait_ready(Path(tmp), proc)
            asyncio.run(traps.drive(protocol, port, WARMUP, 0))
            traps.wait_settled(proc.pid)
            before = traps.thread_stats(proc.pid)
            asyncio.run(traps.drive(protocol, port, sessions, WARMUP, pace))
            time.sleep(1.0)  # the last sessions' records: written within 250 ms
            after = traps.thread_stats(proc.pid)
            # Every record within the window measured, or the figures leave work out: a refused
            # session, or a write later than the second above, fails the run.
            traps.require_recorded(records, WARMUP + sessions, timeout=0.0)
        finally:
            traps.stop(proc)
    lines: list[dict[str, object]] = []
    for thread, (name, cpu, runs) in sorted(after.items()):
        _, cpu0, runs0 = before.get(thread, (name, 0, 0))
        if runs - runs0:
            lines.append(
                {
                    "bench": "trap_threads",
                    "protocol": protocol,
                    "variant": variant,
                    "pace_per_s": pace,
                    "thread": f"{name} {thread}",
                    "cpu_us_per_session": round((cpu - cpu0) / sessions / 1000, 1),
                    "wakeups_per_session": round((runs - runs0) / sessions, 2),
                }
            )
    lines.append(
        {
            "bench": "trap_threads",
            "protocol": protocol,
            "variant": variant,
            "pace_per_s": pace,
            "thread": "all",
            "cpu_us_per_session": round(sum(float(str(x["cpu_us_per_session"])) for x in lines), 1),
            "wakeups_per_session": round(
                sum(float(str(x["wakeups_per_session"])) for x in lines), 2
            ),
        }
    )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--protocol", default="ftp", choices=sorted(traps.SESSIONS))
    parser.add_argument("--sessions", type=argtypes.count, default=300)
    parser.add_argument(
        "--pace", type=argtypes.span, default=15.0, help="sessions a second, 0: flat out"
    )
    parser.add_argument("--variants", default="appliance,core")
    args = parser.parse_args()
    for variant in args.variants.split(","):
        for line in measure(args.protocol, variant, args.sessions, args.pace):
            print(json.dumps(line), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
