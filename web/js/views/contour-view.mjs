// A filled contour plot of a function sampled on a grid, with isolines, the minimum marked,
// trajectories drawn over it and a start point the learner drags (pointer, touch, or the arrow
// keys when the plot has focus). constructor(el, opts) / update(data) / reset() / destroy().
// The grid and the paths are the caller's numbers; the view only draws them.
import { bandOf, contourLevels, finiteRange, isolineSegments } from './contour-lines.mjs';
import { palette } from './colors.mjs';

const FONT = '11px system-ui';
const PAD = { left: 40, right: 10, top: 8, bottom: 30 };
const BANDS = 18;
// The fill runs from a cool grey (low) to paper (high), so coloured paths stand out everywhere.
const LOW = [150, 168, 190];
const HIGH = [250, 248, 242];
const HANDLE_HIT = 22; // px: a finger-sized grab radius around the start point

/**
 * @typedef {{colour: string, points: Float32Array, stopped?: boolean, label?: string}} ContourPath
 *   points: rows [x, y, f]; stopped: the path ended early (a cross marks its last point)
 * @typedef {{grid?: Float32Array | null, resolution?: number, xRange?: [number, number],
 *   yRange?: [number, number], minimum?: [number, number] | null, paths?: ContourPath[],
 *   start?: [number, number] | null, highlight?: number | null, xLabel?: string,
 *   yLabel?: string, log?: boolean}} ContourData
 */

/** A tidy tick step for a span shown with about `count` ticks. */
function niceStep(span, count) {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit < 1.5 ? 1 : unit < 3 ? 2 : unit < 7 ? 5 : 10) * power;
}

export class ContourView {
  /**
   * @param {HTMLElement} el an empty container
   * @param {{onStart?: (point: [number, number], done: boolean) => void, label?: string,
   *   maxHeight?: number}} [opts] onStart: the learner moved the start point (done: released)
   */
  constructor(el, { onStart = () => {}, label = '', maxHeight = 460 } = {}) {
    this.el = el;
    this.onStart = onStart;
    this.maxHeight = maxHeight;
    el.classList.add('contour-view');
    this.canvas = document.createElement('canvas');
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute('role', 'img');
    if (label) this.canvas.setAttribute('aria-label', label);
    this.canvas.style.touchAction = 'none';
    this.canvas.style.display = 'block';
    el.append(this.canvas);
    /** @type {ContourData} */
    this.data = { paths: [] };
    this.width = 0;
    this.dragging = false;
    this.fillCache = { grid: null, w: 0, h: 0, image: /** @type {HTMLCanvasElement | null} */ (null) };
    this.lineCache = { grid: null, segments: /** @type {number[][]} */ ([]) };
    this.observer = new ResizeObserver((entries) => {
      this.width = Math.floor(entries[entries.length - 1].contentRect.width);
      this.draw();
    });
    this.observer.observe(el);
    this.listen();
  }

  /** @param {ContourData} data merged into what the view shows */
  update(data) {
    this.data = { ...this.data, ...data };
    this.draw();
  }

  reset() {
    this.data = { paths: [] };
    this.draw();
  }

  destroy() {
    this.observer.disconnect();
    this.unlisten?.();
    this.el.replaceChildren();
  }

  get height() {
    return Math.round(Math.min(this.maxHeight, Math.max(200, this.width * 0.72)));
  }

  /** Plot geometry: data -> pixel maps and back. */
  frame() {
    const [x0, x1] = this.data.xRange ?? [-1, 1];
    const [y0, y1] = this.data.yRange ?? [-1, 1];
    const w = this.width - PAD.left - PAD.right;
    const h = this.height - PAD.top - PAD.bottom;
    return {
      w,
      h,
      px: (/** @type {number} */ x) => PAD.left + ((x - x0) / (x1 - x0)) * w,
      py: (/** @type {number} */ y) => PAD.top + (1 - (y - y0) / (y1 - y0)) * h,
      dx: (/** @type {number} */ px) => x0 + ((px - PAD.left) / w) * (x1 - x0),
      dy: (/** @type {number} */ py) => y0 + (1 - (py - PAD.top) / h) * (y1 - y0),
      x0,
      x1,
      y0,
      y1,
    };
  }

