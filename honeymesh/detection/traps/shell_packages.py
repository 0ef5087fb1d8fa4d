"""The fake shell's package and service managers: dpkg, apt, systemctl, service, journalctl.

A Debian 12 box answers these, and a shell that says "command not found" to ``dpkg -l`` or
``systemctl status`` is a honeypot. They read one package list (``debian_packages``) and one
process table (the facts' pids, as ``ps`` shows them), so what ``dpkg -S``, ``systemctl
status dropbear`` and ``ps`` say agrees. Formats are measured: dpkg 1.21.22 and apt 2.6.1 on
Debian 12, systemd 252.39 booted under ``systemd-nspawn --boot`` with Debian's dropbear.
Nothing is installed or fetched: an install or update fails as an egress without name
resolution makes it fail, and its URLs are recorded as download intents; a start or stop as
root succeeds silently and is remembered for the session alone.
"""

from __future__ import annotations

import fnmatch
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from honeymesh.detection.traps import debian_packages as deb
from honeymesh.detection.traps.facts import stamp

if TYPE_CHECKING:
    from collections.abc import Callable

    from honeymesh.detection.traps.shell import FakeShell
    from honeymesh.detection.traps.shell_commands import Streams

_LOCK = (
    "E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\n"
    "E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?"
)
_LISTS_LOCK = (
    "E: Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)\n"
    "E: Unable to lock directory /var/lib/apt/lists/"
)
_SOURCES = (
    ("http://deb.debian.org/debian", "bookworm"),
    ("http://deb.debian.org/debian", "bookworm-updates"),
    ("http://deb.debian.org/debian-security", "bookworm-security"),
)
_RESOLVE = "Temporary failure resolving 'deb.debian.org'"
MAX_URLS = 64  # archive URLs one install records (the shell keeps at most its own number)


def _dpkg(sh: FakeShell, args: list[str], io: Streams) -> int:  # noqa: PLR0911
    if not args:
        io.err("dpkg: error: need an action option\n\nType dpkg --help for help about "
               "installing and deinstalling packages [*];\nUse 'apt' or 'aptitude' for "
               "user-friendly package management;\nType dpkg -Dhelp for a list of dpkg debug "
               "flag values;\nType dpkg --force-help for a list of forcing options;\nType "
               "dpkg-deb --help for help about manipulating *.deb files;\n\nOptions marked [*] "
               "produce a lot of output - pipe it through 'less' or 'more' !")  # fmt: skip
        return 2
    action, rest = args[0], args[1:]
    if action in ("--version",):
        io.raw(deb.DPKG_VERSION)
        return 0
    if action in ("-l", "--list"):
        return _list(rest, io)
    if action in ("-s", "--status"):
        return _status(rest, io)
    if action in ("-L", "--listfiles"):
        return _listfiles(rest, io)
    if action in ("-S", "--search"):
        return _search(rest, io)
    if action in ("-W", "--show"):
        return _query_show(rest, io)
    if action in ("--get-selections",):
        io.raw("".join(f"{p.shown_name:<48}install\n" for p in deb.packages().values()))
        return 0
    if action in ("--print-architecture",):
        io.out("amd64")
        return 0
    if action in ("-i", "--install", "-r", "--remove", "-P", "--purge", "--configure"):
        if sh.user != "root":
            io.err("dpkg: error: requested operation requires superuser privilege")
            return 2
        io.err(f"dpkg: error: cannot access archive '{rest[0] if rest else ''}': "
               "No such file or directory")  # fmt: skip
        return 2
    io.err(f"dpkg: error: unknown option {action}\n\nType dpkg --help for help about "
           "installing and deinstalling packages [*];\nUse 'apt' or 'aptitude' for "
           "user-friendly package management;")  # fmt: skip
    return 2


def _list(patterns: list[str], io: Streams) -> int:
    table, missing = deb.dpkg_list(patterns)
    io.raw(table)
    for pattern in missing:
        io.err(f"dpkg-query: no packages found matching {pattern}")
    return 1 if missing else 0


def _status(names: list[str], io: Streams) -> int:
    if not names:
        io.err("dpkg-query: error: --status needs at least one package name argument\n\n"
               "Use --help for help about querying packages.")  # fmt: skip
        return 2
    status = 0
    shown = []
    for name in names:
        package = deb.find(name)
        if package is None:
            io.err(f"dpkg-query: package '{name}' is not installed and no information is "
                   "available\nUse dpkg --info (= dpkg-deb --info) to examine archive "
                   "files.")  # fmt: skip
            status = 1
        else:
            shown.append(package.stanza + "\n")
    io.raw("\n".join(shown))
    return status


