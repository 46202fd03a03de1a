// Keras workbench: wiring layers on the plot_model diagram. A mouse drag from a box's output
// port onto another box rewires the model (the JSON tab, summary() and the rows follow); a
// Concatenate gains an input; a loop is refused in the status line and the model stays; a
// Sequential model becomes functional; the keyboard does the same with Enter and the arrow keys;
// only the ports stop touch panning: on a phone a touch drag from a port wires, a swipe scrolls.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { PHONE, hasHangul, screenshot, useBrowser } from './harness.mjs';

// Tall enough that the whole diagram is on screen: Playwright's mouse works in viewport pixels.
const b = useBrowser({ viewport: { width: 1366, height: 1500 } });

async function openPreset(id, name) {
  const page = await b.openApp('#lab=workbench');
  await page.waitForFunction(() => Boolean(window.nnplay.workbench?.bench?.current));
  await page.selectOption('#wb-preset', id);
  await waitDoc(page, new Function('d', `return d?.model.name === '${name}'`));
  await page.waitForSelector('#wb-graph .mg-port');
  return page;
}

/** Waits for the current model to satisfy `fn(doc)`. */
const waitDoc = (page, fn) =>
  page.waitForFunction(`(${fn})(window.nnplay.workbench.bench.current?.doc ?? null)`);
const doc = (page) => page.evaluate(() => window.nnplay.workbench.bench.current.doc);
const inputsOf = async (page, name) => (await doc(page)).model.layers.find((l) => l.name === name).inputs;

/** Presses on `from`'s port, moves onto `to`'s header in steps and (unless `hold`) releases. */
async function drag(page, from, to, { hold = false } = {}) {
  const port = page.locator(`#wb-graph .mg-port[data-port="${from}"] .mg-port-dot`);
  await port.scrollIntoViewIfNeeded();
  const a = await port.boundingBox();
  const z = await page.locator(`#wb-graph .mg-node[data-layer="${to}"] .mg-head`).boundingBox();
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(z.x + z.width / 2, z.y + z.height / 2, { steps: 10 });
  if (!hold) await page.mouse.up();
}

test('workbench wiring: mouse drags rewire the model; a loop is refused; Sequential becomes functional', async () => {
  // input_layer -> hidden1 -> hidden2; concat(input_layer, hidden2) -> output
  const page = await openPreset('notes-wide-deep', 'wide_deep');
  const summary = await page.textContent('#wb-summary');

  // A Dense reads the node dragged onto it.
  await drag(page, 'input_layer', 'hidden2');
  await waitDoc(page, (d) => d.model.layers.find((l) => l.name === 'hidden2').inputs[0] === 'input_layer');
  assert.deepEqual(await inputsOf(page, 'hidden2'), ['input_layer']);
  await page.waitForFunction(() =>
    /hidden2 now reads input_layer/.test(document.querySelector('#wb-status').textContent),
  );
  assert.match(await page.textContent('#wb-status'), /Model updated/);
  assert.notEqual(await page.textContent('#wb-summary'), summary, 'summary() shows the new model');
  // hidden2 now has 7 * 30 + 30 weights, not 30 * 30 + 30.
  assert.match(await page.textContent('#wb-summary'), /hidden2 \(Dense\)[^\n]*240/);
  await page.click('.wb-tab[data-tab="json"]');
  const json = JSON.parse(await page.inputValue('#wb-json'));
  assert.deepEqual(json.model.layers.find((l) => l.name === 'hidden2').inputs, ['input_layer']);
  await page.click('.wb-tab[data-tab="layers"]');
  assert.equal(await page.inputValue('.wb-row[data-layer="hidden2"] select[data-input]'), 'input_layer');

  // A Concatenate gains an input, in node order as its row's checkboxes put it.
  await drag(page, 'hidden1', 'concat');
  await waitDoc(page, (d) => d.model.layers.find((l) => l.name === 'concat').inputs.length === 3);
  assert.deepEqual(await inputsOf(page, 'concat'), ['input_layer', 'hidden1', 'hidden2']);
  assert.ok(await page.isChecked('.wb-row[data-layer="concat"] input[data-read="hidden1"]'));
  assert.equal(await page.locator('#wb-graph .mg-edge').count(), 6);

  // The wire follows the pointer while it is held; the box under it is marked.
  await drag(page, 'output', 'hidden1', { hold: true });
  assert.equal(await page.locator('#wb-graph .mg-wire').count(), 1);
  assert.equal(await page.locator('#wb-graph .mg-drop[data-layer="hidden1"]').count(), 1);
  await screenshot(page, 'workbench-connect-drag-en');
  // Released: output is computed from hidden1, so hidden1 reading output is a loop.
  const before = await doc(page);
  await page.mouse.up();
  await page.waitForFunction(() => /loop/.test(document.querySelector('#wb-status').textContent));
  assert.ok(await page.locator('#wb-status.wb-bad').count());
  assert.deepEqual(await doc(page), before, 'the model stays');
  assert.equal(await page.locator('#wb-graph .mg-wire').count(), 0, 'the wire is gone');

  // Dropped on empty space: nothing happens.
  const port = await page.locator('#wb-graph .mg-port[data-port="hidden1"] .mg-port-dot').boundingBox();
  await page.mouse.move(port.x + 5, port.y + 5);
  await page.mouse.down();
  await page.mouse.move(port.x + 400, port.y + 10, { steps: 5 });
  await page.mouse.up();
  assert.deepEqual(await doc(page), before);

  // Sequential: the wire leaves the chain, so the model becomes functional.
  await page.selectOption('#wb-preset', 'notes-sequential');
  await waitDoc(page, (d) => d?.model.type === 'sequential');
  await page.waitForSelector('#wb-graph .mg-port[data-port="dense_2"]');
  await drag(page, 'dense', 'dense_2');
  await waitDoc(page, (d) => d.model.type === 'functional');
  assert.deepEqual(await inputsOf(page, 'dense_2'), ['dense']);
  await page.waitForFunction(() => /functional now/.test(document.querySelector('#wb-status').textContent));
  assert.equal(await page.getAttribute('#wb-mode-functional', 'aria-pressed'), 'true');
});

