// web/js/worker/scheduler.mjs with a hand-driven queue and timers: full-speed sessions take
// turns round-robin (fair), a stopped session loses its turn at once, limited speeds tick.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { Scheduler, tickOf } from '../../web/js/worker/scheduler.mjs';

/** A scheduler whose queue and timers run only when the test says so. */
function manual() {
  const queued = [];
  const timers = new Map();
  let nextTimer = 1;
  const scheduler = new Scheduler({
    sliceMs: 15,
    queue: (fn) => queued.push(fn),
    setTimer: (fn, ms) => {
      timers.set(nextTimer, { fn, ms });
      return nextTimer++;
    },
    clearTimer: (id) => timers.delete(id),
  });
  return {
    scheduler,
    timers,
    /** Runs `n` queued full-speed turns. */
    turns(n) {
      for (let i = 0; i < n && queued.length; i += 1) queued.shift()();
    },
    fireTimers() {
      for (const [id, { fn }] of [...timers]) {
        timers.delete(id);
        fn();
      }
    },
  };
}

const runner = (name, log, { speed = 5, stopAfter = Infinity } = {}) => ({
  name,
  speed,
  runs: 0,
  slice(request) {
    this.runs += 1;
    log.push([name, request]);
    return this.runs < stopAfter;
  },
});

test('scheduler: full-speed sessions take turns, one time-budgeted slice each', () => {
  const log = [];
  const m = manual();
  const [a, b, c] = ['a', 'b', 'c'].map((n) => runner(n, log));
  m.scheduler.start(a);
  m.scheduler.start(b);
  m.turns(4);
  m.scheduler.start(c);
  m.turns(6);
  assert.deepEqual(log.map(([n]) => n).join(''), 'ababcabcab');
  assert.ok(log.every(([, r]) => r.op === 'train' && r.ms === 15));
});

test('scheduler: a stopped or finished session loses its turn at once', () => {
  const log = [];
  const m = manual();
  const a = runner('a', log);
  const b = runner('b', log, { stopAfter: 2 });
  m.scheduler.start(a);
  m.scheduler.start(b);
  m.turns(6);
  assert.deepEqual(log.map(([n]) => n).join(''), 'ababaa');
  assert.equal(m.scheduler.has(b), false);
  m.scheduler.stop(a);
  m.turns(3);
  assert.equal(log.length, 6, 'nothing runs after stop');
});

test('scheduler: limited speeds train k batches per tick beside full-speed sessions', () => {
  const log = [];
  const m = manual();
  const slow = runner('slow', log, { speed: 4 });
  const fast = runner('fast', log);
  m.scheduler.start(slow);
  m.scheduler.start(fast);
  assert.deepEqual(
    [...m.timers.values()].map((t) => t.ms),
    [tickOf(4).intervalMs],
  );
  m.turns(2);
  m.fireTimers();
  assert.deepEqual(
    log.map(([n, r]) => `${n}:${r.batches ?? r.ms}`),
    ['fast:15', 'fast:15', 'slow:5'],
  );
  assert.equal(m.timers.size, 1, 'the next tick is scheduled');
  slow.speed = 5;
  m.scheduler.start(slow); // a speed change reschedules: now it takes full-speed turns
  assert.equal(m.timers.size, 0);
  m.turns(2);
  assert.deepEqual(
    log.slice(3).map(([n]) => n),
    ['slow', 'fast'],
    'the newcomer is next in turn',
  );
  assert.deepEqual(tickOf(1), { intervalMs: 500, batches: 1 });
});

test('scheduler: parts of work go before training, one per turn, until none is left', () => {
  const log = [];
  const m = manual();
  const trainer = runner('t', log);
  const worker = (name, parts) => ({
    left: parts,
    workPart() {
      log.push([name, 'part']);
      this.left -= 1;
      return this.left > 0;
    },
  });
  const [a, b] = [worker('a', 2), worker('b', 3)];
  m.scheduler.start(trainer);
  m.turns(1);
  m.scheduler.work(a);
  m.scheduler.work(b);
  m.scheduler.work(a); // already waiting: no second place in turn
  m.turns(7);
  assert.deepEqual(log.map(([n]) => n).join(''), 'tababbtt');
  m.scheduler.work(b);
  m.scheduler.dropWork(b);
  m.scheduler.stop(trainer);
  m.turns(3);
  assert.equal(log.length, 8, 'dropped work and stopped training do not run');
  m.scheduler.work(a); // work alone (no training) is queued too
  m.turns(1);
  assert.deepEqual(log.at(-1), ['a', 'part']);
});
