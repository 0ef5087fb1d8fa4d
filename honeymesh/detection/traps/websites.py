"""What a persona's web site has at each path: one application per site, as one real box has.

A scanner that finds WordPress, Laravel and phpMyAdmin answering on one host knows it is not
talking to a real server, so each HTTP persona picks one ``site``:

- ``default``: what a fresh Debian 12 ``apache2`` shows, the package's "Apache2 Debian Default
  Page: It works" at ``/`` (served from a copy of Debian's own file, byte for byte), plus a
  directory behind Basic auth (``/admin/``), as admins add one.
- ``phpmyadmin``: the default page as above, and Debian's phpMyAdmin 5.2.1 under
  ``/phpmyadmin/`` (``phpmyadmin.py``: its login form; every login is refused as MariaDB
  refuses it).
- ``wordpress``: Debian's WordPress 6.1.9 at the document root (``wordpress.py``: its home
  page, ``/wp-login.php``, ``/wp-admin/``, ``/xmlrpc.php``, the REST API's index and users,
  its theme's 404 page for unknown paths, as its rewrite rules send them to ``index.php``),
  and the ``.git/config`` of the deployment.
- ``laravel``: a Laravel application at the root, its login form, its own 404 page, and the
  ``.env`` and ``.git/config`` of a project whose root is the document root (the classic leak).

Everything a site does not claim is Apache's own answer (``http.py``): 404, 403 for
``/.ht*`` and ``/server-status`` (as to a remote client), ``/icons/``, the trailing-slash
redirect of a directory. Pure data and routing: no I/O beyond reading the package's files.
"""

from __future__ import annotations

import functools
import html
import importlib.resources
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Literal

SITES = ("default", "wordpress", "phpmyadmin", "laravel")
Site = Literal["default", "wordpress", "phpmyadmin", "laravel"]

#: apache2-data 2.4.71-1~deb12u1: its files carry the package's build time as their mtime.
APACHE_DATA_MTIME = 1_794_473_921.0
REALM = "Restricted"  # the Basic-auth realm of the protected directory


def _shipped(name: str) -> bytes:
    return importlib.resources.files("honeymesh.detection.traps").joinpath("www", name).read_bytes()


DEBIAN_INDEX = _shipped("debian-default-index.html")
OPENLOGO = _shipped("openlogo-75.png")


@dataclass(frozen=True)
class Request:
    method: str
    target: str
    version: tuple[int, int]
    headers: tuple[tuple[str, str], ...]
    body: bytes
    body_bytes: int
    # The first value of each header by its lower-cased name: answering one request looks
    # headers up about twenty times (Host, Connection, Range, conditionals), each a scan.
    _first: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        first: dict[str, str] = {}
        for key, value in self.headers:
            first.setdefault(key.lower(), value)
        object.__setattr__(self, "_first", first)

    def header(self, name: str) -> str | None:
        return self._first.get(name.lower())


@dataclass(frozen=True)
class Response:
    """An answer before Apache's framing: ``headers`` go between ``Server`` and
    ``Content-Length`` (Apache's order), ``vary`` adds mod_deflate's ``Vary`` after it."""

    status: int
    body: bytes = b""
    content_type: str | None = "text/html; charset=UTF-8"
    headers: tuple[tuple[str, str], ...] = ()
    vary: bool = False
    length: bool = True
    close: bool = False
    trailing: tuple[tuple[str, str], ...] = ()  # after Content-Length and Vary
    chunked: bool = False  # sent with Transfer-Encoding: chunked (Apache's 416 page)


@dataclass(frozen=True)
class Static:
    """A file Apache serves itself: Last-Modified, ETag, ranges, conditional requests."""

    body: bytes
    mtime: float
    content_type: str | None


@dataclass(frozen=True)
class Forbidden:
    pass


@dataclass(frozen=True)
class Protected:
    realm: str


@dataclass(frozen=True)
class Directory:
    """A directory asked for without its trailing slash: mod_dir's 301."""


@dataclass(frozen=True)
class Decoy:
    """One of the files scanners hunt for (``env``, ``git``), rendered by the trap."""

    name: Literal["env", "git"]
    mtime: float


