"""The HTTP trap: Debian 12's Apache 2.4 in front of one persona's site (``websites.py``).

``HttpDialogue`` parses requests incrementally within Apache's limits (``LimitRequestLine``,
``LimitRequestFieldSize`` 8190 and ``LimitRequestFields`` 100, and a byte budget for the whole
head; a ``Content-Length`` body of which ``max_body`` bytes are kept) and answers each as
Debian's apache2 2.4.71 does, diffed against the real one (tests/fidelity/test_http.py): the
status lines and reason phrases, header names and their order, the error pages with their
``<address>`` line naming the Host header's name (``UseCanonicalName Off``), 400 for a path
climbing above the root, 414, 501 for unknown methods, 405 for TRACE (``TraceEnable Off``),
``OPTIONS``, keep-alive as Apache decides it (``MaxKeepAliveRequests 100``, ``Keep-Alive``
only to a client that asked), and ``Last-Modified``/``ETag`` (``"<size hex>-<mtime usec
hex>"``) with 304s for static files. Every request is a ``trap.request`` finding; login forms,
Basic authentication (always 401, never 200) and JSON logins are ``trap.credential`` findings.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import formatdate, parsedate_to_datetime
from urllib.parse import SplitResult, parse_qsl, urlsplit

from honeymesh.detection.traps import findings, websites, wordpress
from honeymesh.detection.traps.base import Finding, Step
from honeymesh.detection.traps.facts import PLACEHOLDER_FACTS, NodeFacts
from honeymesh.detection.traps.websites import (
    Decoy,
    Directory,
    Forbidden,
    Protected,
    Request,
    Response,
    SiteContext,
    Static,
)
from honeymesh.events import JSONValue

__all__ = ["HttpDialogue", "HttpSettings", "Request", "plain_http_on_tls_port"]

LIMIT_REQUEST_LINE = 8190  # Apache's LimitRequestLine: longer gets 414
LIMIT_FIELD_SIZE = 8190  # LimitRequestFieldSize: a longer header line gets 400
LIMIT_FIELDS = 100  # LimitRequestFields
MAX_HEAD_BYTES = 64 * 1024  # the trap's own budget for one request's head (Apache's is ~800 KiB)
MAX_HEADERS = 48  # headers kept in a finding
MAX_REQUESTS = 100  # MaxKeepAliveRequests
KEEPALIVE_TIMEOUT = 5  # seconds Apache waits for the next request on a kept-alive connection
REQUEST_READ_TIMEOUT = 20.0  # mod_reqtimeout (header=20-40): then a 408 for what came
MAX_HEADER_VALUE = 512
_TOKEN = rb"[!#$%&'*+.^_`|~0-9A-Za-z-]{1,32}"
_REQUEST_LINE = re.compile(rb"^(" + _TOKEN + rb") (\S+) HTTP/(\d)\.(\d)$")
_HTTP09 = re.compile(rb"^GET (/\S*)$")
#: "#" as an integer: ``b"#" in target`` has CPython 3.11 try the needle as an integer, raise and
#: clear a TypeError, then search (1,900 instructions against 130; detection/scoring.py).
_FRAGMENT = ord("#")
_FIELD_NAME = re.compile(rb"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")
_HOST = re.compile(r"^(?:([A-Za-z0-9_.-]+)|\[([0-9A-Fa-f:.]+)\])(?::(\d{0,5}))?$")
#: The methods Apache knows (a known method it cannot serve is 405; any other is 501).
APACHE_METHODS = frozenset({
    "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH", "PROPFIND",
    "PROPPATCH", "MKCOL", "COPY", "MOVE", "LOCK", "UNLOCK", "VERSION-CONTROL", "CHECKOUT",
    "UNCHECKOUT", "CHECKIN", "UPDATE", "LABEL", "REPORT", "MKWORKSPACE", "MKACTIVITY",
    "BASELINE-CONTROL", "MERGE",
})  # fmt: skip
#: What a static file or an unclaimed path allows (Apache's order varies per process: it
#: walks a hash table with a per-process seed; this is one order it uses).
ALLOW = "HEAD,GET,POST,OPTIONS"
#: mod_deflate's types in Debian's deflate.conf: their answers carry ``Vary: Accept-Encoding``.
_DEFLATED = ("text/html", "text/plain", "text/xml", "text/css", "text/javascript",
             "application/javascript", "application/x-javascript", "application/xml",
             "application/rss+xml", "application/xhtml+xml")  # fmt: skip
USER_FIELDS = ("log", "user", "username", "login", "email", "user_login", "usr", "pma_username",
               "name", "uname", "userid")  # fmt: skip
PASSWORD_FIELDS = ("pwd", "pass", "password", "passwd", "user_password", "pma_password", "pw",
                   "secret")  # fmt: skip
REASONS = {
    200: "OK", 301: "Moved Permanently", 302: "Found", 304: "Not Modified",
    400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
    408: "Request Timeout",
    405: "Method Not Allowed", 414: "Request-URI Too Long", 416: "Requested Range Not Satisfiable",
    501: "Not Implemented", 206: "Partial Content",
}  # fmt: skip
#: Statuses after which Apache closes the connection (ap_status_drops_connection).
_DROPS = frozenset({400, 408, 411, 413, 414, 417, 500, 501, 503})


@dataclass(frozen=True)
class HttpSettings:
    server: str
    powered_by: str
    hostname: str
    title: str
    max_body: int
    port: int = 80  # named in error pages and redirects, as Apache does
    service: str = "http"  # "https" inside the TLS trap
    site: websites.Site = "default"
    #: When apache2 was installed: the mtime of the default page (0: from ``facts``).
    installed: float = 0.0
    facts: NodeFacts = PLACEHOLDER_FACTS  # the decoy secrets are the node's own


def install_time(settings: HttpSettings) -> float:
    """When apache2 was installed on the node's fake machine: its postinst copied the default
    page then, so that is the page's mtime, to the microsecond (and the ETag's second half).
    Between the machine's install and the node's first start, from the node's own facts, so
    two nodes never share an ETag; or the configured moment."""
    if settings.installed:
        return settings.installed
    facts = settings.facts
    seconds = facts.moment("apache2/installed", facts.install_time, facts.first_start - 86400)
    return int(seconds) + facts.number("apache2/installed/usec", 0, 999_999) / 1e6


class HttpError(Exception):
    """A request Apache refuses while reading it: the status and the line it adds, and the
    request whose body was bad (its answer names its Host and has no Content-Length)."""

    def __init__(self, status: int, note: str = "", request: Request | None = None) -> None:
        super().__init__(status, note)
        self.status = status
        self.note = note
        self.request = request


class _Pending:
    """A request whose headers are in and whose body is still arriving."""

    def __init__(self, request: Request, length: int, chunked: bool = False) -> None:
        self.request = request
        self.length = length
        self.remaining = length
        self.kept = bytearray()
        self.chunked = chunked
        self.state = "size"  # of a chunked body: size line, data, its CRLF, trailer
        self.lines = 0  # trailer lines seen

    def keep(self, data: bytes, room: int) -> None:
        self.kept += data[: max(room - len(self.kept), 0)]


@dataclass(frozen=True)
class _Where:
    """Who the request thinks it is talking to: the Host's name and port, as Apache uses
    them in error pages and redirects (UseCanonicalName Off)."""

    host: str
    port: int
    explicit_port: bool


class HttpDialogue:
    def __init__(self, settings: HttpSettings, now: Callable[[], float]) -> None:
        self._s = settings
        self._now = now
        self._site = SiteContext(
            settings.site,
            settings.title,
            settings.powered_by,
            install_time(settings),
            host=settings.hostname,
            now=now,
        )
        self._buffer = bytearray()
        self._pending: _Pending | None = None  # headers parsed, body still coming
        self._interim = bytearray()  # "100 Continue" owed to a client that expects it
        self._must_close = False  # a body left unread, or sent both chunked and with a length
        self._requests = 0
        self._connection_id = int(now() * 1000) % 4096  # stands in for Apache's c->id
        self._paths: list[JSONValue] = []
        self.detail: dict[str, JSONValue] = {}

    def start(self) -> Step:
        return Step()

    def stop(self) -> None:
        pass

    def receive(self, data: bytes) -> Step:
        self._buffer += data
        reply = bytearray()
        found: list[Finding] = []
        close = False
        while not close:
            try:
                request = self._next_request()
                reply += self._interim
                self._interim.clear()
            except HttpError as e:
                where = self._server_where()
                if e.request is not None:  # a bad chunked body: the answer was under way
                    where = self._where(e.request) or where
                answer = self._error(e.status, where, e.note)
                if e.request is not None:
                    answer = dataclasses.replace(answer, length=False)
                reply += self._render(answer, None)
                self.detail["malformed"] = True
                close = True
                break
            if request is None:
                break
            self._requests += 1
            response, more = self._answer(request)
            found.extend(more)
            if request.version == (0, 9):
                reply += response.body
                close = True
            else:
                reply += self._render(response, request)
                close = not self._keeps_alive(response, request)
            found.append(findings.request(self._s.service, _describe(request, response.status)))
            self._paths = findings.listed(self._paths, f"{request.method} {request.target[:200]}")
            self.detail.update(requests=self._requests, paths=self._paths)
        idle = None
        if not close and (self._pending is not None or bytes(self._buffer).strip()):
            idle = REQUEST_READ_TIMEOUT
        elif not close and self._requests:
            idle = float(KEEPALIVE_TIMEOUT)
        return Step(reply=bytes(reply), close=close, detail=self.detail, findings=tuple(found),
                    idle=idle)  # fmt: skip

    def timed_out(self) -> bytes:
        """mod_reqtimeout's 408 for a first request left unfinished; nothing (a silent
        close) on a kept-alive connection, as Apache sends no 408 after a first answer."""
        if self._requests or (self._pending is None and not bytes(self._buffer).strip()):
            return b""
        return self._render(self._error(408, self._server_where()), None)

    # Parsing ---------------------------------------------------------------------------------

    def _next_request(self) -> Request | None:
        """The next complete request, or None for more bytes; HttpError if Apache refuses it."""
        if self._pending is None:
            while self._buffer[:2] == b"\r\n" or self._buffer[:1] == b"\n":
                del self._buffer[: 2 if self._buffer[:1] == b"\r" else 1]  # blank lines
            head = self._complete_head()
            if head is None:
                return None
            parsed = _parse_head(head)
            length = _content_length(parsed)
            chunked = _chunked(parsed)
            if chunked and length:
                self._must_close = True  # both: Apache reads the chunks, then closes
            if (length or chunked) and _expects_continue(parsed):
                if self._protected(parsed):
                    # Apache asks for credentials before it reads a body, and then closes:
                    # the body it never asked for would be taken for the next request.
                    self._must_close = True
                    return Request(parsed.method, parsed.target, parsed.version,
                                   parsed.headers, b"", length)  # fmt: skip
                self._interim += b"HTTP/1.1 100 Continue\r\n\r\n"
            self._pending = _Pending(parsed, 0 if chunked else length, chunked)
        pending = self._pending
        if pending.chunked:
            if not self._take_chunks(pending):
                return None
            self._pending = None
            r = pending.request
            return Request(r.method, r.target, r.version, r.headers, bytes(pending.kept),
                           pending.length)  # fmt: skip
        # Take what belongs to the body; keep at most max_body of it, count the rest.
        take = min(pending.remaining, len(self._buffer))
        room = self._s.max_body - len(pending.kept)
        pending.kept += self._buffer[: min(take, max(room, 0))]
        del self._buffer[:take]
        pending.remaining -= take
        if pending.remaining:
            return None
        self._pending = None
        r = pending.request
        return Request(r.method, r.target, r.version, r.headers, bytes(pending.kept),
                       pending.length)  # fmt: skip

    def _take_chunks(self, pending: _Pending) -> bool:
        """Read a chunked body from the buffer as far as it goes; True once it is all in.
        Sizes are hex (with extensions after ';'), each chunk ends with CRLF, trailers end
        at an empty line; anything else is Apache's 400."""
        bad = HttpError(400, request=pending.request)
        while True:
            if pending.state == "data":
                take = min(pending.remaining, len(self._buffer))
                pending.keep(bytes(self._buffer[:take]), self._s.max_body)
                del self._buffer[:take]
                pending.remaining -= take
                if pending.remaining:
                    return False
                pending.state = "crlf"
                continue
            if pending.state == "crlf":
                if self._buffer[:2] == b"\r\n" or self._buffer[:1] == b"\n":
                    del self._buffer[: 2 if self._buffer[:1] == b"\r" else 1]
                    pending.state = "size"
                    continue
                if len(self._buffer) >= 2 or (self._buffer and self._buffer[:1] != b"\r"):
                    raise bad
                return False
            end = self._buffer.find(b"\n")
            if end < 0:
                if len(self._buffer) > LIMIT_FIELD_SIZE:
                    raise bad
                return False
            line = bytes(self._buffer[:end]).rstrip(b"\r")
            del self._buffer[: end + 1]
            if pending.state == "trailer":
                if not line:
                    return True
                pending.lines += 1
                if pending.lines > LIMIT_FIELDS:
                    raise bad
                continue
            size = line.split(b";", 1)[0].strip()
            if not 0 < len(size) <= 16 or size.strip(b"0123456789abcdefABCDEF"):
                raise bad
            pending.remaining = int(size, 16)
            pending.length += pending.remaining
            pending.state = "data" if pending.remaining else "trailer"

    def _complete_head(self) -> bytes | None:
        """The request line and headers once they are all in, checked line by line against
        Apache's limits as they arrive (so an endless line is refused, not buffered)."""
        lines = bytes(self._buffer[: MAX_HEAD_BYTES + 1]).split(b"\n")
        first = lines[0]
        if len(first.rstrip(b"\r")) > LIMIT_REQUEST_LINE:
            raise HttpError(414)
        if len(lines) == 1:
            return None
        if _HTTP09.match(first.rstrip(b"\r")):
            del self._buffer[: len(first) + 1]
            return first.rstrip(b"\r")
        for index, line in enumerate(lines[1:], start=1):
            complete = index < len(lines) - 1
            if len(line.rstrip(b"\r")) > LIMIT_FIELD_SIZE:
                raise HttpError(400, "Size of a request header field exceeds server limit.")
            if complete and line.rstrip(b"\r") == b"":
                size = sum(len(x) + 1 for x in lines[: index + 1])
                head = bytes(self._buffer[:size])
                del self._buffer[:size]
                return head
            if index > LIMIT_FIELDS:
                raise HttpError(
                    400, "The number of request header fields exceeds this server's limit."
                )
        if len(self._buffer) > MAX_HEAD_BYTES:
            raise HttpError(400)
        return None

    # Answering -------------------------------------------------------------------------------

    def _server_where(self) -> _Where:
        return _Where(self._s.hostname, self._s.port, explicit_port=False)

    def _where(self, request: Request) -> _Where | None:
        """The Host Apache takes (the absolute URI's, else the header's), None if invalid."""
        if sum(1 for k, _ in request.headers if k.lower() == "host") > 1:
            return None
        absolute = "://" in request.target[:10]
        split = _split(request.target) if absolute else None
        if absolute and (split is None or split.scheme.lower() not in ("http", "https")):
            return None
        if split is not None and split.scheme.lower() != self._s.service:
            split = None  # the other scheme's URI: Apache names the Host header's host
        value = split.netloc if split is not None else request.header("Host")
        if value is None:
            return None if request.version >= (1, 1) else self._server_where()
        m = _HOST.match(value.strip())
        if m is None or (m.group(3) is not None and not m.group(3).isdigit()):
            return None
        name = (m.group(1) or f"[{m.group(2)}]").lower().rstrip(".")
        port = m.group(3)
        if port:
            return _Where(name, int(port), explicit_port=True)
        return _Where(name, self._s.port, explicit_port=False)

    def _answer(self, request: Request) -> tuple[Response, list[Finding]]:  # noqa: PLR0911, PLR0912
        found = list(self._credentials(request))
        method = request.method
        where = self._where(request)
        if where is None:
            return self._error(400, self._server_where()), found
        if request.target == "*":
            if method == "OPTIONS":
                return Response(200, content_type=None), found
            return self._error(400, where), found
        if method == "CONNECT":  # no mod_proxy: a known method nothing here serves
            return self._error(405, where, method=method, allow=ALLOW), found
        path = _normalise(request.target)
        if path is None:
            return self._error(400, where), found
        if method not in APACHE_METHODS:
            note = f"{html.escape(method)} not supported for current URL.<br />\n"
            return self._error(501, where, note, allow=ALLOW), found
        if method == "TRACE":
            return self._error(405, where, method=method, allow=""), found
        tried_login = bool(found)
        target = websites.resource(path, request, self._site, tried_login)
        match target:
            case Forbidden():
                return self._error(403, where), found
            case Protected(realm=realm):
                auth = (("WWW-Authenticate", f'Basic realm="{realm}"'),)
                return self._error(401, where, headers=auth), found
            case Directory():
                if method not in ("GET", "HEAD"):
                    return self._error(405, where, method=method, allow=ALLOW), found
                return self._moved(where, path + "/"), found
            case Response():
                return target, found
            case Static() | Decoy():
                return self._static(request, where, self._file(target)), found
        if method == "OPTIONS":
            return Response(200, content_type=None, headers=(("Allow", ALLOW),)), found
        if method not in ("GET", "HEAD", "POST"):
            return self._error(405, where, method=method, allow=ALLOW), found
        own = websites.not_found_page(self._site, path)
        return (own if own is not None else self._error(404, where)), found

    def _file(self, target: Static | Decoy) -> Static:
        if isinstance(target, Static):
            return target
        text = _DOT_ENV if target.name == "env" else _GIT_CONFIG
        secrets = _decoy_secrets(self._s.facts)
        text = text.format(host=self._s.hostname, title=self._s.title, **secrets)
        return Static(text.encode(), target.mtime, None)

    def _static(self, request: Request, where: _Where, file: Static) -> Response:  # noqa: PLR0911
        """Apache's default handler: a file with its validators, 304 when the client's copy
        is current, 405 for methods a file does not take."""
        method = request.method
        if method not in ("GET", "HEAD", "POST", "OPTIONS"):
            return self._error(405, where, method=method, allow=ALLOW)
        last_modified = formatdate(int(file.mtime), usegmt=True)
        etag = f'"{len(file.body):x}-{int(file.mtime * 1_000_000):x}"'
        validators = (("Last-Modified", last_modified), ("ETag", etag), ("Accept-Ranges", "bytes"))
        if method == "OPTIONS":
            return Response(200, content_type=file.content_type, headers=(("Allow", ALLOW),))
        if _not_modified(request, etag, file.mtime):
            return Response(304, content_type=None, headers=validators, length=False)
        deflated = file.content_type is not None and file.content_type.startswith(_DEFLATED)
        vary = deflated and len(file.body) > 32
        ranges = _ranges(request.header("Range"), len(file.body))
        if ranges == []:
            page = self._error(416, where)
            return Response(416, page.body, page.content_type, chunked=True)
        if ranges:
            # Apache's boundary: the request time in microseconds, then the connection's id.
            boundary = f"{int(self._now() * 1_000_000):x}{self._connection_id:x}"
            return _partial(file, ranges, validators, vary, boundary)
        if vary and websites.accepts_gzip(request):
            # mod_deflate: zlib level 6, raw deflate, its own 10-byte header (OS unix, no
            # mtime), and "-gzip" appended to the ETag (so If-None-Match never matches it).
            gz = (("ETag", etag[:-1] + '-gzip"'), ("Accept-Ranges", "bytes"))
            headers = ((validators[0], *gz, ("Vary", "Accept-Encoding"),
                        ("Content-Encoding", "gzip")))  # fmt: skip
            return Response(200, websites.apache_gzip(file.body), file.content_type, headers)
        return Response(200, file.body, file.content_type, validators, vary=vary)

    def _moved(self, where: _Where, path: str) -> Response:
        scheme = self._s.service
        default = 443 if scheme == "https" else 80
        port = "" if where.port == default else f":{where.port}"
        location = f"{scheme}://{where.host}{port}{path}"
        note = f'The document has moved <a href="{html.escape(location)}">here</a>.'
        return self._error(301, where, note, headers=(("Location", location),))

    def _error(
        self,
        status: int,
        where: _Where,
        note: str = "",
        *,
        method: str = "",
        allow: str | None = None,
        headers: tuple[tuple[str, str], ...] = (),
    ) -> Response:
        """Apache's own error page (ap_send_error_response), its ``<address>`` line naming
        the host and port the client asked for."""
        reason = REASONS[status]
        message = _MESSAGES.get(status, "")
        if status == 405:
            message = f"The requested method {html.escape(method)} is not allowed for this URL."
        elif status in (301, 501):
            message = note
        elif note:
            message += note
        body = (
            '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN" '
            '"http://www.w3.org/TR/html4/strict.dtd">\n<html><head>\n'
            f"<title>{status} {reason}</title>\n</head><body>\n<h1>{reason}</h1>\n"
            f"<p>{message}</p>\n<hr>\n"
            f"<address>{html.escape(self._s.server)} Server at {html.escape(where.host)} "
            f"Port {where.port}</address>\n</body></html>\n"
        )
        extra = ((("Allow", allow),) if allow is not None else ()) + headers
        return Response(status, body.encode(), "text/html; charset=iso-8859-1", extra,
                        close=status in _DROPS)  # fmt: skip

    def _credentials(self, request: Request) -> list[Finding]:
        found: list[Finding] = []
        split = _split(request.target)
        path = split.path[:200] if split is not None else request.target[:200]
        auth = request.header("Authorization") or ""
        if auth[:6].lower() == "basic ":
            try:
                decoded = base64.b64decode(auth[6:].strip(), validate=True)
            except (binascii.Error, ValueError):
                decoded = b""
            user, _, password = decoded.partition(b":")
            if user or password:
                found.append(
                    findings.credential(self._s.service, user, password, method="basic", path=path)
                )
        if request.method == "POST" and path == "/xmlrpc.php" and self._s.site == "wordpress":
            logins = wordpress.xmlrpc_logins(request.body)
            for login in logins:
                found.append(
                    findings.credential(self._s.service, *login, method="xmlrpc", path=path)
                )
            if logins:
                return found
        if request.method == "POST" and request.body:
            fields = _form_fields(request)
            form_user = next((fields[k] for k in USER_FIELDS if k in fields), None)
            form_password = next((fields[k] for k in PASSWORD_FIELDS if k in fields), None)
            if form_user is not None or form_password is not None:
                found.append(
                    findings.credential(
                        self._s.service, form_user or "", form_password, method="form", path=path
                    )
                )
        return found

    def _protected(self, request: Request) -> bool:
        """Whether the request's path is behind Basic auth (so Apache answers 401 before it
        reads any body)."""
        path = _normalise(request.target)
        if path is None or self._where(request) is None:
            return False
        found = websites.resource(path, request, self._site, tried_login=False)
        return isinstance(found, Protected)

    def _keeps_alive(self, response: Response, request: Request | None) -> bool:
        """Apache's ap_set_keepalive: not after an error that drops the connection, a body
        of unknown length or left unread, a client that said close, HTTP/1.0 without
        keep-alive, or the 100th request of the connection."""
        if request is None or response.close or self._requests >= MAX_REQUESTS:
            return False
        if self._must_close:
            return False
        if (not response.length or response.chunked) and request.version < (1, 1):
            return False
        connection = (request.header("Connection") or "").lower()
        if "close" in connection:
            return False
        return request.version >= (1, 1) or "keep-alive" in connection

    def _render(self, response: Response, request: Request | None) -> bytes:
        headers = [("Date", formatdate(self._now(), usegmt=True)), ("Server", self._s.server)]
        headers.extend(response.headers)
        head_only = request is not None and request.method == "HEAD"
        # Apache counts the body it would send; for HEAD of an error page it knows none.
        body = response.body
        # A body of unknown length is chunked to an HTTP/1.1 client; to an HTTP/1.0 one it
        # ends at the close, under an HTTP/1.0 status line (Apache's downgrade).
        chunked = response.chunked and request is not None and request.version >= (1, 1)
        protocol = "HTTP/1.0" if response.chunked and not chunked else "HTTP/1.1"
        if chunked:
            body = b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
        elif response.chunked:
            pass
        elif response.length and not (head_only and response.status >= 300):
            headers.append(("Content-Length", str(len(body))))
        if response.vary:
            headers.append(("Vary", "Accept-Encoding"))
        headers.extend(response.trailing)
        if any(name == "Connection" for name, _ in response.headers):
            pass  # the application said it (PHP's header("Connection: close"))
        elif self._keeps_alive(response, request):
            assert request is not None
            if "keep-alive" in (request.header("Connection") or "").lower():
                left = MAX_REQUESTS - self._requests + 1
                headers.append(("Keep-Alive", f"timeout={KEEPALIVE_TIMEOUT}, max={left}"))
                headers.append(("Connection", "Keep-Alive"))
        else:
            headers.append(("Connection", "close"))
        if chunked and not head_only:  # after Keep-Alive and Connection, as Apache's
            headers.append(("Transfer-Encoding", "chunked"))
        if response.content_type is not None:
            headers.append(("Content-Type", response.content_type))
        lines = [f"{protocol} {response.status} {REASONS.get(response.status, 'OK')}"]
        lines.extend(f"{k}: {v}" for k, v in headers)
        head_bytes = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1", "replace")
        return head_bytes if head_only else head_bytes + body


