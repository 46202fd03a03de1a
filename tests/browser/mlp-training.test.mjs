// MLP lab training (circle preset): Play starts training, the epoch loss falls, the counters
// move, the decision boundary (#heatmap) and the neuron thumbnails repaint; divergence pauses
// with an explanation (#diverged) instead of painting NaN.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  canvasHash, epochLosses, isShown, markEvents, screenshot, setControl, useBrowser, waitEvent,
} from './harness.mjs';

const b = useBrowser();

/** Opens the MLP lab on the circle preset and waits for its first decision boundary. */
async function openCircle(extraHash = '') {
  const page = await b.openApp(`#lab=mlp&preset=mlp-circle${extraHash}`);
  await waitEvent(page, 'configured');
  await page.waitForFunction(() => window.nnplay.gridDraws >= 1 && window.nnplay.firstGridAt > 0);
  return page;
}

test('training starts, the loss falls, the boundary and the thumbnails change', async () => {
  const page = await openCircle();
  await page.waitForSelector('.neuron-thumb', { state: 'attached' });
  await page.waitForTimeout(300);  // snapshot after configure drawn everywhere
  const before = {
    heatmap: await canvasHash(page, '#heatmap'),
    thumb: await canvasHash(page, '.neuron-thumb'),
    ...(await page.evaluate(() => ({ grid: window.nnplay.gridDraws, thumbs: window.nnplay.thumbDraws,
      epoch: document.querySelector('#epoch').textContent }))),
  };
  assert.ok(before.heatmap && before.thumb, 'the heat map and a thumbnail are drawn canvases');

  const mark = await markEvents(page);
  await page.click('#play');
  await page.waitForFunction(() => window.nnplay.trainer.running === true);
  await page.waitForFunction(() => {
    const epochs = window.nnplay.events.filter((e) => e.type === 'progress' && e.epoch >= 30);
    return epochs.length > 0;
  }, null, { timeout: 30000 });
  await page.click('#pause');
  await waitEvent(page, 'paused', mark);
  await page.waitForTimeout(400);  // the pause snapshot is drawn

  const losses = await epochLosses(page);
  assert.ok(losses.length >= 10, `only ${losses.length} epoch losses recorded`);
  const first = losses[0].loss;
  const last = losses.at(-1).loss;
  assert.ok(last < 0.8 * first, `loss ${first} -> ${last} over epochs ${losses[0].epoch}..${losses.at(-1).epoch}`);

  const after = {
    heatmap: await canvasHash(page, '#heatmap'),
    thumb: await canvasHash(page, '.neuron-thumb'),
    ...(await page.evaluate(() => ({ grid: window.nnplay.gridDraws, thumbs: window.nnplay.thumbDraws,
      epoch: document.querySelector('#epoch').textContent,
      iterations: document.querySelector('#iterations').textContent }))),
  };
  assert.notEqual(after.heatmap, before.heatmap, 'the decision boundary repainted');
  assert.notEqual(after.thumb, before.thumb, 'the first neuron thumbnail repainted');
  assert.ok(after.grid > before.grid, `gridDraws ${before.grid} -> ${after.grid}`);
  assert.ok(after.thumbs > before.thumbs, `thumbDraws ${before.thumbs} -> ${after.thumbs}`);
  assert.notEqual(after.epoch, before.epoch, '#epoch counter moved');
  assert.match(after.iterations, /[1-9]/, '#iterations counter moved');
  assert.equal(await page.evaluate(() => window.nnplay.trainer.running), false, 'paused');
  await screenshot(page, 'mlp-circle-trained');
});

test('step runs one batch; reset re-initialises', async () => {
  const page = await openCircle();
  const iterations = () => page.evaluate(() => window.nnplay.events
    .filter((e) => e.type === 'progress').at(-1)?.iterations ?? null);
  const mark = await markEvents(page);
  await page.click('#step');
  await waitEvent(page, 'progress', mark);
  await page.waitForFunction(() => /1/.test(document.querySelector('#iterations').textContent));
  const mark2 = await markEvents(page);
  await page.click('#reset');
  await waitEvent(page, 'snapshot', mark2).catch(() => waitEvent(page, 'configured', mark2));
  await page.waitForFunction(() => /^\D*0\D*$/.test(document.querySelector('#iterations').textContent));
  assert.equal(await page.evaluate(() => window.nnplay.trainer.running), false);
  void iterations;
});

test('divergence (lr 10, relu, regression) pauses and explains, no NaN painted', async () => {
  const page = await openCircle();
  await page.evaluate(() => window.nnplay.store.patch({
    dataset: 'regress_plane', layers: [{ units: 8, activation: 'relu' }, { units: 8, activation: 'relu' }],
    activation: 'relu', optimizer: 'sgd', init: 'he_normal',
  }));
  const mark = await markEvents(page);
  await setControl(page, 'lr', 10);
  await waitEvent(page, 'configured', mark);
  await page.waitForFunction(() => window.nnplay.store.get('lr') === 10);
  await page.waitForTimeout(300);
  const beforeDivergence = await canvasHash(page, '#heatmap');
  const mark2 = await markEvents(page);
  await page.click('#play');
  const diverged = await waitEvent(page, 'diverged', mark2, 30000);
  await page.waitForFunction(() => window.nnplay.trainer.running === false);
  await page.waitForSelector('#diverged', { state: 'visible' });
  await page.waitForTimeout(400);
  const text = (await page.locator('#diverged').innerText()).trim();
  assert.ok(text.length > 40, `#diverged explains: "${text}"`);
  assert.match(text, /learning rate|10/i, 'the explanation names the learning rate');

  // No NaN painting: every grid the page drew is finite, or the heat map kept its last finite
  // picture. The canvas must not be blanked or greyed: a real colour map has colour.
  const grid = await page.evaluate(() => {
    const values = window.nnplay.trainer.lastSnapshot?.grid?.values;
    return values ? { n: values.length, finite: values.every(Number.isFinite) } : null;
  });
  const pixels = await page.evaluate(() => {
    const c = document.querySelector('#heatmap');
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let grey = 0;
    let transparent = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, bl, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
      if (a === 0) transparent += 1;
      else if (Math.max(r, g, bl) - Math.min(r, g, bl) < 6 && r < 235 && r > 40) grey += 1;
    }
    return { grey: grey / (data.length / 4), transparent: transparent / (data.length / 4) };
  });
  assert.ok(pixels.grey < 0.5, `heat map is ${(pixels.grey * 100).toFixed(0)} % grey after divergence (grid: ${JSON.stringify(grid)})`);
  assert.ok(pixels.transparent < 0.5, `heat map is ${(pixels.transparent * 100).toFixed(0)} % blank`);
  assert.ok(diverged.type === 'diverged');
  void beforeDivergence;
  await screenshot(page, 'mlp-diverged');
});
