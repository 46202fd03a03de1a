// @ts-check
// Hyper-parameters applied to the running model, as Keras lets you assign a new learning rate
// to the optimizer's variable or call fit again with another batch size: a change of these
// keys becomes one `tune` request (weights, optimizer state, position and chart are kept);
// any other change needs a new model and goes through configure. Dropout switched on or off
// adds or removes layers, and early stopping switched on or off changes the callbacks, so those
// rebuild.
import { optimizerSection, regularizer } from '../../model/document.mjs';

const OPTIMIZER_KEYS = ['lr', 'optimizer', 'momentum', 'rho', 'beta1', 'beta2', 'epsilon', 'weightDecay'];
/** The lab's field names a tune request can change. */
export const TUNABLE = new Set([
  ...OPTIMIZER_KEYS,
  'batch',
  'epochs',
  'patience',
  'reg',
  'regRate',
  'dropout',
]);

/**
 * @typedef {{dense: string[], dropout: string[]}} LayerNames  hidden Dense and Dropout layers
 */

/**
 * The names of the model's hidden Dense layers (every layer with a kernel regularizer field but
 * the output, which is the last) and its Dropout layers, from the `layers` of a tune answer.
 * @param {Record<string, Record<string, unknown>>} layers
 * @returns {LayerNames}
 */
export function layerNames(layers) {
  const entries = Object.entries(layers ?? {});
  const dense = entries.filter(([, v]) => 'kernel_regularizer' in v).map(([name]) => name);
  const dropout = entries.filter(([, v]) => 'rate' in v).map(([name]) => name);
  return { dense: dense.slice(0, -1), dropout };
}

/**
 * The tune request for the change from lab state `before` to `after` (the names in `changed`),
 * or null when it needs a rebuild. Only the changed parts are sent.
 * @param {Iterable<string>} changed
 * @param {Record<string, any>} before
 * @param {Record<string, any>} after
 * @param {LayerNames} names
 * @returns {Record<string, any> | null}
 */
export function tuneRequest(changed, before, after, names) {
  const keys = [...changed];
  if (keys.length === 0 || !keys.every((key) => TUNABLE.has(key))) return null;
  if (keys.includes('dropout') && before.dropout > 0 !== after.dropout > 0) return null;
  /** @type {Record<string, any>} */
  const request = { op: 'tune' };
  if (keys.some((key) => OPTIMIZER_KEYS.includes(key))) {
    const optimizer = optimizerSection(after);
    // SGD with and without Nesterov is one optimizer type: say it, or the old flag would stay.
    if (optimizer.type === 'sgd') optimizer.nesterov = after.optimizer === 'nesterov';
    if (optimizer.type === 'sgd' && after.optimizer === 'sgd') optimizer.momentum = 0;
    request.optimizer = optimizer;
  }
  /** @type {Record<string, any>} */
  const fit = {};
  if (keys.includes('batch')) fit.batch_size = after.batch;
  if (keys.includes('epochs')) fit.epochs = after.epochs;
  if (keys.includes('patience') && after.earlyStop) fit.early_stopping = { patience: after.patience };
  if (Object.keys(fit).length > 0) request.fit = fit;
  /** @type {Record<string, any>} */
  const layers = {};
  if (keys.includes('reg') || keys.includes('regRate')) {
    const kernel = regularizer(after) ?? null;
    for (const name of names.dense) layers[name] = { kernel_regularizer: kernel };
  }
  if (keys.includes('dropout')) {
    for (const name of names.dropout) layers[name] = { rate: after.dropout };
  }
  if (Object.keys(layers).length > 0) request.layers = layers;
  return request;
}

/** Fields whose change is a consequence of another's, named by that one: the activation sets
 *  every layer's, and a click on the map makes the dataset "Your points". */
/** @type {Readonly<Record<string, string>>} */
const FOLLOWS = Object.freeze({ layers: 'activation', dataset: 'points' });

/**
 * The changed fields (`changed`, from lab state `before` to `after`) that made a rebuild
 * necessary, as the learner would name them: the hyper-parameters a tune request changes
 * live are left out (unless dropout was switched on or off), and so is a field that only
 * followed another. Returns `changed` as it is when nothing is left.
 * @param {string[]} changed
 * @param {Record<string, any>} before
 * @param {Record<string, any>} after
 * @returns {string[]}
 */
export function rebuildCauses(changed, before, after) {
  const causes = changed.filter(
    (key) => !TUNABLE.has(key) || (key === 'dropout' && before.dropout > 0 !== after.dropout > 0),
  );
  const named = causes.filter((key) => !causes.includes(FOLLOWS[key]));
  return named.length > 0 ? named : changed;
}
