"""A real `twistd -n honeymesh` for end-to-end tests, and the CLI beside it."""

from __future__ import annotations

import contextlib
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from ..nodes import Node, make_node

VENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


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
