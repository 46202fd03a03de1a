// What the images lab hands its engine session. arrays: the training images the state uses
// (train_x [n, 28, 28] scaled to 0..1, train_y [n] class ids), the whole test part (test_x,
// test_y) and the drawing pad's image (pad_x [1, 28, 28]). setup: build the document, then
// set_data with the training images (fit.validation_split holds out their last fifth).
// snapshot: the weights (the first layer's kernel is drawn as images), the test part's
// probabilities and the drawing's, all of the same weights.
import { imagesDocument } from './document.mjs';
import { trainCount } from './fields.mjs';
import { imageRange } from './data/image-arrays.mjs';
import { answersByOp, arrayNamed } from '../../kit/session-answers.mjs';

/** Array names the lab sets in its session. */
export const ARRAYS = Object.freeze({
  trainX: 'train_x',
  trainY: 'train_y',
  testX: 'test_x',
  testY: 'test_y',
  padX: 'pad_x',
});

const PIXELS = 28 * 28;

/** Snapshots while training at most every SNAPSHOT_MS per TEST_PER_SNAPSHOT test images: a
 *  snapshot predicts the whole test part (about 40 ms for 2,000 images and Dense(100) here),
 *  so the default subset's test views change once a second and the full set's (10,000 test
 *  images) every 5 s, about once an epoch, and predicting takes a few % of the worker. */
const SNAPSHOT_MS = 1000;
const TEST_PER_SNAPSHOT = 2000;
const MAX_SNAPSHOT_MS = 10000;

/** The snapshot interval (ms) for a test part of `count` images. @param {number} count */
export function snapshotInterval(count) {
  return Math.min(
    MAX_SNAPSHOT_MS,
    Math.max(SNAPSHOT_MS, Math.round((SNAPSHOT_MS * count) / TEST_PER_SNAPSHOT)),
  );
}

/**
 * The request that predicts the drawing pad's image (set as pad_x with it).
 */
export const PAD_REQUEST = Object.freeze({ op: 'predict', x: [ARRAYS.padX], out: 'pad' });

/**
 * The data the state trains on, as a key: the same key means the same arrays (a new model on
 * the same images need not send them again).
 * @param {Record<string, any>} state
 * @param {{dataset: string, size: string, train: {count: number}}} imageSet
 */
export function dataKey(state, imageSet) {
  return `${imageSet.dataset}/${imageSet.size}/${trainCount(state, imageSet.train.count)}`;
}

/**
 * {setup, snapshot, arrays, snapshotMs, document, counts: {train, test}, dataKey} for
 * session.configure from the lab state, the loaded image set (load-image-set.mjs's ImageSet)
 * and the drawing (784 values 0..1, or null for an empty pad). `augmentation`:
 * fit.augmentation or null. `images` false leaves the images' arrays out (the session holds
 * those of the same dataKey already): arrays then holds the drawing only.
 * @param {Record<string, any>} state
 * @param {{dataset: string, size: string, train: any, test: any}} imageSet
 * @param {{pad?: Float32Array | null, augmentation?: Record<string, any> | null, images?: boolean}} [options]
 */
export function configureRequest(state, imageSet, { pad = null, augmentation = null, images = true } = {}) {
  const document = imagesDocument(state, { augmentation });
  const counts = { train: trainCount(state, imageSet.train.count), test: imageSet.test.count };
  /** @type {Record<string, Float32Array>} */
  const arrays = { [ARRAYS.padX]: pad ?? new Float32Array(PIXELS) };
  if (images) {
    const train = imageRange(imageSet.train, 0, counts.train);
    const test = imageRange(imageSet.test, 0, counts.test);
    Object.assign(arrays, {
      [ARRAYS.trainX]: train.x,
      [ARRAYS.trainY]: train.y,
      [ARRAYS.testX]: test.x,
      [ARRAYS.testY]: test.y,
    });
  }
  const setup = [
    { op: 'build', spec: document },
    { op: 'set_data', train: { x: [ARRAYS.trainX], y: [ARRAYS.trainY] } },
  ];
  const snapshot = [
    { op: 'get_weights', out: 'weights' },
    { op: 'predict', x: [ARRAYS.testX], out: 'test' },
    { ...PAD_REQUEST },
  ];
  return {
    setup,
    snapshot,
    arrays,
    snapshotMs: snapshotInterval(counts.test),
    document,
    counts,
    dataKey: dataKey(state, imageSet),
  };
}

/**
 * The model as the summary shows it, from a configured event: {name, params, trainable, layers:
 * [{name, type, outputShape, params}]}, or null.
 * @param {object[]} setup @param {{answers: object[]}} event
 */
export function modelInfo(setup, event) {
  const model = /** @type {any} */ (answersByOp(setup, event.answers)).build?.model;
  if (!model) return null;
  return {
    name: model.name,
    params: model.params,
    trainable: model.trainable_params ?? model.params,
    layers: model.layers.map((/** @type {any} */ layer) => ({
      name: layer.name,
      type: layer.type,
      outputShape: layer.output_shape,
      params: layer.params,
    })),
  };
}

/**
 * The views' reading of a snapshot: {kernel: {values: Float32Array [784 · units] (Keras's [in,
 * units] row-major), units, layer} | null (the first Dense layer's), probabilities: Float32Array
 * [n · 10] | null (the test part), pad: Float32Array [10] | null}.
 * @param {object[]} snapshotRequests @param {{answers: any[], arrays: Record<string, Float32Array>}} event
 */
export function snapshotInfo(snapshotRequests, event) {
  /** @type {any[]} */
  const answers = event.answers ?? [];
  let kernel = null;
  let probabilities = null;
  let pad = null;
  snapshotRequests.forEach((request, i) => {
    const answer = answers[i];
    if (!answer) return;
    if (request.op === 'get_weights') kernel = firstKernel(answer, arrayNamed(event, answer.array));
    if (request.op === 'predict') {
      const values = arrayNamed(event, answer.arrays?.[0]?.name);
      if (request.out === 'test') probabilities = values;
      if (request.out === 'pad') pad = values;
    }
  });
  return { kernel, probabilities, pad };
}

/**
 * The first Dense kernel of a get_weights answer: the weights of the first layer that reads the
 * 784 pixels ({values, units, layer}), or null.
 * @param {{weights?: {name: string, shape: number[], offset: number}[]}} answer
 * @param {Float32Array | null} weights
 */
export function firstKernel(answer, weights) {
  if (!weights) return null;
  const entry = answer.weights?.find((w) => w.name.endsWith('/kernel') && w.shape[0] === PIXELS);
  if (!entry) return null;
  const units = entry.shape[1];
  return {
    values: weights.subarray(entry.offset, entry.offset + PIXELS * units),
    units,
    layer: entry.name.slice(0, -'/kernel'.length),
  };
}
