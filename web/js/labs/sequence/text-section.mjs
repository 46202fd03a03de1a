// The text task's part of the lab: which text is learned (the built-in corpus, or text pasted
// here, refused with the reason beside the box while the model on screen keeps training), and
// text sampled from the model after a seed text at a temperature, redrawn every couple of
// seconds while training and at once when the temperature or the seed text changes. Sampling
// runs in its own session (sampler.mjs) on a copy of the weights.
import { TEXT_LIMITS, textMessage } from './text.mjs';
import { rawText, textSource, useBuiltin, usePasted } from './text-source.mjs';
import { Sampler } from './sampler.mjs';
import { clearFieldMessage, showFieldMessage } from '../../kit/field-message.mjs';
import { publishTestHook } from '../../kit/lab-kit.mjs';

/** Characters sampled each time. */
export const SAMPLE_LENGTH = 120;
const SAMPLE_EVERY_MS = 1500;

export const TEXT_MARKUP = `
<section class="seq-text" data-group="text" aria-labelledby="seq-text-title" hidden>
  <h2 id="seq-text-title" data-i18n="seq.text"></h2>
  <p class="seq-help" data-role="text-status"></p>
  <div class="seq-text-row">
    <label class="lab-field seq-paste"><span data-i18n="seq.paste"></span>
      <textarea id="seq-paste" rows="3" spellcheck="false"></textarea></label>
    <div class="seq-text-buttons">
      <button type="button" class="seq-button" id="seq-text-use" data-i18n="seq.useText"></button>
      <button type="button" class="seq-button" id="seq-text-builtin" data-i18n="seq.useBuiltin"></button>
    </div>
  </div>
  <h3 data-i18n="seq.sampled"></h3>
  <div class="seq-pickers">
    <label class="lab-field seq-seed"><span data-i18n="seq.seedText"></span>
      <input id="seq-seed-text" type="text" value="the " spellcheck="false"></label>
    <label class="lab-field"><span data-i18n="seq.temperature"></span>
      <span class="seq-range"><input id="seq-temperature" type="range" min="0" max="2" step="0.05">
      <output id="seq-temperature-value"></output></span></label>
    <button type="button" class="seq-button" id="seq-resample" data-i18n="seq.resample"></button>
  </div>
  <p class="seq-generated" id="seq-generated" aria-live="polite"></p>
</section>`;

/**
 * Wires the text section under `root`. hooks: {store, t, relay, rebuild() (the text changed:
 * a new model), running() (whether the training session trains)}. Returns {show(request), onSnapshot(view),
 * render(), unmount()}.
 */
export function mountTextSection(root, { store, t, relay, rebuild, running }) {
  const $ = (selector) => root.querySelector(selector);
  const ui = {
    section: $('.seq-text'),
    status: $('[data-role=text-status]'),
    paste: $('#seq-paste'),
    use: $('#seq-text-use'),
    builtin: $('#seq-text-builtin'),
    seedText: $('#seq-seed-text'),
    temperature: $('#seq-temperature'),
    temperatureValue: $('#seq-temperature-value'),
    resample: $('#seq-resample'),
    generated: $('#seq-generated'),
  };
  const lang = () => (store.get('lang') === 'ko' ? 'ko' : 'en');
  let sampler = null;
  let request = null; // the configured request of the text task ({document, text})
  let weights = null; // the latest weights of the training session
  let lastSampleAt = 0;
  let sampledWeights = null;
  let sampling = false;
  let again = false;

  /** The text task's model was configured: the sampler builds the same model. */
  function show(next) {
    request = next?.text ? next : null;
    // Shown for the text task, unless the link hides the group (the shell's `hide` flag).
    const hide = store.flags?.hide;
    ui.section.hidden = !request || (Array.isArray(hide) && hide.includes('text'));
    weights = null;
    sampledWeights = null;
    ui.generated.textContent = '';
    if (!request) return;
    sampler ??= new Sampler(relay.session('sequence-sampler'));
    sampler.configure(request.document, store.get('window')).catch(() => {});
    render();
  }

  function render() {
    ui.temperature.value = String(store.get('temperature'));
    ui.temperatureValue.textContent = Number(store.get('temperature')).toFixed(2);
    const text = request?.text;
    ui.status.textContent = t(textSource() === 'builtin' ? 'seq.textBuiltin' : 'seq.textPasted', {
      chars: (text?.text.length ?? 0).toLocaleString('en-US'),
      vocab: text?.vocab.length ?? 0,
      max: TEXT_LIMITS.maxChars.toLocaleString('en-US'),
      maxVocab: TEXT_LIMITS.maxVocab,
    });
    ui.builtin.disabled = textSource() === 'builtin';
  }

  /** Samples from `weights` now (or right after the sampling under way). */
  async function sampleNow() {
    if (!request || !weights || !sampler) return;
    if (sampling) {
      again = true;
      return;
    }
    sampling = true;
    publishTestHook('sequenceText', { busy: true });
    lastSampleAt = performance.now();
    const from = weights;
    try {
      const text = await sampler.sample({
        weights: from,
        seedText: ui.seedText.value,
        vocab: request.text.vocab,
        count: SAMPLE_LENGTH,
        temperature: store.get('temperature'),
        seed: store.get('seed'),
      });
      if (!request) return;
      sampledWeights = from;
      clearFieldMessage(ui.seedText.closest('.lab-field'), [ui.seedText]);
      ui.generated.textContent = '';
      const seed = document.createElement('strong');
      seed.textContent = ui.seedText.value;
      ui.generated.append(seed, text);
      publishTestHook('sequenceText', {
        sampled: text,
        temperature: store.get('temperature'),
        count: (window.nnplay?.sequenceText?.count ?? 0) + 1,
      });
    } catch (error) {
      if (error?.code === 'text.unknownSeed') {
        showFieldMessage(ui.seedText.closest('.lab-field'), textMessage(error, lang()), ui.seedText);
      }
    } finally {
      sampling = false;
      publishTestHook('sequenceText', { busy: again });
      if (again) {
        again = false;
        sampleNow();
      }
    }
  }

  /** A snapshot of the training session: new weights; sample again now and then. */
  function onSnapshot(view) {
    if (!request || !view?.weights) return;
    weights = view.weights;
    const due = !sampledWeights || (running() && performance.now() - lastSampleAt >= SAMPLE_EVERY_MS);
    if (due || (!running() && sampledWeights !== weights && !sampling)) sampleNow();
  }

  ui.use.addEventListener('click', () => {
    const anchor = ui.paste.closest('.lab-field');
    const prepared = usePasted(ui.paste.value, store.get('window'));
    if (!prepared.ok) {
      showFieldMessage(anchor, textMessage(prepared, lang()), ui.paste);
      return;
    }
    clearFieldMessage(anchor, [ui.paste]);
    rebuild();
  });
  ui.builtin.addEventListener('click', () => {
    useBuiltin();
    clearFieldMessage(ui.paste.closest('.lab-field'), [ui.paste]);
    rebuild();
  });
  ui.temperature.addEventListener('input', () => store.set('temperature', Number(ui.temperature.value)));
  ui.seedText.addEventListener('change', () => sampleNow());
  ui.resample.addEventListener('click', () => sampleNow());
  const off = store.subscribe((changed) => {
    if (changed.has('temperature')) {
      render();
      sampleNow();
    }
  });
  ui.paste.value = textSource() === 'pasted' ? rawText() : '';

  return {
    show,
    onSnapshot,
    render,
    unmount() {
      off();
      sampler?.close();
    },
  };
}
