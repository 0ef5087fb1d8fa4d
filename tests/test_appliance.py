"""The whole appliance in-process over real sockets: wiring, the banner trap end to end, the API."""

from __future__ import annotations

import json
import socket
import sqlite3
import ssl
import urllib.error
import urllib.request
from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest
import pytest_twisted
from twisted.internet import reactor, threads
from twisted.internet.defer import Deferred
from twisted.internet.task import deferLater

from honeymesh.events import EventId, Observation
from honeymesh.tap import Appliance, build_appliance
from honeymesh.web.app import SECURITY_HEADERS

from .nodes import Node, make_node


def sleep(seconds: float) -> Deferred[None]:
    return deferLater(reactor, seconds, lambda: None)


@pytest.fixture
def node(tmp_path: Path) -> Node:
    return make_node(tmp_path / "node")


@pytest.fixture
def appliance(node: Node) -> Generator[Appliance, None, None]:
    app = build_appliance(node.config, node.identity, reactor)
    app.service.startService()
    pytest_twisted.blockon(app.store.run(lambda c: None))  # the store is open
    yield app
    pytest_twisted.blockon(app.service.stopService())


def port_of(app: Appliance, kind: str, address: str) -> int:
    return next(
        li.info.port for li in app.listeners if li.info.kind == kind and li.info.address == address
    )


def test_makeservice_builds_the_expected_services(appliance: Appliance) -> None:
    names = [getattr(s, "name", None) or type(s).__name__ for s in appliance.service]
    assert names == [
        "json-log",
        "outputs",
        "StoreService",
        "event-retention",
        "license",
        "kernel",
        "enforcement-startup",
        "ban-housekeeping",
        "trust",
        "mesh",
        "traps",
        "api:admin-api:127.0.0.1:0",
        "ready-report",
    ]
    traps = appliance.service.getServiceNamed("traps")
    assert sorted(s.name for s in traps) == ["trap:banner:127.0.0.1:0", "trap:banner:::1:0"]
    assert all(li.info.state == "listening" for li in appliance.listeners)


def talk(family: int, host: str, port: int, payload: bytes) -> bytes:
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.settimeout(5)
        s.connect((host, port))
        banner = s.recv(1024)
        s.sendall(payload)
    return banner


@pytest_twisted.inlineCallbacks
@pytest.mark.parametrize(
    ("family", "host"), [(socket.AF_INET, "127.0.0.1"), (socket.AF_INET6, "::1")]
)
def test_banner_trap_end_to_end_lands_in_sqlite_and_the_json_log(
    appliance: Appliance, node: Node, family: int, host: str
):
    port = port_of(appliance, "trap", host)
    seen: list[Observation] = []
    appliance.bus.subscribe(lambda e: seen.append(e) if isinstance(e, Observation) else None)
    banner = yield threads.deferToThread(talk, family, host, port, b"USER root\r\nPASS toor\r\n")
    assert banner.startswith(b"220 ")
    for _ in range(100):
        if seen:
            break
        yield sleep(0.02)
    yield appliance.store.run(lambda c: None)  # everything queued before is committed now
    conn = sqlite3.connect(node.config.data_path(node.config.store.path))
    rows = conn.execute("SELECT source, body FROM events WHERE event_id = 'trap.session'")
    ((source, body),) = rows.fetchall()
    detail = json.loads(body)["detail"]
    assert source == host
    assert detail["bytes_received"] == 22
    assert detail["preview"] == "USER root\r\nPASS toor\r\n"
    assert detail["port"] == port and detail["local_address"] == host
    appliance.service.getServiceNamed("json-log").flush()  # the JSON log writes in batches
    log = node.config.data_path(node.config.log.json_file).read_text()
    logged = [json.loads(line) for line in log.splitlines() if "trap.session" in line]
    assert logged and logged[0]["event_id"] == "trap.session"
    assert logged[0]["source"] == host


def api_get(app: Appliance, node: Node, path: str, token: str | None) -> tuple[int, Any, Any]:
    port = port_of(app, "api", "127.0.0.1")
    ctx = ssl.create_default_context(cafile=str(node.config.data_path(node.config.api.tls_cert)))
    req = urllib.request.Request(f"https://127.0.0.1:{port}{path}")
    if token is not None:
        req.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(req, context=ctx, timeout=5) as resp:
            return resp.status, resp.headers, json.loads(resp.read())
    except urllib.error.HTTPError as e:
        return e.code, e.headers, json.loads(e.read())


@pytest_twisted.inlineCallbacks
def test_api_status_needs_the_token_and_says_where_everything_is(appliance: Appliance, node: Node):
    code, headers, body = yield threads.deferToThread(
        api_get, appliance, node, "/api/v1/status", None
    )
    assert code == 401 and body["error"]["code"] == "unauthorized"
    for name in SECURITY_HEADERS:
        assert headers[name.decode()], f"{name!r} missing on an error response"
    wrong = "hm_" + "A" * (len(node.admin_token) - 3)  # same length, wrong
    code, _, _ = yield threads.deferToThread(api_get, appliance, node, "/api/v1/status", wrong)
    assert code == 401
    code, headers, body = yield threads.deferToThread(
        api_get, appliance, node, "/api/v1/status", node.admin_token
    )
    assert code == 200
    assert headers["Content-Security-Policy"].startswith("default-src 'self'")
    assert body["mode"] == "test"
    assert body["kernel"]["state"] in ("starting", "idle")  # no interface configured
    assert {(r["kind"], r["address"]) for r in body["listeners"]} == {
        ("trap", "127.0.0.1"),
        ("trap", "::1"),
        ("api", "127.0.0.1"),
    }
    assert all(r["port"] > 0 for r in body["listeners"])
    code, _, body = yield threads.deferToThread(
        api_get, appliance, node, "/api/v1/nope", node.admin_token
    )
    assert code == 404 and body["error"]["code"] == "not_found"
    code, _, body = yield threads.deferToThread(api_get, appliance, node, "/api/v1/health", None)
    assert code == 200


@pytest_twisted.inlineCallbacks
def test_auth_failures_are_events(appliance: Appliance, node: Node):
    yield threads.deferToThread(api_get, appliance, node, "/api/v1/status", "nope")
    yield appliance.store.run(lambda c: None)
    count = yield appliance.store.run(
        lambda c: c.execute(
            "SELECT count(*) FROM events WHERE event_id = ?", (str(EventId.API_AUTH_FAILED),)
        ).fetchone()[0]
    )
    assert count == 1


@pytest_twisted.inlineCallbacks
def test_a_port_in_use_is_reported_and_the_rest_runs(tmp_path: Path):
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        taken = squatter.getsockname()[1]
        node = make_node(tmp_path / "n", trap_ports=(taken,))
        app = build_appliance(node.config, node.identity, reactor)
        app.service.startService()
        try:
            states = {(li.info.address, li.info.kind): li.info for li in app.listeners}
            failed = states[("127.0.0.1", "trap")]
            assert failed.state == "failed" and "in use" in (failed.error or "")
            assert states[("::1", "trap")].state == "listening"
            assert states[("127.0.0.1", "api")].state == "listening"
            status = app.control.status()
            assert [r["error"] for r in status["listeners"] if r["state"] == "failed"] == [
                failed.error
            ]
        finally:
            yield app.service.stopService()
