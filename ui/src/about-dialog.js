// The About dialog: version, licence, and where the data and the logs are (with buttons that
// open those folders in the file manager).

import { api } from "./api.js";

const $ = (id) => document.getElementById(id);

export class AboutDialog {
  constructor() {
    this.el = $("about-dialog");
    $("about").addEventListener("click", () => this.open());
    $("about-close").addEventListener("click", () => (this.el.hidden = true));
    this.el.addEventListener("keydown", (event) => {
      if (event.key === "Escape") this.el.hidden = true;
    });
    $("open-data-dir").addEventListener("click", () => this.openFolder("data"));
    $("open-log-dir").addEventListener("click", () => this.openFolder("logs"));
  }

  async open() {
    $("about-message").textContent = "";
    try {
      const info = await api.appInfo();
      $("about-version").textContent = info.version;
      $("about-license").textContent = info.license;
      $("about-data-dir").textContent = info.data_dir;
      $("about-log-dir").textContent = info.log_dir;
    } catch (error) {
      $("about-message").textContent = error.message;
    }
    this.el.hidden = false;
    $("about-close").focus();
  }

  async openFolder(folder) {
    try {
      await api.openFolder(folder);
    } catch (error) {
      $("about-message").textContent = error.message;
    }
  }
}
