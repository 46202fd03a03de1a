// The lab's 2-D data, made once per setting by the engine in the lab's main session (the named
// generator, documents.mjs dataSetup; that session never trains) and read back as raw points:
// the training points every section learns from and the held-out test points. Kept until the
// data settings change.
import { dataSetup } from './documents.mjs';
import { answersByOp, arrayNamed } from '../../kit/session-answers.mjs';

/**
 * @typedef {{trainX: Float32Array, trainY: Float32Array, testX: Float32Array,
 *   testY: Float32Array}} LabData  x: n×2 row-major, y: class ids 0/1
 */

export class DataSource {
  /** @param {any} session the lab's session handle (ctx.session) */
  constructor(session) {
    this.session = session;
    this.key = '';
    /** @type {Promise<LabData> | null} */
    this.pending = null;
  }

  /**
   * The points of {dataset, noise, train, seed}; the same settings give the same promise.
   * Rejects with the engine's error.
   * @param {{dataset: string, noise: number, train: number, seed: number}} options
   * @returns {Promise<LabData>}
   */
  get(options) {
    const key = JSON.stringify(options);
    if (key === this.key && this.pending) return this.pending;
    this.key = key;
    const setup = dataSetup(options);
    this.pending = this.session.configure({ setup, snapshot: [] }).then((event) => {
      const { points } = answersByOp(setup, event.answers);
      const array = (name) => Float32Array.from(arrayNamed(event, points.arrays[name]) ?? []);
      return {
        trainX: array('train_x'),
        trainY: array('train_y'),
        testX: array('validation_x'),
        testY: array('validation_y'),
      };
    });
    this.pending.catch(() => {
      this.key = '';
    });
    return this.pending;
  }
}