test('workbench wiring: the keyboard picks up an output and connects it; only ports stop panning', async () => {
  const page = await openPreset('notes-wide-deep', 'wide_deep');
  // Touch panning stays on everywhere but the ports.
  const actions = await page.evaluate(() => ({
    port: getComputedStyle(document.querySelector('#wb-graph .mg-port')).touchAction,
    box: getComputedStyle(document.querySelector('#wb-graph .mg-node')).touchAction,
    svg: getComputedStyle(document.querySelector('#wb-graph svg')).touchAction,
  }));
  assert.deepEqual(actions, { port: 'none', box: 'auto', svg: 'auto' });

  // hidden1: Enter picks it up; two boxes down is concat; Enter connects.
  await page.focus('#wb-graph .mg-node[data-layer="hidden1"]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() =>
    /Carrying the output of hidden1/.test(document.querySelector('#wb-graph .mg-live').textContent),
  );
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.layer), 'concat');
  assert.equal(await page.locator('#wb-graph .mg-wire').count(), 1, 'the wire points at the focused box');
  await page.keyboard.press('Enter');
  await waitDoc(page, (d) => d.model.layers.find((l) => l.name === 'concat').inputs.includes('hidden1'));
  // The redrawn diagram keeps the focus on the box.
  await page.waitForFunction(() => document.activeElement?.dataset?.layer === 'concat');
  // Escape drops what is carried; the model stays.
  const before = await doc(page);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() =>
    /cancelled/.test(document.querySelector('#wb-graph .mg-live').textContent),
  );
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter'); // picks up hidden2 (nothing carried any more)
  await page.waitForFunction(() =>
    /output of hidden2/.test(document.querySelector('#wb-graph .mg-live').textContent),
  );
  assert.deepEqual(await doc(page), before);
  await page.keyboard.press('Escape');
});

test('workbench wiring: on a phone a touch drag from a port wires, a swipe elsewhere scrolls (Korean)', async () => {
  const page = await b.openApp('#lab=workbench&lang=ko', { viewport: PHONE });
  await page.waitForFunction(() => Boolean(window.nnplay.workbench?.bench?.current));
  await page.selectOption('#wb-preset', 'notes-wide-deep');
  await waitDoc(page, (d) => d?.model.name === 'wide_deep');
  await page.waitForSelector('#wb-graph .mg-port');
  assert.ok(hasHangul(await page.textContent('.wb-graph-hint')));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
  const touch = (type, points) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y]) => ({ x, y })) });
  const swipe = async ([x0, y0], [x1, y1]) => {
    await touch('touchStart', [[x0, y0]]);
    for (let k = 1; k <= 10; k += 1)
      await touch('touchMove', [[x0 + ((x1 - x0) * k) / 10, y0 + ((y1 - y0) * k) / 10]]);
    await touch('touchEnd', []);
  };
  const centre = ({ x, y, width, height }) => [x + width / 2, y + height / 2];

  // A drag that starts on a port wires (the page does not pan under it).
  const port = page.locator('#wb-graph .mg-port[data-port="input_layer"] .mg-port-dot');
  await port.scrollIntoViewIfNeeded();
  const from = centre(await port.boundingBox());
  const to = centre(await page.locator('#wb-graph .mg-node[data-layer="hidden2"] .mg-head').boundingBox());
  await swipe(from, to);
  await waitDoc(page, (d) => d.model.layers.find((l) => l.name === 'hidden2').inputs[0] === 'input_layer');
  await page.waitForFunction(() =>
    /이제 hidden2의 입력은 input_layer입니다/.test(document.querySelector('#wb-status').textContent),
  );

  // A swipe up that starts on a box (not its port) scrolls and wires nothing.
  const before = await doc(page);
  const box = await page.locator('#wb-graph .mg-node[data-layer="hidden1"] .mg-head').boundingBox();
  const scrolled = () => page.evaluate(() => window.scrollY + document.querySelector('#wb-graph').scrollTop);
  const y0 = await scrolled();
  await swipe([box.x + 20, box.y + 60], [box.x + 20, box.y - 200]);
  await page.waitForFunction((y) => window.scrollY + document.querySelector('#wb-graph').scrollTop !== y, y0);
  assert.deepEqual(await doc(page), before);
  await screenshot(page, 'workbench-connect-phone-ko', { fullPage: true });
});
