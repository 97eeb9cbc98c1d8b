-- Publishes waiting for their blog to answer: the title and body the author pressed Publish on,
-- kept until they are sent (an outbox, one job per draft and blog).
CREATE TABLE publish_queue (
    draft_id        INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    blog_id         INTEGER NOT NULL REFERENCES blogs (id) ON DELETE CASCADE,
    title           TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    status          TEXT,                 -- the author's 'draft'/'publish' override, if any
    at_ms           INTEGER,              -- the author's date override, if any
    overwrite       INTEGER NOT NULL DEFAULT 0,  -- the author chose to replace a web edit
    recreate        INTEGER NOT NULL DEFAULT 0,  -- the author chose to create a deleted post again
    queued_at       INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT    NOT NULL,     -- why it could not be sent yet
    claim           TEXT,                 -- the sender working on it now, until claimed_until
    claimed_until   INTEGER,
    PRIMARY KEY (draft_id, blog_id)
);
