// The capacity sweep: hidden layers (genDepth of them) of 1, 2, 4, ... units, each model trained on the same
// training points for the same epochs from the same seed, then measured on those points and on
// the held-out test points. Two charts (error and loss against the units, one x position per
// capacity) grow as each model finishes, with every model's boundary in a tile below; when
// all are done a sentence says what the test curve shows (and says so when it shows no rise).
import { LineChart } from '../sequence/line-chart.mjs';
import { palette } from '../../views/colors.mjs';
import { publishTestHook } from '../../kit/lab-kit.mjs';
import { ModelQueue } from './model-queue.mjs';
import { ARRAYS, dataPart, modelDocument } from './documents.mjs';
import { sweepCurves, sweepShape } from './resampling.mjs';
import { numberField, sectionMarkup, wireSection } from './section-frame.mjs';
import { LIMITS } from './fields.mjs';

export const SWEEP_MARKUP = sectionMarkup({
  id: 'sweep',
  group: 'genSweep',
  fields: `<label class="lab-field"><span data-i18n="gen.capacities"></span>
    <input id="gen-capacities" type="text" inputmode="numeric"></label>
    ${numberField('gen-depth', 'gen.depth', { min: 1, max: LIMITS.depth })}`,
  body: `<div class="gen-charts" id="gen-sweep-charts" hidden>
    <div class="gen-chart"><div class="gen-chart-title" data-i18n="gen.sweep.errorChart"></div><div id="gen-sweep-error"></div></div>
    <div class="gen-chart"><div class="gen-chart-title" data-i18n="gen.sweep.lossChart"></div><div id="gen-sweep-loss"></div></div>
  </div>
  <p class="gen-verdict" id="gen-sweep-verdict" aria-live="polite"></p>`,
});

/**
 * @param {HTMLElement} root
 * @param {{t: (k: string, p?: object) => string, relay: any, store: any,
 *   shared: () => any, getData: () => Promise<import('./data-source.mjs').LabData>}} ctx
 *   shared(): the settings every section reads {dataset, noise, train, seed, activation, epochs}
 */
