"""The mesh service: membership, connections, gossip, catch-up, and the path to enforcement.

``MeshService`` runs only when sharing may run (a Pro license and the operator's opt-in); when
it may not, it says why in one line and ``status()`` says it too. Running, it:

- restores the membership records, replay windows, peer standing and its own sequence number
  from SQLite (``mesh_*`` tables);
- listens for mesh connections (mutual TLS, ``honeymesh.mesh.tls``: the certificate is the node
  id; a non-member is refused in the handshake) and dials up to ``mesh.degree`` members, each
  through a ``ClientService`` that reconnects with backoff;
- exchanges HELLO and heartbeats (capability claim, membership digest, high-water marks) on
  each connection (``honeymesh.mesh.peer``);
- floods new membership records to every peer; publishes this node's bans as signed v2 signals
  to every peer; relays each accepted signal to ``mesh.fanout`` of its other peers; answers
  SYNC requests with the live signals a peer lacks;
- hands every signal that passes the gate (``honeymesh.mesh.gate``) to trust
  (``TrustEngine.evaluate``) and the result to policy (``PolicyEngine.apply_trust``), the one
  place that turns a trust decision into enforcement.

docs/MESH.md describes the design and its failure cases; docs/MESH-PROTOCOL.md every byte.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from twisted.application.internet import ClientService, backoffPolicy
from twisted.application.service import MultiService
from twisted.internet.defer import Deferred, fail, succeed
from twisted.internet.endpoints import HostnameEndpoint, wrapClientTLS
from twisted.internet.protocol import Factory
from twisted.internet.task import LoopingCall
from twisted.logger import Logger
from twisted.protocols.tls import TLSMemoryBIOFactory
from twisted.python.failure import Failure

from honeymesh.config import Config
from honeymesh.events import Event, EventId, JSONValue, Notice
from honeymesh.license.claim import VerifiedClaim, capability_claim, verify_claim
from honeymesh.license.gating import SharingDecision, sharing_decision
from honeymesh.license.keys import TrustedKeys
from honeymesh.license.verify import LicenseRefused, check_in_force
from honeymesh.listeners import ListenerService
from honeymesh.mesh import membership as mem
from honeymesh.mesh import signalstore as sigdb
from honeymesh.mesh import tokens as tok
from honeymesh.mesh.envelope import (
    SCHEMA,
    EnvelopeError,
    Signal,
    level_rank,
    new_id,
    parse_signal,
    seal,
)
from honeymesh.mesh.gate import Gate, GateConfig, Passed, Refused
from honeymesh.mesh.identity import NodeIdentity
from honeymesh.mesh.joining import Joining, save_joined
from honeymesh.mesh.peer import MeshProtocol
from honeymesh.mesh.sanitize import internal, signal_body
from honeymesh.mesh.tls import client_tls_creator, server_tls_factory
from honeymesh.mesh.wire import MAX_FRAME, Frame, FrameType, WireError
from honeymesh.net import Network, normalize_network
from honeymesh.store.db import Store, log_job_failure

# Reasons for refusing a frame or an item that are the sender's fault (they cost it standing).
_SENDER_FAULTS = frozenset(
    {
        "malformed",
        "bad-signature",
        "other-cluster",
        "unversioned",
        "bad-version",
        "too-large",
        "bad-json",
        "bad-item",
        "bad-type",
        "bad-length",
        "unexpected",
    }
)
_SCORE_MIN, _SCORE_MAX = -100.0, 100.0
_WILDCARDS = ("0.0.0.0", "::")  # noqa: S104 - names, not a bind
_GRAYLIST = -50.0  # below this, a peer is disconnected
_MAX_SEQ_JUMP = 1_000_000  # how far peers may move our sequence number on (after a lost db)
_FULL_BACKOFF = 60.0  # seconds before a member that was full is dialled again
_POOR = -20.0  # below this, a peer is not counted toward the degree, nor dialled


#: What ``on_event`` turns into signals when this node's own: the ids to subscribe it for.
SHARED_IDS = frozenset({EventId.BAN_ADDED, EventId.BAN_REMOVED, EventId.ALLOW_ADDED})


class MeshError(Exception):
    """An operator request to the mesh was refused; the message says why in one line."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        super().__init__(message)


@dataclass
class PeerStanding:
    """A peer's standing in the mesh: first deliveries and invalid items, kept across
    reconnects (GossipSub's peer score, reduced to what this mesh can observe)."""

    score: float = 0.0
    delivered: int = 0
    invalid: int = 0

    def credit(self, points: float) -> None:
        self.score = min(_SCORE_MAX, self.score + points)

    def debit(self, points: float) -> None:
        self.score = max(_SCORE_MIN, self.score - points)


@dataclass
class Counters:
    frames_in: int = 0
    frames_out: int = 0
    signals_published: int = 0
    signals_accepted: int = 0
    signals_relayed: int = 0
    duplicates: int = 0
    joins: int = 0
    refused: dict[str, int] = field(default_factory=dict)

    def refuse(self, reason: str) -> None:
        self.refused[reason] = self.refused.get(reason, 0) + 1


