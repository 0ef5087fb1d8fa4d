"""A logged-in FTP user's view of the fake machine, as vsftpd 3.0.3 shows it.

Debian's vsftpd lets a local user roam the whole file system (``chroot_local_user`` is off)
from their home directory, with the user's own permissions. So the FTP trap shows the same
machine the SSH and Telnet traps' shell shows (``debian_tree``, through a ``FakeShell``'s
copy-on-write view, per node), and answers as vsftpd does (measured against Debian 12's
vsftpd 3.0.3, ``tests/fidelity/test_ftp.py``): ``PWD`` names the physical directory (``CWD
/bin`` is ``/usr/bin``), ``CWD`` needs a directory the user may enter, ``SIZE`` and ``MDTM`` a
file whose folders the user may search, and ``STAT path`` lists over the control connection in
vsftpd's own ``ls`` format (numeric owners, dot files shown, an unreadable directory listed as
itself). Nothing here reads the real disk.
"""

from __future__ import annotations

import posixpath
import time
from collections.abc import Callable

from honeymesh.detection.traps.fakefs import (
    FsError,
    Node,
    SessionFs,
    absolute,
    as_bytes,
    parent,
)
from honeymesh.detection.traps.shell import FakeShell

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_HALF_YEAR = 60 * 60 * 24 * 182  # vsftpd shows the year, not the time, past this age
MAX_LISTING = 2000  # entries of one listing (a directory of the tree holds about 1,000 at most)
# Listing text one session may have (STAT, LIST, NLST): a 10-byte "STAT /bin" costs 4 ms and
# answers 36 KB, so without a bound one packet of them is 200 MB and 25 s of the reactor. Past
# it a listing is empty, as of a path that is not there.
MAX_LISTED = 1024 * 1024


