//! Two texts compared line by line, what differs within a line marked: a revision against the
//! text now, or a draft's two sides after a sync.

use serde::Serialize;

/// How a line of the diff stands.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LineChange {
    /// In both texts.
    Same,
    /// Only in the old text (a revision; this computer's side of a conflict).
    Removed,
    /// Only in the new text (the text now; the other computer's side).
    Added,
}

/// One line of a diff, in pieces.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffLine {
    pub change: LineChange,
    /// `(changed, text)`: the changed pieces are what differs within the line.
    pub pieces: Vec<(bool, String)>,
}
