// The MLP lab's CSV reader (web/js/data/csv.mjs): header detection, per-row errors, limits,
// classes vs regression values, the translated message templates, and input that must be
// refused quickly (too big, binary, too many rows, a megabyte in one cell).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  CSV_LIMITS,
  CSV_MESSAGES,
  formatCsvError,
  looksBinary,
  parsePointsCsv,
  pointsToCsv,
  sizeError,
  validateRows,
} from '../../web/js/data/csv.mjs';
import strings from '../../web/js/labs/mlp/strings.mjs';

const texts = (result) => result.errors.map((e) => formatCsvError(e));

test('csv: rows without a header', () => {
  const r = parsePointsCsv('1,2,0\n-1.5,2e0,1\n3,-4,1\n.5,0,0\n');
  assert.deepEqual(texts(r), []);
  assert.deepEqual(r.points, [
    [1, 2, 0],
    [-1.5, 2, 1],
    [3, -4, 1],
    [0.5, 0, 0],
  ]);
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
  assert.deepEqual(
    r.points.map((p) => p[2]),
    [0.25, -3.5, 0.001, 7],
  );
});

test('csv: too few and too many rows', () => {
  assert.deepEqual(texts(parsePointsCsv('1,2,0\n3,4,1\n')), ['2 rows: at least 4 are needed']);
  assert.deepEqual(texts(parsePointsCsv('')), ['0 rows: at least 4 are needed']);
  const many = Array.from({ length: CSV_LIMITS.maxRows + 1 }, (_, i) => `${i},0,0`).join('\n');
  assert.deepEqual(texts(parsePointsCsv(many)), ['more than 2000 rows: at most 2000 can be used']);
  const enough = Array.from({ length: CSV_LIMITS.maxRows }, (_, i) => `${i},0,1`).join('\n');
  assert.equal(parsePointsCsv(enough).points.length, CSV_LIMITS.maxRows);
});

test('csv: blank lines and spaces are tolerated', () => {
  const r = parsePointsCsv('\n 1 , 2 , 0 \n\n3,4,1\n5,6,0\n7,8,1\n\n');
  assert.deepEqual(texts(r), []);
  assert.equal(r.points.length, 4);
});

test('csv: validateRows numbers rows from firstRowNumber', () => {
  const r = validateRows(
    [
      ['1', '2', '0'],
      ['x', '2', '0'],
    ],
    { firstRowNumber: 10 },
  );
  assert.deepEqual(
    r.errors.map((e) => formatCsvError(e)),
    ['row 11: x1 "x" is not a number'],
  );
  assert.deepEqual(r.points, [[1, 2, 0]]);
});

test('csv: messages use the template given (translation)', () => {
  const ko = { notNumber: '{row}행: {column} "{value}"은(는) 숫자가 아닙니다' };
  const [error] = parsePointsCsv('1,2,0\n1,abc,1\n3,4,1\n5,6,0').errors;
  assert.equal(
    formatCsvError(error, (code) => ko[code]),
    '2행: x2 "abc"은(는) 숫자가 아닙니다',
  );
});

test('csv: pointsToCsv round-trips', () => {
  const points = [
    [1.25, -2, 0],
    [3, 4.5, 1],
    [0, 0, 1],
    [-6, 6, 0],
  ];
  assert.deepEqual(parsePointsCsv(pointsToCsv(points)).points, points);
});

/** The error codes of parsing `text`. */
const codes = (text, options) => parsePointsCsv(text, options).errors.map((e) => e.code);

test('csv: a text over the byte limit is refused before parsing', () => {
  assert.equal(CSV_LIMITS.maxBytes, 1000000);
  assert.equal(sizeError(CSV_LIMITS.maxBytes), null);
  assert.deepEqual(sizeError(10 * 1024 * 1024), { code: 'tooBig', size: '10.49 MB', max: '1 MB' });
  const big = `x1,x2,label\n${'1,2,0\n'.repeat(200000)}`;
  assert.deepEqual(texts(parsePointsCsv(big)), ['the CSV is 1.21 MB: at most 1 MB can be read']);
});

