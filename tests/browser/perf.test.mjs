// Performance budgets of the playground, measured in the page while the MLP lab trains:
//   - main-thread frames: median rAF interval ≤ one 60 Hz frame, longest ≤ 50 ms (issue 5:
//     "frames median ≤ 16 ms and longest ≤ 50 ms"); the longest Long Animation Frame is reported;
//   - navigation → first drawn decision boundary (window.nnplay.firstGridAt) ≤ 1500 ms.
// Prints one line "perf: ..." with the figures (they go in the closing note) and writes
// them to $NNPLAY_ARTIFACTS/perf.json.
//
// How frames are measured, and why it is honest in headless Chromium:
// - `--headless` is Chromium's "new" headless mode (the old one is not in the chromium binary
//   since M132): the full browser with a headless ozone platform and the real compositor. Its
//   display scheduler runs a synthetic 60 Hz BeginFrame source, so requestAnimationFrame fires at
//   60 Hz as with a visible window (checked: an idle page gives rAF intervals of 16.6-16.8 ms).
//   No flag is needed; we deliberately do NOT pass --disable-frame-rate-limit (frames as fast as
//   possible would hide missed frames) or --disable-gpu-vsync. Playwright already passes
//   --disable-renderer-backgrounding and --disable-background-timer-throttling, so the page is
//   never throttled as a background tab.
// - rAF timestamps are the frame's BeginFrame time, aligned to the vsync ticks, so intervals
//   are quantised to multiples of 16.67 ms: a frame whose main-thread work (JS + style + layout +
//   paint) fits in one vsync period gives 16.7, one that overruns gives 33.3 (a dropped frame),
//   50.0 for two. "median ≤ 16.7 ms" therefore means: most frames were not dropped; "longest ≤
//   50 ms" means no stall longer than two missed vsyncs. Timestamps carry ~0.1 ms of jitter (the
//   coarsened performance.now and tick rounding): JITTER_MS below absorbs it, nothing more.
// - The Long Animation Frames API ('long-animation-frame', frames > 50 ms of main-thread work)
//   reports the longest stall directly; entries before the measurement window are dropped.
// - The page runs the engine in a Worker at speed 5 (as fast as possible): one of the machine's
//   two cores trains, the main thread renders (heat map 50×50 + neuron thumbnails every ~250 ms,
//   loss chart, counters). The measurement runs inside the page (one evaluate), so Playwright's
//   own polling does not add main-thread work during the window.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { artifactsDir, markEvents, screenshot, useBrowser, waitConfigured, waitEvent } from './harness.mjs';

const b = useBrowser();
const FRAME_MS = 1000 / 60;
const JITTER_MS = 0.3;
const WINDOW_MS = 5000;
const figures = {};

test('navigation → first drawn decision boundary ≤ 1500 ms (cold profile)', async () => {
  // The file's browser has a fresh profile: no HTTP cache, no compiled-wasm cache.
  const page = await b.open('/#lab=mlp&preset=mlp-circle');
  await page.waitForFunction(() => window.nnplay?.firstGridAt > 0, null, { timeout: 15000 });
  const ms = await page.evaluate(() => window.nnplay.firstGridAt);
  figures.firstBoundaryMs = Math.round(ms);
  assert.ok(ms <= 1500, `first decision boundary drawn ${ms.toFixed(0)} ms after navigation start`);
});

