// Session scripts: a JSON array of steps run the same way natively (nnplay_session_cli, built
// from tests/wasm/session_cli.cpp) and through the wasm Session, one output object per step:
//   {"request": {...}}                    -> the answer
//   {"set_array": name, "values": [...]}  -> {"set_array": name, "error": ""}
//   {"get_array": name}                   -> {"get_array": name, "values": [...]}
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { root } from './load-module.mjs';

export const cliPath =
  process.env.NNPLAY_SESSION_CLI ?? path.join(root, 'build', 'release', 'tests', 'nnplay_session_cli');

/** Runs `steps` through a TestSession; returns one object per step. */
export function runWasm(session, steps) {
  return steps.map((step) => {
    if (step.request !== undefined) return session.call(JSON.stringify(step.request));
    if (step.set_array !== undefined) {
      return {
        set_array: step.set_array,
        error: session.setArray(step.set_array, new Float32Array(step.values)),
      };
    }
    if (step.get_array !== undefined) {
      return { get_array: step.get_array, values: Array.from(session.getArray(step.get_array)) };
    }
    throw new Error(`unknown step ${JSON.stringify(step)}`);
  });
}

/** Runs `steps` through the native CLI; returns one object per step. */
export function runNative(steps) {
  if (!fs.existsSync(cliPath)) {
    throw new Error(
      `${cliPath} not found: build the native target nnplay_session_cli ` +
        '(scripts/test.sh does) or set NNPLAY_SESSION_CLI',
    );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nnplay-script-'));
  try {
    const file = path.join(dir, 'script.json');
    fs.writeFileSync(file, JSON.stringify(steps));
    const run = spawnSync(cliPath, [file], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (run.status !== 0) throw new Error(`nnplay_session_cli failed: ${run.stderr}`);
    return run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The largest |a - b| / max(1, |a|) over two equally long number lists. */
export function worstDifference(a, b) {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} vs ${b.length}`);
  let worst = 0;
  for (let i = 0; i < a.length; i += 1) {
    worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(a[i])));
  }
  return worst;
}
