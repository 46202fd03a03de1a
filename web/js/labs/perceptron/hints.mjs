// @ts-check
// What the perceptron lab tells the learner when a gate cannot be learned: one neuron draws one
// straight line, and XOR (or XNOR) puts its 1s on a diagonal no line can cut off. After
// XOR_PATIENCE epochs with points still misclassified, the hint says why and points to a
// hidden layer (here, or the multi-layer lab's XOR). Never for AND, OR or NAND: they are
// separable and the perceptron rule finds their line. Pure: state and progress -> hint list.

/** @typedef {import('../registry.mjs').HintProgress} HintProgress */

/** Epochs the perceptron gets before its failure on XOR is explained. */
export const XOR_PATIENCE = 20;
/** The gates no single line separates. */
const NOT_SEPARABLE = new Set(['xor', 'xnor']);

/**
 * @param {Record<string, any>} state the lab's state (gate, pHidden)
 * @param {Partial<HintProgress>} [progress] epochs trained and `misclassified` (the lab's count
 *   of points on the wrong side of the line)
 * @returns {{code: string, args?: Record<string, string | number>, preset?: string}[]}
 */
export function perceptronHints(state, progress = {}) {
  if (state.pHidden || !NOT_SEPARABLE.has(state.gate)) return [];
  if ((progress.epochs ?? 0) < XOR_PATIENCE || !(progress.misclassified > 0)) return [];
  return [{ code: 'notSeparable', args: { gate: String(state.gate).toUpperCase() }, preset: 'mlp-xor' }];
}
