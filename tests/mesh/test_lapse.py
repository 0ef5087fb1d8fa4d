"""A member whose license runs out while it is connected is demoted at the next heartbeat.

Two real daemons over real TLS; B's Pro license expires about 40 seconds after it is issued.
Before: B is an active peer of A and a ban on A reaches B. After: A shows B as demoted (still
connected, heartbeats still read), A sends B no signals, and B publishes none.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from .cluster import Cluster, MeshNode, eventually, make_node_config, write_license

pytestmark = pytest.mark.slow

LIFE = 40.0  # starting, forming and a first ban take a loaded machine well under it


def bans(node: MeshNode) -> set[str]:
    return {b["network"] for b in node.api("GET", "/api/v1/bans")["bans"]}


def test_a_lapsed_license_demotes_the_member_at_the_next_heartbeat(tmp_path: Path) -> None:
    cluster = Cluster(tmp_path, 2)
    a, b = cluster.nodes
    make_node_config(b)
    issued = time.time()
    write_license(b.directory / "var" / "license.json", expires_in=LIFE)
    try:
        cluster.start()
        for n in cluster.nodes:
            n.api("POST", "/api/v1/mode", {"mode": "enforce"})
        cluster.form()
        b_id = b.node_id
        assert a.peer_states()[b_id] == "active"
        a.api("POST", "/api/v1/bans", {"network": "198.51.100.1", "duration": "1h"})
        eventually(lambda: "198.51.100.1/32" in bans(b))
        assert time.time() < issued + LIFE, "the cluster formed after the license had lapsed"

        # The license runs out: within a heartbeat or two A demotes B, and keeps the link.
        time.sleep(max(0.0, issued + LIFE - time.time()))
        eventually(lambda: a.peer_states()[b_id] == "demoted", timeout=10)
        status_b = b.status()
        assert status_b["publish"] is False and status_b["consume"] is False
        assert "expired" in status_b["reason"] or "community" in status_b["reason"]

        # Nothing flows either way while B is demoted.
        a.api("POST", "/api/v1/bans", {"network": "198.51.100.2", "duration": "1h"})
        b.api("POST", "/api/v1/bans", {"network": "198.51.100.3", "duration": "1h"})
        time.sleep(3)
        assert "198.51.100.2/32" not in bans(b)
        assert "198.51.100.3/32" not in bans(a)
        assert a.peer_states()[b_id] == "demoted"  # still connected, not dropped
    finally:
        cluster.stop()
