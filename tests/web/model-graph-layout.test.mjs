// The workbench's model diagram (views/model-graph-layout.mjs and the SVG string of
// views/model-graph-view.mjs), drawn as keras.utils.plot_model(show_shapes=True) would: boxes
// never overlap, arrows run from their source's bottom to their target's top without crossing
// a box, ranks follow the edges, shapes print as Keras prints them, and user text is escaped.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { formatInputShapes, formatShape, layoutModelGraph } from '../../web/js/views/model-graph-layout.mjs';
import { escapeXml, modelGraphSummary, modelGraphSvg } from '../../web/js/views/model-graph-view.mjs';

/** A layer as the engine's `build` answer lists it. */
const dense = (name, units, inputs, extra = {}) => ({
  name,
  type: 'Dense',
  output_shape: [units],
  params: 0,
  inputs,
  ...extra,
});

/** keras.Sequential([Input((2,)), Dense(8), Dense(8), Dense(4), Dense(1)]). */
const chain4 = {
  name: 'sequential',
  inputs: [{ name: 'xy', shape: [2] }],
  outputs: [{ name: 'dense_3', shape: [1] }],
  layers: [
    dense('dense', 8, ['xy'], { params: 24 }),
    dense('dense_1', 8, ['dense'], { params: 72 }),
    dense('dense_2', 4, ['dense_1'], { params: 36 }),
    dense('dense_3', 1, ['dense_2'], { params: 5 }),
  ],
  params: 137,
  trainable_params: 137,
};

/** Géron's wide & deep: input -> hidden1 -> hidden2; concatenate([input, hidden2]) -> output. */
const wideDeep = {
  name: 'wide_deep',
  inputs: [{ name: 'input', shape: [8] }],
  outputs: [{ name: 'output', shape: [1] }],
  layers: [
    dense('hidden1', 30, ['input']),
    dense('hidden2', 30, ['hidden1']),
    { name: 'concat', type: 'Concatenate', output_shape: [38], params: 0, inputs: ['input', 'hidden2'] },
    dense('output', 1, ['concat']),
  ],
};

/** Two inputs (a wide one and a sequence) and two outputs (a main and an auxiliary head). */
const twoInTwoOut = {
  name: 'two_heads',
  inputs: [
    { name: 'input_wide', shape: [5] },
    { name: 'input_deep', shape: [20, 1] },
  ],
  outputs: [
    { name: 'main', shape: [1] },
    { name: 'aux', shape: [1] },
  ],
  layers: [
    { name: 'lstm', type: 'LSTM', output_shape: [16], params: 1152, inputs: ['input_deep'] },
    dense('hidden', 16, ['lstm']),
    { name: 'concat', type: 'Concatenate', output_shape: [21], params: 0, inputs: ['input_wide', 'hidden'] },
    dense('main', 1, ['concat']),
    dense('aux', 1, ['hidden']),
  ],
};

/** A chain of n Dense layers. */
const longChain = (n) => ({
  name: 'long',
  inputs: [{ name: 'x', shape: [3] }],
  outputs: [],
  layers: Array.from({ length: n }, (_, i) => dense(`d${i}`, 4, [i === 0 ? 'x' : `d${i - 1}`])),
});

/** One input feeding n Dense(1) layers, concatenated, then one Dense. */
const fanOut = (n) => {
  const branches = Array.from({ length: n }, (_, i) => dense(`branch_${i}`, 1, ['x']));
  return {
    name: 'fan',
    inputs: [{ name: 'x', shape: [4] }],
    outputs: [{ name: 'y', shape: [1] }],
    layers: [
      ...branches,
      { name: 'concat', type: 'Concatenate', output_shape: [n], inputs: branches.map((b) => b.name) },
      dense('y', 1, ['concat']),
    ],
  };
};

/** Does segment p-q pass through the inside of box b (its border shrunk by eps)? Liang-Barsky. */
function crossesBox([px, py], [qx, qy], b, eps = 0.5) {
  const [x0, x1, y0, y1] = [b.x + eps, b.x + b.w - eps, b.y + eps, b.y + b.h - eps];
  let lo = 0;
  let hi = 1;
  const dx = qx - px;
  const dy = qy - py;
  for (const [p, q] of [
    [-dx, px - x0],
    [dx, x1 - px],
    [-dy, py - y0],
    [dy, y1 - py],
  ]) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) lo = Math.max(lo, t);
      else hi = Math.min(hi, t);
    }
  }
  return lo < hi;
}

