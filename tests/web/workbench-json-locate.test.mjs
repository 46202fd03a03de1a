// The workbench's JSON reader: where a pointer's value is in the text as typed, messages that give
// the line and column of a syntax error, and the same answers as JSON.parse on anything valid.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { seededRandom } from '../../web/js/kit/seeded-random.mjs';
import {
  MAX_DEPTH,
  locatePointer,
  parseWithLocation,
  pointerTokens,
} from '../../web/js/labs/workbench/json-locate.mjs';

const PRETTY = `{
  "model": {
    "layers": [
      { "type": "dense", "units": 64, "activation": "relu" },
      {
        "type": "dropout",
        "rate": 0.25
      },
      {"type": "dense", "units": 10}
    ]
  },
  "compile": {"loss": "sparse_categorical_crossentropy"}
}`;

/**
 * The located text, for readable assertions.
 * @param {string} text
 * @param {string} pointer
 */
function at(text, pointer) {
  const found = locatePointer(text, pointer);
  assert.ok(found, `${pointer} located`);
  return { ...found, text: text.slice(found.offset, found.offset + found.length) };
}

test('pretty-printed text: line, column and length of the value at a pointer', () => {
  assert.deepEqual(at(PRETTY, '/model/layers/0/units'), {
    line: 4,
    column: 35,
    offset: 65,
    length: 2,
    text: '64',
  });
  assert.deepEqual(at(PRETTY, '/model/layers/1/rate'), {
    line: 7,
    column: 17,
    offset: 144,
    length: 4,
    text: '0.25',
  });
  assert.equal(at(PRETTY, '/model/layers/1').line, 5);
  assert.equal(
    at(PRETTY, '/model/layers/1').text,
    '{\n        "type": "dropout",\n        "rate": 0.25\n      }',
  );
  assert.deepEqual(at(PRETTY, '/compile/loss'), {
    line: 12,
    column: 23,
    offset: 228,
    length: 33,
    text: '"sparse_categorical_crossentropy"',
  });
  assert.deepEqual(at(PRETTY, ''), { line: 1, column: 1, offset: 0, length: PRETTY.length, text: PRETTY });
});

test('one-line text and Windows line ends', () => {
  const line = JSON.stringify(JSON.parse(PRETTY));
  const units = at(line, '/model/layers/2/units');
  assert.equal(units.line, 1);
  assert.equal(units.text, '10');
  assert.equal(units.column, line.lastIndexOf('10') + 1);
  const crlf = PRETTY.replace(/\n/g, '\r\n');
  assert.deepEqual([at(crlf, '/model/layers/1/rate').line, at(crlf, '/model/layers/1/rate').column], [7, 17]);
  const lone = '{\r"a":\r  [1,\r   2]}';
  assert.deepEqual([at(lone, '/a/1').line, at(lone, '/a/1').column, at(lone, '/a/1').text], [4, 4, '2']);
});

test('pointer escapes (~0, ~1), escaped keys in the text, the empty key, duplicates', () => {
  const text = '{"a/b": 1, "m~n": {"": [true]}, "\\u0075nits": 7, "k": 1, "k": 2}';
  assert.equal(at(text, '/a~1b').text, '1');
  assert.equal(at(text, '/m~0n//0').text, 'true');
  assert.equal(at(text, '/units').text, '7');
  assert.equal(at(text, '/k').text, '2', 'the last duplicate wins, as in JSON.parse');
  const twice = '{"a": {"b": 1}, "a": {"c": 2}}';
  assert.deepEqual([at(twice, '/a/b').text, at(twice, '/a/b').missing], ['{"c": 2}', 'b']);
  assert.equal(at(twice, '/a/c').text, '2');
  assert.deepEqual(pointerTokens('/a~01/~1~0'), ['a~1', '/~']);
  assert.deepEqual(pointerTokens(''), []);
  assert.equal(pointerTokens('model'), null);
  assert.equal(locatePointer(text, 'a~1b'), null);
});

