// Small DOM helpers shared by the perceptron and activations labs: the
// data-i18n fill of their markup with ctx.t, placeholder filling, and session listeners that can
// be removed on unmount.

/** Fills data-i18n (text) and data-i18n-aria-label / -title under root with t(key). */
export function applyStrings(root, t) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-aria-label]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
  }
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.setAttribute('title', t(el.dataset.i18nTitle));
}

/** text with any {name} placeholders left by t() filled from params. */
export function fillText(text, params) {
  if (!params) return text;
  return String(text).replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

/** session.on(name, fn) that returns a remover (session.off when it has one, else a no-op
 *  the caller's alive check covers). */
export function listen(session, name, fn) {
  const off = session.on(name, fn);
  if (typeof off === 'function') return off;
  return () => session.off?.(name, fn);
}
