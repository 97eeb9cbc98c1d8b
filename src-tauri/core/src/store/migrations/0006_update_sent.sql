-- Fingerprints of an update sent whose answer has not arrived: if the blog then holds one of
-- them, it holds Fumi's own update, not an edit made on the web.
ALTER TABLE publications ADD COLUMN update_sent TEXT;