test('arrays of objects', () => {
  const text = '[\n {"name": "a", "shape": [28, 28]},\n {"name": "b", "shape": [10]}\n]';
  assert.deepEqual(
    [at(text, '/1/shape/0').line, at(text, '/1/shape/0').column, at(text, '/1/shape/0').text],
    [3, 26, '10'],
  );
  assert.equal(at(text, '/0/shape').text, '[28, 28]');
  assert.equal(at(text, '/0/name').text, '"a"');
});

test('a missing field: the deepest value that exists, and the first token it lacks', () => {
  const lacking = at(PRETTY, '/model/layers/1/units');
  assert.equal(lacking.missing, 'units');
  assert.equal(lacking.line, 5);
  assert.ok(lacking.text.startsWith('{') && lacking.text.includes('"dropout"'));
  assert.deepEqual(
    [at(PRETTY, '/model/layers/3/units').missing, at(PRETTY, '/model/layers/3/units').line],
    ['3', 3],
  );
  assert.equal(at(PRETTY, '/model/layers/3/units').text.startsWith('['), true);
  assert.deepEqual(
    [at(PRETTY, '/model/layers/01').missing, at(PRETTY, '/model/layers/-').missing],
    ['01', '-'],
  );
  const through = at(PRETTY, '/model/layers/0/units/deeper');
  assert.deepEqual([through.text, through.missing], ['64', 'deeper']);
  assert.deepEqual([at('{}', '/optimizer').missing, at('{}', '/optimizer').text], ['optimizer', '{}']);
  assert.equal(at(PRETTY, '/model/layers/0/units').missing, undefined);
});

test('locatePointer on text that is not JSON answers null', () => {
  assert.equal(locatePointer('{"a": 1,}', '/a'), null);
  assert.equal(locatePointer('', ''), null);
});

test('malformed inputs: the line and column of the problem, in plain words', () => {
  /** @type {[string, number, number, string][]} */
  const cases = [
    ['', 1, 1, 'expected a value (an object, array, string, number, true, false or null), got end of text'],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, `expected ',' or '}' after a property, got '"'`],
    ['{\n  "units": 3 x\n}', 2, 14, `expected ',' or '}' after a property, got 'x'`],
    ['[1, 2\n 3]', 2, 2, `expected ',' or ']' after an array element, got '3'`],
    [
      '{"a": 1,\n}',
      2,
      1,
      `expected a property name in double quotes after ',', got '}' (JSON allows no comma`,
    ],
    ['[1,\n  ]', 2, 3, `expected a value after ',', got ']' (JSON allows no comma before it)`],
    ['{units: 3}', 1, 2, `got 'units' (property names need double quotes: "units")`],
    ["{'units': 3}", 1, 2, `got "'" (JSON uses double quotes)`],
    ['{"units" 3}', 1, 10, `expected ':' after the property name "units", got '3'`],
    ['{"units": }', 1, 11, `expected a value for the property "units", got '}'`],
    ['{"a": True}', 1, 7, `got 'True' (JSON writes true, false and null in lower case)`],
    ['{"a": tru}', 1, 7, `got 'tru' (did you mean true?)`],
    ['[NaN]', 1, 2, `expected a value or ']', got 'NaN' (JSON has no NaN or Infinity`],
    ['[.5]', 1, 2, `got '.' (write a digit before the point: 0.5, not .5)`],
    ['[+1]', 1, 2, `got '+'`],
    ['[01]', 1, 2, 'a number cannot start with 0 followed by more digits'],
    ['[-]', 1, 3, `expected a digit after '-', got ']'`],
    ['[1.]', 1, 4, `expected a digit after the decimal point, got ']'`],
    ['[1e+]', 1, 5, `expected a digit in the exponent of the number, got ']'`],
    [
      '{\n  "name": "abc\n}',
      2,
      15,
      `expected '"' to close the string that starts at line 2, column 11, got a line break`,
    ],
    ['"abc', 1, 5, `expected '"' to close the string that starts at line 1, column 1, got end of text`],
    ['"a\\qb"', 1, 3, `'\\q' is not an escape JSON knows`],
    ['"\\u12G4"', 1, 6, `expected 4 hexadecimal digits after '\\u', got 'G'`],
    ['"a\tb"', 1, 3, 'a tab inside a string must be written \\t'],
    ['"a\u0001b"', 1, 3, 'the invisible character U+0001 cannot stand inside a string'],
    ['\uFEFF{}', 1, 1, 'got the invisible character U+FEFF'],
    ['// a comment\n{}', 1, 1, `got '/' (JSON allows no comments)`],
    ['{"a": 1}\n{"b": 2}', 2, 1, `expected the end of the text after the JSON value, got '{'`],
    ['[1, 2', 1, 6, `expected ',' or ']' after an array element, got end of text`],
    ['{"a": [1, 2}', 1, 12, `expected ',' or ']' after an array element, got '}'`],
  ];
  for (const [text, line, column, words] of cases) {
    const result = parseWithLocation(text);
    assert.equal(result.ok, false, JSON.stringify(text));
    if (result.ok) continue;
    assert.deepEqual(
      [result.line, result.column],
      [line, column],
      `${JSON.stringify(text)}: ${result.message}`,
    );
    assert.ok(result.message.startsWith(`line ${line}, column ${column}: `), result.message);
    assert.ok(result.message.includes(words), `${JSON.stringify(text)}: ${result.message}`);
    assert.throws(() => JSON.parse(text));
  }
});

