// LinkLayer: the links of NetworkView on one canvas behind the nodes. Geometry (node centres)
// is measured once per layout (build, resize), never per snapshot; update() only strokes the
// curves. Hover finds the link under the pointer by distance to its sampled curve (only within
// the column gap under the pointer), shows a card with the live weight or bias, and a click
// opens a small editor that reports (index in the weight array, new value).
//
// Dense networks (up to 64 × 64 links between two columns) are thinned: beyond MAX_LINKS links
// between two columns only the MAX_LINKS with the largest |w| are drawn (as hairlines, |w| in
// their colour) and can be hovered, and the caption says so.
import { cssRgb, palette, weightColour } from './colors.mjs';

const SAMPLES = 12; // polyline segments per curve for hit testing
const HIT_PX = 5; // how close (CSS px) the pointer must be to a link
const LEVELS = 4; // link widths per unit of |w|
const MAX_W = 4; // |w| beyond this draws as wide as MAX_W
export const MAX_LINKS = 128; // links drawn between two columns at most (the largest |w|)
const THINNED_REDRAW_MS = 1000; // a thinned network's links are redrawn at most this often

const format = (v) => (Number.isFinite(v) ? v.toFixed(3) : '–');

export class LinkLayer {
  /**
   * body: the positioned element holding canvas.net-links and .net-card; columns: node lists.
   * opts: {t, onEdit(index, value), caption: element saying when links are thinned,
   * cardMap(c, j, canvas) -> whether node j of column c has a map painted on canvas,
   * onMeasure(positions, width, height) after each layout read}.
   */
  constructor(body, columns, { t, onEdit, caption = null, cardMap = null, onMeasure = null }) {
    this.body = body;
    this.columns = columns;
    this.t = t;
    this.onEdit = onEdit;
    this.caption = caption;
    this.cardMap = cardMap;
    this.onMeasure = onMeasure;
    this.canvas = body.querySelector('.net-links');
    this.context = this.canvas.getContext('2d');
    this.card = body.querySelector('.net-card');
    this.cardText = this.card.querySelector('.net-card-text') ?? this.card;
    this.cardCanvas = this.card.querySelector('.net-card-map');
    this.thresholds = []; // per column pair: the smallest |w| drawn (0: all)
    this.thinned = false; // some column pair drew only its MAX_LINKS largest |w|
    this.drawnAt = 0;
    this.timer = 0;
    this.scratch = new Float32Array(0);
    this.positions = []; // per column: [{left, right, y}] in CSS px relative to body
    this.weights = null;
    this.kernels = [];
    this.biases = [];
    this.hovered = null; // {kind: 'weight'|'bias', index, label, x, y}
    this.pending = null;
    this.onMove = (event) => {
      if (!this.pending) requestAnimationFrame(() => this.hover());
      this.pending = event;
    };
    this.onLeave = () => {
      this.pending = null;
      this.hideCard();
      if (this.hovered?.link) {
        this.hovered = null;
        this.draw();
      }
    };
    this.onClick = (event) => this.click(event);
    body.addEventListener('pointermove', this.onMove);
    body.addEventListener('pointerleave', this.onLeave);
    body.addEventListener('click', this.onClick);
  }

  /** Reads node positions (one layout read) and redraws. */
  measure() {
    const box = this.body.getBoundingClientRect();
    this.positions = this.columns.map((nodes) =>
      nodes.map((node) => {
        const r = node.getBoundingClientRect();
        return {
          left: r.left - box.left,
          right: r.right - box.left,
          top: r.top - box.top,
          y: r.top - box.top + r.height / 2,
        };
      }),
    );
    // The gap each column pair's links cross: [x0, x1].
    this.gaps = this.positions
      .slice(1)
      .map((to, c) => [
        Math.min(...this.positions[c].map((p) => p.right)),
        Math.max(...to.map((p) => p.left)),
      ]);
    const dpr = window.devicePixelRatio || 1;
    this.width = box.width;
    this.height = box.height;
    this.canvas.width = Math.round(box.width * dpr);
    this.canvas.height = Math.round(box.height * dpr);
    this.context.setTransform(dpr, 0, 0, dpr, 0, 0);
    this.onMeasure?.(this.positions, box.width, box.height);
    this.draw();
  }

