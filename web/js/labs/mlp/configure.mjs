// What the MLP lab sends to trainer.configure: the model document (mlpDocument(state)) plus the grid request
// (every hidden neuron's map for the thumbnails) and, for custom data, the points themselves.
import { mlpDocument, taskOf } from '../../model/document.mjs';
import { pointsToArrays } from '../../data/points.mjs';

export const GRID = Object.freeze({ xRange: [-6, 6], yRange: [-6, 6], resolution: 50, neurons: true });

/** Store keys the document depends on: a change reconfigures (debounced). */
export const CONFIG_KEYS = new Set([
  'lr', 'batch', 'epochs', 'optimizer', 'momentum', 'rho', 'beta1', 'beta2', 'epsilon',
  'weightDecay', 'loss', 'layers', 'init', 'reg', 'regRate', 'dropout', 'batchNorm', 'earlyStop',
  'patience', 'seed', 'dataset', 'samples', 'classes', 'trainRatio', 'noise', 'points', 'features',
]);

/** Custom data need at least this many points (one to train, one to test). */
export const MIN_CUSTOM_POINTS = 2;

/**
 * {document, options} for trainer.configure(document, options), or null when custom data have
 * too few points to train on.
 */
export function configureRequest(state) {
  const custom = state.dataset === 'custom';
  if (custom && (state.points?.length ?? 0) < MIN_CUSTOM_POINTS) return null;
  const options = { grid: { ...GRID } };
  if (custom) options.points = pointsToArrays(state.points);
  return { document: mlpDocument(state), options };
}

export { taskOf };
