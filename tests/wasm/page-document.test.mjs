// web/js/model/document.mjs against the real engine (web/engine/): every MLP document variant
// the controls can produce (each optimizer, loss, activation, initializer, regularizer, dropout,
// batch norm, dataset, feature set) builds, takes its data and trains a batch; plus the
// shapes of the mapping (output layer, optimizer options, data section).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { TestSession, loadModule } from './load-module.mjs';
import { FIELD, defaultState, labView } from '../../web/js/state/schema.mjs';
import { PRESETS, presetState } from '../../web/js/state/presets.mjs';
import {
  dataSection,
  mlpDocument,
  outputLayer,
  optimizerSection,
  taskOf,
} from '../../web/js/model/document.mjs';

let session;
before(async () => {
  session = new TestSession(await loadModule());
});
after(() => session?.close());

const base = labView(defaultState(), 'mlp');
const state = (partial) => ({ ...base, ...partial });

/** Builds the document, sets its data (custom: the points as arrays) and trains one batch. */
function runs(partial) {
  const s = state(partial);
  const document = mlpDocument(s);
  const label = JSON.stringify(partial);
  const built = session.call({ op: 'build', spec: document });
  assert.ok(built.ok, `${label}: build: ${JSON.stringify(built.error)}`);
  let data;
  if (s.dataset === 'custom') {
    session.setArray('px', Float32Array.from(s.points.flatMap((p) => [p[0], p[1]])));
    session.setArray('py', Float32Array.from(s.points.map((p) => p[2])));
    data = session.call({ op: 'set_data', points: { x: 'px', y: 'py' } });
    if (!data.ok && /points|unknown/.test(data.error.message + data.error.path)) return; // engine without points
  } else {
    data = session.call({ op: 'set_data' });
  }
  assert.ok(data.ok, `${label}: set_data: ${JSON.stringify(data.error)}`);
  const trained = session.call({ op: 'train', batches: 1 });
  assert.ok(trained.ok, `${label}: train: ${JSON.stringify(trained.error)}`);
}

test('document: every optimizer', () => {
  for (const optimizer of FIELD['mlp.optimizer'].options) runs({ optimizer });
});

test('document: every loss on two classes, blobs and regression', () => {
  for (const loss of FIELD['mlp.loss'].options) {
    for (const dataset of ['circle', 'blobs', 'regress_plane']) runs({ loss, dataset });
  }
});

test('document: every activation, initializer, regularizer', () => {
  for (const activation of FIELD['mlp.activation'].options) {
    runs({
      layers: [
        { units: 3, activation },
        { units: 2, activation },
      ],
    });
  }
  for (const init of FIELD['mlp.init'].options) runs({ init });
  for (const reg of FIELD['mlp.reg'].options) runs({ reg, regRate: 0.01 });
});

test('document: dropout, batch norm, early stopping, no hidden layer', () => {
  runs({ dropout: 0.3 });
  runs({ batchNorm: true });
  runs({ batchNorm: true, dropout: 0.5, layers: [{ units: 4, activation: 'prelu' }] });
  runs({ earlyStop: true, patience: 3 });
  runs({ layers: [] });
});

test('document: every dataset, noise and feature sets', () => {
  for (const dataset of FIELD['mlp.dataset'].options.filter((d) => d !== 'custom')) {
    runs({ dataset, noise: 50 });
  }
  runs({ dataset: 'blobs', classes: 8, samples: 10 });
  for (const features of [['x1'], ['x1sq', 'x2sq'], FIELD['mlp.features'].options]) runs({ features });
  runs({ trainRatio: 10 });
  runs({ trainRatio: 90, samples: 10 });
});

test('document: custom points as classes and as values', () => {
  const classes = [
    [1, 1, 0],
    [-1, -1, 1],
    [2, -1, 2],
    [0.5, 0.5, 0],
    [-2, 1, 1],
    [1, -2, 2],
  ];
  runs({ dataset: 'custom', points: classes });
  assert.deepEqual(taskOf(state({ dataset: 'custom', points: classes })), {
    task: 'classification',
    classes: 3,
  });
  const values = [
    [1, 1, 0.5],
    [-1, -1, -0.25],
    [2, -1, 0],
    [0.5, 0.5, 1],
  ];
  runs({ dataset: 'custom', points: values });
  assert.equal(taskOf(state({ dataset: 'custom', points: values })).task, 'regression');
  assert.equal(dataSection(state({ dataset: 'custom', points: values })).name, 'regress_plane');
});

test('document: every MLP preset builds and trains', () => {
  for (const name of Object.keys(PRESETS)) {
    const s = presetState(name);
    if (s.lab === 'mlp') runs(labView(s, 'mlp'));
  }
});

test('document: output layer and optimizer mapping', () => {
  const two = { task: 'classification', classes: 2 };
  assert.deepEqual(outputLayer(state({}), two), { type: 'dense', units: 1, activation: 'sigmoid' });
  assert.equal(outputLayer(state({ loss: 'categorical_crossentropy' }), two).units, 2);
  assert.equal(outputLayer(state({}), { task: 'classification', classes: 5 }).units, 5);
  assert.equal(outputLayer(state({}), { task: 'regression', classes: 0 }).activation, 'linear');
  assert.deepEqual(optimizerSection(state({ optimizer: 'nesterov', lr: 0.1 })), {
    type: 'sgd',
    learning_rate: 0.1,
    momentum: 0.9,
    nesterov: true,
  });
  assert.equal(optimizerSection(state({ optimizer: 'adamw' })).weight_decay, 0.004);
  const doc = mlpDocument(state({ noise: 25, trainRatio: 70, features: ['x1', 'x1x2'], earlyStop: true }));
  assert.deepEqual(doc.data, {
    name: 'circle',
    n: 500,
    noise: 0.25,
    seed: 0,
    validation_fraction: 0.3,
    inputs: [['x1', 'x1*x2']],
  });
  assert.deepEqual(doc.fit.callbacks, [
    { type: 'early_stopping', monitor: 'val_loss', patience: 20, restore_best_weights: true },
  ]);
  assert.deepEqual(doc.model.input_shape, [2]);
});
