// The engine worker (a module worker): owns the wasm module and one Session, trains in short
// time slices so pause/step requests get through between them, and answers with the events of
// protocol.mjs. Every failure is answered as {type: 'error', path, message, op}.
import {
  Event, Request, collectTransferables, errorMessage, makeMessage, validateRequest,
} from './protocol.mjs';

const defaults = { sliceMs: 15, snapshotMs: 250, gridResolution: 50, gridRange: [-6, 6] };

const state = {
  session: null,      // the nnplay Session (embind object)
  running: false,     // a training loop is scheduled
  generation: 0,      // bumps on every start/stop, so a stale scheduled slice does nothing
  sliceMs: defaults.sliceMs,
  snapshotMs: defaults.snapshotMs,
  lastSnapshot: 0,
  grid: null,         // the grid request for 2-D models, or null
};

/** A Session answer with ok: false, carried as an exception to the message handler. */
class SessionError extends Error {
  constructor(error, op) {
    super(error?.message ?? 'unknown error');
    this.path = error?.path ?? '';
    this.op = op;
  }
}

function post(message) {
  self.postMessage(message, collectTransferables(message));
}

/** Runs one request through the Session; returns the answer or throws a SessionError. */
function call(request) {
  if (!state.session) throw new SessionError({ path: '', message: 'the engine is not loaded' });
  const answer = JSON.parse(state.session.handle(JSON.stringify(request)));
  if (!answer.ok) throw new SessionError(answer.error, request.op);
  return answer;
}

function setArray(name, values) {
  const problem = state.session.setArray(name, values);
  if (problem) throw new SessionError({ path: `/arrays/${name}`, message: problem }, 'setArray');
}

async function init() {
  if (state.session) return post(makeMessage(Event.ready));
  const url = new URL('../engine/nnplay.mjs', import.meta.url);
  const { default: createNnplay } = await import(url.href);
  const module = await createNnplay();
  state.session = new module.Session();
  post(makeMessage(Event.ready));
}

/** The grid request for a model fed with two features (x1, x2), else null. */
function gridRequest(document, model, options) {
  if (options === false) return null;
  const features = document.data?.inputs?.length === 1 ? document.data.inputs[0] : undefined;
  const shape = model.inputs.length === 1 ? model.inputs[0].shape : null;
  if (!features && !(shape && shape.length === 1 && shape[0] === 2)) return null;
  const request = {
    op: 'grid',
    x_range: options?.xRange ?? defaults.gridRange,
    y_range: options?.yRange ?? defaults.gridRange,
    resolution: options?.resolution ?? defaults.gridResolution,
    neurons: options?.neurons ?? false,
    out: 'grid',
  };
  if (features) request.features = features;
  return request;
}

function configure(message) {
  stop();
  const built = call({ op: 'build', spec: message.document });
  for (const [name, values] of Object.entries(message.arrays ?? {})) setArray(name, values);
  let data = { samples: 0, validation_samples: 0 };
  if (message.data || message.document.data) data = call({ op: 'set_data', ...(message.data ?? {}) });
  state.grid = gridRequest(message.document, built.model, message.grid);
  post(makeMessage(Event.configured, {
    model: built.model, summary: built.summary, samples: data.samples,
    validationSamples: data.validation_samples ?? 0, hasGrid: state.grid !== null,
  }));
  snapshot({});
}

/** The progress event for a train answer. */
function progress(answer) {
  return makeMessage(Event.progress, {
    epoch: answer.epoch, batch: answer.batch, batchesPerEpoch: answer.batches_per_epoch,
    batchesRun: answer.batches_run, iterations: answer.iterations, logs: answer.logs ?? {},
    epochLogs: answer.epoch_logs ?? [], finished: Boolean(answer.finished),
    stopReason: answer.stop_reason ?? '',
  });
}

