// The images lab's views in a real browser, on synthetic data (no engine, no data files): the
// confusion matrix's cells call back by click and by keyboard, the draw pad turns mouse strokes
// into pixels and refuses an empty pad, the weight images draw every unit on its colour scale,
// the viewer closes on Escape / its button / a click outside and gives the focus back, and
// nothing is wider than a 1366 px laptop's lab column or a 390 px phone. Screenshots of both.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { screenshot, useBrowser } from './harness.mjs';

const b = useBrowser();
const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const FASHION = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
];

/** Opens a blank page on the app's origin with the palette and views.css, and mounts every
 *  view with synthetic data in a column as wide as the lab's (window.views holds them,
 *  window.calls the callbacks' arguments). */
async function mountViews(viewport) {
  const page = await b.open('/__host__/blank.html', { viewport });
  await page.evaluate(async (classNames) => {
    for (const href of ['/css/main.css', '/js/labs/images/views/views.css']) {
      const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
      const loaded = new Promise((resolve) => link.addEventListener('load', resolve));
      document.head.append(link);
      await loaded;
    }
    const base = '/js/labs/images/views/';
    const [{ ConfusionView }, { SampleGrid }, { ClassAccuracyView }, { WeightImages }, { DrawPad }] =
      await Promise.all(
        ['confusion-view', 'sample-grid', 'class-accuracy-view', 'weight-images', 'draw-pad'].map(
          (m) => import(`${base}${m}.mjs`),
        ),
      );
    const { ImageViewer } = await import(`${base}image-viewer.mjs`);
    const { confusionMatrix, classAccuracy, predictedClasses } = await import(`${base}predictions.mjs`);
    // The page's frame as the shell lays it out: controls on the left from 761 px, the lab beside.
    const phone = innerWidth <= 760;
    document.body.innerHTML = `<main class="workspace${phone ? ' no-panels' : ''}"><aside class="controls">
      <div class="panel"><h2>controls</h2></div></aside><section class="lab" style="display:grid;gap:16px;
      grid-template-columns:${phone ? 'minmax(0,1fr)' : 'repeat(2,minmax(0,1fr))'}">
      <div id="confusion"></div><div id="accuracy"></div><div id="samples"></div><div id="weights"></div>
      <div id="pad"></div><div id="viewer"></div></section></main>`;
    const el = (id) => document.getElementById(id);
    // 1,000 synthetic test images, 100 per class: image i of class c is a bar at row 2c+3, with a
    // model that is right on 80 of each class's 100 and otherwise takes class c + 1, c + 2 or
    // c + 3 (7, 7 and 6 images).
    const n = 1000;
    const labels = new Uint8Array(n);
    const pixels = new Uint8Array(n * 784);
    const probabilities = new Float32Array(n * 10);
    for (let i = 0; i < n; i += 1) {
      const c = i % 10;
      labels[i] = c;
      for (let x = 4; x < 24; x += 1) {
        pixels[i * 784 + (2 * c + 3) * 28 + x] = 255;
        pixels[i * 784 + (2 * c + 4) * 28 + x] = 120 + ((x * 7) % 100);
      }
      const k = Math.floor(i / 10);
      const guess = k % 5 === 0 ? (c + 1 + ((k / 5) % 3)) % 10 : c;
      probabilities.fill(0.02, i * 10, i * 10 + 10);
      probabilities[i * 10 + guess] = 0.82;
    }
    const matrix = confusionMatrix(labels, probabilities, 10);
    const { predicted, confidence } = predictedClasses(probabilities, 10);
    window.calls = { cells: [], pad: [] };
    window.data = { matrix, pixels };
    const views = {};
    views.confusion = new ConfusionView(el('confusion'), {
      classNames,
      labels: { trueAxis: 'True class', predictedAxis: 'Predicted class' },
      onCell: (t, p) => window.calls.cells.push([t, p]),
    });
    views.confusion.update({ counts: matrix.counts, classes: 10 });
    views.accuracy = new ClassAccuracyView(el('accuracy'), { classNames });
    views.accuracy.update(classAccuracy(matrix));
    views.samples = new SampleGrid(el('samples'), { classNames });
    views.samples.update({
      images: Array.from({ length: 12 }, (_, k) => {
        const i = k * 7;
        return {
          pixels: pixels.subarray(i * 784, i * 784 + 784),
          label: labels[i],
          predicted: predicted[i],
          confidence: confidence[i],
        };
      }),
    });
    // Unit u's weights: pixel p of a 28×28 ramp, negative on the left, positive on the right,
    // scaled by (u + 1) / units; the last unit is all negative.
    window.weightKernel = (units) => {
      const kernel = new Float32Array(784 * units);
      for (let p = 0; p < 784; p += 1) {
        for (let u = 0; u < units; u += 1) {
          const ramp = ((p % 28) - 13.5) / 13.5;
          kernel[p * units + u] = u === units - 1 ? -0.25 : (0.25 * ramp * (u + 1)) / units;
        }
      }
      return kernel;
    };
    views.weights = new WeightImages(el('weights'), {
      labels: { legend: 'weight', unit: (u) => `unit ${u}` },
    });
    views.weights.update({ kernel: window.weightKernel(100), units: 100 });
    views.pad = new DrawPad(el('pad'), {
      labels: { clear: 'Clear', empty: 'Draw on the pad to see a prediction.' },
      onChange: (values) => window.calls.pad.push(values),
    });
    views.viewer = new ImageViewer(el('viewer'), {
      labels: { close: 'Close', more: (k) => `and ${k} more` },
    });
    window.views = views;
    window.openCell = (t, p) => {
      const cell = matrix.cells[t * 10 + p];
      views.viewer.open({
        title: `True: ${classNames[t]} · Predicted: ${classNames[p]} (${cell.length})`,
        images: cell.map((i) => ({
          pixels: pixels.subarray(i * 784, i * 784 + 784),
          caption: `True: ${classNames[labels[i]]} · Predicted: ${classNames[predicted[i]]} (${Math.round(confidence[i] * 100)}\u00a0%)`,
          wrong: labels[i] !== predicted[i],
        })),
      });
    };
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  }, FASHION);
  return page;
}

