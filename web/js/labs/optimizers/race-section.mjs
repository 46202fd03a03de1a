// The race: one network and 2-D dataset, the chosen optimizers each in a session of its own
// built from the same seed. Before the first epoch the page reads every session's weights
// through the engine and compares them exactly ("identical start ✓"); then all train one
// epoch per round (Lockstep), one loss curve each on a shared log-scale chart, and a table
// gives the epochs and the engine time (measured in the worker) to the target loss.
import { Lockstep } from './lockstep.mjs';
import { ACTIVATIONS, DATASETS, RACERS, RACER, SAMPLES, batchesPerEpoch, racerDocument } from './racers.mjs';
import { identicalWeights, raceRows } from './race-table.mjs';
import { parseHidden } from './inputs.mjs';
import { FIELD_BY_NAME, LIMITS, RACE_NAMES, lrName, useName } from './fields.mjs';
import { bindInputs } from '../../kit/store-inputs.mjs';
import { racerColour } from './colours.mjs';
import { LineChart } from '../sequence/line-chart.mjs';
import { publishTestHook } from '../../kit/lab-kit.mjs';
import { clearFieldMessage, showFieldMessage } from '../../kit/field-message.mjs';

const option = (value, key) => `<option value="${value}" data-i18n="${key}"></option>`;

export const RACE_MARKUP = `
<section class="opt-section" data-group="optRace" aria-labelledby="opt-race-title">
  <h2 id="opt-race-title" data-i18n="opt.race"></h2>
  <p class="opt-help" data-i18n="opt.raceIntro"></p>
  <div class="opt-fields">
    <label class="lab-field"><span data-i18n="opt.dataset"></span>
      <select id="opt-dataset">${DATASETS.map((d) => option(d, `opt.data.${d}`)).join('')}</select></label>
    <label class="lab-field"><span data-i18n="opt.hidden"></span>
      <input id="opt-hidden" type="text" inputmode="numeric" value="8, 8"></label>
    <label class="lab-field"><span data-i18n="opt.activation"></span>
      <select id="opt-activation">${ACTIVATIONS.map((a) => `<option value="${a}">${a}</option>`).join('')}</select></label>
    <label class="lab-field"><span data-i18n="opt.batch"></span>
      <input id="opt-batch" type="number" min="1" max="${LIMITS.batch}" step="1" value="32"></label>
    <label class="lab-field"><span data-i18n="opt.target"></span>
      <input id="opt-target" type="number" min="0" step="0.01" value="0.2"></label>
    <label class="lab-field"><span data-i18n="opt.epochs"></span>
      <input id="opt-epochs" type="number" min="1" max="${LIMITS.epochs}" step="1" value="100"></label>
  </div>
  <p class="opt-help" id="opt-params" aria-live="polite"></p>
  <fieldset class="opt-racers"><legend data-i18n="opt.racers"></legend>
    ${RACERS.map(
      (r) => `<div class="opt-racer lab-field" data-racer="${r.id}">
      <label><input type="checkbox" data-role="use" checked><span class="opt-swatch"></span>${r.name}</label>
      <label class="opt-lr"><span data-i18n="opt.lr"></span>
        <input type="number" data-role="lr" min="0" step="any" value="${r.lr}"></label></div>`,
    ).join('')}
  </fieldset>
  <div class="opt-buttons">
    <button type="button" class="opt-button primary" id="opt-race-start" data-i18n="opt.start" data-screenshot-presses="1"></button>
    <button type="button" class="opt-button" id="opt-race-pause" data-i18n="opt.pause"></button>
    <button type="button" class="opt-button" id="opt-race-reset" data-i18n="opt.reset"></button>
  </div>
  <p class="opt-status" id="opt-race-status" aria-live="polite"></p>
  <div id="opt-race-chart" class="opt-chart"></div>
  <div class="opt-table-wrap"><table class="opt-table" id="opt-race-table">
    <thead><tr><th scope="col" data-i18n="opt.colOptimizer"></th><th scope="col" data-i18n="opt.lr"></th>
      <th scope="col" data-i18n="opt.colEpochs"></th><th scope="col" data-i18n="opt.colTime"></th>
      <th scope="col" data-i18n="opt.colFinal"></th></tr></thead><tbody></tbody></table></div>
  <p class="opt-help" data-i18n="opt.timeNote"></p>
</section>`;