MAX_RANGES = 200  # Apache's MaxRanges: more and the whole file is sent


def _ranges(header: str | None, size: int) -> list[tuple[int, int]] | None:
    """The byte ranges asked for, as Apache's byterange filter reads ``Range``: None to send
    the whole file (no header, or one it cannot parse), [] when none is satisfiable (416)."""
    if header is None or not header.startswith("bytes="):
        return None
    specs = header[6:].split(",")
    if len(specs) > MAX_RANGES:
        return None
    out: list[tuple[int, int]] = []
    for spec in specs:
        first, dash, last = spec.strip().partition("-")
        if not dash or not (first.isdigit() or last.isdigit()):
            return None
        if (first and not first.isdigit()) or (last and not last.isdigit()):
            return None
        if not first:  # the last N bytes
            start, end = max(size - int(last), 0), size - 1
        else:
            start, end = int(first), min(int(last), size - 1) if last else size - 1
            if last and int(last) < start:
                return None
        if start < size and size:
            out.append((start, end))
    return out


def _partial(
    file: Static,
    ranges: list[tuple[int, int]],
    validators: tuple[tuple[str, str], ...],
    vary: bool,
    boundary: str,
) -> Response:
    """206: one range with Content-Range, several as multipart/byteranges."""
    size = len(file.body)
    if len(ranges) == 1:
        start, end = ranges[0]
        content_range = (("Content-Range", f"bytes {start}-{end}/{size}"),)
        return Response(206, file.body[start : end + 1], file.content_type, validators,
                        vary=vary, trailing=content_range)  # fmt: skip
    parts = bytearray()
    for start, end in ranges:
        parts += f"\r\n--{boundary}\r\n".encode()
        if file.content_type is not None:
            parts += f"Content-type: {file.content_type}\r\n".encode()
        parts += f"Content-range: bytes {start}-{end}/{size}\r\n\r\n".encode()
        parts += file.body[start : end + 1]
    parts += f"\r\n--{boundary}--\r\n".encode()
    kind = f"multipart/byteranges; boundary={boundary}"
    return Response(206, bytes(parts), kind, validators, vary=vary)


