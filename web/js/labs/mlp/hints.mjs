// @ts-check
// What the MLP lab tells the learner about settings that do not fit together, before or while
// training: a loss that does not suit the data, a learning rate that SGD will not survive, and
// the likely cause when the loss stalls at ln 2 (a coin toss). Pure: state -> hint list; the
// shell's hint banner shows them (strings `hint.<code>` with the values of `args`).
import { taskOf } from '../../model/document.mjs';

/** @typedef {{code: string, args?: Record<string, string | number>}} Hint */

const CROSS_ENTROPIES = new Set([
  'binary_crossentropy',
  'categorical_crossentropy',
  'sparse_categorical_crossentropy',
]);
const SATURATING = new Set(['sigmoid', 'tanh']);
/** Settings named as a stall's likely cause from these values on (rules of thumb, not measured). */
export const STALL_LIMITS = Object.freeze({ regRate: 0.1, dropout: 0.5, saturatingLayers: 6 });

/**
 * Hints for the lab's state (its own field names) and, when `stalled` (the loss has sat near
 * ln 2 for a while), the likely causes of the stall.
 * @param {Record<string, any>} state
 * @param {{stalled?: boolean}} [progress]
 * @returns {Hint[]}
 */
export function mlpHints(state, { stalled = false } = {}) {
  /** @type {Hint[]} */
  const hints = [];
  const { task } = taskOf(state);
  if (task === 'regression' && CROSS_ENTROPIES.has(state.loss)) {
    hints.push({ code: 'lossNeedsClasses', args: { loss: state.loss } });
  } else if (task === 'classification' && (state.loss === 'mse' || state.loss === 'mae')) {
    hints.push({ code: 'regressionLossOnClasses', args: { loss: state.loss } });
  }
  if (state.optimizer === 'sgd' && state.lr >= 1) hints.push({ code: 'sgdHighLr', args: { lr: state.lr } });
  if (!stalled) return hints;
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
  if (causes.length === 0) causes.push({ code: 'stallOther' });
  return [...hints, { code: 'stalled' }, ...causes];
}
