-- Peer trust (BTL): scores, designations, the audit trail, and the remote signals still
-- remembered (held for corroboration, or kept so a later trap hit or contradiction can reward or
-- penalize their signer). honeymesh/trust/persistence.py reads and writes these tables;
-- docs/TRUST.md explains the model.

-- One row per peer. `score` was exact at `score_time`; it decays toward the baseline from there,
-- so the current score is computed, never stored. `level` is the level when last looked at.
CREATE TABLE trust_peers (
    peer_id         TEXT    PRIMARY KEY,
    score           REAL    NOT NULL CHECK (score BETWEEN 0 AND 100),
    score_time      REAL    NOT NULL,
    level           INTEGER NOT NULL CHECK (level BETWEEN 0 AND 3),
    authoritative   INTEGER NOT NULL DEFAULT 0 CHECK (authoritative IN (0, 1)),  -- L3, by an operator
    joined          REAL    NOT NULL,
    last_change     REAL    NOT NULL,
    last_change_why TEXT    NOT NULL,
    solo_tokens     REAL    NOT NULL CHECK (solo_tokens >= 0),
    tokens_time     REAL    NOT NULL,
    quarantined_until REAL  NOT NULL DEFAULT 0  -- after a canary hit: no rewards until then
);

-- Operator penalties and designations, and every automatic penalty (canary, allowlisted,
-- contradicted, unsupported). Append only.
CREATE TABLE trust_audit (
    id           INTEGER PRIMARY KEY,
    time         REAL    NOT NULL,
    peer_id      TEXT    NOT NULL REFERENCES trust_peers (peer_id),
    action       TEXT    NOT NULL CHECK (action IN ('penalty', 'canary', 'allowlisted',
                                                    'contradicted', 'unsupported', 'designate',
                                                    'revoke')),
    actor        TEXT    NOT NULL,
    points       REAL    NOT NULL,
    score_before REAL    NOT NULL,
    score_after  REAL    NOT NULL,
    reason       TEXT    NOT NULL
);
CREATE INDEX trust_audit_by_peer ON trust_audit (peer_id, time);

-- A peer's latest claim per (action, target): held, enforced or only observed.
CREATE TABLE trust_claims (
    peer_id        TEXT    NOT NULL REFERENCES trust_peers (peer_id),
    action         TEXT    NOT NULL CHECK (action IN ('ban', 'allow')),
    target         TEXT    NOT NULL,  -- the normalised network, "203.0.113.7/32"
    signal_id      TEXT    NOT NULL,
    signal_target  TEXT    NOT NULL,  -- the target as the peer wrote it
    classification TEXT    NOT NULL CHECK (classification IN ('L1', 'L2', 'L3', 'L4')),
    reasons        TEXT    NOT NULL CHECK (json_valid(reasons)),
    signal_time    REAL    NOT NULL,
    received       REAL    NOT NULL,
    status         TEXT    NOT NULL CHECK (status IN ('held', 'enforced', 'observed')),
    level          INTEGER NOT NULL CHECK (level BETWEEN 0 AND 3),
    rewarded       INTEGER NOT NULL CHECK (rewarded IN (0, 1)),
    confirmed      INTEGER NOT NULL CHECK (confirmed IN (0, 1)),
    solo_since     REAL,      -- an L2 ban nobody has supported yet, since
    seq            INTEGER NOT NULL,  -- order of arrival
    PRIMARY KEY (peer_id, action, target)
);
CREATE INDEX trust_claims_by_seq ON trust_claims (seq);
