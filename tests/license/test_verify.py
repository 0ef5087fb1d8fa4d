"""License verification: every way a license can be wrong gives its own reason, and only those."""

from __future__ import annotations

import base64
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from honeymesh.license.issue import IssueError, LicenseSigningKey, issue_license
from honeymesh.license.keys import TrustedKeys
from honeymesh.license.verify import (
    MAX_LICENSE_BYTES,
    LicenseRefused,
    Refusal,
    Tier,
    check_in_force,
    verify_license,
)

from .helpers import (
    DAY,
    KEYS,
    SIGNER,
    T0,
    envelope,
    make_license,
    signed_raw_payload,
    tampered,
    with_envelope,
)


def refusal(data: bytes, keys: TrustedKeys = KEYS) -> LicenseRefused:
    with pytest.raises(LicenseRefused) as info:
        verify_license(data, keys)
    return info.value


def test_a_good_license_verifies_with_all_its_terms() -> None:
    lic = verify_license(make_license(cluster_id="blue"), KEYS)
    assert lic.tier is Tier.PRO
    assert lic.licensee == "ACME Corp"
    assert lic.license_id == "HM-TEST-1"
    assert lic.cluster_id == "blue"
    assert lic.features == ("sharing", "priority-support")
    assert (lic.not_before, lic.expires_at) == (T0 - DAY, T0 + 30 * DAY)
    assert lic.key_id == "test-1"
    check_in_force(lic, now=T0, cluster_id="blue")


def test_the_signature_covers_the_stored_bytes_not_a_reserialization() -> None:
    doc = make_license()
    env = envelope(doc)
    payload = base64.b64decode(env["payload"])
    # The same terms with other whitespace: equal as JSON, different as bytes.
    respaced = json.dumps(json.loads(payload), indent=1).encode()
    assert json.loads(respaced) == json.loads(payload)
    e = refusal(with_envelope(doc, payload=base64.b64encode(respaced).decode()))
    assert e.reason is Refusal.TAMPERED


def test_tampered_payload() -> None:
    e = refusal(tampered(make_license(), expires_at=T0 + 3650 * DAY))
    assert e.reason is Refusal.TAMPERED
    assert "altered after it was signed" in e.detail


def test_tampered_signature() -> None:
    doc = make_license()
    sig = bytearray(base64.b64decode(envelope(doc)["signature"]))
    sig[10] ^= 1
    e = refusal(with_envelope(doc, signature=base64.b64encode(bytes(sig)).decode()))
    assert e.reason is Refusal.TAMPERED


def test_wrong_key_under_a_trusted_key_id() -> None:
    impostor = LicenseSigningKey(key_id="test-1", seed=b"\x02" * 32)
    e = refusal(make_license(impostor))
    assert e.reason is Refusal.WRONG_KEY
    assert SIGNER.public.fingerprint in e.detail
    assert impostor.public.fingerprint in e.detail


def test_relabelled_public_key_is_caught_as_tampering() -> None:
    """An impostor that copies the trusted public key into the envelope: the signature fails."""
    impostor = LicenseSigningKey(key_id="test-1", seed=b"\x02" * 32)
    doc = with_envelope(
        make_license(impostor), public_key=base64.b64encode(SIGNER.public.key).decode()
    )
    assert refusal(doc).reason is Refusal.TAMPERED


def test_unknown_key_id() -> None:
    other = LicenseSigningKey(key_id="someone-else", seed=b"\x03" * 32)
    e = refusal(make_license(other))
    assert e.reason is Refusal.UNKNOWN_KEY_ID
    assert "someone-else" in e.detail
    assert "trusted: test-1" in e.detail


def test_a_rotated_key_is_trusted_alongside_the_old_one() -> None:
    new = LicenseSigningKey(key_id="test-2", seed=b"\x04" * 32)
    both = KEYS | [new.public]
    assert verify_license(make_license(SIGNER), both).key_id == "test-1"
    assert verify_license(make_license(new), both).key_id == "test-2"
    # Once the old key is retired, its licenses are refused by id.
    assert refusal(make_license(SIGNER), TrustedKeys([new.public])).reason is (
        Refusal.UNKNOWN_KEY_ID
    )


