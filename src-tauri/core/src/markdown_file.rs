//! A draft as a Markdown file: its title in the front matter, its body exactly as written. The
//! format of export-all and import-all, and of files opened with Fumi.
//!
//! The title goes in as the first line of the body's own settings block, or in a block of its
//! own when the body has none; [`read`] takes out exactly what [`write`] put in, so a round
//! trip gives back every byte.

use crate::front_matter::DELIMITER;

const OPEN: &str = "---\n";
const TITLE_KEY: &str = "title: ";

/// The file for a draft.
pub fn write(title: &str, body: &str) -> String {
    // A JSON string is a YAML double-quoted scalar on one line, whatever the title holds.
    let title = serde_json::to_string(title).unwrap_or_else(|_| "\"\"".into());
    let merges = body.starts_with(OPEN)
        && crate::front_matter::block(body).is_some_and(|(yaml, _)| !yaml.is_empty());
    if merges {
        format!("{OPEN}{TITLE_KEY}{title}\n{}", &body[OPEN.len()..])
    } else {
        format!("{OPEN}{TITLE_KEY}{title}\n{DELIMITER}\n{body}")
    }
}

/// The title (if the file carries one as [`write`] puts it) and the body.
pub fn read(text: &str) -> (Option<String>, String) {
    let Some(rest) = text
        .strip_prefix(OPEN)
        .and_then(|r| r.strip_prefix(TITLE_KEY))
    else {
        return (None, text.to_owned());
    };
    let Some((value, after)) = rest.split_once('\n') else {
        return (None, text.to_owned());
    };
    let Ok(title) = serde_json::from_str::<String>(value) else {
        return (None, text.to_owned());
    };
    // Without the title line, a block of the title's own is an empty block: `---` twice.
    let body = match after.strip_prefix(OPEN) {
        Some(body) => body.to_owned(),
        None => format!("{OPEN}{after}"),
    };
    (Some(title), body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_body_comes_back_byte_for_byte() {
        let bodies = [
            "",
            "本文だけ。\n",
            "---\ncategories: [書評]\n---\n# 本文\n",
            "---\n---\n空のブロックから始まる。\n",
            "---\r\ntags: x\r\n---\r\nCRLF の本文\r\n",
            "---\nnot closed\n",
            "---",
        ];
        let titles = ["『三体』を読んで", "", "a \"quoted\"\ntitle", "---"];
        for body in bodies {
            for title in titles {
                let file = write(title, body);
                assert_eq!(
                    read(&file),
                    (Some(title.to_owned()), body.to_owned()),
                    "{file:?}"
                );
            }
        }
    }

    #[test]
    fn a_file_without_fumis_title_is_all_body() {
        let text = "---\ntitle: Hugo style\n---\nbody\n";
        assert_eq!(read(text), (None, text.to_owned()));
    }
}
