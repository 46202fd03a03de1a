// The sequence lab's training speed in the page beside the bare engine in Node on the same work:
// LSTM(32) over 20-step sine windows -> Dense(1), MSE, Adam 0.01, batch 32 (bench/node's W3).
// The page's figure includes everything a learner's page does besides training (snapshots with
// probes and readouts, drawing, the worker's messages), so page / Node is the page's share of
// the engine's speed.
import { performance } from 'node:perf_hooks';

import { markEvents, waitConfigured, waitEvent, waitReady, watch } from '../../tests/browser/harness.mjs';
import { NnplayEngine } from '../node/nnplay-runner.mjs';
import { WORKLOADS } from '../node/workloads.mjs';

/** The W3 model in the sequence lab's own fields, trained as fast as possible (speed 5). */
const SEQUENCE_HASH =
  '#lab=sequence&task=sine&cell=lstm&units=32&depth=1&window=20&sequences=2000&waveNoise=0' +
  '&optimizer=adam&lr=0.01&batch=32&epochs=0&speed=5';

/** Samples per second of W3 trained by the wasm engine in Node for `ms` (after one warm call). */
export async function nodeSamplesPerSecond(ms) {
  const engine = new NnplayEngine();
  const why = await engine.init();
  if (why) throw new Error(`sequence bench: ${why}`);
  const workload = WORKLOADS.find((w) => w.id === 'W3');
  const run = await engine.setup(workload, workload.data());
  try {
    await run.train();
    let samples = 0;
    const start = performance.now();
    while (performance.now() - start < ms) samples += (await run.train()).samples;
    return (samples * 1000) / (performance.now() - start);
  } finally {
    run.dispose();
  }
}

/** Runs in the page: counts trained samples (train answers' batches_run × 32) and animation
 *  frames for windowMs. */
async function measureTraining(windowMs) {
  const batch = 32;
  let samples = 0;
  const off = window.nnplay.session.on('progress', ({ answer }) => {
    samples += (answer?.batches_run ?? 0) * batch;
  });
  const stamps = [];
  const start = performance.now();
  await new Promise((resolve) => {
    const frame = (t) => {
      stamps.push(t);
      if (performance.now() - start < windowMs) requestAnimationFrame(frame);
      else resolve();
    };
    requestAnimationFrame(frame);
  });
  off();
  const seconds = (performance.now() - start) / 1000;
  let longest = 0;
  for (let i = 1; i < stamps.length; i += 1) longest = Math.max(longest, stamps[i] - stamps[i - 1]);
  return { samplesPerSecond: samples / seconds, fps: stamps.length / seconds, longestMs: longest };
}

/** Samples per second, frame rate and longest frame while the sequence lab trains W3's model. */
export async function pageSamplesPerSecond(context, url, windowMs) {
  const page = watch(await context.newPage());
  try {
    await page.goto(new URL(`/${SEQUENCE_HASH}`, url).href);
    await waitReady(page, 30000);
    await waitConfigured(page, null, 30000);
    const mark = await markEvents(page);
    await page.click('#play');
    await waitEvent(page, 'progress', mark, 30000);
    await page.waitForTimeout(1000); // past the first snapshots and the warm-up of the views
    const measured = await page.evaluate(measureTraining, windowMs);
    if (page.problems.length) throw new Error(`sequence lab: ${page.problems.join('; ')}`);
    return measured;
  } finally {
    await page.close();
  }
}
