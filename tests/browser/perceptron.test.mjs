// Perceptron lab: the perceptron rule learns AND (4/4), cannot learn XOR (stays below 4/4), and
// one click on #add-hidden adds a hidden layer that solves XOR.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  loadPreset,
  markEvents,
  screenshot,
  setControl,
  useBrowser,
  waitConfigured,
  waitEvent,
  pauseTraining,
} from './harness.mjs';

const b = useBrowser();

/** Correct predictions out of four, as the lab computes them from the snapshot's weights
 *  (window.nnplay.perceptron.correct), checked against the "n/4" text it shows. */
async function correct(page) {
  return page.evaluate(() => {
    const n = window.nnplay.perceptron?.correct ?? null;
    const shown = document.querySelector('#perceptron-correct')?.textContent.match(/([0-4])\s*\/\s*4/);
    if (!shown || Number(shown[1]) !== n)
      throw new Error(`#perceptron-correct says "${shown?.[0]}", the lab ${n}`);
    return n;
  });
}

/** The single perceptron's score from the engine's own float32 weights [w1, w2, b] (step(z) = 1
 *  when z ≥ 0), for the failure message: "lab 3/4, engine weights 4/4" points at the lab. */
async function engineScore(page, gate) {
  return page.evaluate((g) => {
    const w = window.nnplay.session.lastSnapshot?.arrays?.weights;
    if (!w || w.length !== 3) return null;
    const truth = { and: [0, 0, 0, 1], or: [0, 1, 1, 1], nand: [1, 1, 1, 0], xor: [0, 1, 1, 0] }[g];
    const xs = [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ];
    const right = xs.filter(
      ([a, c], i) =>
        (Math.fround(Math.fround(w[0] * a) + Math.fround(w[1] * c)) + w[2] >= 0 ? 1 : 0) === truth[i],
    ).length;
    return { right, weights: Array.from(w) };
  }, gate);
}

/** Opens a gate, presses Play and waits until training stops (finished or paused by us). */
async function train(page, ms = 4000) {
  const mark = await markEvents(page);
  await page.click('#play');
  await waitEvent(page, 'progress', mark);
  await page
    .waitForFunction(() => !window.nnplay.session.running, null, { timeout: ms })
    .catch(async () => {
      await pauseTraining(page);
    });
  await page.waitForFunction(() => !window.nnplay.session.running);
  await page.waitForTimeout(300);
}

test('AND reaches 4/4 (perceptron-and preset from the menu)', async () => {
  const page = await b.openApp('#lab=perceptron&gate=or');
  await waitConfigured(page);
  await loadPreset(page, 'perceptron-and');
  assert.equal(await page.evaluate(() => window.nnplay.store.get('gate')), 'and');
  await setControl(page, 'speed', 5); // the preset trains slowly (speed 2) to be watched
  await train(page);
  assert.equal(await correct(page), 4, `engine weights: ${JSON.stringify(await engineScore(page, 'and'))}`);
  await screenshot(page, 'perceptron-and');
});

test('XOR stays below 4/4; #add-hidden solves it', async () => {
  const page = await b.openApp('#lab=perceptron&lr=0.1&epochs=100&speed=5');
  await waitConfigured(page);
  const mark = await markEvents(page);
  await page.click('[data-gate="xor"]');
  await page.waitForFunction(() => window.nnplay.store.get('gate') === 'xor');
  await waitConfigured(page, mark);
  await train(page, 15000);
  const xor = await correct(page);
  assert.ok(xor !== null && xor < 4, `XOR without a hidden layer: ${xor}/4`);
  await page.waitForSelector('#add-hidden', { state: 'visible' }); // the note explains XOR
  await screenshot(page, 'perceptron-xor-fails');

  const mark2 = await markEvents(page);
  await page.click('#add-hidden');
  await page.waitForFunction(() => window.nnplay.store.get('pHidden') === true);
  await waitConfigured(page, mark2);
  await train(page, 15000);
  assert.equal(await correct(page), 4, 'XOR with the hidden layer');
  await screenshot(page, 'perceptron-xor-solved');
});

test('weights edited by hand move the separating line', async () => {
  const page = await b.openApp('#lab=perceptron');
  await waitConfigured(page);
  const plot = () => page.locator('#perceptron-plot').screenshot();
  const before = await plot();
  await page.fill('#perceptron-w1', '1');
  await page.fill('#perceptron-w2', '1');
  await page.fill('#perceptron-b', '-1.5');
  await page.locator('#perceptron-b').dispatchEvent('change');
  await page.waitForFunction(() => {
    const w = window.nnplay.store.get('pWeights');
    return w[0] === 1 && w[1] === 1 && w[2] === -1.5;
  });
  await page.waitForTimeout(300);
  assert.ok(!before.equals(await plot()), 'the plot changed');
});
