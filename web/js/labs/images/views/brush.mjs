// @ts-check
// The draw pad's brush on a 28×28 grid: a round pen dragged along a segment, full white within
// `core` cells of the segment and fading linearly to black at `edge` cells, like the
// anti-aliased strokes of MNIST and Fashion-MNIST (white on black, 0..1). A pixel keeps the
// brightest value any stroke gave it. Pure, tested in Node.

export const SIDE = 28;
/** Full ink within this many cells of the stroke's centre line. */
export const CORE = 0.9;
/** No ink beyond this many cells. */
export const EDGE = 2;

/**
 * Paints the segment a → b (grid units: x to the right, y down, pixel (col, row) has its centre
 * at (col + 0.5, row + 0.5)) into `pixels` [side · side] row-major. A dot when a = b.
 * @param {Float32Array} pixels [side · side] values 0..1, changed in place
 * @param {{x: number, y: number}} a
 * @param {{x: number, y: number}} b
 * @param {{core?: number, edge?: number, side?: number}} [brush]
 * @returns {boolean} whether any pixel got brighter
 */
export function paintSegment(pixels, a, b, { core = CORE, edge = EDGE, side = SIDE } = {}) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length2 = dx * dx + dy * dy;
  const colFrom = Math.max(0, Math.floor(Math.min(a.x, b.x) - edge));
  const colTo = Math.min(side - 1, Math.ceil(Math.max(a.x, b.x) + edge));
  const rowFrom = Math.max(0, Math.floor(Math.min(a.y, b.y) - edge));
  const rowTo = Math.min(side - 1, Math.ceil(Math.max(a.y, b.y) + edge));
  let changed = false;
  for (let row = rowFrom; row <= rowTo; row += 1) {
    for (let col = colFrom; col <= colTo; col += 1) {
      const px = col + 0.5;
      const py = row + 0.5;
      // The nearest point of the segment: a + s·(b − a), s clamped to [0, 1].
      const s = length2 > 0 ? Math.max(0, Math.min(1, ((px - a.x) * dx + (py - a.y) * dy) / length2)) : 0;
      const distance = Math.hypot(px - (a.x + s * dx), py - (a.y + s * dy));
      if (distance >= edge) continue;
      // Rounded to float32 first, so painting the same stroke twice changes nothing.
      const value = Math.fround(distance <= core ? 1 : (edge - distance) / (edge - core));
      const at = row * side + col;
      if (value > pixels[at]) {
        pixels[at] = value;
        changed = true;
      }
    }
  }
  return changed;
}

/**
 * The ink on the pad: the sum of its values (one fully white pixel is 1).
 * @param {ArrayLike<number>} pixels
 * @returns {number}
 */
export function inkAmount(pixels) {
  let sum = 0;
  for (let i = 0; i < pixels.length; i += 1) sum += pixels[i];
  return sum;
}

/**
 * The drawing moved so its centre of mass sits at the grid's centre (whole pixels), as MNIST's
 * digits were prepared; ink pushed past an edge is dropped. A blank grid comes back as is.
 * @param {Float32Array} pixels [side · side] 0..1
 * @param {number} [side]
 * @returns {Float32Array} a new grid
 */
export function centreByMass(pixels, side = SIDE) {
  let mass = 0;
  let sumX = 0;
  let sumY = 0;
  for (let row = 0; row < side; row += 1) {
    for (let col = 0; col < side; col += 1) {
      const v = pixels[row * side + col];
      mass += v;
      sumX += v * (col + 0.5);
      sumY += v * (row + 0.5);
    }
  }
  const out = new Float32Array(side * side);
  if (!(mass > 0)) return Float32Array.from(pixels);
  const dx = Math.round(side / 2 - sumX / mass);
  const dy = Math.round(side / 2 - sumY / mass);
  for (let row = 0; row < side; row += 1) {
    const to = row + dy;
    if (to < 0 || to >= side) continue;
    for (let col = 0; col < side; col += 1) {
      const x = col + dx;
      if (x >= 0 && x < side) out[to * side + x] = pixels[row * side + col];
    }
  }
  return out;
}
