// @ts-check
// "Export Keras Python": an nnplay document {model, compile, fit} -> a complete Keras 3 script
// that rebuilds the same model (Sequential or functional, nnplay's layer names), compiles it as
// the document does, loads the training data from an .npz file (npz-writer.mjs) and fits it.
// Where Keras cannot do what nnplay does, the script says so in a `# note:` line.
import { compileText, fitText } from './python-training.mjs';
import { layerCall, resolveNames, stateOutputs } from './python-layers.mjs';
import {
  IdentifierPool,
  fileStem,
  pyCommentText,
  pyInt,
  pyIntTuple,
  pyList,
  pyString,
} from './python-literals.mjs';

/** Names the script itself defines or calls, so no node variable may take them. */
const SCRIPT_NAMES = (
  'np keras layers model data x_train y_train validation_data callbacks history ' +
  'print float int len list dict range zip'
).split(' ');

/** Layer types whose inbound nodes are passed as one list. */
const MERGING = new Set(['concatenate', 'add']);
/** Layer types whose extra inbound nodes are initial states. */
const RECURRENT = new Set(['simple_rnn', 'lstm', 'gru', 'bidirectional']);

/**
 * The .npz array names the script reads, per model input / output: x0, x1, ... (training
 * inputs), y0, ... (targets), xv0, ... and yv0, ... (validation data, optional as a whole).
 * @param {Record<string, any>} document
 * @returns {{x: string[], y: string[], xVal: string[], yVal: string[]}}
 */
export function dataKeys(document) {
  const model = document.model;
  const inputs = model.type === 'functional' ? model.inputs.length : 1;
  const outputs = model.type === 'functional' ? model.outputs.length : 1;
  /** @param {string} prefix @param {number} n */
  const keys = (prefix, n) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
  return { x: keys('x', inputs), y: keys('y', outputs), xVal: keys('xv', inputs), yVal: keys('yv', outputs) };
}

/**
 * The Sequential model statement.
 * @param {string} name Keras model name
 * @param {{inputs: Array<{name: string, shape: number[]}>, layers: Array<Record<string, any>>}} resolved
 * @param {import('./python-layers.mjs').ExportContext} ctx
 */
function sequentialText(name, resolved, ctx) {
  const items = [
    `keras.Input(shape=${pyIntTuple(resolved.inputs[0].shape)})`,
    ...resolved.layers.map((l) => layerCall(l, ctx, { sequential: true })),
  ];
  return `model = keras.Sequential(\n    [\n${items.map((i) => `        ${i},\n`).join('')}    ],\n    name=${pyString(name)},\n)\n`;
}

/**
 * The functional model: one variable per node, then keras.Model(...).
 * @param {string} name Keras model name
 * @param {Record<string, any>} model
 * @param {{inputs: Array<{name: string, shape: number[]}>, layers: Array<Record<string, any>>}} resolved
 * @param {import('./python-layers.mjs').ExportContext} ctx
 */
function functionalText(name, model, resolved, ctx) {
  // Calls first: they register the helper functions, whose names the variables must avoid.
  const calls = resolved.layers.map((l) => layerCall(l, ctx, { sequential: false }));
  const pool = new IdentifierPool([...SCRIPT_NAMES, ...ctx.functions.keys()]);
  /** @type {Map<string, string>} node name -> variable */
  const vars = new Map();
  const lines = [];
  for (const input of resolved.inputs) {
    const v = pool.take(input.name);
    vars.set(input.name, v);
    lines.push(`${v} = keras.Input(shape=${pyIntTuple(input.shape)}, name=${pyString(input.name)})`);
  }
  resolved.layers.forEach((l, i) => {
    const inbound = /** @type {string[]} */ (l.inputs ?? []).map((n) => {
      const v = vars.get(n);
      if (v === undefined) throw new Error(`layer '${l.name}' reads '${n}', which is not an earlier node`);
      return v;
    });
    let args;
    if (MERGING.has(l.type) || (!RECURRENT.has(l.type) && inbound.length > 1)) args = pyList(inbound);
    else if (RECURRENT.has(l.type) && inbound.length > 1) {
      args = `${inbound[0]}, initial_state=${pyList(inbound.slice(1))}`;
    } else args = inbound[0];
    const targets = [l.name, ...stateOutputs(l).map((s) => `${l.name}/${s}`)].map((node) => {
      const v = pool.take(node);
      vars.set(node, v);
      return v;
    });
    lines.push(`${targets.join(', ')} = ${calls[i]}(${args})`);
  });
  /** @param {string[]} nodes */
  const refs = (nodes) => {
    const vs = nodes.map((n) => {
      const v = vars.get(n);
      if (v === undefined) throw new Error(`model output '${n}' is not a node of the model`);
      return v;
    });
    return vs.length === 1 ? vs[0] : pyList(vs);
  };
  const inputs = refs(resolved.inputs.map((x) => x.name));
  lines.push(`model = keras.Model(inputs=${inputs}, outputs=${refs(model.outputs)}, name=${pyString(name)})`);
  return lines.join('\n') + '\n';
}

