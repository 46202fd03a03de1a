// The images lab's pure parts: the notes' models as documents (names, shapes, parameter counts
// through the engine), what a change tunes live and what rebuilds, the summary as Keras prints
// it, the presets, and what the snapshot's answers give the views.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { imagesDocument, imageLayers } from '../../web/js/labs/images/document.mjs';
import { layerNames, tuneRequest } from '../../web/js/labs/images/tune.mjs';
import { summaryRows } from '../../web/js/labs/images/summary.mjs';
import {
  configureRequest,
  dataKey,
  firstKernel,
  snapshotInfo,
  snapshotInterval,
} from '../../web/js/labs/images/configure.mjs';
import { hiddenLayers, sizeOf, trainCount } from '../../web/js/labs/images/fields.mjs';
import { byteText } from '../../web/js/labs/images/load-status.mjs';
import declaration from '../../web/js/labs/images/index.mjs';
import { imageHints } from '../../web/js/labs/images/hints.mjs';
import { presetState } from '../../web/js/state/presets.mjs';
import { loadModule, root, TestSession } from '../wasm/load-module.mjs';
import fs from 'node:fs';
import path from 'node:path';

/** The images lab's state of preset `name`, in the lab's own names. */
function labState(name) {
  const full = presetState(name);
  return Object.fromEntries(
    Object.entries(full)
      .filter(([key]) => key.startsWith('images.'))
      .map(([key, value]) => [key.slice('images.'.length), value]),
  );
}

test("images document: the notes' relu model, as the notes write it", () => {
  const state = labState('notes-relu');
  const doc = imagesDocument(state);
  assert.deepEqual(doc.model.input_shape, [28, 28]);
  assert.deepEqual(
    doc.model.layers.map((l) => [l.type, l.name, l.units, l.activation]),
    [
      ['flatten', undefined, undefined, undefined],
      ['dense', 'ConcealmentLayer1', 100, 'relu'],
      ['dense', 'OutputLayer', 10, 'softmax'],
    ],
  );
  assert.equal(doc.compile.loss, 'sparse_categorical_crossentropy');
  assert.deepEqual(doc.compile.metrics, ['accuracy']);
  assert.equal(doc.compile.optimizer.type, 'adam');
  assert.equal(doc.compile.optimizer.learning_rate, 0.001);
  assert.equal(doc.fit.batch_size, 32);
  assert.equal(doc.fit.validation_split, 0.2);
  assert.equal(doc.fit.augmentation, undefined);
  assert.deepEqual(imagesDocument(state, { augmentation: { rotation_range: 10 } }).fit.augmentation, {
    rotation_range: 10,
  });
});

test('images document: the single-layer and sigmoid models; dropout, batch norm, L2, PReLU', () => {
  const single = imagesDocument(labState('notes-single')).model.layers;
  assert.deepEqual(
    single.map((l) => l.name ?? l.type),
    ['flatten', 'OutputLayer'],
  );
  const sigmoid = imagesDocument(labState('notes-sigmoid-rmsprop'));
  assert.deepEqual(
    sigmoid.model.layers.slice(1).map((l) => `${l.name}:${l.units}:${l.activation}`),
    ['ConcealmentLayer1:200:sigmoid', 'ConcealmentLayer2:200:sigmoid', 'OutputLayer:10:softmax'],
  );
  assert.equal(sigmoid.compile.optimizer.type, 'rmsprop');
  const state = {
    ...labState('notes-relu'),
    dropout: 0.3,
    batchNorm: true,
    reg: 'l2',
    regRate: 0.01,
    activation: 'prelu',
  };
  const layers = imageLayers(state);
  assert.deepEqual(
    layers.map((l) => l.type),
    ['dense', 'prelu', 'batch_normalization', 'dropout', 'dense'],
  );
  assert.equal(layers[0].activation, 'linear');
  assert.deepEqual(layers[0].kernel_regularizer, { l2: 0.01 });
  assert.deepEqual(layers.at(-1).kernel_regularizer, { l2: 0.01 }, 'the output kernel is penalized too');
});

test('images document: the engine builds every preset with the parameter counts Keras gives', async () => {
  const module = await loadModule();
  const expected = {
    'notes-relu': 79510, // 784·100 + 100 + 100·10 + 10
    'notes-single': 7850, // 784·10 + 10
    'notes-sigmoid-sgd': 199210, // 784·200 + 200 + 200·200 + 200 + 200·10 + 10
    'notes-dropout-bn': 79910, // + BatchNormalization's 4 × 100
  };
  for (const [name, params] of Object.entries(expected)) {
    const session = new TestSession(module);
    const answer = session.ok({ op: 'build', spec: imagesDocument(labState(name)) });
    assert.equal(answer.model.params, params, name);
    session.close();
  }
  for (const name of Object.keys(declaration.presets)) {
    const session = new TestSession(module);
    session.ok({ op: 'build', spec: imagesDocument(labState(name)) });
    session.close();
  }
});

