// A big network's grid request cut into square tiles, and the tiles' answers stitched back into
// one grid. The worker runs a snapshot one request at a time and sees a Pause between requests,
// so no request should take long: a 16×64 network's 50×50 decision map takes 30 ms of the wasm
// engine on an idle core (over 150 ms on a busy one) and becomes 9 tiles of 17×17. A tile asks
// for exactly the full grid's points in its rows and columns, so the stitched grid is the one a
// single request would give. Small networks keep one request per grid.

/** What one grid request may cost, in multiply-adds (about 6 ms of the wasm engine on an idle
 *  laptop core; a training slice is 15 ms). */
export const TILE_BUDGET = 60e6;
/** A neuron's activation (tanh, sigmoid) costs about as much as 64 multiply-adds per point
 *  (measured at 8×32 and 16×64). */
const NEURON_COST = 64;

/**
 * What one grid point costs, in multiply-adds, through Dense layers of `units` (the model's
 * inputs first, its outputs last).
 * @param {number[]} units @returns {number}
 */
export function pointCost(units) {
  let cost = 0;
  for (let i = 1; i < units.length; i += 1) cost += units[i - 1] * units[i] + units[i] * NEURON_COST;
  return cost;
}

/** Tiles per side for `resolution` points per side at `perPoint` (pointCost) each: the fewest
 *  whose tiles (ceil(resolution / k) points per side) fit `budget`. */
export function tilesPerSide(resolution, perPoint, budget = TILE_BUDGET) {
  let k = 1;
  while (k < resolution && Math.ceil(resolution / k) ** 2 * perPoint > budget) k += 1;
  return k;
}

/** First index of each of k tiles of side `side` over n points: evenly spread, the last one
 *  ending at n (tiles overlap by a point or two when side does not divide n). */
function starts(n, k, side) {
  return Array.from({ length: k }, (_, i) => (k === 1 ? 0 : Math.round(((n - side) * i) / (k - 1))));
}

/**
 * The k×k tile requests of `request` (an engine grid request over x_range, y_range at
 * `resolution` points per side): grid requests of ceil(resolution / k) points per side whose
 * ranges hold the full grid's points of their rows and columns (row 0 is the top, y_range's
 * high end), `out` suffixed `_<row>_<col>`. k = 1 gives the request itself.
 * @returns {object[]}
 */
export function tileRequests(request, k) {
  if (k <= 1) return [request];
  const n = request.resolution;
  const side = Math.ceil(n / k);
  const [xLo, xHi] = request.x_range;
  const [yLo, yHi] = request.y_range;
  const x = (j) => xLo + ((xHi - xLo) * j) / (n - 1);
  const y = (i) => yHi - ((yHi - yLo) * i) / (n - 1);
  const first = starts(n, k, side);
  return first.flatMap((row) =>
    first.map((col) => ({
      ...request,
      x_range: [x(col), x(col + side - 1)],
      y_range: [y(row + side - 1), y(row)],
      resolution: side,
      out: `${request.out}_${row}_${col}`,
    })),
  );
}

/**
 * The full grid {values, resolution, maps} from its tiles: [{request, answer, values}] with
 * each tile's request (tileRequests), its engine answer ({resolution, maps}) and its array.
 * Every tile lists the same maps; the stitched maps keep their order, with offsets into the
 * stitched values (one resolution × resolution row-major block each).
 * @param {{x_range: number[], y_range: number[], resolution: number}} full the untiled request
 * @param {{request: any, answer: any, values: Float32Array}[]} tiles
 */
export function stitchTiles(full, tiles) {
  if (tiles.length === 1) {
    const [{ answer, values }] = tiles;
    return { values, resolution: answer.resolution, maps: answer.maps };
  }
  const n = full.resolution;
  const [xLo, xHi] = full.x_range;
  const [, yHi] = full.y_range;
  const span = full.y_range[1] - full.y_range[0];
  const maps = tiles[0].answer.maps.map((map, b) => ({ ...map, offset: b * n * n }));
  const values = new Float32Array(maps.length * n * n);
  for (const { request, answer, values: part } of tiles) {
    const side = answer.resolution;
    // The tile's first row and column in the full grid, from its ranges.
    const col = Math.round(((request.x_range[0] - xLo) / (xHi - xLo)) * (n - 1));
    const row = Math.round(((yHi - request.y_range[1]) / span) * (n - 1));
    // Plain index loops: no view object per row.
    const { maps: tileMaps } = answer;
    for (let b = 0; b < tileMaps.length; b += 1) {
      let from = tileMaps[b].offset;
      for (let i = 0; i < side; i += 1) {
        let to = b * n * n + (row + i) * n + col;
        for (let j = 0; j < side; j += 1) values[to++] = part[from++];
      }
    }
  }
  return { values, resolution: n, maps };
}