def _listfiles(names: list[str], io: Streams) -> int:
    status = 0
    for index, name in enumerate(names):
        package = deb.find(name)
        if package is None:
            io.err(f"dpkg-query: package '{name}' is not installed\nUse dpkg --contents "
                   "(= dpkg-deb --contents) to list archive files contents.")  # fmt: skip
            status = 1
            continue
        io.raw(("\n" if index else "") + "".join(f"{p}\n" for p in package.files))
    return status


def _search(patterns: list[str], io: Streams) -> int:
    status = 0
    for pattern in patterns:
        hits = deb.owners(pattern)
        if not hits:
            io.err(f"dpkg-query: no path found matching pattern {pattern}")
            status = 1
        io.raw("".join(f"{', '.join(names)}: {path}\n" for path, names in hits))
    return status


def _query_show(patterns: list[str], io: Streams) -> int:
    lines, missing = deb.query_show([p for p in patterns if not p.startswith("-")])
    io.raw(lines)
    for pattern in missing:
        io.err(f"dpkg-query: no packages found matching {pattern}")
    return 1 if missing else 0


def _dpkg_query(sh: FakeShell, args: list[str], io: Streams) -> int:
    if args and args[0] == "--version":
        io.raw(deb.DPKG_VERSION.replace("'dpkg' package management", "dpkg-query package "
                                        "management"))  # fmt: skip
        return 0
    return _dpkg(sh, args, io)


# --- apt -------------------------------------------------------------------------------------


def _apt(sh: FakeShell, args: list[str], io: Streams, tool: str) -> int:  # noqa: PLR0911
    words = [a for a in args if not a.startswith("-")]
    action = words[0] if words else ""
    names = words[1:]
    if "--version" in args or ("-v" in args and not action):
        io.raw(deb.APT_VERSION)
        return 0
    if not action:
        io.out(f"{deb.APT_VERSION.strip()}\nUsage: {tool} [options] command")
        return 1
    if action == "list":
        return _apt_list(args, names, io)
    if action == "show":
        return _apt_show(names, io)
    if action == "policy":
        return _apt_policy(names, io)
    if action in ("search", "depends", "rdepends", "showpkg"):
        return 0
    if action in ("update", "upgrade", "install", "remove", "purge", "full-upgrade",
                  "dist-upgrade", "autoremove", "reinstall"):  # fmt: skip
        if sh.user != "root":
            io.err(_LISTS_LOCK if action == "update" else _LOCK)
            return 100
        if action == "update":
            return _update(sh, io)
        return _install(sh, action, names, io, tool)
    io.err(f"E: Invalid operation {action}")
    return 100


def _apt_list(args: list[str], names: list[str], io: Streams) -> int:
    io.out("Listing...")
    for p in deb.packages().values():
        if names and not any(fnmatch.fnmatchcase(p.name, n) for n in names):
            continue
        io.out(f"{p.name}/oldstable,now {p.version} {p.arch} [installed]")
    return 0


def _apt_show(names: list[str], io: Streams) -> int:
    status = 0
    for name in names:
        package = deb.find(name)
        if package is None:
            io.err(f"N: Unable to locate package {name}\nE: No packages found")
            status = 100
        else:
            io.raw(deb.apt_show(package))
    return status


def _apt_policy(names: list[str], io: Streams) -> int:
    for name in names:
        package = deb.find(name)
        if package is not None:
            io.raw(deb.apt_policy(package))
    return 0


def _update(sh: FakeShell, io: Streams) -> int:
    for index, (url, suite) in enumerate(_SOURCES, 1):
        io.out(f"Err:{index} {url} {suite} InRelease\n  {_RESOLVE}")
        sh.note_download(f"{url}/dists/{suite}/InRelease")
    io.out("Reading package lists... Done")
    for url, suite in _SOURCES:
        io.err(f"W: Failed to fetch {url}/dists/{suite}/InRelease  {_RESOLVE}")
    io.err("W: Some index files failed to download. They have been ignored, or old ones used "
           "instead.")  # fmt: skip
    return 0


