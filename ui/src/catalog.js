// The Fluent catalog in the window: the same files the Rust core and the CLI read
// (src-tauri/core/locales/*.ftl). Errors (messages.js) and the window's own words (i18n.js) are
// both formatted from it.

import { FluentBundle, FluentResource } from "@fluent/bundle";
import enFtl from "../../src-tauri/core/locales/en.ftl?raw";
import jaFtl from "../../src-tauri/core/locales/ja.ftl?raw";

/**
 * @param {string} locale
 * @param {string} source
 */
function bundle(locale, source) {
  // No Unicode isolation marks around paths and URLs: they would show in copied text.
  const b = new FluentBundle(locale, { useIsolating: false });
  b.addResource(new FluentResource(source));
  return b;
}

/** Each language's catalog once parsed. */
const parsed = new Map();

/** The catalog of `locale`, parsed at its first use: a window speaks one language, and parsing
 * a catalog it never shows would cost every start. */
function parsedBundle(locale, source) {
  if (!parsed.has(locale)) parsed.set(locale, bundle(locale, source));
  return parsed.get(locale);
}

/** The catalog in each language the window speaks. */
export const bundles = {
  get en() {
    return parsedBundle("en", enFtl);
  },
  get ja() {
    return parsedBundle("ja", jaFtl);
  },
};

/**
 * Whether a message's pattern takes fields (`{ $name }`) anywhere, selectors included.
 * @param {import("@fluent/bundle/esm/ast.js").Pattern} pattern
 * @returns {boolean}
 */
export function hasVariables(pattern) {
  if (typeof pattern === "string") return false;
  return pattern.some((element) => typeof element !== "string" && usesVariable(element));
}

/** @param {any} expression */
function usesVariable(expression) {
  switch (expression.type) {
    case "var":
      return true;
    case "select":
      return usesVariable(expression.selector) || expression.variants.some((v) => hasVariables(v.value));
    case "func":
      return expression.args.some(usesVariable);
    default:
      return false;
  }
}
