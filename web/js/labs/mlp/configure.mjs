// What the MLP lab hands its engine session: setup = build (the document), the custom points
// (set_data from arrays) or the document's data, then `points` (the 2-D points the heat map
// draws); snapshot = get_weights, the decision grid (50×50, the heat map), every neuron's map
// on a coarser grid (25×25, the thumbnails: a quarter of the engine's work and of the copy)
// and the losses of those weights (evaluate), so the readouts always describe the weights on
// screen. A big network's decision grid is asked for in tiles (grid-tiles.mjs), so each request
// the worker runs is short and a Pause is not kept waiting; snapshotInfo stitches them.
import declaration from './index.mjs';
import { rebuildNames } from '../registry.mjs';
import { mlpDocument, taskOf } from '../../model/document.mjs';
import { pointsToArrays } from '../../data/points.mjs';
import { answersByOp, arrayNamed, weightsOf } from '../../kit/session-answers.mjs';
import { pointCost, stitchTiles, tileRequests, tilesPerSide } from './grid-tiles.mjs';

export const GRID = Object.freeze({ xRange: [-6, 6], yRange: [-6, 6], resolution: 50, neuronResolution: 25 });

/** The lab's fields the document depends on (all but the view-only ones): a change
 *  reconfigures (debounced). */
export const CONFIG_KEYS = rebuildNames(declaration);

/** The snapshot's last two requests: evaluate the weights on the training and the test data
 *  (the engine's default: the validation part, or the training data when there is none). */
const LOSS_REQUESTS = [{ op: 'evaluate', data: 'train' }, { op: 'evaluate' }];

/** Custom data need at least this many points (one to train, one to test). */
export const MIN_CUSTOM_POINTS = 2;

/**
 * {setup, snapshot, arrays} for session.configure, or null when custom data have too few
 * points to train on.
 */
export function configureRequest(state) {
  const custom = state.dataset === 'custom';
  if (custom && (state.points?.length ?? 0) < MIN_CUSTOM_POINTS) return null;
  const document = mlpDocument(state);
  const setup = [{ op: 'build', spec: document }];
  let arrays = {};
  if (custom) {
    const { x, y } = pointsToArrays(state.points);
    arrays = { points_x: x, points_y: y };
    setup.push({ op: 'set_data', points: { x: 'points_x', y: 'points_y' } });
  } else {
    setup.push({ op: 'set_data' });
  }
  setup.push({ op: 'points', out: 'points' });
  const grid = {
    op: 'grid',
    x_range: GRID.xRange,
    y_range: GRID.yRange,
    resolution: GRID.resolution,
    neurons: false,
    out: 'grid',
  };
  const features = document.data?.inputs?.length === 1 ? document.data.inputs[0] : undefined;
  if (features) grid.features = features;
  const neurons = { ...grid, resolution: GRID.neuronResolution, neurons: true, out: 'neurons' };
  // Dense widths from the model's inputs to its outputs: what one grid point costs.
  const units = [
    document.model.input_shape[0],
    ...document.model.layers.filter((l) => l.type === 'dense').map((l) => l.units),
  ];
  const decision = tileRequests(grid, tilesPerSide(grid.resolution, pointCost(units)));
  // The neurons' maps stay one request: ~20 ms at 16×64, about one training slice, where tiles
  // would make the page stitch 1,024 maps and copy their list once per tile.
  // The losses of the weights the snapshot shows (training data; validation, else training).
  const snapshot = [{ op: 'get_weights', out: 'weights' }, ...decision, neurons, ...LOSS_REQUESTS];
  return { setup, snapshot, arrays };
}

/** The lab's reading of a configured event: {model, points: {train: {x, y}, validation, kind,
 *  classes} | null}. */
export function configuredInfo(setup, event) {
  const { build, points } = answersByOp(setup, event.answers);
  const pair = (x, y) => ({
    x: arrayNamed(event, points.arrays?.[x]),
    y: arrayNamed(event, points.arrays?.[y]),
  });
  return {
    model: build?.model ?? null,
    points: points
      ? {
          train: pair('train_x', 'train_y'),
          validation: pair('validation_x', 'validation_y'),
          kind: points.kind,
          classes: points.classes ?? 0,
        }
      : null,
  };
}

/** The views' snapshot: {weights, weightLayout, grid: {values, resolution, maps, xRange,
 *  yRange}, neurons: the same for every neuron's map (coarser) | undefined, losses: {train:
 *  logs, test: logs | null} (test null when the data have no test part)}. */
export function snapshotInfo(snapshotRequests, event) {
  const { get_weights: weights } = answersByOp(snapshotRequests, event.answers);
  const out = { ...(weightsOf(event, weights) ?? {}) };
  const count = snapshotRequests.length;
  const [train, test] = [event.answers?.[count - 2], event.answers?.[count - 1]];
  if (snapshotRequests[count - 1]?.op === 'evaluate' && train?.logs) {
    out.losses = { train: train.logs, test: test?.on === 'validation' ? test.logs : null };
  }
  // The grid requests (tiles of the decision grid, of the neurons' grid) stitched by grid.
  const tiles = { grid: [], neurons: [] };
  snapshotRequests.forEach((request, i) => {
    const answer = event.answers?.[i];
    const values = request.op === 'grid' && arrayNamed(event, answer?.array);
    if (values) tiles[request.neurons ? 'neurons' : 'grid'].push({ request, answer, values });
  });
  for (const [key, parts] of Object.entries(tiles)) {
    if (parts.length === 0) continue;
    const resolution = key === 'neurons' ? GRID.neuronResolution : GRID.resolution;
    const full = { x_range: GRID.xRange, y_range: GRID.yRange, resolution };
    out[key] = { ...stitchTiles(full, parts), xRange: GRID.xRange, yRange: GRID.yRange };
  }
  return out;
}

export { taskOf };
