// @ts-check
// Transfer learning. First the notes' model learns classes 0–4 (Flatten → Dense(100, relu,
// ConcealmentLayer1) → Dense(5, softmax)) on up to 5,000 images. Then a new model takes that
// hidden layer's weights, frozen (`trainable: false`), under a fresh Dense(5, softmax) head, and
// is fine-tuned on a few images per class of classes 5–9 (relabelled 0–4), validated on all test
// images of those classes; beside it the same architecture, all trainable, fresh (same seed),
// learns from the same few images. Both accuracy curves share one chart. The engine's
// get_weights before and after fine-tuning shows the frozen layer bit-identical and the head
// changed.
import { controlMarkup, bindControls } from './controls.mjs';
import { HIDDEN_LAYER, OUTPUT_LAYER, SET_DATA, denseDocument } from './documents.mjs';
import { changedCount, copyLayerWeights, layerEntries } from './weights.mjs';
import { firstOfClasses, ofClasses, sampleArrays } from './samples.mjs';
import { startRun } from '../../../kit/experiment-run.mjs';
import { sectionParts } from './section-parts.mjs';
import { palette } from '../../../views/colors.mjs';
import { publishTestHook } from '../../../kit/lab-kit.mjs';

export const SOURCE_CLASSES = [0, 1, 2, 3, 4];
export const TARGET_CLASSES = [5, 6, 7, 8, 9];
export const PRETRAIN_PER_CLASS = 1000;
export const PRETRAIN_EPOCHS = 3;
export const FINE_TUNE_EPOCHS = 40;
// Both few-shot runs use the same optimizer and batch. With batch 32 and 25 images a run
// takes one step per epoch, too few for a fresh head to learn anything in 40 epochs; batch 8
// and Adam 0.003 let both runs settle (measured in Node on the default part, 5 to 100 shots).
export const FINE_TUNE_BATCH = 8;
export const FINE_TUNE_LEARNING_RATE = 0.003;
const SEED = 0;
const WEIGHTS = { op: 'get_weights', out: 'weights' };

export const TRANSFER_MARKUP = `
<div class="img-exp-controls">${controlMarkup('transferShots')}</div>
<p class="img-exp-help" data-role="transfer-intro"></p>
<div class="img-exp-actions">
  <button type="button" class="img-exp-button" id="img-exp-transfer-run" data-i18n="img.exp.transferRun"></button>
  <span class="img-exp-progress" data-role="transfer-progress" aria-live="polite"></span>
</div>
<div class="img-exp-chart" id="img-exp-transfer-chart" hidden></div>
<p class="img-exp-result" data-role="transfer-result" aria-live="polite"></p>
<p class="img-exp-frozen" data-role="transfer-frozen" aria-live="polite"></p>`;

/** The weights array and layout of a configured/snapshot event's get_weights answer.
 *  @param {{answers: any[], arrays: Record<string, Float32Array>}} event */
function weightsIn(event) {
  const answer = event.answers.find((a) => a?.weights && a?.array);
  const array = answer ? event.arrays[answer.array] : null;
  if (!answer || !array) throw new Error('the engine answered no weights');
  return { array, layout: answer.weights };
}

/**
 * @param {HTMLElement} root
 * @param {{store: any, t: (k: string, p?: object) => string, relay: any,
 *   getImageSet: () => Promise<any>, pauseMain: () => void}} ctx
 */