Resource = Response | Static | Forbidden | Protected | Directory | Decoy | None


def _no_clock() -> float:
    return 0.0


@dataclass(frozen=True)
class SiteContext:
    site: Site
    title: str
    powered_by: str
    installed: float  # when the package (and the site) was installed: files' mtimes
    host: str = ""  # the site's own name (its URLs, as an application stores its site URL)
    now: Callable[[], float] = _no_clock  # for the dates and sessions PHP pages carry


# Apache's own places on every Debian install -----------------------------------------------------


def apache_resource(path: str, ctx: SiteContext) -> Resource:
    """What Debian's configuration answers before any site: ``/.ht*`` denied (apache2.conf),
    ``/server-status`` denied (status.conf: ``Require local``, and no attacker is local),
    ``/icons/`` (alias.conf, no Indexes)."""
    name = path.rsplit("/", 1)[-1]
    if name.startswith(".ht") or path.startswith("/server-status"):
        return Forbidden()
    if path == "/icons/":
        return Forbidden()
    if path == "/icons/openlogo-75.png":
        return Static(OPENLOGO, APACHE_DATA_MTIME, "image/png")
    return None


def resource(path: str, request: Request, ctx: SiteContext, tried_login: bool) -> Resource:
    found = apache_resource(path, ctx)
    if found is not None or path.startswith("/icons/"):
        return found
    match ctx.site:
        case "wordpress":
            if path == "/.git/config":
                return Decoy("git", ctx.installed)
            found = deflated(wordpress.resource(path, request, ctx), request)
            return _powered(_bodiless(found) if request.method == "HEAD" else found, ctx)
        case "laravel":
            return _laravel(path, request, ctx, tried_login)
        case "phpmyadmin":
            return _powered(phpmyadmin.resource(path, request, ctx), ctx) or _default(path, ctx)
        case _:
            return _default(path, ctx)


@functools.lru_cache(maxsize=16)
def apache_gzip(body: bytes) -> bytes:
    """mod_deflate's gzip: zlib level 6, raw deflate, its own 10-byte header (no mtime, OS
    unix). PHP's zlib output handler (phpMyAdmin's) writes the same header. A site's pages
    are the same bytes request after request, and compressing one costs about 0.6 ms (a
    52 KB WordPress home page), several times a whole trap session: the last few are kept
    (at most 16, about 1 MB)."""
    packer = zlib.compressobj(6, zlib.DEFLATED, -15, 9)
    raw = packer.compress(body) + packer.flush()
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03"
    return header + raw + zlib.crc32(body).to_bytes(4, "little") + len(body).to_bytes(4, "little")


def php_escape(text: str) -> str:
    """PHP's htmlspecialchars(ENT_QUOTES), as WordPress's esc_html and phpMyAdmin's templates
    escape what they echo: a quote is ``&#039;`` (Python's ``html.escape`` writes ``&#x27;``)."""
    return html.escape(text).replace("&#x27;", "&#039;")


def accepts_gzip(request: Request) -> bool:
    return "gzip" in (request.header("Accept-Encoding") or "").lower()


def deflated(found: Resource, request: Request) -> Resource:
    """mod_deflate over an application's page that it marked (``Vary: Accept-Encoding``
    among its headers), for a client that takes gzip: the whole body compressed and sent
    with its length, ``Content-Encoding`` after ``Vary``, ``-gzip`` on an ETag."""
    if not isinstance(found, Response) or not found.body or not accepts_gzip(request):
        return found
    if ("Vary", "Accept-Encoding") not in found.headers or request.method == "HEAD":
        return found
    headers: list[tuple[str, str]] = []
    for name, value in found.headers:
        headers.append((name, value[:-1] + '-gzip"' if name == "ETag" else value))
        if (name, value) == ("Vary", "Accept-Encoding"):
            headers.append(("Content-Encoding", "gzip"))
    body = apache_gzip(found.body)
    return replace(found, body=body, headers=tuple(headers), chunked=False)


def _bodiless(found: Resource) -> Resource:
    """WordPress's answer to HEAD: it stops before its output, so Apache sends no length,
    no chunks and no mod_deflate Vary."""
    if not isinstance(found, Response):
        return found
    headers = tuple(h for h in found.headers if h != ("Vary", "Accept-Encoding"))
    return replace(found, body=b"", headers=headers, length=False, chunked=False)


