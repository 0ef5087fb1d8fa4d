"""Events persisted per second: batched transactions against one commit per event, same run.

    .venv/bin/python bench/store.py [--events N] [--synchronous full|normal]

A producer in the reactor thread appends trap observations in slices (as traps would), while a
10 ms ticker measures how late the reactor runs it: the worst delay says whether the reactor
stayed responsive while the writer thread was busy. Prints one JSON line per result.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from twisted.internet import reactor as _reactor
from twisted.internet.defer import Deferred, ensureDeferred
from twisted.internet.task import LoopingCall, deferLater

from bench import _args as argtypes
from honeymesh.events import EventId, Observation
from honeymesh.store.db import Store

reactor: Any = _reactor
SLICE = 500  # events appended per reactor turn


def observation(i: int) -> Observation:
    return Observation(
        EventId.TRAP_SESSION,
        time.time(),
        f"198.51.100.{i % 250}",
        {"trap": "banner", "port": 2323, "bytes_received": i % 4096, "preview": "USER root"},
    )


class LagMeter:
    """How late a 10 ms ticker fires: the reactor's worst scheduling delay."""

    def __init__(self, interval: float = 0.01) -> None:
        self.interval = interval
        self.worst = 0.0
        self._last = 0.0
        self._loop = LoopingCall(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last:
            self.worst = max(self.worst, now - self._last - self.interval)
        self._last = now

    def start(self) -> None:
        self._loop.start(self.interval)

    def stop(self) -> None:
        self._loop.stop()


async def run_one(path: Path, events: int, batch_max: int, synchronous: str) -> dict[str, Any]:
    # The producer appends faster than any writer commits (500 events a reactor turn): the
    # backlog bound is the whole run, so that what is measured is the writer's rate, not
    # how many events a bounded backlog drops.
    store = Store(
        path, reactor, synchronous=synchronous, batch_max=batch_max, max_backlog=events + 1
    )
    await store.start()
    lag = LagMeter()
    lag.start()
    started = time.perf_counter()
    for first in range(0, events, SLICE):
        for i in range(first, min(first + SLICE, events)):
            store.append(observation(i))
        await deferLater(reactor, 0, lambda: None)  # let the reactor breathe between slices
    while store.written + store.lost < events:
        await deferLater(reactor, 0.002, lambda: None)
    elapsed = time.perf_counter() - started
    lag.stop()
    await store.stop()
    assert store.lost == 0 and store.written == events, "events were lost"
    return {
        "events": events,
        "seconds": round(elapsed, 3),
        "events_per_s": round(events / elapsed),
        "transactions": store.batches,
        "reactor_worst_delay_ms": round(lag.worst * 1000, 2),
    }


async def main(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        batched = await run_one(Path(tmp, "batched.db"), args.events, 5000, args.synchronous)
        single = await run_one(Path(tmp, "single.db"), args.single_events, 1, args.synchronous)
    for name, result in (("batched", batched), ("one_commit_per_event", single)):
        print(
            json.dumps(
                {"bench": "store", "variant": name, "synchronous": args.synchronous, **result}
            )
        )
    ratio = batched["events_per_s"] / single["events_per_s"]
    print(
        json.dumps(
            {
                "bench": "store",
                "result": "batched_vs_single_commit",
                "ratio": round(ratio, 1),
                "aim_ratio": 20,
                "sustained_events_per_s": batched["events_per_s"],
                "aim_events_per_s": 20000,
                "reactor_worst_delay_ms": batched["reactor_worst_delay_ms"],
                "meets_aims": ratio >= 20 and batched["events_per_s"] >= 20000,
            }
        )
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=argtypes.count, default=200_000)
    parser.add_argument(
        "--single-events",
        type=argtypes.count,
        default=5_000,
        help="events for the one-commit-per-event run (it is slow)",
    )
    parser.add_argument("--synchronous", choices=["full", "normal"], default="full")
    options = parser.parse_args()

    def done(_: object) -> None:
        reactor.stop()

    failures: list[Any] = []

    def failed(f: Any) -> None:
        # printTraceback's default file is Twisted's log, which nobody has started here: a
        # failed run (events lost, say) used to end silently with status 0.
        f.printTraceback(file=sys.stderr)
        failures.append(f)
        reactor.stop()

    d: Deferred[None] = ensureDeferred(main(options))
    reactor.callWhenRunning(lambda: d.addCallbacks(done, failed))
    reactor.run()
    sys.exit(1 if failures else 0)
