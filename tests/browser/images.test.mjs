// Images lab: loads clean; the image set downloads with progress and comes from the browser's
// cache on the next visit (no second request for any .nnpi file); the curves, the confusion
// matrix, the sample grid and the weight images change while it trains; a drawing gets a
// prediction; the notes' Flatten → Dense(100, relu) → Dense(10, softmax) with Adam reaches 85 %
// test accuracy on the default subset; refused input is said at its control and training goes
// on; Korean text; no horizontal overflow on a phone; screenshots at 1366×768 and 390×844 in
// English and Korean, mid-training.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  PHONE,
  hasHangul,
  loadPreset,
  markEvents,
  pauseTraining,
  screenshot,
  setControl,
  storeState,
  useBrowser,
  waitConfigured,
  waitEvent,
} from './harness.mjs';

const LAPTOP = { width: 1366, height: 768 };
const b = useBrowser({ viewport: LAPTOP });

/** Opens the images lab with `hash` (its field names) and waits for its model. */
async function openImages(hash = '', opts = {}) {
  const page = await b.openApp(`#lab=images${hash}`, opts);
  await page.waitForFunction(() => (window.nnplay.images?.configured ?? 0) >= 1, null, { timeout: 60000 });
  return page;
}

/** The lab's test hook (window.nnplay.images) as plain JSON. */
const hook = (page) => page.evaluate(() => JSON.parse(JSON.stringify(window.nnplay.images ?? {})));

/** Starts training with the play button. */
async function play(page) {
  const mark = await markEvents(page);
  await page.click('#play');
  await waitEvent(page, 'progress', mark);
}

test('images: the set downloads with progress, then comes from the cache (no second download)', async () => {
  const context = await b.freshBrowser({ viewport: LAPTOP }); // an empty Cache API
  const requests = [];
  context.on('request', (r) => {
    if (r.url().endsWith('.nnpi')) requests.push(r.url());
  });
  const first = await openImages('', { context });
  const loaded = await hook(first);
  assert.equal(loaded.loaded.fromCache, false, 'the first visit downloads');
  assert.ok(loaded.progressEvents >= 1, 'the download reported progress');
  assert.equal(requests.length, 2, `the train and test files: ${requests.join(', ')}`);
  const text = await first.textContent('[data-role=load-text]');
  assert.match(text, /11,000 training and 2,000 test images \(5\.\d MB downloaded\)/);
  assert.equal(await first.isHidden('[data-role=load-bar]'), true, 'the progress bar goes once loaded');

  const before = requests.length;
  await first.reload();
  await first.waitForFunction(() => (window.nnplay?.images?.configured ?? 0) >= 1, null, { timeout: 60000 });
  const again = await hook(first);
  assert.equal(again.loaded.fromCache, true, 'the second visit reads the cache');
  assert.equal(requests.length, before, 'no .nnpi file is requested again');
  assert.match(await first.textContent('[data-role=load-text]'), /from the browser’s cache/);
});

test('images: curves, confusion matrix, sample grid and weight images change while training', async () => {
  const page = await openImages('&speed=5');
  await page.waitForFunction(() => (window.nnplay.images?.testDraws ?? 0) >= 1);
  const start = await hook(page);
  const samples = () => page.textContent('#img-samples-view');
  const weights = () =>
    page.evaluate(() => document.querySelector('#img-weights-view canvas')?.toDataURL() ?? '');
  const samplesBefore = await samples();
  const weightsBefore = await weights();
  assert.ok(start.confusion.reduce((a, n) => a + n, 0) === 2000, 'the matrix counts every test image');

  await play(page);
  await page.waitForFunction(
    (n) => window.nnplay.images.epoch >= 2 && window.nnplay.images.testDraws > n + 1,
    start.testDraws,
    {
      timeout: 90000,
    },
  );
  await pauseTraining(page);
  await page.waitForFunction(() => !window.nnplay.session.running);
  await page.waitForTimeout(300); // the snapshot of the weights training stopped at
  const later = await hook(page);
  const chart = await page.evaluate(() => window.nnplay.imagesChart);
  assert.ok(chart.points >= 2, `the curves have ${chart.points} epochs`);
  assert.notDeepEqual(later.confusion, start.confusion, 'the confusion matrix changed');
  assert.notEqual(later.kernelSum, start.kernelSum, 'the first layer weights changed');
  assert.ok(later.weightDraws > start.weightDraws, 'the weight images were redrawn');
  assert.notEqual(await weights(), weightsBefore, 'the weight images look different');
  assert.notEqual(await samples(), samplesBefore, 'the sample grid shows other answers');
  assert.ok(
    later.testAccuracy > start.testAccuracy,
    `test accuracy ${start.testAccuracy} -> ${later.testAccuracy}`,
  );
  // A cell opens its images.
  await page.click('#img-confusion-view .img-cell >> nth=0');
  await page.waitForSelector('.img-viewer-item', { state: 'visible' });
  await page.keyboard.press('Escape');
});

