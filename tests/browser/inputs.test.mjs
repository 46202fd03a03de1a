// Inputs that must not freeze the page: a link whose value is 100,000 digits and an 'x' (the old
// number pattern backtracked for 6 s on it), a pasted CSV with a megabyte in one cell, a 10 MB
// CSV file, a file of too many rows and a binary file. Each is refused with a message while the
// main thread stays responsive and the previous data stays.
//
// Responsive means: no main-thread task longer than 200 ms, the limit the issue asks for. Every
// task over 50 ms is recorded from the page's first script on by a 'longtask' PerformanceObserver
// (installed before any page script runs); the CSV cases look only at the tasks of their action.
// The limit is wide for these inputs (fixed: a few ms; before: seconds), but the app's own
// start-up tasks take 60-150 ms here and grow with the machine's load (200-380 ms at a load
// average of 20 on two cores): failures print the load average.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';

import { FIELD } from '../../web/js/state/schema.mjs';
import {
  hasHangul,
  isShown,
  markEvents,
  screenshot,
  storeState,
  useBrowser,
  waitConfigured,
} from './harness.mjs';

const b = useBrowser();
const TASK_LIMIT_MS = 200;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nnplay-inputs-'));

/** Runs in every page before its scripts: window.__longTasks collects tasks over 50 ms. */
function recordLongTasks() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__longTasks.push({ startMs: Math.round(e.startTime), ms: Math.round(e.duration) });
    }
  }).observe({ type: 'longtask', buffered: true });
}

// The file's browser exists once useBrowser's hook has run: set it up at the first open.
let ready = null;
const setUp = () => {
  ready ??= Promise.all([
    b.context.addInitScript(recordLongTasks),
    b.context.grantPermissions(['clipboard-read', 'clipboard-write']),
  ]);
  return ready;
};
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** b.openApp with the long-task recorder installed. */
async function openApp(hash, opts) {
  await setUp();
  return b.openApp(hash, opts);
}

/** The long tasks recorded so far (after a frame and a timer, so the last entries have come). */
async function longTasks(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
  return page.evaluate(() => window.__longTasks);
}

/** Fails when a recorded task was longer than TASK_LIMIT_MS. */
function assertResponsive(tasks, what) {
  const worst = Math.max(0, ...tasks.map((task) => task.ms));
  const load = `load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`;
  assert.ok(
    worst <= TASK_LIMIT_MS,
    `${what}: a main-thread task took ${worst} ms (tasks over 50 ms: ` + `${JSON.stringify(tasks)}; ${load})`,
  );
}

/** Runs action() and waits until the CSV box shows its answer; returns the long tasks of that time. */
async function csvRead(page, action) {
  await page.evaluate(() => {
    window.__longTasks.length = 0;
    delete document.querySelector('#csv-status').dataset.state;
  });
  await action();
  await page.waitForSelector('#csv-status[data-state="done"]', { state: 'attached' });
  return longTasks(page);
}

/** The MLP lab with the CSV box open and 40 custom points loaded from it (the data to keep). */
async function openWithPoints(hash = '#lab=mlp') {
  const page = await openApp(hash);
  await waitConfigured(page);
  if (!(await isShown(page, '#csv-input'))) await page.click('details.mlp-csv > summary');
  const rows = Array.from({ length: 40 }, (_, i) => {
    const column = i % 8;
    return `${column - 3.5},${Math.floor(i / 8) - 2},${column > 3 ? 1 : 0}`;
  });
  const mark = await markEvents(page);
  await page.fill('#csv-input', ['x1,x2,label', ...rows].join('\n'));
  await csvRead(page, () => page.click('#csv-apply'));
  await waitConfigured(page, mark);
  assert.equal((await storeState(page)).points.length, 40);
  return page;
}

/** The error list's text, after checking that the data and the store did not change. */
async function refusedKeeping(page, state) {
  assert.equal(await isShown(page, '#csv-errors'), true, 'the errors are shown');
  assert.deepEqual(await storeState(page), state, 'the store keeps the previous data');
  return page.locator('#csv-errors').innerText();
}

test('a link with lr = 100,000 digits and an x opens without a long task', async () => {
  // A first load warms the browser up (a cold start compiles and lays out for ~0.5 s, link or not).
  await waitConfigured(await openApp('#lab=mlp'));
  const page = await openApp(`#lr=${'1'.repeat(100000)}x`);
  await waitConfigured(page);
  assertResponsive(await longTasks(page), 'opening the link');
  assert.equal(await page.evaluate(() => window.nnplay.store.get('lr')), FIELD['mlp.lr'].default);
  // The same kind of link typed into the open page (hashchange: decoded, nothing to mount).
  await page.evaluate(() => {
    window.__longTasks.length = 0;
    location.hash = `#lr=${'2'.repeat(100000)}x`;
  });
  await page.waitForTimeout(300);
  assertResponsive(await longTasks(page), 'a link typed into the page');
  assert.equal(await page.evaluate(() => window.nnplay.store.get('lr')), FIELD['mlp.lr'].default);
});

