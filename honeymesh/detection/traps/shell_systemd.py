"""The fake shell's service manager: systemctl, service and journalctl, as systemd 252 has them.

``systemctl status`` is among an intruder's first commands; a box that answers it with
"command not found", or with a main PID ``ps`` does not show, is a honeypot. The units are a
Debian 12 server's with Dropbear (and the apache2 and redis-server the other traps claim); their
pids are the facts' (``ps`` shows the same), their start times follow the boot, their journal is
what the machine's logs say (Dropbear's logins and cron's sessions as auth.log has them).
Formats were measured on systemd 252.39-1~deb12u2 booted under ``systemd-nspawn --boot`` with
these packages installed. A start or stop as root succeeds silently and is remembered for that
session alone; anyone else is refused as systemd refuses without polkit ("Access denied").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from honeymesh.detection.traps.facts import stamp

if TYPE_CHECKING:
    from collections.abc import Callable

    from honeymesh.detection.traps.shell import FakeShell
    from honeymesh.detection.traps.shell_commands import Streams

_WHEN = "%a %Y-%m-%d %H:%M:%S UTC"
_DOCS = "       Docs: "
_MORE = "             "  # a continued field's indent (Docs, TriggeredBy, CGroup)


@dataclass(frozen=True)
class Unit:
    name: str
    description: str
    process: str  # the facts' pid label of its main process (ps shows it); "": a oneshot
    command: str  # the main process's command line; "": the SSH server's (per persona)
    docs: tuple[str, ...]
    enabled: str = "enabled"  # or "static"
    triggered_by: tuple[str, ...] = ()
    notify: str = ""  # its sd_notify STATUS= (systemctl's Status: line)
    exec_start: str = ""  # an ExecStart that is not the main process (the Process: line)
    logs: tuple[str, ...] = ()  # what it logged at boot after "Starting"/"Started"
    memory: tuple[int, int] = (1000, 4000)  # KiB its cgroup holds, the node's pick within
    cpu: int = 100  # its CPU time at boot, in ms (a day up adds a twentieth)

    @property
    def file(self) -> str:
        return f"/lib/systemd/system/{self.name.replace('@tty1', '@')}"


_J = "man:systemd-journald.service(8)", "man:journald.conf(5)"
_T = "man:tmpfiles.d(5)", "man:systemd-tmpfiles(8)"
UNITS = (
    Unit("apache2.service", "The Apache HTTP Server", "apache2", "/usr/sbin/apache2 -k start",
         ("https://httpd.apache.org/docs/2.4/",), exec_start="/usr/sbin/apachectl start",
         memory=(9000, 24000), cpu=400),
    Unit("cron.service", "Regular background program processing daemon", "cron",
         "/usr/sbin/cron -f", ("man:cron(8)",),
         logs=("(CRON) INFO (pidfile fd = 3)", "(CRON) INFO (Running @reboot jobs)"),
         memory=(500, 1500), cpu=60),
    Unit("dbus.service", "D-Bus System Message Bus", "dbus-daemon",
         "/usr/bin/dbus-daemon --system --address=systemd: --nofork --nopidfile "
         "--systemd-activation --syslog-only", ("man:dbus-daemon(1)",), "static",
         ("● dbus.socket",)),
    Unit("dropbear.service", "Lightweight SSH server", "sshd", "", ("man:dropbear(8)",),
         memory=(1200, 4000), cpu=150),
    Unit("e2scrub_reap.service", "Remove Stale Online ext4 Metadata Check Snapshots", "",
         "/sbin/e2scrub_all -A -r", ("man:e2scrub_all(8)",)),
    Unit("getty@tty1.service", "Getty on tty1", "agetty",
         "/sbin/agetty -o \"-p -- \\\\u\" --noclear - linux",
         ("man:agetty(8)", "man:systemd-getty-generator(8)",
          "https://0pointer.de/blog/projects/serial-console.html"), memory=(180, 320), cpu=2),
    Unit("kmod-static-nodes.service", "Create List of Static Device Nodes", "",
         "/bin/kmod static-nodes --format=tmpfiles --output=/run/tmpfiles.d/static-nodes.conf",
         ("man:kmod(8)",), "static"),
    Unit("redis-server.service", "Advanced key-value store", "redis-server",
         "\"/usr/bin/redis-server 127.0.0.1:6379\"",
         ("http://redis.io/documentation,", "man:redis-server(1)"),
         notify="Ready to accept connections", memory=(4000, 12000), cpu=900),
    Unit("rsyslog.service", "System Logging Service", "rsyslogd", "/usr/sbin/rsyslogd -n -iNONE",
         ("man:rsyslogd(8)", "man:rsyslog.conf(5)", "https://www.rsyslog.com/doc/"),
         triggered_by=("● syslog.socket",),
         logs=("imuxsock: Acquired UNIX socket '/run/systemd/journal/syslog' (fd 3) from "
               "systemd.  [v8.2302.0]",
               "[origin software=\"rsyslogd\" swVersion=\"8.2302.0\" x-pid=\"{pid}\" "
               "x-info=\"https://www.rsyslog.com\"] start")),
    Unit("systemd-journal-flush.service", "Flush Journal to Persistent Storage", "",
         "journalctl --flush", _J, "static"),
    Unit("systemd-journald.service", "Journal Service", "systemd-journald",
         "/lib/systemd/systemd-journald", _J, "static",
         ("● systemd-journald.socket", "○ systemd-journald-audit.socket",
          "● systemd-journald-dev-log.socket"), "Processing requests...",
         memory=(8000, 40000), cpu=300),
    Unit("systemd-logind.service", "User Login Management", "systemd-logind",
         "/lib/systemd/systemd-logind",
         ("man:sd-login(3)", "man:systemd-logind.service(8)", "man:logind.conf(5)",
          "man:org.freedesktop.login1(5)"), "static", notify="Processing requests...",
         memory=(1500, 3500), cpu=80,
         logs=("New seat seat0.", "Watching system buttons on /dev/input/event0 (Power Button)",
               "Watching system buttons on /dev/input/event1 (AT Translated Set 2 keyboard)")),
    Unit("systemd-modules-load.service", "Load Kernel Modules", "",
         "/lib/systemd/systemd-modules-load",
         ("man:systemd-modules-load.service(8)", "man:modules-load.d(5)"), "static"),
    Unit("systemd-random-seed.service", "Load/Save Random Seed", "",
         "/lib/systemd/systemd-random-seed load",
         ("man:systemd-random-seed.service(8)", "man:random(4)"), "static"),
    Unit("systemd-remount-fs.service", "Remount Root and Kernel File Systems", "",
         "/lib/systemd/systemd-remount-fs",
         ("man:systemd-remount-fs.service(8)",
          "https://www.freedesktop.org/wiki/Software/systemd/APIFileSystems"), "static"),
    Unit("systemd-sysctl.service", "Apply Kernel Variables", "", "/lib/systemd/systemd-sysctl",
         ("man:systemd-sysctl.service(8)", "man:sysctl.d(5)"), "static"),
    Unit("systemd-sysusers.service", "Create System Users", "", "systemd-sysusers",
         ("man:sysusers.d(5)", "man:systemd-sysusers.service(8)"), "static"),
    Unit("systemd-timesyncd.service", "Network Time Synchronization", "systemd-timesyncd",
         "/lib/systemd/systemd-timesyncd", ("man:systemd-timesyncd.service(8)",),
         notify="Idle."),
    Unit("systemd-tmpfiles-setup-dev.service", "Create Static Device Nodes in /dev", "",
         "systemd-tmpfiles --prefix=/dev --create --boot", _T, "static"),
    Unit("systemd-tmpfiles-setup.service", "Create System Files and Directories", "",
         "systemd-tmpfiles --create --remove --boot --exclude-prefix=/dev", _T, "static"),
    Unit("systemd-udev-trigger.service", "Coldplug All udev Devices", "",
         "udevadm trigger --type=all --action=add", ("man:udev(7)", "man:systemd-udevd.service(8)"),
         "static"),
    Unit("systemd-udevd.service", "Rule-based Manager for Device Events and Files",
         "systemd-udevd", "/lib/systemd/systemd-udevd",
         ("man:systemd-udevd.service(8)", "man:udev(7)"), "static",
         ("● systemd-udevd-control.socket", "● systemd-udevd-kernel.socket")),
    Unit("systemd-update-utmp.service", "Record System Boot/Shutdown in UTMP", "",
         "/lib/systemd/systemd-update-utmp reboot",
         ("man:systemd-update-utmp.service(8)", "man:utmp(5)"), "static"),
    Unit("systemd-user-sessions.service", "Permit User Sessions", "",
         "/lib/systemd/systemd-user-sessions start", ("man:systemd-user-sessions.service(8)",),
         "static"),
)  # fmt: skip
_BY_NAME = {u.name: u for u in UNITS}
_MAX_STOPPED = 32  # units one session may stop (remembered for it alone)
#: Units each session stopped, and when, remembered for that session alone.
_STOPPED: WeakKeyDictionary[FakeShell, dict[str, float]] = WeakKeyDictionary()
#: What `service --status-all` lists on this machine (/etc/init.d), measured.
_INIT_SCRIPTS = (("apache-htcacheclean", ""), ("apache2", "apache2.service"),
                 ("cron", "cron.service"), ("dbus", "dbus.service"),
                 ("dropbear", "dropbear.service"), ("hwclock.sh", ""), ("kmod", ""),
                 ("procps", "systemd-sysctl.service"), ("redis-server", "redis-server.service"),
                 ("sudo", ""), ("udev", "systemd-udevd.service"))  # fmt: skip


def unit_name(name: str) -> str:
    return name if "." in name else name + ".service"


def active(sh: FakeShell, unit: str) -> bool:
    return unit in _BY_NAME and unit not in _STOPPED.get(sh, {})


def _remember(sh: FakeShell, unit: str, *, stopped: bool) -> None:
    now = {u: t for u, t in _STOPPED.get(sh, {}).items() if u != unit}
    if stopped and len(now) < _MAX_STOPPED:
        now[unit] = sh.now()
    _STOPPED[sh] = now


def systemctl(sh: FakeShell, args: list[str], io: Streams) -> int:  # noqa: PLR0911
    words = [a for a in args if not a.startswith("-")]
    if "--version" in args:
        io.out("systemd 252 (252.39-1~deb12u2)\n+PAM +AUDIT +SELINUX +APPARMOR +IMA +SMACK "
               "+SECCOMP +GCRYPT -GNUTLS +OPENSSL +ACL +BLKID +CURL +ELFUTILS +FIDO2 +IDN2 -IDN "
               "+IPTC +KMOD +LIBCRYPTSETUP +LIBFDISK +PCRE2 -PWQUALITY +P11KIT +QRENCODE +TPM2 "
               "+BZIP2 +LZ4 +XZ +ZLIB +ZSTD -BPF_FRAMEWORK -XKBCOMMON +UTMP +SYSVINIT "
               "default-hierarchy=unified")  # fmt: skip
        return 0
    action = words[0] if words else "list-units"
    units = [unit_name(w) for w in words[1:]]
    if action == "list-units":
        return _list_units(sh, io)
    if action == "status":
        return _status_units(sh, units, io) if units else _system_status(sh, io)
    if action == "is-active":
        for unit in units:
            io.out("active" if active(sh, unit) else "inactive")
        return 0 if any(active(sh, u) for u in units) else 3
    if action == "is-enabled":
        status = 1
        for unit in units:
            if unit in _BY_NAME:
                io.out(_BY_NAME[unit].enabled)
                status = 0
            else:
                io.err(f"Failed to get unit file state for {unit}: No such file or directory")
        return status
    if action in ("start", "stop", "restart", "reload", "enable", "disable", "mask", "unmask",
                  "try-restart", "reload-or-restart", "kill", "daemon-reload"):  # fmt: skip
        return _change(sh, action, units, io)
    io.err(f"Unknown command verb {action}.")
    return 1


def _change(sh: FakeShell, action: str, units: list[str], io: Streams) -> int:
    if action == "daemon-reload":
        if sh.user != "root":
            io.err("Failed to reload daemon: Access denied")
            return 1
        return 0
    for unit in units:
        if sh.user != "root":
            io.err(f"Failed to {action} {unit}: Access denied\n"
                   f"See system logs and 'systemctl status {unit}' for details.")  # fmt: skip
            return 4
        if unit not in _BY_NAME:
            io.err(f"Failed to {action} {unit}: Unit {unit} not found.")
            return 5
        if action in ("stop", "kill"):
            _remember(sh, unit, stopped=True)
        elif action in ("start", "restart", "try-restart", "reload-or-restart"):
            _remember(sh, unit, stopped=False)
    return 0


def _list_units(sh: FakeShell, io: Streams) -> int:
    shown = [u for u in UNITS if active(sh, u.name)]
    width = max(len(u.name) for u in shown) if shown else 4
    io.out(f"  {'UNIT':<{width}} LOAD   ACTIVE SUB     DESCRIPTION")
    for u in shown:
        sub = "running" if u.process else "exited"
        io.out(f"  {u.name:<{width}} loaded active {sub:<7} {u.description}")
    io.out("\nLOAD   = Reflects whether the unit definition was properly loaded.\n"
           "ACTIVE = The high-level unit activation state, i.e. generalization of SUB.\n"
           "SUB    = The low-level unit activation state, values depend on unit type.\n\n"
           f"{len(shown)} loaded units listed. Pass --all to see loaded but inactive units, "
           "too.\nTo show all installed unit files use 'systemctl list-unit-files'.")  # fmt: skip
    return 0


def _since(sh: FakeShell, unit: Unit) -> float:
    """When the unit started at boot: oneshots first, daemons within the boot's 10 s."""
    boot = sh.facts.boot_time
    if not unit.process:
        return sh.facts.moment(f"unit/{unit.name}", boot + 1, boot + 3)
    return sh.facts.moment(f"unit/{unit.name}", boot + 3, boot + 9)


