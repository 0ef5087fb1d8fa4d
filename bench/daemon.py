"""The daemon with a million bans: restore time at start, memory, and ban-to-kernel latency.

    .venv/bin/python bench/daemon.py [--bans 1000000] [--v6 100000] [--ranges 1000] [--adds 300]

One run, as root, in a namespace lab (two namespaces, a veth pair): `twistd -n honeymesh
--interface <veth>` starts over a database holding N active bans, and again over an empty one:

1. restore: the time from the kernel service settling to the ban list restored (from the JSON
   log's own timestamps), with the maps read back against the database's counts, and the
   daemon's CPU time over the same span (its /proc/PID/stat, sampled every 20 ms while it
   starts): on a machine others load, the CPU seconds are the comparable figure;
2. memory: the daemon's RSS with the bans loaded against the same daemon with none (ratio),
   and whether bcc's compiler (libLLVM/libbcc) is mapped in the daemon at all;
3. start-up: from launching twistd to the ban list restored (log timestamp), empty and loaded;
4. latency: POST /api/v1/bans over one kept-alive HTTPS connection (what `honeymesh ban` does
   after its own start-up) until the daemon answers, which it does only after the SQLite commit
   and the kernel map update; p50 and p99. The `honeymesh ban` command as a whole (a new
   Python process each time) is reported beside it.
5. XDP as the daemon runs it, measured from outside: live frames from the attacker namespace
   (bench/xdp.py's sender) at the veth the loaded daemon guards, from one source the CLI
   banned (an expiring ban, as every policy ban is) and from the million restored sources in
   turn, against an unconditional XDP_DROP program on the same veth just before that daemon
   starts, in the same run; frames per CPU-second of the sending thread, pinned to one CPU.
   Where the kernel sends no live frames, an ``error`` line instead, and the run exits 1 after
   printing the rest (docs/KERNEL.md, "Where the kernel sends no live frames").

Prints one JSON line per result.
"""

from __future__ import annotations

import argparse
import http.client
import ipaddress
import json
import os
import socket
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import honeymesh
from bench import _args as argtypes
from bench.banlist import fill
from honeymesh.web.auth import local_operator_token
from tests.kernel.netns import Lab, entered, make_lab
from tests.nodes import Node, make_node

VENV_BIN = Path(sys.executable).parent
API_PORT = 8443
CLK_TCK = os.sysconf("SC_CLK_TCK")
# Which honeymesh the daemon runs: PYTHONPATH=<a checkout> measures that one (twistd inherits it)
CODE = str(Path(honeymesh.__file__).parent.parent)


def emit(result: dict[str, Any]) -> None:
    print(json.dumps({"bench": "daemon", **result}), flush=True)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    raise RuntimeError("no VmRSS")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of the process (all threads) so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def cpu_at(samples: list[tuple[float, float]], when: float) -> float:
    """The CPU time at wall-clock ``when``, interpolated between the samples around it."""
    before = [s for s in samples if s[0] <= when]
    after = [s for s in samples if s[0] >= when]
    if not before or not after:
        raise RuntimeError("no CPU samples around the restore")
    (t0, c0), (t1, c1) = before[-1], after[0]
    return c0 if t1 == t0 else c0 + (c1 - c0) * (when - t0) / (t1 - t0)


def llvm_mapped(pid: int) -> bool:
    """Whether bcc's compiler (libLLVM, libclang, libbcc) is in the process's address space."""
    text = Path(f"/proc/{pid}/maps").read_text()
    return any(lib in text for lib in ("libLLVM", "libclang", "libbcc"))


def log_times(node: Node) -> dict[str, float]:
    """When each event id was first logged, from the JSON log."""
    first: dict[str, float] = {}
    path = node.config.data_path(node.config.log.json_file)
    for line in path.read_text().splitlines():
        record = json.loads(line)
        event_id = record.get("event_id")
        if event_id == "kernel.state" and record["detail"].get("state") != "enforcing":
            continue
        if event_id and event_id not in first:
            first[event_id] = record["log_time"]
    return first


