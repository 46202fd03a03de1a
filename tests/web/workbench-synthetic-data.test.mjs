// The workbench's random data: shapes, value ranges by loss, determinism and the size limit.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { MAX_VALUES, syntheticData, targetKind } from '../../web/js/labs/workbench/synthetic-data.mjs';

/** @param {Float32Array} data */
const distinct = (data) => new Set(data).size;

test('inputs: [samples, ...shape], uniform in [0, 1)', () => {
  const { x, y } = syntheticData(
    {
      inputs: [
        { name: 'image', shape: [4, 4, 3] },
        { name: 'meta', shape: [5] },
      ],
    },
    { samples: 500, seed: 1 },
  );
  assert.deepEqual(y, []);
  assert.deepEqual(
    x.map((a) => [a.name, a.shape, a.data.length]),
    [
      ['image', [500, 4, 4, 3], 24000],
      ['meta', [500, 5], 2500],
    ],
  );
  for (const { data } of x) {
    assert.ok(data.every((v) => v >= 0 && v < 1));
    const mean = data.reduce((a, b) => a + b, 0) / data.length;
    assert.ok(Math.abs(mean - 0.5) < 0.02, `mean ${mean}`);
    assert.ok(distinct(data) > data.length * 0.9);
  }
});

test('sparse targets: one class id per leading position, in [0, k)', () => {
  const { y } = syntheticData(
    {
      inputs: [{ name: 'in', shape: [2] }],
      outputs: [
        { name: 'tags', shape: [28, 10], loss: 'sparse_categorical_crossentropy' },
        { name: 'digit', shape: [10], loss: 'SparseCategoricalCrossentropy' },
      ],
    },
    { samples: 64, seed: 2 },
  );
  assert.deepEqual(y[0].shape, [64, 28]);
  assert.deepEqual(y[1].shape, [64]);
  for (const { data } of y) {
    assert.ok(data.every((v) => Number.isInteger(v) && v >= 0 && v < 10));
    assert.equal(distinct(data), 10);
  }
});

test('categorical targets: one-hot rows of the output shape', () => {
  const { y } = syntheticData(
    {
      inputs: [{ name: 'in', shape: [2] }],
      outputs: [
        { name: 'seq', shape: [7, 4], loss: 'categorical_crossentropy' },
        { name: 'c', shape: [3], loss: { type: 'categorical_hinge' } },
      ],
    },
    { samples: 50, seed: 3 },
  );
  assert.deepEqual(y[0].shape, [50, 7, 4]);
  assert.deepEqual(y[1].shape, [50, 3]);
  for (const { data, shape } of y) {
    const k = /** @type {number} */ (shape.at(-1));
    const hits = new Array(k).fill(0);
    for (let row = 0; row < data.length; row += k) {
      const slice = Array.from(data.subarray(row, row + k));
      assert.deepEqual(slice.slice().sort(), [...new Array(k - 1).fill(0), 1]);
      hits[slice.indexOf(1)]++;
    }
    assert.ok(
      hits.every((h) => h > 0),
      `every class appears: ${hits}`,
    );
  }
});

test('binary losses and hinge: 0/1 labels (Keras turns 0/1 into -1/1 for hinge)', () => {
  for (const loss of [
    'binary_crossentropy',
    'binary_focal_crossentropy',
    'hinge',
    'squared_hinge',
    'perceptron',
  ]) {
    const { y } = syntheticData(
      { inputs: [{ name: 'in', shape: [2] }], outputs: [{ name: 'o', shape: [1], loss }] },
      { samples: 200, seed: 4 },
    );
    assert.deepEqual(y[0].shape, [200, 1]);
    assert.ok(
      y[0].data.every((v) => v === 0 || v === 1),
      loss,
    );
    assert.equal(distinct(y[0].data), 2, loss);
  }
});

test('regression losses: standard normal targets', () => {
  for (const loss of ['mse', 'mae', 'huber', 'mean_squared_error', undefined]) {
    const { y } = syntheticData(
      { inputs: [{ name: 'in', shape: [1] }], outputs: [{ name: 'o', shape: [100], loss }] },
      { samples: 200, seed: 5 },
    );
    const data = y[0].data;
    const mean = data.reduce((a, b) => a + b, 0) / data.length;
    const variance = data.reduce((a, b) => a + (b - mean) ** 2, 0) / data.length;
    assert.ok(Math.abs(mean) < 0.03 && Math.abs(variance - 1) < 0.05, `${loss}: ${mean} ${variance}`);
    assert.ok(data.some((v) => v < -2) && data.some((v) => v > 2));
  }
});