/** Do segments a-b and c-d cross at a point inside both (not at an end)? */
function segmentsCross(a, b, c, d) {
  const side = (p, q, r) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0;
}

/** The invariants every layout keeps; returns the nodes by id. */
function checkLayout(layout, model) {
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  assert.equal(layout.nodes.length, (model.inputs?.length ?? 0) + (model.layers?.length ?? 0));
  for (const n of layout.nodes) {
    assert.ok(
      n.x >= 0 && n.y >= 0 && n.x + n.w <= layout.width && n.y + n.h <= layout.height,
      `${n.id} inside`,
    );
    assert.ok(Number.isInteger(n.x) && Number.isInteger(n.y), `${n.id} on whole pixels`);
  }
  for (let a = 0; a < layout.nodes.length; a += 1) {
    for (let b = a + 1; b < layout.nodes.length; b += 1) {
      const [p, q] = [layout.nodes[a], layout.nodes[b]];
      const apart = p.x + p.w <= q.x || q.x + q.w <= p.x || p.y + p.h <= q.y || q.y + q.h <= p.y;
      assert.ok(apart, `${p.id} and ${q.id} overlap`);
    }
  }
  for (const e of layout.edges) {
    const [from, to] = [byId.get(e.from), byId.get(e.to)];
    assert.ok(from.rank < to.rank, `${e.from} -> ${e.to} points down the ranks`);
    assert.deepEqual(
      e.points[0],
      [from.x + from.w / 2, from.y + from.h],
      `${e.from} -> ${e.to} starts at the bottom centre`,
    );
    const [x, y] = e.points[e.points.length - 1];
    assert.equal(y, to.y, `${e.from} -> ${e.to} ends on the target's top`);
    assert.ok(x > to.x && x < to.x + to.w, `${e.from} -> ${e.to} ends within the target's top`);
    for (let k = 1; k < e.points.length; k += 1) {
      assert.ok(e.points[k][1] >= e.points[k - 1][1], 'edges only go down');
      for (const n of layout.nodes) {
        assert.ok(!crossesBox(e.points[k - 1], e.points[k], n), `${e.from} -> ${e.to} crosses box ${n.id}`);
      }
    }
  }
  // Every inbound name of an earlier node is an edge (once per source, as Keras's add_edge).
  const earlier = new Set((model.inputs ?? []).map((t) => t.name));
  const expected = new Set();
  for (const l of model.layers ?? []) {
    for (const i of l.inputs ?? []) if (earlier.has(i)) expected.add(`${i}>${l.name}`);
    earlier.add(l.name);
  }
  assert.deepEqual(new Set(layout.edges.map((e) => `${e.from}>${e.to}`)), expected);
  return byId;
}

/** Text of a node's drawn lines. */
const drawn = (node) => node.lines.map((l) => l.spans.map((s) => s.text).join(''));

test('formatShape: per-sample shapes print with a None batch axis, as Keras prints them', () => {
  assert.equal(formatShape([8]), '(None, 8)');
  assert.equal(formatShape([20, 1]), '(None, 20, 1)');
  assert.equal(formatShape([]), '(None,)', 'a one-element tuple keeps its comma');
  assert.equal(formatShape([null, 3]), '(None, None, 3)', 'an unknown size is None');
  assert.equal(formatShape(undefined), '?');
  assert.equal(formatShape([[8], [4]]), '[(None, 8), (None, 4)]', 'a layer with two outputs');
  assert.equal(formatInputShapes([[8]]), '(None, 8)');
  assert.equal(formatInputShapes([[8], [8]]), '[(None, 8), (None, 8)]');
  assert.equal(formatInputShapes([]), '?');
});

