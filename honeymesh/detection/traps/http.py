"""The HTTP trap: a plausible Apache with the pages scanners and brute-forcers come for.

``HttpDialogue`` parses requests incrementally (request line and headers up to
``MAX_HEADER_BYTES``, a ``Content-Length`` body of which ``max_body`` bytes are kept), answers
each one with realistic headers and a page, and reports every request as a ``trap.request``
finding. Login forms (``/wp-login.php``, ``/admin``, ``/login``, phpMyAdmin), HTTP Basic
authentication and JSON logins become ``trap.credential`` findings. ``/.env`` and ``/.git/config``
serve decoy secrets. Keep-alive is honoured up to ``MAX_REQUESTS`` per connection; malformed
requests get Apache's 400 and the connection ends.
"""

from __future__ import annotations

import base64
import binascii
import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import formatdate
from urllib.parse import parse_qsl, urlsplit

from honeymesh.detection.traps import findings
from honeymesh.detection.traps.base import Finding, Step
from honeymesh.events import JSONValue

MAX_HEADER_BYTES = 16 * 1024
MAX_HEADERS = 48
MAX_REQUESTS = 100
MAX_HEADER_VALUE = 512
_REQUEST_LINE = re.compile(rb"^([!#$%&'*+.^_`|~0-9A-Za-z-]{1,32}) (\S{1,8190}) HTTP/(\d)\.(\d)$")
_KNOWN_METHODS = {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "CONNECT"}
USER_FIELDS = ("log", "user", "username", "login", "email", "user_login", "usr", "pma_username",
               "name", "uname", "userid")  # fmt: skip
PASSWORD_FIELDS = ("pwd", "pass", "password", "passwd", "user_password", "pma_password", "pw",
                   "secret")  # fmt: skip


@dataclass(frozen=True)
class HttpSettings:
    server: str
    powered_by: str
    hostname: str
    title: str
    max_body: int
    port: int = 80  # named in error pages, as Apache does
    service: str = "http"  # "https" inside the TLS trap


@dataclass(frozen=True)
class Request:
    method: str
    target: str
    version: tuple[int, int]
    headers: tuple[tuple[str, str], ...]
    body: bytes
    body_bytes: int

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((v for k, v in self.headers if k.lower() == name), None)


class _Pending:
    """A request whose headers are in and whose body is still arriving."""

    def __init__(self, request: Request, length: int) -> None:
        self.request = request
        self.length = length
        self.remaining = length
        self.kept = bytearray()


@dataclass(frozen=True)
class Response:
    status: int
    reason: str
    body: bytes
    content_type: str = "text/html; charset=UTF-8"
    extra: tuple[tuple[str, str], ...] = ()


