"""Threads named in the kernel's tables: what ``top -H`` and ``ps -L`` show."""

from __future__ import annotations

import threading
from pathlib import Path

from honeymesh.threadname import LIMIT, name_this_thread


def comm(native_id: int) -> str:
    return Path(f"/proc/self/task/{native_id}/comm").read_text().rstrip("\n")


def test_a_thread_names_itself_alone_and_a_long_name_is_cut_to_what_the_kernel_keeps() -> None:
    main_before = comm(threading.main_thread().native_id or 0)
    seen: list[tuple[bool, int]] = []

    def run() -> None:
        seen.append((name_this_thread("honeymesh-a-long-name"), threading.get_native_id()))
        done.wait()

    done = threading.Event()
    thread = threading.Thread(target=run)
    thread.start()
    try:
        while not seen:
            threading.Event().wait(0.01)
        ((named, native_id),) = seen
        assert named
        assert comm(native_id) == "honeymesh-a-long-name"[:LIMIT] == "honeymesh-a-lon"
        assert comm(threading.main_thread().native_id or 0) == main_before
    finally:
        done.set()
        thread.join()
