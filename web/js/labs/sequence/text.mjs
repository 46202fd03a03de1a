// @ts-check
// Character-level text for the sequence lab, done the engine's way (engine/core/data/
// char_corpus.hpp): the vocabulary is the sorted distinct characters, a character's id is its
// rank, and the training windows are the engine's next-character windows. The engine has no
// text-sampling request, so sampling happens here, on the probabilities `predict` answers.
// Pure: no DOM, no engine; `generate` reaches the model only through the `predict` it is given.
import { seededRandom } from '../../kit/seeded-random.mjs';

/** maxChars keeps an epoch of windows short enough for live training (about 20,000 samples);
 *  maxVocab keeps the softmax head small (letters, digits and punctuation of one script fit). */
export const TEXT_LIMITS = Object.freeze({ maxChars: 20000, maxVocab: 64 });

/** Refused when a dropped character (control character) share is above this: not prose. */
const MAX_DROPPED_SHARE = 0.1;

/**
 * @typedef {{ok: true, text: string, vocab: string[], dropped: number}} PreparedText
 * @typedef {{ok: false, code: string, args: Record<string, string | number>}} TextRefusal
 */

/** The learner-facing message of each refusal code; {name} is filled from the refusal's args. */
export const TEXT_MESSAGES = Object.freeze({
  en: Object.freeze({
    'text.empty': 'The text has no characters to learn from: paste some sentences.',
    'text.tooLong': 'The text is {got} characters; the limit is {max} so training stays responsive.',
    'text.tooShort': 'The text is {got} characters; with this window it needs at least {min}.',
    'text.tooManySymbols':
      'The text uses {got} different characters; the limit is {max}, so the output layer stays small. Try text in one language without symbols.',
    'text.binary': 'This does not look like text ({dropped} of {got} characters are control codes).',
    'text.unknownSeed': 'The seed text uses characters the model never saw: {chars}',
  }),
  ko: Object.freeze({
    'text.empty': '학습할 글자가 없습니다. 문장을 붙여 넣으세요.',
    'text.tooLong': '글이 {got}자입니다. 학습이 끊기지 않도록 {max}자까지만 받습니다.',
    'text.tooShort': '글이 {got}자입니다. 지금 창 길이로는 {min}자 이상이어야 합니다.',
    'text.tooManySymbols':
      '글에 서로 다른 문자가 {got}개 있습니다. 출력층이 커지지 않도록 {max}개까지만 받습니다. 기호가 적은 한 가지 언어의 글로 해 보세요.',
    'text.binary': '글이 아닌 것 같습니다 ({got}자 중 {dropped}자가 제어 문자).',
    'text.unknownSeed': '시작 글에 모델이 배우지 않은 문자가 있습니다: {chars}',
  }),
});

/**
 * The message of a refusal in `lang` ('en' or 'ko'), numbers written with thousands separators.
 * @param {{code: string, args: Record<string, string | number>}} refusal
 * @param {'en' | 'ko'} [lang]
 * @returns {string}
 */
export function textMessage(refusal, lang = 'en') {
  /** @type {Record<string, string>} */
  const messages = TEXT_MESSAGES[lang] ?? TEXT_MESSAGES.en;
  const template = messages[refusal.code] ?? refusal.code;
  return template.replace(/\{(\w+)\}/g, (whole, name) => {
    const value = refusal.args[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? value.toLocaleString('en-US') : value;
  });
}

/** Newlines as \n, then Unicode NFC (a pasted "é" is one character, however it was typed).
 *  @param {string} raw @returns {string} */
function normalise(raw) {
  return raw.replace(/\r\n?/g, '\n').normalize('NFC');
}

/** True for a character the text keeps: anything but control characters (\n and \t stay),
 *  unpaired surrogates and the byte-order mark. @param {string} ch */
function isKept(ch) {
  if (ch === '\n' || ch === '\t') return true;
  return !/^[\p{Cc}\p{Cs}\uFEFF]$/u.test(ch);
}

/** The sorted distinct characters (by code point) of `chars`. @param {string[]} chars */
function vocabularyOf(chars) {
  return [...new Set(chars)].sort(
    (a, b) => /** @type {number} */ (a.codePointAt(0)) - /** @type {number} */ (b.codePointAt(0)),
  );
}

/** @param {string} code @param {Record<string, string | number>} args @returns {TextRefusal} */
const refuse = (code, args = {}) => ({ ok: false, code, args });

/**
 * A learner's text made ready for next-character training, or the reason it cannot be.
 * Newlines become \n and the text NFC; letter case is kept (the text is the learner's). Control
 * characters other than \n and \t, unpaired surrogates and byte-order marks are dropped and
 * counted. Refusals, in the order checked: `text.binary` (a NUL, or more than 10% dropped;
 * args {dropped, got}), `text.empty` (nothing but white space left), `text.tooLong` ({max, got}),
 * `text.tooShort` (fewer than window + 2 characters, so at least two windows; {min, got}),
 * `text.tooManySymbols` (more than maxVocab distinct characters; {max, got}). Lengths count
 * characters (code points).
 * @param {string} raw
 * @param {{window: number}} options  window: characters per input sample (integer ≥ 1)
 * @returns {PreparedText | TextRefusal}
 */
export function prepareText(raw, { window }) {
  if (!Number.isInteger(window) || window < 1)
    throw new RangeError(`window must be an integer >= 1, got ${window}`);
  const source = typeof raw === 'string' ? raw : '';
  // Far beyond the limit (a kept character is at most 2 code units, and \r\n, dropped or
  // decomposed characters rarely double that): refuse before normalising megabytes.
  if (source.length > 8 * TEXT_LIMITS.maxChars) {
    return refuse('text.tooLong', { max: TEXT_LIMITS.maxChars, got: countCharacters(source) });
  }
  let hasNul = false;
  let dropped = 0;
  const kept = [];
  for (const ch of normalise(source)) {
    if (ch === '\0') hasNul = true;
    if (isKept(ch)) kept.push(ch);
    else dropped += 1;
  }
  const got = kept.length + dropped;
  if (hasNul || dropped > MAX_DROPPED_SHARE * got) return refuse('text.binary', { dropped, got });
  if (kept.every((ch) => /^\s$/u.test(ch))) return refuse('text.empty');
  if (kept.length > TEXT_LIMITS.maxChars)
    return refuse('text.tooLong', { max: TEXT_LIMITS.maxChars, got: kept.length });
  if (kept.length < window + 2) return refuse('text.tooShort', { min: window + 2, got: kept.length });
  const vocab = vocabularyOf(kept);
  if (vocab.length > TEXT_LIMITS.maxVocab) {
    return refuse('text.tooManySymbols', { max: TEXT_LIMITS.maxVocab, got: vocab.length });
  }
  return { ok: true, text: kept.join(''), vocab, dropped };
}

/** Code points of `text`, counted without building an array. @param {string} text */
function countCharacters(text) {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit < 0xdc00 && next >= 0xdc00 && next < 0xe000) i += 1;
    count += 1;
  }
  return count;
}

