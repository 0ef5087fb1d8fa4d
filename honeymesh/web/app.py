"""The admin API: Klein routes under /api/v1, JSON in and out, every route behind the token.

Routes talk to the appliance only through the ``Control`` facade. Errors are JSON with a stable
``code``; every response, errors included, carries the security headers (set by ``ApiSite``).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any, TypeVar

from klein import Klein
from twisted.internet.interfaces import IReactorTime
from twisted.python.failure import Failure
from twisted.web.iweb import IRequest
from twisted.web.resource import IResource
from twisted.web.server import Request, Site
from werkzeug.exceptions import MethodNotAllowed, NotFound

from honeymesh.control import Control
from honeymesh.events import Event, EventId, Notice
from honeymesh.web.auth import TokenChecker

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

MAX_BODY = 1024 * 1024

F = TypeVar("F", bound=Callable[..., Any])


class ApiError(Exception):
    """An error the API reports as JSON: HTTP status, stable code, human message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def json_body(request: IRequest, status: int, body: object) -> bytes:
    request.setResponseCode(status)
    request.setHeader(b"Content-Type", b"application/json; charset=utf-8")
    return json.dumps(body, separators=(",", ":"), default=str).encode()


def read_json(request: IRequest) -> Any:
    """The request's JSON body, or an ApiError saying what is wrong with it."""
    content_type = request.getHeader(b"content-type") or b""
    if not content_type.split(b";")[0].strip() == b"application/json":
        raise ApiError(415, "unsupported_media_type", "send the body as application/json")
    raw = request.content.read(MAX_BODY + 1) if request.content is not None else b""
    if len(raw) > MAX_BODY:
        raise ApiError(413, "body_too_large", f"the body exceeds {MAX_BODY} bytes")
    try:
        return json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ApiError(400, "bad_json", f"the body is not valid JSON: {e}") from None


class AdminApi:
    app = Klein()

    def __init__(
        self,
        control: Control,
        tokens: TokenChecker,
        clock: IReactorTime,
        publish: Callable[[Event], None],
    ) -> None:
        self.control = control
        self.tokens = tokens
        self.clock = clock
        self.publish = publish

    # Authentication --------------------------------------------------------------------------

    @staticmethod
    def authenticated(route: F) -> F:
        @functools.wraps(route)
        def wrapper(self: AdminApi, request: IRequest, *args: Any, **kw: Any) -> Any:
            header = request.getHeader(b"authorization")
            token = None
            if header is not None and header.startswith(b"Bearer "):
                token = header[len(b"Bearer ") :].decode("utf-8", "surrogateescape")
            if not self.tokens.check(token):
                peer = request.getClientAddress()
                self.publish(
                    Notice(
                        EventId.API_AUTH_FAILED,
                        self.clock.seconds(),
                        {
                            "path": request.path.decode("utf-8", "replace"),
                        },
                        source=getattr(peer, "host", None),
                    )
                )
                request.setHeader(b"WWW-Authenticate", b'Bearer realm="honeymesh"')
                raise ApiError(401, "unauthorized", "a valid admin token is required")
            return route(self, request, *args, **kw)

        return wrapper  # type: ignore[return-value]

    # Errors ----------------------------------------------------------------------------------

    @app.handle_errors(ApiError)
    def api_error(self, request: IRequest, failure: Failure) -> bytes:
        error: ApiError = failure.value  # type: ignore[assignment]
        return json_body(
            request, error.status, {"error": {"code": error.code, "message": error.message}}
        )

    @app.handle_errors(NotFound)
    def not_found(self, request: IRequest, failure: Failure) -> bytes:
        return json_body(request, 404, {"error": {"code": "not_found", "message": "no such route"}})

    @app.handle_errors(MethodNotAllowed)
    def not_allowed(self, request: IRequest, failure: Failure) -> bytes:
        return json_body(
            request,
            405,
            {"error": {"code": "method_not_allowed", "message": "method not allowed here"}},
        )

    # Routes ----------------------------------------------------------------------------------

    @app.route("/api/v1/health", methods=["GET"])
    def health(self, request: IRequest) -> bytes:
        return json_body(request, 200, {"ok": True})

    @app.route("/api/v1/status", methods=["GET"])
    @authenticated
    def status(self, request: IRequest) -> bytes:
        return json_body(request, 200, self.control.status())

    def resource(self) -> IResource:
        resource: IResource = self.app.resource()
        return resource


class ApiSite(Site):
    """A Site that puts the security headers on every response, errors included."""

    noisy = False

    def getResourceFor(self, request: Request) -> IResource:
        for name, value in SECURITY_HEADERS.items():
            request.setHeader(name, value)
        resource: IResource = super().getResourceFor(request)
        return resource