def _expects_continue(request: Request) -> bool:
    expect = (request.header("Expect") or "").lower()
    return request.version >= (1, 1) and expect == "100-continue"


def _not_modified(request: Request, etag: str, mtime: float) -> bool:
    """RFC 9110 13.2.2 as Apache applies it: If-None-Match decides when present."""
    match = request.header("If-None-Match")
    if match is not None:
        tags = [t.strip().removeprefix("W/") for t in match.split(",")]
        return "*" in tags or etag in tags
    since = request.header("If-Modified-Since")
    if since is None:
        return False
    try:
        when = parsedate_to_datetime(since).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return False
    return int(mtime) <= when


#: A path no site has: where Apache answers 404 whatever is there (%2f, %00).
UNMAPPED = "/\x00"


def _split(target: str) -> SplitResult | None:
    """urlsplit, or None for a target it refuses (``http://[x/``: an unclosed IPv6 host)."""
    try:
        return urlsplit(target)
    except ValueError:
        return None


def _normalise(target: str) -> str | None:
    """The path Apache maps, or None where it answers 400: unreserved characters decoded
    (``%2e`` is a dot), dot segments resolved, a climb above the root refused; runs of
    slashes merged (MergeSlashes On)."""
    if "://" in target[:10]:
        split = _split(target)
        if split is None:
            return None
        target = split.path or "/"
    if not target.startswith("/"):
        return None
    raw = target.split("?", 1)[0]
    decoded = bytearray()
    i = 0
    while i < len(raw):
        c = raw[i]
        if c == "%":
            pair = raw[i + 1 : i + 3]
            if len(pair) != 2 or any(ch not in "0123456789abcdefABCDEF" for ch in pair):
                return None
            byte = int(pair, 16)
            if byte in {0x00, 0x2F}:
                return UNMAPPED  # %00, and %2f under AllowEncodedSlashes Off: a 404
            decoded.append(byte)
            i += 3
            continue
        decoded += c.encode("latin-1", "replace")
        i += 1
    segments: list[str] = []
    for part in decoded.decode("latin-1").split("/")[1:]:
        if part == "..":
            if not segments:
                return None
            segments.pop()
        elif part not in (".", ""):
            segments.append(part)
    trailing = decoded.endswith(b"/") or decoded.endswith(b"/.") or decoded.endswith(b"/..")
    path = "/" + "/".join(segments)
    return path + "/" if trailing and path != "/" else path