/** Elements wider than their box or the page wider than the window: [] when all fit. */
async function overflows(page) {
  return page.evaluate(() => {
    const out = [];
    if (document.documentElement.scrollWidth > innerWidth) {
      out.push(`page ${document.documentElement.scrollWidth} > ${innerWidth}`);
    }
    for (const id of ['confusion', 'accuracy', 'samples', 'weights', 'pad']) {
      const el = document.getElementById(id);
      const box = el.getBoundingClientRect();
      if (el.scrollWidth > el.clientWidth + 1)
        out.push(`#${id} scrolls: ${el.scrollWidth} > ${el.clientWidth}`);
      for (const child of el.querySelectorAll('*')) {
        const r = child.getBoundingClientRect();
        if (r.width && r.right > box.right + 1) {
          out.push(`#${id} ${child.className || child.tagName}: right ${r.right} > ${box.right}`);
          break;
        }
      }
    }
    return out;
  });
}

for (const [name, viewport] of [
  ['laptop', LAPTOP],
  ['phone', PHONE],
]) {
  test(`${name}: every view fits, the confusion cells call back by click and keyboard`, async () => {
    const page = await mountViews(viewport);
    assert.deepEqual(await overflows(page), []);
    // The diagonal counts 80 of each class's 100; the cell (3, 4) 7 and it shows its count.
    const cell = page.locator('#confusion button[data-true="3"][data-predicted="4"]');
    assert.equal(await cell.textContent(), '7');
    assert.equal(
      await page.locator('#confusion button[data-true="2"][data-predicted="2"]').textContent(),
      '80',
    );
    assert.equal(await page.locator('#confusion button').count(), 100);
    await cell.click();
    assert.deepEqual(await page.evaluate(() => window.calls.cells), [[3, 4]]);
    // One tab stop, the clicked cell; arrows move, Enter calls back.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    assert.deepEqual(await page.evaluate(() => window.calls.cells.at(-1)), [4, 5]);
    assert.equal(await page.locator('#confusion button[tabindex="0"]').count(), 1);
    // Cells are at least 20 px wide (tappable) and the column names are not cut to nothing.
    const size = await cell.boundingBox();
    assert.ok(size.width >= 20 && size.height >= 16, `cell ${size.width}×${size.height}`);
    const heads = await page.$$eval('#confusion .img-confusion-col', (els) =>
      els.map((e) => e.getBoundingClientRect().height),
    );
    assert.ok(Math.min(...heads) > 30, `column heads ${heads.join(', ')}`);
    // The diagonal is shaded blue, a mistake red (the shade grows with the share of the row).
    const colours = await page.evaluate(() => ({
      right: getComputedStyle(document.querySelector('#confusion [data-cell="22"]')).backgroundColor,
      wrong: getComputedStyle(document.querySelector('#confusion [data-cell="34"]')).backgroundColor,
      none: getComputedStyle(document.querySelector('#confusion [data-cell="39"]')).backgroundColor,
    }));
    const rgb = (s) =>
      s
        .match(/[\d.]+/g)
        .slice(0, 3)
        .map(Number);
    const toRgb = (s) => (/^color\(srgb/.test(s) ? rgb(s).map((v) => Math.round(v * 255)) : rgb(s));
    const [rr, , rb] = toRgb(colours.right);
    const [wr, wg, wb] = toRgb(colours.wrong);
    assert.ok(rb > rr + 60, `diagonal is blue: ${colours.right}`);
    assert.ok(wr > wb + 20 && wr > wg + 20, `a mistake is red: ${colours.wrong}`);
    assert.deepEqual(toRgb(colours.none), [255, 255, 255], `an empty cell is paper: ${colours.none}`);
    // The accuracy bars write each class's share.
    const values = await page.$$eval('#accuracy .img-bar-value', (els) => els.map((e) => e.textContent));
    assert.equal(values.length, 10);
    assert.ok(
      values.every((v) => /80\.0\u00a0%$/.test(v)),
      values.join(', '),
    );
    // Mistakes in the sample grid: a dashed frame and a ✗.
    const marks = await page.$$eval('#samples .img-sample', (els) =>
      els.map((e) => [
        e.classList.contains('img-sample-wrong'),
        e.querySelector('.img-sample-mark').textContent,
      ]),
    );
    assert.ok(
      marks.some(([wrong, m]) => wrong && m === '✗') && marks.some(([wrong, m]) => !wrong && m === '✓'),
    );
    const dashed = await page.$eval(
      '#samples .img-sample-wrong .img-sample-frame',
      (e) => getComputedStyle(e).borderTopStyle,
    );
    assert.equal(dashed, 'dashed');
    await screenshot(page, `images-views-${name}`, { fullPage: true });
    // The full test set's counts (1,000 per class) still fit their cells.
    const cut = await page.evaluate(() => {
      const counts = Int32Array.from({ length: 100 }, (_, i) =>
        i % 11 === 0 ? 1000 : i % 7 === 0 ? 100 : 0,
      );
      window.views.confusion.update({ counts, classes: 10 });
      return [...document.querySelectorAll('#confusion .img-cell')]
        .filter((c) => c.scrollWidth > c.clientWidth)
        .map((c) => `${c.textContent} ${c.scrollWidth} > ${c.clientWidth}`);
    });
    await screenshot(page, `images-views-confusion-1000-${name}`, {
      clip: await page.locator('#confusion').boundingBox(),
    });
    assert.deepEqual(cut, [], 'counts wider than their cells');
  });
}

test('the image viewer lists a cell, closes on Escape, button and outside click, and gives focus back', async () => {
  for (const viewport of [LAPTOP, PHONE]) {
    const page = await mountViews(viewport);
    await page.evaluate(() => {
      window.views.confusion.onCell = (t, p) => window.openCell(t, p);
    });
    const cell = page.locator('#confusion button[data-true="6"][data-predicted="6"]');
    await cell.click();
    const dialog = page.locator('dialog.img-viewer');
    assert.ok(await dialog.evaluate((d) => d.open));
    assert.equal(await page.locator('.img-viewer-item').count(), 80);
    assert.match(
      await page.locator('.img-viewer-title').textContent(),
      /True: Shirt · Predicted: Shirt \(80\)/,
    );
    assert.equal(await page.evaluate(() => document.activeElement.className), 'img-viewer-close');
    const fits = await dialog.evaluate((d) => d.getBoundingClientRect().right <= innerWidth);
    assert.ok(fits, 'the dialog fits the window');
    await screenshot(page, `images-views-viewer-${viewport.width}`);
    await page.keyboard.press('Escape');
    assert.equal(await dialog.evaluate((d) => d.open), false);
    assert.equal(
      await page.evaluate(() => document.activeElement.dataset.cell),
      '66',
      'focus back on the cell',
    );
    // The close button, then a click on the backdrop.
    await page.locator('#confusion button[data-true="6"][data-predicted="7"]').click();
    assert.ok(await dialog.evaluate((d) => d.open));
    await page.click('.img-viewer-close');
    assert.equal(await dialog.evaluate((d) => d.open), false);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.cell), '67');
    await page.locator('#confusion button[data-true="6"][data-predicted="7"]').click();
    await page.mouse.click(3, viewport.height - 3);
    assert.equal(await dialog.evaluate((d) => d.open), false, 'a click outside closes it');
    // More than 100 images: 100 drawn, "and N more".
    await page.evaluate(() => {
      const pixels = window.data.pixels;
      window.views.viewer.open({
        title: 'all',
        images: Array.from({ length: 130 }, (_, i) => ({
          pixels: pixels.subarray(i * 784, i * 784 + 784),
          caption: `#${i}`,
        })),
      });
    });
    assert.equal(await page.locator('.img-viewer-item').count(), 100);
    assert.equal(await page.locator('.img-viewer-more').textContent(), 'and 30 more');
    await page.keyboard.press('Escape');
  }
});