def ago(seconds: float) -> str:  # noqa: PLR0911
    """systemd's relative time (format_timestamp_relative): ``1 month 21 days``, ``3 weeks 2
    days``, ``5 days``, ``1 day 3h``, ``7h``, ``2h 5min``, ``12min``, ``1min 5s``, ``4s``."""
    d = max(int(seconds * 1000), 0)  # ms
    second, minute, hour, day = 1000, 60_000, 3_600_000, 86_400_000
    week, month, year = 7 * day, 2_629_800_000, 31_557_600_000

    def two(big: int, big_name: str, small: int, small_name: str) -> str:
        a, b = d // big, d % big // small
        return f"{a} {big_name}{'s' if a != 1 else ''} {b} {small_name}{'s' if b != 1 else ''}"

    if d >= year:
        return two(year, "year", month, "month")
    if d >= month:
        return two(month, "month", day, "day")
    if d >= week:
        return two(week, "week", day, "day")
    if d >= 2 * day:
        return f"{d // day} days"
    if d >= 25 * hour:
        return f"1 day {(d - day) // hour}h"
    if d >= 6 * hour:
        return f"{d // hour}h"
    if d >= hour:
        return f"{d // hour}h {d % hour // minute}min"
    if d >= 5 * minute:
        return f"{d // minute}min"
    if d >= minute:
        return f"{d // minute}min {d % minute // second}s"
    if d >= second:
        return f"{d // second}s"
    return f"{d}ms" if d else "now"