def _install(sh: FakeShell, action: str, names: list[str], io: Streams, tool: str) -> int:
    """An install resolves as apt did on a Debian 12 root with this very package list, then
    fails at the first download; the archives' URLs are the intents recorded."""
    head = ("Reading package lists... Done\nBuilding dependency tree... Done\n"
            "Reading state information... Done")  # fmt: skip
    wanted = [n for n in names if deb.find(n) is None]
    if action == "install" and wanted:
        answer = deb.install_answer(wanted[0])
        if answer is None:
            io.out(head)
            io.err(f"E: Unable to locate package {wanted[0]}")
            return 100
        out, err, status = answer
        io.raw(out)
        for line in err.splitlines()[:MAX_URLS]:
            if line.startswith("E: Failed to fetch "):
                sh.note_download(line.removeprefix("E: Failed to fetch ").split()[0])
        io.err(err)
        return status
    io.out(head)
    for name in names:
        package = deb.find(name)
        if package is not None and action in ("install", "reinstall"):
            io.out(f"{package.name} is already the newest version ({package.version}).")
    if action in ("remove", "purge") and wanted:
        io.out(f"Package '{wanted[0]}' is not installed, so not removed")
    if "upgrade" in action:
        io.out("Calculating upgrade... Done")
    io.out("0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.")
    return 0


# --- systemd ---------------------------------------------------------------------------------

#: (unit, the ps row's service name or "" for a finished oneshot, description, docs, command)
UNITS = (
    ("apache2.service", "apache2", "The Apache HTTP Server", "https://httpd.apache.org/docs/2.4/",
     "/usr/sbin/apache2 -k start"),
    ("cron.service", "cron", "Regular background program processing daemon", "man:cron(8)",
     "/usr/sbin/cron -f"),
    ("dbus.service", "dbus-daemon", "D-Bus System Message Bus", "man:dbus-daemon(1)",
     "/usr/bin/dbus-daemon --system --address=systemd: --nofork --nopidfile"),
    ("dropbear.service", "sshd", "Lightweight SSH server", "man:dropbear(8)", ""),
    ("getty@tty1.service", "agetty", "Getty on tty1", "man:agetty(8)",
     "/sbin/agetty -o -p -- \\u --noclear - linux"),
    ("redis-server.service", "redis-server", "Advanced key-value store",
     "http://redis.io/documentation", "/usr/bin/redis-server 127.0.0.1:6379"),
    ("rsyslog.service", "rsyslogd", "System Logging Service", "man:rsyslogd(8)",
     "/usr/sbin/rsyslogd -n -iNONE"),
    ("systemd-journal-flush.service", "", "Flush Journal to Persistent Storage", "", ""),
    ("systemd-journald.service", "systemd-journald", "Journal Service", "man:systemd-journald"
     ".service(8)", "/lib/systemd/systemd-journald"),
    ("systemd-logind.service", "systemd-logind", "User Login Management",
     "man:sd-login(3)", "/lib/systemd/systemd-logind"),
    ("systemd-remount-fs.service", "", "Remount Root and Kernel File Systems", "", ""),
    ("systemd-sysctl.service", "", "Apply Kernel Variables", "", ""),
    ("systemd-sysusers.service", "", "Create System Users", "", ""),
    ("systemd-timesyncd.service", "systemd-timesyncd", "Network Time Synchronization",
     "man:systemd-timesyncd.service(8)", "/lib/systemd/systemd-timesyncd"),
    ("systemd-tmpfiles-setup-dev.service", "", "Create Static Device Nodes in /dev", "", ""),
    ("systemd-tmpfiles-setup.service", "", "Create System Files and Directories", "", ""),
    ("systemd-udevd.service", "systemd-udevd", "Rule-based Manager for Device Events and Files",
     "man:systemd-udevd.service(8)", "/lib/systemd/systemd-udevd"),
    ("systemd-update-utmp.service", "", "Record System Boot/Shutdown in UTMP", "", ""),
    ("systemd-user-sessions.service", "", "Permit User Sessions", "", ""),
)  # fmt: skip
_BY_NAME = {u[0]: u for u in UNITS}
_MAX_STOPPED = 32  # units one session may stop (remembered for it alone)


def _unit_name(name: str) -> str:
    return name if "." in name else name + ".service"


#: Units each session stopped, remembered for that session alone (gone with its shell).
_STOPPED: WeakKeyDictionary[FakeShell, list[str]] = WeakKeyDictionary()


def _active(sh: FakeShell, unit: str) -> bool:
    return unit in _BY_NAME and unit not in _STOPPED.get(sh, [])


