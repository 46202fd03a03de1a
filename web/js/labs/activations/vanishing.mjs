// The vanishing-gradients part of the activations lab: configures its session with the two-tower
// model and a fixed probe batch whose `probes` request rides on every snapshot, so each carries
// the engine's gradient_norms (‖∂L/∂W‖ per weight), and draws them per layer and
// over time (#gradient-chart) with both towers' losses and the layer-1 ratio.
import { probeBatch, towerLayers, vanishingDocument } from './document.mjs';
import { GradientChartView } from '../../views/gradient-chart-view.mjs';
import { palette } from '../../views/colors.mjs';
import { fillText } from '../../kit/lab-dom.mjs';
import { powerOfTen } from '../../kit/readable-numbers.mjs';
import { Disposer, debounce, publishTestHook } from '../../kit/lab-kit.mjs';
import { rebuildNames } from '../registry.mjs';
import declaration from './index.mjs';
import { clearFieldMessage, refusalText, showFieldMessage } from '../../kit/field-message.mjs';
import { FIELD } from '../../state/schema.mjs';
import { RebuildNotice, hasTrained } from '../../kit/rebuild-notice.mjs';

const CONFIG_KEYS = rebuildNames(declaration);
// Read from the page palette (--tower-sigmoid, --tower-relu) when drawn.
const COLORS = {
  get deep() {
    return palette().towerSigmoid;
  },
  get relu() {
    return palette().towerRelu;
  },
};

export { powerOfTen };

export const VANISHING_MARKUP = `
<section class="act-vanishing" aria-labelledby="vanishing-title">
  <h2 id="vanishing-title" data-i18n="act.vanishingTitle"></h2>
  <p class="lab-intro" data-role="vanishing-intro"></p>
  <div class="lab-controls vanishing-controls" data-group="vanishing">
    <label class="lab-field"><span data-i18n="act.deepAct"></span>
      <select id="deep-act"><option value="sigmoid"></option><option value="tanh"></option></select></label>
    <label class="lab-field"><span data-i18n="act.deepDepth"></span>
      <input id="deep-depth" type="number" min="6" max="12" step="1"></label>
  </div>
  <div class="tower-readouts">
    <p class="tower deep"><span class="swatch"></span><strong data-role="deep-name"></strong>
      <span data-role="deep-loss"></span></p>
    <p class="tower relu"><span class="swatch"></span><strong data-role="relu-name"></strong>
      <span data-role="relu-loss"></span></p>
  </div>
  <p class="gradient-ratio" data-role="ratio" aria-live="polite"></p>
  <div id="gradient-chart" role="img" data-i18n-aria-label="act.gradientLabel"></div>
</section>`;

