"""Write the WordPress and phpMyAdmin page templates the HTTP trap serves, from Debian 12's
real packages (``python -m tests.fidelity.capture_webapps``, as root, with the test packages).

Starts the fidelity harness's ``webapps`` (Debian's wordpress 6.1.9 and phpmyadmin 5.2.1
under apache2 with mod_php), asks each page once, and writes its body to
honeymesh/detection/traps/www/ with every per-site value replaced by a ``@@NAME@@``
placeholder the trap fills in (``wordpress.py``, ``phpmyadmin.py``): the host name, the site
title, the administrator's name and Gravatar hash, the install time, nonces and tokens. The
pages are WordPress's and phpMyAdmin's output (GPL-2.0-or-later, as they are). The trap's
modules load every template at import, and this script imports them (for the administrator's
name): a new template needs an empty file in www/ before its first capture.
"""

from __future__ import annotations

import gzip
import hashlib
import re
import shutil
import socket
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

from honeymesh.detection.traps.wordpress import admin_name
from tests.fidelity import harness

HOST = "intranet.example.net"
TITLE = "Kestrel Intranet"
#: wp_shake_js(): after a failed login, the form shakes (not after a cookie error).
SHAKE = (
    b'\t<script type="text/javascript">\n'
    b"\tdocument.querySelector('form').classList.add('shake');\n\t</script>\n\t"
)
#: MariaDB's refusal as phpMyAdmin shows it (the trap words it per user: phpmyadmin.py).
DENIED = (
    b"(HY000/1045): Access denied for user &#039;admin&#039;@&#039;localhost&#039; "
    b"(using password: YES)"
)
OUT = Path(__file__).resolve().parents[2] / "honeymesh/detection/traps/www"


def fetch(port: int, path: str, body: bytes = b"", cookie: str = "") -> tuple[str, bytes]:
    method = "POST" if body else "GET"
    head = f"{method} {path} HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n"
    if body:
        head += (
            f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n"
        )
    if cookie:
        head += f"Cookie: {cookie}\r\n"
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(head.encode() + b"\r\n" + body)
        got = bytearray()
        while chunk := s.recv(65536):
            got += chunk
    headers, _, rest = bytes(got).partition(b"\r\n\r\n")
    if b"Transfer-Encoding: chunked" in headers:
        out = bytearray()
        while True:
            size_line, _, rest = rest.partition(b"\r\n")
            size = int(size_line.split(b";")[0], 16)
            if not size:
                break
            out += rest[:size]
            rest = rest[size + 2 :]
        rest = bytes(out)
    return headers.decode("latin-1"), rest


def installed_at(port: int) -> time.struct_time:
    _, feed = fetch(port, "/feed/")
    m = re.search(rb"<pubDate>([^<]+)</pubDate>", feed)
    assert m is not None
    return time.strptime(m.group(1).decode(), "%a, %d %b %Y %H:%M:%S +0000")


def template(text: str, when: time.struct_time, admin: str) -> str:
    iso = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", when)
    day = time.strftime("%B ", when) + str(when.tm_mday) + time.strftime(", %Y", when)
    for value, name in (
        (iso, "ISO"),
        (time.strftime("%Y-%m-%dT%H:%M:%S", when), "ISO_NAIVE"),  # the REST API's
        (time.strftime("%a, %d %b %Y %H:%M:%S +0000", when), "RFC822"),
        (day, "DAY"),
        (time.strftime("%Y/%m/%d", when), "YMD"),
        (time.strftime("%Y%%2F%m%%2F%d", when), "YMD_QUOTED"),
        (time.strftime("%Y\\/%m\\/%d", when), "YMD_JSON"),
        (hashlib.md5(f"{admin}@{HOST}".encode()).hexdigest(), "AVATAR"),
        (HOST, "HOST"),
        (TITLE, "TITLE"),
        (admin, "ADMIN"),
    ):
        text = text.replace(value, f"@@{name}@@")
    text = re.sub(r'"nonce":"[0-9a-f]{10}"', '"nonce":"@@NONCE@@"', text)
    text = re.sub(
        r'name="set_session" value="[0-9a-v]{26}"', 'name="set_session" value="@@SESSION@@"', text
    )
    return text