test('pasting a CSV with a 1 MB cell: refused at once, the data kept', async () => {
  const page = await openWithPoints();
  const state = await storeState(page);
  const boxText = await page.inputValue('#csv-input');
  /** Pastes rows with a cell of n nines, as a user does (clipboard, Ctrl+A, Ctrl+V). */
  const paste = async (n) => {
    await page.evaluate(
      (cell) =>
        navigator.clipboard.writeText(`x1,x2,label\n1,2,0\n3,4,1\n5,6,0\n1,2,${'9'.repeat(cell)}x\n7,8,1\n`),
      n,
    );
    await page.focus('#csv-input');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+V');
  };

  // 1,000,000 nines: over the byte limit, refused on paste; the box keeps its text.
  const refused = await csvRead(page, () => paste(1000000));
  assertResponsive(refused, 'pasting 1 MB');
  assert.match(await refusedKeeping(page, state), /the CSV is 1\.01 MB: at most 1 MB can be read/);
  assert.equal(await page.inputValue('#csv-input'), boxText, 'the box keeps its text');

  // 900,000 nines: pasted, then read by the worker when applied; the cell is named, cut short.
  await paste(900000);
  await page.waitForFunction(() => document.querySelector('#csv-input').value.length > 900000);
  const applied = await csvRead(page, () => page.click('#csv-apply'));
  assertResponsive(await longTasks(page), 'pasting 0.9 MB');
  assertResponsive(applied, 'applying a 0.9 MB cell');
  const errors = await refusedKeeping(page, state);
  assert.match(errors, /^row 5: label "9{15}…" is not a number$/);
  await screenshot(page, 'inputs-csv-big-cell', { fullPage: true });
});

test('a 10 MB CSV file and one of 150,000 rows are refused while the page stays responsive', async () => {
  const page = await openWithPoints();
  const state = await storeState(page);
  // Files from disk: Playwright sends a Buffer through the page's own main thread (a 10 MB
  // Buffer made a 3.9 s task of its own), a path goes to the browser directly.
  const big = path.join(tmp, 'big.csv');
  fs.writeFileSync(big, `x1,x2,label\n${'0.25,-1.5,1\n'.repeat(Math.ceil(10485760 / 12))}`);
  assertResponsive(await csvRead(page, () => page.setInputFiles('#csv-file', big)), '10 MB file');
  assert.match(await refusedKeeping(page, state), /^the CSV is 10\.49 MB: at most 1 MB can be read$/);
  await screenshot(page, 'inputs-csv-too-big', { fullPage: true });

  const rows = path.join(tmp, 'rows.csv');
  fs.writeFileSync(rows, '1,2,0\n'.repeat(150000));
  assertResponsive(await csvRead(page, () => page.setInputFiles('#csv-file', rows)), '150,000 rows');
  assert.match(await refusedKeeping(page, state), /^more than 2000 rows: at most 2000 can be used$/);
});

test('a binary file is refused as not text (English and Korean)', async () => {
  // Random bytes with NULs, the kind of file that was once read as "2491 rows".
  const file = path.join(tmp, 'photo.csv');
  const bytes = Buffer.alloc(65536);
  let seed = 11;
  for (let i = 0; i < bytes.length; i += 1) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    bytes[i] = i % 97 === 0 ? 0 : seed >> 23;
  }
  fs.writeFileSync(file, bytes);
  for (const lang of ['en', 'ko']) {
    const page = await openWithPoints(`#lab=mlp&lang=${lang}`);
    const state = await storeState(page);
    const boxText = await page.inputValue('#csv-input');
    assertResponsive(await csvRead(page, () => page.setInputFiles('#csv-file', file)), 'binary file');
    const errors = await refusedKeeping(page, state);
    if (lang === 'en') assert.equal(errors, 'this file is not text (CSV expected)');
    else assert.ok(hasHangul(errors) && /CSV/.test(errors), errors);
    assert.equal(await page.inputValue('#csv-input'), boxText, 'no binary text in the box');
    await screenshot(page, `inputs-csv-not-text-${lang}`, { fullPage: true });
  }
});
