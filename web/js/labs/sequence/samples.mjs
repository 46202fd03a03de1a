// @ts-check
// The samples the page shows, made here in the engine's formats (engine/core/data): the probe
// set (one sequence per pick, the state maps' input) and, for the waves, a stretch of
// consecutive windows whose one-step predictions are drawn against the wave. Deterministic in
// the seed and the pick; the probe sequences are the task's, not rows of the training data.
import { seededRandom } from '../../kit/seeded-random.mjs';
import { COPY_LENGTH, PERIOD, SYMBOLS, taskShape } from './document.mjs';
import { WAVES } from './fields.mjs';

/** Windows in the prediction stretch of a wave. */
export const STRETCH = 80;

/**
 * A wave's clean value at step s (amplitude 1, PERIOD steps).
 * @param {string} wave
 * @param {number} s
 */
export function waveValue(wave, s) {
  const cycles = s / PERIOD;
  const u = cycles - Math.floor(cycles);
  if (wave === 'sine') return Math.sin(2 * Math.PI * u);
  if (wave === 'sawtooth') return 2 * u - 1;
  return u < 0.5 ? 1 : -1;
}

/**
 * Probe sample `pick` of the task: {x: Float32Array [steps × features] (row-major per step),
 * y: Float32Array (the targets: 1 value, or one class id per step for copy memory), steps,
 * features, marks: the steps a learner should look at (adding's markers, copy's symbols)}.
 * @param {Record<string, any>} state
 * @param {number} pick
 */
export function probeSample(state, pick) {
  const { steps, features } = taskShape(state);
  const x = new Float32Array(steps * features);
  const draw = seededRandom(state.seed * 7919 + pick * 104729 + 1);
  /** @type {number[]} */
  const marks = [];
  let y;
  if (WAVES.includes(state.task)) {
    const phase = (pick * PERIOD) / 8;
    for (let t = 0; t < steps; t += 1) x[t] = waveValue(state.task, phase + t);
    y = Float32Array.of(waveValue(state.task, phase + steps));
  } else if (state.task === 'adding') {
    const half = Math.floor(steps / 2);
    for (let t = 0; t < steps; t += 1) x[2 * t] = draw();
    marks.push(Math.floor(draw() * half), half + Math.floor(draw() * (steps - half)));
    for (const t of marks) x[2 * t + 1] = 1;
    y = Float32Array.of(x[2 * marks[0]] + x[2 * marks[1]]);
  } else if (state.task === 'parity') {
    let ones = 0;
    for (let t = 0; t < steps; t += 1) {
      x[t] = draw() < 0.5 ? 0 : 1;
      ones += x[t];
    }
    y = Float32Array.of(ones % 2);
  } else {
    // Copy memory: COPY_LENGTH symbols, blanks, the delimiter, then the recall steps.
    y = new Float32Array(steps);
    const delimiter = steps - COPY_LENGTH - 1;
    for (let t = 0; t < steps; t += 1) {
      let token = 0;
      if (t < COPY_LENGTH) {
        token = 1 + Math.floor(draw() * SYMBOLS);
        y[t + steps - COPY_LENGTH] = token;
        marks.push(t);
      } else if (t === delimiter) {
        token = SYMBOLS + 1;
      }
      x[t * features + token] = 1;
    }
  }
  return { x, y, steps, features, marks };
}

/**
 * The prediction stretch of a wave: STRETCH consecutive clean windows {x: Float32Array
 * [STRETCH × window], target: Float32Array [STRETCH] (the value after each window), inputs: the
 * wave itself over the whole stretch}.
 * @param {string} wave
 * @param {number} window
 */
export function waveStretch(wave, window) {
  const x = new Float32Array(STRETCH * window);
  const target = new Float32Array(STRETCH);
  for (let k = 0; k < STRETCH; k += 1) {
    for (let t = 0; t < window; t += 1) x[k * window + t] = waveValue(wave, k + t);
    target[k] = waveValue(wave, k + window);
  }
  return { x, target };
}
