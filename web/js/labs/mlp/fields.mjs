// @ts-check
// The MLP lab's own state: the dataset and its points, the input features, the hidden layers
// and the heat map's switches, with the limits the lab's controls allow.
import { field } from '../../state/field.mjs';
import { ACTIVATIONS } from '../../state/kit-fields.mjs';
import { DATASETS as POINT_DATASETS } from '../../data/points.mjs';

/** The dataset picker's sets, and 'custom': the learner's own points. */
export const DATASETS = [...POINT_DATASETS, 'custom'];
export const REGRESSION_DATASETS = new Set(['regress_plane', 'regress_gaussian']);
export const FEATURES = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'];
/** Our feature keys -> the engine's feature names (data.inputs). */
export const ENGINE_FEATURES = Object.freeze({
  x1: 'x1',
  x2: 'x2',
  x1sq: 'x1^2',
  x2sq: 'x2^2',
  x1x2: 'x1*x2',
  sinx1: 'sin(x1)',
  sinx2: 'sin(x2)',
});
/** Network editor and data limits; points beyond maxHashPoints stay out of links. */
export const LIMITS = Object.freeze({ maxLayers: 16, maxUnits: 64, maxHashPoints: 300, maxPoints: 5000 });

export const MLP_FIELDS = Object.freeze([
  field('dataset', 'enum', 'circle', { options: DATASETS }),
  field('samples', 'int', 500, { min: 10, max: 2000 }),
  field('classes', 'int', 3, { min: 3, max: 8 }),
  field('trainRatio', 'int', 50, { min: 10, max: 90 }),
  field('noise', 'int', 0, { min: 0, max: 50 }),
  field('points', 'points', [], { maxItems: LIMITS.maxPoints }),
  field('features', 'list', ['x1', 'x2'], { options: FEATURES }),
  field(
    'layers',
    'layers',
    [
      { units: 4, activation: 'tanh' },
      { units: 2, activation: 'tanh' },
    ],
    { options: ACTIVATIONS, maxItems: LIMITS.maxLayers, maxUnits: LIMITS.maxUnits },
  ),
  // How the heat map is drawn: changing them never rebuilds the model.
  field('discretize', 'bool', false, { keepsModel: true }),
  field('showTest', 'bool', true, { keepsModel: true }),
]);