test('MLP lab training (spiral, thumbnails, speed 5): frame median ≤ 16.7 ms, longest ≤ 50 ms', async () => {
  // The mlp-spiral preset spelled out in the hash (all seven features, 2×8 tanh), with an epoch
  // limit it cannot reach in the window (at speed 5 it passes 1000 epochs in about a second).
  const page = await b.openApp('#lab=mlp&preset=mlp-spiral&dataset=spiral&speed=5' +
    '&features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&layers=8.tanh,8.tanh&epochs=100000');
  await waitConfigured(page);
  await page.waitForSelector('.neuron-thumb', { state: 'attached' });
  const mark = await markEvents(page);
  await page.click('#play');
  await waitEvent(page, 'progress', mark);
  await page.waitForTimeout(500);  // past the first slices: measure steady training

  const m = await page.evaluate(async (windowMs) => {
    const start = performance.now();
    const counts = () => ({ grid: window.nnplay.gridDraws, thumbs: window.nnplay.thumbDraws });
    const before = counts();
    const loafs = [];
    let observer = null;
    if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
      observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (e.startTime < start) continue;
          // Where the time went: the longest scripts of the frame (source, function, ms).
          const scripts = [...(e.scripts ?? [])].sort((x, y) => y.duration - x.duration).slice(0, 3)
            .map((sc) => `${(sc.sourceURL ?? '').split('/').pop()}:${sc.sourceFunctionName || sc.invoker} ${Math.round(sc.duration)} ms`);
          loafs.push({ duration: e.duration, blocking: e.blockingDuration,
            render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0, scripts });
        }
      });
      observer.observe({ type: 'long-animation-frame', buffered: true });
    }
    const stamps = await new Promise((resolve) => {
      const out = [];
      const frame = (t) => {
        out.push(t);
        if (t - start < windowMs) requestAnimationFrame(frame); else resolve(out);
      };
      requestAnimationFrame(frame);
    });
    // Entries are delivered asynchronously: one more task lets the last ones arrive.
    await new Promise((r) => setTimeout(r, 100));
    observer?.disconnect();
    const after = counts();
    const epoch = window.nnplay.events.filter((e) => e.type === 'progress').at(-1)?.epoch ?? null;
    return { stamps, loafs, loafSupported: observer !== null, running: window.nnplay.session.running,
      grids: after.grid - before.grid, thumbs: after.thumbs - before.thumbs, epoch };
  }, WINDOW_MS);
  await page.click('#pause');
  await screenshot(page, 'perf-mlp-spiral-training');

  const intervals = m.stamps.slice(1).map((t, i) => t - m.stamps[i]).sort((x, y) => x - y);
  const median = intervals[Math.floor(intervals.length / 2)];
  const longest = intervals.at(-1);
  const dropped = intervals.filter((d) => d > FRAME_MS + JITTER_MS).length;
  const worst = m.loafs.reduce((a, e) => (e.duration > (a?.duration ?? -1) ? e : a), null);
  const loafLongest = worst?.duration ?? 0;
  Object.assign(figures, {
    frames: intervals.length, medianMs: +median.toFixed(1), longestMs: +longest.toFixed(1),
    droppedFrames: dropped, loafCount: m.loafs.length, loafLongestMs: +loafLongest.toFixed(1),
    loafLongest: worst && { renderMs: Math.round(worst.render), scripts: worst.scripts },
    gridDraws: m.grids, thumbDraws: m.thumbs, epochReached: m.epoch,
    loadAverage: +os.loadavg()[0].toFixed(2),
  });
  assert.ok(m.running, 'training ran through the whole window');
  assert.ok(m.loafSupported, 'this Chromium reports long-animation-frame entries');
  assert.ok(m.grids >= 5 && m.thumbs >= 5, `the page kept drawing: ${m.grids} boundaries, ${m.thumbs} thumbnail draws`);
  assert.ok(median <= FRAME_MS + JITTER_MS, `median frame interval ${median.toFixed(1)} ms`);
  // A long frame with no script in it and ~0 ms of rendering means the renderer did not get a
  // core (another process was busy), not that the page worked too long: the message says so.
  const busy = `load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`;
  assert.ok(longest <= 50 + JITTER_MS, `longest frame interval ${longest.toFixed(1)} ms; longest ` +
    `LoAF ${JSON.stringify(figures.loafLongest)} (${busy}: run the suite alone)`);
});

test('figures', (t) => {
  const f = figures;
  fs.mkdirSync(artifactsDir, { recursive: true });
  fs.writeFileSync(path.join(artifactsDir, 'perf.json'), `${JSON.stringify(f, null, 2)}\n`);
  t.diagnostic(`perf: first boundary ${f.firstBoundaryMs} ms after navigation; while training ` +
    `(${f.frames} frames in ${WINDOW_MS / 1000} s, ${f.gridDraws} boundaries, ${f.thumbDraws} ` +
    `thumbnail draws, epoch ${f.epochReached}, load average ${f.loadAverage}): rAF interval median ${f.medianMs} ms, longest ` +
    `${f.longestMs} ms, ${f.droppedFrames} dropped; LoAF ${f.loafCount}, longest ${f.loafLongestMs} ms` +
    (f.loafLongest ? ` (render ${f.loafLongest.renderMs} ms; ${f.loafLongest.scripts.join(', ') || 'no script'})` : ''));
});
