//! A draft's tags: the front matter's `tags` and `categories`, read for the library and written
//! back into the text when the author edits them.
//!
//! The draft's text stays the one place they live (it is what is published and exported); the
//! store keeps an index of them for filtering.

use crate::front_matter::{self, DELIMITER};

/// The labels a draft's post carries, its categories then its tags, each once. A front matter
/// that does not parse has none (the author sees the parse error in the preview).
pub fn labels(markdown: &str) -> Vec<String> {
    let Ok(split) = front_matter::split(markdown) else {
        return Vec::new();
    };
    let mut labels: Vec<String> = Vec::new();
    for label in split
        .front_matter
        .categories
        .into_iter()
        .chain(split.front_matter.tags)
    {
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    labels
}

/// The front matter's own `tags` (not its categories): what [`with_tags`] replaces.
pub fn tags(markdown: &str) -> Vec<String> {
    front_matter::split(markdown)
        .map(|s| s.front_matter.tags)
        .unwrap_or_default()
}

/// The draft's text with its front matter's `tags` key set to `tags` (removed when empty). Every
/// other line, comments included, is kept as the author wrote it.
pub fn with_tags(markdown: &str, tags: &[String]) -> String {
    let tags: Vec<&str> = tags
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .collect();
    let line = (!tags.is_empty()).then(|| tags_line(&tags));
    let Some((yaml, body)) = front_matter::block(markdown) else {
        return match line {
            Some(line) => format!("{DELIMITER}\n{line}{DELIMITER}\n\n{markdown}"),
            None => markdown.to_owned(),
        };
    };
    let mut kept = String::new();
    let mut replaced = false;
    let mut in_tags = false;
    for l in yaml.split_inclusive('\n') {
        let key = l.split(':').next().unwrap_or_default();
        if in_tags && (l.starts_with([' ', '\t', '-']) || l.trim().is_empty()) {
            // A block list's items (or blank lines inside it) belong to the old key.
            continue;
        }
        in_tags = false;
        if key == "tags" || key == "tag" {
            in_tags = true;
            if let Some(line) = line.as_ref().filter(|_| !replaced) {
                kept.push_str(line);
            }
            replaced = true;
            continue;
        }
        kept.push_str(l);
    }
    if !replaced && let Some(line) = &line {
        if !kept.is_empty() && !kept.ends_with('\n') {
            kept.push('\n');
        }
        kept.push_str(line);
    }
    if kept.trim().is_empty() {
        // Nothing left to say: no block at all, and no blank line where it was.
        return body.strip_prefix('\n').unwrap_or(body).to_owned();
    }
    format!("{DELIMITER}\n{kept}{DELIMITER}\n{body}")
}

/// `tags: [読書, "a, b"]`: plain where YAML reads it back as the same string, quoted otherwise.
fn tags_line(tags: &[&str]) -> String {
    let items: Vec<String> = tags.iter().map(|t| flow_scalar(t)).collect();
    format!("tags: [{}]\n", items.join(", "))
}

fn flow_scalar(tag: &str) -> String {
    // The YAML serializer quotes what block context needs (numbers, `true`, `: `…); a flow list
    // also ends plain scalars at `,[]{}`, so those are quoted too.
    let plain = serde_yaml_ng::to_string(tag).unwrap_or_default();
    let plain = plain.trim_end_matches('\n');
    if plain.contains([',', '[', ']', '{', '}', '\n']) || plain.is_empty() {
        serde_json::to_string(tag).unwrap_or_default()
    } else {
        plain.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn labels_are_categories_then_tags_once() {
        assert_eq!(
            labels("---\ncategories: [読書, SF]\ntags: [SF, 劉慈欣]\n---\n本文"),
            ["読書", "SF", "劉慈欣"]
        );
        assert!(labels("本文").is_empty());
        assert_eq!(
            super::tags("---\ncategories: [読書]\ntags: SF\n---\n"),
            ["SF"]
        );
        assert!(labels("---\ntags: [unclosed\n---\n").is_empty());
    }

    #[test]
    fn adds_a_block_to_a_draft_without_one() {
        let text = with_tags("# 本文\n", &tags(&["読書"]));
        assert_eq!(text, "---\ntags: [読書]\n---\n\n# 本文\n");
        assert_eq!(with_tags("# 本文\n", &[]), "# 本文\n");
    }

    #[test]
    fn replaces_only_the_tags_line_keeping_comments_and_order() {
        let before = "---\nslug: a   # the address\ntags: old\ncategories: [読書]\n---\n本文";
        assert_eq!(
            with_tags(before, &tags(&["新", "SF"])),
            "---\nslug: a   # the address\ntags: [新, SF]\ncategories: [読書]\n---\n本文"
        );
    }

    #[test]
    fn replaces_a_block_list_and_the_tag_alias() {
        let before = "---\ntags:\n  - a\n  - b\nslug: s\n---\n本文";
        assert_eq!(
            with_tags(before, &tags(&["c"])),
            "---\ntags: [c]\nslug: s\n---\n本文"
        );
        assert_eq!(
            with_tags("---\ntag: x\n---\n本文", &tags(&["y"])),
            "---\ntags: [y]\n---\n本文"
        );
    }

    #[test]
    fn removing_the_last_key_removes_the_block() {
        assert_eq!(with_tags("---\ntags: [a]\n---\n\n本文", &[]), "本文");
        assert_eq!(
            with_tags("---\nslug: s\ntags: [a]\n---\n本文", &[]),
            "---\nslug: s\n---\n本文"
        );
    }

    #[test]
    fn any_tag_reads_back_as_written() {
        let odd = tags(&[
            "a, b",
            "[x]",
            "2024",
            "true",
            "key: value",
            "#hash",
            "'q'",
            "\"dq\"",
            "本 の",
            "-",
            "{}",
            "null",
            "~",
            "é",
        ]);
        let text = with_tags("---\nslug: s\n---\n本文", &odd);
        let split = front_matter::split(&text).expect(&text);
        assert_eq!(split.front_matter.tags, odd, "{text}");
        assert_eq!(split.body, "本文");
    }
}
