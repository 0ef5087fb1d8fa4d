"""SQLite, owned by one thread, with batched event writes and acknowledged transactions.

The reactor thread never touches the connection. It hands the writer thread two kinds of work:

* ``append(event)``: fire and forget; events queue up and are written many to a transaction.
* ``run(fn)``: ``fn(connection)`` runs inside a transaction in the writer thread; the returned
  Deferred fires with its result only after that transaction is committed. Anything a caller is
  told is saved (a ban, a mode switch) goes through here.

Schema changes are ``schema/NNN_name.sql`` files applied in order and recorded in
``PRAGMA user_version``; an existing database is backed up before it is upgraded.
"""

from __future__ import annotations

import importlib.resources
import json
import queue
import re
import sqlite3
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from twisted.application.service import Service
from twisted.internet.defer import Deferred
from twisted.internet.interfaces import IReactorFromThreads
from twisted.logger import Logger
from twisted.python.failure import Failure

from honeymesh.events import Event, EventId, Notice, event_fields

T = TypeVar("T")

_MIGRATION_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")
_INSERT_EVENT = "INSERT INTO events (time, event_id, kind, source, body) VALUES (?, ?, ?, ?, ?)"


class StoreError(Exception):
    """The database cannot be opened, upgraded or written."""


class StoreClosed(StoreError):
    """Work was handed to a store that has stopped."""


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
        conn.execute("PRAGMA busy_timeout = 5000")
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


_JSON = json.JSONEncoder(separators=(",", ":"), default=str)  # stateless, safe to share
_EventRowTuple = tuple[float, str, str, str | None, str]  # (time, event_id, kind, source, body)


@dataclass
class _Job(Generic[T]):
    fn: Callable[[sqlite3.Connection], T]
    deferred: Deferred[T]


@dataclass
class _Stop:
    deferred: Deferred[None]


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
        migrations: Sequence[Migration] | None = None,
        verify: bool = True,
    ) -> None:
        self.path = path
        self._verify = verify
        self._warned_closed = False
        self._reactor = reactor
        self._synchronous = synchronous
        self._batch_max = batch_max
        self._migrations = list(migrations) if migrations is not None else bundled_migrations()
        self._queue: queue.SimpleQueue[_EventRowTuple | _Job[Any] | _Stop] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._open = False
        self.appended = 0
        self.written = 0
        self.batches = 0
        self.lost = 0
        self.schema_version = 0

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
        """Queue an event for the next batch. Never blocks."""
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
        fields = event_fields(event)
        row = (event.time, str(event.event_id), str(event.kind), event.source, _JSON.encode(fields))
        self.appended += 1
        self._queue.put(row)

    def run(self, fn: Callable[[sqlite3.Connection], T]) -> Deferred[T]:
        """Run ``fn(conn)`` in a transaction; the Deferred fires after the commit."""
        d: Deferred[T] = Deferred()
        if not self._open:
            d.errback(StoreClosed("the store is closed"))
            return d
        self._queue.put(_Job(fn, d))
        return d

    def stop(self) -> Deferred[None]:
        """Write everything queued, then close. Idempotent."""
        d: Deferred[None] = Deferred()
        if not self._open:
            d.callback(None)
            return d
        self._open = False
        self._queue.put(_Stop(d))
        return d

    # The writer thread ---------------------------------------------------------------------

    def _main(self, ready: Deferred[list[int]]) -> None:
        try:
            conn, applied = open_database(
                self.path, self._migrations, self._synchronous, verify=self._verify
            )
        except StoreError as e:
            self._open = False
            self._reactor.callFromThread(ready.errback, Failure(e))
            self._drain_after_failure(e)
            return
        self.schema_version = conn.execute("PRAGMA user_version").fetchone()[0]
        self._reactor.callFromThread(ready.callback, applied)
        stop: _Stop | None = None
        try:
            while stop is None:
                batch = [self._queue.get()]
                while len(batch) < self._batch_max:
                    try:
                        batch.append(self._queue.get_nowait())
                    except queue.Empty:
                        break
                stop = self._process(conn, batch)
        finally:
            conn.close()
        self._reactor.callFromThread(stop.deferred.callback, None)

    def _process(self, conn: sqlite3.Connection, batch: list[Any]) -> _Stop | None:
        rows = [item for item in batch if isinstance(item, tuple)]
        jobs = [item for item in batch if isinstance(item, _Job)]
        stop = next((item for item in batch if isinstance(item, _Stop)), None)
        outcomes: list[tuple[_Job[Any], Any]] = []
        try:
            conn.execute("BEGIN IMMEDIATE")
            if rows:
                conn.executemany(_INSERT_EVENT, rows)
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
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            self.lost += len(rows)
            failure = Failure(StoreError(f"database write failed: {e}"))
            self._reactor.callFromThread(self._log.failure, "store batch lost", failure)
            outcomes = [(job, failure) for job in jobs]
        else:
            self.written += len(rows)
            self.batches += 1
        for job, outcome in outcomes:
            if isinstance(outcome, Failure):
                self._reactor.callFromThread(job.deferred.errback, outcome)
            else:
                self._reactor.callFromThread(job.deferred.callback, outcome)
        return stop

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
