// @ts-check
// A 28×28 pad the learner draws on with a mouse, a finger or a pen (pointer events,
// `touch-action: none` in views.css so a stroke never scrolls the page), white on black with the
// soft brush of brush.mjs, shown large (224 px, 168 px on a phone) with every cell crisp. At most
// once per animation frame after the drawing changed, onChange gets the 784 values (0..1, the
// model's input scaled like the data). An empty pad is refused: onChange is not called and the
// pad says why (labels.empty). showPrediction draws the model's ten probabilities as bars, the
// top class highlighted (bold, coloured and marked ▶).
// constructor(el, opts) / update({pixels}) / showPrediction(...) / setLabels({labels}) /
// reset() / destroy().
import { SIDE, centreByMass, inkAmount, paintSegment } from './brush.mjs';

/**
 * @typedef {object} DrawPadLabels
 * @property {string} [clear] the Clear button
 * @property {string} [empty] why there is no prediction ("Draw on the pad to see a prediction.")
 * @property {string} [pad] the pad's accessible name
 * @property {string} [bars] the bars' accessible name
 * @property {(share: number) => string} [percent] a probability as text ("62 %")
 */

/** @type {Required<DrawPadLabels>} */
const DEFAULT_LABELS = {
  clear: 'Clear',
  empty: 'Draw on the pad to see a prediction.',
  pad: 'Drawing pad, 28 × 28 pixels',
  bars: 'Prediction',
  percent: (share) => `${(share * 100).toFixed(share >= 0.995 || share < 0.1 ? 1 : 0)}\u00a0%`,
};

/** Less ink than this (one white pixel is 1) counts as an empty pad. */
export const MIN_INK = 1;

export class DrawPad {
  /**
   * @param {HTMLElement} el an empty container
   * @param {{labels?: DrawPadLabels, onChange?: (pixels: Float32Array) => void,
   *   onClear?: () => void, minInk?: number, centre?: boolean}} [opts] onChange gets a copy of
   *   the 784 values; onClear is called by the Clear button; centre: onChange gets the drawing
   *   moved so its centre of mass is the pad's centre, as MNIST's digits are (the pad still
   *   shows it where it was drawn)
   */
  constructor(
    el,
    { labels = {}, onChange = () => {}, onClear = () => {}, minInk = MIN_INK, centre = false } = {},
  ) {
    this.centre = centre;
    this.el = el;
    this.labels = { ...DEFAULT_LABELS, ...labels };
    this.onChange = onChange;
    this.onClear = onClear;
    this.minInk = minInk;
    this.pixels = new Float32Array(SIDE * SIDE);
    el.classList.add('img-pad');
    el.innerHTML =
      '<div class="img-pad-side"><canvas class="img-pad-canvas"></canvas><div class="img-pad-tools">' +
      '<button type="button" class="img-pad-clear"></button></div>' +
      '<p class="img-pad-note" role="status"></p></div><ol class="img-pad-bars"></ol>';
    /** @param {string} selector */
    const part = (selector) => /** @type {HTMLElement} */ (el.querySelector(selector));
    this.canvas = /** @type {HTMLCanvasElement} */ (el.querySelector('canvas'));
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', this.labels.pad);
    this.clearButton = part('.img-pad-clear');
    this.clearButton.textContent = this.labels.clear;
    this.note = part('.img-pad-note');
    this.bars = part('.img-pad-bars');
    this.bars.setAttribute('aria-label', this.labels.bars);
    this.scratch = document.createElement('canvas');
    this.scratch.width = SIDE;
    this.scratch.height = SIDE;
    /** @type {{x: number, y: number} | null} the stroke's last point (grid units) */
    this.last = null;
    this.pointer = -1;
    this.frame = 0;
    this.changed = false;
    this.size = 0;
    this.bind();
    this.observer = new ResizeObserver(([entry]) => {
      this.size = Math.round(entry.contentRect.width);
      this.draw();
    });
    this.observer.observe(this.canvas);
    this.showNote(true);
  }

  bind() {
    const c = this.canvas;
    c.addEventListener('pointerdown', (e) => {
      if (e.pointerType === 'mouse' && e.button !== 0) return;
      e.preventDefault();
      // Capture keeps a stroke that leaves the pad; a pointer the browser no longer tracks
      // (already lifted) cannot be captured, and the stroke is drawn all the same.
      try {
        c.setPointerCapture(e.pointerId);
      } catch {
        // drawn without capture
      }
      this.pointer = e.pointerId;
      const at = this.toGrid(e);
      this.stroke(at, at);
      this.last = at;
    });
    c.addEventListener('pointermove', (e) => {
      if (e.pointerId !== this.pointer || !this.last) return;
      // The coalesced events are the moves between frames: a fast stroke stays smooth.
      const moves = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [];
      for (const move of moves.length ? moves : [e]) {
        const at = this.toGrid(move);
        this.stroke(this.last, at);
        this.last = at;
      }
    });
    const end = (/** @type {PointerEvent} */ e) => {
      if (e.pointerId !== this.pointer) return;
      this.pointer = -1;
      this.last = null;
    };
    c.addEventListener('pointerup', end);
    c.addEventListener('pointercancel', end);
    this.clearButton.addEventListener('click', () => {
      this.reset();
      this.onClear();
    });
  }

  /**
   * The grid point (x to the right, y down, 0..28) under a pointer event.
   * @param {PointerEvent} e
   */
  toGrid(e) {
    const box = this.canvas.getBoundingClientRect();
    return {
      x: ((e.clientX - box.left) / Math.max(1, box.width)) * SIDE,
      y: ((e.clientY - box.top) / Math.max(1, box.height)) * SIDE,
    };
  }

