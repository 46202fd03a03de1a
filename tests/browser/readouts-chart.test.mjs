// The MLP lab's loss readouts and chart describe the weights on screen: after Reset (toolbar or
// a host page's `reset`) and Step the readouts are the engine's evaluate of the new weights and
// the counters read 0 after a reset; an early-stopping restore shows the restored epoch's loss.
// The chart: on screen at 1366×768, legend swatches drawn like their lines, whole-epoch ticks,
// and with L1 at 10 the data loss and the penalty shown apart.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  markEvents,
  pauseTraining,
  recordEpochs,
  screenshot,
  useBrowser,
  waitConfigured,
  waitEvent,
} from './harness.mjs';

const LAPTOP_1366 = { width: 1366, height: 768 };
const b = useBrowser({ viewport: LAPTOP_1366 });

/** Opens the MLP lab with `hash` and waits for its first readouts (a snapshot's losses). */
async function openLab(hash) {
  const page = await b.openApp(`#lab=mlp&${hash}`);
  await waitConfigured(page);
  await page.waitForFunction(() => Number.isFinite(window.nnplay.mlpLosses?.train));
  return page;
}

/** The readouts as shown, and the raw values the lab published. */
async function readouts(page) {
  return page.evaluate(() => ({
    train: document.querySelector('#mlp-train-loss').textContent,
    test: document.querySelector('#mlp-test-loss').textContent,
    note: document.querySelector('#mlp-loss-note').hidden
      ? ''
      : document.querySelector('#mlp-loss-note').textContent,
    raw: { ...window.nnplay.mlpLosses },
    epoch: document.querySelector('#epoch').textContent,
    iterations: document.querySelector('#iterations').textContent,
  }));
}

/** The engine's evaluate of the current weights in `frame` (a page or an iframe), formatted
 *  by the readouts' own formatter: {train, test}. */
async function evaluated(frame) {
  return frame.evaluate(async () => {
    const session = window.nnplay.session.handle;
    const train = await session.call({ op: 'evaluate', data: 'train' });
    const test = await session.call({ op: 'evaluate' });
    const { lossText } = await import('/js/kit/readable-numbers.mjs');
    return { train: lossText(train.logs.loss), test: lossText(test.logs.loss) };
  });
}

/** Waits until the readouts in `frame` show the engine's evaluate of the current weights (the
 *  snapshot after a pause, step or reset lands a moment after its event); returns them. */
async function readoutsMatchEngine(frame, label) {
  const expected = await evaluated(frame);
  try {
    await frame.waitForFunction(
      (e) =>
        document.querySelector('#mlp-train-loss').textContent === e.train &&
        document.querySelector('#mlp-test-loss').textContent === e.test,
      expected,
      { timeout: 5000 },
    );
  } catch {
    const shown = await frame.evaluate(() => [
      document.querySelector('#mlp-train-loss').textContent,
      document.querySelector('#mlp-test-loss').textContent,
    ]);
    assert.fail(`${label}: readouts ${shown} are not the engine's ${JSON.stringify(expected)}`);
  }
  return expected;
}

/** Plays until `epochs` epochs have finished, then pauses and waits for the paused event. */
async function train(page, epochs) {
  await recordEpochs(page);
  await page.click('#play');
  await page.waitForFunction((n) => window.__epochLogs.length >= n, epochs, { timeout: 30000 });
  const mark = await markEvents(page);
  await pauseTraining(page); // the play/pause toggle
  await waitEvent(page, 'paused', mark);
}

test('reset: the readouts are the new weights’ losses and the counters read 0', async () => {
  const page = await openLab('preset=mlp-circle');
  await train(page, 20);
  await page.waitForFunction(() => document.querySelector('#epoch').textContent !== '0');
  await readoutsMatchEngine(page, 'paused');
  const trained = await readouts(page);

  const mark = await markEvents(page);
  await page.click('#reset');
  await waitEvent(page, 'paused', mark);
  await page.waitForFunction((before) => window.nnplay.mlpLosses.train !== before, trained.raw.train);
  const fresh = await readouts(page);
  assert.equal(fresh.epoch, '0', '#epoch after reset');
  assert.equal(fresh.iterations, '0', '#iterations after reset');
  assert.notEqual(fresh.train, trained.train, 'the training loss is not the pre-reset one');
  assert.notEqual(fresh.test, trained.test, 'the test loss is not the pre-reset one');
  await readoutsMatchEngine(page, 'after reset');
  await page.waitForFunction(() => window.nnplay.mlpChart.points === 0); // the old epochs are gone
});

