// Hyper-parameters applied live, as TensorFlow Playground and Keras do: changing the learning
// rate (or batch size, regularization rate) mid-run keeps the weights, the epoch and the chart,
// and training continues from there; a change that needs a new model rebuilds.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { markEvents, pauseTraining, setControl, useBrowser, waitConfigured } from './harness.mjs';

const b = useBrowser();

/** The engine's view of the running model: the tune answer with no changes. */
const engineState = (page) => page.evaluate(() => window.nnplay.session.handle.call({ op: 'tune' }));

test('the learning rate changes mid-run: same model, same epoch, training goes on', async () => {
  const page = await b.openApp('#lab=mlp&preset=mlp-circle&speed=5');
  await waitConfigured(page);
  await page.evaluate(() => document.getElementById('play').click());
  await page.waitForFunction(() => window.nnplay.session.lastProgress?.epoch >= 10, null, { timeout: 30000 });
  await pauseTraining(page);
  await page.waitForFunction(() => !window.nnplay.session.running);
  const before = await engineState(page);
  const epoch = before.training.epoch;
  const mark = await markEvents(page);
  await setControl(page, 'lr', 0.01);
  await setControl(page, 'batch', 20);
  let after = await engineState(page);
  for (let i = 0; i < 100 && !(after.learning_rate < 0.02 && after.fit.batch_size === 20); i += 1) {
    await page.waitForTimeout(100);
    after = await engineState(page);
  }
  assert.equal(after.training.epoch, epoch, 'the epoch is kept');
  assert.equal(after.fit.batch_size, 20, 'the batch size is applied');
  assert.ok(Math.abs(after.learning_rate - 0.01) < 1e-9, 'the new learning rate is in force');
  assert.ok(after.iterations >= before.iterations, 'the optimizer keeps its step count');
  const rebuilt = await page.evaluate((m) => {
    const events = window.nnplay.events;
    const last = window.__nnplayMarks[m];
    return events.slice(last ? events.lastIndexOf(last) + 1 : 0).some((e) => e.type === 'configured');
  }, mark);
  assert.equal(rebuilt, false, 'no new model was built');
  assert.equal(await page.locator('#epoch').innerText(), String(epoch), 'the counter still shows that epoch');
  await page.evaluate(() => document.getElementById('play').click());
  await page.waitForFunction((e) => window.nnplay.session.lastProgress?.epoch > e, epoch, { timeout: 30000 });
  await pauseTraining(page);

  // A new hidden layer needs a new model: that one rebuilds.
  const mark2 = await markEvents(page);
  await page.click('#add-layer');
  await waitConfigured(page, mark2);
});
