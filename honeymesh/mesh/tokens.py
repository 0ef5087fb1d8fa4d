"""Join tokens: one copy-pasteable line that lets a new node join a cluster, once.

An admin member issues a token (``honeymesh mesh token``); the operator pastes it on the new
node, which connects to one of the addresses in it and presents the secret. The token is::

    hmjoin1.<base64url, no padding, of canonical JSON
             {"a": [addresses], "c": cluster, "e": expires, "f": issuer, "s": base64url secret}>

``expires`` is in unix seconds, ``issuer`` the node id of the node that issued it (the joiner
checks the issuer's TLS identity against it), ``secret`` 32 random bytes. The issuer stores
only the secret's SHA-256 (table ``mesh_tokens``): a copy of its database does not let anyone
join. ``token_id`` (the first 16 hex digits of that hash) names the token in lists, logs and the
admit record it ends up in.

``parse_token`` reads what an operator pasted: it returns a ``JoinToken`` or raises
``TokenError`` with a one-line message meant for that operator; it reads at most
``MAX_TOKEN_CHARS`` and accepts only the canonical encoding (``encode_token`` of what it
returns gives back the same line).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import re
import sqlite3
from dataclasses import dataclass, field
from typing import Any, Literal

from honeymesh.mesh.envelope import CLUSTER, MAX_TIME_MS, NODE_ID
from honeymesh.mesh.membership import parse_addresses
from honeymesh.mesh.wire import WireError, decode_json, encode_json

PREFIX = "hmjoin1."
MAX_TOKEN_CHARS = 2048
SECRET_BYTES = 32
MAX_NOTE = 200
MAX_EXPIRES = MAX_TIME_MS // 1000
_FIELDS = frozenset({"a", "c", "e", "f", "s"})
_BASE64URL = re.compile(r"[A-Za-z0-9_-]*")
_VERSIONED = re.compile(r"hmjoin([0-9]{1,4})\.")

TokenState = Literal["active", "expired", "used", "revoked"]


class TokenError(Exception):
    """A join token is unreadable, unknown or no longer usable.

    ``reason`` is a short stable code; ``detail`` (also ``str(error)``) is one line for the
    operator.
    """

    def __init__(self, reason: str, detail: str) -> None:
        self.reason = reason
        self.detail = detail
        super().__init__(detail)


@dataclass(frozen=True)
class JoinToken:
    cluster: str
    addresses: tuple[str, ...]
    issuer: str  # node id hex
    secret: bytes = field(repr=False)
    expires: int  # unix seconds

    @property
    def token_id(self) -> str:
        return token_id(self.secret)


def new_secret() -> bytes:
    return os.urandom(SECRET_BYTES)


def secret_hash(secret: bytes) -> str:
    return hashlib.sha256(secret).hexdigest()


def token_id(secret: bytes) -> str:
    return secret_hash(secret)[:16]


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    """base64url without padding; ``ValueError`` for anything else."""
    if not _BASE64URL.fullmatch(text) or len(text) % 4 == 1:
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _damaged(what: str) -> TokenError:
    return TokenError("damaged-token", f"the join token is damaged: {what}")


def _check(token: JoinToken) -> None:
    if not isinstance(token.cluster, str) or not CLUSTER.fullmatch(token.cluster):
        raise _damaged("the cluster id is not valid")
    try:
        parse_addresses(list(token.addresses), what="the address list", least=1)
    except ValueError as e:
        raise _damaged(str(e)) from None
    if not isinstance(token.issuer, str) or not NODE_ID.fullmatch(token.issuer):
        raise _damaged("the issuer is not a node id")
    if not isinstance(token.secret, bytes) or len(token.secret) != SECRET_BYTES:
        raise _damaged(f"the secret is not {SECRET_BYTES} bytes")
    expires = token.expires
    if isinstance(expires, bool) or not isinstance(expires, int) or not 0 <= expires <= MAX_EXPIRES:
        raise _damaged("the expiry time is not a time")


def encode_token(token: JoinToken) -> str:
    _check(token)
    body: dict[str, Any] = {
        "a": list(token.addresses),
        "c": token.cluster,
        "e": token.expires,
        "f": token.issuer,
        "s": _b64(token.secret),
    }
    return PREFIX + _b64(encode_json(body))


def parse_token(text: str) -> JoinToken:
    """The token in ``text`` (surrounding whitespace ignored), or ``TokenError``."""
    line = _token_line(text)
    obj = _token_object(line[len(PREFIX) :])
    if set(obj) != _FIELDS:
        raise _damaged("its fields are not those of a join token")
    addresses, secret_text = obj["a"], obj["s"]
    if not isinstance(addresses, list) or not isinstance(secret_text, str):
        raise _damaged("its fields are not those of a join token")
    try:
        secret = _unb64(secret_text)
    except (binascii.Error, ValueError):
        raise _damaged("the secret is not base64url") from None
    token = JoinToken(
        cluster=obj["c"],
        addresses=tuple(addresses),
        issuer=obj["f"],
        secret=secret,
        expires=obj["e"],
    )
    _check(token)
    if encode_token(token) != line:
        raise _damaged("it is not in the form HoneyMesh writes")
    return token


def _token_line(text: str) -> str:
    if not isinstance(text, str):
        raise TokenError("not-a-token", "not a HoneyMesh join token")
    if len(text) > 4 * MAX_TOKEN_CHARS:
        raise TokenError("too-long", "this is far longer than any HoneyMesh join token")
    line = text.strip()
    if not line.startswith(PREFIX):
        version = _VERSIONED.match(line)
        if version is not None:
            raise TokenError(
                "bad-version",
                f"this is a version {version.group(1)} join token; this HoneyMesh reads version 1",
            )
        raise TokenError("not-a-token", "not a HoneyMesh join token (it starts with hmjoin1.)")
    if len(line) > MAX_TOKEN_CHARS:
        raise TokenError(
            "too-long",
            f"the token is {len(line)} characters; a join token has {MAX_TOKEN_CHARS} at most",
        )
    return line


def _token_object(encoded: str) -> dict[str, Any]:
    cut_short = TokenError("cut-short", "the token is cut short: copy the whole line")
    try:
        data = _unb64(encoded)
    except (binascii.Error, ValueError):
        if _BASE64URL.fullmatch(encoded):
            raise cut_short from None
        raise _damaged("it contains characters that do not belong in it") from None
    if not data:
        raise cut_short
    try:
        return decode_json(data, what="the join token", budget=MAX_TOKEN_CHARS)
    except WireError:
        if not data.rstrip().endswith(b"}"):
            raise cut_short from None
        raise _damaged("it does not decode") from None


# -- the issuer's table (run in the store's writer thread; mesh_tokens in 004_mesh.sql) ----------


@dataclass(frozen=True)
class TokenRow:
    token_id: str
    created: float
    expires: float
    uses: int
    uses_left: int
    admin: bool  # may the node that joins with it admit others?
    revoked: float | None
    note: str
    state: TokenState


_COLUMNS = "token_id, created, expires, uses, uses_left, admin, revoked, note"


def _state(row: tuple[Any, ...], now: float) -> TokenState:
    _, _, expires, _, uses_left, _, revoked, _ = row
    if revoked is not None:
        return "revoked"
    if expires <= now:
        return "expired"
    if uses_left <= 0:
        return "used"
    return "active"


def _row(row: tuple[Any, ...], now: float) -> TokenRow:
    tid, created, expires, uses, uses_left, admin, revoked, note = row
    return TokenRow(
        token_id=tid,
        created=created,
        expires=expires,
        uses=uses,
        uses_left=uses_left,
        admin=bool(admin),
        revoked=revoked,
        note=note,
        state=_state(row, now),
    )


def _select(conn: sqlite3.Connection, where: str, args: tuple[Any, ...]) -> tuple[Any, ...] | None:
    found: tuple[Any, ...] | None = conn.execute(
        f"SELECT {_COLUMNS} FROM mesh_tokens WHERE {where}",  # noqa: S608 - fixed fragments
        args,
    ).fetchone()
    return found


def insert_token(
    conn: sqlite3.Connection,
    *,
    secret: bytes,
    created: float,
    expires: float,
    uses: int = 1,
    admin: bool = True,
    note: str = "",
) -> TokenRow:
    """Record a newly issued token by the hash of its secret (the secret itself is not kept)."""
    if len(secret) != SECRET_BYTES:
        raise TokenError("bad-token", f"a token secret is {SECRET_BYTES} bytes")
    if expires <= created:
        raise TokenError("bad-token", "a token must expire after it is created")
    if uses < 1:
        raise TokenError("bad-token", "a token allows at least one use")
    if len(note) > MAX_NOTE or not note.isprintable():
        raise TokenError("bad-token", f"a token note is printable text of at most {MAX_NOTE}")
    tid = token_id(secret)
    try:
        conn.execute(
            f"INSERT INTO mesh_tokens ({_COLUMNS}, secret_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",  # noqa: S608
            (tid, created, expires, uses, uses, int(admin), None, note, secret_hash(secret)),
        )
    except sqlite3.IntegrityError:
        raise TokenError("duplicate-token", f"token {tid} was already issued") from None
    row = _select(conn, "token_id = ?", (tid,))
    assert row is not None
    return _row(row, created)


def redeem_token(conn: sqlite3.Connection, secret: bytes, now: float) -> TokenRow:
    """Use the token once: its row after the use, or ``TokenError`` saying why it cannot be."""
    row = _select(conn, "secret_hash = ?", (secret_hash(secret),))
    if row is None:
        raise TokenError("unknown-token", "this token was not issued by this node")
    state = _state(row, now)
    if state == "revoked":
        raise TokenError("revoked-token", "this token has been revoked")
    if state == "expired":
        raise TokenError("expired-token", "this token has expired")
    if state == "used":
        raise TokenError("used-token", "this token has already been used")
    cur = conn.execute(
        "UPDATE mesh_tokens SET uses_left = uses_left - 1 WHERE token_id = ? AND uses_left > 0",
        (row[0],),
    )
    if cur.rowcount != 1:
        raise TokenError("used-token", "this token has already been used")
    after = _select(conn, "token_id = ?", (row[0],))
    assert after is not None
    return _row(after, now)


def list_tokens(conn: sqlite3.Connection, now: float) -> list[TokenRow]:
    rows = conn.execute(f"SELECT {_COLUMNS} FROM mesh_tokens ORDER BY created, token_id")  # noqa: S608
    return [_row(r, now) for r in rows]


def revoke_token(conn: sqlite3.Connection, token_id: str, now: float) -> TokenRow:
    """Revoke a token (revoking it again keeps the first time); ``unknown-token`` if none."""
    conn.execute(
        "UPDATE mesh_tokens SET revoked = ? WHERE token_id = ? AND revoked IS NULL",
        (now, token_id),
    )
    row = _select(conn, "token_id = ?", (token_id,))
    if row is None:
        raise TokenError("unknown-token", f"no token {token_id[:16]!r} was issued by this node")
    return _row(row, now)
