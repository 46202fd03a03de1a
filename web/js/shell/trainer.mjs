// The trainer labs talk to: wraps EngineClient (the engine worker) with promise-returning
// configure, play/pause/step/reset, speed and weight edits, and re-emits the worker's events
// (configured, progress, snapshot, paused, diverged, running, error) to listeners.
import { EngineClient } from '../engine-client.mjs';
import { Event, Request } from '../protocol.mjs';

const EVENTS = ['configured', 'progress', 'snapshot', 'paused', 'diverged', 'running', 'error'];

export class Trainer {
  /** client: an EngineClient (started by start()) or any object with on/start/send. */
  constructor(client = new EngineClient(new URL('../engine-worker.mjs', import.meta.url))) {
    this.client = client;
    this.listeners = new Map(EVENTS.map((name) => [name, new Set()]));
    this.running = false;
    this.lastSnapshot = null;
    this.lastProgress = null;
    this.document = null;
    this.configuredInfo = null;
    this.speed = 5;
    this.pending = new Map();  // configure id -> {resolve, reject}
    this.nextId = 1;
    this.started = false;
    client.on(Event.configured, (m) => this.onConfigured(m));
    client.on(Event.progress, (m) => { this.lastProgress = m; this.emit('progress', m); });
    client.on(Event.snapshot, (m) => { this.lastSnapshot = m; this.emit('snapshot', m); });
    client.on(Event.paused, (m) => this.onPaused(m));
    client.on(Event.diverged, (m) => this.onDiverged(m));
    client.on(Event.error, (m) => this.onError(m));
  }

  /** Starts the worker and the wasm module; rejects with an Error when they fail to load. */
  async start() {
    await this.client.start();
    this.started = true;
    if (this.speed !== 5) this.client.send(Request.speed, { level: this.speed });
  }

  /** Calls fn(event) for every event `name`; returns the unsubscribe function. */
  on(name, fn) {
    if (!this.listeners.has(name)) throw new Error(`trainer: unknown event '${name}'`);
    this.listeners.get(name).add(fn);
    return () => this.listeners.get(name).delete(fn);
  }

  /** Removes a listener added with on(). */
  off(name, fn) {
    this.listeners.get(name)?.delete(fn);
  }

  /**
   * Rebuilds model and data from `document` (docs/schema.md). options: {points?: {x:
   * Float32Array(n*2), y: Float32Array(n)}, grid?: {xRange, yRange, resolution, neurons} | false,
   * probes?: {x: Float32Array (samples × features), y: Float32Array}}. Resolves with the
   * configured event; rejects with {path, message}. Typed arrays are copied, never detached.
   */
  configure(document, options = {}) {
    if (!this.started) return Promise.reject({ path: '', message: 'the engine is not running' });
    const id = this.nextId;
    this.nextId += 1;
    this.document = document;
    const copy = (pair) => (pair ? { x: Float32Array.from(pair.x), y: Float32Array.from(pair.y) } : undefined);
    const fields = { id, document };
    if (options.points) fields.points = copy(options.points);
    if (options.probes) fields.probes = copy(options.probes);
    if (options.grid !== undefined) fields.grid = options.grid;
    this.setRunning(false);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.client.send(Request.configure, fields);
    });
  }

  play() {
    if (!this.started || !this.configuredInfo || this.running) return;
    this.setRunning(true);
    this.client.send(Request.train);
  }

  pause() {
    if (!this.started) return;
    this.client.send(Request.pause);
  }

  /** Trains one batch (pausing first). */
  step() {
    if (!this.started || !this.configuredInfo) return;
    this.setRunning(false);
    this.client.send(Request.step);
  }

  /** Re-initialises weights and optimizer with the document's seed; pauses. */
  reset() {
    if (!this.started || !this.configuredInfo) return;
    this.setRunning(false);
    const seed = this.document?.model?.seed;
    this.client.send(Request.reset, seed === undefined ? {} : { seed });
  }

  /** Speed level 1..5: 2, 10, 50, 250 batches per second, or as fast as possible. */
  setSpeed(level) {
    const value = Math.min(5, Math.max(1, Math.round(Number(level) || 5)));
    this.speed = value;
    if (this.started) this.client.send(Request.speed, { level: value });
  }

  /** Replaces every weight (Float32Array in snapshot.weightLayout order); a snapshot follows. */
  setWeights(weights) {
    if (!this.started || !this.configuredInfo) return;
    this.client.send(Request.setWeights, { weights: Float32Array.from(weights) });
  }

  /** Asks for a fresh snapshot event. */
  snapshot() {
    if (this.started && this.configuredInfo) this.client.send(Request.snapshot);
  }

  emit(name, payload) {
    for (const fn of [...this.listeners.get(name)]) {
      try {
        fn(payload);
      } catch (error) {
        console.warn(`nnplay: a '${name}' listener failed`, error);
      }
    }
  }

  setRunning(running) {
    if (this.running === running) return;
    this.running = running;
    this.emit('running', { running });
  }

  onConfigured(message) {
    this.configuredInfo = message;
    const { type, id, ...info } = message;
    this.emit('configured', info);
    this.pending.get(id)?.resolve(info);
    this.pending.delete(id);
  }

  onPaused(message) {
    this.setRunning(false);
    this.emit('paused', { reason: message.reason });
  }

  onDiverged(message) {
    const optimizer = this.document?.compile?.optimizer;
    const lr = typeof optimizer === 'object' ? optimizer.learning_rate : undefined;
    this.emit('diverged', {
      reason: message.reason, epoch: message.epoch, iterations: message.iterations,
      lastLosses: message.lastLosses ?? [], lr,
      optimizer: typeof optimizer === 'object' ? optimizer.type : optimizer,
    });
  }

  onError(message) {
    const error = { path: message.path ?? '', message: message.message, op: message.op };
    if (message.id !== undefined && this.pending.has(message.id)) {
      this.pending.get(message.id).reject(error);
      this.pending.delete(message.id);
    }
    this.emit('error', error);
  }
}