def _remember(sh: FakeShell, unit: str, *, stopped: bool) -> None:
    now = [u for u in _STOPPED.get(sh, []) if u != unit] + ([unit] if stopped else [])
    _STOPPED[sh] = now[-_MAX_STOPPED:]


def _systemctl(sh: FakeShell, args: list[str], io: Streams) -> int:  # noqa: PLR0911, PLR0912
    words = [a for a in args if not a.startswith("-")]
    if "--version" in args:
        io.out("systemd 252 (252.39-1~deb12u2)\n+PAM +AUDIT +SELINUX +APPARMOR +IMA +SMACK "
               "+SECCOMP +GCRYPT -GNUTLS +OPENSSL +ACL +BLKID +CURL +ELFUTILS +FIDO2 +IDN2 -IDN "
               "+IPTC +KMOD +LIBCRYPTSETUP +LIBFDISK +PCRE2 -PWQUALITY +P11KIT +QRENCODE +TPM2 "
               "+BZIP2 +LZ4 +XZ +ZLIB +ZSTD -BPF_FRAMEWORK -XKBCOMMON +UTMP +SYSVINIT "
               "default-hierarchy=unified")  # fmt: skip
        return 0
    action = words[0] if words else "list-units"
    units = [_unit_name(w) for w in words[1:]]
    if action == "list-units":
        return _list_units(sh, io)
    if action == "status":
        if not units:
            return _system_status(sh, io)
        return _status_units(sh, units, io)
    if action in ("is-active", "is-enabled", "is-failed"):
        status = 3 if action != "is-failed" else 1
        for unit in units:
            known = unit in _BY_NAME
            if action == "is-active":
                io.out("active" if _active(sh, unit) else "inactive")
                status = 0 if _active(sh, unit) and status == 3 else status
            elif action == "is-enabled":
                io.out("enabled" if known else "not-found")
                status = 0 if known else 4
            else:
                io.out("active" if _active(sh, unit) else "inactive")
        return status
    if action in ("start", "stop", "restart", "reload", "enable", "disable", "mask", "unmask",
                  "try-restart", "reload-or-restart", "daemon-reload", "kill"):  # fmt: skip
        for unit in units or ([""] if action != "daemon-reload" else []):
            if sh.user != "root":
                verb = action.split("-")[0] if action != "daemon-reload" else "reload daemon"
                io.err(f"Failed to {verb} {unit}: Access denied\n"
                       f"See system logs and 'systemctl status {unit}' for details.")  # fmt: skip
                return 4
            if unit not in _BY_NAME:
                io.err(f"Failed to {action} {unit}: Unit {unit} not found.")
                return 5
            if action in ("stop", "kill"):
                _remember(sh, unit, stopped=True)
            elif action in ("start", "restart", "try-restart", "reload-or-restart"):
                _remember(sh, unit, stopped=False)
        if sh.user != "root":
            io.err("Failed to reload daemon: Access denied")
            return 1
        return 0
    io.err(f"Unknown command verb {action}.")
    return 1


def _list_units(sh: FakeShell, io: Streams) -> int:
    rows = []
    for unit, service, description, _, _ in UNITS:
        running = _active(sh, unit)
        sub = ("running" if service else "exited") if running else "dead"
        rows.append((unit, "loaded", "active" if running else "inactive", sub, description))
    shown = [r for r in rows if r[2] == "active"]
    width = max(len(r[0]) for r in shown)
    active = max(6, *(len(r[2]) for r in shown))
    io.out(f"  {'UNIT':<{width}} LOAD   {'ACTIVE':<{active}} SUB     DESCRIPTION")
    for unit, load, state, sub, description in shown:
        io.out(f"  {unit:<{width}} {load} {state:<{active}} {sub:<7} {description}")
    io.out("\nLOAD   = Reflects whether the unit definition was properly loaded.\n"
           "ACTIVE = The high-level unit activation state, i.e. generalization of SUB.\n"
           "SUB    = The low-level unit activation state, values depend on unit type.\n\n"
           f"{len(shown)} loaded units listed. Pass --all to see loaded but inactive units, "
           "too.\nTo show all installed unit files use 'systemctl list-unit-files'.")  # fmt: skip
    return 0


def _since(sh: FakeShell, unit: str) -> float:
    return sh.facts.moment(f"unit/{unit}", sh.facts.boot_time + 2, sh.facts.boot_time + 9)


