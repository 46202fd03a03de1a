// Sequence lab: loads clean; every task trains with a falling loss; the state maps redraw while
// training and hold each probe in its range (gates 0..1, g and h −1..1); the gradient through
// time draws one curve per recurrent layer; refused inputs are said at the control and the
// model keeps training; the served recurrent presets open from the menu and from a host's
// load-preset; screenshots at 1366×768 and 390×844 in English and Korean, mid-training.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  PHONE,
  epochLosses,
  loadPreset,
  markEvents,
  pauseTraining,
  recordEpochs,
  screenshot,
  setControl,
  useBrowser,
  waitConfigured,
  waitEvent,
} from './harness.mjs';

const LAPTOP = { width: 1366, height: 768 };
const b = useBrowser({ viewport: LAPTOP });

/** Opens the lab with `hash` (its field names) and waits for its model. */
async function openSequence(hash = '', opts = {}) {
  const page = await b.openApp(`#lab=sequence${hash}`, opts);
  await page.waitForFunction(() => window.nnplay.lab === 'sequence');
  await waitConfigured(page);
  return page;
}

/** Plays until `epochs` epochs are recorded (or the time runs out), then pauses. */
async function trainEpochs(page, epochs, timeout = 60000) {
  await recordEpochs(page);
  const mark = await markEvents(page);
  await page.click('#play');
  await waitEvent(page, 'progress', mark);
  await page.waitForFunction((n) => window.__epochLogs.length >= n, epochs, { timeout, polling: 100 });
  await pauseTraining(page);
  await page.waitForFunction(() => !window.nnplay.session.running);
  return epochLosses(page);
}

const TASKS = [
  ['sine', '&cell=lstm&units=16'],
  ['sawtooth', '&cell=gru&units=16'],
  ['square', '&cell=simple_rnn&units=16'],
  ['adding', '&cell=lstm&units=16&seqLength=10&sequences=1000'],
  ['copy_memory', '&cell=lstm&units=16&seqLength=5&sequences=500'],
  // Parity sits at ln 2 for some epochs before it drops (about epoch 10 here).
  ['parity', '&cell=gru&units=8&seqLength=3&sequences=500&lr=0.03', 20],
  ['text', '&cell=lstm&units=32&window=16', 3],
];

for (const [task, extra, epochs = 6] of TASKS) {
  test(`sequence: ${task} trains with a falling loss`, async () => {
    const page = await openSequence(`&task=${task}${extra}&speed=5`);
    const losses = await trainEpochs(page, epochs);
    const first = losses[0].loss;
    const last = losses.at(-1).loss;
    assert.ok(last < first * 0.9, `${task}: epoch loss ${first} -> ${last}`);
  });
}

