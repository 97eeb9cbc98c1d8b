//! What the command line reads besides its arguments: Markdown from a file or standard input,
//! and a blog's secret.

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};

use fumi_core::{Error, args};

/// Reads UTF-8 text from a file, or from standard input for `-` or no file. Reads at most one
/// byte more than a draft can hold, so a huge file is refused without being read into memory.
pub(super) fn text(file: Option<&Path>) -> Result<String, Error> {
    let (path, reader): (PathBuf, Box<dyn Read>) = match file {
        Some(path) if path != Path::new("-") => {
            let f = std::fs::File::open(path).map_err(|source| Error::ReadFile {
                path: path.to_path_buf(),
                source,
            })?;
            (path.to_path_buf(), Box::new(f))
        }
        _ => (PathBuf::from("standard input"), Box::new(std::io::stdin())),
    };
    fumi_core::draft_file::read_text(&path, reader)
}

/// A draft's body for `drafts new`: the file, else a piped standard input; at a terminal with
/// no file, empty.
pub(super) fn body(file: Option<&Path>) -> Result<String, Error> {
    match file {
        None if std::io::stdin().is_terminal() => Ok(String::new()),
        file => text(file),
    }
}

/// Reads a secret: a line of piped standard input, or typed without echo at a terminal.
pub(super) fn secret() -> Result<String, Error> {
    let secret = if std::io::stdin().is_terminal() {
        rpassword::prompt_password(super::say("cli-secret-prompt", &args! {}))
    } else {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line).map(|_| line)
    };
    secret
        .map(|s| s.trim_end_matches(['\r', '\n']).to_owned())
        .map_err(|source| Error::ReadFile {
            path: PathBuf::from("standard input"),
            source,
        })
}
