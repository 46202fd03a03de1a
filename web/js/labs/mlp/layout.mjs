// The MLP lab's markup, TF Playground's three columns: data (dataset picker, point tools, CSV),
// the network editor (#network, built by NetworkView), and the output (loss readouts, #heatmap,
// its legend, #metrics-chart right under them so it is on screen at 1366×768, toggles). Texts
// carry data-i18n keys so a language change only refills them.
import { DATASETS } from '../../data/points.mjs';

const datasetButtons = DATASETS.map(
  (name) => `<button type="button" class="mlp-dataset" data-dataset="${name}"
  data-i18n-title="mlp.dataset.${name}" data-i18n-aria-label="mlp.dataset.${name}">
  <canvas width="48" height="48"></canvas></button>`,
).join('');

const MARKUP = `<div class="mlp-lab">
  <section class="mlp-col mlp-data">
    <div data-group="data">
      <h2 class="mlp-head" data-i18n="mlp.data"></h2>
      <p class="mlp-note" data-i18n="mlp.datasetPicker"></p>
      <div class="mlp-datasets" role="group">${datasetButtons}</div>
      <div class="mlp-data-panel" data-panel-slot="data"></div>
      <div class="mlp-points">
        <label class="mlp-field"><span data-i18n="mlp.pointClass"></span>
          <select id="point-class"></select></label>
        <button type="button" id="clear-points" class="mlp-button" data-i18n="mlp.clearPoints"></button>
        <p class="mlp-note" data-i18n="mlp.clickHint"></p>
        <p class="mlp-note mlp-warn" id="mlp-need-points" data-i18n="mlp.needPoints" hidden></p>
        <p class="mlp-note mlp-added" id="mlp-points-added" role="status" data-i18n="mlp.pointsAdded" hidden></p>
      </div>
      <details class="mlp-csv">
        <summary data-i18n="mlp.csv"></summary>
        <p class="mlp-note" data-i18n="mlp.csvHelp"></p>
        <textarea id="csv-input" rows="6" spellcheck="false" placeholder="x1,x2,label&#10;1.5,-2,0&#10;…"></textarea>
        <div class="mlp-csv-actions">
          <button type="button" id="csv-apply" class="mlp-button" data-i18n="mlp.csvApply"></button>
          <label class="mlp-button mlp-file"><span data-i18n="mlp.csvFile"></span>
            <input type="file" id="csv-file" accept=".csv,text/csv,text/plain"></label>
          <button type="button" id="csv-current" class="mlp-button" data-i18n="mlp.csvCurrent"></button>
        </div>
        <p id="csv-status" class="mlp-note" role="status"></p>
        <ul id="csv-errors" class="mlp-errors" role="alert" hidden></ul>
      </details>
    </div>
  </section>
  <section class="mlp-col mlp-net" data-group="network">
    <div id="network"></div>
    <p class="mlp-note mlp-net-hint" data-i18n="net.hint"></p>
  </section>
  <section class="mlp-col mlp-output">
    <h2 class="mlp-head" data-i18n="mlp.output"></h2>
    <p class="mlp-losses"><span data-i18n="mlp.testLoss"></span> <b id="mlp-test-loss">–</b>
      <span data-i18n="mlp.trainLoss"></span> <b id="mlp-train-loss">–</b></p>
    <p class="mlp-note mlp-loss-note" id="mlp-loss-note" hidden></p>
    <div id="heatmap-box"></div>
    <p class="mlp-note mlp-legend" id="mlp-legend"></p>
    <div id="metrics-chart" data-group="charts"></div>
    <div class="mlp-toggles" data-group="charts">
      <label><input type="checkbox" id="show-test"> <span data-i18n="mlp.showTest"></span></label>
      <label><input type="checkbox" id="discretize"> <span data-i18n="mlp.discretize"></span></label>
    </div>
  </section>
</div>`;

/** Builds the lab's markup in `el` (its text is filled by the shell's i18n.apply); returns the
 *  elements the lab wires. */
export function buildLayout(el) {
  el.innerHTML = MARKUP;
  const $ = (selector) => el.querySelector(selector);
  return {
    root: $('.mlp-lab'),
    datasets: [...el.querySelectorAll('[data-dataset]')],
    pointClass: $('#point-class'),
    clearPoints: $('#clear-points'),
    needPoints: $('#mlp-need-points'),
    pointsAdded: $('#mlp-points-added'),
    csvInput: $('#csv-input'),
    csvApply: $('#csv-apply'),
    csvFile: $('#csv-file'),
    csvCurrent: $('#csv-current'),
    csvStatus: $('#csv-status'),
    csvErrors: $('#csv-errors'),
    network: $('#network'),
    heatmapBox: $('#heatmap-box'),
    legend: $('#mlp-legend'),
    testLoss: $('#mlp-test-loss'),
    trainLoss: $('#mlp-train-loss'),
    lossNote: $('#mlp-loss-note'),
    showTest: $('#show-test'),
    discretize: $('#discretize'),
    metrics: $('#metrics-chart'),
  };
}
