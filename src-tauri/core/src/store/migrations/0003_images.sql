-- Images kept in the database (pasted or dropped into a draft), and what each image became in
-- each blog's media library, so that an image is uploaded to a blog once.

CREATE TABLE assets (
    sha256     TEXT    PRIMARY KEY,       -- hex of the bytes: the draft refers to fumi-asset:<sha256>
    mime       TEXT    NOT NULL,
    file_name  TEXT    NOT NULL,
    bytes      BLOB    NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE media (
    blog_id     INTEGER NOT NULL REFERENCES blogs (id) ON DELETE CASCADE,
    sha256      TEXT    NOT NULL,         -- of the image's bytes, wherever they came from
    remote_id   TEXT    NOT NULL,
    url         TEXT    NOT NULL,
    uploaded_at INTEGER NOT NULL,
    PRIMARY KEY (blog_id, sha256)
);

-- Set just before a post is created and cleared by the answer: if the answer never came, the
-- next publish looks for the post on the blog before creating another.
ALTER TABLE publications ADD COLUMN create_started_at INTEGER;
-- The blog's status word for the post after the last publish (publish, draft, future, …).
ALTER TABLE publications ADD COLUMN remote_status TEXT;
