// @ts-check
// A reload right after a change: the store writes the hash 150 ms after the last change, and
// the pagehide flush that writes it sooner comes too late for a reload, whose URL is taken
// when the navigation starts. The page would then open the hash from before the change, and a
// hash outranks the saved state, so the change would be lost. The flush on pagehide notes the
// hash it replaced and the one it wrote; the next page, if it is a reload of that very hash,
// opens the newer one. The note is read once and removed, whatever the next page is.

export const RELOAD_KEY = 'nnplay.reload.v1';

/**
 * Notes, when the page is left, that the URL's hash `from` was replaced by `to`.
 * @param {Storage | null} storage @param {string} from @param {string} to
 */
export function noteLeavingHash(storage, from, to) {
  if (!storage || from === to) return;
  try {
    storage.setItem(RELOAD_KEY, JSON.stringify({ from, to }));
  } catch {
    // A full quota: the reload opens the older hash, as it did before this note existed.
  }
}

/**
 * The hash the page should open: `current`, unless this page is a reload (`navigationType`
 * 'reload') of the hash the last page left as `from`, then the `to` it wrote on leaving.
 * @param {Storage | null} storage @param {string} current the URL's hash, without '#'
 * @param {string} navigationType PerformanceNavigationTiming.type ('navigate', 'reload', ...)
 * @returns {string}
 */
export function hashAfterReload(storage, current, navigationType) {
  if (!storage) return current;
  let note = null;
  try {
    note = JSON.parse(storage.getItem(RELOAD_KEY) ?? 'null');
    storage.removeItem(RELOAD_KEY);
  } catch {
    return current;
  }
  if (navigationType !== 'reload' || typeof note?.from !== 'string' || typeof note?.to !== 'string') {
    return current;
  }
  return note.from === current ? note.to : current;
}