class Daemon:
    def __init__(self, lab: Lab, node: Node, out: Path) -> None:
        self.node = node
        self.started_wall = time.time()
        self.proc = subprocess.Popen(
            [
                "ip",
                "netns",
                "exec",
                lab.target,
                str(VENV_BIN / "twistd"),
                "--nodaemon",
                "--pidfile=",
                "honeymesh",
                "--config",
                str(node.config_path),
                "--interface",
                lab.veth_t,
            ],
            stdout=out.open("w"),
            stderr=subprocess.STDOUT,
        )
        self.cpu_samples: list[tuple[float, float]] = []  # (wall clock, CPU seconds)
        deadline = time.monotonic() + 300
        polled = 0.0
        while True:
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the daemon did not come up: {out.read_text()[-2000:]}")
            self.cpu_samples.append((time.time(), cpu_seconds(self.proc.pid)))
            if time.monotonic() - polled > 0.2:  # reading the log costs more than a sample
                polled = time.monotonic()
                if self._log_exists() and "bans.restored" in log_times(node):
                    break
            time.sleep(0.02)
        self.cpu_samples.append((time.time(), cpu_seconds(self.proc.pid)))

    def _log_exists(self) -> bool:
        return self.node.config.data_path(self.node.config.log.json_file).exists()

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=120)


def api(lab: Lab, node: Node) -> http.client.HTTPSConnection:
    ctx = ssl.create_default_context(cafile=str(node.config.data_path(node.config.api.tls_cert)))
    conn = http.client.HTTPSConnection("127.0.0.1", API_PORT, context=ctx, timeout=30)
    with entered(lab.target):  # the socket lives in the daemon's namespace
        conn.connect()
    # http.client sends headers and body in two writes: without NODELAY, Nagle holds the body
    # back until the daemon's delayed ACK, and the benchmark would measure that, not HoneyMesh.
    conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return conn


def ban_latencies(lab: Lab, node: Node, count: int) -> list[float]:
    conn = api(lab, node)
    headers = {
        "Authorization": f"Bearer {local_operator_token(node.identity)}",
        "Content-Type": "application/json",
    }
    took = []
    for i in range(count):
        body = json.dumps(
            {"network": f"203.0.{i // 250}.{i % 250 + 1}", "duration": "1h", "reason": "bench"}
        )
        started = time.perf_counter()
        conn.request("POST", "/api/v1/bans", body, headers)
        resp = conn.getresponse()
        resp.read()
        took.append(time.perf_counter() - started)
        if resp.status != 201:
            raise RuntimeError(f"ban refused: HTTP {resp.status}")
    conn.close()
    return took


