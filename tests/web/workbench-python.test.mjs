// The workbench's "Export Keras Python": the golden scripts match the generator and compile with
// python3; hostile names survive as Python literals; Sequential and functional forms; per-output
// compile arguments for multi-output models (Keras 3 refuses a plain metrics list there).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { python, pyCompile } from './support/python.mjs';
import { GOLDEN_DIR, presetDocuments } from '../fixtures/workbench/make_python.mjs';
import { dataKeys, kerasPython } from '../../web/js/labs/workbench/keras-python.mjs';
import {
  IdentifierPool,
  pyCommentText,
  pyFloat,
  pyString,
} from '../../web/js/labs/workbench/python-literals.mjs';

test('python: every preset has a golden equal to the generator output', () => {
  const docs = presetDocuments();
  assert.ok(docs.length >= 9, 'docs/presets and the workbench presets');
  const files = fs.readdirSync(GOLDEN_DIR).filter((f) => f.endsWith('.py'));
  assert.deepEqual(
    files.sort(),
    docs.map((d) => `${d.id}.py`).sort(),
    'one golden per preset, no stale ones',
  );
  for (const { id, document } of docs) {
    const golden = fs.readFileSync(path.join(GOLDEN_DIR, `${id}.py`), 'utf8');
    assert.equal(
      kerasPython(document),
      golden,
      `${id}.py is stale: node tests/fixtures/workbench/make_python.mjs`,
    );
  }
});

test('python: every golden passes python3 -m py_compile', () => {
  const files = fs.readdirSync(GOLDEN_DIR).filter((f) => f.endsWith('.py'));
  python(['-m', 'py_compile', ...files.map((f) => path.join(GOLDEN_DIR, f))]);
});

const HOSTILE = [
  'plain',
  'say "hi"',
  "it's",
  'back\\slash\\',
  'ends with backslash \\',
  '\\"',
  'line\nbreak\r\nand\ttab',
  'NUL \u0000 DEL \u007f C1 \u0085 LS \u2028 PS \u2029',
  'bidi \u202e gnirts \u2066 BOM \ufeff zero-width \u200b',
  'emoji 🧠 and ZWJ 👩‍💻',
  '한국어 이름',
  'lone \ud800 surrogate \udfff',
  '"""triple"""',
  "'''triple'''",
  '{braces} %s \\N{BULLET}',
  'x'.repeat(999) + '"',
];

test('python: pyString round-trips hostile names through python3', () => {
  const program = `import json\nprint(json.dumps([${HOSTILE.map(pyString).join(', ')}]))`;
  const out = python(['-c', program]);
  assert.deepEqual(JSON.parse(out), HOSTILE);
  // No control character or line separator is written as itself (escapes only).
  const raw = (/** @type {string} */ c) => c < ' ' || c === '\u007f' || c === '\u2028' || c === '\u2029';
  for (const text of HOSTILE) assert.deepEqual([...pyString(text)].filter(raw), [], JSON.stringify(text));
});

test('python: comment text never ends the comment', () => {
  const program = HOSTILE.map((t) => `# ${pyCommentText(t)}`).join('\n') + '\nprint("ok")\n';
  assert.equal(python(['-c', program]).trim(), 'ok');
});

test('python: number literals keep floats floats', () => {
  assert.equal(pyFloat(1), '1.0');
  assert.equal(pyFloat(0.001), '0.001');
  assert.equal(pyFloat(1e-7), '1e-7');
  assert.equal(pyFloat(-0), '-0.0');
  assert.throws(() => pyFloat(NaN));
  const out = python(['-c', `print(repr([${[1, 0.001, 1e-7, 3e21, 0.1].map(pyFloat).join(', ')}]))`]);
  assert.equal(out.trim(), '[1.0, 0.001, 1e-07, 3e+21, 0.1]');
});

test('python: identifiers are valid, unique and avoid keywords and script names', () => {
  const pool = new IdentifierPool(['model', 'data']);
  const ids = ['class', 'model', 'my layer', '2h', '', 'dense', 'dense', 'lstm/state_h', '한'].map((n) =>
    pool.take(n),
  );
  assert.deepEqual(ids, [
    'class_',
    'model_2',
    'my_layer',
    'n_2h',
    'node',
    'dense',
    'dense_2',
    'lstm_state_h',
    'node_2',
  ]);
});

const MLP_LAYERS = [
  { type: 'dense', units: 8, activation: 'tanh' },
  { type: 'dense', name: 'dense', units: 1, activation: 'sigmoid' },
];
const MLP_TRAINING = {
  compile: { optimizer: { type: 'sgd', learning_rate: 0.1, momentum: 0.9 }, loss: 'binary_crossentropy' },
  fit: { epochs: 3 },
};

