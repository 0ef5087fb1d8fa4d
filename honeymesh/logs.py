"""Logging: a rotating JSON-lines file in the data directory, and events onto the log.

``twistd`` already prints a readable console log; this adds the machine-readable file and makes
every bus event a ``twisted.logger`` event with its catalogue id in ``event_id``.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any, cast

from twisted.application.service import Service
from twisted.logger import (
    FilteringLogObserver,
    ILogObserver,
    Logger,
    LogLevel,
    LogLevelFilterPredicate,
    LogPublisher,
    globalLogPublisher,
    jsonFileLogObserver,
)
from twisted.python.logfile import LogFile

from honeymesh.events import Decision, Event, Notice, Observation, Verdict, event_fields

_LEVELS = {
    "debug": LogLevel.debug,
    "info": LogLevel.info,
    "warn": LogLevel.warn,
    "error": LogLevel.error,
}


class EventLogger:
    """A bus subscriber that writes each event to the log, fields intact."""

    def __init__(self, log: Logger) -> None:
        self._log = log

    def __call__(self, event: Event) -> None:
        fields = event_fields(event)
        level = LogLevel.info
        match event:
            case Notice():
                fmt = "{event_id}: {detail}"
                if event.event_id.endswith("failed"):
                    level = LogLevel.warn
            case Observation():
                fmt = "{event_id} from {source}: {detail}"
            case Verdict():
                fmt = "{event_id} {source}: {detector} scored {score} ({reasons})"
            case Decision():
                fmt = "{event_id} {source}: {action} for {duration}s in {mode} mode ({reasons})"
        self._log.emit(level, fmt, **fields)


class JsonLogService(Service):
    """Adds a rotating JSON-lines observer to the global log publisher while running."""

    def __init__(
        self,
        path: Path,
        *,
        max_bytes: int,
        keep: int,
        level: str = "info",
        publisher: LogPublisher = globalLogPublisher,
    ) -> None:
        self.path = path
        self._max_bytes = max_bytes
        self._keep = keep
        self._level = _LEVELS[level]
        self._publisher = publisher
        self._file: LogFile | None = None
        self._observer: ILogObserver | None = None

    def startService(self) -> None:
        super().startService()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._file = LogFile(
            self.path.name,
            str(self.path.parent),
            rotateLength=self._max_bytes,
            maxRotatedFiles=self._keep,
            defaultMode=0o640,
        )
        predicate = LogLevelFilterPredicate(defaultLogLevel=self._level)
        self._observer = FilteringLogObserver(
            jsonFileLogObserver(cast(IO[Any], self._file), recordSeparator=""), [predicate]
        )
        self._publisher.addObserver(self._observer)

    def stopService(self) -> None:
        super().stopService()
        if self._observer is not None:
            self._publisher.removeObserver(self._observer)
            self._observer = None
        if self._file is not None:
            self._file.close()
            self._file = None
