"""Join tokens: the line an operator pastes, and the issuer's record of what it issued."""

from __future__ import annotations

import base64
import contextlib
import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from honeymesh.mesh.tokens import (
    MAX_TOKEN_CHARS,
    JoinToken,
    TokenError,
    encode_token,
    insert_token,
    list_tokens,
    new_secret,
    parse_token,
    redeem_token,
    revoke_token,
    secret_hash,
    token_id,
)
from honeymesh.store.db import bundled_migrations, open_database

ISSUER = "ab" * 32
SECRET = bytes(range(32))
TOKEN = JoinToken(
    cluster="acme-prod",
    addresses=("10.0.0.1:7443", "[2001:db8::1]:7443"),
    issuer=ISSUER,
    secret=SECRET,
    expires=1_800_003_600,
)
NOW = 1_800_000_000.0


def _body(text: str) -> dict[str, object]:
    encoded = text.removeprefix("hmjoin1.")
    obj: dict[str, object] = json.loads(
        base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
    )
    return obj


def _line(obj: dict[str, object]) -> str:
    data = json.dumps(obj, sort_keys=True, separators=(",", ":")).encode()
    return "hmjoin1." + base64.urlsafe_b64encode(data).rstrip(b"=").decode()


# -- the line --------------------------------------------------------------------------------------


def test_a_token_round_trips_as_one_line() -> None:
    text = encode_token(TOKEN)
    assert text.startswith("hmjoin1.") and text.isascii() and text.isprintable()
    assert " " not in text and "=" not in text and len(text) < 400
    assert parse_token(text) == TOKEN
    assert parse_token(f"  \n{text}\r\n ") == TOKEN
    assert SECRET.hex() not in repr(TOKEN)


def test_the_encoding_is_the_documented_one() -> None:
    assert _body(encode_token(TOKEN)) == {
        "a": ["10.0.0.1:7443", "[2001:db8::1]:7443"],
        "c": "acme-prod",
        "e": 1_800_003_600,
        "f": ISSUER,
        "s": base64.urlsafe_b64encode(SECRET).rstrip(b"=").decode(),
    }
    assert TOKEN.token_id == token_id(SECRET) == secret_hash(SECRET)[:16]


@pytest.mark.parametrize(
    ("text", "reason", "message"),
    [
        ("", "not-a-token", "not a HoneyMesh join token"),
        ("hello", "not-a-token", "not a HoneyMesh join token"),
        ("hmjoin2.abcd", "bad-version", "version 2 join token"),
        ("hmjoin1.", "cut-short", "the token is cut short"),
        ("hmjoin1.eyJh", "cut-short", "the token is cut short"),
        ("hmjoin1.ab$d", "damaged-token", "characters that do not belong"),
        ("hmjoin1." + "A" * 3000, "too-long", "2048 at most"),
        ("x" * 100_000, "too-long", "far longer"),
    ],
)
def test_unreadable_tokens_say_why_in_one_line(text: str, reason: str, message: str) -> None:
    with pytest.raises(TokenError) as e:
        parse_token(text)
    assert e.value.reason == reason
    assert message in str(e.value) and "\n" not in str(e.value)


def test_every_truncation_is_refused_clearly() -> None:
    text = encode_token(TOKEN)
    for end in range(len(text)):
        with pytest.raises(TokenError) as e:
            parse_token(text[:end])
        assert e.value.reason in {"not-a-token", "cut-short", "damaged-token"}
    cut = {_reason(text[:end]) for end in range(len("hmjoin1.") + 1, len(text))}
    assert cut <= {"cut-short", "damaged-token"} and "cut-short" in cut


def _reason(text: str) -> str:
    try:
        parse_token(text)
    except TokenError as e:
        return e.reason
    return "parsed"


@pytest.mark.parametrize(
    "change",
    [
        {"c": "bad cluster"},
        {"a": []},
        {"a": ["no-port"]},
        {"f": "short"},
        {"s": "AAAA"},
        {"e": -1},
        {"e": True},
        {"x": 1},
    ],
)
def test_a_wellformed_line_with_bad_fields_is_damaged(change: dict[str, object]) -> None:
    obj = _body(encode_token(TOKEN))
    obj.update(change)
    with pytest.raises(TokenError) as e:
        parse_token(_line(obj))
    assert e.value.reason == "damaged-token"


def test_encode_refuses_a_token_it_could_not_read_back() -> None:
    with pytest.raises(TokenError):
        encode_token(JoinToken("acme", (), ISSUER, SECRET, 1))


@given(st.text(max_size=3000))
def test_random_text_only_ever_raises_token_error(text: str) -> None:
    with contextlib.suppress(TokenError):
        parse_token(text)


@given(st.text(alphabet="hmjoin1.ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"))
def test_token_shaped_text_only_ever_raises_token_error(tail: str) -> None:
    with contextlib.suppress(TokenError):
        parse_token("hmjoin1." + tail)


_mutation = st.tuples(st.integers(0, 10_000), st.sampled_from(["delete", "insert", "replace"]),
                      st.characters())  # fmt: skip


@given(st.lists(_mutation, min_size=1, max_size=4))
def test_mutated_tokens_only_ever_raise_token_error(mutations: list[tuple[int, str, str]]) -> None:
    text = encode_token(TOKEN)
    for where, how, char in mutations:
        i = where % (len(text) + 1)
        if how == "delete":
            text = text[:i] + text[i + 1 :]
        elif how == "insert":
            text = text[:i] + char + text[i:]
        else:
            text = text[:i] + char + text[i + 1 :]
    try:
        parsed = parse_token(text)
    except TokenError:
        return
    assert encode_token(parsed) == text.strip(), "only the canonical line is ever accepted"


