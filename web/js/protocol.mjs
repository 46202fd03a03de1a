// @ts-check
// The messages between the page (shell/engine-relay.mjs) and the engine worker
// (worker/engine-worker.mjs), shared by both. Every message is a plain object {type, ...fields}.
// The worker runs Session requests (docs/schema/session.md) that the labs hand it and passes the
// engine's answers back as they are; it knows no lab. Large numeric data travel as Float32Arrays
// whose buffers are transferred, never copied (collectTransferables).
//
// Every request but init names a session (a string id; the worker keeps one engine Session per
// id) and carries an id; each request gets exactly one reply carrying that id: `ready` (init),
// `configured` (configure), `done` (the others) or `error`. Events without an id (progress,
// snapshot, paused, loading, and an error of a training slice) may come at any time.

/** @typedef {Record<string, unknown> & {op: string}} SessionRequest  one engine request */
/** @typedef {Record<string, Float32Array>} Arrays  named arrays set with Session.setArray */

/**
 * @typedef {{type: 'init', id: number}} InitRequest
 * @typedef {{type: 'configure', session: string, id: number, arrays?: Arrays,
 *   setup: SessionRequest[], snapshot: SessionRequest[], snapshotMs?: number}} ConfigureRequest
 *   create the session if new, stop its training, set the arrays, run `setup` in order (stops at
 *   the first failure), remember `snapshot`; replied by configured, then a snapshot event.
 *   snapshotMs: while training, snapshots at most this often (default 250 ms; a lab whose
 *   snapshot predicts thousands of images asks for fewer)
 * @typedef {{type: 'train', session: string, id: number}} TrainRequest  train in slices until
 *   paused, finished or diverged (replied at once)
 * @typedef {{type: 'pause', session: string, id: number}} PauseRequest
 * @typedef {{type: 'step', session: string, id: number}} StepRequest  train one batch
 * @typedef {{type: 'reset', session: string, id: number, seed?: number}} ResetRequest
 * @typedef {{type: 'speed', session: string, id: number, level: number}} SpeedRequest  1..5:
 *   2, 10, 50, 250 batches/s or as fast as possible
 * @typedef {{type: 'snapshot', session: string, id: number}} SnapshotRequest
 * @typedef {{type: 'call', session: string, id: number, request: SessionRequest,
 *   arrays?: Arrays}} CallRequest  one request (arrays set first); replied by done {answer},
 *   then a snapshot event
 * @typedef {{type: 'close', session: string, id: number}} CloseRequest
 * @typedef {InitRequest | ConfigureRequest | TrainRequest | PauseRequest | StepRequest |
 *   ResetRequest | SpeedRequest | SnapshotRequest | CallRequest | CloseRequest} WorkerRequest
 */

/**
 * @typedef {{type: 'loading', id: number, loaded: number, total: number}} LoadingEvent
 *   download progress of the wasm module (total 0 when unknown)
 * @typedef {{type: 'ready', id: number}} ReadyReply
 * @typedef {{type: 'configured', session: string, id: number, answers: object[],
 *   arrays: Arrays}} ConfiguredReply  the setup answers and the arrays they name
 * @typedef {{type: 'done', session: string, id: number, answer?: object, ms?: number}} DoneReply
 * @typedef {{type: 'error', path: string, message: string, op?: string, session?: string,
 *   id?: number}} ErrorEvent  path: a JSON Pointer into the request ('' = the whole message)
 * @typedef {{type: 'progress', session: string, answer: object}} ProgressEvent  the engine's
 *   train answer as it is
 * @typedef {{type: 'snapshot', session: string, answers: object[], arrays: Arrays}} SnapshotEvent
 *   the snapshot requests' answers and every array they name that the session has
 * @typedef {{type: 'paused', session: string, reason: string}} PausedEvent  reason: user,
 *   finished, reset, error or 'diverged: <reason>'
 * @typedef {LoadingEvent | ReadyReply | ConfiguredReply | DoneReply | ErrorEvent | ProgressEvent |
 *   SnapshotEvent | PausedEvent} WorkerEvent
 */

/** Page -> worker requests. */
export const Request = Object.freeze({
  init: 'init',
  configure: 'configure',
  train: 'train',
  pause: 'pause',
  step: 'step',
  reset: 'reset',
  speed: 'speed',
  snapshot: 'snapshot',
  call: 'call',
  close: 'close',
});

/** Worker -> page replies and events. */
export const Event = Object.freeze({
  loading: 'loading',
  ready: 'ready',
  configured: 'configured',
  done: 'done',
  error: 'error',
  progress: 'progress',
  snapshot: 'snapshot',
  paused: 'paused',
});

/** @type {Set<string>} */
const requestTypes = new Set(Object.values(Request));
/** @type {Set<string>} */
const eventTypes = new Set(Object.values(Event));

