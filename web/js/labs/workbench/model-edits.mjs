// @ts-check
// The editor's changes to a document, as pure functions: each takes a document and returns a
// new one (the input is never changed), keeping a functional model's wiring, outputs and
// per-output compile settings consistent with the change. Names follow Keras's automatic
// names (`dense`, `dense_1`, ...) so a new layer always has one and references stay exact.
import { KIND, classOf } from './layer-kinds.mjs';

/** Keras's automatic layer names: the snake case of the class. @type {Readonly<Record<string, string>>} */
const SNAKE = Object.freeze({
  Dense: 'dense',
  Activation: 'activation',
  LeakyReLU: 'leaky_re_lu',
  PReLU: 'p_re_lu',
  Flatten: 'flatten',
  Reshape: 'reshape',
  Dropout: 'dropout',
  BatchNormalization: 'batch_normalization',
  Concatenate: 'concatenate',
  Add: 'add',
  Embedding: 'embedding',
  SimpleRNN: 'simple_rnn',
  LSTM: 'lstm',
  GRU: 'gru',
  Bidirectional: 'bidirectional',
});

/** @param {any} doc @returns {any} a deep copy */
const copy = (doc) => structuredClone(doc);

/** @param {any} doc */
export const isFunctional = (doc) => doc?.model?.type === 'functional';

/**
 * Every node name of the model: its inputs (functional) and its layers.
 * @param {any} doc
 * @returns {string[]}
 */
export function nodeNames(doc) {
  const inputs = isFunctional(doc) ? (doc.model.inputs ?? []).map((/** @type {any} */ i) => i.name) : [];
  return [...inputs, ...(doc.model.layers ?? []).map((/** @type {any} */ l) => l.name)];
}

/**
 * The first free name `<base>`, `<base>_1`, `<base>_2`, ... among `taken`.
 * @param {string} base @param {Iterable<string>} taken
 */
export function freeName(base, taken) {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let k = 1; ; k += 1) if (!used.has(`${base}_${k}`)) return `${base}_${k}`;
}

/**
 * Appends a layer of Keras class `cls`; in a functional model it reads the last node and, when
 * that node was an output, takes its place as the output.
 * @param {any} doc @param {string} cls
 */
export function addLayer(doc, cls) {
  const next = copy(doc);
  const layer = KIND[cls].make();
  layer.name = freeName(SNAKE[cls] ?? 'layer', [...nodeNames(next), 'input_layer']);
  if (isFunctional(next)) {
    const names = nodeNames(next);
    const last = names[names.length - 1];
    layer.inputs = KIND[cls].merges ? names.slice(-2) : [last];
    next.model.outputs = (next.model.outputs ?? []).map((/** @type {string} */ o) =>
      o === last ? layer.name : o,
    );
  }
  next.model.layers.push(layer);
  return next;
}

/**
 * Removes layer `index`; layers and outputs that read it read its first input instead (or lose
 * it when it had none left to give).
 * @param {any} doc @param {number} index
 */
export function removeLayer(doc, index) {
  const next = copy(doc);
  const [gone] = next.model.layers.splice(index, 1);
  if (!gone || !isFunctional(next)) return next;
  const heir = gone.inputs?.[0];
  for (const layer of next.model.layers) {
    layer.inputs = [
      ...new Set((layer.inputs ?? []).map((/** @type {string} */ n) => (n === gone.name ? heir : n))),
    ].filter(Boolean);
  }
  const inputNames = new Set((next.model.inputs ?? []).map((/** @type {any} */ i) => i.name));
  next.model.outputs = [
    ...new Set((next.model.outputs ?? []).map((/** @type {string} */ o) => (o === gone.name ? heir : o))),
  ].filter((/** @type {string} */ o) => o && !inputNames.has(o));
  return fitCompile(next, doc);
}

/**
 * Moves layer `index` one place up (-1) or down (+1) in a Sequential model.
 * @param {any} doc @param {number} index @param {-1 | 1} delta
 */
export function moveLayer(doc, index, delta) {
  const next = copy(doc);
  const layers = next.model.layers;
  const to = index + delta;
  if (to < 0 || to >= layers.length) return next;
  [layers[index], layers[to]] = [layers[to], layers[index]];
  return next;
}

/**
 * Renames node `from` (a layer or a functional input) to `to` everywhere it is referenced:
 * layers' inputs, outputs, and per-output losses and loss weights keyed by name.
 * @param {any} doc @param {string} from @param {string} to
 */
