"""WordPress as Debian 12's ``wordpress`` package (6.1.9+dfsg1-0+deb12u1) serves it.

The persona is what README.Debian's "defined Virtual host" makes of a fresh install: WordPress
at the document root, its single-blog rewrite rules (/etc/wordpress/htaccess) in force, the
default theme the package recommends (twentytwentythree), pretty permalinks ("Day and name"),
the installer's first post, page and comment, and one administrator. Diffed probe by probe
against the real package under apache2 with mod_php (tests/fidelity/test_webapps.py).

The big pages are WordPress's own output, captured from the real package by
tests/fidelity/capture_webapps.py with each per-site value made a ``@@NAME@@`` placeholder
(www/wordpress-*): WordPress is GPL-2.0-or-later, and so are these templates derived from it.
Pure data and routing, like ``websites.py``: no I/O beyond reading the shipped files.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import importlib.resources
import json
import math
import re
import time
from collections.abc import Callable
from dataclasses import replace
from email.utils import formatdate
from urllib.parse import parse_qsl, quote

from honeymesh.detection.traps.websites import (
    Directory,
    Forbidden,
    Request,
    Resource,
    Response,
    SiteContext,
    Static,
    php_escape,
)
from honeymesh.events import JSONValue

VERSION = "6.1.9"  # what the generator meta, the feed and every ?ver= say
#: readme.html's mtime in the package (its Last-Modified and the half of its ETag).
README_MTIME = 1_760_526_913.0
#: WordPress was installed this long after apache2 (the node's install time): minutes to days.
_INSTALL_DELAY = (600, 5 * 86400)
_HEADERS_NO_CACHE = (
    ("Expires", "Wed, 11 Jan 1984 05:00:00 GMT"),
    ("Cache-Control", "no-cache, must-revalidate, max-age=0"),
)
_HTML = "text/html; charset=UTF-8"
_VARY = ("Vary", "Accept-Encoding")  # mod_deflate's, before PHP's Content-Length
_FORM_BUDGET = 64  # form fields parsed from a login or XML-RPC body


def _shipped(name: str) -> bytes:
    return importlib.resources.files("honeymesh.detection.traps").joinpath("www", name).read_bytes()


def _template(name: str) -> str:
    if name.endswith(".gz"):
        return gzip.decompress(_shipped(name)).decode("utf-8")
    return _shipped(name).decode("utf-8")


HOME = _template("wordpress-home.html")
NOT_FOUND = _template("wordpress-404.html")
AUTHOR = _template("wordpress-author.html")
LOGIN = _template("wordpress-login.html")
LOGIN_FAILED = _template("wordpress-login-failed.html")
FEED = _template("wordpress-feed.xml")
COMMENTS_FEED = _template("wordpress-comments-feed.xml")
ATOM = _template("wordpress-atom.xml")
RDF = _template("wordpress-rdf.xml")
INSTALL = _template("wordpress-install.html")
LOST_PASSWORD = _template("wordpress-lostpassword.html")
RSD = _template("wordpress-rsd.xml")
SITEMAP = _template("wordpress-sitemap.xml")
PAGE = _template("wordpress-page.html")
POST = _template("wordpress-post.html")
POSTS = _template("wordpress-posts.json")
XMLRPC_METHODS = _shipped("wordpress-xmlrpc-methods.xml")
API_INDEX = _template("wordpress-wp-json.json.gz")
README = _shipped("wordpress-readme.html")
_PLUGIN = "/wp-content/plugins/akismet/"  # the plugin the package ships (akismet 5.0.2)
_THEME = "/wp-content/themes/twentytwentythree/"  # the theme it recommends (1.0)
#: Files Apache serves as they are, with their mtimes in the packages: what scanners read a
#: version from (readme.html, a plugin's readme.txt "Stable tag", a theme's style.css).
FILES: dict[str, Static] = {
    "/readme.html": Static(README, README_MTIME, "text/html"),
    f"{_PLUGIN}readme.txt": Static(
        _shipped("wordpress-akismet-readme.txt"), 1_669_915_129.0, "text/plain"
    ),
    f"{_THEME}style.css": Static(
        _shipped("wordpress-twentytwentythree-style.css"), 1_666_710_135.0, "text/css"
    ),
    f"{_THEME}readme.txt": Static(
        _shipped("wordpress-twentytwentythree-readme.txt"), 1_666_710_135.0, "text/plain"
    ),
    "/wp-includes/wlwmanifest.xml": Static(
        _shipped("wordpress-wlwmanifest.xml"), 1_386_791_351.0, "application/xml"
    ),
}
_PLACEHOLDER = re.compile(r"@@([A-Z_0-9]+)@@")


def admin_name(title: str) -> str:
    """The administrator's login: the site's first word, as admins name the account they
    make in the installer after their company (``Kestrel Intranet``: ``kestrel``)."""
    word = re.sub(r"[^a-z0-9]", "", title.split(" ", 1)[0].lower())[:20]
    return word or "admin"


def installed(ctx: SiteContext) -> int:
    """When WordPress was installed: after apache2 (``ctx.installed``), by a delay of the
    node's own (so the first post's date differs between nodes)."""
    low, high = _INSTALL_DELAY
    return int(ctx.installed) + low + int(ctx.installed * 1_000_000) % (high - low)


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


def _values(ctx: SiteContext, escape: Callable[[str], str]) -> dict[str, str]:
    when = time.gmtime(installed(ctx))
    admin = admin_name(ctx.title)
    # Written out here, not by strftime's %B and %a, which follow the daemon's locale.
    day = f"{_MONTHS[when.tm_mon - 1]} {when.tm_mday}, {when.tm_year}"
    return {
        "HOST": ctx.host,
        "TITLE": escape(ctx.title),
        "ADMIN": admin,
        "AVATAR": hashlib.md5(f"{admin}@{ctx.host}".encode(), usedforsecurity=False).hexdigest(),
        "ISO": time.strftime("%Y-%m-%dT%H:%M:%S+00:00", when),
        "ISO_NAIVE": time.strftime("%Y-%m-%dT%H:%M:%S", when),
        "RFC822": formatdate(installed(ctx)).replace("-0000", "+0000"),
        "DAY": day,
        "YMD": time.strftime("%Y/%m/%d", when),
        "YMD_QUOTED": time.strftime("%Y%%2F%m%%2F%d", when),
        "YMD_JSON": time.strftime("%Y\\/%m\\/%d", when),
        # wp_create_nonce() for a visitor: an HMAC of the nonce tick (it turns every 12 h)
        # with the site's own salts.
        "NONCE": hashlib.sha256(
            f"nonce|{ctx.host}|{ctx.installed}|{math.ceil(ctx.now() / 43200)}".encode()
        ).hexdigest()[:10],
    }


def render(template: str, ctx: SiteContext, extra: dict[str, str] | None = None) -> bytes:
    values = _values(ctx, lambda text: html.escape(text, quote=False))
    values.update(extra or {})
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template).encode()


def _json_render(template: str, ctx: SiteContext) -> bytes:
    values = _values(ctx, lambda text: json.dumps(text)[1:-1].replace("/", "\\/"))
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template).encode()


def _link(ctx: SiteContext) -> tuple[str, str]:
    return ("Link", f'<http://{ctx.host}/wp-json/>; rel="https://api.w.org/"')


def _redirect(location: str, *before: tuple[str, str], status: int = 301) -> Response:
    headers = (*before, ("X-Redirect-By", "WordPress"), ("Location", location))
    return Response(status, b"", _HTML, headers)


def resource(path: str, request: Request, ctx: SiteContext) -> Resource:  # noqa: PLR0911, PLR0912
    target = request.target.partition("?")[2]
    query = dict(parse_qsl(target, keep_blank_values=True, max_num_fields=_FORM_BUDGET))
    admin = admin_name(ctx.title)
    if path in ("/wp-admin", "/wp-content", "/wp-includes"):
        return Directory()
    if path == "/" and (found := _query_page(query, ctx)) is not None:
        return found
    if path == "/" and query.get("rest_route") == "/wp/v2/users":
        return _users(ctx)
    if path == "/":
        return Response(200, render(HOME, ctx), _HTML, (_link(ctx), _VARY), chunked=True)
    if path == "/index.php":
        return _redirect(f"http://{ctx.host}/")
    if path == f"/author/{admin}/":
        user = ("Link", f'<http://{ctx.host}/wp-json/wp/v2/users/1>; rel="alternate"; '
                'type="application/json"')  # fmt: skip
        body = render(AUTHOR, ctx)
        return Response(200, body, _HTML, (_link(ctx), user, _VARY), chunked=True)
    if path == "/wp-login.php":
        return _login(request, ctx, query.get("action", "login"))
    if path == "/wp-admin/install.php":
        body = render(INSTALL, ctx)
        return Response(200, body, "text/html; charset=utf-8", (*_HEADERS_NO_CACHE, _VARY))
    if path == "/wp-admin/admin-ajax.php":  # no action: "0", and Apache drops the connection
        headers = (("X-Robots-Tag", "noindex"), *_HEADERS_NO_CACHE)
        return Response(400, b"0", _HTML, headers, close=True)
    if path == "/wp-admin/" or (path.startswith("/wp-admin/") and path.endswith(".php")):
        host = request.header("Host") or ctx.host
        back = quote(f"http://{host}{path}", safe="")
        location = f"http://{ctx.host}/wp-login.php?redirect_to={back}&reauth=1"
        return _redirect(location, *_HEADERS_NO_CACHE, status=302)
    if path == "/xmlrpc.php" and "rsd" in query:
        return Response(200, render(RSD, ctx), "text/xml; charset=UTF-8", (_VARY,))
    if path == "/xmlrpc.php":
        return _xmlrpc(request)
    if path == "/favicon.ico":
        icon = f"http://{ctx.host}/wp-includes/images/w-logo-blue-white-bg.png"
        return _redirect(icon, _link(ctx), status=302)
    if path == "/wp-sitemap.xml":
        return Response(200, render(SITEMAP, ctx), "application/xml; charset=UTF-8", (_VARY,))
    if path == "/comments/feed/":
        return _feed(ctx, COMMENTS_FEED)
    if path == "/feed/atom/":  # not a type mod_deflate compresses: no Vary
        return _feed(ctx, ATOM, "application/atom+xml; charset=UTF-8")
    if path == "/feed/rdf/":
        return _feed(ctx, RDF, "application/rdf+xml; charset=UTF-8")
    if path == "/wp-links-opml.php":
        return _opml(ctx)
    if path == "/sample-page/":
        return _single(ctx, PAGE, "pages/2", 2)
    if path == f"/{_ymd(ctx)}/hello-world/":
        return _single(ctx, POST, "posts/1", 1)
    if path == "/wp-json/wp/v2/posts":
        return _api(ctx, _json_render(POSTS, ctx), total=True)
    if path == "/wp-json/wp/v2/users/1":
        return _api(ctx, _json(_user(ctx)))
    if path == "/wp-json/":  # the API's index: long, so PHP's output comes chunked
        return replace(_api(ctx, _json_render(API_INDEX, ctx)), chunked=True)
    if path == "/wp-json/wp/v2/users":
        return _users(ctx)
    if path == "/feed/":
        return _feed(ctx)
    if path == "/robots.txt":
        body = (
            "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\n"
            f"Sitemap: http://{ctx.host}/wp-sitemap.xml\n"
        ).encode()
        return Response(200, body, "text/plain; charset=utf-8", (_link(ctx), _VARY))
    if path in FILES:
        return FILES[path]
    if path in _EMPTY:  # index.php files saying "Silence is golden", and wp-config.php
        return Response(200, b"", _HTML)
    if path == "/wp-cron.php":
        return Response(200, b"", _HTML, _HEADERS_NO_CACHE)
    if path.startswith(("/wp-includes/", "/wp-admin/")) and path.endswith("/"):
        return Forbidden()  # no index.php there, and no Indexes
    if path in _NO_INDEX:
        return Forbidden()
    if path in _PHP_SILENT:  # PHP files that print nothing when asked directly
        return Response(200, b"", _HTML)
    return None


def _query_page(query: dict[str, str], ctx: SiteContext) -> Response | None:
    """The plain-permalink queries scanners use, redirected to the pretty URL (author
    enumeration walks ?author=1, 2, ...: one author here); one that names nothing: 404."""
    author, post = query.get("author", ""), query.get("p", query.get("page_id", ""))
    pingback = ("X-Pingback", f"http://{ctx.host}/xmlrpc.php")
    if author == "1":
        return _redirect(f"http://{ctx.host}/author/{admin_name(ctx.title)}/")
    if post == "1" and "p" in query:
        return _redirect(f"http://{ctx.host}/{_ymd(ctx)}/hello-world/", pingback)
    if post == "2":  # a page asked for as a post (?p=) is not cached; as a page it pings
        before = _HEADERS_NO_CACHE if "p" in query else (pingback,)
        return _redirect(f"http://{ctx.host}/sample-page/", *before)
    if author.isdigit() or post.isdigit():
        return not_found(ctx)
    if query.get("feed") == "rss2":  # the feed's validators come along
        feed = _feed(ctx).headers[:2]
        moved = _redirect(f"http://{ctx.host}/feed/", *feed)
        return replace(moved, status=301, content_type="application/rss+xml; charset=UTF-8")
    return None


def _ymd(ctx: SiteContext) -> str:
    return time.strftime("%Y/%m/%d", time.gmtime(installed(ctx)))


def _single(ctx: SiteContext, template: str, route: str, number: int) -> Response:
    """A post or a page: X-Pingback, and Links to its REST route and short link."""
    headers = (
        ("X-Pingback", f"http://{ctx.host}/xmlrpc.php"),
        _link(ctx),
        ("Link", f'<http://{ctx.host}/wp-json/wp/v2/{route}>; rel="alternate"; '
         'type="application/json"'),
        ("Link", f"<http://{ctx.host}/?p={number}>; rel=shortlink"),
        _VARY,
    )  # fmt: skip
    return Response(200, render(template, ctx), _HTML, headers, chunked=True)


_EMPTY = frozenset({
    "/wp-content/", "/wp-content/index.php", "/wp-content/plugins/",
    "/wp-content/plugins/index.php", "/wp-config.php", _PLUGIN, f"{_PLUGIN}index.php",
})  # fmt: skip
#: Directories with no index.php (Debian's /var/lib/wordpress/wp-content, the theme): 403.
_NO_INDEX = frozenset({
    "/wp-content/themes/", "/wp-content/uploads/", "/wp-content/languages/", _THEME,
    f"{_PLUGIN}_inc/", f"{_PLUGIN}views/",
})  # fmt: skip
_PHP_SILENT = frozenset({
    "/wp-includes/version.php", "/wp-load.php", "/wp-blog-header.php", "/wp-settings.php",
    "/wp-config-sample.php",
})  # fmt: skip
_API_HEADERS = (
    ("X-Content-Type-Options", "nosniff"),
    ("Access-Control-Expose-Headers", "X-WP-Total, X-WP-TotalPages, Link"),
    ("Access-Control-Allow-Headers",
     "Authorization, X-WP-Nonce, Content-Disposition, Content-MD5, Content-Type"),
)  # fmt: skip


def rewritten(path: str) -> bool:
    """Whether WordPress's rewrite rules hand a missing path to index.php (its 404 page):
    not under /wp-content, which README.Debian's Alias maps outside the document root."""
    return not path.startswith("/wp-content/")


