// @ts-check
// The seven optimizers of the surfaces lab (the optimizers lab's racers, same ids, names and
// colours) and the hyperparameters the learner sets for each, under their Keras names and with
// Keras's defaults. optimizerObject() writes the `compile.optimizer` object the engine's
// `surface` op takes: the formulas are the engine's, the page only names the settings.
import { RACERS } from '../optimizers/racers.mjs';

/** @typedef {{key: string, keras: string, def: number, min: number, max: number,
 *   minOpen?: boolean, maxOpen?: boolean}} Hyper  key: the store field's suffix */

/** @type {Record<string, Hyper>} */
const H = {
  momentum: { key: 'Momentum', keras: 'momentum', def: 0.9, min: 0, max: 1, maxOpen: true },
  rho: { key: 'Rho', keras: 'rho', def: 0.9, min: 0, max: 1, maxOpen: true },
  beta1: { key: 'Beta1', keras: 'beta_1', def: 0.9, min: 0, max: 1, maxOpen: true },
  beta2: { key: 'Beta2', keras: 'beta_2', def: 0.999, min: 0, max: 1, maxOpen: true },
  epsilon: { key: 'Epsilon', keras: 'epsilon', def: 1e-7, min: 0, minOpen: true, max: 1 },
  decay: { key: 'WeightDecay', keras: 'weight_decay', def: 0.004, min: 0, max: 1 },
  initial: { key: 'Initial', keras: 'initial_accumulator_value', def: 0.1, min: 0, max: 10 },
};

/** The base object of each optimizer (type and fixed flags) and the hyperparameters it shows. */
const SHAPES = {
  sgd: { base: { type: 'sgd' }, hypers: [] },
  momentum: { base: { type: 'sgd' }, hypers: [H.momentum] },
  nesterov: { base: { type: 'sgd', nesterov: true }, hypers: [H.momentum] },
  adagrad: { base: { type: 'adagrad' }, hypers: [H.initial, H.epsilon] },
  rmsprop: { base: { type: 'rmsprop' }, hypers: [H.rho, H.epsilon] },
  adam: { base: { type: 'adam' }, hypers: [H.beta1, H.beta2, H.epsilon] },
  adamw: { base: { type: 'adamw' }, hypers: [H.beta1, H.beta2, H.epsilon, H.decay] },
};

/** @typedef {{id: string, name: string, base: Record<string, any>, hypers: Hyper[]}} SurfaceOptimizer */

/** The optimizers in the page's order. @type {readonly SurfaceOptimizer[]} */
export const OPTIMIZERS = Object.freeze(
  RACERS.map((r) => ({ id: r.id, name: r.name, .../** @type {any} */ (SHAPES)[r.id] })),
);

/** @type {Readonly<Record<string, SurfaceOptimizer>>} */
export const OPTIMIZER = Object.freeze(Object.fromEntries(OPTIMIZERS.map((o) => [o.id, o])));

/** @param {string} s */
const capital = (s) => s[0].toUpperCase() + s.slice(1);

/** Store field names: whether optimizer `id` runs, its learning rate, a hyperparameter. */
export const useName = (/** @type {string} */ id) => `surf${capital(id)}On`;
export const lrName = (/** @type {string} */ id) => `surf${capital(id)}Lr`;
export const hyperName = (/** @type {string} */ id, /** @type {Hyper} */ h) => `surf${capital(id)}${h.key}`;

/**
 * The engine's optimizer object for `id` at learning rate `lr`, its hyperparameters read by
 * `get(fieldName)` (the lab's store).
 * @param {string} id @param {number} lr @param {(name: string) => number} get
 * @returns {Record<string, any>}
 */
export function optimizerObject(id, lr, get) {
  const entry = OPTIMIZER[id];
  if (!entry) throw new Error(`unknown optimizer '${id}'`);
  /** @type {Record<string, any>} */
  const out = { ...entry.base, learning_rate: lr };
  for (const h of entry.hypers) out[h.keras] = get(hyperName(id, h));
  return out;
}
