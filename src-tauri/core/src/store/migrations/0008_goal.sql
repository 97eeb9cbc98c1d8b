-- A draft's target length in characters, if the author set one.
ALTER TABLE drafts ADD COLUMN goal_chars INTEGER;
