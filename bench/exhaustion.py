"""Descriptor exhaustion: the admin API and the daemon's memory while idle and slow-drip clients
fill every trap, at the raised open-file limit and again at a soft limit of 1,024.

    .venv/bin/python bench/exhaustion.py [--clients 10000] [--drip 1000] [--limits raised,1024]

Per limit, one real daemon (``twistd -n honeymesh``, started with that limit on both its soft and
hard RLIMIT_NOFILE, so that it cannot lift it) with five TCP traps (banner, ssh, http, redis,
mysql) on loopback, short idle and session timeouts, and ``max_connections`` high enough that
only the open-file budget limits them. Then, in this order:

* idle: ``--probes`` sequential ``GET /api/v1/status``, each on a new TLS connection (a new
  descriptor in the daemon, which is what exhaustion starves), and the daemon's RSS;
* flood: the flooder (another process, its own limit raised) opens ``--clients`` connections
  spread over the traps, each from its own 127.x.y.z address, the last ``--drip`` of them
  sending a byte every 0.5 s; the prober keeps probing until the flooder has seen every
  connection closed by the daemon (or the deadline passes); the daemon's RSS is sampled.

Prints one JSON line per result: API p50/p99 idle and during the flood and their ratio, RSS idle
and peak and their ratio, and how the connections ended (closed by their timeout, refused at
once by a cap or the guard, still open at the deadline, failed to connect).

``flood`` is also the flooder the end-to-end test runs (tests/e2e/test_exhaustion.py):

    python bench/exhaustion.py flood --ports 4001,4002 --clients 3000 --drip 300 --deadline 30

prints ``{"connected": ...}`` once every connection was tried, then one JSON summary at the end.
"""

from __future__ import annotations

import argparse
import http.client
import json
import re
import resource
import selectors
import signal
import socket
import sqlite3
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's bench and honeymesh, in any Python
from bench import _args as argtypes  # noqa: E402

VENV_BIN = Path(sys.executable).parent
DRIP_EVERY = 0.5
#: Closed this soon after connecting: refused at accept, not timed out.
REFUSED_WITHIN = 1.0
#: The stated bound: the daemon's peak RSS at most its idle RSS plus this per trap connection
#: held at once (an SSH trap connection is the heaviest: a Conch transport each).
RSS_PER_CONNECTION = 16 * 1024


# The flooder ---------------------------------------------------------------------------------


def source_address(i: int) -> str:
    """A distinct loopback source per connection (so per-source caps do not decide)."""
    return f"127.{1 + i // 62500}.{i // 250 % 250}.{1 + i % 250}"


