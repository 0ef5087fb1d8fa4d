"""A ban published on one node is enforced by another node's XDP program, on real packets.

Three daemons, A, B and C, run in the lab's target namespace and form a cluster on its
loopback; C's daemon attaches XDP to the target veth (``[kernel] interfaces``). A bans one of
the attacker's source addresses (A publishes internal addresses: the lab's are RFC 1918); the
signal reaches C through the mesh and C's kernel drops that source's datagrams while another
source's still arrive. A's unban reaches C too, and the datagrams pass again.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.kernel.netns import Lab, Receiver, Sender
from tests.mesh.cluster import Cluster, MeshNode, eventually
from tests.mesh.namespaced import ns_node, tune

from ..e2e.daemon import free_port

pytestmark = [pytest.mark.kernel, pytest.mark.slow]


@pytest.fixture
def cluster(lab: Lab, tmp_path: Path) -> Iterator[Cluster]:
    cluster = Cluster(tmp_path, 0)
    config: dict[str, dict[str, dict[str, Any]]] = {
        "a": {"sharing": {"publish_internal": True}},
        "b": {},
        "c": {"kernel": {"interfaces": [lab.veth_t]}},
    }
    try:
        for name, sections in config.items():
            node = ns_node(name, tmp_path / name, free_port(), lab.target)
            tune(node, **sections)
            node.start()
            node.api("POST", "/api/v1/mode", {"mode": "enforce"})
            cluster.nodes.append(node)
        cluster.form(via=0)
        yield cluster
    finally:
        cluster.stop()


def delivered(lab: Lab, rx: Receiver, sources: list[str], count: int = 5) -> dict[str, int]:
    sender = Sender(lab, sources)
    try:
        for src in sources:
            sender.send(src, lab.target4, rx.port, count)
    finally:
        sender.close()
    got = rx.drain(0.1)
    return {src: got.get(src, 0) for src in sources}


def held(node: MeshNode, network: str) -> dict[str, object] | None:
    bans = {b["network"]: b for b in node.api("GET", "/api/v1/bans")["bans"]}
    return bans.get(network)


def kernel_bans(node: MeshNode) -> int:
    status = node.api("GET", "/api/v1/status")
    return int(status["kernel"]["entries"]["ban_v4"])


def test_a_ban_published_on_a_is_dropped_by_xdp_on_c_and_passes_after_the_unban(
    lab: Lab, cluster: Cluster
) -> None:
    a, _relay, c = cluster.nodes
    status = c.api("GET", "/api/v1/status")
    assert status["kernel"]["state"] == "enforcing", status["kernel"]
    assert lab.xdp_prog_id() > 0
    banned, clean = lab.sources4[0], lab.sources4[1]
    rx = Receiver(lab, socket.AF_INET)
    try:
        assert delivered(lab, rx, [banned, clean]) == {banned: 5, clean: 5}

        a.api("POST", "/api/v1/bans", {"network": banned, "duration": "1h", "reason": "xdp"})
        eventually(lambda: held(c, f"{banned}/32") is not None)
        ban = held(c, f"{banned}/32")
        assert ban is not None and ban["source"] == "mesh" and ban["enforced"] is True
        assert ban["provenance"]["peer"] == a.node_id  # type: ignore[index]
        eventually(lambda: kernel_bans(c) == 1)
        assert delivered(lab, rx, [banned, clean]) == {banned: 0, clean: 5}

        a.api("DELETE", f"/api/v1/bans/{banned}")
        eventually(lambda: held(c, f"{banned}/32") is None)
        eventually(lambda: kernel_bans(c) == 0)
        assert delivered(lab, rx, [banned, clean]) == {banned: 5, clean: 5}
    finally:
        rx.close()