test('sequence: the state maps change while training and hold the gates in their ranges', async () => {
  const page = await openSequence('&task=adding&cell=lstm&units=12&depth=2&seqLength=12&speed=4');
  await page.waitForFunction(() => (window.nnplay.sequence?.mapDraws ?? 0) >= 1);
  const hashes = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('#seq-maps canvas')]
        .filter((c) => !c.closest('figure').hidden)
        .map((c) => c.toDataURL().length + ':' + c.toDataURL().slice(-200)),
    );
  const before = await hashes();
  assert.equal(before.length, 7, 'x, h, c and the four gates of an LSTM');
  await trainEpochs(page, 3);
  await page.waitForTimeout(400);
  const after = await hashes();
  assert.ok(
    after.some((h, i) => h !== before[i]),
    'a state map redrew with other values',
  );
  const hook = await page.evaluate(() => window.nnplay.sequence);
  for (const kind of ['gate_i', 'gate_f', 'gate_o']) {
    const [lo, hi] = hook.ranges[kind];
    assert.ok(lo >= 0 && hi <= 1 && hi > lo, `${kind} in 0..1: ${lo}..${hi}`);
  }
  for (const kind of ['h', 'gate_g']) {
    const [lo, hi] = hook.ranges[kind];
    assert.ok(lo >= -1 && hi <= 1 && hi > lo, `${kind} in -1..1: ${lo}..${hi}`);
  }
  // The gradient through time: one curve per recurrent layer (two stacked LSTMs).
  const chart = await page.evaluate(() => window.nnplay.sequenceGradients);
  assert.equal(chart.curves, 2, `curves: ${JSON.stringify(chart.labels)}`);
  assert.equal(chart.log, true);
  // Hover says step, unit and value.
  const map = page.locator('#seq-maps canvas[data-map="1"]');
  const box = await map.boundingBox();
  await map.hover({ position: { x: box.width * 0.5, y: box.height * 0.6 } }); // scrolls it into view
  const tip = await page.locator('#seq-maps figure:nth-child(2) output').textContent();
  assert.match(tip, /step \d+, unit \d+: -?\d\.\d{3}/);
  // A GRU's maps: x, h, z, r and the candidate; its gates in 0..1.
  await setControl(page, 'cell', 'gru');
  await waitConfigured(page, await markEvents(page)).catch(() => {});
  await page.waitForFunction(() => window.nnplay.sequence.maps === 5 && window.nnplay.sequence.ranges.gate_z);
  const gru = await page.evaluate(() => window.nnplay.sequence.ranges);
  assert.ok(gru.gate_z[0] >= 0 && gru.gate_z[1] <= 1 && gru.gate_r[0] >= 0 && gru.gate_r[1] <= 1);
});

test('sequence: live learning rate keeps the weights; refused values are said at the control', async () => {
  const page = await openSequence('&task=sine&cell=lstm&units=8&speed=4');
  await trainEpochs(page, 2);
  const configured = await page.evaluate(() => window.nnplay.sequence.configured);
  await setControl(page, 'lr', '0.003');
  await page.waitForTimeout(500);
  assert.equal(
    await page.evaluate(() => window.nnplay.sequence.configured),
    configured,
    'lr is tuned, not rebuilt',
  );
  const epoch = await page.evaluate(() => window.nnplay.session.lastProgress?.epoch);
  assert.ok(epoch >= 2, 'training position kept');
  for (const [key, value, pattern] of [
    ['units', '500', /between 1 and 64/],
    ['window', '1000', /between 2 and 100/],
    ['depth', '4', /between 1 and 3/],
  ]) {
    await setControl(page, key, value);
    const message = await page.locator(`[data-field="${key}"] .field-message`).textContent();
    assert.match(message, pattern, `${key} = ${value}`);
  }
  const kept = await page.evaluate(() => window.nnplay.store.scope('sequence').state());
  assert.deepEqual([kept.units, kept.window, kept.depth], [8, 20, 1], 'refused values are not kept');
  assert.equal(await page.evaluate(() => window.nnplay.sequence.configured), configured, 'nothing rebuilt');
  // Valid on its own, too slow with the rest: LSTM(8) → 3 layers is fine, LSTM(64) × 100 steps
  // × 3 layers is not; the control says why and the model keeps its 1 layer.
  await setControl(page, 'units', '64');
  await setControl(page, 'window', '100');
  await waitConfigured(page, await markEvents(page));
  const rebuilt = await page.evaluate(() => window.nnplay.sequence.configured);
  await setControl(page, 'depth', '3');
  await page.waitForTimeout(400);
  const costly = await page.locator('[data-field="depth"] .field-message').textContent();
  assert.match(costly, /slower than the page can train live/);
  assert.equal(await page.evaluate(() => window.nnplay.store.scope('sequence').get('depth')), 1);
  assert.equal(await page.locator('[data-key="depth"]').inputValue(), '1');
  assert.equal(await page.evaluate(() => window.nnplay.sequence.configured), rebuilt, 'nothing rebuilt');
});

