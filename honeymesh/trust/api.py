"""The trust part of the admin API as plain functions over a TrustEngine: JSON in, JSON out.

Each method answers one route, so that a Klein route is one line: it passes the decoded JSON
body and the caller's name, and returns (or waits for) the dict. Problems are ``TrustApiError``
with the same ``status``, ``code`` and ``message`` the web layer's errors carry:

    GET  /api/v1/peers                    -> TrustApi.peers()
    GET  /api/v1/peers/{id}               -> TrustApi.peer(id)            (Deferred)
    POST /api/v1/peers/{id}/penalty       -> TrustApi.penalize(id, body, actor)   (Deferred)
    POST /api/v1/peers/{id}/designation   -> TrustApi.designate(id, body, actor)  (Deferred)
    GET  /api/v1/peers/audit?peer=&limit= -> TrustApi.audit(peer, limit)  (Deferred)

docs/TRUST.md shows the JSON of each.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import TypeVar

from twisted.internet.defer import Deferred, maybeDeferred
from twisted.python.failure import Failure

from honeymesh.events import JSONValue
from honeymesh.trust.engine import TrustEngine, TrustUnavailable
from honeymesh.trust.model import InvalidRequest, Level, TrustError, UnknownPeer

T = TypeVar("T")
MAX_AUDIT = 1000


class TrustApiError(Exception):
    """An error for the API to report: HTTP status, stable code, human message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def _translate(failure: Failure) -> Failure:
    error = failure.value
    if isinstance(error, UnknownPeer):
        raise TrustApiError(404, "unknown_peer", str(error))
    if isinstance(error, InvalidRequest):
        raise TrustApiError(400, "bad_request", str(error))
    if isinstance(error, TrustUnavailable):
        raise TrustApiError(503, "trust_unavailable", str(error))
    if isinstance(error, TrustError):
        raise TrustApiError(400, "bad_request", str(error))
    return failure


def _field(body: object, name: str) -> object:
    if not isinstance(body, Mapping):
        raise TrustApiError(400, "bad_request", "the body must be a JSON object")
    return body.get(name)


def _text(body: object, name: str) -> str:
    value = _field(body, name)
    if not isinstance(value, str):
        raise TrustApiError(400, "bad_request", f"{name!r} must be a string")
    return value


def _number(body: object, name: str) -> float:
    value = _field(body, name)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise TrustApiError(400, "bad_request", f"{name!r} must be a number")
    return float(value)


def _flag(body: object, name: str) -> bool:
    value = _field(body, name)
    if not isinstance(value, bool):
        raise TrustApiError(400, "bad_request", f"{name!r} must be true or false")
    return value


class TrustApi:
    def __init__(self, engine: TrustEngine) -> None:
        self.engine = engine

    def peers(self) -> dict[str, JSONValue]:
        """GET /api/v1/peers: every peer with its score, level and last change."""
        views = self.engine.peers()
        c = self.engine.config
        counts = {str(level): 0 for level in Level}
        for view in views:
            counts[str(view.level)] += 1
        return {
            "peers": [v.as_json() for v in views],
            "levels": dict(counts),
            "thresholds": {
                "L1": c.l1_threshold,
                "L2": c.l2_threshold,
                "baseline": c.baseline,
                "half_life": c.half_life,
            },
        }

    def peer(self, peer_id: str) -> Deferred[dict[str, JSONValue]]:
        """GET /api/v1/peers/{id}: one peer and its latest audit entries."""

        def run() -> Deferred[dict[str, JSONValue]]:
            view = self.engine.peer(peer_id)
            d = self.engine.audit(peer_id, 50)
            return d.addCallback(
                lambda entries: {"peer": view.as_json(), "audit": [e.as_json() for e in entries]}
            )

        return self._call(run)

    def penalize(self, peer_id: str, body: object, actor: str) -> Deferred[dict[str, JSONValue]]:
        """POST /api/v1/peers/{id}/penalty with {"points": N, "reason": "..."}."""

        def run() -> Deferred[dict[str, JSONValue]]:
            points = _number(body, "points")
            reason = _text(body, "reason")
            d = self.engine.penalize(peer_id, points, reason=reason, actor=actor)
            return d.addCallback(
                lambda done: {"peer": done[0].as_json(), "penalty": done[1].as_json()}
            )

        return self._call(run)

    def designate(self, peer_id: str, body: object, actor: str) -> Deferred[dict[str, JSONValue]]:
        """POST /api/v1/peers/{id}/designation with {"authoritative": bool, "reason": "..."}."""

        def run() -> Deferred[dict[str, JSONValue]]:
            authoritative = _flag(body, "authoritative")
            reason = _text(body, "reason")
            d = self.engine.designate(peer_id, authoritative, reason=reason, actor=actor)
            return d.addCallback(lambda view: {"peer": view.as_json()})

        return self._call(run)

    def audit(self, peer_id: str | None = None, limit: int = 100) -> Deferred[dict[str, JSONValue]]:
        """GET /api/v1/peers/audit: the newest entries first, at most ``limit`` (1 to 1000)."""

        def run() -> Deferred[dict[str, JSONValue]]:
            if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_AUDIT:
                raise TrustApiError(400, "bad_request", f"limit must be 1 to {MAX_AUDIT}")
            d = self.engine.audit(peer_id, limit)
            return d.addCallback(lambda entries: {"audit": [e.as_json() for e in entries]})

        return self._call(run)

    @staticmethod
    def _call(fn: Callable[[], Deferred[T]]) -> Deferred[T]:
        d: Deferred[T] = maybeDeferred(fn)
        return d.addErrback(_translate)
