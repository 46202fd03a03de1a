// @ts-check
// The page's handle on one named engine session (EngineRelay.session(name)): configure with
// the lab's setup and snapshot requests, play/pause/step/reset/speed, single calls, and events
// with the engine's answers as they are. It remembers the last configure message so the relay
// can configure the session again after the worker was restarted.
import { Emitter } from './emitter.mjs';

/** @typedef {import('../protocol.mjs').SessionRequest} SessionRequest */
/** @typedef {import('../protocol.mjs').Arrays} Arrays */
/** @typedef {{setup: SessionRequest[], snapshot: SessionRequest[], arrays?: Arrays,
 *   snapshotMs?: number}} Configuration  snapshotMs: snapshots while training at most this often */
/** @typedef {{answers: object[], arrays: Arrays}} Snapshot */
/** @typedef {{path: string, message: string, op?: string}} RequestError */

/** Handle events: configured {answers, arrays}, progress {answer}, snapshot {answers, arrays},
 *  paused {reason}, running {running}, diverged {reason, epoch, iterations} (from a progress
 *  answer with `diverged`), error {path, message, op}. */
export const SESSION_EVENTS = [
  'configured',
  'progress',
  'snapshot',
  'paused',
  'running',
  'diverged',
  'error',
];

/** @param {Arrays | undefined} arrays @returns {Arrays} fresh copies (posting transfers them) */
const copyArrays = (arrays) =>
  Object.fromEntries(Object.entries(arrays ?? {}).map(([name, values]) => [name, Float32Array.from(values)]));

export class SessionHandle extends Emitter {
  /**
   * @param {string} name the session id
   * @param {{send: (type: string, fields?: object, kind?: string) => Promise<any>,
   *   sessionEvent: (name: string, type: string, event: any) => void}} relay
   */
  constructor(name, relay) {
    super(SESSION_EVENTS, `session '${name}'`);
    this.name = name;
    this.relay = relay;
    this.running = false;
    this.speed = 5;
    /** @type {Configuration | null} the last configure, kept for a restart */
    this.configuration = null;
    /** @type {{answers: object[], arrays: Arrays} | null} */
    this.configured = null;
    /** @type {Snapshot | null} */
    this.lastSnapshot = null;
    /** @type {object | null} the last train answer */
    this.lastProgress = null;
  }

  /** Emits to this handle's listeners, then to the relay's (the active session follows them).
   *  @param {string} type @param {any} event */
  emit(type, event) {
    super.emit(type, event);
    this.relay.sessionEvent(this.name, type, event);
  }

  /** @param {boolean} running */
  setRunning(running) {
    if (this.running === running) return;
    this.running = running;
    this.emit('running', { running });
  }

  /**
   * Creates or rebuilds the session: sets `arrays`, runs `setup` in order and keeps `snapshot`
   * for every snapshot. Resolves with {answers, arrays} (the setup answers and the arrays they
   * name); rejects with {path, message, op}. The caller's arrays are copied, never detached.
   * With `keepArrays` (a new model on the same data) the arrays of the last configure stay in
   * the session and are not sent again (hundreds of MB of images take seconds to copy); only
   * `arrays` are sent, added to them, and a restarted worker gets them all.
   * @param {Configuration & {keepArrays?: boolean}} configuration
   * @returns {Promise<{answers: object[], arrays: Arrays}>}
   */
  configure({ setup, snapshot, arrays, snapshotMs, keepArrays = false }) {
    const kept = keepArrays ? this.configuration?.arrays : undefined;
    const fresh = copyArrays(arrays);
    this.configuration = { setup, snapshot, arrays: { ...kept, ...fresh } };
    if (snapshotMs !== undefined) this.configuration.snapshotMs = snapshotMs;
    this.lastProgress = null;
    this.setRunning(false);
    return this.sendConfiguration(kept ? Object.keys(fresh) : null);
  }

  /** Sends the kept configuration (configure, and the relay after a restart), with all its
   *  arrays or only those named in `only`. @param {string[] | null} [only] */
  sendConfiguration(only = null) {
    const { setup, snapshot, arrays = {}, snapshotMs } = /** @type {Configuration} */ (this.configuration);
    const sending = only ? Object.fromEntries(only.map((name) => [name, arrays[name]])) : arrays;
    const fields = {
      setup,
      snapshot,
      arrays: copyArrays(sending),
      ...(snapshotMs === undefined ? {} : { snapshotMs }),
    };
    const sent = this.request('configure', fields, 'configure');
    if (this.speed !== 5) this.request('speed', { level: this.speed }).catch(() => {});
    return sent.then((reply) => {
      this.configured = { answers: reply.answers, arrays: reply.arrays };
      this.emit('configured', this.configured);
      return this.configured;
    });
  }

  /** The `spec` of the configuration's build request (the lab's document), or null. */
  get document() {
    const build = this.configuration?.setup.find((r) => r.op === 'build');
    return /** @type {any} */ (build)?.spec ?? null;
  }

  play() {
    if (!this.configured || this.running) return;
    this.setRunning(true);
    this.request('train').catch(() => this.setRunning(false));
  }

  pause() {
    if (this.configured) this.request('pause').catch(() => {});
  }