def status(lab: Lab, node: Node) -> dict[str, Any]:
    out = subprocess.run(
        [
            "ip",
            "netns",
            "exec",
            lab.target,
            str(VENV_BIN / "honeymesh"),
            "status",
            "--json",
            "--config",
            str(node.config_path),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def drop_rates(lab: Lab, first_source: str, count: int, frames: int, rounds: int) -> float:
    """Live frames through the veth into whatever XDP program guards it, the source cycling
    through ``count`` addresses from ``first_source``: median frames per CPU-second."""
    from bench.xdp import SENDER_C, Bpf, Rig  # noqa: PLC0415 - bcc: root-only, this phase only
    from honeymesh.enforcement.libbpf import Libbpf  # noqa: PLC0415
    from tests.kernel.frames import udp_frame  # noqa: PLC0415

    base = int(ipaddress.IPv4Address(first_source))
    sender = Bpf(SENDER_C, "bench_tx", [f"-DSOURCES={count}", f"-DBASE={base}"])
    rig = Rig(lab, Libbpf())
    frame = udp_frame(rig.mac_a, rig.mac_t, first_source, lab.target4, 9)
    cpus = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {max(cpus)})  # sender and receiver on one CPU, as in bench/xdp.py
    try:
        return statistics.median(rig.blast(sender, frame, frames) for _ in range(rounds))
    finally:
        os.sched_setaffinity(0, cpus)
        sender.close()


def live_frames_refused(lab: Lab) -> str | None:
    """Why this kernel sends no live frames (bench/xdp.py's ``Rig.live_frames_refused``), or
    None: phase 5 needs them."""
    from bench.xdp import SENDER_C, Bpf, Rig  # noqa: PLC0415
    from honeymesh.enforcement.libbpf import Libbpf  # noqa: PLC0415
    from tests.kernel.frames import udp_frame  # noqa: PLC0415

    source = "198.18.0.1"  # one frame, which nothing on the other side receives
    base = int(ipaddress.IPv4Address(source))
    sender = Bpf(SENDER_C, "bench_tx", ["-DSOURCES=1", f"-DBASE={base}"])
    try:
        rig = Rig(lab, Libbpf())
        frame = udp_frame(rig.mac_a, rig.mac_t, source, lab.target4, 9)
        return rig.live_frames_refused(sender, frame)
    finally:
        sender.close()


def ceiling_rates(
    lab: Lab, patterns: dict[str, tuple[str, int]], frames: int, rounds: int
) -> dict[str, float]:
    """The same traffic into an unconditional XDP_DROP program on the same veth."""
    from bench.xdp import DROP_C, Bpf, Rig  # noqa: PLC0415
    from honeymesh.enforcement.libbpf import Libbpf  # noqa: PLC0415

    drop = Bpf(DROP_C, "bench_drop")
    link = Rig(lab, Libbpf()).attach(drop.fd)
    try:
        return {
            name: drop_rates(lab, first, count, frames, rounds)
            for name, (first, count) in patterns.items()
        }
    finally:
        os.close(link)
        drop.close()


def node_in(directory: Path) -> Node:
    node = make_node(directory, api_port=API_PORT, trap_ports=(2323,))
    text = node.config_path.read_text().replace('mode = "test"', 'mode = "enforce"')
    node.config_path.write_text(text)
    return node  # the daemon reads the file; nothing else here depends on the mode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bans", type=argtypes.amount, default=1_000_000)
    parser.add_argument("--v6", type=argtypes.amount, default=100_000)
    parser.add_argument("--ranges", type=argtypes.amount, default=1_000)
    parser.add_argument("--adds", type=argtypes.count, default=300)
    parser.add_argument("--cli-adds", type=argtypes.count, default=10)
    parser.add_argument(
        "--frames", type=argtypes.count, default=1_000_000, help="live frames per round"
    )
    parser.add_argument("--rounds", type=argtypes.count, default=3)
    args = parser.parse_args()
    if args.bans + args.v6 + args.ranges == 0:
        parser.error("nothing to restore: --bans, --v6 or --ranges above 0")
    # The traffic of phase 5: the first CLI ban below, and the restored bans of bench/banlist.py
    patterns = {"one_source": ("198.18.0.1", 1), "1m_sources": ("11.0.0.0", max(args.bans, 1))}

    with tempfile.TemporaryDirectory() as tmp:
        lab = make_lab(n_sources=1)
        try:
            refused = live_frames_refused(lab)  # phase 5 is left out where it is
            results = {}
            for name, bans in (("empty", (0, 0, 0)), ("loaded", (args.bans, args.v6, args.ranges))):
                node = node_in(Path(tmp, name))
                v4, v6, ranges = bans
                fill(node.config.data_path(node.config.store.path), v4, v6, ranges, time.time())
                # The fill leaves about 250 MB of dirty pages; a restarting daemon finds its
                # database long on disk. Without this, the restore's first fsync (synchronous=
                # full) waits for that write-back, and the restore's wall time measures the disk.
                os.sync()
                if name == "loaded" and not refused:  # phase 5's ceiling, on the daemon's veth.
                    # Not after the daemon: for seconds after a daemon exits, the kernel frees
                    # its maps (over 100 MB with a million bans) and the ceiling reads 20 % low.
                    ceiling = ceiling_rates(lab, patterns, args.frames, args.rounds)
                daemon = Daemon(lab, node, Path(tmp, f"{name}.out"))
                try:
                    times = log_times(node)
                    restore = times["bans.restored"] - times["kernel.state"]
                    samples = daemon.cpu_samples
                    restore_cpu = cpu_at(samples, times["bans.restored"]) - cpu_at(
                        samples, times["kernel.state"]
                    )
                    entries = status(lab, node)["kernel"]["entries"]
                    results[name] = {
                        "restore_s": round(restore, 3),
                        "restore_cpu_s": round(restore_cpu, 2),
                        "rss_mb": rss_mb(daemon.proc.pid),
                        "startup_s": round(times["bans.restored"] - daemon.started_wall, 3),
                        "llvm_mapped": llvm_mapped(daemon.proc.pid),
                        "entries": entries,
                    }
                    if name == "loaded":
                        took = ban_latencies(lab, node, args.adds)
                        cli = []
                        for i in range(args.cli_adds):
                            started = time.perf_counter()
                            subprocess.run(
                                [
                                    "ip",
                                    "netns",
                                    "exec",
                                    lab.target,
                                    str(VENV_BIN / "honeymesh"),
                                    "ban",
                                    f"198.18.0.{i + 1}",
                                    "--config",
                                    str(node.config_path),
                                ],
                                check=True,
                                capture_output=True,
                            )
                            cli.append(time.perf_counter() - started)
                        after = status(lab, node)["kernel"]["entries"]
                        in_daemon = (
                            {}
                            if refused
                            else {
                                name: drop_rates(lab, first, count, args.frames, args.rounds)
                                for name, (first, count) in patterns.items()
                            }
                        )
                finally:
                    daemon.stop()
            loaded, empty = results["loaded"], results["empty"]
            expected = {"ban_v4": args.bans, "ban_v6": args.v6}
            emit(
                {
                    "result": "restore",
                    "bans": args.bans + args.v6 + args.ranges,
                    "seconds": loaded["restore_s"],
                    "cpu_seconds": loaded["restore_cpu_s"],
                    "aim_seconds": 3.0,
                    "empty_seconds": empty["restore_s"],
                    "code": CODE,
                    "maps_match_database": all(
                        loaded["entries"][k] == v for k, v in expected.items()
                    ),
                    "entries": loaded["entries"],
                }
            )
            emit(
                {
                    "result": "memory",
                    "rss_mb_loaded": loaded["rss_mb"],
                    "rss_mb_empty": empty["rss_mb"],
                    "ratio": round(loaded["rss_mb"] / empty["rss_mb"], 2),
                    "aim_mb": 300,
                    "aim_mb_empty": 60,
                    "llvm_mapped": loaded["llvm_mapped"] or empty["llvm_mapped"],
                    "code": CODE,
                }
            )
            emit(
                {
                    "result": "startup",
                    "seconds_empty": empty["startup_s"],
                    "seconds_loaded": loaded["startup_s"],
                    "code": CODE,
                }
            )
            emit(
                {
                    "result": "ban_to_kernel_map",
                    "requests": args.adds,
                    "p50_ms": round(statistics.median(took) * 1000, 2),
                    "p99_ms": round(percentile(took, 0.99) * 1000, 2),
                    "aim_p99_ms": 5.0,
                    "maps_grew_by": after["ban_v4"] - loaded["entries"]["ban_v4"],
                    "cli_command_p50_ms": round(statistics.median(cli) * 1000, 1),
                }
            )
            if refused:
                emit({"result": "xdp_drop_rate_in_the_daemon", "error": refused})
            for name, rate in in_daemon.items():
                emit(
                    {
                        "result": "xdp_drop_rate_in_the_daemon",
                        "traffic": name,
                        "daemon_mpps": round(rate / 1e6, 2),
                        "xdp_drop_mpps": round(ceiling[name] / 1e6, 2),
                        "ratio": round(rate / ceiling[name], 3),
                        "aim": ">= 0.85 (one source)",
                    }
                )
        finally:
            lab.close()
    if refused:  # every other phase was measured and printed
        raise SystemExit(1)


if __name__ == "__main__":
    main()
