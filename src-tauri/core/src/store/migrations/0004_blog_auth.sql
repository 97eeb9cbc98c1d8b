-- How Fumi authenticates to a blog when its protocol offers a choice (Hatena: WSSE or Basic).
ALTER TABLE blogs ADD COLUMN auth TEXT NOT NULL DEFAULT 'default';