test('sequence: the served recurrent presets open from the menu and from load-preset', async () => {
  const page = await openSequence();
  for (const name of ['lstm-sine', 'adding-simple-rnn', 'adding-lstm']) {
    await loadPreset(page, name);
    const state = await page.evaluate(() => window.nnplay.store.scope('sequence').state());
    assert.equal(state.units, 32, name);
    assert.equal(state.cell, name === 'adding-simple-rnn' ? 'simple_rnn' : 'lstm', name);
    const summary = await page.locator('.seq-table').textContent();
    assert.match(summary, name === 'adding-simple-rnn' ? /SimpleRNN/ : /LSTM/);
  }
  // A host page embedding the playground loads a served preset by name.
  await b.clearStorage();
  const host = await b.open('/__host__/host.html');
  await host.waitForFunction(() => window.received.some((m) => m.type === 'ready'), null, { timeout: 20000 });
  await host.evaluate(() => window.send({ nnplay: 1, type: 'load-preset', name: 'adding-lstm' }));
  const frame = host.frame({ url: /127\.0\.0\.1:\d+\/(#.*)?$/ });
  await frame.waitForFunction(
    () => window.nnplay.lab === 'sequence' && window.nnplay.store.get('preset') === 'adding-lstm',
  );
  await frame.waitForFunction(() => /LSTM/.test(document.querySelector('.seq-table')?.textContent ?? ''));
});

test('sequence: sampled text follows the temperature, is reproducible, refuses hostile text', async () => {
  const page = await openSequence('&task=text&cell=lstm&units=32&window=16&speed=5&temperature=0.2');
  const mark = await markEvents(page);
  await page.click('#play');
  await waitEvent(page, 'progress', mark);
  await page.waitForFunction(() => (window.nnplay.sequenceText?.count ?? 0) >= 2, null, { timeout: 30000 });
  const configured = await page.evaluate(() => window.nnplay.sequence.configured);

  // Hostile pasted text is refused beside the box; the model keeps training.
  for (const [text, pattern] of [
    ['x'.repeat(30000), /limit is 20,000/],
    ['abc\u0000def'.repeat(20), /does not look like text|control codes/],
    ['   \n  ', /no characters/],
  ]) {
    await page.fill('#seq-paste', text);
    await page.click('#seq-text-use');
    assert.match(await page.locator('.seq-paste .field-message').textContent(), pattern);
  }
  assert.equal(await page.evaluate(() => window.nnplay.sequence.configured), configured, 'not rebuilt');
  assert.equal(await page.evaluate(() => window.nnplay.session.running), true, 'still training');

  await pauseTraining(page);
  await page.waitForFunction(() => !window.nnplay.session.running);
  await page.waitForTimeout(1500); // the last snapshot and the sample of its weights
  const idle = () => page.waitForFunction(() => !window.nnplay.sequenceText.busy);
  const resample = async () => {
    await idle();
    const before = await page.evaluate(() => window.nnplay.sequenceText.count);
    await page.click('#seq-resample');
    await page.waitForFunction((n) => window.nnplay.sequenceText.count > n, before);
    await idle();
    return page.evaluate(() => window.nnplay.sequenceText.sampled);
  };
  const cold = await resample();
  assert.equal(await resample(), cold, 'the same weights, seed and temperature write the same text');
  await page.locator('#seq-temperature').evaluate((el) => {
    el.value = '1.5';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForFunction(() => window.nnplay.sequenceText.temperature === 1.5);
  const hot = await resample();
  assert.notEqual(hot, cold, 'temperature 1.5 writes another text');
  assert.equal(hot.length, 120);

  // A short text of one's own, then a window it cannot fill: refused at the window control.
  await page.fill('#seq-paste', 'the cat sat on the mat. the dog sat on the log. '.repeat(2));
  const rebuilt = await markEvents(page);
  await page.click('#seq-text-use');
  await waitConfigured(page, rebuilt);
  assert.match(await page.locator('[data-role=text-status]').textContent(), /your text: 96 characters/);
  await setControl(page, 'window', '100');
  await page.waitForTimeout(300);
  assert.match(await page.locator('[data-field="window"] .field-message').textContent(), /at least 102/);
  assert.equal(await page.evaluate(() => window.nnplay.store.scope('sequence').get('window')), 16);
  await page.click('#seq-text-builtin');
});

test('sequence: side by side on adding(30), the LSTM ends 10× below the SimpleRNN', async (t) => {
  const page = await openSequence('&task=sine&units=8');
  await page.fill('#seq-compare-length', '500');
  await page.click('#seq-compare-run');
  assert.match(
    await page
      .locator('#seq-compare-length ~ .field-message, .seq-compare .field-message')
      .first()
      .textContent(),
    /from 5 to 60/,
  );
  await page.fill('#seq-compare-length', '30');
  await page.click('#seq-compare-run');
  await page.waitForFunction(() => window.nnplay.sequenceCompare?.finished === true, null, {
    timeout: 180000,
    polling: 500,
  });
  const result = await page.evaluate(() => window.nnplay.sequenceCompare);
  t.diagnostic(
    `validation loss after ${result.budget} epochs: SimpleRNN ${result.simple}, LSTM ${result.lstm}`,
  );
  assert.equal(result.epochs, result.budget);
  assert.ok(result.lstm * 10 <= result.simple, `LSTM ${result.lstm} vs SimpleRNN ${result.simple}`);
  assert.equal(result.lossCurves, 2);
  assert.equal(result.gradientCurves, 2);
  assert.match(await page.locator('[data-role=compare-result]').textContent(), /lower/);
  await page
    .locator('.seq-compare')
    .screenshot({ path: `${process.env.NNPLAY_ARTIFACTS ?? '/tmp'}/sequence-compare.png` })
    .catch(() => {});
});

test("sequence: hide flags hide the lab's groups and nothing else", async () => {
  const groups = ['task', 'recurrent', 'summary', 'states', 'gradients', 'compare'];
  const visible = (page) =>
    page.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll('[data-group]')].map((el) => [el.dataset.group, el.checkVisibility()]),
      ),
    );
  const base = await openSequence();
  const shown = await visible(base);
  const page = await openSequence(`&hide=${groups.join(',')}`);
  await page.waitForTimeout(300);
  const seen = await visible(page);
  for (const group of groups) {
    assert.equal(shown[group], true, `${group} shown without the flag`);
    assert.equal(seen[group], false, `${group} hidden with it`);
  }
  for (const group of Object.keys(shown).filter((g) => !groups.includes(g))) {
    assert.equal(seen[group], shown[group], `${group} unchanged`);
  }
  const text = await openSequence('&task=text&units=8&window=8&hide=text');
  await text.waitForTimeout(300);
  assert.equal(await text.locator('.seq-text').isVisible(), false, 'the text section stays hidden');
});

for (const [name, viewport] of [
  ['laptop', LAPTOP],
  ['phone', PHONE],
]) {
  for (const lang of ['en', 'ko']) {
    test(`sequence: screenshot mid-training, ${name}, ${lang}`, async () => {
      const page = await openSequence(`&task=adding&cell=lstm&units=16&seqLength=20&lang=${lang}&speed=4`, {
        viewport,
      });
      await page.click('#play');
      await page.waitForFunction(() => (window.nnplay.sequence?.mapDraws ?? 0) >= 3);
      await page.waitForTimeout(2500);
      if (viewport === PHONE) {
        const { scrollWidth, innerWidth } = await page.evaluate(() => ({
          scrollWidth: document.scrollingElement.scrollWidth,
          innerWidth: window.innerWidth,
        }));
        assert.ok(scrollWidth <= innerWidth, `page is ${scrollWidth} px wide in a ${innerWidth} px window`);
      }
      await screenshot(page, `sequence-${name}-${lang}`, { fullPage: true });
      await pauseTraining(page);
    });
  }
}

test('sequence: screenshot of the text task mid-training (laptop)', async () => {
  const page = await openSequence('&task=text&cell=lstm&units=64&window=24&batch=64&speed=5');
  await page.click('#play');
  await page.waitForFunction(() => (window.nnplay.sequenceText?.count ?? 0) >= 3, null, { timeout: 90000 });
  await screenshot(page, 'sequence-text-laptop-en', { fullPage: true });
  await pauseTraining(page);
});
