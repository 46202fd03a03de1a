// @ts-check
// The preset experiment: the notes' Dense(100, relu) model trained on 1,000 images twice, side
// by side, with and without augmentation (two sessions; same seed, data and validation images;
// only fit.augmentation differs). Training and validation accuracy of both runs share one
// chart (line style per run, colour per train/validation), and the final train–validation gap
// of each is said in words: the gap is overfitting, and augmentation shrinks it.
import { AUGMENTATION_FIELDS } from './fields.mjs';
import { COMPARE_AUGMENTATION, augmentationSpec } from './augmentation.mjs';
import { SET_DATA, denseDocument } from './documents.mjs';
import { sampleArrays } from './samples.mjs';
import { startRun } from '../../../kit/experiment-run.mjs';
import { sectionParts } from './section-parts.mjs';
import { palette } from '../../../views/colors.mjs';
import { publishTestHook } from '../../../kit/lab-kit.mjs';

export const COMPARE_TRAIN = 1000;
export const COMPARE_VALIDATION = 1000;
export const COMPARE_EPOCHS = 60;
const RUNS = /** @type {const} */ (['plain', 'augmented']);

export const COMPARE_MARKUP = `
<div class="img-exp-compare">
  <h3 data-i18n="img.exp.compareTitle"></h3>
  <p class="img-exp-help" data-role="compare-intro"></p>
  <div class="img-exp-actions">
    <button type="button" class="img-exp-button" id="img-exp-compare-run" data-i18n="img.exp.compareRun"></button>
    <span class="img-exp-progress" data-role="compare-progress" aria-live="polite"></span>
  </div>
  <div class="img-exp-chart" id="img-exp-compare-chart" hidden></div>
  <p class="img-exp-result" data-role="compare-result" aria-live="polite"></p>
</div>`;

/**
 * @param {HTMLElement} root
 * @param {{store: any, t: (k: string, p?: object) => string, relay: any,
 *   getImageSet: () => Promise<any>, pauseMain: () => void}} ctx
 */
export function mountCompare(root, { store, t, relay, getImageSet, pauseMain }) {
  const { ui, chart } = sectionParts(root, 'compare');
  /** @type {Map<string, {run: any, accuracy: number[], valAccuracy: number[], finished: boolean}>} */
  const runs = new Map();
  let running = false;

  function stop() {
    for (const entry of runs.values()) entry.run.stop();
    running = false;
  }

  async function start() {
    stop();
    runs.clear();
    const state = Object.fromEntries(AUGMENTATION_FIELDS.map((n) => [n, store.get(n)]));
    if (!augmentationSpec(state)) store.patch({ ...COMPARE_AUGMENTATION }); // the learner sees them set
    const spec = augmentationSpec(Object.fromEntries(AUGMENTATION_FIELDS.map((n) => [n, store.get(n)])));
    running = true;
    ui.result.textContent = '';
    render();
    let set;
    try {
      set = await getImageSet();
    } catch {
      running = false;
      ui.result.textContent = t('img.exp.noData');
      render();
      return;
    }
    if (!running) return;
    pauseMain();
    const train = sampleArrays(
      set.train,
      Int32Array.from({ length: Math.min(COMPARE_TRAIN, set.train.count) }, (_, i) => i),
    );
    const val = sampleArrays(
      set.test,
      Int32Array.from({ length: Math.min(COMPARE_VALIDATION, set.test.count) }, (_, i) => i),
    );
    const seed = 0;
    for (const which of RUNS) {
      const document = denseDocument({
        title: which === 'augmented' ? 'With augmentation' : 'Without augmentation',
        seed,
        epochs: COMPARE_EPOCHS,
        augmentation: which === 'augmented' ? spec : null,
      });
      const entry = {
        run: /** @type {any} */ (null),
        accuracy: /** @type {number[]} */ ([]),
        valAccuracy: /** @type {number[]} */ ([]),
        finished: false,
      };
      entry.run = startRun(relay, `images-exp-compare-${which}`, {
        setup: [{ op: 'build', spec: document }, SET_DATA],
        arrays: { train_x: train.x, train_y: train.y, val_x: val.x, val_y: val.y },
        onEpoch(logs) {
          entry.accuracy.push(logs.accuracy);
          entry.valAccuracy.push(logs.val_accuracy);
          draw();
        },
      });
      runs.set(which, entry);
      entry.run.done
        .then((/** @type {any} */ result) => {
          entry.finished = result.finished;
          if ([...runs.values()].every((e) => e.finished)) running = false;
          render();
        })
        .catch((/** @type {any} */ error) => {
          running = false;
          ui.result.textContent = t('img.exp.runFailed', { message: error?.message ?? '' });
          render();
        });
    }
    render();
  }

  /** The last train − validation accuracy gap of a run, or null. @param {string} which */
  function gap(which) {
    const entry = runs.get(which);
    const a = entry?.accuracy.at(-1);
    const v = entry?.valAccuracy.at(-1);
    return Number.isFinite(a) && Number.isFinite(v)
      ? {
          train: /** @type {number} */ (a),
          val: /** @type {number} */ (v),
          gap: /** @type {number} */ (a) - /** @type {number} */ (v),
        }
      : null;
  }

  function draw() {
    const colours = palette();
    ui.chartBox.hidden = runs.size === 0;
    /** @type {any[]} */
    const series = [];
    for (const [which, entry] of runs) {
      const dash = which === 'plain' ? [5, 4] : undefined;
      const run = t(which === 'plain' ? 'img.exp.runPlain' : 'img.exp.runAugmented');
      series.push(
        { label: t('img.exp.trainOf', { run }), colour: colours.train, values: entry.accuracy, dash },
        { label: t('img.exp.valOf', { run }), colour: colours.test, values: entry.valAccuracy, dash },
      );
    }
    chart.update({ series, xLabel: t('img.exp.epoch') });
    const epochs = Math.min(...[...runs.values()].map((e) => e.accuracy.length));
    ui.progress.textContent =
      running && runs.size > 0
        ? t('img.exp.epochOf', { epoch: Number.isFinite(epochs) ? epochs : 0, epochs: COMPARE_EPOCHS })
        : '';
    const plain = gap('plain');
    const augmented = gap('augmented');
    const percent = (/** @type {number} */ v) => (100 * v).toFixed(1);
    if (plain && augmented) {
      ui.result.textContent = t(running ? 'img.exp.compareSoFar' : 'img.exp.compareDone', {
        plainTrain: percent(plain.train),
        plainVal: percent(plain.val),
        plainGap: percent(plain.gap),
        augTrain: percent(augmented.train),
        augVal: percent(augmented.val),
        augGap: percent(augmented.gap),
      });
    }
    publishTestHook('imagesExperiments', {
      compare: {
        running,
        epochs: Number.isFinite(epochs) ? epochs : 0,
        plainGap: plain?.gap ?? null,
        augmentedGap: augmented?.gap ?? null,
        finished: runs.size === 2 && [...runs.values()].every((e) => e.finished),
      },
    });
  }

  function render() {
    ui.intro.textContent = t('img.exp.compareIntro', {
      train: COMPARE_TRAIN,
      val: COMPARE_VALIDATION,
      epochs: COMPARE_EPOCHS,
    });
    ui.run.textContent = t(running ? 'img.exp.stop' : 'img.exp.compareRun');
    draw();
  }

  const onClick = () => (running ? (stop(), render()) : void start());
  ui.run.addEventListener('click', onClick);
  render();
  return {
    render,
    unmount() {
      ui.run.removeEventListener('click', onClick);
      stop();
      chart.destroy();
    },
  };
}
