// The minimal playground page: pick a preset, Play/Pause/Step/Reset, epoch and loss readout, a
// loss curve and, for 2-input models, the decision grid. The engine runs in engine-worker.mjs.
import { EngineClient } from './engine-client.mjs';
import { Event, Request } from './protocol.mjs';
import { GridView } from './views/grid-view.mjs';
import { LossChart } from './views/loss-chart.mjs';

const $ = (id) => document.getElementById(id);
const ui = {
  preset: $('preset'), play: $('play'), pause: $('pause'), step: $('step'), reset: $('reset'),
  status: $('status'), readout: $('readout'), error: $('error'), gridPanel: $('grid-panel'),
};
const lossChart = new LossChart($('loss-chart'));
const gridView = new GridView($('grid'));
// Read by the browser smoke test (tests/browser/smoke.mjs): epoch losses seen so far.
const debug = { ready: false, losses: [], errors: [] };
window.nnplay = debug;

function showError(text) {
  ui.error.textContent = text;
  ui.error.hidden = !text;
  if (text) debug.errors.push(text);
}

function setControls(enabled) {
  for (const button of [ui.play, ui.pause, ui.step, ui.reset]) button.disabled = !enabled;
}

const format = (v) => (Number.isFinite(v) ? v.toFixed(4) : '–');

function onProgress(p) {
  const val = p.logs.val_loss === undefined ? '' : ` · val_loss ${format(p.logs.val_loss)}`;
  ui.readout.textContent = `epoch ${p.epoch} · batch ${p.batch}/${p.batchesPerEpoch} · ` +
    `loss ${format(p.logs.loss)}${val}`;
  for (const e of p.epochLogs) debug.losses.push(e.logs.loss);
  if (p.epochLogs.length) lossChart.update(p.epochLogs);
}

/** A preset file is a schema-1 document, or {title?, document} around one. */
function documentOf(preset) {
  return preset.document ?? preset;
}

async function loadPresets() {
  const response = await fetch('presets/index.json');
  if (!response.ok) throw new Error('presets/index.json not found: run scripts/build-wasm.sh');
  const names = await response.json();
  if (names.length === 0) throw new Error('no presets in web/presets/ (docs/presets/ is empty)');
  for (const name of names) ui.preset.add(new Option(name.replace(/\.json$/, ''), name));
}

async function choosePreset() {
  showError('');
  setControls(false);
  lossChart.reset();
  gridView.reset();
  const response = await fetch(`presets/${ui.preset.value}`);
  if (!response.ok) throw new Error(`preset ${ui.preset.value}: HTTP ${response.status}`);
  client.send(Request.configure, { document: documentOf(await response.json()) });
}

const client = new EngineClient(new URL('./engine-worker.mjs', import.meta.url));
client
  .on(Event.configured, (m) => {
    ui.status.textContent = `${m.model.name}: ${m.model.params} parameters, ${m.samples} samples`;
    ui.gridPanel.hidden = !m.hasGrid;
    ui.readout.textContent = 'epoch 0';
    setControls(true);
  })
  .on(Event.progress, onProgress)
  .on(Event.paused, (m) => { ui.status.textContent = `paused (${m.reason})`; })
  .on(Event.snapshot, (m) => { if (m.grid) gridView.update(m.grid); })
  .on(Event.error, (m) => showError(`error at "${m.path}"${m.op ? ` (${m.op})` : ''}: ${m.message}`));

ui.play.onclick = () => { ui.status.textContent = 'training'; client.send(Request.train); };
ui.pause.onclick = () => client.send(Request.pause);
ui.step.onclick = () => client.send(Request.step);
ui.reset.onclick = () => {
  lossChart.reset();
  client.send(Request.reset);
};
ui.preset.onchange = () => choosePreset().catch((e) => showError(e.message));

setControls(false);
try {
  ui.status.textContent = 'loading the engine…';
  await client.start();
  debug.ready = true;
  ui.status.textContent = 'engine ready';
  await loadPresets();
  await choosePreset();
} catch (error) {
  ui.status.textContent = 'not running';
  showError(error.message);
}