def _parse_head(head: bytes) -> Request:
    lines = head.replace(b"\r\n", b"\n").rstrip(b"\n").split(b"\n")
    m09 = _HTTP09.match(lines[0])
    if m09 is not None:
        return Request("GET", m09.group(1).decode("latin-1"), (0, 9), (), b"", 0)
    m = _REQUEST_LINE.match(lines[0])
    if m is None or m.group(3) == b"0" or _FRAGMENT in m.group(2):  # no fragment in a target
        raise HttpError(400)
    headers: list[tuple[str, str]] = []
    for raw in lines[1:]:
        if raw[:1] in (b" ", b"\t") and headers:  # obs-fold: Apache joins it to the last
            last, before = headers[-1]
            folded = before + " " + raw.strip().decode("latin-1")
            headers[-1] = (last, findings.text(folded, MAX_HEADER_VALUE))
            continue
        name, sep, value = raw.partition(b":")
        if not sep or _FIELD_NAME.match(name) is None:
            raise HttpError(400)
        headers.append((findings.text(name, 64), findings.text(value.strip(), MAX_HEADER_VALUE)))
    method = m.group(1).decode("ascii")
    target = m.group(2).decode("latin-1")
    return Request(method, target, (int(m.group(3)), int(m.group(4))), tuple(headers), b"", 0)


