// The workbench's numeric-table CSV (web/js/data/table-csv.mjs): an optional header row, finite
// numbers only (empty, NaN, Infinity and text refused naming row and column), equal column
// counts, and the limits checked before or while reading (bytes, binary text, rows, columns).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { TABLE_LIMITS, TABLE_MESSAGES, parseTableCsv } from '../../web/js/data/table-csv.mjs';
import { formatCsvError } from '../../web/js/data/csv.mjs';
import dataStrings from '../../web/js/labs/workbench/data-strings.mjs';

/** @param {{errors: any[]}} result */
const texts = (result) => result.errors.map((e) => formatCsvError(e, (code) => TABLE_MESSAGES[code]));

test('table csv: a header row names the columns; the numbers fill a row-major table', () => {
  const { table, errors } = parseTableCsv('a,b,label\n1,2,0\n3.5,-4e-1,1\n');
  assert.deepEqual(errors, []);
  assert.deepEqual(table.names, ['a', 'b', 'label']);
  assert.equal(table.columns, 3);
  assert.equal(table.rows, 2);
  assert.equal(table.firstRow, 2);
  assert.deepEqual(Array.from(table.values), [1, 2, 0, 3.5, -0.4, 1]);
});

test('table csv: without a header the columns are numbered and row 1 is data', () => {
  const { table } = parseTableCsv('1;2\n3;4');
  assert.deepEqual(table.names, ['column 1', 'column 2']);
  assert.equal(table.firstRow, 1);
  assert.deepEqual(Array.from(table.values), [1, 2, 3, 4]);
  const single = parseTableCsv('y\n1\n2\n3');
  assert.deepEqual(single.errors, [], 'one column is a table too');
  assert.equal(single.table.rows, 3);
});

test('table csv: empty, NaN, Infinity and text cells are refused by row and column', () => {
  const result = parseTableCsv('a,b\n1,\n2,NaN\n-inf,3\nabc,4\n5,6');
  assert.equal(result.table, null);
  assert.deepEqual(texts(result), [
    'row 2: b is empty: every cell needs a number',
    'row 3: b is "NaN": only finite numbers can be used',
    'row 4: a is "-inf": only finite numbers can be used',
    'row 5: a "abc" is not a number',
  ]);
  const noHeader = parseTableCsv('1,2\n3,Infinity');
  assert.deepEqual(texts(noHeader), ['row 2: column 2 is "Infinity": only finite numbers can be used']);
});

test('table csv: every row needs the first row’s column count', () => {
  const result = parseTableCsv('a,b,c\n1,2,3\n4,5\n6,7,8,9');
  assert.deepEqual(texts(result), [
    'row 3: 2 columns, but the first row has 3: every row needs as many',
    'row 4: 4 columns, but the first row has 3: every row needs as many',
  ]);
});

test('table csv: at most maxErrors errors are listed (a bad column repeats on every row)', () => {
  const rows = Array.from({ length: 50 }, (_, i) => `${i},x`);
  const result = parseTableCsv(['a,b', ...rows].join('\n'));
  assert.equal(result.errors.length, TABLE_LIMITS.maxErrors);
});

test('table csv: limits — bytes, binary, rows, columns, no rows', () => {
  assert.equal(parseTableCsv('1,'.repeat(TABLE_LIMITS.maxBytes)).errors[0].code, 'tooBig');
  assert.equal(parseTableCsv('\u0000\u0001\u0002 binary').errors[0].code, 'notText');
  const many = Array.from({ length: TABLE_LIMITS.maxRows + 5 }, () => '1').join('\n');
  assert.deepEqual(texts(parseTableCsv(many)), [
    `more than ${TABLE_LIMITS.maxRows} rows: at most ${TABLE_LIMITS.maxRows} can be used`,
  ]);
  const wide = Array.from({ length: TABLE_LIMITS.maxColumns + 1 }, () => '1').join(',');
  assert.deepEqual(texts(parseTableCsv(`${wide}\n${wide}`)), [
    `${TABLE_LIMITS.maxColumns + 1} columns: at most ${TABLE_LIMITS.maxColumns} can be used`,
  ]);
  assert.deepEqual(texts(parseTableCsv('a,b\n')), ['the CSV has no rows of numbers']);
  assert.deepEqual(texts(parseTableCsv('')), ['the CSV has no rows of numbers']);
});

test('table csv: a long bad cell is cut in its message', () => {
  const result = parseTableCsv(`a\n${'z'.repeat(5000)}`);
  assert.equal(result.errors[0].value.length, 16);
});

test('table csv: every error code has an English and a Korean template with the same fields', () => {
  const fields = (text) => [...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const code of ['tooBig', 'notText', 'tooMany', 'tooManyColumns', 'noRows', 'parse'].concat([
    'tableColumns',
    'empty',
    'notFinite',
    'notNumber',
    'unreadable',
  ])) {
    const en = dataStrings.en[`wb.csvError.${code}`];
    const ko = dataStrings.ko[`wb.csvError.${code}`];
    assert.equal(en, TABLE_MESSAGES[code], code);
    assert.ok(ko, `Korean ${code}`);
    assert.deepEqual([...new Set(fields(ko))], [...new Set(fields(en))], code);
  }
});
