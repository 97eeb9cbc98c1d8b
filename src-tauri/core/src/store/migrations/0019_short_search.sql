-- A search of one or two characters reads the trigram index instead of every body. Each field
-- is indexed with two U+0001 after it, so every character and pair of characters of the text
-- begins a trigram (the last ones too); the index's own list of trigrams (`drafts_fts_terms`)
-- then names the trigrams a short query begins, and the index finds their drafts.
DROP TRIGGER drafts_fts_insert;
DROP TRIGGER drafts_fts_delete;
DROP TRIGGER drafts_fts_update;
INSERT INTO drafts_fts (drafts_fts) VALUES ('delete-all');

CREATE TRIGGER drafts_fts_insert AFTER INSERT ON drafts BEGIN
    INSERT INTO drafts_fts (rowid, title, body)
        VALUES (new.id, new.title || char(1, 1), new.body || char(1, 1));
END;
CREATE TRIGGER drafts_fts_delete AFTER DELETE ON drafts BEGIN
    INSERT INTO drafts_fts (drafts_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title || char(1, 1), old.body || char(1, 1));
END;
CREATE TRIGGER drafts_fts_update AFTER UPDATE OF title, body ON drafts BEGIN
    INSERT INTO drafts_fts (drafts_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title || char(1, 1), old.body || char(1, 1));
    INSERT INTO drafts_fts (rowid, title, body)
        VALUES (new.id, new.title || char(1, 1), new.body || char(1, 1));
END;

INSERT INTO drafts_fts (rowid, title, body)
    SELECT id, title || char(1, 1), body || char(1, 1) FROM drafts;

CREATE VIRTUAL TABLE drafts_fts_terms USING fts5vocab (drafts_fts, row);