def timespan(seconds: float) -> str:
    """systemd's duration to the millisecond (format_timespan): ``2w 3d 4h 5min 6.789s``."""
    ms = max(int(seconds * 1000), 0)
    parts = []
    for size, name in ((31_557_600_000, "y"), (2_629_800_000, "month"), (604_800_000, "w"),
                       (86_400_000, "d"), (3_600_000, "h"), (60_000, "min")):  # fmt: skip
        if ms >= size:
            parts.append(f"{ms // size}{name}")
            ms %= size
    if ms and not parts and ms < 1000:
        parts.append(f"{ms}ms")
    elif ms:
        parts.append(f"{ms // 1000}.{ms % 1000:03d}".rstrip("0").rstrip(".") + "s")
    return " ".join(parts) or "0"


def _status_units(sh: FakeShell, units: list[str], io: Streams) -> int:
    status = 0
    for index, name in enumerate(units):
        unit = _BY_NAME.get(name)
        if unit is None:
            io.err(f"Unit {name} could not be found.")
            status = 4
            continue
        io.raw(("\n" if index else "") + _status_text(sh, unit))
        if not active(sh, name):
            status = 3
    return status


def _pid(sh: FakeShell, unit: Unit) -> int:
    """The main process's pid: the facts' for a daemon (ps shows it), an early one else."""
    if unit.process:
        return sh.facts.pid(unit.process)
    return sh.facts.number(f"unit/pid/{unit.name}", 150, 400)


