// @ts-check
// A stalled run, for the labs' hints: the training loss sits, epoch after epoch, at the loss of
// the best answer that ignores the inputs (a constant): for cross-entropy the entropy of the
// class frequencies (ln 2 for two balanced classes, ln k for k), for the mean squared error the
// targets' variance, for the mean absolute error their mean distance to the median. Pure.

/** The stall rule: this many finished epochs, each within the tolerance of the constant's loss
 *  (the larger of TOLERANCE and RELATIVE_TOLERANCE × that loss). */
export const STALL_EPOCHS = 20;
const TOLERANCE = 0.01;
const RELATIVE_TOLERANCE = 0.02;
const CROSS_ENTROPIES = new Set([
  'binary_crossentropy',
  'categorical_crossentropy',
  'sparse_categorical_crossentropy',
]);

/**
 * The loss of the best constant prediction for `targets` under `loss` (a Keras loss name), or
 * null when it cannot be said (no targets, an unknown loss).
 * @param {string} loss
 * @param {ArrayLike<number>} targets class ids (cross-entropy) or values (mse, mae)
 * @returns {number | null}
 */
export function constantLoss(loss, targets) {
  const n = targets?.length ?? 0;
  if (n === 0) return null;
  const values = Array.from(targets);
  if (CROSS_ENTROPIES.has(loss)) {
    /** @type {Map<number, number>} */
    const counts = new Map();
    for (const y of values) counts.set(y, (counts.get(y) ?? 0) + 1);
    let entropy = 0;
    for (const count of counts.values()) entropy -= (count / n) * Math.log(count / n);
    return entropy;
  }
  if (loss === 'mse') {
    const mean = values.reduce((a, b) => a + b, 0) / n;
    return values.reduce((a, y) => a + (y - mean) ** 2, 0) / n;
  }
  if (loss === 'mae') {
    const sorted = [...values].sort((a, b) => a - b);
    const median = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    return values.reduce((a, y) => a + Math.abs(y - median), 0) / n;
  }
  return null;
}

/**
 * Whether `losses` (the training data loss per finished epoch, oldest first) show a stall:
 * the last `epochs` of them all within the tolerance of `baseline`, the constant's loss.
 * @param {number[]} losses
 * @param {number} [baseline] the constant's loss (default ln 2: two balanced classes)
 * @param {{epochs?: number}} [options]
 */
export function lossStalled(losses, baseline = Math.LN2, { epochs = STALL_EPOCHS } = {}) {
  if (!Number.isFinite(baseline) || losses.length < epochs) return false;
  const tolerance = Math.max(TOLERANCE, RELATIVE_TOLERANCE * baseline);
  return losses.slice(-epochs).every((loss) => Math.abs(loss - baseline) <= tolerance);
}

/**
 * The data loss of a train answer's epoch logs: Keras's `loss` less the regularization penalty
 * (`regularization_loss`, when the model has a regularizer), so a large L2 does not hide the fit.
 * @param {Record<string, number> | undefined} logs
 * @returns {number | null}
 */
export function dataLoss(logs) {
  const loss = logs?.loss;
  if (typeof loss !== 'number' || !Number.isFinite(loss)) return null;
  const penalty = logs?.regularization_loss;
  return typeof penalty === 'number' && Number.isFinite(penalty) ? loss - penalty : loss;
}
