// The perceptron lab's pure parts (web/js/labs/perceptron/{model,document}.mjs, the view's
// half-plane geometry) and its documents in the engine: Rosenblatt's rule (loss "perceptron",
// SGD, batch 1) step by step against a JS reference, epochs to 4/4 on AND/OR/NAND, XOR never
// separated, and the hidden-layer network solving XOR with seed 0 (its JS forward pass equal to
// the engine's predictions). The engine tests skip while the engine lacks the perceptron loss.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { TestSession, loadModule } from './load-module.mjs';
import {
  GATES,
  countCorrect,
  hiddenNetwork,
  hiddenOutput,
  hiddenPredictions,
  perceptronPredictions,
  truthTable,
} from '../../web/js/labs/perceptron/model.mjs';
import {
  hiddenDocument,
  perceptronDocument,
  perceptronWeightArray,
} from '../../web/js/labs/perceptron/document.mjs';
import { halfPlanePolygon, lineEnds } from '../../web/js/views/perceptron-view.mjs';

let s;
let hasPerceptronLoss = false;
before(async () => {
  s = new TestSession(await loadModule());
  const answer = s.call({
    op: 'build',
    spec: perceptronDocument({ gate: 'and', lr: 1, epochs: 1, seed: 0 }),
  });
  hasPerceptronLoss = answer.ok;
});
after(() => s?.close());

/** Rosenblatt's rule in JS: one pass over the rows in order; returns the new weights. */
function referenceEpoch(weights, gate, lr) {
  const w = [...weights];
  for (const p of truthTable(gate)) {
    const error = p.y - (w[0] * p.x1 + w[1] * p.x2 + w[2] >= 0 ? 1 : 0);
    w[0] += lr * error * p.x1;
    w[1] += lr * error * p.x2;
    w[2] += lr * error;
  }
  return w;
}

/** Epochs of the reference rule from `start` until 4/4 (-1 if not within `limit`). */
function referenceEpochsToSolve(gate, lr, start = [0, 0, 0], limit = 100) {
  let w = start;
  for (let epoch = 0; epoch <= limit; epoch += 1) {
    if (countCorrect(perceptronPredictions(w, gate)) === 4) return epoch;
    w = referenceEpoch(w, gate, lr);
  }
  return -1;
}

test("truth tables: rows 00, 01, 10, 11 as the engine's gates", () => {
  assert.deepEqual(
    truthTable('and').map((p) => [p.x1, p.x2, p.y]),
    [
      [0, 0, 0],
      [0, 1, 0],
      [1, 0, 0],
      [1, 1, 1],
    ],
  );
  assert.deepEqual(GATES.xor, [0, 1, 1, 0]);
});

test('predictions: step(z) with z >= 0 as class 1, correct count', () => {
  const points = perceptronPredictions([1, 1, -1.5], 'and');
  assert.deepEqual(
    points.map((p) => p.prediction),
    [0, 0, 0, 1],
  );
  assert.equal(countCorrect(points), 4);
  assert.equal(countCorrect(perceptronPredictions([0, 0, 0], 'and')), 1); // step(0) = 1 everywhere
});

test('view geometry: the half-plane polygon and the line ends inside [-0.5, 1.5]²', () => {
  assert.equal(halfPlanePolygon([0, 0, 1]).length, 4); // z = 1 everywhere: the whole square
  assert.equal(halfPlanePolygon([0, 0, -1]).length, 0);
  const ends = lineEnds([1, 1, -1]); // x1 + x2 = 1
  for (const [x1, x2] of ends) assert.ok(Math.abs(x1 + x2 - 1) < 1e-9);
  assert.equal(lineEnds([0, 0, 1]), null);
});

test('documents: perceptron and hidden-layer documents build in the engine', () => {
  const hidden = s.ok({ op: 'build', spec: hiddenDocument({ gate: 'xor', epochs: 500, seed: 0 }) });
  assert.equal(hidden.model.params, 2 * 4 + 4 + 4 + 1);
  const plain = perceptronDocument({ gate: 'or', lr: 0.5, epochs: 10, seed: 0 }, { loss: 'hinge' });
  assert.equal(s.ok({ op: 'build', spec: plain }).model.params, 3);
});

test('reference rule: epochs to 4/4 from zero weights (lr 1 and 0.1), XOR never', () => {
  const figures = {};
  for (const gate of ['and', 'or', 'nand']) {
    for (const lr of [1, 0.1]) {
      const epochs = referenceEpochsToSolve(gate, lr);
      assert.ok(epochs > 0 && epochs <= 20, `${gate} lr ${lr}: ${epochs}`);
      figures[`${gate}@${lr}`] = epochs;
    }
  }
  assert.equal(referenceEpochsToSolve('xor', 1), -1);
  console.log('perceptron epochs to 4/4 (reference rule):', JSON.stringify(figures));
});

test("engine: the perceptron loss follows Rosenblatt's rule batch by batch", (t) => {
  if (!hasPerceptronLoss) return t.skip('the engine has no "perceptron" loss yet');
  for (const gate of ['and', 'or', 'nand', 'xor']) {
    s.ok({ op: 'build', spec: perceptronDocument({ gate, lr: 1, epochs: 50, seed: 0 }) });
    s.ok({ op: 'set_data' });
    let w = [0.5, -0.25, 0.25];
    s.setArray('start', perceptronWeightArray(w));
    s.ok({ op: 'set_weights', array: 'start' });
    for (let epoch = 0; epoch < 12; epoch += 1) {
      s.ok({ op: 'train', batches: 4 });
      w = referenceEpoch(w, gate, 1);
      const engine = s.getArray(s.ok({ op: 'get_weights' }).array);
      w.forEach((v, k) =>
        assert.ok(Math.abs(engine[k] - v) < 1e-5, `${gate} epoch ${epoch}: ${[...engine]} vs ${w}`),
      );
    }
  }
});

test("engine: the hidden layer solves XOR with seed 0, and the lab's forward pass equals predict", () => {
  s.ok({ op: 'build', spec: hiddenDocument({ gate: 'xor', epochs: 500, seed: 0 }) });
  s.ok({ op: 'set_data' });
  s.setArray('gate_x', new Float32Array([0, 0, 0, 1, 1, 0, 1, 1]));
  let solvedAt = -1;
  for (let epoch = 1; epoch <= 300 && solvedAt < 0; epoch += 1) {
    s.ok({ op: 'train', batches: 1 });
    const weights = s.ok({ op: 'get_weights' });
    const net = hiddenNetwork(s.getArray(weights.array), weights.weights);
    if (countCorrect(hiddenPredictions(net, 'xor')) === 4) solvedAt = epoch;
  }
  assert.ok(solvedAt > 0 && solvedAt <= 150, `XOR with a hidden layer solved at epoch ${solvedAt}`);
  console.log('hidden-layer XOR epochs to 4/4 (seed 0):', solvedAt);
  const weights = s.ok({ op: 'get_weights' });
  const net = hiddenNetwork(s.getArray(weights.array), weights.weights);
  const predicted = s.getArray(s.ok({ op: 'predict', x: ['gate_x'] }).arrays[0].name);
  truthTable('xor').forEach((p, i) =>
    assert.ok(Math.abs(hiddenOutput(net, p.x1, p.x2) - predicted[i]) < 1e-5),
  );
});
