// Asks things of the learner's model without touching it: a copy (the session's saved file,
// with the learner's array data, or random data, when it has no data block) is loaded into a
// probe session and the requests run there, whose answers and arrays the page gets back (the
// lab's own session answers calls without their arrays). Used by predict and by the TF.js and
// data exports.
import { setupFor } from './workbench.mjs';

export class Probe {
  /** @param {{session: (name: string) => any}} relay @param {import('./workbench.mjs').Workbench} workbench */
  constructor(relay, workbench) {
    this.session = relay.session('workbench-probe');
    this.workbench = workbench;
  }

  /**
   * Runs `requests` on a copy of the current model; resolves with {answers (those of
   * `requests` only), arrays}; rejects with the engine's {path, message}.
   * @param {object[]} requests
   * @returns {Promise<{answers: any[], arrays: Record<string, Float32Array>}>}
   */
  async run(requests) {
    const current = this.workbench.current;
    const file = await this.workbench.savedFile();
    if (!current || !file) throw { path: '', message: 'no model yet' };
    const { setup, arrays } = setupFor(current.doc, current.model, file, this.workbench.data);
    const done = await this.session.configure({ setup: [...setup, ...requests], snapshot: [], arrays });
    return { answers: done.answers.slice(setup.length), arrays: done.arrays };
  }

  close() {
    this.session.close();
  }
}
