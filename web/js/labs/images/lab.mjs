// The images lab: wires the store, the image sets and its engine session to its views. Loads
// the chosen image set (the set in use stays until the new one has fully loaded), configures
// the session from it and the state (debounced), sends live hyper-parameters as `tune`, and
// redraws the test-set views from snapshots at most once a second while training, so the page
// keeps its frame rate whatever the size of the test part.
import strings from './strings.mjs';
import declaration from './index.mjs';
import { buildLayout } from './layout.mjs';
import { configureRequest, dataKey, modelInfo, PAD_REQUEST, ARRAYS, snapshotInfo } from './configure.mjs';
import { OUTPUT_LAYER, imagesDocument } from './document.mjs';
import { layerNames, tuneRequest } from './tune.mjs';
import { summaryRows, countText } from './summary.mjs';
import { evaluateTest, firstIndices, sampleImages } from './evaluation.mjs';
import { imageSet as loadSet, loadedSet, setKey } from './image-source.mjs';
import { DATA_KEYS, CLASSES, VALIDATION_SPLIT, sizeOf, trainCount } from './fields.mjs';
import { mountImageViews } from './image-views.mjs';
import { loadStatus } from './load-status.mjs';
import { DATASETS } from './data/datasets.mjs';
import { mountExperiments, augmentationSpec } from './experiments/index.mjs';
import { AUGMENTATION_FIELDS } from './experiments/fields.mjs';
import { rebuildNames } from '../registry.mjs';
import { Disposer, debounce, frameScheduler, publishTestHook } from '../../kit/lab-kit.mjs';
import { fillText } from '../../kit/lab-dom.mjs';
import { clearFieldMessage, showFieldMessage } from '../../kit/field-message.mjs';
import { RebuildNotice, hasTrained } from '../../kit/rebuild-notice.mjs';
import { sameValue } from '../../state/field.mjs';
import { MetricsChartView } from '../../views/metrics-chart-view.mjs';
import { lossText } from '../../kit/readable-numbers.mjs';
import { constantLoss } from '../../kit/stall.mjs';

/** The loss chart's test-set labels, renamed for Keras's validation split. */
const VALIDATION_CHART_KEYS = {
  'chart.testLoss': 'img.valLoss',
  'chart.testDataLoss': 'img.valLoss',
  'chart.testAccuracy': 'img.valAccuracy',
};
const CONFIGURE_DELAY_MS = 150;
/** The test-set views redraw at most this often while training (a snapshot predicts the whole
 *  test part; drawing 100 cells, 30 images and the weight images each time is the page's cost). */
const TEST_VIEW_MS = 1000;
const CONFIG_KEYS = rebuildNames(declaration);
/** What apply() compares: the rebuild fields and the augmentation's (tuned live). */
const APPLY_KEYS = [...CONFIG_KEYS, ...AUGMENTATION_FIELDS];
const AUGMENTATION_KEYS = new Set(AUGMENTATION_FIELDS);

/** Counters for the browser tests (window.nnplay.images). */
const stats = {
  configured: 0,
  snapshots: 0,
  testDraws: 0,
  weightDraws: 0,
  padPredictions: 0,
  loadStarts: 0,
};

/** The percentage text of a share 0..1 ('–' when unknown). @param {number | null | undefined} share */
const percent = (share) =>
  Number.isFinite(share) ? `${/** @type {number} */ (share * 100).toFixed(1)}%` : '–';