test('Sequential chain of 4 layers: one straight column, one rank per layer, Keras rows', () => {
  const layout = layoutModelGraph(chain4, { boxWidth: 200 });
  const byId = checkLayout(layout, chain4);
  assert.deepEqual(
    layout.nodes.map((n) => [n.id, n.rank]),
    [
      ['xy', 0],
      ['dense', 1],
      ['dense_1', 2],
      ['dense_2', 3],
      ['dense_3', 4],
    ],
  );
  assert.equal(new Set(layout.nodes.map((n) => n.x)).size, 1, 'all boxes in one column');
  for (const e of layout.edges)
    assert.ok(
      e.points.every((p) => p[0] === e.points[0][0]),
      'straight arrows',
    );
  const input = byId.get('xy');
  assert.equal(input.title, 'xy (InputLayer)');
  assert.deepEqual(input.rows, [['Output shape', '(None, 2)']], 'InputLayer shows its output shape only');
  const first = byId.get('dense');
  assert.equal(first.title, 'dense (Dense)');
  assert.deepEqual(first.rows, [
    ['Input shape', '(None, 2)'],
    ['Output shape', '(None, 8)'],
  ]);
  assert.deepEqual(drawn(first), ['dense (Dense)', 'Input shape: (None, 2)', 'Output shape: (None, 8)']);
  assert.deepEqual(
    first.lines[0].spans,
    [
      { text: 'dense', strong: true },
      { text: ' (Dense)', strong: false },
    ],
    'the name bold, the class plain, as Keras draws the header',
  );
  assert.equal(layout.width, 200 + 2 * 12);
});

test('wide & deep: the input-to-concat edge skips two ranks beside the boxes, never through them', () => {
  const layout = layoutModelGraph(wideDeep);
  const byId = checkLayout(layout, wideDeep);
  assert.deepEqual(
    ['input', 'hidden1', 'hidden2', 'concat', 'output'].map((id) => byId.get(id).rank),
    [0, 1, 2, 3, 4],
  );
  const skip = layout.edges.find((e) => e.from === 'input' && e.to === 'concat');
  const [h1, h2] = [byId.get('hidden1'), byId.get('hidden2')];
  // It runs down past hidden1 and hidden2 on one side, with a gap.
  const passing = skip.points.filter(([, y]) => y > h1.y && y < h2.y + h2.h);
  assert.ok(passing.length >= 2);
  const x = passing[0][0];
  assert.ok(
    passing.every((p) => p[0] === x),
    'a straight run past the hidden layers',
  );
  assert.ok(x >= h1.x + h1.w + 8 || x <= h1.x - 8, 'clear of hidden1');
  assert.ok(x >= h2.x + h2.w + 8 || x <= h2.x - 8, 'clear of hidden2');
  assert.deepEqual(byId.get('concat').rows[0], ['Input shape', '[(None, 8), (None, 30)]']);
  assert.equal(byId.get('hidden1').x, byId.get('hidden2').x, 'the deep path stays one column');
  // The two arrows into concat arrive at different points of its top.
  const ends = layout.edges.filter((e) => e.to === 'concat').map((e) => e.points[e.points.length - 1][0]);
  assert.equal(new Set(ends).size, 2);
});

test('two inputs, two outputs: both inputs on the top rank, no crossings, heads below their inputs', () => {
  const layout = layoutModelGraph(twoInTwoOut);
  const byId = checkLayout(layout, twoInTwoOut);
  assert.equal(byId.get('input_wide').rank, 0);
  assert.equal(byId.get('input_deep').rank, 0);
  assert.equal(byId.get('lstm').rows[0][1], '(None, 20, 1)');
  assert.equal(byId.get('concat').rank, 3);
  assert.equal(byId.get('main').rank, 4);
  assert.equal(byId.get('aux').rank, 3);
  const segments = layout.edges.flatMap((e) => e.points.slice(1).map((p, k) => [e.points[k], p]));
  for (let a = 0; a < segments.length; a += 1) {
    for (let b = a + 1; b < segments.length; b += 1) {
      assert.ok(!segmentsCross(...segments[a], ...segments[b]), `segments ${a} and ${b} cross`);
    }
  }
});

test('barycenter ordering undoes crossings the declaration order would make', () => {
  // Declared so that rank 1 in declaration order is [from_b, from_a] under inputs [a, b].
  const model = {
    inputs: [
      { name: 'a', shape: [1] },
      { name: 'b', shape: [1] },
    ],
    layers: [dense('from_b', 1, ['b']), dense('from_a', 1, ['a']), dense('under_b', 1, ['from_b'])],
  };
  const layout = layoutModelGraph(model);
  const byId = checkLayout(layout, model);
  const left = (a, b) => byId.get(a).x < byId.get(b).x;
  assert.equal(left('a', 'b'), left('from_a', 'from_b'), 'each layer on the side of its input');
  assert.equal(byId.get('under_b').x, byId.get('from_b').x);
});

