-- The mesh: membership records, join tokens, the live remote signals, replay state, peer
-- standing, and this node's own counters. docs/MESH.md explains the design; honeymesh/mesh/
-- store.py reads and writes these tables.

-- Every signed membership record (admit, remove) and the latest capability claim of each node,
-- exactly as signed (signature || payload). Membership is a function of this set.
CREATE TABLE mesh_records (
    id        TEXT    PRIMARY KEY,               -- the record's 128-bit id, hex
    kind      TEXT    NOT NULL CHECK (kind IN ('admit', 'remove', 'claim')),
    publisher TEXT    NOT NULL,
    node      TEXT,                              -- the node admitted, removed or claiming
    ts        INTEGER NOT NULL,                  -- publisher's clock, unix ms
    raw       BLOB    NOT NULL,
    received  REAL    NOT NULL
);
CREATE INDEX mesh_records_node ON mesh_records (kind, node);

-- Join tokens this node issued. The secret is never stored: only its SHA-256.
CREATE TABLE mesh_tokens (
    token_id    TEXT    PRIMARY KEY,             -- first 16 hex digits of the secret's SHA-256
    secret_hash TEXT    NOT NULL UNIQUE,
    created     REAL    NOT NULL,
    expires     REAL    NOT NULL,
    uses_left   INTEGER NOT NULL CHECK (uses_left >= 0),
    uses        INTEGER NOT NULL CHECK (uses >= 1),
    admin       INTEGER NOT NULL DEFAULT 1 CHECK (admin IN (0, 1)),  -- may the joiner admit?
    revoked     REAL,
    note        TEXT    NOT NULL DEFAULT ''
);

-- Remote signals still live (not expired), as signed, for relay and catch-up. Expired rows are
-- deleted by housekeeping. One row per (publisher, seq).
CREATE TABLE mesh_signals (
    id        TEXT    PRIMARY KEY,
    publisher TEXT    NOT NULL,
    seq       INTEGER NOT NULL,
    kind      TEXT    NOT NULL,
    target    TEXT    NOT NULL,
    expires   REAL    NOT NULL,                  -- unix seconds
    raw       BLOB    NOT NULL,
    received  REAL    NOT NULL,
    UNIQUE (publisher, seq)
);
CREATE INDEX mesh_signals_expires ON mesh_signals (expires);

-- Per-publisher replay state: the highest sequence number accepted and a bitmap of the window
-- below it (a sliding window as in RFC 6479).
CREATE TABLE mesh_replay (
    publisher TEXT    PRIMARY KEY,
    top       INTEGER NOT NULL,
    bitmap    BLOB    NOT NULL
);

-- Each peer's standing in the mesh (delivery and validity), kept across reconnects.
CREATE TABLE mesh_peer_scores (
    node_id   TEXT    PRIMARY KEY,
    score     REAL    NOT NULL,
    delivered INTEGER NOT NULL DEFAULT 0,
    invalid   INTEGER NOT NULL DEFAULT 0,
    updated   REAL    NOT NULL
);

-- This node's mesh settings and counters: cluster id, its own last sequence number.
CREATE TABLE mesh_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
