// The activations lab's formulas (web/js/labs/activations/formulas.mjs) equal the engine: f(x)
// to 1e-5 against an Activation (or PReLU) layer's predictions on x in [−6, 6], and f′(x) to 1e-3
// against a central difference of those predictions (points within 2h of a kink are skipped).
// Also: the vanishing-gradient document builds, and its sigmoid tower's first-layer gradient is
// orders of magnitude below the ReLU tower's (the lab's claim, measured with the real engine).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { TestSession, loadModule } from './load-module.mjs';
import { ACTIVATIONS, ACTIVATION_IDS, alphaOf } from '../../web/js/labs/activations/formulas.mjs';
import { probeBatch, vanishingDocument } from '../../web/js/labs/activations/document.mjs';

let s;
before(async () => {
  s = new TestSession(await loadModule());
});
after(() => s?.close());

const H = 1e-2;
const KINKED = new Set(['relu', 'leaky_relu', 'prelu', 'elu', 'step']);

/** The one-layer model of activation `id` (softmax reads the 2-vector [x, 0]). */
function activationModel(id, alpha) {
  let layer = { type: 'activation', activation: id };
  if (id === 'prelu') layer = { type: 'prelu', initial_alpha: alpha };
  else if (ACTIVATIONS[id].alpha) layer.activation = { type: id, alpha };
  const inputShape = id === 'softmax' ? [2] : [1];
  return { schema: 1, model: { type: 'sequential', input_shape: inputShape, layers: [layer] } };
}

/** The engine's outputs (first unit) for the inputs xs. */
function enginePredict(id, xs) {
  const wide = id === 'softmax';
  const x = new Float32Array(wide ? 2 * xs.length : xs.length);
  xs.forEach((v, i) => {
    if (wide) x[2 * i] = v;
    else x[i] = v;
  });
  s.setArray('act_x', x);
  const answer = s.ok({ op: 'predict', x: ['act_x'], out: 'act' });
  const out = s.getArray(answer.arrays[0].name);
  return xs.map((_, i) => (wide ? out[2 * i] : out[i]));
}

for (const id of ACTIVATION_IDS) {
  const alphas = ACTIVATIONS[id].alpha ? [alphaOf(id), 0.1] : [undefined];
  for (const alpha of alphas) {
    test(`activation ${id}${alpha === undefined ? '' : ` alpha ${alpha}`}: f and f′ equal the engine`, () => {
      s.ok({ op: 'build', spec: activationModel(id, alpha) });
      const xs = Array.from({ length: 241 }, (_, i) => -6 + i * 0.05);
      const { f, df } = ACTIVATIONS[id];
      const values = enginePredict(id, xs);
      xs.forEach((x, i) => {
        const want = values[i];
        assert.ok(
          Math.abs(f(x, alpha) - want) <= 1e-5 * Math.max(1, Math.abs(want)),
          `${id}(${x}) = ${f(x, alpha)}, engine ${want}`,
        );
      });
      const smooth = xs.filter((x) => !(KINKED.has(id) && Math.abs(x) < 2 * H));
      const plus = enginePredict(
        id,
        smooth.map((x) => x + H),
      );
      const minus = enginePredict(
        id,
        smooth.map((x) => x - H),
      );
      smooth.forEach((x, i) => {
        const numeric = (plus[i] - minus[i]) / (2 * H);
        assert.ok(
          Math.abs(df(x, alpha) - numeric) <= 1e-3 * Math.max(1, Math.abs(numeric)),
          `${id}′(${x}) = ${df(x, alpha)}, central difference ${numeric}`,
        );
      });
    });
  }
}

test("vanishing gradients: the sigmoid tower's first layer gets orders of magnitude less gradient", () => {
  const state = {
    deepAct: 'sigmoid',
    deepDepth: 8,
    seed: 0,
    lr: 0.03,
    optimizer: 'sgd',
    batch: 10,
    epochs: 100,
    samples: 500,
    noise: 0,
    trainRatio: 50,
  };
  const built = s.ok({ op: 'build', spec: vanishingDocument(state) });
  assert.deepEqual(
    built.model.outputs.map((o) => o.name),
    ['deep_out', 'relu_out'],
  );
  s.ok({ op: 'set_data' });
  const { x, y } = probeBatch(0);
  s.setArray('probe_x', x);
  s.setArray('probe_y', y);
  const norms = s.ok({ op: 'probes', x: ['probe_x'], y: ['probe_y', 'probe_y'] }).gradient_norms;
  const norm = (name) => norms.find((g) => g.name === name).norm;
  const ratio = norm('relu_1/kernel') / norm('deep_1/kernel');
  assert.ok(ratio > 1000, `relu_1 / deep_1 kernel gradient norm ratio ${ratio}`);
  // Deeper sigmoid layers get more: the gradient shrinks on its way back to the input.
  assert.ok(norm('deep_8/kernel') > 100 * norm('deep_1/kernel'));
});
