"""Reflection is stopped by a byte budget per source, not by refusing to answer.

A spoofed flood from one address (the victim's) gets at most the budget's bytes back whatever
its size and rate; other sources are answered as usual meanwhile; the tables stay bounded
however many forged addresses there are. All on a fake clock.
"""

from __future__ import annotations

import struct

from twisted.internet.task import Clock

from honeymesh.detection.traps.udp import DatagramLimits, DatagramTrap
from honeymesh.events import Event, EventId, Observation

from .dialogues import responders

RATE, BURST = 2048, 8192


def _query(name: str = "example.net", qtype: int = 1) -> bytes:
    labels = b"".join(bytes([len(p)]) + p.encode() for p in name.split(".")) + b"\x00"
    opt = b"\x00" + struct.pack(">HHIH", 41, 4096, 0, 0)
    return (
        struct.pack(">HHHHHH", 7, 0x0100, 1, 0, 0, 1) + labels + struct.pack(">HH", qtype, 1) + opt
    )


def _trap(
    per_source: int = 100_000, max_sources: int = 4096
) -> tuple[DatagramTrap, Clock, list[Event]]:
    clock = Clock()
    events: list[Event] = []
    trap = DatagramTrap(
        name="dns",
        responder=responders()["dns"],
        limits=DatagramLimits(per_source, max_sources, RATE, BURST),
        clock=clock,
        publish=events.append,
    )
    return trap, clock, events


def test_a_flood_from_one_source_gets_at_most_the_budget_back() -> None:
    # The datagram rate is set out of the way: the byte budget alone must bound the flood.
    trap, clock, events = _trap()
    query = _query()
    sent = 0
    for i in range(10_000):  # 1,000 queries a second for 10 seconds
        if i % 100 == 0:
            clock.advance(0.1)
        sent += len(trap.handle(query, "198.51.100.9", 53, None))
    seconds = 10.0
    assert 0 < sent <= BURST + RATE * seconds
    assert sent / (10_000 * len(query)) < 0.1  # bytes out per byte in: small
    assert trap.over_budget + trap.refused > 9_000  # the global rate refuses some first
    dropped = [e for e in events if isinstance(e, Observation) and e.detail.get("reply_dropped")]
    assert len(dropped) == trap.over_budget  # each drop is on record


def test_an_answer_is_as_large_as_the_real_one_within_the_budget() -> None:
    trap, _clock, _events = _trap()
    reply = trap.handle(_query(), "192.0.2.1", 53, None)
    assert reply[7] == 1 and bytes([192, 0, 2, 10]) in reply  # the A record, not TC


def test_a_second_source_is_not_affected_by_a_flood_from_the_first() -> None:
    trap, clock, _events = _trap(per_source=64)  # the default datagram rate
    for i in range(10_000):  # 10 seconds at 1,000 a second: twice the global rate
        if i % 100 == 0:
            clock.advance(0.1)
        trap.handle(_query(), "198.51.100.9", 53, None)
        if i % 1000 == 999:  # the other source, once a second, is answered every time
            assert trap.handle(_query(), "192.0.2.77", 53, None)[7] == 1
    assert trap.handle(_query(), "198.51.100.9", 53, None) == b""
    assert trap.refused > 9_000


def test_the_flooded_source_is_answered_again_once_its_budget_refills() -> None:
    trap, clock, _events = _trap()
    while trap.handle(_query(), "198.51.100.9", 53, None):
        pass
    clock.advance(1.0)
    assert trap.handle(_query(), "198.51.100.9", 53, None) != b""


def test_the_source_tables_stay_bounded_with_100000_forged_sources() -> None:
    trap, clock, events = _trap(max_sources=4096)
    query = _query()
    sent = 0
    for i in range(100_000):
        if i % 500 == 0:
            clock.advance(1.0)  # the global rate (500 a second) lets them all in
        sent += len(trap.handle(query, f"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}", 53, None))
    assert len(trap.limiter) <= 4096 and len(trap.budget) <= 4096
    assert trap.sessions == 100_000 and sent > 0
    del events[:]  # 200,000 events: let them go


def test_a_datagram_over_the_rate_is_neither_answered_nor_recorded() -> None:
    trap, _clock, events = _trap(per_source=10)
    replies = [trap.handle(_query(), "198.51.100.9", 53, None) for _ in range(20)]
    assert sum(1 for r in replies if r) == 10 and trap.refused == 10
    sessions = [
        e for e in events if isinstance(e, Observation) and e.event_id == EventId.TRAP_SESSION
    ]
    assert len(sessions) == 10