test('images tune: live hyper-parameters are tuned, the rest rebuilds', () => {
  const before = labState('notes-relu');
  const names = layerNames({
    ConcealmentLayer1: { kernel_regularizer: null, bias_regularizer: null },
    OutputLayer: { kernel_regularizer: null, bias_regularizer: null },
    dropout: { rate: 0.2 },
  });
  assert.deepEqual(names, { dense: ['ConcealmentLayer1', 'OutputLayer'], dropout: ['dropout'] });
  const lr = tuneRequest(['lr'], before, { ...before, lr: 0.01 }, names);
  assert.equal(lr.optimizer.learning_rate, 0.01);
  assert.equal(lr.optimizer.type, 'adam');
  const reg = tuneRequest(['reg'], before, { ...before, reg: 'l2' }, names);
  assert.deepEqual(reg.layers, {
    ConcealmentLayer1: { kernel_regularizer: { l2: 0.001 } },
    OutputLayer: { kernel_regularizer: { l2: 0.001 } },
  });
  const withDropout = { ...before, dropout: 0.2 };
  assert.deepEqual(tuneRequest(['dropout'], withDropout, { ...withDropout, dropout: 0.4 }, names).layers, {
    dropout: { rate: 0.4 },
  });
  assert.equal(
    tuneRequest(['dropout'], before, withDropout, names),
    null,
    'switching dropout on adds a layer',
  );
  assert.deepEqual(tuneRequest(['batch', 'epochs'], before, { ...before, batch: 64, epochs: 5 }, names).fit, {
    batch_size: 64,
    epochs: 5,
  });
  for (const key of ['units1', 'hiddenLayers', 'activation', 'batchNorm', 'trainImages', 'seed', 'init']) {
    assert.equal(tuneRequest([key], before, before, names), null, `${key} rebuilds`);
  }
  const augmentationKeys = new Set(['rotation']);
  const aug = tuneRequest(['rotation'], before, before, names, {
    augmentationKeys,
    augmentation: { rotation_range: 15 },
  });
  assert.deepEqual(aug.fit, { augmentation: { rotation_range: 15 } });
});

test('images summary: rows and totals as Keras prints them', () => {
  const t = (key, params) => `${key}:${params.n}`;
  const { rows, totals } = summaryRows(
    {
      params: 79910,
      trainable: 79710,
      layers: [
        { name: 'flatten', type: 'Flatten', outputShape: [784], params: 0 },
        { name: 'ConcealmentLayer1', type: 'Dense', outputShape: [100], params: 78500 },
        { name: 'batch_normalization', type: 'BatchNormalization', outputShape: [100], params: 400 },
      ],
    },
    t,
  );
  assert.deepEqual(rows[1], ['ConcealmentLayer1 (Dense)', '(None, 100)', '78,500']);
  assert.deepEqual(totals, [
    'img.totalParams:79,910',
    'img.trainableParams:79,710',
    'img.nonTrainableParams:200',
  ]);
});

test('images fields: hidden layers, the size asked for, the training images used', () => {
  assert.deepEqual(hiddenLayers({ hiddenLayers: 2, units1: 64, units2: 32, units3: 8 }), [
    { name: 'ConcealmentLayer1', units: 64 },
    { name: 'ConcealmentLayer2', units: 32 },
  ]);
  assert.equal(sizeOf({ dataset: 'digits', size: 'full' }), 'default', 'the digits have one size');
  assert.equal(sizeOf({ dataset: 'fashion', size: 'full' }), 'full');
  assert.equal(trainCount({ subset: false, trainImages: 1000 }, 11000), 11000);
  assert.equal(trainCount({ subset: true, trainImages: 1000 }, 11000), 1000);
  assert.equal(trainCount({ subset: true, trainImages: 20000 }, 8504), 8504);
  assert.equal(declaration.relevant('units2', { hiddenLayers: 1 }), false);
  assert.equal(declaration.relevant('units2', { hiddenLayers: 2 }), true);
  assert.equal(declaration.relevant('activation', { hiddenLayers: 0 }), false);
  assert.equal(declaration.relevant('size', { dataset: 'digits' }), false);
  assert.equal(byteText(5684876), '5.7 MB');
  assert.equal(snapshotInterval(2000), 1000, 'the default subset: once a second');
  assert.equal(snapshotInterval(10000), 5000, 'the full test part: every 5 s');
  assert.equal(snapshotInterval(500), 1000);
  assert.equal(byteText(869860), '870 KB');
});

