// The images lab's pure view helpers: predictions (argmax, confidence, confusion matrix, accuracy
// per class), the draw pad's brush and the weight images' colour scale.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  accuracy,
  classAccuracy,
  confusionMatrix,
  predictedClasses,
} from '../../web/js/labs/images/views/predictions.mjs';
import { centreByMass, inkAmount, paintSegment } from '../../web/js/labs/images/views/brush.mjs';
import { paintGrey } from '../../web/js/labs/images/views/image-canvas.mjs';

/** Probabilities [n · classes] with one row per entry of `rows` (each a plain array). */
const probs = (rows) => Float32Array.from(rows.flat());

test('predictedClasses: argmax and its probability per row; ties go to the lowest class', () => {
  const { predicted, confidence } = predictedClasses(
    probs([
      [0.1, 0.7, 0.2],
      [0.4, 0.2, 0.4],
      [0.3, 0.3, 0.4],
      [Number.NaN, 0.5, 0.5],
    ]),
    3,
  );
  assert.deepEqual([...predicted], [1, 0, 2, 1]);
  assert.deepEqual(
    [...confidence].map((c) => Math.round(c * 100) / 100),
    [0.7, 0.4, 0.4, 0.5],
  );
  const nan = predictedClasses(probs([[Number.NaN, Number.NaN]]), 2);
  assert.equal(nan.predicted[0], 0);
  assert.ok(Number.isNaN(nan.confidence[0]));
  assert.throws(() => predictedClasses(new Float32Array(7), 3), /not rows of 3/);
  assert.throws(() => predictedClasses(new Float32Array(6), 0), /classes/);
});

test('confusionMatrix: rows are true classes, columns predicted, cells list the images', () => {
  const labels = Uint8Array.from([0, 0, 1, 2, 2, 2]);
  const p = probs([
    [0.9, 0.05, 0.05], // 0 -> 0
    [0.2, 0.7, 0.1], // 0 -> 1
    [0.1, 0.8, 0.1], // 1 -> 1
    [0.1, 0.1, 0.8], // 2 -> 2
    [0.6, 0.3, 0.1], // 2 -> 0
    [0.2, 0.2, 0.6], // 2 -> 2
  ]);
  const m = confusionMatrix(labels, p, 3);
  assert.equal(m.classes, 3);
  assert.ok(m.counts instanceof Int32Array);
  assert.deepEqual([...m.counts], [1, 1, 0, 0, 1, 0, 1, 0, 2]);
  assert.deepEqual(m.cells[0 * 3 + 1], [1], 'true 0 predicted 1 is image 1');
  assert.deepEqual(m.cells[2 * 3 + 0], [4], 'true 2 predicted 0 is image 4');
  assert.deepEqual(m.cells[2 * 3 + 2], [3, 5]);
  assert.equal(
    m.cells.reduce((n, c) => n + c.length, 0),
    labels.length,
  );
  // The y array of imageArrays is a Float32Array of class ids: the same matrix.
  assert.deepEqual([...confusionMatrix(Float32Array.from(labels), p, 3).counts], [...m.counts]);
  assert.throws(
    () =>
      confusionMatrix(
        Uint8Array.from([0, 3]),
        probs([
          [1, 0, 0],
          [0, 1, 0],
        ]),
        3,
      ),
    /labels\[1\]/,
  );
  assert.throws(
    () =>
      confusionMatrix(
        Uint8Array.from([0]),
        probs([
          [1, 0, 0],
          [0, 1, 0],
        ]),
        3,
      ),
    /1 labels for 2/,
  );
});