class FtpFiles:
    """The file system commands of one logged-in user."""

    def __init__(self, shell: FakeShell, now: Callable[[], float]) -> None:
        self._fs: SessionFs = shell.fs
        self._now = now
        self.user = shell.user
        self.home = shell.home
        self.cwd = self.home
        self._uids = _ids(self._fs.get("/etc/passwd"))
        self._gids = _ids(self._fs.get("/etc/group"))
        self._listed = 0  # listing text given so far (MAX_LISTED)

    # --- commands ------------------------------------------------------------------------

    def pwd(self) -> bytes:
        return b'257 "%s" is the current directory\r\n' % self.cwd.replace('"', '""').encode(
            "utf-8", "surrogateescape"
        )

    def cwd_to(self, arg: str) -> bytes:
        path = self._path(arg) if arg else None
        node = self._reachable(path) if path is not None else None
        if path is None or node is None or node.kind != "d" or not self._may(node, 0o1):
            return b"550 Failed to change directory.\r\n"
        self.cwd = self._fs.resolve(path)
        return b"250 Directory successfully changed.\r\n"

    def cdup(self) -> bytes:
        self.cwd = parent(self.cwd)
        return b"250 Directory successfully changed.\r\n"

    def size(self, arg: str) -> bytes:
        node = self._reachable(self._path(arg)) if arg else None
        if node is None or node.kind != "f":
            return b"550 Could not get file size.\r\n"
        return b"213 %d\r\n" % node.shown_size

    def mdtm(self, arg: str) -> bytes:
        node = self._reachable(self._path(arg)) if arg else None
        if node is None or node.kind != "f":
            return b"550 Could not get file modification time.\r\n"
        return time.strftime("213 %Y%m%d%H%M%S\r\n", time.gmtime(node.mtime)).encode()

    def stat(self, arg: str) -> bytes:
        """``STAT path``: the listing over the control connection, dot files included."""
        lines = "".join(self.listing(arg, dot_files=True))
        return (
            b"213-Status follows:\r\n" + lines.encode("utf-8", "replace") + b"213 End of status\r\n"
        )

    def listing(self, arg: str, *, dot_files: bool) -> list[str]:
        """vsftpd's ``LIST`` lines for ``arg`` (options such as ``-la`` read and dropped): a
        directory's entries (``.`` and ``..`` with dot files), a file as itself, nothing for
        what is not there (or past the session's ``MAX_LISTED``)."""
        return self._counted(self._listing(arg, dot_files=dot_files))

    def _counted(self, lines: list[str]) -> list[str]:
        self._listed += sum(map(len, lines))
        return lines if self._listed <= MAX_LISTED else []

    def _listing(self, arg: str, *, dot_files: bool) -> list[str]:
        if self._listed > MAX_LISTED:
            return []
        path = self._path(_without_options(arg) or ".")
        node = self._reachable(path)
        if node is None:
            return []
        name = posixpath.basename(path) or "/"
        if node.kind != "d" or not self._may(node, 0o4):  # the entry itself, as lstat(2) sees it
            itself = absolute(self._fs.resolve(parent(path)), name) if path != "/" else "/"
            return [self._line(name, self._fs.raw(itself) or node, itself)]
        real = self._fs.resolve(path)
        names = self._fs.children(real)[:MAX_LISTING]
        if dot_files:
            names = [".", "..", *names]
        lines = []
        for entry in names:
            if entry.startswith(".") and not dot_files:
                continue
            where = (
                real if entry == "." else parent(real) if entry == ".." else absolute(real, entry)
            )
            shown = self._fs.raw(where)
            if shown is not None:
                lines.append(self._line(entry, shown, where))
        return lines

    def names(self, arg: str) -> list[str]:
        """vsftpd's ``NLST``: a directory's names (no dot files), prefixed with the path asked
        for; a file, or a folder that cannot be read, as the path itself; nothing for what is
        not there (or past the session's ``MAX_LISTED``)."""
        return self._counted(self._names(arg))

    def _names(self, arg: str) -> list[str]:
        if self._listed > MAX_LISTED:
            return []
        shown = _without_options(arg)
        path = self._path(shown or ".")
        node = self._reachable(path)
        if node is None:
            return []
        if node.kind != "d" or not self._may(node, 0o4):  # the path itself, as vsftpd does
            return [(shown or posixpath.basename(path)) + "\r\n"]
        prefix = "" if not shown else shown if shown.endswith("/") else shown + "/"
        entries = self._fs.children(self._fs.resolve(path))[:MAX_LISTING]
        return [f"{prefix}{entry}\r\n" for entry in entries if not entry.startswith(".")]

    def content(self, arg: str) -> bytes | None:
        """The bytes ``RETR arg`` sends: a file the user may read that the fake machine holds
        text for; None (vsftpd's "Failed to open file.") for anything else, a program whose
        bytes the trap does not hold included."""
        node = self._reachable(self._path(arg)) if arg else None
        if node is None or node.kind != "f" or not self._may(node, 0o4) or node.size is not None:
            return None
        return as_bytes(node.content)

    # --- paths and permissions -----------------------------------------------------------

    def _path(self, arg: str) -> str:
        if arg == "~" or arg.startswith("~/"):
            arg = self.home + arg[1:]
        return absolute(self.cwd, arg)

    def _reachable(self, path: str) -> Node | None:
        """The node at ``path`` (links followed) if the user may search every folder above
        it, as stat(2) needs; None otherwise."""
        try:
            real = self._fs.resolve(path)
        except FsError:  # a loop of links: there is nothing there
            return None
        folder = real
        while folder != "/":
            folder = parent(folder)
            above = self._fs.raw(folder)
            if above is None or not self._may(above, 0o1):
                return None
        return self._fs.raw(real)

    def _may(self, node: Node, bit: int) -> bool:
        """Whether the user (never root: /etc/ftpusers keeps root out) has ``bit`` (4 read,
        1 search) on ``node``: the owner's bits, the group's (the user's own group), or the
        others'."""
        if node.owner == self.user:
            return bool(node.mode & (bit << 6))
        if node.group == self.user:
            return bool(node.mode & (bit << 3))
        return bool(node.mode & bit)

    # --- vsftpd's ls format (ls.c: build_dir_line) --------------------------------------

    def _line(self, name: str, node: Node, path: str = "") -> str:
        links = self._links(path, node) if node.kind == "d" else 1
        uid = self._uids.get(node.owner, "0")
        gid = self._gids.get(node.group, "0")
        line = (
            f"{node.mode_text()} {links:>4} {uid:<8} {gid:<8} {node.shown_size:>8} "
            f"{self._date(node.mtime)} {name}"
        )
        if node.kind == "l":
            line += " -> " + node.target
        return line + "\r\n"

    def _links(self, path: str, node: Node) -> int:
        """A directory's link count: its entry, its ``.`` and each subdirectory's ``..``."""
        if not path:
            return 2
        real = self._fs.resolve(path)
        inner = sum(
            1
            for entry in self._fs.children(real)
            if (child := self._fs.raw(absolute(real, entry))) is not None and child.kind == "d"
        )
        return 2 + inner

    def _date(self, mtime: float) -> str:
        when = time.gmtime(mtime)
        month = _MONTHS[when.tm_mon - 1]
        now = self._now()
        if mtime > now or now - mtime > _HALF_YEAR:
            return f"{month} {when.tm_mday:02d}  {when.tm_year}"
        return f"{month} {when.tm_mday:02d} {when.tm_hour:02d}:{when.tm_min:02d}"


def _ids(node: Node | None) -> dict[str, str]:
    """Names to numeric ids from an /etc/passwd or /etc/group text."""
    ids: dict[str, str] = {}
    for line in (node.content if node is not None else "").splitlines():
        fields = line.split(":")
        if len(fields) >= 3 and fields[2].isdigit():
            ids.setdefault(fields[0], fields[2])
    return ids


def _without_options(arg: str) -> str:
    """``LIST -la /tmp`` is ``/tmp``: vsftpd reads ``-`` words as ls options and drops them."""
    words = arg.split(" ")
    while words and words[0].startswith("-"):
        words.pop(0)
    return " ".join(words)
