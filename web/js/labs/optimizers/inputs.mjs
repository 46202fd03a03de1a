// @ts-check
// The one input the store cannot check alone: hidden layer widths typed as text, "8, 8" (the
// store keeps the list's count and range; whole numbers are checked here).
import { LIMITS } from './fields.mjs';

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