test('draw pad: mouse strokes give pixels to onChange, Clear empties it and an empty pad is refused', async () => {
  for (const viewport of [LAPTOP, PHONE]) {
    const page = await mountViews(viewport);
    const pad = page.locator('#pad canvas');
    await pad.scrollIntoViewIfNeeded();
    const box = await pad.boundingBox();
    assert.equal(Math.round(box.width), viewport === PHONE ? 170 : 226, 'pad size with its border');
    const note = page.locator('#pad .img-pad-note');
    assert.equal(await note.textContent(), 'Draw on the pad to see a prediction.', 'the empty pad says why');
    // A stroke from the top left to the bottom right third of the pad, in 12 moves.
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.25);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.75, { steps: 12 });
    await page.mouse.up();
    await page.waitForFunction(() => window.calls.pad.length > 0);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await screenshot(page, `images-views-pad-stroke-${viewport.width}`, {
      clip: await page.locator('#pad').boundingBox(),
    });
    const drawn = await page.evaluate(() => {
      const last = window.calls.pad.at(-1);
      let ink = 0;
      let lit = 0;
      for (const v of last) {
        ink += v;
        if (v > 0) lit += 1;
      }
      const at = (x, y) => last[y * 28 + x];
      return { length: last.length, ink, lit, centre: at(14, 14), corner: at(0, 0), max: Math.max(...last) };
    });
    assert.equal(drawn.length, 784);
    assert.equal(drawn.max, 1);
    assert.equal(drawn.corner, 0);
    assert.ok(drawn.centre > 0.5, `the stroke crosses the centre: ${drawn.centre}`);
    assert.ok(drawn.lit > 40 && drawn.lit < 300, `pixels lit: ${drawn.lit}`);
    assert.equal(await note.textContent(), '');
    const moved = await pad.boundingBox();
    assert.deepEqual([moved.x, moved.y], [box.x, box.y], 'the pad did not move under the stroke');
    // The prediction's bars: ten, the top one marked.
    await page.evaluate(() => {
      const p = [0.01, 0.02, 0.05, 0.6, 0.1, 0.02, 0.1, 0.05, 0.03, 0.02];
      window.views.pad.showPrediction({ classNames: window.views.confusion.classNames, probabilities: p });
    });
    assert.equal(await page.locator('#pad .img-pad-bars li').count(), 10);
    assert.match(await page.locator('#pad .img-pad-top').textContent(), /▶ Dress.*60\u00a0%/);
    assert.deepEqual(await overflows(page), []);
    await screenshot(page, `images-views-pad-${viewport.width}`, {
      clip: await page.locator('#pad').boundingBox(),
    });
    // Clear: the bars go, the reason shows, and the empty pad is refused.
    const calls = await page.evaluate(() => window.calls.pad.length);
    await page.click('#pad .img-pad-clear');
    assert.equal(await page.locator('#pad .img-pad-bars li').count(), 0);
    assert.equal(
      await page.locator('#pad .img-pad-note').textContent(),
      'Draw on the pad to see a prediction.',
    );
    assert.equal(await page.evaluate(() => window.views.pad.submit()), false);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.equal(await page.evaluate(() => window.calls.pad.length), calls, 'no onChange for an empty pad');
    // A right-click draws nothing.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: 'right' });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.equal(await page.evaluate(() => window.calls.pad.length), calls);
  }
});