export function renameNode(doc, from, to) {
  const next = copy(doc);
  const swap = (/** @type {string} */ n) => (n === from ? to : n);
  for (const input of next.model.inputs ?? []) input.name = swap(input.name);
  for (const layer of next.model.layers) {
    layer.name = swap(layer.name);
    if (layer.inputs) layer.inputs = layer.inputs.map(swap);
  }
  if (next.model.outputs) next.model.outputs = next.model.outputs.map(swap);
  for (const key of ['loss', 'loss_weights']) {
    const value = next.compile?.[key];
    if (value && typeof value === 'object' && !Array.isArray(value) && !('type' in value) && from in value) {
      next.compile[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [swap(k), v]));
    }
  }
  return next;
}

/**
 * Makes `name` an output of a functional model, or no longer one.
 * @param {any} doc @param {string} name @param {boolean} on
 */
export function setOutput(doc, name, on) {
  const next = copy(doc);
  const outputs = (next.model.outputs ?? []).filter((/** @type {string} */ o) => o !== name);
  if (on) {
    const order = nodeNames(next);
    outputs.push(name);
    outputs.sort((/** @type {string} */ a, /** @type {string} */ b) => order.indexOf(a) - order.indexOf(b));
  }
  next.model.outputs = outputs;
  return fitCompile(next, doc);
}

/**
 * Keeps per-output compile settings in step with the outputs: a list of losses or loss weights
 * keeps the entries of outputs that stay (matched by name) and gives a new output the first
 * entry's value; an object drops the keys of outputs that went and adds the new ones likewise.
 * @param {any} next the changed document @param {any} before the document before the change
 */
export function fitCompile(next, before) {
  const outputs = next.model.outputs ?? [];
  const old = before.model.outputs ?? [];
  for (const key of ['loss', 'loss_weights']) {
    const value = next.compile?.[key];
    if (Array.isArray(value)) {
      next.compile[key] = outputs.map((/** @type {string} */ o) => value[old.indexOf(o)] ?? value[0]);
    } else if (value && typeof value === 'object' && !('type' in value)) {
      const first = Object.values(value)[0];
      next.compile[key] = Object.fromEntries(
        outputs.map((/** @type {string} */ o) => [o, value[o] ?? first]),
      );
    }
  }
  return next;
}

/**
 * The Sequential model as a functional one: each layer reads the one before.
 * @param {any} doc
 */
export function toFunctional(doc) {
  if (isFunctional(doc)) return copy(doc);
  const next = copy(doc);
  const { input_shape: shape, layers } = next.model;
  const input = 'input_layer';
  let previous = input;
  for (const layer of layers) {
    layer.inputs = [previous];
    previous = layer.name;
  }
  delete next.model.input_shape;
  next.model.type = 'functional';
  next.model.inputs = [{ name: input, shape }];
  next.model.outputs = [previous];
  return next;
}

/**
 * The functional model as a Sequential one when it is a plain chain (one input, one output,
 * each layer reading the one before); `{ok: false}` otherwise.
 * @param {any} doc
 * @returns {{ok: true, doc: any} | {ok: false}}
 */
export function toSequential(doc) {
  if (!isFunctional(doc)) return { ok: true, doc: copy(doc) };
  const { inputs = [], layers = [], outputs = [] } = doc.model;
  if (inputs.length !== 1 || outputs.length !== 1 || layers.length === 0) return { ok: false };
  let previous = inputs[0].name;
  for (const layer of layers) {
    if (layer.inputs?.length !== 1 || layer.inputs[0] !== previous) return { ok: false };
    previous = layer.name;
  }
  if (outputs[0] !== previous) return { ok: false };
  const next = copy(doc);
  next.model.type = 'sequential';
  next.model.input_shape = inputs[0].shape;
  delete next.model.inputs;
  delete next.model.outputs;
  for (const layer of next.model.layers) delete layer.inputs;
  return { ok: true, doc: next };
}

/** The layer a node reference names: "lstm/state_h" (a state output) is read from "lstm". */
const layerOf = (/** @type {string} */ ref) => ref.split('/')[0];

/**
 * The layers in an order where each comes after every layer it reads, otherwise as they were:
 * each step takes the first layer (in the old order) whose inbound layers are all placed. A model
 * the engine accepted is already in such an order and comes back unchanged; a loop (which
 * connectNodes refuses before) leaves the rest in their old order for the engine to report.
 * @param {any[]} layers
 * @returns {any[]}
 */
