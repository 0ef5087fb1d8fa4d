"""What one commit of the store costs at a trickle, against the same commit back to back.

    .venv/bin/python bench/commit_cost.py [--dir DIR] [--rate 30] [--seconds 20]

At a trickle of trap sessions the store commits about once a linger (250 ms) whatever the rate,
so a commit's fixed cost, not the rows, is what a session pays for its durable record there
(docs/BENCHMARKS.md, "Fifteenth pass"). Three figures, each for ``synchronous`` full and normal,
side by side in one run, CPU time of the thread that commits:

* ``hot``: a commit of 8 event rows, back to back (caches warm, no sleep between);
* ``cold``: the same commit after the whole process slept one linger (everything gone cold);
* ``store``: the store's own writer thread over a trickle of ``--rate`` events a second
  (appended from the reactor thread, which keeps some of the interpreter warm), per commit,
  its loop around the commit included (its wake-up, taking the batch, the GIL).

It prints each figure, then the ratios: store / hot (what a commit costs for coming alone),
cold / hot (after an idle sleep), full / normal (the fsync's share). ``--dir``:
where the databases go, by default bench/out (on the disk, as the daemon's database is; on a
tmpfs the fsync costs nothing).
"""

from __future__ import annotations

import argparse
import inspect
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from twisted.internet import reactor as _reactor
from twisted.internet.defer import ensureDeferred
from twisted.internet.task import LoopingCall, deferLater

from bench import _args as argtypes
from bench.store import observation
from honeymesh.store.db import Store, bundled_migrations, insert_events, open_database

reactor: Any = _reactor
OUT = Path(__file__).resolve().parent / "out"  # git-ignored
LINGER: float = inspect.signature(Store).parameters["linger"].default  # the daemon's
ROWS = 8  # a commit's rows at a trickle: about four sessions' credential and session events
HOT, COLD = 200, 40  # commits measured back to back, and after a linger's sleep


def raw_commits(path: Path, synchronous: str) -> tuple[float, float]:
    """CPU seconds a commit of ROWS rows, back to back and after sleeping LINGER each."""
    conn, _ = open_database(path, bundled_migrations(), synchronous)
    try:
        events = [observation(i) for i in range(ROWS)]  # as the store writes them (append)
        rows = [(e.time, str(e.event_id), str(e.kind), e.source, e.json) for e in events]
        spent = {}
        for name, count, pause in (("hot", HOT, 0.0), ("cold", COLD, LINGER)):
            cpu = 0.0
            for _ in range(count):
                if pause:
                    time.sleep(pause)
                began = time.thread_time()
                conn.execute("BEGIN IMMEDIATE")
                insert_events(conn, rows)
                conn.execute("COMMIT")
                cpu += time.thread_time() - began
            spent[name] = cpu / count
    finally:
        conn.close()
    return spent["hot"], spent["cold"]


async def store_trickle(path: Path, synchronous: str, rate: float, seconds: float) -> float:
    """The store's writer thread's CPU seconds a commit over ``seconds`` of ``rate`` events a
    second (read in the writer thread itself, by a job at each end; the batches counted
    between them are the events' commits)."""
    store = Store(path, reactor, synchronous=synchronous)
    await store.start()
    try:
        await deferLater(reactor, 2 * LINGER, lambda: None)
        before = await store.run(lambda _: time.thread_time())
        batches = store.batches  # the job's own batch included: counted before it fired
        sent = 0

        def one() -> None:
            nonlocal sent
            store.append(observation(sent))
            sent += 1

        loop = LoopingCall(one)
        looping = loop.start(1 / rate, now=True)
        await deferLater(reactor, seconds, lambda: None)
        if loop.running:  # not if an append raised: that stopped it
            loop.stop()
        await looping  # an append that raised fails the run here
        deadline = time.monotonic() + 30.0
        while store.backlog:  # the last events' commit, however long its fsync took
            if store.degraded or time.monotonic() > deadline:
                raise RuntimeError(f"the store did not commit: {store.degraded or 'no reason'}")
            await deferLater(reactor, LINGER, lambda: None)
        after = await store.run(lambda _: time.thread_time())
        commits = store.batches - batches - 1  # the closing job's own transaction left out
    finally:
        await store.stop()
    if store.written != store.appended or commits < 1:
        raise RuntimeError(f"{store.written} of {store.appended} events in {commits} commits")
    return (after - before) / commits


async def main(args: argparse.Namespace) -> None:
    us: dict[str, dict[str, float]] = {}
    if args.dir is None:
        OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=args.dir or OUT) as tmp:
        for synchronous in ("full", "normal"):
            hot, cold = raw_commits(Path(tmp, f"raw-{synchronous}.db"), synchronous)
            db = Path(tmp, f"store-{synchronous}.db")
            store = await store_trickle(db, synchronous, args.rate, args.seconds)
            us[synchronous] = {"hot": hot * 1e6, "cold": cold * 1e6, "store": store * 1e6}
            line = {"bench": "commit_cost", "synchronous": synchronous, "rows": ROWS}
            line["dir"] = str(Path(tmp).parent)
            line |= {f"{k}_us_a_commit": round(v) for k, v in us[synchronous].items()}
            print(json.dumps(line | {"rate_per_s": args.rate}), flush=True)
    full, normal = us["full"], us["normal"]
    ratios = {
        "bench": "commit_cost",
        "store_vs_hot": {s: round(us[s]["store"] / us[s]["hot"], 2) for s in us},
        "cold_vs_hot": {s: round(us[s]["cold"] / us[s]["hot"], 2) for s in us},
        "full_vs_normal": {k: round(full[k] / normal[k], 2) for k in ("hot", "cold", "store")},
        "linger_s": LINGER,
    }
    print(json.dumps(ratios), flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--dir", help="where the databases go (default: bench/out)")
    parser.add_argument(
        "--rate", type=argtypes.positive, default=30.0, help="events a second, store phase"
    )
    parser.add_argument(
        "--seconds", type=argtypes.positive, default=20.0, help="length of the store phase"
    )
    options = parser.parse_args()
    failures: list[Any] = []

    def failed(f: Any) -> None:
        f.printTraceback(file=sys.stderr)
        failures.append(f)

    d = ensureDeferred(main(options))
    d.addErrback(failed)
    d.addBoth(lambda _: reactor.stop())
    reactor.run()
    raise SystemExit(1 if failures else 0)