test('weight images: every unit drawn on one shared diverging scale, up to 512 in one canvas', async () => {
  const page = await mountViews(LAPTOP);
  for (const units of [10, 100, 512]) {
    const info = await page.evaluate(async (k) => {
      const view = window.views.weights;
      view.update({ kernel: window.weightKernel(k), units: k });
      const { tile, columns } = view.geometry;
      const canvas = view.canvas;
      const ctx = canvas.getContext('2d');
      const ratio = canvas.width / parseFloat(canvas.style.width);
      /** The colour at the middle of column `col` (0..27) of unit u's tile. */
      const sample = (u, col) => {
        const x = ((u % columns) * (tile + 2) + ((col + 0.5) * tile) / 28) * ratio;
        const y = (Math.floor(u / columns) * (tile + 2) + tile / 2) * ratio;
        return [...ctx.getImageData(Math.floor(x), Math.floor(y), 1, 1).data].slice(0, 3);
      };
      return {
        tile,
        columns,
        canvases: document.querySelectorAll('#weights canvas').length,
        cssWidth: parseFloat(canvas.style.width),
        cssHeight: parseFloat(canvas.style.height),
        boxWidth: document.getElementById('weights').clientWidth,
        rows: Math.ceil(k / columns),
        lo: document.querySelector('.img-weights-lo').textContent,
        hi: document.querySelector('.img-weights-hi').textContent,
        firstLeft: sample(k - 2, 1),
        firstRight: sample(k - 2, 26),
        last: sample(k - 1, 14),
      };
    }, units);
    assert.equal(info.canvases, 1, 'one canvas for all units');
    assert.ok(info.cssWidth <= info.boxWidth, `${info.cssWidth} px in ${info.boxWidth}`);
    assert.equal(info.rows * info.columns >= units, true);
    assert.equal(info.cssHeight, info.rows * (info.tile + 2) - 2);
    assert.ok(info.cssHeight < 520, `${units} units: ${info.cssHeight} px tall`);
    assert.equal(info.lo, '-0.25');
    assert.equal(info.hi, '0.25');
    const [lr, , lb] = info.firstLeft;
    const [rr, , rb] = info.firstRight;
    assert.ok(lb > lr + 40, `${units} units: negative weights are blue ${info.firstLeft}`);
    assert.ok(rr > rb + 40, `${units} units: positive weights are red ${info.firstRight}`);
    assert.ok(info.last[2] > info.last[0] + 60, `the all-negative unit is blue ${info.last}`);
    await screenshot(page, `images-views-weights-${units}`, {
      clip: await page.locator('#weights').boundingBox(),
    });
  }
  // Hovering a tile names its unit.
  const canvas = await page.locator('#weights canvas').boundingBox();
  await page.mouse.move(canvas.x + 3, canvas.y + 3);
  assert.equal(await page.locator('.img-weights-readout').textContent(), 'unit 0');
  // The keyboard: focus points at unit 0, the arrows move by one tile and by one row.
  await page.mouse.move(0, 0);
  await page.focus('#weights canvas');
  assert.equal(await page.locator('.img-weights-readout').textContent(), 'unit 0');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  const columns = await page.evaluate(() => window.views.weights.geometry.columns);
  assert.equal(await page.locator('.img-weights-readout').textContent(), `unit ${2 + columns}`);
  assert.equal(await page.locator('.img-weights-cursor').isVisible(), true);
  assert.deepEqual(await overflows(page), []);
});