  /** weights: Float32Array; kernels[c]: {offset, rows, cols} linking column c to c + 1. */
  update(weights, kernels = [], biases = []) {
    this.weights = weights;
    this.kernels = kernels;
    this.biases = biases;
    if (this.positions.length === 0) this.measure();
    else this.drawSoon();
    if (this.hovered && !this.card.hidden) this.showCard(this.hovered);
  }

  /** draw() now, or, when links are thinned (a big network, whose links take tens of ms to
   *  rasterise), at most every THINNED_REDRAW_MS with the newest weights. */
  drawSoon() {
    const wait = this.thinned ? THINNED_REDRAW_MS - (performance.now() - this.drawnAt) : 0;
    if (wait <= 0) {
      clearTimeout(this.timer);
      this.timer = 0;
      this.draw();
    } else {
      this.timer ||= setTimeout(() => {
        this.timer = 0;
        this.draw();
      }, wait);
    }
  }

  /** The kernel linking column c to c + 1 when its shape matches the columns, else null. */
  kernel(c) {
    const k = this.kernels[c];
    const from = this.positions[c];
    const to = this.positions[c + 1];
    if (!k || !from || !to || k.rows !== from.length || k.cols !== to.length || !this.weights) return null;
    return k;
  }

  /** The smallest |w| drawn between columns c and c + 1: 0 when all k.rows × k.cols links are,
   *  else the MAX_LINKS-th largest |w|. */
  threshold(k) {
    const total = k.rows * k.cols;
    if (total <= MAX_LINKS) return 0;
    if (this.scratch.length < total) this.scratch = new Float32Array(total);
    const mags = this.scratch.subarray(0, total);
    for (let i = 0; i < total; i += 1) {
      const w = this.weights[k.offset + i];
      mags[i] = Number.isFinite(w) ? Math.abs(w) : 0;
    }
    mags.sort();
    return mags[total - MAX_LINKS];
  }

  /** Says in the caption whether (and how) links are thinned; written only when it changes. */
  showCaption(total) {
    if (!this.caption) return;
    const text =
      total > MAX_LINKS ? this.t('net.thinned').replace('{k}', MAX_LINKS).replace('{n}', total) : '';
    if (this.caption.textContent === text) return;
    this.caption.textContent = text;
    this.caption.hidden = !text;
  }

  /**
   * Strokes every link (or, between columns with more than MAX_LINKS, the MAX_LINKS largest
   * |w|). Links are bucketed by sign and quantised |w| (LEVELS per unit, up to MAX_W), one path
   * per bucket, so even thousands of links cost a few dozen strokes.
   */
  draw() {
    const ctx = this.context;
    this.drawnAt = performance.now();
    ctx.clearRect(0, 0, this.width ?? 0, this.height ?? 0);
    const buckets = new Map(); // 2 × signed level (+1: hairline) -> [x0, y0, x1, y1, ...]
    let widest = 0;
    for (let c = 0; c + 1 < this.positions.length; c += 1) {
      const k = this.kernel(c);
      this.thresholds[c] = k ? this.threshold(k) : 0;
      if (!k) continue;
      widest = Math.max(widest, k.rows * k.cols);
      const least = this.thresholds[c];
      const hair = least > 0 ? 1 : 0;
      const from = this.positions[c];
      const to = this.positions[c + 1];
      for (let a = 0; a < k.rows; a += 1) {
        for (let b = 0; b < k.cols; b += 1) {
          const w = this.weights[k.offset + a * k.cols + b];
          if (!Number.isFinite(w) || Math.abs(w) < least) continue;
          // At least level 1, so a tiny negative weight keeps its sign (-0 would draw positive).
          const level = Math.max(1, Math.round(Math.min(Math.abs(w), MAX_W) * LEVELS)) * (w < 0 ? -1 : 1);
          const key = 2 * level + hair;
          let list = buckets.get(key);
          if (!list) buckets.set(key, (list = []));
          list.push(from[a].right, from[a].y, to[b].left, to[b].y);
        }
      }
    }
    for (const [key, list] of buckets) {
      const hair = ((key % 2) + 2) % 2;
      const level = (key - hair) / 2;
      const magnitude = Math.abs(level) / LEVELS;
      ctx.strokeStyle = cssRgb(weightColour(Math.sign(level) * (0.45 + 0.55 * Math.min(1, magnitude))));
      // Thinned (dense) column pairs draw hairlines, |w| in the colour only: a software rasteriser
      // strokes a thousand wide overlapping curves ten times slower than hairlines.
      ctx.lineWidth = hair === 1 ? 1 : 0.5 + magnitude * 1.6;
      ctx.beginPath();
      for (let i = 0; i < list.length; i += 4) {
        const xm = (list[i] + list[i + 2]) / 2;
        ctx.moveTo(list[i], list[i + 1]);
        ctx.bezierCurveTo(xm, list[i + 1], xm, list[i + 3], list[i + 2], list[i + 3]);
      }
      ctx.stroke();
    }
    this.thinned = widest > MAX_LINKS;
    if (this.weights) this.showCaption(widest);
    this.drawHighlight();
  }

