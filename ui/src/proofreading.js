// The proofreader (校正) in the editor: the core reads the draft (only the blocks that changed
// since the last read) off the page's thread, and its findings show as CodeMirror diagnostics,
// each explained in the UI's language with its fix, if one is clear, as an action. Nothing here
// changes the text unless the author picks a fix.

import { linter, lintGutter } from "@codemirror/lint";
import { messageOf } from "./messages.js";
import { t } from "./i18n.js";

/** Rules about how a sentence reads rather than a slip: shown more quietly. */
const ADVICE = new Set(["long_sentence", "many_commas", "mixed_style", "double_negative"]);

/** Resolves once no IME composition is under way: marks redrawn mid-conversion could disturb it. */
async function afterComposition(view) {
  while (view.composing) await new Promise((resolve) => setTimeout(resolve, 100));
}

/**
 * The editor extension.
 * @param {(doc: import("@codemirror/state").Text) => Promise<import("./bindings.ts").Finding[]>} proofread
 *   the findings in the editor's text
 */
export function proofreading(proofread) {
  const source = async (/** @type {import("@codemirror/view").EditorView} */ view) => {
    await afterComposition(view);
    const found = await proofread(view.state.doc).catch(() => []);
    return found.map((f) => ({
      from: f.from,
      to: f.to,
      severity: ADVICE.has(f.rule) ? /** @type {const} */ ("info") : /** @type {const} */ ("warning"),
      source: t.proofreadRule[f.rule],
      message: messageOf({ code: `proofread-${f.rule}`, args: f.args, message: f.rule }),
      actions:
        f.fix == null
          ? []
          : [
              {
                name: f.fix === "" ? t.proofreadRemove : t.proofreadFix({ fix: f.fix }),
                apply: (view, from, to) => view.dispatch({ changes: { from, to, insert: f.fix } }),
              },
            ],
    }));
  };
  return [linter(source, { delay: 400 }), lintGutter()];
}