/**
 * The data-loading statements: x_train, y_train and the optional validation_data.
 * @param {Record<string, any>} document
 * @param {string} dataFile
 */
function dataText(document, dataFile) {
  const k = dataKeys(document);
  /** @param {string[]} keys */
  const arrays = (keys) => {
    const items = keys.map((key) => `data[${pyString(key)}]`);
    return items.length === 1 ? items[0] : pyList(items);
  };
  return (
    `data = np.load(${pyString(dataFile)})\n` +
    `x_train = ${arrays(k.x)}\n` +
    `y_train = ${arrays(k.y)}\n` +
    'validation_data = None\n' +
    `if ${pyString(k.xVal[0])} in data.files:\n` +
    `    validation_data = (${arrays(k.xVal)}, ${arrays(k.yVal)})\n`
  );
}

/**
 * `# ` comment lines holding `text` (already one line, see pyCommentText), wrapped at spaces so
 * no line passes 100 characters unless one word does.
 * @param {string} text
 */
function commentLines(text) {
  const lines = [];
  let line = '#';
  for (const word of text.split(' ')) {
    if (line.length + 1 + word.length > 100 && line.length > 4) {
      lines.push(line);
      line = '#  ';
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines.map((l) => `${l}\n`).join('');
}

/**
 * A complete Keras 3 Python script for an nnplay document.
 * @param {Record<string, any>} document {model, compile, fit} (docs/schema/); other fields ignored
 * @param {{dataFile?: string}} [options] the .npz file the script loads (default
 *   "<model name>_data.npz", the name made file-safe); its arrays are named as dataKeys() says
 * @returns {string}
 */
export function kerasPython(document, { dataFile } = {}) {
  const model = document.model;
  const compile = document.compile ?? {};
  const fit = document.fit ?? {};
  /** @type {import('./python-layers.mjs').ExportContext} */
  const ctx = { notes: [], functions: new Map() };
  const nnplayName = model.name || model.type;
  // Keras refuses "/" in any name (it separates weight paths); nnplay allows it in the model's.
  const name = nnplayName.replace(/\//g, '_');
  if (name !== nnplayName) {
    ctx.notes.push(`the model is named ${pyCommentText(name)} here: Keras names cannot contain "/".`);
  }
  const stem = fileStem(nnplayName);
  const file = dataFile ?? `${stem}_data.npz`;
  const resolved = resolveNames(model);
  const functional = model.type === 'functional';
  const outputs = functional ? model.outputs : [resolved.layers[resolved.layers.length - 1].name];
  // A document not compiled yet (no loss) still gets the model, and a note instead of training.
  const trains = compile.loss != null;
  // compile first: it may register `perceptron`, a name the node variables must then avoid.
  const compiled = trains ? compileText(compile, outputs, ctx) : '';
  const modelText = functional
    ? functionalText(name, model, resolved, ctx)
    : sequentialText(name, resolved, ctx);
  const { callbacks, keywords } = trains ? fitText(fit, compile, ctx) : { callbacks: '', keywords: [] };
  if (!trains) {
    ctx.notes.push('the document has no compile.loss yet, so this script builds the model and stops there.');
  }
  ctx.notes.push(
    'Keras draws its own random numbers: the same seed gives other initial weights, shuffles and ' +
      'dropout masks than in nnplay, so the losses differ a little.',
  );

  const header = trains
    ? `# Keras 3 script exported by nnplay: builds, compiles and trains the model ${pyCommentText(nnplayName)}.\n` +
      `# Put the training data exported with it, ${pyCommentText(file)}, next to this script.\n`
    : `# Keras 3 script exported by nnplay: builds the model ${pyCommentText(nnplayName)}.\n`;
  const training = [
    compiled,
    dataText(document, file),
    callbacks +
      `history = model.fit(\n    x_train,\n    y_train,\n${keywords.map((w) => `    ${w},\n`).join('')})\n`,
    'if validation_data is not None:\n' +
      '    print(model.evaluate(*validation_data, return_dict=True))\n' +
      'else:\n' +
      '    print(model.evaluate(x_train, y_train, return_dict=True))\n' +
      `model.save(${pyString(`${stem}.keras`)})\n`,
  ];
  const parts = [
    header,
    'import numpy as np\nimport keras\nfrom keras import layers\n',
    ...ctx.functions.values(),
    ctx.notes.map((n) => commentLines(`note: ${n}`)).join(''),
    `keras.utils.set_random_seed(${pyInt(model.seed ?? 0)})\n`,
    modelText + 'model.summary()\n',
    ...(trains ? training : []),
  ];
  return parts.join('\n');
}