  /** The hovered link, drawn again on top with a dark outline. */
  drawHighlight() {
    const link = this.hovered?.link;
    const k = link && this.kernel(link.c);
    if (!k) return;
    const p = this.positions[link.c][link.a];
    const q = this.positions[link.c + 1][link.b];
    const w = this.weights[link.index];
    const ctx = this.context;
    const xm = (p.right + q.left) / 2;
    ctx.beginPath();
    ctx.moveTo(p.right, p.y);
    ctx.bezierCurveTo(xm, p.y, xm, q.y, q.left, q.y);
    ctx.strokeStyle = palette().ink;
    ctx.lineWidth = 3 + Math.min(Math.abs(w), MAX_W) * 1.6;
    ctx.stroke();
    ctx.strokeStyle = cssRgb(weightColour(Math.sign(w) || 1));
    ctx.lineWidth = 1 + Math.min(Math.abs(w), MAX_W) * 1.6;
    ctx.stroke();
  }

  /** The drawn link nearest to (x, y) within HIT_PX: {c, a, b, index} or null. Only the
   *  column gap under x is searched. */
  linkAt(x, y) {
    let best = null;
    let bestDistance = HIT_PX;
    for (let c = 0; c + 1 < this.positions.length; c += 1) {
      const k = this.kernel(c);
      const gap = this.gaps?.[c];
      if (!k || !gap || x < gap[0] - HIT_PX || x > gap[1] + HIT_PX) continue;
      const least = this.thresholds[c] ?? 0;
      const from = this.positions[c];
      const to = this.positions[c + 1];
      for (let a = 0; a < k.rows; a += 1) {
        const x0 = from[a].right;
        for (let b = 0; b < k.cols; b += 1) {
          const x1 = to[b].left;
          if (least > 0 && !(Math.abs(this.weights[k.offset + a * k.cols + b]) >= least)) continue;
          if (x < x0 - HIT_PX || x > x1 + HIT_PX) continue;
          const d = curveDistance(x, y, x0, from[a].y, x1, to[b].y);
          if (d < bestDistance) {
            bestDistance = d;
            best = { c, a, b, index: k.offset + a * k.cols + b };
          }
        }
      }
    }
    return best;
  }

  /** What is under the pointer event: a neuron's bias or a link's weight, or null. */
  targetOf(event) {
    const box = this.body.getBoundingClientRect();
    const x = event.clientX - box.left;
    const y = event.clientY - box.top;
    const node = event.target.closest?.('.net-neuron, .net-output');
    if (node) {
      const c = this.columns.findIndex((nodes) => nodes.includes(node));
      const bias = this.biases[c - 1];
      const j = this.columns[c]?.indexOf(node) ?? -1;
      if (!bias || j < 0 || !this.weights) return null;
      return {
        kind: 'bias',
        index: bias.offset + j,
        node: { c, j },
        label: `${this.t('net.bias')} · ${this.nodeName(c, j)}`,
        x,
        y,
      };
    }
    if (event.target.closest?.('button, select, .net-editor')) return null;
    const link = this.linkAt(x, y);
    if (!link) return null;
    return {
      kind: 'weight',
      index: link.index,
      x,
      y,
      link,
      label: `${this.t('net.weight')} · ${this.nodeName(link.c, link.a)} → ${this.nodeName(link.c + 1, link.b)}`,
    };
  }

