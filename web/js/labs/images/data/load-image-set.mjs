// @ts-check
// Loads one image set of the images lab (a dataset and size: its train and test parts) from the
// page's own origin: manifest.json first (revalidated every time), then the two files it names,
// each verified (size, SHA-256, gzip, format, images per class) before anything uses it.
// Verified files go into the Cache API under their hashed URL, so a later visit reads them with
// no request; a failure of any kind throws ImageSetError and never returns a partial set.
import { fetchBytes } from './fetch-bytes.mjs';
import { decodeImageFile, MAGIC } from './image-file.mjs';
import { ImageCache } from './image-cache.mjs';
import { MANIFEST_FILE, isOtherBuild, setEntry } from './image-manifest.mjs';
import { ImageSetError, throwIfAborted } from './image-set-error.mjs';

export { ImageSetError } from './image-set-error.mjs';

/** web/data/images/ beside this module's web/js/: the page's own origin and path. */
export const DATA_URL = new URL('../../../../data/images/', import.meta.url).href;

/**
 * @typedef {{count: number, labels: Uint8Array, pixels: Uint8Array}} ImagePart
 *   labels [count], pixels [count, rows, cols] 0..255
 * @typedef {{dataset: 'fashion'|'digits', size: 'default'|'full', rows: number, cols: number,
 *   classes: number, train: ImagePart, test: ImagePart, fromCache: boolean, bytes: number}} ImageSet
 *   bytes: the gzipped size of both files; fromCache: neither file was downloaded
 * @typedef {{loaded: number, total: number}} ImageSetProgress  bytes of the set's two files
 * @typedef {{dataset: 'fashion'|'digits', size: 'default'|'full',
 *   onProgress?: (progress: ImageSetProgress) => void, signal?: AbortSignal,
 *   fetch?: import('./fetch-bytes.mjs').FetchLike,
 *   caches?: import('./image-cache.mjs').CacheStorageLike | null, baseUrl?: string | URL}} LoadOptions
 *   fetch, caches (null: none) and baseUrl (the data folder) replace the page's own in tests
 */

/**
 * Loads and verifies a dataset's train and test parts.
 * @param {LoadOptions} options
 * @returns {Promise<ImageSet>}
 * @throws {ImageSetError} code missing | http | network | interrupted | corrupt | unsupported | aborted
 */
export async function loadImageSet({
  dataset,
  size,
  onProgress,
  signal,
  fetch = globalThis.fetch.bind(globalThis),
  caches = globalThis.caches,
  baseUrl = DATA_URL,
}) {
  const base = new URL(String(baseUrl), globalThis.location?.href).href.replace(/\/?$/, '/');
  const cache = new ImageCache(caches ?? undefined);
  throwIfAborted(signal, MANIFEST_FILE);
  const manifestUrl = new URL(MANIFEST_FILE, base).href;
  const manifestBytes = await fetchManifest(manifestUrl, { fetch, cache, signal });
  const set = setEntry(parseJson(manifestBytes), dataset, size);

  const total = set.train.bytes + set.test.bytes;
  const loaded = { train: 0, test: 0 };
  const report = () => onProgress?.({ loaded: Math.min(loaded.train + loaded.test, total), total });
  report();
  /** @type {Record<'train'|'test', {part: ImagePart, fromCache: boolean}>} */
  const got = /** @type {any} */ ({});
  for (const name of /** @type {const} */ (['train', 'test'])) {
    const entry = set[name];
    got[name] = await loadPart(new URL(entry.file, base).href, entry, set, {
      fetch,
      cache,
      signal,
      onBytes: (n) => {
        loaded[name] = Math.min(n, entry.bytes);
        report();
      },
    });
    loaded[name] = entry.bytes;
    report();
  }
  // The manifest beside the files it names, for a visit without a network; older builds out.
  await cache.write(manifestUrl, manifestBytes);
  await cache.prune((url) => isOtherBuild(url, base, set.train) || isOtherBuild(url, base, set.test));
  return {
    dataset,
    size,
    rows: set.rows,
    cols: set.cols,
    classes: set.classes,
    train: got.train.part,
    test: got.test.part,
    fromCache: got.train.fromCache && got.test.fromCache,
    bytes: total,
  };
}

/**
 * The manifest's bytes: from the server (revalidated), or when the server cannot be reached at
 * all, the copy kept with the cached files.
 * @param {string} url
 * @param {{fetch: import('./fetch-bytes.mjs').FetchLike, cache: ImageCache, signal?: AbortSignal}} options
 */
async function fetchManifest(url, { fetch, cache, signal }) {
  try {
    return await fetchBytes(url, { file: MANIFEST_FILE, fetch, signal, init: { cache: 'no-cache' } });
  } catch (error) {
    if (!(error instanceof ImageSetError && error.code === 'network')) throw error;
    const kept = await cache.read(url);
    throwIfAborted(signal, MANIFEST_FILE);
    if (!kept) throw error;
    return kept;
  }
}

/** @param {Uint8Array} bytes @returns {unknown} */
function parseJson(bytes) {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new ImageSetError('corrupt', `${MANIFEST_FILE} is not valid JSON.`, {
      file: MANIFEST_FILE,
      cause: error,
    });
  }
}

