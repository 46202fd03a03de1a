// Backprop lab: loads clean and shows the worked example's figures; stepping through visits every
// neuron forward, the loss, every neuron backward in reverse order and the update; the next
// forward pass takes the engine's SGD step (the page's update agrees, E drops); editing a weight
// changes the numbers; refused values are said at their control; Korean; a phone shows the
// diagram above the steps with no horizontal overflow. Screenshots at 1366×768 and 390×844.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { PHONE, hasHangul, screenshot, useBrowser } from './harness.mjs';

const LAPTOP = { width: 1366, height: 768 };
const b = useBrowser({ viewport: LAPTOP });

/** Opens the lab (worked example unless `hash` says otherwise) and waits for its first pass. */
async function openBackprop(hash = '', opts = {}) {
  const page = await b.openApp(`#lab=backprop${hash}`, opts);
  await page.waitForFunction(() => window.nnplay.lab === 'backprop');
  await page.waitForFunction(() => window.nnplay.backprop?.ready === true);
  return page;
}

/** The numbers in a text (true minus signs read as '-'). */
const numbersIn = (text) => (text.replace(/−/g, '-').match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number);

const near = (actual, expected, tolerance = 1e-6) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not ${expected}`);

/** The value after the last '=' of the step line for weight `name` (its ∂E/∂w). */
async function gradShown(page, name) {
  const text = await page.textContent(`.bp-grad[data-weight="${name}"] .bp-value`);
  return numbersIn(text)[0];
}

test('backprop: the worked example shows E_total, ∂E/∂w5 and the updated w5 and w1', async () => {
  const page = await openBackprop();
  near(numbersIn(await page.textContent('#bp-summary')).at(-1), 0.298371109);
  await page.click('#bp-end');
  near(await gradShown(page, 'w5'), 0.082167041);
  near(await gradShown(page, 'w1'), 0.000438568);
  const next = async (name) =>
    numbersIn(await page.textContent(`.bp-update tr[data-weight="${name}"] td:last-child`))[0];
  near(await next('w5'), 0.35891648);
  near(await next('w1'), 0.14978072);
  assert.equal(await page.locator('[data-check="bad"]').count(), 0, 'no ✗');
  assert.ok((await page.locator('[data-check="ok"]').count()) > 20, 'a ✓ beside each product');
  await screenshot(page, 'backprop-laptop-end', { fullPage: true });
});

test('backprop: stepping visits every neuron forward, then backward in reverse order', async () => {
  const page = await openBackprop();
  const current = () => page.evaluate(() => document.querySelector('.bp-node.current')?.dataset.node ?? null);
  const seen = [await current()];
  const total = await page.evaluate(() => window.nnplay.backprop.nodes.length);
  for (let k = 1; k < total; k += 1) {
    await page.keyboard.press('ArrowRight');
    seen.push(await current());
  }
  assert.deepEqual(seen, [
    'n1-0',
    'n1-1',
    'n2-0',
    'n2-1', // forward: h1, h2, o1, o2
    'loss',
    'n2-0',
    'n2-1',
    'n1-0',
    'n1-1', // backward: o1, o2, h1, h2
    null, // the update: every weight
  ]);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await current(), 'n1-1');
  await screenshot(page, 'backprop-laptop-backward');
  // Next at the update: the engine's SGD step; the next pass starts with lower E
  await page.click('#bp-end');
  await page.click('#bp-next');
  await page.waitForFunction(() => window.nnplay.backprop.passNumber === 2);
  const hook = await page.evaluate(() => window.nnplay.backprop);
  assert.ok(hook.agreement?.ok, `the page's update agrees with the engine's (${hook.agreement?.worst})`);
  near(hook.weights[6], 0.35891648); // w5 (kernel [[w5, w7], [w6, w8]] starts at 6)
  near(hook.weights[0], 0.14978072); // w1
  assert.ok(hook.loss < 0.298371109, `E drops: ${hook.loss}`);
  assert.match(await page.textContent('#bp-update-check'), /✓/);
  assert.equal(hook.position, 0, 'the next pass starts at its first step');
  // the toolbar: Step is one more SGD step, Reset goes back to the learner's weights
  await page.click('#step');
  await page.waitForFunction(() => window.nnplay.backprop.passNumber === 3);
  await page.click('#reset');
  await page.waitForFunction(
    () => window.nnplay.backprop.passNumber === 1 && window.nnplay.backprop.weights[6] > 0.39,
  );
  near(await page.evaluate(() => window.nnplay.backprop.loss), 0.298371109);
  assert.equal(await page.locator('#play').isVisible(), false, 'no Play: the lab is driven by steps');
});

test('backprop: editing a weight changes the numbers; refused values are said at the control', async () => {
  const page = await openBackprop();
  const before = await page.evaluate(() => window.nnplay.backprop.loss);
  await page.click('.bp-weight[data-weight-index="6"]'); // w5 in the diagram
  assert.equal(await page.inputValue('#bp-weight-pick'), '6');
  await page.fill('#bp-weight-value', '-1');
  await page.press('#bp-weight-value', 'Enter');
  await page.waitForFunction((loss) => window.nnplay.backprop.loss !== loss, before);
  const hook = await page.evaluate(() => window.nnplay.backprop);
  near(hook.weights[6], -1);
  assert.deepEqual(
    await page.evaluate(() => window.nnplay.store.get('backprop.weights')),
    [0.15, 0.25, 0.2, 0.3, 0.35, 0.35, -1, 0.5, 0.45, 0.55, 0.6, 0.6],
    'the edit is the state (and the link), in short numbers',
  );
  await page.fill('#bp-weight-value', '5000');
  await page.press('#bp-weight-value', 'Enter');
  assert.match(await page.textContent('[data-field="weight"] .field-message'), /w5/);
  await page.fill('#bp-inputs', '1, 2, 3, 4, 5');
  await page.press('#bp-inputs', 'Enter');
  assert.match(await page.textContent('[data-field="inputs"] .field-message'), /1 to 4 numbers/);
  await page.selectOption('#bp-loss', 'binary_crossentropy');
  await page.selectOption('#bp-output-activation', 'linear');
  assert.match(await page.textContent('[data-field="output-activation"] .field-message'), /sigmoid/);
  assert.equal(await page.evaluate(() => window.nnplay.store.get('backprop.outputActivation')), 'sigmoid');
  // a bigger network from the fields: 3 inputs, hidden 3, 2 → every neuron visited
  await page.fill('#bp-inputs', '0.5, -1, 2');
  await page.press('#bp-inputs', 'Enter');
  await page.fill('#bp-hidden', '3 tanh, 2 relu');
  await page.press('#bp-hidden', 'Enter');
  assert.deepEqual(await page.evaluate(() => window.nnplay.store.get('backprop.hiddenLayers')), [
    { units: 3, activation: 'tanh' },
    { units: 2, activation: 'relu' },
  ]);
  assert.equal(await page.inputValue('#bp-hidden-activation'), 'mixed');
  await page.waitForFunction(
    () => window.nnplay.backprop.ready && window.nnplay.backprop.nodes.length === 2 * (3 + 2 + 2) + 2,
  );
  await page.click('#bp-end');
  assert.equal(await page.locator('[data-check="bad"]').count(), 0, 'no ✗');
  await page.fill('#bp-hidden', '3 softmax');
  await page.press('#bp-hidden', 'Enter');
  assert.match(
    await page.textContent('[data-field="hidden"] .field-message'),
    /sigmoid, tanh, relu or linear/,
  );
  await screenshot(page, 'backprop-laptop-custom');
});

test('backprop: Korean', async () => {
  const page = await openBackprop('&lang=ko');
  await page.click('#bp-next');
  assert.ok(hasHangul(await page.textContent('.bp-lab')));
  assert.ok(hasHangul(await page.textContent('#bp-summary')));
  await screenshot(page, 'backprop-laptop-ko');
});

test('backprop: a phone shows the diagram above the steps, nothing wider than the screen', async () => {
  for (const lang of ['en', 'ko']) {
    const page = await openBackprop(`&lang=${lang}`, { viewport: PHONE });
    await page.click('#bp-end');
    const layout = await page.evaluate(() => ({
      scrollWidth: document.scrollingElement.scrollWidth,
      innerWidth: window.innerWidth,
      diagramBottom: document.querySelector('#bp-diagram').getBoundingClientRect().bottom,
      stepsTop: document.querySelector('.bp-steps').getBoundingClientRect().top,
    }));
    assert.ok(
      layout.scrollWidth <= layout.innerWidth,
      `page ${layout.scrollWidth} px in ${layout.innerWidth}`,
    );
    assert.ok(layout.diagramBottom <= layout.stepsTop, 'the diagram is above the step list');
    await screenshot(page, `backprop-phone-${lang}`, { fullPage: true });
    await screenshot(page, `backprop-phone-${lang}-top`);
  }
});
