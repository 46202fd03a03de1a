// The header and lab tabs: preset menu (#preset) and "reset to preset", language toggle,
// share-link button, and the lab tabs (#lab-tabs [data-lab]) writing the store's `lab`.
import { LAB_PRESETS, PRESETS, presetState } from '../state/presets.mjs';

/** Copies `text` to the clipboard; falls back to a hidden textarea + execCommand. */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}

/** Briefly replaces a button's text with `text` (e.g. "Copied"). */
export function flash(button, text) {
  const original = button.textContent;
  button.textContent = text;
  button.disabled = true;
  setTimeout(() => {
    button.disabled = false;
    button.textContent = original;
  }, 1200);
}

export class Header {
  constructor(root, { store, t, lang, onLangChange }) {
    const $ = (id) => root.getElementById(id);
    this.store = store;
    this.t = t;
    this.lang = lang;
    this.preset = $('preset');
    for (const name of Object.keys(PRESETS)) {
      const option = document.createElement('option');
      option.value = name;
      this.preset.append(option);
    }
    this.preset.addEventListener('change', () => this.loadPreset(this.preset.value));
    $('reset-preset').addEventListener('click', () => this.loadPreset(store.get('preset')));
    $('lang').addEventListener('click', () => store.set('lang', store.get('lang') === 'ko' ? 'en' : 'ko'));
    const share = $('share');
    share.addEventListener('click', async () => {
      store.flush();
      if (await copyText(location.href)) flash(share, t('header.copied'));
    });
    this.tabs = [...$('lab-tabs').querySelectorAll('[data-lab]')];
    for (const tab of this.tabs) tab.addEventListener('click', () => this.openLab(tab.dataset.lab));
    this.offStore = store.subscribe((keys) => {
      if (keys.has('preset')) this.preset.value = store.get('preset');
      if (keys.has('lab')) this.showTab();
    });
    this.offLang = onLangChange(() => this.showPresetTitles());
    this.showPresetTitles();
    this.presetFollowsLab();
    this.preset.value = store.get('preset');
    this.showTab();
  }

  /** Shows lab `lab`; its state is kept, and the preset menu names that lab's first preset when
   * the current preset belongs to another lab ("reset to preset" then stays in the lab). */
  openLab(lab) {
    this.store.set('lab', lab);
    this.presetFollowsLab();
  }

  presetFollowsLab() {
    const lab = this.store.get('lab');
    if (PRESETS[this.store.get('preset')]?.state.lab !== lab && LAB_PRESETS[lab]) {
      this.store.set('preset', LAB_PRESETS[lab]);
    }
  }

  /** Replaces the whole state by preset `name` (defaults ⊕ preset), keeping the language. */
  loadPreset(name) {
    if (!PRESETS[name]) return;
    this.store.patch(presetState(name, { lang: this.store.get('lang') }));
  }

  showPresetTitles() {
    const lang = this.lang();
    for (const option of this.preset.options) option.textContent = PRESETS[option.value].title[lang];
  }

  showTab() {
    const lab = this.store.get('lab');
    for (const tab of this.tabs) {
      const selected = tab.dataset.lab === lab;
      tab.setAttribute('aria-selected', String(selected));
      tab.classList.toggle('active', selected);
    }
  }
}
