//! Every draft out as Markdown files, and back in: `drafts/NNNN-title.md` (see
//! [`crate::markdown_file`]), `assets/<sha256>.<ext>` for the images they refer to, and
//! `books/NNNN-title.json` for the book a review is about (its facts, rating and dates).

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::image::Image;
use crate::markdown_file;
use crate::model::book::Book;
use crate::store::Store;

/// The folder of Markdown files inside an export.
pub const DRAFTS_FOLDER: &str = "drafts";
/// The folder of images inside an export.
pub const ASSETS_FOLDER: &str = "assets";
/// The folder of reviews' books inside an export, one JSON file beside each review's name.
pub const BOOKS_FOLDER: &str = "books";

/// What an export or an import moved.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Moved {
    pub drafts: usize,
    pub assets: usize,
}

/// Writes every draft (not the trash) and every image into `dir`, which must be empty or new.
pub fn export_all(store: &Store, dir: &Path) -> Result<Moved> {
    let in_use = std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some());
    if in_use {
        return Err(Error::ExportFolderNotEmpty(dir.to_path_buf()));
    }
    let (drafts_dir, assets_dir) = (dir.join(DRAFTS_FOLDER), dir.join(ASSETS_FOLDER));
    for d in [&drafts_dir, &assets_dir] {
        std::fs::create_dir_all(d).map_err(|source| write_error(d, source))?;
    }
    let mut summaries = store.list_drafts()?;
    summaries.sort_by_key(|s| s.id);
    for summary in &summaries {
        let draft = store.draft(summary.id)?;
        let stem = format!("{:04}-{}", draft.id, file_stem(&draft.title));
        let path = drafts_dir.join(format!("{stem}.md"));
        write(
            &path,
            markdown_file::write(&draft.title, &draft.body).as_bytes(),
        )?;
        if let Some(book) = store.book(draft.id)? {
            let books_dir = dir.join(BOOKS_FOLDER);
            std::fs::create_dir_all(&books_dir)
                .map_err(|source| write_error(&books_dir, source))?;
            // Strings, numbers and an ISBN always serialize.
            let json = serde_json::to_string_pretty(&book).unwrap_or_default();
            write(&books_dir.join(format!("{stem}.json")), json.as_bytes())?;
        }
    }
    let hashes = store.asset_hashes()?;
    for hash in &hashes {
        let image = store.asset(hash)?;
        let extension = Path::new(&image.file_name)
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("img");
        write(
            &assets_dir.join(format!("{hash}.{extension}")),
            &image.bytes,
        )?;
    }
    Ok(Moved {
        drafts: summaries.len(),
        assets: hashes.len(),
    })
}

/// Adds every draft and image of an export in `dir` to the store (images first, so no draft
/// ever points at a missing one).
pub fn import_all(store: &mut Store, dir: &Path) -> Result<Moved> {
    let mut moved = Moved {
        drafts: 0,
        assets: 0,
    };
    for path in files(&dir.join(ASSETS_FOLDER))? {
        let bytes = std::fs::read(&path).map_err(|source| Error::ReadFile {
            path: path.clone(),
            source,
        })?;
        let image = Image::from_bytes(bytes, &path.display().to_string())?;
        store.add_asset(&image)?;
        moved.assets += 1;
    }
    for path in files(&dir.join(DRAFTS_FOLDER))? {
        if path.extension().and_then(|e| e.to_str()) != Some("md") {
            continue;
        }
        let (title, body) = crate::draft_file::read_file(&path)?;
        let draft = store.create_draft(&title, &body)?;
        moved.drafts += 1;
        let book_path = path
            .file_stem()
            .map(|stem| dir.join(BOOKS_FOLDER).join(stem).with_extension("json"));
        if let Some(book_path) = book_path.filter(|p| p.is_file()) {
            let read = std::fs::read_to_string(&book_path).map_err(|source| Error::ReadFile {
                path: book_path.clone(),
                source,
            })?;
            let book: Book = serde_json::from_str(&read).map_err(|e| Error::ReadFile {
                path: book_path.clone(),
                source: std::io::Error::new(std::io::ErrorKind::InvalidData, e),
            })?;
            store.set_book(draft.id, &book)?;
        }
    }
    Ok(moved)
}

/// The files of a folder in name order (a missing folder has none).
fn files(dir: &Path) -> Result<Vec<PathBuf>> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(Vec::new());
    };
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    Ok(paths)
}

/// A title as a file name: no path separators or characters file systems refuse, 60 at most.
fn file_stem(title: &str) -> String {
    let stem: String = title
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .take(60)
        .collect();
    let stem = stem.trim().trim_matches('.');
    if stem.is_empty() {
        "untitled".into()
    } else {
        stem.into()
    }
}

fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    std::fs::write(path, bytes).map_err(|source| write_error(path, source))
}

fn write_error(path: &Path, source: std::io::Error) -> Error {
    Error::WriteFile {
        path: path.to_path_buf(),
        source,
    }
}
