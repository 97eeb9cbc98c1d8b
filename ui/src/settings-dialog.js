// The settings dialog: the window's language and theme (saved in the database, so they follow
// the data folder). Saving reloads the window so every string is drawn in the new language.

import { api } from "./api.js";

const $ = (id) => document.getElementById(id);

export class SettingsDialog {
  constructor() {
    this.el = $("settings-dialog");
    $("open-settings").addEventListener("click", () => this.open());
    $("settings-cancel").addEventListener("click", () => (this.el.hidden = true));
    this.el.addEventListener("keydown", (event) => {
      if (event.key === "Escape") this.el.hidden = true;
    });
    $("settings-form").addEventListener("submit", (event) => {
      event.preventDefault();
      this.save();
    });
  }

  async open() {
    $("settings-message").textContent = "";
    try {
      this.settings = await api.getSettings();
      $("settings-language").value = this.settings.language;
      $("settings-theme").value = this.settings.theme;
      this.el.hidden = false;
      $("settings-language").focus();
    } catch (error) {
      $("settings-message").textContent = error.message;
      this.el.hidden = false;
    }
  }

  async save() {
    try {
      await api.saveSettings({ ...this.settings, language: $("settings-language").value, theme: $("settings-theme").value });
      // The text is saved on every keystroke, so a reload loses nothing.
      location.reload();
    } catch (error) {
      $("settings-message").textContent = error.message;
    }
  }
}