test('images: a drawing gets a prediction', async () => {
  const page = await openImages();
  await page.waitForFunction(() => (window.nnplay.images?.snapshots ?? 0) >= 1);
  const pad = page.locator('#img-draw-view canvas').first();
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  const at = (x, y) => [box.x + (x / 28) * box.width, box.y + (y / 28) * box.height];
  // A trouser-like shape: two legs down from a waistband.
  for (const [[x0, y0], [x1, y1]] of [
    [
      [9, 4],
      [19, 4],
    ],
    [
      [10, 5],
      [9, 25],
    ],
    [
      [18, 5],
      [19, 25],
    ],
  ]) {
    await page.mouse.move(...at(x0, y0));
    await page.mouse.down();
    for (let s = 1; s <= 8; s += 1)
      await page.mouse.move(...at(x0 + ((x1 - x0) * s) / 8, y0 + ((y1 - y0) * s) / 8));
    await page.mouse.up();
  }
  await page.waitForFunction(() => (window.nnplay.images.padPredictions ?? 0) >= 1);
  const { padProbabilities } = await hook(page);
  assert.equal(padProbabilities.length, 10);
  const sum = padProbabilities.reduce((a, p) => a + p, 0);
  assert.ok(Math.abs(sum - 1) < 1e-3, `softmax probabilities sum to ${sum}`);
  assert.match(await page.textContent('#img-draw-view'), /Trouser/, 'the bars name the classes');

  // A test image picked in the grid goes onto the pad and is predicted.
  const before = (await hook(page)).padPredictions;
  await page.waitForSelector('#img-samples-view button.img-sample');
  await page.click('#img-samples-view button.img-sample >> nth=1');
  await page.waitForFunction((n) => window.nnplay.images.padPredictions > n, before);
  const picked = await hook(page);
  assert.notDeepEqual(picked.padProbabilities, padProbabilities, 'another image, another answer');
});

test(
  "images: the notes' Dense(100, relu) with Adam reaches 85% test accuracy",
  { timeout: 600000 },
  async () => {
    const page = await openImages('&speed=5&hiddenLayers=2&optimizer=sgd');
    await loadPreset(page, 'notes-relu'); // Flatten → Dense(100, relu) → Dense(10, softmax), Adam 0.001, batch 32
    const state = await storeState(page);
    assert.deepEqual(
      [state.hiddenLayers, state.units1, state.activation, state.optimizer, state.lr, state.batch],
      [1, 100, 'relu', 'adam', 0.001, 32],
    );
    const started = Date.now();
    await play(page);
    const MAX_EPOCHS = 30;
    await page.waitForFunction(
      (cap) => {
        const h = window.nnplay.images;
        return (h.testAccuracy ?? 0) >= 0.85 || (h.epoch ?? 0) >= cap;
      },
      MAX_EPOCHS,
      { timeout: 580000, polling: 250 },
    );
    const seconds = (Date.now() - started) / 1000;
    const reached = await hook(page);
    await pauseTraining(page);
    console.log(
      `images: ${(reached.testAccuracy * 100).toFixed(1)}% test accuracy after ${reached.epoch} epochs, ` +
        `${seconds.toFixed(1)} s wall time (default subset: 8,800 training images, batch 32)`,
    );
    assert.ok(
      reached.testAccuracy >= 0.85,
      `test accuracy ${reached.testAccuracy} after ${reached.epoch} epochs`,
    );
  },
);

test('images: refused input is said at its control, and training goes on', async () => {
  const page = await openImages('&speed=5&subset=true&trainImages=2000');
  await play(page);
  await page.waitForFunction(() => (window.nnplay.images.epoch ?? 0) >= 1, null, { timeout: 60000 });
  const configured = (await hook(page)).configured;

  await setControl(page, 'trainImages', '0');
  const row =
    '#control-panels [data-field="trainImages"] .field-message, [data-field="trainImages"] .field-message';
  await page.waitForSelector(row, { state: 'visible' });
  assert.match(await page.textContent(row), /100/);
  assert.equal((await storeState(page)).trainImages, 2000, 'the store keeps the last good value');

  await setControl(page, 'trainImages', '20000');
  await page.waitForFunction((sel) => /11,000/.test(document.querySelector(sel)?.textContent ?? ''), row);
  assert.equal((await storeState(page)).trainImages, 2000, 'more images than the part has is put back');

  const epoch = (await hook(page)).epoch;
  await page.waitForFunction((e) => window.nnplay.images.epoch > e, epoch, { timeout: 60000 });
  const after = await hook(page);
  assert.equal(after.configured, configured, 'the model was not rebuilt');
  assert.equal(await page.evaluate(() => window.nnplay.session.running), true, 'training goes on');
  await pauseTraining(page);
});

