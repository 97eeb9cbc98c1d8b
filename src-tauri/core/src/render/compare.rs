//! The blog's own HTML of a post beside Fumi's preview of it: the blog's top-level blocks, each
//! marked when the preview has no block like it.
//!
//! Two blocks are alike when they are the same element with the same words: whitespace, line
//! breaks, attributes and ids (which every renderer writes its own way) are left out. A page the
//! blog embeds (Hatena's card frame) and Fumi's card for it are alike when they name the same
//! page; math is compared by its place only (the blog leaves `[tex:…]` to MathJax in the reader's
//! browser, Fumi draws MathML).

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{Tag, TagKind, TokenSinkResult, states::RawKind};
use quick_xml::escape::escape;

use crate::html_scan::{TagsAndText, scan};

/// One top-level block of the blog's HTML.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BlogBlock {
    /// Sanitized HTML, safe to show.
    pub html: String,
    /// Whether Fumi's preview has no block like it.
    pub differs: bool,
}

/// Hatena's embed frame's host: its `src` carries the embedded page's address as `url`.
const HATENA_EMBED_HOST: &str = "hatenablog-parts.com";

/// The blog's HTML (`blog`, as the blog answered it) in blocks, each compared with Fumi's
/// preview of the same text (`local`, sanitized HTML); `clean` sanitizes one block.
pub(super) fn compare(local: &str, blog: &str, clean: impl Fn(&str) -> String) -> Vec<BlogBlock> {
    let local: Vec<String> = blocks_of(local).into_iter().map(|b| b.signature).collect();
    let blog: Vec<Block> = blocks_of(blog)
        .into_iter()
        .map(|b| Block {
            html: clean(&b.html),
            signature: b.signature,
        })
        .filter(|b| !b.html.trim().is_empty())
        .collect();
    let alike = common(&blog, &local);
    blog.into_iter()
        .zip(alike)
        .map(|(b, alike)| BlogBlock {
            html: b.html,
            differs: !alike,
        })
        .collect()
}

/// For each of `blog`'s blocks, whether it is in a longest common run of blocks with `local`.
/// The blocks alike at both ends are matched first: the table the rest needs (n × m) is then
/// only as large as the part where the two differ.
fn common(blog: &[Block], local: &[String]) -> Vec<bool> {
    let same = |(b, l): (&Block, &String)| b.signature == *l;
    let head = blog.iter().zip(local).take_while(|&p| same(p)).count();
    let tail = blog[head..]
        .iter()
        .rev()
        .zip(local[head..].iter().rev())
        .take_while(|&p| same(p))
        .count();
    let mut alike = vec![true; head];
    alike.extend(common_within(
        &blog[head..blog.len() - tail],
        &local[head..local.len() - tail],
    ));
    alike.extend(std::iter::repeat_n(true, tail));
    alike
}

/// The largest table [`common_within`] builds (cells of 4 bytes: 16 MiB).
const MAX_CELLS: usize = 4 * 1024 * 1024;

/// [`common`] by a longest common subsequence, for the part where the two differ; past
/// [`MAX_CELLS`] (a blog's answer is the network's to size), a block is alike when the preview
/// has a block like it not yet taken, order aside.
fn common_within(blog: &[Block], local: &[String]) -> Vec<bool> {
    let (n, m) = (blog.len(), local.len());
    if (n + 1).saturating_mul(m + 1) > MAX_CELLS {
        let mut left: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for l in local {
            *left.entry(l.as_str()).or_default() += 1;
        }
        return blog
            .iter()
            .map(|b| match left.get_mut(b.signature.as_str()) {
                Some(count) if *count > 0 => {
                    *count -= 1;
                    true
                }
                _ => false,
            })
            .collect();
    }
    // lengths[i][j]: the longest common subsequence of blog[i..] and local[j..].
    let mut lengths = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lengths[i][j] = if blog[i].signature == local[j] {
                lengths[i + 1][j + 1] + 1
            } else {
                lengths[i + 1][j].max(lengths[i][j + 1])
            };
        }
    }
    let mut alike = vec![false; n];
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if blog[i].signature == local[j] {
            alike[i] = true;
            i += 1;
            j += 1;
        } else if lengths[i + 1][j] >= lengths[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    alike
}

