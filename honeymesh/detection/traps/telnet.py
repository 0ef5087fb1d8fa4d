"""The Telnet trap: Debian 12's telnetd (GNU inetutils 2.4) before login, login(1), the fake shell.

``TelnetParser`` separates data from Telnet commands (RFC 854): ``IAC IAC`` is a literal 0xFF,
``IAC`` followed by any other byte is a command (the option byte after WILL/WONT/DO/DONT is
consumed), and a subnegotiation is kept up to ``MAX_SUBNEGOTIATION`` bytes and swallowed beyond
that until its ``IAC SE``. Nothing a client sends can make it raise or grow without bound.

``Options`` is inetutils telnetd's option state machine (``state.c``: a state, a wanted state
and a count of answers still owed, per option and side), so that every answer to a client's
WILL, WONT, DO or DONT is the real daemon's, byte for byte: the differential suite
(tests/fidelity/test_telnet.py) diffs them against Debian's ``inetutils-telnetd``.

``TelnetDialogue`` goes through telnetd's phases as the daemon does: it offers its options,
waits (as long as the client likes: the daemon has no timeout of its own there) until the client
has answered them and sent what it was asked for (terminal speed, X display, environment,
terminal type), offers the second set, waits for the window-size answer, then prints the host
line and hands over to login(1): ``<host> login:``, ``Password:``, PAM's pause after a failure,
``Login incorrect``, and the hang-up after ``LOGIN_RETRIES`` failures as Debian's login.defs sets
it. A client that never answers an option gets nothing more than the first offer, as from the
real daemon. Every attempt is recorded (usernames that are not UTF-8 are kept escaped); a
configured weak login opens the fake shell. ``USER`` in NEW-ENVIRON (``-f root``, the
CVE-2026-24061 authentication bypass) is recorded and, as by Debian's patched daemon, ignored.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from honeymesh.detection.traps import findings
from honeymesh.detection.traps.base import Finding, Step
from honeymesh.detection.traps.facts import Connection
from honeymesh.detection.traps.pam import fail_delay
from honeymesh.detection.traps.shell import FakeShell, LineEditor, ShellPersona, ShellSession
from honeymesh.events import JSONValue

IAC, DONT, DO, WONT, WILL, SB, SE, DM, AYT = 255, 254, 253, 252, 251, 250, 240, 242, 246
BINARY, ECHO, SGA, STATUS, TM, LOGOUT = 0, 1, 3, 5, 6, 18
TTYPE, NAWS, TSPEED, LFLOW, LINEMODE = 24, 31, 32, 33, 34
XDISPLOC, OLD_ENVIRON, AUTHENTICATION, ENCRYPT, NEW_ENVIRON = 35, 36, 37, 38, 39
SEND, IS = 1, 0
#: What the daemon says first, byte for byte: it will authenticate and encrypt (it is built with
#: Kerberos), and asks for terminal type, speed, X display and environment (new and old).
FIRST_OFFER = bytes((IAC, WILL, AUTHENTICATION, IAC, WILL, ENCRYPT, IAC, DO, TTYPE,
                     IAC, DO, TSPEED, IAC, DO, XDISPLOC, IAC, DO, NEW_ENVIRON,
                     IAC, DO, OLD_ENVIRON))  # fmt: skip
#: What a client that refuses every option (as most scripts and bots do) answers to the first
#: offer and, once it has come, to the second; then login starts.
REFUSING_CLIENT = (
    bytes((IAC, DONT, AUTHENTICATION, IAC, DONT, ENCRYPT, IAC, WONT, TTYPE, IAC, WONT, TSPEED,
           IAC, WONT, XDISPLOC, IAC, WONT, NEW_ENVIRON, IAC, WONT, OLD_ENVIRON)),
    bytes((IAC, DO, SGA, IAC, WONT, ECHO, IAC, WONT, LINEMODE, IAC, WONT, NAWS,
           IAC, DONT, STATUS, IAC, WONT, LFLOW)),
)  # fmt: skip
#: The last bytes of the second offer (DO LFLOW): the client's cue to answer it.
SECOND_OFFER_END = bytes((IAC, DO, LFLOW))
MAX_SUBNEGOTIATION = 256
#: login(1)'s LOGIN_RETRIES in Debian 12's /etc/login.defs.
MAX_ATTEMPTS = 5
#: Bytes of text kept of what is typed during sudo's or su's pause in the shell.
MAX_TYPED_AHEAD = 4096
#: pam_faildelay's delay=3000000 in Debian 12's /etc/pam.d/login (which replaces login.defs'
#: FAIL_DELAY, unset there): libpam pauses 0.5 to 1.5 times it before "Login incorrect", by the
#: second the attempt began (``pam.fail_delay``).
FAIL_DELAY = 3.0
#: Terminal types Debian 12's ncurses-base 6.4 has in terminfo, under the lower-case names
#: telnetd looks them up by (so not its Eterm): any other makes telnetd ask for the next one.
KNOWN_TERMINALS = frozenset(
    ("ansi", "cons25", "cons25-debian", "cygwin", "dumb", "hurd", "linux", "mach", "mach-bold",
     "mach-color", "mach-gnu", "mach-gnu-color", "pcansi", "rxvt", "rxvt-basic", "rxvt-m",
     "rxvt-unicode", "rxvt-unicode-256color", "screen", "screen-256color", "screen-256color-bce",
     "screen-bce", "screen-s", "screen-w", "screen.xterm-256color", "sun", "tmux",
     "tmux-256color", "vt100", "vt102", "vt220", "vt52", "wsvt25", "wsvt25m", "xterm",
     "xterm-256color", "xterm-color", "xterm-debian", "xterm-mono", "xterm-r5", "xterm-r6",
     "xterm-vt220", "xterm-xfree86")
)  # fmt: skip
# Linemode kinds (telnetd.h), in their order: who does the line editing.
NO_LINEMODE, KLUDGE_LINEMODE, NO_AUTOKLUDGE, KLUDGE_OK, REAL_LINEMODE = 0, 1, 2, 3, 4
#: Options telnetd agrees to when the client offers them (WILL), and to do when asked (DO).
_HIS_OK = frozenset((BINARY, LFLOW, TTYPE, SGA, NAWS, TSPEED, XDISPLOC, NEW_ENVIRON,
                     OLD_ENVIRON, LINEMODE, AUTHENTICATION, ENCRYPT))  # fmt: skip
_MY_OK = frozenset((ECHO, BINARY, SGA, STATUS, ENCRYPT))
_SUBOPTIONS = (TSPEED, XDISPLOC, NEW_ENVIRON, OLD_ENVIRON, TTYPE)


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


class Options:
    """inetutils telnetd's option negotiation (state.c), sans IO: each side's state and wanted
    state per option, and the answers still owed for requests already sent (so that a client
    echoing a request back cannot start a loop). Answers go to ``out``."""

    def __init__(self) -> None:
        self.my_state = bytearray(256)  # 1: will
        self.my_want = bytearray(256)
        self.his_state = bytearray(256)  # 1: the client will
        self.his_want = bytearray(256)
        self._will_wont_resp = bytearray(256)
        self._do_dont_resp = bytearray(256)
        self.lmodetype = NO_LINEMODE
        self.running = False  # past the terminal-type phase: a pty exists (linemode's mode)
        self.logout = False
        self.out = bytearray()

    def take(self) -> bytes:
        out = bytes(self.out)
        self.out.clear()
        return out

    def his_changing(self, option: int) -> bool:
        return self.his_want[option] != self.his_state[option]

    def my_changing(self, option: int) -> bool:
        return self.my_want[option] != self.my_state[option]

    @staticmethod
    def _owe(counts: bytearray, option: int) -> None:
        counts[option] = min(counts[option] + 1, 255)

    def send_do(self, option: int, init: bool) -> None:
        if init:
            owed, state = self._do_dont_resp[option], self.his_state[option]
            if (not owed and state) or self.his_want[option]:
                return
            self.his_want[option] = 1
            self._owe(self._do_dont_resp, option)
        self.out += bytes((IAC, DO, option))

    def send_dont(self, option: int, init: bool) -> None:
        if init:
            owed, state = self._do_dont_resp[option], self.his_state[option]
            if (not owed and not state) or not self.his_want[option]:
                return
            self.his_want[option] = 0
            self._owe(self._do_dont_resp, option)
        self.out += bytes((IAC, DONT, option))

    def send_will(self, option: int, init: bool) -> None:
        if init:
            owed, state = self._will_wont_resp[option], self.my_state[option]
            if (not owed and state) or self.my_want[option]:
                return
            self.my_want[option] = 1
            self._owe(self._will_wont_resp, option)
        self.out += bytes((IAC, WILL, option))

    def send_wont(self, option: int, init: bool) -> None:
        if init:
            owed, state = self._will_wont_resp[option], self.my_state[option]
            if (not owed and not state) or not self.my_want[option]:
                return
            self.my_want[option] = 0
            self._owe(self._will_wont_resp, option)
        self.out += bytes((IAC, WONT, option))

    @staticmethod
    def _answered(counts: bytearray, option: int, state: int, agreeing: bool) -> bool:
        """One answer owed is paid (two if the state already is the answer); True when none
        is owed any more, so the message is the client's own."""
        if counts[option]:
            counts[option] -= 1
            if counts[option] and state == agreeing:
                counts[option] -= 1
        return not counts[option]

    def will(self, option: int) -> None:
        """The client will (willoption)."""
        if self._answered(self._do_dont_resp, option, self.his_state[option], True):
            if not self.his_want[option]:
                if option == TM:  # the kludge-linemode probe; never answered
                    if self.lmodetype < KLUDGE_LINEMODE:
                        self.lmodetype = KLUDGE_LINEMODE
                        self.send_wont(SGA, True)
                    elif self.lmodetype == NO_AUTOKLUDGE:
                        self.lmodetype = KLUDGE_OK
                    return
                if option in _HIS_OK:
                    self.his_want[option] = 1
                    self.send_do(option, False)
                    self._agreed(option)
                else:
                    self._owe(self._do_dont_resp, option)
                    self.send_dont(option, False)
            elif option == ECHO:  # "Egads, he responded WILL ECHO": turn it off
                self.send_dont(ECHO, True)
            else:
                self._agreed(option)
        self.his_state[option] = 1

    def _agreed(self, option: int) -> None:
        """What follows the client's WILL once agreed: the authentication types it may use
        (Kerberos 5, mutual and one-way), the encryption types (none), the linemode."""
        if option == AUTHENTICATION:
            self.out += bytes((IAC, SB, AUTHENTICATION, SEND, 2, 2, 2, 0, IAC, SE))
        elif option == ENCRYPT:
            self.out += bytes((IAC, SB, ENCRYPT, 1, IAC, SE))
        elif option == LINEMODE:
            self._real_linemode()

    def _real_linemode(self) -> None:
        """The client edits lines itself: telnetd tells it the pty's mode (edit and signals
        once login's terminal exists; before it, literal echo only), then a NUL."""
        self.lmodetype = REAL_LINEMODE
        mode = 0x03 if self.running else 0x10
        self.out += bytes((IAC, SB, LINEMODE, 1, mode, IAC, SE, 0))

    def wont(self, option: int) -> None:
        """The client won't (wontoption)."""
        if self._answered(self._do_dont_resp, option, self.his_state[option], False):
            if self.his_want[option]:
                if option == TM:  # the answer to our DO TM: leave it at that
                    self.his_want[TM] = 0
                    return
                self.his_want[option] = 0
                if self.his_state[option]:
                    self.send_dont(option, False)
            elif option == TM and self.lmodetype < NO_AUTOKLUDGE:
                self.lmodetype = NO_LINEMODE
                self.send_will(SGA, True)
                self.send_will(ECHO, True)
        self.his_state[option] = 0

    def do(self, option: int) -> None:
        """The client asks us to (dooption)."""
        if (
            self._answered(self._will_wont_resp, option, self.my_state[option], True)
            and not self.my_want[option]
        ):
            if option == TM:  # a WILL TM, but the state stays WONT
                self.send_will(TM, False)
                return
            if option == LOGOUT:
                self.my_want[LOGOUT] = 1
                self.send_will(LOGOUT, False)
                self.logout = True
            elif option in _MY_OK:
                self.my_want[option] = 1
                self.send_will(option, False)
            else:
                self._owe(self._will_wont_resp, option)
                self.send_wont(option, False)
        self.my_state[option] = 1

    def dont(self, option: int) -> None:
        """The client asks us not to (dontoption)."""
        if (
            self._answered(self._will_wont_resp, option, self.my_state[option], False)
            and self.my_want[option]
        ):
            self.my_want[option] = 0
            if self.my_state[option]:
                self.send_wont(option, False)
        self.my_state[option] = 0


