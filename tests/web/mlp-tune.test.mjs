// The MLP lab's live hyper-parameters: which changes become a tune request (and what it holds)
// and which need a new model.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { layerNames, tuneRequest } from '../../web/js/labs/mlp/tune.mjs';
import { defaultState, labView } from '../../web/js/state/schema.mjs';

const base = labView(defaultState(), 'mlp');
const names = layerNames({
  dense: { kernel_regularizer: null, bias_regularizer: null },
  dropout: { rate: 0.2 },
  dense_1: { kernel_regularizer: null, bias_regularizer: null },
  dropout_1: { rate: 0.2 },
  dense_2: { kernel_regularizer: null, bias_regularizer: null },
});

test('tune: layer names exclude the output layer', () => {
  assert.deepEqual(names, { dense: ['dense', 'dense_1'], dropout: ['dropout', 'dropout_1'] });
});

test('tune: learning rate, optimizer, batch, epochs become one tune request', () => {
  const after = { ...base, lr: 0.01, batch: 25, epochs: 50 };
  assert.deepEqual(tuneRequest(['lr', 'batch', 'epochs'], base, after, names), {
    op: 'tune',
    optimizer: { type: 'sgd', learning_rate: 0.01, nesterov: false, momentum: 0 },
    fit: { batch_size: 25, epochs: 50 },
  });
  const adam = tuneRequest(['optimizer'], base, { ...base, optimizer: 'adam' }, names);
  assert.equal(adam.optimizer.type, 'adam');
  const nesterov = tuneRequest(['optimizer'], base, { ...base, optimizer: 'nesterov' }, names);
  assert.deepEqual(nesterov.optimizer, { type: 'sgd', learning_rate: 0.03, momentum: 0.9, nesterov: true });
});

test('tune: regularization and dropout rates go to their layers', () => {
  const reg = tuneRequest(['reg', 'regRate'], base, { ...base, reg: 'l2', regRate: 0.1 }, names);
  assert.deepEqual(reg.layers, {
    dense: { kernel_regularizer: { l2: 0.1 } },
    dense_1: { kernel_regularizer: { l2: 0.1 } },
  });
  const none = tuneRequest(['reg'], { ...base, reg: 'l1' }, base, names);
  assert.deepEqual(none.layers.dense, { kernel_regularizer: null });
  const drop = tuneRequest(['dropout'], { ...base, dropout: 0.2 }, { ...base, dropout: 0.5 }, names);
  assert.deepEqual(drop.layers, { dropout: { rate: 0.5 }, dropout_1: { rate: 0.5 } });
});

test('tune: changes that need a new model give null', () => {
  assert.equal(tuneRequest(['layers'], base, base, names), null);
  assert.equal(tuneRequest(['lr', 'dataset'], base, { ...base, lr: 0.1, dataset: 'xor' }, names), null);
  assert.equal(tuneRequest(['dropout'], base, { ...base, dropout: 0.3 }, names), null, 'dropout switched on');
  assert.equal(tuneRequest(['earlyStop'], base, { ...base, earlyStop: true }, names), null);
  assert.equal(tuneRequest([], base, base, names), null);
});
