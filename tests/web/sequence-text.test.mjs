// The sequence lab's text module without the engine: limits and refusals of a learner's text,
// normalisation, the engine's windows, seeded sampling with a temperature, and generation
// with a fake model.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  TEXT_LIMITS,
  TEXT_MESSAGES,
  charModelDocument,
  generate,
  makeRng,
  prepareText,
  sampleId,
  textMessage,
  textWindows,
} from '../../web/js/labs/sequence/text.mjs';

const window = 5;
const prepare = (raw) => prepareText(raw, { window });

test('prepareText: a plain text keeps its case and gets the sorted vocabulary', () => {
  const answer = prepare('Hello, World\tagain');
  assert.deepEqual(answer, {
    ok: true,
    text: 'Hello, World\tagain',
    vocab: ['\t', ' ', ',', 'H', 'W', 'a', 'd', 'e', 'g', 'i', 'l', 'n', 'o', 'r'],
    dropped: 0,
  });
});

test('prepareText: newlines become \\n and the text NFC; control characters are dropped and counted', () => {
  const answer = prepare('cafe\u0301 one\r\ntwo\rthree\u0007 four\u001b five\ufeff');
  assert.equal(answer.ok, true);
  assert.equal(answer.text, 'café one\ntwo\nthree four five');
  assert.equal(answer.dropped, 3);
  assert.ok(answer.vocab.includes('é') && !answer.vocab.includes('\r'));
  // Characters beyond the BMP are one character each, sorted by code point.
  const emoji = prepare('ab😀ab😀ab');
  assert.deepEqual(emoji.vocab, ['a', 'b', '😀']);
  // An unpaired surrogate is dropped like a control character.
  const lone = prepare('abcdefghijklmnop\ud800q');
  assert.equal(lone.ok, true);
  assert.equal(lone.dropped, 1);
  assert.equal(lone.text, 'abcdefghijklmnopq');
});