/// A top-level block: its HTML as written again from its tokens, and what it is compared by.
#[derive(Debug, Default)]
struct Block {
    html: String,
    signature: String,
}

/// The top-level blocks of `html`, in order (text between blocks is a block of its own).
fn blocks_of(html: &str) -> Vec<Block> {
    let sink = scan(html, Sink::default());
    sink.close_block();
    sink.blocks.into_inner()
}

/// Elements that never have content or an end tag.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

#[derive(Default)]
struct Sink {
    blocks: RefCell<Vec<Block>>,
    state: RefCell<State>,
}

#[derive(Default)]
struct State {
    current: Block,
    /// How deep inside the current block the tokens are.
    depth: usize,
    /// Inside `<math>` (depth), `<script>`/`<style>`, or a card: text that is not compared.
    math: usize,
    hidden: bool,
    card: bool,
    /// Inside Hatena's card frame (written as a card, no depth of its own).
    in_card_frame: bool,
}

impl Sink {
    fn close_block(&self) {
        let mut state = self.state.borrow_mut();
        let mut block = std::mem::take(&mut state.current);
        state.card = false;
        block.signature = without_tex(&block.signature);
        if !block.html.trim().is_empty() {
            self.blocks.borrow_mut().push(block);
        }
    }
}

impl TagsAndText for Sink {
    fn tag(&self, tag: &Tag) -> TokenSinkResult<()> {
        let name = &*tag.name;
        let attr = |key: &str| {
            tag.attrs
                .iter()
                .find(|a| &*a.name.local == key)
                .map(|a| a.value.to_string())
        };
        let mut state = self.state.borrow_mut();
        match tag.kind {
            TagKind::StartTag => {
                if state.depth == 0 && !state.current.html.trim().is_empty() {
                    drop(state);
                    self.close_block();
                    state = self.state.borrow_mut();
                }
                if name == "iframe"
                    && let Some(page) = attr("src").and_then(|src| embedded_page(&src))
                {
                    // Hatena's card, as the card Fumi draws for the same page.
                    let page = escape(&page).into_owned();
                    state.current.html.push_str(&format!(
                        r#"<div class="fumi-card"><a href="{page}">{page}</a></div>"#
                    ));
                    if state.depth == 0 {
                        state.current.signature = format!("card:{page}");
                    }
                    state.hidden = true;
                    state.in_card_frame = true;
                    return TokenSinkResult::RawData(RawKind::Rawtext);
                }
                let is_card = attr("class").is_some_and(|c| c.split(' ').any(|c| c == "fumi-card"));
                if state.depth == 0 {
                    state.current.signature = format!("{name}:");
                }
                if is_card && !state.card {
                    state.card = true;
                    state.current.signature = "card:".to_owned();
                } else if state.card && name == "a" && state.current.signature == "card:" {
                    let href = escape(attr("href").unwrap_or_default()).into_owned();
                    state.current.signature.push_str(&href);
                }
                state.current.html.push('<');
                state.current.html.push_str(name);
                for a in &tag.attrs {
                    state.current.html.push_str(&format!(
                        " {}=\"{}\"",
                        &*a.name.local,
                        escape(&*a.value)
                    ));
                }
                state.current.html.push('>');
                if name == "math" {
                    state.math += 1;
                }
                let raw = match name {
                    "script" | "style" => Some(RawKind::Rawtext),
                    _ => None,
                };
                if raw.is_some() {
                    state.hidden = true;
                }
                if !tag.self_closing && !is_void(name) {
                    state.depth += 1;
                } else if state.depth == 0 {
                    drop(state);
                    self.close_block();
                    return TokenSinkResult::Continue;
                }
                match raw {
                    Some(kind) => TokenSinkResult::RawData(kind),
                    None => TokenSinkResult::Continue,
                }
            }
            TagKind::EndTag => {
                if name == "iframe" && state.in_card_frame {
                    state.hidden = false;
                    state.in_card_frame = false;
                    if state.depth == 0 {
                        drop(state);
                        self.close_block();
                    }
                    return TokenSinkResult::Continue;
                }
                if matches!(name, "script" | "style") {
                    state.hidden = false;
                }
                if name == "math" {
                    state.math = state.math.saturating_sub(1);
                }
                if is_void(name) || state.depth == 0 {
                    return TokenSinkResult::Continue;
                }
                state.current.html.push_str(&format!("</{name}>"));
                state.depth -= 1;
                if state.depth == 0 {
                    drop(state);
                    self.close_block();
                }
                TokenSinkResult::Continue
            }
        }
    }

