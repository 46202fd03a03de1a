// The labs' hints (labs/*/hints.mjs) and the stall detection they share (kit/stall.mjs).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { deadReluUnits, mlpHints } from '../../web/js/labs/mlp/hints.mjs';
import { perceptronHints } from '../../web/js/labs/perceptron/hints.mjs';
import { activationsHints } from '../../web/js/labs/activations/hints.mjs';
import { constantLoss, dataLoss, lossStalled } from '../../web/js/kit/stall.mjs';
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

test('stall: the baseline is the loss of the best constant answer', () => {
  const close = (a, b) => assert.ok(Math.abs(a - b) < 1e-12, `${a} vs ${b}`);
  close(constantLoss('binary_crossentropy', [0, 1, 0, 1]), Math.LN2);
  close(constantLoss('sparse_categorical_crossentropy', [0, 1, 2, 0, 1, 2]), Math.log(3));
  // 3 of class 0, 1 of class 1: the entropy of (3/4, 1/4), below ln 2
  close(constantLoss('binary_crossentropy', [0, 0, 0, 1]), -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25)));
  close(constantLoss('mse', [1, 2, 3, 4]), 1.25); // variance
  close(constantLoss('mae', [1, 2, 3, 10]), 2.5); // mean distance to the median 2.5
  assert.equal(constantLoss('mse', []), null);
  assert.equal(constantLoss('perceptron', [0, 1]), null);
});

test('stall: flat at any baseline, with a tolerance that grows with it', () => {
  const at = (value, n = 20) => Array.from({ length: n }, (_, i) => value + (i % 2 ? 0.005 : -0.005));
  assert.equal(lossStalled(at(Math.log(3)), Math.log(3)), true);
  assert.equal(lossStalled(at(Math.log(3)), Math.LN2), false, 'ln 3 is no stall where ln 2 is the baseline');
  assert.equal(
    lossStalled(
      at(4.0).map((v, i) => v + (i % 2 ? 0.05 : 0)),
      4.0,
    ),
    true,
    '2% of a variance of 4',
  );
  assert.equal(lossStalled([...at(4.0, 19), 3.5], 4.0), false, 'a fall below it ends the stall');
  assert.equal(lossStalled(at(0.5), Number.NaN), false);
  // Keras's loss with L2 includes the penalty: the stall looks at the data loss.
  assert.equal(dataLoss({ loss: 0.9, regularization_loss: 0.2 }), 0.9 - 0.2);
  assert.equal(dataLoss({ loss: 0.7 }), 0.7);
  assert.equal(dataLoss({ loss: Number.NaN }), null);
});

test('hints: a stall names a tiny learning rate, dead ReLUs, and what the loss means', () => {
  assert.deepEqual(codes(mlp({ lr: 1e-4 }), { stalled: true }), ['stalled', 'stallLowLr']);
  const relu = [
    { units: 4, activation: 'relu' },
    { units: 2, activation: 'relu' },
  ];
  assert.deepEqual(codes(mlp({ layers: relu }), { stalled: true, deadUnits: 4, reluUnits: 6 }), [
    'stalled',
    'stallDeadRelu',
  ]);
  assert.deepEqual(codes(mlp({ layers: relu }), { stalled: true, deadUnits: 1, reluUnits: 6 }), [
    'stalled',
    'stallOther',
  ]);
  // zero weights: the initializer is named, not the ReLUs it killed
  assert.deepEqual(
    codes(mlp({ layers: relu, init: 'zeros' }), { stalled: true, deadUnits: 6, reluUnits: 6 }),
    ['stalled', 'stallZeroInit'],
  );
  const regression = mlp({ dataset: 'regress_plane', loss: 'mse' });
  const hints = mlpHints(regression, { stalled: true, baseline: 0.3333 });
  assert.deepEqual(hints[0], { code: 'stalledMean', args: { value: '0.333', epochs: 20 } });
  assert.deepEqual(mlpHints(mlp(), { stalled: true, baseline: Math.log(3) })[0].args, {
    value: '1.099',
    epochs: 20,
  });
});

test('hints: a ReLU neuron is dead when its map is 0 at every grid point', () => {
  // resolution 2: 4 values a map; the output's map first, then layer 1's two units, layer 2's one
  const grid = {
    resolution: 2,
    values: Float32Array.from([0.5, 0.5, 0.5, 0.5, 0, 0, 0, 0, 0, 0.1, 0, 0, 0, 0, 0, 0]),
    maps: [
      { layer: 'out', unit: 0, offset: 0 },
      { layer: 'dense_1', unit: 0, offset: 4 },
      { layer: 'dense_1', unit: 1, offset: 8 },
      { layer: 'dense_2', unit: 0, offset: 12 },
    ],
  };
  const layers = [
    { units: 2, activation: 'relu' },
    { units: 1, activation: 'relu' },
  ];
  assert.deepEqual(deadReluUnits(layers, grid), { dead: 2, relu: 3 });
  assert.deepEqual(deadReluUnits([layers[0], { units: 1, activation: 'tanh' }], grid), { dead: 1, relu: 2 });
  assert.deepEqual(deadReluUnits(layers, null), { dead: 0, relu: 0 });
});

test('hints: the perceptron explains XOR after 20 epochs with mistakes, never AND/OR/NAND', () => {
  const p = (gate, extra = {}) => ({ gate, pHidden: false, lr: 1, ...extra });
  const failing = { epochs: 20, misclassified: 2 };
  assert.deepEqual(perceptronHints(p('xor'), failing), [
    { code: 'notSeparable', args: { gate: 'XOR' }, preset: 'mlp-xor' },
  ]);
  assert.equal(perceptronHints(p('xnor'), failing).length, 1);
  for (const gate of ['and', 'or', 'nand']) assert.deepEqual(perceptronHints(p(gate), failing), []);
  assert.deepEqual(perceptronHints(p('xor'), { epochs: 19, misclassified: 2 }), [], 'too early');
  assert.deepEqual(perceptronHints(p('xor'), { epochs: 40, misclassified: 0 }), [], 'all correct');
  assert.deepEqual(perceptronHints(p('xor', { pHidden: true }), failing), [], 'with a hidden layer');
});

test('hints: the activations lab names a vanishing gradient two orders of magnitude deep', () => {
  const state = { deepAct: 'sigmoid', deepDepth: 8 };
  assert.deepEqual(activationsHints(state, { iterations: 10, deepFirst: 1e-6, deepLast: 2.5e-3 }), [
    {
      code: 'vanishing',
      args: { act: { key: 'act.name.sigmoid' }, ratio: '10³', depth: 8, slope: 0.25 },
    },
  ]);
  assert.equal(
    activationsHints({ ...state, deepAct: 'tanh' }, { iterations: 1, deepFirst: 1, deepLast: 100 })[0].args
      .slope,
    1,
  );
  assert.deepEqual(activationsHints(state, { iterations: 10, deepFirst: 1e-3, deepLast: 5e-2 }), [], '50×');
  assert.deepEqual(
    activationsHints(state, { iterations: 0, deepFirst: 1e-6, deepLast: 1e-2 }),
    [],
    'untrained',
  );
  assert.deepEqual(activationsHints(state, { iterations: 5 }), [], 'no norms yet');
});
