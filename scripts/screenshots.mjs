// Takes the screenshots docs/screenshots.md shows: every lab of the registry mid-training, on a
// laptop (1366×768) and a phone (390×844), in English and Korean, each opened as a learner opens
// it (the lab's tab on a fresh profile, so its first preset) and pressed Play. Writes
// docs/images/labs/<lab>-<laptop|phone>-<lang>.png, the README's picture
// (docs/images/playground.png, the MLP on a laptop in English) and docs/screenshots.md.
// Needs the built page (scripts/serve.sh or scripts/build-wasm.sh + build-web.sh) and Chromium.
//
//   node scripts/screenshots.mjs [--train-ms MS] [--only <lab>]
import fs from 'node:fs';
import path from 'node:path';

import {
  launch,
  markEvents,
  root,
  startServer,
  waitConfigured,
  waitReady,
  watch,
} from '../tests/browser/harness.mjs';
import { LABS } from '../web/js/labs/registry.mjs';

const VIEWPORTS = {
  laptop: { width: 1366, height: 768, title: 'Laptop, 1366×768' },
  phone: { width: 390, height: 844, title: 'Phone, 390×844' },
};
const LANGS = { en: 'English', ko: '한국어 (Korean)' };
const imagesDir = path.join(root, 'docs', 'images', 'labs');

function parseArgs(argv) {
  const args = { trainMs: 4000, only: null };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--train-ms') args.trainMs = Number(argv[++i]);
    else if (argv[i] === '--only') args.only = argv[++i];
    else throw new Error(`unknown argument ${argv[i]}; expected --train-ms MS or --only <lab>`);
  }
  return args;
}

/** Opens the page on a fresh profile as a learner does (no link), switches the language and
 *  clicks lab `id`'s tab (so its first preset applies), presses Play (or the buttons a lab without
 *  Play marks), lets it train `trainMs` and writes the whole page (what the learner sees by scrolling) to `file`, and what fits the
 *  window to `viewportFile` when given. */
async function shoot(context, url, id, viewport, lang, trainMs, file, viewportFile = null) {
  const page = watch(await context.newPage());
  await page.setViewportSize({ width: viewport.width, height: viewport.height });
  await page.goto(url);
  await waitReady(page);
  await waitConfigured(page);
  if (lang !== 'en') await page.click('#lang');
  if ((await page.evaluate(() => window.nnplay.store.get('lab'))) !== id) {
    const mark = await markEvents(page);
    await page.click(`[role=tab][data-lab="${id}"]`);
    await waitConfigured(page, mark);
  }
  // A lab that hides Play runs its own sessions or is stepped by hand: it marks the button a
  // learner would press with data-screenshot-presses (how many times), e.g. the backprop lab's
  // Next step six times (halfway into the backward pass), the optimizer race's Start once.
  const playable = await page.evaluate(() => {
    const play = document.getElementById('play');
    if (!play || play.offsetParent === null) return false;
    if (!window.nnplay.session.running) play.click();
    return true;
  });
  if (!playable) {
    for (const button of await page.$$('#lab [data-screenshot-presses]')) {
      const presses = Number(await button.getAttribute('data-screenshot-presses'));
      for (let i = 0; i < presses; i++) await button.click();
    }
  }
  await page.waitForTimeout(trainMs);
  await page.evaluate(() => window.scrollTo(0, 0));
  if (viewportFile) await page.screenshot({ path: viewportFile });
  await page.screenshot({ path: file, fullPage: true });
  if (page.problems.length) throw new Error(`${id} (${lang}): ${page.problems.join('; ')}`);
  await page.close();
}

function markdown(labs) {
  const lines = [
    '# The labs, as a learner sees them',
    '',
    'Each lab opened from its tab on a fresh browser profile (so its first preset), Play pressed',
    '(or, in a lab without Play, the button a learner starts with) and the page captured while it',
    'works. Made by `node scripts/screenshots.mjs` (headless Chromium); run it again after a change',
    'to the page and look at every picture.',
    '',
  ];
  for (const lab of labs) {
    lines.push(`## ${lab.title.en} (${lab.title.ko})`, '');
    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      const cells = Object.entries(LANGS).map(
        ([lang, name]) =>
          `![${lab.title.en}, ${viewport.title}, ${name}](images/labs/${lab.id}-${size}-${lang}.png)`,
      );
      lines.push(`### ${viewport.title}`, '', ...cells.map((c) => `${c}\n`));
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

const args = parseArgs(process.argv.slice(2));
const labs = LABS.filter((lab) => !args.only || lab.id === args.only);
fs.mkdirSync(imagesDir, { recursive: true });
const server = await startServer();
try {
  for (const lab of labs) {
    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      for (const lang of Object.keys(LANGS)) {
        const browser = await launch({ viewport });
        try {
          const file = path.join(imagesDir, `${lab.id}-${size}-${lang}.png`);
          const readme = lab.id === 'mlp' && size === 'laptop' && lang === 'en';
          const picture = path.join(root, 'docs', 'images', 'playground.png');
          await shoot(
            browser.context,
            server.url,
            lab.id,
            viewport,
            lang,
            args.trainMs,
            file,
            readme ? picture : null,
          );
          console.log(`wrote ${path.relative(root, file)}`);
        } finally {
          await browser.close();
        }
      }
    }
  }
  if (!args.only) fs.writeFileSync(path.join(root, 'docs', 'screenshots.md'), markdown(LABS));
} finally {
  await server.close();
}
