"""What a node answers to a peer's SYNC (honeymesh.mesh.signalstore.missing_for), over SQLite."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from nacl.signing import SigningKey

from honeymesh.mesh import signalstore as sigdb
from honeymesh.mesh.envelope import Signal, new_id, parse_signal, seal
from honeymesh.mesh.replay import ReplayWindow
from honeymesh.store.db import bundled_migrations, open_database

NOW = 1_800_000_000.0
KEYS = [SigningKey(bytes([i]) * 32) for i in (1, 2)]
PUBS = [bytes(k.verify_key).hex() for k in KEYS]


def signal(key: int, seq: int, *, life: float = 3600.0) -> Signal:
    fields = {
        "v": "v2", "id": new_id(), "pub": PUBS[key], "seq": seq, "ts": int(NOW * 1000) - 100_000,
        "exp": int((NOW + life) * 1000), "cls": "L1", "kind": "ban", "claim": "0" * 64,
        "cluster": "c1", "body": {"target": f"198.51.100.{seq}/32"},
    }  # fmt: skip
    return parse_signal(seal(KEYS[key], fields))


def database(tmp_path: Path) -> sqlite3.Connection:
    conn, _ = open_database(tmp_path / "db.sqlite", bundled_migrations())
    return conn


def seqs(raws: list[bytes]) -> list[tuple[int, int]]:
    out = []
    for raw in raws:
        s = parse_signal(raw)
        out.append((PUBS.index(s.publisher), s.seq))
    return out


def test_a_peer_gets_what_is_above_its_top_and_in_its_gaps_and_nothing_expired(
    tmp_path: Path,
) -> None:
    conn = database(tmp_path)
    stored = [signal(0, n) for n in range(1, 8)] + [signal(1, 1), signal(1, 2, life=-20)]
    sigdb.save_signals(conn, stored, {}, NOW)
    have = {PUBS[0]: (5, [(2, 3)])}
    got = seqs(sigdb.missing_for(conn, have, NOW))
    # publisher 0: the gaps 2 and 3, then 6 and 7; publisher 1 (never heard of): only the live 1
    assert sorted(got) == [(0, 2), (0, 3), (0, 6), (0, 7), (1, 1)]


def test_a_level_peer_gets_nothing(tmp_path: Path) -> None:
    conn = database(tmp_path)
    sigdb.save_signals(conn, [signal(0, n) for n in range(1, 4)], {}, NOW)
    assert sigdb.missing_for(conn, {PUBS[0]: (3, [])}, NOW) == []


def test_answers_are_bounded(tmp_path: Path) -> None:
    conn = database(tmp_path)
    sigdb.save_signals(conn, [signal(0, n) for n in range(1, 50)], {}, NOW)
    assert len(sigdb.missing_for(conn, {}, NOW, limit=10)) == 10


def test_replay_windows_survive_a_restart(tmp_path: Path) -> None:
    conn = database(tmp_path)
    window = ReplayWindow()
    for seq in (1, 2, 5):
        window.mark(seq)
    sigdb.save_signals(conn, [signal(0, 5)], {PUBS[0]: window}, NOW)
    conn.commit()
    restored = sigdb.load_state(database(tmp_path)).windows[PUBS[0]]
    assert (restored.check(5), restored.check(2), restored.check(3)) == ("replay", "replay", "new")
    assert sigdb.window_gaps(restored) == [(3, 4)]


def test_gaps_are_runs_newest_first_and_bounded() -> None:
    window = ReplayWindow()
    for seq in (1, 2, 5, 6, 9, 20):
        window.mark(seq)
    assert sigdb.window_gaps(window) == [(10, 19), (7, 8), (3, 4)]
    assert sigdb.window_gaps(window, limit=2) == [(10, 19), (7, 8)]
    for seq in range(21, 600, 2):  # every other number: 289 runs of one
        window.mark(seq)
    assert len(sigdb.window_gaps(window)) == sigdb.MAX_GAP_RANGES


def test_expired_signals_are_removed(tmp_path: Path) -> None:
    conn = database(tmp_path)
    sigdb.save_signals(conn, [signal(0, 1, life=-20), signal(0, 2)], {}, NOW)
    assert sigdb.expire_signals(conn, NOW) == 1
    assert sigdb.load_state(conn).live == 1
