// An in-window confirmation dialog and a toast with one action.

const $ = (id) => document.getElementById(id);

/** Asks a yes/no question; resolves true when the author confirms. */
export function confirmDialog(text, confirmLabel, cancelLabel) {
  const backdrop = $("dialog");
  const confirm = $("dialog-confirm");
  const cancel = $("dialog-cancel");
  $("dialog-text").textContent = text;
  confirm.textContent = confirmLabel;
  cancel.textContent = cancelLabel;
  backdrop.hidden = false;
  cancel.focus();
  return new Promise((resolve) => {
    const done = (answer) => {
      backdrop.hidden = true;
      confirm.onclick = cancel.onclick = backdrop.onkeydown = null;
      resolve(answer);
    };
    confirm.onclick = () => done(true);
    cancel.onclick = () => done(false);
    backdrop.onkeydown = (event) => {
      if (event.key === "Escape") done(false);
    };
  });
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
