// One pass of the backprop lab as the engine computed it, pure: reads a snapshot of the session
// ({answers, arrays} of [get_weights, backprop]) into plain per-layer numbers. Nothing here
// computes a value the page shows as the engine's.
import { answersByOp, arrayNamed } from '../../kit/session-answers.mjs';

/**
 * @typedef {{input: Float32Array, z: Float32Array, a: Float32Array, dEda: Float32Array,
 *   dEdz: Float32Array, linear: boolean}} LayerPass
 *   a Dense layer, one sample: input [in], z and a [units], dE/da and dE/dz [units]; `linear`:
 *   the engine gives no z (no activation), so z = a and dE/dz = dE/da.
 * @typedef {{loss: number, weights: Float32Array, grads: Float32Array, layers: LayerPass[]}} Pass
 *   weights and grads: every weight and its dE/dw in get_weights order.
 */

/**
 * The pass of a snapshot, or null when it lacks a part (a stale or failed snapshot).
 * @param {object[]} requests the snapshot requests @param {{answers: any[], arrays: Record<string, Float32Array>}} event
 * @returns {Pass | null}
 */
export function readPass(requests, event) {
  const { get_weights: got, backprop } = answersByOp(requests, event?.answers);
  const weights = arrayNamed(event, got?.array);
  if (!weights || !backprop?.layers) return null;
  const layers = [];
  const grads = [];
  for (const layer of backprop.layers) {
    const read = (what) => arrayNamed(event, layer.arrays?.[what]);
    const a = read('output');
    const input = read('input');
    const dEda = read('grad_output');
    if (!a || !input || !dEda) return null;
    const z = read('pre_activation');
    const dEdz = read('grad_pre_activation');
    layers.push({ input, a, dEda, z: z ?? a, dEdz: dEdz ?? dEda, linear: !z });
    for (const w of layer.weights ?? []) {
      const g = arrayNamed(event, w.array);
      if (!g) return null;
      grads.push(...g);
    }
  }
  if (grads.length !== weights.length) return null;
  return { loss: backprop.loss, weights, grads: Float32Array.from(grads), layers };
}
