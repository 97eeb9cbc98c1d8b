//! The sanitized HTML turned into the post a blog stores: the read-more cut and embeds as the
//! blog reads them, and none of the preview's own links and attributes.

use super::notation::{EMBED_CLASS, MORE_CLASS};

/// The post as the blog receives it.
pub(super) fn for_the_blog(html: &str) -> String {
    let html = html.replace(&format!(r#"<hr class="{MORE_CLASS}">"#), "<!--more-->");
    let html = unwrap_embeds(&html);
    drop_heading_anchors(&html)
}

/// `<p class="fumi-embed">URL</p>` → the URL alone on its line, which WordPress embeds (oEmbed).
fn unwrap_embeds(html: &str) -> String {
    super::marked::replace(html, "p", EMBED_CLASS, |url| Some(format!("\n{url}\n")))
}

/// Removes the empty `<a class="anchor">` links the renderer puts in headings for the preview.
fn drop_heading_anchors(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<a ") {
        out.push_str(&rest[..at]);
        let tag = &rest[at..];
        let end_of_tag = tag.find('>').map(|i| i + 1);
        match end_of_tag {
            Some(end)
                if tag[..end].contains(r#"class="anchor""#) && tag[end..].starts_with("</a>") =>
            {
                rest = &tag[end + "</a>".len()..];
            }
            _ => {
                out.push_str("<a ");
                rest = &tag[3..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cut_embeds_and_anchors_become_what_the_blog_reads() {
        let html = r##"<h2 id="h-a"><a href="#h-a" aria-label="Link to heading 'a'" class="anchor" rel="noopener noreferrer"></a>a</h2>
<hr class="fumi-more">
<p class="fumi-embed">https://example.com/v</p>
<p><a href="https://example.com/">kept</a></p>"##;
        assert_eq!(
            for_the_blog(html),
            "<h2 id=\"h-a\">a</h2>\n<!--more-->\n\nhttps://example.com/v\n\n<p><a href=\"https://example.com/\">kept</a></p>"
        );
    }
}
