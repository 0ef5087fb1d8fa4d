"""The HTTP trap against Debian 12's apache2 2.4.71-1~deb12u1, probe by probe.

The real server runs Debian's own /etc/apache2 (default site, security.conf, the enabled
modules) with a copy of the package's /var/www/html, an ``admin/`` directory behind Basic auth
and WordPress's top-level directories (tests/fidelity/harness.py ``apache``). The traps: the
``http`` persona's default site, and a ``wordpress`` one for a site that has directories.

Normalised, per host only: the Date; Last-Modified and the mtime half of the ETag (the
default page's mtime is its install time); the port in ``Port N`` and in URLs; the server
name Apache guesses when the client sends no Host (the trap says its persona hostname); the
order of the ``Allow`` list (Apache walks a hash table with a per-process seed, so two real
servers differ there too); and Content-Length of Apache's error pages, whose body names those
hosts and ports (every answer's Content-Length is first checked against its own body).
"""

from __future__ import annotations

import re
import socket
import ssl
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.e2e.daemon import Daemon
from tests.fidelity.harness import Apache, Conversation, Rule, diff

HOST = b"www.example.org"
TRAP_HOSTNAME = "intranet.example.net"  # the persona's hostname (set: conftest.PERSONAS)
TLS_NMAP = "http Apache httpd 2.4.71"  # nmap 7.93 of the real default-ssl port (see TRAPS.md)


def get(path: bytes, *headers: bytes, method: bytes = b"GET", version: bytes = b"1.1") -> bytes:
    lines = [method + b" " + path + b" HTTP/" + version, b"Host: " + HOST, *headers]
    return b"\r\n".join(lines) + b"\r\n\r\n"


def bare(line: bytes, *headers: bytes) -> bytes:
    return b"\r\n".join([line, *headers]) + b"\r\n\r\n"


MANY_FIELDS = tuple(b"X-%d: a" % i for i in range(101))

