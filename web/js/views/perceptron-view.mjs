// PerceptronView: the four truth-table points on the plane [-0.5, 1.5]², the perceptron's line
// w1·x1 + w2·x2 + b = 0 with its half-planes shaded by predicted class, or (hidden-layer mode) the
// network's output as a heat map plus each hidden neuron's line. Two handles on the line (a dot
// that moves it, an arrow tip along w that turns it) report new weights through opts.onDrag.
// Never imports the store or the engine: update() gets plain data.
import { cssRgb, palette } from './colors.mjs';

const RANGE = [-0.5, 1.5];
const HEAT_RES = 64;
const ARROW = 0.3; // length of the normal arrow, data units
let cachedColours = null;

/** The view's colours, from the page palette; the half-plane tints are the gate colours at 22 %. */
function colours() {
  if (cachedColours) return cachedColours;
  const p = palette();
  cachedColours = {
    one: cssRgb(p.gateOne),
    zero: cssRgb(p.gateZero),
    oneFill: cssRgb(p.gateOne, 0.22),
    zeroFill: cssRgb(p.gateZero, 0.22),
    line: p.inkDark,
    wrong: p.wrong,
    grid: p.gridStrong,
    hiddenLine: p.hiddenLine,
    text: p.textSoft,
    paper: p.paper,
  };
  return cachedColours;
}

export class PerceptronView {
  /** el: a <canvas>; opts.onDrag(weights [w1, w2, b]) is called while a handle is dragged. */
  constructor(el, { onDrag = null } = {}) {
    this.canvas = el;
    this.ctx = el.getContext('2d');
    this.onDrag = onDrag;
    this.data = null;
    this.dragging = null;
    this.heat = new ImageData(HEAT_RES, HEAT_RES); // hidden mode: output probability, RGBA
    this.heatCanvas = document.createElement('canvas');
    this.heatCanvas.width = this.heatCanvas.height = HEAT_RES;
    this.resize();
    this.observer = new ResizeObserver(() => {
      if (this.resize()) this.draw();
    });
    this.observer.observe(el);
    el.addEventListener('pointerdown', (e) => this.pointerDown(e));
    el.addEventListener('pointermove', (e) => this.pointerMove(e));
    el.addEventListener('pointerup', () => {
      this.dragging = null;
    });
    el.addEventListener('pointercancel', () => {
      this.dragging = null;
    });
  }

  /**
   * data: {mode: 'perceptron', weights: [w1, w2, b], points: [{x1, x2, y, prediction, correct}]}
   * or {mode: 'hidden', output(x1, x2) → probability, lines: [[w1, w2, b]], points}.
   */
  update(data) {
    this.data = data;
    if (data.mode === 'hidden') this.paintHeat(data.output);
    this.draw();
  }

  reset() {
    this.data = null;
    this.draw();
  }

  /** Matches the backing store to the CSS size; true when it changed. */
  resize() {
    const ratio = window.devicePixelRatio || 1;
    const size = Math.max(120, Math.round(this.canvas.clientWidth || 360));
    const pixels = Math.round(size * ratio);
    if (this.canvas.width === pixels && this.size === size) return false;
    this.canvas.width = this.canvas.height = pixels;
    this.size = size;
    this.ratio = ratio;
    return true;
  }

  toPx(x1, x2) {
    const s = this.size / (RANGE[1] - RANGE[0]);
    return [(x1 - RANGE[0]) * s, (RANGE[1] - x2) * s];
  }

  toData(px, py) {
    const s = this.size / (RANGE[1] - RANGE[0]);
    return [px / s + RANGE[0], RANGE[1] - py / s];
  }

  paintHeat(output) {
    const pixels = this.heat.data;
    const { gateZero: zero, gateOne: one } = palette();
    for (let i = 0; i < HEAT_RES; i += 1) {
      for (let j = 0; j < HEAT_RES; j += 1) {
        const [x1, x2] = [RANGE[0] + (2 * j) / (HEAT_RES - 1), RANGE[1] - (2 * i) / (HEAT_RES - 1)];
        const p = output(x1, x2); // 0 → orange, 1 → blue
        const at = 4 * (i * HEAT_RES + j);
        pixels[at] = zero[0] + (one[0] - zero[0]) * p;
        pixels[at + 1] = zero[1] + (one[1] - zero[1]) * p;
        pixels[at + 2] = zero[2] + (one[2] - zero[2]) * p;
        pixels[at + 3] = 40 + 90 * Math.abs(2 * p - 1);
      }
    }
    this.heatCanvas.getContext('2d').putImageData(this.heat, 0, 0);
  }

