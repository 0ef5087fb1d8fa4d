"""STIX 2.1 export, checked by the OASIS validator (stix2-validator), which is not ours."""

from __future__ import annotations

import ipaddress
import json
from typing import Any

import pytest
from stix2validator import ValidationOptions, validate_string

from honeymesh.enforcement.bans import AllowRule, Ban
from honeymesh.intel.stix import (
    FINGERPRINT_EXTENSION,
    TLP2_IDS,
    StixError,
    StixSettings,
    bundle,
    pattern,
)

NODE = "a" * 64
PEER, CORROBORATOR = "b" * 64, "c" * 64
JA4 = "t13d1516h2_8daaf6152771_02713d6af862"
SETTINGS = StixSettings(node_id=NODE, node_name="edge-1", own_level="L2")


def ban(id_: int, network: str, source: str = "local", **kw: Any) -> Ban:
    fields: dict[str, Any] = {
        "id": id_,
        "network": ipaddress.ip_network(network),
        "source": source,
        "reasons": ("ssh login attempt",),
        "evidence": {},
        "provenance": {},
        "created": 1_780_000_000.0,
        "expires": 1_780_003_600.0,
        "offence": 1,
        "enforced": True,
    }
    fields.update(kw)
    return Ban(**fields)


BANS = [
    ban(1, "198.51.100.7/32", evidence={"score": 100.0, "verdict_evidence": {"ja4": JA4}}),
    ban(2, "203.0.113.0/24", "operator", expires=None),
    ban(
        3,
        "2001:db8:1::/64",
        "mesh",
        provenance={
            "peer": PEER,
            "score": 61.2,
            "classification": "L3",
            "corroborators": [{"peer": CORROBORATOR, "received": 1_780_000_010.0}],
        },
    ),
    ban(4, "192.0.2.9/32", lifted=1_780_000_100.0, lifted_why="unbanned", lifted_by="op"),
]
ALLOWS = [
    AllowRule(ipaddress.ip_network("192.0.2.0/28"), "office", "operator", 1_779_000_000.0, 7),
    AllowRule(ipaddress.ip_network("127.0.0.0/8"), "loopback", "builtin"),
]


def validated(text: str) -> dict[str, Any]:
    result = validate_string(text, ValidationOptions(version="2.1", strict=True))
    assert result.is_valid, [str(e) for e in result.errors]
    doc: dict[str, Any] = json.loads(text)
    return doc


def by_type(doc: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [o for o in doc["objects"] if o["type"] == kind]


def test_bans_and_allows_are_valid_stix_with_their_meaning() -> None:
    doc = validated(bundle(BANS, ALLOWS, SETTINGS))
    indicators = {o["name"]: o for o in by_type(doc, "indicator")}
    local = indicators["banned 198.51.100.7/32"]
    assert local["pattern"] == "[ipv4-addr:value = '198.51.100.7']"
    assert local["valid_from"] == "2026-05-28T20:26:40Z"
    assert local["valid_until"] == "2026-05-28T21:26:40Z"
    assert local["confidence"] == 100 and local["indicator_types"] == ["malicious-activity"]
    assert local["extensions"][FINGERPRINT_EXTENSION]["ja4"] == JA4
    assert local["object_marking_refs"] == [TLP2_IDS["green"]]  # own bans: own level L2

    permanent = indicators["banned 203.0.113.0/24"]
    assert "valid_until" not in permanent
    assert permanent["pattern"] == "[ipv4-addr:value = '203.0.113.0/24']"

    mesh = indicators["banned 2001:db8:1::/64"]
    assert mesh["confidence"] == 61  # the publisher's trust score when applied
    assert mesh["object_marking_refs"] == [TLP2_IDS["amber"]]  # the signal's level, L3
    sightings = by_type(doc, "sighting")
    assert {s["sighting_of_ref"] for s in sightings} == {mesh["id"]}
    seen_by = {ref for s in sightings for ref in s["where_sighted_refs"]}
    names = {o["id"]: o["description"] for o in by_type(doc, "identity")}
    assert {names[r] for r in seen_by} == {
        f"HoneyMesh node {PEER}",
        f"HoneyMesh node {CORROBORATOR}",
    }

    assert indicators["banned 192.0.2.9/32"]["revoked"] is True
    assert indicators["allowed 192.0.2.0/28"]["indicator_types"] == ["benign"]
    assert indicators["allowed 127.0.0.0/8"]["pattern"] == "[ipv4-addr:value = '127.0.0.0/8']"
    # Every marking referred to is in the bundle, as the official TLP 2.0 definition.
    defined = {o["id"] for o in by_type(doc, "marking-definition")}
    assert defined == {TLP2_IDS["green"], TLP2_IDS["amber"]}
    assert [o["id"] for o in by_type(doc, "extension-definition")] == [FINGERPRINT_EXTENSION]


def test_the_same_rows_export_the_same_object_ids() -> None:
    first = {o["id"] for o in json.loads(bundle(BANS, ALLOWS, SETTINGS))["objects"]}
    second = {o["id"] for o in json.loads(bundle(BANS, ALLOWS, SETTINGS))["objects"]}
    assert first == second


def test_tlp_per_level_is_the_operators_choice_and_checked() -> None:
    red = StixSettings(NODE, "edge-1", own_level="L2", tlp={"L2": "red"})
    doc = validated(bundle(BANS[:1], [], red))
    assert by_type(doc, "indicator")[0]["object_marking_refs"] == [TLP2_IDS["red"]]
    with pytest.raises(StixError, match="TLP for L2"):
        bundle(BANS[:1], [], StixSettings(NODE, "edge-1", own_level="L2", tlp={"L2": "white"}))


def test_an_empty_node_exports_a_valid_bundle() -> None:
    validated(bundle([], [], SETTINGS))


@pytest.mark.parametrize(
    ("network", "expected"),
    [
        ("10.0.0.1/32", "[ipv4-addr:value = '10.0.0.1']"),
        ("2001:db8::1/128", "[ipv6-addr:value = '2001:db8::1']"),
        ("2001:db8::/48", "[ipv6-addr:value = '2001:db8::/48']"),
    ],
)
def test_patterns(network: str, expected: str) -> None:
    assert pattern(ipaddress.ip_network(network)) == expected
