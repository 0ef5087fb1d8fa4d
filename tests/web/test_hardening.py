"""The admin site against hostile input and a locked-out address (issue 12, failures 3 and 8)."""

from __future__ import annotations

import http.client
import json
import socket
import ssl
from pathlib import Path
from typing import Any

import pytest
import pytest_twisted
from twisted.internet import reactor, threads
from twisted.internet.address import IPv4Address
from twisted.internet.defer import fail
from twisted.internet.error import ConnectionDone
from twisted.internet.task import Clock
from twisted.internet.testing import StringTransport
from twisted.python.failure import Failure
from twisted.web.resource import Resource
from twisted.web.server import NOT_DONE_YET, Request

from honeymesh.listeners import ListenerService
from honeymesh.store.db import StoreError
from honeymesh.tap import Appliance
from honeymesh.tui.app import ban_row, event_row
from honeymesh.web.app import ApiSite
from honeymesh.web.auth import local_operator_token

from ..nodes import Node
from .conftest import Http, sleep
from .test_api import assert_security_headers

UPGRADE = {
    "Upgrade": "websocket",
    "Connection": "Upgrade",
    "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
    "Sec-WebSocket-Version": "13",
}


@pytest_twisted.ensureDeferred
async def test_a_locked_out_address_still_gets_in_with_a_correct_token(
    api: Http, node: Node
) -> None:
    source = "127.0.0.1"  # where the CLI, the TUI and a local dashboard come from
    for _ in range(12):
        resp = await api("GET", "/api/v1/status", token="hm_wrong", source=source)
        assert resp.status in (401, 429)
    wrong = await api("GET", "/api/v1/status", token="hm_wrong", source=source)
    assert wrong.status == 429 and int(wrong.headers["Retry-After"]) >= 1
    # The admin token, the local operator token (the root CLI's) and the feed still work.
    assert (await api("GET", "/api/v1/status", source=source)).status == 200
    local = local_operator_token(node.identity)
    assert (await api("GET", "/api/v1/status", token=local, source=source)).status == 200
    ticket = await api("POST", "/api/v1/ws-ticket", source=source)
    assert ticket.status == 201
    path = ticket.json()["path"]
    feed = await api("GET", path, token=None, headers=UPGRADE, source=source)
    assert feed.status == 101
    # A ticket guess from the locked-out address is refused like a token guess.
    guess = await api("GET", "/ws?ticket=wst_guess", token=None, headers=UPGRADE, source=source)
    assert guess.status == 429


@pytest_twisted.ensureDeferred
async def test_the_bearer_scheme_is_case_insensitive_and_spacing_is_forgiven(api: Http) -> None:
    for header in (f"bearer {api.token}", f"BEARER  {api.token} ", f"  Bearer\t{api.token}"):
        resp = await api(
            "GET",
            "/api/v1/status",
            token=None,
            headers={"Authorization": header.replace("\t", " ")},
        )
        assert resp.status == 200, header
    resp = await api(
        "GET",
        "/api/v1/status",
        token=None,
        headers={"Authorization": api.token},
        source="127.0.2.1",
    )
    assert resp.status == 401


def nested(depth: int) -> bytes:
    return b'{"network":' + b"[" * depth + b"]" * depth + b"}"


@pytest_twisted.ensureDeferred
async def test_deeply_nested_json_is_a_400_on_every_route(api: Http) -> None:
    for path in ("/api/v1/bans", "/api/v1/allowlist", "/api/v1/mode", "/api/v1/mesh/tokens"):
        resp = await api("POST", path, raw=nested(1000), source="127.0.1.1")
        assert resp.status == 400 and resp.code == "bad_json", (path, resp.status, resp.body)
        assert "deeper than" in resp.json()["error"]["message"]
        assert_security_headers(resp)
    # Brackets inside strings are text, not nesting.
    body = json.dumps({"network": "203.0.113.61", "reason": "[{" * 100}).encode()
    assert (await api("POST", "/api/v1/bans", raw=body)).status == 201


