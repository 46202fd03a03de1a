// TF.js interop both ways, in Node: a model trained by nnplay and exported as a TF.js Layers
// model loads with tf.loadLayersModel and predicts the same (1e-5); a model saved by TF.js
// imports into nnplay with its weights and predicts the same.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import * as tf from '@tensorflow/tfjs';

import { TestSession, loadModule } from './load-module.mjs';

let module;
before(async () => {
  module = await loadModule();
  await tf.setBackend('cpu');
});

/** Deterministic inputs in [-1, 1]. */
function inputs(count) {
  const v = new Float32Array(count);
  for (let i = 0; i < count; i += 1) v[i] = Math.sin(i * 1.7 + 0.3);
  return v;
}

function maxAbsDiff(a, b) {
  assert.equal(a.length, b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i += 1) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

/** nnplay predictions of output 0 for array `x`. */
function nnplayPredict(s, x) {
  s.setArray('px', x);
  const answer = s.ok({ op: 'predict', x: ['px'] });
  return s.getArray(answer.arrays[0].name);
}

/** Exports the session's model as TF.js and loads it with tf.loadLayersModel. */
async function exportToTfjs(s) {
  const answer = s.ok({ op: 'export', format: 'tfjs' });
  const weights = s.getArray(answer.array);
  const mj = answer.model_json;
  const weightData = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength);
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: mj.modelTopology,
      weightSpecs: mj.weightsManifest.flatMap((group) => group.weights),
      weightData,
    }),
  );
}

/** The model.json + weights TF.js itself saves for `model`. */
async function savedByTfjs(model) {
  let artifacts;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: {} };
    }),
  );
  const modelJson = {
    format: 'layers-model',
    generatedBy: 'TensorFlow.js tfjs-layers',
    convertedBy: null,
    modelTopology: artifacts.modelTopology,
    weightsManifest: [{ paths: ['model.weights.bin'], weights: artifacts.weightSpecs }],
  };
  return { modelJson, weights: new Float32Array(artifacts.weightData) };
}

const cases = [
  {
    name: 'MLP (tanh, softmax)',
    features: 2,
    samples: 16,
    spec: {
      schema: 1,
      model: {
        type: 'sequential',
        input_shape: [2],
        seed: 5,
        layers: [
          { type: 'dense', units: 8, activation: 'tanh' },
          { type: 'dense', units: 8, activation: 'relu' },
          { type: 'dense', units: 3, activation: 'softmax' },
        ],
      },
      compile: { optimizer: { type: 'adam', learning_rate: 0.01 }, loss: 'sparse_categorical_crossentropy' },
      fit: { epochs: 5, batch_size: 8 },
      data: { name: 'blobs', n: 60, classes: 3, seed: 2 },
    },
  },
  {
    name: 'LSTM on sine windows',
    features: 20,
    samples: 4,
    spec: {
      schema: 1,
      model: {
        type: 'sequential',
        input_shape: [20, 1],
        seed: 3,
        layers: [
          { type: 'lstm', units: 6 },
          { type: 'dense', units: 1 },
        ],
      },
      compile: { optimizer: { type: 'adam', learning_rate: 0.01 }, loss: 'mse' },
      fit: { epochs: 2, batch_size: 16 },
      data: { name: 'sine', n: 64, length: 20, seed: 1 },
    },
  },
  {
    name: 'GRU and SimpleRNN with batch normalization',
    features: 10,
    samples: 4,
    spec: {
      schema: 1,
      model: {
        type: 'sequential',
        input_shape: [10, 1],
        seed: 4,
        layers: [
          { type: 'gru', units: 5, return_sequences: true, reset_after: false },
          { type: 'simple_rnn', units: 4 },
          { type: 'batch_normalization' },
          { type: 'dense', units: 1 },
        ],
      },
      compile: { optimizer: 'adam', loss: 'mse' },
      fit: { epochs: 2, batch_size: 16 },
      data: { name: 'sine', n: 64, length: 10, seed: 1 },
    },
  },
  {
    // Reshape keeps Keras's row-major order: Dense then acts on rows of 6 values (the last axis).
    name: 'Reshape around a per-row Dense',
    features: 24,
    samples: 4,
    spec: {
      schema: 1,
      model: {
        type: 'sequential',
        input_shape: [24, 1],
        seed: 6,
        layers: [
          { type: 'reshape', target_shape: [4, -1] },
          { type: 'dense', units: 5, activation: 'tanh' },
          { type: 'reshape', target_shape: [2, 10] },
          { type: 'simple_rnn', units: 3 },
          { type: 'dense', units: 1 },
        ],
      },
      compile: { optimizer: { type: 'adam', learning_rate: 0.01 }, loss: 'mse' },
      fit: { epochs: 2, batch_size: 16 },
      data: { name: 'sine', n: 64, length: 24, seed: 1 },
    },
  },
];