/**
 * The id of each character of `chars` in `vocab`; throws an Error with `code` 'text.unknownChar'
 * naming the characters that are not in it.
 * @param {string[]} chars
 * @param {string[]} vocab
 * @returns {number[]}
 */
function encode(chars, vocab, code = 'text.unknownChar') {
  const ids = new Map(vocab.map((ch, id) => [ch, id]));
  const unknown = [...new Set(chars.filter((ch) => !ids.has(ch)))];
  if (unknown.length > 0) {
    const shown = unknown.map((ch) => JSON.stringify(ch)).join(' ');
    throw Object.assign(new Error(`characters not in the vocabulary: ${shown}`), {
      code,
      args: { chars: shown },
    });
  }
  return chars.map((ch) => /** @type {number} */ (ids.get(ch)));
}

/**
 * Next-character windows over `text`, as the engine's make_char_windows: sample b holds the ids
 * of characters [b·stride, b·stride + window) and its target is the id of the character right
 * after, n = floor((length − window − 1) / stride) + 1 samples in text order. Throws a
 * RangeError for a text shorter than window + 1, and an Error with `code` 'text.unknownChar'
 * (`args.chars` lists them) for characters outside vocab.
 * @param {string} text  every character must be in vocab
 * @param {string[]} vocab  sorted distinct characters; id = index
 * @param {number} window  characters per sample (integer ≥ 1)
 * @param {number} [stride]  characters between window starts (integer ≥ 1)
 * @returns {{x: Float32Array, y: Float32Array, n: number}}  x [n, window] row-major ids, y [n] ids
 */
export function textWindows(text, vocab, window, stride = 1) {
  if (!Number.isInteger(window) || window < 1)
    throw new RangeError(`window must be an integer >= 1, got ${window}`);
  if (!Number.isInteger(stride) || stride < 1)
    throw new RangeError(`stride must be an integer >= 1, got ${stride}`);
  const ids = encode(Array.from(text), vocab);
  if (ids.length < window + 1) {
    throw new RangeError(
      `the text has ${ids.length} characters; a window of ${window} needs at least ${window + 1}`,
    );
  }
  const n = Math.floor((ids.length - window - 1) / stride) + 1;
  const x = new Float32Array(n * window);
  const y = new Float32Array(n);
  for (let b = 0; b < n; b += 1) {
    const start = b * stride;
    for (let t = 0; t < window; t += 1) x[b * window + t] = ids[start + t];
    y[b] = ids[start + window];
  }
  return { x, y, n };
}

/** The seeded generator text sampling draws from (the kit's mulberry32): the same seed gives
 *  the same sequence, so a sampled text can be reproduced. */
export const makeRng = seededRandom;

/** Index of the largest entry (the first on ties; 0 when none is a number).
 *  @param {ArrayLike<number>} values */
function argmax(values) {
  let best = 0;
  let bestValue = -Infinity;
  for (let i = 0; i < values.length; i += 1) {
    if (values[i] > bestValue) {
      best = i;
      bestValue = values[i];
    }
  }
  return best;
}

