-- Schema version 1 of the SQLite store, exactly as it created the first databases.
-- Frozen: later versions are migrations in store/migrations.py, never edits here.
-- Times are ISO 8601 UTC text with milliseconds and a Z, so text order is time order.
CREATE TABLE IF NOT EXISTS feedback (
    id             TEXT PRIMARY KEY,
    received_at    TEXT NOT NULL,
    page           TEXT NOT NULL,
    lang           TEXT NOT NULL,
    channel        TEXT NOT NULL,
    rating         INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    barriers       TEXT NOT NULL DEFAULT '[]',  -- JSON array, vocabulary order
    comment        TEXT NOT NULL DEFAULT '',
    comment_masked INTEGER NOT NULL DEFAULT 0,
    part           TEXT,
    status         TEXT,
    device         TEXT,
    js             INTEGER NOT NULL DEFAULT 0,
    schema_version INTEGER NOT NULL
) WITHOUT ROWID;  -- rows live in the id index: one B-tree less per insert

-- The time index that streaming exports read in order.
CREATE INDEX IF NOT EXISTS feedback_by_time ON feedback (received_at, id);
