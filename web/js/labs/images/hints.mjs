// @ts-check
// What the images lab tells the learner when training stalls: the training loss sits at the
// loss of guessing every class by its frequency (ln 10 ≈ 2.30 for ten balanced classes;
// kit/stall.mjs), with the likely cause named from the settings, and a way back to the notes'
// model that learns. Pure: state and progress -> hint list (strings `hint.<code>`).

/** Settings named as a stall's cause from these values on (rules of thumb, not measured). */
export const STALL_LIMITS = Object.freeze({ regRate: 0.1, dropout: 0.5, lr: 1 });

/**
 * @param {Record<string, any>} state the lab's state
 * @param {Partial<import('../registry.mjs').HintProgress>} progress
 * @returns {{code: string, args?: Record<string, string | number>, preset?: string}[]}
 */
export function imageHints(state, progress) {
  if (!progress.stalled) return [];
  const baseline = Number(progress.baseline ?? Math.log(10)).toFixed(2);
  if (state.reg !== 'none' && state.regRate >= STALL_LIMITS.regRate) {
    return [{ code: 'imgStallRegularization', args: { rate: state.regRate, baseline } }];
  }
  if (state.hiddenLayers > 0 && state.dropout >= STALL_LIMITS.dropout) {
    return [{ code: 'imgStallDropout', args: { rate: state.dropout, baseline } }];
  }
  if (state.lr >= STALL_LIMITS.lr) return [{ code: 'imgStallRate', args: { lr: state.lr, baseline } }];
  return [{ code: 'imgStalled', args: { baseline }, preset: 'notes-relu' }];
}
