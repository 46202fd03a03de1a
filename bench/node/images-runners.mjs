// The images benchmark's runtimes, each training the notes' Flatten(28, 28) -> Dense(100, relu)
// -> Dense(10, softmax) with Adam one epoch per call and measuring test accuracy between epochs:
// nnplay-wasm through the Session API the page's worker uses, TF.js on its cpu or wasm backend
// with model.fit. Every runtime gets the same initial weights (nnplay's Glorot-uniform set).
import { performance } from 'node:perf_hooks';

import { accuracy } from './images-data.mjs';
import { request, setArray } from './nnplay-runner.mjs';
import { makeOptimizer, tf } from './tfjs-runner.mjs';
import { mulberry32 } from './workloads.mjs';

/// The model and training setup, in the bench's workload terms (Keras names).
export const IMAGE_MODEL = {
  inputShape: [28, 28],
  hidden: 100,
  classes: 10,
  optimizer: { type: 'adam', learning_rate: 0.001, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7 },
  batch: 32,
};

/// The nnplay document: the notes' model with their layer names, shuffled every epoch with `seed`.
function nnplayDocument(seed, epochs) {
  return {
    schema: 1,
    model: {
      type: 'sequential',
      name: 'notes_relu',
      seed,
      input_shape: IMAGE_MODEL.inputShape,
      layers: [
        { type: 'flatten' },
        { type: 'dense', units: IMAGE_MODEL.hidden, activation: 'relu', name: 'ConcealmentLayer1' },
        { type: 'dense', units: IMAGE_MODEL.classes, activation: 'softmax', name: 'OutputLayer' },
      ],
    },
    compile: {
      optimizer: { ...IMAGE_MODEL.optimizer },
      loss: 'sparse_categorical_crossentropy',
    },
    fit: { epochs, batch_size: IMAGE_MODEL.batch, shuffle: true, seed },
  };
}

/**
 * nnplay-wasm: one Session with the training images as its data and the test images as arrays.
 * @param {object} module  the loaded emscripten module (NnplayEngine.module)
 * @param {{train: object | null, test: object | null, seed: number, epochs: number}} opts
 * @returns {{weights: {shape: number[], values: Float32Array}[], trainEpoch: Function,
 *   testAccuracy: Function, activate: Function, dispose: Function}}
 */
export function nnplayRunner(module, { train, test, seed, epochs }) {
  const session = new module.Session();
  try {
    request(session, { op: 'build', spec: nnplayDocument(seed, epochs) });
    const w = request(session, { op: 'get_weights', out: 'weights' });
    const flat = session.getArray(w.array ?? 'weights');
    const weights = w.weights.map((e) => {
      const count = e.shape.reduce((a, b) => a * b, 1);
      return { shape: e.shape, values: flat.slice(e.offset, e.offset + count) };
    });
    // Without data (null) the session only gives the initial weights to the peers.
    if (train && test) {
      setArray(session, 'train_x', train.x);
      setArray(session, 'train_y', train.y);
      request(session, { op: 'set_data', train: { x: ['train_x'], y: ['train_y'] } });
      setArray(session, 'test_x', test.x);
    }
    const batchesPerEpoch = Math.ceil((train?.n ?? 0) / IMAGE_MODEL.batch);
    let epoch = 0;
    return {
      weights,
      activate: async () => {},
      /// One epoch of `train` requests (the engine shuffles with fit.seed); the loss is the epoch's mean.
      trainEpoch: async () => {
        const a = request(session, { op: 'train', batches: batchesPerEpoch });
        epoch += 1;
        if (a.epoch !== epoch) throw new Error(`train: expected to end epoch ${epoch}, ended ${a.epoch}`);
        return { samples: train.n, loss: a.epoch_logs?.at(-1)?.logs?.loss };
      },
      testAccuracy: async () => {
        const a = request(session, { op: 'predict', x: ['test_x'], out: 'test_p' });
        return accuracy(session.getArray(a.arrays[0].name), test.labels, IMAGE_MODEL.classes);
      },
      dispose: () => session.delete(),
    };
  } catch (e) {
    session.delete();
    throw e;
  }
}

/**
 * Runs `fn` with Math.random replaced by a mulberry32 stream seeded with `seed`. model.fit shuffles
 * with tf.util.shuffle, which draws from Math.random: seeded, each epoch's order is reproducible.
 * @template T
 * @param {number} seed
 * @param {() => Promise<T>} fn
 * @returns {Promise<T>}
 */
async function withSeededRandom(seed, fn) {
  const original = Math.random;
  Math.random = mulberry32(seed);
  try {
    return await fn();
  } finally {
    Math.random = original;
  }
}

/**
 * TF.js on `engine`'s backend (a TfjsEngine from tfjs-runner.mjs, already initialised): model.fit
 * one epoch at a time with its own shuffle (a gather per batch), seeded with seed + epoch.
 * @param {{activate: Function}} engine
 * @param {{train: object, test: object, seed: number, weights: {shape: number[], values: Float32Array}[]}} opts
 */
export async function tfjsRunner(engine, { train, test, seed, weights }) {
  await engine.activate();
  const model = tf.sequential();
  model.add(tf.layers.flatten({ inputShape: IMAGE_MODEL.inputShape }));
  model.add(tf.layers.dense({ units: IMAGE_MODEL.hidden, activation: 'relu' }));
  model.add(tf.layers.dense({ units: IMAGE_MODEL.classes, activation: 'softmax' }));
  model.compile({ optimizer: makeOptimizer(IMAGE_MODEL.optimizer), loss: 'sparseCategoricalCrossentropy' });
  const tensors = weights.map((w) => tf.tensor(w.values, w.shape));
  model.setWeights(tensors);
  tensors.forEach((t) => t.dispose());
  const xTrain = tf.tensor(train.x, [train.n, ...IMAGE_MODEL.inputShape]);
  const yTrain = tf.tensor(train.y, [train.n, 1]);
  const xTest = tf.tensor(test.x, [test.n, ...IMAGE_MODEL.inputShape]);
  let epoch = 0;
  return {
    activate: () => engine.activate(),
    trainEpoch: async () => {
      epoch += 1;
      const h = await withSeededRandom(seed + epoch, () =>
        model.fit(xTrain, yTrain, {
          batchSize: IMAGE_MODEL.batch,
          epochs: 1,
          shuffle: true,
          verbose: 0,
          yieldEvery: 'never',
        }),
      );
      return { samples: train.n, loss: h.history.loss[0] };
    },
    testAccuracy: async () => {
      const p = model.predict(xTest, { batchSize: 1000 });
      const values = await p.data();
      p.dispose();
      return accuracy(values, test.labels, IMAGE_MODEL.classes);
    },
    dispose: () => {
      tf.dispose([xTrain, yTrain, xTest]);
      model.dispose();
    },
  };
}

/// Runs `fn` and returns [its result, milliseconds].
export async function timed(fn) {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}
