"""The fake shell's commands: each writes what the real tool would, from the shell's state.

A command gets the shell (its user, working directory, file system and the node's facts), its
arguments and its ``Streams``, and returns its exit status. Messages are the real tools' own,
as Debian 12 prints them (coreutils 9.1, bash 5.2, procps 4, wget 1.21, curl 7.88, sudo 1.9.13),
so that ``2>/dev/null``, ``$?`` and ``&&`` behave as a script expects. Nothing is executed and
nothing is fetched: a download tool reports its URL (``FakeShell.note_download``) and fails as
a filtered egress makes it fail.
"""

# The paths below are a fake file system's names, never opened: S108 does not apply.

from __future__ import annotations

import ast
import base64
import hashlib
import math
import posixpath
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from honeymesh.detection.traps import shell_packages
from honeymesh.detection.traps.facts import DAY, ctime, fingerprint, stamp
from honeymesh.detection.traps.fakefs import FsError, absolute, as_bytes, parent
from honeymesh.detection.traps.ssh_look import KeyFileError, blob_type, public_blob

if TYPE_CHECKING:
    from honeymesh.detection.traps.shell import FakeShell

_PYTHON = "Python 3.11.2"


class EndOfSession(Exception):
    """``exit`` inside a list: stop the line, end the session."""


class Meter:
    """Characters the commands of one line have written, wherever they went (screen, pipe,
    file, /dev/null): the work of a line is in proportion, so the shell bounds it."""

    def __init__(self) -> None:
        self.spent = 0


class Streams:
    """A command's streams: where its stdout and stderr go, what its stdin holds."""

    def __init__(
        self, stdin: str | None, out: list[str], err: list[str], meter: Meter | None = None
    ) -> None:
        self.stdin = stdin
        self._out = out
        self._err = err
        self.meter = meter or Meter()

    def out(self, text: str) -> None:
        if text:
            self.raw(text if text.endswith("\n") else text + "\n")

    def raw(self, text: str) -> None:
        self.meter.spent += len(text)
        self._out.append(text)

    def err(self, text: str) -> None:
        self.meter.spent += len(text) + 1
        self._err.append(text if text.endswith("\n") else text + "\n")


Command = Callable[["FakeShell", list[str], "Streams"], int]


# --- the commands ------------------------------------------------------------------------------
# Each takes the shell, its arguments and its streams, writes what the real tool would, and
# returns its exit status. Messages are the real tools' own (coreutils 9.1, bash 5.2, procps 4).


def _opts(args: list[str]) -> tuple[str, list[str]]:
    """Short option letters and operands (``-la x`` -> ``"la"``, ``["x"]``); ``--`` ends them."""
    letters, rest = "", []
    ended = False
    for a in args:
        if not ended and a == "--":
            ended = True
        elif not ended and a.startswith("-") and len(a) > 1 and not a.startswith("--"):
            letters += a[1:]
        elif not ended and a.startswith("--"):
            letters += {"--all": "a", "--human-readable": "h", "--recursive": "r",
                        "--force": "f", "--parents": "p", "--version": "V"}.get(a, "")  # fmt: skip
        else:
            rest.append(a)
    return letters, rest


def _echo(sh: FakeShell, args: list[str], io: Streams) -> int:
    escapes = False
    newline = True
    while args and re.fullmatch(r"-[neE]+", args[0]):
        escapes = (escapes or "e" in args[0]) and "E" not in args[0]
        newline = newline and "n" not in args[0]
        args = args[1:]
    text = " ".join(args)
    if escapes:
        text = re.sub(r"\\x([0-9a-fA-F]{1,2})", lambda m: chr(int(m.group(1), 16)), text)
        text = re.sub(r"\\0?([0-7]{1,3})", lambda m: chr(int(m.group(1), 8)), text)
        text = text.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\")
    io.raw(text + ("\n" if newline else ""))
    return 0


def _printf(sh: FakeShell, args: list[str], io: Streams) -> int:
    if not args:
        io.err("printf: usage: printf [-v var] format [arguments]")
        return 2
    fmt, values = args[0], args[1:]
    fmt = fmt.replace("\\n", "\n").replace("\\t", "\t")
    fmt = re.sub(r"\\x([0-9a-fA-F]{1,2})", lambda m: chr(int(m.group(1), 16)), fmt)
    pieces = iter(values)
    text = re.sub(r"%[-\d.]*[sdx%]", lambda m: "%" if m.group() == "%%" else next(pieces, ""), fmt)
    io.raw(text)
    return 0


def _cd(sh: FakeShell, args: list[str], io: Streams) -> int:
    target = args[0] if args else sh.home
    if target == "-":
        target = sh.variables.get("OLDPWD", sh.cwd)
    path = absolute(sh.cwd, target)
    node = sh.fs.get(path)
    if node is None:
        io.err(f"-bash: cd: {target}: No such file or directory")
        return 1
    if node.kind != "d":
        io.err(f"-bash: cd: {target}: Not a directory")
        return 1
    if not sh.may(node, 1):
        io.err(f"-bash: cd: {target}: Permission denied")
        return 1
    sh.variables["OLDPWD"] = sh.cwd
    sh.cwd = path
    return 0


def _exit(sh: FakeShell, args: list[str], io: Streams) -> int:
    if sh.interactive:
        io.out("logout")
    raise EndOfSession


def _id(sh: FakeShell, args: list[str], io: Streams) -> int:
    if args and args[0] in ("-u", "-g"):
        io.out("0" if sh.user == "root" else "1000")
    elif args and args[0] == "-un":
        io.out(sh.user)
    elif sh.user == "root":
        io.out("uid=0(root) gid=0(root) groups=0(root)")
    else:
        io.out(f"uid=1000({sh.user}) gid=1000({sh.user}) groups=1000({sh.user}),100(users)")
    return 0


def _hostname(sh: FakeShell, args: list[str], io: Streams) -> int:
    if "-I" in args:
        io.out(f"{sh.address} ")
    elif "-i" in args:
        io.out(str(sh.address))
    else:
        io.out(sh.persona.hostname)
    return 0


def _uname(sh: FakeShell, args: list[str], io: Streams) -> int:
    fields = sh.uname_fields()
    flags, _ = _opts(args)
    if "a" in flags or "--all" in args:
        io.out(" ".join(fields[k] for k in "snrvmo"))
        return 0
    chosen = [fields[k] for k in "snrvmpio" if k in flags]
    io.out(" ".join(chosen) if chosen else "Linux")
    return 0


