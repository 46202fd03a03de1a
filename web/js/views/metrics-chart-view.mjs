// MetricsChartView: the loss per epoch and, below it, the accuracy when the model reports it:
// two small uPlot charts on one epoch axis, so the loss keeps its own y axis (linear from 0, or
// logarithmic when the losses span more than LOG_RATIO) and accuracy its 0-100 % axis. With a
// regularizer the loss chart shows the data loss (Keras's `loss` minus `regularization_loss`),
// the penalty and Keras's total apart. The legends are HTML, each swatch drawn in its line's own
// colour and dash. Epochs are counted from 1 (Keras's "Epoch 1/…"); ticks are whole epochs.
// Appending is cheap; the charts are redrawn (setData) at most 4 times per second.
import { uPlot } from '../../vendor/vendor.mjs';
import { tenToThe } from '../kit/readable-numbers.mjs';
import { palette } from './colors.mjs';

const MIN_REDRAW_MS = 250;
const MAX_POINTS = 4000; // beyond this every other epoch is dropped (and later ones thinned)
const LOG_RATIO = 30; // largest / smallest positive loss beyond which the loss axis is logarithmic
const LABEL_PX = 16; // the least room (px) between two labels of a log axis
const EPOCH_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6];
const FONT = '11px system-ui';

// value(logs) -> number | undefined; colour: a palette() entry; only: shown only when the
// model is regularized (penalty) or reports accuracy.
const LOSS_SERIES = [
  { key: 'train', label: 'chart.trainLoss', dataLabel: 'chart.trainDataLoss', colour: 'train', width: 2 },
  { key: 'test', label: 'chart.testLoss', dataLabel: 'chart.testDataLoss', colour: 'test', width: 2 },
  { key: 'penalty', label: 'chart.penalty', colour: 'muted', width: 1.5, dash: [2, 3], only: 'penalty' },
  { key: 'total', label: 'chart.totalLoss', colour: 'train', width: 1, dash: [7, 3], only: 'penalty' },
];
const ACCURACY_SERIES = [
  { key: 'accuracy', label: 'chart.trainAccuracy', colour: 'train', width: 1.5, dash: [4, 3] },
  { key: 'val_accuracy', label: 'chart.testAccuracy', colour: 'test', width: 1.5, dash: [4, 3] },
];
const KEYS = [...LOSS_SERIES, ...ACCURACY_SERIES].map((s) => s.key);

/** The plotted values of one epoch's logs: {train, test, penalty, total, accuracy, val_accuracy}
 *  (train and test are data losses: the penalty taken out when the logs report it). */
export function epochValues(logs) {
  const penalty = finite(logs.regularization_loss);
  const valPenalty = finite(logs.val_regularization_loss);
  const minus = (total, part) => (total === null ? null : total - (part ?? 0));
  return {
    train: minus(finite(logs.loss), penalty),
    test: minus(finite(logs.val_loss), valPenalty),
    penalty,
    total: penalty === null ? null : finite(logs.loss),
    accuracy: finite(logs.accuracy),
    val_accuracy: finite(logs.val_accuracy),
  };
}

export class MetricsChartView {
  /** el: an empty container; opts: {t(key, params) -> text, height (CSS px of the loss chart),
   *  onDraw({points, xTicks, lossScale, series}) after each redraw (for tests)}. */
  constructor(el, { t, height = 130, onDraw = () => {} } = {}) {
    this.el = el;
    this.t = t;
    this.height = height;
    this.onDraw = onDraw;
    el.classList.add('metrics');
    el.innerHTML = `<div class="metrics-legend" data-chart="loss"></div><div class="metrics-plot"></div>
      <div class="metrics-legend" data-chart="accuracy"></div><div class="metrics-plot"></div>`;
    const [lossLegend, accLegend] = el.querySelectorAll('.metrics-legend');
    const [lossPlot, accPlot] = el.querySelectorAll('.metrics-plot');
    this.parts = {
      loss: { legend: lossLegend, plot: lossPlot, chart: null, signature: '' },
      accuracy: { legend: accLegend, plot: accPlot, chart: null, signature: '' },
    };
    this.marker = null; // {bestEpoch (counted from 1), restored}
    this.lastDraw = 0;
    this.timer = 0;
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(el);
    this.reset();
  }

