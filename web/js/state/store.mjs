// @ts-check
// The page's state: one flat record of the FIELDS in schema.mjs, plus the learner's own data
// (persist.mjs). Load: a page without a hash takes defaults <- saved state; a link (any hash)
// is a complete state, defaults <- hash, and saved values never fill what it leaves out (a
// `custom` dataset whose points did not fit in the link takes the learner's own points). An
// embedded page (an iframe) neither reads nor writes the saved state: it lives in memory.
// Only changes the user makes (patch/set without {user: false}) are saved, merged over the
// saved record per lab; loading a link, a hashchange and the host API change nothing saved.
// Every change notifies the subscribers synchronously with the set of changed keys, and is
// written back (debounced) to the hash with history.replaceState and, if the user made it, to
// localStorage. A full quota keeps the state in memory and notifies 'storage' (saveFailed).
import {
  DEFAULT_LAB,
  FIELD,
  FIELDS,
  cloneValue,
  defaultState,
  fullKey,
  normalizeValue,
  sameValue,
} from './schema.mjs';
import { LabStore } from './lab-store.mjs';
import { hashAfterReload, noteLeavingHash } from './reload-hash.mjs';
import { decodeHash, encodeHash } from './hash.mjs';
import { OWN_FIELDS, isEmbedded, readSaved, writeSaved } from './persist.mjs';

export { OWN_KEY, STORAGE_KEY } from './persist.mjs';
export { LabStore };

/** @typedef {import('./field.mjs').Checked} Checked */
/** @typedef {{user?: boolean}} ChangeOptions  user: false for loads (link, host, hashchange) */

