// The postMessage API for a page that embeds the playground in an iframe (docs/embedding.md).
// Messages are {nnplay: 1, type, ...}; only those from window.parent are read.
//   in:  load-preset {name}, set-state {state}, play, pause, step, reset, get-state
//   out: ready, metrics {epoch, iterations, logs} (≤ 4/s), paused {reason}, state {state, link},
//        error {path, message}
import { PRESETS, presetPatch } from '../state/presets.mjs';

const METRICS_INTERVAL_MS = 250;

export class HostApi {
  /** win: the playground's window; store: the shell's; trainer: the active lab's session. */
  constructor(win, { store, trainer }) {
    this.win = win;
    this.store = store;
    this.trainer = trainer;
    this.parent = win.parent && win.parent !== win ? win.parent : null;
    this.lastMetrics = 0;
    this.pendingMetrics = null;
    this.timer = null;
    if (!this.parent) return;
    win.addEventListener('message', (event) => this.onMessage(event));
    trainer.on('progress', ({ answer: a }) => this.metrics({ epoch: a.epoch, iterations: a.iterations,
      logs: a.logs }));
    trainer.on('paused', ({ reason }) => {
      this.flushMetrics();
      this.post('paused', { reason });
    });
    trainer.on('error', ({ path, message }) => this.post('error', { path, message }));
  }

  /** Tells the host the playground is ready (once, after boot). */
  ready() {
    this.post('ready', {});
  }

  post(type, fields) {
    if (!this.parent) return;
    try {
      this.parent.postMessage({ ...fields, nnplay: 1, type }, '*');
    } catch (error) {
      console.warn('nnplay: could not post to the host page', error);
    }
  }

  /** Sends metrics at most every 250 ms; the latest values win. */
  metrics(fields) {
    this.pendingMetrics = fields;
    const wait = this.lastMetrics + METRICS_INTERVAL_MS - performance.now();
    if (wait <= 0) this.flushMetrics();
    else if (!this.timer) this.timer = setTimeout(() => this.flushMetrics(), wait);
  }

  flushMetrics() {
    clearTimeout(this.timer);
    this.timer = null;
    if (!this.pendingMetrics) return;
    this.lastMetrics = performance.now();
    this.post('metrics', this.pendingMetrics);
    this.pendingMetrics = null;
  }

  onMessage(event) {
    if (event.source !== this.parent) return;
    const message = event.data;
    if (!message || message.nnplay !== 1 || typeof message.type !== 'string') return;
    switch (message.type) {
      case 'load-preset':
        if (!Object.hasOwn(PRESETS, String(message.name))) {
          this.post('error', { path: '/name', message: `unknown preset '${String(message.name).slice(0, 40)}'; expected one of: ${Object.keys(PRESETS).join(', ')}` });
          return;
        }
        this.store.patch(presetPatch(message.name));
        return;
      case 'set-state':
        if (!message.state || typeof message.state !== 'object') {
          this.post('error', { path: '/state', message: 'state must be an object of state keys' });
          return;
        }
        if (!this.store.patch(message.state)) {
          this.post('error', { path: '/state', message: 'some keys were unknown or invalid and were ignored (see the console)' });
        }
        return;
      case 'play': this.trainer.play(); return;
      case 'pause': this.trainer.pause(); return;
      case 'step': this.trainer.step(); return;
      case 'reset': this.trainer.reset(); return;
      case 'get-state':
        this.store.flush();
        this.post('state', { state: this.store.scope(this.store.get('lab')).state(), link: this.win.location.href });
        return;
      default:
        this.post('error', { path: '/type', message: `unknown message type '${message.type}'` });
    }
  }
}
