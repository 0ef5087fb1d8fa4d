"""The JSON-lines log: one JSON object per line, rotated by size, events with their ids."""

from __future__ import annotations

import errno
import io
import json
import math
from pathlib import Path
from typing import BinaryIO, Literal, cast

import pytest
from twisted.internet.task import Clock
from twisted.logger import ILogObserver, LogEvent, Logger, LogLevel, LogPublisher, formatEvent

from honeymesh.events import Event, EventBus, EventId, Notice, Observation, encode_json
from honeymesh.logs import (
    FLOOD_INTERVAL,
    FLOOD_THRESHOLD,
    EventLogger,
    FloodSummary,
    JsonLogService,
    console_observer,
    take_console,
)


def test_events_land_as_json_lines_and_the_file_rotates(tmp_path: Path) -> None:
    publisher = LogPublisher()
    path = tmp_path / "log" / "honeymesh.jsonl"
    service = JsonLogService(path, max_bytes=4096, keep=3, publisher=publisher)
    service.startService()
    for i in range(200):
        source = f"192.0.2.{i + 1}"  # one record per source: no flood to summarise
        service.record(Observation(EventId.TRAP_SESSION, float(i), source, {"n": i}))
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
    assert records[-1]["source"] == "192.0.2.200"
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


def test_an_idle_json_log_has_no_timer_until_something_is_written(tmp_path: Path) -> None:
    """The flush timer runs while lines wait or a flood's summary is due, not on an idle node;
    a line written after a quiet spell still reaches the file on the timer, and a flood's
    summary when its interval ends."""
    publisher, clock = LogPublisher(), Clock()
    path = tmp_path / "x.jsonl"
    service = JsonLogService(
        path, max_bytes=10**6, keep=1, publisher=publisher, clock=clock, flush_interval=0.25
    )
    service.startService()
    assert clock.getDelayedCalls() == []  # nothing to write yet
    for i in range(FLOOD_THRESHOLD + 5):  # one source floods: 5 records held back
        service.record(Observation(EventId.TRAP_SESSION, clock.seconds(), "192.0.2.1", {"n": i}))
    clock.advance(0.25)
    assert len(path.read_text().splitlines()) == FLOOD_THRESHOLD
    clock.pump([0.25] * 4 * 61)  # the interval ends: its summary, then nothing left to do
    assert json.loads(path.read_text().splitlines()[-1])["log_summary"]["count"] == 5
    assert clock.getDelayedCalls() == []
    Logger(namespace="t", observer=publisher).info("after a quiet spell")
    assert path.read_text().count("after a quiet spell") == 0  # buffered
    clock.advance(0.25)
    assert path.read_text().count("after a quiet spell") == 1
    clock.advance(0.25)
    assert clock.getDelayedCalls() == []
    service.stopService()


def test_between_the_records_of_a_trickle_the_json_log_has_no_timer(tmp_path: Path) -> None:
    """A record opens a flood interval of a minute; the log's timer runs for the record's
    flush and, if the interval held records back, once more at its end for the summary, not
    every flush_interval while the interval is open (240 wake-ups a minute for a node that
    sees an event a minute)."""
    publisher, clock = LogPublisher(), Clock()
    path = tmp_path / "x.jsonl"
    service = JsonLogService(
        path, max_bytes=10**6, keep=1, publisher=publisher, clock=clock, flush_interval=0.25
    )
    service.startService()
    service.record(Observation(EventId.TRAP_SESSION, clock.seconds(), "192.0.2.1", {"n": 0}))
    assert [c.getTime() for c in clock.getDelayedCalls()] == [0.25]
    clock.advance(0.25)
    assert len(path.read_text().splitlines()) == 1
    assert clock.getDelayedCalls() == []  # the interval is open, with nothing to summarise
    clock.advance(30)
    for i in range(1, FLOOD_THRESHOLD + 3):  # the same source floods: 3 records held back
        service.record(Observation(EventId.TRAP_SESSION, clock.seconds(), "192.0.2.1", {"n": i}))
    clock.advance(0.25)
    assert len(path.read_text().splitlines()) == FLOOD_THRESHOLD
    # One timer is left: the interval's end, a minute after its first record.
    assert [c.getTime() for c in clock.getDelayedCalls()] == [FLOOD_INTERVAL]
    clock.advance(59 - clock.seconds())
    assert len(path.read_text().splitlines()) == FLOOD_THRESHOLD  # not yet
    clock.advance(FLOOD_INTERVAL - clock.seconds())
    summary = json.loads(path.read_text().splitlines()[-1])["log_summary"]
    assert summary["count"] == 3 and summary["source"] == "192.0.2.1"
    assert clock.getDelayedCalls() == []
    # A record from a source that had its 20 before: a new interval, written again.
    service.record(Observation(EventId.TRAP_SESSION, clock.seconds(), "192.0.2.1", {"n": 99}))
    clock.advance(0.25)
    assert json.loads(path.read_text().splitlines()[-1])["detail"] == {"n": 99}
    assert clock.getDelayedCalls() == []
    service.stopService()


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


