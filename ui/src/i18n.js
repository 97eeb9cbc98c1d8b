// The window's own words in Japanese and English, from the Fluent catalog the core and the CLI
// use (src-tauri/core/locales/*.ftl, the `ui-` messages): the author's choice in the settings,
// else the OS locale the webview reports.

import { bundles, hasVariables } from "./catalog.js";

/** The OS's language: Japanese when it prefers Japanese, English otherwise. */
const systemLang = (navigator.languages?.[0] ?? navigator.language ?? "en").toLowerCase().startsWith("ja") ? "ja" : "en";

/** The UI language. */
export let lang = systemLang;

/**
 * The words of the UI language: `t.key` is the text of `ui-key`; a message with fields is a
 * function of them (`t.showTrash({ count: 3 })`); `t.group[id]` is `ui-group-id`. A missing
 * message shows its id (a test checks that every one the page names is in both catalogs).
 * @type {Record<string, any>}
 */
export let t = words(lang);

let relative = new Intl.RelativeTimeFormat(lang, { numeric: "auto" });
let absolute = new Intl.DateTimeFormat(lang, { dateStyle: "medium" });

/** Switches the UI language ("system", "ja" or "en"); call before the UI is drawn. */
export function useLanguage(choice) {
  lang = choice === "ja" || choice === "en" ? choice : systemLang;
  t = words(lang);
  relative = new Intl.RelativeTimeFormat(lang, { numeric: "auto" });
  absolute = new Intl.DateTimeFormat(lang, { dateStyle: "medium" });
}

/** The words of `language`, looked up in its bundle as the page asks for them. */
function words(language) {
  /** @type {Map<string, any>} */
  const known = new Map();
  /** @param {string} id */
  const word = (id) => {
    // Read at the first word: the language the settings choose may not be the system's.
    const bundle = bundles[language];
    const message = bundle.getMessage(id);
    if (!message?.value) return undefined;
    const pattern = message.value;
    // No Unicode isolation marks (see catalog.js), so a value reads as it is written.
    return hasVariables(pattern) ? (args) => bundle.formatPattern(pattern, args) : bundle.formatPattern(pattern);
  };
  /** @param {string} prefix */
  const group = (prefix) =>
    new Proxy({}, { get: (_, key) => (typeof key === "string" ? (word(`${prefix}${key}`) ?? key) : undefined) });
  return new Proxy(
    {},
    {
      get(_, key) {
        if (typeof key !== "string") return undefined;
        if (!known.has(key)) known.set(key, word(`ui-${key}`) ?? group(`ui-${key}-`));
        return known.get(key);
      },
    },
  );
}

/** Fills every element marked with data-i18n / data-i18n-placeholder. */
export function translateDocument(root = document) {
  document.documentElement.lang = lang;
  /** @param {string} selector */
  const marked = (selector) => /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll(selector));
  for (const el of marked("[data-i18n]")) el.textContent = t[el.dataset.i18n];
  for (const el of marked("[data-i18n-placeholder]")) {
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) el.placeholder = t[el.dataset.i18nPlaceholder];
  }
  for (const el of marked("[data-i18n-aria-label]")) el.setAttribute("aria-label", t[el.dataset.i18nAriaLabel]);
}


/** "3 minutes ago" for recent times, a date for older ones. */
export function formatWhen(ms, now = Date.now()) {
  const seconds = Math.round((ms - now) / 1000);
  if (Math.abs(seconds) < 45) return t.justNow;
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60) return relative.format(minutes, "minute");
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return relative.format(hours, "hour");
  const days = Math.round(hours / 24);
  if (Math.abs(days) < 7) return relative.format(days, "day");
  return absolute.format(new Date(ms));
}
