"""A listener out of descriptors: it neither spins nor floods the log, and recovers."""

from __future__ import annotations

import gc
import os
import resource
import subprocess
import sys
from collections.abc import Generator
from typing import Any, cast

import pytest
import pytest_twisted
from twisted.internet import reactor, threads
from twisted.internet.defer import Deferred
from twisted.internet.protocol import Factory, Protocol
from twisted.internet.task import Clock, deferLater
from twisted.logger import ILogObserver, LogEvent, Logger, globalLogPublisher

from honeymesh.events import Event
from honeymesh.listeners import ACCEPT_FAILED, EMFILE_CLOSED, AcceptTrouble, ListenerService


class FakePort:
    def __init__(self) -> None:
        self.connected = True
        self.reading = True
        self.stops = 0

    def stopReading(self) -> None:
        self.reading = False
        self.stops += 1

    def startReading(self) -> None:
        self.reading = True


def trouble_with(clock: Clock) -> tuple[AcceptTrouble, FakePort, list[LogEvent], list[LogEvent]]:
    warnings: list[LogEvent] = []
    passed: list[LogEvent] = []
    trouble = AcceptTrouble(
        where="trap t tcp 127.0.0.1 port 1",
        clock=clock,
        log=Logger(observer=cast(ILogObserver, warnings.append)),
        publisher=cast(ILogObserver, passed.append),
    )
    port = FakePort()
    trouble.port = port
    return trouble, port, warnings, passed


def test_an_accept_that_fails_outright_pauses_the_listener_instead_of_spinning() -> None:
    clock = Clock()
    trouble, port, warnings, _ = trouble_with(clock)
    for _ in range(50):  # the reactor would call accept() again at once: ENFILE every time
        trouble({"log_format": ACCEPT_FAILED, "acceptError": "ENFILE"})
    assert port.stops == 1 and not port.reading
    clock.advance(0.5)
    assert port.reading  # accepting again after the pause
    trouble({"log_format": ACCEPT_FAILED, "acceptError": "ENFILE"})
    assert port.stops == 2
    assert len(warnings) == 1 and warnings[0]["error"] == "ENFILE"
    trouble.stop()
    assert not clock.getDelayedCalls()


def test_connections_closed_at_emfile_are_one_warning_a_minute() -> None:
    clock = Clock()
    trouble, port, warnings, passed = trouble_with(clock)
    for _ in range(1000):
        trouble({"log_format": "EMFILE encountered; releasing reserved file descriptor."})
        trouble({"log_format": EMFILE_CLOSED, "address": ("192.0.2.1", 4000)})
        trouble({"log_format": "Re-reserving EMFILE recovery file descriptor."})
    assert port.reading  # recovery closes each connection: nothing to pause
    assert len(warnings) == 1 and warnings[0]["closed"] == 1
    clock.advance(60)
    trouble({"log_format": EMFILE_CLOSED, "address": ("192.0.2.1", 4000)})
    assert len(warnings) == 2 and warnings[1]["closed"] == 1000
    assert trouble.closed == 1001
    trouble({"log_format": "something else {x}", "x": 1})
    assert passed == [{"log_format": "something else {x}", "x": 1}]


CLIENTS = 300

# Opens CLIENTS connections, then counts how many the server closed (EOF or reset).
CLIENT = """
import resource, socket, sys
resource.setrlimit(resource.RLIMIT_NOFILE, (4096, 4096))
port, n = int(sys.argv[1]), int(sys.argv[2])
socks = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(n)]
closed = 0
for s in socks:
    s.settimeout(0.2)
    try:
        closed += s.recv(1) == b""
    except TimeoutError:
        pass
    except OSError:
        closed += 1
print(closed, flush=True)
"""


class Hold(Protocol):
    """Keeps its connection (and its descriptor) open."""


@pytest.fixture
def few_fds() -> Generator[int, None, None]:
    """This process's soft limit lowered to what it has open now plus 16."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    gc.collect()  # sockets earlier tests dropped: closed now, not in the middle of the test
    low = len(os.listdir("/proc/self/fd")) + 16
    resource.setrlimit(resource.RLIMIT_NOFILE, (low, hard))
    yield low
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


@pytest_twisted.inlineCallbacks
def test_a_listener_out_of_descriptors_closes_the_excess_and_logs_it_once(
    few_fds: int,
) -> Generator[Deferred[Any], Any, None]:
    events: list[Event] = []
    logged: list[LogEvent] = []
    observer = cast(ILogObserver, logged.append)
    globalLogPublisher.addObserver(observer)
    holding = Factory.forProtocol(Hold)
    sockets: Any = reactor
    listener = ListenerService(
        name="t", kind="trap", transport="tcp", address="127.0.0.1", port=0, reactor=sockets,
        clock=reactor, publish=events.append, factory=holding, backlog=CLIENTS,
    )  # fmt: skip
    listener.startService()
    try:
        client = subprocess.Popen(
            [sys.executable, "-c", CLIENT, str(listener.info.port), str(CLIENTS)],
            stdout=subprocess.PIPE,
        )
        out = yield threads.deferToThread(client.communicate, timeout=60)
        closed = int(out[0])
        yield deferLater(reactor, 0.1, lambda: None)
    finally:
        globalLogPublisher.removeObserver(observer)
        yield listener.stopService()
    trouble = listener.accept_trouble
    # About 16 connections fitted (more if the process closed something meanwhile); every
    # other one was closed at once, none left waiting.
    assert closed > CLIENTS - 64
    assert trouble.closed == closed
    # Twisted logs three lines per such connection; the log got one warning in all.
    accept_lines = [e for e in logged if "EMFILE" in str(e.get("log_format"))]
    warnings = [e for e in logged if e.get("where") == trouble.where]
    assert accept_lines == []
    assert len(warnings) == 1 and "out of descriptors" in warnings[0]["log_format"]
