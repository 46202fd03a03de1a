// The sequence lab: wires the store and its engine session to its views. Configures the session
// from sequenceDocument(state) (debounced), sends live hyper-parameters as `tune`, and repaints
// the state maps, the per-unit lines, the gradient through time and the wave prediction from
// snapshots once per animation frame at most.
import strings from './strings.mjs';
import declaration from './index.mjs';
import { buildLayout } from './layout.mjs';
import { configureRequest, modelInfo, sampleCall, snapshotInfo } from './configure.mjs';
import { sequenceDocument, COPY_LENGTH, taskShape } from './document.mjs';
import { tuneRequest } from './tune.mjs';
import { PROBE_SAMPLES, WAVES } from './fields.mjs';
import { LineChart } from './line-chart.mjs';
import { StateMaps } from './state-maps.mjs';
import { summaryRows } from './summary.mjs';
import { COST_KEYS, checkCost } from './cost.mjs';
import { mountTextSection } from './text-section.mjs';
import { mountSideBySide } from './side-by-side.mjs';
import { preparedText } from './text-source.mjs';
import { textMessage } from './text.mjs';
import { clearFieldMessage, showFieldMessage } from '../../kit/field-message.mjs';
import { rebuildNames } from '../registry.mjs';
import { Disposer, debounce, frameScheduler, publishTestHook } from '../../kit/lab-kit.mjs';
import { fillText } from '../../kit/lab-dom.mjs';
import { sameValue } from '../../state/field.mjs';
import { MetricsChartView } from '../../views/metrics-chart-view.mjs';
import { TABLEAU10, palette } from '../../views/colors.mjs';
import { lossText } from '../../kit/readable-numbers.mjs';

/** The loss chart's test-set labels, renamed for a validation split. */
const VALIDATION_CHART_KEYS = {
  'chart.testLoss': 'seq.valLoss',
  'chart.testDataLoss': 'seq.valLoss',
  'chart.testAccuracy': 'seq.valAccuracy',
};

const CONFIGURE_DELAY_MS = 150;
const CONFIG_KEYS = rebuildNames(declaration);
/** The maps of each probe kind, in the order shown, with their fixed ranges (c: its own). */
const MAP_ORDER = ['h', 'c', 'gate_i', 'gate_f', 'gate_g', 'gate_o', 'gate_z', 'gate_r', 'candidate'];
const GATE_RANGE = /** @type {[number, number]} */ ([0, 1]);
const TANH_RANGE = /** @type {[number, number]} */ ([-1, 1]);
const rangeOf = (/** @type {string} */ kind) =>
  ['gate_i', 'gate_f', 'gate_o', 'gate_z', 'gate_r'].includes(kind) ? GATE_RANGE : TANH_RANGE;

/** Draw counters and the last probe values for the browser tests (window.nnplay.sequence). */
const stats = { mapDraws: 0 };

