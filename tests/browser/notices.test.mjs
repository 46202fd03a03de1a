// What the page says where the learner is looking: a change that needs a new model says so
// beside its control and the counters restart (kit/rebuild-notice.mjs), while a live
// hyper-parameter says nothing and keeps the epoch; and the hints of a run that cannot go on
// as it is (a stall at the constant answer's loss with its likely cause, XOR for one neuron,
// a vanishing gradient), in English and Korean.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  PHONE,
  hasHangul,
  markEvents,
  pauseTraining,
  screenshot,
  setControl,
  useBrowser,
  waitConfigured,
  waitEvent,
} from './harness.mjs';

const b = useBrowser();
const LAPTOP_1366 = { width: 1366, height: 768 };

/** Trains until the engine reports epoch `epochs` (or more), then pauses; returns the epoch. */
async function trainEpochs(page, epochs) {
  await page.click('#play');
  await page.waitForFunction((n) => (window.nnplay.session.lastProgress?.epoch ?? 0) >= n, epochs, {
    timeout: 20000,
  });
  const mark = await markEvents(page);
  await pauseTraining(page);
  await waitEvent(page, 'paused', mark);
  return page.evaluate(() => window.nnplay.session.lastProgress.epoch);
}

/** The notice's and the anchor's rectangles, the notice's text, the epoch counter, whether the
 *  counters are marked, and whether the notice lies inside the window. */
async function noticeLayout(page, anchorSelector) {
  return page.evaluate((sel) => {
    const notice = document.querySelector('.rebuild-notice');
    const anchor = document.querySelector(sel);
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const n = box(notice);
    return {
      notice: n,
      anchor: box(anchor),
      text: notice.textContent,
      epoch: document.getElementById('epoch').textContent,
      marked: document.getElementById('epoch').closest('.counter').classList.contains('restarted'),
      inside: n.left >= 0 && n.top >= 0 && n.right <= innerWidth && n.bottom <= innerHeight,
    };
  }, anchorSelector);
}

/** Asserts the notice sits right under or over the anchor and overlaps it horizontally. */
function assertBeside(layout, label) {
  const { notice, anchor } = layout;
  const gapBelow = notice.top - anchor.bottom;
  const gapAbove = anchor.top - notice.bottom;
  assert.ok(
    (gapBelow >= 0 && gapBelow <= 12) || (gapAbove >= 0 && gapAbove <= 12),
    `${label}: notice ${JSON.stringify(notice)} beside ${JSON.stringify(anchor)}`,
  );
  assert.ok(
    notice.left < anchor.right && notice.right > anchor.left,
    `${label}: overlaps the control horizontally`,
  );
  assert.ok(layout.inside, `${label}: the notice is inside the window`);
}

for (const [name, viewport] of [
  ['laptop', LAPTOP_1366],
  ['phone', PHONE],
]) {
  test(`notices (${name}): a new activation says so beside it and restarts at epoch 0; a new lr does not`, async () => {
    const page = await b.openApp('#lab=mlp&speed=5', { viewport });
    await waitConfigured(page);
    if (name === 'phone') await page.click('#controls-toggle');
    const epoch = await trainEpochs(page, 3);
    assert.ok(epoch >= 3);

    // A live hyper-parameter: the engine's tune, no notice, the epoch kept.
    await setControl(page, 'lr', 0.05);
    await page.waitForFunction(
      () => window.nnplay.session.document?.compile?.optimizer?.learning_rate === 0.05,
    );
    await page.waitForTimeout(300);
    assert.equal(await page.locator('.rebuild-notice').count(), 0, 'no notice for the learning rate');
    assert.equal(await page.evaluate(() => window.nnplay.session.lastProgress?.epoch), epoch);
    assert.equal(await page.textContent('#epoch'), String(epoch));

    // A new activation needs new weights: the notice beside its control, the counters at 0.
    const mark = await markEvents(page);
    await setControl(page, 'activation', 'relu');
    await waitConfigured(page, mark);
    await page.waitForSelector('.rebuild-notice', { state: 'visible' });
    const layout = await noticeLayout(page, '[data-field="activation"]');
    assert.match(layout.text, /New model: changing “Activation” needs new weights.*epoch 0/);
    assert.equal(layout.epoch, '0');
    assert.ok(layout.marked, 'the counters are marked as restarted');
    assertBeside(layout, name);
    await screenshot(page, `notice-rebuild-${name}`);

    // It clears on the next interaction.
    await page.mouse.click(5, viewport.height - 5);
    assert.equal(await page.locator('.rebuild-notice').count(), 0, 'cleared by the next click');
  });
}

