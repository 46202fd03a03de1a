// The backprop op through the real wasm module, on the classic worked example (a 2-2-2 sigmoid
// network, inputs 0.05 and 0.10, targets 0.01 and 0.99): the figures the example derives by hand.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { TestSession, loadModule } from './load-module.mjs';

let s;
before(async () => {
  s = new TestSession(await loadModule());
  s.ok({
    op: 'build',
    spec: {
      schema: 1,
      model: {
        type: 'sequential',
        input_shape: [2],
        layers: [
          { type: 'dense', units: 2, activation: 'sigmoid' },
          { type: 'dense', units: 2, activation: 'sigmoid' },
        ],
      },
      compile: { optimizer: { type: 'sgd', learning_rate: 0.5 }, loss: 'mse' },
    },
  });
  // Keras kernels are [in, units]: [[w1, w3], [w2, w4]], then bias b1; [[w5, w7], [w6, w8]], b2.
  s.setArray('w', new Float32Array([0.15, 0.25, 0.2, 0.3, 0.35, 0.35, 0.4, 0.5, 0.45, 0.55, 0.6, 0.6]));
  s.ok({ op: 'set_weights', array: 'w' });
  s.setArray('x', new Float32Array([0.05, 0.1]));
  s.setArray('y', new Float32Array([0.01, 0.99]));
});
after(() => s?.close());

const near = (actual, expected, tolerance = 1e-6) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not ${expected}`);

test('backprop: the worked example through wasm', () => {
  const answer = s.ok({ op: 'backprop', x: ['x'], y: ['y'] });
  near(answer.loss, 0.298371109); // E_total
  const [hidden, output] = answer.layers;
  near(s.getArray(output.arrays.output)[0], 0.75136507); // out_o1
  near(s.getArray(output.arrays.grad_pre_activation)[0], 0.138498562); // delta_o1
  near(s.getArray(hidden.arrays.grad_output)[0], 0.036350306); // dE/dout_h1
  assert.deepEqual(
    output.weights.map((w) => [w.name, w.shape]),
    [
      ['dense_1/kernel', [2, 2]],
      ['dense_1/bias', [2]],
    ],
  );
  near(s.getArray(output.weights[0].array)[0], 0.082167041); // dE/dw5
  near(s.getArray(hidden.weights[0].array)[0], 0.000438568, 1e-7); // dE/dw1
});

test('backprop: a refused sample names its field and writes nothing new', () => {
  s.deleteArray('backprop/dense/output');
  const answer = s.call({ op: 'backprop', x: ['x'], y: ['y'], sample: 1 });
  assert.equal(answer.ok, false);
  assert.equal(answer.error.path, '/sample');
  assert.equal(s.hasArray('backprop/dense/output'), false);
});