def main() -> None:
    admin = admin_name(TITLE)
    where = Path(tempfile.mkdtemp(prefix="capture-webapps-"))
    apps = harness.webapps(where, HOST, TITLE, admin)
    try:
        wp, pma = apps.wordpress, apps.phpmyadmin
        when = installed_at(wp)
        pages = {
            "wordpress-home.html": fetch(wp, "/")[1],
            "wordpress-404.html": fetch(wp, "/nope")[1],
            "wordpress-author.html": fetch(wp, f"/author/{admin}/")[1],
            "wordpress-login.html": fetch(wp, "/wp-login.php")[1],
            "wordpress-feed.xml": fetch(wp, "/feed/")[1],
            "wordpress-comments-feed.xml": fetch(wp, "/comments/feed/")[1],
            "wordpress-atom.xml": fetch(wp, "/feed/atom/")[1],
            "wordpress-rdf.xml": fetch(wp, "/feed/rdf/")[1],
            "wordpress-install.html": fetch(wp, "/wp-admin/install.php")[1],
            "wordpress-lostpassword.html": fetch(wp, "/wp-login.php?action=lostpassword")[1],
            "wordpress-rsd.xml": fetch(wp, "/xmlrpc.php?rsd")[1],
            "wordpress-sitemap.xml": fetch(wp, "/wp-sitemap.xml")[1],
            "wordpress-page.html": fetch(wp, "/sample-page/")[1],
            "wordpress-post.html": fetch(wp, time.strftime("/%Y/%m/%d/hello-world/", when))[1],
            "wordpress-posts.json": fetch(wp, "/wp-json/wp/v2/posts")[1],
        }
        failed = fetch(wp, "/wp-login.php", f"log={admin}&pwd=x".encode())[1]
        failed = re.sub(rb'<div id="login_error">.*?</div>\n', b"@@ERROR@@", failed, flags=re.S)
        for said, placeholder in (
            (f'value="{admin}"'.encode(), b'value="@@VALUE@@"'),
            (b'd = document.getElementById( "user_pass" ); d.value = "";', b"@@FOCUS@@"),
            (SHAKE, b"@@SHAKE@@"),
        ):
            assert said in failed, said
            failed = failed.replace(said, placeholder)
        pages["wordpress-login-failed.html"] = failed
        xml = b'<?xml version="1.0"?><methodCall><methodName>system.listMethods</methodName>'
        pages["wordpress-xmlrpc-methods.xml"] = fetch(wp, "/xmlrpc.php", xml + b"</methodCall>")[1]
        headers, page = fetch(pma, "/phpmyadmin/")
        token = re.search(rb'name="token" value="([0-9a-f]{32})"', page)
        assert token is not None
        pages["phpmyadmin-login.html"] = page.replace(token.group(1), b"@@TOKEN@@")
        cookie = re.findall(r"Set-Cookie: (phpMyAdmin=\w+)", headers)[-1]  # the session's last id
        form = urlencode({"route": "/", "token": token.group(1).decode(), "set_session": "",
                          "pma_username": "admin", "pma_password": "x", "server": "1"})  # fmt: skip
        cookie += "; pma_lang=en"  # as a browser sends back what the form set
        _, page = fetch(pma, "/phpmyadmin/index.php?route=/", form.encode(), cookie)
        token = re.search(rb'name="token" value="([0-9a-f]{32})"', page)
        assert token is not None and b"(HY000/1045)" in page, page
        page = page.replace(token.group(1), b"@@TOKEN@@")
        for said, placeholder in (
            (DENIED, b"@@DENIED@@"),
            (b'value="admin"', b'value="@@USER@@"'),
            (b'user:"admin"', b'user:"@@USER_JS@@"'),
        ):
            assert said in page, said
            page = page.replace(said, placeholder)
        pages["phpmyadmin-login-failed.html"] = page
        for name, body in pages.items():
            text = template(body.decode("utf-8"), when, admin)
            (OUT / name).write_text(text, encoding="utf-8")
        _, api = fetch(wp, "/wp-json/")
        text = template(api.decode("utf-8"), when, admin)
        (OUT / "wordpress-wp-json.json.gz").write_bytes(gzip.compress(text.encode(), mtime=0))
    finally:
        apps.stop()
        shutil.rmtree(where, ignore_errors=True)


if __name__ == "__main__":
    main()