test('repeated and unknown inbound names: one edge per source, "?" for an unknown shape', () => {
  const model = {
    inputs: [{ name: 'x', shape: [8] }],
    layers: [
      { name: 'add', type: 'Add', output_shape: [8], inputs: ['x', 'x'] },
      { name: 'lost', type: 'Dense', output_shape: [2], inputs: ['nowhere'] },
      { name: 'early', type: 'Dense', output_shape: [2], inputs: ['late'] },
      { name: 'late', type: 'Dense', output_shape: [2], inputs: ['add'] },
    ],
  };
  const layout = layoutModelGraph(model);
  const byId = checkLayout(layout, model);
  assert.equal(layout.edges.filter((e) => e.to === 'add').length, 1);
  assert.deepEqual(byId.get('add').rows[0], ['Input shape', '[(None, 8), (None, 8)]']);
  assert.deepEqual(byId.get('lost').rows[0], ['Input shape', '?']);
  assert.equal(byId.get('lost').rank, 0);
  assert.ok(!layout.edges.some((e) => e.to === 'early'), 'a later layer never feeds an earlier one');
});

test('layout is deterministic', () => {
  for (const model of [chain4, wideDeep, twoInTwoOut, fanOut(12)]) {
    const a = layoutModelGraph(model);
    const b = layoutModelGraph(JSON.parse(JSON.stringify(model)));
    assert.deepEqual(a, b);
  }
});

test('a 100-layer chain and a 30-wide fan-out stay within sane sizes', () => {
  const start = performance.now();
  const chain = layoutModelGraph(longChain(100), { boxWidth: 200 });
  checkLayout(chain, longChain(100));
  assert.equal(chain.ranks, 101);
  assert.equal(chain.width, 224, 'one column wide');
  const tallest = Math.max(...chain.nodes.map((n) => n.h));
  assert.ok(chain.height <= 101 * (tallest + 44) + 24, `height ${chain.height}`);

  const fan = layoutModelGraph(fanOut(30), { boxWidth: 200 });
  checkLayout(fan, fanOut(30));
  assert.equal(fan.ranks, 4);
  assert.ok(fan.width <= 30 * (200 + 32) + 24, `width ${fan.width}`);
  assert.ok(fan.height < 600, `height ${fan.height}`);
  const concat = fan.nodes.find((n) => n.id === 'concat');
  // Its 30-shape input list is shortened to at most 3 lines with an ellipsis.
  const rows = drawn(concat).slice(1);
  assert.ok(rows.length <= 5 && rows.some((l) => l.endsWith('…')), rows.join(' / '));
  assert.ok(concat.rows[0][1].startsWith('[(None, 1), (None, 1)'), 'rows keep the full text');
  assert.ok(performance.now() - start < 2000, 'fast enough to redraw on every build');
});

test('long names wrap and end in an ellipsis inside the box width; labels can be translated', () => {
  const long = 'n'.repeat(1000);
  const model = { inputs: [{ name: 'x', shape: [2] }], layers: [dense(long, 3, ['x'])] };
  const layout = layoutModelGraph(model, {
    boxWidth: 200,
    labels: { inputShape: '입력 모양', outputShape: '출력 모양' },
  });
  const node = layout.nodes[1];
  assert.equal(node.w, 200);
  const header = node.lines.filter((l) => l.header);
  assert.equal(header.length, 2);
  assert.ok(drawn(node)[1].endsWith('…'));
  assert.ok(drawn(node)[1].length < 60);
  assert.deepEqual(drawn(node).slice(2), ['입력 모양: (None, 2)', '출력 모양: (None, 3)']);
});

test('trainable: false adds a Non-trainable row; a layer without weights has none', () => {
  const model = {
    inputs: [{ name: 'x', shape: [2] }],
    layers: [
      dense('frozen', 3, ['x'], { params: 9, trainable: false }),
      { name: 'flat', type: 'Flatten', output_shape: [3], params: 0, inputs: ['frozen'], trainable: false },
    ],
  };
  const layout = layoutModelGraph(model);
  const [, frozen, flat] = layout.nodes;
  assert.equal(frozen.trainable, false);
  assert.deepEqual(frozen.rows[2], ['', 'Non-trainable']);
  assert.equal(flat.rows.length, 2, 'Keras marks trainability only on layers with weights');
  const svg = modelGraphSvg(layout);
  assert.match(svg, /<g class="mg-node mg-frozen" data-layer="frozen"/);
});