  listen() {
    const c = this.canvas;
    const local = (/** @type {PointerEvent} */ e) => {
      const box = c.getBoundingClientRect();
      return [e.clientX - box.left, e.clientY - box.top];
    };
    const move = (/** @type {PointerEvent} */ e, done = false) => {
      const f = this.frame();
      const [px, py] = local(e);
      const x = Math.min(f.x1, Math.max(f.x0, f.dx(px)));
      const y = Math.min(f.y1, Math.max(f.y0, f.dy(py)));
      this.onStart([x, y], done);
    };
    const down = (/** @type {PointerEvent} */ e) => {
      if (!this.data.start || e.button > 0) return;
      this.dragging = true;
      c.setPointerCapture?.(e.pointerId);
      e.preventDefault();
      c.focus({ preventScroll: true });
      // A press anywhere on the plot moves the start there (and a drag goes on from it).
      move(e);
    };
    const drag = (/** @type {PointerEvent} */ e) => {
      if (this.dragging) move(e);
      else c.style.cursor = this.nearHandle(local(e)) ? 'grab' : 'crosshair';
    };
    const up = (/** @type {PointerEvent} */ e) => {
      if (!this.dragging) return;
      this.dragging = false;
      move(e, true);
    };
    const key = (/** @type {KeyboardEvent} */ e) => {
      const steps = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
      const step = steps[/** @type {keyof typeof steps} */ (e.key)];
      if (!step || !this.data.start) return;
      e.preventDefault();
      const f = this.frame();
      const share = e.shiftKey ? 1 / 8 : 1 / 40;
      const x = Math.min(f.x1, Math.max(f.x0, this.data.start[0] + step[0] * share * (f.x1 - f.x0)));
      const y = Math.min(f.y1, Math.max(f.y0, this.data.start[1] + step[1] * share * (f.y1 - f.y0)));
      this.onStart([x, y], true);
    };
    c.addEventListener('pointerdown', down);
    c.addEventListener('pointermove', drag);
    c.addEventListener('pointerup', up);
    c.addEventListener('pointercancel', up);
    c.addEventListener('keydown', key);
    this.unlisten = () => {
      c.removeEventListener('pointerdown', down);
      c.removeEventListener('pointermove', drag);
      c.removeEventListener('pointerup', up);
      c.removeEventListener('pointercancel', up);
      c.removeEventListener('keydown', key);
    };
  }

  /** Whether pixel [px, py] is within grabbing distance of the start point. */
  nearHandle([px, py]) {
    const s = this.data.start;
    if (!s) return false;
    const f = this.frame();
    return Math.hypot(f.px(s[0]) - px, f.py(s[1]) - py) <= HANDLE_HIT;
  }

  /** The grid's levels: logarithmic above the minimum unless values go below zero, over
   *  enough decades that the lowest band sits about 0.01 above the minimum (Beale's walls
   *  reach 10⁵, its basin is below 1). */
  levels() {
    const [min, max] = finiteRange(this.data.grid ?? []);
    const log = this.data.log ?? min >= 0;
    const decades = Math.min(8, Math.max(3, Math.log10(max - min) + 2));
    return contourLevels(min, max, BANDS, { log, decades });
  }

