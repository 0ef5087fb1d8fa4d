"""A real `twistd -n honeymesh` for end-to-end tests, and the CLI beside it."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from ..nodes import Node, make_node

VENV_BIN = Path(sys.executable).parent


#: Where ``free_port`` looks: from here to the start of the kernel's ephemeral range.
PORTS_FROM = 20_000


def free_port(kind: int = socket.SOCK_STREAM) -> int:
    """A loopback port nothing holds now, for a server that binds it a moment (or, for a real
    server setting itself up, seconds) later. Chosen below the kernel's ephemeral range: a
    port the kernel hands out itself (a bind to port 0, the local end of every outgoing
    connection) may be taken by any socket in between, and with the fidelity suite running
    beside the rest (scripts/test.sh) other tests open thousands of connections a second.
    Below the range only another test's explicit choice can take it, and scripts/test.sh
    gives each of its two runs half of it (``HONEYMESH_TEST_PORTS``: a port the nmap sweep had
    chosen for its MySQL trap was taken by the fidelity run's Apache, CI simulation)."""
    low = int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    first, last = PORTS_FROM, max(low, PORTS_FROM + 2)
    half = (first + last) // 2
    share = os.environ.get("HONEYMESH_TEST_PORTS", "")
    if share == "lower":
        last = half
    elif share == "upper":
        first = half
    pick = random.SystemRandom()  # not the seeded module state hypothesis manages
    for _ in range(1000):
        port = pick.randrange(first, last)
        with socket.socket(socket.AF_INET, kind) as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free loopback port from {first} to {last}")


def honeymesh(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(VENV_BIN / "honeymesh"), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )


def wait_for(predicate: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError("timed out waiting")


class Daemon:
    def __init__(self, node: Node, cwd: Path) -> None:
        self.node = node
        self.out = cwd / "daemon.out"
        argv = [
            str(VENV_BIN / "twistd"),
            "--nodaemon",
            "--pidfile=",
            "honeymesh",
            "--config",
            str(node.config_path),
        ]
        # As from a terminal: SIGINT at its default even if this test runs in the background
        # (where the shell ignores it, and an ignored SIGINT stays ignored across exec).
        start = (
            "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
            "os.execv(sys.argv[1], sys.argv[1:])"
        )
        self.proc = subprocess.Popen(
            [sys.executable, "-c", start, *argv],
            stdout=self.out.open("w"),
            stderr=subprocess.STDOUT,
            cwd=cwd,
        )

    def output(self) -> str:
        return self.out.read_text()

    def handles(self, sig: int) -> bool:
        """Has the daemon installed its handler for this signal yet? (/proc SigCgt mask)"""
        status = Path(f"/proc/{self.proc.pid}/status").read_text()
        caught = int(next(ln for ln in status.splitlines() if ln.startswith("SigCgt:"))[7:], 16)
        return bool(caught & (1 << (sig - 1)))

    def wait_ready(self) -> None:
        wait_for(lambda: "ban list restored" in self.output() or self.proc.poll() is not None)
        assert self.proc.poll() is None, self.output()
        wait_for(lambda: self.handles(signal.SIGTERM) and self.handles(signal.SIGINT))

    def stop(self, sig: int = signal.SIGTERM) -> int:
        self.proc.send_signal(sig)
        return self.proc.wait(timeout=30)


@contextlib.contextmanager
def running_daemon(where: Path) -> Iterator[Daemon]:
    """A provisioned node on free loopback ports, its daemon started and ready; stopped after."""
    node = make_node(where / "var", api_port=free_port(), trap_ports=(free_port(),))
    d = Daemon(node, where)
    try:
        d.wait_ready()
        yield d
    finally:
        if d.proc.poll() is None:
            d.stop()