def _chunked(request: Request) -> bool:
    """Whether the body is chunked: Apache takes a Transfer-Encoding only when its last
    coding is ``chunked`` (400 otherwise, before it looks at the Host)."""
    value = request.header("Transfer-Encoding")
    if value is None:
        return False
    if value.split(",")[-1].strip().lower() != "chunked":
        raise HttpError(400)
    return True


def _content_length(request: Request) -> int:
    """The body length to read: 0 without one."""
    value = request.header("Content-Length")
    if value is None:
        return 0
    value = value.strip()
    if not value.isdigit() or len(value) > 12:
        raise HttpError(400)
    return int(value)


def _form_fields(request: Request) -> dict[str, str]:
    kind = (request.header("Content-Type") or "").lower()
    body = request.body.decode("utf-8", "backslashreplace")
    fields: dict[str, str] = {}
    if "json" in kind:
        try:
            doc = json.loads(body)
        except (ValueError, RecursionError):
            return {}
        if isinstance(doc, dict):
            fields = {str(k).lower(): str(v) for k, v in list(doc.items())[:64]}
    else:
        try:
            pairs = parse_qsl(body, keep_blank_values=True, max_num_fields=64)
        except ValueError:
            return {}
        fields = {k.lower(): v for k, v in pairs}
    return fields