test('prepareText: every refusal code with its arguments', () => {
  assert.deepEqual(prepare(''), { ok: false, code: 'text.empty', args: {} });
  assert.deepEqual(prepare(' \n\t  \n'), { ok: false, code: 'text.empty', args: {} });
  assert.deepEqual(prepare(undefined), { ok: false, code: 'text.empty', args: {} });
  const long = 'ab '.repeat(7000);
  assert.deepEqual(prepare(long), {
    ok: false,
    code: 'text.tooLong',
    args: { max: TEXT_LIMITS.maxChars, got: 21000 },
  });
  assert.equal(prepare('ab '.repeat(6666)).ok, true, '19,998 characters fit');
  // Megabytes are refused before being normalised, still with their length.
  assert.deepEqual(prepare('x'.repeat(2_000_000)).args, { max: TEXT_LIMITS.maxChars, got: 2_000_000 });
  assert.deepEqual(prepare('abcdef'), { ok: false, code: 'text.tooShort', args: { min: 7, got: 6 } });
  assert.equal(prepare('abcdefg').ok, true, 'window + 2 characters give two windows');
  const symbols = Array.from({ length: 70 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
  assert.deepEqual(prepare(symbols), { ok: false, code: 'text.tooManySymbols', args: { max: 64, got: 70 } });
  assert.equal(TEXT_LIMITS.maxVocab, 64);
  assert.deepEqual(prepare('plain text\0with a NUL'), {
    ok: false,
    code: 'text.binary',
    args: { dropped: 1, got: 21 },
  });
  const controls = 'abcdefghi\u0001\u0002';
  assert.deepEqual(prepare(controls), { ok: false, code: 'text.binary', args: { dropped: 2, got: 11 } });
  assert.equal(prepare('abcdefghi\u0001').ok, true, 'exactly 10% dropped is still text');
  assert.throws(() => prepareText('abc', { window: 0 }), RangeError);
});

test('TEXT_MESSAGES: one message per refusal code in both languages, placeholders filled', () => {
  const codes = [
    'text.empty',
    'text.tooLong',
    'text.tooShort',
    'text.tooManySymbols',
    'text.binary',
    'text.unknownSeed',
  ];
  for (const lang of ['en', 'ko']) {
    assert.deepEqual(Object.keys(TEXT_MESSAGES[lang]).sort(), codes.slice().sort(), lang);
  }
  for (const code of codes) {
    const names = (template) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    assert.deepEqual(names(TEXT_MESSAGES.ko[code]), names(TEXT_MESSAGES.en[code]), code);
  }
  const refusal = prepare('ab '.repeat(8334));
  assert.equal(
    textMessage(refusal),
    'The text is 25,002 characters; the limit is 20,000 so training stays responsive.',
  );
  assert.equal(
    textMessage(refusal, 'ko'),
    '글이 25,002자입니다. 학습이 끊기지 않도록 20,000자까지만 받습니다.',
  );
});

test('textWindows: the engine windows, n = floor((len - window - 1) / stride) + 1', () => {
  const vocab = ['a', 'b', 'c', 'd'];
  const text = 'abcdabca'; // ids 0 1 2 3 0 1 2 0
  const one = textWindows(text, vocab, 3);
  assert.equal(one.n, 5);
  assert.deepEqual([...one.x], [0, 1, 2, 1, 2, 3, 2, 3, 0, 3, 0, 1, 0, 1, 2]);
  assert.deepEqual([...one.y], [3, 0, 1, 2, 0]);
  const strided = textWindows(text, vocab, 3, 2);
  assert.equal(strided.n, 3);
  assert.deepEqual([...strided.x], [0, 1, 2, 2, 3, 0, 0, 1, 2]);
  assert.deepEqual([...strided.y], [3, 1, 0]);
  assert.equal(textWindows('abcd', vocab, 3).n, 1);
  assert.throws(() => textWindows('abc', vocab, 3), RangeError);
  assert.throws(() => textWindows('abce', vocab, 2), { code: 'text.unknownChar' });
  // Characters beyond the BMP count as one.
  const wide = textWindows('a😀a😀', ['a', '😀'], 2);
  assert.deepEqual([...wide.x, ...wide.y], [0, 1, 1, 0, 0, 1]);
});

test('makeRng: deterministic, in [0, 1), different per seed', () => {
  const a = makeRng(42);
  const b = makeRng(42);
  const c = makeRng(43);
  const first = Array.from({ length: 1000 }, () => a());
  assert.deepEqual(
    Array.from({ length: 1000 }, () => b()),
    first,
  );
  assert.ok(first.every((v) => v >= 0 && v < 1));
  assert.notDeepEqual(
    Array.from({ length: 10 }, () => c()),
    first.slice(0, 10),
  );
  const mean = first.reduce((s, v) => s + v, 0) / first.length;
  assert.ok(Math.abs(mean - 0.5) < 0.05, `mean ${mean}`);
});

/** Counts of sampleId over `draws` draws. */
function histogram(probs, temperature, draws, seed = 1) {
  const rng = makeRng(seed);
  const counts = new Array(probs.length).fill(0);
  for (let i = 0; i < draws; i += 1) counts[sampleId(probs, temperature, rng)] += 1;
  return counts;
}

test('sampleId: temperature 0 is argmax, 1 follows the probabilities, high flattens them', () => {
  const probs = new Float32Array([0.1, 0.6, 0.0, 0.3]);
  const never = () => assert.fail('argmax needs no random number');
  assert.equal(sampleId(probs, 0, never), 1);
  assert.equal(sampleId(probs, 1e-4, never), 1);
  const atOne = histogram(probs, 1, 20000);
  assert.equal(atOne[2], 0, 'a zero probability is never drawn');
  [0.1, 0.6, 0, 0.3].forEach((p, i) => assert.ok(Math.abs(atOne[i] / 20000 - p) < 0.015, `${i}: ${atOne}`));
  // p^(1/T): T = 0.5 squares the odds (0.6² : 0.3² : 0.1² = 36 : 9 : 1).
  const sharp = histogram(probs, 0.5, 20000);
  assert.ok(Math.abs(sharp[1] / 20000 - 36 / 46) < 0.015, `${sharp}`);
  // A high temperature is near-uniform over the ids with p > 0.
  const hot = histogram(probs, 100, 30000);
  [0, 1, 3].forEach((i) => assert.ok(Math.abs(hot[i] / 30000 - 1 / 3) < 0.02, `${hot}`));
  // Tiny probabilities at a low temperature neither underflow nor give NaN.
  const tiny = new Float32Array([1e-30, 2e-30, 0]);
  const cold = histogram(tiny, 0.05, 200);
  assert.equal(cold[1], 200);
  assert.equal(sampleId(new Float32Array([0, 0]), 1, makeRng(0)), 0, 'no positive probability: id 0');
  assert.equal(
    sampleId([NaN, 0.2, 0.8], 1, () => 0),
    1,
    'NaN is never drawn',
  );
});

/** A fake next-character model: deterministic probabilities from the window's ids. */
function fakePredict(vocabSize, calls) {
  return async (ids) => {
    calls.push([...ids]);
    const last = ids[ids.length - 1];
    const probs = new Float32Array(vocabSize).fill(0.5 / (vocabSize - 1));
    probs[(last + 1) % vocabSize] = 0.5;
    return probs;
  };
}

test('generate: slides the window over seed and output; same seed, same text', async () => {
  const vocab = [' ', 'a', 'b', 'c'];
  const calls = [];
  const cold = await generate({
    seedText: 'ab',
    vocab,
    window: 4,
    count: 6,
    temperature: 0,
    seed: 0,
    predict: fakePredict(4, calls),
  });
  assert.equal(cold, 'c abc ', 'argmax follows the fake model: the next id after the last');
  assert.deepEqual(calls[0], [1, 1, 1, 2], 'a short seed is left-padded with its first character');
  assert.deepEqual(calls[1], [1, 1, 2, 3]);
  assert.deepEqual(calls[5], [0, 1, 2, 3], 'the seed has left the window');
  assert.equal(calls.length, 6);
  assert.ok(calls.every((ids) => ids.length === 4));

  const options = { seedText: 'abcab', vocab, window: 3, count: 200, temperature: 1.2, seed: 9 };
  const one = await generate({ ...options, predict: fakePredict(4, []) });
  const two = await generate({ ...options, predict: fakePredict(4, []) });
  const other = await generate({ ...options, seed: 10, predict: fakePredict(4, []) });
  assert.equal(one.length, 200);
  assert.equal(two, one);
  assert.notEqual(other, one);

  const empty = [];
  await generate({
    seedText: '',
    vocab,
    window: 3,
    count: 1,
    temperature: 0,
    seed: 0,
    predict: fakePredict(4, empty),
  });
  assert.deepEqual(empty[0], [0, 0, 0], 'an empty seed starts from spaces');
  const noSpace = [];
  await generate({
    seedText: '',
    vocab: ['x', 'y'],
    window: 2,
    count: 1,
    temperature: 0,
    seed: 0,
    predict: fakePredict(2, noSpace),
  });
  assert.deepEqual(noSpace[0], [0, 0], 'or from the first character without a space');
  const crlf = [];
  await generate({
    seedText: 'a\r\n',
    vocab: ['\n', 'a'],
    window: 2,
    count: 0,
    temperature: 0,
    seed: 0,
    predict: fakePredict(2, crlf),
  });
  assert.equal(crlf.length, 0, 'count 0 asks nothing');
});

test('generate: refuses unknown seed characters before predicting, and a wrong answer size', async () => {
  const calls = [];
  await assert.rejects(
    generate({
      seedText: 'abZ!Z',
      vocab: ['a', 'b'],
      window: 3,
      count: 5,
      temperature: 1,
      seed: 0,
      predict: fakePredict(2, calls),
    }),
    (error) => {
      assert.equal(error.code, 'text.unknownSeed');
      assert.deepEqual(error.args, { chars: '"Z" "!"' });
      assert.equal(textMessage(error), 'The seed text uses characters the model never saw: "Z" "!"');
      return true;
    },
  );
  assert.equal(calls.length, 0);
  await assert.rejects(
    generate({
      seedText: 'ab',
      vocab: ['a', 'b', 'c'],
      window: 2,
      count: 1,
      temperature: 1,
      seed: 0,
      predict: fakePredict(2, []),
    }),
    RangeError,
  );
});

test('charModelDocument: Embedding, the cell, a softmax over the vocabulary, no data', () => {
  const document = charModelDocument({
    cell: 'gru',
    units: 24,
    window: 16,
    vocabSize: 30,
    lr: 0.005,
    seed: 2,
    epochs: 7,
    batch: 64,
  });
  assert.equal(document.schema, 1);
  assert.equal(document.data, undefined);
  assert.deepEqual(document.model.input_shape, [16]);
  assert.equal(document.model.seed, 2);
  assert.deepEqual(document.model.layers, [
    { type: 'embedding', input_dim: 30, output_dim: 16 },
    { type: 'gru', units: 24 },
    { type: 'dense', units: 30, activation: 'softmax' },
  ]);
  assert.deepEqual(document.compile, {
    optimizer: { type: 'adam', learning_rate: 0.005 },
    loss: 'sparse_categorical_crossentropy',
    metrics: ['accuracy'],
  });
  assert.deepEqual(document.fit, { epochs: 7, batch_size: 64, shuffle: true, seed: 2 });
  const wide = charModelDocument({
    cell: 'lstm',
    units: 8,
    window: 4,
    vocabSize: 5,
    embedding: 3,
    lr: 0.01,
    seed: 0,
    epochs: 1,
    batch: 8,
  });
  assert.equal(wide.model.layers[0].output_dim, 3);
});
