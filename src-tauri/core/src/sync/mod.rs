//! Drafts on every computer through a git remote the author already has. The sync folder (a
//! git working copy beside the database) mirrors the database: `drafts/<ab>/<name>.md` per
//! draft ([`file`]), `books/<ab>/<name>.json` per review's book, `assets/<ab>/<sha256>.<ext>` per
//! image, `<ab>` being the name's first two characters: a folder of a few dozen files changes
//! with an edit, not one listing the whole library, so what a sync sends does not grow with it.
//! SQLite stays the truth on each computer; revisions stay local.
//!
//! A blogsync repository (a Hatena author's, kept with blogsync or Hatena's GitHub workflows)
//! is a remote too: its entries are read as drafts (each named by its path, linked to its entry
//! when the author has that blog), its own files left as they are.
//!
//! A sync, under the writer (so the database and the folder are never seen half-way):
//! write the drafts changed since the last sync into the folder and commit them; merge the
//! remote's branch (fetched before, outside the writer); read what the merge changed back into
//! the database; then move the folder to the merge and push. Nothing is ever forced: a push the
//! remote refuses is fetched, merged and pushed again.

pub mod file;
pub mod folder;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use self::file::DraftFile;
use self::folder::{Change, Folder, Merged};
use crate::blogsync::Entry;
use crate::error::{Error, Result};
use crate::image::Image;
use crate::model::blog::Blog;
use crate::model::book::Book;
use crate::model::draft::{DraftId, SaveKind};
use crate::model::sync::SyncReport;
use crate::store::Store;

/// One Markdown file per draft.
const DRAFTS: &str = "drafts";
/// One JSON file per review's book, named as its draft.
const BOOKS: &str = "books";
/// One file per image, named by its SHA-256.
const ASSETS: &str = "assets";

/// Whether a top-level name of a remote's files is Fumi's layout (or a repository's own files).
pub fn is_fumi_layout(name: &str) -> bool {
    [DRAFTS, BOOKS, ASSETS].contains(&name)
        || name.starts_with('.')
        || name.starts_with("README")
        || name.starts_with("LICENSE")
}

/// Whether a file of the remote is a blogsync entry (a Hatena author's repository kept with
/// blogsync or Hatena's GitHub workflows): Markdown under a blog's `entry/` folder
/// (`example.hatenablog.com/entry/2026/12/01/090000.md`, `entries/<blog>/entry/…`), or a draft
/// of the workflows (`draft_entries/….md`).
pub fn is_blogsync_entry(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "md")
        && (path.components().skip(1).any(|c| c.as_os_str() == "entry")
            || path.starts_with("draft_entries"))
}

/// The draft name of a blogsync entry: its path hashed, so every computer names it alike.
fn blogsync_name(path: &Path) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(path.to_string_lossy().as_bytes());
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// What a sync wrote into the folder.
#[derive(Debug, Default)]
pub struct Written {
    /// Drafts whose file changed (the report's "sent").
    pub drafts: usize,
    /// Each changed draft and its count of changes as written (see `Store::clear_sync_dirty`).
    pub counts: Vec<(DraftId, i64)>,
    /// Names of drafts deleted here whose files were removed.
    pub purged: Vec<String>,
    /// Every file written, checked or removed, relative to the folder: what the commit stages
    /// (the rest of the folder is as the last commit or checkout left it).
    pub paths: Vec<PathBuf>,
}

