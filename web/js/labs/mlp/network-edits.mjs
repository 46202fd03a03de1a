// The network editor's edits as pure functions of the store's `layers` ([{units, activation}]),
// within the schema's limits (0..16 hidden layers, 1..64 units each).
import { LIMITS } from './fields.mjs';

/** One more hidden layer at the end: as wide as the last one (4 when none), `activation`. */
export function addLayer(layers, activation) {
  if (layers.length >= LIMITS.maxLayers) return layers;
  return [...layers, { units: layers.at(-1)?.units ?? 4, activation }];
}

/** Without the last hidden layer. */
export function removeLayer(layers) {
  return layers.slice(0, -1);
}

/** Layer i with `delta` more (or fewer) units, kept in 1..64. */
export function resizeLayer(layers, i, delta) {
  return layers.map((layer, j) =>
    j === i ? { ...layer, units: Math.min(LIMITS.maxUnits, Math.max(1, layer.units + delta)) } : layer,
  );
}

/** Layer i with another activation. */
export function setActivation(layers, i, activation) {
  return layers.map((layer, j) => (j === i ? { ...layer, activation } : layer));
}
