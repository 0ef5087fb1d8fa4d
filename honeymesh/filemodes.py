"""Refuse to run with secrets other users can read, as OpenSSH's StrictModes does.

The identity key is the node: its signing key is the mesh identity, and the local operator
token is derived from it, so anyone who can read it can run the node (one did switch a node to
LOCKDOWN as ``nobody``). The rule, checked before anything starts:

* a private key file (the identity key, the admin TLS key, a trap's keys) must be a regular
  file owned by the daemon's user or root, with no permission bits for group or others
  (``mode & 0o077 == 0``);
* the data directory (and the SSH trap's host key directory) must be owned by the daemon's
  user or root and give group and others no write access and others no access at all
  (``mode & 0o027 == 0``): whoever could write there could swap the key or the database;
* a file that decides who may do what (the configuration, with the admin token's digest; a
  trusted license key) may be read by others but written by its owner alone
  (``mode & 0o022 == 0``), as OpenSSH refuses a group- or world-writable configuration.

``honeymesh.strictmodes`` lists every such file the configuration names. ``honeymesh init``
creates them so (0600 files, a 0700 directory). The fix is always a ``chmod``, which the error
names.

Every secret HoneyMesh writes goes through ``replace_file``: a new file, then a rename. Opening
an existing file with ``O_TRUNC`` keeps its old mode, so ``init --force`` over a 0644 key left
the new key at 0644.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path


class UnsafeModes(Exception):
    """A secret file or the data directory is open to other users; the message says the fix."""


def _owner_ok(st: os.stat_result) -> bool:
    return st.st_uid in (os.geteuid(), 0)


def check_private_file(path: Path, what: str) -> None:
    """Refuse a private key that group or others may read or write (missing files are left
    to the loader, which says so itself)."""
    _check_file(path.lstat, path, what, forbidden=0o077, can="read it", fix=f"chmod 600 {path}")


def check_unwritable_file(path: Path, what: str) -> None:
    """Refuse a file that group or others may change (reading it is fine: it holds no secret,
    but it decides who may do what)."""
    _check_file(path.stat, path, what, forbidden=0o022, can="change it", fix=f"chmod go-w {path}")


def _check_file(
    stat_of: Callable[[], os.stat_result],
    path: Path,
    what: str,
    *,
    forbidden: int,
    can: str,
    fix: str,
) -> None:
    """A regular file, this user's, with none of the ``forbidden`` mode bits (else one line
    saying what other users can do with it and the command that fixes it)."""
    try:
        st = stat_of()
    except FileNotFoundError:
        return
    if not stat.S_ISREG(st.st_mode):
        raise UnsafeModes(f"{path}: the {what} must be a regular file")
    if not _owner_ok(st):
        raise UnsafeModes(f"{path}: the {what} belongs to uid {st.st_uid}, not to this user")
    bits = stat.S_IMODE(st.st_mode)
    if bits & forbidden:
        raise UnsafeModes(
            f"{path}: the {what} has mode {bits:04o}, so other users can {can}; refusing to "
            f"start ({fix})"
        )


def check_data_dir(path: Path, what: str = "data directory") -> None:
    """Refuse a directory of secrets others can enter or group and others can write."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return
    if not stat.S_ISDIR(st.st_mode):
        raise UnsafeModes(f"{path}: the {what} must be a directory")
    if not _owner_ok(st):
        raise UnsafeModes(f"{path}: the {what} belongs to uid {st.st_uid}, not this user")
    bits = stat.S_IMODE(st.st_mode)
    if bits & 0o027:
        raise UnsafeModes(
            f"{path}: the {what} has mode {bits:04o}, so other users can reach the "
            f"node's keys and database; refusing to start (chmod 700 {path})"
        )


def replace_file(path: Path, data: bytes, *, mode: int = 0o600) -> None:
    """Make ``path`` hold ``data`` with exactly ``mode``, whatever was there before, atomically.

    The bytes go to a new file in the same directory (``mkstemp``: 0600 from the start, so a
    secret is never readable by others even for an instant), which is synced, given ``mode``
    and renamed over ``path``; then the directory is synced. A crash leaves the old file or the
    new one, never a half-written key, and never a stale temporary file that a later write
    would reopen with its old mode."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fchmod(f.fileno(), mode)
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