test('deep nesting: a megabyte of brackets is refused quickly, without a stack overflow', () => {
  for (const opener of ['[', '{"a":']) {
    const text = opener.repeat(Math.ceil(2 ** 20 / opener.length));
    const started = performance.now();
    const result = parseWithLocation(text);
    assert.ok(performance.now() - started < 500);
    assert.equal(result.ok, false);
    if (result.ok) continue;
    assert.equal(result.column, MAX_DEPTH * opener.length + 1);
    assert.match(result.message, /nests objects and arrays more than 1000 levels deep/);
    assert.equal(locatePointer(text, '/0'), null);
  }
  const deepest = '['.repeat(MAX_DEPTH) + ']'.repeat(MAX_DEPTH);
  assert.deepEqual(parseWithLocation(deepest), { ok: true, value: JSON.parse(deepest) });
  assert.equal(at(deepest, '/0/0/0').column, 4);
  assert.equal(parseWithLocation(`[${deepest}]`).ok, false);
});

test('large flat input and unclosed strings answer quickly', () => {
  const many = JSON.stringify(Array.from({ length: 50000 }, (_, i) => ({ id: i, name: `n${i}` })));
  const started = performance.now();
  assert.deepEqual(parseWithLocation(many), { ok: true, value: JSON.parse(many) });
  assert.equal(at(many, '/49999/name').text, '"n49999"');
  const quotes = '"'.repeat(2 ** 20 + 1);
  assert.equal(parseWithLocation(quotes).ok, false);
  assert.equal(parseWithLocation(`"${'a'.repeat(2 ** 20)}`).ok, false);
  assert.ok(performance.now() - started < 2000);
});

test('valid inputs: the same values as JSON.parse (unicode escapes, numbers, __proto__)', () => {
  const texts = [
    '0',
    '-0',
    '[-0.0, 1E3, 1e-7, 2.5e+2, -12.75, 1e400, -1e400, 123456789012345678901234567890, 5e-324]',
    '[0.1, 0.30000000000000004, 9007199254740993, 1.7976931348623157e308]',
    '"\\u00e9\\u4e2d\\ud83d\\ude00 \\ud800 lone \\udc00 \\u0000 end"',
    '"\\"\\\\\\/\\b\\f\\n\\r\\t"',
    '"é 中 😀 raw"',
    '{"__proto__": {"x": 1}, "constructor": 2, "toString": 3}',
    '{"a": 1, "b": {"a": 2}, "a": 3}',
    ' \t\r\n{ "empty": {}, "list": [], "nested": [[], [{}]] } \n',
    'true',
    'null',
    '"\u2028\u2029"',
  ];
  for (const text of texts) {
    assert.deepEqual(parseWithLocation(text), { ok: true, value: JSON.parse(text) }, text);
  }
  const proto = /** @type {{ok: true, value: any}} */ (parseWithLocation('{"__proto__": {"x": 1}}'));
  assert.equal(Object.getPrototypeOf(proto.value), Object.prototype);
  assert.ok(Object.hasOwn(proto.value, '__proto__'));
});

