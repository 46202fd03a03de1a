// @ts-check
// The layout of a model diagram as keras.utils.plot_model(model, show_shapes=True,
// show_layer_names=True) draws it: one box per layer (model inputs as InputLayer boxes), a
// "name (Class)" header and "Input shape" / "Output shape" rows, arrows from each inbound node,
// top to bottom. Graphviz does this for Keras; here it is a small layered (Sugiyama) layout:
//   1. ranks: the longest path from the inputs, so every arrow points down;
//   2. an edge that skips ranks gets a narrow reserved slot (a "dummy" vertex) in each rank it crosses,
//      so it runs between boxes instead of through them;
//   3. order within a rank: a few barycenter sweeps, keeping the order with the fewest crossings;
//   4. x: each box pulled towards the middle of its neighbours (weighted isotonic regression
//      keeps the order and the gaps), dummies weigh more so long edges run straight.
// Pure and deterministic (no DOM): text widths are estimated from the characters
// (model-graph-text.mjs).
import { formatInputShapes, formatShape, textWidth, wrapSpans } from './model-graph-text.mjs';

export { formatInputShapes, formatShape, textWidth, wrapSpans };

/** @typedef {Array<number | null>} Shape a per-sample shape (no batch axis); null: unknown size */
/**
 * @typedef {object} ModelLayer
 * @property {string} name
 * @property {string} [type] the Keras class name ("Dense")
 * @property {Shape | Shape[]} [output_shape] one shape, or one per output of the layer
 * @property {number} [params]
 * @property {string[]} [inputs] inbound node names: model inputs or earlier layers
 * @property {boolean} [trainable] false draws a "Non-trainable" row and a greyed box
 */
/**
 * @typedef {object} ModelDesc the engine's `build` answer's `model`
 * @property {string} [name]
 * @property {Array<{name: string, shape?: Shape}>} [inputs]
 * @property {Array<{name: string, shape?: Shape}>} [outputs]
 * @property {ModelLayer[]} [layers]
 * @property {number} [params]
 * @property {number} [trainable_params]
 */
/** @typedef {{text: string, strong: boolean}} Span a run of text, bold or not */
/** @typedef {{y: number, spans: Span[], header: boolean}} TextLine y: baseline below the box top */
/**
 * @typedef {object} GraphNode
 * @property {string} id unique (a repeated name gets "#2", "#3")
 * @property {string} name the layer or input name
 * @property {string} title "name (Class)"
 * @property {string} className
 * @property {Array<[string, string]>} rows [label, text]; label '' for a row of text alone
 * @property {boolean} trainable
 * @property {number} x
 * @property {number} y
 * @property {number} w
 * @property {number} h
 * @property {number} rank
 * @property {number} headerHeight
 * @property {number[]} dividers y of each row's top edge below the header, from the box top
 * @property {TextLine[]} lines the text as drawn (wrapped, ellipsis when too long)
 */
/** @typedef {{from: string, to: string, points: Array<[number, number]>}} GraphEdge */
/**
 * @typedef {object} GraphLayout
 * @property {GraphNode[]} nodes
 * @property {GraphEdge[]} edges
 * @property {number} width
 * @property {number} height
 * @property {number} ranks
 * @property {{headerFont: number, rowFont: number}} fonts
 * @property {{name: string, layers: number, inputs: string[], outputs: string[], params: number | null,
 *   trainableParams: number | null}} model
 */

/** Keras's own words on the diagram (plot_model prints them in English); override to translate. */
export const DEFAULT_LABELS = {
  inputShape: 'Input shape',
  outputShape: 'Output shape',
  nonTrainable: 'Non-trainable',
};

const DEFAULTS = {
  boxWidth: 200,
  nodeGap: 32, // between two boxes of a rank
  rankGap: 44, // between two ranks
  margin: 12,
  headerFont: 14, // Keras: 16 pt header, 14 pt rows; kept in that ratio, smaller on a page
  rowFont: 12,
  padX: 8,
  padY: 5,
  titleLines: 2, // at most, then an ellipsis
  rowLines: 3,
};
const SLOT_WIDTH = 8; // the width a long edge reserves in a rank it crosses
const SLOT_GAP = 4; // between two such slots
const SLOT_WEIGHT = 4; // how much harder a long edge's slot pulls towards straight
const ORDER_SWEEPS = 8;
const POSITION_SWEEPS = 4;

