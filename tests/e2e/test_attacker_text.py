"""Attacker-controlled text on every surface of a running daemon, and what its console says.

One trap session sends CR/LF (a forged row), ANSI escapes (a cleared screen, red text) and a
bidi override. The CLI's table, ``honeymesh tail``, the TUI (in tmux), the dashboard (in
chromium) and the console log each show it as one row, escaped one way (honeymesh/text.py),
and nothing of it reaches a terminal raw. A real OpenSSH client logging in and out leaves no
error-level line and no trap.session line on the console (docs/CONFIG.md [log]).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from honeymesh.adminclient import AdminClient
from tests.test_text import SAMPLES

from ..nodes import make_node
from .daemon import VENV_BIN, Daemon, free_port, honeymesh, running_daemon, wait_for
from .test_dashboard import browser  # noqa: F401 - the fixture
from .test_tui import Terminal

HOSTILE = b"root\r\nFORGED 10.9.9.9 \x1b[2J\x1b[31mRED\x1b]0;owned\x07 \xe2\x80\xaegnp.exe\r\n"
ESCAPED = "root\\r\\nFORGED 10.9.9.9 \\x1b[2J\\x1b[31mRED\\x1b]0;owned\\x07 \\u202egnp.exe\\r\\n"
RAW = ("\x1b", "\u202e", "\x07", "\r")


@pytest.fixture(scope="module")
def daemon(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Daemon]:
    with running_daemon(tmp_path_factory.mktemp("attacker-text")) as d:
        yield d


def attack(daemon: Daemon) -> None:
    trap = daemon.node.config.traps[0].ports[0]
    with socket.create_connection(("127.0.0.1", trap), timeout=5) as s:
        s.recv(100)
        s.sendall(HOSTILE)


def stored(daemon: Daemon) -> None:
    client = AdminClient(daemon.node.config, token=daemon.node.admin_token)

    def there() -> bool:
        page = client.request("GET", "/api/v1/events?type=trap.session&limit=5")
        return any("FORGED" in str(e["detail"].get("preview")) for e in page["events"])

    wait_for(there)


def hostile_rows(text: str) -> list[str]:
    """The lines holding the attacker's text; a forged row would be a second one."""
    return [line for line in text.splitlines() if "FORGED" in line or "RED" in line]


