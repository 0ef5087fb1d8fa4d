"""Logging: a rotating JSON-lines file in the data directory, and events onto the log.

``twistd`` already prints a readable console log; this adds the machine-readable file and makes
every bus event a ``twisted.logger`` event with its catalogue id in ``event_id``.

Floods are summarised (``FloodSummary``): past ``FLOOD_THRESHOLD`` records of one event id from
one source within one ``FLOOD_INTERVAL``, the rest of that interval's records of that kind
are counted, not written, and one ``log_summary`` record with the count is written when the
interval ends. Unauthenticated trap traffic can then no longer rotate the log's history away.
The SQLite ``events`` table and the live feed are not summarised (docs/EVENTS.md).
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from twisted.application.service import Service
from twisted.internet.interfaces import IDelayedCall, IReactorTime
from twisted.logger import (
    FileLogObserver,
    FilteringLogObserver,
    ILogObserver,
    LogEvent,
    Logger,
    LogLevel,
    LogLevelFilterPredicate,
    LogPublisher,
    formatEvent,
    formatEventAsClassicLogText,
    globalLogPublisher,
)
from twisted.python.logfile import LogFile
from zope.interface import implementer

from honeymesh.events import (
    OBSERVATIONS,
    Decision,
    Event,
    EventId,
    JSONValue,
    Notice,
    Observation,
    Verdict,
    encode_json,
)
from honeymesh.text import shown

_LEVELS = {
    "debug": LogLevel.debug,
    "info": LogLevel.info,
    "warn": LogLevel.warn,
    "error": LogLevel.error,
}


# The console -----------------------------------------------------------------------------------


def console_line(event: LogEvent) -> str | None:
    """One log event as twistd's console writes it (``time [system] message``), the message
    and each line of a traceback escaped (``honeymesh.text.shown``): a log message may carry
    a client's text (an SSH client's disconnect reason, an address a parser refused), and
    raw, its CR/LF would start a forged log line and its ``ESC [`` drive the terminal."""
    text = shown(formatEvent(event))
    failure = event.get("log_failure")
    if failure is not None:
        try:
            trace = failure.getTraceback()
        except Exception:  # a broken failure must not cost the line
            trace = "(the traceback could not be formatted)"
        text = "\n".join([text, *(shown(line) for line in trace.splitlines())])
    if not text:
        return None
    plain = {k: v for k, v in event.items() if k != "log_failure"}
    return formatEventAsClassicLogText({**plain, "log_format": "{log_text}", "log_text": text})


# What a trap connection itself logs at info (Conch's "channel open", "connection lost", "sending
# close 0"...): lines per client, at attack rates a flood; on the console from warn up only.
QUIET_ON_CONSOLE = ("honeymesh.detection.traps", "twisted.conch")


def console_observer(stream: TextIO, level: LogLevel = LogLevel.info) -> ILogObserver:
    """The console as docs/CONFIG.md describes it: ``level`` and above (twistd's own observer
    writes every level, so each trap session's debug-level observation reached it), what trap
    connections log (``QUIET_ON_CONSOLE``) from warn up, each line escaped by
    ``console_line``."""
    predicate = LogLevelFilterPredicate(defaultLogLevel=level)
    for namespace in QUIET_ON_CONSOLE:
        predicate.setLogLevelForNamespace(namespace, max(level, LogLevel.warn))
    return FilteringLogObserver(FileLogObserver(stream, console_line), [predicate])


def console_to_stdout() -> ILogObserver:
    """``console_observer`` on standard output: the factory ``take_console`` names to twistd."""
    return console_observer(sys.stdout)


def take_console(options: MutableMapping[str, Any]) -> bool:
    """Have twistd (its ``ServerOptions``, the parent of ``tap.Options``) write its console,
    standard output under ``-n``, through ``console_observer``. twistd takes the logger as a
    name it imports once every option is parsed, so the name of ``console_to_stdout``. An
    operator's own ``--logger``, ``--syslog`` or ``--logfile`` is left alone.

    True when the console is ``console_observer``: then no observer of the log keeps a
    debug-level line of a HoneyMesh event (the JSON log writes events itself), which
    ``EventLogger`` need not emit at all."""
    if options.get("logger") or options.get("syslog") or not options.get("nodaemon"):
        return False
    if options.get("logfile") in (None, "", "-"):
        options["logger"] = f"{__name__}.console_to_stdout"
        return True
    return False


# Events on the log -------------------------------------------------------------------------------


class EventLogger:
    """A bus subscriber that puts each event on the readable log (the console), fields intact.

    Observations go out at debug level: at attack rates a line per trap session would flood
    the console, and the JSON log (which gets every event straight from the bus, see
    ``JsonLogService.record``) and the database have them all. Verdicts, decisions and notices
    go out at info.

    ``lowest``: the lowest level any observer of ``log`` keeps. An event below it is not
    emitted: under ``twistd -n`` with HoneyMesh's console (``take_console``) nothing keeps an
    observation's debug line, and emitting it (Twisted's ``Logger.emit`` and each observer's
    level filter) cost about 4 us an observation, two or three a trap session. The default
    emits everything, for observers the appliance does not know (``--logfile``, ``--syslog``,
    an operator's ``--logger``), which may keep every level.
    """

    def __init__(self, log: Logger, lowest: LogLevel = LogLevel.debug) -> None:
        self._log = log
        self._observations = LogLevel.debug >= lowest  # whether their debug line is kept
        #: The ids to subscribe it for (``EventBus.subscribe``): none of the observations'
        #: when their lines are not kept.
        self.ids: frozenset[EventId] | None = (
            None if self._observations else frozenset(EventId) - OBSERVATIONS
        )

    def __call__(self, event: Event) -> None:
        if isinstance(event, Observation) and not self._observations:
            return
        fields: dict[str, Any] = event.flat  # shared: copied by emit, never changed here
        level = LogLevel.info
        match event:
            case Notice():
                fmt = "{event_id}: {detail}"
                if event.event_id.endswith(("failed", "degraded")):
                    level = LogLevel.warn
            case Observation():
                fmt = "{event_id} from {source}: {detail}"
                level = LogLevel.debug
            case Verdict():
                fmt = "{event_id} {source}: {detector} scored {score} ({reasons})"
            case Decision():
                fmt = "{event_id} {source}: {action}{span} in {mode} mode ({reasons})"
                fields = {
                    **fields,
                    "span": (
                        f" for {event.duration:g}s"
                        if event.duration is not None
                        else (" permanently" if event.action == "ban" else "")
                    ),
                }
        self._log.emit(level, fmt, **fields)


@implementer(ILogObserver)
class JsonLines:
    """A log observer writing one JSON object per line, buffered, to a rotating LogFile.

    HoneyMesh events arrive through ``add_event`` in their flat form (``event_id``, ``kind``,
    ``source``, ``detail``...); any other log event becomes its formatted ``message`` (and
    ``traceback`` for failures).
    Lines are written in batches (``flush`` on a timer and when the buffer is large), because a
    write per event was the most expensive part of publishing one.

    A batch that cannot be written (a full disk, an I/O error) is dropped and counted in
    ``dropped``, never kept: the buffer stays bounded, and the failure is said once on the
    console, and once more when writing works again, instead of a traceback per event.
    """

    def __init__(
        self,
        out: LogFile,
        *,
        max_buffer: int = 64 * 1024,
        floods: FloodSummary | None = None,
        log: Logger | None = None,
        on_pending: Callable[[], None] | None = None,
    ) -> None:
        self._out = out
        # Told when a line is buffered into an empty buffer, and when an interval first holds
        # a record back: the flush timer need only run when there is something to write
        # (JsonLogService).
        self._on_pending = on_pending
        self._log = log or Logger(namespace="honeymesh.log")
        self._max_buffer = max_buffer
        self.floods = floods or FloodSummary()
        self._lines: list[str] = []
        self._size = 0
        self.dropped = 0  # lines that could not be written
        self.failing: str | None = None  # why the last write failed, until one succeeds
        self._dropped_since = 0

    def __call__(self, event: LogEvent) -> None:
        """A log event; HoneyMesh events are skipped here (``add_event`` writes them)."""
        if "event_id" in event and "kind" in event:
            return
        record: dict[str, Any] = {
            "log_time": event.get("log_time"),
            "log_level": getattr(event.get("log_level"), "name", None),
            "log_namespace": event.get("log_namespace"),
            "message": formatEvent(event),
        }
        failure = event.get("log_failure")
        if failure is not None:
            record["traceback"] = failure.getTraceback()
        self._add(record)

    def add_event(self, fields: dict[str, JSONValue], when: float) -> None:
        """A HoneyMesh event in its flat form (``event_fields``), whatever the log level,
        unless its source is flooding the log with its kind (``FloodSummary``)."""
        self.summarise(when)
        if self.floods.admit(fields, when):
            self._add(
                {"log_time": when, "log_level": "info", "log_namespace": "honeymesh", **fields}
            )
        else:
            self._held()

    def add_encoded(self, event: Event) -> None:
        """``add_event`` for a bus event, from the JSON it already has (``Event.json``, shared
        with the store and the feed): the line is that JSON behind the log's own three keys,
        the same line ``add_event`` writes, without flattening or encoding the event again."""
        when, floods = event.time, self.floods
        if when >= floods.ends:  # else no interval can have ended: nothing to summarise
            self.summarise(when)
        # An EventId is a str (StrEnum): the flood's key and summary as it is, without a copy
        # made by str() (a thousand instructions, every event of a flood).
        if floods.admit_one(event.event_id, event.source, when):
            self._add_line(f"{_LINE_HEAD}{encode_json(when)}{_LINE_TAIL}{event.json[1:]}\n")
        else:
            self._held()

    def _held(self) -> None:
        """A record was held back: the first of its interval makes a summary due."""
        if self.floods.held_now == 1 and self._on_pending is not None:
            self._on_pending()

    def summarise(self, now: float, *, force: bool = False) -> None:
        """Write the flood summaries of an interval that has ended (all of them if ``force``)."""
        for record in self.floods.ended(now, force=force):
            self._add(record)

    def _add(self, record: dict[str, Any]) -> None:
        self._add_line(encode_json(record) + "\n")

    @property
    def pending(self) -> bool:
        """Lines wait to be written."""
        return bool(self._lines)

    def _add_line(self, line: str) -> None:
        if not self._lines and self._on_pending is not None:
            self._on_pending()
        self._lines.append(line)
        self._size += len(line)
        if self._size >= self._max_buffer:
            self.flush()

    def flush(self) -> None:
        if not self._lines:
            return
        data, count = "".join(self._lines), len(self._lines)
        self._lines.clear()
        self._size = 0
        try:
            self._out.write(data)
            self._out.flush()
        except OSError as e:
            self.dropped += count
            self._dropped_since += count
            if self.failing is None:
                self.failing = e.strerror or str(e)
                self._log.warn(
                    "JSON log {path} cannot be written ({reason}): records are dropped and "
                    "counted until it can",
                    path=getattr(self._out, "path", "?"),
                    reason=self.failing,
                )
            return
        if self.failing is not None:
            reason, self.failing = self.failing, None
            dropped, self._dropped_since = self._dropped_since, 0
            self._log.info(
                "JSON log {path} is written again ({dropped} records were dropped: {reason})",
                path=getattr(self._out, "path", "?"),
                dropped=dropped,
                reason=reason,
            )


# A bus event's line, around its time and its own JSON (JsonLines.add_encoded).
_LINE_HEAD = '{"log_time":'
_LINE_TAIL = ',"log_level":"info","log_namespace":"honeymesh",'

FLOOD_INTERVAL = 60.0
FLOOD_THRESHOLD = 20
FLOOD_MAX_KEYS = 10_000
OTHER_SOURCES = "(other sources)"
_NO_INTERVAL = math.inf


@dataclass
class _Flood:
    written: int = 0
    held: int = 0
    first: float = 0.0
    last: float = 0.0


class FloodSummary:
    """Which event records the JSON log writes, per (event id, source) and per interval.

    ``admit(fields, when)`` says whether to write a record; ``ended(now)`` returns the summary
    records of the intervals that ended (each: the event id, the source, how many records
    were held back, the first and last time). Memory is bounded: past ``max_keys`` keys in an
    interval, further sources of an event id share one key, ``(other sources)``.
    """

    def __init__(
        self,
        *,
        interval: float = FLOOD_INTERVAL,
        threshold: int = FLOOD_THRESHOLD,
        max_keys: int = FLOOD_MAX_KEYS,
    ) -> None:
        if not 0 < interval < math.inf or threshold < 1 or max_keys < 1:
            raise ValueError("interval, threshold and max_keys must be positive and finite")
        self.interval = interval
        self.threshold = threshold
        self.max_keys = max_keys
        #: When the open interval ends, in the records' time; infinity while none is open. A
        #: record before it cannot end the interval: ``JsonLines.add_encoded`` asks ``ended``
        #: only from then.
        self.ends = _NO_INTERVAL
        self._floods: dict[tuple[str, str], _Flood] = {}
        self.held = 0
        self.held_now = 0  # of them, held back in the open interval

    def admit(self, fields: dict[str, JSONValue], when: float) -> bool:
        source = fields.get("source")
        return self.admit_one(str(fields.get("event_id")), str(source) if source else None, when)

    def admit_one(self, event_id: str, source: str | None, when: float) -> bool:
        """``admit`` for a record of ``event_id`` from ``source``."""
        if not source:
            return True
        if self.ends == _NO_INTERVAL:
            self.ends = when + self.interval
        key = (event_id, source)
        flood = self._floods.get(key)
        if flood is None:
            if len(self._floods) >= self.max_keys:
                key = (key[0], OTHER_SOURCES)
                flood = self._floods.get(key)
            if flood is None:
                flood = self._floods[key] = _Flood(first=when)
        flood.last = max(flood.last, when)
        if flood.written < self.threshold and key[1] != OTHER_SOURCES:
            flood.written += 1
            return True
        flood.held += 1
        self.held += 1
        self.held_now += 1
        return False

    @property
    def due(self) -> float | None:
        """When the open interval's summaries are due (its end, in the records' time), or
        None when it has held nothing back: then it has nothing to summarise, and it is reset
        by the first record after its end."""
        return self.ends if self.held_now else None

    def ended(self, now: float, *, force: bool = False) -> list[dict[str, Any]]:
        """The summaries of the interval, if it ended by ``now`` (or ``force``)."""
        until = self.ends
        if until == _NO_INTERVAL or (not force and now < until):
            return []
        floods, self._floods, self.ends = self._floods, {}, _NO_INTERVAL
        self.held_now = 0
        return [
            {
                "log_time": min(now, until) if not force else now,
                "log_level": "warn",
                "log_namespace": "honeymesh.log",
                "log_summary": {
                    "event_id": event_id,
                    "source": source,
                    "count": flood.held,
                    "first": flood.first,
                    "last": flood.last,
                },
                "message": (
                    f"{flood.held} more {event_id} records from {source} in {self.interval:g} s"
                    " were not written one by one (flood summary)"
                ),
            }
            for (event_id, source), flood in floods.items()
            if flood.held
        ]


class WholeLinesLogFile(LogFile):
    """A LogFile whose ``write`` writes all of its data or raises (``LogFile`` ignores a short
    write, which a filling disk makes), and which starts a new line after a write that failed
    part-way, so that one record at most is cut and the next ones parse."""

    torn = False

    def write(self, data: str | bytes) -> None:
        if self.shouldRotate():
            self.flush()
            self.rotate()
            self.torn = False
        raw = data.encode("utf-8") if isinstance(data, str) else data
        if self.torn:
            raw = b"\n" + raw
        view = memoryview(raw)
        done = 0
        try:
            while done < len(raw):
                done += self._file.write(view[done:])
        except OSError:
            self.torn = self.torn or done > 0
            raise
        finally:
            self.size += done
        self.torn = False


class JsonLogService(Service):
    """Adds a rotating, buffered JSON-lines observer to the log publisher while running."""

    def __init__(
        self,
        path: Path,
        *,
        max_bytes: int,
        keep: int,
        level: str = "info",
        publisher: LogPublisher = globalLogPublisher,
        clock: IReactorTime | None = None,
        flush_interval: float = 0.25,
    ) -> None:
        self.setName("json-log")
        self.path = path
        self._max_bytes = max_bytes
        self._keep = keep
        self._level = _LEVELS[level]
        self._publisher = publisher
        self._clock = clock
        self._flush_interval = flush_interval
        self._file: LogFile | None = None
        self._lines: JsonLines | None = None
        self._observer: ILogObserver | None = None
        self._timer: IDelayedCall | None = None

    def startService(self) -> None:
        super().startService()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._file = WholeLinesLogFile(
            self.path.name,
            str(self.path.parent),
            rotateLength=self._max_bytes,
            maxRotatedFiles=self._keep,
            defaultMode=0o640,
        )
        # Rotation happens between writes: small batches keep each file close to max_bytes.
        self._lines = JsonLines(
            self._file,
            max_buffer=min(64 * 1024, self._max_bytes // 8 + 1),
            log=Logger(namespace="honeymesh.log", observer=self._publisher),
            on_pending=self._wake,
        )
        predicate = LogLevelFilterPredicate(defaultLogLevel=self._level)
        self._observer = FilteringLogObserver(self._lines, [predicate])
        self._publisher.addObserver(self._observer)

    def _wake(self) -> None:
        """A line was buffered, or a flood summary became due: flush within
        ``flush_interval``. The timer runs only when there is something to write: an idle
        node has none (it woke 4 times a second for nothing), and neither has a node between
        the records of a trickle, which kept it ticking for the minute of each flood interval
        the trickle opened (240 wake-ups a minute on a node that sees an event a minute)."""
        self._flush_in(self._flush_interval)

    def _flush_in(self, delay: float) -> None:
        if self._clock is None or not self.running:
            return
        timer = self._timer
        if timer is not None and timer.active():
            if timer.getTime() <= self._clock.seconds() + delay:
                return  # due as soon already
            timer.cancel()
        self._timer = self._clock.callLater(delay, self._tick)

    def _tick(self) -> None:
        self._timer = None
        if self._lines is None or self._clock is None:
            return
        now = self._clock.seconds()
        self._lines.summarise(now)
        self._lines.flush()
        if self._lines.pending:  # what the flush said of itself: a write failed, or works again
            self._flush_in(self._flush_interval)
            return
        if self._timer is not None:  # set by the summaries just written: flushed already
            self._timer.cancel()
            self._timer = None
        due = self._lines.floods.due  # an interval that held records back: at its end
        if due is not None:
            self._flush_in(max(due - now, 0.0))

    def record(self, event: Event) -> None:
        """A bus subscriber: every event goes to the JSON log, whatever the log level."""
        if self._lines is not None:
            self._lines.add_encoded(event)

    def flush(self) -> None:
        if self._lines is not None:
            self._lines.flush()

    def stopService(self) -> None:
        super().stopService()
        if self._timer is not None and self._timer.active():
            self._timer.cancel()
        self._timer = None
        if self._observer is not None:
            self._publisher.removeObserver(self._observer)
            self._observer = None
        if self._lines is not None:
            self._lines.summarise(0.0, force=True)
        self.flush()
        if self._file is not None:
            self._file.close()
            self._file = None