/**
 * Weighted isotonic regression (pool adjacent violators): the non-decreasing sequence closest
 * to `targets` in weighted least squares.
 * @param {number[]} targets
 * @param {number[]} weights positive
 * @returns {number[]}
 */
function isotonic(targets, weights) {
  /** @type {Array<{w: number, s: number, n: number}>} */
  const blocks = [];
  targets.forEach((t, i) => {
    let block = { w: weights[i], s: weights[i] * t, n: 1 };
    while (blocks.length && blocks[blocks.length - 1].s / blocks[blocks.length - 1].w >= block.s / block.w) {
      const prev = /** @type {{w: number, s: number, n: number}} */ (blocks.pop());
      block = { w: prev.w + block.w, s: prev.s + block.s, n: prev.n + block.n };
    }
    blocks.push(block);
  });
  return blocks.flatMap((b) => Array(b.n).fill(b.s / b.w));
}

/**
 * @typedef {object} NodeSpec a model input or layer, its inbound nodes resolved
 * @property {string} name
 * @property {string} className
 * @property {Shape | Shape[] | undefined} shape its output shape
 * @property {number[]} inbound indices of earlier nodes
 * @property {Array<Shape | Shape[] | undefined> | null} inShapes null for an InputLayer
 * @property {boolean} trainable
 * @property {number | undefined} params
 */
/**
 * @typedef {object} Vertex a box, or a long edge's slot in a rank it crosses (node -1)
 * @property {number} rank
 * @property {number} w
 * @property {number} node index into the nodes, -1 for a slot
 * @property {number} x centre
 * @property {number[]} up vertices linked in the rank above
 * @property {number[]} down vertices linked in the rank below
 */
/** @typedef {{from: number, to: number, chain: number[]}} Chain an edge's vertices, source to target */
/** @typedef {typeof DEFAULTS & {labels: typeof DEFAULT_LABELS}} Options */

/**
 * The model's inputs (as InputLayer nodes) and layers, each layer's inbound names resolved to
 * earlier nodes. A name that is unknown or not yet defined resolves to nothing ("?" shape, no
 * edge): the engine reports such a model as an error, and the diagram still draws.
 * @param {ModelDesc} model
 * @returns {NodeSpec[]}
 */
function readNodes(model) {
  /** @type {Map<string, number>} */
  const byName = new Map();
  /** @type {NodeSpec[]} */
  const specs = [];
  /** @param {NodeSpec} spec */
  const add = (spec) => {
    specs.push(spec);
    if (!byName.has(spec.name)) byName.set(spec.name, specs.length - 1);
  };
  for (const input of model.inputs ?? []) {
    add({
      name: String(input.name),
      className: 'InputLayer',
      shape: input.shape,
      inbound: [],
      inShapes: null,
      trainable: true,
      params: 0,
    });
  }
  for (const layer of model.layers ?? []) {
    // Only earlier nodes are in byName yet, so every edge points down.
    const known = (layer.inputs ?? []).map((n) => byName.get(String(n)));
    add({
      name: String(layer.name),
      className: String(layer.type ?? 'Layer'),
      shape: layer.output_shape,
      inbound: [...new Set(/** @type {number[]} */ (known.filter((i) => i !== undefined)))],
      inShapes: known.map((i) => (i === undefined ? undefined : specs[i].shape)),
      trainable: layer.trainable !== false,
      params: layer.params,
    });
  }
  return specs;
}

/**
 * A node's box: its header and rows as Keras's make_layer_label writes them, wrapped to the
 * box width, and the height they take. Position and rank are filled in later.
 * @param {NodeSpec} spec
 * @param {string} id
 * @param {number} boxWidth
 * @param {Options} o
 * @returns {GraphNode}
 */
