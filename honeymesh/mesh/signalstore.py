"""SQLite for the mesh's signals, replay windows, peer standing and settings.

Each function takes a ``sqlite3.Connection`` and runs in the store's writer thread (through
``Store.run``), so a caller's Deferred fires only once the change is committed. Tables are in
``store/schema/004_mesh.sql``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from honeymesh.mesh.envelope import MAX_SEQ, Signal
from honeymesh.mesh.replay import WINDOW, ReplayWindow

MAX_SYNC_ITEMS = 5000


@dataclass(frozen=True)
class MeshState:
    """What the mesh restores at start."""

    settings: dict[str, str]
    windows: dict[str, ReplayWindow]
    scores: dict[str, tuple[float, int, int]]
    live: int


def load_state(conn: sqlite3.Connection) -> MeshState:
    settings = dict(conn.execute("SELECT key, value FROM mesh_state").fetchall())
    windows = {
        pub: ReplayWindow.from_bytes(top, bitmap)
        for pub, top, bitmap in conn.execute("SELECT publisher, top, bitmap FROM mesh_replay")
    }
    scores = {
        node: (score, delivered, invalid)
        for node, score, delivered, invalid in conn.execute(
            "SELECT node_id, score, delivered, invalid FROM mesh_peer_scores"
        )
    }
    (live,) = conn.execute("SELECT count(*) FROM mesh_signals").fetchone()
    return MeshState(settings, windows, scores, live)


def set_settings(conn: sqlite3.Connection, values: Mapping[str, str]) -> None:
    conn.executemany(
        "INSERT INTO mesh_state (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        list(values.items()),
    )


def save_signals(
    conn: sqlite3.Connection,
    signals: Iterable[Signal],
    windows: Mapping[str, ReplayWindow],
    now: float,
) -> None:
    """Keep accepted signals for relay and catch-up, and the replay windows they moved."""
    conn.executemany(
        "INSERT OR IGNORE INTO mesh_signals "
        "(id, publisher, seq, kind, target, expires, raw, received) VALUES (?,?,?,?,?,?,?,?)",
        [
            (s.id, s.publisher, s.seq, s.kind, str(s.target), s.exp / 1000, s.raw, now)
            for s in signals
        ],
    )
    conn.executemany(
        "INSERT INTO mesh_replay (publisher, top, bitmap) VALUES (?, ?, ?) "
        "ON CONFLICT (publisher) DO UPDATE SET top = excluded.top, bitmap = excluded.bitmap",
        [(pub, w.top, w.to_bytes()) for pub, w in windows.items()],
    )


def save_own(conn: sqlite3.Connection, signal: Signal, now: float) -> None:
    """Our own signal and our sequence number, committed before the signal is sent."""
    save_signals(conn, [signal], {}, now)
    set_settings(conn, {"seq": str(signal.seq)})


def save_scores(
    conn: sqlite3.Connection, scores: Mapping[str, tuple[float, int, int]], now: float
) -> None:
    conn.executemany(
        "INSERT INTO mesh_peer_scores (node_id, score, delivered, invalid, updated) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (node_id) DO UPDATE SET score = excluded.score, "
        "delivered = excluded.delivered, invalid = excluded.invalid, updated = excluded.updated",
        [(node, score, d, i, now) for node, (score, d, i) in scores.items()],
    )


def missing_for(
    conn: sqlite3.Connection,
    have: Mapping[str, tuple[int, Sequence[tuple[int, int]]]],
    now: float,
    limit: int = MAX_SYNC_ITEMS,
) -> list[bytes]:
    """Live signals a peer lacks: above its top for a publisher, or in its listed gaps, or of
    a publisher it has never heard of. Expired signals are never sent. Each publisher is read
    through the (publisher, seq) index from the peer's top on, so a peer that is level costs
    one index probe per publisher, whatever the number of live signals."""
    out: list[bytes] = []
    publishers = [p for (p,) in conn.execute("SELECT DISTINCT publisher FROM mesh_signals")]
    for publisher in publishers:
        top, gaps = have.get(publisher, (0, ()))
        # Oldest first, gaps before what is above the top, so the peer's window is never
        # pushed past a number it still lacks.
        ranges = [*sorted(gaps), (top + 1, MAX_SEQ)]
        for low, high in ranges:
            if len(out) >= limit:
                break
            rows = conn.execute(
                "SELECT raw FROM mesh_signals WHERE publisher = ? AND seq BETWEEN ? AND ? "
                "AND expires > ? ORDER BY seq LIMIT ?",
                (publisher, low, high, now, limit - len(out)),
            )
            out.extend(raw for (raw,) in rows)
        if len(out) >= limit:
            return out[:limit]
    return out


def latest_own(
    conn: sqlite3.Connection, publisher: str, kind: str, target: str, now: float
) -> str | None:
    """The id of our latest live signal of ``kind`` about ``target`` (what an unban refers to)."""
    row = conn.execute(
        "SELECT id FROM mesh_signals WHERE publisher = ? AND kind = ? AND target = ? "
        "AND expires > ? ORDER BY seq DESC LIMIT 1",
        (publisher, kind, target, now),
    ).fetchone()
    return None if row is None else str(row[0])


def expire_signals(conn: sqlite3.Connection, now: float) -> int:
    return conn.execute("DELETE FROM mesh_signals WHERE expires <= ?", (now,)).rowcount


def live_signals(conn: sqlite3.Connection, now: float, limit: int = 200) -> list[dict[str, object]]:
    rows = conn.execute(
        "SELECT id, publisher, seq, kind, target, expires, received FROM mesh_signals "
        "WHERE expires > ? ORDER BY received DESC LIMIT ?",
        (now, limit),
    ).fetchall()
    keys = ("id", "publisher", "seq", "kind", "target", "expires", "received")
    return [dict(zip(keys, row, strict=True)) for row in rows]


MAX_GAP_RANGES = 256


def window_gaps(window: ReplayWindow, limit: int = MAX_GAP_RANGES) -> list[tuple[int, int]]:
    """The runs of sequence numbers inside the window never seen, as (lowest, highest), the
    newest run first: what a SYNC asks for besides everything above the top."""
    span = min(window.top, WINDOW)
    missing = ~window.bits & ((1 << span) - 1) & ~1  # bit i: top - i; bit 0 (top) is seen
    ranges: list[tuple[int, int]] = []
    while missing and len(ranges) < limit:
        low = missing & -missing
        run = missing & ~(missing + low)  # the run of ones that starts at the lowest one
        start, end = low.bit_length() - 1, run.bit_length() - 1
        ranges.append((window.top - end, window.top - start))
        missing &= ~run
    return ranges