class HttpDialogue:
    def __init__(self, settings: HttpSettings, now: Callable[[], float]) -> None:
        self._s = settings
        self._now = now
        self._buffer = bytearray()
        self._pending: _Pending | None = None  # headers parsed, body still coming
        self._requests = 0
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
            request, malformed = self._next_request()
            if malformed:
                reply += self._render(_error_page(self._s, 400, "Bad Request"), head=False,
                                      keep_alive=False)  # fmt: skip
                self.detail["malformed"] = True
                close = True
                break
            if request is None:
                break
            self._requests += 1
            response, more = self._answer(request)
            found.extend(more)
            keep_alive = _keep_alive(request) and self._requests < MAX_REQUESTS
            reply += self._render(response, head=request.method == "HEAD", keep_alive=keep_alive)
            found.append(findings.request(self._s.service, _describe(request, response.status)))
            self._paths = findings.listed(self._paths, f"{request.method} {request.target[:200]}")
            self.detail.update(requests=self._requests, paths=self._paths)
            close = not keep_alive
        return Step(reply=bytes(reply), close=close, detail=self.detail, findings=tuple(found))

    # Parsing ---------------------------------------------------------------------------------

    def _next_request(self) -> tuple[Request | None, bool]:
        """The next complete request, (None, False) for more bytes, (None, True) if malformed."""
        if self._pending is None:
            end = self._buffer.find(b"\r\n\r\n")
            sep = 4
            if end < 0:
                end, sep = self._buffer.find(b"\n\n"), 2
            if end < 0:
                return None, len(self._buffer) > MAX_HEADER_BYTES
            if end > MAX_HEADER_BYTES:
                return None, True
            head = bytes(self._buffer[:end])
            del self._buffer[: end + sep]
            parsed = _parse_head(head)
            length = None if parsed is None else _content_length(parsed)
            if parsed is None or length is None:
                return None, True
            self._pending = _Pending(parsed, length)
        pending = self._pending
        # Take what belongs to the body; keep at most max_body of it, count the rest.
        take = min(pending.remaining, len(self._buffer))
        room = self._s.max_body - len(pending.kept)
        pending.kept += self._buffer[: min(take, max(room, 0))]
        del self._buffer[:take]
        pending.remaining -= take
        if pending.remaining:
            return None, False
        self._pending = None
        r = pending.request
        return Request(r.method, r.target, r.version, r.headers, bytes(pending.kept),
                       pending.length), False  # fmt: skip

    # Answering -------------------------------------------------------------------------------

    def _answer(self, request: Request) -> tuple[Response, list[Finding]]:
        found = list(self._credentials(request))
        method = request.method
        if method not in _KNOWN_METHODS:
            return _error_page(self._s, 501, "Not Implemented"), found
        if method == "CONNECT":
            return _error_page(self._s, 400, "Bad Request"), found
        if method == "OPTIONS":
            return Response(200, "OK", b"", extra=(("Allow", "GET,POST,OPTIONS,HEAD"),)), found
        if method not in ("GET", "HEAD", "POST"):
            return _error_page(self._s, 405, "Method Not Allowed"), found
        path = urlsplit(request.target).path or "/"
        page = _route(self._s, path.lower(), request, bool(found))
        return page, found

    def _credentials(self, request: Request) -> list[Finding]:
        found: list[Finding] = []
        path = urlsplit(request.target).path[:200]
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

    def _render(self, response: Response, *, head: bool, keep_alive: bool) -> bytes:
        headers = [
            ("Date", formatdate(self._now(), usegmt=True)),
            ("Server", self._s.server),
        ]
        if self._s.powered_by:
            headers.append(("X-Powered-By", self._s.powered_by))
        headers.extend(response.extra)
        headers.append(("Content-Length", str(len(response.body))))
        if keep_alive:
            headers.append(("Keep-Alive", "timeout=5, max=100"))
        headers.append(("Connection", "Keep-Alive" if keep_alive else "close"))
        if response.body or response.status != 200:
            headers.append(("Content-Type", response.content_type))
        lines = [f"HTTP/1.1 {response.status} {response.reason}"]
        lines.extend(f"{k}: {v}" for k, v in headers)
        head_bytes = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1", "replace")
        return head_bytes if head else head_bytes + response.body


def _parse_head(head: bytes) -> Request | None:
    lines = head.replace(b"\r\n", b"\n").split(b"\n")
    m = _REQUEST_LINE.match(lines[0].strip())
    if m is None:
        return None
    headers: list[tuple[str, str]] = []
    for raw in lines[1:]:
        name, sep, value = raw.partition(b":")
        if not sep or not name or name != name.strip():
            return None
        if len(headers) < MAX_HEADERS:
            headers.append(
                (findings.text(name, 64), findings.text(value.strip(), MAX_HEADER_VALUE))
            )
    method = m.group(1).decode("ascii")
    target = m.group(2).decode("latin-1")
    return Request(method, target, (int(m.group(3)), int(m.group(4))), tuple(headers), b"", 0)


def _content_length(request: Request) -> int | None:
    """The body length to read: 0 without one (chunked bodies are not read), None if invalid."""
    value = request.header("Content-Length")
    if value is None:
        return 0
    value = value.strip()
    if not value.isdigit() or len(value) > 12:
        return None
    return int(value)


def _keep_alive(request: Request) -> bool:
    connection = (request.header("Connection") or "").lower()
    if request.header("Transfer-Encoding"):
        return False  # a chunked body we did not read would be taken for the next request
    if request.version >= (1, 1):
        return "close" not in connection
    return "keep-alive" in connection


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
    split = urlsplit(request.target) if request.target.startswith(("/", "http")) else None
    return {
        "method": request.method,
        "path": findings.text(split.path if split else request.target, 2048),
        "query": findings.text(split.query, 2048) if split else "",
        "version": f"{request.version[0]}.{request.version[1]}",
        "headers": {k: v for k, v in request.headers},
        "user_agent": request.header("User-Agent"),
        "host": request.header("Host"),
        "body": findings.text(request.body, 4096),
        "body_bytes": request.body_bytes,
        "status": status,
        "proxy_probe": request.method == "CONNECT" or request.target.startswith("http"),
    }


# Pages ------------------------------------------------------------------------------------------