export class Store {
  /**
   * env: {storage, location, history, target (window, for hashchange), navigatorLanguage,
   * writeDelayMs, embedded}; all optional (Node tests pass stubs or nothing).
   * @param {Record<string, any>} [env]
   */
  constructor(env = {}) {
    const g = /** @type {any} */ (globalThis);
    this.embedded = 'embedded' in env ? Boolean(env.embedded) : isEmbedded(g);
    // An embed never touches the learner's saved state: the host page chose what it shows.
    this.storage = this.embedded ? null : 'storage' in env ? env.storage : safe(() => g.localStorage);
    this.location = 'location' in env ? env.location : g.location;
    this.history = 'history' in env ? env.history : g.history;
    this.target = 'target' in env ? env.target : typeof g.addEventListener === 'function' ? g : null;
    this.writeDelayMs = env.writeDelayMs ?? 150;
    const language = env.navigatorLanguage ?? g.navigator?.language ?? '';
    this.defaults = defaultState(language);
    this.values = defaultState(language);
    /** @type {Record<string, any>} URL-only flags: {hide: [group, ...], hosts: [origin, ...]} */
    this.flags = {};
    /** @type {Set<(keys: Set<string>) => void>} */
    this.subscribers = new Set();
    /** @type {any} */
    this.writeTimer = null;
    /** @type {string} */
    this.lastHash = '';
    /** @type {import('./persist.mjs').Dirty} */
    this.dirty = { shell: new Set(), labs: new Set(), own: false };
    /** @type {Error | null} the last failed save (cleared by the next successful one) */
    this.saveFailed = null;
    const saved = readSaved(this.storage);
    /** @type {Record<string, any>} the learner's own data (points fields) */
    this.ownData = saved.own;
    const shown = String(this.location?.hash ?? '').replace(/^#/, '');
    const navigationType =
      env.navigationType ?? safe(() => g.performance?.getEntriesByType?.('navigation')?.[0]?.type) ?? '';
    const hash = hashAfterReload(this.storage, shown, navigationType);
    if (hash !== shown && this.history?.replaceState && this.location) {
      const base = String(this.location.href ?? '').split('#')[0];
      this.history.replaceState(this.history.state ?? null, '', hash ? `${base}#${hash}` : base);
    }
    this.fromLink = hash !== '';
    if (this.fromLink) this.loadHash(hash);
    else Object.assign(this.values, saved.state);
    this.fillOwnPoints(this.fromLink ? decodeHash(hash, () => {}).state : {});
    this.onHashChange = () => this.applyHash(this.location?.hash ?? '');
    this.target?.addEventListener?.('hashchange', this.onHashChange);
  }

  /** A `custom` dataset without points of its own (they did not fit in the link, or the saved
   *  state keeps them apart) shows the learner's own points. */
  fillOwnPoints(/** @type {Record<string, any>} */ given) {
    for (const key of OWN_FIELDS) {
      const lab = FIELD[key].lab;
      if (key in given || !this.ownData[key] || this.values[`${lab}.dataset`] !== 'custom') continue;
      this.values[key] = cloneValue(this.ownData[key]);
    }
  }

  /** The full key of `key`: a full key as it is, a lab field's name as the open lab's field.
   *  @param {string} key */
  resolve(key) {
    return FIELD[key] ? key : (fullKey(key, this.values.lab) ?? key);
  }

  /** The value of `key` (a copy for arrays/objects; mutate through set/patch only).
   *  @param {string} key */
  get(key) {
    return cloneValue(this.values[this.resolve(key)]);
  }

  /** The store as lab `lab` sees it: its own field names, unprefixed (LabStore).
   *  @param {string} lab */
  scope(lab) {
    return new LabStore(this, lab);
  }

  /** A copy of the whole state. */
  state() {
    return cloneValue(Object.fromEntries(FIELDS.map((field) => [field.key, this.values[field.key]])));
  }

  /**
   * Checks `value` for `key` without storing it: the Checked of normalizeValue (its `code`
   * picks a translated message), {ok: false, code: 'unknown'} for an unknown key.
   * @param {string} key
   * @param {any} value
   * @returns {Checked}
   */
  validate(key, value) {
    const field = FIELD[this.resolve(key)];
    if (!field)
      return { ok: false, code: 'unknown', message: `unknown state key '${String(key).slice(0, 40)}'` };
    return normalizeValue(field, value);
  }

  /** Sets one key; returns false (with a warning) for an unknown key or an invalid value.
   *  @param {string} key @param {any} value @param {ChangeOptions} [options] */
  set(key, value, options) {
    return this.patch({ [key]: value }, options);
  }

  /**
   * Sets several keys at once; one notification with every key that changed. A change the
   * user made (the default) is saved; pass {user: false} for loads (host API, links).
   * @param {Record<string, any>} partial
   * @param {ChangeOptions} [options]
   */
  patch(partial, { user = true } = {}) {
    const changed = new Set();
    let allValid = true;
    for (const [name, value] of Object.entries(partial ?? {})) {
      const key = this.resolve(name);
      const checked = this.validate(key, value);
      if (!checked.ok) {
        console.warn(`nnplay: ignoring invalid value (${checked.message})`);
        allValid = false;
        continue;
      }
      if (sameValue(this.values[key], checked.value)) continue;
      this.values[key] = checked.value;
      changed.add(key);
    }
    if (changed.size > 0) this.changed(changed, user);
    return allValid;
  }

  /** The learner's own data for `key` (a points field), or null when there is none.
   *  @param {string} key */
  own(key) {
    const value = this.ownData[this.resolve(key)];
    return value ? cloneValue(value) : null;
  }

  /**
   * Replaces the learner's own data for `key` (a user action: clicks, CSV, clear); an empty set
   * removes it. Returns the Checked result; notifies `own:<key>`.
   * @param {string} key
   * @param {any} value
   * @returns {Checked}
   */
  setOwn(key, value) {
    const full = this.resolve(key);
    if (!OWN_FIELDS.includes(full)) return { ok: false, code: 'unknown', message: `${key} is not own data` };
    const checked = normalizeValue(FIELD[full], value);
    if (!checked.ok) return checked;
    if (checked.value.length > 0) this.ownData[full] = checked.value;
    else delete this.ownData[full];
    this.dirty.own = true;
    this.changed(new Set([`own:${full}`]), false);
    return checked;
  }

  /** Calls fn(changedKeys: Set) after every change; returns the unsubscribe function.
   *  @param {(keys: Set<string>) => void} fn */
  subscribe(fn) {
    this.subscribers.add(fn);
    return () => this.subscribers.delete(fn);
  }

  /** Sets a URL-only flag (hide) and rewrites the hash.
   *  @param {string} name @param {any} value */
  setFlag(name, value) {
    this.flags[name] = value;
    this.changed(new Set([`flag:${name}`]), false);
  }

  /** The hash text (without '#') of the current state and flags. */
  hash() {
    return encodeHash(this.values, this.defaults, this.flags);
  }

  /** Writes a pending change to the hash and (the user's changes) to localStorage now
   *  (tests, pagehide). `leaving`: the page is going away (pagehide), so a reload already
   *  took the URL's hash; the replaced hash is noted for it (reload-hash.mjs). */
  flush({ leaving = false } = {}) {
    clearTimeout(this.writeTimer);
    this.writeTimer = null;
    this.save();
    const hash = this.hash();
    this.lastHash = hash;
    if (leaving) noteLeavingHash(this.storage, String(this.location?.hash ?? '').replace(/^#/, ''), hash);
    if (this.history?.replaceState && this.location) {
      const base = String(this.location.href ?? '').split('#')[0];
      this.history.replaceState(this.history.state ?? null, '', hash ? `${base}#${hash}` : base);
    }
  }

  /** Saves the user's changes; a failure (quota) is kept in saveFailed and notified once. */
  save() {
    const { shell, labs, own } = this.dirty;
    if (!this.storage || (shell.size === 0 && labs.size === 0 && !own)) return;
    const failedBefore = this.saveFailed;
    try {
      writeSaved(this.storage, this.values, this.ownData, this.dirty);
      this.dirty.own = false;
      this.saveFailed = null;
    } catch (error) {
      console.warn(`nnplay: could not save the state (${error instanceof Error ? error.message : error})`);
      this.saveFailed = error instanceof Error ? error : new Error(String(error));
    }
    if (Boolean(failedBefore) !== Boolean(this.saveFailed)) this.notify(new Set(['storage']));
  }

  /** Stops listening to hashchange and cancels pending writes. */
  dispose() {
    clearTimeout(this.writeTimer);
    this.target?.removeEventListener?.('hashchange', this.onHashChange);
    this.subscribers.clear();
  }

  /** @param {Set<string>} keys @param {boolean} user */
  changed(keys, user) {
    if (user) {
      for (const key of keys) {
        const field = FIELD[key];
        if (!field) continue;
        if (field.lab === null) this.dirty.shell.add(key);
        else {
          // A lab's state is saved whole, with the lab and preset it belongs to.
          this.dirty.labs.add(field.lab);
          this.dirty.shell.add('lab').add('preset');
        }
      }
    }
    clearTimeout(this.writeTimer);
    this.writeTimer = setTimeout(() => this.flush(), this.writeDelayMs);
    this.notify(keys);
  }

  /** @param {Set<string>} keys */
  notify(keys) {
    for (const fn of [...this.subscribers]) {
      try {
        fn(keys);
      } catch (error) {
        console.warn('nnplay: a state subscriber failed', error);
      }
    }
  }

  /** @param {string} hash */
  loadHash(hash) {
    const { state, flags } = decodeHash(hash);
    Object.assign(this.values, state);
    this.flags = flags;
    this.lastHash = String(hash).replace(/^#/, '');
  }

  /**
   * A hash typed, pasted or set by another page: only the keys it names with a value other
   * than the previous hash's are applied (the rest, such as the learner's points and network,
   * stay). Not a user change: nothing is saved. The flags become the new hash's.
   * @param {string} hash
   */
  applyHash(hash) {
    const text = String(hash).replace(/^#/, '');
    if (text === this.lastHash) return;
    const before = decodeHash(this.lastHash, () => {}).state;
    this.lastHash = text;
    const { state, flags } = decodeHash(text);
    const oldLab = before.lab ?? DEFAULT_LAB;
    const changed = new Set();
    for (const [key, value] of Object.entries(state)) {
      const field = FIELD[key];
      // The old hash described the shell and its lab; a missing key there was the default.
      const described = field.lab === null || field.lab === oldLab;
      const old = key in before ? before[key] : described ? this.defaults[key] : undefined;
      if (old !== undefined && sameValue(old, value)) continue;
      if (sameValue(this.values[key], value)) continue;
      this.values[key] = cloneValue(value);
      changed.add(key);
    }
    if (!sameValue(this.flags, flags)) {
      for (const name of new Set([...Object.keys(this.flags), ...Object.keys(flags)])) {
        if (!sameValue(this.flags[name], flags[name])) changed.add(`flag:${name}`);
      }
      this.flags = flags;
    }
    if (changed.size > 0) this.changed(changed, false);
  }
}

/** @param {() => any} fn */
function safe(fn) {
  try {
    return fn();
  } catch {
    return null;
  }
}
