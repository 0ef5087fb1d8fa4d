"""The FTP trap against Debian 12's vsftpd 3.0.3 (its shipped /etc/vsftpd.conf), conversation
by conversation: each is a list of command lines sent one at a time, and the transcript of
both servers is diffed."""

from __future__ import annotations

import socket
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.e2e.daemon import Daemon
from tests.fidelity.harness import (
    FTP_USER,
    Conversation,
    RealServer,
    Rule,
    arrivals,
    diff,
    ftp_reply_done,
    libpam_pause,
)

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
    # vsftpd answers a failed login after libpam's pause (1 to 3 s) and its own second; so
    # must the trap (how long exactly: test_failed_logins_pause_one_after_the_other_as_libpam).
    for line, a, b in zip(CONVERSATIONS[name], real_took, trap_took, strict=False):
        slow_real, slow_trap = a > 1.5, b > 1.5  # an answer without a pause takes milliseconds
        assert slow_real == slow_trap, f"{line!r}: real took {a:.2f} s, the trap {b:.2f} s"


PIPELINED = [
    b"331 Please specify the password.",
    b"530 Login incorrect.",
    b"331 Please specify the password.",
    b"530 Login incorrect.",
    b"530 Please login with USER and PASS.",
]


def pipelined_failures(port: int) -> tuple[float, list[tuple[float, bytes]]]:
    """Two failed logins and a NOOP in one packet: when it went, and each answer line's arrival."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        arrivals(sock, 1)  # the banner
        sent = time.time()
        sock.sendall(b"USER a\r\nPASS b\r\nUSER c\r\nPASS d\r\nNOOP\r\n")
        return sent, arrivals(sock, len(PIPELINED))


def test_failed_logins_pause_one_after_the_other_as_libpam(
    real_vsftpd: RealServer, traps: Daemon, trap_ports: dict[str, int]
) -> None:
    """vsftpd reads nothing while it pauses after a failed login: two sent in one go are
    answered one pause after the other, each libpam's for pam_unix's 2 s (a function of the
    second the PASS was read: ``pam.fail_delay``) and then vsftpd's own second. What came
    before the failed PASS is answered at once."""
    with ThreadPoolExecutor(2) as pool:
        ports = (real_vsftpd.port, trap_ports["ftp"])
        measured = dict(
            zip(("vsftpd", "the trap"), pool.map(pipelined_failures, ports), strict=True)
        )
    for who, (sent, lines) in measured.items():
        assert [line for _, line in lines] == PIPELINED, who
        (user, _), (first, _), (again, _), (second, _), (noop, _) = lines
        assert user - sent < 0.5, f"{who}: USER answered after {user - sent:.2f} s"
        pauses = (first - sent, second - first)
        assert libpam_pause(pauses[0], (sent, sent + 0.25), 2.0, after=1.0), (who, pauses)
        assert again - first < 0.5 and noop - second < 0.5, who
        assert libpam_pause(pauses[1], (first - 0.25, first), 2.0, after=1.0), (who, pauses)


# Transfers over passive data connections: each entry is the command that opens the port
# (PASV or EPSV) and the transfer command, or a command alone. The listings and files are the
# machine's own; what is diffed is each directory's shape where both machines agree on it (the
# home made from /etc/skel, a file, an unreadable or missing one) and every control answer.
TRANSFERS: list[tuple[bytes, bytes]] = [
    (b"", b"LIST"),  # no PASV yet: 425
    (b"PASV", b"LIST"),  # the home: nothing without dot files
    (b"EPSV", b"LIST -a"),
    (b"PASV", b"LIST -la ~"),
    (b"EPSV", b"NLST"),
    (b"PASV", b"NLST /home/fidelity"),
    (b"PASV", b"LIST /etc/passwd"),
    (b"PASV", b"NLST /etc/passwd"),
    (b"PASV", b"LIST /root"),
    (b"PASV", b"NLST /root"),
    (b"PASV", b"LIST /nonexistent"),
    (b"PASV", b"RETR /etc/shadow"),  # not readable: 550, and the port stays open for ...
    (b"", b"RETR .profile"),  # ... the next transfer
    (b"", b"LIST"),  # the port was used: 425 again
    (b"PASV", b"RETR /nonexistent"),
    (b"PASV", b"RETR /etc"),
    (b"", b"TYPE A"),
    (b"EPSV", b"RETR /home/fidelity/.bashrc"),
    (b"", b"TYPE I"),
    (b"PASV", b""),
    (b"PASV", b"NLST ~"),  # a second PASV replaces the first
    (b"", b"STOR x"),
    (b"", b"ABOR"),
    (b"", b"MODE S"),
    (b"", b"MODE B"),
    (b"", b"STRU F"),
    (b"", b"STRU R"),
    (b"", b"ALLO 100"),
    (b"", b"ACCT x"),
    (b"", b"REIN"),
    (b"", b"SMNT /"),
    (b"", b"RNTO x"),
    (b"", b"MLST /"),
    (b"", b"EPSV ALL"),
]

TRANSFER_RULES = [
    *RULES,
    Rule("passive port", r"\(127,0,0,1,\d+,\d+\)", "(127,0,0,1,<port>)"),
    Rule("extended passive port", r"\(\|\|\|\d+\|\)", "(|||<port>|)"),
    Rule("file size", r"\((\d+) bytes\)", "(<n> bytes)"),
    Rule("file bytes", r"^= \d+ bytes of a file, as announced\r$", "= <n> bytes, as announced\r"),
]
# A listing line over the data connection, normalised as over the control connection.
DATA_LINE = Rule(
    "listing line (data)",
    r"^= ([-dl][-rwxsStT]{9}) +\d+ (\d+) +(\d+) +\d+ [A-Z][a-z]{2} \d\d (?: \d{4}|\d\d:\d\d) ",
    r"= \1 <links> \2 \3 <size> <date> ",
)
TRANSFER_RULES.insert(0, DATA_LINE)


def passive_port(answer: bytes) -> int:
    numbers = answer.split(b"(")[1].split(b")")[0]
    if numbers.startswith(b"|||"):
        return int(numbers.strip(b"|"))
    parts = numbers.split(b",")
    return int(parts[4]) * 256 + int(parts[5])


def transfers(port: int) -> bytes:
    """The control transcript of TRANSFERS, with what came over each data connection."""
    c = Conversation(port, complete=ftp_reply_done)
    out = bytearray(b"< " + c.read())
    for line in LOGIN:
        out += b"> " + line + b"\r\n< " + c.send(line + b"\r\n", first=6)
    data: socket.socket | None = None
    for opener, command in TRANSFERS:
        if opener:
            answer = c.send(opener + b"\r\n", first=6)
            out += b"> " + opener + b"\r\n< " + answer
            if data is not None:
                data.close()
            data = socket.create_connection(("127.0.0.1", passive_port(answer)), timeout=5)
        if not command:
            continue
        answer = c.send(command + b"\r\n", first=6)
        out += b"> " + command + b"\r\n< " + (answer or b"(no answer)\r\n")
        if answer.startswith(b"150") and data is not None:
            answer, _, after = answer.partition(b"\r\n")  # the end, if it came at once
            out = out[: -len(answer) - len(after) - 2] + answer + b"\r\n"
            got = bytearray()
            while chunk := data.recv(65536):
                got += chunk
            data.close()
            data = None
            if command.startswith(b"RETR"):
                announced = int(answer.split(b"(")[1].split(b" ")[0])
                said = b"as announced" if announced == len(got) else b"NOT as announced"
                out += b"= %d bytes of a file, %s\r\n" % (len(got), said)
            else:
                out += b"= " + bytes(got).replace(b"\r\n", b"\r\n= ") if got else b"= (none)\r\n"
                out = out.removesuffix(b"= ")
            out += b"< " + (after or c.read(first=6))
    if data is not None:
        data.close()
    out += b"> QUIT\r\n< " + c.send(b"QUIT\r\n")
    c.close()
    return bytes(out)


def test_transfers_over_passive_data_connections(
    real_vsftpd: RealServer, traps: Daemon, trap_ports: dict[str, int]
) -> None:
    with ThreadPoolExecutor(2) as pool:
        real = pool.submit(transfers, real_vsftpd.port)
        trap = pool.submit(transfers, trap_ports["ftp"])
        diff("transfers", real.result(), trap.result(), TRANSFER_RULES)
