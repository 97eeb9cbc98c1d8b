//! Proofreading the author's text as they type.

use std::sync::PoisonError;

use super::App;
use crate::error::Result;
use crate::model::proofread::Finding;

impl App {
    /// What the proofreader finds in a draft's text under the author's settings. Blocks
    /// unchanged since the last call are not read again, so a keystroke costs one block.
    pub fn proofread(&self, text: &str) -> Result<Vec<Finding>> {
        let settings = self.settings()?.proofreading;
        let mut proofreader = self
            .proofreader
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        Ok(proofreader.check(text, &settings))
    }
}