  /**
   * @param {{x: number, y: number}} a @param {{x: number, y: number}} b
   */
  stroke(a, b) {
    if (paintSegment(this.pixels, a, b)) this.schedule();
  }

  schedule() {
    this.changed = true;
    if (!this.frame) this.frame = requestAnimationFrame(() => this.flush());
  }

  /** Once per frame: redraw, and hand the drawing on unless the pad is empty. */
  flush() {
    this.frame = 0;
    this.draw();
    if (!this.changed) return;
    this.changed = false;
    this.submit();
  }

  /**
   * New strings (a language switch); the bars are redrawn with the next showPrediction.
   * @param {{labels?: DrawPadLabels}} strings
   */
  setLabels({ labels = {} }) {
    this.labels = { ...this.labels, ...labels };
    this.canvas.setAttribute('aria-label', this.labels.pad);
    this.clearButton.textContent = this.labels.clear;
    this.bars.setAttribute('aria-label', this.labels.bars);
    if (this.isEmpty()) this.showNote(true);
  }

  /** Whether the pad holds too little ink to ask the model about. */
  isEmpty() {
    return inkAmount(this.pixels) < this.minInk;
  }

  /**
   * Calls onChange with the drawing unless the pad is empty (then it says why).
   * @returns {boolean} whether onChange was called
   */
  submit() {
    const empty = this.isEmpty();
    this.showNote(empty);
    if (empty) return false;
    this.onChange(this.centre ? centreByMass(this.pixels) : Float32Array.from(this.pixels));
    return true;
  }

  /** @param {boolean} show */
  showNote(show) {
    // The note keeps its room when empty: the page must not shift under a stroke in progress.
    this.note.textContent = show ? this.labels.empty : '';
    if (show) this.bars.textContent = '';
  }

  draw() {
    if (!this.size) return;
    const ratio = window.devicePixelRatio || 1;
    const device = Math.round(this.size * ratio);
    if (this.canvas.width !== device) {
      this.canvas.width = device;
      this.canvas.height = device;
    }
    const sctx = /** @type {CanvasRenderingContext2D} */ (this.scratch.getContext('2d'));
    const image = sctx.createImageData(SIDE, SIDE);
    for (let i = 0; i < this.pixels.length; i += 1) {
      const v = this.pixels[i] * 255;
      image.data.set([v, v, v, 255], i * 4);
    }
    sctx.putImageData(image, 0, 0);
    const ctx = /** @type {CanvasRenderingContext2D} */ (this.canvas.getContext('2d'));
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(this.scratch, 0, 0, device, device);
    // Faint cell lines: the learner sees the 28×28 resolution the model sees.
    ctx.strokeStyle = 'rgba(255, 255, 255, 0.07)';
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let i = 1; i < SIDE; i += 1) {
      const at = Math.round((i * device) / SIDE) + 0.5;
      ctx.moveTo(at, 0);
      ctx.lineTo(at, device);
      ctx.moveTo(0, at);
      ctx.lineTo(device, at);
    }
    ctx.stroke();
  }

  /**
   * Puts an image on the pad (e.g. a test image to edit) and hands it on like a stroke.
   * @param {{pixels: ArrayLike<number>, max?: number}} data pixels [784], 0..max (1 default;
   *   255 for the uint8 data)
   */
  update({ pixels, max = 1 }) {
    for (let i = 0; i < this.pixels.length; i += 1) {
      this.pixels[i] = Math.max(0, Math.min(1, pixels[i] / max));
    }
    this.schedule();
  }

  /**
   * The model's answer for the drawing: one bar per class, the top class highlighted. Ignored
   * while the pad is empty (an answer that arrives after Clear).
   * @param {{classNames: string[], probabilities: ArrayLike<number>}} prediction
   */
  showPrediction({ classNames, probabilities }) {
    if (this.isEmpty()) return;
    let top = 0;
    for (let c = 1; c < probabilities.length; c += 1) if (probabilities[c] > probabilities[top]) top = c;
    const rows = [];
    for (let c = 0; c < probabilities.length; c += 1) {
      const p = Number.isFinite(probabilities[c]) ? Math.max(0, Math.min(1, probabilities[c])) : 0;
      const row = document.createElement('li');
      if (c === top) row.className = 'img-pad-top';
      row.innerHTML =
        '<span class="img-bar-name"></span><span class="img-bar-track"><span class="img-bar-fill">' +
        '</span></span><span class="img-bar-value"></span>';
      const nameEl = /** @type {HTMLElement} */ (row.querySelector('.img-bar-name'));
      nameEl.textContent = `${c === top ? '▶ ' : ''}${classNames[c] ?? c}`;
      nameEl.title = classNames[c] ?? String(c);
      /** @type {HTMLElement} */ (row.querySelector('.img-bar-fill')).style.width = `${p * 100}%`;
      /** @type {HTMLElement} */ (row.querySelector('.img-bar-value')).textContent = this.labels.percent(p);
      rows.push(row);
    }
    this.bars.replaceChildren(...rows);
  }

  /** Clears the pad and the bars; says why there is no prediction. */
  reset() {
    this.pixels.fill(0);
    this.changed = false;
    this.last = null;
    this.showNote(true);
    this.draw();
  }

  destroy() {
    cancelAnimationFrame(this.frame);
    this.observer.disconnect();
    this.el.classList.remove('img-pad');
    this.el.textContent = '';
  }
}
