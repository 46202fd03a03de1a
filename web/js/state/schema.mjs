// @ts-check
// The typed state table of the page, derived from the lab registry: the shell's fields (lab,
// preset, lang, speed) and every lab's own fields, namespaced `<lab>.<name>`. The store holds
// one flat record of these keys; hash.mjs writes the open lab's fields without their prefix.
import { DEFAULT_LAB, LAB, LABS, LAB_IDS } from '../labs/registry.mjs';
import { KIT, SHELL_FIELDS, SHELL_GROUPS } from './kit-fields.mjs';
import { bindField, cloneValue, field } from './field.mjs';

export { cloneValue, normalizeValue, sameValue } from './field.mjs';

/** @typedef {import('./field.mjs').Field} Field */

export { DEFAULT_LAB };

/** The fields of lab `lab`: its kit fields (with its defaults) then its own. */
function labFields(/** @type {import('../labs/registry.mjs').LabDeclaration} */ lab) {
  const kit = Object.entries(lab.kit).map(([name, def]) => {
    const template = KIT[name];
    if (!template) throw new Error(`lab ${lab.id}: unknown kit field '${name}'`);
    return bindField(template, lab.id, def === undefined ? template.default : def);
  });
  return [...kit, ...lab.fields.map((f) => bindField(f, lab.id))];
}

/** @type {readonly Field[]} */
export const FIELDS = Object.freeze([
  field('lab', 'enum', DEFAULT_LAB, { options: [...LAB_IDS] }),
  ...SHELL_FIELDS.map((f) =>
    f.name === 'preset' ? field('preset', 'string', Object.keys(LAB[DEFAULT_LAB].presets)[0]) : f,
  ),
  ...LABS.flatMap(labFields),
]);

/** key -> field. @type {Readonly<Record<string, Field>>} */
export const FIELD = Object.freeze(Object.fromEntries(FIELDS.map((f) => [f.key, f])));

/** Groups that `hide` may name, in display order: the shell's, then each lab's panels and
 *  own groups. */
export const GROUPS = Object.freeze([
  ...new Set([
    ...SHELL_GROUPS,
    ...LABS.flatMap((lab) => [...lab.panels.map(([group]) => group), ...Object.keys(lab.groups)]),
  ]),
]);

/**
 * The full key of `name` for lab `lab`: a shell key as it is, a lab field as `<lab>.<name>`,
 * undefined when neither exists.
 * @param {string} name
 * @param {string} lab
 */
export function fullKey(name, lab) {
  if (FIELD[name] && FIELD[name].lab === null) return name;
  const key = `${lab}.${name}`;
  return FIELD[key] ? key : undefined;
}

/**
 * A fresh record of every default; lang follows `navigatorLanguage` ("ko..." -> ko).
 * @param {string} [navigatorLanguage]
 * @returns {Record<string, any>}
 */
export function defaultState(navigatorLanguage = '') {
  const state = Object.fromEntries(FIELDS.map((f) => [f.key, cloneValue(f.default)]));
  if (String(navigatorLanguage).toLowerCase().startsWith('ko')) state.lang = 'ko';
  return state;
}

/**
 * The view of `state` (full keys) a lab sees: shell keys as they are, its own fields without
 * their prefix.
 * @param {Record<string, any>} state
 * @param {string} lab
 */
export function labView(state, lab) {
  /** @type {Record<string, any>} */
  const view = {};
  for (const f of FIELDS) {
    if (f.lab === null) view[f.key] = cloneValue(state[f.key]);
    else if (f.lab === lab) view[f.name] = cloneValue(state[f.key]);
  }
  return view;
}
