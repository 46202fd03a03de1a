// The images lab's experiments, through the lab on the real Fashion-MNIST default part: the
// augmentation preview redraws with other pixels when its controls change and a refused range
// is said at its control; the with/without comparison shows the gap between training and
// validation accuracy shrink with augmentation; k-fold with k = 3 draws three validation
// curves and the mean ± sd, and pauses the lab's own model; transfer learning keeps the frozen
// layer's weights bit-identical while the head's change (the engine's get_weights before and
// after); screenshots of the experiments at 1366×768 and 390×844 in English and Korean.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';

import {
  PHONE,
  artifactsDir,
  canvasHash,
  markEvents,
  storeState,
  useBrowser,
  waitEvent,
} from './harness.mjs';

const LAPTOP = { width: 1366, height: 768 };
const b = useBrowser({ viewport: LAPTOP });

/** Opens the images lab (language `lang`) and waits for its model on the loaded images. */
async function openExperiments({ lang = 'en', viewport } = {}) {
  const page = await b.openApp(`#lab=images&lang=${lang}`, viewport ? { viewport } : {});
  await page.waitForFunction(() => (window.nnplay.images?.configured ?? 0) >= 1, null, { timeout: 60000 });
  await page.locator('#img-exp-augRotation').scrollIntoViewIfNeeded();
  return page;
}

/** Types `value` into the experiment input of field `name` and commits it (change). */
async function setInput(page, name, value) {
  const input = page.locator(`#img-exp-${name}`);
  if ((await input.getAttribute('type')) === 'checkbox') await input.setChecked(Boolean(value));
  else {
    await input.fill(String(value));
    await input.dispatchEvent('change');
  }
}

const hook = (page) => page.evaluate(() => window.nnplay?.imagesExperiments ?? {});

test('images experiments: the augmentation preview changes with its controls', async () => {
  const page = await openExperiments();
  await page.waitForFunction(() => (window.nnplay?.imagesExperiments?.previewDraws ?? 0) >= 1);
  const original = await canvasHash(page, '#img-exp-preview');
  assert.equal((await hook(page)).previewAugmented, false, 'all ranges 0 by default: the originals');

  const draws = async () => (await hook(page)).previewDraws;
  const redrawn = async (before) =>
    page.waitForFunction((n) => window.nnplay.imagesExperiments.previewDraws > n, before, { timeout: 20000 });

  let before = await draws();
  await setInput(page, 'augRotation', 30);
  await redrawn(before);
  const rotated = await canvasHash(page, '#img-exp-preview');
  assert.notEqual(rotated, original, 'a rotation range changes the pixels');

  before = await draws();
  await setInput(page, 'augZoom', 0.4);
  await redrawn(before);
  const zoomed = await canvasHash(page, '#img-exp-preview');
  assert.notEqual(zoomed, rotated, 'a zoom range changes them again');

  before = await draws();
  await page.click('#img-exp-reseed');
  await redrawn(before);
  assert.notEqual(await canvasHash(page, '#img-exp-preview'), zoomed, 'new samples: other pixels');

  // A refused value is said beside its control; the kept value stays in force.
  await setInput(page, 'augRotation', 90);
  const message = page
    .locator('#img-exp-augRotation')
    .locator('xpath=ancestor::label')
    .locator('.field-message');
  await message.waitFor();
  assert.match(await message.textContent(), /0 to 45.*90.*30/);
  assert.equal((await storeState(page)).augRotation, 30);
  assert.equal(await page.locator('#img-exp-augRotation').getAttribute('aria-invalid'), 'true');
  await setInput(page, 'augRotation', 15);
  assert.equal(await message.isHidden(), true, 'an accepted value clears the message');
});

test('images experiments: augmentation shrinks the train–validation gap, side by side', async () => {
  const page = await openExperiments();
  await page.click('#img-exp-compare-run');
  // Every range was 0: the comparison's mild settings are filled into the controls first.
  assert.equal((await storeState(page)).augRotation, 5);
  assert.equal(await page.inputValue('#img-exp-augRotation'), '5');
  await page.waitForFunction(() => window.nnplay?.imagesExperiments?.compare?.finished === true, null, {
    timeout: 240000,
    polling: 250,
  });
  const { compare } = await hook(page);
  assert.equal(compare.epochs, 60);
  assert.ok(compare.plainGap > 0.1, `without augmentation the model overfits: gap ${compare.plainGap}`);
  assert.ok(
    compare.augmentedGap < compare.plainGap / 2,
    `gap ${compare.plainGap} -> ${compare.augmentedGap}`,
  );
  assert.equal(await page.locator('#img-exp-compare-chart .line-legend-item').count(), 4);
  assert.match(
    await page.locator('[data-role=compare-result]').textContent(),
    /Final gap .* points without augmentation .* points with augmentation/,
  );
});

