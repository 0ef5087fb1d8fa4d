"""Admin credentials: random tokens stored only as hashes, compared in constant time.

Two credentials open the API:
* the admin token, printed once by ``honeymesh init`` and stored as its SHA-256 in the config;
* the local operator token, derived from the node's identity key, which the ``honeymesh`` CLI
  computes on the box itself (it can read the 0600 key as root), so the CLI needs no token file.
Tokens carry 256 random bits (or a 256-bit HMAC), so a plain SHA-256 is the right hash: there is
nothing for a slow password hash to protect.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from honeymesh.mesh.identity import NodeIdentity

_LOCAL_PURPOSE = "honeymesh local operator token v1"


def new_admin_token() -> str:
    return "hm_" + secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogateescape")).hexdigest()


def local_operator_token(identity: NodeIdentity) -> str:
    return "hml_" + identity.derive_secret(_LOCAL_PURPOSE).hex()


class TokenChecker:
    """Accepts a presented token if its digest matches one of the accepted digests."""

    def __init__(self, *digests: str) -> None:
        self._digests = tuple(d for d in digests if d)

    def check(self, presented: str | None) -> bool:
        if presented is None:
            return False
        digest = token_digest(presented)
        ok = False
        for accepted in self._digests:
            ok |= hmac.compare_digest(digest, accepted)
        return ok
