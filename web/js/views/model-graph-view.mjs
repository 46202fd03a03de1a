// @ts-check
// ModelGraphView: the learner's model as keras.utils.plot_model(model, show_shapes=True,
// show_layer_names=True) draws it, as an inline SVG: a box per layer with a dark "name (Class)"
// header and "Input shape" / "Output shape" rows, arrows from each inbound node, top to bottom.
// A frozen layer (trainable: false) is greyed with a "Non-trainable" row, as show_trainable
// marks it; the highlighted layer (where an error is) gets a red outline.
//
// The SVG is text, so it is selectable and scales with its viewBox: as wide as drawn, narrower
// on a phone down to where the smallest text would fall below MIN_FONT_PX; past that its
// wrapper scrolls sideways. Layer names come from users: every text and attribute is escaped.
// The layout is model-graph-layout.mjs; modelGraphSvg() is pure so Node tests can read its output.
// With an `onConnect` option the learner can wire layers on it (model-graph-drag.mjs: each box
// gets an output port to drag from and becomes focusable); without one it is a picture.
// constructor(el, opts) / update(data) / reset() / destroy(); never imports the engine or i18n.
import { cssColour } from './colors.mjs';
import { DEFAULT_LABELS, layoutModelGraph } from './model-graph-layout.mjs';
import { GraphWiring } from './model-graph-drag.mjs';
import { defaultWiringText, wiringMarkup, wiringStyle } from './model-graph-wire.mjs';

export { DEFAULT_LABELS };

/** @typedef {import('./model-graph-layout.mjs').GraphLayout} GraphLayout */
/** @typedef {import('./model-graph-layout.mjs').ModelDesc} ModelDesc */
/** @typedef {import('./model-graph-layout.mjs').Span} Span */
/** @typedef {import('./model-graph-wire.mjs').WiringText} WiringText */

const MIN_FONT_PX = 11;
const ARROW = 8; // arrowhead length

/**
 * The aria-label's words: {name}, {layers}, {inputs}, {outputs}, {params}, {trainable} are
 * replaced. Keras's model.summary() says "Total params" and "Trainable params".
 */
export const DEFAULT_SUMMARY =
  'Model {name}: {layers} layers from {inputs} to {outputs}. Total params: {params}, trainable params: {trainable}.';

/**
 * Text safe inside an XML element or a double- or single-quoted attribute.
 * @param {unknown} text
 * @returns {string}
 */
