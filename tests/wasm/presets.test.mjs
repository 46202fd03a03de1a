// Every preset in docs/presets/ builds, gets its data and learns in the wasm module: the loss of
// the last of a few epochs is below the first epoch's (or, for presets with long epochs, the
// evaluated loss after a few hundred batches is below the loss before training).
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { TestSession, loadModule, presets } from './load-module.mjs';

const maxBatches = 300; // keeps each preset to a few seconds
let module;
before(async () => {
  module = await loadModule();
});

test('presets: docs/presets holds at least one preset', () => {
  assert.ok(presets().length > 0, 'no presets found in docs/presets/');
});

/** Trains `batches` batches in calls of at most 100; returns every finished epoch's logs. */
function train(s, batches) {
  const epochs = [];
  let left = batches;
  while (left > 0) {
    const answer = s.ok({ op: 'train', batches: Math.min(left, 100) });
    epochs.push(...answer.epoch_logs.map((e) => e.logs));
    left -= answer.batches_run;
    if (answer.finished || answer.batches_run === 0) break;
    assert.ok(!answer.diverged, `diverged: ${JSON.stringify(answer)}`);
  }
  return epochs;
}

for (const { name, document } of presets()) {
  test(`presets: ${name} trains with falling loss`, { timeout: 120000 }, () => {
    const s = new TestSession(module);
    try {
      s.ok({ op: 'build', spec: document });
      s.ok({ op: 'set_data' });
      const first = s.ok({ op: 'train', batches: 1 });
      const perEpoch = first.batches_per_epoch;
      if (3 * perEpoch <= maxBatches) {
        const epochs = [first.epoch_logs.map((e) => e.logs), train(s, 3 * perEpoch - 1)].flat();
        assert.ok(epochs.length >= 2, `only ${epochs.length} epoch(s) ran`);
        const [start, end] = [epochs[0].loss, epochs[epochs.length - 1].loss];
        assert.ok(end < start, `epoch loss ${start} -> ${end}`);
      } else {
        s.ok({ op: 'reset' }); // restarts training: measure the untrained model
        const before = s.ok({ op: 'evaluate' }).logs.loss;
        train(s, maxBatches);
        const afterLoss = s.ok({ op: 'evaluate' }).logs.loss;
        assert.ok(afterLoss < before, `evaluated loss ${before} -> ${afterLoss}`);
      }
    } finally {
      s.close();
    }
  });
}
