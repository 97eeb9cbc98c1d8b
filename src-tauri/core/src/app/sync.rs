//! Drafts on every computer: setting up the git remote, syncing, and settling conflicts (see
//! `sync`). A sync waits on the network outside the writer, so autosave goes on meanwhile.

use std::path::PathBuf;
use std::sync::PoisonError;

use super::App;
use crate::error::{Error, Result};
use crate::keychain;
use crate::message::Said;
use crate::model::draft::{Draft, DraftId, SaveKind};
use crate::model::sync::{Resolution, SyncConflict, SyncReport, SyncStatus};
use crate::sync::folder::{Access, Folder, Merged};

/// The sync folder's name inside the data folder.
const SYNC_FOLDER: &str = "sync";
/// How many times a push the remote refused (it moved meanwhile) is merged and tried again.
const PUSH_TRIES: usize = 3;

impl App {
    /// The git working copy the drafts sync through.
    pub fn sync_folder(&self) -> PathBuf {
        self.data_dir.join(SYNC_FOLDER)
    }

    /// Makes `url` the sync remote after checking that it answers (and accepts `token`, kept in
    /// the keychain for that remote's origin only), then syncs: an empty remote gets this
    /// computer's drafts, one with drafts brings them here.
    pub fn set_up_sync(&self, url: &str, token: Option<&str>) -> Result<SyncReport> {
        let url = url.trim();
        // A password written into the address would be kept in the clear (the database, the
        // folder's git configuration): it belongs in the token field, and so the keychain.
        if url::Url::parse(url).is_ok_and(|u| u.password().is_some()) {
            return Err(Error::SyncFailed {
                detail: "the address holds a password; give it as the token instead".into(),
            });
        }
        let access = Access {
            url: url.to_owned(),
            token: token.map(str::to_owned).filter(|t| !t.is_empty()),
        };
        {
            let _one = self
                .sync_lock
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            let folder = Folder::open(&self.sync_folder(), url)?;
            folder.fetch(&access)?;
            let old = self.reader()?.sync_remote()?.and_then(|r| r.secret_key);
            let key = match &access.token {
                Some(token) => {
                    let key = keychain::new_key()?;
                    keychain::save_sync_token(&key, &origin(url), token)?;
                    Some(key)
                }
                None => None,
            };
            let mut store = self.writer();
            store.set_sync_remote(url, key.as_deref())?;
            store.mark_all_sync_dirty()?;
            drop(store);
            if let Some(old) = old {
                keychain::delete_sync_token(&old)?;
            }
        }
        self.sync_now()
    }

    /// Syncs now: sends this computer's changes, brings the other computers', and records how
    /// it went (the status line reads it).
    pub fn sync_now(&self) -> Result<SyncReport> {
        let _one = self
            .sync_lock
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let remote = self.reader()?.sync_remote()?.ok_or(Error::SyncNotSetUp)?;
        let result = (|| {
            let token = remote
                .secret_key
                .as_deref()
                .map(|key| keychain::load_sync_token(key, &origin(&remote.url)))
                .transpose()?;
            self.sync_with(&Access {
                url: remote.url.clone(),
                token,
            })
        })();
        let said = result.as_ref().err().map(Said::from);
        self.writer().record_sync_try(said.as_ref())?;
        result
    }

