"""A running appliance (the real wiring, in this process) and an HTTPS client for its admin site.

The client runs each request in a thread (the appliance lives on this process's reactor) and can
send from any loopback source address, so tests that fail authentication on purpose do not
trip the throttle for the others.
"""

from __future__ import annotations

import http.client
import json
import ssl
from collections.abc import Generator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import pytest_twisted
from twisted.internet import reactor, threads
from twisted.internet.defer import Deferred, ensureDeferred
from twisted.internet.task import deferLater

from honeymesh.events import EventId
from honeymesh.tap import Appliance, build_appliance

from ..nodes import Node, make_node


@dataclass
class Response:
    status: int
    headers: Mapping[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def code(self) -> str | None:
        try:
            return str(self.json()["error"]["code"])
        except (ValueError, KeyError, TypeError):
            return None


class Http:
    """HTTPS to the admin site, trusting only the node's certificate."""

    def __init__(self, port: int, cafile: Path, token: str) -> None:
        self.port = port
        self.token = token
        self.context = ssl.create_default_context(cafile=str(cafile))
        self.context.check_hostname = False

    def call(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        token: str | None = "default",
        headers: Mapping[str, str] | None = None,
        raw: bytes | None = None,
        content_type: str | None = None,
        source: str = "127.0.0.1",
    ) -> Response:
        data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
        sent = dict(headers or {})
        if token is not None:
            sent["Authorization"] = f"Bearer {self.token if token == 'default' else token}"
        if data is not None:
            sent.setdefault("Content-Type", content_type or "application/json")
        conn = http.client.HTTPSConnection(
            "127.0.0.1", self.port, context=self.context, timeout=20, source_address=(source, 0)
        )
        try:
            conn.request(method, path, body=data, headers=sent)
            resp = conn.getresponse()
            return Response(resp.status, dict(resp.headers.items()), resp.read())
        finally:
            conn.close()

    def __call__(self, method: str, path: str, body: Any = None, **kw: Any) -> Deferred[Response]:
        d: Deferred[Response] = threads.deferToThread(self.call, method, path, body, **kw)
        return d


def sleep(seconds: float) -> Deferred[None]:
    return deferLater(reactor, seconds, lambda: None)


def port_of(app: Appliance, kind: str, address: str = "127.0.0.1") -> int:
    return next(
        li.info.port for li in app.listeners if li.info.kind == kind and li.info.address == address
    )


@pytest.fixture(scope="module")
def node(tmp_path_factory: pytest.TempPathFactory) -> Node:
    return make_node(tmp_path_factory.mktemp("web") / "node")


READY = {str(EventId.BANS_RESTORED), str(EventId.TRUST_RESTORED), str(EventId.NODE_STARTED)}


async def started(app: Appliance, seen: set[str], timeout: float = 60.0) -> None:
    """Until the ban list and peer trust have restored their state (the kernel may take a few
    seconds to compile first)."""
    for _ in range(int(timeout / 0.05)):
        if seen >= READY:
            return
        await sleep(0.05)
    raise AssertionError(f"the appliance never said {sorted(READY - seen)}")


@pytest.fixture(scope="module")
def appliance(node: Node) -> Generator[Appliance, None, None]:
    app = build_appliance(node.config, node.identity, reactor)
    missing = [
        name for name in ("banlist", "policy", "trust") if getattr(app.control, name) is None
    ]
    if missing:
        pytest.fail(f"build_appliance does not give Control its {', '.join(missing)}")
    seen: set[str] = set()
    app.bus.subscribe(lambda event: seen.add(str(event.event_id)))
    app.service.startService()
    pytest_twisted.blockon(ensureDeferred(started(app, seen)))
    yield app
    pytest_twisted.blockon(app.service.stopService())


@pytest.fixture(scope="module")
def api(appliance: Appliance, node: Node) -> Http:
    cert = node.config.data_path(node.config.api.tls_cert)
    return Http(port_of(appliance, "api"), cert, node.admin_token)
