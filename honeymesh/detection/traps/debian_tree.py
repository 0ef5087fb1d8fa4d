"""The fixed file tree of the fake shell's machine: a small Debian 12 server, dated by its facts.

Every ``ls -la /`` entry with the same mode and date gives a honeypot away. Here modes, owners
and sizes are Debian 12's own (usrmerge links, ``/tmp`` sticky, ``/root`` 0700, ``/etc/shadow``
0640 root:shadow), and dates come from the node's install and boot times (``facts.py``): the
base system at install, ``/dev``, ``/proc``, ``/run`` and ``/sys`` at boot, logs since. Files
with content hold the node's facts (its shadow hashes, machine-id, host keys), so ``cat`` and
``ls -l`` agree on every size.
"""

# The paths below are a fake file system's names, never opened: S108 does not apply.
# ruff: noqa: S108

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

from honeymesh.detection.traps import debian_packages
from honeymesh.detection.traps.facts import NodeFacts
from honeymesh.detection.traps.fakefs import Node

#: Debian 12's sizes of the binaries a recon script lists or runs.
BINARIES = {
    "bash": 1265648, "busybox": 1946392, "cat": 44016, "chmod": 64448, "cp": 151152,
    "curl": 284360, "dash": 125560, "date": 108848, "grep": 203152, "id": 48144, "ls": 151344,
    "mkdir": 76240, "mv": 146816, "nc": 39600, "perl": 3802944, "ps": 146552, "python3.11": 6831704,
    "rm": 72144, "sed": 121888, "ssh": 1026936, "sudo": 277936, "tar": 522128, "uname": 35376,
    "wget": 510352, "whoami": 35344, "crontab": 48760, "top": 137264, "free": 35392,
}  # fmt: skip
_SBIN = {"ip": 779032, "ifconfig": 84104, "cron": 68072, "agetty": 68240}

_ROOT_DIRS = ("boot", "dev", "etc", "home", "media", "mnt", "opt", "proc", "root", "run", "srv",
              "sys", "tmp", "usr", "var")  # fmt: skip


def _when(facts: NodeFacts, path: str, era: str) -> float:
    """A file's date: ``i`` installed, ``u`` updated since, ``b`` at boot, ``r`` recent."""
    first = facts.first_start
    if era == "i":
        return facts.moment(path, facts.install_time, facts.install_time + 3000)
    if era == "u":
        return facts.moment(path, facts.install_time + 3000, facts.boot_time - 600)
    if era == "b":
        return facts.moment(path, facts.boot_time, facts.boot_time + 40)
    return facts.moment(path, facts.boot_time + 60, first)


