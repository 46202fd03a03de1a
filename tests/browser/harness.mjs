// Browser test harness: a static HTTP server for web/ (plus the host fixture page at
// /__host__/), Debian's Chromium through playwright-core, pages that fail their test on any
// console error / page error / failed request, and screenshots as test artifacts.
//
// Usage in a *.test.mjs file (one browser per file, reused by its tests):
//   const b = useBrowser();                       // registers before/after/afterEach hooks
//   test('x', async () => { const page = await b.openApp('#lab=mlp'); ... });
// Every page opened through `b` is checked after each test: any console.error, uncaught page
// error (workers included: Playwright reports worker console messages on the page) or HTTP
// status >= 400 fails the test; the pages are then closed.
// A slow link: b.setWasmDelay(ms) makes the server send the first part of /engine/nnplay.wasm at
// once and the rest after `ms` (0 turns it off).
// Env: NNPLAY_ARTIFACTS (screenshots, default test-artifacts/browser), NNPLAY_WEB_DIR (serve
// another copy of web/), NNPLAY_CHROMIUM (browser binary, default /usr/bin/chromium).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, before } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '..', '..');
const webDir = path.resolve(process.env.NNPLAY_WEB_DIR ?? path.join(root, 'web'));
const fixturesDir = path.join(here, 'fixtures');
export const artifactsDir = path.resolve(
  process.env.NNPLAY_ARTIFACTS ?? path.join(root, 'test-artifacts', 'browser'),
);

/** Chromium switches (Playwright adds its own defaults, e.g. --disable-background-timer-throttling
 *  and --disable-renderer-backgrounding). `--headless` is Chromium's new headless mode (the old
 *  one left the chromium binary in M132); --no-sandbox because the sandbox needs user namespaces
 *  that containers often lack; --disable-gpu for the same software rendering on every machine;
 *  the rest keep the browser from going to the network (QUIC, updates, sync, first-run pages)
 *  while tests run, so timings and results do not depend on it. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const LAPTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

/** Maps a URL path to a file under web/ or, for /__host__/..., under tests/browser/fixtures/;
 *  null when it escapes its folder. */
function fileFor(urlPath) {
  let rel = decodeURIComponent(urlPath);
  let base = webDir;
  if (rel.startsWith('/__host__/')) {
    base = fixturesDir;
    rel = rel.slice('/__host__'.length);
  }
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.resolve(base, `.${rel}`);
  return file.startsWith(base + path.sep) ? file : null;
}

/** Starts the static server on 127.0.0.1 and a free port: { url, close(), setWasmDelay(ms),
 *  setWasmBroken(on) } (a broken module is served as bytes that are not WebAssembly). */