test('classAccuracy and accuracy: the diagonal over rows and over everything', () => {
  const m = confusionMatrix(
    Uint8Array.from([0, 0, 1, 2, 2, 2]),
    probs([
      [0.9, 0.05, 0.05],
      [0.2, 0.7, 0.1],
      [0.1, 0.8, 0.1],
      [0.1, 0.1, 0.8],
      [0.6, 0.3, 0.1],
      [0.2, 0.2, 0.6],
    ]),
    3,
  );
  const perClass = classAccuracy(m);
  assert.ok(perClass instanceof Float64Array);
  assert.deepEqual([...perClass], [0.5, 1, 2 / 3]);
  assert.equal(accuracy(m), 4 / 6);
  // A class with no test images has no accuracy (NaN), and neither has an empty set.
  const empty = { counts: Int32Array.from([3, 1, 0, 0]) };
  const [first, second] = classAccuracy(empty);
  assert.equal(first, 0.75);
  assert.ok(Number.isNaN(second));
  assert.ok(Number.isNaN(accuracy({ counts: new Int32Array(4) })));
  assert.throws(() => accuracy({ counts: new Int32Array(5) }), /not 2×2/);
});

test('brush: a stroke is white along its line and fades to black at its edge', () => {
  const pad = new Float32Array(28 * 28);
  assert.equal(inkAmount(pad), 0);
  assert.ok(paintSegment(pad, { x: 4, y: 14 }, { x: 24, y: 14 }));
  const at = (col, row) => pad[row * 28 + col];
  assert.equal(at(14, 13), 1, 'on the line: full ink (pixel centre 0.5 away)');
  assert.equal(at(14, 14), 1);
  assert.ok(at(14, 12) > 0 && at(14, 12) < 1, `soft edge: ${at(14, 12)}`);
  assert.equal(at(14, 10), 0, 'beyond the edge: nothing');
  assert.equal(at(0, 13), 0, 'before the start: nothing');
  // Symmetric around the line y = 14: rows 13 and 14 are mirror images, and so are 12 and 15.
  assert.equal(at(14, 12), at(14, 15));
  assert.ok(inkAmount(pad) > 40 && inkAmount(pad) < 140, `ink ${inkAmount(pad)}`);
  // Painting the same stroke again changes nothing (a pixel keeps its brightest value).
  assert.equal(paintSegment(pad, { x: 4, y: 14 }, { x: 24, y: 14 }), false);
  // A dot (a = b) inks a small disc; a stroke off the pad inks nothing and never writes outside.
  const dot = new Float32Array(28 * 28);
  paintSegment(dot, { x: 0.5, y: 0.5 }, { x: 0.5, y: 0.5 });
  assert.equal(dot[0], 1);
  assert.ok(inkAmount(dot) > 2 && inkAmount(dot) < 8, `dot ink ${inkAmount(dot)}`);
  const off = new Float32Array(28 * 28);
  assert.equal(paintSegment(off, { x: -10, y: -10 }, { x: -5, y: 40 }), false);
  assert.equal(off.length, 784);
});

test('paintGrey: 0 is black, the top value white, at the asked place of a sheet', () => {
  const images = new Uint8Array(2 * 784);
  images[784 + 0] = 255; // image 1, pixel (0, 0)
  images[784 + 28 + 1] = 51; // image 1, pixel (1, 1)
  const data = new Uint8ClampedArray(56 * 28 * 4); // a sheet of two images side by side
  paintGrey(data, images, 1, { at: 28, stride: 56 });
  const rgba = (x, y) => [...data.subarray((y * 56 + x) * 4, (y * 56 + x) * 4 + 4)];
  assert.deepEqual(rgba(28, 0), [255, 255, 255, 255]);
  assert.deepEqual(rgba(29, 1), [51, 51, 51, 255]);
  assert.deepEqual(rgba(30, 0), [0, 0, 0, 255]);
  assert.deepEqual(rgba(0, 0), [0, 0, 0, 0], 'the other half is untouched');
  const floats = new Float32Array(784).fill(0.5);
  const half = new Uint8ClampedArray(784 * 4);
  paintGrey(half, floats, 0, { max: 1 });
  assert.equal(half[0], 128);
});

