// Generalization lab: loads clean; the capacity sweep draws training and test curves from real
// engine numbers that differ per capacity, and a boundary tile per model; bagging draws every
// member and the average; k-fold draws each fold with its validation accuracy and the mean ±
// sd; a refused value is said at its field and keeps the last good state; Korean on a phone
// without horizontal overflow. Epochs are kept small through the page's own field.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { PHONE, hasHangul, screenshot, useBrowser } from './harness.mjs';

const LAPTOP = { width: 1366, height: 768 };
const b = useBrowser({ viewport: LAPTOP });

async function openLab(hash = '', opts = {}) {
  const page = await b.openApp(`#lab=generalization${hash}`, opts);
  await page.waitForFunction(() => window.nnplay.lab === 'generalization');
  await page.waitForSelector('#gen-sweep-start');
  return page;
}

/** Sets an input's value as a learner would (fill + change). */
async function setInput(page, selector, value) {
  await page.fill(selector, String(value));
  await page.dispatchEvent(selector, 'change');
}

/** How many of the canvases under `selector` hold more than one colour (something drawn). */
const paintedTiles = (page, selector) =>
  page.$$eval(
    `${selector} canvas`,
    (canvases) =>
      canvases.filter((c) => {
        const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        const colours = new Set();
        for (let i = 0; i < data.length; i += 4 * 97) colours.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
        return colours.size > 20;
      }).length,
  );

test('generalization: the sweep draws training and test curves, one point per capacity', async () => {
  const page = await openLab();
  await setInput(page, '#gen-epochs', 200);
  await setInput(page, '#gen-capacities', '1, 4, 32');
  await page.click('#gen-sweep-start');
  await page.waitForFunction(() => window.nnplay.generalization?.sweep?.state === 'done', null, {
    timeout: 60000,
  });
  const sweep = await page.evaluate(() => window.nnplay.generalization.sweep);
  assert.deepEqual(sweep.capacities, [1, 4, 32]);
  for (const name of ['trainError', 'testError', 'trainLoss', 'testLoss']) {
    assert.equal(sweep[name].length, 3, name);
    assert.ok(sweep[name].every(Number.isFinite), `${name}: ${sweep[name]}`);
    assert.ok(new Set(sweep[name]).size > 1, `${name} differs per capacity: ${sweep[name]}`);
  }
  // One unit cannot fit XOR; 32 units fit the training points much better.
  assert.ok(sweep.trainError[2] < sweep.trainError[0] - 0.1, `train error falls: ${sweep.trainError}`);
  assert.equal(sweep.tiles, 3);
  assert.equal(await paintedTiles(page, '#gen-sweep-tiles'), 3);
  assert.equal(await page.locator('#gen-sweep-error .line-legend-item').count(), 2);
  assert.equal(await page.locator('#gen-sweep-loss .line-legend-item').count(), 2);
  assert.match(await page.textContent('#gen-sweep-verdict'), /test error/i);
  await screenshot(page, 'generalization-sweep-en', { fullPage: true });
});

test('generalization: bagging draws every member and the average', async () => {
  const page = await openLab();
  await setInput(page, '#gen-epochs', 100);
  await setInput(page, '#gen-members', 3);
  await page.click('#gen-bagging-start');
  await page.waitForFunction(() => window.nnplay.generalization?.bagging?.state === 'done', null, {
    timeout: 60000,
  });
  const bagging = await page.evaluate(() => window.nnplay.generalization.bagging);
  assert.equal(bagging.members, 3);
  assert.equal(bagging.memberTiles, 3);
  assert.ok(bagging.averageDrawn);
  assert.equal(bagging.averageCount, 3);
  assert.ok(
    bagging.memberAccuracy.every((a) => a > 0 && a <= 1),
    String(bagging.memberAccuracy),
  );
  assert.ok(bagging.ensembleAccuracy > 0 && bagging.ensembleAccuracy <= 1);
  // Bootstrap samples of 60 points hold repeats: fewer distinct points than drawn.
  assert.ok(
    bagging.distinct.every((d) => d > 20 && d < 60),
    String(bagging.distinct),
  );
  assert.equal(await page.locator('#gen-bagging-tiles .boundary-tile').count(), 4);
  assert.equal(await paintedTiles(page, '#gen-bagging-tiles'), 4);
  assert.match(await page.textContent('#gen-bagging-verdict'), /ensemble/);
});

