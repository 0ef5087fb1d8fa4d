"""Instructions per trap session: HoneyMesh against OpenCanary, counted, not timed, in one run.

``bench/traps.py`` times each server's CPU, and on this VM one server's CPU a session moves by
a fifth between runs (OpenCanary's redis session 110-173 us in one night), which hides any
change of a few per cent. This runs the same servers and the same client, each server under
valgrind's callgrind, and counts the instructions the server executes in user space (every
thread: the reactor, the store's writer) over the measured sessions only: the warm-up and the
start-up are not counted (``--instr-atstart=no``, then ``callgrind_control --instr=on/off``).
The count is the same from run to run within a few tenths of a per cent, whatever else the
machine does. Each server's idle work (its timers) is counted too, over a few seconds without
traffic, and ``instructions_per_session_less_idle`` takes it off the measured window's count:
under valgrind the sessions last ~50 times longer, and so would the idle work charged to them.

What it does not count: the kernel's work for the server's system calls (accept, epoll, the
socket I/O, fsync), which is about a quarter of a session's CPU on both sides, and what an
instruction costs (cache misses, a context switch): ``bench/traps.py`` remains the measure of
CPU; this one says which side executes more and moves when a change does. Under valgrind the
server runs about 50 times slower and its threads one at a time, so the store's writer takes
larger batches than it would: its share per session is somewhat lower than on the real CPU.

    .venv/bin/python bench/trap_instructions.py [--protocols redis,mysql,http] [--sessions 1000]

Needs valgrind (Debian's package; installed by ``scripts/setup.sh test``) and OpenCanary
(``bench/traps.py --setup``). One JSON line per server and protocol, then the ratios
(OpenCanary's instructions over ours: above 1, HoneyMesh executes fewer). Traffic stays on
127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench import _args as argtypes
from bench import traps  # the servers and the client of bench/traps.py

WARMUP = 100
START_TIMEOUT = 600.0  # seconds: the appliance imports and starts ~50x slower under valgrind
IDLE = 5.0  # seconds of no traffic over which each server's idle instructions are counted
SERVERS = ("opencanary", "honeymesh", "honeymesh-trap-core")


def control(pid: int, *args: str) -> None:
    """Tell the server's callgrind (through vgdb); a minute at most."""
    done = subprocess.run(
        ["callgrind_control", *args, str(pid)],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    if done.returncode != 0:
        raise RuntimeError(f"callgrind_control {' '.join(args)}: {done.stderr or done.stdout}")


def totals(out: Path) -> int:
    """Instructions in callgrind's dumps so far: ``totals:`` of each part (each dump holds what
    was counted since the one before)."""
    count = 0
    for part in out.parent.glob(out.name + "*"):
        for line in part.read_text().splitlines():
            if line.startswith("totals:"):
                count += int(line.split()[1])
    return count


def counted(pid: int, out: Path) -> int:
    """Instructions counted since the last dump: dump now, and wait until it is written."""
    before = totals(out)
    control(pid, "--dump")
    deadline = time.monotonic() + 60
    while (now := totals(out)) == before and time.monotonic() < deadline:
        time.sleep(0.2)
    return now - before


def measure(server: str, protocol: str, sessions: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix=f"bench-instr-{server}-") as tmp:
        workdir = Path(tmp)
        out = workdir / "callgrind.out"
        prefix = (
            "valgrind",
            "--tool=callgrind",
            "--instr-atstart=no",
            f"--callgrind-out-file={out}.%p",  # a forked child's dumps apart from the server's
            f"--log-file={workdir / 'valgrind.log'}",
        )
        port = traps.free_port()
        logtype = int(str(traps.PROTOCOLS[protocol]["logtype"]))
        if server == "opencanary":
            proc, records = traps.opencanary_server(protocol, port, workdir, prefix)
        else:
            variant = "core" if server == "honeymesh-trap-core" else "appliance"
            proc, records = traps.honeymesh_server(protocol, port, workdir, variant, prefix)

        def recorded() -> int:
            if not records.exists():
                return 0
            if server == "opencanary":
                return traps.opencanary_recorded(records, logtype)
            return traps.honeymesh_recorded(records)

        try:
            mine = Path(f"{out}.{proc.pid}")
            traps.wait_listening(port, proc, timeout=START_TIMEOUT)
            if server != "opencanary":
                traps.wait_ready(workdir, proc, timeout=START_TIMEOUT)
            asyncio.run(traps.drive(protocol, port, WARMUP, 0))
            traps.wait_recorded(recorded, WARMUP, timeout=START_TIMEOUT)
            traps.wait_settled(proc.pid, timeout=START_TIMEOUT)  # the warm-up's last commit
            # What the server does with no traffic (its timers), counted over IDLE seconds:
            # under valgrind the sessions take ~50 times longer, and so would its idle work.
            control(proc.pid, "--instr=on")
            time.sleep(IDLE)
            control(proc.pid, "--instr=off")
            idle_per_s = counted(proc.pid, mine) / IDLE
            control(proc.pid, "--instr=on")
            started = time.monotonic()
            asyncio.run(traps.drive(protocol, port, sessions, WARMUP))
            traps.wait_recorded(recorded, WARMUP + sessions, timeout=START_TIMEOUT)
            control(proc.pid, "--instr=off")
            window = time.monotonic() - started
            count = counted(proc.pid, mine)
            lost = WARMUP + sessions - recorded()
        finally:
            traps.stop(proc)
        if not count:
            raise RuntimeError(f"{server}: callgrind wrote no count ({workdir / 'valgrind.log'})")
        if lost:
            raise RuntimeError(f"{server}: {lost} of {WARMUP + sessions} sessions not recorded")
        return {
            "bench": "trap_instructions",
            "protocol": protocol,
            "server": server,
            "sessions": sessions,
            "instructions_per_session": round(count / sessions),
            "idle_instructions_per_s": round(idle_per_s),
            "window_s": round(window, 1),
            "instructions_per_session_less_idle": round(
                max(count - idle_per_s * window, 0) / sessions
            ),
            "lost": lost,
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--protocols", default="redis,mysql,http")
    parser.add_argument("--sessions", type=argtypes.count, default=1000)
    args = parser.parse_args()
    unknown = set(args.protocols.split(",")) - set(traps.PROTOCOLS)
    if unknown:
        parser.error(f"protocols among {', '.join(traps.PROTOCOLS)}")
    missing = [tool for tool in ("valgrind", "callgrind_control") if not shutil.which(tool)]
    if missing:
        why = f"{', '.join(missing)} not found: apt-get install valgrind (scripts/setup.sh test)"
        print(json.dumps({"bench": "trap_instructions", "error": why}))
        return 1
    if not (traps.OPENCANARY_VENV / "bin/twistd").exists():
        why = "OpenCanary is not installed: run bench/traps.py --setup (pip install opencanary)"
        print(json.dumps({"bench": "trap_instructions", "error": why}))
        return 1
    for protocol in args.protocols.split(","):
        counts = {}
        for server in SERVERS:
            line = measure(server, protocol, args.sessions)
            print(json.dumps(line), flush=True)
            counts[server] = int(str(line["instructions_per_session"]))
        for server in SERVERS[1:]:
            ratio = {
                "bench": "trap_instructions",
                "protocol": protocol,
                "server": server,
                "ratio_instructions_vs_opencanary": round(counts["opencanary"] / counts[server], 2),
                "aim": 1.0 if server == "honeymesh" else 2.0,
            }
            print(json.dumps(ratio), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
