// @ts-check
// What the activations lab tells the learner once the deep sigmoid/tanh tower trains: when its
// first layer gets orders of magnitude less gradient than its last (the lab's per-layer
// gradient norms, `deepFirst` and `deepLast`), the name of what happens (vanishing gradient)
// and what helps. The lab's own text compares layer 1 across the towers; this hint compares
// the ends of one tower and names the remedies. Pure: state and progress -> hint list.
import { tenToThe } from '../../kit/readable-numbers.mjs';

/** @typedef {import('../registry.mjs').HintProgress} HintProgress */

/** How many times less gradient layer 1 gets than the last layer before the hint shows. */
export const VANISHING_RATIO = 100;
/** The largest slope of each tower activation: every layer scales the gradient by at most it. */
const MAX_SLOPE = Object.freeze({ sigmoid: 0.25, tanh: 1 });

/**
 * @param {Record<string, any>} state the lab's state (deepAct, deepDepth)
 * @param {Partial<HintProgress>} [progress] iterations trained, and the deep tower's first and
 *   last layer gradient norms (`deepFirst`, `deepLast`)
 * @returns {{code: string, args?: Record<string, any>}[]}
 */
export function activationsHints(state, progress = {}) {
  const { deepFirst, deepLast } = progress;
  if (!((progress.iterations ?? 0) > 0) || !(deepFirst > 0) || !(deepLast > 0)) return [];
  const ratio = deepLast / deepFirst;
  if (!(ratio >= VANISHING_RATIO)) return [];
  const act = state.deepAct === 'tanh' ? 'tanh' : 'sigmoid';
  return [
    {
      code: 'vanishing',
      args: {
        act: { key: `act.name.${act}` },
        ratio: tenToThe(Math.floor(Math.log10(ratio))),
        depth: state.deepDepth,
        slope: MAX_SLOPE[act],
      },
    },
  ];
}