def _uptime(sh: FakeShell, args: list[str], io: Streams) -> int:
    f = sh.facts
    if "-s" in args:
        io.out(stamp(f.boot_time, "%Y-%m-%d %H:%M:%S"))
    elif "-p" in args:
        up = f.uptime(sh.now())
        parts = [(up // (7 * DAY), "week"), (up % (7 * DAY) // DAY, "day"),
                 (up % DAY // 3600, "hour"), (up % 3600 // 60, "minute")]  # fmt: skip
        io.out("up " + ", ".join(f"{n} {w}{'s' if n != 1 else ''}" for n, w in parts if n))
    else:
        io.out(sh.uptime_text())
    return 0


def _login_at(sh: FakeShell) -> str:
    return stamp(sh.started, "%H:%M")


def _w(sh: FakeShell, args: list[str], io: Streams) -> int:
    io.out(sh.uptime_text())
    io.out("USER     TTY      FROM             LOGIN@   IDLE   JCPU   PCPU WHAT")
    io.out(f"{sh.user:<8} pts/0    {sh.peer:<16} {_login_at(sh)}    0.00s  0.02s  0.00s w")
    return 0


def _who(sh: FakeShell, args: list[str], io: Streams) -> int:
    if args[:2] == ["am", "i"] or "-m" in args or not args or "-u" in args or "-a" in args:
        io.out(f"{sh.user:<8} pts/0        {stamp(sh.started, '%Y-%m-%d %H:%M')} ({sh.peer})")
    if "-b" in args:
        io.out(f"         system boot  {stamp(sh.facts.boot_time, '%Y-%m-%d %H:%M')}")
    return 0


def _last(sh: FakeShell, args: list[str], io: Streams) -> int:
    f = sh.facts
    when, where = f.previous_login(sh.started)
    length = f.number(f"login/length/{int(when)}", 60, 3000)
    day = "%a %b %e %H:%M"
    io.out(f"{sh.user:<8} pts/0        {sh.peer:<16} {stamp(sh.started, day)}   still logged in")
    io.out(
        f"{sh.user:<8} pts/0        {where:<16} {stamp(when, day)} - "
        f"{stamp(when + length, '%H:%M')}  (00:{length // 60:02d})"
    )
    io.out(
        f"reboot   system boot  {sh.persona.kernel:<16} {stamp(f.boot_time, day)}   still running"
    )
    io.out(f"\nwtmp begins {ctime(f.boot_time)}")
    return 0


def _date(sh: FakeShell, args: list[str], io: Streams) -> int:
    fmt = next((a[1:] for a in args if a.startswith("+")), "%a %b %e %H:%M:%S UTC %Y")
    try:
        io.out(stamp(sh.now(), fmt.replace("%N", "000000000")))
    except ValueError:
        io.out(fmt)
    return 0


def _cat(sh: FakeShell, args: list[str], io: Streams) -> int:
    _, names = _opts(args)
    if not names:
        io.raw(io.stdin or "")
        return 0
    status = 0
    for name in names:
        if name == "-":
            io.raw(io.stdin or "")
            continue
        problem, text = _readable(sh, name)
        if problem:
            io.err(f"cat: {name}: {problem}")
            status = 1
        else:
            io.raw(text)
    return status


def _readable(sh: FakeShell, name: str) -> tuple[str, str]:
    """(why not, content) of a file the user names."""
    path = absolute(sh.cwd, name)
    node = sh.fs.get(path)
    if node is None:
        return "No such file or directory", ""
    if node.kind == "d":
        return "Is a directory", ""
    if not sh.may(node, 4):
        return "Permission denied", ""
    return "", sh.read(sh.fs.resolve(path)) or ""


def _ls(sh: FakeShell, args: list[str], io: Streams) -> int:  # noqa: PLR0912
    flags, targets = _opts(args)
    long, every, human = "l" in flags, "a" in flags, "h" in flags
    almost = "A" in flags
    status = 0
    targets = targets or ["."]
    blocks: list[tuple[str, list[str]]] = []
    files: list[tuple[str, str]] = []
    for target in targets:
        path = absolute(sh.cwd, target)
        node = sh.fs.raw(path) if long else sh.fs.get(path)
        if node is not None and node.kind == "l" and not target.endswith("/") and long:
            files.append((target, path))
            continue
        node = sh.fs.get(path)
        if node is None:
            io.err(f"ls: cannot access '{target}': No such file or directory")
            status = 2
        elif node.kind != "d" or "d" in flags:
            files.append((target, path))
        elif not sh.may(node, 4):
            io.err(f"ls: cannot open directory '{target}': Permission denied")
            status = 2
        else:
            names = sh.fs.children(path)
            if not (every or almost):
                names = [n for n in names if not n.startswith(".")]
            names = ([".", ".."] if every else []) + names
            blocks.append((target, names))
    if files:
        rows = sorted(files)
        io.out(_long(sh, rows, human=human) if long else "  ".join(name for name, _ in rows))
    for index, (target, names) in enumerate(blocks):
        if len(targets) > 1:
            io.out(("\n" if index or files else "") + f"{target}:")
        folder = absolute(sh.cwd, target)
        rows = [(n, absolute(folder, n)) for n in names]
        if long:
            total = _total(sh, rows)
            io.out(f"total {_ls_human(total * 1024) if human and total else total}")
            if rows:
                io.out(_long(sh, rows, human=human))
        elif names:
            io.out("  ".join(names))
    return status


def _total(sh: FakeShell, rows: list[tuple[str, str]]) -> int:
    total = 0
    for _, path in rows:
        node = sh.fs.raw(path)
        if node is not None and node.kind != "l":
            total += -(-node.shown_size // 4096) * 4
    return total


def _ls_human(size: int) -> str:
    """``ls -h``: powers of 1024, rounded up, one decimal under 10 (4.0K, 149K, 1.3M)."""
    if size < 1024:
        return str(size)
    value = float(size)
    for unit in "KMGT":
        value /= 1024
        if value < 1024 or unit == "T":
            break
    if value < 10:
        return f"{math.ceil(value * 10) / 10:.1f}{unit}"
    return f"{math.ceil(value)}{unit}"


def _long(sh: FakeShell, rows: list[tuple[str, str]], *, human: bool = False) -> str:
    now = sh.now()
    table = []
    for name, path in rows:
        node = sh.fs.raw(path) or sh.fs.get(path)
        if node is None:
            continue
        links = 1
        if node.kind == "d":
            links = 2 + sum(
                1
                for c in sh.fs.children(path)
                if (n := sh.fs.raw(absolute(path, c))) and n.kind == "d"
            )
        when = "%b %e %H:%M" if abs(now - node.mtime) < 182 * DAY else "%b %e  %Y"
        shown = name + (f" -> {node.target}" if node.kind == "l" else "")
        size = 0 if path.startswith(("/proc", "/sys")) and node.kind == "d" else node.shown_size
        shown_size = _ls_human(size) if human else str(size)
        table.append((node.mode_text(), str(links), node.owner, node.group, shown_size,
                      stamp(node.mtime, when), shown))  # fmt: skip
    widths = [max(len(r[i]) for r in table) for i in range(5)] if table else [0] * 5
    return "\n".join(
        f"{m} {n:>{widths[1]}} {o:<{widths[2]}} {g:<{widths[3]}} {s:>{widths[4]}} {d} {x}"
        for m, n, o, g, s, d, x in table
    )


def _free(sh: FakeShell, args: list[str], io: Streams) -> int:
    total = sh.memory_kib
    used, free, shared = total * 31 // 100, total * 42 // 100, total * 3 // 1000
    swap = 1003516 if sh.facts.number("hw/swap", 0, 1) else 0
    flags, _ = _opts(args)

    def show(kib: int) -> str:
        if "h" in flags:
            return _human(kib * 1024)
        if "g" in flags:
            return str(kib // (1024 * 1024))
        if "m" in flags:
            return str(kib // 1024)
        if "b" in flags:
            return str(kib * 1024)
        return str(kib)

    cache = total - used - free
    io.out("               total        used        free      shared  buff/cache   available")
    row = [total, used, free, shared, cache, total - used]
    io.out("Mem:    " + "".join(f"{show(v):>12}" for v in row))
    io.out("Swap:   " + "".join(f"{show(v):>12}" for v in (swap, 0, swap)))
    return 0


def _human(size: int) -> str:
    """procps' -h: 3.8Gi, 786Mi, 0B."""
    if size < 1024:
        return f"{size}B"
    value = float(size)
    for unit in ("Ki", "Mi", "Gi", "Ti"):
        value /= 1024
        if value < 1024:
            return f"{value:.1f}{unit}" if value < 10 else f"{int(value)}{unit}"
    return f"{int(value)}Pi"


#: The daemons of the box: user, service (its pid from the facts), VSZ, RSS, TTY, STAT, command.
_DAEMONS = (
    ("root", "systemd-journald", 48232, 15020, "?", "Ss", "/lib/systemd/systemd-journald"),
    ("root", "systemd-udevd", 26340, 6912, "?", "Ss", "/lib/systemd/systemd-udevd"),
    ("systemd+", "systemd-timesyncd", 90208, 6580, "?", "Ssl", "/lib/systemd/systemd-timesyncd"),
    ("message+", "dbus-daemon", 9124, 4908, "?", "Ss",
     "/usr/bin/dbus-daemon --system --address=systemd: --nofork --nopidfile "
     "--systemd-activation --syslog-only"),
    ("root", "rsyslogd", 222220, 5388, "?", "Ssl", "/usr/sbin/rsyslogd -n -iNONE"),
    ("root", "systemd-logind", 25384, 7852, "?", "Ss", "/lib/systemd/systemd-logind"),
    ("root", "cron", 6612, 2664, "?", "Ss", "/usr/sbin/cron -f"),
    ("root", "agetty", 5876, 1008, "tty1", "Ss+", "/sbin/agetty -o -p -- \\u --noclear - linux"),
    ("root", "sshd", 4540, 2732, "?", "Ss", ""),  # the SSH server's listener (FakeShell.ssh)
    ("redis", "redis-server", 71488, 9876, "?", "Ssl", "/usr/bin/redis-server 127.0.0.1:6379"),
    ("root", "apache2", 211512, 18212, "?", "Ss", "/usr/sbin/apache2 -k start"),
)  # fmt: skip


def _ps(sh: FakeShell, args: list[str], io: Streams) -> int:
    f = sh.facts
    now = sh.now()
    flags, _ = _opts(args)
    boot = f.boot_time
    start = stamp(boot, "%b%d")
    me = sh.pid
    rows = [(user, f.pid(name), vsz, rss, tty, state, cmd or sh.ssh.daemon)
            for user, name, vsz, rss, tty, state, cmd in _DAEMONS]  # fmt: skip
    session, server = sh.ssh.session, f.pid("sshd")  # the SSH server's process serves this one
    if sh.via == "telnet":
        session, server = f"/bin/login -h {sh.peer} -p --", 1
    parents = {me - 3: server, me: me - 3, me + sh.spawned: me}
    procs = [
        ("root", 1, 168148, 11876, "?", "Ss", "/sbin/init"),
        ("root", 2, 0, 0, "?", "S", "[kthreadd]"),
        *rows,
        ("www-data", f.pid("apache2") + 1, 1999440, 5580, "?", "Sl", "/usr/sbin/apache2 -k start"),
        ("root", me - 3, 4540, 3216, "?", "Ss", session),
        (sh.user, me, 8888, 5400, "pts/0", "Ss", "-bash"),
        (sh.user, me + sh.spawned, 11084, 4500, "pts/0", "R+", "ps " + " ".join(args)),
    ]  # fmt: skip
    if "a" in flags or "e" in flags or "A" in flags or "aux" in args:
        if "f" in flags and "e" in flags:
            io.out("UID          PID    PPID  C STIME TTY          TIME CMD")
            for user, pid, _, _, tty, _, cmd in procs:
                when = start if pid < me - 3 else stamp(sh.started, "%H:%M")
                ppid = parents.get(pid, 1 if pid > 2 else 0)
                io.out(f"{user:<8} {pid:>7} {ppid:>7}  0 {when:<5} {tty:<8} 00:00:00 {cmd}")
            return 0
        io.out("USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND")
        for user, pid, vsz, rss, tty, state, cmd in procs:
            when = start if pid < me - 3 else stamp(sh.started, "%H:%M")
            mem = rss * 1000 // max(sh.memory_kib, 1) / 10
            io.out(f"{user:<10} {pid:>7}  0.0 {mem:4.1f} {vsz:6d} {rss:5d} {tty:<8} {state:<4} "
                   f"{when:>5}   0:00 {cmd}")  # fmt: skip
        return 0
    del now
    io.out("    PID TTY          TIME CMD")
    io.out(f"{me:>7} pts/0    00:00:00 bash")
    io.out(f"{me + sh.spawned:>7} pts/0    00:00:00 ps")
    return 0


_WITH_VALUE = {"-O", "-o", "-P", "-U", "-T", "-t", "-e", "-H", "-A", "-d", "-X", "-u", "-b",
               "--header", "--user-agent", "--output", "--data", "-w", "-m", "-x"}  # fmt: skip


def _urls(args: list[str]) -> tuple[list[str], dict[str, str]]:
    """The URLs among a downloader's arguments, and its options that take a value."""
    urls, values = [], {}
    skip = False
    for index, a in enumerate(args):
        if skip:
            skip = False
            continue
        if a in _WITH_VALUE:
            values[a] = args[index + 1] if index + 1 < len(args) else ""
            skip = True
        elif a.startswith("-O") and len(a) > 2:
            values["-O"] = a[2:]
        elif not a.startswith("-") and (
            "://" in a or re.match(r"^[\w.-]+\.[A-Za-z0-9]{1,}(:\d+)?(/|$)", a)
        ):
            urls.append(a)
    return urls, values


def _host_port(url: str) -> tuple[str, str, int]:
    given, _, rest = url.rpartition("://")
    scheme = given or "http"
    authority = rest.split("/", 1)[0].rsplit("@", 1)[-1]
    host, _, port = authority.partition(":")
    default = {"https": 443, "ftp": 21}.get(scheme, 80)
    return scheme, host, int(port) if port.isdigit() and int(port) < 65536 else default


def _is_ip(host: str) -> bool:
    return bool(re.fullmatch(r"\d{1,3}(\.\d{1,3}){3}", host))


def _wget(sh: FakeShell, args: list[str], io: Streams) -> int:
    urls, values = _urls(args)
    quiet = "-q" in args or "--quiet" in args
    if not urls:
        io.err("wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\n"
               "Try `wget --help' for more options.")  # fmt: skip
        return 1
    target = values.get("-O")
    if target and target != "-":
        sh.open_for_write(absolute(sh.cwd, target), append=False)  # wget -O creates it first
    for url in urls:
        sh.note_download(url)
        _, host, port = _host_port(url)
        full = url if "://" in url else f"http://{url}"
        if quiet:
            continue
        io.err(f"--{stamp(sh.now(), '%Y-%m-%d %H:%M:%S')}--  {full}")
        if _is_ip(host):
            io.err(f"Connecting to {host}:{port}... failed: Connection refused.")
        else:
            io.err(f"Resolving {host} ({host})... failed: Temporary failure in name resolution.")
            io.err(f"wget: unable to resolve host address \u2018{host}\u2019")
    return 4


def _curl(sh: FakeShell, args: list[str], io: Streams) -> int:
    urls, _ = _urls(args)
    flags = "".join(a[1:] for a in args if a.startswith("-") and not a.startswith("--"))
    silent = "s" in flags and "S" not in flags
    if not urls:
        io.err("curl: try 'curl --help' or 'curl --manual' for more information")
        return 2
    status = 0
    for url in urls:
        sh.note_download(url)
        _, host, port = _host_port(url)
        if _is_ip(host):
            status = 7
            message = (
                f"curl: (7) Failed to connect to {host} port {port} after 0 ms: "
                "Couldn't connect to server"
            )
        else:
            status = 6
            message = f"curl: (6) Could not resolve host: {host}"
        if not silent:
            io.err(message)
    return status


def _tftp(sh: FakeShell, args: list[str], io: Streams) -> int:
    named = {i + 1 for i, a in enumerate(args[:-1]) if a in ("-r", "-l", "-c", "get")}
    files = [args[i] for i in sorted(named) if args[i] not in ("get", "put")]
    hosts = [a for i, a in enumerate(args) if i not in named and not a.startswith("-")]
    hosts = [h for h in hosts if h not in ("get", "put")]
    if hosts:
        sh.note_download(f"tftp://{hosts[0]}/{files[-1] if files else ''}")
    io.err("tftp: timeout")
    return 1


def _ftpget(sh: FakeShell, args: list[str], io: Streams) -> int:
    operands = [a for a in args if not a.startswith("-")]
    if operands:
        sh.note_download(f"ftp://{operands[0]}/{operands[-1] if len(operands) > 2 else ''}")
    io.err("ftpget: can't connect to remote host: Connection timed out")
    return 1


def _which(sh: FakeShell, args: list[str], io: Streams) -> int:
    status = 0
    for name in (a for a in args if not a.startswith("-")):
        found = _on_path(sh, name)
        if found:
            io.out(found)
        else:
            status = 1
    return status


def _on_path(sh: FakeShell, name: str) -> str:
    folders = ["/usr/local/bin", "/usr/bin", "/bin"]
    if sh.user == "root":
        folders = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"]
    for folder in folders:
        node = sh.fs.get(f"{folder}/{name}")
        if node is not None and node.kind != "d":
            return f"{folder}/{name}"
    return ""


def _type(sh: FakeShell, args: list[str], io: Streams) -> int:
    status = 0
    for name in args:
        if name in BUILTINS:
            io.out(f"{name} is a shell builtin")
        elif found := _on_path(sh, name):
            io.out(f"{name} is {found}")
        else:
            io.err(f"-bash: type: {name}: not found")
            status = 1
    return status


def _command(sh: FakeShell, args: list[str], io: Streams) -> int:
    if args and args[0] == "-v":
        status = 0
        for name in args[1:]:
            found = name if name in BUILTINS else _on_path(sh, name)
            if found:
                io.out(found)
            else:
                status = 1
        return status
    return _dispatch_words(sh, args, io)


def _dispatch_words(sh: FakeShell, words: list[str], io: Streams) -> int:
    return sh.dispatch(words, sh.depth + 1, io) if words else 0


def _df(sh: FakeShell, args: list[str], io: Streams) -> int:
    f = sh.facts
    disk = f.disk_gib
    used = disk * f.number("hw/disk/used", 8, 45) / 100
    ram = sh.memory_kib / 1024 / 1024
    device = sh.root_device()
    io.out("Filesystem      Size  Used Avail Use% Mounted on")
    io.out(f"udev            {ram / 2:.1f}G     0  {ram / 2:.1f}G   0% /dev")
    io.out(f"tmpfs           {int(ram * 102)}M  1.1M  {int(ram * 102 - 1)}M   1% /run")
    size, taken, left = f"{disk - 1}G", f"{used:.1f}G", f"{disk - 1 - used:.0f}G"
    io.out(f"{device:<15} {size:>4} {taken:>5} {left:>5} {round(100 * used / (disk - 1)):>3}% /")
    io.out(f"tmpfs           {ram / 2:.1f}G     0  {ram / 2:.1f}G   0% /dev/shm")
    io.out("tmpfs           5.0M     0  5.0M   0% /run/lock")
    return 0


def _ipv6_link_local(mac: str) -> str:
    octets = [int(x, 16) for x in mac.split(":")]
    octets[0] ^= 0x02
    eui = [*octets[:3], 0xFF, 0xFE, *octets[3:]]
    groups = [f"{eui[i] << 8 | eui[i + 1]:x}" for i in range(0, 8, 2)]
    return "fe80::" + ":".join(groups)


def _ip(sh: FakeShell, args: list[str], io: Streams) -> int:
    f = sh.facts
    nic, address = f.interface, sh.address
    network = ".".join(str(address).split(".")[:3])
    if args and args[0].startswith("r"):
        io.out(f"default via {network}.1 dev {nic} onlink ")
        io.out(f"{network}.0/24 dev {nic} proto kernel scope link src {address} ")
        return 0
    if args and args[0] not in ("a", "ad", "addr", "address", "l", "li", "link", "-4", "-br"):
        io.err(f'Object "{args[0]}" is unknown, try "ip help".')
        return 1
    forever = "       valid_lft forever preferred_lft forever"
    io.out("1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default "
           "qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00")  # fmt: skip
    io.out(f"    inet 127.0.0.1/8 scope host lo\n{forever}")
    io.out(f"    inet6 ::1/128 scope host noprefixroute \n{forever}")
    io.out(f"2: {nic}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group "
           "default qlen 1000")  # fmt: skip
    io.out(f"    link/ether {f.mac} brd ff:ff:ff:ff:ff:ff")
    io.out(f"    inet {address}/24 brd {network}.255 scope global {nic}\n{forever}")
    io.out(f"    inet6 {_ipv6_link_local(f.mac)}/64 scope link \n{forever}")
    return 0


def _ifconfig(sh: FakeShell, args: list[str], io: Streams) -> int:
    f = sh.facts
    address = sh.address
    network = ".".join(str(address).split(".")[:3])
    packets = f.uptime(sh.now()) // 3
    io.out(f"{f.interface}: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500")
    io.out(f"        inet {address}  netmask 255.255.255.0  broadcast {network}.255")
    io.out(f"        inet6 {_ipv6_link_local(f.mac)}  prefixlen 64  scopeid 0x20<link>")
    io.out(f"        ether {f.mac}  txqueuelen 1000  (Ethernet)")
    io.out(f"        RX packets {packets}  bytes {packets * 412}")
    io.out(f"        TX packets {packets * 4 // 5}  bytes {packets * 287}\n")
    io.out("lo: flags=73<UP,LOOPBACK,RUNNING>  mtu 65536")
    io.out("        inet 127.0.0.1  netmask 255.0.0.0")
    io.out("        inet6 ::1  prefixlen 128  scopeid 0x10<host>")
    io.out("        loop  txqueuelen 1000  (Local Loopback)\n")
    return 0


def _sockets(sh: FakeShell) -> tuple[list[tuple[str, str, int, int]], tuple[str, str, int]]:
    """The SSH server's listeners (family, address, pid, fd) and this session's
    connection (local, remote, pid: the server's session process; telnet's is not shown)."""
    ssh, server = sh.ssh, sh.facts.pid("sshd")
    v4, v6 = ssh.listen_fds
    anywhere = "0.0.0.0"  # noqa: S104 - shown, never bound
    listening = [("tcp", anywhere, server, v4), ("tcp6", "::", server, v6)]
    owner = sh.pid - 3 if sh.via == "ssh" else 0
    return listening, (sh.local_endpoint(), f"{sh.peer}:{sh.peer_port()}", owner)


def _netstat(sh: FakeShell, args: list[str], io: Streams) -> int:
    """net-tools' netstat: the listeners with -l or -a, the connection without -l; -p names
    their process (pid/name)."""
    flags, _ = _opts(args)
    listening, (local, remote, owner) = _sockets(sh)
    show_listen, show_estab = "l" in flags or "a" in flags, "l" not in flags or "a" in flags
    program = " PID/Program name" if "p" in flags else ""
    which = "servers and established" if show_listen and show_estab else (
        "only servers" if show_listen else "w/o servers")  # fmt: skip
    io.out(f"Active Internet connections ({which})")
    io.out(f"Proto Recv-Q Send-Q Local Address           Foreign Address         State      "
           f"{program}".rstrip())  # fmt: skip
    name = sh.ssh.name
    for family, address, pid, _ in listening if show_listen else []:
        where = f"{address}:22"
        anyone = f"{address}:*" if family == "tcp" else ":::*"
        proc = f" {pid}/{name}" if program else ""
        io.out(f"{family:<5} {0:>6} {0:>6} {where:<23} {anyone:<23} {'LISTEN':<11}{proc}".rstrip())
    if show_estab:
        proc = (f" {owner}/{name}" if owner else " -") if program else ""
        io.out(f"tcp   {0:>6} {36:>6} {local:<23} {remote:<23} ESTABLISHED{proc}")
    return 0


def _ss(sh: FakeShell, args: list[str], io: Streams) -> int:
    """iproute2's ss: connections, -l the listeners, -a both; -p their process."""
    flags, _ = _opts(args)
    listening, (local, remote, owner) = _sockets(sh)
    show_listen, show_estab = "l" in flags or "a" in flags, "l" not in flags or "a" in flags
    name, backlog = sh.ssh.name, sh.ssh.backlog
    io.out("State  Recv-Q Send-Q   Local Address:Port    Peer Address:Port Process")
    for family, address, pid, fd in listening if show_listen else []:
        where = f"{address}:22" if family == "tcp" else f"[{address}]:22"
        anyone = f"{address}:*" if family == "tcp" else f"[{address}]:*"
        proc = f' users:(("{name}",pid={pid},fd={fd}))' if "p" in flags else ""
        io.out(f"LISTEN 0      {backlog:<6} {where:>15} {anyone:>16}{proc}")
    if show_estab:
        proc = ""
        if "p" in flags and owner:
            proc = f' users:(("{name}",pid={owner},fd={sh.ssh.session_fd}))'
        io.out(f"ESTAB  0      36    {local:>20} {remote}{proc}")
    return 0


def _lscpu(sh: FakeShell, args: list[str], io: Streams) -> int:
    p, f = sh.persona, sh.facts
    io.out(f"Architecture:            {p.arch}\n  CPU op-mode(s):        32-bit, 64-bit\n"
           f"CPU(s):                  {p.cpus}\nVendor ID:               GenuineIntel\n"
           f"  Model name:            {f.cpu[0]}")  # fmt: skip
    if f.hypervisor:
        io.out(f"Virtualization features:\n  Hypervisor vendor:     {f.hypervisor}")
    return 0


def _lsb_release(sh: FakeShell, args: list[str], io: Streams) -> int:
    io.err("No LSB modules are available.")
    io.out(f"Distributor ID:\tDebian\nDescription:\t{sh.persona.os_name}\n"
           "Release:\t12\nCodename:\tbookworm")  # fmt: skip
    return 0


def _env(sh: FakeShell, args: list[str], io: Streams) -> int:
    if args and not args[0].startswith("-") and "=" not in args[0]:
        return _dispatch_words(sh, args, io)
    names = ("SHELL", "PWD", "LOGNAME", "HOME", "LANG", "TERM", "USER", "PATH")
    lines = [f"{n}={sh.variable(n)}" for n in names]
    lines += [f"{k}={v}" for k, v in sh.variables.items() if k != "OLDPWD"]
    lines.append(f"SSH_CONNECTION={sh.peer} {sh.peer_port()} {sh.address} {sh.local_port()}")
    io.out("\n".join(lines))
    return 0


def _top(sh: FakeShell, args: list[str], io: Streams) -> int:
    mem = sh.memory_kib / 1024
    io.out("top - " + sh.uptime_text().strip())
    io.out("Tasks:  94 total,   1 running,  93 sleeping,   0 stopped,   0 zombie")
    io.out("%Cpu(s):  0.3 us,  0.2 sy,  0.0 ni, 99.5 id,  0.0 wa,  0.0 hi,  0.0 si,  0.0 st")
    io.out(f"MiB Mem : {mem:8.1f} total, {mem * 0.42:8.1f} free, {mem * 0.31:8.1f} used, "
           f"{mem * 0.27:8.1f} buff/cache")  # fmt: skip
    return 0


def _dmesg(sh: FakeShell, args: list[str], io: Streams) -> int:
    if sh.user != "root":
        io.err("dmesg: read kernel buffer failed: Operation not permitted")
        return 1
    io.raw("[    0.000000] " + (sh.read("/proc/version") or ""))
    io.out("[    0.000000] Command line: BOOT_IMAGE=/boot/vmlinuz-" + sh.persona.kernel
           + " root=UUID=" + sh.facts.hexa("fs-uuid", 32) + " ro quiet")  # fmt: skip
    return 0


def _python(sh: FakeShell, args: list[str], io: Streams) -> int:
    if args and args[0] in ("-V", "--version"):
        io.out(_PYTHON)
        return 0
    if args and args[0] == "-c":
        return _python_code(args[1] if len(args) > 1 else "", io)
    operands = [a for a in args if not a.startswith("-")]
    if operands:
        path = absolute(sh.cwd, operands[0])
        node = sh.fs.get(path)
        if node is None:
            io.err(
                f"/usr/bin/python3: can't open file '{path}': [Errno 2] No such file or directory"
            )
            return 2
        return _python_code(node.content, io)
    if io.stdin is not None:
        return _python_code(io.stdin, io)
    io.out(f"{_PYTHON} (main, Nov 30 2024, 21:22:50) [GCC 12.2.0] on linux\n"
           'Type "help", "copyright", "credits" or "license" for more information.')  # fmt: skip
    io.raw(">>> \n")
    return 0


def _python_code(code: str, io: Streams) -> int:
    """Trivial prints print; anything else runs quietly, as a script that prints nothing."""
    for statement in re.split(r"[;\n]", code)[:100]:
        match = re.fullmatch(r"\s*print\((.*)\)\s*", statement)
        if match is None:
            continue
        try:
            value = ast.literal_eval(match.group(1)) if match.group(1).strip() else ""
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            continue
        io.out(" ".join(str(v) for v in value) if isinstance(value, tuple) else str(value))
    return 0


def _perl(sh: FakeShell, args: list[str], io: Streams) -> int:
    if args and args[0] in ("-v", "--version"):
        io.out("\nThis is perl 5, version 36, subversion 0 (v5.36.0) built for "
               "x86_64-linux-gnu-thread-multi")  # fmt: skip
    elif args and args[0] == "-e" and len(args) > 1:
        for match in re.finditer(r'print\s+"((?:[^"\\]|\\.)*)"', args[1]):
            io.raw(match.group(1).replace("\\n", "\n").replace("\\t", "\t"))
    return 0


def _nc(sh: FakeShell, args: list[str], io: Streams) -> int:
    operands = [a for a in args if not a.startswith("-")]
    if len(operands) >= 2 and "-l" not in "".join(args):
        io.err(f"nc: connect to {operands[0]} port {operands[1]} (tcp) failed: Connection refused")
        return 1
    return 0


def _parse_mode(spec: str, mode: int) -> int | None:
    if re.fullmatch(r"[0-7]{1,4}", spec):
        return int(spec, 8)
    for clause in spec.split(","):
        match = re.fullmatch(r"([ugoa]*)([-+=])([rwxXst]*)", clause)
        if match is None:
            return None
        who = match.group(1) or "a"
        bits = 0
        for ch in match.group(3):
            for w in "ugo" if "a" in who else who:
                shift = {"u": 6, "g": 3, "o": 0}[w]
                bits |= {"r": 4, "w": 2, "x": 1, "X": 1}.get(ch, 0) << shift
            if ch == "s":
                bits |= 0o6000
            if ch == "t":
                bits |= 0o1000
        op = match.group(2)
        mode = mode | bits if op == "+" else mode & ~bits if op == "-" else bits
    return mode


def _chmod(sh: FakeShell, args: list[str], io: Streams) -> int:
    operands = [a for a in args if not re.fullmatch(r"-[Rfv]+", a)]
    if len(operands) < 2:
        io.err("chmod: missing operand")
        return 1
    status = 0
    for name in operands[1:]:
        path = absolute(sh.cwd, name)
        node = sh.fs.get(path)
        if node is None:
            io.err(f"chmod: cannot access '{name}': No such file or directory")
            status = 1
            continue
        mode = _parse_mode(operands[0], node.mode)
        if mode is None:
            io.err(f"chmod: invalid mode: \u2018{operands[0]}\u2019")
            return 1
        if sh.user not in ("root", node.owner):
            io.err(f"chmod: changing permissions of '{name}': Operation not permitted")
            status = 1
            continue
        sh.fs.chmod(path, mode)
    return status


def _chown(sh: FakeShell, args: list[str], io: Streams) -> int:
    _, operands = _opts(args)
    status = 0
    for name in operands[1:]:
        if sh.fs.get(absolute(sh.cwd, name)) is None:
            io.err(f"chown: cannot access '{name}': No such file or directory")
            status = 1
        elif sh.user != "root":
            io.err(f"chown: changing ownership of '{name}': Operation not permitted")
            status = 1
    return status


def _writable_parent(sh: FakeShell, path: str) -> bool:
    folder = sh.fs.get(parent(path))
    return folder is not None and sh.may(folder, 2)


def _rm(sh: FakeShell, args: list[str], io: Streams) -> int:
    flags, operands = _opts(args)
    force, recursive = "f" in flags, "r" in flags or "R" in flags
    status = 0
    for name in operands:
        path = absolute(sh.cwd, name)
        if path == "/" and recursive:
            io.err("rm: it is dangerous to operate recursively on '/'\n"
                   "rm: use --no-preserve-root to override this failsafe")  # fmt: skip
            status = 1
            continue
        node = sh.fs.raw(path)
        if node is None:
            if not force:
                io.err(f"rm: cannot remove '{name}': No such file or directory")
                status = 1
            continue
        if node.kind == "d" and not recursive:
            io.err(f"rm: cannot remove '{name}': Is a directory")
            status = 1
            continue
        kernel = path.startswith(("/proc", "/sys"))
        if kernel or not _writable_parent(sh, path):
            why = "Operation not permitted" if kernel else "Permission denied"
            io.err(f"rm: cannot remove '{name}': {why}")
            status = 1
            continue
        try:
            sh.fs.remove(path, recursive=recursive)
        except FsError as e:
            io.err(f"rm: cannot remove '{name}': {e}")
            status = 1
    return status


def _mkdir(sh: FakeShell, args: list[str], io: Streams) -> int:
    flags, operands = _opts(args)
    if not operands:
        io.err("mkdir: missing operand\nTry 'mkdir --help' for more information.")
        return 1
    status = 0
    for name in operands:
        path = absolute(sh.cwd, name)
        steps = [path]
        if "p" in flags:
            steps = []
            walk = path
            while walk != "/" and sh.fs.get(walk) is None:
                steps.insert(0, walk)
                walk = parent(walk)
        for step in steps:
            denied = not _writable_parent(sh, step) and sh.fs.get(parent(step)) is not None
            try:
                if denied:
                    io.err(f"mkdir: cannot create directory \u2018{name}\u2019: Permission denied")
                    status = 1
                    break
                real = absolute(sh.fs.resolve(parent(step)), posixpath.basename(step))
                sh.fs.mkdir(real, now=sh.now(), owner=sh.user)
            except FsError as e:
                io.err(f"mkdir: cannot create directory \u2018{name}\u2019: {e}")
                status = 1
                break
    return status


def _touch(sh: FakeShell, args: list[str], io: Streams) -> int:
    _, operands = _opts(args)
    status = 0
    for name in operands:
        path = absolute(sh.cwd, name)
        node = sh.fs.get(path)
        problem = ""
        if node is None and not _writable_parent(sh, path):
            problem = (
                "Permission denied" if sh.fs.get(parent(path)) else "No such file or directory"
            )
        elif node is not None and not sh.may(node, 2):
            problem = "Permission denied"
        if not problem:
            try:
                sh.fs.touch(path, now=sh.now(), owner=sh.user)
            except FsError as e:
                problem = str(e)
        if problem:
            io.err(f"touch: cannot touch '{name}': {problem}")
            status = 1
    return status


def _cp(sh: FakeShell, args: list[str], io: Streams) -> int:
    _, operands = _opts(args)
    if len(operands) < 2:
        io.err("cp: missing file operand\nTry 'cp --help' for more information.")
        return 1
    target = absolute(sh.cwd, operands[-1])
    status = 0
    for name in operands[:-1]:
        source = absolute(sh.cwd, name)
        problem, _ = _readable(sh, name)
        if problem == "No such file or directory":
            io.err(f"cp: cannot stat '{name}': {problem}")
            status = 1
            continue
        if problem == "Is a directory":
            io.err(f"cp: -r not specified; omitting directory '{name}'")
            status = 1
            continue
        if problem:
            io.err(f"cp: cannot open '{name}' for reading: {problem}")
            status = 1
            continue
        destination = sh.fs.get(target)
        where = target if destination is None or destination.kind != "d" else source
        if not _writable_parent(
            sh, absolute(target, "x") if destination and destination.kind == "d" else where
        ):
            io.err(f"cp: cannot create regular file '{operands[-1]}': Permission denied")
            status = 1
            continue
        try:
            sh.fs.copy(source, target, now=sh.now(), owner=sh.user)
        except FsError as e:
            io.err(f"cp: cannot create regular file '{operands[-1]}': {e}")
            status = 1
    return status


def _mv(sh: FakeShell, args: list[str], io: Streams) -> int:
    _, operands = _opts(args)
    if len(operands) < 2:
        io.err("mv: missing file operand\nTry 'mv --help' for more information.")
        return 1
    status = 0
    for name in operands[:-1]:
        source = absolute(sh.cwd, name)
        if sh.fs.raw(source) is None:
            io.err(f"mv: cannot stat '{name}': No such file or directory")
            status = 1
            continue
        if not _writable_parent(sh, source):
            io.err(f"mv: cannot move '{name}' to '{operands[-1]}': Permission denied")
            status = 1
            continue
        try:
            sh.fs.move(source, absolute(sh.cwd, operands[-1]))
        except FsError as e:
            if str(e) == "Invalid argument":
                io.err(f"mv: cannot move '{name}' to a subdirectory of itself, '{operands[-1]}'")
            else:
                io.err(f"mv: cannot move '{name}' to '{operands[-1]}': {e}")
            status = 1
    return status


def _sudo(sh: FakeShell, args: list[str], io: Streams) -> int:  # noqa: PLR0911
    if not args:
        io.err("usage: sudo -h | -K | -k | -V\nusage: sudo -v [-ABkNnS] [-g group] [-h host] "
               "[-p prompt] [-u user]")  # fmt: skip
        return 1
    rest = list(args)
    listing = stdin_password = non_interactive = False
    while rest and rest[0].startswith("-"):
        option = rest.pop(0)
        if option in ("-u", "-g", "-p", "-C", "-h") and rest:
            rest.pop(0)
        listing = listing or option in ("-l", "-ll", "--list")
        stdin_password = stdin_password or option == "-S"
        non_interactive = non_interactive or option == "-n"
        if option in ("-V", "--version"):
            io.out("Sudo version 1.9.13p3\nSudoers policy plugin version 1.9.13p3")
            return 0
        if option in ("-i", "-s") and not rest:
            rest = []
    if sh.user == "root":
        if listing:
            host = sh.persona.hostname
            io.out(f"Matching Defaults entries for root on {host}:\n    env_reset, mail_badpass, "
                   "secure_path=/usr/local/sbin\\:/usr/local/bin\\:/usr/sbin\\:/usr/bin\\:/sbin"
                   f"\\:/bin, use_pty\n\nUser root may run the following commands on {host}:\n"
                   "    (ALL : ALL) ALL")  # fmt: skip
            return 0
        return _dispatch_words(sh, rest, io)
    if non_interactive:
        io.err("sudo: a password is required")
        return 1
    if stdin_password:
        io.raw(f"[sudo] password for {sh.user}: ")
        io.err(
            "Sorry, try again.\nsudo: no password was provided\nsudo: 1 incorrect password attempt"
        )
        return 1
    if not sh.interactive:
        io.err("sudo: a terminal is required to read the password; either use the -S option "
               "to read from standard input or configure an askpass helper\n"
               "sudo: a password is required")  # fmt: skip
        return 1
    sh.ask_password()
    return 1


def _su(sh: FakeShell, args: list[str], io: Streams) -> int:
    if sh.user == "root":
        command = args[args.index("-c") + 1] if "-c" in args[:-1] else ""
        return sh.run_list(command, sh.depth + 1, io.stdin, io._out, io._err) if command else 0
    if sh.interactive:
        sh.ask_password("su")  # the session shows "Password: ", and fails what is typed
        return 1
    # No terminal: su reads the password from its input, unechoed, and fails at its end.
    io.raw("Password: ")
    io.err("su: Authentication failure")
    return 1


def _dropbearkey(sh: FakeShell, args: list[str], io: Streams) -> int:
    """dropbearkey 2022.83 -y -f FILE: the public key and fingerprint of a Dropbear key file
    (the host keys in /etc/dropbear); generating keys is not offered (its usage instead)."""
    flags, names = _opts(args)
    if "y" not in flags or "f" not in flags or not names:
        io.err("Must specify a key filename" if "f" not in flags or not names else "")
        io.err(_DROPBEARKEY_USAGE)
        return 1
    problem, text = _readable(sh, names[-1])
    if problem:
        io.err(f"Failed reading '{names[-1]}'")
        return 255
    try:
        kind, blob = public_blob(as_bytes(text))
    except KeyFileError as e:
        io.err(f"Exited: {e}")
        return 1
    del kind
    line = f"{blob_type(blob)} {base64.b64encode(blob).decode()}"
    io.out(f"Public key portion is:\n{line} {sh.user}@{sh.persona.hostname}")
    io.out(f"Fingerprint: {fingerprint(line)}")
    return 0


_DROPBEARKEY_USAGE = (
    "Usage: dropbearkey -t <type> -f <filename> [-s bits]\n"
    "-t type\tType of key to generate. One of:\n\t\trsa\n\t\tdss\n\t\tecdsa\n\t\ted25519\n"
    "-f filename    Use filename for the secret key.\n"
    "               ~/.ssh/id_dropbear is recommended for client keys.\n"
    "-s bits\tKey size in bits, should be a multiple of 8 (optional)\n"
    "           DSS has a fixed size of 1024 bits\n"
    "           ECDSA has sizes 256 384 521 \n"
    "           Ed25519 has a fixed size of 256 bits\n"
    "-y\t\tJust print the publickey and fingerprint for the\n\t\tprivate key in <filename>."
)


def _ssh_keygen(sh: FakeShell, args: list[str], io: Streams) -> int:
    if "-l" not in "".join(a for a in args if a.startswith("-")):
        io.err("ssh-keygen: only fingerprints are shown here")  # never reached by bots
        return 1
    names = [a for a in args if not a.startswith("-")]
    if not names:
        io.err("ssh-keygen: option requires an argument -- f")
        return 1
    problem, text = _readable(sh, names[-1])
    if problem:
        io.err(f"{names[-1]}: {problem}")
        return 1
    parts = text.split()
    if len(parts) < 2 or not parts[0].startswith(("ssh-", "ecdsa-")):
        io.err(f"{names[-1]} is not a public key file.")
        return 255
    try:
        printed = fingerprint(text)
    except ValueError:
        io.err(f"{names[-1]} is not a public key file.")
        return 255
    bits = "256"
    if parts[0] == "ssh-rsa":  # the modulus's own size (2048 for Dropbear's key)
        blob = base64.b64decode(parts[1])
        rest = blob[4 + int.from_bytes(blob[:4]) :]
        rest = rest[4 + int.from_bytes(rest[:4]) :]
        bits = str(int.from_bytes(rest[4 : 4 + int.from_bytes(rest[:4])]).bit_length())
    kind = {"ssh-ed25519": "ED25519", "ssh-rsa": "RSA"}.get(parts[0], "ECDSA")
    comment = " ".join(parts[2:]) or "no comment"
    io.out(f"{bits} {printed} {comment} ({kind})")
    return 0


def _sh(sh: FakeShell, args: list[str], io: Streams) -> int:
    if "-c" in args:
        index = args.index("-c")
        code = args[index + 1] if index + 1 < len(args) else ""
        return sh.run_list(code, sh.depth + 1, io.stdin, io._out, io._err)
    operands = [a for a in args if not a.startswith("-")]
    if operands:
        problem, text = _readable(sh, operands[0])
        if problem:
            io.err(f"sh: 0: cannot open {operands[0]}: No such file")
            return 2
        return sh.script(text, sh.depth, io)
    if io.stdin:
        return sh.script(io.stdin, sh.depth, io)
    return 0


def _busybox(sh: FakeShell, args: list[str], io: Streams) -> int:
    if not args:
        io.out("BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n"
               "BusyBox is copyrighted by many authors between 1998-2015.")  # fmt: skip
        return 0
    if args[0] in _APPLETS_ONLY:  # Debian ships no program of that name: busybox's alone
        sh.spawned += 1
        return _APPLETS_ONLY[args[0]](sh, args[1:], io)
    if args[0] not in COMMANDS and args[0] not in BUILTINS:
        io.err(f"{args[0]}: applet not found")
        return 127
    return _dispatch_words(sh, args, io)


def _prefix(sh: FakeShell, args: list[str], io: Streams) -> int:
    """nohup, time, exec, nice, timeout N: run the rest."""
    while args and (args[0].startswith("-") or re.fullmatch(r"\d+[smhd]?", args[0])):
        args = args[1:]
    return _dispatch_words(sh, args, io)


def _stdin_or_files(sh: FakeShell, names: list[str], io: Streams, tool: str) -> str | None:
    if not names:
        return io.stdin or ""
    texts = []
    for name in names:
        problem, text = _readable(sh, name)
        if problem:
            io.err(f"{tool}: {name}: {problem}")
            return None
        texts.append(text)
    return "".join(texts)


def _digest(algorithm: str) -> Command:
    """md5sum, sha1sum, sha256sum, sha512sum: of the bytes a file holds (a binary's own)."""
    tool = f"{algorithm}sum"

    def answer(sh: FakeShell, args: list[str], io: Streams) -> int:
        names = [a for a in args if not a.startswith("-") or a == "-"] or ["-"]
        status = 0
        for name in names:
            problem, text = ("", io.stdin or "") if name == "-" else _readable(sh, name)
            if problem:
                io.err(f"{tool}: {name}: {problem}")
                status = 1
                continue
            io.out(f"{hashlib.new(algorithm, as_bytes(text)).hexdigest()}  {name}")
        return status

    return answer


def _head_bytes(text: str, count: int, *, tail: bool) -> str:
    """``head -c N`` / ``tail -c N``: bytes, not characters (a binary file's as it holds them)."""
    data = as_bytes(text)
    data = (data[-count:] if count else b"") if tail else data[:count]
    return data.decode("utf-8", "surrogateescape")


def _lines(text: str) -> list[str]:
    return text.split("\n")[:-1] if text.endswith("\n") else text.split("\n") if text else []


def _matches(pattern: str, line: str, fold: bool) -> bool:
    """grep's match, without a regular expression engine (an attacker's pattern could take
    exponential time): alternatives (``a|b``, ``a\\|b``), ``^`` and ``$`` anchors, plain text
    otherwise, which is what recon one-liners use."""
    if fold:
        pattern, line = pattern.lower(), line.lower()
    for choice in re.split(r"\\?\|", pattern)[:16]:
        text = choice.removeprefix("^").removesuffix("$").replace("\\", "")
        if choice.startswith("^") and choice.endswith("$") and len(choice) > 1:
            found = line == text
        elif choice.startswith("^"):
            found = line.startswith(text)
        elif choice.endswith("$"):
            found = line.endswith(text)
        else:
            found = text in line
        if found:
            return True
    return False


def _grep(sh: FakeShell, args: list[str], io: Streams) -> int:
    flags, operands = "", []
    pattern: str | None = None
    for index, a in enumerate(args):
        if a.startswith("-") and len(a) > 1 and a != "-e":
            flags += a[1:]
        elif a == "-e" and index + 1 < len(args):
            pattern = args[index + 1]
        elif pattern is None and (index == 0 or args[index - 1] != "-e"):
            pattern = a
        elif index == 0 or args[index - 1] != "-e":
            operands.append(a)
    if pattern is None:
        io.err("Usage: grep [OPTION]... PATTERNS [FILE]...")
        return 2
    text = _stdin_or_files(sh, operands, io, "grep")
    if text is None:
        return 2
    fold = "i" in flags
    matched = [ln for ln in _lines(text) if _matches(pattern, ln, fold) != ("v" in flags)]
    if "c" in flags:
        io.out(str(len(matched)))
    elif "q" not in flags and matched:
        io.out("\n".join(matched))
    return 0 if matched else 1


def _wc(sh: FakeShell, args: list[str], io: Streams) -> int:
    flags, names = _opts(args)
    text = _stdin_or_files(sh, names, io, "wc")
    if text is None:
        return 1
    counts = {"l": text.count("\n"), "w": len(text.split()), "c": len(as_bytes(text))}
    chosen = [k for k in "lwc" if k in flags] or ["l", "w", "c"]
    values = [str(counts[k]) for k in chosen]
    suffix = f" {names[0]}" if names else ""
    io.out((" ".join(values) if len(values) == 1 else " ".join(f"{v:>7}" for v in values)) + suffix)
    return 0


def _head_tail(sh: FakeShell, args: list[str], io: Streams, tail: bool) -> int:
    count, names, skip = 10, [], False
    in_bytes: int | None = None
    for index, a in enumerate(args):
        if skip:
            skip = False
        elif a == "-c" and index + 1 < len(args) and args[index + 1].lstrip("+-").isdigit():
            in_bytes, skip = int(args[index + 1].lstrip("+-")), True
        elif re.fullmatch(r"-c\d+", a):
            in_bytes = int(a[2:])
        elif a == "-n" and index + 1 < len(args):
            count, skip = (
                int(args[index + 1].lstrip("+-") or 10)
                if args[index + 1].lstrip("+-").isdigit()
                else 10,
                True,
            )
        elif re.fullmatch(r"-n?\d+", a):
            count = int(a.lstrip("-n"))
        elif not a.startswith("-"):
            names.append(a)
    text = _stdin_or_files(sh, names, io, "tail" if tail else "head")
    if text is None:
        return 1
    if in_bytes is not None:
        io.raw(_head_bytes(text, min(in_bytes, len(text) * 4), tail=tail))
        return 0
    lines = _lines(text)
    chosen = (lines[-count:] if count else []) if tail else lines[:count]
    if chosen:
        io.out("\n".join(chosen))
    return 0


def _awk(sh: FakeShell, args: list[str], io: Streams) -> int:
    separator: str | None = None
    rest = list(args)
    if rest and rest[0].startswith("-F"):
        option = rest.pop(0)
        separator = option[2:] or (rest.pop(0) if rest else " ")
    if not rest:
        return 2
    program, names = rest[0], rest[1:]
    text = _stdin_or_files(sh, names, io, "awk")
    if text is None:
        return 2
    match = re.search(r"print\s+(.*?)\s*}", program)
    fields = re.findall(r"\$(\d+|NF)", match.group(1)) if match else ["0"]
    out = []
    for line in _lines(text):
        parts = line.split(separator) if separator not in (None, " ") else line.split()
        picked = []
        for name in fields:
            n = len(parts) if name == "NF" else int(name)
            picked.append(line if n == 0 else parts[n - 1] if 0 < n <= len(parts) else "")
        out.append(" ".join(picked))
    if out:
        io.out("\n".join(out))
    return 0


def _passthrough(sh: FakeShell, args: list[str], io: Streams) -> int:
    """sort, uniq, tr, cut, sed and the like: the text goes through (close enough for bots)."""
    _, names = _opts(args)
    files = [n for n in names if sh.fs.get(absolute(sh.cwd, n)) is not None]
    text = _stdin_or_files(sh, files, io, "sort")
    io.raw(text or "")
    return 0


def _sort(sh: FakeShell, args: list[str], io: Streams) -> int:
    flags, names = _opts(args)
    text = _stdin_or_files(sh, names, io, "sort")
    if text is None:
        return 2
    lines = sorted(set(_lines(text)) if "u" in flags else _lines(text), reverse="r" in flags)
    if lines:
        io.out("\n".join(lines))
    return 0


def _tee(sh: FakeShell, args: list[str], io: Streams) -> int:
    flags, names = _opts(args)
    text = io.stdin or ""
    io.raw(text)
    status = 0
    for name in names:
        problem = sh.open_for_write(absolute(sh.cwd, name), append="a" in flags)
        try:
            if not problem:
                sh.fs.write(absolute(sh.cwd, name), text, append=True, now=sh.now(), owner=sh.user)
        except FsError as e:
            problem = str(e)
        if problem:
            io.err(f"tee: {name}: {problem}")
            status = 1
    return status


def _xargs(sh: FakeShell, args: list[str], io: Streams) -> int:
    words = (io.stdin or "").split()[:64]
    command = [a for a in args if not a.startswith("-")] or ["echo"]
    return sh.dispatch(command + words, sh.depth + 1, Streams(None, io._out, io._err, io.meter))


def _base64(sh: FakeShell, args: list[str], io: Streams) -> int:
    flags, names = _opts(args)
    text = _stdin_or_files(sh, names, io, "base64")
    if text is None:
        return 1
    if "d" in flags:
        try:
            io.raw(base64.b64decode(text.strip() + "==", validate=False).decode("utf-8", "replace"))
        except ValueError:
            io.err("base64: invalid input")
            return 1
        return 0
    io.out(base64.b64encode(text.encode()).decode())
    return 0


def _seq(sh: FakeShell, args: list[str], io: Streams) -> int:
    numbers = [int(a) for a in args if re.fullmatch(r"-?\d{1,9}", a)][:3]
    if not numbers:
        io.err("seq: missing operand")
        return 1
    first, step, last = (1, 1, numbers[0]) if len(numbers) == 1 else (
        (numbers[0], 1, numbers[1]) if len(numbers) == 2 else tuple(numbers))  # fmt: skip
    values = range(first, last + (1 if step > 0 else -1), step or 1)[:10000]
    if values:
        io.out("\n".join(str(v) for v in values))
    return 0


def _chpasswd(sh: FakeShell, args: list[str], io: Streams) -> int:
    if sh.user == "root":
        return 0
    io.err("chpasswd: (user root) pam_chauthtok() failed, error:\nAuthentication token "
           "manipulation error\nchpasswd: (line 1, user root) password not changed")  # fmt: skip
    return 1


def _dd(sh: FakeShell, args: list[str], io: Streams) -> int:
    """``dd if=F bs=N count=M``: the first N*M characters of F, and dd's report."""
    options = dict(a.split("=", 1) for a in args if "=" in a)
    name = options.get("if")
    if name is None:
        text = io.stdin or ""
    else:
        problem, text = _readable(sh, name)
        if problem:
            io.err(f"dd: failed to open '{name}': {problem}")
            return 1
    size = _dd_number(options.get("bs", "512")) * _dd_number(options.get("count", "0"))
    taken = text[:size] if "count" in options else text
    io.raw(taken)
    io.err(f"0+1 records in\n0+1 records out\n{len(taken.encode())} bytes copied, "
           "0.000102 s, 510 kB/s")  # fmt: skip
    return 0


def _dd_number(text: str) -> int:
    match = re.fullmatch(r"(\d{1,9})([kKMG]?)", text)
    if match is None:
        return 0
    return (
        int(match.group(1))
        * {"": 1, "k": 1024, "K": 1024, "M": 1 << 20, "G": 1 << 30}[match.group(2)]
    )


def _loop(word: str) -> Command:
    def control(sh: FakeShell, args: list[str], io: Streams) -> int:
        if sh.loops:  # outside a loop, bash says nothing and does nothing
            sh.loop_control = word
        return 0

    return control


def _read(sh: FakeShell, args: list[str], io: Streams) -> int:
    """``read NAME...``: the next line of the loop's input (``done < file``)."""
    names = [a for a in args if not a.startswith("-")] or ["REPLY"]
    if sh.pending_input is not None:
        if not sh.pending_input or (len(sh.pending_input) == 1 and not sh.pending_input[0]):
            return 1
        line = sh.pending_input.pop(0)
    else:  # from a pipe: bash runs it in a subshell, so the variables do not outlive it
        return 0 if io.stdin else 1
    values = line.split(None, len(names) - 1)
    for index, name in enumerate(names):
        sh.variables[name] = values[index] if index < len(values) else ""
    return 0


def _test(sh: FakeShell, args: list[str], io: Streams) -> int:
    """``test`` and ``[``: the file, string and number tests scripts use."""
    if args and args[-1] == "]":
        args = args[:-1]
    negate = bool(args) and args[0] == "!"
    args = args[1:] if negate else args
    result = _test_result(sh, args)
    if result is None:
        io.err(f"-bash: test: {' '.join(args)[:64]}: unary operator expected")
        return 2
    return 0 if result != negate else 1


def _test_result(sh: FakeShell, args: list[str]) -> bool | None:  # noqa: PLR0911
    if not args:
        return False
    if len(args) == 1:
        return bool(args[0])
    if len(args) == 2:
        op, operand = args
        node = sh.fs.get(absolute(sh.cwd, operand)) if op.startswith("-") else None
        checks = {
            "-e": node is not None,
            "-f": node is not None and node.kind == "f",
            "-d": node is not None and node.kind == "d",
            "-s": node is not None and node.shown_size > 0,
            "-x": node is not None and sh.may(node, 1),
            "-r": node is not None and sh.may(node, 4),
            "-w": node is not None and sh.may(node, 2),
            "-z": operand == "",
            "-n": operand != "",
        }
        return checks.get(op)
    left, op, right = args[0], args[1], args[2]
    if op in ("=", "=="):
        return left == right
    if op == "!=":
        return left != right
    numbers = {"-eq": 0, "-ne": 0, "-lt": 0, "-le": 0, "-gt": 0, "-ge": 0}
    if op in numbers:
        try:
            a, b = int(left), int(right)
        except ValueError:
            return None
        return {"-eq": a == b, "-ne": a != b, "-lt": a < b, "-le": a <= b, "-gt": a > b,
                "-ge": a >= b}[op]  # fmt: skip
    return None


def _history(sh: FakeShell, args: list[str], io: Streams) -> int:
    if "-c" in args:
        sh.history.clear()
        return 0
    if sh.history:
        io.out("\n".join(f"{i + 1:5d}  {h}" for i, h in enumerate(sh.history)))
    return 0


def _say(text: str, status: int = 0) -> Command:
    def answer(sh: FakeShell, args: list[str], io: Streams) -> int:
        io.out(text)
        return status

    return answer


def _show(value: Callable[[FakeShell, list[str]], str]) -> Command:
    def answer(sh: FakeShell, args: list[str], io: Streams) -> int:
        io.out(value(sh, args))
        return 0

    return answer


def _unset(sh: FakeShell, args: list[str], io: Streams) -> int:
    for name in args:
        sh.variables.pop(name, None)
    return 0


def _quiet(status: int = 0) -> Command:
    return lambda sh, args, io: status


def _crontab(sh: FakeShell, args: list[str], io: Streams) -> int:
    if "-l" in args:
        io.err(f"no crontab for {sh.user}")
        return 1
    return 0


BUILTINS: dict[str, Command] = {
    "cd": _cd,
    "pwd": _show(lambda sh, a: sh.cwd),
    "echo": _echo,
    "printf": _printf,
    "export": _quiet(),
    "unset": _unset,
    "set": _quiet(),
    "alias": _quiet(),
    "unalias": _quiet(),
    "shopt": _quiet(),
    "hash": _quiet(),
    "wait": _quiet(),
    "ulimit": _say("unlimited"),
    "umask": _say("0022"),
    "history": _history,
    "exit": _exit,
    "logout": _exit,
    "true": _quiet(),
    ":": _quiet(),
    "false": _quiet(1),
    "type": _type,
    "command": _command,
    "source": _sh,
    ".": _sh,
    "kill": _quiet(),
    "exec": _prefix,
    "time": _prefix,
    "break": _loop("break"),
    "continue": _loop("continue"),
    "test": _test,
    "read": _read,
    "[": _test,
}

COMMANDS: dict[str, Command] = {
    "whoami": _show(lambda sh, a: sh.user),
    "groups": _show(lambda sh, a: "root" if sh.user == "root" else f"{sh.user} users"),
    "id": _id,
    "hostname": _hostname,
    "uname": _uname,
    "uptime": _uptime,
    "w": _w,
    "who": _who,
    "last": _last,
    "date": _date,
    "nproc": _show(lambda sh, a: str(sh.persona.cpus)),
    "arch": _show(lambda sh, a: sh.persona.arch),
    "getconf": _show(lambda sh, a: "64" if "LONG_BIT" in a else ""),
    "cat": _cat,
    "ls": _ls,
    "dir": _ls,
    "free": _free,
    "ps": _ps,
    "wget": _wget,
    "curl": _curl,
    "tftp": _tftp,
    "which": _which,
    "df": _df,
    "ip": _ip,
    "ifconfig": _ifconfig,
    "netstat": _netstat,
    "ss": _ss,
    "lscpu": _lscpu,
    "lsb_release": _lsb_release,
    "env": _env,
    "printenv": _env,
    "crontab": _crontab,
    "top": _top,
    "dmesg": _dmesg,
    "python3": _python,
    "python3.11": _python,
    "perl": _perl,
    "nc": _nc,
    "chmod": _chmod,
    "chown": _chown,
    "chattr": _quiet(),
    "rm": _rm,
    "mkdir": _mkdir,
    "touch": _touch,
    "cp": _cp,
    "mv": _mv,
    "pkill": _quiet(1),
    "killall": _quiet(1),
    "sleep": _quiet(),
    "sync": _quiet(),
    "passwd": _say("passwd: password updated successfully"),
    "sudo": _sudo,
    "su": _su,
    "ssh-keygen": _ssh_keygen,
    "dropbearkey": _dropbearkey,
    "sh": _sh,
    "bash": _sh,
    "dash": _sh,
    "busybox": _busybox,
    "nohup": _prefix,
    "nice": _prefix,
    "timeout": _prefix,
    "grep": _grep,
    "egrep": _grep,
    "fgrep": _grep,
    "wc": _wc,
    "md5sum": _digest("md5"),
    "sha1sum": _digest("sha1"),
    "sha256sum": _digest("sha256"),
    "sha512sum": _digest("sha512"),
    "head": lambda sh, a, io: _head_tail(sh, a, io, tail=False),
    "tail": lambda sh, a, io: _head_tail(sh, a, io, tail=True),
    "awk": _awk,
    "sort": _sort,
    "uniq": _passthrough,
    "tr": _passthrough,
    "cut": _passthrough,
    "sed": _passthrough,
    "tee": _tee,
    "xargs": _xargs,
    "base64": _base64,
    "seq": _seq,
    "chpasswd": _chpasswd,
    "dd": _dd,
}

#: Applets ``busybox NAME`` runs that no Debian 12 package installs as a program of their own.
_APPLETS_ONLY: dict[str, Command] = {"ftpget": _ftpget}

# dpkg, apt, systemctl, service and journalctl: their own module, over one package list.
COMMANDS.update(shell_packages.COMMANDS)
