"""Signed intelligence between real `twistd honeymesh` daemons over real mutual TLS.

- ``line``: B founds the cluster and A, M and C join through it. A and M advertise an address
  nobody can reach and dial one member, so A's only link is the one it dials to B, and C's only
  link is B's (M's daemon is stopped once it has joined: its key drives a raw client later).
  The cluster is a line A - B - C, asserted before each test that relies on it. A ban on A
  reaches C through B, an unban follows it, an L3 allow lifts a ban everywhere, a node that
  was down catches up with no ban applied twice, and so does the relay B when it is killed
  (SIGKILL) in the middle of a stream of bans.
- ``rogue``: a member's key (its daemon stopped) in a hand-made client sends what a broken or
  hostile member could; each item is refused for its stated reason, counted exactly, and
  nothing is enforced.
- A partition between two network namespaces (a veth pair taken down and up again) heals:
  what each side banned meanwhile reaches the other side once, when the link is back.
"""

from __future__ import annotations

import contextlib
import os
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from nacl.signing import SigningKey

from honeymesh.mesh.envelope import seal
from honeymesh.mesh.wire import SIGNATURE_BYTES, encode_json

from ..e2e.daemon import free_port, honeymesh
from .cluster import Cluster, MeshNode, eventually, make_node_config
from .namespaced import Split, make_split, ns_node, tune
from .rogue import (
    Publisher,
    RogueMember,
    community_claim,
    identity_of,
    own_claim,
    ref,
)

pytestmark = pytest.mark.slow

UNREACHABLE = ["127.0.0.1:1"]  # an advertised address nobody can dial: a node only dials out


# Helpers ----------------------------------------------------------------------------------------


def started(cluster: Cluster, root: Path, name: str, **config: dict[str, Any]) -> MeshNode:
    """A new node with ``config`` written into its file, running in ENFORCE mode."""
    node = MeshNode(name, root / name, free_port())
    tune(node, **config)
    node.start()
    node.api("POST", "/api/v1/mode", {"mode": "enforce"})
    cluster.nodes.append(node)
    return node


def active_bans(node: MeshNode) -> dict[str, dict[str, Any]]:
    return {b["network"]: b for b in node.api("GET", "/api/v1/bans")["bans"]}


def every_ban(node: MeshNode, network: str) -> list[dict[str, Any]]:
    """Every ban row on ``network``, lifted ones included."""
    bans = node.api("GET", "/api/v1/bans?active=false&limit=10000")["bans"]
    return [b for b in bans if b["network"] == network]


def banned(node: MeshNode, network: str) -> bool:
    return network in active_bans(node)


def refusals(node: MeshNode, reason: str) -> int:
    return int(node.status()["refused"].get("signal:" + reason, 0))


def explain(node: MeshNode, address: str) -> dict[str, Any]:
    return dict(node.api("GET", "/api/v1/explain/" + urllib.parse.quote(address)))


def active_peers(node: MeshNode) -> set[str]:
    return {peer for peer, state in node.peer_states().items() if state == "active"}


def ban(node: MeshNode, network: str, reason: str = "test") -> dict[str, Any]:
    body = {"network": network, "duration": "1h", "reason": reason}
    return dict(node.api("POST", "/api/v1/bans", body)["ban"])


def joined(node: MeshNode, issuer: MeshNode) -> str:
    node.join(issuer.token())
    return node.node_id


# The line A - B - C -----------------------------------------------------------------------------


@dataclass
class Line:
    cluster: Cluster
    a: MeshNode
    b: MeshNode
    c: MeshNode
    m: MeshNode  # a member whose daemon is stopped
    ids: dict[str, str]  # name -> node id

    def assert_line(self) -> None:
        ids = self.ids
        assert active_peers(self.a) == {ids["b"]}
        assert active_peers(self.b) == {ids["a"], ids["c"]}
        assert active_peers(self.c) == {ids["b"]}


