// The image sets the page has loaded, kept for the page's life (the lab may be left and opened
// again; the experiments read the same set): one load per dataset and size, shared by every
// caller that asks while it downloads. A failed load is forgotten so Retry downloads again;
// a loaded set never changes. Download progress goes to whoever asked last.
import { loadImageSet } from './data/load-image-set.mjs';

/** @typedef {import('./data/load-image-set.mjs').ImageSet} ImageSet */

/** key -> {promise, set, listeners} */
const loads = new Map();

/** @param {string} dataset @param {string} size */
export const setKey = (dataset, size) => `${dataset}/${size}`;

/**
 * The loaded set of `dataset` and `size`, or null when it is not (yet) loaded.
 * @param {string} dataset @param {string} size
 * @returns {ImageSet | null}
 */
export function loadedSet(dataset, size) {
  return loads.get(setKey(dataset, size))?.set ?? null;
}

/**
 * Loads `dataset`/`size` (once; a load under way is joined): resolves with the ImageSet,
 * rejects with the loader's ImageSetError. `onProgress({loaded, total})` hears the download.
 * @param {string} dataset @param {string} size
 * @param {{onProgress?: (p: {loaded: number, total: number}) => void}} [options]
 * @returns {Promise<ImageSet>}
 */
export function imageSet(dataset, size, { onProgress } = {}) {
  const key = setKey(dataset, size);
  let entry = loads.get(key);
  if (!entry) {
    const fresh = {
      promise: /** @type {Promise<ImageSet> | null} */ (null),
      set: null,
      listener: onProgress,
    };
    fresh.promise = loadImageSet({
      dataset,
      size,
      onProgress: (/** @type {{loaded: number, total: number}} */ p) => fresh.listener?.(p),
    }).then(
      (set) => {
        fresh.set = set;
        return set;
      },
      (error) => {
        loads.delete(key); // a retry downloads again
        throw error;
      },
    );
    loads.set(key, fresh);
    entry = fresh;
  } else if (onProgress) {
    entry.listener = onProgress;
  }
  return /** @type {Promise<ImageSet>} */ (entry.promise);
}
