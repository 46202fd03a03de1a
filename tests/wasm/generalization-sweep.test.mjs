// The generalization lab's documents with the real engine: its data session splits the 2-D set
// into the training points and TEST_POINTS held out; a model fed explicit points measures them
// and its grid as modelFigures reads them; and the lab's defaults (60 noisy XOR points, tanh,
// 1000 epochs, no regularization) give what the sweep's text claims: one unit under-fits, a few
// units do best on the test points, and 64 units fit the training points better while their
// test error rises again (over-fitting).
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { TestSession, loadModule } from './load-module.mjs';
import {
  ARRAYS,
  TEST_POINTS,
  dataPart,
  dataSetup,
  modelDocument,
  modelFigures,
  modelRequests,
} from '../../web/js/labs/generalization/documents.mjs';
import { FIELD_BY_NAME } from '../../web/js/labs/generalization/fields.mjs';

let module;
before(async () => {
  module = await loadModule();
});

const defaults = {
  dataset: FIELD_BY_NAME.genData.default,
  noise: FIELD_BY_NAME.genNoise.default,
  train: FIELD_BY_NAME.genTrain.default,
  seed: 1,
};
let data;

test('generalization data: the training points and the held-out test points', () => {
  const s = new TestSession(module);
  try {
    const [build, points] = dataSetup(defaults);
    s.ok(build);
    const answer = s.ok(points);
    assert.equal(answer.train, defaults.train);
    assert.equal(answer.validation, TEST_POINTS);
    const get = (name) => Float32Array.from(s.getArray(answer.arrays[name]));
    data = {
      trainX: get('train_x'),
      trainY: get('train_y'),
      testX: get('validation_x'),
      testY: get('validation_y'),
    };
    assert.equal(data.trainX.length, 2 * defaults.train);
    assert.ok(data.trainY.every((y) => y === 0 || y === 1));
  } finally {
    s.close();
  }
});

/** Trains one hidden layer of `units` on the training points and returns its figures. */
function train(units, epochs) {
  const s = new TestSession(module);
  try {
    const document = modelDocument({
      hidden: [units],
      activation: FIELD_BY_NAME.genActivation.default,
      epochs,
      title: `${units} units`,
      data: dataPart(defaults),
    });
    const { setup, snapshot } = modelRequests(document);
    const arrays = {
      [ARRAYS.fitX]: data.trainX,
      [ARRAYS.fitY]: data.trainY,
      [ARRAYS.trainX]: data.trainX,
      [ARRAYS.trainY]: data.trainY,
      [ARRAYS.testX]: data.testX,
      [ARRAYS.testY]: data.testY,
    };
    for (const [name, values] of Object.entries(arrays)) s.setArray(name, values);
    for (const request of setup) s.ok(request);
    let answer;
    do answer = s.ok({ op: 'train', batches: 2000 });
    while (!answer.finished && !answer.diverged);
    const answers = snapshot.map((request) => s.ok(request));
    const named = {};
    for (const a of answers) {
      if (a.array) named[a.array] = Float32Array.from(s.getArray(a.array));
      for (const out of a.arrays ?? []) named[out.name] = Float32Array.from(s.getArray(out.name));
    }
    return modelFigures({ answers, arrays: named });
  } finally {
    s.close();
  }
}

test('generalization sweep: the defaults under-fit at 1 unit and over-fit at 64', () => {
  const epochs = FIELD_BY_NAME.genEpochs.default;
  const [one, four, many] = [1, 4, 64].map((units) => train(units, epochs));
  for (const r of [one, four, many]) {
    assert.equal(r.resolution, 40);
    assert.equal(r.grid.length, 40 * 40);
    assert.equal(r.probabilities.length, TEST_POINTS);
  }
  const error = (r) => ({ train: 1 - r.trainAccuracy, test: 1 - r.testAccuracy });
  const [e1, e4, e64] = [one, four, many].map(error);
  // Under-fitting: one unit is wrong on many training and test points.
  assert.ok(e1.train > 0.3 && e1.test > 0.3, JSON.stringify(e1));
  // A few units: far better on the test points.
  assert.ok(e4.test < e1.test - 0.1, JSON.stringify({ e1, e4 }));
  // Over-fitting: 64 units fit the training points better, the test points worse.
  assert.ok(e64.train < e4.train, JSON.stringify({ e4, e64 }));
  assert.ok(e64.test > e4.test + 0.01, JSON.stringify({ e4, e64 }));
  assert.ok(many.testLoss > four.testLoss, 'the test loss rises too');
});
