// CSV points in the MLP lab: a good CSV becomes the custom data set; a bad one lists its errors
// per row in #csv-errors and keeps the previous data (store and drawn points unchanged).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  canvasHash,
  isShown,
  markEvents,
  screenshot,
  storeState,
  useBrowser,
  waitConfigured,
} from './harness.mjs';

const b = useBrowser();

/** 40 points of two classes on either side of x1 = 0 (header row first). */
const GOOD = [
  'x1,x2,label',
  ...Array.from({ length: 40 }, (_, i) => {
    const x1 = ((i % 8) - 3.5) / 1.5;
    const x2 = (Math.floor(i / 8) - 2) / 1.2;
    return `${x1.toFixed(2)},${x2.toFixed(2)},${x1 > 0 ? 1 : 0}`;
  }),
].join('\n');

/** Rows 3 (x2 not a number), 5 (two columns) and 6 (label 2.5 is no class id) are wrong. */
const BAD = ['x1,x2,label', '0.5,0.5,1', '0.1,abc,0', '-1,-1,0', '0.3,0.2', '1,1,2.5', '2,2,1'].join('\n');

async function applyCsv(page, text) {
  await page.fill('#csv-input', text);
  await page.click('#csv-apply');
}

test('a bad CSV shows its errors per row and keeps the previous data', async () => {
  const page = await b.openApp('#lab=mlp');
  await waitConfigured(page);
  await page.waitForSelector('#csv-input', { state: 'attached' });
  // Data tools may sit in a collapsed panel: open it if the textarea is not visible.
  if (!(await isShown(page, '#csv-input'))) {
    const opener = page.locator('[data-open="csv"], #csv-open, summary:has-text("CSV")').first();
    if (await opener.count()) await opener.click();
  }

  const mark = await markEvents(page);
  await applyCsv(page, GOOD);
  await page.waitForFunction(
    () => window.nnplay.store.get('dataset') === 'custom' && window.nnplay.store.get('points').length === 40,
  );
  await waitConfigured(page, mark);
  await page.waitForTimeout(400);
  assert.equal(await isShown(page, '#csv-errors'), false, 'no errors shown for a good CSV');
  const before = { state: await storeState(page), heatmap: await canvasHash(page, '#heatmap') };

  await applyCsv(page, BAD);
  await page.waitForSelector('#csv-errors', { state: 'visible' });
  const errors = await page.locator('#csv-errors').innerText();
  for (const row of [3, 5, 6]) {
    assert.match(errors, new RegExp(`\\b${row}\\b`), `#csv-errors names row ${row}: ${errors}`);
  }
  assert.doesNotMatch(errors, /row 2\b|row 4\b|row 7\b/, 'good rows are not reported');
  await page.waitForTimeout(400);
  assert.deepEqual(await storeState(page), before.state, 'the store keeps the previous data');
  assert.equal(await canvasHash(page, '#heatmap'), before.heatmap, 'the drawn points are unchanged');
  assert.deepEqual(await page.evaluate(() => window.nnplay.errors), [], 'no error banner');
  await screenshot(page, 'mlp-csv-errors', { fullPage: true });
});
