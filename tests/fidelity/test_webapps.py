"""The HTTP trap's ``wordpress`` and ``phpmyadmin`` sites against Debian 12's real packages:
wordpress 6.1.9+dfsg1-0+deb12u1 (with wordpress-theme-twentytwentythree) and phpmyadmin
4:5.2.1+dfsg-1+deb12u1, under apache2 2.4.71-1~deb12u1 with libapache2-mod-php (PHP 8.2), over
MariaDB 10.11 (tests/fidelity/harness.py ``webapps``). What a scanner asks first (wpscan,
nuclei, nikto, nmap's http-generator and http-wordpress-enum, a human with curl): the home
page, the login form and a failed login, the admin redirect, XML-RPC, the REST API and its
user list, author enumeration, readme.html, directories, the theme's 404, the feed; and
phpMyAdmin's login page, a failed login, what Debian leaves out (setup/, README, ChangeLog).

Both sites have the same name, title and administrator (the trap's persona says them; the
real site is installed with them), so those are not normalised. Normalised, per host only:
the Date; chunk boundaries (PHP's output buffer flushes: the body is compared whole); the
moment WordPress was installed (in its ISO, "December 6, 2026", /2026/12/06/, RFC 822 and
HTTP forms, and the feed's ETag, an md5 of it); WordPress's nonce; phpMyAdmin's session ids,
token and the current time it stamps on Expires, Last-Modified and its language cookie; the
port in URLs Apache builds from the connection; Content-Length (checked against its body
first: the bodies carry those dates); a gzip body is compared decompressed (mod_deflate
compresses PHP's output as it is flushed, so the bytes follow PHP's buffer).
"""

from __future__ import annotations

import gzip
import re
import subprocess
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from honeymesh.detection.traps.wordpress import admin_name
from tests.e2e.daemon import Daemon
from tests.fidelity import harness
from tests.fidelity.harness import Conversation, Rule, diff
from tests.fidelity.test_http import TRAP_HOSTNAME

TITLE = "Kestrel Intranet"  # both sites' title (set: conftest.PERSONAS)
ADMIN = admin_name(TITLE)
HOST = TRAP_HOSTNAME.encode()


@pytest.fixture(scope="module")
def webapps(tmp_path_factory: pytest.TempPathFactory) -> Iterator[harness.WebApps]:
    """Once per run: apache2 with mod_php, WordPress installed, phpMyAdmin, one MariaDB."""
    where = tmp_path_factory.mktemp("webapps")
    apps = harness.webapps(where, TRAP_HOSTNAME, TITLE, ADMIN)
    yield apps
    apps.stop()


def request(path: bytes, *headers: bytes, method: bytes = b"GET", body: bytes = b"") -> bytes:
    lines = [method + b" " + path + b" HTTP/1.1", b"Host: " + HOST, *headers]
    if body:
        lines.append(b"Content-Length: %d" % len(body))
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


def form(path: bytes, body: bytes, *headers: bytes) -> bytes:
    kind = b"Content-Type: application/x-www-form-urlencoded"
    return request(path, kind, *headers, method=b"POST", body=body)


def xmlrpc(call: bytes) -> bytes:
    return request(b"/xmlrpc.php", b"Content-Type: text/xml", method=b"POST", body=call)


def method_call(name: bytes, *params: bytes) -> bytes:
    values = b"".join(b"<param><value><string>%s</string></value></param>" % p for p in params)
    return (
        b'<?xml version="1.0"?><methodCall><methodName>%s</methodName><params>%s</params>'
        b"</methodCall>" % (name, values)
    )


