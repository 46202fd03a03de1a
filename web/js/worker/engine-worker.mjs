// The engine worker (a module worker): downloads and instantiates the wasm module, keeps a map
// of named sessions (one SessionRunner each) and answers every request of protocol.mjs with
// exactly one reply carrying its id. It knows no lab: labs hand it engine requests. Requests
// run one after another; the Scheduler's training slices and snapshot parts run between them.
import {
  Event,
  Request,
  collectTransferables,
  errorMessage,
  makeMessage,
  validateRequest,
} from '../protocol.mjs';
import { RunnerError, SessionRunner } from './session-runner.mjs';
import { Scheduler } from './scheduler.mjs';

const ENGINE_DIR = new URL('../../engine/', import.meta.url);

const state = {
  module: null, // the instantiated engine module
  sessions: new Map(), // session id -> SessionRunner
  scheduler: new Scheduler(),
};

function post(message) {
  self.postMessage(message, collectTransferables(message));
}

/** The wasm bytes, read with a streaming fetch so the page can show the download's progress. */
async function download(id) {
  const response = await fetch(new URL('nnplay.wasm', ENGINE_DIR));
  if (!response.ok) throw new Error(`the engine file answered HTTP ${response.status}`);
  const total = Number(response.headers.get('content-length')) || 0;
  const chunks = [];
  let loaded = 0;
  post(makeMessage(Event.loading, { id, loaded, total }));
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    post(makeMessage(Event.loading, { id, loaded, total }));
  }
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

async function init({ id }) {
  if (!state.module) {
    const glue = import(new URL('nnplay.mjs', ENGINE_DIR).href); // loads while the bytes come
    const wasmBinary = await download(id);
    const { default: createNnplay } = await glue;
    state.module = await createNnplay({ wasmBinary });
  }
  post(makeMessage(Event.ready, { id }));
}

function runner(session, create = false) {
  let found = state.sessions.get(session);
  if (!found && create) {
    if (!state.module) throw new RunnerError('', 'the engine is not loaded (send init first)');
    found = new SessionRunner(session, state.module, { post, scheduler: state.scheduler });
    state.sessions.set(session, found);
  }
  if (!found) throw new RunnerError('/session', `no session '${session}' (configure it first)`);
  return found;
}

/** Handlers by request type: each returns the reply's extra fields (or posts its own reply). */
const handlers = {
  [Request.configure]: (m) => {
    const run = runner(m.session, true);
    const result = run.configure(m);
    post(makeMessage(Event.configured, { session: m.session, id: m.id, ...result }));
    run.snapshot(); // after the reply; its requests run later: a failure is an event
    return null;
  },
  [Request.train]: (m) => {
    runner(m.session).start();
    return {};
  },
  [Request.pause]: (m) => {
    runner(m.session).pause();
    return {};
  },
  [Request.step]: (m) => {
    runner(m.session).step();
    return {};
  },
  [Request.reset]: (m) => {
    runner(m.session).reset(m.seed);
    return {};
  },
  [Request.speed]: (m) => {
    runner(m.session).setSpeed(m.level);
    return {};
  },
  [Request.snapshot]: (m) => {
    runner(m.session).snapshot();
    return {};
  },
  [Request.call]: (m) => {
    const run = runner(m.session);
    // ms: the engine's time for the request, measured here so the page's figures (e.g. the
    // optimizer race's time to a target loss) leave out messaging and the page's own work.
    const start = performance.now();
    const answer = run.call(m.request, m.arrays);
    const ms = performance.now() - start;
    post(makeMessage(Event.done, { session: m.session, id: m.id, answer, ms }));
    run.snapshot();
    return null;
  },
  [Request.close]: (m) => {
    state.sessions.get(m.session)?.close();
    state.sessions.delete(m.session);
    return {};
  },
};

async function handle(message) {
  const problem = validateRequest(message);
  if (problem) {
    post({ ...errorMessage('', problem, message?.type), ...ids(message) });
    return;
  }
  try {
    if (message.type === Request.init) {
      await init(message);
      return;
    }
    const fields = handlers[message.type](message);
    if (fields) post(makeMessage(Event.done, { ...fields, ...ids(message) }));
  } catch (error) {
    const { path = '', op } = error instanceof RunnerError ? error : {};
    post({ ...errorMessage(path, error?.message ?? String(error), op), ...ids(message) });
  }
}

/** The session and id of a request, for its reply (only those present). */
function ids(message) {
  const out = {};
  if (typeof message?.session === 'string') out.session = message.session;
  if (Number.isInteger(message?.id)) out.id = message.id;
  return out;
}

let queue = Promise.resolve();
self.onmessage = (event) => {
  queue = queue.then(() => handle(event.data));
};
