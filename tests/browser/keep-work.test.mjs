// Keeping the learner's work: links, embeds, hash changes, popups and host pages never replace
// the saved state or the learner's own points; an embed opens exactly its state; refused values
// are said at the field; a full storage quota is said in the page; get-state withholds points.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { screenshot, useBrowser, waitReady } from './harness.mjs';

const b = useBrowser();
const KEY = 'nnplay.state.v1';
const OWN = 'nnplay.own.v1';
const POINTS = Array.from({ length: 1000 }, (_, i) => [
  ((i % 40) - 20) / 4,
  (Math.floor(i / 40) - 12) / 4,
  i % 2,
]);
const SAVED = {
  lab: 'mlp',
  lang: 'en',
  'mlp.dataset': 'custom',
  'mlp.lr': 0.1,
  'mlp.layers': [{ units: 5, activation: 'relu' }],
  'perceptron.gate': 'xor',
};

/** Fills the app origin's storage with SAVED and 1,000 own points (a blank same-origin page). */
async function prefill(extra = {}) {
  await b.clearStorage();
  const page = await b.context.newPage();
  await page.goto(new URL('/__host__/blank.html', b.url).href);
  await page.evaluate(
    ([k, o, s, p]) => {
      localStorage.setItem(k, JSON.stringify(s));
      localStorage.setItem(o, JSON.stringify({ 'mlp.points': p }));
    },
    [KEY, OWN, { ...SAVED, ...extra }, POINTS],
  );
  await page.close();
}

/** The saved state and own points, read from a blank same-origin page. */
async function saved() {
  const page = await b.context.newPage();
  await page.goto(new URL('/__host__/blank.html', b.url).href);
  const out = await page.evaluate(
    ([k, o]) => ({
      state: JSON.parse(localStorage.getItem(k) ?? 'null'),
      own: JSON.parse(localStorage.getItem(o) ?? 'null'),
    }),
    [KEY, OWN],
  );
  await page.close();
  return out;
}

async function assertIntact(label, extra = {}) {
  const { state, own } = await saved();
  assert.deepEqual(state, { ...SAVED, ...extra }, `${label}: saved state intact`);
  assert.equal(own?.['mlp.points']?.length, 1000, `${label}: the 1,000 own points intact`);
}

test('opening a link leaves the saved state and points intact; "Your points" reaches them', async () => {
  await prefill();
  const page = await b.openApp('#lab=mlp&dataset=spiral&lr=0.3', { keepStorage: true });
  assert.equal(await page.evaluate(() => window.nnplay.store.get('layers').length), 2, 'link: defaults');
  await page.evaluate(() => window.nnplay.store.flush());
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  await assertIntact('after a link');
  // One click on the map adds to the own points (switching to them), never replaces them.
  const box = await page.locator('#heatmap').boundingBox();
  await page.click('#heatmap', { position: { x: box.width * 0.5, y: box.height * 0.5 } });
  await page.waitForFunction(() => window.nnplay.store.get('points').length === 1001);
  assert.equal(await page.evaluate(() => window.nnplay.store.get('dataset')), 'custom');
  await page.close();
});

test("an iframe with src leaves the top page's saved state intact", async () => {
  await prefill();
  const host = await b.open('/__host__/embed.html');
  const frame = host.frames().find((f) => f !== host.mainFrame());
  await frame.waitForFunction(() => window.nnplay?.ready === true);
  assert.equal(await frame.evaluate(() => window.nnplay.store.get('dataset')), 'xor');
  await frame.evaluate(() => {
    window.nnplay.store.set('lr', 0.5);
    window.nnplay.store.flush();
  });
  await host.close();
  await assertIntact('after an embed');
});

test('an embed opens exactly its state whatever storage holds', async () => {
  await prefill({ lab: 'perceptron', lang: 'ko' });
  const host = await b.open(`/__host__/embed.html?src=${encodeURIComponent('/#lab=mlp')}`);
  const frame = host.frames().find((f) => f !== host.mainFrame());
  await frame.waitForFunction(() => window.nnplay?.ready === true);
  assert.equal(await frame.evaluate(() => window.nnplay.store.get('lab')), 'mlp');
  assert.equal(await frame.evaluate(() => window.nnplay.store.get('lang')), 'en');
  assert.equal(await frame.evaluate(() => document.documentElement.lang), 'en');
});

