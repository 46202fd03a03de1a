// Issue 15 in the wasm module: Keras activation layer classes round-trip with TF.js and predict
// the same; gradients and forward answer without changing the model; messages stay short.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import * as tf from '@tensorflow/tfjs';

import { TestSession, loadModule } from './load-module.mjs';

let module;
let s;
before(async () => {
  module = await loadModule();
  await tf.setBackend('cpu');
  s = new TestSession(module);
});

after(() => s?.close());

function maxAbsDiff(a, b) {
  assert.equal(a.length, b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i += 1) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

/** The model.json + weights TF.js saves for `model`. */
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
    modelTopology: artifacts.modelTopology,
    weightsManifest: [{ paths: ['model.weights.bin'], weights: artifacts.weightSpecs }],
  };
  return { modelJson, weights: new Float32Array(artifacts.weightData) };
}

test('keras15: LeakyReLU, ReLU, ELU, Softmax from TF.js import, predict and export back', async () => {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 6, inputShape: [3] }));
  model.add(tf.layers.leakyReLU({ alpha: 0.1 }));
  model.add(tf.layers.dense({ units: 6 }));
  model.add(tf.layers.elu() /* TF.js 4 implements alpha 1 only */);
  model.add(tf.layers.reLU());
  model.add(tf.layers.dense({ units: 4 }));
  model.add(tf.layers.softmax());
  const { modelJson, weights } = await savedByTfjs(model);
  s.setArray('w', weights);
  s.ok({ op: 'import', format: 'tfjs', model_json: modelJson, array: 'w' });
  const x = new Float32Array(15).map((_, i) => Math.sin(i * 1.3) * 2);
  s.setArray('x', x);
  const ours = s.getArray(s.ok({ op: 'predict', x: ['x'] }).arrays[0].name);
  const theirs = model.predict(tf.tensor(x, [5, 3])).dataSync();
  assert.ok(maxAbsDiff(ours, theirs) < 1e-5);

  const exported = s.ok({ op: 'export', format: 'tfjs' });
  const classes = exported.model_json.modelTopology.config.layers.map((l) => l.class_name);
  assert.deepEqual(classes, ['Dense', 'LeakyReLU', 'Dense', 'ELU', 'Activation', 'Dense', 'Activation']);
  const blob = s.getArray(exported.array);
  const back = await tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: exported.model_json.modelTopology,
      weightSpecs: exported.model_json.weightsManifest.flatMap((g) => g.weights),
      weightData: blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength),
    }),
  );
  assert.ok(maxAbsDiff(back.predict(tf.tensor(x, [5, 3])).dataSync(), theirs) < 1e-5);
});

test('keras15: gradients and forward leave the weights as they were', () => {
  s.ok({
    op: 'build',
    spec: {
      schema: 1,
      model: {
        type: 'sequential',
        input_shape: [2],
        layers: [
          { type: 'dense', units: 4, activation: 'tanh' },
          { type: 'batch_normalization' },
          { type: 'dropout', rate: 0.5 },
          { type: 'dense', units: 1 },
        ],
      },
      compile: { optimizer: { type: 'sgd', learning_rate: 1 }, loss: 'mse' },
    },
  });
  s.setArray('x', new Float32Array([0.5, -1, 1, 0.25, -0.5, 0.75, 0, 1]));
  s.setArray('y', new Float32Array([1, 0, -1, 0.5]));
  s.ok({ op: 'get_weights', out: 'before' });
  const before = s.getArray('before');
  const g = s.ok({ op: 'gradients', x: ['x'], y: ['y'] });
  assert.deepEqual(
    g.weights.map((w) => w.name),
    [
      'dense/kernel',
      'dense/bias',
      'batch_normalization/gamma',
      'batch_normalization/beta',
      'dense_1/kernel',
      'dense_1/bias',
    ],
  );
  assert.equal(s.getArray(g.weights[0].array).length, 8);
  const f = s.ok({ op: 'forward', x: ['x'], seed: 3, count: 2 });
  assert.deepEqual(f.layers[2].shape, [2, 4]);
  s.ok({ op: 'get_weights', out: 'after' });
  assert.deepEqual([...s.getArray('after')], [...before]);
});

test('keras15: a 100 KB name comes back as a short message', () => {
  const huge = 'q'.repeat(100000);
  for (const request of [
    { op: huge },
    {
      op: 'build',
      spec: {
        schema: 1,
        model: {
          type: 'sequential',
          input_shape: [2],
          layers: [{ type: 'dense', units: 1, activation: huge }],
        },
      },
    },
    {
      op: 'build',
      spec: {
        schema: 1,
        model: { type: 'sequential', input_shape: [2], layers: [{ type: 'dense', units: 1, name: huge }] },
      },
    },
  ]) {
    const answer = s.call(request);
    assert.equal(answer.ok, false);
    assert.ok(answer.error.message.length <= 200, answer.error.message.slice(0, 300));
  }
  const parse = s.call('{"op": "train", "batches": 1e999}');
  assert.doesNotMatch(parse.error.message, /json\.exception|out_of_range/);
});