for (const c of cases) {
  test(`tfjs interop: ${c.name} trained here loads in TF.js and predicts the same`, async () => {
    const s = new TestSession(module);
    try {
      s.ok({ op: 'build', spec: c.spec });
      s.ok({ op: 'train', batches: 8 });
      const x = inputs(c.features * c.samples);
      const ours = nnplayPredict(s, x);
      const model = await exportToTfjs(s);
      const shape = [c.samples, ...c.spec.model.input_shape];
      const theirs = model.predict(tf.tensor(x, shape)).dataSync();
      assert.ok(maxAbsDiff(ours, theirs) < 1e-5, `max difference ${maxAbsDiff(ours, theirs)}`);
    } finally {
      s.close();
    }
  });
}

test('tfjs interop: a model saved by TF.js imports here and predicts the same', async () => {
  const model = tf.sequential();
  // TF.js's default recurrentActivation is Keras 2's hard_sigmoid, which nnplay refuses (see
  // docs/schema/keras.md); sigmoid is the Keras 3 default.
  model.add(
    tf.layers.lstm({ units: 5, returnSequences: true, inputShape: [7, 2], recurrentActivation: 'sigmoid' }),
  );
  model.add(tf.layers.simpleRNN({ units: 4 }));
  model.add(tf.layers.dense({ units: 6, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 2, activation: 'sigmoid' }));
  const { modelJson, weights } = await savedByTfjs(model);
  const s = new TestSession(module);
  try {
    s.setArray('tfjs_weights', weights);
    s.ok({ op: 'import', format: 'tfjs', model_json: modelJson, array: 'tfjs_weights' });
    const x = inputs(3 * 7 * 2);
    const theirs = model.predict(tf.tensor(x, [3, 7, 2])).dataSync();
    const ours = nnplayPredict(s, x);
    assert.ok(maxAbsDiff(ours, theirs) < 1e-5, `max difference ${maxAbsDiff(ours, theirs)}`);
  } finally {
    s.close();
  }
});

test('tfjs interop: a TF.js model with Reshape imports here and predicts the same', async () => {
  const model = tf.sequential();
  model.add(tf.layers.reshape({ targetShape: [3, 4], inputShape: [12] }));
  model.add(tf.layers.dense({ units: 2, activation: 'relu' }));
  // TF.js cannot build a Dense after Reshape([-1]) (it resolves -1 only for a known batch size).
  model.add(tf.layers.reshape({ targetShape: [6] }));
  model.add(tf.layers.dense({ units: 1 }));
  const { modelJson, weights } = await savedByTfjs(model);
  const s = new TestSession(module);
  try {
    s.setArray('w', weights);
    const imported = s.ok({ op: 'import', format: 'tfjs', model_json: modelJson, array: 'w' });
    assert.match(imported.summary, /\(None, 3, 4\)/);
    assert.match(imported.summary, /\(None, 6\)/);
    const x = inputs(5 * 12);
    const theirs = model.predict(tf.tensor(x, [5, 12])).dataSync();
    const ours = nnplayPredict(s, x);
    assert.ok(maxAbsDiff(ours, theirs) < 1e-5, `max difference ${maxAbsDiff(ours, theirs)}`);
  } finally {
    s.close();
  }
});

test('tfjs interop: a functional TF.js model with two inputs imports and predicts the same', async () => {
  const a = tf.input({ shape: [3], name: 'a' });
  const b = tf.input({ shape: [2], name: 'b' });
  const da = tf.layers.dense({ units: 4, activation: 'tanh', name: 'da' }).apply(a);
  const db = tf.layers.dense({ units: 4, activation: 'relu', name: 'db' }).apply(b);
  const cat = tf.layers.concatenate({ name: 'cat' }).apply([da, db]);
  const out = tf.layers.dense({ units: 1, name: 'out' }).apply(cat);
  const model = tf.model({ inputs: [a, b], outputs: out });
  const { modelJson, weights } = await savedByTfjs(model);
  const s = new TestSession(module);
  try {
    s.setArray('w', weights);
    s.ok({ op: 'import', format: 'tfjs', model_json: modelJson, array: 'w' });
    const xa = inputs(5 * 3);
    const xb = inputs(5 * 2).map((v) => v * 0.5);
    s.setArray('xa', xa);
    s.setArray('xb', xb);
    const answer = s.ok({ op: 'predict', x: ['xa', 'xb'] });
    const ours = s.getArray(answer.arrays[0].name);
    const theirs = model.predict([tf.tensor(xa, [5, 3]), tf.tensor(xb, [5, 2])]).dataSync();
    assert.ok(maxAbsDiff(ours, theirs) < 1e-5, `max difference ${maxAbsDiff(ours, theirs)}`);
  } finally {
    s.close();
  }
});

after(() => tf.disposeVariables());
