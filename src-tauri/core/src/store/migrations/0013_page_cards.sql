-- What the pages a draft embeds say of themselves (title, description, site, image), read once
-- and kept: the preview draws their cards offline and never fetches a page twice.
CREATE TABLE page_cards (
    url          TEXT PRIMARY KEY,
    title        TEXT NOT NULL,
    description  TEXT NOT NULL,
    site         TEXT NOT NULL,
    image        TEXT,
    fetched_at   INTEGER NOT NULL
);
