// A small line chart on one canvas: any number of series over a shared x (time steps or
// windows), a linear axis or a logarithmic one (powers of ten), an HTML legend whose swatches
// carry each line's colour and dash. constructor(el, opts) / update(data) / reset() / destroy().
import { tenToThe } from '../../kit/readable-numbers.mjs';
import { palette } from '../../views/colors.mjs';

const FONT = '11px system-ui';
const PAD = { left: 44, right: 8, top: 6, bottom: 26 };

/** A tidy tick step for a span shown with about `count` ticks. */
function niceStep(span, count) {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit < 1.5 ? 1 : unit < 3 ? 2 : unit < 7 ? 5 : 10) * power;
}

/**
 * @typedef {{label: string, colour: string, values: ArrayLike<number>, dash?: number[],
 *   width?: number, x0?: number, xStep?: number, dots?: boolean}} Series  values[i] is drawn at
 *   x = x0 + i · xStep (xStep 1 unless given); dots: a dot at every value (a lone value shows)
 */

export class LineChart {
  /**
   * @param {HTMLElement} el an empty container
   * @param {{height?: number, log?: boolean, yRange?: [number, number] | null, xLabel?: string,
   *   onDraw?: (info: object) => void}} [opts]
   */
  constructor(el, { height = 150, log = false, yRange = null, xLabel = '', onDraw = () => {} } = {}) {
    this.el = el;
    this.height = height;
    this.log = log;
    this.yRange = yRange;
    this.xLabel = xLabel;
    this.logX = false;
    this.xFrom = 1;
    /** @type {string[] | null} */
    this.xTicks = null;
    this.onDraw = onDraw;
    el.classList.add('line-chart');
    el.innerHTML = '<div class="line-legend"></div><canvas></canvas>';
    this.legend = /** @type {HTMLElement} */ (el.querySelector('.line-legend'));
    this.canvas = /** @type {HTMLCanvasElement} */ (el.querySelector('canvas'));
    /** @type {Series[]} */
    this.series = [];
    // The width comes from the observer, so drawing never forces a layout (reading clientWidth
    // after the page changed text would, at every frame).
    this.width = 0;
    this.observer = new ResizeObserver((entries) => {
      this.width = Math.floor(entries[entries.length - 1].contentRect.width);
      this.draw();
    });
    this.observer.observe(el);
  }

  /** logX: a logarithmic x axis (counts 1, 10, 100, ...), for series whose points are
   *  spaced by very different steps. xTicks: one label per x position (categories, e.g. the
   *  capacities 1, 2, 4, ... of a sweep), or null for counts. xFrom: the number a linear
   *  count axis shows at x = 0 (1 for counted steps, the default; 0 for a position such as
   *  epochs done).
   *  @param {{series?: Series[], xLabel?: string, logX?: boolean, xTicks?: string[] | null,
   *    xFrom?: number}} data */
  update({ series, xLabel, logX, xTicks, xFrom } = {}) {
    if (xLabel !== undefined) this.xLabel = xLabel;
    if (xTicks !== undefined) this.xTicks = xTicks;
    if (xFrom !== undefined) this.xFrom = xFrom;
    if (logX !== undefined) this.logX = logX;
    if (series) {
      const signature = series.map((s) => `${s.label}|${s.colour}|${s.dash}`).join(';');
      if (signature !== this.signature) {
        this.signature = signature;
        this.legend.replaceChildren(
          ...series.map((s) => {
            const item = document.createElement('span');
            item.className = 'line-legend-item';
            const swatch = document.createElement('span');
            swatch.className = 'line-swatch';
            swatch.style.borderTop = `${Math.max(2, s.width ?? 2)}px ${s.dash ? 'dashed' : 'solid'} ${s.colour}`;
            item.append(swatch, document.createTextNode(s.label));
            return item;
          }),
        );
      }
      this.series = series;
    }
    this.draw();
  }

  reset() {
    this.series = [];
    this.signature = '';
    this.legend.replaceChildren();
    this.draw();
  }

  /** The y span [lo, hi] of the data (log: exponents), padded to whole decades on a log axis. */
  span() {
    if (this.yRange) return this.yRange;
    let lo = Infinity;
    let hi = -Infinity;
    for (const s of this.series) {
      for (let i = 0; i < s.values.length; i += 1) {
        const v = s.values[i];
        if (!Number.isFinite(v) || (this.log && v <= 0)) continue;
        const y = this.log ? Math.log10(v) : v;
        lo = Math.min(lo, y);
        hi = Math.max(hi, y);
      }
    }
    if (!Number.isFinite(lo)) return this.log ? [-3, 0] : [0, 1];
    if (this.log) return [Math.floor(lo), Math.max(Math.ceil(hi), Math.floor(lo) + 1)];
    if (hi - lo < 1e-9) return [lo - 1, hi + 1];
    const pad = (hi - lo) * 0.05;
    return [lo - pad, hi + pad];
  }

