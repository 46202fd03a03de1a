// The MLP lab (TensorFlow Playground and beyond): wires the store and its engine session to its
// views. Configures the session from mlpDocument(state) (debounced on relevant keys), rebuilds the
// network editor only when its shape changes, and repaints the heat map, thumbnails and links
// from snapshots once per animation frame at most.
import strings from './strings.mjs';
import { buildLayout } from './layout.mjs';
import { Disposer, debounce, frameScheduler, publishTestHook } from '../../kit/lab-kit.mjs';
import { CONFIG_KEYS, GRID, configureRequest, configuredInfo, snapshotInfo, taskOf } from './configure.mjs';
import { setWeightsCall } from '../../kit/session-answers.mjs';
import { layerNames, rebuildCauses, tuneRequest } from './tune.mjs';
import { RebuildNotice, hasTrained } from '../../kit/rebuild-notice.mjs';
import { constantLoss } from '../../kit/stall.mjs';
import { deadReluUnits } from './hints.mjs';
import { mlpDocument } from '../../model/document.mjs';
import { DataTools } from './data-tools.mjs';
import { drawDatasetPreview } from './dataset-previews.mjs';
import { addLayer, removeLayer, resizeLayer, setActivation } from './network-edits.mjs';
import { networkData } from './snapshot-model.mjs';
import { FEATURES, arraysToPoints, featureMap } from '../../data/points.mjs';
import { ACTIVATIONS } from '../../state/kit-fields.mjs';
import { sameValue } from '../../state/field.mjs';
import { LIMITS } from './fields.mjs';
import { HeatmapView } from '../../views/heatmap-view.mjs';
import { MetricsChartView } from '../../views/metrics-chart-view.mjs';
import { NetworkView } from '../../views/network-view.mjs';
import { lossText } from '../../kit/readable-numbers.mjs';

const CONFIGURE_DELAY_MS = 150;
let featureMaps = null; // key -> Float32Array(res*res), computed once

/** Draw counters for the browser tests and the page benchmark (window.nnplay). */
const drawStats = { firstGridAt: null, gridDraws: 0, thumbDraws: 0 };

/** Counts a drawn grid and `thumbs` drawn thumbnails, and publishes the counters. */
function countDraws(grid, thumbs) {
  if (grid) {
    drawStats.gridDraws += 1;
    if (!(drawStats.firstGridAt > 0)) drawStats.firstGridAt = performance.now();
  }
  drawStats.thumbDraws += thumbs;
  publishTestHook('mlpDraws', drawStats);
  if (window.nnplay) Object.assign(window.nnplay, drawStats); // the names tests and bench read
}