test('images experiments: k-fold with k = 3 draws three validation curves and the mean ± sd', async () => {
  const page = await openExperiments();
  const mark = await markEvents(page);
  await page.click('#play'); // the lab's own model trains until an experiment starts
  await waitEvent(page, 'progress', mark);
  await setInput(page, 'kFolds', 11);
  const refused = page.locator('#img-exp-kFolds').locator('xpath=ancestor::label').locator('.field-message');
  await refused.waitFor();
  assert.match(await refused.textContent(), /3 to 10/);
  await setInput(page, 'kFolds', 3);
  await setInput(page, 'kSubset', 600);
  await setInput(page, 'kEpochs', 2);
  assert.equal(await refused.isHidden(), true);
  await page.click('#img-exp-kfold-run');
  await page.waitForFunction(() => window.nnplay?.imagesExperiments?.kfold?.finished === true, null, {
    timeout: 120000,
    polling: 200,
  });
  const { kfold } = await hook(page);
  assert.equal(kfold.k, 3);
  assert.equal(kfold.curves, 3, 'one validation curve per fold');
  assert.ok(kfold.meanAccuracy > 0.2 && kfold.meanAccuracy <= 1, `mean ${kfold.meanAccuracy}`);
  assert.ok(kfold.sdAccuracy >= 0);
  assert.equal(await page.locator('#img-exp-kfold-chart .line-legend-item').count(), 3);
  assert.match(await page.locator('[data-role=kfold-result]').textContent(), /3 folds on 600 images: .*±/);
  assert.equal(await page.evaluate(() => window.nnplay.session.running), false, 'the main model was paused');
});

test('images experiments: transfer learning keeps the frozen layer bit-identical, the head changes', async () => {
  const page = await openExperiments();
  await setInput(page, 'transferShots', 4);
  const refused = page
    .locator('#img-exp-transferShots')
    .locator('xpath=ancestor::label')
    .locator('.field-message');
  await refused.waitFor();
  await setInput(page, 'transferShots', 5);
  await page.click('#img-exp-transfer-run');
  await page.waitForFunction(
    () =>
      window.nnplay?.imagesExperiments?.transfer?.frozenUnchanged !== undefined &&
      window.nnplay.imagesExperiments.transfer.frozenUnchanged !== null,
    null,
    { timeout: 180000, polling: 250 },
  );
  const { transfer } = await hook(page);
  assert.equal(transfer.frozenUnchanged, true, 'ConcealmentLayer1 bit for bit the same before and after');
  assert.equal(transfer.frozenSize, 784 * 100 + 100);
  assert.ok(transfer.headChanged > 0, `head weights changed: ${transfer.headChanged}`);
  assert.ok(transfer.epochs >= 1);
  assert.ok(Number.isFinite(transfer.transferAccuracy) && Number.isFinite(transfer.scratchAccuracy));
  assert.match(await page.locator('[data-role=transfer-frozen]').textContent(), /unchanged ✓/);
  assert.equal(await page.locator('#img-exp-transfer-chart .line-legend-item').count(), 4);
});

for (const [viewport, size] of [
  [LAPTOP, 'laptop'],
  [PHONE, 'phone'],
]) {
  for (const lang of ['en', 'ko']) {
    test(`images experiments: screenshot ${size} ${lang}`, async () => {
      const page = await openExperiments({ lang, viewport });
      await setInput(page, 'kFolds', 3);
      await setInput(page, 'kSubset', 600);
      await setInput(page, 'kEpochs', 3);
      await setInput(page, 'transferShots', 5);
      await page.click('#img-exp-compare-run');
      await page.waitForFunction(() => window.nnplay?.imagesExperiments?.compare?.finished === true, null, {
        timeout: 240000,
        polling: 250,
      });
      await setInput(page, 'augRotation', 99); // a refused value, to see its message
      await page.click('#img-exp-kfold-run');
      await page.waitForFunction(() => window.nnplay?.imagesExperiments?.kfold?.finished === true, null, {
        timeout: 120000,
        polling: 200,
      });
      await page.click('#img-exp-transfer-run');
      await page.waitForFunction(
        () => window.nnplay?.imagesExperiments?.transfer?.frozenUnchanged === true,
        null,
        {
          timeout: 180000,
          polling: 250,
        },
      );
      const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `nothing wider than the page (${overflow} px over)`);
      await page
        .locator('.img-sec-experiments')
        .screenshot({ path: path.join(artifactsDir, `images-experiments-${size}-${lang}.png`) });
    });
  }
}
