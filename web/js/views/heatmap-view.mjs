// HeatmapView: the MLP lab's decision boundary. A res×res grid of model outputs painted into one
// ImageData on a res×res canvas that CSS scales up smoothly (TF Playground draws a 100×100
// bitmap), train/test points on an overlay canvas redrawn only when they change, and axis ticks.
// Also exports the map painters the network view's thumbnails share (colours from colors.mjs).
import { classColours, cssRgb, divergingColour, divergingIndex, divergingTable, palette } from './colors.mjs';

// The network view, the link layer and the MLP lab's data tools import the scales from here.
export { classColours, divergingColour };

/**
 * Paints one map (values[offset .. offset + n*n), row 0 = top) into `data` (RGBA of an
 * (n/stride)² image) on the diverging scale. unit: values are probabilities (0.5 = boundary);
 * discretize: only the sign. stride: take every stride-th sample (thumbnails).
 */
export function paintDiverging(
  data,
  values,
  offset,
  n,
  { unit = false, discretize = false, stride = 1 } = {},
) {
  const table = divergingTable();
  let at = 0;
  for (let row = 0; row < n; row += stride) {
    const base = offset + row * n;
    for (let col = 0; col < n; col += stride) {
      let t = values[base + col];
      if (unit) t = 2 * t - 1;
      if (discretize) t = t >= 0 ? 1 : -1;
      const i = divergingIndex(t) * 3;
      data[at] = table[i];
      data[at + 1] = table[i + 1];
      data[at + 2] = table[i + 2];
      data[at + 3] = 255;
      at += 4;
    }
  }
}

/**
 * Paints k class-probability maps (offsets[c]) into `data` (RGBA n×n): the argmax class's colour,
 * blended from the heat map's middle colour by the confidence above chance (full colour when
 * discretize).
 */
export function paintClasses(data, values, offsets, n, colours, { discretize = false } = {}) {
  const light = palette().heatMid;
  const k = offsets.length;
  const chance = 1 / k;
  for (let p = 0, at = 0; p < n * n; p += 1, at += 4) {
    let best = 0;
    let top = -Infinity;
    for (let c = 0; c < k; c += 1) {
      const v = values[offsets[c] + p];
      if (v > top) {
        top = v;
        best = c;
      }
    }
    const confidence = Math.max(0, Math.min(1, (top - chance) / (1 - chance)));
    const a = discretize ? 0.8 : 0.15 + 0.7 * confidence;
    const colour = colours[best];
    data[at] = light[0] + (colour[0] - light[0]) * a;
    data[at + 1] = light[1] + (colour[1] - light[1]) * a;
    data[at + 2] = light[2] + (colour[2] - light[2]) * a;
    data[at + 3] = 255;
  }
}

const UPSAMPLE = 4; // discretized maps: 50 samples per side -> 197 pixels

export class HeatmapView {
  /**
   * el: an empty container. opts: {canvasId, range: [lo, hi] (both axes), ticks: numbers,
   * onPick(x1, x2): called on a click inside the plot, label: accessible name}.
   */
  constructor(
    el,
    { canvasId = '', range = [-6, 6], ticks = [-6, -4, -2, 0, 2, 4, 6], onPick = null, label = '' } = {},
  ) {
    this.el = el;
    this.range = range;
    this.onPick = onPick;
    this.state = { grid: null, kind: 'classes', classes: 2, discretize: false, points: null, showTest: true };
    el.classList.add('heatmap');
    el.innerHTML =
      '<div class="heatmap-yaxis"></div><div class="heatmap-plot">' +
      '<canvas class="heatmap-bitmap" width="50" height="50"></canvas>' +
      '<canvas class="heatmap-points"></canvas></div><div class="heatmap-xaxis"></div>';
    this.plot = el.querySelector('.heatmap-plot');
    this.bitmap = el.querySelector('.heatmap-bitmap');
    if (canvasId) this.bitmap.id = canvasId;
    if (label) this.bitmap.setAttribute('aria-label', label);
    this.bitmapContext = this.bitmap.getContext('2d');
    this.image = null;
    this.overlay = el.querySelector('.heatmap-points');
    this.overlayContext = this.overlay.getContext('2d');
    const [lo, hi] = range;
    const tickHtml = (axis) =>
      ticks
        .map((v) => {
          const f = ((axis === 'x' ? v - lo : hi - v) / (hi - lo)) * 100;
          return `<span style="${axis === 'x' ? 'left' : 'top'}:${f}%">${v}</span>`;
        })
        .join('');
    el.querySelector('.heatmap-xaxis').innerHTML = tickHtml('x');
    el.querySelector('.heatmap-yaxis').innerHTML = tickHtml('y');
    this.plot.addEventListener('click', (event) => this.pick(event));
    this.resizeObserver = new ResizeObserver(() => this.drawPoints());
    this.resizeObserver.observe(this.plot);
  }

  /**
   * data (any subset): grid {values, resolution, maps} with the output maps first; kind
   * 'classes'|'values'; classes; discretize; points {train: [[x1, x2, label]], test: [...]};
   * showTest. Redraws the boundary when grid/kind/discretize change, the points when they do.
   */
  update(data) {
    Object.assign(this.state, data);
    if ('grid' in data || 'kind' in data || 'classes' in data || 'discretize' in data) this.drawGrid();
    if ('points' in data || 'showTest' in data || 'kind' in data || 'classes' in data) this.drawPoints();
  }

