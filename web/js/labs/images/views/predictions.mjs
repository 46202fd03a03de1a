// @ts-check
// What the images lab reads off a test set's predictions: the predicted class and its
// confidence per image, the confusion matrix (with the images of each cell, so a cell can open
// them) and accuracy per class and overall. Pure functions of the labels and the engine's
// `predict` answer (softmax probabilities [n, classes] row-major), tested in Node.

/**
 * @typedef {{classes: number, counts: Int32Array, cells: number[][]}} ConfusionMatrix
 *   counts [classes · classes]: counts[t · classes + p] images of true class t predicted as p;
 *   cells[t · classes + p]: those images' indices, in order.
 */

/**
 * The argmax class of each row of `probabilities` and its probability (the confidence). Ties
 * go to the lowest class, as numpy's and Keras's argmax do; NaN never wins, so a row of NaN is
 * class 0 with confidence NaN.
 * @param {ArrayLike<number>} probabilities [n · classes] row-major
 * @param {number} classes
 * @returns {{predicted: Uint8Array, confidence: Float32Array}} both [n]
 */
export function predictedClasses(probabilities, classes) {
  if (!Number.isInteger(classes) || classes < 1 || classes > 256) {
    throw new RangeError(`classes: expected an integer from 1 to 256, got ${classes}`);
  }
  if (probabilities.length % classes !== 0) {
    throw new RangeError(`probabilities: ${probabilities.length} values are not rows of ${classes}`);
  }
  const n = probabilities.length / classes;
  const predicted = new Uint8Array(n);
  const confidence = new Float32Array(n);
  for (let i = 0, at = 0; i < n; i += 1, at += classes) {
    let best = 0;
    let top = probabilities[at];
    for (let c = 1; c < classes; c += 1) {
      const p = probabilities[at + c];
      if (p > top || (Number.isNaN(top) && !Number.isNaN(p))) {
        top = p;
        best = c;
      }
    }
    predicted[i] = best;
    confidence[i] = top;
  }
  return { predicted, confidence };
}

/**
 * The confusion matrix of true `labels` against the argmax of `probabilities`.
 * @param {ArrayLike<number>} labels [n] class ids (a Uint8Array, or the Float32Array y)
 * @param {ArrayLike<number>} probabilities [n · classes] row-major
 * @param {number} classes
 * @returns {ConfusionMatrix}
 */
export function confusionMatrix(labels, probabilities, classes) {
  const { predicted } = predictedClasses(probabilities, classes);
  if (predicted.length !== labels.length) {
    throw new RangeError(`labels: ${labels.length} labels for ${predicted.length} predictions`);
  }
  const counts = new Int32Array(classes * classes);
  /** @type {number[][]} */
  const cells = Array.from({ length: classes * classes }, () => []);
  for (let i = 0; i < labels.length; i += 1) {
    const label = labels[i];
    if (!Number.isInteger(label) || label < 0 || label >= classes) {
      throw new RangeError(`labels[${i}]: expected a class from 0 to ${classes - 1}, got ${label}`);
    }
    const cell = label * classes + predicted[i];
    counts[cell] += 1;
    cells[cell].push(i);
  }
  return { classes, counts, cells };
}

/**
 * The number of classes of a matrix given as {classes} or only {counts} (a square).
 * @param {{counts: ArrayLike<number>, classes?: number}} matrix
 */
function classesOf({ counts, classes }) {
  const k = classes ?? Math.round(Math.sqrt(counts.length));
  if (k * k !== counts.length) throw new RangeError(`counts: ${counts.length} values are not ${k}×${k}`);
  return k;
}

/**
 * Per true class, the share of its images predicted right (a row's diagonal over the row's
 * sum, i.e. the class's recall); NaN for a class with no images.
 * @param {{counts: ArrayLike<number>, classes?: number}} matrix
 * @returns {Float64Array} [classes]
 */
export function classAccuracy(matrix) {
  const k = classesOf(matrix);
  const out = new Float64Array(k);
  for (let t = 0; t < k; t += 1) {
    let row = 0;
    for (let p = 0; p < k; p += 1) row += matrix.counts[t * k + p];
    out[t] = row > 0 ? matrix.counts[t * k + t] / row : Number.NaN;
  }
  return out;
}

/**
 * The share of all images predicted right (the trace over the total); NaN for no images.
 * @param {{counts: ArrayLike<number>, classes?: number}} matrix
 * @returns {number}
 */
export function accuracy(matrix) {
  const k = classesOf(matrix);
  let right = 0;
  let total = 0;
  for (let i = 0; i < matrix.counts.length; i += 1) total += matrix.counts[i];
  for (let c = 0; c < k; c += 1) right += matrix.counts[c * k + c];
  return total > 0 ? right / total : Number.NaN;
}
