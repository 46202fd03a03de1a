// Optimizers lab: loads clean; the race's sessions start from bit-identical weights (read
// through the engine's get_weights, compared here exactly); their loss curves advance together;
// the batch-size comparison draws three curves against epochs and against updates; Korean;
// a phone without horizontal overflow. Screenshots at 1366×768 and 390×844.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { PHONE, hasHangul, screenshot, useBrowser } from './harness.mjs';

const LAPTOP = { width: 1366, height: 768 };
const b = useBrowser({ viewport: LAPTOP });

async function openLab(hash = '', opts = {}) {
  const page = await b.openApp(`#lab=optimizers${hash}`, opts);
  await page.waitForFunction(() => window.nnplay.lab === 'optimizers');
  await page.waitForSelector('#opt-race-start');
  return page;
}

/** Sets an input's value as a learner would (fill + change). */
async function setInput(page, selector, value) {
  await page.fill(selector, String(value));
  await page.dispatchEvent(selector, 'change');
}

test('optimizers: the race starts bit-identical and its curves advance together', async () => {
  const page = await openLab();
  await setInput(page, '#opt-epochs', 30);
  await setInput(page, '#opt-target', 0.5);
  await page.click('#opt-race-start');
  await page.waitForFunction(() => window.nnplay.optimizerRace?.identical != null, null, { timeout: 30000 });
  const start = await page.evaluate(() => window.nnplay.optimizerRace);
  assert.equal(start.identical, true);
  assert.equal(start.initialWeights.length, 7, 'one session per optimizer');
  const [first, ...rest] = start.initialWeights;
  assert.ok(first.length > 0);
  for (const weights of rest) assert.deepEqual(weights, first, 'the same initial weights, exactly');
  assert.match(await page.textContent('#opt-race-status'), /Identical start ✓/);

  // Sampled while training: every racer's epoch count stays within one round of the others.
  const seen = [];
  for (let i = 0; i < 6; i += 1) {
    await page.waitForFunction((n) => Math.min(...window.nnplay.optimizerRace.epochs) > n, i, {
      timeout: 30000,
    });
    const epochs = await page.evaluate(() => window.nnplay.optimizerRace.epochs);
    assert.ok(Math.max(...epochs) - Math.min(...epochs) <= 1, `in step: ${epochs}`);
    seen.push(Math.min(...epochs));
  }
  assert.ok(seen.at(-1) > seen[0], 'every series grew');
  await page.waitForFunction(() => window.nnplay.optimizerRace.running === false, null, { timeout: 60000 });
  const done = await page.evaluate(() => window.nnplay.optimizerRace);
  assert.deepEqual(done.epochs, new Array(7).fill(30));
  assert.equal(done.rows.length, 7);
  for (const row of done.rows) {
    assert.ok(Number.isFinite(row.finalLoss), row.name);
    // A racer that reached the target did so at the first epoch at or below it (fixed seed:
    // momentum and Nesterov reach 0.5 within 30 epochs on the circle).
    if (row.reached) assert.ok(row.epochs >= 1 && row.epochs <= 30 && row.ms > 0, row.name);
  }
  assert.ok(done.rows.filter((r) => r.reached).length >= 2, 'momentum and Nesterov reach 0.5');
  assert.equal(await page.locator('#opt-race-table tbody tr').count(), 7);
  assert.equal(await page.locator('#opt-race-chart .line-legend-item').count(), 7);
  await screenshot(page, 'optimizers-race-en', { fullPage: true });
});

test('optimizers: a refused value is said beside its control and nothing starts', async () => {
  const page = await openLab();
  await setInput(page, '#opt-hidden', '8, 99');
  await page.click('#opt-race-start');
  const message = page.locator('#opt-hidden').locator('xpath=ancestor::label').locator('.field-message');
  assert.match(await message.textContent(), /1 to 32/);
  assert.equal(await page.evaluate(() => window.nnplay.optimizerRace.identical), null);
  await setInput(page, '#opt-hidden', '4');
  assert.equal(await page.locator('.field-message:not([hidden])').count(), 0);
});

