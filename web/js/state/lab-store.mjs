// @ts-check
// A lab's view of the Store (store.mjs): the lab's own field names, unprefixed, and the shell's
// keys, whichever lab is open, so a lab never spells another lab's keys.
import { FIELD, fullKey, labView } from './schema.mjs';

/** @typedef {import('./store.mjs').Store} Store */
/** @typedef {import('./store.mjs').ChangeOptions} ChangeOptions */

/** Lab `lab`'s view of a Store: get/set/patch/state/subscribe on the lab's own field names
 *  (and the shell's keys), whichever lab is open. */
export class LabStore {
  /** @param {Store} store @param {string} lab */
  constructor(store, lab) {
    this.store = store;
    this.lab = lab;
  }

  /** @param {string} name */
  key(name) {
    return fullKey(name, this.lab) ?? name;
  }

  /** @param {string} name */
  get(name) {
    return this.store.get(this.key(name));
  }

  /** @param {string} name @param {any} value @param {ChangeOptions} [options] */
  set(name, value, options) {
    return this.store.set(this.key(name), value, options);
  }

  /** @param {Record<string, any>} partial @param {ChangeOptions} [options] */
  patch(partial, options) {
    return this.store.patch(
      Object.fromEntries(Object.entries(partial ?? {}).map(([name, value]) => [this.key(name), value])),
      options,
    );
  }

  /** @param {string} name @param {any} value */
  validate(name, value) {
    return this.store.validate(this.key(name), value);
  }

  /** @param {string} name */
  own(name) {
    return this.store.own(this.key(name));
  }

  /** @param {string} name @param {any} value */
  setOwn(name, value) {
    return this.store.setOwn(this.key(name), value);
  }

  /** The lab's names and the shell's keys with their values. */
  state() {
    return labView(this.store.values, this.lab);
  }

  /** fn(changed: Set of the lab's names and shell keys) after each change that concerns the lab.
   *  Own data of the lab's fields come as `own:<name>`.
   *  @param {(keys: Set<string>) => void} fn */
  subscribe(fn) {
    return this.store.subscribe((keys) => {
      const mine = new Set();
      for (const key of keys) {
        const own = key.startsWith('own:') ? FIELD[key.slice(4)] : null;
        const field = FIELD[key];
        if (own) {
          if (own.lab === this.lab) mine.add(`own:${own.name}`);
        } else if (!field)
          mine.add(key); // flags such as 'flag:hide', 'storage'
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
