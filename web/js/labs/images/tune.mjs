// @ts-check
// Hyper-parameters the running model takes live (the engine's `tune`: weights, optimizer state
// and training position kept, as Keras lets you assign the optimizer's learning rate between
// fit calls): the optimizer and its options, batch size, epoch limit, the L1/L2 penalty, the
// dropout rate (while it stays on) and the augmentation. Everything else (data, layers, units,
// activation, initializer, batch normalization, seed) builds a new model.
import { optimizerSection, regularizer } from '../../model/document.mjs';
import { fitEpochs } from '../../state/kit-fields.mjs';

const OPTIMIZER_KEYS = ['lr', 'optimizer', 'momentum', 'rho', 'beta1', 'beta2', 'epsilon', 'weightDecay'];
/** The lab's field names a tune request can change (and any augmentation field, see below). */
export const TUNABLE = new Set([...OPTIMIZER_KEYS, 'batch', 'epochs', 'reg', 'regRate', 'dropout']);

/**
 * @typedef {{dense: string[], dropout: string[]}} LayerNames  the model's Dense and Dropout
 *   layers, by name
 */

/**
 * The Dense and Dropout layers of a tune answer's `layers` (Dense: those with a
 * kernel_regularizer setting; Dropout: those with a rate).
 * @param {Record<string, Record<string, unknown>>} layers
 * @returns {LayerNames}
 */
export function layerNames(layers) {
  const entries = Object.entries(layers ?? {});
  return {
    dense: entries.filter(([, v]) => 'kernel_regularizer' in v).map(([name]) => name),
    dropout: entries.filter(([, v]) => 'rate' in v).map(([name]) => name),
  };
}

/**
 * The tune request for the change of the names in `changed` from lab state `before` to
 * `after`, or null when one of them needs a rebuild. `augmentationKeys`: the fields that make
 * up fit.augmentation, and `augmentation` its new value (null: none).
 * @param {Iterable<string>} changed
 * @param {Record<string, any>} before
 * @param {Record<string, any>} after
 * @param {LayerNames} names
 * @param {{augmentationKeys?: Set<string>, augmentation?: Record<string, any> | null}} [options]
 * @returns {Record<string, any> | null}
 */
export function tuneRequest(changed, before, after, names, options = {}) {
  const { augmentationKeys = new Set(), augmentation = null } = options;
  const keys = [...changed];
  if (keys.length === 0 || !keys.every((key) => TUNABLE.has(key) || augmentationKeys.has(key))) return null;
  // Dropout switched on or off adds or removes layers.
  if (keys.includes('dropout') && before.dropout > 0 !== after.dropout > 0) return null;
  /** @type {Record<string, any>} */
  const request = { op: 'tune' };
  if (keys.some((key) => OPTIMIZER_KEYS.includes(key))) {
    const optimizer = /** @type {Record<string, any>} */ (optimizerSection(after));
    // SGD with and without Nesterov is one optimizer type: say it, or the old flag would stay.
    if (optimizer.type === 'sgd') optimizer.nesterov = after.optimizer === 'nesterov';
    if (optimizer.type === 'sgd' && after.optimizer === 'sgd') optimizer.momentum = 0;
    request.optimizer = optimizer;
  }
  /** @type {Record<string, any>} */
  const fit = {};
  if (keys.includes('batch')) fit.batch_size = after.batch;
  if (keys.includes('epochs')) fit.epochs = fitEpochs(after.epochs);
  if (keys.some((key) => augmentationKeys.has(key))) fit.augmentation = augmentation;
  if (Object.keys(fit).length > 0) request.fit = fit;
  /** @type {Record<string, any>} */
  const layers = {};
  if (keys.includes('reg') || keys.includes('regRate')) {
    const kernel = regularizer(after) ?? null;
    for (const name of names.dense) layers[name] = { kernel_regularizer: kernel };
  }
  if (keys.includes('dropout')) for (const name of names.dropout) layers[name] = { rate: after.dropout };
  if (Object.keys(layers).length > 0) request.layers = layers;
  return request;
}