/** Wires the race under `root`: {t, relay, session (the lab's own, which builds the race's
 *  network to say its parameter count), store (the lab's fields)}. Returns {render(), pause(),
 *  unmount()}. */
export function mountRace(root, { t, relay, session, store }) {
  const $ = (selector) => root.querySelector(selector);
  const ui = {
    dataset: $('#opt-dataset'),
    hidden: $('#opt-hidden'),
    activation: $('#opt-activation'),
    batch: $('#opt-batch'),
    target: $('#opt-target'),
    epochs: $('#opt-epochs'),
    racers: $('.opt-racers'),
    fields: $('[data-group=optRace]'),
    start: $('#opt-race-start'),
    pause: $('#opt-race-pause'),
    reset: $('#opt-race-reset'),
    status: $('#opt-race-status'),
    tbody: $('#opt-race-table tbody'),
    tableBox: $('.opt-table-wrap'),
    params: $('#opt-params'),
  };
  const chartBox = $('#opt-race-chart');
  const chart = new LineChart(chartBox, { height: 220, log: true });
  const lock = new Lockstep(relay, 'optimizers-race');
  /** What the runs were started with: {target, racers: [{id, name, lr}]} */
  let started = null;
  let running = false;
  let identical = null; // null before a start, else whether the initial weights agreed
  let problem = '';
  let params = null; // the network's parameter count, from the engine's build answer

  const bindings = bindInputs(
    [
      { input: ui.dataset, name: 'raceData' },
      {
        input: ui.hidden,
        name: 'raceHidden',
        read: (input) => {
          const parsed = parseHidden(input.value);
          return parsed.ok ? parsed : { ok: false, text: t(parsed.key, LIMITS) };
        },
        show: (input, units) => (input.value = units.join(', ')),
      },
      { input: ui.activation, name: 'raceActivation' },
      { input: ui.batch, name: 'raceBatch' },
      { input: ui.target, name: 'raceTarget' },
      { input: ui.epochs, name: 'raceEpochs' },
      ...[...ui.racers.querySelectorAll('.opt-racer')].flatMap((row) => [
        { input: row.querySelector('[data-role=use]'), name: useName(row.dataset.racer) },
        { input: row.querySelector('[data-role=lr]'), name: lrName(row.dataset.racer) },
      ]),
    ],
    store,
    t,
    FIELD_BY_NAME,
  );

  /** The racers picked, each with its learning rate (from the store). */
  const pickedRacers = () =>
    RACERS.filter((r) => store.get(useName(r.id))).map((r) => ({ ...r, lr: store.get(lrName(r.id)) }));

  /** "At least one optimizer" is the lab's own check (one bool per optimizer in the store):
   *  said at the optimizers' fieldset; false when none is picked. */
  function checkRacers() {
    const none = pickedRacers().length === 0;
    if (none) showFieldMessage(ui.racers, t('opt.refuse.none'));
    else clearFieldMessage(ui.racers);
    return !none;
  }

  /** The race's settings, all from the store (which keeps only accepted values). */
  function readSettings() {
    return {
      dataset: store.get('raceData'),
      activation: store.get('raceActivation'),
      hidden: store.get('raceHidden'),
      batchSize: store.get('raceBatch'),
      target: store.get('raceTarget'),
      epochs: store.get('raceEpochs'),
      racers: pickedRacers(),
    };
  }

  async function start() {
    // A refused value still shown beside its control: the learner meant another race.
    if (!checkRacers() || ui.fields.querySelector('[aria-invalid=true]')) return;
    const settings = readSettings();
    stop();
    problem = '';
    identical = null;
    started = {
      target: settings.target,
      racers: settings.racers.map(({ id, name, lr }) => ({ id, name, lr })),
    };
    const batches = batchesPerEpoch(SAMPLES, settings.batchSize);
    const seed = 0;
    const entries = settings.racers.map((r) => ({
      key: r.id,
      batches,
      document: racerDocument({ ...settings, seed, racer: r.id, lr: r.lr }),
    }));
    running = true;
    render();
    let runs;
    try {
      runs = await lock.start(entries);
    } catch (error) {
      problem = error?.message ?? String(error);
      running = false;
      render();
      return;
    }
    if (!runs) return;
    identical = identicalWeights(runs.map((r) => r.initial));
    publishTestHook('optimizerRace', {
      initialWeights: runs.map((r) => Array.from(r.initial ?? [])),
      identical,
    });
    loop();
  }

  async function loop() {
    render();
    const failure = await lock.runRounds(() => running, render);
    if (failure) problem = failure;
    if (lock.finished) running = false;
    render();
  }

  function resume() {
    if (running) return;
    if (lock.runs.length > 0 && !lock.finished) {
      running = true;
      loop();
    } else start();
  }

  function stop() {
    running = false;
    render();
  }

  function reset() {
    running = false;
    lock.close();
    started = null;
    identical = null;
    problem = '';
    chart.reset();
    render();
  }

  function runsWithNames() {
    return lock.runs.map((run) => {
      const racer = started?.racers.find((r) => r.id === run.key);
      return {
        id: run.key,
        name: racer?.name ?? run.key,
        lr: racer?.lr ?? 0,
        losses: run.losses,
        ms: run.ms,
      };
    });
  }

  /** Builds the race's network in the lab's session (never trained) for its parameter count. */
  function describeNetwork() {
    const settings = readSettings();
    const spec = racerDocument({ ...settings, seed: 0, racer: 'sgd', lr: RACER.sgd.lr });
    session
      .configure({ setup: [{ op: 'build', spec }], snapshot: [] })
      .then((event) => {
        params = event.answers?.[0]?.model?.params ?? null;
        render();
      })
      .catch(() => {}); // the shell shows session errors
  }

  function render() {
    ui.params.textContent = params === null ? '' : t('opt.params', { params });
    for (const row of ui.racers.querySelectorAll('.opt-racer')) {
      row.querySelector('.opt-swatch').style.background = racerColour(row.dataset.racer);
    }
    ui.start.textContent = t(
      lock.runs.length > 0 && !lock.finished && !running ? 'opt.continue' : 'opt.start',
    );
    ui.start.disabled = running;
    ui.pause.disabled = !running;
    const runs = runsWithNames();
    const epochs = lock.epochs;
    ui.status.textContent = problem
      ? t('opt.failed', { message: problem })
      : identical === null
        ? running
          ? t('opt.building')
          : t('opt.ready')
        : `${t(identical ? 'opt.identical' : 'opt.notIdentical')} · ${t('opt.epochNow', { epoch: epochs })}`;
    ui.status.classList.toggle('bad', identical === false || Boolean(problem));
    chartBox.hidden = lock.runs.length === 0; // no empty axes or table before the first run
    ui.tableBox.hidden = chartBox.hidden;
    chart.update({
      series: runs.map((r) => ({ label: r.name, colour: racerColour(r.id), values: r.losses })),
      xLabel: t('opt.epochAxis'),
    });
    const rows = started ? raceRows(runs, started.target) : [];
    ui.tbody.replaceChildren(
      ...rows.map((row) => {
        const tr = document.createElement('tr');
        const cells = [
          row.name,
          String(row.lr),
          row.reached ? String(row.epochs) : '—',
          row.reached ? t('opt.ms', { ms: row.ms.toFixed(0) }) : '—',
          row.finalLoss === null ? '—' : row.finalLoss.toFixed(4),
        ];
        cells.forEach((text, i) => {
          const cell = document.createElement(i === 0 ? 'th' : 'td');
          if (i === 0) {
            cell.scope = 'row';
            const swatch = document.createElement('span');
            swatch.className = 'opt-swatch';
            swatch.style.background = racerColour(row.id);
            cell.append(swatch);
          }
          cell.append(text);
          tr.append(cell);
        });
        return tr;
      }),
    );
    publishTestHook('optimizerRace', {
      running,
      identical,
      epochs: lock.runs.map((r) => r.losses.length),
      rows: rows.map((r) => ({ ...r })),
    });
  }

  ui.start.addEventListener('click', resume);
  ui.pause.addEventListener('click', stop);
  ui.reset.addEventListener('click', reset);
  // A changed setting (typed, a preset, a link) makes a new race: the runs started with the
  // old one are dropped.
  const unsubscribe = store.subscribe((changed) => {
    const mine = new Set([...changed].filter((name) => RACE_NAMES.has(name)));
    if (mine.size === 0) return;
    bindings.refresh(mine);
    if (lock.runs.length > 0) reset();
    checkRacers();
    describeNetwork();
  });
  render();
  checkRacers();
  describeNetwork();

  return {
    render,
    pause: stop,
    unmount() {
      running = false;
      unsubscribe();
      bindings.dispose();
      lock.close();
      chart.destroy();
    },
  };
}
