"""SQLite, owned by one thread, with batched event writes and acknowledged transactions.

The reactor thread never touches the connection. It hands the writer thread two kinds of work:

* ``append(event)``: fire and forget; events queue up and are written many to a transaction.
  Events are committed at most once every ``linger`` seconds (250 ms), unless a job or a stop
  arrives: an event that comes within 250 ms of the last commit waits out the rest of them
  for company; one that comes later is written at once. A commit with ``synchronous = full``
  costs this VM 400-700 us of CPU (the WAL's fsync), more than a whole trap session: a
  trickle of events (an FTP spray, vsftpd's 3 s pause spreading its sessions out, 30 events a
  second) paid one each, 811 us of the writer's CPU a session at a 20 ms linger against
  177 us at 250 ms (docs/BENCHMARKS.md, "Third pass"). An event is therefore on disk up to
  250 ms later than it could be, as it reaches the JSON log (flushed every 250 ms); a crash or
  a power cut could cost those. What a caller is told is saved never waits: a job cuts the
  linger short and its transaction carries every event queued before it, so a read through
  ``run`` (the API's) sees every event published before it. Nor does a flood: once a batch's
  worth of events waits (``batch_max``, or half of ``max_backlog``), the linger ends, so the
  linger never caps the rate (it would at ``batch_max`` per 250 ms). The writer sleeps until
  work comes; while events stream in (batch after batch, each begun within the linger of the
  last) it sleeps out the linger before it looks for more, so that they find it on that one
  timer instead of the first of them waking it (``_take``). An idle node's writer wakes for
  nothing at most once, after a stream's last batch.
* ``run(fn)``: ``fn(connection)`` runs inside a transaction in the writer thread; the returned
  Deferred fires with its result only after that transaction is committed. Anything a caller is
  told is saved (a ban, a mode switch) goes through here.

When the database cannot be written (a full disk, an I/O error, another process holding the
write lock past ``busy_timeout``) the store is *degraded*: it says so once (``on_health``),
keeps the events it could not write and retries them with a growing delay, runs each job on
its own so that reads still answer and writes fail at once with the reason (the API's 503), and
when a write succeeds again it says so once more. Nothing waits without bound: at most
``max_backlog`` events are held; past that, new ones are dropped and counted in ``lost``.

Schema changes are ``schema/NNN_name.sql`` files applied in order and recorded in
``PRAGMA user_version``; an existing database is backed up before it is upgraded.
"""

from __future__ import annotations

import contextlib
import importlib.resources
import queue
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any, Generic, TypeVar

from twisted.application.service import Service
from twisted.internet.defer import Deferred
from twisted.internet.interfaces import IReactorFromThreads
from twisted.logger import Logger, LogLevel
from twisted.python.failure import Failure

from honeymesh.events import Event, EventId, JSONValue, Notice
from honeymesh.threadname import name_this_thread

T = TypeVar("T")

_MIGRATION_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")
_INSERT_EVENT = "INSERT INTO events (time, event_id, kind, source, body) VALUES (?, ?, ?, ?, ?)"
# How many events one INSERT statement carries: a batch goes in as chunks of these sizes (at
# five values a row, the largest binds 5,120 values: SQLite allows 32,766 since 3.32).
_INSERT_CHUNKS = (1024, 256, 32, 4, 1)
_INSERT_EVENTS = {
    n: _INSERT_EVENT.replace("(?, ?, ?, ?, ?)", ", ".join(["(?, ?, ?, ?, ?)"] * n))
    for n in _INSERT_CHUNKS
}


def insert_events(conn: sqlite3.Connection, rows: Sequence[_EventRowTuple]) -> None:
    """Insert event rows, up to 1,024 to a statement.

    ``executemany`` runs one statement per row, and the sqlite3 module lets go of the GIL
    around each: with the reactor thread busy, the writer then waited for the GIL again after
    every row, which cost both threads a context switch and the writer its share of the work.
    An HTTP trap's session (three rows of about 500 bytes) woke the writer 2.1-3.0 times and
    cost 316-387 us of the appliance's CPU; with a few statements a batch, 0.1-0.3 times and
    255-371 us (bench/trap_threads.py, docs/BENCHMARKS.md). Large statements, because a
    statement has a cost of its own: with 256 rows at most, rows cost 10-70 % more than one
    by one when the reactor is idle; with 1,024 about as much. Five sizes, so that the
    module's statement cache keeps each one prepared; fewer where SQLite allows fewer values.
    """
    limit = conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // 5
    done = 0
    for size in _INSERT_CHUNKS:
        if size > limit:
            continue
        sql = _INSERT_EVENTS[size]
        while len(rows) - done >= size:
            conn.execute(sql, list(chain.from_iterable(rows[done : done + size])))
            done += size


