// @ts-check
// What the MLP lab tells the learner about settings that do not fit together, before or while
// training: a loss that does not suit the data, a learning rate that SGD will not survive, and
// the likely cause when the training loss stalls at the loss of a constant answer (ln 2 for two
// balanced classes, the targets' variance for MSE; kit/stall.mjs), named from the settings and
// from the dead ReLUs the lab counts, as the divergence banner names its fixes. Pure: state and
// progress -> hint list; the shell's hint banner shows them (strings `hint.<code>`).
import { taskOf } from '../../model/document.mjs';
import { STALL_EPOCHS } from '../../kit/stall.mjs';

/** @typedef {{code: string, args?: Record<string, string | number>, preset?: string}} Hint */
/** @typedef {import('../registry.mjs').HintProgress} HintProgress */

const CROSS_ENTROPIES = new Set([
  'binary_crossentropy',
  'categorical_crossentropy',
  'sparse_categorical_crossentropy',
]);
const SATURATING = new Set(['sigmoid', 'tanh']);
/** Settings named as a stall's likely cause from these values on (rules of thumb, not
 *  measured): a regularization rate, a dropout rate, the number of sigmoid/tanh layers, a
 *  learning rate at most `lr`, and the share of ReLU neurons that are dead. */
export const STALL_LIMITS = Object.freeze({
  regRate: 0.1,
  dropout: 0.5,
  saturatingLayers: 6,
  lr: 1e-3,
  deadShare: 0.5,
});

/**
 * The likely causes of a stall in `state`, most likely first; `dead` and `relu` count the dead
 * and all ReLU neurons (progress figures of the lab).
 * @param {Record<string, any>} state
 * @param {{dead?: number, relu?: number}} units
 * @returns {Hint[]}
 */
export function stallCauses(state, { dead = 0, relu = 0 } = {}) {
  /** @type {Hint[]} */
  const causes = [];
  if (state.reg !== 'none' && state.regRate >= STALL_LIMITS.regRate) {
    causes.push({ code: 'stallRegularization', args: { rate: state.regRate } });
  }
  if (state.dropout >= STALL_LIMITS.dropout)
    causes.push({ code: 'stallDropout', args: { rate: state.dropout } });
  const saturating = (state.layers ?? []).filter((/** @type {any} */ l) => SATURATING.has(l.activation));
  if (saturating.length >= STALL_LIMITS.saturatingLayers) {
    causes.push({ code: 'stallDeep', args: { n: saturating.length } });
  }
  // Zero weights give every neuron of a layer the same output and gradient (none at all with
  // ReLU or tanh): the initializer, not the neurons, is then what to change.
  if (state.init === 'zeros') causes.push({ code: 'stallZeroInit' });
  else if (relu > 0 && dead / relu >= STALL_LIMITS.deadShare) {
    causes.push({ code: 'stallDeadRelu', args: { dead, relu } });
  }
  if (state.lr <= STALL_LIMITS.lr) causes.push({ code: 'stallLowLr', args: { lr: state.lr } });
  if (causes.length === 0) causes.push({ code: 'stallOther' });
  return causes;
}

/**
 * Hints for the lab's state (its own field names) and its run: when `progress.stalled` (the
 * training loss has sat at the constant answer's loss, `progress.baseline`, for STALL_EPOCHS
 * epochs), what that means and its likely causes.
 * @param {Record<string, any>} state
 * @param {Partial<HintProgress>} [progress]
 * @returns {Hint[]}
 */
export function mlpHints(state, progress = {}) {
  /** @type {Hint[]} */
  const hints = [];
  const { task } = taskOf(state);
  if (task === 'regression' && CROSS_ENTROPIES.has(state.loss)) {
    hints.push({ code: 'lossNeedsClasses', args: { loss: state.loss } });
  } else if (task === 'classification' && (state.loss === 'mse' || state.loss === 'mae')) {
    hints.push({ code: 'regressionLossOnClasses', args: { loss: state.loss } });
  }
  if (state.optimizer === 'sgd' && state.lr >= 1) hints.push({ code: 'sgdHighLr', args: { lr: state.lr } });
  if (!progress.stalled) return hints;
  const baseline = typeof progress.baseline === 'number' ? progress.baseline : Math.LN2;
  const stalled = {
    code: task === 'regression' ? 'stalledMean' : 'stalled',
    args: { value: baseline.toFixed(3), epochs: STALL_EPOCHS },
  };
  return [...hints, stalled, ...stallCauses(state, { dead: progress.deadUnits, relu: progress.reluUnits })];
}

/**
 * The ReLU neurons of the hidden layers and how many of them are dead: their output is 0 at
 * every point of the neuron maps' grid (which covers the data), so no gradient passes them.
 * @param {{activation: string}[]} layers the lab's hidden layers
 * @param {{values: ArrayLike<number>, resolution: number, maps: {layer: string, unit: number,
 *   offset: number}[]} | null | undefined} grid a snapshot's neuron maps: the outputs' maps
 *   first, then each hidden layer's in order (configure.mjs)
 * @returns {{dead: number, relu: number}}
 */
export function deadReluUnits(layers, grid) {
  const out = { dead: 0, relu: 0 };
  if (!grid?.maps?.length) return out;
  const size = grid.resolution * grid.resolution;
  /** @type {string[]} the hidden layers' names in order, after the outputs' */
  const names = [];
  for (const map of grid.maps) if (!names.includes(map.layer)) names.push(map.layer);
  const hidden = names.slice(1);
  for (const map of grid.maps) {
    const index = hidden.indexOf(map.layer);
    if (index < 0 || layers[index]?.activation !== 'relu') continue;
    out.relu += 1;
    let alive = false;
    for (let i = map.offset; i < map.offset + size && !alive; i += 1) alive = grid.values[i] > 0;
    if (!alive) out.dead += 1;
  }
  return out;
}
