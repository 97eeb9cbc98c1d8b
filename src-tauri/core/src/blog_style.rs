//! The blog's own look for the preview: the stylesheets of a public page of the blog (its
//! theme, the author's custom CSS, inline `<style>`s), read without credentials, made
//! self-contained (`@import`s read in, addresses made absolute) and unable to leave a `<style>`
//! element, and the document the window shows the preview in with them: a sandboxed frame with
//! a strict content security policy, so the blog's CSS cannot touch Fumi's own window and nothing
//! in the draft or the CSS can run.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{Tag, TagKind, TokenSinkResult, states::RawKind};
use url::Url;

use crate::error::{Error, Result};
use crate::html_scan::{TagsAndText, scan};
use crate::model::blog::BlogKind;
use crate::web_page;

/// The largest page and the largest stylesheet read.
const MAX_BYTES: usize = 2 * 1024 * 1024;
/// How many stylesheets (links and imports together) a page may bring.
const MAX_SHEETS: usize = 24;
/// The most CSS kept of a blog's look (a theme is a few hundred KiB).
const MAX_CSS: usize = 4 * 1024 * 1024;

/// The id of the element the preview's blocks go in, inside [`frame_document`].
pub const BLOCKS_ID: &str = "fumi-blocks";

/// Reads the stylesheets of the blog page at `page` and answers them as one stylesheet.
pub async fn read(page: &str) -> Result<String> {
    let failed = |detail: String| Error::BlogStyleFailed {
        url: page.to_owned(),
        detail,
    };
    let url = Url::parse(page).map_err(|e| failed(e.to_string()))?;
    let (at, html) = web_page::read(&url, MAX_BYTES).await.map_err(failed)?;
    let mut css = String::new();
    let mut budget = MAX_SHEETS;
    for sheet in sheets_of(&html) {
        match sheet {
            Sheet::Inline(text) => css.push_str(&self_contained(&text, &at, &mut budget).await),
            Sheet::Linked(href) => {
                let Ok(href) = at.join(&href) else { continue };
                // A look with a sheet missing is not the blog's: the one kept before stays.
                css.push_str(&linked(&href, &mut budget).await.map_err(|detail| {
                    Error::BlogStyleFailed {
                        url: href.to_string(),
                        detail,
                    }
                })?);
            }
        }
        css.push('\n');
        if css.len() > MAX_CSS {
            return Err(failed("more than 4 MiB of stylesheets".into()));
        }
    }
    Ok(css)
}

/// A linked stylesheet with its imports read in.
async fn linked(href: &Url, budget: &mut usize) -> std::result::Result<String, String> {
    if *budget == 0 {
        return Ok(String::new());
    }
    *budget -= 1;
    let (at, text) = web_page::read(href, MAX_BYTES).await?;
    Ok(self_contained(&text, &at, budget).await)
}

/// `css` (read at `base`) with its `@import`s read in (one level) and every address absolute.
async fn self_contained(css: &str, base: &Url, budget: &mut usize) -> String {
    let cleaned = clean(css, base);
    let mut out = String::new();
    for import in &cleaned.imports {
        // An import of an import is not followed: themes import one base sheet at most.
        if *budget == 0 {
            break;
        }
        *budget -= 1;
        if let Ok((at, text)) = web_page::read(import, MAX_BYTES).await {
            out.push_str(&clean(&text, &at).css);
            out.push('\n');
        }
    }
    out.push_str(&cleaned.css);
    out
}

/// A stylesheet as the frame may hold it, and the sheets it imported.
#[derive(Debug, PartialEq, Eq)]
struct Cleaned {
    css: String,
    imports: Vec<Url>,
}

