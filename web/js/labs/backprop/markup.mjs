// The backprop lab's markup: the diagram with the pass's figures, the step controls and list,
// and the network's controls. Text comes from data-i18n keys (the shell's apply()); the browser
// tests find controls by these ids. Groups: backpropSteps, backpropNetwork (hide=...).
import { ACTIVATION_OPTIONS, LOSS_OPTIONS } from './network.mjs';

const options = (values, key = null) =>
  values.map((v) => `<option value="${v}"${key ? ` data-i18n="${key}.${v}"` : ''}>${v}</option>`).join('');

const textField = (id, key, help = 'bp.listHelp') => `
  <label class="bp-field" data-field="${id}"><span data-i18n="${key}"></span>
    <input id="bp-${id}" type="text" inputmode="decimal" autocomplete="off" spellcheck="false"
      data-i18n-title="${help}"></label>`;

export const BACKPROP_MARKUP = `
<div class="bp-lab">
  <p class="lab-intro" data-i18n="bp.intro"></p>
  <div class="bp-main">
    <figure class="bp-figure">
      <div id="bp-diagram" class="bp-diagram-box"></div>
      <figcaption>
        <p id="bp-summary" class="bp-summary" aria-live="polite" data-i18n="bp.waiting"></p>
        <p id="bp-update-check" class="bp-summary" hidden></p>
      </figcaption>
    </figure>
    <section class="bp-steps" data-group="backpropSteps" aria-labelledby="bp-steps-title">
      <h2 id="bp-steps-title" class="bp-heading" data-i18n="bp.steps"></h2>
      <div class="bp-step-controls" role="group" data-i18n-aria-label="bp.steps">
        <button type="button" id="bp-prev" class="lab-action secondary" data-i18n="bp.prev"></button>
        <button type="button" id="bp-next" class="lab-action" data-i18n="bp.next" data-screenshot-presses="6"></button>
        <button type="button" id="bp-end" class="lab-action secondary" data-i18n="bp.toEnd"></button>
        <button type="button" id="bp-restart" class="lab-action secondary" data-i18n="bp.restart"></button>
        <button type="button" id="bp-next-pass" class="lab-action secondary" data-i18n="bp.nextPass"></button>
      </div>
      <p class="bp-position"><span id="bp-position"></span> · <span data-i18n="bp.keys"></span></p>
      <ol id="bp-step-list" class="bp-step-list" tabindex="-1"></ol>
    </section>
    <fieldset class="bp-controls" data-group="backpropNetwork">
      <legend data-i18n="bp.network"></legend>
      ${textField('inputs', 'bp.inputs')}
      ${textField('targets', 'bp.targets')}
      ${textField('hidden', 'bp.hidden', 'bp.hiddenHelp')}
      <label class="bp-field" data-field="hidden-activation"><span data-i18n="bp.hiddenActivation"></span>
        <select id="bp-hidden-activation">${options(ACTIVATION_OPTIONS)}
        <option value="mixed" disabled data-i18n="bp.perLayer">per layer</option></select></label>
      <label class="bp-field" data-field="output-activation"><span data-i18n="bp.outputActivation"></span>
        <select id="bp-output-activation">${options(ACTIVATION_OPTIONS)}</select></label>
      <label class="bp-field" data-field="loss"><span data-i18n="bp.loss"></span>
        <select id="bp-loss">${options(LOSS_OPTIONS, 'bp.loss')}</select></label>
      <label class="bp-field" data-field="lr"><span data-i18n="bp.lr"></span>
        <input id="bp-lr" type="number" min="0.001" max="10" step="0.1" inputmode="decimal"></label>
      <div class="bp-field bp-weight-edit" data-field="weight" role="group" data-i18n-aria-label="bp.editWeight">
        <span data-i18n="bp.editWeight"></span>
        <span class="bp-row">
          <select id="bp-weight-pick" data-i18n-aria-label="bp.weight"></select>
          <input id="bp-weight-value" type="number" step="0.05" inputmode="decimal" data-i18n-aria-label="bp.weightValue">
        </span>
      </div>
      <div class="bp-field" data-field="random">
        <span class="bp-row">
          <label><span data-i18n="bp.seed"></span>
            <input id="bp-seed" type="number" min="0" step="1" inputmode="numeric"></label>
          <button type="button" id="bp-random" class="lab-action secondary" data-i18n="bp.random"></button>
        </span>
      </div>
    </fieldset>
  </div>
</div>`;
