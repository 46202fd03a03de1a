// The MLP lab's CSV reader (web/js/data/csv.mjs): header detection, per-row errors, limits,
// classes vs regression values, and the translated message templates.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  CSV_LIMITS, formatCsvError, parsePointsCsv, pointsToCsv, validateRows,
} from '../../web/js/data/csv.mjs';

const texts = (result) => result.errors.map((e) => formatCsvError(e));

test('csv: rows without a header', () => {
  const r = parsePointsCsv('1,2,0\n-1.5,2e0,1\n3,-4,1\n.5,0,0\n');
  assert.deepEqual(texts(r), []);
  assert.deepEqual(r.points, [[1, 2, 0], [-1.5, 2, 1], [3, -4, 1], [0.5, 0, 0]]);
});

test('csv: a header row is skipped and row numbers count it', () => {
  const r = parsePointsCsv('x1,x2,label\n1,2,0\n1,abc,1\n3,4,1\n5,6,0\n');
  assert.deepEqual(texts(r), ['row 3: x2 "abc" is not a number']);
  assert.deepEqual(r.points, [], 'no points on any error');
});

test('csv: every bad row is listed', () => {
  const r = parsePointsCsv('1,2,0\n1,2\n1,2,9\n1,2,0.5\nNaN,2,1\n1,Infinity,1\n1,2,0,4\n');
  assert.deepEqual(texts(r), [
    'row 2: expected 3 columns (x1,x2,label), got 2',
    'row 3: label 9 is not a class id 0..7',
    'row 4: label 0.5 is not a class id 0..7',
    'row 5: x1 "NaN" is not a number',
    'row 6: x2 "Infinity" is not a number',
    'row 7: expected 3 columns (x1,x2,label), got 4',
  ]);
});

test('csv: regression labels may be any finite number', () => {
  const r = parsePointsCsv('1,2,0.25\n1,2,-3.5\n0,0,1e-3\n4,4,7', { kind: 'values' });
  assert.deepEqual(texts(r), []);
  assert.deepEqual(r.points.map((p) => p[2]), [0.25, -3.5, 0.001, 7]);
});

test('csv: too few and too many rows', () => {
  assert.deepEqual(texts(parsePointsCsv('1,2,0\n3,4,1\n')), ['2 rows: at least 4 are needed']);
  assert.deepEqual(texts(parsePointsCsv('')), ['0 rows: at least 4 are needed']);
  const many = Array.from({ length: CSV_LIMITS.maxRows + 1 }, (_, i) => `${i},0,0`).join('\n');
  assert.deepEqual(texts(parsePointsCsv(many)), ['2001 rows: at most 2000 are allowed']);
  const enough = Array.from({ length: CSV_LIMITS.maxRows }, (_, i) => `${i},0,1`).join('\n');
  assert.equal(parsePointsCsv(enough).points.length, CSV_LIMITS.maxRows);
});

test('csv: blank lines and spaces are tolerated', () => {
  const r = parsePointsCsv('\n 1 , 2 , 0 \n\n3,4,1\n5,6,0\n7,8,1\n\n');
  assert.deepEqual(texts(r), []);
  assert.equal(r.points.length, 4);
});

test('csv: validateRows numbers rows from firstRowNumber', () => {
  const r = validateRows([['1', '2', '0'], ['x', '2', '0']], { firstRowNumber: 10 });
  assert.deepEqual(r.errors.map((e) => formatCsvError(e)), ['row 11: x1 "x" is not a number']);
  assert.deepEqual(r.points, [[1, 2, 0]]);
});

test('csv: messages use the template given (translation)', () => {
  const ko = { notNumber: '{row}행: {column} "{value}"은(는) 숫자가 아닙니다' };
  const [error] = parsePointsCsv('1,2,0\n1,abc,1\n3,4,1\n5,6,0').errors;
  assert.equal(formatCsvError(error, (code) => ko[code]), '2행: x2 "abc"은(는) 숫자가 아닙니다');
});

test('csv: pointsToCsv round-trips', () => {
  const points = [[1.25, -2, 0], [3, 4.5, 1], [0, 0, 1], [-6, 6, 0]];
  assert.deepEqual(parsePointsCsv(pointsToCsv(points)).points, points);
});
