"""The node's stable identity: an Ed25519 signing key, stored as a hex seed readable by root only.

The node id is the hex of the public (verify) key, so any peer can check a signature against the
id it claims without asking anyone.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from pathlib import Path

from nacl.signing import SigningKey, VerifyKey

from honeymesh.filemodes import replace_file


class IdentityError(Exception):
    """The identity key file is missing, unreadable or malformed."""


@dataclass(frozen=True)
class NodeIdentity:
    signing_key: SigningKey

    @classmethod
    def generate(cls) -> NodeIdentity:
        return cls(SigningKey.generate())

    @classmethod
    def load(cls, path: Path) -> NodeIdentity:
        try:
            text = path.read_text("ascii").strip()
            seed = bytes.fromhex(text)
        except FileNotFoundError:
            raise IdentityError(
                f"{path}: no identity key (create one with `honeymesh init`)"
            ) from None
        except (OSError, UnicodeDecodeError, ValueError) as e:
            raise IdentityError(f"{path}: not a HoneyMesh identity key ({e})") from None
        if len(seed) != 32:
            raise IdentityError(f"{path}: expected a 32-byte hex seed, got {len(seed)} bytes")
        return cls(SigningKey(seed))

    def save(self, path: Path) -> None:
        """Write the seed with mode 0600, never readable by others even for an instant."""
        replace_file(path, (bytes(self.signing_key).hex() + "\n").encode())

    @property
    def verify_key(self) -> VerifyKey:
        return self.signing_key.verify_key

    @property
    def node_id(self) -> str:
        return bytes(self.verify_key).hex()

    def derive_secret(self, purpose: str) -> bytes:
        """A 32-byte secret for one purpose, derived from the seed (HMAC-SHA256)."""
        return hmac.new(bytes(self.signing_key), purpose.encode(), hashlib.sha256).digest()