test('notices: Korean text of a rebuild notice, none for the first build', async () => {
  const page = await b.openApp('#lab=mlp&lang=ko&speed=5', { viewport: LAPTOP_1366 });
  await waitConfigured(page);
  // Before any training a new model loses nothing: no notice.
  let mark = await markEvents(page);
  await setControl(page, 'init', 'he_uniform');
  await waitConfigured(page, mark);
  await page.waitForTimeout(200);
  assert.equal(await page.locator('.rebuild-notice').count(), 0, 'nothing trained, nothing said');
  await trainEpochs(page, 2);
  mark = await markEvents(page);
  await setControl(page, 'activation', 'sigmoid');
  await waitConfigured(page, mark);
  const text = await page.locator('.rebuild-notice').textContent();
  assert.ok(hasHangul(text), text);
  assert.match(text, /^새 모델: ‘활성화 함수’.*0 에포크부터 다시 시작됩니다\.$/);
  await screenshot(page, 'notice-rebuild-ko');
});

test('notices: the network editor and a dataset picture get the notice too', async () => {
  const page = await b.openApp('#lab=mlp&speed=5', { viewport: LAPTOP_1366 });
  await waitConfigured(page);
  await trainEpochs(page, 2);
  let mark = await markEvents(page);
  await page.click('#add-layer');
  await waitConfigured(page, mark);
  await page.waitForSelector('.rebuild-notice', { state: 'visible' });
  let layout = await noticeLayout(page, '#network .net-toolbar');
  assert.match(layout.text, /“Hidden layers”/);
  assertBeside(layout, 'add a layer');

  await trainEpochs(page, 2);
  mark = await markEvents(page);
  await page.click('[data-dataset="xor"]');
  await waitConfigured(page, mark);
  await page.waitForSelector('.rebuild-notice', { state: 'visible' });
  layout = await noticeLayout(page, '[data-dataset="xor"]');
  assert.match(layout.text, /“Dataset”/);
  assertBeside(layout, 'dataset');
});

test('notices: the perceptron explains XOR and points to a hidden layer; AND gets no such hint', async () => {
  let page = await b.openApp('#lab=perceptron&gate=and&speed=5', { viewport: LAPTOP_1366 });
  await waitConfigured(page);
  let mark = await markEvents(page);
  await page.click('#play');
  const paused = await waitEvent(page, 'paused', mark);
  assert.equal(paused.reason, 'finished');
  assert.ok((await page.evaluate(() => window.nnplay.session.lastProgress.epoch)) >= 20);
  assert.equal(await page.locator('#hints [data-hint="notSeparable"]').count(), 0, 'AND is separable');
  await page.close();

  page = await b.openApp('#lab=perceptron&gate=xor&speed=5', { viewport: LAPTOP_1366 });
  await waitConfigured(page);
  assert.equal(await page.isVisible('#hints'), false, 'no hint before training');
  await page.click('#play');
  await page.waitForSelector('#hints [data-hint="notSeparable"]', { state: 'visible', timeout: 20000 });
  const hint = await page.locator('#hints [data-hint="notSeparable"]').textContent();
  assert.match(hint, /not linearly separable/);
  assert.match(hint, /hidden layer/);
  await screenshot(page, 'notice-perceptron-xor-hint');

  // A new gate after training: a new perceptron, said beside the gate buttons.
  mark = await markEvents(page);
  await pauseTraining(page);
  await page.click('[data-gate="or"]');
  await waitConfigured(page, mark);
  await page.waitForSelector('.rebuild-notice', { state: 'visible' });
  const layout = await noticeLayout(page, '.gate-buttons');
  assert.match(layout.text, /“Logic gate”/);
  assertBeside(layout, 'gate');
  assert.equal(await page.locator('#hints [data-hint="notSeparable"]').count(), 0, 'OR: no XOR hint');

  // The hint's button opens XOR in the multi-layer lab.
  mark = await markEvents(page);
  await page.click('[data-gate="xor"]');
  await waitConfigured(page, mark);
  await page.click('#play');
  await page.waitForSelector('#hints [data-hint="notSeparable"] .hint-action', { state: 'visible' });
  mark = await markEvents(page);
  await page.click('#hints [data-hint="notSeparable"] .hint-action');
  await waitConfigured(page, mark);
  const opened = await page.evaluate(() => ({
    lab: window.nnplay.store.get('lab'),
    dataset: window.nnplay.store.get('mlp.dataset'),
  }));
  assert.deepEqual(opened, { lab: 'mlp', dataset: 'xor' });
});

