// @ts-check
// EngineRelay: the page's one link to the engine worker (worker/engine-worker.mjs). Starts the
// worker, times every request (each gets exactly one reply), hands session events to the
// SessionHandles of relay.session(name), and supervises: a worker that dies or errors, or a
// request without a reply in its time, is terminated and restarted, and every open session is
// configured again with its last configuration. The first-answer deadline starts when the
// module download has finished (and again on each download progress), so a slow link is not a
// failure; a .mjs served with a wrong MIME type kills a module worker silently (TOOLCHAIN P14),
// which the deadline turns into a message.
import { Event, Request, collectTransferables, makeMessage, validateEvent } from '../protocol.mjs';
import { Emitter } from './emitter.mjs';
import { SessionHandle } from './session-handle.mjs';

/** Reply deadlines (ms) by request kind. */
export const TIMEOUTS = Object.freeze({
  init: 10000,
  configure: 10000,
  call: 10000,
  pause: 5000,
  step: 5000,
  reset: 5000,
  speed: 5000,
  snapshot: 5000,
  train: 5000,
  close: 5000,
});
const MAX_RESTARTS = 3; // restarts in a row without a healthy reply before the relay gives up

/** Relay events: loading {loaded, total}, ready, restarted {reason}, error {message}. */
const RELAY_EVENTS = ['loading', 'ready', 'restarted', 'error'];

export class EngineRelay extends Emitter {
  /**
   * @param {{workerUrl?: URL | string, timeouts?: Partial<typeof TIMEOUTS>,
   *   createWorker?: (url: URL | string) => Worker}} [options]
   */
  constructor({
    workerUrl = new URL('../worker/engine-worker.mjs', import.meta.url),
    timeouts = {},
    createWorker = (url) => new Worker(url, { type: 'module' }),
  } = {}) {
    super(RELAY_EVENTS, 'relay');
    this.workerUrl = workerUrl;
    /** @type {Record<string, number>} */
    this.timeouts = { ...TIMEOUTS, ...timeouts };
    this.createWorker = createWorker;
    /** @type {Worker | null} */
    this.worker = null;
    /** @type {Map<string, SessionHandle>} */
    this.sessions = new Map();
    /** @type {Map<number, {resolve: Function, reject: Function, timer: any, type: string}>} */
    this.pending = new Map();
    this.nextId = 1;
    this.ready = false;
    this.restarts = 0;
    /** @type {Set<(name: string, type: string, event: any) => void>} */
    this.sessionListeners = new Set();
  }

  /** fn(name, type, event) for every event of every session; returns the unsubscribe function.
   *  @param {(name: string, type: string, event: any) => void} fn @returns {() => void} */
  onSessionEvent(fn) {
    this.sessionListeners.add(fn);
    return () => this.sessionListeners.delete(fn);
  }

  /** @param {string} name @param {string} type @param {any} event */
  sessionEvent(name, type, event) {
    for (const fn of [...this.sessionListeners]) fn(name, type, event);
  }

  /** The handle of session `name` (created on first use; the worker creates it on configure).
   *  @param {string} name @returns {SessionHandle} */
  session(name) {
    let handle = this.sessions.get(name);
    if (!handle) {
      handle = new SessionHandle(name, this);
      this.sessions.set(name, handle);
    }
    return handle;
  }

