//! The allow-list applied to every rendered document: what Markdown and GFM produce survives,
//! scripts, event handlers and `javascript:` URLs do not.

use std::borrow::Cow;

/// Prefix of heading ids, so a heading can never take the id of an element of the app.
pub(super) const HEADING_ID_PREFIX: &str = "h-";

/// Prefixes of ids comrak gives footnotes and their references.
const FOOTNOTE_ID_PREFIXES: [&str; 2] = ["fn-", "fnref-"];

/// The sanitizer: ammonia's defaults plus GFM's task lists, classes, anchors and source positions.
pub(super) fn builder() -> ammonia::Builder<'static> {
    let mut b = ammonia::Builder::default();
    b.add_tags(["input", "section"])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .add_tag_attributes("th", ["align"])
        .add_tag_attributes("td", ["align"])
        .add_generic_attributes([
            "class",
            "id",
            "data-sourcepos",
            "aria-label",
            "aria-hidden",
            "data-footnotes",
            "data-footnote-ref",
            "data-footnote-backref",
            "data-heading-content",
        ])
        .attribute_filter(|element, attribute, value| match (element, attribute) {
            // Only read-only checkboxes: a task list is not a form.
            ("input", "type") => (value == "checkbox").then_some(Cow::Borrowed(value)),
            (_, "id") => own_id(value).then_some(Cow::Borrowed(value)),
            _ => Some(Cow::Borrowed(value)),
        });
    b
}

/// Whether an id is one the renderer itself makes (headings and footnotes).
fn own_id(id: &str) -> bool {
    id.starts_with(HEADING_ID_PREFIX) || FOOTNOTE_ID_PREFIXES.iter().any(|p| id.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_script_handlers_and_javascript_urls() {
        let clean = builder()
            .clean(r#"<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a><p id="app">y</p>"#)
            .to_string();
        assert!(!clean.contains("script"), "{clean}");
        assert!(!clean.contains("onerror"), "{clean}");
        assert!(!clean.contains("javascript"), "{clean}");
        assert!(!clean.contains("id=\"app\""), "{clean}");
    }

    #[test]
    fn keeps_task_list_checkboxes_but_no_other_inputs() {
        let clean = builder()
            .clean(r#"<input type="checkbox" checked disabled class="task-list-item-checkbox"><input type="text">"#)
            .to_string();
        assert!(clean.contains(r#"type="checkbox""#), "{clean}");
        assert!(clean.contains("class=\"task-list-item-checkbox\""), "{clean}");
        assert!(!clean.contains(r#"type="text""#), "{clean}");
    }
}