export function escapeXml(text) {
  return String(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** @param {number | null} n @returns {string} 12345 -> "12,345" as Keras's summary prints it */
function count(n) {
  return n === null ? '?' : String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * The palette variable with main.css's value as fallback (a page that embeds the SVG without
 * main.css still draws it).
 * @param {Parameters<typeof cssColour>[0]} name
 * @returns {string}
 */
function colour(name) {
  return `var(--${name}, ${cssColour(name)})`;
}

/**
 * The stylesheet inside the SVG; class names start with mg- so they do not reach the page.
 * @param {{headerFont: number, rowFont: number}} fonts
 * @param {boolean} wiring with the ports' and wires' rules
 * @returns {string}
 */
function styleSheet({ headerFont, rowFont }, wiring) {
  return `<style>
.mg-root{font-family:var(--font,system-ui,sans-serif)}
.mg-root text{white-space:pre}
.mg-edge{fill:none;stroke:${colour('axis')};stroke-width:1.5}
.mg-arrow{fill:${colour('axis')}}
.mg-head{fill:${colour('ink')}}
.mg-head-text{fill:${colour('paper')};font-size:${headerFont}px}
.mg-body{fill:${colour('paper')}}
.mg-row-text{fill:${colour('ink')};font-size:${rowFont}px}
.mg-divider{stroke:${colour('grid-strong')};stroke-width:1}
.mg-outline{fill:none;stroke:${colour('ink')};stroke-width:1}
.mg-frozen .mg-head{fill:${colour('muted')}}
.mg-frozen .mg-body{fill:${colour('bg')}}
.mg-frozen .mg-row-text{fill:${colour('text-soft')}}
.mg-frozen .mg-outline{stroke:${colour('muted')};stroke-dasharray:4 3}
.mg-highlight .mg-halo{fill:none;stroke:${colour('wrong')};stroke-width:3}
${wiring ? wiringStyle(colour) : ''}</style>`;
}

/**
 * The aria-label of a layout: the model's name, layer count, inputs, outputs and parameters.
 * @param {GraphLayout} layout
 * @param {string} [template] DEFAULT_SUMMARY's placeholders
 * @returns {string}
 */
export function modelGraphSummary(layout, template = DEFAULT_SUMMARY) {
  const { model } = layout;
  const values = /** @type {Record<string, string>} */ ({
    name: model.name || '?',
    layers: String(model.layers),
    inputs: model.inputs.join(', ') || '?',
    outputs: model.outputs.join(', ') || '?',
    params: count(model.params),
    trainable: count(model.trainableParams),
  });
  return template.replace(/\{(\w+)\}/g, (all, key) => values[key] ?? all);
}

/** @param {Span[]} spans @returns {string} tspans, the strong ones bold */
function spansSvg(spans) {
  return spans
    .map((s) => (s.strong ? `<tspan font-weight="700">${escapeXml(s.text)}</tspan>` : escapeXml(s.text)))
    .join('');
}

/**
 * The diagram as an SVG string: edges under the boxes, each box a <g data-layer="name"> with
 * a <title> holding its full (unshortened) text.
 * @param {GraphLayout} layout from layoutModelGraph
 * @param {{highlight?: string | null, summary?: string, wiring?: WiringText | null}} [opts]
 *   highlight: a layer name to outline; summary: the aria-label's template (DEFAULT_SUMMARY);
 *   wiring: the words of a diagram that can be wired (each box focusable, with an output port)
 * @returns {string}
 */
export function modelGraphSvg(layout, { highlight = null, summary = DEFAULT_SUMMARY, wiring = null } = {}) {
  const { width, height, fonts } = layout;
  const minWidth = Math.ceil((width * MIN_FONT_PX) / Math.min(fonts.rowFont, fonts.headerFont));
  const edges = layout.edges.map(({ points }) => {
    const d = points.map(([x, y], i) => `${i ? 'L' : 'M'}${x} ${y}`).join('');
    // The arrowhead along the last segment, its tip on the target's top edge.
    const [x0, y0] = points[points.length - 2] ?? points[0];
    const [x1, y1] = points[points.length - 1];
    const len = Math.hypot(x1 - x0, y1 - y0) || 1;
    const [ux, uy] = [(x1 - x0) / len, (y1 - y0) / len];
    const [bx, by] = [x1 - ux * ARROW, y1 - uy * ARROW];
    const half = ARROW * 0.45;
    const tip = [x1, y1, bx - uy * half, by + ux * half, bx + uy * half, by - ux * half].map(
      (v) => +v.toFixed(2),
    );
    return `<path class="mg-edge" d="${d}"/><path class="mg-arrow" d="M${tip[0]} ${tip[1]}L${tip[2]} ${tip[3]}L${tip[4]} ${tip[5]}Z"/>`;
  });
  const boxes = layout.nodes.map((n) => {
    const classes = ['mg-node', n.trainable ? '' : 'mg-frozen', n.name === highlight ? 'mg-highlight' : '']
      .filter(Boolean)
      .join(' ');
    const full = [n.title, ...n.rows.map(([label, text]) => (label ? `${label}: ${text}` : text))].join('\n');
    const cx = n.w / 2;
    const text = n.lines
      .map(
        (line) =>
          `<text class="${line.header ? 'mg-head-text' : 'mg-row-text'}" x="${cx}" y="${line.y}" text-anchor="middle">${spansSvg(line.spans)}</text>`,
      )
      .join('');
    const dividers = n.dividers
      .slice(1)
      .map((y) => `<line class="mg-divider" x1="0" y1="${y}" x2="${n.w}" y2="${y}"/>`)
      .join('');
    const halo =
      n.name === highlight
        ? `<rect class="mg-halo" x="-4" y="-4" width="${n.w + 8}" height="${n.h + 8}" rx="3"/>`
        : '';
    const wire = wiring ? wiringMarkup(n, wiring, escapeXml) : { attrs: '', ring: '', port: '' };
    return (
      `<g class="${classes}" data-layer="${escapeXml(n.name)}" transform="translate(${n.x} ${n.y})"${wire.attrs}>` +
      `<title>${escapeXml(full)}</title>${halo}${wire.ring}` +
      `<rect class="mg-body" width="${n.w}" height="${n.h}"/>` +
      `<rect class="mg-head" width="${n.w}" height="${n.headerHeight}"/>${dividers}` +
      `<rect class="mg-outline" x="0.5" y="0.5" width="${n.w - 1}" height="${n.h - 1}"/>${text}${wire.port}</g>`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="mg-root" viewBox="0 0 ${width} ${height}" ` +
    `width="${width}" height="${height}" role="${wiring ? 'group' : 'img'}" aria-label="${escapeXml(modelGraphSummary(layout, summary))}" ` +
    `style="display:block;width:${width}px;max-width:100%;min-width:${Math.min(width, minWidth)}px;height:auto">` +
    `${styleSheet(fonts, Boolean(wiring))}<g class="mg-edges">${edges.join('')}</g>${boxes.join('')}</svg>`
  );
}

/** Hidden from sight, read by screen readers: what the keyboard wiring holds. */
const LIVE_STYLE =
  'position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap';

export class ModelGraphView {
  /**
   * @param {HTMLElement} el an empty container
   * @param {{boxWidth?: number, nodeGap?: number, rankGap?: number, labels?: Partial<typeof DEFAULT_LABELS>
   *   & {summary?: string}, onConnect?: (from: string, to: string) => void, connectText?: WiringText}} [opts]
   *   sizes in CSS px; labels: the diagram's words (Keras's English by default) and the
   *   aria-label's template (DEFAULT_SUMMARY); onConnect: makes the diagram wirable, called with
   *   the node dragged from and the box dropped on (the caller decides what that does);
   *   connectText: the wiring's words (model-graph-wire.mjs's English by default)
   */
  constructor(el, opts = {}) {
    this.el = el;
    this.opts = opts;
    this.key = '';
    /** @type {GraphLayout | null} */
    this.layout = null;
    const { onConnect } = opts;
    this.wiring = onConnect
      ? new GraphWiring(el, { layout: () => this.layout, onConnect, text: (k, p) => this.text(k, p) })
      : null;
    el.classList.add('model-graph');
  }

  /** @type {WiringText} */
  text(key, params) {
    return (this.opts.connectText ?? defaultWiringText)(key, params);
  }

  /**
   * Redraws when the model or the highlight changed.
   * @param {{model?: ModelDesc | null, highlight?: string | null}} data model: the engine's
   *   `build` answer's `model`, null for none; highlight: a layer name to outline
   */
  update({ model = null, highlight = null } = {}) {
    if (!model) {
      this.reset();
      return;
    }
    const key = JSON.stringify([model, highlight]);
    if (key === this.key) return;
    this.key = key;
    const { labels = {}, onConnect, connectText, ...sizes } = this.opts;
    this.layout = layoutModelGraph(model, { ...sizes, labels });
    const wiring = this.wiring ? this.text.bind(this) : null;
    // The box that had the keyboard's focus gets it back in the new drawing.
    const active = document.activeElement;
    const focused = active && this.el.contains(active) ? active.closest('[data-layer]') : null;
    const focusName = focused instanceof SVGElement ? focused.dataset.layer : undefined;
    this.wiring?.cancel();
    const svg = modelGraphSvg(this.layout, { highlight, summary: labels.summary, wiring });
    const live = wiring ? `<p class="mg-live" aria-live="polite" style="${LIVE_STYLE}"></p>` : '';
    this.el.innerHTML = `<div class="model-graph-scroll" style="overflow-x:auto;max-width:100%">${svg}</div>${live}`;
    if (focusName !== undefined) this.wiring?.box(focusName)?.focus();
    this.reveal(highlight);
  }

  /**
   * Scrolls the wrapper sideways so the highlighted box is in view (a wide model on a phone).
   * @param {string | null} name
   */
  reveal(name) {
    const node = this.layout?.nodes.find((n) => n.name === name);
    const scroller = /** @type {HTMLElement | null} */ (this.el.querySelector('.model-graph-scroll'));
    const svg = scroller?.querySelector('svg');
    if (!node || !scroller || !svg || !this.layout || scroller.scrollWidth <= scroller.clientWidth) return;
    const scale = svg.getBoundingClientRect().width / this.layout.width;
    scroller.scrollLeft = Math.max(0, (node.x + node.w / 2) * scale - scroller.clientWidth / 2);
  }

  reset() {
    this.wiring?.cancel();
    this.key = '';
    this.layout = null;
    this.el.innerHTML = '';
  }

  destroy() {
    this.reset();
    this.wiring?.destroy();
    this.el.classList.remove('model-graph');
  }
}
