// Keras workbench, real data: Fashion-MNIST picked in the Data menu trains the notes' Flatten
// model (accuracy in Keras's log) and comes back after a reload; the learner's CSV trains a
// small Dense model and is kept across a reload; a bad CSV is refused in words naming its row
// and column, and the model and its data stay as they were.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { screenshot, useBrowser } from './harness.mjs';

const b = useBrowser({ viewport: { width: 1366, height: 768 } });

async function openLab() {
  const page = await b.openApp('#lab=workbench');
  // Generous waits: the machine running the tests may be busy with builds.
  await page.waitForFunction(() => window.nnplay.lab === 'workbench', null, { timeout: 30000 });
  await page.waitForFunction(() => Boolean(window.nnplay.workbench?.bench?.current), null, {
    timeout: 30000,
  });
  return page;
}

/** Waits for `fn(bench)` to hold (a string: it runs in the page). */
const waitBench = (page, fn) =>
  page.waitForFunction(`(${fn})(window.nnplay.workbench.bench)`, null, { timeout: 30000 });

/** Sets a number field of the compile pane and sends its change event. */
async function setNumber(page, selector, value) {
  await page.fill(selector, String(value));
  await page.dispatchEvent(selector, 'change');
}

/** Trains one epoch from fresh weights' position and waits for its end. */
async function fitOneEpoch(page) {
  await setNumber(page, '#wb-epochs', 1);
  await waitBench(page, (bench) => bench.current?.doc.fit.epochs === 1);
  await page.click('#wb-fit');
  await page.waitForFunction(() => window.nnplay.session.lastProgress?.finished === true, null, {
    timeout: 60000,
  });
}

test('workbench data: Fashion-MNIST trains the Flatten model and is kept across a reload', async () => {
  const page = await openLab();
  await page.selectOption('#wb-preset', 'notes-flatten');
  await waitBench(page, (bench) => bench.current?.doc.model.name === 'functional');
  await page.selectOption('#wb-data', 'fashion-mnist');
  await page.waitForFunction(
    () => /Data changed/.test(document.querySelector('#wb-status').textContent),
    null,
    {
      timeout: 30000,
    },
  );
  assert.equal(await page.evaluate(() => window.nnplay.workbench.bench.data.kind), 'images');
  assert.match(await page.textContent('#wb-data-note'), /Fashion-MNIST, the first 2000 training images/);
  assert.equal(await page.evaluate(() => window.nnplay.workbench.bench.current.doc.data), undefined);
  await setNumber(page, '#wb-data-n', 600);
  await waitBench(page, (bench) => bench.data?.samples === 600);
  await page.waitForFunction(() => /first 600/.test(document.querySelector('#wb-data-note').textContent));
  assert.equal(await page.inputValue('#wb-data'), 'fashion-mnist');
  await fitOneEpoch(page);
  const log = await page.textContent('#wb-log');
  // One epoch has no "Epoch 1/1" header (Keras prints none either): 600 images in 19 batches.
  assert.match(log, /^19\/19 ━{20} .*accuracy: 0\.\d+/m);
  await screenshot(page, 'workbench-fashion-en', { fullPage: true });

  await page.reload();
  await page.waitForFunction(() => Boolean(window.nnplay?.workbench?.bench?.current));
  await waitBench(page, (bench) => bench.data?.kind === 'images' && bench.data.samples === 600);
  await page.waitForFunction(() =>
    /with its weights and its data/.test(document.querySelector('#wb-status').textContent),
  );
  await page.waitForFunction(() =>
    /Fashion-MNIST, the first 600/.test(document.querySelector('#wb-data-note').textContent),
  );
  assert.equal(await page.inputValue('#wb-data'), 'fashion-mnist');
  assert.equal(await page.inputValue('#wb-data-n'), '600');
});

const TINY = {
  schema: 1,
  model: {
    type: 'sequential',
    name: 'tiny',
    seed: 0,
    input_shape: [2],
    layers: [
      { type: 'dense', name: 'hidden', units: 8, activation: 'relu' },
      { type: 'dense', name: 'out', units: 3, activation: 'softmax' },
    ],
  },
  compile: { optimizer: 'adam', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] },
  fit: { epochs: 1, batch_size: 16 },
};

/** Writes `text` to a temporary file named `name`; returns its path. */
function tempFile(name, text) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nnplay-csv-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

test('workbench data: a CSV trains a small Dense model; a bad CSV is refused and changes nothing', async () => {
  const page = await openLab();
  await page.click('.wb-tab[data-tab="json"]');
  await page.fill('#wb-json', JSON.stringify(TINY, null, 2));
  await page.click('#wb-apply');
  await waitBench(page, (bench) => bench.current?.doc.model.name === 'tiny');

  await page.selectOption('#wb-data', 'csv');
  await page.waitForSelector('#wb-data-csv');
  assert.match(await page.textContent('#wb-status'), /Pick a CSV file/);
  const rows = Array.from({ length: 64 }, (_, i) => `${(i % 8) / 8},${i / 64},${i % 3}`);
  await page.setInputFiles('#wb-data-csv', tempFile('points.csv', ['x1,x2,label', ...rows].join('\n')));
  await page.waitForFunction(() => /Data changed/.test(document.querySelector('#wb-status').textContent));
  assert.equal(await page.evaluate(() => window.nnplay.workbench.bench.data.kind), 'csv');
  assert.match(await page.textContent('#wb-data-note'), /points\.csv, 64 rows of 3 columns/);
  assert.match(await page.textContent('#wb-data-file'), /points\.csv/);
  await fitOneEpoch(page);
  assert.match(await page.textContent('#wb-log'), /^4\/4 ━{20} .*accuracy: 0\.\d+/m);

  // A cell that is not a number: refused by row and column; the model and its data stay.
  await page.setInputFiles('#wb-data-csv', tempFile('bad.csv', 'x1,x2,label\n1,2,0\n3,abc,1\n'));
  await page.waitForFunction(() =>
    /bad\.csv was not used/.test(document.querySelector('#wb-status').textContent),
  );
  assert.match(await page.textContent('#wb-status'), /row 3: x2 "abc" is not a number/);
  // Columns the model does not have: the message counts what it needs.
  await page.setInputFiles('#wb-data-csv', tempFile('wide.csv', '1,2,3,0\n4,5,6,1\n'));
  await page.waitForFunction(() =>
    /wide\.csv was not used/.test(document.querySelector('#wb-status').textContent),
  );
  assert.match(await page.textContent('#wb-status'), /the CSV has 4 columns and the model needs 3/);
  assert.equal(await page.evaluate(() => window.nnplay.workbench.bench.data.name), 'points.csv');
  assert.equal(await page.evaluate(() => window.nnplay.workbench.bench.current.doc.model.name), 'tiny');
  await screenshot(page, 'workbench-csv-en', { fullPage: true });

  // A reload keeps the model and the CSV.
  await page.reload();
  await page.waitForFunction(() => Boolean(window.nnplay?.workbench?.bench?.current));
  await waitBench(page, (bench) => bench.data?.kind === 'csv' && bench.data.name === 'points.csv');
  await page.waitForFunction(() =>
    /points\.csv, 64 rows/.test(document.querySelector('#wb-data-note').textContent),
  );
  assert.equal(await page.inputValue('#wb-data'), 'csv');
  assert.equal(await page.evaluate(() => window.nnplay.workbench.bench.current.doc.model.name), 'tiny');
});
