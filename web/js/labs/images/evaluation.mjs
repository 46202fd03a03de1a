// @ts-check
// The test part read off one `predict` answer: the confusion matrix (with each cell's images),
// accuracy per class and overall, and the sample grid's images with their predicted class and
// confidence. Pure; the views draw what it returns.
import { accuracy, classAccuracy, confusionMatrix, predictedClasses } from './views/predictions.mjs';

/** How many test images the sample grid shows: the part is interleaved by class, so the
 *  first SAMPLE_COUNT hold every class three times. */
export const SAMPLE_COUNT = 30;
const PIXELS = 28 * 28;

/**
 * The test part's evaluation: {matrix, perClass, accuracy, right, n, predicted, confidence}.
 * @param {Float32Array} probabilities [n · classes] (softmax rows)
 * @param {ArrayLike<number>} labels [n] class ids
 * @param {number} classes
 */
export function evaluateTest(probabilities, labels, classes) {
  const matrix = confusionMatrix(labels, probabilities, classes);
  const { predicted, confidence } = predictedClasses(probabilities, classes);
  let right = 0;
  for (let c = 0; c < classes; c += 1) right += matrix.counts[c * classes + c];
  return {
    matrix,
    perClass: classAccuracy(matrix),
    accuracy: accuracy(matrix),
    right,
    n: labels.length,
    predicted,
    confidence,
  };
}

/**
 * The sample grid's images: test images `indices` of `part` ({labels, pixels [count · 784]}),
 * each {index, pixels: Uint8Array(784), label, predicted, confidence}.
 * @param {{labels: Uint8Array, pixels: Uint8Array}} part
 * @param {ArrayLike<number>} indices
 * @param {{predicted: Uint8Array, confidence: Float32Array}} evaluation
 */
export function sampleImages(part, indices, evaluation) {
  return Array.from(indices, (index) => ({
    index,
    pixels: part.pixels.subarray(index * PIXELS, (index + 1) * PIXELS),
    label: part.labels[index],
    predicted: evaluation.predicted[index],
    confidence: evaluation.confidence[index],
  }));
}

/** The first `count` image indices of a part of `n` (fewer when it has fewer).
 *  @param {number} n @param {number} [count] */
export function firstIndices(n, count = SAMPLE_COUNT) {
  return Array.from({ length: Math.min(n, count) }, (_, i) => i);
}