def build(
    facts: NodeFacts,
    files: Mapping[str, str],
    user: str,
    home: str,
    programs: Mapping[str, int] | None = None,
) -> dict[str, Node]:
    """The tree: directories, links, ``files`` (path -> content) and ``programs`` (path ->
    size: the SSH server's, ``ssh_look``), each dated and owned; a file's missing folders are
    made with it. A host key file is binary, one character per byte, and sized so."""
    tree: dict[str, Node] = {}

    def folder(path: str, era: str = "i", mode: int = 0o755, owner: str = "root") -> None:
        tree[path] = Node("d", mode, _when(facts, path, era), owner, owner)

    def link(path: str, target: str, era: str = "i") -> None:
        tree[path] = Node("l", 0o777, _when(facts, path, era), target=target)

    def folders_of(path: str, era: str) -> None:
        """A file's folders that are not there yet (``/etc/default``), dated with it."""
        above = posixpath.dirname(path)
        if above not in tree:
            folders_of(above, era)
            folder(above, era)

    folder("/")
    for name in _ROOT_DIRS:
        folder("/" + name)
    for name, target in (("bin", "usr/bin"), ("lib", "usr/lib"), ("lib64", "usr/lib64"),
                         ("sbin", "usr/sbin")):  # fmt: skip
        link("/" + name, target)
    folder("/lost+found", mode=0o700)
    folder("/root", "u", 0o700)
    folder("/tmp", "r", 0o1777)
    for path in ("/dev", "/run", "/proc", "/sys"):
        folder(path, "b", 0o555 if path in ("/proc", "/sys") else 0o755)
    for path in ("/dev/shm", "/run/lock"):
        folder(path, "b", 0o1777)
    for path in ("/usr/bin", "/usr/sbin", "/usr/lib", "/usr/lib64", "/usr/local", "/usr/share",
                 "/usr/include", "/usr/src", "/usr/games", "/usr/local/bin", "/var/backups",
                 "/var/cache", "/var/lib", "/var/local", "/var/mail", "/var/opt", "/var/spool",
                 "/var/lib/redis", "/etc/ssh", "/etc/apt", "/etc/cron.d", "/etc/systemd",
                 "/etc/cron.daily", "/etc/cron.hourly", "/var/www", "/var/www/html", "/boot/grub",
                 "/etc/sudoers.d", "/etc/ssh/ssh_config.d"):  # fmt: skip
        folder(path, "u" if path.startswith(("/var", "/etc")) else "i")
    folder("/var/log", "r")
    folder("/var/tmp", "r", 0o1777)
    link("/var/run", "/run")
    link("/var/lock", "/run/lock")
    for name, size in BINARIES.items():
        tree[f"/usr/bin/{name}"] = Node("f", 0o755, _when(facts, name, "u"), size=size)
    tree["/usr/bin/sudo"] = Node("f", 0o4755, _when(facts, "sudo", "u"), size=BINARIES["sudo"])
    link("/usr/bin/sh", "dash")
    link("/usr/bin/python3", "python3.11")
    for name, size in _SBIN.items():
        tree[f"/usr/sbin/{name}"] = Node("f", 0o755, _when(facts, name, "u"), size=size)
    # Every program of the package list as its package installs it (so `which dpkg`, `ls
    # /usr/bin` and `dpkg -L` agree), the alternatives links, the kernel's files, dpkg's status
    # and a doc folder per package: the same for every session of the node, so shared.
    tree.update(_package_nodes(facts))
    for path, size in (programs or {}).items():
        tree[path] = Node("f", 0o755, _when(facts, path, "i"), size=size)
    for name in ("null", "zero", "urandom", "random", "tty"):
        tree[f"/dev/{name}"] = Node("f", 0o666, facts.boot_time + 3, size=0)
    if home != "/root":
        folder(home, "u", 0o755, user)
    for path, content in files.items():
        era = "b" if path.startswith(("/proc", "/run")) else "r" if "/log/" in path else "u"
        host_key = path.endswith("_host_key")
        if host_key or path.startswith("/etc/dropbear/"):  # dropbear's postinst, at install
            era = "i"
        folders_of(path, era if era != "r" else "u")
        mode, group = _MODES.get(path, (0o600 if host_key else 0o644, "root"))
        owner = user if path.startswith(home + "/") and home != "/root" else "root"
        shown = 0 if path.startswith("/proc/") else None
        when = _when(facts, path, era)
        tree[path] = Node("f", mode, when, owner, owner if owner != "root" else group, content,
                          shown)  # fmt: skip
    return tree


@lru_cache(maxsize=16)
def _package_nodes(facts: NodeFacts) -> Mapping[str, Node]:
    """The package list's entries of a node's tree, built once: a session's tree holds ~1,000
    of them, which it only reads (its own changes go to its copy-on-write layer)."""
    nodes = debian_packages.program_nodes(
        lambda p: _when(facts, p, "u"), facts.number("boot/initrd", 30, 40) << 20
    )
    for path in ("/usr/share/doc", *(f"/usr/share/doc/{n}" for n in debian_packages.doc_folders())):
        nodes[path] = Node("d", 0o755, _when(facts, path, "i"))
    nodes["/var/lib/dpkg"] = Node("d", 0o755, _when(facts, "/var/lib/dpkg", "u"))
    nodes["/var/lib/dpkg/status"] = Node(
        "f", 0o644, _when(facts, "dpkg", "u"), content=debian_packages.status_file()
    )
    return MappingProxyType(nodes)


_MODES = {
    "/etc/shadow": (0o640, "shadow"),
    "/etc/gshadow": (0o640, "shadow"),
    "/etc/sudoers": (0o440, "root"),
    "/etc/dropbear/run": (0o755, "root"),
    "/etc/dropbear/log/run": (0o755, "root"),
    "/var/log/auth.log": (0o640, "adm"),
    "/var/log/syslog": (0o640, "adm"),
    "/var/log/btmp": (0o660, "utmp"),
    "/var/log/wtmp": (0o664, "utmp"),
    "/var/log/lastlog": (0o664, "utmp"),
    "/proc/cpuinfo": (0o444, "root"),
    "/proc/meminfo": (0o444, "root"),
    "/proc/version": (0o444, "root"),
    "/proc/uptime": (0o444, "root"),
    "/proc/loadavg": (0o444, "root"),
}
