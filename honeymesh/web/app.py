"""The admin site: Klein API under /api/v1, the live feed at /ws, /metrics, the dashboard.

Routes talk to the appliance only through the ``Control`` facade. Every route but the health
check, the websocket (which takes a ticket instead) and the static dashboard needs the admin
token; failed attempts are throttled per source (429 with Retry-After), but a correct token is
never refused (``throttle.py`` says why). Errors are JSON with a
stable ``code``; every response, errors included, carries the security headers (``ApiSite``).
State changes only through POST and DELETE. docs/API.md is the guide, docs/openapi.yaml the
reference (a test keeps it in step with the routes below).
"""

from __future__ import annotations

import base64
import binascii
import functools
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from klein import Klein
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from twisted.internet.defer import Deferred, DeferredList, succeed
from twisted.internet.interfaces import IReactorTime
from twisted.logger import Logger
from twisted.python.failure import Failure
from twisted.web import http
from twisted.web.http import HTTPChannel, datetimeToLogString
from twisted.web.iweb import IRequest
from twisted.web.resource import IResource, Resource
from twisted.web.server import Request, Site
from werkzeug.exceptions import MethodNotAllowed, NotFound

from honeymesh.control import (
    Conflict,
    Control,
    ControlError,
    EventQuery,
    InvalidRequest,
    Unavailable,
)
from honeymesh.control import NotFound as ControlNotFound
from honeymesh.events import Event, EventId, Notice
from honeymesh.paths import data_dir
from honeymesh.web.auth import TokenChecker
from honeymesh.web.banfile import (
    FORMATS,
    IMPORT_FORMATS,
    MEDIA_TYPES,
    BanFileError,
    BanWriter,
    Format,
    ImportFormat,
    format_for_media_type,
    parse_bans,
)
from honeymesh.web.feed import (
    FLUSH_INTERVAL,
    MAX_QUEUED_BYTES,
    FeedHub,
    TicketBook,
    origin_allowed,
)
from honeymesh.web.http import (
    MAX_BODY,
    ApiError,
    BoundedRequest,
    error_body,
    field_duration,
    field_number,
    field_reasons,
    field_str,
    json_body,
    json_object,
    media_type,
    query_bool,
    query_float,
    query_int,
    query_str,
    query_values,
    raw_body,
    read_json,
)
from honeymesh.web.metrics import EventCounts, node_registry
from honeymesh.web.throttle import AuthThrottle, source_key

if TYPE_CHECKING:
    from honeymesh.web.taxii import TaxiiApi

__all__ = ["MAX_BODY", "SECURITY_HEADERS", "AdminApi", "ApiError", "ApiSite", "read_json"]

SECURITY_HEADERS = {
    b"Strict-Transport-Security": b"max-age=31536000",
    b"Content-Security-Policy": (
        b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        b"connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    ),
    b"X-Content-Type-Options": b"nosniff",
    b"X-Frame-Options": b"DENY",
    b"Referrer-Policy": b"no-referrer",
    b"Cache-Control": b"no-store",
}

DEFAULT_OPERATOR_REASON = "banned by an operator"
F = TypeVar("F", bound=Callable[..., Any])

_CONTROL_STATUS: tuple[tuple[type[ControlError], int], ...] = (
    (InvalidRequest, 400),
    (ControlNotFound, 404),
    (Conflict, 409),
    (Unavailable, 503),
)


def default_static_dir() -> Path:
    """``static/`` beside the package (a checkout), else where a wheel installs it."""
    return data_dir("static")


STATIC_TYPES = {
    ".html": b"text/html; charset=utf-8",
    ".js": b"text/javascript; charset=utf-8",
    ".css": b"text/css; charset=utf-8",
    ".svg": b"image/svg+xml",
    ".png": b"image/png",
    ".ico": b"image/x-icon",
}
_STATIC_NAME = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}$")


def static_file(root: Path, name: str) -> tuple[bytes, bytes] | None:
    """(content type, bytes) of a dashboard file directly in ``root``, or None."""
    if not _STATIC_NAME.match(name) or ".." in name:
        return None
    kind = STATIC_TYPES.get(Path(name).suffix)
    path = root / name
    if kind is None or not path.is_file():
        return None
    return kind, path.read_bytes()


