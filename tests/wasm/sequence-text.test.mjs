// The sequence lab's character-level text in the real engine: the page's copy of the built-in
// corpus encodes to exactly the engine's `char_corpus` windows, charModelDocument builds and
// learns, and text sampled through `predict` is reproducible and follows the temperature.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { BUILTIN_CORPUS } from '../../web/js/labs/sequence/corpus.mjs';
import { charModelDocument, generate, prepareText, textWindows } from '../../web/js/labs/sequence/text.mjs';
import { TestSession, loadModule } from './load-module.mjs';

let module;
before(async () => {
  module = await loadModule();
});

const prepared = prepareText(BUILTIN_CORPUS, { window: 20 });

/** A model whose loss depends on every id of every window and on every target: ids as raw
 *  numbers into a random Dense softmax over the vocabulary, so one character off moves it. */
function probeDocument(window, vocabSize, seed, data) {
  return {
    schema: 1,
    model: {
      type: 'sequential',
      seed,
      input_shape: [window],
      layers: [
        { type: 'dense', units: vocabSize, activation: 'softmax', kernel_initializer: 'random_normal' },
      ],
    },
    compile: { optimizer: 'adam', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] },
    data,
  };
}

test('corpus: the page copy is prepared unchanged, 30 characters, the engine vocabulary', () => {
  assert.equal(prepared.ok, true);
  assert.equal(prepared.text, BUILTIN_CORPUS);
  assert.equal(prepared.dropped, 0);
  assert.deepEqual(prepared.vocab, [...'\n ,.abcdefghijklmnopqrstuvwxyz']);
});

for (const [window, stride] of [
  [20, 1],
  [7, 3],
  [100, 1],
]) {
  test(`corpus: textWindows(window ${window}, stride ${stride}) equals the engine's char_corpus`, () => {
    const { x, y, n } = textWindows(prepared.text, prepared.vocab, window, stride);
    const s = new TestSession(module);
    try {
      for (const seed of [1, 2]) {
        const data = { name: 'char_corpus', length: window, stride };
        s.ok({ op: 'build', spec: probeDocument(window, prepared.vocab.length, seed, data) });
        const set = s.ok({ op: 'set_data' });
        assert.equal(set.samples, n, 'the engine makes as many windows');
        const engine = s.ok({ op: 'evaluate', data: 'train' });
        s.setArray('page_x', x);
        s.setArray('page_y', y);
        const page = s.ok({ op: 'evaluate', x: ['page_x'], y: ['page_y'] });
        assert.equal(page.samples, engine.samples);
        assert.deepEqual(page.logs, engine.logs, `seed ${seed}: the same loss and accuracy to the bit`);
        // A single target one id off must show (the comparison is not vacuous).
        const shifted = y.slice();
        shifted[n >> 1] = (shifted[n >> 1] + 1) % prepared.vocab.length;
        s.setArray('page_y', shifted);
        const off = s.ok({ op: 'evaluate', x: ['page_x'], y: ['page_y'] });
        assert.notEqual(off.logs.loss, engine.logs.loss);
      }
    } finally {
      s.close();
    }
  });
}

/** A session holding a char model trained `epochs` epochs on the corpus (window 20, LSTM 32). */
function trainedCharModel(epochs) {
  const window = 20;
  const s = new TestSession(module);
  const spec = charModelDocument({
    cell: 'lstm',
    units: 32,
    window,
    vocabSize: prepared.vocab.length,
    lr: 0.01,
    seed: 3,
    epochs,
    batch: 32,
  });
  s.ok({ op: 'build', spec });
  const { x, y } = textWindows(prepared.text, prepared.vocab, window);
  s.setArray('text_x', x);
  s.setArray('text_y', y);
  s.ok({ op: 'set_data', train: { x: ['text_x'], y: ['text_y'] } });
  const logs = [];
  for (let answer = null; !answer?.finished;) {
    answer = s.ok({ op: 'train', batches: 200 });
    assert.ok(!answer.diverged);
    logs.push(...answer.epoch_logs.map((e) => e.logs));
  }
  return { s, window, logs };
}

let trained;
after(() => trained?.s.close());

test('charModelDocument: every cell builds; LSTM trains 2 epochs on the corpus with falling loss', () => {
  const s = new TestSession(module);
  try {
    for (const cell of ['simple_rnn', 'lstm', 'gru']) {
      const spec = charModelDocument({
        cell,
        units: 8,
        window: 10,
        vocabSize: 30,
        lr: 0.01,
        seed: 0,
        epochs: 1,
        batch: 16,
      });
      const built = s.ok({ op: 'build', spec });
      assert.deepEqual(built.model.inputs[0].shape, [10]);
      assert.deepEqual(built.model.outputs[0].shape, [30]);
      assert.equal(spec.data, undefined);
    }
  } finally {
    s.close();
  }
  trained = trainedCharModel(2);
  const [first, second] = trained.logs;
  assert.equal(trained.logs.length, 2);
  console.log(`char LSTM(32): loss ${first.loss.toFixed(3)} → ${second.loss.toFixed(3)}`);
  assert.ok(second.loss < first.loss, `loss ${first.loss} then ${second.loss}`);
  assert.ok(first.loss < Math.log(prepared.vocab.length), 'below the uniform guess already');
});

test('generate: through the engine, reproducible per seed and shaped by the temperature', async () => {
  assert.ok(trained, 'needs the trained model of the previous test');
  const { s, window } = trained;
  const predict = async (ids) => {
    s.setArray('gen_x', ids);
    const answer = s.ok({ op: 'predict', x: ['gen_x'], out: 'gen' });
    assert.deepEqual(answer.arrays[0].shape, [1, prepared.vocab.length]);
    return s.getArray(answer.arrays[0].name);
  };
  const probs = await predict(new Float32Array(window));
  assert.ok(Math.abs(probs.reduce((a, b) => a + b, 0) - 1) < 1e-4, 'predict answers probabilities');

  const run = (temperature, seed) =>
    generate({
      seedText: 'the network',
      vocab: prepared.vocab,
      window,
      count: 80,
      temperature,
      seed,
      predict,
    });
  const cold = await run(0.2, 7);
  const coldAgain = await run(0.2, 7);
  const hot = await run(1.5, 7);
  const hotAgain = await run(1.5, 7);
  const hotOther = await run(1.5, 8);
  console.log(`T=0.2: ${JSON.stringify(cold)}\nT=1.5: ${JSON.stringify(hot)}`);
  assert.equal(cold.length, 80);
  assert.equal(coldAgain, cold, 'same seed, same model: same text');
  assert.equal(hotAgain, hot);
  assert.notEqual(hot, cold, 'temperature 0.2 and 1.5 write different text');
  assert.notEqual(hotOther, hot, 'another seed draws other characters');
  assert.ok([...cold, ...hot].every((ch) => prepared.vocab.includes(ch)));
  // A hot sampler spreads over more distinct characters than a cold one.
  assert.ok(new Set(hot).size > new Set(cold).size, `${new Set(hot).size} vs ${new Set(cold).size}`);

  // 'T' was never seen: refused before predict runs.
  await assert.rejects(
    generate({ seedText: 'The', vocab: prepared.vocab, window, count: 1, temperature: 1, seed: 0, predict }),
    { code: 'text.unknownSeed', args: { chars: '"T"' } },
  );
});
