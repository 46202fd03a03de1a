// Surfaces lab: loads clean; every optimizer's path comes from the engine's `surface` op and
// dragging the start point runs them all again from the new point; the step readout shows the
// engine's slot values; the batch section draws three paths and three loss curves; a refused
// value is said at its field and the last good picture stays. Korean, and a phone without
// horizontal overflow. Screenshots at 1366×768 and 390×844.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { PHONE, hasHangul, screenshot, useBrowser } from './harness.mjs';

const LAPTOP = { width: 1366, height: 768 };
const b = useBrowser({ viewport: LAPTOP });

async function openLab(hash = '', opts = {}) {
  const page = await b.openApp(`#lab=surfaces${hash}`, opts);
  await page.waitForFunction(() => window.nnplay.lab === 'surfaces');
  await page.waitForFunction(() => (window.nnplay.surfaces?.paths?.length ?? 0) > 0, null, {
    timeout: 30000,
  });
  return page;
}

/** Sets an input's value as a learner would (fill + change). */
async function setInput(page, selector, value) {
  await page.fill(selector, String(value));
  await page.dispatchEvent(selector, 'change');
}

/** The pixel of data point [x, y] on the surface map (the view's frame, read in the page). */
async function pixelOf(page, [x, y]) {
  return page.evaluate(
    ({ x, y }) => {
      const box = document.querySelector('#surf-plot canvas').getBoundingClientRect();
      const f = window.nnplay.surfaces.view.frame();
      return [box.left + f.px(x), box.top + f.py(y)];
    },
    { x, y },
  );
}

test('surfaces: seven paths from the start; a drag runs every one again from the new point', async () => {
  const page = await openLab();
  const before = await page.evaluate(() => ({ ...window.nnplay.surfaces, view: null }));
  assert.equal(before.paths.length, 7, 'one path per optimizer');
  for (const p of before.paths) {
    assert.deepEqual(p.path.slice(0, 2), before.start.map(Math.fround), `${p.id} starts at the start point`);
    assert.ok(p.steps > 0 && p.path.length === (p.steps + 1) * 3, p.id);
  }
  // Drag the start point from where it is to (2, -2).
  const [fromX, fromY] = await pixelOf(page, before.start);
  const [toX, toY] = await pixelOf(page, [2, -2]);
  await page.mouse.move(fromX, fromY);
  await page.mouse.down();
  for (let i = 1; i <= 8; i += 1)
    await page.mouse.move(fromX + ((toX - fromX) * i) / 8, fromY + ((toY - fromY) * i) / 8);
  await page.mouse.up();
  await page.waitForFunction(
    () => {
      const s = window.nnplay.surfaces;
      return Math.abs(s.start[0] - 2) < 0.05 && Math.abs(s.start[1] + 2) < 0.05;
    },
    null,
    { timeout: 20000 },
  );
  const after = await page.evaluate(() => ({ ...window.nnplay.surfaces, view: null }));
  assert.equal(after.paths.length, 7);
  for (const p of after.paths) {
    assert.deepEqual(p.path.slice(0, 2), after.start.map(Math.fround), `${p.id} starts at the new point`);
    const old = before.paths.find((q) => q.id === p.id);
    assert.notDeepEqual(p.path, old.path, `${p.id}'s path changed`);
  }
  // The store has the released point: a reload keeps it.
  const stored = await page.evaluate(() => window.nnplay.store.get('surfaces.surfStart'));
  assert.deepEqual(stored, after.start);
  // The arrow keys move it too.
  await page.focus('#surf-plot canvas');
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction((x) => window.nnplay.surfaces.start[0] < x - 0.1, after.start[0]);
  await screenshot(page, 'surfaces-paths-en', { fullPage: true });
});

