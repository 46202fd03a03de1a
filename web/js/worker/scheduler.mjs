// The training scheduler of the engine worker, apart from the sessions it drives: interleaves
// the training slices of every running session round-robin. At full speed (level 5) each turn
// is one ~15 ms slice of the next session, queued through a MessageChannel (not setTimeout,
// which browsers clamp to 4 ms when nested), so the worker goes back to its event loop between
// slices and pause or configure requests get through. Limited speeds (levels 1..4: 2, 10, 50,
// 250 batches/s) train k batches per timer tick, one timer per session. Work a session splits
// into parts (a snapshot's requests: a big network's take hundreds of ms together) runs one part
// per turn through the same queue, ahead of training, so a request is never held up by more
// than one part or one slice.

/** Batches per second of speed levels 1..4. */
export const SPEEDS = [2, 10, 50, 250];
const MIN_TICK_MS = 20;

/** {intervalMs, batches} of a limited speed level (1..4). */
export function tickOf(level) {
  const perSecond = SPEEDS[level - 1];
  const intervalMs = Math.max(1000 / perSecond, MIN_TICK_MS);
  return { intervalMs, batches: Math.max(1, Math.round((perSecond * intervalMs) / 1000)) };
}

/** A queue of one-shot callbacks through a MessageChannel (the fastest yield to the event loop). */
function channelQueue() {
  const channel = new MessageChannel();
  const waiting = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return (fn) => {
    waiting.push(fn);
    channel.port2.postMessage(0);
  };
}

export class Scheduler {
  /**
   * A runner is any object with `speed` (1..5) and `slice(request) -> boolean` (trains with the
   * given engine train request; false when it stopped); runners given work(runner) also have
   * `workPart() -> boolean` (runs one part; false when none is left). opts: sliceMs; queue(fn) and
   * setTimer/clearTimer replace the MessageChannel and timers (unit tests).
   */
  constructor({ sliceMs = 15, queue = null, setTimer = setTimeout, clearTimer = clearTimeout } = {}) {
    this.sliceMs = sliceMs;
    this.queue = queue;
    // Called as plain functions: a browser's setTimeout called as a method of another object
    // throws "Illegal invocation".
    this.setTimer = (fn, ms) => setTimer(fn, ms);
    this.clearTimer = (timer) => clearTimer(timer);
    this.ring = []; // running full-speed runners, in turn order
    this.turn = 0;
    this.queued = false; // a turn is waiting in the queue
    this.timers = new Map(); // runner -> timer of a limited-speed runner
    this.working = []; // runners with parts of work left, in turn order
  }

  /** Whether `runner` is scheduled. */
  has(runner) {
    return this.ring.includes(runner) || this.timers.has(runner);
  }

  /** Schedules `runner` (at its current speed) until stop() or its slice returns false. */
  start(runner) {
    this.stop(runner);
    if (runner.speed >= 5) {
      this.ring.push(runner);
      this.kick();
    } else {
      this.tickLater(runner);
    }
  }

  /** Gives `runner` one turn per part of its work (runner.workPart()), ahead of training turns,
   *  until workPart() returns false; training and timers are not affected. */
  work(runner) {
    if (!this.working.includes(runner)) this.working.push(runner);
    this.kick();
  }

  /** Unschedules `runner`'s work (its parts left will not run). */
  dropWork(runner) {
    const at = this.working.indexOf(runner);
    if (at >= 0) this.working.splice(at, 1);
  }

  /** Unschedules `runner`'s training; a slice already queued for it will not run. */
  stop(runner) {
    const at = this.ring.indexOf(runner);
    if (at >= 0) {
      this.ring.splice(at, 1);
      if (at < this.turn) this.turn -= 1;
    }
    if (this.timers.has(runner)) {
      this.clearTimer(this.timers.get(runner));
      this.timers.delete(runner);
    }
  }

  kick() {
    if (this.queued || (this.ring.length === 0 && this.working.length === 0)) return;
    this.queued = true;
    // Node (the worker's tests) drains a MessagePort's messages, new ones included, before its
    // timers run, which would starve the tests' timers: setImmediate yields there instead.
    this.queue ??= typeof setImmediate === 'function' ? setImmediate : channelQueue();
    this.queue(() => this.nextTurn());
  }

  /** One part of the next runner's work, else one time-budgeted slice of the next full-speed
   *  runner. */
  nextTurn() {
    this.queued = false;
    if (this.working.length > 0) {
      const runner = this.working.shift();
      if (this.runPart(runner)) this.working.push(runner);
      this.kick();
      return;
    }
    if (this.ring.length === 0) return;
    if (this.turn >= this.ring.length) this.turn = 0;
    const runner = this.ring[this.turn];
    this.turn += 1;
    if (!this.runSlice(runner, { op: 'train', ms: this.sliceMs })) this.stop(runner);
    this.kick();
  }

  tickLater(runner) {
    const { intervalMs, batches } = tickOf(runner.speed);
    this.timers.set(
      runner,
      this.setTimer(() => {
        this.timers.delete(runner);
        if (this.runSlice(runner, { op: 'train', batches })) this.tickLater(runner);
      }, intervalMs),
    );
  }

  /** runner.workPart(); a throwing part ends the work (the runner reports it). */
  runPart(runner) {
    try {
      return runner.workPart() === true;
    } catch {
      return false;
    }
  }

  /** runner.slice(request); a throwing slice counts as stopped (the runner reports it). */
  runSlice(runner, request) {
    try {
      return runner.slice(request) === true;
    } catch {
      return false;
    }
  }
}
