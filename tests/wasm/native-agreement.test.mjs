// Native and wasm builds agree: the same script of requests gives the same initial weights
// (seeded Rng, our own distributions) and the same training losses, to 1e-5.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { TestSession, loadModule, presets } from './load-module.mjs';
import { runNative, runWasm, worstDifference } from './session-script.mjs';

const tolerance = 1e-5;
let module;
before(async () => {
  module = await loadModule();
});

/** Batches of the first epoch (at most 200), found by one wasm batch. */
function firstEpochBatches(document) {
  const s = new TestSession(module);
  try {
    s.ok({ op: 'build', spec: document });
    s.ok({ op: 'set_data' });
    return Math.min(200, s.ok({ op: 'train', batches: 1 }).batches_per_epoch);
  } finally {
    s.close();
  }
}

test('native-vs-wasm: error answers and arrays agree exactly', () => {
  const script = [
    { request: { op: 'no_such_op' } },
    { request: { op: 7 } },
    { request: 'not an object' },
    { set_array: 'a', values: [1, -2.5, 1e-8, 3.4e38] },
    { get_array: 'a' },
    { set_array: 'x'.repeat(65), values: [1] },
    { get_array: 'absent' },
  ];
  const s = new TestSession(module);
  try {
    assert.deepEqual(runWasm(s, script), runNative(script));
  } finally {
    s.close();
  }
});

for (const { name, document } of presets()) {
  test(`native-vs-wasm: ${name} gives the same weights and first-epoch loss`, { timeout: 120000 }, () => {
    const script = [
      { request: { op: 'build', spec: document } },
      { request: { op: 'set_data' } },
      { request: { op: 'get_weights', out: 'w0' } },
      { get_array: 'w0' },
      { request: { op: 'train', batches: firstEpochBatches(document) } },
    ];
    const s = new TestSession(module);
    let wasm;
    try {
      wasm = runWasm(s, script);
    } finally {
      s.close();
    }
    const native = runNative(script);
    for (const [i, answer] of wasm.entries()) {
      if (answer.ok !== undefined) assert.ok(answer.ok, `wasm step ${i}: ${JSON.stringify(answer)}`);
      if (native[i].ok !== undefined)
        assert.ok(native[i].ok, `native step ${i}: ${JSON.stringify(native[i])}`);
    }
    assert.deepEqual(wasm[0].model, native[0].model);
    assert.deepEqual(wasm[2].weights, native[2].weights);
    const weights = worstDifference(native[3].values, wasm[3].values);
    assert.ok(weights <= tolerance, `initial weights differ by ${weights}`);
    const [w, n] = [wasm[4], native[4]];
    assert.equal(w.batches_run, n.batches_run);
    const losses = [
      [n.logs.loss, w.logs.loss],
      ...n.epoch_logs.map((e, k) => [e.logs.loss, w.epoch_logs[k].logs.loss]),
    ];
    const loss = worstDifference(
      losses.map((p) => p[0]),
      losses.map((p) => p[1]),
    );
    assert.ok(loss <= tolerance, `losses differ by ${loss}: ${JSON.stringify(losses)}`);
  });
}

test('native-vs-wasm: tune mid-run gives the same settings, errors and weights', () => {
  const document = {
    schema: 1,
    model: {
      type: 'sequential',
      input_shape: [2],
      layers: [
        { type: 'dense', units: 4, activation: 'tanh' },
        { type: 'dropout', rate: 0.2 },
        { type: 'dense', units: 1, activation: 'sigmoid' },
      ],
    },
    compile: { optimizer: { type: 'adam', learning_rate: 0.05 }, loss: 'binary_crossentropy' },
    fit: { epochs: 5, batch_size: 8 },
    data: { name: 'xor', n: 40 },
  };
  const script = [
    { request: { op: 'build', spec: document } },
    { request: { op: 'train', batches: 3 } },
    {
      request: {
        op: 'tune',
        optimizer: { learning_rate: 0.01 },
        fit: { batch_size: 3 },
        layers: { dropout: { rate: 0.5 } },
      },
    },
    { request: { op: 'tune', optimizer: { learning_rate: 1e39 } } },
    { request: { op: 'tune', optimizer: { momentum: 0.9 } } },
    { request: { op: 'train', batches: 4 } },
    { request: { op: 'tune' } },
    { request: { op: 'get_weights', out: 'w' } },
    { get_array: 'w' },
  ];
  const s = new TestSession(module);
  let wasm;
  try {
    wasm = runWasm(s, script);
  } finally {
    s.close();
  }
  const native = runNative(script);
  assert.deepEqual(wasm[2], native[2]);
  assert.equal(wasm[2].optimizer.learning_rate, 0.01);
  for (const i of [3, 4]) {
    assert.equal(wasm[i].ok, false);
    assert.deepEqual(wasm[i], native[i]);
  }
  assert.equal(wasm[3].error.path, '/optimizer/learning_rate');
  assert.equal(wasm[4].error.path, '/optimizer/momentum');
  assert.equal(wasm[5].batches_per_epoch, 14);
  assert.deepEqual(wasm[6].training, native[6].training);
  assert.equal(wasm[6].iterations, 7);
  const weights = worstDifference(native[8].values, wasm[8].values);
  assert.ok(weights <= tolerance, `weights after tuning differ by ${weights}`);
});
