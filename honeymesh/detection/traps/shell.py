"""The fake shell behind the SSH and Telnet traps: plausible answers, nothing ever executed.

Three sans-IO pieces, used by both traps:

- ``LineEditor`` turns keystrokes into lines the way a terminal in raw mode expects: echo,
  backspace, ^C, ^D, ^U, escape sequences swallowed, a line length cap.
- ``FakeShell`` answers one command line with the output a small Debian server would give
  (``uname -a``, ``cat /proc/cpuinfo | grep name | wc -l``, ``id``, ``ls``, ``wget ...``). It keeps
  a working directory and a history, and knows nothing about sockets, processes or files: every
  answer comes from the persona and a small table of fake files. Downloads always fail.
- ``ShellSession`` joins the two with a prompt, for an interactive session.
"""

# The paths below are a fake file system's names, never opened: S108 does not apply.
# ruff: noqa: S108

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

MAX_LINE = 4096
MAX_HISTORY = 200
MAX_OUTPUT = 16 * 1024
MAX_NESTING = 8  # sudo sudo sh -c "sh -c ..." is answered, up to this depth
_ESC = 0x1B


@dataclass(frozen=True)
class ShellPersona:
    """What the fake machine claims to be."""

    hostname: str
    kernel: str  # uname -r
    os_name: str  # PRETTY_NAME in /etc/os-release
    arch: str = "x86_64"
    cpus: int = 2
    memory_kib: int = 4028532


# --- keystrokes to lines ---------------------------------------------------------------------


@dataclass(frozen=True)
class EditorOutput:
    echo: bytes
    lines: tuple[bytes, ...]
    interrupted: bool = False
    end_of_input: bool = False


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
        return EditorOutput(bytes(echo) if self.echo else b"", tuple(lines), interrupted, end)

    @staticmethod
    def _skip_escape(byte: int) -> int:
        """Where we are in an escape sequence after ``byte``: 0 once it has ended."""
        if byte in (0x5B, 0x4F):  # ESC [ (CSI) or ESC O (SS3)
            return 2
        if 0x40 <= byte <= 0x7E:
            return 0
        return 2 if byte < 0x40 else 0


# --- the shell -------------------------------------------------------------------------------

_SEPARATORS = re.compile(r"\s*(?:&&|\|\||;)\s*")
_NOT_FOUND = "-bash: {name}: command not found"


@dataclass(frozen=True)
class ShellResult:
    output: str
    exit: bool = False
    status: int = 0


