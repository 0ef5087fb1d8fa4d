"""Licenses for tests: each test makes its own keys; the vendor's private key is never needed."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

from honeymesh.license.clock import ClockFile, clock_key_from_seed
from honeymesh.license.issue import LicenseSigningKey, issue_license
from honeymesh.license.jsonbytes import canonical_json
from honeymesh.license.keys import TrustedKeys
from honeymesh.license.verify import Tier

DAY = 86400
T0 = 1_800_000_000  # 2027-01-15T08:00:00Z: "now" in these tests
NODE_SEED = bytes(range(32))
CLOCK_KEY = clock_key_from_seed(NODE_SEED)

SIGNER = LicenseSigningKey(key_id="test-1", seed=b"\x01" * 32)
KEYS = TrustedKeys([SIGNER.public])


def make_license(key: LicenseSigningKey = SIGNER, **overrides: Any) -> bytes:
    terms: dict[str, Any] = {
        "licensee": "ACME Corp",
        "tier": Tier.PRO,
        "issued_at": T0 - 2 * DAY,
        "not_before": T0 - DAY,
        "expires_at": T0 + 30 * DAY,
        "cluster_id": None,
        "features": ("sharing", "priority-support"),
        "license_id": "HM-TEST-1",
    }
    terms.update(overrides)
    return issue_license(key, **terms)


def envelope(document: bytes) -> dict[str, Any]:
    obj: dict[str, Any] = json.loads(document)
    return obj


def with_envelope(document: bytes, **changes: Any) -> bytes:
    obj = envelope(document)
    obj.update(changes)
    return json.dumps(obj).encode()


def payload_of(document: bytes) -> dict[str, Any]:
    obj: dict[str, Any] = json.loads(base64.b64decode(envelope(document)["payload"]))
    return obj


def signed_raw_payload(payload: bytes, key: LicenseSigningKey = SIGNER) -> bytes:
    """A correctly signed license around arbitrary payload bytes (a careless or hostile issuer)."""
    return json.dumps(
        {
            "format": "honeymesh-license/1",
            "key_id": key.key_id,
            "public_key": base64.b64encode(key.public.key).decode(),
            "payload": base64.b64encode(payload).decode(),
            "signature": base64.b64encode(key.sign(payload)).decode(),
        }
    ).encode()


def tampered(document: bytes, **term_changes: Any) -> bytes:
    """The license with its terms edited but the original signature kept."""
    terms = payload_of(document)
    terms.update(term_changes)
    new_payload = base64.b64encode(canonical_json(terms)).decode()
    return with_envelope(document, payload=new_payload)


def clock_file(directory: Path) -> ClockFile:
    return ClockFile(directory / "license.clock", CLOCK_KEY)