def not_found(ctx: SiteContext) -> Response:
    """The theme's 404 page, for every path WordPress's rewrite rules hand it."""
    headers = (*_HEADERS_NO_CACHE, _link(ctx))
    return Response(404, render(NOT_FOUND, ctx), _HTML, headers, chunked=True)


def _api(ctx: SiteContext, body: bytes, total: bool = False) -> Response:
    """A REST API answer with the headers WordPress's REST server sends."""
    count = (("X-WP-Total", "1"), ("X-WP-TotalPages", "1")) if total else ()
    headers = (
        ("X-Robots-Tag", "noindex"), _link(ctx), *_API_HEADERS, *count, ("Allow", "GET"),
        ("Vary", "Origin"),
    )  # fmt: skip
    return Response(200, body, "application/json; charset=UTF-8", headers)


def _users(ctx: SiteContext) -> Response:
    """/wp-json/wp/v2/users: the administrator, as every WordPress lists its authors."""
    return _api(ctx, _json([_user(ctx)]), total=True)


def _json(value: JSONValue) -> bytes:
    """As PHP's json_encode writes it: no spaces, slashes escaped."""
    return json.dumps(value, separators=(",", ":")).replace("/", "\\/").encode()


def _user(ctx: SiteContext) -> dict[str, JSONValue]:
    admin = admin_name(ctx.title)
    base = f"http://{ctx.host}"
    avatar = _values(ctx, str)["AVATAR"]
    server = int(avatar[0], 16) % 3  # get_avatar_data(): the hash picks 0, 1 or 2.gravatar.com
    user: dict[str, JSONValue] = {
        "id": 1, "name": admin, "url": base, "description": "",
        "link": f"{base}/author/{admin}/", "slug": admin,
        "avatar_urls": {size: f"http://{server}.gravatar.com/avatar/{avatar}?s={size}&d=mm&r=g"
                        for size in ("24", "48", "96")},
        "meta": [],
        "_links": {"self": [{"href": f"{base}/wp-json/wp/v2/users/1"}],
                   "collection": [{"href": f"{base}/wp-json/wp/v2/users"}]},
    }  # fmt: skip
    return user