/// Writes the drafts changed since the last sync (and every image the folder lacks) into the
/// folder, and removes the files of drafts deleted here (only those: a file this computer could
/// not read stays for the computer that wrote it).
pub fn write_changes(store: &mut Store, dir: &Path) -> Result<Written> {
    let mut written = Written::default();
    for (id, name, count) in store.sync_ids()? {
        if count == 0 {
            continue;
        }
        let draft = store.draft(id)?;
        let text = DraftFile {
            title: draft.title,
            body: draft.body,
            trashed: draft.deleted_at.is_some(),
            goal_chars: draft.goal_chars,
            published: store.synced_publications(id)?,
        }
        .write();
        if write_if_changed(&place(dir, DRAFTS, &name, "md"), text.as_bytes())? {
            written.drafts += 1;
        }
        let book_path = place(dir, BOOKS, &name, "json");
        written.paths.push(relative(DRAFTS, &name, "md"));
        written.paths.push(relative(BOOKS, &name, "json"));
        match store.book(id)?.filter(|b| !b.is_empty()) {
            Some(book) => {
                // Strings, numbers and an ISBN always serialize.
                let json = serde_json::to_string_pretty(&book).unwrap_or_default() + "\n";
                write_if_changed(&book_path, json.as_bytes())?;
            }
            None => remove(&book_path)?,
        }
        written.counts.push((id, count));
    }
    for name in store.sync_purged()? {
        let draft = place(dir, DRAFTS, &name, "md");
        if draft.exists() {
            written.drafts += 1;
        }
        remove(&draft)?;
        remove(&place(dir, BOOKS, &name, "json"))?;
        written.paths.push(relative(DRAFTS, &name, "md"));
        written.paths.push(relative(BOOKS, &name, "json"));
        written.purged.push(name);
    }
    let have: HashSet<String> = files(&dir.join(ASSETS), "")?
        .into_iter()
        .map(|(stem, _)| stem)
        .collect();
    for hash in store.asset_hashes()? {
        if have.contains(&hash) {
            continue;
        }
        let image = store.asset(&hash)?;
        let extension = Path::new(&image.file_name)
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("img");
        write_if_changed(&place(dir, ASSETS, &hash, extension), &image.bytes)?;
        written.paths.push(relative(ASSETS, &hash, extension));
    }
    Ok(written)
}

/// Reads into the database what changed in the folder between `from` and `to`: images first
/// (so no draft points at a missing one), then drafts and books. A received draft's old text is
/// kept as a revision. A file that does not read is left out and logged, never a lost sync.
pub fn read_changes(
    store: &mut Store,
    folder: &Folder,
    from: Option<git2::Oid>,
    to: git2::Oid,
    report: &mut SyncReport,
) -> Result<()> {
    let changes = folder.changes(from, to)?;
    for change in &changes {
        if let Change::Written(path) = change
            && path.starts_with(ASSETS)
        {
            let bytes = folder.read(to, path)?;
            match Image::from_bytes(bytes, &path.display().to_string()) {
                Ok(image) => {
                    store.add_asset(&image)?;
                }
                Err(e) => {
                    tracing::warn!(path = %path.display(), error = %e, "synced image not read")
                }
            }
        }
    }
    // blogsync's entries before Fumi's own files: where a draft has both, Fumi's (the author's
    // latest edit here or on another computer) is the one left standing.
    let blogs = store.blogs()?;
    for change in &changes {
        let Change::Written(path) = change else {
            continue;
        };
        if !is_blogsync_entry(path) {
            continue;
        }
        let text = folder.read(to, path)?;
        let taken = std::str::from_utf8(&text)
            .map_err(|e| e.to_string())
            .and_then(|t| Entry::read(t).map_err(|e| e.to_string()))
            .and_then(|entry| {
                take_entry(store, &blogs, &blogsync_name(path), &entry).map_err(|e| e.to_string())
            });
        match taken {
            Ok(()) => report.received += 1,
            Err(e) => {
                tracing::warn!(path = %path.display(), error = %e, "blogsync entry not taken");
                report.unread.push(path.display().to_string());
            }
        }
    }
    for change in &changes {
        let (path, written) = change.path_and_written();
        let Some(name) = name_in(path, DRAFTS, "md") else {
            continue;
        };
        let known = store.draft_by_sync_id(&name)?;
        if !written {
            if let Some(id) = known {
                store.purge_draft(id)?;
                report.deleted += 1;
            }
            continue;
        }
        let text = folder.read(to, path)?;
        let file = match std::str::from_utf8(&text)
            .map_err(|e| e.to_string())
            .and_then(|t| DraftFile::read(t).map_err(|e| e.to_string()))
        {
            Ok(file) => file,
            Err(e) => {
                tracing::warn!(path = %path.display(), error = %e, "synced draft not read");
                report.unread.push(path.display().to_string());
                continue;
            }
        };
        // One draft that cannot be taken (too large for this computer) never stops the others.
        if let Err(e) = apply(store, known, &name, &file) {
            tracing::warn!(path = %path.display(), error = %e, "synced draft not taken");
            report.unread.push(path.display().to_string());
            continue;
        }
        report.received += 1;
    }
    for change in &changes {
        let (path, written) = change.path_and_written();
        let Some(name) = name_in(path, BOOKS, "json") else {
            continue;
        };
        let Some(id) = store.draft_by_sync_id(&name)? else {
            continue;
        };
        let book = if written {
            let json = folder.read(to, path)?;
            match serde_json::from_slice::<Book>(&json) {
                Ok(book) => book,
                Err(e) => {
                    tracing::warn!(path = %path.display(), error = %e, "synced book not read");
                    continue;
                }
            }
        } else {
            Book::default()
        };
        if store.book(id)?.unwrap_or_default() != book {
            store.set_book(id, &book)?;
        }
    }
    Ok(())
}