class FakeShell:
    """One user's fake shell; ``run`` answers a command line without executing anything."""

    def __init__(self, persona: ShellPersona, user: str, now: Callable[[], float]) -> None:
        self.persona = persona
        self.user = user if _safe_name(user) else "user"
        self.home = "/root" if self.user == "root" else f"/home/{self.user}"
        self.cwd = self.home
        self.history: list[str] = []
        self._now = now
        self._booted = now() - 86400 * 23 - 4711

    def prompt(self) -> str:
        where = "~" if self.cwd == self.home else self.cwd
        sign = "#" if self.user == "root" else "$"
        return f"{self.user}@{self.persona.hostname}:{where}{sign} "

    def motd(self) -> str:
        p = self.persona
        stamp = datetime.fromtimestamp(self._now() - 3600 * 7, UTC).strftime("%a %b %d %H:%M:%S %Y")
        return (
            f"Linux {p.hostname} {p.kernel} #1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 {p.arch}\n\n"
            "The programs included with the Debian GNU/Linux system are free software;\n"
            "the exact distribution terms for each program are described in the\n"
            "individual files in /usr/share/doc/*/copyright.\n\n"
            "Debian GNU/Linux comes with ABSOLUTELY NO WARRANTY, to the extent\n"
            "permitted by applicable law.\n"
            f"Last login: {stamp} from 10.0.3.17\n"
        )

    def run(self, line: str, depth: int = 0) -> ShellResult:
        line = line.strip()
        if not line:
            return ShellResult("")
        if depth == 0 and len(self.history) < MAX_HISTORY:
            self.history.append(line)
        outputs: list[str] = []
        for part in _SEPARATORS.split(line):
            if not part:
                continue
            result = self._pipeline(part, depth)
            if result.output:
                outputs.append(result.output)
            if result.exit:
                return ShellResult("\n".join(outputs), exit=True)
        return ShellResult("\n".join(outputs)[:MAX_OUTPUT])

    def _pipeline(self, text: str, depth: int) -> ShellResult:
        stages = [s.strip() for s in text.split("|")]
        result = self._simple(_strip_redirections(stages[0]), depth)
        out = result.output
        for stage in stages[1:]:
            out = _filter(_words(stage), out)
        return ShellResult(out, result.exit, result.status)

    def _simple(self, text: str, depth: int) -> ShellResult:  # noqa: PLR0911
        if depth > MAX_NESTING:
            return ShellResult("-bash: fork: retry: Resource temporarily unavailable", status=254)
        words = _words(text)
        while words and ("=" in words[0] and not words[0].startswith("=")):
            words = words[1:]  # VAR=value prefixes
        if not words:
            return ShellResult("")
        name, args = words[0].rsplit("/", 1)[-1], words[1:]
        if name in ("sudo", "nohup", "time", "exec"):
            return self._simple(shlex.join(args), depth + 1) if args else ShellResult("")
        if name == "busybox":
            if not args:
                return ShellResult("BusyBox v1.35.0 (Debian 1:1.35.0-4+b3) multi-call binary.")
            if args[0] not in _COMMANDS and args[0] not in self._builtins():
                return ShellResult(f"{args[0]}: applet not found", status=127)
            return self._simple(shlex.join(args), depth + 1)
        if name in ("sh", "bash", "dash") and len(args) >= 2 and args[0] == "-c":
            return self.run(args[1], depth + 1)
        if name in ("exit", "logout", "quit"):
            return ShellResult("logout" if name == "logout" else "", exit=True)
        builtin = self._builtins().get(name)
        if builtin is not None:
            return ShellResult(builtin(args))
        answer = _COMMANDS.get(name)
        if answer is not None:
            return ShellResult(answer(self, args))
        if words[0].startswith(("./", "/")):
            return ShellResult(f"-bash: {words[0]}: Permission denied", status=126)
        return ShellResult(_NOT_FOUND.format(name=name), status=127)

    def _builtins(self) -> dict[str, Callable[[list[str]], str]]:
        return {
            "cd": self._cd,
            "pwd": lambda _: self.cwd,
            "history": lambda _: "\n".join(f"{i + 1:5d}  {h}" for i, h in enumerate(self.history)),
            "echo": _echo,
            "export": lambda _: "",
            "unset": lambda _: "",
            "set": lambda _: "",
            "alias": lambda _: "",
            "ulimit": lambda _: "unlimited",
            "whoami": lambda _: self.user,
            "id": lambda _: self._id(),
            "hostname": lambda _: self.persona.hostname,
            "uname": self._uname,
            "uptime": lambda _: self._uptime(),
            "w": lambda _: self._uptime() + _W_HEADER + f"\n{self.user:<9}pts/0    10.0.3.17",
            "date": lambda _: datetime.fromtimestamp(self._now(), UTC).strftime(
                "%a %b %d %H:%M:%S UTC %Y"
            ),
            "nproc": lambda _: str(self.persona.cpus),
            "cat": self._cat,
            "ls": self._ls,
            "free": lambda _: self._free(),
        }

    def _cd(self, args: list[str]) -> str:
        target = args[0] if args else self.home
        path = _resolve(self.cwd, target.replace("~", self.home, 1))
        if path in _DIRECTORIES or path == self.home:
            self.cwd = path
            return ""
        return f"-bash: cd: {target}: No such file or directory"

    def _id(self) -> str:
        if self.user == "root":
            return "uid=0(root) gid=0(root) groups=0(root)"
        return f"uid=1000({self.user}) gid=1000({self.user}) groups=1000({self.user}),27(sudo)"

    def _uname(self, args: list[str]) -> str:
        p = self.persona
        fields = {
            "s": "Linux",
            "n": p.hostname,
            "r": p.kernel,
            "v": "#1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22)",
            "m": p.arch,
            "p": "unknown",
            "i": "unknown",
            "o": "GNU/Linux",
        }
        flags = "".join(a.lstrip("-") for a in args if a.startswith("-"))
        if "a" in flags or "-all" in args:
            return " ".join(fields[k] for k in "snrvmo")
        chosen = [fields[k] for k in "snrvmpio" if k in flags]
        return " ".join(chosen) if chosen else "Linux"

    def _uptime(self) -> str:
        up = max(0, int(self._now() - self._booted))
        clock = datetime.fromtimestamp(self._now(), UTC).strftime("%H:%M:%S")
        return (
            f" {clock} up {up // 86400} days, {up % 86400 // 3600}:{up % 3600 // 60:02d},  "
            "1 user,  load average: 0.08, 0.03, 0.01"
        )

    def _free(self) -> str:
        total = self.persona.memory_kib
        used, free = total * 31 // 100, total * 42 // 100
        return (
            "               total        used        free      shared  buff/cache   available\n"
            f"Mem:       {total:9d}   {used:9d}   {free:9d}        1204   {total - used - free:9d}"
            f"   {total - used:9d}\n"
            "Swap:        1003516           0     1003516"
        )

    def _cat(self, args: list[str]) -> str:
        out = []
        for arg in (a for a in args if not a.startswith("-")):
            path = _resolve(self.cwd, arg)
            content = self._file(path)
            if content is not None:
                out.append(content.rstrip("\n"))
            elif path in _DIRECTORIES:
                out.append(f"cat: {arg}: Is a directory")
            else:
                out.append(f"cat: {arg}: No such file or directory")
        return "\n".join(out)

    def _file(self, path: str) -> str | None:
        p = self.persona
        dynamic = {
            "/etc/hostname": p.hostname,
            "/proc/version": f"Linux version {p.kernel} (debian-kernel@lists.debian.org) "
            "(gcc-12 (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) "
            "#1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22)",
            "/etc/os-release": f'PRETTY_NAME="{p.os_name}"\nNAME="Debian GNU/Linux"\n'
            'VERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\n'
            'HOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\n'
            'BUG_REPORT_URL="https://bugs.debian.org/"',
            "/proc/cpuinfo": "\n\n".join(_cpu(i) for i in range(p.cpus)),
            "/proc/meminfo": f"MemTotal:       {p.memory_kib} kB\n"
            f"MemFree:        {p.memory_kib * 42 // 100} kB\n"
            f"MemAvailable:   {p.memory_kib * 69 // 100} kB",
        }
        return dynamic.get(path, _FILES.get(path))

    def _ls(self, args: list[str]) -> str:
        targets = [a for a in args if not a.startswith("-")] or [self.cwd]
        long = any(a.startswith("-") and "l" in a for a in args)
        out = []
        for target in targets:
            path = _resolve(self.cwd, target)
            names = _DIRECTORIES.get(path, () if path == self.home else None)
            if names is None:
                if self._file(path) is not None:
                    out.append(target)
                    continue
                out.append(f"ls: cannot access '{target}': No such file or directory")
                continue
            if long:
                out.append(f"total {4 * len(names)}")
                out.extend(f"drwxr-xr-x 2 root root 4096 Nov 22 09:14 {n}" for n in names)
            else:
                out.append("  ".join(names))
        return "\n".join(out)


