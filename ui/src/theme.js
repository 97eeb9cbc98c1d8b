// How the window looks: light or dark (the settings' choice, or the OS's, followed when it
// changes; the stylesheets key every dark colour on the root's data-theme), and the editor's
// typeface and size.

const dark = window.matchMedia("(prefers-color-scheme: dark)");
let choice = "system";

function apply() {
  const theme = choice === "light" || choice === "dark" ? choice : dark.matches ? "dark" : "light";
  document.documentElement.dataset.theme = theme;
}

dark.addEventListener("change", apply);
apply();

/** The editor's typeface ("sans", "serif" or "mono") and size in pixels. */
export function useEditorFont(font, size) {
  const root = document.documentElement.style;
  root.setProperty("--editor-font", `var(--${["serif", "mono"].includes(font) ? font : "sans"})`);
  root.setProperty("--editor-size", `${size || 15}px`);
}

/** Uses "system", "light" or "dark". */
export function useTheme(theme) {
  choice = theme;
  apply();
}
