"""What a persona's web site has at each path: one application per site, as one real box has.

A scanner that finds WordPress, Laravel and phpMyAdmin answering on one host knows it is not
talking to a real server, so each HTTP persona picks one ``site``:

- ``default``: what a fresh Debian 12 ``apache2`` shows, the package's "Apache2 Debian Default
  Page: It works" at ``/`` (served from a copy of Debian's own file, byte for byte), plus a
  directory behind Basic auth (``/admin/``), as admins add one.
- ``phpmyadmin``: the default page as above, and Debian's phpMyAdmin under ``/phpmyadmin/``
  (its login form; every login is refused as MariaDB refuses it).
- ``wordpress``: WordPress at the document root (``/wp-login.php``, ``/wp-admin/``,
  ``/xmlrpc.php``, its own 404 page for unknown paths, as its rewrite rules send them to
  ``index.php``), and the ``.git/config`` of the deployment.
- ``laravel``: a Laravel application at the root, its login form, its own 404 page, and the
  ``.env`` and ``.git/config`` of a project whose root is the document root (the classic leak).

Everything a site does not claim is Apache's own answer (``http.py``): 404, 403 for
``/.ht*`` and ``/server-status`` (as to a remote client), ``/icons/``, the trailing-slash
redirect of a directory. Pure data and routing: no I/O beyond reading the package's files.
"""

from __future__ import annotations

import html
import importlib.resources
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import parse_qsl

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


@dataclass(frozen=True)
class SiteContext:
    site: Site
    title: str
    powered_by: str
    installed: float  # when the package (and the site) was installed: files' mtimes


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
            return _wordpress(path, request, ctx)
        case "laravel":
            return _laravel(path, request, ctx, tried_login)
        case "phpmyadmin":
            return _phpmyadmin(path, request, ctx) or _default(path, ctx)
        case _:
            return _default(path, ctx)


def not_found_page(ctx: SiteContext) -> Response | None:
    """The site's own 404 for a path nothing claims, or None for Apache's."""
    if ctx.site == "wordpress":
        return Response(404, _wordpress_404(ctx), headers=_php(ctx), vary=True)
    if ctx.site == "laravel":
        return Response(404, _LARAVEL_404, headers=_php(ctx) + _no_cache(), vary=True)
    return None


def _php(ctx: SiteContext) -> tuple[tuple[str, str], ...]:
    return (("X-Powered-By", ctx.powered_by),) if ctx.powered_by else ()


def _no_cache() -> tuple[tuple[str, str], ...]:
    return (("Cache-Control", "no-cache, private"),)


def _default(path: str, ctx: SiteContext) -> Resource:
    if path in ("/", "/index.html"):
        return Static(DEBIAN_INDEX, ctx.installed, "text/html")
    if path == "/admin" or path.startswith("/admin/"):
        return Protected(REALM)
    return None


# phpMyAdmin (Debian's package: /usr/share/phpmyadmin under the alias /phpmyadmin) ----------------


def _phpmyadmin(path: str, request: Request, ctx: SiteContext) -> Resource:
    if path == "/phpmyadmin":
        return Directory()
    if path not in ("/phpmyadmin/", "/phpmyadmin/index.php"):
        return None
    error = ""
    if request.method == "POST":
        error = (
            '<div class="alert alert-danger" role="alert">mysqli::real_connect(): '
            "(HY000/1045): Access denied for user &#039;"
            + html.escape(_field(request, "pma_username")[:60])
            + "&#039;@&#039;localhost&#039; (using password: YES)</div>"
        )
    body = (
        "<!DOCTYPE HTML>\n<html lang='en' dir='ltr'>\n<head>\n<meta charset=\"utf-8\">\n"
        '<meta name="referrer" content="no-referrer">\n<meta name="robots" content="noindex,'
        'nofollow,notranslate">\n<title>phpMyAdmin</title>\n</head>\n<body id="loginform">\n'
        '<div class="container"><h1>Welcome to <bdo dir="ltr" lang="en">phpMyAdmin</bdo></h1>\n'
        f"{error}\n"
        '<form method="post" id="login_form" action="index.php?route=/" name="login_form" '
        'class="disableAjax hide js-show">\n<fieldset class="pma-fieldset">'
        "<legend>Log in</legend>\n"
        '<label for="input_username">Username:</label>\n<input type="text" '
        'name="pma_username" id="input_username" value="" class="form-control" '
        'autocomplete="username" spellcheck="false">\n<label for="input_password">Password:'
        '</label>\n<input type="password" name="pma_password" id="input_password" value="" '
        'class="form-control" autocomplete="current-password" spellcheck="false">\n'
        '<input type="hidden" name="server" value="1">\n</fieldset>\n'
        '<fieldset class="pma-fieldset tblFooters"><input class="btn btn-primary" '
        'value="Go" type="submit" id="input_go"></fieldset>\n</form>\n</div>\n</body>\n</html>\n'
    ).encode()
    headers = (
        *_php(ctx),
        ("Set-Cookie", "phpMyAdmin=deleted; expires=Thu, 01 Jan 1970 00:00:01 GMT; path=/"
         "phpmyadmin/; HttpOnly; SameSite=Strict"),
        ("Cache-Control", "no-store, no-cache, must-revalidate,  pre-check=0, post-check=0, "
         "max-age=0"),
        ("X-Frame-Options", "DENY"),
        ("X-Robots-Tag", "noindex, nofollow"),
    )  # fmt: skip
    return Response(200, body, headers=headers, vary=True)


def _field(request: Request, name: str) -> str:
    body = request.body.decode("utf-8", "replace")
    return dict(parse_qsl(body, keep_blank_values=True, max_num_fields=64)).get(name, "")


