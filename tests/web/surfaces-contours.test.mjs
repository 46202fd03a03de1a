// Contour geometry of the surfaces lab's map (views/contour-lines.mjs): levels, bands and the
// marching-squares isolines, checked on grids whose contours are known exactly.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { bandOf, contourLevels, finiteRange, isolineSegments } from '../../web/js/views/contour-lines.mjs';

test('contourLevels: log levels grow geometrically above the minimum; linear are even', () => {
  const log = contourLevels(0, 1000, 4, { log: true, decades: 4 });
  assert.equal(log.length, 4);
  // Distances above 0: 1000 · 10^(-4 · (1 - k/5)) for k = 1..4.
  const expected = [1, 2, 3, 4].map((k) => 1000 * 10 ** (-4 * (1 - k / 5)));
  log.forEach((v, i) => assert.ok(Math.abs(v - expected[i]) < 1e-9 * expected[i], `${v} vs ${expected[i]}`));
  for (let i = 1; i < log.length; i += 1) assert.ok(Math.abs(log[i] / log[i - 1] - 10 ** 0.8) < 1e-9);
  assert.deepEqual(contourLevels(-4, 4, 3, { log: false }), [-2, 0, 2]);
  assert.deepEqual(contourLevels(1, 1, 5), [], 'a flat grid has no levels');
  assert.deepEqual(contourLevels(NaN, 1, 5), []);
});

test('bandOf: the index among increasing levels', () => {
  const levels = [1, 2, 4];
  assert.equal(bandOf(0.5, levels), 0);
  assert.equal(bandOf(1, levels), 1, 'a value on a level is above it');
  assert.equal(bandOf(3, levels), 2);
  assert.equal(bandOf(9, levels), 3);
});

test('finiteRange: ignores NaN and infinities', () => {
  assert.deepEqual(finiteRange([3, NaN, -1, Infinity, 2]), [-1, 3]);
  assert.deepEqual(finiteRange([NaN]), [NaN, NaN]);
});

/** A res × res grid of f(j, i) (column j, row i). */
const gridOf = (res, f) => {
  const g = new Float32Array(res * res);
  for (let i = 0; i < res; i += 1) for (let j = 0; j < res; j += 1) g[i * res + j] = f(j, i);
  return g;
};

test('isolineSegments: a plane x = 2.5 crosses as one vertical line', () => {
  const res = 6;
  const segments = isolineSegments(
    gridOf(res, (j) => j),
    res,
    2.5,
  );
  assert.equal(segments.length, 4 * (res - 1), 'one segment per row of cells');
  for (let s = 0; s < segments.length; s += 4) {
    assert.equal(segments[s], 2.5);
    assert.equal(segments[s + 2], 2.5);
    assert.equal(Math.abs(segments[s + 3] - segments[s + 1]), 1, 'spans one cell');
  }
});

test('isolineSegments: every end point of a circle lies on the level (linear edges) and the line closes', () => {
  const res = 21;
  const c = 10;
  const f = (j, i) => (j - c) ** 2 + (i - c) ** 2;
  const segments = isolineSegments(gridOf(res, f), res, 24.5);
  assert.ok(segments.length >= 4 * 20, `${segments.length / 4} segments`);
  for (let s = 0; s < segments.length; s += 2) {
    // Interpolated linearly along a grid edge: within a cell of the true circle, radius √24.5.
    const r = Math.hypot(segments[s] - c, segments[s + 1] - c);
    assert.ok(Math.abs(r - Math.sqrt(24.5)) < 0.2, `radius ${r}`);
  }
  // Closed: every end point is shared by exactly two segments.
  const key = (x, y) => `${x.toFixed(6)},${y.toFixed(6)}`;
  const count = new Map();
  for (let s = 0; s < segments.length; s += 2) {
    const k = key(segments[s], segments[s + 1]);
    count.set(k, (count.get(k) ?? 0) + 1);
  }
  for (const [k, n] of count) assert.equal(n, 2, k);
});

test('isolineSegments: a saddle cell is split by its centre; non-finite cells are skipped', () => {
  // Corners a=1 (bottom-left), b=0, c=1 (top-right), d=0: two opposite corners above 0.5.
  const above = isolineSegments(Float32Array.from([1, 0, 0, 1]), 2, 0.5);
  assert.equal(above.length, 8, 'two segments');
  // Centre mean 0.5 ≥ 0.5: a and c are joined, so b and d are cut off: segments [left, top] and [bottom, right].
  assert.deepEqual(above, [0, 0.5, 0.5, 1, 0.5, 0, 1, 0.5]);
  // Centre mean 0.5 < 0.6: a and c are cut off each alone: [left, bottom] and [right, top].
  const below = isolineSegments(Float32Array.from([1, 0, 0, 1]), 2, 0.6).map(
    (v) => Math.round(v * 1e6) / 1e6,
  );
  assert.deepEqual(below, [0, 0.4, 0.4, 0, 1, 0.6, 0.6, 1]);
  assert.deepEqual(isolineSegments(Float32Array.from([NaN, 0, 0, 1]), 2, 0.5), []);
});
