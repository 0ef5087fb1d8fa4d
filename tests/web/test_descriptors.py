"""The open-file budget as an operator sees it: the status and the metrics, live."""

from __future__ import annotations

import re
import resource
import socket

import pytest_twisted
from twisted.internet import threads

from honeymesh.tap import Appliance

from .conftest import Http, port_of, sleep


def metric(text: str, name: str) -> float:
    found = re.search(rf"^{re.escape(name)} (\S+)$", text, re.MULTILINE)
    assert found is not None, name
    return float(found.group(1))


@pytest_twisted.ensureDeferred
async def test_status_and_metrics_show_the_budget_and_the_connections_held(
    api: Http, appliance: Appliance
) -> None:
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    trap = port_of(appliance, "trap")
    client = await threads.deferToThread(socket.create_connection, ("127.0.0.1", trap), 5)
    try:
        await sleep(0.2)
        fds = (await api("GET", "/api/v1/status")).json()["descriptors"]
        text = (await api("GET", "/metrics")).body.decode()
    finally:
        client.close()
    assert fds["limit"] == soft
    assert fds["reserved"] == sum(fds["reserve"].values()) > 0
    assert fds["trap_connections"] == 1  # the client above, held by the banner trap
    cap = fds["trap_caps"]["banner"]["cap"]
    assert 0 < cap <= fds["trap_caps"]["banner"]["configured"]
    assert metric(text, "honeymesh_open_files_limit") == soft
    assert metric(text, "honeymesh_open_files_reserved") == fds["reserved"]
    assert metric(text, "honeymesh_trap_connections") == 1
    assert metric(text, "honeymesh_trap_refused_near_limit_total") == 0
    assert metric(text, 'honeymesh_trap_cap{trap="banner"}') == cap
    for _ in range(100):  # the trap sees the client go, and gives its descriptor back
        await sleep(0.05)
        if (await api("GET", "/api/v1/status")).json()["descriptors"]["trap_connections"] == 0:
            return
    raise AssertionError("the closed connection is still counted")