test('notices: a stalled MLP names the cause, at ln 2 (dropout 0.9) and at ln 3 (three blobs, L2 = 10)', async () => {
  let page = await b.openApp('#lab=mlp&dropout=0.9&speed=5', { viewport: LAPTOP_1366 });
  await waitConfigured(page);
  await page.click('#play');
  await page.waitForSelector('#hints [data-hint="stallDropout"]', { state: 'visible', timeout: 40000 });
  assert.match(
    await page.locator('#hints [data-hint="stalled"]').textContent(),
    /stayed at 0\.69\d for 20 epochs/,
  );
  await pauseTraining(page);
  await screenshot(page, 'notice-stall-dropout');
  await page.close();

  page = await b.openApp('#lab=mlp&dataset=blobs&classes=3&reg=l2&regRate=10&speed=5', {
    viewport: LAPTOP_1366,
  });
  await waitConfigured(page);
  await page.click('#play');
  await page.waitForSelector('#hints [data-hint="stallRegularization"]', {
    state: 'visible',
    timeout: 40000,
  });
  assert.match(await page.locator('#hints [data-hint="stalled"]').textContent(), /stayed at 1\.0\d\d/);
  await pauseTraining(page);
});

test('notices: ReLU neurons with zero start weights stall, and the hint names the initializer', async () => {
  const page = await b.openApp('#lab=mlp&init=zeros&speed=5', { viewport: LAPTOP_1366 });
  await waitConfigured(page);
  const mark = await markEvents(page);
  await setControl(page, 'activation', 'relu');
  await waitConfigured(page, mark);
  await page.click('#play');
  await page.waitForSelector('#hints [data-hint="stallZeroInit"]', { state: 'visible', timeout: 40000 });
  assert.match(await page.locator('#hints [data-hint="stallZeroInit"]').textContent(), /“zeros” initializer/);
  await pauseTraining(page);
});

test('notices: the activations lab names a vanishing gradient and its remedies, and its rebuilds', async () => {
  const page = await b.openApp('#lab=activations&speed=5', { viewport: LAPTOP_1366 });
  await waitConfigured(page);
  assert.equal(await page.locator('#hints [data-hint="vanishing"]').count(), 0, 'not before training');
  await page.click('#play');
  await page.waitForSelector('#hints [data-hint="vanishing"]', { state: 'visible', timeout: 20000 });
  const hint = await page.locator('#hints [data-hint="vanishing"]').textContent();
  assert.match(
    hint,
    /Vanishing gradient: in the sigmoid tower, layer 1 gets more than 10\S+× less gradient than layer 8/,
  );
  assert.match(hint, /ReLU.*initializer.*batch normalization/);
  const mark = await markEvents(page);
  await pauseTraining(page);
  await page.locator('#deep-act').selectOption('tanh');
  await waitConfigured(page, mark);
  await page.waitForSelector('.rebuild-notice', { state: 'visible' });
  const layout = await noticeLayout(page, '.vanishing-controls .lab-field');
  assert.match(layout.text, /“Deep tower activation”/);
  assertBeside(layout, 'tower activation');
  await screenshot(page, 'notice-activations');
});