def _describe(request: Request, status: int) -> dict[str, JSONValue]:
    split = _split(request.target) if request.target.startswith(("/", "http")) else None
    return {
        "method": request.method,
        "path": findings.text(split.path if split else request.target, 2048),
        "query": findings.text(split.query, 2048) if split else "",
        "version": f"{request.version[0]}.{request.version[1]}",
        "headers": dict(request.headers[:MAX_HEADERS]),
        "user_agent": request.header("User-Agent"),
        "host": request.header("Host"),
        "body": findings.text(request.body, 4096),
        "body_bytes": request.body_bytes,
        "status": status,
        "proxy_probe": request.method == "CONNECT" or request.target.startswith("http"),
    }


_MESSAGES = {
    400: "Your browser sent a request that this server could not understand.<br />\n",
    401: "This server could not verify that you\nare authorized to access the document\n"
    "requested.  Either you supplied the wrong\ncredentials (e.g., bad password), or your\n"
    "browser doesn't understand how to supply\nthe credentials required.",
    403: "You don't have permission to access this resource.",
    404: "The requested URL was not found on this server.",
    408: "Server timeout waiting for the HTTP request from the client.",
    414: "The requested URL's length exceeds the capacity\nlimit for this server.<br />\n",
    416: "None of the range-specifier values in the Range\nrequest-header field overlap the "
    "current extent\nof the selected resource.",
}


