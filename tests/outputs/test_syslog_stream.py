"""The TCP/TLS side of the syslog output, over a StringTransport: what waits while the
collector is away is bounded (the oldest dropped and counted), nothing is written while the
transport says it is full, and what is queued at stop is written before the connection closes."""

from __future__ import annotations

import socket
from typing import Any

import pytest_twisted
from twisted.application.service import Service
from twisted.internet import reactor
from twisted.internet.task import deferLater
from twisted.internet.testing import MemoryReactorClock, StringTransport

from honeymesh.config import SyslogOutputConfig
from honeymesh.events import Event, EventBus, EventId, Notice, Observation
from honeymesh.outputs.registry import OutputGroup
from honeymesh.outputs.syslog import SyslogOutput, _Stream

from .sd_parser import parse

REACTOR: Any = reactor


def frames(data: bytes) -> list[bytes]:
    out = []
    while data:
        length, _, rest = data.partition(b" ")
        out.append(rest[: int(length)])
        data = rest[int(length) :]
    return out


def event(n: int) -> Observation:
    return Observation(EventId.TRAP_SESSION, 1_796_000_000.0 + n, f"192.0.2.{n}", {"n": n})


def numbers(data: bytes) -> list[int]:
    return [int(parse(f).sd["honeymesh@32473"]["source"].rsplit(".", 1)[1]) for f in frames(data)]


def make(max_queue: int = 5, **kw: object) -> SyslogOutput:
    config = SyslogOutputConfig(transport="tcp", max_queue=max_queue, **kw)  # type: ignore[arg-type]
    return SyslogOutput(config, MemoryReactorClock(), hostname="node1", procid="1")


def connect(output: SyslogOutput) -> tuple[_Stream, StringTransport]:
    stream, transport = _Stream(output), StringTransport()
    stream.makeConnection(transport)
    return stream, transport


def test_while_away_the_oldest_are_dropped_and_counted_then_the_rest_go_in_order() -> None:
    output = make(max_queue=5)
    for n in range(1, 9):
        output.on_event(event(n))
    assert output.status()["queued"] == 5
    assert output.status()["dropped"] == 3
    _, transport = connect(output)
    assert numbers(transport.value()) == [4, 5, 6, 7, 8]
    assert output.status()["sent"] == 5


def test_nothing_is_written_while_the_transport_is_full() -> None:
    output = make(max_queue=100)
    stream, transport = connect(output)
    stream.pauseProducing()
    output.on_event(event(1))
    output.on_event(event(2))
    assert transport.value() == b""
    assert output.status()["queued"] == 2
    stream.resumeProducing()
    assert numbers(transport.value()) == [1, 2]


def test_unselected_events_are_not_queued() -> None:
    output = make(events=("ban.*",))
    output.on_event(event(1))
    assert output.status()["queued"] == 0


def test_what_is_queued_at_stop_is_written_before_the_close() -> None:
    output = make(max_queue=100)
    output.startService()  # on a memory reactor: it never connects by itself
    stream, transport = connect(output)
    stream.pauseProducing()
    for n in range(1, 4):
        output.on_event(event(n))
    output.stopService()
    assert numbers(transport.value()) == [1, 2, 3]
    assert output.status()["dropped"] == 0


def test_with_no_connection_at_stop_the_queue_is_dropped_and_counted() -> None:
    output = make(max_queue=100)
    output.startService()
    for n in range(1, 4):
        output.on_event(event(n))
    output.stopService()
    assert output.status()["dropped"] == 3
    assert output.status()["state"] == "stopped"


def test_over_tls_nothing_is_written_before_the_handshake_is_done() -> None:
    output = make(max_queue=100)
    output.on_event(event(1))
    stream, transport = _Stream(output, tls=True), StringTransport()
    stream.makeConnection(transport)
    assert transport.value() == b""  # a failed verification would close this connection
    assert output.status()["sent"] == 0
    stream.handshakeCompleted()
    assert numbers(transport.value()) == [1]


@pytest_twisted.ensureDeferred
async def test_udp_goes_on_after_the_collector_port_was_closed() -> None:
    """A closed port answers ICMP port unreachable; on a connected UDP socket Twisted's epoll
    reactor then closed the output's port for good. The collector coming back must get the
    next message."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again when the block ends: nothing listens
    output = SyslogOutput(
        SyslogOutputConfig(transport="udp", port=port), REACTOR, hostname="n", procid="1"
    )
    output.startService()
    for n in range(1, 6):
        output.on_event(event(n))
        await deferLater(REACTOR, 0.02, lambda: None)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as collector:
        collector.bind(("127.0.0.1", port))
        collector.settimeout(5)
        output.on_event(event(6))
        data = collector.recv(65536)
    await output.stopService()
    assert numbers(b"%d %s" % (len(data), data)) == [6]
    assert output.status()["sent"] == 6


def test_an_output_that_fails_on_an_event_costs_only_itself() -> None:
    class Broken(Service):
        name = "broken"

        def on_event(self, event: object) -> None:
            raise RuntimeError("bug")

    good = make(max_queue=10)
    group = OutputGroup([Broken(), good])
    group.on_event(event(1))
    assert group.errors == 1
    assert good.status()["queued"] == 1


def test_the_group_is_subscribed_for_what_its_outputs_select_and_none_for_nothing() -> None:
    bus = EventBus()
    group = OutputGroup(
        [make(name="bans", events=("ban.*",)), make(name="sessions", events=("trap.session",))]
    )
    calls: list[str] = []

    def counted(e: Event) -> None:
        calls.append(str(e.event_id))
        group.on_event(e)

    bus.subscribe(counted, ids=group.ids)
    bus.publish(event(1))
    bus.publish(Notice(EventId.BAN_ADDED, 2.0, {"network": "192.0.2.9/32"}, "192.0.2.9"))
    bus.publish(Notice(EventId.NODE_STARTED, 3.0))
    assert [o.status()["queued"] for o in group.outputs] == [1, 1]
    assert calls == ["trap.session", "ban.added"]  # not called for what none selects
    assert EventId.NODE_STARTED not in group.ids
    assert OutputGroup([]).ids == frozenset()
