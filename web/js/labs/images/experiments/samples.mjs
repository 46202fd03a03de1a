// @ts-check
// Which images each experiment uses, and the float arrays the engine takes for them. The parts
// are interleaved by class, so a prefix is balanced; picks by class keep package order.

import { imageArrays } from '../data/image-arrays.mjs';

/** @typedef {{count: number, labels: Uint8Array, pixels: Uint8Array}} ImagePart pixels [count, 28, 28] */

export const PIXELS = 28 * 28;

/**
 * The first `perClass` images of each class in `classes` (fewer when the part has fewer),
 * interleaved by class like the parts themselves.
 * @param {ImagePart} part @param {number[]} classes @param {number} perClass
 * @returns {Int32Array} image indices into the part
 */
export function firstOfClasses(part, classes, perClass) {
  /** @type {Map<number, number[]>} */
  const picked = new Map(classes.map((c) => [c, []]));
  for (let i = 0; i < part.count; i += 1) {
    const list = picked.get(part.labels[i]);
    if (list && list.length < perClass) list.push(i);
  }
  const out = [];
  const longest = Math.max(0, ...[...picked.values()].map((l) => l.length));
  for (let j = 0; j < longest; j += 1) {
    for (const c of classes) {
      const list = /** @type {number[]} */ (picked.get(c));
      if (j < list.length) out.push(list[j]);
    }
  }
  return Int32Array.from(out);
}

/**
 * Every image of the part whose class is in `classes`, in order.
 * @param {ImagePart} part @param {number[]} classes @returns {Int32Array}
 */
export function ofClasses(part, classes) {
  const out = [];
  for (let i = 0; i < part.count; i += 1) if (classes.includes(part.labels[i])) out.push(i);
  return Int32Array.from(out);
}

/**
 * The engine's arrays for images `indices` of `part` (the data's imageArrays: x [n·784]
 * scaled by 1/255, y [n] class ids), each label mapped by `relabel` (e.g. 5..9 → 0..4 for a
 * new head).
 * @param {ImagePart} part @param {ArrayLike<number>} indices
 * @param {(label: number) => number} [relabel]
 * @returns {{x: Float32Array, y: Float32Array}}
 */
export function sampleArrays(part, indices, relabel = (label) => label) {
  const { x, y } = imageArrays(part, indices);
  for (let i = 0; i < y.length; i += 1) y[i] = relabel(y[i]);
  return { x, y };
}
