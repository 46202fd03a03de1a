// Page benchmark: the playground in headless Chromium (the browser tests' server and launcher),
// measuring navigation → first drawn decision boundary on a cold profile, and the main thread's
// frames while the MLP lab trains (rAF intervals, long animation frames; see frames.mjs). Prints
// the figures with their ratio to the budget (ratio ≤ 1: within it) and one JSON line. Timings
// depend on the machine and its load, so nothing here fails on a slow run: it exits 0 unless the
// page itself cannot be measured (it never draws a boundary, or reports errors).
//
//   node bench/page/run.mjs [--quick] [--rounds N] [--window-ms MS] [--networks|--no-networks]
//                           [--sequence|--no-sequence] [--out FILE]
//   --quick: one cold load and a 2 s training window (~15 s), for scripts/test.sh; no networks
//   --networks: also train networks of growing size (NETWORKS, 3 s each) and print, for each,
//     frames per second, the longest frame and how long Pause takes (default on unless --quick)
//   --sequence: also train the sequence lab's LSTM(32) over 20 steps and print its samples/s
//     beside the bare engine's in Node on the same model (default on unless --quick)
//   --rounds: cold loads for the first boundary (default 3; median shown)
//   --window-ms: how long frames are recorded while training (default 5000)
//   --out: also write the JSON summary to FILE
import fs from 'node:fs';
import os from 'node:os';

import {
  launch,
  markEvents,
  pauseTraining,
  startServer,
  waitConfigured,
  waitEvent,
  waitReady,
  watch,
} from '../../tests/browser/harness.mjs';
import { FRAME_MS, JITTER_MS, measureInPage, summariseFrames } from './frames.mjs';
import { nodeSamplesPerSecond, pageSamplesPerSecond } from './sequence.mjs';

/** The playground's budgets: the first boundary within 1.5 s of navigation; while training,
 *  most frames on time (median one 60 Hz frame) and no stall over 50 ms (two missed vsyncs).
 *  Frame figures are compared with JITTER_MS of slack (timestamp rounding, nothing more). */
const BUDGETS = { firstBoundaryMs: 1500, medianFrameMs: +FRAME_MS.toFixed(1), longestFrameMs: 50 };

// The mlp-spiral preset spelled out (all seven features, 2×8 tanh, speed 5: as fast as
// possible), with an epoch limit it cannot reach in the window: thumbnails, heat map and chart
// all redraw while one core trains.
const TRAINING_HASH =
  '#lab=mlp&preset=mlp-spiral&dataset=spiral&speed=5' +
  '&features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&layers=8.tanh,8.tanh&epochs=100000';

/** Networks of growing size (hidden layers × neurons, tanh), trained on the same page at speed 5:
 *  TF Playground's default, its largest, and the editor's larger shapes up to its limit. */
const NETWORKS = [
  [2, 4],
  [6, 8],
  [8, 32],
  [16, 64],
];
const networkHash = ([layers, units]) =>
  '#lab=mlp&dataset=spiral&speed=5&features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&epochs=100000' +
  `&layers=${Array.from({ length: layers }, () => `${units}.tanh`).join(',')}`;

function parseArgs(argv) {
  const args = { quick: false, rounds: null, windowMs: null, out: null, networks: null, sequence: null };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a === '--quick') args.quick = true;
    else if (a === '--rounds') args.rounds = Number(argv[++i]);
    else if (a === '--window-ms') args.windowMs = Number(argv[++i]);
    else if (a === '--out') args.out = argv[++i];
    else if (a === '--networks') args.networks = true;
    else if (a === '--no-networks') args.networks = false;
    else if (a === '--sequence') args.sequence = true;
    else if (a === '--no-sequence') args.sequence = false;
    else {
      throw new Error(
        `unknown argument ${a}; expected --quick, --rounds N, --window-ms MS, --networks, --no-networks, ` +
          '--sequence, --no-sequence, --out FILE',
      );
    }
  }
  args.rounds ??= args.quick ? 1 : 3;
  args.windowMs ??= args.quick ? 2000 : 5000;
  args.networks ??= !args.quick;
  args.sequence ??= !args.quick;
  return args;
}