@pytest.mark.parametrize(
    ("now", "reason"),
    [
        (T0 - DAY - 1, Refusal.NOT_YET_VALID),
        (T0 + 30 * DAY, Refusal.EXPIRED),
        (T0 + 400 * DAY, Refusal.EXPIRED),
    ],
)
def test_time_window(now: float, reason: Refusal) -> None:
    lic = verify_license(make_license(), KEYS)
    with pytest.raises(LicenseRefused) as info:
        check_in_force(lic, now=now, cluster_id=None)
    assert info.value.reason is reason


def test_time_window_edges_are_inclusive_start_exclusive_end() -> None:
    lic = verify_license(make_license(), KEYS)
    check_in_force(lic, now=T0 - DAY, cluster_id=None)
    check_in_force(lic, now=T0 + 30 * DAY - 1, cluster_id=None)


@pytest.mark.parametrize("node_cluster", [None, "red"])
def test_cluster_mismatch(node_cluster: str | None) -> None:
    lic = verify_license(make_license(cluster_id="blue"), KEYS)
    with pytest.raises(LicenseRefused) as info:
        check_in_force(lic, now=T0, cluster_id=node_cluster)
    assert info.value.reason is Refusal.CLUSTER_MISMATCH
    assert "'blue'" in info.value.detail


def test_an_unbound_license_works_in_any_cluster() -> None:
    lic = verify_license(make_license(), KEYS)
    check_in_force(lic, now=T0, cluster_id="red")
    check_in_force(lic, now=T0, cluster_id=None)


@pytest.mark.parametrize("cut", [1, 20, 100, 200, -40, -2])
def test_truncated(cut: int) -> None:
    doc = make_license()
    e = refusal(doc[:cut])
    assert e.reason is Refusal.TRUNCATED, e.detail


@pytest.mark.parametrize(
    "data",
    [b"hello", b"PK\x03\x04\x00\x00", b"\xff\xfe\x00license", b"<license/>", b"[1, 2,, 3]"],
)
def test_not_json(data: bytes) -> None:
    assert refusal(data).reason is Refusal.NOT_JSON


def test_empty_file() -> None:
    assert refusal(b"").reason is Refusal.TRUNCATED
    assert refusal(b"  \n").reason is Refusal.TRUNCATED


def test_too_large() -> None:
    data = b'{"format": "honeymesh-license/1", "x": "' + b"a" * MAX_LICENSE_BYTES + b'"}'
    assert refusal(data).reason is Refusal.TOO_LARGE


def test_deep_nesting_is_refused_not_a_recursion_error() -> None:
    assert refusal(b"[" * 30_000 + b"]" * 30_000).reason is Refusal.NOT_JSON


def test_duplicate_keys_are_refused() -> None:
    doc = make_license()
    text = doc.decode().replace('"key_id"', '"key_id": "other", "key_id"', 1)
    assert refusal(text.encode()).reason is Refusal.NOT_JSON


@pytest.mark.parametrize(
    ("fmt", "reason"),
    [
        ("honeymesh-license/2", Refusal.BAD_FORMAT_VERSION),
        ("honeymesh-license/0", Refusal.BAD_FORMAT_VERSION),
        ("something-else/1", Refusal.BAD_FORMAT_VERSION),
    ],
)
def test_bad_format_version(fmt: str, reason: Refusal) -> None:
    e = refusal(with_envelope(make_license(), format=fmt))
    assert e.reason is reason
    assert fmt in e.detail


@pytest.mark.parametrize(
    "changes",
    [
        {"format": None},
        {"signature": "not base64!"},
        {"signature": base64.b64encode(b"short").decode()},
        {"public_key": 7},
        {"key_id": "has space"},
        {"extra": 1},
    ],
)
def test_bad_envelope(changes: dict[str, object]) -> None:
    assert refusal(with_envelope(make_license(), **changes)).reason is Refusal.BAD_ENVELOPE