  drawGrid() {
    const { grid, kind, classes, discretize } = this.state;
    if (!grid) return;
    // Discretized maps are sharp: paint them from a bilinear upsampling (UPSAMPLE × the samples
    // per side) so the CSS-scaled class edges do not show the grid's steps.
    const n = discretize ? UPSAMPLE * (grid.resolution - 1) + 1 : grid.resolution;
    if (this.resolution !== n) {
      this.resolution = n;
      this.bitmap.width = n;
      this.bitmap.height = n;
      this.image = this.bitmapContext.createImageData(n, n);
      // Grid samples sit on the plot's edges (x = lo + (hi - lo) j / (n - 1)): widen the bitmap by
      // half a cell on each side so each sample is the centre of its pixel.
      const pad = 100 / (n - 1) / 2;
      Object.assign(this.bitmap.style, {
        left: `${-pad}%`,
        top: `${-pad}%`,
        width: `${100 + 2 * pad}%`,
        height: `${100 + 2 * pad}%`,
      });
    }
    let values = grid.values;
    let outputs = outputOffsets(grid);
    if (kind === 'classes' && classes > 2 && outputs.length > 1) outputs = outputs.slice(0, classes);
    else outputs = outputs.slice(0, 1);
    if (discretize) {
      this.upsampled = upsample(grid.values, outputs, grid.resolution, UPSAMPLE, this.upsampled);
      values = this.upsampled;
      outputs = outputs.map((_, i) => i * n * n);
    }
    if (outputs.length > 1) {
      paintClasses(this.image.data, values, outputs, n, classColours(classes), { discretize });
    } else {
      paintDiverging(this.image.data, values, outputs[0], n, { unit: kind === 'classes', discretize });
    }
    this.bitmapContext.putImageData(this.image, 0, 0);
  }

  drawPoints() {
    const { points, showTest, kind, classes } = this.state;
    const dpr = window.devicePixelRatio || 1;
    const w = Math.round(this.plot.clientWidth * dpr);
    const h = Math.round(this.plot.clientHeight * dpr);
    if (this.overlay.width !== w || this.overlay.height !== h) {
      this.overlay.width = w;
      this.overlay.height = h;
    }
    const ctx = this.overlayContext;
    ctx.clearRect(0, 0, w, h);
    if (!points || w === 0) return;
    const [lo, hi] = this.range;
    const colours = kind === 'classes' ? classColours(classes) : null;
    const { heatMid, paper, ink } = palette();
    const radius = 3.2 * dpr;
    const drawSet = (set, stroke) => {
      ctx.lineWidth = 1.2 * dpr;
      ctx.strokeStyle = stroke;
      for (const [x1, x2, label] of set) {
        const fill = colours ? (colours[Math.round(label)] ?? heatMid) : divergingColour(label);
        ctx.fillStyle = cssRgb(fill);
        ctx.beginPath();
        ctx.arc(((x1 - lo) / (hi - lo)) * w, ((hi - x2) / (hi - lo)) * h, radius, 0, 2 * Math.PI);
        ctx.fill();
        ctx.stroke();
      }
    };
    drawSet(points.train ?? [], paper);
    if (showTest) drawSet(points.test ?? [], ink);
  }

  /** Plot coordinates of a click -> onPick(x1, x2). */
  pick(event) {
    if (!this.onPick) return;
    const rect = this.plot.getBoundingClientRect();
    const [lo, hi] = this.range;
    const x1 = lo + ((event.clientX - rect.left) / rect.width) * (hi - lo);
    const x2 = hi - ((event.clientY - rect.top) / rect.height) * (hi - lo);
    this.onPick(Math.max(lo, Math.min(hi, x1)), Math.max(lo, Math.min(hi, x2)));
  }

  reset() {
    this.state.grid = null;
    this.state.points = null;
    this.bitmapContext.clearRect(0, 0, this.bitmap.width, this.bitmap.height);
    this.overlayContext.clearRect(0, 0, this.overlay.width, this.overlay.height);
  }

  destroy() {
    this.resizeObserver.disconnect();
  }
}

/**
 * Bilinear upsampling by `factor` of the maps at `offsets` (n×n each) into one buffer of
 * offsets.length × m × m values, m = factor (n - 1) + 1 (the buffer is reused when it fits).
 */
function upsample(values, offsets, n, factor, buffer) {
  const m = factor * (n - 1) + 1;
  const size = offsets.length * m * m;
  const out = buffer && buffer.length >= size ? buffer : new Float32Array(size);
  offsets.forEach((offset, k) => {
    const base = k * m * m;
    for (let i = 0; i < m; i += 1) {
      const r0 = Math.min(n - 2, Math.floor(i / factor));
      const fy = i / factor - r0;
      for (let j = 0; j < m; j += 1) {
        const c0 = Math.min(n - 2, Math.floor(j / factor));
        const fx = j / factor - c0;
        const at = offset + r0 * n + c0;
        const top = values[at] + (values[at + 1] - values[at]) * fx;
        const bottom = values[at + n] + (values[at + n + 1] - values[at + n]) * fx;
        out[base + i * m + j] = top + (bottom - top) * fy;
      }
    }
  });
  return out;
}

/** Offsets of the output maps: the grid's leading maps that share the first map's layer. */
export function outputOffsets(grid) {
  const maps = grid.maps ?? [];
  if (maps.length === 0) return [0];
  const out = [];
  for (const map of maps) {
    if (map.layer !== maps[0].layer) break;
    out.push(map.offset);
  }
  return out;
}
