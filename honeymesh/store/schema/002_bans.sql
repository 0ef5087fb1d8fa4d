-- Bans and the allowlist: the truth that the in-memory index and the kernel maps project.
--
-- Addresses are stored normalised (IPv4-mapped IPv6 becomes IPv4) as text ("10.0.0.5/32",
-- "2001:db8::/64") and, for range arithmetic in SQL, as the first and last address of the
-- network in fixed-width lowercase hex (8 digits for IPv4, 32 for IPv6), which sort like the
-- numbers they are. Compare first/last only between rows of the same family.

-- One row per ban, active or not. A ban is active while `lifted` is NULL; lifting (unban,
-- expiry, an allow that covers it) fills lifted/lifted_why and keeps the row as history, which
-- is what repeat offences are counted from.
CREATE TABLE bans (
    id         INTEGER PRIMARY KEY,
    network    TEXT    NOT NULL,
    family     INTEGER NOT NULL CHECK (family IN (4, 6)),
    prefixlen  INTEGER NOT NULL CHECK (prefixlen BETWEEN 0 AND 128),
    first      TEXT    NOT NULL,
    last       TEXT    NOT NULL,
    source     TEXT    NOT NULL CHECK (source IN ('local', 'operator', 'mesh')),
    reasons    TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(reasons)),
    evidence   TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(evidence)),
    provenance TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(provenance)),
    created    REAL    NOT NULL,
    expires    REAL,                                    -- NULL: permanent
    offence    INTEGER NOT NULL DEFAULT 1 CHECK (offence >= 1),  -- nth ban of this network
    enforced   INTEGER NOT NULL DEFAULT 1 CHECK (enforced IN (0, 1)),  -- 0: backend refused it
    lifted     REAL,
    lifted_why TEXT    CHECK (lifted_why IN ('unbanned', 'expired', 'allowed')),
    lifted_by  TEXT,
    CHECK ((lifted IS NULL) = (lifted_why IS NULL))
);
-- At most one active ban per network; also the lookup for unban and merge.
CREATE UNIQUE INDEX bans_active_network ON bans (network) WHERE lifted IS NULL;
-- Active bans inside a range (an allow lifts them).
CREATE INDEX bans_active_range ON bans (family, first) WHERE lifted IS NULL;
-- Active bans by (family, prefix length), in address order: the load reads the active set one
-- group at a time, already sorted.
CREATE INDEX bans_active_group ON bans (family, prefixlen, first) WHERE lifted IS NULL;
-- The expiry sweep.
CREATE INDEX bans_active_expiry ON bans (expires) WHERE lifted IS NULL AND expires IS NOT NULL;
-- Active bans the backend could not take (a full map), retried by housekeeping.
CREATE INDEX bans_unenforced ON bans (id) WHERE lifted IS NULL AND enforced = 0;
-- History of one network: repeat-offence counting and `explain`.
CREATE INDEX bans_history ON bans (network, created);

-- Allowlist entries added at run time (by an operator, or an authoritative mesh peer). Built-in
-- entries (loopback, this node's addresses, kernel.admin_networks) are computed at start and are
-- never stored, so that a changed config or address takes effect on the next start.
CREATE TABLE allowlist (
    id        INTEGER PRIMARY KEY,
    network   TEXT    NOT NULL UNIQUE,
    family    INTEGER NOT NULL CHECK (family IN (4, 6)),
    prefixlen INTEGER NOT NULL CHECK (prefixlen BETWEEN 0 AND 128),
    first     TEXT    NOT NULL,
    last      TEXT    NOT NULL,
    reason    TEXT    NOT NULL,
    origin    TEXT    NOT NULL CHECK (origin IN ('operator', 'mesh')),
    created   REAL    NOT NULL
);
CREATE INDEX allowlist_range ON allowlist (family, first);
