//! The allow-list applied to every rendered document: what Markdown and GFM produce survives,
//! scripts, event handlers and `javascript:` URLs do not.

use std::borrow::Cow;

/// Prefix of heading ids, so a heading can never take the id of an element of the app.
pub(super) const HEADING_ID_PREFIX: &str = "h-";

/// Prefixes of ids comrak gives footnotes and their references, and Hatena's `((…))` notes.
const FOOTNOTE_ID_PREFIXES: [&str; 4] = ["fn-", "fnref-", "fumi-fn-", "fumi-fnref-"];

/// The classes the renderer itself writes (GFM's task lists and footnotes, heading anchors,
/// highlighted code, the book card's slot). No other class survives: a draft must not dress an
/// element in the window's own classes (a modal drawn over the app).
const OWN_CLASSES: [&str; 24] = [
    "task-list-item",
    "contains-task-list",
    "task-list-item-checkbox",
    "footnotes",
    "footnote-ref",
    "footnote-backref",
    "anchor",
    "syntax-highlighting",
    "fumi-book-card-slot",
    // Hatena's notation, as Hatena's own HTML names it (so a blog's stylesheet applies) and as
    // Fumi draws what Hatena draws from the network.
    "table-of-contents",
    "footnote",
    "footnote-number",
    "footnote-delimiter",
    "footnote-text",
    "hatena-citation",
    "hatena-fotolife",
    "fumi-card",
    "fumi-card-title",
    "fumi-card-url",
    "fumi-card-description",
    "fumi-card-image",
    super::notation::MORE_CLASS,
    super::notation::EMBED_CLASS,
    super::mathml::TEX_CLASS,
];

/// Prefixes of the renderer's own classes: the highlighter's and a code block's language.
const OWN_CLASS_PREFIXES: [&str; 2] = [super::highlight::CLASS_PREFIX, "language-"];

/// The sanitizer: ammonia's defaults plus GFM's task lists, classes, anchors and source positions.
pub(super) fn builder() -> ammonia::Builder<'static> {
    let mut b = ammonia::Builder::default();
    b.add_tags(["input", "section"])
        // Every input becomes a checkbox: a task list is not a form, and an author's
        // `<input type=text>` must not turn into a text box. (One forced attribute only: ammonia
        // writes several in hash order, which would make the output unstable.)
        .add_tag_attributes("input", ["checked", "disabled"])
        .set_tag_attribute_value("input", "type", "checkbox")
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
        // The preview shows images kept in Fumi's database through the window's own scheme.
        .add_url_schemes(["fumi-asset"])
        .attribute_filter(|_element, attribute, value| match attribute {
            "id" => own_id(value).then_some(Cow::Borrowed(value)),
            "class" => own_classes(value),
            _ => Some(Cow::Borrowed(value)),
        });
    b
}

/// The classes of `value` the renderer itself makes; `None` when there are none.
fn own_classes(value: &str) -> Option<Cow<'_, str>> {
    let own =
        |c: &&str| OWN_CLASSES.contains(c) || OWN_CLASS_PREFIXES.iter().any(|p| c.starts_with(p));
    if value.split_ascii_whitespace().all(|c| own(&c)) {
        return (!value.trim().is_empty()).then_some(Cow::Borrowed(value));
    }
    let kept: Vec<&str> = value.split_ascii_whitespace().filter(own).collect();
    (!kept.is_empty()).then(|| Cow::Owned(kept.join(" ")))
}

/// Whether an id is one the renderer itself makes (headings and footnotes).
fn own_id(id: &str) -> bool {
    id.starts_with(HEADING_ID_PREFIX) || FOOTNOTE_ID_PREFIXES.iter().any(|p| id.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_renderers_own_classes_survive() {
        let clean = builder()
            .clean(r#"<div class="modal-backdrop open">x</div><p class="task-list-item dialog">y</p><span class="hl-keyword">z</span>"#)
            .to_string();
        assert!(!clean.contains("modal"), "{clean}");
        assert!(!clean.contains("dialog"), "{clean}");
        assert!(clean.contains(r#"<div>x</div>"#), "{clean}");
        assert!(clean.contains(r#"class="task-list-item""#), "{clean}");
        assert!(clean.contains(r#"class="hl-keyword""#), "{clean}");
    }

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
            .clean(r#"<input type="checkbox" checked disabled class="task-list-item-checkbox"><input type="text" name="q">"#)
            .to_string();
        assert!(clean.contains("checked"), "{clean}");
        assert!(
            clean.contains("class=\"task-list-item-checkbox\""),
            "{clean}"
        );
        assert!(!clean.contains(r#"type="text""#), "{clean}");
        assert_eq!(clean.matches(r#"type="checkbox""#).count(), 2, "{clean}");
    }
}
