// The sequence lab's documents in the real engine: every task × cell builds, generates its data
// and trains two epochs with a falling loss; the probes of a page-made sample have the shapes the
// views read, gates within their ranges; the lab's presets named like the served recurrent
// presets build the same model, compile and data as docs/presets/*.json.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { TestSession, loadModule, root } from './load-module.mjs';
import { sequenceDocument } from '../../web/js/labs/sequence/document.mjs';
import { configureRequest, snapshotInfo } from '../../web/js/labs/sequence/configure.mjs';
import { tuneRequest } from '../../web/js/labs/sequence/tune.mjs';
import { CELLS, TASKS } from '../../web/js/labs/sequence/fields.mjs';
import { checkCost } from '../../web/js/labs/sequence/cost.mjs';
import { EVAL_WINDOWS, preparedText, textData } from '../../web/js/labs/sequence/text-source.mjs';
import { defaultState, labView } from '../../web/js/state/schema.mjs';
import { presetState } from '../../web/js/state/presets.mjs';

const module = await loadModule();
const defaults = labView(defaultState(), 'sequence');
/** A small, fast state of the lab for `task` and `cell`. */
const small = (task, cell, extra = {}) => ({
  ...defaults,
  task,
  cell,
  units: 8,
  window: 10,
  seqLength: 6,
  sequences: 200,
  ...extra,
});

/** Runs the lab's configure request on a fresh session, as the worker does. */
function configured(state) {
  const s = new TestSession(module);
  const request = configureRequest(state, state.task === 'text' ? preparedText(state.window) : null);
  for (const [name, values] of Object.entries(request.arrays)) s.setArray(name, values);
  const answers = request.setup.map((r) => s.ok(r));
  return { s, request, answers };
}

