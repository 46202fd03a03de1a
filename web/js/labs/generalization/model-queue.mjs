// Models trained one after another in one session of the section's own (kit/experiment-run:
// configure, play in the worker's slices, settle with the end-of-training snapshot), so the
// page stays responsive and each model's figures arrive as it finishes. Pause holds the model
// in training and Continue goes on from there; a new start or a reset drops the queue.
import { startRun } from '../../kit/experiment-run.mjs';
import { modelFigures, modelRequests } from './documents.mjs';

/**
 * @typedef {{document: Record<string, any>, arrays: Record<string, Float32Array>,
 *   predictEval?: boolean}} ModelJob
 * @typedef {ReturnType<typeof modelFigures> & {diverged: boolean, epochs: number}} ModelResult
 */

export class ModelQueue {
  /**
   * @param {{session: (name: string) => any}} relay
   * @param {string} name the section's session name
   * @param {{onModel: (index: number) => void, onChange: () => void, onEpoch: () => void}}
   *   listeners onModel: model `index` finished (results[index] is set); onChange: a start,
   *   pause, resume, end or failure; onEpoch: the model in training finished an epoch (cheap
   *   updates only: it comes many times a second)
   */
  constructor(relay, name, { onModel, onChange, onEpoch }) {
    this.relay = relay;
    this.name = name;
    this.onModel = onModel;
    this.onChange = onChange;
    this.onEpoch = onEpoch;
    this.generation = 0;
    this.reset();
  }

  /** Drops everything: no jobs, no results. */
  reset() {
    this.generation += 1;
    this.current?.stop();
    this.current = null;
    /** @type {ModelJob[]} */
    this.jobs = [];
    /** @type {(ModelResult | null)[]} */
    this.results = [];
    this.index = 0; // the model in training (jobs.length when all finished)
    this.epoch = 0; // its finished epochs
    this.paused = false;
    this.failure = '';
  }

  /** 'idle' (nothing started), 'running', 'paused', 'done' or 'failed'. */
  get state() {
    if (this.failure) return 'failed';
    if (this.jobs.length === 0) return 'idle';
    if (this.index >= this.jobs.length) return 'done';
    return this.paused ? 'paused' : 'running';
  }

  /** Starts `jobs` from the first. @param {ModelJob[]} jobs */
  start(jobs) {
    this.reset();
    this.jobs = jobs;
    this.results = jobs.map(() => null);
    this.run(this.generation);
    this.onChange();
  }

  pause() {
    if (this.state !== 'running') return;
    this.paused = true;
    this.current?.pause();
    this.onChange();
  }

  resume() {
    if (this.state !== 'paused') return;
    this.paused = false;
    this.current?.resume();
    this.onChange();
  }

  /** @param {number} generation */
  async run(generation) {
    while (this.index < this.jobs.length) {
      const job = this.jobs[this.index];
      const { setup, snapshot } = modelRequests(job.document, { predictEval: job.predictEval });
      this.epoch = 0;
      this.current = startRun(this.relay, this.name, {
        setup,
        snapshot,
        arrays: job.arrays,
        onEpoch: (_logs, epoch) => {
          this.epoch = epoch + 1;
          this.onEpoch();
        },
      });
      if (this.paused) this.current.pause();
      let result;
      try {
        result = await this.current.done;
      } catch (/** @type {any} */ error) {
        if (generation !== this.generation) return;
        this.failure = error?.message ?? String(error);
        this.onChange();
        return;
      }
      if (generation !== this.generation || result.stopped) return;
      if (!result.snapshot) {
        this.failure = 'no measurements came back';
        this.onChange();
        return;
      }
      this.results[this.index] = {
        ...modelFigures(result.snapshot),
        diverged: result.diverged,
        epochs: result.epochs,
      };
      this.index += 1;
      this.onModel(this.index - 1);
    }
    this.current?.session.close();
    this.current = null;
    this.onChange();
  }

  /** Stops and closes the session (the lab is leaving). */
  dispose() {
    this.reset();
  }
}