@pytest.fixture(scope="module")
def line(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Line]:
    root = tmp_path_factory.mktemp("line")
    cluster = Cluster(root, 0)
    leaf = {"degree": 1, "advertise": UNREACHABLE}
    try:
        b = started(cluster, root, "b")
        ids = {"b": b.node_id}
        a = started(cluster, root, "a", mesh=leaf)
        ids["a"] = joined(a, b)  # A knows only B when it dials: its one link, for good
        eventually(lambda: active_peers(b) == {ids["a"]})
        m = started(cluster, root, "m", mesh=leaf)
        ids["m"] = joined(m, b)
        m.stop()
        c = started(cluster, root, "c", mesh={"degree": 1})
        ids["c"] = joined(c, b)  # C dials one of A, M, B (only B answers), and B dials C
        eventually(lambda: active_peers(b) == {ids["a"], ids["c"]}, timeout=30)
        line = Line(cluster, a, b, c, m, ids)
        line.assert_line()
        yield line
    finally:
        cluster.stop()


def test_a_ban_on_a_reaches_c_through_b_and_explain_names_its_origin(line: Line) -> None:
    line.assert_line()
    a, b, c, ids = line.a, line.b, line.c, line.ids
    ban(a, "198.51.100.10", "line-test")
    eventually(lambda: banned(c, "198.51.100.10/32"))

    seen_by_b = explain(b, "198.51.100.10")["banned_by"][0]
    assert seen_by_b["provenance"]["via"] == ids["a"]  # B heard it from A itself
    found = explain(c, "198.51.100.10")
    assert found["status"] == "banned" and found["would_drop"] is True
    [held] = found["banned_by"]
    p = held["provenance"]
    assert held["source"] == "mesh" and held["offence"] == 1
    assert (p["peer"], p["via"]) == (ids["a"], ids["b"])  # published by A, delivered by B
    assert p["envelope"] == seen_by_b["provenance"]["envelope"]  # one signal, end to end
    assert (p["classification"], p["level"], p["rule"]) == ("L2", "L2", "l2-immediate")

    done = honeymesh("explain", "198.51.100.10", "--config", str(make_node_config(c).config_path))
    assert done.returncode == 0, done.stderr
    text = done.stdout
    assert f"published by peer: {ids['a']}" in text
    assert f"relayed by: {ids['b']}" in text
    assert f"signal id: {p['envelope']}" in text
    assert "classification: L2" in text
    assert "trust rule: l2-immediate (publisher at L2" in text


def test_an_unban_on_a_follows_everywhere(line: Line) -> None:
    line.assert_line()
    a, b, c, ids = line.a, line.b, line.c, line.ids
    ban(a, "198.51.100.11")
    eventually(lambda: banned(c, "198.51.100.11/32"))
    a.api("DELETE", "/api/v1/bans/198.51.100.11")
    eventually(lambda: not any(banned(n, "198.51.100.11/32") for n in (a, b, c)))
    for node in (b, c):
        [row] = every_ban(node, "198.51.100.11/32")
        assert row["lifted_by"].startswith(f"mesh unban from {ids['a']}")


def test_an_l3_allow_from_the_authority_lifts_a_members_ban_everywhere(line: Line) -> None:
    """M (its key in a raw client) bans an address through B: a mesh ban on A, B and C. A is
    designated authoritative (L3) on B and C; A's operator allows the network; the allow
    signal lifts M's ban on B and C (A's own allowlist lifts it on A). M never unbans, so the
    allow alone can have lifted it."""
    line.assert_line()
    a, b, c, m, ids = line.a, line.b, line.c, line.m, line.ids
    cluster_id = b.status()["cluster"]
    publisher = Publisher(identity_of(m).signing_key, own_claim(m), cluster_id)
    with RogueMember.of(m, b, cluster_id) as raw:
        raw.send_records([publisher.claim_record(own_claim(m), name="m")])
        raw.send_signals([publisher.signal("203.0.113.20/32")])
        eventually(lambda: all(banned(n, "203.0.113.20/32") for n in (a, b, c)))
    for node in (a, b, c):
        assert active_bans(node)["203.0.113.20/32"]["provenance"]["peer"] == ids["m"]

    for node in (b, c):
        node.api(
            "POST",
            f"/api/v1/peers/{ids['a']}/designation",
            {"authoritative": True, "reason": "A is the cluster's authority"},
        )
    a.api("POST", "/api/v1/allowlist", {"network": "203.0.113.0/24", "reason": "our partner"})
    eventually(lambda: not any(banned(n, "203.0.113.20/32") for n in (a, b, c)))
    for node in (b, c):
        [row] = every_ban(node, "203.0.113.20/32")
        assert row["lifted_by"].startswith(f"L3 allow from mesh peer {ids['a']}"), row


