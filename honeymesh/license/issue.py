"""Making licenses: signing key pairs and signed license files. Vendor side; no daemon involved.

The signing key file (``license-signing.key``, mode 0600) is JSON:
``{"format": "honeymesh-license-signing-key/1", "key_id": ..., "seed": <base64, 32 bytes>}``.
Its public half (``license-signing.pub``) is the public key file format of ``keys.py``; that is
what goes into ``vendor_keys.json`` or into a deployment's ``license.trusted_keys``.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from nacl.signing import SigningKey

from honeymesh.license.jsonbytes import JSONProblem, canonical_json, parse_json
from honeymesh.license.keys import (
    PUBLIC_KEY_FORMAT,
    KeyFileError,
    PublicKey,
    check_key_id,
    fingerprint,
)
from honeymesh.license.verify import FORMAT, LicenseRefused, Tier, parse_payload

SIGNING_KEY_FORMAT = "honeymesh-license-signing-key/1"
SIGNING_KEY_FILE = "license-signing.key"
PUBLIC_KEY_FILE = "license-signing.pub"


class IssueError(Exception):
    """A key pair or license cannot be made as asked."""


@dataclass(frozen=True)
class LicenseSigningKey:
    key_id: str
    seed: bytes

    @classmethod
    def generate(cls, key_id: str | None = None) -> LicenseSigningKey:
        seed = bytes(SigningKey.generate())
        if key_id is None:
            key_id = "key-" + fingerprint(bytes(SigningKey(seed).verify_key))[7:]
        check_key_id(key_id, "key id")
        return cls(key_id, seed)

    @property
    def public(self) -> PublicKey:
        return PublicKey(self.key_id, bytes(SigningKey(self.seed).verify_key), "signing key")

    def sign(self, payload: bytes) -> bytes:
        return SigningKey(self.seed).sign(payload).signature


def encode_signing_key(key: LicenseSigningKey) -> bytes:
    doc = {
        "format": SIGNING_KEY_FORMAT,
        "key_id": key.key_id,
        "seed": base64.b64encode(key.seed).decode("ascii"),
    }
    return json.dumps(doc, indent=2).encode("utf-8") + b"\n"


def encode_public_key(key: PublicKey) -> bytes:
    doc = {
        "format": PUBLIC_KEY_FORMAT,
        "key_id": key.key_id,
        "public_key": base64.b64encode(key.key).decode("ascii"),
    }
    return json.dumps(doc, indent=2).encode("utf-8") + b"\n"


def parse_signing_key(data: bytes, source: str) -> LicenseSigningKey:
    try:
        obj = parse_json(data, budget=4096, what=source)
    except JSONProblem as e:
        raise IssueError(e.detail) from None
    if not isinstance(obj, dict) or obj.get("format") != SIGNING_KEY_FORMAT:
        raise IssueError(f"{source}: not a license signing key (format {SIGNING_KEY_FORMAT})")
    if set(obj) != {"format", "key_id", "seed"}:
        raise IssueError(f"{source}: expected exactly the fields format, key_id and seed")
    try:
        key_id = check_key_id(obj["key_id"], source)
    except KeyFileError as e:
        raise IssueError(str(e)) from None
    try:
        seed = base64.b64decode(str(obj["seed"]), validate=True)
    except (binascii.Error, ValueError):
        raise IssueError(f"{source}: seed is not valid base64") from None
    if len(seed) != 32:
        raise IssueError(f"{source}: seed must be 32 bytes, got {len(seed)}")
    return LicenseSigningKey(key_id, seed)


def write_key_pair(directory: Path, key: LicenseSigningKey) -> tuple[Path, Path]:
    """Write ``license-signing.key`` (0600, never readable by others) and ``.pub``; never
    overwrite an existing key."""
    directory.mkdir(parents=True, exist_ok=True)
    key_path = directory / SIGNING_KEY_FILE
    pub_path = directory / PUBLIC_KEY_FILE
    for p in (key_path, pub_path):
        if p.exists():
            raise IssueError(f"{p} already exists; refusing to overwrite a key")
    fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(encode_signing_key(key))
        f.flush()
        os.fsync(f.fileno())
    pub_path.write_bytes(encode_public_key(key.public))
    return key_path, pub_path


def issue_license(
    key: LicenseSigningKey,
    *,
    licensee: str,
    tier: Tier,
    issued_at: int,
    not_before: int,
    expires_at: int,
    cluster_id: str | None = None,
    features: Sequence[str] = (),
    license_id: str | None = None,
) -> bytes:
    """A signed license file. The terms are checked exactly as a verifier will check them."""
    terms = {
        "license_id": license_id or f"HM-{uuid.uuid4().hex[:16].upper()}",
        "licensee": licensee,
        "tier": str(tier),
        "cluster_id": cluster_id,
        "issued_at": issued_at,
        "not_before": not_before,
        "expires_at": expires_at,
        "features": list(features),
    }
    payload = canonical_json(terms)
    try:
        parse_payload(payload)
    except LicenseRefused as e:
        raise IssueError(e.detail) from None
    envelope = {
        "format": FORMAT,
        "key_id": key.key_id,
        "public_key": base64.b64encode(key.public.key).decode("ascii"),
        "payload": base64.b64encode(payload).decode("ascii"),
        "signature": base64.b64encode(key.sign(payload)).decode("ascii"),
    }
    return json.dumps(envelope, indent=2).encode("utf-8") + b"\n"
