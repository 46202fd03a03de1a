// The perceptron lab: one neuron ŷ = step(w·x + b) trained by Rosenblatt's rule on a logic gate's
// four points, its weights editable by hand (inputs or the plot's handles), XOR failing visibly,
// and one click that adds a hidden layer which solves it. Wires the store and its engine session
// to the PerceptronView; predictions and accuracy are computed here from the snapshot's weights.
import strings from './strings.mjs';
import { PERCEPTRON_MARKUP } from './markup.mjs';
import { labDocument, perceptronWeightArray } from './document.mjs';
import {
  countCorrect,
  hiddenLine,
  hiddenNetwork,
  hiddenOutput,
  hiddenPredictions,
  perceptronPredictions,
} from './model.mjs';
import { PerceptronView } from '../../views/perceptron-view.mjs';
import { fillText } from '../../kit/lab-dom.mjs';
import { Disposer, debounce, publishTestHook } from '../../kit/lab-kit.mjs';
import { rebuildNames } from '../registry.mjs';
import declaration from './index.mjs';
import { FIELD } from '../../state/schema.mjs';
import { clearFieldMessage, refusalText, showFieldMessage } from '../../kit/field-message.mjs';
import { setWeightsCall, weightsOf } from '../../kit/session-answers.mjs';
import { RebuildNotice, hasTrained } from '../../kit/rebuild-notice.mjs';
import { XOR_PATIENCE } from './hints.mjs';

const CONFIG_KEYS = rebuildNames(declaration);
const SNAPSHOT = [{ op: 'get_weights', out: 'weights' }];
/** The words and the place of the lab's fields in a rebuild notice. */
const NOTICE_LABELS = { gate: 'perceptron.gate', pHidden: 'perceptron.hiddenLayer', lr: 'perceptron.lr' };
const NOTICE_ANCHORS = {
  gate: '.gate-buttons',
  pHidden: '[data-role=rule]',
  lr: '[data-role=lr-field]',
};

