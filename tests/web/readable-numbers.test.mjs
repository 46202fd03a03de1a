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
