// @ts-check
// Contour geometry over a sampled grid (res × res values, row i is y, column j is x): the
// levels a filled contour plot bands by (logarithmic above the minimum for a loss, so
// Rosenbrock's flat valley and its steep walls both get bands; linear when the values go
// negative, as a saddle's do), which band a value falls in, and the isolines at a level by
// marching squares. Pure: no DOM, so the tests run in Node.

/**
 * `count` increasing levels strictly between `min` and `max`. With `log`, the distances above
 * `min` grow geometrically over `decades` powers of ten up to max - min; otherwise they are
 * evenly spaced.
 * @param {number} min @param {number} max @param {number} count
 * @param {{log?: boolean, decades?: number}} [opts]
 * @returns {number[]}
 */
export function contourLevels(min, max, count, { log = true, decades = 4 } = {}) {
  const span = max - min;
  if (!(span > 0) || !Number.isFinite(span) || count < 1) return [];
  const levels = [];
  for (let k = 1; k <= count; k += 1) {
    const share = k / (count + 1);
    levels.push(log ? min + span * 10 ** (-decades * (1 - share)) : min + span * share);
  }
  return levels;
}

/**
 * The band of `value` among increasing `levels`: 0 below the first, levels.length above the
 * last (binary search).
 * @param {number} value @param {ArrayLike<number>} levels @returns {number}
 */
export function bandOf(value, levels) {
  let lo = 0;
  let hi = levels.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (value >= levels[mid]) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The finite minimum and maximum of `values` ([NaN, NaN] when none is finite).
 * @param {ArrayLike<number>} values @returns {[number, number]}
 */
export function finiteRange(values) {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? [min, max] : [NaN, NaN];
}

/** Where along an edge from value a to value b the level crosses (0..1).
 *  @param {number} a @param {number} b @param {number} level */
const cross = (a, b, level) => (a === b ? 0.5 : (level - a) / (b - a));

/**
 * The isoline segments of `grid` (res × res, row-major, row i = y index) at `level`, by
 * marching squares; a cell whose corners alternate (a saddle cell) is split by its centre's
 * mean. Returns [x0, y0, x1, y1, ...] in grid index units (column, row), so the caller maps
 * them to its axes. Cells with a non-finite corner are skipped.
 * @param {ArrayLike<number>} grid @param {number} res @param {number} level
 * @returns {number[]}
 */
export function isolineSegments(grid, res, level) {
  const out = [];
  for (let i = 0; i + 1 < res; i += 1) {
    for (let j = 0; j + 1 < res; j += 1) {
      // Corners counter-clockwise from (j, i): a bottom-left, b bottom-right, c top-right, d top-left.
      const a = grid[i * res + j];
      const b = grid[i * res + j + 1];
      const c = grid[(i + 1) * res + j + 1];
      const d = grid[(i + 1) * res + j];
      if (!(Number.isFinite(a) && Number.isFinite(b) && Number.isFinite(c) && Number.isFinite(d))) continue;
      const code = (a >= level ? 1 : 0) | (b >= level ? 2 : 0) | (c >= level ? 4 : 0) | (d >= level ? 8 : 0);
      if (code === 0 || code === 15) continue;
      // The crossing points on the four edges: bottom, right, top, left.
      const bottom = () => [j + cross(a, b, level), i];
      const right = () => [j + 1, i + cross(b, c, level)];
      const top = () => [j + cross(d, c, level), i + 1];
      const left = () => [j, i + cross(a, d, level)];
      /** @type {number[][][]} */
      let pairs;
      switch (code) {
        case 1:
        case 14:
          pairs = [[left(), bottom()]];
          break;
        case 2:
        case 13:
          pairs = [[bottom(), right()]];
          break;
        case 3:
        case 12:
          pairs = [[left(), right()]];
          break;
        case 4:
        case 11:
          pairs = [[right(), top()]];
          break;
        case 6:
        case 9:
          pairs = [[bottom(), top()]];
          break;
        case 7:
        case 8:
          pairs = [[left(), top()]];
          break;
        default: {
          // 5 or 10: two opposite corners above the level; the centre decides which pair joins.
          const centreAbove = (a + b + c + d) / 4 >= level;
          const aAbove = code === 5;
          pairs =
            centreAbove === aAbove
              ? [
                  [left(), top()],
                  [bottom(), right()],
                ]
              : [
                  [left(), bottom()],
                  [right(), top()],
                ];
        }
      }
      for (const [p, q] of pairs) out.push(p[0], p[1], q[0], q[1]);
    }
  }
  return out;
}
