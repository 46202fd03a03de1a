// @ts-check
// Random data of any shape, for the workbench's shape exercises: a model can be fitted before the
// learner has real data, and the targets have the form each output's loss expects (class ids for
// sparse_categorical_crossentropy, one-hot rows for categorical_crossentropy, 0/1 for the binary
// losses, real numbers for the regression losses). Seeded, so a page reload gives the same numbers.

import { seededRandom } from '../../kit/seeded-random.mjs';

/** The constant mulberry32 (kit/seeded-random.mjs) adds to its state at each draw. */
const MULBERRY_STEP = 0x6d2b79f5;

/** At most this many values in all arrays together (64 MB of float32), checked before allocating. */
export const MAX_VALUES = 2 ** 24;

/** @typedef {{name: string, shape: number[]}} InputSpec */
/** @typedef {{name: string, shape: number[], loss?: string | {type: string}}} OutputSpec */
/** @typedef {{name: string, shape: number[], data: Float32Array}} NamedArray */
/** @typedef {'class_ids' | 'one_hot' | 'binary' | 'distribution' | 'rates' | 'normal'} TargetKind */

// Keras names (and the class names Keras also accepts, once in snake_case) by the targets they
// expect. Hinge and squared_hinge expect -1/1 labels and turn 0/1 into -1/1 themselves
// (keras/src/losses/losses.py, convert_binary_labels_to_hinge), so 0/1 suits them and the
// crossentropies alike; categorical_hinge takes one-hot rows. Perceptron is the engine's own 0/1 loss.
/** @type {Record<string, TargetKind>} */
const TARGETS_BY_LOSS = {
  sparse_categorical_crossentropy: 'class_ids',
  categorical_crossentropy: 'one_hot',
  categorical_focal_crossentropy: 'one_hot',
  categorical_hinge: 'one_hot',
  binary_crossentropy: 'binary',
  binary_focal_crossentropy: 'binary',
  hinge: 'binary',
  squared_hinge: 'binary',
  perceptron: 'binary',
  // Both compare probability distributions over the last axis.
  kl_divergence: 'distribution',
  kld: 'distribution',
  kullback_leibler_divergence: 'distribution',
  // Poisson targets are counts or rates: never negative.
  poisson: 'rates',
};

/**
 * The kind of targets a Keras loss expects: mse, mae, huber and every loss not listed above get
 * standard normal values.
 * @param {OutputSpec['loss']} loss a name ("mse", "BinaryCrossentropy") or {type: name}
 * @returns {TargetKind}
 */
export function targetKind(loss) {
  const name = typeof loss === 'string' ? loss : (loss?.type ?? '');
  const snake = name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
  return TARGETS_BY_LOSS[snake] ?? 'normal';
}

/**
 * Checks a shape (without the batch axis) and returns the number of values it holds.
 * @param {unknown} shape
 * @param {string} who e.g. "input 'image'"
 */
function shapeSize(shape, who) {
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d > 0)) {
    throw new Error(
      `synthetic data: ${who} needs a shape of positive whole numbers, got ${JSON.stringify(shape)}`,
    );
  }
  return shape.reduce((a, b) => a * b, 1);
}

/**
 * A uniform value in [0, 1) on float32's grid: a plain random() just below 1 would round up to 1
 * when stored in a Float32Array.
 * @param {() => number} random
 */
function unit(random) {
  return Math.floor(random() * 2 ** 24) / 2 ** 24;
}

/**
 * A standard normal value from two uniforms (Box-Muller; 1 - u keeps the logarithm finite).
 * @param {() => number} random
 */
