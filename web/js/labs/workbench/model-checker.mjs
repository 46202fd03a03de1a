// @ts-check
// Tries a model before it replaces the learner's: each candidate (a document, a Keras
// `to_json()` object or a saved nnplay file) is built in a scratch session of its own, and
// only one that builds goes to the lab's session. The scratch session's `save` also turns an
// imported Keras model into the nnplay document the editor shows.

/** @typedef {{path: string, message: string}} EngineError */
/** @typedef {{ok: true, document: any, model: any, summary: string, file: any}
 *   | {ok: false, error: EngineError}} Checked */

export class ModelChecker {
  /** @param {{session: (name: string) => any}} relay */
  constructor(relay) {
    this.session = relay.session('workbench-check');
    /** Only the newest check may answer (a slower older one is dropped). */
    this.token = 0;
  }

  /**
   * Runs `setup` (requests ending in the candidate's `build` or `load`, with `arrays`) in the
   * scratch session. Resolves with the canonical document, the model info, its summary and the
   * saved file, or with the engine's error (its path without the "/setup/<k>" of the
   * configuration); null when a newer check started meanwhile.
   * @param {Record<string, any>[]} setup
   * @param {Record<string, Float32Array>} [arrays]
   * @returns {Promise<Checked | null>}
   */
  async check(setup, arrays = {}) {
    this.token += 1;
    const token = this.token;
    try {
      const { answers } = await this.session.configure({
        setup: [...setup, { op: 'save' }],
        snapshot: [],
        arrays,
      });
      if (token !== this.token) return null;
      const saved = /** @type {any} */ (answers.at(-1));
      const built = /** @type {any} */ (
        [...answers].reverse().find((a) => a && 'model' in /** @type {any} */ (a))
      );
      const document = structuredClone(saved.file.spec);
      return { ok: true, document, model: built.model, summary: built.summary, file: saved.file };
    } catch (error) {
      if (token !== this.token) return null;
      const e = /** @type {any} */ (error);
      const path = String(e?.path ?? '').replace(/^\/setup\/\d+(?=\/|$)/, '');
      return { ok: false, error: { path, message: String(e?.message ?? e) } };
    }
  }

  close() {
    this.session.close();
  }
}
