// A failed request leaves the session exactly as it was (docs/schema/session.md): between good
// requests, bad ones do not change the model, its weights, its data or its training state.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { TestSession, loadModule, presets, sampleInputs } from './load-module.mjs';

const [preset] = presets();
let s;
let names;
let model;

/** Predictions for the probe inputs and the weights, as plain number lists. */
function observe() {
  const predicted = s.ok({ op: 'predict', x: names, out: 'observed' });
  const outputs = predicted.arrays.map((a) => Array.from(s.getArray(a.name)));
  const weights = s.ok({ op: 'get_weights', out: 'observed_weights' });
  return { outputs, weights: Array.from(s.getArray(weights.array)) };
}

before(async () => {
  assert.ok(preset, 'no presets found in docs/presets/');
  s = new TestSession(await loadModule());
  model = s.ok({ op: 'build', spec: preset.document }).model;
  s.ok({ op: 'set_data' });
  s.ok({ op: 'train', batches: 3 });
  const inputs = sampleInputs(model);
  for (const { name, values } of inputs) assert.equal(s.setArray(name, values), '');
  names = inputs.map((i) => i.name);
});
after(() => s?.close());

const badRequests = [
  ['malformed JSON', '{"op": "train"'],
  ['unknown op', { op: 'fly' }],
  [
    'a build with an invalid layer',
    {
      op: 'build',
      spec: {
        schema: 1,
        model: {
          type: 'sequential',
          input_shape: [2],
          layers: [{ type: 'dense', units: 0 }],
        },
      },
    },
  ],
  ['a build with an unknown field', { op: 'build', spec: { schema: 1, bogus: true, model: {} } }],
  ['train with zero batches', { op: 'train', batches: 0 }],
  ['train with a negative time budget', { op: 'train', ms: -5 }],
  ['set_data naming missing arrays', { op: 'set_data', train: { x: ['absent'], y: ['absent'] } }],
  ['predict on a missing array', { op: 'predict', x: ['absent'] }],
  ['set_weights with a wrong-sized array', { op: 'set_weights', array: 'one_float' }],
  ['grid beyond the resolution limit', { op: 'grid', x_range: [0, 1], y_range: [0, 1], resolution: 100000 }],
  ['load of an empty file', { op: 'load', file: {} }],
  ['import of an empty model', { op: 'import', format: 'tfjs', model_json: {}, array: 'one_float' }],
  ['export in an unknown format', { op: 'export', format: 'onnx' }],
];

for (const [what, request] of badRequests) {
  test(`intact: ${what} changes nothing`, () => {
    s.setArray('one_float', new Float32Array([1]));
    const before = observe();
    const answer = s.call(request);
    assert.equal(answer.ok, false, `expected an error for ${what}: ${JSON.stringify(answer)}`);
    assert.equal(typeof answer.error.path, 'string');
    assert.ok(answer.error.message.length > 0);
    assert.deepEqual(observe(), before);
  });
}

test('intact: training goes on after the bad requests', () => {
  const before = observe();
  const answer = s.ok({ op: 'train', batches: 2 });
  assert.equal(answer.batches_run, 2);
  assert.notDeepEqual(observe().weights, before.weights);
});
