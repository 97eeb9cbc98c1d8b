-- Each blog's category names as the blog last listed them: offered while the author types the
-- post's categories, offline too, and refreshed in the background.
CREATE TABLE blog_categories (
    blog_id  INTEGER PRIMARY KEY REFERENCES blogs(id) ON DELETE CASCADE,
    names    TEXT    NOT NULL,   -- a JSON array of names, in the blog's order
    read_at  INTEGER NOT NULL    -- Unix milliseconds
);
