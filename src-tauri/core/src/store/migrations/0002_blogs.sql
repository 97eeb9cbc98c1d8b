-- Blogs the author publishes to, and what each draft became on each blog.
-- Secrets are never here: they live in the OS keychain, keyed by the blog's id.

CREATE TABLE blogs (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL UNIQUE,
    kind       TEXT    NOT NULL,          -- 'wordpress'
    site_url   TEXT    NOT NULL,
    user       TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE publications (
    draft_id        INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    blog_id         INTEGER NOT NULL REFERENCES blogs (id) ON DELETE CASCADE,
    remote_id       TEXT,                 -- NULL until the first publish succeeds
    remote_url      TEXT,
    content_hash    TEXT,                 -- of what was last sent successfully
    remote_modified TEXT,                 -- the blog's modification time after that send
    remote_hash     TEXT,                 -- hash of the title and body the blog stored then
    published_at    INTEGER,
    last_error      TEXT,                 -- why the last attempt failed; NULL after a success
    PRIMARY KEY (draft_id, blog_id)
);