test('csv: a 1 MB cell is refused; a cell just under the limit is named, cut short', () => {
  const rows = 'x1,x2,label\n1,2,0\n3,4,1\n5,6,0\n7,8,1\n';
  assert.deepEqual(codes(`${rows}1,2,${'9'.repeat(1000000)}\n`), ['tooBig']);
  const r = parsePointsCsv(`${rows}1,2,${'9'.repeat(900000)}x\n`);
  assert.deepEqual(texts(r), [`row 6: label "${'9'.repeat(15)}…" is not a number`]);
  assert.deepEqual(codes(`${rows}"${'a'.repeat(900000)}`), ['parse', 'columns'], 'an unclosed quote');
});

test('csv: binary bytes are not text', () => {
  // Random bytes with NULs, decoded as a browser's File.text() does (UTF-8, U+FFFD for bad bytes).
  let seed = 7;
  const bytes = Uint8Array.from({ length: 65536 }, () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed >> 23;
  });
  const decoded = new TextDecoder().decode(bytes);
  assert.ok(looksBinary(decoded));
  assert.deepEqual(texts(parsePointsCsv(decoded)), ['this file is not text (CSV expected)']);
  assert.deepEqual(codes(`1,2,0\n3,4,1\n\u0000${'1,2,0\n'.repeat(10)}`), ['notText'], 'one NUL is enough');
  const controls = Array.from({ length: 400 }, (_, i) => String.fromCharCode(1 + (i % 8))).join('');
  assert.deepEqual(codes(`${controls}${'1,2,0\n'.repeat(100)}`), ['notText'], 'mostly control characters');
  // A CSV saved in Latin-1 read as UTF-8: a few U+FFFD in the header, still text.
  const latin1 = `x1,x2,cat\ufffdgorie\n${'1,2,0\n3,4,1\n'.repeat(4)}`;
  assert.equal(looksBinary(latin1), false);
  assert.equal(parsePointsCsv(latin1).points.length, 8);
});

test('csv: rows are counted while reading (a header, blank lines, far too many)', () => {
  const max = CSV_LIMITS.maxRows;
  const spaced = `x1,x2,label\n${Array.from({ length: max }, (_, i) => `${i},0,1\n\n`).join('')}`;
  assert.equal(parsePointsCsv(spaced).points.length, max, 'blank lines do not count as rows');
  const lots = '1,2,0\n'.repeat(150000);
  const r = parsePointsCsv(lots);
  assert.deepEqual(texts(r), ['more than 2000 rows: at most 2000 can be used']);
  assert.deepEqual(codes(`x1,x2,label\n${'1,2,0\n'.repeat(max + 1)}`), ['tooMany']);
});

test('csv: every error code has a template in English and Korean', () => {
  const errors = [
    ...parsePointsCsv('').errors,
    sizeError(2e6),
    { code: 'notText' },
    { code: 'unreadable', value: 'x' },
    { code: 'tooMany', count: 2001, max: 2000 },
  ];
  for (const code of Object.keys(CSV_MESSAGES)) {
    for (const lang of ['en', 'ko']) assert.ok(strings[lang][`csv.${code}`], `${lang} csv.${code}`);
  }
  const ko = (code) => strings.ko[`csv.${code}`];
  assert.deepEqual(
    errors.map((e) => formatCsvError(e, ko)),
    [
      '0행: 최소 4행이 필요합니다',
      'CSV 크기가 2 MB입니다: 최대 1 MB까지 읽을 수 있습니다',
      '이 파일은 텍스트가 아닙니다 (CSV 파일이 필요합니다)',
      'CSV를 읽을 수 없습니다 (x)',
      '행 수가 2000행을 넘습니다: 최대 2000행까지 쓸 수 있습니다',
    ],
  );
});