test('python: sequential and functional forms of one model', () => {
  const sequential = kerasPython({
    model: { type: 'sequential', name: 'mlp', input_shape: [2], layers: MLP_LAYERS },
    ...MLP_TRAINING,
  });
  // The unnamed first layer skips "dense", which the second layer reserves.
  assert.match(
    sequential,
    /model = keras\.Sequential\(\n {4}\[\n {8}keras\.Input\(shape=\(2,\)\),\n {8}layers\.Dense\(8, activation="tanh", name="dense_1"\),\n {8}layers\.Dense\(1, activation="sigmoid", name="dense"\),\n {4}\],\n {4}name="mlp",\n\)\nmodel\.summary\(\)\n/,
  );
  assert.match(sequential, /optimizer=keras\.optimizers\.SGD\(learning_rate=0\.1, momentum=0\.9\)/);
  assert.match(sequential, /x_train = data\["x0"\]\ny_train = data\["y0"\]\n/);
  assert.match(sequential, /epochs=3,\n {4}batch_size=32,\n/);
  assert.match(sequential, /model\.save\("mlp\.keras"\)\n$/);
  pyCompile('sequential', sequential);

  const functional = kerasPython({
    model: {
      type: 'functional',
      inputs: [{ shape: [2] }],
      layers: [
        { ...MLP_LAYERS[0], inputs: ['input_layer'] },
        { ...MLP_LAYERS[1], inputs: ['dense_1'] },
      ],
      outputs: ['dense'],
    },
    ...MLP_TRAINING,
  });
  assert.match(
    functional,
    /input_layer = keras\.Input\(shape=\(2,\), name="input_layer"\)\ndense_1 = layers\.Dense\(8, activation="tanh", name="dense_1"\)\(input_layer\)\ndense = layers\.Dense\(1, activation="sigmoid", name="dense"\)\(dense_1\)\nmodel = keras\.Model\(inputs=input_layer, outputs=dense, name="functional"\)\n/,
  );
  assert.match(functional, /np\.load\("functional_data\.npz"\)/);
  pyCompile('functional', functional);
});

const TWO_HEADS = {
  type: 'functional',
  name: 'heads',
  inputs: [
    { name: 'a', shape: [4] },
    { name: 'b', shape: [3] },
  ],
  layers: [
    { type: 'concatenate', name: 'cat', inputs: ['a', 'b'] },
    { type: 'dense', name: 'y1', units: 1, inputs: ['cat'] },
    { type: 'dense', name: 'y2', units: 3, activation: 'softmax', inputs: ['cat'] },
  ],
  outputs: ['y1', 'y2'],
};

test('python: multi-output compile gives losses, weights and metrics per output', () => {
  const keyed = kerasPython({
    model: TWO_HEADS,
    compile: {
      optimizer: 'adam',
      loss: { y2: 'categorical_crossentropy', y1: { type: 'huber', delta: 2 } },
      loss_weights: [1, 0.5],
      metrics: ['mae'],
    },
    fit: {},
  });
  assert.match(
    keyed,
    /model\.compile\(\n {4}optimizer=keras\.optimizers\.Adam\(learning_rate=0\.001\),\n {4}loss=\{"y1": keras\.losses\.Huber\(delta=2\.0\), "y2": "categorical_crossentropy"\},\n {4}loss_weights=\{"y1": 1\.0, "y2": 0\.5\},\n {4}metrics=\{"y1": \["mae"\], "y2": \["mae"\]\},\n\)\n/,
  );
  assert.match(keyed, /x_train = \[data\["x0"\], data\["x1"\]\]\ny_train = \[data\["y0"\], data\["y1"\]\]\n/);
  assert.match(
    keyed,
    /validation_data = \(\[data\["xv0"\], data\["xv1"\]\], \[data\["yv0"\], data\["yv1"\]\]\)/,
  );
  assert.deepEqual(dataKeys({ model: TWO_HEADS }), {
    x: ['x0', 'x1'],
    y: ['y0', 'y1'],
    xVal: ['xv0', 'xv1'],
    yVal: ['yv0', 'yv1'],
  });
  pyCompile('keyed', keyed);

  // One loss serves every output; a layer and its own state share a Keras output name, so lists.
  const stated = kerasPython({
    model: {
      type: 'functional',
      inputs: [{ name: 's', shape: [5, 2] }],
      layers: [{ type: 'gru', name: 'g', units: 4, return_state: true, inputs: ['s'] }],
      outputs: ['g', 'g/state_h'],
    },
    compile: { loss: 'mse', loss_weights: { 'g/state_h': 2, g: 1 }, metrics: ['mae', 'mse'] },
    fit: {},
  });
  assert.match(stated, /g, g_state_h = layers\.GRU\(4, return_state=True, name="g"\)\(s\)/);
  assert.match(stated, /outputs=\[g, g_state_h\]/);
  assert.match(stated, /optimizer=keras\.optimizers\.RMSprop\(learning_rate=0\.001\)/);
  assert.match(
    stated,
    /loss=\["mse", "mse"\],\n {4}loss_weights=\[1\.0, 2\.0\],\n {4}metrics=\[\["mae", "mse"\], \["mae", "mse"\]\],/,
  );
  pyCompile('stated', stated);
});
