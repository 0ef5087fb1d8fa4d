"""The fake shell's file system: a fixed tree per node, and a copy-on-write layer per session.

An attacker who types ``echo x > f; cat f`` and gets nothing back knows at once the box is
fake. So each session writes into its own layer over the node's fixed tree (nothing is shared
between sessions, nothing touches the real disk) and later ``cat``/``ls``/``cd`` see it. The
layer is bounded in entries and bytes: past either, a write fails as on a full disk, "No space
left on device", so no session can grow the process's memory without limit.

Sans-IO: paths are strings, times are passed in, nothing is ever opened.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

MAX_BYTES = 256 * 1024  # of file contents a session may write
MAX_ENTRIES = 512  # files, directories and deletions a session may make
MAX_LINKS = 8  # symbolic links followed in one lookup (ELOOP past it)


class FsError(Exception):
    """An operation the real system would refuse; the message is strerror's text."""


@dataclass(frozen=True)
class Node:
    kind: str  # "d" directory, "f" file, "l" symbolic link
    mode: int  # permission bits, e.g. 0o644
    mtime: float
    owner: str = "root"
    group: str = "root"
    content: str = ""
    size: int | None = None  # what ls shows, when content is not the real thing (a binary)
    target: str = ""  # a link's target

    @property
    def shown_size(self) -> int:
        if self.size is not None:
            return self.size
        if self.kind == "d":
            return 4096
        if self.kind == "l":
            return len(self.target)
        return len(as_bytes(self.content))

    def mode_text(self) -> str:
        bits = "".join(
            ch if self.mode & (1 << (8 - i)) else "-" for i, ch in enumerate("rwxrwxrwx")
        )
        if self.mode & 0o1000:  # the sticky bit, as /tmp has
            bits = bits[:8] + ("t" if bits[8] == "x" else "T")
        if self.mode & 0o4000:  # set-user-id, as sudo and passwd have
            bits = bits[:2] + ("s" if bits[2] == "x" else "S") + bits[3:]
        if self.mode & 0o2000:  # set-group-id, as crontab has
            bits = bits[:5] + ("s" if bits[5] == "x" else "S") + bits[6:]
        return {"d": "d", "l": "l"}.get(self.kind, "-") + bits


def as_bytes(text: str) -> bytes:
    """The bytes a file or a screen gets: UTF-8, and a binary file's bytes (kept in its text
    as surrogate escapes, ``bytes.decode("utf-8", "surrogateescape")``) as themselves, one
    each, as ``cat``, ``wc -c`` and ``ls -l`` count them."""
    return text.encode("utf-8", "surrogateescape" if _ESCAPED.search(text) else "replace")


_ESCAPED = re.compile("[\udc80-\udcff]")


@lru_cache(maxsize=16)
def _children_of(keys: frozenset[str]) -> Mapping[str, frozenset[str]]:
    """Who is in which directory of a tree with these paths. Every session of a node has
    nearly the same tree (a thousand package paths), so the index is made once per tree shape."""
    index: dict[str, set[str]] = {}
    for key in keys:
        if key != "/":
            index.setdefault(parent(key), set()).add(posixpath.basename(key))
    return {folder: frozenset(names) for folder, names in index.items()}


def parent(path: str) -> str:
    return posixpath.dirname(path) or "/"


def absolute(cwd: str, path: str) -> str:
    """``path`` made absolute against ``cwd`` and normalised (``..`` of / is /)."""
    joined = path if path.startswith("/") else posixpath.join(cwd, path)
    parts: list[str] = []
    for piece in joined.split("/"):
        if piece in ("", "."):
            continue
        if piece == "..":
            if parts:
                parts.pop()
        else:
            parts.append(piece)
    return "/" + "/".join(parts)


