"""phpMyAdmin as Debian 12's ``phpmyadmin`` package (4:5.2.1+dfsg-1+deb12u1) serves it.

Its /etc/phpmyadmin/apache.conf puts /usr/share/phpmyadmin under ``/phpmyadmin`` (templates/
and libraries/ denied; no setup/, README or ChangeLog there: Debian keeps those elsewhere),
cookie authentication against the local MariaDB. Every login fails as it fails there for a
user MariaDB does not let in by password (``(HY000/1698): Access denied``). Diffed against the
real package under apache2 with mod_php (tests/fidelity/test_webapps.py).

The login page is phpMyAdmin's own output, captured from the real package by
tests/fidelity/capture_webapps.py with its per-request values made placeholders
(www/phpmyadmin-*): phpMyAdmin is GPL-2.0-or-later, and so are these templates.
"""

from __future__ import annotations

import html
import importlib.resources
import re
import secrets
from email.utils import formatdate
from urllib.parse import parse_qsl

from honeymesh.detection.traps.websites import (
    Directory,
    Forbidden,
    Request,
    Resource,
    Response,
    SiteContext,
    Static,
    accepts_gzip,
    apache_gzip,
    php_escape,
)

VERSION = "5.2.1deb1+deb12u1"  # what its assets' ?v= and CommonParams say
_LANG_AGE = 2_592_000  # pma_lang's Max-Age: 30 days
_SID_ALPHABET = "0123456789abcdefghijklmnopqrstuv"  # PHP's session ids, 5 bits a character


def _template(name: str) -> str:
    path = importlib.resources.files("honeymesh.detection.traps").joinpath("www", name)
    return path.read_bytes().decode("utf-8")


def _shipped(name: str) -> bytes:
    return importlib.resources.files("honeymesh.detection.traps").joinpath("www", name).read_bytes()


LOGIN = _template("phpmyadmin-login.html")
#: Where the failed-login page says why: its alert, and MariaDB's refusal below the form.
_CANNOT = "> Cannot log in to the MySQL server\n"
_EMPTY_REFUSED = "> Login without a password is forbidden by configuration (see AllowNoPassword)\n"
_REFUSAL = re.compile(r'  <div id="pma_errors">\n.*?@@DENIED@@</div>\n(?:  </div>\n){3}', re.S)
_PACKAGE_MTIME = 1_675_805_711.0  # the package's own files (robots.txt, favicon.ico)
#: Files Apache serves as they are: the documentation names the version, the favicon is
#: what nmap's http-favicon fingerprints.
FILES: dict[str, Static] = {
    "/phpmyadmin/robots.txt": Static(b"User-agent: *\nDisallow: /\n", _PACKAGE_MTIME, "text/plain"),
    "/phpmyadmin/favicon.ico": Static(
        _shipped("phpmyadmin-favicon.ico"), _PACKAGE_MTIME, "image/vnd.microsoft.icon"
    ),
    "/phpmyadmin/doc/html/index.html": Static(
        _shipped("phpmyadmin-doc-index.html"), 1_744_125_951.0, "text/html"
    ),
}
LOGIN_FAILED = _template("phpmyadmin-login-failed.html")
_PLACEHOLDER = re.compile(r"@@([A-Z_0-9]+)@@")
_POLICY = (
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "no-referrer"),
    ("Content-Security-Policy", "default-src 'self' ;script-src 'self' 'unsafe-inline' "
     "'unsafe-eval' ;style-src 'self' 'unsafe-inline' ;img-src 'self' data:  "
     "*.tile.openstreetmap.org;object-src 'none';"),
    ("X-Content-Security-Policy", "default-src 'self' ;options inline-script eval-script;"
     "referrer no-referrer;img-src 'self' data:  *.tile.openstreetmap.org;object-src 'none';"),
    ("X-WebKit-CSP", "default-src 'self' ;script-src 'self'  'unsafe-inline' 'unsafe-eval';"
     "referrer no-referrer;style-src 'self' 'unsafe-inline' ;img-src 'self' data:  "
     "*.tile.openstreetmap.org;object-src 'none';"),
    ("X-XSS-Protection", "1; mode=block"),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Permitted-Cross-Domain-Policies", "none"),
    ("X-Robots-Tag", "noindex, nofollow"),
)  # fmt: skip
_CACHE = "no-store, no-cache, must-revalidate, pre-check=0, post-check=0, max-age=0"
_HTML = "text/html; charset=utf-8"


def session_id() -> str:
    return "".join(secrets.choice(_SID_ALPHABET) for _ in range(26))


def _cookie(sid: str) -> tuple[str, str]:
    return ("Set-Cookie", f"phpMyAdmin={sid}; path=/phpmyadmin/; HttpOnly; SameSite=Strict")


