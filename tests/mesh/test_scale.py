"""Ten real daemons in a partial mesh (each dials 3): a ban reaches every node, through relays.

The publisher floods its own signal to its direct peers only; every other node can only have it
from a relay, and its ban's provenance says which peer it came through.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .cluster import Cluster, MeshNode, eventually

pytestmark = pytest.mark.slow

TARGET = "198.51.100.99/32"


def member_count(node: MeshNode) -> int:
    return int(node.status()["members"])


def banned(node: MeshNode) -> bool:
    return any(b["network"] == TARGET for b in node.api("GET", "/api/v1/bans")["bans"])


def active_peers(node: MeshNode) -> set[str]:
    return {n for n, state in node.peer_states().items() if state == "active"}


def test_a_ban_reaches_all_ten_nodes_of_a_partial_mesh(tmp_path: Path) -> None:
    cluster = Cluster(tmp_path, 10, mesh={"degree": 3, "fanout": 3})
    try:
        cluster.start()
        issuer = cluster.nodes[0]
        for node in cluster.nodes:
            node.api("POST", "/api/v1/mode", {"mode": "enforce"})
        for node in cluster.nodes[1:]:
            node.join(issuer.token())
        eventually(lambda: all(member_count(n) == 10 for n in cluster.nodes), timeout=60)
        eventually(lambda: all(active_peers(n) for n in cluster.nodes), timeout=60)

        publisher = cluster.nodes[-1]
        publisher_id = publisher.node_id
        direct = active_peers(publisher)
        publisher.api("POST", "/api/v1/bans", {"network": TARGET, "duration": "1h"})

        others = [n for n in cluster.nodes if n is not publisher]
        try:
            eventually(lambda: all(banned(n) for n in others), timeout=60)
        except AssertionError:
            report = {n.name: (banned(n), n.status()["counters"]) for n in cluster.nodes}
            raise AssertionError(f"not everywhere: {report}") from None
        relayed = 0
        for node in others:
            ban = node.api("GET", f"/api/v1/explain/{TARGET}")["banned_by"][0]
            assert ban["source"] == "mesh"
            assert ban["provenance"]["publisher"] == publisher_id
            relayed += ban["provenance"]["via"] != publisher_id
        # Everyone the publisher is not linked to got it through a relay.
        assert relayed >= len(others) - len(direct)
        assert len(direct) < len(others)  # a partial mesh, or this proves nothing about relays
    finally:
        cluster.stop()
