// @ts-check
// What the browser keeps between visits: the state record ('nnplay.state.v1', every field but
// the point sets) and the learner's own data ('nnplay.own.v1': {fieldKey: points} for the
// `points` fields, e.g. the MLP lab's clicked or pasted points). The own data live apart so
// that nothing a link, an embed, a host or a preset loads can overwrite them. Writes merge:
// only the parts the user changed in this tab replace what is saved, so a link to one lab never
// replaces another lab's saved state.
import { FIELD, FIELDS, normalizeValue } from './schema.mjs';

export const STORAGE_KEY = 'nnplay.state.v1';
export const OWN_KEY = 'nnplay.own.v1';

/** The fields whose values are the learner's own data (kept under OWN_KEY). */
export const OWN_FIELDS = Object.freeze(FIELDS.filter((f) => f.type === 'points').map((f) => f.key));

/**
 * @typedef {{shell: Set<string>, labs: Set<string>, own: boolean}} Dirty
 *   What the user changed in this tab: shell keys, labs (all their fields are saved), own data.
 */

/**
 * True when `win` is not the top-level window (an iframe). Reading `top` is allowed across
 * origins; the guard is for browsers or sandboxes that throw anyway (then: treat as embedded).
 * @param {any} win
 */
export function isEmbedded(win) {
  try {
    return Boolean(win?.top) && win.top !== win;
  } catch {
    return true;
  }
}

/**
 * Parses the JSON object stored under `key`; {} when absent, unreadable or not JSON.
 * @param {Storage | null} storage
 * @param {string} key
 * @param {(text: string) => void} warn
 * @returns {Record<string, any>}
 */
function readRecord(storage, key, warn) {
  let text = null;
  try {
    text = storage?.getItem(key) ?? null;
  } catch {
    return {};
  }
  if (!text) return {};
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  } catch {
    warn(`nnplay: the saved ${key} is not JSON; using the defaults`);
    return {};
  }
}

/**
 * The saved state and own data, each value checked (an invalid one warns and is skipped).
 * Point sets found in an old state record (before OWN_KEY existed) become own data.
 * @param {Storage | null} storage
 * @param {(text: string) => void} [warn]
 * @returns {{state: Record<string, any>, own: Record<string, any>}}
 */
export function readSaved(storage, warn = console.warn) {
  /** @type {Record<string, any>} */
  const state = {};
  /** @type {Record<string, any>} */
  const own = {};
  const keep = (
    /** @type {Record<string, any>} */ into,
    /** @type {string} */ key,
    /** @type {any} */ value,
  ) => {
    const field = FIELD[key];
    if (!field) return;
    const checked = normalizeValue(field, value);
    if (checked.ok) into[key] = checked.value;
    else warn(`nnplay: ignoring an invalid saved value (${checked.message})`);
  };
  const record = readRecord(storage, STORAGE_KEY, warn);
  const ownRecord = readRecord(storage, OWN_KEY, warn);
  for (const [key, value] of Object.entries(record)) {
    if (OWN_FIELDS.includes(key)) {
      if (!(key in ownRecord) && Array.isArray(value) && value.length > 0) keep(own, key, value);
    } else {
      keep(state, key, value);
    }
  }
  for (const [key, value] of Object.entries(ownRecord)) {
    if (OWN_FIELDS.includes(key)) keep(own, key, value);
  }
  return { state, own };
}

/**
 * Writes the user's changes over what is saved: the own data when changed, then the state
 * record with the dirty shell keys and every field of each dirty lab. Throws what setItem
 * throws (a full quota: the caller tells the user; the values stay in memory).
 * @param {Storage} storage
 * @param {Record<string, any>} values  the whole state (full keys)
 * @param {Record<string, any>} own     the own data
 * @param {Dirty} dirty
 */
export function writeSaved(storage, values, own, dirty) {
  if (dirty.own) storage.setItem(OWN_KEY, JSON.stringify(own));
  if (dirty.shell.size === 0 && dirty.labs.size === 0) return;
  const record = readRecord(storage, STORAGE_KEY, () => {});
  for (const key of OWN_FIELDS) delete record[key];
  for (const field of FIELDS) {
    if (OWN_FIELDS.includes(field.key)) continue;
    const mine = field.lab === null ? dirty.shell.has(field.key) : dirty.labs.has(field.lab);
    if (mine) record[field.key] = values[field.key];
  }
  storage.setItem(STORAGE_KEY, JSON.stringify(record));
}
