// Light or dark: the settings' choice, or the OS's (followed when it changes). The stylesheets
// key every dark colour on the root's data-theme.

const dark = window.matchMedia("(prefers-color-scheme: dark)");
let choice = "system";

function apply() {
  const theme = choice === "light" || choice === "dark" ? choice : dark.matches ? "dark" : "light";
  document.documentElement.dataset.theme = theme;
}

dark.addEventListener("change", apply);
apply();

/** Uses "system", "light" or "dark". */
export function useTheme(theme) {
  choice = theme;
  apply();
}