def _safe_name(user: str) -> bool:
    return 0 < len(user) <= 32 and all(c.isalnum() or c in "._-" for c in user)


def _words(text: str) -> list[str]:
    try:
        return shlex.split(text)
    except ValueError:  # an unbalanced quote: bash would wait for more, we answer what we can
        return text.split()


def _strip_redirections(text: str) -> str:
    return re.sub(r"\s*\d?>>?\s*&?\S+|\s*<\s*\S+", "", text)


def _resolve(cwd: str, path: str) -> str:
    parts = [] if path.startswith("/") else cwd.strip("/").split("/")
    for piece in path.split("/"):
        if piece in ("", "."):
            continue
        if piece == "..":
            if parts:
                parts.pop()
        else:
            parts.append(piece)
    return "/" + "/".join(p for p in parts if p)


def _echo(args: list[str]) -> str:
    escapes = False
    newline = True
    while args and args[0] in ("-e", "-n", "-ne", "-en", "-E"):
        escapes = escapes or "e" in args[0]
        newline = newline and "n" not in args[0]
        args = args[1:]
    text = " ".join(args)
    if escapes:
        text = re.sub(r"\\x([0-9a-fA-F]{1,2})", lambda m: chr(int(m.group(1), 16)), text)
        text = text.replace("\\n", "\n").replace("\\t", "\t")
    return text


