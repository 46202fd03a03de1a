// Activations lab: the activation plots draw, and while the two deep towers train the gradient
// chart shows the sigmoid tower's first-layer gradient norm far below the ReLU tower's.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { canvasHash, markEvents, screenshot, useBrowser, waitConfigured, waitEvent } from './harness.mjs';

const b = useBrowser();

test('the sigmoid tower\'s first-layer gradient norm is far below the ReLU tower\'s', async () => {
  const page = await b.openApp('#lab=activations&deepAct=sigmoid&deepDepth=8');
  await waitConfigured(page);
  await page.waitForSelector('#activation-plot');
  await page.waitForSelector('#gradient-chart');
  const mark = await markEvents(page);
  await page.click('#play');
  await waitEvent(page, 'progress', mark);
  await page.waitForTimeout(1500);
  await page.click('#pause');
  await page.waitForFunction(() => !window.nnplay.trainer.running);
  await page.waitForTimeout(300);

  const norms = await page.evaluate(() => window.nnplay.trainer.lastSnapshot?.probes?.gradientNorms);
  assert.ok(Array.isArray(norms) && norms.length >= 12, `gradient norms: ${JSON.stringify(norms)}`);
  // First hidden Dense kernel of each tower (names carry the tower: sigmoid ... / relu ...).
  const kernels = norms.filter((n) => /kernel/.test(n.name));
  const first = (re) => kernels.find((n) => re.test(n.name));
  const sigmoid = first(/sig/i);
  const relu = first(/relu/i);
  assert.ok(sigmoid && relu, `tower kernels in ${kernels.map((n) => n.name).join(', ')}`);
  assert.ok(sigmoid.norm < relu.norm / 20,
    `first layer: sigmoid ${sigmoid.norm} vs relu ${relu.norm} (ratio ${relu.norm / sigmoid.norm})`);
  assert.ok(await canvasHash(page, '#gradient-chart canvas, canvas#gradient-chart') ||
    await page.locator('#gradient-chart svg').count(), 'the gradient chart draws');
  await screenshot(page, 'activations-trained');
});