#: Batches in a row whose first item came within the linger of the batch before, after which
#: the writer takes events to be streaming in and sleeps out the linger before it looks for the
#: next (``Store._take``). Two, because one session's few events (the first written at once,
#: the rest a linger later) make one such batch.
STREAM = 2


class StoreError(Exception):
    """The database cannot be opened, upgraded or written."""


class StoreClosed(StoreError):
    """Work was handed to a store that has stopped."""


def log_job_failure(log: Logger, failure: Failure, what: str, **fields: object) -> None:
    """Log the failure of work that went through the store. One the database could not take
    (``StoreError``: a full disk, an I/O error, a lock held past ``busy_timeout``, a stopped
    store) is the store's known condition, which ``store.degraded`` has already said: one
    warning line with its reason. Anything else is a defect: the traceback, at critical."""
    if failure.check(StoreError):
        log.warn(what + " ({store_reason})", store_reason=failure.getErrorMessage(), **fields)
    else:
        log.failure(what, failure, LogLevel.critical, **fields)


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def bundled_migrations() -> list[Migration]:
    """The migrations shipped in ``honeymesh/store/schema``, in order."""
    found = []
    for entry in importlib.resources.files("honeymesh.store").joinpath("schema").iterdir():
        m = _MIGRATION_NAME.match(entry.name)
        if m:
            found.append(Migration(int(m.group(1)), entry.name, entry.read_text("utf-8")))
    found.sort(key=lambda mig: mig.version)
    for expected, mig in enumerate(found, start=1):
        if mig.version != expected:
            raise StoreError(f"schema migrations skip from {expected - 1} to {mig.version}")
    return found


def open_database(
    path: Path | str,
    migrations: Sequence[Migration],
    synchronous: str = "full",
    *,
    verify: bool = True,
    busy_timeout: float = 5.0,
) -> tuple[sqlite3.Connection, list[int]]:
    """Open (creating if needed) and upgrade a database; returns it and the versions applied.

    An emptied file is always refused; ``verify`` also runs ``check_sound`` (the daemon does
    that once before anything starts, ``verify_database``, and opens with ``verify=False``)."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        refuse_emptied(Path(path))
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        if verify:
            check_sound(conn, path)  # before anything writes to the file (even the WAL switch)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute(f"PRAGMA synchronous = {'FULL' if synchronous == 'full' else 'NORMAL'}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        current = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as e:
        raise StoreError(f"cannot open database {path}: {e}") from e
    latest = migrations[-1].version if migrations else 0
    if current > latest:
        conn.close()
        raise StoreError(
            f"database {path} has schema version {current}, newer than this HoneyMesh "
            f"understands ({latest}); refusing to touch it"
        )
    pending = [m for m in migrations if m.version > current]
    if pending and current > 0 and str(path) != ":memory:":
        backup = Path(f"{path}.v{current}.bak")
        with sqlite3.connect(str(backup)) as dest:
            conn.backup(dest)
        dest.close()
    for mig in pending:
        try:
            conn.executescript(f"BEGIN;\n{mig.sql}\nPRAGMA user_version = {mig.version};\nCOMMIT;")
        except sqlite3.DatabaseError as e:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            conn.close()
            raise StoreError(f"migration {mig.name} failed on {path}: {e}") from e
    return conn, [m.version for m in pending]


def refuse_emptied(path: Path) -> None:
    """A database file that exists but holds nothing: SQLite would start afresh on it and every
    ban would be gone without a word (a truncation by a full disk, a bad restore, a stray
    ``> honeymesh.db``). A missing file is a first start; an empty one is a loss."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    if size == 0:
        raise StoreError(
            f"database {path} is empty (0 bytes): the bans it held are gone. Refusing to start "
            "and leaving it untouched; restore it from a backup, or move it away to start with "
            "an empty database"
        )


