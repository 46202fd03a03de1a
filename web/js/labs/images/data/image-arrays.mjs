// @ts-check
// Turns loaded images into the arrays the engine trains on, as the notes prepare them:
// pixels / 255 (float32 in 0..1) and the class ids as float labels for
// sparse_categorical_crossentropy.

/**
 * @typedef {{count: number, labels: Uint8Array, pixels: Uint8Array}} ImagePart
 *   labels [count], pixels [count, rows, cols] 0..255
 * @typedef {{x: Float32Array, y: Float32Array}} ImageArrays  x [n, rows·cols] in 0..1, y [n]
 */

/** v / 255 for every byte, rounded to float32 once (as float32(x_train / 255.0) would). */
const SCALED = Float32Array.from({ length: 256 }, (_, v) => v / 255);

/**
 * The images at `indices`, in that order.
 * @param {ImagePart} part
 * @param {ArrayLike<number>} indices  image indices into the part (repeats allowed)
 * @returns {ImageArrays}
 * @throws {RangeError} for an index that is not an integer in 0..count-1
 */
export function imageArrays(part, indices) {
  const pixelsPer = pixelsPerImage(part);
  const n = indices.length;
  const x = new Float32Array(n * pixelsPer);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const index = indices[i];
    if (!Number.isInteger(index) || index < 0 || index >= part.count) {
      throw new RangeError(
        `image index ${index} at position ${i}, expected an integer in 0..${part.count - 1}`,
      );
    }
    y[i] = part.labels[index];
    const from = index * pixelsPer;
    for (let p = 0; p < pixelsPer; p++) x[i * pixelsPer + p] = SCALED[part.pixels[from + p]];
  }
  return { x, y };
}

/**
 * `count` images from image `from` on (a prefix when from = 0: class-balanced, the parts being
 * interleaved by class).
 * @param {ImagePart} part @param {number} from @param {number} count
 * @returns {ImageArrays}
 * @throws {RangeError} when the range is not inside the part
 */
export function imageRange(part, from, count) {
  if (
    !Number.isInteger(from) ||
    !Number.isInteger(count) ||
    from < 0 ||
    count < 0 ||
    from + count > part.count
  ) {
    throw new RangeError(
      `images ${from}..${from + count - 1} are not inside the ${part.count} images of the part`,
    );
  }
  const indices = new Uint32Array(count);
  for (let i = 0; i < count; i++) indices[i] = from + i;
  return imageArrays(part, indices);
}

/** @param {ImagePart} part */
function pixelsPerImage(part) {
  const per = part.count > 0 ? part.pixels.length / part.count : 0;
  if (part.count > 0 && (!Number.isInteger(per) || per === 0)) {
    throw new RangeError(`${part.pixels.length} pixels do not divide into ${part.count} images`);
  }
  return per;
}
