#!/usr/bin/env python3
"""Write honeymesh/detection/traps/debian_package_data.py from a Debian 12 machine.

The fake shell's package list is a real one: the stanzas of /var/lib/dpkg/status (installed
here) or of the packages' control files (``apt-get download``, for those not installed here),
and their file lists, cut to what a shell user looks at (programs, units, the doc folder).
Run on Debian 12 with the .deb files of the packages not installed in DEBS (default /tmp/debs).

INSTALLS (default /tmp/apt_installs.txt) holds what ``apt-get install -y PKG`` printed (stdout
and stderr together, ``=== PKG`` before each, ``rc=N`` after) in a Debian 12 root with this
list installed and no network (``unshare -n chroot ROOT apt-get install -y -o
Acquire::Retries=0 PKG``): the answers to the installs intruders try. ROOT (default /) is
where the programs' sizes and links are read: that root, or this machine.
"""

from __future__ import annotations

import glob
import os
import pprint
import re
import subprocess
import sys
from pathlib import Path

WANTED = """
    adduser apt base-files base-passwd bash bc bind9-dnsutils bind9-host bind9-libs
    bsdutils bzip2 ca-certificates coreutils cpio dash dbus debconf
    debian-archive-keyring debianutils diffutils dpkg e2fsprogs file findutils
    gettext-base gpgv grep groff-base gzip hostname init-system-helpers iproute2 less
    libc-bin libc-l10n libcap2-bin liblocale-gettext-perl libnss-systemd libpam-modules
    libpam-modules-bin libpam-runtime libpam-systemd locales login lsof man-db manpages
    mawk media-types mount ncurses-base ncurses-bin net-tools netbase nftables
    openssh-client passwd perl perl-base procps sed sensible-utils systemd systemd-sysv
    systemd-timesyncd sysvinit-utils tar time tzdata ucf util-linux util-linux-extra
    vim-common wget xz-utils apache2 apache2-bin apache2-data apache2-utils redis-server
    redis-tools dropbear dropbear-bin sudo curl busybox cron cron-daemon-common python3
    python3.11 python3-minimal python3.11-minimal libpython3.11-stdlib
    libpython3.11-minimal udev rsyslog netcat-openbsd tftp-hpa psmisc lsb-release libc6
    zlib1g libtomcrypt1 libtommath1 libcrypt1
    kmod linux-base initramfs-tools zstd
""".split()  # noqa: SIM905
FULL = {"dropbear", "dropbear-bin", "sudo", "busybox", "openssh-client", "netcat-openbsd"}
ORDER = """
    Package Essential Protected Status Priority Section Installed-Size Origin Maintainer Bugs
    Architecture Multi-Arch Source Version Config-Version Replaces Provides Depends Pre-Depends
    Recommends Suggests Breaks Conflicts Enhances Conffiles Description Homepage Built-Using
""".split()  # noqa: SIM905
DEBS = os.environ.get("DEBS", "/tmp/debs")  # noqa: S108
ROOT = os.environ.get("ROOT", "").rstrip("/")  # a root with exactly this list installed
INSTALLS = os.environ.get("INSTALLS", "/tmp/apt_installs.txt")  # noqa: S108


def stanzas(text: str) -> dict[str, str]:
    out = {}
    for block in text.strip().split("\n\n"):
        name = block.split("\n", 1)[0].removeprefix("Package: ")
        out[name] = block
    return out


def fields(block: str) -> list[tuple[str, str]]:
    result: list[tuple[str, str]] = []
    for line in block.split("\n"):
        if line.startswith(" ") and result:
            result[-1] = (result[-1][0], result[-1][1] + "\n" + line)
        else:
            key, _, value = line.partition(":")
            result.append((key, value.strip()))
    return result


def _installed(status: dict[str, str]) -> dict[str, str]:
    return {n: b for n, b in status.items() if "\nStatus: install ok installed" in b}


def closure(status: dict[str, str], debs: dict[str, str]) -> list[str]:
    """WANTED and what they depend on (the first alternative at hand, a provider for a
    virtual name), as apt would have installed them: a real machine's list has no holes."""
    here = _installed(status)
    controls = {
        n: subprocess.run(["dpkg-deb", "-f", p], capture_output=True, text=True, check=True).stdout
        for n, p in debs.items()
    }
    blocks = {**here, **controls}
    providers: dict[str, list[str]] = {}
    for name, block in blocks.items():
        for key, value in fields(block.strip()):
            if key == "Provides":
                for item in value.split(","):
                    providers.setdefault(item.split("(")[0].strip(), []).append(name)
    chosen: list[str] = []
    todo = list(WANTED)
    while todo:
        name = todo.pop(0).split(":")[0]
        if name not in blocks:  # a virtual name: a provider already chosen, or the first
            offered = providers.get(name, [])
            known = [o for o in offered if o in chosen or o in WANTED]
            name = (known or offered or [""])[0]
        if not name or name in chosen:
            continue
        chosen.append(name)
        for key, value in fields(blocks[name].strip()):
            if key not in ("Depends", "Pre-Depends"):
                continue
            for group in value.split(","):
                options = [o.split("(")[0].strip().split(":")[0] for o in group.split("|")]
                pick = next((o for o in options if o in blocks or o in providers), "")
                if pick:
                    todo.append(pick)
    return chosen


