// Typed lookups of the page's own elements (index.html): a missing or different element is a
// mistake in the page, caught at once with its id rather than as `undefined` later.

/**
 * The element with `id`.
 * @param {string} id
 * @returns {HTMLElement}
 */
export function byId(id) {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The page has no #${id}`);
  return element;
}

/**
 * The form field with `id`: an input, a text area or a select.
 * @param {string} id
 * @returns {HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement}
 */
export function field(id) {
  const element = byId(id);
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) {
    return element;
  }
  throw new Error(`#${id} is not a form field`);
}

/**
 * The element with `id`, which must be a `kind` (`HTMLButtonElement`, `HTMLSelectElement`…).
 * @template {HTMLElement} T
 * @param {string} id
 * @param {{new (): T, prototype: T}} kind
 * @returns {T}
 */
export function byIdAs(id, kind) {
  const element = byId(id);
  if (element instanceof kind) return element;
  throw new Error(`#${id} is not a ${kind.name}`);
}
