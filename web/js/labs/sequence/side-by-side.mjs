// SimpleRNN against LSTM, side by side, on the adding problem: two sessions of their own with the
// documents of compare.mjs (same data, seed, optimizer, batch and epoch budget; only the cell
// differs), trained together when the learner presses Run. Both validation-loss curves and
// both gradients through time share one chart each, so the learner sees the LSTM leave the
// "always 1" line (MSE 1/6) that the SimpleRNN stays on, and why: its gradient reaches the
// early steps.
import { COMPARED_CELLS, compareDocuments } from './compare.mjs';
import { probeSample } from './samples.mjs';
import { LineChart } from './line-chart.mjs';
import { answersByOp, arrayNamed } from '../../kit/session-answers.mjs';
import { publishTestHook } from '../../kit/lab-kit.mjs';
import { clearFieldMessage, showFieldMessage } from '../../kit/field-message.mjs';
import { palette } from '../../views/colors.mjs';

/** Predicting 1 always: the adding problem's mean squared error 1/6. */
const BASELINE = 1 / 6;
const NAMES = { simple_rnn: 'SimpleRNN', lstm: 'LSTM' };

export const COMPARE_MARKUP = `
<section class="seq-compare" data-group="compare" aria-labelledby="seq-compare-title">
  <h2 id="seq-compare-title" data-i18n="seq.compare"></h2>
  <p class="seq-help" data-role="compare-intro"></p>
  <div class="seq-pickers">
    <label class="lab-field"><span data-i18n="seq.compareLength"></span>
      <input id="seq-compare-length" type="number" min="5" max="60" step="1"></label>
    <button type="button" class="seq-button" id="seq-compare-run" data-i18n="seq.compareRun"></button>
  </div>
  <p class="seq-compare-result" data-role="compare-result" aria-live="polite"></p>
  <div class="seq-compare-charts">
    <div><h3 data-i18n="seq.compareLoss"></h3><div id="seq-compare-loss"></div></div>
    <div><h3 data-i18n="seq.compareGradient"></h3><div id="seq-compare-gradient"></div></div>
  </div>
</section>`;

