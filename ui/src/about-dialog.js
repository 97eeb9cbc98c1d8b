// The About dialog: version, licence, and where the data and the logs are (with buttons that
// open those folders in the file manager).

import { api } from "./api.js";
import { modal } from "./dialogs.js";
import { byId } from "./dom.js";


export class AboutDialog {
  constructor() {
    this.el = modal("about-dialog");
    byId("about").addEventListener("click", () => this.open());
    byId("about-close").addEventListener("click", () => this.el.close());
    byId("open-data-dir").addEventListener("click", () => this.openFolder("data"));
    byId("open-log-dir").addEventListener("click", () => this.openFolder("logs"));
  }

  async open() {
    byId("about-message").textContent = "";
    try {
      const info = await api.appInfo();
      byId("about-version").textContent = info.version;
      byId("about-license").textContent = info.license;
      byId("about-data-dir").textContent = info.data_dir;
      byId("about-log-dir").textContent = info.log_dir;
    } catch (error) {
      byId("about-message").textContent = error.message;
    }
    if (!this.el.open) this.el.showModal();
    byId("about-close").focus();
  }

  async openFolder(folder) {
    try {
      await api.openFolder(folder);
    } catch (error) {
      byId("about-message").textContent = error.message;
    }
  }
}