def bearer_token(header: bytes | None) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header, or None. The scheme is
    case-insensitive (RFC 7235 section 2.1) and whitespace around either part is ignored."""
    if header is None:
        return None
    scheme, _, token = header.strip().partition(b" ")
    token = token.strip()
    if scheme.lower() != b"bearer" or not token:
        return None
    return token.decode("utf-8", "surrogateescape")


def basic_password(header: bytes | None) -> str | None:
    """The password of an ``Authorization: Basic`` header (any user name), or None: TAXII
    clients (taxii2-client, MISP, OpenCTI) send the admin token that way."""
    if header is None:
        return None
    scheme, _, encoded = header.strip().partition(b" ")
    if scheme.lower() != b"basic":
        return None
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True)
    except (binascii.Error, ValueError):
        return None
    _, colon, password = decoded.partition(b":")
    return password.decode("utf-8", "surrogateescape") if colon and password else None


def client_host(request: IRequest) -> str:
    peer = request.getClientAddress()
    return str(getattr(peer, "host", "unknown"))


class AdminApi:
    app = Klein()
    _log = Logger()

    def __init__(
        self,
        control: Control,
        tokens: TokenChecker,
        clock: IReactorTime,
        publish: Callable[[Event], None],
        *,
        static_dir: Path | None = None,
        allowed_origins: Sequence[str] = (),
        throttle: AuthThrottle | None = None,
        tickets: TicketBook | None = None,
        feed_flush_interval: float = FLUSH_INTERVAL,
        feed_max_queued_bytes: int = MAX_QUEUED_BYTES,
    ) -> None:
        self.control = control
        self.tokens = tokens
        self.clock = clock
        self.publish = publish
        self.static_dir = static_dir or default_static_dir()
        self.allowed_origins = tuple(allowed_origins)
        self.throttle = throttle or AuthThrottle(clock)
        self.tickets = tickets or TicketBook(clock)
        self.hub = FeedHub(
            control.subscribe,
            clock,
            hello=self._hello,
            flush_interval=feed_flush_interval,
            max_queued_bytes=feed_max_queued_bytes,
        )
        self._feed: IResource | None = None  # the websocket side, built on the first upgrade
        self._taxii_api: TaxiiApi | None = None  # built on the first TAXII request
        self.counts = EventCounts()
        control.subscribe(self.counts)
        self.registry = node_registry(control, self.counts, self._extra_metrics)

    # Authentication --------------------------------------------------------------------------

    def _refuse_if_throttled(self, request: IRequest) -> None:
        wait = self.throttle.retry_after(source_key(client_host(request)))
        if wait is not None:
            seconds = max(1, int(wait + 0.999))
            raise ApiError(
                429,
                "too_many_failures",
                f"too many failed authentications from this address; retry in {seconds} s",
                headers={b"Retry-After": str(seconds).encode()},
            )

    def _auth_failed(self, request: IRequest, why: str) -> None:
        """Count a failed attempt; refuse it with 429 if its source already failed too often
        (then no event is published for it either: a guesser cannot flood the log)."""
        host = client_host(request)
        self._refuse_if_throttled(request)
        self.throttle.failed(source_key(host))
        self.publish(
            Notice(
                EventId.API_AUTH_FAILED,
                self.clock.seconds(),
                {"path": request.path.decode("utf-8", "replace"), "why": why},
                source=host,
            )
        )

    @staticmethod
    def authenticated(route: F) -> F:
        @functools.wraps(route)
        def wrapper(self: AdminApi, request: IRequest, *args: Any, **kw: Any) -> Any:
            # The presented token is checked first (in constant time): a correct one is never
            # refused, whoever else failed from the same address.
            if not self.tokens.check(bearer_token(request.getHeader(b"authorization"))):
                self._auth_failed(request, "token")
                request.setHeader(b"WWW-Authenticate", b'Bearer realm="honeymesh"')
                raise ApiError(401, "unauthorized", "a valid admin token is required")
            return route(self, request, *args, **kw)

        return wrapper  # type: ignore[return-value]

    @staticmethod
    def actor(request: IRequest) -> str:
        return f"api {client_host(request)}"

    # Errors ----------------------------------------------------------------------------------

    @app.handle_errors(ApiError)
    def api_error(self, request: IRequest, failure: Failure) -> bytes:
        error: ApiError = failure.value  # type: ignore[assignment]
        return error_body(request, error)

    @app.handle_errors(ControlError)
    def control_error(self, request: IRequest, failure: Failure) -> bytes:
        error: ControlError = failure.value  # type: ignore[assignment]
        status = next(s for kind, s in _CONTROL_STATUS if isinstance(error, kind))
        return error_body(request, ApiError(status, error.code, error.message, error.details))

    @app.handle_errors(NotFound)
    def not_found(self, request: IRequest, failure: Failure) -> bytes:
        return error_body(request, ApiError(404, "not_found", "no such route"))

    @app.handle_errors(MethodNotAllowed)
    def not_allowed(self, request: IRequest, failure: Failure) -> bytes:
        allowed = getattr(failure.value, "valid_methods", None) or []
        error = ApiError(405, "method_not_allowed", "method not allowed here")
        if allowed:
            error.headers[b"Allow"] = ", ".join(allowed).encode()
        return error_body(request, error)

    @app.handle_errors(Exception)
    def internal_error(self, request: IRequest, failure: Failure) -> bytes:
        self._log.failure("admin API request {path} failed", failure, path=request.path)
        return error_body(request, ApiError(500, "internal_error", "the node failed to answer"))

    # Status and events -----------------------------------------------------------------------

    @app.route("/api/v1/health", methods=["GET"])
    def health(self, request: IRequest) -> bytes:
        return json_body(request, 200, {"ok": True})

    @app.route("/api/v1/status", methods=["GET"])
    @authenticated
    def status(self, request: IRequest) -> bytes:
        status = self.control.status()
        status["feed"] = {
            "clients": self.hub.clients,
            "slow_disconnects": self.hub.slow_disconnects,
        }
        return json_body(request, 200, status)

    @app.route("/api/v1/events", methods=["GET"])
    @authenticated
    def events(self, request: IRequest) -> Deferred[bytes]:
        before = query_str(request, "before")
        query = EventQuery(
            types=tuple(query_values(request, "type")),
            sources=tuple(query_values(request, "source")),
            since=query_float(request, "since"),
            until=query_float(request, "until"),
            before=None if before is None else query_int(request, "before", 0, 1, 2**62),
            limit=query_int(request, "limit", 100, 1, 1000),
        )
        return self.control.events(query).addCallback(self._ok, request)

    @app.route("/api/v1/events/stats", methods=["GET"])
    @authenticated
    def event_stats(self, request: IRequest) -> Deferred[bytes]:
        since = query_float(request, "since")
        d = self.control.event_stats(
            since=self.clock.seconds() - 3600 if since is None else since,
            bucket=query_float(request, "bucket") or 60.0,
            top=query_int(request, "top", 10, 1, 100),
        )
        return d.addCallback(self._ok, request)

    # Bans ------------------------------------------------------------------------------------

    @app.route("/api/v1/bans", methods=["GET"])
    @authenticated
    def list_bans(self, request: IRequest) -> Deferred[bytes]:
        source = query_str(request, "source")
        d = self.control.bans(
            active=query_bool(request, "active", True),
            source=source,
            after=query_int(request, "after", 0, 0, 2**62),
            limit=query_int(request, "limit", 1000, 1, 10_000),
        )
        return d.addCallback(self._ok, request)

    @app.route("/api/v1/bans", methods=["POST"])
    @authenticated
    def add_ban(self, request: IRequest) -> Deferred[bytes]:
        body = json_object(request)
        d = self.control.ban(
            field_str(body, "network", limit=100),
            duration=field_duration(body, "duration"),
            reasons=field_reasons(body, DEFAULT_OPERATOR_REASON),
            by=self.actor(request),
        )
        return d.addCallback(self._ok, request, 201)

    @app.route("/api/v1/bans/<path:network>", methods=["DELETE"])
    @authenticated
    def remove_ban(self, request: IRequest, network: str) -> Deferred[bytes]:
        return self.control.unban(network, by=self.actor(request)).addCallback(self._ok, request)

    @app.route("/api/v1/bans/export", methods=["GET"])
    @authenticated
    def export_bans(self, request: IRequest) -> Deferred[bytes]:
        """Streamed a page at a time; once the first page is out, a failure can only cut the
        connection (the partial file does not parse as a whole: JSON lacks its end).
        ``format=stix``: one STIX 2.1 bundle of the active bans and the allowlist."""
        if query_str(request, "format") == "stix":
            return self.control.export_stix().addCallback(self._stix, request)
        fmt = self._format(query_str(request, "format") or "json")
        writer = BanWriter(fmt, self.clock.seconds())
        started = False

        def start() -> None:
            nonlocal started
            started = True
            request.setHeader(b"Content-Type", MEDIA_TYPES[fmt].encode())
            ext = {"text": "txt", "csv": "csv", "json": "json"}[fmt]
            request.setHeader(
                b"Content-Disposition", f'attachment; filename="honeymesh-bans.{ext}"'.encode()
            )
            request.write(writer.head())

        def page(bans: list[dict[str, Any]]) -> None:
            if not started:
                start()
            request.write(writer.rows(bans))

        def done(count: int) -> bytes:
            if not started:
                start()
            return writer.tail()

        def failed(failure: Failure) -> Failure | bytes:
            if not started:
                return failure  # answered as a JSON error
            self._log.failure("ban export cut short", failure)
            cast(Request, request).loseConnection()
            return b""

        return self.control.export_bans(page).addCallbacks(done, failed)

    @staticmethod
    def _stix(bundle: bytes, request: IRequest) -> bytes:
        request.setHeader(b"Content-Type", b"application/stix+json;version=2.1")
        request.setHeader(
            b"Content-Disposition", b'attachment; filename="honeymesh-bans.stix.json"'
        )
        return bundle

    @app.route("/api/v1/bans/import", methods=["POST"])
    @authenticated
    def import_bans(self, request: IRequest) -> Deferred[bytes]:
        named = query_str(request, "format")
        fmt = self._import_format(named) if named else format_for_media_type(media_type(request))
        if fmt is None:
            raise ApiError(
                415,
                "unsupported_media_type",
                "send the file as text/plain, text/csv, application/json or "
                "application/stix+json (or name ?format=)",
            )
        data = raw_body(request)
        try:
            entries = parse_bans(data, fmt)
        except BanFileError as e:
            raise ApiError(400, "bad_ban_file", f"nothing was imported: {e}") from None
        reason = query_str(request, "reason") or "imported by an operator"
        d = self.control.import_bans(
            entries,
            default_duration=query_str(request, "duration"),
            default_reason=reason,
            by=self.actor(request),
        )
        return d.addCallback(self._ok, request)

    @staticmethod
    def _import_format(name: str) -> ImportFormat:
        for fmt in IMPORT_FORMATS:
            if name == fmt:
                return fmt
        raise ApiError(400, "bad_parameter", f"format must be one of {', '.join(IMPORT_FORMATS)}")

    @staticmethod
    def _format(name: str) -> Format:
        for fmt in FORMATS:
            if name == fmt:
                return fmt
        raise ApiError(
            400, "bad_parameter", f"format must be one of {', '.join(FORMATS)} (or stix to export)"
        )

    # Allowlist, mode, explain ----------------------------------------------------------------

    @app.route("/api/v1/allowlist", methods=["GET"])
    @authenticated
    def allowlist(self, request: IRequest) -> bytes:
        return json_body(request, 200, self.control.allows())

    @app.route("/api/v1/allowlist", methods=["POST"])
    @authenticated
    def add_allow(self, request: IRequest) -> Deferred[bytes]:
        body = json_object(request)
        reason = field_str(body, "reason", required=False) or "allowed by an operator"
        d = self.control.allow(field_str(body, "network", limit=100), reason=reason)
        return d.addCallback(self._ok, request, 201)

    @app.route("/api/v1/allowlist/<path:network>", methods=["DELETE"])
    @authenticated
    def remove_allow(self, request: IRequest, network: str) -> Deferred[bytes]:
        return self.control.unallow(network).addCallback(self._ok, request)

    @app.route("/api/v1/mode", methods=["GET"])
    @authenticated
    def get_mode(self, request: IRequest) -> bytes:
        return json_body(request, 200, {"mode": self.control.mode})

    @app.route("/api/v1/mode", methods=["POST"])
    @authenticated
    def set_mode(self, request: IRequest) -> Deferred[bytes]:
        body = json_object(request)
        mode = field_str(body, "mode", limit=20)
        return self.control.set_mode(mode, by=self.actor(request)).addCallback(self._ok, request)

    @app.route("/api/v1/explain/<path:address>", methods=["GET"])
    @authenticated
    def explain(self, request: IRequest, address: str) -> Deferred[bytes]:
        return self.control.explain(address).addCallback(self._ok, request)

    # Peers and licensing ---------------------------------------------------------------------

    @app.route("/api/v1/peers", methods=["GET"])
    @authenticated
    def peers(self, request: IRequest) -> bytes:
        return json_body(request, 200, self.control.peers())

    @app.route("/api/v1/peers/<peer_id>/penalty", methods=["POST"])
    @authenticated
    def penalize(self, request: IRequest, peer_id: str) -> Deferred[bytes]:
        body = json_object(request)
        d = self.control.penalize(
            peer_id,
            field_number(body, "points"),
            reason=field_str(body, "reason"),
            by=self.actor(request),
        )
        return d.addCallback(self._ok, request)

    @app.route("/api/v1/peers/<peer_id>", methods=["GET"])
    @authenticated
    def peer(self, request: IRequest, peer_id: str) -> Deferred[bytes]:
        return self.control.peer(peer_id).addCallback(self._ok, request)

    @app.route("/api/v1/peers/<peer_id>/designation", methods=["POST"])
    @authenticated
    def designate(self, request: IRequest, peer_id: str) -> Deferred[bytes]:
        body = json_object(request)
        authoritative = body.get("authoritative")
        if not isinstance(authoritative, bool):
            raise ApiError(400, "bad_field", "'authoritative' must be true or false")
        d = self.control.designate(
            peer_id, authoritative, reason=field_str(body, "reason"), by=self.actor(request)
        )
        return d.addCallback(self._ok, request)

    @app.route("/api/v1/peers/audit", methods=["GET"])
    @authenticated
    def trust_audit(self, request: IRequest) -> Deferred[bytes]:
        d = self.control.trust_audit(
            query_str(request, "peer"), query_int(request, "limit", 100, 1, 1000)
        )
        return d.addCallback(self._ok, request)

    @app.route("/api/v1/license", methods=["GET"])
    @authenticated
    def license(self, request: IRequest) -> bytes:
        return json_body(request, 200, self.control.license())

    # The mesh --------------------------------------------------------------------------------

    @app.route("/api/v1/mesh", methods=["GET"])
    @authenticated
    def mesh_status(self, request: IRequest) -> bytes:
        return json_body(request, 200, self.control.mesh_status())

    @app.route("/api/v1/mesh/peers", methods=["GET"])
    @authenticated
    def mesh_peers(self, request: IRequest) -> bytes:
        return json_body(request, 200, self.control.mesh_peers())

    @app.route("/api/v1/mesh/tokens", methods=["GET"])
    @authenticated
    def mesh_tokens(self, request: IRequest) -> Deferred[bytes]:
        return self.control.mesh_tokens().addCallback(self._ok, request)

    @app.route("/api/v1/mesh/tokens", methods=["POST"])
    @authenticated
    def mesh_create_token(self, request: IRequest) -> Deferred[bytes]:
        body = json_object(request)
        ttl = body.get("ttl", 3600)
        uses = body.get("uses", 1)
        admin = body.get("admin", True)
        if isinstance(ttl, bool) or not isinstance(ttl, int | float):
            raise ApiError(400, "bad_field", "'ttl' must be a number of seconds")
        if isinstance(uses, bool) or not isinstance(uses, int):
            raise ApiError(400, "bad_field", "'uses' must be a whole number")
        if not isinstance(admin, bool):
            raise ApiError(400, "bad_field", "'admin' must be true or false")
        note = field_str(body, "note", required=False, limit=200) or ""
        d = self.control.mesh_create_token(ttl=float(ttl), uses=uses, admin=admin, note=note)
        return d.addCallback(self._ok, request, 201)

    @app.route("/api/v1/mesh/tokens/<token_id>", methods=["DELETE"])
    @authenticated
    def mesh_revoke_token(self, request: IRequest, token_id: str) -> Deferred[bytes]:
        return self.control.mesh_revoke_token(token_id[:64]).addCallback(self._ok, request)

    @app.route("/api/v1/mesh/join", methods=["POST"])
    @authenticated
    def mesh_join(self, request: IRequest) -> Deferred[bytes]:
        body = json_object(request)
        token = field_str(body, "token", limit=2048)
        return self.control.mesh_join(token).addCallback(self._ok, request)

    @app.route("/api/v1/mesh/members/<node_id>", methods=["DELETE"])
    @authenticated
    def mesh_remove(self, request: IRequest, node_id: str) -> Deferred[bytes]:
        reason = f"removed by {self.actor(request)}"
        return self.control.mesh_remove(node_id[:128], reason=reason).addCallback(self._ok, request)

    # The live feed and metrics ---------------------------------------------------------------

    @app.route("/api/v1/ws-ticket", methods=["POST"])
    @authenticated
    def ws_ticket(self, request: IRequest) -> bytes:
        ticket = self.tickets.issue()
        return json_body(
            request,
            201,
            {"ticket": ticket, "expires_in": self.tickets.ttl, "path": f"/ws?ticket={ticket}"},
        )

    @app.route("/ws", methods=["GET"])
    def websocket(self, request: IRequest) -> IResource:
        upgrade = (request.getHeader(b"upgrade") or b"").lower()
        if upgrade != b"websocket":
            raise ApiError(400, "not_websocket", "this is the websocket feed: upgrade to websocket")
        origin = request.getHeader(b"origin")
        host = request.getHeader(b"host")
        if not origin_allowed(
            None if origin is None else origin.decode("latin-1"),
            None if host is None else host.decode("latin-1"),
            self.allowed_origins,
        ):
            self._auth_failed(request, "origin")
            raise ApiError(403, "origin_refused", "this Origin may not open the feed")
        if not self.tickets.redeem(query_str(request, "ticket")):
            self._auth_failed(request, "ticket")
            raise ApiError(
                401, "bad_ticket", "a fresh ticket from POST /api/v1/ws-ticket is required"
            )
        if self._feed is None:  # Autobahn: 5 MB a node whose feed nobody opens never needs
            from honeymesh.web.feed_socket import feed_resource  # noqa: PLC0415

            self._feed = feed_resource(self.hub)
        return self._feed

    def _hello(self) -> dict[str, Any]:
        return {"node": self.control.node_id, "mode": self.control.mode}

    @app.route("/taxii2/", branch=True, methods=["GET", "HEAD"])
    def taxii(self, request: IRequest) -> IResource:
        """The read-only TAXII 2.1 service (``web/taxii.py``): the admin token as a bearer
        token or as the password of HTTP Basic."""
        header = request.getHeader(b"authorization")
        if not self.tokens.check(bearer_token(header) or basic_password(header)):
            self._auth_failed(request, "token")
            challenge = b'Bearer realm="honeymesh", Basic realm="honeymesh"'
            request.setHeader(b"WWW-Authenticate", challenge)
            raise ApiError(401, "unauthorized", "a valid admin token is required")
        resource: IResource = self.taxii_api.app.resource()
        return resource

    @property
    def taxii_api(self) -> TaxiiApi:
        """The TAXII service, with ``honeymesh.intel`` behind it, made on the first request:
        a node nobody asks for TAXII never holds them."""
        if self._taxii_api is None:
            from honeymesh.web.taxii import TaxiiApi  # noqa: PLC0415 - on first use

            name = f"HoneyMesh {self.control.config.node.name}"
            self._taxii_api = TaxiiApi(name, self.control.taxii_entries)
        return self._taxii_api

    @app.route("/metrics", methods=["GET"])
    @authenticated
    def metrics(self, request: IRequest) -> bytes:
        request.setHeader(b"Content-Type", CONTENT_TYPE_LATEST.encode())
        return generate_latest(self.registry)

    def _extra_metrics(self) -> Mapping[str, tuple[float, str]]:
        return {
            "feed_clients": (self.hub.clients, "Websocket clients of the live feed"),
            "feed_slow_disconnects_total": (
                self.hub.slow_disconnects,
                "Feed clients disconnected for reading too slowly",
            ),
            "auth_failures_total": (self.throttle.failures, "Failed admin authentications"),
            "auth_throttled_total": (
                self.throttle.refusals,
                "Requests refused because their source failed to authenticate too often",
            ),
        }

    # The dashboard ---------------------------------------------------------------------------

    @app.route("/", methods=["GET"])
    def index(self, request: IRequest) -> bytes:
        return self.static(request, "index.html")

    @app.route("/static/<name>", methods=["GET"])
    def static(self, request: IRequest, name: str) -> bytes:
        found = static_file(self.static_dir, name)
        if found is None:
            raise ApiError(404, "not_found", "no such file")
        kind, data = found
        request.setHeader(b"Content-Type", kind)
        return data

    # Helpers ---------------------------------------------------------------------------------

    @staticmethod
    def _ok(result: object, request: IRequest, status: int = 200) -> bytes:
        return json_body(request, status, result)

    def resource(self) -> IResource:
        resource: IResource = self.app.resource()
        return resource


class _TooLarge(Resource):
    isLeaf = True

    def render(self, request: IRequest) -> bytes:
        return error_body(
            request, ApiError(413, "body_too_large", f"the body exceeds {MAX_BODY} bytes")
        )


_BAD_REQUEST_BODY = b'{"error":{"code":"bad_request","message":"malformed HTTP request"}}'


class ApiChannel(HTTPChannel):
    """The admin site's HTTP channel: its own answer to a request too malformed to become a
    ``Request`` (a bad request line, bad headers, an oversized header line) carries the
    security headers and names no server, as every other answer does."""

    def _respondToBadRequestAndDisconnect(self) -> None:
        # Overrides HTTPChannel's own (which writes a bare status line). Twisted names this
        # hook privately, but it is the only path by which it answers before a Request exists.
        headers = b"".join(
            name + b": " + value + b"\r\n" for name, value in SECURITY_HEADERS.items()
        )
        assert self.transport is not None
        self.transport.write(
            b"HTTP/1.1 400 Bad Request\r\n"
            + headers
            + b"Content-Type: application/json; charset=utf-8\r\n"
            + b"Content-Length: "
            + str(len(_BAD_REQUEST_BODY)).encode()
            + b"\r\nConnection: close\r\n\r\n"
            + _BAD_REQUEST_BODY
        )
        self.loseConnection()


class _Draining(Resource):
    isLeaf = True

    def render(self, request: IRequest) -> bytes:
        request.setHeader(b"Connection", b"close")
        return error_body(
            request, ApiError(503, "stopping", "the node is stopping; try again once it is back")
        )


def _upgrading(request: Request) -> bool:
    """Whether ``request`` asks to become a websocket (the live feed)."""
    upgrade = request.requestHeaders.getRawHeaders(b"upgrade") or []
    return any(value.strip().lower() == b"websocket" for value in upgrade)


class ApiSite(Site):
    """A Site that puts the security headers on every response, errors included, names no
    server, refuses request bodies larger than ``MAX_BODY`` before buffering them, and on stop
    finishes the requests it accepted (``drain``).
    """

    noisy = False
    protocol = ApiChannel  # type: ignore[assignment]
    requestFactory = BoundedRequest

    def __init__(self, resource: IResource, *args: Any, **kw: Any) -> None:
        super().__init__(resource, *args, **kw)
        self._in_flight: dict[Request, None] = {}
        self.draining = False

    def getResourceFor(self, request: Request) -> IResource:
        request.responseHeaders.removeHeader(b"server")  # Request.process set TwistedWeb/x.y
        for name, value in SECURITY_HEADERS.items():
            request.setHeader(name, value)
        if self.draining:
            return _Draining()
        if getattr(request, "too_large", False):
            return _TooLarge()
        if not _upgrading(request):  # a websocket never finishes; FeedHub.close ends it
            self._in_flight[request] = None
            request.notifyFinish().addBoth(self._finished, request)
        resource: IResource = super().getResourceFor(request)
        return resource

    def _finished(self, result: object, request: Request) -> None:
        self._in_flight.pop(request, None)

    def _updateLogDateTime(self) -> None:
        """Twisted's HTTPFactory keeps the access lines' date fresh with a call every second
        for as long as it runs, which woke an idle node once a second (half its wake-ups)
        for lines it may never write: here it is left to ``log``."""

    def log(self, request: http.Request) -> None:
        """The access line, dated when it is written."""
        self._logDateTime = datetimeToLogString(self.reactor.seconds())
        super().log(request)

    @property
    def in_flight(self) -> int:
        return len(self._in_flight)

    def drain(self, clock: IReactorTime, timeout: float = 10.0) -> Deferred[None]:
        """Refuse new requests (503, connection closed) and fire once every request already
        accepted has been answered, or after ``timeout`` seconds, whichever is first. Called
        after the listener stopped listening, before the services behind the API stop, so a
        ban it acknowledges has reached the store and the kernel and its events the store."""
        self.draining = True
        if not self._in_flight:
            return succeed(None)
        done: Deferred[None] = Deferred()

        def finish(_: object = None) -> None:
            if not done.called:
                done.callback(None)
            if timer.active():
                timer.cancel()

        timer = clock.callLater(timeout, finish)
        waits = [r.notifyFinish() for r in list(self._in_flight)]
        DeferredList(waits, consumeErrors=True).addBoth(finish)
        return done