def _opml(ctx: SiteContext) -> Response:
    """wp-links-opml.php: the (empty) blogroll, stamped with the time it is asked for, and
    the generator comment wpscan reads the version from."""
    body = (
        '<?xml version="1.0"?>\n<opml version="1.0">\n\t<head>\n\t\t<title>\n\t\tLinks for '
        f"{html.escape(ctx.title, quote=False)}\t\t</title>\n\t\t<dateCreated>"
        f"{formatdate(ctx.now(), usegmt=True)}</dateCreated>\n"
        f'\t\t<!-- generator="WordPress/{VERSION}" -->\n\t</head>\n\t<body>\n</body>\n</opml>\n'
    )
    return Response(200, body.encode(), "text/xml; charset=UTF-8", (_VARY,))


def _feed(
    ctx: SiteContext, template: str = FEED, kind: str = "application/rss+xml; charset=UTF-8"
) -> Response:
    modified = formatdate(installed(ctx), usegmt=True)
    etag = hashlib.md5(modified.encode(), usedforsecurity=False).hexdigest()
    vary = (_VARY,) if kind.startswith("application/rss+xml") else ()
    headers = (("Last-Modified", modified), ("ETag", f'"{etag}"'), _link(ctx), *vary)
    return Response(200, render(template, ctx), kind, headers)