  /** The banded fill at the plot's pixel size (cached per grid and size). */
  fillImage(w, h, levels) {
    const { grid, resolution: res = 0 } = this.data;
    const cache = this.fillCache;
    if (cache.grid === grid && cache.w === w && cache.h === h) return cache.image;
    const image = document.createElement('canvas');
    image.width = w;
    image.height = h;
    const ctx = /** @type {CanvasRenderingContext2D} */ (image.getContext('2d'));
    const pixels = ctx.createImageData(w, h);
    const ramp = Array.from({ length: levels.length + 1 }, (_, b) => {
      const t = 1 - b / levels.length;
      return LOW.map((low, c) => Math.round(HIGH[c] + (low - HIGH[c]) * t));
    });
    if (grid && res > 1) {
      for (let py = 0; py < h; py += 1) {
        // Row index of the grid: row 0 is the bottom (y = lo), the canvas's row 0 the top.
        const gi = (1 - (py + 0.5) / h) * (res - 1);
        const i0 = Math.min(res - 2, Math.floor(gi));
        const ti = gi - i0;
        for (let px = 0; px < w; px += 1) {
          const gj = ((px + 0.5) / w) * (res - 1);
          const j0 = Math.min(res - 2, Math.floor(gj));
          const tj = gj - j0;
          const a = grid[i0 * res + j0];
          const b = grid[i0 * res + j0 + 1];
          const c = grid[(i0 + 1) * res + j0];
          const d = grid[(i0 + 1) * res + j0 + 1];
          const v = (a * (1 - tj) + b * tj) * (1 - ti) + (c * (1 - tj) + d * tj) * ti;
          const colour = Number.isFinite(v) ? ramp[bandOf(v, levels)] : HIGH;
          const o = (py * w + px) * 4;
          pixels.data[o] = colour[0];
          pixels.data[o + 1] = colour[1];
          pixels.data[o + 2] = colour[2];
          pixels.data[o + 3] = 255;
        }
      }
    }
    ctx.putImageData(pixels, 0, 0);
    Object.assign(cache, { grid, w, h, image });
    return image;
  }

  /** The isoline segments of every level (cached per grid), in grid index units. */
  isolines(levels) {
    const { grid, resolution: res = 0 } = this.data;
    if (this.lineCache.grid !== grid) {
      this.lineCache = {
        grid,
        segments: grid && res > 1 ? levels.map((level) => isolineSegments(grid, res, level)) : [],
      };
    }
    return this.lineCache.segments;
  }

  draw() {
    const width = this.width;
    if (width <= 0) return;
    const height = this.height;
    const ratio = window.devicePixelRatio || 1;
    if (
      this.canvas.width !== Math.round(width * ratio) ||
      this.canvas.height !== Math.round(height * ratio)
    ) {
      this.canvas.width = Math.round(width * ratio);
      this.canvas.height = Math.round(height * ratio);
      this.canvas.style.width = `${width}px`;
      this.canvas.style.height = `${height}px`;
    }
    const ctx = /** @type {CanvasRenderingContext2D} */ (this.canvas.getContext('2d'));
    const colours = palette();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const f = this.frame();
    if (f.w <= 10 || f.h <= 10) return;
    const { grid, resolution: res = 0 } = this.data;
    const levels = grid ? this.levels() : [];
    if (grid) {
      ctx.drawImage(this.fillImage(Math.round(f.w), Math.round(f.h), levels), PAD.left, PAD.top, f.w, f.h);
      ctx.strokeStyle = 'rgba(60, 70, 85, 0.35)';
      ctx.lineWidth = 0.8;
      ctx.beginPath();
      const gx = (/** @type {number} */ j) => PAD.left + (j / (res - 1)) * f.w;
      const gy = (/** @type {number} */ i) => PAD.top + (1 - i / (res - 1)) * f.h;
      for (const segments of this.isolines(levels)) {
        for (let s = 0; s < segments.length; s += 4) {
          ctx.moveTo(gx(segments[s]), gy(segments[s + 1]));
          ctx.lineTo(gx(segments[s + 2]), gy(segments[s + 3]));
        }
      }
      ctx.stroke();
    }
    this.drawAxes(ctx, f, colours);
    ctx.save();
    ctx.beginPath();
    ctx.rect(PAD.left, PAD.top, f.w, f.h);
    ctx.clip();
    const min = this.data.minimum;
    if (min) this.drawStar(ctx, f.px(min[0]), f.py(min[1]));
    // The first path on top: the page lists the plainest optimizer first, and its short path
    // would otherwise hide under the others.
    for (const path of [...(this.data.paths ?? [])].reverse()) this.drawPath(ctx, f, path);
    ctx.restore();
    const s = this.data.start;
    if (s) {
      ctx.beginPath();
      ctx.arc(f.px(s[0]), f.py(s[1]), 7, 0, Math.PI * 2);
      ctx.fillStyle = '#ffffff';
      ctx.fill();
      ctx.lineWidth = 2.5;
      ctx.strokeStyle = colours.ink;
      ctx.stroke();
    }
  }

