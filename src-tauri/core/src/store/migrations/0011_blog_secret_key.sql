-- Each blog's keychain entry is named by a random key kept here, so that two data folders whose
-- blogs share ids never read each other's secrets. NULL: a blog added before, whose secret is
-- still under its id (moved on first use).
ALTER TABLE blogs ADD COLUMN secret_key TEXT;