export async function startServer() {
  let wasmDelayMs = 0;
  let wasmBroken = false;
  const server = http.createServer((req, res) => {
    const urlPath = new URL(req.url, 'http://x').pathname;
    const file = fileFor(urlPath);
    fs.readFile(file ?? '', (error, body) => {
      if (error || !file) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      if (wasmBroken && urlPath === '/engine/nnplay.wasm') body = Buffer.from('this is not WebAssembly');
      const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      res.writeHead(200, {
        'content-type': type,
        'cache-control': 'no-store',
        'content-length': String(body.length),
      });
      if (wasmDelayMs > 0 && urlPath === '/engine/nnplay.wasm') {
        // A slow link: a third now (so the page can show progress), the rest after the delay.
        const cut = Math.floor(body.length / 3);
        res.write(body.subarray(0, cut));
        setTimeout(() => res.end(body.subarray(cut)), wasmDelayMs);
        return;
      }
      res.end(body);
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    setWasmDelay: (ms) => {
      wasmDelayMs = ms;
    },
    setWasmBroken: (on) => {
      wasmBroken = on;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

/** Launches Chromium on a fresh profile (so localStorage starts empty): { context, close() }. */
export async function launch({ viewport = LAPTOP, args = [] } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'nnplay-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.NNPLAY_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [...chromiumArgs, ...args],
    viewport,
  });
  context.setDefaultTimeout(15000); // waits fail with their selector/function, not a hang
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Records what would make a test fail on `page`: page.problems (strings). `allow` lists
 *  RegExps of console errors a test expects. */
export function watch(page, allow = []) {
  page.problems = [];
  const expected = (text) => allow.some((re) => re.test(text));
  page.on('console', (m) => {
    if (m.type() === 'error' && !expected(m.text())) {
      const where = m.location()?.url ? ` (${m.location().url}:${m.location().lineNumber})` : '';
      page.problems.push(`console.error: ${m.text()}${where}`);
    }
  });
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.stack ?? e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) page.problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('requestfailed', (r) => {
    // An aborted request of a page that is navigating away or closing is not a fault.
    const why = r.failure()?.errorText ?? '';
    if (!/ERR_ABORTED/.test(why)) page.problems.push(`request failed: ${r.url()} ${why}`);
  });
  return page;
}

/** Throws if `page` saw a console error, page error or failed request. */
export function assertClean(page, label = 'page') {
  if (page.problems?.length) {
    throw new Error(`${label} reported errors:\n  ${page.problems.join('\n  ')}`);
  }
}

/** Waits until the app says ready (window.nnplay.ready), or fails with what it shows instead. */
export async function waitReady(page, timeout = 15000) {
  try {
    await page.waitForFunction(() => window.nnplay?.ready === true, null, { timeout });
  } catch (error) {
    const shown = await page
      .evaluate(() => ({
        errors: window.nnplay?.errors ?? '(no window.nnplay)',
        banner: document.querySelector('#error:not([hidden])')?.textContent ?? null,
      }))
      .catch(() => ({}));
    throw new Error(
      `the app did not become ready: ${JSON.stringify(shown)}; ` +
        `problems: ${JSON.stringify(page.problems ?? [])}`,
      { cause: error },
    );
  }
}

/** Writes a PNG screenshot to the artifacts folder; returns its path. */
export async function screenshot(page, name, options = {}) {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file, ...options });
  return file;
}

/** Registers hooks for one test file: a server and one browser for the whole file; pages opened
 *  with open()/openApp() are checked (assertClean) and closed after each test.
 *  Returns { url, context, open(path, opts), openApp(hash, opts), freshBrowser(opts) }. */
export function useBrowser({ viewport = LAPTOP, args = [] } = {}) {
  const fixture = { url: null, context: null };
  let server;
  let browser;
  let pages = [];
  const extraBrowsers = [];

  before(async () => {
    server = await startServer();
    browser = await launch({ viewport, args });
    fixture.url = server.url;
    fixture.context = browser.context;
    fixture.setWasmDelay = server.setWasmDelay;
    fixture.setWasmBroken = server.setWasmBroken;
  });
  afterEach(async () => {
    const opened = pages;
    pages = [];
    const problems = opened.filter((p) => p.problems?.length);
    for (const p of opened) await p.close().catch(() => {});
    if (problems.length) assertClean(problems[0], problems[0].label);
  });
  after(async () => {
    for (const b of extraBrowsers) await b.close();
    await browser?.close();
    await server?.close();
  });

  /** Opens `urlPath` (relative to the server root) in `context` (default: the file's browser),
   *  watching it for errors. opts: { viewport, allow: [RegExp], context, wait: 'load' }. */
  fixture.open = async (urlPath = '', opts = {}) => {
    const page = watch(await (opts.context ?? fixture.context).newPage(), opts.allow);
    page.label = `page ${urlPath || '/'}`;
    pages.push(page);
    if (opts.viewport) await page.setViewportSize(opts.viewport);
    await page.goto(new URL(urlPath, fixture.url).href, { waitUntil: opts.wait ?? 'load' });
    return page;
  };
  /** Opens the playground with `hash` (e.g. '#lab=perceptron') and waits for window.nnplay.ready. */
  /** opts as open() plus keepStorage: by default localStorage is cleared first (a blank page on
   *  the same origin), so each test starts from defaults + its hash. */
  fixture.openApp = async (hash = '', opts = {}) => {
    if (!opts.keepStorage) await fixture.clearStorage(opts.context);
    const page = await fixture.open(hash ? `/${hash.startsWith('#') ? hash : `#${hash}`}` : '/', opts);
    await waitReady(page);
    return page;
  };
  /** Empties localStorage of the playground's origin in `context` (default: the file's). */
  fixture.clearStorage = async (context = fixture.context) => {
    const page = await context.newPage();
    await page.goto(new URL('/__host__/blank.html', fixture.url).href);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  };
  /** A second browser on its own fresh profile (empty localStorage), closed after the file. */
  fixture.freshBrowser = async (opts = {}) => {
    const b = await launch({ viewport, args, ...opts });
    extraBrowsers.push(b);
    return b.context;
  };
  return fixture;
}

// ---- page helpers (run in the page) ----

/** SHA-256 (hex) of a canvas's pixels, read with getImageData; null if there is no such canvas. */
export async function canvasHash(page, selector) {
  return page.evaluate(async (sel) => {
    const canvas = document.querySelector(sel);
    if (!canvas || !canvas.width || !canvas.height) return null;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const digest = await crypto.subtle.digest('SHA-256', data);
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  }, selector);
}

/** Starts recording every finished epoch's logs in the page (the active session's 'progress'
 *  events carry the engine's train answer, whose epoch_logs are the newly finished epochs;
 *  window.nnplay.events keeps only the last 200). */
export async function recordEpochs(page) {
  await page.evaluate(() => {
    window.__epochLogs = [];
    window.nnplay.session.on('progress', ({ answer }) => {
      for (const { epoch, logs } of answer.epoch_logs ?? []) window.__epochLogs.push({ epoch, ...logs });
    });
  });
}

/** The epoch losses recorded since recordEpochs(page): [{epoch, loss}] in order. */
export async function epochLosses(page) {
  return page.evaluate(() =>
    window.__epochLogs.filter((e) => Number.isFinite(e.loss)).map(({ epoch, loss }) => ({ epoch, loss })),
  );
}

/** Sets a control panel input `[data-key=key]` as a user would (select, checkbox or text/number/
 *  range input) and fires input + change. */
export async function setControl(page, key, value) {
  const input = page.locator(`[data-key="${key}"]`).first();
  await input.waitFor({ state: 'attached' });
  const tag = await input.evaluate((el) => `${el.tagName.toLowerCase()}:${el.type ?? ''}`);
  if (tag.startsWith('select')) {
    await input.selectOption(String(value));
  } else if (tag === 'input:checkbox') {
    await input.setChecked(Boolean(value), { force: true });
  } else {
    await input.evaluate((el, v) => {
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, String(value));
  }
}

/** Values of every `[data-key]` control in the DOM: { key: value } (checkboxes as booleans). */
export async function controlValues(page) {
  return page.evaluate(() => {
    const out = {};
    for (const el of document.querySelectorAll('[data-key]')) {
      const key = el.dataset.key;
      if (key in out) continue;
      out[key] = el.type === 'checkbox' ? el.checked : el.value;
    }
    return out;
  });
}

/** The open lab's view of the store (its field names, and the shell's keys) as plain JSON. */
export async function storeState(page) {
  return page.evaluate(() => {
    const { store } = window.nnplay;
    return JSON.parse(JSON.stringify(store.scope(store.get('lab')).state()));
  });
}

/** Marks the newest session event so waitEvent(page, type, mark) waits for a later one. */
export async function markEvents(page) {
  return page.evaluate(() => {
    const mark = `m${Math.random()}`;
    window.__nnplayMarks = { ...window.__nnplayMarks, [mark]: window.nnplay.events.at(-1) ?? null };
    return mark;
  });
}

/** Waits for an active-session event of `type` in window.nnplay.events (after `mark` when given) and
 *  returns it. */
export async function waitEvent(page, type, mark = null, timeout = 20000) {
  const handle = await page.waitForFunction(
    ([t, m]) => {
      const events = window.nnplay.events;
      let from = 0;
      if (m) {
        const last = window.__nnplayMarks[m];
        from = last ? events.lastIndexOf(last) + 1 : 0;
      }
      return events.slice(from).find((e) => e.type === t) ?? false;
    },
    [type, mark],
    { timeout, polling: 50 },
  );
  return handle.jsonValue();
}

/** Whether the element at `selector` is rendered (not hidden by itself or an ancestor). */
export async function isShown(page, selector) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    return Boolean(el && el.checkVisibility());
  }, selector);
}

/** True when `text` contains Hangul syllables. */
export const hasHangul = (text) => /[\uAC00-\uD7A3]/.test(text);

/** Loads preset `name` through the #preset control (a select, or a menu of [data-preset]
 *  items) and waits until the store carries it and the lab configured it. */
export async function loadPreset(page, name) {
  const mark = await markEvents(page);
  const preset = page.locator('#preset');
  if (await preset.evaluate((el) => el.tagName === 'SELECT')) {
    await preset.selectOption(name);
  } else {
    await preset.click();
    await page.click(`[data-preset="${name}"]`);
  }
  await page.waitForFunction((n) => window.nnplay.store.get('preset') === n, name);
  await waitEvent(page, 'configured', mark);
}

/** Waits for the lab's model to be configured (a 'configured' session event after `mark`);
 *  fails at once with the engine's message if an 'error' event comes first. */
export async function waitConfigured(page, mark = null, timeout = 20000) {
  const event = await page
    .waitForFunction(
      (m) => {
        const events = window.nnplay.events;
        let from = 0;
        if (m) {
          const last = window.__nnplayMarks[m];
          from = last ? events.lastIndexOf(last) + 1 : 0;
        }
        return events.slice(from).find((e) => e.type === 'configured' || e.type === 'error') ?? false;
      },
      mark,
      { timeout, polling: 50 },
    )
    .then((h) => h.jsonValue());
  if (event.type === 'error') {
    throw new Error(`configure failed: ${event.path}: ${event.message} (op ${event.op})`);
  }
  return event;
}

/** Pauses training with the play/pause toggle (#play) when it is running. */
export async function pauseTraining(page) {
  await page.evaluate(() => {
    if (window.nnplay.session.running) document.getElementById('play').click();
  });
}