/// Makes the draft named `name` hold a blogsync entry's text; a new one is linked to its entry
/// when the author has that Hatena blog here, so publishing it updates the entry. (An entry's
/// file deleted from the repository leaves the draft alone: Fumi did not write it.)
fn take_entry(store: &mut Store, blogs: &[Blog], name: &str, entry: &Entry) -> Result<()> {
    match store.draft_by_sync_id(name)? {
        Some(id) => {
            let draft = store.draft(id)?;
            if draft.title != entry.title || draft.body != entry.body {
                store.save_draft(id, &entry.title, &entry.body, SaveKind::Explicit)?;
            }
        }
        None => {
            let draft = store.create_draft_named(&entry.title, &entry.body, Some(name))?;
            if let Some(blog) = entry.blog_among(blogs) {
                entry.link(store, draft.id, blog)?;
            }
        }
    }
    Ok(())
}

/// Makes the draft named `name` hold `file` (creating it when this computer does not have it).
fn apply(
    store: &mut Store,
    known: Option<DraftId>,
    name: &str,
    file: &DraftFile,
) -> Result<DraftId> {
    let id = match known {
        Some(id) => {
            let draft = store.draft(id)?;
            if draft.title != file.title || draft.body != file.body {
                store.save_draft(id, &file.title, &file.body, SaveKind::Explicit)?;
            }
            id
        }
        None => {
            store
                .create_draft_named(&file.title, &file.body, Some(name))?
                .id
        }
    };
    let draft = store.draft(id)?;
    match (draft.deleted_at.is_some(), file.trashed) {
        (false, true) => store.trash_draft(id)?,
        (true, false) => store.restore_draft(id)?,
        _ => {}
    }
    if draft.goal_chars != file.goal_chars {
        store.set_goal(id, file.goal_chars)?;
    }
    for posted in &file.published {
        store.take_synced_publication(id, posted)?;
    }
    Ok(id)
}

/// Keeps, for the author, the other side of each draft both computers changed in the same
/// lines, and names the drafts that came back (deleted on one side, changed on the other).
pub fn note_clashes(store: &mut Store, merged: &Merged, report: &mut SyncReport) -> Result<()> {
    for clash in &merged.clashes {
        let Some(name) = name_in(&clash.path, DRAFTS, "md") else {
            continue;
        };
        let Some(id) = store.draft_by_sync_id(&name)? else {
            continue;
        };
        let theirs = std::str::from_utf8(&clash.theirs)
            .ok()
            .and_then(|t| DraftFile::read(t).ok());
        match theirs {
            Some(theirs) => {
                // What the other computer published is taken whatever the text: a post it
                // made or updated must be updated from here too, never made again.
                for posted in &theirs.published {
                    store.take_synced_publication(id, posted)?;
                }
                let mine = store.draft(id)?;
                if mine.title != theirs.title || mine.body != theirs.body {
                    store.keep_sync_conflict(id, &theirs.title, &theirs.body)?;
                    report.conflicts.push(id);
                }
            }
            None => {
                tracing::warn!(path = %clash.path.display(), "the other side of a conflict does not read")
            }
        }
    }
    for path in &merged.kept {
        if let Some(name) = name_in(path, DRAFTS, "md")
            && let Some(id) = store.draft_by_sync_id(&name)?
        {
            report.kept.push(id);
        }
    }
    Ok(())
}

