// @ts-check
// What the generalization lab's sessions build. One data session generates the 2-D set once
// (the engine's named generator: `train` points to learn from and TEST_POINTS held out, with
// noise, from a fixed seed) and hands its raw points to the page; every model is then its own
// session fed explicit points (set_data with `points`): the whole training set (the sweep), a
// bootstrap sample (bagging) or the other folds (k-fold). When a model's training ends, its
// snapshot measures it on the arrays the page sent and draws its boundary on GRID.

/** Held-out points: many more than the training set, so the test figures are steady. */
export const TEST_POINTS = 500;
/** The boundary tiles' grid: the engine's 2-D sets lie in [−6, 6]², as the MLP lab shows. */
export const GRID = Object.freeze({ range: /** @type {[number, number]} */ ([-6, 6]), resolution: 40 });
/** Every model starts from this seed (the sweep's capacities differ only in their size). */
export const MODEL_SEED = 1;
/** Adam at 0.01 (ten times Keras's default, so small 2-D models learn in a few hundred
 *  epochs), mini-batches of BATCH_SIZE, no regularization: nothing holds over-fitting back. */
export const LEARNING_RATE = 0.01;
export const BATCH_SIZE = 16;

/** The names of the arrays the page sends each model session. */
export const ARRAYS = Object.freeze({
  fitX: 'fit_x', // the points this model trains on (n×2)
  fitY: 'fit_y',
  trainX: 'train_x', // the whole training set (the sweep's train error)
  trainY: 'train_y',
  testX: 'test_x', // the held-out points
  testY: 'test_y',
  evalX: 'eval_x', // the points whose predictions the page reads (k-fold: the validation fold)
});

/**
 * The data part of a document: the engine's set `dataset` with `train + TEST_POINTS` points,
 * noise `noise` percent (TF Playground's 0..50), the held-out share as validation.
 * @param {{dataset: string, noise: number, train: number, seed: number}} options
 */
export function dataPart({ dataset, noise, train, seed }) {
  const n = train + TEST_POINTS;
  return { name: dataset, n, noise: noise / 100, seed, validation_fraction: TEST_POINTS / n };
}

/**
 * A document of `hidden` Dense layers of `activation`, a sigmoid output, binary cross-entropy
 * with Adam, `epochs` epochs; `data` the document's data object (set_data with points keeps
 * its name and seed, and needs `validation_fraction` 0 so every point sent trains).
 * @param {{hidden: number[], activation?: string, epochs: number, title: string,
 *   data: Record<string, any>}} options
 */
export function modelDocument({ hidden, activation = 'relu', epochs, title, data }) {
  return {
    schema: 1,
    title,
    model: {
      type: 'sequential',
      name: 'generalization',
      seed: MODEL_SEED,
      input_shape: [2],
      layers: [
        ...hidden.map((units) => ({ type: 'dense', units, activation })),
        { type: 'dense', units: 1, activation: 'sigmoid' },
      ],
    },
    compile: {
      optimizer: { type: 'adam', learning_rate: LEARNING_RATE },
      loss: 'binary_crossentropy',
      metrics: ['accuracy'],
    },
    fit: { epochs, batch_size: BATCH_SIZE, shuffle: true, seed: MODEL_SEED },
    data: { ...data, validation_fraction: 0 },
  };
}

/** The data session's setup: a one-unit model on the set, then its raw points.
 *  @param {{dataset: string, noise: number, train: number, seed: number}} options */
export function dataSetup(options) {
  const document = modelDocument({ hidden: [], epochs: 1, title: 'Data', data: {} });
  return [
    { op: 'build', spec: { ...document, data: dataPart(options) } },
    { op: 'points', out: 'points' },
  ];
}

/**
 * The setup and the end-of-training snapshot of one model trained on the points in
 * ARRAYS.fitX/fitY: evaluate on the whole training set and on the test points, the boundary
 * (GRID) and, with `predictEval`, the probabilities of ARRAYS.evalX, else of the test points.
 * @param {Record<string, any>} document a modelDocument
 * @param {{predictEval?: boolean}} [options]
 */
export function modelRequests(document, { predictEval = false } = {}) {
  const [lo, hi] = GRID.range;
  return {
    setup: [
      { op: 'build', spec: document },
      { op: 'set_data', points: { x: ARRAYS.fitX, y: ARRAYS.fitY } },
    ],
    snapshot: [
      { op: 'evaluate', x: [ARRAYS.trainX], y: [ARRAYS.trainY] },
      { op: 'evaluate', x: [ARRAYS.testX], y: [ARRAYS.testY] },
      {
        op: 'grid',
        x_range: [lo, hi],
        y_range: [lo, hi],
        resolution: GRID.resolution,
        neurons: false,
        out: 'grid',
      },
      { op: 'predict', x: [predictEval ? ARRAYS.evalX : ARRAYS.testX], out: 'probabilities' },
    ],
  };
}

/**
 * A finished model's figures from its end-of-training snapshot {answers, arrays} (the requests
 * of modelRequests, in order): losses and accuracies, its grid and its probabilities.
 * @param {{answers: any[], arrays: Record<string, Float32Array>}} snapshot
 */
export function modelFigures({ answers, arrays }) {
  const [train, test, grid, predict] = answers;
  return {
    trainLoss: train?.logs?.loss ?? NaN,
    trainAccuracy: train?.logs?.accuracy ?? NaN,
    testLoss: test?.logs?.loss ?? NaN,
    testAccuracy: test?.logs?.accuracy ?? NaN,
    grid: arrays[grid?.array] ?? null,
    resolution: grid?.resolution ?? 0,
    probabilities: arrays[predict?.arrays?.[0]?.name] ?? null,
  };
}
