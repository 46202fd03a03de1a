// The engine worker's snapshot in parts against the fake engine, without timing: a Pause that
// arrives while one request of a snapshot runs is answered before the snapshot's other
// requests, no batch runs after it, and the snapshot then posted shows the weights training
// stopped at; a Pause between slices snapshots those weights; a reset during a snapshot drops
// what is left of it. The fake engine calls onRequest before each answer, so a test sends a
// message exactly while a given request runs, and sees the order of requests and events.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, beforeEach, test } from 'node:test';

import { root } from './load-module.mjs';
import { loadWorker } from './worker-harness.mjs';

let worker;
let nextId = 1;
/** Engine requests ('train', 'grid', ...) and worker events ('event:paused', ...) in order. */
let trace = [];
const TRACED_EVENTS = new Set(['progress', 'paused', 'snapshot']);

const SETUP = [{ op: 'build', spec: { schema: 1, model: {} } }, { op: 'set_data' }];
// Three requests: the weights before and after the grid show whether training ran in between.
const SNAPSHOT = [
  { op: 'get_weights', out: 'weights' },
  { op: 'grid', resolution: 4, out: 'grid' },
  { op: 'get_weights', out: 'weights_after' },
];

const send = (message) => worker.send({ session: 's', id: nextId++, ...message });
const ofType = (type) => worker.events.filter((e) => e.type === type);
/** The trace from the last train request on. */
const sinceLastTrain = () => trace.slice(trace.lastIndexOf('train'));

before(async () => {
  worker = await loadWorker(path.join(root, 'tests', 'wasm', 'fake-engine'));
  worker.send({ type: 'init', id: nextId++ });
  await worker.until((events) => events.some((e) => e.type === 'ready'));
  const post = globalThis.self.postMessage;
  globalThis.self.postMessage = (message, transfer) => {
    if (TRACED_EVENTS.has(message.type)) trace.push(`event:${message.type}`);
    post(message, transfer);
  };
});
after(() => {
  globalThis.fakeEngine = undefined;
  worker.close();
});

/** Configures session 's' (the snapshot of the new model posted), then clears the trace;
 *  `sendWhile(request, trace)` is asked before each later engine request. */
async function configure(sendWhile) {
  globalThis.fakeEngine = { batchesPerEpoch: 1e6 };
  send({ type: 'configure', setup: SETUP, snapshot: SNAPSHOT });
  await worker.until((events) => events.some((e) => e.type === 'snapshot'));
  worker.events.length = 0;
  trace = [];
  globalThis.fakeEngine.onRequest = (request) => {
    trace.push(request.op);
    sendWhile(request, trace);
  };
}

/** Waits until the worker has been quiet (no event) for a while. */
async function settle() {
  let count = -1;
  while (count !== worker.events.length) {
    count = worker.events.length;
    await new Promise((r) => setTimeout(r, 60));
  }
}

/** Asserts every snapshot shows one set of weights throughout (first weight: batches run). */
function assertConsistent() {
  for (const s of ofType('snapshot')) {
    assert.equal(s.arrays.weights[0], s.arrays.weights_after[0], 'a snapshot read two states');
  }
}

beforeEach(() => {
  worker.events.length = 0;
});

test('worker: a Pause during a snapshot is answered before its other requests; no batch after', async () => {
  let sent = false;
  await configure((request, seen) => {
    // While the grid of a snapshot taken during training runs, the learner presses Pause.
    if (request.op === 'grid' && seen.includes('train') && !sent) {
      sent = true;
      send({ type: 'pause' });
    }
  });
  send({ type: 'train' });
  await worker.until(() => trace.includes('event:snapshot'));
  await settle();
  assert.deepEqual(sinceLastTrain(), [
    'train',
    'event:progress',
    'get_weights',
    'grid',
    'event:paused', // the Pause, between the snapshot's requests
    'get_weights', // the rest of the snapshot: the weights did not change, so it stands
    'event:snapshot',
  ]);
  assert.equal(ofType('paused').at(-1).reason, 'user');
  const trained = ofType('progress').at(-1).answer.iterations;
  assert.equal(ofType('snapshot').at(-1).arrays.weights[0], trained, 'the paused weights');
  assertConsistent();
});

test('worker: a Pause between slices snapshots the weights training stopped at', async () => {
  let trains = 0;
  await configure((request) => {
    if (request.op === 'train' && ++trains === 3) send({ type: 'pause' });
  });
  send({ type: 'train' });
  await worker.until(() => trace.includes('event:paused'));
  await settle();
  assert.deepEqual(sinceLastTrain(), [
    'train',
    'event:progress',
    'event:paused',
    'get_weights',
    'grid',
    'get_weights',
    'event:snapshot',
  ]);
  assert.equal(trace.filter((op) => op === 'train').length, 3, 'no batch after the Pause');
  const trained = ofType('progress').at(-1).answer.iterations;
  assert.ok(trained > 0);
  assert.equal(ofType('snapshot').at(-1).arrays.weights[0], trained, 'the paused weights');
  assertConsistent();
});

test('worker: a reset during a snapshot drops the rest of it; later snapshots show the reset', async () => {
  let sent = false;
  await configure((request, seen) => {
    if (request.op === 'grid' && seen.includes('train') && !sent) {
      sent = true;
      send({ type: 'reset' });
    }
  });
  send({ type: 'train' });
  await worker.until(() => trace.includes('event:snapshot'));
  await settle();
  assert.deepEqual(sinceLastTrain(), [
    'train',
    'event:progress',
    'get_weights',
    'grid', // the reset arrives here: the snapshot of the old weights is dropped
    'reset',
    'event:paused',
    'get_weights',
    'grid',
    'get_weights',
    'event:snapshot',
  ]);
  assert.equal(ofType('paused').at(-1).reason, 'reset');
  assert.deepEqual(
    ofType('snapshot').map((s) => s.arrays.weights[0]),
    [0],
    'one snapshot, of the reset weights',
  );
  assertConsistent();
});