def _ago(seconds: float) -> str:
    """systemd's timespan, two biggest units: ``3 weeks 2 days``, ``5h 3min``, ``40s``."""
    left = int(seconds)
    parts: list[str] = []
    for size, unit in ((31557600, "years"), (2629800, "months"), (604800, "weeks"),
                       (86400, "days"), (3600, "h"), (60, "min"), (1, "s")):  # fmt: skip
        if left >= size and len(parts) < 2:
            count = left // size
            left %= size
            name = unit
            if unit in ("years", "months", "weeks", "days") and count == 1:
                name = unit[:-1]
            parts.append(f"{count}{name}" if unit in ("h", "min", "s") else f"{count} {name}")
    return " ".join(parts) or "0s"


def _status_units(sh: FakeShell, units: list[str], io: Streams) -> int:
    status = 0
    for index, unit in enumerate(units):
        spec = _BY_NAME.get(unit)
        if spec is None:
            io.err(f"Unit {unit} could not be found.")
            status = 4
            continue
        io.raw("\n" if index else "")
        io.raw(_status_text(sh, spec))
        if not _active(sh, unit):
            status = 3
    return status


def _status_text(sh: FakeShell, spec: tuple[str, str, str, str, str]) -> str:
    unit, service, description, docs, command = spec
    f = sh.facts
    running = _active(sh, unit)
    since = _since(sh, unit)
    now = sh.now()
    file = f"/lib/systemd/system/{unit.replace('tty1', '')}"
    dot = "●" if running and service else "○"
    lines = [f"{dot} {unit} - {description}",
             f"     Loaded: loaded ({file}; enabled; preset: enabled)"]  # fmt: skip
    if not running:
        lines.append("     Active: inactive (dead) since "
                     f"{stamp(now - 1, '%a %Y-%m-%d %H:%M:%S UTC')}; 1s ago")  # fmt: skip
    elif service:
        lines.append(f"     Active: active (running) since "
                     f"{stamp(since, _WHEN)}; {_ago(now - since)} ago")  # fmt: skip
    else:
        lines.append(f"     Active: active (exited) since "
                     f"{stamp(since, _WHEN)}; {_ago(now - since)} ago")  # fmt: skip
    if docs:
        lines.append(f"       Docs: {docs}")
    if running and service:
        pid = f.pid(service)
        name = command.split()[0].rsplit("/", 1)[-1] if command else sh.ssh.name
        cgroup = [(pid, command or sh.ssh.daemon)]
        if unit == "dropbear.service" and sh.via == "ssh":  # no PAM: the session stays here
            cgroup += [(sh.pid - 3, sh.ssh.session), (sh.pid, "-bash"),
                       (sh.pid + sh.spawned, "systemctl status " + unit)]  # fmt: skip
        tasks = len(cgroup) + (3 if service in ("rsyslogd", "redis-server") else 0)
        memory = f.number(f"unit/memory/{unit}", 700, 9000)
        lines += [
            f"   Main PID: {pid} ({name})",
            f"      Tasks: {tasks} (limit: {sh.memory_kib * 15 // 12800})",
            f"     Memory: {memory / 1024:.1f}M",
            f"        CPU: {_cpu(f.number(f'unit/cpu/{unit}', 20, 900), now - since)}",
            f"     CGroup: /system.slice/{unit}",
        ]
        for index, (p, cmd) in enumerate(cgroup):
            mark = "└─" if index == len(cgroup) - 1 else "├─"
            lines.append(f"             {mark}{p} {cmd}")
    lines.append("")
    if running:
        lines += _journal(sh, unit)[-10:]
    return "\n".join(lines) + "\n"


