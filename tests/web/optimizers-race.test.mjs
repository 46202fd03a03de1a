// The optimizers lab's pure logic: each racer's document (same network, data, seed and batch;
// only the optimizer differs), time to a target loss from a loss series, the table's rows, the
// exact weight comparison and the lab's input checks.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { RACERS, batchesPerEpoch, racerDocument } from '../../web/js/labs/optimizers/racers.mjs';
import { identicalWeights, raceRows, timeToTarget } from '../../web/js/labs/optimizers/race-table.mjs';
import { parseHidden } from '../../web/js/labs/optimizers/inputs.mjs';
import { FIELD_BY_NAME } from '../../web/js/labs/optimizers/fields.mjs';
import { normalizeValue } from '../../web/js/state/field.mjs';

const settings = { dataset: 'xor', hidden: [8, 8], activation: 'tanh', batchSize: 32, epochs: 50, seed: 3 };

test('optimizers: racers differ only in compile.optimizer, with Keras names', () => {
  const documents = RACERS.map((r) => racerDocument({ ...settings, racer: r.id, lr: r.lr }));
  const strip = (d) => ({
    ...d,
    title: '',
    model: { ...d.model, name: '' },
    compile: { ...d.compile, optimizer: null },
  });
  for (const d of documents) assert.deepEqual(strip(d), strip(documents[0]));
  assert.deepEqual(
    documents.map((d) => d.compile.optimizer),
    [
      { type: 'sgd', learning_rate: 0.01 },
      { type: 'sgd', learning_rate: 0.01, momentum: 0.9 },
      { type: 'sgd', learning_rate: 0.01, momentum: 0.9, nesterov: true },
      { type: 'adagrad', learning_rate: 0.01 },
      { type: 'rmsprop', learning_rate: 0.001 },
      { type: 'adam', learning_rate: 0.001 },
      { type: 'adamw', learning_rate: 0.001, weight_decay: 0.004 },
    ],
  );
  const [first] = documents;
  assert.equal(first.model.seed, 3);
  assert.equal(first.fit.batch_size, 32);
  assert.equal(first.fit.seed, 3);
  assert.deepEqual(
    first.model.layers.map((l) => [l.units, l.activation]),
    [
      [8, 'tanh'],
      [8, 'tanh'],
      [1, 'sigmoid'],
    ],
  );
  assert.equal(first.data.name, 'xor');
  assert.equal(first.data.validation_fraction, 0);
  assert.throws(() => racerDocument({ ...settings, racer: 'lbfgs', lr: 1 }), /unknown optimizer/);
});

test('optimizers: batches per epoch', () => {
  assert.equal(batchesPerEpoch(400, 400), 1);
  assert.equal(batchesPerEpoch(400, 32), 13);
  assert.equal(batchesPerEpoch(400, 1), 400);
});

test('optimizers: time to target is the first epoch at or below it, with the time summed', () => {
  assert.deepEqual(timeToTarget([0.7, 0.4, 0.2, 0.1], [5, 6, 7, 8], 0.2), { epoch: 3, ms: 18 });
  assert.deepEqual(timeToTarget([0.05], [4], 0.1), { epoch: 1, ms: 4 });
  assert.equal(timeToTarget([0.7, 0.5, NaN], [1, 1, 1], 0.1), null);
  assert.equal(timeToTarget([], [], 0.1), null);
});

test('optimizers: the table rows', () => {
  const rows = raceRows(
    [
      { id: 'sgd', name: 'SGD', lr: 0.01, losses: [0.7, 0.69], ms: [3, 3] },
      { id: 'adam', name: 'Adam', lr: 0.001, losses: [0.5, 0.09], ms: [4, 5] },
      { id: 'adamw', name: 'AdamW', lr: 0.001, losses: [], ms: [] },
    ],
    0.1,
  );
  assert.deepEqual(rows, [
    { id: 'sgd', name: 'SGD', lr: 0.01, epochs: null, ms: null, finalLoss: 0.69, reached: false },
    { id: 'adam', name: 'Adam', lr: 0.001, epochs: 2, ms: 9, finalLoss: 0.09, reached: true },
    { id: 'adamw', name: 'AdamW', lr: 0.001, epochs: null, ms: null, finalLoss: null, reached: false },
  ]);
});

test('optimizers: weights are identical only when every value agrees exactly', () => {
  const a = Float32Array.from([0.1, -0.2, 0]);
  assert.ok(identicalWeights([a, Float32Array.from(a), Float32Array.from(a)]));
  assert.ok(!identicalWeights([a, Float32Array.from([0.1, -0.2, -0])]));
  assert.ok(!identicalWeights([a, Float32Array.from([0.1, -0.2])]));
  assert.ok(!identicalWeights([a, null]));
  assert.ok(!identicalWeights([]));
});

test('optimizers: input checks', () => {
  assert.deepEqual(parseHidden('8, 8'), { ok: true, value: [8, 8] });
  assert.deepEqual(parseHidden('4 2'), { ok: true, value: [4, 2] });
  for (const bad of ['', '0', '8, 33', '1,2,3,4,5', '2.5', 'abc'])
    assert.equal(parseHidden(bad).ok, false, bad);
  // The rest is the store's: each field's type and limits.
  const ok = (name, value) => normalizeValue(FIELD_BY_NAME[name], value).ok;
  assert.ok(ok('raceBatch', 32));
  for (const bad of [0, 401, 3.5, NaN]) assert.equal(ok('raceBatch', bad), false, String(bad));
  assert.ok(ok('lrAdam', 0.1));
  for (const bad of [0, -1, 11, NaN, Infinity]) assert.equal(ok('lrAdam', bad), false, String(bad));
  assert.equal(ok('raceTarget', 0), false);
  assert.equal(ok('raceHidden', [8, 33]), false);
  assert.equal(ok('raceHidden', []), false);
});
