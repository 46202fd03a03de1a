// @ts-check
// What one training batch costs, so a model too slow to train live is refused at the control
// that asked for it. The worker trains whole batches: a batch of LSTM(64) × 3 Bidirectional
// layers × 100 steps takes about 0.6 s in wasm on a 2-core laptop, and Pause waits for it.
// The estimate counts the multiply-adds of the recurrent layers' forward pass (gates × units ×
// (inputs + units + 1) per step and direction); 170 M per batch is about 170 ms there
// (LSTM(64) × 2 layers × 100 steps × batch 32, measured with tests/wasm's engine in Node).
import { taskShape } from './document.mjs';

export const COST_LIMIT = 170e6;
/** The fields whose change can make a batch dearer. */
export const COST_KEYS = ['task', 'window', 'seqLength', 'cell', 'units', 'depth', 'bidirectional', 'batch'];
const GATES = { simple_rnn: 1, lstm: 4, gru: 3 };

/**
 * Multiply-adds of one batch's forward pass through the recurrent layers of lab state `state`.
 * @param {Record<string, any>} state
 */
export function batchCost(state) {
  const { steps, features } = taskShape(state);
  const directions = state.bidirectional ? 2 : 1;
  const gates = GATES[/** @type {keyof typeof GATES} */ (state.cell)] ?? 4;
  let inputs = features;
  let total = 0;
  for (let layer = 0; layer < state.depth; layer += 1) {
    total += directions * gates * state.units * (inputs + state.units + 1);
    inputs = directions * state.units;
  }
  return total * steps * state.batch;
}

/**
 * Whether state `state` trains live: {ok: true} or {ok: false, times} (how many times the
 * limit, one decimal).
 * @param {Record<string, any>} state
 */
export function checkCost(state) {
  const cost = batchCost(state);
  return cost <= COST_LIMIT ? { ok: true } : { ok: false, times: Math.round((cost / COST_LIMIT) * 10) / 10 };
}
