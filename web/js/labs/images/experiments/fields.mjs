// @ts-check
// The experiments' own state: the augmentation ranges (Keras ImageDataGenerator's, also used by
// the main model's fit.augmentation), the k-fold run's k and subset size, and the
// transfer-learning run's shots per class. None of them rebuilds the main model: the lab
// tunes fit.augmentation live, and the experiments run in sessions of their own.
import { field } from '../../../state/field.mjs';

/** The limits the controls allow (and the messages quote). */
export const LIMITS = Object.freeze({
  rotation: { min: 0, max: 45 },
  shift: { min: 0, max: 0.3 },
  zoom: { min: 0, max: 0.5 },
  noise: { min: 0, max: 0.5 },
  folds: { min: 3, max: 10 },
  foldSubset: { min: 500, max: 10000 },
  foldEpochs: { min: 1, max: 30 },
  shots: { min: 5, max: 100 },
});

const KEEPS = { keepsModel: true };

export const EXPERIMENT_FIELDS = Object.freeze([
  field('augRotation', 'number', 0, { ...LIMITS.rotation, ...KEEPS }),
  field('augWidthShift', 'number', 0, { ...LIMITS.shift, ...KEEPS }),
  field('augHeightShift', 'number', 0, { ...LIMITS.shift, ...KEEPS }),
  field('augZoom', 'number', 0, { ...LIMITS.zoom, ...KEEPS }),
  field('augFlip', 'bool', false, KEEPS),
  field('augNoise', 'number', 0, { ...LIMITS.noise, ...KEEPS }),
  field('kFolds', 'int', 5, { ...LIMITS.folds, ...KEEPS }),
  field('kSubset', 'int', 2000, { ...LIMITS.foldSubset, ...KEEPS }),
  field('kEpochs', 'int', 5, { ...LIMITS.foldEpochs, ...KEEPS }),
  field('transferShots', 'int', 10, { ...LIMITS.shots, ...KEEPS }),
]);

/** The augmentation fields, in the order the controls show them. */
export const AUGMENTATION_FIELDS = Object.freeze([
  'augRotation',
  'augWidthShift',
  'augHeightShift',
  'augZoom',
  'augFlip',
  'augNoise',
]);

/** @param {string} name @returns {import('../../../state/field.mjs').Field} */
export function experimentField(name) {
  const found = EXPERIMENT_FIELDS.find((f) => f.name === name);
  if (!found) throw new Error(`no experiment field '${name}'`);
  return found;
}