WORDPRESS: dict[str, bytes] = {
    "GET /": request(b"/"),
    "GET /index.php": request(b"/index.php"),
    "GET /?p=1": request(b"/?p=1"),
    "GET /?author=1 (user enumeration)": request(b"/?author=1"),
    "GET /?author=2": request(b"/?author=2"),
    "GET /?p=2": request(b"/?p=2"),
    "GET /?page_id=2": request(b"/?page_id=2"),
    "GET /?p=99": request(b"/?p=99"),
    "GET /?feed=rss2": request(b"/?feed=rss2"),
    "GET the author's page": request(b"/author/" + ADMIN.encode() + b"/"),
    "GET /wp-login.php": request(b"/wp-login.php"),
    "POST /wp-login.php, the admin's wrong password": form(
        b"/wp-login.php",
        b"log=" + ADMIN.encode() + b"&pwd=wrong&wp-submit=Log+In&testcookie=1",
        b"Cookie: wordpress_test_cookie=WP%20Cookie%20check",
    ),
    "POST /wp-login.php, an unknown user": form(
        b"/wp-login.php",
        b"log=nobody&pwd=wrong&wp-submit=Log+In&testcookie=1",
        b"Cookie: wordpress_test_cookie=WP%20Cookie%20check",
    ),
    "POST /wp-login.php, empty fields": form(b"/wp-login.php", b"log=&pwd="),
    "POST /wp-login.php, markup and quotes in the name": form(
        b"/wp-login.php", b"log=o%27brien%22%3Cb%3E%26&pwd=x"
    ),
    "POST /wp-login.php, no password": form(b"/wp-login.php", b"log=admin&pwd="),
    "POST /wp-login.php, without the test cookie": form(
        b"/wp-login.php", b"log=admin&pwd=x&testcookie=1"
    ),
    "GET /wp-admin/": request(b"/wp-admin/"),
    "GET /xmlrpc.php": request(b"/xmlrpc.php"),
    "XML-RPC system.listMethods": xmlrpc(method_call(b"system.listMethods")),
    "XML-RPC wp.getUsersBlogs (a login)": xmlrpc(
        method_call(b"wp.getUsersBlogs", ADMIN.encode(), b"wrong")
    ),
    "XML-RPC an unknown method": xmlrpc(method_call(b"wp.noSuchMethod")),
    "XML-RPC not XML": xmlrpc(b"garbage"),
    "XML-RPC demo.sayHello": xmlrpc(method_call(b"demo.sayHello")),
    "XML-RPC system.multicall of logins (brute force)": xmlrpc(
        b'<?xml version="1.0"?><methodCall><methodName>system.multicall</methodName><params>'
        b"<param><value><array><data>"
        + b"".join(
            b"<value><struct><member><name>methodName</name><value><string>%s</string></value>"
            b"</member><member><name>params</name><value><array><data><value><string>admin"
            b"</string></value><value><string>pw%d</string></value></data></array></value>"
            b"</member></struct></value>" % (method, i)
            for i, method in enumerate((b"wp.getUsersBlogs", b"wp.getUsersBlogs", b"wp.nope"))
        )
        + b"</data></array></value></param></params></methodCall>"
    ),
    "GET /wp-json/": request(b"/wp-json/"),
    "GET /wp-json/wp/v2/users (user enumeration)": request(b"/wp-json/wp/v2/users"),
    "GET /readme.html": request(b"/readme.html"),
    "GET akismet's readme.txt": request(b"/wp-content/plugins/akismet/readme.txt"),
    "GET akismet's directory": request(b"/wp-content/plugins/akismet/"),
    "GET the theme's style.css": request(b"/wp-content/themes/twentytwentythree/style.css"),
    "GET a plugin it does not have": request(b"/wp-content/plugins/jetpack/readme.txt"),
    "GET /license.txt (Debian ships none)": request(b"/license.txt"),
    "GET /wp-includes/": request(b"/wp-includes/"),
    "GET /wp-content/": request(b"/wp-content/"),
    "GET /wp-content/plugins/": request(b"/wp-content/plugins/"),
    "GET /wp-config.php": request(b"/wp-config.php"),
    "GET /wp-cron.php": request(b"/wp-cron.php"),
    "GET /feed/": request(b"/feed/"),
    "GET /robots.txt": request(b"/robots.txt"),
    "GET a missing page (the theme's 404)": request(b"/no-such-page"),
    "GET /wp-login.php?action=lostpassword": request(b"/wp-login.php?action=lostpassword"),
    "GET /wp-login.php?action=register": request(b"/wp-login.php?action=register"),
    "GET /wp-admin/install.php": request(b"/wp-admin/install.php"),
    "GET /wp-admin/admin-ajax.php": request(b"/wp-admin/admin-ajax.php"),
    "GET /wp-admin/admin.php": request(b"/wp-admin/admin.php"),
    "GET /wp-admin/index.php": request(b"/wp-admin/index.php"),
    "GET /xmlrpc.php?rsd": request(b"/xmlrpc.php?rsd"),
    "GET /wp-includes/wlwmanifest.xml": request(b"/wp-includes/wlwmanifest.xml"),
    "GET /wp-includes/version.php": request(b"/wp-includes/version.php"),
    "GET /wp-sitemap.xml": request(b"/wp-sitemap.xml"),
    "GET /comments/feed/": request(b"/comments/feed/"),
    "GET /feed/atom/": request(b"/feed/atom/"),
    "GET /feed/rdf/": request(b"/feed/rdf/"),
    "GET /wp-links-opml.php": request(b"/wp-links-opml.php"),
    "GET /sample-page/": request(b"/sample-page/"),
    "GET /wp-json/wp/v2/posts": request(b"/wp-json/wp/v2/posts"),
    "GET /wp-json/wp/v2/users/1": request(b"/wp-json/wp/v2/users/1"),
    "GET /?rest_route=/wp/v2/users": request(b"/?rest_route=/wp/v2/users"),
    "GET /favicon.ico": request(b"/favicon.ico"),
    "GET /wp-content/uploads/": request(b"/wp-content/uploads/"),
    "GET /wp-content/themes/": request(b"/wp-content/themes/"),
    "GET /wp-content/debug.log": request(b"/wp-content/debug.log"),
    "GET /wp-config.php.bak": request(b"/wp-config.php.bak"),
    "GET /.htaccess": request(b"/.htaccess"),
}
WORDPRESS |= {
    "HEAD /": request(b"/", method=b"HEAD"),
    "HEAD /wp-login.php": request(b"/wp-login.php", method=b"HEAD"),
    "HEAD a missing page": request(b"/no-such-page", method=b"HEAD"),
    "POST /": form(b"/", b"a=b"),
    "GET /wp-login.php, HTTP/1.0": request(b"/wp-login.php").replace(b"HTTP/1.1", b"HTTP/1.0"),
    "GET /, HTTP/1.0 keep-alive": request(b"/", b"Connection: keep-alive").replace(
        b"HTTP/1.1", b"HTTP/1.0"
    ),
    "GET /, keep-alive": request(b"/", b"Connection: keep-alive"),
}
GZIP = b"Accept-Encoding: gzip, deflate"
WORDPRESS |= {
    f"{name}, gzip": request(path, GZIP)
    for name, path in (
        ("GET /", b"/"), ("GET /wp-login.php", b"/wp-login.php"), ("GET /feed/", b"/feed/"),
        ("GET /robots.txt", b"/robots.txt"), ("GET /wp-json/wp/v2/users", b"/wp-json/wp/v2/users"),
        ("GET a missing page", b"/no-such-page"), ("GET /readme.html", b"/readme.html"),
    )
}  # fmt: skip
WORDPRESS["XML-RPC system.listMethods, gzip"] = request(
    b"/xmlrpc.php", b"Content-Type: text/xml", GZIP, method=b"POST",
    body=method_call(b"system.listMethods"),
)  # fmt: skip

