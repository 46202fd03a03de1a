// Heat maps over time × rows (units, or the input's features) of one probed sample: x, h, c and
// each gate, drawn on a fixed pool of canvases (one per map, never more than `slots`). Colour
// follows each probe's range: 0..1 (sigmoid gates) from paper to blue, symmetric ranges (tanh:
// h, g, the candidate; c by its largest |value|) orange -> grey -> blue. Hover shows step, row
// and value; a click picks a unit (onUnit). Marked steps (the adding problem's markers, the
// symbols to copy) get a tick above every map. constructor / update / destroy.
import { cssRgb, divergingIndex, divergingTable, palette } from '../../views/colors.mjs';

const MARK_BAND = 7; // CSS px above the cells for the marked steps
const MAX_HEIGHT = 150; // CSS px of the cells of one map

/**
 * @typedef {{key: string, label: string, values: ArrayLike<number>, steps: number, rows: number,
 *   range: [number, number], rowLabel: string}} StateMap  values[t * rows + r]
 */

/** @type {Uint8ClampedArray | null} 256 RGB entries from paper (0) to the gate blue (1) */
let sequential = null;

/** The sequential scale of the 0..1 maps, made once from the palette. */
function sequentialTable() {
  if (sequential) return sequential;
  const [r, g, b] = palette().gateOne;
  sequential = new Uint8ClampedArray(256 * 3);
  for (let i = 0; i < 256; i += 1) {
    const t = i / 255;
    sequential.set([255 + (r - 255) * t, 255 + (g - 255) * t, 255 + (b - 255) * t], i * 3);
  }
  return sequential;
}

/**
 * The colour table and the entry (× 3) of value v on a map of range [lo, hi]: sequential for
 * [0, hi], diverging around 0 otherwise.
 * @param {number} v @param {[number, number]} range
 * @returns {[Uint8ClampedArray, number]}
 */
function colourEntry(v, [lo, hi]) {
  if (lo === 0) {
    const t = v / hi;
    return [sequentialTable(), (t > 0 ? (t >= 1 ? 255 : (t * 255) | 0) : 0) * 3];
  }
  return [divergingTable(), divergingIndex(v / hi) * 3];
}

/**
 * The colour of value v on a map of range [lo, hi] as [r, g, b].
 * @param {number} v @param {[number, number]} range
 */
export function mapColour(v, range) {
  const [table, at] = colourEntry(v, range);
  return [table[at], table[at + 1], table[at + 2]];
}

