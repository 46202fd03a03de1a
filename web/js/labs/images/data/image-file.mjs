// @ts-check
// The images lab's data file: labelled uint8 images in one flat binary, written by
// scripts/build-image-data.mjs (then gzipped) and read by the page and the benchmark.
//
//   bytes 0..3   "NNPI"
//   byte  4      format version (1)
//   bytes 5, 6   rows, cols (28, 28)
//   byte  7      classes (10)
//   bytes 8..11  image count n (uint32, little-endian)
//   bytes 12..15 zero
//   then n labels (uint8, each < classes), then n·rows·cols pixels (uint8, 0..255, row-major).

export const MAGIC = 'NNPI';
export const VERSION = 1;
export const HEADER_BYTES = 16;

/**
 * @typedef {{rows: number, cols: number, classes: number, labels: Uint8Array,
 *   pixels: Uint8Array}} ImageFile  labels [n], pixels [n, rows, cols]
 */

/**
 * The file's bytes (uncompressed).
 * @param {ImageFile} images
 * @returns {Uint8Array}
 */
export function encodeImageFile({ rows, cols, classes, labels, pixels }) {
  const count = labels.length;
  if (pixels.length !== count * rows * cols) {
    throw new Error(`pixels: ${pixels.length} values for ${count} images of ${rows}×${cols}`);
  }
  const bytes = new Uint8Array(HEADER_BYTES + count + pixels.length);
  for (let i = 0; i < 4; i++) bytes[i] = MAGIC.charCodeAt(i);
  bytes.set([VERSION, rows, cols, classes], 4);
  new DataView(bytes.buffer).setUint32(8, count, true);
  bytes.set(labels, HEADER_BYTES);
  bytes.set(pixels, HEADER_BYTES + count);
  return bytes;
}

/**
 * Reads a file made by encodeImageFile; the arrays are views into `bytes`.
 * @param {Uint8Array} bytes  uncompressed
 * @returns {ImageFile}
 * @throws {Error} saying what is wrong when the bytes are not such a file (wrong magic, version,
 *   truncated or overlong, a label out of range)
 */
export function decodeImageFile(bytes) {
  if (bytes.length < HEADER_BYTES) throw new Error(`${bytes.length} bytes, shorter than the header`);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== MAGIC) throw new Error(`not an nnplay image file (starts with "${magic}")`);
  const [version, rows, cols, classes] = bytes.subarray(4, 8);
  if (version !== VERSION) throw new Error(`format version ${version}, expected ${VERSION}`);
  if (rows === 0 || cols === 0 || classes < 2) {
    throw new Error(`header says ${rows}×${cols} images of ${classes} classes`);
  }
  const count = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES).getUint32(8, true);
  const expected = HEADER_BYTES + count * (1 + rows * cols);
  if (bytes.length !== expected) {
    throw new Error(`${bytes.length} bytes for ${count} images, expected ${expected}`);
  }
  const labels = bytes.subarray(HEADER_BYTES, HEADER_BYTES + count);
  const bad = labels.findIndex((label) => label >= classes);
  if (bad >= 0) throw new Error(`image ${bad} has label ${labels[bad]}, expected 0..${classes - 1}`);
  return { rows, cols, classes, labels, pixels: bytes.subarray(HEADER_BYTES + count) };
}