def merged(path: str) -> str:
    """/bin/ls -> /usr/bin/ls: where usrmerge puts it."""
    return "/usr" + path if path.startswith(("/bin/", "/sbin/")) else path


def program(path: str) -> tuple[int, int, str, str]:
    """A program's mode, size and group as ROOT holds it, or its link's target."""
    real = Path(ROOT + path)
    if real.is_symlink():
        return 0o777, 0, os.readlink(real), "root"
    if not real.exists():
        return 0o755, 0, "", "root"
    info = real.stat()
    groups = Path(ROOT + "/etc/group").read_text(encoding="utf-8").splitlines()
    group = next((g.split(":")[0] for g in groups if g.split(":")[2] == str(info.st_gid)), "root")
    return info.st_mode & 0o7777, info.st_size, "", group


def keep(path: str, name: str, full: bool) -> bool:
    if full:
        return True
    return (
        path.startswith(("/bin/", "/sbin/", "/usr/bin/", "/usr/sbin/"))
        or path == f"/usr/share/doc/{name}"
        or (path.endswith(".service") and "/systemd/system/" in path)
    )


def main() -> None:  # noqa: PLR0915
    status = stanzas(Path("/var/lib/dpkg/status").read_text(encoding="utf-8"))
    debs = {os.path.basename(p).split("_")[0]: p for p in glob.glob(f"{DEBS}/*.deb")}
    packages, files = [], {}
    programs: dict[str, tuple[int, int, str, str]] = {}
    rooted = {}
    if ROOT:  # a package installed there too: its stanza (conffiles) and list as dpkg keeps them
        rooted = _installed(stanzas(Path(ROOT + "/var/lib/dpkg/status").read_text("utf-8")))
    ordered_here = True
    for name in closure(status, debs):
        ordered_here = name not in debs or name in rooted
        if name in debs and name not in rooted:
            control = subprocess.run(
                ["dpkg-deb", "-f", debs[name]], capture_output=True, text=True, check=True
            ).stdout
            pairs = dict(fields(control.strip()))
            pairs["Status"] = "install ok installed"
            listing = subprocess.run(
                ["dpkg-deb", "--fsys-tarfile", debs[name]], capture_output=True, check=True
            ).stdout
            names = (
                subprocess.run(["tar", "-t"], input=listing, capture_output=True, check=True)
                .stdout.decode()
                .split()
            )
            paths = ["/" + p.removeprefix("./").rstrip("/") for p in names]
            paths = ["/." if p == "/" else p for p in paths]
        else:
            here = _installed(status)
            block = here.get(name) if name in here else rooted.get(name)
            if block is None:
                sys.exit(f"{name}: not installed and no .deb")
            info = "/var/lib/dpkg/info" if name in here else ROOT + "/var/lib/dpkg/info"
            pairs = dict(fields(block))
            arch = pairs["Architecture"]
            lst = f"{info}/{name}.list"
            if not os.path.exists(lst):
                lst = f"{info}/{name}:{arch}.list"
            paths = Path(lst).read_text(encoding="utf-8").split("\n")[:-1]
        full = name in FULL
        kept = [p for p in paths if keep(p, name, full)]
        folders = {"/."} | {p.rsplit("/", i)[0] for p in kept for i in range(1, p.count("/"))}
        files[name] = tuple(p for p in paths if p in kept or p in folders)
        for path in kept:
            if path.startswith(("/bin/", "/sbin/", "/usr/bin/", "/usr/sbin/")):
                programs[merged(path)] = program(path)
        for gone in (
            "Filename",
            "Size",
            "MD5sum",
            "SHA256",
            "Description-md5",
            "Tag",
            "Original-Maintainer",
        ):
            pairs.pop(gone, None)
        ordered = list(pairs)  # dpkg's own order, as its status file has it
        if not ordered_here:  # a control file's order: dpkg's status order instead
            ordered = [k for k in ORDER if k in pairs] + [k for k in pairs if k not in ORDER]
        packages.append(
            "\n".join(
                f"{k}: {pairs[k]}" if not pairs[k].startswith("\n") else f"{k}:{pairs[k]}"
                for k in ordered
            )
        )
    for stanza, shipped in kernel():
        packages.append(stanza)
        files[stanza.split("\n", 1)[0].removeprefix("Package: ")] = shipped
    out = sys.argv[1] if len(sys.argv) > 1 else "honeymesh/detection/traps/debian_package_data.py"
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(
            '"""Debian 12 packages of the fake shell\'s machine: written by '
            'scripts/gen_debian_packages.py, do not edit."""\n\n'
        )
        fh.write("# fmt: off\n# ruff: noqa: E501\n\n")
        fh.write("STATUS = " + pprint.pformat("\n\n".join(packages) + "\n", width=96) + "\n\n")
        fh.write("FILES: dict[str, tuple[str, ...]] = " + pprint.pformat(files, width=96) + "\n")
        fh.write("\n#: Each package's programs, usr-merged: mode, size, a link's target, group.\n")
        fh.write("PROGRAMS: dict[str, tuple[int, int, str, str]] = ")
        fh.write(pprint.pformat(dict(sorted(programs.items())), width=96) + "\n")
        fh.write("\n#: Packages apt installed as dependencies (apt-mark showauto).\n")
        automatic = sorted(set(files) - set(WANTED) - {p for p in files if "linux-image" in p})
        fh.write("AUTOMATIC = frozenset(" + pprint.pformat(automatic, width=96) + ")\n")
        fh.write("\n#: apt-get install -y PKG without network: (stdout, stderr, status).\n")
        fh.write("INSTALLS: dict[str, tuple[str, str, int]] = ")
        fh.write(pprint.pformat(installs(), width=96) + "\n")


