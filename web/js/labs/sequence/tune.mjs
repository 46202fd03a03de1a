// @ts-check
// Hyper-parameters the running model takes live (the engine's `tune`: weights, optimizer state
// and training position kept, as Keras lets you assign the optimizer's learning rate between
// fit calls): the optimizer and its options, gradient clipping, batch size and epoch limit.
// Everything else (task, cell, units, layers, truncation, data, seed) builds a new model.
import { sequenceOptimizer } from './document.mjs';
import { fitEpochs } from '../../state/kit-fields.mjs';

const OPTIMIZER_KEYS = [
  'lr',
  'optimizer',
  'momentum',
  'rho',
  'beta1',
  'beta2',
  'epsilon',
  'weightDecay',
  'clipnorm',
];
/** The lab's field names a tune request can change. */
export const TUNABLE = new Set([...OPTIMIZER_KEYS, 'batch', 'epochs']);

/**
 * The tune request for a change of the names in `changed` to lab state `after`, or null when
 * one of them needs a rebuild.
 * @param {Iterable<string>} changed
 * @param {Record<string, any>} after
 * @returns {Record<string, any> | null}
 */
export function tuneRequest(changed, after) {
  const keys = [...changed];
  if (keys.length === 0 || !keys.every((key) => TUNABLE.has(key))) return null;
  /** @type {Record<string, any>} */
  const request = { op: 'tune' };
  if (keys.some((key) => OPTIMIZER_KEYS.includes(key))) {
    const optimizer = sequenceOptimizer(after);
    // Said even when off, so a clipnorm switched off is cleared in the running optimizer.
    optimizer.clipnorm = after.clipnorm;
    if (optimizer.type === 'sgd') optimizer.nesterov = after.optimizer === 'nesterov';
    if (optimizer.type === 'sgd' && after.optimizer === 'sgd') optimizer.momentum = 0;
    request.optimizer = optimizer;
  }
  /** @type {Record<string, any>} */
  const fit = {};
  if (keys.includes('batch')) fit.batch_size = after.batch;
  if (keys.includes('epochs')) fit.epochs = fitEpochs(after.epochs);
  if (Object.keys(fit).length > 0) request.fit = fit;
  return request;
}
