//! A draft read from a Markdown file: its text (UTF-8, within a draft's size) and its title.

use std::io::Read;
use std::path::Path;

use crate::model::draft::{MAX_TEXT_BYTES, check_size};

/// Reads the text of a draft from `reader` (a file at `path`, or standard input): at most
/// [`MAX_TEXT_BYTES`] are read, and the text must be UTF-8.
pub fn read_text(path: &Path, reader: impl Read) -> crate::error::Result<String> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_TEXT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| crate::error::Error::ReadFile {
            path: path.to_path_buf(),
            source,
        })?;
    check_size(&path.display().to_string(), bytes.len())?;
    String::from_utf8(bytes).map_err(|e| crate::error::Error::NotUtf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// Reads a Markdown file for a draft: its title and body as [`crate::markdown_file`] reads
/// them, the title else the file's name without the extension.
pub fn read_file(path: &Path) -> crate::error::Result<(String, String)> {
    let file = std::fs::File::open(path).map_err(|source| crate::error::Error::ReadFile {
        path: path.to_path_buf(),
        source,
    })?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    Ok(from_markdown_file(&name, &read_text(path, file)?))
}

/// A draft's title and body from a Markdown file's text: the title in its front matter, else
/// the file's `name` without the extension.
pub fn from_markdown_file(name: &str, text: &str) -> (String, String) {
    let (title, body) = crate::markdown_file::read(text);
    let title = title.unwrap_or_else(|| {
        Path::new(name)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    });
    (title, body)
}