test('images: a failed download is said with Retry, and the set in use stays until the new one loads', async () => {
  const page = await openImages('&speed=5', { allow: [/Failed to load resource/] });
  await page.route('**/digits-*.nnpi', (route) => route.abort('aborted'));
  await play(page);
  await page.waitForFunction(() => (window.nnplay.images.epoch ?? 0) >= 1, null, { timeout: 60000 });
  const configured = (await hook(page)).configured;

  await setControl(page, 'dataset', 'digits');
  await page.waitForSelector('[data-role=load-error]', { state: 'visible' });
  assert.match(await page.textContent('[data-role=load-error]'), /download failed/);
  assert.match(await page.textContent('[data-role=load-text]'), /keeps using Fashion-MNIST/);
  assert.equal(await page.isVisible('[data-role=retry]'), true, 'a Retry button');
  const during = await hook(page);
  assert.equal(during.configured, configured, 'the model on screen is kept');
  assert.equal(during.loaded.dataset, 'fashion');
  assert.equal(await page.evaluate(() => window.nnplay.session.running), true, 'and keeps training');
  await setControl(page, 'lr', '0.002');
  await page.waitForTimeout(600);
  assert.equal((await hook(page)).configured, configured, 'a learning rate meanwhile is tuned, not rebuilt');

  await page.unroute('**/digits-*.nnpi');
  await page.click('[data-role=retry]');
  await page.waitForFunction((n) => window.nnplay.images.configured > n, configured, { timeout: 60000 });
  const after = await hook(page);
  assert.equal(after.loaded.dataset, 'digits');
  assert.equal(await page.isHidden('[data-role=load-error]'), true);
  assert.match(await page.textContent('[data-role=split]'), /Training on 6,804 images, validating on 1,700/);
  await page.waitForFunction(() => (window.nnplay.images.testDraws ?? 0) >= 1);
  await pauseTraining(page);
});

test('images: a layer change rebuilds; a learning rate is tuned live', async () => {
  const page = await openImages('&speed=5');
  const mark = await markEvents(page);
  await setControl(page, 'hiddenLayers', '2');
  await waitConfigured(page, mark);
  await page.waitForFunction(() => window.nnplay.images.params === 784 * 100 + 100 + 100 * 100 + 100 + 1010);
  const rows = await page.$$eval('[data-role=summary-rows] tr', (trs) => trs.map((tr) => tr.textContent));
  assert.deepEqual(
    rows.map((r) => r.split('(')[0].trim()),
    ['flatten', 'ConcealmentLayer1', 'ConcealmentLayer2', 'OutputLayer'],
  );
  assert.match(await page.textContent('[data-role=totals]'), /Total params: 89,610/);
  // The images stayed in the session (not sent again); the handle keeps them for a restart.
  const kept = await page.evaluate(() =>
    Object.keys(window.nnplay.relay.session('images').configuration.arrays).sort(),
  );
  assert.deepEqual(kept, ['pad_x', 'test_x', 'test_y', 'train_x', 'train_y']);
  const configured = (await hook(page)).configured;
  await setControl(page, 'lr', '0.0005');
  await page.waitForTimeout(600);
  assert.equal((await hook(page)).configured, configured, 'a learning rate is tuned, not rebuilt');
});

test('images: a restarted worker gets the images again after a model change', async () => {
  const page = await openImages('&speed=5');
  let mark = await markEvents(page);
  await setControl(page, 'units1', '50'); // a new model on the same images: they stay in the session
  await waitConfigured(page, mark);
  mark = await markEvents(page);
  await page.evaluate(() => {
    const dead = window.nnplay.relay.worker;
    dead.terminate();
    dead.onerror(new ErrorEvent('error', { message: 'killed by the test' }));
  });
  await waitConfigured(page, mark); // the new worker: build, then set_data with every array
  await play(page);
  await page.waitForFunction(() => (window.nnplay.images.epoch ?? 0) >= 1, null, { timeout: 60000 });
  await pauseTraining(page);
});

test('images: Korean text', async () => {
  const page = await openImages('&lang=ko');
  await page.waitForFunction(() => (window.nnplay.images?.testDraws ?? 0) >= 1);
  for (const selector of [
    '.img-lab .lab-intro',
    '[data-role=load-text]',
    '[data-role=split]',
    '[data-role=test-figure]',
  ]) {
    const text = await page.textContent(selector);
    assert.ok(hasHangul(text), `${selector}: ${text}`);
  }
});

for (const [name, viewport] of [
  ['laptop', LAPTOP],
  ['phone', PHONE],
]) {
  for (const lang of ['en', 'ko']) {
    test(`images: screenshot mid-training, ${name}, ${lang}`, async () => {
      const page = await openImages(`&lang=${lang}&speed=5`, { viewport });
      await play(page);
      await page.waitForFunction(() => (window.nnplay.images.epoch ?? 0) >= 2, null, { timeout: 90000 });
      await page.waitForTimeout(1200); // the test views of the last second
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.scrollingElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      assert.ok(scrollWidth <= innerWidth, `page is ${scrollWidth} px wide in a ${innerWidth} px window`);
      await screenshot(page, `images-${name}-${lang}`, { fullPage: true });
      await pauseTraining(page);
    });
  }
}
