// @ts-check
// The lines Keras 3 prints during fit() and evaluate(), so the workbench's log reads like the
// learner's own Keras run. Each follows keras/src/utils/progbar.py at the end of an epoch
// (finalize) and keras/src/callbacks/progbar_logger.py:
//   verbose=1: "13/13 ━━━━━━━━━━━━━━━━━━━━ 0s 4ms/step - accuracy: 0.8125 - loss: 0.4213"
//   verbose=2: "13/13 - 0s - 4ms/step - accuracy: 0.8125 - loss: 0.4213"
// The terminal's colour codes are left out. Numbers are written as Python's format() writes them:
// correctly rounded, ties to even ("0.03125" -> "0.0312" where JavaScript's toFixed says
// "0.0313"), exponents of at least two digits, nan and inf.

/** The bar's width in characters (Progbar's default `width=20`); it is full at an epoch's end. */
const BAR_WIDTH = 20;

/**
 * Whether 2|x|·10^q is an odd integer: x lies exactly halfway between two multiples of 10^-q,
 * where JavaScript's toFixed/toExponential round away from zero and Python rounds to even.
 * Exact: x is a binary fraction num / 2^k, so the test runs on integers.
 * @param {number} a a finite positive number
 * @param {number} q decimal places (negative for tens, hundreds, ...)
 */
function isHalfway(a, q) {
  let scaled = a;
  let k = 0;
  while (!Number.isInteger(scaled)) {
    scaled *= 2;
    k++;
  }
  let top = BigInt(scaled) * 2n;
  let bottom = 1n << BigInt(k);
  if (q >= 0) top *= 10n ** BigInt(q);
  else bottom *= 10n ** BigInt(-q);
  return top % bottom === 0n && (top / bottom) % 2n === 1n;
}

/**
 * Python's nan, inf and -inf, or null for a finite number.
 * @param {number} x
 */
function nonFinite(x) {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  return null;
}

/**
 * The digits of `s` ("0.0313", "3.1250") with the last one made even when `a` was a tie that
 * JavaScript rounded up (an odd last digit means it did; the even neighbour is one below).
 * @param {string} s
 * @param {number} a
 * @param {number} q the rounding position as decimal places
 */
function tiesToEven(s, a, q) {
  const digits = s.replace('.', '');
  if (!isHalfway(a, q) || Number(digits.at(-1)) % 2 === 0) return s;
  const point = s.indexOf('.');
  const lowered = (BigInt(digits) - 1n).toString().padStart(digits.length, '0');
  return point < 0 ? lowered : `${lowered.slice(0, point)}.${lowered.slice(point)}`;
}

/**
 * Python's f"{x:.{digits}f}".
 * @param {number} x
 * @param {number} digits
 */
export function pythonFixed(x, digits) {
  const special = nonFinite(x);
  if (special) return special;
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const a = Math.abs(x);
  // toFixed switches to exponents from 1e21 on; such numbers are whole, so no rounding happens.
  if (a >= 1e21) return `${sign}${BigInt(a)}${digits > 0 ? `.${'0'.repeat(digits)}` : ''}`;
  return sign + (a === 0 ? a.toFixed(digits) : tiesToEven(a.toFixed(digits), a, digits));
}

/**
 * Python's f"{x:.{digits}e}": "1.2346e-04", "-0.0000e+00".
 * @param {number} x
 * @param {number} digits
 */