# WordPress ------------------------------------------------------------------------------------


_WP_DIRECTORIES = ("/wp-admin", "/wp-content", "/wp-includes")


def _wordpress(path: str, request: Request, ctx: SiteContext) -> Resource:  # noqa: PLR0911
    if path in _WP_DIRECTORIES:
        return Directory()
    if path in ("/", "/index.php"):
        return Response(200, _wordpress_home(ctx), headers=_php(ctx) + _wp_link(), vary=True)
    if path == "/wp-login.php":
        error = ""
        if request.method == "POST":
            error = (
                '<div id="login_error"><strong>Error:</strong> The password you entered for '
                f"the username <strong>{html.escape(_field(request, 'log')[:60])}</strong> is "
                "incorrect.</div>"
            )
        headers = (
            *_php(ctx),
            ("Expires", "Wed, 11 Jan 1984 05:00:00 GMT"),
            ("Cache-Control", "no-cache, must-revalidate, max-age=0, no-store, private"),
            ("Set-Cookie", "wordpress_test_cookie=WP%20Cookie%20check; path=/"),
            ("X-Frame-Options", "SAMEORIGIN"),
        )
        return Response(200, _wordpress_login(ctx, error), headers=headers, vary=True)
    if path.startswith("/wp-admin/"):
        location = "/wp-login.php?redirect_to=%2Fwp-admin%2F&reauth=1"
        headers = (*_php(ctx), ("Location", location))
        return Response(302, b"", headers=headers)
    if path in ("/wp-content/", "/wp-includes/", "/wp-config.php", "/wp-content/index.php"):
        return Response(200, b"", headers=_php(ctx))  # index.php: "Silence is golden."
    if path == "/xmlrpc.php":
        if request.method != "POST":
            body = b"XML-RPC server accepts POST requests only."
            return Response(405, body, "text/plain;charset=UTF-8", headers=_php(ctx))
        fault = (
            '<?xml version="1.0" encoding="UTF-8"?>\n<methodResponse><fault><value><struct>'
            "<member><name>faultCode</name><value><int>403</int></value></member><member><name>"
            "faultString</name><value><string>Incorrect username or password.</string></value>"
            "</member></struct></value></fault></methodResponse>\n"
        )
        return Response(200, fault.encode(), "text/xml; charset=UTF-8", headers=_php(ctx))
    if path == "/robots.txt":
        body = b"User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n"
        return Response(200, body, "text/plain; charset=utf-8", headers=_php(ctx), vary=True)
    if path == "/.git/config":
        return Decoy("git", ctx.installed)
    return None


def _wp_link() -> tuple[tuple[str, str], ...]:
    return (("Link", '</wp-json/>; rel="https://api.w.org/"'),)


def _wordpress_home(ctx: SiteContext) -> bytes:
    title = html.escape(ctx.title)
    return (
        '<!DOCTYPE html>\n<html lang="en-US">\n<head>\n\t<meta charset="UTF-8" />\n'
        '\t<meta name="viewport" content="width=device-width, initial-scale=1" />\n'
        f"<title>{title}</title>\n"
        '<meta name="generator" content="WordPress 6.6.2" />\n'
        '<link rel="https://api.w.org/" href="/wp-json/" />\n</head>\n\n'
        '<body class="home blog wp-embed-responsive">\n<div class="wp-site-blocks">\n'
        f'<header class="wp-block-template-part"><p class="wp-block-site-title"><a href="/" '
        f'rel="home">{title}</a></p></header>\n<main class="wp-block-group">\n'
        '<h2 class="wp-block-post-title"><a href="/?p=1">Hello world!</a></h2>\n'
        "<p>Welcome to WordPress. This is your first post. Edit or delete it, then start "
        "writing!</p>\n</main>\n</div>\n</body>\n</html>\n"
    ).encode()


def _wordpress_404(ctx: SiteContext) -> bytes:
    title = html.escape(ctx.title)
    return (
        '<!DOCTYPE html>\n<html lang="en-US">\n<head>\n\t<meta charset="UTF-8" />\n'
        f"<title>Page not found &#8211; {title}</title>\n"
        '<meta name="generator" content="WordPress 6.6.2" />\n</head>\n\n'
        '<body class="error404 wp-embed-responsive">\n<div class="wp-site-blocks">\n'
        '<main class="wp-block-group"><h1 class="wp-block-heading">Page not found</h1>\n'
        "<p>The page you are looking for does not exist. It may have been moved, or removed "
        "altogether. Perhaps you can try searching?</p>\n</main>\n</div>\n</body>\n</html>\n"
    ).encode()


def _wordpress_login(ctx: SiteContext, error: str) -> bytes:
    return (
        '<!DOCTYPE html>\n<html lang="en-US">\n<head>\n<meta http-equiv="Content-Type" '
        'content="text/html; charset=UTF-8" />\n'
        f"<title>Log In &lsaquo; {html.escape(ctx.title)} &#8212; WordPress</title>\n"
        "<meta name='robots' content='max-image-preview:large, noindex, noarchive' />\n"
        "<link rel='stylesheet' href='/wp-admin/load-styles.php?c=0&amp;dir=ltr&amp;"
        "load%5Bchunk_0%5D=dashicons,buttons,forms,l10n,login&amp;ver=6.6.2' media='all' />\n"
        '</head>\n<body class="login no-js login-action-login wp-core-ui  locale-en-us">\n'
        '<div id="login">\n<h1><a href="https://wordpress.org/">Powered by WordPress</a></h1>\n'
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
