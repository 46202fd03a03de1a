// @ts-check
// Weights as get_weights answers them: one float32 array and a layout [{name, shape, offset}]
// (Keras layout and order, names "<layer>/<weight>"). Loading a pretrained layer copies its
// slices from one model's array into another's by these offsets; "frozen" is checked bit for
// bit (a float compare would call 0 and −0 equal).

/** @typedef {{name: string, shape: number[], offset: number}} WeightEntry */

/** @param {number[]} shape */
const sizeOf = (shape) => shape.reduce((a, b) => a * b, 1);

/**
 * The weights of layer `layer` in `layout`: [{name, shape, offset, size}] (empty when none).
 * @param {WeightEntry[]} layout @param {string} layer
 */
export function layerEntries(layout, layer) {
  return layout.filter((w) => w.name.startsWith(`${layer}/`)).map((w) => ({ ...w, size: sizeOf(w.shape) }));
}

/**
 * A copy of `target` with the weights of `layers` taken from `source` (same names and shapes,
 * each at its own offset in either array). Throws when a layer is missing or its shapes differ.
 * @param {{target: Float32Array, targetLayout: WeightEntry[], source: Float32Array,
 *   sourceLayout: WeightEntry[], layers: string[]}} args
 * @returns {Float32Array}
 */
export function copyLayerWeights({ target, targetLayout, source, sourceLayout, layers }) {
  const out = Float32Array.from(target);
  for (const layer of layers) {
    const into = layerEntries(targetLayout, layer);
    if (into.length === 0) throw new Error(`the new model has no weights of layer '${layer}'`);
    for (const entry of into) {
      const from = sourceLayout.find((w) => w.name === entry.name);
      if (!from || from.shape.join('x') !== entry.shape.join('x')) {
        throw new Error(`weight '${entry.name}' [${entry.shape}] has no match in the pretrained model`);
      }
      out.set(source.subarray(from.offset, from.offset + entry.size), entry.offset);
    }
  }
  return out;
}

/**
 * Whether layer `layer`'s weights are bit-identical in `a` and `b` (both in `layout`).
 * @param {Float32Array} a @param {Float32Array} b @param {WeightEntry[]} layout @param {string} layer
 */
export function layerUnchanged(a, b, layout, layer) {
  const bitsA = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const bitsB = new Uint32Array(b.buffer, b.byteOffset, b.length);
  const entries = layerEntries(layout, layer);
  if (entries.length === 0) return false;
  for (const { offset, size } of entries) {
    for (let i = offset; i < offset + size; i += 1) if (bitsA[i] !== bitsB[i]) return false;
  }
  return true;
}

/**
 * How many of layer `layer`'s weights differ between `a` and `b` (bitwise).
 * @param {Float32Array} a @param {Float32Array} b @param {WeightEntry[]} layout @param {string} layer
 */
export function changedCount(a, b, layout, layer) {
  const bitsA = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const bitsB = new Uint32Array(b.buffer, b.byteOffset, b.length);
  let changed = 0;
  for (const { offset, size } of layerEntries(layout, layer)) {
    for (let i = offset; i < offset + size; i += 1) if (bitsA[i] !== bitsB[i]) changed += 1;
  }
  return changed;
}