export function pythonExponential(x, digits) {
  const special = nonFinite(x);
  if (special) return special;
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const a = Math.abs(x);
  const [mantissa, power] = a.toExponential(digits).split('e');
  const e = Number(power);
  const rounded = a === 0 ? mantissa : tiesToEven(mantissa, a, digits - e);
  return `${sign}${rounded}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

/**
 * A log value as the progress bar prints it: four decimals, or four decimals of mantissa in
 * scientific form when |v| <= 1e-3 (verbose=1; verbose=2 tests v > 1e-3 without the absolute
 * value, so its negative values are always in scientific form).
 * @param {number} v
 * @param {1 | 2} [verbose]
 */
export function formatLogValue(v, verbose = 1) {
  const x = typeof v === 'number' ? v : Number.NaN;
  return (verbose === 2 ? x > 1e-3 : Math.abs(x) > 1e-3) ? pythonFixed(x, 4) : pythonExponential(x, 4);
}

/**
 * The time a step took, as Progbar._format_time writes it: " 4ms/step", " 2s/step", " 850us/step".
 * @param {number} seconds
 */
function stepTime(seconds) {
  if (seconds >= 1 || seconds === 0) return ` ${pythonFixed(seconds, 0)}s/step`;
  if (seconds >= 1e-3) return ` ${pythonFixed(seconds * 1000.0, 0)}ms/step`;
  return ` ${pythonFixed(seconds * 1000000.0, 0)}us/step`;
}

/** @param {string} key */
const isLearningRate = (key) => key === 'lr' || key === 'learning_rate' || key.startsWith('learning_rate_');

/**
 * The order Keras 3 prints log keys in. CallbackList sorts every logs dict by key
 * (python_utils.pythonify_logs), and the progress bar keeps the order in which it first saw each
 * key: the batches' sorted training keys, then what is new at the epoch's end (the sorted val_*
 * keys), then what callbacks add after sorting (ReduceLROnPlateau's and LearningRateScheduler's
 * learning_rate). Metric names are ASCII, where JavaScript's sort is Python's.
 * @param {Record<string, number>} logs
 * @returns {string[]}
 */
export function orderLogKeys(logs) {
  const keys = Object.keys(logs);
  const rates = keys.filter(isLearningRate);
  const others = keys.filter((k) => !isLearningRate(k));
  const validation = others.filter((k) => k.startsWith('val_')).sort();
  return [...others.filter((k) => !k.startsWith('val_')).sort(), ...validation, ...rates];
}

/**
 * "Epoch 3/10", printed before an epoch's progress line; '' when fit runs a single epoch, where
 * Keras prints no header.
 * @param {number} epoch the epoch's number counted from 1
 * @param {number} epochs how many epochs fit runs
 */
export function epochHeader(epoch, epochs) {
  return epochs > 1 ? `Epoch ${epoch}/${epochs}` : '';
}

/**
 * @typedef {object} ProgressEnd
 * @property {number} batches how many steps ran (the bar's target)
 * @property {number} seconds how long the epoch (or the evaluation) took
 * @property {Record<string, number>} logs the engine's logs: loss, accuracy, val_loss, ...
 * @property {number} [stepSeconds] seconds per step; by default seconds / batches (Keras leaves
 *   the first step out of its estimate when there are more)
 * @property {1 | 2} [verbose] Keras's verbose argument; 1 by default
 */

/**
 * The progress line at the end of a run of steps.
 * @param {ProgressEnd} end
 */
function progressLine({ batches, seconds, logs, stepSeconds, verbose = 1 }) {
  const steps = Math.trunc(batches);
  const perStep = steps > 0 ? (stepSeconds ?? seconds / steps) : 0;
  const metrics = orderLogKeys(logs)
    .map((key) => ` - ${key}: ${formatLogValue(logs[key], verbose)}`)
    .join('');
  if (verbose === 2) {
    // Keras prints nothing at verbose=2 when there was no step to count.
    return steps > 0 ? `${steps}/${steps} - ${pythonFixed(seconds, 0)}s -${stepTime(perStep)}${metrics}` : '';
  }
  const bar =
    steps > 0 ? `${steps}/${steps} ${'━'.repeat(BAR_WIDTH)}` : `${String(steps).padStart(7)}/Unknown`;
  return `${bar} ${pythonFixed(seconds, 0)}s${stepTime(perStep)}${metrics}`;
}

/**
 * The line fit() prints at the end of an epoch (after epochHeader's line), e.g.
 * "13/13 ━━━━━━━━━━━━━━━━━━━━ 0s 4ms/step - accuracy: 0.8125 - loss: 0.4213 - val_accuracy:
 * 0.7500 - val_loss: 0.5012".
 * @param {ProgressEnd} end
 * @returns {string}
 */
export function epochLine(end) {
  return progressLine(end);
}

/**
 * The line evaluate() prints when it ends: the same form over the test steps, e.g.
 * "4/4 ━━━━━━━━━━━━━━━━━━━━ 0s 2ms/step - accuracy: 0.9000 - loss: 0.2874".
 * @param {ProgressEnd} end
 * @returns {string}
 */
export function evaluateLine(end) {
  return progressLine(end);
}