/**
 * One part: from the cache when a verified copy is there, else downloaded, verified and cached.
 * @param {string} url
 * @param {import('./image-manifest.mjs').PartEntry} entry
 * @param {{rows: number, cols: number, classes: number}} shape
 * @param {{fetch: import('./fetch-bytes.mjs').FetchLike, cache: ImageCache, signal?: AbortSignal,
 *   onBytes: (loaded: number) => void}} options
 * @returns {Promise<{part: ImagePart, fromCache: boolean}>}
 */
async function loadPart(url, entry, shape, { fetch, cache, signal, onBytes }) {
  const file = entry.file;
  const cached = await cache.read(url);
  throwIfAborted(signal, file);
  if (cached) {
    try {
      return { part: await verify(cached, entry, shape, signal), fromCache: true };
    } catch (error) {
      if (error instanceof ImageSetError && error.code === 'aborted') throw error;
      await cache.remove(url); // damaged in storage: download it again
    }
  }
  const bytes = await fetchBytes(url, { file, fetch, signal, onBytes });
  const part = await verify(bytes, entry, shape, signal);
  await cache.write(url, bytes);
  return { part, fromCache: false };
}

/**
 * Checks the bytes of one file against its manifest entry and decodes them.
 * @param {Uint8Array} bytes  gzipped as built, or already decoded by a server that sent the file
 *   with Content-Encoding: gzip
 * @param {import('./image-manifest.mjs').PartEntry} entry
 * @param {{rows: number, cols: number, classes: number}} shape
 * @param {AbortSignal | undefined} signal
 * @returns {Promise<ImagePart>}
 */
async function verify(bytes, entry, shape, signal) {
  const file = entry.file;
  const corrupt = (/** @type {string} */ what, /** @type {unknown} */ cause = undefined) =>
    new ImageSetError('corrupt', `${file} is damaged: ${what}.`, { file, cause });
  const short = (/** @type {number} */ expected) =>
    new ImageSetError(
      'interrupted',
      `The download of ${file} ended after ${bytes.length} of ${expected} bytes.`,
      {
        file,
      },
    );

  /** @type {Uint8Array} */
  let raw;
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    if (bytes.length < entry.bytes) throw short(entry.bytes);
    if (bytes.length > entry.bytes) throw corrupt(`${bytes.length} bytes, expected ${entry.bytes}`);
    const digest = await sha256(bytes);
    throwIfAborted(signal, file);
    // Without crypto.subtle (a page served over plain http from another host) gzip's own CRC-32
    // and length, checked by DecompressionStream, still catch damaged bytes.
    if (digest !== null && digest !== entry.sha256) throw corrupt('its SHA-256 checksum does not match');
    raw = await gunzip(bytes, file, corrupt);
    throwIfAborted(signal, file);
  } else if (startsWithMagic(bytes)) {
    if (bytes.length < entry.raw_bytes) throw short(entry.raw_bytes);
    const digest = await sha256(bytes);
    throwIfAborted(signal, file);
    if (digest !== null && digest !== entry.raw_sha256) throw corrupt('its SHA-256 checksum does not match');
    raw = bytes;
  } else if (bytes.length < 2) {
    throw short(entry.bytes);
  } else {
    throw corrupt('it is neither gzip data nor an nnplay image file');
  }

  /** @type {import('./image-file.mjs').ImageFile} */
  let images;
  try {
    images = decodeImageFile(raw);
  } catch (error) {
    throw corrupt(error instanceof Error ? error.message : String(error), error);
  }
  const { rows, cols, classes, labels, pixels } = images;
  if (rows !== shape.rows || cols !== shape.cols || classes !== shape.classes) {
    throw corrupt(
      `${rows}×${cols} images of ${classes} classes, the manifest says ${shape.rows}×${shape.cols} of ${shape.classes}`,
    );
  }
  if (labels.length !== entry.count)
    throw corrupt(`${labels.length} images, the manifest says ${entry.count}`);
  const perClass = new Array(classes).fill(0);
  for (const label of labels) perClass[label]++;
  const differs = perClass.findIndex((n, c) => n !== entry.labels_per_class[c]);
  if (differs >= 0) {
    throw corrupt(
      `${perClass[differs]} images of class ${differs}, the manifest says ${entry.labels_per_class[differs]}`,
    );
  }
  return { count: labels.length, labels, pixels };
}

/** @param {Uint8Array} bytes */
function startsWithMagic(bytes) {
  return bytes.length >= 4 && String.fromCharCode(...bytes.subarray(0, 4)) === MAGIC;
}

/**
 * Lower-case hex SHA-256, or null where crypto.subtle is missing (not a secure context).
 * @param {Uint8Array} bytes
 */
async function sha256(bytes) {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = new Uint8Array(
    await subtle.digest('SHA-256', /** @type {Uint8Array<ArrayBuffer>} */ (bytes)),
  );
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * @param {Uint8Array} bytes @param {string} file
 * @param {(what: string, cause?: unknown) => ImageSetError} corrupt
 * @returns {Promise<Uint8Array>}
 */
async function gunzip(bytes, file, corrupt) {
  if (typeof DecompressionStream !== 'function') {
    throw new ImageSetError(
      'unsupported',
      `This browser cannot unpack ${file}: it lacks DecompressionStream (Chrome 80, Firefox 113, Safari 16.4 and later have it).`,
      { file },
    );
  }
  try {
    const stream = new Blob([/** @type {Uint8Array<ArrayBuffer>} */ (bytes)])
      .stream()
      .pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (error) {
    throw corrupt('its gzip data do not unpack', error);
  }
}
