"""The fake shell's package manager: dpkg, dpkg-query, apt, apt-get, apt-cache.

A Debian 12 box answers these, and a shell that says "command not found" to ``dpkg -l`` is a
honeypot (Cowrie's well-known tell). They read one package list (``debian_packages``), so
``dpkg -S``, ``dpkg -L``, ``apt list`` and the file tree agree. Formats are measured: dpkg
1.21.22 and apt 2.6.1 on Debian 12. Nothing is installed or fetched: an install or update
fails as an egress without name resolution makes it fail, and its URLs are recorded as
download intents. The service manager (systemctl, service, journalctl) is ``shell_systemd``.
"""

from __future__ import annotations

import fnmatch
from typing import TYPE_CHECKING

from honeymesh.detection.traps import debian_packages as deb
from honeymesh.detection.traps import shell_systemd

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
        flags = "installed,automatic" if p.automatic else "installed"
        io.out(f"{p.name}/oldstable,now {p.version} {p.arch} [{flags}]")
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


COMMANDS: dict[str, Callable[[FakeShell, list[str], Streams], int]] = {
    "dpkg": _dpkg,
    "dpkg-query": _dpkg_query,
    "apt": lambda sh, a, io: _apt(sh, a, io, "apt"),
    "apt-get": lambda sh, a, io: _apt(sh, a, io, "apt-get"),
    "apt-cache": lambda sh, a, io: _apt(sh, a, io, "apt-cache"),
    **shell_systemd.COMMANDS,
}
