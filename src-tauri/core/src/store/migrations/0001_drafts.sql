-- Drafts, their revisions, and a trigram full-text index over title and body.
-- Times are milliseconds since the Unix epoch, UTC.

CREATE TABLE drafts (
    id         INTEGER PRIMARY KEY,
    title      TEXT    NOT NULL DEFAULT '',
    body       TEXT    NOT NULL DEFAULT '',
    status     TEXT    NOT NULL DEFAULT 'draft',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted_at INTEGER            -- set while the draft is in the trash
);
CREATE INDEX drafts_by_updated ON drafts (deleted_at, updated_at DESC);

CREATE TABLE revisions (
    id         INTEGER PRIMARY KEY,
    draft_id   INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    title      TEXT    NOT NULL,
    body       TEXT    NOT NULL,
    edited_at  INTEGER NOT NULL,  -- when this text was last edited
    created_at INTEGER NOT NULL   -- when the snapshot was taken
);
CREATE INDEX revisions_by_draft ON revisions (draft_id, id DESC);

-- trigram: finds substrings in any script (Japanese has no spaces to tokenize on).
CREATE VIRTUAL TABLE drafts_fts USING fts5 (
    title, body, content = 'drafts', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER drafts_fts_insert AFTER INSERT ON drafts BEGIN
    INSERT INTO drafts_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER drafts_fts_delete AFTER DELETE ON drafts BEGIN
    INSERT INTO drafts_fts (drafts_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER drafts_fts_update AFTER UPDATE OF title, body ON drafts BEGIN
    INSERT INTO drafts_fts (drafts_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO drafts_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
