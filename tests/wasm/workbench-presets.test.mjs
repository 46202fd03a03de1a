// The workbench's presets (the study notes' models) in the wasm engine against a real Keras
// implementation, TF.js Layers: every layer's output shape and parameter count as Keras counts
// them, the exported Keras JSON re-imports to the same model, the TF.js export loads with
// tf.loadLayersModel and predicts the same to 1e-5, and each preset trains.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import * as tf from '@tensorflow/tfjs';

import { TestSession, loadModule } from './load-module.mjs';
import { WORKBENCH_PRESETS } from '../../web/js/labs/workbench/presets.mjs';
import { withData } from '../../web/js/labs/workbench/data-choice.mjs';

let s;
before(async () => {
  await tf.setBackend('cpu');
  s = new TestSession(await loadModule());
});
after(() => s?.close());

/** Keras's `(None, ...)` for a per-sample shape. */
const withBatch = (shape) => [null, ...shape];

/** Deterministic inputs in [-1, 1) for `samples` samples of every model input. */
function inputsFor(model, samples) {
  return model.inputs.map((input, k) => {
    const size = input.shape.reduce((a, b) => a * b, 1) * samples;
    return new Float32Array(size).map((_, i) => Math.sin(0.37 * i + k));
  });
}

/** TF.js's model from the engine's model.json and weights blob. */
function tfjsModel(exported, blob) {
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: exported.model_json.modelTopology,
      weightSpecs: exported.model_json.weightsManifest.flatMap((g) => g.weights),
      weightData: blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength),
    }),
  );
}

for (const [id, { document }] of Object.entries(WORKBENCH_PRESETS)) {
  test(`workbench preset ${id}: shapes and parameters equal TF.js Layers'`, async () => {
    const built = s.ok({ op: 'build', spec: document }).model;
    const exported = s.ok({ op: 'export', format: 'tfjs' });
    const theirs = await tfjsModel(exported, s.getArray(exported.array));
    assert.equal(built.params, theirs.countParams(), 'total parameters');
    for (const layer of built.layers) {
      const twin = theirs.getLayer(layer.name);
      assert.deepEqual(twin.outputShape, withBatch(layer.output_shape), `${layer.name} output shape`);
      assert.equal(twin.countParams(), layer.params, `${layer.name} parameters`);
    }
    // The summary lists every layer under its name with Keras's totals.
    const summary = s.ok({ op: 'summary' }).summary;
    for (const layer of built.layers)
      assert.ok(summary.includes(`${layer.name} (${layer.type})`), layer.name);
    assert.ok(summary.includes(`Total params: ${built.params.toLocaleString('en-US')}`), summary);

    // TF.js predicts what the engine predicts, to 1e-5.
    const x = inputsFor(built, 3);
    x.forEach((values, k) => s.setArray(`x${k}`, values));
    const ours = s.ok({ op: 'predict', x: x.map((_, k) => `x${k}`) }).arrays.map((a) => s.getArray(a.name));
    const tensors = x.map((values, k) => tf.tensor(values, [3, ...built.inputs[k].shape]));
    const predicted = theirs.predict(tensors.length === 1 ? tensors[0] : tensors);
    const outputs = Array.isArray(predicted) ? predicted : [predicted];
    outputs.forEach((out, k) => {
      const data = out.dataSync();
      assert.equal(data.length, ours[k].length);
      data.forEach((v, i) => assert.ok(Math.abs(v - ours[k][i]) < 1e-5, `output ${k}[${i}]`));
    });

    // The Keras JSON re-imports to the same model: same layers, and the weights set back equal.
    s.ok({ op: 'get_weights', out: 'w_before' });
    const keras = s.ok({ op: 'export', format: 'keras' }).keras;
    const again = s.ok({ op: 'build', keras, compile: document.compile }).model;
    assert.deepEqual(
      again.layers.map((l) => [l.name, l.type, l.output_shape, l.params]),
      built.layers.map((l) => [l.name, l.type, l.output_shape, l.params]),
    );
    s.ok({ op: 'set_weights', array: 'w_before' });
    s.ok({ op: 'get_weights', out: 'w_after' });
    assert.deepEqual([...s.getArray('w_after')], [...s.getArray('w_before')]);
    const again2 = s.ok({ op: 'predict', x: x.map((_, k) => `x${k}`) }).arrays.map((a) => s.getArray(a.name));
    again2.forEach((values, k) => assert.deepEqual([...values], [...ours[k]], `re-imported output ${k}`));
  });

  test(`workbench preset ${id}: trains`, () => {
    const built = s.ok({ op: 'build', spec: document });
    if (!document.data) {
      // A shape exercise: random inputs and class ids of the output's shape.
      const samples = 64;
      const x = inputsFor(built.model, samples);
      const out = built.model.outputs[0].shape;
      const ids = new Float32Array(samples * out.slice(0, -1).reduce((a, b) => a * b, 1)).map(
        (_, i) => (i * 7) % out.at(-1),
      );
      s.setArray('tx', x[0]);
      s.setArray('ty', ids);
      s.ok({ op: 'set_data', train: { x: ['tx'], y: ['ty'] } });
    }
    const first = s.ok({ op: 'evaluate', data: 'train' }).logs.loss;
    const trained = s.ok({ op: 'train', batches: 60 });
    assert.ok(trained.epoch_logs.length >= 1);
    const last = s.ok({ op: 'evaluate', data: 'train' }).logs.loss;
    assert.ok(Number.isFinite(last) && last < first, `loss ${first} -> ${last}`);
  });
}

test('workbench: the data op gives the samples in Keras shapes, the Flatten preset as images', () => {
  s.ok({ op: 'build', spec: WORKBENCH_PRESETS['notes-flatten'].document });
  const train = s.ok({ op: 'data', start: 2, count: 3, out: 'd' });
  assert.equal(train.samples, 800);
  assert.deepEqual(train.x[0].shape, [3, 28, 28, 1]);
  assert.deepEqual(train.y[0].shape, [3]);
  const pixels = s.getArray(train.x[0].array);
  assert.equal(pixels.length, 3 * 784);
  assert.ok(pixels.every((v) => v >= 0 && v <= 1));
  const ids = s.getArray(train.y[0].array);
  assert.ok(ids.every((v) => Number.isInteger(v) && v >= 0 && v < 10));
  // Predicting on them gives one softmax row per sample.
  const answer = s.ok({ op: 'predict', x: [train.x[0].array], out: 'p' });
  const rows = s.getArray(answer.arrays[0].name);
  for (let k = 0; k < 3; k += 1) {
    const sum = rows.slice(k * 10, k * 10 + 10).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - 1) < 1e-5);
  }
  assert.equal(s.ok({ op: 'data', data: 'validation' }).samples, 200);
});

test('workbench: the data picker sets fit the notes models and train', () => {
  for (const [id, name] of [
    ['notes-two-in-two-out', 'moons'],
    ['notes-wide-deep', 'regress_plane'],
    ['notes-flatten', 'prototypes'],
  ]) {
    const { document } = WORKBENCH_PRESETS[id];
    const model = s.ok({ op: 'build', spec: document }).model;
    const next = withData(document, model, name);
    next.data.n = 200;
    const built = s.ok({ op: 'build', spec: next });
    assert.ok(built.samples > 0, `${id} on ${name}`);
    s.ok({ op: 'train', batches: 5 });
  }
});