test('kl_divergence gets probability rows, poisson non-negative rates', () => {
  const { y } = syntheticData(
    {
      inputs: [{ name: 'in', shape: [1] }],
      outputs: [
        { name: 'p', shape: [5], loss: 'kl_divergence' },
        { name: 'r', shape: [3], loss: 'poisson' },
      ],
    },
    { samples: 20, seed: 6 },
  );
  for (let row = 0; row < y[0].data.length; row += 5) {
    const sum = y[0].data.subarray(row, row + 5).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - 1) < 1e-5);
  }
  assert.ok(y[1].data.every((v) => v >= 0 && v < 1));
  assert.equal(targetKind('KLDivergence'), 'distribution');
});

test('the same seed gives the same data; another seed other data; adding an output keeps x', () => {
  const model = {
    inputs: [{ name: 'a', shape: [3] }],
    outputs: [{ name: 'o', shape: [4], loss: 'mse' }],
  };
  const one = syntheticData(model, { samples: 10, seed: 42 });
  assert.deepEqual(syntheticData(model, { samples: 10, seed: 42 }), one);
  const other = syntheticData(model, { samples: 10, seed: 43 });
  assert.notDeepEqual(other.x[0].data, one.x[0].data);
  assert.notDeepEqual(other.y[0].data, one.y[0].data);
  const more = syntheticData(
    { ...model, outputs: [...model.outputs, { name: 'p', shape: [2], loss: 'hinge' }] },
    { samples: 10, seed: 42 },
  );
  assert.deepEqual(more.x, one.x);
  assert.deepEqual(more.y[0], one.y[0]);
  assert.notDeepEqual(one.x[0].data.subarray(0, 4), one.y[0].data);
});

test('limit: 2^24 values in all are fine, one more is refused naming the array and the limit', () => {
  assert.equal(MAX_VALUES, 16777216);
  const fits = syntheticData(
    {
      inputs: [{ name: 'big', shape: [2 ** 23] }],
      outputs: [{ name: 'ids', shape: [2 ** 23, 2], loss: 'sparse_categorical_crossentropy' }],
    },
    { samples: 1 },
  );
  assert.equal(fits.x[0].data.length + fits.y[0].data.length, MAX_VALUES);
  assert.throws(
    () =>
      syntheticData(
        {
          inputs: [{ name: 'big', shape: [2 ** 23] }],
          outputs: [{ name: 'extra', shape: [2 ** 23 + 1], loss: 'mse' }],
        },
        { samples: 1 },
      ),
    (error) =>
      error instanceof Error && /output 'extra'/.test(error.message) && /16777216/.test(error.message),
  );
  assert.throws(
    () => syntheticData({ inputs: [{ name: 'image', shape: [224, 224, 3] }] }, { samples: 1000 }),
    /input 'image'.*150528000 values, above the limit of 16777216/,
  );
});

test('bad shapes and sample counts are refused with the name', () => {
  assert.throws(
    () => syntheticData({ inputs: [{ name: 'a', shape: [3, 0] }] }, { samples: 2 }),
    /input 'a' needs a shape of positive whole numbers, got \[3,0\]/,
  );
  assert.throws(() => syntheticData({ inputs: [{ name: 'a', shape: [2.5] }] }, { samples: 2 }), /input 'a'/);
  assert.throws(() => syntheticData({ inputs: [{ name: 'a', shape: [3] }] }, { samples: 0 }), /samples/);
  assert.throws(
    () =>
      syntheticData(
        { inputs: [], outputs: [{ name: 'o', shape: /** @type {any} */ (null), loss: 'mse' }] },
        { samples: 2 },
      ),
    /output 'o' needs a shape of positive whole numbers, got null/,
  );
  assert.throws(
    () =>
      syntheticData(
        { inputs: [], outputs: [{ name: 'c', shape: [], loss: 'categorical_crossentropy' }] },
        { samples: 2 },
      ),
    /output 'c' has no class axis/,
  );
});