export function mountSweep(root, { t, relay, store, shared, getData }) {
  const $ = (/** @type {string} */ s) => /** @type {HTMLElement} */ (root.querySelector(s));
  const charts = $('#gen-sweep-charts');
  const errorChart = new LineChart($('#gen-sweep-error'), { height: 170 });
  const lossChart = new LineChart($('#gen-sweep-loss'), { height: 170, log: true });
  const verdict = $('#gen-sweep-verdict');
  /** @type {{capacities: number[], data: any, settings: any} | null} */
  let plan = null;
  let waiting = false; // reading the data
  let token = 0; // a reset or a new start while the data are read drops that start
  const queue = new ModelQueue(relay, 'generalization-sweep', {
    onModel: () => render(),
    onChange: () => render(),
    onEpoch: () => renderStatus(),
  });
  const frame = wireSection(root, 'sweep', { queue, start, afterReset: () => reset(), t });

  async function start() {
    if ($('[data-group=genSweep]').querySelector('[aria-invalid=true]')) return;
    const settings = shared();
    const capacities = [...store.get('genCapacities')];
    const depth = store.get('genDepth');
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
    plan = { capacities, data, settings };
    frame.setTiles(capacities.length);
    const arrays = {
      [ARRAYS.fitX]: data.trainX,
      [ARRAYS.fitY]: data.trainY,
      [ARRAYS.trainX]: data.trainX,
      [ARRAYS.trainY]: data.trainY,
      [ARRAYS.testX]: data.testX,
      [ARRAYS.testY]: data.testY,
    };
    queue.start(
      capacities.map((units) => ({
        document: modelDocument({
          hidden: new Array(depth).fill(units),
          activation: settings.activation,
          epochs: settings.epochs,
          title: `Capacity sweep: ${depth} hidden layer(s) of ${units} units`,
          data: dataPart(settings),
        }),
        arrays,
      })),
    );
  }

  function reset() {
    token += 1;
    waiting = false;
    plan = null;
    render();
  }

  const percent = (/** @type {number} */ v) => `${(100 * v).toFixed(1)}%`;

  /** The status line alone (cheap: it follows every epoch). */
  function renderStatus() {
    const state = queue.state;
    const capacities = plan?.capacities ?? [];
    frame.status.textContent = waiting
      ? t('gen.readingData')
      : state === 'failed'
        ? t('gen.failed', { message: queue.failure })
        : state === 'idle'
          ? t('gen.sweep.ready')
          : state === 'done'
            ? t('gen.sweep.done', { count: capacities.length })
            : t(state === 'paused' ? 'gen.sweep.paused' : 'gen.sweep.training', {
                units: capacities[queue.index],
                model: queue.index + 1,
                count: capacities.length,
                epoch: queue.epoch,
                epochs: plan?.settings.epochs ?? 0,
              });
  }

  function render() {
    frame.render();
    const state = queue.state;
    const capacities = plan?.capacities ?? [];
    const curves = sweepCurves(capacities.length, queue.results);
    const finished = queue.results.filter(Boolean).length;
    renderStatus();
    charts.hidden = !plan;
    const { train, test } = palette();
    const xTicks = capacities.map(String);
    const xLabel = t('gen.unitsAxis');
    errorChart.update({
      series: [
        { label: t('gen.trainError'), colour: train, values: curves.trainError, dots: true },
        { label: t('gen.testError'), colour: test, values: curves.testError, dots: true },
      ],
      xTicks,
      xLabel,
    });
    lossChart.update({
      series: [
        { label: t('gen.trainLoss'), colour: train, values: curves.trainLoss, dots: true },
        { label: t('gen.testLoss'), colour: test, values: curves.testLoss, dots: true },
      ],
      xTicks,
      xLabel,
    });
    capacities.forEach((units, i) => {
      const result = queue.results[i];
      frame.tile(i)?.update({
        values: result?.grid ?? null,
        resolution: result?.resolution ?? 0,
        points: plan ? { x: plan.data.trainX, y: plan.data.trainY } : null,
        caption: result
          ? t('gen.sweep.tile', {
              units,
              train: percent(1 - result.trainAccuracy),
              test: percent(1 - result.testAccuracy),
            })
          : t('gen.sweep.tilePending', { units }),
        busy: state === 'running' && i === queue.index,
      });
    });
    verdict.textContent =
      state === 'done' ? verdictText(capacities, curves.testError, curves.trainError) : '';
    publishTestHook('generalization', {
      sweep: {
        state,
        capacities,
        finished,
        trainError: curves.trainError,
        testError: curves.testError,
        trainLoss: curves.trainLoss,
        testLoss: curves.testLoss,
        tiles: queue.results.filter((r) => r?.grid).length,
      },
    });
  }

  /** The sentence a finished sweep earns: where test error is lowest and whether it rises
   *  after (over-fitting) and falls before (under-fitting), as the numbers on screen say. */
  function verdictText(capacities, testError, trainError) {
    const shape = sweepShape(testError);
    const args = {
      best: capacities[shape.best],
      bestError: percent(testError[shape.best]),
      last: capacities.at(-1),
      lastError: percent(/** @type {number} */ (testError.at(-1))),
      lastTrain: percent(/** @type {number} */ (trainError.at(-1))),
    };
    const key = shape.risesAfter
      ? shape.fallsBefore
        ? 'gen.sweep.verdictU'
        : 'gen.sweep.verdictRise'
      : shape.fallsBefore
        ? 'gen.sweep.verdictFall'
        : 'gen.sweep.verdictFlat';
    return t(key, args);
  }

  render();
  return {
    render,
    /** A setting this section reads changed: its results describe other settings. */
    stale() {
      queue.reset();
      frame.setTiles(0);
      reset();
    },
    unmount() {
      queue.dispose();
      frame.dispose();
      errorChart.destroy();
      lossChart.destroy();
    },
  };
}
