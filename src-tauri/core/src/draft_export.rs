//! One draft out as a file: Markdown with its title in the front matter (what `fumi FILE.md`
//! reads back), or a standalone HTML page that opens anywhere, its images inside it.

use std::path::Path;

use base64::Engine;

use crate::error::{Error, Result};
use crate::image::{ASSET_SCHEME, Image, LocalImage};
use crate::markdown_file;
use crate::model::draft::{Draft, DraftId};
use crate::render::{Flavor, Renderer};
use crate::store::Store;

/// The kind of file a draft is exported as.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DraftFormat {
    Markdown,
    Html,
}

/// Writes draft `id` to `path` in `format`.
pub fn export_draft(
    store: &Store,
    renderer: &Renderer,
    id: DraftId,
    format: DraftFormat,
    path: &Path,
) -> Result<()> {
    let draft = store.draft(id)?;
    let text = match format {
        DraftFormat::Markdown => markdown_file::write(&draft.title, &draft.body),
        DraftFormat::Html => standalone_html(store, renderer, &draft),
    };
    std::fs::write(path, text).map_err(|source| Error::WriteFile {
        path: path.to_path_buf(),
        source,
    })
}

/// The draft as one HTML page: title, rendered body (sanitized as in the preview), a readable
/// style, and every local image embedded as a `data:` URL so the file stands alone.
pub fn standalone_html(store: &Store, renderer: &Renderer, draft: &Draft) -> String {
    // The sanitizer allows no `data:` URL, so each local image gets a placeholder through it
    // and its data after it: the data is Fumi's own base64, never the author's HTML.
    let embedded = std::cell::RefCell::new(Vec::new());
    let placeholder = |url: &str| -> Option<String> {
        let image = match LocalImage::from_url(url)? {
            LocalImage::Asset(hash) => store.asset(&hash).ok()?,
            LocalImage::File(path) => Image::read_file(&path).ok()?,
        };
        let data = base64::engine::general_purpose::STANDARD.encode(&image.bytes);
        let mut embedded = embedded.borrow_mut();
        embedded.push(format!("data:{};base64,{data}", image.mime));
        Some(format!("{ASSET_SCHEME}embedded-{}", embedded.len() - 1))
    };
    let card = crate::book::card::for_draft(store, draft.id, &placeholder, Flavor::Plain);
    let mut body = renderer
        .render_with_images(&draft.body, &placeholder, card.as_deref())
        .html;
    for (i, data) in embedded.into_inner().iter().enumerate() {
        body = body.replace(
            &format!("src=\"{ASSET_SCHEME}embedded-{i}\""),
            &format!("src=\"{data}\""),
        );
    }
    let title = quick_xml::escape::escape(draft.title.as_str());
    format!(
        "<!doctype html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"Fumi {version}\">\n<title>{title}</title>\n\
         <style>\n{STYLE}{code}</style>\n</head>\n<body>\n<article>\n<h1>{title}</h1>\n{body}</article>\n\
         </body>\n</html>\n",
        version = env!("CARGO_PKG_VERSION"),
        code = crate::render::theme_css(),
    )
}

/// A reading style for the page, Japanese faces first (light only, like the code colours).
const STYLE: &str = "body{margin:0;padding:2rem 1rem;line-height:1.8;font-family:\"Hiragino Sans\",\
\"Noto Sans CJK JP\",\"Yu Gothic\",system-ui,sans-serif;color:#222;background:#fff}\
article{max-width:42rem;margin:0 auto}img{max-width:100%;height:auto}\
pre{overflow-x:auto;padding:.8rem;border-radius:4px}blockquote{margin-left:0;padding-left:1rem;\
border-left:3px solid #ccc;color:#555}table{border-collapse:collapse}td,th{border:1px solid #ccc;\
padding:.3rem .6rem}\n";
