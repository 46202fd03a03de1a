// The backprop lab: wires the store and its engine session to the diagram and the step list.
// The session is configured with the network, the one sample as training data and the weights;
// each snapshot is [get_weights, backprop] of the weights as they are, read into a pass and
// written out as steps. A training step (Next forward pass, or the toolbar's Step) is the
// engine's SGD step on the sample; the snapshot after it is the next pass, and the page checks
// the engine's new weights against w − η·∂E/∂w.
import strings from './strings.mjs';
import declaration, { VALUE_LIMIT } from './index.mjs';
import { BACKPROP_MARKUP } from './markup.mjs';
import {
  ACTIVATION_OPTIONS,
  MAX_HIDDEN_LAYERS,
  MAX_INPUTS,
  MAX_OUTPUTS,
  MAX_UNITS,
  configureRequest,
  layerSizes,
  lossOf,
  networkShape,
  weightCount,
  weightList,
} from './network.mjs';
import { readPass } from './pass.mjs';
import { buildSteps, updateAgreement } from './steps.mjs';
import { num, shortFloat32, stepHtml, stepTitle } from './format.mjs';
import { diagramData } from './view-model.mjs';
import { NetworkDiagram } from './diagram.mjs';
import { hiddenLayersText, parseHiddenLayers, parseNumberList } from './parse.mjs';
import { fillText } from '../../kit/lab-dom.mjs';
import { Disposer, debounce, publishTestHook } from '../../kit/lab-kit.mjs';
import { clearFieldMessage, refusalText, showFieldMessage } from '../../kit/field-message.mjs';
import { FIELD } from '../../state/schema.mjs';
import { rebuildNames } from '../registry.mjs';

const CONFIG_KEYS = rebuildNames(declaration);

/** Whether two weight lists hold the same float32 values. */
const sameWeights = (a, b) =>
  Boolean(a && b) &&
  a.length === b.length &&
  Array.from(a).every((x, i) => Math.fround(x) === Math.fround(b[i]));

