"""One mesh connection: its life as an explicit state machine, and the Twisted protocol around it.

Every connection, dialled or accepted, goes through these states (docs/MESH-PROTOCOL.md,
"Connection life")::

    handshaking --handshake_done--> greeting --hello_ok--> active <--restored/lapsed--> demoted
         |                              |                     |                            |
         +------------------------------+---------------------+----------------------------+
                          close / timed_out / lost --> closed

- handshaking: TLS is being negotiated; the peer's certificate is checked by the TLS layer
  (``honeymesh.mesh.tls``) before any frame is read. Nothing may arrive.
- greeting: both sides have sent HELLO; only HELLO (or CLOSE) is accepted.
- active: the peer's capability claim is valid; signals flow both ways.
- demoted: connected, but the peer's claim has lapsed (license expired, sharing switched off):
  its heartbeats and membership records are still read, its signals are not, and ours are not
  sent to it. A heartbeat with a valid claim restores it.
- closed: gone; the hub has forgotten the link.

The machine decides which transitions exist; ``MeshProtocol`` turns bytes into inputs and the
hub (``honeymesh.mesh.service``) decides what a HELLO or heartbeat means. A join connection
(ALPN ``honeymesh-join/2``) never reaches greeting: it carries one JOIN and its answer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, cast

from automat import TypeMachineBuilder
from twisted.internet.interfaces import (
    IDelayedCall,
    IHandshakeListener,
    IReactorTime,
    ITCPTransport,
)
from twisted.internet.protocol import Protocol as TwistedProtocol
from twisted.logger import Logger
from twisted.python.failure import Failure
from zope.interface import implementer

from honeymesh.mesh.tls import ALPN_JOIN, MeshTlsError, negotiated_alpn, peer_node_id
from honeymesh.mesh.wire import Frame, FrameDecoder, FrameType, WireError, item_frames, json_frame


class Link(Protocol):
    """The inputs of a connection's state machine."""

    def handshake_done(self, node_id: str) -> None:
        "TLS finished; the certificate names ``node_id`` (already admitted by the TLS layer)."

    def join_begun(self, node_id: str) -> None:
        "TLS finished on a join connection (ALPN honeymesh-join/2)."

    def hello_ok(self) -> None:
        "The peer's HELLO was valid and its claim is good."

    def hello_demoted(self) -> None:
        "The peer's HELLO was valid but its claim is not (expired license, sharing off)."

    def lapsed(self) -> None:
        "A heartbeat carried a claim that no longer holds."

    def restored(self) -> None:
        "A heartbeat carried a valid claim again."

    def close(self, reason: str) -> None:
        "Close the connection, telling the peer why."

    def lost(self) -> None:
        "The transport is gone."


class Hub(Protocol):
    """What a connection asks of the mesh service."""

    def hello(self, link: MeshProtocol) -> dict[str, Any]: ...
    def heartbeat(self, link: MeshProtocol) -> dict[str, Any]: ...
    def check_hello(self, link: MeshProtocol, hello: dict[str, Any]) -> tuple[bool, str]: ...
    def check_heartbeat(self, link: MeshProtocol, beat: dict[str, Any]) -> tuple[bool, str]: ...
    def attach(self, link: MeshProtocol) -> None: ...
    def detach(self, link: MeshProtocol, reason: str) -> None: ...
    def frame(self, link: MeshProtocol, frame: Frame) -> None: ...
    def refused_frame(self, link: MeshProtocol, reason: str, detail: str) -> None: ...
    def join_begun(self, link: MeshProtocol) -> None: ...
    def changed(self, link: MeshProtocol) -> None: ...


_ALLOWED: dict[str, frozenset[FrameType]] = {
    "handshaking": frozenset(),
    "greeting": frozenset({FrameType.HELLO, FrameType.CLOSE}),
    "active": frozenset(
        {
            FrameType.HEARTBEAT,
            FrameType.RECORDS,
            FrameType.SIGNALS,
            FrameType.SYNC,
            FrameType.CLOSE,
        }
    ),
    # A demoted peer's SIGNALS and SYNC may cross its demotion in flight: the hub drops them.
    "demoted": frozenset(
        {
            FrameType.HEARTBEAT,
            FrameType.RECORDS,
            FrameType.SIGNALS,
            FrameType.SYNC,
            FrameType.CLOSE,
        }
    ),
    "joining": frozenset({FrameType.JOIN, FrameType.JOINED, FrameType.RECORDS, FrameType.CLOSE}),
    "closed": frozenset(),
}


