// What the MLP lab shows of the engine's logs: the chart's per-epoch values (the data loss is
// Keras's `loss` minus the engine's `regularization_loss`) and the snapshot's evaluate answers.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { epochValues } from '../../web/js/views/metrics-chart-view.mjs';
import { configureRequest, snapshotInfo } from '../../web/js/labs/mlp/configure.mjs';

test('epochValues: the penalty is taken out of the losses and shown apart', () => {
  const v = epochValues({
    loss: 25,
    regularization_loss: 24.5,
    val_loss: 14,
    val_regularization_loss: 13.75,
  });
  assert.deepEqual(v, {
    train: 0.5,
    test: 0.25,
    penalty: 24.5,
    total: 25,
    accuracy: null,
    val_accuracy: null,
  });
});

test('epochValues: without a regularizer the losses are Keras’s and there is no penalty', () => {
  const v = epochValues({ loss: 0.5, val_loss: null, accuracy: 0.75, val_accuracy: 0.5 });
  assert.deepEqual(v, {
    train: 0.5,
    test: null,
    penalty: null,
    total: null,
    accuracy: 0.75,
    val_accuracy: 0.5,
  });
});

test('the snapshot evaluates the weights on the training and the test data', () => {
  const { snapshot } = configureRequest({ dataset: 'circle', features: ['x1', 'x2'], layers: [] });
  assert.deepEqual(snapshot.slice(-2), [{ op: 'evaluate', data: 'train' }, { op: 'evaluate' }]);
  const answers = snapshot.map(() => ({ ok: true }));
  answers[snapshot.length - 2] = { ok: true, logs: { loss: 0.4 }, on: 'train' };
  answers[snapshot.length - 1] = { ok: true, logs: { loss: 0.6 }, on: 'validation' };
  assert.deepEqual(snapshotInfo(snapshot, { answers, arrays: {} }).losses, {
    train: { loss: 0.4 },
    test: { loss: 0.6 },
  });
  // No test part: the default evaluate ran on the training data, so there is no test loss.
  answers[snapshot.length - 1] = { ok: true, logs: { loss: 0.4 }, on: 'train' };
  assert.equal(snapshotInfo(snapshot, { answers, arrays: {} }).losses.test, null);
});