_DOT_ENV = """APP_NAME="{title}"
APP_ENV=production
APP_KEY={app_key}
APP_DEBUG=false
APP_URL=https://{host}

LOG_CHANNEL=stack

DB_CONNECTION=mysql
DB_HOST={db_host}
DB_PORT=3306
DB_DATABASE={app}
DB_USERNAME={app}
DB_PASSWORD={db_password}

REDIS_HOST={redis_host}
REDIS_PASSWORD=null
REDIS_PORT=6379

MAIL_MAILER=smtp
MAIL_HOST=smtp.{host}
MAIL_PORT=587
MAIL_USERNAME=noreply@{host}
MAIL_PASSWORD={mail_password}

AWS_ACCESS_KEY_ID={aws_key_id}
AWS_SECRET_ACCESS_KEY={aws_secret}
AWS_DEFAULT_REGION=eu-central-1
"""

_GIT_CONFIG = """[core]
\trepositoryformatversion = 0
\tfilemode = true
\tbare = false
\tlogallrefupdates = true
[remote "origin"]
\turl = https://deploy:{git_token}@git.{host}/web/{app}.git
\tfetch = +refs/heads/*:refs/remotes/origin/*
[branch "main"]
\tremote = origin
\tmerge = refs/heads/main
"""


def _decoy_secrets(facts: NodeFacts) -> dict[str, str]:
    """The decoy files' secrets, the node's own (``facts.py``): no two nodes share one."""
    return {
        "app_key": facts.app_key,
        "app": facts.app_slug,
        "db_host": str(facts.neighbour("db")),
        "db_password": facts.password("db"),
        "redis_host": str(facts.neighbour("redis")),
        "mail_password": facts.password("mail"),
        "aws_key_id": facts.aws_key_id,
        "aws_secret": facts.aws_secret,
        "git_token": facts.git_token,
    }


def plain_http_on_tls_port(settings: HttpSettings, now: Callable[[], float]) -> bytes:
    """Apache's answer to plain HTTP sent to its TLS port."""
    body = (
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN" '
        '"http://www.w3.org/TR/html4/strict.dtd">\n<html><head>\n'
        "<title>400 Bad Request</title>\n</head><body>\n<h1>Bad Request</h1>\n"
        "<p>Your browser sent a request that this server could not understand.<br />\n"
        "Reason: You're speaking plain HTTP to an SSL-enabled server port.<br />\n"
        " Instead use the HTTPS scheme to access this URL, please.<br />\n</p>\n<hr>\n"
        f"<address>{html.escape(settings.server)} Server at {html.escape(settings.hostname)} "
        f"Port {settings.port}</address>\n</body></html>\n"
    ).encode()
    head = (
        f"HTTP/1.1 400 Bad Request\r\nDate: {formatdate(now(), usegmt=True)}\r\n"
        f"Server: {settings.server}\r\nContent-Length: {len(body)}\r\nConnection: close\r\n"
        "Content-Type: text/html; charset=iso-8859-1\r\n\r\n"
    )
    return head.encode("latin-1", "replace") + body
