// Who the host page is, for the postMessage API: the parent's origin (replies go there, never
// to '*'), and whether that origin may read the learner's points (the `hosts` URL flag that the
// embed snippet sets).

/**
 * The parent page's origin, or null when the playground cannot tell: the browser's
 * location.ancestorOrigins (Chromium, Safari), else the referrer's origin (the parent's URL
 * when the iframe loaded, unless its referrer policy withholds it). An opaque origin ('null',
 * a sandboxed parent) cannot be a postMessage target, so it counts as unknown.
 * @param {any} win
 * @returns {string | null}
 */
export function parentOrigin(win) {
  const ancestors = win.location?.ancestorOrigins;
  if (ancestors && ancestors.length > 0) return ancestors[0] && ancestors[0] !== 'null' ? ancestors[0] : null;
  try {
    const origin = win.document?.referrer ? new URL(win.document.referrer).origin : null;
    return origin && origin !== 'null' ? origin : null;
  } catch {
    return null;
  }
}

/**
 * The valid origins of a `hosts` flag (e.g. ['https://course.example.org']); others are
 * dropped with a warning.
 * @param {unknown} list
 * @returns {string[]}
 */
export function validHosts(list) {
  if (!Array.isArray(list)) return [];
  return list.filter((text) => {
    try {
      const ok = new URL(String(text)).origin === text;
      if (!ok) console.warn(`nnplay: ignoring hosts entry '${String(text).slice(0, 60)}' (not an origin)`);
      return ok;
    } catch {
      console.warn(`nnplay: ignoring hosts entry '${String(text).slice(0, 60)}' (not an origin)`);
      return false;
    }
  });
}
