"""The FTP trap: a vsftpd look-alike that records logins and never moves a byte of data.

Logins are checked against the configured weak credentials; an accepted one may look around
the node's fake machine (``ftp_files``: PWD, CWD, SIZE, MDTM, STAT, LIST, NLST and RETR over
the same Debian tree the SSH and Telnet shells show). Transfers go over a passive data
connection (PASV, EPSV: ``dataport``, a port of the trap's range, from the client's own address
only); the trap never connects anywhere, so an active-mode (PORT) transfer fails as one to a
filtered client does. Nothing is ever stored (``write_enable`` is off, as in Debian's
vsftpd.conf). ``max_login_fails`` is 3, as vsftpd's default.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from honeymesh.config import FTPUSERS
from honeymesh.config import ShellPersona as ShellDefaults
from honeymesh.detection.traps import findings
from honeymesh.detection.traps.base import Finding, Step
from honeymesh.detection.traps.dataport import Transfer
from honeymesh.detection.traps.facts import Connection
from honeymesh.detection.traps.ftp_files import FtpFiles
from honeymesh.detection.traps.lines import LineBuffer
from honeymesh.detection.traps.pam import fail_delay
from honeymesh.detection.traps.shell import FakeShell, ShellPersona
from honeymesh.events import JSONValue

MAX_LOGIN_FAILS = 3
#: The delay pam_unix asks libpam for after a failure (Debian 12's common-auth: no ``nodelay``);
#: libpam pauses 0.5 to 1.5 times it, by the second the PASS came (``pam.fail_delay``).
PAM_UNIX_DELAY = 2.0
#: vsftpd 3.0.3's ``delay_failed_login`` default: its own sleep after PAM's, before the 530.
DELAY_FAILED_LOGIN = 1.0
_QUIET = {"USER", "PASS", "NOOP", "QUIT", "SYST", "FEAT", "HELP", "OPTS", "TYPE", "PWD", "XPWD"}
# Before login vsftpd answers these; everything else is "530 Please login with USER and PASS."
_BEFORE_LOGIN = {"USER", "PASS", "QUIT", "FEAT", "OPTS"}
_FEATURES = b"211-Features:\r\n EPRT\r\n EPSV\r\n MDTM\r\n PASV\r\n REST STREAM\r\n SIZE\r\n TVFS\r\n211 End\r\n"  # noqa: E501
_HELP = (
    b"214-The following commands are recognized.\r\n"
    b" ABOR ACCT ALLO APPE CDUP CWD  DELE EPRT EPSV FEAT HELP LIST MDTM MKD\r\n"
    b" MODE NLST NOOP OPTS PASS PASV PORT PWD  QUIT REIN REST RETR RMD  RNFR\r\n"
    b" RNTO SITE SIZE SMNT STAT STOR STOU STRU SYST TYPE USER XCUP XCWD XMKD\r\n"
    b" XPWD XRMD\r\n214 Help OK.\r\n"
)


def _default_machine() -> ShellPersona:
    defaults = ShellDefaults()
    return ShellPersona("debian", defaults.kernel, defaults.os_name)


@dataclass(frozen=True)
class FtpSettings:
    banner: bytes  # e.g. b"220 (vsFTPd 3.0.3)"
    credentials: frozenset[tuple[str, str]]
    # The fake machine a logged-in user looks around (the node's, as the shells show it).
    machine: ShellPersona = field(default_factory=_default_machine)


class FtpDialogue:
    def __init__(
        self, settings: FtpSettings, source: str = "", now: Callable[[], float] = time.time
    ) -> None:
        self._s = settings
        self._source = source
        self._now = now
        self._connection: Connection | None = None
        self._files: FtpFiles | None = None  # the logged-in user's view of the machine
        self._lines = LineBuffer(512)
        self._user: bytes | None = None
        self._logged_in: str | None = None
        self._ascii = True
        self._fails = 0
        self._failed_now = False  # this input had a failed login: its answer waits
        self._credentials: list[JSONValue] = []
        self._commands: list[JSONValue] = []
        self._retrieved: list[JSONValue] = []  # files the client downloaded
        self._pending = bytearray()  # what came after a command that waits on the data side
        self._data_mode = ""  # "passive" after PASV/EPSV, "active" after PORT/EPRT: one transfer
        self._epsv = False  # the port was asked for with EPSV (the 229 form)
        self._listen = False  # this command wants a passive port (Step.listen)
        self._transfer: Transfer | None = None  # ... or a transfer (Step.transfer)
        self.detail: dict[str, JSONValue] = {}

    def connected(self, connection: Connection) -> None:
        self._connection = connection

    def start(self) -> Step:
        return Step(reply=self._s.banner + b"\r\n")

    def stop(self) -> None:
        pass

    def receive(self, data: bytes) -> Step:
        """Answer each complete command; one that needs the data side (a passive port, a
        transfer) or fails a login is the last of this Step, the rest waits for ``receive``
        again (vsftpd reads nothing while it pauses after a failed login: what came behind the
        PASS is answered after the 530, each failure with its own pause)."""
        self._failed_now = False
        self._pending += data
        reply = bytearray()
        found: list[Finding] = []
        close = False
        answered = 0  # the reply's length before the last command's answer
        while not (close or self._listen or self._transfer or self._failed_now):
            line, used = self._lines.take(self._pending)
            del self._pending[:used]
            if line is None:
                break
            answered = len(reply)
            answer, close = self._command(line, found)
            reply += answer
        listen, transfer = self._listen, self._transfer
        self._listen, self._transfer = False, None
        delay = 0.0
        if self._failed_now:  # the answers before the PASS go now, its 530 after the pause
            delay = fail_delay(self._now(), PAM_UNIX_DELAY) + DELAY_FAILED_LOGIN
        return Step(
            bytes(reply),
            close,
            self.detail,
            tuple(found),
            delay=delay,
            logged_in=self._logged_in is not None,
            listen=listen,
            transfer=transfer,
            pause_at=answered if self._failed_now else 0,
            more=self._failed_now and not close,
        )

    def listening(self, host: str, port: int | None) -> Step:
        """The passive port is open (None: none could be, and vsftpd dies with its OOPS)."""
        if port is None:
            return Step(b"500 OOPS: vsf_sysutil_bind\r\n", True, self.detail)
        self._data_mode = "passive"
        if self._epsv:
            return Step(b"229 Entering Extended Passive Mode (|||%d|)\r\n" % port)
        numbers = host.split(".") if host.count(".") == 3 else ["0", "0", "0", "0"]
        shown = ",".join([*numbers, str(port >> 8), str(port & 0xFF)])
        return Step(b"227 Entering Passive Mode (%s).\r\n" % shown.encode())

    def _command(self, line: bytes, found: list[Finding]) -> tuple[bytes, bool]:  # noqa: PLR0911
        if not line:
            return b"", False  # vsftpd says nothing to an empty line, logged in or not
        verb, _, arg = line.strip().partition(b" ")
        name = verb.upper().decode("ascii", "replace")
        if name not in _QUIET:
            self._commands = findings.listed(self._commands, findings.text(line, 200))
            self.detail["commands"] = self._commands
            found.append(findings.command("ftp", line, logged_in=self._logged_in is not None))
        if not self._logged_in and name not in _BEFORE_LOGIN:
            return b"530 Please login with USER and PASS.\r\n", False
        if name == "USER":
            if self._logged_in:
                return b"530 Can't change to another user.\r\n", False
            self._user = arg
            return b"331 Please specify the password.\r\n", False
        if name == "PASS":
            return self._password(arg, found)
        if name == "QUIT":
            return b"221 Goodbye.\r\n", True
        if name == "FEAT":
            return _FEATURES, False
        if name == "OPTS":
            return b"200 Always in UTF8 mode.\r\n", False
        if name == "TYPE":
            return self._type(arg.upper()), False
        return self._logged_in_command(name, arg), False

    def _logged_in_command(self, name: str, arg: bytes) -> bytes:  # noqa: PLR0911 - a table
        if name == "STAT":
            return self._files.stat(_text(arg)) if arg and self._files else self._stat()
        if self._files is not None and name in _FILE_COMMANDS:
            return _FILE_COMMANDS[name](self._files, _text(arg))
        if name == "EPSV" and arg.strip().upper() == b"ALL":
            return b"200 EPSV ALL ok.\r\n"
        if name in ("PASV", "EPSV"):
            self._listen, self._epsv = True, name == "EPSV"
            return b""
        if name in ("PORT", "EPRT"):
            return self._active(name, arg)
        if name in ("LIST", "NLST", "RETR") and self._files is not None:
            return self._transfer_of(name, _text(arg))
        return _logged_in_answer(name, arg)

    def _active(self, name: str, arg: bytes) -> bytes:
        """PORT/EPRT as vsftpd takes them (the client's own address, no privileged port);
        the trap never connects, so the transfer will fail as to a filtered client."""
        port = _active_port(name, arg, self._source)
        if port is None:
            return b"500 Illegal %s command.\r\n" % name.encode()
        self._data_mode = "active"
        self.detail["active_port"] = port
        if name == "PORT":
            return b"200 PORT command successful. Consider using PASV.\r\n"
        return b"200 EPRT command successful. Consider using EPSV.\r\n"

    def _transfer_of(self, name: str, arg: str) -> bytes:
        """LIST, NLST or RETR: a transfer over the passive connection (Step.transfer). As in
        vsftpd, RETR opens its file before the data connection (550, the port kept for the
        next), LIST and NLST take the connection first; in active mode it never comes."""
        files = self._files
        assert files is not None
        if not self._data_mode:
            return b"425 Use PORT or PASV first.\r\n"
        failed = b"425 Failed to establish connection.\r\n"
        path = arg.encode("utf-8", "surrogateescape")
        content = files.content(arg) if name == "RETR" else None
        if name == "RETR" and content is None:
            return b"550 Failed to open file.\r\n"
        active, self._data_mode = self._data_mode == "active", ""
        if active:  # the trap never connects out: as to a filtered client
            return failed
        if content is not None:
            # "BINARY" whatever the TYPE: vsftpd's ascii_download_enable is off
            opening = b"150 Opening BINARY mode data connection for %s (%d bytes).\r\n" % (
                path,
                len(content),
            )
            self._transfer = Transfer(opening, content, b"226 Transfer complete.\r\n", failed)
            self._retrieved = findings.listed(self._retrieved, findings.text(path, 200))
            self.detail["retrieved"] = self._retrieved
            return b""
        options = arg.split(" ", maxsplit=1)[0] if arg.startswith("-") else ""
        lines = files.listing(arg, dot_files="a" in options) if name == "LIST" else files.names(arg)
        listing = "".join(lines).encode("utf-8", "surrogateescape")
        opening = b"150 Here comes the directory listing.\r\n"
        self._transfer = Transfer(opening, listing, b"226 Directory send OK.\r\n", failed)
        return b""

    def _type(self, arg: bytes) -> bytes:
        if arg in (b"I", b"L8", b"L 8"):
            self._ascii = False
            return b"200 Switching to Binary mode.\r\n"
        if arg in (b"A", b"A N"):
            self._ascii = True
            return b"200 Switching to ASCII mode.\r\n"
        return b"500 Unrecognised TYPE command.\r\n"

    def _stat(self) -> bytes:
        return (
            b"211-FTP server status:\r\n"
            b"     Connected to %s\r\n"
            b"     Logged in as %s\r\n"
            b"     TYPE: %s\r\n"
            b"     No session bandwidth limit\r\n"
            b"     Session timeout in seconds is 300\r\n"
            b"     Control connection is plain text\r\n"
            b"     Data connections will be plain text\r\n"
            b"     At session startup, client count was 1\r\n"
            b"     vsFTPd 3.0.3 - secure, fast, stable\r\n"
            b"211 End of status\r\n"
        ) % (
            self._source.encode("ascii", "replace"),
            (self._logged_in or "").encode("utf-8", "replace"),
            b"ASCII" if self._ascii else b"BINARY",
        )

    def _password(self, arg: bytes, found: list[Finding]) -> tuple[bytes, bool]:
        if self._logged_in:
            return b"230 Already logged in.\r\n", False
        if self._user is None:
            return b"503 Login with USER first.\r\n", False
        user, password = findings.text(self._user), findings.text(arg)
        accepted = (
            user not in ("anonymous", "ftp")
            and user not in FTPUSERS
            and (user, password) in self._s.credentials
        )
        self._credentials = findings.listed(
            self._credentials, {"username": user, "password": password, "accepted": accepted}
        )
        self.detail["credentials"] = self._credentials
        found.append(findings.credential("ftp", self._user, arg, accepted=accepted))
        self._user = None
        if accepted:
            self._logged_in = user
            self.detail["logged_in_as"] = user
            shell = FakeShell(
                self._s.machine, user, self._now, connection=self._connection, via="ftp"
            )
            self._files = FtpFiles(shell, self._now)
            return b"230 Login successful.\r\n", False
        self._fails += 1
        self._failed_now = True
        return b"530 Login incorrect.\r\n", self._fails >= MAX_LOGIN_FAILS


_FILE_COMMANDS: dict[str, Callable[[FtpFiles, str], bytes]] = {
    "PWD": lambda f, a: f.pwd(),
    "XPWD": lambda f, a: f.pwd(),
    "CWD": FtpFiles.cwd_to,
    "XCWD": FtpFiles.cwd_to,
    "CDUP": lambda f, a: f.cdup(),
    "XCUP": lambda f, a: f.cdup(),
    "SIZE": FtpFiles.size,
    "MDTM": FtpFiles.mdtm,
}


def _active_port(name: str, arg: bytes, source: str) -> int | None:
    """The port of a PORT (h1,h2,h3,h4,p1,p2) or EPRT (|1|host|port|) naming ``source``
    itself and a port of 1024 or more (vsftpd's port_promiscuous off), else None."""
    if name == "PORT":
        parts = arg.strip().split(b",")
        if len(parts) != 6 or not all(p.isdigit() and int(p) < 256 for p in parts):
            return None
        host = ".".join(str(int(p)) for p in parts[:4])
        port = int(parts[4]) * 256 + int(parts[5])
    else:
        fields = arg.strip().split(arg.strip()[:1] or b"|")
        if len(fields) != 5 or fields[1] not in (b"1", b"2") or not fields[3].isdigit():
            return None
        host, port = fields[2].decode("ascii", "replace"), int(fields[3][:6])
    if host != source or not 1024 <= port <= 65535:
        return None
    return port


def _text(arg: bytes) -> str:
    """A path argument as vsftpd takes it: the bytes after the command word, as they are."""
    return arg.decode("utf-8", "surrogateescape")[:4096]


def _logged_in_answer(name: str, arg: bytes) -> bytes:
    if name in ("MODE", "STRU"):
        value, word = arg.strip().upper(), b"Mode" if name == "MODE" else b"Structure"
        if value in (b"S", b"F"):  # stream mode and file structure: all vsftpd has
            return b"200 %s set to %s.\r\n" % (word, value)
        return b"504 Bad %s command.\r\n" % name.encode()
    if name == "REST":
        position = arg.strip() if arg.strip().isdigit() else b"0"
        return b"350 Restart position accepted (%d).\r\n" % int(position[:18])
    return _ANSWERS.get(name, b"500 Unknown command.\r\n")


def _answers() -> dict[str, bytes]:
    """vsftpd 3.0.3's answer to each command of a logged-in user with Debian's defaults
    (write_enable=NO, so every change is "Permission denied"), data transfers refused."""
    table = {
        "SYST": b"215 UNIX Type: L8\r\n",
        "NOOP": b"200 NOOP ok.\r\n",
        "HELP": _HELP,
        "SIZE": b"550 Could not get file size.\r\n",
        "MDTM": b"550 Could not get file modification time.\r\n",
        "SITE": b"500 Unknown SITE command.\r\n",
        "ABOR": b"225 No transfer to ABOR.\r\n",
        "ALLO": b"202 ALLO command ignored.\r\n",
        "ACCT": b"502 ACCT not implemented.\r\n",
        "REIN": b"502 REIN not implemented.\r\n",
        "SMNT": b"502 SMNT not implemented.\r\n",
    }
    groups = {
        ("PWD", "XPWD"): b'257 "/" is the current directory\r\n',
        ("CWD", "CDUP", "XCWD", "XCUP"): b"250 Directory successfully changed.\r\n",
        ("STOR", "APPE", "STOU", "MKD", "XMKD", "RMD", "XRMD", "DELE", "RNFR", "RNTO"): (
            b"550 Permission denied.\r\n"
        ),
    }
    for names, answer in groups.items():
        table.update(dict.fromkeys(names, answer))
    return table


_ANSWERS = _answers()
