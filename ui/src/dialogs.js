// In-window dialogs (a question with two or more answers) and a toast with one action.

const $ = (id) => document.getElementById(id);

/**
 * Asks a question; resolves with the chosen answer's value, or null on Escape / cancel.
 * `choices` are `{label, value, style}` (style: "primary" | "danger" | undefined), cancel first.
 */
export function chooseDialog(text, cancelLabel, choices) {
  const backdrop = $("dialog");
  const actions = $("dialog-actions");
  $("dialog-text").textContent = text;
  actions.replaceChildren();
  const cancel = button(cancelLabel, "dialog-cancel");
  actions.append(cancel, ...choices.map((c, i) => button(c.label, i === choices.length - 1 ? "dialog-confirm" : `dialog-choice-${i}`, c.style)));
  backdrop.hidden = false;
  cancel.focus();
  return new Promise((resolve) => {
    const done = (answer) => {
      backdrop.hidden = true;
      backdrop.onkeydown = null;
      actions.replaceChildren();
      resolve(answer);
    };
    cancel.onclick = () => done(null);
    [...actions.children].slice(1).forEach((b, i) => (b.onclick = () => done(choices[i].value)));
    backdrop.onkeydown = (event) => {
      if (event.key === "Escape") done(null);
    };
  });
}

/** Asks for a line of text; resolves with it (trimmed), or null on Escape / cancel. */
export function promptDialog(text, placeholder, confirmLabel, cancelLabel) {
  const input = $("dialog-input");
  input.value = "";
  input.placeholder = placeholder;
  input.hidden = false;
  const answer = chooseDialog(text, cancelLabel, [{ label: confirmLabel, value: "confirm", style: "primary" }]);
  input.focus();
  const onKey = (event) => {
    // Enter that confirms an IME conversion is not "confirm the dialog".
    if (event.key === "Enter" && !event.isComposing && event.keyCode !== 229) $("dialog-confirm")?.click();
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
  const toast = $("toast");
  const button = $("toast-action");
  $("toast-text").textContent = text;
  button.textContent = actionLabel;
  button.onclick = () => {
    toast.hidden = true;
    action();
  };
  toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (toast.hidden = true), 8000);
}