function nodeBox(spec, id, boxWidth, o) {
  const { labels } = o;
  const inner = boxWidth - 2 * o.padX;
  const headerLine = Math.round(o.headerFont * 1.3);
  const rowLine = Math.round(o.rowFont * 1.35);
  /** @type {Array<[string, string]>} */
  const rows = [];
  if (spec.inShapes) rows.push([labels.inputShape, formatInputShapes(spec.inShapes)]);
  rows.push([labels.outputShape, formatShape(spec.shape)]);
  // Keras's show_trainable marks only layers with weights.
  if (!spec.trainable && spec.params !== 0) rows.push(['', labels.nonTrainable]);
  /** @type {TextLine[]} */
  const lines = [];
  const title = [
    { text: spec.name, strong: true },
    { text: ` (${spec.className})`, strong: false },
  ];
  wrapSpans(title, inner, o.headerFont, o.titleLines).forEach((spans, k) => {
    lines.push({ y: baseline(o.padY + k * headerLine, headerLine, o.headerFont), spans, header: true });
  });
  const headerHeight = 2 * o.padY + lines.length * headerLine;
  let y = headerHeight;
  /** @type {number[]} */
  const dividers = [];
  for (const [label, text] of rows) {
    dividers.push(y);
    const value = { text, strong: true };
    const spans = label ? [{ text: `${label}: `, strong: false }, value] : [value];
    const wrapped = wrapSpans(spans, inner, o.rowFont, o.rowLines);
    wrapped.forEach((line, k) => {
      lines.push({ y: baseline(y + o.padY + k * rowLine, rowLine, o.rowFont), spans: line, header: false });
    });
    y += 2 * o.padY + wrapped.length * rowLine;
  }
  return {
    id,
    name: spec.name,
    title: `${spec.name} (${spec.className})`,
    className: spec.className,
    rows,
    trainable: spec.trainable,
    x: 0,
    y: 0,
    w: boxWidth,
    h: y,
    rank: 0,
    headerHeight,
    dividers,
    lines,
  };
}

/**
 * The vertices (one per node, plus a slot in each rank an edge skips) and each edge's chain.
 * @param {GraphNode[]} nodes ranked
 * @param {NodeSpec[]} specs
 * @returns {{vertices: Vertex[], chains: Chain[]}}
 */
function linkRanks(nodes, specs) {
  /** @type {Vertex[]} */
  const vertices = nodes.map((n, i) => ({ rank: n.rank, w: n.w, node: i, x: 0, up: [], down: [] }));
  /** @type {Chain[]} */
  const chains = [];
  specs.forEach((spec, to) => {
    for (const from of spec.inbound) {
      const chain = [from];
      for (let r = nodes[from].rank + 1; r < nodes[to].rank; r += 1) {
        vertices.push({ rank: r, w: SLOT_WIDTH, node: -1, x: 0, up: [], down: [] });
        chain.push(vertices.length - 1);
      }
      chain.push(to);
      for (let k = 1; k < chain.length; k += 1) {
        vertices[chain[k - 1]].down.push(chain[k]);
        vertices[chain[k]].up.push(chain[k - 1]);
      }
      chains.push({ from, to, chain });
    }
  });
  return { vertices, chains };
}

/**
 * The order of the vertices within each rank: barycenter sweeps, down (by the rank above) and
 * up (by the rank below), keeping the order with the fewest crossings seen.
 * @param {Vertex[]} vertices
 * @param {number} rankCount
 * @returns {number[][]} per rank, vertex indices left to right
 */
function orderRanks(vertices, rankCount) {
  /** @type {number[][]} */
  const order = Array.from({ length: rankCount }, () => []);
  vertices.forEach((v, i) => order[v.rank].push(i));
  const position = new Int32Array(vertices.length);
  order.forEach((rank) => rank.forEach((v, k) => (position[v] = k)));
  const crossings = () => {
    let count = 0;
    for (let r = 0; r + 1 < rankCount; r += 1) {
      const pairs = order[r].flatMap((v) => vertices[v].down.map((u) => [position[v], position[u]]));
      for (let a = 0; a < pairs.length; a += 1) {
        for (let b = a + 1; b < pairs.length; b += 1) {
          if ((pairs[a][0] - pairs[b][0]) * (pairs[a][1] - pairs[b][1]) < 0) count += 1;
        }
      }
    }
    return count;
  };
  /** @param {number} r @param {'up' | 'down'} side */
  const sortRank = (r, side) => {
    const rank = order[r];
    const bary = rank.map((v) => {
      const near = vertices[v][side];
      return near.length ? near.reduce((s, u) => s + position[u], 0) / near.length : -1;
    });
    // Vertices with no neighbour on that side keep their slot; the others fill the rest sorted
    // (ties keep their order, so the result is deterministic).
    const movable = rank.map((v, k) => ({ v, k, b: bary[k] })).filter((e) => e.b >= 0);
    movable.sort((a, b) => a.b - b.b || a.k - b.k);
    let next = 0;
    order[r] = rank.map((v, k) => (bary[k] < 0 ? v : movable[next++].v));
    order[r].forEach((v, k) => (position[v] = k));
  };
  let best = crossings();
  let bestOrder = order.map((rank) => [...rank]);
  for (let sweep = 0; sweep < ORDER_SWEEPS && best > 0; sweep += 1) {
    if (sweep % 2 === 0) for (let r = 1; r < rankCount; r += 1) sortRank(r, 'up');
    else for (let r = rankCount - 2; r >= 0; r -= 1) sortRank(r, 'down');
    const count = crossings();
    if (count < best) {
      best = count;
      bestOrder = order.map((rank) => [...rank]);
    }
  }
  return bestOrder;
}

