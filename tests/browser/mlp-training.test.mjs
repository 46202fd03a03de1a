// MLP lab training (circle preset): Play starts training, the epoch loss falls, the counters
// move, the decision boundary (#heatmap) and the neuron thumbnails repaint; divergence pauses
// with an explanation (#diverged) instead of painting NaN.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  canvasHash,
  epochLosses,
  markEvents,
  recordEpochs,
  screenshot,
  setControl,
  useBrowser,
  waitConfigured,
  waitEvent,
  pauseTraining,
} from './harness.mjs';

const b = useBrowser();

/** Opens the MLP lab on the circle preset and waits for its first decision boundary. */
async function openCircle(extraHash = '') {
  const page = await b.openApp(`#lab=mlp&preset=mlp-circle${extraHash}`);
  const configured = await waitConfigured(page);
  assert.ok(
    configured.arrays.some((name) => /train_x/.test(name)),
    `the engine gave the 2-D points the heat map draws (arrays: ${configured.arrays})`,
  );
  await page.waitForFunction(() => window.nnplay.gridDraws >= 1 && window.nnplay.firstGridAt > 0);
  return page;
}

test('training starts, the loss falls, the boundary and the thumbnails change', async () => {
  const page = await openCircle();
  await page.waitForSelector('.neuron-thumb', { state: 'attached' });
  await page.waitForTimeout(300); // snapshot after configure drawn everywhere
  const before = {
    heatmap: await canvasHash(page, '#heatmap'),
    thumb: await canvasHash(page, '.neuron-thumb'),
    ...(await page.evaluate(() => ({
      grid: window.nnplay.gridDraws,
      thumbs: window.nnplay.thumbDraws,
      epoch: document.querySelector('#epoch').textContent,
    }))),
  };
  assert.ok(before.heatmap && before.thumb, 'the heat map and a thumbnail are drawn canvases');

  await recordEpochs(page);
  const mark = await markEvents(page);
  await page.click('#play');
  await page.waitForFunction(() => window.__epochLogs.length >= 30, null, { timeout: 30000 });
  await pauseTraining(page);
  await waitEvent(page, 'paused', mark);
  await page.waitForTimeout(400); // the pause snapshot is drawn

  const losses = await epochLosses(page);
  assert.ok(losses.length >= 10, `only ${losses.length} epoch losses recorded`);
  const first = losses[0].loss;
  const last = losses.at(-1).loss;
  assert.ok(
    last < 0.8 * first,
    `loss ${first} -> ${last} over epochs ${losses[0].epoch}..${losses.at(-1).epoch}`,
  );

  const after = {
    heatmap: await canvasHash(page, '#heatmap'),
    thumb: await canvasHash(page, '.neuron-thumb'),
    ...(await page.evaluate(() => ({
      grid: window.nnplay.gridDraws,
      thumbs: window.nnplay.thumbDraws,
      epoch: document.querySelector('#epoch').textContent,
      iterations: document.querySelector('#iterations').textContent,
    }))),
  };
  assert.notEqual(after.heatmap, before.heatmap, 'the decision boundary repainted');
  assert.notEqual(after.thumb, before.thumb, 'the first neuron thumbnail repainted');
  assert.ok(after.grid > before.grid, `gridDraws ${before.grid} -> ${after.grid}`);
  assert.ok(after.thumbs > before.thumbs, `thumbDraws ${before.thumbs} -> ${after.thumbs}`);
  assert.notEqual(after.epoch, before.epoch, '#epoch counter moved');
  assert.match(after.iterations, /[1-9]/, '#iterations counter moved');
  assert.equal(await page.evaluate(() => window.nnplay.session.running), false, 'paused');
  await screenshot(page, 'mlp-circle-trained');
});

