-- The book a draft reviews: looked up by ISBN or typed by hand, and the author's own facts.
CREATE TABLE books (
    draft_id    INTEGER PRIMARY KEY REFERENCES drafts (id) ON DELETE CASCADE,
    isbn        TEXT,                         -- ISBN-13, digits only
    title       TEXT    NOT NULL DEFAULT '',
    authors     TEXT    NOT NULL DEFAULT '',  -- one per line
    publisher   TEXT    NOT NULL DEFAULT '',
    published   TEXT    NOT NULL DEFAULT '',  -- 2019-07-04, 2019-07 or 2019
    pages       INTEGER,
    cover_url   TEXT,                         -- where the book database keeps the cover
    rating      INTEGER CHECK (rating BETWEEN 1 AND 5),
    started_on  TEXT,                         -- YYYY-MM-DD
    finished_on TEXT,
    cover       TEXT                          -- fumi-asset:<sha256>, the cover kept here
);
CREATE INDEX books_by_isbn ON books (isbn);

-- What the book databases answered, so a book is fetched once.
CREATE TABLE book_lookups (
    isbn       TEXT    PRIMARY KEY,
    source     TEXT    NOT NULL,
    facts      TEXT    NOT NULL,              -- the answer as JSON (book::BookFacts)
    fetched_at INTEGER NOT NULL
);