/// Comments out, `@import` rules out (their addresses kept), `url(…)` made absolute (anything
/// but http(s) and data emptied), IE's and Firefox's script hooks (`expression(`, `behavior`,
/// `-moz-binding`) disarmed, and every `<` escaped, so the text can never end its `<style>`.
fn clean(css: &str, base: &Url) -> Cleaned {
    let mut out = String::with_capacity(css.len());
    let mut imports = Vec::new();
    let mut rest = css;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("/*") {
            rest = after.find("*/").map_or("", |end| &after[end + 2..]);
            continue;
        }
        if c == '"' || c == '\'' {
            let end = string_end(rest, c);
            out.push_str(&escape_lt(&rest[..end]));
            rest = &rest[end..];
            continue;
        }
        if starts_with_ignore_case(rest, "@import") {
            let end = rest.find(';').map_or(rest.len(), |i| i + 1);
            if let Some(href) = import_target(&rest[7..end]).and_then(|h| base.join(&h).ok())
                && matches!(href.scheme(), "http" | "https")
            {
                imports.push(href);
            }
            rest = &rest[end..];
            continue;
        }
        if starts_with_ignore_case(rest, "url(") {
            let (target, len) = url_token(rest);
            let absolute = base
                .join(&target)
                .ok()
                .filter(|u| matches!(u.scheme(), "http" | "https" | "data"))
                .map(String::from)
                .unwrap_or_default();
            out.push_str(&format!("url(\"{}\")", css_string(&absolute)));
            rest = &rest[len..];
            continue;
        }
        // At a word's start only: `scroll-behavior` is a property of today's CSS.
        let at_word_start = !out
            .chars()
            .next_back()
            .is_some_and(|p| p.is_alphanumeric() || p == '-' || p == '_');
        let disarmed = ["expression(", "behavior", "-moz-binding"]
            .into_iter()
            .find(|hook| at_word_start && starts_with_ignore_case(rest, hook));
        if let Some(hook) = disarmed {
            out.push_str("-fumi-disarmed-");
            rest = &rest[hook.len()..];
            continue;
        }
        // An old page's `<!--` … `-->` around its CSS is not CSS.
        if let Some(marker) = ["<!--", "-->"].into_iter().find(|m| rest.starts_with(m)) {
            rest = &rest[marker.len()..];
            continue;
        }
        if c == '<' {
            out.push_str("\\3c ");
        } else {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    Cleaned { css: out, imports }
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// Where the quoted string at the start of `text` ends (past its closing quote).
fn string_end(text: &str, quote: char) -> usize {
    let mut escaped = false;
    for (i, c) in text.char_indices().skip(1) {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            _ if c == quote => return i + 1,
            '\n' => return i,
            _ => {}
        }
    }
    text.len()
}

fn escape_lt(text: &str) -> String {
    text.replace('<', "\\3c ")
}

/// `url(…)` at the start of `text`: its address and the token's length.
fn url_token(text: &str) -> (String, usize) {
    let inner = &text[4..];
    let trimmed = inner.trim_start();
    let lead = inner.len() - trimmed.len();
    let (value, used) = match trimmed.chars().next() {
        Some(q @ ('"' | '\'')) => {
            let end = string_end(trimmed, q);
            (unquote(&trimmed[..end]), end)
        }
        _ => {
            let end = trimmed.find(')').unwrap_or(trimmed.len());
            (trimmed[..end].trim().to_owned(), end)
        }
    };
    let after = &trimmed[used..];
    let close = after.find(')').map_or(after.len(), |i| i + 1);
    (value, 4 + lead + used + close)
}

/// An `@import`'s address: `url(…)` or a string.
fn import_target(rule: &str) -> Option<String> {
    let rule = rule.trim_start();
    if starts_with_ignore_case(rule, "url(") {
        return Some(url_token(rule).0);
    }
    let quote = rule.chars().next().filter(|q| *q == '"' || *q == '\'')?;
    Some(unquote(&rule[..string_end(rule, quote)]))
}

fn unquote(quoted: &str) -> String {
    let inner = &quoted[1..];
    inner
        .strip_suffix(['"', '\''])
        .unwrap_or(inner)
        .replace("\\\"", "\"")
        .replace("\\'", "'")
}

/// `text` as the inside of a double-quoted CSS string.
fn css_string(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('<', "\\3c ")
        .replace(['\n', '\r'], "")
}

/// A stylesheet of a page, in document order.
#[derive(Debug, PartialEq, Eq)]
enum Sheet {
    Linked(String),
    Inline(String),
}

/// The page's `<link rel="stylesheet">`s (not for print) and `<style>`s, in order.
fn sheets_of(html: &str) -> Vec<Sheet> {
    scan(html, Sink::default()).sheets.into_inner()
}

#[derive(Default)]
struct Sink {
    sheets: RefCell<Vec<Sheet>>,
    in_style: RefCell<Option<String>>,
}

impl TagsAndText for Sink {
    fn tag(&self, tag: &Tag) -> TokenSinkResult<()> {
        let attr = |key: &str| {
            tag.attrs
                .iter()
                .find(|a| a.name.local.as_ref().eq_ignore_ascii_case(key))
                .map(|a| a.value.to_string())
        };
        match (tag.kind, &*tag.name) {
            (TagKind::StartTag, "link") => {
                let stylesheet = attr("rel").is_some_and(|rel| {
                    rel.split_ascii_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("stylesheet"))
                });
                let for_screen =
                    attr("media").is_none_or(|m| !m.trim().eq_ignore_ascii_case("print"));
                if stylesheet
                    && for_screen
                    && let Some(href) = attr("href")
                {
                    self.sheets.borrow_mut().push(Sheet::Linked(href));
                }
                TokenSinkResult::Continue
            }
            (TagKind::StartTag, "style") => {
                *self.in_style.borrow_mut() = Some(String::new());
                TokenSinkResult::RawData(RawKind::Rawtext)
            }
            (TagKind::EndTag, "style") => {
                if let Some(text) = self.in_style.borrow_mut().take() {
                    self.sheets.borrow_mut().push(Sheet::Inline(text));
                }
                TokenSinkResult::Continue
            }
            (TagKind::StartTag, "script") => TokenSinkResult::RawData(RawKind::ScriptData),
            _ => TokenSinkResult::Continue,
        }
    }

    fn text(&self, text: &StrTendril) {
        if let Some(style) = self.in_style.borrow_mut().as_mut() {
            style.push_str(text);
        }
    }
}