test('images snapshot: the first kernel, the test and the drawing probabilities', () => {
  const weights = Float32Array.from({ length: 784 * 2 + 2 + 2 * 10 + 10 }, (_, i) => i);
  const kernel = firstKernel(
    {
      weights: [
        { name: 'ConcealmentLayer1/kernel', shape: [784, 2], offset: 0 },
        { name: 'ConcealmentLayer1/bias', shape: [2], offset: 1568 },
        { name: 'OutputLayer/kernel', shape: [2, 10], offset: 1570 },
      ],
    },
    weights,
  );
  assert.equal(kernel.units, 2);
  assert.equal(kernel.layer, 'ConcealmentLayer1');
  assert.equal(kernel.values.length, 1568);
  const requests = [
    { op: 'get_weights', out: 'weights' },
    { op: 'predict', x: ['test_x'], out: 'test' },
    { op: 'predict', x: ['pad_x'], out: 'pad' },
  ];
  const info = snapshotInfo(requests, {
    answers: [
      { array: 'weights', weights: [{ name: 'OutputLayer/kernel', shape: [784, 10], offset: 0 }] },
      { arrays: [{ name: 'test/0', shape: [2, 10] }] },
      { arrays: [{ name: 'pad/0', shape: [1, 10] }] },
    ],
    arrays: {
      weights: new Float32Array(7850),
      'test/0': new Float32Array(20).fill(0.1),
      'pad/0': new Float32Array(10).fill(0.1),
    },
  });
  assert.equal(info.kernel.layer, 'OutputLayer', 'with no hidden layer the output layer reads the pixels');
  assert.equal(info.probabilities.length, 20);
  assert.equal(info.pad.length, 10);
});

test('images hints: a stall names its likely cause, else offers the notes model', () => {
  const state = labState('notes-relu');
  assert.deepEqual(imageHints(state, { stalled: false }), []);
  const stalled = { stalled: true, baseline: Math.log(10) };
  assert.deepEqual(imageHints(state, stalled), [
    { code: 'imgStalled', args: { baseline: '2.30' }, preset: 'notes-relu' },
  ]);
  assert.equal(imageHints({ ...state, reg: 'l2', regRate: 1 }, stalled)[0].code, 'imgStallRegularization');
  assert.equal(imageHints({ ...state, dropout: 0.8 }, stalled)[0].code, 'imgStallDropout');
  assert.equal(imageHints({ ...state, lr: 3 }, stalled)[0].code, 'imgStallRate');
  for (const lang of ['en', 'ko']) {
    for (const code of ['imgStalled', 'imgStallRegularization', 'imgStallDropout', 'imgStallRate']) {
      assert.ok(declaration.strings[lang][`hint.${code}`], `${lang} hint.${code}`);
    }
    assert.ok(declaration.strings[lang]['hint.imgStalled.action']);
  }
});

test('images configure: the arrays of the images used, or the drawing only', () => {
  const part = (count) => ({
    count,
    labels: Uint8Array.from({ length: count }, (_, i) => i % 10),
    pixels: new Uint8Array(count * 784).fill(255),
  });
  const set = { dataset: 'fashion', size: 'default', train: part(300), test: part(50) };
  const state = { ...labState('notes-relu'), subset: true, trainImages: 200 };
  const full = configureRequest(state, set);
  assert.equal(full.arrays.train_x.length, 200 * 784);
  assert.equal(full.arrays.train_x[0], 1, 'pixels scaled by 1/255');
  assert.equal(full.arrays.test_y.length, 50);
  assert.equal(full.arrays.pad_x.length, 784);
  assert.deepEqual(full.counts, { train: 200, test: 50 });
  assert.equal(full.dataKey, 'fashion/default/200');
  assert.equal(dataKey({ ...state, subset: false }, set), 'fashion/default/300');
  const model = configureRequest({ ...state, units1: 50 }, set, { images: false });
  assert.deepEqual(Object.keys(model.arrays), ['pad_x'], 'a new model on the same images');
  assert.equal(model.dataKey, full.dataKey);
  assert.deepEqual(model.setup[1], { op: 'set_data', train: { x: ['train_x'], y: ['train_y'] } });
});

test("images presets: fashion-mlp opens the served document's model, compile and fit", () => {
  const served = JSON.parse(fs.readFileSync(path.join(root, 'docs', 'presets', 'fashion-mlp.json'), 'utf8'));
  const doc = imagesDocument(labState('fashion-mlp'));
  const dense = (layers) => layers.filter((l) => l.type === 'dense').map((l) => [l.units, l.activation]);
  assert.deepEqual(dense(doc.model.layers), dense(served.model.layers));
  assert.equal(doc.model.layers[0].type, 'flatten');
  assert.equal(doc.compile.optimizer.type ?? doc.compile.optimizer, served.compile.optimizer);
  assert.equal(doc.compile.loss, served.compile.loss);
  assert.deepEqual(doc.compile.metrics, served.compile.metrics);
  assert.equal(doc.fit.epochs, served.fit.epochs);
  assert.equal(doc.fit.batch_size, served.fit.batch_size);
  // The served file's 20 % validation part is in its data; the lab's in validation_split.
  assert.equal(doc.fit.validation_split, served.data.validation_fraction);
});