test('surfaces: the step readout shows the engine’s slots for step k', async () => {
  const page = await openLab();
  await page.fill('#surf-step', '3');
  await page.dispatchEvent('#surf-step', 'input');
  await page.waitForFunction(() => window.nnplay.surfaces.step === 3);
  const s = await page.evaluate(() => ({ ...window.nnplay.surfaces, view: null }));
  assert.deepEqual(s.slotNames.sgd, []);
  assert.deepEqual(s.slotNames.momentum, ['momentum']);
  assert.deepEqual(s.slotNames.adagrad, ['accumulator']);
  assert.deepEqual(s.slotNames.adam, ['momentum', 'velocity']);
  const adam = s.stepRows.find((r) => r.id === 'adam');
  // The readout's numbers are the answer's: path row 3, and the slots' values after step 3.
  const path = s.paths.find((p) => p.id === 'adam').path;
  assert.deepEqual([adam.point.x, adam.point.y, adam.point.loss], path.slice(9, 12));
  const cell = await page.textContent('#surf-step-table tr[data-opt=adam] .surf-slots');
  assert.match(cell, /momentum \(.+\) velocity \(.+\)/);
  // Step 1 of Adagrad: accumulator = initial 0.1 + gradient² (per coordinate), as the engine says.
  await page.click('#surf-prev');
  await page.click('#surf-prev');
  const one = await page.evaluate(() => window.nnplay.surfaces.stepRows.find((r) => r.id === 'adagrad').step);
  for (const c of [0, 1]) {
    const expected = Math.fround(0.1 + one.gradient[c] ** 2);
    const slot = c === 0 ? one.slots[0].x : one.slots[0].y;
    assert.ok(Math.abs(slot - expected) <= 1e-5 * Math.max(1, expected), `${slot} vs ${expected}`);
  }
});

test('surfaces: a refused value is said at its field; the last picture stays', async () => {
  const page = await openLab();
  const before = await page.evaluate(() => JSON.stringify(window.nnplay.surfaces.paths));
  await setInput(page, '[data-opt=adam] [data-role=lr]', -1);
  const message = page
    .locator('[data-opt=adam] [data-role=lr]')
    .locator('xpath=ancestor::label')
    .locator('.field-message');
  assert.match(await message.textContent(), /learning_rate/);
  await setInput(page, '#surf-steps', 5000);
  const steps = page.locator('#surf-steps').locator('xpath=ancestor::label').locator('.field-message');
  assert.match(await steps.textContent(), /1000/);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => JSON.stringify(window.nnplay.surfaces.paths)), before);
  // A good value clears the message and runs again.
  await setInput(page, '#surf-steps', 20);
  await page.waitForFunction(() => window.nnplay.surfaces.paths.every((p) => p.steps <= 20));
  assert.equal(await steps.isVisible(), false);
});

test('surfaces: functions and presets; a diverging path ends with a note', async () => {
  const page = await openLab();
  await page.selectOption('#surf-function', 'rosenbrock');
  await page.waitForFunction(() => window.nnplay.surfaces.fn === 'rosenbrock');
  await setInput(page, '[data-opt=sgd] [data-role=lr]', 0.01);
  await page.waitForFunction(() => window.nnplay.surfaces.paths.find((p) => p.id === 'sgd').stopped !== null);
  assert.match(await page.textContent('#surf-notes'), /SGD diverged at step \d+/);
  await page.selectOption('#preset', 'surf-saddle');
  await page.waitForFunction(
    () => window.nnplay.surfaces.fn === 'saddle' && window.nnplay.surfaces.paths.length === 5,
  );
  await screenshot(page, 'surfaces-saddle-en', { fullPage: true });
});

test('surfaces: the batch section draws three paths and three loss curves', async () => {
  const page = await openLab();
  await page.waitForFunction(() => (window.nnplay.surfacesBatch?.runs?.length ?? 0) === 3, null, {
    timeout: 30000,
  });
  const batch = await page.evaluate(() => window.nnplay.surfacesBatch);
  assert.equal(batch.curves, 3);
  assert.deepEqual(
    batch.runs.map((r) => [r.kind, r.size, r.batchesPerEpoch, r.steps]),
    [
      ['full', 64, 1, 10],
      ['mini', 8, 8, 80],
      ['one', 1, 64, 640],
    ],
  );
  for (const r of batch.runs) assert.deepEqual(r.first, batch.start.map(Math.fround));
  assert.equal(await page.locator('#surf-batch-chart .line-legend-item').count(), 3);
  assert.match(await page.textContent('#surf-batch-steps'), /batch size 1: 64/);
  await setInput(page, '#surf-batch-mini', 16);
  await page.waitForFunction(() => window.nnplay.surfacesBatch.runs[1]?.batchesPerEpoch === 4);
  await page.locator('#surf-batch-title').scrollIntoViewIfNeeded();
  await screenshot(page, 'surfaces-batch-en');
});

test('surfaces: Korean, and a phone without horizontal overflow', async () => {
  const page = await openLab('&lang=ko', { viewport: PHONE });
  assert.ok(hasHangul(await page.textContent('#surf-title')));
  assert.ok(hasHangul(await page.textContent('#surf-batch-title')));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `horizontal overflow ${overflow}px`);
  await screenshot(page, 'surfaces-phone-ko', { fullPage: true });
});
