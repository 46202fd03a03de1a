// The number scanner used for URL hash values and CSV cells (web/js/state/number-text.mjs):
// the forms it reads, the ones it refuses, and input that made the regular expression it
// replaces backtrack for seconds.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { MAX_NUMBER_LENGTH, parseNumberText } from '../../web/js/state/number-text.mjs';

test('number text: plain decimal and exponent forms', () => {
  const cases = [
    ['0', 0],
    ['42', 42],
    ['-7', -7],
    ['+3', 3],
    ['1.5', 1.5],
    ['-0.25', -0.25],
    ['.5', 0.5],
    ['-.5', -0.5],
    ['5.', 5],
    ['1e3', 1000],
    ['1E3', 1000],
    ['2.5e-3', 0.0025],
    ['1e+2', 100],
    ['.5e1', 5],
    ['007', 7],
    ['  12 ', 12],
    ['\t-1\n', -1],
  ];
  for (const [text, value] of cases) assert.equal(parseNumberText(text), value, JSON.stringify(text));
  assert.ok(Object.is(parseNumberText('-0'), -0));
});

test('number text: anything else is NaN', () => {
  const cases = [
    '',
    ' ',
    '+',
    '-',
    '.',
    '-.',
    'e3',
    '.e3',
    '1e',
    '1e+',
    '1e-',
    '1.2.3',
    '1..2',
    '--1',
    '+-1',
    '1-',
    '1 2',
    '0x10',
    '0b1',
    '1_000',
    '1,5',
    'NaN',
    'Infinity',
    '-Infinity',
    'abc',
    '1a',
    'a1',
    '١٢',
    '1e3.5',
    '1e999',
    '-1e999',
    null,
    undefined,
  ];
  for (const text of cases) assert.ok(Number.isNaN(parseNumberText(text)), JSON.stringify(text));
});

test('number text: longer than maxLength (after trimming) is NaN', () => {
  const digits = '1'.repeat(MAX_NUMBER_LENGTH);
  assert.equal(parseNumberText(digits), Number(digits));
  assert.equal(parseNumberText(`  ${digits}  `), Number(digits), 'the spaces do not count');
  assert.ok(Number.isNaN(parseNumberText(`${digits}1`)));
  assert.ok(Number.isNaN(parseNumberText('12345', { maxLength: 4 })));
  assert.equal(parseNumberText('1234', { maxLength: 4 }), 1234);
});

test('number text: a million digits and an x are refused at once', () => {
  // /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/ needed 6 s for 100,000 digits and an 'x' (quadratic
  // backtracking); this would time the whole test file out if the scan were not linear.
  const text = `${'1'.repeat(1000000)}x`;
  assert.ok(Number.isNaN(parseNumberText(text)));
  assert.ok(Number.isNaN(parseNumberText(text, { maxLength: Infinity })), 'scanned, not just cut');
  const decimal = `${'1'.repeat(500000)}.${'1'.repeat(500000)}e`;
  assert.ok(Number.isNaN(parseNumberText(decimal, { maxLength: Infinity })));
});