function normal(random) {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/**
 * Fills `data` (rows of length k, k = the last axis) with the targets of one kind.
 * @param {Float32Array} data
 * @param {TargetKind} kind
 * @param {number} k
 * @param {() => number} random
 */
function fillTargets(data, kind, k, random) {
  if (kind === 'class_ids') {
    for (let i = 0; i < data.length; i++) data[i] = Math.floor(random() * k);
  } else if (kind === 'one_hot') {
    for (let row = 0; row < data.length; row += k) data[row + Math.floor(random() * k)] = 1;
  } else if (kind === 'distribution') {
    for (let row = 0; row < data.length; row += k) {
      let sum = 0;
      for (let j = 0; j < k; j++) sum += data[row + j] = random() + 1e-3;
      for (let j = 0; j < k; j++) data[row + j] /= sum;
    }
  } else if (kind === 'binary') {
    for (let i = 0; i < data.length; i++) data[i] = random() < 0.5 ? 0 : 1;
  } else if (kind === 'rates') {
    for (let i = 0; i < data.length; i++) data[i] = unit(random);
  } else {
    for (let i = 0; i < data.length; i++) data[i] = normal(random);
  }
}

/**
 * Random inputs and matching targets for a model: x uniform in [0, 1); y by each output's loss
 * (see targetKind). Sparse targets hold one class id per position before the last axis (an output
 * of shape (28, 10) gets 28 ids per sample, shape [samples, 28]); the others have the output's
 * shape. Each array draws from its own stream of the seed, so adding an output leaves x as it was.
 * @param {{inputs: InputSpec[], outputs?: OutputSpec[]}} model
 * @param {{samples: number, seed?: number}} options
 * @returns {{x: NamedArray[], y: NamedArray[]}}
 * @throws {Error} for a bad shape or sample count, or above MAX_VALUES values in all
 */
export function syntheticData({ inputs, outputs = [] }, { samples, seed = 0 }) {
  if (!Number.isInteger(samples) || samples < 1) {
    throw new Error(`synthetic data: samples must be a positive whole number, got ${samples}`);
  }
  let total = 0;
  /** @param {string} who @param {number[]} shape */
  const plan = (who, shape) => {
    const size = shapeSize(shape, who);
    total += samples * size;
    if (total > MAX_VALUES) {
      throw new Error(
        `synthetic data: ${who} (${samples} samples of shape [${shape.join(', ')}]) brings the total to ` +
          `${total} values, above the limit of ${MAX_VALUES} (2^24); use fewer samples or smaller shapes`,
      );
    }
    return size;
  };
  // Check every size before allocating anything.
  const xPlan = inputs.map((input) => ({ input, size: plan(`input '${input.name}'`, input.shape) }));
  const yPlan = outputs.map((output) => {
    const who = `output '${output.name}'`;
    shapeSize(output.shape, who);
    const kind = targetKind(output.loss);
    const k = output.shape.at(-1) ?? 0;
    if (
      (kind === 'class_ids' || kind === 'one_hot' || kind === 'distribution') &&
      output.shape.length === 0
    ) {
      throw new Error(`synthetic data: ${who} has no class axis for its loss; give it a shape like [10]`);
    }
    const shape = kind === 'class_ids' ? output.shape.slice(0, -1) : output.shape;
    return { output, kind, k, shape, size: plan(who, shape) };
  });
  const x = xPlan.map(({ input, size }, index) => {
    const random = seededRandom(streamSeed(seed, 2 * index));
    const data = new Float32Array(samples * size);
    for (let i = 0; i < data.length; i++) data[i] = unit(random);
    return { name: input.name, shape: [samples, ...input.shape], data };
  });
  const y = yPlan.map(({ output, kind, k, shape, size }, index) => {
    const data = new Float32Array(samples * size);
    fillTargets(data, kind, k, seededRandom(streamSeed(seed, 2 * index + 1)));
    return { name: output.name, shape: [samples, ...shape], data };
  });
  return { x, y };
}

/**
 * The seed of one array's stream. mulberry32 steps its state by a constant, so a seed that many
 * steps ahead starts where the stream before it would be after 2^25 draws: no array (at most 2^24
 * values, two draws each for normal values) reaches the next one's numbers, for up to 64 inputs
 * and 64 outputs (x takes the even streams, y the odd ones).
 * @param {number} seed
 * @param {number} stream
 */
function streamSeed(seed, stream) {
  return ((seed >>> 0) + Math.imul(stream, Math.imul(MULBERRY_STEP, 2 ** 25))) >>> 0;
}
