// What a learner types into the backprop lab's text fields, read strictly, pure: a list of
// numbers ("0.05, 0.10") or hidden layers ("3, 2" or "3 tanh, 2 relu"). A text that does not read is null;
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

/** One hidden layer as typed: units, then optionally its activation ("3", "3 tanh"). */
const LAYER_TEXT = /^(\d{1,2})(?:\s+([a-z_]{1,16}))?$/;

/**
 * Hidden layers of a text such as "3, 2" or "3 tanh, 2 relu": 1 to `layers` comma-separated
 * layers of 1 to `units` units, each with one of `activations` or, without one, `fallback`.
 * @param {string} text
 * @param {{layers: number, units: number, activations: string[], fallback: string}} rule
 * @returns {{units: number, activation: string}[] | null}
 */
export function parseHiddenLayers(text, { layers, units, activations, fallback }) {
  const s = String(text ?? '').trim();
  if (s === '' || s.length > MAX_TEXT) return null;
  const items = s.toLowerCase().split(/\s*[,;]\s*/);
  if (items.length > layers) return null;
  const out = [];
  for (const item of items) {
    const match = LAYER_TEXT.exec(item);
    if (!match) return null;
    const size = Number(match[1]);
    const activation = match[2] ?? fallback;
    if (size < 1 || size > units || !activations.includes(activation)) return null;
    out.push({ units: size, activation });
  }
  return out;
}

/** The text of hidden layers: "3, 2" when they share an activation, else "3 tanh, 2 relu". */
export function hiddenLayersText(hidden) {
  const same = hidden.every((l) => l.activation === hidden[0]?.activation);
  return hidden.map((l) => (same ? String(l.units) : `${l.units} ${l.activation}`)).join(', ');
}