def check_sound(conn: sqlite3.Connection, path: Path | str) -> None:
    """Refuse a damaged database before touching it. ``PRAGMA quick_check`` reads every page
    and checks each b-tree, record and free list, skipping only the cross-check of indexes
    against their tables that ``integrity_check`` adds: 1.7 s against 4.3 s on a 184 MB
    database of 1.1 M bans, and it runs in the writer thread while the kernel program compiles,
    so start-up rarely waits for it."""
    try:
        rows = conn.execute("PRAGMA quick_check(5)").fetchall()
    except sqlite3.DatabaseError as e:
        conn.close()
        raise StoreError(
            f"database {path} is damaged ({e}); refusing to start and leaving it untouched"
        ) from None
    problems = [str(r[0]) for r in rows]
    if problems != ["ok"]:
        conn.close()
        raise StoreError(
            f"database {path} is damaged ({'; '.join(problems)[:300]}); refusing to start and "
            "leaving it untouched: restore it from a backup (the .bak copies beside it are "
            "taken before each schema upgrade) or move it away"
        )


def verify_database(path: Path) -> None:
    """Before the daemon starts anything: refuse an emptied or damaged database, read-only (a
    missing one is a first start). Raises StoreError with one line."""
    refuse_emptied(path)
    if not path.exists():
        return
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.DatabaseError as e:
        raise StoreError(f"cannot open database {path}: {e}") from None
    try:
        check_sound(conn, path)
    finally:
        conn.close()


_EventRowTuple = tuple[float, str, str, str | None, str]  # (time, event_id, kind, source, body)


@dataclass
class _Job(Generic[T]):
    fn: Callable[[sqlite3.Connection], T]
    deferred: Deferred[T]


@dataclass
class _Stop:
    deferred: Deferred[None]


@dataclass(frozen=True)
class StoreHealth:
    """A change in whether the database can be written, told once per change.

    ``degraded`` with ``reason`` when writes start failing; not ``degraded`` when one succeeds
    again, with how long it lasted, the events that had to be dropped meanwhile (the held ones
    are written, not dropped) and the attempts that failed."""

    degraded: bool
    reason: str
    held: int
    dropped: int
    failures: int
    seconds: float