    fn sync_with(&self, access: &Access) -> Result<SyncReport> {
        let folder = Folder::open(&self.sync_folder(), &access.url)?;
        let mut report = SyncReport::default();
        for attempt in 1..=PUSH_TRIES {
            let theirs = folder.fetch(access)?;
            if let Some(theirs) = theirs {
                let strangers = folder.strangers(theirs, &crate::sync::is_fumi_layout)?;
                // A blogsync repository holds its own files (its entries, settings, workflows):
                // Fumi adds its folders beside them and reads the entries as drafts.
                if !strangers.is_empty()
                    && !folder.holds(theirs, &crate::sync::is_blogsync_entry)?
                {
                    return Err(Error::SyncNotFumi {
                        remote: access.shown(),
                        found: strangers.join(", "),
                    });
                }
            }
            let head = {
                let mut store = self.writer();
                // A folder that is not the one the database last matched (made again, moved
                // in): every draft is written, so nothing of this computer's is read over.
                let recorded = store.sync_remote()?.and_then(|r| r.local_commit);
                if recorded.is_some() && recorded != folder.head().map(|h| h.to_string()) {
                    store.mark_all_sync_dirty()?;
                }
                let written = crate::sync::write_changes(&mut store, folder.dir())?;
                report.sent += written.drafts;
                let ours = match folder.commit(
                    folder.head(),
                    "Fumi: drafts changed on this computer",
                    &written.paths,
                )? {
                    Some(commit) => Some(commit),
                    None => folder.head(),
                };
                let merged = match theirs {
                    Some(theirs) => folder.merge(ours, theirs)?,
                    None => Merged {
                        head: ours,
                        ..Merged::default()
                    },
                };
                let Some(head) = merged.head else {
                    // Nothing here and nothing there.
                    return Ok(report);
                };
                crate::sync::read_changes(&mut store, &folder, ours, head, &mut report)?;
                crate::sync::note_clashes(&mut store, &merged, &mut report)?;
                // The database now matches `head`: the folder follows, then the branch.
                store.clear_sync_dirty(&written.counts)?;
                store.clear_sync_purged(&written.purged)?;
                // A commit just made from the folder needs no checkout; a merge or the remote's does.
                folder.advance(head, Some(head) != ours)?;
                store.set_sync_commit(&head.to_string())?;
                head
            };
            if Some(head) == theirs {
                return Ok(report);
            }
            match folder.push(access) {
                Ok(()) => return Ok(report),
                // The remote moved since the fetch: merge what it has and try again.
                Err(Error::SyncRefused { .. }) if attempt < PUSH_TRIES => continue,
                Err(e) => return Err(e),
            }
        }
        Ok(report)
    }

    /// What the status line shows.
    pub fn sync_status(&self) -> Result<SyncStatus> {
        let store = self.reader()?;
        let remote = store.sync_remote()?;
        Ok(SyncStatus {
            remote: remote.as_ref().map(|r| {
                Access {
                    url: r.url.clone(),
                    token: None,
                }
                .shown()
            }),
            synced_at: remote.as_ref().and_then(|r| r.synced_at),
            error: remote.and_then(|r| r.error),
            conflicts: store.sync_conflict_drafts()?,
        })
    }

    /// A draft's two texts, when another computer changed the same lines.
    pub fn sync_conflict(&self, draft: DraftId) -> Result<Option<SyncConflict>> {
        let conflict = self.reader()?.sync_conflict(draft)?;
        Ok(conflict.map(|mut c| {
            c.lines = crate::history::diff_lines(&c.mine_body, &c.theirs_body);
            c
        }))
    }

    /// Settles a conflict as the author chose; the text not chosen stays as a revision, and the
    /// next sync sends the choice.
    pub fn resolve_sync_conflict(&self, draft: DraftId, resolution: Resolution) -> Result<Draft> {
        let mut store = self.writer();
        let conflict = store
            .sync_conflict(draft)?
            .ok_or(Error::DraftNotFound(draft))?;
        let (title, body) = match resolution {
            Resolution::KeepMine => (conflict.mine_title.clone(), conflict.mine_body.clone()),
            Resolution::TakeTheirs => (conflict.theirs_title.clone(), conflict.theirs_body.clone()),
            Resolution::Merged { title, body } => (title, body),
        };
        // Both texts become revisions (an explicit save keeps the text before and after).
        store.save_draft(
            draft,
            &conflict.theirs_title,
            &conflict.theirs_body,
            SaveKind::Explicit,
        )?;
        store.save_draft(draft, &title, &body, SaveKind::Explicit)?;
        store.drop_sync_conflict(draft)?;
        store.draft(draft)
    }
}

/// `scheme://host[:port]` of a remote's address (an SSH address is its own origin).
fn origin(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(u) if u.has_host() => u.origin().ascii_serialization(),
        _ => url.to_owned(),
    }
}