PHPMYADMIN: dict[str, bytes] = {
    "GET /phpmyadmin/": request(b"/phpmyadmin/"),
    "GET /phpmyadmin/index.php": request(b"/phpmyadmin/index.php"),
    "GET /phpmyadmin": request(b"/phpmyadmin"),
    "GET /phpmyadmin/setup/ (Debian leaves it out)": request(b"/phpmyadmin/setup/"),
    "GET /phpmyadmin/README": request(b"/phpmyadmin/README"),
    "GET /phpmyadmin/ChangeLog": request(b"/phpmyadmin/ChangeLog"),
    "GET /phpmyadmin/libraries/": request(b"/phpmyadmin/libraries/"),
    "GET /phpmyadmin/templates/": request(b"/phpmyadmin/templates/"),
    "GET /phpmyadmin/doc/": request(b"/phpmyadmin/doc/"),
    "GET /phpmyadmin/doc/html/": request(b"/phpmyadmin/doc/html/"),
    "GET /phpmyadmin/doc/html/index.html": request(b"/phpmyadmin/doc/html/index.html"),
    "GET /phpmyadmin/robots.txt": request(b"/phpmyadmin/robots.txt"),
    "GET /phpmyadmin/favicon.ico": request(b"/phpmyadmin/favicon.ico"),
    "GET / (Debian's default page)": request(b"/"),
    "GET /phpmyadmin/, gzip": request(b"/phpmyadmin/", GZIP),
    "HEAD /phpmyadmin/": request(b"/phpmyadmin/", method=b"HEAD"),
    "POST a login without a session": form(
        b"/phpmyadmin/index.php?route=/", b"pma_username=admin&pma_password=x&server=1"
    ),
}

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
RULES = [
    Rule("date", r"^Date: .*$", "Date: <date>"),
    Rule("installed: ISO 8601", r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\+00:00)?", "<installed>"),
    Rule("installed: the theme's date", rf"\b(?:{MONTHS}) \d{{1,2}}, \d{{4}}", "<installed>"),
    Rule(
        "installed: permalink",
        r"(/|%2F|\\/)\d{4}(/|%2F|\\/)\d\d(/|%2F|\\/)\d\d\b",
        r"\1<y>\2<m>\3<d>",
    ),
    Rule(
        "installed: RFC 822 and HTTP dates",
        r"\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d (?:\+0000|GMT)",
        "<time>",
    ),
    Rule("feed ETag (md5 of the install time)", r'^ETag: "[0-9a-f]{32}', 'ETag: "<md5>'),
    Rule("etag mtime (install time)", r'^ETag: "([0-9a-f]+)-[0-9a-f]+', r'ETag: "\1-<mtime>'),
    Rule("WordPress nonce", r'"nonce":"[0-9a-f]{10}"', '"nonce":"<nonce>"'),
    Rule("phpMyAdmin session id", r"(phpMyAdmin=|set_session\" value=\")[0-9a-v]{26}", r"\1<sid>"),
    Rule("phpMyAdmin token", r"(token\" value=\"|token:\")[0-9a-f]{32}", r"\1<token>"),
    Rule("port in URLs", r"(https?://[^/:\"<]+):\d+/", r"\1:<port>/"),
    Rule("port in the address line", r" Port \d+</address>", " Port <port></address>"),
]


