// The sequence lab's markup: the task's intro, the readouts and loss chart beside the model
// summary, the wave prediction (or the probed sample's answer), the state maps with their
// per-unit lines, the text task's section, and the gradient through time. Returns the elements
// the lab fills.
import { TEXT_MARKUP } from './text-section.mjs';
import { COMPARE_MARKUP } from './side-by-side.mjs';

const MARKUP = `
<div class="seq-lab">
  <p class="lab-intro" data-role="intro"></p>
  <div class="seq-top">
    <section class="seq-output" aria-labelledby="seq-readouts-title">
      <h2 id="seq-readouts-title" data-i18n="seq.readouts"></h2>
      <dl class="seq-readouts">
        <div><dt data-i18n="seq.epoch"></dt><dd data-role="epoch">–</dd></div>
        <div><dt data-i18n="seq.trainLoss"></dt><dd data-role="train-loss">–</dd></div>
        <div><dt data-i18n="seq.valLoss"></dt><dd data-role="val-loss">–</dd></div>
        <div data-role="acc-row"><dt data-i18n="seq.valAccuracy"></dt><dd data-role="val-acc">–</dd></div>
      </dl>
      <p class="seq-note" data-role="baseline" data-i18n="seq.baseline"></p>
      <div id="seq-metrics"></div>
      <div class="seq-prediction" data-role="prediction-box">
        <h3 data-i18n="seq.prediction"></h3>
        <div id="seq-prediction"></div>
      </div>
    </section>
    <section class="seq-summary" data-group="summary" aria-labelledby="seq-summary-title">
      <h2 id="seq-summary-title" data-i18n="seq.summary"></h2>
      <div class="seq-table-wrap"><table class="seq-table">
        <thead><tr><th data-i18n="seq.layerType"></th><th data-i18n="seq.outputShape"></th>
          <th data-i18n="seq.params"></th><th data-i18n="seq.returnSequences"></th></tr></thead>
        <tbody data-role="summary-rows"></tbody>
      </table></div>
      <p class="seq-total" data-role="total"></p>
      <p class="seq-note" data-role="param-note"></p>
    </section>
  </div>
  ${TEXT_MARKUP}
  <section class="seq-states" data-group="states" aria-labelledby="seq-states-title">
    <h2 id="seq-states-title" data-i18n="seq.states"></h2>
    <p class="seq-help" data-role="states-help"></p>
    <div class="seq-pickers">
      <label class="lab-field"><span data-i18n="seq.layer"></span><select id="seq-source"></select></label>
      <label class="lab-field"><span data-i18n="seq.sample"></span><select id="seq-sample"></select></label>
      <p class="seq-sample-answer" data-role="sample-answer" aria-live="polite"></p>
    </div>
    <div id="seq-maps" class="seq-maps"></div>
    <h3 data-role="unit-title"></h3>
    <div id="seq-unit-lines"></div>
  </section>
  <section class="seq-gradients" data-group="gradients" aria-labelledby="seq-gradients-title">
    <h2 id="seq-gradients-title" data-i18n="seq.gradients"></h2>
    <p class="seq-help" data-i18n="seq.gradientsHelp"></p>
    <div id="seq-gradient-chart"></div>
  </section>
  ${COMPARE_MARKUP}
</div>`;

/** Fills `el` with the lab's markup; returns its parts. @param {HTMLElement} el */
export function buildLayout(el) {
  el.innerHTML = MARKUP;
  /** @param {string} selector */
  const $ = (selector) => /** @type {HTMLElement} */ (el.querySelector(selector));
  return {
    intro: $('[data-role=intro]'),
    epoch: $('[data-role=epoch]'),
    trainLoss: $('[data-role=train-loss]'),
    valLoss: $('[data-role=val-loss]'),
    valAcc: $('[data-role=val-acc]'),
    accRow: $('[data-role=acc-row]'),
    baseline: $('[data-role=baseline]'),
    metrics: $('#seq-metrics'),
    predictionBox: $('[data-role=prediction-box]'),
    prediction: $('#seq-prediction'),
    summaryRows: $('[data-role=summary-rows]'),
    total: $('[data-role=total]'),
    paramNote: $('[data-role=param-note]'),
    statesHelp: $('[data-role=states-help]'),
    source: /** @type {HTMLSelectElement} */ ($('#seq-source')),
    sample: /** @type {HTMLSelectElement} */ ($('#seq-sample')),
    sampleAnswer: $('[data-role=sample-answer]'),
    maps: $('#seq-maps'),
    unitTitle: $('[data-role=unit-title]'),
    unitLines: $('#seq-unit-lines'),
    gradients: $('#seq-gradient-chart'),
  };
}
