-- Events: every catalogued event, as the flat JSON the log and the feed carry.
CREATE TABLE events (
    id       INTEGER PRIMARY KEY,
    time     REAL    NOT NULL,
    event_id TEXT    NOT NULL,
    kind     TEXT    NOT NULL,
    source   TEXT,
    body     TEXT    NOT NULL
);
CREATE INDEX events_by_time ON events (time);
CREATE INDEX events_by_source ON events (source, time);
CREATE INDEX events_by_id ON events (event_id, time);

-- Small operator settings that must survive a restart (the mode, for one).
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