def dechunk(body: bytes) -> bytes:
    out = bytearray()
    while True:
        line, sep, body = body.partition(b"\r\n")
        if not sep or not line.strip():
            return bytes(out)
        size = int(line.split(b";")[0], 16)
        if not size:
            return bytes(out)
        out += body[:size]
        body = body[size + 2 :]


def normalise_http(answer: bytes, head_only: bool = False) -> bytes:
    """Each response's head with Content-Length checked and hidden and a chunked body joined
    (its framing kept: the header says it was chunked); the body whole."""
    out = bytearray()
    while answer.startswith(b"HTTP/"):
        head, sep, rest = answer.partition(b"\r\n\r\n")
        if not sep:
            break
        length = re.search(rb"\r\nContent-Length: (\d+)", head)
        if head_only:
            body, answer = b"", rest
            if length is not None:
                head = head.replace(length.group(0), b"\r\nContent-Length: <length>")
        elif b"\r\nTransfer-Encoding: chunked" in head:
            end = rest.find(b"\r\n0\r\n\r\n")
            end = len(rest) if end < 0 else end + 7
            body, answer = dechunk(rest[:end]), rest[end:]
        elif length is not None:
            body, answer = rest[: int(length.group(1))], rest[int(length.group(1)) :]
            assert len(body) == int(length.group(1)), head
            head = head.replace(length.group(0), b"\r\nContent-Length: <length>")
        else:
            body, answer = rest, b""
        if b"\r\nContent-Encoding: gzip" in head:
            body = b"[gzip]\n" + gzip.decompress(body)
        out += head + b"\r\n\r\n" + body
    return bytes(out + answer)


def http_done(got: bytes) -> bool:
    """One response is whole: its Content-Length of body, or its last chunk (or its head,
    when it can have no body)."""
    head, sep, body = got.partition(b"\r\n\r\n")
    if not sep:
        return False
    if b"\r\nContent-Length: " not in head and b"\r\nTransfer-Encoding: " not in head:
        return b"\r\nConnection: close" not in head and not body  # else: until the close
    if b"\r\nTransfer-Encoding: chunked" in head:
        return body.endswith(b"0\r\n\r\n")
    length = re.search(rb"\r\nContent-Length: (\d+)", head)
    return length is not None and len(body) >= int(length.group(1))


def ask(port: int, probe: bytes) -> bytes:
    c = Conversation(port, quiet=1.0, first=30.0, complete=http_done)
    answer = c.send(probe)
    c.close()
    return normalise_http(answer, head_only=probe.startswith(b"HEAD "))


