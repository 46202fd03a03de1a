// BoundaryTileView: one small decision boundary of a two-class 2-D model, as the MLP lab's heat
// map paints it (the engine's `grid` of sigmoid probabilities on the diverging scale, 0.5 = the
// boundary) with the points on top, and a caption under it. Several tiles side by side compare
// models (a capacity sweep, bagging's members, k-fold's folds). Points can be marked: marked
// points are drawn large with a dark ring and the others faded (a fold's validation points).
// constructor(el, opts) / update(data) / reset() / destroy(); never imports the engine.
import { paintDiverging } from './heatmap-view.mjs';
import { classColours, cssRgb, palette } from './colors.mjs';

/**
 * @typedef {{x: ArrayLike<number>, y: ArrayLike<number>, marked?: ArrayLike<number> | null}} TilePoints
 *   x: n×2 row-major (x1, x2 of each point); y: n class ids (0/1); marked: 1 for a marked point
 */

export class BoundaryTileView {
  /**
   * @param {HTMLElement} el an empty container (becomes a <figure>-like tile)
   * @param {{size?: number, range?: [number, number]}} [opts] size: CSS pixels per side;
   *   range: the grid's x1 and x2 range, as the engine's grid request had it
   */
  constructor(el, { size = 120, range = [-6, 6] } = {}) {
    this.el = el;
    this.size = size;
    this.range = range;
    el.classList.add('boundary-tile');
    el.innerHTML = '<canvas></canvas><div class="boundary-tile-caption"></div>';
    this.canvas = /** @type {HTMLCanvasElement} */ (el.querySelector('canvas'));
    this.caption = /** @type {HTMLElement} */ (el.querySelector('.boundary-tile-caption'));
    this.canvas.style.width = `${size}px`;
    this.canvas.style.height = `${size}px`;
    /** @type {HTMLCanvasElement} the grid at its own resolution, scaled up when drawn */
    this.bitmap = document.createElement('canvas');
    this.drawn = false;
  }

  /**
   * @param {{values?: ArrayLike<number> | null, resolution?: number, points?: TilePoints | null,
   *   caption?: string, busy?: boolean}} data values: resolution² probabilities, row 0 at the
   *   top (the engine's grid layout), null for no model yet; busy: a model is training here
   */
  update({ values = null, resolution = 0, points = null, caption = '', busy = false }) {
    const ratio = window.devicePixelRatio || 1;
    const side = Math.round(this.size * ratio);
    if (this.canvas.width !== side) {
      this.canvas.width = side;
      this.canvas.height = side;
    }
    const ctx = /** @type {CanvasRenderingContext2D} */ (this.canvas.getContext('2d'));
    const colours = palette();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.fillStyle = cssRgb(colours.heatMid);
    ctx.fillRect(0, 0, this.size, this.size);
    this.drawn = Boolean(values && resolution > 1);
    if (values && resolution > 1) {
      this.bitmap.width = resolution;
      this.bitmap.height = resolution;
      const bctx = /** @type {CanvasRenderingContext2D} */ (this.bitmap.getContext('2d'));
      const image = bctx.createImageData(resolution, resolution);
      paintDiverging(image.data, values, 0, resolution, { unit: true });
      bctx.putImageData(image, 0, 0);
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(this.bitmap, 0, 0, this.size, this.size);
    }
    if (points) this.drawPoints(ctx, points);
    ctx.strokeStyle = colours.axis;
    ctx.lineWidth = 1;
    ctx.strokeRect(0.5, 0.5, this.size - 1, this.size - 1);
    this.caption.textContent = caption;
    this.el.classList.toggle('busy', busy);
  }

  /** @param {CanvasRenderingContext2D} ctx @param {TilePoints} points */
  drawPoints(ctx, { x, y, marked = null }) {
    const [lo, hi] = this.range;
    const scale = this.size / (hi - lo);
    const classes = classColours(2);
    const { inkDark, paper } = palette();
    const n = y.length;
    // Unmarked points first, so marked ones sit on top.
    for (const pass of marked ? [0, 1] : [0]) {
      for (let i = 0; i < n; i += 1) {
        const isMarked = marked ? marked[i] === 1 : false;
        if (marked && isMarked !== (pass === 1)) continue;
        const px = (x[2 * i] - lo) * scale;
        const py = (hi - x[2 * i + 1]) * scale;
        const colour = classes[y[i] >= 0.5 ? 1 : 0];
        ctx.beginPath();
        ctx.arc(px, py, isMarked ? 3 : 2, 0, 2 * Math.PI);
        ctx.fillStyle = cssRgb(colour, marked && !isMarked ? 0.35 : 1);
        ctx.fill();
        ctx.lineWidth = isMarked ? 1.5 : 0.6;
        ctx.strokeStyle = isMarked ? inkDark : paper;
        ctx.stroke();
      }
    }
  }

  reset() {
    this.update({});
  }

  destroy() {
    this.el.innerHTML = '';
  }
}
