// The engine worker (a module worker): owns the wasm module and one Session, trains in short
// time slices (or, at a limited speed, k batches per timer tick) so pause/step requests get
// through between them, and answers with the events of protocol.mjs. Every failure is answered
// as {type: 'error', path, message, op}.
import {
  Event, Request, collectTransferables, errorMessage, makeMessage, validateRequest,
} from './protocol.mjs';

const defaults = { sliceMs: 15, snapshotMs: 250, gridResolution: 50, gridRange: [-6, 6] };
/** Batches per second of speed levels 1..4 (5: as fast as possible, in sliceMs slices). */
const SPEEDS = [2, 10, 50, 250];
const MIN_TICK_MS = 20;

const state = {
  session: null,      // the nnplay Session (embind object)
  running: false,     // a training loop is scheduled
  generation: 0,      // bumps on every start/stop, so a stale scheduled slice does nothing
  sliceMs: defaults.sliceMs,
  snapshotMs: defaults.snapshotMs,
  speed: 5,
  lastSnapshot: 0,
  grid: null,         // the grid request for 2-D models, or null
  probes: null,       // {x: [name], y: [name per output]} when configure gave probe samples
  lastLosses: [],     // the last few batch losses (null when not finite), for divergence reports
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

/** The raw 2-D points of the current data (engine op `points`), or null when the data are not
 *  2-D points or the engine does not have the op. */
function fetchPoints() {
  let answer;
  try {
    answer = call({ op: 'points', out: 'points' });
  } catch {
    return null;
  }
  const get = (name) => state.session.getArray(name);
  const { arrays } = answer;
  return {
    train: { x: get(arrays.train_x), y: get(arrays.train_y) },
    validation: { x: get(arrays.validation_x), y: get(arrays.validation_y) },
    kind: answer.kind, classes: answer.classes ?? 0,
  };
}

function configure(message) {
  const wasRunning = state.running;
  stop();
  if (wasRunning) post(makeMessage(Event.paused, { reason: 'reset' }));
  const built = call({ op: 'build', spec: message.document });
  for (const [name, values] of Object.entries(message.arrays ?? {})) setArray(name, values);
  let data = { samples: 0, validation_samples: 0 };
  if (message.points) {
    setArray('points_x', message.points.x);
    setArray('points_y', message.points.y);
    data = call({ op: 'set_data', points: { x: 'points_x', y: 'points_y' } });
  } else if (message.data || message.document.data) {
    data = call({ op: 'set_data', ...(message.data ?? {}) });
  }
  state.grid = gridRequest(message.document, built.model, message.grid);
  state.probes = null;
  if (message.probes) {
    setArray('probe_x', message.probes.x);
    setArray('probe_y', message.probes.y);
    state.probes = { x: ['probe_x'], y: (built.model.outputs ?? [{}]).map(() => 'probe_y') };
  }
  state.lastLosses = [];
  const points = message.points || message.document.data ? fetchPoints() : null;
  post(makeMessage(Event.configured, {
    id: message.id, model: built.model, summary: built.summary, samples: data.samples,
    validationSamples: data.validation_samples ?? 0, hasGrid: state.grid !== null, points,
  }));
  snapshot({});
}

/** The progress event for a train answer. */
function progress(answer) {
  const es = answer.early_stopping;
  return makeMessage(Event.progress, {
    epoch: answer.epoch, batch: answer.batch, batchesPerEpoch: answer.batches_per_epoch,
    batchesRun: answer.batches_run, iterations: answer.iterations, logs: answer.logs ?? {},
    epochLogs: answer.epoch_logs ?? [], finished: Boolean(answer.finished),
    stopReason: answer.stop_reason ?? '',
    earlyStopping: es ? { monitor: es.monitor, bestEpoch: es.best_epoch, best: es.best,
      stoppedEpoch: es.stopped_epoch, restored: Boolean(es.restored) } : null,
  });
}

/** Posts progress for a train answer; stops (and says why) when training diverged or ended. */
function report(answer) {
  post(progress(answer));
  const loss = answer.logs?.loss;
  state.lastLosses.push(Number.isFinite(loss) ? loss : null);
  if (state.lastLosses.length > 10) state.lastLosses.shift();
  if (answer.diverged) {
    const reason = answer.reason ?? answer.diverged?.reason ?? answer.stop_reason ?? 'non-finite loss';
    stop();
    post(makeMessage(Event.diverged, { reason, epoch: answer.epoch, iterations: answer.iterations,
      lastLosses: [...state.lastLosses] }));
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

// At full speed slices are scheduled through a MessageChannel (not setTimeout, which browsers
// clamp to 4 ms when nested), so the worker yields to its event loop and pause messages get
// through. Limited speeds use a timer: every tick trains k batches.
const channel = new MessageChannel();
channel.port1.onmessage = (event) => runSlice(event.data);

/** {intervalMs, batches} of a limited speed level (1..4). */
function tickOf(level) {
  const perSecond = SPEEDS[level - 1];
  const intervalMs = Math.max(1000 / perSecond, MIN_TICK_MS);
  return { intervalMs, batches: Math.max(1, Math.round((perSecond * intervalMs) / 1000)) };
}

function schedule(generation) {
  if (state.speed >= 5) channel.port2.postMessage(generation);
  else setTimeout(() => runSlice(generation), tickOf(state.speed).intervalMs);
}

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
  schedule(state.generation);
}

function setSpeed(message) {
  state.speed = message.level;
  if (state.running) {
    state.generation += 1;  // drop the tick scheduled at the old speed
    schedule(state.generation);
  }
}

function runSlice(generation) {
  if (!state.running || generation !== state.generation) return;
  try {
    const request = state.speed >= 5 ? { op: 'train', ms: state.sliceMs }
      : { op: 'train', batches: tickOf(state.speed).batches };
    const going = report(call(request));
    const now = performance.now();
    if (!going || now - state.lastSnapshot >= state.snapshotMs) snapshot({});
    if (going) schedule(generation);
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
  state.lastLosses = [];
  post(makeMessage(Event.paused, { reason: 'reset' }));
  snapshot({});
}

function setWeights(message) {
  setArray('set_weights', message.weights);
  call({ op: 'set_weights', array: 'set_weights' });
  snapshot({});
}

/** Gradient norms and per-layer probes of a probes answer, arrays copied out. */
function probeFields(probes) {
  return {
    gradientNorms: probes.gradient_norms ?? [],
    layers: probes.layers.map((layer) => ({
      ...layer,
      // Each probe's `name` is the array holding its values; `probe` says which probe it is.
      probes: layer.probes.map((p) => ({ ...p, values: state.session.getArray(p.name) })),
    })),
  };
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
    setArray('probe_input', message.probeInput);
    fields.probes = probeFields(call({ op: 'probes', x: ['probe_input'], sample: message.sample ?? 0 }));
  } else if (state.probes) {
    fields.probes = probeFields(call({ op: 'probes', ...state.probes }));
  }
  post(makeMessage(Event.snapshot, fields));
}

function fail(error, id = undefined) {
  const wasRunning = state.running;
  stop();
  const message = error instanceof SessionError ? errorMessage(error.path, error.message, error.op)
    : errorMessage('', error?.message ?? String(error));
  if (id !== undefined) message.id = id;
  post(message);
  if (wasRunning) post(makeMessage(Event.paused, { reason: 'error' }));
}

const handlers = {
  [Request.init]: init,
  [Request.configure]: configure,
  [Request.train]: start,
  [Request.speed]: setSpeed,
  [Request.pause]: () => { stop(); post(makeMessage(Event.paused, { reason: 'user' })); },
  [Request.step]: step,
  [Request.reset]: reset,
  [Request.snapshot]: snapshot,
  [Request.setWeights]: setWeights,
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
      fail(error, message.type === Request.configure ? message.id : undefined);
    }
  });
};