def _filter(words: list[str], text: str) -> str:  # noqa: PLR0911
    """The few filters recon scripts pipe into: grep, wc -l, head, tail, awk '{print $N}'."""
    if not words:
        return text
    lines = text.split("\n") if text else []
    name, args = words[0], words[1:]
    if name == "grep" and args:
        pattern = next((a for a in args if not a.startswith("-")), "")
        invert = "-v" in args
        matched = [ln for ln in lines if (pattern.lower() in ln.lower()) != invert]
        return str(len(matched)) if "-c" in args else "\n".join(matched)
    if name == "wc":
        return str(len(lines)) if "-l" in args else f"{len(lines)} {len(text.split())} {len(text)}"
    if name in ("head", "tail"):
        count = 10
        for a in args:
            if a.lstrip("-n").isdigit():
                count = int(a.lstrip("-n"))
        return "\n".join(lines[:count] if name == "head" else lines[-count:] if count else [])
    if name == "awk" and args:
        m = re.search(r"print \$(\d+)", args[-1])
        if m:
            n = int(m.group(1))
            return "\n".join(ln.split()[n - 1] if 0 < n <= len(ln.split()) else "" for ln in lines)
    if name in ("sort", "uniq", "cat", "tr", "cut", "sed", "xargs"):
        return text
    return _NOT_FOUND.format(name=name)


def _cpu(index: int) -> str:
    return (
        f"processor\t: {index}\nvendor_id\t: GenuineIntel\ncpu family\t: 6\nmodel\t\t: 85\n"
        "model name\t: Intel(R) Xeon(R) Gold 6148 CPU @ 2.40GHz\nstepping\t: 4\n"
        "cpu MHz\t\t: 2394.374\ncache size\t: 28160 KB\nflags\t\t: fpu vme de pse tsc msr pae "
        "mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ss syscall nx "
        "pdpe1gb rdtscp lm constant_tsc rep_good nopl xtopology cpuid pni pclmulqdq ssse3 fma "
        "cx16 pcid sse4_1 sse4_2 x2apic movbe popcnt aes xsave avx f16c rdrand hypervisor "
        "lahf_lm abm 3dnowprefetch avx2 avx512f\nbogomips\t: 4788.74"
    )


_W_HEADER = "\nUSER     TTY      FROM             LOGIN@   IDLE   JCPU   PCPU WHAT"

_DIRECTORIES: dict[str, tuple[str, ...]] = {
    "/": (
        "bin",
        "boot",
        "dev",
        "etc",
        "home",
        "lib",
        "lib64",
        "media",
        "mnt",
        "opt",
        "proc",
        "root",
        "run",
        "sbin",
        "srv",
        "sys",
        "tmp",
        "usr",
        "var",
    ),
    "/root": (),
    "/home": (),
    "/tmp": (),
    "/var": (
        "backups",
        "cache",
        "lib",
        "local",
        "lock",
        "log",
        "mail",
        "opt",
        "run",
        "spool",
        "tmp",
    ),
    "/var/tmp": (),
    "/var/log": ("apt", "auth.log", "btmp", "dpkg.log", "journal", "lastlog", "syslog", "wtmp"),
    "/etc": (
        "apt",
        "cron.d",
        "crontab",
        "debian_version",
        "hostname",
        "hosts",
        "issue",
        "os-release",
        "passwd",
        "group",
        "shadow",
        "ssh",
        "systemd",
    ),
    "/usr": ("bin", "games", "include", "lib", "local", "sbin", "share", "src"),
    "/dev": ("null", "shm", "tty", "urandom", "zero"),
    "/dev/shm": (),
    "/proc": ("cpuinfo", "meminfo", "version", "self"),
    "/opt": (),
    "/mnt": (),
}

