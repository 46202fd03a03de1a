// @ts-check
// One seeded generator for the page's own randomness (dataset previews, the sequence lab's
// sample picks, text sampling): the same seed gives the same numbers, so pictures never flicker
// and a sampled text can be reproduced.

/**
 * mulberry32: uniform numbers in [0, 1) from a 32-bit state.
 * @param {number} seed any number; its low 32 bits are used
 * @returns {() => number}
 */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
