// nnplay benchmark in Node: nnplay-wasm against TF.js CPU, TF.js WASM and brain.js on
// W1, W1g, W2, W3, W4, interleaved round-robin in one run on the same seeded data and the same
// initial weights. Prints a table (medians), ratios nnplay/peer, PASS/MISS per target and one
// JSON summary line. Exits 0 unless the harness itself crashes.
//
//   node bench/node/run.mjs [--quick] [--rounds N] [--round-ms MS] [--only W1,W3] [--nnplay path.mjs]
import os from 'node:os';
import { performance } from 'node:perf_hooks';

import { BrainEngine } from './brain-runner.mjs';
import { NnplayEngine } from './nnplay-runner.mjs';
import { errText, fmt, median } from './report.mjs';
import { TfjsEngine } from './tfjs-runner.mjs';
import { WORKLOADS, fallbackWeights, gridPoints } from './workloads.mjs';

function parseArgs(argv) {
  const args = { quick: false, rounds: null, roundMs: null, only: null, nnplay: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') args.quick = true;
    else if (a === '--rounds') args.rounds = Number(argv[++i]);
    else if (a === '--round-ms') args.roundMs = Number(argv[++i]);
    else if (a === '--only') args.only = argv[++i].split(',');
    else if (a === '--nnplay') args.nnplay = argv[++i];
    else
      throw new Error(
        `unknown argument ${a}; expected --quick, --rounds N, --round-ms MS, --only W1,W2, --nnplay path`,
      );
  }
  return args;
}

/// Per-workload round length (ms) for the default run; about 2 minutes in all on 2 cores.
const ROUND_MS = { W1: 400, W1g: 250, W2: 1000, W3: 900, W4: 700 };
/// The issue's targets: nnplay's speed divided by the peer's (for W1g: peer ms / nnplay ms).
const TARGETS = [
  { id: 'W1', peer: 'brain.js', min: 2, text: 'W1 >= 2x brain.js' },
  { id: 'W1g', peer: 'tfjs-wasm', min: 1, text: "W1g <= TF.js-wasm's time" },
  { id: 'W2', peer: 'tfjs-wasm', min: 2, text: 'W2 >= 2x TF.js-wasm' },
  { id: 'W3', peer: 'tfjs-wasm', min: 3, text: 'W3 >= 3x TF.js-wasm' },
  { id: 'W4', peer: 'best', min: 2, text: 'W4 >= 2x the best peer' },
];

/// Sets up every engine on one workload. Returns rows: {label, inst, note} or {label, skip}.
async function setupWorkload(workload, data, engines) {
  const rows = [];
  const nnplay = engines.nnplay;
  const variants = workload.grid
    ? [
        { label: 'nnplay-wasm', neurons: false },
        { label: 'nnplay-wasm+neurons', neurons: true },
      ]
    : [{ label: 'nnplay-wasm' }];
  let weights = null;
  let weightSource = nnplay.unavailable
    ? 'fallback (seeded Glorot in workloads.mjs: nnplay not loaded)'
    : 'fallback (seeded Glorot in workloads.mjs: nnplay gave none)';
  const fallback = fallbackWeights(workload, 7);
  const shapesOf = (list) => list.map((w) => w.shape.join('x')).join(',');
  for (const v of variants) {
    if (nnplay.unavailable) {
      rows.push({ label: v.label, skip: `unavailable: ${nnplay.unavailable}` });
      continue;
    }
    try {
      const inst = await nnplay.engine.setup(workload, data, v);
      if (!weights) {
        if (shapesOf(inst.weights) === shapesOf(fallback)) {
          weights = inst.weights;
          weightSource = "nnplay's initial weights (get_weights)";
        } else {
          weightSource = `fallback (nnplay's get_weights shapes ${shapesOf(inst.weights)} are not Keras's ${shapesOf(fallback)})`;
        }
      }
      if (weights !== inst.weights) inst.setWeights(weights ?? fallback);
      rows.push({ label: v.label, inst, note: workload.grid ? inst.gridNote : inst.note });
    } catch (e) {
      rows.push({ label: v.label, skip: `error: ${errText(e)}` });
    }
  }
  weights = weights ?? fallback;
  for (const name of ['tfjs-cpu', 'tfjs-wasm', 'brain.js']) {
    const peer = engines[name];
    if (peer.unavailable) {
      rows.push({ label: name, skip: `unavailable: ${peer.unavailable}` });
      continue;
    }
    try {
      const inst = await peer.engine.setup(workload, data, weights);
      if (inst.skip) rows.push({ label: name, skip: inst.skip });
      else rows.push({ label: name, inst, note: workload.grid ? inst.gridNote : inst.note });
    } catch (e) {
      rows.push({ label: name, skip: `error: ${errText(e)}` });
    }
  }
  return { rows, weightSource };
}

