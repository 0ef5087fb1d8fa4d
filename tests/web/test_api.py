"""The admin API against a running appliance: authentication, headers, bad input, every route."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
import pytest_twisted

from honeymesh.events import EventId, Observation
from honeymesh.mesh.tokens import JoinToken, encode_token
from honeymesh.tap import Appliance
from honeymesh.web.app import MAX_BODY, SECURITY_HEADERS, AdminApi

from ..nodes import Node
from .conftest import Http, Response, sleep

SAMPLE = {"network": "198.51.100.77", "address": "198.51.100.77", "peer_id": "nopeer"}
PUBLIC = {"/api/v1/health", "/", "/static/<name>"}


def routes() -> list[tuple[str, str, str]]:
    """(method, rule, concrete path) for every route of the admin site."""
    out = []
    for rule in AdminApi.app.url_map.iter_rules():
        path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: SAMPLE.get(m.group(1), "x.css"), rule.rule)
        for method in sorted(rule.methods or ()):
            if method not in ("HEAD", "OPTIONS"):
                out.append((method, rule.rule, path))
    return out


def assert_security_headers(resp: Response) -> None:
    for name, value in SECURITY_HEADERS.items():
        assert resp.headers.get(name.decode()) == value.decode(), name


async def snapshot(api: Http) -> dict[str, Any]:
    """What GETs and refused requests must never change."""
    bans = (await api("GET", "/api/v1/bans?active=false&limit=10000")).json()["bans"]
    allows = (await api("GET", "/api/v1/allowlist")).json()
    mode = (await api("GET", "/api/v1/mode")).json()
    mesh = (await api("GET", "/api/v1/mesh")).json()
    mesh = {k: mesh[k] for k in ("state", "cluster", "members", "digest", "seq")}
    return {"bans": bans, "allows": allows, "mode": mode, "mesh": mesh}


# Authentication -----------------------------------------------------------------------------------


@pytest_twisted.ensureDeferred
async def test_every_route_but_health_static_and_ws_needs_the_token(api: Http, node: Node) -> None:
    wrong = "hm_" + "A" * (len(node.admin_token) - 3)  # same length as the real one
    checked = 0
    for i, (method, rule, path) in enumerate(routes()):
        if rule == "/ws":
            continue
        source = f"127.0.9.{i + 1}"  # a fresh source each time: no throttling in this sweep
        for token in (None, wrong):
            resp = await api(method, path, {}, token=token, source=source)
            assert_security_headers(resp)
            if rule in PUBLIC:
                assert resp.status in (200, 404), (method, path, resp.status)
                continue
            assert resp.status == 401, (method, path, resp.status, resp.body[:200])
            assert resp.code == "unauthorized"
            assert resp.headers["WWW-Authenticate"].startswith("Bearer")
            checked += 1
    protected = [r for r in routes() if r[1] not in PUBLIC and r[1] != "/ws"]
    assert checked == 2 * len(protected) and len(protected) >= 22  # it covered the whole API


@pytest_twisted.ensureDeferred
async def test_the_websocket_needs_a_ticket(api: Http) -> None:
    upgrade = {
        "Upgrade": "websocket",
        "Connection": "Upgrade",
        "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
        "Sec-WebSocket-Version": "13",
    }
    resp = await api("GET", "/ws", token=None, headers=upgrade, source="127.0.8.1")
    assert resp.status == 401 and resp.code == "bad_ticket"
    assert_security_headers(resp)
    resp = await api("GET", "/ws?ticket=wst_guess", token=None, headers=upgrade, source="127.0.8.2")
    assert resp.status == 401 and resp.code == "bad_ticket"
    resp = await api("GET", "/ws", token=None, source="127.0.8.3")
    assert resp.status == 400 and resp.code == "not_websocket"


@pytest_twisted.ensureDeferred
async def test_failed_authentications_are_throttled_per_source(api: Http) -> None:
    for _ in range(10):
        resp = await api("GET", "/api/v1/status", token="hm_wrong", source="127.0.0.2")
        assert resp.status == 401
    # Now the guesser is refused from that source, with a time to wait ...
    resp = await api("GET", "/api/v1/status", token="hm_wrong2", source="127.0.0.2")
    assert resp.status == 429 and resp.code == "too_many_failures"
    assert 1 <= int(resp.headers["Retry-After"]) <= 60
    assert_security_headers(resp)
    # ... while the right token still works there (it is never refused), and other sources
    # carry on.
    assert (await api("GET", "/api/v1/status", source="127.0.0.2")).status == 200
    assert (await api("GET", "/api/v1/status", source="127.0.0.3")).status == 200


# Headers, errors, methods -------------------------------------------------------------------------


@pytest_twisted.ensureDeferred
async def test_security_headers_and_json_errors_everywhere(api: Http) -> None:
    cases = [
        ("GET", "/api/v1/status", None, 200),
        ("GET", "/api/v1/nope", None, 404),
        ("PUT", "/api/v1/status", None, 405),
        ("GET", "/", None, 200),
        ("GET", "/static/app.js", None, 200),
        ("GET", "/static/../honeymesh.toml", None, 404),
        ("GET", "/static/nope.js", None, 404),
        ("GET", "/metrics", None, 200),
    ]
    for method, path, body, status in cases:
        resp = await api(method, path, body)
        assert resp.status == status, (method, path, resp.status)
        assert_security_headers(resp)
        if status >= 400:
            assert resp.headers["Content-Type"].startswith("application/json")
            assert resp.code is not None
    page = await api("GET", "/", token=None)
    assert page.headers["Content-Type"].startswith("text/html")
    assert b"<script" in page.body and b"<script>" not in page.body  # no inline script
    js = await api("GET", "/static/app.js", token=None)
    assert js.headers["Content-Type"].startswith("text/javascript")


@pytest_twisted.ensureDeferred
async def test_no_state_changes_on_get(api: Http) -> None:
    before = await snapshot(api)
    for method, rule, path in routes():
        if rule in ("/ws",) or method != "GET":
            continue
        await api("GET", path)
    # Routes that change state refuse GET.
    for method, rule, path in routes():
        if method in ("POST", "DELETE"):
            others = {m for m, r, _ in routes() if r == rule}
            if "GET" not in others:
                resp = await api("GET", path)
                assert resp.status == 405 and resp.code == "method_not_allowed", path
    assert await snapshot(api) == before


def js(body: Any) -> dict[str, Any]:
    return {"body": body}


def raw(data: bytes, content_type: str = "application/json") -> dict[str, Any]:
    return {"raw": data, "content_type": content_type}


BANS, IMPORT, PEER = "/api/v1/bans", "/api/v1/bans/import", "/api/v1/peers/nopeer"
TOKENS, JOIN = "/api/v1/mesh/tokens", "/api/v1/mesh/join"
ADDR = "198.51.100.5"
BAD_INPUT: list[tuple[str, str, dict[str, Any], int, str]] = [
    ("POST", BANS, raw(b"{not json"), 400, "bad_json"),
    ("POST", BANS, raw(b"\xff\xfe"), 400, "bad_json"),
    ("POST", BANS, raw(b"[1, 2]"), 400, "bad_body"),
    ("POST", BANS, raw(b'{"network": "1.2.3.4"}', "text/plain"), 415, "unsupported_media_type"),
    ("POST", BANS, js({"network": 12}), 400, "bad_field"),
    ("POST", BANS, js({}), 400, "missing_field"),
    ("POST", BANS, js({"network": "300.1.2.3"}), 400, "invalid_input"),
    ("POST", BANS, js({"network": "10.0.0.0/33"}), 400, "invalid_input"),
    ("POST", BANS, js({"network": "0.0.0.0/0"}), 400, "invalid_input"),
    # Never a source: banning these breaks the node's own network or means nothing.
    ("POST", BANS, js({"network": "0.0.0.0"}), 400, "invalid_input"),
    ("POST", BANS, js({"network": "::"}), 400, "invalid_input"),
    ("POST", BANS, js({"network": "255.255.255.255"}), 400, "invalid_input"),
    ("POST", BANS, js({"network": "224.0.0.251"}), 400, "invalid_input"),
    ("POST", BANS, js({"network": "ff02::1"}), 400, "invalid_input"),
    ("POST", BANS, js({"network": "0.0.0.0/8"}), 400, "invalid_input"),
    ("POST", BANS, js({"network": ADDR, "duration": "soon"}), 400, "invalid_duration"),
    ("POST", BANS, js({"network": ADDR, "duration": -5}), 400, "invalid_duration"),
    ("POST", BANS, js({"network": ADDR, "duration": [1]}), 400, "bad_field"),
    ("POST", BANS, js({"network": ADDR, "reasons": "x"}), 400, "bad_field"),
    ("POST", BANS, js({"network": ADDR, "reason": "a\x00b"}), 400, "invalid_input"),
    ("POST", BANS, raw(b'{"network": "198.51.100.5", "duration": NaN}'), 400, "bad_json"),
    ("POST", BANS, raw(b'{"n": "' + b"1" * (MAX_BODY + 10) + b'"}'), 413, "body_too_large"),
    ("DELETE", BANS + "/not-an-address", {}, 400, "invalid_input"),
    ("DELETE", BANS + "/198.51.100.200", {}, 404, "not_banned"),
    ("POST", "/api/v1/allowlist", js({"network": "2001:db8::/8"}), 400, "invalid_input"),
    ("POST", "/api/v1/allowlist", js({"network": None}), 400, "missing_field"),
    ("DELETE", "/api/v1/allowlist/127.0.0.0/8", {}, 409, "builtin_allow"),
    ("DELETE", "/api/v1/allowlist/192.0.2.99", {}, 404, "not_allowlisted"),
    ("POST", "/api/v1/mode", js({"mode": "panic"}), 400, "invalid_mode"),
    ("POST", "/api/v1/mode", js({"mode": 1}), 400, "bad_field"),
    ("GET", "/api/v1/explain/banana", {}, 400, "invalid_input"),
    ("GET", "/api/v1/events?type=no.such", {}, 400, "unknown_event_type"),
    ("GET", "/api/v1/events?limit=0", {}, 400, "bad_parameter"),
    ("GET", "/api/v1/events?since=yesterday", {}, 400, "bad_parameter"),
    ("GET", "/api/v1/events?source=not-an-ip", {}, 400, "bad_parameter"),
    ("GET", "/api/v1/events/stats?since=1", {}, 400, "bad_parameter"),
    ("GET", BANS + "?limit=999999", {}, 400, "bad_parameter"),
    ("GET", BANS + "?source=martians", {}, 400, "invalid_input"),
    ("GET", BANS + "/export?format=xml", {}, 400, "bad_parameter"),
    ("POST", IMPORT, raw(b"1.2.3.4", "image/png"), 415, "unsupported_media_type"),
    ("POST", IMPORT, raw(b"198.51.100.1\nbanana\n", "text/plain"), 400, "invalid_import"),
    ("POST", IMPORT, raw(b"nope\n1.2.3.4\n", "text/csv"), 400, "bad_ban_file"),
    ("POST", IMPORT + "?duration=soon", raw(b'["198.51.100.1"]'), 400, "invalid_duration"),
    ("POST", PEER + "/penalty", js({"points": "ten", "reason": "x"}), 400, "bad_field"),
    ("POST", PEER + "/penalty", js({"points": 10, "reason": "x"}), 404, "unknown_peer"),
    ("POST", PEER + "/designation", js({"authoritative": "y", "reason": "x"}), 400, "bad_field"),
    # The mesh refuses bad bodies as bad, before it says it is not running (tests/web/test_mesh).
    ("POST", TOKENS, js({"ttl": "1h"}), 400, "bad_field"),
    ("POST", TOKENS, js({"ttl": 10}), 400, "bad_field"),
    ("POST", TOKENS, js({"uses": 0}), 400, "bad_field"),
    ("POST", TOKENS, js({"uses": "2"}), 400, "bad_field"),
    ("POST", TOKENS, js({"admin": "yes"}), 400, "bad_field"),
    ("POST", JOIN, js({"token": 42}), 400, "bad_field"),
    ("POST", JOIN, js({}), 400, "missing_field"),
    ("POST", JOIN, js({"token": "hmjoin1." + "A" * 4000}), 400, "bad_field"),
    ("POST", JOIN, js({"token": "please let me in"}), 400, "not_a_token"),
]


@pytest_twisted.ensureDeferred
async def test_bad_input_gets_a_clear_4xx_and_changes_nothing(api: Http) -> None:
    before = await snapshot(api)
    for method, path, kw, status, code in BAD_INPUT:
        resp = await api(method, path, kw.get("body"), raw=kw.get("raw"),
                         content_type=kw.get("content_type"))  # fmt: skip
        assert (resp.status, resp.code) == (status, code), (method, path, resp.body[:300])
        assert resp.json()["error"]["message"]
        assert_security_headers(resp)
    assert await snapshot(api) == before


# Bans, allowlist, explain, mode ------------------------------------------------------------------


@pytest_twisted.ensureDeferred
async def test_ban_explain_list_and_unban(api: Http, appliance: Appliance) -> None:
    body = {"network": "203.0.113.10", "duration": "1h", "reason": "tried root/toor"}
    resp = await api("POST", "/api/v1/bans", body)
    assert resp.status == 201, resp.body
    ban = resp.json()["ban"]
    assert ban["network"] == "203.0.113.10/32" and ban["source"] == "operator"
    assert ban["reasons"] == ["tried root/toor"]
    assert ban["expires"] == pytest.approx(ban["created"] + 3600, abs=1)
    assert ban["provenance"]["by"].startswith("api 127.0.0.1")

    cidr = (await api("POST", "/api/v1/bans", {"network": "198.51.100.0/24"})).json()["ban"]
    assert cidr["permanent"] and cidr["reasons"] == ["banned by an operator"]
    v6 = (await api("POST", "/api/v1/bans", {"network": "2001:db8:7::5", "duration": 60})).json()
    assert v6["ban"]["network"].startswith("2001:db8:7::")

    listed = (await api("GET", "/api/v1/bans")).json()["bans"]
    assert {"203.0.113.10/32", "198.51.100.0/24"} <= {b["network"] for b in listed}

    why = (await api("GET", "/api/v1/explain/198.51.100.9")).json()
    assert why["status"] == "banned" and why["banned_by"][0]["network"] == "198.51.100.0/24"
    assert "198.51.100.0/24" in why["summary"]

    gone = await api("DELETE", "/api/v1/bans/203.0.113.10")
    assert gone.status == 200 and gone.json()["ban"]["lifted_why"] == "unbanned"
    again = await api("DELETE", "/api/v1/bans/203.0.113.10")
    assert again.status == 404 and again.code == "not_banned"
    assert (await api("DELETE", "/api/v1/bans/198.51.100.0/24")).status == 200
    assert (await api("GET", "/api/v1/explain/198.51.100.9")).json()["status"] == "not_banned"

    await appliance.store.run(lambda c: None)
    events = (
        await api("GET", "/api/v1/events?type=ban.added,ban.removed&source=203.0.113.10")
    ).json()
    assert [e["event_id"] for e in events["events"]] == ["ban.removed", "ban.added"]


@pytest_twisted.ensureDeferred
async def test_explain_says_the_traps_stay_open_to_a_banned_source_in_enforce(api: Http) -> None:
    assert (await api("POST", "/api/v1/bans", {"network": "203.0.113.77"})).status == 201
    try:
        tested = (await api("GET", "/api/v1/explain/203.0.113.77")).json()
        assert tested["status"] == "banned" and "traps serve" not in tested["summary"]
        assert (await api("POST", "/api/v1/mode", {"mode": "enforce"})).status == 200
        why = (await api("GET", "/api/v1/explain/203.0.113.77")).json()
        assert why["would_drop"] is True
        assert "dropped, except to the ports traps serve" in why["summary"], why["summary"]
        assert "kernel.traps_open_to_banned" in why["summary"]
    finally:
        await api("POST", "/api/v1/mode", {"mode": "test"})
        await api("DELETE", "/api/v1/bans/203.0.113.77")


@pytest_twisted.ensureDeferred
async def test_allow_wins_and_builtin_allows_stay(api: Http) -> None:
    resp = await api("POST", "/api/v1/allowlist", {"network": "192.0.2.0/24", "reason": "office"})
    assert resp.status == 201 and resp.json()["allow"]["origin"] == "operator"
    refused = await api("POST", "/api/v1/bans", {"network": "192.0.2.5"})
    assert refused.status == 409 and refused.code == "allowlisted"
    assert "192.0.2.0/24" in refused.json()["error"]["message"]
    allows = (await api("GET", "/api/v1/allowlist")).json()["allowlist"]
    assert {"127.0.0.0/8", "192.0.2.0/24"} <= {a["network"] for a in allows}
    assert (await api("DELETE", "/api/v1/allowlist/192.0.2.0/24")).status == 200
    assert (await api("POST", "/api/v1/bans", {"network": "192.0.2.5"})).status == 201
    assert (await api("DELETE", "/api/v1/bans/192.0.2.5")).status == 200


@pytest_twisted.ensureDeferred
async def test_mode_switches_and_says_so(api: Http, appliance: Appliance) -> None:
    assert (await api("GET", "/api/v1/mode")).json() == {"mode": "test"}
    resp = await api("POST", "/api/v1/mode", {"mode": "enforce"})
    assert resp.status == 200 and resp.json() == {"mode": "enforce", "previous": "test"}
    assert (await api("GET", "/api/v1/status")).json()["mode"] == "enforce"
    assert (await api("POST", "/api/v1/mode", {"mode": "test"})).json()["mode"] == "test"
    await appliance.store.run(lambda c: None)
    changes = (await api("GET", "/api/v1/events?type=mode.changed")).json()["events"]
    assert [e["detail"]["mode"] for e in changes][:2] == ["test", "enforce"]


# Ban files ----------------------------------------------------------------------------------------


@pytest_twisted.ensureDeferred
async def test_import_then_export_in_every_format(api: Http) -> None:
    text = b"# three\n203.0.113.21\n203.0.113.22\n203.0.113.0/28\n"
    resp = await api("POST", "/api/v1/bans/import?duration=2h&reason=feed%20list",
                     raw=text, content_type="text/plain")  # fmt: skip
    assert resp.status == 200, resp.body
    assert resp.json()["banned"] == 3 and resp.json()["refused"] == []

    for fmt, media in (("json", "application/json"), ("csv", "text/csv"), ("text", "text/plain")):
        out = await api("GET", f"/api/v1/bans/export?format={fmt}")
        assert out.status == 200 and out.headers["Content-Type"].startswith(media)
        assert b"203.0.113.21/32" in out.body and b"203.0.113.0/28" in out.body
    exported = json.loads((await api("GET", "/api/v1/bans/export?format=json")).body)["bans"]
    mine = {b["network"]: b for b in exported if b["network"].startswith("203.0.113.2")}
    assert mine["203.0.113.21/32"]["reasons"] == ["feed list"]

    # What one node exports, another imports: here, lift them and import the CSV back.
    csv_file = (await api("GET", "/api/v1/bans/export?format=csv")).body
    for network in ("203.0.113.21", "203.0.113.22", "203.0.113.0/28"):
        assert (await api("DELETE", f"/api/v1/bans/{network}")).status == 200
    back = await api("POST", "/api/v1/bans/import", raw=csv_file, content_type="text/csv")
    assert back.status == 200 and back.json()["banned"] >= 3
    again = (await api("GET", "/api/v1/bans")).json()["bans"]
    restored = {b["network"]: b for b in again}
    assert restored["203.0.113.21/32"]["expires"] == pytest.approx(
        mine["203.0.113.21/32"]["expires"], abs=1
    )
    for network in ("203.0.113.21", "203.0.113.22", "203.0.113.0/28"):
        await api("DELETE", f"/api/v1/bans/{network}")


@pytest_twisted.ensureDeferred
async def test_an_import_reports_entries_the_rules_refuse(api: Http) -> None:
    doc = ["127.0.0.5", {"network": "203.0.113.40", "duration": "5m", "reason": "r"},
           {"network": "203.0.113.41", "expires": 1000}]  # fmt: skip
    resp = await api("POST", "/api/v1/bans/import", raw=json.dumps(doc).encode(),
                     content_type="application/json")  # fmt: skip
    report = resp.json()
    assert report["banned"] == 1
    assert [(r["line"], r["network"]) for r in report["refused"]] == [(1, "127.0.0.5/32")]
    assert "allowlisted" in report["refused"][0]["error"]
    assert report["skipped"] == [
        {"line": 3, "network": "203.0.113.41/32", "why": "already expired"}
    ]
    await api("DELETE", "/api/v1/bans/203.0.113.40")


# Events -------------------------------------------------------------------------------------------


@pytest_twisted.ensureDeferred
async def test_events_filter_by_type_source_and_time_and_page(
    api: Http, appliance: Appliance
) -> None:
    t0 = 1_600_000_000.0  # long ago: nothing else in the node is this old
    for i in range(25):
        appliance.bus.publish(
            Observation(EventId.TRAP_SESSION, t0 + i, f"192.0.2.{i % 5}", {"n": i})
        )
    await appliance.store.run(lambda c: None)
    query = f"/api/v1/events?type=trap.session&since={t0}&until={t0 + 100}"
    seen: list[int] = []
    before = ""
    while True:
        page = (await api("GET", f"{query}&limit=7{before}")).json()
        seen += [e["detail"]["n"] for e in page["events"]]
        if page["next_before"] is None:
            break
        before = f"&before={page['next_before']}"
    assert seen == list(range(24, -1, -1))  # newest first, each once
    one = (await api("GET", f"{query}&source=192.0.2.3")).json()["events"]
    assert [e["detail"]["n"] for e in one] == [23, 18, 13, 8, 3]
    window = (await api("GET", f"/api/v1/events?since={t0 + 10}&until={t0 + 12}")).json()
    assert [e["detail"]["n"] for e in window["events"]] == [11, 10]


@pytest_twisted.ensureDeferred
async def test_event_stats_count_by_minute_and_top_sources(api: Http, appliance: Appliance) -> None:
    now = appliance.control.clock.seconds()
    for i in range(6):
        appliance.bus.publish(
            Observation(EventId.TRAP_SESSION, now - 1, "198.18.0.9" if i < 4 else "198.18.0.8",
                        {"ja4": "t13d1516h2_8daaf6152771_02713d6af862" if i < 3 else None})
        )  # fmt: skip
    await appliance.store.run(lambda c: None)
    stats = (await api("GET", f"/api/v1/events/stats?since={now - 60}&bucket=60")).json()
    assert stats["top_sources"][:2] == [
        {"source": "198.18.0.9", "count": 4},
        {"source": "198.18.0.8", "count": 2},
    ]
    assert stats["top_ja4"] == [{"ja4": "t13d1516h2_8daaf6152771_02713d6af862", "count": 3}]
    sessions = sum(b["count"] for b in stats["per_bucket"] if b["event_id"] == "trap.session")
    assert sessions >= 6


# Peers, license, metrics --------------------------------------------------------------------------


@pytest_twisted.ensureDeferred
async def test_peers_and_a_penalty(api: Http, appliance: Appliance) -> None:
    trust = appliance.control.trust
    assert trust is not None
    peer_id = "a" * 64
    await trust.engine.join(peer_id)
    peers = (await api("GET", "/api/v1/peers")).json()
    (peer,) = [p for p in peers["peers"] if p["id"] == peer_id]
    resp = await api("POST", f"/api/v1/peers/{peer_id}/penalty", {"points": 5, "reason": "lied"})
    assert resp.status == 200, resp.body
    assert resp.json()["peer"]["score"] == pytest.approx(peer["score"] - 5, abs=0.5)
    assert resp.json()["penalty"]["reason"] == "lied"
    one = (await api("GET", f"/api/v1/peers/{peer_id}")).json()
    assert one["audit"][0]["reason"] == "lied"
    audit = (await api("GET", f"/api/v1/peers/audit?peer={peer_id}")).json()["audit"]
    assert audit[0]["actor"].startswith("api 127.0.0.1")


@pytest_twisted.ensureDeferred
async def test_license_status(api: Http) -> None:
    lic = (await api("GET", "/api/v1/license")).json()
    assert lic["tier"] == "community" and lic["sharing"]["run"] is False
    status = (await api("GET", "/api/v1/status")).json()
    assert status["license"]["tier"] == "community"


@pytest_twisted.ensureDeferred
async def test_the_mesh_off_says_why_and_refuses_its_requests(api: Http, node: Node) -> None:
    mesh = (await api("GET", "/api/v1/mesh")).json()
    assert mesh["state"] == "disabled" and mesh["members"] == 0
    why = mesh["reason"]
    assert "license tier is community" in why and "sharing.enabled is false" in why
    peers = (await api("GET", "/api/v1/mesh/peers")).json()
    assert peers == {"peers": [], "cluster": "", "state": "disabled", "reason": why}
    status = (await api("GET", "/api/v1/status")).json()
    assert status["mesh"]["state"] == "disabled" and status["mesh"]["reason"] == why
    token = encode_token(
        JoinToken("hm-elsewhere", ("192.0.2.1:7946",), "b" * 64, b"\x01" * 32, 2**31)
    )
    for method, path, body in (
        ("GET", TOKENS, None),
        ("POST", TOKENS, {"ttl": 600, "uses": 2}),
        ("DELETE", TOKENS + "/0123456789abcdef", None),
        ("POST", JOIN, {"token": token}),
        ("DELETE", f"/api/v1/mesh/members/{node.identity.node_id}", None),
    ):
        resp = await api(method, path, body)
        assert (resp.status, resp.code) == (503, "mesh_off"), (method, path, resp.body[:300])
        assert resp.json()["error"]["message"] == f"the mesh is not running: {why}"
        assert_security_headers(resp)
    assert (await api("GET", "/api/v1/mesh")).json() == mesh  # nothing changed


@pytest_twisted.ensureDeferred
async def test_metrics_need_the_token_and_count_what_happened(api: Http) -> None:
    assert (await api("GET", "/metrics", token=None, source="127.0.7.1")).status == 401
    await api("POST", "/api/v1/bans", {"network": "203.0.113.99", "duration": "10m"})
    resp = await api("GET", "/metrics")
    assert resp.headers["Content-Type"].startswith("text/plain")
    text = resp.body.decode()
    for line in (
        'honeymesh_events_total{event_id="ban.added"}',
        'honeymesh_active_bans{kind="exact_v4"}',
        "honeymesh_unenforced_bans 0.0",  # the backend took every ban
        'honeymesh_trap_sessions_total{trap="banner"}',
        'honeymesh_mode{mode="test"} 1.0',
        'honeymesh_peers{level="L0"}',
        "honeymesh_auth_failures_total",
        # A Community node: the mesh is there, off, and nothing is connected or counted.
        'honeymesh_mesh_state{state="disabled"} 1.0',
        'honeymesh_mesh_state{state="member"} 0.0',
        'honeymesh_mesh_peers{state="active"} 0.0',
        'honeymesh_mesh_peers{state="offline"} 0.0',
        "honeymesh_mesh_members 0.0",
        'honeymesh_mesh_frames_total{direction="in"} 0.0',
        "honeymesh_mesh_signals_accepted_total 0.0",
    ):
        assert line in text, line
    bans = re.search(r'honeymesh_active_bans\{kind="exact_v4"\} (\d+)', text)
    assert bans is not None and int(bans.group(1)) >= 1
    packets = (await api("GET", "/api/v1/status")).json()["counters"]["kernel_packets"]
    for reason in packets or {}:  # when the kernel reports counters, metrics carry each one
        assert f'honeymesh_kernel_packets_total{{reason="{reason}"}}' in text, reason
    await api("DELETE", "/api/v1/bans/203.0.113.99")
    await sleep(0)
