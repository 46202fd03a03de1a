// @ts-check
// k-fold cross-validation as the notes describe it: the subset is cut into k parts; fold i
// trains on the other k−1 parts and validates on part i. Parts are balanced by class: the
// samples of each class are dealt to the parts in turn, so every part holds each class
// within one sample of the others and the part sizes differ by at most one.

/**
 * The k folds of samples 0..labels.length−1.
 * @param {ArrayLike<number>} labels the class id of each sample of the subset
 * @param {number} k the number of parts, 2 ≤ k ≤ labels.length
 * @returns {{train: Int32Array, validation: Int32Array}[]} fold i validates on part i
 */
export function foldSplits(labels, k) {
  const n = labels.length;
  if (!Number.isInteger(k) || k < 2 || k > n)
    throw new RangeError(`k must be an integer in [2, ${n}], got ${k}`);
  /** @type {Map<number, number[]>} class id -> its samples, in order */
  const byClass = new Map();
  for (let i = 0; i < n; i += 1) {
    const label = labels[i];
    if (!byClass.has(label)) byClass.set(label, []);
    /** @type {number[]} */ (byClass.get(label)).push(i);
  }
  /** @type {number[][]} */
  const parts = Array.from({ length: k }, () => []);
  let turn = 0;
  for (const label of [...byClass.keys()].sort((a, b) => a - b)) {
    for (const i of /** @type {number[]} */ (byClass.get(label))) {
      parts[turn % k].push(i);
      turn += 1;
    }
  }
  return parts.map((validation, fold) => {
    const train = parts.flatMap((part, j) => (j === fold ? [] : part)).sort((a, b) => a - b);
    return { train: Int32Array.from(train), validation: Int32Array.from(validation.sort((a, b) => a - b)) };
  });
}

/**
 * The mean and the standard deviation (population, as numpy's np.std) of `values`.
 * @param {ArrayLike<number>} values at least one finite number
 * @returns {{mean: number, sd: number, count: number}}
 */
export function meanAndSd(values) {
  const count = values.length;
  if (count === 0) return { mean: NaN, sd: NaN, count };
  let sum = 0;
  for (let i = 0; i < count; i += 1) sum += values[i];
  const mean = sum / count;
  let squares = 0;
  for (let i = 0; i < count; i += 1) squares += (values[i] - mean) ** 2;
  return { mean, sd: Math.sqrt(squares / count), count };
}
