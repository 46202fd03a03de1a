// @ts-check
// Keeps the workbench's model across a reload: the learner's document text and the engine's
// saved file (weights, optimizer and training position) under one localStorage key. Another
// lab's "Open in workbench" hands its model over through the same key; the workbench's model
// it replaces moves to a `previous` slot, so the workbench can offer to bring it back. An
// embedded page has no storage and keeps nothing; a full quota keeps the text and drops the
// weights.

const KEY = 'nnplay.workbench';
const VERSION = 1;

/** @typedef {{text: string, file: any | null}} Model */
/** @typedef {Model & {from: string | null, previous: Model | null}} Kept */

/** @param {any} m @returns {Model | null} */
const model = (m) => (m && typeof m.text === 'string' ? { text: m.text, file: m.file ?? null } : null);

export class ModelKeeper {
  /** @param {Storage | null} storage */
  constructor(storage) {
    this.storage = storage;
  }

  /** @returns {Kept | null} what was kept, or null (nothing, or unreadable). */
  read() {
    try {
      const raw = this.storage?.getItem(KEY);
      if (!raw) return null;
      const kept = JSON.parse(raw);
      const current = kept?.version === VERSION ? model(kept) : null;
      if (!current) return null;
      return {
        ...current,
        from: typeof kept.from === 'string' ? kept.from : null,
        previous: model(kept.previous),
      };
    } catch {
      return null;
    }
  }

  /**
   * Keeps `text` and `file` (and a `previous` model, `from` the lab that handed it over).
   * Returns 'kept', 'text-only' (the quota took the weights) or 'none'.
   * @param {string} text @param {any | null} file
   * @param {{from?: string | null, previous?: Model | null}} [more]
   * @returns {'kept' | 'text-only' | 'none'}
   */
  write(text, file, { from = null, previous = null } = {}) {
    if (!this.storage) return 'none';
    const put = (/** @type {any} */ f, /** @type {Model | null} */ p) =>
      this.storage?.setItem(KEY, JSON.stringify({ version: VERSION, text, file: f, from, previous: p }));
    for (const [f, p] of [
      [file, previous],
      [file, previous && { text: previous.text, file: null }],
      [null, previous && { text: previous.text, file: null }],
    ]) {
      try {
        put(f, p);
        return f ? 'kept' : 'text-only';
      } catch {
        // Too large for the quota: try with less.
      }
    }
    return 'none';
  }

  /**
   * Another lab's model becomes the workbench's; the workbench's kept model moves to
   * `previous` (unless it was itself handed over and never used, which nothing would miss).
   * @param {string} text @param {any | null} file @param {string} from the lab's id
   */
  handOver(text, file, from) {
    const kept = this.read();
    const previous = kept ? (kept.from ? kept.previous : { text: kept.text, file: kept.file }) : null;
    return this.write(text, file, { from, previous });
  }
}
