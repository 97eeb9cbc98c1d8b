-- The author's preferences, as JSON under one key (new preferences need no migration).
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
