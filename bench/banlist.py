"""Restoring the ban list at start: one batch (``BanList.load``) against one update per row.

    .venv/bin/python bench/banlist.py [--bans 1000000] [--v6 0] [--ranges 0] [--adds 500]

A database is filled with N active bans (IPv4 /32 by default, optionally IPv6 and ranges), then,
in the same run and against the same backend:

1. ``restore``: ``BanList.load()`` (SQLite -> compact columns + memory index -> one
   ``replace_all``, batch map updates), against reading the same rows and calling
   ``add_ban`` once per row into an emptied backend. The ratio is per-row time / batch time.
   The maps are read back after each way and must equal the database's active set.
2. ``add``: ``BanList.add`` (commit with synchronous=full, then the map update) against a bare
   ``Store.run`` commit of nothing: the ban's overhead over the durability floor, p50/p99.

The backend is the real ``XdpBackend`` (bcc, root); without it the result says why and only the
user-space share is measured. Prints one JSON line per result.
"""

from __future__ import annotations

import argparse
import gc
import ipaddress
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from twisted.internet import reactor as _reactor
from twisted.internet.defer import ensureDeferred
from twisted.internet.task import Clock
from twisted.python.failure import Failure

from bench import _args as argtypes
from honeymesh.enforcement.backend import BanEntry, EnforcementBackend
from honeymesh.enforcement.banlist import BanList, builtin_allows
from honeymesh.enforcement.banstore import txn_load
from honeymesh.events import Event
from honeymesh.net import Network
from honeymesh.store.db import Store, bundled_migrations, open_database

reactor: Any = _reactor


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return -1.0


def emit(result: dict[str, Any]) -> None:
    print(json.dumps(result), flush=True)


def fill(path: Path, v4: int, v6: int, ranges: int, now: float) -> None:
    """N active bans written straight into a fresh database (not what is being measured)."""
    conn, _ = open_database(path, bundled_migrations(), synchronous="normal")

    def rows() -> Any:
        base4 = int(ipaddress.IPv4Address("11.0.0.0"))
        for i in range(v4):
            a = base4 + i
            yield (f"{ipaddress.IPv4Address(a)}/32", 4, 32, f"{a:08x}", f"{a:08x}")
        base6 = int(ipaddress.IPv6Address("2001:db8::"))
        for i in range(v6):
            a = base6 + (i << 64)  # one /64 each
            last = a + (1 << 64) - 1
            yield (f"{ipaddress.IPv6Address(a)}/64", 6, 64, f"{a:032x}", f"{last:032x}")
        base_r = int(ipaddress.IPv4Address("100.0.0.0"))
        for i in range(ranges):
            a = base_r + (i << 8)
            net = ipaddress.IPv4Network((a, 24))
            yield (str(net), 4, 24, f"{a:08x}", f"{a + 255:08x}")

    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO bans (network, family, prefixlen, first, last, source, reasons, created, "
        "expires) VALUES (?, ?, ?, ?, ?, 'local', '[\"bench\"]', ?, ?)",
        ((*r, now, None if i % 10 == 0 else now + 86400.0 + i) for i, r in enumerate(rows())),
    )
    conn.execute("COMMIT")
    conn.close()


def xdp_backend() -> tuple[Any, str | None]:
    if os.geteuid() != 0:
        return None, "not root: the XDP backend needs CAP_BPF and CAP_NET_ADMIN"
    try:
        from honeymesh.enforcement.kernel import XdpBackend  # noqa: PLC0415 - optional
    except ImportError as e:
        return None, f"XdpBackend not importable: {e}"
    backend = XdpBackend([])
    try:
        backend.load()
    except Exception as e:  # any reason the kernel side is missing is reported
        return None, f"XdpBackend could not load: {e}"
    backend.set_mode("enforce")
    return backend, None


class Timed:
    """Wraps a backend to time its replace_all (the kernel share of the batch restore)."""

    def __init__(self, inner: EnforcementBackend) -> None:
        self.inner = inner
        self.name = inner.name
        self.replace_all_s = 0.0

    def replace_all(self, bans: Sequence[BanEntry], allows: Sequence[Network]) -> None:
        started = time.perf_counter()
        self.inner.replace_all(bans, allows)
        self.replace_all_s += time.perf_counter() - started

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def map_matches_database(backend: Any, path: Path, now: float) -> bool:
    bans, _ = backend.entries()
    in_maps = {str(e.network) for e in bans}
    conn = sqlite3.connect(path)
    wanted = {r[0] for r in conn.execute("SELECT network FROM bans WHERE lifted IS NULL")}
    conn.close()
    return in_maps == wanted and len(bans) == len(wanted)


async def userspace_share(store: Store, now: float, allows: tuple[Any, ...]) -> dict[str, float]:
    """The user-space stages alone: SQLite -> compact columns + memory index; building entries."""
    gc.collect()
    started = time.perf_counter()
    loaded = await store.run(lambda conn: txn_load(conn, now, allows))
    sql_s = time.perf_counter() - started
    started = time.perf_counter()
    for _ in loaded.packed:  # what a backend does with the entries: build each one
        pass
    entries_s = time.perf_counter() - started
    return {"sqlite_to_columns": round(sql_s, 3), "entries_built": round(entries_s, 3)}