/**
 * One id drawn from `probs` at `temperature`: below 1e-3 the most likely id (argmax), otherwise
 * an id drawn with probability ∝ p^(1/T) (low T sharpens, high T flattens towards uniform).
 * Computed on log p / T, so tiny probabilities neither underflow nor overflow; ids with p ≤ 0
 * (or NaN) are never drawn unless every entry is such, then the answer is 0.
 * @param {ArrayLike<number>} probs  one probability per id (need not sum to 1)
 * @param {number} temperature  ≥ 0
 * @param {() => number} rng  numbers in [0, 1)
 * @returns {number}
 */
export function sampleId(probs, temperature, rng) {
  if (!(temperature >= 1e-3)) return argmax(probs);
  const logits = new Float64Array(probs.length);
  let top = -Infinity;
  for (let i = 0; i < probs.length; i += 1) {
    logits[i] = probs[i] > 0 ? Math.log(probs[i]) / temperature : -Infinity;
    if (logits[i] > top) top = logits[i];
  }
  if (top === -Infinity) return 0;
  const weights = new Float64Array(probs.length);
  let sum = 0;
  for (let i = 0; i < probs.length; i += 1) {
    weights[i] = Math.exp(logits[i] - top);
    sum += weights[i];
  }
  let r = rng() * sum;
  let last = 0;
  for (let i = 0; i < probs.length; i += 1) {
    if (weights[i] === 0) continue;
    last = i;
    r -= weights[i];
    if (r < 0) return i;
  }
  return last;
}

/**
 * `count` characters written by a next-character model. The input window slides over seedText
 * followed by the characters generated so far: each step feeds the last `window` ids to
 * `predict` and appends sampleId(probs, temperature, rng) with rng = makeRng(seed), so the same
 * seed and the same model give the same text. seedText is normalised like prepareText (\r\n and
 * \r to \n, NFC; nothing is dropped). A seedText shorter than the window is left-padded with its
 * own first character; an empty one with a space when the vocabulary has one, else with its
 * first character. A seedText with characters outside vocab is refused: the promise rejects
 * with an Error whose `code` is 'text.unknownSeed' and `args.chars` lists them quoted
 * ('"Q" "!"'), before predict is called. predict's answer must have vocab.length entries.
 * @param {{seedText: string, vocab: string[], window: number, count: number, temperature: number,
 *   seed: number, predict: (ids: Float32Array) => Promise<Float32Array>}} options
 *   predict: ids [window] → probabilities [vocab.length]
 * @returns {Promise<string>}  the generated characters only (not the seed)
 */
export async function generate({ seedText, vocab, window, count, temperature, seed, predict }) {
  if (!Number.isInteger(window) || window < 1)
    throw new RangeError(`window must be an integer >= 1, got ${window}`);
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`count must be an integer >= 0, got ${count}`);
  if (vocab.length === 0) throw new RangeError('the vocabulary is empty');
  const seedChars = Array.from(normalise(seedText));
  const ids = encode(seedChars, vocab, 'text.unknownSeed');
  const pad = ids.length > 0 ? ids[0] : Math.max(0, vocab.indexOf(' '));
  while (ids.length < window) ids.unshift(pad);
  const rng = makeRng(seed);
  const input = new Float32Array(window);
  let out = '';
  for (let k = 0; k < count; k += 1) {
    input.set(ids.slice(ids.length - window));
    const probs = await predict(input.slice());
    if (probs.length !== vocab.length) {
      throw new RangeError(
        `predict gave ${probs.length} probabilities; the vocabulary has ${vocab.length} characters`,
      );
    }
    const id = sampleId(probs, temperature, rng);
    ids.push(id);
    out += vocab[id];
  }
  return out;
}

/**
 * A schema-1 document for next-character prediction, without `data` (the page sends the
 * windows with set_data): Embedding(vocabSize, embedding) → cell(units) → Dense(vocabSize,
 * softmax), sparse_categorical_crossentropy with accuracy, Adam.
 * @param {{cell: 'simple_rnn' | 'lstm' | 'gru', units: number, window: number, vocabSize: number,
 *   embedding?: number, lr: number, seed: number, epochs: number, batch: number}} options
 * @returns {Record<string, any>}
 */
export function charModelDocument({
  cell,
  units,
  window,
  vocabSize,
  embedding = 16,
  lr,
  seed,
  epochs,
  batch,
}) {
  return {
    schema: 1,
    title: 'Next character',
    description: `Reads ${window} characters as ids and predicts the next one among ${vocabSize}.`,
    model: {
      type: 'sequential',
      name: `char_${cell}`,
      seed,
      input_shape: [window],
      layers: [
        { type: 'embedding', input_dim: vocabSize, output_dim: embedding },
        { type: cell, units },
        { type: 'dense', units: vocabSize, activation: 'softmax' },
      ],
    },
    compile: {
      optimizer: { type: 'adam', learning_rate: lr },
      loss: 'sparse_categorical_crossentropy',
      metrics: ['accuracy'],
    },
    fit: { epochs, batch_size: batch, shuffle: true, seed },
  };
}
