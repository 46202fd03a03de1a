// Wiring on the model diagram (views/model-graph-wire.mjs and the wirable SVG of
// views/model-graph-view.mjs): pointer positions map to diagram units at any scale, a drop
// finds the box under it, arrow keys move to the nearest box that way, the pick-up / connect /
// cancel steps, the wire's ends, and the SVG's ports (a finger-sized hit area at the smallest
// scale, only on the ports `touch-action: none`) that a read-only diagram never gets.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  DEFAULT_WIRING_TEXT,
  PORT_HIT_RADIUS,
  defaultWiringText,
  neighbour,
  nodeAt,
  portOf,
  toDiagram,
  wirePath,
  wiringKey,
} from '../../web/js/views/model-graph-wire.mjs';
import { layoutModelGraph } from '../../web/js/views/model-graph-layout.mjs';
import { modelGraphSvg } from '../../web/js/views/model-graph-view.mjs';

const dense = (name, inputs) => ({ name, type: 'Dense', output_shape: [4], params: 0, inputs });

/** x -> a; a -> b, a -> c (side by side); concat(b, c) -> out. */
const diamond = {
  name: 'diamond',
  inputs: [{ name: 'x', shape: [2] }],
  outputs: [{ name: 'out', shape: [4] }],
  layers: [
    dense('a', ['x']),
    dense('b', ['a']),
    dense('c', ['a']),
    { name: 'cat', type: 'Concatenate', output_shape: [8], params: 0, inputs: ['b', 'c'] },
    dense('out', ['cat']),
  ],
};
const layout = layoutModelGraph(diamond);
const box = (name) => layout.nodes.find((n) => n.name === name);
const centre = (n) => [n.x + n.w / 2, n.y + n.h / 2];

test('toDiagram: client pixels to diagram units at the SVG’s drawn scale', () => {
  const rect = { left: 100, top: 50, width: layout.width / 2, height: layout.height / 2 };
  assert.deepEqual(toDiagram(rect, layout, 100, 50), [0, 0]);
  assert.deepEqual(toDiagram(rect, layout, 100 + layout.width / 2, 50 + layout.height / 2), [
    layout.width,
    layout.height,
  ]);
  const [x, y] = toDiagram(rect, layout, 110, 70);
  assert.ok(Math.abs(x - 20) < 1e-9 && Math.abs(y - 40) < 1e-9, `${x}, ${y}`);
  // Drawn at full size, a pointer over a box's centre finds that box.
  const full = { left: 0, top: 0, width: layout.width, height: layout.height };
  for (const n of layout.nodes) assert.equal(nodeAt(layout, toDiagram(full, layout, ...centre(n))), n.name);
});

test('nodeAt: the box under a point, a little slack around its outline, nothing in the gaps', () => {
  const a = box('a');
  assert.equal(nodeAt(layout, [a.x + 1, a.y + 1]), 'a');
  assert.equal(nodeAt(layout, [a.x - 3, a.y + a.h + 3]), 'a', 'within the slack');
  assert.equal(nodeAt(layout, [a.x - 3, a.y + a.h + 3], 0), null);
  assert.equal(nodeAt(layout, [a.x + a.w / 2, a.y + a.h + 20]), null, 'between two ranks');
  assert.equal(nodeAt(layout, [-50, -50]), null);
});

test('neighbour: arrow keys move to the nearest box on that side, none past the edge', () => {
  const [b, c] = [box('b'), box('c')].sort((p, q) => p.x - q.x);
  assert.equal(b.rank, c.rank, 'b and c share a rank');
  assert.equal(neighbour(layout, 'x', 'ArrowDown'), 'a');
  assert.equal(neighbour(layout, 'a', 'ArrowUp'), 'x');
  assert.ok(['b', 'c'].includes(neighbour(layout, 'a', 'ArrowDown')));
  assert.equal(neighbour(layout, b.name, 'ArrowRight'), c.name);
  assert.equal(neighbour(layout, c.name, 'ArrowLeft'), b.name);
  assert.equal(neighbour(layout, c.name, 'ArrowRight'), null);
  assert.equal(neighbour(layout, 'x', 'ArrowUp'), null);
  assert.equal(neighbour(layout, 'out', 'ArrowDown'), null);
  assert.equal(neighbour(layout, 'cat', 'ArrowDown'), 'out');
  assert.equal(neighbour(layout, 'a', 'Enter'), null);
  assert.equal(neighbour(layout, 'nobody', 'ArrowDown'), null);
});

