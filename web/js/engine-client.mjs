// EngineClient: the page's side of the engine worker. Starts the module worker, waits for its
// first answer with a deadline (a .mjs served with the wrong MIME type kills a module worker
// without a useful error), then forwards events to listeners.
import { Event, Request, collectTransferables, makeMessage, validateEvent } from './protocol.mjs';

export class EngineClient {
  /** workerUrl: URL of engine-worker.mjs; timeoutMs: how long start() waits for ready. */
  constructor(workerUrl, { timeoutMs = 5000 } = {}) {
    this.workerUrl = workerUrl;
    this.timeoutMs = timeoutMs;
    this.listeners = new Map();
    this.worker = null;
  }

  /** Calls fn(message) for every event of `type` (an Event value). */
  on(type, fn) {
    if (!this.listeners.has(type)) this.listeners.set(type, []);
    this.listeners.get(type).push(fn);
    return this;
  }

  /** Starts the worker and loads the wasm module; rejects with a readable Error on failure. */
  start() {
    return new Promise((resolve, reject) => {
      const fail = (text) => {
        clearTimeout(timer);
        this.worker?.terminate();
        reject(new Error(text));
      };
      const timer = setTimeout(() => fail(
        `the engine did not answer within ${this.timeoutMs / 1000} s (is web/engine/nnplay.mjs ` +
        'built and served with a JavaScript MIME type? run scripts/serve.sh)'), this.timeoutMs);
      try {
        this.worker = new Worker(this.workerUrl, { type: 'module' });
      } catch (error) {
        fail(`the engine worker could not start: ${error.message}`);
        return;
      }
      this.worker.onerror = (event) => {
        event.preventDefault?.();
        fail(`the engine worker failed to load${event.message ? `: ${event.message}` : ''}`);
      };
      let ready = false;
      this.worker.onmessage = (event) => {
        const message = event.data;
        if (!ready && message?.type === Event.error) {
          fail(`the engine failed to load: ${message.message}`);
          return;
        }
        if (message?.type === Event.ready) {
          ready = true;
          clearTimeout(timer);
          resolve();
        }
        this.dispatch(message);
      };
      this.send(Request.init);
    });
  }

  /** Posts request `type` with `fields`, transferring its typed arrays' buffers. */
  send(type, fields = {}) {
    const message = makeMessage(type, fields);
    this.worker.postMessage(message, collectTransferables(message));
  }

  dispatch(message) {
    const problem = validateEvent(message);
    if (problem) {
      for (const fn of this.listeners.get(Event.error) ?? []) fn({ path: '', message: problem });
      return;
    }
    for (const fn of this.listeners.get(message.type) ?? []) fn(message);
  }
}
