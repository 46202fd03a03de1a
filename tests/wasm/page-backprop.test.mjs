// The backprop lab's modules with the real engine: the session requests the lab configures
// (configureRequest), read back as a pass (readPass) and written out as steps (buildSteps), on
// the worked example and on other networks. The page's written-out values must equal the
// engine's, and its update w − η·∂E/∂w must equal the engine's SGD step.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';

import { TestSession, loadModule } from './load-module.mjs';
import { RECORDED, recordWorkedExample, recordedText } from '../fixtures/backprop/record_worked_example.mjs';
import declaration from '../../web/js/labs/backprop/index.mjs';
import { configureRequest, lossOf, networkShape } from '../../web/js/labs/backprop/network.mjs';
import { readPass } from '../../web/js/labs/backprop/pass.mjs';
import { allChecks, buildSteps, updateAgreement } from '../../web/js/labs/backprop/steps.mjs';

let module;
before(async () => {
  module = await loadModule();
});
const sessions = [];
after(() => sessions.forEach((s) => s.close()));

const DEFAULTS = Object.fromEntries([
  ...Object.entries(declaration.kit),
  ...declaration.fields.map((f) => [f.name, f.default]),
]);
const stateOf = (preset) => ({ ...DEFAULTS, ...declaration.presets[preset].state });

/** Runs the lab's configure in a fresh session, as the worker does: arrays, then setup. */
function configured(state) {
  const s = new TestSession(module);
  sessions.push(s);
  const request = configureRequest(state, state.weights.length > 0 ? state.weights : null);
  for (const [name, values] of Object.entries(request.arrays)) s.setArray(name, values);
  for (const r of request.setup) s.ok(r);
  return { s, request };
}

/** The snapshot the worker would post: the answers and every array they name. */
function snapshot(s, requests) {
  const answers = requests.map((r) => s.ok(r));
  const arrays = {};
  const names = JSON.stringify(answers)
    .match(/"[^"]+"/g)
    .map((q) => JSON.parse(q));
  for (const name of names) if (s.hasArray(name)) arrays[name] = s.getArray(name);
  return { answers, arrays };
}

const near = (actual, expected, tolerance = 1e-6) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not ${expected} (±${tolerance})`);

test('page-backprop: the worked example shows the classic figures', () => {
  const state = stateOf('worked-example');
  const { s, request } = configured(state);
  const pass = readPass(request.snapshot, snapshot(s, request.snapshot));
  assert.ok(pass);
  const steps = buildSteps(pass, request.shape, {
    loss: lossOf(state),
    lr: state.lr,
    targets: state.targetValues,
  });
  near(steps.find((x) => x.kind === 'loss').value.engine, 0.298371109); // E_total
  const o1 = steps.find((x) => x.kind === 'backward' && x.name === 'o1');
  const w5 = o1.grads.find((g) => g.weight === 'w5');
  near(w5.value.engine, 0.082167041);
  near(w5.value.page, 0.082167041);
  const update = steps.at(-1);
  near(update.rows.find((r) => r.weight === 'w5').next, 0.35891648);
  near(update.rows.find((r) => r.weight === 'w1').next, 0.14978072);
  const h1 = steps.find((x) => x.kind === 'backward' && x.name === 'h1');
  near(h1.upstream.value.page, 0.036350306); // ∂E/∂out_h1 = δ_o1·w5 + δ_o2·w7
  assert.ok(
    allChecks(steps).every((c) => c.ok),
    'every written-out value matches the engine',
  );
});

for (const preset of Object.keys(declaration.presets)) {
  test(`page-backprop: ${preset}: every ∂E/∂w written out is the engine's, and so is the update`, () => {
    const state = stateOf(preset);
    const { s, request } = configured(state);
    const pass = readPass(request.snapshot, snapshot(s, request.snapshot));
    const steps = buildSteps(pass, request.shape, {
      loss: lossOf(state),
      lr: state.lr,
      targets: state.targetValues,
    });
    const grads = steps.filter((x) => x.kind === 'backward').flatMap((x) => x.grads);
    assert.equal(grads.length, pass.weights.length, 'one ∂E/∂w per weight');
    assert.deepEqual(
      grads.map((g) => g.index).sort((a, b) => a - b),
      [...pass.weights.keys()],
    );
    for (const g of grads) {
      near(g.value.page, pass.grads[g.index]);
      assert.ok(g.value.ok, `${g.weight}: ${g.value.page} vs ${g.value.engine}`);
    }
    assert.ok(
      allChecks(steps).every((c) => c.ok),
      'every written-out value matches the engine',
    );
    // one SGD step in the engine (train, one batch of the one sample): the page's update
    s.ok({ op: 'train', batches: 1 });
    const next = readPass(request.snapshot, snapshot(s, request.snapshot));
    const agreement = updateAgreement(pass, next.weights, state.lr);
    assert.ok(agreement.ok, `the engine's step differs by ${agreement.worst}`);
    steps.at(-1).rows.forEach((r) => near(next.weights[r.index], r.next));
    assert.ok(next.loss < pass.loss, `E drops: ${pass.loss} -> ${next.loss}`);
  });
}

test('page-backprop: the network follows the state (3 hidden layers, 4 inputs, 3 outputs)', () => {
  const state = {
    ...DEFAULTS,
    inputValues: [0.5, -1, 2, 0.1],
    targetValues: [0.2, -0.3, 0.9],
    hiddenLayers: [
      { units: 6, activation: 'tanh' },
      { units: 5, activation: 'relu' },
      { units: 4, activation: 'linear' },
    ],
    outputActivation: 'tanh',
    weights: [],
    lr: 0.05,
    seed: 3,
  };
  assert.deepEqual(
    networkShape(state).layers.map((l) => l.units),
    [6, 5, 4, 3],
  );
  const { s, request } = configured(state);
  const pass = readPass(request.snapshot, snapshot(s, request.snapshot));
  const steps = buildSteps(pass, request.shape, {
    loss: lossOf(state),
    lr: state.lr,
    targets: state.targetValues,
  });
  assert.equal(steps.length, 2 * (6 + 5 + 4 + 3) + 2);
  assert.ok(allChecks(steps).every((c) => c.ok));
});

test('backprop fixture: the recorded worked example is what the engine gives now', () => {
  const live = recordedText(recordWorkedExample(module));
  assert.equal(
    live,
    fs.readFileSync(RECORDED, 'utf8'),
    'run node tests/fixtures/backprop/record_worked_example.mjs after an engine change',
  );
});
