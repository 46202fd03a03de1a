// One engine Session of the worker, under a session id: runs the requests a lab gives it
// (setup on configure, the snapshot requests after training slices, single calls) and posts
// the engine's answers as they are, never renamed. Training is driven by the Scheduler, which
// calls slice(); the runner stops itself when an answer says `finished` or `diverged`.
// A snapshot runs one request per scheduler turn (workPart), so a Pause waits for one request,
// not for all of them; training waits for the snapshot under way, so every part of it reads the
// same weights, and a request that changes the model or its weights drops it first.
import { Event, makeMessage } from '../protocol.mjs';

/** A request that failed: {path, message, op} as the error reply carries them. */
export class RunnerError extends Error {
  constructor(path, message, op = undefined) {
    super(message);
    this.path = path;
    this.op = op;
  }
}

/** Every string value anywhere under `value` (array names in answers are plain strings). */
function strings(value, found = new Set()) {
  if (typeof value === 'string') found.add(value);
  else if (Array.isArray(value)) for (const item of value) strings(item, found);
  else if (value !== null && typeof value === 'object')
    for (const item of Object.values(value)) strings(item, found);
  return found;
}

/** A big network's snapshot (its decision grid with every neuron's map: 16 × 64 neurons take
 *  60-300 ms) is taken at most every SNAPSHOT_SHARE times its cost, so training keeps most of
 *  the worker. */
const SNAPSHOT_SHARE = 4;

export class SessionRunner {
  /** name: the session id; module: the instantiated engine module; post(message): to the page;
   *  scheduler: the worker's Scheduler; snapshotMs: snapshots while training at most this often,
   *  and never more often than every SNAPSHOT_SHARE times the last snapshot's cost. */
  constructor(name, module, { post, scheduler, snapshotMs = 250 }) {
    this.name = name;
    this.session = new module.Session();
    this.post = (type, fields) => post(makeMessage(type, { ...fields, session: name }));
    this.scheduler = scheduler;
    this.defaultSnapshotMs = snapshotMs;
    this.snapshotMs = snapshotMs;
    this.snapshotRequests = [];
    this.speed = 5;
    this.lastSnapshotAt = 0;
    this.snapshotCost = 0; // ms the last snapshot's requests took
    this.pending = null; // the snapshot under way: {requests, answers, cost}
    this.stale = false; // the weights changed since the last snapshot began
  }

  get running() {
    return this.scheduler.has(this);
  }

  /** Runs one request; returns the answer or throws a RunnerError (path prefixed by `where`). */
  run(request, where = '') {
    const answer = JSON.parse(this.session.handle(JSON.stringify(request)));
    if (!answer.ok) {
      throw new RunnerError(
        `${where}${answer.error?.path ?? ''}`,
        answer.error?.message ?? 'unknown error',
        request.op,
      );
    }
    return answer;
  }

  setArrays(arrays = {}, where = '/arrays') {
    for (const [name, values] of Object.entries(arrays)) {
      const problem = this.session.setArray(name, values);
      if (problem) throw new RunnerError(`${where}/${name}`, problem, 'setArray');
    }
  }

  /** {name: Float32Array} of every array the answers name that the session has. */
  arraysOf(answers) {
    const arrays = {};
    for (const name of strings(answers)) {
      if (this.session.hasArray(name)) arrays[name] = this.session.getArray(name);
    }
    return arrays;
  }

  /** Stops training; posts paused {reason} when it was running (or always, with `always`). */
  stop(reason, always = false) {
    const was = this.running;
    this.scheduler.stop(this);
    if (reason && (was || always)) this.post(Event.paused, { reason });
  }

  /** configure: stop, set arrays, run setup in order, keep the snapshot requests and their
   *  interval while training (snapshotMs, else the runner's default). Returns {answers,
   *  arrays}; a failure's path is '/setup/<index>' + the engine's path. */
  configure({ arrays, setup, snapshot, snapshotMs }) {
    this.stop('reset');
    this.dropSnapshot();
    this.snapshotRequests = [];
    this.snapshotMs = snapshotMs ?? this.defaultSnapshotMs;
    this.setArrays(arrays);
    const answers = setup.map((request, i) => this.run(request, `/setup/${i}`));
    this.snapshotRequests = snapshot;
    return { answers, arrays: this.arraysOf(answers) };
  }

