// The header and lab tabs: preset menu (#preset) and "reset to preset", language toggle,
// share-link button, and the lab tabs (#lab-tabs, one per registered lab) writing the store's
// `lab`.
import { LABS } from '../labs/registry.mjs';
import { LAB_PRESETS, PRESETS, presetPatch } from '../state/presets.mjs';

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
    this.tabs = LABS.map((lab) => {
      const tab = document.createElement('button');
      Object.assign(tab, { type: 'button', textContent: t(`tab.${lab.id}`) });
      tab.setAttribute('role', 'tab');
      tab.dataset.lab = lab.id;
      tab.dataset.i18n = `tab.${lab.id}`;
      return tab;
    });
    $('lab-tabs').replaceChildren(...this.tabs);
    for (const tab of this.tabs) tab.addEventListener('click', () => this.openLab(tab.dataset.lab));
    this.offStore = store.subscribe((keys) => {
      if (keys.has('preset')) this.preset.value = store.get('preset');
      if (keys.has('lab')) this.showTab();
    });
    this.offLang = onLangChange(() => this.showPresetTitles());
    this.showPresetTitles();
    this.presetFollowsLab({ user: false }); // loading is no change of the user's
    this.preset.value = store.get('preset');
    this.showTab();
  }

  /** Shows lab `lab`; its state is kept, and the preset menu names that lab's first preset when
   * the current preset belongs to another lab ("reset to preset" then stays in the lab). */
  openLab(lab) {
    this.store.set('lab', lab);
    this.presetFollowsLab();
  }

  presetFollowsLab(options = {}) {
    const lab = this.store.get('lab');
    if (PRESETS[this.store.get('preset')]?.lab !== lab && LAB_PRESETS[lab]) {
      this.store.set('preset', LAB_PRESETS[lab], options);
    }
  }

  /** Opens preset `name`'s lab with that lab's state put back to defaults ⊕ preset (the other
   *  labs' state and the language are kept). */
  loadPreset(name) {
    if (!Object.hasOwn(PRESETS, name)) return;
    this.store.patch(presetPatch(name));
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
