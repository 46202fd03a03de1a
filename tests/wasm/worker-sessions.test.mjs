// Two sessions side by side in one engine worker with the real wasm engine (web/engine): the
// same data, different models (4 and 6 hidden units, so their weight arrays differ in length);
// both train, and no answer or array of one ever carries the other's session id.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { root } from './load-module.mjs';
import { loadWorker } from './worker-harness.mjs';

const engineDir = process.env.NNPLAY_ENGINE_DIR ?? path.join(root, 'web', 'engine');
const built = fs.existsSync(path.join(engineDir, 'nnplay.wasm'));
let worker;
let nextId = 1;

/** An MLP document on the circle set with `units` hidden units. */
const mlp = (units) => ({
  schema: 1,
  model: {
    type: 'sequential',
    name: `mlp${units}`,
    seed: 1,
    input_shape: [2],
    layers: [
      { type: 'dense', units, activation: 'tanh' },
      { type: 'dense', units: 1, activation: 'sigmoid' },
    ],
  },
  compile: {
    optimizer: { type: 'adam', learning_rate: 0.03 },
    loss: 'binary_crossentropy',
    metrics: ['accuracy'],
  },
  fit: { epochs: 1000, batch_size: 10, shuffle: true, seed: 1 },
  data: { name: 'circle', n: 200, noise: 0.05, seed: 1, validation_fraction: 0.5 },
});
const SNAPSHOT = [{ op: 'get_weights', out: 'weights' }];
const params = (units) => 2 * units + units + units + 1;

before(async () => {
  if (!built) return;
  worker = await loadWorker(engineDir);
  worker.send({ type: 'init', id: nextId++ });
  await worker.until((events) => events.some((e) => e.type === 'ready'), 20000);
});
after(() => worker?.close());

test(
  'worker + engine: two sessions train side by side and their answers never cross',
  { skip: !built && 'web/engine/nnplay.wasm is not built' },
  async () => {
    const sessions = { small: 4, large: 6 };
    for (const [session, units] of Object.entries(sessions)) {
      worker.send({
        type: 'configure',
        session,
        id: nextId++,
        setup: [{ op: 'build', spec: mlp(units) }, { op: 'set_data' }],
        snapshot: SNAPSHOT,
      });
    }
    await worker.until((events) => events.filter((e) => e.type === 'configured').length === 2, 10000);
    assert.deepEqual(
      worker.events.filter((e) => e.type === 'error'),
      [],
    );
    worker.events.length = 0;
    for (const session of Object.keys(sessions)) worker.send({ type: 'train', session, id: nextId++ });
    await worker.until(
      (events) =>
        Object.keys(sessions).every(
          (s) => events.filter((e) => e.type === 'progress' && e.session === s).length >= 3,
        ),
      30000,
    );
    for (const session of Object.keys(sessions)) worker.send({ type: 'pause', session, id: nextId++ });
    await worker.until((events) => events.filter((e) => e.type === 'paused').length === 2, 5000);
    for (const session of Object.keys(sessions)) worker.send({ type: 'snapshot', session, id: nextId++ });
    await worker.until((events) => events.filter((e) => e.type === 'snapshot').length >= 2, 5000);

    for (const [session, units] of Object.entries(sessions)) {
      const progress = worker.events.filter((e) => e.type === 'progress' && e.session === session);
      assert.ok(progress.length >= 2, `${session}: ${progress.length} progress events`);
      const losses = progress.flatMap((p) => p.answer.epoch_logs.map((e) => e.logs.loss));
      assert.ok(losses.length >= 1 && losses.every(Number.isFinite), `${session} losses ${losses}`);
      const snapshots = worker.events.filter((e) => e.type === 'snapshot' && e.session === session);
      assert.ok(snapshots.length >= 1, `${session} has snapshots`);
      for (const s of snapshots) {
        assert.equal(s.arrays.weights.length, params(units), `${session}'s own model's weights`);
        const kernel = s.answers[0].weights[0];
        assert.deepEqual(kernel.shape, [2, units], `${session}'s own layout`);
      }
    }
    // Iterations of each session rise on their own: no answer of one lands in the other.
    for (const session of Object.keys(sessions)) {
      const iterations = worker.events
        .filter((e) => e.type === 'progress' && e.session === session)
        .map((p) => p.answer.iterations);
      assert.ok(
        iterations.every((n, i) => i === 0 || n > iterations[i - 1]),
        `${session}: ${iterations}`,
      );
    }
    assert.ok(worker.events.every((e) => !('session' in e) || e.session in sessions));
  },
);
