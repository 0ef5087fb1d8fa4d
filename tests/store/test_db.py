"""The store: migrations, batching, acknowledged writes, retention, bad databases."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import cast

import pytest
import pytest_twisted
from twisted.internet import reactor as _reactor
from twisted.internet.interfaces import IReactorFromThreads

from honeymesh.events import EventId, Observation
from honeymesh.store.db import (
    Migration,
    Store,
    StoreClosed,
    StoreError,
    bundled_migrations,
    open_database,
    prune_events,
)

reactor = cast(IReactorFromThreads, _reactor)


def test_migrations_from_empty_reach_the_latest_version(tmp_path: Path) -> None:
    migrations = bundled_migrations()
    conn, applied = open_database(tmp_path / "a.db", migrations)
    assert applied == [m.version for m in migrations]
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations[-1].version
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


@pytest.mark.parametrize("start", range(1, len(bundled_migrations())))
def test_migrations_from_each_older_version(tmp_path: Path, start: int) -> None:
    migrations = bundled_migrations()
    path = tmp_path / "old.db"
    conn, _ = open_database(path, migrations[:start])
    conn.execute(
        "INSERT INTO events (time, event_id, kind, source, body) "
        "VALUES (1, 'trap.session', 'observation', '192.0.2.1', '{}')"
    )
    conn.close()
    conn, applied = open_database(path, migrations)
    assert applied == [m.version for m in migrations[start:]]
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 1  # data kept
    assert Path(f"{path}.v{start}.bak").exists()  # backed up before the upgrade
    conn.close()


def test_second_open_applies_nothing(tmp_path: Path) -> None:
    conn, _ = open_database(tmp_path / "a.db", bundled_migrations())
    conn.close()
    conn, applied = open_database(tmp_path / "a.db", bundled_migrations())
    assert applied == []
    conn.close()


def test_newer_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 999")
    with pytest.raises(StoreError, match="newer than this HoneyMesh"):
        open_database(path, bundled_migrations())


def test_failed_migration_leaves_the_previous_version(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    good = bundled_migrations()[:1]
    broken = [
        *good,
        Migration(
            len(good) + 1, "00x_broken.sql", "CREATE TABLE t (x); SELECT * FROM no_such_table;"
        ),
    ]
    conn, _ = open_database(path, good)
    conn.close()
    with pytest.raises(StoreError, match="failed"):
        open_database(path, broken)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 't'").fetchone() is None


def test_garbage_file_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match=r"junk\.db is damaged \(file is not a database"):
        open_database(path, bundled_migrations())
    assert path.read_bytes() == b"this is not a database" * 100


def test_an_emptied_database_is_refused_untouched(tmp_path: Path) -> None:
    """A zero-length file is not a first start: SQLite would begin afresh and every ban would
    be gone without a word."""
    path = tmp_path / "honeymesh.db"
    path.write_bytes(b"")
    with pytest.raises(StoreError, match=r"is empty \(0 bytes\): the bans it held are gone"):
        open_database(path, bundled_migrations())
    assert path.stat().st_size == 0
    assert not (tmp_path / "honeymesh.db-wal").exists()


def damaged_copy(tmp_path: Path) -> Path:
    """A real database with some rows, then garbage written over a page in the middle."""
    path = tmp_path / "honeymesh.db"
    conn, _ = open_database(path, bundled_migrations())
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO events (time, event_id, kind, source, body) VALUES (?, ?, ?, ?, ?)",
        ((float(i), "trap.session", "observation", "192.0.2.1", "{}" * 50) for i in range(5000)),
    )
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    data = bytearray(path.read_bytes())
    page = 4096
    middle = (len(data) // page // 2) * page
    data[middle : middle + page] = b"\xa5" * page
    path.write_bytes(bytes(data))
    return path


def test_garbage_in_the_middle_of_a_database_is_refused_untouched(tmp_path: Path) -> None:
    path = damaged_copy(tmp_path)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="is damaged"):
        open_database(path, bundled_migrations())
    assert path.read_bytes() == before


def obs(i: int) -> Observation:
    return Observation(EventId.TRAP_SESSION, float(i), f"192.0.2.{i % 250}", {"i": i})


@pytest_twisted.inlineCallbacks
def test_sustained_load_loses_nothing_and_batches(tmp_path: Path):
    store = Store(tmp_path / "s.db", reactor, batch_max=1000, synchronous="normal")
    yield store.start()
    total = 50_000
    for i in range(total):
        store.append(obs(i))
    yield store.stop()
    conn = sqlite3.connect(tmp_path / "s.db")
    count, distinct = conn.execute(
        "SELECT count(*), count(DISTINCT json_extract(body, '$.detail.i')) FROM events"
    ).fetchone()
    assert (count, distinct) == (total, total)
    assert store.written == total and store.backlog == 0 and store.lost == 0
    assert store.batches < total / 10  # many events to a transaction, not one each


@pytest_twisted.inlineCallbacks
def test_run_fires_only_after_commit(tmp_path: Path):
    store = Store(tmp_path / "s.db", reactor)
    yield store.start()

    def write(conn: sqlite3.Connection) -> str:
        conn.execute("INSERT INTO settings (key, value) VALUES ('mode', 'enforce')")
        return "saved"

    result = yield store.run(write)
    assert result == "saved"
    other = sqlite3.connect(tmp_path / "s.db")  # another connection sees it: committed
    assert other.execute("SELECT value FROM settings WHERE key='mode'").fetchone() == ("enforce",)
    yield store.stop()


@pytest_twisted.inlineCallbacks
def test_a_failing_job_rolls_back_alone(tmp_path: Path):
    store = Store(tmp_path / "s.db", reactor)
    yield store.start()

    def half_then_fail(conn: sqlite3.Connection) -> None:
        conn.execute("INSERT INTO settings (key, value) VALUES ('a', '1')")
        raise ValueError("bad input")

    store.append(obs(1))
    failing = store.run(half_then_fail)
    ok = store.run(lambda c: c.execute("INSERT INTO settings VALUES ('b', '2')").rowcount)
    with pytest.raises(ValueError, match="bad input"):
        yield failing
    assert (yield ok) == 1
    rows = yield store.run(lambda c: c.execute("SELECT key FROM settings").fetchall())
    assert rows == [("b",)]
    events = yield store.run(lambda c: c.execute("SELECT count(*) FROM events").fetchone()[0])
    assert events == 1
    yield store.stop()


@pytest_twisted.inlineCallbacks
def test_work_after_stop_is_refused_clearly(tmp_path: Path):
    store = Store(tmp_path / "s.db", reactor)
    yield store.start()
    yield store.stop()
    with pytest.raises(StoreClosed):
        yield store.run(lambda c: None)
    store.append(obs(1))
    assert store.lost == 1


@pytest_twisted.inlineCallbacks
def test_unopenable_database_fails_start(tmp_path: Path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"garbage" * 1000)
    store = Store(path, reactor)
    with pytest.raises(StoreError):
        yield store.start()
    with pytest.raises(StoreClosed):
        yield store.run(lambda c: None)


def test_retention_by_age_and_row_cap(tmp_path: Path) -> None:
    conn, _ = open_database(tmp_path / "r.db", bundled_migrations())
    conn.executemany(
        "INSERT INTO events (time, event_id, kind, source, body) VALUES (?, 'x', 'notice', "
        "NULL, '{}')",
        [(float(t),) for t in range(100)],
    )
    assert prune_events(conn, older_than=10.0, max_rows=1000) == 10
    assert prune_events(conn, older_than=0.0, max_rows=50) == 40
    times = [r[0] for r in conn.execute("SELECT time FROM events ORDER BY time")]
    assert times == [float(t) for t in range(50, 100)]  # the newest survive
