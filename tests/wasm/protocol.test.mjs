// web/js/protocol.mjs, the message module shared by the page and the engine worker.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  Event, Request, collectTransferables, errorMessage, makeMessage, validateEvent, validateRequest,
} from '../../web/js/protocol.mjs';

test('protocol: makeMessage keeps the fields and sets the type', () => {
  assert.deepEqual(makeMessage(Request.train, { sliceMs: 10 }), { type: 'train', sliceMs: 10 });
});

test('protocol: makeMessage refuses an unknown type', () => {
  assert.throws(() => makeMessage('fly'), /unknown message type 'fly'/);
});

test('protocol: a field called type cannot override the type', () => {
  assert.equal(makeMessage(Request.pause, { type: 'train' }).type, 'pause');
});

test('protocol: errorMessage has path, message and op', () => {
  assert.deepEqual(errorMessage('/op', 'bad', 'build'),
    { type: Event.error, path: '/op', message: 'bad', op: 'build' });
  assert.deepEqual(errorMessage(undefined, undefined), { type: 'error', path: '', message: 'unknown error' });
});

test('protocol: validateRequest accepts every request type', () => {
  for (const type of Object.values(Request)) {
    const fields = { configure: { document: {} }, speed: { level: 3 },
      setWeights: { weights: new Float32Array(2) } }[type] ?? {};
    const message = { ...fields, type };
    assert.equal(validateRequest(message), '', type);
  }
});

test('protocol: validateRequest names what is wrong', () => {
  assert.match(validateRequest(null), /object/);
  assert.match(validateRequest({ type: 'fly' }), /unknown request type 'fly'; expected one of: init/);
  assert.match(validateRequest({ type: 'configure' }), /document must be an object/);
  assert.match(validateRequest({ type: 'configure', document: {}, arrays: { x: [1] } }),
    /array 'x' must be a Float32Array/);
  assert.match(validateRequest({ type: 'train', sliceMs: 0 }), /sliceMs must be a positive number/);
  assert.match(validateRequest({ type: 'train', snapshotMs: NaN }), /snapshotMs/);
  assert.match(validateRequest({ type: 'configure', document: {}, points: { x: [1, 2], y: [0] } }),
    /points must be \{x: Float32Array/);
  assert.match(validateRequest({ type: 'configure', document: {},
    points: { x: new Float32Array(3), y: new Float32Array(1) } }), /2 values per label/);
  assert.match(validateRequest({ type: 'configure', document: {}, probes: { x: new Float32Array(1) } }),
    /probes must be/);
  assert.match(validateRequest({ type: 'speed', level: 0 }), /level must be an integer 1..5/);
  assert.match(validateRequest({ type: 'setWeights', weights: [1] }), /weights must be a Float32Array/);
});

test('protocol: validateEvent checks types and error messages', () => {
  assert.equal(validateEvent({ type: 'progress' }), '');
  assert.match(validateEvent({ type: 'train' }), /unknown event type/);
  assert.match(validateEvent({ type: 'error', message: 5 }), /message must be a string/);
});

test('protocol: collectTransferables finds each buffer once at any depth', () => {
  const a = new Float32Array(4);
  const b = new Float32Array(2);
  const message = { weights: a, grid: { values: b, again: a }, layers: [{ probes: [{ values: b }] }] };
  const found = collectTransferables(message);
  assert.equal(found.length, 2);
  assert.ok(found.includes(a.buffer) && found.includes(b.buffer));
});

test('protocol: collectTransferables ignores plain values', () => {
  assert.deepEqual(collectTransferables({ a: 1, b: 'x', c: null, d: [true] }), []);
});
