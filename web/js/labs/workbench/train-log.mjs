// The fit log as Keras prints it (keras-log.mjs): "Epoch k/N" and the epoch's line with every
// log of the engine's train answers, evaluate's line, and a note when training stops early or
// diverges. Times are the page's wall-clock time between epochs.
import { epochHeader, epochLine, evaluateLine } from './keras-log.mjs';

const MAX_LINES = 2000;

export class TrainLog {
  /** @param {HTMLElement} el @param {{session: any, fitEpochs: () => number}} opts
   *  fitEpochs: the model's fit epochs (the toolbar's Play trains to them) */
  constructor(el, { session, fitEpochs }) {
    this.el = el;
    this.session = session;
    this.fitEpochs = fitEpochs;
    /** The epoch the running fit() ends at (the page's fit button sets it). */
    this.target = 0;
    /** @type {string[]} */
    this.lines = [];
    this.epochs = 0;
    this.since = performance.now();
    this.off = [
      session.on('progress', (/** @type {any} */ { answer }) => this.progress(answer)),
      session.on('running', (/** @type {any} */ { running }) => {
        if (running) this.since = performance.now();
      }),
      // Reset weights starts training over: the log of the weights that are gone goes too.
      session.on('paused', (/** @type {any} */ { reason }) => {
        if (reason === 'reset') this.restart();
      }),
    ];
  }

  /** Starts a new log (a new model). */
  restart() {
    this.lines = [];
    this.epochs = 0;
    this.target = 0;
    this.render();
  }

  /** @param {any} answer a train answer */
  progress(answer) {
    const done = answer.epoch_logs ?? [];
    if (done.length === 0 && !answer.diverged) return;
    const now = performance.now();
    const seconds = (now - this.since) / 1000 / Math.max(1, done.length);
    this.since = now;
    const total = Math.max(this.target, this.fitEpochs(), answer.epoch ?? 0);
    for (const { epoch, logs } of done) {
      this.epochs = epoch + 1;
      this.lines.push(epochHeader(epoch + 1, total));
      this.lines.push(epochLine({ batches: answer.batches_per_epoch, seconds, logs }));
    }
    if (answer.early_stopping?.stopped_epoch !== undefined && answer.finished && answer.stop_reason) {
      this.lines.push(`Epoch ${this.epochs}: early stopping`);
    }
    if (answer.diverged) this.lines.push(`diverged: ${answer.reason ?? ''}`);
    this.render();
  }

  /** Runs model.evaluate() on the session's validation data (else training data) and logs it. */
  async evaluate() {
    const start = performance.now();
    try {
      const answer = /** @type {any} */ (await this.session.call({ op: 'evaluate' }));
      const batches = Math.ceil(answer.samples / 32);
      this.lines.push(`evaluate (${answer.on})`);
      this.lines.push(
        evaluateLine({ batches, seconds: (performance.now() - start) / 1000, logs: answer.logs }),
      );
    } catch (error) {
      this.lines.push(`evaluate: ${/** @type {any} */ (error)?.message ?? error}`);
    }
    this.render();
  }

  render() {
    if (this.lines.length > MAX_LINES) this.lines.splice(0, this.lines.length - MAX_LINES);
    this.el.textContent = this.lines.join('\n');
    this.el.scrollTop = this.el.scrollHeight;
  }

  destroy() {
    this.off.forEach((fn) => fn?.());
    this.el.textContent = '';
  }
}
