"""What of a local ban leaves the node, per classification level (honeymesh.mesh.sanitize).

The inputs are ``ban.added`` details as the policy engine stores them: the verdict's evidence
sits inside the ban's evidence, and it holds things that must never leave: usernames,
passwords, payload previews, the node's own (destination) addresses.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from nacl.signing import SigningKey

from honeymesh.mesh.envelope import LEVELS, allowed_fields, parse_signal, seal
from honeymesh.mesh.sanitize import internal, sanitize_excerpt, signal_body
from honeymesh.net import normalize_network

JA4 = "t13d1516h2_8daaf6152771_e5627efa2ab1"
JA3 = "e7d705a3286e19ea42f587b344ee6865"
SECRETS = ("hunter2", "root", "10.20.30.40", "GET /admin", "AKIAEXAMPLE")


def ban_detail(detector: str, verdict_evidence: dict[str, Any]) -> dict[str, Any]:
    return {
        "ban_id": 1,
        "network": "198.51.100.7/32",
        "source": "local",
        "reasons": ["login attempt on trap ssh as 'root'"],
        "provenance": {},
        "evidence": {
            "detector": detector,
            "score": 80,
            "verdict_reasons": ["password hunter2 tried"],
            "verdict_evidence": verdict_evidence,
        },
    }


TRAP_LOGIN = ban_detail(
    "ssh", {"trap": "ssh", "service": "ssh", "username": "root", "password": "hunter2"}
)
FINGERPRINT = ban_detail("fingerprint", {"ja4": JA4, "ja3": JA3, "sni": "intranet.corp"})
SCAN = ban_detail(
    "scan",
    {"kind": "ports", "count": 40, "window": 60, "ports": [22, 23, 80, 70000, "x"],
     "addresses": ["10.20.30.40"], "first_seen": 1.0},
)  # fmt: skip
PAYLOAD = ban_detail(
    "payload", {"preview": "GET /admin?password=hunter2 HTTP/1.1\r\nHost: 10.20.30.40\r\n"}
)


def sealed(body: dict[str, Any], level: str) -> bytes:
    fields = {
        "v": "v2", "id": "0" * 32, "pub": bytes(SigningKey(b"\x01" * 32).verify_key).hex(),
        "seq": 1, "ts": 1_000, "exp": 2_000, "cls": level, "kind": "ban", "claim": "0" * 64,
        "cluster": "c1", "body": {"target": "198.51.100.7/32", **body},
    }  # fmt: skip
    return seal(SigningKey(b"\x01" * 32), fields)


def test_l1_carries_the_reason_code_only() -> None:
    for detail in (TRAP_LOGIN, FINGERPRINT, SCAN, PAYLOAD):
        body = signal_body(detail, "L1")
        assert set(body) == {"reason"}
    assert signal_body(TRAP_LOGIN, "L1") == {"reason": "ssh"}
    assert signal_body({"source": "operator"}, "L1") == {"reason": "operator"}


def test_l2_adds_the_fingerprints_and_nothing_else() -> None:
    assert signal_body(FINGERPRINT, "L2") == {"reason": "fingerprint", "ja4": JA4, "ja3": JA3}
    assert signal_body(TRAP_LOGIN, "L2") == {"reason": "ssh"}


def test_l3_adds_valid_ports_and_counts_but_never_the_nodes_addresses() -> None:
    body = signal_body(SCAN, "L3")
    assert body == {"reason": "scan", "ports": [22, 23, 80], "count": 40, "window": 60}


def test_l4_excerpts_mask_credentials_and_addresses() -> None:
    excerpt = signal_body(PAYLOAD, "L4")["excerpt"]
    assert "hunter2" not in excerpt
    assert "10.20.30.40" not in excerpt
    assert "\r" not in excerpt
    assert excerpt.startswith("GET /admin?password=<redacted>")


def test_nothing_secret_leaves_below_l4() -> None:
    for detail in (TRAP_LOGIN, FINGERPRINT, SCAN, PAYLOAD):
        for level in ("L1", "L2", "L3"):
            text = json.dumps(signal_body(detail, level))
            for secret in SECRETS:
                assert secret not in text, (level, detail["evidence"]["detector"], secret)


def test_every_body_is_a_valid_signal_at_its_level() -> None:
    for detail in (TRAP_LOGIN, FINGERPRINT, SCAN, PAYLOAD):
        for level in LEVELS:
            signal = parse_signal(sealed(signal_body(detail, level), level))
            assert set(signal.body) <= allowed_fields(level)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**40), 2**40) | st.text(max_size=40),
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=8), inner, max_size=5)
    ),
    max_leaves=20,
)
evidence_keys = st.sampled_from(
    ["ja4", "ja3", "ports", "count", "window", "preview", "username", "password", "detector",
     "addresses", "excerpt"]
)  # fmt: skip


@given(
    inner=st.dictionaries(evidence_keys, json_values, max_size=8),
    outer=st.dictionaries(evidence_keys, json_values, max_size=4),
    level=st.sampled_from(LEVELS),
)
def test_any_evidence_gives_a_body_that_parses_at_its_level(
    inner: dict[str, Any], outer: dict[str, Any], level: str
) -> None:
    detail = {"source": "local", "evidence": {**outer, "verdict_evidence": inner}}
    body = signal_body(detail, level)
    assert set(body) <= allowed_fields(level)
    parse_signal(sealed(body, level))  # never EnvelopeError: what we send, peers accept


@given(st.text(max_size=2000))
def test_excerpts_are_printable_and_bounded(text: str) -> None:
    out = sanitize_excerpt(text)
    assert len(out) <= 512
    assert out.isprintable()


def test_excerpts_lose_whole_credential_headers_and_every_address() -> None:
    cases = {
        "Authorization: Basic dXNlcjpwYXNz": "dXNlcjpwYXNz",
        "Cookie: session=abc123; theme=dark": "abc123",
        "Authorization: Bearer eyJhbGciOi.x.y": "eyJhbGciOi",
        "GET /?token=s3cr3t&page=2": "s3cr3t",
        "connect to ::1 then fe80::1": "::1",
    }
    for text, secret in cases.items():
        assert secret not in sanitize_excerpt(text), text
    assert sanitize_excerpt("GET /?token=s3cr3t&page=2") == "GET /?token=<redacted>&page=2"


def test_a_true_port_is_not_a_port() -> None:
    detail = ban_detail("scan", {"ports": [True, 22]})
    assert signal_body(detail, "L3")["ports"] == [22]


def test_bans_on_the_nodes_own_networks_are_internal_and_documentation_ranges_are_not() -> None:
    inside = ["10.1.2.3/32", "172.20.0.0/16", "192.168.1.9/32", "100.64.7.7/32", "127.0.0.1/32",
              "169.254.1.1/32", "fd00::1/128", "fe80::/64"]  # fmt: skip
    outside = ["198.51.100.7/32", "203.0.113.0/24", "2001:db8::/64", "8.8.8.8/32", "100.128.0.1/32"]
    assert all(internal(normalize_network(n)) for n in inside)
    assert not any(internal(normalize_network(n)) for n in outside)
