// 2-D points of the MLP lab: the input features of a point (TF Playground's seven) and their
// maps over the plane, the picker's datasets, and conversions between the store's `points` ([[x1, x2, label], ...])
// and the typed arrays the trainer sends and reports ({x: Float32Array(n*2), y: Float32Array(n)}).

/** Store feature key -> engine feature name and its value at (x1, x2). */
export const FEATURES = Object.freeze([
  { key: 'x1', engine: 'x1', f: (a) => a },
  { key: 'x2', engine: 'x2', f: (a, b) => b },
  { key: 'x1sq', engine: 'x1^2', f: (a) => a * a },
  { key: 'x2sq', engine: 'x2^2', f: (a, b) => b * b },
  { key: 'x1x2', engine: 'x1*x2', f: (a, b) => a * b },
  { key: 'sinx1', engine: 'sin(x1)', f: (a) => Math.sin(a) },
  { key: 'sinx2', engine: 'sin(x2)', f: (a, b) => Math.sin(b) },
]);

const featureByKey = new Map(FEATURES.map((feature) => [feature.key, feature]));

/** The feature entry for a store key ('x1sq'), or undefined. */
export function featureOf(key) {
  return featureByKey.get(key);
}

/** The feature's values on a res×res grid over [lo, hi]² (row 0 = top), scaled to [-1, 1]. */
export function featureMap(key, { range = [-6, 6], resolution = 50 } = {}) {
  const { f } = featureOf(key);
  const [lo, hi] = range;
  const map = new Float32Array(resolution * resolution);
  let top = 0;
  for (let row = 0; row < resolution; row += 1) {
    const x2 = hi - ((hi - lo) * row) / (resolution - 1);
    for (let col = 0; col < resolution; col += 1) {
      const v = f(lo + ((hi - lo) * col) / (resolution - 1), x2);
      map[row * resolution + col] = v;
      top = Math.max(top, Math.abs(v));
    }
  }
  if (top > 0) for (let i = 0; i < map.length; i += 1) map[i] /= top;
  return map;
}

/** The 2-D datasets the picker offers, in TF Playground's order. */
export const DATASETS = Object.freeze([
  'circle',
  'xor',
  'gauss',
  'spiral',
  'moons',
  'linear',
  'blobs',
  'regress_plane',
  'regress_gaussian',
]);

/** Store points -> {x: Float32Array(n*2) row-major x1,x2; y: Float32Array(n)}. */
export function pointsToArrays(points) {
  const x = new Float32Array(points.length * 2);
  const y = new Float32Array(points.length);
  points.forEach(([x1, x2, label], i) => {
    x[2 * i] = x1;
    x[2 * i + 1] = x2;
    y[i] = label;
  });
  return { x, y };
}

/** {x, y} typed arrays (or null) -> store points, values rounded to 3 decimals. */
export function arraysToPoints(arrays) {
  if (!arrays?.x || !arrays?.y) return [];
  const round = (v) => Math.round(v * 1000) / 1000;
  const points = [];
  for (let i = 0; i < arrays.y.length; i += 1) {
    points.push([round(arrays.x[2 * i]), round(arrays.x[2 * i + 1]), round(arrays.y[i])]);
  }
  return points;
}

/** The raw points of a `configured` event (train, then validation) as store points. */
export function configuredToPoints(configuredPoints) {
  if (!configuredPoints) return [];
  return [...arraysToPoints(configuredPoints.train), ...arraysToPoints(configuredPoints.validation)];
}
