"""The FTP trap against Debian 12's vsftpd 3.0.3 (its shipped /etc/vsftpd.conf), conversation
by conversation: each is a list of command lines sent one at a time, and the transcript of
both servers is diffed."""

from __future__ import annotations

import socket
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.e2e.daemon import Daemon
from tests.fidelity.harness import FTP_USER, Conversation, RealServer, Rule, diff, ftp_reply_done

LOGIN = [f"USER {FTP_USER[0]}".encode(), f"PASS {FTP_USER[1]}".encode()]

CONVERSATIONS: dict[str, list[bytes]] = {
    "before login": [
        b"FEAT", b"OPTS UTF8 ON", b"HELP", b"NOOP", b"SYST", b"PWD", b"STAT", b"NOSUCH x",
        b"123", b"AUTH TLS", b"LIST", b"PASV", b"PASS x", b"GET / HTTP/1.0", b"Host: x",
        b"user root", b"QUIT",
    ],
    # The machine behind the login (the trap's is the node's fake Debian 12; values that are
    # the host's own, sizes, dates and link counts, are normalised).
    "file system": [
        *LOGIN, b"PWD", b"CWD /root", b"CWD /nonexistent", b"CWD /etc/passwd", b"CWD", b"PWD",
        b"CWD /bin", b"PWD", b"CWD ..", b"PWD", b"CWD ../../etc/", b"PWD", b"CWD //usr///",
        b"XPWD", b"CWD ~", b"PWD", b"CDUP", b"CDUP", b"CDUP", b"PWD", b"CWD /tmp", b"PWD",
        b"SIZE /etc", b"SIZE /root/.bashrc", b"SIZE /nonexistent", b"SIZE", b"SIZE ../etc/passwd",
        b"SIZE /bin/ls", b"SIZE /etc/shadow", b"MDTM /etc", b"MDTM /root/.bashrc", b"MDTM",
        b"MDTM /etc/passwd", b"MDTM 20200101000000 /etc/passwd", b"STAT /nonexistent",
        b"STAT /root", b"STAT /etc/shadow", b"STAT /etc/passwd", b"STAT /usr/bin/ls",
        b"STAT /bin/sh", b"CWD ~", b"STAT .", b"STAT -la", b"STAT ~/.bashrc", b"CWD /lost+found",
        b"XCWD /etc", b"XCUP", b"XPWD", b"STAT", b"QUIT",
    ],
    "empty line": [b"NOOP", b"", b"NOOP"],
    "spaces": [b"NOOP", b"  ", b"NOOP"],
    "empty line logged in": [*LOGIN, b"", b"NOOP"],
    "logged in": [
        *LOGIN, b"USER other", b"PASS x", b"SYST", b"PWD", b"CWD /etc", b"CDUP", b"XPWD",
        b"TYPE I", b"STAT", b"TYPE A", b"TYPE X", b"PORT 127,0,0,1,1,1",
        b"EPRT |1|127.0.0.1|1000|", b"LIST", b"NLST", b"RETR /nonexistent", b"STOR x",
        b"SIZE /nonexistent", b"MDTM /nonexistent", b"MKD /tmp/x", b"DELE /nonexistent",
        b"RNFR /nonexistent", b"SITE CHMOD 777 x", b"HELP", b"NOSUCH", b"NOOP", b"FEAT",
        b"MLSD", b"AUTH TLS", b"REST 0", b"STAT", b"QUIT",
    ],
    "three failed logins": [b"USER root", b"PASS a", b"USER root", b"PASS b", b"USER x",
                            b"PASS c", b"NOOP"],
}  # fmt: skip

RULES = [
    # Other sessions open on the same server at the time (the harness's own, on the real one).
    Rule("vsftpd client count", r"client count was \d+", "client count was <n>"),
    # The machine's own values: a listing line's link count, size and date, a user's id (the
    # test account's on the real host), a file's size and time.
    Rule(
        "listing line",
        r"^([-dl][-rwxsStT]{9}) +\d+ (\d+) +(\d+) +\d+ [A-Z][a-z]{2} \d\d (?: \d{4}|\d\d:\d\d) ",
        r"\1 <links> \2 \3 <size> <date> ",
    ),
    Rule("SIZE and MDTM", r"^< 213 \d+\r$", "< 213 <n>\r"),
    Rule("user id", r"\b1\d\d\d\b", "<user id>"),
]


def still_open(c: Conversation) -> bool:
    """Whether the server has not closed the connection (nothing to read, no end of stream)."""
    c.sock.setblocking(False)
    try:
        return c.sock.recv(1, socket.MSG_PEEK) != b""
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        c.sock.setblocking(True)


def transcript(port: int, lines: list[bytes]) -> tuple[bytes, list[float]]:
    """What the server said to each line, and how long each answer took."""
    c = Conversation(port, complete=ftp_reply_done)
    out = bytearray(b"< " + c.read())
    took: list[float] = []
    for line in lines:
        started = time.monotonic()
        answer = c.send(line + b"\r\n", first=6)
        took.append(time.monotonic() - started)
        if not answer and still_open(c):  # nothing said, and the line is still up
            out += b"> " + line + b"\r\n< (no answer)\r\n"
            continue
        out += b"> " + line + b"\r\n< " + (answer or b"(closed)\r\n")
        if not answer:
            break
    c.close()
    return bytes(out), took


@pytest.mark.parametrize("name", sorted(CONVERSATIONS))
def test_conversation(
    name: str, real_vsftpd: RealServer, traps: Daemon, trap_ports: dict[str, int]
) -> None:
    with ThreadPoolExecutor(2) as pool:  # side by side: each failed login costs 3 s
        real_run = pool.submit(transcript, real_vsftpd.port, CONVERSATIONS[name])
        trap_run = pool.submit(transcript, trap_ports["ftp"], CONVERSATIONS[name])
        (real, real_took), (trap, trap_took) = real_run.result(), trap_run.result()
    diff(name, real, trap, RULES)
    # vsftpd (PAM) answers a failed login after a pause of about 3 s; so must the trap.
    for line, a, b in zip(CONVERSATIONS[name], real_took, trap_took, strict=False):
        slow_real, slow_trap = a > 1.5, b > 1.5
        assert slow_real == slow_trap, f"{line!r}: real took {a:.2f} s, the trap {b:.2f} s"