test('wiringKey: Enter picks up, Enter elsewhere connects, Enter on the same box or Escape cancels', () => {
  assert.deepEqual(wiringKey(null, 'Enter', 'a'), { carrying: 'a', said: 'picked' });
  assert.deepEqual(wiringKey(null, ' ', 'a'), { carrying: 'a', said: 'picked' });
  assert.deepEqual(wiringKey('a', 'Enter', 'cat'), { carrying: null, connect: ['a', 'cat'] });
  assert.deepEqual(wiringKey('a', ' ', 'cat'), { carrying: null, connect: ['a', 'cat'] });
  assert.deepEqual(wiringKey('a', 'Enter', 'a'), { carrying: null, said: 'cancelled' });
  assert.deepEqual(wiringKey('a', 'Escape', 'cat'), { carrying: null, said: 'cancelled' });
  assert.deepEqual(wiringKey('a', 'Escape', null), { carrying: null, said: 'cancelled' });
  // Keys that are not the wiring's leave it alone (Tab moves focus as usual).
  assert.equal(wiringKey(null, 'Escape', 'a'), null);
  assert.equal(wiringKey('a', 'Tab', 'cat'), null);
  assert.equal(wiringKey(null, 'Enter', null), null);
});

test('wirePath: from the port on the bottom edge to the pointer, leaving downwards', () => {
  const a = box('a');
  assert.deepEqual(portOf(a), [a.x + a.w / 2, a.y + a.h]);
  const d = wirePath([10, 20], [110, 220]);
  assert.match(d, /^M10 20C10 120 110 120 110 220$/);
  // A short hop still bends: the handles reach at least 24 units out.
  assert.match(wirePath([0, 0], [0, 10]), /^M0 0C0 24 0 -14 0 10$/);
});

test('modelGraphSvg: a wirable diagram has a focusable box and a finger-sized port per node', () => {
  const svg = modelGraphSvg(layout, { wiring: defaultWiringText });
  assert.match(svg, /^<svg [^>]*role="group"/);
  assert.equal(
    (
      svg.match(/<g class="mg-node[^"]*" data-layer="[^"]*" transform="[^"]*" tabindex="0" role="button"/g) ??
      []
    ).length,
    layout.nodes.length,
  );
  const ports = [...svg.matchAll(/<g class="mg-port" data-port="([^"]*)"/g)].map((m) => m[1]);
  assert.deepEqual(
    ports,
    layout.nodes.map((n) => n.name),
  );
  assert.equal(
    (svg.match(new RegExp(`<circle class="mg-port-hit" r="${PORT_HIT_RADIUS}"/>`, 'g')) ?? []).length,
    ports.length,
  );
  // At the smallest scale the SVG allows (min-width / width) the hit area is still >= 24 px.
  const min = Number(/min-width:(\d+)px/.exec(svg)[1]);
  assert.ok(
    2 * PORT_HIT_RADIUS * (min / layout.width) >= 24,
    `${2 * PORT_HIT_RADIUS * (min / layout.width)} px`,
  );
  // Only the ports stop the browser's panning; colours are the palette's.
  const style = /<style>([\s\S]*)<\/style>/.exec(svg)[1];
  assert.deepEqual(
    [...style.matchAll(/([^}\n]*)\{[^}]*touch-action:none/g)].map((m) => m[1]),
    ['.mg-port'],
  );
  for (const rule of style.matchAll(/(?:fill|stroke):([^;}]+)/g)) {
    assert.ok(rule[1] === 'none' || rule[1].startsWith('var(--'), rule[0]);
  }
  assert.ok(svg.includes(`<title>Output of a: drag onto another layer</title>`));
  assert.ok(svg.includes(`aria-label="a (Dense). Enter picks up its output`));
});

test('modelGraphSvg: a read-only diagram has no ports, no tab stops, role img', () => {
  const svg = modelGraphSvg(layout);
  assert.match(svg, /^<svg [^>]*role="img"/);
  assert.ok(!/mg-port|tabindex|mg-ring|touch-action/.test(svg));
});

test('the wiring’s words: placeholders filled, hostile names escaped in the SVG', () => {
  assert.equal(
    defaultWiringText('picked', { name: 'hidden1' }),
    DEFAULT_WIRING_TEXT.picked.replace('{name}', 'hidden1'),
  );
  const evil = `"><script>x</script>`;
  const model = { inputs: [{ name: evil, shape: [2] }], layers: [dense('d', [evil])], outputs: [] };
  const svg = modelGraphSvg(layoutModelGraph(model), {
    wiring: (key, p) => `${key}:${p.name}`,
  });
  assert.ok(!svg.includes('<script>'));
  assert.ok(svg.includes('data-port="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"'));
  assert.ok(svg.includes('<title>port:&quot;&gt;&lt;script&gt;'));
});
