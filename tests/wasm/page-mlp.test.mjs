// The MLP lab's pure modules: snapshot -> network view data (Dense kernels/biases by Keras
// layout, grid maps per column), points <-> typed arrays, feature maps, network edits, and the
// configure request (grid with neurons; custom points as arrays; too few points -> null).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { columnMaps, denseWeights, networkData } from '../../web/js/labs/mlp/snapshot-model.mjs';
import { arraysToPoints, configuredToPoints, featureMap, pointsToArrays } from '../../web/js/data/points.mjs';
import { addLayer, removeLayer, resizeLayer, setActivation } from '../../web/js/labs/mlp/network-edits.mjs';
import { GRID, configureRequest } from '../../web/js/labs/mlp/configure.mjs';
import { defaultState, labView } from '../../web/js/state/schema.mjs';

const LAYOUT = [
  { name: 'dense/kernel', shape: [2, 4], offset: 0 },
  { name: 'dense/bias', shape: [4], offset: 8 },
  { name: 'batch_normalization/gamma', shape: [4], offset: 12 },
  { name: 'dense_1/kernel', shape: [4, 2], offset: 16 },
  { name: 'dense_1/bias', shape: [2], offset: 24 },
  { name: 'dense_2/kernel', shape: [2, 1], offset: 26 },
  { name: 'dense_2/bias', shape: [1], offset: 28 },
];

test('mlp: denseWeights picks Dense kernels and their biases in layer order', () => {
  const { kernels, biases } = denseWeights(LAYOUT);
  assert.deepEqual(kernels, [
    { offset: 0, rows: 2, cols: 4 },
    { offset: 16, rows: 4, cols: 2 },
    { offset: 26, rows: 2, cols: 1 },
  ]);
  assert.deepEqual(biases, [{ offset: 8 }, { offset: 24 }, { offset: 28 }]);
});

test('mlp: columnMaps puts hidden layers first and the outputs last', () => {
  const maps = [
    { layer: 'dense_2', unit: 0, offset: 0 },
    { layer: 'dense', unit: 0, offset: 2500 },
    { layer: 'dense', unit: 1, offset: 5000 },
    { layer: 'dense_1', unit: 0, offset: 7500 },
  ];
  assert.deepEqual(columnMaps(maps), [[2500, 5000], [7500], [0]]);
  assert.deepEqual(columnMaps([]), []);
  const data = networkData(
    { weights: new Float32Array(29), weightLayout: LAYOUT, grid: { maps } },
    { unitOutputs: true },
  );
  assert.equal(data.kernels.length, 3);
  assert.deepEqual(data.maps.at(-1), [0]);
  assert.equal(data.unitOutputs, true);
});

test('mlp: points <-> arrays round trip; configured points join train and validation', () => {
  const points = [
    [1.5, -2, 0],
    [0.25, 3, 1],
  ];
  const arrays = pointsToArrays(points);
  assert.deepEqual([...arrays.x], [1.5, -2, 0.25, 3]);
  assert.deepEqual([...arrays.y], [0, 1]);
  assert.deepEqual(arraysToPoints(arrays), points);
  assert.deepEqual(configuredToPoints({ train: arrays, validation: pointsToArrays([[4, 4, 1]]) }), [
    ...points,
    [4, 4, 1],
  ]);
  assert.deepEqual(configuredToPoints(null), []);
});

test('mlp: feature maps are scaled to [-1, 1] with row 0 at the top', () => {
  const x2 = featureMap('x2', { resolution: 5 });
  assert.equal(x2[0], 1); // top row: x2 = 6
  assert.equal(x2[4 * 5], -1); // bottom row: x2 = -6
  const x1 = featureMap('x1', { resolution: 5 });
  assert.deepEqual([...x1.slice(0, 5)], [-1, -0.5, 0, 0.5, 1]);
  const sq = featureMap('x1sq', { resolution: 5 });
  assert.equal(Math.min(...sq), 0);
  assert.equal(Math.max(...sq), 1);
});

test('mlp: network edits stay within the schema limits', () => {
  let layers = [{ units: 4, activation: 'tanh' }];
  layers = addLayer(layers, 'relu');
  assert.deepEqual(layers[1], { units: 4, activation: 'relu' });
  assert.deepEqual(addLayer([], 'tanh'), [{ units: 4, activation: 'tanh' }]);
  assert.equal(addLayer(Array(16).fill(layers[0]), 'tanh').length, 16);
  assert.equal(resizeLayer(layers, 0, -10)[0].units, 1);
  assert.equal(resizeLayer([{ units: 64, activation: 'tanh' }], 0, +1)[0].units, 64);
  assert.equal(setActivation(layers, 1, 'elu')[1].activation, 'elu');
  assert.deepEqual(removeLayer(layers), [layers[0]]);
});

test('mlp: configureRequest builds, sets the data, asks for points, snapshots weights and maps', () => {
  const state = labView(defaultState(), 'mlp');
  const generated = configureRequest(state);
  assert.deepEqual(
    generated.setup.map((r) => r.op),
    ['build', 'set_data', 'points'],
  );
  assert.equal(generated.setup[0].spec.model.layers.length, 3);
  assert.deepEqual(generated.arrays, {});
  const [weights, grid, neurons] = generated.snapshot;
  assert.equal(weights.op, 'get_weights');
  assert.deepEqual(
    { x: grid.x_range, y: grid.y_range, resolution: grid.resolution, neurons: grid.neurons },
    { x: GRID.xRange, y: GRID.yRange, resolution: GRID.resolution, neurons: false },
  );
  assert.deepEqual(grid.features, generated.setup[0].spec.data.inputs[0]);
  // Every neuron's map on the coarser grid the thumbnails draw.
  assert.deepEqual(
    { op: neurons.op, resolution: neurons.resolution, neurons: neurons.neurons, out: neurons.out },
    { op: 'grid', resolution: GRID.neuronResolution, neurons: true, out: 'neurons' },
  );
  assert.deepEqual(neurons.features, grid.features);

  const custom = configureRequest({
    ...state,
    dataset: 'custom',
    points: [
      [1, 1, 0],
      [2, 2, 1],
      [3, 3, 1],
    ],
  });
  assert.deepEqual(custom.setup[1], { op: 'set_data', points: { x: 'points_x', y: 'points_y' } });
  assert.deepEqual([...custom.arrays.points_y], [0, 1, 1]);
  assert.equal(custom.arrays.points_x.length, 6);
  assert.equal(configureRequest({ ...state, dataset: 'custom', points: [[1, 1, 0]] }), null);
});
