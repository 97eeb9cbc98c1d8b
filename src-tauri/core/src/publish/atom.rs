//! Atom documents (RFC 4287 entries and feeds, AtomPub's `app:` elements) as a small element
//! tree read with quick-xml, for the Hatena publisher.

use quick_xml::Reader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};

/// An element: its local name (the namespace prefix dropped), attributes, text and children.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub text: String,
    pub children: Vec<Element>,
}

impl Element {
    /// The first child with this local name.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    /// Every child with this local name.
    pub fn children<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// An attribute's value (by local name).
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The text of the first child with this local name, or "".
    pub fn child_text(&self, name: &str) -> String {
        self.child(name).map(|c| c.text.clone()).unwrap_or_default()
    }

    /// The `href` of the first `<link rel="…">` child with this rel.
    pub fn link(&self, rel: &str) -> Option<String> {
        self.children("link")
            .find(|l| l.attr("rel") == Some(rel))
            .and_then(|l| l.attr("href").map(str::to_owned))
    }
}

/// How deep elements may nest: Atom needs four levels; the tree's own recursion (drop, clone)
/// must never meet a document deep enough to exhaust the stack.
pub const MAX_DEPTH: usize = 64;

/// Parses a document into its root element.
pub fn parse(xml: &str) -> Result<Element, String> {
    let mut reader = Reader::from_str(xml);
    let mut stack: Vec<Element> = Vec::new();
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(_) if stack.len() >= MAX_DEPTH => {
                return Err(format!("elements nested deeper than {MAX_DEPTH}"));
            }
            Event::Start(e) => stack.push(element(&e)?),
            Event::Empty(e) => {
                let el = element(&e)?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(el),
                    None => return Ok(el),
                }
            }
            Event::End(_) => {
                let el = stack.pop().ok_or("an end tag without a start")?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(el),
                    None => return Ok(el),
                }
            }
            Event::Text(t) => {
                if let Some(el) = stack.last_mut() {
                    el.text.push_str(&t.decode().map_err(|e| e.to_string())?);
                }
            }
            Event::CData(t) => {
                if let Some(el) = stack.last_mut() {
                    el.text.push_str(&String::from_utf8_lossy(&t));
                }
            }
            Event::GeneralRef(r) => {
                if let Some(el) = stack.last_mut() {
                    match r.resolve_char_ref().map_err(|e| e.to_string())? {
                        Some(c) => el.text.push(c),
                        None => {
                            let name = r.decode().map_err(|e| e.to_string())?;
                            el.text.push_str(
                                resolve_predefined_entity(&name)
                                    .ok_or_else(|| format!("unknown entity &{name};"))?,
                            );
                        }
                    }
                }
            }
            Event::Eof => return Err("the document ends before its root element does".into()),
            _ => {}
        }
    }
}

fn element(e: &BytesStart<'_>) -> Result<Element, String> {
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|e| e.to_string())?;
        let value = a.unescape_value().map_err(|e| e.to_string())?.into_owned();
        attrs.push((local(a.key.as_ref()), value));
    }
    Ok(Element {
        name: local(e.name().as_ref()),
        attrs,
        ..Element::default()
    })
}

/// `app:draft` → `draft`.
fn local(name: &[u8]) -> String {
    let name = String::from_utf8_lossy(name);
    name.rsplit(':').next().unwrap_or_default().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deep_document_is_refused_not_a_stack_overflow() {
        let deep = |n: usize| format!("{}x{}", "<a>".repeat(n), "</a>".repeat(n));
        assert!(parse(&deep(MAX_DEPTH)).is_ok());
        let e = parse(&deep(10_000)).unwrap_err();
        assert!(e.contains("deeper"), "{e}");
    }

    #[test]
    fn reads_an_entry_with_prefixed_elements_and_escapes() {
        let root = parse(
            r#"<?xml version="1.0"?><entry xmlns="http://www.w3.org/2005/Atom" xmlns:app="http://www.w3.org/2007/app">
            <title>『三体』&amp;感想</title><link rel="edit" href="https://b/atom/entry/1"/>
            <content type="text/x-markdown"># 見出し&#10;本文</content>
            <app:control><app:draft>yes</app:draft></app:control></entry>"#,
        )
        .unwrap();
        assert_eq!(root.name, "entry");
        assert_eq!(root.child_text("title"), "『三体』&感想");
        assert_eq!(root.link("edit").as_deref(), Some("https://b/atom/entry/1"));
        assert_eq!(
            root.child("content").unwrap().attr("type"),
            Some("text/x-markdown")
        );
        assert_eq!(root.child_text("content"), "# 見出し\n本文");
        assert_eq!(root.child("control").unwrap().child_text("draft"), "yes");
        assert!(parse("<entry><title>").is_err());
    }
}
