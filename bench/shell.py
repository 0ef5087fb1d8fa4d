"""The fake shell's cost on the reactor thread: what one session and one command line take.

Every line an attacker types is answered in the reactor's thread, so the worst line bounds how
long one attacker can hold every other connection. Measured here, in this process, with the
node's facts and no transport (the dialogue alone, as ``TrapProtocol`` drives it):

- a new session (the Debian tree built, the copy-on-write layer empty);
- the usual reconnaissance line (``uname -a; ip a; ifconfig; w; last; cat /etc/shadow; ...``),
  on a fresh session and on one whose layer is full (256 KiB, 512 entries);
- a 3 KB ``echo ... > file`` line, until the layer is full;
- the worst 4 KB lines we know: listings, ``ps`` or nested loops repeated until the line's work
  bound (2,000 commands, 64 KiB written) stops them.

One JSON line per measurement: the median and the maximum over ``--repeat`` runs, in ms.

    .venv/bin/python bench/shell.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import _args as argtypes
from honeymesh.detection.traps.facts import NodeFacts
from honeymesh.detection.traps.shell import FakeShell, ShellPersona

PERSONA = ShellPersona(
    "web01", "6.1.0-28-amd64", "Debian GNU/Linux 12 (bookworm)", facts=NodeFacts(b"b" * 32, 1.7e9)
)
RECON = (
    "uname -a; ip a; ifconfig; w; last; cat /etc/shadow; cat /etc/machine-id; uptime; ps aux; "
    "ls -la /"
)
WORST = {
    "listings to /dev/null": ("ls -la /tmp > /dev/null; " * 200)[:4090],
    "listings to the screen": ("ls -la /usr/bin /etc / /tmp; " * 200)[:4090],
    "ps | grep": ("ps aux|grep x;" * 400)[:4090],
    "nested loops": "for a in $(seq 1 100); do for b in $(seq 1 100); do for c in $(seq 1 100);"
    " do echo $a$b$c; done; done; done > /dev/null",
    "endless loops": "while true; do while true; do while true; do :; done; done; done",
}


def shell() -> FakeShell:
    return FakeShell(PERSONA, "root", lambda: 1.7e9 + 86400)


def full() -> FakeShell:
    sh = shell()
    big = "A" * 3000
    for i in range(700):
        sh.run(f"echo {big} > /tmp/f{i}")
    return sh


def timed(what: str, repeat: int, run: Callable[[], object]) -> None:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    print(json.dumps({"what": what, "median_ms": round(statistics.median(times), 2),
                      "max_ms": round(max(times), 2), "runs": repeat}))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=argtypes.count, default=20)
    repeat = parser.parse_args().repeat
    timed("new session", repeat, shell)
    fresh = shell()
    timed("recon line, fresh session", repeat, lambda: fresh.run(RECON))
    writer = shell()
    counter = iter(range(10**6))
    big = "A" * 3000
    timed("3 KB write line", repeat * 10, lambda: writer.run(f"echo {big} > /tmp/w{next(counter)}"))
    loaded = full()
    assert loaded.fs.usage()[0] == 512
    timed("recon line, full layer", repeat, lambda: loaded.run(RECON))
    timed("ls -la of a full /tmp", repeat, lambda: loaded.run("ls -la /tmp"))
    for name, line in WORST.items():
        timed(f"worst line: {name}", repeat, lambda line=line: loaded.run(line))  # type: ignore[misc]


if __name__ == "__main__":
    main()
