-- The library's index of each draft's labels (its front matter's categories and tags). The text
-- is the truth: the index is rewritten whenever the text is saved, and filled here by a hook.
CREATE TABLE draft_tags (
    draft_id INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    tag      TEXT    NOT NULL,
    PRIMARY KEY (draft_id, tag)
) WITHOUT ROWID;
CREATE INDEX draft_tags_by_tag ON draft_tags (tag, draft_id);

-- The library sorts by creation as well as by update.
CREATE INDEX drafts_by_created ON drafts (deleted_at, created_at DESC);
