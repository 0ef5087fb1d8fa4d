"""License documents and their offline verification.

A license file is one JSON object, the *envelope*::

    {"format": "honeymesh-license/1",
     "key_id": "honeymesh-vendor-1",          # which trusted key signed it
     "public_key": "<base64, 32 bytes>",      # that key, a hint for diagnostics only
     "payload": "<base64 of canonical JSON>", # the license terms, exactly as signed
     "signature": "<base64, 64 bytes>"}       # Ed25519 over the decoded payload bytes

The signature covers the payload bytes as stored: verification checks those bytes first and
decodes them only afterwards; nothing is re-serialized before checking. A license is accepted only
when the signature verifies under the *trusted* key named by ``key_id``.

Every refusal is a ``LicenseRefused`` with a ``Refusal`` code and one readable sentence. Parsing is
sans-IO: bytes in, a ``License`` or that one error out.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime
import enum
import re
from dataclasses import dataclass
from typing import Any

from nacl.exceptions import CryptoError
from nacl.signing import VerifyKey

from honeymesh.license.jsonbytes import JSONProblem, parse_json
from honeymesh.license.keys import KEY_ID, TrustedKeys, fingerprint

FORMAT = "honeymesh-license/1"
FORMAT_FAMILY = "honeymesh-license/"
MAX_LICENSE_BYTES = 64 * 1024
MAX_TIME = 253402300799  # 9999-12-31T23:59:59Z: every time field stays printable
MAX_FEATURES = 64
FEATURE = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
CLUSTER_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
ENVELOPE_FIELDS = frozenset({"format", "key_id", "public_key", "payload", "signature"})
PAYLOAD_FIELDS = frozenset(
    {
        "license_id",
        "licensee",
        "tier",
        "cluster_id",
        "issued_at",
        "not_before",
        "expires_at",
        "features",
    }
)


class Tier(enum.StrEnum):
    COMMUNITY = "community"
    PRO = "pro"


class Refusal(enum.StrEnum):
    """Why a license does not grant what it says. Values are stable: status and events show them."""

    NO_LICENSE = "no_license"  # no file at license.path
    UNREADABLE = "unreadable"  # the file exists but cannot be read
    TOO_LARGE = "too_large"
    TRUNCATED = "truncated"  # empty, or JSON cut short
    NOT_JSON = "not_json"
    BAD_ENVELOPE = "bad_envelope"  # JSON, but not a well-formed license envelope
    BAD_FORMAT_VERSION = "bad_format_version"  # a license format this version does not know
    TAMPERED = "tampered"  # the payload or signature was changed after signing
    UNKNOWN_KEY_ID = "unknown_key_id"  # signed by a key id this node does not trust
    WRONG_KEY = "wrong_key"  # names a trusted key id but was signed by another key
    BAD_PAYLOAD = "bad_payload"  # properly signed, but the terms are malformed
    NOT_YET_VALID = "not_yet_valid"
    EXPIRED = "expired"
    CLUSTER_MISMATCH = "cluster_mismatch"
    NOT_PRO = "not_pro"  # a valid license, but for the community tier (capability claims)


class LicenseRefused(Exception):
    """The license cannot be used: ``reason`` is the code, ``detail`` the sentence for people."""

    def __init__(self, reason: Refusal, detail: str) -> None:
        self.reason = reason
        self.detail = detail
        super().__init__(f"{reason}: {detail}")


@dataclass(frozen=True)
class Envelope:
    key_id: str
    public_key: bytes
    payload: bytes
    signature: bytes


@dataclass(frozen=True)
class Terms:
    """What a license payload says."""

    license_id: str
    licensee: str
    tier: Tier
    cluster_id: str | None
    issued_at: int
    not_before: int
    expires_at: int
    features: tuple[str, ...]


@dataclass(frozen=True)
class License(Terms):
    """The terms of a license whose signature has been verified under a trusted key."""

    key_id: str
    document: bytes  # the license file exactly as verified (a capability claim carries it)

    def describe(self) -> str:
        cluster = f", bound to cluster {self.cluster_id}" if self.cluster_id else ""
        features = ", ".join(self.features) or "none"
        return (
            f"{self.tier.capitalize()} license {self.license_id} for {self.licensee}, "
            f"valid {format_time(self.not_before)} until {format_time(self.expires_at)}"
            f"{cluster}; features: {features}; signed by key {self.key_id}"
        )


def format_time(t: float) -> str:
    """Seconds since the epoch as ``YYYY-MM-DDTHH:MM:SSZ`` (UTC)."""
    t = min(max(t, 0), MAX_TIME)
    return datetime.datetime.fromtimestamp(int(t), datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# Reading ---------------------------------------------------------------------------------------


def read_envelope(data: bytes) -> Envelope:
    """The envelope of a license file, not yet verified."""
    try:
        obj = parse_json(data, budget=MAX_LICENSE_BYTES, what="the license file")
    except JSONProblem as e:
        code = {"too_large": Refusal.TOO_LARGE, "truncated": Refusal.TRUNCATED}
        raise LicenseRefused(code.get(e.kind, Refusal.NOT_JSON), e.detail) from None
    if not isinstance(obj, dict):
        raise LicenseRefused(Refusal.BAD_ENVELOPE, "the license file is JSON but not an object")
    fmt = obj.get("format")
    if not isinstance(fmt, str):
        raise LicenseRefused(Refusal.BAD_ENVELOPE, "not a HoneyMesh license (no format field)")
    if fmt != FORMAT:
        family = fmt.startswith(FORMAT_FAMILY)
        newer = " (a newer version of HoneyMesh may read it)" if family else ""
        raise LicenseRefused(
            Refusal.BAD_FORMAT_VERSION,
            f"license format {fmt[:80]!r} is not {FORMAT!r}, the one this version reads{newer}",
        )
    missing = ENVELOPE_FIELDS - set(obj)
    unknown = set(obj) - ENVELOPE_FIELDS
    if missing or unknown:
        parts = [f"missing {', '.join(sorted(missing))}"] if missing else []
        parts += [f"unknown {', '.join(sorted(unknown))[:200]}"] if unknown else []
        raise LicenseRefused(Refusal.BAD_ENVELOPE, f"license envelope fields: {'; '.join(parts)}")
    key_id = obj["key_id"]
    if not isinstance(key_id, str) or not KEY_ID.fullmatch(key_id):
        raise LicenseRefused(Refusal.BAD_ENVELOPE, f"key_id {str(key_id)[:80]!r} is not a key id")
    return Envelope(
        key_id=key_id,
        public_key=_b64(obj["public_key"], "public_key", size=32),
        payload=_b64(obj["payload"], "payload", size=None),
        signature=_b64(obj["signature"], "signature", size=64),
    )


def _b64(value: Any, name: str, size: int | None) -> bytes:
    if not isinstance(value, str):
        raise LicenseRefused(Refusal.BAD_ENVELOPE, f"{name} must be a base64 string")
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise LicenseRefused(Refusal.BAD_ENVELOPE, f"{name} is not valid base64") from None
    if size is not None and len(raw) != size:
        raise LicenseRefused(Refusal.BAD_ENVELOPE, f"{name} must be {size} bytes, got {len(raw)}")
    return raw


def verify_license(data: bytes, keys: TrustedKeys) -> License:
    """Check the signature of a license file under ``keys``, then decode its terms.

    Time and cluster are not judged here (see ``check_in_force``): a license that verifies once
    stays verified, while whether it is in force changes with the clock.
    """
    env = read_envelope(data)
    if not _signature_holds(env.public_key, env.payload, env.signature):
        raise LicenseRefused(
            Refusal.TAMPERED,
            f"the signature does not match the payload under the key the license names "
            f"({env.key_id}, {fingerprint(env.public_key)}): the license was altered after "
            f"it was signed",
        )
    trusted = keys.get(env.key_id)
    if trusted is None:
        raise LicenseRefused(
            Refusal.UNKNOWN_KEY_ID,
            f"signed by key {env.key_id} ({fingerprint(env.public_key)}), which this node does "
            f"not trust (trusted: {keys.describe()}); add its public key to "
            f"license.trusted_keys if you trust it",
        )
    if trusted.key != env.public_key:
        raise LicenseRefused(
            Refusal.WRONG_KEY,
            f"names trusted key {env.key_id} ({trusted.fingerprint}) but was signed by a "
            f"different key ({fingerprint(env.public_key)})",
        )
    return _license_from(env, data)


def _signature_holds(public_key: bytes, payload: bytes, signature: bytes) -> bool:
    try:
        VerifyKey(public_key).verify(payload, signature)
    except (CryptoError, ValueError, TypeError):
        return False
    return True


def _license_from(env: Envelope, document: bytes) -> License:
    terms = parse_payload(env.payload)
    return License(**dataclasses.asdict(terms), key_id=env.key_id, document=document)


def parse_payload(payload: bytes) -> Terms:
    """The license terms, checked field by field; raises ``LicenseRefused(BAD_PAYLOAD)``."""
    try:
        obj = parse_json(payload, budget=MAX_LICENSE_BYTES, what="the license payload")
    except JSONProblem as e:
        raise LicenseRefused(Refusal.BAD_PAYLOAD, e.detail) from None
    if not isinstance(obj, dict):
        raise LicenseRefused(Refusal.BAD_PAYLOAD, "the license payload is not a JSON object")
    missing = PAYLOAD_FIELDS - set(obj)
    unknown = set(obj) - PAYLOAD_FIELDS
    if missing or unknown:
        parts = [f"missing {', '.join(sorted(missing))}"] if missing else []
        parts += [f"unknown {', '.join(sorted(unknown))[:200]}"] if unknown else []
        raise LicenseRefused(Refusal.BAD_PAYLOAD, f"license terms: {'; '.join(parts)}")
    terms = Terms(
        license_id=_text(obj, "license_id", 128),
        licensee=_text(obj, "licensee", 256),
        tier=_tier(obj["tier"]),
        cluster_id=_cluster(obj["cluster_id"]),
        issued_at=_time(obj, "issued_at"),
        not_before=_time(obj, "not_before"),
        expires_at=_time(obj, "expires_at"),
        features=_features(obj["features"]),
    )
    if terms.expires_at <= terms.not_before:
        raise LicenseRefused(Refusal.BAD_PAYLOAD, "expires_at is not after not_before")
    return terms


def _text(obj: dict[str, Any], name: str, limit: int) -> str:
    value = obj[name]
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        raise LicenseRefused(Refusal.BAD_PAYLOAD, f"{name} must be text of 1 to {limit} chars")
    if any(ord(c) < 32 or ord(c) == 127 for c in value):
        raise LicenseRefused(Refusal.BAD_PAYLOAD, f"{name} contains control characters")
    return value


def _tier(value: Any) -> Tier:
    try:
        return Tier(value)
    except ValueError:
        raise LicenseRefused(
            Refusal.BAD_PAYLOAD, f"tier must be 'community' or 'pro', got {str(value)[:40]!r}"
        ) from None


def _cluster(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not CLUSTER_ID.fullmatch(value):
        raise LicenseRefused(
            Refusal.BAD_PAYLOAD, "cluster_id must be null or 1 to 64 of A-Z a-z 0-9 . _ -"
        )
    return value


def _time(obj: dict[str, Any], name: str) -> int:
    value = obj[name]
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_TIME:
        raise LicenseRefused(
            Refusal.BAD_PAYLOAD, f"{name} must be whole seconds since 1970 (UTC), up to year 9999"
        )
    return value


def _features(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or len(value) > MAX_FEATURES:
        raise LicenseRefused(
            Refusal.BAD_PAYLOAD, f"features must be a list of at most {MAX_FEATURES} names"
        )
    for f in value:
        if not isinstance(f, str) or not FEATURE.fullmatch(f):
            raise LicenseRefused(
                Refusal.BAD_PAYLOAD, f"feature {str(f)[:70]!r} is not a name (a-z 0-9 . _ -)"
            )
    if len(set(value)) != len(value):
        raise LicenseRefused(Refusal.BAD_PAYLOAD, "features repeat a name")
    return tuple(value)


# In force --------------------------------------------------------------------------------------


def check_in_force(lic: License, *, now: float, cluster_id: str | None) -> None:
    """Raise ``LicenseRefused`` unless ``lic`` is valid at ``now`` for a node in ``cluster_id``.

    Valid means ``not_before <= now < expires_at``. A license bound to a cluster is in force only
    on a node configured with that same cluster id.
    """
    if now < lic.not_before:
        raise LicenseRefused(
            Refusal.NOT_YET_VALID,
            f"license {lic.license_id} is not valid before {format_time(lic.not_before)} "
            f"(now {format_time(now)})",
        )
    if now >= lic.expires_at:
        raise LicenseRefused(
            Refusal.EXPIRED,
            f"license {lic.license_id} expired at {format_time(lic.expires_at)} "
            f"(now {format_time(now)})",
        )
    if lic.cluster_id is not None and lic.cluster_id != cluster_id:
        have = (
            f"this node's cluster id is {cluster_id!r}"
            if cluster_id
            else ("this node has no cluster id (set [sharing] cluster_id)")
        )
        raise LicenseRefused(
            Refusal.CLUSTER_MISMATCH,
            f"license {lic.license_id} is bound to cluster {lic.cluster_id!r}; {have}",
        )
