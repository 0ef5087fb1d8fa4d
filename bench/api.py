"""Admin API latency with the live feed busy, against the same API idle, in one run.

    .venv/bin/python bench/api.py [--requests 2000] [--rate 1000] [--clients 50]

Three processes, so that none steals the others' reactor:

* the node: the real appliance (``build_appliance``: store, JSON log, kernel service, ban list,
  detection, admin site, feed), plus a generator that publishes trap observations on its bus at
  ``--rate`` events per second when told to (a stand-in for attackers: the events take the real
  path to SQLite, the log, the metrics and every feed client; with ``--through-detection``
  detection and policy answer each one as well);
* the feed clients: ``--clients`` websockets (``honeymesh.feedclient``), each checking that it
  receives every event, in order (the feed numbers them);
* this process: the prober, sending sequential ``GET /api/v1/status`` and ``GET /api/v1/bans``
  over one keep-alive HTTPS connection, ``--requests`` in each phase: idle (the clients are
  connected, nothing happens) and loaded (the feed carries ``--rate`` events/s to every client).
  The phases alternate in ``--rounds`` slices, so that whatever else the machine is doing weighs
  on both alike.

Prints one JSON line per result: p50/p99 per phase and route, the ratio loaded/idle (aim: p99
at most 2x), and the feed's delivery (events published, received by each client, gaps, order).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import select
import socket
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's bench and honeymesh, in any Python
from bench import _args as argtypes  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# The node ----------------------------------------------------------------------------------------


def serve(config_path: str, rate: float, trap: str) -> None:
    """Run the appliance; stdin commands: `go` (start events), `stop`, `count`, `quit`."""
    from twisted.internet import reactor, stdio  # noqa: PLC0415
    from twisted.internet.task import LoopingCall  # noqa: PLC0415
    from twisted.protocols.basic import LineReceiver  # noqa: PLC0415

    from honeymesh.config import load_config  # noqa: PLC0415
    from honeymesh.events import EventId, Observation  # noqa: PLC0415
    from honeymesh.mesh.identity import NodeIdentity  # noqa: PLC0415
    from honeymesh.tap import build_appliance  # noqa: PLC0415

    config = load_config(config_path)

    def notify(**state: str) -> None:
        # Ready as systemd would be told: the kernel program loaded and the bans restored (the
        # program is compiled in a child process for a second or two after the API listens).
        if state.get("READY") == "1":
            port = next(li.info.port for li in app.listeners if li.info.kind == "api")
            print(json.dumps({"ready": port}), flush=True)

    app = build_appliance(
        config, NodeIdentity.load(config.data_path(Path("identity.key"))), reactor, notify=notify
    )
    state = {"published": 0, "base": 0, "t0": 0.0}

    def tick() -> None:
        due = state["base"] + int((time.perf_counter() - state["t0"]) * rate)
        now = time.time()
        while state["published"] < due:
            n = int(state["published"])
            app.bus.publish(Observation(EventId.TRAP_SESSION, now, f"198.18.{n % 250}.{n % 199}", {
                "trap": trap, "port": 2323, "bytes_received": 64, "bench": n,
                "preview": "USER root\r\nPASS 123456\r\n",
            }))  # fmt: skip
            state["published"] += 1

    loop = LoopingCall(tick)

    class Commands(LineReceiver):
        delimiter = b"\n"

        def lineReceived(self, line: bytes) -> None:
            command = line.decode().strip()
            if command == "go":
                state["t0"] = time.perf_counter()
                state["base"] = state["published"]
                loop.start(0.005)
            elif command == "stop":
                if loop.running:
                    loop.stop()
                print(json.dumps({"published": state["published"]}), flush=True)
            elif command == "quit":
                app.service.stopService().addBoth(lambda _: reactor.stop())

    stdio.StandardIO(Commands())
    reactor.callWhenRunning(app.service.startService)
    reactor.run()


# The feed clients --------------------------------------------------------------------------------


def clients(config_path: str, token: str, count: int) -> None:
    """Open `count` feed clients; on `report` (stdin), print what each received."""
    from twisted.internet import reactor, stdio, threads  # noqa: PLC0415
    from twisted.internet.defer import gatherResults  # noqa: PLC0415
    from twisted.protocols.basic import LineReceiver  # noqa: PLC0415

    from honeymesh.adminclient import AdminClient  # noqa: PLC0415
    from honeymesh.config import load_config  # noqa: PLC0415
    from honeymesh.feedclient import connect_feed  # noqa: PLC0415

    config = load_config(config_path)
    admin = AdminClient(config, token=token)
    cert = config.data_path(config.api.tls_cert).read_bytes()
    seen: list[list[int]] = [[] for _ in range(count)]
    feeds: list[Any] = []

    def sink(i: int) -> Any:
        def on_event(event: dict[str, Any]) -> None:
            n = (event.get("detail") or {}).get("bench")
            if n is not None:
                seen[i].append(n)

        return on_event

    def open_one(i: int) -> Any:
        d = threads.deferToThread(admin.request, "POST", "/api/v1/ws-ticket", {})
        return d.addCallback(lambda t: connect_feed(reactor, admin.base_url, t["ticket"], cert,
                                                    sink(i)))  # fmt: skip

    def opened(result: list[Any]) -> None:
        feeds.extend(result)
        print(json.dumps({"connected": len(feeds)}), flush=True)

    class Commands(LineReceiver):
        delimiter = b"\n"

        def lineReceived(self, line: bytes) -> None:
            if line.strip() == b"report":
                report = [
                    {"received": len(s), "in_order": s == sorted(s) and len(set(s)) == len(s),
                     "first": s[0] if s else None, "last": s[-1] if s else None, "gaps": f.gaps}
                    for s, f in zip(seen, feeds, strict=True)
                ]  # fmt: skip
                print(json.dumps({"clients": report}), flush=True)
                for f in feeds:
                    f.close()
                reactor.callLater(0.5, reactor.stop)

    def start() -> None:
        gatherResults([open_one(i) for i in range(count)]).addCallback(opened)

    stdio.StandardIO(Commands())
    reactor.callWhenRunning(start)
    reactor.run()


# The prober and the run --------------------------------------------------------------------------


def cpu_plan() -> tuple[set[int], set[int]] | None:
    """With two CPUs or more: the node on one, the clients and the prober on another. In the
    field the dashboards and scripts run elsewhere; here they must not eat the node's CPU."""
    cpus = sorted(os.sched_getaffinity(0))
    return ({cpus[0]}, {cpus[1]}) if len(cpus) >= 2 else None