test("a language switch rewrites every view's strings and keeps its data", async () => {
  const page = await mountViews(PHONE);
  const korean = [
    '티셔츠/탑',
    '바지',
    '풀오버',
    '드레스',
    '코트',
    '샌들',
    '셔츠',
    '스니커즈',
    '가방',
    '앵클 부츠',
  ];
  await page.evaluate((classNames) => {
    const { confusion, accuracy, samples, weights, pad, viewer } = window.views;
    confusion.setLabels({ labels: { trueAxis: '실제 클래스', predictedAxis: '예측 클래스' }, classNames });
    accuracy.setLabels({ classNames });
    samples.setLabels({ classNames, labels: { truth: (name) => `실제: ${name}` } });
    weights.setLabels({ labels: { legend: '가중치' } });
    pad.setLabels({ labels: { clear: '지우기', empty: '패드에 그려 보세요.' } });
    viewer.setLabels({ labels: { close: '닫기' } });
  }, korean);
  assert.equal(await page.locator('.img-confusion-y').textContent(), '실제 클래스');
  assert.equal(await page.locator('.img-confusion-row').first().textContent(), '티셔츠/탑');
  assert.equal(await page.locator('#confusion [data-cell="34"]').textContent(), '7', 'the counts stay');
  assert.match(await page.locator('#confusion [data-cell="34"]').getAttribute('aria-label'), /드레스.*코트/);
  assert.equal(await page.locator('#accuracy .img-bar-name').nth(1).textContent(), '바지');
  assert.match(await page.locator('#samples .img-sample-true').first().textContent(), /^실제: /);
  assert.equal(await page.locator('.img-weights-caption').textContent(), '가중치');
  assert.equal(await page.locator('.img-pad-clear').textContent(), '지우기');
  assert.equal(await page.locator('.img-pad-note').textContent(), '패드에 그려 보세요.');
  assert.equal(await page.locator('.img-viewer-close').textContent(), '닫기');
  assert.deepEqual(await overflows(page), []);
  await screenshot(page, 'images-views-phone-ko', { fullPage: true });
});