PROBES: dict[str, bytes] = {
    "GET /": get(b"/"),
    "GET / keep-alive twice": get(b"/", b"Connection: keep-alive") * 2,
    "GET / close": get(b"/", b"Connection: close"),
    "HEAD /": get(b"/", method=b"HEAD"),
    "GET /index.html": get(b"/index.html"),
    "GET /?query": get(b"/?x=1&y=2"),
    "GET / HTTP/1.0 without Host": bare(b"GET / HTTP/1.0"),
    "GET / HTTP/1.0 keep-alive": bare(b"GET / HTTP/1.0", b"Connection: keep-alive"),
    "GET / HTTP/1.1 without Host": bare(b"GET / HTTP/1.1"),
    "GET / HTTP/2.0": get(b"/", version=b"2.0"),
    "HTTP/0.9": b"GET /\r\n",
    "absolute URI": get(b"http://example.com/"),
    "Host with a port": bare(b"GET /nope HTTP/1.1", b"Host: www.example.org:8080"),
    "Host in capitals with a dot": bare(b"GET /nope HTTP/1.1", b"Host: WWW.Example.ORG."),
    "Host invalid": bare(b"GET / HTTP/1.1", b"Host: <script>"),
    "GET /nope": get(b"/nope"),
    "HEAD /nope": get(b"/nope", method=b"HEAD"),
    "GET /nope HTTP/1.0 without Host": bare(b"GET /nope HTTP/1.0"),
    "POST /nope": get(b"/nope", b"Content-Length: 3", method=b"POST") + b"a=b",
    "POST /": get(b"/", b"Content-Length: 3", method=b"POST") + b"a=b",
    "GET /../../etc/passwd": get(b"/../../etc/passwd"),
    "GET /%2e%2e/%2e%2e/etc/passwd": get(b"/%2e%2e/%2e%2e/etc/passwd"),
    "CVE-2021-41773": get(b"/icons/.%2e/%2e%2e/%2e%2e/etc/passwd"),
    "GET /a/../index.html": get(b"/a/../index.html"),
    "GET /%zz": get(b"/%zz"),
    "GET /.env": get(b"/.env"),
    "GET /.git/config": get(b"/.git/config"),
    "GET /.htaccess": get(b"/.htaccess"),
    "GET /.htpasswd": get(b"/.htpasswd"),
    "GET /icons/": get(b"/icons/"),
    "GET /icons": get(b"/icons"),
    "GET /icons/README": get(b"/icons/README"),
    "GET /icons/openlogo-75.png": get(b"/icons/openlogo-75.png"),
    "GET /cgi-bin/": get(b"/cgi-bin/"),
    "GET /wp-login.php": get(b"/wp-login.php"),
    "GET /phpmyadmin/": get(b"/phpmyadmin/"),
    "GET /admin/": get(b"/admin/"),
    "GET /admin": get(b"/admin"),
    "GET /admin/ Basic auth": get(b"/admin/", b"Authorization: Basic YWRtaW46YWRtaW4="),
    "PUT /admin/": get(b"/admin/", b"Content-Length: 0", method=b"PUT"),
    "OPTIONS *": get(b"*", method=b"OPTIONS"),
    "OPTIONS /": get(b"/", method=b"OPTIONS"),
    "OPTIONS /nope": get(b"/nope", method=b"OPTIONS"),
    "TRACE /": get(b"/", method=b"TRACE"),
    "PUT /": get(b"/", b"Content-Length: 0", method=b"PUT"),
    "DELETE /nope": get(b"/nope", method=b"DELETE"),
    "PROPFIND /": get(b"/", method=b"PROPFIND"),
    "CONNECT": bare(b"CONNECT example.com:443 HTTP/1.1", b"Host: example.com:443"),
    "unknown method": get(b"/", method=b"BREW"),
    "lower-case method": get(b"/", method=b"get"),
    "unknown method, missing path": get(b"/nope", method=b"BREW"),
    "request line without version": bare(b"GET / FOO", b"Host: www.example.org"),
    "header without a colon": get(b"/", b"Badheader"),
    "URI too long (414)": get(b"/" + b"a" * 9000),
    "header field too long": get(b"/", b"X-Big: " + b"a" * 9000),
    "too many header fields": get(b"/", *MANY_FIELDS),
    "Range: one": get(b"/", b"Range: bytes=0-9"),
    "Range: the last bytes": get(b"/", b"Range: bytes=-20"),
    "Range: open-ended": get(b"/", b"Range: bytes=10690-"),
    "Range: two": get(b"/", b"Range: bytes=0-9,20-29"),
    "Range: unsatisfiable (416)": get(b"/", b"Range: bytes=99999-"),
    "Range: not bytes": get(b"/", b"Range: lines=1-2"),
    "Range: of an image": get(b"/icons/openlogo-75.png", b"Range: bytes=0-15"),
    "Accept-Encoding: gzip": get(b"/", b"Accept-Encoding: gzip, deflate, br"),
    "HEAD with gzip": get(b"/", b"Accept-Encoding: gzip", method=b"HEAD"),
    "image with gzip": get(b"/icons/openlogo-75.png", b"Accept-Encoding: gzip"),
    "404 with gzip": get(b"/nope", b"Accept-Encoding: gzip"),
    "chunked body, then a request": get(b"/nope", b"Transfer-Encoding: chunked", method=b"POST")
    + b"3;x=1\r\nabc\r\n0\r\nX-Trailer: 1\r\n\r\n"
    + get(b"/nope"),
    "chunked, identity first": get(
        b"/nope", b"Transfer-Encoding: identity, chunked", method=b"POST"
    )
    + b"0\r\n\r\n",
    "Transfer-Encoding not chunked": get(b"/", b"Transfer-Encoding: gzip", method=b"POST"),
    "chunked and Content-Length": get(
        b"/nope", b"Transfer-Encoding: chunked", b"Content-Length: 5", method=b"POST"
    )
    + b"3\r\nabc\r\n0\r\n\r\n",
    "bad chunk size": get(b"/nope", b"Transfer-Encoding: chunked", method=b"POST")
    + b"zz\r\nabc\r\n0\r\n\r\n",
    "Host empty": bare(b"GET / HTTP/1.1", b"Host: "),
    "absolute https URI": get(b"https://example.com/nope"),
    "GET //": get(b"//"),
    "GET //index.html": get(b"//index.html"),
    "GET /index.html/": get(b"/index.html/"),
    "GET /index.html/x": get(b"/index.html/x"),
    "GET /%00": get(b"/%00"),
    "GET /%2f": get(b"/%2f"),
    "GET /./": get(b"/./"),
    "GET /?": get(b"/?"),
    "GET /#frag": get(b"/#frag"),
    "GET /%7e": get(b"/%7euser"),
    "GET /~root": get(b"/~root"),
    "request line with two spaces": bare(b"GET  / HTTP/1.1", b"Host: www.example.org"),
    "tab in the request line": bare(b"GET\t/ HTTP/1.1", b"Host: www.example.org"),
    "space before a header colon": get(b"/", b"X-Foo : bar"),
    "folded header": get(b"/", b"X-Foo: bar", b" baz"),
    "garbage": b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03garbage\r\n\r\n",
}

