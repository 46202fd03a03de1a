// Text sampling in a second engine session, so the training session never pauses for it: the
// sampler session holds a copy of the model (built from the same document, weights copied from
// the training session's snapshots) and predicts one window at a time. The worker answers a
// call with the answer only; the arrays come with the snapshot that follows every call, whose
// one request predicts the window `gen_x`. So predict(ids) = a call that sets gen_x, then that
// snapshot's probabilities. Calls go one at a time.
import { generate } from './text.mjs';
import { setWeightsCall } from '../../kit/session-answers.mjs';

const GEN = 'gen_x';

export class Sampler {
  /** @param {{configure: Function, call: Function, on: Function, close: Function}} session a
   *  SessionHandle of its own (relay.session(name)) */
  constructor(session) {
    this.session = session;
    this.waiting = null; // resolves with the next snapshot event
    this.busy = null; // the running sample() promise
    this.off = session.on('snapshot', (event) => {
      const resolve = this.waiting;
      this.waiting = null;
      resolve?.(event);
    });
  }

  /** Builds the model of `document` (no data: it only predicts) for windows of `window` ids. */
  async configure(document, window) {
    this.window = window;
    this.ready = this.session
      .configure({
        setup: [{ op: 'build', spec: document }],
        snapshot: [{ op: 'predict', x: [GEN], out: 'gen' }],
        arrays: { [GEN]: new Float32Array(window) },
      })
      .then(() => true);
    return this.ready;
  }

  /** Resolves with the snapshot event that follows `request` (with `arrays` set first). */
  async callThenSnapshot(request, arrays) {
    const next = new Promise((resolve) => {
      this.waiting = resolve;
    });
    await this.session.call(request, arrays);
    return next;
  }

  /**
   * `count` characters from the model with `weights` (the training session's get_weights
   * array), after `seedText`, at `temperature`, drawn with `seed` (generate in text.mjs). A call
   * while one runs waits for it first.
   * @param {{weights: Float32Array, seedText: string, vocab: string[], count: number,
   *   temperature: number, seed: number}} options
   * @returns {Promise<string>}
   */
  async sample({ weights, seedText, vocab, count, temperature, seed }) {
    while (this.busy) await this.busy.catch(() => {});
    const run = (async () => {
      await this.ready;
      const { request, arrays } = setWeightsCall(weights);
      await this.callThenSnapshot(request, arrays);
      return generate({
        seedText,
        vocab,
        window: this.window,
        count,
        temperature,
        seed,
        predict: async (ids) => {
          const event = await this.callThenSnapshot({ op: 'tune' }, { [GEN]: ids });
          const name = event.answers?.[0]?.arrays?.[0]?.name;
          return event.arrays?.[name] ?? new Float32Array(0);
        },
      });
    })();
    this.busy = run;
    try {
      return await run;
    } finally {
      if (this.busy === run) this.busy = null;
    }
  }

  close() {
    this.off();
    this.session.close();
  }
}