/// One timed round: repeats the engine's operation until roundMs has passed (at least once).
/// Training: samples per second. Grid: milliseconds per grid.
async function timedRound(workload, row, roundMs) {
  await row.inst.activate();
  let count = 0;
  let loss;
  const start = performance.now();
  let elapsed = 0;
  do {
    if (workload.grid) {
      await row.inst.grid();
      count += 1;
    } else {
      const r = await row.inst.train();
      count += r.samples;
      loss = r.loss;
    }
    elapsed = performance.now() - start;
  } while (elapsed < roundMs);
  if (loss !== undefined) {
    row.firstLoss ??= loss;
    row.lastLoss = loss;
  }
  return workload.grid ? elapsed / count : (count * 1000) / elapsed;
}

async function runWorkload(base, engines, opts) {
  // --quick trains two batches per call so the smoke test stays short even for TF.js CPU.
  const workload = opts.quick && base.chunk ? { ...base, chunk: 2 * base.batch } : base;
  const data = workload.data();
  if (workload.grid) {
    const g = workload.grid;
    g.points = gridPoints(g.resolution, g.lo, g.hi);
  }
  const { rows, weightSource } = await setupWorkload(workload, data, engines);
  const live = () => rows.filter((r) => r.inst && !r.failed);
  // Warm-up (untimed): JIT, wasm tier-up, first-call allocations.
  for (const row of live()) {
    try {
      await row.inst.activate();
      for (let i = 0; i < (workload.grid ? 3 : 1); i++)
        await (workload.grid ? row.inst.grid() : row.inst.train());
    } catch (e) {
      row.failed = `error: ${errText(e)}`;
    }
  }
  const roundMs = opts.roundMs ?? (opts.quick ? 1 : ROUND_MS[workload.id]);
  const rounds = opts.rounds ?? (opts.quick ? 1 : 5);
  for (let r = 0; r < rounds; r++) {
    const order = live();
    // Rotate the starting engine each round so no engine always runs first or last.
    for (let k = 0; k < order.length; k++) {
      const row = order[(k + r) % order.length];
      try {
        (row.values ??= []).push(await timedRound(workload, row, roundMs));
      } catch (e) {
        row.failed = `error: ${errText(e)}`;
      }
    }
  }
  for (const row of rows) {
    row.inst?.dispose?.();
    if (row.values?.length && !row.failed) row.median = median(row.values);
  }
  return { rows, weightSource };
}

/// Ratio nnplay/peer as "how many times faster nnplay is" (>1: nnplay faster).
function ratio(workload, nn, peer) {
  if (!nn?.median || !peer?.median) return null;
  return workload.grid ? peer.median / nn.median : nn.median / peer.median;
}

function printWorkload(workload, result) {
  const { rows, weightSource } = result;
  const nn = rows.find((r) => r.label === 'nnplay-wasm');
  const unit = workload.grid ? 'ms/grid' : 'samples/s';
  console.log(`\n${workload.title}`);
  console.log(`  initial weights: ${weightSource}`);
  console.log(
    `  ${'engine'.padEnd(20)} ${unit.padStart(11)} ${'min..max'.padStart(21)}  ${'nnplay/peer'.padStart(11)}  loss (first -> last round)`,
  );
  for (const row of rows) {
    const reason = row.failed ?? row.skip;
    if (reason || !row.median) {
      console.log(
        `  ${row.label.padEnd(20)} ${'-'.padStart(11)} ${''.padStart(21)}  ${'-'.padStart(11)}  ${reason ?? 'no measurement'}`,
      );
      continue;
    }
    const d = workload.grid ? 2 : 0;
    const range = `${fmt(Math.min(...row.values), d)}..${fmt(Math.max(...row.values), d)}`;
    const r = row.label.startsWith('nnplay') ? null : ratio(workload, nn, row);
    const loss = row.firstLoss !== undefined ? `${fmt(row.firstLoss, 4)} -> ${fmt(row.lastLoss, 4)}` : '';
    console.log(
      `  ${row.label.padEnd(20)} ${fmt(row.median, d).padStart(11)} ${range.padStart(21)}  ${(r ? `${fmt(r, 2)}x` : '').padStart(11)}  ${loss}`,
    );
  }
  for (const row of rows)
    if (row.note && !row.skip && !row.failed) console.log(`    ${row.label}: ${row.note}`);
}

