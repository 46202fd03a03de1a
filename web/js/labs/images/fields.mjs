// @ts-check
// The images lab's own state: which image set (Fashion-MNIST or the digits, the quick subset or
// the full split), how many of its training images to use, and the hidden layers (0-3 Dense
// layers of 1-512 units, named ConcealmentLayer1... as the notes name them), with the limits
// their controls allow. The output layer is always Dense(10, softmax) named OutputLayer.
import { field } from '../../state/field.mjs';

export const DATASET_NAMES = ['fashion', 'digits'];
export const SIZES = ['default', 'full'];
/** Keras's validation_split as the notes use it: 20% held out, fixed. */
export const VALIDATION_SPLIT = 0.2;
export const IMAGE_SIDE = 28;
export const CLASSES = 10;

export const LIMITS = Object.freeze({ maxHidden: 3, maxUnits: 512, minTrain: 100, maxTrain: 60000 });

/** The units field of hidden layer `i` (from 1). @param {number} i */
export const unitsKey = (i) => `units${i}`;

export const IMAGE_FIELDS = Object.freeze([
  field('dataset', 'enum', 'fashion', { options: DATASET_NAMES }),
  field('size', 'enum', 'default', { options: SIZES }),
  // Train on the first `trainImages` images of the training part only (the part is interleaved
  // by class, so any prefix is balanced); off: all of it.
  field('subset', 'bool', false),
  field('trainImages', 'int', 1000, { min: LIMITS.minTrain, max: LIMITS.maxTrain }),
  field('hiddenLayers', 'int', 1, { min: 0, max: LIMITS.maxHidden }),
  ...Array.from({ length: LIMITS.maxHidden }, (_, i) =>
    field(unitsKey(i + 1), 'int', 100, { min: 1, max: LIMITS.maxUnits }),
  ),
]);

/** The fields that pick the image set: a change loads another set before the model is rebuilt. */
export const DATA_KEYS = Object.freeze(['dataset', 'size']);

/**
 * The image part size the state asks for: 'full' only exists for Fashion-MNIST (the digits
 * package has 10,000 images in all, shipped whole as its default).
 * @param {Record<string, any>} state
 * @returns {'default' | 'full'}
 */
export function sizeOf(state) {
  return state.dataset === 'fashion' && state.size === 'full' ? 'full' : 'default';
}

/**
 * The hidden layers of the state: [{units}] for ConcealmentLayer1..hiddenLayers.
 * @param {Record<string, any>} state
 * @returns {{name: string, units: number}[]}
 */
export function hiddenLayers(state) {
  const count = Math.max(0, Math.min(LIMITS.maxHidden, state.hiddenLayers ?? 0));
  return Array.from({ length: count }, (_, i) => ({
    name: `ConcealmentLayer${i + 1}`,
    units: state[unitsKey(i + 1)],
  }));
}

/**
 * How many training images the state uses out of a part of `available` images: all of them, or
 * the subset size (at most `available`).
 * @param {Record<string, any>} state
 * @param {number} available
 */
export function trainCount(state, available) {
  return state.subset ? Math.min(state.trainImages, available) : available;
}
