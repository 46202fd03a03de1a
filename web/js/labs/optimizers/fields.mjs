// @ts-check
// The optimizers lab's own state: the race's data, network, batch size, target and epochs,
// which optimizers race and each one's learning rate, and the batch-size comparison's
// optimizer, learning rate and epochs, with the limits their controls allow. Stored fields, so
// a link, a reload and the preset menu bring them back.
import { field } from '../../state/field.mjs';
import { ACTIVATIONS, DATASETS, RACERS } from './racers.mjs';

export const LIMITS = Object.freeze({ hiddenLayers: 4, units: 32, batch: 400, epochs: 300, lr: 10 });

/** @param {string} id */
const capital = (id) => id[0].toUpperCase() + id.slice(1);
/** The field names of racer `id`: whether it races, and its learning rate. */
export const useName = (/** @type {string} */ id) => `race${capital(id)}`;
export const lrName = (/** @type {string} */ id) => `lr${capital(id)}`;

/** @param {number} def the default learning rate */
const rate = (def) => ({ min: 0, minOpen: true, max: LIMITS.lr, default: def });

export const OPTIMIZER_FIELDS = Object.freeze([
  field('raceData', 'enum', 'circle', { options: [...DATASETS] }),
  // Whole numbers of units are the lab's check (parseHidden); the store keeps count and range.
  field('raceHidden', 'numbers', [8, 8], {
    minItems: 1,
    maxItems: LIMITS.hiddenLayers,
    min: 1,
    max: LIMITS.units,
  }),
  field('raceActivation', 'enum', 'tanh', { options: [...ACTIVATIONS] }),
  field('raceBatch', 'int', 32, { min: 1, max: LIMITS.batch }),
  field('raceTarget', 'number', 0.2, { min: 0, minOpen: true, max: 10 }),
  field('raceEpochs', 'int', 100, { min: 1, max: LIMITS.epochs }),
  ...RACERS.map((r) => field(useName(r.id), 'bool', true)),
  ...RACERS.map((r) => field(lrName(r.id), 'number', r.lr, rate(r.lr))),
  field('batchOptimizer', 'enum', 'sgd', { options: RACERS.map((r) => r.id) }),
  field('batchLr', 'number', 0.05, rate(0.05)),
  field('batchEpochs', 'int', 20, { min: 1, max: LIMITS.epochs }),
]);

/** The names of the race's fields (a change makes a new race). */
export const RACE_NAMES = new Set(
  OPTIMIZER_FIELDS.filter((f) => f.name.startsWith('race') || f.name.startsWith('lr')).map((f) => f.name),
);
/** The names the batch-size comparison reads (the race's network and data, and its own). */
export const BATCH_NAMES = new Set([
  'raceData',
  'raceHidden',
  'raceActivation',
  'batchOptimizer',
  'batchLr',
  'batchEpochs',
]);

/** @type {Record<string, import('../../state/field.mjs').Field>} */
export const FIELD_BY_NAME = Object.fromEntries(OPTIMIZER_FIELDS.map((f) => [f.name, f]));