/** Fails the run (not a budget miss: the page is broken) when `page` reported errors. */
function assertClean(page, what) {
  if (page.problems.length) throw new Error(`${what}: the page reported\n  ${page.problems.join('\n  ')}`);
}

/** Runs wait() (a promise of the page reaching some state), failing as soon as the page reports
 *  a problem (a missing file, a console error) rather than when the wait times out. */
async function unlessBroken(page, what, wait) {
  let timer;
  const broken = new Promise((resolve, reject) => {
    timer = setInterval(() => {
      try {
        assertClean(page, what);
      } catch (error) {
        reject(error);
      }
    }, 100);
  });
  try {
    return await Promise.race([wait(), broken]);
  } finally {
    clearInterval(timer);
  }
}

/** One cold load (fresh profile: no HTTP or compiled-wasm cache) until the first boundary is
 *  drawn. Returns {ms, browser} (the browser is kept open for the caller). */
async function firstBoundary(url) {
  const browser = await launch();
  const page = watch(await browser.context.newPage());
  await page.goto(new URL('/#lab=mlp&preset=mlp-circle', url).href);
  await unlessBroken(page, 'first boundary', () =>
    page.waitForFunction(() => window.nnplay?.firstGridAt > 0, null, { timeout: 30000 }),
  );
  const ms = await page.evaluate(() => window.nnplay.firstGridAt);
  assertClean(page, 'first boundary');
  await page.close();
  return { ms: Math.round(ms), browser };
}

/** The MLP lab training the spiral at full speed: frames recorded for windowMs after a short
 *  start (the first slices are not steady training). */
async function trainingFrames(context, url, { windowMs, warmMs }) {
  const page = watch(await context.newPage());
  await page.goto(new URL(`/${TRAINING_HASH}`, url).href);
  await unlessBroken(page, 'training', async () => {
    await waitReady(page, 30000);
    await waitConfigured(page, null, 30000);
  });
  await page.waitForSelector('.neuron-thumb', { state: 'attached' });
  const mark = await markEvents(page);
  await page.click('#play');
  await waitEvent(page, 'progress', mark, 30000);
  await page.waitForTimeout(warmMs);
  const measured = await page.evaluate(measureInPage, windowMs);
  await pauseTraining(page); // #play is the play/pause toggle
  assertClean(page, 'training');
  await page.close();
  return summariseFrames(measured);
}

/** One network (layers × units) training at speed 5 for windowMs: {fps, longestMs, pauseEventMs,
 *  pauseShownMs, progressAfterPause}. Pause latency is measured inside the page, from the click
 *  on the play/pause toggle (#play) as the page received it (the click's timeStamp: when the
 *  input reached the renderer, so a busy main thread that handles it late still counts) to the
 *  session's 'paused' event (the worker stopped training) and to the first animation frame
 *  after the toolbar stopped showing running (body.is-running removed). Not from before
 *  Playwright's click call: that first waits until the toggle is visible, stable (two animation
 *  frames) and hit-testable, 30-400 ms on a busy page, which no learner waits for.
 *  progressAfterPause counts train answers after 'paused' (0: training stopped at the Pause). */