  /**
   * data: {epochLogs: [{epoch, logs}] newly finished epochs (appended; epoch counted from 0 as
   * the engine does), earlyStopping: {bestEpoch (from 0), restored} | null}. Redraws at most
   * every 250 ms.
   */
  update({ epochLogs = [], earlyStopping } = {}) {
    let changed = false;
    for (const { epoch, logs } of epochLogs) {
      if (epoch <= this.lastEpoch || epoch % this.keepEvery !== 0) continue;
      this.lastEpoch = epoch;
      const values = epochValues(logs);
      this.columns.x.push(epoch + 1);
      for (const key of KEYS) this.columns[key].push(values[key]);
      if (values.penalty !== null) this.hasPenalty = true;
      if (values.accuracy !== null) this.hasAccuracy = true;
      changed = true;
    }
    if (this.columns.x.length > MAX_POINTS) this.thin();
    if (earlyStopping !== undefined) {
      const next =
        earlyStopping && Number.isFinite(earlyStopping.bestEpoch)
          ? { bestEpoch: earlyStopping.bestEpoch + 1, restored: Boolean(earlyStopping.restored) }
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
    for (const key of Object.keys(this.columns)) {
      this.columns[key] = this.columns[key].filter((_, i) => i % 2 === 1);
    }
  }

  schedule() {
    if (this.timer) return;
    const wait = Math.max(0, MIN_REDRAW_MS - (performance.now() - this.lastDraw));
    this.timer = setTimeout(() => {
      this.timer = 0;
      requestAnimationFrame(() => this.draw());
    }, wait);
  }

  /** The loss series shown now. */
  lossSeries() {
    return LOSS_SERIES.filter((s) => !s.only || (s.only === 'penalty' && this.hasPenalty));
  }

  /** 'log' when the shown losses span more than LOG_RATIO (a small training loss stays visible
   *  beside a huge test loss), else 'linear'. */
  lossScale(series) {
    let lo = Infinity;
    let hi = 0;
    for (const s of series) {
      for (const v of this.columns[s.key]) {
        if (v !== null && v > 0) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    return hi > 0 && hi / lo > LOG_RATIO ? 'log' : 'linear';
  }

  draw() {
    this.lastDraw = performance.now();
    const lossSeries = this.lossSeries();
    const scale = this.lossScale(lossSeries);
    const accuracySeries = this.hasAccuracy ? ACCURACY_SERIES : [];
    const x = this.columns.x;
    const lossData = lossSeries.map((s) =>
      scale === 'log' ? this.columns[s.key].map((v) => (v > 0 ? v : null)) : this.columns[s.key],
    );
    this.drawPart('loss', lossSeries, { scale, xLabel: !this.hasAccuracy }, [x, ...lossData]);
    this.parts.accuracy.legend.hidden = !this.hasAccuracy;
    this.parts.accuracy.plot.hidden = !this.hasAccuracy;
    if (this.hasAccuracy) {
      this.drawPart('accuracy', accuracySeries, { scale: 'linear', xLabel: true }, [
        x,
        ...accuracySeries.map((s) => this.columns[s.key]),
      ]);
    } else if (this.parts.accuracy.chart) {
      this.parts.accuracy.chart.destroy();
      this.parts.accuracy.chart = null;
      this.parts.accuracy.signature = '';
    }
    this.onDraw({
      points: x.length,
      xTicks: [...(this.xTicks ?? [])],
      lossScale: scale,
      series: [...lossSeries, ...accuracySeries].map((s) => s.key),
    });
  }

  /** (Re)builds chart `name` when its series or scale changed, then sets its data. */
  drawPart(name, series, options, data) {
    const part = this.parts[name];
    const signature = JSON.stringify([series.map((s) => s.key), options, this.hasPenalty]);
    if (!part.chart || part.signature !== signature) {
      part.chart?.destroy();
      part.chart = this.create(name, series, options);
      part.signature = signature;
      this.fillLegend(part.legend, name, series, options.scale);
    }
    part.chart.setData(data);
  }

  /** The label of series `s` (losses say "data loss" when a penalty is shown apart). */
  label(s) {
    return this.t(this.hasPenalty && s.dataLabel ? s.dataLabel : s.label);
  }

  /** The HTML legend: a swatch drawn like the line (colour, width, dash) and its label. */
  fillLegend(legend, name, series, scale) {
    const colours = palette();
    legend.replaceChildren();
    const title = document.createElement('span');
    title.className = 'metrics-legend-title';
    // The legend's title names the y axis (the small plots have no room for a rotated label).
    const key = name === 'accuracy' ? 'chart.accuracy' : scale === 'log' ? 'chart.lossLog' : 'chart.loss';
    title.textContent = this.t(key);
    legend.append(title);
    for (const s of series) {
      const item = document.createElement('span');
      item.className = 'metrics-legend-item';
      item.dataset.series = s.key;
      const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      svg.setAttribute('class', 'metrics-swatch');
      svg.setAttribute('width', '24');
      svg.setAttribute('height', '8');
      svg.setAttribute('aria-hidden', 'true');
      const line = document.createElementNS('http://www.w3.org/2000/svg', 'line');
      for (const [attr, value] of Object.entries({ x1: 0, y1: 4, x2: 24, y2: 4 }))
        line.setAttribute(attr, value);
      line.setAttribute('stroke', colours[s.colour]);
      line.setAttribute('stroke-width', String(s.width));
      if (s.dash) line.setAttribute('stroke-dasharray', s.dash.join(' '));
      svg.append(line);
      const text = document.createElement('span');
      text.textContent = this.label(s);
      item.append(svg, text);
      legend.append(item);
    }
  }

  create(name, series, { scale, xLabel }) {
    const t = this.t;
    const colours = palette();
    const loss = name === 'loss';
    const marker = () => this.marker;
    const markerPlugin = {
      hooks: {
        draw: (u) => {
          const m = marker();
          if (!m) return;
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
          if (loss) {
            const text = t(m.restored ? 'chart.bestRestored' : 'chart.best', { n: m.bestEpoch });
            ctx.font = `${11 * dpr}px system-ui, sans-serif`;
            ctx.fillStyle = colours.labelInk;
            const width = ctx.measureText(text).width;
            const right = u.bbox.left + u.bbox.width;
            const left = x + width + 6 * dpr > right ? x - width - 4 * dpr : x + 4 * dpr;
            ctx.fillText(text, Math.max(u.bbox.left, left), u.bbox.top + 12 * dpr);
          }
          ctx.restore();
        },
      },
    };
    const xAxis = {
      size: xLabel ? 30 : 22,
      label: xLabel ? t('chart.epoch') : undefined,
      labelSize: xLabel ? 12 : 0,
      font: FONT,
      labelFont: FONT,
      space: 36,
      incrs: EPOCH_STEPS,
      // Whole epochs only (the steps are integers; this also blanks any other split).
      values: (u, splits) => {
        const labels = splits.map((v) => (Number.isInteger(v) ? String(v) : ''));
        if (xLabel) this.xTicks = labels.filter(Boolean);
        return labels;
      },
    };
    const yAxis = loss
      ? {
          scale: 'y',
          size: 46,
          font: FONT,
          // On a log axis only 1, 2 and 5 × 10^k (or only 10^k) get a label, tick and grid line.
          ...logFilters(scale),
          values: (u, splits) =>
            splits.map((v) => (v === null ? '' : scale === 'log' ? logLabel(v, u) : compact(v))),
        }
      : {
          scale: 'y',
          size: 46,
          font: FONT,
          splits: () => [0, 0.5, 1],
          values: (u, splits) => splits.map((v) => `${Math.round(v * 100)}%`),
        };
    const yScale = !loss
      ? { range: [0, 1] }
      : scale === 'log'
        ? { distr: 3, log: 10 }
        : { range: (u, lo, hi) => [0, hi > 0 ? hi * 1.05 : 1] };
    return new uPlot(
      {
        width: Math.max(160, this.el.clientWidth),
        height: this.heightOf(name),
        series: [
          { label: t('chart.epoch') },
          ...series.map((s) => ({
            label: this.label(s),
            stroke: colours[s.colour],
            width: s.width,
            scale: 'y',
            dash: s.dash,
            points: { show: false },
          })),
        ],
        axes: [xAxis, yAxis],
        scales: {
          x: {
            time: false,
            range: (u, lo, hi) => {
              const from = Number.isFinite(lo) ? Math.max(1, Math.floor(lo)) : 1;
              return [from, Math.max(from + 1, Number.isFinite(hi) ? Math.ceil(hi) : from + 1)];
            },
          },
          y: yScale,
        },
        legend: { show: false },
        cursor: { show: false },
        plugins: [markerPlugin],
      },
      [[], ...series.map(() => [])],
      this.parts[name].plot,
    );
  }

  /** CSS px of chart `name`: the loss chart's height, the accuracy chart about 3/4 of it. */
  heightOf(name) {
    return name === 'loss' ? this.height : Math.round(this.height * 0.75);
  }

  resize() {
    const width = this.el.clientWidth;
    if (width <= 0) return;
    for (const [name, part] of Object.entries(this.parts)) {
      part.chart?.setSize({ width, height: this.heightOf(name) });
    }
  }

  /**
   * Forgets every point (a new model or data). accuracy: the model reports accuracy, so the
   * chart is built with its axis now rather than rebuilt when the first epoch arrives.
   */
  reset({ accuracy = false } = {}) {
    this.columns = { x: [], ...Object.fromEntries(KEYS.map((key) => [key, []])) };
    this.lastEpoch = -1;
    this.keepEvery = 1;
    this.hasAccuracy = accuracy;
    this.hasPenalty = false;
    this.marker = null;
    this.schedule();
  }

  /** New strings (language change): rebuilds the charts with the same data. */
  setStrings(t) {
    this.t = t;
    for (const part of Object.values(this.parts)) {
      part.chart?.destroy();
      part.chart = null;
      part.signature = '';
    }
    this.schedule();
  }

  destroy() {
    clearTimeout(this.timer);
    this.resizeObserver.disconnect();
    for (const part of Object.values(this.parts)) part.chart?.destroy();
  }
}

function finite(v) {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** A short axis number: 0.25, 1.5, 12, 340. */
function compact(v) {
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 100
    ? v.toFixed(0)
    : a >= 1
      ? String(Number(v.toPrecision(3)))
      : String(Number(v.toPrecision(2)));
}

/** On a log axis, filters (labels, ticks, grid) keeping the splits logLabel names; else none. */
function logFilters(scale) {
  if (scale !== 'log') return {};
  const filter = (u, splits) => splits.map((v) => (logLabel(v, u) ? v : null));
  return { filter, grid: { filter }, ticks: { filter } };
}

/** A log axis's label of v: at 1, 2 and 5 × 10^k when a decade of the axis `u` has 60 px or
 *  more, else only at 10^k, and only every n-th decade when decades are too close for a line
 *  of text each ('' for the other splits). Below 0.001 powers of ten are written "10⁻⁵". */
function logLabel(v, u) {
  if (!(v > 0)) return '';
  const { min, max } = u.scales.y;
  const perDecade = u.bbox.height / uPlot.pxRatio / Math.max(1e-9, Math.log10(max / min));
  const marks = perDecade >= 60 ? [1, 2, 5] : [1];
  const every = Math.max(1, Math.ceil(LABEL_PX / perDecade));
  const exponent = Math.floor(Math.log10(v) + 1e-9);
  const mantissa = Math.round(v / 10 ** exponent);
  if (!marks.includes(mantissa) || (((exponent % every) + every) % every !== 0 && mantissa === 1)) return '';
  if (v >= 0.001) return compact(v);
  return mantissa === 1 ? tenToThe(exponent) : `${mantissa}×${tenToThe(exponent)}`;
}