def _fields(request: Request) -> dict[str, str]:
    body = request.body.decode("utf-8", "replace")
    try:
        return dict(parse_qsl(body, keep_blank_values=True, max_num_fields=_FORM_BUDGET))
    except ValueError:
        return {}


_FOCUS_SECOND_FIELD = 'd = document.getElementById( "user_pass" ); d.value = "";'
_FOCUS_LOGIN = 'd = document.getElementById( "user_login" );'
_SHAKE = (
    '\t<script type="text/javascript">\n'
    "\tdocument.querySelector('form').classList.add('shake');\n\t</script>\n\t"
)
_ERROR = "\t<strong>Error:</strong> {}<br />\n"


def _login(request: Request, ctx: SiteContext, action: str) -> Response:
    """wp-login.php: the form, and a failed login as WordPress words it: an unknown user
    ("not registered"), the administrator's wrong password, empty fields, missing cookies;
    the lost-password form; registration closed (the installer's default)."""
    headers = (
        *_HEADERS_NO_CACHE,
        ("Set-Cookie", "wordpress_test_cookie=WP%20Cookie%20check; path=/"),
        ("X-Frame-Options", "SAMEORIGIN"),
        _VARY,
    )
    if action == "register":
        closed = f"http://{ctx.host}/wp-login.php?registration=disabled"
        return _redirect(closed, *headers[:-1], status=302)
    if action in ("lostpassword", "retrievepassword") and request.method != "POST":
        return Response(200, render(LOST_PASSWORD, ctx), _HTML, headers)
    if request.method != "POST":
        return Response(200, render(LOGIN, ctx), _HTML, headers)
    fields = _fields(request)
    # wp_authenticate() sanitizes the name and trims the password before it looks at them;
    # the form echoes the name as it was sent.
    raw, password = fields.get("log", ""), fields.get("pwd", "").strip()
    login = sanitize_user(raw)
    admin = admin_name(ctx.title)
    value, focus, shake = "", _FOCUS_LOGIN, _SHAKE
    cookie = request.header("Cookie") or ""
    if "testcookie" in fields and "wordpress_test_cookie=" not in cookie:
        message = _ERROR.format(
            "Cookies are blocked or not supported by your browser. You must <a href="
            '"https://wordpress.org/support/article/cookies/#enable-cookies-in-your-browser">'
            "enable cookies</a> to use WordPress."
        )
        shake = ""
    elif not login or not password:
        message = "".join(
            (
                _ERROR.format("The username field is empty.") if not login else "",
                _ERROR.format("The password field is empty.") if not password else "",
            )
        )
        if login:
            value, focus = php_escape(raw), _FOCUS_SECOND_FIELD
    elif login.lower() in (admin, f"{admin}@{ctx.host}"):
        noun = "email address" if "@" in login else "username"
        message = _ERROR.format(
            f"The password you entered for the {noun} <strong>{php_escape(login)}"
            f'</strong> is incorrect. <a href="http://{ctx.host}/wp-login.php?action='
            'lostpassword">Lost your password?</a>'
        )
        value, focus = php_escape(raw), _FOCUS_SECOND_FIELD
    else:
        message = _ERROR.format(
            f"The username <strong>{login}</strong> is not registered on "
            "this site. If you are unsure of your username, try your email address instead."
        )
        focus = _FOCUS_LOGIN + 'd.value = "";'
    error = f'<div id="login_error">{message}</div>\n'
    extra = {"ERROR": error, "VALUE": value, "FOCUS": focus, "SHAKE": shake}
    return Response(200, render(LOGIN_FAILED, ctx, extra), _HTML, headers)


