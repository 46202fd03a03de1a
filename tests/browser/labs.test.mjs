// Each lab loads with no console errors (direct link and tab switch), in English and Korean,
// on a laptop and a phone (390×844: no horizontal overflow); screenshots of every lab both ways.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { PHONE, hasHangul, isShown, screenshot, useBrowser, waitConfigured } from './harness.mjs';
import { LAB, LAB_IDS } from '../../web/js/labs/registry.mjs';

const b = useBrowser();
const LABS = [...LAB_IDS];

/** Opens one lab, waits until its model is configured and checks that no error is shown. */
async function openLab(lab, opts = {}, extraHash = '') {
  const page = await b.openApp(`#lab=${lab}${extraHash}`, opts);
  await page.waitForFunction((id) => window.nnplay.lab === id, lab);
  await waitConfigured(page);
  await page.waitForTimeout(300); // let the first snapshot draw
  assert.deepEqual(await page.evaluate(() => window.nnplay.errors), [], 'error banner messages');
  assert.equal(await isShown(page, '#error'), false, '#error banner is hidden');
  return page;
}

for (const lab of LABS) {
  test(`${lab} lab loads with no console errors (laptop screenshot)`, async () => {
    const page = await openLab(lab);
    assert.equal(await isShown(page, '#lab'), true, '#lab is shown');
    await screenshot(page, `${lab}-laptop`, { fullPage: true });
  });

  test(`${lab} lab on a phone (390×844): no horizontal overflow (phone screenshot)`, async () => {
    const page = await openLab(lab, { viewport: PHONE });
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.scrollingElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    assert.ok(scrollWidth <= innerWidth, `page is ${scrollWidth} px wide in a ${innerWidth} px window`);
    await screenshot(page, `${lab}-phone`, { fullPage: true });
  });
}

test('the registry drives the tabs and each lab shows exactly its panels', async () => {
  const page = await openLab('mlp');
  const tabs = await page.evaluate(() =>
    [...document.querySelectorAll('#lab-tabs [data-lab]')].map((tab) => tab.dataset.lab),
  );
  assert.deepEqual(tabs, LABS, 'one tab per registered lab, in registry order');
  for (const lab of [...LABS.filter((id) => id !== 'mlp'), 'mlp']) {
    await page.click(`#lab-tabs [data-lab="${lab}"]`);
    await page.waitForFunction((id) => window.nnplay.lab === id, lab);
    await page.waitForFunction((id) => window.nnplay.store.get('lab') === id, lab);
    const panels = await page.evaluate(() =>
      // the shell's column, then any panel the lab placed in its own markup (data-panel-slot)
      [...document.querySelectorAll('#control-panels .panel, #lab [data-panel-slot] > .panel')].map(
        (panel) => [
          panel.dataset.panel,
          [...panel.querySelectorAll('[data-key]')].map((el) => el.dataset.key),
        ],
      ),
    );
    assert.deepEqual(
      panels,
      LAB[lab].panels.map(([group, names]) => [group, [...names]]),
      `${lab} panels`,
    );
  }
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => window.nnplay.errors), []);
});

test('Korean interface text appears with lang=ko (and not with lang=en)', async () => {
  const texts = async (page) =>
    page.evaluate(() => ({
      tabs: document.querySelector('#lab-tabs').innerText,
      play:
        document.querySelector('#play').innerText ||
        document.querySelector('#play').title ||
        document.querySelector('#play').getAttribute('aria-label') ||
        '',
      body: document.body.innerText,
    }));
  const en = await texts(await openLab('mlp', {}, '&lang=en'));
  assert.ok(!hasHangul(en.tabs), `English tabs: ${en.tabs}`);
  const page = await openLab('mlp', {}, '&lang=ko');
  const ko = await texts(page);
  assert.ok(hasHangul(ko.tabs), `Korean tabs: ${ko.tabs}`);
  assert.ok(hasHangul(ko.play), `Korean play button: ${ko.play}`);
  const hangulLines = ko.body.split('\n').filter(hasHangul).length;
  assert.ok(hangulLines >= 10, `only ${hangulLines} lines of Korean text`);
  await screenshot(page, 'mlp-laptop-ko');
  // The language control switches live.
  const lang = page.locator('#lang');
  if (await lang.evaluate((el) => el.tagName === 'SELECT')) await lang.selectOption('en');
  else await lang.click();
  await page.waitForFunction(() => window.nnplay.store.get('lang') === 'en');
  const back = await texts(page);
  assert.ok(!hasHangul(back.tabs), `tabs after switching to English: ${back.tabs}`);
});
