//! `fumi proofread`: the window's proofreader on a file or standard input, one finding a line.

use std::fmt;
use std::path::Path;

use fumi_core::message::Lang;
use fumi_core::model::proofread::Finding;
use fumi_core::{App, Error};

use super::{input, print};

/// The findings in a text, each as `LINE:COLUMN  rule  explanation  → fix`.
struct Findings {
    text: String,
    found: Vec<Finding>,
}

impl fmt::Display for Findings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lang = Lang::of_environment();
        let mut places = self.found.iter().map(|finding| finding.from).peekable();
        let mut at = Vec::with_capacity(self.found.len());
        let (mut unit, mut line, mut column) = (0u32, 1usize, 1usize);
        for c in self.text.chars() {
            while places.next_if(|&p| p <= unit).is_some() {
                at.push((line, column));
            }
            unit += c.len_utf16() as u32;
            if c == '\n' {
                (line, column) = (line + 1, 1);
            } else {
                column += 1;
            }
        }
        at.extend(places.map(|_| (line, column)));
        for (finding, (line, column)) in self.found.iter().zip(at) {
            let said = fumi_core::message::text(
                lang,
                &format!("proofread-{}", finding.rule.code()),
                &finding.args,
            );
            write!(f, "{line}:{column}\t{}\t{said}", finding.rule.code())?;
            match &finding.fix {
                Some(fix) => writeln!(f, "\t→ {fix:?}")?,
                None => writeln!(f)?,
            }
        }
        Ok(())
    }
}

/// Prints what the proofreader finds in a Markdown file (or standard input), under the data
/// folder's proofreading settings.
pub(super) fn proofread(app: &App, file: Option<&Path>) -> Result<(), Error> {
    let text = input::text(file)?;
    let found = app.proofread(&text)?;
    print(&Findings { text, found })
}
