// Browser smoke test: serves web/ on 127.0.0.1 (python3 http.server, a free port), opens the
// page in Debian's Chromium through playwright-core, presses Play on a small preset (the first
// whose name says xor/spiral/circle/moons, else the first) and requires the epoch loss to fall
// with no console or page errors. Screenshot: ${NNPLAY_SCREENSHOT:-/tmp/nnplay-smoke.png}.
// Usage: node tests/browser/smoke.mjs   (NNPLAY_WEB_DIR serves another copy of web/)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const webDir = process.env.NNPLAY_WEB_DIR ?? path.join(root, 'web');
const screenshot = process.env.NNPLAY_SCREENSHOT ?? '/tmp/nnplay-smoke.png';
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync'];

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForServer(url, ms = 10000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not start`);
}

async function main() {
  const port = await freePort();
  const server = spawn('python3', ['-m', 'http.server', '--bind', '127.0.0.1', '--directory',
    webDir, String(port)], { stdio: 'ignore' });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'nnplay-chromium-'));
  let context;
  const errors = [];
  try {
    const url = `http://127.0.0.1:${port}/`;
    await waitForServer(url);
    context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs,
    });
    const page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    await page.goto(url);
    await page.waitForFunction(() => window.nnplay?.ready || window.nnplay?.errors.length,
      null, { timeout: 10000 });
    await page.waitForSelector('#play:not([disabled])', { timeout: 15000 });
    const names = await page.$$eval('#preset option', (options) => options.map((o) => o.value));
    const small = names.find((n) => /xor|spiral|circle|moons/.test(n));
    if (small && small !== names[0]) {
      await page.selectOption('#preset', small);
      await page.waitForSelector('#play:not([disabled])', { timeout: 15000 });
    }
    await page.click('#play');
    await page.waitForFunction(() => window.nnplay.losses.length >= 3 || window.nnplay.errors.length,
      null, { timeout: 30000 });
    await page.click('#pause');
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshot });
    const { losses, errors: pageErrors } = await page.evaluate(() => window.nnplay);
    errors.push(...pageErrors.map((e) => `page: ${e}`));
    if (errors.length) throw new Error(errors.join('\n'));
    if (!(losses[losses.length - 1] < losses[0])) {
      throw new Error(`loss did not fall: ${losses.join(', ')}`);
    }
    console.log(`browser smoke: ${losses.length} epochs, loss ${losses[0]} -> ` +
      `${losses[losses.length - 1]}; screenshot ${screenshot}`);
  } finally {
    await context?.close();
    server.kill();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`browser smoke test failed: ${error.message}`);
  process.exitCode = 1;
});
