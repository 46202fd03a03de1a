// @ts-check
// Every first-layer unit's 784 incoming weights drawn as a 28×28 image: what each unit looks for
// in the picture. Diverging colours, blue negative, white 0, red positive (--img-weight-neg,
// --img-weight-zero, --img-weight-pos in views.css), on one symmetric scale shared by all units
// (the largest |weight|), so units compare with each other; a legend gives the scale's numbers.
// All units in one canvas, a grid that wraps to the width, tiles sized so up to 512 units stay
// about `height` px tall; drawn only on update or resize. Hovering a tile, or the arrow keys on
// the focused canvas, frame a unit and name it.
// constructor(el, opts) / update({kernel, units}) / setLabels({labels}) / reset() / destroy().
import { rgbaOf } from '../../../views/colors.mjs';
import { columnsFor } from './image-canvas.mjs';

const SIDE = 28;
const GAP = 2; // CSS px between tiles

/** @typedef {[number, number, number]} Rgb */

/**
 * The shared symmetric scale: the largest finite |weight| (0 when there is none).
 * @param {ArrayLike<number>} kernel
 * @returns {number}
 */
export function symmetricScale(kernel) {
  let top = 0;
  for (let i = 0; i < kernel.length; i += 1) {
    const a = Math.abs(kernel[i]);
    if (a > top && a !== Infinity) top = a;
  }
  return top;
}

/**
 * 256 RGB entries (768 bytes) for t in [-1, 1]: neg -> zero -> pos, linear in each half.
 * @param {Rgb} neg @param {Rgb} zero @param {Rgb} pos
 * @returns {Uint8ClampedArray}
 */
export function divergingTable(neg, zero, pos) {
  const table = new Uint8ClampedArray(256 * 3);
  for (let i = 0; i < 256; i += 1) {
    const t = (i / 255) * 2 - 1;
    const far = t < 0 ? neg : pos;
    for (let c = 0; c < 3; c += 1) table[i * 3 + c] = Math.round(zero[c] + (far[c] - zero[c]) * Math.abs(t));
  }
  return table;
}

/**
 * The table entry (0..255) of weight w on the scale ±scale (NaN and a zero scale: the middle).
 * @param {number} w @param {number} scale
 */
export function entryOf(w, scale) {
  const t = scale > 0 ? w / scale : 0;
  if (!(t === t)) return 128; // NaN
  if (t <= -1) return 0;
  if (t >= 1) return 255;
  return Math.round((t + 1) * 127.5);
}

/**
 * Paints unit u's weights (kernel[p · units + u], Keras's [in, units] row-major) as a 28×28
 * tile into `data` (RGBA of an image `stride` pixels wide) at pixel offset `at`.
 * @param {Uint8ClampedArray} data
 * @param {ArrayLike<number>} kernel [784 · units]
 * @param {number} units @param {number} u @param {number} scale @param {Uint8ClampedArray} table
 * @param {number} at @param {number} stride
 */
export function paintUnit(data, kernel, units, u, scale, table, at, stride) {
  for (let row = 0; row < SIDE; row += 1) {
    let to = (at + row * stride) * 4;
    for (let col = 0; col < SIDE; col += 1, to += 4) {
      const e = entryOf(kernel[(row * SIDE + col) * units + u], scale) * 3;
      data[to] = table[e];
      data[to + 1] = table[e + 1];
      data[to + 2] = table[e + 2];
      data[to + 3] = 255;
    }
  }
}

/**
 * The tile size (CSS px) for `units` tiles in `width` px, aiming at `height` px in all.
 * @param {number} units @param {number} width @param {number} height
 */
export function tileSize(units, width, height) {
  const fit = Math.floor(Math.sqrt((width * height) / Math.max(1, units))) - GAP;
  return Math.max(12, Math.min(56, fit, width));
}

/**
 * A number of the legend with two significant digits ("0.031", "-1.2").
 * @param {number} v
 */
export function scaleText(v) {
  if (v === 0) return '0';
  return Number(v.toPrecision(2)).toString();
}

/**
 * @typedef {object} WeightLabels
 * @property {string} [title] the canvas's accessible name
 * @property {string} [legend] the legend's caption ("weight")
 * @property {(unit: number) => string} [unit] the hover readout ("unit 17")
 * @property {string} [empty] shown before any weights
 */