function readOrder(layers) {
  const names = new Set(layers.map((l) => l.name));
  const placed = new Set();
  const left = [...layers];
  const order = [];
  while (left.length) {
    const ready = left.findIndex((l) =>
      (l.inputs ?? []).every((/** @type {string} */ n) => !names.has(layerOf(n)) || placed.has(layerOf(n))),
    );
    const [layer] = left.splice(Math.max(ready, 0), 1);
    placed.add(layer.name);
    order.push(layer);
  }
  return order;
}

/**
 * Whether node `from` is computed from node `to` (follows the inbound names upwards), so that
 * `to` reading `from` would close a loop.
 * @param {any} doc functional @param {string} from @param {string} to
 */
function dependsOn(doc, from, to) {
  const byName = new Map(doc.model.layers.map((/** @type {any} */ l) => [l.name, l]));
  const seen = new Set();
  const stack = [from];
  while (stack.length) {
    const name = /** @type {string} */ (stack.pop());
    if (name === to) return true;
    if (seen.has(name)) continue;
    seen.add(name);
    for (const n of byName.get(name)?.inputs ?? []) stack.push(layerOf(n));
  }
  return false;
}

/**
 * @typedef {'self' | 'intoInput' | 'unknown' | 'cycle' | 'same' | 'lastInput'} ConnectRefusal
 *   self: a node onto itself; intoInput: the target is a model input (it reads data, not a
 *   layer); unknown: a name the model lacks; cycle: `from` is already computed from `to`;
 *   same: a one-input layer already reads `from`; lastInput: taking away a merge layer's only input
 * @typedef {{doc: any, converted: boolean, change: 'replaced' | 'added' | 'removed'}} Connected
 *   converted: the Sequential model became functional first; change: what happened to `to`'s inputs
 */

/**
 * Wires node `from` (a model input or a layer) into layer `to`, as a drag from `from`'s output
 * onto `to` on the diagram does. A layer that takes one input (Dense, Activation, LSTM, ...)
 * reads `from` instead of what it read (a recurrent layer keeps its initial-state inputs after
 * the first); a merge layer (Concatenate, Add) gains `from` as one more input, or loses it when
 * it already had it, like its row's checkboxes, its inputs in node order as those leave them.
 * A Sequential model becomes functional first (toFunctional): a wire that is not the chain's
 * needs Keras's functional API. When `from` comes later in the layer list than `to`, the layers
 * are reordered so each follows what it reads (the engine, like a Keras script, reads in order).
 * Outputs and compile settings stay. Nothing is changed on a refusal.
 * @param {any} doc @param {string} from @param {string} to
 * @returns {Connected | {error: {code: ConnectRefusal, from: string, to: string}}}
 */
export function connectNodes(doc, from, to) {
  const refuse = (/** @type {ConnectRefusal} */ code) => ({ error: { code, from, to } });
  if (from === to) return refuse('self');
  const next = toFunctional(doc);
  const inputNames = new Set((next.model.inputs ?? []).map((/** @type {any} */ i) => i.name));
  const layers = next.model.layers ?? [];
  if (inputNames.has(to)) return refuse('intoInput');
  const target = layers.find((/** @type {any} */ l) => l.name === to);
  if (!target || !(inputNames.has(from) || layers.some((/** @type {any} */ l) => l.name === from))) {
    return refuse('unknown');
  }
  if (dependsOn(next, from, to)) return refuse('cycle');
  /** @type {string[]} */
  const reads = target.inputs ?? [];
  /** @type {Connected['change']} */
  let change = 'replaced';
  if (KIND[classOf(target)]?.merges) {
    if (reads.includes(from)) {
      if (reads.length === 1) return refuse('lastInput');
      target.inputs = reads.filter((n) => n !== from);
      change = 'removed';
    } else {
      target.inputs = [...reads, from];
      change = 'added';
    }
  } else {
    if (reads[0] === from) return refuse('same');
    target.inputs = [from, ...reads.slice(1)];
  }
  next.model.layers = readOrder(layers);
  if (change !== 'replaced') {
    const order = nodeNames(next);
    // A layer's own output before its state outputs, as Keras returns them (output, h, c).
    const at = (/** @type {string} */ n) => 2 * order.indexOf(layerOf(n)) + (n.includes('/') ? 1 : 0);
    target.inputs.sort((/** @type {string} */ a, /** @type {string} */ b) => at(a) - at(b));
  }
  return { doc: next, converted: !isFunctional(doc), change };
}