  drawAxes(ctx, f, colours) {
    ctx.font = FONT;
    ctx.fillStyle = colours.muted;
    ctx.strokeStyle = colours.axis;
    ctx.lineWidth = 1;
    ctx.strokeRect(PAD.left, PAD.top, f.w, f.h);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    // Ticks as whole multiples of a tidy step (k · step, never a sum that drifts off zero).
    const ticks = (/** @type {number} */ lo, /** @type {number} */ hi, /** @type {number} */ step) => {
      const out = [];
      for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k += 1) out.push(k * step);
      return out;
    };
    const label = (/** @type {number} */ v) => String(Number(v.toPrecision(3)));
    const xs = niceStep(f.x1 - f.x0, Math.max(2, Math.floor(f.w / 70)));
    for (const x of ticks(f.x0, f.x1, xs)) ctx.fillText(label(x), f.px(x), PAD.top + f.h + 3);
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    const ys = niceStep(f.y1 - f.y0, Math.max(2, Math.floor(f.h / 50)));
    for (const y of ticks(f.y0, f.y1, ys)) ctx.fillText(label(y), PAD.left - 4, f.py(y));
    if (this.data.xLabel) {
      ctx.textAlign = 'right';
      ctx.textBaseline = 'bottom';
      ctx.fillText(this.data.xLabel, PAD.left + f.w, this.height - 1);
    }
    if (this.data.yLabel) {
      ctx.textAlign = 'left';
      ctx.textBaseline = 'top';
      ctx.fillText(this.data.yLabel, 2, 0);
    }
  }

  drawStar(ctx, x, y) {
    ctx.beginPath();
    for (let k = 0; k < 10; k += 1) {
      const r = k % 2 === 0 ? 8 : 3.5;
      const a = -Math.PI / 2 + (k * Math.PI) / 5;
      ctx.lineTo(x + r * Math.cos(a), y + r * Math.sin(a));
    }
    ctx.closePath();
    ctx.fillStyle = '#222222';
    ctx.fill();
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 1;
    ctx.stroke();
  }

  /** One trajectory: a line with a pale halo, a cross at an early end, the highlighted step. */
  drawPath(ctx, f, path) {
    const p = path.points;
    const n = Math.floor(p.length / 3);
    if (n === 0) return;
    let last = -1;
    ctx.beginPath();
    for (let k = 0; k < n; k += 1) {
      const x = p[k * 3];
      const y = p[k * 3 + 1];
      if (!Number.isFinite(x) || !Number.isFinite(y)) break;
      // Far outside the view (an escaped or diverging path): clamp so the canvas stays sane.
      const px = Math.max(-1e4, Math.min(1e4, f.px(x)));
      const py = Math.max(-1e4, Math.min(1e4, f.py(y)));
      if (k === 0) ctx.moveTo(px, py);
      else ctx.lineTo(px, py);
      last = k;
    }
    ctx.lineJoin = 'round';
    ctx.strokeStyle = 'rgba(255, 255, 255, 0.7)';
    ctx.lineWidth = 4;
    ctx.stroke();
    ctx.strokeStyle = path.colour;
    ctx.lineWidth = 2;
    ctx.stroke();
    if (last < 0) return;
    const ex = f.px(p[last * 3]);
    const ey = f.py(p[last * 3 + 1]);
    if (path.stopped) {
      ctx.strokeStyle = path.colour;
      ctx.lineWidth = 3;
      ctx.beginPath();
      ctx.moveTo(ex - 6, ey - 6);
      ctx.lineTo(ex + 6, ey + 6);
      ctx.moveTo(ex + 6, ey - 6);
      ctx.lineTo(ex - 6, ey + 6);
      ctx.stroke();
    } else {
      ctx.beginPath();
      ctx.arc(ex, ey, 3, 0, Math.PI * 2);
      ctx.fillStyle = path.colour;
      ctx.fill();
    }
    const k = this.data.highlight;
    if (k !== null && k !== undefined) {
      const row = Math.min(k, last);
      ctx.beginPath();
      ctx.arc(f.px(p[row * 3]), f.py(p[row * 3 + 1]), 6, 0, Math.PI * 2);
      ctx.fillStyle = path.colour;
      ctx.fill();
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 2;
      ctx.stroke();
    }
  }
}