class Child:
    def __init__(self, *args: str, cpus: set[int] | None = None) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, __file__, *args],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT,
        )  # fmt: skip
        if cpus is not None:
            os.sched_setaffinity(self.proc.pid, cpus)

    def send(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def read(self, timeout: float = 120.0) -> dict[str, Any]:
        assert self.proc.stdout is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.proc.stdout], [], [], 1.0)
            if ready:
                line = self.proc.stdout.readline()
                if not line:
                    break
                if line.startswith("{"):
                    result: dict[str, Any] = json.loads(line)
                    return result
        raise RuntimeError(f"no answer from {self.proc.args!r}")

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=30)


def probe(port: int, cafile: Path, token: str, requests: int) -> dict[str, list[float]]:
    ctx = ssl.create_default_context(cafile=str(cafile))
    ctx.check_hostname = False
    conn = http.client.HTTPSConnection("127.0.0.1", port, context=ctx, timeout=30)
    headers = {"Authorization": f"Bearer {token}"}
    times: dict[str, list[float]] = {"/api/v1/status": [], "/api/v1/bans": []}
    for i in range(requests):
        path = "/api/v1/status" if i % 2 == 0 else "/api/v1/bans"
        start = time.perf_counter()
        conn.request("GET", path, headers=headers)
        resp = conn.getresponse()
        resp.read()
        times[path].append((time.perf_counter() - start) * 1000)
        if resp.status != 200:
            raise RuntimeError(f"{path}: HTTP {resp.status}")
    conn.close()
    return times


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 3)


def make_node(where: Path) -> tuple[Path, str]:
    from honeymesh.provision import provision  # noqa: PLC0415

    done = provision(where)
    text = done.config_path.read_text()
    text = re.sub(r"(?m)^port = 8443$", f"port = {free_port()}", text)
    text = re.sub(r"(?m)^ports = \[2323\]$", f"ports = [{free_port()}]", text)
    text = re.sub(r'(?m)^bind = \["0.0.0.0", "::"\]$', 'bind = ["127.0.0.1"]', text)
    text = re.sub(r'(?m)^synchronous = "full"$', 'synchronous = "normal"', text)
    done.config_path.write_text(text)
    return done.config_path, done.admin_token