test('generalization: k-fold draws each fold, then the mean and spread', async () => {
  const page = await openLab();
  await setInput(page, '#gen-epochs', 100);
  await setInput(page, '#gen-folds', 3);
  await page.click('#gen-kfold-start');
  await page.waitForFunction(() => window.nnplay.generalization?.kfold?.state === 'done', null, {
    timeout: 60000,
  });
  const kfold = await page.evaluate(() => window.nnplay.generalization.kfold);
  assert.equal(kfold.k, 3);
  assert.equal(kfold.tiles, 3);
  assert.deepEqual(kfold.validationSizes, [20, 20, 20], '60 points in three balanced parts');
  assert.equal(kfold.accuracies.length, 3);
  assert.ok(kfold.accuracies.every((a) => a >= 0 && a <= 1));
  assert.ok(Math.abs(kfold.mean - kfold.accuracies.reduce((s, a) => s + a, 0) / 3) < 1e-9);
  assert.equal(await paintedTiles(page, '#gen-kfold-tiles'), 3);
  assert.match(await page.textContent('#gen-kfold-verdict'), /±/);
});

test('generalization: a refused value is said at its field and the last good one stays', async () => {
  const page = await openLab();
  await setInput(page, '#gen-capacities', '4, 2, 999');
  const message = page.locator('#gen-capacities').locator('xpath=ancestor::label').locator('.field-message');
  assert.match(await message.textContent(), /1 to 128/);
  await page.click('#gen-sweep-start');
  assert.equal(await page.evaluate(() => window.nnplay.generalization.sweep.state), 'idle', 'nothing starts');
  await setInput(page, '#gen-members', 11);
  const members = page.locator('#gen-members').locator('xpath=ancestor::label').locator('.field-message');
  assert.match(await members.textContent(), /10/);
  await setInput(page, '#gen-train', 5);
  await setInput(page, '#gen-depth', 4);
  const depth = page.locator('#gen-depth').locator('xpath=ancestor::label').locator('.field-message');
  assert.match(await depth.textContent(), /3/);
  await setInput(page, '#gen-depth', 2);
  await setInput(page, '#gen-capacities', '2, 8');
  assert.equal(await message.isHidden(), true, 'an accepted value clears the message');
  // The store kept the last good values (saved to localStorage, debounced).
  await page.waitForFunction(() => {
    const stored = JSON.parse(localStorage.getItem('nnplay.state.v1') ?? 'null');
    return (stored?.state ?? stored)?.['generalization.genCapacities']?.join() === '2,8';
  });
  await page.reload();
  await page.waitForSelector('#gen-sweep-start');
  assert.equal(await page.inputValue('#gen-capacities'), '2, 8');
  assert.equal(await page.inputValue('#gen-members'), '5', 'the refused 11 was never kept');
  assert.equal(await page.inputValue('#gen-train'), '60', 'the refused 5 was never kept');
  assert.equal(await page.inputValue('#gen-depth'), '2');
});

test('generalization: Korean on a phone, without horizontal overflow', async () => {
  const page = await openLab('&lang=ko', { viewport: PHONE });
  assert.ok(hasHangul(await page.textContent('#gen-sweep-title')));
  assert.ok(hasHangul(await page.textContent('#gen-bagging-title')));
  assert.ok(hasHangul(await page.textContent('#gen-kfold-title')));
  await setInput(page, '#gen-epochs', 50);
  await page.click('#gen-sweep-start');
  await page.waitForFunction(() => window.nnplay.generalization?.sweep?.finished >= 2, null, {
    timeout: 60000,
  });
  await page.click('#gen-sweep-pause');
  await page.waitForFunction(() => window.nnplay.generalization.sweep.state !== 'running');
  const paused = await page.evaluate(() => window.nnplay.generalization.sweep);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `horizontal overflow ${overflow}px`);
  await screenshot(page, 'generalization-phone-ko', { fullPage: true });
  // Continue goes on from the paused model: the finished ones are kept.
  if (paused.state === 'paused') {
    assert.ok(hasHangul(await page.textContent('#gen-sweep-start')), 'Continue, in Korean');
    await page.click('#gen-sweep-start');
  }
  await page.waitForFunction(() => window.nnplay.generalization.sweep.state === 'done', null, {
    timeout: 60000,
  });
  const done = await page.evaluate(() => window.nnplay.generalization.sweep);
  assert.deepEqual(done.trainError.slice(0, paused.finished), paused.trainError.slice(0, paused.finished));
  assert.equal(done.tiles, 7);
});
