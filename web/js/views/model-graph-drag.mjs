// @ts-check
// Wiring on a model diagram, as a visual graph editor does it: each box has an output port (a
// dot on its bottom edge); pressing it and dragging draws a wire that follows the pointer, and
// releasing it on another box asks for that layer to read the first (`onConnect(from, to)`;
// what that means is the caller's business). Dropping on the box it came from, on empty space,
// or Escape cancels. Mouse, pen and touch are one path (pointer events with capture); only the
// ports say `touch-action: none`, so a finger elsewhere still scrolls the diagram on a phone.
//
// A tap on a port (no drag) picks its output up instead; a tap on another box then connects,
// which suits a phone where a long drag fights the scrolling. The keyboard does the same: every
// box is a focusable button (Tab, or the arrow keys to the nearest box that way); Enter or
// Space picks up the focused box's output, Enter or Space on another box connects it there, on
// the same box or with Escape cancels. A polite live region says what is carried.
//
// The geometry, markup and key steps are model-graph-wire.mjs (pure, tested in Node); this
// binds them to a view's element and never imports the engine or i18n.
import { nodeAt, neighbour, portOf, toDiagram, wirePath, wiringKey } from './model-graph-wire.mjs';

/** @typedef {import('./model-graph-layout.mjs').GraphLayout} GraphLayout */
/** @typedef {import('./model-graph-layout.mjs').GraphNode} GraphNode */
/** @typedef {import('./model-graph-wire.mjs').WiringText} WiringText */

const DRAG_SLOP = 4; // CSS px a press may wander and still be a tap
const EDGE = 28; // CSS px from a scroller's edge where a drag scrolls it
const EDGE_STEP = 12;
const SVG_NS = 'http://www.w3.org/2000/svg';

/** Binds wiring to a diagram's container: pointer drags, taps and keys, one wire at a time. */
export class GraphWiring {
  /**
   * @param {HTMLElement} el the view's element (the SVG is redrawn inside it; listeners stay)
   * @param {{layout: () => GraphLayout | null, onConnect: (from: string, to: string) => void,
   *   text: WiringText}} opts layout: the diagram drawn now
   */
  constructor(el, opts) {
    this.el = el;
    this.opts = opts;
    /** @type {string | null} the node whose output is picked up (tap or keyboard) */
    this.carrying = null;
    /** @type {{from: string | null, pointerId: number, x: number, y: number, moved: boolean} | null} */
    this.press = null;
    this.handlers = /** @type {Array<[EventTarget, string, (e: any) => void]>} */ ([
      [el, 'pointerdown', (e) => this.down(e)],
      [el, 'pointermove', (e) => this.move(e)],
      [el, 'pointerup', (e) => this.up(e)],
      [el, 'pointercancel', () => this.endPress()],
      [el, 'lostpointercapture', () => this.endPress()],
      [el, 'keydown', (e) => this.key(e)],
      [el, 'focusin', (e) => this.focus(e)],
      [window, 'keydown', (e) => e.key === 'Escape' && this.press && this.endPress()],
    ]);
    for (const [target, type, fn] of this.handlers) target.addEventListener(type, fn);
  }

  /** @returns {SVGSVGElement | null} */
  svg() {
    return this.el.querySelector('svg');
  }

  /** @param {string} name @returns {GraphNode | undefined} */
  node(name) {
    return this.opts.layout()?.nodes.find((n) => n.name === name);
  }

  /** @param {string} name @returns {SVGGElement | undefined} the box's <g> */
  box(name) {
    return /** @type {SVGGElement[]} */ ([...this.el.querySelectorAll('.mg-node')]).find(
      (g) => g.dataset.layer === name,
    );
  }

  /** @param {PointerEvent} e @returns {[number, number] | null} the pointer in diagram units */
  point(e) {
    const svg = this.svg();
    const layout = this.opts.layout();
    return svg && layout ? toDiagram(svg.getBoundingClientRect(), layout, e.clientX, e.clientY) : null;
  }

  /** @param {string} text */
  say(text) {
    const live = this.el.querySelector('.mg-live');
    if (live) live.textContent = text;
  }

  /**
   * Draws the wire from `from`'s port to `to` (a point, or a box's top middle) and marks the
   * box it would land on; `from` null clears both.
   * @param {string | null} from @param {[number, number] | string | null} [to]
   */
  draw(from, to = null) {
    const svg = this.svg();
    for (const g of this.el.querySelectorAll('.mg-drop, .mg-carrying'))
      g.classList.remove('mg-drop', 'mg-carrying');
    svg?.querySelector('.mg-wire')?.remove();
    const source = from ? this.node(from) : undefined;
    if (!svg || !from || !source) return;
    this.box(from)?.classList.add('mg-carrying');
    const layout = /** @type {GraphLayout} */ (this.opts.layout());
    const target = typeof to === 'string' ? to : to ? nodeAt(layout, to) : null;
    const over = target && target !== from ? this.node(target) : undefined;
    if (over) this.box(over.name)?.classList.add('mg-drop');
    /** @type {[number, number] | null} */
    const end = Array.isArray(to) ? to : over ? [over.x + over.w / 2, over.y] : null;
    if (!end) return;
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('class', 'mg-wire');
    path.setAttribute('d', wirePath(portOf(source), end));
    svg.appendChild(path);
  }