def resource(path: str, request: Request, ctx: SiteContext) -> Resource:
    if path == "/phpmyadmin":
        return Directory()
    if path in FILES:
        return FILES[path]
    if path in ("/phpmyadmin/libraries/", "/phpmyadmin/templates/", "/phpmyadmin/doc/",
                "/phpmyadmin/doc/html/"):  # fmt: skip
        return Forbidden()  # apache.conf's "Require all denied", and no index in doc/
    if path.startswith(("/phpmyadmin/libraries/", "/phpmyadmin/templates/")):
        return Forbidden()
    if path not in ("/phpmyadmin/", "/phpmyadmin/index.php"):
        return None
    return _login(request, ctx)


def _login(request: Request, ctx: SiteContext) -> Response:
    """The login form; after a POST with a user name, the same form saying why MariaDB
    refused it (phpMyAdmin starts a new session for every failed attempt)."""
    now = ctx.now()
    stamp = formatdate(now, usegmt=False).replace("-0000", "+0000")
    first, second = session_id(), session_id()
    # A login it tries: a POST from a browser holding a session (a POST with no session
    # cookie gets the bare form again, as from the real one).
    cookie = request.header("Cookie") or ""
    tried = request.method == "POST" and "phpMyAdmin=" in cookie
    user = _field(request, "pma_username") if tried else None
    values = {"TOKEN": secrets.token_hex(16), "SESSION": second}
    if user is None:
        headers: tuple[tuple[str, str], ...] = (
            _cookie(first), ("Expires", stamp), ("Cache-Control", _CACHE),
            ("Last-Modified", stamp), _cookie(first),
            ("Set-Cookie", f"pma_lang=en; expires={formatdate(now + _LANG_AGE, usegmt=True)}; "
             f"Max-Age={_LANG_AGE}; path=/phpmyadmin/; HttpOnly; SameSite=Strict"),
            _cookie(second), ("X-ob_mode", "1"), *_POLICY, ("Pragma", "no-cache"),
        )  # fmt: skip
        page = LOGIN
    else:
        headers = (
            _cookie(first), ("Expires", stamp), ("Cache-Control", _CACHE),
            ("Last-Modified", stamp), _cookie(second),
            ("Set-Cookie", "pmaAuth-1=deleted; expires=Thu, 01 Jan 1970 00:00:01 GMT; "
             "Max-Age=0; path=/phpmyadmin/"),
            ("X-ob_mode", "1"), ("Pragma", "no-cache"), *_POLICY,
        )  # fmt: skip
        values["USER"] = php_escape(user)
        password = _field(request, "pma_password")
        values["DENIED"] = _denied(user, password)
        values["USER_JS"] = _js_string(user)
        page = LOGIN_FAILED
        if not password:  # AllowNoPassword is false: it never asks MariaDB
            page = _REFUSAL.sub("", page.replace(_CANNOT, _EMPTY_REFUSED))
    body = _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), page).encode()
    vary = ("Vary", "Accept-Encoding")
    if accepts_gzip(request) and request.method != "HEAD":
        # phpMyAdmin compresses its own output (PHP's ob_gzhandler), which names the
        # encoding before mod_deflate's Vary, and is sent whole with its length.
        gz = ("Content-Encoding", "gzip")
        return Response(200, apache_gzip(body), _HTML, (*headers, gz, vary))
    return Response(200, body, _HTML, (*headers, vary), chunked=True)


def _denied(user: str, password: str) -> str:
    """MariaDB's refusal: root logs in by unix_socket only (Debian's setup: 1698, no word
    of a password); anyone else is refused with the password's presence named (1045).
    phpMyAdmin escapes the message twice: htmlspecialchars' old default (no single
    quotes), then its template's (all of them)."""
    if user == "root":
        said = "(HY000/1698): Access denied for user 'root'@'localhost'"
    else:
        used = "YES" if password else "NO"
        said = f"(HY000/1045): Access denied for user '{user}'@'localhost' (using password: {used})"
    return php_escape(html.escape(said, quote=False).replace('"', "&quot;"))


def _js_string(text: str) -> str:
    """phpMyAdmin's Sanitize::escapeJsString, for the user name in CommonParams."""
    table = str.maketrans(
        {"\0": "", "\\": "\\\\", "'": "\\'", '"': '\\"', "\n": "\\n", "\r": "\\r"}
    )
    return re.sub("(?i)</script", "</' + 'script", text.translate(table))


def _field(request: Request, name: str) -> str:
    body = request.body.decode("utf-8", "replace")
    try:
        return dict(parse_qsl(body, keep_blank_values=True, max_num_fields=64)).get(name, "")
    except ValueError:
        return ""