class SessionFs:
    """One session's view: ``base`` (shared, never changed) under a private, bounded layer."""

    def __init__(
        self,
        base: Mapping[str, Node],
        *,
        max_bytes: int = MAX_BYTES,
        max_entries: int = MAX_ENTRIES,
    ) -> None:
        self._base = base
        self._layer: dict[str, Node | None] = {}  # None: deleted in this session
        self._cleared: set[str] = set()  # directories whose base content was removed
        # Who is in which directory, so that a listing costs its own entries, not the tree's.
        self._base_children = _children_of(frozenset(base))
        self._layer_children: dict[str, set[str]] = {}
        self._max_bytes = max_bytes
        self._max_entries = max_entries
        self._bytes = 0

    def usage(self) -> tuple[int, int]:
        """Entries and bytes this session's layer holds (each within its bound)."""
        return len(self._layer) + len(self._cleared), self._bytes

    # --- looking ---------------------------------------------------------------------------

    def raw(self, path: str) -> Node | None:
        """The node at ``path`` itself (a link is not followed)."""
        if path in self._layer:
            return self._layer[path]
        node = self._base.get(path)
        if node is None or self._hidden(path):
            return None
        return node

    def _hidden(self, path: str) -> bool:
        """Whether a base entry is gone with an ancestor removed (or moved) in this session,
        even if a directory of that name was made again since."""
        if not self._cleared:
            return False
        while path != "/":
            path = parent(path)
            if path in self._cleared:
                return True
        return False

    def resolve(self, path: str) -> str:
        """``path`` with every symbolic link in it followed (``/bin/sh`` -> ``/usr/bin/dash``)."""
        hops = 0
        done = "/"
        rest = [p for p in path.split("/") if p]
        while rest:
            piece = rest.pop(0)
            here = absolute(done, piece)
            node = self.raw(here)
            if node is not None and node.kind == "l":
                hops += 1
                if hops > MAX_LINKS:
                    raise FsError("Too many levels of symbolic links")
                target = absolute(parent(here), node.target)
                rest = [p for p in target.split("/") if p] + rest
                done = "/"
                continue
            done = here
        return done

    def get(self, path: str) -> Node | None:
        try:
            return self.raw(self.resolve(path))
        except FsError:
            return None

    def children(self, path: str) -> list[str]:
        """The names in directory ``path`` (resolved), sorted as ``ls`` sorts in the C locale."""
        real = self.resolve(path)
        names = self._base_children.get(real, set()) | self._layer_children.get(real, set())
        return sorted(n for n in names if self.raw(absolute(real, n)) is not None)

    def _keys(self) -> Iterator[str]:
        yield from self._base
        yield from (k for k in self._layer if k not in self._base)

    # --- changing --------------------------------------------------------------------------

    def _put(self, path: str, node: Node | None) -> None:
        old = self._layer.get(path)
        grown = (len(node.content.encode()) if node is not None else 0) - (
            len(old.content.encode()) if old is not None else 0
        )
        if path not in self._layer and self.usage()[0] >= self._max_entries:
            raise FsError("No space left on device")
        if self._bytes + grown > self._max_bytes:
            raise FsError("No space left on device")
        self._bytes += grown
        self._layer[path] = node
        if path != "/":
            self._layer_children.setdefault(parent(path), set()).add(posixpath.basename(path))

    def _directory_for(self, path: str) -> str:
        """The (resolved) parent directory of a new entry ``path``; it must exist."""
        folder = self.resolve(parent(path))
        node = self.raw(folder)
        if node is None:
            raise FsError("No such file or directory")
        if node.kind != "d":
            raise FsError("Not a directory")
        return folder

    def write(self, path: str, content: str, *, append: bool, now: float, owner: str) -> None:
        real = self.resolve(path)
        node = self.raw(real)
        if node is not None and node.kind == "d":
            raise FsError("Is a directory")
        if node is None:
            folder = self._directory_for(real)
            real = absolute(folder, posixpath.basename(real))
            node = Node("f", 0o644, now, owner, owner)
        text = node.content + content if append else content
        self._put(real, replace(node, content=text, size=None, mtime=now))

    def mkdir(self, path: str, *, now: float, owner: str) -> None:
        if self.raw(path) is not None:
            raise FsError("File exists")
        self._directory_for(path)
        self._put(path, Node("d", 0o755, now, owner, owner))

    def remove(self, path: str, *, recursive: bool) -> None:
        node = self.raw(path)
        if node is None:
            raise FsError("No such file or directory")
        if node.kind == "d" and not recursive:
            raise FsError("Is a directory")
        if path == "/":
            raise FsError("Device or resource busy")
        self._forget(path)

    def _forget(self, path: str) -> None:
        """``path`` and everything under it gone: the layer's entries dropped, the base's
        hidden (one entry for the lot)."""
        prefix = path.rstrip("/") + "/"
        for key in [k for k in self._layer if k.startswith(prefix)]:
            self._drop(key)
        if path not in self._cleared and any(k.startswith(prefix) for k in self._base):
            if self.usage()[0] >= self._max_entries:
                raise FsError("No space left on device")
            self._cleared.add(path)
        if path in self._base:
            self._put(path, None)
        else:
            self._drop(path)

    def _drop(self, path: str) -> None:
        """Forget a layer entry altogether (it was never in the base)."""
        old = self._layer.pop(path, None)
        self._bytes -= len(old.content.encode()) if old is not None else 0
        self._layer_children.get(parent(path), set()).discard(posixpath.basename(path))

    def copy(self, source: str, target: str, *, now: float, owner: str) -> None:
        node = self.get(source)
        if node is None:
            raise FsError("No such file or directory")
        if node.kind == "d":
            raise FsError("Is a directory")
        existing = self.get(target)
        if existing is not None and existing.kind == "d":
            target = absolute(target, posixpath.basename(source))
        self.write(target, node.content, append=False, now=now, owner=owner)
        written = self.get(target)
        if written is not None:
            self._put(self.resolve(target), replace(written, mode=node.mode, size=node.size))

    def move(self, source: str, target: str) -> None:
        node = self.raw(source)
        if node is None:
            raise FsError("No such file or directory")
        existing = self.get(target)
        if existing is not None and existing.kind == "d":
            target = absolute(self.resolve(target), posixpath.basename(source))
        folder = self._directory_for(target)
        target = absolute(folder, posixpath.basename(target))
        if target == source:
            return
        if target.startswith(source.rstrip("/") + "/"):
            raise FsError("Invalid argument")
        moved = [(target, node)]
        if node.kind == "d":
            prefix = source.rstrip("/") + "/"
            moved += [
                (target + key[len(source) :], child)
                for key in list(self._keys())
                if key.startswith(prefix) and (child := self.raw(key)) is not None
            ]
        self._forget(source)
        for path, child in moved:
            self._put(path, child)

    def touch(self, path: str, *, now: float, owner: str) -> None:
        node = self.get(path)
        if node is None:
            self.write(path, "", append=False, now=now, owner=owner)
        else:
            self._put(self.resolve(path), replace(node, mtime=now))

    def chmod(self, path: str, mode: int) -> None:
        node = self.get(path)
        if node is None:
            raise FsError("No such file or directory")
        self._put(self.resolve(path), replace(node, mode=mode & 0o7777))