  /** @param {{carrying: string | null, connect?: [string, string], said?: 'picked' | 'cancelled'}} step */
  apply(step) {
    this.carrying = step.carrying;
    this.draw(null);
    if (step.carrying) this.box(step.carrying)?.classList.add('mg-carrying');
    if (step.said) this.say(this.opts.text(step.said, { name: step.carrying ?? '' }));
    else this.say('');
    if (step.connect) this.opts.onConnect(...step.connect);
  }

  /** @param {PointerEvent} e */
  down(e) {
    if (this.press || !e.isPrimary || (e.pointerType === 'mouse' && e.button !== 0)) return;
    const target = /** @type {Element} */ (e.target);
    const port = /** @type {SVGGElement | null} */ (target.closest?.('.mg-port'));
    // A press off the ports matters only while something is carried (a tap there lands it).
    if (!port && !this.carrying) return;
    this.press = {
      from: port?.dataset.port ?? null,
      pointerId: e.pointerId,
      x: e.clientX,
      y: e.clientY,
      moved: false,
    };
    if (!port) return;
    e.preventDefault();
    this.el.setPointerCapture(e.pointerId);
    this.svg()?.classList.add('mg-wiring');
  }

  /** @param {PointerEvent} e */
  move(e) {
    const press = this.press;
    if (!press) {
      // Carrying after a tap: the wire follows a hovering mouse.
      if (this.carrying && e.pointerType === 'mouse') this.draw(this.carrying, this.point(e));
      return;
    }
    if (e.pointerId !== press.pointerId) return;
    if (Math.hypot(e.clientX - press.x, e.clientY - press.y) > DRAG_SLOP) press.moved = true;
    if (!press.from || !press.moved) return;
    this.edgeScroll(e);
    this.draw(press.from, this.point(e));
  }

  /** @param {PointerEvent} e */
  up(e) {
    const press = this.press;
    if (!press || e.pointerId !== press.pointerId) return;
    const point = this.point(e);
    const layout = this.opts.layout();
    const over = point && layout ? nodeAt(layout, point) : null;
    this.endPress();
    if (press.from && press.moved) {
      // A drag replaces whatever a tap had picked up.
      if (this.carrying) this.apply({ carrying: null });
      if (over && over !== press.from) this.opts.onConnect(press.from, over);
      return;
    }
    if (press.moved) return; // a scroll or a drag that began off the ports
    // A tap: on a port it is Enter on that box; elsewhere it lands (or drops) what is carried.
    const on = press.from ?? over;
    const step = on ? wiringKey(this.carrying, 'Enter', on) : wiringKey(this.carrying, 'Escape', null);
    if (step) this.apply(step);
  }

  endPress() {
    const press = this.press;
    if (!press) return;
    this.press = null;
    if (this.el.hasPointerCapture?.(press.pointerId)) this.el.releasePointerCapture(press.pointerId);
    this.svg()?.classList.remove('mg-wiring');
    this.draw(this.carrying);
  }

  /** @param {KeyboardEvent} e */
  key(e) {
    const box = /** @type {Element} */ (e.target).closest?.('.mg-node');
    const name = box instanceof SVGGElement ? (box.dataset.layer ?? null) : null;
    const next = name ? neighbour(/** @type {GraphLayout} */ (this.opts.layout()), name, e.key) : null;
    if (next) {
      e.preventDefault();
      this.box(next)?.focus();
      return;
    }
    if (e.key.startsWith('Arrow') && name) e.preventDefault();
    const step = wiringKey(this.carrying, e.key, name);
    if (!step) return;
    e.preventDefault();
    this.apply(step);
  }

  /** While carrying, the wire points at the box the keyboard moved to. @param {FocusEvent} e */
  focus(e) {
    const box = /** @type {Element} */ (e.target).closest?.('.mg-node');
    if (this.carrying && box instanceof SVGGElement) this.draw(this.carrying, box.dataset.layer ?? null);
  }

  /** Scrolls the diagram's scrollers when a drag nears their edge. @param {PointerEvent} e */
  edgeScroll(e) {
    for (const s of [this.el.querySelector('.model-graph-scroll'), this.el]) {
      if (!(s instanceof HTMLElement)) continue;
      const r = s.getBoundingClientRect();
      const dx = e.clientX < r.left + EDGE ? -EDGE_STEP : e.clientX > r.right - EDGE ? EDGE_STEP : 0;
      const dy = e.clientY < r.top + EDGE ? -EDGE_STEP : e.clientY > r.bottom - EDGE ? EDGE_STEP : 0;
      if (dx || dy) s.scrollBy(dx, dy);
    }
  }

  /** Drops any press or carried output (the diagram is being redrawn or removed). */
  cancel() {
    this.endPress();
    this.carrying = null;
    this.draw(null);
  }

  destroy() {
    this.cancel();
    for (const [target, type, fn] of this.handlers) target.removeEventListener(type, fn);
  }
}
