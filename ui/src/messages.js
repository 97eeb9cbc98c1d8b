// Errors in the author's language, from the same Fluent catalog the Rust core and the CLI use
// (src-tauri/core/locales/*.ftl): an error arrives as {code, message, args}; the window formats
// the message for its code with the args, in the UI's language.

import { bundles } from "./catalog.js";
import { lang } from "./i18n.js";

/**
 * The message of an error from Rust in the UI's language; the message it came with (English)
 * when the catalog has none for its code or its fields do not fit the message.
 */
export function messageOf(error) {
  const b = bundles[lang] ?? bundles.en;
  const message = error?.code && b.getMessage(error.code);
  if (!message?.value) return error?.message ?? String(error);
  const problems = [];
  const text = b.formatPattern(message.value, fields(b, error.args ?? {}), problems);
  return problems.length ? (error.message ?? text) : text;
}

/**
 * An error's fields for the catalog: a word of the catalog (what Fumi was doing, `{id, text}`)
 * in the bundle's language, its English text where the catalog lacks it.
 * @param {import("@fluent/bundle").FluentBundle} b
 * @param {Record<string, import("./bindings.ts").Arg>} args
 */
function fields(b, args) {
  return Object.fromEntries(
    Object.entries(args).map(([name, value]) => {
      if (typeof value !== "object" || value === null) return [name, value];
      const word = b.getMessage(value.id)?.value;
      return [name, word ? b.formatPattern(word) : value.text];
    }),
  );
}