def both(real: int, trap: int, probe: bytes) -> tuple[bytes, bytes]:
    with ThreadPoolExecutor(2) as pool:
        a, b = pool.map(lambda port: ask(port, probe), (real, trap))
    return a, b


@pytest.mark.parametrize("name", list(WORDPRESS))
def test_wordpress(
    name: str, webapps: harness.WebApps, traps: Daemon, trap_ports: dict[str, int]
) -> None:
    real, trap = both(webapps.wordpress, trap_ports["wordpress"], WORDPRESS[name])
    assert real.startswith(b"HTTP/1."), real[:200]
    diff(name, real, trap, RULES)


@pytest.mark.parametrize("name", list(PHPMYADMIN))
def test_phpmyadmin(
    name: str, webapps: harness.WebApps, traps: Daemon, trap_ports: dict[str, int]
) -> None:
    real, trap = both(webapps.phpmyadmin, trap_ports["phpmyadmin"], PHPMYADMIN[name])
    assert real.startswith(b"HTTP/1.1 "), real[:200]
    diff(name, real, trap, RULES)


def _phpmyadmin_login(port: int, user: bytes, password: bytes) -> bytes:
    """A browser's failed login: the form (its session cookie and token), then the POST."""
    page = ask(port, request(b"/phpmyadmin/"))
    sid = re.findall(rb"Set-Cookie: phpMyAdmin=(\w+)", page)[-1]
    token = re.search(rb'name="token" value="(\w+)"', page)
    assert token is not None
    body = b"route=%2F&token=" + token.group(1) + b"&set_session=&pma_username=" + user
    body += b"&pma_password=" + password + b"&server=1"
    cookie = b"Cookie: phpMyAdmin=" + sid + b"; pma_lang=en"
    return ask(port, form(b"/phpmyadmin/index.php?route=/", body, cookie))


def test_phpmyadmin_failed_login(
    webapps: harness.WebApps, traps: Daemon, trap_ports: dict[str, int]
) -> None:
    """The error text as Debian's phpMyAdmin shows it (MariaDB's 1698 for a user it does not
    let in by password), the cookies it sets, in order."""
    for user, password in ((b"admin", b"secret"), (b"root", b"secret"), (b"admin", b""),
                           (b"o%27brien%22%3Cb%3E%26%5C", b"x")):  # fmt: skip
        with ThreadPoolExecutor(2) as pool:
            ports = (webapps.phpmyadmin, trap_ports["phpmyadmin"])
            real, trap = pool.map(_phpmyadmin_login, ports, (user, user), (password, password))
        assert b"Cannot log in to the MySQL server" in real or not password
        diff(f"phpMyAdmin failed login as {user!r}, {password!r}", real, trap, RULES)


def nmap_scripts(port: int) -> str:
    out = subprocess.run(
        ["nmap", "-sV", "-Pn", "-n", "--host-timeout", "120s", "-p", str(port),
         "--script", "http-generator,http-wordpress-enum,http-wordpress-users",
         "--script-args", f"http.host={TRAP_HOSTNAME}", "127.0.0.1"],
        capture_output=True, text=True, timeout=180, check=True,
    ).stdout  # fmt: skip
    lines = out.splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith(f"{port}/tcp"))
    service, blocks = lines[start].replace(str(port), "<port>"), list[list[str]]()
    for line in lines[start + 1 :]:
        if not line.startswith("|"):
            break
        if re.match(r"\|[ _][a-z0-9-]+:", line):
            blocks.append([])  # a script's first line (nmap prints them as they finish)
        blocks[-1].append(line.removeprefix("|_").removeprefix("|").strip())
    return "\n".join([service, *sorted("\n".join(b) for b in blocks)])


def test_nmap_sees_the_same_wordpress(
    webapps: harness.WebApps, traps: Daemon, trap_ports: dict[str, int]
) -> None:
    """nmap -sV with http-generator, http-wordpress-enum and http-wordpress-users (Debian 12's
    nmap 7.93): the same service line, generator and version, themes and plugins, and users
    (by ?author=N) of the trap as of the real site."""
    with ThreadPoolExecutor(2) as pool:
        real, trap = pool.map(nmap_scripts, (webapps.wordpress, trap_ports["wordpress"]))
    assert "WordPress 6.1.9" in real and f"{ADMIN}" in real, real
    diff("nmap", real.encode(), trap.encode())
