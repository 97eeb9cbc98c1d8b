//! Hatena's `[asin:ASIN:detail]` product card, drawn from Fumi's book lookups: an ISBN-10 is
//! an Amazon ASIN, so a book's card needs no page of Amazon's (which refuses to be read).

use crate::model::book::{Book, BookFacts, Isbn};
use crate::model::draft::Millis;
use crate::model::page_card::PageCard;

/// Where Hatena's product card links: the product's page on Amazon Japan.
const PRODUCT_PAGE: &str = "https://www.amazon.co.jp/dp/";

/// The address of the product `asin` (the key its card is kept under).
pub fn product_url(asin: &str) -> String {
    format!("{PRODUCT_PAGE}{asin}")
}

/// The book of a product address whose ASIN is an ISBN-10 (other products have none).
pub fn isbn_of(url: &str) -> Option<Isbn> {
    let asin = url.strip_prefix(PRODUCT_PAGE)?;
    // A product ASIN starts with a letter ("B0…"); an ISBN-10 is nine digits and a check.
    asin.parse().ok().filter(|_| asin.len() == 10)
}

/// The line that places Hatena's product card of `book` (none without an ISBN-10).
pub fn notation(book: &Book) -> Option<String> {
    Some(format!("[asin:{}:detail]", book.isbn.as_ref()?.isbn10()?))
}

/// The product card Hatena shows for `book` in place of Fumi's `[book]` card; its cover where
/// `cover_src` finds Fumi's copy, else where the book database keeps it.
pub fn card(book: &Book, cover_src: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    let url = product_url(&book.isbn.as_ref()?.isbn10()?);
    let mut page = page_card(&url, &book.facts, 0);
    if let Some(cover) = book.cover.as_deref().and_then(cover_src) {
        page.image = Some(cover);
    }
    Some(crate::render::card_html(&page))
}

/// The card of the product at `url`, from a book's facts.
pub fn page_card(url: &str, facts: &BookFacts, now: Millis) -> PageCard {
    let description = [
        facts.authors.join("、"),
        facts.publisher.clone(),
        facts.published.clone(),
    ]
    .into_iter()
    .filter(|part| !part.is_empty())
    .collect::<Vec<_>>()
    .join(" / ");
    PageCard {
        url: url.to_owned(),
        title: facts.title.clone(),
        description,
        site: "Amazon".to_owned(),
        image: facts.cover_url.clone(),
        fetched_at: now,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_isbn_10_is_a_book() {
        let isbn = isbn_of(&product_url("4297125609")).expect("an ISBN-10");
        assert_eq!(isbn.as_str(), "9784297125608");
        assert_eq!(isbn_of(&product_url("B08XYZ1234")), None);
        // A valid ISBN-13 is not an ASIN.
        assert_eq!(isbn_of(&product_url("9784297125608")), None);
        assert_eq!(isbn_of("https://example.com/dp/4297125609"), None);
    }
}