  nodeName(c, j) {
    const node = this.columns[c][j];
    if (c === 0) return node.title;
    if (c === this.columns.length - 1) return this.t('net.outputName').replace('{j}', j + 1);
    return this.t('net.neuronName')
      .replace('{l}', c)
      .replace('{j}', j + 1);
  }

  hover() {
    const event = this.pending;
    this.pending = null;
    if (!event) return;
    const before = this.hovered?.link?.index;
    this.hovered = this.targetOf(event);
    if (this.hovered) this.showCard(this.hovered);
    else this.hideCard();
    if (before !== this.hovered?.link?.index) this.draw();
    this.body.classList.toggle('link-hover', this.hovered?.kind === 'weight');
  }

  showCard(target) {
    this.card.hidden = false;
    this.cardText.textContent = `${target.label}: ${format(this.weights?.[target.index])}`;
    if (this.cardCanvas) {
      const map = Boolean(target.node && this.cardMap?.(target.node.c, target.node.j, this.cardCanvas));
      this.cardCanvas.hidden = !map;
    }
    this.card.style.left = `${Math.max(0, Math.min(target.x + 12, (this.width ?? 0) - 180))}px`;
    this.card.style.top = `${target.y + 12}px`;
  }

  hideCard() {
    this.card.hidden = true;
    this.body.classList.remove('link-hover');
  }

  click(event) {
    if (event.target.closest('.net-editor')) return;
    this.closeEditor();
    const target = this.targetOf(event);
    if (!target) return;
    event.stopPropagation();
    const form = document.createElement('form');
    form.className = 'net-editor';
    form.innerHTML = `<label>${target.label}<input type="number" step="any" required></label>`;
    const input = form.querySelector('input');
    input.value = format(this.weights[target.index]);
    form.style.left = `${Math.max(0, Math.min(target.x, (this.width ?? 0) - 200))}px`;
    form.style.top = `${target.y + 8}px`;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const value = Number(input.value);
      if (Number.isFinite(value)) this.onEdit(target.index, value);
      this.closeEditor();
    });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.closeEditor();
    });
    input.addEventListener('blur', () => setTimeout(() => this.closeEditor(), 150));
    this.body.append(form);
    this.editor = form;
    input.focus();
    input.select();
  }

  closeEditor() {
    this.editor?.remove();
    this.editor = null;
  }

  clear() {
    clearTimeout(this.timer);
    this.timer = 0;
    this.weights = null;
    this.context.clearRect(0, 0, this.width ?? 0, this.height ?? 0);
  }

  destroy() {
    clearTimeout(this.timer);
    this.closeEditor();
    this.body.removeEventListener('pointermove', this.onMove);
    this.body.removeEventListener('pointerleave', this.onLeave);
    this.body.removeEventListener('click', this.onClick);
  }
}

/** Distance from (x, y) to the link curve from (x0, y0) to (x1, y1), sampled as a polyline. */
function curveDistance(x, y, x0, y0, x1, y1) {
  let best = Infinity;
  let px = x0;
  let py = y0;
  for (let s = 1; s <= SAMPLES; s += 1) {
    const u = s / SAMPLES;
    // Cubic Bézier with controls (xm, y0), (xm, y1), xm the middle: x = 1.5u(1-u) + u³ of the
    // way across, y = the smoothstep 3u² - 2u³.
    const qx = x0 + (x1 - x0) * (1.5 * u * (1 - u) + u * u * u);
    const qy = y0 + (y1 - y0) * u * u * (3 - 2 * u);
    best = Math.min(best, segmentDistance(x, y, px, py, qx, qy));
    px = qx;
    py = qy;
  }
  return best;
}

function segmentDistance(x, y, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const len = dx * dx + dy * dy;
  const u = len === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len));
  return Math.hypot(x - (ax + u * dx), y - (ay + u * dy));
}
