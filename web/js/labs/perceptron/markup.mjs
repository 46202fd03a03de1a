// The perceptron lab's markup: gate buttons, the rule, weight inputs, learning rate, readout,
// the XOR note with #add-hidden, and the plot canvas. Text comes from data-i18n keys (filled by
// the shell's i18n apply()); the browser tests find controls by these ids, so keep them. The gate and weight
// controls are the `perceptron` group (the URL flag hide=perceptron hides them).
import { GATE_NAMES } from './model.mjs';

const gateButtons = GATE_NAMES.map(
  (gate) =>
    `<button type="button" class="gate-button" data-gate="${gate}" aria-pressed="false">${gate.toUpperCase()}</button>`,
).join('');

const weightInput = (name) => `
  <label class="weight-field"><span data-i18n="perceptron.${name}"></span>
    <input id="perceptron-${name}" type="number" step="0.1" inputmode="decimal" value="0"></label>`;

export const PERCEPTRON_MARKUP = `
<div class="perceptron-lab">
  <div class="perceptron-side">
    <p class="lab-intro" data-i18n="perceptron.intro"></p>
    <div class="lab-field" role="group" data-group="perceptron" data-i18n-aria-label="perceptron.gate">
      <span class="lab-label" data-i18n="perceptron.gate"></span>
      <div class="gate-buttons">${gateButtons}</div>
    </div>
    <p class="perceptron-rule" data-role="rule"></p>
    <fieldset class="perceptron-weights" data-role="weights" data-group="perceptron">
      <legend data-i18n="perceptron.weights"></legend>
      ${weightInput('w1')}${weightInput('w2')}${weightInput('b')}
    </fieldset>
    <label class="lab-field perceptron-lr" data-role="lr-field"><span data-i18n="perceptron.lr"></span>
      <input id="perceptron-lr" type="number" min="0.001" max="10" step="0.1" inputmode="decimal"></label>
    <p class="perceptron-correct" id="perceptron-correct" aria-live="polite"></p>
    <div class="perceptron-note" id="perceptron-note" hidden>
      <p data-role="note-text"></p>
      <button type="button" id="add-hidden" class="lab-action" data-i18n="perceptron.addHidden"></button>
    </div>
    <div class="perceptron-hidden-info" data-role="hidden-info" hidden>
      <p data-role="hidden-text"></p>
      <button type="button" id="remove-hidden" class="lab-action secondary" data-i18n="perceptron.removeHidden"></button>
    </div>
  </div>
  <figure class="perceptron-figure">
    <canvas id="perceptron-plot" data-i18n-aria-label="perceptron.plotLabel" role="img"></canvas>
    <figcaption class="perceptron-legend">
      <span class="dot one"></span><span data-i18n="perceptron.legend1"></span>
      <span class="dot zero"></span><span data-i18n="perceptron.legend0"></span>
      <span class="dot wrong"></span><span data-i18n="perceptron.wrong"></span>
    </figcaption>
    <p class="perceptron-hint" data-role="hint" data-i18n="perceptron.dragHint"></p>
  </figure>
</div>`;