/// Where the file named `name` of `folder` lives: `folder/<first two characters>/name.extension`.
fn place(dir: &Path, folder: &str, name: &str, extension: &str) -> PathBuf {
    dir.join(relative(folder, name, extension))
}

/// [`place`] relative to the sync folder.
fn relative(folder: &str, name: &str, extension: &str) -> PathBuf {
    Path::new(folder)
        .join(bucket(name))
        .join(format!("{name}.{extension}"))
}

/// The sub-folder of a name: its first two characters (names are hex).
fn bucket(name: &str) -> &str {
    name.get(..2).unwrap_or("__")
}

/// The draft (or book) name of `path` if it is a file of `folder` with `extension`, in its
/// bucket.
fn name_in(path: &Path, folder: &str, extension: &str) -> Option<String> {
    let mut parts = path.components();
    let first = parts.next()?.as_os_str().to_str()?;
    let bucket_part = parts.next()?.as_os_str().to_str()?;
    let file = Path::new(parts.next()?.as_os_str());
    if first != folder || parts.next().is_some() {
        return None;
    }
    let name = file.file_stem()?.to_str()?;
    (file.extension()?.to_str()? == extension && bucket(name) == bucket_part)
        .then(|| name.to_owned())
}

/// The files of a folder's buckets with `extension` (any, if empty), by stem; none for a
/// missing folder.
fn files(dir: &Path, extension: &str) -> Result<Vec<(String, PathBuf)>> {
    let Ok(buckets) = std::fs::read_dir(dir) else {
        return Ok(Vec::new());
    };
    let mut found = Vec::new();
    for bucket in buckets
        .flatten()
        .filter(|b| b.file_type().is_ok_and(|t| t.is_dir()))
    {
        let Ok(entries) = std::fs::read_dir(bucket.path()) else {
            continue;
        };
        found.extend(
            entries
                .flatten()
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .map(|e| e.path())
                .filter(|p| {
                    extension.is_empty()
                        || p.extension().and_then(|e| e.to_str()) == Some(extension)
                })
                .filter_map(|p| Some((p.file_stem()?.to_str()?.to_owned(), p.clone()))),
        );
    }
    Ok(found)
}

/// Writes `bytes` to `path` unless it holds them already; answers whether it wrote.
fn write_if_changed(path: &Path, bytes: &[u8]) -> Result<bool> {
    if std::fs::read(path).is_ok_and(|old| old == bytes) {
        return Ok(false);
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|source| Error::WriteFile {
            path: parent.to_path_buf(),
            source,
        })?;
    }
    std::fs::write(path, bytes).map_err(|source| Error::WriteFile {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(true)
}

fn remove(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::WriteFile {
            path: path.to_path_buf(),
            source: e,
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blogsync_entries_are_known_by_their_folders() {
        for entry in [
            "example.hatenablog.com/entry/2026/12/01/090000.md",
            "entries/example.hatenablog.com/entry/my-post.md",
            "draft_entries/abc.md",
        ] {
            assert!(is_blogsync_entry(Path::new(entry)), "{entry}");
        }
        for other in [
            "entry/a.md",
            "README.md",
            "drafts/ab/abc.md",
            "x.com/entry/a.txt",
        ] {
            assert!(!is_blogsync_entry(Path::new(other)), "{other}");
        }
        let name = blogsync_name(Path::new("draft_entries/abc.md"));
        assert_eq!(name, blogsync_name(Path::new("draft_entries/abc.md")));
        assert_eq!(name.len(), 32);
    }
}
