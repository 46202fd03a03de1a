// @ts-check
// Keeps the workbench's array data choice across a reload, apart from the model: a small
// descriptor under its own key (an image set and its sample count, or a CSV's name and size),
// and a CSV's text under another key when it is at most 1 MB. The model's own entry
// (model-keeper.mjs, key "nnplay.workbench") is never written here, so a full quota costs the
// data choice, never the learner's model. A link carries none of this: a local file cannot
// travel in a URL, and the data follow the model, which lives in this browser too.

export const DATA_KEY = 'nnplay.workbench.data';
export const CSV_KEY = 'nnplay.workbench.csv';
/** Longest CSV text kept (characters): the parser's own limit, a fifth of a usual quota. */
export const MAX_KEPT_CSV = 1000000;

/**
 * @typedef {{kind: 'images', dataset: 'fashion' | 'digits', samples: number}
 *   | {kind: 'csv', name: string, bytes: number}} DataDescriptor
 */

/** @param {any} d @returns {DataDescriptor | null} */
function descriptor(d) {
  if (d?.kind === 'images' && (d.dataset === 'fashion' || d.dataset === 'digits')) {
    const samples = Number.isInteger(d.samples) && d.samples > 0 ? d.samples : 1;
    return { kind: 'images', dataset: d.dataset, samples };
  }
  if (d?.kind === 'csv' && typeof d.name === 'string') {
    return { kind: 'csv', name: d.name.slice(0, 200), bytes: Number(d.bytes) || 0 };
  }
  return null;
}

export class DataKeeper {
  /** @param {Storage | null} storage */
  constructor(storage) {
    this.storage = storage;
  }

  /** What was kept: the descriptor and, for a CSV, its text; null when nothing (or unreadable). */
  read() {
    try {
      const kept = descriptor(JSON.parse(this.storage?.getItem(DATA_KEY) ?? 'null'));
      if (!kept) return null;
      if (kept.kind === 'images') return { descriptor: kept, text: null };
      const text = this.storage?.getItem(CSV_KEY) ?? null;
      return text === null ? null : { descriptor: kept, text };
    } catch {
      return null;
    }
  }

  /**
   * Keeps `data` (the descriptor, and `text` for a CSV), or forgets everything for null.
   * Returns whether it was kept: false when there is no storage, the text is too long or the
   * quota is full (then nothing is kept, rather than a descriptor without its text).
   * @param {DataDescriptor | null} data @param {string | null} [text]
   */
  write(data, text = null) {
    if (!this.storage) return false;
    try {
      if (!data) {
        this.storage.removeItem(DATA_KEY);
        this.storage.removeItem(CSV_KEY);
        return true;
      }
      if (data.kind === 'csv') {
        if (text === null || text.length > MAX_KEPT_CSV) throw new RangeError('CSV too long to keep');
        this.storage.setItem(CSV_KEY, text);
      } else this.storage.removeItem(CSV_KEY);
      this.storage.setItem(DATA_KEY, JSON.stringify(data));
      return true;
    } catch {
      try {
        this.storage.removeItem(DATA_KEY);
        this.storage.removeItem(CSV_KEY);
      } catch {
        // storage gone entirely: nothing is kept either way
      }
      return false;
    }
  }
}
