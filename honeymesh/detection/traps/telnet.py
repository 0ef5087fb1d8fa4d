"""The Telnet trap: option negotiation that survives garbage, a login, the fake shell.

``TelnetParser`` separates data from Telnet commands (RFC 854): ``IAC IAC`` is a literal 0xFF,
``IAC`` followed by any other byte is a command (the option byte after WILL/WONT/DO/DONT is
consumed), and a subnegotiation is kept up to ``MAX_SUBNEGOTIATION`` bytes and swallowed beyond
that until its ``IAC SE``. Nothing a client sends can make it raise or grow without bound.

``TelnetDialogue`` negotiates as Linux's telnetd does (first the options it wants from the
client, then, once the client answers, echo and suppress go-ahead, so clients switch to
character mode), asks for a login and password, records every attempt (usernames
that are not UTF-8 are kept escaped), lets a configured weak login into the fake shell, and
hangs up after ``MAX_ATTEMPTS`` failures as ``login`` does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from honeymesh.detection.traps import findings
from honeymesh.detection.traps.base import Finding, Step
from honeymesh.detection.traps.facts import Connection
from honeymesh.detection.traps.shell import FakeShell, LineEditor, ShellPersona, ShellSession
from honeymesh.events import JSONValue

IAC, DONT, DO, WONT, WILL, SB, SE = 255, 254, 253, 252, 251, 250, 240
ECHO, SGA, TTYPE, NAWS, TSPEED, XDISPLOC, NEW_ENVIRON = 1, 3, 24, 31, 32, 35, 39
#: What Linux's (netkit) telnetd says first, byte for byte: the options it asks the client for.
FIRST_OFFER = bytes((IAC, DO, TTYPE, IAC, DO, TSPEED, IAC, DO, XDISPLOC, IAC, DO, NEW_ENVIRON))
#: Then, once the client has answered: it will echo and suppress go-ahead (character mode).
SECOND_OFFER = bytes((IAC, WILL, ECHO, IAC, WILL, SGA, IAC, DO, NAWS))
_WANTED = (TTYPE, NAWS, TSPEED, XDISPLOC, NEW_ENVIRON)
MAX_SUBNEGOTIATION = 256
MAX_ATTEMPTS = 3


@dataclass(frozen=True)
class TelnetCommand:
    verb: int  # WILL, WONT, DO, DONT, SB (with ``data``) or any other command byte
    option: int | None = None
    data: bytes = b""
    truncated: bool = False


class TelnetParser:
    """Bytes in; (data bytes, commands) out. Bounded state, total over any input."""

    def __init__(self) -> None:
        self._state = "data"  # data, iac, option, sb, sb_iac
        self._verb = 0
        self._sb = bytearray()
        self._sb_dropped = False

    def feed(self, chunk: bytes) -> tuple[bytes, list[TelnetCommand]]:  # noqa: PLR0912
        data = bytearray()
        commands: list[TelnetCommand] = []
        for byte in chunk:
            state = self._state
            if state == "data":
                if byte == IAC:
                    self._state = "iac"
                else:
                    data.append(byte)
            elif state == "iac":
                self._state = "data"
                if byte == IAC:
                    data.append(IAC)
                elif byte in (WILL, WONT, DO, DONT):
                    self._verb, self._state = byte, "option"
                elif byte == SB:
                    self._sb.clear()
                    self._sb_dropped = False
                    self._state = "sb"
                else:
                    commands.append(TelnetCommand(byte))  # NOP, GA, AYT, a stray SE...
            elif state == "option":
                commands.append(TelnetCommand(self._verb, byte))
                self._state = "data"
            elif state == "sb":
                if byte == IAC:
                    self._state = "sb_iac"
                else:
                    self._keep(byte)
            elif byte == SE:  # state sb_iac: the end of a subnegotiation
                body = bytes(self._sb)
                option = body[0] if body else None
                commands.append(TelnetCommand(SB, option, body[1:], self._sb_dropped))
                self._state = "data"
            else:  # state sb_iac: IAC IAC inside a subnegotiation, or garbage
                self._keep(byte)
                self._state = "sb"
        return bytes(data), commands

    def _keep(self, byte: int) -> None:
        if len(self._sb) < MAX_SUBNEGOTIATION:
            self._sb.append(byte)
        else:
            self._sb_dropped = True


@dataclass(frozen=True)
class TelnetSettings:
    banner: bytes
    persona: ShellPersona
    credentials: frozenset[tuple[str, str]]


class TelnetDialogue:
    def __init__(self, settings: TelnetSettings, now: Callable[[], float]) -> None:
        self._settings = settings
        self._now = now
        self._parser = TelnetParser()
        self._editor = LineEditor(echo=True)
        self._stage = "greeting"  # greeting, login, password, shell
        self._username = b""
        self._session: ShellSession | None = None
        self._answered: set[tuple[int, int]] = set()
        self._attempts = 0
        self.detail: dict[str, JSONValue] = {}
        self._credentials: list[JSONValue] = []
        self._options: list[JSONValue] = []
        self._commands = 0
        self._oversized = 0
        self._connection: Connection | None = None

    def connected(self, connection: Connection) -> None:
        self._connection = connection

    def _login_prompt(self) -> bytes:
        return self._settings.persona.hostname.encode() + b" login: "

    def start(self) -> Step:
        return Step(reply=FIRST_OFFER)

    def stop(self) -> None:
        pass

    def receive(self, data: bytes) -> Step:
        text, commands = self._parser.feed(data)
        negotiation = self._negotiate(commands)
        reply = bytearray()  # data for the client's screen; 0xff in it is escaped below
        if self._stage == "greeting":  # the client has answered (or typed): the login begins
            self._stage = "login"
            negotiation += SECOND_OFFER
            reply += self._settings.banner + self._login_prompt()
        found: list[Finding] = []
        close = False
        if self._stage == "shell":
            assert self._session is not None
            out = self._session.feed(text)
            reply += out.reply
            found.extend(
                self._command(line, urls)
                for line, urls in zip(out.commands, out.downloads, strict=True)
            )
            close = out.exit
        else:
            edited = self._editor.feed(text)
            reply += edited.echo
            for line in edited.lines:
                more, finding, close = self._login_line(line)
                reply += more
                if finding is not None:
                    found.append(finding)
                if close or self._stage == "shell":
                    break
            if edited.end_of_input and not close and self._stage != "shell":
                close = True
        sent = negotiation + bytes(reply).replace(b"\xff", b"\xff\xff")  # IAC IAC: literal 0xff
        return Step(
            reply=sent,
            close=close,
            detail=self.detail,
            findings=tuple(found),
            logged_in=self._stage == "shell",
        )

    def _login_line(self, line: bytes) -> tuple[bytes, Finding | None, bool]:
        if self._stage == "login":
            if not line.strip():
                return self._login_prompt(), None, False
            self._username = line.strip()
            self._stage = "password"
            self._editor.secret = True
            return b"Password: ", None, False
        self._stage = "login"
        self._editor.secret = False
        self._attempts += 1
        user, password = findings.text(self._username), findings.text(line)
        accepted = (user, password) in self._settings.credentials
        self._credentials = findings.listed(
            self._credentials, {"username": user, "password": password, "accepted": accepted}
        )
        self.detail.update(credentials=self._credentials, login_attempts=self._attempts)
        finding = findings.credential("telnet", self._username, line, accepted=accepted)
        if accepted:
            self.detail["logged_in_as"] = user
            shell = FakeShell(
                self._settings.persona, user, self._now, connection=self._connection, via="telnet"
            )
            self._session = ShellSession(shell, echo=True)
            self._stage = "shell"
            return b"\r\n" + self._session.start(), finding, False
        if self._attempts >= MAX_ATTEMPTS:
            return b"\r\nLogin incorrect\r\n", finding, True
        return b"\r\nLogin incorrect\r\n" + self._login_prompt(), finding, False

    def _command(self, line: str, downloads: tuple[str, ...] = ()) -> Finding:
        self._commands += 1
        self.detail["commands"] = self._commands
        if downloads:
            return findings.command("telnet", line, download_intent=list(downloads))
        return findings.command("telnet", line)

    def _negotiate(self, commands: list[TelnetCommand]) -> bytes:
        """Answer each option once; refuse what we did not offer (no negotiation loops)."""
        out = bytearray()
        for c in commands:
            if c.verb == SB:
                self._note_subnegotiation(c)
                continue
            if c.option is None:
                continue
            self._options = findings.listed(self._options, [_VERBS[c.verb], c.option])
            self.detail["options"] = self._options
            key = (c.verb, c.option)
            if key in self._answered:
                continue
            self._answered.add(key)
            if c.verb == DO and c.option not in (ECHO, SGA):
                out += bytes((IAC, WONT, c.option))
            elif c.verb == WILL and c.option not in _WANTED:
                out += bytes((IAC, DONT, c.option))
            elif c.verb == WILL and c.option == TTYPE:
                out += bytes((IAC, SB, TTYPE, 1, IAC, SE))  # SEND
        return bytes(out)

    def _note_subnegotiation(self, c: TelnetCommand) -> None:
        if c.truncated:
            self._oversized += 1
            self.detail["oversized_subnegotiations"] = self._oversized
        if c.option == TTYPE and c.data[:1] == b"\x00":
            self.detail["terminal"] = findings.text(c.data[1:], 64)
        elif c.option == NEW_ENVIRON and c.data:
            self.detail["environment"] = findings.text(c.data, 256)  # e.g. USER=-f root
        elif c.option == NAWS and len(c.data) >= 4:
            self.detail["window"] = [int.from_bytes(c.data[0:2]), int.from_bytes(c.data[2:4])]


_VERBS = {WILL: "WILL", WONT: "WONT", DO: "DO", DONT: "DONT"}
