"""Sharing needs Pro and the operator's opt-in; the capability claim proves Pro to peers."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from honeymesh.config import SharingConfig
from honeymesh.license.claim import capability_claim, verify_claim
from honeymesh.license.clock import ClockReading
from honeymesh.license.entitlement import Entitlement, evaluate, load_license
from honeymesh.license.gating import sharing_decision
from honeymesh.license.issue import LicenseSigningKey
from honeymesh.license.keys import TrustedKeys
from honeymesh.license.verify import LicenseRefused, Refusal, Tier

from .helpers import DAY, KEYS, T0, make_license

NODE_ID = "ab" * 32


def entitlement(
    tmp_path: Path, document: bytes | None, cluster_id: str | None = None
) -> Entitlement:
    path = tmp_path / "license.json"
    if document is not None:
        path.write_bytes(document)
    ent, _ = evaluate(
        load_license(path, KEYS), ClockReading(T0), now=T0, tolerance=3600, cluster_id=cluster_id
    )
    return ent


def test_defaults_are_off() -> None:
    assert SharingConfig().enabled is False


def test_no_license_refuses_sharing_with_the_reason(tmp_path: Path) -> None:
    d = sharing_decision(entitlement(tmp_path, None), SharingConfig(enabled=True))
    assert (d.run, d.publish, d.consume) == (False, False, False)
    assert d.reason.startswith("sharing disabled: license tier is community (no license file at ")
    assert str(tmp_path / "license.json") in d.reason


def test_refused_license_gives_its_reason(tmp_path: Path) -> None:
    d = sharing_decision(
        entitlement(tmp_path, make_license(expires_at=T0 - 1)), SharingConfig(enabled=True)
    )
    assert not d.run
    assert "license tier is community" in d.reason
    assert "expired at" in d.reason


def test_pro_without_opt_in_is_refused(tmp_path: Path) -> None:
    d = sharing_decision(entitlement(tmp_path, make_license()), SharingConfig())
    assert not d.run
    assert d.reason.startswith("sharing disabled: sharing.enabled is false")
    assert "community" not in d.reason


def test_community_and_no_opt_in_gives_both_reasons(tmp_path: Path) -> None:
    d = sharing_decision(entitlement(tmp_path, None), SharingConfig())
    assert "license tier is community" in d.reason
    assert "sharing.enabled is false" in d.reason


@pytest.mark.parametrize(
    ("publish", "consume", "run", "what"),
    [
        (True, True, True, "publish and consume"),
        (True, False, True, "publish"),
        (False, True, True, "consume"),
        (False, False, False, "both false"),
    ],
)
def test_pro_with_opt_in_and_separate_switches(
    tmp_path: Path, publish: bool, consume: bool, run: bool, what: str
) -> None:
    ent = entitlement(tmp_path, make_license())
    d = sharing_decision(ent, SharingConfig(enabled=True, publish=publish, consume=consume))
    assert d.run is run
    assert (d.publish, d.consume) == ((publish, consume) if run else (False, False))
    assert what in d.reason


# Capability claims -----------------------------------------------------------------------------


def claim_for(
    tmp_path: Path,
    document: bytes,
    cluster_id: str | None = None,
    *,
    publish: bool = True,
    consume: bool = True,
):
    ent = entitlement(tmp_path, document, cluster_id)
    sharing = SharingConfig(
        enabled=True, cluster_id=cluster_id or "", publish=publish, consume=consume
    )
    return capability_claim(ent, NODE_ID, sharing_decision(ent, sharing))


def test_claim_round_trip(tmp_path: Path) -> None:
    claim = claim_for(tmp_path, make_license(), consume=False)
    seen = verify_claim(claim, KEYS, now=T0 + DAY, cluster_id=None)
    assert seen.node_id == NODE_ID
    assert seen.license.tier is Tier.PRO
    assert (seen.publish, seen.consume) == (True, False)


def test_no_claim_without_sharing(tmp_path: Path) -> None:
    ent = entitlement(tmp_path, make_license())
    with pytest.raises(ValueError, match=r"sharing\.enabled is false"):
        capability_claim(ent, NODE_ID, sharing_decision(ent, SharingConfig()))


def claim_refusal(
    claim: bytes, keys: TrustedKeys = KEYS, now: float = T0, cluster_id: str | None = None
) -> Refusal:
    with pytest.raises(LicenseRefused) as info:
        verify_claim(claim, keys, now=now, cluster_id=cluster_id)
    return info.value.reason


def test_peer_checks_the_claim_by_its_own_keys_clock_and_cluster(tmp_path: Path) -> None:
    claim = claim_for(tmp_path, make_license(cluster_id="blue"), cluster_id="blue")
    verify_claim(claim, KEYS, now=T0, cluster_id="blue")
    other_keys = TrustedKeys([LicenseSigningKey("peer-only", b"\x07" * 32).public])
    assert claim_refusal(claim, keys=other_keys, cluster_id="blue") is Refusal.UNKNOWN_KEY_ID
    assert claim_refusal(claim, now=T0 + 31 * DAY, cluster_id="blue") is Refusal.EXPIRED
    assert claim_refusal(claim, cluster_id="red") is Refusal.CLUSTER_MISMATCH


def test_a_community_license_in_a_claim_is_refused() -> None:
    forged = json.dumps(
        {
            "format": "honeymesh-claim/1",
            "node_id": NODE_ID,
            "publish": True,
            "consume": True,
            "license": base64.b64encode(make_license(tier=Tier.COMMUNITY)).decode(),
        }
    ).encode()
    assert claim_refusal(forged) is Refusal.NOT_PRO


def test_a_claim_with_an_edited_license_is_refused(tmp_path: Path) -> None:
    claim = json.loads(claim_for(tmp_path, make_license()))
    doc = json.loads(base64.b64decode(claim["license"]))
    terms = json.loads(base64.b64decode(doc["payload"]))
    terms["expires_at"] += 365 * DAY
    doc["payload"] = base64.b64encode(json.dumps(terms).encode()).decode()
    claim["license"] = base64.b64encode(json.dumps(doc).encode()).decode()
    assert claim_refusal(json.dumps(claim).encode()) is Refusal.TAMPERED


@given(st.binary(max_size=1024))
def test_arbitrary_claim_bytes_give_a_typed_refusal_only(data: bytes) -> None:
    with pytest.raises(LicenseRefused):
        verify_claim(data, KEYS, now=T0, cluster_id=None)


@given(
    st.dictionaries(
        st.sampled_from(["format", "node_id", "license", "publish", "consume"]),
        st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    )
)
def test_arbitrary_claim_objects_give_a_typed_refusal_only(obj: dict[str, object]) -> None:
    obj.setdefault("format", "honeymesh-claim/1")
    with pytest.raises(LicenseRefused):
        verify_claim(json.dumps(obj).encode(), KEYS, now=T0, cluster_id=None)
