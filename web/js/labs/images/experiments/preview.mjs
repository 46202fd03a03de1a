// @ts-check
// The augmentation controls and their live preview: four training images, each beside six
// augmented versions made by the engine's `augment` op (in a small session of its own, no
// model), redrawn when a control changes; "New samples" draws another six with a new seed.
import { controlMarkup, bindControls } from './controls.mjs';
import { AUGMENTATION_FIELDS } from './fields.mjs';
import { augmentationSpec } from './augmentation.mjs';
import { drawImageGrid } from './image-grid.mjs';
import { PIXELS, sampleArrays } from './samples.mjs';
import { debounce, publishTestHook } from '../../../kit/lab-kit.mjs';

export const PREVIEW_IMAGES = 4;
export const PREVIEW_VARIANTS = 6;
const SESSION = 'images-exp-preview';
const STEPS = { augRotation: 1, augWidthShift: 0.01, augHeightShift: 0.01, augZoom: 0.01, augNoise: 0.01 };

export const PREVIEW_MARKUP = `
<div class="img-exp-controls">
  ${AUGMENTATION_FIELDS.map((name) =>
    controlMarkup(name, {
      step: /** @type {Record<string, number>} */ (STEPS)[name] ?? 1,
      unit: name === 'augRotation' ? 'img.exp.degrees' : '',
      keras: name !== 'augNoise',
    }),
  ).join('')}
</div>
<div class="img-exp-preview">
  <div class="img-exp-preview-head">
    <h3 data-i18n="img.exp.previewTitle"></h3>
    <button type="button" class="img-exp-button" id="img-exp-reseed" data-i18n="img.exp.newSamples"></button>
  </div>
  <p class="img-exp-help" data-role="preview-note" aria-live="polite"></p>
  <div class="img-exp-preview-grid">
    <div class="img-exp-preview-labels"><span data-i18n="img.exp.original"></span><span data-i18n="img.exp.augmented"></span></div>
    <canvas id="img-exp-preview" role="img"></canvas>
  </div>
</div>`;

/**
 * Wires the controls and the preview under `root`.
 * @param {HTMLElement} root
 * @param {{store: any, t: (k: string, p?: object) => string, relay: any, getImageSet: () => Promise<any>}} ctx
 */
export function mountPreview(root, { store, t, relay, getImageSet }) {
  const canvas = /** @type {HTMLCanvasElement} */ (root.querySelector('#img-exp-preview'));
  const note = /** @type {HTMLElement} */ (root.querySelector('[data-role=preview-note]'));
  const reseed = /** @type {HTMLButtonElement} */ (root.querySelector('#img-exp-reseed'));
  let seed = 1;
  let draws = 0;
  let generation = 0;
  let lastKey = '';
  /** @type {Float32Array | null} originals [4·784] */
  let originals = null;
  /** @type {any} */
  let session = null;

  const controls = bindControls(root, store, t, () => redraw.call());
  const redraw = debounce(() => void draw(), 120);

  async function sources() {
    if (originals) return originals;
    const set = await getImageSet();
    // Four different classes: the first image of classes 0, 2, 5 and 7 (or the first four).
    const wanted = [0, 2, 5, 7];
    const picks = wanted.map((c) => set.train.labels.indexOf(c)).filter((i) => i >= 0);
    const indices = picks.length === PREVIEW_IMAGES ? picks : [0, 1, 2, 3];
    originals = sampleArrays(set.train, indices).x;
    return originals;
  }

  async function draw() {
    const mine = ++generation;
    let base;
    try {
      base = await sources();
    } catch {
      note.textContent = t('img.exp.noData');
      return;
    }
    const state = Object.fromEntries(AUGMENTATION_FIELDS.map((n) => [n, store.get(n)]));
    const spec = augmentationSpec(state);
    const key = JSON.stringify([spec, seed]);
    if (key === lastKey && draws > 0) return;
    // x: every original six times, [4·6·784]; the engine augments each copy differently.
    const x = new Float32Array(PREVIEW_IMAGES * PREVIEW_VARIANTS * PIXELS);
    for (let i = 0; i < PREVIEW_IMAGES; i += 1) {
      for (let j = 0; j < PREVIEW_VARIANTS; j += 1) {
        x.set(base.subarray(i * PIXELS, (i + 1) * PIXELS), (i * PREVIEW_VARIANTS + j) * PIXELS);
      }
    }
    let augmented = x;
    let failure = '';
    if (spec) {
      session ??= relay.session(SESSION);
      try {
        const answer = await session.configure({
          setup: [{ op: 'augment', x: 'preview_x', augmentation: spec, seed, out: 'preview_augmented' }],
          snapshot: [],
          arrays: { preview_x: x },
        });
        augmented = answer.arrays.preview_augmented ?? x;
      } catch (/** @type {any} */ error) {
        failure = t('img.exp.previewFailed', { message: error?.message ?? '' }); // originals shown
      }
    }
    if (mine !== generation) return;
    // Rows: the original, then its six augmented versions.
    const columns = PREVIEW_VARIANTS + 1;
    const images = new Float32Array(PREVIEW_IMAGES * columns * PIXELS);
    for (let i = 0; i < PREVIEW_IMAGES; i += 1) {
      images.set(base.subarray(i * PIXELS, (i + 1) * PIXELS), i * columns * PIXELS);
      for (let j = 0; j < PREVIEW_VARIANTS; j += 1) {
        const from = (i * PREVIEW_VARIANTS + j) * PIXELS;
        images.set(augmented.subarray(from, from + PIXELS), (i * columns + 1 + j) * PIXELS);
      }
    }
    // Twice the size when the row of 7 images (56 px and a 6 px gap each) fits the box.
    const scale = (canvas.parentElement?.clientWidth ?? 0) >= columns * 62 ? 2 : 1;
    const first = /** @type {HTMLElement | null} */ (root.querySelector('.img-exp-preview-labels span'));
    if (first) first.style.minWidth = `${28 * scale + 3 * scale}px`; // over the originals' column
    drawImageGrid(canvas, { images, count: PREVIEW_IMAGES * columns, columns, scale, gap: 3 * scale });
    canvas.setAttribute('aria-label', t('img.exp.previewAria'));
    lastKey = failure ? '' : key;
    draws += 1;
    note.textContent = failure || (spec ? t('img.exp.previewNote', { seed }) : t('img.exp.previewNone'));
    publishTestHook('imagesExperiments', {
      previewDraws: draws,
      previewSeed: seed,
      previewAugmented: Boolean(spec) && !failure,
    });
  }

  reseed.addEventListener('click', () => {
    seed += 1;
    redraw.call();
  });
  const unsubscribe = store.subscribe((/** @type {Set<string>} */ keys) => {
    if (AUGMENTATION_FIELDS.some((n) => keys.has(n))) {
      controls.sync();
      redraw.call();
    }
  });
  controls.sync();
  redraw.call();

  return {
    render() {
      controls.sync();
      lastKey = '';
      redraw.call();
    },
    unmount() {
      redraw.cancel();
      unsubscribe();
      controls.destroy();
      generation += 1;
      session?.close();
    },
  };
}
