// Batch size on a loss surface: one data function (a one-input neuron's loss over its weight
// and bias), one optimizer and learning rate, the same number of epochs with the whole data as
// one batch, with mini-batches and with batch size 1. An epoch is one step for the full batch
// and SAMPLES steps for batch size 1, so per epoch batch size 1 gets furthest, along a path
// that wanders ("noisy but cheap"): each of its steps saw one example.
import { DATA_FUNCTIONS, FUNCTION, SAMPLES } from './functions.mjs';
import { OPTIMIZERS, optimizerObject } from './optimizers.mjs';
import { BATCH_NAMES, FIELD_BY_NAME, HYPER_NAMES, LIMITS } from './fields.mjs';
import { lossesOf, runOf, surfaceRequest } from './surface-answers.mjs';
import { FunctionGrids } from './function-grids.mjs';
import { batchesPerEpoch } from '../optimizers/racers.mjs';
import { bindInputs } from '../../kit/store-inputs.mjs';
import { batchColour } from '../optimizers/colours.mjs';
import { LineChart } from '../sequence/line-chart.mjs';
import { ContourView } from '../../views/contour-view.mjs';
import { LatestOnly } from '../../kit/latest-only.mjs';
import { publishTestHook } from '../../kit/lab-kit.mjs';
import { lossText } from '../../kit/readable-numbers.mjs';

/** The fields the section reads: its own and the optimizers' hyperparameters. */
const BATCH_READS = new Set([...BATCH_NAMES, ...HYPER_NAMES]);

/** The three runs: their kind (colours.mjs batchColour) and batch size for a mini-batch `mini`. */
export const batchKinds = (mini) => [
  { kind: 'full', size: SAMPLES },
  { kind: 'mini', size: mini },
  { kind: 'one', size: 1 },
];

export const BATCH_MARKUP = `
<section class="surf-section" data-group="surfBatch" aria-labelledby="surf-batch-title">
  <h2 id="surf-batch-title" data-i18n="surf.batchTitle"></h2>
  <p class="surf-help" data-i18n="surf.batchIntro"></p>
  <div class="surf-fields">
    <label class="lab-field"><span data-i18n="surf.function"></span>
      <select id="surf-batch-function">${DATA_FUNCTIONS.map(
        (id) => `<option value="${id}" data-i18n="surf.fn.${id}"></option>`,
      ).join('')}</select></label>
    <label class="lab-field"><span data-i18n="surf.optimizer"></span>
      <select id="surf-batch-optimizer">${OPTIMIZERS.map(
        (o) => `<option value="${o.id}">${o.name}</option>`,
      ).join('')}</select></label>
    <label class="lab-field"><span data-i18n="surf.lr"></span>
      <input id="surf-batch-lr" type="number" min="0" step="any"></label>
    <label class="lab-field"><span data-i18n="surf.mini"></span>
      <input id="surf-batch-mini" type="number" min="2" max="${SAMPLES - 1}" step="1"></label>
    <label class="lab-field"><span data-i18n="surf.epochs"></span>
      <input id="surf-batch-epochs" type="number" min="1" max="${LIMITS.epochs}" step="1"></label>
  </div>
  <p class="surf-help" id="surf-batch-steps"></p>
  <div class="surf-batch-layout">
    <div class="surf-plot-box"><div id="surf-batch-plot" class="surf-plot"></div>
      <p class="surf-caption" data-i18n="surf.dragHelp"></p></div>
    <div id="surf-batch-chart" class="surf-chart"></div>
  </div>
  <p class="surf-status" id="surf-batch-status" aria-live="polite"></p>
</section>`;