def test_the_budget_is_enough_for_eight_long_addresses() -> None:
    addresses = tuple(f"{'h' * 70}{i}.example:65535"[-80:] for i in range(8))
    token = JoinToken("c" * 64, addresses, ISSUER, SECRET, 2**40)
    text = encode_token(token)
    assert len(text) <= MAX_TOKEN_CHARS
    assert parse_token(text) == token


# -- the issuer's table ---------------------------------------------------------------------------


@pytest.fixture
def conn(tmp_path: Path) -> sqlite3.Connection:
    db, _ = open_database(tmp_path / "mesh.db", bundled_migrations())
    return db


def test_a_token_is_single_use_by_default(conn: sqlite3.Connection) -> None:
    row = insert_token(conn, secret=SECRET, created=NOW, expires=NOW + 3600)
    assert (row.token_id, row.uses, row.uses_left, row.admin, row.state) == (
        token_id(SECRET), 1, 1, True, "active",
    )  # fmt: skip
    used = redeem_token(conn, SECRET, NOW + 1)
    assert used.uses_left == 0 and used.state == "used"
    with pytest.raises(TokenError) as e:
        redeem_token(conn, SECRET, NOW + 2)
    assert (e.value.reason, e.value.detail) == ("used-token", "this token has already been used")


def test_a_token_with_several_uses(conn: sqlite3.Connection) -> None:
    insert_token(
        conn, secret=SECRET, created=NOW, expires=NOW + 60, uses=3, admin=False, note="lab"
    )
    assert [redeem_token(conn, SECRET, NOW).uses_left for _ in range(3)] == [2, 1, 0]
    with pytest.raises(TokenError, match="already been used"):
        redeem_token(conn, SECRET, NOW)
    [row] = list_tokens(conn, NOW)
    assert (row.admin, row.note, row.state) == (False, "lab", "used")


def test_an_expired_token(conn: sqlite3.Connection) -> None:
    insert_token(conn, secret=SECRET, created=NOW, expires=NOW + 60)
    with pytest.raises(TokenError) as e:
        redeem_token(conn, SECRET, NOW + 60)
    assert e.value.reason == "expired-token"
    assert list_tokens(conn, NOW + 60)[0].state == "expired"
    assert list_tokens(conn, NOW)[0].uses_left == 1, "a refused redeem uses nothing"


def test_a_revoked_token(conn: sqlite3.Connection) -> None:
    row = insert_token(conn, secret=SECRET, created=NOW, expires=NOW + 60)
    revoked = revoke_token(conn, row.token_id, NOW + 5)
    assert (revoked.state, revoked.revoked) == ("revoked", NOW + 5)
    assert revoke_token(conn, row.token_id, NOW + 9).revoked == NOW + 5
    with pytest.raises(TokenError) as e:
        redeem_token(conn, SECRET, NOW + 10)
    assert e.value.reason == "revoked-token"
    with pytest.raises(TokenError) as e:
        revoke_token(conn, "0" * 16, NOW)
    assert e.value.reason == "unknown-token"


def test_an_unknown_token(conn: sqlite3.Connection) -> None:
    insert_token(conn, secret=SECRET, created=NOW, expires=NOW + 60)
    with pytest.raises(TokenError) as e:
        redeem_token(conn, new_secret(), NOW)
    assert (e.value.reason, e.value.detail) == (
        "unknown-token", "this token was not issued by this node",
    )  # fmt: skip


def test_list_shows_every_state(conn: sqlite3.Connection) -> None:
    secrets = [new_secret() for _ in range(4)]
    for i, s in enumerate(secrets):
        insert_token(conn, secret=s, created=NOW + i, expires=NOW + 100 if i != 1 else NOW + 2)
    redeem_token(conn, secrets[2], NOW + 3)
    revoke_token(conn, token_id(secrets[3]), NOW + 3)
    rows = list_tokens(conn, NOW + 10)
    assert [r.token_id for r in rows] == [token_id(s) for s in secrets]
    assert [r.state for r in rows] == ["active", "expired", "used", "revoked"]


def test_bad_issues_are_refused(conn: sqlite3.Connection) -> None:
    for kwargs in ({"secret": b"short"}, {"expires": NOW}, {"uses": 0}, {"note": "a\nb"}):
        args = {"secret": SECRET, "created": NOW, "expires": NOW + 1} | kwargs
        with pytest.raises(TokenError):
            insert_token(conn, **args)  # type: ignore[arg-type]
    insert_token(conn, secret=SECRET, created=NOW, expires=NOW + 1)
    with pytest.raises(TokenError) as e:
        insert_token(conn, secret=SECRET, created=NOW, expires=NOW + 1)
    assert e.value.reason == "duplicate-token"


def test_the_secret_is_never_written_to_disk(tmp_path: Path) -> None:
    db, _ = open_database(tmp_path / "mesh.db", bundled_migrations())
    secret = new_secret()
    token = JoinToken("acme-prod", ("10.0.0.1:7443",), ISSUER, secret, 1_900_000_000)
    insert_token(db, secret=secret, created=NOW, expires=NOW + 3600, uses=2, note="for b")
    redeem_token(db, secret, NOW + 1)
    revoke_token(db, token_id(secret), NOW + 2)
    stored = b"".join(p.read_bytes() for p in sorted(tmp_path.iterdir()) if p.is_file())
    db.close()
    stored += b"".join(p.read_bytes() for p in sorted(tmp_path.iterdir()) if p.is_file())
    assert secret_hash(secret).encode() in stored, "the hash is what is kept"
    for form in (
        secret,
        secret.hex().encode(),
        secret.hex().upper().encode(),
        base64.b64encode(secret).rstrip(b"="),
        base64.urlsafe_b64encode(secret).rstrip(b"="),
        encode_token(token).encode(),
    ):
        assert form not in stored
