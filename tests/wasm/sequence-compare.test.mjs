// "SimpleRNN forgets, LSTM remembers" in the real engine: compareDocuments' pair, trained to its
// budget on the adding problem of length 30, ends with the LSTM's validation loss at least 10×
// below the SimpleRNN's. Prints both losses and the training time (a few seconds here).
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { COMPARED_CELLS, compareDocuments } from '../../web/js/labs/sequence/compare.mjs';
import { TestSession, loadModule } from './load-module.mjs';

let module;
before(async () => {
  module = await loadModule();
});

/** The document with the recurrent layer's type and the names that follow from it removed. */
function withoutCell(document) {
  const { title: _title, description: _description, ...rest } = document;
  const model = {
    ...rest.model,
    name: undefined,
    layers: rest.model.layers.map((l, i) => (i === 0 ? { ...l, type: undefined } : l)),
  };
  return { ...rest, model };
}

test('compareDocuments: the two documents differ only in the recurrent layer', () => {
  const pair = compareDocuments({ length: 12, seed: 4, units: 8 });
  assert.deepEqual(COMPARED_CELLS, ['simple_rnn', 'lstm']);
  assert.equal(pair.simple_rnn.model.layers[0].type, 'simple_rnn');
  assert.equal(pair.lstm.model.layers[0].type, 'lstm');
  assert.deepEqual(withoutCell(pair.simple_rnn), withoutCell(pair.lstm));
  assert.deepEqual(pair.lstm.model.input_shape, [12, 2]);
  assert.equal(pair.lstm.data.seed, 4);
  assert.equal(pair.lstm.model.seed, 4);
  assert.equal(pair.budget.epochs, pair.lstm.fit.epochs);
});

test(
  'compareDocuments: on adding length 30 the LSTM ends 10× below the SimpleRNN',
  { timeout: 90000 },
  () => {
    const pair = compareDocuments({ length: 30, seed: 0 });
    const results = {};
    for (const cell of COMPARED_CELLS) {
      const s = new TestSession(module);
      try {
        const built = s.ok({ op: 'build', spec: pair[cell] });
        const started = performance.now();
        let answer;
        let epochs = 0;
        do {
          answer = s.ok({ op: 'train', batches: 500 });
          assert.ok(!answer.diverged, `${cell} diverged`);
          epochs += answer.epoch_logs.length;
        } while (!answer.finished);
        const seconds = (performance.now() - started) / 1000;
        assert.equal(epochs, pair.budget.epochs);
        const valLoss = s.ok({ op: 'evaluate', data: 'validation' }).logs.loss;
        results[cell] = { valLoss, seconds, params: built.model.params };
      } finally {
        s.close();
      }
    }
    const { simple_rnn: rnn, lstm } = results;
    console.log(
      `adding(30), ${pair.budget.epochs} epochs: SimpleRNN val_loss ${rnn.valLoss.toPrecision(3)} ` +
        `(${rnn.params} params, ${rnn.seconds.toFixed(1)} s), LSTM val_loss ${lstm.valLoss.toPrecision(3)} ` +
        `(${lstm.params} params, ${lstm.seconds.toFixed(1)} s), ratio ${(rnn.valLoss / lstm.valLoss).toFixed(0)}×`,
    );
    assert.ok(lstm.valLoss * 10 <= rnn.valLoss, `LSTM ${lstm.valLoss} vs SimpleRNN ${rnn.valLoss}`);
  },
);
