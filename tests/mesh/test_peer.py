"""One mesh connection's life (honeymesh.mesh.peer): the state machine over a fake transport.

The TLS layer is not here (tests/mesh/test_tls.py has it): these drive the protocol the way the
TLS layer would, with ``handshake_done``, and assert what the peer on the other end would see:
frames sent, the connection closed, and the reason.
"""

from __future__ import annotations

import struct
from typing import Any

from twisted.internet.task import Clock
from twisted.internet.testing import StringTransport

from honeymesh.mesh.peer import MeshProtocol
from honeymesh.mesh.wire import (
    MAX_FRAME,
    Frame,
    FrameDecoder,
    FrameType,
    encode_frame,
    json_frame,
)

PEER = "ab" * 32


class FakeHub:
    def __init__(self) -> None:
        self.hello_answer: tuple[bool, str] = (True, "")
        self.beat_answer: tuple[bool, str] = (True, "")
        self.attached: list[MeshProtocol] = []
        self.detached: list[tuple[MeshProtocol, str]] = []
        self.changes: list[str] = []
        self.frames: list[Frame] = []
        self.refusals: list[str] = []

    def hello(self, link: MeshProtocol) -> dict[str, Any]:
        return {"v": "v2", "node": "me"}

    def heartbeat(self, link: MeshProtocol) -> dict[str, Any]:
        return {"t": 1}

    def check_hello(self, link: MeshProtocol, hello: dict[str, Any]) -> tuple[bool, str]:
        return self.hello_answer

    def check_heartbeat(self, link: MeshProtocol, beat: dict[str, Any]) -> tuple[bool, str]:
        return self.beat_answer

    def attach(self, link: MeshProtocol) -> None:
        self.attached.append(link)

    def detach(self, link: MeshProtocol, reason: str) -> None:
        self.detached.append((link, reason))

    def frame(self, link: MeshProtocol, frame: Frame) -> None:
        self.frames.append(frame)

    def refused_frame(self, link: MeshProtocol, reason: str, detail: str) -> None:
        self.refusals.append(reason)

    def join_begun(self, link: MeshProtocol) -> None:
        pass

    def changed(self, link: MeshProtocol) -> None:
        self.changes.append(link.state)


def connection(hub: FakeHub, clock: Clock) -> tuple[MeshProtocol, StringTransport]:
    proto = MeshProtocol(
        hub, clock, outbound=False, expected=None, handshake_timeout=5.0, peer_timeout=3.0
    )
    transport = StringTransport()
    proto.makeConnection(transport)
    return proto, transport


def sent(transport: StringTransport) -> list[Frame]:
    return FrameDecoder().feed(transport.value())


def greeted(hub: FakeHub, clock: Clock) -> tuple[MeshProtocol, StringTransport]:
    proto, transport = connection(hub, clock)
    proto.node_id = PEER
    proto.machine.handshake_done(PEER)
    return proto, transport


def active(hub: FakeHub, clock: Clock) -> tuple[MeshProtocol, StringTransport]:
    proto, transport = greeted(hub, clock)
    proto.dataReceived(json_frame(FrameType.HELLO, {"v": "v2"}))
    return proto, transport


def test_a_completed_handshake_sends_hello_and_waits_for_the_peers() -> None:
    hub, clock = FakeHub(), Clock()
    proto, transport = greeted(hub, clock)
    assert proto.state == "greeting"
    assert [f.type for f in sent(transport)] == [FrameType.HELLO]
    assert hub.attached == []


def test_a_valid_hello_makes_the_link_active_and_known_to_the_hub() -> None:
    hub, clock = FakeHub(), Clock()
    proto, _ = active(hub, clock)
    assert proto.state == "active"
    assert proto.sends_signals()
    assert hub.attached == [proto]


def test_anything_but_hello_while_greeting_closes_the_connection() -> None:
    hub, clock = FakeHub(), Clock()
    proto, transport = greeted(hub, clock)
    proto.dataReceived(json_frame(FrameType.SYNC, {"have": {}}))
    assert proto.state == "closed"
    assert transport.disconnecting
    assert hub.refusals == ["unexpected"]
    close = sent(transport)[-1]
    assert close.type is FrameType.CLOSE and close.json()["reason"] == "unexpected-frame"
    assert hub.frames == []


def test_a_refused_hello_closes_with_the_hubs_reason() -> None:
    hub, clock = FakeHub(), Clock()
    hub.hello_answer = (False, "other-cluster: the peer is in another cluster")
    proto, transport = greeted(hub, clock)
    proto.dataReceived(json_frame(FrameType.HELLO, {"v": "v2"}))
    assert proto.state == "closed"
    assert sent(transport)[-1].json()["reason"] == "other-cluster"
    assert hub.attached == []


def test_a_peer_whose_claim_lapses_is_demoted_and_restored_by_heartbeats() -> None:
    hub, clock = FakeHub(), Clock()
    proto, _ = active(hub, clock)
    hub.beat_answer = (True, "license not in force: expired")
    proto.dataReceived(json_frame(FrameType.HEARTBEAT, {"t": 2}))
    assert proto.state == "demoted"
    assert not proto.sends_signals()
    # A demoted peer's signals still arrive (they may cross the demotion); the hub drops them.
    proto.dataReceived(encode_frame(FrameType.SIGNALS, b""))
    assert proto.state == "demoted"
    assert [f.type for f in hub.frames] == [FrameType.SIGNALS]
    hub.beat_answer = (True, "")
    proto.dataReceived(json_frame(FrameType.HEARTBEAT, {"t": 3}))
    assert proto.state == "active"
    assert hub.changes == ["demoted", "active"]