def _status_text(sh: FakeShell, unit: Unit) -> str:
    f, now = sh.facts, sh.now()
    since = _since(sh, unit)
    stopped = _STOPPED.get(sh, {}).get(unit.name)
    pid, command = _pid(sh, unit), unit.command or sh.ssh.daemon
    state = "○" if stopped is not None else "●"
    lines = [f"{state} {unit.name} - {unit.description}"]
    preset = "; preset: enabled" if unit.enabled == "enabled" else ""
    lines.append(f"     Loaded: loaded ({unit.file}; {unit.enabled}{preset})")
    if stopped is not None:
        lines.append(f"     Active: inactive (dead) since {stamp(stopped, _WHEN)}; "
                     f"{ago(now - stopped)} ago")  # fmt: skip
        lines.append(f"   Duration: {timespan(stopped - since)}")
    else:
        sub = "running" if unit.process else "exited"
        lines.append(f"     Active: active ({sub}) since {stamp(since, _WHEN)}; "
                     f"{ago(now - since)} ago")  # fmt: skip
    for index, trigger in enumerate(unit.triggered_by):
        lines.append(("TriggeredBy: " if not index else _MORE) + trigger)
    lines += [(_DOCS if not index else _MORE) + doc for index, doc in enumerate(unit.docs)]
    if stopped is not None:
        lines.append(f"    Process: {pid} ExecStart={command} (code=killed, signal=TERM)")
        lines.append(f"   Main PID: {pid} (code=killed, signal=TERM)")
    elif not unit.process:
        lines.append(f"    Process: {pid} ExecStart={command} (code=exited, status=0/SUCCESS)")
        lines.append(f"   Main PID: {pid} (code=exited, status=0/SUCCESS)")
    else:
        if unit.exec_start:
            lines.append(f"    Process: {pid - 3} ExecStart={unit.exec_start} (code=exited, "
                         "status=0/SUCCESS)")  # fmt: skip
        comm = command.strip('"').split()[0].rsplit("/", 1)[-1][:15]
        lines.append(f"   Main PID: {pid} ({comm})")
        if unit.notify:
            lines.append(f'     Status: "{unit.notify}"')
        cgroup, up = _cgroup(sh, unit, pid, command), now - since
        memory = f.number(f"unit/memory/{unit.name}", *unit.memory)
        lines += [
            f"      Tasks: {len(cgroup)} (limit: {sh.memory_kib * 15 // 12800})",
            f"     Memory: {memory / 1024:.1f}M",
            f"        CPU: {_cpu(f.number(f'unit/cpu/{unit.name}', unit.cpu, 3 * unit.cpu), up)}",
            f"     CGroup: /system.slice/{unit.name}",
        ]
        for index, (p, cmd) in enumerate(cgroup):
            mark = "└─" if index == len(cgroup) - 1 else "├─"
            lines.append(f"{_MORE}{mark}{p} {cmd}")
    lines.append("")
    lines += journal(sh, unit.name)[-10:]
    return "\n".join(lines) + "\n"


