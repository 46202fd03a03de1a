// The page's state: one flat record of the FIELDS in schema.mjs. Load order: defaults <-
// localStorage ('nnplay.state.v1') <- URL hash (a hash wins). Every change notifies the
// subscribers synchronously with the set of changed keys, and is written back (debounced) to
// localStorage and to the hash with history.replaceState. Invalid values warn and are dropped.
import { FIELD, FIELDS, cloneValue, defaultState, fullKey, labView, normalizeValue, sameValue } from './schema.mjs';
import { MAX_HASH_POINTS, decodeHash, encodeHash } from './hash.mjs';

export const STORAGE_KEY = 'nnplay.state.v1';

export class Store {
  /**
   * env: {storage, location, history, target (window, for hashchange), navigatorLanguage,
   * writeDelayMs}; all optional (Node tests pass stubs or nothing).
   */
  constructor(env = {}) {
    const g = globalThis;
    this.storage = 'storage' in env ? env.storage : safe(() => g.localStorage);
    this.location = 'location' in env ? env.location : g.location;
    this.history = 'history' in env ? env.history : g.history;
    this.target = 'target' in env ? env.target : (typeof g.addEventListener === 'function' ? g : null);
    this.writeDelayMs = env.writeDelayMs ?? 150;
    const language = env.navigatorLanguage ?? g.navigator?.language ?? '';
    this.defaults = defaultState(language);
    this.values = defaultState(language);
    this.flags = {};           // URL-only flags: {hide: [group, ...]}
    this.subscribers = new Set();
    this.writeTimer = null;
    this.lastHash = null;
    this.loadStorage();
    this.loadHash(this.location?.hash ?? '');
    this.onHashChange = () => this.applyHash(this.location?.hash ?? '');
    this.target?.addEventListener?.('hashchange', this.onHashChange);
  }

  /** The full key of `key`: a full key as it is, a lab field's name as the open lab's field. */
  resolve(key) {
    return FIELD[key] ? key : (fullKey(key, this.values.lab) ?? key);
  }

  /** The value of `key` (a copy for arrays/objects; mutate through set/patch only). */
  get(key) {
    return cloneValue(this.values[this.resolve(key)]);
  }

  /** The store as lab `lab` sees it: its own field names, unprefixed (LabStore). */
  scope(lab) {
    return new LabStore(this, lab);
  }

  /** A copy of the whole state. */
  state() {
    return cloneValue(Object.fromEntries(FIELDS.map((field) => [field.key, this.values[field.key]])));
  }

  /** Sets one key; returns false (with a warning) for an unknown key or an invalid value. */
  set(key, value) {
    return this.patch({ [key]: value });
  }

  /** Sets several keys at once; one notification with every key that changed. */
  patch(partial) {
    const changed = new Set();
    let allValid = true;
    for (const [name, value] of Object.entries(partial ?? {})) {
      const key = this.resolve(name);
      const checked = this.check(key, value);
      if (!checked.ok) {
        allValid = false;
        continue;
      }
      if (sameValue(this.values[key], checked.value)) continue;
      this.values[key] = checked.value;
      changed.add(key);
    }
    if (changed.size > 0) this.changed(changed);
    return allValid;
  }

  /** Calls fn(changedKeys: Set) after every change; returns the unsubscribe function. */
  subscribe(fn) {
    this.subscribers.add(fn);
    return () => this.subscribers.delete(fn);
  }

  /** Sets a URL-only flag (hide) and rewrites the hash. */
  setFlag(name, value) {
    this.flags[name] = value;
    this.changed(new Set([`flag:${name}`]));
  }

  /** The hash text (without '#') of the current state and flags. */
  hash() {
    return encodeHash(this.values, this.defaults, this.flags);
  }

  /** Writes a pending change to localStorage and the hash now (tests, pagehide). */
  flush() {
    clearTimeout(this.writeTimer);
    this.writeTimer = null;
    try {
      this.storage?.setItem(STORAGE_KEY, JSON.stringify(this.values));
    } catch (error) {
      console.warn(`nnplay: could not save the state (${error.message})`);
    }
    const hash = this.hash();
    this.lastHash = hash;
    if (this.history?.replaceState && this.location) {
      const base = String(this.location.href ?? '').split('#')[0];
      this.history.replaceState(this.history.state ?? null, '', hash ? `${base}#${hash}` : base);
    }
  }

