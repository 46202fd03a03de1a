// @ts-check
// The surfaces lab's own state: the function, start point, steps and each optimizer's switch,
// learning rate and hyperparameters; the batch-size section's function, start, optimizer,
// learning rate, mini-batch size and epochs. Stored fields, so a link, a reload and the
// preset menu bring them back.
import { field } from '../../state/field.mjs';
import { DATA_FUNCTIONS, FUNCTION, FUNCTIONS, SAMPLES } from './functions.mjs';
import { OPTIMIZERS, hyperName, lrName, useName } from './optimizers.mjs';

export const LIMITS = Object.freeze({ steps: 1000, lr: 100, coordinate: 1000, epochs: 50 });

/** @param {number} def */
const rate = (def) => ({ min: 0, minOpen: true, max: LIMITS.lr, default: def });
const coordinates = { min: -LIMITS.coordinate, max: LIMITS.coordinate, length: 2 };
const first = FUNCTION.quadratic;

export const SURFACE_FIELDS = Object.freeze([
  field('surfFunction', 'enum', first.id, { options: FUNCTIONS.map((f) => f.id) }),
  field('surfStart', 'numbers', [...first.start], coordinates),
  field('surfSteps', 'int', first.steps, { min: 1, max: LIMITS.steps }),
  ...OPTIMIZERS.map((o) => field(useName(o.id), 'bool', true)),
  ...OPTIMIZERS.map((o) => field(lrName(o.id), 'number', first.lr[o.id], rate(first.lr[o.id]))),
  ...OPTIMIZERS.flatMap((o) =>
    o.hypers.map((h) =>
      field(hyperName(o.id, h), 'number', h.def, {
        min: h.min,
        max: h.max,
        ...(h.minOpen ? { minOpen: true } : {}),
        ...(h.maxOpen ? { maxOpen: true } : {}),
      }),
    ),
  ),
  field('surfBatchFunction', 'enum', 'line', { options: [...DATA_FUNCTIONS] }),
  field('surfBatchStart', 'numbers', [...FUNCTION.line.start], coordinates),
  field('surfBatchOptimizer', 'enum', 'sgd', { options: OPTIMIZERS.map((o) => o.id) }),
  field('surfBatchLr', 'number', 0.2, rate(0.2)),
  field('surfBatchMini', 'int', 8, { min: 2, max: SAMPLES - 1 }),
  field('surfBatchEpochs', 'int', 10, { min: 1, max: LIMITS.epochs }),
]);

/** The names the batch-size section reads; every other field is the surface section's. */
export const BATCH_NAMES = new Set(
  SURFACE_FIELDS.filter((f) => f.name.startsWith('surfBatch')).map((f) => f.name),
);

/** The optimizers' hyperparameter fields (both sections read them). */
export const HYPER_NAMES = new Set(OPTIMIZERS.flatMap((o) => o.hypers.map((h) => hyperName(o.id, h))));

/** @type {Record<string, import('../../state/field.mjs').Field>} */
export const FIELD_BY_NAME = Object.fromEntries(SURFACE_FIELDS.map((f) => [f.name, f]));
