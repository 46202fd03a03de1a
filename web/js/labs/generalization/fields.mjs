// @ts-check
// The generalization lab's own state: the data every section shares (the 2-D set, its noise,
// how many points train), the models' activation and epochs, the sweep's capacities and depth,
// bagging's members, the members' and folds' hidden units, and k-fold's k. Stored fields, so a link, a
// reload and the preset menu bring them back.
import { field } from '../../state/field.mjs';

export const DATASETS = Object.freeze(['circle', 'xor', 'gauss', 'spiral']);
export const ACTIVATIONS = Object.freeze(['tanh', 'relu']);
export const LIMITS = Object.freeze({
  train: [20, 500],
  epochs: 3000,
  capacities: 8,
  depth: 3,
  units: 128,
  members: [2, 10],
  folds: [2, 10],
});

export const GENERALIZATION_FIELDS = Object.freeze([
  field('genData', 'enum', 'xor', { options: [...DATASETS] }),
  field('genNoise', 'int', 50, { min: 0, max: 50 }),
  field('genTrain', 'int', 60, { min: LIMITS.train[0], max: LIMITS.train[1] }),
  field('genActivation', 'enum', 'tanh', { options: [...ACTIVATIONS] }),
  field('genEpochs', 'int', 1000, { min: 1, max: LIMITS.epochs }),
  // Whole numbers are the lab's check (parseCapacities); the store keeps count and range.
  field('genCapacities', 'numbers', [1, 2, 4, 8, 16, 32, 64], {
    minItems: 2,
    maxItems: LIMITS.capacities,
    min: 1,
    max: LIMITS.units,
  }),
  field('genDepth', 'int', 1, { min: 1, max: LIMITS.depth }),
  field('genMembers', 'int', 5, { min: LIMITS.members[0], max: LIMITS.members[1] }),
  field('genUnits', 'int', 16, { min: 1, max: LIMITS.units }),
  field('genFolds', 'int', 5, { min: LIMITS.folds[0], max: LIMITS.folds[1] }),
]);

/** The fields every section reads: a change makes every section's results stale. */
export const SHARED_NAMES = new Set(['genData', 'genNoise', 'genTrain', 'genActivation', 'genEpochs']);
/** Each section's own fields (the small network's units are read by bagging and k-fold). */
export const SWEEP_NAMES = new Set(['genCapacities', 'genDepth']);
export const BAGGING_NAMES = new Set(['genMembers', 'genUnits']);
export const KFOLD_NAMES = new Set(['genFolds', 'genUnits']);

/** @type {Record<string, import('../../state/field.mjs').Field>} */
export const FIELD_BY_NAME = Object.fromEntries(GENERALIZATION_FIELDS.map((f) => [f.name, f]));

/**
 * The sweep's hidden units typed as "1, 2, 4, 8": 2..LIMITS.capacities whole numbers
 * 1..LIMITS.units, each larger than the one before (the chart's x axis grows to the right).
 * @param {string} text @returns {{ok: true, value: number[]} | {ok: false, key: string}}
 */
export function parseCapacities(text) {
  const parts = String(text)
    .split(/[\s,]+/)
    .filter((p) => p !== '');
  const units = parts.map(Number);
  const fine =
    units.length >= 2 &&
    units.length <= LIMITS.capacities &&
    units.every(
      (u, i) => Number.isInteger(u) && u >= 1 && u <= LIMITS.units && (i === 0 || u > units[i - 1]),
    );
  return fine ? { ok: true, value: units } : { ok: false, key: 'gen.refuse.capacities' };
}