    fn text(&self, text: &StrTendril) {
        let mut state = self.state.borrow_mut();
        if state.hidden {
            return;
        }
        if state.depth == 0 && text.trim().is_empty() {
            return;
        }
        if state.depth == 0 && state.current.signature.is_empty() {
            state.current.signature = "text:".to_owned();
        }
        state.current.html.push_str(&escape(&**text));
        if state.math == 0 && !state.card {
            let words: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            state.current.signature.push_str(&words);
        }
    }
}

/// The page a Hatena embed frame shows.
fn embedded_page(src: &str) -> Option<String> {
    let src = url::Url::parse(src).ok()?;
    if src.host_str() != Some(HATENA_EMBED_HOST) || src.path() != "/embed" {
        return None;
    }
    let (_, page) = src.query_pairs().find(|(key, _)| key == "url")?;
    (page.starts_with("https://") || page.starts_with("http://")).then(|| page.into_owned())
}

/// Words with `[tex:…]` taken out: math is compared by its place, not its words.
fn without_tex(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("[tex:") {
        out.push_str(&rest[..at]);
        match rest[at..].find(']') {
            Some(end) => rest = &rest[at + end + 1..],
            None => {
                rest = &rest[at..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn differs(local: &str, blog: &str) -> Vec<bool> {
        compare(local, blog, str::to_owned)
            .into_iter()
            .map(|b| b.differs)
            .collect()
    }

    #[test]
    fn blocks_alike_in_words_are_not_marked_whatever_their_attributes_and_spaces() {
        let local = r##"<h1 id="h-見出し" data-sourcepos="1:1-1:9">見出し<a class="anchor" href="#h-見出し"></a></h1>
<p data-sourcepos="2:1-3:3">一行目<br>
二行目</p>
<hr class="fumi-more">
<div class="fumi-card"><a href="https://example.com/a"><span class="fumi-card-title">題</span></a></div>"##;
        let blog = r#"<h1 id="見出し">見出し</h1>
<p>一行目<br />二行目</p>
<!-- more -->
<iframe src="https://hatenablog-parts.com/embed?url=https%3A%2F%2Fexample.com%2Fa" scrolling="no"></iframe>
<p>違う段落</p>"#;
        assert_eq!(differs(local, blog), [false, false, false, true]);
        let blocks = compare(local, blog, str::to_owned);
        assert!(
            blocks[2]
                .html
                .contains(r#"<a href="https://example.com/a">"#),
            "{blocks:?}"
        );
    }

    #[test]
    fn a_block_missing_or_changed_is_marked_and_the_rest_still_line_up() {
        let local = "<p>一</p><p>二</p><p>三</p><p>四</p>";
        let blog = "<p>一</p><p>弐</p><p>三</p><ul><li>四</li></ul><script>x()</script>";
        assert_eq!(differs(local, blog), [false, true, false, true, true]);
        // A block the sanitizer empties is not shown at all.
        let shown = compare(local, blog, |h| {
            if h.contains("script") {
                String::new()
            } else {
                h.to_owned()
            }
        });
        assert_eq!(shown.len(), 4);
    }

    #[test]
    fn a_long_post_alike_but_for_one_block_marks_that_block() {
        let local: String = (0..5000).map(|i| format!("<p>段落{i}</p>")).collect();
        let blog = local.replace("<p>段落2500</p>", "<p>違う段落</p>");
        let differs = differs(&local, &blog);
        assert_eq!(differs.len(), 5000);
        let marked: Vec<usize> = (0..differs.len()).filter(|&i| differs[i]).collect();
        assert_eq!(marked, [2500]);
    }

    #[test]
    fn a_frame_that_is_not_a_card_ends_its_block() {
        let local = "<p>前</p><p>後</p>";
        let blog = r#"<figure><iframe src="https://www.youtube.com/embed/x"></iframe></figure><p>前</p><p>後</p>"#;
        assert_eq!(differs(local, blog), [true, false, false]);
    }

    #[test]
    fn tex_is_left_out_of_the_words() {
        assert_eq!(without_tex("a[tex:x^2]b[tex:y"), "ab[tex:y");
    }
}
