//! `[:contents]`: the post's headings as a nested list of links, as Hatena draws it.

use comrak::Anchorizer;
use comrak::nodes::{AstNode, NodeValue};
use quick_xml::escape::escape;

use super::notation::CONTENTS_PLACEHOLDER;
use super::sanitize::HEADING_ID_PREFIX;

/// Puts the table of contents wherever the text said `[:contents]`.
pub(super) fn fill<'a>(root: &'a AstNode<'a>) {
    let html = table(&headings(root));
    for node in root.descendants() {
        if let NodeValue::HtmlBlock(block) = &mut node.data.borrow_mut().value
            && block.literal.trim() == CONTENTS_PLACEHOLDER
        {
            block.literal = format!("{html}\n");
        }
    }
}

/// Every heading's level, id (as the renderer writes it) and text, in order.
fn headings<'a>(root: &'a AstNode<'a>) -> Vec<(u8, String, String)> {
    // Ids the way the HTML writer makes them: one anchorizer over the headings in order.
    let mut anchorizer = Anchorizer::new();
    root.descendants()
        .filter_map(|node| match &node.data.borrow().value {
            NodeValue::Heading(heading) => Some((heading.level, node)),
            _ => None,
        })
        .map(|(level, node)| {
            let text = node.collect_text();
            let id = format!("{HEADING_ID_PREFIX}{}", anchorizer.anchorize(&text));
            (level, id, text)
        })
        .collect()
}

/// The nested list, levels counted from 1: a first heading of level 2 sits in an empty item
/// of an outer list, as on Hatena.
fn table(headings: &[(u8, String, String)]) -> String {
    let mut html = String::from(r#"<div class="table-of-contents">"#);
    // For each open list, whether its last item is still open.
    let mut open: Vec<bool> = Vec::new();
    for (level, id, text) in headings {
        let level = usize::from(*level);
        while open.len() > level {
            if open.pop() == Some(true) {
                html.push_str("</li>");
            }
            html.push_str("</ul>");
        }
        while open.len() < level {
            html.push_str("<ul>");
            open.push(false);
            if open.len() < level {
                html.push_str("<li>");
                if let Some(last) = open.last_mut() {
                    *last = true;
                }
            }
        }
        if let Some(last) = open.last_mut() {
            if *last {
                html.push_str("</li>");
            }
            *last = true;
        }
        html.push_str(&format!(
            r##"<li><a href="#{}">{}</a>"##,
            escape(id),
            escape(text)
        ));
    }
    while let Some(item_open) = open.pop() {
        if item_open {
            html.push_str("</li>");
        }
        html.push_str("</ul>");
    }
    html.push_str("</div>");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(level: u8, text: &str) -> (u8, String, String) {
        (level, format!("h-{text}"), text.to_owned())
    }

    #[test]
    fn nests_by_level_from_one() {
        assert_eq!(
            table(&[h(2, "a"), h(3, "b"), h(2, "c")]),
            r##"<div class="table-of-contents"><ul><li><ul><li><a href="#h-a">a</a><ul><li><a href="#h-b">b</a></li></ul></li><li><a href="#h-c">c</a></li></ul></li></ul></div>"##
        );
        assert_eq!(
            table(&[h(1, "x"), h(2, "y")]),
            r##"<div class="table-of-contents"><ul><li><a href="#h-x">x</a><ul><li><a href="#h-y">y</a></li></ul></li></ul></div>"##
        );
        assert_eq!(table(&[]), r#"<div class="table-of-contents"></div>"#);
    }
}
