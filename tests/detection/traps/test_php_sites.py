"""The HTTP trap's PHP sites (WordPress, phpMyAdmin) with bytes alone: what an attacker sends
them is captured, what they echo back is escaped, and they claim the versions Debian ships
(tests/fidelity/test_webapps.py diffs them against the real packages)."""

from __future__ import annotations

import re
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from honeymesh.detection.traps.http import HttpDialogue
from honeymesh.detection.traps.wordpress import xmlrpc_login

from .dialogues import HTTP, now, talk

WORDPRESS = replace(HTTP, site="wordpress")  # title "Intranet": the administrator "intranet"
PHPMYADMIN = replace(HTTP, site="phpmyadmin")


def post(path: bytes, body: bytes, *headers: bytes) -> bytes:
    head = [b"POST " + path + b" HTTP/1.1", b"Host: x", b"Content-Length: %d" % len(body)]
    return b"\r\n".join([*head, *headers]) + b"\r\n\r\n" + body


def get(path: bytes) -> bytes:
    return b"GET " + path + b" HTTP/1.1\r\nHost: x\r\n\r\n"


def users_blogs(user: bytes, password: bytes) -> bytes:
    return (
        b'<?xml version="1.0"?><methodCall><methodName>wp.getUsersBlogs</methodName><params>'
        b"<param><value><string>" + user + b"</string></value></param>"
        b"<param><value><string>" + password + b"</string></value></param>"
        b"</params></methodCall>"
    )


def test_an_xmlrpc_login_is_a_credential_and_gets_wordpress_s_fault() -> None:
    """wp.getUsersBlogs, the brute-forcers' way past wp-login.php: each call is one login
    attempt, recorded as one, and answered with WordPress's fault 403."""
    t = talk(HttpDialogue(WORDPRESS, now), post(b"/xmlrpc.php", users_blogs(b"admin", b"p&amp;ss")))
    (cred,) = t.found("trap.credential")
    assert (cred["username"], cred["password"], cred["method"]) == ("admin", "p&ss", "xmlrpc")
    assert b"<value><string>Incorrect username or password.</string></value>" in t.output
    assert b"\r\nConnection: close\r\n" in t.output and t.closed


def test_a_metaweblog_call_s_credentials_follow_its_blog_id() -> None:
    call = (
        b"<methodCall><methodName>metaWeblog.getRecentPosts</methodName><params>"
        b"<param><value><string>1</string></value></param>"
        b"<param><value>editor</value></param>"
        b"<param><value><string>hunter2</string></value></param></params></methodCall>"
    )
    assert xmlrpc_login(call) == ("editor", "hunter2")
    assert xmlrpc_login(b"<methodCall><methodName>system.listMethods</methodName>") is None


@given(st.binary(max_size=3000))
def test_xmlrpc_login_takes_any_bytes(body: bytes) -> None:
    """Hostile input: no exception, a pair of bounded strings or nothing."""
    found = xmlrpc_login(b"<methodName>wp.getUsersBlogs</methodName>" + body)
    assert found is None or all(len(part) <= 512 for part in found)


def test_wordpress_echoes_a_login_name_without_its_markup() -> None:
    """The failed login repeats the name tried as WordPress's sanitize_user() leaves it: no
    tags (a script's content gone with them), quotes and a lone ampersand kept."""
    body = b"log=%3Cb%3Eo%27brien%22%26%3C%2Fb%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E&pwd=x"
    t = talk(HttpDialogue(WORDPRESS, now), post(b"/wp-login.php", body))
    assert b"The username <strong>o'brien\"&</strong> is not registered" in t.output
    assert b"alert(1)" not in t.output


def test_phpmyadmin_echoes_a_user_name_escaped() -> None:
    body = b"pma_username=%22%3E%3Cimg+src%3Dx%3E&pma_password=x&server=1"
    session = b"Cookie: phpMyAdmin=abcdefghijklmnopqrstuv0123; pma_lang=en"
    t = talk(HttpDialogue(PHPMYADMIN, now), post(b"/phpmyadmin/index.php?route=/", body, session))
    assert (
        b"Access denied for user &#039;&amp;quot;&amp;gt;&amp;lt;img src=x&amp;gt;&#039;@"
        in t.output
    )
    assert b'id="input_username" value="&quot;&gt;&lt;img src=x&gt;"' in t.output
    assert b'user:"\\"><img src=x>"' in t.output  # a JS string, as phpMyAdmin escapes it
    (cred,) = t.found("trap.credential")
    assert cred["username"] == '"><img src=x>'


def test_each_php_page_claims_debian_s_versions() -> None:
    """WordPress 6.1.9 and phpMyAdmin 5.2.1 (Debian 12's), never a version Debian lacks."""
    home = talk(HttpDialogue(WORDPRESS, now), get(b"/")).output
    assert b'<meta name="generator" content="WordPress 6.1.9" />' in home
    assert b"6.6.2" not in home
    pma = talk(HttpDialogue(PHPMYADMIN, now), get(b"/phpmyadmin/")).output
    assert b"?v=5.2.1deb1%2Bdeb12u1" in pma and b'version:"5.2.1deb1+deb12u1"' in pma


def test_the_laravel_site_claims_no_version() -> None:
    """Laravel is not in Debian, so no real one is diffed: its pages must not name a version
    (of Laravel, PHP or anything else) that nothing backs."""
    laravel = replace(HTTP, site="laravel", powered_by="")
    for path in (b"/", b"/login", b"/nope"):
        out = talk(HttpDialogue(laravel, now), get(path)).output
        head, _, body = out.partition(b"\r\n\r\n")
        assert re.search(rb"\d+\.\d+\.\d+", body) is None, (path, body[:200])
        assert b"X-Powered-By" not in head and b"Apache/2.4.62 (Debian)" in head


def test_each_login_of_an_xmlrpc_multicall_is_a_credential() -> None:
    """system.multicall packs many guesses into one request: each is recorded, each gets
    WordPress's fault in the answer's array."""
    calls = b"".join(
        b"<value><struct><member><name>methodName</name><value><string>wp.getUsersBlogs"
        b"</string></value></member><member><name>params</name><value><array><data><value>"
        b"<string>admin</string></value><value><string>guess%d</string></value></data></array>"
        b"</value></member></struct></value>" % i
        for i in range(3)
    )
    call = b"<methodCall><methodName>system.multicall</methodName>" + calls + b"</methodCall>"
    t = talk(HttpDialogue(WORDPRESS, now), post(b"/xmlrpc.php", call))
    tried = [(c["username"], c["password"]) for c in t.found("trap.credential")]
    assert tried == [("admin", "guess0"), ("admin", "guess1"), ("admin", "guess2")]
    assert t.output.count(b"<int>403</int>") == 3


def test_the_login_form_s_nonce_turns_every_twelve_hours() -> None:
    """As wp_create_nonce()'s tick: the same within a tick, another after it."""

    def nonce(at: float) -> bytes:
        out = talk(HttpDialogue(WORDPRESS, lambda: at), get(b"/wp-login.php")).output
        found = re.search(rb'"nonce":"([0-9a-f]{10})"', out)
        assert found is not None
        return found.group(1)

    tick = 43200 * 40_000
    assert nonce(tick + 1) == nonce(tick + 43199) != nonce(tick + 43201)
