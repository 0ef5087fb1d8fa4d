"""`honeymesh tui` in a real terminal (tmux) against a running daemon, read off the screen."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .daemon import VENV_BIN, Daemon, running_daemon, wait_for

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Terminal:
    """One tmux server of our own (its own socket), one window of 160x48."""

    def __init__(self, name: str, command: list[str], cwd: Path) -> None:
        self.socket = name
        self.tmux(
            "new-session", "-d", "-s", "tui", "-x", "160", "-y", "48", "-c", str(cwd),
            " ".join(command),
        )  # fmt: skip

    def tmux(self, *args: str) -> str:
        result = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True,
                                text=True, timeout=10, check=False)  # fmt: skip
        return result.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "tui")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "tui", *keys)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", "tui", "-l", text)

    def wait_for(self, predicate: Callable[[str], bool], what: str) -> str:
        try:
            wait_for(lambda: predicate(self.screen()), timeout=20)
        except AssertionError:
            raise AssertionError(f"never saw {what} on the screen:\n{self.screen()}") from None
        return self.screen()

    def alive(self) -> bool:
        return "tui" in self.tmux("list-sessions", "-F", "#{session_name}")

    def close(self) -> None:
        self.tmux("kill-server")


@pytest.fixture
def daemon(tmp_path: Path) -> Iterator[Daemon]:
    with running_daemon(tmp_path) as d:
        yield d


@pytest.fixture
def terminal(daemon: Daemon, tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(f"hm-tui-{os.getpid()}", [str(VENV_BIN / "honeymesh"), "tui", "--config",
                    str(daemon.node.config_path)], tmp_path)  # fmt: skip
    try:
        yield term
    finally:
        term.close()


def test_tui_shows_live_events_bans_and_switches_the_mode(
    daemon: Daemon, terminal: Terminal
) -> None:
    first = terminal.wait_for(lambda s: "feed live" in s, "the feed connected")
    assert "mode TEST" in first and "Live events" in first and "Bans" in first
    assert "no active bans" in first and "no mesh peers known yet" in first

    trap = daemon.node.config.traps[0].ports[0]
    with socket.create_connection(("127.0.0.1", trap), timeout=5) as s:
        s.recv(100)
        s.sendall(b"USER tui\r\n")
    terminal.wait_for(lambda s: "trap.session" in s and "127.0.0.1" in s, "the trap session")

    terminal.keys("b")
    terminal.wait_for(lambda s: "ban ADDR [DURATION]" in s, "the ban prompt")
    terminal.type("203.0.113.90 2h seen in the tui")
    terminal.keys("Enter")
    screen = terminal.wait_for(
        lambda s: "seen in the tui" in s and "ban.added" in s, "the new ban and its event"
    )
    assert "banned 203.0.113.90/32" in screen  # the prompt line says it, too
    (row,) = [line for line in screen.splitlines() if "seen in the tui" in line]
    assert "203.0.113.90/32" in row and "operator" in row

    terminal.keys("Tab")  # the bans pane; its first row is selected
    terminal.keys("u")
    terminal.wait_for(lambda s: "unbanned 203.0.113.90/32" in s, "the unban")
    terminal.wait_for(lambda s: "no active bans" in s, "the empty ban list")

    terminal.keys("m")
    terminal.type("enforce")
    terminal.keys("Enter")
    terminal.wait_for(lambda s: "mode ENFORCE" in s, "the mode switch")

    terminal.keys("q")
    wait_for(lambda: not terminal.alive(), timeout=10)