def _cpu(base: int, up: float) -> str:
    """CPU time as systemd shows it (``840ms``, ``3.512s``): a little more each day up."""
    ms = base + int(up // 86400) * base // 20
    return f"{ms}ms" if ms < 1000 else f"{ms / 1000:.3f}s"


def _system_status(sh: FakeShell, io: Streams) -> int:
    boot = sh.facts.boot_time
    io.out(f"● {sh.persona.hostname}\n    State: running\n    Units: 239 loaded (incl. loaded "
           "aliases)\n     Jobs: 0 queued\n   Failed: 0 units\n"
           f"    Since: {stamp(boot, '%a %Y-%m-%d %H:%M:%S UTC')}; {_ago(sh.now() - boot)} ago\n"
           "  systemd: 252.39-1~deb12u2\n   CGroup: /\n           ├─init.scope\n"
           "           │ └─1 /sbin/init\n           └─system.slice")  # fmt: skip
    return 0


def _journal(sh: FakeShell, unit: str) -> list[str]:
    """The unit's journal lines: its start at boot, and for the SSH server the connections
    auth.log holds (the same pids, peers and times)."""
    host = sh.persona.hostname
    since = _since(sh, unit)
    spec = _BY_NAME[unit]
    at = stamp(since, "%b %d %H:%M:%S")
    lines = [f"{at} {host} systemd[1]: Started {unit} - {spec[2]}."]
    if unit == "dropbear.service":
        pid = sh.facts.pid("sshd")
        lines += [
            f"{at} {host} dropbear[{pid}]: [{pid}] {at} Failed loading "
            "/etc/dropbear/dropbear_dss_host_key",
            f"{at} {host} dropbear[{pid}]: [{pid}] {at} Not backgrounding",
        ]
        for line in (sh.read("/var/log/auth.log") or "").splitlines():
            stamp_text, _, rest = line.partition(" ")
            _, _, text = rest.partition(" ")
            if not text.startswith(f"{sh.ssh.name}["):
                continue
            pid_text = text[len(sh.ssh.name) + 1 : text.index("]")]
            when = f"{_month(stamp_text)} {stamp_text[8:10]} {stamp_text[11:19]}"
            message = text.partition(": ")[2]
            lines.append(f"{when} {host} dropbear[{pid_text}]: [{pid_text}] {when} {message}")
    return lines


_WHEN = "%a %Y-%m-%d %H:%M:%S UTC"
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _month(iso: str) -> str:
    number = iso[5:7]
    return _MONTHS[int(number) - 1] if number.isdigit() and 1 <= int(number) <= 12 else "Jan"


def _journalctl(sh: FakeShell, args: list[str], io: Streams) -> int:
    if sh.user != "root":
        io.err("Hint: You are currently not seeing messages from other users and the system.\n"
               "      Users in groups 'adm', 'systemd-journal' can see all messages.\n"
               "      Pass -q to turn off this notice.")  # fmt: skip
        io.out("-- No entries --")
        return 0
    unit = ""
    for index, word in enumerate(args):
        if word == "-u" and index + 1 < len(args):
            unit = _unit_name(args[index + 1])
        elif word.startswith("--unit="):
            unit = _unit_name(word.partition("=")[2])
        elif word.startswith("-u") and len(word) > 2:
            unit = _unit_name(word[2:])
    if unit and unit not in _BY_NAME:
        io.out("-- No entries --")
        return 0
    lines: list[str] = []
    for name in [unit] if unit else list(_BY_NAME):
        lines += _journal(sh, name)
    io.raw("".join(line + "\n" for line in lines))
    return 0


def _service(sh: FakeShell, args: list[str], io: Streams) -> int:
    if args and args[0] == "--status-all":
        for name in ("apache2", "apache-htcacheclean", "cron", "dbus", "dropbear", "hwclock.sh",
                     "procps", "redis-server", "rsyslog", "sudo", "udev"):  # fmt: skip
            running = name in ("apache2", "cron", "dbus", "dropbear", "procps", "redis-server",
                               "rsyslog", "udev")  # fmt: skip
            unit = ("systemd-udevd" if name == "udev" else name) + ".service"
            running = running and (unit not in _BY_NAME or _active(sh, unit))
            io.out(f" [ {'+' if running else '-'} ]  {name}")
        return 0
    if len(args) < 2:
        io.err(
            "Usage: service < option > | --status-all | "
            "[ service_name [ command | --full-restart ] ]"
        )
        return 1
    name, verb = args[0], args[1]
    if verb == "status":
        return _systemctl(sh, ["status", name], io)
    return _systemctl(sh, [verb, name], io)


def _say(text: str) -> Callable[[FakeShell, list[str], Streams], int]:
    def answer(sh: FakeShell, args: list[str], io: Streams) -> int:
        io.out(text)
        return 0

    return answer


COMMANDS: dict[str, Callable[[FakeShell, list[str], Streams], int]] = {
    "dpkg": _dpkg,
    "dpkg-query": _dpkg_query,
    "apt": lambda sh, a, io: _apt(sh, a, io, "apt"),
    "apt-get": lambda sh, a, io: _apt(sh, a, io, "apt-get"),
    "apt-cache": lambda sh, a, io: _apt(sh, a, io, "apt-cache"),
    "systemctl": _systemctl,
    "service": _service,
    "journalctl": _journalctl,
}
