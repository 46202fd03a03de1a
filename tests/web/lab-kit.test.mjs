// The lab kit: debounced calls run once after a burst, frames coalesce, the disposer undoes
// everything once, newest first.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { Disposer, debounce, frameScheduler } from '../../web/js/kit/lab-kit.mjs';

test('debounce: a burst of calls runs once; flush runs now; cancel drops', async () => {
  let runs = 0;
  const d = debounce(() => {
    runs += 1;
  }, 5);
  d.call();
  d.call();
  d.call();
  assert.equal(d.pending, true);
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(runs, 1);
  d.call();
  d.flush();
  assert.equal(runs, 2);
  d.call();
  d.cancel();
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(runs, 2);
});

test('frameScheduler: several requests before a frame give one draw', () => {
  const frames = [];
  const clock = {
    request: (cb) => frames.push(cb),
    cancelFrame: (id) => {
      frames[id - 1] = null;
    },
  };
  let draws = 0;
  const f = frameScheduler(() => {
    draws += 1;
  }, clock);
  f.schedule();
  f.schedule();
  assert.equal(frames.length, 1);
  frames[0]();
  assert.equal(draws, 1);
  f.schedule();
  f.cancel();
  assert.equal(frames[1], null);
});

test('Disposer: undoes everything once, newest first, past a failure', () => {
  const order = [];
  const d = new Disposer();
  d.add(() => order.push(1))
    .add(undefined)
    .add(() => {
      throw new Error('x');
    })
    .add(() => order.push(3));
  const target = new EventTarget();
  let heard = 0;
  d.listen(target, 'ping', () => {
    heard += 1;
  });
  target.dispatchEvent(new Event('ping'));
  const warn = console.warn;
  console.warn = () => {};
  d.dispose();
  console.warn = warn;
  target.dispatchEvent(new Event('ping'));
  assert.deepEqual(order, [3, 1]);
  assert.equal(heard, 1);
  d.dispose();
  assert.deepEqual(order, [3, 1]);
});