/** The snapshot as the page reads it (snapshotInfo over the engine's answers and arrays). */
function snapshot(s, request) {
  const answers = request.snapshot.map((r) => s.ok(r));
  const arrays = {};
  const collect = (v) => {
    if (typeof v === 'string' && s.hasArray(v)) arrays[v] = s.getArray(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(collect);
  };
  collect(answers);
  return snapshotInfo(request.snapshot, { answers, arrays });
}

for (const task of TASKS) {
  for (const cell of CELLS) {
    test(`sequence: ${cell} on ${task} builds and trains two epochs`, () => {
      const state = small(task, cell, {
        depth: 2,
        bidirectional: cell === 'gru',
        clipnorm: 1,
        init: cell === 'simple_rnn' ? 'he_uniform' : 'glorot_uniform',
      });
      const { s, request } = configured(state);
      const first = s.ok({ op: 'train', batches: 1 }).logs.loss;
      let answer;
      do answer = s.ok({ op: 'train', batches: 50 });
      while (answer.epoch < 2);
      const last = answer.epoch_logs.at(-1).logs.loss;
      assert.ok(Number.isFinite(last) && last < first, `${task}/${cell}: loss ${first} -> ${last}`);
      const info = snapshot(s, request);
      // depth 2: two recurrent layers, each direction of a Bidirectional one its own source.
      assert.equal(info.sources.length, cell === 'gru' ? 4 : 2);
      const steps = request.sample.steps;
      for (const source of info.sources) {
        assert.equal(source.maps.h.steps, steps);
        assert.equal(source.maps.h.units, 8);
        assert.equal(source.dhNorm.length, steps);
        for (const [kind, map] of Object.entries(source.maps)) {
          const [lo, hi] =
            kind === 'c'
              ? [-Infinity, Infinity]
              : kind.startsWith('gate_') && kind !== 'gate_g'
                ? [0, 1]
                : [-1, 1];
          assert.ok(
            map.values.every((v) => v >= lo && v <= hi),
            `${source.name} ${kind} in [${lo}, ${hi}]`,
          );
        }
      }
      assert.ok(info.losses && Number.isFinite(info.losses.loss));
      assert.ok(info.output && info.output.length >= 1);
      if (request.stretch) assert.equal(info.stretch.length, request.stretch.target.length);
      s.close();
    });
  }
}

test('sequence: LSTM has 4× and GRU 3× (+ a bias row) the parameters of a SimpleRNN', () => {
  const params = Object.fromEntries(
    CELLS.map((cell) => {
      const { s, answers } = configured(small('sine', cell, { units: 16 }));
      s.close();
      return [cell, answers[0].model.layers[0].params];
    }),
  );
  // SimpleRNN(16) on 1 feature: 16·(1 + 16) + 16.
  assert.equal(params.simple_rnn, 16 * 17 + 16);
  assert.equal(params.lstm, 4 * params.simple_rnn);
  assert.equal(params.gru, 3 * params.simple_rnn + 3 * 16); // reset_after: two bias rows
});

test('sequence: tune changes the learning rate and clipnorm of the running model', () => {
  const state = small('adding', 'lstm');
  const { s } = configured(state);
  s.ok({ op: 'train', batches: 3 });
  const after = { ...state, lr: 0.003, clipnorm: 2 };
  const answer = s.ok(tuneRequest(['lr', 'clipnorm'], after));
  assert.equal(answer.optimizer.learning_rate, 0.003);
  assert.equal(answer.optimizer.clipnorm, 2);
  assert.equal(answer.iterations, 3);
  assert.equal(tuneRequest(['units'], after), null);
  const off = s.ok(tuneRequest(['clipnorm'], { ...after, clipnorm: 0 }));
  assert.equal(off.optimizer.clipnorm, 0);
  s.close();
});

test('sequence: the served recurrent presets are the lab presets of the same name', () => {
  for (const name of ['lstm-sine', 'adding-lstm', 'adding-simple-rnn']) {
    const served = JSON.parse(fs.readFileSync(path.join(root, 'docs', 'presets', `${name}.json`), 'utf8'));
    const mine = sequenceDocument(labView(presetState(name), 'sequence'));
    assert.deepEqual(mine.model.input_shape, served.model.input_shape, name);
    assert.deepEqual(
      mine.model.layers.map((l) => [l.type, l.units, l.return_sequences ?? false]),
      served.model.layers.map((l) => [l.type, l.units, l.return_sequences ?? false]),
      name,
    );
    // The lab writes Adam's defaults (beta_1 0.9, beta_2 0.999, epsilon 1e-7) out; the files omit them.
    assert.equal(mine.compile.optimizer.type, served.compile.optimizer.type, name);
    assert.equal(mine.compile.optimizer.learning_rate, served.compile.optimizer.learning_rate, name);
    assert.equal(mine.compile.loss, served.compile.loss, name);
    assert.equal(mine.fit.epochs, served.fit.epochs, name);
    assert.equal(mine.fit.batch_size, served.fit.batch_size, name);
    for (const key of ['name', 'n', 'seed', 'length', 'validation_fraction']) {
      assert.equal(mine.data[key], served.data[key], `${name} data.${key}`);
    }
  }
});

test('sequence: a batch too slow to train live is refused, the served presets are not', () => {
  for (const name of ['lstm-sine', 'adding-lstm', 'adding-simple-rnn']) {
    assert.ok(checkCost(labView(presetState(name), 'sequence')).ok, name);
  }
  const big = { ...defaults, cell: 'lstm', units: 64, window: 100, depth: 2 };
  assert.ok(checkCost(big).ok, 'LSTM(64) × 2 layers × 100 steps trains live');
  const refused = checkCost({ ...big, depth: 3, bidirectional: true });
  assert.equal(refused.ok, false);
  assert.ok(refused.times > 3, `${refused.times}× the limit`);
  assert.equal(checkCost({ ...big, batch: 1024 }).ok, false, 'batch size counts');
});

test('sequence: the text task holds out the end of the text and evaluates a fixed subset of it', () => {
  const prepared = preparedText(12);
  assert.ok(prepared.ok);
  const { train, validation, evaluate } = textData(prepared, 12);
  const windows = prepared.text.length - 12;
  assert.equal(train.n + validation.n, windows);
  assert.equal(validation.n, Math.floor(windows * 0.1));
  assert.equal(evaluate.y.length, EVAL_WINDOWS);
  // The validation windows are the end of the text: the last target is its last character.
  assert.equal(prepared.vocab[validation.y.at(-1)], prepared.text.at(-1));
  assert.equal(prepared.vocab[train.y[0]], prepared.text[12]);
  // Every evaluated window is one of the validation windows.
  const held = new Set(
    Array.from({ length: validation.n }, (_, b) => validation.x.subarray(b * 12, (b + 1) * 12).join()),
  );
  for (let k = 0; k < EVAL_WINDOWS; k += 1)
    assert.ok(held.has(evaluate.x.subarray(k * 12, (k + 1) * 12).join()));
});
