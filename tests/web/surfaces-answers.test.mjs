// The surfaces lab's page logic without a browser: the `surface` requests it writes, an engine
// answer of the contract's shape read as a run (path rows, the gradient and slots of step k),
// the optimizer objects it sends, and the one-in-flight throttle a drag goes through.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  gridRequest,
  lossesOf,
  pointAt,
  pointCount,
  runOf,
  stepAt,
  surfaceRequest,
} from '../../web/js/labs/surfaces/surface-answers.mjs';
import { OPTIMIZERS, hyperName, optimizerObject } from '../../web/js/labs/surfaces/optimizers.mjs';
import { FIELD_BY_NAME, SURFACE_FIELDS } from '../../web/js/labs/surfaces/fields.mjs';
import { FUNCTIONS } from '../../web/js/labs/surfaces/functions.mjs';
import { LatestOnly } from '../../web/js/kit/latest-only.mjs';
import { normalizeValue } from '../../web/js/state/schema.mjs';

// A handmade answer of the contract's shape: Adam, two steps, slots momentum and velocity.
const ANSWER = {
  ok: true,
  function: {
    name: 'quadratic',
    parameters: ['x', 'y'],
    x_range: [-4, 4],
    y_range: [-3, 3],
    minimum: [0, 0],
  },
  steps: 2,
  stopped: null,
  slots: ['momentum', 'velocity'],
  arrays: { path: 'surf-adam/path', gradients: 'surf-adam/gradients', slots: 'surf-adam/slots' },
};
const ARRAYS = {
  'surf-adam/path': Float32Array.from([1, 2, 20.5, 0.9, 1.9, 18.5, 0.8, 1.8, 16.6]),
  'surf-adam/gradients': Float32Array.from([1, 20, 0.9, 19]),
  'surf-adam/slots': Float32Array.from([0.1, 2, 0.001, 0.4, 0.19, 3.9, 0.0018, 0.76]),
};

test('surfaceRequest: start and optimizer only with steps; grid over the facts view', () => {
  const optimizer = { type: 'sgd', learning_rate: 0.1 };
  assert.deepEqual(surfaceRequest({ fn: 'beale', start: [1, 2, 3], optimizer, steps: 5, out: 'o' }), {
    op: 'surface',
    function: 'beale',
    steps: 5,
    out: 'o',
    start: [1, 2],
    optimizer,
  });
  assert.deepEqual(gridRequest(ANSWER.function, 'g', { samples: 64 }), {
    op: 'surface',
    function: 'quadratic',
    steps: 0,
    out: 'g',
    samples: 64,
    grid: { x: [-4, 4], y: [-3, 3], resolution: 96 },
  });
});

test('runOf: the answer’s arrays by the names it gives; rows, steps and slots indexed', () => {
  const run = runOf(ANSWER, ARRAYS);
  assert.equal(run.path, ARRAYS['surf-adam/path'], 'kept as the engine wrote it, not copied');
  assert.equal(pointCount(run), 3);
  assert.deepEqual(pointAt(run, 0), { x: 1, y: 2, loss: 20.5 });
  assert.deepEqual(pointAt(run, 9), pointAt(run, 2), 'clamped to the last row');
  assert.equal(stepAt(run, 0), null, 'no step before the first');
  const second = stepAt(run, 2);
  assert.deepEqual(second.gradient, [ARRAYS['surf-adam/gradients'][2], ARRAYS['surf-adam/gradients'][3]]);
  assert.deepEqual(
    second.slots.map((s) => s.name),
    ['momentum', 'velocity'],
  );
  assert.equal(second.slots[0].x, ARRAYS['surf-adam/slots'][4]);
  assert.equal(second.slots[1].y, ARRAYS['surf-adam/slots'][7]);
  assert.equal(stepAt(run, 3), null, 'beyond the steps taken');
  assert.deepEqual(Array.from(lossesOf(run)), [20.5, 18.5, 16.6].map(Math.fround));
  assert.equal(runOf(ANSWER, ARRAYS).grid, null, 'no grid asked, none read');
  // Plain SGD has no slots: every step has an empty list.
  const sgd = runOf({ ...ANSWER, slots: [] }, ARRAYS);
  assert.deepEqual(stepAt(sgd, 1).slots, []);
});

test('optimizerObject: Keras names and the store’s values; Nesterov keeps its flag', () => {
  const values = { surfNesterovMomentum: 0.5, surfAdamwBeta1: 0.8, surfAdamwBeta2: 0.99 };
  const get = (name) => values[name] ?? FIELD_BY_NAME[name].default;
  assert.deepEqual(optimizerObject('nesterov', 0.1, get), {
    type: 'sgd',
    nesterov: true,
    learning_rate: 0.1,
    momentum: 0.5,
  });
  assert.deepEqual(optimizerObject('adamw', 0.01, get), {
    type: 'adamw',
    learning_rate: 0.01,
    beta_1: 0.8,
    beta_2: 0.99,
    epsilon: 1e-7,
    weight_decay: 0.004,
  });
  assert.deepEqual(optimizerObject('sgd', 0.2, get), { type: 'sgd', learning_rate: 0.2 });
  assert.throws(() => optimizerObject('lbfgs', 1, get), /unknown optimizer/);
});

test('fields: every default valid; every function has a rate for each optimizer', () => {
  for (const f of SURFACE_FIELDS) assert.ok(normalizeValue(f, f.default).ok, f.name);
  for (const fn of FUNCTIONS) {
    for (const o of OPTIMIZERS) assert.ok(fn.lr[o.id] > 0, `${fn.id} ${o.id}`);
  }
  for (const o of OPTIMIZERS) for (const h of o.hypers) assert.ok(FIELD_BY_NAME[hyperName(o.id, h)], h.keras);
  // beta_1 = 1 is refused (Keras requires it below 1), a negative epsilon too.
  assert.equal(normalizeValue(FIELD_BY_NAME.surfAdamBeta1, 1).ok, false);
  assert.equal(normalizeValue(FIELD_BY_NAME.surfAdamEpsilon, 0).ok, false);
});

test('LatestOnly: one job in flight; of the requests meanwhile only the latest runs', async () => {
  const started = [];
  /** @type {(() => void)[]} */
  const finish = [];
  const latest = new LatestOnly((input) => {
    started.push(input);
    return new Promise((resolve) => finish.push(resolve));
  });
  latest.request(1);
  latest.request(2);
  latest.request(3);
  latest.request(4);
  latest.request(4);
  assert.deepEqual(started, [1], 'the others wait');
  finish.shift()();
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(started, [1, 4], 'only the latest of the waiting ran');
  finish.shift()();
  await latest.idle;
  assert.equal(latest.busy, false);
  latest.request(5);
  latest.request(6);
  latest.cancel();
  finish.shift()();
  await latest.idle;
  assert.deepEqual(started, [1, 4, 5], 'a cancelled request never runs');
  latest.request(5);
  assert.deepEqual(started, [1, 4, 5, 5], 'after a cancel the same input runs again');
  finish.shift()();
  await latest.idle;
  latest.request(5);
  assert.equal(started.length, 4, 'the same input as the last asked is dropped');
});

test('LatestOnly: a failing job does not stop the next', async () => {
  const seen = [];
  const original = console.warn;
  console.warn = () => {};
  try {
    const latest = new LatestOnly(async (input) => {
      seen.push(input);
      if (input === 'bad') throw new Error('refused');
    });
    latest.request('bad');
    latest.request('good');
    await latest.idle;
    assert.deepEqual(seen, ['bad', 'good']);
  } finally {
    console.warn = original;
  }
});