class MeshService(MultiService):
    """One node's part in the mesh (see the module docstring)."""

    _log = Logger()

    def __init__(
        self,
        *,
        config: Config,
        identity: NodeIdentity,
        store: Store,
        reactor: Any,
        publish: Callable[[Event], None],
        entitlement: Callable[[], Any],
        keys: TrustedKeys,
        evaluate: Callable[[Any], Deferred[Any]],
        apply_trust: Callable[..., Deferred[Any]],
        lift_mesh_ban: Callable[..., Deferred[Any]],
        register_peer: Callable[[str], Deferred[Any]] | None = None,
        enforcing: Callable[[], Deferred[None]] | None = None,
    ) -> None:
        super().__init__()
        self.setName("mesh")
        self.config = config
        self.identity = identity
        self.node_id = identity.node_id
        self._store = store
        self._reactor = reactor
        self._publish = publish
        self._entitlement = entitlement
        self._keys = keys
        self._evaluate = evaluate
        self._apply_trust = apply_trust
        self._lift_mesh_ban = lift_mesh_ban
        self._register_peer = register_peer
        self._enforcing = enforcing  # fires once enforcement is up
        self.decision: SharingDecision = SharingDecision(False, False, False, "not started")
        self.state = "stopped"  # stopped | disabled | unjoined | member | removed
        self.cluster = config.sharing.cluster_id
        self.membership: mem.Membership = mem.Membership(self.cluster or "unjoined")
        self.gate = self._new_gate()
        self.links: dict[str, MeshProtocol] = {}  # node id -> the one active connection
        self.pending: set[MeshProtocol] = set()
        self.dialers: dict[str, ClientService] = {}
        self.standing: dict[str, PeerStanding] = {}
        self.counters = Counters()
        self.seq = 0  # the last sequence number this node gave a signal of its own
        self.seq_sent = 0  # the last one committed and sent
        self._claim: bytes | None = None
        self._claim_ref = ""
        self._claims: dict[str, VerifiedClaim] = {}  # claim hash -> the verified claim
        self._listener: ListenerService | None = None
        self._loop: LoopingCall | None = None
        self._ticks = 0
        self.joining = Joining(self)
        self._full: dict[str, float] = {}  # members that said too-many-peers, until when
        self._sync_asked: dict[str, float] = {}
        self._promises: dict[str, tuple[dict[str, int], float]] = {}
        self._records_sent: dict[str, float] = {}
        self._ready: Deferred[None] = Deferred()
        self.copies: dict[str, int] = {}  # signal id -> copies received (bounded; for bench)

    # Life ---------------------------------------------------------------------------------------

    def startService(self) -> None:
        super().startService()
        ent = self._entitlement()
        self.decision = sharing_decision(ent, self.config.sharing)
        if not self.decision.run:
            self.state = "disabled"
            self._log.warn("mesh not started: {reason}", reason=self.decision.reason)
            self._ready.callback(None)
            return
        self._claim = capability_claim(ent, self.node_id, self.decision)
        self._claim_ref = hashlib.sha256(self._claim).hexdigest()
        # Signals become bans: consume none before enforcement is up (the operator's mode
        # applied, the ban list restored), or a catch-up at start is judged in the
        # configured mode against an empty ban list, and the gate has marked it seen.
        waiting = self._enforcing() if self._enforcing is not None else succeed(None)
        d = waiting.addCallback(lambda _: self._store.run(_load_everything))
        d.addCallback(self._restored)
        d.addErrback(self._start_failed)

    def _start_failed(self, failure: Failure) -> None:
        self.state = "disabled"
        self.decision = SharingDecision(False, False, False, f"mesh failed: {failure.value}")
        log_job_failure(self._log, failure, "mesh could not start")
        if not self._ready.called:
            self._ready.callback(None)

    def ready(self) -> Deferred[None]:
        """Fires once the mesh has started (or decided not to)."""
        d: Deferred[None] = Deferred()

        def fire(result: object) -> object:
            d.callback(None)
            return result

        self._ready.addBoth(fire)
        return d

    def _restored(self, loaded: tuple[sigdb.MeshState, list[bytes]]) -> None:
        if not self.running:  # stopped before it could start: start nothing
            self._ready.callback(None)
            return
        state, records = loaded
        self.cluster = self.config.sharing.cluster_id or state.settings.get("cluster", "")
        self.seq = self.seq_sent = int(state.settings.get("seq", "0"))
        self.membership = mem.Membership(self.cluster or "unjoined")
        for raw in records:
            try:
                self.membership.add(raw)
            except mem.MembershipError as e:
                self._log.warn("stored membership record refused: {error}", error=str(e))
        self.gate = self._new_gate()
        self.gate.windows.update(state.windows)
        for node, (score, delivered, invalid) in state.scores.items():
            self.standing[node] = PeerStanding(score, delivered, invalid)
        self._update_state()
        if self.state == "member" and self.membership.claim_of(self.node_id) != self._claim:
            self._add_claim_record()  # the license changed while the daemon was down
        self._listen()
        self._loop = LoopingCall(self._tick)
        self._loop.clock = self._reactor
        self._loop.start(self.config.mesh.heartbeat, now=True)
        self._log.info(
            "mesh {state}: cluster {cluster}, {members} members, listening on {address} port "
            "{port}; {live} live remote signals",
            state=self.state,
            cluster=self.cluster or "(none yet)",
            members=len(self.membership.members()),
            address=self.config.mesh.address,
            port=self.config.mesh.port,
            live=state.live,
        )
        self._ready.callback(None)

    def stopService(self) -> Deferred[None]:
        if self._loop is not None and self._loop.running:
            self._loop.stop()
        for link in [*self.links.values(), *self.pending]:
            link.machine.close("shutdown")
        for dialer in list(self.dialers.values()):
            dialer.disownServiceParent()
        self.dialers.clear()
        d = super().stopService()
        return d if isinstance(d, Deferred) else succeed(None)

    def _new_gate(self) -> Gate:
        mesh = self.config.mesh
        cfg = GateConfig(
            consume=self.decision.consume,
            max_age=mesh.max_signal_age,
            skew=mesh.clock_skew,
            burst=mesh.rate_burst,
            per_minute=mesh.rate_per_minute,
        )
        return Gate(self.cluster or "unjoined", self.membership, self._keys, cfg, own=self.node_id)

    def _update_state(self) -> None:
        status = self.membership.status(self.node_id)
        self.state = {"member": "member", "removed": "removed"}.get(status, "unjoined")

    def _listen(self) -> None:
        mesh = self.config.mesh
        factory = Factory.forProtocol(lambda: self._protocol(outbound=False, expected=None))
        tls = TLSMemoryBIOFactory(
            server_tls_factory(
                self.identity, self, name=self.config.node.name, now=self._reactor.seconds()
            ),
            False,
            factory,
        )
        self._listener = ListenerService(
            name="mesh",
            kind="mesh",
            transport="tls",
            address=mesh.address,
            port=mesh.port,
            reactor=self._reactor,
            clock=self._reactor,
            publish=self._publish,
            factory=tls,
        )
        self._listener.setServiceParent(self)

    def _protocol(self, *, outbound: bool, expected: str | None) -> MeshProtocol:
        mesh = self.config.mesh
        link = MeshProtocol(
            self,
            self._reactor,
            outbound=outbound,
            expected=expected,
            handshake_timeout=mesh.handshake_timeout,
            peer_timeout=mesh.peer_timeout,
        )
        self.pending.add(link)
        return link

    @property
    def listener(self) -> ListenerService | None:
        return self._listener

    @property
    def listening_port(self) -> int | None:
        return self._listener.info.port if self._listener is not None else None

    # TLS admission (honeymesh.mesh.tls.PeerAdmission) ----------------------------------------

    def admit(self, node_id: str, *, joining: bool) -> str | None:
        if self.state in ("stopped", "disabled"):
            return "mesh-off"
        status = self.membership.status(node_id)
        if status == "removed":
            return "removed"
        if joining:
            return None if self.state == "member" else "not-a-member"
        if self.state != "member":
            return "not-a-member"
        if node_id == self.node_id:
            return "self"
        return None if status == "member" else "not-a-member"

    def refused(self, reason: str, node_id: str | None) -> None:
        self.counters.refuse("tls:" + reason)
        self._publish(
            Notice(
                EventId.MESH_REFUSED,
                self._reactor.seconds(),
                {"stage": "tls", "reason": reason, "peer": node_id},
            )
        )

    # The connection hub (honeymesh.mesh.peer.Hub) ---------------------------------------------

    def hello(self, link: MeshProtocol) -> dict[str, Any]:
        return {
            "v": SCHEMA,
            "schemas": [SCHEMA],
            "node": self.node_id,
            "name": self.config.node.name,
            "cluster": self.cluster,
            "claim": base64.b64encode(self._claim or b"").decode(),
            "features": ["records", "signals", "sync"],
            "heartbeat": self.config.mesh.heartbeat,
            "members": self.membership.digest(),
            "hwm": self._hwm(),
        }

    def heartbeat(self, link: MeshProtocol) -> dict[str, Any]:
        return {
            "t": int(self._reactor.seconds() * 1000),
            "claim": base64.b64encode(self._claim or b"").decode(),
            "members": self.membership.digest(),
            "hwm": self._hwm(),
        }

    def _hwm(self) -> dict[str, int]:
        # Our own entry is what we have sent, not what we numbered: a peer told of a signal
        # still being committed would ask for it by SYNC and race the live copy.
        sent = self.seq_sent
        return self.gate.high_water() | ({self.node_id: sent} if sent else {})

    def check_hello(self, link: MeshProtocol, hello: dict[str, Any]) -> tuple[bool, str]:
        schemas = hello.get("schemas")
        if hello.get("v") != SCHEMA or not isinstance(schemas, list) or SCHEMA not in schemas:
            return self._refuse_peer(link, "bad-version", "the peer does not speak v2")
        if hello.get("cluster") != self.cluster:
            return self._refuse_peer(link, "other-cluster", "the peer is in another cluster")
        if hello.get("node") != link.node_id:
            return self._refuse_peer(link, "identity-mismatch", "HELLO names another node")
        return self._check_claim(link, hello)

    def check_heartbeat(self, link: MeshProtocol, beat: dict[str, Any]) -> tuple[bool, str]:
        ok, why = self._check_claim(link, beat)
        if ok:
            self._compare(link, beat)
        return ok, why

    def _check_claim(self, link: MeshProtocol, fields: Mapping[str, Any]) -> tuple[bool, str]:
        """(keep the connection?, why its claim does not hold or '')."""
        encoded = fields.get("claim")
        try:
            data = base64.b64decode(encoded if isinstance(encoded, str) else "?", validate=True)
        except (binascii.Error, ValueError):
            return self._refuse_peer(link, "bad-claim", "the claim is not base64")
        ref = hashlib.sha256(data).hexdigest()
        now = self._reactor.seconds()
        claim = self._claims.get(ref)
        if claim is None:
            try:
                claim = verify_claim(data, self._keys, now=now, cluster_id=self.cluster or None)
            except LicenseRefused as e:  # not remembered: a refusal may be timely
                return True, f"capability claim refused: {e.detail}"
            if len(self._claims) >= 4096:
                self._claims.clear()
            self._claims[ref] = claim  # only a verified claim is remembered, by its hash
        if claim.node_id != link.node_id:  # checked for every link: claims are public
            return True, "the claim names another node"
        try:
            check_in_force(claim.license, now=now, cluster_id=self.cluster or None)
        except LicenseRefused as e:
            return True, f"license not in force: {e.detail}"
        return True, ""

    def _refuse_peer(self, link: MeshProtocol, reason: str, detail: str) -> tuple[bool, str]:
        self.counters.refuse("hello:" + reason)
        return False, f"{reason}: {detail}"

    def attach(self, link: MeshProtocol) -> None:
        self.pending.discard(link)
        node = link.node_id
        assert node is not None
        existing = self.links.get(node)
        if existing is not None and existing is not link:
            # Keep the connection initiated by the node with the lower id; both sides agree.
            keep_new = _initiator(link, self.node_id) < _initiator(existing, self.node_id)
            loser = existing if keep_new else link
            if not keep_new:
                loser.machine.close("duplicate-connection")
                return
            self.links[node] = link
            existing.machine.close("duplicate-connection")
        elif len(self.links) >= self.config.mesh.max_peers and not link.outbound:
            link.machine.close("too-many-peers")
            return
        self.links[node] = link
        self.standing.setdefault(node, PeerStanding())
        if self._register_peer is not None:  # trust knows every member it hears from
            self._register_peer(node).addErrback(
                lambda f: log_job_failure(self._log, f, "peer not registered with trust")
            )
        self._publish(
            Notice(
                EventId.MESH_PEER_UP,
                self._reactor.seconds(),
                {
                    "peer": node,
                    "name": str(link.info.get("name", ""))[:64],
                    "direction": "out" if link.outbound else "in",
                    "state": link.state,
                },
            )
        )
        if link.info.get("members") != self.membership.digest():
            self._send_records(link)
        self._compare(link, link.info)

    def changed(self, link: MeshProtocol) -> None:
        self._publish(
            Notice(
                EventId.MESH_PEER_STATE,
                self._reactor.seconds(),
                {"peer": link.node_id, "state": link.state},
            )
        )

    def detach(self, link: MeshProtocol, reason: str) -> None:
        self.pending.discard(link)
        self.counters.frames_in += link.frames_in
        self.counters.frames_out += link.frames_out
        if link.node_id is not None and self.links.get(link.node_id) is link:
            del self.links[link.node_id]
            self._publish(
                Notice(
                    EventId.MESH_PEER_DOWN,
                    self._reactor.seconds(),
                    {"peer": link.node_id, "reason": reason[:200]},
                )
            )
        self.joining.gone(link, reason)
        if link.outbound and link.node_id and reason.startswith("peer-closed: too-many-peers"):
            # That member is full: give the dial slot to another, and try it again later.
            self._stop_dialer(link.node_id)
            self._full[link.node_id] = self._reactor.seconds() + _FULL_BACKOFF

    def refused_frame(self, link: MeshProtocol, reason: str, detail: str) -> None:
        self.counters.refuse("frame:" + reason)
        if link.node_id:
            self.standing.setdefault(link.node_id, PeerStanding()).debit(20)
        self._publish(
            Notice(
                EventId.MESH_REFUSED,
                self._reactor.seconds(),
                {
                    "stage": "frame",
                    "reason": reason,
                    "detail": detail[:200],
                    "peer": link.node_id,
                },
            )
        )

    def frame(self, link: MeshProtocol, frame: Frame) -> None:
        if link.current == "demoted" and frame.type in (FrameType.SIGNALS, FrameType.SYNC):
            self.counters.refuse("signal:demoted-peer")  # its claim does not hold: not read
            return
        if frame.type is FrameType.SIGNALS:
            self._signals(link, frame.items())
        elif frame.type is FrameType.RECORDS and link.joining:
            self.joining.records(link, frame.items())
        elif frame.type is FrameType.RECORDS:
            self._records(link, frame.items())
        elif frame.type is FrameType.SYNC:
            self._sync(link, frame.json())
        elif frame.type is FrameType.JOIN:
            self.joining.request(link, frame.json())
        elif frame.type is FrameType.JOINED:
            self.joining.joined(link, frame.json())

    # Membership records ------------------------------------------------------------------------

    def _send_records(self, link: MeshProtocol) -> None:
        now = self._reactor.seconds()
        node = link.node_id or ""
        if now - self._records_sent.get(node, -1e9) < self.config.mesh.heartbeat * 2:
            return
        self._records_sent[node] = now
        link.send_items(FrameType.RECORDS, self.membership.records())

    def _records(self, link: MeshProtocol, items: list[bytes]) -> None:
        fresh: list[bytes] = []
        for raw in items:
            try:
                added = self.membership.add(raw)
            except mem.MembershipError as e:
                self.counters.refuse("record:" + e.reason)
                continue
            if added.outcome == "accepted":
                fresh.append(raw)
        if fresh:
            self._records_changed(fresh, sender=link)

    def _records_changed(self, fresh: list[bytes], sender: MeshProtocol | None) -> None:
        """New records: store them, pass them on, and act on removals at once."""
        now = self._reactor.seconds()
        self._store.run(lambda conn: mem.save_records(conn, [(r, now) for r in fresh])).addErrback(
            lambda f: log_job_failure(self._log, f, "membership records not saved")
        )
        for link in list(self.links.values()):
            if link is not sender and link.current in ("active", "demoted"):
                link.send_items(FrameType.RECORDS, fresh)
        before = self.state
        self._update_state()
        for node, link in list(self.links.items()):
            if self.membership.status(node) != "member":
                link.machine.close("removed: the peer is no longer a member")
        for dialer_node in [n for n in self.dialers if self.membership.status(n) != "member"]:
            self._stop_dialer(dialer_node)
        if self.state == "removed" and before != "removed":
            self._log.error("this node was removed from cluster {cluster}", cluster=self.cluster)
            for link in list(self.links.values()):
                link.machine.close("removed: this node was removed")
            for dialer_node in list(self.dialers):  # nor does it dial its former peers again
                self._stop_dialer(dialer_node)
        self._publish(
            Notice(
                EventId.MESH_MEMBERSHIP,
                now,
                {
                    "records": len(fresh),
                    "members": len(self.membership.members()),
                    "digest": self.membership.digest(),
                },
            )
        )

    # Signals in --------------------------------------------------------------------------------

    def _signals(self, link: MeshProtocol, items: list[bytes]) -> None:
        now = self._reactor.seconds()
        accepted: list[Signal] = []
        sender = link.node_id or ""
        standing = self.standing.setdefault(sender, PeerStanding())
        promise = self._promises.get(sender)
        if promise is not None:  # it is delivering: a long delivery is not a broken promise
            self._promises[sender] = (promise[0], now + 3 * self.config.mesh.heartbeat)
        for raw in items:
            result = self.gate.check(raw, now)
            if isinstance(result, Refused):
                if result.reason in ("duplicate", "own"):
                    self.counters.duplicates += 1
                    self._count_copy(raw)
                    continue
                self.counters.refuse("signal:" + result.reason)
                if result.reason in _SENDER_FAULTS:
                    standing.debit(10)
                    standing.invalid += 1
                if (
                    result.reason != "rate-limited"
                    or self.counters.refused.get("signal:rate-limited", 0) % 100 == 1
                ):
                    self._publish(
                        Notice(
                            EventId.MESH_SIGNAL_REFUSED,
                            now,
                            {
                                "reason": result.reason,
                                "detail": result.detail[:200],
                                "publisher": result.publisher,
                                "via": sender,
                            },
                        )
                    )
                continue
            assert isinstance(result, Passed)
            standing.credit(1)
            standing.delivered += 1
            self._count_copy(raw)
            accepted.append(result.signal)
        if not accepted:
            return
        windows = {pub: self.gate.windows[pub] for pub in {s.publisher for s in accepted}}
        self._store.run(lambda conn: sigdb.save_signals(conn, accepted, windows, now)).addErrback(
            lambda f: log_job_failure(self._log, f, "accepted signals not saved")
        )
        for signal in accepted:
            self.counters.signals_accepted += 1
            self._relay(signal, exclude={sender, signal.publisher})
            self._consume(signal, via=sender)

    def _count_copy(self, raw: bytes) -> None:
        try:
            sid = parse_signal(raw).id
        except EnvelopeError:
            return
        self.copies[sid] = self.copies.get(sid, 0) + 1
        if len(self.copies) > 100_000:
            self.copies.pop(next(iter(self.copies)))

    def _relay(self, signal: Signal, exclude: set[str]) -> None:
        if not self.config.mesh.relay:
            return
        if level_rank(signal.level) > level_rank(self.config.sharing.max_level_out):
            return
        targets = [n for n, link in self.links.items() if n not in exclude and link.sends_signals()]
        random.shuffle(targets)
        targets.sort(key=lambda n: -self.standing.get(n, PeerStanding()).score)
        for node in targets[: self.config.mesh.fanout]:
            self.links[node].send_items(FrameType.SIGNALS, [signal.raw])
            self.counters.signals_relayed += 1

    def _consume(self, signal: Signal, via: str) -> None:
        """A signal that passed the gate: into the event pipeline, then trust, then policy."""
        now = self._reactor.seconds()
        detail: dict[str, JSONValue] = {
            "signal_id": signal.id,
            "publisher": signal.publisher,
            "via": via,
            "kind": signal.kind,
            "level": signal.level,
            "seq": signal.seq,
            "reason": signal.reason,
            "expires": signal.exp / 1000,
            "origin": "mesh",
        }
        self._publish(Notice(EventId.MESH_SIGNAL, now, detail, source=str(signal.target)))
        provenance = {
            "envelope": signal.id,
            "publisher": signal.publisher,
            "via": via,
            "level": signal.level,
            "seq": signal.seq,
        }
        if signal.kind == "unban":
            d = self._lift_mesh_ban(signal.target, publisher=signal.publisher, signal_id=signal.id)
            d.addErrback(lambda f: log_job_failure(self._log, f, "remote unban failed"))
            return
        if signal.kind not in ("ban", "allow"):
            return
        from honeymesh.trust.model import InvalidSignal, RemoteSignal  # noqa: PLC0415

        try:
            remote = RemoteSignal(
                peer_id=signal.publisher,
                action="ban" if signal.kind == "ban" else "allow",
                target=str(signal.target),
                classification=signal.level,
                reasons=(signal.reason,) if signal.reason else (),
                time=signal.ts / 1000,
                signal_id=signal.id,
            )
        except InvalidSignal as e:
            self._log.warn("remote signal refused by trust: {error}", error=str(e))
            return
        expires = min(signal.exp / 1000, now + self.config.mesh.max_remote_ban)
        d = self._evaluate(remote)
        d.addCallback(
            lambda decision: self._apply_trust(decision, expires=expires, provenance=provenance)
        )
        d.addErrback(lambda f: log_job_failure(self._log, f, "remote signal not applied"))

    # Catch-up ----------------------------------------------------------------------------------

    def _compare(self, link: MeshProtocol, fields: Mapping[str, Any]) -> None:
        """Ask a peer for what it has and we lack (its heartbeat's high-water marks)."""
        if link.current != "active":
            return
        theirs = fields.get("hwm")
        if not isinstance(theirs, dict):
            return
        if fields.get("members") not in (None, self.membership.digest()):
            self._send_records(link)
        ours = theirs.get(self.node_id)
        if type(ours) is int and self.seq < ours <= self.seq + _MAX_SEQ_JUMP:
            # This node's database was lost or restored from an old copy: never reuse a
            # sequence number peers have already seen from us.
            self._log.warn(
                "peers have seen sequence {seq} from this node; continuing from it", seq=ours
            )
            self.seq = self.seq_sent = ours
        mine = self._hwm()
        behind = any(
            isinstance(top, int) and top > mine.get(pub, 0)
            for pub, top in list(theirs.items())[:4096]
        )
        if behind and self.decision.consume:
            self._ask_sync(link)
            self._promised(link, theirs, mine)

    def _promised(
        self, link: MeshProtocol, theirs: Mapping[str, Any], mine: dict[str, int]
    ) -> None:
        """Remember what a peer says it has and we lack: a peer that keeps advertising what it
        never delivers (a silent relay) loses standing, and the dialer replaces it."""
        node = link.node_id or ""
        if node in self._promises:
            return
        wanted = {
            pub: top
            for pub, top in list(theirs.items())[:4096]
            if isinstance(top, int) and top > mine.get(pub, 0) and pub != self.node_id
        }
        if wanted:
            deadline = self._reactor.seconds() + 3 * self.config.mesh.heartbeat
            self._promises[node] = (wanted, deadline)

    def _check_promises(self, now: float) -> None:
        for node, (wanted, deadline) in list(self._promises.items()):
            if now < deadline:
                continue
            del self._promises[node]
            windows = self.gate.windows
            if all(pub in windows and windows[pub].top >= top for pub, top in wanted.items()):
                continue  # delivered, by this peer or another
            self.counters.refuse("peer:broken-promise")
            standing = self.standing.setdefault(node, PeerStanding())
            if standing.score > _POOR - 10:  # enough to be replaced, never to be cut off
                standing.debit(10)

    def _ask_sync(self, link: MeshProtocol, *, full: bool = False) -> None:
        node = link.node_id or ""
        now = self._reactor.seconds()
        if now - self._sync_asked.get(node, -1e9) < self.config.mesh.heartbeat * 2 and not full:
            return
        self._sync_asked[node] = now
        link.send_json(FrameType.SYNC, {"have": self._have()})

    def _have(self) -> dict[str, list[Any]]:
        """What this node holds, per publisher, within one frame: publishers it is furthest
        behind on (most gaps) first; the rest are asked for next time."""
        have: dict[str, list[Any]] = {self.node_id: [self.seq, []]}  # never send us our own
        budget = MAX_FRAME - 4096
        size = 100 + len(self.node_id)
        entries = [(pub, w.top, sigdb.window_gaps(w)) for pub, w in self.gate.windows.items()]
        entries.sort(key=lambda e: -len(e[2]))
        for pub, top, all_gaps in entries[:4095]:
            gaps = all_gaps
            cost = len(pub) + 24 + sum(8 + len(str(low)) + len(str(high)) for low, high in gaps)
            if size + cost > budget:
                gaps, cost = [], len(pub) + 24  # its top at least: or it gets everything again
                if size + cost > budget:
                    break
            size += cost
            have[pub] = [top, [list(r) for r in gaps]]
        return have

    def _sync(self, link: MeshProtocol, body: dict[str, Any]) -> None:
        if "answered" in body:  # the end of a peer's answer to our SYNC: it kept its word
            if not isinstance(body["answered"], int) or isinstance(body["answered"], bool):
                raise WireError("bad-json", "SYNC.answered must be a count")
            self._promises.pop(link.node_id or "", None)
            return
        have_raw = body.get("have")
        if not isinstance(have_raw, dict) or len(have_raw) > 4096:
            raise WireError("bad-json", "SYNC.have must be an object of at most 4096 publishers")
        have: dict[str, tuple[int, list[tuple[int, int]]]] = {}
        for pub, entry in have_raw.items():
            have[pub] = _have_entry(entry)
        if not self.config.mesh.relay:
            return  # a leaf answers no catch-up
        now = self._reactor.seconds()

        def send(items: list[bytes]) -> None:
            if link.current == "active":
                if items:
                    link.send_items(FrameType.SIGNALS, items)
                link.send_json(FrameType.SYNC, {"answered": len(items)})

        self._store.run(lambda conn: sigdb.missing_for(conn, have, now)).addCallbacks(
            send, lambda f: log_job_failure(self._log, f, "SYNC answer failed")
        )

    # Signals out -------------------------------------------------------------------------------

    def publish_signal(
        self, kind: str, target: Network, *, expires: float, body: dict[str, Any] | None = None
    ) -> Deferred[Signal]:
        """Sign, store, then send one of our own signals to every peer (flood publishing)."""
        if self.state != "member" or not self.decision.publish:
            return fail(MeshError("not-publishing", f"this node does not publish ({self.state})"))
        now = self._reactor.seconds()
        fields = {
            "v": SCHEMA,
            "id": new_id(),
            "pub": self.node_id,
            "seq": self.seq + 1,
            "ts": int(now * 1000),
            "exp": int(expires * 1000),
            "cls": self.config.sharing.level,
            "kind": kind,
            "claim": self._claim_ref,
            "cluster": self.cluster,
            "body": {"target": str(target), **(body or {})},
        }
        try:
            signal = parse_signal(seal(self.identity.signing_key, fields))
        except EnvelopeError as e:  # e.g. a link-local or /0 target: never shared
            return fail(MeshError("not-shareable", f"not published: {e.detail}"))
        self.seq = signal.seq

        def send(_: None) -> Signal:
            self.counters.signals_published += 1
            self.seq_sent = max(self.seq_sent, signal.seq)
            for link in list(self.links.values()):
                if link.sends_signals():
                    link.send_items(FrameType.SIGNALS, [signal.raw])
            return signal

        return self._store.run(lambda conn: sigdb.save_own(conn, signal, now)).addCallback(send)

    def on_event(self, event: Event) -> None:
        """Bus subscriber: this node's own bans, unbans and allows become signals."""
        target = self._publishable(event)
        if target is None:
            return
        detail = getattr(event, "detail", {})
        now = self._reactor.seconds()
        life = self.config.mesh.max_signal_age
        if event.event_id is EventId.BAN_ADDED:
            expires = detail.get("expires")
            until = now + life if not isinstance(expires, int | float) else min(expires, now + life)
            if until <= now:
                return
            body = signal_body(detail, self.config.sharing.level)
            self.publish_signal("ban", target, expires=until, body=body).addErrback(self._not_sent)
        elif event.event_id is EventId.BAN_REMOVED:
            if detail.get("why") == "expired":
                return  # the signal expires on its own at every receiver

            def unban(ref: str | None) -> object:
                if ref is None:
                    return None
                return self.publish_signal(
                    "unban", target, expires=now + life, body={"ref": ref}
                ).addErrback(self._not_sent)

            self._store.run(
                lambda conn: sigdb.latest_own(conn, self.node_id, "ban", str(target), now)
            ).addCallback(unban)
        else:
            body = {"reason": "operator-allow"}
            self.publish_signal("allow", target, expires=now + life, body=body).addErrback(
                self._not_sent
            )

    def _publishable(self, event: Event) -> Network | None:
        """The target of a local ban, unban or allow that this node should publish."""
        if self.state != "member" or not self.decision.publish or event.source is None:
            return None
        if event.event_id not in SHARED_IDS:
            return None
        detail = getattr(event, "detail", {})
        origin = detail.get("source") or detail.get("origin")
        if origin not in self.config.sharing.publish_origins:
            return None  # remote signals never re-publish as ours; the rest as configured
        try:
            target = normalize_network(event.source)
        except ValueError:
            return None
        if not self.config.sharing.publish_internal and internal(target):
            return None
        return target

    def _not_sent(self, failure: Failure) -> None:
        if not failure.check(MeshError):
            log_job_failure(self._log, failure, "signal not published")

    # Dialling, heartbeats, housekeeping --------------------------------------------------------

    def _tick(self) -> None:
        try:
            self._ticks += 1
            now = self._reactor.seconds()
            for link in list(self.links.values()):
                link.beat()
            self._check_promises(now)
            if self.state == "member":
                self._dial()
            if (
                self.links
                and self._ticks
                % max(1, int(self.config.mesh.sync_interval / self.config.mesh.heartbeat))
                == 0
            ):
                link = random.choice(list(self.links.values()))
                if link.current == "active":
                    self._ask_sync(link, full=True)
            if self._ticks % 30 == 0:
                self._housekeeping(now)
            self._check_license()
        except Exception:
            self._log.failure("mesh tick failed")

    def _check_license(self) -> None:
        """Follow the license: a lapsed one stops publishing and consuming here, and peers
        demote this node at their next heartbeat (its claim no longer holds); a renewed one
        is announced as a new claim record."""
        ent = self._entitlement()
        decision = sharing_decision(ent, self.config.sharing)
        if decision != self.decision:
            if decision.run != self.decision.run:
                self._log.warn("mesh sharing now: {reason}", reason=decision.reason)
            self.decision = decision
            self.gate.config = replace(self.gate.config, consume=decision.consume)
        if not decision.run:
            return
        claim = capability_claim(ent, self.node_id, decision)
        if claim != self._claim:
            self._claim = claim
            self._claim_ref = hashlib.sha256(claim).hexdigest()
            if self.state == "member":
                record = self._add_claim_record()
                if record is not None:
                    self._records_changed([record], sender=None)

    def _housekeeping(self, now: float) -> None:
        scores = {n: (s.score, s.delivered, s.invalid) for n, s in self.standing.items()}
        self._store.run(lambda conn: sigdb.save_scores(conn, scores, now)).addErrback(
            lambda f: log_job_failure(self._log, f, "peer standing not saved")
        )
        self._store.run(lambda conn: sigdb.expire_signals(conn, now)).addErrback(
            lambda f: log_job_failure(self._log, f, "expired signals not removed")
        )
        for node, standing in self.standing.items():
            standing.score *= (
                0.98  # standing fades toward 0 (half-life 34 ticks x 30: about 17 min at 1 s)
            )
            link = self.links.get(node)
            if link is not None and standing.score < _GRAYLIST:
                link.machine.close("graylisted: too many invalid items")

    def _dial(self) -> None:
        if not self.decision.run:
            return
        mesh = self.config.mesh
        now = self._reactor.seconds()
        members = [m for m in self.membership.members() if m.node_id != self.node_id]
        connected = set(self.links)
        for node in list(self.dialers):
            link = self.links.get(node)
            if link is not None and not link.outbound:
                self._stop_dialer(node)  # it reached us first
        # A dialled peer whose standing fell (it advertises what it never delivers, or sends
        # garbage) does not count toward the degree: another member is dialled beside it.
        wanted = sum(1 for n in self.dialers if self._standing(n) >= _POOR)
        if wanted >= mesh.degree or len(self.links) >= mesh.max_peers:
            return
        candidates = [
            m
            for m in members
            if m.node_id not in self.dialers
            and m.node_id not in connected
            and self._standing(m.node_id) >= _POOR
            and self._full.get(m.node_id, 0.0) <= now
            and self.membership.addresses(m.node_id)
        ]
        random.shuffle(candidates)
        for member in candidates[: mesh.degree - wanted]:
            self._start_dialer(member.node_id)

    def _standing(self, node: str) -> float:
        standing = self.standing.get(node)
        return 0.0 if standing is None else standing.score

    def _start_dialer(self, node: str) -> None:
        address = self.membership.addresses(node)[0]
        host, _, port = address.rpartition(":")
        creator = client_tls_creator(
            self.identity,
            self,
            expected_node_id=node,
            joining=False,
            name=self.config.node.name,
            now=self._reactor.seconds(),
        )
        endpoint = wrapClientTLS(
            creator,
            HostnameEndpoint(
                self._reactor,
                host.strip("[]"),
                int(port),
                timeout=self.config.mesh.handshake_timeout,
            ),
        )
        factory = Factory.forProtocol(lambda: self._protocol(outbound=True, expected=node))
        dialer = ClientService(
            endpoint, factory, retryPolicy=backoffPolicy(0.5, 10.0), clock=self._reactor
        )
        self.dialers[node] = dialer
        dialer.setServiceParent(self)

    def _stop_dialer(self, node: str) -> None:
        dialer = self.dialers.pop(node, None)
        if dialer is not None:
            dialer.disownServiceParent()

    # Tokens, joining, removing (operator requests) ---------------------------------------------

    def advertised(self) -> tuple[str, ...]:
        mesh = self.config.mesh
        if mesh.advertise:
            return mesh.advertise
        port = self.listening_port or mesh.port
        host = f"[{mesh.address}]" if ":" in mesh.address else mesh.address
        return (f"{host}:{port}",)

    def _not_running(self) -> MeshError | None:
        if self.state in ("stopped", "disabled"):
            return MeshError("mesh-off", f"the mesh is not running: {self.decision.reason}")
        if self.state == "removed":
            return MeshError("removed", "this node was removed from the cluster")
        return None

    def _join_refusal(self, token: tok.JoinToken) -> MeshError | None:
        configured = self.config.sharing.cluster_id
        if self.state == "member":
            return MeshError(
                "already-member",
                f"this node is already a member of cluster {self.cluster}; remove it there first",
            )
        if configured and token.cluster != configured:
            return MeshError(
                "other-cluster",
                f"the token is for cluster {token.cluster}, "
                f"this node is configured for {configured}",
            )
        if token.expires < self._reactor.seconds():
            return MeshError("expired-token", "the token has expired")
        return None

    def create_token(
        self, *, ttl: float, uses: int, admin: bool, note: str = ""
    ) -> Deferred[dict[str, Any]]:
        """A join token; on a node that is in no cluster yet, this founds one."""
        addresses = self.advertised()
        refusal = self._not_running() or _token_request_refusal(ttl, uses, addresses)
        if refusal is not None:
            return fail(refusal)
        now = self._reactor.seconds()
        founded = self._found() if self.state == "unjoined" else None
        secret = tok.new_secret()

        def insert(conn: Any) -> tok.TokenRow:
            if founded is not None:
                mem.save_records(conn, [(founded, now)])
                sigdb.set_settings(conn, {"cluster": self.cluster})
            return tok.insert_token(
                conn,
                secret=secret,
                created=now,
                expires=now + ttl,
                uses=uses,
                admin=admin,
                note=note,
            )

        def made(row: tok.TokenRow) -> dict[str, Any]:
            text = tok.encode_token(
                tok.JoinToken(self.cluster, addresses, self.node_id, secret, int(now + ttl))
            )
            self._publish(
                Notice(
                    EventId.MESH_TOKEN,
                    now,
                    {
                        "action": "created",
                        "token_id": row.token_id,
                        "uses": uses,
                        "expires": now + ttl,
                    },
                )
            )
            return {"token": text, **_token_json(row, now)}

        return self._store.run(insert).addCallback(made)

    def _found(self) -> bytes:
        if not self.cluster:
            self.cluster = "hm-" + new_id()[:12]
        self.membership = mem.Membership(self.cluster)
        record = mem.genesis(
            self.identity.signing_key,
            cluster=self.cluster,
            name=self.config.node.name,
            addr=list(self.advertised()),
            now_ms=int(self._reactor.seconds() * 1000),
        )
        self.membership.add(record)
        self._add_claim_record()
        self.gate = self._new_gate() if not self.gate.windows else self._regate()
        self._update_state()
        self._log.info("founded cluster {cluster}", cluster=self.cluster)
        return record

    def _regate(self) -> Gate:
        windows = self.gate.windows
        gate = self._new_gate()
        gate.windows.update(windows)
        return gate

    def _add_claim_record(self) -> bytes | None:
        if self._claim is None:
            return None
        record = mem.claim_record(
            self.identity.signing_key,
            cluster=self.cluster,
            claim=self._claim,
            name=self.config.node.name,
            addr=list(self.advertised()),
            now_ms=int(self._reactor.seconds() * 1000),
        )
        try:
            self.membership.add(record)
        except mem.MembershipError:
            return None
        self._store.run(lambda conn: mem.save_records(conn, [(record, self._reactor.seconds())]))
        return record

    def list_tokens(self) -> Deferred[list[dict[str, Any]]]:
        now = self._reactor.seconds()
        return self._store.run(lambda conn: tok.list_tokens(conn, now)).addCallback(
            lambda rows: [_token_json(r, now) for r in rows]
        )

    def revoke_token(self, token_id: str) -> Deferred[dict[str, Any]]:
        now = self._reactor.seconds()
        d = self._store.run(lambda conn: tok.revoke_token(conn, token_id, now))
        return d.addCallback(lambda row: _token_json(row, now))

    def remove(self, node: str, *, reason: str) -> Deferred[dict[str, Any]]:
        refusal = self._not_running()
        if refusal is None and self.membership.status(node) == "unknown":
            refusal = MeshError("not-found", f"no member {node[:16]} in this cluster")
        if refusal is None and not self.membership.can_admit(self.node_id):
            refusal = MeshError("forbidden", "this node has no right to remove members")
        if refusal is not None:
            return fail(refusal)
        record = mem.remove_record(
            self.identity.signing_key,
            cluster=self.cluster,
            node=node,
            reason=reason[:200] or "removed by an operator",
            now_ms=int(self._reactor.seconds() * 1000),
        )
        try:
            self.membership.add(record)
        except mem.MembershipError as e:
            return fail(MeshError(e.reason, str(e)))
        self._records_changed([record], sender=None)
        return succeed({"removed": node, "record": record[64:].decode(errors="replace")})

    # Joining (honeymesh.mesh.joining does the talking) -------------------------------------

    def join_begun(self, link: MeshProtocol) -> None:
        self.joining.begun(link)

    def join(self, token_text: str) -> Deferred[dict[str, Any]]:
        """Join the cluster a token names; fires with it, or fails with a one-line reason."""
        try:
            token = tok.parse_token(token_text)
        except tok.TokenError as e:
            return fail(MeshError(e.reason, e.detail))
        refusal = self._not_running() or self._join_refusal(token)
        if refusal is not None:
            return fail(refusal)
        return self.joining.join(token)

    def adopt(self, membership: mem.Membership) -> Deferred[dict[str, Any]]:
        """The joiner's side, once the issuer's records admit this node: become a member."""
        cluster = membership.cluster
        self.cluster = cluster
        self.membership = membership
        self.gate = self._regate()
        self._update_state()
        now = self._reactor.seconds()

        def saved(_: object) -> dict[str, Any]:
            claim = self._add_claim_record()
            if claim is not None:
                self._records_changed([claim], sender=None)
            members = len(membership.members())
            self._log.info("joined cluster {cluster} ({n} members)", cluster=cluster, n=members)
            self._publish(
                Notice(
                    EventId.MESH_JOIN, now, {"peer": self.node_id, "ok": True, "cluster": cluster}
                )
            )
            self._dial()
            return {"cluster": cluster, "members": members, "node_id": self.node_id}

        job = save_joined(membership.records(), cluster, now)
        return self._store.run(job).addCallback(saved)

    def admitted(self, record: bytes) -> None:
        """The issuer's side: a new member's admission, signed here; raises MembershipError."""
        self.membership.add(record)
        self.counters.joins += 1
        self._records_changed([record], sender=None)

    # What honeymesh.mesh.joining reads
    @property
    def clock(self) -> Any:
        return self._reactor

    @property
    def store(self) -> Store:
        return self._store

    @property
    def keys(self) -> TrustedKeys:
        return self._keys

    @property
    def claim(self) -> bytes | None:
        return self._claim

    def publish(self, event: Event) -> None:
        self._publish(event)

    def new_link(self, *, outbound: bool, expected: str | None) -> MeshProtocol:
        return self._protocol(outbound=outbound, expected=expected)

    # Status -------------------------------------------------------------------------------------

    def status(self) -> dict[str, Any]:
        refused = dict(self.counters.refused)
        for reason, n in self.gate.counts.items():
            if reason != "passed":
                refused.setdefault("signal:" + reason, n)
        return {
            "state": self.state,
            "reason": self.decision.reason,
            "publish": self.decision.publish,
            "consume": self.decision.consume,
            "node_id": self.node_id,
            "cluster": self.cluster,
            "listen": {"address": self.config.mesh.address, "port": self.listening_port},
            "advertise": list(self.advertised()) if self.state != "disabled" else [],
            "members": len(self.membership.members()) if self.state != "disabled" else 0,
            "digest": self.membership.digest() if self.state != "disabled" else "",
            "peers": {
                s: sum(1 for link in self.links.values() if link.state == s)
                for s in ("active", "demoted")
            },
            "seq": self.seq,
            "counters": {
                "frames_in": self.counters.frames_in
                + sum(x.frames_in for x in self.links.values()),
                "frames_out": self.counters.frames_out
                + sum(x.frames_out for x in self.links.values()),
                "signals_published": self.counters.signals_published,
                "signals_accepted": self.counters.signals_accepted,
                "signals_relayed": self.counters.signals_relayed,
                "duplicates": self.counters.duplicates,
                "joins": self.counters.joins,
            },
            "refused": refused,
        }

    def peers(self) -> list[dict[str, Any]]:
        out = []
        for member in self.membership.members():
            node = member.node_id
            link = self.links.get(node)
            standing = self.standing.get(node, PeerStanding())
            out.append(
                {
                    "node_id": node,
                    "name": member.name,
                    "self": node == self.node_id,
                    "state": "self"
                    if node == self.node_id
                    else (link.state if link else "offline"),
                    "direction": None if link is None else ("out" if link.outbound else "in"),
                    "addresses": list(self.membership.addresses(node)),
                    "admin": member.admin,
                    "admitted_by": member.admitted_by,
                    "admitted_at": member.admitted_at / 1000,
                    "last_frame": None if link is None else link.last_frame,
                    "capability": None if link is None else _capability(link),
                    "standing": round(standing.score, 2),
                    "delivered": standing.delivered,
                    "invalid": standing.invalid,
                }
            )
        return out


