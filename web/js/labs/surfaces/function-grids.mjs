// The facts (view, parameter names, minimum) and the contour grid of each function, asked of
// the engine once per function and kept: a steps-0 `surface` request for the view, then one
// with `grid` over that view.
import { gridRequest, runOf, surfaceRequest } from './surface-answers.mjs';

export class FunctionGrids {
  /**
   * @param {{configure: (c: object) => Promise<{answers: any[], arrays: Record<string, Float32Array>}>}} session
   * @param {string} out the array-name prefix of the grid
   * @param {Record<string, any>} [extra] added to both requests (e.g. samples)
   */
  constructor(session, out, extra = {}) {
    this.session = session;
    this.out = out;
    this.extra = extra;
    /** @type {Map<string, {facts: import('./surface-answers.mjs').FunctionFacts, grid: Float32Array | null}>} */
    this.known = new Map();
  }

  /** {facts, grid} of function `fn`, from the engine the first time. @param {string} fn */
  async get(fn) {
    const kept = this.known.get(fn);
    if (kept) return kept;
    const facts = (
      await this.session.configure({
        setup: [surfaceRequest({ fn, start: [0, 0], steps: 0, out: this.out, extra: this.extra })],
        snapshot: [],
      })
    ).answers[0].function;
    const event = await this.session.configure({
      setup: [gridRequest(facts, this.out, this.extra)],
      snapshot: [],
    });
    // The grid array is copied: the next configure of the session may reuse the name.
    const grid = runOf(event.answers[0], event.arrays).grid;
    const entry = { facts, grid: grid ? Float32Array.from(grid) : null };
    this.known.set(fn, entry);
    return entry;
  }
}
