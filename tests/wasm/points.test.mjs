// The points op and set_data points through the wasm module: the page's way to draw and edit
// the 2-D points behind the data.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { TestSession, loadModule } from './load-module.mjs';

let s;
before(async () => {
  s = new TestSession(await loadModule());
});
after(() => s?.close());

/** 2 -> Dense(1, linear) with the perceptron loss on `data`. */
function perceptronDoc(data) {
  return {
    schema: 1,
    model: { type: 'sequential', input_shape: [2], layers: [{ type: 'dense', units: 1 }] },
    compile: { optimizer: { type: 'sgd', learning_rate: 1 }, loss: 'perceptron' },
    fit: { epochs: 10, batch_size: 1, shuffle: false },
    data,
  };
}

test('points: a gate answers its four points as arrays', () => {
  s.ok({ op: 'build', spec: perceptronDoc({ name: 'gate_and' }) });
  const answer = s.ok({ op: 'points', out: 'gate' });
  assert.equal(answer.train, 4);
  assert.equal(answer.validation, 0);
  assert.equal(answer.kind, 'classes');
  assert.equal(answer.classes, 2);
  assert.deepEqual(answer.arrays, {
    train_x: 'gate_train_x',
    train_y: 'gate_train_y',
    validation_x: 'gate_validation_x',
    validation_y: 'gate_validation_y',
  });
  assert.deepEqual(s.getArray('gate_train_x'), new Float32Array([0, 0, 0, 1, 1, 0, 1, 1]));
  assert.deepEqual(s.getArray('gate_train_y'), new Float32Array([0, 0, 0, 1]));
  assert.equal(s.getArray('gate_validation_x').length, 0);
});

test('points: set_data points splits and trains like a dataset', () => {
  const data = { name: 'linear', n: 20, seed: 2, validation_fraction: 0.25 };
  s.ok({ op: 'build', spec: perceptronDoc(data) });
  const x = new Float32Array(40);
  const y = new Float32Array(20);
  for (let i = 0; i < 20; i += 1) {
    x[2 * i] = (i % 5) - 2;
    x[2 * i + 1] = Math.floor(i / 5) - 1.5;
    y[i] = x[2 * i] + x[2 * i + 1] > 0 ? 1 : 0;
  }
  s.setArray('px', x);
  s.setArray('py', y);
  const set = s.ok({ op: 'set_data', points: { x: 'px', y: 'py' } });
  assert.equal(set.samples, 15);
  assert.equal(set.validation_samples, 5);
  const answer = s.ok({ op: 'points' });
  assert.equal(answer.train, 15);
  assert.equal(answer.validation, 5);
  const all = [...s.getArray('points_train_x'), ...s.getArray('points_validation_x')];
  assert.equal(all.length, 40);
  assert.deepEqual(
    all.slice().sort((a, b) => a - b),
    [...x].sort((a, b) => a - b),
  );
  const trained = s.ok({ op: 'train', batches: 150 });
  assert.equal(trained.finished, true);
});

test('points: a bad label names the row', () => {
  s.ok({ op: 'build', spec: perceptronDoc({ name: 'xor', n: 8 }) });
  s.setArray('px', new Float32Array(16));
  s.setArray('py', new Float32Array([0, 1, 1, 0, 0, 1, 1, 2.5]));
  const before = s.ok({ op: 'points' });
  const answer = s.call({ op: 'set_data', points: { x: 'px', y: 'py' } });
  assert.equal(answer.ok, false);
  assert.equal(answer.error.path, '/points/y');
  assert.equal(answer.error.message, 'row 7: label 2.5 is not a class id (an integer 0..1)');
  assert.deepEqual(s.ok({ op: 'points' }), before);
});

test('points: arrays as data have no points', () => {
  s.setArray('ax', new Float32Array([0, 0, 1, 1]));
  s.setArray('ay', new Float32Array([0, 1]));
  s.ok({ op: 'set_data', train: { x: ['ax'], y: ['ay'] } });
  const answer = s.call({ op: 'points' });
  assert.equal(answer.ok, false);
  assert.match(answer.error.message, /not 2-D points/);
});
