// The images lab's markup: the data (its controls, the download's progress or error with Retry,
// the training/validation/test split), the training readouts and curves, the model's summary,
// then the test set (accuracy, confusion matrix, per-class accuracy, sample predictions), the
// first layer's weights as images, the drawing pad, and the experiments. Returns the elements
// the lab fills; texts carry data-i18n keys so a language change only refills them.

const MARKUP = `
<div class="img-lab">
  <p class="lab-intro" data-i18n="img.intro"></p>
  <div class="img-top">
    <section class="img-card img-sec-data" data-group="data" aria-labelledby="img-data-title">
      <h2 id="img-data-title" data-i18n="img.data"></h2>
      <div class="img-data-panel" data-panel-slot="data"></div>
      <div class="img-load" data-notice-anchor>
        <progress data-role="load-bar" max="1" value="0" hidden></progress>
        <p class="img-note" data-role="load-text" role="status"></p>
        <p class="img-note img-error" data-role="load-error" role="alert" hidden></p>
        <button type="button" class="img-button" data-role="retry" data-i18n="img.retry" hidden></button>
      </div>
      <p class="img-note" data-role="split"></p>
    </section>
    <section class="img-card img-sec-training" aria-labelledby="img-training-title">
      <h2 id="img-training-title" data-i18n="img.training"></h2>
      <dl class="img-readouts">
        <div><dt data-i18n="img.epoch"></dt><dd data-role="epoch">–</dd></div>
        <div><dt data-i18n="img.trainLoss"></dt><dd data-role="train-loss">–</dd></div>
        <div><dt data-i18n="img.valLoss"></dt><dd data-role="val-loss">–</dd></div>
        <div><dt data-i18n="img.trainAccuracy"></dt><dd data-role="train-acc">–</dd></div>
        <div><dt data-i18n="img.valAccuracy"></dt><dd data-role="val-acc">–</dd></div>
        <div><dt data-i18n="img.testAccuracy"></dt><dd data-role="test-acc">–</dd></div>
      </dl>
      <div id="img-metrics"></div>
    </section>
    <section class="img-card img-sec-summary" data-group="summary" aria-labelledby="img-summary-title">
      <h2 id="img-summary-title" data-i18n="img.summary"></h2>
      <div class="img-table-wrap"><table class="img-table">
        <thead><tr><th data-i18n="img.layerType"></th><th data-i18n="img.outputShape"></th>
          <th data-i18n="img.params"></th></tr></thead>
        <tbody data-role="summary-rows"></tbody>
      </table></div>
      <p class="img-totals" data-role="totals"></p>
      <p class="img-note" data-i18n="img.paramNote"></p>
    </section>
  </div>
  <section class="img-card img-sec-test" data-group="test" aria-labelledby="img-test-title">
    <h2 id="img-test-title" data-i18n="img.test"></h2>
    <p class="img-note" data-i18n="img.testHelp"></p>
    <p class="img-figure" data-role="test-figure"></p>
    <div class="img-test-views">
      <figure class="img-figure-box">
        <figcaption><h3 data-i18n="img.confusion"></h3>
          <p class="img-note" data-i18n="img.confusionHelp"></p></figcaption>
        <div id="img-confusion-view" class="img-view"></div>
      </figure>
      <figure class="img-figure-box">
        <figcaption><h3 data-i18n="img.perClass"></h3></figcaption>
        <div id="img-class-accuracy-view" class="img-view"></div>
      </figure>
    </div>
    <h3 data-i18n="img.samples"></h3>
    <p class="img-note" data-i18n="img.samplesHelp"></p>
    <div id="img-samples-view" class="img-view"></div>
  </section>
  <div class="img-bottom">
    <section class="img-card img-sec-weights" data-group="weights" aria-labelledby="img-weights-title">
      <h2 id="img-weights-title" data-i18n="img.weights"></h2>
      <p class="img-note" data-role="weights-help"></p>
      <div id="img-weights-view" class="img-view"></div>
    </section>
    <section class="img-card img-sec-draw" data-group="draw" aria-labelledby="img-draw-title">
      <h2 id="img-draw-title" data-i18n="img.draw"></h2>
      <p class="img-note" data-role="draw-help"></p>
      <div id="img-draw-view" class="img-view"></div>
    </section>
  </div>
  <section class="img-sec-experiments" data-group="experiments"><div id="img-experiments"></div></section>
  <div id="img-viewer-view"></div>
</div>`;

/** Fills `el` with the lab's markup; returns its parts. @param {HTMLElement} el */
export function buildLayout(el) {
  el.innerHTML = MARKUP;
  /** @param {string} selector */
  const $ = (selector) => /** @type {HTMLElement} */ (el.querySelector(selector));
  return {
    loadBar: /** @type {HTMLProgressElement} */ ($('[data-role=load-bar]')),
    loadText: $('[data-role=load-text]'),
    loadError: $('[data-role=load-error]'),
    retry: /** @type {HTMLButtonElement} */ ($('[data-role=retry]')),
    split: $('[data-role=split]'),
    epoch: $('[data-role=epoch]'),
    trainLoss: $('[data-role=train-loss]'),
    valLoss: $('[data-role=val-loss]'),
    trainAcc: $('[data-role=train-acc]'),
    valAcc: $('[data-role=val-acc]'),
    testAcc: $('[data-role=test-acc]'),
    metrics: $('#img-metrics'),
    summaryRows: $('[data-role=summary-rows]'),
    totals: $('[data-role=totals]'),
    testFigure: $('[data-role=test-figure]'),
    confusion: $('#img-confusion-view'),
    classAccuracy: $('#img-class-accuracy-view'),
    samples: $('#img-samples-view'),
    weightsHelp: $('[data-role=weights-help]'),
    weights: $('#img-weights-view'),
    drawHelp: $('[data-role=draw-help]'),
    draw: $('#img-draw-view'),
    experiments: /** @type {HTMLElement} */ ($('.img-sec-experiments')),
    experimentsBox: $('#img-experiments'),
    viewer: $('#img-viewer-view'),
  };
}
