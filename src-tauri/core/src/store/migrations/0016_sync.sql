-- Drafts on every computer through a git remote: each draft's name in the sync folder (the
-- same on every computer), the remote, and the texts another computer changed in the same
-- lines, waiting for the author.
ALTER TABLE drafts ADD COLUMN sync_id TEXT;
CREATE UNIQUE INDEX drafts_by_sync_id ON drafts (sync_id);

CREATE TABLE sync_remote (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    url           TEXT    NOT NULL,
    secret_key    TEXT,              -- the keychain entry of an HTTPS token
    local_commit  TEXT,              -- the commit the database matches
    synced_at     INTEGER,           -- the last sync that reached the remote
    tried_at      INTEGER,
    error         TEXT               -- why the last try did not (a kept message, JSON)
);

CREATE TABLE sync_conflicts (
    draft_id  INTEGER PRIMARY KEY REFERENCES drafts (id) ON DELETE CASCADE,
    title     TEXT    NOT NULL,      -- the other computer's title and text
    body      TEXT    NOT NULL,
    found_at  INTEGER NOT NULL
);

-- How many times a draft changed since the sync folder last matched it (0: not since): a sync
-- writes only changed drafts, so its cost follows the edits, not the size of the library, and
-- clears a count only if it is still what it wrote (a change made meanwhile, by any connection,
-- stays to be sent). New drafts start changed.
ALTER TABLE drafts ADD COLUMN sync_dirty INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER drafts_sync_dirty AFTER UPDATE OF title, body, deleted_at, goal_chars ON drafts
BEGIN
    UPDATE drafts SET sync_dirty = sync_dirty + 1 WHERE id = new.id;
END;
CREATE TRIGGER books_insert_sync_dirty AFTER INSERT ON books
BEGIN
    UPDATE drafts SET sync_dirty = sync_dirty + 1 WHERE id = new.draft_id;
END;
CREATE TRIGGER books_update_sync_dirty AFTER UPDATE ON books
BEGIN
    UPDATE drafts SET sync_dirty = sync_dirty + 1 WHERE id = new.draft_id;
END;
CREATE TRIGGER books_delete_sync_dirty AFTER DELETE ON books
BEGIN
    UPDATE drafts SET sync_dirty = sync_dirty + 1 WHERE id = old.draft_id;
END;

-- The names of drafts deleted for good here: the next sync removes their files (and only
-- theirs: a file this computer could not read is never taken for a deletion).
CREATE TABLE sync_purged (
    sync_id TEXT PRIMARY KEY
);
CREATE TRIGGER drafts_sync_purged AFTER DELETE ON drafts WHEN old.sync_id IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO sync_purged (sync_id) VALUES (old.sync_id);
END;
