// Activations lab: the activation plots draw, and while the two deep towers train the gradient
// chart shows the sigmoid tower's first-layer gradient norm far below the ReLU tower's.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { markEvents, pauseTraining, screenshot, useBrowser, waitConfigured, waitEvent } from './harness.mjs';

const b = useBrowser();

/** SHA-256 per canvas inside #gradient-chart (the per-layer chart and the history). */
const chartHashes = (page) =>
  page.evaluate(async () =>
    Promise.all(
      [...document.querySelectorAll('#gradient-chart canvas')].map(async (c) => {
        const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
        return [...digest].map((x) => x.toString(16).padStart(2, '0')).join('');
      }),
    ),
  );

test("the sigmoid tower's first-layer gradient norm is far below the ReLU tower's", async (t) => {
  const page = await b.openApp('#lab=activations&deepAct=sigmoid&deepDepth=8');
  await waitConfigured(page);
  await page.waitForSelector('#activation-plot');
  await page.waitForSelector('#gradient-chart');
  await page.waitForTimeout(300);
  const chartBefore = await chartHashes(page);
  assert.ok(chartBefore.length >= 1, 'the gradient chart has its canvases');
  const mark = await markEvents(page);
  await page.click('#play');
  await waitEvent(page, 'progress', mark);
  await page.waitForTimeout(1500);
  await pauseTraining(page);
  await page.waitForFunction(() => !window.nnplay.session.running);
  await page.waitForTimeout(300);

  const norms = await page.evaluate(() => window.nnplay.session.lastSnapshot?.answers?.[1]?.gradient_norms);
  assert.ok(Array.isArray(norms) && norms.length >= 12, `gradient norms: ${JSON.stringify(norms)}`);
  // Kernels are named <tower>_<layer>/kernel: the ReLU tower is 'relu', the other one (deepAct,
  // sigmoid here) is the deep tower. Compare the first hidden layer of each.
  const kernels = norms.filter((n) => /kernel/.test(n.name));
  const tower = (n) => n.name.split(/[_/]/)[0];
  const relu = kernels.find((n) => tower(n) === 'relu');
  const sigmoid = kernels.find((n) => tower(n) !== 'relu');
  assert.ok(
    sigmoid && relu && /_1\//.test(sigmoid.name) && /_1\//.test(relu.name),
    `first-layer kernels of both towers in ${kernels.map((n) => n.name).join(', ')}`,
  );
  assert.ok(
    sigmoid.norm < relu.norm / 20,
    `first layer: sigmoid ${sigmoid.norm} vs relu ${relu.norm} (ratio ${relu.norm / sigmoid.norm})`,
  );
  t.diagnostic(
    `first-layer gradient norm: sigmoid ${sigmoid.norm.toExponential(2)}, relu ` +
      `${relu.norm.toExponential(2)} (relu/sigmoid ${(relu.norm / sigmoid.norm).toFixed(0)}×)`,
  );
  const chartAfter = await chartHashes(page);
  assert.ok(
    chartAfter.some((h, i) => h !== chartBefore[i]),
    'the gradient chart redrew while training',
  );
  await screenshot(page, 'activations-trained', { fullPage: true });
});
