// The postMessage API for a page that embeds the playground in an iframe (docs/embedding.md).
// Messages are {nnplay: 1, type, ...}; only those from window.parent (and its origin) are read.
//   in:  load-preset {name}, set-state {state}, play, pause, step, reset, get-state
//   out: ready, metrics {epoch, iterations, logs} (≤ 4/s), paused {reason},
//        state {state, link, withheld}, error {path, key?, code?, message}
// Replies go to the parent's origin (host-origin.mjs); when it is unknown they wait for the
// parent's first message and go to that message's origin. What a host sets is a load, not the
// learner's change (nothing is saved). The learner's points are withheld from `state` unless
// the parent's origin is on the `hosts` URL flag.
import { PRESETS, presetPatch } from '../state/presets.mjs';
import { FIELDS } from '../state/schema.mjs';
import { encodeHash } from '../state/hash.mjs';
import { parentOrigin, validHosts } from './host-origin.mjs';

const METRICS_INTERVAL_MS = 250;

export class HostApi {
  /** win: the playground's window; store: the shell's; session: the active lab's session. */
  constructor(win, { store, session }) {
    this.win = win;
    this.store = store;
    this.session = session;
    this.parent = win.parent && win.parent !== win ? win.parent : null;
    this.origin = this.parent ? parentOrigin(win) : null;
    this.pending = []; // messages waiting for the parent's origin
    this.lastMetrics = 0;
    this.pendingMetrics = null;
    this.timer = null;
    if (!this.parent) return;
    win.addEventListener('message', (event) => this.onMessage(event));
    session.on('progress', ({ answer: a }) =>
      this.metrics({ epoch: a.epoch, iterations: a.iterations, logs: a.logs }),
    );
    session.on('paused', ({ reason }) => {
      // After a reset the counters start again: the host hears 0 before the paused message.
      if (reason === 'reset') this.pendingMetrics = { epoch: 0, iterations: 0, logs: {} };
      this.flushMetrics();
      this.post('paused', { reason });
    });
    session.on('error', ({ path, message }) => this.post('error', { path, message }));
  }

  /** Tells the host the playground is ready (once, after boot). */
  ready() {
    this.post('ready', {});
  }

  post(type, fields) {
    if (!this.parent) return;
    if (!this.origin) {
      if (type !== 'metrics' && this.pending.length < 20) this.pending.push([type, fields]);
      return;
    }
    try {
      this.parent.postMessage({ ...fields, nnplay: 1, type }, this.origin);
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

  /** Whether the host may read the learner's points: its origin is on the `hosts` flag. */
  mayReadPoints() {
    return Boolean(this.origin) && validHosts(this.store.flags.hosts).includes(this.origin);
  }

  onMessage(event) {
    if (event.source !== this.parent) return;
    const message = event.data;
    if (!message || message.nnplay !== 1 || typeof message.type !== 'string') return;
    if (this.origin && event.origin !== this.origin) return;
    if (!this.origin && event.origin && event.origin !== 'null') {
      // The browser sets event.origin: replies to it reach exactly the page that asked.
      this.origin = event.origin;
      for (const [type, fields] of this.pending.splice(0)) this.post(type, fields);
    }
    switch (message.type) {
      case 'load-preset':
        if (!Object.hasOwn(PRESETS, String(message.name))) {
          this.post('error', {
            path: '/name',
            message: `unknown preset '${String(message.name).slice(0, 40)}'; expected one of: ${Object.keys(PRESETS).join(', ')}`,
          });
          return;
        }
        this.store.patch(presetPatch(message.name), { user: false });
        return;
      case 'set-state':
        this.setState(message.state);
        return;
      case 'play':
        this.session.play();
        return;
      case 'pause':
        this.session.pause();
        return;
      case 'step':
        this.session.step();
        return;
      case 'reset':
        this.session.reset();
        return;
      case 'get-state':
        this.post('state', this.readableState());
        return;
      default:
        this.post('error', { path: '/type', message: `unknown message type '${message.type}'` });
    }
  }

  /** Checks every key first; the valid ones are set (as a load), each refused one is answered
   *  with an error naming it (path /state/<key>, the rule's code and message). */
  setState(state) {
    if (!state || typeof state !== 'object' || Array.isArray(state)) {
      this.post('error', { path: '/state', message: 'state must be an object of state keys' });
      return;
    }
    const valid = {};
    for (const [key, value] of Object.entries(state)) {
      const checked = this.store.validate(key, value);
      if (checked.ok) valid[key] = checked.value;
      else
        this.post('error', {
          path: `/state/${key.slice(0, 60)}`,
          key: key.slice(0, 60),
          code: checked.code,
          message: checked.message,
        });
    }
    this.store.patch(valid, { user: false });
  }

  /** The `state` reply: the open lab's view and a link, without the points fields unless the
   *  host may read them (then `withheld` is empty). */
  readableState() {
    const lab = this.store.get('lab');
    const state = this.store.scope(lab).state();
    const values = this.store.state();
    const withheld = [];
    if (!this.mayReadPoints()) {
      for (const field of FIELDS.filter((f) => f.type === 'points')) {
        values[field.key] = this.store.defaults[field.key];
        if (field.lab === lab) {
          delete state[field.name];
          withheld.push(field.name);
        }
      }
    }
    const hash = encodeHash(values, this.store.defaults, this.store.flags);
    const base = String(this.win.location.href).split('#')[0];
    return { state, link: hash ? `${base}#${hash}` : base, withheld };
  }
}
