// The Keras workbench: build a model as form rows, as JSON or from the notes' presets; see it
// as plot_model and summary() draw it and as the Keras Python that rebuilds it; compile, fit
// with Keras's log, evaluate and predict; save, load, import and export. The model lives in
// the lab's session (the toolbar's play/pause/step/reset drive it); every change is tried in a
// scratch session first (workbench.mjs), so an error never costs the learner their model.
import strings from './strings.mjs';
import { WORKBENCH_MARKUP } from './markup.mjs';
import { WORKBENCH_PRESETS } from './presets.mjs';
import { Workbench } from './workbench.mjs';
import { Probe } from './probe.mjs';
import { LayersPane } from './layers-pane.mjs';
import { CompilePane } from './compile-pane.mjs';
import { dataControls } from './data-controls.mjs';
import { fileActions } from './file-actions.mjs';
import { TrainLog } from './train-log.mjs';
import { errorPlace } from './error-place.mjs';
import { predictionHtml } from './predict-view.mjs';
import { documentText } from '../../kit/document-text.mjs';
import { kerasPython } from './keras-python.mjs';
import { parseWithLocation } from './json-locate.mjs';
import { connectNodes, isFunctional, toFunctional, toSequential } from './model-edits.mjs';
import { ModelGraphView } from '../../views/model-graph-view.mjs';
import { fillText } from '../../kit/lab-dom.mjs';
import { Disposer, publishTestHook } from '../../kit/lab-kit.mjs';