function evaluateTargets(results) {
  return TARGETS.filter((t) => results[t.id]).map((t) => {
    const { workload, rows } = results[t.id];
    const nn = rows.find((r) => r.label === 'nnplay-wasm');
    let peer;
    if (t.peer === 'best') {
      const peers = rows.filter((r) => !r.label.startsWith('nnplay') && r.median);
      peer = peers.sort((a, b) => (workload.grid ? a.median - b.median : b.median - a.median))[0];
    } else {
      peer = rows.find((r) => r.label === t.peer);
    }
    const value = ratio(workload, nn, peer);
    const status = value === null ? 'n/a' : value >= t.min ? 'PASS' : 'MISS';
    return { id: t.id, target: t.text, peer: peer?.label ?? t.peer, ratio: value, status };
  });
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const engines = {
    nnplay: { engine: new NnplayEngine(opts.nnplay) },
    'tfjs-cpu': { engine: new TfjsEngine('cpu') },
    'tfjs-wasm': { engine: new TfjsEngine('wasm') },
    'brain.js': { engine: new BrainEngine() },
  };
  for (const e of Object.values(engines)) e.unavailable = await e.engine.init();
  const cpus = os.cpus();
  console.log(`nnplay Node benchmark${opts.quick ? ' (--quick: smoke test, figures meaningless)' : ''}`);
  console.log(
    `  node ${process.version}, ${cpus.length} x ${cpus[0]?.model ?? 'cpu'}; rounds interleaved, medians reported`,
  );
  console.log(
    `  nnplay module: ${engines.nnplay.engine.modulePath ?? `not loaded (${engines.nnplay.unavailable})`}`,
  );

  const results = {};
  for (const workload of WORKLOADS) {
    if (opts.only && !opts.only.includes(workload.id)) continue;
    const r = await runWorkload(workload, engines, opts);
    results[workload.id] = { workload, ...r };
    printWorkload(workload, r);
  }

  const targets = evaluateTargets(results);
  console.log("\nTargets (the engine's speed goals; ratios from this run, informational):");
  for (const t of targets) {
    console.log(
      `  ${t.status.padEnd(4)}  ${t.target.padEnd(26)} ${t.ratio === null ? 'nnplay or peer missing' : `${fmt(t.ratio, 2)}x vs ${t.peer}`}`,
    );
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`\n(total ${fmt(seconds, 1)} s)`);

  const summary = {
    bench: 'nnplay-node',
    quick: opts.quick,
    node: process.version,
    cpus: cpus.length,
    seconds: Number(seconds.toFixed(1)),
    workloads: Object.fromEntries(
      Object.entries(results).map(([id, { workload, rows, weightSource }]) => [
        id,
        {
          unit: workload.grid ? 'ms_per_grid' : 'samples_per_s',
          weights: weightSource,
          engines: Object.fromEntries(
            rows.map((r) => [
              r.label,
              r.median && !r.failed
                ? {
                    median: Number(r.median.toPrecision(4)),
                    runs: r.values.length,
                    ratio: r.label.startsWith('nnplay')
                      ? undefined
                      : Number(
                          (
                            ratio(
                              workload,
                              rows.find((x) => x.label === 'nnplay-wasm'),
                              r,
                            ) ?? NaN
                          ).toFixed(3),
                        ) || null,
                  }
                : { skipped: r.failed ?? r.skip ?? 'no measurement' },
            ]),
          ),
        },
      ]),
    ),
    targets: targets.map((t) => ({ ...t, ratio: t.ratio === null ? null : Number(t.ratio.toFixed(3)) })),
  };
  console.log(`BENCH_JSON ${JSON.stringify(summary)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
