"""The dashboard in a real browser (Debian's chromium through Playwright) against a running daemon.

Logs in with the admin token, watches a trap connection appear live, bans and unbans an address,
switches the mode through the confirmation, and saves a screenshot to tests/artifacts/. Every
request the page makes must stay on the node, and the CSP must never have to refuse anything.
The Mesh panel is checked twice: on that Community node (disabled, and why) and on one node of a
real two-node mesh (the other member listed, then seen going offline).
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

from ..mesh.cluster import Cluster
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
    # A Community node without the opt-in: the Mesh panel says it is off, and why.
    page.wait_for_selector("#mesh-card[data-state='disabled']")
    assert page.text_content("#mesh-state-name") == "disabled"
    why = page.text_content("#mesh-state-text") or ""
    assert "license tier is community" in why and "sharing.enabled is false" in why
    assert page.query_selector_all("#mesh-table tbody tr") == []

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


def test_the_mesh_panel_lists_the_members_of_a_real_mesh(tmp_path: Path, browser: Any) -> None:
    cluster = Cluster(tmp_path, 2)
    try:
        cluster.start()
        cluster.form()
        first, second = cluster.nodes
        assert first.daemon is not None
        node = first.daemon.node
        origin = f"127.0.0.1:{node.config.api.port}"
        context = browser.new_context(
            ignore_https_errors=True, viewport={"width": 1400, "height": 900}
        )
        page = context.new_page()
        problems: list[str] = []
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("response", lambda r: problems.append(r.url) if r.status >= 400 else None)
        page.goto(f"https://{origin}/")
        page.fill("#token", node.admin_token)
        page.click("#login-button")
        page.wait_for_selector("#feed-state:has-text('feed live')")

        page.wait_for_selector("#mesh-card[data-state='member']")
        other = second.node_id
        # Active, and its BTL level known (trust registers a member as it connects).
        active = f"#mesh-table tr[data-node='{other}'][data-state='active']"
        page.wait_for_selector(f"{active} td.level-L2")
        row = page.wait_for_selector(active)
        cells = [c.text_content() for c in row.query_selector_all("td")]
        name, state, level, score, standing, last, cap, address = cells
        assert name.startswith("n1 ") and state == "active" and level == "L2"
        assert float(score) > 0 and float(standing) == 0.0
        assert last.endswith("s ago")
        assert "schemas v2" in cap and "signals" in cap and "DEMOTED" not in cap
        assert address == f"127.0.0.1:{second.mesh_port}"
        me = page.wait_for_selector(f"#mesh-table tr[data-node='{first.node_id}']")
        assert "this node" in me.text_content()
        cluster_id = first.status()["cluster"]
        assert page.text_content("#mesh-state-text") == (
            f"cluster {cluster_id}, 2 members, 1 of 1 peers active"
        )
        page.wait_for_selector("#mesh-badge:has-text('mesh 1/1 up')")
        ARTIFACTS.mkdir(exist_ok=True)
        page.locator("#mesh-card").screenshot(path=str(ARTIFACTS / "dashboard-mesh.png"))

        # The other member goes away: a mesh.peer_down on the feed, and its row says offline.
        second.stop()
        page.wait_for_selector(f"#mesh-table tr[data-node='{other}'][data-state='offline']")
        page.wait_for_selector("#mesh-state-text:has-text('0 of 1 peers active')")
        assert problems == [], problems
        context.close()
    finally:
        cluster.stop()
