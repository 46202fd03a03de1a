// Keras workbench: opens clean with the notes' two-input two-output model; the learner builds a
// two-input two-output model in the editor, fits it (Keras's log), saves the file, reloads the
// page, loads the file and fit() resumes with the same weights as an unbroken run; frozen
// layers keep bit-identical weights while the head trains; a malformed Keras file is refused
// at its place and the model stays; Korean on a phone does not overflow.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';

import { PHONE, hasHangul, screenshot, useBrowser } from './harness.mjs';

const LAPTOP = { width: 1366, height: 768 };
const b = useBrowser({ viewport: LAPTOP });

async function openLab(hash = '', opts = {}) {
  const page = await b.openApp(`#lab=workbench${hash}`, opts);
  await page.waitForFunction(() => window.nnplay.lab === 'workbench');
  await page.waitForFunction(() => Boolean(window.nnplay.workbench?.bench?.current));
  return page;
}

/** The model's weights in the lab's session, via a save of the session. */
const weightsData = (page) =>
  page.evaluate(async () => (await window.nnplay.workbench.bench.savedFile()).weights.data);

/** Waits until the session has trained `epochs` epochs in all and paused. */
async function fitEpochs(page, epochs) {
  await page.fill('#wb-epochs', String(epochs));
  await page.dispatchEvent('#wb-epochs', 'change');
  await page.waitForFunction((n) => window.nnplay.workbench.bench.current?.doc.fit.epochs === n, epochs);
  await page.click('#wb-fit');
  await page.waitForFunction(() => window.nnplay.session.lastProgress?.finished === true, null, {
    timeout: 60000,
  });
}

/** Waits for the current model to satisfy `fn(doc)`. */
const waitDoc = (page, fn) =>
  page.waitForFunction(`(${fn})(window.nnplay.workbench.bench.current?.doc ?? null)`);