/**
 * A random JSON value, a few levels deep.
 * @param {() => number} random
 * @param {number} depth
 * @returns {unknown}
 */
function randomValue(random, depth) {
  const pick = Math.floor(random() * (depth > 3 ? 5 : 7));
  const word = () => {
    const chars = ['a', 'Z', ' ', '"', '\\', '/', '\n', '\t', 'é', '😀', '\u0001', '~', '\ud800'];
    return Array.from(
      { length: Math.floor(random() * 6) },
      () => chars[Math.floor(random() * chars.length)],
    ).join('');
  };
  if (pick === 0) return null;
  if (pick === 1) return random() < 0.5;
  if (pick === 2) return (random() - 0.5) * 10 ** Math.floor(random() * 40 - 20);
  if (pick === 3) return Math.floor(random() * 2000) - 1000;
  if (pick === 4) return word();
  if (pick === 5)
    return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
  return Object.fromEntries(
    Array.from({ length: Math.floor(random() * 4) }, () => [word(), randomValue(random, depth + 1)]),
  );
}

test('random documents in every layout agree with JSON.parse, and each value is located', () => {
  const random = seededRandom(11);
  for (let n = 0; n < 300; n++) {
    const value = randomValue(random, 0);
    for (const indent of [undefined, 2, '\t']) {
      const text = JSON.stringify(value, null, indent);
      assert.deepEqual(parseWithLocation(text), { ok: true, value: JSON.parse(text) });
    }
    // Every path's located text parses back to the value at that path.
    const text = JSON.stringify(value, null, 1);
    /** @type {[string, unknown][]} */
    const paths = [['', value]];
    while (paths.length) {
      const [pointer, inner] = /** @type {[string, unknown]} */ (paths.pop());
      const found = at(text, pointer);
      assert.equal(found.missing, undefined);
      assert.deepEqual(JSON.parse(found.text), inner, pointer);
      if (inner !== null && typeof inner === 'object') {
        for (const [key, member] of Object.entries(inner)) {
          paths.push([`${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, member]);
        }
      }
    }
  }
});

test('random edits of valid text: ok exactly when JSON.parse accepts, with the same value', () => {
  const random = seededRandom(12);
  const inserts = [
    '{',
    '}',
    '[',
    ']',
    ',',
    ':',
    '"',
    '\\',
    '-',
    '0',
    '1',
    '.',
    'e',
    ' ',
    '\n',
    't',
    'x',
    "'",
  ];
  let rejected = 0;
  for (let n = 0; n < 3000; n++) {
    let text = JSON.stringify(randomValue(random, 0), null, n % 2 ? 2 : undefined) ?? 'null';
    for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
      const where = Math.floor(random() * (text.length + 1));
      const insert = random() < 0.5 ? inserts[Math.floor(random() * inserts.length)] : '';
      const cut = random() < 0.5 ? 1 : 0;
      text = text.slice(0, where) + insert + text.slice(where + cut);
    }
    /** @type {unknown} */
    let expected;
    let valid = true;
    try {
      expected = JSON.parse(text);
    } catch {
      valid = false;
    }
    const result = parseWithLocation(text);
    assert.equal(result.ok, valid, `${JSON.stringify(text)}: ${result.ok ? 'accepted' : result.message}`);
    if (result.ok) {
      assert.deepEqual(result.value, expected);
    } else {
      rejected++;
      const lines = text.split(/\r\n|\n|\r/);
      assert.ok(result.line >= 1 && result.line <= lines.length, result.message);
      assert.ok(result.column >= 1 && result.column <= lines[result.line - 1].length + 1, result.message);
    }
  }
  assert.ok(rejected > 1000, `${rejected} rejected`);
});
