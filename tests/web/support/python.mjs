// Runs python3 for the workbench's Python export tests: a missing python3 fails the test (these
// checks are the point, never skipped); compiled files go to a temporary folder.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nnplay-python-'));

/**
 * Runs python3 with `args`; returns its standard output.
 * @param {string[]} args
 */
export function python(args) {
  // pyc files go to the temporary folder, not beside the goldens.
  const env = { ...process.env, PYTHONPYCACHEPREFIX: path.join(tmp, 'pycache'), PYTHONUTF8: '1' };
  const run = spawnSync('python3', args, { encoding: 'utf8', env, maxBuffer: 64 << 20 });
  if (run.error)
    assert.fail(`python3 is required for these tests and could not be run: ${run.error.message}`);
  assert.equal(run.status, 0, `python3 ${args[0]} failed:\n${run.stderr}`);
  return run.stdout;
}

/** Writes `source` as <name>.py and compiles it with python3 -m py_compile. @param {string} name @param {string} source */
export function pyCompile(name, source) {
  const file = path.join(tmp, `${name}.py`);
  fs.writeFileSync(file, source);
  python(['-m', 'py_compile', file]);
}