function mount(el, ctx) {
  const { store, session } = ctx;
  const t = (key, params) => fillText(ctx.t(key, params), params);
  el.innerHTML = BACKPROP_MARKUP;
  const $ = (selector) => el.querySelector(selector);
  const ui = {
    summary: $('#bp-summary'),
    updateCheck: $('#bp-update-check'),
    position: $('#bp-position'),
    list: $('#bp-step-list'),
    prev: $('#bp-prev'),
    next: $('#bp-next'),
    end: $('#bp-end'),
    restart: $('#bp-restart'),
    nextPass: $('#bp-next-pass'),
    inputs: $('#bp-inputs'),
    targets: $('#bp-targets'),
    hidden: $('#bp-hidden'),
    hiddenActivation: $('#bp-hidden-activation'),
    outputActivation: $('#bp-output-activation'),
    loss: $('#bp-loss'),
    lr: $('#bp-lr'),
    weightPick: $('#bp-weight-pick'),
    weightValue: $('#bp-weight-value'),
    seed: $('#bp-seed'),
    random: $('#bp-random'),
  };
  const fieldOf = (input) => input.closest('.bp-field');
  const diagram = new NetworkDiagram($('#bp-diagram'), {
    onWeight: (index) => {
      ui.weightPick.value = String(index);
      showWeightValue();
      ui.weightValue.focus();
      ui.weightValue.select?.();
    },
  });

  const lab = {
    alive: true,
    request: null, // the configureRequest the session has
    shape: null,
    pass: null, // the engine's pass of the weights on screen
    steps: [],
    position: 0,
    passNumber: 1,
    firstLoss: null,
    trained: 0, // SGD steps since the configure
    stepsSincePass: 0, // training steps since the pass on screen
    stepFrom: null, // the pass a single training step started from
    agreement: null, // updateAgreement of the last single step
    engineWeights: null, // the weights the engine has (sent or snapshot)
  };

  function configure(keys = new Set()) {
    const state = store.state();
    const shape = networkShape(state);
    const sameShape = lab.shape && layerSizes(lab.shape).join() === layerSizes(shape).join();
    let weights = state.weights;
    // A new sample, rate or loss keeps the weights on screen (and the link says so).
    if (!keys.has('weights') && sameShape && lab.pass) {
      weights = Array.from(lab.pass.weights, shortFloat32);
      if (!sameWeights(weights, state.weights)) store.set('weights', weights);
    }
    const request = configureRequest(state, weights.length === weightCount(shape) ? weights : null);
    Object.assign(lab, {
      request,
      shape,
      pass: null,
      steps: [],
      position: 0,
      passNumber: 1,
      firstLoss: null,
      trained: 0,
      stepsSincePass: 0,
      stepFrom: null,
      agreement: null,
      engineWeights: request.arrays.bp_weights ?? null,
    });
    fillWeightPick();
    render();
    session
      .configure({ setup: request.setup, snapshot: request.snapshot, arrays: request.arrays })
      .catch(() => {}); // the shell's banner shows configure errors
  }
  /** The changed keys gathered while a configure waits (debounced), handed over once. */
  let pendingKeys = new Set();
  const configureLater = debounce(() => {
    const keys = pendingKeys;
    pendingKeys = new Set();
    configure(keys);
  }, 120);

  /** Hands the engine new weights (set_weights); a snapshot with the new pass follows. */
  function sendWeights(weights) {
    lab.engineWeights = Float32Array.from(weights);
    session
      .call({ op: 'set_weights', array: 'bp_weights' }, { bp_weights: Float32Array.from(weights) })
      .catch(() => {});
  }

  function onSnapshot(event) {
    if (!lab.request) return;
    const pass = readPass(lab.request.snapshot, event);
    const shape = lab.shape;
    if (!pass || pass.layers.length !== shape.layers.length || pass.weights.length !== weightCount(shape))
      return;
    const state = store.state();
    if (lab.stepsSincePass > 0) {
      lab.agreement =
        lab.stepsSincePass === 1 && lab.stepFrom
          ? updateAgreement(lab.stepFrom, pass.weights, state.lr)
          : null;
      lab.passNumber += lab.stepsSincePass;
      lab.position = 0;
    }
    lab.stepsSincePass = 0;
    lab.stepFrom = null;
    lab.firstLoss ??= pass.loss;
    lab.pass = pass;
    lab.engineWeights = pass.weights;
    lab.steps = buildSteps(pass, shape, { loss: lossOf(state), lr: state.lr, targets: state.targetValues });
    lab.position = Math.min(lab.position, lab.steps.length - 1);
    showWeightValue();
    render();
  }

  function onProgress({ answer }) {
    if (!answer?.batches_run) return;
    if (lab.stepsSincePass === 0) lab.stepFrom = lab.pass;
    lab.stepsSincePass += answer.batches_run;
    lab.trained = answer.iterations ?? lab.trained + answer.batches_run;
  }

  /** Back to the weights the learner set (the toolbar's Reset re-initialises from the seed). */
  function onReset() {
    Object.assign(lab, {
      passNumber: 1,
      firstLoss: null,
      trained: 0,
      stepsSincePass: 0,
      stepFrom: null,
      agreement: null,
      position: 0,
    });
    const weights = store.get('weights');
    if (lab.shape && weights.length === weightCount(lab.shape)) sendWeights(weights);
  }

  function goTo(position) {
    if (lab.steps.length === 0) return;
    lab.position = Math.max(0, Math.min(lab.steps.length - 1, position));
    render();
    showCurrent();
  }

  /** Brings the current step into view: inside the list where it scrolls (laptop), else the
   *  page (phone). */
  function showCurrent() {
    const item = ui.list.querySelector('.current');
    if (!item) return;
    const list = ui.list;
    if (list.scrollHeight <= list.clientHeight) {
      item.scrollIntoView?.({ block: 'nearest' });
      return;
    }
    const top = item.offsetTop; // the list is positioned: its own offsetParent
    if (top < list.scrollTop) list.scrollTop = top;
    else if (top + item.offsetHeight > list.scrollTop + list.clientHeight)
      // a step taller than the list (the update table) shows its beginning
      list.scrollTop = Math.min(top, top + item.offsetHeight - list.clientHeight);
  }

  function next() {
    if (lab.steps.length === 0) return;
    if (lab.position >= lab.steps.length - 1) nextPass();
    else goTo(lab.position + 1);
  }

  function nextPass() {
    if (!lab.pass) return;
    session.step(); // one batch of the one sample: the SGD step the update step shows
  }

  function render() {
    const { pass, steps, position } = lab;
    if (!pass) {
      ui.summary.textContent = t('bp.waiting');
      ui.updateCheck.hidden = true;
    } else {
      const parts = [`${t('bp.pass', { n: lab.passNumber })} · ${t('bp.lossNow', { loss: num(pass.loss) })}`];
      if (lab.passNumber > 1 && lab.firstLoss !== null) {
        parts.push(
          t('bp.lossDrop', { before: num(lab.firstLoss), after: num(pass.loss), steps: lab.passNumber - 1 }),
        );
      }
      ui.summary.textContent = parts.join(' · ');
      ui.summary.dataset.loss = String(pass.loss);
      ui.updateCheck.hidden = !lab.agreement;
      if (lab.agreement) {
        const key = lab.agreement.ok ? 'bp.engineAgrees' : 'bp.engineDiffers';
        ui.updateCheck.textContent = t(key, { worst: lab.agreement.worst.toExponential(1) });
        ui.updateCheck.classList.toggle('bad', !lab.agreement.ok);
      }
    }
    ui.position.textContent = steps.length ? t('bp.position', { n: position + 1, total: steps.length }) : '';
    ui.list.innerHTML = steps
      .map((step, k) => {
        const state = k === position ? 'current' : k < position ? 'visited' : 'future';
        const body = k <= position ? `<div class="bp-step-body">${stepHtml(step, t)}</div>` : '';
        return `<li class="bp-step ${state} ${step.kind}" data-step="${k}" data-node="${step.node ?? ''}"${k === position ? ' aria-current="step"' : ''}><h3>${stepTitle(step, t)}</h3>${body}</li>`;
      })
      .join('');
    const ready = steps.length > 0;
    ui.prev.disabled = !ready || position === 0;
    ui.next.disabled = !ready;
    ui.end.disabled = !ready || position === steps.length - 1;
    ui.restart.disabled = !ready || position === 0;
    ui.nextPass.disabled = !ready;
    ui.nextPass.classList.toggle('secondary', position !== steps.length - 1);
    if (lab.shape) {
      diagram.update({
        ...diagramData(lab.shape, pass, steps, ready ? position : -1, t),
        label: t('bp.diagramLabel'),
        editable: true,
      });
    }
    publishTestHook('backprop', {
      ready,
      position,
      passNumber: lab.passNumber,
      loss: pass?.loss ?? null,
      nodes: steps.map((s) => s.node),
      current: steps[position]?.node ?? null,
      agreement: lab.agreement,
      weights: pass ? Array.from(pass.weights) : null,
      grads: pass ? Array.from(pass.grads) : null,
    });
  }

  // ---- the controls ----
  function fillWeightPick() {
    const list = lab.shape ? weightList(lab.shape) : [];
    const was = ui.weightPick.value;
    ui.weightPick.replaceChildren(...list.map((w) => new Option(w.name, String(w.index))));
    if (list.some((w) => String(w.index) === was)) ui.weightPick.value = was;
    showWeightValue();
  }

  function showWeightValue() {
    const index = Number(ui.weightPick.value);
    const value = lab.pass?.weights[index];
    if (document.activeElement !== ui.weightValue)
      ui.weightValue.value = value === undefined ? '' : num(value).replace('−', '-');
  }

  function showControls() {
    const state = store.state();
    const write = (input, text) => {
      if (document.activeElement !== input) input.value = text;
    };
    write(ui.inputs, state.inputValues.join(', '));
    write(ui.targets, state.targetValues.join(', '));
    write(ui.hidden, hiddenLayersText(state.hiddenLayers));
    const activations = new Set(state.hiddenLayers.map((l) => l.activation));
    ui.hiddenActivation.value =
      activations.size > 1 ? 'mixed' : (state.hiddenLayers[0]?.activation ?? 'sigmoid');
    ui.outputActivation.value = state.outputActivation;
    ui.loss.value = state.lossFunction;
    write(ui.lr, String(state.lr));
    write(ui.seed, String(state.seed));
  }

  /** Says why `input`'s value is refused (beside it) and puts the stored value back later. */
  const refuse = (input, text) => showFieldMessage(fieldOf(input), text, input);
  const accept = (input) => clearFieldMessage(fieldOf(input), [input]);
  const label = (key) => ctx.t(key);

  const onListChange = (input, name, key, count) => () => {
    const values = parseNumberList(input.value, { min: 1, max: count, limit: VALUE_LIMIT });
    if (!values) {
      refuse(input, t('bp.badList', { field: label(key), min: 1, max: count, limit: VALUE_LIMIT }));
      return;
    }
    accept(input);
    store.set(name, values);
  };
  ui.inputs.addEventListener('change', onListChange(ui.inputs, 'inputValues', 'bp.inputs', MAX_INPUTS));
  ui.targets.addEventListener('change', onListChange(ui.targets, 'targetValues', 'bp.targets', MAX_OUTPUTS));
  ui.hidden.addEventListener('change', () => {
    const layers = parseHiddenLayers(ui.hidden.value, {
      layers: MAX_HIDDEN_LAYERS,
      units: MAX_UNITS,
      activations: ACTIVATION_OPTIONS,
      fallback: ui.hiddenActivation.value === 'mixed' ? 'sigmoid' : ui.hiddenActivation.value,
    });
    if (!layers) {
      refuse(ui.hidden, t('bp.badHidden', { field: label('bp.hidden') }));
      return;
    }
    accept(ui.hidden);
    store.set('hiddenLayers', layers);
  });
  ui.hiddenActivation.addEventListener('change', () =>
    store.set(
      'hiddenLayers',
      store.get('hiddenLayers').map((l) => ({ units: l.units, activation: ui.hiddenActivation.value })),
    ),
  );
  ui.outputActivation.addEventListener('change', () => {
    if (ui.outputActivation.value !== 'sigmoid' && store.get('lossFunction') === 'binary_crossentropy') {
      refuse(ui.outputActivation, t('bp.badOutput'));
      ui.outputActivation.value = store.get('outputActivation');
      return;
    }
    accept(ui.outputActivation);
    store.set('outputActivation', ui.outputActivation.value);
  });
  ui.loss.addEventListener('change', () => {
    if (ui.loss.value === 'binary_crossentropy' && store.get('outputActivation') !== 'sigmoid') {
      refuse(ui.loss, t('bp.badBce'));
      ui.loss.value = store.get('lossFunction');
      return;
    }
    accept(ui.loss);
    store.set('lossFunction', ui.loss.value);
  });
  ui.lr.addEventListener('change', () => {
    const lr = ui.lr.value.trim() === '' ? NaN : Number(ui.lr.value);
    const checked = store.validate('lr', lr);
    if (!checked.ok) {
      const code = Number.isNaN(lr) ? { code: 'number' } : checked;
      refuse(ui.lr, refusalText(ctx.t, FIELD['backprop.lr'], code, label('bp.lr')));
      return;
    }
    accept(ui.lr);
    store.set('lr', lr);
  });
  ui.weightPick.addEventListener('change', () => showWeightValue());
  ui.weightValue.addEventListener('change', () => {
    const value = ui.weightValue.value.trim() === '' ? NaN : Number(ui.weightValue.value);
    const name = ui.weightPick.selectedOptions[0]?.textContent ?? '';
    if (!Number.isFinite(value) || Math.abs(value) > VALUE_LIMIT) {
      refuse(ui.weightValue, t('bp.badWeight', { field: name, limit: VALUE_LIMIT }));
      return;
    }
    accept(ui.weightValue);
    if (!lab.pass) return;
    const weights = Array.from(lab.pass.weights, shortFloat32);
    weights[Number(ui.weightPick.value)] = value;
    store.set('weights', weights);
  });
  ui.random.addEventListener('click', () => {
    const seed = ui.seed.value.trim() === '' ? NaN : Number(ui.seed.value);
    const checked = store.validate('seed', seed);
    if (!checked.ok) {
      const code = Number.isNaN(seed) ? { code: 'number' } : checked;
      refuse(ui.seed, refusalText(ctx.t, FIELD['backprop.seed'], code, label('bp.seed')));
      return;
    }
    accept(ui.seed);
    store.patch({ seed, weights: [] });
  });
  ui.prev.addEventListener('click', () => goTo(lab.position - 1));
  ui.next.addEventListener('click', () => next());
  ui.end.addEventListener('click', () => goTo(lab.steps.length - 1));
  ui.restart.addEventListener('click', () => goTo(0));
  ui.nextPass.addEventListener('click', () => nextPass());

  /** → and ← step through, unless a field has the keys. */
  const onKey = (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = /** @type {HTMLElement} */ (event.target);
    if (target?.closest?.('input, select, textarea, [contenteditable]')) return;
    if (event.key === 'ArrowRight') next();
    else if (event.key === 'ArrowLeft') goTo(lab.position - 1);
    else return;
    event.preventDefault();
  };
  document.addEventListener('keydown', onKey);

  const disposer = new Disposer()
    .add(() => configureLater.cancel())
    .add(() => document.removeEventListener('keydown', onKey))
    .add(() => diagram.destroy());
  disposer.add(session.on('snapshot', (s) => lab.alive && onSnapshot(s)));
  disposer.add(session.on('progress', (p) => lab.alive && onProgress(p)));
  disposer.add(session.on('paused', ({ reason } = {}) => lab.alive && reason === 'reset' && onReset()));
  disposer.add(
    store.subscribe((keys) => {
      showControls();
      const rebuild = [...keys].filter((k) => CONFIG_KEYS.has(k));
      if (rebuild.length > 0) {
        for (const key of keys) pendingKeys.add(key);
        configureLater.call();
        return;
      }
      if (keys.has('weights') && lab.shape) {
        const weights = store.get('weights');
        if (weights.length === weightCount(lab.shape) && !sameWeights(weights, lab.engineWeights))
          sendWeights(weights);
      }
    }),
  );
  disposer.add(
    ctx.onLangChange?.(() => {
      ctx.apply(el);
      render();
    }),
  );

  ctx.apply(el);
  showControls();
  configure(new Set(['weights']));

  return {
    unmount() {
      lab.alive = false;
      disposer.dispose();
      el.innerHTML = '';
    },
  };
}

export default { id: 'backprop', strings, mount };
