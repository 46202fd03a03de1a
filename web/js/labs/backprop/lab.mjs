// The backprop lab: wires the store and its engine session to the diagram and the step list.
// The session is configured with the network, the one sample as training data and the weights;
// each snapshot is [get_weights, backprop] of the weights as they are, read into a pass and
// written out as steps. A training step (Next forward pass, or the toolbar's Step) is the
// engine's SGD step on the sample; the snapshot after it is the next pass, and the page checks
// the engine's new weights against w − η·∂E/∂w.
import strings from './strings.mjs';
import declaration from './index.mjs';
import { BACKPROP_MARKUP } from './markup.mjs';
import { configureRequest, layerSizes, lossOf, networkShape, weightCount } from './network.mjs';
import { readPass } from './pass.mjs';
import { buildSteps, updateAgreement } from './steps.mjs';
import { num, shortFloat32, stepHtml, stepTitle } from './format.mjs';
import { diagramData } from './view-model.mjs';
import { NetworkDiagram } from './diagram.mjs';
import { wireControls } from './controls.mjs';
import { fillText } from '../../kit/lab-dom.mjs';
import { Disposer, debounce, publishTestHook } from '../../kit/lab-kit.mjs';
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

  const controls = wireControls(ui, { store, ctx, t, lab });
  const { fillWeightPick, showWeightValue, showControls } = controls;
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
