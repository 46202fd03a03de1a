// The MLP lab's network editor at every size: 16 layers × 64 neurons train, Pause stops them and
// the snapshot that follows shows the weights they stopped at; the editor draws in a fixed
// number of canvases and says when it thins links; a 10-layer network scrolls sideways inside
// its column so the output column can be reached; TF Playground's 6 × 8 gives a phone no
// page-level horizontal overflow; hovering a link shows its weight, clicking it edits it, and
// hovering a neuron shows its bias with its map enlarged.
// Behaviour only: frame rates and Pause latency are measured by bench/page/run.mjs.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { PHONE, markEvents, screenshot, useBrowser, waitConfigured, waitEvent } from './harness.mjs';

const b = useBrowser({ viewport: { width: 1366, height: 768 } });

/** `layers` hidden tanh layers of `units` neurons, as the link spells them. */
const layersHash = (layers, units) =>
  `layers=${Array.from({ length: layers }, () => `${units}.tanh`).join(',')}`;

/** Opens the MLP lab with `hash` and waits for its model and first thumbnails. */
async function openNet(hash, opts = {}) {
  const page = await b.openApp(`#lab=mlp&${hash}`, opts);
  await waitConfigured(page, null, 30000);
  await page.waitForFunction(() => window.nnplay.thumbDraws > 0, null, { timeout: 30000 });
  return page;
}

test('16 × 64 trains in a fixed number of canvases, and Pause stops it', async () => {
  const page = await openNet(`dataset=spiral&speed=5&epochs=100000&${layersHash(16, 64)}`);
  const shape = await page.evaluate(() => ({
    neurons: document.querySelectorAll('#network .net-neuron').length,
    canvases: document.querySelectorAll('#network canvas').length,
    caption: document.querySelector('#network .net-caption')?.textContent ?? '',
  }));
  assert.equal(shape.neurons, 16 * 64);
  // links, thumbnails, the card's map, and one per input feature (seven): none per neuron.
  assert.ok(shape.canvases <= 12, `${shape.canvases} canvases in the network editor`);
  assert.match(shape.caption, /128/, `the caption says links are thinned: "${shape.caption}"`);

  const mark = await markEvents(page);
  const drawsBefore = await page.evaluate(() => window.nnplay.thumbDraws);
  await page.click('#play');
  await waitEvent(page, 'progress', mark, 30000);
  await page.waitForFunction((n) => window.nnplay.thumbDraws > n, drawsBefore, { timeout: 30000 });
  await screenshot(page, 'network-16x64-training');
  await page.click('#play'); // the play/pause toggle, running: pauses
  await waitEvent(page, 'paused', mark, 30000);
  const counters = () =>
    page.evaluate(() => ({
      epoch: document.querySelector('#epoch').textContent,
      iterations: document.querySelector('#iterations').textContent,
      running: window.nnplay.session.running,
    }));
  const paused = await counters();
  assert.equal(paused.running, false, 'the session says it is paused');
  assert.ok(Number(paused.iterations) > 0, `it trained before the pause (${paused.iterations} iterations)`);
  await page.waitForTimeout(1000);
  assert.deepEqual(await counters(), paused, 'the counters stop after the paused event');

  // A snapshot follows the last training slice and shows the weights training stopped at (the
  // worker takes one at the pause unless the last one already shows them): a fresh snapshot
  // asked for now (nothing trained since) has the same weights.
  await page.waitForFunction(
    () => {
      const events = window.nnplay.events;
      const at = events.findLastIndex((e) => e.type === 'progress');
      return at >= 0 && events.slice(at).some((e) => e.type === 'snapshot');
    },
    null,
    { timeout: 30000 },
  );
  const shownWeights = () =>
    page.evaluate(() => Array.from(window.nnplay.session.lastSnapshot.arrays.weights));
  const afterPause = await shownWeights();
  const fresh = await markEvents(page);
  await page.evaluate(() => window.nnplay.session.snapshot());
  await waitEvent(page, 'snapshot', fresh, 30000);
  assert.deepEqual(await shownWeights(), afterPause, 'the snapshot after the pause shows the paused weights');
});

test('a 10-layer editor scrolls sideways so the output column can be reached', async () => {
  const page = await openNet(`dataset=circle&${layersHash(10, 4)}`);
  const geometry = () =>
    page.evaluate(() => {
      const net = document.querySelector('.mlp-net');
      const box = net.getBoundingClientRect();
      const out = document.querySelector('#network .net-outputs').getBoundingClientRect();
      return {
        scrollable: net.scrollWidth > net.clientWidth,
        outputInside: out.left >= box.left - 1 && out.right <= box.right + 1,
        pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      };
    });
  const before = await geometry();
  assert.ok(before.scrollable, 'the network column scrolls');
  assert.equal(before.pageOverflow, 0, 'the page itself does not overflow');
  await page.evaluate(() =>
    document.querySelector('#network .net-outputs').scrollIntoView({ inline: 'end' }),
  );
  const after = await geometry();
  assert.ok(after.outputInside, 'the output column scrolled into view inside the editor');
  await screenshot(page, 'network-10-layers-scrolled');
});

test('on a phone, TF Playground’s 6 × 8 causes no page-level horizontal overflow', async () => {
  const page = await openNet(`dataset=spiral&${layersHash(6, 8)}`, { viewport: PHONE });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  assert.equal(overflow, 0, 'no horizontal page overflow at 390 px');
  await screenshot(page, 'network-6x8-phone', { fullPage: true });
});

test('hovering a link shows its weight, clicking edits it; a neuron shows its bias and map', async () => {
  const page = await openNet('preset=mlp-circle');
  // The middle of the curve from the first active input to the first neuron of layer 1 (the
  // link is a cubic with horizontal tangents: its middle is the middle of its ends).
  const point = await page.evaluate(() => {
    const from = document.querySelector('#network .net-input.active canvas').getBoundingClientRect();
    const to = document.querySelector('#network .net-neuron[data-layer="0"]').getBoundingClientRect();
    return { x: (from.right + to.left) / 2, y: (from.top + from.bottom + to.top + to.bottom) / 4 };
  });
  await page.mouse.move(point.x, point.y);
  const card = page.locator('#network .net-card');
  await card.waitFor({ state: 'visible' });
  const text = await card.textContent();
  assert.match(text, /Weight · .+ → .+: -?\d+\.\d{3}/, `the card shows a weight: "${text}"`);

  await page.mouse.click(point.x, point.y);
  const input = page.locator('#network .net-editor input');
  await input.waitFor({ state: 'visible' });
  const mark = await markEvents(page);
  await input.fill('2.5');
  await input.press('Enter');
  await waitEvent(page, 'snapshot', mark); // the edit's snapshot
  await page.mouse.move(point.x, point.y + 40);
  await page.mouse.move(point.x, point.y);
  await page.waitForFunction(
    () => /: 2\.500$/.test(document.querySelector('#network .net-card')?.textContent ?? ''),
    null,
    { timeout: 10000 },
  );

  const neuron = page.locator('#network .net-neuron[data-layer="0"]').first();
  await neuron.hover();
  await page.waitForFunction(() => /Bias/.test(document.querySelector('#network .net-card').textContent));
  assert.ok(
    await page.locator('#network .net-card-map').isVisible(),
    'the hovered neuron’s map is shown enlarged',
  );
  await screenshot(page, 'network-neuron-hover');
  await neuron.click();
  await page.locator('#network .net-editor input').waitFor({ state: 'visible' });
});