def not_found_page(ctx: SiteContext, path: str = "") -> Response | None:
    """The site's own 404 for a path nothing claims, or None for Apache's."""
    if ctx.site == "wordpress" and wordpress.rewritten(path):
        page = wordpress.not_found(ctx)
        return replace(page, headers=(*_php(ctx), *page.headers))
    if ctx.site == "laravel":
        return Response(404, _LARAVEL_404, headers=_php(ctx) + _no_cache(), vary=True)
    return None


def _php(ctx: SiteContext) -> tuple[tuple[str, str], ...]:
    return (("X-Powered-By", ctx.powered_by),) if ctx.powered_by else ()


def _powered(found: Resource, ctx: SiteContext) -> Resource:
    """A PHP page with PHP's X-Powered-By first, where the persona says one (Debian's
    php.ini has ``expose_php = Off``: none by default)."""
    if isinstance(found, Response):
        return replace(found, headers=(*_php(ctx), *found.headers))
    return found


def _no_cache() -> tuple[tuple[str, str], ...]:
    return (("Cache-Control", "no-cache, private"),)


def _default(path: str, ctx: SiteContext) -> Resource:
    if path in ("/", "/index.html"):
        return Static(DEBIAN_INDEX, ctx.installed, "text/html")
    if path == "/admin" or path.startswith("/admin/"):
        return Protected(REALM)
    return None


# Laravel --------------------------------------------------------------------------------------


def _laravel(  # noqa: PLR0911
    path: str, request: Request, ctx: SiteContext, tried_login: bool
) -> Resource:
    if path == "/.env":
        return Decoy("env", ctx.installed)
    if path == "/.git/config":
        return Decoy("git", ctx.installed)
    if path == "/robots.txt":
        return Static(b"User-agent: *\nDisallow:\n", ctx.installed, "text/plain")
    if path in ("/", "/index.php"):
        return Response(302, b"", headers=(*_php(ctx), *_no_cache(), ("Location", "/login")))
    if path == "/login":
        error = "These credentials do not match our records." if tried_login else ""
        if request.method == "POST":
            headers = (*_php(ctx), *_no_cache(), ("Location", "/login"))
            return Response(302, b"", headers=headers)
        return Response(200, _laravel_login(ctx, error), headers=_php(ctx) + _no_cache(),
                        vary=True)  # fmt: skip
    return None


def _laravel_login(ctx: SiteContext, error: str) -> bytes:
    title = html.escape(ctx.title)
    message = f'<div class="alert">{html.escape(error)}</div>\n' if error else ""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<title>{title}</title>\n</head>\n<body class="font-sans antialiased">\n'
        f"{message}"
        '<form method="POST" action="/login">\n<input type="hidden" name="_token" value="">\n'
        '<label for="email">Email</label>\n<input id="email" type="email" name="email" '
        'required autofocus autocomplete="username">\n<label for="password">Password</label>\n'
        '<input id="password" type="password" name="password" required '
        'autocomplete="current-password">\n<label for="remember_me"><input id="remember_me" '
        'type="checkbox" name="remember"> Remember me</label>\n'
        '<button type="submit">Log in</button>\n</form>\n</body>\n</html>\n'
    ).encode()


_LARAVEL_404 = (
    b'<!DOCTYPE html>\n<html lang="en">\n    <head>\n        <meta charset="utf-8">\n'
    b'        <meta name="viewport" content="width=device-width, initial-scale=1">\n\n'
    b"        <title>Not Found</title>\n    </head>\n"
    b'    <body class="antialiased">\n        <div class="relative flex items-top '
    b'justify-center min-h-screen">\n            <div class="flex items-center pt-8">\n'
    b'                <div class="px-4 text-lg border-r">404</div>\n'
    b'                <div class="ml-4 text-lg uppercase tracking-wider">Not Found</div>\n'
    b"            </div>\n        </div>\n    </body>\n</html>\n"
)


# The PHP applications build on this module's types, so they come last.
from honeymesh.detection.traps import phpmyadmin, wordpress  # noqa: E402