function mount(el, ctx) {
  const t = (key, params) => fillText(ctx.t(key, params), params);
  el.innerHTML = WORKBENCH_MARKUP;
  ctx.apply(el);
  const $ = (selector) => el.querySelector(selector);
  const store = ctx.store;
  const status = $('#wb-status');
  const filesStatus = $('#wb-files-status');
  const json = $('#wb-json');
  const jsonError = $('#wb-json-error');
  const disposer = new Disposer();
  const storage = store.store?.storage ?? null;

  // The diagram wires layers too: a drag from a box's port onto another box (or the keyboard).
  const graph = new ModelGraphView($('#wb-graph'), {
    onConnect: (from, to) => connect(from, to),
    connectText: (key, params) => t(`wb.graph.${key}`, params),
  });
  const layers = new LayersPane($('#wb-layers'), { t, onChange: (doc) => propose(doc) });
  const compile = new CompilePane($('#wb-compile'), {
    t,
    onChange: (doc) => propose(doc, { how: 'compile' }),
    data: () => data.view(),
    onData: (choice, opts) => data.choose(choice, opts),
    onCsv: (file) => data.loadCsv(file),
  });
  const log = new TrainLog($('#wb-log'), {
    session: ctx.session,
    fitEpochs: () => bench.current?.doc.fit?.epochs ?? 1,
  });
  const bench = new Workbench({ session: ctx.session, relay: ctx.relay, storage, onInstalled: show });
  const probe = new Probe(ctx.relay, bench);
  disposer.add(() => [graph, layers, compile, log].forEach((v) => v.destroy())).add(() => bench.destroy());
  disposer.add(() => probe.close());

  /** A status line: `key`'s text, marked as a problem when `bad`. */
  const say = (target, key, params = {}, bad = false) => {
    target.textContent = key ? t(key, params) : '';
    target.classList.toggle('wb-bad', bad);
  };
  // Real images and the learner's CSV as data (data-controls.mjs), reported in the status line.
  const data = dataControls({
    bench,
    storage,
    t,
    say: (key, params, bad) => say(status, key, params, bad),
    rerender: () => bench.current && compile.update(bench.current.doc, bench.current.model),
  });

  function show(installed, how, transfer = null) {
    const { doc, text, model, summary } = installed;
    layers.update(doc);
    compile.update(doc, model);
    graph.update({ model });
    $('#wb-summary').textContent = summary;
    json.value = text;
    jsonError.hidden = true;
    $('#wb-python').textContent = kerasPython(doc);
    $('#wb-mode-sequential').setAttribute('aria-pressed', String(!isFunctional(doc)));
    $('#wb-mode-functional').setAttribute('aria-pressed', String(isFunctional(doc)));
    $('#wb-undo').hidden = !bench.previous;
    say($('#wb-data-note'), doc.data ? 'wb.data.builtin' : 'wb.data.synthetic', {
      name: doc.data?.name ?? '',
      n: doc.data?.n ?? 0,
    });
    const arrayNote = data.note();
    if (arrayNote) $('#wb-data-note').textContent = arrayNote;
    if (how !== 'compile') log.restart();
    // Predict from validation samples when the data has them (fit's validation_split does not
    // set any aside: Keras takes those from the training samples).
    $('#wb-predict-part').value = (doc.data?.validation_fraction ?? 0) > 0 ? 'validation' : 'train';
    const from = kept?.from ? ctx.t(`tab.${kept.from}`) : '';
    const words = { kept: transfer?.kept.join(', ') ?? '', fresh: transfer?.fresh.join(', ') || '—' };
    say(status, `wb.how.${how}`, { params: model.params.toLocaleString('en-US'), from, ...words });
    if (transfer && how !== 'weights') status.textContent += ` ${t('wb.transferred', words)}`;
    const dropped = data.installed();
    if (dropped) status.textContent += ` ${dropped}`;
  }

  /**
   * Shows the engine's `error` where it belongs: the status line, the layer row and diagram box
   * of the layer it names (when the model on screen has that layer), and the line of `text` (the
   * learner's JSON of `doc`, or of a Keras model when `prefix` is '/keras'). The rows keep
   * showing the model as it is: a refused change changes nothing.
   */
  function showError(error, doc, text, prefix = '/spec') {
    const place = errorPlace(error, prefix === '/spec' ? doc : null, text, prefix);
    say(status, 'wb.refused', { where: place.where, message: error.message }, true);
    const current = bench.current?.doc;
    if (current) {
      const same =
        place.layerName !== null && current.model.layers[place.layerIndex]?.name === place.layerName;
      layers.update(current, same ? { index: place.layerIndex, message: error.message } : null);
      graph.update({ model: bench.current?.model, highlight: same ? place.layerName : null });
    }
    if (place.line) {
      jsonError.hidden = false;
      jsonError.textContent = t('wb.jsonError', { line: place.line, message: error.message });
      markText(place.offset, place.length, place.line);
    }
  }

  /** Selects characters [offset, offset + length) of the JSON text and scrolls them into view. */
  function markText(offset, length, line) {
    if (offset === null || json.closest('.wb-pane').hidden) return;
    json.setSelectionRange(offset, offset + Math.max(1, length));
    const lineHeight = parseFloat(getComputedStyle(json).lineHeight) || 16;
    json.scrollTop = Math.max(0, (line - 4) * lineHeight);
  }

  /** Tries `doc`; a refusal is shown where it concerns. Resolves with the error, else null. */
  async function propose(doc, { text, how = 'edit', replaces = false } = {}) {
    say(status, 'wb.checking');
    const shownText = text ?? documentText(doc);
    const error = await bench.propose(doc, { text: shownText, how, replaces });
    if (error) showError(error, doc, shownText);
    return error;
  }

  /**
   * The diagram's wire from node `from` into layer `to` (connectNodes): a refusal says why in
   * the status line; a model that built says what changed, and that it became functional.
   */
  async function connect(from, to) {
    if (!bench.current) return;
    const made = connectNodes(bench.current.doc, from, to);
    if ('error' in made) {
      say(status, `wb.connect.${made.error.code}`, { from, to }, true);
      return;
    }
    if (await propose(made.doc)) return;
    status.textContent += ` ${t(`wb.connect.${made.change}`, { from, to })}`;
    if (made.converted) status.textContent += ` ${t('wb.connect.converted')}`;
  }

  async function applyJson() {
    const text = json.value;
    const parsed = parseWithLocation(text);
    if (!parsed.ok) {
      jsonError.hidden = false;
      jsonError.textContent = parsed.message;
      const lines = text.split('\n');
      const offset =
        lines.slice(0, parsed.line - 1).reduce((n, l) => n + l.length + 1, 0) + parsed.column - 1;
      markText(offset, 1, parsed.line);
      say(status, 'wb.notApplied', {}, true);
      return;
    }
    const value = parsed.value;
    if (value && typeof value === 'object' && 'class_name' in value) {
      const error = await bench.importKeras(value);
      if (error) showError(error, null, text, '/keras');
      return;
    }
    const error = await bench.propose(value, { text, how: 'json' });
    if (error) showError(error, value, text);
  }

  const showFileError = (text, error, at, name) => {
    const place = errorPlace(error, null, text, at);
    say(filesStatus, 'wb.fileRefused', { name, where: place.where, message: error.message }, true);
  };
  const files = fileActions({
    workbench: bench,
    probe,
    say: (key, params, bad) => say(filesStatus, key, params, bad),
    showFileError,
  });
  const guard =
    (fn) =>
    async (...args) => {
      try {
        await fn(...args);
      } catch (error) {
        say(filesStatus, 'wb.failed', { message: String(error?.message ?? error) }, true);
      }
    };

  async function predict() {
    const part = $('#wb-predict-part').value;
    const sample = Number($('#wb-predict-sample').value);
    const out = $('#wb-predict-out');
    const model = bench.current?.model;
    if (!model) return;
    try {
      const x = model.inputs.map((i) => `pd/x/${i.name}`);
      const { answers, arrays } = await probe.run([
        { op: 'data', data: part, start: sample, count: 1, out: 'pd' },
        { op: 'predict', x, out: 'pp' },
      ]);
      out.innerHTML = predictionHtml({ data: answers[0], predicted: answers[1], arrays, model, t });
    } catch (error) {
      out.textContent = t('wb.predictRefused', { message: String(error?.message ?? error) });
    }
  }

  const on = (selector, type, fn) => {
    const node = $(selector);
    node.addEventListener(type, fn);
    disposer.add(() => node.removeEventListener(type, fn));
  };
  const selectTab = (tab) => {
    for (const b of el.querySelectorAll('.wb-tab'))
      b.setAttribute('aria-selected', String(b.dataset.tab === tab));
    for (const p of el.querySelectorAll('.wb-pane')) p.hidden = p.dataset.pane !== tab;
    if (store.get('wbTab') !== tab) store.set('wbTab', tab);
  };
  for (const b of el.querySelectorAll('.wb-tab')) {
    const fn = () => selectTab(b.dataset.tab);
    b.addEventListener('click', fn);
    disposer.add(() => b.removeEventListener('click', fn));
  }
  selectTab(store.get('wbTab'));
  $('#wb-preset').value = store.get('wbPreset');
  const openPreset = (id) => {
    const preset = WORKBENCH_PRESETS[id];
    if (preset) return propose(structuredClone(preset.document), { how: 'preset', replaces: true });
  };
  on('#wb-preset', 'change', () => store.set('wbPreset', $('#wb-preset').value));
  on('#wb-open-preset', 'click', () => openPreset($('#wb-preset').value));
  on('#wb-undo', 'click', () => bench.undo());
  on('#wb-mode-functional', 'click', () => bench.current && propose(toFunctional(bench.current.doc)));
  on('#wb-mode-sequential', 'click', () => {
    const converted = bench.current && toSequential(bench.current.doc);
    if (converted?.ok) propose(converted.doc);
    else say(status, 'wb.notChain', {}, true);
  });
  on('#wb-apply', 'click', applyJson);
  on('#wb-revert', 'click', () => bench.current && show(bench.current, 'revert'));
  // fit() trains the epochs set, from where training stands (Keras's fit called again).
  async function fit() {
    if (!ctx.session.configured || ctx.session.running) return;
    const epochs = bench.current?.doc.fit?.epochs ?? 1;
    const { training } = /** @type {any} */ (await ctx.session.call({ op: 'tune' }));
    if (training?.finished) {
      log.target = training.epoch + epochs;
      await ctx.session.continuePastLimit(log.target);
    } else {
      // A fit that was paused goes on to its end; a new model trains `epochs`.
      log.target = Math.max(log.target, epochs);
      ctx.session.play();
    }
  }
  on('#wb-fit', 'click', fit);
  on('#wb-pause', 'click', () => ctx.session.pause());
  on('#wb-reset', 'click', () => ctx.session.reset());
  on('#wb-evaluate', 'click', () => log.evaluate());
  on('#wb-predict', 'click', predict);
  on('#wb-save', 'click', guard(files.save));
  on(
    '#wb-load',
    'change',
    guard(() => files.load($('#wb-load'))),
  );
  on(
    '#wb-import',
    'change',
    guard(() => files.importKeras($('#wb-import'))),
  );
  on(
    '#wb-import-tfjs',
    'change',
    guard(() => files.importTfjs($('#wb-import-tfjs'))),
  );
  on(
    '#wb-load-weights',
    'change',
    guard(() => files.loadWeights($('#wb-load-weights'))),
  );
  on('#wb-export-keras', 'click', guard(files.exportKeras));
  on('#wb-export-tfjs', 'click', guard(files.exportTfjs));
  on('#wb-export-python', 'click', guard(files.exportPython));
  on('#wb-export-data', 'click', guard(files.exportData));
  // The toolbar's pause, a finished fit: the weights are kept for the next visit.
  disposer.add(ctx.session.on('paused', () => bench.keep()));
  // A preset picked in the header's menu or the "Start from" menu opens (undo puts back the model).
  disposer.add(
    store.subscribe((keys) => {
      if (!keys.has('wbPreset')) return;
      $('#wb-preset').value = store.get('wbPreset');
      openPreset(store.get('wbPreset'));
    }),
  );
  disposer.add(ctx.onLangChange?.(() => ctx.apply(el)));

  // The learner's kept model first (their weights included), or one another lab handed over;
  // else the chosen preset.
  const kept = bench.keeper.read();
  if (kept?.previous) bench.previous = kept.previous;
  const start = async () => {
    const how = kept?.from ? 'handed' : 'kept';
    if (kept?.file) {
      const error = await bench.load(kept.file, { text: kept.text, how, replaces: false });
      if (!error) return;
    }
    if (kept?.text) {
      const parsed = parseWithLocation(kept.text);
      if (parsed.ok && !(await bench.propose(parsed.value, { text: kept.text, how }))) return;
    }
    await openPreset(store.get('wbPreset'));
  };
  // The kept data choice once the model is in (a reload keeps the images or the CSV).
  start().then(() => data.restore({ handed: Boolean(kept?.from) }));
  publishTestHook('workbench', { bench, probe, files });

  return {
    unmount() {
      bench.keep();
      disposer.dispose();
      el.innerHTML = '';
    },
  };
}

export default { id: 'workbench', strings, mount };