def _token_request_refusal(ttl: float, uses: int, addresses: tuple[str, ...]) -> MeshError | None:
    if not 60 <= ttl <= 30 * 86400:
        return MeshError("bad-request", "--ttl must be from 1m to 30d")
    if not 1 <= uses <= 1000:
        return MeshError("bad-request", "--uses must be from 1 to 1000")
    if any(a.rpartition(":")[0].strip("[]") in _WILDCARDS for a in addresses):
        return MeshError("no-address", f"set [mesh] advertise: peers cannot dial {addresses[0]}")
    return None


def _have_entry(entry: object) -> tuple[int, list[tuple[int, int]]]:
    """One publisher of a SYNC request: [top, [[low, high], ...]], or WireError."""
    if not isinstance(entry, list) or len(entry) != 2:
        raise WireError("bad-json", "SYNC.have entries are [top, [[low, high], ...]]")
    top, gaps = entry
    if type(top) is not int or not isinstance(gaps, list) or len(gaps) > sigdb.MAX_GAP_RANGES:
        raise WireError("bad-json", "SYNC.have entries are [top, at most 256 ranges]")
    ranges = []
    for gap in gaps:
        if (
            not isinstance(gap, list)
            or len(gap) != 2
            or not all(type(n) is int for n in gap)
            or not 0 < gap[0] <= gap[1] <= top
        ):
            raise WireError("bad-json", "a SYNC gap is [low, high] with 0 < low <= high <= top")
        ranges.append((gap[0], gap[1]))
    return top, ranges


def _capability(link: MeshProtocol) -> dict[str, Any]:
    info = link.info
    return {
        "schemas": info.get("schemas"),
        "features": info.get("features"),
        "demoted": link.state == "demoted",
    }


def _initiator(link: MeshProtocol, me: str) -> str:
    return me if link.outbound else (link.node_id or "")


def _token_json(row: tok.TokenRow, now: float) -> dict[str, Any]:
    return {
        "token_id": row.token_id,
        "created": row.created,
        "expires": row.expires,
        "uses": row.uses,
        "uses_left": row.uses_left,
        "admin": row.admin,
        "revoked": row.revoked,
        "state": row.state,
        "note": row.note,
    }


def _load_everything(conn: Any) -> tuple[sigdb.MeshState, list[bytes]]:
    return sigdb.load_state(conn), mem.load_records(conn)