  /** Trains one batch (pausing first). */
  step() {
    if (!this.configured) return;
    this.setRunning(false);
    this.request('step').catch(() => {});
  }

  /** Re-initialises the weights and the optimizer (with `seed`, or the document's); pauses.
   *  @param {number} [seed] */
  reset(seed = this.document?.model?.seed) {
    if (!this.configured) return;
    this.setRunning(false);
    this.request('reset', Number.isInteger(seed) ? { seed } : {}).catch(() => {});
  }

  /** Speed level 1..5: 2, 10, 50, 250 batches per second, or as fast as possible.
   *  @param {number} level */
  setSpeed(level) {
    const value = Math.min(5, Math.max(1, Math.round(Number(level) || 5)));
    if (value === this.speed) return;
    this.speed = value;
    if (this.configured) this.request('speed', { level: value }).catch(() => {});
  }

  /**
   * One engine request with `arrays` set first (e.g. set_weights); resolves with its answer
   * (a snapshot event follows); rejects with {path, message, op}.
   * @param {SessionRequest} request @param {Arrays} [arrays] @returns {Promise<object>}
   */
  call(request, arrays) {
    if (!this.configured) return Promise.reject({ path: '', message: 'the session is not configured' });
    return this.request('call', { request, arrays: copyArrays(arrays) }, 'call').then((r) => r.answer);
  }

  /**
   * Like call, resolving with {answer, ms}: ms is the time the worker took for the request
   * (the engine's work, without messaging).
   * @param {SessionRequest} request @returns {Promise<{answer: object, ms: number}>}
   */
  timedCall(request) {
    if (!this.configured) return Promise.reject({ path: '', message: 'the session is not configured' });
    return this.request('call', { request, arrays: {} }, 'call').then((r) => ({
      answer: r.answer,
      ms: r.ms,
    }));
  }

  /** Whether the last training stopped at the document's epoch limit (not early stopping, not
   *  a reset or a rebuild since). */
  get atLimit() {
    const last = /** @type {any} */ (this.lastProgress);
    return Boolean(this.configured && last?.finished && !last.stop_reason);
  }

  /**
   * Changes hyper-parameters of the running model (the engine's `tune`: weights, optimizer
   * state and training position are kept) and keeps `spec`, the lab's document with the new
   * values, as the configuration's build, so a restarted worker builds the same model.
   * Resolves with the tune answer; rejects with {path, message, op}.
   * @param {SessionRequest} request a `tune` request @param {object} [spec]
   * @returns {Promise<object>}
   */
  async tune(request, spec) {
    const answer = await this.call(request);
    const build = /** @type {any} */ (this.configuration?.setup.find((r) => r.op === 'build'));
    if (build && spec) build.spec = spec;
    return answer;
  }

  /**
   * Trains on past the epoch limit, losing nothing: raises `fit.epochs` of the running model
   * to `epochs` (tune; weights, optimizer and training position kept), then plays. Does
   * nothing when the session was reconfigured meanwhile.
   * @param {number} epochs the new `fit.epochs`
   */
  async continuePastLimit(epochs) {
    const configuration = this.configuration;
    if (!this.configured || !configuration) return;
    const build = /** @type {any} */ (configuration.setup.find((r) => r.op === 'build'));
    const spec = build?.spec ? { ...build.spec, fit: { ...build.spec.fit, epochs } } : undefined;
    await this.tune({ op: 'tune', fit: { epochs } }, spec);
    if (this.configuration !== configuration) return;
    this.lastProgress = null;
    this.play();
  }

  /** Asks for a fresh snapshot event. */
  snapshot() {
    if (this.configured) this.request('snapshot').catch(() => {});
  }

  /** Closes the session in the worker; the relay forgets it (no reconfigure after a restart). */
  close() {
    this.setRunning(false);
    const was = this.configuration;
    this.configuration = null;
    this.configured = null;
    if (was) this.request('close').catch(() => {});
  }

  /** Sends request `type`; errors are also emitted as 'error' events (the shell shows them).
   *  @param {string} type @param {object} [fields] @param {string} [kind] timeout class */
  request(type, fields = {}, kind = type) {
    return this.relay.send(type, { ...fields, session: this.name }, kind).catch((error) => {
      if (!error?.restarted) this.emit('error', error);
      throw error;
    });
  }

  /** A worker event for this session (from the relay). @param {any} message */
  dispatch(message) {
    switch (message.type) {
      case 'progress': {
        this.lastProgress = message.answer;
        this.emit('progress', { answer: message.answer });
        const { diverged, reason, epoch, iterations } = message.answer ?? {};
        if (diverged) this.emit('diverged', { reason, epoch, iterations });
        break;
      }
      case 'snapshot':
        this.lastSnapshot = { answers: message.answers, arrays: message.arrays };
        this.emit('snapshot', this.lastSnapshot);
        break;
      case 'paused':
        if (message.reason === 'reset') this.lastProgress = null; // its counters are gone
        this.setRunning(false);
        this.emit('paused', { reason: message.reason });
        break;
      case 'error':
        this.emit('error', { path: message.path ?? '', message: message.message, op: message.op });
        break;
      default:
    }
  }
}