function mount(el, ctx) {
  const { store, session } = ctx;
  const t = (key, params) => ctx.t(key, params);
  const ui = buildLayout(el);
  ctx.apply(el);
  featureMaps ??= new Map(
    FEATURES.map((f) => [f.key, featureMap(f.key, { range: GRID.xRange, resolution: GRID.resolution })]),
  );

  let configured = null; // {model, points} of the last configured event
  let request = null; // the last {setup, snapshot, arrays} given to the session
  let lastView = null; // the last snapshot as the views take it (snapshotInfo)
  let task = taskOf(store.state()); // the task of the configured model
  let shownPoints = null; // {train: [[x1, x2, label]], test: [...]}
  let pendingSnapshot = null;
  let restoredEpoch = null; // the epoch (from 1) whose weights early stopping put back
  let configureCount = 0;
  let mounted = true;
  const disposer = new Disposer();
  const configureLater = debounce(() => apply(), CONFIGURE_DELAY_MS);
  // The lab state the engine's model reflects, and its layers' names (for tune requests).
  let applied = null;
  let names = { dense: [], dropout: [] };
  const frames = frameScheduler(() => drawFrame());
  disposer.add(() => configureLater.cancel()).add(() => frames.cancel());
  // Where a field's control sits when the one the learner used is gone (the network editor
  // redraws itself on every shape change); else its control-panel row.
  const NOTICE_ANCHORS = {
    layers: '#network .net-toolbar',
    features: '#network .net-inputs',
    dataset: '.mlp-datasets',
    points: '#heatmap-box',
  };
  const notice = new RebuildNotice(el, {
    t,
    anchorOf: (name) => el.ownerDocument.querySelector(NOTICE_ANCHORS[name] ?? `[data-field="${name}"]`),
  });
  disposer.add(() => notice.destroy());

  const heatmap = new HeatmapView(ui.heatmapBox, {
    canvasId: 'heatmap',
    range: GRID.xRange,
    label: t('mlp.heatmap'),
    onPick: (x1, x2) => tools.addPoint(x1, x2),
  });
  const metrics = new MetricsChartView(ui.metrics, {
    t,
    onDraw: (info) => publishTestHook('mlpChart', info),
  });
  const network = new NetworkView(ui.network, {
    t,
    activations: ACTIVATIONS,
    maxLayers: LIMITS.maxLayers,
    maxUnits: LIMITS.maxUnits,
    onAddLayer: () => store.set('layers', addLayer(store.get('layers'), store.get('activation'))),
    onRemoveLayer: () => store.set('layers', removeLayer(store.get('layers'))),
    onAddNeuron: (i) => store.set('layers', resizeLayer(store.get('layers'), i, +1)),
    onRemoveNeuron: (i) => store.set('layers', resizeLayer(store.get('layers'), i, -1)),
    onActivation: (i, name) => store.set('layers', setActivation(store.get('layers'), i, name)),
    onToggleFeature: (key) => toggleFeature(key),
    onWeightEdit: (index, value) => editWeight(index, value),
  });
  const tools = new DataTools(ui, {
    store,
    t,
    task: () => taskOf(store.state()),
    currentPoints: () =>
      store.get('dataset') === 'custom'
        ? store.get('points')
        : [...(shownPoints?.train ?? []), ...(shownPoints?.test ?? [])],
  });

  /** Hands the shell's hint banner the lab's figures, when they changed (stall baseline, dead
   *  ReLUs). */
  let reported = '';
  function reportHints(figures) {
    const key = JSON.stringify(figures);
    if (key === reported) return;
    reported = key;
    ctx.reportHints?.(figures);
  }

  function toggleFeature(key) {
    const features = store.get('features');
    const next = features.includes(key) ? features.filter((f) => f !== key) : [...features, key];
    if (next.length > 0) store.set('features', next);
  }

  function editWeight(index, value) {
    const weights = lastView?.weights;
    if (!weights || index < 0 || index >= weights.length) return;
    const next = Float32Array.from(weights);
    next[index] = value;
    const { request: call, arrays } = setWeightsCall(next);
    session.call(call, arrays).catch(() => {}); // the shell shows session errors
  }

  /** Rebuilds the network editor when layers, features or output units changed. */
  function setNetworkShape(force = false) {
    const active = new Set(store.get('features'));
    const outputShape = configured?.model?.outputs?.[0]?.shape ?? [1];
    network.setShape(
      {
        features: FEATURES.map((f) => ({
          key: f.key,
          label: t(`feature.${f.key}`),
          active: active.has(f.key),
          map: featureMaps.get(f.key),
          resolution: GRID.resolution,
        })),
        layers: store.get('layers'),
        outputs: outputShape.at(-1) ?? 1,
      },
      { force },
    );
    ui.network.querySelector('.net-inputs')?.setAttribute('data-group', 'features');
    applyHideFlags();
    if (lastView) scheduleFrame(lastView);
  }

  /** The shell hides [data-group] elements named by the URL's hide flag; redo it for new DOM. */
  function applyHideFlags() {
    const hide = store.flags?.hide;
    if (!Array.isArray(hide)) return;
    for (const node of el.querySelectorAll('[data-group]')) node.hidden = hide.includes(node.dataset.group);
  }

  function showPoints() {
    if (store.get('dataset') === 'custom' && !configured?.points) {
      shownPoints = { train: store.get('points'), test: [] };
    } else if (configured?.points) {
      shownPoints = {
        train: arraysToPoints(configured.points.train),
        test: arraysToPoints(configured.points.validation),
      };
    } else {
      shownPoints = null;
    }
    const kind = task.task === 'regression' ? 'values' : 'classes';
    heatmap.update({ points: shownPoints, kind, classes: task.classes });
  }

  function updateLegend() {
    const key =
      task.task === 'regression'
        ? 'mlp.legendValues'
        : task.classes > 2
          ? 'mlp.legendClasses'
          : 'mlp.legendBinary';
    ui.legend.textContent = t(key);
  }

  function syncControls() {
    const dataset = store.get('dataset');
    for (const button of ui.datasets) {
      const on = button.dataset.dataset === dataset;
      button.classList.toggle('selected', on);
      button.setAttribute('aria-pressed', String(on));
    }
    ui.showTest.checked = store.get('showTest');
    ui.discretize.checked = store.get('discretize');
  }

  async function configure() {
    configureLater.cancel();
    const state = store.state();
    const next = configureRequest(state);
    ui.needPoints.hidden = next !== null;
    if (!next) {
      // Too few custom points to train: show them over an empty map until there are more.
      if (session.running) session.pause();
      configured = null;
      heatmap.reset();
      showPoints();
      return;
    }
    const wasRunning = session.running;
    const count = ++configureCount;
    request = next;
    applied = null;
    try {
      await session.configure(next);
      if (count === configureCount) {
        applied = state;
        names = layerNames(/** @type {any} */ (await session.call({ op: 'tune' })).layers);
      }
      if (mounted && wasRunning && count === configureCount) session.play();
    } catch (error) {
      // The shell shows session errors; the lab only keeps its previous picture.
      if (mounted && error?.message === 'the engine is not running' && count === configureCount) {
        configureLater.call();
      }
    }
  }

  /** Brings the engine's model to the lab state: a tune request when only hyper-parameters
   *  Keras can change live differ (weights, optimizer state and chart kept), else a rebuild. */
  async function apply() {
    const state = store.state();
    const changed = applied ? [...CONFIG_KEYS].filter((key) => !sameValue(applied[key], state[key])) : null;
    const tune = changed && request ? tuneRequest(changed, applied, state, names) : null;
    if (!tune) {
      // A new model: its weights start over, which the learner is told beside the control.
      if (changed?.length && hasTrained(session.lastProgress))
        notice.show(rebuildCauses(changed, applied, state));
      return configure();
    }
    const count = configureCount;
    try {
      await session.tune(tune, mlpDocument(state));
      if (count === configureCount) applied = state;
    } catch {
      if (mounted && count === configureCount) configure();
    }
  }

  function scheduleFrame(snapshot) {
    if (snapshot) pendingSnapshot = snapshot;
    frames.schedule();
  }

  function drawFrame() {
    const snapshot = pendingSnapshot;
    pendingSnapshot = null;
    const grid = Boolean(snapshot?.grid && configured);
    if (grid) heatmap.update({ grid: snapshot.grid });
    const thumbs = snapshot?.weights
      ? network.update(networkData(snapshot, { unitOutputs: task.task === 'classification' }))
      : 0;
    if (grid || thumbs) countDraws(grid, thumbs);
    if (snapshot?.losses) showLosses(snapshot.losses);
  }

  /**
   * The readouts: the data losses of the weights on screen (a snapshot's evaluate answers, at
   * most 4 a second while training), and a note with the regularization penalty (Keras's
   * `loss` includes it) and the epoch early stopping restored. losses null: '–' everywhere.
   */
  function showLosses(losses) {
    const train = losses ? lossParts(losses.train) : null;
    const test = losses?.test ? lossParts(losses.test) : null;
    ui.trainLoss.textContent = lossText(train?.data);
    ui.testLoss.textContent = lossText(test?.data);
    const notes = [];
    if (train?.penalty !== null && train?.penalty !== undefined) {
      notes.push(
        t('mlp.penaltyNote', {
          penalty: lossText(train.penalty),
          train: lossText(train.total),
          test: lossText(test?.total),
        }),
      );
    }
    if (restoredEpoch !== null && losses) notes.push(t('mlp.restoredNote', { n: restoredEpoch }));
    ui.lossNote.textContent = notes.join(' ');
    ui.lossNote.hidden = notes.length === 0;
    publishTestHook('mlpLosses', {
      train: train?.data ?? null,
      test: test?.data ?? null,
      penalty: train?.penalty ?? null,
      restoredEpoch,
    });
  }

  // Session events (the engine's answers as they are).
  disposer.add(
    session.on('configured', (event) => {
      if (!request) return;
      configured = configuredInfo(request.setup, event);
      task = taskOf(store.state());
      reportHints({
        baseline: constantLoss(request.setup[0].spec.compile.loss, configured.points?.train?.y ?? []),
        deadUnits: 0,
        reluUnits: 0,
      });
      metrics.reset({ accuracy: task.task === 'classification' });
      restoredEpoch = null;
      showLosses(null); // the snapshot that follows has the new model's losses
      heatmap.update({ kind: task.task === 'regression' ? 'values' : 'classes', classes: task.classes });
      showPoints();
      updateLegend();
      tools.refresh();
      setNetworkShape();
    }),
  );
  disposer.add(
    session.on('progress', ({ answer }) => {
      const es = answer.early_stopping;
      metrics.update({
        epochLogs: answer.epoch_logs ?? [],
        earlyStopping: es ? { bestEpoch: es.best_epoch, restored: Boolean(es.restored) } : null,
      });
      // The snapshot after this answer evaluates the restored weights; the note names them.
      restoredEpoch = es?.restored && Number.isInteger(es.best_epoch) ? es.best_epoch + 1 : null;
    }),
  );
  disposer.add(
    session.on('snapshot', (event) => {
      if (!request) return;
      lastView = snapshotInfo(request.snapshot, event);
      scheduleFrame(lastView);
      const units = deadReluUnits(applied?.layers ?? store.get('layers'), lastView.neurons);
      reportHints({ deadUnits: units.dead, reluUnits: units.relu });
    }),
  );
  disposer.add(
    session.on('paused', ({ reason }) => {
      if (reason !== 'reset') return;
      metrics.reset({ accuracy: task.task === 'classification' });
      restoredEpoch = null;
    }),
  );

  // Store changes.
  disposer.add(
    store.subscribe((changed) => {
      // TensorFlow Playground's activation control sets every hidden layer's activation.
      if (changed.has('activation')) {
        const activation = store.get('activation');
        const layers = store.get('layers');
        if (layers.some((layer) => layer.activation !== activation)) {
          store.set(
            'layers',
            layers.map((layer) => ({ ...layer, activation })),
          );
        }
      }
      if ([...changed].some((key) => CONFIG_KEYS.has(key))) configureLater.call();
      if (changed.has('layers') || changed.has('features')) setNetworkShape();
      if (changed.has('discretize')) heatmap.update({ discretize: store.get('discretize') });
      if (changed.has('showTest')) heatmap.update({ showTest: store.get('showTest') });
      if (changed.has('dataset') || changed.has('points')) {
        if (store.get('dataset') === 'custom') {
          heatmap.update({ points: { train: store.get('points'), test: [] } });
        }
        tools.refresh();
      }
      if (changed.has('flag:hide')) applyHideFlags();
      syncControls();
    }),
  );

  // Controls of the lab itself.
  for (const button of ui.datasets) {
    drawDatasetPreview(button.querySelector('canvas'), button.dataset.dataset);
    // "Your points" always shows the learner's own points (a link's points stay in the link).
    button.addEventListener('click', () => {
      const own = button.dataset.dataset === 'custom' ? store.own('points') : null;
      store.patch(own ? { dataset: 'custom', points: own } : { dataset: button.dataset.dataset });
    });
  }
  ui.showTest.addEventListener('change', () => store.set('showTest', ui.showTest.checked));
  ui.discretize.addEventListener('change', () => store.set('discretize', ui.discretize.checked));

  disposer.add(
    ctx.onLangChange?.(() => {
      ctx.apply(el);
      updateLegend();
      setNetworkShape(true);
      metrics.setStrings(t);
      tools.refresh(true);
      if (lastView?.losses) showLosses(lastView.losses);
    }),
  );

  heatmap.update({ discretize: store.get('discretize'), showTest: store.get('showTest') });
  syncControls();
  updateLegend();
  setNetworkShape();
  configure();

  return {
    unmount() {
      mounted = false;
      disposer.dispose();
      heatmap.destroy();
      network.destroy();
      metrics.destroy();
      el.innerHTML = '';
    },
  };
}

/** {data, penalty, total} of evaluate logs: Keras's `loss` is data + penalty; the engine logs
 *  the penalty as `regularization_loss` when the model has a regularizer (else penalty null). */
function lossParts(logs) {
  const total = typeof logs?.loss === 'number' ? logs.loss : null;
  const penalty = typeof logs?.regularization_loss === 'number' ? logs.regularization_loss : null;
  return { data: total === null ? null : total - (penalty ?? 0), penalty, total };
}

export default { id: 'mlp', strings, mount };