  /** Stops listening to hashchange and cancels pending writes. */
  dispose() {
    clearTimeout(this.writeTimer);
    this.target?.removeEventListener?.('hashchange', this.onHashChange);
    this.subscribers.clear();
  }

  check(key, value) {
    const field = FIELD[key];
    if (!field) {
      console.warn(`nnplay: unknown state key '${key}'`);
      return { ok: false };
    }
    const checked = normalizeValue(field, value);
    if (!checked.ok) console.warn(`nnplay: ignoring invalid value (${checked.message})`);
    return checked;
  }

  changed(keys) {
    clearTimeout(this.writeTimer);
    this.writeTimer = setTimeout(() => this.flush(), this.writeDelayMs);
    for (const fn of [...this.subscribers]) {
      try {
        fn(keys);
      } catch (error) {
        console.warn('nnplay: a state subscriber failed', error);
      }
    }
  }

  loadStorage() {
    let text = null;
    try {
      text = this.storage?.getItem(STORAGE_KEY) ?? null;
    } catch {
      return;
    }
    if (!text) return;
    let saved;
    try {
      saved = JSON.parse(text);
    } catch {
      console.warn('nnplay: the saved state is not JSON; using the defaults');
      return;
    }
    for (const [key, value] of Object.entries(saved ?? {})) {
      const checked = this.check(key, value);
      if (checked.ok) this.values[key] = checked.value;
    }
  }

  loadHash(hash) {
    const { state, flags } = decodeHash(hash);
    Object.assign(this.values, state);
    this.flags = flags;
    this.lastHash = String(hash).replace(/^#/, '');
  }

  /** A hash typed or pasted by hand: the state becomes defaults <- hash (lang and big point
   *  sets that never go into the hash are kept). */
  applyHash(hash) {
    const text = String(hash).replace(/^#/, '');
    if (text === this.lastHash) return;
    this.lastHash = text;
    const { state, flags } = decodeHash(text);
    const next = { ...cloneValue(this.defaults), lang: this.values.lang, ...state };
    for (const field of FIELDS) {  // point sets too big for a link are kept
      if (field.type === 'points' && !(field.key in state) && this.values[field.key].length > MAX_HASH_POINTS) {
        next[field.key] = this.values[field.key];
      }
    }
    const changed = new Set();
    for (const field of FIELDS) {
      if (!sameValue(this.values[field.key], next[field.key])) {
        this.values[field.key] = cloneValue(next[field.key]);
        changed.add(field.key);
      }
    }
    if (!sameValue(this.flags, flags)) {
      this.flags = flags;
      changed.add('flag:hide');
    }
    if (changed.size > 0) this.changed(changed);
  }
}

function safe(fn) {
  try {
    return fn();
  } catch {
    return null;
  }
}

/** Lab `lab`'s view of a Store: get/set/patch/state/subscribe on the lab's own field names
 *  (and the shell's keys), whichever lab is open. */
export class LabStore {
  constructor(store, lab) {
    this.store = store;
    this.lab = lab;
  }

  key(name) {
    return fullKey(name, this.lab) ?? name;
  }

  get(name) {
    return this.store.get(this.key(name));
  }

  set(name, value) {
    return this.store.set(this.key(name), value);
  }

  patch(partial) {
    return this.store.patch(Object.fromEntries(Object.entries(partial ?? {})
      .map(([name, value]) => [this.key(name), value])));
  }

  /** The lab's names and the shell's keys with their values. */
  state() {
    return labView(this.store.values, this.lab);
  }

  /** fn(changed: Set of the lab's names and shell keys) after each change that concerns the lab. */
  subscribe(fn) {
    return this.store.subscribe((keys) => {
      const mine = new Set();
      for (const key of keys) {
        const field = FIELD[key];
        if (!field) mine.add(key);  // flags such as 'flag:hide'
        else if (field.lab === null) mine.add(key);
        else if (field.lab === this.lab) mine.add(field.name);
      }
      if (mine.size > 0) fn(mine);
    });
  }

  flush() {
    this.store.flush();
  }

  get flags() {
    return this.store.flags;
  }
}
