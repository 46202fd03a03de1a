// @ts-check
// Transfer learning's first step, as Keras's load_weights(by_name=True, skip_mismatch=True)
// does it: a new model takes every weight of a trained one whose layer name and shape it shares;
// the rest keep the new model's initial values. Works on the engine's saved files: a weights
// manifest [{name: "layer/weight", shape}] and the values as base64 float32 in manifest order.

/** @param {string} base64 @returns {Float32Array} */
export function decodeFloats(base64) {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
  return new Float32Array(bytes.buffer, 0, Math.floor(bytes.length / 4));
}

/** @param {Float32Array} values @returns {string} */
export function encodeFloats(values) {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let text = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) text += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(text);
}

/** @param {number[]} shape */
const size = (shape) => shape.reduce((a, b) => a * b, 1);

/**
 * The weights of `fresh` (a new model's saved file) with every weight `trained` (another saved
 * file) has under the same name and shape. Returns the new file (no optimizer state and no
 * training position: the new model starts training afresh) and the layers whose weights came
 * over (`kept`) or stayed new (`fresh`).
 * @param {any} trained @param {any} fresh
 * @returns {{file: any, kept: string[], fresh: string[]}}
 */
export function transferWeights(trained, fresh) {
  /** @type {Map<string, {shape: number[], values: Float32Array}>} */
  const from = new Map();
  const old = decodeFloats(trained.weights.data);
  let at = 0;
  for (const { name, shape } of trained.weights.manifest) {
    from.set(name, { shape, values: old.subarray(at, at + size(shape)) });
    at += size(shape);
  }
  const values = decodeFloats(fresh.weights.data).slice();
  const kept = new Set();
  const stayed = new Set();
  at = 0;
  for (const { name, shape } of fresh.weights.manifest) {
    const match = from.get(name);
    const layer = name.split('/')[0];
    if (match && match.shape.join(',') === shape.join(',')) {
      values.set(match.values, at);
      kept.add(layer);
    } else stayed.add(layer);
    at += size(shape);
  }
  for (const layer of stayed) kept.delete(layer);
  const file = {
    ...fresh,
    weights: { ...fresh.weights, data: encodeFloats(values) },
    optimizer: null,
    trainer: null,
  };
  return { file, kept: [...kept], fresh: [...stayed] };
}
