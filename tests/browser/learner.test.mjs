// The labs as a learner meets them: training at a watchable pace with no epoch limit by default,
// Play after a lesson's limit offering to continue, and the play/pause toggle.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  PHONE,
  markEvents,
  pauseTraining,
  setControl,
  useBrowser,
  waitConfigured,
  waitEvent,
} from './harness.mjs';

const b = useBrowser();

test('learner: the default speed is watchable and training has no epoch limit', async () => {
  const page = await b.openApp('#lab=mlp');
  await waitConfigured(page);
  const state = await page.evaluate(() => ({
    speed: window.nnplay.store.get('speed'),
    epochs: window.nnplay.store.get('epochs'),
  }));
  assert.deepEqual(state, { speed: 4, epochs: 0 });
  const mark = await markEvents(page);
  await page.click('#play');
  await waitEvent(page, 'progress', mark);
  await page.waitForTimeout(1000);
  const epoch = await page.evaluate(() => window.nnplay.session.lastProgress?.epoch ?? 0);
  // 250 batches/s of 25 batches an epoch: about ten epochs a second, not hundreds.
  assert.ok(epoch < 100, `epoch ${epoch} after about a second at the default speed`);
  assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'true');
  await pauseTraining(page);
  await page.waitForFunction(() => !window.nnplay.session.running);
  assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'false');
});

test('learner: Play after the epoch limit offers to continue, and continuing keeps going', async () => {
  const page = await b.openApp('#lab=mlp&epochs=2&speed=5');
  await waitConfigured(page);
  const mark = await markEvents(page);
  await page.click('#play');
  const paused = await waitEvent(page, 'paused', mark);
  assert.equal(paused.reason, 'finished');
  assert.equal(await page.isVisible('#limit'), false, 'no banner until Play is pressed again');
  await page.click('#play');
  await page.waitForSelector('#limit', { state: 'visible' });
  assert.match(await page.locator('#limit-text').innerText(), /epoch limit \(2\)/);
  assert.equal(await page.evaluate(() => window.nnplay.session.running), false);
  await page.click('#limit-continue');
  await page.waitForFunction(() => (window.nnplay.session.lastProgress?.epoch ?? 0) > 2, null, {
    timeout: 20000,
  });
  assert.equal(await page.isVisible('#limit'), false);
  await pauseTraining(page);
});

test('learner: a first tab visit opens the lab first preset; the menu says custom after an edit', async () => {
  const page = await b.openApp();
  await waitConfigured(page);
  assert.equal(await page.locator('#preset').inputValue(), 'mlp-circle');
  let mark = await markEvents(page);
  await page.click('#lab-tabs [data-lab="perceptron"]');
  await waitConfigured(page, mark);
  const perceptron = await page.evaluate(() => {
    const { store } = window.nnplay;
    return { lr: store.get('lr'), epochs: store.get('epochs'), speed: store.get('speed') };
  });
  assert.deepEqual(perceptron, { lr: 1, epochs: 100, speed: 2 });
  assert.equal(await page.locator('#preset').inputValue(), 'perceptron-and');
  // The gate buttons pick another preset's settings: the menu names it.
  await page.evaluate(() => window.nnplay.store.set('gate', 'xor'));
  await page.waitForFunction(() => document.getElementById('preset').value === 'perceptron-xor');

  mark = await markEvents(page);
  await page.click('#lab-tabs [data-lab="mlp"]');
  await waitConfigured(page, mark);
  await page.click('[data-dataset="spiral"]');
  await page.waitForFunction(() => document.getElementById('preset').value === '');
  assert.equal(await page.locator('#preset option:checked').innerText(), 'custom');
  // A later visit keeps the learner's state in that lab.
  mark = await markEvents(page);
  await page.click('#lab-tabs [data-lab="perceptron"]');
  await waitConfigured(page, mark);
  assert.equal(await page.evaluate(() => window.nnplay.store.get('gate')), 'xor');
});

test('learner: refused values are said beside the field (learning rate 0, batch size 0)', async () => {
  const page = await b.openApp('#lab=mlp');
  await waitConfigured(page);
  for (const [key, value] of [
    ['lr', 0],
    ['batch', 0],
  ]) {
    await setControl(page, key, value);
    const message = await page.evaluate((k) => {
      const input = document.querySelector(`[data-key="${k}"]`);
      const id = input.getAttribute('aria-describedby');
      return id ? document.getElementById(id)?.textContent : null;
    }, key);
    assert.ok(message, `a message beside ${key} = ${value}`);
  }
  assert.equal(await page.evaluate(() => window.nnplay.store.get('lr')), 0.03, 'the store kept 0.03');
});