/** Checks that tags open and close in order (a stray "<" or ">" from a name would break it). */
function assertBalancedXml(svg) {
  const stack = [];
  const tag = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w:-]+="[^"<>]*")*)\s*(\/?)>/g;
  let at = 0;
  for (let m = tag.exec(svg); m; m = tag.exec(svg)) {
    const between = svg.slice(at, m.index);
    assert.ok(!/[<>]/.test(between), `stray bracket in text: ${between.slice(0, 80)}`);
    at = m.index + m[0].length;
    if (m[4]) continue;
    if (m[1]) assert.equal(stack.pop(), m[2], `</${m[2]}> closes what it opened`);
    else stack.push(m[2]);
  }
  assert.equal(svg.slice(at), '');
  assert.deepEqual(stack, []);
}

const unescape = (s) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

test('modelGraphSvg: hostile names are escaped in text and attributes', () => {
  const names = ['<script>alert(1)</script>', `a"b'c&d`, `"><img src=x onerror=alert(1)>`, 'q'.repeat(1000)];
  const model = {
    name: '<b>model</b>',
    inputs: [{ name: names[0], shape: [2] }],
    outputs: [{ name: names[3], shape: [1] }],
    layers: [dense(names[1], 4, [names[0]]), dense(names[2], 4, [names[1]]), dense(names[3], 1, [names[2]])],
    params: 1234567,
    trainable_params: 1234567,
  };
  const layout = layoutModelGraph(model);
  checkLayout(layout, model);
  const svg = modelGraphSvg(layout, { highlight: names[2] });
  assertBalancedXml(svg);
  assert.ok(!/<script|<img|<b>/i.test(svg), 'no markup from names');
  const layers = [...svg.matchAll(/data-layer="([^"]*)"/g)].map((m) => unescape(m[1]));
  assert.deepEqual(layers, names, 'every box carries its exact name');
  assert.match(svg, /<g class="mg-node mg-highlight" data-layer="&quot;&gt;&lt;img/);
  assert.equal((svg.match(/mg-highlight/g) ?? []).length - 1, 1, 'one highlighted box (and its style rule)');
  assert.ok(svg.includes(`<title>${'q'.repeat(1000)} (Dense)`), 'the full name in the tooltip');
  const label = unescape(/aria-label="([^"]*)"/.exec(svg)[1]);
  assert.ok(label.startsWith('Model <b>model</b>: 3 layers from <script>'), label.slice(0, 60));
  assert.ok(label.includes('Total params: 1,234,567'));
  assert.match(svg, /^<svg [^>]*role="img"/);
  assert.equal(escapeXml(`<&>"'`), '&lt;&amp;&gt;&quot;&#39;');
});

test('modelGraphSvg: a viewBox, shrinks to 100% but no smaller than 11 px text allows', () => {
  const layout = layoutModelGraph(twoInTwoOut);
  const svg = modelGraphSvg(layout);
  assertBalancedXml(svg);
  assert.ok(svg.includes(`viewBox="0 0 ${layout.width} ${layout.height}"`));
  const min = Number(/min-width:(\d+)px/.exec(svg)[1]);
  assert.ok(svg.includes('max-width:100%'));
  // The smallest text is the rows' 12 px: 11 px at a scale of min / width.
  assert.ok(Math.abs((min / layout.width) * layout.fonts.rowFont - 11) < 0.05, `min-width ${min}`);
  assert.equal((svg.match(/<g class="mg-node/g) ?? []).length, layout.nodes.length);
  assert.equal((svg.match(/class="mg-edge"/g) ?? []).length, layout.edges.length);
  // Colours come from the palette's variables, never written down alone.
  for (const fill of svg.matchAll(/(?:fill|stroke):([^;}]+)/g)) {
    assert.ok(fill[1] === 'none' || fill[1].startsWith('var(--'), fill[0]);
  }
  assert.equal(
    modelGraphSummary(layoutModelGraph(chain4), '{name}|{layers}|{inputs}|{outputs}|{params}|{trainable}'),
    'sequential|4|xy|dense_3|137|137',
  );
});

test('an empty model draws an empty, valid diagram', () => {
  const layout = layoutModelGraph({ inputs: [], layers: [] });
  assert.deepEqual([layout.nodes, layout.edges, layout.ranks], [[], [], 0]);
  assert.ok(layout.width >= 0 && layout.height >= 0);
  assertBalancedXml(modelGraphSvg(layout));
});