_FILES: dict[str, str] = {
    "/etc/passwd": "root:x:0:0:root:/root:/bin/bash\n"
    "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\n"
    "sys:x:3:3:sys:/dev:/usr/sbin/nologin\nsync:x:4:65534:sync:/bin:/bin/sync\n"
    "www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\n"
    "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n"
    "systemd-network:x:998:998:systemd Network Management:/:/usr/sbin/nologin\n"
    "sshd:x:100:65534::/run/sshd:/usr/sbin/nologin\n"
    "admin:x:1000:1000:admin,,,:/home/admin:/bin/bash",
    "/etc/group": "root:x:0:\nsudo:x:27:admin\nwww-data:x:33:\nadmin:x:1000:",
    "/etc/shadow": "root:$y$j9T$Fq1c0uXAbGv4v0Q3yZfkD.$4mSxUq8tdTVo6O2Hb1QkNw0KZb6d0w8lwmzW8XGlpH/"
    ":19683:0:99999:7:::\ndaemon:*:19683:0:99999:7:::\nadmin:$y$j9T$Rk2p7Zy0m0Jw1kXv8nq3s/"
    "$0G1Uo8r1uUj9yTq4bXGp2Vw6qvS9uK3mH7Qx2dF5aC4:19683:0:99999:7:::",
    "/etc/issue": "Debian GNU/Linux 12 \\n \\l",
    "/etc/debian_version": "12.8",
    "/etc/hosts": "127.0.0.1\tlocalhost\n::1\t\tlocalhost ip6-localhost ip6-loopback",
    "/etc/crontab": "SHELL=/bin/sh\n"
    "PATH=/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin\n"
    "17 *\t* * *\troot\tcd / && run-parts --report /etc/cron.hourly",
}


def _ps(shell: FakeShell, args: list[str]) -> str:
    return (
        "USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n"
        "root           1  0.0  0.2 168148 11876 ?        Ss   Nov02   0:41 /sbin/init\n"
        "root         412  0.0  0.3  48232 15020 ?        Ss   Nov02   0:12 "
        "/lib/systemd/systemd-journald\n"
        "root         611  0.0  0.1  15432  9080 ?        Ss   Nov02   0:00 "
        "sshd: /usr/sbin/sshd -D\n"
        "root         640  0.0  0.0   6612  2664 ?        Ss   Nov02   0:03 /usr/sbin/cron -f\n"
        "www-data    1187  0.0  0.4 211512 18212 ?        S    Nov02   0:09 "
        "/usr/sbin/apache2 -k start\n"
        f"{shell.user:<12} 24112  0.0  0.1   8888  5400 pts/0    Ss   09:14   0:00 -bash\n"
        f"{shell.user:<12} 24170  0.0  0.0  11084  4500 pts/0    R+   09:15   0:00 "
        f"ps {' '.join(args)}"
    )


def _download(shell: FakeShell, args: list[str]) -> str:
    urls = [a for a in args if "://" in a or re.match(r"^[\w.-]+\.[a-z]{2,}(/|$)", a)]
    host = urls[0].split("://", 1)[-1].split("/", 1)[0] if urls else "localhost"
    return (
        f"Resolving {host}... failed: Temporary failure in name resolution.\n"
        f"wget: unable to resolve host address '{host}'"
    )


def _curl(shell: FakeShell, args: list[str]) -> str:
    urls = [a for a in args if "://" in a]
    host = urls[0].split("://", 1)[-1].split("/", 1)[0] if urls else "localhost"
    return f"curl: (6) Could not resolve host: {host}"


def _which(shell: FakeShell, args: list[str]) -> str:
    known = {"wget", "curl", "python3", "perl", "bash", "sh", "busybox", "nc", "tftp", "ftpget"}
    return "\n".join(f"/usr/bin/{a}" for a in args if a in known)


def _df(shell: FakeShell, args: list[str]) -> str:
    return (
        "Filesystem      Size  Used Avail Use% Mounted on\n"
        "udev            1.9G     0  1.9G   0% /dev\n"
        "tmpfs           394M  1.1M  393M   1% /run\n/dev/sda1        39G  6.2G   31G  17% /\n"
        "tmpfs           2.0G     0  2.0G   0% /dev/shm"
    )


def _ip(shell: FakeShell, args: list[str]) -> str:
    if args and args[0].startswith("r"):
        return (
            "default via 10.0.3.1 dev eth0 onlink \n"
            "10.0.3.0/24 dev eth0 proto kernel scope link src 10.0.3.24"
        )
    return (
        "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default "
        "qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n"
        "    inet 127.0.0.1/8 scope host lo\n"
        "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group "
        "default qlen 1000\n"
        "    link/ether 52:54:00:3a:91:0c brd ff:ff:ff:ff:ff:ff\n"
        "    inet 10.0.3.24/24 brd 10.0.3.255 scope global eth0"
    )