function mount(el, ctx) {
  const { store, session } = ctx;
  const t = (key, params) => fillText(ctx.t(key, params), params);
  const ui = buildLayout(el);
  ctx.apply(el);

  let request = null; // the last configureRequest given to the session
  let applied = null; // the lab state the engine's model reflects
  let model = null; // modelInfo of the configured model
  let sample = null; // the probe sample the maps show
  let view = null; // the last snapshotInfo
  let pending = null;
  let progress = null; // the last progress readouts, shown at the next frame
  let redraw = false; // whether the next frame redraws the views
  let sourceName = ''; // the probe source picked in #seq-source
  let unit = 0; // the unit the line view follows
  let configureCount = 0;
  let mounted = true;
  let accepted = store.state(); // the last state whose batches train live (refuseCostly)
  const disposer = new Disposer();
  const configureLater = debounce(() => apply(), CONFIGURE_DELAY_MS);
  const frames = frameScheduler(() => drawFrame());
  disposer.add(() => configureLater.cancel()).add(() => frames.cancel());

  const metrics = new MetricsChartView(ui.metrics, {
    // Keras's names for this lab's held-out windows: validation, not test.
    t: (key, params) => t(VALIDATION_CHART_KEYS[key] ?? key, params),
    onDraw: (info) => publishTestHook('sequenceChart', info),
  });
  const prediction = new LineChart(ui.prediction, { height: 140, yRange: [-1.3, 1.3] });
  const maps = new StateMaps(ui.maps, {
    slots: 7,
    onUnit: (picked) => {
      unit = picked;
      scheduleFrame();
    },
    hoverText: (step, row, value) => t('seq.hover', { step, unit: row + 1, value: Number(value).toFixed(3) }),
  });
  const unitLines = new LineChart(ui.unitLines, { height: 130 });
  const gradients = new LineChart(ui.gradients, {
    height: 170,
    log: true,
    onDraw: (info) => publishTestHook('sequenceGradients', info),
  });

  const textSection = mountTextSection(el, {
    store,
    t,
    relay: ctx.relay,
    rebuild: () => configure(),
    running: () => session.running,
  });

  const sideBySide = mountSideBySide(el, {
    store,
    t,
    relay: ctx.relay,
    pauseMain: () => session.pause(),
  });

  for (let i = 0; i < PROBE_SAMPLES; i += 1) ui.sample.append(new Option(String(i + 1), String(i)));

  function state() {
    return store.state();
  }

  async function configure() {
    configureLater.cancel();
    const now = state();
    let prepared = null;
    if (now.task === 'text') {
      prepared = preparedText(now.window);
      if (!prepared.ok) return; // refused at its control before it gets here (refuseChange)
    }
    const next = configureRequest(now, prepared);
    const wasRunning = session.running;
    const count = ++configureCount;
    request = next;
    sample = next.sample;
    applied = null;
    try {
      await session.configure({ setup: next.setup, snapshot: next.snapshot, arrays: next.arrays });
      if (count === configureCount) applied = now;
      if (mounted && wasRunning && count === configureCount) session.play();
    } catch (error) {
      // The shell shows session errors; the lab keeps its previous picture.
      if (mounted && error?.message === 'the engine is not running' && count === configureCount) {
        configureLater.call();
      }
    }
  }

  /** A tune request when only live hyper-parameters changed (weights and chart kept), else a
   *  rebuild. */
  async function apply() {
    const now = state();
    const changed = applied ? [...CONFIG_KEYS].filter((key) => !sameValue(applied[key], now[key])) : null;
    if (changed?.length === 0) return undefined; // a refused change was put back: nothing to do
    const tune = changed && request ? tuneRequest(changed, now) : null;
    if (!tune) return configure();
    const count = configureCount;
    try {
      await session.tune(tune, sequenceDocument(now));
      if (count === configureCount) applied = now;
    } catch {
      if (mounted && count === configureCount) configure();
    }
  }

  /** Another probe sample: its arrays go to the session, the next snapshots probe it. */
  function pickSample() {
    if (!request) return;
    const call = sampleCall(state(), store.get('sample'), request.text);
    sample = call.sample;
    Object.assign(request.arrays, call.arrays);
    session.call(call.request, call.arrays).catch(() => {});
  }

  function renderTexts() {
    const task = store.get('task');
    ui.intro.textContent = t(`seq.intro.${task}`, { n: COPY_LENGTH });
    const hint = ['adding', 'copy_memory'].includes(task) ? ` ${t(`seq.statesHint.${task}`)}` : '';
    ui.statesHelp.textContent = t('seq.statesHelp') + hint;
    ui.baseline.hidden = task !== 'adding';
    ui.predictionBox.hidden = !WAVES.includes(task);
    ui.accRow.hidden = !taskShape(state()).classification;
    prediction.update({ xLabel: t('seq.timeStep') });
    unitLines.update({ xLabel: t('seq.timeStep') });
    gradients.update({ xLabel: t('seq.timeStep') });
    renderSummary();
  }

  function renderSummary() {
    if (!model) return;
    const { rows, total, note } = summaryRows(model, state(), t);
    ui.summaryRows.replaceChildren(
      ...rows.map((cells) => {
        const tr = document.createElement('tr');
        for (const text of cells)
          tr.append(Object.assign(document.createElement('td'), { textContent: text }));
        return tr;
      }),
    );
    ui.total.textContent = total;
    ui.paramNote.textContent = note;
  }

  function showReadouts({ epoch, train, losses } = {}) {
    if (epoch !== undefined) ui.epoch.textContent = epoch === null ? '–' : String(epoch);
    if (train !== undefined) ui.trainLoss.textContent = lossText(train);
    if (losses !== undefined) {
      ui.valLoss.textContent = lossText(losses?.loss);
      ui.valAcc.textContent = Number.isFinite(losses?.accuracy)
        ? `${(losses.accuracy * 100).toFixed(1)}%`
        : '–';
      publishTestHook('sequence', { valLoss: losses?.loss ?? null, valAccuracy: losses?.accuracy ?? null });
    }
  }

  /** Asks for the views to be redrawn at the next frame (with `snapshot` when a new one came). */
  function scheduleFrame(snapshot) {
    if (snapshot) pending = snapshot;
    redraw = true;
    frames.schedule();
  }

  function drawFrame() {
    if (progress) showReadouts(progress);
    progress = null;
    // Progress alone only changes the counters: the views wait for a snapshot or a pick.
    if (!redraw) return;
    redraw = false;
    if (pending) view = pending;
    pending = null;
    if (!view || !sample) return;
    const sources = view.sources;
    // The source picker lists the recurrent layers (each direction of a Bidirectional one).
    const names = sources.map((s) => s.name);
    if (ui.source.options.length !== names.length || names.some((n, i) => ui.source.options[i].value !== n)) {
      ui.source.replaceChildren(...names.map((n) => new Option(n, n)));
    }
    if (!names.includes(sourceName)) sourceName = names[0] ?? '';
    ui.source.value = sourceName;
    const source = sources.find((s) => s.name === sourceName);
    if (source) drawMaps(source);
    drawGradients(sources);
    drawAnswer();
    if (view.losses) showReadouts({ losses: view.losses });
  }

  function drawMaps(source) {
    const inputRange = WAVES.includes(store.get('task')) ? TANH_RANGE : GATE_RANGE;
    const input = {
      key: 'x',
      label: t('seq.map.x'),
      values: sample.x,
      steps: sample.steps,
      rows: sample.features,
      range: inputRange,
    };
    // The text's input is character ids: the sample answer spells them instead of a map.
    const list = store.get('task') === 'text' ? [] : [input];
    /** @type {Record<string, [number, number]>} */
    const ranges = {};
    for (const kind of MAP_ORDER) {
      const map = source.maps[kind];
      if (!map) continue;
      let range = rangeOf(kind);
      let label = t(`seq.map.${kind}`);
      if (kind === 'c') {
        let max = 0;
        for (const v of map.values) max = Math.max(max, Math.abs(v));
        const edge = max <= 1 ? 1 : Math.ceil(max);
        range = [-edge, edge];
        label = t('seq.map.c', { max: edge });
      }
      ranges[kind] = observedRange(map.values);
      list.push({ key: kind, label, values: map.values, steps: map.steps, rows: map.units, range });
    }
    const units = source.maps.h?.units ?? 1;
    if (unit >= units) unit = 0;
    maps.update({ maps: list, marks: sample.marks, selected: unit });
    stats.mapDraws += 1;
    publishTestHook('sequence', { mapDraws: stats.mapDraws, source: source.name, ranges, maps: list.length });
    setText(ui.unitTitle, t('seq.unitLines', { unit: unit + 1 }));
    unitLines.update({
      series: list
        .filter((m) => m.key !== 'x')
        .map((m, i) => ({
          label: m.label.split(':')[0],
          colour: TABLEAU10[i % TABLEAU10.length],
          width: m.key === 'h' ? 2.5 : 1.5,
          dash: m.key === 'c' ? [5, 3] : undefined,
          values: Array.from({ length: m.steps }, (_, s) => m.values[s * m.rows + unit]),
        })),
    });
  }

  function drawGradients(sources) {
    gradients.update({
      series: sources
        .filter((s) => s.dhNorm)
        .map((s, i) => ({ label: s.name, colour: TABLEAU10[i % TABLEAU10.length], values: s.dhNorm })),
    });
  }

  /** The wave prediction, or what the model answers for the probe sample. */
  function drawAnswer() {
    const colours = palette();
    if (request?.stretch && view.stretch) {
      prediction.update({
        series: [
          { label: t('seq.predictionLegendTarget'), colour: colours.train, values: request.stretch.target },
          {
            label: t('seq.predictionLegendOutput'),
            colour: colours.test,
            dash: [5, 3],
            values: view.stretch,
          },
        ],
      });
    }
    setText(ui.sampleAnswer, sampleAnswer());
  }

  function sampleAnswer() {
    const output = view.output;
    if (!output || !sample) return '';
    const task = store.get('task');
    if (task === 'text' && request?.text) {
      const { vocab } = request.text;
      let best = 0;
      for (let c = 1; c < output.length; c += 1) if (output[c] > output[best]) best = c;
      const shown = (/** @type {string} */ ch) => JSON.stringify(ch);
      return t('seq.sampleText', {
        input: shown(Array.from(sample.x, (id) => vocab[id]).join('')),
        target: shown(vocab[sample.y[0]]),
        output: shown(vocab[best]),
        p: `${(output[best] * 100).toFixed(0)}%`,
      });
    }
    if (task === 'copy_memory') {
      const classes = sample.features;
      const recall = Array.from({ length: COPY_LENGTH }, (_, k) => sample.steps - COPY_LENGTH + k);
      const argmax = (s) => {
        let best = 0;
        for (let c = 1; c < classes; c += 1)
          if (output[s * classes + c] > output[s * classes + best]) best = c;
        return best;
      };
      return t('seq.sampleCopy', {
        target: recall.map((s) => sample.y[s]).join(' '),
        output: recall.map(argmax).join(' '),
      });
    }
    const marks =
      sample.marks.length && task === 'adding'
        ? ` (${t('seq.marks', { steps: sample.marks.map((m) => m + 1).join(', ') })})`
        : '';
    return t('seq.sampleTarget', { target: sample.y[0].toFixed(3), output: output[0].toFixed(3) }) + marks;
  }

  /** A change that makes a batch too slow to train live is put back, and the control that asked
   *  for it says why; the model on screen keeps training. Returns whether it refused. */
  function refuseCostly(changed) {
    const keys = COST_KEYS.filter((key) => changed.has(key));
    if (keys.length === 0) {
      accepted = state();
      return false;
    }
    let checked = checkCost(state());
    let reason = (key, now) =>
      t('seq.tooCostly', { field: t(`field.${key}`), value: String(now[key]), times: checked.times });
    if (checked.ok && state().task === 'text') {
      // A window the text cannot fill (at least two windows) is refused with the text's reason.
      const prepared = preparedText(state().window);
      if (!prepared.ok) {
        checked = { ok: false };
        reason = () => textMessage(prepared, store.get('lang') === 'ko' ? 'ko' : 'en');
      }
    }
    const rows = keys.map((key) => document.querySelector(`#control-panels .field[data-field="${key}"]`));
    if (checked.ok) {
      rows.forEach((row) => row && clearFieldMessage(row, [row.querySelector('[data-key]')]));
      accepted = state();
      return false;
    }
    const now = state();
    store.patch(Object.fromEntries(keys.map((key) => [key, accepted[key]])));
    // After every subscriber has seen the change (the panels clear a message when they show
    // the store's value).
    queueMicrotask(() =>
      keys.forEach((key, k) => {
        const row = rows[k];
        if (!row) return;
        showFieldMessage(row, reason(key, now), row.querySelector('[data-key]'));
      }),
    );
    return true;
  }

  // Session events (the engine's answers as they are).
  disposer.add(
    session.on('configured', (event) => {
      if (!request) return;
      model = modelInfo(request.setup, event);
      metrics.reset({ accuracy: Boolean(taskShape(state()).classification) });
      showReadouts({ epoch: 0, train: null, losses: null });
      gradients.reset();
      prediction.reset();
      view = null;
      textSection.show(request);
      renderTexts();
      publishTestHook('sequence', {
        configured: (stats.configured = (stats.configured ?? 0) + 1),
        params: model?.params ?? null,
      });
    }),
  );
  disposer.add(
    session.on('progress', ({ answer }) => {
      metrics.update({ epochLogs: answer.epoch_logs ?? [], earlyStopping: null });
      progress = { epoch: answer.epoch, train: answer.logs?.loss };
      frames.schedule(); // the counters change once per frame at most
    }),
  );
  disposer.add(
    session.on('snapshot', (event) => {
      if (!request) return;
      const info = snapshotInfo(request.snapshot, event);
      textSection.onSnapshot(info);
      scheduleFrame(info);
    }),
  );
  disposer.add(
    session.on('paused', ({ reason }) => {
      if (reason !== 'reset') return;
      metrics.reset({ accuracy: Boolean(taskShape(state()).classification) });
      showReadouts({ epoch: 0, train: null });
    }),
  );
  disposer.add(
    store.subscribe((changed) => {
      if (refuseCostly(changed)) return;
      if ([...changed].some((key) => CONFIG_KEYS.has(key))) configureLater.call();
      if (changed.has('sample')) {
        ui.sample.value = String(store.get('sample'));
        if (!configureLater.pending) pickSample();
      }
      if (changed.has('task') || changed.has('cell')) renderTexts();
    }),
  );
  disposer.listen(ui.sample, 'change', () => store.set('sample', Number(ui.sample.value)));
  disposer.listen(ui.source, 'change', () => {
    sourceName = ui.source.value;
    scheduleFrame();
  });
  disposer.add(
    ctx.onLangChange?.(() => {
      ctx.apply(el);
      metrics.setStrings(t);
      renderTexts();
      textSection.render();
      sideBySide.render();
      scheduleFrame();
    }),
  );

  ui.sample.value = String(store.get('sample'));
  renderTexts();
  configure();

  return {
    unmount() {
      mounted = false;
      disposer.dispose();
      metrics.destroy();
      prediction.destroy();
      maps.destroy();
      unitLines.destroy();
      gradients.destroy();
      textSection.unmount();
      sideBySide.unmount();
      el.innerHTML = '';
    },
  };
}

/** [min, max] of the values (the test hook checks they stay in each probe's range). */
function observedRange(values) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** Sets an element's text only when it differs (an unchanged text costs no style work). */
function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

export default { id: 'sequence', strings, mount };
