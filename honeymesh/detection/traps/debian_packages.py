"""The fake machine's packages: one list that dpkg, apt, /var/lib/dpkg/status and
/usr/share/doc agree with.

``dpkg -l | grep ssh`` is among the first lines an intruder types, and a box that has
``python3`` and ``dropbearkey`` but no ``dpkg`` is a honeypot (Cowrie's well-known tell). The
list is a real Debian 12 one (``debian_package_data.py``, written from a Debian 12 machine by
``scripts/gen_debian_packages.py``): the status stanzas as dpkg keeps them and each package's
programs, so the versions, descriptions and owners a user reads are Debian's own. Formats are
dpkg 1.21.22's and apt 2.6.1's, measured on Debian 12. Sans-IO: text in, text out.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from honeymesh.detection.traps.debian_package_data import (
    AUTOMATIC,
    FILES,
    INSTALLS,
    PROGRAMS,
    STATUS,
)
from honeymesh.detection.traps.fakefs import Node

DPKG_VERSION = (
    "Debian 'dpkg' package management program version 1.21.22 (amd64).\n"
    "This is free software; see the GNU General Public License version 2 or\n"
    "later for copying conditions. There is NO warranty.\n"
)
APT_VERSION = "apt 2.6.1 (amd64)\n"
KERNEL_RELEASE = "6.1.0-28-amd64"  # linux-image-6.1.0-28-amd64, the default persona's uname -r
#: Programs that are update-alternatives links, not a package's file (``dpkg -S`` misses them).
ALTERNATIVES = {
    "/usr/bin/awk": "/usr/bin/mawk",
    "/usr/bin/nc": "/bin/nc.openbsd",
    "/usr/bin/which": "/usr/bin/which.debianutils",
    "/usr/bin/pager": "/usr/bin/less",
}


@dataclass(frozen=True)
class Package:
    name: str
    stanza: str  # as /var/lib/dpkg/status holds it, without the blank line after it
    fields: dict[str, str]

    @property
    def version(self) -> str:
        return self.fields.get("Version", "")

    @property
    def arch(self) -> str:
        return self.fields.get("Architecture", "")

    @property
    def synopsis(self) -> str:
        return self.fields.get("Description", "").split("\n", 1)[0]

    @property
    def shown_name(self) -> str:
        """dpkg's non-ambiguous name: ``libc6:amd64`` for a Multi-Arch: same package."""
        same = self.fields.get("Multi-Arch") == "same"
        return f"{self.name}:{self.arch}" if same else self.name

    @property
    def automatic(self) -> bool:
        """Installed by apt as another package's dependency (apt-mark showauto)."""
        return self.name in AUTOMATIC

    @property
    def files(self) -> tuple[str, ...]:
        return FILES.get(self.name, ())


def _parse(stanza: str) -> Package:
    fields: dict[str, str] = {}
    key = ""
    for line in stanza.split("\n"):
        if line.startswith(" ") and key:
            fields[key] += "\n" + line
        else:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    return Package(fields["Package"], stanza, fields)


@cache
def packages() -> dict[str, Package]:
    """Every installed package by name, in dpkg's order (by name)."""
    parsed = [_parse(s) for s in STATUS.strip().split("\n\n")]
    return {p.name: p for p in sorted(parsed, key=lambda p: p.name)}


def find(name: str) -> Package | None:
    """A package by its name, with or without ``:amd64``."""
    base, _, arch = name.partition(":")
    found = packages().get(base)
    if found is None or (arch and arch not in (found.arch, "any")):
        return None
    return found


@cache
def status_file() -> str:
    """/var/lib/dpkg/status."""
    return "\n\n".join(p.stanza for p in packages().values()) + "\n\n"


def program_nodes(when: Callable[[str], float], initrd: int) -> dict[str, Node]:
    """The file tree's entries for every package's programs (usr-merged paths, their modes,
    sizes and groups as installed), the alternatives links and the kernel's files (an
    ``initrd`` of that size), each dated by ``when``."""
    release = KERNEL_RELEASE
    nodes: dict[str, Node] = {
        path: Node("d", 0o755, when(path))
        for path in ("/etc/alternatives", "/usr/lib/modules", f"/usr/lib/modules/{release}")
    }
    sizes = {"config": 260_163, "System.map": 83, "vmlinuz": 8_014_528, "initrd.img": initrd}
    for kind, size in sizes.items():
        name = f"{kind}-{release}"
        nodes[f"/boot/{name}"] = Node("f", 0o644, when(name), size=size)
    for name in ("vmlinuz", "initrd.img"):
        nodes[f"/{name}"] = Node("l", 0o777, when(name), target=f"boot/{name}-{release}")
    for path, (mode, size, target, group) in PROGRAMS.items():
        if target:
            nodes[path] = Node("l", 0o777, when(path), target=target)
        else:
            nodes[path] = Node("f", mode, when(path), "root", group, size=size)
    for path, target in ALTERNATIVES.items():
        name = path.rsplit("/", 1)[1]
        nodes[path] = Node("l", 0o777, when(path), target=f"/etc/alternatives/{name}")
        nodes[f"/etc/alternatives/{name}"] = Node("l", 0o777, when(name), target=target)
    return nodes


def point_release() -> str:
    """/etc/debian_version, as the installed base-files writes it (12.4+deb12u11: 12.11)."""
    version = packages()["base-files"].version
    update = version.rpartition("deb12u")[2]
    return f"12.{update}" if update.isdigit() else "12"


