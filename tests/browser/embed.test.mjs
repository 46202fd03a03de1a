// Embedding: `#hide=...` hides every element of each named group and nothing else; the embed
// dialog's snippet keeps the state and the flags; a host page drives the playground in an
// iframe through the postMessage API (load-preset, play, metrics with rising epochs, pause).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { screenshot, useBrowser, waitConfigured } from './harness.mjs';
import { GROUPS } from '../../web/js/state/schema.mjs';

const b = useBrowser();

/** Per group: the visibility (checkVisibility) of each [data-group] element, in DOM order. */
async function groupVisibility(page) {
  return page.evaluate(
    (groups) =>
      Object.fromEntries(
        groups.map((g) => [
          g,
          [...document.querySelectorAll(`[data-group="${g}"]`)].map((el) => el.checkVisibility()),
        ]),
      ),
    GROUPS,
  );
}

/** Opens `lab` without and with `#hide=<hidden>`; the named groups are all hidden, the other
 *  groups look exactly as without the flag. */
async function checkHide(lab, hidden) {
  const base = await b.openApp(`#lab=${lab}`);
  await waitConfigured(base);
  await base.waitForTimeout(200);
  const shown = await groupVisibility(base);
  const page = await b.openApp(`#lab=${lab}&hide=${hidden.join(',')}`);
  await waitConfigured(page);
  await page.waitForTimeout(200);
  const seen = await groupVisibility(page);
  for (const group of hidden) {
    assert.ok(shown[group].some(Boolean), `${lab}: group ${group} has visible elements without the flag`);
    assert.ok(
      seen[group].every((v) => !v),
      `${lab}: every [data-group=${group}] element is hidden`,
    );
  }
  for (const group of GROUPS.filter((g) => !hidden.includes(g))) {
    assert.deepEqual(seen[group], shown[group], `${lab}: group ${group} (not named) is unchanged`);
  }
  return page;
}

test('hide flags: header, tabs, toolbar, training, data hide exactly those (MLP lab)', async () => {
  const page = await checkHide('mlp', ['header', 'tabs', 'toolbar', 'training', 'data']);
  await screenshot(page, 'embed-mlp-hide-header-tabs-toolbar-training-data');
});

test('hide flags: optimizer, network, regularization, features, charts (MLP lab)', async () => {
  await checkHide('mlp', ['optimizer', 'network', 'regularization', 'features', 'charts']);
});

test('hide flags: perceptron (perceptron lab) and vanishing (activations lab)', async () => {
  await checkHide('perceptron', ['perceptron']);
  await checkHide('activations', ['vanishing']);
});

test('the embed dialog gives an iframe snippet with the state and the hide flags', async () => {
  const page = await b.openApp('#lab=mlp&optimizer=adam&hide=header,data');
  await page.click('#embed');
  await page.waitForSelector('#embed-code', { state: 'visible' });
  const code = await page.locator('#embed-code').inputValue();
  assert.match(code, /<iframe\b[^>]*\bsrc="[^"]+"/, `snippet: ${code}`);
  const src = code.match(/src="([^"]+)"/)[1].replaceAll('&amp;', '&');
  assert.match(src, /optimizer=adam/, 'the snippet keeps the state');
  assert.match(src, /hide=header(,|%2C)data/, 'the snippet keeps the hide flags');
});

test('postMessage API: a host page loads a preset, plays and receives metrics', async () => {
  await b.clearStorage();
  const host = await b.open('/__host__/host.html');
  const received = (type) => host.evaluate((t) => window.received.filter((m) => m.type === t), type);
  await host.waitForFunction(() => window.received.some((m) => m.type === 'ready'), null, { timeout: 20000 });
  await host.evaluate(() => window.send({ nnplay: 1, type: 'load-preset', name: 'mlp-xor' }));
  const frame = host.frame({ url: /127\.0\.0\.1:\d+\/(#.*)?$/ });
  assert.ok(frame, 'the playground iframe');
  await frame.waitForFunction(
    () => window.nnplay.store.get('preset') === 'mlp-xor' && window.nnplay.store.get('dataset') === 'xor',
  );
  // At full speed the preset passes its 1000 epochs in about a second (metrics come ≤ 4/s):
  // set-state gives it room to run until the host pauses it.
  await host.evaluate(() => window.send({ nnplay: 1, type: 'set-state', state: { epochs: 100000 } }));
  await frame.waitForFunction(() => window.nnplay.store.get('epochs') === 100000);
  await host.waitForTimeout(400); // the new configure (debounced) goes first
  await host.evaluate(() => window.send({ nnplay: 1, type: 'play' }));
  await host.waitForFunction(
    () => {
      const epochs = window.received.filter((m) => m.type === 'metrics').map((m) => m.epoch);
      return epochs.length >= 3 && epochs.at(-1) > epochs[0];
    },
    null,
    { timeout: 30000 },
  );
  await host.evaluate(() => window.send({ nnplay: 1, type: 'pause' }));
  await host.waitForFunction(() => window.received.some((m) => m.type === 'paused'));
  const [paused] = await received('paused');
  assert.equal(paused.reason, 'user', 'the host paused it (not the epoch limit)');

  const metrics = await received('metrics');
  const epochs = metrics.map((m) => m.epoch);
  for (let i = 1; i < epochs.length; i += 1) {
    assert.ok(epochs[i] >= epochs[i - 1], `metrics epochs never go back: ${epochs.join(',')}`);
  }
  assert.ok(
    metrics.every((m) => Number.isFinite(m.iterations) && m.logs),
    'metrics carry iterations and logs',
  );
  assert.ok(Number.isFinite(metrics.at(-1).logs.loss), 'metrics carry the loss');
  const ready = await received('ready');
  assert.equal(ready.length, 1, 'one ready message');

  await host.evaluate(() => window.send({ nnplay: 1, type: 'get-state' }));
  await host.waitForFunction(() => window.received.some((m) => m.type === 'state'));
  const [state] = await received('state');
  assert.equal(state.state.preset, 'mlp-xor');
  assert.equal(state.state.epochs, 100000);
  assert.match(state.link, /#.*preset=mlp-xor/);
  await screenshot(host, 'embed-host-page');
});