def test_a_restarted_node_catches_up_with_nothing_applied_twice(line: Line) -> None:
    line.assert_line()
    a, b, c = line.a, line.b, line.c
    c.stop()
    targets = [f"198.51.100.{20 + i}/32" for i in range(5)]
    for target in targets:
        ban(a, target.removesuffix("/32"), "while-c-was-down")
    eventually(lambda: all(banned(b, t) for t in targets))
    c.start()
    eventually(lambda: all(banned(c, t) for t in targets), timeout=30)
    time.sleep(2)  # a SYNC answer and relays may still bring copies: none may apply again
    for target in targets:
        [row] = every_ban(c, target)
        assert row["offence"] == 1 and row["source"] == "mesh" and row["lifted"] is None
    assert c.status()["counters"]["signals_accepted"] == len(targets)
    eventually(lambda: active_peers(c) == {line.ids["b"]}, timeout=30)
    line.assert_line()


def test_the_relay_killed_mid_stream_loses_nothing_once_it_is_back(line: Line) -> None:
    """kill -9 of B, C's only path to A, while A publishes a stream of bans: once B is back,
    B and C hold every one of them, each applied once."""
    line.assert_line()
    a, b, c = line.a, line.b, line.c
    accepted = c.status()["counters"]["signals_accepted"]
    targets = [f"198.51.100.{100 + i}/32" for i in range(30)]
    for i, target in enumerate(targets):
        if i == 10:
            b.kill()  # kill -9: frames in flight to and from B are cut mid-stream
        ban(a, target.removesuffix("/32"), "mid-stream")
        time.sleep(0.05)
    b.start()
    eventually(lambda: all(banned(n, t) for n in (b, c) for t in targets), timeout=45)
    time.sleep(2)  # late relays and SYNC answers may still bring copies: none may apply again
    for node in (b, c):
        for target in targets:
            [row] = every_ban(node, target)
            assert row["offence"] == 1 and row["source"] == "mesh", row
    assert c.status()["counters"]["signals_accepted"] == accepted + len(targets)
    eventually(lambda: active_peers(b) == {line.ids["a"], line.ids["c"]}, timeout=30)
    line.assert_line()


# A member's key in a raw client -----------------------------------------------------------------


@dataclass
class Rogue:
    """R receives (``rate_burst = 5``), L is its live peer, M's daemon is stopped and its key
    drives the raw client, X was removed from the cluster."""

    cluster: Cluster
    r: MeshNode
    l: MeshNode  # noqa: E741 - the cluster's names
    m: MeshNode
    x: MeshNode
    cluster_id: str
    ids: dict[str, str]

    @property
    def publisher(self) -> Publisher:
        return Publisher(identity_of(self.m).signing_key, own_claim(self.m), self.cluster_id)

    def client(self, receiver: MeshNode) -> RogueMember:
        raw = RogueMember.of(self.m, receiver, self.cluster_id)
        raw.connect()
        return raw

    def refused(self, receiver: MeshNode, reason: str, items: list[bytes]) -> None:
        """Send ``items`` from M to ``receiver``: its refusals for ``reason`` go up by exactly
        their number, and no member holds a new ban."""
        before = refusals(receiver, reason)
        held = {n.name: active_bans(n) for n in (self.r, self.l)}
        with contextlib.closing(self.client(receiver)) as raw:
            raw.send_signals(items)
            eventually(lambda: refusals(receiver, reason) >= before + len(items))
            time.sleep(0.3)
        assert refusals(receiver, reason) == before + len(items)
        assert {n.name: active_bans(n) for n in (self.r, self.l)} == held


@pytest.fixture(scope="module")
def rogue(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rogue]:
    root = tmp_path_factory.mktemp("rogue")
    cluster = Cluster(root, 0)
    try:
        r = started(cluster, root, "r", mesh={"rate_burst": 5})
        ids = {"r": r.node_id}
        l, x, m = (started(cluster, root, name) for name in ("l", "x", "m"))  # noqa: E741
        for name, node in (("l", l), ("x", x), ("m", m)):
            ids[name] = joined(node, r)
        cluster.wait_connected()
        x.stop()
        m.stop()
        r.api("DELETE", f"/api/v1/mesh/members/{ids['x']}")
        eventually(lambda: l.status()["members"] == 3)  # L has the removal too
        yield Rogue(cluster, r, l, m, x, r.status()["cluster"], ids)
    finally:
        cluster.stop()


