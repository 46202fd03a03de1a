// @ts-check
// The pure half of wiring on a model diagram (model-graph-drag.mjs binds it to the page): the
// ports' markup and style, pointer positions in diagram units, the box under a point, the box
// an arrow key moves to, the wire's path, and the pick-up / connect / cancel steps of the
// keyboard and of taps. No DOM here, so Node tests read all of it.

/** @typedef {import('./model-graph-layout.mjs').GraphLayout} GraphLayout */
/** @typedef {import('./model-graph-layout.mjs').GraphNode} GraphNode */
/** @typedef {'port' | 'node' | 'picked' | 'cancelled'} WiringTextKey */
/** @typedef {(key: WiringTextKey, params: Record<string, string>) => string} WiringText */

/**
 * The port's hit radius in diagram units. The SVG never shrinks below MIN_FONT_PX / rowFont
 * (11/12) of its size, so a 28-unit circle is at least 25 CSS px across: a finger's target.
 */
export const PORT_HIT_RADIUS = 14;
const PORT_DOT_RADIUS = 5;
const ROW_SLACK = 8; // diagram units two box centres may differ and still share a rank

/** The English words, {name} and {title} filled in; a page passes its own (connectText). */
export const DEFAULT_WIRING_TEXT = {
  port: 'Output of {name}: drag onto another layer',
  node: '{title}. Enter picks up its output, or connects the output you carry here.',
  picked: 'Carrying the output of {name}: go to another layer and press Enter; Escape cancels.',
  cancelled: 'Wire cancelled.',
};

/** @type {WiringText} */
export const defaultWiringText = (key, params) =>
  DEFAULT_WIRING_TEXT[key].replace(/\{(\w+)\}/g, (all, k) => params[k] ?? all);

/**
 * A point in diagram units from a pointer's client position, given the SVG's client rectangle
 * (the viewBox fills it uniformly: its height follows its width).
 * @param {{left: number, top: number, width: number, height: number}} rect
 * @param {{width: number, height: number}} layout
 * @param {number} clientX
 * @param {number} clientY
 * @returns {[number, number]}
 */
export function toDiagram(rect, layout, clientX, clientY) {
  return [
    ((clientX - rect.left) * layout.width) / (rect.width || 1),
    ((clientY - rect.top) * layout.height) / (rect.height || 1),
  ];
}

/**
 * The name of the box under a diagram point (its outline grown by `pad`), or null.
 * @param {GraphLayout} layout
 * @param {[number, number]} point
 * @param {number} [pad]
 * @returns {string | null}
 */
export function nodeAt(layout, [x, y], pad = 4) {
  const hit = layout.nodes.find(
    (n) => x >= n.x - pad && x <= n.x + n.w + pad && y >= n.y - pad && y <= n.y + n.h + pad,
  );
  return hit?.name ?? null;
}

/**
 * The centre of a box's output port (its bottom edge's middle), in diagram units.
 * @param {GraphNode} n
 * @returns {[number, number]}
 */
export const portOf = (n) => [n.x + n.w / 2, n.y + n.h];

/**
 * The wire from a port to a point: a curve leaving downwards and arriving from above, as the
 * diagram's arrows run, so a wire to a box below looks like the edge it will become.
 * @param {[number, number]} from
 * @param {[number, number]} to
 * @returns {string} an SVG path
 */
export function wirePath([x0, y0], [x1, y1]) {
  const bend = Math.max(24, Math.abs(y1 - y0) / 2);
  const r = (/** @type {number} */ v) => Math.round(v * 10) / 10;
  return `M${r(x0)} ${r(y0)}C${r(x0)} ${r(y0 + bend)} ${r(x1)} ${r(y1 - bend)} ${r(x1)} ${r(y1)}`;
}

/**
 * The box the arrow key `key` moves to from box `name`: Up and Down go to the nearest rank
 * that way and there to the box most nearly in line; Left and Right stay in the rank when a box
 * is there, else go to the rank nearest in height, and there to the nearest box that way.
 * @param {GraphLayout} layout
 * @param {string} name
 * @param {string} key ArrowUp, ArrowDown, ArrowLeft or ArrowRight
 * @returns {string | null} null at the edge, or for another key
 */
