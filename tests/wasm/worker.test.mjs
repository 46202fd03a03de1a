// web/js/worker/engine-worker.mjs run in Node against a fake engine (fake-engine/nnplay.mjs):
// init with download progress, configure (setup requests, arrays, the failing request's index
// in the error path), sliced and speed-limited training that pause stops, step, reset, call,
// close, finished and diverged runs, one reply per request, and two sessions in one worker.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { root } from './load-module.mjs';
import { loadWorker } from './worker-harness.mjs';

let worker;
let nextId = 1;
const ofType = (type, session = undefined) =>
  worker.events.filter((e) => e.type === type && (session === undefined || e.session === session));
const last = (type, session) => ofType(type, session).at(-1);
const replyTo = (id) => worker.events.filter((e) => e.id === id);

/** Sends `message` with a fresh id (session 's' unless given), waits `ms`; returns the id. */
async function send(message, ms = 50) {
  const id = nextId++;
  await worker.request({ session: 's', ...message, id }, ms);
  return id;
}

/** The first snapshot event after the reply to request `id` (a snapshot's requests run one per
 *  scheduler turn, after the reply), waiting for it. */
async function snapshotAfter(id) {
  const after = (events) => {
    const at = events.findIndex((e) => e.id === id);
    return at < 0 ? undefined : events.slice(at).find((e) => e.type === 'snapshot');
  };
  await worker.until((events) => after(events) !== undefined);
  return after(worker.events);
}

const document = { schema: 1, model: {} };
const SETUP = [{ op: 'build', spec: document }, { op: 'set_data' }];
const SNAPSHOT = [
  { op: 'get_weights', out: 'weights' },
  { op: 'grid', resolution: 4, out: 'grid' },
];

before(async () => {
  worker = await loadWorker(path.join(root, 'tests', 'wasm', 'fake-engine'));
  await send({ type: 'init' }, 0);
  await worker.until((events) => events.some((e) => e.type === 'ready'));
});
after(() => worker.close());

test('worker: init reports the download and answers ready with its id', () => {
  const loading = ofType('loading');
  assert.ok(loading.length >= 2, 'a first and a last loading event');
  assert.equal(loading.at(-1).loaded, 3000);
  assert.equal(loading.at(-1).total, 3000);
  assert.deepEqual(last('ready'), { type: 'ready', id: 1 });
});

test('worker: configure answers the setup answers, then a snapshot with the named arrays', async () => {
  worker.events.length = 0;
  const id = await send({ type: 'configure', setup: SETUP, snapshot: SNAPSHOT });
  assert.deepEqual(
    replyTo(id).map((e) => e.type),
    ['configured'],
  );
  const configured = last('configured');
  assert.equal(configured.session, 's');
  assert.equal(configured.answers.length, 2);
  assert.equal(configured.answers[0].model.name, 'fake', 'the engine answer, unchanged');
  const snapshot = await snapshotAfter(id);
  assert.equal(snapshot.answers[1].resolution, 4);
  assert.deepEqual(Object.keys(snapshot.arrays).sort(), ['grid', 'weights']);
  assert.equal(snapshot.arrays.grid.length, 16);
});

test('worker: a failing setup request stops configure with its index in the path', async () => {
  worker.events.length = 0;
  const id = await send({
    type: 'configure',
    setup: [{ op: 'set_data' }, { op: 'build', spec: {} }],
    snapshot: [],
  });
  assert.deepEqual(replyTo(id), [
    {
      type: 'error',
      path: '/setup/1/spec/model',
      message: 'required field missing',
      op: 'build',
      session: 's',
      id,
    },
  ]);
});

test('worker: train runs slices until pause; progress carries the engine answer as is', async () => {
  globalThis.fakeEngine = { batchesPerEpoch: 10 };
  await send({ type: 'configure', setup: SETUP, snapshot: SNAPSHOT });
  worker.events.length = 0;
  const train = await send({ type: 'train' }, 0);
  // Slices until three came (a fixed wait sees only one on a busy machine).
  await worker.until(() => ofType('progress').length >= 3);
  assert.deepEqual(
    replyTo(train).map((e) => e.type),
    ['done'],
  );
  const pause = await send({ type: 'pause' });
  assert.deepEqual(
    replyTo(pause).map((e) => e.type),
    ['done'],
  );
  const slices = ofType('progress').length;
  assert.ok(slices >= 3, `only ${slices} slices ran`);
  assert.equal(last('paused').reason, 'user');
  assert.ok('batches_per_epoch' in last('progress').answer, 'snake_case, not renamed');
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(ofType('progress').length, slices, 'training went on after pause');
});

test('worker: configure sets how often a training session snapshots (snapshotMs)', async () => {
  /** Snapshots while training: between the train request and the pause. */
  async function snapshotsWhileTraining(snapshotMs) {
    globalThis.fakeEngine = { batchesPerEpoch: 10 };
    await send({ type: 'configure', setup: SETUP, snapshot: SNAPSHOT, snapshotMs }, 100);
    worker.events.length = 0;
    await send({ type: 'train' }, 0);
    await worker.until(() => ofType('progress').length >= 6);
    const pause = await send({ type: 'pause' });
    const at = worker.events.findIndex((e) => e.id === pause);
    return worker.events.slice(0, at).filter((e) => e.type === 'snapshot').length;
  }
  assert.ok((await snapshotsWhileTraining(0)) >= 2, 'snapshotMs 0: a snapshot after slices');
  assert.equal(await snapshotsWhileTraining(60000), 0, 'snapshotMs 60000: none while training');
});

