// Wiring by dragging on the workbench's diagram (labs/workbench/model-edits.mjs connectNodes):
// a one-input layer reads the dragged node instead, a merge layer (Concatenate, Add) gains it or
// loses it as its row's checkboxes do, a Sequential model becomes functional first, the layer
// list stays in an order where each layer follows what it reads (the engine's rule), and every
// refusal (self, into an input, a loop, a wire that changes nothing, a merge's last input, a
// name the model lacks) leaves the document alone.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { connectNodes, toFunctional } from '../../web/js/labs/workbench/model-edits.mjs';
import { WORKBENCH_PRESETS } from '../../web/js/labs/workbench/presets.mjs';

const preset = (id) => structuredClone(WORKBENCH_PRESETS[id].document);

/** A functional document: inputs [name, shape], layers as given, outputs. */
const functional = (inputs, layers, outputs) => ({
  schema: 1,
  model: {
    type: 'functional',
    name: 'm',
    seed: 0,
    inputs: inputs.map(([name, shape]) => ({ name, shape })),
    layers,
    outputs,
  },
  compile: { optimizer: 'adam', loss: outputs.map(() => 'mse') },
});
const dense = (name, inputs) => ({ type: 'dense', name, units: 4, activation: 'relu', inputs });

/** The engine's wiring rule: each inbound name is a model input or an earlier layer. */
function assertReadsInOrder(doc) {
  const seen = new Set(doc.model.inputs.map((i) => i.name));
  for (const layer of doc.model.layers) {
    for (const n of layer.inputs) assert.ok(seen.has(n.split('/')[0]), `${layer.name} reads ${n} before it`);
    seen.add(layer.name);
  }
}

/** connectNodes, asserting it neither throws nor changes its argument. */
function connect(doc, from, to) {
  const before = structuredClone(doc);
  const made = connectNodes(doc, from, to);
  assert.deepEqual(doc, before, 'the document passed in is unchanged');
  return made;
}

const layer = (doc, name) => doc.model.layers.find((l) => l.name === name);

test('connectNodes: a Dense layer reads the dragged node instead of what it read', () => {
  const doc = preset('notes-wide-deep'); // input_layer -> hidden1 -> hidden2; concat(input, hidden2) -> output
  const made = connect(doc, 'input_layer', 'hidden2');
  assert.equal(made.error, undefined);
  assert.equal(made.converted, false);
  assert.equal(made.change, 'replaced');
  assert.deepEqual(layer(made.doc, 'hidden2').inputs, ['input_layer']);
  // Everything else stays: the other layers' wiring, the outputs, compile, fit and data.
  const rest = (d) => ({
    ...d,
    model: { ...d.model, layers: d.model.layers.filter((l) => l.name !== 'hidden2') },
  });
  assert.deepEqual(rest(made.doc), rest(doc));
  assertReadsInOrder(made.doc);
});

test('connectNodes: Activation, Dropout and the other one-input layers are replaced the same way', () => {
  const doc = functional(
    [['x', [4]]],
    [
      dense('a', ['x']),
      { type: 'activation', name: 'act', activation: 'tanh', inputs: ['a'] },
      { type: 'dropout', name: 'drop', rate: 0.2, inputs: ['act'] },
      { type: 'activation', name: 'leaky', activation: { type: 'leaky_relu', alpha: 0.3 }, inputs: ['drop'] },
    ],
    ['leaky'],
  );
  for (const [from, to] of [
    ['x', 'act'],
    ['a', 'drop'],
    ['act', 'leaky'],
  ]) {
    const made = connect(doc, from, to);
    assert.deepEqual(layer(made.doc, to).inputs, [from], `${to} reads ${from}`);
    assert.equal(made.change, 'replaced');
    assertReadsInOrder(made.doc);
  }
});

test('connectNodes: a recurrent layer keeps its initial-state inputs after the sequence', () => {
  const doc = functional(
    [
      ['seq', [5, 3]],
      ['other', [5, 3]],
    ],
    [
      { type: 'lstm', name: 'enc', units: 4, return_state: true, inputs: ['seq'] },
      { type: 'lstm', name: 'dec', units: 4, inputs: ['seq', 'enc/state_h', 'enc/state_c'] },
    ],
    ['dec'],
  );
  const made = connect(doc, 'other', 'dec');
  assert.deepEqual(layer(made.doc, 'dec').inputs, ['other', 'enc/state_h', 'enc/state_c']);
  // A layer reading a state output depends on that layer: enc cannot then read dec.
  assert.equal(connect(doc, 'dec', 'enc').error?.code, 'cycle');
});

test('connectNodes: a Concatenate gains the dragged node, in node order like its checkboxes; again removes it', () => {
  const doc = preset('notes-wide-deep');
  assert.deepEqual(layer(doc, 'concat').inputs, ['input_layer', 'hidden2']);
  const added = connect(doc, 'hidden1', 'concat');
  assert.equal(added.change, 'added');
  assert.deepEqual(layer(added.doc, 'concat').inputs, ['input_layer', 'hidden1', 'hidden2']);
  const removed = connect(added.doc, 'hidden1', 'concat');
  assert.equal(removed.change, 'removed');
  assert.deepEqual(removed.doc, doc, 'the same wire twice gives the model back');
  const fewer = connect(doc, 'input_layer', 'concat');
  assert.deepEqual(layer(fewer.doc, 'concat').inputs, ['hidden2']);
  // The last input stays: a merge without inputs is no layer.
  const last = connect(fewer.doc, 'hidden2', 'concat');
  assert.deepEqual(last.error, { code: 'lastInput', from: 'hidden2', to: 'concat' });
});

