// MetricsChartView: train and test loss per epoch (left axis) and accuracy when the model
// reports it (right axis, 0..1) with uPlot, plus an early-stopping marker at the best epoch.
// Appending is cheap; the chart itself is redrawn (setData) at most 4 times per second.
import { uPlot } from '../../vendor/vendor.mjs';
import { palette } from './colors.mjs';

const MIN_REDRAW_MS = 250;
const MAX_POINTS = 4000; // beyond this every other epoch is dropped (and later ones thinned)
// colour: the palette() entry (train or test) the series is drawn in.
const SERIES = [
  { key: 'loss', label: 'chart.trainLoss', colour: 'train', scale: 'loss' },
  { key: 'val_loss', label: 'chart.testLoss', colour: 'test', scale: 'loss' },
  { key: 'accuracy', label: 'chart.trainAccuracy', colour: 'train', scale: 'acc', dash: [5, 4] },
  { key: 'val_accuracy', label: 'chart.testAccuracy', colour: 'test', scale: 'acc', dash: [5, 4] },
];

export class MetricsChartView {
  /** el: an empty container; opts: {t(key) -> text, height (CSS px)}. */
  constructor(el, { t, height = 170 } = {}) {
    this.el = el;
    this.t = t;
    this.height = height;
    this.chart = null;
    this.marker = null; // {bestEpoch, restored}
    this.lastDraw = 0;
    this.timer = 0;
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(el);
    this.reset();
  }

  /**
   * data: {epochLogs: [{epoch, logs}] newly finished epochs (appended), earlyStopping:
   * {bestEpoch, restored} | null}. Redraws at most every 250 ms.
   */
  update({ epochLogs = [], earlyStopping } = {}) {
    let changed = false;
    for (const { epoch, logs } of epochLogs) {
      if (epoch <= this.lastEpoch || epoch % this.keepEvery !== 0) continue;
      this.lastEpoch = epoch;
      this.columns[0].push(epoch);
      this.keys.forEach((key, i) => this.columns[i + 1].push(finite(logs[key])));
      if (!this.hasAccuracy && 'accuracy' in logs) this.hasAccuracy = true;
      changed = true;
    }
    if (this.columns[0].length > MAX_POINTS) this.thin();
    if (earlyStopping !== undefined) {
      const next = earlyStopping
        ? { bestEpoch: earlyStopping.bestEpoch, restored: earlyStopping.restored }
        : null;
      if (JSON.stringify(next) !== JSON.stringify(this.marker)) {
        this.marker = next;
        changed = true;
      }
    }
    if (changed) this.schedule();
  }

  /** Keeps every other point and from now on only every (2 × keepEvery)-th epoch. */
  thin() {
    this.keepEvery *= 2;
    this.columns = this.columns.map((column) => column.filter((_, i) => i % 2 === 1));
  }

  schedule() {
    if (this.timer) return;
    const wait = Math.max(0, MIN_REDRAW_MS - (performance.now() - this.lastDraw));
    this.timer = setTimeout(() => {
      this.timer = 0;
      requestAnimationFrame(() => this.draw());
    }, wait);
  }

  draw() {
    this.lastDraw = performance.now();
    const wanted = this.hasAccuracy ? 4 : 2;
    if (!this.chart || this.chart.series.length - 1 !== wanted) this.create(wanted);
    const data = [this.columns[0], ...this.columns.slice(1, wanted + 1)];
    this.chart.setData(data);
  }

  create(seriesCount) {
    this.chart?.destroy();
    const t = this.t;
    const marker = () => this.marker;
    const colours = palette();
    const markerPlugin = {
      hooks: {
        draw: (u) => {
          const m = marker();
          if (!m || !Number.isFinite(m.bestEpoch)) return;
          const x = u.valToPos(m.bestEpoch, 'x', true);
          if (!(x >= u.bbox.left && x <= u.bbox.left + u.bbox.width)) return;
          const { ctx } = u;
          const dpr = uPlot.pxRatio;
          ctx.save();
          ctx.strokeStyle = colours.labelInk;
          ctx.setLineDash([4 * dpr, 3 * dpr]);
          ctx.lineWidth = dpr;
          ctx.beginPath();
          ctx.moveTo(x, u.bbox.top);
          ctx.lineTo(x, u.bbox.top + u.bbox.height);
          ctx.stroke();
          const text = t(m.restored ? 'chart.bestRestored' : 'chart.best').replace('{n}', m.bestEpoch);
          ctx.font = `${11 * dpr}px system-ui, sans-serif`;
          ctx.fillStyle = colours.labelInk;
          const width = ctx.measureText(text).width;
          const left = x + width + 6 * dpr > u.bbox.left + u.bbox.width ? x - width - 4 * dpr : x + 4 * dpr;
          ctx.fillText(text, left, u.bbox.top + 12 * dpr);
          ctx.restore();
        },
      },
    };
    const series = [
      { label: t('chart.epoch') },
      ...SERIES.slice(0, seriesCount).map((s) => ({
        label: t(s.label),
        stroke: colours[s.colour],
        width: 1.5,
        scale: s.scale,
        dash: s.dash,
        points: { show: false },
        value: (u, v) => (v === null || v === undefined ? '–' : v.toFixed(3)),
      })),
    ];
    const axes = [
      {
        label: t('chart.epoch'),
        size: 34,
        labelSize: 14,
        font: '11px system-ui',
        labelFont: '11px system-ui',
      },
      {
        scale: 'loss',
        label: t('chart.loss'),
        size: 44,
        labelSize: 14,
        font: '11px system-ui',
        labelFont: '11px system-ui',
      },
    ];
    if (seriesCount > 2) {
      axes.push({
        scale: 'acc',
        side: 1,
        label: t('chart.accuracy'),
        size: 40,
        labelSize: 14,
        grid: { show: false },
        font: '11px system-ui',
        labelFont: '11px system-ui',
      });
    }
    this.chart = new uPlot(
      {
        width: Math.max(160, this.el.clientWidth),
        height: this.height,
        series,
        axes,
        scales: {
          x: { time: false },
          loss: { range: (u, lo, hi) => [0, hi > 0 ? hi * 1.05 : 1] },
          acc: { range: [0, 1] },
        },
        legend: { live: false },
        cursor: { drag: { x: false, y: false } },
        plugins: [markerPlugin],
      },
      [[], ...Array.from({ length: seriesCount }, () => [])],
      this.el,
    );
  }

  resize() {
    if (this.chart && this.el.clientWidth > 0)
      this.chart.setSize({ width: this.el.clientWidth, height: this.height });
  }

  /**
   * Forgets every point (a new model or data). accuracy: the model reports accuracy, so the
   * chart is built with its axis now rather than rebuilt when the first epoch arrives.
   */
  reset({ accuracy = false } = {}) {
    this.keys = SERIES.map((s) => s.key);
    this.columns = [[], ...this.keys.map(() => [])];
    this.lastEpoch = -1;
    this.keepEvery = 1;
    this.hasAccuracy = accuracy;
    this.marker = null;
    this.schedule();
  }

  /** New strings (language change): rebuilds the chart with the same data. */
  setStrings(t) {
    this.t = t;
    this.chart?.destroy();
    this.chart = null;
    this.schedule();
  }

  destroy() {
    clearTimeout(this.timer);
    this.resizeObserver.disconnect();
    this.chart?.destroy();
  }
}

function finite(v) {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