export function neighbour(layout, name, key) {
  const dir = /** @type {Record<string, [number, number]>} */ ({
    ArrowUp: [0, -1],
    ArrowDown: [0, 1],
    ArrowLeft: [-1, 0],
    ArrowRight: [1, 0],
  })[key];
  const from = layout.nodes.find((n) => n.name === name);
  if (!dir || !from) return null;
  const centre = (/** @type {GraphNode} */ n) => [n.x + n.w / 2, n.y + n.h / 2];
  const [x0, y0] = centre(from);
  const candidates = layout.nodes.flatMap((n) => {
    const [dx, dy] = [centre(n)[0] - x0, centre(n)[1] - y0];
    const along = dx * dir[0] + dy * dir[1];
    const across = Math.abs(dir[0] ? dy : dx);
    // Up/Down: first the nearest rank (along), then in line (across); Left/Right the reverse.
    const [first, then] = dir[0] ? [across, along] : [along, across];
    return n === from || along <= 0.5 ? [] : [{ name: n.name, first, then }];
  });
  if (!candidates.length) return null;
  // Centres within a rank differ by rounding only; ROW_SLACK keeps a rank together.
  const nearest = Math.min(...candidates.map((c) => c.first));
  const row = candidates.filter((c) => c.first <= nearest + ROW_SLACK);
  return row.reduce((a, b) => (b.then < a.then ? b : a)).name;
}

/**
 * One step of the pick-up-and-connect state for a key (a tap on a port or, while carrying, on
 * a box, counts as Enter on that box).
 * @param {string | null} carrying the node whose output is picked up
 * @param {string} key KeyboardEvent.key
 * @param {string | null} focused the box the key is pressed on
 * @returns {{carrying: string | null, connect?: [string, string], said?: 'picked' | 'cancelled'} | null}
 *   null when the key is not one of these
 */
export function wiringKey(carrying, key, focused) {
  if (key === 'Escape') return carrying ? { carrying: null, said: 'cancelled' } : null;
  if ((key !== 'Enter' && key !== ' ') || !focused) return null;
  if (!carrying) return { carrying: focused, said: 'picked' };
  if (carrying === focused) return { carrying: null, said: 'cancelled' };
  return { carrying: null, connect: [carrying, focused] };
}

/**
 * A box's extra markup when the diagram can be wired: its attributes (a focusable button named
 * by `text`), a focus ring under the outline and its port, drawn in the box's own frame.
 * @param {GraphNode} n
 * @param {WiringText} text
 * @param {(s: unknown) => string} escape the view's XML escaping
 * @returns {{attrs: string, ring: string, port: string}}
 */
export function wiringMarkup(n, text, escape) {
  const label = escape(text('node', { title: n.title, name: n.name }));
  return {
    attrs: ` tabindex="0" role="button" aria-label="${label}"`,
    ring: `<rect class="mg-ring" x="-3" y="-3" width="${n.w + 6}" height="${n.h + 6}" rx="3"/>`,
    port:
      `<g class="mg-port" data-port="${escape(n.name)}" transform="translate(${n.w / 2} ${n.h})">` +
      `<title>${escape(text('port', { name: n.name }))}</title>` +
      `<circle class="mg-port-hit" r="${PORT_HIT_RADIUS}"/><circle class="mg-port-dot" r="${PORT_DOT_RADIUS}"/></g>`,
  };
}

/**
 * The wiring's rules for the SVG's stylesheet, in the page's palette.
 * @param {(name: Parameters<typeof import('./colors.mjs').cssColour>[0]) => string} colour the view's var() with fallback
 * @returns {string}
 */
export function wiringStyle(colour) {
  // touch-action: Chromium ignores it on an inline box, which an SVG <g> is by default;
  // display:block changes nothing in SVG's drawing and lets the ports keep a finger's drag.
  const wire = colour('blue');
  const focus = `var(--focus, ${colour('orange')})`;
  return `.mg-node{outline:none}
.mg-ring{fill:none;stroke:none}
.mg-node:focus-visible .mg-ring{stroke:${focus};stroke-width:3}
.mg-drop .mg-ring,.mg-carrying .mg-ring{stroke:${wire};stroke-width:3}
.mg-carrying .mg-ring{stroke-dasharray:6 4}
.mg-port{display:block;cursor:crosshair;touch-action:none;-webkit-user-select:none;user-select:none}
.mg-port-hit{fill:none;pointer-events:all}
.mg-port-dot{fill:${colour('paper')};stroke:${wire};stroke-width:2}
.mg-port:hover .mg-port-dot,.mg-carrying .mg-port-dot{fill:${wire}}
.mg-wire{fill:none;stroke:${wire};stroke-width:2;stroke-dasharray:6 4;pointer-events:none}
.mg-wiring{-webkit-user-select:none;user-select:none;cursor:crosshair}
`;
}
