// @ts-check
// The labs of the page, in tab order. This list is the only place a lab is named outside its
// own folder: the tabs, the `lab` field, the presets per lab, the control panels, the hide
// groups and the embedding docs' group table all come from the declarations it loads.

/**
 * What a lab's index.mjs declares (default export).
 * @typedef {{en: string, ko: string}} Text
 * @typedef {Text & {hides: string}} GroupDeclaration
 * @typedef {{title: Text, state: Record<string, any>}} PresetDeclaration
 * @typedef {{
 *   id: string,
 *   title: Text,
 *   kit: Record<string, any>,
 *   fields: readonly import('../state/field.mjs').Field[],
 *   panels: [string, readonly string[]][],
 *   relevant?: (name: string, state: Record<string, any>) => boolean,
 *   hints?: (state: Record<string, any>, progress: Partial<HintProgress>) =>
 *     {code: string, args?: Record<string, string | number | {key: string}>, preset?: string}[],
 *   groups: Record<string, GroupDeclaration>,
 *   presets: Record<string, PresetDeclaration>,
 *   stylesheet: string,
 *   strings: {en: Record<string, string>, ko: Record<string, string>},
 *   load: () => Promise<{default: {mount: Function}}>,
 *   receivesModels?: boolean,
 * }} LabDeclaration
 *   receivesModels: the lab that "Open in workbench" hands the other labs' models to (one).
 */

/**
 * What a lab's `hints` get besides its state (the shell's hint banner): the train answers'
 * figures and whatever the lab reported (ctx.reportHints), e.g. the stall's `baseline`.
 * @typedef {{
 *   stalled: boolean,
 *   loss: number | null,
 *   epochs: number,
 *   iterations: number,
 *   baseline?: number,
 *   [figure: string]: any,
 * }} HintProgress
 *   stalled: the training data loss has sat at `baseline` (the loss of a constant answer,
 *   default ln 2) for kit/stall.mjs's STALL_EPOCHS epochs; loss: the last epoch's data loss;
 *   epochs, iterations: the training position.
 */

export const LAB_IDS = Object.freeze([
  'perceptron',
  'mlp',
  'activations',
  'sequence',
  'images',
  'backprop',
  'optimizers',
  'surfaces',
  'generalization',
  'workbench',
]);

/** The lab a page with no link and no saved state opens. */
export const DEFAULT_LAB = 'mlp';

/** @type {readonly LabDeclaration[]} */
export const LABS = Object.freeze(
  await Promise.all(LAB_IDS.map(async (id) => (await import(`./${id}/index.mjs`)).default)),
);

/** @type {Readonly<Record<string, LabDeclaration>>} */
export const LAB = Object.freeze(Object.fromEntries(LABS.map((lab) => [lab.id, lab])));

/**
 * The names of lab `lab`'s fields whose change needs a new model (a rebuild): every kit field
 * and every own field not marked `keepsModel`.
 * @param {LabDeclaration} lab
 * @returns {Set<string>}
 */
export function rebuildNames(lab) {
  return new Set([...Object.keys(lab.kit), ...lab.fields.filter((f) => !f.keepsModel).map((f) => f.name)]);
}

/**
 * The interface text the registry brings: each lab's tab title (`tab.<id>`), its groups'
 * names (`group.<name>`) and the lab's own strings.
 * @returns {{en: Record<string, string>, ko: Record<string, string>}}
 */
export function registryStrings() {
  /** @type {{en: Record<string, string>, ko: Record<string, string>}} */
  const strings = { en: {}, ko: {} };
  for (const lab of LABS) {
    for (const lang of /** @type {const} */ (['en', 'ko'])) {
      Object.assign(strings[lang], lab.strings?.[lang] ?? {});
      strings[lang][`tab.${lab.id}`] = lab.title[lang];
      for (const [name, text] of Object.entries(lab.groups)) strings[lang][`group.${name}`] = text[lang];
    }
  }
  return strings;
}