/**
 * Sets each vertex's centre x (whole pixels, the leftmost box edge at `margin`): neighbours in
 * a rank at least half their widths plus a gap apart, each pulled towards the mean of what it
 * links to in the rank above or below. The last sweep goes down, so each box sits under what
 * feeds it (a chain stays one straight column beside a skip edge, as Graphviz draws it).
 * @param {Vertex[]} vertices
 * @param {number[][]} order
 * @param {Options} o
 */
function placeColumns(vertices, order, o) {
  /** @param {number} a @param {number} b */
  const separation = (a, b) => {
    const slots = (vertices[a].node < 0 ? 1 : 0) + (vertices[b].node < 0 ? 1 : 0);
    const gap = slots === 0 ? o.nodeGap : slots === 1 ? Math.round(o.nodeGap / 2) : SLOT_GAP;
    return (vertices[a].w + vertices[b].w) / 2 + gap;
  };
  /** @param {number[]} rank @returns {number[]} each vertex's least distance from the first */
  const offsetsOf = (rank) => {
    const offsets = [0];
    for (let k = 1; k < rank.length; k += 1) offsets.push(offsets[k - 1] + separation(rank[k - 1], rank[k]));
    return offsets;
  };
  for (const rank of order) {
    const offsets = offsetsOf(rank);
    rank.forEach((v, k) => (vertices[v].x = offsets[k] - offsets[offsets.length - 1] / 2));
  }
  /** @param {number[]} rank @param {'up' | 'down'} side */
  const place = (rank, side) => {
    const offsets = offsetsOf(rank);
    /** @type {number[]} */
    const targets = [];
    /** @type {number[]} */
    const weights = [];
    rank.forEach((v, k) => {
      const near = vertices[v][side];
      const want = near.length ? near.reduce((s, u) => s + vertices[u].x, 0) / near.length : vertices[v].x;
      // In the offsets' frame, "in order, gaps kept" is "non-decreasing": isotonic regression.
      targets.push(want - offsets[k]);
      weights.push(near.length === 0 ? 0.25 : vertices[v].node < 0 ? SLOT_WEIGHT : 1);
    });
    isotonic(targets, weights).forEach((y, k) => (vertices[rank[k]].x = y + offsets[k]));
  };
  for (let sweep = 0; sweep < POSITION_SWEEPS; sweep += 1) {
    for (let r = 1; r < order.length; r += 1) place(order[r], 'up');
    for (let r = order.length - 2; r >= 0; r -= 1) place(order[r], 'down');
  }
  for (let r = 1; r < order.length; r += 1) place(order[r], 'up');
  // Whole pixels; a gap a rounding shaved (a float a hair short) is given back.
  const left = Math.min(...vertices.map((v) => v.x - v.w / 2));
  for (const rank of order) {
    rank.forEach((v, k) => {
      let x = Math.round(vertices[v].x - left) + o.margin;
      if (k > 0) x = Math.max(x, vertices[rank[k - 1]].x + separation(rank[k - 1], v));
      vertices[v].x = x;
    });
  }
}

/**
 * Lays out a model's diagram.
 * @param {ModelDesc} model
 * @param {Partial<typeof DEFAULTS> & {labels?: Partial<typeof DEFAULT_LABELS>}} [opts] sizes in
 *   px; labels: the words on the boxes (Keras's English by default)
 * @returns {GraphLayout}
 */