test('step: the readouts follow the weights after the step', async () => {
  const page = await openLab('preset=mlp-circle&lr=1');
  await readoutsMatchEngine(page, 'initial');
  const before = await readouts(page);
  const mark = await markEvents(page);
  await page.click('#step');
  await waitEvent(page, 'progress', mark);
  await page.waitForFunction((raw) => window.nnplay.mlpLosses.train !== raw, before.raw.train);
  await readoutsMatchEngine(page, 'after the step');
  assert.equal((await readouts(page)).iterations, '1');
});

test('early stopping: the readout is the restored epoch’s loss and says so', async () => {
  const page = await openLab('preset=overfit&earlyStop=true&patience=3&speed=5');
  await recordEpochs(page);
  const mark = await markEvents(page);
  await page.click('#play');
  const paused = await waitEvent(page, 'paused', mark, 60000);
  assert.equal(paused.reason, 'finished');
  const restored = await page.evaluate(() =>
    window.nnplay.events.findLast((e) => e.type === 'progress' && e.early_stopping?.restored),
  );
  assert.ok(restored, 'early stopping stopped training and restored the best weights');
  const best = restored.early_stopping.best_epoch;
  await page.waitForFunction((n) => window.nnplay.mlpLosses.restoredEpoch === n, best + 1);
  const bestLogs = await page.evaluate((e) => window.__epochLogs.find((l) => l.epoch === e), best);
  const shown = await readouts(page);
  assert.ok(
    Math.abs(shown.raw.test - bestLogs.val_loss) < 1e-4 * Math.max(1, bestLogs.val_loss),
    `test loss ${shown.raw.test} is epoch ${best + 1}'s ${bestLogs.val_loss}`,
  );
  assert.match(shown.note, new RegExp(`\\b${best + 1}\\b`), 'the note names the restored epoch');
  const lastLogs = await page.evaluate(() => window.__epochLogs.at(-1));
  assert.ok(lastLogs.epoch > best, 'training went on past the best epoch');
  await screenshot(page, 'readouts-early-stopping-1366');
});

test('chart: on screen at 1366×768, legend like the lines, whole-epoch ticks', async () => {
  const page = await openLab('preset=mlp-circle');
  await train(page, 7);
  await page.waitForFunction(() => window.nnplay.mlpChart?.xTicks?.length > 0);
  const chart = await page.evaluate(() => {
    const box = document.querySelector('#metrics-chart canvas').getBoundingClientRect();
    const swatches = [...document.querySelectorAll('#metrics-chart [data-series]')].map((item) => {
      const line = item.querySelector('svg line');
      return {
        series: item.dataset.series,
        look: ['stroke', 'stroke-width', 'stroke-dasharray'].map((a) => line.getAttribute(a)).join('|'),
        text: item.textContent,
      };
    });
    return { top: box.top, bottom: box.bottom, swatches, ticks: window.nnplay.mlpChart.xTicks };
  });
  assert.ok(chart.top >= 0 && chart.top + 80 <= LAPTOP_1366.height, `chart top at ${chart.top}px`);
  assert.deepEqual(
    chart.swatches.map((s) => s.series),
    ['train', 'test', 'accuracy', 'val_accuracy'],
  );
  assert.equal(new Set(chart.swatches.map((s) => s.look)).size, 4, JSON.stringify(chart.swatches));
  assert.ok(chart.ticks.length >= 2, `ticks ${chart.ticks}`);
  for (const tick of chart.ticks) assert.match(tick, /^\d+$/, `epoch tick '${tick}'`);
  await screenshot(page, 'readouts-chart-1366');
});