#: The kernel the shell's uname shows (config.py's default, persona_names.KERNEL_BUILD).
KERNEL_ABI, KERNEL_VERSION = "6.1.0-28", "6.1.119-1"


def kernel() -> list[tuple[str, tuple[str, ...]]]:
    """The running kernel's image and its metapackage: bookworm's 6.1.0-28 (6.1.119-1) is gone
    from the archive, so its stanzas are the current ABI's with the version put back (the
    fields a user reads, name, version, description, depends, have the same form)."""
    shown = subprocess.run(["apt-cache", "show", "linux-image-amd64"], capture_output=True,
                           text=True, check=True).stdout.split("\n\n")[0]  # fmt: skip
    abi = re.search(r"linux-image-(6\.1\.0-\d+)-amd64", shown)
    image = subprocess.run(
        ["apt-cache", "show", f"linux-image-{abi[1] if abi else ''}-amd64"],
        capture_output=True, text=True, check=True,
    ).stdout.split("\n\n")[0]  # fmt: skip
    result = []
    for text in (image, shown):
        pairs = dict(fields(text.strip()))
        old = pairs["Version"]
        for key, value in list(pairs.items()):
            moved = value.replace(abi[1] if abi else "", KERNEL_ABI).replace(old, KERNEL_VERSION)
            pairs[key] = re.sub(
                r"\(\d[\d.]*\+\d+\)", f"({KERNEL_VERSION.replace('-', '+')})", moved
            )
        for gone in ("Filename", "Size", "MD5sum", "SHA256", "Description-md5", "Built-Using"):
            pairs.pop(gone, None)
        pairs["Status"] = "install ok installed"
        ordered = [k for k in ORDER if k in pairs] + [k for k in pairs if k not in ORDER]
        name = pairs["Package"]
        release = f"{KERNEL_ABI}-amd64"
        paths: tuple[str, ...] = ("/.", "/usr", "/usr/share", "/usr/share/doc",
                                  f"/usr/share/doc/{name}")  # fmt: skip
        if name != "linux-image-amd64":
            paths = ("/.", "/boot", f"/boot/System.map-{release}", f"/boot/config-{release}",
                     f"/boot/vmlinuz-{release}", "/lib", "/lib/modules", f"/lib/modules/{release}",
                     *paths[1:])  # fmt: skip
        result.append(("\n".join(f"{k}: {pairs[k]}" for k in ordered), paths))
    return result


def installs() -> dict[str, tuple[str, str, int]]:
    answers: dict[str, tuple[str, str, int]] = {}
    if not Path(INSTALLS).exists():
        return answers
    for block in Path(INSTALLS).read_text(encoding="utf-8").split("=== ")[1:]:
        name, _, rest = block.partition("\n")
        lines = rest.rstrip("\n").split("\n")
        status = int(lines.pop().removeprefix("rc="))
        lines = [
            line + " Done" if line.startswith("Reading ") or line.startswith("Building ") else line
            for line in lines
        ]  # on a terminal
        out = "".join(line + "\n" for line in lines if not line.startswith(("E: ", "W: ")))
        err = "".join(line + "\n" for line in lines if line.startswith(("E: ", "W: ")))
        answers[name] = (out, err, status)
    return answers


if __name__ == "__main__":
    main()
