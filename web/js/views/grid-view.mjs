// GridView: the decision surface of a 2-input model on a canvas, TF Playground colours
// (orange for negative / class 0, blue for positive / class 1).
const negative = [245, 147, 34];
const positive = [8, 119, 189];
const neutral = [255, 255, 255];

/** Colour for t in [-1, 1]: orange through white to blue. */
function colour(t) {
  const from = t < 0 ? negative : positive;
  const a = Math.min(1, Math.abs(t));
  return neutral.map((c, i) => Math.round(c + (from[i] - c) * a));
}

export class GridView {
  /** el: a <canvas>; opts.map: which map of the grid answer to draw (0 = first output unit). */
  constructor(el, { map = 0 } = {}) {
    this.canvas = el;
    this.map = map;
  }

  /** grid: {values: Float32Array, resolution, maps: [{layer, unit, offset}]}. */
  update(grid) {
    const n = grid.resolution;
    const offset = grid.maps?.[this.map]?.offset ?? 0;
    const block = grid.values.subarray(offset, offset + n * n);
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of block) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    const unitRange = lo >= 0 && hi <= 1;  // a sigmoid/softmax output: 0.5 is the boundary
    const image = new ImageData(n, n);
    for (let row = 0; row < n; row += 1) {
      for (let col = 0; col < n; col += 1) {
        const v = block[row * n + col];
        const t = unitRange ? 2 * v - 1 : Math.max(-1, Math.min(1, v));
        const [r, g, b] = colour(t);
        const at = (row * n + col) * 4;  // row 0 is y_range[1] (top), column 0 is x_range[0]
        image.data.set([r, g, b, 255], at);
      }
    }
    const scratch = new OffscreenCanvas(n, n);
    scratch.getContext('2d').putImageData(image, 0, 0);
    const ctx = this.canvas.getContext('2d');
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(scratch, 0, 0, this.canvas.width, this.canvas.height);
  }

  reset() {
    this.canvas.getContext('2d').clearRect(0, 0, this.canvas.width, this.canvas.height);
  }
}