def sanitize_user(name: str) -> str:
    """WordPress's sanitize_user(), which the "not registered" error shows unescaped: tags,
    %XX octets and entities stripped, whitespace collapsed."""
    name = re.sub(r"<(script|style)[^>]*?>.*?</\1>|<[^>]*>", "", name, flags=re.S | re.I)
    name = re.sub(r"%[a-fA-F0-9]{2}", "", name)
    name = re.sub(r"&.+?;", "", name)
    return re.sub(r"\s+", " ", name.strip())


_METHOD = re.compile(rb"<methodName>\s*([A-Za-z0-9_.]{1,64})\s*</methodName>")
_FAULT = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<methodResponse>\n  <fault>\n    <value>\n'
    "      <struct>\n        <member>\n          <name>faultCode</name>\n"
    "          <value><int>{code}</int></value>\n        </member>\n        <member>\n"
    "          <name>faultString</name>\n          <value><string>{text}</string></value>\n"
    "        </member>\n      </struct>\n    </value>\n  </fault>\n</methodResponse>\n"
)


def _xmlrpc(request: Request) -> Response:
    """xmlrpc.php: 405 to anything but POST; to a POST the method list, a login fault for
    every method that takes credentials (none is ever right), a parse error for non-XML."""
    if request.method != "POST":
        body = b"XML-RPC server accepts POST requests only."
        return Response(405, body, "text/plain;charset=UTF-8", (("Allow", "POST"),))
    found = _METHOD.search(request.body[:4096])
    if found is None:
        code, text = -32700, "parse error. not well formed"
    elif found.group(1) == b"system.listMethods":
        return _xml(XMLRPC_METHODS)
    elif found.group(1) == b"demo.sayHello":
        return _xml(_HELLO)
    elif found.group(1) == b"system.multicall":
        return _xml(_multicall(request.body))
    else:
        code, text = _refusal(found.group(1))
    return _xml(_FAULT.format(code=code, text=text).encode())


