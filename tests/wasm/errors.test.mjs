// Bad input never breaks the module: every bad request is answered {"ok": false, "error":
// {path, message}}, every bad array gives an error message, and the session stays usable.
import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';

import { TestSession, loadModule } from './load-module.mjs';

let s;
before(async () => {
  s = new TestSession(await loadModule());
});
after(() => s?.close());

/** The session still answers and still keeps arrays after each test. */
afterEach(() => {
  assert.equal(s.setArray('alive', new Float32Array([7])), '');
  assert.deepEqual([...s.getArray('alive')], [7]);
  assert.equal(typeof s.call({ op: 'summary' }).ok, 'boolean');
});

function assertError(answer, path, messagePart) {
  assert.equal(answer.ok, false, JSON.stringify(answer));
  assert.equal(typeof answer.error.message, 'string');
  assert.equal(answer.error.path, path, answer.error.message);
  if (messagePart) assert.match(answer.error.message, messagePart);
}

test('errors: malformed JSON', () => {
  assertError(s.call('{"op": "build",'), '', /malformed JSON/);
});

test('errors: empty request text', () => {
  assertError(s.call(''), '', /malformed JSON/);
});

test('errors: a request that is not an object', () => {
  assertError(s.call('[1, 2]'), '');
  assertError(s.call('42'), '');
});

test('errors: missing op', () => {
  assertError(s.call({}), '/op');
});

test('errors: unknown op lists the valid ones', () => {
  assertError(s.call({ op: 'frobnicate' }), '/op', /unknown op 'frobnicate'; expected one of: .*build/);
});

test('errors: op of the wrong type', () => {
  assertError(s.call({ op: 5 }), '/op', /expected a string/);
});

test('errors: invalid UTF-8 echoed back does not break the answer', () => {
  const answer = s.call('{"op": "\\udc80\\ud800x"}');
  assert.equal(answer.ok, false);
});

test('errors: a request beyond 64 MiB is refused', () => {
  const text = `{"op": "summary", "pad": "${'x'.repeat(64 * 1024 * 1024)}"}`;
  assertError(s.call(text), '', /beyond the limit/);
});

test('errors: array name too long', () => {
  assert.match(s.setArray('n'.repeat(65), new Float32Array(1)), /name must have 1 to 64/);
  assert.equal(s.hasArray('n'.repeat(65)), false);
});

test('errors: a huge array name is refused', () => {
  assert.notEqual(s.setArray('n'.repeat(1 << 20), new Float32Array(1)), '');
});

test('errors: empty array name', () => {
  assert.notEqual(s.setArray('', new Float32Array(1)), '');
});

test('errors: array beyond 2^26 floats is refused before copying', () => {
  const problem = s.setArray('too_big', new Float32Array((1 << 26) + 1));
  assert.match(problem, /beyond the limit of 67108864/);
  assert.equal(s.hasArray('too_big'), false);
});

test('errors: setArray wants a Float32Array', () => {
  assert.match(s.setArray('plain', [1, 2, 3]), /must be a Float32Array/);
  assert.match(s.setArray('f64', new Float64Array(3)), /must be a Float32Array/);
  assert.match(s.setArray('none', undefined), /must be a Float32Array/);
  assert.equal(s.hasArray('plain'), false);
});

test('errors: a refused array leaves the old array of that name', () => {
  s.setArray('kept', new Float32Array([1, 2]));
  assert.notEqual(s.setArray('kept', new Float64Array(3)), '');
  assert.deepEqual([...s.getArray('kept')], [1, 2]);
});

test('errors: a C++ exception is caught inside the module, many times over', () => {
  for (let i = 0; i < 1000; i += 1) assertError(s.call('{'), '', /malformed/);
});
