// The MLP lab's hints (labs/mlp/hints.mjs) and the shell's stall detection (hint-banner.mjs).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { mlpHints } from '../../web/js/labs/mlp/hints.mjs';
import { lossStalled } from '../../web/js/shell/hint-banner.mjs';
import { defaultState, labView } from '../../web/js/state/schema.mjs';

const mlp = (patch = {}) => ({ ...labView(defaultState(), 'mlp'), ...patch });
const codes = (state, progress) => mlpHints(state, progress).map((h) => h.code);

test('hints: none for the defaults', () => {
  assert.deepEqual(codes(mlp()), []);
  assert.deepEqual(codes(mlp(), { stalled: false }), []);
});

test('hints: a loss that does not suit the data, and SGD with lr >= 1', () => {
  assert.deepEqual(codes(mlp({ dataset: 'regress_plane', loss: 'binary_crossentropy' })), [
    'lossNeedsClasses',
  ]);
  assert.deepEqual(codes(mlp({ loss: 'mse' })), ['regressionLossOnClasses']);
  assert.deepEqual(codes(mlp({ dataset: 'regress_plane', loss: 'mse' })), []);
  assert.deepEqual(codes(mlp({ lr: 1 })), ['sgdHighLr']);
  assert.deepEqual(codes(mlp({ lr: 1, optimizer: 'adam' })), []);
});

test('hints: a stall names its likely causes', () => {
  assert.deepEqual(codes(mlp({ reg: 'l2', regRate: 10 }), { stalled: true }), [
    'stalled',
    'stallRegularization',
  ]);
  assert.deepEqual(codes(mlp({ dropout: 0.9 }), { stalled: true }), ['stalled', 'stallDropout']);
  const deep = Array.from({ length: 16 }, () => ({ units: 4, activation: 'tanh' }));
  assert.deepEqual(codes(mlp({ layers: deep }), { stalled: true }), ['stalled', 'stallDeep']);
  assert.deepEqual(codes(mlp(), { stalled: true }), ['stalled', 'stallOther']);
});

test('hints: a stall is 20 epochs within 0.01 of ln 2', () => {
  const flat = Array.from({ length: 20 }, () => 0.6935);
  assert.equal(lossStalled(flat), true);
  assert.equal(lossStalled(flat.slice(1)), false);
  assert.equal(lossStalled([...flat.slice(1), 0.5]), false);
});
