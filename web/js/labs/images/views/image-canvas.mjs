// @ts-check
// 28×28 greyscale images on canvases, the way the data hold them: 0 is the black background,
// the top value (255 for the uint8 files, 1 for the scaled arrays) is white. paintImage fills a
// small canvas at the images' own resolution (CSS scales it up with `image-rendering:
// pixelated`); ImageGrid draws many images into one canvas as a grid that wraps to its width,
// at device pixels and without smoothing, so every image pixel is a crisp square.

export const SIDE = 28;

/**
 * Writes image `index` of `source` (side² values row-major, 0..max) as opaque grey RGBA into
 * `data` at pixel offset `at` of an image `stride` pixels wide.
 * @param {Uint8ClampedArray} data RGBA
 * @param {ArrayLike<number>} source [count · side · side]
 * @param {number} index
 * @param {{at?: number, stride?: number, max?: number, side?: number}} [where]
 */
export function paintGrey(data, source, index, { at = 0, stride = SIDE, max = 255, side = SIDE } = {}) {
  const from = index * side * side;
  const gain = 255 / max;
  for (let row = 0; row < side; row += 1) {
    let to = (at + row * stride) * 4;
    for (let col = 0; col < side; col += 1, to += 4) {
      const v = source[from + row * side + col] * gain;
      data[to] = v;
      data[to + 1] = v;
      data[to + 2] = v;
      data[to + 3] = 255;
    }
  }
}

/**
 * Draws one image on `canvas` at one canvas pixel per image pixel (28×28).
 * @param {HTMLCanvasElement} canvas
 * @param {ArrayLike<number>} pixels [784] (or [count · 784] with `index`)
 * @param {{index?: number, max?: number}} [opts]
 */
export function paintImage(canvas, pixels, { index = 0, max = 255 } = {}) {
  if (canvas.width !== SIDE) canvas.width = SIDE;
  if (canvas.height !== SIDE) canvas.height = SIDE;
  const ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
  const image = ctx.createImageData(SIDE, SIDE);
  paintGrey(image.data, pixels, index, { max });
  ctx.putImageData(image, 0, 0);
}

/**
 * Columns of `cell`-px images with `gap`-px gaps that fit `width` CSS px (at least one).
 * @param {number} width @param {number} cell @param {number} gap
 */
export function columnsFor(width, cell, gap) {
  return Math.max(1, Math.floor((width + gap) / (cell + gap)));
}

/**
 * Many images in one canvas: a grid of `cell`-px squares that wraps to the container's width.
 * constructor(el, opts) / update({images, max}) / reset() / destroy().
 */
export class ImageGrid {
  /**
   * @param {HTMLElement} el an empty container
   * @param {{cell?: number, gap?: number, columns?: number, label?: string}} [opts] cell and gap
   *   in CSS px; columns fixes the column count (default: as many as fit); label is the canvas's
   *   accessible name
   */
  constructor(el, { cell = 56, gap = 4, columns = 0, label = '' } = {}) {
    this.el = el;
    this.cell = cell;
    this.gap = gap;
    this.fixedColumns = columns;
    el.classList.add('img-grid');
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'img-grid-canvas';
    this.canvas.setAttribute('role', 'img');
    if (label) this.canvas.setAttribute('aria-label', label);
    el.append(this.canvas);
    this.scratch = document.createElement('canvas');
    /** @type {{images: ArrayLike<number>, count: number, max: number} | null} */
    this.data = null;
    this.width = 0;
    // The width comes from the observer, so drawing never forces a layout.
    this.observer = new ResizeObserver(([entry]) => {
      const width = Math.floor(entry.contentRect.width);
      if (width !== this.width) {
        this.width = width;
        this.draw();
      }
    });
    this.observer.observe(el);
  }

  /**
   * @param {{images: ArrayLike<number>, count?: number, max?: number}} data images: [count · 784]
   *   row-major (uint8 0..255, or floats with max 1); count defaults to all of them
   */
  update({ images, count = Math.floor(images.length / (SIDE * SIDE)), max = 255 }) {
    this.data = { images, count, max };
    this.draw();
  }

  /**
   * The grid's geometry for `count` images: {columns, rows, cssWidth, cssHeight}.
   * @param {number} count
   */
  layout(count) {
    const columns = this.fixedColumns || columnsFor(this.width, this.cell, this.gap);
    const rows = Math.ceil(count / columns);
    const span = (/** @type {number} */ k) => Math.max(0, k * (this.cell + this.gap) - this.gap);
    return { columns, rows, cssWidth: span(Math.min(columns, count)), cssHeight: span(rows) };
  }

  /**
   * The index of the image under CSS point (x, y) of the canvas, or -1.
   * @param {number} x @param {number} y
   */
  indexAt(x, y) {
    if (!this.data) return -1;
    const { columns } = this.layout(this.data.count);
    const pitch = this.cell + this.gap;
    const col = Math.floor(x / pitch);
    const row = Math.floor(y / pitch);
    if (x - col * pitch >= this.cell || y - row * pitch >= this.cell || col >= columns) return -1;
    const index = row * columns + col;
    return index < this.data.count ? index : -1;
  }

  draw() {
    if (!this.data || (!this.width && !this.fixedColumns)) return;
    const { images, count, max } = this.data;
    const { columns, rows, cssWidth, cssHeight } = this.layout(count);
    const ratio = window.devicePixelRatio || 1;
    const canvas = this.canvas;
    canvas.width = Math.round(cssWidth * ratio);
    canvas.height = Math.round(cssHeight * ratio);
    canvas.style.width = `${cssWidth}px`;
    canvas.style.height = `${cssHeight}px`;
    if (!count) return;
    // Every image at its own resolution on a scratch canvas (one row of images per grid row),
    // then each scaled to its cell at whole device pixels.
    this.scratch.width = columns * SIDE;
    this.scratch.height = rows * SIDE;
    const sctx = /** @type {CanvasRenderingContext2D} */ (this.scratch.getContext('2d'));
    const sheet = sctx.createImageData(this.scratch.width, this.scratch.height);
    for (let i = 0; i < count; i += 1) {
      const at = Math.floor(i / columns) * SIDE * this.scratch.width + (i % columns) * SIDE;
      paintGrey(sheet.data, images, i, { at, stride: this.scratch.width, max });
    }
    sctx.putImageData(sheet, 0, 0);
    const ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
    ctx.imageSmoothingEnabled = this.cell * ratio < SIDE; // shrinking needs averaging
    const device = (/** @type {number} */ v) => Math.round(v * ratio);
    for (let i = 0; i < count; i += 1) {
      const col = i % columns;
      const row = Math.floor(i / columns);
      const x = device(col * (this.cell + this.gap));
      const y = device(row * (this.cell + this.gap));
      const size = device(this.cell);
      ctx.drawImage(this.scratch, col * SIDE, row * SIDE, SIDE, SIDE, x, y, size, size);
    }
  }

  reset() {
    this.data = null;
    this.canvas.width = 0;
    this.canvas.height = 0;
    this.canvas.style.width = '0px';
    this.canvas.style.height = '0px';
  }

  destroy() {
    this.observer.disconnect();
    this.el.classList.remove('img-grid');
    this.canvas.remove();
  }
}