def test_a_hello_with_a_lapsed_claim_starts_demoted() -> None:
    hub, clock = FakeHub(), Clock()
    hub.hello_answer = (True, "capability claim refused: expired")
    proto, _ = greeted(hub, clock)
    proto.dataReceived(json_frame(FrameType.HELLO, {"v": "v2"}))
    assert proto.state == "demoted"
    assert hub.attached == [proto]


def test_a_handshake_that_never_finishes_is_closed_by_the_timeout() -> None:
    hub, clock = FakeHub(), Clock()
    proto, transport = connection(hub, clock)
    clock.advance(4.9)
    assert proto.state == "handshaking"
    clock.advance(0.2)
    assert proto.state == "closed"
    assert transport.disconnected  # aborted: a CLOSE would wait for a handshake that never ends
    assert transport.value() == b""
    assert hub.detached and hub.detached[0][1].startswith("timeout")
    assert clock.getDelayedCalls() == []


def test_a_closed_peer_that_never_finishes_the_tls_close_is_cut_off() -> None:
    hub, clock = FakeHub(), Clock()
    proto, transport = active(hub, clock)
    proto.machine.close("shutdown")
    assert transport.disconnecting and not transport.disconnected  # CLOSE, then a TLS close
    assert sent(transport)[-1].json()["reason"] == "shutdown"
    clock.advance(5.0)  # no close_notify back within the handshake timeout: aborted
    assert transport.disconnected
    assert clock.getDelayedCalls() == []


def test_a_connection_lost_after_a_close_leaves_no_timer() -> None:
    hub, clock = FakeHub(), Clock()
    proto, _ = active(hub, clock)
    proto.machine.close("shutdown")
    proto.connectionLost()
    assert clock.getDelayedCalls() == []
    assert len(hub.detached) == 1


def test_a_silent_peer_is_closed_after_the_peer_timeout() -> None:
    hub, clock = FakeHub(), Clock()
    proto, _ = active(hub, clock)
    for _ in range(2):
        clock.advance(2.0)
        proto.dataReceived(json_frame(FrameType.HEARTBEAT, {"t": 1}))
    assert proto.state == "active"
    clock.advance(3.1)
    assert proto.state == "closed"
    proto.connectionLost()  # the transport, closing, says so
    assert clock.getDelayedCalls() == []


def test_an_oversized_frame_header_closes_before_the_body_arrives() -> None:
    hub, clock = FakeHub(), Clock()
    proto, transport = active(hub, clock)
    proto.dataReceived(struct.pack(">IB", MAX_FRAME + 1, FrameType.SIGNALS))
    assert proto.state == "closed"
    assert hub.refusals == ["too-large"]
    assert sent(transport)[-1].json()["reason"] == "bad-frame"


def test_the_peers_close_is_honoured_and_the_hub_told_once() -> None:
    hub, clock = FakeHub(), Clock()
    proto, _ = active(hub, clock)
    proto.dataReceived(json_frame(FrameType.CLOSE, {"reason": "shutdown"}))
    assert proto.state == "closed"
    proto.connectionLost()
    assert len(hub.detached) == 1
    assert hub.detached[0][1] == "peer-closed: shutdown"


def test_a_lost_connection_detaches_and_leaves_no_timer() -> None:
    hub, clock = FakeHub(), Clock()
    proto, _ = active(hub, clock)
    proto.connectionLost()
    assert proto.state == "closed"
    assert [r for _, r in hub.detached] == ["connection lost"]
    assert clock.getDelayedCalls() == []


def test_frames_split_anywhere_arrive_whole_and_in_order() -> None:
    hub, clock = FakeHub(), Clock()
    proto, _ = active(hub, clock)
    data = json_frame(FrameType.SYNC, {"have": {}}) + json_frame(FrameType.SYNC, {"have": {"a": 1}})
    for i in range(len(data)):
        proto.dataReceived(data[i : i + 1])
    assert [f.json() for f in hub.frames] == [{"have": {}}, {"have": {"a": 1}}]
    assert proto.frames_in == 3  # HELLO and the two SYNCs


def test_a_hub_that_fails_on_a_frame_closes_that_link_only() -> None:
    hub, clock = FakeHub(), Clock()

    def broken(link: MeshProtocol, frame: Frame) -> None:
        raise KeyError("a bug of ours")

    hub.frame = broken  # type: ignore[method-assign]
    proto, transport = active(hub, clock)
    proto.dataReceived(json_frame(FrameType.SYNC, {"have": {}}))
    assert proto.state == "closed"
    assert sent(transport)[-1].json()["reason"] == "internal"
    proto.connectionLost()
    assert clock.getDelayedCalls() == []


def test_any_frame_keeps_a_busy_link_alive() -> None:
    hub, clock = FakeHub(), Clock()
    proto, _ = active(hub, clock)
    for _ in range(4):  # signals, no heartbeat, for longer than the peer timeout
        clock.advance(2.0)
        proto.dataReceived(encode_frame(FrameType.SIGNALS, b""))
    assert proto.state == "active"
    clock.advance(3.1)
    assert proto.state == "closed"
