"""The SMTP trap against Debian 12's Postfix 3.7 (its shipped main.cf and master.cf, the TLS
lines its postinst adds beside ssl-cert's snakeoil certificate, and Cyrus SASL PLAIN/LOGIN
enabled as a mail server that takes logins has it), conversation by conversation, STARTTLS
included: the certificates are compared by shape (make-ssl-cert's against the persona's)."""

from __future__ import annotations

import base64
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.e2e.daemon import Daemon
from tests.fidelity.harness import Conversation, RealServer, Rule, diff, ftp_reply_done

TLS = b"(TLS)"  # the client takes the connection into TLS here

CONVERSATIONS: dict[str, list[bytes]] = {
    "envelope": [
        b"MAIL FROM:<a@example.org>", b"RSET", b"HELP", b"EHLO client.example.org",
        b"MAIL FROM:<a@example.org>", b"MAIL FROM:<a@example.org>", b"RCPT TO:<x@evil.example>",
        b"RCPT TO:<root@mail.example.net>", b"RCPT TO:<nosuchuser@mail.example.net>", b"DATA",
        b"Subject: hello\r\n\r\nhi\r\n.", b"NOSUCH", b"VRFY root", b"VRFY nosuchuser",
        b"STARTTLS now", b"HELO y", b"RSET", b"NOOP", b"ETRN", b"QUIT",
    ],
    "starttls": [
        b"EHLO x", b"MAIL FROM:<a@example.org>", b"STARTTLS", TLS, b"MAIL FROM:<a@example.org>",
        b"EHLO x", b"STARTTLS", b"AUTH PLAIN " + base64.b64encode(b"\0admin\0pw"),
        b"MAIL FROM:<a@example.org>", b"RCPT TO:<root@mail.example.net>", b"QUIT",
    ],
    # Plaintext pipelined behind STARTTLS (CVE-2011-0411): never read, in or out of TLS.
    "starttls_injection": [
        b"EHLO x", b"STARTTLS\r\nMAIL FROM:<injected@example.org>", TLS, b"EHLO x",
        b"RCPT TO:<root@mail.example.net>", b"QUIT",
    ],
    # BDAT (CHUNKING, RFC 3030): chunks counted in bytes, the last one queues the message; a
    # null chunk is an error whose transaction discards the chunks after it; DATA after BDAT.
    "bdat": [
        b"EHLO x", b"MAIL FROM:<a@example.org>", b"RCPT TO:<root@mail.example.net>",
        b"BDAT 5\r\nabc", b"DATA", b"BDAT 12 LAST\r\nSubject: x", b"RSET",
        b"MAIL FROM:<a@example.org>", b"RCPT TO:<root@mail.example.net>", b"BDAT 0",
        b"BDAT 3\r\nx", b"BDAT 3 LAST\r\nx", b"MAIL FROM:<a@example.org>",
        b"RCPT TO:<root@mail.example.net>", b"BDAT 4 last\r\nab",
        b"RCPT TO:<root@mail.example.net>", b"BDAT 0 LAST", b"QUIT",
    ],
    "bdat_without_recipients": [
        b"HELO x", b"BDAT 3\r\nx", b"MAIL FROM:<a@example.org>", b"BDAT 7 LAST\r\nhello",
        b"NOOP", b"QUIT",
    ],
    "bdat_after_an_error": [
        b"EHLO x", b"BDAT 5\r\nabc", b"MAIL FROM:<a@example.org>", b"QUIT",
    ],
    "rcpt_after_bdat": [
        b"EHLO x", b"MAIL FROM:<a@example.org>", b"RCPT TO:<root@mail.example.net>",
        b"BDAT 3\r\na", b"RCPT TO:<root@mail.example.net>", b"BDAT 3 LAST\r\nb", b"QUIT",
    ],
    "bdat_syntax": [b"EHLO x", b"MAIL FROM:<a@example.org>", b"BDAT x", b"QUIT"],
    # A message in three chunks, its lines split across them, bare LFs, CRs before a line end,
    # a line longer than line_limit and a last line without its end: the count Postfix says.
    "bdat_count": [
        b"EHLO x", b"MAIL FROM:<a@example.org>", b"RCPT TO:<root@mail.example.net>",
        b"BDAT 9\r\nSubject:", b"BDAT 12\r\n hi\r\n\r\nab\nc\r", b"BDAT 3000\r\n" + b"y" * 2998,
        b"BDAT 7 LAST\r\nend\r\r\nz", b"QUIT",
    ],
    "data_before_mail": [b"EHLO x", b"DATA", b"BDAT 1 LAST\r\n", b"QUIT"],
    # What Postfix forbids outright (smtpd_forbidden_commands: CONNECT, GET, POST and anything
    # not starting with a letter) and what it does with a mail header sent as a command.
    "forbidden_get": [b"EHLO x", b"GET / HTTP/1.0", b"QUIT"],
    "forbidden_lower_case": [b"EHLO x", b"post /x HTTP/1.1", b"QUIT"],
    "forbidden_connect": [b"CONNECT example.org:443 HTTP/1.1", b"QUIT"],
    "bad_syntax": [b"EHLO x", b"", b"   ", b"USER root", b"X:", b":x", b"QUIT"],
    "forbidden_digit": [b"EHLO x", b"7 LAST", b"QUIT"],
    "header_as_command": [b"EHLO x", b"MAIL FROM:<a@example.org>", b"DATA", b"Subject: x", b"QUIT"],
    "auth": [
        b"EHLO x", b"AUTH PLAIN " + base64.b64encode(b"\0admin\0pw"), b"AUTH LOGIN",
        base64.b64encode(b"admin"), base64.b64encode(b"pw"), b"AUTH CRAM-MD5", b"AUTH PLAIN",
        b"*", b"QUIT",
    ],
}  # fmt: skip

RULES = [
    # The queue id Postfix gives each message.
    Rule("postfix queue id", r"queued as [0-9A-F]{10,12}", "queued as <id>"),
]


def transcript(port: int, lines: list[bytes]) -> bytes:
    c = Conversation(port, complete=ftp_reply_done)
    out = bytearray(b"< " + c.read())
    for line in lines:
        if line == TLS:
            out += b"= " + c.starttls()
            continue
        answer = c.send(line + b"\r\n")
        out += b"> " + line + b"\r\n< " + (answer or b"(closed)\r\n")
    c.close()
    return bytes(out)


@pytest.mark.parametrize("name", sorted(CONVERSATIONS))
def test_conversation(
    name: str, real_postfix: RealServer, traps: Daemon, trap_ports: dict[str, int]
) -> None:
    with ThreadPoolExecutor(2) as pool:
        real = pool.submit(transcript, real_postfix.port, CONVERSATIONS[name])
        trap = pool.submit(transcript, trap_ports["smtp"], CONVERSATIONS[name])
        diff(name, real.result(), trap.result(), RULES)
