// Saves the author's text within AUTOSAVE_DELAY_MS of the last keystroke, one save at a time,
// and never forgets a text it could not save: a failed save stays pending and is retried.

export const AUTOSAVE_DELAY_MS = 500;
const RETRY_DELAYS_MS = [1000, 3000, 10000];

export class Autosaver {
  /**
   * @param {(snapshot: {id:number,title:string,body:string,seen?:number|null}, explicit:boolean) => Promise<object>} save
   * @param {(state: "saved"|"saving"|"dirty"|"error", detail?: any) => void} onState
   */
  constructor(save, onState) {
    this.save = save;
    this.onState = onState;
    /** Unsaved text per draft id: survives failures and draft switches. */
    this.pending = new Map();
    this.inflight = null;
    this.timer = null;
    this.failures = 0;
  }

  /** Records new text for a draft and schedules a save. */
  change(snapshot) {
    this.pending.set(snapshot.id, snapshot);
    this.onState("dirty");
    this.schedule(AUTOSAVE_DELAY_MS);
  }

  /** Whether some text is not yet on disk. */
  get dirty() {
    return this.pending.size > 0 || this.inflight !== null;
  }

  schedule(delay) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush().catch(() => {}), delay);
  }

  /**
   * Saves everything pending now. Resolves when all of it is on disk; rejects with the
   * error if some text could not be saved (it stays pending and will be retried).
   */
  async flush(explicit = false) {
    clearTimeout(this.timer);
    while (this.inflight) await this.inflight.catch(() => {});
    if (this.pending.size === 0) return;
    const batch = [...this.pending.values()];
    this.pending.clear();
    this.onState("saving");
    this.inflight = (async () => {
      for (let i = 0; i < batch.length; i++) {
        try {
          await this.save(batch[i], explicit);
        } catch (error) {
          // Put back what was not saved, unless newer text for that draft arrived meanwhile.
          for (const s of batch.slice(i)) if (!this.pending.has(s.id)) this.pending.set(s.id, s);
          throw error;
        }
      }
    })();
    try {
      await this.inflight;
      this.failures = 0;
      this.onState(this.pending.size ? "dirty" : "saved");
    } catch (error) {
      this.onState("error", error);
      this.schedule(RETRY_DELAYS_MS[Math.min(this.failures++, RETRY_DELAYS_MS.length - 1)]);
      throw error;
    } finally {
      this.inflight = null;
    }
    if (this.pending.size) return this.flush(explicit);
  }
}
