// Several engine sessions of their own trained in lockstep: each round every session trains
// exactly one epoch (its own batches per epoch) through a single `train` call, so their curves
// advance together whatever their speed, and the worker's time for each call (ms) is the
// engine's time for that epoch. Each session's setup ends with get_weights, kept as its
// initial weights (the race compares them exactly).
import { answersByOp, weightsOf } from '../../kit/session-answers.mjs';

export class Lockstep {
  /** @param {{session: (name: string) => any}} relay @param {string} prefix session names */
  constructor(relay, prefix) {
    this.relay = relay;
    this.prefix = prefix;
    /** @type {{key: string, session: any, batches: number, losses: number[], lastBatch: number[],
     *   ms: number[], updates: number, finished: boolean, initial: Float32Array | null}[]} */
    this.runs = [];
    this.generation = 0;
  }

  /**
   * Configures one session per entry {key, document, batches (per epoch)}; resolves once all are
   * built, with their runs (initial weights read); rejects with the first engine error.
   * @param {{key: string, document: object, batches: number}[]} entries
   */
  async start(entries) {
    this.close();
    const generation = ++this.generation;
    const setup = (document) => [
      { op: 'build', spec: document },
      { op: 'set_data' },
      { op: 'get_weights', out: 'initial' },
    ];
    this.runs = entries.map(({ key, batches }) => ({
      key,
      session: this.relay.session(`${this.prefix}-${key}`),
      batches,
      losses: [],
      lastBatch: [],
      ms: [],
      updates: 0,
      finished: false,
      initial: null,
    }));
    await Promise.all(
      this.runs.map(async (run, i) => {
        const requests = setup(entries[i].document);
        const event = await run.session.configure({ setup: requests, snapshot: [] });
        if (generation !== this.generation) return;
        run.initial = weightsOf(event, answersByOp(requests, event.answers).get_weights)?.weights ?? null;
      }),
    );
    return generation === this.generation ? this.runs : null;
  }

  /** Whether every session reached its epoch limit (or none is there). */
  get finished() {
    return this.runs.length === 0 || this.runs.every((r) => r.finished);
  }

  /** The epochs trained by the run that trained fewest. */
  get epochs() {
    return this.runs.length === 0 ? 0 : Math.min(...this.runs.map((r) => r.losses.length));
  }

  /** One epoch for every unfinished session; resolves false when the runs changed meanwhile. */
  async round() {
    const generation = this.generation;
    const runs = this.runs.filter((r) => !r.finished);
    const replies = await Promise.all(
      runs.map((run) => run.session.timedCall({ op: 'train', batches: run.batches })),
    );
    if (generation !== this.generation) return false;
    replies.forEach(({ answer, ms }, i) => {
      const run = runs[i];
      for (const { logs } of answer.epoch_logs ?? []) run.losses.push(logs.loss);
      run.ms.push(ms);
      run.lastBatch.push(answer.logs?.loss);
      run.updates = answer.iterations ?? run.updates + run.batches;
      run.finished = Boolean(answer.finished) || Boolean(answer.diverged);
    });
    return true;
  }

  /**
   * Rounds while `keepGoing()` says so and a session is unfinished, calling `onRound` after each.
   * Resolves '' when they stop (finished, paused, or the runs changed meanwhile), or the first
   * engine error's message, where the rounds stop.
   * @param {() => boolean} keepGoing @param {() => void} onRound
   */
  async runRounds(keepGoing, onRound) {
    while (keepGoing() && !this.finished) {
      try {
        if (!(await this.round())) return '';
      } catch (error) {
        return error?.message ?? String(error);
      }
      onRound();
    }
    return '';
  }

  close() {
    this.generation += 1;
    for (const run of this.runs) run.session.close();
    this.runs = [];
  }
}
