"""Signed v2 items for the mesh core's tests: publisher keys, Pro claims, a fake directory."""

from __future__ import annotations

import base64
import hashlib
import itertools
from dataclasses import dataclass, field
from typing import Any, Literal

from nacl.signing import SigningKey

from honeymesh.license.jsonbytes import canonical_json
from honeymesh.mesh.envelope import seal

from ..license.helpers import T0, make_license

CLUSTER = "acme-prod"
PUBLISHERS = [SigningKey(bytes([0x40 + i]) * 32) for i in range(6)]
OUTSIDER = SigningKey(b"\x7f" * 32)  # never a member
_ids = itertools.count(1)


def node_id(key: SigningKey) -> str:
    return bytes(key.verify_key).hex()


def claim_bytes(node: str, document: bytes | None = None, *, publish: bool = True) -> bytes:
    """A capability claim in the documented format around a license (a valid Pro one by default)."""
    return canonical_json(
        {
            "format": "honeymesh-claim/1",
            "node_id": node,
            "license": base64.b64encode(document or make_license()).decode("ascii"),
            "publish": publish,
            "consume": True,
        }
    )


def ref(claim: bytes) -> str:
    return hashlib.sha256(claim).hexdigest()


def fresh_id() -> str:
    return f"{next(_ids):032x}"


def signal_fields(key: SigningKey, claim: bytes, /, **overrides: Any) -> dict[str, Any]:
    """A valid L1 ban published now (T0), living ten minutes, with ``overrides`` applied."""
    fields: dict[str, Any] = {
        "v": "v2",
        "id": fresh_id(),
        "pub": node_id(key),
        "seq": 1,
        "ts": T0 * 1000,
        "exp": (T0 + 600) * 1000,
        "cls": "L1",
        "kind": "ban",
        "claim": ref(claim),
        "cluster": CLUSTER,
        "body": {"target": "203.0.113.7/32", "reason": "ssh-bruteforce"},
    }
    fields.update(overrides)
    return fields


def signed(
    key: SigningKey, claim: bytes, /, *, signer: SigningKey | None = None, **fields: Any
) -> bytes:
    return seal(signer or key, signal_fields(key, claim, **fields))


@dataclass
class FakeDirectory:
    """Membership as the gate sees it: a status per node and the claims by their hash."""

    status_of: dict[str, Literal["member", "removed", "unknown"]] = field(default_factory=dict)
    claims: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    lookups: int = 0

    def add(self, key: SigningKey, claim: bytes | None = None, *, removed: bool = False) -> bytes:
        node = node_id(key)
        claim = claim if claim is not None else claim_bytes(node)
        self.status_of[node] = "removed" if removed else "member"
        self.claims[ref(claim)] = (node, claim)
        return claim

    def status(self, node_id: str) -> Literal["member", "removed", "unknown"]:
        return self.status_of.get(node_id, "unknown")

    def claim_by_ref(self, ref: str) -> tuple[str, bytes] | None:
        self.lookups += 1
        return self.claims.get(ref)