export function layoutModelGraph(model, opts = {}) {
  /** @type {Options} */
  const o = { ...DEFAULTS, ...opts, labels: { ...DEFAULT_LABELS, ...opts.labels } };
  // Even widths keep box centres on whole pixels.
  const boxWidth = 2 * Math.max(40, Math.round(o.boxWidth / 2));
  const specs = readNodes(model);
  /** @type {Map<string, number>} */
  const seen = new Map();
  const nodes = specs.map((spec) => {
    const count = (seen.get(spec.name) ?? 0) + 1;
    seen.set(spec.name, count);
    return nodeBox(spec, count === 1 ? spec.name : `${spec.name}#${count}`, boxWidth, o);
  });

  // Ranks: the longest path from the inputs (inbound nodes always come earlier).
  specs.forEach((spec, i) => {
    nodes[i].rank = spec.inbound.reduce((r, j) => Math.max(r, nodes[j].rank + 1), 0);
  });
  const rankCount = nodes.reduce((r, n) => Math.max(r, n.rank + 1), 0);
  const { vertices, chains } = linkRanks(nodes, specs);
  placeColumns(vertices, orderRanks(vertices, rankCount), o);
  const width = Math.max(0, ...vertices.map((v) => v.x + v.w / 2)) + o.margin;

  // y: rank bands as tall as their tallest box, boxes centred in their band.
  const bandHeight = Array(rankCount).fill(0);
  nodes.forEach((n) => (bandHeight[n.rank] = Math.max(bandHeight[n.rank], n.h)));
  const bandTop = [o.margin];
  for (let r = 1; r < rankCount; r += 1) bandTop.push(bandTop[r - 1] + bandHeight[r - 1] + o.rankGap);
  const height = rankCount ? bandTop[rankCount - 1] + bandHeight[rankCount - 1] + o.margin : 2 * o.margin;
  nodes.forEach((n, i) => {
    n.x = vertices[i].x - boxWidth / 2;
    n.y = bandTop[n.rank] + Math.floor((bandHeight[n.rank] - n.h) / 2);
  });

  // Edges: down from the source's bottom centre to a stub below its band, down each slot
  // (vertical across the band it crosses), to a stub above the target's band, into its top.
  // Diagonals only cross the empty gaps between bands. Arrows into one box spread along its
  // top in the order they arrive, left to right.
  const stub = Math.min(10, Math.floor(o.rankGap / 4));
  /** @type {number[]} */
  const endX = [];
  nodes.forEach((_, to) => {
    const arriving = chains.flatMap((c, k) => (c.to === to ? [k] : []));
    const before = (/** @type {number} */ k) => vertices[chains[k].chain[chains[k].chain.length - 2]].x;
    arriving.sort((a, b) => before(a) - before(b) || a - b);
    const spacing = arriving.length > 1 ? Math.min(16, (boxWidth - 2 * o.padX) / (arriving.length - 1)) : 0;
    arriving.forEach((k, i) => {
      endX[k] = Math.round((vertices[to].x + (i - (arriving.length - 1) / 2) * spacing) * 2) / 2;
    });
  });
  const below = (/** @type {number} */ r) => bandTop[r] + bandHeight[r] + stub;
  /** @type {GraphEdge[]} */
  const edges = chains.map(({ from, to, chain }, k) => {
    const [source, target] = [nodes[from], nodes[to]];
    /** @type {Array<[number, number]>} */
    const points = [
      [vertices[from].x, source.y + source.h],
      [vertices[from].x, below(source.rank)],
    ];
    for (const v of chain.slice(1, -1)) {
      points.push(
        [vertices[v].x, bandTop[vertices[v].rank] - stub],
        [vertices[v].x, below(vertices[v].rank)],
      );
    }
    points.push([endX[k], bandTop[target.rank] - stub], [endX[k], target.y]);
    const distinct = points.filter(
      (p, i) => i === 0 || p[0] !== points[i - 1][0] || p[1] !== points[i - 1][1],
    );
    return { from: source.id, to: target.id, points: distinct };
  });

  const finite = (/** @type {unknown} */ v) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return {
    nodes,
    edges,
    width,
    height,
    ranks: rankCount,
    fonts: { headerFont: o.headerFont, rowFont: o.rowFont },
    model: {
      name: String(model.name ?? ''),
      layers: (model.layers ?? []).length,
      inputs: (model.inputs ?? []).map((t) => String(t.name)),
      outputs: (model.outputs ?? []).map((t) => String(t.name)),
      params: finite(model.params),
      trainableParams: finite(model.trainable_params),
    },
  };
}

/**
 * The baseline of a text line whose box starts at top and is lineHeight tall.
 * @param {number} top
 * @param {number} lineHeight
 * @param {number} font
 * @returns {number}
 */
function baseline(top, lineHeight, font) {
  return Math.round(top + (lineHeight + font * 0.7) / 2);
}