def test_a_flood_from_one_source_is_summarised_and_the_history_survives(tmp_path: Path) -> None:
    publisher = LogPublisher()
    path = tmp_path / "honeymesh.jsonl"
    clock = Clock()
    service = JsonLogService(path, max_bytes=10**7, keep=2, publisher=publisher, clock=clock)
    service.startService()
    service.record(Observation(EventId.TRAP_SESSION, 0.0, "198.51.100.1", {"first": True}))
    for i in range(100_000):  # one flooding source, two minutes
        t = i * 120 / 100_000
        service.record(Observation(EventId.TRAP_SESSION, t, "203.0.113.9", {"n": i}))
    for i in range(5):  # a quiet source during the flood
        service.record(Observation(EventId.TRAP_SESSION, 30.0 + i, "198.51.100.2", {"n": i}))
    clock.advance(200)
    service.stopService()
    records = [json.loads(line) for line in path.read_text().splitlines()]
    flood = [r for r in records if r.get("source") == "203.0.113.9"]
    summaries = [r["log_summary"] for r in records if "log_summary" in r]
    assert len(flood) == 2 * FLOOD_THRESHOLD  # the first of each interval, one by one
    held = sum(s["count"] for s in summaries if s["source"] == "203.0.113.9")
    assert held + len(flood) == 100_000  # the rest counted, none lost without a trace
    assert all(s["event_id"] == "trap.session" for s in summaries)
    assert len([r for r in records if r.get("source") == "198.51.100.2"]) == 5
    assert records[0]["detail"] == {"first": True}  # the history before the flood is kept
    assert path.stat().st_size < 100_000


def test_flood_memory_is_bounded_by_sharing_one_key_past_max_keys() -> None:
    floods = FloodSummary(interval=60, threshold=1, max_keys=10)
    written = sum(
        floods.admit({"event_id": "trap.session", "source": f"10.0.{i // 256}.{i % 256}"}, 1.0)
        for i in range(5000)
    )
    assert written == 10
    summaries = floods.ended(61.0)
    assert summaries == [
        {**summaries[0], "log_summary": {**summaries[0]["log_summary"], "count": 4990}}
    ]
    assert summaries[0]["log_summary"]["source"] == "(other sources)"
    assert floods.ended(200.0) == []


def test_a_flood_is_one_whether_its_id_comes_as_an_event_id_or_as_text() -> None:
    """``JsonLines.add_encoded`` keys a flood by the event's ``EventId`` (a str), ``add_event``
    by the id's text: one source's records of one id are one flood and one summary."""
    floods = FloodSummary(interval=60, threshold=1, max_keys=10)
    assert floods.admit_one(EventId.TRAP_SESSION, "192.0.2.7", 1.0)
    assert not floods.admit({"event_id": "trap.session", "source": "192.0.2.7"}, 2.0)
    assert not floods.admit_one(EventId.TRAP_SESSION, "192.0.2.7", 3.0)
    (summary,) = floods.ended(61.0)
    assert summary["log_summary"]["count"] == 2
    assert json.loads(encode_json(summary))["log_summary"]["event_id"] == "trap.session"
    assert "2 more trap.session records" in summary["message"]


@pytest.mark.parametrize("interval", [0.0, -1.0, math.inf, math.nan])
def test_a_flood_interval_must_be_positive_and_finite(interval: float) -> None:
    with pytest.raises(ValueError, match="positive and finite"):
        FloodSummary(interval=interval)


def test_text_that_is_not_text_is_written_escaped_and_the_next_record_survives(
    tmp_path: Path,
) -> None:
    path = tmp_path / "honeymesh.jsonl"
    service = JsonLogService(path, max_bytes=10**6, keep=1, publisher=LogPublisher())
    service.startService()
    service.record(Observation(EventId.TRAP_SESSION, 0.0, "192.0.2.1", {"user": "odd \ud800"}))
    service.record(Observation(EventId.TRAP_SESSION, 1.0, "192.0.2.1", {"user": "next"}))
    service.stopService()
    raw = path.read_bytes()
    raw.decode("utf-8")  # the file stays valid UTF-8
    records = [json.loads(line) for line in raw.splitlines()]
    assert [r["detail"]["user"] for r in records] == ["odd \ud800", "next"]


