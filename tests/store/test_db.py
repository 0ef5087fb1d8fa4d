"""The store: migrations, batching, acknowledged writes, retention, bad databases."""

from __future__ import annotations

import contextlib
import json
import math
import sqlite3
import threading
import time
from collections.abc import Callable, Generator
from pathlib import Path
from typing import Any, cast

import pytest
import pytest_twisted
from hypothesis import given, settings
from hypothesis import strategies as st
from twisted.internet import reactor as _reactor
from twisted.internet.defer import Deferred, inlineCallbacks
from twisted.internet.interfaces import IReactorFromThreads
from twisted.internet.task import deferLater
from twisted.logger import ILogObserver, Logger, LogLevel, formatEvent
from twisted.python.failure import Failure

from honeymesh.events import Event, EventId, Notice, Observation
from honeymesh.store.db import (
    Migration,
    Store,
    StoreClosed,
    StoreError,
    StoreHealth,
    StoreService,
    bundled_migrations,
    insert_events,
    log_job_failure,
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


def wait_until(predicate: Callable[[], bool], timeout: float = 20.0) -> Deferred[None]:
    """Poll ``predicate`` on the reactor (the store reports from its own thread)."""

    @inlineCallbacks
    def poll() -> Generator[Deferred[object], object, None]:
        deadline = time.monotonic() + timeout
        while not predicate():
            assert time.monotonic() < deadline, "timed out waiting"
            yield deferLater(_reactor, 0.02, lambda: None)

    return poll()


def count_events(path: Path) -> int:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return int(conn.execute("SELECT count(*) FROM events").fetchone()[0])


@pytest_twisted.inlineCallbacks
def test_a_database_locked_past_busy_timeout_loses_no_event_and_says_so_once(tmp_path: Path):
    """Another process holds the write lock for several busy timeouts: events wait and are all
    written once it lets go; a write asked meanwhile fails with the reason; a read still answers;
    degraded and recovered are each said once."""
    told: list[StoreHealth] = []
    store = Store(
        tmp_path / "s.db", reactor, busy_timeout=0.2, retry_first=0.05, retry_max=0.2,
        on_health=told.append,
    )  # fmt: skip
    yield store.start()
    locker = sqlite3.connect(tmp_path / "s.db", isolation_level=None)
    locker.execute("BEGIN IMMEDIATE")
    for i in range(300):
        store.append(obs(i))
    yield wait_until(lambda: store.degraded is not None)
    with pytest.raises(StoreError, match="database is locked"):
        yield store.run(lambda c: c.execute("INSERT INTO settings VALUES ('m', 'x')"))
    read = yield store.run(lambda c: c.execute("SELECT count(*) FROM settings").fetchone()[0])
    assert read == 0
    for i in range(300, 600):
        store.append(obs(i))
    yield deferLater(_reactor, 1.5, lambda: None)  # several busy timeouts and retries
    assert store.write_failures >= 3 and store.backlog == 600 and store.lost == 0
    locker.execute("ROLLBACK")
    locker.close()
    yield wait_until(lambda: store.degraded is None)
    yield store.stop()
    assert count_events(tmp_path / "s.db") == 600 and store.lost == 0
    assert [(h.degraded, h.reason) for h in told] == [
        (True, "database is locked"), (False, "database is locked")
    ]  # fmt: skip
    assert told[1].dropped == 0 and told[1].seconds > 1.0


def fill_to(pages: int) -> Callable[[sqlite3.Connection], None]:
    """A job that lets the database grow to ``pages`` pages at most: SQLite then answers
    SQLITE_FULL ("database or disk is full") as it does when the disk is full."""

    def job(conn: sqlite3.Connection) -> None:
        conn.execute(f"PRAGMA max_page_count = {pages}")

    return job


@pytest_twisted.inlineCallbacks
def test_a_full_database_holds_a_bounded_backlog_counts_drops_and_recovers(tmp_path: Path):
    told: list[StoreHealth] = []
    store = Store(
        tmp_path / "s.db", reactor, max_backlog=1000, retry_first=0.05, retry_max=0.1,
        on_health=told.append,
    )  # fmt: skip
    yield store.start()
    pages = yield store.run(lambda c: c.execute("PRAGMA page_count").fetchone()[0])
    yield store.run(fill_to(pages))
    for i in range(5000):  # far more than the bound while nothing can be written
        store.append(obs(i))
        if i % 500 == 0:
            yield deferLater(_reactor, 0.01, lambda: None)
    yield wait_until(lambda: store.degraded is not None)
    assert "full" in str(store.degraded)
    big = "x" * 100_000  # needs new pages, as a ban row on a full disk does
    with pytest.raises(StoreError, match="database or disk is full"):
        yield store.run(lambda c: c.execute("INSERT INTO settings VALUES ('m', ?)", (big,)))
    assert store.backlog == 1000 and store.lost == 5000 - 1000 - store.written
    yield store.run(fill_to(1_000_000))  # space comes back
    yield wait_until(lambda: store.degraded is None)
    saved = yield store.run(
        lambda c: c.execute("INSERT INTO settings VALUES ('m', ?)", (big,)).rowcount
    )
    assert saved == 1
    yield store.stop()
    assert count_events(tmp_path / "s.db") == store.written >= 1000
    assert store.appended == store.written + store.lost  # every event written or counted
    assert [h.degraded for h in told] == [True, False]
    assert told[1].dropped == store.lost and "full" in told[1].reason


@pytest_twisted.inlineCallbacks
def test_at_stop_events_that_still_cannot_be_written_are_counted_as_lost(tmp_path: Path):
    store = Store(tmp_path / "s.db", reactor, retry_first=0.05, stop_grace=0.3)
    yield store.start()
    pages = yield store.run(lambda c: c.execute("PRAGMA page_count").fetchone()[0])
    yield store.run(fill_to(pages))
    for i in range(100):
        store.append(obs(i))
    yield wait_until(lambda: store.degraded is not None)
    yield store.stop()  # returns within stop_grace, not never
    assert store.lost == 100 and store.backlog == 0


@pytest_twisted.inlineCallbacks
def test_store_service_tells_degraded_and_recovered_as_notices(tmp_path: Path):
    published: list[Event] = []
    store = Store(tmp_path / "s.db", reactor, retry_first=0.05, retry_max=0.1)
    service = StoreService(store, published.append, lambda: 5.0, lambda f: None)
    service.startService()
    assert service.ready is not None
    yield service.ready
    pages = yield store.run(lambda c: c.execute("PRAGMA page_count").fetchone()[0])
    yield store.run(fill_to(pages))
    for i in range(2000):  # more than the free room in the last page
        store.append(obs(i))
    yield wait_until(lambda: store.degraded is not None)
    yield store.run(fill_to(1_000_000))
    yield wait_until(lambda: store.degraded is None)
    yield service.stopService()
    notices = [e for e in published if isinstance(e, Notice)]
    ids = [str(n.event_id) for n in notices]
    assert ids == ["store.migrated", "store.degraded", "store.recovered"]
    assert notices[1].detail["max_backlog"] == 50_000
    assert "full" in str(notices[1].detail["reason"])
    assert notices[2].detail["dropped"] == 0


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


@pytest_twisted.inlineCallbacks
def test_events_trickling_in_share_commits_and_jobs_do_not_wait_for_them(tmp_path: Path):
    """Trap sessions end one at a time: each must not cost a commit (and a wake-up of the
    writer) of its own. The writer lingers after a commit so that they gather; a job (a ban
    being saved) or a stop cuts the linger short."""
    store = Store(tmp_path / "s.db", reactor, linger=0.2, synchronous="normal")
    yield store.start()
    began = time.monotonic()
    for i in range(20):
        store.append(obs(i))
        yield deferLater(_reactor, 0.002, lambda: None)
    lingers = math.ceil((time.monotonic() - began) / 0.2)  # 1 unless the machine stalls
    yield deferLater(_reactor, 0.5, lambda: None)
    assert store.written == 20
    assert store.batches <= max(3, 1 + lingers)  # one each without the linger

    slow = Store(tmp_path / "t.db", reactor, linger=60.0, synchronous="normal")
    yield slow.start()
    slow.append(obs(1))

    def write(conn: sqlite3.Connection) -> str:
        conn.execute("INSERT INTO settings (key, value) VALUES ('mode', 'enforce')")
        return "saved"

    result = yield slow.run(write).addTimeout(10, _reactor)
    assert result == "saved"
    yield slow.stop().addTimeout(10, _reactor)
    assert slow.written == 1
    yield store.stop()


class CountingQueue:
    """The store's queue, counting the writer's waits for an item on an empty queue: each is
    a wake-up when the item comes (the reactor thread's put)."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self.blocked = 0

    def put(self, item: object) -> None:
        self._inner.put(item)

    def get(self, timeout: float | None = None) -> object:
        if timeout is None and self._inner.empty():
            self.blocked += 1
        return self._inner.get(timeout=timeout)

    def get_nowait(self) -> object:
        return self._inner.get_nowait()

    def empty(self) -> bool:
        return bool(self._inner.empty())


@inlineCallbacks
def one_then_rest(store: Store, rest: float) -> Generator[Deferred[Any], object, None]:
    """One event written, then ``rest`` seconds of nothing: the writer asleep until work comes."""
    store.append(obs(0))
    yield wait_until(lambda: store.written == 1)
    yield deferLater(_reactor, rest, lambda: None)


@inlineCallbacks
def trickle(store: Store, count: int, apart: float) -> Generator[Deferred[Any], object, None]:
    """``count`` more events after ``one_then_rest``, ``apart`` seconds apart, until all are
    written."""
    for i in range(1, count + 1):
        store.append(obs(i))
        yield deferLater(_reactor, apart, lambda: None)
    yield wait_until(lambda: store.written == count + 1)


@pytest_twisted.inlineCallbacks
def test_at_a_trickle_the_writer_wakes_once_a_commit_not_for_each_first_event(tmp_path: Path):
    """A trickle (FTP's 15 sessions a second) woke the writer for the first event after each
    commit, again for the GIL the reactor still held, then at the linger's end: each wake-up
    costs more than the rows on this VM. Once events stream in, the writer sleeps out the
    linger first, so the events that come meanwhile find it asleep on its timer."""
    store = Store(tmp_path / "s.db", reactor, linger=0.1, synchronous="normal")
    counted = CountingQueue(store._queue)
    store._queue = cast(Any, counted)
    yield store.start()
    yield one_then_rest(store, 0.3)  # past the linger: asleep until work comes
    batches, blocked = store.batches, counted.blocked
    yield trickle(store, 60, 0.015)  # 60 events, 15 ms apart: about nine lingers' worth
    commits = store.batches - batches
    assert 5 <= commits <= 20  # the events shared commits
    # Woken by an event on an empty queue: before, once a commit; now while the stream
    # starts (STREAM batches) and after its end.
    assert counted.blocked - blocked <= commits / 2 + 2, (counted.blocked - blocked, commits)
    yield store.stop()


class CountingWake:
    """The writer's ``_wake`` event, counting the sleeps on it that ran to their end: each is
    the writer woken by its own timer."""

    def __init__(self, inner: threading.Event) -> None:
        self._inner = inner
        self.expired = 0

    def wait(self, timeout: float | None = None) -> bool:
        woken = self._inner.wait(timeout)
        self.expired += not woken
        return woken

    def set(self) -> None:
        self._inner.set()

    def clear(self) -> None:
        self._inner.clear()


@pytest_twisted.inlineCallbacks
def test_events_a_little_more_than_a_linger_apart_never_wake_the_writer_on_a_timer(
    tmp_path: Path,
):
    """Each comes after the linger and is written at once, so none waits for company, and a
    sleep after each commit (batches taken 1-1.5 lingers apart) would end with nothing to
    write: a second wake-up for each event."""
    store = Store(tmp_path / "s.db", reactor, linger=0.2, synchronous="normal")
    wake = CountingWake(store._wake)
    store._wake = cast(Any, wake)
    yield store.start()
    yield one_then_rest(store, 0.5)
    batches = store.batches
    yield trickle(store, 10, 0.26)  # 1.3 lingers apart: 60 ms to spare for a writer woken late
    assert store.batches - batches == 10  # each on its own
    assert wake.expired == 0
    yield store.stop()


@pytest_twisted.inlineCallbacks
def test_a_job_or_a_stop_ends_the_writers_sleep_while_events_stream_in(tmp_path: Path):
    """What a caller is told is saved never waits for the linger, also while the writer sleeps
    it out before looking for more (events streaming in: here, each batch cut short by a job)."""
    store = Store(tmp_path / "s.db", reactor, linger=60.0, synchronous="normal")
    yield store.start()
    store.append(obs(0))  # written at once
    yield wait_until(lambda: store.written == 1)
    for i in range(1, 4):  # batches in a row, each begun within the linger: a stream
        store.append(obs(i))
        yield store.run(lambda c: None).addTimeout(10, _reactor)
    assert store._streaming >= 2  # the writer now sleeps out the minute before looking
    store.append(obs(4))
    count = yield store.run(
        lambda c: c.execute("SELECT count(*) FROM events").fetchone()[0]
    ).addTimeout(10, _reactor)
    assert count == 5
    store.append(obs(5))
    yield store.stop().addTimeout(10, _reactor)
    assert store.written == 6


@pytest_twisted.inlineCallbacks
def test_a_read_through_run_sees_every_event_published_before_it(tmp_path: Path):
    """Events wait up to the linger for company, but never a job: it cuts the linger short and
    its transaction carries every event queued before it (the API's reads go through run)."""
    store = Store(tmp_path / "s.db", reactor, linger=60.0, synchronous="normal")
    yield store.start()
    for i in range(5):  # the first is written at once, the rest would wait out the minute
        store.append(obs(i))
    count = yield store.run(
        lambda c: c.execute("SELECT count(*) FROM events").fetchone()[0]
    ).addTimeout(10, _reactor)
    assert count == 5
    yield store.stop().addTimeout(10, _reactor)


@pytest_twisted.inlineCallbacks
def test_a_burst_of_a_batch_or_more_is_written_without_waiting_out_the_linger(tmp_path: Path):
    """The linger is for a trickle: once a batch's worth waits, it ends, or it would cap the
    rate at a batch per linger (and with a small backlog drop events while nothing failed)."""
    store = Store(tmp_path / "s.db", reactor, linger=60.0, batch_max=100, synchronous="normal")
    yield store.start()
    store.append(obs(0))  # written at once: nothing was committed within the linger
    yield wait_until(lambda: store.written == 1)
    for i in range(1, 251):
        store.append(obs(i))
    yield wait_until(lambda: store.written >= 201)  # two full batches, not in a minute
    assert store.lost == 0
    yield store.stop().addTimeout(10, _reactor)
    assert store.written == 251


@pytest.mark.parametrize("per_session", [1, 3])
@pytest_twisted.inlineCallbacks
def test_a_trickle_of_events_wakes_the_writer_once_each(tmp_path: Path, per_session: int):
    """Events further apart than the linger are each written at once, and the writer then
    sleeps until the next one comes. It used to linger on a timer after every commit, a second
    wake-up per event on a node seeing a trickle (an FTP spray, vsftpd's 3 s pause after each
    failed login, ends a session every 50-100 ms). Nor after the few events of one session
    (an HTTP login's three, the first written at once and the others after the linger): two
    batches close together are not yet a stream (``STREAM``).

    Counted where nothing may wake it: from the moment the writer has gone back to sleep after
    a commit until three lingers later. A thread blocked in its wait takes no voluntary context
    switch unless it wakes, so the count is exact; counted over a whole run it also took the
    writer's waits for the GIL and for the page cache, which a loaded CI machine multiplies."""
    store = Store(tmp_path / "s.db", reactor, linger=0.02, synchronous="normal")
    yield store.start()
    assert store._thread is not None
    status = Path(f"/proc/self/task/{store._thread.native_id}/status")

    def sleeps_if_asleep() -> int | None:  # the writer's voluntary context switches, if asleep
        text = status.read_text()
        if "\nState:\tS" not in text:
            return None
        return int(text.split("\nvoluntary_ctxt_switches:")[1].split()[0])

    def settled() -> Generator[Deferred[None], None, int]:
        """The writer's count once it is asleep and has stayed so for 5 ms (a writer woken by
        a timer of its own never is: the test fails instead of waiting forever)."""
        last = None
        for _ in range(1000):
            now = sleeps_if_asleep()
            if now is not None and now == last:
                return now
            last = now
            yield deferLater(_reactor, 0.005, lambda: None)
        raise AssertionError("the writer never stayed asleep for 5 ms")

    batches, woken = store.batches, 0
    for i in range(20):
        deadline = time.monotonic() + 10
        for j in range(per_session):  # the rest once the first is written, within the linger
            store.append(obs(i * per_session + j))
            while store.written < i * per_session + 1:
                assert time.monotonic() < deadline, f"session {i} was not written in 10 s"
                yield deferLater(_reactor, 0.002, lambda: None)
        while store.written < (i + 1) * per_session:
            assert time.monotonic() < deadline, f"session {i} was not written in 10 s"
            yield deferLater(_reactor, 0.002, lambda: None)
        before = yield from settled()
        yield deferLater(_reactor, 3 * 0.02, lambda: None)
        after = sleeps_if_asleep()
        woken += 1 if after is None or after != before else 0
    assert store.written == 20 * per_session
    # each on its own (none came within the linger), or a session's first, then the rest
    assert store.batches - batches == 20 * min(per_session, 2)
    assert woken == 0, f"the writer woke {woken} times with nothing to write, after 20 sessions"
    yield store.stop()


@pytest_twisted.inlineCallbacks
def test_the_store_the_json_log_and_the_feed_carry_the_same_record_of_an_event(tmp_path: Path):
    """One event is flattened and encoded once and shared: the store's row, the JSON log's
    line and the feed's entry are the same JSON (the log adds its three keys in front, the
    feed its ``seq`` behind), awkward text included."""
    from twisted.internet.task import Clock  # noqa: PLC0415
    from twisted.logger import LogPublisher  # noqa: PLC0415

    from honeymesh.events import EventBus, event_fields  # noqa: PLC0415
    from honeymesh.logs import JsonLogService  # noqa: PLC0415
    from honeymesh.web.feed import FeedClient, FeedHub  # noqa: PLC0415

    class Client:
        def __init__(self) -> None:
            self.messages: list[bytes] = []

        def deliver(self, message: bytes) -> None:
            self.messages.append(message)

    event = Observation(
        EventId.TRAP_CREDENTIAL,
        1712000000.25,
        "192.0.2.7",
        {"username": "r\u00f6ot\ud800\x1b[2J", "password": 'a"b\\\n', "port": 22, "ok": None},
    )
    bus, clock, client = EventBus(), Clock(), Client()
    store = Store(tmp_path / "s.db", reactor, synchronous="normal")
    yield store.start()
    log = JsonLogService(tmp_path / "h.jsonl", max_bytes=10**6, keep=1, publisher=LogPublisher())
    log.startService()
    feed = FeedHub(bus.subscribe, clock, flush_interval=0.1)
    feed.attach(cast(FeedClient, client))
    bus.subscribe(store.append)
    bus.subscribe(log.record)
    bus.publish(event)
    clock.advance(0.2)
    log.stopService()
    yield store.stop()

    (body,) = sqlite3.connect(tmp_path / "s.db").execute("SELECT body FROM events").fetchone()
    (line,) = (tmp_path / "h.jsonl").read_text().splitlines()
    batch = client.messages[-1]
    entry = batch[len(b'{"type":"events","events":[') : -len(b"]}")]
    assert (
        line
        == '{"log_time":1712000000.25,"log_level":"info","log_namespace":"honeymesh",' + (body[1:])
    )
    assert entry == body[:-1].encode() + b',"seq":1}'
    assert json.loads(body) == event_fields(event)
    assert json.loads(line)["detail"]["username"] == "r\u00f6ot\ud800\x1b[2J"


def test_a_job_the_store_could_not_take_is_one_warning_and_a_defect_its_traceback() -> None:
    """A full disk fails whatever goes through the store (a ban, a sweep, a mesh record):
    the store said so once (store.degraded), so each such failure is one warning line with
    the reason; any other failure is a defect, and keeps its traceback at critical."""
    lines: list[dict[str, object]] = []
    log = Logger(observer=cast(ILogObserver, lines.append))
    log_job_failure(
        log,
        Failure(StoreError("database or disk is full")),
        "ban for {source} failed",
        source="192.0.2.1",
    )
    log_job_failure(
        log, Failure(ValueError("a bug")), "ban for {source} failed", source="192.0.2.2"
    )
    (store, bug) = lines
    assert store["log_level"] == LogLevel.warn and "log_failure" not in store
    assert formatEvent(store) == "ban for 192.0.2.1 failed (database or disk is full)"
    assert bug["log_level"] == LogLevel.critical
    assert cast(Failure, bug["log_failure"]).check(ValueError)


_rows = st.lists(
    st.tuples(
        st.floats(allow_nan=False, allow_infinity=False),
        st.sampled_from([str(e) for e in EventId]),
        st.sampled_from(["observation", "verdict", "notice"]),
        st.one_of(st.none(), st.ip_addresses().map(str)),
        st.text(max_size=40),
    ),
    max_size=600,
)


@settings(max_examples=40, deadline=None)
@given(batches=st.lists(_rows, max_size=3))
def test_events_go_in_a_few_statements_a_batch_exactly_as_one_by_one(
    batches: list[list[tuple[float, str, str, str | None, str]]],
) -> None:
    """``insert_events`` (up to 1,024 rows a statement) stores what ``executemany`` of one row
    a statement stores: every row, in order, every value as it was, whatever the count."""
    tables = []
    for one_by_one in (True, False):
        conn, _ = open_database(Path(":memory:"), bundled_migrations())
        for rows in batches:
            if one_by_one:
                conn.executemany(
                    "INSERT INTO events (time, event_id, kind, source, body) "
                    "VALUES (?, ?, ?, ?, ?)",
                    rows,
                )
            else:
                insert_events(conn, rows)
        tables.append(conn.execute("SELECT * FROM events ORDER BY id").fetchall())
        conn.close()
    assert tables[0] == tables[1]
    assert len(tables[1]) == sum(len(rows) for rows in batches)


@pytest.mark.parametrize("variable_limit", [None, 999])
def test_a_large_batch_uses_every_statement_size_and_keeps_every_row(
    variable_limit: int | None,
) -> None:
    """2,343 rows: two statements of 1,024, then 256, 32, 4 and three of one (or, where
    SQLite allows only 999 values a statement, chunks of at most 32 rows)."""
    rows = [
        (1.7e9 + i / 7, "trap.session", "observation", None if i % 5 else f"192.0.2.{i % 256}",
         json.dumps({"n": i, "text": "\u00e9\"" * (i % 3)}))
        for i in range(2343)
    ]  # fmt: skip
    conn, _ = open_database(Path(":memory:"), bundled_migrations())
    if variable_limit is not None:
        conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, variable_limit)
    sizes: list[int] = []
    # The trace shows each statement with its values in: count the rows by their kind.
    conn.set_trace_callback(lambda sql: sizes.append(sql.count("'observation'")))
    insert_events(conn, rows)
    conn.set_trace_callback(None)
    if variable_limit is None:
        assert sizes == [1024, 1024, 256, 32, 4, 1, 1, 1]
    else:
        assert sizes == [32] * 73 + [4, 1, 1, 1]
    stored = conn.execute(
        "SELECT time, event_id, kind, source, body FROM events ORDER BY id"
    ).fetchall()
    conn.close()
    assert stored == rows
