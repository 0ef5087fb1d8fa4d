"""The fake shell behind the SSH and Telnet traps: plausible answers, nothing ever executed.

Three sans-IO pieces, used by both traps:

- ``LineEditor`` turns keystrokes into lines the way a terminal in raw mode expects: echo,
  backspace, ^C, ^D, ^U, escape sequences swallowed, a line length cap.
- ``FakeShell`` answers one command line as a small Debian 12 server would. It parses what bash
  parses (quotes, ``;``, ``&&``, ``||``, pipes, redirections, ``$VAR``, ``$(...)``), keeps a
  working directory, variables and a history, and runs every command against the session's
  copy-on-write file system (``fakefs.py`` over ``debian_tree.py``): ``echo x > f; cat f``
  shows ``x``, bounded like a small disk. Every fact it shows (MAC, addresses, uptime, pids,
  hashes, the previous login) comes from the node's facts (``facts.py``) and the real
  connection, each from one source, so no two answers contradict each other and no two nodes
  look alike. Downloads (``wget``, ``curl``) are never fetched: they fail as a filtered egress
  makes them fail, and each URL is reported (``ShellResult.downloads``).
- ``ShellSession`` joins the two with a prompt, for an interactive session (and ``sudo``'s
  password prompt).
"""

from __future__ import annotations

import fnmatch
import importlib.resources
import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from honeymesh.detection.traps import debian_packages, debian_tree
from honeymesh.detection.traps.facts import (
    DAY,
    PLACEHOLDER_FACTS,
    Connection,
    NodeFacts,
    ctime,
    plain_host,
    stamp,
)
from honeymesh.detection.traps.fakefs import FsError, Node, SessionFs, absolute, as_bytes, parent
from honeymesh.detection.traps.pam import fail_delay
from honeymesh.detection.traps.shell_commands import (
    BUILTINS,
    COMMANDS,
    EndOfSession,
    Meter,
    Streams,
)
from honeymesh.detection.traps.ssh_look import SSH_SERVERS, dropbear_key_file, fallback_host_keys

MAX_LINE = 4096
MAX_HISTORY = 200
#: The delay pam_unix asks libpam for after a wrong password (Debian 12's common-auth).
PAM_UNIX_DELAY = 2.0
#: Passwords sudo asks for before it gives up (sudoers' passwd_tries).
SUDO_TRIES = 3
MAX_OUTPUT = 16 * 1024
# What a pipe passes on: `dpkg -l | grep ssh` must see the whole list (35 KB), as the line's
# work bound (_MAX_WRITTEN) allows.
MAX_PIPE = 64 * 1024
MAX_NESTING = 8  # sudo sudo sh -c "sh -c ..." is answered, up to this depth
MAX_DOWNLOADS = 20  # URLs reported per command line
MAX_VARIABLES = 64
MAX_LOOPS = 100  # rounds of one for/while loop (a real `while true` never ends)
_ESC = 0x1B


@dataclass(frozen=True)
class ShellPersona:
    """What the fake machine claims to be: the configured names, and the node's facts."""

    hostname: str
    kernel: str  # uname -r
    os_name: str  # PRETTY_NAME in /etc/os-release
    arch: str = "x86_64"
    cpus: int = 2
    memory_kib: int | None = None  # None: the node's own (facts.memory_kib)
    facts: NodeFacts = PLACEHOLDER_FACTS
    # The SSH server the machine runs: the SSH trap's persona (``ssh_look.SSH_SERVERS``), so
    # the shell shows the server the client has just spoken to (a Telnet shell the default's).
    ssh_server: str = "dropbear-2022.83"
    # (kind, OpenSSH public key line) of the node's SSH trap's host keys, which a shell shows
    # wherever it is reached (a Telnet shell too); empty: none known, the facts' own.
    host_keys: tuple[tuple[str, str], ...] = ()


# --- keystrokes to lines ---------------------------------------------------------------------


@dataclass(frozen=True)
class EditorOutput:
    echo: bytes
    lines: tuple[bytes, ...]
    interrupted: bool = False
    end_of_input: bool = False
    #: How much of ``echo`` each line's keystrokes made, its end included (the rest is the
    #: echo of the line still being typed): a shell echoes a line only when it reads it.
    line_echoes: tuple[int, ...] = ()


class LineEditor:
    """A minimal terminal line discipline: bytes in, echo and completed lines out."""

    def __init__(self, *, echo: bool, max_line: int = MAX_LINE) -> None:
        self.echo = echo
        self._max = max_line
        self._buffer = bytearray()
        self._after_cr = False
        self._escape = 0  # 0: none, 1: seen ESC, 2: inside CSI/SS3
        self.secret = False  # True while a password is typed: nothing is echoed

    def feed(self, data: bytes) -> EditorOutput:  # noqa: PLR0912
        echo = bytearray()
        lines: list[bytes] = []
        ends: list[int] = []
        interrupted = end = False
        for byte in data:
            after_cr, self._after_cr = self._after_cr, False
            if self._escape:
                self._escape = self._skip_escape(byte)
                continue
            if byte in (0x0A, 0x00) and after_cr:
                continue  # the second half of CR LF or CR NUL
            if byte in (0x0D, 0x0A):
                self._after_cr = byte == 0x0D
                lines.append(bytes(self._buffer))
                self._buffer.clear()
                echo += b"\r\n"
                ends.append(len(echo))
            elif byte in (0x7F, 0x08):
                if self._buffer:
                    self._buffer.pop()
                    if not self.secret:
                        echo += b"\b \b"
            elif byte == 0x03:  # ^C
                self._buffer.clear()
                echo += b"^C\r\n"
                interrupted = True
            elif byte == 0x04:  # ^D
                if not self._buffer:
                    end = True
                    break
            elif byte == 0x15:  # ^U
                if not self.secret:
                    echo += b"\b \b" * len(self._buffer)
                self._buffer.clear()
            elif byte == _ESC:
                self._escape = 1
            elif (byte >= 0x20 or byte == 0x09) and len(self._buffer) < self._max:
                self._buffer.append(0x20 if byte == 0x09 else byte)
                if not self.secret:
                    echo.append(byte)
        if not self.echo:
            return EditorOutput(b"", tuple(lines), interrupted, end, (0,) * len(lines))
        sizes = tuple(b - a for a, b in zip([0, *ends], ends, strict=False))
        return EditorOutput(bytes(echo), tuple(lines), interrupted, end, sizes)

    def discard(self) -> None:
        """Forget the line being typed, as a terminal's input is flushed (``TCSAFLUSH``)."""
        self._buffer.clear()
        self._escape = 0

    def interrupt(self) -> None:
        """^C: the line being typed is gone, and a CR LF it split is two line ends."""
        self.discard()
        self._after_cr = False

    @staticmethod
    def _skip_escape(byte: int) -> int:
        """Where we are in an escape sequence after ``byte``: 0 once it has ended."""
        if byte in (0x5B, 0x4F):  # ESC [ (CSI) or ESC O (SS3)
            return 2
        if 0x40 <= byte <= 0x7E:
            return 0
        return 2 if byte < 0x40 else 0


# --- the shell -------------------------------------------------------------------------------