  draw() {
    const width = this.width;
    if (width <= 0) return;
    const ratio = window.devicePixelRatio || 1;
    const height = this.height;
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
    const [lo, hi] = this.span();
    const count = Math.max(
      2,
      this.xTicks?.length ?? 0,
      ...this.series.map((s) => (s.x0 ?? 0) + Math.max(0, s.values.length - 1) * (s.xStep ?? 1) + 1),
    );
    const plotW = width - PAD.left - PAD.right;
    const plotH = height - PAD.top - PAD.bottom;
    // x counts from 0 (shown as 1); a log axis places count x at log10(x + 1).
    const xAt = (/** @type {number} */ x) =>
      this.logX
        ? PAD.left + (plotW * Math.log10(x + 1)) / Math.log10(count)
        : PAD.left + (plotW * x) / Math.max(1, count - 1);
    const yAt = (/** @type {number} */ y) => PAD.top + plotH * (1 - (y - lo) / (hi - lo || 1));
    ctx.font = FONT;
    ctx.lineWidth = 1;
    // y ticks: whole decades on a log axis, tidy steps on a linear one.
    const yTicks = [];
    if (this.log) {
      const every = Math.max(1, Math.ceil((hi - lo) / 5));
      for (let e = lo; e <= hi; e += every) yTicks.push([e, tenToThe(e)]);
    } else {
      const step = niceStep(hi - lo, 4);
      for (let y = Math.ceil(lo / step) * step; y <= hi + 1e-9; y += step) {
        yTicks.push([y, String(Number(y.toPrecision(3)))]);
      }
    }
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const [y, label] of yTicks) {
      ctx.strokeStyle = colours.grid;
      ctx.beginPath();
      ctx.moveTo(PAD.left, yAt(y));
      ctx.lineTo(width - PAD.right, yAt(y));
      ctx.stroke();
      ctx.fillStyle = colours.muted;
      ctx.fillText(label, PAD.left - 4, yAt(y));
    }
    // x ticks: whole steps, counted from 1 as a learner counts them.
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    if (this.xTicks) {
      this.xTicks.forEach((label, x) => ctx.fillText(label, xAt(x), height - PAD.bottom + 3));
    } else if (this.logX) {
      for (let shown = 1; shown <= count; shown *= 10)
        ctx.fillText(String(shown), xAt(shown - 1), height - PAD.bottom + 3);
    } else {
      const xStep = Math.max(1, Math.round(niceStep(count, Math.max(2, Math.floor(plotW / 60)))));
      for (let x = 0; x < count; x += xStep)
        ctx.fillText(String(x + this.xFrom), xAt(x), height - PAD.bottom + 3);
    }
    if (this.xLabel) {
      ctx.textAlign = 'right';
      ctx.fillText(this.xLabel, width - PAD.right, height - 12);
    }
    let curves = 0;
    for (const s of this.series) {
      ctx.strokeStyle = s.colour;
      ctx.lineWidth = s.width ?? 2;
      ctx.setLineDash(s.dash ?? []);
      ctx.beginPath();
      let open = false;
      for (let i = 0; i < s.values.length; i += 1) {
        const v = s.values[i];
        if (!Number.isFinite(v) || (this.log && v <= 0)) {
          open = false;
          continue;
        }
        const y = yAt(Math.min(hi, Math.max(lo, this.log ? Math.log10(v) : v)));
        const x = xAt((s.x0 ?? 0) + i * (s.xStep ?? 1));
        if (open) ctx.lineTo(x, y);
        else ctx.moveTo(x, y);
        open = true;
      }
      ctx.stroke();
      ctx.setLineDash([]);
      if (s.dots) {
        ctx.fillStyle = s.colour;
        for (let i = 0; i < s.values.length; i += 1) {
          const v = s.values[i];
          if (!Number.isFinite(v) || (this.log && v <= 0)) continue;
          const y = yAt(Math.min(hi, Math.max(lo, this.log ? Math.log10(v) : v)));
          ctx.beginPath();
          ctx.arc(xAt((s.x0 ?? 0) + i * (s.xStep ?? 1)), y, 3, 0, 2 * Math.PI);
          ctx.fill();
        }
      }
      if (s.values.length > 0) curves += 1;
    }
    this.onDraw({ curves, labels: this.series.map((s) => s.label), yRange: [lo, hi], log: this.log });
  }

  destroy() {
    this.observer.disconnect();
    this.el.innerHTML = '';
  }
}