def _build_machine() -> Callable[[MeshProtocol], Link]:
    """The transition table; each row is one ``@state.upon(input).to(state)``."""
    builder = TypeMachineBuilder(Link, MeshProtocol)
    handshaking = builder.state("handshaking")
    greeting = builder.state("greeting")
    joining = builder.state("joining")
    active = builder.state("active")
    demoted = builder.state("demoted")
    closed = builder.state("closed")

    @handshaking.upon(Link.handshake_done).to(greeting)
    def greet(link: Link, core: MeshProtocol, node_id: str) -> None:
        core.enter("greeting")
        core.greet()

    @handshaking.upon(Link.join_begun).to(joining)
    def join(link: Link, core: MeshProtocol, node_id: str) -> None:
        core.enter("joining")
        core.hub.join_begun(core)

    @greeting.upon(Link.hello_ok).to(active)
    def activate(link: Link, core: MeshProtocol) -> None:
        core.enter("active")
        core.activated()

    @greeting.upon(Link.hello_demoted).to(demoted)
    def demote_at_hello(link: Link, core: MeshProtocol) -> None:
        core.enter("demoted")
        core.activated()

    @active.upon(Link.lapsed).to(demoted)
    def demote(link: Link, core: MeshProtocol) -> None:
        core.enter("demoted")
        core.hub.changed(core)

    @demoted.upon(Link.restored).to(active)
    def restore(link: Link, core: MeshProtocol) -> None:
        core.enter("active")
        core.hub.changed(core)

    active.upon(Link.restored).loop().returns(None)
    demoted.upon(Link.lapsed).loop().returns(None)

    for state in (handshaking, greeting, joining, active, demoted):

        @state.upon(Link.close).to(closed)
        def close(link: Link, core: MeshProtocol, reason: str) -> None:
            core.enter("closed")
            core.shut(reason)

        @state.upon(Link.lost).to(closed)
        def lost(link: Link, core: MeshProtocol) -> None:
            core.enter("closed")
            core.gone("connection lost")

    closed.upon(Link.close).loop().returns(None)
    closed.upon(Link.lost).loop().returns(None)
    for state in (closed,):
        for stray in (Link.hello_ok, Link.hello_demoted, Link.lapsed, Link.restored):
            state.upon(stray).loop().returns(None)
    return builder.build()


