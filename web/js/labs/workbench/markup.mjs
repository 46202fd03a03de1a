// The workbench's markup: the model section (editor tabs beside the diagram and summary), the
// compile-and-fit section with the Keras log, evaluate and predict, and the files section.
import { WORKBENCH_PRESETS } from './presets.mjs';

const presetOptions = Object.keys(WORKBENCH_PRESETS)
  .map((id) => `<option value="${id}" data-i18n="wb.preset.${id}"></option>`)
  .join('');

export const WORKBENCH_MARKUP = `
<div class="wb-lab">
<section class="wb-section" data-group="wbModel" aria-labelledby="wb-model-title">
  <h2 id="wb-model-title" data-i18n="wb.model.title"></h2>
  <p class="wb-help" data-i18n="wb.model.intro"></p>
  <div class="wb-bar">
    <label class="lab-field wb-field"><span data-i18n="wb.startFrom"></span>
      <select id="wb-preset">${presetOptions}</select></label>
    <button type="button" class="wb-button" id="wb-open-preset" data-i18n="wb.openPreset"></button>
    <span class="wb-mode" role="group" aria-label="mode">
      <button type="button" class="wb-button" id="wb-mode-sequential" aria-pressed="false">Sequential</button>
      <button type="button" class="wb-button" id="wb-mode-functional" aria-pressed="false">Functional</button>
    </span>
    <button type="button" class="wb-button" id="wb-undo" data-i18n="wb.undo" hidden></button>
  </div>
  <p class="wb-status" id="wb-status" role="status" aria-live="polite"></p>
  <div class="wb-model-layout">
    <div class="wb-editor">
      <div class="wb-tabs" role="tablist">
        <button type="button" role="tab" class="wb-tab" data-tab="layers" data-i18n="wb.tab.layers"></button>
        <button type="button" role="tab" class="wb-tab" data-tab="json">JSON</button>
        <button type="button" role="tab" class="wb-tab" data-tab="python">Keras Python</button>
      </div>
      <div class="wb-pane" data-pane="layers" id="wb-layers"></div>
      <div class="wb-pane" data-pane="json" hidden>
        <textarea id="wb-json" class="wb-code" spellcheck="false" autocomplete="off" aria-label="JSON"></textarea>
        <div class="wb-bar">
          <button type="button" class="wb-button" id="wb-apply" data-i18n="wb.apply"></button>
          <button type="button" class="wb-button" id="wb-revert" data-i18n="wb.revert"></button>
        </div>
        <p class="wb-error" id="wb-json-error" role="alert" hidden></p>
      </div>
      <div class="wb-pane" data-pane="python" hidden>
        <pre id="wb-python" class="wb-code wb-pre"></pre>
        <p class="wb-help" data-i18n="wb.pythonHelp"></p>
      </div>
    </div>
    <div class="wb-views">
      <h3>plot_model(model, show_shapes=True)</h3>
      <p class="wb-help wb-graph-hint" data-i18n="wb.graph.hint"></p>
      <div id="wb-graph" class="wb-graph"></div>
      <h3>model.summary()</h3>
      <pre id="wb-summary" class="wb-pre wb-summary"></pre>
    </div>
  </div>
</section>
<section class="wb-section" data-group="wbTrain" aria-labelledby="wb-train-title">
  <h2 id="wb-train-title" data-i18n="wb.train.title"></h2>
  <p class="wb-help" data-i18n="wb.train.intro"></p>
  <div id="wb-compile"></div>
  <p class="wb-help" id="wb-data-note"></p>
  <div class="wb-bar">
    <button type="button" class="wb-button wb-primary" id="wb-fit">model.fit()</button>
    <button type="button" class="wb-button" id="wb-pause" data-i18n="wb.pause"></button>
    <button type="button" class="wb-button" id="wb-evaluate">model.evaluate()</button>
    <button type="button" class="wb-button" id="wb-reset" data-i18n="wb.resetWeights"></button>
  </div>
  <pre id="wb-log" class="wb-pre wb-log" aria-live="off"></pre>
  <div class="wb-predict">
    <h3>model.predict()</h3>
    <div class="wb-bar">
      <label class="lab-field wb-field"><span data-i18n="wb.predictFrom"></span>
        <select id="wb-predict-part"><option value="validation" data-i18n="wb.part.validation"></option><option value="train" data-i18n="wb.part.train"></option></select></label>
      <label class="lab-field wb-field"><span data-i18n="wb.sample"></span>
        <input id="wb-predict-sample" type="number" min="0" step="1" value="0"></label>
      <button type="button" class="wb-button" id="wb-predict" data-i18n="wb.predict"></button>
    </div>
    <div id="wb-predict-out" class="wb-predict-out"></div>
  </div>
</section>
<section class="wb-section" data-group="wbFiles" aria-labelledby="wb-files-title">
  <h2 id="wb-files-title" data-i18n="wb.files.title"></h2>
  <p class="wb-help" data-i18n="wb.files.intro"></p>
  <div class="wb-bar">
    <button type="button" class="wb-button" id="wb-save" data-i18n="wb.save"></button>
    <label class="wb-button wb-file"><span data-i18n="wb.load"></span><input type="file" id="wb-load" accept=".json,application/json"></label>
    <label class="wb-button wb-file"><span data-i18n="wb.loadWeights"></span><input type="file" id="wb-load-weights" accept=".json,application/json"></label>
    <label class="wb-button wb-file"><span data-i18n="wb.importKeras"></span><input type="file" id="wb-import" accept=".json,application/json"></label>
    <label class="wb-button wb-file"><span data-i18n="wb.importTfjs"></span><input type="file" id="wb-import-tfjs" accept=".json,.bin" multiple></label>
  </div>
  <div class="wb-bar">
    <button type="button" class="wb-button" id="wb-export-keras" data-i18n="wb.exportKeras"></button>
    <button type="button" class="wb-button" id="wb-export-tfjs" data-i18n="wb.exportTfjs"></button>
    <button type="button" class="wb-button" id="wb-export-python" data-i18n="wb.exportPython"></button>
    <button type="button" class="wb-button" id="wb-export-data" data-i18n="wb.exportData"></button>
  </div>
  <p class="wb-status" id="wb-files-status" role="status" aria-live="polite"></p>
</section>
</div>`;