test('workbench: opens with the notes model, its diagram, summary and Python', async () => {
  const page = await openLab();
  const summary = await page.textContent('#wb-summary');
  assert.match(summary, /Model: "two_in_two_out"/);
  assert.match(summary, /main_output \(Dense\)/);
  assert.equal(await page.locator('#wb-graph [data-layer]').count(), 7);
  await page.click('.wb-tab[data-tab="python"]');
  assert.match(await page.textContent('#wb-python'), /keras\.Model\(/);
  // The data picker: another built-in set, shaped for both inputs.
  await page.selectOption('#wb-data', 'moons');
  await waitDoc(page, (d) => d?.data?.name === 'moons');
  assert.match(await page.textContent('#wb-data-note'), /moons/);
  // A set that cannot fit is refused where the learner looks, and the model keeps its data.
  await page.selectOption('#wb-data', 'prototypes');
  await page.waitForFunction(() => /Not applied/.test(document.querySelector('#wb-status').textContent));
  assert.equal(await page.evaluate(() => window.nnplay.workbench.bench.current.doc.data.name), 'moons');
  await screenshot(page, 'workbench-open-en', { fullPage: true });
});

/** Every weight of the session's model by name (decoded from a save of the session). */
const weightsByName = (page) =>
  page.evaluate(async () => {
    const file = await window.nnplay.workbench.bench.savedFile();
    const bytes = Uint8Array.from(atob(file.weights.data), (c) => c.charCodeAt(0));
    const all = new Float32Array(bytes.buffer);
    const out = {};
    let at = 0;
    for (const { name, shape } of file.weights.manifest) {
      const n = shape.reduce((a, b) => a * b, 1);
      out[name] = Array.from(all.subarray(at, at + n));
      at += n;
    }
    return out;
  });

test('workbench: a two-input two-output model built in the editor trains, saves, reloads, loads and resumes', async () => {
  const page = await openLab();
  await page.selectOption('#wb-preset', 'notes-wide-deep');
  await waitDoc(page, (d) => d?.model.name === 'wide_deep');
  // A second input, read by the Concatenate.
  await page.click('[data-add-input]');
  await waitDoc(page, (d) => d?.model.inputs.length === 2);
  await page.check('.wb-row[data-layer="concat"] input[data-read="input_layer_1"]');
  await waitDoc(page, (d) => d?.model.layers[2].inputs.length === 3);
  // A second output: a Dense(1) reading hidden2; "output" stays an output.
  await page.selectOption('#wb-add-class', 'Dense');
  await page.click('[data-add]');
  await waitDoc(page, (d) => d?.model.layers.length === 5);
  await page.selectOption('.wb-row[data-layer="dense"] select[data-input]', 'hidden2');
  await waitDoc(page, (d) => d?.model.layers[4].inputs[0] === 'hidden2');
  await page.fill('.wb-row[data-layer="dense"] input[data-option="units"]', '1');
  await page.dispatchEvent('.wb-row[data-layer="dense"] input[data-option="units"]', 'change');
  await page.check('.wb-row[data-layer="output"] input[data-output]');
  await waitDoc(page, (d) => d?.model.outputs.length === 2 && d.model.layers[4].units === 1);
  const doc = await page.evaluate(() => window.nnplay.workbench.bench.current.doc);
  assert.deepEqual(
    doc.model.inputs.map((i) => i.name),
    ['input_layer', 'input_layer_1'],
  );
  assert.deepEqual(doc.model.outputs, ['output', 'dense']);
  assert.match(await page.textContent('#wb-summary'), /dense \(Dense\)/);
  assert.equal(await page.locator('#wb-graph [data-layer]').count(), 7);

  await fitEpochs(page, 2);
  const log = await page.textContent('#wb-log');
  assert.match(log, /Epoch 1\/2\n\d+\/\d+ ━{20} \d+s \d+\w+\/step - .*loss: \d/);
  assert.match(log, /Epoch 2\/2/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#wb-save')]);
  const saved = await download.path();
  // The unbroken run: two more epochs.
  await page.click('#wb-fit');
  await page.waitForFunction(() => window.nnplay.session.lastProgress?.epoch === 4);
  await page.waitForFunction(() => window.nnplay.session.lastProgress?.finished === true);
  const unbroken = await weightsData(page);

  // A reload keeps the model (with its weights after four epochs)...
  await page.reload();
  await page.waitForFunction(() => Boolean(window.nnplay?.workbench?.bench?.current));
  assert.ok((await weightsData(page)) === unbroken, 'the reload kept the weights');
  assert.match(await page.textContent('#wb-status'), /last time/);
  // ...and the saved file brings back the model after two epochs; fit() resumes from there.
  await page.setInputFiles('#wb-load', saved);
  await page.waitForFunction(() => /Loaded/.test(document.querySelector('#wb-files-status').textContent));
  assert.ok((await weightsData(page)) !== unbroken, 'the file holds the weights after two epochs');
  await page.click('#wb-fit');
  await page.waitForFunction(() => window.nnplay.session.lastProgress?.finished === true, null, {
    timeout: 60000,
  });
  assert.ok((await weightsData(page)) === unbroken, 'training resumed exactly where the file stopped');
  assert.ok(fs.existsSync(saved));
  await screenshot(page, 'workbench-two-in-two-out-en', { fullPage: true });
});

test('workbench: frozen layers keep bit-identical weights while the head trains', async () => {
  const page = await openLab();
  await page.selectOption('#wb-preset', 'notes-two-inputs');
  await waitDoc(page, (d) => d?.model.name === 'two_inputs');
  await fitEpochs(page, 1);
  for (const name of ['hidden1', 'hidden2']) {
    await page.uncheck(`.wb-row[data-layer="${name}"] input[data-trainable]`);
    await waitDoc(
      page,
      new Function('d', `return d?.model.layers.find((l) => l.name === '${name}').trainable === false`),
    );
  }
  const before = await weightsByName(page);
  assert.match(await page.textContent('#wb-summary'), /Non-trainable params: 1,140/);
  await fitEpochs(page, 3);
  const after = await weightsByName(page);
  for (const name of ['hidden1/kernel', 'hidden1/bias', 'hidden2/kernel', 'hidden2/bias']) {
    assert.deepEqual(after[name], before[name], `${name} frozen`);
  }
  assert.notDeepEqual(after['output/kernel'], before['output/kernel'], 'the head trained');
});

test('workbench: transfer learning: a new head keeps the trained base; load weights by name', async () => {
  const page = await openLab();
  await fitEpochs(page, 2);
  const trained = await weightsByName(page);
  // Freeze the base, then give main_output a new shape: a new head on the trained base.
  for (const name of ['hidden1', 'hidden2']) {
    await page.uncheck(`.wb-row[data-layer="${name}"] input[data-trainable]`);
    await waitDoc(
      page,
      new Function('d', `return d?.model.layers.find((l) => l.name === '${name}').trainable === false`),
    );
  }
  await page.fill('.wb-row[data-layer="main_output"] input[data-option="units"]', '2');
  await page.dispatchEvent('.wb-row[data-layer="main_output"] input[data-option="units"]', 'change');
  await waitDoc(page, (d) => d?.model.layers.find((l) => l.name === 'main_output').units === 2);
  assert.match(
    await page.textContent('#wb-status'),
    /kept for hidden1, hidden2, aux_output.*new weights for main_output/,
  );
  const base = await weightsByName(page);
  for (const name of ['hidden1/kernel', 'hidden1/bias', 'hidden2/kernel', 'aux_output/kernel']) {
    assert.deepEqual(base[name], trained[name], `${name} came over`);
  }
  assert.equal(base['main_output/kernel'].length, 35 * 2);
  await fitEpochs(page, 2);
  const after = await weightsByName(page);
  assert.deepEqual(after['hidden1/kernel'], trained['hidden1/kernel'], 'the frozen base stays');
  assert.notDeepEqual(after['main_output/kernel'], base['main_output/kernel'], 'the head trains');

  // Load weights by name: the first model's file into a fresh copy of this one.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#wb-save')]);
  const saved = await download.path();
  await page.click('#wb-reset');
  for (
    let i = 0;
    i < 50 && (await weightsByName(page))['hidden1/kernel'][0] === after['hidden1/kernel'][0];
    i += 1
  )
    await page.waitForTimeout(100);
  await page.setInputFiles('#wb-load-weights', saved);
  await page.waitForFunction(() => /into/.test(document.querySelector('#wb-status').textContent));
  const loaded = await weightsByName(page);
  for (const name of Object.keys(after))
    assert.deepEqual(loaded[name], after[name], `${name} loaded by name`);
});

test('workbench: a malformed Keras file is refused at its place and the model stays', async () => {
  const page = await openLab();
  const summary = await page.textContent('#wb-summary');
  const keras = {
    class_name: 'Sequential',
    config: {
      name: 'broken',
      layers: [
        { class_name: 'InputLayer', config: { batch_shape: [null, 4], name: 'in' } },
        { class_name: 'Dense', config: { name: 'd1', units: 8, activation: 'relu' } },
        { class_name: 'Dense', config: { name: 'd2', units: -3, activation: 'softmax' } },
      ],
    },
  };
  const dir = fs.mkdtempSync('/tmp/nnplay-wb-');
  const file = `${dir}/broken.json`;
  fs.writeFileSync(file, JSON.stringify(keras, null, 2));
  await page.setInputFiles('#wb-import', file);
  await page.waitForFunction(() => /not loaded/.test(document.querySelector('#wb-files-status').textContent));
  const status = await page.textContent('#wb-files-status');
  assert.match(status, /broken\.json/);
  assert.match(status, /\/config\/layers\/2\/config\/units/);
  assert.match(status, /line 28/); // the units line of the third layer
  assert.equal(await page.textContent('#wb-summary'), summary, 'the model stays');
  // Not JSON at all: line and column of the fault.
  fs.writeFileSync(file, '{\n  "class_name": "Sequential",\n  "config": {]\n}');
  await page.setInputFiles('#wb-import', file);
  await page.waitForFunction(() => /not JSON/.test(document.querySelector('#wb-files-status').textContent));
  assert.match(await page.textContent('#wb-files-status'), /line 3, column 14/);
  assert.equal(await page.textContent('#wb-summary'), summary);
  fs.rmSync(dir, { recursive: true, force: true });
  // The same Keras model pasted into the JSON tab: refused at its line there; an empty object too.
  await page.click('.wb-tab[data-tab="json"]');
  await page.fill('#wb-json', JSON.stringify(keras, null, 2));
  await page.click('#wb-apply');
  await page.waitForFunction(() => /line 28:/i.test(document.querySelector('#wb-json-error').textContent));
  assert.match(await page.textContent('#wb-status'), /Not applied.*units/);
  await page.fill('#wb-json', '{}');
  await page.click('#wb-apply');
  await page.waitForFunction(() => /model/.test(document.querySelector('#wb-status').textContent));
  assert.match(await page.textContent('#wb-status'), /Not applied/);
  assert.equal(await page.textContent('#wb-summary'), summary, 'the model stays');
  assert.equal(await page.locator('#wb-layers .wb-row').count(), 7, 'the rows show the model as it is');
});

test('workbench: a Reshape row takes a target shape with one -1; a size that does not fit is refused', async () => {
  const page = await openLab();
  await page.selectOption('#wb-preset', 'notes-sequential');
  await waitDoc(page, (d) => d?.model.name === 'sequential');
  await page.selectOption('#wb-add-class', 'Reshape');
  await page.click('[data-add]');
  await waitDoc(page, (d) => d?.model.layers.at(-1)?.type === 'reshape');
  // Dense(10) on each of the 28 rows: (28, 10) becomes (40, 7) with -1 worked out.
  const field = '.wb-row[data-layer="reshape"] input[data-option="target_shape"]';
  await page.fill(field, '-1, 7');
  await page.dispatchEvent(field, 'change');
  await waitDoc(page, (d) => d?.model.layers.at(-1)?.target_shape?.join() === '-1,7');
  assert.match(await page.textContent('#wb-summary'), /reshape \(Reshape\) +\(None, 40, 7\) +0/);
  await page.click('.wb-tab[data-tab="python"]');
  assert.match(await page.textContent('#wb-python'), /layers\.Reshape\(\(-1, 7\), name="reshape"\)/);
  // Two -1 are refused at the field; a size that does not fit by the engine; the model stays.
  await page.click('.wb-tab[data-tab="layers"]');
  await page.fill(field, '-1, -1');
  await page.dispatchEvent(field, 'change');
  await page.waitForFunction(() =>
    /-1 \(Keras works it out\)/.test(
      document.querySelector('.wb-row[data-layer="reshape"] .field-message')?.textContent,
    ),
  );
  await page.fill(field, '3, 3');
  await page.dispatchEvent(field, 'change');
  await page.waitForFunction(() =>
    /Not applied.*280 values/.test(document.querySelector('#wb-status').textContent),
  );
  const doc = await page.evaluate(() => window.nnplay.workbench.bench.current.doc);
  assert.deepEqual(doc.model.layers.at(-1).target_shape, [-1, 7]);
});

test('workbench: the TF.js export imports back with the same weights and outputs', async () => {
  const page = await openLab();
  await fitEpochs(page, 1);
  const trained = await weightsData(page);
  assert.match(await page.textContent('#wb-log'), /Epoch 1\/1|loss/);
  const dir = fs.mkdtempSync('/tmp/nnplay-wb-');
  const saved = [];
  const downloads = [];
  page.on('download', (d) => downloads.push(d));
  await page.click('#wb-export-tfjs');
  await page.waitForFunction(() =>
    /model\.weights\.bin/.test(document.querySelector('#wb-files-status').textContent),
  );
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.equal(downloads.length, 2, 'model.json and model.weights.bin');
  for (const d of downloads) {
    const file = `${dir}/${d.suggestedFilename()}`;
    await d.saveAs(file);
    saved.push(file);
  }
  assert.deepEqual(saved.map((f) => f.split('/').pop()).sort(), ['model.json', 'model.weights.bin']);
  // A fresh model first, so the import has something to replace.
  await page.click('#wb-reset');
  for (let i = 0; i < 50 && (await weightsData(page)) === trained; i += 1) await page.waitForTimeout(100);
  await page.waitForFunction(() => document.querySelector('#wb-log').textContent === '');
  assert.ok((await weightsData(page)) !== trained, 'the reset re-initialised the weights');
  await page.setInputFiles('#wb-import-tfjs', saved);
  await page.waitForFunction(() => /Imported/.test(document.querySelector('#wb-files-status').textContent));
  assert.ok((await weightsData(page)) === trained, 'the imported weights are the exported ones');
  assert.match(await page.textContent('#wb-summary'), /main_output \(Dense\)/);
  // One file alone is refused with what to pick.
  await page.setInputFiles('#wb-import-tfjs', saved[0]);
  await page.waitForFunction(() => /two files/.test(document.querySelector('#wb-files-status').textContent));
  fs.rmSync(dir, { recursive: true, force: true });
});

test('workbench: another lab hands over its trained model; Undo brings back the workbench model', async () => {
  const page = await openLab();
  const own = await page.evaluate(() => window.nnplay.workbench.bench.current.doc.model.name);
  await page.click('#lab-tabs [data-lab="mlp"]');
  await page.waitForFunction(() => window.nnplay.lab === 'mlp' && window.nnplay.session.handle?.configured);
  assert.equal(await page.isHidden('#to-workbench'), false, 'the mlp lab offers the workbench');
  await page.click('#step');
  await page.click('#step');
  await page.waitForFunction(() => window.nnplay.session.lastProgress?.iterations === 2);
  const mlpWeights = await page.evaluate(
    async () => (await window.nnplay.session.handle.call({ op: 'save' })).file.weights.data,
  );
  await page.click('#to-workbench');
  await page.waitForFunction(
    () => window.nnplay.lab === 'workbench' && window.nnplay.workbench?.bench?.current,
  );
  await page.waitForFunction(() => /Multi-layer/.test(document.querySelector('#wb-status').textContent));
  assert.ok((await weightsData(page)) === mlpWeights, 'the trained weights came along');
  assert.equal(await page.isHidden('#to-workbench'), true, 'not offered on the workbench itself');
  await page.click('#wb-undo');
  await page.waitForFunction((name) => window.nnplay.workbench.bench.current.doc.model.name === name, own);
});

test('workbench: Korean on a phone fits the screen', async () => {
  const page = await openLab('&lang=ko', { viewport: PHONE });
  assert.ok(hasHangul(await page.textContent('#wb-model-title')));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `overflows by ${overflow}px`);
  await screenshot(page, 'workbench-phone-ko', { fullPage: true });
});