function mount(el, ctx) {
  const { store, session } = ctx;
  const t = (key, params) => fillText(ctx.t(key, params), params);
  const ui = buildLayout(el);
  ctx.apply(el);

  let imageSet = null; // the ImageSet the model trains on
  let loadingKey = null; // the set being downloaded, if any
  let request = null; // the last configureRequest given to the session
  let applied = null; // the lab state the engine's model reflects
  let names = { dense: [], dropout: [] };
  let model = null; // modelInfo of the configured model
  let pad = null; // the drawing (784 values 0..1), or null before one
  let pendingTest = null; // a snapshot's test-set reading waiting for its turn
  let lastTestDraw = -Infinity;
  let evaluation = null; // the last evaluateTest
  let testTimer = 0;
  let shownDataset = null; // the dataset whose class names the views show
  let kernelLayer = null; // the layer whose kernel the weight images show
  let sentData = null; // the dataKey of the images the session holds
  let configureCount = 0;
  let mounted = true;
  let accepted = store.state(); // the last state with an accepted training-image count
  const disposer = new Disposer();
  const configureLater = debounce(() => apply(), CONFIGURE_DELAY_MS);
  const frames = frameScheduler(() => drawTest());
  disposer.add(() => configureLater.cancel()).add(() => frames.cancel());
  disposer.add(() => clearTimeout(testTimer));

  const notice = new RebuildNotice(el, { t });
  disposer.add(() => notice.destroy());
  const metrics = new MetricsChartView(ui.metrics, {
    t: (key, params) => t(VALIDATION_CHART_KEYS[key] ?? key, params),
    onDraw: (info) => publishTestHook('imagesChart', info),
  });
  const status = loadStatus(ui, { t });

  const lang = () => (store.get('lang') === 'ko' ? 'ko' : 'en');
  const classNames = () => DATASETS[store.get('dataset')]?.classes?.[lang()] ?? [];
  const setName = (dataset, size) => {
    const title = DATASETS[dataset]?.title?.[lang()] ?? dataset;
    return dataset === 'fashion' ? `${title}, ${t(`img.sizeName.${size}`)}` : title;
  };

  const views = mountImageViews(ui, {
    t,
    classNames: () => (imageSet ? (DATASETS[imageSet.dataset]?.classes?.[lang()] ?? []) : classNames()),
    images: () => imageSet,
    evaluation: () => evaluation,
    onDrawing: (pixels) => predictDrawing(pixels),
    onClear: () => {
      pad = null;
    },
    centreDrawing: () => (imageSet?.dataset ?? store.get('dataset')) === 'digits',
  });

  const stateNow = () => store.state();

  /** The first loaded set, for the experiments when they ask before it came. */
  let resolveFirstSet = null;
  const firstLoaded = new Promise((resolve) => {
    resolveFirstSet = resolve;
  });
  const experiments = mountExperiments(ui.experimentsBox, {
    store,
    t,
    relay: ctx.relay,
    getImageSet: () => (imageSet ? Promise.resolve(imageSet) : firstLoaded),
    pauseMain: () => session.pause(),
  });

  /** Loads the image set the state names (joined when under way); the set in use stays in use
   *  until it has loaded, then the model is rebuilt on it. */
  async function ensureData() {
    const state = stateNow();
    const dataset = state.dataset;
    const size = sizeOf(state);
    const key = setKey(dataset, size);
    const ready = loadedSet(dataset, size);
    if (ready) {
      loadingKey = null;
      status.loaded(ready, setName(dataset, size));
      useSet(ready);
      return;
    }
    loadingKey = key;
    stats.loadStarts += 1;
    const name = setName(dataset, size);
    status.loading(name, { loaded: 0, total: 0 }, imageSet ? setName(imageSet.dataset, imageSet.size) : null);
    publishTestHook('images', { loading: key, loadStarts: stats.loadStarts });
    try {
      const set = await loadSet(dataset, size, {
        onProgress: (progress) => {
          if (mounted && loadingKey === key) {
            status.loading(name, progress, imageSet ? setName(imageSet.dataset, imageSet.size) : null);
            publishTestHook('images', {
              progressEvents: (stats.progressEvents = (stats.progressEvents ?? 0) + 1),
            });
          }
        },
      });
      if (!mounted || loadingKey !== key) return;
      loadingKey = null;
      status.loaded(set, name);
      useSet(set);
    } catch (error) {
      if (!mounted || loadingKey !== key) return;
      loadingKey = null;
      configureLater.call(); // the other changes made while it downloaded
      status.failed(error, () => ensureData(), imageSet ? setName(imageSet.dataset, imageSet.size) : null);
      publishTestHook('images', { loading: null, loadError: error?.code ?? String(error) });
    }
  }

  /** Trains on `set` from now on (a new model when it is another set). */
  function useSet(set) {
    publishTestHook('images', {
      loading: null,
      loaded: { dataset: set.dataset, size: set.size, fromCache: set.fromCache, bytes: set.bytes },
    });
    if (set === imageSet && applied) {
      configureLater.call(); // other changes that came with it, if any
      return;
    }
    imageSet = set;
    resolveFirstSet?.(set);
    refuseTooMany();
    configure();
  }

  /** The main model's fit.augmentation from the experiments' controls (null: none). */
  function augmentation() {
    return augmentationSpec(stateNow());
  }

  async function configure() {
    configureLater.cancel();
    if (!imageSet) return;
    const state = stateNow();
    // A new model on the images the session holds does not send them again.
    const same = sentData !== null && sentData === dataKey(state, imageSet);
    const next = configureRequest(state, imageSet, { pad, augmentation: augmentation(), images: !same });
    // The stall's baseline: the loss of guessing by class frequency (ln 10 when balanced).
    next.baseline = constantLoss(
      'sparse_categorical_crossentropy',
      imageSet.train.labels.subarray(0, next.counts.train),
    );
    const wasRunning = session.running;
    const count = ++configureCount;
    // The lab keeps no copy of the images' arrays (the session handle keeps one for a
    // restarted worker): on the full set they are 220 MB of float32.
    request = { ...next, arrays: { [ARRAYS.padX]: next.arrays[ARRAYS.padX] } };
    applied = null;
    showSplit(state);
    try {
      sentData = null; // unknown until the session has them
      await session.configure({
        setup: next.setup,
        snapshot: next.snapshot,
        arrays: next.arrays,
        snapshotMs: next.snapshotMs,
        keepArrays: same,
      });
      if (count !== configureCount) return;
      sentData = next.dataKey;
      applied = state;
      names = layerNames(/** @type {any} */ (await session.call({ op: 'tune' })).layers);
      if (mounted && wasRunning && count === configureCount) session.play();
    } catch (error) {
      // The shell shows session errors; the lab keeps its previous picture.
      if (mounted && error?.message === 'the engine is not running' && count === configureCount) {
        configureLater.call();
      }
    }
  }

  /** A tune request when only live hyper-parameters changed (weights and curves kept), else a
   *  rebuild, which the learner is told beside the control when the model had trained. */
  async function apply() {
    if (!imageSet || loadingKey) return; // configured once the set has loaded
    const state = stateNow();
    // A change of the set itself comes through ensureData once the new set has loaded; until
    // then (or after a failed load) the model keeps the set in use.
    const changed = applied
      ? APPLY_KEYS.filter((key) => !DATA_KEYS.includes(key) && !sameValue(applied[key], state[key]))
      : null;
    if (changed?.length === 0) return undefined;
    const tune =
      changed && request
        ? tuneRequest(changed, applied, state, names, {
            augmentationKeys: AUGMENTATION_KEYS,
            augmentation: augmentation(),
          })
        : null;
    if (!tune) {
      // Named by the fields that need the new model (the augmentation's are tuned).
      const causes = changed?.filter((key) => CONFIG_KEYS.has(key)) ?? [];
      if (causes.length && hasTrained(session.lastProgress)) notice.show(causes);
      return configure();
    }
    const count = configureCount;
    try {
      await session.tune(tune, imagesDocument(state, { augmentation: augmentation() }));
      if (count === configureCount) applied = state;
    } catch {
      if (mounted && count === configureCount) configure();
    }
    return undefined;
  }

  /** A training-image count beyond what the loaded part holds is put back, and its control says
   *  why; the model on screen keeps training. Returns whether it refused. */
  function refuseTooMany() {
    const state = stateNow();
    const available = imageSet?.train?.count ?? Infinity;
    const row = el.ownerDocument.querySelector(
      '#control-panels .field[data-field="trainImages"], [data-field="trainImages"]',
    );
    const input = row?.querySelector('[data-key]') ?? null;
    if (!state.subset || state.trainImages <= available) {
      if (row) clearFieldMessage(row, input ? [input] : []);
      accepted = state;
      return false;
    }
    if (!imageSet || loadingKey) return false;
    const back = accepted.trainImages <= available ? accepted.trainImages : available;
    store.set('trainImages', back);
    // After every subscriber has seen the change (the panels clear a message when they show
    // the store's value).
    queueMicrotask(() => row && showFieldMessage(row, t('img.tooMany', { n: countText(available) }), input));
    return true;
  }

  /** The drawing goes to the engine (pad_x) and is predicted; the snapshot that follows the
   *  call carries its probabilities. */
  function predictDrawing(pixels) {
    pad = Float32Array.from(pixels);
    if (request) request.arrays[ARRAYS.padX] = pad;
    if (!session.configured) return;
    session.call({ ...PAD_REQUEST }, { [ARRAYS.padX]: pad }).catch(() => {});
  }

  function showSplit(state) {
    if (!imageSet) return;
    const used = trainCount(state, imageSet.train.count);
    const validation = Math.floor(used * VALIDATION_SPLIT);
    ui.split.textContent = t('img.split', {
      train: countText(used - validation),
      validation: countText(validation),
      test: countText(imageSet.test.count),
    });
  }

  function renderSummary() {
    if (!model) return;
    const { rows, totals } = summaryRows(model, t);
    ui.summaryRows.replaceChildren(
      ...rows.map((cells) => {
        const tr = document.createElement('tr');
        for (const text of cells)
          tr.append(Object.assign(document.createElement('td'), { textContent: text }));
        return tr;
      }),
    );
    ui.totals.replaceChildren(
      ...totals.map((text) => Object.assign(document.createElement('span'), { textContent: text })),
    );
  }

  function showEpoch(answer) {
    ui.epoch.textContent = String(answer.epoch ?? 0);
    const logs = answer.epoch_logs?.at(-1)?.logs;
    if (!logs) return;
    ui.trainLoss.textContent = lossText(logs.loss);
    ui.valLoss.textContent = lossText(logs.val_loss);
    ui.trainAcc.textContent = percent(logs.accuracy);
    ui.valAcc.textContent = percent(logs.val_accuracy);
  }

  function clearReadouts() {
    for (const node of [ui.trainLoss, ui.valLoss, ui.trainAcc, ui.valAcc, ui.testAcc]) node.textContent = '–';
    ui.epoch.textContent = '0';
  }

  /** A snapshot's test-set reading is drawn now when the last one is a second old (or training
   *  is paused), else when that second is up. */
  function takeTest(info) {
    pendingTest = info;
    clearTimeout(testTimer);
    const wait = session.running ? lastTestDraw + TEST_VIEW_MS - performance.now() : 0;
    if (wait <= 0) frames.schedule();
    else testTimer = setTimeout(() => frames.schedule(), wait);
  }

  function drawTest() {
    const info = pendingTest;
    pendingTest = null;
    if (!info || !request || !imageSet) return;
    lastTestDraw = performance.now();
    if (info.probabilities && info.probabilities.length === request.counts.test * CLASSES) {
      evaluation = evaluateTest(info.probabilities, imageSet.test.labels, CLASSES);
      ui.testAcc.textContent = percent(evaluation.accuracy);
      ui.testFigure.textContent = t('img.testFigure', {
        acc: percent(evaluation.accuracy),
        right: countText(evaluation.right),
        n: countText(evaluation.n),
      });
      views.showTest(evaluation, sampleImages(imageSet.test, firstIndices(imageSet.test.count), evaluation));
      stats.testDraws += 1;
    }
    if (info.kernel) {
      views.showWeights(info.kernel);
      kernelLayer = info.kernel.layer;
      renderWeightsHelp();
      stats.weightDraws += 1;
    }
    publishTestHook('images', {
      testDraws: stats.testDraws,
      weightDraws: stats.weightDraws,
      testAccuracy: evaluation?.accuracy ?? null,
      confusion: evaluation ? Array.from(evaluation.matrix.counts) : null,
      kernelSum: info.kernel ? info.kernel.values.reduce((a, v) => a + Math.abs(v), 0) : null,
    });
  }

  /** What the weight images show: a hidden layer's units, or the output layer's classes. */
  function renderWeightsHelp() {
    const layer = kernelLayer ?? (store.get('hiddenLayers') > 0 ? 'ConcealmentLayer1' : OUTPUT_LAYER);
    const help = layer === OUTPUT_LAYER ? 'img.weightsHelpOutput' : 'img.weightsHelp';
    ui.weightsHelp.textContent = t(help, { layer });
  }

  function renderTexts() {
    const what = t(`img.drawWhat.${store.get('dataset') === 'digits' ? 'digits' : 'fashion'}`);
    ui.drawHelp.textContent = t('img.drawHelp', { what });
    renderWeightsHelp();
    showSplit(applied ?? stateNow());
    renderSummary();
    status.render();
    if (evaluation) {
      ui.testFigure.textContent = t('img.testFigure', {
        acc: percent(evaluation.accuracy),
        right: countText(evaluation.right),
        n: countText(evaluation.n),
      });
    }
  }

  // Session events (the engine's answers as they are).
  disposer.add(
    session.on('configured', (event) => {
      if (!request) return;
      model = modelInfo(request.setup, event);
      // The stall's baseline: the loss of guessing by class frequency (ln 10 when balanced).
      ctx.reportHints?.({ baseline: request.baseline });
      metrics.reset({ accuracy: true });
      clearReadouts();
      evaluation = null;
      kernelLayer = null;
      views.reset();
      if (imageSet && imageSet.dataset !== shownDataset) {
        shownDataset = imageSet.dataset;
        pad = null;
        views.rebuild({ dataset: true }); // the other dataset's class names and pad
      }
      ui.testFigure.textContent = t('img.testWaiting');
      renderTexts();
      stats.configured += 1;
      publishTestHook('images', { configured: stats.configured, params: model?.params ?? null });
    }),
  );
  disposer.add(
    session.on('progress', ({ answer }) => {
      metrics.update({ epochLogs: answer.epoch_logs ?? [], earlyStopping: null });
      showEpoch(answer);
      if (answer.epoch_logs?.length) {
        const logs = answer.epoch_logs.at(-1).logs;
        publishTestHook('images', { epoch: answer.epoch, valAccuracy: logs.val_accuracy ?? null });
      }
    }),
  );
  disposer.add(
    session.on('snapshot', (event) => {
      if (!request) return;
      const info = snapshotInfo(request.snapshot, event);
      stats.snapshots += 1;
      if (pad && info.pad) {
        views.showDrawing(info.pad);
        stats.padPredictions += 1;
        publishTestHook('images', {
          padPredictions: stats.padPredictions,
          padProbabilities: Array.from(info.pad),
        });
      }
      publishTestHook('images', { snapshots: stats.snapshots });
      takeTest(info);
    }),
  );
  disposer.add(
    session.on('paused', ({ reason }) => {
      if (reason !== 'reset') return;
      metrics.reset({ accuracy: true });
      clearReadouts();
    }),
  );
  disposer.add(
    store.subscribe((changed) => {
      if (DATA_KEYS.some((key) => changed.has(key))) {
        ensureData();
        renderTexts();
        return;
      }
      if ((changed.has('trainImages') || changed.has('subset')) && refuseTooMany()) return;
      if ([...changed].some((key) => CONFIG_KEYS.has(key) || AUGMENTATION_KEYS.has(key)))
        configureLater.call();
    }),
  );
  disposer.add(
    ctx.onLangChange?.(() => {
      ctx.apply(el);
      metrics.setStrings(t);
      views.rebuild();
      experiments.render();
      renderTexts();
    }),
  );

  renderTexts();
  ensureData();

  return {
    unmount() {
      mounted = false;
      disposer.dispose();
      metrics.destroy();
      views.destroy();
      experiments.unmount();
      el.innerHTML = '';
    },
  };
}

export default { id: 'images', strings, mount };