/** Wires the vanishing section under `root`; returns {render(), unmount()}. */
export function mountVanishing(root, { store, session, t, reportHints }) {
  const text = (key, params) => fillText(t(key, params), params);
  const $ = (selector) => root.querySelector(selector);
  const ui = {
    intro: $('[data-role=vanishing-intro]'),
    act: $('#deep-act'),
    depth: $('#deep-depth'),
    deepName: $('[data-role=deep-name]'),
    reluName: $('[data-role=relu-name]'),
    deepLoss: $('[data-role=deep-loss]'),
    reluLoss: $('[data-role=relu-loss]'),
    ratio: $('[data-role=ratio]'),
  };
  const chart = new GradientChartView($('#gradient-chart'));
  const lab = { alive: true, time: 0, logs: null, norms: null };
  const OWN = { deepAct: '#deep-act', deepDepth: '#deep-depth' };
  const notice = new RebuildNotice(root, {
    t,
    labelOf: (name) => t(name in OWN ? `act.${name}` : `field.${name}`),
    anchorOf: (name) =>
      name in OWN
        ? $(OWN[name]).closest('.lab-field')
        : root.ownerDocument.querySelector(`[data-field="${name}"]`),
  });
  const changedSinceBuild = new Set(); // rebuild fields changed since the last configure

  async function configure() {
    const state = store.state();
    // New towers: the trained ones are gone, which is said beside the control.
    if (changedSinceBuild.size > 0 && hasTrained(session.lastProgress)) notice.show([...changedSinceBuild]);
    changedSinceBuild.clear();
    chart.reset();
    lab.time = 0;
    lab.logs = null;
    lab.norms = null;
    render();
    try {
      const document = vanishingDocument(state);
      const probe = probeBatch(state.seed ?? 0);
      await session.configure({
        setup: [{ op: 'build', spec: document }, { op: 'set_data' }],
        arrays: { probe_x: probe.x, probe_y: probe.y },
        // One target array per model output: both towers learn the same labels.
        snapshot: [
          { op: 'get_weights', out: 'weights' },
          { op: 'probes', x: ['probe_x'], y: document.model.outputs.map(() => 'probe_y') },
        ],
      });
    } catch {
      // shown by the shell's error banner
    }
  }

  const actName = () => t(`act.name.${store.get('deepAct')}`);

  function render() {
    const act = actName();
    ui.intro.textContent = text('act.vanishingIntro', { act });
    [...ui.act.options].forEach((o) => {
      o.textContent = t(`act.name.${o.value}`);
    });
    if (document.activeElement !== ui.act) ui.act.value = store.get('deepAct');
    if (document.activeElement !== ui.depth) ui.depth.value = String(store.get('deepDepth'));
    ui.deepName.textContent = text('act.towerDeep', { act });
    ui.reluName.textContent = t('act.towerRelu');
    chart.setLabels({
      byLayer: t('act.byLayer'),
      history: t('act.history'),
      layer: t('act.layerAxis'),
      time: t('act.timeAxis'),
    });
    renderLosses();
    renderRatio();
  }

  function renderLosses() {
    const logs = lab.logs;
    const format = (tower) => {
      const loss = logs?.[`${tower}_out_loss`];
      const acc = logs?.[`${tower}_out_accuracy`];
      if (!Number.isFinite(loss)) return '';
      return text('act.loss', {
        loss: loss.toFixed(4),
        acc: Number.isFinite(acc) ? `${Math.round(acc * 100)}%` : '–',
      });
    };
    ui.deepLoss.textContent = format('deep');
    ui.reluLoss.textContent = format('relu');
  }

  function renderRatio() {
    if (!lab.norms) {
      ui.ratio.textContent = text('act.waiting');
      return;
    }
    const [deep1, relu1] = [lab.norms.deep[0], lab.norms.relu[0]];
    const ratio = relu1 / deep1;
    const shown = (r) => (r >= 1000 ? powerOfTen(r) : r >= 100 ? String(Math.round(r)) : r.toPrecision(2));
    ui.ratio.textContent =
      ratio >= 1
        ? text('act.ratio', { ratio: shown(ratio), act: actName() })
        : text('act.ratioMore', { ratio: shown(1 / ratio), act: actName() });
  }

  function onSnapshot(snapshot) {
    const list = snapshot?.answers?.[1]?.gradient_norms;
    if (!list) return;
    const byName = new Map(list.map((g) => [g.name, g.norm]));
    const depth = store.get('deepDepth');
    const norms = {};
    for (const prefix of ['deep', 'relu']) {
      norms[prefix] = towerLayers(prefix, depth).map((name) => byName.get(`${name}/kernel`));
      if (norms[prefix].some((n) => n === undefined)) return; // a stale snapshot of another model
    }
    lab.norms = norms;
    chart.update({
      time: lab.time,
      towers: [
        { color: COLORS.deep, norms: norms.deep },
        { color: COLORS.relu, norms: norms.relu },
      ],
    });
    // The shell's hint banner names a vanishing gradient and its remedies (hints.mjs).
    reportHints?.({ deepFirst: norms.deep[0], deepLast: norms.deep[depth - 1] });
    publishTestHook('vanishing', {
      deep: norms.deep,
      relu: norms.relu,
      ratio: norms.relu[0] / norms.deep[0],
      time: lab.time,
    });
    renderRatio();
  }

  function onProgress({ answer: p }) {
    lab.time = p.epoch + (p.batches_per_epoch ? p.batch / p.batches_per_epoch : 0);
    const last = p.epoch_logs?.[p.epoch_logs.length - 1];
    lab.logs = last?.logs ?? p.logs ?? lab.logs;
    renderLosses();
  }

  const configureLater = debounce(() => configure(), 150);
  const disposer = new Disposer().add(() => configureLater.cancel()).add(() => notice.destroy());
  disposer.add(session.on('snapshot', (s) => lab.alive && onSnapshot(s)));
  disposer.add(session.on('progress', (p) => lab.alive && onProgress(p)));
  disposer.add(
    session.on('paused', ({ reason } = {}) => {
      if (lab.alive && reason === 'reset') {
        lab.time = 0;
        lab.logs = null;
        chart.reset();
        renderLosses();
      }
    }),
  );
  disposer.add(
    store.subscribe((keys) => {
      const rebuild = [...keys].filter((k) => CONFIG_KEYS.has(k));
      for (const key of rebuild) changedSinceBuild.add(key);
      if (rebuild.length > 0) configureLater.call();
      if (keys.has('deepAct') || keys.has('deepDepth')) render();
    }),
  );
  ui.act.addEventListener('change', () => store.set('deepAct', ui.act.value));
  // A depth the lab cannot take is said beside the field, and the towers keep their depth.
  ui.depth.addEventListener('change', () => {
    const depth = ui.depth.value.trim() === '' ? NaN : Number(ui.depth.value);
    const checked = store.validate('deepDepth', depth);
    if (!checked.ok) {
      showFieldMessage(
        ui.depth.closest('.lab-field'),
        refusalText(
          t,
          FIELD['activations.deepDepth'],
          Number.isNaN(depth) ? { code: 'number' } : checked,
          t('act.deepDepth'),
        ),
        ui.depth,
      );
      return;
    }
    clearFieldMessage(ui.depth.closest('.lab-field'), [ui.depth]);
    store.set('deepDepth', depth);
  });

  render();
  configure();
  return {
    render,
    unmount() {
      lab.alive = false;
      disposer.dispose();
    },
  };
}
