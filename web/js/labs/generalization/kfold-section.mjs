// k-fold cross-validation on the 2-D training points: they are cut into k parts balanced by
// class (kit/folds.mjs, as the images lab's k-fold); fold i trains a fresh model (same seed)
// on the other k−1 parts and is measured on part i, its validation points. Each fold's tile
// rings its validation points and says its validation accuracy; when all are done the mean ±
// standard deviation is the estimate, set beside the accuracy on the held-out test points.
import { publishTestHook } from '../../kit/lab-kit.mjs';
import { foldSplits, meanAndSd } from '../../kit/folds.mjs';
import { ModelQueue } from './model-queue.mjs';
import { ARRAYS, dataPart, modelDocument } from './documents.mjs';
import { accuracyOf, pickRows } from './resampling.mjs';
import { numberField, sectionMarkup, wireSection } from './section-frame.mjs';
import { LIMITS } from './fields.mjs';

export const KFOLD_MARKUP = sectionMarkup({
  id: 'kfold',
  group: 'genKfold',
  fields: numberField('gen-folds', 'gen.folds', { min: LIMITS.folds[0], max: LIMITS.folds[1] }),
  body: '<p class="gen-verdict" id="gen-kfold-verdict" aria-live="polite"></p>',
});

/**
 * @param {HTMLElement} root
 * @param {{t: (k: string, p?: object) => string, relay: any, store: any,
 *   shared: () => any, getData: () => Promise<import('./data-source.mjs').LabData>}} ctx
 */
export function mountKFold(root, { t, relay, store, shared, getData }) {
  const $ = (/** @type {string} */ s) => /** @type {HTMLElement} */ (root.querySelector(s));
  const verdict = $('#gen-kfold-verdict');
  /** @type {{k: number, data: any, folds: {marked: Uint8Array, validationY: Float32Array}[],
   *   settings: any} | null} */
  let plan = null;
  let waiting = false;
  let token = 0;
  const queue = new ModelQueue(relay, 'generalization-kfold', {
    onModel: () => render(),
    onChange: () => render(),
    onEpoch: () => renderStatus(),
  });
  const frame = wireSection(root, 'kfold', { queue, start, afterReset: () => reset(), t });

  async function start() {
    if ($('[data-group=genKfold]').querySelector('[aria-invalid=true]')) return;
    const settings = shared();
    const k = store.get('genFolds');
    const units = store.get('genUnits');
    queue.reset();
    const mine = ++token;
    waiting = true;
    render();
    let data;
    try {
      data = await getData();
    } catch (/** @type {any} */ error) {
      if (mine !== token) return;
      waiting = false;
      frame.status.textContent = t('gen.failed', { message: error?.message ?? String(error) });
      return;
    }
    if (mine !== token) return;
    waiting = false;
    const n = data.trainY.length;
    const splits = foldSplits(data.trainY, Math.min(k, n));
    const folds = splits.map(({ validation }) => {
      const marked = new Uint8Array(n);
      for (const i of validation) marked[i] = 1;
      return { marked, validationY: pickRows(data.trainX, data.trainY, validation).y };
    });
    plan = { k: splits.length, data, folds, settings };
    frame.setTiles(splits.length);
    queue.start(
      splits.map(({ train, validation }, i) => {
        const fit = pickRows(data.trainX, data.trainY, train);
        const held = pickRows(data.trainX, data.trainY, validation);
        return {
          document: modelDocument({
            hidden: [units],
            activation: settings.activation,
            epochs: settings.epochs,
            title: `k-fold: fold ${i + 1} of ${splits.length}`,
            data: dataPart(settings),
          }),
          arrays: {
            [ARRAYS.fitX]: fit.x,
            [ARRAYS.fitY]: fit.y,
            [ARRAYS.trainX]: fit.x,
            [ARRAYS.trainY]: fit.y,
            [ARRAYS.testX]: data.testX,
            [ARRAYS.testY]: data.testY,
            [ARRAYS.evalX]: held.x,
          },
          predictEval: true,
        };
      }),
    );
  }

  function reset() {
    token += 1;
    waiting = false;
    plan = null;
    render();
  }

  const percent = (/** @type {number} */ v) => `${(100 * v).toFixed(1)}%`;

  /** Fold i's validation accuracy, or null before it finished. @param {number} i */
  function validationAccuracy(i) {
    const result = queue.results[i];
    if (!plan || !result?.probabilities) return null;
    return accuracyOf(result.probabilities, plan.folds[i].validationY);
  }

  /** The status line alone (cheap: it follows every epoch). */
  function renderStatus() {
    const state = queue.state;
    const k = plan?.k ?? 0;
    frame.status.textContent = waiting
      ? t('gen.readingData')
      : state === 'failed'
        ? t('gen.failed', { message: queue.failure })
        : state === 'idle'
          ? t('gen.kfold.ready')
          : state === 'done'
            ? t('gen.kfold.done', { k })
            : t(state === 'paused' ? 'gen.kfold.paused' : 'gen.kfold.training', {
                fold: queue.index + 1,
                k,
                epoch: queue.epoch,
                epochs: plan?.settings.epochs ?? 0,
              });
  }

  function render() {
    frame.render();
    const state = queue.state;
    const k = plan?.k ?? 0;
    renderStatus();
    const accuracies = [];
    for (let i = 0; i < k; i += 1) {
      const fold = /** @type {any} */ (plan).folds[i];
      const accuracy = validationAccuracy(i);
      if (accuracy !== null) accuracies.push(accuracy);
      const result = queue.results[i];
      frame.tile(i)?.update({
        values: result?.grid ?? null,
        resolution: result?.resolution ?? 0,
        points: { x: plan?.data.trainX, y: plan?.data.trainY, marked: fold.marked },
        caption:
          accuracy === null
            ? t('gen.kfold.tilePending', { fold: i + 1, size: fold.validationY.length })
            : t('gen.kfold.tile', {
                fold: i + 1,
                accuracy: percent(accuracy),
                size: fold.validationY.length,
              }),
        busy: state === 'running' && i === queue.index,
      });
    }
    const summary = meanAndSd(accuracies);
    const tests = queue.results.filter(Boolean).map((r) => /** @type {any} */ (r).testAccuracy);
    verdict.textContent =
      state === 'done' && accuracies.length === k
        ? t('gen.kfold.verdict', {
            k,
            mean: percent(summary.mean),
            sd: percent(summary.sd),
            test: percent(meanAndSd(tests).mean),
          })
        : '';
    publishTestHook('generalization', {
      kfold: {
        state,
        k,
        finished: accuracies.length,
        tiles: queue.results.filter((r) => r?.grid).length,
        accuracies,
        validationSizes: plan?.folds.map((f) => f.validationY.length) ?? [],
        mean: accuracies.length ? summary.mean : null,
        sd: accuracies.length ? summary.sd : null,
      },
    });
  }

  render();
  return {
    render,
    stale() {
      queue.reset();
      frame.setTiles(0);
      reset();
    },
    unmount() {
      queue.dispose();
      frame.dispose();
    },
  };
}