/**
 * A message of a known type with its fields; throws on an unknown type (a programming error).
 * @param {string} type
 * @param {Record<string, unknown>} [fields]
 * @returns {Record<string, any>}
 */
export function makeMessage(type, fields = {}) {
  if (!requestTypes.has(type) && !eventTypes.has(type)) {
    throw new Error(`protocol: unknown message type '${type}'`);
  }
  return { ...fields, type };
}

/**
 * The error reply/event every failure becomes.
 * @param {unknown} path a JSON Pointer into the request ('' = the whole message)
 * @param {unknown} message
 * @param {string} [op] the engine op that failed
 * @returns {Record<string, any>}
 */
export function errorMessage(path, message, op = undefined) {
  /** @type {Record<string, unknown>} */
  const fields = { path: String(path ?? ''), message: String(message ?? 'unknown error') };
  if (op !== undefined) fields.op = op;
  return makeMessage(Event.error, fields);
}

/** @param {unknown} value */
const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** @param {unknown} arrays @param {string} where @returns {string} */
function arraysProblem(arrays, where) {
  if (arrays === undefined) return '';
  if (!isObject(arrays)) return `${where}: arrays must be an object of Float32Arrays`;
  for (const [name, values] of Object.entries(/** @type {object} */ (arrays))) {
    if (!(values instanceof Float32Array)) return `${where}: array '${name}' must be a Float32Array`;
  }
  return '';
}

/** The longest interval a configure may ask for between snapshots while training. */
export const MAX_SNAPSHOT_MS = 60000;

/** @param {unknown} ms @returns {string} */
function snapshotMsProblem(ms) {
  if (ms === undefined) return '';
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 && ms <= MAX_SNAPSHOT_MS
    ? ''
    : `configure: snapshotMs must be a number of milliseconds from 0 to ${MAX_SNAPSHOT_MS}`;
}

/** @param {unknown} list @param {string} where @returns {string} */
function requestsProblem(list, where) {
  if (!Array.isArray(list)) return `${where} must be an array of requests`;
  const bad = list.findIndex((r) => !isObject(r) || typeof r.op !== 'string');
  return bad < 0 ? '' : `${where}/${bad} must be a request object with a string op`;
}

/**
 * '' when `message` is a well-formed request, else what is wrong with it.
 * @param {any} message
 * @returns {string}
 */
export function validateRequest(message) {
  if (!isObject(message)) return 'expected an object message';
  const { type } = message;
  if (!requestTypes.has(type)) {
    return `unknown request type '${type}'; expected one of: ${[...requestTypes].join(', ')}`;
  }
  if (!Number.isInteger(message.id)) return `${type}: id must be an integer`;
  if (type === Request.init) return '';
  if (typeof message.session !== 'string' || message.session === '') {
    return `${type}: session must be a non-empty string`;
  }
  if (type === Request.configure) {
    return (
      requestsProblem(message.setup, 'configure: setup') ||
      requestsProblem(message.snapshot, 'configure: snapshot') ||
      arraysProblem(message.arrays, 'configure') ||
      snapshotMsProblem(message.snapshotMs)
    );
  }
  if (type === Request.call) {
    if (!isObject(message.request) || typeof message.request.op !== 'string') {
      return 'call: request must be a request object with a string op';
    }
    return arraysProblem(message.arrays, 'call');
  }
  if (
    type === Request.speed &&
    !(Number.isInteger(message.level) && message.level >= 1 && message.level <= 5)
  ) {
    return 'speed: level must be an integer 1..5';
  }
  if (type === Request.reset && message.seed !== undefined && !Number.isInteger(message.seed)) {
    return 'reset: seed must be an integer';
  }
  return '';
}

/**
 * '' when `message` is a well-formed worker event or reply, else what is wrong with it.
 * @param {any} message
 * @returns {string}
 */
export function validateEvent(message) {
  if (!isObject(message)) return 'expected an object message';
  if (!eventTypes.has(message.type)) return `unknown event type '${message.type}'`;
  if (message.type === Event.error && typeof message.message !== 'string') {
    return 'error: message must be a string';
  }
  const needsSession = [Event.configured, Event.done, Event.progress, Event.snapshot, Event.paused];
  if (needsSession.includes(message.type) && typeof message.session !== 'string') {
    return `${message.type}: session must be a string`;
  }
  return '';
}

/**
 * The distinct ArrayBuffers under `value` (typed arrays at any depth), for postMessage.
 * @param {unknown} value
 * @param {Set<ArrayBuffer>} [found]
 * @returns {ArrayBuffer[]}
 */
export function collectTransferables(value, found = new Set()) {
  if (value instanceof ArrayBuffer) {
    found.add(value);
  } else if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
  } else if (Array.isArray(value)) {
    for (const item of value) collectTransferables(item, found);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) collectTransferables(item, found);
  }
  return [...found];
}
