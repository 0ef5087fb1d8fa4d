"""The live feed over real websockets: tickets, Origin, order, and a client too slow to keep up."""

from __future__ import annotations

import base64
import os
import socket
import ssl
from collections.abc import Generator
from typing import Any, cast

import pytest
import pytest_twisted
from twisted.internet import reactor, threads
from twisted.internet.interfaces import IReactorSSL

from honeymesh.events import EventId, Observation
from honeymesh.feedclient import FeedClientFactory, FeedError, connect_feed
from honeymesh.tap import Appliance, tls_options
from honeymesh.web.app import AdminApi, ApiSite
from honeymesh.web.auth import TokenChecker, token_digest

from ..nodes import Node
from .conftest import Http, sleep


async def ticket(api: Http) -> str:
    resp = await api("POST", "/api/v1/ws-ticket")
    assert resp.status == 201
    return str(resp.json()["ticket"])


async def connect(
    api: Http, node: Node, port: int | None = None, origin: str | None = None, **kw: Any
) -> tuple[FeedClientFactory, list[dict[str, Any]]]:
    got: list[dict[str, Any]] = []
    cert = node.config.data_path(node.config.api.tls_cert).read_bytes()
    feed = await connect_feed(
        reactor, f"https://127.0.0.1:{port or api.port}", kw.get("ticket") or await ticket(api),
        cert, got.append, origin=origin,
    )  # fmt: skip
    return feed, got


def publish_batch(app: Appliance, start: int, count: int, pad: str = "") -> None:
    for i in range(start, start + count):
        app.bus.publish(Observation(EventId.TRAP_SESSION, 1_600_000_000.0 + i, "192.0.2.1",
                                    {"n": i, "pad": pad}))  # fmt: skip


async def wait_for(predicate: Any, timeout: float = 20.0) -> None:
    for _ in range(int(timeout / 0.02)):
        if predicate():
            return
        await sleep(0.02)
    raise AssertionError("timed out")


def numbers(got: list[dict[str, Any]]) -> list[int]:
    return [e["detail"]["n"] for e in got if e["event_id"] == "trap.session" and "n" in e["detail"]]


@pytest_twisted.ensureDeferred
async def test_every_client_gets_every_event_in_order(
    api: Http, node: Node, appliance: Appliance
) -> None:
    clients = [await connect(api, node) for _ in range(3)]
    for start in range(0, 3000, 250):  # over several reactor turns, so several batches
        publish_batch(appliance, start, 250)
        await sleep(0.01)
    await wait_for(lambda: all(len(numbers(got)) >= 3000 for _, got in clients))
    for feed, got in clients:
        assert numbers(got) == list(range(3000))
        seqs = [e["seq"] for e in got]
        assert seqs == list(range(seqs[0], seqs[0] + len(seqs)))
        assert feed.gaps == 0
        assert got[0]["kind"] == "observation" and got[0]["source"] == "192.0.2.1"
        feed.close()


@pytest_twisted.ensureDeferred
async def test_a_ticket_opens_one_connection_only(api: Http, node: Node) -> None:
    one = await ticket(api)
    feed, _ = await connect(api, node, ticket=one)
    with pytest.raises(FeedError, match="401"):
        await connect(api, node, ticket=one)
    feed.close()


@pytest_twisted.ensureDeferred
async def test_a_foreign_origin_is_refused_and_the_dashboards_own_is_not(
    api: Http, node: Node
) -> None:
    with pytest.raises(FeedError, match="403"):
        await connect(api, node, origin="https://evil.example")
    own = f"https://127.0.0.1:{api.port}"
    feed, _ = await connect(api, node, origin=own)
    feed.close()


# A client that stops reading --------------------------------------------------------------------


@pytest.fixture
def small_queue_api(
    appliance: Appliance, node: Node
) -> Generator[tuple[AdminApi, int], None, None]:
    """A second admin site on the same node whose feed queues at most 256 KiB per client."""
    tokens = TokenChecker(token_digest(node.admin_token))
    admin = AdminApi(appliance.control, tokens, reactor, appliance.bus.publish,
                     feed_max_queued_bytes=256 * 1024)  # fmt: skip
    listen = cast(IReactorSSL, reactor).listenSSL
    port = listen(0, ApiSite(admin.resource()), tls_options(node.config), interface="127.0.0.1")
    yield admin, port.getHost().port  # type: ignore[attr-defined]
    pytest_twisted.blockon(port.stopListening())


def open_and_stall(port: int, ticket: str, cafile: str) -> socket.socket:
    """A websocket that completes its handshake and then never reads again."""
    raw = socket.socket()
    raw.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    raw.connect(("127.0.0.1", port))
    ctx = ssl.create_default_context(cafile=cafile)
    ctx.check_hostname = False
    tls = ctx.wrap_socket(raw)
    key = base64.b64encode(os.urandom(16)).decode()
    request = (
        f"GET /ws?ticket={ticket} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
        f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
    )
    tls.sendall(request.encode())
    head = b""
    while b"\r\n\r\n" not in head:
        head += tls.recv(1)
    assert head.startswith(b"HTTP/1.1 101"), head
    return tls


@pytest_twisted.ensureDeferred
async def test_a_slow_client_is_disconnected_and_the_others_get_everything(
    api: Http, node: Node, appliance: Appliance, small_queue_api: tuple[AdminApi, int]
) -> None:
    admin, port = small_queue_api
    second = Http(port, node.config.data_path(node.config.api.tls_cert), node.admin_token)
    cafile = str(node.config.data_path(node.config.api.tls_cert))
    stalled = await threads.deferToThread(open_and_stall, port, await ticket(second), cafile)
    feed, got = await connect(second, node, port=port)
    assert admin.hub.clients == 2
    pad = "x" * 3000
    sent = 0
    while admin.hub.slow_disconnects == 0 and sent < 8000:  # at most ~24 MB
        publish_batch(appliance, sent, 100, pad)
        sent += 100
        await sleep(0.02)
    assert admin.hub.slow_disconnects == 1, f"still connected after {sent} events"
    assert admin.hub.clients == 1
    await wait_for(lambda: len(numbers(got)) >= sent)
    assert numbers(got) == list(range(sent)) and feed.gaps == 0
    stalled.close()
    feed.close()
    status = (await second("GET", "/api/v1/status")).json()
    assert status["feed"]["slow_disconnects"] == 1