  draw() {
    const { ctx } = this;
    ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    ctx.clearRect(0, 0, this.size, this.size);
    ctx.fillStyle = colours().paper;
    ctx.fillRect(0, 0, this.size, this.size);
    const data = this.data;
    if (data?.mode === 'hidden') {
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(this.heatCanvas, 0, 0, this.size, this.size);
    } else if (data) {
      this.shadeHalfPlanes(data.weights);
    }
    this.drawGrid();
    if (data?.mode === 'hidden') {
      for (const line of data.lines) this.drawLine(line, colours().hiddenLine, 1.5, [6, 4]);
    } else if (data) {
      this.drawLine(data.weights, colours().line, 2.5, []);
      this.drawHandles(data.weights);
    }
    for (const p of data?.points ?? []) this.drawPoint(p);
  }

  shadeHalfPlanes(w) {
    const { ctx } = this;
    ctx.fillStyle = colours().zeroFill;
    ctx.fillRect(0, 0, this.size, this.size);
    const polygon = halfPlanePolygon(w);
    if (polygon.length < 3) return;
    ctx.fillStyle = colours().paper; // clear the orange tint on the class-1 side before tinting blue
    ctx.beginPath();
    polygon.forEach(([x1, x2], k) => {
      const [px, py] = this.toPx(x1, x2);
      if (k) ctx.lineTo(px, py);
      else ctx.moveTo(px, py);
    });
    ctx.closePath();
    ctx.fill();
    ctx.fillStyle = colours().oneFill;
    ctx.fill();
  }

  drawGrid() {
    const { ctx } = this;
    ctx.strokeStyle = colours().grid;
    ctx.lineWidth = 1;
    ctx.fillStyle = colours().text;
    ctx.font = '12px system-ui, sans-serif';
    for (const v of [0, 1]) {
      const [x] = this.toPx(v, 0);
      const [, y] = this.toPx(0, v);
      ctx.beginPath();
      ctx.moveTo(x, 0);
      ctx.lineTo(x, this.size);
      ctx.moveTo(0, y);
      ctx.lineTo(this.size, y);
      ctx.stroke();
      ctx.fillText(String(v), x + 3, this.size - 6);
      ctx.fillText(String(v), 4, y - 4);
    }
    ctx.fillText('x₁', this.size - 18, this.size - 6);
    ctx.fillText('x₂', 4, 14);
  }

  drawLine(w, color, width, dash) {
    const ends = lineEnds(w);
    if (!ends) return;
    const { ctx } = this;
    ctx.save();
    ctx.strokeStyle = color;
    ctx.lineWidth = width;
    ctx.setLineDash(dash);
    ctx.beginPath();
    ctx.moveTo(...this.toPx(...ends[0]));
    ctx.lineTo(...this.toPx(...ends[1]));
    ctx.stroke();
    ctx.restore();
  }

  /** The anchor (point of the line nearest the centre) and the tip of the arrow along w. */
  handles(w) {
    const norm = Math.hypot(w[0], w[1]);
    if (!(norm > 0)) return null;
    const [u1, u2] = [w[0] / norm, w[1] / norm];
    const d = (w[0] * 0.5 + w[1] * 0.5 + w[2]) / norm; // signed distance of (0.5, 0.5)
    const anchor = [0.5 - d * u1, 0.5 - d * u2];
    return { anchor, tip: [anchor[0] + ARROW * u1, anchor[1] + ARROW * u2], norm };
  }

  drawHandles(w) {
    const h = this.handles(w);
    if (!h) return;
    const { ctx } = this;
    const [ax, ay] = this.toPx(...h.anchor);
    const [tx, ty] = this.toPx(...h.tip);
    ctx.strokeStyle = colours().line;
    ctx.fillStyle = colours().line;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(ax, ay);
    ctx.lineTo(tx, ty);
    ctx.stroke();
    const angle = Math.atan2(ty - ay, tx - ax);
    ctx.beginPath();
    ctx.moveTo(tx + 4 * Math.cos(angle), ty + 4 * Math.sin(angle));
    ctx.lineTo(tx - 8 * Math.cos(angle - 0.5), ty - 8 * Math.sin(angle - 0.5));
    ctx.lineTo(tx - 8 * Math.cos(angle + 0.5), ty - 8 * Math.sin(angle + 0.5));
    ctx.closePath();
    ctx.fill();
    ctx.beginPath();
    ctx.arc(ax, ay, 6, 0, 2 * Math.PI);
    ctx.fillStyle = colours().paper;
    ctx.fill();
    ctx.stroke();
  }

