// The messages between the page and the engine worker (engine-worker.mjs), shared by both.
// Every message is a plain object {type, ...fields}; large numeric data travels as Float32Arrays
// whose buffers are transferred, never copied (collectTransferables).

/** Page -> worker requests. */
export const Request = Object.freeze({
  init: 'init',            // load the wasm module; answered by ready or error
  configure: 'configure',  // {id?, document, arrays?, data?, grid?, points?: {x, y}, probes?: {x, y}}:
                           // build the model and its data (points: raw 2-D points n×2 and labels)
  train: 'train',          // {sliceMs?, snapshotMs?}: train in slices until paused or finished
  speed: 'speed',          // {level: 1..5}: 2, 10, 50, 250 batches/s or as fast as possible
  pause: 'pause',          // stop after the current slice
  step: 'step',            // train one batch
  reset: 'reset',          // {seed?}: re-initialise weights and optimizer
  snapshot: 'snapshot',    // {probeInput?}: weights, decision grid, probes
  setWeights: 'setWeights', // {weights: Float32Array in get_weights order}: then a snapshot
});

/** Worker -> page answers and events. */
export const Event = Object.freeze({
  ready: 'ready',            // the module is loaded and a Session exists
  configured: 'configured',  // {id?, model, summary, samples, validationSamples, hasGrid, points}
  progress: 'progress',      // {epoch, batch, batchesPerEpoch, iterations, logs, epochLogs,
                             //  finished, stopReason, earlyStopping}
  paused: 'paused',          // {reason}: 'user', 'finished', 'reset', 'diverged: ...', 'error'
  diverged: 'diverged',      // {reason, epoch, iterations, lastLosses}: sent before its paused
  snapshot: 'snapshot',      // {weights?, weightLayout?, grid?, probes?}
  error: 'error',            // {path, message, op?, id? (of the configure that failed)}
});

const requestTypes = new Set(Object.values(Request));
const eventTypes = new Set(Object.values(Event));

/** A message of a known type with its fields; throws on an unknown type (a programming error). */
export function makeMessage(type, fields = {}) {
  if (!requestTypes.has(type) && !eventTypes.has(type)) {
    throw new Error(`protocol: unknown message type '${type}'`);
  }
  return { ...fields, type };
}

/** The error event every failure becomes: path is a JSON Pointer into the request ('' = whole). */
export function errorMessage(path, message, op = undefined) {
  const fields = { path: String(path ?? ''), message: String(message ?? 'unknown error') };
  if (op !== undefined) fields.op = op;
  return makeMessage(Event.error, fields);
}

/** '' when `message` is a well-formed request, else what is wrong with it. */
export function validateRequest(message) {
  if (message === null || typeof message !== 'object') return 'expected an object message';
  if (!requestTypes.has(message.type)) {
    return `unknown request type '${message.type}'; expected one of: ${[...requestTypes].join(', ')}`;
  }
  if (message.type === Request.configure) {
    const doc = message.document;
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
      return 'configure: document must be an object';
    }
    for (const [name, values] of Object.entries(message.arrays ?? {})) {
      if (!(values instanceof Float32Array)) return `configure: array '${name}' must be a Float32Array`;
    }
    for (const key of ['points', 'probes']) {
      const pair = message[key];
      if (pair === undefined || pair === null) continue;
      if (!(pair.x instanceof Float32Array) || !(pair.y instanceof Float32Array)) {
        return `configure: ${key} must be {x: Float32Array, y: Float32Array}`;
      }
      if (key === 'points' && pair.x.length !== 2 * pair.y.length) {
        return `configure: points.x must hold 2 values per label (${pair.y.length} labels, ${pair.x.length} values)`;
      }
    }
  }
  if (message.type === Request.speed && !(Number.isInteger(message.level) && message.level >= 1
    && message.level <= 5)) {
    return 'speed: level must be an integer 1..5';
  }
  if (message.type === Request.setWeights && !(message.weights instanceof Float32Array)) {
    return 'setWeights: weights must be a Float32Array';
  }
  for (const key of ['sliceMs', 'snapshotMs']) {
    if (key in message && !(Number.isFinite(message[key]) && message[key] > 0)) {
      return `${message.type}: ${key} must be a positive number`;
    }
  }
  return '';
}

/** '' when `message` is a well-formed event, else what is wrong with it. */
export function validateEvent(message) {
  if (message === null || typeof message !== 'object') return 'expected an object message';
  if (!eventTypes.has(message.type)) return `unknown event type '${message.type}'`;
  if (message.type === Event.error && typeof message.message !== 'string') {
    return 'error: message must be a string';
  }
  return '';
}

/** The distinct ArrayBuffers under `value` (typed arrays at any depth), for postMessage. */
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
