// The header and lab tabs: preset menu (#preset) and "reset to preset", language toggle,
// share-link button, and the lab tabs (#lab-tabs, one per registered lab) writing the store's
// `lab`. The menu says "custom" once the open lab's settings depart from its preset (or names
// another of the lab's presets they match). A lab's tab opens its first preset, with all its
// settings, while the lab's state is still untouched (at its defaults): its first visit.
import { LABS } from '../labs/registry.mjs';
import { LAB_PRESETS, PRESETS, presetPatch } from '../state/presets.mjs';
import { FIELD, FIELDS, sameValue } from '../state/schema.mjs';

/**
 * Whether the store's values of lab `lab`'s settings are those preset `name` sets. View and
 * hand-set fields (keepsModel) and shell keys (speed, language) do not count.
 * @param {{get: (key: string) => any}} store
 * @param {string} name
 * @param {string} lab
 */
export function matchesPreset(store, name, lab) {
  if (PRESETS[name]?.lab !== lab) return false;
  return Object.entries(presetPatch(name)).every(
    ([key, value]) => FIELD[key]?.lab !== lab || FIELD[key].keepsModel || sameValue(store.get(key), value),
  );
}

/** Whether every field of lab `lab` is at its default (the learner has not been there yet). */
export function labUntouched(store, lab) {
  return FIELDS.every((f) => f.lab !== lab || sameValue(store.get(f.key), f.default));
}

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
    this.custom = document.createElement('option');
    Object.assign(this.custom, { value: '', hidden: true });
    this.preset.append(this.custom);
    for (const name of Object.keys(PRESETS)) {
      const option = document.createElement('option');
      option.value = name;
      this.preset.append(option);
    }
    this.preset.addEventListener('change', () => this.loadPreset(this.preset.value));
    // "Reset to preset" goes back to the preset the menu names, else the store's (custom).
    $('reset-preset').addEventListener('click', () =>
      this.loadPreset(this.preset.value || store.get('preset')),
    );
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
    const strip = $('lab-tabs');
    strip.replaceChildren(...this.tabs);
    // data-more while tabs are hidden to the right: the strip's edge fades (main.css).
    const showMore = () => {
      const more = strip.scrollLeft + strip.clientWidth < strip.scrollWidth - 2;
      strip.toggleAttribute('data-more', more);
    };
    strip.addEventListener('scroll', showMore, { passive: true });
    window.addEventListener('resize', showMore);
    requestAnimationFrame(showMore);
    for (const tab of this.tabs) tab.addEventListener('click', () => this.openLab(tab.dataset.lab));
    this.offStore = store.subscribe((keys) => {
      this.showPreset();
      if (keys.has('lab')) this.showTab();
    });
    this.offLang = onLangChange(() => this.showPresetTitles());
    this.showPresetTitles();
    this.presetFollowsLab({ user: false }); // loading is no change of the user's
    this.showPreset();
    this.showTab();
  }

  /** Shows lab `lab`: on its first visit (its state untouched) with its first preset's
   *  settings; later with its state as the learner left it, the preset menu naming that lab's
   *  first preset when the current one belongs to another lab ("reset to preset" then stays in
   *  the lab). */
  openLab(lab) {
    if (this.store.get('lab') !== lab && LAB_PRESETS[lab] && labUntouched(this.store, lab)) {
      this.store.patch(presetPatch(LAB_PRESETS[lab]));
      return;
    }
    this.store.set('lab', lab);
    this.presetFollowsLab();
  }

  /** The menu names the store's preset while the lab's settings match it, else another of
   *  the lab's presets they match, else "custom" (the store's preset stays: a display only). */
  showPreset() {
    const lab = this.store.get('lab');
    const name = this.store.get('preset');
    if (matchesPreset(this.store, name, lab)) {
      this.preset.value = name;
      this.custom.hidden = true;
      return;
    }
    const other = Object.keys(PRESETS).find((p) => matchesPreset(this.store, p, lab));
    this.custom.hidden = Boolean(other);
    this.preset.value = other ?? '';
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
    for (const option of this.preset.options) {
      option.textContent =
        option === this.custom ? this.t('header.custom') : PRESETS[option.value].title[lang];
    }
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
