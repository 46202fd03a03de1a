// The activation explorer of the activations lab: buttons for every activation, an α slider for
// those that take one, the plot of f and f′ (#activation-plot) and the formulas. Local choice
// (not in the store: the store's `activation` is the MLP's default for new layers).
import { ACTIVATIONS, ACTIVATION_IDS, alphaOf, sample } from './formulas.mjs';
import { ActivationPlotView } from '../../views/activation-plot-view.mjs';
import { palette } from '../../views/colors.mjs';

// Read from the page palette (--curve-f, --curve-df) when drawn, after the stylesheets apply.
const COLORS = {
  get f() {
    return palette().curveF;
  },
  get df() {
    return palette().curveDf;
  },
};
const remembered = { id: 'sigmoid', alpha: {} }; // survives unmount/mount within the page

export const EXPLORER_MARKUP = `
<section class="act-explorer" aria-labelledby="act-title">
  <h2 id="act-title" data-i18n="act.title"></h2>
  <p class="lab-intro" data-i18n="act.intro"></p>
  <div class="act-buttons" role="group" data-i18n-aria-label="act.choose">
    ${ACTIVATION_IDS.map((id) => `<button type="button" class="act-button" data-activation="${id}" data-i18n="act.name.${id}" aria-pressed="false"></button>`).join('')}
  </div>
  <div class="act-body">
    <figure class="act-figure">
      <canvas id="activation-plot" role="img" data-i18n-aria-label="act.plotLabel"></canvas>
      <figcaption class="act-legend">
        <span class="swatch f"></span><span data-i18n="act.f"></span>
        <span class="swatch df"></span><span data-i18n="act.df"></span>
      </figcaption>
    </figure>
    <div class="act-text">
      <p class="act-formula" data-role="formula"></p>
      <p class="act-formula" data-role="derivative"></p>
      <label class="lab-field act-alpha" data-role="alpha-field"><span data-i18n="act.alpha"></span>
        <input id="activation-alpha" type="range"> <output data-role="alpha-value"></output></label>
      <p class="act-note" data-role="note"></p>
    </div>
  </div>
</section>`;

/** Wires the explorer markup under `root`; returns {render()} (language changes). */
export function mountExplorer(root, t) {
  const $ = (selector) => root.querySelector(selector);
  const buttons = [...root.querySelectorAll('[data-activation]')];
  const ui = {
    formula: $('[data-role=formula]'),
    derivative: $('[data-role=derivative]'),
    note: $('[data-role=note]'),
    alphaField: $('[data-role=alpha-field]'),
    alpha: $('#activation-alpha'),
    alphaValue: $('[data-role=alpha-value]'),
  };
  const view = new ActivationPlotView($('#activation-plot'));

  function render() {
    const { id } = remembered;
    const spec = ACTIVATIONS[id];
    const alpha = alphaOf(id, remembered.alpha[id]);
    buttons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.activation === id)));
    ui.formula.textContent = spec.formula;
    ui.derivative.textContent = spec.derivative;
    ui.note.textContent = t(`act.note.${id}`);
    ui.alphaField.hidden = !spec.alpha;
    if (spec.alpha) {
      Object.assign(ui.alpha, { min: spec.alpha.min, max: spec.alpha.max, step: spec.alpha.step });
      ui.alpha.value = String(alpha);
      ui.alphaValue.textContent = alpha.toFixed(2);
    }
    const { xs, f, df } = sample(id, { alpha });
    view.update({
      xs,
      series: [
        { values: df, color: COLORS.df, dash: [7, 5], width: 2 },
        { values: f, color: COLORS.f, width: 3 },
      ],
    });
  }

  buttons.forEach((b) =>
    b.addEventListener('click', () => {
      remembered.id = b.dataset.activation;
      render();
    }),
  );
  ui.alpha.addEventListener('input', () => {
    remembered.alpha[remembered.id] = Number(ui.alpha.value);
    render();
  });
  render();
  return { render };
}