def test_the_cli_table_and_tail_show_attacker_text_as_one_escaped_row(daemon: Daemon) -> None:
    tail = subprocess.Popen(
        [str(VENV_BIN / "honeymesh"), "tail", "--type", "trap.session", "--count", "1",
         "--config", str(daemon.node.config_path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        client = AdminClient(daemon.node.config, token=daemon.node.admin_token)
        wait_for(lambda: client.request("GET", "/api/v1/status")["feed"]["clients"] >= 1)
        attack(daemon)
        followed, err = tail.communicate(timeout=30)
    finally:
        if tail.poll() is None:
            tail.kill()
    assert tail.returncode == 0, err
    stored(daemon)
    table = honeymesh("events", "--type", "trap.session", "--config", str(daemon.node.config_path))
    assert table.returncode == 0, table.stderr
    for out in (followed, table.stdout):
        (row,) = hostile_rows(out)
        assert ESCAPED in row and "trap.session" in row
        assert not any(raw in out for raw in RAW)
    # JSON output stays JSON: the exact text, escaped by JSON itself.
    page = honeymesh("events", "--type", "trap.session", "--json", "--config",
                     str(daemon.node.config_path))  # fmt: skip
    previews = [e["detail"]["preview"] for e in json.loads(page.stdout)["events"]]
    assert HOSTILE.decode() in previews


def test_the_console_log_never_carries_attacker_text_raw(daemon: Daemon) -> None:
    attack(daemon)
    stored(daemon)
    console = daemon.output()
    assert not any(raw in console for raw in RAW)
    assert "FORGED" not in console  # trap sessions are not on the console (debug level)


def test_the_tui_shows_attacker_text_as_one_escaped_row(daemon: Daemon, tmp_path: Path) -> None:
    terminal = Terminal(f"hm-hostile-{os.getpid()}", [str(VENV_BIN / "honeymesh"), "tui",
                        "--config", str(daemon.node.config_path)], tmp_path)  # fmt: skip
    try:
        terminal.wait_for(lambda s: "feed live" in s, "the feed connected")
        terminal.tmux("resize-window", "-t", "tui", "-x", "400", "-y", "48")  # the whole row
        attack(daemon)
        screen = terminal.wait_for(lambda s: "FORGED" in s, "the hostile session")
        (row,) = hostile_rows(screen)
        assert "trap.session" in row and "preview=root\\r\\nFORGED 10.9.9.9 \\x1b[2J" in row
        assert "Live events" in screen and "HoneyMesh" in screen  # \x1b[2J cleared nothing
        title = terminal.tmux("display-message", "-p", "-t", "tui", "#{pane_title}")
        assert "owned" not in title  # nor did \x1b]0; retitle the window
    finally:
        terminal.close()


def test_the_dashboard_shows_attacker_text_as_one_escaped_row(
    daemon: Daemon,
    browser: Any,  # noqa: F811 - the fixture
) -> None:
    context = browser.new_context(ignore_https_errors=True)
    page = context.new_page()
    page.goto(f"https://127.0.0.1:{daemon.node.config.api.port}/")
    page.fill("#token", daemon.node.admin_token)
    page.click("#login-button")
    page.wait_for_selector("#feed-state:has-text('feed live')")
    # The page's shown() is the same function as honeymesh.text.shown, sample for sample.
    for sent, expected in SAMPLES:
        assert page.evaluate("(t) => shown(t)", sent) == (sent if expected is None else expected)
    attack(daemon)
    row = page.wait_for_selector("#events-table tr[data-event='trap.session']:has-text('FORGED')")
    text = row.text_content() or ""
    assert ESCAPED[:60] in text and not any(raw in text for raw in RAW)
    assert page.locator("#events-table tr:has-text('FORGED')").count() == 1
    assert page.locator("#events-table font, #events-table script").count() == 0
    context.close()


SSH_TRAP = """
[[traps]]
name = "ssh"
type = "ssh"
ports = [{port}]
bind = ["127.0.0.1"]
"""
SSH_OPTS = ("-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
            "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=5")  # fmt: skip


def test_an_openssh_login_and_logout_leave_no_error_and_no_trap_session_on_the_console(
    tmp_path: Path,
) -> None:
    ssh_port = free_port()
    node = make_node(tmp_path / "var", api_port=free_port(), trap_ports=(free_port(),),
                     extra=SSH_TRAP.format(port=ssh_port))  # fmt: skip
    daemon = Daemon(node, tmp_path)
    try:
        daemon.wait_ready()
        for password in ("hunter2", "root"):  # a refused login, then the weak one and logout
            subprocess.run(
                ["sshpass", "-p", password, "ssh", *SSH_OPTS, "-p", str(ssh_port),
                 "root@127.0.0.1", "exit"],
                capture_output=True, timeout=30, check=False,
            )  # fmt: skip
        client = AdminClient(node.config, token=node.admin_token)
        wait_for(
            lambda: (
                len(client.request("GET", "/api/v1/events?type=trap.session&limit=5")["events"])
                >= 2
            )
        )
    finally:
        daemon.stop()
    console = daemon.output()
    assert "] trap.session" not in console and "] trap.credential" not in console
    assert "Got remote error" not in console and "Traceback" not in console
    assert "connection lost" not in console  # nor Conch's chatter per connection
    log = node.config.data_path(node.config.log.json_file).read_text()
    levels = [json.loads(line).get("log_level") for line in log.splitlines()]
    errors = [line for line, level in zip(log.splitlines(), levels, strict=True)
              if level in ("error", "critical")]  # fmt: skip
    assert errors == []
