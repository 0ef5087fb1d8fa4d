"""The capability claim a node presents to mesh peers: its vendor-signed license plus its node id.

A claim is canonical JSON::

    {"format": "honeymesh-claim/1", "node_id": "<hex>", "license": "<base64 of the license file>",
     "publish": true, "consume": true}

The license inside is checked exactly as a local license is (signature over its stored payload
bytes under a key the *peer* trusts, then in force at the peer's trusted time and for the peer's
cluster, and Pro), so any peer with the vendor keys can check what the node may do without
asking anyone. The claim itself is not signed here: the mesh carries it inside an envelope signed
with the node's identity key, and that signature is what binds ``node_id`` to the sender. The
peer must check that the envelope's signer is ``node_id``.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from typing import Any

from honeymesh.license.entitlement import Entitlement
from honeymesh.license.gating import SharingDecision
from honeymesh.license.jsonbytes import JSONProblem, canonical_json, parse_json
from honeymesh.license.keys import TrustedKeys
from honeymesh.license.verify import (
    MAX_LICENSE_BYTES,
    License,
    LicenseRefused,
    Refusal,
    Tier,
    check_in_force,
    verify_license,
)

CLAIM_FORMAT = "honeymesh-claim/1"
MAX_CLAIM_BYTES = 2 * MAX_LICENSE_BYTES
NODE_ID = re.compile(r"[0-9a-f]{16,128}")
_FIELDS = frozenset({"format", "node_id", "license", "publish", "consume"})


@dataclass(frozen=True)
class VerifiedClaim:
    node_id: str
    license: License
    publish: bool
    consume: bool


def capability_claim(ent: Entitlement, node_id: str, decision: SharingDecision) -> bytes:
    """This node's claim; only a node whose sharing may run has one (else ``ValueError``)."""
    if not decision.run or ent.tier is not Tier.PRO or ent.license is None:
        raise ValueError(f"no capability claim without sharing: {decision.reason}")
    if not NODE_ID.fullmatch(node_id):
        raise ValueError("node_id must be 16 to 128 lowercase hex digits")
    return canonical_json(
        {
            "format": CLAIM_FORMAT,
            "node_id": node_id,
            "license": base64.b64encode(ent.license.document).decode("ascii"),
            "publish": decision.publish,
            "consume": decision.consume,
        }
    )


def verify_claim(
    data: bytes, keys: TrustedKeys, *, now: float, cluster_id: str | None
) -> VerifiedClaim:
    """A peer's claim, checked; raises ``LicenseRefused`` with the reason otherwise.

    ``now`` should be the checking node's trusted time (``ClockJudgement.trusted_now``).
    """
    obj = _claim_object(data)
    node_id = obj["node_id"]
    if not isinstance(node_id, str) or not NODE_ID.fullmatch(node_id):
        raise LicenseRefused(Refusal.BAD_ENVELOPE, "claim node_id is not 16 to 128 hex digits")
    flags = obj["publish"], obj["consume"]
    if not all(isinstance(f, bool) for f in flags):
        raise LicenseRefused(Refusal.BAD_ENVELOPE, "claim publish and consume must be booleans")
    encoded = obj["license"]
    try:
        document = base64.b64decode(encoded if isinstance(encoded, str) else "?", validate=True)
    except (binascii.Error, ValueError):
        raise LicenseRefused(Refusal.BAD_ENVELOPE, "claim license is not a base64 string") from None
    lic = verify_license(document, keys)
    check_in_force(lic, now=now, cluster_id=cluster_id)
    if lic.tier is not Tier.PRO:
        raise LicenseRefused(
            Refusal.NOT_PRO, f"license {lic.license_id} is a community license; sharing needs Pro"
        )
    return VerifiedClaim(node_id, lic, publish=flags[0], consume=flags[1])


def _claim_object(data: bytes) -> dict[str, Any]:
    try:
        obj = parse_json(data, budget=MAX_CLAIM_BYTES, what="the capability claim")
    except JSONProblem as e:
        code = {"too_large": Refusal.TOO_LARGE, "truncated": Refusal.TRUNCATED}
        raise LicenseRefused(code.get(e.kind, Refusal.NOT_JSON), e.detail) from None
    if not isinstance(obj, dict) or obj.get("format") != CLAIM_FORMAT:
        raise LicenseRefused(
            Refusal.BAD_FORMAT_VERSION, f"not a capability claim of format {CLAIM_FORMAT}"
        )
    if set(obj) != _FIELDS:
        raise LicenseRefused(
            Refusal.BAD_ENVELOPE, f"claim fields must be exactly {', '.join(sorted(_FIELDS))}"
        )
    return obj
