"""License signing keys: who may sign a license, by key id, and how their public keys are written.

A key has an id (``[A-Za-z0-9._-]{1,64}``, chosen when it is generated) so that the vendor can
rotate: a new key is added to ``vendor_keys.json`` in a release, licenses name the key that signed
them, and an old key is removed once every license it signed has expired.

The trusted set of a node is the vendor keys shipped in this package plus the keys listed in
``license.trusted_keys``. Each entry there is either a path to a public key file (as written by
``honeymesh license keygen``) or an inline key ``ed25519:KEY_ID:BASE64``. One id always means one
key: a second, different key under an id already trusted is a configuration error.

File formats (JSON):

* public key file: ``{"format": "honeymesh-license-key/1", "key_id": ..., "public_key": b64}``
* key set (``vendor_keys.json``): ``{"format": "honeymesh-license-keys/1", "keys": [{"key_id":
  ..., "public_key": b64, "note": optional text}, ...]}``
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import importlib.resources
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from honeymesh.config import Config, ConfigError
from honeymesh.license.jsonbytes import JSONProblem, parse_json

PUBLIC_KEY_FORMAT = "honeymesh-license-key/1"
KEY_SET_FORMAT = "honeymesh-license-keys/1"
INLINE_PREFIX = "ed25519:"
MAX_KEY_FILE_BYTES = 64 * 1024
KEY_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


class KeyFileError(Exception):
    """A public key file, key set or inline key is malformed, or two keys claim one id."""


@dataclass(frozen=True)
class PublicKey:
    """An Ed25519 public key that may sign licenses, with its id and where it came from."""

    key_id: str
    key: bytes
    source: str

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.key)


def fingerprint(key: bytes) -> str:
    """A short, stable name for raw key bytes, for messages: ``sha256:`` and 16 hex digits."""
    return "sha256:" + hashlib.sha256(key).hexdigest()[:16]


class TrustedKeys(Mapping[str, PublicKey]):
    """The keys a node accepts license signatures from, by key id."""

    def __init__(self, keys: Iterable[PublicKey] = ()) -> None:
        by_id: dict[str, PublicKey] = {}
        for k in keys:
            known = by_id.get(k.key_id)
            if known is not None and known.key != k.key:
                raise KeyFileError(
                    f"key id {k.key_id!r} from {k.source} is already trusted from {known.source} "
                    f"with a different key ({known.fingerprint}, not {k.fingerprint})"
                )
            by_id.setdefault(k.key_id, k)
        self._by_id = by_id

    def __getitem__(self, key_id: str) -> PublicKey:
        return self._by_id[key_id]

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._by_id))

    def __len__(self) -> int:
        return len(self._by_id)

    def __or__(self, other: Iterable[PublicKey] | TrustedKeys) -> TrustedKeys:
        extra = other.values() if isinstance(other, TrustedKeys) else other
        return TrustedKeys([*self._by_id.values(), *extra])

    def describe(self) -> str:
        return ", ".join(self) if self._by_id else "none"


# Parsing ---------------------------------------------------------------------------------------


def decode_public_key(text: object, where: str) -> bytes:
    if not isinstance(text, str):
        raise KeyFileError(f"{where}: public_key must be a base64 string")
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise KeyFileError(f"{where}: public_key is not valid base64") from None
    if len(raw) != 32:
        raise KeyFileError(f"{where}: public_key must be 32 bytes, got {len(raw)}")
    return raw


def check_key_id(value: object, where: str) -> str:
    if not isinstance(value, str) or not KEY_ID.fullmatch(value):
        raise KeyFileError(f"{where}: key_id must be 1 to 64 of A-Z a-z 0-9 . _ -, got {value!r}")
    return value


def _key_entry(obj: Any, where: str, allowed: frozenset[str]) -> PublicKey:
    if not isinstance(obj, dict):
        raise KeyFileError(f"{where}: expected a JSON object")
    unknown = set(obj) - allowed
    if unknown:
        raise KeyFileError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    key_id = check_key_id(obj.get("key_id"), where)
    key = decode_public_key(obj.get("public_key"), where)
    if "note" in obj and not isinstance(obj["note"], str):
        raise KeyFileError(f"{where}: note must be text")
    return PublicKey(key_id, key, where)


def _load(data: bytes, source: str) -> Any:
    try:
        return parse_json(data, budget=MAX_KEY_FILE_BYTES, what=source)
    except JSONProblem as e:
        raise KeyFileError(e.detail) from None


def parse_public_key_file(data: bytes, source: str) -> PublicKey:
    """A public key file as written by ``honeymesh license keygen``."""
    obj = _load(data, source)
    if not isinstance(obj, dict) or obj.get("format") != PUBLIC_KEY_FORMAT:
        raise KeyFileError(f"{source}: not a license public key file (format {PUBLIC_KEY_FORMAT})")
    return _key_entry(obj, source, frozenset({"format", "key_id", "public_key", "note"}))


def parse_key_set(data: bytes, source: str) -> TrustedKeys:
    """A list of keys, the format of the vendor keys shipped in this package."""
    obj = _load(data, source)
    if not isinstance(obj, dict) or obj.get("format") != KEY_SET_FORMAT:
        raise KeyFileError(f"{source}: not a license key set (format {KEY_SET_FORMAT})")
    if set(obj) != {"format", "keys"} or not isinstance(obj["keys"], list):
        raise KeyFileError(f"{source}: expected exactly the fields format and keys (a list)")
    allowed = frozenset({"key_id", "public_key", "note"})
    return TrustedKeys(
        _key_entry(entry, f"{source} keys[{i}]", allowed) for i, entry in enumerate(obj["keys"])
    )


def parse_inline_key(text: str, source: str) -> PublicKey:
    """``ed25519:KEY_ID:BASE64``, the form a key takes written straight into the config."""
    if not text.startswith(INLINE_PREFIX):
        raise KeyFileError(f"{source}: an inline key starts with {INLINE_PREFIX!r}")
    key_id, sep, b64 = text[len(INLINE_PREFIX) :].partition(":")
    if not sep:
        raise KeyFileError(f"{source}: expected ed25519:KEY_ID:BASE64")
    return PublicKey(check_key_id(key_id, source), decode_public_key(b64, source), source)


def format_inline_key(key: PublicKey) -> str:
    return f"{INLINE_PREFIX}{key.key_id}:{base64.b64encode(key.key).decode('ascii')}"


# Where trusted keys come from ------------------------------------------------------------------


def vendor_keys() -> TrustedKeys:
    """The vendor's license signing keys, shipped with this package."""
    data = importlib.resources.files("honeymesh.license").joinpath("vendor_keys.json").read_bytes()
    return parse_key_set(data, "vendor_keys.json")


def load_key_entry(entry: str, base: Path) -> PublicKey:
    """One ``license.trusted_keys`` entry: an inline key, or a public key file (relative: base)."""
    if entry.startswith(INLINE_PREFIX):
        return parse_inline_key(entry, "inline key")
    path = Path(entry)
    path = path if path.is_absolute() else base / path
    try:
        with path.open("rb") as f:
            data = f.read(MAX_KEY_FILE_BYTES + 1)
    except OSError as e:
        raise KeyFileError(f"{path}: cannot read ({e.strerror})") from None
    return parse_public_key_file(data, str(path))


def trusted_keys_for(config: Config) -> TrustedKeys:
    """Vendor keys plus ``license.trusted_keys``; any problem is a ConfigError naming the entry."""
    keys = vendor_keys()
    for i, entry in enumerate(config.license.trusted_keys):
        try:
            keys = keys | [load_key_entry(entry, config.node.data_dir)]
        except KeyFileError as e:
            raise ConfigError(config.source, f"license.trusted_keys[{i}]", str(e)) from None
    return keys
