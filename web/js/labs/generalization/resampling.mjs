// @ts-check
// The page-side arithmetic of the generalization lab, kept apart from the DOM so it is tested
// in Node: bootstrap samples (n draws with replacement, seeded), picking rows of 2-D points,
// averaging the members' probabilities (bagging), the accuracy of probabilities against labels,
// and the sweep's bookkeeping (its curves and where test error is lowest).
import { seededRandom } from '../../kit/seeded-random.mjs';

/**
 * A bootstrap sample of 0..n−1: n indices drawn uniformly with replacement from seed `seed`
 * (mulberry32, kit/seeded-random.mjs), so member m of a bag is the same sample every time.
 * @param {number} n the training set's size, ≥ 1
 * @param {number} seed
 * @returns {Int32Array} n indices, sorted (the order of training is the engine's shuffle)
 */
export function bootstrapIndices(n, seed) {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  const random = seededRandom(seed);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i += 1) out[i] = Math.min(n - 1, Math.floor(random() * n));
  return out.sort();
}

/**
 * How many distinct indices a sample holds (a bootstrap sample holds about 63% of n).
 * @param {ArrayLike<number>} indices
 */
export function distinctCount(indices) {
  return new Set(Array.from(indices)).size;
}

/**
 * Rows `indices` of 2-D points: x is n×2 row-major (x1, x2 of each point), y one label each.
 * @param {ArrayLike<number>} x @param {ArrayLike<number>} y @param {ArrayLike<number>} indices
 * @returns {{x: Float32Array, y: Float32Array}} x: indices.length×2, y: indices.length
 */
export function pickRows(x, y, indices) {
  const m = indices.length;
  const px = new Float32Array(2 * m);
  const py = new Float32Array(m);
  for (let k = 0; k < m; k += 1) {
    const i = indices[k];
    px[2 * k] = x[2 * i];
    px[2 * k + 1] = x[2 * i + 1];
    py[k] = y[i];
  }
  return { x: px, y: py };
}

/**
 * The element-wise mean of equally long arrays (the members' probabilities on the grid or on
 * the test points: bagging's vote, averaged rather than counted).
 * @param {ArrayLike<number>[]} arrays at least one
 * @returns {Float32Array}
 */
export function averageArrays(arrays) {
  if (arrays.length === 0) throw new RangeError('nothing to average');
  const n = arrays[0].length;
  if (arrays.some((a) => a.length !== n)) throw new RangeError('arrays of different lengths');
  const sum = new Float64Array(n);
  for (const a of arrays) for (let i = 0; i < n; i += 1) sum[i] += a[i];
  return Float32Array.from(sum, (v) => v / arrays.length);
}

/**
 * The share of points whose probability of class 1 is on their label's side of 0.5 (≥ 0.5 says
 * class 1), as Keras's binary accuracy.
 * @param {ArrayLike<number>} probabilities one per point
 * @param {ArrayLike<number>} labels 0 or 1 per point (same length)
 * @returns {number} in [0, 1]; NaN for no points
 */
export function accuracyOf(probabilities, labels) {
  const n = labels.length;
  if (probabilities.length !== n) throw new RangeError('one probability per label');
  if (n === 0) return NaN;
  let right = 0;
  for (let i = 0; i < n; i += 1) if (probabilities[i] >= 0.5 === labels[i] >= 0.5) right += 1;
  return right / n;
}

/**
 * The sweep's curves over its capacities: one value per capacity (NaN where that model has not
 * finished), for the train and test loss and error (1 − accuracy).
 * @param {number} count the number of capacities
 * @param {({trainLoss: number, testLoss: number, trainAccuracy: number, testAccuracy: number}
 *   | null | undefined)[]} results result i is capacity i's, once finished
 */
export function sweepCurves(count, results) {
  const pick = (/** @type {(r: any) => number} */ f) =>
    Array.from({ length: count }, (_, i) => (results[i] ? f(results[i]) : NaN));
  return {
    trainLoss: pick((r) => r.trainLoss),
    testLoss: pick((r) => r.testLoss),
    trainError: pick((r) => 1 - r.trainAccuracy),
    testError: pick((r) => 1 - r.testAccuracy),
  };
}

/**
 * What a finished sweep's test curve shows: the capacity index with the lowest value, and
 * whether the curve rises again after it (by more than `margin`, so noise is not called
 * over-fitting) and falls before it.
 * @param {number[]} test one value per capacity (all finite)
 * @param {number} [margin]
 * @returns {{best: number, risesAfter: boolean, fallsBefore: boolean}}
 */
export function sweepShape(test, margin = 0.01) {
  let best = 0;
  for (let i = 1; i < test.length; i += 1) if (test[i] < test[best]) best = i;
  const after = test.slice(best + 1);
  const before = test.slice(0, best);
  return {
    best,
    risesAfter: after.length > 0 && Math.max(...after) > test[best] + margin,
    fallsBefore: before.length > 0 && Math.max(...before) > test[best] + margin,
  };
}