def flood(ports: list[int], clients: int, drip: int, deadline: float) -> dict[str, Any]:
    """Open ``clients`` connections over ``ports``; ``drip`` of them, spread evenly among the
    rest, send a byte every 0.5 s. Wait (at most ``deadline`` seconds) until the daemon has
    closed every one."""
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    started = time.monotonic()
    opened: dict[socket.socket, float] = {}
    dripping: set[socket.socket] = set()
    failed: Counter[str] = Counter()
    sel = selectors.DefaultSelector()
    lifetimes: list[float] = []
    every = clients // drip if drip else 0
    for i in range(clients):
        try:
            s = socket.create_connection(
                ("127.0.0.1", ports[i % len(ports)]),
                timeout=5,
                source_address=(source_address(i), 0),
            )
        except OSError as e:
            failed[type(e).__name__] += 1
            continue
        s.setblocking(False)
        opened[s] = time.monotonic()
        sel.register(s, selectors.EVENT_READ)
        if every and (i // len(ports)) % every == every - 1:  # on every trap alike
            dripping.add(s)
        if i % 500 == 0:  # reap the refused ones as we go, or they pile up in our table
            _reap(sel, opened, dripping, lifetimes, 0)
    connect_seconds = time.monotonic() - started
    print(
        json.dumps({"connected": len(opened) + len(lifetimes), "failed": dict(failed)}), flush=True
    )
    end = started + deadline
    next_drip = time.monotonic()
    while opened and time.monotonic() < end:
        _reap(sel, opened, dripping, lifetimes, 0.1)
        if time.monotonic() >= next_drip:
            next_drip += DRIP_EVERY
            for s in list(dripping):
                try:
                    s.send(b".")
                except OSError:
                    dripping.discard(s)
    still_open = len(opened)
    for s in opened:
        s.close()
    lifetimes.sort()
    refused = sum(1 for t in lifetimes if t < REFUSED_WITHIN)
    return {
        "clients": clients,
        "drip": drip,
        "connect_failed": sum(failed.values()),
        "connect_seconds": round(connect_seconds, 2),
        "closed_by_daemon": len(lifetimes),
        "closed_at_once": refused,
        "closed_later": len(lifetimes) - refused,
        "still_open": still_open,
        "longest_s": round(lifetimes[-1], 2) if lifetimes else None,
        "seconds": round(time.monotonic() - started, 2),
    }


def _reap(
    sel: selectors.BaseSelector,
    opened: dict[socket.socket, float],
    dripping: set[socket.socket],
    lifetimes: list[float],
    timeout: float,
) -> None:
    """Read what the daemon sent; a socket it closed (EOF or reset) is recorded and closed."""
    for key, _ in sel.select(timeout):
        s: socket.socket = key.fileobj  # type: ignore[assignment]
        try:
            if s.recv(65536):
                continue
        except BlockingIOError:
            continue
        except OSError:
            pass
        lifetimes.append(time.monotonic() - opened.pop(s))
        dripping.discard(s)
        sel.unregister(s)
        s.close()


# The daemon and the prober -------------------------------------------------------------------

TRAP_TYPES = ("banner", "ssh", "http", "redis", "mysql")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def trap_tables(ports: dict[str, int], idle: float, session: float, cap: int) -> str:
    """[[traps]] tables for every type but the banner (provisioned already), loopback only."""
    return "".join(
        f'\n[[traps]]\nname = "{kind}"\ntype = "{kind}"\nports = [{port}]\n'
        f'bind = ["127.0.0.1"]\nidle_timeout = {idle}\nsession_timeout = {session}\n'
        f"max_connections = {cap}\nmax_per_source = 64\n"
        for kind, port in ports.items()
        if kind != "banner"
    )


def make_config(directory: Path, idle: float, session: float, cap: int) -> tuple[Path, str, int]:
    """A provisioned node: (config path, admin token, API port), traps as ``trap_tables``."""
    from honeymesh.provision import provision  # noqa: PLC0415

    done = provision(directory)
    ports = {kind: free_port() for kind in TRAP_TYPES}
    api_port = free_port()
    text = done.config_path.read_text()
    text = re.sub(r"(?m)^port = 8443$", f"port = {api_port}", text)
    text = re.sub(r"(?m)^ports = \[2323\]$", f"ports = [{ports['banner']}]", text)
    text = re.sub(r'(?m)^bind = \["0.0.0.0", "::"\]$', 'bind = ["127.0.0.1"]', text)
    text = re.sub(r"(?m)^idle_timeout = 30.0$", f"idle_timeout = {idle}", text)
    text = re.sub(r"(?m)^session_timeout = 120.0$", f"session_timeout = {session}", text)
    text = re.sub(r"(?m)^max_connections = 512$", f"max_connections = {cap}", text)
    done.config_path.write_text(text + trap_tables(ports, idle, session, cap))
    return done.config_path, done.admin_token, api_port


def start_daemon(config_path: Path, limit: int | None, out: Path) -> subprocess.Popen[bytes]:
    """``twistd -n honeymesh``; with ``limit``, its soft and hard open-file limits both set."""

    def lower() -> None:
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_NOFILE, (limit, limit))

    twistd = [str(VENV_BIN / "twistd"), "--nodaemon", "--pidfile=", "honeymesh"]
    return subprocess.Popen(
        [*twistd, "--config", str(config_path)],
        stdout=out.open("w"),
        stderr=subprocess.STDOUT,
        preexec_fn=lower,  # noqa: PLW1509 - no thread of ours runs yet
        cwd=out.parent,
    )