RULES = [
    Rule("date", r"^Date: .*$", "Date: <date>"),
    Rule("last modified (install time)", r"^Last-Modified: .*$", "Last-Modified: <mtime>"),
    Rule("etag mtime (install time)", r'^ETag: "([0-9a-f]+)-[0-9a-f]+', r'ETag: "\1-<mtime>'),
    Rule("multipart boundary (random)", r"(boundary=|--)[0-9a-f]{8,20}\b", r"\1<boundary>"),
    Rule("port in the address line", r" Port \d+</address>", " Port <port></address>"),
    Rule("port in URLs", r"(https?://[^/:\"<]+):\d+/", r"\1:<port>/"),
    Rule(
        "server name without a Host",
        rf"(Server at |https?://)(?:127\.0\.0\.1|{re.escape(TRAP_HOSTNAME)})\b",
        r"\1<server name>",
    ),
]


def _responses(data: bytes, head_only: bool) -> list[tuple[bytes, bytes]]:
    """The (head, body) of each response in ``data``, by its Content-Length."""
    out = []
    while data.startswith(b"HTTP/"):
        head, sep, rest = data.partition(b"\r\n\r\n")
        if not sep:
            break
        m = re.search(rb"\r\nContent-Length: (\d+)", head)
        size = 0 if head_only or m is None else int(m.group(1))
        if m is None and not head_only and b" 304 " not in head.split(b"\r\n")[0]:
            size = len(rest)
        out.append((head, rest[:size]))
        data = rest[size:]
    return out


def normalise_framing(data: bytes, head_only: bool = False) -> bytes:
    """Check each response's Content-Length against its body, then hide it where the body
    names per-host values (Apache's own pages, a multipart boundary); sort the Allow list."""
    parts = _responses(data, head_only)
    if not parts:
        return data
    out = bytearray()
    for head, body in parts:
        m = re.search(rb"\r\nContent-Length: (\d+)", head)
        if m is not None and not head_only:
            assert int(m.group(1)) == len(body), head
        if m is not None and (b"charset=iso-8859-1" in head or b"multipart/" in head):
            head = head.replace(m.group(0), b"\r\nContent-Length: <length>")
        head = re.sub(
            rb"\r\nAllow: ([A-Z,]*)",
            lambda a: b"\r\nAllow: " + b",".join(sorted(a.group(1).split(b","))),
            head,
        )
        out += head + b"\r\n\r\n" + body
    return bytes(out)


def ask(port: int, probe: bytes, tls: bool = False) -> bytes:
    c = Conversation(port, quiet=0.3)
    if tls:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        c.sock = context.wrap_socket(c.sock, server_hostname="www.example.org")
    answer = c.send(probe)
    c.close()
    return answer


def both(real: int, trap: int, probe: bytes) -> tuple[bytes, bytes]:
    head_only = probe.startswith(b"HEAD ")
    with ThreadPoolExecutor(2) as pool:
        a, b = pool.map(lambda port: ask(port, probe), (real, trap))
    return normalise_framing(a, head_only), normalise_framing(b, head_only)


@pytest.mark.parametrize("name", list(PROBES))
def test_probe(name: str, real_apache: Apache, traps: Daemon, trap_ports: dict[str, int]) -> None:
    real, trap = both(real_apache.port, trap_ports["http"], PROBES[name])
    assert real, "the real server said nothing"
    diff(name, real, trap, RULES)