class Store:
    """A SQLite database owned by one writer thread."""

    _log = Logger()

    def __init__(
        self,
        path: Path | str,
        reactor: IReactorFromThreads,
        *,
        synchronous: str = "full",
        batch_max: int = 5000,
        linger: float = 0.25,
        max_backlog: int = 50_000,
        retry_first: float = 0.1,
        retry_max: float = 5.0,
        stop_grace: float = 3.0,
        busy_timeout: float = 5.0,
        migrations: Sequence[Migration] | None = None,
        verify: bool = True,
        on_health: Callable[[StoreHealth], None] | None = None,
    ) -> None:
        self.path = path
        self._verify = verify
        self._warned_closed = False
        self._reactor = reactor
        self._synchronous = synchronous
        self._batch_max = batch_max
        self._linger = linger
        # Set by run() and stop(), and by append() only once a batch's worth waits: cuts the
        # writer's linger short, so that only a trickle of fire-and-forget events waits for
        # company.
        self._wake = threading.Event()
        self.max_backlog = max_backlog
        self._retry_first = retry_first
        self._retry_max = retry_max
        self._stop_grace = stop_grace
        self._busy_timeout = busy_timeout
        self.on_health = on_health
        self._migrations = list(migrations) if migrations is not None else bundled_migrations()
        self._queue: queue.SimpleQueue[_EventRowTuple | _Job[Any] | _Stop] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._open = False
        self.appended = 0
        self.written = 0
        self.batches = 0
        self.lost = 0
        self.schema_version = 0
        # Written by the writer thread, read anywhere: why the database cannot be written now
        # (None while it can), and how many write attempts have failed in all.
        self.degraded: str | None = None
        self.write_failures = 0
        self._pending: list[_EventRowTuple] = []  # writer thread only: events to retry
        self._committed = 0.0  # writer thread only: when the last batch was taken to be written
        self._streaming = 0  # writer thread only: batches in a row, each begun within the linger
        self._episode_dropped = 0  # events dropped since the store became degraded

    @property
    def backlog(self) -> int:
        """Events appended but not yet committed."""
        return self.appended - self.written - self.lost

    def start(self) -> Deferred[list[int]]:
        """Open and migrate in the writer thread; fires with the versions applied."""
        if self._thread is not None:
            raise StoreError("store already started")
        ready: Deferred[list[int]] = Deferred()
        self._open = True
        self._thread = threading.Thread(
            target=self._main, args=(ready,), name="honeymesh-store", daemon=True
        )
        self._thread.start()
        return ready

    def append(self, event: Event) -> None:
        """Queue an event for the next batch. Never blocks; past ``max_backlog`` events not yet
        written (a database that cannot keep up or cannot be written) it drops and counts."""
        if self.backlog >= self.max_backlog:
            self.appended += 1
            self.lost += 1
            self._episode_dropped += 1
            return
        if not self._open:
            self.lost += 1
            self.appended += 1
            if not self._warned_closed:  # once: a stopping node must not flood its own log
                self._warned_closed = True
                self._log.warn(
                    "event {lost_event_id} arrived after the store closed (later ones are "
                    "counted in store.lost, not logged)",
                    lost_event_id=str(event.event_id),
                )
            return
        # The body is the event's JSON as the JSON log and the feed carry it: encoded once.
        row = (event.time, str(event.event_id), str(event.kind), event.source, event.json)
        self.appended += 1
        self._queue.put(row)
        if self.backlog >= self._full_batch:
            # A batch's worth waits: lingering longer would only cap the rate (batch_max per
            # linger) and, with a small max_backlog, drop events while nothing has failed.
            self._wake.set()

    @property
    def _full_batch(self) -> int:
        return max(1, min(self._batch_max, self.max_backlog // 2))

    def run(self, fn: Callable[[sqlite3.Connection], T]) -> Deferred[T]:
        """Run ``fn(conn)`` in a transaction; the Deferred fires after the commit."""
        d: Deferred[T] = Deferred()
        if not self._open:
            d.errback(StoreClosed("the store is closed"))
            return d
        self._queue.put(_Job(fn, d))
        self._wake.set()
        return d

    def stop(self) -> Deferred[None]:
        """Write everything queued, then close. Idempotent."""
        d: Deferred[None] = Deferred()
        if not self._open:
            d.callback(None)
            return d
        self._open = False
        self._queue.put(_Stop(d))
        self._wake.set()
        return d

    # The writer thread ---------------------------------------------------------------------

    def _main(self, ready: Deferred[list[int]]) -> None:
        name_this_thread("honeymesh-store")
        try:
            conn, applied = open_database(
                self.path,
                self._migrations,
                self._synchronous,
                verify=self._verify,
                busy_timeout=self._busy_timeout,
            )
        except StoreError as e:
            self._open = False
            self._reactor.callFromThread(ready.errback, Failure(e))
            self._drain_after_failure(e)
            return
        self.schema_version = conn.execute("PRAGMA user_version").fetchone()[0]
        self._reactor.callFromThread(ready.callback, applied)
        try:
            stop = self._serve(conn)
        finally:
            conn.close()
        self._reactor.callFromThread(stop.deferred.callback, None)

    def _serve(self, conn: sqlite3.Connection) -> _Stop:
        """Take work until told to stop; while the database is failing, run jobs one by one
        and retry the held events with a growing delay (``retry_first`` to ``retry_max``)."""
        stop: _Stop | None = None
        delay = retry_at = since = deadline = 0.0
        while True:
            wait = None if not self._pending else max(0.0, retry_at - time.monotonic())
            batch = self._take(wait) if stop is None else []
            self._pending.extend(item for item in batch if isinstance(item, tuple))
            jobs = [item for item in batch if isinstance(item, _Job)]
            if stop is None:
                stop = next((item for item in batch if isinstance(item, _Stop)), None)
                deadline = time.monotonic() + self._stop_grace
            self._committed = time.monotonic()  # the batch is written (or held) hereafter
            if self.degraded is None:
                error = self._write(conn, jobs)
                if error is not None:
                    since = time.monotonic()
                    self._became_degraded(error)
                    failure = Failure(StoreError(f"database write failed: {error}"))
                    for job in jobs:
                        self._fire(job, failure)
                    delay = self._retry_first
                    retry_at = since + delay
            else:
                wrote = self._run_alone(conn, jobs)
                if not self._pending and wrote:
                    self._recovered(time.monotonic() - since)
                elif self._pending and (wrote or stop or time.monotonic() >= retry_at):
                    if self._write(conn, []) is None:
                        self._recovered(time.monotonic() - since)
                    else:
                        self.write_failures += 1
                        delay = min(delay * 2, self._retry_max)
                        retry_at = time.monotonic() + delay
            if stop is not None:
                if not self._pending or time.monotonic() >= deadline:
                    self._give_up_held()
                    return stop
                time.sleep(min(delay, max(0.0, deadline - time.monotonic())))

    def _give_up_held(self) -> None:
        """At stop, events still unwritten after ``stop_grace`` are lost: count and say so."""
        if self._pending:
            count, self._pending = len(self._pending), []
            self.lost += count
            self._reactor.callFromThread(
                self._log.error,
                "store stopped with {count} events it could not write ({reason})",
                count=count,
                reason=self.degraded,
            )

    def _take(self, wait: float | None) -> list[Any]:
        """The next batch: block for the first item (at most ``wait`` seconds), then take what
        is already queued, up to ``batch_max``. Unless the store is retrying held events (a
        ``wait``), an event that comes within ``linger`` of the last batch waits out the rest
        of it first: see the module docstring.

        While events stream in (``STREAM`` batches in a row whose first item came within the
        linger), the writer sleeps out the rest of the linger *before* it looks for more, and
        they find it asleep on that one timer: woken by the first of them instead, it was woken
        two or three times a commit (that event, the GIL the reactor thread still held, the
        linger's end). An FTP spray at 15 sessions a second: one wake-up fewer a session, 13 %
        of them (on this VM cheap ones, while the reactor ran: the CPU a session did not move
        measurably; docs/BENCHMARKS.md, "Fourteenth pass"). Otherwise it sleeps until work
        comes: a timer would wake it for nothing after every lone event, after the few events
        of one session, or between events a little more than a linger apart. A job, a stop or
        a batch's worth of events ends either sleep at once, as before."""
        if wait is not None:  # retrying held events: no stream until the database is back
            self._streaming = 0
        streaming = wait is None and self._streaming >= STREAM
        if streaming:
            self._linger_out(keep_wake=True)  # a job's wake must still end the sleep below
        came = streaming and not self._queue.empty()
        try:
            batch = [self._queue.get(timeout=wait)]
        except queue.Empty:
            return []
        came = came or time.monotonic() - self._committed < self._linger
        if wait is None and isinstance(batch[0], tuple):
            self._linger_out()
        while len(batch) < self._batch_max:
            try:
                batch.append(self._queue.get_nowait())
            except queue.Empty:
                break
        self._streaming = self._streaming + 1 if came and wait is None else 0
        return batch

    def _linger_out(self, *, keep_wake: bool = False) -> None:
        """Sleep until ``linger`` after the last batch was taken; a job, a stop or a batch's
        worth of events (``append``) cuts it short. ``keep_wake``: leave that cut set, so that
        it also ends the sleep that may follow, for the event taken next (left set, it may end
        a later linger early too: an earlier commit, never a later one, as a job that came
        first in a batch always could)."""
        left = self._committed + self._linger - time.monotonic()
        if left > 0 and self.backlog < self._full_batch:  # else append() would cut it
            self._wake.wait(left)
            if not keep_wake:
                self._wake.clear()

    def _write(self, conn: sqlite3.Connection, jobs: list[_Job[Any]]) -> sqlite3.Error | None:
        """The held events and ``jobs`` in one transaction, each job in a savepoint so that one
        failing job rolls back alone. Returns the error if the transaction itself failed; the
        events stay held and no job has been fired (the caller fails them)."""
        rows = self._pending
        outcomes: list[tuple[_Job[Any], Any]] = []
        try:
            conn.execute("BEGIN IMMEDIATE")
            if rows:
                insert_events(conn, rows)
            for job in jobs:
                conn.execute("SAVEPOINT job")
                try:
                    result = job.fn(conn)
                except Exception:
                    outcomes.append((job, Failure()))
                    conn.execute("ROLLBACK TO job")
                else:
                    outcomes.append((job, result))
                conn.execute("RELEASE job")
            conn.execute("COMMIT")
        except sqlite3.Error as e:
            self._rollback(conn)
            return e
        self.written += len(rows)
        self.batches += 1
        self._pending = []
        for job, outcome in outcomes:
            self._fire(job, outcome)
        return None

    def _run_alone(self, conn: sqlite3.Connection, jobs: list[_Job[Any]]) -> bool:
        """Each job in a transaction of its own, while the database is failing: a read still
        answers; a write fails at once with the database's reason instead of waiting. True if
        one of them committed a change (the database can be written again)."""
        wrote = False
        for job in jobs:
            try:
                conn.execute("BEGIN")
                before = conn.total_changes
                result = job.fn(conn)
                conn.execute("COMMIT")
                wrote = wrote or conn.total_changes > before
            except sqlite3.Error as e:
                self._rollback(conn)
                self._fire(job, Failure(StoreError(f"database write failed: {e}")))
            except Exception:
                failure = Failure()
                self._rollback(conn)
                self._fire(job, failure)
            else:
                self._fire(job, result)
        return wrote

    @staticmethod
    def _rollback(conn: sqlite3.Connection) -> None:
        if conn.in_transaction:  # (SQLite may have rolled back already on SQLITE_FULL)
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")

    def _fire(self, job: _Job[Any], outcome: Any) -> None:
        if isinstance(outcome, Failure):
            self._reactor.callFromThread(job.deferred.errback, outcome)
        else:
            self._reactor.callFromThread(job.deferred.callback, outcome)

    def _became_degraded(self, error: sqlite3.Error) -> None:
        self.write_failures += 1
        self._episode_dropped = 0
        self.degraded = str(error)
        self._tell(StoreHealth(True, str(error), len(self._pending), 0, self.write_failures, 0.0))

    def _recovered(self, seconds: float) -> None:
        reason, self.degraded = self.degraded or "", None
        dropped, self._episode_dropped = self._episode_dropped, 0
        self._tell(StoreHealth(False, reason, 0, dropped, self.write_failures, seconds))

    def _tell(self, health: StoreHealth) -> None:
        if self.on_health is not None:
            self._reactor.callFromThread(self.on_health, health)

    def _drain_after_failure(self, error: StoreError) -> None:
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return
            if isinstance(item, _Job | _Stop):
                self._reactor.callFromThread(
                    item.deferred.errback, Failure(StoreClosed(str(error)))
                )
            else:
                self.lost += 1


def prune_events(conn: sqlite3.Connection, older_than: float, max_rows: int) -> int:
    """Delete events older than a time and beyond a row cap (oldest first); returns the count."""
    deleted = conn.execute("DELETE FROM events WHERE time < ?", (older_than,)).rowcount
    newest = conn.execute("SELECT max(id) FROM events").fetchone()[0]
    if newest is not None:
        deleted += conn.execute("DELETE FROM events WHERE id <= ?", (newest - max_rows,)).rowcount
    return int(deleted)


class StoreService(Service):
    """Starts and stops a Store with the appliance; publishes what the migration did."""

    _log = Logger()

    def __init__(
        self,
        store: Store,
        publish: Callable[[Event], None],
        clock: Callable[[], float],
        on_fatal: Callable[[Failure], None],
    ) -> None:
        self.store = store
        self._publish = publish
        self._clock = clock
        self._on_fatal = on_fatal
        self.ready: Deferred[list[int]] | None = None
        store.on_health = self._health

    def _health(self, health: StoreHealth) -> None:
        """Say once that the database cannot be written, and once that it can again."""
        path = str(self.store.path)
        if health.degraded:
            detail: dict[str, JSONValue] = {
                "path": path,
                "reason": health.reason,
                "held": health.held,
                "max_backlog": self.store.max_backlog,
            }
            event_id = EventId.STORE_DEGRADED
        else:
            detail = {
                "path": path,
                "reason": health.reason,
                "seconds": round(health.seconds, 3),
                "dropped": health.dropped,
                "failures": health.failures,
            }
            event_id = EventId.STORE_RECOVERED
        self._publish(Notice(event_id, self._clock(), detail))

    def startService(self) -> None:
        super().startService()
        self.ready = self.store.start()
        self.ready.addCallbacks(self._started, self._on_fatal)

    def _started(self, applied: list[int]) -> list[int]:
        self._publish(
            Notice(
                EventId.STORE_MIGRATED,
                self._clock(),
                {
                    "path": str(self.store.path),
                    "applied": list(applied),
                    "schema_version": self.store.schema_version,
                },
            )
        )
        return applied

    def stopService(self) -> Deferred[None]:
        super().stopService()
        return self.store.stop()