@dataclass(frozen=True)
class TelnetSettings:
    #: Printed where telnetd prints its host line; empty: the host line itself,
    #: ``\r\nLinux <kernel> (<host>) (pts/0)\r\n\r\n``.
    banner: bytes
    persona: ShellPersona
    credentials: frozenset[tuple[str, str]]
    #: Seconds login gives a client to log in (LOGIN_TIMEOUT), as its message says them.
    login_timeout: int = 60


class TelnetDialogue:
    def __init__(self, settings: TelnetSettings, now: Callable[[], float]) -> None:
        self._settings = settings
        self._now = now
        self._parser = TelnetParser()
        self._options = Options()
        self._editor = LineEditor(echo=True)
        # terminal: waiting for the answers to the first offer; suboptions: for what it asked;
        # run: for the window-size answer; then login, password, shell (and closed)
        self._stage = "terminal"
        self._asked: set[int] = set()  # suboptions asked for and not yet answered
        self._terminal: str | None = None  # lower case, as telnetd keeps it
        self._cycle: str | None = None  # asking for the next terminal type: next, final
        self._first: str | None = None
        self._last: str | None = None
        self._early = bytearray()  # typed before login started: login reads it then
        self._crlf = False  # the chunk login is reading ends its lines with CR LF
        self._username = b""
        self._began = 0.0  # when login began this attempt (pam_authenticate): PAM's seed
        self._pausing = False  # login sleeps out PAM's pause after a failed login
        self._shell_paused = False  # ... or sudo or su in the shell does
        self._typed = bytearray()  # what is typed meanwhile, which the shell reads after it
        self._session: ShellSession | None = None
        self._attempts = 0
        self.detail: dict[str, JSONValue] = {}
        self._credentials: list[JSONValue] = []
        self._seen_options: list[JSONValue] = []
        self._commands = 0
        self._oversized = 0
        self._connection: Connection | None = None

    def connected(self, connection: Connection) -> None:
        self._connection = connection

    def _login_prompt(self) -> bytes:
        return self._settings.persona.hostname.encode() + b" login: "

    def _host_line(self) -> bytes:
        if self._settings.banner:
            return self._settings.banner
        persona = self._settings.persona
        return f"\r\nLinux {persona.kernel} ({persona.hostname}) (pts/0)\r\n\r\n".encode()

    def start(self) -> Step:
        o = self._options
        o.send_will(AUTHENTICATION, True)
        o.send_will(ENCRYPT, True)
        for option in (TTYPE, TSPEED, XDISPLOC, NEW_ENVIRON, OLD_ENVIRON):
            o.send_do(option, True)
        return Step(reply=o.take())

    def stop(self) -> None:
        pass

    def login_timed_out(self) -> bytes:
        """What login says when the client's time is up; nothing before login has started
        (telnetd waits for the option answers forever: the trap's limit is a reset)."""
        if self._stage in ("login", "password"):
            timeout = self._settings.login_timeout
            return f"\r\nLogin timed out after {timeout} seconds.\r\n".encode()
        return b""

    def receive(self, data: bytes) -> Step:
        text, commands = self._parser.feed(data)
        o = self._options
        for c in commands:
            self._command_in(c)
        before_login = self._stage in ("terminal", "suboptions", "run")
        if before_login:
            self._early += text[: 4096 - len(self._early)]
            self._advance()
        if o.logout:
            return Step(reply=o.take(), close=True, detail=self.detail)
        negotiation = o.take()
        if self._stage in ("terminal", "suboptions", "run"):
            return Step(reply=negotiation, detail=self.detail)
        reply = bytearray()
        if before_login:  # login has just started: its prompt, then what was typed meanwhile
            reply += self._host_line() + self._login_prompt()
            text, self._early = bytes(self._early), bytearray()
            self._began = self._now()
        found: list[Finding] = []
        close = False
        delay = 0.0
        pause_at = 0
        if self._stage == "shell":
            close, delay, pause_at = self._shell_input(text, bool(data), reply, found)
        elif b"\x03" in text:
            # ^C: login is killed and telnetd hangs up, discarding what it had not sent yet
            # (the echo of this very chunk); the terminal's own ^C echo remains at the name.
            # During PAM's pause too: login never says "Login incorrect".
            reply += b"^C" if self._stage == "login" else b""
            close = True
        elif self._pausing:
            # During PAM's pause the terminal echoes what is typed (echo is back on) and the
            # next prompt throws it away (TCSAFLUSH); telnetd has answered its commands above.
            # The pause over, the dialogue is called with nothing (Step.more).
            reply += self._editor.feed(text).echo
            if not data:  # login's next prompt: what was typed during the pause is gone
                self._pausing = False
                self._editor.discard()
        else:
            close, delay, pause_at = self._login_input(text, reply, found)
        now, later = _nvt(bytes(reply[:pause_at])), _nvt(bytes(reply[pause_at:]))
        paused = bool(delay) and (self._pausing or self._shell_paused)  # telnetd still answers
        return Step(
            reply=negotiation + now + later,
            close=close,
            detail=self.detail,
            findings=tuple(found),
            delay=delay,
            logged_in=self._stage == "shell",
            pause_at=len(negotiation) + len(now),
            more=paused and not close,
            reads_meanwhile=paused,
        )

    def _shell_input(
        self, text: bytes, arrived: bool, reply: bytearray, found: list[Finding]
    ) -> tuple[bool, float, int]:
        """What the shell makes of ``text``, its answers added to ``reply``: (hang up, the
        pause of a wrong password's answer, where in ``reply`` it begins). While sudo or su
        sleeps, telnetd still answers (the commands, before this) and the text waits."""
        assert self._session is not None
        if self._shell_paused and arrived:
            self._typed += text[: MAX_TYPED_AHEAD - len(self._typed)]
            return False, 0.0, 0
        if self._shell_paused:  # the pause is over (Step.more): the shell reads what came
            self._shell_paused = False
            text, self._typed = bytes(self._typed), bytearray()
        out = self._session.feed(text)
        reply += out.reply
        ran = zip(out.commands, out.downloads, strict=True)
        found.extend(self._command(line, urls) for line, urls in ran)
        if not out.pause:
            return out.exit, 0.0, 0
        self._shell_paused = not out.exit
        return out.exit, out.pause, len(reply) - len(out.reply) + out.pause_at

    def _login_input(
        self, text: bytes, reply: bytearray, found: list[Finding]
    ) -> tuple[bool, float, int]:
        """What login reads of ``text``, its answers added to ``reply``: (hang up, PAM's pause,
        where in ``reply`` the pause begins).

        login reads one line. PAM turns echo off for the password and on again after it, both
        with TCSAFLUSH, which throws away whatever was typed behind the line just read: a client
        that sends name and password in one go gets the password prompt and nothing else, and
        names typed behind a password are gone too (measured: ``tests/fidelity``). What comes
        during the pause after a failure is echoed and thrown away at the next prompt
        (``_pausing``, ``Step.reads_meanwhile``).
        """
        if text:
            self._crlf = b"\r\n" in text
        secret = self._editor.secret
        edited = self._editor.feed(text)
        lines: list[bytes | None] = list(edited.lines)
        if edited.end_of_input:
            lines.append(None)  # ^D on an empty line: login reads end of file
        if secret:  # nothing typed is echoed; PAM ends the password's line itself, once
            reply += b"\r\n" if lines and lines[0] is not None else b""
        else:
            reply += edited.echo  # the terminal echoes as the bytes come, whatever login does
        if not lines:
            return False, 0.0, 0
        self._editor.discard()  # the flush: the rest of what was typed ahead
        answered = len(reply)
        more, finding, close, failed = self._login_line(lines[0])
        reply += more
        if finding is not None:
            found.append(finding)
        if not failed:
            return close, 0.0, 0
        delay = fail_delay(self._began, FAIL_DELAY)
        self._began = self._now() + delay  # login begins the next attempt once it is over
        self._pausing = True
        return close, delay, answered

    def _advance(self) -> None:
        """Go on through telnetd's phases as far as the client's answers allow."""
        if self._stage == "terminal" and self._terminal_answered():
            self._stage = "suboptions"
        if self._stage == "suboptions" and not self._asked and self._terminal_settled():
            self._stage = "run"
            self._offer_second()
        if self._stage == "run" and self._window_answered():
            self._stage = "login"

    def _terminal_answered(self) -> bool:
        """The first offer answered (encryption, terminal type, speed, X display, both
        environments): ask for each the client agreed to."""
        o = self._options
        waited = (TTYPE, TSPEED, XDISPLOC, NEW_ENVIRON, OLD_ENVIRON)
        if o.my_changing(ENCRYPT) or any(o.his_changing(opt) for opt in waited):
            return False
        environment = NEW_ENVIRON if o.his_state[NEW_ENVIRON] else OLD_ENVIRON
        for option in (TSPEED, XDISPLOC, environment, TTYPE):
            if o.his_state[option]:
                o.out += bytes((IAC, SB, option, SEND, IAC, SE))
                self._asked.add(option)
        if o.his_state[OLD_ENVIRON]:
            self._asked.add(OLD_ENVIRON)  # waited for even when NEW-ENVIRON was asked instead
        return True

    def _offer_second(self) -> None:
        """telnetd_run: suppress go-ahead, echo (to learn whether the client is a 4.2BSD
        one), linemode, window size, status and flow control."""
        o = self._options
        o.running = True
        if not o.my_state[SGA]:
            o.send_will(SGA, True)
        o.send_do(ECHO, True)
        if not o.his_state[LINEMODE]:
            o.send_do(LINEMODE, True)
        o.send_do(NAWS, True)
        o.send_will(STATUS, True)
        o.send_do(LFLOW, True)

    def _window_answered(self) -> bool:
        """The window size answered (and echo, from a client that will NAWS): telnetd turns on
        its echo, probes for kludge linemode and starts login on a pty whose mode it reports
        (8-bit input, output processed: CR LF; no kernel linemode)."""
        o = self._options
        if o.his_changing(NAWS):
            return False
        if o.his_want[ECHO] and o.his_state[NAWS] and o.his_changing(ECHO):
            return False
        if o.his_want[ECHO]:  # a client that never answered DO ECHO: as if it said WILL
            o.will(ECHO)
        if not o.my_state[ECHO]:
            o.send_will(ECHO, True)
        if o.lmodetype < REAL_LINEMODE:
            o.send_do(TM, True)
        o.send_do(BINARY, True)
        o.send_wont(BINARY, True)
        if o.lmodetype == REAL_LINEMODE:
            o.send_dont(LINEMODE, True)
        return True

    def _terminal_settled(self) -> bool:
        """telnetd's check of the terminal type against terminfo (getterminaltype): an unknown
        one is asked for again until a known one comes, or the client's list repeats (RFC
        1091: then once more, so that it starts over, and the first is kept)."""
        o = self._options
        if self._cycle is None:
            if not o.his_state[TTYPE] or self._terminal is None or self._known():
                return True
            self._first = self._last = self._terminal
            self._cycle = "next"
        elif self._cycle == "next":
            if self._known():
                return True
            if self._last == self._terminal or not o.his_state[TTYPE]:
                if self._first == self._terminal:
                    return True
                self._cycle = "final"
            else:
                self._last = self._terminal
        else:  # the answer to the last request: the first is kept
            self._terminal = self._first
            return True
        if o.his_state[TTYPE]:
            o.out += bytes((IAC, SB, TTYPE, SEND, IAC, SE))
            self._asked.add(TTYPE)
            return False
        return True

    def _known(self) -> bool:
        return self._terminal is None or self._terminal in KNOWN_TERMINALS

    def _command_in(self, c: TelnetCommand) -> None:
        o = self._options
        if c.verb == SB:
            self._subnegotiation(c)
            return
        if c.option is None:
            if c.verb == AYT:  # telnetd answers at once, whatever login is doing
                self._options.out += b"\r\n[Yes]\r\n"
            return
        self._seen_options = findings.listed(self._seen_options, [_VERBS[c.verb], c.option])
        self.detail["options"] = self._seen_options
        if c.verb == WILL:
            o.will(c.option)
        elif c.verb == WONT:
            o.wont(c.option)
            self._asked.discard(c.option)  # a refusal counts as the answer
        elif c.verb == DO:
            o.do(c.option)
        else:
            o.dont(c.option)

    def _subnegotiation(self, c: TelnetCommand) -> None:
        if c.truncated:
            self._oversized += 1
            self.detail["oversized_subnegotiations"] = self._oversized
        if c.option is None or not self._options.his_state[c.option]:
            return  # telnetd ignores what it has not agreed to
        if c.option in _SUBOPTIONS:
            self._asked.discard(c.option)
        if c.option == TTYPE and c.data[:1] == bytes((IS,)):
            self._terminal = c.data[1:65].decode("latin-1").lower()
            self.detail["terminal"] = findings.text(c.data[1:], 64)
        elif c.option in (NEW_ENVIRON, OLD_ENVIRON) and c.data:
            self.detail["environment"] = findings.text(c.data, 256)  # e.g. USER=-f root
        elif c.option == NAWS and len(c.data) >= 4:
            self.detail["window"] = [int.from_bytes(c.data[0:2]), int.from_bytes(c.data[2:4])]

    def _login_line(self, line: bytes | None) -> tuple[bytes, Finding | None, bool, bool]:
        """One line read by login: (reply, finding, hang up, failed)."""
        if self._stage == "login" and line is not None:
            self._username = line.strip()
            self._stage = "password"
            self._editor.secret = True
            # A client in binary mode has its CR LF passed on as two line ends: the terminal
            # echoes both, and login's turning echo off for the password discards the second.
            extra = b"\r\n" if self._options.his_state[BINARY] and self._crlf else b""
            return extra + b"Password: ", None, False, False
        self._stage = "login"
        self._editor.secret = False
        self._attempts += 1
        self.detail["login_attempts"] = self._attempts
        finding = None
        if line is not None:
            user, password = findings.text(self._username), findings.text(line)
            accepted = (user, password) in self._settings.credentials
            self._credentials = findings.listed(
                self._credentials, {"username": user, "password": password, "accepted": accepted}
            )
            self.detail["credentials"] = self._credentials
            finding = findings.credential("telnet", self._username, line, accepted=accepted)
            if accepted:
                self.detail["logged_in_as"] = user
                shell = FakeShell(
                    self._settings.persona,
                    user,
                    self._now,
                    connection=self._connection,
                    via="telnet",
                )
                self._session = ShellSession(shell, echo=True)
                self._stage = "shell"
                return self._session.start(), finding, False, False
        echo = b"\r\n" if line is None else b""  # login ends the line read at end of file
        if self._attempts >= MAX_ATTEMPTS:
            last = b"\r\nLogin incorrect\r\nMaximum number of tries exceeded (5)\r\n"
            return echo + last, finding, True, True
        return echo + b"\r\nLogin incorrect\r\n" + self._login_prompt(), finding, False, True

    def _command(self, line: str, downloads: tuple[str, ...] = ()) -> Finding:
        self._commands += 1
        self.detail["commands"] = self._commands
        if downloads:
            return findings.command("telnet", line, download_intent=list(downloads))
        return findings.command("telnet", line)


def _nvt(data: bytes) -> bytes:
    """Terminal output as telnetd sends it outside binary mode: 0xff doubled (IAC IAC), and a
    CR not followed by LF followed by NUL."""
    return _LONE_CR.sub(b"\r\x00", data.replace(b"\xff", b"\xff\xff"))


_LONE_CR = re.compile(rb"\r(?!\n)")


_VERBS = {WILL: "WILL", WONT: "WONT", DO: "DO", DONT: "DONT"}