def _cgroup(sh: FakeShell, unit: Unit, pid: int, command: str) -> list[tuple[int, str]]:
    """The unit's processes as ps shows them: apache2's worker, and in dropbear.service this
    very session (Dropbear has no PAM, so no logind scope takes the session out)."""
    cgroup = [(pid, command)]
    if unit.name == "apache2.service":
        cgroup.append((pid + 1, command))
    if unit.name == "dropbear.service" and sh.via == "ssh":
        cgroup += [(sh.pid - 3, sh.ssh.session), (sh.pid, "-bash"),
                   (sh.pid + sh.spawned, "systemctl status dropbear")]  # fmt: skip
    return cgroup


def _cpu(base: int, up: float) -> str:
    """CPU time as systemd shows it (``840ms``, ``3.512s``): a little more each day up."""
    ms = base + int(up // 86400) * base // 20
    return f"{ms}ms" if ms < 1000 else f"{ms / 1000:.3f}s"


def _system_status(sh: FakeShell, io: Streams) -> int:
    boot = sh.facts.boot_time
    io.out(f"● {sh.persona.hostname}\n    State: running\n    Units: 239 loaded (incl. loaded "
           "aliases)\n     Jobs: 0 queued\n   Failed: 0 units\n"
           f"    Since: {stamp(boot, _WHEN)}; {ago(sh.now() - boot)} ago\n"
           "  systemd: 252.39-1~deb12u2\n   CGroup: /\n           ├─init.scope\n"
           "           │ └─1 /sbin/init\n           └─system.slice")  # fmt: skip
    return 0


def _at(when: float) -> str:
    return stamp(when, "%b %d %H:%M:%S")


def journal(sh: FakeShell, name: str) -> list[str]:
    """A unit's journal: its start at boot and what it logged since, from the machine's own
    logs: Dropbear's connections and cron's hourly sessions as auth.log holds them (the same
    times and pids), a stop this session made."""
    unit, host = _BY_NAME[name], sh.persona.hostname
    since, pid = _since(sh, unit), _pid(sh, unit)
    at = _at(since)
    tag = "dropbear" if name == "dropbear.service" else unit.process or ""
    lines: list[str] = []
    if not unit.process:
        lines += [f"{at} {host} systemd[1]: Starting {name} - {unit.description}...",
                  f"{at} {host} systemd[1]: Finished {name} - {unit.description}."]  # fmt: skip
    elif name == "systemd-journald.service":
        machine, runtime = sh.facts.machine_id, sh.memory_kib / 5 / 10 / 1024
        lines += [f"{at} {host} {tag}[{pid}]: {text}" for text in (
            "Journal started",
            f"Runtime Journal (/run/log/journal/{machine}) is 8.0M, max {runtime:.1f}M, "
            f"{runtime - 8:.1f}M free.",
            f"Time spent on flushing to /var/log/journal/{machine} is 1.945ms for 3 entries.",
            f"System Journal (/var/log/journal/{machine}) is 8.0M, max 4.0G, 3.9G free.",
        )]  # fmt: skip
    else:
        starting = name not in ("cron.service", "dropbear.service", "getty@tty1.service")
        if starting:
            lines.append(f"{at} {host} systemd[1]: Starting {name} - {unit.description}...")
        if name == "dropbear.service":
            lines.append(f"{at} {host} systemd[1]: Started {name} - {unit.description}.")
            for text in ("Failed loading /etc/dropbear/dropbear_dss_host_key",
                         "Not backgrounding"):  # fmt: skip
                lines.append(f"{at} {host} dropbear[{pid}]: [{pid}] {at} {text}")
        else:
            logs = [f"{at} {host} {tag}[{pid}]: {text.format(pid=pid)}" for text in unit.logs]
            started = f"{at} {host} systemd[1]: Started {name} - {unit.description}."
            lines += [*logs, started] if starting else [started, *logs]
    lines += _from_auth_log(sh, name)
    stopped = _STOPPED.get(sh, {}).get(name)
    if stopped is not None:
        when = _at(stopped)
        lines += [f"{when} {host} systemd[1]: Stopping {name} - {unit.description}...",
                  f"{when} {host} systemd[1]: {name}: Deactivated successfully.",
                  f"{when} {host} systemd[1]: Stopped {name} - {unit.description}."]  # fmt: skip
    return lines


def _from_auth_log(sh: FakeShell, name: str) -> list[str]:
    """The lines auth.log holds that the unit's own processes wrote: Dropbear's (with the
    timestamp Dropbear's -E adds) and cron's sessions (CRON[pid], in cron.service)."""
    prefix = {"dropbear.service": f"{sh.ssh.name}[", "cron.service": "CRON["}.get(name)
    if prefix is None:
        return []
    lines = []
    for line in (sh.read("/var/log/auth.log") or "").splitlines():
        iso, _, rest = line.partition(" ")
        host, _, text = rest.partition(" ")
        if not text.startswith(prefix) or "]: " not in text:
            continue
        process, message = text.split(": ", 1)
        when = _month_day(iso)
        if name == "dropbear.service":
            number = process[len(prefix) : -1]
            message = f"[{number}] {when} {message}"
        lines.append(f"{when} {host} {process}: {message}")
    return lines


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _month_day(iso: str) -> str:
    """rsyslog's 2024-05-01T07:17:01.123456+00:00 as the journal's May 01 07:17:01."""
    month = iso[5:7]
    index = int(month) - 1 if month.isdigit() and 1 <= int(month) <= 12 else 0
    return f"{_MONTHS[index]} {iso[8:10]} {iso[11:19]}"


def journalctl(sh: FakeShell, args: list[str], io: Streams) -> int:
    if sh.user != "root":  # not in adm or systemd-journal, and no user journal (no PAM)
        io.err("Hint: You are currently not seeing messages from other users and the system.\n"
               "      Users in groups 'adm', 'systemd-journal' can see all messages.\n"
               "      Pass -q to turn off this notice.\n"
               "No journal files were opened due to insufficient permissions.")  # fmt: skip
        return 1
    unit = ""
    for index, word in enumerate(args):
        if word == "-u" and index + 1 < len(args):
            unit = unit_name(args[index + 1])
        elif word.startswith("--unit="):
            unit = unit_name(word.partition("=")[2])
        elif word.startswith("-u") and len(word) > 2:
            unit = unit_name(word[2:])
    if unit and unit not in _BY_NAME:
        io.out("-- No entries --")
        return 0
    lines: list[str] = []
    for name in [unit] if unit else list(_BY_NAME):
        lines += journal(sh, name)
    io.raw("".join(line + "\n" for line in lines))
    return 0


def service(sh: FakeShell, args: list[str], io: Streams) -> int:
    if args and args[0] == "--status-all":
        for script, unit in _INIT_SCRIPTS:
            running = bool(unit) and active(sh, unit)
            io.out(f" [ {'+' if running else '-'} ]  {script}")
        return 0
    if len(args) < 2:
        io.err("Usage: service < option > | --status-all | "
               "[ service_name [ command | --full-restart ] ]")  # fmt: skip
        return 1
    return systemctl(sh, [args[1], args[0]], io)


COMMANDS: dict[str, Callable[[FakeShell, list[str], Streams], int]] = {
    "systemctl": systemctl,
    "service": service,
    "journalctl": journalctl,
}
