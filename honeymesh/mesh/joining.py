"""Joining a cluster with a token: the issuer's side and the joiner's side.

The joiner dials an address from the token with ALPN ``honeymesh-join/2`` and checks, in the TLS
handshake, that the server's key is the issuer fingerprint the token names. It sends one JOIN
(the token's secret, its capability claim, its name and addresses). The issuer checks, in this
order: one JOIN per connection, a well-formed frame, the joiner not removed, its own right to
admit, the joiner's claim (Pro, in force, naming the joiner: joining needs what sharing needs),
and only then redeems the token (unknown, revoked, expired, used up: each its own reason), so a
malformed or unentitled JOIN never spends a use. It answers JOINED and every membership record,
including the new admission it signed, and closes. Every refusal is one line in the issuer's
log, a ``mesh.join`` event, and the JOINED reason the joiner's operator sees.

``Joining`` keeps each join in flight as a ``_Join``: the token, the Deferred the operator's
request waits on, and what JOINED said. The service owns the connection and the membership; this
module asks it through the handful of methods it calls on ``service``.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from twisted.internet.defer import Deferred
from twisted.internet.endpoints import HostnameEndpoint, wrapClientTLS
from twisted.internet.protocol import Factory
from twisted.logger import Logger
from twisted.python.failure import Failure

from honeymesh.events import EventId, Notice
from honeymesh.license.claim import verify_claim
from honeymesh.license.verify import LicenseRefused
from honeymesh.mesh import membership as mem
from honeymesh.mesh import signalstore as sigdb
from honeymesh.mesh import tokens as tok
from honeymesh.mesh.envelope import CLUSTER
from honeymesh.mesh.peer import MeshProtocol
from honeymesh.mesh.tls import client_tls_creator
from honeymesh.mesh.wire import FrameType, WireError

if TYPE_CHECKING:
    from honeymesh.mesh.service import MeshService


class JoinError(Exception):
    """A join was refused or failed; ``code`` is stable, the message one line for operators."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        super().__init__(message)


@dataclass
class _Join:
    token: tok.JoinToken
    result: Deferred[dict[str, Any]]
    addresses: list[str]
    cluster: str | None = None  # from JOINED; the RECORDS that follow are read against it
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Request:
    secret: bytes
    name: str
    addr: tuple[str, ...]