async def restore(path: Path, backend: Any, args: argparse.Namespace) -> None:
    clock = Clock()
    now = time.time()
    clock.advance(now)
    store = Store(path, reactor, synchronous="full")
    await store.start()
    events: list[Event] = []
    allows = builtin_allows(())
    total = args.bans + args.v6 + args.ranges
    if backend is None:
        emit({
            "bench": "banlist.restore", "backend": "unavailable", "reason": args.reason,
            "bans": total, "userspace_stages_s": await userspace_share(store, now, allows),
        })  # fmt: skip
        await store.stop()
        return

    # 1. The batch way, end to end, first (a fresh heap).
    timed = Timed(backend)
    banlist = BanList(store, timed, clock, events.append, builtin=allows)
    gc.collect()
    rss_before = rss_mb()
    started = time.perf_counter()
    report = await banlist.load()
    batch_s = time.perf_counter() - started
    gc.collect()
    rss_loaded = rss_mb()  # the daemon's state with the set loaded: bcc, maps' fds, memory index
    batch_ok = report.bans == total and map_matches_database(backend, path, now)
    del banlist, report

    # 2. One update per row, into an emptied backend, from the same rows.
    backend.replace_all([], [r.network for r in allows])
    gc.collect()

    def read(conn: sqlite3.Connection) -> list[tuple[str, float | None]]:
        return list(conn.execute("SELECT network, expires FROM bans WHERE lifted IS NULL"))

    started = time.perf_counter()
    rows = await store.run(read)
    for network, expires in rows:
        backend.add_ban(BanEntry(ipaddress.ip_network(network), expires))
    per_row_s = time.perf_counter() - started
    per_row_ok = map_matches_database(backend, path, now)
    del rows

    stages = await userspace_share(store, now, allows)
    stages["replace_all_incl_entries"] = round(timed.replace_all_s, 3)
    await store.stop()
    emit({
        "bench": "banlist.restore", "backend": backend.name, "bans": total,
        "batch_s": round(batch_s, 3), "per_row_s": round(per_row_s, 3),
        "ratio_per_row_over_batch": round(per_row_s / batch_s, 2),
        "batch_stages_s": stages,
        "maps_equal_database": {"batch": batch_ok, "per_row": per_row_ok},
        "rss_mb": {"before_load": rss_before, "after_load": rss_loaded},
        "target_batch_s": 3.0,
    })  # fmt: skip


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def add_latency(path: Path, backend: Any, adds: int) -> None:
    clock = Clock()
    clock.advance(time.time())
    store = Store(path, reactor, synchronous="full")
    await store.start()
    banlist = BanList(store, backend, clock, lambda e: None, builtin=builtin_allows(()))
    await banlist.load()

    async def timed(call: Callable[[int], Any]) -> list[float]:
        out = []
        for i in range(adds):
            started = time.perf_counter()
            await call(i)
            out.append((time.perf_counter() - started) * 1000)
        return out

    bare = await timed(lambda i: store.run(lambda conn: None))
    bans = await timed(
        lambda i: banlist.add(
            ipaddress.IPv4Network((0x0C000000 + i, 32)),
            duration=3600.0,
            source="operator",
            reasons=["bench"],
        )
    )
    await store.stop()
    p99_ban, p99_bare = percentile(bans, 99), percentile(bare, 99)
    emit({
        "bench": "banlist.add", "backend": backend.name, "adds": adds,
        "ban_ms": {"p50": round(statistics.median(bans), 3), "p99": round(p99_ban, 3)},
        "bare_commit_ms": {"p50": round(statistics.median(bare), 3), "p99": round(p99_bare, 3)},
        "ratio_p99_ban_over_bare_commit": round(p99_ban / p99_bare, 2),
        "target_p99_ms": 5.0,
    })  # fmt: skip


async def main(args: argparse.Namespace) -> None:
    backend, args.reason = xdp_backend()
    with tempfile.TemporaryDirectory(prefix="hm-bench-banlist-") as folder:
        path = Path(folder) / "hm.db"
        fill(path, args.bans, args.v6, args.ranges, time.time())
        await restore(path, backend, args)
        if backend is not None and args.adds:
            await add_latency(Path(folder) / "adds.db", backend, args.adds)
    if backend is not None:
        backend.close()


def run() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--bans", type=argtypes.amount, default=1_000_000, help="IPv4 /32 bans")
    parser.add_argument("--v6", type=argtypes.amount, default=0, help="IPv6 /64 bans")
    parser.add_argument("--ranges", type=argtypes.amount, default=0, help="IPv4 /24 range bans")
    parser.add_argument(
        "--adds",
        type=argtypes.amount,
        default=500,
        help="single bans for the latency run (0: none)",
    )
    args = parser.parse_args()
    if args.bans + args.v6 + args.ranges == 0:
        parser.error("nothing to load: --bans, --v6 or --ranges above 0")
    failures: list[BaseException | None] = []

    def failed(failure: Failure) -> None:
        failures.append(failure.value)

    def go() -> None:
        d = ensureDeferred(main(args))
        d.addErrback(failed)
        d.addBoth(lambda _: reactor.stop())

    reactor.callWhenRunning(go)
    reactor.run()
    if failures:
        print(f"bench/banlist.py failed: {failures[0]!r}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(run())
