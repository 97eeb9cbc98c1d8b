//! A draft's history as the author browses it: its revisions, how one differs from the text
//! now, and bringing one back (which is itself kept as a revision, so nothing is ever lost).

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

use crate::error::Result;
use crate::model::diff::{DiffLine, LineChange};
use crate::model::draft::{Draft, DraftId, Millis, SaveKind};
use crate::render::Renderer;
use crate::store::Store;

/// A revision in the list: enough to choose one, without its text.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RevisionSummary {
    pub id: i64,
    pub title: String,
    /// When the snapshotted text was last edited.
    pub edited_at: Millis,
    /// Characters of the body, as the status line counts them (the text a reader sees).
    pub chars: usize,
}

/// A revision against the text now: the title of each, and the bodies line by line.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diff {
    pub revision_title: String,
    pub current_title: String,
    pub lines: Vec<DiffLine>,
}

/// A draft's revisions, newest first.
pub fn revisions(
    store: &Store,
    renderer: &Renderer,
    draft_id: DraftId,
) -> Result<Vec<RevisionSummary>> {
    Ok(store
        .revisions(draft_id)?
        .into_iter()
        .map(|r| RevisionSummary {
            id: r.id,
            chars: renderer.counts(&r.body).chars,
            title: r.title,
            edited_at: r.edited_at,
        })
        .collect())
}

/// How revision `revision_id` differs from the draft's text now.
pub fn diff(store: &Store, draft_id: DraftId, revision_id: i64) -> Result<Diff> {
    let revision = store.revision(draft_id, revision_id)?;
    let current = store.draft(draft_id)?;
    Ok(Diff {
        lines: diff_lines(&revision.body, &current.body),
        revision_title: revision.title,
        current_title: current.title,
    })
}

/// Makes revision `revision_id` the draft's text again. The text it replaces and the restored
/// text are both kept as revisions (an explicit save), so a restore can itself be undone.
pub fn restore(store: &mut Store, draft_id: DraftId, revision_id: i64) -> Result<Draft> {
    let revision = store.revision(draft_id, revision_id)?;
    store.save_draft(
        draft_id,
        &revision.title,
        &revision.body,
        SaveKind::Explicit,
    )?;
    store.draft(draft_id)
}

/// The lines of `old` → `new`, with what changed inside each changed line marked (by word, and
/// by character in scripts written without spaces).
pub fn diff_lines(old: &str, new: &str) -> Vec<DiffLine> {
    let diff = TextDiff::from_lines(old, new);
    let mut lines = Vec::new();
    for op in diff.ops() {
        for change in diff.iter_inline_changes(op) {
            let change_kind = match change.tag() {
                ChangeTag::Equal => LineChange::Same,
                ChangeTag::Delete => LineChange::Removed,
                ChangeTag::Insert => LineChange::Added,
            };
            let pieces = change
                .iter_strings_lossy()
                .map(|(emphasized, text)| {
                    (emphasized, text.trim_end_matches(['\n', '\r']).to_owned())
                })
                .filter(|(_, text)| !text.is_empty())
                .collect();
            lines.push(DiffLine {
                change: change_kind,
                pieces,
            });
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(lines: &[DiffLine]) -> String {
        lines
            .iter()
            .map(|l| {
                let mark = match l.change {
                    LineChange::Same => ' ',
                    LineChange::Removed => '-',
                    LineChange::Added => '+',
                };
                let text: String = l
                    .pieces
                    .iter()
                    .map(|(e, t)| if *e { format!("[{t}]") } else { t.clone() })
                    .collect();
                format!("{mark}{text}")
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn a_changed_japanese_line_marks_the_characters_that_changed() {
        let old = "# 三体\n本書は面白い。\n終わり\n";
        let new = "# 三体\n本書はとても面白い。\n終わり\n";
        assert_eq!(
            render(&diff_lines(old, new)),
            " # 三体\n-本書は面白い。\n+本書は[とても]面白い。\n 終わり"
        );
    }

    #[test]
    fn lines_only_in_one_text_are_whole_changes() {
        let lines = diff_lines("a\n", "a\nb\n");
        assert_eq!(render(&lines), " a\n+b");
    }
}