test('step runs one batch; reset re-initialises the weights', async () => {
  const page = await openCircle();
  const weights = () => page.evaluate(() => Array.from(window.nnplay.session.lastSnapshot.arrays.weights));
  await page.waitForFunction(() => window.nnplay.session.lastSnapshot?.arrays?.weights);
  const initial = await weights();
  const counter = () => page.locator('#iterations').innerText();
  assert.match(await counter(), /^\D*0\D*$/, '#iterations starts at 0');

  const mark = await markEvents(page);
  await page.click('#step');
  const progress = await waitEvent(page, 'progress', mark);
  assert.equal(progress.iterations, 1, 'one batch');
  await page.waitForFunction(() => /^\D*1\D*$/.test(document.querySelector('#iterations').textContent));
  await page.waitForFunction(
    (w) => String(Array.from(window.nnplay.session.lastSnapshot.arrays.weights)) !== String(w),
    initial,
  );
  assert.equal(
    await page.evaluate(() => window.nnplay.session.running),
    false,
    'step does not start training',
  );

  await page.click('#reset');
  await page.waitForFunction(() => /^\D*0\D*$/.test(document.querySelector('#iterations').textContent));
  await page.waitForFunction(
    (w) => String(Array.from(window.nnplay.session.lastSnapshot.arrays.weights)) === String(w),
    initial,
  );
  assert.equal(await page.evaluate(() => window.nnplay.session.running), false);
});

test('divergence (lr 10, relu, regression) pauses and explains, no NaN painted', async () => {
  const page = await openCircle();
  await page.evaluate(() =>
    window.nnplay.store.patch({
      dataset: 'regress_plane',
      layers: [
        { units: 8, activation: 'relu' },
        { units: 8, activation: 'relu' },
      ],
      activation: 'relu',
      optimizer: 'sgd',
      init: 'he_normal',
    }),
  );
  const mark = await markEvents(page);
  await setControl(page, 'lr', 10); // through the learning-rate control
  await page.waitForFunction(() => window.nnplay.store.get('lr') === 10);
  await waitConfigured(page, mark);
  // Every snapshot the page gets from now on: are its weights and its grid finite?
  await page.evaluate(() => {
    window.__snapshots = [];
    window.nnplay.session.on('snapshot', (snap) =>
      window.__snapshots.push({
        weights: snap.arrays.weights.every(Number.isFinite),
        grid: snap.arrays.grid ? snap.arrays.grid.every(Number.isFinite) : null,
      }),
    );
  });
  const mark2 = await markEvents(page);
  await page.click('#play');
  const diverged = await waitEvent(page, 'diverged', mark2, 30000);
  await page.waitForFunction(() => window.nnplay.session.running === false);
  await page.waitForSelector('#diverged', { state: 'visible' });
  await page.waitForTimeout(400);
  const text = (await page.locator('#diverged').innerText()).trim();
  assert.ok(text.length > 40, `#diverged explains: "${text}"`);
  assert.match(text, /learning rate/i, 'the explanation names the learning rate');
  assert.match(text, /\b10\b/, 'the explanation gives the learning rate used');
  assert.match(diverged.reason ?? '', /./, 'the diverged event carries a reason');

  // No NaN painting: the weights the page draws stay finite (the engine keeps the weights from
  // before the bad batch) and so does every grid; the heat map is neither blank nor grey.
  const snapshots = await page.evaluate(() => window.__snapshots);
  assert.ok(snapshots.length >= 1, 'a snapshot after the divergence');
  assert.ok(
    snapshots.every((s) => s.weights && s.grid !== false),
    `snapshots: ${JSON.stringify(snapshots)}`,
  );
  const pixels = await page.evaluate(() => {
    const c = document.querySelector('#heatmap');
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let grey = 0;
    let blank = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, bl, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
      if (a === 0) blank += 1;
      else if (Math.max(r, g, bl) - Math.min(r, g, bl) < 6 && r > 40 && r < 235) grey += 1;
    }
    const n = data.length / 4;
    return { grey: grey / n, blank: blank / n };
  });
  assert.ok(pixels.grey < 0.2, `heat map ${(pixels.grey * 100).toFixed(0)} % grey after divergence`);
  assert.ok(pixels.blank < 0.2, `heat map ${(pixels.blank * 100).toFixed(0)} % blank after divergence`);
  await screenshot(page, 'mlp-diverged');
});
