// The MLP lab's grid tiles (web/js/labs/mlp/grid-tiles.mjs): tiles ask for exactly the full
// grid's points, big networks' decision grids get tiles and small ones one request, and with the
// real engine a 16×64 network's tiled decision grid, stitched, equals the single request's.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { GRID, configureRequest, snapshotInfo } from '../../web/js/labs/mlp/configure.mjs';
import { pointCost, stitchTiles, tileRequests, tilesPerSide } from '../../web/js/labs/mlp/grid-tiles.mjs';
import { defaultState, labView } from '../../web/js/state/schema.mjs';
import { TestSession, loadModule, root } from './load-module.mjs';

const engineDir = process.env.NNPLAY_ENGINE_DIR ?? path.join(root, 'web', 'engine');
const built = fs.existsSync(path.join(engineDir, 'nnplay.wasm'));

/** The points (x1, x2) of a grid request, row-major (row 0 at the top), as the engine lays them. */
function points({ x_range: [xLo, xHi], y_range: [yLo, yHi], resolution: n }) {
  const out = [];
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j < n; j += 1) {
      out.push([xLo + ((xHi - xLo) * j) / (n - 1), yHi - ((yHi - yLo) * i) / (n - 1)]);
    }
  }
  return out;
}

const full = (resolution) => ({ op: 'grid', x_range: [-6, 6], y_range: [-6, 6], resolution, out: 'g' });

/** The MLP lab's state on the spiral with `layers` tanh layers of `units`, all seven features. */
const mlpState = (layers, units) => ({
  ...labView(defaultState(), 'mlp'),
  dataset: 'spiral',
  features: ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'],
  layers: Array.from({ length: layers }, () => ({ units, activation: 'tanh' })),
});

test('grid tiles: every tile point is a point of the full grid, and together they cover it', () => {
  for (const [n, k] of [
    [50, 2],
    [50, 3],
    [25, 2],
    [25, 4],
  ]) {
    const whole = points(full(n)).map(([x, y]) => `${x.toFixed(9)},${y.toFixed(9)}`);
    const covered = new Set();
    const tiles = tileRequests(full(n), k);
    assert.equal(tiles.length, k * k);
    for (const tile of tiles) {
      assert.equal(tile.resolution, Math.ceil(n / k));
      for (const [x, y] of points(tile)) {
        const key = `${x.toFixed(9)},${y.toFixed(9)}`;
        assert.ok(whole.includes(key), `${n}/${k}: (${key}) is not a grid point`);
        covered.add(key);
      }
    }
    assert.equal(covered.size, n * n, `${n}/${k}: every point covered`);
    assert.equal(new Set(tiles.map((t) => t.out)).size, tiles.length, 'one array per tile');
  }
  assert.deepEqual(tileRequests(full(50), 1), [full(50)]);
});

test('grid tiles: stitching puts each tile value back where the full grid has it', () => {
  const n = 25;
  // Two maps whose value names the point: map b, row i, column j -> b * 1000 + i * n + j.
  const tiles = tileRequests(full(n), 3).map((request) => {
    const side = request.resolution;
    const row = Math.round(((6 - request.y_range[1]) / 12) * (n - 1));
    const col = Math.round(((request.x_range[0] + 6) / 12) * (n - 1));
    const values = new Float32Array(2 * side * side);
    for (let b = 0; b < 2; b += 1) {
      for (let i = 0; i < side; i += 1) {
        for (let j = 0; j < side; j += 1)
          values[b * side * side + i * side + j] = b * 1000 + (row + i) * n + col + j;
      }
    }
    const maps = [0, 1].map((unit) => ({ layer: 'dense', unit, offset: unit * side * side }));
    return { request, answer: { resolution: side, maps }, values };
  });
  const grid = stitchTiles(full(n), tiles);
  assert.equal(grid.resolution, n);
  assert.deepEqual(grid.maps, [
    { layer: 'dense', unit: 0, offset: 0 },
    { layer: 'dense', unit: 1, offset: n * n },
  ]);
  assert.deepEqual(
    [...grid.values],
    Array.from({ length: 2 * n * n }, (_, v) => Math.floor(v / (n * n)) * 1000 + (v % (n * n))),
  );
});

test('grid tiles: only big networks are tiled; the default MLP keeps one request per grid', () => {
  assert.equal(pointCost([2, 3, 1]), 2 * 3 + 3 * 1 + 4 * 64);
  assert.equal(tilesPerSide(50, pointCost([7, 8, 8, 1])), 1);
  const ops = (state) => configureRequest(state).snapshot.map((r) => r.op);
  assert.deepEqual(ops(labView(defaultState(), 'mlp')), [
    'get_weights',
    'grid',
    'grid',
    'evaluate',
    'evaluate',
  ]);
  const big = configureRequest(mlpState(16, 64)).snapshot;
  const grids = big.filter((r) => r.op === 'grid');
  assert.equal(grids.filter((r) => !r.neurons).length, 9, 'the decision grid in 3 × 3 tiles');
  assert.deepEqual(
    grids.filter((r) => r.neurons).map((r) => r.resolution),
    [GRID.neuronResolution],
    'the neuron maps in one request',
  );
  assert.deepEqual([big[0].op, ...big.slice(-2).map((r) => r.op)], ['get_weights', 'evaluate', 'evaluate']);
});

test(
  'grid tiles + engine: a 16×64 network’s stitched tiles equal the single grid request',
  { skip: !built && 'web/engine/nnplay.wasm is not built' },
  async () => {
    const module = await loadModule();
    const session = new TestSession(module);
    try {
      const { setup, snapshot } = configureRequest(mlpState(16, 64));
      for (const request of setup) session.ok(request);
      const answer = (requests) => {
        const answers = requests.map((r) => session.ok(r));
        const arrays = {};
        for (const a of answers) if (a.array) arrays[a.array] = session.getArray(a.array);
        return snapshotInfo(requests, { answers, arrays });
      };
      const tiled = answer(snapshot);
      const grid = snapshot.find((r) => r.op === 'grid');
      const untiled = [
        { ...grid, x_range: GRID.xRange, y_range: GRID.yRange, resolution: GRID.resolution, out: 'grid' },
        {
          ...grid,
          x_range: GRID.xRange,
          y_range: GRID.yRange,
          resolution: GRID.neuronResolution,
          neurons: true,
          out: 'neurons',
        },
      ];
      const single = answer(untiled);
      for (const key of ['grid', 'neurons']) {
        assert.equal(tiled[key].resolution, single[key].resolution);
        assert.deepEqual(tiled[key].maps, single[key].maps);
        assert.equal(tiled[key].values.length, single[key].values.length);
        let worst = 0;
        tiled[key].values.forEach((v, i) => {
          worst = Math.max(worst, Math.abs(v - single[key].values[i]));
        });
        // Tile ranges are the same points up to float rounding of their ends.
        assert.ok(worst < 1e-4, `${key}: largest difference ${worst}`);
      }
      assert.equal(tiled.neurons.maps.length, 16 * 64 + 1);
    } finally {
      session.close();
    }
  },
);