/** Posts progress for a train answer; stops (and says why) when training diverged or ended. */
function report(answer) {
  post(progress(answer));
  if (answer.diverged) {
    const reason = answer.reason ?? answer.diverged?.reason ?? answer.stop_reason ?? 'non-finite loss';
    stop();
    post(makeMessage(Event.paused, { reason: `diverged: ${reason}` }));
    return false;
  }
  if (answer.finished) {
    stop();
    post(makeMessage(Event.paused, { reason: 'finished' }));
    return false;
  }
  return true;
}

// Slices are scheduled through a MessageChannel (not setTimeout, which browsers clamp to 4 ms
// when nested), so the worker yields to its event loop and pause messages get through.
const channel = new MessageChannel();
channel.port1.onmessage = (event) => runSlice(event.data);

function stop() {
  state.running = false;
  state.generation += 1;
}

function start(message) {
  if (state.running) return;
  state.sliceMs = message.sliceMs ?? state.sliceMs;
  state.snapshotMs = message.snapshotMs ?? state.snapshotMs;
  state.running = true;
  state.generation += 1;
  channel.port2.postMessage(state.generation);
}

function runSlice(generation) {
  if (!state.running || generation !== state.generation) return;
  try {
    const going = report(call({ op: 'train', ms: state.sliceMs }));
    const now = performance.now();
    if (!going || now - state.lastSnapshot >= state.snapshotMs) snapshot({});
    if (going) channel.port2.postMessage(generation);
  } catch (error) {
    fail(error);
  }
}

function step() {
  stop();
  if (report(call({ op: 'train', batches: 1 }))) snapshot({});
}

function reset(message) {
  stop();
  call(message.seed === undefined ? { op: 'reset' } : { op: 'reset', seed: message.seed });
  post(makeMessage(Event.paused, { reason: 'reset' }));
  snapshot({});
}

/** Weights (Keras layout), the decision grid and probes, as fresh transferable Float32Arrays. */
function snapshot(message) {
  state.lastSnapshot = performance.now();
  const weightsAnswer = call({ op: 'get_weights', out: 'weights' });
  const fields = {
    weights: state.session.getArray(weightsAnswer.array), weightLayout: weightsAnswer.weights,
  };
  if (state.grid) {
    const grid = call(state.grid);
    fields.grid = {
      values: state.session.getArray(grid.array), resolution: grid.resolution, maps: grid.maps,
      xRange: state.grid.x_range, yRange: state.grid.y_range,
    };
  }
  if (message.probeInput instanceof Float32Array) {
    setArray('probe_x', message.probeInput);
    const probes = call({ op: 'probes', x: 'probe_x', sample: message.sample ?? 0 });
    fields.probes = {
      gradientNorms: probes.gradient_norms,
      layers: probes.layers.map((layer) => ({
        ...layer,
        probes: layer.probes.map((p) => ({ ...p, values: state.session.getArray(p.array) })),
      })),
    };
  }
  post(makeMessage(Event.snapshot, fields));
}

function fail(error) {
  const wasRunning = state.running;
  stop();
  if (error instanceof SessionError) post(errorMessage(error.path, error.message, error.op));
  else post(errorMessage('', error?.message ?? String(error)));
  if (wasRunning) post(makeMessage(Event.paused, { reason: 'error' }));
}

const handlers = {
  [Request.init]: init,
  [Request.configure]: configure,
  [Request.train]: start,
  [Request.pause]: () => { stop(); post(makeMessage(Event.paused, { reason: 'user' })); },
  [Request.step]: step,
  [Request.reset]: reset,
  [Request.snapshot]: snapshot,
};

// Requests run one after another (init is asynchronous); slices run between them.
let queue = Promise.resolve();
self.onmessage = (event) => {
  const message = event.data;
  queue = queue.then(async () => {
    const problem = validateRequest(message);
    if (problem) return post(errorMessage('', problem, message?.type));
    try {
      await handlers[message.type](message);
    } catch (error) {
      fail(error);
    }
  });
};