_LOGIN_PATHS = {
    "/login", "/login.php", "/admin", "/admin/", "/admin/login", "/admin/login.php", "/admin.php",
    "/administrator", "/administrator/", "/user/login", "/phpmyadmin", "/phpmyadmin/",
    "/pma/", "/signin", "/auth/login", "/console", "/dashboard",
}  # fmt: skip


def _route(s: HttpSettings, path: str, request: Request, tried_login: bool) -> Response:  # noqa: PLR0911
    if path in ("/", "/index.html", "/index.php"):
        return Response(200, "OK", _page(s.title, _login_form(s, "/login", "")))
    if path == "/wp-login.php":
        error = ""
        if request.method == "POST":
            user = _form_fields(request).get("log", "")
            error = (
                '<div id="login_error"><strong>Error:</strong> The password you entered for '
                f"the username <strong>{html.escape(user[:60])}</strong> is incorrect.</div>"
            )
        return Response(
            200, "OK", _wordpress(s, error), extra=(("Expires", "Wed, 11 Jan 1984 05:00:00 GMT"),)
        )
    if path.startswith("/wp-admin"):
        location = "/wp-login.php?redirect_to=%2Fwp-admin%2F&reauth=1"
        return Response(302, "Found", b"", extra=(("Location", location),))
    if path == "/xmlrpc.php":
        if request.method != "POST":
            return Response(
                405,
                "Method Not Allowed",
                b"XML-RPC server accepts POST requests only.",
                "text/plain; charset=UTF-8",
            )
        fault = (
            '<?xml version="1.0" encoding="UTF-8"?>\n<methodResponse><fault><value><struct>'
            "<member><name>faultCode</name><value><int>403</int></value></member><member><name>"
            "faultString</name><value><string>Incorrect username or password.</string></value>"
            "</member></struct></value></fault></methodResponse>\n"
        )
        return Response(200, "OK", fault.encode(), "text/xml; charset=UTF-8")
    if path in _LOGIN_PATHS:
        error = "Invalid username or password." if request.method == "POST" or tried_login else ""
        return Response(200, "OK", _page(f"{s.title} - Sign in", _login_form(s, path, error)))
    if path == "/.env":
        return Response(200, "OK", _DOT_ENV.format(host=s.hostname).encode(), "text/plain")
    if path == "/.git/config":
        return Response(200, "OK", _GIT_CONFIG.format(host=s.hostname).encode(), "text/plain")
    if path == "/robots.txt":
        return Response(
            200, "OK", b"User-agent: *\nDisallow: /admin/\nDisallow: /backup/\n", "text/plain"
        )
    if path in ("/server-status", "/server-info", "/.htaccess", "/.htpasswd"):
        return _error_page(s, 403, "Forbidden")
    if path.startswith("/manager/html"):
        page = _error_page(s, 401, "Unauthorized")
        realm = (("WWW-Authenticate", 'Basic realm="Tomcat Manager Application"'),)
        return Response(page.status, page.reason, page.body, extra=realm)
    return _error_page(s, 404, "Not Found")


_MESSAGES = {
    400: "Your browser sent a request that this server could not understand.<br />\n",
    401: "This server could not verify that you\nare authorized to access the document\n"
    "requested.  Either you supplied the wrong\ncredentials (e.g., bad password), or your\n"
    "browser doesn't understand how to supply\nthe credentials required.",
    403: "You don't have permission to access this resource.",
    404: "The requested URL was not found on this server.",
    405: "The requested method is not allowed for this URL.",
    501: "The requested method is not supported by this server.<br />\n",
}


def _error_page(s: HttpSettings, status: int, reason: str) -> Response:
    body = (
        '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n'
        f"<title>{status} {reason}</title>\n</head><body>\n<h1>{reason}</h1>\n"
        f"<p>{_MESSAGES.get(status, '')}</p>\n<hr>\n"
        f"<address>{html.escape(s.server)} Server at {html.escape(s.hostname)} Port {s.port}"
        "</address>\n</body></html>\n"
    )
    return Response(status, reason, body.encode(), "text/html; charset=iso-8859-1")


def _page(title: str, body: str) -> bytes:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<style>body{font-family:sans-serif;background:#f3f4f6}form{max-width:320px;margin:80px "
        "auto;padding:24px;background:#fff;border-radius:6px}input{display:block;width:100%;"
        "margin:8px 0;padding:8px}.err{color:#b91c1c}</style>\n</head>\n<body>\n"
        f"{body}\n</body>\n</html>\n"
    ).encode()


