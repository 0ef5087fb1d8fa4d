"""Threads named in the kernel's tables: what ``top -H`` and ``ps -L`` show."""

from __future__ import annotations

import builtins
import threading
from pathlib import Path
from typing import Any

import pytest

from honeymesh.threadname import LIMIT, name_this_thread


def comm(native_id: int | None) -> str:
    return Path(f"/proc/self/task/{native_id}/comm").read_text().rstrip("\n")


def test_a_thread_names_itself_alone_and_a_long_name_is_cut_to_what_the_kernel_keeps() -> None:
    main_before = comm(threading.main_thread().native_id)
    named = threading.Event()
    done = threading.Event()
    seen: list[tuple[bool, int]] = []

    def run() -> None:
        seen.append((name_this_thread("honeymesh-a-long-name"), threading.get_native_id()))
        named.set()
        done.wait(10)

    thread = threading.Thread(target=run)
    thread.start()
    try:
        assert named.wait(10), "the thread never ran"
        ((ok, native_id),) = seen
        assert ok
        assert comm(native_id) == "honeymesh-a-long-name"[:LIMIT] == "honeymesh-a-lon"
        assert comm(threading.main_thread().native_id) == main_before
    finally:
        done.set()
        thread.join()


def test_without_proc_the_thread_keeps_its_name_and_nothing_raises(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = comm(threading.get_native_id())
    real_open = builtins.open

    def no_proc(path: Any, *args: Any, **kwargs: Any) -> Any:
        if str(path).startswith("/proc/"):
            raise FileNotFoundError(path)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", no_proc)
    assert name_this_thread("honeymesh-x") is False
    monkeypatch.undo()
    assert comm(threading.get_native_id()) == before
