// web/js/engine-worker.mjs run in Node against a fake engine (fake-engine/nnplay.mjs): init,
// configure, sliced training that pause stops, step, reset, finished and diverged runs, errors.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { root } from './load-module.mjs';

const events = [];
const channels = [];
const NodeMessageChannel = globalThis.MessageChannel;
let dir;

/** Sends a request to the worker and waits `ms` for it (and some slices) to run. */
async function send(message, ms = 50) {
  globalThis.self.onmessage({ data: message });
  await new Promise((r) => setTimeout(r, ms));
}

const ofType = (type) => events.filter((e) => e.type === type);
const last = (type) => ofType(type).at(-1);

before(async () => {
  // The worker imports ../engine/nnplay.mjs beside its own folder: lay out a copy of web/js
  // next to the fake engine.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nnplay-worker-'));
  fs.cpSync(path.join(root, 'web', 'js'), path.join(dir, 'js'), { recursive: true });
  fs.cpSync(path.join(root, 'tests', 'wasm', 'fake-engine'), path.join(dir, 'engine'), { recursive: true });
  globalThis.self = { postMessage: (message) => events.push(message) };
  // Node keeps a process alive while a MessagePort listens: remember the worker's channel so
  // the test can close it at the end.
  globalThis.MessageChannel = class extends NodeMessageChannel {
    constructor() {
      super();
      channels.push(this);
    }
  };
  await import(pathToFileURL(path.join(dir, 'js', 'engine-worker.mjs')).href);
  await send({ type: 'init' });
});
after(() => {
  for (const channel of channels) channel.port1.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const document = { schema: 1, model: {} };

test('worker: init answers ready', () => {
  assert.equal(events[0].type, 'ready');
});

test('worker: configure answers configured and a snapshot with weights and grid', async () => {
  events.length = 0;
  await send({ type: 'configure', document });
  assert.equal(last('configured').hasGrid, true);
  const snapshot = last('snapshot');
  assert.ok(snapshot.weights instanceof Float32Array);
  assert.equal(snapshot.grid.values.length, snapshot.grid.resolution ** 2);
});

test('worker: train runs slices until pause', async () => {
  globalThis.fakeEngine = { batchesPerEpoch: 10 };
  await send({ type: 'configure', document });
  events.length = 0;
  await send({ type: 'train', sliceMs: 1 }, 100);
  await send({ type: 'pause' });
  const slices = ofType('progress').length;
  assert.ok(slices >= 3, `only ${slices} slices ran`);
  assert.equal(last('paused').reason, 'user');
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(ofType('progress').length, slices, 'training went on after pause');
  assert.ok(ofType('progress').some((p) => p.epochLogs.length > 0));
});

test('worker: training stops when the run is finished', async () => {
  globalThis.fakeEngine = { batchesPerEpoch: 4, epochs: 2 };
  await send({ type: 'configure', document });
  events.length = 0;
  await send({ type: 'train' }, 100);
  assert.equal(last('paused').reason, 'finished');
  assert.equal(last('progress').finished, true);
  assert.ok(last('snapshot'));
});

test('worker: a diverged answer pauses with the reason', async () => {
  globalThis.fakeEngine = { batchesPerEpoch: 10, divergeAtBatch: 7 };
  await send({ type: 'configure', document });
  events.length = 0;
  await send({ type: 'train' }, 100);
  assert.equal(last('paused').reason, 'diverged: loss is NaN');
  const count = events.length;
  await new Promise((r) => setTimeout(r, 30));
  assert.equal(events.length, count);
});

test('worker: step trains one batch', async () => {
  globalThis.fakeEngine = { batchesPerEpoch: 10 };
  await send({ type: 'configure', document });
  events.length = 0;
  await send({ type: 'step' });
  assert.equal(ofType('progress').length, 1);
  assert.equal(last('progress').batchesRun, 1);
  assert.equal(last('snapshot').weights[0], 1);
});

test('worker: reset pauses and sends a fresh snapshot', async () => {
  await send({ type: 'step' });
  events.length = 0;
  await send({ type: 'reset', seed: 3 });
  assert.equal(last('paused').reason, 'reset');
  assert.equal(last('snapshot').weights[0], 0);
});

test('worker: a failed request is an error with path, message and op', async () => {
  events.length = 0;
  await send({ type: 'configure', document: { schema: 1 } });
  assert.deepEqual(last('error'), { type: 'error', path: '/spec/model', message: 'required field missing', op: 'build' });
});

test('worker: an invalid request is an error', async () => {
  events.length = 0;
  await send({ type: 'fly' });
  assert.match(last('error').message, /unknown request type 'fly'/);
  await send({ type: 'train', sliceMs: -1 });
  assert.match(last('error').message, /sliceMs must be a positive number/);
});
