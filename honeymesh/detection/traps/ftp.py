"""The FTP trap: a vsftpd look-alike that records logins and never moves a byte of data.

Logins are checked against the configured weak credentials; an accepted one may look around
(PWD, CWD, TYPE, SYST) but every data transfer is refused before a data connection exists:
PASV and PORT fail as a misconfigured vsftpd fails, so the trap never listens on a second port
and never connects anywhere. ``max_login_fails`` is 3, as vsftpd's default.
"""

from __future__ import annotations

from dataclasses import dataclass

from honeymesh.detection.traps import findings
from honeymesh.detection.traps.base import Finding, Step
from honeymesh.detection.traps.lines import LineBuffer, answer_lines
from honeymesh.events import JSONValue

MAX_LOGIN_FAILS = 3
_QUIET = {"USER", "PASS", "NOOP", "QUIT", "SYST", "FEAT", "HELP", "OPTS", "TYPE", "PWD", "XPWD"}
_FEATURES = b"211-Features:\r\n EPRT\r\n EPSV\r\n MDTM\r\n PASV\r\n REST STREAM\r\n SIZE\r\n TVFS\r\n UTF8\r\n211 End\r\n"  # noqa: E501
_HELP = (
    b"214-The following commands are recognized.\r\n"
    b" ABOR ACCT ALLO APPE CDUP CWD  DELE EPRT EPSV FEAT HELP LIST MDTM MKD\r\n"
    b" MODE NLST NOOP OPTS PASS PASV PORT PWD  QUIT REIN REST RETR RMD  RNFR\r\n"
    b" RNTO SITE SIZE SMNT STAT STOR STOU STRU SYST TYPE USER XCUP XCWD XMKD\r\n"
    b" XPWD XRMD\r\n214 Help OK.\r\n"
)


@dataclass(frozen=True)
class FtpSettings:
    banner: bytes  # e.g. b"220 (vsFTPd 3.0.3)"
    credentials: frozenset[tuple[str, str]]


class FtpDialogue:
    def __init__(self, settings: FtpSettings) -> None:
        self._s = settings
        self._lines = LineBuffer(512)
        self._user: bytes | None = None
        self._logged_in: str | None = None
        self._fails = 0
        self._credentials: list[JSONValue] = []
        self._commands: list[JSONValue] = []
        self.detail: dict[str, JSONValue] = {}

    def start(self) -> Step:
        return Step(reply=self._s.banner + b"\r\n")

    def stop(self) -> None:
        pass

    def receive(self, data: bytes) -> Step:
        return answer_lines(self._lines, data, self._command, self.detail)

    def _command(self, line: bytes, found: list[Finding]) -> tuple[bytes, bool]:  # noqa: PLR0911
        verb, _, arg = line.strip().partition(b" ")
        name = verb.upper().decode("ascii", "replace")
        if name not in _QUIET:
            self._commands = findings.listed(self._commands, findings.text(line, 200))
            self.detail["commands"] = self._commands
            found.append(findings.command("ftp", line, logged_in=self._logged_in is not None))
        if name == "USER":
            if self._logged_in:
                return b"530 Can't change to another user.\r\n", False
            self._user = arg
            return b"331 Please specify the password.\r\n", False
        if name == "PASS":
            return self._password(arg, found)
        if name == "QUIT":
            return b"221 Goodbye.\r\n", True
        if name == "NOOP":
            return b"200 NOOP ok.\r\n", False
        if name == "FEAT":
            return _FEATURES, False
        if name == "HELP":
            return _HELP, False
        if name == "OPTS":
            return b"200 Always in UTF8 mode.\r\n", False
        if not self._logged_in:
            if name in ("AUTH", "PBSZ", "PROT", "SYST", "PWD", "CWD", "LIST", "RETR", "STOR"):
                return b"530 Please login with USER and PASS.\r\n", False
            return (b"530 Please login with USER and PASS.\r\n" if name.isalpha()
                    else b"500 Unknown command.\r\n"), False  # fmt: skip
        return _logged_in_answer(name), False

    def _password(self, arg: bytes, found: list[Finding]) -> tuple[bytes, bool]:
        if self._logged_in:
            return b"230 Already logged in.\r\n", False
        if self._user is None:
            return b"503 Login with USER first.\r\n", False
        user, password = findings.text(self._user), findings.text(arg)
        accepted = user not in ("anonymous", "ftp") and (user, password) in self._s.credentials
        self._credentials = findings.listed(
            self._credentials, {"username": user, "password": password, "accepted": accepted}
        )
        self.detail["credentials"] = self._credentials
        found.append(findings.credential("ftp", self._user, arg, accepted=accepted))
        self._user = None
        if accepted:
            self._logged_in = user
            self.detail["logged_in_as"] = user
            return b"230 Login successful.\r\n", False
        self._fails += 1
        return b"530 Login incorrect.\r\n", self._fails >= MAX_LOGIN_FAILS


def _logged_in_answer(name: str) -> bytes:  # noqa: PLR0911
    if name == "SYST":
        return b"215 UNIX Type: L8\r\n"
    if name in ("PWD", "XPWD"):
        return b'257 "/" is the current directory\r\n'
    if name in ("CWD", "CDUP", "XCWD"):
        return b"250 Directory successfully changed.\r\n"
    if name == "TYPE":
        return b"200 Switching to Binary mode.\r\n"
    if name in ("PASV", "EPSV"):
        return b"500 OOPS: vsf_sysutil_bind\r\n"
    if name in ("PORT", "EPRT"):
        return b"500 Illegal PORT command.\r\n"
    if name in ("LIST", "NLST", "RETR", "STOR", "APPE", "STOU", "MLSD"):
        return b"425 Use PORT or PASV first.\r\n"
    if name in ("SIZE", "MDTM"):
        return b"550 Could not get file size.\r\n"
    if name in ("MKD", "XMKD", "RMD", "XRMD", "DELE", "RNFR", "RNTO", "SITE"):
        return b"550 Permission denied.\r\n"
    return b"500 Unknown command.\r\n"
