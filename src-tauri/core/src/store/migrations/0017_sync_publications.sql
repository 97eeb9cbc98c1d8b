-- A publication travels with its draft's file (another computer updates the same post): a
-- publish, a link or a forgotten post marks the draft changed for the next sync.
CREATE TRIGGER publications_insert_sync_dirty AFTER INSERT ON publications
BEGIN
    UPDATE drafts SET sync_dirty = sync_dirty + 1 WHERE id = new.draft_id;
END;
CREATE TRIGGER publications_update_sync_dirty AFTER UPDATE OF remote_id, remote_url, content_hash, remote_modified, remote_hash ON publications
BEGIN
    UPDATE drafts SET sync_dirty = sync_dirty + 1 WHERE id = new.draft_id;
END;
CREATE TRIGGER publications_delete_sync_dirty AFTER DELETE ON publications
BEGIN
    UPDATE drafts SET sync_dirty = sync_dirty + 1 WHERE id = old.draft_id;
END;
