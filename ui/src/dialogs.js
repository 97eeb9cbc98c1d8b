// In-window dialogs (a question with two or more answers) and a toast with one action.

import { byId, byIdAs } from "./dom.js";

/**
 * One of the page's modal dialogs (a `<dialog>` in index.html). Shown with `showModal()`, it
 * keeps the focus inside, closes on Escape, and leaves everything behind it inert.
 * @param {string} id
 * @returns {HTMLDialogElement}
 */
export function modal(id) {
  const dialog = byIdAs(id, HTMLDialogElement);
  if (!guarded.has(dialog)) {
    guarded.add(dialog);
    let composing = false;
    dialog.addEventListener("compositionstart", () => (composing = true));
    dialog.addEventListener("compositionend", () => (composing = false));
    // Escape that cancels an IME conversion in one of its fields is not "close the dialog".
    dialog.addEventListener("cancel", (event) => {
      if (composing) event.preventDefault();
    });
  }
  return dialog;
}

/** The dialogs whose Escape already waits for IME conversions. */
const guarded = new WeakSet();

/**
 * Asks a question; resolves with the chosen answer's value, or null on Escape / cancel.
 * `choices` are `{label, value, style}` (style: "primary" | "danger" | undefined), cancel first.
 * @template V
 * @param {string} text
 * @param {string} cancelLabel
 * @param {{label: string, value: V, style?: string}[]} choices
 * @returns {Promise<V | null>}
 */
export function chooseDialog(text, cancelLabel, choices) {
  const dialog = modal("dialog");
  const actions = byId("dialog-actions");
  byId("dialog-text").textContent = text;
  const cancel = button(cancelLabel, "dialog-cancel");
  const answers = choices.map((c, i) => button(c.label, i === choices.length - 1 ? "dialog-confirm" : `dialog-choice-${i}`, c.style));
  actions.replaceChildren(cancel, ...answers);
  dialog.showModal();
  cancel.focus();
  return new Promise((resolve) => {
    /** @type {V | null} */
    let answer = null;
    cancel.onclick = () => dialog.close();
    answers.forEach(
      (b, i) =>
        (b.onclick = () => {
          answer = choices[i].value;
          dialog.close();
        }),
    );
    // Every way out (an answer, cancel, Escape) ends in `close`.
    dialog.addEventListener(
      "close",
      () => {
        actions.replaceChildren();
        resolve(answer);
      },
      { once: true },
    );
  });
}

/** Asks for a line of text; resolves with it (trimmed), or null on Escape / cancel. */
export function promptDialog(text, placeholder, confirmLabel, cancelLabel) {
  const input = byIdAs("dialog-input", HTMLInputElement);
  input.value = "";
  input.placeholder = placeholder;
  input.hidden = false;
  const answer = chooseDialog(text, cancelLabel, [{ label: confirmLabel, value: "confirm", style: "primary" }]);
  input.focus();
  const onKey = (event) => {
    // Enter that confirms an IME conversion is not "confirm the dialog".
    if (event.key === "Enter" && !event.isComposing && event.keyCode !== 229) byId("dialog-confirm").click();
  };
  input.addEventListener("keydown", onKey);
  return answer.then((choice) => {
    input.removeEventListener("keydown", onKey);
    input.hidden = true;
    return choice === "confirm" ? input.value.trim() : null;
  });
}

/** Asks a yes/no question; resolves true when the author confirms. */
export async function confirmDialog(text, confirmLabel, cancelLabel) {
  return (await chooseDialog(text, cancelLabel, [{ label: confirmLabel, value: true, style: "danger" }])) === true;
}

function button(label, id, style) {
  const b = document.createElement("button");
  b.type = "button";
  b.id = id;
  b.className = style ? `button ${style}` : "button";
  b.textContent = label;
  return b;
}

let toastTimer = null;

/** Shows a message for a few seconds with one action button. */
export function showToast(text, actionLabel, action) {
  const toast = byId("toast");
  const button = byId("toast-action");
  byId("toast-text").textContent = text;
  button.textContent = actionLabel;
  button.onclick = () => {
    toast.hidden = true;
    action();
  };
  toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (toast.hidden = true), 8000);
}