test('a hashchange applies only the changed keys (points and network kept)', async () => {
  await prefill();
  const page = await b.open('/');
  await waitReady(page);
  assert.equal(await page.evaluate(() => window.nnplay.store.get('points').length), 1000);
  await page.evaluate(() => {
    location.hash = '#lab=mlp&batch=7';
  });
  await page.waitForFunction(() => window.nnplay.store.get('batch') === 7);
  const state = await page.evaluate(() => ({
    points: window.nnplay.store.get('points').length,
    layers: window.nnplay.store.get('layers'),
    lr: window.nnplay.store.get('lr'),
  }));
  assert.equal(state.points, 1000);
  assert.deepEqual(state.layers, SAVED['mlp.layers']);
  assert.equal(state.lr, 0.1);
  await page.evaluate(() => window.nnplay.store.flush());
  await assertIntact('after a hashchange');
});

test("a foreign popup's location change leaves saved state and points intact", async () => {
  await prefill();
  const opener = await b.open('/__host__/blank.html');
  const [popup] = await Promise.all([
    b.context.waitForEvent('page'),
    opener.evaluate(() => {
      window.popup = window.open('/', 'nnplay');
    }),
  ]);
  await waitReady(popup);
  await opener.evaluate(() => {
    window.popup.location.hash = '#lab=perceptron&gate=or';
  });
  await popup.waitForFunction(() => window.nnplay.store.get('lab') === 'perceptron');
  await opener.evaluate(() => {
    window.popup.location = '/#lab=mlp&dataset=gauss';
  });
  await popup
    .waitForFunction(() => window.nnplay?.ready && window.nnplay.store.get('lab') === 'mlp')
    .catch(async (e) => {
      throw new Error(
        `${e.message} ${await popup.evaluate(() => `${location.href} ${JSON.stringify(window.nnplay?.store?.state?.()['mlp.dataset'])} ${window.nnplay?.store?.get('lab')}`)}`,
      );
    });
  assert.equal(await popup.evaluate(() => window.nnplay.store.get('dataset')), 'gauss');
  await popup.evaluate(() => window.nnplay.store.flush());
  await popup.close({ runBeforeUnload: true });
  await assertIntact('after a popup');
});

test('the documented host example (load-preset on ready) leaves saved points and network intact', async () => {
  await prefill();
  const host = await b.open(`/__host__/host.html?src=${encodeURIComponent('/#hide=header,tabs')}`);
  await host.waitForFunction(() => window.received.some((m) => m.type === 'ready'), null, { timeout: 20000 });
  await host.evaluate(() => window.send({ nnplay: 1, type: 'load-preset', name: 'mlp-xor' }));
  const frame = host.frames().find((f) => f !== host.mainFrame());
  await frame.waitForFunction(() => window.nnplay.store.get('preset') === 'mlp-xor');
  await frame.evaluate(() => window.nnplay.store.flush());
  await host.close();
  await assertIntact('after the host example');
});

test('get-state withholds the points unless the host is on hosts=; replies go to its origin', async () => {
  await b.clearStorage();
  for (const [hash, readable] of [
    ['#lab=mlp&dataset=custom&points=1,1,0;2,2,1', false],
    [`#lab=mlp&dataset=custom&points=1,1,0;2,2,1&hosts=${encodeURIComponent(new URL(b.url).origin)}`, true],
  ]) {
    const host = await b.open(`/__host__/host.html?src=${encodeURIComponent(`/${hash}`)}`);
    await host.waitForFunction(() => window.received.some((m) => m.type === 'ready'), null, {
      timeout: 20000,
    });
    await host.evaluate(() => window.send({ nnplay: 1, type: 'get-state' }));
    await host.waitForFunction(() => window.received.some((m) => m.type === 'state'));
    const reply = await host.evaluate(() => window.received.find((m) => m.type === 'state'));
    assert.equal('points' in reply.state, readable, `points readable: ${readable}`);
    assert.equal(/points=/.test(reply.link), readable, 'the link follows');
    assert.deepEqual(reply.withheld, readable ? [] : ['points']);
    await host.close();
  }
});