function mount(el, ctx) {
  const { store, session } = ctx;
  /** Hands the perceptron's [w1, w2, b] to the engine (a snapshot follows). */
  const sendWeights = (w) => {
    const { request, arrays } = setWeightsCall(perceptronWeightArray(w));
    session.call(request, arrays).catch(() => {}); // the shell shows session errors
  };
  const text = (key, params) => fillText(ctx.t(key, params), params);
  el.innerHTML = PERCEPTRON_MARKUP;
  const $ = (selector) => el.querySelector(selector);
  const ui = {
    gates: [...el.querySelectorAll('[data-gate]')],
    rule: $('[data-role=rule]'),
    weights: $('[data-role=weights]'),
    w: ['w1', 'w2', 'b'].map((n) => $(`#perceptron-${n}`)),
    lr: $('#perceptron-lr'),
    lrField: $('[data-role=lr-field]'),
    correct: $('#perceptron-correct'),
    note: $('#perceptron-note'),
    noteText: $('[data-role=note-text]'),
    hiddenInfo: $('[data-role=hidden-info]'),
    hiddenText: $('[data-role=hidden-text]'),
    hint: $('[data-role=hint]'),
  };
  const view = new PerceptronView($('#perceptron-plot'), { onDrag: (w) => setWeights(w) });
  const lab = {
    epoch: 0,
    correct: 0,
    solvedAt: null,
    cleanEpoch: null,
    weights: [0, 0, 0],
    alive: true,
  };

  /** Hand-set weights: the start weights in the store and the model's weights now. */
  function setWeights(weights) {
    lab.weights = weights;
    store.set('pWeights', weights);
    if (store.get('pHidden')) return;
    updateLocal();
    sendWeights(weights);
  }

  function updateLocal() {
    lab.correct = countCorrect(drawPerceptron());
    renderReadout();
  }

  const notice = new RebuildNotice(el, {
    t: ctx.t,
    labelOf: (name) => ctx.t(NOTICE_LABELS[name] ?? `field.${name}`),
    anchorOf: (name) => el.querySelector(NOTICE_ANCHORS[name] ?? '[data-role=rule]'),
  });
  const changedSinceBuild = new Set(); // rebuild fields changed since the last configure

  async function configure() {
    const state = store.state();
    // A trained model thrown away for a new gate or layer: said beside the control.
    if (changedSinceBuild.size > 0 && hasTrained(session.lastProgress)) notice.show([...changedSinceBuild]);
    changedSinceBuild.clear();
    restart();
    renderModeText(state);
    try {
      await session.configure({
        setup: [{ op: 'build', spec: labDocument(state) }, { op: 'set_data' }],
        snapshot: SNAPSHOT,
      });
      if (!lab.alive) return;
      if (!state.pHidden) sendWeights(store.get('pWeights'));
    } catch {
      // The shell shows configure errors in its banner; nothing to redo here.
    }
  }

  function restart() {
    lab.epoch = 0;
    lab.solvedAt = null;
    lab.cleanEpoch = null;
  }

  /** The first epoch without a mistake (perceptron loss 0, or accuracy 1 with the hidden
   *  layer): the weights at its start already solved the gate, so solvedAt = that epoch − 1. */
  function onProgress({ answer }) {
    lab.epoch = answer.epoch;
    const hidden = store.get('pHidden');
    for (const { epoch, logs } of answer.epoch_logs ?? []) {
      const clean = hidden ? logs.accuracy === 1 : logs.loss === 0;
      if (!clean) lab.cleanEpoch = null;
      else if (lab.cleanEpoch === null) lab.cleanEpoch = epoch;
    }
    renderReadout();
  }

  const configureLater = debounce(() => configure(), 150);

  function renderModeText(state = store.state()) {
    const hidden = Boolean(state.pHidden);
    ui.gates.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.gate === state.gate)));
    ui.rule.textContent = text(hidden ? 'perceptron.hiddenRule' : 'perceptron.rule');
    ui.weights.hidden = hidden;
    ui.lrField.hidden = hidden;
    ui.hint.hidden = hidden;
    ui.hiddenInfo.hidden = !hidden;
    if (document.activeElement !== ui.lr) ui.lr.value = String(state.lr);
    if (hidden) ui.note.hidden = true;
    renderReadout(state);
  }

  let reportedWrong = null;
  function renderReadout(state = store.state()) {
    const solved = lab.correct === 4;
    // The shell's hint banner explains a gate no line separates (hints.mjs).
    if (4 - lab.correct !== reportedWrong) {
      reportedWrong = 4 - lab.correct;
      ctx.reportHints?.({ misclassified: reportedWrong });
    }
    ui.correct.textContent = `${text('perceptron.correct', { n: lab.correct })}${solved ? ` · ${text('perceptron.solved')}` : ''}`;
    ui.correct.classList.toggle('solved', solved);
    if (state.pHidden) {
      ui.hiddenText.textContent =
        solved && lab.solvedAt !== null
          ? text('perceptron.hiddenSolved', { epochs: lab.solvedAt })
          : text('perceptron.hiddenNote');
    } else if (state.gate === 'xor' && lab.epoch >= XOR_PATIENCE && !solved) {
      ui.noteText.textContent = text('perceptron.xorFails', { epochs: lab.epoch, n: lab.correct });
      ui.note.hidden = false;
    } else if (state.gate !== 'xor') {
      ui.note.hidden = true;
    }
    if (!state.pHidden && lab.weights[0] === 0 && lab.weights[1] === 0) {
      ui.correct.textContent += ` · ${text('perceptron.noLine')}`;
    }
  }

  /** Draws the perceptron from lab.weights without waiting for the engine (mount, gate, edits). */
  function drawPerceptron(state = store.state()) {
    const points = perceptronPredictions(lab.weights, state.gate);
    view.update({ mode: 'perceptron', weights: lab.weights, points });
    // Predictions use the engine's float32 weights as they are; only the fields round them.
    ui.w.forEach((input, k) => {
      if (document.activeElement !== input) input.value = String(Math.round(lab.weights[k] * 1e4) / 1e4);
    });
    return points;
  }

  function onSnapshot(snapshot) {
    const { weights, weightLayout } = weightsOf(snapshot, snapshot?.answers?.[0]) ?? {};
    if (!weights || !weightLayout) return;
    const state = store.state();
    let points;
    if (state.pHidden) {
      const net = hiddenNetwork(weights, weightLayout);
      if (!net) return; // a stale snapshot of the other model
      points = hiddenPredictions(net, state.gate);
      view.update({
        mode: 'hidden',
        output: (x1, x2) => hiddenOutput(net, x1, x2),
        lines: Array.from({ length: net.hidden }, (_, j) => hiddenLine(net, j)),
        points,
      });
    } else {
      if (weights.length !== 3) return;
      lab.weights = Array.from(weights);
      points = drawPerceptron(state);
    }
    lab.correct = countCorrect(points);
    if (lab.correct === 4 && lab.solvedAt === null) {
      lab.solvedAt = lab.cleanEpoch !== null ? Math.max(0, lab.cleanEpoch - 1) : lab.epoch;
    }
    if (lab.correct < 4) lab.solvedAt = null;
    publishTestHook('perceptron', { correct: lab.correct, epoch: lab.epoch, solvedAt: lab.solvedAt });
    renderReadout(state);
  }

  const disposer = new Disposer().add(() => configureLater.cancel()).add(() => notice.destroy());
  disposer.add(session.on('snapshot', (s) => lab.alive && onSnapshot(s)));
  disposer.add(session.on('progress', (p) => lab.alive && onProgress(p)));
  disposer.add(
    session.on('paused', ({ reason } = {}) => {
      if (!lab.alive || reason !== 'reset') return;
      restart();
      ui.note.hidden = true;
      if (!store.get('pHidden')) sendWeights(store.get('pWeights'));
    }),
  );
  disposer.add(
    store.subscribe((keys) => {
      if (keys.has('gate') && !store.get('pHidden')) updateLocal();
      const rebuild = [...keys].filter((k) => CONFIG_KEYS.has(k));
      for (const key of rebuild) changedSinceBuild.add(key);
      if (rebuild.length > 0) configureLater.call();
      else if (keys.has('pWeights') && !store.get('pHidden')) {
        const w = store.get('pWeights');
        if (w.some((v, k) => v !== lab.weights[k])) sendWeights(w);
      }
    }),
  );
  disposer.add(
    ctx.onLangChange?.(() => {
      ctx.apply(el);
      renderModeText();
    }),
  );

  ui.gates.forEach((b) => b.addEventListener('click', () => store.set('gate', b.dataset.gate)));
  // Typed weights are checked before they are stored: a refused one (not a number, or beyond
  // float32) is said beside the weights, naming the weight, and the model keeps its weights.
  ui.w.forEach((input) =>
    input.addEventListener('change', () => {
      const w = ui.w.map((i) => (i.value.trim() === '' ? NaN : Number(i.value)));
      const bad = w.findIndex((v) => !store.validate('pWeights', [v, 0, 0]).ok);
      if (bad >= 0) {
        const checked = store.validate('pWeights', [w[bad], 0, 0]);
        const code = Number.isNaN(w[bad]) ? 'number' : checked.ok ? 'other' : checked.code;
        const label = ctx.t(`perceptron.${['w1', 'w2', 'b'][bad]}`);
        showFieldMessage(ui.weights, refusalText(ctx.t, {}, { code }, label), ui.w[bad]);
        return;
      }
      clearFieldMessage(ui.weights, ui.w);
      setWeights(w);
    }),
  );
  // A learning rate the lab cannot take is said beside the field; the model keeps its rate.
  ui.lr.addEventListener('change', () => {
    const lr = ui.lr.value.trim() === '' ? NaN : Number(ui.lr.value);
    const checked = store.validate('lr', lr);
    if (!checked.ok) {
      const code = Number.isNaN(lr) ? { code: 'number' } : checked;
      showFieldMessage(
        ui.lrField,
        refusalText(ctx.t, FIELD['perceptron.lr'], code, ctx.t('perceptron.lr')),
        ui.lr,
      );
      return;
    }
    clearFieldMessage(ui.lrField, [ui.lr]);
    store.set('lr', lr);
  });
  $('#add-hidden').addEventListener('click', () => store.set('pHidden', true));
  $('#remove-hidden').addEventListener('click', () => store.set('pHidden', false));

  ctx.apply(el);
  lab.weights = store.get('pWeights');
  renderModeText();
  if (!store.get('pHidden')) updateLocal();
  configure();

  return {
    unmount() {
      lab.alive = false;
      disposer.dispose();
      el.innerHTML = '';
    },
  };
}

export default { id: 'perceptron', strings, mount };