  start() {
    if (!this.running) this.scheduler.start(this);
  }

  setSpeed(level) {
    this.speed = level;
    if (this.running) this.scheduler.start(this); // reschedules at the new speed
  }

  /** Stops training at the learner's request (paused 'user'), then snapshots the weights it
   *  stopped at unless the last snapshot already shows them: the readouts and the pictures then
   *  describe the same weights as the counters. */
  pause() {
    this.stop('user', true);
    if (this.stale) this.snapshot();
  }

  /** One training slice (called by the Scheduler): posts progress and, now and then or when it
   *  stops, a snapshot. Skipped while a snapshot is under way (it reads these weights). Returns
   *  whether training goes on. */
  slice(request) {
    if (this.pending) return true;
    this.stale = true;
    let going;
    try {
      going = this.report(this.run(request));
    } catch (error) {
      this.fail(error);
      return false;
    }
    const every = Math.max(this.snapshotMs, SNAPSHOT_SHARE * this.snapshotCost);
    if (!going || performance.now() - this.lastSnapshotAt >= every) this.snapshot();
    return going;
  }

  /** Posts a train answer; stops on finished or diverged. Returns whether training goes on. */
  report(answer) {
    this.post(Event.progress, { answer });
    if (answer.diverged) {
      const reason = answer.reason ?? answer.stop_reason ?? 'non-finite loss';
      this.stop(`diverged: ${reason}`, true);
      return false;
    }
    if (answer.finished) {
      this.stop('finished', true);
      return false;
    }
    return true;
  }

  step() {
    this.stop('user');
    this.dropSnapshot();
    this.stale = true;
    if (this.report(this.run({ op: 'train', batches: 1 }))) this.snapshot();
  }

  reset(seed) {
    this.stop();
    this.dropSnapshot();
    this.stale = true;
    this.run(seed === undefined ? { op: 'reset' } : { op: 'reset', seed });
    this.post(Event.paused, { reason: 'reset' });
    this.snapshot();
  }

  /** A single request with `arrays` set first (a call: it may change the weights, so a
   *  snapshot under way is dropped). Returns the answer or throws a RunnerError. */
  call(request, arrays) {
    this.dropSnapshot();
    this.stale = true;
    this.setArrays(arrays);
    return this.run(request, '/request');
  }

  /** Starts a snapshot of the weights as they are now, unless one is under way (it shows
   *  them: training waits for it). Its requests run one per scheduler turn (workPart); the
   *  answers and the arrays they name are posted after the last (buffers transferred). */
  snapshot() {
    if (this.pending) return;
    this.lastSnapshotAt = performance.now();
    this.stale = false;
    if (this.snapshotRequests.length === 0) return;
    this.pending = { requests: this.snapshotRequests, answers: [], cost: 0 };
    this.scheduler.work(this);
  }

  /** Runs the next request of the snapshot under way (called by the Scheduler); posts the
   *  snapshot after the last. A failure is reported (error event) and ends the snapshot.
   *  Returns whether requests are left. */
  workPart() {
    const job = this.pending;
    if (!job) return false;
    const start = performance.now();
    const i = job.answers.length;
    try {
      job.answers.push(this.run(job.requests[i], `/snapshot/${i}`));
    } catch (error) {
      this.pending = null;
      this.fail(error);
      return false;
    }
    job.cost += performance.now() - start;
    if (job.answers.length < job.requests.length) return true;
    this.pending = null;
    const posting = performance.now();
    this.post(Event.snapshot, { answers: job.answers, arrays: this.arraysOf(job.answers) });
    this.lastSnapshotAt = performance.now();
    this.snapshotCost = job.cost + (this.lastSnapshotAt - posting);
    return false;
  }

  /** Forgets the snapshot under way: the model or its weights are about to change. */
  dropSnapshot() {
    this.pending = null;
    this.scheduler.dropWork(this);
  }

  /** Reports a failure outside a request (a slice): an error event, then paused 'error'. */
  fail(error) {
    const was = this.running;
    this.scheduler.stop(this);
    const { path = '', op } = error instanceof RunnerError ? error : {};
    this.post(Event.error, { path, message: error?.message ?? String(error), ...(op ? { op } : {}) });
    if (was) this.post(Event.paused, { reason: 'error' });
  }

  close() {
    this.scheduler.stop(this);
    this.dropSnapshot();
    this.session.delete?.();
  }
}