test('weight images: one symmetric scale, blue below zero, white at zero, red above', async () => {
  const { symmetricScale, entryOf, divergingTable, tileSize, scaleText, paintUnit } =
    await import('../../web/js/labs/images/views/weight-images.mjs');
  assert.equal(symmetricScale(Float32Array.from([0.1, -0.4, 0.3])), Math.fround(0.4));
  assert.equal(symmetricScale(Float32Array.from([Number.NaN, -Infinity, 0.2])), Math.fround(0.2));
  assert.equal(symmetricScale(new Float32Array(3)), 0);
  assert.equal(entryOf(-0.4, 0.4), 0);
  assert.equal(entryOf(0.4, 0.4), 255);
  assert.equal(entryOf(-9, 0.4), 0, 'clamped');
  assert.equal(entryOf(0, 0.4), 128);
  assert.equal(entryOf(Number.NaN, 0.4), 128);
  assert.equal(entryOf(0.3, 0), 128, 'all-zero weights are white');
  const table = divergingTable([0, 0, 255], [255, 255, 255], [255, 0, 0]);
  const rgb = (e) => [...table.subarray(e * 3, e * 3 + 3)];
  assert.deepEqual(rgb(0), [0, 0, 255]);
  assert.deepEqual(rgb(255), [255, 0, 0]);
  assert.deepEqual(rgb(entryOf(0, 1)), [255, 254, 254], 'zero is (all but) white');
  // Keras layout [784, units]: unit u's weight from pixel p is kernel[p · units + u].
  const units = 3;
  const kernel = new Float32Array(784 * units);
  kernel[5 * units + 1] = 1; // unit 1, pixel (0, 5): red
  kernel[28 * units + 1] = -1; // unit 1, pixel (1, 0): blue
  kernel[5 * units + 2] = -1; // another unit: not in unit 1's tile
  const data = new Uint8ClampedArray(784 * 4);
  paintUnit(data, kernel, units, 1, 1, table, 0, 28);
  const px = (col, row) => [...data.subarray((row * 28 + col) * 4, (row * 28 + col) * 4 + 4)];
  assert.deepEqual(px(5, 0), [255, 0, 0, 255]);
  assert.deepEqual(px(0, 1), [0, 0, 255, 255]);
  assert.deepEqual(px(6, 0), [255, 254, 254, 255]);
  // Tiles: big for a few units, small (but at least 12 px) for 512, never wider than the box.
  assert.equal(tileSize(10, 500, 320), 56);
  assert.ok(tileSize(512, 450, 320) >= 12 && tileSize(512, 450, 320) <= 16);
  assert.equal(tileSize(1, 40, 320), 40);
  assert.equal(scaleText(0.031234), '0.031');
  assert.equal(scaleText(-1.234), '-1.2');
  assert.equal(scaleText(0), '0');
});

test('percent texts keep the % beside its number', async () => {
  const { percentText } = await import('../../web/js/labs/images/views/class-accuracy-view.mjs');
  assert.equal(percentText(0.875), '87.5\u00a0%');
  assert.equal(percentText(1), '100.0\u00a0%');
});

test('centreByMass: a drawing in a corner moves to the middle, whole pixels, ink kept', () => {
  const pad = new Float32Array(784);
  paintSegment(pad, { x: 3, y: 3 }, { x: 3, y: 9 }); // a short vertical bar near the top left
  const moved = centreByMass(pad);
  let mass = 0;
  let x = 0;
  let y = 0;
  for (let i = 0; i < 784; i += 1) {
    mass += moved[i];
    x += moved[i] * ((i % 28) + 0.5);
    y += moved[i] * (Math.floor(i / 28) + 0.5);
  }
  assert.ok(Math.abs(mass - inkAmount(pad)) < 1e-3, 'no ink lost');
  assert.ok(
    Math.abs(x / mass - 14) <= 0.5 && Math.abs(y / mass - 14) <= 0.5,
    `centre ${x / mass}, ${y / mass}`,
  );
  assert.deepEqual([...moved].sort(), [...pad].sort(), 'the same values, moved');
  assert.notEqual(moved, pad, 'a new grid');
  const blank = new Float32Array(784);
  assert.deepEqual(centreByMass(blank), blank);
});
