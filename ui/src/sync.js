// Drafts on every computer: the status line's sync item, automatic syncs (at start, a while
// after the last save, on a timer), and the conflict screen. Syncing is quiet: offline is
// normal, and a failed try waits for the next occasion instead of retrying in a loop.

import { api } from "./api.js";
import { modal } from "./dialogs.js";
import { byId, byIdAs } from "./dom.js";
import { diffLine } from "./history-dialog.js";
import { t } from "./i18n.js";
import { messageOf } from "./messages.js";

/** A sync this long after the last save (typing pauses are not worth a sync each). */
const AFTER_SAVE_MS = 30_000;
/** And on this timer, for what other computers send while this one is idle. */
const EVERY_MS = 5 * 60_000;

export class SyncLine {
  /**
   * @param {{flush: () => Promise<void>, openDraftId: () => number | null,
   *          onReceived: () => Promise<void>, say: (text: string) => void}} host
   */
  constructor(host) {
    this.host = host;
    this.el = byIdAs("sync-state", HTMLButtonElement);
    this.status = /** @type {import("./bindings.ts").SyncStatus | null} */ (null);
    this.running = null;
    this.afterSave = null;
    this.timer = null;
    this.el.addEventListener("click", () => this.clicked());
    this.conflicts = new ConflictDialog(async (draft) => {
      await this.refresh();
      if (draft.id === this.host.openDraftId()) await this.host.onReceived();
    });
    // "Synced 3 min ago" stays true as time passes.
    setInterval(() => this.show(), 60_000);
  }

  /** Reads the status; syncs now (the start of a session) when sync is set up. */
  async start() {
    await this.refresh();
    if (!this.status?.remote) return;
    this.timer ??= setInterval(() => this.run(), EVERY_MS);
    await this.run();
  }

  /**
   * The last sync of a session, given at most `ms`: closing never waits longer. A sync cut off
   * is safe (the folder and the database recover at the next sync).
   */
  async last(ms) {
    if (!this.status?.remote) return;
    // A sync under way began before the last words: one more follows it.
    const both = (async () => {
      if (this.running) await this.running;
      await this.run();
    })();
    await Promise.race([both, new Promise((done) => setTimeout(done, ms))]);
  }

  /** A save landed: sync a while after the last one (and show a conflict the save found). */
  saved() {
    if (!this.status?.remote) return;
    this.refresh();
    clearTimeout(this.afterSave);
    this.afterSave = setTimeout(() => this.run(), AFTER_SAVE_MS);
  }

  async refresh() {
    this.status = await api.syncStatus().catch(() => null);
    this.show();
  }

  /** Syncs unless a sync is running; the open draft follows what the sync brought. */
  run() {
    if (!this.running) {
      this.running = this.sync().finally(() => {
        this.running = null;
        this.show();
      });
    }
    return this.running;
  }

  async sync() {
    this.show("syncing");
    await this.host.flush().catch(() => {});
    try {
      const report = await api.syncNow();
      const changed = report.received + report.deleted + report.conflicts.length + report.kept.length > 0;
      // The open draft shows what arrived, unless the author typed meanwhile: their save then
      // keeps what arrived beside their text as a conflict.
      if (changed) await this.host.onReceived();
      if (report.kept.length) this.host.say(t.syncKept({ count: report.kept.length }));
    } catch {
      // The status line says why; the next occasion tries again.
    }
    await this.refresh();
  }

  /** Shows the state: syncing, a conflict waiting, offline, failed, or synced N minutes ago. */
  show(state) {
    const status = this.status;
    this.el.hidden = !status?.remote;
    if (!status?.remote) return;
    const conflicts = status.conflicts.length;
    let text;
    let kind = "synced";
    if (state === "syncing" || this.running) (text = t.syncing), (kind = "syncing");
    else if (conflicts) (text = t.syncConflicts({ count: conflicts })), (kind = "conflict");
    else if (status.error?.code === "sync_unreachable") (text = t.syncOffline), (kind = "offline");
    else if (status.error) (text = t.syncFailed), (kind = "failed");
    else if (status.synced_at != null) text = t.syncedAgo({ minutes: Math.max(0, Math.floor((Date.now() - status.synced_at) / 60_000)) });
    else text = t.syncNever;
    this.el.textContent = text;
    this.el.dataset.syncState = kind;
    this.el.title = status.error ? messageOf(status.error) : status.remote;
  }

  /** A conflict waiting opens the conflict screen; otherwise the click syncs now. */
  clicked() {
    const first = this.status?.conflicts[0];
    if (first != null) this.conflicts.open(first);
    else this.run();
  }
}


/** Both texts of a draft changed on two computers, side by side, and the author's choice. */
class ConflictDialog {
  /** @param {(draft: import("./bindings.ts").Draft) => Promise<void>} onSettled */
  constructor(onSettled) {
    this.onSettled = onSettled;
    this.draftId = null;
    this.conflict = null;
    byId("conflict-later").addEventListener("click", () => modal("conflict-dialog").close());
    byId("conflict-keep-mine").addEventListener("click", () => this.settle({ choice: "keep_mine" }));
    byId("conflict-take-theirs").addEventListener("click", () => this.settle({ choice: "take_theirs" }));
    byId("conflict-save-merged").addEventListener("click", () =>
      this.settle({
        choice: "merged",
        title: this.conflict?.mine_title ?? "",
        body: byIdAs("conflict-merged", HTMLTextAreaElement).value,
      }),
    );
  }

  async open(draftId) {
    const conflict = await api.syncConflict(draftId).catch(() => null);
    if (!conflict) return;
    this.draftId = draftId;
    this.conflict = conflict;
    const mine = byId("conflict-mine");
    const theirs = byId("conflict-theirs");
    // Each side shows its own lines; what differs is marked on both.
    mine.replaceChildren(...conflict.lines.filter((l) => l.change !== "added").map((l) => diffLine(l.change, l.pieces)));
    theirs.replaceChildren(...conflict.lines.filter((l) => l.change !== "removed").map((l) => diffLine(l.change, l.pieces)));
    byId("conflict-title").textContent = conflict.mine_title || t.untitled;
    byIdAs("conflict-merged", HTMLTextAreaElement).value = conflict.mine_body;
    byId("conflict-message").textContent = "";
    const dialog = modal("conflict-dialog");
    if (!dialog.open) dialog.showModal();
  }

  async settle(resolution) {
    if (this.draftId == null) return;
    try {
      const draft = await api.resolveSyncConflict(this.draftId, resolution);
      modal("conflict-dialog").close();
      await this.onSettled(draft);
    } catch (error) {
      byId("conflict-message").textContent = error.message;
    }
  }
}
