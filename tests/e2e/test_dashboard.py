"""The dashboard in a real browser (Debian's chromium through Playwright) against a running daemon.

Logs in with the admin token, watches a trap connection appear live, bans and unbans an address,
switches the mode through the confirmation, and saves a screenshot to tests/artifacts/. Every
request the page makes must stay on the node, and the CSP must never have to refuse anything.
"""

from __future__ import annotations

import json
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from honeymesh.adminclient import AdminClient

from .daemon import Daemon, running_daemon

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


@pytest.fixture
def daemon(tmp_path: Path) -> Iterator[Daemon]:
    with running_daemon(tmp_path) as d:
        yield d


@pytest.fixture
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists() or shutil.which("chromium") is None:
        pytest.skip("Debian's chromium is not installed (scripts/setup.sh test)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            b.close()


def test_dashboard_login_live_event_ban_and_mode(daemon: Daemon, browser: Any) -> None:
    node = daemon.node
    origin = f"127.0.0.1:{node.config.api.port}"
    context = browser.new_context(
        ignore_https_errors=True, viewport={"width": 1400, "height": 1800}
    )
    page = context.new_page()
    requests: list[str] = []
    problems: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))

    page.goto(f"https://{origin}/")
    page.fill("#token", "hm_wrong_" + "x" * 30)
    page.click("#login-button")
    page.wait_for_selector("#login-error:has-text('refused')")
    problems.clear()  # the refused login logged its 401; nothing else may go wrong

    page.fill("#token", node.admin_token)
    page.click("#login-button")
    page.wait_for_selector("#main:not(.hidden)")
    page.wait_for_selector("#feed-state:has-text('feed live')")
    assert page.text_content("#mode-current") == "TEST"

    trap = node.config.traps[0].ports[0]
    with socket.create_connection(("127.0.0.1", trap), timeout=5) as s:
        s.recv(100)
        s.sendall(b"USER browser\r\n")
    row = page.wait_for_selector("#events-table tr[data-event='trap.session']")
    assert "127.0.0.1" in row.text_content()

    page.fill("#ban-address", "203.0.113.123")
    page.fill("#ban-duration", "2h")
    page.fill("#ban-reason", "seen from the dashboard")
    page.click("#ban-button")
    ban_row = page.wait_for_selector("#bans-table tr[data-network='203.0.113.123/32']")
    assert "seen from the dashboard" in ban_row.text_content()
    page.wait_for_selector("#events-table tr[data-event='ban.added']")

    page.select_option("#mode-select", "enforce")
    page.click("#mode-switch")
    page.wait_for_selector("#mode-confirm:not(.hidden)")
    assert "ENFORCE" in page.text_content("#mode-confirm-text")
    page.click("#mode-confirm-yes")
    page.wait_for_selector("#mode-current:has-text('ENFORCE')")
    page.wait_for_selector("#mode-badge:has-text('ENFORCE')")
    page.wait_for_timeout(3500)  # the charts refresh after a burst; let them, for the picture

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)

    client = AdminClient(node.config, token=node.admin_token)
    assert client.request("GET", "/api/v1/mode") == {"mode": "enforce"}
    bans = client.request("GET", "/api/v1/bans")["bans"]
    assert [b["reasons"] for b in bans if b["network"] == "203.0.113.123/32"] == [
        ["seen from the dashboard"]
    ]

    page.click("#bans-table tr[data-network='203.0.113.123/32'] button")
    page.wait_for_selector("#bans-table tr[data-network='203.0.113.123/32']", state="detached")
    assert client.request("GET", "/api/v1/bans")["bans"] == []

    foreign = [u for u in requests if not u.startswith((f"https://{origin}/", f"wss://{origin}/"))]
    assert foreign == [], f"the page reached beyond the node: {json.dumps(foreign)}"
    assert problems == [], problems  # no script errors, no CSP refusals
    context.close()
