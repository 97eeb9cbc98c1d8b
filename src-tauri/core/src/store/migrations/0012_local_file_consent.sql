-- Files on this computer that the author allowed a draft to upload when it is published. A path
-- in a pulled or imported draft is read only once its author said yes to it for that draft.
CREATE TABLE local_file_consent (
    draft_id    INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    path        TEXT NOT NULL,
    allowed_at  INTEGER NOT NULL,
    PRIMARY KEY (draft_id, path)
);