async function networkRun(context, url, net, { windowMs }) {
  const page = watch(await context.newPage());
  try {
    await page.goto(new URL(`/${networkHash(net)}`, url).href);
    await unlessBroken(page, `network ${net.join('×')}`, async () => {
      await waitReady(page, 30000);
      await waitConfigured(page, null, 30000);
    });
    const mark = await markEvents(page);
    await page.click('#play');
    await waitEvent(page, 'progress', mark, 30000);
    await page.waitForTimeout(500);
    const measured = summariseFrames(await page.evaluate(measureInPage, windowMs));
    await page.evaluate(() => {
      const pause = { clicked: 0, event: 0, shown: 0, progressAfter: 0 };
      window.__pause = pause;
      const toggle = document.getElementById('play');
      toggle.addEventListener('click', (e) => (pause.clicked ||= e.timeStamp), { capture: true });
      window.nnplay.session.on('paused', () => (pause.event ||= performance.now()));
      window.nnplay.session.on('progress', () => (pause.progressAfter += pause.event ? 1 : 0));
      new MutationObserver(() => {
        if (document.body.classList.contains('is-running') || pause.shown) return;
        requestAnimationFrame(() => (pause.shown ||= performance.now()));
      }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
    });
    await page.click('#play', { timeout: 60000 }); // the play/pause toggle pauses a running session
    await page.waitForFunction(() => window.__pause.event > 0 && window.__pause.shown > 0, null, {
      timeout: 60000,
      polling: 50,
    });
    await page.waitForTimeout(300); // train answers that came after the pause would show by now
    const pause = await page.evaluate(() => window.__pause);
    assertClean(page, `network ${net.join('×')}`);
    return {
      network: net.join('x'),
      fps: +(measured.frames / (windowMs / 1000)).toFixed(1),
      medianMs: measured.medianMs,
      longestMs: measured.longestMs,
      loafLongestMs: measured.loafLongestMs,
      thumbDraws: measured.thumbDraws,
      epochReached: measured.epochReached,
      pauseEventMs: Math.round(pause.event - pause.clicked),
      pauseShownMs: Math.round(pause.shown - pause.clicked),
      progressAfterPause: pause.progressAfter,
    };
  } finally {
    await page.close();
  }
}

function reportNetworks(rows, windowMs) {
  console.log(
    `networks training at speed 5 (${windowMs / 1000} s window each; pause: from the click the ` +
      `page received to the 'paused' event, to the frame showing Play; answers after it):`,
  );
  console.log(
    `  ${'layers×units'.padEnd(14)}${'fps'.padStart(7)}${'longest frame'.padStart(16)}` +
      `${'longest LoAF'.padStart(15)}${'pause (event)'.padStart(16)}${'pause (toolbar)'.padStart(18)}` +
      `${'after'.padStart(7)}${'thumbs'.padStart(9)}${'epoch'.padStart(8)}`,
  );
  for (const r of rows) {
    console.log(
      `  ${r.network.padEnd(14)}${String(r.fps).padStart(7)}${`${r.longestMs} ms`.padStart(16)}` +
        `${`${r.loafLongestMs} ms`.padStart(15)}${`${r.pauseEventMs} ms`.padStart(16)}` +
        `${`${r.pauseShownMs} ms`.padStart(18)}${String(r.progressAfterPause).padStart(7)}` +
        `${String(r.thumbDraws).padStart(9)}` +
        `${String(r.epochReached).padStart(8)}`,
    );
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ratio = (value, budget) => `${(value / budget).toFixed(2)}x`;

/** One printed line: label, figure, and its budget with the ratio. */
function line(label, value, unit, budget, slack = 0) {
  const within = value <= budget + slack ? 'within' : 'over (informational)';
  const figure = `${value} ${unit}`;
  return (
    `  ${label.padEnd(34)}${figure.padStart(10)}   budget ${+budget.toFixed(1)} ${unit}: ` +
    `${ratio(value, budget)}, ${within}`
  );
}

function report(f, args) {
  const load = os.loadavg()[0].toFixed(1);
  const cores = os.cpus().length;
  console.log(
    `page bench: ${args.rounds} cold load(s), ${args.windowMs / 1000} s training window, ` +
      `${cores} cores, load average ${load}`,
  );
  console.log(
    `${line('first boundary after navigation', f.firstBoundaryMs, 'ms', BUDGETS.firstBoundaryMs)}` +
      `   [rounds: ${f.firstBoundaryRoundsMs.join(', ')} ms]`,
  );
  console.log(line('rAF interval, median', f.medianMs, 'ms', BUDGETS.medianFrameMs, JITTER_MS));
  console.log(line('rAF interval, longest', f.longestMs, 'ms', BUDGETS.longestFrameMs, JITTER_MS));
  console.log(`  ${'dropped frames'.padEnd(34)}${`${f.droppedFrames} of ${f.frames}`.padStart(10)}`);
  const worst = f.loafLongest;
  const where = worst ? ` (render ${worst.renderMs} ms; ${worst.scripts.join(', ') || 'no script'})` : '';
  console.log(
    `  ${'long animation frames'.padEnd(34)}${String(f.loafCount).padStart(10)}   ` +
      (f.loafSupported ? `longest ${f.loafLongestMs} ms${where}` : 'not reported by this Chromium'),
  );
  console.log(
    `  ${'while training'.padEnd(34)}${''.padStart(10)}   ${f.gridDraws} boundaries, ` +
      `${f.thumbDraws} thumbnail draws, epoch ${f.epochReached}` +
      (f.trainedThroughout ? '' : ' (training stopped inside the window)'),
  );
  if (Number(load) > cores) {
    console.log(`  (load average ${load} on ${cores} cores: figures are pessimistic; run alone to compare)`);
  }
}

/** The sequence lab's LSTM(32) × 20 steps in the page beside the same model in Node. */
function reportSequence(f) {
  const round = (v) => Math.round(v).toLocaleString('en-US');
  console.log('sequence lab, LSTM(32) over 20-step sine windows, batch 32, speed 5 (bench/node W3):');
  console.log(
    `  page                 ${round(f.samplesPerSecond).padStart(8)} samples/s   ${f.fps.toFixed(1)} fps, longest frame ${f.longestMs.toFixed(1)} ms`,
  );
  console.log(`  Node, bare engine    ${round(f.nodeSamplesPerSecond).padStart(8)} samples/s`);
  console.log(
    `  page / Node          ${`${Math.round(f.share * 100)} %`.padStart(8)}             (aim: 70 % or more)`,
  );
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const server = await startServer();
  let browser = null;
  try {
    const rounds = [];
    for (let r = 0; r < args.rounds; r += 1) {
      await browser?.close();
      const cold = await firstBoundary(server.url);
      rounds.push(cold.ms);
      browser = cold.browser;
    }
    const frames = await trainingFrames(browser.context, server.url, {
      windowMs: args.windowMs,
      warmMs: args.quick ? 300 : 500,
    });
    const figures = {
      firstBoundaryMs: median(rounds),
      firstBoundaryRoundsMs: rounds,
      ...frames,
      budgets: BUDGETS,
      loadAverage: +os.loadavg()[0].toFixed(2),
      windowMs: args.windowMs,
    };
    report(figures, args);
    if (args.networks) {
      const windowMs = Math.min(args.windowMs, 3000);
      figures.networks = [];
      for (const net of NETWORKS) {
        figures.networks.push(await networkRun(browser.context, server.url, net, { windowMs }));
      }
      reportNetworks(figures.networks, windowMs);
    }
    if (args.sequence) {
      const page = await pageSamplesPerSecond(browser.context, server.url, args.windowMs);
      const node = await nodeSamplesPerSecond(Math.min(args.windowMs, 3000));
      figures.sequence = { ...page, nodeSamplesPerSecond: node, share: page.samplesPerSecond / node };
      reportSequence(figures.sequence);
    }
    const json = JSON.stringify(figures);
    if (args.out) fs.writeFileSync(args.out, `${JSON.stringify(figures, null, 2)}\n`);
    console.log(`PAGE_BENCH_JSON ${json}`);
  } finally {
    await browser?.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(`page bench: ${error.stack ?? error}`);
  process.exit(1);
});