/** Wires the section under `root`: {t, relay, store}. Returns {render(), unmount()}. */
export function mountBatch(root, { t, relay, store }) {
  const $ = (selector) => root.querySelector(selector);
  const ui = {
    fn: $('#surf-batch-function'),
    optimizer: $('#surf-batch-optimizer'),
    lr: $('#surf-batch-lr'),
    mini: $('#surf-batch-mini'),
    epochs: $('#surf-batch-epochs'),
    steps: $('#surf-batch-steps'),
    status: $('#surf-batch-status'),
  };
  const session = relay.session('surfaces-batch');
  const grids = new FunctionGrids(session, 'batch-grid', { samples: SAMPLES });
  let shown = { runs: [], grid: null, facts: null, epochs: 0 };
  let problem = '';
  let start = [...store.get('surfBatchStart')];
  const chart = new LineChart($('#surf-batch-chart'), { height: 260, log: true });
  const view = new ContourView($('#surf-batch-plot'), {
    label: t('surf.batchPlotLabel'),
    maxHeight: 360,
    onStart(point, done) {
      start = point;
      view.update({ start });
      latest.request(settings());
      if (done) store.set('surfBatchStart', [...point]);
    },
  });
  const bindings = bindInputs(
    [
      { input: ui.optimizer, name: 'surfBatchOptimizer' },
      { input: ui.lr, name: 'surfBatchLr' },
      { input: ui.mini, name: 'surfBatchMini' },
      { input: ui.epochs, name: 'surfBatchEpochs' },
    ],
    store,
    t,
    FIELD_BY_NAME,
  );

  const settings = () => {
    const id = store.get('surfBatchOptimizer');
    return {
      fn: store.get('surfBatchFunction'),
      start: [...start],
      epochs: store.get('surfBatchEpochs'),
      kinds: batchKinds(store.get('surfBatchMini')),
      optimizer: optimizerObject(id, store.get('surfBatchLr'), (name) => store.get(name)),
    };
  };

  /** The three runs in one configure: steps = epochs × batches per epoch for each. */
  async function run(s) {
    try {
      const { facts, grid } = await grids.get(s.fn);
      const requests = s.kinds.map(({ kind, size }) =>
        surfaceRequest({
          fn: s.fn,
          start: s.start,
          optimizer: s.optimizer,
          steps: s.epochs * batchesPerEpoch(SAMPLES, size),
          out: `batch-${kind}`,
          extra: { batch_size: size, samples: SAMPLES, seed: 0 },
        }),
      );
      const event = await session.configure({ setup: requests, snapshot: [] });
      const runs = s.kinds.map(({ kind, size }, i) => ({
        kind,
        size,
        run: runOf(event.answers[i], event.arrays),
      }));
      shown = { runs, grid, facts, epochs: s.epochs, start: s.start };
      problem = '';
    } catch (error) {
      problem = error?.message ?? String(error);
    }
    render();
  }
  const latest = new LatestOnly(run);

  const label = (kind, size) => t(`surf.batch.${kind}`, { n: size });

  function render() {
    const { facts, runs } = shown;
    view.update({
      grid: shown.grid,
      resolution: shown.grid ? Math.round(Math.sqrt(shown.grid.length)) : 0,
      xRange: facts?.x_range,
      yRange: facts?.y_range,
      minimum: facts?.minimum ?? null,
      xLabel: facts?.parameters?.[0] ?? '',
      yLabel: facts?.parameters?.[1] ?? '',
      start,
      paths: runs.map(({ kind, run: r }) => ({
        colour: batchColour(kind),
        points: r.path,
        stopped: Boolean(r.stopped),
      })),
    });
    // Row k of a path is after k steps, that is k / (batches per epoch) epochs.
    chart.update({
      xLabel: t('surf.epochAxis'),
      xFrom: 0,
      series: runs.map(({ kind, size, run: r }) => ({
        label: label(kind, size),
        colour: batchColour(kind),
        values: lossesOf(r),
        width: kind === 'one' ? 1.2 : 2,
        x0: 0,
        xStep: 1 / (r.batchesPerEpoch ?? 1),
      })),
    });
    ui.steps.textContent =
      runs.length === 0
        ? ''
        : t('surf.batchSteps', {
            samples: SAMPLES,
            list: runs
              .map(({ kind, size, run: r }) =>
                t('surf.perEpoch', { name: label(kind, size), n: r.batchesPerEpoch }),
              )
              .join(', '),
          });
    ui.status.textContent = problem
      ? t('surf.failed', { message: problem })
      : runs.length === 0
        ? ''
        : t('surf.batchFinal', {
            epochs: shown.epochs,
            list: runs
              .map(({ kind, size, run: r }) =>
                t('surf.finalOf', {
                  name: label(kind, size),
                  loss: lossText(r.path[r.path.length - 1]),
                  steps: r.steps,
                }),
              )
              .join('; '),
          });
    const stopped = runs.filter(({ run: r }) => r.stopped);
    if (!problem && stopped.length > 0)
      ui.status.textContent += ` ${stopped
        .map(({ kind, size, run: r }) =>
          t('surf.stopped', { name: label(kind, size), step: r.stopped?.step }),
        )
        .join(' ')}`;
    ui.status.classList.toggle('bad', Boolean(problem));
    publishTestHook('surfacesBatch', {
      problem,
      start: shown.start ?? null,
      runs: runs.map(({ kind, size, run: r }) => ({
        kind,
        size,
        steps: r.steps,
        batchesPerEpoch: r.batchesPerEpoch,
        first: [r.path[0], r.path[1]],
        points: r.path.length / 3,
      })),
      curves: chart.series.filter((s) => s.values.length > 0).length,
    });
  }

  ui.fn.addEventListener('change', () => {
    const f = FUNCTION[ui.fn.value];
    if (f) store.patch({ surfBatchFunction: f.id, surfBatchStart: [...f.start] });
  });
  const unsubscribe = store.subscribe((changed) => {
    const mine = new Set([...changed].filter((name) => BATCH_READS.has(name)));
    if (mine.size === 0) return;
    bindings.refresh(mine);
    ui.fn.value = store.get('surfBatchFunction');
    start = [...store.get('surfBatchStart')];
    latest.request(settings());
  });
  ui.fn.value = store.get('surfBatchFunction');
  render();
  latest.request(settings());

  return {
    render,
    unmount() {
      latest.cancel();
      unsubscribe();
      bindings.dispose();
      view.destroy();
      chart.destroy();
      session.close();
    },
  };
}
