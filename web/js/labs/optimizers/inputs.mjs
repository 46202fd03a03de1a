// @ts-check
// The lab's typed inputs: what a learner may type in each and the message key of a refusal.

export const LIMITS = Object.freeze({
  hiddenLayers: 4,
  units: 32,
  batch: 400,
  epochs: 300,
  lr: 10,
});

/**
 * Hidden layer widths typed as "8, 8": 1..LIMITS.hiddenLayers whole numbers 1..LIMITS.units.
 * @param {string} text @returns {{ok: true, value: number[]} | {ok: false, key: string}}
 */
export function parseHidden(text) {
  const parts = String(text)
    .split(/[\s,]+/)
    .filter((p) => p !== '');
  const units = parts.map(Number);
  const fine =
    units.length >= 1 &&
    units.length <= LIMITS.hiddenLayers &&
    units.every((u) => Number.isInteger(u) && u >= 1 && u <= LIMITS.units);
  return fine ? { ok: true, value: units } : { ok: false, key: 'opt.refuse.hidden' };
}

/**
 * A whole number in [min, max].
 * @param {string} text @param {number} min @param {number} max @param {string} key
 * @returns {{ok: true, value: number} | {ok: false, key: string}}
 */
export function parseInteger(text, min, max, key) {
  const value = Number(String(text).trim());
  return String(text).trim() !== '' && Number.isInteger(value) && value >= min && value <= max
    ? { ok: true, value }
    : { ok: false, key };
}

/**
 * A positive number below `max` (a learning rate, a target loss).
 * @param {string} text @param {number} max @param {string} key
 * @returns {{ok: true, value: number} | {ok: false, key: string}}
 */
export function parsePositive(text, max, key) {
  const value = Number(String(text).trim());
  return String(text).trim() !== '' && Number.isFinite(value) && value > 0 && value <= max
    ? { ok: true, value }
    : { ok: false, key };
}