test('learner: cross-entropy on a regression dataset and a stalled L2 = 10 run get hints', async () => {
  let page = await b.openApp('#lab=mlp&dataset=regress_plane&loss=binary_crossentropy');
  await waitConfigured(page);
  await page.waitForSelector('#hints [data-hint="lossNeedsClasses"]', { state: 'visible' });
  await setControl(page, 'loss', 'mse');
  await page.waitForSelector('#hints', { state: 'hidden' });
  await page.close();

  page = await b.openApp('#lab=mlp&reg=l2&regRate=10&speed=5');
  await waitConfigured(page);
  assert.equal(await page.isVisible('#hints'), false, 'no hint before the loss stalls');
  await page.click('#play');
  await page.waitForSelector('#hints [data-hint="stallRegularization"]', {
    state: 'visible',
    timeout: 30000,
  });
  await pauseTraining(page);
});

test('learner: SGD with a learning rate of 1 or more is warned about before it diverges', async () => {
  const page = await b.openApp('#lab=mlp&lr=1.5');
  await waitConfigured(page);
  await page.waitForSelector('#hints [data-hint="sgdHighLr"]', { state: 'visible' });
});

test('learner: on a phone the header takes two rows, the tabs scroll and the toolbar stays', async () => {
  const page = await b.openApp('#lab=mlp', { viewport: PHONE });
  await waitConfigured(page);
  const header = await page.evaluate(() => {
    const h = document.querySelector('.app-header');
    const title = document.querySelector('.brand h1');
    return { height: h.getBoundingClientRect().height, row: title.getBoundingClientRect().height };
  });
  // Two rows at most: the padding plus two rows of the title's height.
  assert.ok(header.height <= 16 + 2 * header.row + 8, `header ${header.height}px, rows of ${header.row}px`);
  const tabs = await page.evaluate(() => {
    const strip = document.getElementById('lab-tabs');
    return { scrolls: strip.scrollWidth > strip.clientWidth, more: strip.hasAttribute('data-more') };
  });
  if (tabs.scrolls) assert.ok(tabs.more, 'a strip wider than the screen shows that it scrolls');
  const order = await page.evaluate(() => {
    const top = (sel) => document.querySelector(sel).getBoundingClientRect().top;
    return { net: top('.mlp-net'), output: top('.mlp-output'), data: top('.mlp-data') };
  });
  assert.ok(order.net < order.output && order.output < order.data, JSON.stringify(order));
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForTimeout(100);
  const toolbar = await page.evaluate(() => document.querySelector('.toolbar').getBoundingClientRect().top);
  assert.ok(toolbar >= -1 && toolbar <= 1, `the toolbar is at the top after scrolling (top ${toolbar})`);
  assert.ok(await page.isVisible('#play'));
});

test('learner: no select is cut at 1366 px; a click on the map says it made your points', async () => {
  const page = await b.openApp('#lab=mlp', { viewport: { width: 1366, height: 800 } });
  await waitConfigured(page);
  for (const [key, value] of [
    ['optimizer', 'adam'],
    ['reg', 'l2'],
  ]) {
    await setControl(page, key, value);
  }
  const cut = await page.evaluate(() => {
    const canvas = document.createElement('canvas').getContext('2d');
    const out = [];
    for (const select of document.querySelectorAll('#control-panels select, #preset')) {
      if (!select.checkVisibility()) continue;
      const style = getComputedStyle(select);
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      // the room for text: the box less its padding, borders and the arrow (about 20 px)
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
      for (const option of select.options) {
        if (option.hidden) continue;
        const width = canvas.measureText(option.textContent).width;
        if (width > room)
          out.push(`${select.id || select.dataset.key}: "${option.textContent}" ${width | 0} > ${room | 0}`);
      }
    }
    return out;
  });
  assert.deepEqual(cut, []);

  const box = await page.locator('#heatmap').boundingBox();
  await page.click('#heatmap', { position: { x: box.width * 0.3, y: box.height * 0.3 } });
  await page.waitForSelector('#mlp-points-added', { state: 'visible' });
  assert.equal(await page.evaluate(() => window.nnplay.store.get('dataset')), 'custom');
});

test('learner: the data fields sit under the dataset pictures', async () => {
  const page = await b.openApp('#lab=mlp');
  await waitConfigured(page);
  await page.waitForSelector('.mlp-data [data-key="noise"]');
  for (const key of ['samples', 'trainRatio', 'noise']) {
    assert.ok(
      await page.evaluate((k) => Boolean(document.querySelector(`.mlp-data [data-key="${k}"]`)), key),
      `${key} is in the lab's data column`,
    );
  }
  await setControl(page, 'noise', 20);
  await page.waitForFunction(() => window.nnplay.store.get('noise') === 20);
  // Another lab and back: the fields come back with the lab.
  let mark = await markEvents(page);
  await page.click('#lab-tabs [data-lab="activations"]');
  await waitConfigured(page, mark);
  mark = await markEvents(page);
  await page.click('#lab-tabs [data-lab="mlp"]');
  await waitConfigured(page, mark);
  await page.waitForSelector('.mlp-data [data-key="noise"]');
  assert.equal(await page.inputValue('.mlp-data [data-key="noise"]'), '20');
});
