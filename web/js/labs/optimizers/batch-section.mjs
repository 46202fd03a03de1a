// Batch size: the race's network and data with one optimizer, trained with the whole data as
// one batch, with mini-batches of 32 and with batch size 1, one epoch per round for each.
// Against epochs, batch size 1 falls fastest (400 updates an epoch against 1); against updates
// the full batch's few steps are the steadiest. The thin dashed lines are the loss of the last
// batch of each epoch: one example's loss for batch size 1, so its noise shows.
import { Lockstep } from './lockstep.mjs';
import { RACERS, RACER, SAMPLES, batchesPerEpoch, racerDocument } from './racers.mjs';
import { BATCH_NAMES, FIELD_BY_NAME, LIMITS } from './fields.mjs';
import { bindInputs } from '../../kit/store-inputs.mjs';
import { batchColour } from './colours.mjs';
import { LineChart } from '../sequence/line-chart.mjs';
import { publishTestHook } from '../../kit/lab-kit.mjs';

/** The three batch sizes compared: the whole training set, 32, one example. */
export const BATCH_KINDS = Object.freeze([
  { kind: 'full', size: SAMPLES },
  { kind: 'mini', size: 32 },
  { kind: 'one', size: 1 },
]);

export const BATCH_MARKUP = `
<section class="opt-section" data-group="optBatch" aria-labelledby="opt-batch-title">
  <h2 id="opt-batch-title" data-i18n="opt.batchTitle"></h2>
  <p class="opt-help" data-i18n="opt.batchIntro"></p>
  <div class="opt-fields">
    <label class="lab-field"><span data-i18n="opt.optimizer"></span>
      <select id="opt-batch-optimizer">${RACERS.map((r) => `<option value="${r.id}">${r.name}</option>`).join('')}</select></label>
    <label class="lab-field"><span data-i18n="opt.lr"></span>
      <input id="opt-batch-lr" type="number" min="0" step="any" value="0.05"></label>
    <label class="lab-field"><span data-i18n="opt.epochs"></span>
      <input id="opt-batch-epochs" type="number" min="1" max="${LIMITS.epochs}" step="1" value="20"></label>
    <label class="lab-field"><span data-i18n="opt.xAxis"></span>
      <select id="opt-batch-axis"><option value="epochs" data-i18n="opt.axisEpochs"></option>
        <option value="updates" data-i18n="opt.axisUpdates"></option></select></label>
  </div>
  <div class="opt-buttons">
    <button type="button" class="opt-button primary" id="opt-batch-run" data-i18n="opt.start"></button>
  </div>
  <p class="opt-status" id="opt-batch-status" aria-live="polite"></p>
  <div id="opt-batch-chart" class="opt-chart"></div>
</section>`;

/** Wires the comparison under `root`: {t, relay, store (the lab's fields; the network and
 *  data are the race's)}. Returns {render(), pause(), unmount()}. */
export function mountBatch(root, { t, relay, store }) {
  const $ = (selector) => root.querySelector(selector);
  const ui = {
    optimizer: $('#opt-batch-optimizer'),
    lr: $('#opt-batch-lr'),
    epochs: $('#opt-batch-epochs'),
    axis: $('#opt-batch-axis'),
    run: $('#opt-batch-run'),
    status: $('#opt-batch-status'),
  };
  const chartBox = $('#opt-batch-chart');
  const chart = new LineChart(chartBox, { height: 220, log: true });
  const lock = new Lockstep(relay, 'optimizers-batch');
  let running = false;
  let problem = '';
  let budget = 0;

  const bindings = bindInputs(
    [
      { input: ui.optimizer, name: 'batchOptimizer' },
      { input: ui.lr, name: 'batchLr' },
      { input: ui.epochs, name: 'batchEpochs' },
    ],
    store,
    t,
    FIELD_BY_NAME,
  );

  /** The comparison's settings and the race's network and data, all from the store. */
  const readSettings = () => ({
    racer: store.get('batchOptimizer'),
    lr: store.get('batchLr'),
    epochs: store.get('batchEpochs'),
    dataset: store.get('raceData'),
    hidden: store.get('raceHidden'),
    activation: store.get('raceActivation'),
  });

  async function toggle() {
    if (running) {
      running = false;
      render();
      return;
    }
    if (lock.runs.length > 0 && !lock.finished) {
      running = true;
      loop();
      return;
    }
    // A refused value still shown beside its control: the learner meant another comparison.
    if (root.querySelector('[data-group=optBatch] [aria-invalid=true]')) return;
    const settings = readSettings();
    budget = settings.epochs;
    problem = '';
    running = true;
    render();
    const entries = BATCH_KINDS.map(({ kind, size }) => ({
      key: kind,
      batches: batchesPerEpoch(SAMPLES, size),
      document: racerDocument({ ...settings, batchSize: size, seed: 0 }),
    }));
    try {
      if (!(await lock.start(entries))) return;
    } catch (error) {
      problem = error?.message ?? String(error);
      running = false;
      render();
      return;
    }
    loop();
  }

  async function loop() {
    render();
    const failure = await lock.runRounds(() => running, render);
    if (failure) problem = failure;
    if (lock.finished) running = false;
    render();
  }

  function render() {
    ui.run.textContent = t(
      running ? 'opt.pause' : lock.runs.length > 0 && !lock.finished ? 'opt.continue' : 'opt.start',
    );
    const updates = ui.axis.value === 'updates';
    ui.status.textContent = problem
      ? t('opt.failed', { message: problem })
      : lock.runs.length > 0
        ? t('opt.batchNow', { epoch: lock.epochs, budget })
        : '';
    const series = [];
    for (const run of lock.runs) {
      const label = t(`opt.batch.${run.key}`, { n: SAMPLES });
      // Epoch e (0-based) ends after (e + 1) · batches updates; the chart counts x from 1.
      const x = updates ? { x0: run.batches - 1, xStep: run.batches } : {};
      series.push({ label, colour: batchColour(run.key), values: run.losses, ...x });
      series.push({
        label: t('opt.lastBatch', { name: label }),
        colour: batchColour(run.key),
        values: run.lastBatch,
        dash: [3, 3],
        width: 1,
        ...x,
      });
    }
    chartBox.hidden = lock.runs.length === 0; // no empty axes before the first run
    // Updates run from 1 (full batch, first epoch) to thousands (batch size 1): a log axis.
    chart.update({ series, xLabel: t(updates ? 'opt.updatesAxis' : 'opt.epochAxis'), logX: updates });
    publishTestHook('optimizerBatch', {
      running,
      curves: lock.runs.filter((r) => r.losses.length > 0).length,
      epochs: lock.runs.map((r) => r.losses.length),
      updates: lock.runs.map((r) => r.updates),
    });
  }

  ui.run.addEventListener('click', toggle);
  ui.axis.addEventListener('change', render);
  // A changed optimizer takes a learning rate that suits the comparison (5 × the race's).
  ui.optimizer.addEventListener('change', () => {
    if (store.get('batchOptimizer') === ui.optimizer.value)
      store.set('batchLr', RACER[ui.optimizer.value].lr * 5);
  });
  // A changed setting (typed, a preset, a link) drops the runs started with the old one.
  const unsubscribe = store.subscribe((changed) => {
    const mine = new Set([...changed].filter((name) => BATCH_NAMES.has(name)));
    if (mine.size === 0) return;
    bindings.refresh(mine);
    running = false;
    lock.close();
    render();
  });
  render();

  return {
    render,
    pause() {
      running = false;
      render();
    },
    unmount() {
      running = false;
      unsubscribe();
      bindings.dispose();
      lock.close();
      chart.destroy();
    },
  };
}
