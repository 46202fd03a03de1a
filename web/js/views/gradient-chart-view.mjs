// GradientChartView: gradient norms of two towers on log scales, on two canvases: per layer
// (layer 1..depth on x, ‖dL/dW‖ on a log y; one line with dots per tower) and the history of the
// first layer's norm over training time. Canvas only, redrawn on update; no DOM rebuilt.
// update({towers: [{color, norms: [n_1..n_depth]}], time}) appends one history sample.
// Captions and axis names come from setLabels({byLayer, history, layer, time}).
import { palette } from './colors.mjs';

const PAD = { left: 46, right: 10, top: 10, bottom: 24 };
const MAX_HISTORY = 400;

export class GradientChartView {
  /** el: a container; the view adds two canvases (layers, history) into it. */
  constructor(el) {
    this.el = el;
    this.labels = { layer: 'layer', time: 'epoch', byLayer: '', history: '' };
    this.layers = makeCanvas(el, 'gradient-layers');
    this.history = makeCanvas(el, 'gradient-history');
    this.data = null;
    this.samples = []; // [{time, values: [first-layer norm per tower]}]
    this.observer = new ResizeObserver(() => this.draw());
    this.observer.observe(el);
  }

  /** New axis labels (language change). */
  setLabels(labels) {
    Object.assign(this.labels, labels);
    this.layers.caption.textContent = this.labels.byLayer;
    this.history.caption.textContent = this.labels.history;
    this.draw();
  }

  update(data) {
    this.data = data;
    if (Number.isFinite(data.time)) {
      const last = this.samples[this.samples.length - 1];
      if (last && data.time < last.time) this.samples = []; // training restarted
      this.samples.push({ time: data.time, values: data.towers.map((t) => t.norms[0]) });
      if (this.samples.length > MAX_HISTORY) this.samples = this.samples.filter((_, i) => i % 2 === 0);
    }
    this.draw();
  }

  reset() {
    this.data = null;
    this.samples = [];
    this.draw();
  }

  draw() {
    const layers = prepare(this.layers);
    const history = prepare(this.history);
    if (!this.data) return;
    const { towers } = this.data;
    const depth = Math.max(...towers.map((t) => t.norms.length));
    const all = towers.flatMap((t) => t.norms).concat(this.samples.flatMap((s) => s.values));
    const range = logRange(all);
    plotAxes(layers, range, [1, depth], this.labels.layer, (v) => String(v), 1);
    towers.forEach((tower) => {
      plotLine(
        layers,
        range,
        [1, depth],
        tower.norms.map((n, i) => [i + 1, n]),
        tower.color,
        true,
      );
    });
    if (this.samples.length === 0) return;
    const t0 = this.samples[0].time;
    const t1 = Math.max(this.samples[this.samples.length - 1].time, t0 + 1e-9);
    plotAxes(history, range, [t0, t1], this.labels.time, (v) => String(v), 0);
    towers.forEach((tower, k) => {
      plotLine(
        history,
        range,
        [t0, t1],
        this.samples.map((s) => [s.time, s.values[k]]),
        tower.color,
        false,
      );
    });
  }
}

/** <figure class=className><figcaption/><canvas/></figure> appended to parent. */
function makeCanvas(parent, className) {
  const figure = document.createElement('figure');
  figure.className = className;
  const caption = document.createElement('figcaption');
  const canvas = document.createElement('canvas');
  figure.append(caption, canvas);
  parent.append(figure);
  return { canvas, caption, ctx: canvas.getContext('2d') };
}

/** Sizes the canvas to its CSS box, clears it; returns {ctx, width, height}. */
function prepare(target) {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.max(160, Math.round(target.canvas.clientWidth || 400));
  const height = Math.max(100, Math.round(target.canvas.clientHeight || 180));
  if (target.canvas.width !== Math.round(width * ratio)) target.canvas.width = Math.round(width * ratio);
  if (target.canvas.height !== Math.round(height * ratio)) target.canvas.height = Math.round(height * ratio);
  const { ctx } = target;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.fillStyle = palette().paper;
  ctx.fillRect(0, 0, width, height);
  Object.assign(target, { width, height });
  return target;
}