@implementer(IHandshakeListener)
class MeshProtocol(TwistedProtocol):
    """Frames over one TLS connection, driven by the state machine above."""

    _log = Logger()
    _machine_factory: Callable[[MeshProtocol], Link] | None = None

    def __init__(
        self,
        hub: Hub,
        clock: IReactorTime,
        *,
        outbound: bool,
        expected: str | None,
        handshake_timeout: float,
        peer_timeout: float,
    ) -> None:
        self.hub = hub
        self.clock = clock
        self.outbound = outbound
        self.expected = expected  # the node we dialled (outbound only)
        self.node_id: str | None = None
        self.joining = False
        self.close_reason = ""
        self.frames_in = 0
        self.frames_out = 0
        self.bytes_in = 0
        self.bytes_out = 0
        self.connected_at = clock.seconds()
        self.last_frame = self.connected_at
        self.info: dict[str, Any] = {}  # the peer's HELLO, for status
        self.current = "handshaking"  # the machine's state, set by its transitions
        self._decoder = FrameDecoder()
        self._handshake_timeout = handshake_timeout
        self._peer_timeout = peer_timeout
        self._timer: IDelayedCall | None = None
        if MeshProtocol._machine_factory is None:
            MeshProtocol._machine_factory = _build_machine()
        self.machine = MeshProtocol._machine_factory(self)

    # Twisted -----------------------------------------------------------------------------------

    def connectionMade(self) -> None:
        self._timer = self.clock.callLater(self._handshake_timeout, self._expired, "handshake")

    def handshakeCompleted(self) -> None:
        if self.transport is None:
            return
        try:
            node_id = peer_node_id(self.transport)
        except MeshTlsError as e:
            self.machine.close("no-identity: " + str(e))
            return
        self.node_id = node_id
        self.joining = negotiated_alpn(self.transport) == ALPN_JOIN
        if self.joining:
            self.machine.join_begun(node_id)
            return
        self.machine.handshake_done(node_id)

    def dataReceived(self, data: bytes) -> None:
        self.bytes_in += len(data)
        try:
            frames = self._decoder.feed(data)
        except WireError as e:
            self.hub.refused_frame(self, e.reason, e.detail)
            self.machine.close(f"bad-frame: {e.reason}")
            return
        for frame in frames:
            if self.current == "closed":
                return
            self.frames_in += 1
            self.last_frame = self.clock.seconds()
            if frame.type not in _ALLOWED[self.current]:
                self.hub.refused_frame(self, "unexpected", f"{frame.type.name} in {self.state}")
                self.machine.close(f"unexpected-frame: {frame.type.name} in {self.state}")
                return
            try:
                self._dispatch(frame)
            except WireError as e:
                self.hub.refused_frame(self, e.reason, e.detail)
                self.machine.close(f"bad-frame: {e.reason}")
                return
            except Exception:
                # A fault of ours on the peer's input: logged, the connection closed with a
                # reason, the daemon and every other link carry on.
                self._log.failure("mesh frame {kind} from {peer} failed", kind=frame.type.name,
                                  peer=(self.node_id or "?")[:16])  # fmt: skip
                self.machine.close("internal: this node failed on a frame")
                return

    def connectionLost(self, reason: Failure = Failure(ConnectionError())) -> None:  # noqa: B008
        self._cancel_timer()
        self.machine.lost()

    # What the state machine's outputs call -------------------------------------------------------

    @property
    def state(self) -> str:
        return self.current

    def sends_signals(self) -> bool:
        return self.current == "active"

    def enter(self, state: str) -> None:
        self.current = state

    def greet(self) -> None:
        self.send_json(FrameType.HELLO, self.hub.hello(self))

    def activated(self) -> None:
        self._restart_timer(self._peer_timeout)
        self.hub.attach(self)

    def shut(self, reason: str) -> None:
        self.close_reason = reason
        self._cancel_timer()
        if self.transport is not None and self.node_id is None:
            # TLS is not up: there is no one to tell why, and a CLOSE written now would wait in
            # the TLS buffer (and keep the socket open) for a handshake a slow-drip client never
            # finishes.
            self._abort()
        elif self.transport is not None:
            code = reason.split(":", 1)[0]
            self.transport.write(
                json_frame(FrameType.CLOSE, {"reason": code[:64], "detail": reason[:200]})
            )
            self.transport.loseConnection()
            # A TLS close waits for the peer's close_notify; a peer that never sends one must not
            # hold the socket once the link is forgotten. connectionLost cancels this.
            self._timer = self.clock.callLater(self._handshake_timeout, self._abort)
        self.hub.detach(self, reason)

    def gone(self, reason: str) -> None:
        self.close_reason = self.close_reason or reason
        self._cancel_timer()
        self.hub.detach(self, reason)

    # Sending ------------------------------------------------------------------------------------

    def send(self, data: bytes) -> None:
        if self.transport is None or self.current == "closed":
            return
        self.frames_out += 1
        self.bytes_out += len(data)
        self.transport.write(data)

    def send_json(self, kind: FrameType, value: dict[str, Any]) -> None:
        self.send(json_frame(kind, value))

    def send_items(self, kind: FrameType, items: list[bytes]) -> None:
        for frame in item_frames(kind, items):
            self.send(frame)

    def beat(self) -> None:
        """Send a heartbeat (the hub calls this every heartbeat interval)."""
        if self.current in ("active", "demoted"):
            self.send_json(FrameType.HEARTBEAT, self.hub.heartbeat(self))
            if self.clock.seconds() - self.last_frame > self._peer_timeout:
                self.machine.close("timeout: no frame from the peer")

    # Receiving ----------------------------------------------------------------------------------

    def _dispatch(self, frame: Frame) -> None:
        state = self.current
        if frame.type is FrameType.CLOSE:
            body = frame.json()
            self.machine.close(f"peer-closed: {str(body.get('reason', ''))[:64]}")
            return
        if frame.type is FrameType.HELLO:
            self.info = frame.json()
            ok, why = self.hub.check_hello(self, self.info)
            if not why and ok:
                self.machine.hello_ok()
            elif ok:
                self.machine.hello_demoted()
            else:
                self.machine.close(why)
            return
        if frame.type is FrameType.HEARTBEAT:
            beat = frame.json()
            self._restart_timer(self._peer_timeout)
            ok, why = self.hub.check_heartbeat(self, beat)
            if not ok:
                self.machine.close(why)
            elif why:
                self.machine.lapsed()
            elif state == "demoted":
                self.machine.restored()
            return
        self.hub.frame(self, frame)

    # Timers -------------------------------------------------------------------------------------

    def _expired(self, what: str) -> None:
        self._timer = None
        if what == "heartbeat":
            # Any frame shows the peer alive: a heartbeat can queue behind a long run of
            # signals in the same stream, and a busy link is not a dead one.
            quiet = self.clock.seconds() - self.last_frame
            if quiet < self._peer_timeout:
                self._timer = self.clock.callLater(
                    self._peer_timeout - quiet, self._expired, "heartbeat"
                )
                return
        self.machine.close(f"timeout: {what} not finished in time")

    def _abort(self) -> None:
        self._timer = None
        if self.transport is not None:  # TLS over TCP, which can always be aborted
            cast(ITCPTransport, self.transport).abortConnection()

    def _restart_timer(self, seconds: float) -> None:
        self._cancel_timer()
        self._timer = self.clock.callLater(seconds, self._expired, "heartbeat")

    def _cancel_timer(self) -> None:
        if self._timer is not None and self._timer.active():
            self._timer.cancel()
        self._timer = None
