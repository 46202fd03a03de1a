// Readable numbers: the gradient history's integer ticks and the activations lab's large ratios.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { niceTicks } from '../../web/js/views/gradient-chart-view.mjs';
import { powerOfTen } from '../../web/js/labs/activations/vanishing.mjs';

test('gradient chart: integer ticks at a round step, one tick before training', () => {
  assert.deepEqual(niceTicks(0, 0), [0]);
  assert.deepEqual(niceTicks(0, 0.4), [0]);
  assert.deepEqual(niceTicks(0, 1001), [0, 500, 1000]);
  assert.deepEqual(niceTicks(0, 3), [0, 1, 2, 3]);
  assert.deepEqual(niceTicks(12, 87), [20, 40, 60, 80]);
});

test('activations: a ratio of billions reads 2.9 × 10⁹', () => {
  assert.equal(powerOfTen(2879820177), '2.9 × 10⁹');
  assert.equal(powerOfTen(1234), '1.2 × 10³');
});

test('loss readouts keep their digits when the loss gets small', async () => {
  const { lossText } = await import('../../web/js/kit/readable-numbers.mjs');
  assert.equal(lossText(0.6931), '0.693');
  assert.equal(lossText(0.01), '0.010');
  assert.equal(lossText(0), '0.000');
  assert.equal(lossText(0.0000231), '2.3 × 10⁻⁵');
  assert.equal(lossText(0.00951), '9.5 × 10⁻³');
  assert.equal(lossText(12.5), '12.500');
  assert.equal(lossText(null), '–');
  assert.equal(lossText(Number.NaN), '–');
  assert.equal(lossText(Infinity), '–');
});
