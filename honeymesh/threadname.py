"""The kernel's name for the calling thread, so that ``top -H``, ``ps -L`` and /proc tell
HoneyMesh's threads apart.

Python names a ``threading.Thread`` for itself alone: the kernel keeps calling each thread by
the name of the thread that started it (``twistd``, ``python3``), so an operator looking at a
busy daemon, or a benchmark splitting its CPU by thread (``bench/traps.py``), cannot see which
one is the store's writer. Linux takes a name of up to 15 bytes in ``/proc/thread-self/comm``;
longer names are cut.

This module is neutral: it imports nothing of HoneyMesh, so every layer may use it.
"""

from __future__ import annotations

#: What the kernel keeps of a thread's name (TASK_COMM_LEN less the terminating NUL).
LIMIT = 15


def name_this_thread(name: str) -> bool:
    """Give the calling thread ``name`` (its first 15 bytes) in the kernel's tables. Best
    effort: False where there is no /proc (the thread keeps the name it had), never raises,
    since a name is never worth a thread that does not start."""
    try:
        with open("/proc/thread-self/comm", "wb") as comm:
            comm.write(name.encode()[:LIMIT])
    except OSError:
        return False
    return True
