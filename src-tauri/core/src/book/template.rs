//! The review template a new review starts from: the sections a book review usually has, in
//! the author's language, or the author's own template from the settings.

use super::Book;
use crate::message::Lang;

/// The language of Fumi's own template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateLanguage {
    Ja,
    En,
}

impl From<Lang> for TemplateLanguage {
    /// Fumi's template in the language messages are in.
    fn from(lang: Lang) -> TemplateLanguage {
        match lang {
            Lang::Ja => TemplateLanguage::Ja,
            Lang::En => TemplateLanguage::En,
        }
    }
}

/// Fumi's own template in Japanese. `{title}`, `{authors}`, `{publisher}`, `{isbn}` are filled in.
pub const JA: &str = "\
---
categories: [読書]
---

[book]

## この本について

{authors}『{title}』（{publisher}）。

## 手に取ったきっかけ

## あらすじ（ネタバレなし）

## 心に残った言葉

> 

## 感想

## こんな人におすすめ
";

/// Fumi's own template in English.
pub const EN: &str = "\
---
categories: [Books]
---

[book]

## About the book

*{title}* by {authors} ({publisher}).

## Why I picked it up

## What it is about (no spoilers)

## Passages that stayed with me

> 

## What I think

## Who it is for
";

/// A new review's title and text for `book`: the author's template when they wrote one, else
/// Fumi's in `language`.
pub fn new_review(book: &Book, language: TemplateLanguage, own: &str) -> (String, String) {
    let facts = &book.facts;
    let ja = language == TemplateLanguage::Ja;
    let authors = if ja {
        facts.authors.join("、")
    } else {
        facts.authors.join(", ")
    };
    let template = if own.trim().is_empty() {
        if ja { JA } else { EN }
    } else {
        own
    };
    let isbn = book
        .isbn
        .as_ref()
        .map(|i| i.to_string())
        .unwrap_or_default();
    let body = template
        .replace("{title}", &facts.title)
        .replace("{authors}", &authors)
        .replace("{publisher}", &facts.publisher)
        .replace("{isbn}", &isbn);
    let first_author = facts.authors.first().map(String::as_str).unwrap_or("");
    let title = match (ja, first_author.is_empty()) {
        (true, false) => format!("「{}」{first_author}／著 を読みました", facts.title),
        (true, true) => format!("「{}」を読みました", facts.title),
        (false, false) => format!("Review: {} by {first_author}", facts.title),
        (false, true) => format!("Review: {}", facts.title),
    };
    (title, body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::book::BookFacts;

    fn book() -> Book {
        Book {
            isbn: Some("9784152098702".parse().expect("isbn")),
            facts: BookFacts {
                title: "三体".into(),
                authors: vec!["劉慈欣".into()],
                publisher: "早川書房".into(),
                ..BookFacts::default()
            },
            ..Book::default()
        }
    }

    #[test]
    fn fumis_own_template_in_both_languages() {
        let (title, body) = new_review(&book(), TemplateLanguage::Ja, "");
        assert_eq!(title, "「三体」劉慈欣／著 を読みました");
        assert!(body.contains("\n[book]\n"), "{body}");
        assert!(body.contains("劉慈欣『三体』（早川書房）。"), "{body}");
        for section in [
            "手に取ったきっかけ",
            "ネタバレなし",
            "心に残った言葉",
            "感想",
            "こんな人におすすめ",
        ] {
            assert!(body.contains(section), "{section}");
        }
        let (title, body) = new_review(&book(), TemplateLanguage::En, "  ");
        assert_eq!(title, "Review: 三体 by 劉慈欣");
        assert!(body.contains("Who it is for"), "{body}");
        assert!(crate::front_matter::split(&body).is_ok());
    }

    #[test]
    fn the_authors_own_template_wins() {
        let (_, body) = new_review(&book(), TemplateLanguage::Ja, "[book]\n{title} / {isbn}\n");
        assert_eq!(body, "[book]\n三体 / 9784152098702\n");
    }
}
