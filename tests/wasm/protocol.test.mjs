// web/js/protocol.mjs, the message module shared by the page and the engine worker.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  Event,
  Request,
  collectTransferables,
  errorMessage,
  makeMessage,
  validateEvent,
  validateRequest,
} from '../../web/js/protocol.mjs';

test('protocol: makeMessage keeps the fields and sets the type', () => {
  assert.deepEqual(makeMessage(Request.train, { session: 'a', id: 1 }), {
    type: 'train',
    session: 'a',
    id: 1,
  });
});

test('protocol: makeMessage refuses an unknown type', () => {
  assert.throws(() => makeMessage('fly'), /unknown message type 'fly'/);
});

test('protocol: a field called type cannot override the type', () => {
  assert.equal(makeMessage(Request.pause, { type: 'train' }).type, 'pause');
});

test('protocol: errorMessage has path, message and op', () => {
  assert.deepEqual(errorMessage('/op', 'bad', 'build'), {
    type: Event.error,
    path: '/op',
    message: 'bad',
    op: 'build',
  });
  assert.deepEqual(errorMessage(undefined, undefined), { type: 'error', path: '', message: 'unknown error' });
});

test('protocol: validateRequest accepts every request type', () => {
  for (const type of Object.values(Request)) {
    const fields =
      {
        configure: { setup: [{ op: 'build', spec: {} }], snapshot: [] },
        speed: { level: 3 },
        call: { request: { op: 'set_weights', array: 'w' }, arrays: { w: new Float32Array(2) } },
      }[type] ?? {};
    const message = { ...fields, type, id: 1, ...(type === 'init' ? {} : { session: 'mlp' }) };
    assert.equal(validateRequest(message), '', type);
  }
});

test('protocol: validateRequest names what is wrong', () => {
  const base = { session: 's', id: 1 };
  assert.match(validateRequest(null), /object/);
  assert.match(validateRequest({ type: 'fly', id: 1 }), /unknown request type 'fly'; expected one of: init/);
  assert.match(validateRequest({ type: 'pause', session: 's' }), /pause: id must be an integer/);
  assert.match(validateRequest({ type: 'pause', id: 2 }), /session must be a non-empty string/);
  assert.match(validateRequest({ type: 'configure', ...base }), /configure: setup must be an array/);
  assert.match(
    validateRequest({ type: 'configure', ...base, setup: [{}], snapshot: [] }),
    /configure: setup\/0 must be a request object with a string op/,
  );
  assert.match(
    validateRequest({ type: 'configure', ...base, setup: [], snapshot: 'x' }),
    /snapshot must be an array/,
  );
  assert.match(
    validateRequest({ type: 'configure', ...base, setup: [], snapshot: [], arrays: { x: [1] } }),
    /array 'x' must be a Float32Array/,
  );
  assert.match(
    validateRequest({ type: 'configure', ...base, setup: [], snapshot: [], snapshotMs: -1 }),
    /snapshotMs must be a number of milliseconds from 0 to 60000/,
  );
  assert.equal(
    validateRequest({ type: 'configure', ...base, setup: [], snapshot: [], snapshotMs: 1000 }),
    '',
  );
  assert.match(validateRequest({ type: 'call', ...base, request: 'build' }), /call: request must be/);
  assert.match(
    validateRequest({ type: 'call', ...base, request: { op: 'x' }, arrays: [] }),
    /arrays must be an object/,
  );
  assert.match(validateRequest({ type: 'speed', ...base, level: 0 }), /level must be an integer 1..5/);
  assert.match(validateRequest({ type: 'reset', ...base, seed: 1.5 }), /seed must be an integer/);
});

test('protocol: validateEvent checks types, sessions and error messages', () => {
  assert.equal(validateEvent({ type: 'progress', session: 'a', answer: {} }), '');
  assert.equal(validateEvent({ type: 'loading', id: 1, loaded: 0, total: 0 }), '');
  assert.match(validateEvent({ type: 'progress' }), /progress: session must be a string/);
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
