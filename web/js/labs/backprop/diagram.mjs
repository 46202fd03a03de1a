// The network diagram of the backprop lab: one SVG, neurons as circles in columns (inputs left,
// the loss node E right), each with the lines of numbers the lab gives it (z, a, δ), edges with
// their weight's name and value, the current node ringed and the nodes already visited
// filled. A dumb view: it knows no engine, store or language; a click on a weight label calls
// onWeight(index).
const NS = 'http://www.w3.org/2000/svg';
const WIDE_COLUMN = 170; // px between layer columns (viewBox units)
const NARROW_COLUMN = 120; // in a box narrower than NARROW_BOX px (a phone)
const NARROW_BOX = 520;
/** The drawing never shrinks below this share of its size (numbers stay readable): a wider
 *  network scrolls in its box instead. */
const MIN_SCALE = 0.7;
const ROW = 110; // px between neurons of a column (room for three lines of numbers)
const RADIUS = 22;
const MARGIN = 48;
/** Where along its edge a label sits: straight edges in the middle; an edge that climbs near
 *  its source, one that falls near its target, so crossing edges' labels stay apart and below
 *  the numbers written under each neuron. */
const labelAt = (a, b, narrow) => {
  const near = narrow ? 0.25 : 0.3;
  return a.y === b.y ? 0.5 : b.y < a.y ? near : 1 - near;
};
/** Above this many edges only the current node's edges carry a label (the rest a tooltip). */
const LABEL_LIMIT = 24;

const make = (name, attrs = {}, text = null) => {
  const el = document.createElementNS(NS, name);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, String(value));
  if (text !== null) el.textContent = text;
  return el;
};

export class NetworkDiagram {
  /** el: the container; onWeight(index): a weight label was clicked. */
  constructor(el, { onWeight = () => {} } = {}) {
    this.el = el;
    this.onWeight = onWeight;
    this.svg = make('svg', { class: 'bp-diagram', role: 'img' });
    el.append(this.svg);
    this.onClick = (event) => {
      const label = event.target.closest?.('[data-weight-index]');
      if (label) this.onWeight(Number(label.dataset.weightIndex));
    };
    this.onKey = (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      const label = event.target.closest?.('[data-weight-index]');
      if (!label) return;
      event.preventDefault();
      this.onWeight(Number(label.dataset.weightIndex));
    };
    this.svg.addEventListener('click', this.onClick);
    this.svg.addEventListener('keydown', this.onKey);
  }

  /**
   * @param {{columns: {id: string, name: string, lines: string[]}[][], edges: {from: string,
   *   to: string, index: number, label: string, title: string}[], current: string | null,
   *   visited: Set<string>, lossLines: string[], label: string, editable: boolean}} data
   *   columns: neurons per layer, inputs first; the loss node is added after the last.
   */
  update({ columns, edges, current, visited, lossLines, label, editable }) {
    const rows = Math.max(...columns.map((c) => c.length), 1);
    const box = this.el.clientWidth;
    const narrow = box > 0 && box < NARROW_BOX;
    const step = narrow ? NARROW_COLUMN : WIDE_COLUMN; // between columns
    this.svg.classList.toggle('narrow', narrow);
    // the loss node E sits closer than a layer: it has no weights to label
    const lossGap = step * 0.6;
    const width = MARGIN * 2 + step * (columns.length - 1) + lossGap + 20;
    const height = MARGIN * 2 + ROW * (rows - 1) + 34;
    this.svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    this.svg.style.minWidth = `${Math.round(width * MIN_SCALE)}px`;
    this.svg.setAttribute('aria-label', label);
    this.svg.replaceChildren();
    /** @type {Map<string, {x: number, y: number}>} */
    const at = new Map();
    columns.forEach((column, c) => {
      const top = MARGIN + (ROW * (rows - column.length)) / 2;
      column.forEach((node, r) => at.set(node.id, { x: MARGIN + c * step, y: top + r * ROW }));
    });
    const lossAt = {
      x: MARGIN + (columns.length - 1) * step + lossGap,
      y: MARGIN + (ROW * (rows - 1)) / 2,
    };
    at.set('loss', lossAt);

    const edgeLayer = make('g', { class: 'bp-edges' });
    const labelLayer = make('g', { class: 'bp-edge-labels' });
    const labelAll = edges.length <= LABEL_LIMIT;
    for (const edge of edges) {
      const a = at.get(edge.from);
      const b = at.get(edge.to);
      if (!a || !b) continue;
      const touches = current !== null && (edge.from === current || edge.to === current);
      edgeLayer.append(
        make('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: touches ? 'bp-edge active' : 'bp-edge' }),
      );
      if (!labelAll && !touches) continue;
      const f = labelAt(a, b, narrow);
      const x = a.x + (b.x - a.x) * f;
      const y = a.y + (b.y - a.y) * f;
      const g = make('g', {
        class: touches ? 'bp-weight active' : 'bp-weight',
        'data-weight-index': edge.index,
        ...(editable ? { tabindex: 0, role: 'button' } : {}),
      });
      g.append(make('title', {}, edge.title));
      const text = make('text', { x, y: y + 4, 'text-anchor': 'middle' }, edge.label);
      const width = (narrow ? 6.6 : 7.2) * edge.label.length + 8; // monospace 11 or 12 px
      g.append(make('rect', { x: x - width / 2, y: y - 10, width, height: 19, rx: 4 }), text);
      labelLayer.append(g);
    }
    // output neurons feed the loss node
    for (const node of columns[columns.length - 1] ?? []) {
      const a = /** @type {{x: number, y: number}} */ (at.get(node.id));
      edgeLayer.append(make('line', { x1: a.x, y1: a.y, x2: lossAt.x, y2: lossAt.y, class: 'bp-edge loss' }));
    }

    const nodeLayer = make('g', { class: 'bp-nodes' });
    const drawNode = (id, name, lines, { x, y }, extra = '') => {
      const state = id === current ? ' current' : visited.has(id) ? ' visited' : '';
      const g = make('g', { class: `bp-node${extra}${state}`, 'data-node': id });
      g.append(make('circle', { cx: x, cy: y, r: RADIUS }));
      g.append(make('text', { x, y: y + 5, 'text-anchor': 'middle', class: 'bp-node-name' }, name));
      lines.forEach((text, k) =>
        g.append(
          make(
            'text',
            { x, y: y + RADIUS + 14 + 13 * k, 'text-anchor': 'middle', class: 'bp-node-value' },
            text,
          ),
        ),
      );
      nodeLayer.append(g);
    };
    for (const node of columns.flat())
      drawNode(node.id, node.name, node.lines, /** @type {any} */ (at.get(node.id)));
    drawNode('loss', 'E', lossLines, lossAt, ' loss');
    this.svg.append(edgeLayer, nodeLayer, labelLayer);
  }

  reset() {
    this.svg.replaceChildren();
  }

  destroy() {
    this.svg.removeEventListener('click', this.onClick);
    this.svg.removeEventListener('keydown', this.onKey);
    this.svg.remove();
  }
}