def test_a_forged_signature_is_refused(rogue: Rogue) -> None:
    fields = rogue.publisher.fields("198.51.100.50/32")
    rogue.refused(rogue.r, "bad-signature", [seal(SigningKey.generate(), fields)])


def test_a_payload_altered_after_signing_is_refused(rogue: Rogue) -> None:
    raw = rogue.publisher.signal("198.51.100.51/32")
    altered = raw.replace(b'"198.51.100.51/32"', b'"198.51.100.52/32"')
    assert altered != raw
    rogue.refused(rogue.r, "bad-signature", [altered])


def test_a_relay_raising_the_classification_breaks_the_signature(rogue: Rogue) -> None:
    raw = rogue.publisher.signal("198.51.100.53/32", level="L1")
    raised = raw.replace(b'"cls":"L1"', b'"cls":"L3"')
    assert raised != raw
    rogue.refused(rogue.r, "bad-signature", [raised])


def test_a_member_publishing_as_another_is_refused(rogue: Rogue) -> None:
    """pub is L and the claim L's own; M signs. (With M's claim it would not even get to the
    signature: the claim names another node.)"""
    p = rogue.publisher
    as_l = p.fields("198.51.100.54/32", pub=rogue.ids["l"], claim=ref(own_claim(rogue.l)))
    rogue.refused(rogue.r, "bad-signature", [seal(p.key, as_l)])
    with_own_claim = p.fields("198.51.100.54/32", pub=rogue.ids["l"])
    rogue.refused(rogue.r, "no-entitlement", [seal(p.key, with_own_claim)])


def test_stale_and_future_timestamps_are_refused(rogue: Rogue) -> None:
    p, now = rogue.publisher, int(time.time() * 1000)
    week = 7 * 86400_000
    old = p.fields("198.51.100.55/32", ts=now - week - 60_000, exp=now + 3600_000)
    rogue.refused(rogue.r, "stale", [seal(p.key, old)])
    ahead = p.fields("198.51.100.56/32", ts=now + 3600_000, exp=now + 7200_000)
    rogue.refused(rogue.r, "future", [seal(p.key, ahead)])


def test_a_removed_member_as_publisher_is_refused(rogue: Rogue) -> None:
    x = Publisher(identity_of(rogue.x).signing_key, own_claim(rogue.x), rogue.cluster_id)
    rogue.refused(rogue.r, "removed-publisher", [x.signal("198.51.100.57/32")])


def test_a_community_tier_publisher_is_refused(rogue: Rogue) -> None:
    """M presents a claim around a Community license (a claim record it signs, which R takes:
    records carry claims, the gate judges them): its signals are refused, for no entitlement."""
    p = rogue.publisher
    community = community_claim(p.node_id)
    with contextlib.closing(rogue.client(rogue.r)) as raw:
        raw.send_records([p.claim_record(community, name="m")])
        time.sleep(0.3)
    try:
        refused = p.signal("198.51.100.58/32", claim=ref(community))
        rogue.refused(rogue.r, "no-entitlement", [refused])
    finally:  # M's Pro claim again, for the tests after this one
        time.sleep(0.01)
        with contextlib.closing(rogue.client(rogue.r)) as raw:
            raw.send_records([p.claim_record(own_claim(rogue.m), name="m")])
            time.sleep(0.3)


def test_a_replayed_envelope_is_refused_also_after_the_receiver_restarts(rogue: Rogue) -> None:
    r, p = rogue.r, rogue.publisher
    original = p.signal("198.51.100.59/32")
    with contextlib.closing(rogue.client(r)) as raw:
        raw.send_signals([original])
        eventually(lambda: banned(r, "198.51.100.59/32"))
    rogue.refused(r, "duplicate", [original, original])
    r.stop()
    r.start()
    rogue.cluster.wait_connected([r, rogue.l])
    rogue.refused(r, "replay", [original])  # the id is forgotten, the sequence number is not
    for node in (r, rogue.l):
        [row] = every_ban(node, "198.51.100.59/32")
        assert row["offence"] == 1