export function mountTransfer(root, { store, t, relay, getImageSet, pauseMain }) {
  const parts = sectionParts(root, 'transfer');
  const { $, chart } = parts;
  const ui = {
    ...parts.ui,
    frozen: $('[data-role=transfer-frozen]'),
  };
  const controls = bindControls(root, store, t, () => render());
  /** @type {any[]} runs under way */
  let active = [];
  let phase = 'idle'; // idle | pretrain | finetune | done | stopped | failed
  let pretrainEpoch = 0;
  let shots = 0;
  /** @type {Record<string, {accuracy: number[], valAccuracy: number[]}>} */
  let curves = {};
  /** @type {{frozenUnchanged: boolean, headChanged: number, frozenSize: number} | null} */
  let check = null;
  let token = 0;

  function stop() {
    token += 1;
    for (const run of active) run.stop();
    active = [];
    relay.session('images-exp-transfer').close(); // also when stopped while reading fresh weights
    if (phase === 'pretrain' || phase === 'finetune') phase = 'stopped';
  }

  async function start() {
    stop();
    if (!controls.check('transferShots')) {
      ui.result.textContent = t('img.exp.fixFirst');
      return;
    }
    const mine = token;
    phase = 'pretrain';
    pretrainEpoch = 0;
    curves = {};
    check = null;
    ui.result.textContent = '';
    render();
    try {
      const set = await getImageSet();
      if (mine !== token) return;
      pauseMain();
      shots = store.get('transferShots');
      const pretrained = await pretrain(set, mine);
      if (!pretrained || mine !== token) return;
      phase = 'finetune';
      render();
      await fineTune(set, pretrained, mine);
      if (mine !== token) return;
      phase = 'done';
    } catch (/** @type {any} */ error) {
      if (mine !== token) return;
      phase = 'failed';
      ui.result.textContent = t('img.exp.runFailed', { message: error?.message ?? String(error) });
    }
    for (const run of active) run.session.close();
    active = [];
    render();
  }

  /** Trains classes 0–4; resolves with the final weights {array, layout} (engine's answer). */
  async function pretrain(/** @type {any} */ set, /** @type {number} */ mine) {
    const indices = firstOfClasses(set.train, SOURCE_CLASSES, PRETRAIN_PER_CLASS);
    const val = ofClasses(set.test, SOURCE_CLASSES);
    const train = sampleArrays(set.train, indices);
    const test = sampleArrays(set.test, val);
    const run = startRun(relay, 'images-exp-pretrain', {
      setup: [
        {
          op: 'build',
          spec: denseDocument({
            title: 'Pretraining on classes 0-4',
            classes: 5,
            seed: SEED,
            epochs: PRETRAIN_EPOCHS,
          }),
        },
        SET_DATA,
      ],
      snapshot: [WEIGHTS],
      arrays: { train_x: train.x, train_y: train.y, val_x: test.x, val_y: test.y },
      onEpoch(logs, epoch) {
        pretrainEpoch = epoch + 1;
        curves.pretrain = curves.pretrain ?? { accuracy: [], valAccuracy: [] };
        curves.pretrain.valAccuracy.push(logs.val_accuracy);
        render();
      },
    });
    active = [run];
    const result = await run.done;
    run.session.close();
    if (mine !== token || result.stopped || !result.snapshot) return null;
    return weightsIn(result.snapshot);
  }

  /** Fine-tunes the frozen-hidden model and trains the fresh one, side by side. */
  async function fineTune(
    /** @type {any} */ set,
    /** @type {{array: Float32Array, layout: any[]}} */ pretrained,
    /** @type {number} */ mine,
  ) {
    const few = sampleArrays(set.train, firstOfClasses(set.train, TARGET_CLASSES, shots), (c) => c - 5);
    const test = sampleArrays(set.test, ofClasses(set.test, TARGET_CLASSES), (c) => c - 5);
    const arrays = { train_x: few.x, train_y: few.y, val_x: test.x, val_y: test.y };
    const frozenDoc = denseDocument({
      title: 'Transfer: frozen ConcealmentLayer1, new head',
      classes: 5,
      seed: SEED,
      epochs: FINE_TUNE_EPOCHS,
      batchSize: FINE_TUNE_BATCH,
      learningRate: FINE_TUNE_LEARNING_RATE,
      hiddenTrainable: false,
    });
    const scratchDoc = denseDocument({
      title: 'From scratch',
      classes: 5,
      seed: SEED,
      epochs: FINE_TUNE_EPOCHS,
      batchSize: FINE_TUNE_BATCH,
      learningRate: FINE_TUNE_LEARNING_RATE,
    });
    // The new model's fresh weights and layout (from the engine), with the hidden layer's
    // slices overwritten by the pretrained ones; the head keeps its fresh initialisation.
    const probe = relay.session('images-exp-transfer');
    const fresh = weightsIn(
      await probe.configure({ setup: [{ op: 'build', spec: frozenDoc }, WEIGHTS], snapshot: [] }),
    );
    if (mine !== token) return;
    const loaded = copyLayerWeights({
      target: fresh.array,
      targetLayout: fresh.layout,
      source: pretrained.array,
      sourceLayout: pretrained.layout,
      layers: [HIDDEN_LAYER],
    });
    /** @type {{array: Float32Array, layout: any[]} | null} */
    let before = /** @type {any} */ (null);
    const transfer = startRun(relay, 'images-exp-transfer', {
      setup: [
        { op: 'build', spec: frozenDoc },
        SET_DATA,
        { op: 'set_weights', array: 'pretrained' },
        WEIGHTS,
      ],
      snapshot: [WEIGHTS],
      arrays: { ...arrays, pretrained: loaded },
      onEpoch: (logs) => push('transfer', logs),
    });
    const scratch = startRun(relay, 'images-exp-scratch', {
      setup: [{ op: 'build', spec: scratchDoc }, SET_DATA],
      arrays,
      onEpoch: (logs) => push('scratch', logs),
    });
    active = [transfer, scratch];
    transfer.configured
      .then((/** @type {any} */ event) => {
        before = weightsIn(event); // what the engine holds after set_weights, before any step
      })
      .catch(() => {}); // transfer.done carries the failure
    const [done] = await Promise.all([transfer.done, scratch.done]);
    if (mine !== token || done.stopped || !done.snapshot || !before) return;
    const after = weightsIn(done.snapshot);
    const frozenChanged = changedCount(before.array, after.array, after.layout, HIDDEN_LAYER);
    const loadedChanged = changedCount(loaded, before.array, after.layout, HIDDEN_LAYER);
    check = {
      frozenUnchanged: frozenChanged === 0 && loadedChanged === 0,
      headChanged: changedCount(before.array, after.array, after.layout, OUTPUT_LAYER),
      frozenSize: layerEntries(after.layout, HIDDEN_LAYER).reduce((n, w) => n + w.size, 0),
    };
  }

  function push(/** @type {string} */ which, /** @type {Record<string, number>} */ logs) {
    curves[which] = curves[which] ?? { accuracy: [], valAccuracy: [] };
    curves[which].accuracy.push(logs.accuracy);
    curves[which].valAccuracy.push(logs.val_accuracy);
    render();
  }

  function draw() {
    const colours = palette();
    const shown = ['transfer', 'scratch'].filter((w) => curves[w]);
    ui.chartBox.hidden = shown.length === 0;
    const series = [];
    for (const which of shown) {
      const colour = which === 'transfer' ? colours.towerRelu : colours.towerSigmoid;
      const run = t(which === 'transfer' ? 'img.exp.runTransfer' : 'img.exp.runScratch');
      series.push(
        { label: t('img.exp.valOf', { run }), colour, values: curves[which].valAccuracy },
        {
          label: t('img.exp.trainOf', { run }),
          colour,
          values: curves[which].accuracy,
          dash: [4, 3],
          width: 1.5,
        },
      );
    }
    chart.update({ series, xLabel: t('img.exp.epoch') });
    const last = (/** @type {string} */ w) => curves[w]?.valAccuracy.at(-1);
    const epochs = Math.min(
      curves.transfer?.valAccuracy.length ?? 0,
      curves.scratch?.valAccuracy.length ?? 0,
    );
    ui.progress.textContent =
      phase === 'pretrain'
        ? t('img.exp.pretraining', {
            epoch: pretrainEpoch,
            epochs: PRETRAIN_EPOCHS,
            accuracy: curves.pretrain?.valAccuracy.length
              ? (100 * /** @type {number} */ (curves.pretrain.valAccuracy.at(-1))).toFixed(1)
              : '—',
          })
        : phase === 'finetune'
          ? t('img.exp.fineTuning', { epoch: epochs, epochs: FINE_TUNE_EPOCHS })
          : phase === 'stopped'
            ? t('img.exp.stopped')
            : '';
    const a = last('transfer');
    const b = last('scratch');
    if (Number.isFinite(a) && Number.isFinite(b)) {
      ui.result.textContent = t(phase === 'done' ? 'img.exp.transferDone' : 'img.exp.transferSoFar', {
        transfer: (100 * /** @type {number} */ (a)).toFixed(1),
        scratch: (100 * /** @type {number} */ (b)).toFixed(1),
        shots,
      });
      if (phase === 'done') {
        const better = /** @type {number} */ (a) > /** @type {number} */ (b);
        ui.result.textContent += ` ${t(better ? 'img.exp.transferBetter' : 'img.exp.scratchBetter')}`;
      }
    }
    ui.frozen.textContent = check
      ? check.frozenUnchanged
        ? t('img.exp.frozenOk', {
            count: check.frozenSize.toLocaleString('en'),
            head: check.headChanged.toLocaleString('en'),
          })
        : t('img.exp.frozenChanged')
      : '';
    ui.frozen.classList.toggle('img-exp-bad', Boolean(check && !check.frozenUnchanged));
    publishTestHook('imagesExperiments', {
      transfer: {
        phase,
        epochs,
        transferAccuracy: a ?? null,
        scratchAccuracy: b ?? null,
        frozenUnchanged: check?.frozenUnchanged ?? null,
        headChanged: check?.headChanged ?? null,
        frozenSize: check?.frozenSize ?? null,
      },
    });
  }

  function render() {
    controls.sync();
    ui.intro.textContent = t('img.exp.transferIntro', {
      pretrain: SOURCE_CLASSES.length * PRETRAIN_PER_CLASS,
      epochs: PRETRAIN_EPOCHS,
      shots: store.get('transferShots'),
      total: 5 * store.get('transferShots'),
      fineEpochs: FINE_TUNE_EPOCHS,
      batch: FINE_TUNE_BATCH,
      lr: FINE_TUNE_LEARNING_RATE,
    });
    ui.run.textContent = t(
      phase === 'pretrain' || phase === 'finetune' ? 'img.exp.stop' : 'img.exp.transferRun',
    );
    draw();
  }

  const onClick = () => (phase === 'pretrain' || phase === 'finetune' ? (stop(), render()) : void start());
  ui.run.addEventListener('click', onClick);
  const unsubscribe = store.subscribe((/** @type {Set<string>} */ keys) => {
    if (keys.has('transferShots')) render();
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