def doc_folders() -> list[str]:
    """/usr/share/doc's entries (a package's folder, as ``ls /usr/share/doc`` lists them)."""
    return sorted(packages())


def owners(pattern: str) -> list[tuple[str, list[str]]]:
    """``dpkg -S``: (path, packages) for each listed path the pattern matches. A pattern with
    no ``/`` and no wildcard matches within a path, an absolute one the path itself, a glob
    the whole path (dpkg-query's rules)."""
    glob = any(c in pattern for c in "*?[")
    if not glob and not pattern.startswith("/"):
        pattern, glob = f"*{pattern}*", True
    hits: dict[str, list[str]] = {}
    for package in packages().values():
        for path in package.files:
            if path == "/." or not (
                fnmatch.fnmatchcase(path, pattern) if glob else path == pattern
            ):
                continue
            hits.setdefault(path, []).append(package.shown_name)
    return list(hits.items())


def owns(path: str) -> bool:
    """Whether some package ships ``path`` (in /bin or /usr/bin alike: usrmerge) or an
    alternatives link names it."""
    names = {path}
    for short, full in (("/bin/", "/usr/bin/"), ("/sbin/", "/usr/sbin/")):
        if path.startswith(full):
            names.add(short + path[len(full) :])
        if path.startswith(short):
            names.add(full + path[len(short) :])
    if names & set(ALTERNATIVES):
        return True
    return any(names & set(p.files) for p in packages().values())


def dpkg_list(patterns: list[str]) -> tuple[str, list[str]]:
    """``dpkg -l``: the table (empty when nothing matched) and the patterns that matched
    nothing. Columns are as wide as their widest entry, at least 14, 12, 12 and 33 characters
    (dpkg 1.21 measures them from the packages shown, not from the terminal)."""
    chosen: list[Package] = []
    missing: list[str] = []
    everything = list(packages().values())
    if not patterns:
        chosen = everything
    for pattern in patterns:
        hits = [p for p in everything if fnmatch.fnmatchcase(p.name, pattern.partition(":")[0])]
        if not hits:
            missing.append(pattern)
        chosen += [p for p in hits if p not in chosen]
    if not chosen:
        return "", missing
    chosen.sort(key=lambda p: p.name)
    nw = max(14, *(len(p.shown_name) for p in chosen))
    vw = max(12, *(len(p.version) for p in chosen))
    aw = max(12, *(len(p.arch) for p in chosen))
    dw = max(33, *(len(p.synopsis) for p in chosen))
    head = (
        "Desired=Unknown/Install/Remove/Purge/Hold\n"
        "| Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend\n"
        "|/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)\n"
        f"||/ {'Name':<{nw}} {'Version':<{vw}} {'Architecture':<{aw}} Description\n"
        f"+++-{'=' * nw}-{'=' * vw}-{'=' * aw}-{'=' * dw}\n"
    )
    rows = "".join(
        f"ii  {p.shown_name:<{nw}} {p.version:<{vw}} {p.arch:<{aw}} {p.synopsis}\n" for p in chosen
    )
    return head + rows, missing


def query_show(patterns: list[str]) -> tuple[str, list[str]]:
    """``dpkg-query -W``: name, a tab, version; and the patterns that matched nothing."""
    lines: list[str] = []
    missing: list[str] = []
    everything = list(packages().values())
    for pattern in patterns or ["*"]:
        hits = [p for p in everything if fnmatch.fnmatchcase(p.name, pattern.partition(":")[0])]
        if not hits:
            missing.append(pattern)
        lines += [f"{p.shown_name}\t{p.version}\n" for p in hits]
    return "".join(lines), missing


def apt_show(package: Package) -> str:
    """``apt show``: the candidate's record as apt 2.6 prints it for an installed package."""
    f = package.fields
    size = int(f.get("Installed-Size", "0") or 0)
    shown = f"{size / 1024:.1f} MB" if size >= 1000 else f"{size} kB"
    keys = ("Priority", "Section", "Source", "Maintainer")
    lines = [f"Package: {package.name}", f"Version: {package.version}"]
    lines += [f"{k}: {f[k]}" for k in keys if k in f]
    lines.append(f"Installed-Size: {shown}")
    more = ("Provides", "Pre-Depends", "Depends", "Recommends", "Suggests", "Conflicts",
            "Breaks", "Replaces", "Homepage")  # fmt: skip
    lines += [f"{k}: {f[k]}" for k in more if k in f]
    lines.append(f"APT-Manual-Installed: {'no' if package.automatic else 'yes'}")
    suite = "bookworm-security" if "deb12u" in package.version else "bookworm"
    lines.append(f"APT-Sources: http://deb.debian.org/debian {suite}/main amd64 Packages")
    lines.append(f"Description: {f.get('Description', '')}")
    return "\n".join(lines) + "\n\n"


def install_answer(name: str) -> tuple[str, str, int] | None:
    """What ``apt-get install -y NAME`` prints on this machine without name resolution
    (stdout, stderr, status), measured in a Debian 12 root holding exactly this package list,
    for the tools intruders install; None for a name not measured."""
    return INSTALLS.get(name)


def apt_policy(package: Package) -> str:
    """``apt-cache policy``: installed and candidate the same version, from the archive."""
    v = package.version
    return (
        f"{package.shown_name}:\n  Installed: {v}\n  Candidate: {v}\n  Version table:\n"
        f" *** {v} 500\n        500 http://deb.debian.org/debian bookworm/main amd64 Packages\n"
        "        100 /var/lib/dpkg/status\n"
    )