def _refusal(method: bytes) -> tuple[int, str]:
    """The fault for a call: a method WordPress lacks, or a login that fails."""
    if b"<string>" + method + b"</string>" not in XMLRPC_METHODS:
        name = html.escape(method.decode("ascii"))
        return -32601, f"server error. requested method {name} does not exist."
    return 403, "Incorrect username or password."


_HELLO = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<methodResponse>\n  <params>\n    <param>\n'
    b"      <value>\n      <string>Hello!</string>\n      </value>\n    </param>\n  </params>\n"
    b"</methodResponse>\n"
)
_CALL = re.compile(
    rb"<name>\s*methodName\s*</name>\s*<value>\s*(?:<string>)?\s*([A-Za-z0-9_.]{1,64})"
)
MAX_CALLS = 256  # calls of one system.multicall answered (brute-forcers pack hundreds)


def _calls(body: bytes) -> list[tuple[bytes, bytes]]:
    """A system.multicall's calls: each method and the bytes up to the next call."""
    head = body[:_XMLRPC_BUDGET]
    starts = list(_CALL.finditer(head))[:MAX_CALLS]
    ends = [m.start() for m in starts[1:]] + [len(head)]
    return [(m.group(1), head[m.end() : end]) for m, end in zip(starts, ends, strict=True)]