test('draw pad: touch and pen strokes draw too', async () => {
  const page = await mountViews(PHONE);
  const counts = await page.evaluate(async () => {
    const canvas = document.querySelector('#pad canvas');
    const box = canvas.getBoundingClientRect();
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const out = [];
    for (const [pointerType, pointerId] of [
      ['touch', 7],
      ['pen', 9],
    ]) {
      window.views.pad.reset();
      window.calls.pad = [];
      const at = (fx, fy) => ({
        pointerId,
        pointerType,
        isPrimary: true,
        bubbles: true,
        clientX: box.left + box.width * fx,
        clientY: box.top + box.height * fy,
      });
      canvas.dispatchEvent(new PointerEvent('pointerdown', { ...at(0.5, 0.2), button: 0 }));
      for (let k = 1; k <= 10; k += 1)
        canvas.dispatchEvent(new PointerEvent('pointermove', at(0.5, 0.2 + k * 0.06)));
      canvas.dispatchEvent(new PointerEvent('pointerup', at(0.5, 0.8)));
      await frame();
      const last = window.calls.pad.at(-1);
      out.push({ pointerType, calls: window.calls.pad.length, column: last ? last[15 * 28 + 14] : null });
    }
    return { out, touchAction: getComputedStyle(canvas).touchAction };
  });
  assert.equal(counts.touchAction, 'none', 'a stroke never scrolls the page');
  for (const { pointerType, calls, column } of counts.out) {
    assert.ok(calls >= 1, `${pointerType}: onChange called`);
    assert.equal(column, 1, `${pointerType}: the vertical stroke inks the centre column`);
  }
});

