// The wasm module loads, binds exactly the Session, and moves arrays in and out intact.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { TestSession, loadModule } from './load-module.mjs';

let module;
let s;
before(async () => {
  module = await loadModule();
  s = new TestSession(module);
});
after(() => s?.close());

test('module: exports the Session class', () => {
  assert.equal(typeof module.Session, 'function');
});

test('module: every answer is JSON with ok', () => {
  const answer = s.call({ op: 'summary' });
  assert.equal(typeof answer.ok, 'boolean');
});

test('arrays: setArray then getArray gives the same floats', () => {
  const values = new Float32Array([0, -1.5, 3.25, 1e-30, 65504, Math.PI]);
  assert.equal(s.setArray('roundtrip', values), '');
  assert.equal(s.hasArray('roundtrip'), true);
  assert.deepEqual(s.getArray('roundtrip'), values);
});

test('arrays: getArray returns a fresh copy', () => {
  s.setArray('copy', new Float32Array([1, 2, 3]));
  const first = s.getArray('copy');
  first[0] = 99;
  assert.equal(s.getArray('copy')[0], 1);
  assert.notEqual(first.buffer, s.getArray('copy').buffer);
});

test('arrays: a large array survives memory growth', () => {
  const n = 1 << 22;
  const values = new Float32Array(n);
  for (let i = 0; i < n; i += 1) values[i] = i % 1000;
  assert.equal(s.setArray('large', values), '');
  const back = s.getArray('large');
  assert.equal(back.length, n);
  assert.equal(back[n - 1], (n - 1) % 1000);
  s.deleteArray('large');
});

test('arrays: an absent array is empty', () => {
  assert.equal(s.hasArray('nothing'), false);
  assert.equal(s.getArray('nothing').length, 0);
});

test('arrays: deleteArray removes an array', () => {
  s.setArray('gone', new Float32Array([1]));
  s.deleteArray('gone');
  assert.equal(s.hasArray('gone'), false);
  s.deleteArray('gone'); // deleting twice is harmless
});

test('arrays: replacing an array keeps the new values', () => {
  s.setArray('twice', new Float32Array([1, 2, 3]));
  s.setArray('twice', new Float32Array([4]));
  assert.deepEqual([...s.getArray('twice')], [4]);
});

test('arrays: an empty array is allowed', () => {
  assert.equal(s.setArray('empty', new Float32Array(0)), '');
  assert.equal(s.hasArray('empty'), true);
});
