// State round trips: a link (URL hash) restores every control in a fresh browser with empty
// localStorage; a reload (localStorage) restores the state without the hash.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  controlValues,
  markEvents,
  setControl,
  storeState,
  useBrowser,
  waitConfigured,
  waitReady,
  watch,
} from './harness.mjs';

const b = useBrowser();

/** Control settings made through the DOM, one per panel group (value as the input takes it). */
const CONTROLS = [
  ['lr', 0.1],
  ['batch', 25],
  ['epochs', 500],
  ['optimizer', 'adam'],
  ['beta1', 0.8],
  ['loss', 'mse'],
  ['init', 'he_uniform'],
  ['reg', 'l2'],
  ['regRate', 0.01],
  ['dropout', 0.2],
  ['batchNorm', true],
  ['earlyStop', true],
  ['patience', 7],
  ['seed', 42],
  ['trainRatio', 70],
  ['noise', 15],
  ['speed', 3],
];

/** Sets the controls, edits the network (a layer and a neuron more) and waits for the store. */
async function editEverything(page) {
  for (const [key, value] of CONTROLS) {
    await setControl(page, key, value);
  }
  const layersBefore = await page.evaluate(() => window.nnplay.store.get('layers'));
  await page.click('#add-layer');
  await page.waitForFunction((n) => window.nnplay.store.get('layers').length === n + 1, layersBefore.length);
  await page.click('.add-neuron[data-layer="0"]');
  await page.waitForFunction(
    (u) => window.nnplay.store.get('layers')[0].units === u + 1,
    layersBefore[0].units,
  );
  const state = await storeState(page);
  for (const [key, value] of CONTROLS) {
    assert.deepEqual(state[key], value, `store.${key} after setting its control`);
  }
  return state;
}

test('a link restores the same controls in a fresh browser (empty localStorage)', async () => {
  const page = await b.openApp('#lab=mlp');
  const state = await editEverything(page);
  // The hash is written (debounced) with history.replaceState.
  await page.waitForFunction(() => /optimizer=adam/.test(location.hash) && /layers=/.test(location.hash));
  await page.waitForTimeout(300);
  const link = await page.evaluate(() => location.href);
  const controls = await controlValues(page);

  const fresh = await b.freshBrowser();
  const other = watch(await fresh.newPage());
  try {
    await other.goto(link);
    await waitReady(other); // a new profile: localStorage was empty, only the link counts
    await waitConfigured(other);
    assert.deepEqual(await storeState(other), state, 'store.state() from the link');
    assert.deepEqual(await controlValues(other), controls, 'DOM control values from the link');
    assert.deepEqual(other.problems, [], 'no errors in the fresh browser');
  } finally {
    await other.close();
  }
});

test('a reload restores the state (localStorage, points included), with and without the hash', async () => {
  const page = await b.openApp('#lab=mlp');
  await editEverything(page);
  // A click on the heat map adds a point of the chosen class: the data become custom points
  // (the shown set plus one; more than fit in a link, so only localStorage keeps them).
  const pointsBefore = await page.evaluate(() => window.nnplay.store.get('points').length);
  await page.locator('#point-class').selectOption('1');
  const box = await page.locator('#heatmap').boundingBox();
  await page.click('#heatmap', { position: { x: box.width * 0.7, y: box.height * 0.3 } });
  await page.waitForFunction(() => window.nnplay.store.get('dataset') === 'custom');
  const points = await page.evaluate(() => window.nnplay.store.get('points'));
  assert.ok(points.length > pointsBefore, 'the click added a point');
  assert.deepEqual(points.at(-1)[2], 1, 'of class 1');
  const state = await storeState(page);
  await page.waitForFunction(() => {
    const stored = JSON.parse(localStorage.getItem('nnplay.state.v1') ?? 'null');
    return stored && (stored.state ?? stored)['mlp.optimizer'] === 'adam';
  });
  // The hash is written 150 ms after a change; a reload before that reloads the old hash, which
  // outranks localStorage (a learner's reload comes later than that).
  await page.waitForFunction(() => location.hash.includes('custom'));
  const controls = await controlValues(page);

  await page.reload();
  await waitReady(page);
  await waitConfigured(page);
  assert.deepEqual(await storeState(page), state, 'store after reload');
  assert.deepEqual(await controlValues(page), controls, 'controls after reload');

  // Without the hash: only localStorage can bring it back.
  const bare = await b.open('/');
  await waitReady(bare);
  assert.deepEqual(await storeState(bare), state, 'store from localStorage alone');
  assert.deepEqual(await controlValues(bare), controls, 'controls from localStorage alone');
});

test('a reload right after a change keeps the change (the hash from before it does not win)', async () => {
  const page = await b.openApp('#lab=mlp&lr=0.1');
  await waitConfigured(page);
  // The change and the reload in one step: the hash is not written yet when the reload starts.
  await Promise.all([
    page.waitForEvent('load'),
    page.evaluate(() => {
      window.nnplay.store.set('lr', 0.3);
      location.reload();
    }),
  ]);
  await waitReady(page);
  assert.equal(await page.evaluate(() => window.nnplay.store.get('lr')), 0.3);
  assert.match(await page.evaluate(() => location.hash), /lr=0\.3/);
});

test('reset to preset restores the preset state', async () => {
  const page = await b.openApp('#lab=mlp&preset=mlp-circle');
  const initial = await storeState(page);
  await setControl(page, 'lr', 0.3);
  await setControl(page, 'optimizer', 'rmsprop');
  await page.waitForFunction(() => window.nnplay.store.get('optimizer') === 'rmsprop');
  const mark = await markEvents(page);
  await page.click('#reset-preset');
  await page.waitForFunction(() => window.nnplay.store.get('optimizer') === 'sgd');
  await waitConfigured(page, mark);
  assert.deepEqual(await storeState(page), initial);
});