class FillingFile:
    """A file on a disk that fills: writes succeed up to ``room`` bytes, the last one short,
    then every write raises ENOSPC (what write(2) does on a full file system)."""

    def __init__(self, real: BinaryIO, room: int) -> None:
        self.real = real
        self.room = room

    def write(self, data: bytes | memoryview) -> int:
        if self.room <= 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        chunk = bytes(data[: self.room])
        self.room -= len(chunk)
        return self.real.write(chunk)

    def flush(self) -> None:
        self.real.flush()

    def close(self) -> None:
        self.real.close()


def test_a_full_disk_drops_log_records_counted_says_so_once_and_recovers(tmp_path: Path) -> None:
    publisher = LogPublisher()
    said: list[str] = []
    publisher.addObserver(cast(ILogObserver, lambda e: said.append(formatEvent(e))))
    path = tmp_path / "honeymesh.jsonl"
    service = JsonLogService(path, max_bytes=10_000_000, keep=1, publisher=publisher)
    service.startService()
    logfile = service._file
    assert logfile is not None
    filling = FillingFile(logfile._file, room=5000)
    logfile._file = cast(BinaryIO, filling)

    def burst(start: int) -> None:
        for i in range(start, start + 2000):
            service.record(Observation(EventId.TRAP_SESSION, float(i), f"192.0.2.{i % 200}", {}))
        service.flush()

    burst(0)
    lines = service._lines
    assert lines is not None
    assert lines.failing == "No space left on device"
    assert lines._size < 64 * 1024 and lines.dropped > 1000  # dropped, not kept
    burst(2000)
    warnings = [s for s in said if "cannot be written" in s]
    assert len(warnings) == 1 and "No space left on device" in warnings[0]
    filling.room = 10_000_000  # space came back
    burst(4000)
    assert lines.failing is None
    assert len([s for s in said if "is written again" in s]) == 1
    service.stopService()
    records, cut = [], 0
    for line in path.read_text().splitlines():
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError:
            cut += 1
    assert cut <= 1  # the one record the disk cut short; the next ones parse
    assert any(r.get("time") == 4000.0 for r in records if "time" in r)


def test_what_a_failing_or_recovering_flush_says_reaches_the_file_on_the_timer(
    tmp_path: Path,
) -> None:
    """The flush's own warning (the disk is full) and its all-clear go into the buffer during
    the flush: the timer must run again for them, and for what follows, not stop."""
    publisher, clock = LogPublisher(), Clock()
    path = tmp_path / "x.jsonl"
    service = JsonLogService(
        path, max_bytes=10**6, keep=1, publisher=publisher, clock=clock, flush_interval=0.25
    )
    service.startService()
    logfile = service._file
    assert logfile is not None
    filling = FillingFile(logfile._file, room=0)
    logfile._file = cast(BinaryIO, filling)
    service.record(Observation(EventId.TRAP_SESSION, clock.seconds(), "192.0.2.1", {"n": 1}))
    clock.advance(0.25)  # the write fails; the warning waits in the buffer
    assert clock.getDelayedCalls() != []
    filling.room = 10**6  # space came back
    clock.advance(0.25)  # the warning is written, and the all-clear waits in turn
    clock.advance(0.25)
    text = path.read_text()
    assert "cannot be written" in text and "is written again" in text
    service.record(Observation(EventId.TRAP_SESSION, clock.seconds(), "192.0.2.2", {"n": 2}))
    clock.advance(0.25)
    assert '"n":2' in path.read_text()
    assert clock.getDelayedCalls() == []
    service.stopService()