def test_server_status_is_forbidden_as_to_a_remote_client(
    real_apache: Apache, traps: Daemon, trap_ports: dict[str, int]
) -> None:
    """Debian's status.conf says ``Require local``: the real server shows its status to this
    loopback prober, and 403 to everyone else. No attacker is local, so the trap always
    answers the 403, which must be the real 403 (here: Debian's for /.htaccess)."""
    real = normalise_framing(ask(real_apache.port, get(b"/.htaccess")))
    trap = normalise_framing(ask(trap_ports["http"], get(b"/server-status")))
    diff("/server-status", real, trap, RULES)
    local = ask(real_apache.port, get(b"/server-status"))
    assert local.startswith(b"HTTP/1.1 200 OK") and b"Apache Status" in local


def _validators(port: int) -> tuple[bytes, bytes]:
    head = ask(port, get(b"/", method=b"HEAD"))
    etag = re.search(rb"\r\nETag: (\S+)", head)
    modified = re.search(rb"\r\nLast-Modified: ([^\r]+)", head)
    assert etag is not None and modified is not None, head
    return etag.group(1), modified.group(1)


@pytest.mark.parametrize("kind", ["If-None-Match", "If-Modified-Since", "both, stale tag"])
def test_conditional_get(
    kind: str, real_apache: Apache, traps: Daemon, trap_ports: dict[str, int]
) -> None:
    """Each side's own validators, sent back: 304 with them, and stable between requests."""
    answers = []
    for port in (real_apache.port, trap_ports["http"]):
        etag, modified = _validators(port)
        assert _validators(port) == (etag, modified)  # stable
        headers = {
            "If-None-Match": [b"If-None-Match: " + etag],
            "If-Modified-Since": [b"If-Modified-Since: " + modified],
            "both, stale tag": [b'If-None-Match: "1-2"', b"If-Modified-Since: " + modified],
        }[kind]
        answers.append(normalise_framing(ask(port, get(b"/", *headers))))
    diff(kind, answers[0], answers[1], RULES)


@pytest.mark.parametrize(
    "probe",
    [
        get(b"/wp-content"),
        bare(b"GET /wp-includes HTTP/1.0"),
        bare(b"GET /wp-admin HTTP/1.1", b"Host: x:81"),
        get(b"/wp-admin", b"Host: x:81"),
    ],
    ids=["with Host", "HTTP/1.0 without Host", "Host with a port", "two Hosts"],
)
def test_directory_without_trailing_slash_is_a_301(
    probe: bytes, real_apache: Apache, traps: Daemon, trap_ports: dict[str, int]
) -> None:
    real, trap = both(real_apache.port, trap_ports["wordpress"], probe)
    diff("directory redirect", real, trap, RULES)


TLS_PROBES = ["GET /", "HEAD /", "GET /nope", "GET /admin/ Basic auth", "GET /../../etc/passwd",
              "OPTIONS *", "unknown method", "URI too long (414)"]  # fmt: skip


@pytest.mark.parametrize("name", TLS_PROBES)
def test_tls_probe(
    name: str, real_apache: Apache, traps: Daemon, trap_ports: dict[str, int]
) -> None:
    """Inside TLS the same Apache and the same site answer as on the real default-ssl site."""
    head_only = PROBES[name].startswith(b"HEAD ")
    with ThreadPoolExecutor(2) as pool:
        real, trap = pool.map(
            lambda port: normalise_framing(ask(port, PROBES[name], tls=True), head_only),
            (real_apache.tls_port, trap_ports["tls"]),
        )
    diff(name, real, trap, RULES)


def test_unfinished_request_gets_the_408_after_twenty_seconds(
    real_apache: Apache, traps: Daemon, trap_ports: dict[str, int]
) -> None:
    """mod_reqtimeout's 408 (about 20 s after the headers stopped coming): both sides wait
    in parallel, and the page, its headers and the close are compared."""

    def wait_for_408(port: int) -> bytes:
        c = Conversation(port, quiet=5.0, first=30.0)
        answer = c.send(b"GET / HTTP/1.1\r\nHost: www.example.org\r\n", first=30.0)
        c.close()
        return normalise_framing(answer)

    with ThreadPoolExecutor(2) as pool:
        real, trap = pool.map(wait_for_408, (real_apache.port, trap_ports["http"]))
    assert real.startswith(b"HTTP/1.1 408 ")
    diff("unfinished request", real, trap, RULES)


