// Transfer by layer name (labs/workbench/weight-transfer.mjs): a new model takes the weights of
// a trained one where name and shape match, as Keras's load_weights(by_name=True,
// skip_mismatch=True); the rest keep their initial values.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { decodeFloats, encodeFloats, transferWeights } from '../../web/js/labs/workbench/weight-transfer.mjs';

/** A saved file with `weights` [[name, shape, fill value]]. */
function file(weights) {
  const manifest = weights.map(([name, shape]) => ({ name, shape }));
  const values = weights.flatMap(([, shape, fill]) => new Array(shape.reduce((a, b) => a * b, 1)).fill(fill));
  return {
    format: 'nnplay-model',
    spec: {},
    weights: { manifest, data: encodeFloats(Float32Array.from(values)) },
    optimizer: { iterations: 5 },
    trainer: { epoch: 2 },
  };
}

test('weight transfer: base64 float32 round-trips, large arrays included', () => {
  const values = Float32Array.from({ length: 100000 }, (_, i) => Math.sin(i) * 1e3);
  assert.deepEqual(decodeFloats(encodeFloats(values)), values);
});

test('weight transfer: same name and shape come over; a new head stays new', () => {
  const trained = file([
    ['hidden/kernel', [4, 8], 1],
    ['hidden/bias', [8], 2],
    ['head/kernel', [8, 3], 3],
    ['head/bias', [3], 4],
  ]);
  const fresh = file([
    ['hidden/kernel', [4, 8], -1],
    ['hidden/bias', [8], -2],
    ['head/kernel', [8, 5], -3],
    ['head/bias', [5], -4],
    ['extra/kernel', [5, 1], -5],
  ]);
  const moved = transferWeights(trained, fresh);
  assert.deepEqual(moved.kept, ['hidden']);
  assert.deepEqual(moved.fresh, ['head', 'extra']);
  const values = decodeFloats(moved.file.weights.data);
  assert.deepEqual([...new Set(values.subarray(0, 32))], [1]);
  assert.deepEqual([...new Set(values.subarray(32, 40))], [2]);
  assert.deepEqual([...new Set(values.subarray(40, 80))], [-3]);
  assert.deepEqual([...new Set(values.subarray(85, 90))], [-5]);
  assert.equal(moved.file.optimizer, null, 'the new model trains afresh');
  assert.equal(moved.file.trainer, null);
  const untouched = decodeFloats(fresh.weights.data).subarray(0, 32);
  assert.deepEqual([...new Set(untouched)], [-1], 'the fresh file is unchanged');
});

test('weight transfer: nothing in common keeps every initial value', () => {
  const moved = transferWeights(file([['a/kernel', [2, 2], 9]]), file([['b/kernel', [2, 2], 0]]));
  assert.deepEqual(moved.kept, []);
  assert.deepEqual(moved.fresh, ['b']);
  assert.deepEqual([...decodeFloats(moved.file.weights.data)], [0, 0, 0, 0]);
});
