// @ts-check
// k-fold cross-validation on a subset of the training images, as the notes describe: the
// subset is cut into k parts (balanced by class, kit/folds.mjs); fold i trains a fresh model (same
// seed) on the other k−1 parts and validates on part i. The folds run one after another in a
// session of their own (one worker trains one batch at a time anyway); each fold's validation
// accuracy curve joins one chart, and when all are done the mean ± standard deviation of the
// final validation accuracies and losses is shown. Stop ends the run at once.
import { controlMarkup, bindControls } from './controls.mjs';
import { SET_DATA, denseDocument } from './documents.mjs';
import { foldSplits, meanAndSd } from '../../../kit/folds.mjs';
import { sampleArrays } from './samples.mjs';
import { startRun } from '../../../kit/experiment-run.mjs';
import { sectionParts } from './section-parts.mjs';
import { TABLEAU10 } from '../../../views/colors.mjs';
import { publishTestHook } from '../../../kit/lab-kit.mjs';

export const KFOLD_MARKUP = `
<div class="img-exp-controls">
  ${controlMarkup('kFolds')}${controlMarkup('kSubset', { step: 100 })}${controlMarkup('kEpochs')}
</div>
<p class="img-exp-help" data-role="kfold-intro"></p>
<div class="img-exp-actions">
  <button type="button" class="img-exp-button" id="img-exp-kfold-run" data-i18n="img.exp.kfoldRun"></button>
  <span class="img-exp-progress" data-role="kfold-progress" aria-live="polite"></span>
</div>
<div class="img-exp-chart" id="img-exp-kfold-chart" hidden></div>
<p class="img-exp-result" data-role="kfold-result" aria-live="polite"></p>`;

/**
 * @param {HTMLElement} root
 * @param {{store: any, t: (k: string, p?: object) => string, relay: any,
 *   getImageSet: () => Promise<any>, pauseMain: () => void}} ctx
 */
export function mountKFold(root, { store, t, relay, getImageSet, pauseMain }) {
  const { ui, chart } = sectionParts(root, 'kfold');
  const controls = bindControls(root, store, t, () => render());
  /** @type {{valAccuracy: number[], valLoss: number[], finished: boolean}[]} */
  let folds = [];
  /** @type {{k: number, subset: number, epochs: number} | null} */
  let plan = null;
  /** @type {any} the run under way */
  let current = null;
  let running = false;
  let stopped = false;
  let token = 0;

  function stop() {
    token += 1;
    current?.stop();
    current = null;
    if (running) stopped = true;
    running = false;
  }

  async function start() {
    stop();
    if (!['kFolds', 'kSubset', 'kEpochs'].every((n) => controls.check(n))) {
      ui.result.textContent = t('img.exp.fixFirst');
      return;
    }
    const mine = token;
    stopped = false;
    running = true;
    folds = [];
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
    if (mine !== token) return;
    const k = store.get('kFolds');
    const subset = Math.min(store.get('kSubset'), set.train.count);
    const epochs = store.get('kEpochs');
    plan = { k, subset, epochs };
    pauseMain();
    // The subset: the first `subset` training images (the part is interleaved by class).
    const labels = set.train.labels.subarray(0, subset);
    const splits = foldSplits(labels, k);
    folds = splits.map(() => ({ valAccuracy: [], valLoss: [], finished: false }));
    for (let i = 0; i < k; i += 1) {
      const train = sampleArrays(set.train, splits[i].train);
      const val = sampleArrays(set.train, splits[i].validation);
      const fold = folds[i];
      current = startRun(relay, 'images-exp-kfold', {
        setup: [
          { op: 'build', spec: denseDocument({ title: `Fold ${i + 1} of ${k}`, seed: 0, epochs }) },
          SET_DATA,
        ],
        arrays: { train_x: train.x, train_y: train.y, val_x: val.x, val_y: val.y },
        onEpoch(logs) {
          fold.valAccuracy.push(logs.val_accuracy);
          fold.valLoss.push(logs.val_loss);
          draw();
        },
      });
      let result;
      try {
        result = await current.done;
      } catch (/** @type {any} */ error) {
        if (mine !== token) return;
        running = false;
        ui.result.textContent = t('img.exp.runFailed', { message: error?.message ?? '' });
        render();
        return;
      }
      if (mine !== token || result.stopped) return;
      fold.finished = result.finished;
    }
    current?.session.close();
    current = null;
    running = false;
    render();
  }

  function draw() {
    ui.chartBox.hidden = folds.length === 0;
    chart.update({
      series: folds.map((fold, i) => ({
        label: t('img.exp.foldLabel', { fold: i + 1 }),
        colour: TABLEAU10[i % TABLEAU10.length],
        values: fold.valAccuracy,
      })),
      xLabel: t('img.exp.epoch'),
    });
    const doneFolds = folds.filter((f) => f.finished);
    const at = folds.findIndex((f) => !f.finished);
    ui.progress.textContent =
      running && plan && at >= 0
        ? t('img.exp.foldProgress', {
            fold: at + 1,
            k: plan.k,
            epoch: folds[at].valAccuracy.length,
            epochs: plan.epochs,
          })
        : stopped
          ? t('img.exp.stopped')
          : '';
    const accuracy = meanAndSd(doneFolds.map((f) => /** @type {number} */ (f.valAccuracy.at(-1))));
    const loss = meanAndSd(doneFolds.map((f) => /** @type {number} */ (f.valLoss.at(-1))));
    if (plan && doneFolds.length === plan.k) {
      ui.result.textContent = t('img.exp.kfoldDone', {
        k: plan.k,
        subset: plan.subset,
        accMean: (100 * accuracy.mean).toFixed(1),
        accSd: (100 * accuracy.sd).toFixed(1),
        lossMean: loss.mean.toFixed(3),
        lossSd: loss.sd.toFixed(3),
        each: doneFolds
          .map((f) => (100 * /** @type {number} */ (f.valAccuracy.at(-1))).toFixed(1))
          .join(', '),
      });
    } else if (stopped && doneFolds.length > 0) {
      ui.result.textContent = t('img.exp.kfoldPartial', { done: doneFolds.length, k: plan?.k ?? 0 });
    }
    publishTestHook('imagesExperiments', {
      kfold: {
        running,
        k: plan?.k ?? 0,
        curves: folds.filter((f) => f.valAccuracy.length > 0).length,
        finishedFolds: doneFolds.length,
        finished: Boolean(plan && doneFolds.length === plan.k),
        meanAccuracy: doneFolds.length ? accuracy.mean : null,
        sdAccuracy: doneFolds.length ? accuracy.sd : null,
      },
    });
  }

  function render() {
    controls.sync();
    ui.intro.textContent = t('img.exp.kfoldIntro', {
      k: store.get('kFolds'),
      subset: store.get('kSubset'),
      part: Math.floor(store.get('kSubset') / store.get('kFolds')),
    });
    ui.run.textContent = t(running ? 'img.exp.stop' : 'img.exp.kfoldRun');
    draw();
  }

  const onClick = () => (running ? (stop(), render()) : void start());
  ui.run.addEventListener('click', onClick);
  const unsubscribe = store.subscribe((/** @type {Set<string>} */ keys) => {
    if (['kFolds', 'kSubset', 'kEpochs'].some((n) => keys.has(n))) render();
  });
  render();
  return {
    render,
    unmount() {
      ui.run.removeEventListener('click', onClick);
      unsubscribe();
      controls.destroy();
      stop();
      chart.destroy();
    },
  };
}
