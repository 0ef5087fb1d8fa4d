"""Trust state in SQLite (tables from store/schema/003_trust.sql): load it, write what changed.

Plain functions over a ``sqlite3.Connection``; the engine runs them in the store's writer thread
through ``Store.run``, so each call is one committed transaction.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from honeymesh.trust.model import (
    AuditEntry,
    Changes,
    Claim,
    ClaimStatus,
    InvalidSignal,
    Level,
    PeerState,
    RemoteSignal,
)

_UPSERT_PEER = """
INSERT INTO trust_peers (peer_id, score, score_time, level, authoritative, joined, last_change,
                         last_change_why, solo_tokens, tokens_time, quarantined_until)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (peer_id) DO UPDATE SET
    score = excluded.score, score_time = excluded.score_time, level = excluded.level,
    authoritative = excluded.authoritative, last_change = excluded.last_change,
    last_change_why = excluded.last_change_why, solo_tokens = excluded.solo_tokens,
    tokens_time = excluded.tokens_time, quarantined_until = excluded.quarantined_until
"""

_UPSERT_CLAIM = """
INSERT INTO trust_claims (peer_id, action, target, signal_id, signal_target, classification,
                          reasons, signal_time, received, status, level, rewarded, confirmed,
                          solo_since, seq)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (peer_id, action, target) DO UPDATE SET
    signal_id = excluded.signal_id, signal_target = excluded.signal_target,
    classification = excluded.classification, reasons = excluded.reasons,
    signal_time = excluded.signal_time, received = excluded.received, status = excluded.status,
    level = excluded.level, rewarded = excluded.rewarded, confirmed = excluded.confirmed,
    solo_since = excluded.solo_since, seq = excluded.seq
"""

_INSERT_AUDIT = """
INSERT INTO trust_audit (time, peer_id, action, actor, points, score_before, score_after, reason)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
"""


@dataclass(frozen=True)
class TrustState:
    peers: list[PeerState]
    claims: list[Claim]
    unreadable: int  # stored claims that no longer parse (skipped, and reported)


def save_changes(conn: sqlite3.Connection, changes: Changes) -> None:
    """Write one operation's changes (call inside a transaction)."""
    conn.executemany(_UPSERT_PEER, [_peer_row(p) for p in changes.peers])
    conn.executemany(
        "DELETE FROM trust_claims WHERE peer_id = ? AND action = ? AND target = ?",
        list(changes.dropped),
    )
    conn.executemany(_UPSERT_CLAIM, [_claim_row(c) for c in changes.claims])
    conn.executemany(_INSERT_AUDIT, [_audit_row(a) for a in changes.audit])


def load_state(conn: sqlite3.Connection) -> TrustState:
    peers = [
        PeerState(
            peer_id=row[0], score=row[1], score_time=row[2], level=Level(row[3]),
            authoritative=bool(row[4]), joined=row[5], last_change=row[6],
            last_change_why=row[7], solo_tokens=row[8], tokens_time=row[9],
            quarantined_until=row[10],
        )
        for row in conn.execute(
            "SELECT peer_id, score, score_time, level, authoritative, joined, last_change, "
            "last_change_why, solo_tokens, tokens_time, quarantined_until FROM trust_peers "
            "ORDER BY peer_id"
        )
    ]  # fmt: skip
    claims: list[Claim] = []
    unreadable = 0
    for row in conn.execute(
        "SELECT peer_id, action, signal_target, classification, reasons, signal_time, signal_id, "
        "received, status, level, rewarded, confirmed, solo_since, seq FROM trust_claims "
        "ORDER BY seq"
    ):
        try:
            reasons = tuple(json.loads(row[4]))
            signal = RemoteSignal(row[0], row[1], row[2], row[3], reasons, row[5], row[6])
            claims.append(
                Claim(
                    signal,
                    row[7],
                    ClaimStatus(row[8]),
                    Level(row[9]),
                    rewarded=bool(row[10]),
                    confirmed=bool(row[11]),
                    solo_since=row[12],
                    seq=row[13],
                )
            )
        except (InvalidSignal, ValueError, TypeError):
            unreadable += 1
    return TrustState(peers, claims, unreadable)


def read_audit(conn: sqlite3.Connection, peer_id: str | None, limit: int) -> list[AuditEntry]:
    """The newest ``limit`` audit entries (for one peer, or all), newest first."""
    rows = conn.execute(
        "SELECT time, peer_id, action, actor, points, score_before, score_after, reason "
        "FROM trust_audit WHERE ?1 IS NULL OR peer_id = ?1 ORDER BY id DESC LIMIT ?2",
        (peer_id, limit),
    )
    return [AuditEntry(*row) for row in rows]


def _peer_row(p: PeerState) -> tuple[Any, ...]:
    return (
        p.peer_id,
        p.score,
        p.score_time,
        int(p.level),
        int(p.authoritative),
        p.joined,
        p.last_change,
        p.last_change_why,
        p.solo_tokens,
        p.tokens_time,
        p.quarantined_until,
    )


def _claim_row(c: Claim) -> tuple[Any, ...]:
    s = c.signal
    return (
        s.peer_id,
        s.action,
        c.key[2],
        s.signal_id,
        s.target,
        s.classification,
        json.dumps(list(s.reasons)),
        s.time,
        c.received,
        str(c.status),
        int(c.level),
        int(c.rewarded),
        int(c.confirmed),
        c.solo_since,
        c.seq,
    )


def _audit_row(a: AuditEntry) -> tuple[Any, ...]:
    return (a.time, a.peer_id, a.action, a.actor, a.points, a.score_before, a.score_after, a.reason)