test('worker: finished and diverged answers stop the session with the reason', async () => {
  globalThis.fakeEngine = { batchesPerEpoch: 4, epochs: 2 };
  await send({ type: 'configure', setup: SETUP, snapshot: SNAPSHOT });
  worker.events.length = 0;
  await send({ type: 'train' }, 100);
  assert.equal(last('paused').reason, 'finished');
  assert.equal(last('progress').answer.finished, true);
  globalThis.fakeEngine = { batchesPerEpoch: 10, divergeAtBatch: 7 };
  await send({ type: 'configure', setup: SETUP, snapshot: SNAPSHOT });
  worker.events.length = 0;
  await send({ type: 'train' }, 100);
  assert.equal(last('paused').reason, 'diverged: loss is NaN');
  assert.equal(last('progress').answer.diverged, true);
  const count = worker.events.length;
  await new Promise((r) => setTimeout(r, 30));
  assert.equal(worker.events.length, count);
});

test('worker: step, reset and speed', async () => {
  globalThis.fakeEngine = { batchesPerEpoch: 1000 };
  await send({ type: 'configure', setup: SETUP, snapshot: SNAPSHOT });
  worker.events.length = 0;
  const step = await send({ type: 'step' });
  assert.equal(last('progress').answer.batches_run, 1);
  assert.equal((await snapshotAfter(step)).arrays.weights[0], 1);
  const reset = await send({ type: 'reset', seed: 3 });
  assert.equal(last('paused').reason, 'reset');
  assert.equal((await snapshotAfter(reset)).arrays.weights[0], 0);
  await send({ type: 'speed', level: 2 }); // 10 batches/s: one batch every 100 ms
  worker.events.length = 0;
  await send({ type: 'train' }, 450);
  await send({ type: 'pause' });
  const ticks = ofType('progress');
  assert.ok(ticks.length >= 3 && ticks.length <= 5, `${ticks.length} ticks`);
  assert.ok(ticks.every((p) => p.answer.batches_run === 1));
  await send({ type: 'speed', level: 5 });
});

test('worker: call sets the arrays, answers done {answer}, then a snapshot', async () => {
  await send({ type: 'configure', setup: SETUP, snapshot: SNAPSHOT });
  worker.events.length = 0;
  const id = await send({
    type: 'call',
    request: { op: 'set_weights', array: 'w' },
    arrays: { w: new Float32Array([7, 8, 9]) },
  });
  assert.deepEqual(
    replyTo(id).map((e) => e.type),
    ['done'],
  );
  assert.deepEqual([...(await snapshotAfter(id)).arrays.weights], [7, 8, 9]);
  const bad = await send({
    type: 'call',
    request: { op: 'set_weights', array: 'w' },
    arrays: { w: new Float32Array([1]) },
  });
  assert.equal(replyTo(bad)[0].path, '/request/array');
});

test('worker: every request gets one reply, invalid ones and unknown sessions an error', async () => {
  worker.events.length = 0;
  const fly = await send({ type: 'fly' });
  assert.match(replyTo(fly)[0].message, /unknown request type 'fly'/);
  const speed = await send({ type: 'speed', level: 9 });
  assert.match(replyTo(speed)[0].message, /level must be an integer 1..5/);
  const ghost = await send({ type: 'train', session: 'ghost' });
  assert.deepEqual(
    replyTo(ghost).map((e) => [e.type, e.path]),
    [['error', '/session']],
  );
  const close = await send({ type: 'close', session: 'ghost' });
  assert.deepEqual(
    replyTo(close).map((e) => e.type),
    ['done'],
  );
});

test('worker: two sessions train side by side, round-robin, their events apart', async () => {
  globalThis.fakeEngine = { batchesPerEpoch: 1e6 };
  await send({ type: 'configure', session: 'a', setup: SETUP, snapshot: SNAPSHOT });
  await send({ type: 'configure', session: 'b', setup: SETUP, snapshot: SNAPSHOT });
  worker.events.length = 0;
  await send({ type: 'train', session: 'a' }, 0);
  await send({ type: 'train', session: 'b' }, 150);
  await send({ type: 'pause', session: 'a' }, 0);
  await send({ type: 'pause', session: 'b' });
  const order = ofType('progress').map((e) => e.session);
  const [a, b] = [order.filter((s) => s === 'a').length, order.filter((s) => s === 'b').length];
  assert.ok(a >= 2 && b >= 2 && Math.abs(a - b) <= 1, `slices a ${a}, b ${b}`);
  assert.ok(
    order.slice(1).some((s, i) => s !== order[i]),
    'interleaved',
  );
  await send({ type: 'close', session: 'a' });
  const gone = await send({ type: 'step', session: 'a' });
  assert.equal(replyTo(gone)[0].path, '/session');
});
