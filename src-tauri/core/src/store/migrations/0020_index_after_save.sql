-- A save writes its draft's row alone: re-indexing a long body for search is most of a save's
-- time (≈2.0 ms of a 35 KB draft's 2.2), so the draft is only noted in `drafts_unindexed` and
-- indexed a moment later, when the author pauses (see `Store::index_drafts`). A search reads
-- the index for every other draft and the few noted ones' own text.
--
-- The index keeps no copy of the text (`content = ''`) and deletes by rowid alone
-- (`contentless_delete`, SQLite 3.43): an external-content index must be told the very text it
-- indexed to delete it, which is gone once a draft is saved twice before being indexed.
DROP TRIGGER drafts_fts_insert;
DROP TRIGGER drafts_fts_delete;
DROP TRIGGER drafts_fts_update;
DROP TABLE drafts_fts_terms;
DROP TABLE drafts_fts;

CREATE VIRTUAL TABLE drafts_fts USING fts5 (
    title, body, content = '', contentless_delete = 1, tokenize = 'trigram'
);
CREATE VIRTUAL TABLE drafts_fts_terms USING fts5vocab (drafts_fts, row);

-- The drafts whose text the index does not hold yet (or holds an older one of).
CREATE TABLE drafts_unindexed (draft_id INTEGER PRIMARY KEY);

CREATE TRIGGER drafts_fts_insert AFTER INSERT ON drafts BEGIN
    INSERT OR IGNORE INTO drafts_unindexed (draft_id) VALUES (new.id);
END;
CREATE TRIGGER drafts_fts_update AFTER UPDATE OF title, body ON drafts BEGIN
    INSERT OR IGNORE INTO drafts_unindexed (draft_id) VALUES (new.id);
END;
CREATE TRIGGER drafts_fts_delete AFTER DELETE ON drafts BEGIN
    DELETE FROM drafts_fts WHERE rowid = old.id;
    DELETE FROM drafts_unindexed WHERE draft_id = old.id;
END;

-- Fields end in two U+0001 (migration 0019): every character and pair begins a trigram.
INSERT INTO drafts_fts (rowid, title, body)
    SELECT id, title || char(1, 1), body || char(1, 1) FROM drafts;
