"""The FTP trap: a vsftpd look-alike that records logins and never moves a byte of data.

Logins are checked against the configured weak credentials; an accepted one may look around
the node's fake machine (``ftp_files``: PWD, CWD, SIZE, MDTM, STAT of a path, over the same
Debian tree the SSH and Telnet shells show) but every data transfer is refused before a data
connection exists: PASV and PORT fail as a misconfigured vsftpd fails, so the trap never listens
on a second port and never connects anywhere. ``max_login_fails`` is 3, as vsftpd's default.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from honeymesh.config import FTPUSERS
from honeymesh.config import ShellPersona as ShellDefaults
from honeymesh.detection.traps import findings
from honeymesh.detection.traps.base import Finding, Step
from honeymesh.detection.traps.facts import Connection
from honeymesh.detection.traps.ftp_files import FtpFiles
from honeymesh.detection.traps.lines import LineBuffer, answer_lines
from honeymesh.detection.traps.shell import FakeShell, ShellPersona
from honeymesh.events import JSONValue

MAX_LOGIN_FAILS = 3
# After a failed login vsftpd answers only once PAM's delay is over (pam_unix's, about 3 s on
# Debian 12 with vsftpd 3.0.3's default delay_failed_login=1 inside it).
FAILED_LOGIN_DELAY = 3.0
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
        self.detail: dict[str, JSONValue] = {}

    def connected(self, connection: Connection) -> None:
        self._connection = connection

    def start(self) -> Step:
        return Step(reply=self._s.banner + b"\r\n")

    def stop(self) -> None:
        pass

    def receive(self, data: bytes) -> Step:
        self._failed_now = False
        step = answer_lines(self._lines, data, self._command, self.detail)
        delay = FAILED_LOGIN_DELAY if self._failed_now else 0.0
        return replace(step, delay=delay, logged_in=self._logged_in is not None)

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
        if name == "STAT":
            return (self._files.stat(_text(arg)) if arg and self._files else self._stat()), False
        if self._files is not None and name in _FILE_COMMANDS:
            return _FILE_COMMANDS[name](self._files, _text(arg)), False
        return _logged_in_answer(name, arg), False

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


def _text(arg: bytes) -> str:
    """A path argument as vsftpd takes it: the bytes after the command word, as they are."""
    return arg.decode("utf-8", "surrogateescape")[:4096]


def _logged_in_answer(name: str, arg: bytes) -> bytes:
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
        "PORT": b"500 Illegal PORT command.\r\n",
        "EPRT": b"500 Illegal EPRT command.\r\n",
        "SIZE": b"550 Could not get file size.\r\n",
        "MDTM": b"550 Could not get file modification time.\r\n",
        "SITE": b"500 Unknown SITE command.\r\n",
    }
    groups = {
        ("PWD", "XPWD"): b'257 "/" is the current directory\r\n',
        ("CWD", "CDUP", "XCWD", "XCUP"): b"250 Directory successfully changed.\r\n",
        ("PASV", "EPSV"): b"500 OOPS: vsf_sysutil_bind\r\n",  # no data port, ever
        ("LIST", "NLST", "RETR"): b"425 Use PORT or PASV first.\r\n",
        ("STOR", "APPE", "STOU", "MKD", "XMKD", "RMD", "XRMD", "DELE", "RNFR", "RNTO"): (
            b"550 Permission denied.\r\n"
        ),
    }
    for names, answer in groups.items():
        table.update(dict.fromkeys(names, answer))
    return table


_ANSWERS = _answers()
