// Interface text in English and Korean. Modules register their strings ({en: {...}, ko:
// {...}}); t(key) looks the key up in the current language, then English, then shows the key.
// Markup opts in with data-i18n="key" (text), data-i18n-title, data-i18n-aria-label,
// data-i18n-placeholder; apply(root) fills them (setLang does it for the whole document).
// On a touch screen (no hover) a key's `<key>.touch` text, when there is one, replaces it:
// "Tap the map", not "Click the map" or "Hover a link".

export const LANGUAGES = ['en', 'ko'];

const tables = { en: {}, ko: {} };
const listeners = new Set();
let current = 'en';
/** Whether the main pointer cannot hover (a phone or tablet). */
const touch = typeof matchMedia === 'function' && matchMedia('(hover: none)').matches;

/** Adds (or overrides) strings: {en: {key: text}, ko: {key: text}}. */
export function register(strings) {
  for (const lang of LANGUAGES) Object.assign(tables[lang], strings?.[lang] ?? {});
}

/** The text of `key` in the current language; {name} placeholders filled from `params`. */
export function t(key, params) {
  const touchKey = `${key}.touch`;
  const chosen = touch && touchKey in tables.en ? touchKey : key;
  let text = tables[current][chosen] ?? tables.en[chosen];
  if (text === undefined) return key;
  if (params) text = text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
  return text;
}

/** True when `key` has English text. */
export function has(key) {
  return key in tables.en;
}

export function lang() {
  return current;
}

/** Switches the language, re-applies data-i18n attributes and calls the listeners. */
export function setLang(next) {
  if (!LANGUAGES.includes(next)) return;
  const changed = next !== current;
  current = next;
  if (typeof document !== 'undefined') {
    document.documentElement.lang = next;
    apply(document);
  }
  if (changed) {
    for (const fn of [...listeners]) {
      try {
        fn(next);
      } catch (error) {
        console.warn('nnplay: a language listener failed', error);
      }
    }
  }
}

/** Calls fn(lang) after each language change; returns the unsubscribe function. */
export function onLangChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

const ATTRIBUTES = [
  ['data-i18n-title', 'title'],
  ['data-i18n-aria-label', 'aria-label'],
  ['data-i18n-placeholder', 'placeholder'],
];

/** Fills the data-i18n* attributes under `root` (a Document or an Element). */
export function apply(root) {
  if (!root?.querySelectorAll) return;
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const [data, attribute] of ATTRIBUTES) {
    for (const el of root.querySelectorAll(`[${data}]`)) el.setAttribute(attribute, t(el.getAttribute(data)));
  }
}