export class WeightImages {
  /**
   * @param {HTMLElement} el an empty container
   * @param {{labels?: WeightLabels, height?: number}} [opts] height: the grid's aimed height (px)
   */
  constructor(el, { labels = {}, height = 320 } = {}) {
    this.el = el;
    this.labels = {
      title: '',
      legend: 'weight',
      unit: (/** @type {number} */ u) => `unit ${u}`,
      empty: '',
      ...labels,
    };
    this.height = height;
    el.classList.add('img-weights');
    el.innerHTML =
      '<div class="img-weights-stage"><canvas class="img-weights-canvas" role="img" tabindex="0"></canvas>' +
      '<span class="img-weights-cursor" hidden></span></div><p class="img-weights-empty"></p>' +
      '<div class="img-weights-legend"><span class="img-weights-caption"></span><span class="img-weights-lo">' +
      '</span><span class="img-weights-ramp"></span><span class="img-weights-hi"></span>' +
      '<output class="img-weights-readout"></output></div>';
    /** @param {string} selector */
    const part = (selector) => /** @type {HTMLElement} */ (el.querySelector(selector));
    this.canvas = /** @type {HTMLCanvasElement} */ (el.querySelector('canvas'));
    if (this.labels.title) this.canvas.setAttribute('aria-label', this.labels.title);
    this.emptyNote = part('.img-weights-empty');
    this.emptyNote.textContent = this.labels.empty;
    this.legend = part('.img-weights-legend');
    this.lo = part('.img-weights-lo');
    this.hi = part('.img-weights-hi');
    this.readout = part('.img-weights-readout');
    this.caption = part('.img-weights-caption');
    this.caption.textContent = this.labels.legend;
    this.scratch = document.createElement('canvas');
    /** @type {{kernel: ArrayLike<number>, units: number, scale: number} | null} */
    this.data = null;
    /** @type {Uint8ClampedArray | null} */
    this.table = null;
    this.width = 0;
    this.geometry = { tile: 0, columns: 1 };
    this.cursor = part('.img-weights-cursor');
    this.focusUnit = 0;
    this.canvas.addEventListener('mousemove', (e) => this.hover(e));
    this.canvas.addEventListener('mouseleave', () => this.point(-1));
    // Keyboard: the focused canvas points at a unit; the arrow keys move it.
    this.canvas.addEventListener('focus', () => this.point(this.focusUnit));
    this.canvas.addEventListener('blur', () => this.point(-1));
    this.canvas.addEventListener('keydown', (e) => this.onKey(e));
    this.observer = new ResizeObserver(([entry]) => {
      const width = Math.floor(entry.contentRect.width);
      if (width !== this.width) {
        this.width = width;
        this.draw();
      }
    });
    this.observer.observe(el);
    this.showEmpty(true);
  }

  /**
   * New strings (a language switch).
   * @param {{labels?: WeightLabels}} strings
   */
  setLabels({ labels = {} }) {
    this.labels = { ...this.labels, ...labels };
    if (this.labels.title) this.canvas.setAttribute('aria-label', this.labels.title);
    this.caption.textContent = this.labels.legend;
    this.emptyNote.textContent = this.labels.empty;
    this.readout.textContent = '';
    this.showEmpty(!this.data);
  }

  /** @param {boolean} empty */
  showEmpty(empty) {
    this.canvas.hidden = empty;
    this.legend.hidden = empty;
    this.emptyNote.hidden = !empty || !this.labels.empty;
  }

  /** The palette's three colours, read from the container's CSS once. */
  colourTable() {
    if (this.table) return this.table;
    const style = getComputedStyle(this.el);
    /** @param {string} name @param {string} fallback @returns {Rgb} */
    const read = (name, fallback) => {
      const rgba = rgbaOf(style.getPropertyValue(name).trim()) ?? rgbaOf(fallback);
      const [r, g, b] = /** @type {number[]} */ (rgba);
      return [r, g, b];
    };
    this.table = divergingTable(
      read('--img-weight-neg', '#2f6fb0'),
      read('--img-weight-zero', '#ffffff'),
      read('--img-weight-pos', '#d1495b'),
    );
    return this.table;
  }