def test_the_console_shows_info_and_up_escaped_and_trap_chatter_from_warn() -> None:
    out = io.StringIO()
    publisher = LogPublisher()
    publisher.addObserver(console_observer(out))
    log = Logger(namespace="honeymesh", observer=publisher)
    log.info("login as {user}", user="root\r\n2026-12-06 [honeymesh#info] forged\x1b[2J\u202e")
    log.debug("a trap session")  # debug: not on the console
    Logger(namespace="twisted.conch.ssh.connection.SSHConnection", observer=publisher).info(
        "sending close 0"
    )
    Logger(namespace="honeymesh.detection.traps.ssh._TrapTransport", observer=publisher).warn(
        "a trap in trouble"
    )
    try:
        raise ValueError("bad \x1b[31m input\nsecond line")
    except ValueError:
        log.failure("parser failed on {what}", what="x\ry")
    lines = out.getvalue().splitlines()
    assert lines[0].endswith(
        "[honeymesh#info] login as root\\r\\n2026-12-06 [honeymesh#info] forged\\x1b[2J\\u202e"
    )
    assert "a trap in trouble" in lines[1] and "sending close" not in out.getvalue()
    assert lines[2].endswith("parser failed on x\\ry")
    assert all(line.startswith("\t") for line in lines[3:])  # the traceback, one line per line
    assert any(line.endswith("ValueError: bad \\x1b[31m input") for line in lines)
    assert not any(c in out.getvalue() for c in "\x1b\r\u202e")


def test_twistd_minus_n_logs_through_the_console_observer_unless_told_otherwise() -> None:
    ours = "honeymesh.logs.console_to_stdout"
    cases: list[tuple[dict[str, object], str | None]] = [
        ({"nodaemon": True, "logfile": None}, "honeymesh.logs.console_to_stdout"),
        ({"nodaemon": True, "logfile": "-"}, "honeymesh.logs.console_to_stdout"),
        ({"nodaemon": True, "logfile": "x.log"}, None),
        ({"nodaemon": True, "logger": "mine.observer"}, "mine.observer"),
        ({"nodaemon": True, "syslog": True}, None),
        ({"nodaemon": False}, None),
    ]
    for given, taken in cases:
        options = dict(given)
        assert take_console(options) == (taken == ours)  # True: the console is ours
        assert options.get("logger") == taken


def test_with_its_own_console_the_appliance_emits_no_line_nobody_keeps() -> None:
    """Told that the log keeps info and up (twistd -n with HoneyMesh's console), EventLogger
    emits no observation at all, and the console shows what it showed when every event was
    emitted; told nothing, it emits every event, for observers it does not know."""
    session = Observation(EventId.TRAP_SESSION, 5.0, "192.0.2.1", {"n": 1})
    notice = Notice(EventId.NODE_STARTED, 6.0, {"version": "x"})
    shown: dict[LogLevel, tuple[list[str], str]] = {}
    called: dict[LogLevel, list[str]] = {}
    for lowest in (LogLevel.debug, LogLevel.info):
        out, emitted = io.StringIO(), list[LogEvent]()
        publisher = LogPublisher()
        publisher.addObserver(console_observer(out))
        publisher.addObserver(cast(ILogObserver, emitted.append))
        write = EventLogger(Logger(namespace="honeymesh", observer=publisher), lowest)
        calls = called[lowest] = []

        def counted(event: Event, write: EventLogger = write, calls: list[str] = calls) -> None:
            calls.append(str(event.event_id))
            write(event)

        bus = EventBus()
        bus.subscribe(counted, ids=write.ids)  # as the appliance subscribes it
        bus.publish(session)
        bus.publish(notice)
        lines = [line.split(" ", 2)[2] for line in out.getvalue().splitlines()]  # no time
        shown[lowest] = ([e["event_id"] for e in emitted], "\n".join(lines))
    assert shown[LogLevel.debug][0] == ["trap.session", "node.started"]
    assert shown[LogLevel.info][0] == ["node.started"]
    assert called[LogLevel.info] == ["node.started"]  # not even called for the observation
    assert shown[LogLevel.info][1] == shown[LogLevel.debug][1]
    assert "node.started" in shown[LogLevel.info][1]


def test_decisions_read_as_sentences_on_the_console_whatever_their_duration() -> None:
    from honeymesh.events import Decision  # noqa: PLC0415

    said: list[str] = []
    publisher = LogPublisher()
    publisher.addObserver(cast(ILogObserver, lambda e: said.append(formatEvent(e))))
    log = EventLogger(Logger(observer=publisher))
    cases: list[tuple[Literal["ban", "allow"], float | None]] = [
        ("ban", 3600.0), ("ban", None), ("allow", None)
    ]  # fmt: skip
    for action, duration in cases:
        log(
            Decision(EventId.POLICY_DECISION, 1.0, "192.0.2.9", action, duration, ("x",), "enforce")
        )
    assert said[0].startswith("policy.decision 192.0.2.9: ban for 3600s in enforce mode")
    assert said[1].startswith("policy.decision 192.0.2.9: ban permanently in enforce mode")
    assert said[2].startswith("policy.decision 192.0.2.9: allow in enforce mode")
    assert not any("None" in line for line in said)