/** Wires the comparison under `root`: {store, t, relay, pauseMain()}. Returns {render(), unmount()}. */
export function mountSideBySide(root, { store, t, relay, pauseMain }) {
  const $ = (selector) => root.querySelector(selector);
  const ui = {
    intro: $('[data-role=compare-intro]'),
    length: $('#seq-compare-length'),
    run: $('#seq-compare-run'),
    result: $('[data-role=compare-result]'),
    charts: $('.seq-compare-charts'),
  };
  const loss = new LineChart($('#seq-compare-loss'), { height: 170, log: true });
  const gradient = new LineChart($('#seq-compare-gradient'), { height: 170, log: true });
  const colour = () => ({ simple_rnn: palette().towerSigmoid, lstm: palette().towerRelu });
  /** Per cell: {session, off: [], losses: [], valLosses: [], dhNorm, finished} */
  const runs = new Map();
  let budget = 0;
  let length = 30;
  let running = false;

  function close() {
    for (const run of runs.values()) {
      run.off.forEach((off) => off());
      run.session.close();
    }
    runs.clear();
    running = false;
  }

  async function start() {
    close();
    length = Number(ui.length.value);
    const field = ui.length.closest('.lab-field');
    if (!(Number.isInteger(length) && length >= 5 && length <= 60)) {
      showFieldMessage(field, t('seq.compareLengthRange'), ui.length);
      return;
    }
    clearFieldMessage(field, [ui.length]);
    pauseMain();
    const seed = store.get('seed');
    const documents = compareDocuments({ length, seed });
    budget = documents.budget.epochs;
    const probe = probeSample({ task: 'adding', seqLength: length, seed }, 0);
    for (const cell of COMPARED_CELLS) {
      const session = relay.session(`sequence-compare-${cell}`);
      const run = { session, off: [], losses: [], valLosses: [], dhNorm: null, finished: false };
      runs.set(cell, run);
      const snapshot = [{ op: 'probes', x: ['cmp_x'], y: ['cmp_y'], out: 'cmp' }];
      run.off.push(
        session.on('progress', ({ answer }) => {
          for (const { logs } of answer.epoch_logs ?? []) {
            run.losses.push(logs.loss);
            run.valLosses.push(logs.val_loss);
          }
          run.finished = Boolean(answer.finished);
          draw();
        }),
        session.on('snapshot', (event) => {
          const { probes } = answersByOp(snapshot, event.answers);
          const layer = probes?.layers?.find((l) => l.probes.some((p) => p.probe === 'dh_norm'));
          const name = layer?.probes.find((p) => p.probe === 'dh_norm')?.name;
          run.dhNorm = arrayNamed(event, name) ?? run.dhNorm;
          draw();
        }),
        session.on('running', ({ running: on }) => {
          if (!on) render();
        }),
      );
      session
        .configure({
          setup: [{ op: 'build', spec: documents[cell] }, { op: 'set_data' }],
          snapshot,
          arrays: { cmp_x: probe.x, cmp_y: probe.y },
        })
        .then(() => session.play())
        .catch(() => {}); // the shell shows session errors
    }
    running = true;
    render();
  }

  function toggle() {
    if (running && [...runs.values()].some((r) => r.session.running)) {
      for (const run of runs.values()) run.session.pause();
      running = false;
    } else if (
      runs.size > 0 &&
      [...runs.values()].some((r) => !r.finished) &&
      Number(ui.length.value) === length
    ) {
      pauseMain();
      for (const run of runs.values()) if (!run.finished) run.session.play();
      running = true;
    } else {
      start();
      return;
    }
    render();
  }

  function draw() {
    ui.charts.hidden = runs.size === 0; // no empty axes before the first run
    const colours = colour();
    const series = [];
    for (const [cell, run] of runs) {
      series.push({
        label: t('seq.compareVal', { name: NAMES[cell] }),
        colour: colours[cell],
        values: run.valLosses,
      });
      series.push({
        label: t('seq.compareTrain', { name: NAMES[cell] }),
        colour: colours[cell],
        values: run.losses,
        dash: [4, 3],
        width: 1.5,
      });
    }
    if (runs.size > 0) {
      const epochs = Math.max(2, ...[...runs.values()].map((r) => r.losses.length));
      series.push({
        label: t('seq.compareBaseline'),
        colour: palette().muted,
        values: new Array(epochs).fill(BASELINE),
        dash: [1, 3],
        width: 1,
      });
    }
    loss.update({ series, xLabel: t('seq.epoch') });
    gradient.update({
      series: [...runs]
        .filter(([, r]) => r.dhNorm)
        .map(([cell, r]) => ({ label: NAMES[cell], colour: colours[cell], values: r.dhNorm })),
      xLabel: t('seq.timeStep'),
    });
    renderResult();
  }

  function renderResult() {
    const simple = runs.get('simple_rnn');
    const lstm = runs.get('lstm');
    const last = (r) => r?.valLosses.at(-1);
    const [a, b] = [last(simple), last(lstm)];
    const epochs = Math.min(simple?.valLosses.length ?? 0, lstm?.valLosses.length ?? 0);
    const finished = Boolean(simple?.finished && lstm?.finished);
    ui.result.textContent =
      Number.isFinite(a) && Number.isFinite(b)
        ? t(finished ? 'seq.compareDone' : 'seq.compareSoFar', {
            epoch: epochs,
            budget,
            simple: a.toFixed(4),
            lstm: b.toFixed(4),
            ratio: (a / b).toFixed(a / b >= 10 ? 0 : 1),
          })
        : runs.size > 0
          ? t('seq.compareWaiting')
          : '';
    publishTestHook('sequenceCompare', {
      simple: a ?? null,
      lstm: b ?? null,
      epochs,
      budget,
      finished,
      gradientCurves: [...runs.values()].filter((r) => r.dhNorm).length,
      lossCurves: [...runs.values()].filter((r) => r.valLosses.length > 0).length,
    });
  }

  function render() {
    ui.intro.textContent = t('seq.compareIntro', { length: Number(ui.length.value) || length });
    const going = running && [...runs.values()].some((r) => r.session.running);
    ui.run.textContent = t(
      going
        ? 'seq.comparePause'
        : runs.size > 0 && Number(ui.length.value) === length && [...runs.values()].some((r) => !r.finished)
          ? 'seq.compareContinue'
          : 'seq.compareRun',
    );
    draw();
  }

  ui.length.value = String(length);
  ui.run.addEventListener('click', toggle);
  ui.length.addEventListener('change', render);
  render();

  return {
    render,
    unmount() {
      close();
      loss.destroy();
      gradient.destroy();
    },
  };
}