test('L1 at 10: the data loss and the penalty are shown apart', async () => {
  const page = await openLab('preset=mlp-circle&reg=l1&regRate=10');
  await train(page, 3);
  await page.waitForFunction(() => window.nnplay.mlpChart?.series?.includes('penalty'));
  const engine = await page.evaluate(async () => {
    const answer = await window.nnplay.session.handle.call({ op: 'evaluate', data: 'train' });
    return answer.logs;
  });
  assert.ok(engine.regularization_loss > 0, 'the engine logs the penalty apart');
  const dataLoss = (engine.loss - engine.regularization_loss).toFixed(3);
  await page.waitForFunction((d) => document.querySelector('#mlp-train-loss').textContent === d, dataLoss);
  const shown = await readouts(page);
  assert.ok(shown.raw.penalty > 0.5 && shown.raw.train < shown.raw.penalty, JSON.stringify(shown));
  assert.match(shown.note, new RegExp(engine.regularization_loss.toFixed(3).replace('.', '\\.')));
  const legend = await page.evaluate(() =>
    [...document.querySelectorAll('#metrics-chart [data-series]')].map((el) => el.dataset.series),
  );
  assert.deepEqual(legend, ['train', 'test', 'penalty', 'total', 'accuracy', 'val_accuracy']);
  await screenshot(page, 'readouts-l1-penalty-1366');
});

test('host reset: the counters and the host metrics go to 0, the readouts follow', async () => {
  await b.clearStorage();
  const host = await b.open('/__host__/host.html');
  await host.waitForFunction(() => window.received.some((m) => m.type === 'ready'), null, { timeout: 20000 });
  const frame = host.frame({ url: /127\.0\.0\.1:\d+\/(#.*)?$/ });
  await host.evaluate(() =>
    window.send({ nnplay: 1, type: 'set-state', state: { lab: 'mlp', epochs: 100000 } }),
  );
  await frame.waitForFunction(() => window.nnplay.lab === 'mlp' && window.nnplay.session.handle);
  await frame.waitForFunction(() => Number.isFinite(window.nnplay.mlpLosses?.train));
  await host.waitForTimeout(400); // a debounced configure goes first
  await host.evaluate(() => window.send({ nnplay: 1, type: 'play' }));
  await host.waitForFunction(() => window.received.some((m) => m.type === 'metrics' && m.epoch >= 3), null, {
    timeout: 30000,
  });
  await host.evaluate(() => window.send({ nnplay: 1, type: 'pause' }));
  await host.waitForFunction(() => window.received.some((m) => m.type === 'paused'));
  const trained = await frame.evaluate(() => window.nnplay.mlpLosses.train);

  await host.evaluate(() => {
    window.received.length = 0;
    window.send({ nnplay: 1, type: 'reset' });
  });
  await host.waitForFunction(() => window.received.some((m) => m.type === 'paused' && m.reason === 'reset'));
  const metrics = await host.evaluate(() => window.received.filter((m) => m.type === 'metrics'));
  assert.ok(metrics.length >= 1, 'the host hears metrics after the reset');
  assert.deepEqual(
    { epoch: metrics.at(-1).epoch, iterations: metrics.at(-1).iterations },
    { epoch: 0, iterations: 0 },
  );
  await frame.waitForFunction(
    () =>
      document.querySelector('#epoch').textContent === '0' &&
      document.querySelector('#iterations').textContent === '0',
  );
  await frame.waitForFunction((before) => window.nnplay.mlpLosses.train !== before, trained);
  await readoutsMatchEngine(frame, 'after the host reset');
});

for (const [name, viewport] of [
  ['1366', LAPTOP_1366],
  ['phone', { width: 390, height: 844 }],
]) {
  for (const lang of ['en', 'ko']) {
    test(`screenshots: ${name}, ${lang}`, async () => {
      const page = await openLab(`preset=mlp-circle&reg=l2&regRate=0.01&lang=${lang}`);
      await page.setViewportSize(viewport);
      await train(page, 12);
      await page.waitForTimeout(400);
      if (name === 'phone') await page.locator('#metrics-chart').scrollIntoViewIfNeeded();
      await screenshot(page, `readouts-chart-${name}-${lang}`, name === 'phone' ? {} : {});
    });
  }
}
