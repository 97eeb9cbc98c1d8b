//! The cards of embedded pages, kept once read (see `page_card`).

use rusqlite::{OptionalExtension, params};

use super::Store;
use crate::error::Result;
use crate::model::page_card::{PageCard, PageCards};

impl Store {
    /// The kept cards of `urls` (those never read are absent).
    pub fn page_cards(&self, urls: &[String]) -> Result<PageCards> {
        let mut cards = PageCards::new();
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT title, description, site, image, fetched_at FROM page_cards WHERE url = ?1",
            )
            .map_err(|e| self.err("reading the page cards", e))?;
        for url in urls {
            let card = statement
                .query_row([url], |r| {
                    Ok(PageCard {
                        url: url.clone(),
                        title: r.get(0)?,
                        description: r.get(1)?,
                        site: r.get(2)?,
                        image: r.get(3)?,
                        fetched_at: r.get(4)?,
                    })
                })
                .optional()
                .map_err(|e| self.err("reading the page cards", e))?;
            if let Some(card) = card {
                cards.insert(url.clone(), card);
            }
        }
        Ok(cards)
    }

    /// Keeps (or replaces) a page's card.
    pub fn keep_page_card(&mut self, card: &PageCard) -> Result<()> {
        self.conn
            .execute(
                "INSERT OR REPLACE INTO page_cards (url, title, description, site, image, fetched_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    card.url,
                    card.title,
                    card.description,
                    card.site,
                    card.image,
                    card.fetched_at
                ],
            )
            .map_err(|e| self.err("keeping a page card", e))?;
        Ok(())
    }
}