@pytest_twisted.ensureDeferred
async def test_a_lone_surrogate_is_refused_at_every_text_input(api: Http) -> None:
    cases: list[tuple[str, Any]] = [
        ("/api/v1/bans", {"network": "203.0.113.62", "reason": "bad \ud800"}),
        ("/api/v1/bans", {"network": "203.0.113.62", "reasons": ["ok", "\udfff"]}),
        ("/api/v1/allowlist", {"network": "203.0.113.62", "reason": "\ud800"}),
        ("/api/v1/mode", {"mode": "test\ud800"}),
        ("/api/v1/bans", {"network\ud800": "203.0.113.62"}),
    ]
    for path, body in cases:
        resp = await api("POST", path, body)  # json.dumps writes it as the escape \ud800
        assert resp.status == 400 and resp.code == "bad_text", (path, body, resp.body)
    doc = json.dumps([{"network": "203.0.113.62", "reason": "\ud800"}]).encode()
    resp = await api("POST", "/api/v1/bans/import", raw=doc)
    assert resp.status == 400 and resp.code == "bad_ban_file"
    bans = (await api("GET", "/api/v1/bans")).json()["bans"]
    assert "203.0.113.62/32" not in {b["network"] for b in bans}


@pytest_twisted.ensureDeferred
async def test_one_bad_row_already_stored_never_breaks_the_exports(
    api: Http, appliance: Appliance
) -> None:
    # As stored before input was checked: straight through Control, past the API's checks.
    await appliance.control.ban(
        "203.0.113.63", duration="1h", reasons=["broken \ud800 reason"], by="test"
    )
    await appliance.control.ban("203.0.113.64", duration="1h", reasons=["fine"], by="test")
    for fmt in ("csv", "text", "json"):
        resp = await api("GET", f"/api/v1/bans/export?format={fmt}")
        assert resp.status == 200
        text = resp.body.decode("utf-8")  # valid UTF-8 throughout
        assert "203.0.113.63" in text and "203.0.113.64" in text, fmt
    csv_text = (await api("GET", "/api/v1/bans/export?format=csv")).body.decode()
    assert "broken \\ud800 reason" in csv_text
    listed = await api("GET", "/api/v1/bans")
    assert {"203.0.113.63/32", "203.0.113.64/32"} <= {b["network"] for b in listed.json()["bans"]}


@pytest_twisted.ensureDeferred
async def test_a_database_that_cannot_save_answers_503_with_the_reason(
    api: Http, appliance: Appliance
) -> None:
    banlist = appliance.control.banlist
    assert banlist is not None
    real = banlist.add
    banlist.add = lambda *a, **kw: fail(StoreError("database or disk is full"))  # type: ignore[method-assign]
    try:
        resp = await api("POST", "/api/v1/bans", {"network": "203.0.113.65"})
    finally:
        banlist.add = real  # type: ignore[method-assign]
    assert resp.status == 503 and resp.code == "store_unavailable"
    assert "disk is full" in resp.json()["error"]["message"]


def raw_exchange(api: Http, data: bytes) -> bytes:
    with (
        socket.create_connection(("127.0.0.1", api.port), timeout=10) as plain,
        api.context.wrap_socket(plain) as tls,
    ):
        tls.sendall(data)
        out = b""
        while True:
            try:
                chunk = tls.recv(65536)
            except (ssl.SSLError, ConnectionResetError):
                break
            if not chunk:
                break
            out += chunk
        return out


@pytest_twisted.ensureDeferred
async def test_twisted_own_400_carries_the_security_headers_and_no_answer_names_twisted(
    api: Http,
) -> None:
    for junk in (b"NOT HTTP AT ALL\r\n\r\n", b"GET / HTTP/1.1\r\nbad header line\r\n\r\n"):
        answer: bytes = await threads.deferToThread(raw_exchange, api, junk)
        head = answer.split(b"\r\n\r\n")[0].decode("latin-1")
        assert head.startswith("HTTP/1.1 400"), answer
        for name in ("Strict-Transport-Security", "Content-Security-Policy", "X-Frame-Options"):
            assert name.lower() in head.lower(), (name, head)
        assert "twisted" not in answer.decode("latin-1").lower()
    for path in ("/api/v1/status", "/api/v1/nope", "/"):
        resp = await api("GET", path)
        assert "twisted" not in json.dumps(dict(resp.headers)).lower(), path


