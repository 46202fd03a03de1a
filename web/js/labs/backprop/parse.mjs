// What a learner types into the backprop lab's text fields, read strictly, pure: a list of
// numbers ("0.05, 0.10") or of hidden-layer sizes ("3, 2"). A text that does not read is null;
// the lab then says why at the field and keeps what it had.
import { parseNumberText } from '../../state/number-text.mjs';

/** Longest text read (a few numbers): longer texts are refused unread. */
const MAX_TEXT = 200;

/** The parts of a comma- (or space-) separated text; [] for an empty text. */
function parts(text) {
  const s = String(text ?? '').trim();
  if (s === '' || s.length > MAX_TEXT) return s === '' ? [] : null;
  return s.split(/\s*[,;]\s*|\s+/);
}

/**
 * Numbers of a text: between `min` and `max` of them, each within ±limit; or null.
 * @param {string} text @param {{min: number, max: number, limit: number}} rule
 * @returns {number[] | null}
 */
export function parseNumberList(text, { min, max, limit }) {
  const items = parts(text);
  if (!items || items.length < min || items.length > max) return null;
  const values = items.map((item) => parseNumberText(item));
  return values.every((v) => Number.isFinite(v) && Math.abs(v) <= limit) ? values : null;
}

/**
 * Hidden-layer sizes of a text: 1 to `layers` whole numbers from 1 to `units`; or null.
 * @param {string} text @param {{layers: number, units: number}} rule
 * @returns {number[] | null}
 */
export function parseLayerSizes(text, { layers, units }) {
  const values = parseNumberList(text, { min: 1, max: layers, limit: units });
  return values && values.every((v) => Number.isInteger(v) && v >= 1) ? values : null;
}