def test_missing_envelope_field() -> None:
    obj = envelope(make_license())
    del obj["signature"]
    assert refusal(json.dumps(obj).encode()).reason is Refusal.BAD_ENVELOPE


@pytest.mark.parametrize(
    "terms",
    [
        b"not json",
        b"[]",
        b'{"tier": "pro"}',
        json.dumps(
            {
                "license_id": "x",
                "licensee": "y",
                "tier": "gold",
                "cluster_id": None,
                "issued_at": 1,
                "not_before": 1,
                "expires_at": 2,
                "features": [],
            }
        ).encode(),
        json.dumps(
            {
                "license_id": "x",
                "licensee": "y",
                "tier": "pro",
                "cluster_id": None,
                "issued_at": 1,
                "not_before": 5,
                "expires_at": 5,
                "features": [],
            }
        ).encode(),
        json.dumps(
            {
                "license_id": "x",
                "licensee": "y",
                "tier": "pro",
                "cluster_id": None,
                "issued_at": 1,
                "not_before": 1,
                "expires_at": 1e9,
                "features": [],
            }
        ).encode(),
        json.dumps(
            {
                "license_id": "x",
                "licensee": "y",
                "tier": "pro",
                "cluster_id": None,
                "issued_at": 1,
                "not_before": 1,
                "expires_at": 2,
                "features": ["a", "a"],
            }
        ).encode(),
    ],
)
def test_signed_but_malformed_terms(terms: bytes) -> None:
    assert refusal(signed_raw_payload(terms)).reason is Refusal.BAD_PAYLOAD


def test_issue_refuses_terms_a_verifier_would_refuse() -> None:
    with pytest.raises(IssueError, match="cluster_id"):
        issue_license(
            SIGNER,
            licensee="x",
            tier=Tier.PRO,
            issued_at=T0,
            not_before=T0,
            expires_at=T0 + DAY,
            cluster_id="no spaces allowed",
        )
    with pytest.raises(IssueError, match="expires_at"):
        issue_license(
            SIGNER,
            licensee="x",
            tier=Tier.PRO,
            issued_at=T0,
            not_before=T0,
            expires_at=T0,
        )


# Hostile input ---------------------------------------------------------------------------------


@given(st.binary(max_size=2048))
def test_arbitrary_bytes_give_a_typed_refusal_only(data: bytes) -> None:
    with pytest.raises(LicenseRefused):
        verify_license(data, KEYS)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(
    st.dictionaries(
        st.sampled_from(["format", "key_id", "public_key", "payload", "signature", "other"]),
        json_values,
    )
)
def test_arbitrary_envelopes_give_a_typed_refusal_only(obj: dict[str, object]) -> None:
    obj.setdefault("format", "honeymesh-license/1")
    with pytest.raises(LicenseRefused):
        verify_license(json.dumps(obj).encode(), KEYS)


@given(st.binary(max_size=512) | json_values.map(lambda v: json.dumps(v).encode()))
def test_signed_arbitrary_payloads_give_a_license_or_bad_payload(payload: bytes) -> None:
    try:
        verify_license(signed_raw_payload(payload), KEYS)
    except LicenseRefused as e:
        assert e.reason is Refusal.BAD_PAYLOAD


@given(st.integers(min_value=0), st.integers(min_value=0, max_value=255))
def test_any_single_byte_change_is_refused_or_harmless(position: int, value: int) -> None:
    doc = bytearray(make_license())
    i = position % len(doc)
    doc[i] = value
    try:
        lic = verify_license(bytes(doc), KEYS)
    except LicenseRefused:
        return
    # Only changes JSON does not see (whitespace) may leave a valid license, with the same terms.
    assert lic.expires_at == T0 + 30 * DAY
    assert lic.licensee == "ACME Corp"
