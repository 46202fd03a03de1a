// @ts-check
// Named starting points, declared by the labs (registry): {name: {lab, title: {en, ko}, state}}
// with `state` in the lab's own names. "Reset to preset" puts back that lab's defaults with the
// preset on top and opens the lab; the other labs' state and the language are kept.
import { LABS } from '../labs/registry.mjs';
import { FIELD, defaultState, fullKey } from './schema.mjs';

/** @typedef {{lab: string, title: {en: string, ko: string}, state: Record<string, any>}} Preset */

/** @type {Readonly<Record<string, Preset>>} */
export const PRESETS = Object.freeze(
  Object.fromEntries(
    LABS.flatMap((lab) =>
      Object.entries(lab.presets).map(([name, preset]) => [name, { lab: lab.id, ...preset }]),
    ),
  ),
);

export const DEFAULT_PRESET = String(FIELD.preset.default);

/** The preset a lab starts from when its tab is picked: its first. @type {Readonly<Record<string, string>>} */
export const LAB_PRESETS = Object.freeze(
  Object.fromEntries(LABS.map((lab) => [lab.id, Object.keys(lab.presets)[0]])),
);

/**
 * The keys (full names) and values that preset `name` sets: every field of its lab at its
 * default with the preset on top, plus `lab`, `preset` and any shell key the preset names.
 * An unknown name gives the default preset.
 * @param {string} name
 * @returns {Record<string, any>}
 */
export function presetPatch(name) {
  const known = Object.hasOwn(PRESETS, name);
  const preset = PRESETS[known ? name : DEFAULT_PRESET];
  const defaults = defaultState();
  /** @type {Record<string, any>} */
  const patch = { lab: preset.lab, preset: known ? name : DEFAULT_PRESET };
  for (const [key, value] of Object.entries(defaults)) {
    if (FIELD[key].lab === preset.lab) patch[key] = value;
  }
  for (const [name2, value] of Object.entries(structuredClone(preset.state))) {
    const key = fullKey(name2, preset.lab);
    if (!key) throw new Error(`preset ${name}: unknown field '${name2}'`);
    patch[key] = value;
  }
  return patch;
}

/**
 * The full state of preset `name`: defaults ⊕ presetPatch(name), with `lang` when given.
 * @param {string} name
 * @param {{lang?: string, navigatorLanguage?: string}} [options]
 */
export function presetState(name, { lang, navigatorLanguage } = {}) {
  const state = { ...defaultState(navigatorLanguage), ...presetPatch(name) };
  if (lang) state.lang = lang;
  return state;
}