def _multicall(body: bytes) -> bytes:
    """system.multicall: one fault struct per call, in order (every login fails)."""
    parts = []
    for method, _ in _calls(body):
        code, text = _refusal(method)
        parts.append(
            "  <value><struct>\n"
            f"  <member><name>faultCode</name><value><int>{code}</int></value></member>\n"
            f"  <member><name>faultString</name><value><string>{text}</string></value>"
            "</member>\n</struct></value>\n"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<methodResponse>\n  <params>\n    <param>\n'
        "      <value>\n      <array><data>\n" + "".join(parts) + "</data></array>\n"
        "      </value>\n    </param>\n  </params>\n</methodResponse>\n"
    ).encode()


_VALUE = re.compile(rb"<value>\s*(?:<string>([^<]{0,512})</string>|([^<]{0,512}))\s*</value>")
#: Where an XML-RPC method takes its user name (the password follows): wp.getUsersBlogs
#: (user, password), the wp.* and metaWeblog.* methods (blog id, user, password, ...).
_LOGIN_AT = {b"wp.getUsersBlogs": 0}
_XMLRPC_BUDGET = 8192  # bytes of a call's body looked at for its credentials


def xmlrpc_logins(body: bytes) -> list[tuple[str, str]]:
    """The user names and passwords an XML-RPC request tries: one call's (the
    brute-forcers' favourite: ``wp.getUsersBlogs``, no lockout), or each call's of a
    ``system.multicall`` (hundreds of guesses in one request). Bounded: the first
    ``_XMLRPC_BUDGET`` bytes, values of at most 512 bytes, ``MAX_CALLS``; never raises."""
    head = body[:_XMLRPC_BUDGET]
    found = _METHOD.search(head)
    if found is None:
        return []
    if found.group(1) != b"system.multicall":
        login = _call_login(found.group(1), head)
        return [login] if login is not None else []
    return [login for method, part in _calls(head) if (login := _call_login(method, part))]


def xmlrpc_login(body: bytes) -> tuple[str, str] | None:
    """The first login of ``xmlrpc_logins``, or None."""
    logins = xmlrpc_logins(body)
    return logins[0] if logins else None


def _call_login(method: bytes, call: bytes) -> tuple[str, str] | None:
    at = _LOGIN_AT.get(method, 1 if method.startswith((b"wp.", b"metaWeblog.")) else None)
    if at is None:
        return None
    values = [m.group(1) if m.group(1) is not None else m.group(2) for m in _VALUE.finditer(call)]
    if len(values) < at + 2:
        return None
    user, password = (html.unescape(v.decode("utf-8", "replace")) for v in values[at : at + 2])
    return user.strip(), password


def _xml(body: bytes) -> Response:
    headers = (("Connection", "close"), _VARY)
    return Response(200, body, "text/xml; charset=UTF-8", headers, close=True)
