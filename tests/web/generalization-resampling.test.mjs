// The generalization lab's page arithmetic (web/js/labs/generalization/resampling.mjs and the
// capacity parse in fields.mjs): bootstrap samples draw with replacement from a seed, rows are
// picked in order, averages and accuracies are exact, and the sweep's bookkeeping says where
// test error is lowest and whether it rises after.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  accuracyOf,
  averageArrays,
  bootstrapIndices,
  distinctCount,
  pickRows,
  sweepCurves,
  sweepShape,
} from '../../web/js/labs/generalization/resampling.mjs';
import { parseCapacities } from '../../web/js/labs/generalization/fields.mjs';
import { foldSplits } from '../../web/js/kit/folds.mjs';

test('bootstrap: n draws in range, the same for a seed, others for another, with repeats', () => {
  const a = bootstrapIndices(200, 1);
  assert.equal(a.length, 200);
  assert.ok(a.every((i) => Number.isInteger(i) && i >= 0 && i < 200));
  assert.deepEqual(bootstrapIndices(200, 1), a, 'seeded');
  assert.notDeepEqual(bootstrapIndices(200, 2), a);
  // With replacement: about 1 − 1/e ≈ 63% distinct, never all of them for n = 200.
  const distinct = distinctCount(a);
  assert.ok(distinct > 100 && distinct < 160, `distinct ${distinct}`);
  let total = 0;
  for (let seed = 1; seed <= 50; seed += 1) total += distinctCount(bootstrapIndices(200, seed));
  assert.ok(Math.abs(total / 50 / 200 - (1 - Math.exp(-1))) < 0.02, `mean share ${total / 50 / 200}`);
  assert.throws(() => bootstrapIndices(0, 1), RangeError);
});

test('pickRows: the rows asked for, repeats included, x as n×2', () => {
  const x = Float32Array.from([0, 1, 10, 11, 20, 21]);
  const y = Float32Array.from([0, 1, 1]);
  const { x: px, y: py } = pickRows(x, y, [2, 0, 2]);
  assert.deepEqual(Array.from(px), [20, 21, 0, 1, 20, 21]);
  assert.deepEqual(Array.from(py), [1, 0, 1]);
});

test('averageArrays and accuracyOf: element-wise means, Keras binary accuracy', () => {
  assert.deepEqual(
    Array.from(
      averageArrays([
        [0, 1, 0.5],
        [1, 1, 0],
      ]),
    ),
    [0.5, 1, 0.25],
  );
  assert.throws(() => averageArrays([]), RangeError);
  assert.throws(() => averageArrays([[1], [1, 2]]), RangeError);
  assert.equal(accuracyOf([0.9, 0.2, 0.5, 0.49], [1, 0, 1, 1]), 0.75);
  assert.ok(Number.isNaN(accuracyOf([], [])));
  // Averaging can beat every member: two members each wrong on a different point.
  const labels = [1, 1, 0];
  const m1 = [0.9, 0.4, 0.1];
  const m2 = [0.3, 0.9, 0.2];
  assert.equal(accuracyOf(m1, labels), 2 / 3);
  assert.equal(accuracyOf(m2, labels), 2 / 3);
  assert.equal(accuracyOf(averageArrays([m1, m2]), labels), 1);
});

test('sweepCurves: NaN until a capacity finishes, errors are 1 − accuracy', () => {
  const r = { trainLoss: 0.1, testLoss: 0.5, trainAccuracy: 0.95, testAccuracy: 0.8 };
  const curves = sweepCurves(3, [r, null]);
  assert.deepEqual(curves.trainLoss.slice(0, 1), [0.1]);
  assert.ok(Number.isNaN(curves.trainLoss[1]) && Number.isNaN(curves.testError[2]));
  assert.ok(Math.abs(curves.trainError[0] - 0.05) < 1e-12);
  assert.ok(Math.abs(curves.testError[0] - 0.2) < 1e-12);
});

test('sweepShape: the lowest test value and whether it rises after and falls before', () => {
  assert.deepEqual(sweepShape([0.4, 0.2, 0.17, 0.19, 0.2]), { best: 2, risesAfter: true, fallsBefore: true });
  assert.deepEqual(sweepShape([0.4, 0.3, 0.2]), { best: 2, risesAfter: false, fallsBefore: true });
  assert.deepEqual(sweepShape([0.1, 0.2, 0.3]), { best: 0, risesAfter: true, fallsBefore: false });
  // Within the margin is not called a rise.
  assert.deepEqual(sweepShape([0.2, 0.195, 0.2]), { best: 1, risesAfter: false, fallsBefore: false });
});

test('parseCapacities: 2..8 increasing whole numbers 1..128', () => {
  assert.deepEqual(parseCapacities('1, 2 4,8'), { ok: true, value: [1, 2, 4, 8] });
  for (const bad of ['4', '4, 2', '1, 2.5', '1, 200', '0, 1', '1,2,3,4,5,6,7,8,9', 'a, b', ''])
    assert.equal(parseCapacities(bad).ok, false, bad);
});

test('folds of 2-D labels: every point validates exactly once, parts balanced by class', () => {
  const labels = Array.from({ length: 60 }, (_, i) => ((i * 7) % 3 === 0 ? 1 : 0));
  const folds = foldSplits(labels, 5);
  const seen = new Array(60).fill(0);
  for (const { train, validation } of folds) {
    assert.equal(train.length + validation.length, 60);
    for (const i of validation) seen[i] += 1;
    for (const i of train) assert.ok(!validation.includes(i));
  }
  assert.ok(seen.every((c) => c === 1));
});
