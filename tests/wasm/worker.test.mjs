// web/js/engine-worker.mjs run in Node against a fake engine (fake-engine/nnplay.mjs): init,
// configure (with raw points and probes), sliced and speed-limited training that pause stops,
// step, reset, weight edits, finished, early-stopped and diverged runs, errors; and
// web/js/shell/trainer.mjs driving that worker through an in-process client.
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
let forward = null;  // also hands worker events to the trainer under test

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
  globalThis.self = { postMessage: (message) => { events.push(message); forward?.(message); } };
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

test('worker: configure with points sets them and answers the raw points when the engine can', async () => {
  globalThis.fakeEngine = { points: true };
  events.length = 0;
  const x = new Float32Array([1, 2, 3, 4, 5, 6]);
  const y = new Float32Array([0, 1, 1]);
  await send({ type: 'configure', document, points: { x, y } });
  const configured = last('configured');
  assert.equal(configured.samples, 3);
  assert.deepEqual([...configured.points.train.x], [1, 2, 3, 4, 5, 6]);
  assert.deepEqual([...configured.points.train.y], [0, 1, 1]);
  assert.equal(configured.points.kind, 'classes');
  globalThis.fakeEngine = {};
  await send({ type: 'configure', document: { ...document, data: { name: 'circle' } } });
  assert.equal(last('configured').points, null);
});

test('worker: a bad points label is an error with the configure id', async () => {
  events.length = 0;
  await send({ type: 'configure', id: 7, document,
    points: { x: new Float32Array([1, 2]), y: new Float32Array([2.5]) } });
  assert.deepEqual(last('error'), { type: 'error', path: '/points/y',
    message: 'row 0: label is not a class id 0..1', op: 'set_data', id: 7 });
  await send({ type: 'configure', document, points: { x: new Float32Array(3), y: new Float32Array(1) } });
  assert.match(last('error').message, /2 values per label/);
});

test('worker: probes ride on every snapshot when configure gave probe samples', async () => {
  globalThis.fakeEngine = { batchesPerEpoch: 10 };
  events.length = 0;
  await send({ type: 'configure', document, probes: { x: new Float32Array([1, 2]), y: new Float32Array([1]) } });
  assert.deepEqual(last('snapshot').probes.gradientNorms, [{ name: 'dense/kernel', norm: 0.5 }]);
  assert.deepEqual([...last('snapshot').probes.layers[0].probes[0].values], [0.25]);
  await send({ type: 'step' });
  assert.ok(last('snapshot').probes);
  await send({ type: 'configure', document });
  assert.equal(last('snapshot').probes, undefined);
});

test('worker: limited speeds train k batches per tick', async () => {
  globalThis.fakeEngine = { batchesPerEpoch: 1000 };
  await send({ type: 'configure', document });
  await send({ type: 'speed', level: 2 });  // 10 batches/s: one batch every 100 ms
  events.length = 0;
  await send({ type: 'train' }, 450);
  await send({ type: 'pause' });
  const progress = ofType('progress');
  assert.ok(progress.length >= 3 && progress.length <= 5, `${progress.length} ticks`);
  assert.ok(progress.every((p) => p.batchesRun === 1));
  await send({ type: 'speed', level: 4 });  // 250/s: 5 batches every 20 ms
  events.length = 0;
  await send({ type: 'train' }, 100);
  await send({ type: 'pause' });
  assert.ok(ofType('progress').every((p) => p.batchesRun === 5));
  await send({ type: 'speed', level: 5 });
  await send({ type: 'speed', level: 9 });
  assert.match(last('error').message, /level must be an integer 1..5/);
});

test('worker: setWeights replaces the weights and answers a snapshot', async () => {
  await send({ type: 'configure', document });
  events.length = 0;
  await send({ type: 'setWeights', weights: new Float32Array([7, 8, 9]) });
  assert.deepEqual([...last('snapshot').weights], [7, 8, 9]);
  await send({ type: 'setWeights', weights: new Float32Array([1]) });
  assert.equal(last('error').path, '/array');
});

test('worker: early stopping and divergence details pass through', async () => {
  globalThis.fakeEngine = { batchesPerEpoch: 10, earlyStopping: true };
  await send({ type: 'configure', document });
  await send({ type: 'step' });
  assert.deepEqual(last('progress').earlyStopping,
    { monitor: 'val_loss', bestEpoch: 1, best: 0.25, stoppedEpoch: 0, restored: false });
  globalThis.fakeEngine = { batchesPerEpoch: 10, divergeAtBatch: 3 };
  await send({ type: 'configure', document });
  events.length = 0;
  await send({ type: 'train' }, 100);
  const diverged = last('diverged');
  assert.equal(diverged.reason, 'loss is NaN');
  assert.equal(diverged.iterations, 3);
  assert.ok(diverged.lastLosses.length >= 1);
  assert.ok(events.indexOf(diverged) < events.indexOf(last('paused')));
});

test('trainer: configure resolves, play/pause/step/reset, events, errors reject', async () => {
  const { Trainer } = await import(pathToFileURL(path.join(dir, 'js', 'shell', 'trainer.mjs')).href);
  const listeners = new Map();
  const client = {
    on(type, fn) { listeners.set(type, [...(listeners.get(type) ?? []), fn]); return this; },
    async start() {},
    send(type, fields = {}) { globalThis.self.onmessage({ data: { ...fields, type } }); },
  };
  forward = (message) => { for (const fn of listeners.get(message.type) ?? []) fn(message); };
  try {
    globalThis.fakeEngine = { batchesPerEpoch: 10, divergeAtBatch: 25 };
    const trainer = new Trainer(client);
    const seen = [];
    for (const name of ['configured', 'progress', 'snapshot', 'paused', 'diverged', 'running', 'error']) {
      trainer.on(name, (e) => seen.push([name, e]));
    }
    await assert.rejects(trainer.configure(document), (e) => /not running/.test(e.message));
    await trainer.start();
    const points = { x: new Float32Array([1, 2]), y: new Float32Array([1]) };
    const info = await trainer.configure({ ...document, compile: { optimizer: { type: 'sgd', learning_rate: 5 } } }, { points });
    assert.equal(points.x.length, 2, 'the caller keeps its arrays');
    assert.equal(info.samples, 1);
    assert.ok(trainer.lastSnapshot.weights instanceof Float32Array);
    trainer.play();
    assert.equal(trainer.running, true);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(trainer.running, false);
    const diverged = seen.find(([n]) => n === 'diverged')[1];
    assert.equal(diverged.lr, 5);
    assert.equal(diverged.optimizer, 'sgd');
    assert.equal(seen.filter(([n]) => n === 'paused').at(-1)[1].reason, 'diverged: loss is NaN');
    trainer.step();
    await new Promise((r) => setTimeout(r, 20));
    trainer.reset();
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(seen.filter(([n]) => n === 'paused').at(-1)[1].reason, 'reset');
    trainer.setSpeed(3);
    trainer.setSpeed(5);
    await assert.rejects(trainer.configure({ schema: 1 }), (e) => e.path === '/spec/model');
    assert.ok(seen.some(([n, e]) => n === 'error' && e.path === '/spec/model'));
    assert.deepEqual(seen.filter(([n]) => n === 'running').map(([, e]) => e.running).slice(0, 2), [true, false]);
  } finally {
    forward = null;
  }
});