/** [lo, hi] in decades (log10) covering the finite positive values, at least 2 decades. */
function logRange(values) {
  const logs = values.filter((v) => v > 0 && Number.isFinite(v)).map(Math.log10);
  if (logs.length === 0) return [-3, 0];
  let lo = Math.floor(Math.min(...logs));
  let hi = Math.ceil(Math.max(...logs));
  if (hi - lo < 2) hi = lo + 2;
  return [lo, hi];
}

function scales(target, [lo, hi], [x0, x1]) {
  const w = target.width - PAD.left - PAD.right;
  const h = target.height - PAD.top - PAD.bottom;
  return {
    px: (x) => PAD.left + (x1 === x0 ? w / 2 : ((x - x0) / (x1 - x0)) * w),
    py: (v) => PAD.top + ((hi - Math.log10(Math.max(v, 10 ** lo))) / (hi - lo)) * h,
  };
}

/**
 * Integer ticks for [x0, x1] at a round step (1, 2 or 5 × 10^k) giving at most `count` of them:
 * "0 250 500 750 1000", never "0 501 1001" or "0.0 0.0 0.0".
 * @param {number} x0 @param {number} x1 @param {number} [count]
 * @returns {number[]}
 */
export function niceTicks(x0, x1, count = 5) {
  const span = x1 - x0;
  if (!(span >= 1)) return [Math.round(x0)];
  const raw = span / Math.max(1, count - 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power);
  const ticks = [];
  for (let x = Math.ceil(x0 / step) * step; x <= x1 + 1e-9; x += step) ticks.push(Math.round(x));
  return ticks;
}

function plotAxes(target, range, xRange, xLabel, format, integerTicks) {
  const { ctx, width, height } = target;
  const { px, py } = scales(target, range, xRange);
  ctx.font = '11px system-ui, sans-serif';
  ctx.lineWidth = 1;
  const { grid, muted } = palette();
  const every = Math.max(1, Math.ceil((range[1] - range[0]) / 6));
  for (let d = range[0]; d <= range[1]; d += every) {
    ctx.strokeStyle = grid;
    ctx.beginPath();
    ctx.moveTo(PAD.left, py(10 ** d));
    ctx.lineTo(width - PAD.right, py(10 ** d));
    ctx.stroke();
    ctx.fillStyle = muted;
    ctx.fillText(`1e${d}`, 4, py(10 ** d) + 4);
  }
  const [x0, x1] = xRange;
  const ticks = integerTicks ? Array.from({ length: x1 - x0 + 1 }, (_, i) => x0 + i) : niceTicks(x0, x1);
  ticks.forEach((x, i) => {
    const label = format(x);
    const w = ctx.measureText(label).width;
    const left = i === ticks.length - 1 ? px(x) - w : i === 0 ? px(x) : px(x) - w / 2;
    ctx.fillText(label, Math.min(left, width - PAD.right - w), height - 8);
  });
  ctx.fillText(xLabel, width - PAD.right - ctx.measureText(xLabel).width, height - 8 - 12);
}

function plotLine(target, range, xRange, points, color, dots) {
  const { ctx } = target;
  const { px, py } = scales(target, range, xRange);
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 2;
  ctx.beginPath();
  points.forEach(([x, v], i) => {
    if (i) ctx.lineTo(px(x), py(v));
    else ctx.moveTo(px(x), py(v));
  });
  ctx.stroke();
  if (!dots) return;
  for (const [x, v] of points) {
    ctx.beginPath();
    ctx.arc(px(x), py(v), 3.5, 0, 2 * Math.PI);
    ctx.fill();
  }
}
