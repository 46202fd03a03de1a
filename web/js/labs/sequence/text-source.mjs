// @ts-check
// The text the text task learns: the engine's built-in corpus, or text the learner pasted. The
// pasted text stays in this module while the page is open (it is the learner's and can be
// 20,000 characters: too long for a link), so the tab keeps it across lab switches.
import { BUILTIN_CORPUS } from './corpus.mjs';
import { prepareText, textWindows } from './text.mjs';

/** Windows held out at the end of the text for validation (the last tenth). */
export const VALIDATION_SHARE = 0.1;
/** Validation windows the readouts evaluate at every snapshot (a fixed, evenly spread subset). */
export const EVAL_WINDOWS = 128;

/** @type {string | null} the learner's raw text, or null for the built-in corpus */
let pasted = null;

/** 'builtin' or 'pasted'. */
export const textSource = () => (pasted === null ? 'builtin' : 'pasted');

/** The raw text the task learns now. */
export const rawText = () => pasted ?? BUILTIN_CORPUS;

/**
 * The current text prepared for `window` characters per sample: prepareText's answer
 * ({ok: true, text, vocab, dropped} or {ok: false, code, args}).
 * @param {number} window
 */
export const preparedText = (window) => prepareText(rawText(), { window });

/**
 * Makes `raw` the text the task learns when prepareText accepts it; returns its answer (a
 * refusal leaves the current text in place).
 * @param {string} raw @param {number} window
 */
export function usePasted(raw, window) {
  const prepared = prepareText(raw, { window });
  if (prepared.ok) pasted = raw;
  return prepared;
}

/** Goes back to the built-in corpus. */
export function useBuiltin() {
  pasted = null;
}

/**
 * The training and validation windows of a prepared text: {train: {x, y, n}, validation: {x, y,
 * n}, evaluate: {x, y} (EVAL_WINDOWS of the validation windows)}. The validation part is the
 * end of the text, so it is text the model never trained on.
 * @param {{text: string, vocab: string[]}} prepared @param {number} window
 */
export function textData(prepared, window) {
  const all = textWindows(prepared.text, prepared.vocab, window);
  const held = Math.max(1, Math.floor(all.n * VALIDATION_SHARE));
  const cut = all.n - held;
  const part = (/** @type {number} */ from, /** @type {number} */ to) => ({
    x: all.x.slice(from * window, to * window),
    y: all.y.slice(from, to),
    n: to - from,
  });
  const train = part(0, cut);
  const validation = part(cut, all.n);
  const count = Math.min(EVAL_WINDOWS, validation.n);
  const evaluate = { x: new Float32Array(count * window), y: new Float32Array(count) };
  for (let k = 0; k < count; k += 1) {
    const b = Math.floor((k * validation.n) / count);
    evaluate.x.set(validation.x.subarray(b * window, (b + 1) * window), k * window);
    evaluate.y[k] = validation.y[b];
  }
  return { train, validation, evaluate };
}