  /**
   * @param {{kernel: ArrayLike<number>, units: number}} data kernel [784 · units], Keras's
   *   [in, units] layout row-major: unit u's weight from pixel p is kernel[p · units + u]
   */
  update({ kernel, units }) {
    if (!Number.isInteger(units) || units < 1 || kernel.length !== SIDE * SIDE * units) {
      throw new RangeError(`kernel: ${kernel.length} weights are not 784 × ${units} units`);
    }
    const scale = symmetricScale(kernel);
    this.data = { kernel, units, scale };
    this.focusUnit = Math.min(this.focusUnit, units - 1);
    this.lo.textContent = scaleText(-scale);
    this.hi.textContent = scaleText(scale);
    this.showEmpty(false);
    this.draw();
  }

  draw() {
    if (!this.data || !this.width) return;
    const { kernel, units, scale } = this.data;
    const tile = tileSize(units, this.width, this.height);
    const columns = columnsFor(this.width, tile, GAP);
    const rows = Math.ceil(units / columns);
    this.geometry = { tile, columns };
    const ratio = window.devicePixelRatio || 1;
    const cssW = Math.min(columns, units) * (tile + GAP) - GAP;
    const cssH = rows * (tile + GAP) - GAP;
    this.canvas.width = Math.round(cssW * ratio);
    this.canvas.height = Math.round(cssH * ratio);
    this.canvas.style.width = `${cssW}px`;
    this.canvas.style.height = `${cssH}px`;
    // Every unit at 28×28 on a sheet, then each tile scaled to whole device pixels.
    this.scratch.width = columns * SIDE;
    this.scratch.height = rows * SIDE;
    const sctx = /** @type {CanvasRenderingContext2D} */ (this.scratch.getContext('2d'));
    const sheet = sctx.createImageData(this.scratch.width, this.scratch.height);
    const table = this.colourTable();
    for (let u = 0; u < units; u += 1) {
      const at = Math.floor(u / columns) * SIDE * this.scratch.width + (u % columns) * SIDE;
      paintUnit(sheet.data, kernel, units, u, scale, table, at, this.scratch.width);
    }
    sctx.putImageData(sheet, 0, 0);
    const ctx = /** @type {CanvasRenderingContext2D} */ (this.canvas.getContext('2d'));
    ctx.imageSmoothingEnabled = tile * ratio < SIDE; // shrinking needs averaging
    const size = Math.round(tile * ratio);
    for (let u = 0; u < units; u += 1) {
      const col = u % columns;
      const row = Math.floor(u / columns);
      const x = Math.round(col * (tile + GAP) * ratio);
      const y = Math.round(row * (tile + GAP) * ratio);
      ctx.drawImage(this.scratch, col * SIDE, row * SIDE, SIDE, SIDE, x, y, size, size);
    }
  }

  /** @param {MouseEvent} event */
  hover(event) {
    if (!this.data) return;
    const box = this.canvas.getBoundingClientRect();
    const { tile, columns } = this.geometry;
    const pitch = tile + GAP;
    const col = Math.floor((event.clientX - box.left) / pitch);
    const row = Math.floor((event.clientY - box.top) / pitch);
    const u = row * columns + col;
    this.point(col >= 0 && col < columns && row >= 0 && u < this.data.units ? u : -1);
  }

  /**
   * Names unit u in the readout and frames its tile (-1: none).
   * @param {number} u
   */
  point(u) {
    const shown = Boolean(this.data) && u >= 0 && u < (this.data?.units ?? 0);
    this.readout.textContent = shown ? this.labels.unit(u) : '';
    this.cursor.hidden = !shown;
    if (!shown) return;
    const { tile, columns } = this.geometry;
    Object.assign(this.cursor.style, {
      left: `${(u % columns) * (tile + GAP) - 2}px`,
      top: `${Math.floor(u / columns) * (tile + GAP) - 2}px`,
      width: `${tile + 4}px`,
      height: `${tile + 4}px`,
    });
  }

  /** @param {KeyboardEvent} event */
  onKey(event) {
    if (!this.data) return;
    const { columns } = this.geometry;
    /** @type {Record<string, number>} */
    const steps = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -columns, ArrowDown: columns };
    const step = steps[event.key];
    if (step === undefined) return;
    event.preventDefault();
    this.focusUnit = Math.max(0, Math.min(this.data.units - 1, this.focusUnit + step));
    this.point(this.focusUnit);
  }

  reset() {
    this.data = null;
    this.point(-1);
    this.showEmpty(true);
  }

  destroy() {
    this.observer.disconnect();
    this.el.classList.remove('img-weights');
    this.el.textContent = '';
  }
}