  drawPoint(p) {
    const { ctx } = this;
    const [x, y] = this.toPx(p.x1, p.x2);
    ctx.beginPath();
    ctx.arc(x, y, 10, 0, 2 * Math.PI);
    ctx.fillStyle = p.y === 1 ? colours().one : colours().zero;
    ctx.fill();
    ctx.lineWidth = 2;
    ctx.strokeStyle = colours().paper;
    ctx.stroke();
    if (p.correct === false) {
      ctx.beginPath();
      ctx.arc(x, y, 15, 0, 2 * Math.PI);
      ctx.lineWidth = 3;
      ctx.strokeStyle = colours().wrong;
      ctx.stroke();
    }
    ctx.fillStyle = colours().text;
    ctx.font = '12px system-ui, sans-serif';
    const text = `y=${p.y} ŷ=${p.prediction ?? '?'}`;
    const [lx, ly] = [x + (p.x1 ? -62 : 16), y + (p.x2 ? 26 : -18)];
    // A paper-coloured halo: the boundary line and the arrow, drawn before, never cross the text.
    ctx.lineWidth = 4;
    ctx.lineJoin = 'round';
    ctx.strokeStyle = colours().paper;
    ctx.strokeText(text, lx, ly);
    ctx.fillText(text, lx, ly);
  }

  pointerDown(event) {
    if (this.data?.mode !== 'perceptron' || !this.onDrag) return;
    const h = this.handles(this.data.weights);
    if (!h) return;
    const [px, py] = this.eventPx(event);
    for (const name of ['tip', 'anchor']) {
      const [hx, hy] = this.toPx(...h[name]);
      if (Math.hypot(px - hx, py - hy) <= 14) {
        this.dragging = name;
        try {
          this.canvas.setPointerCapture(event.pointerId);
        } catch {
          // synthetic events (tests) have no active pointer to capture
        }
        event.preventDefault();
        return;
      }
    }
  }

  pointerMove(event) {
    if (!this.dragging || this.data?.mode !== 'perceptron') return;
    const w = this.data.weights;
    const h = this.handles(w);
    if (!h) return;
    const [x1, x2] = this.toData(...this.eventPx(event));
    let next;
    if (this.dragging === 'anchor') {
      next = [w[0], w[1], -(w[0] * x1 + w[1] * x2)]; // same normal, the line through the pointer
    } else {
      const [d1, d2] = [x1 - h.anchor[0], x2 - h.anchor[1]];
      const len = Math.hypot(d1, d2);
      if (len < 1e-6) return;
      const [v1, v2] = [(h.norm * d1) / len, (h.norm * d2) / len]; // turn w, keep |w|
      next = [v1, v2, -(v1 * h.anchor[0] + v2 * h.anchor[1])];
    }
    next = next.map((v) => Math.round(v * 1000) / 1000);
    this.data = { ...this.data, weights: next };
    this.draw();
    this.onDrag(next);
  }

  eventPx(event) {
    const rect = this.canvas.getBoundingClientRect();
    const scale = this.size / rect.width;
    return [(event.clientX - rect.left) * scale, (event.clientY - rect.top) * scale];
  }
}

const CORNERS = [
  [RANGE[0], RANGE[0]],
  [RANGE[1], RANGE[0]],
  [RANGE[1], RANGE[1]],
  [RANGE[0], RANGE[1]],
];
const z = (w, p) => w[0] * p[0] + w[1] * p[1] + w[2];

/** The part of the plot square where w·x + b ≥ 0 (Sutherland–Hodgman with one edge). */
export function halfPlanePolygon(w) {
  const out = [];
  for (let k = 0; k < 4; k += 1) {
    const a = CORNERS[k];
    const b = CORNERS[(k + 1) % 4];
    const [za, zb] = [z(w, a), z(w, b)];
    if (za >= 0) out.push(a);
    if (za >= 0 !== zb >= 0) {
      const t = za / (za - zb);
      out.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
    }
  }
  return out;
}

/** Where the line w·x + b = 0 crosses the plot square's border, or null. */
export function lineEnds(w) {
  if (Math.hypot(w[0], w[1]) === 0) return null;
  const tolerance = 1e-6 * (Math.abs(w[0]) + Math.abs(w[1]) + Math.abs(w[2]));
  const points = halfPlanePolygon(w).filter((p) => Math.abs(z(w, p)) <= tolerance);
  if (points.length < 2) return null;
  return [points[0], points[points.length - 1]];
}