def test_kept_alive_connection_is_closed_with_a_fin_after_keepalivetimeout(
    real_apache: Apache, traps: Daemon, trap_ports: dict[str, int]
) -> None:
    """After an answer and no next request, both close the connection themselves (a FIN,
    no reset), well before the trap's own 30 s idle timeout: Apache's KeepAliveTimeout 5."""

    def wait_for_close(port: int, tls: bool) -> tuple[bytes, float]:
        with socket.create_connection(("127.0.0.1", port), timeout=15) as plain:
            s = plain
            if tls:
                context = ssl.create_default_context()
                context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
                s = context.wrap_socket(plain)
            s.sendall(get(b"/nope"))
            started, got = time.monotonic(), b""
            while chunk := s.recv(65536):  # b"" at the FIN (or close_notify); a reset raises
                got += chunk
            return normalise_framing(got), time.monotonic() - started

    for name, tls in (("http", False), ("tls", True)):
        ports = (real_apache.tls_port if tls else real_apache.port, trap_ports[name])
        with ThreadPoolExecutor(2) as pool:
            (real, real_after), (trap, trap_after) = pool.map(wait_for_close, ports, (tls, tls))
        diff(f"kept alive, then idle ({name})", real, trap, RULES)
        assert real_after < 15 and trap_after < 15


@pytest.mark.parametrize("path", [b"/", b"/nope", b"/admin/"])
def test_expect_100_continue(
    path: bytes, real_apache: Apache, traps: Daemon, trap_ports: dict[str, int]
) -> None:
    """curl's large POSTs: ``100 Continue`` before the body where Apache reads it; the 401
    at once (then a close) behind Basic auth, where it does not."""

    def talk(port: int) -> bytes:
        c = Conversation(port, quiet=0.3)
        head = get(path, b"Expect: 100-continue", b"Content-Length: 10", method=b"POST")
        first = c.send(head)
        second = c.send(b"a=b&c=defg") if b"100 Continue" in first else b"(no 100)"
        c.close()
        return b"< " + normalise_framing(first) + b"\n< " + normalise_framing(second)

    with ThreadPoolExecutor(2) as pool:
        real, trap = pool.map(talk, (real_apache.port, trap_ports["http"]))
    diff("Expect: 100-continue", real, trap, RULES)


def test_plain_http_on_the_tls_port(
    real_apache: Apache, traps: Daemon, trap_ports: dict[str, int]
) -> None:
    real, trap = both(real_apache.tls_port, trap_ports["tls"], get(b"/"))
    diff("plain HTTP to the TLS port", real, trap, RULES)


def nmap_service(port: int) -> str:
    out = subprocess.run(
        ["nmap", "-sV", "-Pn", "-n", "--host-timeout", "60s", "-p", str(port), "127.0.0.1"],
        capture_output=True, text=True, timeout=120, check=True,
    ).stdout  # fmt: skip
    line = next((ln for ln in out.splitlines() if ln.startswith(f"{port}/tcp")), "")
    return " ".join(line.split()[2:])


def test_nmap_names_the_trap_as_the_real_server(
    real_apache: Apache, traps: Daemon, trap_ports: dict[str, int]
) -> None:
    """nmap -sV (Debian 12's 7.93) says the same of the trap as of the real apache2, on the
    HTTP port and on the TLS port."""
    pairs = [(real_apache.port, trap_ports["http"]), (real_apache.tls_port, trap_ports["tls"])]
    with ThreadPoolExecutor(4) as pool:
        said = list(pool.map(nmap_service, [port for pair in pairs for port in pair]))
    assert said[0] == said[1] == "http Apache httpd 2.4.71 ((Debian))"
    assert said[2] == said[3] == TLS_NMAP


def test_probes_reach_the_trap(traps: Daemon, trap_ports: dict[str, int]) -> None:
    """The trap is listening where the probes go (a diff against silence would say little)."""
    with socket.create_connection(("127.0.0.1", trap_ports["http"]), timeout=3) as s:
        s.sendall(get(b"/", b"Connection: close"))
        assert s.recv(12) == b"HTTP/1.1 200"
