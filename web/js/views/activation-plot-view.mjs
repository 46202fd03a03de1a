// ActivationPlotView: curves y(x) on shared axes (an activation and its derivative) on a canvas,
// x over the samples' range, y fitted to the curves (at least [−1.2, 1.2]) with gridlines at
// "nice" steps. update({xs, series: [{values, color, dash?}]}) with Float64Arrays of one length.
// Knows nothing about activations: the lab samples them.
import { palette } from './colors.mjs';

const PAD = { left: 34, right: 10, top: 10, bottom: 22 };

export class ActivationPlotView {
  constructor(el) {
    this.canvas = el;
    this.ctx = el.getContext('2d');
    this.data = null;
    this.resize();
    this.observer = new ResizeObserver(() => {
      if (this.resize()) this.draw();
    });
    this.observer.observe(el);
  }

  update(data) {
    this.data = data;
    this.draw();
  }

  reset() {
    this.data = null;
    this.draw();
  }

  resize() {
    const ratio = window.devicePixelRatio || 1;
    const width = Math.max(160, Math.round(this.canvas.clientWidth || 480));
    const height = Math.max(120, Math.round(this.canvas.clientHeight || width * 0.6));
    if (this.width === width && this.height === height && this.ratio === ratio) return false;
    Object.assign(this, { width, height, ratio });
    this.canvas.width = Math.round(width * ratio);
    this.canvas.height = Math.round(height * ratio);
    return true;
  }

  draw() {
    const { ctx, width, height } = this;
    ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    ctx.fillStyle = palette().paper;
    ctx.fillRect(0, 0, width, height);
    if (!this.data) return;
    const { xs, series } = this.data;
    let lo = -1.2;
    let hi = 1.2;
    for (const s of series)
      for (const v of s.values)
        if (Number.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
    const span = hi - lo;
    lo -= 0.05 * span;
    hi += 0.05 * span;
    const [x0, x1] = [xs[0], xs[xs.length - 1]];
    const plotW = width - PAD.left - PAD.right;
    const plotH = height - PAD.top - PAD.bottom;
    const px = (x) => PAD.left + ((x - x0) / (x1 - x0)) * plotW;
    const py = (y) => PAD.top + ((hi - y) / (hi - lo)) * plotH;
    this.drawAxes(px, py, [x0, x1], [lo, hi]);
    ctx.save();
    ctx.beginPath();
    ctx.rect(PAD.left, PAD.top, plotW, plotH);
    ctx.clip();
    for (const s of series) {
      ctx.strokeStyle = s.color;
      ctx.lineWidth = s.width ?? 2.5;
      ctx.setLineDash(s.dash ?? []);
      ctx.beginPath();
      for (let i = 0; i < xs.length; i += 1) {
        const [x, y] = [px(xs[i]), py(s.values[i])];
        // A jump (step, kinked derivatives) is drawn as a vertical segment, not a slant.
        if (i && Math.abs(s.values[i] - s.values[i - 1]) > 0.25 * (hi - lo))
          ctx.lineTo(x, py(s.values[i - 1]));
        if (i) ctx.lineTo(x, y);
        else ctx.moveTo(x, y);
      }
      ctx.stroke();
    }
    ctx.restore();
  }

  drawAxes(px, py, [x0, x1], [lo, hi]) {
    const { ctx } = this;
    ctx.font = '11px system-ui, sans-serif';
    const { muted, axis, grid } = palette();
    ctx.fillStyle = muted;
    ctx.lineWidth = 1;
    ctx.setLineDash([]);
    for (let x = Math.ceil(x0); x <= x1; x += 2) {
      ctx.strokeStyle = x === 0 ? axis : grid;
      ctx.beginPath();
      ctx.moveTo(px(x), PAD.top);
      ctx.lineTo(px(x), this.height - PAD.bottom);
      ctx.stroke();
      ctx.fillText(String(x), px(x) - 4, this.height - 6);
    }
    const step = niceStep((hi - lo) / 5);
    for (let y = Math.ceil(lo / step) * step; y <= hi; y += step) {
      const v = Math.round(y / step) * step;
      ctx.strokeStyle = Math.abs(v) < step / 2 ? axis : grid;
      ctx.beginPath();
      ctx.moveTo(PAD.left, py(v));
      ctx.lineTo(this.width - PAD.right, py(v));
      ctx.stroke();
      ctx.fillText(String(Number(v.toFixed(2))), 2, py(v) + 4);
    }
  }
}

/** 1, 2 or 5 times a power of ten, at least `raw`. */
function niceStep(raw) {
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}