def test_a_flood_above_the_rate_limit_loses_exactly_the_excess(rogue: Rogue) -> None:
    """R lets a publisher have a burst of 5: of 5 + 3 fresh valid bans sent at once, the first
    five are enforced and exactly three are refused."""
    r, p = rogue.r, rogue.publisher
    targets = [f"198.51.100.{60 + i}/32" for i in range(8)]
    before = refusals(r, "rate-limited")
    held = set(active_bans(r))
    time.sleep(0.5)  # the bucket refills (20 a second) after the tests before
    with contextlib.closing(rogue.client(r)) as raw:
        raw.send_signals([p.signal(t) for t in targets])
        eventually(lambda: refusals(r, "rate-limited") == before + 3)
        eventually(lambda: set(active_bans(r)) - held == set(targets[:5]))
    time.sleep(0.3)
    assert refusals(r, "rate-limited") == before + 3
    assert set(active_bans(r)) - held == set(targets[:5])


def test_malformed_items_are_refused_for_their_reasons(rogue: Rogue) -> None:
    """Sent to L, so that no one receiver sees enough sender faults from M to graylist it."""
    p, receiver = rogue.publisher, rogue.l
    v1 = p.fields("198.51.100.70/32", v="v1")
    rogue.refused(receiver, "bad-version", [seal(p.key, v1)])
    unversioned = p.fields("198.51.100.71/32")
    del unversioned["v"]
    rogue.refused(receiver, "unversioned", [seal(p.key, unversioned)])
    payload = encode_json(p.fields("198.51.100.72/32"))
    rogue.refused(receiver, "malformed", [payload])  # no signature: the JSON is cut
    garbage = os.urandom(SIGNATURE_BYTES) + payload
    rogue.refused(receiver, "bad-signature", [garbage])
    elsewhere = p.fields("198.51.100.73/32", cluster="hm-someoneelse")
    rogue.refused(receiver, "other-cluster", [seal(p.key, elsewhere)])


# A partition heals ------------------------------------------------------------------------------


@pytest.fixture
def split() -> Iterator[Split]:
    if os.geteuid() != 0:
        pytest.skip("a partition between network namespaces needs root")
    split = make_split()
    try:
        yield split
    finally:
        split.close()


def test_a_partition_heals_and_each_side_gets_what_the_other_banned_once(
    split: Split, tmp_path: Path
) -> None:
    """P and Q in one namespace, S and T in another, one veth pair between them. With the link
    down, a ban on P reaches Q only and a ban on S reaches T only; with it up again, every node
    holds both, each applied once."""
    cluster = Cluster(tmp_path, 0)
    for i, name in enumerate("pqst"):
        side = i // 2
        member = ns_node(name, tmp_path / name, free_port(), split.spaces[side])
        tune(member, mesh={"address": split.addresses[side]})
        cluster.nodes.append(member)
    try:
        p, q, s, t = cluster.nodes
        for node in cluster.nodes:
            node.start()
            node.api("POST", "/api/v1/mode", {"mode": "enforce"})
        cluster.form(via=0)
        ids = {n.name: n.node_id for n in cluster.nodes}

        split.down()

        def cut_off(node: MeshNode, others: str) -> bool:
            return not active_peers(node) & {ids[x] for x in others}

        for node, others in ((p, "st"), (q, "st"), (s, "pq"), (t, "pq")):
            eventually(lambda: cut_off(node, others), 20)  # noqa: B023 - awaited at once
        ban(p, "198.51.100.41", "side-one")
        ban(s, "198.51.100.42", "side-two")
        eventually(lambda: banned(q, "198.51.100.41/32") and banned(t, "198.51.100.42/32"))
        time.sleep(1)
        assert not banned(s, "198.51.100.41/32") and not banned(t, "198.51.100.41/32")
        assert not banned(p, "198.51.100.42/32") and not banned(q, "198.51.100.42/32")

        split.up()
        both = ("198.51.100.41/32", "198.51.100.42/32")
        eventually(lambda: all(banned(n, x) for n in cluster.nodes for x in both), timeout=40)
        cluster.wait_connected()
        for node in cluster.nodes:
            for network in both:
                [row] = every_ban(node, network)
                assert row["offence"] == 1, row
    finally:
        cluster.stop()