test('a 1e39 point from the host is refused naming the key; a 1e300 weight at the field', async () => {
  await b.clearStorage();
  const host = await b.open('/__host__/host.html');
  await host.waitForFunction(() => window.received.some((m) => m.type === 'ready'), null, { timeout: 20000 });
  await host.evaluate(() =>
    window.send({ nnplay: 1, type: 'set-state', state: { points: [[1e39, 0, 1]], lr: 0.2 } }),
  );
  await host.waitForFunction(() => window.received.some((m) => m.type === 'error'));
  const error = await host.evaluate(() => window.received.find((m) => m.type === 'error'));
  assert.equal(error.key, 'points');
  assert.equal(error.code, 'float32');
  const frame = host.frames().find((f) => f !== host.mainFrame());
  assert.equal(await frame.evaluate(() => window.nnplay.store.get('lr')), 0.2, 'the valid key is set');
  assert.deepEqual(await frame.evaluate(() => window.nnplay.store.get('points')), []);

  const page = await b.openApp('#lab=perceptron&lang=ko');
  await page.fill('#perceptron-w1', '1e300');
  await page.press('#perceptron-w1', 'Tab');
  const message = page.locator('[data-role=weights] .field-message');
  await message.waitFor({ state: 'visible' });
  assert.match(await message.textContent(), /float32/);
  assert.notDeepEqual(await page.evaluate(() => window.nnplay.store.get('pWeights')[0]), 1e300);
  await screenshot(page, 'keep-work-weight-message-ko');
  const panel = await b.openApp('#lab=mlp');
  await panel.fill('[data-key="lr"]', '1e39');
  await panel.press('[data-key="lr"]', 'Tab');
  const lrMessage = panel.locator('[data-field="lr"] .field-message');
  await lrMessage.waitFor({ state: 'visible' });
  assert.match(await lrMessage.textContent(), /Learning rate|lr/i);
  assert.equal(await panel.evaluate(() => window.nnplay.store.get('lr')), 0.03);
});

test("the labs' own inputs say a refused value at the field (perceptron rate, tower depth)", async () => {
  const page = await b.openApp('#lab=perceptron');
  await page.fill('#perceptron-lr', '0');
  await page.press('#perceptron-lr', 'Tab');
  const lrMessage = page.locator('[data-role=lr-field] .field-message');
  await lrMessage.waitFor({ state: 'visible' });
  assert.match(await lrMessage.textContent(), /Learning rate/);
  assert.equal(await page.evaluate(() => window.nnplay.store.get('lr')), 1, 'the rate is kept');
  const towers = await b.openApp('#lab=activations');
  await towers.fill('#deep-depth', '20');
  await towers.press('#deep-depth', 'Tab');
  const depthMessage = towers.locator('.vanishing-controls .field-message');
  await depthMessage.waitFor({ state: 'visible' });
  assert.match(await depthMessage.textContent(), /12/);
  assert.equal(await towers.evaluate(() => window.nnplay.store.get('deepDepth')), 8, 'the depth is kept');
});

test('a full storage quota shows a banner and keeps the state in memory', async () => {
  await b.clearStorage();
  const page = await b.context.newPage();
  await page.addInitScript(() => {
    Storage.prototype.setItem = function setItem() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const { watch } = await import('./harness.mjs');
  watch(page);
  await page.goto(new URL('/#lab=mlp&lang=ko', b.url).href);
  await waitReady(page);
  await page.evaluate(() => {
    window.nnplay.store.set('lr', 0.3);
    window.nnplay.store.flush();
  });
  await page.locator('#storage-full').waitFor({ state: 'visible' });
  assert.match(await page.locator('#storage-full').textContent(), /저장/);
  assert.equal(await page.evaluate(() => window.nnplay.store.get('lr')), 0.3);
  await screenshot(page, 'keep-work-storage-full-ko');
  await page.close();
});