def _login_form(s: HttpSettings, action: str, error: str) -> str:
    message = f'<p class="err">{html.escape(error)}</p>' if error else ""
    return (
        f'<form method="post" action="{html.escape(action)}">\n<h2>{html.escape(s.title)}</h2>\n'
        f"{message}\n"
        '<label>Username<input type="text" name="username" autocomplete="username"></label>\n'
        '<label>Password<input type="password" name="password" '
        'autocomplete="current-password"></label>\n'
        '<input type="submit" value="Sign in">\n</form>'
    )


def _wordpress(s: HttpSettings, error: str) -> bytes:
    return (
        '<!DOCTYPE html>\n<html lang="en-US">\n<head>\n<meta http-equiv="Content-Type" '
        'content="text/html; charset=UTF-8" />\n'
        f"<title>Log In &lsaquo; {html.escape(s.title)} &#8212; WordPress</title>\n"
        "<meta name='robots' content='max-image-preview:large, noindex, noarchive' />\n"
        "<link rel='stylesheet' href='/wp-admin/load-styles.php?c=0&amp;dir=ltr&amp;"
        "load%5Bchunk_0%5D=dashicons,buttons,forms,l10n,login&amp;ver=6.6.2' media='all' />\n"
        '</head>\n<body class="login no-js login-action-login wp-core-ui  locale-en-us">\n'
        f'<div id="login">\n<h1><a href="https://wordpress.org/">Powered by WordPress</a></h1>\n'
        f"{error}\n"
        '<form name="loginform" id="loginform" action="/wp-login.php" method="post">\n'
        '<p><label for="user_login">Username or Email Address</label>\n'
        '<input type="text" name="log" id="user_login" class="input" value="" '
        'size="20" autocapitalize="off" autocomplete="username" required="required" /></p>\n'
        '<div class="user-pass-wrap"><label for="user_pass">Password</label>\n'
        '<input type="password" name="pwd" id="user_pass" class="input password-input" '
        'value="" size="20" autocomplete="current-password" required="required" /></div>\n'
        '<p class="forgetmenot"><input name="rememberme" type="checkbox" id="rememberme" '
        'value="forever"  /> <label for="rememberme">Remember Me</label></p>\n'
        '<p class="submit"><input type="submit" name="wp-submit" id="wp-submit" '
        'class="button button-primary button-large" value="Log In" />\n'
        '<input type="hidden" name="redirect_to" value="/wp-admin/" />\n'
        '<input type="hidden" name="testcookie" value="1" /></p>\n</form>\n</div>\n'
        "</body>\n</html>\n"
    ).encode()


_DOT_ENV = """APP_NAME=Intranet
APP_ENV=production
APP_KEY=base64:Q2hhbmdlTWVJbVByb2R1Y3Rpb24hIVNlcmlvdXNseSE=
APP_DEBUG=false
APP_URL=https://{host}

LOG_CHANNEL=stack

DB_CONNECTION=mysql
DB_HOST=10.0.3.31
DB_PORT=3306
DB_DATABASE=intranet
DB_USERNAME=intranet
DB_PASSWORD=Wint3r2024!intranet

REDIS_HOST=10.0.3.32
REDIS_PASSWORD=null
REDIS_PORT=6379

MAIL_MAILER=smtp
MAIL_HOST=smtp.{host}
MAIL_PORT=587
MAIL_USERNAME=noreply@{host}
MAIL_PASSWORD=Mailer#2024

AWS_ACCESS_KEY_ID=AKIAQXH4Z2NO7EXAMPLE
AWS_SECRET_ACCESS_KEY=hX8uXqzP4Xj1vQk3EXAMPLEr9wLhYb0T2sKfN6aR
AWS_DEFAULT_REGION=eu-central-1
"""

_GIT_CONFIG = """[core]
\trepositoryformatversion = 0
\tfilemode = true
\tbare = false
\tlogallrefupdates = true
[remote "origin"]
\turl = https://deploy:ghp_x7Kq2mVb9EXAMPLEt0kEn4RgZ1wP3sLd8Hy@git.{host}/web/intranet.git
\tfetch = +refs/heads/*:refs/remotes/origin/*
[branch "main"]
\tremote = origin
\tmerge = refs/heads/main
"""


def plain_http_on_tls_port(settings: HttpSettings, now: Callable[[], float]) -> bytes:
    """Apache's answer to plain HTTP sent to its TLS port."""
    body = (
        '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n'
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
