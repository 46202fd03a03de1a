// The engine relay's supervision in the page: a worker that dies is restarted and the lab works
// again (with a banner saying so), a slow module download (6 s) is shown as progress and is not
// a failure, and two sessions train side by side in the page's one worker.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { markEvents, pauseTraining, screenshot, useBrowser, waitConfigured, waitReady } from './harness.mjs';

const b = useBrowser();

test('a killed engine worker is restarted, the banner says so, and Train works again', async () => {
  const page = await b.openApp('#lab=mlp&preset=mlp-circle');
  await waitConfigured(page);
  const mark = await markEvents(page);
  await page.evaluate(() => {
    const { relay } = window.nnplay;
    const dead = relay.worker;
    dead.terminate();
    dead.onerror(new ErrorEvent('error', { message: 'killed by the test' }));
  });
  await page.waitForFunction(() =>
    /restarted/.test(document.querySelector('#error:not([hidden])')?.textContent ?? ''),
  );
  await waitConfigured(page, mark);
  assert.notEqual(await page.evaluate(() => window.nnplay.relay.worker), null, 'a new worker');
  await screenshot(page, 'supervision-restarted');
  await page.click('#play');
  await page.waitForFunction(() => (window.nnplay.session.lastProgress?.epoch ?? 0) >= 3, null, {
    timeout: 20000,
  });
  await pauseTraining(page);
  await page.waitForFunction(() => !window.nnplay.session.running);
  const text = await page.locator('#error-text').innerText();
  assert.match(text, /settings are kept/i);
});

test('a 6 s module download shows its progress and the page still starts', async () => {
  b.setWasmDelay(6000);
  try {
    await b.clearStorage();
    const page = await b.open('/#lab=mlp&preset=mlp-circle');
    await page.waitForFunction(() => /\d+ %/.test(document.querySelector('#lab')?.textContent ?? ''));
    const shown = await page.locator('#lab').innerText();
    assert.match(shown, /Loading the engine… \d+ %/);
    await waitReady(page, 30000);
    await waitConfigured(page);
  } finally {
    b.setWasmDelay(0);
  }
});

test('an engine that cannot start says so in the page and to the host page', async () => {
  b.setWasmBroken(true);
  try {
    await b.clearStorage();
    // The failed start is the point of this test: its console errors are expected.
    const host = await b.open('/__host__/host.html', { allow: [/./] });
    await host.waitForFunction(() => window.received.some((m) => m.type === 'error'), null, {
      timeout: 60000,
    });
    const error = await host.evaluate(() => window.received.find((m) => m.type === 'error'));
    assert.match(error.message, /engine/i, 'the host hears why');
    const frame = host.frames().find((f) => f !== host.mainFrame());
    await frame.waitForFunction(() => !document.getElementById('error').hidden);
    assert.match(await frame.locator('#error').innerText(), /engine/i, 'the page shows it');
  } finally {
    b.setWasmBroken(false);
  }
});

test('two sessions in the page train side by side with their own session ids', async () => {
  const page = await b.openApp('#lab=mlp&preset=mlp-circle');
  await waitConfigured(page);
  await page.evaluate(async () => {
    const { relay, session } = window.nnplay;
    window.__wire = [];
    relay.worker.addEventListener('message', ({ data }) => {
      if (data.type === 'progress')
        window.__wire.push({ session: data.session, iterations: data.answer.iterations });
    });
    const first = session.handle;
    const second = relay.session('second');
    await second.configure(first.configuration);
    first.play();
    second.play();
  });
  await page.waitForFunction(
    () => ['mlp', 'second'].every((s) => window.__wire.filter((p) => p.session === s).length >= 5),
    null,
    { timeout: 20000 },
  );
  const wire = await page.evaluate(() => {
    window.nnplay.session.pause();
    window.nnplay.relay.session('second').close();
    return window.__wire;
  });
  assert.ok(
    wire.every((p) => p.session === 'mlp' || p.session === 'second'),
    'every event names its session',
  );
  for (const name of ['mlp', 'second']) {
    const iterations = wire.filter((p) => p.session === name).map((p) => p.iterations);
    assert.ok(
      iterations.every((n, i) => i === 0 || n > iterations[i - 1]),
      `${name}: ${iterations}`,
    );
  }
  await page.waitForFunction(() => !window.nnplay.session.running);
});