export class StateMaps {
  /**
   * @param {HTMLElement} el an empty container
   * @param {{slots?: number, onUnit?: (unit: number) => void,
   *   hoverText?: (step: number, row: number, value: number, map: StateMap) => string}} [opts]
   */
  constructor(el, { slots = 7, onUnit = () => {}, hoverText = (s, r, v) => `${s} ${r} ${v}` } = {}) {
    this.el = el;
    this.onUnit = onUnit;
    this.hoverText = hoverText;
    /** @type {StateMap[]} */
    this.maps = [];
    /** @type {number[]} */
    this.marks = [];
    this.selected = -1;
    this.scratch = document.createElement('canvas'); // steps × rows, scaled up when drawn
    this.figures = Array.from({ length: slots }, (_, i) => {
      const figure = document.createElement('figure');
      figure.className = 'state-map';
      figure.hidden = true;
      figure.innerHTML =
        '<figcaption><span class="state-map-swatch"></span><span class="state-map-label"></span></figcaption><canvas></canvas><output class="state-map-tip" hidden></output>';
      const canvas = /** @type {HTMLCanvasElement} */ (figure.querySelector('canvas'));
      canvas.dataset.map = String(i);
      const tip = /** @type {HTMLOutputElement} */ (figure.querySelector('output'));
      const cell = (/** @type {MouseEvent} */ e) => this.cellAt(i, e);
      canvas.addEventListener('mousemove', (e) => this.hover(i, cell(e), tip));
      canvas.addEventListener('mouseleave', () => {
        tip.hidden = true;
      });
      canvas.addEventListener('click', (e) => {
        const at = cell(e);
        this.hover(i, at, tip);
        if (at && this.maps[i]?.key !== 'x') this.onUnit(at.row);
      });
      el.append(figure);
      return {
        figure,
        canvas,
        tip,
        label: figure.querySelector('.state-map-label'),
        swatch: figure.querySelector('.state-map-swatch'),
        width: 0,
      };
    });
    // Widths come from the observer, so drawing never forces a layout.
    this.observer = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const slot = this.figures.find((f) => f.figure === entry.target);
        if (slot) slot.width = Math.floor(entry.contentRect.width);
      }
      this.draw();
    });
    for (const slot of this.figures) this.observer.observe(slot.figure);
  }
  /** @param {{maps: StateMap[], marks?: number[], selected?: number}} data */
  update({ maps, marks = [], selected = this.selected }) {
    this.maps = maps.slice(0, this.figures.length);
    this.marks = marks;
    this.selected = selected;
    this.draw();
  }

  /** The {step, row} under a mouse event on map i, or null. */
  cellAt(i, /** @type {MouseEvent} */ event) {
    const map = this.maps[i];
    if (!map) return null;
    const box = this.figures[i].canvas.getBoundingClientRect();
    const y = event.clientY - box.top - MARK_BAND;
    const cellsHeight = box.height - MARK_BAND;
    if (y < 0 || cellsHeight <= 0) return null;
    const step = Math.floor(((event.clientX - box.left) / box.width) * map.steps);
    const row = Math.floor((y / cellsHeight) * map.rows);
    if (step < 0 || step >= map.steps || row < 0 || row >= map.rows) return null;
    return { step, row };
  }

  hover(i, at, /** @type {HTMLOutputElement} */ tip) {
    const map = this.maps[i];
    if (!map || !at) {
      tip.hidden = true;
      return;
    }
    tip.textContent = this.hoverText(at.step + 1, at.row, map.values[at.step * map.rows + at.row], map);
    tip.hidden = false;
  }

  draw() {
    const ratio = window.devicePixelRatio || 1;
    const colours = palette();
    this.figures.forEach((slot, i) => {
      const map = this.maps[i];
      slot.figure.hidden = !map;
      if (!map) return;
      slot.label.textContent = map.label;
      const [lo, hi] = map.range;
      const stops = lo === 0 ? [0, 1] : [-1, 0, 1];
      slot.swatch.style.background = `linear-gradient(to right, ${stops
        .map((t) => cssRgb(mapColour(lo === 0 ? t * hi : t * hi, map.range)))
        .join(', ')})`;
      const rowPx = Math.max(2, Math.min(12, Math.floor(MAX_HEIGHT / map.rows)));
      const cssW = slot.width;
      if (cssW <= 0) return; // drawn when the observer gives its width
      const cssH = MARK_BAND + rowPx * map.rows;
      const canvas = slot.canvas;
      if (canvas.width !== Math.round(cssW * ratio) || canvas.height !== Math.round(cssH * ratio)) {
        canvas.width = Math.round(cssW * ratio);
        canvas.height = Math.round(cssH * ratio);
        canvas.style.width = `${cssW}px`;
        canvas.style.height = `${cssH}px`;
      }
      // The cells at one pixel each, then scaled up without smoothing.
      this.scratch.width = map.steps;
      this.scratch.height = map.rows;
      const sctx = /** @type {CanvasRenderingContext2D} */ (this.scratch.getContext('2d'));
      const image = sctx.createImageData(map.steps, map.rows);
      for (let t = 0; t < map.steps; t += 1) {
        for (let r = 0; r < map.rows; r += 1) {
          const [table, entry] = colourEntry(map.values[t * map.rows + r], map.range);
          const at = (r * map.steps + t) * 4;
          image.data[at] = table[entry];
          image.data[at + 1] = table[entry + 1];
          image.data[at + 2] = table[entry + 2];
          image.data[at + 3] = 255;
        }
      }
      sctx.putImageData(image, 0, 0);
      const ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, cssW, cssH);
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(this.scratch, 0, MARK_BAND, cssW, cssH - MARK_BAND);
      const stepW = cssW / map.steps;
      ctx.fillStyle = colours.ink;
      for (const t of this.marks) {
        ctx.beginPath();
        ctx.moveTo(stepW * (t + 0.5) - 4, 0);
        ctx.lineTo(stepW * (t + 0.5) + 4, 0);
        ctx.lineTo(stepW * (t + 0.5), MARK_BAND - 1);
        ctx.fill();
      }
      if (map.key !== 'x' && this.selected >= 0 && this.selected < map.rows) {
        ctx.strokeStyle = colours.ink;
        ctx.lineWidth = 1.5;
        ctx.strokeRect(0.75, MARK_BAND + this.selected * rowPx, cssW - 1.5, rowPx);
      }
    });
  }

  destroy() {
    this.observer.disconnect();
    this.el.innerHTML = '';
  }
}
