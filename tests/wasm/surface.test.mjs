// The surface op in the wasm module: every optimizer's first three steps on the quadratic
// equal Keras's formulas (tests/fixtures/surfaces/quadratic_steps.json, shared with the native
// test), the arrays the loss-surface lab reads have the shapes it expects, and a bad request
// names its field and stores nothing.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { TestSession, loadModule, root } from './load-module.mjs';

const fixture = JSON.parse(
  fs.readFileSync(path.join(root, 'tests', 'fixtures', 'surfaces', 'quadratic_steps.json'), 'utf8'),
);
const relative = (got, want) => Math.abs(got - want) / Math.max(1, Math.abs(want));

let session;
before(async () => {
  session = new TestSession(await loadModule());
});
after(() => session.close());

test('surface: every optimizer steps as Keras does on the quadratic', () => {
  for (const config of fixture.configs) {
    const answer = session.ok({
      op: 'surface',
      function: 'quadratic',
      start: fixture.start,
      optimizer: config.optimizer,
      steps: 3,
      out: config.name,
    });
    assert.deepEqual(answer.slots, config.slots, config.name);
    const points = session.getArray(answer.arrays.path);
    const gradients = session.getArray(answer.arrays.gradients);
    const slots = session.getArray(answer.arrays.slots);
    const n = config.slots.length;
    assert.deepEqual([points[0], points[1]], fixture.start);
    config.steps.forEach((step, k) => {
      for (let i = 0; i < 2; i += 1) {
        const where = `${config.name} step ${k + 1} coordinate ${i}`;
        assert.ok(relative(points[3 * (k + 1) + i], step.point[i]) < 1e-5, where);
        assert.ok(relative(gradients[2 * k + i], step.gradient[i]) < 1e-5, where);
        step.slots.forEach((slot, j) => {
          assert.ok(relative(slots[2 * (k * n + j) + i], slot[i]) < 1e-5, `${where} ${config.slots[j]}`);
        });
      }
    });
  }
});

test('surface: path, grid and samples arrays have the documented shapes', () => {
  const answer = session.ok({
    op: 'surface',
    function: 'neuron',
    start: [-2, 4],
    optimizer: { type: 'adam', learning_rate: 0.1 },
    steps: 50,
    batch_size: 1,
    samples: 30,
    grid: { x: [-4, 8], y: [-6, 6], resolution: 20 },
    out: 'n',
  });
  assert.equal(answer.steps, 50);
  assert.equal(answer.batches_per_epoch, 30);
  assert.deepEqual(answer.slots, ['momentum', 'velocity']);
  assert.deepEqual(answer.function.parameters, ['w', 'b']);
  assert.equal(session.getArray('n/path').length, 51 * 3);
  assert.equal(session.getArray('n/gradients').length, 50 * 2);
  assert.equal(session.getArray('n/slots').length, 50 * 4);
  assert.equal(session.getArray('n/grid').length, 400);
  assert.equal(session.getArray('n/data_t').length, 30);
  assert.deepEqual([...new Set(session.getArray('n/data_target'))].sort(), [0, 1]);
  const path = session.getArray('n/path');
  assert.ok(path[50 * 3 + 2] < path[2], 'Adam lowers the cross-entropy');
});

test('surface: a bad request names its field and stores no array', () => {
  const bad = session.call({
    op: 'surface',
    function: 'quadratic',
    start: [0, 0],
    optimizer: { type: 'adam', beta_1: 2 },
    steps: 3,
    out: 'bad',
  });
  assert.equal(bad.ok, false);
  assert.equal(bad.error.path, '/optimizer/beta_1');
  assert.equal(session.hasArray('bad/path'), false);
});
