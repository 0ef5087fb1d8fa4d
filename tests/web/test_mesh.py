"""The mesh routes and metrics on Pro nodes with sharing opted in: two appliances in this process,
each with its own mesh listener, joined through the API as an operator would.

The tests run in order: bad requests while node a is in no cluster yet, then the join. (The
Community node's side, the mesh off with its reason, is in test_api.py.)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Generator
from typing import Any, cast

import jsonschema  # type: ignore[import-untyped]
import pytest
import pytest_twisted
from twisted.internet import reactor
from twisted.internet.defer import ensureDeferred

from honeymesh.cli import mesh_line
from honeymesh.control import Control
from honeymesh.events import Event
from honeymesh.tap import Appliance, build_appliance
from honeymesh.web.metrics import mesh_metrics

from ..e2e.daemon import free_port
from ..mesh.cluster import MeshNode, make_node_config
from .conftest import Http, Response, port_of, sleep, started
from .test_openapi import spec

TOKENS, JOIN = "/api/v1/mesh/tokens", "/api/v1/mesh/join"


def recorder(seen: set[str]) -> Callable[[Event], None]:
    return lambda event: seen.add(str(event.event_id))


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Generator[list[Http], None, None]:
    root = tmp_path_factory.mktemp("mesh-web")
    apps: list[Appliance] = []
    clients = []
    for name in ("a", "b"):
        node = make_node_config(MeshNode(name, root / name, free_port()))
        app = build_appliance(node.config, node.identity, reactor)
        seen: set[str] = set()
        app.bus.subscribe(recorder(seen))
        app.service.startService()
        apps.append(app)
        pytest_twisted.blockon(ensureDeferred(started(app, seen)))
        cert = node.config.data_path(node.config.api.tls_cert)
        clients.append(Http(port_of(app, "api"), cert, node.admin_token))
    yield clients
    for app in reversed(apps):
        pytest_twisted.blockon(app.service.stopService())


async def until(check: Callable[[], Any], what: str, timeout: float = 20.0) -> None:
    for _ in range(int(timeout / 0.05)):
        if await check():
            return
        await sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def metric(text: str, name: str) -> float:
    found = re.search(rf"(?m)^{re.escape(name)} (\S+)$", text)
    assert found is not None, f"{name} not in the metrics"
    return float(found.group(1))


async def metrics(api: Http) -> str:
    resp = await api("GET", "/metrics")
    assert resp.status == 200
    return resp.body.decode()


async def unchanged(api: Http) -> dict[str, Any]:
    mesh = (await api("GET", "/api/v1/mesh")).json()
    tokens = (await api("GET", TOKENS)).json()
    return {"state": mesh["state"], "cluster": mesh["cluster"], "tokens": tokens}


BAD: list[tuple[str, dict[str, Any], str, str]] = [
    (TOKENS, {"ttl": "1h"}, "bad_field", "'ttl' must be a number of seconds"),
    (TOKENS, {"ttl": True}, "bad_field", "'ttl' must be a number of seconds"),
    (TOKENS, {"ttl": 59}, "bad_field", "'ttl' must be from 60 s (1m) to 30 days"),
    (TOKENS, {"ttl": 1e12}, "bad_field", "'ttl' must be from 60 s (1m) to 30 days"),
    (TOKENS, {"uses": 0}, "bad_field", "'uses' must be from 1 to 1000"),
    (TOKENS, {"uses": 1001}, "bad_field", "'uses' must be from 1 to 1000"),
    (TOKENS, {"uses": 1.5}, "bad_field", "'uses' must be a whole number"),
    (TOKENS, {"admin": "yes"}, "bad_field", "'admin' must be true or false"),
    (TOKENS, {"note": 5}, "bad_field", "'note'"),
    (TOKENS, {"note": "a\nb"}, "bad_field", "'note' must be printable text of at most 200"),
    (JOIN, {"token": 5}, "bad_field", "'token'"),
    (JOIN, {"token": None}, "missing_field", "'token' is required"),
    (JOIN, {"token": "hmjoin1." + "A" * 3000}, "bad_field", "longer than 2048 characters"),
    (JOIN, {"token": "let me in"}, "not_a_token", "not a HoneyMesh join token"),
    (JOIN, {"token": "hmjoin2.AAAA"}, "bad_version", "version 2 join token"),
    (JOIN, {"token": "hmjoin1.eyJh"}, "cut_short", "cut short"),
    (JOIN, {"token": "hmjoin1.!!"}, "damaged_token", "damaged"),
]


@pytest_twisted.ensureDeferred
async def test_bad_bodies_are_400_and_change_nothing(pair: list[Http]) -> None:
    a, _ = pair
    before = await unchanged(a)
    assert before == {"state": "unjoined", "cluster": "", "tokens": {"tokens": []}}
    for path, body, code, message in BAD:
        resp = await a("POST", path, body)
        assert (resp.status, resp.code) == (400, code), (path, body, resp.body[:300])
        assert message in resp.json()["error"]["message"], (body, resp.json())
    # No token issued, and (a token would found one) no cluster founded.
    assert await unchanged(a) == before


def conforms(answer: Any, schema: str) -> None:
    """``answer`` is what docs/openapi.yaml says ``schema`` is."""
    root = {"$ref": f"#/components/schemas/{schema}", "components": spec()["components"]}
    jsonschema.Draft202012Validator(root).validate(answer)


def error(resp: Response) -> tuple[int, str | None]:
    return resp.status, resp.code


@pytest_twisted.ensureDeferred
async def test_two_nodes_join_through_the_api_and_the_metrics_show_it(pair: list[Http]) -> None:
    a, b = pair
    made = await a("POST", TOKENS, {"ttl": 600, "uses": 1, "note": "for b"})
    assert made.status == 201, made.body
    token = made.json()["token"]
    assert token.startswith("hmjoin1.") and made.json()["note"] == "for b"
    joined = await b("POST", JOIN, {"token": token})
    assert joined.status == 200, joined.body
    cluster = (await a("GET", "/api/v1/mesh")).json()["cluster"]
    assert joined.json()["cluster"] == cluster and joined.json()["members"] == 2
    b_id = (await b("GET", "/api/v1/mesh")).json()["node_id"]

    async def connected() -> bool:
        peers = (await a("GET", "/api/v1/mesh/peers")).json()["peers"]
        return any(p["node_id"] == b_id and p["state"] == "active" and p["level"] for p in peers)

    await until(connected, "b to be an active peer of a, its trust level known")
    answer = (await a("GET", "/api/v1/mesh/peers")).json()
    assert answer["state"] == "member" and answer["cluster"] == cluster
    (peer,) = [p for p in answer["peers"] if not p["self"]]
    assert peer["name"] == "b" and peer["level"] == "L2" and peer["last_frame"] is not None
    assert peer["capability"]["demoted"] is False and "signals" in peer["capability"]["features"]
    for p in answer["peers"]:
        conforms(p, "MeshPeer")
    conforms((await a("GET", "/api/v1/mesh")).json(), "MeshStatus")
    conforms((await a("GET", TOKENS)).json()["tokens"][0], "MeshToken")

    summary = (await a("GET", "/api/v1/status")).json()["mesh"]
    assert summary["members"] == 2
    assert summary["peers"] == {"active": 1, "demoted": 0, "offline": 0}
    assert mesh_line(summary) == (  # honeymesh status
        f"mesh: member of cluster {cluster} (publish and consume), 2 members; "
        "peers 1 active, 0 demoted, 0 offline"
    )

    text = await metrics(a)
    assert metric(text, 'honeymesh_mesh_state{state="member"}') == 1.0
    assert metric(text, 'honeymesh_mesh_state{state="unjoined"}') == 0.0
    assert metric(text, "honeymesh_mesh_members") == 2.0
    assert metric(text, 'honeymesh_mesh_peers{state="active"}') == 1.0
    assert metric(text, 'honeymesh_mesh_peers{state="offline"}') == 0.0
    assert metric(text, 'honeymesh_mesh_frames_total{direction="in"}') > 0
    assert metric(text, 'honeymesh_mesh_frames_total{direction="out"}') > 0
    assert metric(text, "honeymesh_mesh_joins_total") == 1.0
    assert f'honeymesh_mesh_info{{cluster="{cluster}"' in text

    # The token is spent; a second join is refused as a conflict, and b is already a member.
    tokens = (await a("GET", TOKENS)).json()["tokens"]
    assert [(t["state"], t["uses_left"]) for t in tokens] == [("used", 0)]
    assert error(await b("POST", JOIN, {"token": token})) == (409, "already_member")
    assert error(await a("DELETE", TOKENS + "/0123456789abcdef")) == (404, "unknown_token")
    assert error(await a("DELETE", "/api/v1/mesh/members/" + "c" * 64)) == (404, "not_found")


def test_rejections_are_labelled_by_stage_and_reason() -> None:
    class FakeControl:
        def mesh_status(self) -> dict[str, Any]:
            counters = dict.fromkeys(
                ("frames_in", "frames_out", "signals_published", "signals_accepted"), 0
            )
            counters |= {"signals_relayed": 0, "duplicates": 4, "joins": 0}
            return {
                "state": "member",
                "cluster": "hm-x",
                "node_id": "a" * 64,
                "members": 3,
                "counters": counters,
                "refused": {"tls:not-a-member": 2, "signal:bad-signature": 1},
            }

        def mesh_peers(self) -> dict[str, Any]:
            states = ("self", "active", "demoted", "offline", "offline")
            return {"peers": [{"state": s, "self": s == "self"} for s in states]}

    families = {f.name: f for f in mesh_metrics(cast(Control, FakeControl()))}
    refused = {
        tuple(s.labels.values()): s.value for s in families["honeymesh_mesh_refused"].samples
    }
    assert refused == {("tls", "not-a-member"): 2, ("signal", "bad-signature"): 1}
    peers = {s.labels["state"]: s.value for s in families["honeymesh_mesh_peers"].samples}
    assert peers == {"active": 1, "demoted": 1, "offline": 2}  # this node is not its own peer
    assert families["honeymesh_mesh_duplicates"].samples[0].value == 4