test('optimizers: the settings are page state: a reload and a preset bring them back', async () => {
  const page = await openLab();
  await page.selectOption('#opt-dataset', 'spiral');
  await setInput(page, '#opt-hidden', '16 4');
  await setInput(page, '#opt-target', 0.05);
  await setInput(page, '#opt-batch', 50);
  await page.uncheck('[data-racer=adagrad] [data-role=use]');
  await setInput(page, '[data-racer=adam] [data-role=lr]', 0.004);
  await page.selectOption('#opt-batch-optimizer', 'rmsprop');
  await setInput(page, '#opt-batch-epochs', 40);
  const read = () =>
    page.evaluate(() => ({
      dataset: document.querySelector('#opt-dataset').value,
      hidden: document.querySelector('#opt-hidden').value,
      target: document.querySelector('#opt-target').value,
      batch: document.querySelector('#opt-batch').value,
      adagrad: document.querySelector('[data-racer=adagrad] [data-role=use]').checked,
      adamLr: document.querySelector('[data-racer=adam] [data-role=lr]').value,
      batchOptimizer: document.querySelector('#opt-batch-optimizer').value,
      batchLr: document.querySelector('#opt-batch-lr').value,
      batchEpochs: document.querySelector('#opt-batch-epochs').value,
    }));
  const set = {
    dataset: 'spiral',
    hidden: '16, 4',
    target: '0.05',
    batch: '50',
    adagrad: false,
    adamLr: '0.004',
    batchOptimizer: 'rmsprop',
    batchLr: '0.005', // 5 × RMSprop's 0.001, set with the optimizer
    batchEpochs: '40',
  };
  assert.deepEqual(await read(), set);
  // A refused value is said beside its control and never stored.
  await setInput(page, '#opt-batch', 401);
  const message = page.locator('#opt-batch').locator('xpath=ancestor::label').locator('.field-message');
  assert.match(await message.textContent(), /400/);
  // Saved (debounced) to localStorage, and in the link.
  await page.waitForFunction(() => {
    const stored = JSON.parse(localStorage.getItem('nnplay.state.v1') ?? 'null');
    return (stored?.state ?? stored)?.['optimizers.batchEpochs'] === 40;
  });
  assert.match(page.url(), /raceData=spiral/);
  await page.reload();
  await page.waitForSelector('#opt-race-start');
  assert.deepEqual(await read(), set, 'a reload restores every setting');
  // Unticking every optimizer is the lab's own refusal, at the optimizers' box.
  for (const id of ['sgd', 'momentum', 'nesterov', 'rmsprop', 'adam', 'adamw'])
    await page.uncheck(`[data-racer=${id}] [data-role=use]`);
  assert.match(await page.textContent('.opt-racers > .field-message'), /at least one/);
  // A preset sets the race it names.
  await page.selectOption('#preset', 'opt-momentum-spiral');
  await page.waitForFunction(() => document.querySelector('#opt-dataset').value === 'spiral');
  const picked = await page.$$eval('.opt-racer', (rows) =>
    rows.filter((r) => r.querySelector('[data-role=use]').checked).map((r) => r.dataset.racer),
  );
  assert.deepEqual(picked, ['sgd', 'momentum', 'nesterov']);
  assert.equal(await page.locator('.opt-racers > .field-message:not([hidden])').count(), 0);
});

test('optimizers: the batch-size comparison draws three curves', async () => {
  const page = await openLab();
  await setInput(page, '#opt-batch-epochs', 3);
  await page.click('#opt-batch-run');
  await page.waitForFunction(() => window.nnplay.optimizerBatch?.epochs?.join() === '3,3,3', null, {
    timeout: 60000,
  });
  const batch = await page.evaluate(() => window.nnplay.optimizerBatch);
  assert.equal(batch.curves, 3);
  assert.deepEqual(batch.updates, [3, 39, 1200], 'full batch, 32 and 1 over three epochs of 400 points');
  await page.selectOption('#opt-batch-axis', 'updates');
  assert.equal(await page.locator('#opt-batch-chart .line-legend-item').count(), 6);
  await screenshot(page, 'optimizers-batch-en', { fullPage: true });
});

test('optimizers: Korean, and a phone without horizontal overflow', async () => {
  const page = await openLab('&lang=ko', { viewport: PHONE });
  assert.ok(hasHangul(await page.textContent('#opt-race-title')));
  assert.ok(hasHangul(await page.textContent('#opt-batch-title')));
  await page.click('#opt-race-start');
  await page.waitForFunction(() => Math.min(...(window.nnplay.optimizerRace?.epochs ?? [0])) >= 2, null, {
    timeout: 30000,
  });
  await page.click('#opt-race-pause');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `horizontal overflow ${overflow}px`);
  await screenshot(page, 'optimizers-phone-ko', { fullPage: true });
});
