// @ts-check
// The engine's `surface` requests and its answers read as runs. A run keeps the arrays exactly
// as the engine wrote them (float32, row-major); the accessors below only index them, so every
// point, loss, gradient and slot value the page shows is the engine's.

/**
 * @typedef {{name: string, parameters: string[], x_range: [number, number],
 *   y_range: [number, number], minimum: [number, number] | null}} FunctionFacts
 * @typedef {{facts: FunctionFacts, steps: number, stopped: {step: number, reason: string} | null,
 *   slotNames: string[], batchesPerEpoch: number | null, path: Float32Array,
 *   gradients: Float32Array, slots: Float32Array, grid: Float32Array | null}} SurfaceRun
 *   path: (steps + 1) × 3 rows [x, y, f]; gradients: steps × 2; slots: steps × (2 · slot count)
 */

export const GRID_RESOLUTION = 96;

/**
 * A `surface` request: `fn` from `start` with `optimizer` for `steps` steps, arrays under
 * `out`; `extra` adds batch_size, samples, seed or grid.
 * @param {{fn: string, start: number[], optimizer?: object, steps: number, out: string,
 *   extra?: Record<string, any>}} options
 */
export function surfaceRequest({ fn, start, optimizer, steps, out, extra = {} }) {
  const request = { op: 'surface', function: fn, steps, out, ...extra };
  if (steps > 0) Object.assign(request, { start: [start[0], start[1]], optimizer });
  return request;
}

/** The grid request for a function whose view `facts` tell (steps 0: only the grid). */
/** @param {FunctionFacts} facts @param {string} out @param {Record<string, any>} [extra] */
export function gridRequest(facts, out, extra = {}) {
  return surfaceRequest({
    fn: facts.name,
    start: [0, 0],
    steps: 0,
    out,
    extra: { ...extra, grid: { x: facts.x_range, y: facts.y_range, resolution: GRID_RESOLUTION } },
  });
}

const EMPTY = new Float32Array(0);

/**
 * One `surface` answer and the arrays of its event ({name: Float32Array}) as a run.
 * @param {any} answer @param {Record<string, Float32Array>} arrays @returns {SurfaceRun}
 */
export function runOf(answer, arrays) {
  const named = (/** @type {string} */ key) => {
    const name = answer?.arrays?.[key];
    return (typeof name === 'string' && arrays?.[name]) || null;
  };
  return {
    facts: answer.function,
    steps: answer.steps ?? 0,
    stopped: answer.stopped ?? null,
    slotNames: answer.slots ?? [],
    batchesPerEpoch: answer.batches_per_epoch ?? null,
    path: named('path') ?? EMPTY,
    gradients: named('gradients') ?? EMPTY,
    slots: named('slots') ?? EMPTY,
    grid: named('grid'),
  };
}

/** The points of a run's path (rows). @param {SurfaceRun} run */
export const pointCount = (run) => Math.floor(run.path.length / 3);

/**
 * The path row k (clamped to the last): {x, y, loss}.
 * @param {SurfaceRun} run @param {number} k
 */
export function pointAt(run, k) {
  const row = Math.max(0, Math.min(k, pointCount(run) - 1));
  return { x: run.path[row * 3], y: run.path[row * 3 + 1], loss: run.path[row * 3 + 2] };
}

/**
 * What step k (1-based: the update from row k-1 to row k) used and left: the gradient at row
 * k-1 and each slot's value after it, {name, x, y}; null beyond the run's steps or at k = 0.
 * @param {SurfaceRun} run @param {number} k
 * @returns {{gradient: [number, number], slots: {name: string, x: number, y: number}[]} | null}
 */
export function stepAt(run, k) {
  if (k < 1 || k > run.steps || run.gradients.length < 2 * k) return null;
  const width = 2 * run.slotNames.length;
  const slots = run.slotNames.map((name, s) => ({
    name,
    x: run.slots[(k - 1) * width + 2 * s],
    y: run.slots[(k - 1) * width + 2 * s + 1],
  }));
  return { gradient: [run.gradients[2 * (k - 1)], run.gradients[2 * (k - 1) + 1]], slots };
}

/**
 * The loss at every row of a run's path (column 2).
 * @param {SurfaceRun} run @returns {Float32Array}
 */
export function lossesOf(run) {
  const out = new Float32Array(pointCount(run));
  for (let k = 0; k < out.length; k += 1) out[k] = run.path[k * 3 + 2];
  return out;
}
