// @ts-check
// Fields every page has (the shell's: lab, preset, language, speed) and the training kit a lab
// may take into its own state (learning rate, optimizer, regularization, ...): templates with
// Keras's names and defaults. A lab lists the kit fields it uses, optionally with its own
// defaults, and the registry binds them under the lab's namespace (`mlp.lr`, `perceptron.lr`).
import { field } from './field.mjs';

export const ACTIVATIONS = ['linear', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'prelu', 'elu'];
export const OPTIMIZERS = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw'];

/** The engine's largest `fit.epochs` (docs/schema/training.md): what an epoch limit of 0 sends. */
export const NO_LIMIT_EPOCHS = 1000000;

/**
 * The engine's `fit.epochs` for the state's epoch limit: the limit, or NO_LIMIT_EPOCHS for 0
 * (or none given).
 * @param {number | undefined} limit
 * @returns {number}
 */
export function fitEpochs(limit) {
  return Number.isInteger(limit) && /** @type {number} */ (limit) > 0
    ? /** @type {number} */ (limit)
    : NO_LIMIT_EPOCHS;
}

/** Which optimizer parameters each optimizer shows. */
export const OPTIMIZER_PARAMS = Object.freeze({
  sgd: [],
  momentum: ['momentum'],
  nesterov: ['momentum'],
  adagrad: ['epsilon'],
  rmsprop: ['rho', 'epsilon'],
  adam: ['beta1', 'beta2', 'epsilon'],
  adamw: ['beta1', 'beta2', 'epsilon', 'weightDecay'],
});

/** Shell fields: not namespaced, shared by every lab. `lab` gets its options from the registry. */
export const SHELL_FIELDS = Object.freeze([
  field('preset', 'string', ''),
  field('lang', 'enum', 'en', { options: ['en', 'ko'] }),
  // 250 batches/s: the default shows the boundary forming over seconds; 5 is "max".
  field('speed', 'int', 4, { min: 1, max: 5 }),
]);

/** Groups of the shell's own elements that `hide` may name, with what each hides. */
export const SHELL_GROUP_HIDES = Object.freeze({
  header: 'title, preset menu, language toggle',
  tabs: 'the lab tabs',
  toolbar: 'play/pause/step/reset, counters, speed, copy link, embed',
});
export const SHELL_GROUPS = Object.freeze(Object.keys(SHELL_GROUP_HIDES));

/** The training kit: field templates by name. */
export const KIT = Object.freeze(
  Object.fromEntries(
    [
      field('lr', 'number', 0.03, { min: 0, max: 10, minOpen: true }),
      field('batch', 'int', 10, { min: 1, max: 1024 }),
      // 0: no limit (the engine's maximum, NO_LIMIT_EPOCHS); lessons set one.
      field('epochs', 'int', 0, { min: 0, max: 100000 }),
      field('loss', 'enum', 'auto', {
        options: [
          'auto',
          'mse',
          'mae',
          'binary_crossentropy',
          'categorical_crossentropy',
          'sparse_categorical_crossentropy',
        ],
      }),
      field('optimizer', 'enum', 'sgd', { options: OPTIMIZERS }),
      field('momentum', 'number', 0.9, { min: 0, max: 1, maxOpen: true }),
      field('rho', 'number', 0.9, { min: 0, max: 1, maxOpen: true }),
      field('beta1', 'number', 0.9, { min: 0, max: 1, maxOpen: true }),
      field('beta2', 'number', 0.999, { min: 0, max: 1, maxOpen: true }),
      field('epsilon', 'number', 1e-7, { min: 0, max: 1, minOpen: true }),
      field('weightDecay', 'number', 0.004, { min: 0, max: 1 }),
      field('activation', 'enum', 'tanh', { options: ACTIVATIONS }),
      field('init', 'enum', 'glorot_uniform', {
        options: [
          'glorot_uniform',
          'glorot_normal',
          'he_uniform',
          'he_normal',
          'lecun_normal',
          'random_normal',
          'zeros',
        ],
      }),
      field('reg', 'enum', 'none', { options: ['none', 'l1', 'l2', 'l1_l2'] }),
      field('regRate', 'number', 0.001, { min: 0, max: 10 }),
      field('dropout', 'number', 0, { min: 0, max: 0.9 }),
      field('batchNorm', 'bool', false),
      field('earlyStop', 'bool', false),
      field('patience', 'int', 20, { min: 0, max: 1000 }),
      field('seed', 'int', 0, { min: 0, max: 2 ** 31 - 1 }),
    ].map((f) => [f.name, f]),
  ),
);

/** The kit's panels: [group, field names], in display order. A lab names the ones it shows. */
export const KIT_PANELS = Object.freeze({
  training: ['lr', 'batch', 'epochs', 'loss'],
  optimizer: ['optimizer', 'momentum', 'rho', 'beta1', 'beta2', 'epsilon', 'weightDecay'],
  network: ['activation', 'init'],
  regularization: ['reg', 'regRate', 'dropout', 'batchNorm', 'earlyStop', 'patience'],
});

/** The optimizers' parameters at their templates' (Keras's) defaults, for the `kit` of a lab
 *  that shows the optimizer panel and keeps those defaults. */
export const OPTIMIZER_PARAM_DEFAULTS = Object.freeze(
  Object.fromEntries(KIT_PANELS.optimizer.filter((n) => n !== 'optimizer').map((n) => [n, KIT[n].default])),
);

/**
 * Whether kit field `name` is shown for the lab's current state `state` (unprefixed names):
 * only the chosen optimizer's parameters, rates behind their toggles.
 * @param {string} name
 * @param {Record<string, any>} state
 */
export function kitFieldRelevant(name, state) {
  if (KIT_PANELS.optimizer.includes(name) && name !== 'optimizer') {
    return (
      /** @type {Record<string, string[]>} */ (OPTIMIZER_PARAMS)[state.optimizer]?.includes(name) ?? false
    );
  }
  if (name === 'regRate') return state.reg !== 'none';
  if (name === 'patience') return Boolean(state.earlyStop);
  return true;
}