/// The document the window shows the preview in with the blog's look: the blog's CSS, the
/// markup its theme styles a post by, and an empty element for the blocks. The window puts it
/// in a sandboxed frame (no scripts); its policy allows no script, no connection and no frame,
/// only the styles in it and images (web fonts too by this policy, but the frame also keeps the
/// window's, which takes fonts from the app only). Links are inert: a frame without scripts runs
/// no listener that could keep one from navigating it.
pub fn frame_document(kind: BlogKind, css: &str) -> String {
    // Themes style a post through the markup of the blog's own post page.
    let (body_class, open, close) = match kind {
        BlogKind::Hatena => (
            "page-entry",
            r#"<div id="container"><div id="content"><div id="main"><div id="main-inner"><article class="entry hentry"><div class="entry-inner"><div class="entry-content hatenablog-entry">"#,
            "</div></div></article></div></div></div></div>",
        ),
        BlogKind::WordPress | BlogKind::MetaWeblog => (
            "single single-post wp-singular",
            r#"<div class="wp-site-blocks"><main class="site-main"><article class="post type-post hentry"><div class="entry-content wp-block-post-content">"#,
            "</div></article></main></div>",
        ),
    };
    format!(
        "<!doctype html><html lang=\"ja\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data: fumi-asset: http://fumi-asset.localhost; font-src https: data:\">\
         <style>{css}</style><style>#{BLOCKS_ID} a[href] {{ pointer-events: none; }}</style></head><body class=\"{body_class}\">{open}<div id=\"{BLOCKS_ID}\"></div>{close}</body></html>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("https://blog.example/css/theme.css").expect("url")
    }

    #[test]
    fn a_page_names_its_stylesheets_in_order_and_scripts_hide_nothing() {
        let html = r#"<html><head>
            <link rel="stylesheet" href="/css/a.css">
            <script>var s = "<link rel='stylesheet' href='/evil.css'>";</script>
            <link rel="preload stylesheet" href="b.css" media="all">
            <link rel="stylesheet" href="/print.css" media="print">
            <style>.entry-content { color: #333 }</style>
            <link rel="icon" href="/favicon.ico">
            </head><body></body></html>"#;
        assert_eq!(
            sheets_of(html),
            [
                Sheet::Linked("/css/a.css".into()),
                Sheet::Linked("b.css".into()),
                Sheet::Inline(".entry-content { color: #333 }".into()),
            ]
        );
    }

    #[test]
    fn the_css_keeps_its_rules_loses_its_hooks_and_cannot_end_its_style_element() {
        let css = r#"@import url("base.css");
@import 'https://cdn.example/fonts.css' screen;
/* a comment with </style> */
.entry-content h2 { background: url(../img/h2.png) no-repeat; }
.x { width: expression(alert(1)); behavior: url(x.htc); -moz-binding: url(x.xml#b); }
.y { background: url('javascript:alert(1)'); content: "</style><script>alert(1)</script>"; }
.z::before { content: '<'; }
<!-- .w { scroll-behavior: smooth; overscroll-behavior: none; } -->"#;
        let cleaned = clean(css, &base());
        assert_eq!(
            cleaned.imports,
            [
                Url::parse("https://blog.example/css/base.css").expect("url"),
                Url::parse("https://cdn.example/fonts.css").expect("url"),
            ]
        );
        let out = cleaned.css;
        assert!(
            out.contains(r#".entry-content h2 { background: url("https://blog.example/img/h2.png") no-repeat; }"#),
            "{out}"
        );
        for gone in [
            "@import",
            "expression(",
            "; behavior",
            "-moz-binding",
            "javascript:",
            "<",
            "comment",
        ] {
            assert!(!out.to_ascii_lowercase().contains(gone), "{gone} in {out}");
        }
        assert!(out.contains(r#"content: "\3c /style>\3c script>"#), "{out}");
        assert!(
            out.contains(".w { scroll-behavior: smooth; overscroll-behavior: none; }"),
            "{out}"
        );
    }

    #[test]
    fn the_frame_allows_no_script_and_holds_the_css() {
        let doc = frame_document(BlogKind::Hatena, ".entry-content{color:red}");
        assert!(doc.contains("default-src 'none'"));
        assert!(!doc.contains("script-src"));
        assert!(doc.contains(".entry-content{color:red}"));
        assert!(doc.contains(&format!(r#"<div id="{BLOCKS_ID}"></div>"#)));
        assert!(doc.contains(r#"class="entry-content hatenablog-entry""#));
    }
}