class Joining:
    _log = Logger()

    def __init__(self, service: MeshService) -> None:
        self._svc = service
        self._joins: dict[MeshProtocol, _Join] = {}
        self._asked: set[MeshProtocol] = set()  # issuer side: links that sent their one JOIN

    # The joiner's side -------------------------------------------------------------------------

    def join(self, token: tok.JoinToken) -> Deferred[dict[str, Any]]:
        """Dial the token's addresses in turn until one answers; fires with the cluster joined."""
        result: Deferred[dict[str, Any]] = Deferred()
        self._dial(_Join(token, result, list(token.addresses)))
        return result

    def _dial(self, join: _Join) -> None:
        svc = self._svc
        address = join.addresses.pop(0)
        host, _, port = address.rpartition(":")
        creator = client_tls_creator(
            svc.identity,
            svc,
            expected_node_id=join.token.issuer,
            joining=True,
            name=svc.config.node.name,
            now=svc.clock.seconds(),
        )
        timeout = svc.config.mesh.handshake_timeout
        endpoint = wrapClientTLS(
            creator, HostnameEndpoint(svc.clock, host.strip("[]"), int(port), timeout=timeout)
        )
        link = svc.new_link(outbound=True, expected=join.token.issuer)
        self._joins[link] = join

        def connect_failed(failure: Failure) -> None:
            self._joins.pop(link, None)
            join.errors.append(f"{address}: {failure.getErrorMessage()}")
            self._next_or_fail(join)

        endpoint.connect(Factory.forProtocol(lambda: link)).addErrback(connect_failed)
        guard = svc.clock.callLater(
            timeout * 3,
            lambda: None if join.result.called else link.machine.close("timeout: join unanswered"),
        )

        def cancel_guard(outcome: object) -> object:
            if guard.active():
                guard.cancel()
            return outcome

        join.result.addBoth(cancel_guard)

    def _next_or_fail(self, join: _Join) -> None:
        if join.result.called:
            return
        if join.addresses:
            self._dial(join)
            return
        reached = "; ".join(join.errors) or "no address answered"
        join.result.errback(
            Failure(JoinError("unreachable", f"cannot reach the issuer: {reached}"))
        )

    def begun(self, link: MeshProtocol) -> None:
        """TLS is up on a join connection; the joiner speaks first."""
        join = self._joins.get(link)
        if not link.outbound or join is None:
            return
        svc = self._svc
        link.send_json(
            FrameType.JOIN,
            {
                "secret": base64.b64encode(join.token.secret).decode(),
                "claim": base64.b64encode(svc.claim or b"").decode(),
                "name": svc.config.node.name,
                "addr": list(svc.advertised()),
            },
        )

    def joined(self, link: MeshProtocol, body: dict[str, Any]) -> None:
        join = self._joins.get(link)
        if join is None or not link.outbound:
            raise WireError("unexpected", "JOINED goes from issuer to joiner")
        if not body.get("ok"):
            self._joins.pop(link, None)
            code = str(body.get("reason", "refused"))[:64]
            detail = str(body.get("detail", ""))[:200]
            self._log.warn("join refused by the issuer: {detail}", detail=detail)
            join.result.errback(Failure(JoinError(code, f"join refused: {detail}")))
            return
        cluster = body.get("cluster")
        if not isinstance(cluster, str) or not CLUSTER.fullmatch(cluster):
            raise WireError("bad-json", "JOINED.cluster is not a cluster id")
        join.cluster = cluster

    def records(self, link: MeshProtocol, items: list[bytes]) -> None:
        join = self._joins.get(link)
        if join is None or join.cluster is None:
            raise WireError("unexpected", "RECORDS on a join connection before JOINED")
        del self._joins[link]
        membership = mem.Membership(join.cluster)
        for raw in items:
            try:
                membership.add(raw)
            except mem.MembershipError:
                continue
        if membership.status(self._svc.node_id) != "member":
            failure = JoinError("join-failed", "the issuer's records do not admit this node")
            join.result.errback(Failure(failure))
            return
        self._svc.adopt(membership).chainDeferred(join.result)

    # The issuer's side -------------------------------------------------------------------------

    def request(self, link: MeshProtocol, body: dict[str, Any]) -> None:
        if link.outbound:
            raise WireError("unexpected", "JOIN goes from joiner to issuer")
        if link in self._asked:
            raise WireError("unexpected", "one JOIN per connection")
        self._asked.add(link)
        checked = self._check(link, body)
        if isinstance(checked, tuple):
            self._refuse(link, *checked)
            return
        now = self._svc.clock.seconds()
        d = self._svc.store.run(lambda conn: tok.redeem_token(conn, checked.secret, now))
        d.addCallback(lambda row: self._admit(link, checked, row))
        d.addErrback(self._redeem_failed, link)

    def _check(self, link: MeshProtocol, body: dict[str, Any]) -> _Request | tuple[str, str]:
        """The request, or (reason, sentence) why it is refused, before any token use is spent."""
        svc = self._svc
        node = link.node_id or ""
        secret, claim = _b64(body.get("secret")), _b64(body.get("claim"))
        name = body.get("name")
        try:
            addr = mem.parse_addresses(body.get("addr"), least=1)
        except ValueError as e:
            return "bad-join", f"the JOIN frame's addresses are unusable: {e}"
        problem: tuple[str, str] | None = None
        if secret is None or len(secret) != 32 or claim is None:
            problem = "bad-join", "the JOIN frame is malformed"
        elif not isinstance(name, str) or not 0 < len(name) <= mem.MAX_NAME:
            problem = "bad-join", "the JOIN frame needs a name of 1 to 64 characters"
        elif not name.isprintable():
            problem = "bad-join", "the JOIN frame's name is not printable text"
        elif svc.membership.status(node) == "removed":
            problem = "removed", "this node was removed from the cluster and cannot rejoin"
        elif not svc.membership.can_admit(svc.node_id):
            problem = "forbidden", "the issuer may not admit members"
        else:
            why = _entitlement_problem(svc, claim, node)
            if why:
                problem = "no-entitlement", f"joining needs a Pro license and sharing on: {why}"
        if problem is not None:
            return problem
        assert secret is not None and isinstance(name, str)
        return _Request(secret, name, addr)

    def _admit(self, link: MeshProtocol, req: _Request, row: tok.TokenRow) -> None:
        svc = self._svc
        node = link.node_id or ""
        try:
            record = mem.admit_record(
                svc.identity.signing_key,
                cluster=svc.cluster,
                node=node,
                name=req.name,
                addr=list(req.addr),
                admin=row.admin,
                token_id=row.token_id,
                now_ms=int(svc.clock.seconds() * 1000),
            )
            svc.admitted(record)
        except mem.MembershipError as e:
            self._refuse(link, e.reason, e.detail)
            return
        svc.publish(
            Notice(
                EventId.MESH_JOIN,
                svc.clock.seconds(),
                {"peer": node, "ok": True, "name": req.name, "token_id": row.token_id},
            )
        )
        self._log.info(
            "admitted {name} ({node}) with token {token}",
            name=req.name,
            node=node[:16],
            token=row.token_id,
        )
        link.send_json(FrameType.JOINED, {"ok": True, "cluster": svc.cluster, "node": node})
        link.send_items(FrameType.RECORDS, svc.membership.records())
        link.machine.close("joined")

    def _redeem_failed(self, failure: Failure, link: MeshProtocol) -> None:
        error = failure.value
        if isinstance(error, tok.TokenError):
            self._refuse(link, error.reason, error.detail)
        else:
            self._log.failure("token redeem failed", failure)
            self._refuse(link, "internal", "the token could not be checked")

    def _refuse(self, link: MeshProtocol, code: str, message: str) -> None:
        svc = self._svc
        node = link.node_id or ""
        svc.counters.refuse("join:" + code)
        self._log.warn("join refused for {node}: {message}", node=node[:16], message=message)
        svc.publish(
            Notice(
                EventId.MESH_JOIN,
                svc.clock.seconds(),
                {"peer": node, "ok": False, "reason": code, "detail": message},
            )
        )
        link.send_json(FrameType.JOINED, {"ok": False, "reason": code, "detail": message})
        link.machine.close("join-refused: " + code)

    # Either side -------------------------------------------------------------------------------

    def gone(self, link: MeshProtocol, reason: str) -> None:
        """A connection closed: a join still waiting on it tries the next address, or fails."""
        self._asked.discard(link)
        join = self._joins.pop(link, None)
        if join is not None and not join.result.called:
            join.errors.append(reason)
            if reason.startswith(("peer-closed", "join-refused")):
                join.addresses.clear()  # the issuer answered: no other address will differ
            self._next_or_fail(join)


def _entitlement_problem(svc: MeshService, claim: bytes, node: str) -> str:
    try:
        verified = verify_claim(
            claim, svc.keys, now=svc.clock.seconds(), cluster_id=svc.cluster or None
        )
    except LicenseRefused as e:
        return e.detail
    return "" if verified.node_id == node else "the claim names another node"


def _b64(value: object) -> bytes | None:
    if not isinstance(value, str):
        return None
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return None


def save_joined(records: list[bytes], cluster: str, now: float) -> Any:
    """The store job that makes a join durable: the records and the cluster id."""

    def job(conn: Any) -> None:
        mem.save_records(conn, [(r, now) for r in records])
        sigdb.set_settings(conn, {"cluster": cluster})

    return job
