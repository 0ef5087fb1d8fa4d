"""The JSON-lines log: one JSON object per line, rotated by size, events with their ids."""

from __future__ import annotations

import json
from pathlib import Path
from typing import cast

from twisted.internet.task import Clock
from twisted.logger import ILogObserver, LogEvent, Logger, LogPublisher

from honeymesh.events import EventId, Observation
from honeymesh.logs import EventLogger, JsonLogService


def test_events_land_as_json_lines_and_the_file_rotates(tmp_path: Path) -> None:
    publisher = LogPublisher()
    path = tmp_path / "log" / "honeymesh.jsonl"
    service = JsonLogService(path, max_bytes=4096, keep=3, publisher=publisher)
    service.startService()
    for i in range(200):
        service.record(Observation(EventId.TRAP_SESSION, float(i), "192.0.2.1", {"n": i}))
    service.stopService()
    rotated = sorted(p.name for p in path.parent.iterdir())
    assert rotated == [
        "honeymesh.jsonl",
        "honeymesh.jsonl.1",
        "honeymesh.jsonl.2",
        "honeymesh.jsonl.3",
    ]  # at most `keep` old files
    lines = path.read_text().splitlines()
    records = [json.loads(line) for line in lines]  # every line is one JSON object
    assert records[-1]["event_id"] == "trap.session"
    assert records[-1]["detail"] == {"n": 199}
    assert records[-1]["source"] == "192.0.2.1"
    assert all(path.stat().st_size <= 4096 + 1024 for path in path.parent.iterdir())


def test_debug_events_are_filtered_below_the_level(tmp_path: Path) -> None:
    publisher = LogPublisher()
    path = tmp_path / "x.jsonl"
    service = JsonLogService(path, max_bytes=10**6, keep=1, level="warn", publisher=publisher)
    service.startService()
    log = Logger(namespace="t", observer=publisher)
    log.info("quiet")
    log.warn("loud {n}", n=1)
    service.stopService()
    messages = [json.loads(line)["message"] for line in path.read_text().splitlines()]
    assert messages == ["loud 1"]


def test_lines_reach_the_file_on_the_flush_timer_and_at_stop(tmp_path: Path) -> None:
    publisher, clock = LogPublisher(), Clock()
    path = tmp_path / "x.jsonl"
    service = JsonLogService(
        path, max_bytes=10**6, keep=1, publisher=publisher, clock=clock, flush_interval=0.25
    )
    service.startService()
    log = Logger(namespace="t", observer=publisher)
    log.info("first")
    assert path.read_text() == ""  # buffered
    clock.advance(0.25)
    assert [json.loads(x)["message"] for x in path.read_text().splitlines()] == ["first"]
    log.info("second")
    service.stopService()  # nothing is left behind in the buffer
    assert [json.loads(x)["message"] for x in path.read_text().splitlines()] == ["first", "second"]
    assert clock.getDelayedCalls() == []


def test_events_reach_the_json_log_once_whatever_the_level_and_console_skips_sessions(
    tmp_path: Path,
) -> None:
    publisher = LogPublisher()
    console: list[LogEvent] = []
    publisher.addObserver(cast(ILogObserver, console.append))
    path = tmp_path / "x.jsonl"
    service = JsonLogService(path, max_bytes=10**6, keep=1, level="error", publisher=publisher)
    service.startService()
    write = EventLogger(Logger(namespace="honeymesh", observer=publisher))
    session = Observation(EventId.TRAP_SESSION, 5.0, "192.0.2.1", {"n": 1})
    for subscriber in (service.record, write):  # as the bus calls them
        subscriber(session)
    service.stopService()
    records = [json.loads(line) for line in path.read_text().splitlines()]
    assert [r["event_id"] for r in records] == ["trap.session"]  # once, despite level=error
    assert records[0]["log_time"] == 5.0
    assert [getattr(e["log_level"], "name", None) for e in console] == ["debug"]