def _silent(shell: FakeShell, args: list[str]) -> str:
    return ""


_COMMANDS: dict[str, Callable[[FakeShell, list[str]], str]] = {
    "ps": _ps,
    "wget": _download,
    "tftp": lambda s, a: "tftp: timeout",
    "ftpget": lambda s, a: "ftpget: can't connect to remote host: Connection timed out",
    "curl": _curl,
    "which": _which,
    "df": _df,
    "ip": _ip,
    "ifconfig": lambda s, a: _ip(s, []),
    "lscpu": lambda s, a: (
        f"Architecture:            {s.persona.arch}\nCPU(s):                  "
        f"{s.persona.cpus}\nModel name:              Intel(R) Xeon(R) Gold 6148 CPU @ 2.40GHz"
    ),
    "lsb_release": lambda s, a: (
        f"Distributor ID:\tDebian\nDescription:\t{s.persona.os_name}\n"
        "Release:\t12\nCodename:\tbookworm"
    ),
    "env": lambda s, a: (
        f"SHELL=/bin/bash\nPWD={s.cwd}\nLOGNAME={s.user}\nHOME={s.home}\n"
        "LANG=C.UTF-8\nTERM=xterm\nUSER=" + s.user + "\nPATH=/usr/local/sbin:/usr/local/bin:"
        "/usr/sbin:/usr/bin:/sbin:/bin"
    ),
    "netstat": lambda s, a: (
        "Active Internet connections (servers and established)\n"
        "Proto Recv-Q Send-Q Local Address           Foreign Address         State\n"
        "tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN"
    ),
    "last": lambda s, a: (
        "root     pts/0        10.0.3.17        Fri Nov 22 09:14   still logged in"
    ),
    "crontab": lambda s, a: "no crontab for " + s.user if "-l" in a else "",
    "top": lambda s, a: "top - " + s._uptime().strip() + "\nTasks:  94 total,   1 running",
    "dmesg": lambda s, a: "dmesg: read kernel buffer failed: Operation not permitted",
    "python": lambda s, a: "",
    "python3": lambda s, a: "",
    "perl": lambda s, a: "",
    "nc": lambda s, a: "",
    "chmod": _silent,
    "chown": _silent,
    "chattr": _silent,
    "rm": _silent,
    "mkdir": _silent,
    "touch": _silent,
    "cp": _silent,
    "mv": _silent,
    "kill": _silent,
    "pkill": _silent,
    "killall": _silent,
    "sleep": _silent,
    "sync": _silent,
    "true": _silent,
    "passwd": lambda s, a: "passwd: password updated successfully",
}


# --- an interactive session ------------------------------------------------------------------


@dataclass(frozen=True)
class ShellOutput:
    reply: bytes
    commands: tuple[str, ...]
    exit: bool = False


class ShellSession:
    """Keystrokes in; echo, answers and prompts out; the command lines seen, for the record."""

    def __init__(self, shell: FakeShell, *, echo: bool, newline: bytes = b"\r\n") -> None:
        self.shell = shell
        self.editor = LineEditor(echo=echo)
        self._newline = newline

    def start(self) -> bytes:
        return self._text(self.shell.motd()) + self._text(self.shell.prompt(), end=False)

    def feed(self, data: bytes) -> ShellOutput:
        edited = self.editor.feed(data)
        out = bytearray(edited.echo)
        commands: list[str] = []
        for raw in edited.lines:
            line = raw.decode("utf-8", "backslashreplace")
            if line.strip():
                commands.append(line)
            result = self.shell.run(line)
            if result.output:
                out += self._text(result.output)
            if result.exit:
                return ShellOutput(bytes(out), tuple(commands), exit=True)
            out += self._text(self.shell.prompt(), end=False)
        if edited.interrupted and not edited.lines:
            out += self._text(self.shell.prompt(), end=False)
        if edited.end_of_input:
            out += self._text("logout")
            return ShellOutput(bytes(out), tuple(commands), exit=True)
        return ShellOutput(bytes(out), tuple(commands))

    def _text(self, text: str, *, end: bool = True) -> bytes:
        parts = text.split("\n")
        joined = self._newline.join(part.encode("utf-8", "replace") for part in parts)
        return joined + (self._newline if end else b"")