_NOT_FOUND = "-bash: {name}: command not found\n"
_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
_USER_PATH = "/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games"
_KERNEL_BUILD = "#1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22)"
_MAX_WORK = 2000  # commands one top-level line may run, scripts and substitutions included
_MAX_WRITTEN = 64 * 1024  # characters they may write, wherever to (bounds a line's time)


@dataclass(frozen=True)
class ShellResult:
    """What one command line did: ``output`` is the screen's text less its final newline
    (``raw`` keeps it: ``echo -n`` leaves none), ``downloads`` the URLs it tried to fetch,
    ``password_prompt`` set when ``sudo`` or ``su`` waits for a password (``ShellSession``
    asks), ``pause`` the seconds the program waits before it says ``raw`` (libpam's pause after
    a wrong password)."""

    output: str
    exit: bool = False
    status: int = 0
    raw: str = ""
    downloads: tuple[str, ...] = ()
    password_prompt: str = ""
    pause: float = 0.0


@dataclass
class _Command:
    words: list[str] = field(default_factory=list)
    redirects: list[tuple[str, str]] = field(default_factory=list)


class FakeShell:
    """One user's fake shell; ``run`` answers a command line without executing anything."""

    persona: ShellPersona
    user: str
    cwd: str

    def __init__(
        self,
        persona: ShellPersona,
        user: str,
        now: Callable[[], float],
        *,
        connection: Connection | None = None,
        host_keys: Mapping[str, str] | None = None,
        via: str = "ssh",
    ) -> None:
        self.persona = persona
        self.via = via  # "ssh" or "telnet": who started the session (ps, the last-login line)
        self.facts = persona.facts
        self.ssh = SSH_SERVERS[persona.ssh_server]
        self.user = user if _safe_name(user) else "user"
        self.home = "/root" if self.user == "root" else f"/home/{self.user}"
        self.cwd = self.home
        self.history: list[str] = []
        self.interactive = False  # ShellSession sets it: sudo may then ask for a password
        self.now = now
        self.started = now()
        f = self.facts
        self._connection = connection
        peer = plain_host(connection.peer.host) if connection is not None else ""
        self.peer = peer or str(f.neighbour("client"))
        self.address = f.shown_address(connection)
        self.memory_kib = persona.memory_kib or f.memory_kib
        self._host_keys = dict(host_keys or persona.host_keys or fallback_host_keys(f))
        self.pid = f.next_pid(self.started, connection.peer.port if connection else 0)
        self.spawned = 0
        self.variables: dict[str, str] = {}
        self.status = 0
        self._work = 0
        self._meter = Meter()
        self._downloads: list[str] = []
        self._asking = ""  # "sudo" or "su" while its password prompt is up
        self._tries = 0  # wrong passwords sudo has had
        self._asked_at = 0.0  # when the prompt came up: libpam's seed for the pause after it
        self.depth = 0  # the nesting of the command being run (sudo sh -c "sh -c ...")
        self.loop_control = ""  # "break" or "continue" until the loop around it sees it
        self.loops = 0  # loops running around the command being run (break needs one)
        self.pending_input: list[str] | None = None  # lines `read` takes (done < file)
        tree = debian_tree.build(f, self._files(), self.user, self.home, self.ssh.programs)
        log = tree["/var/log/auth.log"]  # written last by this login
        tree["/var/log/auth.log"] = replace(log, mtime=self.started - 0.1)
        self.fs = SessionFs(tree)

    # --- what the user sees first ------------------------------------------------------------

    def prompt(self) -> str:
        where = "~" if self.cwd == self.home else self.cwd
        sign = "#" if self.user == "root" else "$"
        return f"{self.user}@{self.persona.hostname}:{where}{sign} "

    def uname_fields(self) -> dict[str, str]:
        """The one source of ``uname``'s fields, for ``uname``, the motd and /proc/version."""
        p = self.persona
        return {
            "s": "Linux",
            "n": p.hostname,
            "r": p.kernel,
            "v": _KERNEL_BUILD,
            "m": p.arch,
            "p": "unknown",
            "i": "unknown",
            "o": "GNU/Linux",
        }

    def motd(self) -> str:
        """Debian's login banner: its first line is ``uname -snrvm`` (``/etc/update-motd.d/
        10-uname``, through pam_motd), then the last login of this user. Dropbear has no PAM:
        it prints /etc/motd alone (measured: Debian 12's dropbear 2022.83)."""
        if self.via == "ssh" and not self.ssh.pam_motd:
            return _MOTD
        fields = self.uname_fields()
        when, where = self.facts.previous_login(self.started)
        last = f"{ctime(when)} from {where}"
        if self.via != "ssh":  # login(1) says it its own way
            last = f"{ctime(when)[:-5]} UTC {ctime(when)[-4:]} from {where} on pts/0"
        return " ".join(fields[k] for k in "snrvm") + "\n" + _MOTD + f"Last login: {last}\n"

    # --- running a line ------------------------------------------------------------------

    def run(self, line: str, depth: int = 0) -> ShellResult:
        line = line.strip()
        if not line:
            return ShellResult("")
        if depth == 0 and len(self.history) < MAX_HISTORY:
            self.history.append(line)
        self._work = 0
        self._meter = Meter()
        self._downloads = []
        self.loop_control, self.loops = "", 0
        screen: list[str] = []
        ended = False
        try:
            self.status = self.run_list(line, depth, None, screen, screen)
        except EndOfSession:
            ended = True
        raw = "".join(screen)[:MAX_OUTPUT]
        prompt = ""
        if self._asking and not ended:
            prompt = self._password_prompt()
        return ShellResult(
            raw.removesuffix("\n"),
            exit=ended,
            status=self.status,
            raw=raw,
            downloads=tuple(self._downloads),
            password_prompt=prompt,
        )

    def password(self, typed: str) -> ShellResult:
        """The answer to a password typed at sudo's or su's prompt: never accepted. It comes
        after libpam's pause for pam_unix's 2 s, a function of the second the prompt came up
        (``pam.fail_delay``); su sleeps a second more (login.defs' ``FAIL_DELAY``, unset: 1),
        then gives up; sudo asks three times (measured on Debian 12's, ``tests/fidelity``)."""
        if not self._asking:
            return ShellResult("")
        pause = fail_delay(self._asked_at, PAM_UNIX_DELAY)
        if self._asking == "su":
            self._asking, self.status = "", 1
            text = "su: Authentication failure\n"
            return ShellResult(text.removesuffix("\n"), status=1, raw=text, pause=pause + 1.0)
        self._tries += 1
        if self._tries >= SUDO_TRIES:
            self._asking, self.status = "", 1
            text = f"sudo: {SUDO_TRIES} incorrect password attempts\n"
            return ShellResult(text.removesuffix("\n"), status=1, raw=text, pause=pause)
        self._asked_at = self.now() + pause  # sudo asks again once the pause is over
        text = "Sorry, try again.\n"
        return ShellResult(
            text.removesuffix("\n"),
            status=1,
            raw=text,
            password_prompt=self._password_prompt(),
            pause=pause,
        )

    def ask_password(self, program: str = "sudo") -> None:
        """``program`` (sudo or su) waits for a password: the session shows its prompt and
        ``password`` answers."""
        self._asking, self._tries, self._asked_at = program, 0, self.now()

    def prompt_flushes(self) -> bool:
        """Whether the password prompt up now throws away what was typed ahead of it: su's
        (PAM's conversation turns echo off with TCSAFLUSH), not sudo's (TCSADRAIN)."""
        return self._asking == "su"

    def _password_prompt(self) -> str:
        return "Password: " if self._asking == "su" else f"[sudo] password for {self.user}: "

    def password_cancelled(self) -> str:
        """^C at the password prompt: su leaves without a word, sudo says how it went."""
        program, self._asking, self.status = self._asking, "", 1
        return self._sudo_gives_up() if program == "sudo" else ""

    def password_ended(self) -> ShellResult:
        """End of input (^D) at the password prompt: sudo at once; su through PAM, which has
        no password to check and no pause to make, then its own second."""
        program, self._asking, self.status = self._asking, "", 1
        if program == "sudo":
            text = "sudo: no password was provided\n" + self._sudo_gives_up()
            return ShellResult(text.removesuffix("\n"), status=1, raw=text)
        text = "su: Authentication failure\n"
        return ShellResult(text.removesuffix("\n"), status=1, raw=text, pause=1.0)

    def _sudo_gives_up(self) -> str:
        if not self._tries:
            return "sudo: a password is required\n"
        return f"sudo: {self._tries} incorrect password attempt{'s' if self._tries > 1 else ''}\n"

    def note_download(self, url: str) -> None:
        """A URL a download tool was asked to fetch: reported, never fetched."""
        if len(self._downloads) < MAX_DOWNLOADS:
            self._downloads.append(url[:MAX_LINE])

    def peer_port(self) -> int:
        return self._connection.peer.port if self._connection else 50000 + self.pid % 15000

    def local_port(self) -> int:
        return self._connection.local.port if self._connection else 22

    def local_endpoint(self) -> str:
        return f"{self.address}:{self.local_port()}"

    def run_list(
        self, line: str, depth: int, stdin: str | None, out: list[str], err: list[str]
    ) -> int:
        """Run ``a; b && c || d | e``: each pipeline after the status of the one before."""
        if depth > MAX_NESTING:
            err.append("-bash: fork: retry: Resource temporarily unavailable\n")
            return 254
        return self._run_parts(_split(line), depth, stdin, out, err)

    def _run_parts(
        self, parts: list[tuple[str, str]], depth: int, stdin: str | None, out: list[str],
        err: list[str],
    ) -> int:  # fmt: skip
        status = 0
        index = 0
        while index < len(parts):
            operator, text = parts[index]
            block = _block(parts, index)
            index += len(block) if block else 1
            if (operator == "&&" and status != 0) or (operator == "||" and status == 0):
                continue
            if block is not None and not _closed(block):
                err.append("-bash: syntax error: unexpected end of file\n")
                self.status = 2
                return 2
            if block is not None:
                status = self._after_block(block, depth, stdin, out, err)
                self.status = status
                if self.loop_control:
                    break
                continue
            # Expanded only now, so that `false; echo $?` and `cd /tmp; ls *` see the state
            # the commands before them left.
            for _, pipeline in self._parse(text, depth, err):
                status = self._pipeline(pipeline, depth, stdin, out, err)
                self.status = status
            if self._asking or self.loop_control:
                break  # sudo or su waits for a password, or a loop is left: the rest waits
        return status

    def _after_block(
        self, block: list[tuple[str, str]], depth: int, stdin: str | None, out: list[str],
        err: list[str],
    ) -> int:  # fmt: skip
        """A compound command and what follows its ``done``/``fi`` (``| head``, ``> f``)."""
        rest = _head(block[-1][1])[1].strip()
        if not rest:
            return self._compound(block, depth, stdin, out, err)
        source = re.fullmatch(r"<\s*(\S+)", rest)
        if source is not None:  # done < file: `read` takes its lines one by one
            node = self.fs.get(absolute(self.cwd, source.group(1)))
            if node is None or node.kind == "d":
                err.append(f"-bash: {source.group(1)}: No such file or directory\n")
                return 1
            saved, self.pending_input = self.pending_input, node.content.split("\n")[:MAX_LOOPS]
            try:
                return self._compound(block, depth, stdin, out, err)
            finally:
                self.pending_input = saved
        captured: list[str] = []
        self._compound(block, depth, stdin, captured, err)
        text = rest[1:] if rest.startswith("|") else "cat " + rest
        status = 0
        for _, pipeline in self._parse(text, depth, err):
            status = self._pipeline(pipeline, depth, "".join(captured)[:MAX_OUTPUT], out, err)
        return status

    def _exhausted(self) -> bool:
        """Whether this line has run or written all it may (``_MAX_WORK``, ``_MAX_WRITTEN``)."""
        return self._work > _MAX_WORK or self._meter.spent > _MAX_WRITTEN

    def _left_loop(self) -> bool:
        """After a loop's body: whether ``break`` ended the loop (``continue`` does not)."""
        control, self.loop_control = self.loop_control, ""
        return control == "break"

    def _compound(  # noqa: PLR0912
        self, block: list[tuple[str, str]], depth: int, stdin: str | None, out: list[str],
        err: list[str],
    ) -> int:  # fmt: skip
        """``for``, ``while``/``until`` and ``if`` as bash runs them, each loop at most
        ``MAX_LOOPS`` rounds (and the line's work bound)."""
        if depth + 1 > MAX_NESTING:
            err.append("-bash: fork: retry: Resource temporarily unavailable\n")
            return 254
        sections = _sections(block)
        kind = sections[0][0]
        status = 0
        if kind == "for":
            header = sections[0][1][0][1].split(None, 3)
            name = header[1] if len(header) > 1 else "_"
            words: list[str] = []
            if len(header) > 3 and header[2] == "in":
                for _, pipeline in self._parse(header[3], depth, err):
                    words = [w for c in pipeline for w in c.words]
            body = _section(sections, "do")
            self.loops += 1
            for value in words[:MAX_LOOPS]:
                self.variables[name] = value
                status = self._run_parts(body, depth + 1, stdin, out, err)
                if self._left_loop() or self._exhausted():
                    break
            self.loops -= 1
            return status
        if kind in ("while", "until"):
            condition, body = sections[0][1], _section(sections, "do")
            head = condition[0][1].split(None, 1)
            condition = [(condition[0][0], head[1])] if len(head) > 1 else []
            condition += sections[0][1][1:]
            self.loops += 1
            for _ in range(MAX_LOOPS):
                met = self._run_parts(condition, depth + 1, stdin, out, err) == 0
                if met != (kind == "while") or self._exhausted():
                    break
                status = self._run_parts(body, depth + 1, stdin, out, err)
                if self._left_loop() or self._exhausted():
                    break
            self.loops -= 1
            return status
        for word, branch in sections:  # if COND then A elif COND then B else C
            if word in ("if", "elif"):
                head = branch[0][1].split(None, 1)
                condition = ([(branch[0][0], head[1])] if len(head) > 1 else []) + branch[1:]
                taken = self._run_parts(condition, depth + 1, stdin, out, err) == 0
            elif (word == "then" and taken) or word == "else":
                return self._run_parts(branch, depth + 1, stdin, out, err)
        return 0

    def _pipeline(
        self, commands: list[_Command], depth: int, stdin: str | None, out: list[str],
        err: list[str],
    ) -> int:  # fmt: skip
        status = 0
        for index, command in enumerate(commands):
            last = index == len(commands) - 1
            sink: list[str] = out if last else []
            status = self._command(command, depth, stdin, sink, err)
            stdin = "".join(sink)[:MAX_PIPE] if not last else None
        return status

    def _command(  # noqa: PLR0912
        self, command: _Command, depth: int, stdin: str | None, out: list[str], err: list[str]
    ) -> int:
        self._work += 1
        if self._exhausted():
            err.append("-bash: fork: retry: Resource temporarily unavailable\n")
            return 254
        files: list[tuple[str, list[str]]] = []
        for op, target in command.redirects:
            kind = op.lstrip("0123456789&")
            to_err = op.startswith("2")
            if kind == ">&":
                if to_err and target == "1":
                    err = out
                elif target == "2":
                    out = err
                continue
            if kind == "<<<":  # a here-string: the word and a newline are the input
                stdin = target + "\n"
                continue
            if kind == "<":
                node = self.fs.get(absolute(self.cwd, target))
                if node is None or node.kind == "d":
                    why = "Is a directory" if node else "No such file or directory"
                    err.append(f"-bash: {target}: {why}\n")
                    return 1
                stdin = node.content
                continue
            path = absolute(self.cwd, target)
            sink: list[str] = []
            if path not in ("/dev/null", "/dev/zero"):
                problem = self.open_for_write(path, append=kind == ">>")
                if problem:
                    err.append(f"-bash: {target}: {problem}\n")
                    return 1
                files.append((path, sink))
            if op.startswith("&"):
                out = err = sink
            elif to_err:
                err = sink
            else:
                out = sink
        name = command.words[0] if command.words else ""
        status = self.dispatch(command.words, depth, Streams(stdin, out, err, self._meter))
        for path, sink in files:
            if sink:
                try:
                    self.fs.write(path, "".join(sink), append=True, now=self.now(), owner=self.user)
                except FsError as e:
                    prefix = "-bash: " if name in BUILTINS else ""
                    err.append(f"{prefix}{name}: write error: {e}\n")
                    status = 1
        return status

    def dispatch(self, words: list[str], depth: int, io: Streams) -> int:
        if depth > MAX_NESTING:
            io.err("-bash: fork: retry: Resource temporarily unavailable")
            return 254
        assigned = 0
        while assigned < len(words) and re.match(r"^[A-Za-z_]\w*=", words[assigned]):
            assigned += 1
        if assigned == len(words):
            for word in words:
                key, _, value = word.partition("=")
                if key in self.variables or len(self.variables) < MAX_VARIABLES:
                    self.variables[key] = value[:MAX_LINE]
            return 0
        words = words[assigned:]
        name, args = words[0], words[1:]
        if "/" in name:
            return self._run_path(name, args, depth, io)
        handler = BUILTINS.get(name) or COMMANDS.get(name)
        if handler is None:
            found = self._on_path(name)
            if found:  # `which` finds it, so it runs (a package's program, a script written)
                return self._run_path(found, args, depth, io)
            io.err(_NOT_FOUND.format(name=name))
            return 127
        self.spawned += 1
        self.depth = depth
        return handler(self, args, io)

    def _on_path(self, name: str) -> str:
        """Where bash's PATH search finds ``name`` in the file tree, or ''."""
        for folder in (_PATH if self.user == "root" else _USER_PATH).split(":"):
            node = self.fs.get(f"{folder}/{name}")
            if node is not None and node.kind == "f" and self.may(node, 1):
                return f"{folder}/{name}"
        return ""

    def _run_path(self, name: str, args: list[str], depth: int, io: Streams) -> int:
        path = absolute(self.cwd, name)
        node = self.fs.get(path)
        if node is None:
            io.err(f"-bash: {name}: No such file or directory")
            return 127
        if node.kind == "d":
            io.err(f"-bash: {name}: Is a directory")
            return 126
        if not self.may(node, 1):
            io.err(f"-bash: {name}: Permission denied")
            return 126
        real = posixpath.basename(self.fs.resolve(path))
        handler = COMMANDS.get(real) or BUILTINS.get(real)
        if node.size is not None and handler is not None:
            self.depth = depth
            return handler(self, args, io)
        if node.size is not None:
            return 0  # a binary we have no answer for: it runs and says nothing
        return self.script(node.content, depth, io)

    def script(self, content: str, depth: int, io: Streams) -> int:
        status = 0
        for line in content.split("\n")[:200]:
            if line.strip() and not line.startswith("#!"):
                status = self.run_list(line, depth + 1, None, io._out, io._err)
        return status

    def open_for_write(self, path: str, *, append: bool) -> str:
        """Prepare ``> path`` (truncate) or ``>> path``: '' or why bash would refuse."""
        node = self.fs.get(path)
        if node is not None and node.kind == "d":
            return "Is a directory"
        if node is not None and not self.may(node, 2):
            return "Permission denied"
        if node is None:
            folder = self.fs.get(parent(path))
            if folder is None or folder.kind != "d":
                return "No such file or directory"
            if not self.may(folder, 2):
                return "Permission denied"
        if node is None or not append:
            try:
                self.fs.write(path, "", append=append, now=self.now(), owner=self.user)
            except FsError as e:
                return str(e)
        return ""

    def may(self, node: Node, bit: int) -> bool:
        """Whether this user may read (4), write (2) or execute (1) ``node``."""
        if self.user == "root":
            return bit != 1 or node.kind == "d" or bool(node.mode & 0o111)
        if node.owner == self.user:
            return bool(node.mode & (bit << 6))
        return bool(node.mode & bit)

    # --- parsing: what bash would see -----------------------------------------------------------

    def _parse(  # noqa: PLR0912, PLR0915
        self, line: str, depth: int, err: list[str]
    ) -> list[tuple[str, list[_Command]]]:
        items: list[tuple[str, list[_Command]]] = []
        pipeline: list[_Command] = []
        command = _Command()
        word: list[str] = []
        started = glob = split = False
        pending = ""
        before = ""
        n = len(line)

        def end_word() -> None:
            nonlocal word, started, glob, split, pending
            if started:
                text = "".join(word)
                if pending:
                    command.redirects.append((pending, text))
                    pending = ""
                elif glob:
                    command.words.extend(self._glob(text))
                elif split:  # an unquoted expansion: its words are words
                    command.words.extend(text.split())
                else:
                    command.words.append(text)
            word, started, glob, split = [], False, False, False

        def end_command() -> None:
            nonlocal command
            end_word()
            if command.words or command.redirects:
                pipeline.append(command)
            command = _Command()

        def end_pipeline(next_operator: str) -> None:
            nonlocal pipeline, before
            end_command()
            if pipeline:
                items.append((before, pipeline))
            pipeline, before = [], next_operator

        i = 0
        while i < n:
            c = line[i]
            if c in " \t":
                end_word()
                i += 1
            elif c == "'":
                close = line.find("'", i + 1)
                close = n if close < 0 else close
                word.append(line[i + 1 : close])
                started, i = True, close + 1
            elif c == '"':
                i, text = self._double(line, i + 1, depth, err)
                word.append(text)
                started = True
            elif c == "\\":
                word.append(line[i + 1 : i + 2])
                started, i = True, i + 2
            elif c == "#" and not started:
                break
            elif c == "~" and not started and line[i + 1 : i + 2] in ("", "/", " ", "\t"):
                word.append(self.home)
                started, i = True, i + 1
            elif c == "$":  # unquoted: what it yields is split into words (collapsed here)
                i, text = self._dollar(line, i, depth, err)
                word.append(" ".join(text.split()))
                started = split = True
            elif c == "`":
                close = line.find("`", i + 1)
                close = n if close < 0 else close
                word.append(" ".join(self._substitute(line[i + 1 : close], depth, err).split()))
                started, split, i = True, True, close + 1
            elif line.startswith(("&&", "||"), i):
                end_pipeline(line[i : i + 2])
                i += 2
            elif c in "<>" or line.startswith("&>", i):
                text = "".join(word)
                fd = text if started and text.isdigit() and c != "&" else ""
                if fd:
                    word, started = [], False
                else:
                    end_word()
                match = re.match(r"&>>|&>|>>|>&|>|<<<|<", line[i:])
                op = match.group() if match else c
                pending = fd + op
                i += len(op)
            elif c in ";&\n":
                end_pipeline(";")
                i += 1
            elif c == "|":
                end_command()
                i += 2 if line.startswith("|&", i) else 1
            else:
                glob = glob or c in "*?"
                word.append(c)
                started, i = True, i + 1
        end_pipeline("")
        return items

    def _double(self, line: str, i: int, depth: int, err: list[str]) -> tuple[int, str]:
        """The text of a double-quoted string from ``i``: escapes and ``$`` expanded."""
        out: list[str] = []
        n = len(line)
        while i < n and line[i] != '"':
            c = line[i]
            if c == "\\" and i + 1 < n and line[i + 1] in '"\\$`':
                out.append(line[i + 1])
                i += 2
            elif c == "$":
                i, text = self._dollar(line, i, depth, err)
                out.append(text)
            elif c == "`":
                close = line.find("`", i + 1)
                close = n if close < 0 else close
                out.append(self._substitute(line[i + 1 : close], depth, err))
                i = close + 1
            else:
                out.append(c)
                i += 1
        return i + 1, "".join(out)

    def _dollar(self, line: str, i: int, depth: int, err: list[str]) -> tuple[int, str]:
        """``$NAME``, ``${NAME}``, ``$?``, ``$$`` or ``$(command)`` at ``i``."""
        rest = line[i + 1 :]
        if rest.startswith("(") and not rest.startswith("(("):
            level, end = 0, len(rest)
            for index, ch in enumerate(rest):
                level += {"(": 1, ")": -1}.get(ch, 0)
                if level == 0:
                    end = index
                    break
            return i + 2 + end, self._substitute(rest[1:end], depth, err)
        match = re.match(r"\{(\w+)\}|(\w+)|([?$#!0])", rest)
        if match is None:
            return i + 1, "$"
        name = match.group(1) or match.group(2) or match.group(3)
        return i + 1 + match.end(), self.variable(name)

    def variable(self, name: str) -> str:
        special = {
            "?": str(self.status),
            "$": str(self.pid),
            "#": "0",
            "!": "",
            "0": "-bash",
            "HOME": self.home,
            "USER": self.user,
            "LOGNAME": self.user,
            "PWD": self.cwd,
            "SHELL": "/bin/bash",
            "HOSTNAME": self.persona.hostname,
            "PATH": _PATH if self.user == "root" else _USER_PATH,
            "RANDOM": str(self.spawned * 7919 % 32768),
            "TERM": "xterm",
            "LANG": "C.UTF-8",
        }
        if name in self.variables:
            return self.variables[name]
        return special.get(name, "")

    def _substitute(self, text: str, depth: int, err: list[str]) -> str:
        captured: list[str] = []
        self.run_list(text, depth + 1, None, captured, err)
        return "".join(captured)[:MAX_LINE].rstrip("\n")

    def _glob(self, pattern: str) -> list[str]:
        folder, _, name = pattern.rpartition("/")
        where = absolute(self.cwd, folder or ".") if folder or not pattern.startswith("/") else "/"
        try:
            names = self.fs.children(where)
        except FsError:
            return [pattern]
        if name.count("*") > 8:  # no name that long: keep the word, and the matching linear
            return [pattern]
        name = re.sub(r"\*+", "*", name)
        hits = [
            n
            for n in names
            if fnmatch.fnmatchcase(n, name.replace("[", "[[]")) and (name[0] == "." or n[0] != ".")
        ]
        return [f"{folder}/{n}" if folder else n for n in hits] or [pattern]

    # --- the machine's files ---------------------------------------------------------------------

    def _files(self) -> dict[str, str]:
        """Every file with content, from the persona and the facts (one source per fact)."""
        p, f = self.persona, self.facts
        day = f.password_day
        user = self.user
        accounts = _ACCOUNTS
        group = _GROUP
        shadow = f"root:{f.shadow_hash('root')}:{day}:0:99999:7:::\n" + "".join(
            f"{name}:*:{day}:0:99999:7:::\n" for name in _SYSTEM_USERS
        )
        if user != "root":
            accounts += f"{user}:x:1000:1000:{user},,,:/home/{user}:/bin/bash\n"
            group += f"{user}:x:1000:\n"
            shadow += f"{user}:{f.shadow_hash(user)}:{day}:0:99999:7:::\n"
        fields = self.uname_fields()
        mem = self.memory_kib
        files = {
            "/etc/hostname": p.hostname + "\n",
            "/etc/hosts": f"127.0.0.1\tlocalhost\n{self.address}\t{p.hostname}\n\n"
            "::1\t\tlocalhost ip6-localhost ip6-loopback\nff02::1\t\tip6-allnodes\n"
            "ff02::2\t\tip6-allrouters\n",
            "/etc/passwd": accounts,
            "/etc/group": group,
            "/etc/shadow": shadow,
            "/etc/machine-id": f.machine_id + "\n",
            "/etc/issue": "Debian GNU/Linux 12 \\n \\l\n\n",
            "/etc/motd": _MOTD,
            "/etc/issue.net": "Debian GNU/Linux 12\n",
            "/etc/debian_version": debian_packages.point_release() + "\n",
            "/etc/os-release": f'PRETTY_NAME="{p.os_name}"\nNAME="Debian GNU/Linux"\n'
            'VERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\n'
            'HOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\n'
            'BUG_REPORT_URL="https://bugs.debian.org/"\n',
            "/etc/resolv.conf": f"nameserver {f.gateway}\n",
            "/etc/ssh/ssh_config": _SSH_CONFIG,
            "/etc/crontab": "SHELL=/bin/sh\nPATH=" + _PATH + "\n\n"
            "17 *\t* * *\troot\tcd / && run-parts --report /etc/cron.hourly\n",
            "/etc/sudoers": "Defaults\tenv_reset\nDefaults\tmail_badpass\n"
            'Defaults\tsecure_path="' + _PATH + '"\nDefaults\tuse_pty\n\n'
            "root\tALL=(ALL:ALL) ALL\n%sudo\tALL=(ALL:ALL) ALL\n\n@includedir /etc/sudoers.d\n",
            "/proc/version": f"Linux version {p.kernel} (debian-kernel@lists.debian.org) "
            "(gcc-12 (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) "
            f"{fields['v']}\n",
            "/proc/cpuinfo": "\n".join(_cpu(f, i) for i in range(p.cpus)),
            "/proc/meminfo": f"MemTotal:       {mem:8d} kB\nMemFree:        {mem * 42 // 100:8d} kB"
            f"\nMemAvailable:   {mem * 69 // 100:8d} kB\n",
            "/proc/mounts": _MOUNTS.format(disk=self.root_device()),
            "/proc/uptime": "",  # read() answers these two from the clock
            "/proc/loadavg": "",
            "/var/log/auth.log": self._auth_log(),
            "/var/log/syslog": "",
            "/var/log/wtmp": "",
            "/var/log/btmp": "",
            "/var/log/lastlog": "",
            "/var/log/dpkg.log": "",
            **self.ssh.files,
        }
        dotfiles = _DOTFILES["root" if user == "root" else "user"]
        files.update(
            {f"{self.home}/{name}": _DOTFILE_TEXT[kept] for name, kept in dotfiles.items()}
        )
        for kind, line in self._host_keys.items():
            # Binary, as dropbearkey writes it: bytes that are not UTF-8 kept as surrogates.
            key = dropbear_key_file(line, f, kind)
            files[self.ssh.host_key.format(kind=kind)] = key.decode("utf-8", "surrogateescape")
        return files

    def _auth_log(self) -> str:
        """/var/log/auth.log since its weekly rotation (Sunday 00:00, or the boot): cron.hourly's
        PAM session at :17:01 every hour, the admin's previous login and this session's, as the
        SSH server (Dropbear: no PAM) or login(1) logs them, in rsyslog's Debian 12 format."""
        f, host = self.facts, self.persona.hostname
        salt = f.number("auth/jitter", 0, 2**31)
        lines: list[tuple[float, str]] = []
        week = (self.started // DAY - 3) // 7 * 7 + 3  # the epoch began on a Thursday
        since = max(week * DAY, f.boot_time)
        hour = (since - 17 * 60 - 1) // 3600 * 3600 + 17 * 60 + 1
        while hour < self.started and len(lines) < 2 * 24 * 7:
            if hour >= since:
                pid, at = f.next_pid(hour), hour + (int(hour) * 2654435761 ^ salt) % 900_000 / 1e6
                lines.append((at, f"CRON[{pid}]: pam_unix(cron:session): session opened for "
                                  "user root(uid=0) by (uid=0)"))  # fmt: skip
                lines.append((at + 0.0021 + at % 0.01, f"CRON[{pid}]: pam_unix(cron:session): "
                                                       "session closed for user root"))  # fmt: skip
            hour += 3600
        when, where = f.previous_login(self.started)
        if when >= since:
            pid, port = f.next_pid(when), f.number("auth/previous/port", 32768, 60999)
            when += (int(when) * 2654435761 ^ salt) % 900_000 / 1e6
            peer = f"{where}:{port}"
            lines += [
                (when, f"{self.ssh.name}[{pid}]: Child connection from {peer}"),
                (when + 0.3, f"{self.ssh.name}[{pid}]: Password auth succeeded for 'root' from "
                             f"{peer}"),
                (when + f.number(f"login/length/{int(when)}", 60, 3000),  # as `last` says
                 f"{self.ssh.name}[{pid}]: Exit (root) from <{peer}>: Disconnect received"),
            ]  # fmt: skip
        me = self.pid - 3  # the process serving this session (ps)
        if self.via == "ssh":
            peer = f"{self.peer}:{self.peer_port()}"
            lines += [
                (self.started - 0.4, f"{self.ssh.name}[{me}]: Child connection from {peer}"),
                (self.started - 0.1, f"{self.ssh.name}[{me}]: Password auth succeeded for "
                                     f"'{self.user}' from {peer}"),
            ]  # fmt: skip
        else:
            uid = 0 if self.user == "root" else 1000
            lines.append((self.started - 0.1, f"login[{me}]: pam_unix(login:session): session "
                          f"opened for user {self.user}(uid={uid}) by LOGIN(uid=0)"))  # fmt: skip
        return "".join(
            f"{stamp(at, '%Y-%m-%dT%H:%M:%S')}.{int(at * 1e6) % 1_000_000:06d}+00:00 {host} "
            f"{text}\n"
            for at, text in sorted(lines)
        )

    def root_device(self) -> str:
        """virtio's /dev/vda1 on QEMU/KVM, /dev/sda1 elsewhere (``df`` and /proc/mounts)."""
        return "/dev/vda1" if self.facts.mac.startswith("52:54:00") else "/dev/sda1"

    def read(self, path: str) -> str | None:
        """A file's content now (/proc/uptime and /proc/loadavg change with time)."""
        now = self.now()
        if path == "/proc/uptime":
            up = now - self.facts.boot_time
            return f"{up:.2f} {up * self.persona.cpus * 0.97:.2f}\n"
        if path == "/proc/loadavg":
            return f"{self._load()} 1/{110 + self.spawned % 40} {self.pid + self.spawned}\n"
        node = self.fs.get(path)
        return None if node is None or node.kind == "d" else node.content

    def _load(self) -> str:
        slot = int(self.now() // 300)
        return " ".join(
            f"{self.facts.number(f'load/{slot}/{i}', 0, 24 - 6 * i) / 100:.2f}" for i in range(3)
        )

    def uptime_text(self) -> str:
        now = self.now()
        up = self.facts.uptime(now)
        days, hours, minutes = up // DAY, up % DAY // 3600, up % 3600 // 60
        span = f"{hours:2d}:{minutes:02d}" if hours else f"{minutes} min"
        if days:
            span = f"{days} day{'s' if days != 1 else ''}, {span}"
        load = self._load().replace(" ", ", ")
        return f" {stamp(now, '%H:%M:%S')} up {span},  1 user,  load average: {load}"


_OPENERS = {"for": "done", "while": "done", "until": "done", "if": "fi"}
_LEADERS = ("do", "then", "else")  # keywords that may lead a part before its command


def _head(text: str) -> tuple[str, str]:
    """A part's leading keyword (``do``, ``then``...) and the rest: ``do echo $i`` ->
    (``do``, ``echo $i``); a part without one -> ("", text)."""
    words = text.split(None, 1)
    if words and words[0] in (*_LEADERS, "done", "fi", "elif"):
        return words[0], words[1] if len(words) > 1 else ""
    return "", text


def _block(parts: list[tuple[str, str]], start: int) -> list[tuple[str, str]] | None:
    """The parts of the compound command opening at ``start`` (up to its ``done``/``fi``, or
    to the end when it is not closed), or None when none opens there."""
    words = parts[start][1].split(None, 1)
    if not words or words[0] not in _OPENERS:
        return None
    level = 0
    for index in range(start, len(parts)):
        lead, rest = _head(parts[index][1])
        first = (rest.split(None, 1) or [""])[0] if lead in _LEADERS else lead or (
            parts[index][1].split(None, 1) or [""])[0]  # fmt: skip
        if first in _OPENERS:
            level += 1
        elif lead in ("done", "fi"):
            level -= 1
            if level == 0:
                return parts[start : index + 1]
    return parts[start:]


def _closed(block: list[tuple[str, str]]) -> bool:
    return _head(block[-1][1])[0] in ("done", "fi")


def _sections(block: list[tuple[str, str]]) -> list[tuple[str, list[tuple[str, str]]]]:
    """A compound's parts grouped by its own keywords (``for``/``do``, ``if``/``then``/
    ``elif``/``else``), nested compounds left whole; the closing ``done``/``fi`` dropped."""
    sections: list[tuple[str, list[tuple[str, str]]]] = []
    index = 0
    body = block[:-1]
    while index < len(body):
        operator, text = body[index]
        lead, rest = _head(text)
        if index == 0:
            sections.append((text.split(None, 1)[0], [(operator, text)]))
            index += 1
            continue
        if lead in ("do", "then", "else", "elif"):
            if lead == "elif":
                sections.append(("elif", [(operator, "elif " + rest)]))
                index += 1
                continue
            sections.append((lead, []))
            text = rest
        if not text.strip():
            index += 1
            continue
        nested = _block([(operator, text), *body[index + 1 :]], 0)
        if nested is not None:
            sections[-1][1].extend(nested)
            index += len(nested)
        else:
            sections[-1][1].append((operator, text))
            index += 1
    return sections


def _section(sections: list[tuple[str, list[tuple[str, str]]]], word: str) -> list[tuple[str, str]]:
    return next((parts for name, parts in sections if name == word), [])


def _split(line: str) -> list[tuple[str, str]]:  # noqa: PLR0912
    """``a; b && c || d`` as [("", "a"), (";", "b"), ("&&", "c"), ("||", "d")]: split on the
    operators outside quotes, ``$(...)`` and backquotes, so each part is expanded in turn."""
    parts: list[tuple[str, str]] = []
    before, start, i, n = "", 0, 0, len(line)
    level, backquoted, quote = 0, False, ""
    while i < n:
        c = line[i]
        if quote == "'":
            quote = "" if c == "'" else quote
        elif c == "\\":
            i += 1
        elif quote == '"':
            quote = "" if c == '"' else quote
        elif c in "'\"":
            quote = c
        elif c == "`":
            backquoted = not backquoted
        elif line.startswith("$(", i):
            level += 1
            i += 1
        elif c == ")" and level:
            level -= 1
        elif c == "#" and (i == 0 or line[i - 1] in " \t;") and not (level or backquoted):
            break
        elif not (level or backquoted):
            op = ""
            if line.startswith(("&&", "||"), i):
                op = line[i : i + 2]
            elif c in ";\n" or (c == "&" and line[i + 1 : i + 2] != ">" and line[i - 1 : i] != ">"):
                op = ";"
            if op:
                parts.append((before, line[start:i]))
                before, start = op, i + len(op)
                i += len(op)
                continue
        i += 1
    parts.append((before, line[start:i]))
    return [(op, text) for op, text in parts if text.strip()]


def _safe_name(user: str) -> bool:
    return 0 < len(user) <= 32 and all(c.isalnum() or c in "._-" for c in user)


def _cpu(facts: NodeFacts, index: int) -> str:
    """One processor of /proc/cpuinfo: the node's model; the ``hypervisor`` flag in a VM."""
    name, model, stepping, mhz, cache = facts.cpu
    extra = (" hypervisor" if facts.hypervisor else "") + (" avx512f" if model == 85 else "")
    return (
        f"processor\t: {index}\nvendor_id\t: GenuineIntel\ncpu family\t: 6\nmodel\t\t: {model}\n"
        f"model name\t: {name}\nstepping\t: {stepping}\n"
        f"cpu MHz\t\t: {mhz:.3f}\ncache size\t: {cache} KB\nflags\t\t: fpu vme de pse tsc msr pae "
        "mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ss syscall nx "
        "pdpe1gb rdtscp lm constant_tsc rep_good nopl xtopology cpuid pni pclmulqdq ssse3 fma "
        "cx16 pcid sse4_1 sse4_2 x2apic movbe popcnt aes xsave avx f16c rdrand"
        f"{extra} lahf_lm abm 3dnowprefetch avx2\nbogomips\t: {2 * mhz:.2f}\n"
    )


_MOUNTS = (
    "sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0\n"
    "proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0\n"
    "udev /dev devtmpfs rw,nosuid,relatime,mode=755,inode64 0 0\n"
    "devpts /dev/pts devpts rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=000 0 0\n"
    "tmpfs /run tmpfs rw,nosuid,nodev,noexec,relatime,mode=755,inode64 0 0\n"
    "{disk} / ext4 rw,relatime,errors=remount-ro 0 0\n"
    "securityfs /sys/kernel/security securityfs rw,nosuid,nodev,noexec,relatime 0 0\n"
    "tmpfs /dev/shm tmpfs rw,nosuid,nodev,inode64 0 0\n"
    "tmpfs /run/lock tmpfs rw,nosuid,nodev,noexec,relatime,size=5120k,inode64 0 0\n"
    "cgroup2 /sys/fs/cgroup cgroup2 rw,nosuid,nodev,noexec,relatime,nsdelegate 0 0\n"
)

#: Debian's /etc/motd, which pam_motd prints after the uname line at each login.
_MOTD = (
    "\nThe programs included with the Debian GNU/Linux system are free software;\n"
    "the exact distribution terms for each program are described in the\n"
    "individual files in /usr/share/doc/*/copyright.\n\n"
    "Debian GNU/Linux comes with ABSOLUTELY NO WARRANTY, to the extent\n"
    "permitted by applicable law.\n"
)
_SYSTEM_USERS = ("daemon", "bin", "sys", "sync", "www-data", "nobody", "systemd-network",
                 "messagebus", "redis")  # fmt: skip
_ACCOUNTS = (  # /etc/passwd
    "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
    "bin:x:2:2:bin:/bin:/usr/sbin/nologin\nsys:x:3:3:sys:/dev:/usr/sbin/nologin\n"
    "sync:x:4:65534:sync:/bin:/bin/sync\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\n"
    "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n"
    "systemd-network:x:998:998:systemd Network Management:/:/usr/sbin/nologin\n"
    "messagebus:x:100:107::/nonexistent:/usr/sbin/nologin\n"
    "redis:x:101:109::/var/lib/redis:/usr/sbin/nologin\n"
)
_GROUP = (
    "root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\nsudo:x:27:\n"
    "www-data:x:33:\nshadow:x:42:\nutmp:x:43:\nstaff:x:50:\nnogroup:x:65534:\n"
    "systemd-network:x:998:\nmessagebus:x:107:\nredis:x:109:\n"
)
#: openssh-client's /etc/ssh/ssh_config (Debian 12): the SSH client is there, the server is
#: the SSH persona's (ssh_look).
_SSH_CONFIG = (
    "\n"
    "# This is the ssh client system-wide configuration file.  See\n"
    "# ssh_config(5) for more information.  This file provides defaults for\n"
    "# users, and the values can be changed in per-user configuration files\n"
    "# or on the command line.\n"
    "\n"
    "# Configuration data is parsed as follows:\n"
    "#  1. command line options\n"
    "#  2. user-specific file\n"
    "#  3. system-wide file\n"
    "# Any configuration value is only changed the first time it is set.\n"
    "# Thus, host-specific definitions should be at the beginning of the\n"
    "# configuration file, and defaults at the end.\n"
    "\n"
    "# Site-wide defaults for some commonly used options.  For a comprehensive\n"
    "# list of available options, their meanings and defaults, please see the\n"
    "# ssh_config(5) man page.\n"
    "\n"
    "Include /etc/ssh/ssh_config.d/*.conf\n"
    "\n"
    "Host *\n"
    "#   ForwardAgent no\n"
    "#   ForwardX11 no\n"
    "#   ForwardX11Trusted yes\n"
    "#   PasswordAuthentication yes\n"
    "#   HostbasedAuthentication no\n"
    "#   GSSAPIAuthentication no\n"
    "#   GSSAPIDelegateCredentials no\n"
    "#   GSSAPIKeyExchange no\n"
    "#   GSSAPITrustDNS no\n"
    "#   BatchMode no\n"
    "#   CheckHostIP yes\n"
    "#   AddressFamily any\n"
    "#   ConnectTimeout 0\n"
    "#   StrictHostKeyChecking ask\n"
    "#   IdentityFile ~/.ssh/id_rsa\n"
    "#   IdentityFile ~/.ssh/id_dsa\n"
    "#   IdentityFile ~/.ssh/id_ecdsa\n"
    "#   IdentityFile ~/.ssh/id_ed25519\n"
    "#   Port 22\n"
    "#   Ciphers aes128-ctr,aes192-ctr,aes256-ctr,aes128-cbc,3des-cbc\n"
    "#   MACs hmac-md5,hmac-sha1,umac-64@openssh.com\n"
    "#   EscapeChar ~\n"
    "#   Tunnel no\n"
    "#   TunnelDevice any:any\n"
    "#   PermitLocalCommand no\n"
    "#   VisualHostKey no\n"
    "#   ProxyCommand ssh -q -W %h:%p gateway.example.com\n"
    "#   RekeyLimit 1G 1h\n"
    "#   UserKnownHostsFile ~/.ssh/known_hosts.d/%k\n"
    "    SendEnv LANG LC_*\n"
    "    HashKnownHosts yes\n"
    "    GSSAPIAuthentication yes\n"
)


def _dotfile(name: str) -> str:
    """A home directory file as Debian 12 installs it (``traps/home``): /etc/skel's from bash
    5.2.15-2+b8 for a user made with ``adduser``, /root's from base-files 12.4+deb12u11's
    postinst. Sizes are what ``ls -la ~`` shows on every Debian box (.bashrc 3526 bytes), and
    dpkg's md5sums of the conffiles match them."""
    data = importlib.resources.files("honeymesh.detection.traps").joinpath("home", name)
    return data.read_text("utf-8")


_DOTFILES = {
    "user": {
        ".bashrc": "skel-bashrc",
        ".profile": "skel-profile",
        ".bash_logout": "skel-bash_logout",
    },
    "root": {".bashrc": "root-bashrc", ".profile": "root-profile"},
}
_DOTFILE_TEXT = {name: _dotfile(name) for names in _DOTFILES.values() for name in names.values()}


# --- an interactive session ------------------------------------------------------------------


@dataclass(frozen=True)
class ShellOutput:
    reply: bytes
    commands: tuple[str, ...]
    exit: bool = False
    downloads: tuple[tuple[str, ...], ...] = ()  # per command: the URLs it tried to fetch
    pause: float = 0.0  # hold ``reply`` from ``pause_at`` on this long (a wrong password's)
    pause_at: int = 0


class ShellSession:
    """Keystrokes in; echo, answers and prompts out; the command lines seen, for the record."""

    def __init__(self, shell: FakeShell, *, echo: bool, newline: bytes = b"\r\n") -> None:
        self.shell = shell
        shell.interactive = True
        self.editor = LineEditor(echo=echo)
        self._newline = newline

    def start(self) -> bytes:
        return self._text(self.shell.motd()) + self._text(self.shell.prompt())

    def feed(self, data: bytes) -> ShellOutput:
        """The answer to ``data``. A ^C makes the terminal send SIGINT and flush its input:
        whatever was typed ahead of it is never read; bash shows a new prompt, sudo gives up
        and su leaves (measured on Debian 12). What follows the ^C is read as usual."""
        if b"\x03" not in data or not self.editor.echo:  # no terminal: a byte like another
            return self._read(data)
        cut = data.rindex(b"\x03") + 1
        self.editor.interrupt()
        if self.editor.secret:
            self.editor.secret = False
            said = b"\r\n" + self._text(self.shell.password_cancelled())
        else:
            said = b"^C\r\n"
        said += self._text(self.shell.prompt())
        if cut == len(data):
            return ShellOutput(said, ())
        rest = self._read(data[cut:])
        return replace(
            rest, reply=said + rest.reply, pause_at=len(said) + rest.pause_at if rest.pause else 0
        )

    def _read(self, data: bytes) -> ShellOutput:
        """The answer to ``data``, as bash and the programs it runs read it (measured on Debian
        12: ``tests/fidelity/test_telnet.py``).

        readline echoes a line when it reads it: lines sent in one go are each echoed just
        before their output, and the line still being typed after the last prompt. Nothing
        typed at a password prompt is echoed; the program ends the line itself. su's prompt
        (PAM's conversation) throws away what was typed ahead of it, where sudo's reads it as
        the password; both throw away what was typed behind the password (``TCSAFLUSH``).
        """
        edited = self.editor.feed(data)
        line_end = b"\r\n" if self.editor.echo else b""
        out = bytearray()
        commands: list[str] = []
        downloads: list[tuple[str, ...]] = []
        read = 0  # how much of the echo the lines read so far made
        for raw, size in zip(edited.lines, edited.line_echoes, strict=True):
            line = raw.decode("utf-8", "backslashreplace")
            secret = self.editor.secret
            if secret:  # a password typed at sudo's or su's prompt: never a command
                out += line_end
                result = self.shell.password(line)
            else:
                out += edited.echo[read : read + size]
                if line.strip():
                    commands.append(line)
                    downloads.append(())
                result = self.shell.run(line)
                if commands and result.downloads:
                    downloads[-1] = result.downloads
            read += size
            pause_at = len(out)
            out += self._text(result.raw)
            if result.exit:
                return ShellOutput(bytes(out), tuple(commands), True, tuple(downloads))
            self.editor.secret = bool(result.password_prompt)
            out += self._text(result.password_prompt or self.shell.prompt())
            if secret or (result.password_prompt and self.shell.prompt_flushes()):
                self.editor.discard()
                return ShellOutput(
                    bytes(out), tuple(commands), False, tuple(downloads), result.pause, pause_at
                )
        if not self.editor.secret:
            out += edited.echo[read:]  # the line being typed
        if edited.end_of_input and self.editor.secret:  # ^D: the program reads end of input
            out += line_end
            result = self.shell.password_ended()
            self.editor.secret = False
            pause_at = len(out)
            out += self._text(result.raw) + self._text(self.shell.prompt())
            return ShellOutput(
                bytes(out), tuple(commands), False, tuple(downloads), result.pause, pause_at
            )
        if edited.end_of_input:
            out += self._text("logout\n")
            return ShellOutput(bytes(out), tuple(commands), True, tuple(downloads))
        return ShellOutput(bytes(out), tuple(commands), False, tuple(downloads))

    def _text(self, text: str) -> bytes:
        return self._newline.join(as_bytes(part) for part in text.split("\n"))