def wait_ready(proc: subprocess.Popen[bytes], out: Path, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the daemon exited: {out.read_text()[-2000:]}")
        if "ban list restored" in out.read_text():
            return
        time.sleep(0.1)
    raise RuntimeError("the daemon did not become ready")


def rss_bytes(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


class Prober:
    """``GET /api/v1/status``, each on a new TLS connection, timed; failures counted."""

    def __init__(self, cert: Path, port: int, token: str) -> None:
        self.context = ssl.create_default_context(cafile=str(cert))
        self.context.check_hostname = False
        self.port = port
        self.token = token
        self.peak_held = 0  # the most trap connections open at once, as the status said

    def once(self) -> tuple[float | None, dict[str, Any] | None]:
        started = time.perf_counter()
        conn = http.client.HTTPSConnection("127.0.0.1", self.port, context=self.context, timeout=10)
        try:
            conn.request("GET", "/api/v1/status", headers={"Authorization": f"Bearer {self.token}"})
            resp = conn.getresponse()
            body = resp.read()
            if resp.status != 200:
                return None, None
            return time.perf_counter() - started, json.loads(body)
        except (OSError, http.client.HTTPException, ValueError):
            return None, None
        finally:
            conn.close()

    def until(self, stop: threading.Event, pause: float = 0.02) -> tuple[list[float], int]:
        """Probe until ``stop`` is set: (latencies of the answered, how many failed)."""
        latencies: list[float] = []
        failed = 0
        while not stop.is_set():
            latency, status = self.once()
            if latency is None or status is None:
                failed += 1
            else:
                latencies.append(latency)
                held = status["descriptors"]["trap_connections"]
                self.peak_held = max(self.peak_held, held)
            stop.wait(pause)
        return latencies, failed


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def session_endings(db: Path) -> dict[str, int]:
    """How the daemon recorded each trap session's end (closed_by), from its database."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        rows = conn.execute(
            "SELECT json_extract(body, '$.detail.closed_by'), count(*) FROM events "
            "WHERE event_id = 'trap.session' GROUP BY 1"
        ).fetchall()
    return {str(k): int(v) for k, v in rows}


def run_one(args: argparse.Namespace, limit: int | None, where: Path) -> dict[str, Any]:
    config_path, token, api_port = make_config(where, args.idle, args.session, args.clients)
    from honeymesh.config import load_config  # noqa: PLC0415

    config = load_config(config_path)
    ports = [t.ports[0] for t in config.traps]
    out = where / "daemon.out"
    proc = start_daemon(config_path, limit, out)
    try:
        wait_ready(proc, out)
        prober = Prober(config.data_path(config.api.tls_cert), api_port, token)
        idle = [t for t in (prober.once()[0] for _ in range(args.probes)) if t is not None]
        time.sleep(1.0)
        rss_idle = rss_bytes(proc.pid)
        stop = threading.Event()
        result: dict[str, Any] = {}

        def probing() -> None:
            result["lat"], result["failed"] = prober.until(stop)

        probe = threading.Thread(target=probing)
        peak = [rss_idle]

        def sample() -> None:
            while not stop.wait(0.2):
                peak[0] = max(peak[0], rss_bytes(proc.pid))

        sampler = threading.Thread(target=sample)
        flooder = subprocess.Popen(
            [
                *(sys.executable, __file__, "flood", "--ports", ",".join(map(str, ports))),
                *("--clients", str(args.clients), "--drip", str(args.drip)),
                *("--deadline", str(args.session * 3 + 60)),
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        probe.start()
        sampler.start()
        assert flooder.stdout is not None
        connected = json.loads(flooder.stdout.readline())
        summary = json.loads(flooder.stdout.readline())
        flooder.wait(30)
        stop.set()
        probe.join()
        sampler.join()
        _, status = prober.once()
        alive = proc.poll() is None
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            proc.wait(60)
    during: list[float] = result["lat"]
    bound = rss_idle + RSS_PER_CONNECTION * prober.peak_held
    assert status is not None
    fds = status["descriptors"]
    return {
        "limit": fds["limit"],
        "reserved": fds["reserved"],
        "trap_caps": {k: v["cap"] for k, v in fds["trap_caps"].items()},
        "api_p50_idle_ms": round(statistics.median(idle) * 1000, 1),
        "api_p99_idle_ms": round(percentile(idle, 0.99) * 1000, 1),
        "api_p50_flood_ms": round(statistics.median(during) * 1000, 1),
        "api_p99_flood_ms": round(percentile(during, 0.99) * 1000, 1),
        "api_p99_ratio": round(percentile(during, 0.99) / percentile(idle, 0.99), 2),
        "api_requests_flood": len(during),
        "api_failed_flood": result["failed"],
        "rss_idle_mb": round(rss_idle / 2**20, 1),
        "rss_peak_mb": round(peak[0] / 2**20, 1),
        "rss_ratio": round(peak[0] / rss_idle, 2),
        "peak_trap_connections": prober.peak_held,
        "rss_per_connection_kib": round((peak[0] - rss_idle) / max(1, prober.peak_held) / 1024, 1),
        "rss_bound_mb": round(bound / 2**20, 1),
        "rss_within_bound": peak[0] <= bound,
        "connected": connected["connected"],
        **summary,
        "trap_sessions": sum(status["counters"]["trap_sessions"].values()),
        "trap_refused": sum(status["counters"]["trap_refused"].values()),
        "refused_near_limit": fds["refused_near_limit"],
        "session_endings": session_endings(config.data_path(config.store.path)),
        "daemon_alive_after": alive,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command")
    f = sub.add_parser("flood", help="the flooder (run by the benchmark and the e2e test)")
    f.add_argument("--ports", required=True)
    f.add_argument("--clients", type=argtypes.count, default=3000)
    f.add_argument("--drip", type=argtypes.amount, default=300)
    f.add_argument("--deadline", type=argtypes.positive, default=60.0)
    parser.add_argument("--clients", type=argtypes.count, default=10_000)
    parser.add_argument("--drip", type=argtypes.amount, default=1000)
    # Longer than it takes to open them all, so that all are open at once at the raised limit.
    parser.add_argument(
        "--idle", type=argtypes.positive, default=20.0, help="trap idle timeout (s)"
    )
    parser.add_argument(
        "--session", type=argtypes.positive, default=30.0, help="trap session timeout (s)"
    )
    parser.add_argument(
        "--probes", type=argtypes.count, default=200, help="idle-phase API requests"
    )
    parser.add_argument("--limits", default="raised,1024")
    args = parser.parse_args()
    if args.command == "flood":
        ports = [int(p) for p in args.ports.split(",")]
        print(json.dumps(flood(ports, args.clients, args.drip, args.deadline)), flush=True)
        return
    for name in args.limits.split(","):
        limit = None if name == "raised" else int(name)
        with tempfile.TemporaryDirectory(prefix="hm-exhaustion-") as tmp:
            result = run_one(args, limit, Path(tmp))
        print(json.dumps({"bench": "exhaustion", "started_with": name, **result}), flush=True)


if __name__ == "__main__":
    main()
