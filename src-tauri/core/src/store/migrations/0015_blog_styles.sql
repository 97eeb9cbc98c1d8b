-- Each blog's look as last read from its public page (its stylesheets, made self-contained):
-- the preview shows a blog's style offline too.
CREATE TABLE blog_styles (
    blog_id  INTEGER PRIMARY KEY REFERENCES blogs(id) ON DELETE CASCADE,
    page     TEXT    NOT NULL,   -- the page the stylesheets were read from
    css      TEXT    NOT NULL,
    read_at  INTEGER NOT NULL    -- Unix milliseconds
);