test('image grid: many images in one canvas, wrapped to the width, every pixel a crisp square', async () => {
  const page = await mountViews(PHONE);
  const info = await page.evaluate(async () => {
    const { ImageGrid } = await import('/js/labs/images/views/image-canvas.mjs');
    const el = document.createElement('div');
    document.querySelector('.lab').append(el);
    const grid = new ImageGrid(el, { cell: 56, gap: 4 });
    // 9 images; image i has pixel (row 10, col 3) at 20·i + 40 and the rest black.
    const images = new Uint8Array(9 * 784);
    for (let i = 0; i < 9; i += 1) images[i * 784 + 10 * 28 + 3] = 20 * i + 40;
    grid.update({ images });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const { columns, rows } = grid.layout(9);
    const ctx = grid.canvas.getContext('2d');
    const ratio = grid.canvas.width / parseFloat(grid.canvas.style.width);
    // The centre of image pixel (10, 3) of image 7 and of its neighbour (10, 4).
    const at = (i, row, col) => {
      const x = ((i % columns) * 60 + (col + 0.5) * 2) * ratio;
      const y = (Math.floor(i / columns) * 60 + (row + 0.5) * 2) * ratio;
      return ctx.getImageData(Math.floor(x), Math.floor(y), 1, 1).data[0];
    };
    return {
      columns,
      rows,
      canvases: el.querySelectorAll('canvas').length,
      width: parseFloat(grid.canvas.style.width),
      box: el.clientWidth,
      lit: at(7, 10, 3),
      dark: at(7, 10, 4),
      hit: grid.indexAt(60 + 10, 10),
      gap: grid.indexAt(57, 10),
    };
  });
  assert.equal(info.canvases, 1);
  assert.ok(info.width <= info.box, `${info.width} in ${info.box}`);
  assert.equal(info.columns * 60 - 4 <= info.box, true);
  assert.equal(info.rows, Math.ceil(9 / info.columns));
  assert.equal(info.lit, 180, 'the pixel keeps its value (no smoothing)');
  assert.equal(info.dark, 0, 'its neighbour stays black');
  assert.equal(info.hit, 1);
  assert.equal(info.gap, -1);
});

test('sample grid: with onPick the images are buttons that give their index', async () => {
  const page = await mountViews(LAPTOP);
  await page.evaluate(async () => {
    const { SampleGrid } = await import('/js/labs/images/views/sample-grid.mjs');
    const el = document.createElement('div');
    el.id = 'pickable';
    document.querySelector('.lab').append(el);
    window.calls.picked = [];
    const grid = new SampleGrid(el, { classNames: ['a', 'b'], onPick: (i) => window.calls.picked.push(i) });
    const pixels = new Uint8Array(784);
    grid.update({
      images: [0, 1, 2].map((i) => ({ pixels, label: i % 2, predicted: 0, confidence: 0.9 })),
    });
  });
  assert.equal(await page.locator('#pickable button.img-sample').count(), 3);
  await page.locator('#pickable button.img-sample').nth(1).click();
  await page.locator('#pickable button.img-sample').nth(2).focus();
  await page.keyboard.press('Enter');
  assert.deepEqual(await page.evaluate(() => window.calls.picked), [1, 2]);
  assert.equal(await page.locator('#pickable .img-sample-wrong').count(), 1);
});