def run(args: argparse.Namespace) -> None:
    from honeymesh.config import load_config  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as tmp:
        config_path, token = make_node(Path(tmp) / "node")
        config = load_config(config_path)
        cafile = config.data_path(config.api.tls_cert)
        plan = cpu_plan()
        node_cpus, client_cpus = plan if plan else (None, None)
        if client_cpus is not None:
            os.sched_setaffinity(0, client_cpus)
        trap = "banner" if args.through_detection else "bench"
        node = Child("--serve", str(config_path), "--rate", str(args.rate), "--trap", trap,
                     cpus=node_cpus)  # fmt: skip
        feed: Child | None = None
        try:
            port = node.read()["ready"]
            time.sleep(1.0)
            probe(port, cafile, token, 200)  # warm up

            feed = Child("--feed-clients", str(config_path), "--token", token,
                         "--clients", str(args.clients), cpus=client_cpus)  # fmt: skip
            assert feed.read()["connected"] == args.clients
            idle: dict[str, list[float]] = {}
            loaded: dict[str, list[float]] = {}
            per_round = max(2, args.requests // args.rounds)
            for _ in range(args.rounds):
                for path, times in probe(port, cafile, token, per_round).items():
                    idle.setdefault(path, []).extend(times)
                node.send("go")
                time.sleep(0.5)  # the feed is in its stride
                for path, times in probe(port, cafile, token, per_round).items():
                    loaded.setdefault(path, []).extend(times)
                node.send("stop")
                published = node.read()["published"]
                time.sleep(0.5)  # the last batches arrive; the node is idle again
            feed.send("report")
            report = feed.read()["clients"]
        finally:
            if feed is not None:
                feed.close()
            node.send("quit")
            time.sleep(1.0)
            node.close()

    for path in ("/api/v1/status", "/api/v1/bans"):
        for phase, by_path in (("idle", idle), ("feed", loaded)):
            ms = by_path[path]
            print(json.dumps({
                "bench": "api_latency", "route": path, "phase": phase, "requests": len(ms),
                "p50_ms": pct(ms, 0.5), "p99_ms": pct(ms, 0.99),
                "mean_ms": round(statistics.mean(ms), 3),
            }), flush=True)  # fmt: skip
        ratio = pct(loaded[path], 0.99) / pct(idle[path], 0.99)
        print(json.dumps({
            "bench": "api_p99_ratio", "route": path, "feed_rate": args.rate,
            "feed_clients": args.clients, "through_detection": args.through_detection,
            "ratio": round(ratio, 2), "aim": 2.0,
            "node_cpus": sorted(node_cpus or []), "client_cpus": sorted(client_cpus or []),
        }), flush=True)  # fmt: skip
    complete = [c["received"] == published and c["in_order"] and c["gaps"] == 0 for c in report]
    seconds = published / args.rate  # time the feed was busy, over all rounds
    print(json.dumps({
        "bench": "feed_delivery", "published": published, "seconds": round(seconds, 1),
        "clients": len(report), "every_client_got_every_event_in_order": all(complete),
        "received_min": min(c["received"] for c in report),
        "received_max": max(c["received"] for c in report),
    }), flush=True)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=argtypes.count, default=4000, help="per phase")
    parser.add_argument("--rate", type=argtypes.positive, default=1000.0)
    parser.add_argument("--clients", type=argtypes.count, default=50)
    parser.add_argument("--rounds", type=argtypes.count, default=10)
    parser.add_argument(
        "--through-detection",
        action="store_true",
        help="events from the configured banner trap: detection and policy answer each one too, "
        "so the feed carries their verdicts and decisions as well (default: a trap detection "
        "does not know, so the feed carries exactly --rate events/s)",
    )
    parser.add_argument("--trap", default="bench", help=argparse.SUPPRESS)
    parser.add_argument("--serve", metavar="CONFIG", help=argparse.SUPPRESS)
    parser.add_argument("--feed-clients", metavar="CONFIG", help=argparse.SUPPRESS)
    parser.add_argument("--token", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.rate, args.trap)
    elif args.feed_clients:
        clients(args.feed_clients, args.token, args.clients)
    else:
        run(args)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
