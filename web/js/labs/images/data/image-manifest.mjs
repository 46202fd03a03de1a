// @ts-check
// web/data/images/manifest.json (written by scripts/build-image-data.mjs), checked before the
// loader trusts a single field of it: a bad manifest is a 'corrupt' error, a dataset or size it
// lacks is 'missing' (a build older than the page).
import { BUILD_HINT } from './fetch-bytes.mjs';
import { ImageSetError } from './image-set-error.mjs';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_FORMAT = 1;

/**
 * @typedef {{file: string, count: number, bytes: number, sha256: string, raw_bytes: number,
 *   raw_sha256: string, labels_per_class: number[]}} PartEntry
 *   bytes/sha256: the gzipped file as served; raw_*: the image file inside it
 * @typedef {{rows: number, cols: number, classes: number, train: PartEntry, test: PartEntry}} SetEntry
 */

/** A file name the manifest may give: no folders, our extension. */
const FILE_NAME = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\.nnpi$/;
const HEX64 = /^[0-9a-f]{64}$/;

/** @param {unknown} v */
const isCount = (v) => Number.isInteger(v) && /** @type {number} */ (v) >= 0;

/**
 * The entry of one dataset and size, checked.
 * @param {unknown} manifest  the parsed JSON
 * @param {string} dataset @param {string} size
 * @returns {SetEntry}
 * @throws {ImageSetError} corrupt (not a manifest of this format), missing (no such set)
 */
export function setEntry(manifest, dataset, size) {
  const corrupt = (/** @type {string} */ what) =>
    new ImageSetError('corrupt', `${MANIFEST_FILE} is not a valid image manifest: ${what}.`, {
      file: MANIFEST_FILE,
    });
  const m = /** @type {any} */ (manifest);
  if (m?.format !== MANIFEST_FORMAT) throw corrupt(`format ${m?.format}, expected ${MANIFEST_FORMAT}`);
  const set = m.datasets?.[dataset];
  const parts = set?.parts?.[size];
  if (!parts) {
    throw new ImageSetError('missing', `${MANIFEST_FILE} lists no ${dataset} ${size} set. ${BUILD_HINT}`, {
      file: MANIFEST_FILE,
    });
  }
  const { rows, cols, classes } = set;
  if (![rows, cols, classes].every((v) => Number.isInteger(v) && v > 0 && v <= 255) || classes < 2) {
    throw corrupt(`${dataset} has ${rows}×${cols} images of ${classes} classes`);
  }
  /** @param {'train'|'test'} name @returns {PartEntry} */
  const part = (name) => {
    const e = parts[name];
    const where = `${dataset} ${size} ${name}`;
    if (typeof e?.file !== 'string' || !FILE_NAME.test(e.file)) throw corrupt(`${where}: file ${e?.file}`);
    if (!isCount(e.count) || !isCount(e.raw_bytes) || !(isCount(e.bytes) && e.bytes > 0)) {
      throw corrupt(`${where}: sizes ${e.count} images, ${e.bytes} bytes`);
    }
    if (e.raw_bytes !== 16 + e.count * (1 + rows * cols)) {
      throw corrupt(`${where}: ${e.raw_bytes} bytes cannot hold ${e.count} images`);
    }
    if (!HEX64.test(e.sha256) || !HEX64.test(e.raw_sha256)) throw corrupt(`${where}: checksums`);
    const perClass = e.labels_per_class;
    if (
      !Array.isArray(perClass) ||
      perClass.length !== classes ||
      !perClass.every(isCount) ||
      perClass.reduce((a, b) => a + b, 0) !== e.count
    ) {
      throw corrupt(`${where}: images per class`);
    }
    return e;
  };
  return { rows, cols, classes, train: part('train'), test: part('test') };
}

/**
 * Whether `url` names another build of `entry`'s file (same `<dataset>-<size>-<part>` stem,
 * another hash) under `base`: such cache entries are stale.
 * @param {string} url @param {string} base  the data folder's URL (ends in /) @param {PartEntry} entry
 */
export function isOtherBuild(url, base, entry) {
  if (!url.startsWith(base)) return false;
  const name = url.slice(base.length);
  const stem = entry.file.replace(/\.[0-9a-f]{8}\.nnpi$/, '');
  return (
    name !== entry.file &&
    name.startsWith(`${stem}.`) &&
    /^\.[0-9a-f]{8}\.nnpi$/.test(name.slice(stem.length))
  );
}