test('connectNodes: an Add merges the same way; a state output keeps its place beside its layer', () => {
  const doc = functional(
    [['x', [4]]],
    [
      dense('a', ['x']),
      dense('b', ['x']),
      dense('c', ['x']),
      { type: 'add', name: 'sum', inputs: ['c', 'a'] },
    ],
    ['sum'],
  );
  const made = connect(doc, 'b', 'sum');
  assert.equal(made.change, 'added');
  assert.deepEqual(layer(made.doc, 'sum').inputs, ['a', 'b', 'c']);
  assert.deepEqual(layer(connect(made.doc, 'c', 'sum').doc, 'sum').inputs, ['a', 'b']);
  const states = functional(
    [['s', [5, 3]]],
    [
      { type: 'gru', name: 'g', units: 4, return_state: true, inputs: ['s'] },
      dense('d', ['g']),
      { type: 'concatenate', name: 'cat', inputs: ['d', 'g/state_h'] },
    ],
    ['cat'],
  );
  assert.deepEqual(layer(connect(states, 'g', 'cat').doc, 'cat').inputs, ['g', 'g/state_h', 'd']);
});

test('connectNodes: a node wired into an earlier layer moves before it, so each layer follows what it reads', () => {
  // Two branches from x: a -> b and c -> d; d wired into b puts c and d before b.
  const doc = functional(
    [['x', [4]]],
    [dense('a', ['x']), dense('b', ['a']), dense('c', ['x']), dense('d', ['c']), dense('out', ['b'])],
    ['out'],
  );
  const made = connect(doc, 'd', 'b');
  assert.equal(made.error, undefined);
  assert.deepEqual(
    made.doc.model.layers.map((l) => l.name),
    ['a', 'c', 'd', 'b', 'out'],
  );
  assert.deepEqual(layer(made.doc, 'b').inputs, ['d']);
  assertReadsInOrder(made.doc);
  // Into a merge too.
  const merge = functional(
    [['x', [4]]],
    [dense('a', ['x']), { type: 'concatenate', name: 'cat', inputs: ['x', 'a'] }, dense('late', ['x'])],
    ['cat'],
  );
  const merged = connect(merge, 'late', 'cat');
  assert.deepEqual(
    merged.doc.model.layers.map((l) => l.name),
    ['a', 'late', 'cat'],
  );
  assert.deepEqual(layer(merged.doc, 'cat').inputs, ['x', 'a', 'late']);
  assertReadsInOrder(merged.doc);
});

test('connectNodes: refuses a node onto itself, into an input, a loop, a wire that changes nothing, unknown names', () => {
  const doc = preset('notes-two-inputs'); // wide_input, deep_input -> hidden1 -> hidden2 -> concat -> output
  const refused = (from, to) => connect(doc, from, to).error;
  assert.deepEqual(refused('hidden1', 'hidden1'), { code: 'self', from: 'hidden1', to: 'hidden1' });
  assert.equal(refused('hidden1', 'deep_input').code, 'intoInput');
  assert.equal(refused('deep_input', 'wide_input').code, 'intoInput');
  assert.equal(refused('output', 'hidden1').code, 'cycle', 'output is computed from hidden1');
  assert.equal(refused('hidden2', 'hidden1').code, 'cycle');
  assert.equal(refused('concat', 'hidden1').code, 'cycle');
  assert.equal(refused('hidden1', 'hidden2').code, 'same', 'hidden2 already reads hidden1');
  assert.equal(refused('ghost', 'hidden2').code, 'unknown');
  assert.equal(refused('hidden1', 'ghost').code, 'unknown');
  // The same kinds of wire are fine where they change something.
  assert.equal(refused('wide_input', 'hidden2'), undefined);
  assert.equal(refused('hidden1', 'output'), undefined);
});

test('connectNodes: a Sequential model becomes functional first, then is wired', () => {
  const doc = preset('notes-sequential'); // input (28, 28) -> dense -> dense_1 -> dense_2
  assert.equal(doc.model.type, 'sequential');
  const made = connect(doc, 'dense', 'dense_2');
  assert.equal(made.converted, true);
  assert.equal(made.change, 'replaced');
  const expected = toFunctional(doc);
  expected.model.layers[2].inputs = ['dense'];
  assert.deepEqual(made.doc, expected);
  assert.deepEqual(made.doc.model.inputs, [{ name: 'input_layer', shape: [28, 28] }]);
  assert.deepEqual(made.doc.model.outputs, ['dense_2']);
  assert.equal(made.doc.model.input_shape, undefined);
  // From the Sequential model's input, which has no row of its own.
  assert.deepEqual(layer(connect(doc, 'input_layer', 'dense_1').doc, 'dense_1').inputs, ['input_layer']);
  // Refusals come before the conversion: the chain's own wire, a wire up the chain, the input.
  assert.equal(connect(doc, 'dense', 'dense_1').error?.code, 'same');
  assert.equal(connect(doc, 'input_layer', 'dense').error?.code, 'same');
  assert.equal(connect(doc, 'dense_2', 'dense').error?.code, 'cycle');
  assert.equal(connect(doc, 'dense', 'input_layer').error?.code, 'intoInput');
  // A functional model is not "converted".
  assert.equal(connect(made.doc, 'dense_1', 'dense_2').converted, false);
});
