// The workbench's fit log: lines as Keras 3's progress bar prints them. Expected number texts were
// produced with CPython's format() (f"{v:.4f}", f"{v:.4e}", f"{v:.0f}").
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  epochHeader,
  epochLine,
  evaluateLine,
  formatLogValue,
  orderLogKeys,
  pythonExponential,
  pythonFixed,
} from '../../web/js/labs/workbench/keras-log.mjs';

const BAR = '━'.repeat(20);

test('epoch header: counted from 1, none for a single-epoch fit', () => {
  assert.equal(epochHeader(3, 10), 'Epoch 3/10');
  assert.equal(epochHeader(1, 2), 'Epoch 1/2');
  assert.equal(epochHeader(1, 1), '');
});

test('epoch line at verbose=1: full bar, seconds, time per step, sorted metrics, val_* after', () => {
  const logs = { loss: 0.4213, accuracy: 0.8125, val_loss: 0.5012, val_accuracy: 0.75 };
  assert.equal(
    epochLine({ batches: 13, seconds: 0.052, logs }),
    `13/13 ${BAR} 0s 4ms/step - accuracy: 0.8125 - loss: 0.4213 - val_accuracy: 0.7500 - val_loss: 0.5012`,
  );
});

test('epoch line at verbose=2: no bar, dashes between the times', () => {
  const logs = { loss: 0.4213, accuracy: 0.8125, val_loss: 0.5012, val_accuracy: 0.75 };
  assert.equal(
    epochLine({ batches: 13, seconds: 0.052, logs, verbose: 2 }),
    '13/13 - 0s - 4ms/step - accuracy: 0.8125 - loss: 0.4213 - val_accuracy: 0.7500 - val_loss: 0.5012',
  );
  assert.equal(epochLine({ batches: 0, seconds: 0, logs, verbose: 2 }), '');
});

test('evaluate line: the same bar over the test steps', () => {
  assert.equal(
    evaluateLine({ batches: 4, seconds: 0.01, logs: { loss: 0.28741, accuracy: 0.9 } }),
    `4/4 ${BAR} 0s 2ms/step - accuracy: 0.9000 - loss: 0.2874`,
  );
});

test('no steps: Keras prints the count padded to 7 with "Unknown" and 0s/step', () => {
  assert.equal(
    evaluateLine({ batches: 0, seconds: 0, logs: { loss: 1 } }),
    '      0/Unknown 0s 0s/step - loss: 1.0000',
  );
});

test('key order: training keys sorted, then val_* sorted, then learning rates as callbacks add them', () => {
  const logs = {
    loss: 1,
    out_b_loss: 1,
    out_a_loss: 1,
    out_b_accuracy: 1,
    learning_rate: 1,
    val_out_a_loss: 1,
    val_loss: 1,
    val_out_b_accuracy: 1,
  };
  assert.deepEqual(orderLogKeys(logs), [
    'loss',
    'out_a_loss',
    'out_b_accuracy',
    'out_b_loss',
    'val_loss',
    'val_out_a_loss',
    'val_out_b_accuracy',
    'learning_rate',
  ]);
  assert.deepEqual(orderLogKeys({ lr: 0.01, val_mae: 1, mae: 2 }), ['mae', 'val_mae', 'lr']);
});

test('values: 4 decimals, scientific at or below 1e-3, ties to even as Python', () => {
  /** @type {[number, string][]} */
  const cases = [
    [0.8125, '0.8125'],
    [0.4213, '0.4213'],
    [2, '2.0000'],
    [0.03125, '0.0312'],
    [0.09375, '0.0938'],
    [0.15625, '0.1562'],
    [-0.25, '-0.2500'],
    [123456.789, '123456.7890'],
    [1e22, '10000000000000000000000.0000'],
    [1e-3, '1.0000e-03'],
    [1e-5, '1.0000e-05'],
    [0.000123456, '1.2346e-04'],
    [0, '0.0000e+00'],
    [-0, '-0.0000e+00'],
    [Number.NaN, 'nan'],
    [Infinity, 'inf'],
    [-Infinity, '-inf'],
  ];
  for (const [value, text] of cases) assert.equal(formatLogValue(value), text, String(value));
});

test('values at verbose=2: negatives go to scientific form (Keras tests v > 1e-3 there)', () => {
  assert.equal(formatLogValue(-0.25, 2), '-2.5000e-01');
  assert.equal(formatLogValue(0.25, 2), '0.2500');
  assert.equal(pythonExponential(-1.03125, 4), '-1.0312e+00');
});

test('times: whole seconds and steps round half to even; ms and us below a second', () => {
  const line = (/** @type {number} */ seconds, /** @type {number} */ stepSeconds) =>
    epochLine({ batches: 2, seconds, stepSeconds, logs: {} });
  assert.equal(line(0.5, 0.0125), `2/2 ${BAR} 0s 12ms/step`);
  assert.equal(line(1.5, 0.0005), `2/2 ${BAR} 2s 500us/step`);
  assert.equal(line(2.5, 1.2), `2/2 ${BAR} 2s 1s/step`);
  assert.equal(line(3.5, 0.9996), `2/2 ${BAR} 4s 1000ms/step`);
  assert.equal(pythonFixed(0.4999, 0), '0');
});

test('a non-number log value prints as nan instead of breaking the line', () => {
  assert.equal(formatLogValue(/** @type {any} */ (null)), 'nan');
});
