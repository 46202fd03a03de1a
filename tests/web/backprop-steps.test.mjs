// The backprop lab's step list from a recorded engine snapshot of the worked example
// (tests/fixtures/backprop/): the order of the steps (forward layer by layer, the loss, backward
// from the outputs to the inputs, the update), the written-out products and their checks, the
// weight names w1..w8, the formatting, and a ✗ when the page and the engine disagree.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';

import { readPass } from '../../web/js/labs/backprop/pass.mjs';
import { allChecks, buildSteps, check, updateAgreement } from '../../web/js/labs/backprop/steps.mjs';
import { networkShape, weightList } from '../../web/js/labs/backprop/network.mjs';
import { num, result, shortFloat32, stepHtml } from '../../web/js/labs/backprop/format.mjs';
import { hiddenLayersText, parseHiddenLayers, parseNumberList } from '../../web/js/labs/backprop/parse.mjs';
import { diagramData } from '../../web/js/labs/backprop/view-model.mjs';

const recorded = JSON.parse(
  fs.readFileSync(new URL('../fixtures/backprop/backprop-worked-example.json', import.meta.url), 'utf8'),
);
const event = {
  answers: recorded.answers,
  arrays: Object.fromEntries(Object.entries(recorded.arrays).map(([k, v]) => [k, Float32Array.from(v)])),
};
const { state } = recorded;
const shape = networkShape(state);
const pass = readPass(recorded.requests, event);
const steps = buildSteps(pass, shape, { loss: 'mse', lr: state.lr, targets: state.targetValues });
const t = (key, params) => `${key}${params ? JSON.stringify(params) : ''}`;
const near = (actual, expected, tolerance = 1e-6) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not ${expected}`);

test('backprop steps: forward neuron by neuron, loss, backward output to input, update', () => {
  assert.deepEqual(
    steps.map((s) => `${s.kind}:${s.name ?? ''}`),
    [
      'forward:h1',
      'forward:h2',
      'forward:o1',
      'forward:o2',
      'loss:',
      'backward:o1',
      'backward:o2',
      'backward:h1',
      'backward:h2',
      'update:',
    ],
  );
  assert.deepEqual(
    steps.map((s) => s.node),
    ['n1-0', 'n1-1', 'n2-0', 'n2-1', 'loss', 'n2-0', 'n2-1', 'n1-0', 'n1-1', null],
  );
});

test('backprop steps: the worked example names w1..w8 as the notes do', () => {
  const names = weightList(shape).map((w) => w.name);
  // get_weights order: kernel [in, units] row-major [[w1, w3], [w2, w4]], bias, then layer 2
  assert.deepEqual(names, [
    'w1',
    'w3',
    'w2',
    'w4',
    'b[h1]',
    'b[h2]',
    'w5',
    'w7',
    'w6',
    'w8',
    'b[o1]',
    'b[o2]',
  ]);
  const h1 = steps[0];
  assert.deepEqual(
    h1.terms.map((term) => [term.weight, term.w, term.a]),
    [
      ['w1', Math.fround(0.15), Math.fround(0.05)],
      ['w2', Math.fround(0.2), Math.fround(0.1)],
    ],
  );
  near(h1.z.page, 0.3775);
  const o1 = steps[5];
  assert.deepEqual(
    o1.grads.map((g) => [g.weight, g.from]),
    [
      ['w5', 'h1'],
      ['w6', 'h2'],
      ['b[o1]', null],
    ],
  );
});

test('backprop steps: the products equal the engine’s, with the classic figures', () => {
  assert.ok(allChecks(steps).every((c) => c.ok));
  near(steps[4].value.engine, 0.298371109);
  const o1 = steps[5];
  near(o1.upstream.value.page, 0.74136507); // ∂E/∂out_o1 = 2(o − t)/2
  near(o1.local, 0.186815602); // out(1 − out)
  near(o1.delta.page, 0.138498562);
  near(o1.grads[0].value.page, 0.082167041); // ∂E/∂w5
  const h1 = steps[7];
  assert.deepEqual(
    h1.upstream.terms.map((k) => [k.to, k.weight]),
    [
      ['o1', 'w5'],
      ['o2', 'w7'],
    ],
  );
  near(h1.upstream.value.page, 0.036350306);
  near(h1.grads[0].value.page, 0.000438568, 1e-9); // ∂E/∂w1
  const update = steps.at(-1);
  near(update.rows.find((r) => r.weight === 'w5').next, 0.35891648);
  near(update.rows.find((r) => r.weight === 'w1').next, 0.14978072);
});

test('backprop steps: written out with the engine’s numbers, ✓ or ✗ with both values', () => {
  const html = stepHtml(steps[5], t);
  assert.match(
    html,
    /∂E\/∂w5 = δ<sub>o1<\/sub> · a<sub>h1<\/sub> = 0\.13849856 × 0\.59327 = <b class="bp-value">0\.082167044<\/b>/,
  );
  assert.equal((html.match(/data-check="ok"/g) ?? []).length, 2 + 3, '∂E/∂a, δ and three ∂E/∂w');
  const bad = result(check(0.5, 0.25), t);
  assert.match(bad, /data-check="bad"/);
  assert.match(bad, /0\.5/);
  assert.match(bad, /"engine":"0\.25"/);
  assert.match(stepHtml(steps[4], t), /bp\.mseNoteTwo/);
  assert.match(stepHtml(steps.at(-1), t), /<tr data-weight="w5"><th scope="row">w5<\/th><td>0\.4<\/td>/);
});

test('backprop format: float32 values print short, computed ones with nine digits', () => {
  assert.equal(num(Math.fround(0.4)), '0.4');
  assert.equal(num(Math.fround(-0.038098235)), '−0.038098235');
  assert.equal(num(0.4 - 0.5 * 0.082167041), '0.35891648');
  assert.equal(num(1 / 3), '0.333333333');
  assert.equal(num(Infinity), '∞');
  assert.equal(num(0), '0');
  assert.equal(shortFloat32(Math.fround(0.4)), 0.4);
  assert.equal(shortFloat32(0.14978072), 0.14978072);
});

test('backprop steps: the update check compares the engine’s new weights', () => {
  const after = pass.weights.map((w, i) => w - state.lr * pass.grads[i]);
  assert.ok(updateAgreement(pass, after, state.lr).ok);
  const off = Float32Array.from(after);
  off[6] += 1e-3;
  const agreement = updateAgreement(pass, off, state.lr);
  assert.equal(agreement.ok, false);
  near(agreement.worst, 1e-3, 1e-7);
});

test('backprop diagram data: values appear as the steps reach them', () => {
  const at = (k) => diagramData(shape, pass, steps, k, t);
  const first = at(0);
  assert.equal(first.current, 'n1-0');
  assert.deepEqual(first.columns[1][0].lines, ['z 0.3775', 'a 0.5933']);
  assert.deepEqual(first.columns[2][0].lines, [], 'o1 not reached yet');
  assert.deepEqual(first.lossLines, []);
  assert.deepEqual(at(4).lossLines, ['E 0.2984']);
  assert.ok(at(5).columns[2][0].lines.includes('δ 0.1385'));
  assert.equal(at(9).current, null);
  assert.deepEqual(
    first.edges.map((e) => e.label),
    ['w1 0.15', 'w3 0.25', 'w2 0.2', 'w4 0.3', 'w5 0.4', 'w7 0.5', 'w6 0.45', 'w8 0.55'],
  );
});

test('backprop parse: lists of numbers and layer sizes, refused when they do not fit', () => {
  const rule = { min: 1, max: 4, limit: 1000 };
  assert.deepEqual(parseNumberList('0.05, 0.10', rule), [0.05, 0.1]);
  assert.deepEqual(parseNumberList('1 2 -3', rule), [1, 2, -3]);
  assert.equal(parseNumberList('', rule), null);
  assert.equal(parseNumberList('1, 2, 3, 4, 5', rule), null);
  assert.equal(parseNumberList('1, x', rule), null);
  assert.equal(parseNumberList('1e9', rule), null);
  const hidden = {
    layers: 3,
    units: 6,
    activations: ['sigmoid', 'tanh', 'relu', 'linear'],
    fallback: 'sigmoid',
  };
  assert.deepEqual(parseHiddenLayers('3, 2', hidden), [
    { units: 3, activation: 'sigmoid' },
    { units: 2, activation: 'sigmoid' },
  ]);
  assert.deepEqual(parseHiddenLayers('3 tanh, 2 ReLU', hidden), [
    { units: 3, activation: 'tanh' },
    { units: 2, activation: 'relu' },
  ]);
  for (const bad of ['', '7', '1.5', '0', '1, 1, 1, 1', '3 softmax', '3 tanh relu', 'x']) {
    assert.equal(parseHiddenLayers(bad, hidden), null, bad);
  }
  assert.equal(
    hiddenLayersText([
      { units: 3, activation: 'tanh' },
      { units: 2, activation: 'tanh' },
    ]),
    '3, 2',
  );
  assert.equal(
    hiddenLayersText([
      { units: 3, activation: 'tanh' },
      { units: 2, activation: 'relu' },
    ]),
    '3 tanh, 2 relu',
  );
});