class Held(Resource):
    """Answers nothing until the test says so, as a ban waiting for its commit would."""

    isLeaf = True

    def __init__(self) -> None:
        super().__init__()
        self.requests: list[Request] = []

    def render(self, request: Request) -> int:
        self.requests.append(request)
        return NOT_DONE_YET


def get(port: int) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        conn.request("GET", "/")
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


@pytest_twisted.ensureDeferred
async def test_on_stop_the_api_stops_listening_then_finishes_what_it_accepted() -> None:
    held = Held()
    site = ApiSite(held)
    listener = ListenerService(
        name="api",
        kind="api",
        transport="tcp",
        address="127.0.0.1",
        port=0,
        reactor=reactor,  # type: ignore[arg-type]
        clock=reactor,
        publish=lambda event: None,
        factory=site,
        drain=lambda: site.drain(reactor, timeout=10.0),
    )
    listener.startService()
    port = listener.info.port
    answer = threads.deferToThread(get, port)
    for _ in range(400):
        if held.requests:
            break
        await sleep(0.025)
    assert held.requests, "the request never arrived"
    stopped = listener.stopService()
    await sleep(0.3)
    # Not stopped while a request it accepted is unanswered; no longer accepting meanwhile.
    assert not stopped.called
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=5).close()
    request = held.requests[0]
    request.write(b"kept")
    request.finish()
    await stopped
    assert await answer == (200, b"kept")


def test_the_tui_rows_show_a_stored_lone_surrogate_escaped() -> None:
    ban = {"network": "203.0.113.66/32", "source": "operator", "expires": None,
           "reasons": ["odd \ud800 reason"]}  # fmt: skip
    row = ban_row(ban, 0.0)
    row.encode("utf-8")  # a terminal can show it
    assert "203.0.113.66/32" in row and "odd \\ud800 reason" in row
    event = {"time": 0.0, "event_id": "ban.added", "source": "203.0.113.66/32",
             "detail": {"reason": "\udfff"}}  # fmt: skip
    assert "\\udfff" in event_row(event)


@pytest_twisted.ensureDeferred
async def test_past_the_limit_a_guess_costs_the_guesser_a_429_and_the_node_no_event(
    api: Http, appliance: Appliance
) -> None:
    failed: list[object] = []
    source = "127.0.3.1"

    def seen(event: object) -> None:
        kind, where = getattr(event, "event_id", None), getattr(event, "source", None)
        if kind == "api.auth_failed" and where == source:
            failed.append(event)

    unsubscribe = appliance.bus.subscribe(seen)
    try:
        for _ in range(10):
            resp = await api("GET", "/api/v1/status", token="hm_x", source=source)
            assert resp.status == 401
        assert len(failed) == 10
        for _ in range(20):
            resp = await api("GET", "/api/v1/status", token="hm_x", source=source)
            assert resp.status == 429
        assert len(failed) == 10  # the log and the events table are not flooded by guesses
    finally:
        unsubscribe()


class Ok(Resource):
    isLeaf = True

    def render_GET(self, request: Request) -> bytes:
        return b"ok"


def test_an_idle_api_keeps_no_timer_and_dates_each_access_line_when_it_is_written(
    tmp_path: Path,
) -> None:
    """Twisted's HTTPFactory refreshes its access lines' date every second for as long as it
    runs: the API does not, and its lines still carry the time of their request."""
    clock = Clock()
    clock.advance(1_796_000_000.0)
    site = ApiSite(Ok(), logPath=str(tmp_path / "access.log"), reactor=clock)
    site.doStart()
    assert clock.getDelayedCalls() == []
    for _ in range(2):
        clock.advance(3600.5)
        channel = site.buildProtocol(IPv4Address("TCP", "127.0.0.1", 40000))
        assert channel is not None
        channel.makeConnection(StringTransport())
        channel.dataReceived(b"GET / HTTP/1.1\r\nHost: node\r\n\r\n")
        channel.connectionLost(Failure(ConnectionDone()))
    site.doStop()
    lines = (tmp_path / "access.log").read_text().splitlines()
    assert [line.split(" ", 4)[3] for line in lines] == [
        "[30/Nov/2026:01:53:20",
        "[30/Nov/2026:02:53:21",
    ]