  /** Starts the worker and loads the module; rejects with a readable Error when they fail. */
  async start() {
    this.ready = false;
    try {
      this.worker = this.createWorker(this.workerUrl);
    } catch (/** @type {any} */ error) {
      throw new Error(`the engine worker could not start (${error?.message ?? error})`);
    }
    const worker = this.worker;
    worker.onmessage = (event) => {
      if (worker === this.worker) this.onMessage(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      if (worker === this.worker)
        this.fail(`the engine stopped${event.message ? ` (${event.message})` : ''}`);
    };
    worker.onmessageerror = () => {
      if (worker === this.worker) this.fail('a message from the engine was unreadable');
    };
    await this.send(Request.init, {}, 'init');
    this.ready = true;
    this.emit('ready', {});
  }

  /**
   * Posts request `type` with `fields` and a fresh id; resolves with its reply, rejects with
   * {path, message, op} (restarted: true when the worker was restarted meanwhile).
   * @param {string} type @param {object} [fields] @param {string} [kind] timeout class
   * @returns {Promise<any>}
   */
  send(type, fields = {}, kind = type) {
    if (!this.worker) return Promise.reject({ path: '', message: 'the engine is not running' });
    const id = this.nextId++;
    const message = makeMessage(type, { ...fields, id });
    return new Promise((resolve, reject) => {
      const ms = this.timeouts[kind] ?? 5000;
      const timer = setTimeout(
        () => this.fail(`the engine did not answer '${type}' within ${ms / 1000} s`),
        ms,
      );
      this.pending.set(id, { resolve, reject, timer, type });
      /** @type {Worker} */ (this.worker).postMessage(message, collectTransferables(message));
    });
  }

  /** Restarts the deadline of the pending init (download progress shows the worker is alive). */
  extendInit() {
    for (const [, entry] of this.pending) {
      if (entry.type !== Request.init) continue;
      clearTimeout(entry.timer);
      const ms = this.timeouts.init;
      entry.timer = setTimeout(() => this.fail(`the engine did not answer within ${ms / 1000} s`), ms);
    }
  }

  /** @param {any} message */
  onMessage(message) {
    const problem = validateEvent(message);
    if (problem) {
      this.emit('error', { path: '', message: problem });
      return;
    }
    if (message.type === Event.loading) {
      this.extendInit();
      this.emit('loading', { loaded: message.loaded, total: message.total });
      return;
    }
    const entry = message.id !== undefined ? this.pending.get(message.id) : undefined;
    if (entry) {
      this.pending.delete(message.id);
      clearTimeout(entry.timer);
      // Only a reply after the setup counts as healthy: a worker that dies on every configure
      // must not be restarted forever.
      if (entry.type !== Request.init && entry.type !== Request.configure) this.restarts = 0;
      if (message.type === Event.error) {
        entry.reject({ path: message.path ?? '', message: message.message, op: message.op });
      } else {
        entry.resolve(message);
      }
      return;
    }
    if (typeof message.session === 'string') this.sessions.get(message.session)?.dispatch(message);
    else if (message.type === Event.error)
      this.emit('error', { path: message.path, message: message.message });
  }

  /** A dead, failing or silent worker: terminate it; restart it when it had been running.
   *  @param {string} reason */
  fail(reason) {
    const wasReady = this.ready;
    this.terminate(reason);
    if (wasReady) this.restart(reason);
  }

  /** Stops the worker and rejects every pending request. @param {string} reason */
  terminate(reason) {
    this.ready = false;
    this.worker?.terminate();
    this.worker = null;
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const entry of pending) {
      clearTimeout(entry.timer);
      entry.reject({ path: '', message: reason, restarted: true });
    }
    for (const handle of this.sessions.values()) handle.setRunning(false);
  }

  /** Starts a new worker and configures every open session again; gives up (an error event
   *  with fatal: true) after MAX_RESTARTS failures in a row. @param {string} reason */
  async restart(reason) {
    while (this.restarts < MAX_RESTARTS) {
      this.restarts += 1;
      try {
        await this.start();
      } catch (/** @type {any} */ error) {
        reason = error?.message ?? reason;
        this.terminate(reason);
        continue;
      }
      const open = [...this.sessions.values()].filter((h) => h.configuration);
      await Promise.all(open.map((h) => h.sendConfiguration().catch(() => {})));
      this.emit('restarted', { reason });
      return;
    }
    this.emit('error', { path: '', message: reason, fatal: true });
  }
}
