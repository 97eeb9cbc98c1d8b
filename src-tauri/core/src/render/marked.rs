//! The elements the renderer marks with a class of its own, found again in the sanitized HTML
//! and replaced: what they stand for is only written after sanitizing (math-core's MathML, a
//! blog's own markers).

/// `html` with each `<{tag} class="{class}">TEXT</{tag}>` replaced by what `with` makes of its
/// text (`None` keeps the element). Sanitized HTML closes every element; one left open stays as
/// it is, with everything after it.
pub(super) fn replace(
    html: &str,
    tag: &str,
    class: &str,
    with: impl Fn(&str) -> Option<String>,
) -> String {
    let open = format!(r#"<{tag} class="{class}">"#);
    let close = format!("</{tag}>");
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(&open) {
        let after = &rest[at + open.len()..];
        let Some(end) = after.find(&close) else {
            break;
        };
        out.push_str(&rest[..at]);
        match with(&after[..end]) {
            Some(replacement) => out.push_str(&replacement),
            None => out.push_str(&rest[at..at + open.len() + end + close.len()]),
        }
        rest = &after[end + close.len()..];
    }
    out.push_str(rest);
    out
}
